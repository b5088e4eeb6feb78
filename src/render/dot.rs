//! The org chart as Graphviz DOT.
//!
//! Written by hand: every ID and label is a DOT quoted string, in which
//! only `"` and `\` need escaping (a `\` before any other character would
//! start a Graphviz escape such as `\N`, so each is doubled); line breaks
//! inside a label are the escape `\n`, and other control characters are
//! replaced before quoting. (The graph library's own DOT writer would need
//! a copy of the graph in its types and names nodes by index; keys read
//! better.)

use std::io;

use super::{Card, Chart, colours, kind_words, text};
use crate::graph::GovGraph;
use crate::traverse::AsOf;

/// `s` as a DOT quoted string.
fn quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    push_escaped(&mut out, s);
    out.push('"');
    out
}

fn push_escaped(out: &mut String, s: &str) {
    for c in text::clean(s).chars() {
        if c == '"' || c == '\\' {
            out.push('\\');
        }
        out.push(c);
    }
}

/// A label of several lines, each centred.
fn label(lines: &[String]) -> String {
    let mut out = String::from("\"");
    for (i, l) in lines.iter().enumerate() {
        if i > 0 {
            out.push_str("\\n");
        }
        push_escaped(&mut out, l);
    }
    out.push('"');
    out
}

fn card_lines(card: &Card, vacant: &str) -> Vec<String> {
    let mut lines = vec![card.name.clone()];
    lines.extend(card.native.iter().cloned());
    lines.push(format!("({})", kind_words(card.kind)));
    if !card.posts.is_empty() {
        lines.push(String::new());
    }
    for p in &card.posts {
        let holders = if p.holders.is_empty() {
            vacant.to_owned()
        } else {
            p.holders.join(", ")
        };
        let head = if p.head { " (head)" } else { "" };
        lines.push(format!("{}{head}: {holders}", p.name));
    }
    lines
}

/// Writes `graph`'s org chart as a Graphviz `digraph`: a box per body
/// (English name, other names, kind, posts and holders), coloured by kind,
/// and an edge from each body to each of its sub-organizations, drawn top
/// down. Render it with `dot -Tsvg chart.dot -o chart.svg`.
///
/// Node IDs are the bodies' keys (`"org/state-council"`). Output is
/// deterministic. Cost: O(bodies + posts + tenures).
///
/// ```
/// let g = govgraph::datasets::general_office();
/// let mut out = Vec::new();
/// govgraph::render::write_dot(&g, &mut out)?;
/// let dot = String::from_utf8(out)?;
/// assert!(dot.contains(r#""org/state-council" -> "org/general-office-of-the-state-council";"#));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
/// Only the writer's.
pub fn write_dot(graph: &GovGraph, writer: impl io::Write) -> io::Result<()> {
    write_chart(&Chart::new(graph, true), writer)
}

/// Writes the org chart of the view's day as Graphviz DOT: as
/// [`write_dot`], drawn from the [`AsOf`] view (see [the chart of a
/// day](crate::render#the-chart-of-a-day)).
///
/// Cost: O(bodies + posts + tenures), plus each body's links to find the
/// parent it had on the day.
///
/// ```
/// use govgraph::{GovGraph, Interval, Organization, OrgKind, PartialDate, Relation, Slug};
/// let mut g = GovGraph::new();
/// let org = |s: &str| Organization::new(Slug::new(s).unwrap(), OrgKind::Agency, s);
/// let (a, b, c) = (g.insert_org(org("a"))?, g.insert_org(org("b"))?, g.insert_org(org("c"))?);
/// g.link_during(a, Relation::SubOrganizationOf, b, Interval::new().with_end("1998".parse()?))?;
/// g.link_during(a, Relation::SubOrganizationOf, c, Interval::since("1998".parse()?))?;
/// let mut out = Vec::new();
/// govgraph::render::write_dot_as_of(g.as_of("1990".parse::<PartialDate>()?), &mut out)?;
/// let dot = String::from_utf8(out)?;
/// assert!(dot.contains(r#""org/b" -> "org/a";"#));
/// assert!(!dot.contains(r#""org/c" -> "org/a";"#));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
/// Only the writer's.
pub fn write_dot_as_of(view: AsOf<'_>, writer: impl io::Write) -> io::Result<()> {
    write_chart(&Chart::as_of(view, true), writer)
}

fn write_chart(chart: &Chart, mut writer: impl io::Write) -> io::Result<()> {
    let w = &mut writer;
    writeln!(w, "digraph govgraph {{")?;
    writeln!(w, "  graph [rankdir=TB, nodesep=0.3, ranksep=0.6];")?;
    writeln!(
        w,
        "  node [shape=box, style=\"rounded,filled\", fontname=\"sans-serif\", fontsize=11];"
    )?;
    writeln!(w, "  edge [arrowhead=none, color=\"#64748b\"];")?;
    let key = |c: &Card| quoted(&format!("org/{}", c.slug));
    for card in &chart.cards {
        let (fill, stroke) = colours(card.kind);
        writeln!(
            w,
            "  {} [label={}, fillcolor=\"{fill}\", color=\"{stroke}\"];",
            key(card),
            label(&card_lines(card, chart.vacant))
        )?;
    }
    for (parent, kids) in chart.children.iter().enumerate() {
        for &child in kids {
            writeln!(
                w,
                "  {} -> {};",
                key(&chart.cards[parent]),
                key(&chart.cards[child])
            )?;
        }
    }
    writeln!(w, "}}")?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_and_backslashes_are_escaped() {
        assert_eq!(quoted(r#"a "b" \c"#), r#""a \"b\" \\c""#);
        assert_eq!(quoted("line\nbreak\u{7}"), "\"line break\u{FFFD}\"");
        assert_eq!(label(&["x\\".to_owned(), "y".to_owned()]), r#""x\\\ny""#);
    }
}
