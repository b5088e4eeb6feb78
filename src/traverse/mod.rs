//! Typed handles and the iterators that walk the graph.
//!
//! | type | what it walks |
//! |---|---|
//! | [`OrgRef`], [`PostRef`], [`PersonRef`], [`TenureRef`], … | one node, with its links as methods |
//! | [`NodeRef`] | a node of any kind |
//! | [`Linked`] | the nodes at the other end of one node's links, in graph order |
//! | [`Ancestors`] | parent, grandparent, … to the root |
//! | [`Descendants`] | every body below, breadth-first, with depth |
//! | [`RelationPath`], [`Step`], [`PathElement`] | a shortest chain of links between two nodes |
//! | [`AsOf`] | the graph as it was on a date: every walk from its handles sees only what was in force |
//! | [`Succession`], [`Term`] | a post's tenures in time order, with the vacancies between them |
//! | [`History`], [`HistoryEntry`] | a body's timeline |
//! | [`Lineage`], [`LineageStep`], [`Lineal`] | a body's predecessors and successors |
//!
//! Without a date, walks follow the links *in force now* (a dated link
//! that has ended is history, reached through [`OrgRef::history`] or an
//! [`AsOf`] view); tenures are records, so a post's tenures and holders
//! include past ones, while a body's heads are the current ones.
//!
//! Every walk is iterative (no recursion), so a hierarchy a million bodies
//! deep or wide walks without growing the stack. Each method states its
//! order and cost. Neighbours come in *graph order*, the order the nodes
//! were inserted into the graph, which every round trip keeps.
//!
//! ```
//! let g = govgraph::datasets::general_office();
//! let center = g.org_by_slug("china-government-network-operation-center").expect("in the dataset");
//! let chain: Vec<&str> = center.ancestors().map(|o| o.slug().as_str()).collect();
//! assert_eq!(chain, ["general-office-of-the-state-council", "state-council"]);
//! ```

mod handles;
mod iter;
mod path;
mod time;

pub use handles::{
    CategoryRef, EventRef, FunctionRef, Handle, JurisdictionRef, NodeRef, OrgRef, PersonRef,
    PlaceRef, PostRef, SiteRef, TenureRef, WebsiteRef,
};
pub use iter::{Ancestors, Descendants, Linked};
pub use path::{PathElement, PathKeys, RelationPath, Step};
pub use time::{AsOf, History, HistoryEntry, Lineage, LineageStep, Lineal, Succession, Term};
