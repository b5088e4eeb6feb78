//! RDF placeholder
