//! The subcommands about time: `holders`, `history`, `lint`, and the
//! snapshot `export --as-of` writes as JSON.

use std::collections::HashMap;
use std::fmt::Write as _;

use govgraph::traverse::{HistoryEntry, Term};
use govgraph::{
    GovGraph, GraphError, Interval, NodeId, NodeRef, On, PartialDate, PostRef, TenureRef,
};

use crate::commands::{key, print, resolve, resolve_org};
use crate::{Failure, Outcome, input};

/// An interval as the time commands show it: `1980-02 – 1982-05`,
/// `since 2023-03-12`, `2013-03 – ?`, and `undated` for none at all.
fn span(during: Interval) -> String {
    if during.is_timeless() {
        "undated".to_owned()
    } else {
        during.to_string()
    }
}

/// A post named by `name`, or an error saying what it is instead.
fn resolve_post<'g>(g: &'g GovGraph, name: &str) -> Outcome<PostRef<'g>> {
    let node = resolve(g, name)?;
    node.as_post().ok_or_else(|| {
        input(format!(
            "`{name}` is a {} ({}), not a post",
            node.kind(),
            key(node)
        ))
    })
}

/// The holder of `t` by name (or by key with `keys`), `(acting)` after an
/// acting one.
fn holder(t: TenureRef<'_>, keys: bool) -> String {
    let who = match (t.person(), keys) {
        (Some(p), false) => p.display_name().to_owned(),
        (Some(p), true) => key(p.as_node()),
        (None, _) => format!("no holder recorded ({})", key(t.as_node())),
    };
    if t.acting {
        format!("{who} (acting)")
    } else {
        who
    }
}

// ---- holders ----

/// `holders POST [--on DATE] [--keys]`.
pub(crate) fn holders(g: &GovGraph, name: &str, on: Option<PartialDate>, keys: bool) -> Outcome {
    let post = resolve_post(g, name)?;
    let title = post.display_name();
    let mut s = String::new();
    let Some(day) = on else {
        // Every tenure in time order, with the vacancies between them.
        let rows: Vec<(String, String)> = post
            .succession()
            .map(|term| match term {
                Term::Held(t) => (span(t.during()), holder(t, keys)),
                Term::Vacant(gap) => (span(gap), "(vacant)".to_owned()),
            })
            .collect();
        if rows.is_empty() {
            let _ = writeln!(s, "no holder of {title} is recorded");
        }
        let width = rows
            .iter()
            .map(|(w, _)| w.chars().count())
            .max()
            .unwrap_or(0);
        for (when, who) in rows {
            let pad = width - when.chars().count();
            let _ = writeln!(s, "{when}{}   {who}", " ".repeat(pad));
        }
        return print(&s);
    };
    let view = g.as_of(day);
    let Some(then) = view.post(post.id()) else {
        let life = post.as_node().node().lifetime();
        let _ = writeln!(s, "{title} did not exist on {day} ({})", span(life));
        return print(&s);
    };
    let tenures: Vec<TenureRef<'_>> = then.tenures().collect();
    if tenures.is_empty() {
        let maybe: Vec<String> = post
            .on(On::possibly(day))
            .tenures()
            .map(|t| format!("{}, {}", holder(t, keys), span(t.during())))
            .collect();
        if maybe.is_empty() {
            let _ = writeln!(s, "{title} was vacant on {day}");
        } else {
            let _ = writeln!(
                s,
                "no one certainly held {title} on {day} (possibly {})",
                maybe.join("; ")
            );
        }
    }
    for t in tenures {
        if keys {
            let _ = writeln!(s, "{}", holder(t, true));
        } else {
            let _ = writeln!(s, "{} ({})", holder(t, false), span(t.during()));
        }
    }
    print(&s)
}

// ---- history ----

/// `a, b and c` of names.
fn names<'g>(nodes: impl Iterator<Item = NodeRef<'g>>) -> String {
    let v: Vec<&str> = nodes.map(NodeRef::display_name).collect();
    match v.as_slice() {
        [] => "none recorded".to_owned(),
        [one] => (*one).to_owned(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// `history NODE`: a body's timeline, one entry a line.
pub(crate) fn history(g: &GovGraph, name: &str) -> Outcome {
    let org = resolve_org(g, name)?;
    let rows: Vec<(String, String)> = org
        .history()
        .filter_map(|entry| {
            Some(match entry {
                HistoryEntry::Founded(d) => (d.to_string(), "founded".to_owned()),
                HistoryEntry::Dissolved(d) => (d.to_string(), "dissolved".to_owned()),
                HistoryEntry::Named(n) => (
                    span(n.during),
                    format!("named {} ({})", n.label, n.lang.as_str()),
                ),
                HistoryEntry::Parent { parent, during } => {
                    (span(during), format!("under {}", parent.display_name()))
                }
                HistoryEntry::Event(e) => {
                    let what = e
                        .labels
                        .display()
                        .map_or_else(|| key(e.as_node()), str::to_owned);
                    (
                        e.date
                            .map_or_else(|| "undated".to_owned(), |d| d.to_string()),
                        format!(
                            "{}: {what} (before: {}; after: {})",
                            e.kind,
                            names(e.originals().map(govgraph::OrgRef::as_node)),
                            names(e.results().map(govgraph::OrgRef::as_node))
                        ),
                    )
                }
                HistoryEntry::Head(t) => {
                    let post = t.post().map_or("a head post", |p| p.display_name());
                    (
                        span(t.during()),
                        format!("head: {} ({post})", holder(t, false)),
                    )
                }
                // A kind of entry this command does not know yet.
                _ => return None,
            })
        })
        .collect();
    let title = org.display_name();
    let mut s = format!("{title} ({})\n", key(org.as_node()));
    if rows.is_empty() {
        s.push_str("no history recorded\n");
    }
    let width = rows
        .iter()
        .map(|(w, _)| w.chars().count())
        .max()
        .unwrap_or(0);
    for (when, what) in rows {
        let pad = width - when.chars().count();
        let _ = writeln!(s, "  {when}{}   {what}", " ".repeat(pad));
    }
    print(&s)
}

// ---- lint ----

/// `lint`: one finding a line on stdout; fails (exit 1) when there is
/// any.
pub(crate) fn lint(g: &GovGraph) -> Outcome {
    let mut s = String::new();
    let mut n = 0usize;
    for finding in g.lint() {
        n += 1;
        let _ = writeln!(s, "{finding}");
    }
    print(&s)?;
    match n {
        0 => Ok(()),
        1 => Err(input("lint found 1 problem")),
        n => Err(input(format!("lint found {n} problems"))),
    }
}

// ---- export --as-of ----

/// The graph as it was on `on`, as a graph of its own: the nodes that
/// existed then (with their data and annotations, a tenure with its
/// dates), the links in force then between them, written undated (so the
/// snapshot's own walks follow them), and the statements.
pub(crate) fn snapshot(g: &GovGraph, on: On) -> Result<GovGraph, GraphError> {
    let view = g.as_of(on);
    let mut out = GovGraph::new();
    let mut moved: HashMap<NodeId, NodeId> = HashMap::new();
    for (id, node) in g.nodes() {
        if view.exists(id) {
            let new = out.insert(node.clone())?;
            for a in g.annotations(id) {
                out.annotate(new, a.clone())?;
            }
            moved.insert(id, new);
        }
    }
    for (a, relation, b, during) in g.links_during() {
        if let (Some(&x), Some(&y)) = (moved.get(&a), moved.get(&b)) {
            if during.holds(on) {
                out.link(x, relation, y)?;
            }
        }
    }
    for st in g.statements() {
        out.add_statement(st.clone())?;
    }
    Ok(out)
}

/// The snapshot, or a failure naming the date.
pub(crate) fn snapshot_or_fail(g: &GovGraph, on: PartialDate) -> Outcome<GovGraph> {
    snapshot(g, On::date(on))
        .map_err(|e| Failure::Input(format!("cannot take the snapshot of {on}: {e}")))
}

/// True when a link with interval `during` to `other` was in force on
/// `on`, with `other` existing then (the show card's links in a view).
pub(crate) fn link_in_force(g: &GovGraph, during: Interval, other: NodeId, on: On) -> bool {
    during.holds(on) && g.as_of(on).exists(other)
}

/// The kind and dates a `--on` failure names: `org/x did not exist on D
/// (1949 – 1954)`.
pub(crate) fn not_then(node: NodeRef<'_>, day: PartialDate) -> Failure {
    let life = node.node().lifetime();
    let when = match (life.start, life.end) {
        (None, None) => String::new(),
        _ => format!(" ({})", span(life)),
    };
    input(format!("{} did not exist on {day}{when}", key(node)))
}
