//! [`render_article`]: one organization of a graph written back as an
//! article in the ingester's format.

use std::fmt::Write as _;

use crate::{GovGraph, OrgId};

/// The most children an infobox names (`Child1 Agency`..`Child25 Agency`).
const MAX_CHILDREN: usize = 25;

/// Writes the organization `org` of `graph` as an article that
/// [`Ingester`](super::Ingester) reads back to the same facts, or `None`
/// when `org` is not in `graph` or has no English name that fits on a line.
///
/// The article format expresses only part of a graph; this writes:
///
/// | fact | as |
/// |---|---|
/// | the English preferred label | the title `= … =` |
/// | founding and dissolution dates | `- Formed:` and `- Dissolved:` (ISO 8601) |
/// | employees, budget | `- Employees:`, `- Budget:` |
/// | the first 25 sub-organizations, in graph order | `- Child1 Agency:` … by English name |
/// | the description | the first paragraph |
/// | the functions, in their order | the numbered list under `== Functions ==` |
///
/// A text is written only when it reads back unchanged as one line: not
/// empty, no line break, no leading or trailing whitespace, and not
/// starting like a heading, a list item or an infobox line (`=`, `-`, a
/// digit, `Infobox`); others are left out. Names must also make a slug
/// (have an ASCII letter or digit) to come back as the same body. Nothing
/// else (posts, people, places, sites, websites, categories, links other
/// than sub-organizations, other languages, sources) is written.
///
/// ```
/// use govgraph::{Function, GovGraph, OrgKind, Organization, Slug};
/// use govgraph::ingest::{Ingester, render_article};
/// let mut g = GovGraph::new();
/// let body = g.insert_org(Organization::new(Slug::new("office")?, OrgKind::Agency, "Office")
///     .with_description("An office.")
///     .with_founded("1949-09-27".parse()?))?;
/// g.add_function(body, Function::new(Slug::new("office-1")?, "Prepares meetings"))?;
/// let text = render_article(&g, body).expect("in the graph");
/// let mut ing = Ingester::new();
/// ing.ingest_str("office.txt", &text)?;
/// let govgraph::ingest::Ingested { graph: back, report: _, .. } = ing.finish();
/// let office = back.org_by_slug("office").expect("ingested");
/// assert_eq!(office.description(), Some("An office."));
/// assert_eq!(office.founded.map(|d| d.to_string()).as_deref(), Some("1949-09-27"));
/// assert_eq!(office.functions().next().map(|f| f.display_name()), Some("Prepares meetings"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn render_article(graph: &GovGraph, org: OrgId) -> Option<String> {
    let body = graph.org(org)?;
    let title = body.data().labels.english().filter(|t| fits(t))?;
    let o = body.data();
    let mut out = String::new();
    let _ = writeln!(out, "= {title} =\n\nInfobox");
    if let Some(d) = o.founded {
        let _ = writeln!(out, "- Formed: {d}");
    }
    if let Some(d) = o.details().dissolved {
        let _ = writeln!(out, "- Dissolved: {d}");
    }
    if let Some(e) = o.details().employees.as_deref().filter(|t| fits(t)) {
        let _ = writeln!(out, "- Employees: {e}");
    }
    if let Some(b) = o.details().budget.as_deref().filter(|t| fits(t)) {
        let _ = writeln!(out, "- Budget: {b}");
    }
    let children = body
        .sub_organizations()
        .filter_map(|c| c.data().labels.english())
        .filter(|t| fits(t))
        .take(MAX_CHILDREN);
    for (i, name) in children.enumerate() {
        let _ = writeln!(out, "- Child{} Agency: {name}", i + 1);
    }
    if let Some(d) = o.details().description.as_deref().filter(|t| fits(t)) {
        let _ = writeln!(out, "\n{d}");
    }
    let functions: Vec<&str> = body
        .functions()
        .filter_map(|f| f.data().labels.english())
        .filter(|t| fits(t))
        .collect();
    if !functions.is_empty() {
        out.push_str("\n== Functions ==\n");
        for (i, f) in functions.iter().enumerate() {
            let _ = writeln!(out, "{}. {f}", i + 1);
        }
    }
    Some(out)
}

/// True when `text` reads back unchanged as one line of an article.
fn fits(text: &str) -> bool {
    !text.is_empty()
        && text.trim() == text
        && !text.contains(['\n', '\r'])
        && !text.starts_with(['=', '-', '\u{feff}'])
        && !text.starts_with(|c: char| c.is_ascii_digit())
        && !text.starts_with("Infobox")
}
