//! Lists of officeholders in every shape the ingester reads, and the
//! lines it cannot read, each reported. The people and bodies here are
//! made up for the test.

use govgraph::ingest::{Ingested, Ingester};
use govgraph::{Bound, GovGraph};

fn ingest(text: &str) -> Ingested {
    let mut ing = Ingester::new();
    ing.ingest_str("t.txt", text).expect("ingests");
    ing.finish()
}

/// Each tenure of a post: `holder start to end`, in time order (a tenure
/// with no start first).
fn tenures(g: &GovGraph, post: &str) -> Vec<String> {
    let d = |b: Option<Bound>| b.map_or_else(|| "-".to_owned(), |b| b.to_string());
    let p = g
        .post_by_slug(post)
        .unwrap_or_else(|| panic!("no post/{post}"));
    p.tenures()
        .map(|t| {
            let who = t.person().map_or("?", |h| h.display_name());
            format!("{who} {} to {}", d(t.start), d(t.end))
        })
        .collect()
}

#[test]
fn a_past_leaders_list_in_an_agency_article() {
    let text = "= Bureau of Tests =\nInfobox\n- Chief1 Name: Ann Example\n\
        - Chief1 Position: Director of the Bureau of Tests\n\n\
        == Chairmen of the Commission of Trials, 1950–1960 ==\n\
        1 Bo Example 1950 1955\n2 Cy Example (1901–1990) 1955 1960\n\n\
        == Directors ==\n\
        1. Di Example March 1990 June 1999\n\
        2. Ann Example June 1999 Present\n\
        3. not a holder line\n";
    let Ingested { graph, report, .. } = ingest(text);
    // The heading's body, made from its name; the heading's own title in
    // the singular; no head post claimed for another body.
    let chair = graph
        .post_by_slug("chairman-of-the-commission-of-trials")
        .expect("the post");
    assert_eq!(
        chair.organization().map(|o| o.slug().as_str()),
        Some("commission-of-trials")
    );
    assert!(!chair.heads);
    assert_eq!(
        tenures(&graph, "chairman-of-the-commission-of-trials"),
        ["Bo Example 1950 to 1955", "Cy Example 1955 to 1960"]
    );
    let cy = graph.person_by_slug("cy-example").expect("Cy");
    assert_eq!(
        (
            cy.born.map(|d| d.to_string()),
            cy.died.map(|d| d.to_string())
        ),
        (Some("1901".to_owned()), Some("1990".to_owned()))
    );
    // "Directors" has no body: the agency's head post, whose infobox
    // holder is the list's last.
    assert_eq!(
        tenures(&graph, "director-of-the-bureau-of-tests"),
        ["Di Example 1990-03 to 1999-06", "Ann Example 1999-06 to -"]
    );
    let ignored: Vec<String> = report
        .ignored()
        .map(|i| format!("{}: {:?}: {}", i.at.line, i.key, i.reason))
        .collect();
    assert_eq!(
        ignored,
        [
            "13: \"not a holder line\": not a holder with dates, a vacancy or a header of a list of officeholders"
        ]
    );
    assert_eq!(report.warnings().count(), 0, "{report}");
}

#[test]
fn tables_with_odd_columns_cells_and_rows() {
    let text = "= Keeper of Tests =\nInfobox official post\n- Body: Office of Tests\n\
        - Style: The Honourable\n- Incumbentsince: 2001\n\n\
        == Holders ==\n\
        | Portrait | Name | Took office | Left office | Notes |\n\
        |---|---|---|---|---|\n\
        | img.png | Ann Example | 1990 | 1995 | first |\n\
        | | | | | |\n\
        | | Vacant | 1995 | 1996 | |\n\
        | | Bo Example | sometime | | |\n\
        | | Cy Example | 1996 | | |\n\n\
        == Before the office ==\n\
        | Dee Example 1980 1985 |\n";
    let Ingested { graph, report, .. } = ingest(text);
    // Bo's start is unreadable (warned) and his end empty: ended, date
    // not given; Cy, last, runs on.
    assert_eq!(
        tenures(&graph, "keeper-of-tests"),
        [
            "Bo Example - to unknown",
            "Ann Example 1990 to 1995",
            "Cy Example 1996 to -"
        ]
    );
    let ignored: Vec<String> = report
        .ignored()
        .map(|i| format!("{}: {:?}: {}", i.at.line, i.key, i.reason))
        .collect();
    assert_eq!(
        ignored,
        [
            "4: \"Style\": the model has no field for this parameter of a post",
            "5: \"Incumbentsince\": a date with no incumbent to date",
            "8: \"Portrait\": a column of a list of officeholders the model has no place for",
            "8: \"Notes\": a column of a list of officeholders the model has no place for",
            "11: \" |  |  |  | \": not a holder with dates, a vacancy or a header of a list of officeholders",
            "16: \"Before the office\": only the Functions, Organization, See also and officeholder list sections are read",
        ]
    );
    let warnings: Vec<String> = report
        .warnings()
        .map(|w| format!("{}: {}", w.at.line, w.kind))
        .collect();
    assert_eq!(
        warnings,
        ["13: date \"sometime\" is not a form I can read: kept as text here only"]
    );
}

#[test]
fn a_post_article_without_a_list() {
    let text = "= Keeper of Tests =\nInfobox official post\n- Post: Tests Keeper\n\
        - Body: Office of Tests\n- Incumbent: Bo Example\n- Incumbentsince: 4 May 2001\n\
        - First: Ann Example\n- Deputy: Deputy Keeper of Tests\n- Abolished: 2020\n- Colour: blue\n";
    let Ingested { graph, report, .. } = ingest(text);
    // The first holder, whom no list dates, held the post from and to
    // dates not given; the incumbent from the date given, on.
    assert_eq!(
        tenures(&graph, "keeper-of-tests"),
        [
            "Ann Example unknown to unknown",
            "Bo Example 2001-05-04 to -"
        ]
    );
    let keeper = graph.post_by_slug("keeper-of-tests").expect("the post");
    assert_eq!(
        keeper
            .labels
            .alternates()
            .map(|l| l.text.as_str())
            .collect::<Vec<_>>(),
        ["Tests Keeper"]
    );
    let office = graph.org_by_slug("office-of-tests").expect("the body");
    let mut posts: Vec<&str> = office.posts().map(|p| p.slug().as_str()).collect();
    posts.sort_unstable();
    assert_eq!(posts, ["deputy-keeper-of-tests", "keeper-of-tests"]);
    let ignored: Vec<String> = report
        .ignored()
        .map(|i| format!("{}: {:?}: {}", i.at.line, i.key, i.reason))
        .collect();
    assert_eq!(
        ignored,
        ["10: \"Colour\": not a parameter of the Infobox official post template"]
    );
    assert_eq!(
        keeper.abolished.map(|d| d.to_string()).as_deref(),
        Some("2020")
    );
}

#[test]
fn acting_and_interim_holders() {
    // A numbered list and a table, each with a holder qualified as acting
    // or interim: the person's name loses the qualifier, the tenure is
    // marked acting, and the fact is traced to its line.
    let text = "= Warden of Tests =\nInfobox official post\n- Body: Office of Tests\n\n\
        == Holders ==\n\
        | Name | Took office | Left office |\n\
        |---|---|---|\n\
        | Ann Example | 1990 | 1995 |\n\
        | Bo Example (interim) | 1995 | 1996 |\n\
        | Cy Example | 1996 | |\n";
    let agency = "= Bureau of Trials =\nInfobox\n- Chief1 Name: Fay Example\n\
        - Chief1 Position: Director of the Bureau of Trials\n\n\
        == Chairmen of the Commission of Trials, 1950–1960 ==\n\
        1 Di Example (1901–1990) (acting) 1950 1951\n2 Ed Example 1951 1960\n";
    let mut ing = Ingester::new();
    ing.ingest_str("post.txt", text).expect("ingests");
    ing.ingest_str("agency.txt", agency).expect("ingests");
    let Ingested { graph, report, .. } = ing.finish();
    let acting = |post: &str| -> Vec<(String, bool)> {
        graph
            .post_by_slug(post)
            .expect("the post")
            .tenures()
            .map(|t| {
                let who = t.person().map_or("?", |p| p.display_name()).to_owned();
                (who, t.acting)
            })
            .collect()
    };
    assert_eq!(
        acting("warden-of-tests"),
        [
            ("Ann Example".to_owned(), false),
            ("Bo Example".to_owned(), true),
            ("Cy Example".to_owned(), false)
        ]
    );
    assert_eq!(
        acting("chairman-of-the-commission-of-trials"),
        [
            ("Di Example".to_owned(), true),
            ("Ed Example".to_owned(), false)
        ]
    );
    let di = graph
        .person_by_slug("di-example")
        .expect("Di, named without the qualifier");
    assert_eq!(di.born.map(|d| d.to_string()).as_deref(), Some("1901"));
    let lines: Vec<usize> = report
        .provenance()
        .filter(|p| p.fact == govgraph::ingest::Fact::Acting)
        .map(|p| p.at.line)
        .collect();
    assert_eq!(lines, [9, 7]);
    assert_eq!(report.warnings().count(), 0);
}
