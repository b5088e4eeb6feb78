//! The `govgraph` binary, run as a shell user runs it: every subcommand,
//! standard input, `-o FILE`, and every error path with its exit code and
//! its exact one-line message.
#![cfg(feature = "cli")]

use std::path::PathBuf;

use assert_cmd::Command;
use govgraph::GovGraph;
use predicates::prelude::*;

fn gg() -> Command {
    let mut c = Command::cargo_bin("govgraph").expect("the binary is built with the cli feature");
    c.env_remove("NO_COLOR").env_remove("CLICOLOR_FORCE");
    c
}

/// A fresh path in the test scratch folder.
fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("cli");
    std::fs::create_dir_all(&dir).expect("the scratch folder can be made");
    let p = dir.join(name);
    let _ = std::fs::remove_file(&p);
    p
}

fn stdout_of(args: &[&str]) -> String {
    let out = gg()
        .args(args)
        .assert()
        .success()
        .stderr("")
        .get_output()
        .clone();
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

#[track_caller]
fn fails(args: &[&str], code: i32, message: &str) {
    gg().args(args)
        .assert()
        .code(code)
        .stdout("")
        .stderr(format!("govgraph: {message}\n"));
}

/// A graph with two bodies sharing a name and no link between them.
const TWINS: &str = r#"{"format":"govgraph","version":1,"nodes":[
 {"type":"organization","slug":"alpha","kind":"agency","labels":{"preferred":{"en":"Alpha"}}},
 {"type":"organization","slug":"alpha-two","kind":"office","labels":{"preferred":{"en":"Alpha"}}}
],"links":[]}"#;

/// Writes [`TWINS`] to a file of its own for each test (tests run in
/// parallel).
fn twins(test: &str) -> String {
    let p = scratch(&format!("twins-{test}.json"));
    std::fs::write(&p, TWINS).expect("scratch file written");
    p.display().to_string()
}

const SUBCOMMANDS: &[&str] = &[
    "show",
    "tree",
    "path",
    "search",
    "export",
    "ingest",
    "import",
    "validate",
    "stats",
    #[cfg(feature = "sparql")]
    "query",
];

#[test]
fn every_subcommand_has_help_with_examples() {
    for sub in SUBCOMMANDS {
        let help = stdout_of(&[sub, "--help"]);
        assert!(help.contains("Examples:"), "{sub}");
        assert!(
            help.contains(&format!("govgraph {sub}")) || *sub == "stats",
            "{sub}"
        );
    }
    let top = stdout_of(&["--help"]);
    for sub in SUBCOMMANDS {
        assert!(top.contains(sub), "{sub}");
    }
    assert!(top.contains("Examples:"));
    assert!(stdout_of(&["--version"]).starts_with("govgraph "));
}

#[test]
fn usage_errors_exit_2() {
    gg().assert().code(2).stdout("");
    gg().arg("bogus")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unrecognized subcommand 'bogus'"));
    gg().args(["export", "--format", "png"]).assert().code(2);
    gg().args(["show"]).assert().code(2);
    gg().args(["path", "a"]).assert().code(2);
    gg().args(["ingest"]).assert().code(2);
    gg().args(["--graph", "-", "stats"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--graph-format"));
    gg().args(["--graph-format", "json", "stats"])
        .assert()
        .code(2);
    gg().args(["import", "-"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--format"));
    fails(
        &[
            "export",
            "--format",
            "json",
            "--base",
            "https://example.org/id/",
        ],
        2,
        "--base applies to RDF formats only, not json",
    );
    fails(
        &["search", "x", "--kind", "nope"],
        2,
        "unknown kind `nope`: give one of org, post, person, jurisdiction, site, place, function, website, category, membership, event",
    );
    fails(&["search", "  "], 2, "give some text to search for");
    fails(
        &["ingest", "tests/fixtures/articles", "--alias", "nope"],
        2,
        "--alias takes NAME=CANONICAL, not `nope`",
    );
    fails(
        &["ingest", "-", "-"],
        2,
        "standard input (`-`) can be read only once",
    );
    fails(
        &["validate", "Cargo.toml"],
        2,
        "cannot tell the format of Cargo.toml from its name: give its format (json, popolo, turtle, ntriples, nquads, trig, rdfxml, jsonld or article)",
    );
}

#[test]
fn no_color_is_respected() {
    let forced = gg()
        .arg("--help")
        .env("CLICOLOR_FORCE", "1")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert!(forced.contains(&0x1b), "clap colours help when forced");
    let plain = gg()
        .arg("--help")
        .env("CLICOLOR_FORCE", "1")
        .env("NO_COLOR", "1")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert!(!plain.contains(&0x1b));
}

#[test]
fn show_finds_a_node_by_label_slug_key_or_chinese_name() {
    let by_label = stdout_of(&["show", "general office of the state council"]);
    assert!(by_label.starts_with("General Office of the State Council\n===="));
    for needle in [
        "org/general-office-of-the-state-council · agency",
        "zh-hans   中华人民共和国国务院办公厅",
        "Parent        State Council (org/state-council)",
        "Jurisdiction  State Council of China (jurisdiction/state-council-of-china)",
        "Headquarters  2 Fuyou Street, Zhongnanhai, Xicheng District, Beijing",
        "  Secretary-General of the State Council (head)\n    held by Xi Zhongxun (1954-09 – 1965-01), Zhou Rongxin",
        "Yang Jing (2013-03 – unknown), Xiao Jie (2018-03-19 – 2023-03-12), Wu Zhenglong (since 2023-03-12)\n",
        "   1. Prepares meetings of the State Council",
        "Related\n",
    ] {
        assert!(by_label.contains(needle), "{needle}");
    }
    assert_eq!(
        stdout_of(&["show", "general-office-of-the-state-council"]),
        by_label
    );
    assert_eq!(
        stdout_of(&["show", "org/general-office-of-the-state-council"]),
        by_label
    );
    assert_eq!(stdout_of(&["show", "中华人民共和国国务院办公厅"]), by_label);

    let person = stdout_of(&["show", "wu-zhenglong"]);
    assert!(person.contains("person/wu-zhenglong · person"));
    assert!(
        person.contains(
            "Secretary-General of the State Council, General Office of the State Council"
        )
    );
    let post = stdout_of(&[
        "show",
        "post/executive-deputy-secretary-general-of-the-state-council",
    ]);
    assert!(post.contains("Rank          minister-level"));
    assert!(post.contains("Held by       Wang Zhijun"));
}

#[test]
fn show_json_is_the_node_and_its_links() {
    let text = stdout_of(&["show", "state-council", "--json"]);
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["key"], "org/state-council");
    assert_eq!(v["node"]["type"], "organization");
    assert_eq!(v["node"]["kind"], "governing_body");
    let links = v["links"].as_array().unwrap();
    assert!(links.iter().any(|l| l["relation"] == "sub_organization_of"
        && l["direction"] == "in"
        && l["node"] == "org/general-office-of-the-state-council"));
}

#[test]
fn show_errors() {
    fails(
        &["show", "nothing-here"],
        1,
        "nothing in the graph is named `nothing-here` (try `govgraph search`)",
    );
    fails(
        &["show", "org/nope"],
        1,
        "no organization with the slug `nope` in the graph",
    );
    let twins = twins("1");
    fails(
        &["--graph", &twins, "show", " ALPHA "],
        1,
        "`ALPHA` is ambiguous: it names Alpha (org/alpha), Alpha (org/alpha-two); give one as kind/slug",
    );
    assert!(stdout_of(&["--graph", &twins, "show", "org/alpha-two"]).contains("· office"));
}

const TREE: &str = "\
State Council [governing body]
├── Deputy Secretary-General of the State Council: none recorded
└── General Office of the State Council [agency]
    ├── Secretary-General of the State Council (head): Xi Zhongxun (1954-09 – 1965-01), Zhou Rongxin (1965-01 – 1975-01), Jin Ming (1979-06 – 1980-02), Ji Pengfei (1980-02 – 1982-05), Du Xingyuan (1982-05 – 1983-06), Tian Jiyun (1983-06 – 1985-09), Chen Junsheng (1985-09 – 1993-03), Luo Gan (1993-03 – 1998-03), Wang Zhongyu (1998-03 – 2003-03), Hua Jianmin (2003-03 – 2008-03), Ma Kai (2008-03 – 2013-03), Yang Jing (2013-03 – unknown), Xiao Jie (2018-03-19 – 2023-03-12), Wu Zhenglong (since 2023-03-12)
    ├── Executive Deputy Secretary-General of the State Council: Wang Zhijun
    └── China Government Network Operation Center [institution]
";

#[test]
fn tree_draws_the_org_chart() {
    assert_eq!(stdout_of(&["tree", "State Council"]), TREE);
    let all = stdout_of(&["tree"]);
    assert_eq!(
        all,
        format!(
            "{TREE}\nGeneral Office of the Chinese Communist Party [party organ]\n\n\
             General Office of the Central Military Commission [military organ]\n\n\
             Office of the Premier of China [office]\n\n\
             Government Administration Council of the Central People's Government [governing body]\n\
             └── Secretary-General of the Government Administration Council of the Central People's Government: \
             Li Weihan (1949-10 – 1953-09), Xi Zhongxun (1953-09 – 1954-09)\n"
        )
    );
    let ascii = stdout_of(&["tree", "state-council", "--ascii"]);
    // The drawing is plain ASCII; the data need not be (the tenures'
    // dates are shown with an en dash).
    assert!(!ascii.contains(['├', '└', '│', '─']), "{ascii}");
    assert!(ascii.lines().all(|l| {
        l.chars()
            .take_while(|c| !c.is_alphanumeric())
            .all(|c| c.is_ascii())
    }));
    assert!(
        ascii.contains(
            "`-- General Office of the State Council [agency]\n    |-- Secretary-General"
        )
    );
    assert_eq!(
        stdout_of(&["tree", "state-council", "--no-posts", "--ascii"]),
        "State Council [governing body]\n`-- General Office of the State Council [agency]\n    `-- China Government Network Operation Center [institution]\n"
    );
    fails(
        &["tree", "wu-zhenglong"],
        1,
        "`wu-zhenglong` is a person (person/wu-zhenglong), not an organization",
    );
    fails(
        &["tree", "nobody"],
        1,
        "nothing in the graph is named `nobody` (try `govgraph search`)",
    );
}

#[test]
fn path_prints_names_or_one_step_a_line_with_keys() {
    assert_eq!(
        stdout_of(&["path", "Wang Zhijun", "gov-cn"]),
        "Wang Zhijun holds Executive Deputy Secretary-General of the State Council, a post in \
         General Office of the State Council, which publishes gov.cn\n"
    );
    assert_eq!(
        stdout_of(&["path", "Wang Zhijun", "gov-cn", "--keys"]),
        "person/wang-zhijun <-holder- membership/wang-zhijun-executive-deputy-secretary-general-of-the-state-council\n\
         membership/wang-zhijun-executive-deputy-secretary-general-of-the-state-council -tenure_of-> post/executive-deputy-secretary-general-of-the-state-council\n\
         post/executive-deputy-secretary-general-of-the-state-council -post_in-> org/general-office-of-the-state-council\n\
         org/general-office-of-the-state-council <-published_by- website/gov-cn\n"
    );
    assert_eq!(
        stdout_of(&["path", "state-council", "State Council"]),
        "org/state-council (the same node)\n"
    );
    let twins = twins("2");
    fails(
        &["--graph", &twins, "path", "org/alpha", "org/alpha-two"],
        1,
        "no path links org/alpha and org/alpha-two",
    );
    fails(
        &["path", "state-council", "nowhere"],
        1,
        "nothing in the graph is named `nowhere` (try `govgraph search`)",
    );
}

#[test]
fn search_matches_labels_in_any_language() {
    // Labels that begin with the text first, then those that contain it,
    // each in graph order.
    assert_eq!(
        stdout_of(&["search", "OFFICE"]),
        "org/office-of-the-premier-of-china\tOffice of the Premier of China\n\
         org/general-office-of-the-state-council\tGeneral Office of the State Council\n\
         category/general-offices\tGeneral Offices\n\
         org/general-office-of-the-chinese-communist-party\tGeneral Office of the Chinese Communist Party\n\
         org/general-office-of-the-central-military-commission\tGeneral Office of the Central Military Commission\n"
    );
    assert_eq!(
        stdout_of(&["search", "general offices"]),
        "category/general-offices\tGeneral Offices\n"
    );
    assert_eq!(
        stdout_of(&["search", "国务院"]),
        "post/secretary-general-of-the-state-council\tSecretary-General of the State Council\t(国务院秘书长)\n\
         org/general-office-of-the-state-council\tGeneral Office of the State Council\t(中华人民共和国国务院办公厅)\n"
    );
    let posts = stdout_of(&["search", "secretary", "--kind", "post"]);
    assert_eq!(posts.lines().count(), 4);
    assert!(posts.lines().all(|l| l.starts_with("post/")));
    assert!(stdout_of(&["search", "fuyou street", "--kind", "site"]).starts_with("site/"));
    fails(&["search", "zzzz"], 1, "no label contains `zzzz`");
    fails(
        &["search", "office", "--kind", "post"],
        1,
        "no post has a label containing `office`; 5 nodes of other kinds do (leave out --kind to see them)",
    );
    fails(
        &["search", "2 fuyou street", "--kind", "org"],
        1,
        "no organization has a label containing `2 fuyou street`; 1 node of other kinds does (leave out --kind to see it)",
    );
    fails(
        &["search", "zzzz", "--kind", "post"],
        1,
        "no post has a label containing `zzzz`",
    );
}

#[test]
fn stats_counts_kinds_relations_and_depth() {
    let text = stdout_of(&["stats"]);
    assert!(text.starts_with("nodes: 68\n"));
    assert!(text.contains("  organization                7\n"));
    assert!(text.contains("  event                       1\n"));
    assert!(text.contains("links: 78\n"));
    assert!(text.contains("  sub_organization_of         2\n"));
    assert!(text.contains("  replaces                    2\n"));
    assert!(text.ends_with("hierarchy: 5 roots; the deepest body is 2 levels below its root\n"));
    let v: serde_json::Value = serde_json::from_str(&stdout_of(&["stats", "--json"])).unwrap();
    assert_eq!(v["nodes"], 68);
    assert_eq!(v["hierarchy"]["depth"], 2);
    assert_eq!(v["nodes_by_kind"]["function"], 12);
}

#[test]
fn export_writes_every_format() {
    let g = govgraph::datasets::general_office();
    let turtle = stdout_of(&["export"]);
    let back = govgraph::rdf::import(turtle.as_bytes(), govgraph::rdf::RdfFormat::Turtle).unwrap();
    assert_eq!(back.graph, g);
    assert_eq!(stdout_of(&["export", "--format", "turtle"]), turtle);
    let json = stdout_of(&["export", "--format", "json"]);
    assert_eq!(GovGraph::from_json_str(&json).unwrap(), g);
    for (format, start) in [
        ("ntriples", "<"),
        ("nquads", "<"),
        ("trig", "@prefix"),
        ("rdfxml", "<?xml"),
        ("jsonld", "["),
        ("dot", "digraph govgraph {"),
        ("svg", "<?xml"),
    ] {
        let text = stdout_of(&["export", "--format", format]);
        assert!(
            text.starts_with(start),
            "{format}: {}",
            &text[..40.min(text.len())]
        );
    }
    let dot = stdout_of(&["export", "--format", "dot"]);
    assert!(dot.contains("\"org/state-council\" -> \"org/general-office-of-the-state-council\";"));
}

#[test]
fn export_to_a_file_takes_the_format_from_its_extension() {
    let nt = scratch("out.nt");
    gg().args(["export", "-o"])
        .arg(&nt)
        .assert()
        .success()
        .stdout("")
        .stderr("");
    let text = std::fs::read_to_string(&nt).unwrap();
    assert!(text.starts_with("<https://w3id.org/govgraph/id/"));
    let ttl = scratch("based.ttl");
    gg().args(["export", "--base", "https://example.org/id/", "-o"])
        .arg(&ttl)
        .assert()
        .success();
    assert!(
        std::fs::read_to_string(&ttl)
            .unwrap()
            .contains("@prefix body: <https://example.org/id/org/>")
    );
    // `-o -` is standard output.
    assert!(stdout_of(&["export", "--format", "json", "-o", "-"]).starts_with('{'));
}

#[test]
fn export_errors() {
    fails(
        &["export", "--base", "notaniri"],
        1,
        "base IRI \"notaniri\" is not an absolute IRI: no scheme found in an absolute IRI",
    );
    fails(
        &["export", "--base", "https://example.org/id"],
        1,
        "base IRI \"https://example.org/id\" must end with '/' or '#'",
    );
    fails(
        &["export", "-o", "/nonexistent-dir/x.ttl"],
        1,
        "cannot write /nonexistent-dir/x.ttl: No such file or directory",
    );
}

/// The labels a body's box shows, as one string.
fn box_text(svg: &roxmltree::Document<'_>, slug: &str) -> (String, String) {
    let g = svg
        .descendants()
        .find(|n| n.attribute("id") == Some(&format!("org-{slug}")))
        .unwrap_or_else(|| panic!("no box for {slug}"));
    let title = g
        .children()
        .find(|n| n.has_tag_name("title"))
        .and_then(|t| t.text())
        .unwrap_or_default()
        .to_owned();
    let lines: Vec<&str> = g
        .children()
        .filter(|n| n.has_tag_name("text"))
        .filter_map(|t| t.text())
        .collect();
    (title, lines.join(" "))
}

#[test]
fn the_svg_parses_and_shows_every_body_readably() {
    let text = stdout_of(&["export", "--format", "svg"]);
    let doc = roxmltree::Document::parse(&text).expect("well-formed XML");
    assert_eq!(doc.root_element().tag_name().name(), "svg");
    assert_eq!(
        doc.root_element().tag_name().namespace(),
        Some("http://www.w3.org/2000/svg")
    );
    let g = govgraph::datasets::general_office();
    assert_eq!(g.orgs().count(), 7);
    for org in g.orgs() {
        let (title, shown) = box_text(&doc, org.slug().as_str());
        let english = org.labels.english().unwrap();
        assert!(title.starts_with(english), "{title}");
        assert!(shown.contains(english), "{english} in {shown}");
        for (lang, native) in org.labels.preferred_all() {
            if lang.as_str() != "en" {
                assert!(
                    shown.replace(' ', "").contains(native),
                    "{native} in {shown}"
                );
            }
        }
        for post in org.posts() {
            let post_name = post.labels.english().unwrap();
            assert!(shown.contains(post_name), "{post_name}");
            for h in post.holders() {
                assert!(shown.contains(h.labels.english().unwrap()));
            }
        }
    }
    // One edge per sub-organization link.
    let paths = doc.descendants().filter(|n| n.has_tag_name("path")).count();
    assert_eq!(paths, 2);
}

#[test]
fn the_svg_escapes_what_xml_needs() {
    let p = scratch("awkward.json");
    std::fs::write(
        &p,
        r#"{"format":"govgraph","version":1,"nodes":[
 {"type":"organization","slug":"a","kind":"agency","labels":{"preferred":{"en":"<A & \"B\"> 'C'\u0001","zh-hans":"甲"}}}
],"links":[]}"#,
    )
    .unwrap();
    let text = stdout_of(&[
        "--graph",
        &p.display().to_string(),
        "export",
        "--format",
        "svg",
        "--title",
        "T & <U>",
    ]);
    let doc = roxmltree::Document::parse(&text).expect("well-formed XML");
    let (_, shown) = box_text(&doc, "a");
    assert!(shown.contains("<A & \"B\"> 'C'\u{FFFD}"), "{shown}");
    assert!(shown.contains('甲'));
    let dot = stdout_of(&[
        "--graph",
        &p.display().to_string(),
        "export",
        "--format",
        "dot",
    ]);
    assert!(
        dot.contains(r#"[label="<A & \"B\"> 'C'�\n甲\n(agency)""#),
        "{dot}"
    );
}

#[test]
fn the_readme_chart_is_what_the_tool_draws_now() {
    let now = stdout_of(&[
        "export",
        "--format",
        "svg",
        "--title",
        "General Office of the State Council",
    ]);
    let committed = std::fs::read_to_string("docs/general-office.svg").unwrap();
    assert!(
        now == committed,
        "docs/general-office.svg is stale: run \
         cargo run --features cli -- export --format svg --title \"General Office of the State Council\" -o docs/general-office.svg"
    );
}

#[test]
fn ingest_writes_the_graph_and_reports_on_stderr() {
    let out = gg()
        .args(["ingest", "tests/fixtures/articles"])
        .assert()
        .success();
    let o = out.get_output();
    let stderr = String::from_utf8(o.stderr.clone()).unwrap();
    assert!(
        stderr.starts_with("7 articles: 68 nodes created, 8 merged"),
        "{stderr}"
    );
    let turtle = String::from_utf8(o.stdout.clone()).unwrap();
    let g = govgraph::rdf::import(turtle.as_bytes(), govgraph::rdf::RdfFormat::Turtle)
        .unwrap()
        .graph;
    // Every node, the four reorganization events included, comes back.
    assert_eq!(g.node_count(), 68);

    let json = scratch("ingested.json");
    gg().args([
        "ingest",
        "tests/fixtures/articles/general-office.txt",
        "tests/fixtures/articles/state-council-messy.txt",
        "-o",
    ])
    .arg(&json)
    .assert()
    .success()
    .stdout("")
    .stderr(predicate::str::starts_with("2 articles:"));
    let g = GovGraph::from_json_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    assert!(
        g.org_by_slug("general-office-of-the-state-council")
            .is_some()
    );

    let article =
        std::fs::read_to_string("tests/fixtures/articles/national-health-commission.txt").unwrap();
    let out = gg()
        .args(["ingest", "-", "--format", "json"])
        .write_stdin(article)
        .assert()
        .success();
    let g =
        GovGraph::from_json_str(std::str::from_utf8(&out.get_output().stdout).unwrap()).unwrap();
    assert!(g.org_by_slug("national-health-commission").is_some());
}

#[test]
fn ingest_errors() {
    fails(
        &["ingest", "/nonexistent/a.txt"],
        1,
        "/nonexistent/a.txt: cannot read: No such file or directory",
    );
    let empty = scratch("empty.txt");
    std::fs::write(&empty, "\n\n").unwrap();
    let shown = empty.display().to_string();
    fails(
        &["ingest", &shown],
        1,
        &format!("{shown}: the article is empty"),
    );
    let untitled = scratch("untitled.txt");
    std::fs::write(&untitled, "\nno title here\n").unwrap();
    let shown = untitled.display().to_string();
    fails(
        &["ingest", &shown],
        1,
        &format!("{shown}:2: the first non-empty line is not a title `= Title =`"),
    );
    gg().args(["ingest", "-"])
        .write_stdin("")
        .assert()
        .code(1)
        .stderr("govgraph: <stdin>: the article is empty\n");
}

#[test]
fn import_and_validate_read_rdf_and_json() {
    let ttl = scratch("dataset.ttl");
    gg().args(["export", "-o"]).arg(&ttl).assert().success();
    let shown = ttl.display().to_string();
    assert_eq!(
        stdout_of(&["import", &shown]),
        format!(
            "{shown}: 68 nodes, 78 links (Turtle)\nread 532 triples: 68 nodes, 78 links, 0 annotations, 0 statements kept\n"
        )
    );
    assert_eq!(
        stdout_of(&["validate", &shown]),
        format!("{shown}: valid: 68 nodes, 78 links (Turtle)\n")
    );
    let turtle = std::fs::read_to_string(&ttl).unwrap();
    gg().args(["validate", "-", "--format", "turtle"])
        .write_stdin(turtle.clone())
        .assert()
        .success()
        .stdout("<stdin>: valid: 68 nodes, 78 links (Turtle)\n");
    gg().args(["import", "-", "-f", "turtle"])
        .write_stdin(turtle)
        .assert()
        .success()
        .stdout(predicate::str::starts_with(
            "<stdin>: 68 nodes, 78 links (Turtle)\nread 532 triples",
        ));

    let json = scratch("dataset.json");
    gg().args(["export", "-o"]).arg(&json).assert().success();
    let shown = json.display().to_string();
    assert_eq!(
        stdout_of(&["validate", &shown]),
        format!("{shown}: valid: 68 nodes, 78 links (govgraph JSON)\n")
    );
    assert_eq!(
        stdout_of(&["import", &shown]),
        format!("{shown}: 68 nodes, 78 links (govgraph JSON)\n")
    );
    // A folder of articles validates too.
    assert_eq!(
        stdout_of(&["validate", "tests/fixtures/articles"]),
        "tests/fixtures/articles: valid: 68 nodes, 78 links (articles); 1 note (see `govgraph import`)\n"
    );
}

#[test]
fn validate_names_the_line_and_column_of_errors() {
    let bad = scratch("bad.ttl");
    std::fs::write(
        &bad,
        "@prefix x: <http://x/> .\nx:a x:b x:c .\nx:a x:b \"unterminated .\n",
    )
    .unwrap();
    let shown = bad.display().to_string();
    fails(
        &["validate", &shown],
        1,
        &format!(
            "{shown}: Turtle syntax error at line 3, column 9: Parser error between line 3 column 9 and line 4 column 1: Unexpected end of file"
        ),
    );
    let bad_json = scratch("bad.json");
    std::fs::write(
        &bad_json,
        "{\"format\":\"govgraph\",\"version\":1,\n\"nodes\": [}",
    )
    .unwrap();
    let shown = bad_json.display().to_string();
    fails(
        &["validate", &shown],
        1,
        &format!("{shown}: invalid govgraph JSON: expected value at line 2 column 11"),
    );
    fails(
        &["import", &shown],
        1,
        &format!("{shown}: invalid govgraph JSON: expected value at line 2 column 11"),
    );
    let wrong = scratch("wrong.json");
    std::fs::write(
        &wrong,
        r#"{"format":"other","version":1,"nodes":[],"links":[]}"#,
    )
    .unwrap();
    let shown = wrong.display().to_string();
    fails(
        &["validate", &shown],
        1,
        &format!("{shown}: not a govgraph document: format is \"other\""),
    );
    fails(
        &["validate", "/nonexistent.ttl"],
        1,
        "cannot read /nonexistent.ttl: No such file or directory",
    );
    gg().args(["validate", "-", "--format", "ntriples"])
        .write_stdin("<http://x/a> <http://x/b> .\n")
        .assert()
        .code(1)
        .stderr(predicate::str::starts_with(
            "govgraph: <stdin>: N-Triples syntax error at line 1, column",
        ));
}

#[test]
fn graph_loads_from_json_rdf_articles_and_stdin() {
    let json = scratch("g.json");
    std::fs::write(&json, TWINS).unwrap();
    let shown = json.display().to_string();
    assert!(stdout_of(&["--graph", &shown, "stats"]).starts_with("nodes: 2\n"));
    // --graph may come after the subcommand too.
    assert!(stdout_of(&["stats", "--graph", &shown]).starts_with("nodes: 2\n"));
    assert!(stdout_of(&["--graph", "tests/fixtures/articles", "stats"]).starts_with("nodes: 68\n"));
    assert!(
        stdout_of(&[
            "--graph",
            "tests/fixtures/general_office.ttl",
            "tree",
            "--ascii"
        ])
        .starts_with("State Council [governing body]\n")
    );
    gg().args(["--graph", "-", "--graph-format", "json", "search", "alpha"])
        .write_stdin(TWINS)
        .assert()
        .success()
        .stdout("org/alpha\tAlpha\norg/alpha-two\tAlpha\n");
    let article = std::fs::read_to_string("tests/fixtures/articles/general-office.txt").unwrap();
    gg().args([
        "--graph",
        "-",
        "--graph-format",
        "article",
        "show",
        "general-office-of-the-state-council",
    ])
    .write_stdin(article)
    .assert()
    .success()
    .stdout(predicate::str::contains("中华人民共和国国务院办公厅"));
    fails(
        &["--graph", "/nonexistent.json", "stats"],
        1,
        "cannot read /nonexistent.json: No such file or directory",
    );
    let dir = scratch("folder.ttl");
    let _ = std::fs::create_dir(&dir);
    let shown = dir.display().to_string();
    fails(
        &["--graph", &shown, "--graph-format", "turtle", "stats"],
        1,
        &format!("{shown}: is a folder, not a file"),
    );
}

#[cfg(feature = "sparql")]
mod query {
    use super::*;

    const POSTS: &str =
        "SELECT ?post WHERE { ?post a <http://www.w3.org/ns/org#Post> } ORDER BY ?post";

    #[test]
    fn select_as_a_table_csv_and_json() {
        assert_eq!(
            stdout_of(&["query", POSTS]),
            "?post\n\
             --------------------------------------------------------------------------------------------\n\
             https://w3id.org/govgraph/id/post/deputy-secretary-general-of-the-state-council\n\
             https://w3id.org/govgraph/id/post/executive-deputy-secretary-general-of-the-state-council\n\
             https://w3id.org/govgraph/id/post/secretary-general-of-the-government-administration-council\n\
             https://w3id.org/govgraph/id/post/secretary-general-of-the-state-council\n\
             (4 rows)\n"
        );
        let csv = stdout_of(&["query", "--format", "csv", POSTS]);
        assert!(csv.starts_with("post\r\nhttps://w3id.org/govgraph/id/post/deputy-secretary-general-of-the-state-council\r\n"));
        let json: serde_json::Value =
            serde_json::from_str(&stdout_of(&["query", "--format", "json", POSTS])).unwrap();
        assert_eq!(json["head"]["vars"][0], "post");
        assert_eq!(json["results"]["bindings"][0]["post"]["type"], "uri");
        gg().args(["query", "-"])
            .write_stdin(POSTS)
            .assert()
            .success()
            .stdout(predicate::str::contains("(4 rows)"));
    }

    #[test]
    fn ask_and_construct() {
        assert_eq!(stdout_of(&["query", "ASK { ?s ?p ?o }"]), "true\n");
        assert_eq!(
            stdout_of(&["query", "--format", "json", "ASK { ?s ?p ?o }"]),
            "{\"boolean\":true,\"head\":{}}\n"
        );
        // Named subjects only: intervals and instants are blank nodes.
        let nt = stdout_of(&[
            "query",
            "CONSTRUCT { ?s a ?t } WHERE { ?s a ?t FILTER(isIRI(?s)) } LIMIT 2",
        ]);
        assert_eq!(nt.lines().count(), 2);
        assert!(nt.lines().all(|l| l.starts_with('<') && l.ends_with(" .")));
    }

    #[test]
    fn a_bad_query_is_one_line_and_exit_1() {
        fails(
            &["query", "SELEC"],
            1,
            "invalid SPARQL query: error at 1:6: expected [_]",
        );
    }
}

#[test]
fn stats_says_how_deep_the_hierarchy_is_in_words() {
    let shown = twins("stats-words");
    assert!(
        stdout_of(&["--graph", &shown, "stats"])
            .ends_with("hierarchy: 2 roots; no body has a sub-organization\n")
    );
    let flat = scratch("no-orgs.json");
    std::fs::write(
        &flat,
        r#"{"format":"govgraph","version":1,"nodes":[],"links":[]}"#,
    )
    .expect("scratch file written");
    assert!(
        stdout_of(&["--graph", &flat.display().to_string(), "stats"])
            .ends_with("hierarchy: no organization\n")
    );
}

#[test]
fn help_has_no_markdown_backticks() {
    for sub in SUBCOMMANDS.iter().copied().chain(["", "query"]) {
        let args: Vec<&str> = [sub, "--help"]
            .into_iter()
            .filter(|a| !a.is_empty())
            .collect();
        let out = gg().args(&args).output().expect("the binary runs");
        let help = String::from_utf8(out.stdout).expect("UTF-8 help");
        assert!(!help.contains('`'), "{sub}: {help}");
    }
}

#[test]
fn another_base_reads_back_with_base_and_graph_base() {
    let nt = scratch("other-base.nt");
    gg().args(["export", "--base", "https://example.org/id/", "-o"])
        .arg(&nt)
        .assert()
        .success();
    let shown = nt.display().to_string();
    assert_eq!(
        stdout_of(&["import", &shown, "--base", "https://example.org/id/"]),
        format!(
            "{shown}: 68 nodes, 78 links (N-Triples)\nread 532 triples: 68 nodes, 78 links, 0 annotations, 0 statements kept\n"
        )
    );
    assert_eq!(
        stdout_of(&["validate", &shown, "--base", "https://example.org/id/"]),
        format!("{shown}: valid: 68 nodes, 78 links (N-Triples)\n")
    );
    assert_eq!(
        stdout_of(&[
            "--graph",
            &shown,
            "--graph-base",
            "https://example.org/id/",
            "stats"
        ]),
        stdout_of(&["stats"])
    );
    fails(
        &["validate", &shown, "--base", "nope"],
        2,
        "base IRI \"nope\" is not an absolute IRI: no scheme found in an absolute IRI",
    );
    let json = scratch("other-base.json");
    gg().args(["export", "-o"]).arg(&json).assert().success();
    fails(
        &[
            "import",
            &json.display().to_string(),
            "--base",
            "https://example.org/id/",
        ],
        2,
        "a base IRI applies to RDF files only, not json",
    );
}

#[cfg(not(feature = "sparql"))]
#[test]
fn query_without_the_sparql_feature_says_how_to_get_it() {
    for args in [
        &["query", "ASK { ?s ?p ?o }"][..],
        &["query"],
        &["query", "--help"],
    ] {
        fails(
            args,
            2,
            "query needs the sparql feature, which this build of govgraph lacks: build it with --features cli,sparql",
        );
    }
}

#[test]
fn a_tenure_is_shown_by_its_person_and_post() {
    let card = stdout_of(&[
        "show",
        "membership/wang-zhijun-executive-deputy-secretary-general-of-the-state-council",
    ]);
    let title = "Wang Zhijun, Executive Deputy Secretary-General of the State Council";
    assert!(
        card.starts_with(&format!("{title}\n{}\n", "=".repeat(title.chars().count()))),
        "{card}"
    );
    assert!(
        card.contains("  -holder-> Wang Zhijun (person/wang-zhijun)\n"),
        "{card}"
    );
}

/// The issue's own acceptance lines, on the built-in dataset and its
/// history: who held the head post on 1 March 1980, the vacancy of 1977,
/// and a lint that finds nothing.
#[test]
fn the_dataset_answers_who_held_the_post_on_a_day() {
    let sg = "Secretary-General of the State Council";
    assert_eq!(
        stdout_of(&["holders", sg, "--on", "1980-03-01"]),
        "Ji Pengfei (1980-02 – 1982-05)\n"
    );
    assert_eq!(
        stdout_of(&["holders", sg, "--on", "1980-03-01", "--keys"]),
        "person/ji-pengfei\n"
    );
    assert_eq!(
        stdout_of(&["holders", sg, "--on", "1977-06-01"]),
        "Secretary-General of the State Council was vacant on 1977-06-01\n"
    );
    assert_eq!(stdout_of(&["lint"]), "");
}
