//! Malformed input never panics; errors and warnings name the line; every
//! message is asserted.

use std::fmt::Write as _;
use std::time::Instant;

use govgraph::ingest::{Article, IgnoreReason, IngestError, Ingester, WarningKind};

#[track_caller]
fn err(text: &str) -> String {
    Ingester::new()
        .ingest_str("bad.txt", text)
        .expect_err("refused")
        .to_string()
}

#[test]
fn article_errors_name_the_article_and_line() {
    assert_eq!(err(""), "bad.txt: the article is empty");
    assert_eq!(err("\r\n  \n\t\n"), "bad.txt: the article is empty");
    assert_eq!(err("\u{feff}"), "bad.txt: the article is empty");
    assert_eq!(
        err("\n\nNo title, just prose.\n"),
        "bad.txt:3: the first non-empty line is not a title `= Title =`"
    );
    assert_eq!(
        err("== Section first ==\n"),
        "bad.txt:1: the first non-empty line is not a title `= Title =`"
    );
    assert_eq!(
        err("=  =\n"),
        "bad.txt:1: the first non-empty line is not a title `= Title =`"
    );
    let big = Ingester::new()
        .with_max_article_bytes(10)
        .ingest_str("big.txt", "= Twelve by =")
        .expect_err("too large");
    assert_eq!(
        big.to_string(),
        "big.txt: the article is 13 bytes long, the limit is 10"
    );
    let iri = Ingester::new()
        .ingest_with_source("a.txt", "no scheme", "= A =")
        .expect_err("bad iri");
    assert!(
        iri.to_string()
            .starts_with("a.txt: \"no scheme\" is not an absolute IRI: "),
        "{iri}"
    );
}

#[test]
fn files_that_are_not_utf8_or_missing_are_errors_naming_them() {
    let dir = std::env::temp_dir().join(format!("govgraph-ingest-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let bin = dir.join("garbage.txt");
    std::fs::write(&bin, b"= Title =\nline two\nab\xc3\xa9\xff\xfe\x00binary").expect("write");
    let e = Ingester::new().ingest_path(&bin).expect_err("not utf-8");
    assert!(
        matches!(e, IngestError::NotUtf8 { at, .. } if at == govgraph::TextPosition::new(3, 4)),
        "{e:?}"
    );
    assert_eq!(
        e.to_string(),
        format!("{}:3:4: the article is not valid UTF-8", bin.display())
    );

    let big = dir.join("big.txt");
    std::fs::write(&big, "= Big =\n".repeat(4)).expect("write");
    let e = Ingester::new()
        .with_max_article_bytes(16)
        .ingest_path(&big)
        .expect_err("too big");
    assert_eq!(
        e.to_string(),
        format!(
            "{}: the article is 32 bytes long, the limit is 16",
            big.display()
        )
    );

    // A directory reads only its .txt files, sorted, and stops at the first
    // bad one.
    std::fs::write(dir.join("a.txt"), "= Alpha Office =\n").expect("write");
    std::fs::write(dir.join("notes.md"), "not an article").expect("write");
    std::fs::remove_file(&big).expect("remove");
    let mut ing = Ingester::new();
    let e = ing.ingest_path(&dir).expect_err("garbage.txt");
    assert!(matches!(e, IngestError::NotUtf8 { .. }));
    let govgraph::ingest::Ingested {
        graph: g, report, ..
    } = ing.finish();
    assert_eq!(report.articles().collect::<Vec<_>>(), ["Alpha Office"]);
    assert!(g.org_by_slug("alpha-office").is_some());

    let missing = dir.join("missing.txt");
    let e = Ingester::new().ingest_path(&missing).expect_err("missing");
    assert!(
        e.to_string()
            .starts_with(&format!("{}: cannot read: ", missing.display())),
        "{e}"
    );
    std::fs::remove_dir_all(&dir).expect("clean up");
}

#[test]
fn structural_problems_are_warnings_with_lines() {
    let text = "= Office of Odd Input =\nInfobox\n- Formed 1990\n- : nothing\n- Formed: sometime in the 1990s\n- Logo Width: wide\n- Logo: A.svg\n- Website: not a site\n- Chief1 Name: 王\n- Chief1 Position: Director (acting)\n\n== See also ==\n- Group\n      - Three levels at once\n";
    let mut ing = Ingester::new();
    ing.ingest_str("odd.txt", text).expect("ingests");
    let govgraph::ingest::Ingested {
        graph: g, report, ..
    } = ing.finish();
    let got: Vec<String> = report
        .warnings()
        .map(|w| format!("{}: {}", w.at, w.kind))
        .collect();
    assert_eq!(
        got,
        [
            "Office of Odd Input:3: infobox line has no colon between key and value: skipped",
            "Office of Odd Input:4: infobox line has no key before its colon: skipped",
            "Office of Odd Input:14: list item nested 3 levels below the item before it: read as one level",
            "Office of Odd Input:5: date \"sometime in the 1990s\" is not a form I can read: kept as text here only",
            "Office of Odd Input:8: \"not a site\" is not a web address: left out",
            "Office of Odd Input:6: width \"wide\" is not a whole number of pixels: left out",
            "Office of Odd Input:10: qualifier \"acting\" is not a rank: kept in the post's name",
            "Office of Odd Input:9: name \"王\" has no ASCII letter or digit: its slug is `office-of-odd-input-person-3`",
        ]
    );
    let o = g.org_by_slug("office-of-odd-input").expect("ingested");
    assert_eq!(
        o.details().logo.as_ref().map(|l| l.file.as_str()),
        Some("A.svg")
    );
    assert_eq!(
        o.heads()
            .map(govgraph::PersonRef::display_name)
            .collect::<Vec<_>>(),
        ["王"]
    );
    assert_eq!(
        o.head_posts()
            .map(govgraph::PostRef::display_name)
            .collect::<Vec<_>>(),
        ["Director (acting)"]
    );
}

#[test]
fn every_warning_message() {
    let msg = |k: WarningKind| k.to_string();
    assert_eq!(
        msg(WarningKind::UnbalancedHeading),
        "heading closes with a different number of `=` than it opens with"
    );
    assert_eq!(msg(WarningKind::EmptyHeading), "heading has no text");
    assert_eq!(
        msg(WarningKind::SecondTitle),
        "a second title: read as a section heading"
    );
    assert_eq!(
        msg(WarningKind::LateInfobox),
        "`Infobox` line after the prose started: read as prose"
    );
    assert_eq!(
        msg(WarningKind::LinkRefused { reason: "r".into() }),
        "link left out: r"
    );
}

#[test]
fn every_ignore_reason() {
    let cases = [
        (
            IgnoreReason::UnknownKey,
            "not a parameter of the Infobox government agency template",
        ),
        (IgnoreReason::EmptyValue, "the value is empty"),
        (
            IgnoreReason::Repeated { first_line: 4 },
            "repeats the parameter of line 4, whose value is kept",
        ),
        (
            IgnoreReason::NotModelled { what: "mottos" },
            "the model has no field for mottos",
        ),
        (
            IgnoreReason::OutOfRange { max: 9 },
            "the template numbers this parameter from 1 to 9",
        ),
        (
            IgnoreReason::NotWikidata,
            "not a Wikidata id (Q and digits), the only ids the model keeps",
        ),
        (
            IgnoreReason::OneEmblem,
            "the model holds one emblem and the logo is kept",
        ),
        (
            IgnoreReason::WidthWithoutImage,
            "a width with no image to apply it to",
        ),
        (
            IgnoreReason::MinisterTypeUnused,
            "every minister has a portfolio, which names the post",
        ),
        (
            IgnoreReason::SectionNotRead,
            "only the Functions, Organization, See also and officeholder list sections are read",
        ),
        (
            IgnoreReason::NestedTooDeep,
            "nested deeper than the ingester reads there",
        ),
        (
            IgnoreReason::UnderIgnoredItem,
            "nested under an item that was not read",
        ),
        (
            IgnoreReason::NotNumbered,
            "only the numbered list of a Functions section gives functions",
        ),
        (
            IgnoreReason::FunctionsAlreadyListed,
            "the body's functions were listed by an earlier article, whose order is kept",
        ),
        (
            IgnoreReason::Prose,
            "prose is not mined for facts (only the first paragraph, as the description)",
        ),
        (
            IgnoreReason::LeadList,
            "a list before the first section: lists are read only in sections",
        ),
    ];
    for (reason, text) in cases {
        assert_eq!(reason.to_string(), text);
    }
}

#[test]
#[expect(clippy::too_many_lines, reason = "one line per template parameter")]
fn the_whole_template_is_used_or_ignored_with_a_reason() {
    let text = "= Agency of Everything =\nInfobox\n\
- Name: Agency of Everything\n\
- Native Name: 万物局\n\
- Nativename R: Wanwu Ju\n\
- Agency Type: Agency\n\
- Logo: Logo.svg\n- Logo Width: 90px\n- Logo Caption: the logo\n\
- Seal: Seal.svg\n- Seal Width: 80\n- Seal Caption: the seal\n\
- Image: Building.jpg\n- Image Caption: the building\n\
- Formed: September 27, 1949\n- Dissolved: 1 October 2000\n\
- Preceding1: Old Agency\n- Superseding1: New Agency\n\
- Jurisdiction: Somewhere\n- Status: Defunct\n\
- Headquarters: 1 Main Street, Old Town, Central District, Capital City\n\
- Employees: 300\n- Budget: 1 million (2000)\n\
- Minister Type: Minister\n- Minister1 Name: A Person\n\
- Deputyminister1 Name: B Person\n- Deputyminister1 Pfo: Deputy Minister\n\
- Chief1 Name: C Person\n- Chief1 Position: Director\n- Chief2 Name: D Person\n\
- Chief10 Name: Too Many\n\
- Parent Department: Ministry of All\n\
- Child1 Agency: Small Agency\n- Child2: Other Agency\n\
- Keydocument1: Founding Act\n\
- Website: [https://example.org/everything Everything]\n\
- Agency ID: Q42\n- Motto: All of it\n- Map: map.png\n- Footnotes: none\n";
    let mut ing = Ingester::new();
    ing.ingest_str("e.txt", text).expect("ingests");
    let govgraph::ingest::Ingested {
        graph: g, report, ..
    } = ing.finish();
    assert_eq!(report.warnings().count(), 0, "{report}");
    let ignored: Vec<(String, String)> = report
        .ignored()
        .map(|i| (i.key.clone(), i.reason.to_string()))
        .collect();
    let expect = |k: &str, r: &str| (k.to_owned(), r.to_owned());
    assert_eq!(
        ignored,
        [
            expect("Logo Caption", "the model has no field for captions"),
            expect("Seal Caption", "the model has no field for captions"),
            expect(
                "Image",
                "the model has no field for pictures other than the logo"
            ),
            expect("Image Caption", "the model has no field for captions"),
            expect("Status", "the model has no field for a body's status"),
            expect(
                "Chief10 Name",
                "the template numbers this parameter from 1 to 9"
            ),
            expect("Motto", "the model has no field for mottos"),
            expect("Map", "the model has no field for maps and coordinates"),
            expect("Footnotes", "the model has no field for this parameter"),
            expect("Seal", "the model holds one emblem and the logo is kept"),
            expect(
                "Seal Width",
                "the model holds one emblem and the logo is kept"
            ),
        ]
    );
    // Leaders with no position hold a post titled for their role in the
    // body, reported as supplied.
    let supplied: Vec<String> = report
        .supplied_titles()
        .map(|t| format!("{} {} {} {}", t.at, t.role, t.post, t.title))
        .collect();
    assert_eq!(
        supplied,
        [
            "Agency of Everything:30 chief post/chief-of-the-agency-of-everything Chief of the Agency of Everything",
            "Agency of Everything:25 minister post/minister-of-the-agency-of-everything Minister of the Agency of Everything",
        ]
    );
    let o = g.org_by_slug("agency-of-everything").expect("ingested");
    assert_eq!(
        o.founded.map(|d| d.to_string()).as_deref(),
        Some("1949-09-27")
    );
    assert_eq!(
        o.details().dissolved.map(|d| d.to_string()).as_deref(),
        Some("2000-10-01")
    );
    assert_eq!(o.details().logo.as_ref().and_then(|l| l.width_px), Some(90));
    assert_eq!(o.details().employees.as_deref(), Some("300"));
    assert_eq!(o.details().budget.as_deref(), Some("1 million (2000)"));
    assert_eq!(o.details().key_documents, ["Founding Act"]);
    assert_eq!(
        o.details().same_as[0].as_str(),
        "http://www.wikidata.org/entity/Q42"
    );
    assert_eq!(
        o.labels.preferred(&govgraph::Lang::zh_hans()),
        Some("万物局")
    );
    assert!(
        o.labels
            .alternates()
            .any(|l| l.text == "Wanwu Ju" && l.lang.as_str() == "zh-latn")
    );
    assert_eq!(
        o.parent().map(govgraph::OrgRef::display_name),
        Some("Ministry of All")
    );
    assert_eq!(o.sub_organizations().count(), 2);
    assert_eq!(o.replaces().count(), 1);
    assert_eq!(o.replaced_by().count(), 1);
    assert_eq!(
        o.official_websites()
            .map(|w| w.data().url())
            .collect::<Vec<_>>(),
        ["https://example.org/everything"]
    );
    // Chief1 heads; the minister (its post titled from Minister Type), the
    // second chief and the deputy do not.
    assert_eq!(
        o.heads()
            .map(govgraph::PersonRef::display_name)
            .collect::<Vec<_>>(),
        ["C Person"]
    );
    let mut posts: Vec<&str> = o.posts().map(govgraph::PostRef::display_name).collect();
    posts.sort_unstable();
    assert_eq!(
        posts,
        [
            "Chief of the Agency of Everything",
            "Deputy Minister",
            "Director",
            "Minister of the Agency of Everything"
        ]
    );
    let hq = o.headquarters().expect("hq");
    let chain: Vec<String> = std::iter::successors(hq.places().next(), |p| p.contained_in().next())
        .map(|p| format!("{} ({})", p.display_name(), p.kind))
        .collect();
    assert_eq!(
        chain,
        [
            "Old Town (other)",
            "Central District (district)",
            "Capital City (city)"
        ]
    );
}

#[test]
fn hostile_shapes_do_not_panic() {
    let inputs: Vec<String> = vec![
        "=".into(),
        "= =".into(),
        "===".into(),
        "= A =\nInfobox".into(),
        "= A =\nInfobox\n-".into(),
        "= A =\nInfobox\n- :".into(),
        "= A =\nInfobox\n- a:".into(),
        "= A =\n-\n- \n1.\n99999999999. x\n== ==\n=== ===\n==".into(),
        "= A =\n      - deep first\n- shallow\n    - deep\n".into(),
        "= A =\n== See also ==\n- A\n- \n  - x\n    - y\n".into(),
        "= A =\n== Functions ==\n- bullet\n1.\n1. one\n  - nested\n".into(),
        "= A =\n== Organization ==\n- A\n=== ===\n- B\n  - B\n".into(),
        "= A =\nInfobox\n- Parent Agency: A\n- Child1 Agency: A\n- Preceding1: A\n".into(),
        format!("= {} =\n", "x".repeat(100_000)),
        format!("= A =\nInfobox\n- Name: {}\n", "y ".repeat(50_000)),
        "= 国务院 =\nInfobox\n- Chief1 Name: 李强\n- Chief1 Position: 总理\n".into(),
        "= A =\r\r\n\u{feff}\u{0}\u{7f}\u{2028}".into(),
    ];
    for text in &inputs {
        let _ = Article::parse("x", text);
        let mut ing = Ingester::new();
        let _ = ing.ingest_str("x", text);
        let _ = ing.ingest_str("x", text);
        let govgraph::ingest::Ingested {
            graph: _g, report, ..
        } = ing.finish();
        let _ = report.to_string();
    }
}

#[test]
fn self_links_are_warnings_not_panics() {
    let mut ing = Ingester::new();
    ing.ingest_str("a", "= A Agency =\nInfobox\n- Parent Agency: A Agency\n")
        .expect("ingests");
    let govgraph::ingest::Ingested {
        graph: _, report, ..
    } = ing.finish();
    let got: Vec<String> = report.warnings().map(|w| w.kind.to_string()).collect();
    assert_eq!(
        got,
        ["link left out: organization `a-agency` cannot be linked sub_organization_of itself"]
    );
}

#[test]
fn a_hundred_thousand_lines_ingest_in_linear_time() {
    let mut text = String::from(
        "= Large Agency =\nInfobox\n- Formed: 2000\n\nA body with a long article.\n\n",
    );
    text.push_str("== Functions ==\n");
    for i in 1..=2_000 {
        let _ = writeln!(text, "{i}. Duty number {i}");
    }
    text.push_str("== Organization ==\n=== Internal departments ===\n");
    for i in 1..=20_000 {
        let _ = writeln!(text, "- Department number {i}");
    }
    text.push_str("== History ==\n");
    let mut lines = text.lines().count();
    while lines < 100_000 {
        text.push_str("A line of prose that the ingester does not mine.\n\n");
        lines += 2;
    }
    let start = Instant::now();
    let (article, warnings) = Article::parse("large.txt", &text).expect("parses");
    assert!(warnings.is_empty());
    assert_eq!(article.sections.len(), 3);
    let mut ing = Ingester::new();
    ing.ingest_str("large.txt", &text).expect("ingests");
    let govgraph::ingest::Ingested {
        graph: g, report, ..
    } = ing.finish();
    let elapsed = start.elapsed();
    let o = g.org_by_slug("large-agency").expect("ingested");
    assert_eq!(o.functions().count(), 2_000);
    assert_eq!(o.sub_organizations().count(), 20_000);
    assert_eq!(report.created().count(), 1 + 2_000 + 1 + 20_000);
    assert!(elapsed.as_secs() < 20, "took {elapsed:?}");
}

#[test]
fn prose_and_stray_lists_are_reported_not_dropped() {
    let text = "= Office of Prose =\n\
\n\
The office, described.\n\
A second line of the same paragraph.\n\
\n\
A second lead paragraph.\n\
- a list in the lead\n\
  - nested in it\n\
\n\
== Functions ==\n\
Its duties:\n\
1. Writes.\n\
Between the duties.\n\
\n\
== Organization ==\n\
It has these units:\n\
- Drafting Unit\n\
\n\
=== Bureaus ===\n\
Bureaus, described.\n\
- Filing Bureau\n\
\n\
== See also ==\n\
Related:\n\
- Office of Verse\n";
    let mut ing = Ingester::new();
    ing.ingest_str("prose.txt", text).expect("well formed");
    let govgraph::ingest::Ingested {
        graph: g, report, ..
    } = ing.finish();
    let ignored: Vec<(usize, IgnoreReason)> = report
        .ignored()
        .map(|i| (i.at.line, i.reason.clone()))
        .collect();
    assert_eq!(
        ignored,
        [
            (6, IgnoreReason::Prose),
            (7, IgnoreReason::LeadList),
            (8, IgnoreReason::LeadList),
            (11, IgnoreReason::Prose),
            (13, IgnoreReason::Prose),
            (16, IgnoreReason::Prose),
            (20, IgnoreReason::Prose),
            (24, IgnoreReason::Prose),
        ],
        "{report}"
    );
    // The first paragraph, both of its lines, is the description; the
    // lists in sections are read.
    let office = g.org_by_slug("office-of-prose").expect("the subject");
    assert_eq!(
        office.details().description.as_deref(),
        Some("The office, described. A second line of the same paragraph.")
    );
    assert_eq!(office.functions().count(), 1);
    assert!(g.org_by_slug("filing-bureau").is_some());
    assert!(g.org_by_slug("drafting-unit").is_some());
    let shown = report.to_string();
    assert!(
        shown.contains("Office of Prose:24: ignored \"Related:\": prose is not mined for facts"),
        "{shown}"
    );
}
