//! Org-chart pictures of a graph: Graphviz DOT, and SVG laid out in pure
//! Rust (no Graphviz needed).
//!
//! | item | what it is |
//! |---|---|
//! | [`write_svg`], [`SvgOptions`] | the org chart as a standalone SVG picture, laid out as a top-down tree |
//! | [`write_dot`] | the same chart as Graphviz DOT, for `dot -Tsvg` or `-Tpng` |
//! | [`write_svg_as_of`], [`write_dot_as_of`] | the chart of one day, drawn from an [`AsOf`] view |
//!
//! Both draw the organization hierarchy: one box per body, with its English
//! name, its names in other languages, its kind, and, unless turned off, its
//! posts and their holders; an edge from each body to each of its
//! sub-organizations. Bodies are coloured by [`OrgKind`]. Posts that belong to
//! no body, and nodes of other kinds, are not drawn.
//!
//! The SVG layout is a tidy tree, computed iteratively (no recursion: a
//! chain of 100,000 bodies lays out without growing the stack). A body with
//! many sub-organizations that have none of their own has those stacked in a
//! few columns rather than spread in one row, and the same holds for
//! unconnected bodies at the top, so a few hundred bodies stay legible.
//!
//! There is no font-metrics library here, so text widths are estimated per
//! character: a CJK ideograph, kana, Hangul or fullwidth character counts
//! as two Latin letters, and a Latin letter as 0.6 of the font size, which
//! is a little wide for most sans-serif fonts. Boxes are sized from that
//! estimate; names are wrapped to [`SvgOptions::with_wrap_columns`] columns.
//!
//! Output is deterministic: the same graph gives the same bytes.
//!
//! ## The chart of a day
//!
//! Without a date, a chart shows the graph as it is now: the parent links
//! still in force, and every recorded holder of each post with their dates.
//! [`write_svg_as_of`] and [`write_dot_as_of`] draw from an
//! [`AsOf`] view instead ([`GovGraph::as_of`]): only the bodies and posts
//! that existed on its date, each under the parent it had then, and each
//! post with the holders whose tenures were in force that day (certainly,
//! or possibly for a view made with [`On::possibly`](crate::On::possibly)); a
//! post nobody held then says *vacant*.
//!
//! ```
//! use govgraph::render::{self, SvgOptions};
//! let g = govgraph::datasets::general_office();
//! let mut svg = Vec::new();
//! render::write_svg(&g, &SvgOptions::new().with_title("General Office"), &mut svg)?;
//! let svg = String::from_utf8(svg)?;
//! assert!(svg.contains("General Office of the State Council"));
//!
//! let mut dot = Vec::new();
//! render::write_dot(&g, &mut dot)?;
//! assert!(String::from_utf8(dot)?.starts_with("digraph govgraph {"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod dot;
mod layout;
mod svg;
mod text;

use std::collections::HashMap;

pub use dot::write_dot;
pub use svg::write_svg;

pub use dot::write_dot_as_of;
pub use svg::write_svg_as_of;

use crate::graph::GovGraph;
use crate::model::{OrgId, OrgKind, Tenure};
use crate::traverse::{AsOf, OrgRef};

/// How [`write_svg`] draws the chart.
///
/// ```
/// use govgraph::render::SvgOptions;
/// let opts = SvgOptions::new().with_title("Org chart").with_posts(false).with_wrap_columns(24);
/// assert_eq!(opts.title(), Some("Org chart"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[must_use]
pub struct SvgOptions {
    title: Option<String>,
    posts: bool,
    wrap: usize,
    stack_over: usize,
}

impl Default for SvgOptions {
    fn default() -> Self {
        Self::new()
    }
}

impl SvgOptions {
    /// No title, posts and holders shown, names wrapped at 30 columns,
    /// more than 4 childless sub-organizations stacked.
    pub fn new() -> Self {
        Self {
            title: None,
            posts: true,
            wrap: 30,
            stack_over: 4,
        }
    }

    /// A title written above the chart (and as the picture's `<title>`).
    pub fn with_title(mut self, title: impl Into<String>) -> Self {
        self.title = Some(title.into());
        self
    }

    /// Whether each body's posts and their holders are drawn in its box.
    pub fn with_posts(mut self, on: bool) -> Self {
        self.posts = on;
        self
    }

    /// Wraps names at `columns` columns (a CJK character takes two); at
    /// least 8.
    pub fn with_wrap_columns(mut self, columns: usize) -> Self {
        self.wrap = columns.max(8);
        self
    }

    /// Stacks a body's childless sub-organizations in columns when it has
    /// more than `count` of them (0: always).
    pub fn with_stack_leaves_over(mut self, count: usize) -> Self {
        self.stack_over = count;
        self
    }

    /// The title, if any.
    pub fn title(&self) -> Option<&str> {
        self.title.as_deref()
    }
}

/// What a body's box says, before wrapping.
#[derive(Debug, Clone)]
struct Card {
    slug: String,
    kind: OrgKind,
    name: String,
    native: Vec<String>,
    posts: Vec<PostLine>,
}

#[derive(Debug, Clone)]
struct PostLine {
    name: String,
    head: bool,
    holders: Vec<String>,
}

/// The bodies to draw, in graph order, with their children and the roots
/// as indices into `cards`.
#[derive(Debug)]
struct Chart {
    cards: Vec<Card>,
    children: Vec<Vec<usize>>,
    roots: Vec<usize>,
    /// What a post with no holder says.
    vacant: &'static str,
}

impl Chart {
    /// The chart of the graph as it is now.
    fn new(graph: &GovGraph, posts: bool) -> Self {
        Self::of(&graph.orgs().collect::<Vec<_>>(), posts, "none recorded")
    }

    /// The chart of the view's day.
    fn as_of(view: AsOf<'_>, posts: bool) -> Self {
        Self::of(&view.orgs().collect::<Vec<_>>(), posts, "vacant")
    }

    /// The chart of `orgs`, handles of one view (their parents, posts and
    /// holders are that view's).
    fn of(orgs: &[OrgRef<'_>], posts: bool, vacant: &'static str) -> Self {
        let index: HashMap<OrgId, usize> =
            orgs.iter().enumerate().map(|(i, o)| (o.id(), i)).collect();
        let mut children = vec![Vec::new(); orgs.len()];
        let mut roots = Vec::new();
        for (i, o) in orgs.iter().enumerate() {
            match o.parent().and_then(|p| index.get(&p.id())) {
                Some(&p) => children[p].push(i),
                None => roots.push(i),
            }
        }
        let cards = orgs.iter().map(|&o| card(o, posts)).collect();
        Chart {
            cards,
            children,
            roots,
            vacant,
        }
    }
}

fn card(org: OrgRef<'_>, posts: bool) -> Card {
    let name = text::clean(org.as_node().display_name());
    let native = org
        .labels
        .preferred_all()
        .filter(|(lang, _)| lang.as_str() != "en")
        .map(|(_, t)| text::clean(t))
        .filter(|t| *t != name)
        .collect();
    let posts = if posts {
        org.posts()
            .map(|p| PostLine {
                name: text::clean(p.as_node().display_name()),
                head: p.heads,
                holders: p
                    .tenures()
                    .filter_map(|t| {
                        let who = text::clean(t.person()?.as_node().display_name());
                        Some(match dates(t.data()) {
                            Some(d) => format!("{who} ({d})"),
                            None => who,
                        })
                    })
                    .collect(),
            })
            .collect()
    } else {
        Vec::new()
    };
    Card {
        slug: org.slug().to_string(),
        kind: org.kind,
        name,
        native,
        posts,
    }
}

/// A tenure's dates as `2013–2018`, `since 2013` or `until 2018`.
fn dates(t: &Tenure) -> Option<String> {
    match (t.start, t.end) {
        (Some(s), Some(e)) => Some(format!("{s}–{e}")),
        (Some(s), None) => Some(format!("since {s}")),
        (None, Some(e)) => Some(format!("until {e}")),
        (None, None) => None,
    }
}

/// The kind in words: `governing body`.
fn kind_words(kind: OrgKind) -> String {
    kind.name().replace('_', " ")
}

/// Fill and stroke colours for a kind: light fills, dark strokes, told
/// apart by hue.
fn colours(kind: OrgKind) -> (&'static str, &'static str) {
    match kind {
        OrgKind::GoverningBody => ("#dbeafe", "#1d4ed8"),
        OrgKind::Agency => ("#dcfce7", "#15803d"),
        OrgKind::Office => ("#fef9c3", "#a16207"),
        OrgKind::Department => ("#f3e8ff", "#7e22ce"),
        OrgKind::Institution => ("#ffedd5", "#c2410c"),
        OrgKind::PartyOrgan => ("#fee2e2", "#b91c1c"),
        OrgKind::MilitaryOrgan => ("#e2e8f0", "#334155"),
        _ => ("#f5f5f4", "#57534e"),
    }
}
