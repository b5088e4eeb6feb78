#![cfg_attr(doc, doc = include_str!("../README.md"))]
#![cfg_attr(
    not(doc),
    doc = "govgraph: an embedded, typed knowledge graph of government organizations."
)]
#![doc(test(attr(deny(warnings))))]
#![forbid(unsafe_code)]
// On docs.rs (nightly, `--cfg docsrs`), mark each feature-gated item with
// the feature it needs; `doc_cfg` derives the marks from the `#[cfg]`s.
#![cfg_attr(docsrs, feature(doc_cfg))]

pub mod datasets;
mod graph;
mod index;
pub mod ingest;
#[cfg(feature = "serde")]
mod json;
pub mod lint;
mod model;
mod position;
pub mod rdf;
pub mod render;
mod search;
#[cfg(feature = "sparql")]
pub mod sparql;
#[cfg(feature = "synthetic")]
pub mod synthetic;
pub mod traverse;

pub use graph::{DatedCycle, GovGraph, GraphError, TypedId};
#[cfg(feature = "serde")]
pub use json::{JsonError, Place as JsonPlace};
pub use model::*;
pub use position::TextPosition;
pub use search::{MatchKind, SearchHit, SearchHits};
pub use traverse::{
    CategoryRef, EventRef, FunctionRef, JurisdictionRef, NodeRef, OrgRef, PersonRef, PlaceRef,
    PostRef, SiteRef, TenureRef, WebsiteRef,
};

#[cfg(test)]
mod tests {
    fn send_sync<T: Send + Sync>() {}

    #[test]
    fn public_types_are_send_and_sync() {
        send_sync::<crate::GovGraph>();
        send_sync::<crate::GraphError>();
        send_sync::<crate::Node>();
        send_sync::<crate::TextPosition>();
        send_sync::<crate::SearchHits<'static>>();
        send_sync::<crate::OrgRef<'static>>();
        send_sync::<crate::NodeRef<'static>>();
        send_sync::<crate::traverse::RelationPath<'static>>();
        send_sync::<crate::rdf::BaseIriError>();
        send_sync::<crate::render::SvgOptions>();
        #[cfg(feature = "serde")]
        send_sync::<crate::JsonError>();
    }
}
