#![cfg_attr(doc, doc = include_str!("../README.md"))]
#![cfg_attr(
    not(doc),
    doc = "govgraph: an embedded, typed knowledge graph of government organizations."
)]
#![doc(test(attr(deny(warnings))))]
#![forbid(unsafe_code)]

pub mod datasets;
mod graph;
mod index;
pub mod ingest;
#[cfg(feature = "serde")]
mod json;
mod model;
mod position;
pub mod rdf;
pub mod render;
#[cfg(feature = "sparql")]
pub mod sparql;
#[cfg(feature = "synthetic")]
pub mod synthetic;
pub mod traverse;

pub use graph::{DatedCycle, GovGraph, GraphError};
#[cfg(feature = "serde")]
pub use json::{JsonError, Place as JsonPlace};
pub use model::*;
pub use position::TextPosition;
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
        send_sync::<crate::OrgRef<'static>>();
        send_sync::<crate::NodeRef<'static>>();
        send_sync::<crate::traverse::RelationPath<'static>>();
        send_sync::<crate::rdf::BaseIriError>();
        send_sync::<crate::render::SvgOptions>();
        #[cfg(feature = "serde")]
        send_sync::<crate::JsonError>();
    }
}
