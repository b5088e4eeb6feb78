//! The org charts of a day (`render::write_dot_as_of`, `write_svg_as_of`):
//! only what was in force then, on the Secretary-General fixture (written
//! from public articles; see tests/lint.rs).
#![cfg(feature = "serde")]

use govgraph::render::{SvgOptions, write_dot, write_dot_as_of, write_svg, write_svg_as_of};
use govgraph::{GovGraph, On, PartialDate};

const FIXTURE: &str = include_str!("fixtures/secretary_general.json");

fn history() -> GovGraph {
    GovGraph::from_json_str(FIXTURE).expect("the fixture loads")
}

fn day(s: &str) -> PartialDate {
    s.parse().expect("a date")
}

fn dot_on(g: &GovGraph, on: impl Into<On>) -> String {
    let mut out = Vec::new();
    write_dot_as_of(g.as_of(on), &mut out).expect("in memory");
    String::from_utf8(out).expect("UTF-8")
}

fn svg_on(g: &GovGraph, on: impl Into<On>) -> String {
    let mut out = Vec::new();
    write_svg_as_of(g.as_of(on), &SvgOptions::new(), &mut out).expect("in memory");
    let svg = String::from_utf8(out).expect("UTF-8");
    roxmltree::Document::parse(&svg).expect("well-formed SVG");
    svg
}

const HEAD: &str = "digraph govgraph {
  graph [rankdir=TB, nodesep=0.3, ranksep=0.6];
  node [shape=box, style=\"rounded,filled\", fontname=\"sans-serif\", fontsize=11];
  edge [arrowhead=none, color=\"#64748b\"];
";
const COUNCIL: &str = "  \"org/state-council\" [label=\"State Council\\n(governing body)\", \
                       fillcolor=\"#dbeafe\", color=\"#1d4ed8\"];\n";

fn office(holder: &str) -> String {
    format!(
        "  \"org/general-office-of-the-state-council\" [label=\"General Office of the State \
         Council\\n(agency)\\n\\nSecretary-General of the State Council (head): {holder}\", \
         fillcolor=\"#dcfce7\", color=\"#15803d\"];\n"
    )
}

#[test]
fn the_dot_chart_of_a_day_has_only_what_was_in_force() {
    let g = history();
    let edge = "  \"org/state-council\" -> \"org/general-office-of-the-state-council\";\n}\n";
    // 1 March 1980: Ji Pengfei, and no Government Administration Council
    // (dissolved in 1954).
    assert_eq!(
        dot_on(&g, day("1980-03-01")),
        format!(
            "{HEAD}{COUNCIL}{}{edge}",
            office("Ji Pengfei (1980-02–1982-05)")
        )
    );
    // 1 June 1977: the post was vacant.
    assert_eq!(
        dot_on(&g, day("1977-06-01")),
        format!("{HEAD}{COUNCIL}{}{edge}", office("vacant"))
    );
    // 10 February 1980 is only possibly in Ji Pengfei's tenure (from
    // February 1980), and possibly still in Jin Ming's (to February 1980).
    assert_eq!(
        dot_on(&g, day("1980-02-10")),
        format!("{HEAD}{COUNCIL}{}{edge}", office("vacant"))
    );
    assert_eq!(
        dot_on(&g, On::possibly(day("1980-02-10"))),
        format!(
            "{HEAD}{COUNCIL}{}{edge}",
            office("Jin Ming (1979-06–1980-02), Ji Pengfei (1980-02–1982-05)")
        )
    );
    // 1950: the council and its Secretary-General; no State Council yet,
    // so the General Office (which has no dates: timeless) stands alone.
    assert_eq!(
        dot_on(&g, day("1950")),
        format!(
            "{HEAD}  \"org/government-administration-council\" [label=\"Government \
             Administration Council of the Central People's Government\\n(governing body)\\n\\n\
             Secretary-General of the Government Administration Council (head): Li Weihan \
             (1949-10–1953-09)\", fillcolor=\"#dbeafe\", color=\"#1d4ed8\"];\n{}}}\n",
            office("vacant")
        )
    );
}

#[test]
fn the_undated_chart_is_unchanged_and_shows_every_holder() {
    let g = history();
    let mut out = Vec::new();
    write_dot(&g, &mut out).expect("in memory");
    let dot = String::from_utf8(out).expect("UTF-8");
    assert!(dot.contains("org/government-administration-council"));
    assert!(dot.contains("Li Weihan (1949-10–1953-09)"));
    assert!(dot.contains("Wu Zhenglong (since 2023-03-12)"));
    assert!(dot.contains("Yang Jing (2013-03–unknown)"));
}

#[test]
fn the_svg_chart_of_a_day_has_only_what_was_in_force() {
    let g = history();
    let then = svg_on(&g, day("1980-03-01"));
    assert!(then.contains(">Ji Pengfei (1980-02–1982-05)<"), "{then}");
    for absent in [
        "Jin Ming",
        "Du Xingyuan",
        "Government Administration Council",
        ">vacant<",
    ] {
        assert!(!then.contains(absent), "{absent}");
    }
    let vacant = svg_on(&g, day("1977-06-01"));
    assert!(vacant.contains(">vacant<"));
    assert!(!vacant.contains("Zhou Rongxin") && !vacant.contains("Jin Ming"));
    // The same day twice gives the same bytes; the undated chart differs.
    assert_eq!(then, svg_on(&g, day("1980-03-01")));
    let mut now = Vec::new();
    write_svg(&g, &SvgOptions::new(), &mut now).expect("in memory");
    let now = String::from_utf8(now).expect("UTF-8");
    assert!(now.contains("Government Administration Council") && now.contains("Jin Ming"));
    assert!(!now.contains(">vacant<"));
}
