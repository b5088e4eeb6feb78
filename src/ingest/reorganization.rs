//! Reorganization facts of an infobox: `PrecedingN` and `SupersedingN`
//! (a predecessor may carry its years, `State Planning Commission
//! (1952–1998)`), with `Formed` and `Dissolved`, become `Replaces` links
//! (newer to older) and dated [`Event`]s: the event that brought a body
//! about has it as its result and its predecessors as its originals, dated
//! the body's founding; a successor's event has the body as an original,
//! dated its dissolution. Two articles telling of one event (one body's
//! `Preceding`, the other's `Superseding`) give one event, keyed by the
//! body it resulted in.

use super::fact::Fact;
use super::ingester::{Ctx, Ingester};
use super::staging::suffixed;
use super::text::{clean_name, parse_period, split_qualifier};
use crate::{ChangeKind, Event, Node, NodeKind, PartialDate, Relation};

impl Ingester {
    /// The body a `Preceding` or `Superseding` field names; years written
    /// after it, `(1952–1998)`, are its founding and dissolution.
    pub(super) fn reorganized_body(&mut self, ctx: &Ctx, value: &str, line: usize) -> usize {
        let name = clean_name(value);
        let (base, qualifier) = split_qualifier(&name);
        let Some((from, to)) = qualifier.and_then(parse_period) else {
            return self.org(&name, ctx, line, None);
        };
        let org = self.org(base, ctx, line, None);
        if let Some(d) = from {
            if self.claim(org, Fact::Founded, &d.to_string(), ctx, line) {
                if let Node::Organization(o) = &mut self.nodes[org].node {
                    o.founded = Some(d);
                }
            }
            self.fact(org, Fact::Founded, ctx, line, true);
        }
        if let Some(d) = to {
            if self.claim(org, Fact::Dissolved, &d.to_string(), ctx, line) {
                if let Node::Organization(o) = &mut self.nodes[org].node {
                    o.details_mut().dissolved = Some(d);
                }
            }
            self.fact(org, Fact::Dissolved, ctx, line, true);
        }
        org
    }

    /// The events of an infobox's `Preceding` and `Superseding` bodies,
    /// given as (body, line), once the whole infobox is read.
    pub(super) fn reorganizations(
        &mut self,
        ctx: &Ctx,
        subject: usize,
        preceding: &[(usize, usize)],
        superseding: &[(usize, usize)],
    ) {
        let (founded, dissolved) = match &self.nodes[subject].node {
            Node::Organization(o) => (o.founded, o.details().dissolved),
            _ => (None, None),
        };
        if let Some(&(_, line)) = preceding.first() {
            let originals: Vec<usize> = preceding.iter().map(|&(o, _)| o).collect();
            self.event(ctx, subject, &originals, founded, line);
        }
        for &(newer, line) in superseding {
            self.event(ctx, newer, &[subject], dissolved, line);
        }
    }

    /// The event that resulted in `result`, with `originals` added and
    /// dated `date` (a second date differing from the first is a
    /// conflict). A replacement of one body, a merger of several.
    fn event(
        &mut self,
        ctx: &Ctx,
        result: usize,
        originals: &[usize],
        date: Option<PartialDate>,
        line: usize,
    ) {
        let e = if let Some(&e) = self.events.get(&result) {
            e
        } else {
            let base = self.node_key(result).slug;
            let slug = suffixed(base.as_str(), "reorganization").unwrap_or(base);
            let slug = self.unique(NodeKind::Event, slug);
            let name = slug.to_string();
            let e = self.push(
                Event::new(slug, ChangeKind::Replacement).into(),
                &name,
                ctx,
                line,
                false,
            );
            self.link(e, Relation::ResultingOrganization, result, ctx, line);
            self.events.insert(result, e);
            e
        };
        for &o in originals {
            self.link(e, Relation::OriginalOrganization, o, ctx, line);
        }
        let count = self
            .links
            .iter()
            .filter(|l| l.from == e && l.relation == Relation::OriginalOrganization)
            .count();
        if let Some(d) = date {
            if self.claim(e, Fact::Reorganization, &d.to_string(), ctx, line) {
                if let Node::Event(ev) = &mut self.nodes[e].node {
                    ev.date = Some(d);
                }
            }
        }
        if let Node::Event(ev) = &mut self.nodes[e].node {
            ev.kind = if count > 1 {
                ChangeKind::Merger
            } else {
                ChangeKind::Replacement
            };
        }
        self.fact(e, Fact::Reorganization, ctx, line, true);
        self.fact(result, Fact::Reorganization, ctx, line, false);
    }
}
