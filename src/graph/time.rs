//! Reorganization events: [`GovGraph::add_event`].

use std::collections::HashSet;

use super::{GovGraph, GraphError, MAX_ELEMENTS, Pos};
use crate::model::{Event, EventId, NodeId, NodeKind, OrgId, Relation};

impl GovGraph {
    /// Records a reorganization: inserts the event and links it to the
    /// bodies it changed, `originals` (as they were before) and `results`
    /// (as they were after). A body that goes on through the event (a
    /// rename, a transfer) is in both lists.
    ///
    /// For the kinds in which new bodies take the place of old ones
    /// ([`ChangeKind::replaces`](crate::ChangeKind::replaces): replacement,
    /// merger, split, absorption), each resulting body that is not also an
    /// original is linked [`Relation::Replaces`] to each original that is
    /// not also a result, unless that link is already there: the RDF
    /// contract writes `dct:replaces` for such events.
    ///
    /// Everything is checked before anything is added: after an error the
    /// graph is unchanged.
    ///
    /// ```
    /// use govgraph::{ChangeKind, Event, GovGraph, Organization, OrgKind, Slug};
    /// let mut g = GovGraph::new();
    /// let gac = g.insert_org(Organization::new(
    ///     Slug::new("government-administration-council")?, OrgKind::GoverningBody,
    ///     "Government Administration Council"))?;
    /// let sc = g.insert_org(Organization::new(
    ///     Slug::new("state-council")?, OrgKind::GoverningBody, "State Council"))?;
    /// let ev = g.add_event(
    ///     Event::new(Slug::new("state-council-replaces-gac")?, ChangeKind::Replacement)
    ///         .with_date("1954-09".parse()?),
    ///     &[gac], &[sc])?;
    /// let sc = g.org(sc).ok_or("just added")?;
    /// assert_eq!(sc.replaces().map(|o| o.slug().as_str()).collect::<Vec<_>>(),
    ///            ["government-administration-council"]);
    /// assert_eq!(g.event(ev).ok_or("just added")?.originals().count(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// [`GraphError::UnknownId`] for an id not in this graph,
    /// [`GraphError::DuplicateLink`] for a body named twice in one list,
    /// [`GraphError::Cycle`] when the `Replaces` links would close a
    /// cycle, and as [`insert`](Self::insert).
    pub fn add_event(
        &mut self,
        event: Event,
        originals: &[OrgId],
        results: &[OrgId],
    ) -> Result<EventId, GraphError> {
        let mut before = Vec::with_capacity(originals.len());
        let mut after = Vec::with_capacity(results.len());
        for (ids, out, relation) in [
            (originals, &mut before, Relation::OriginalOrganization),
            (results, &mut after, Relation::ResultingOrganization),
        ] {
            for &id in ids {
                let ix = self.check(id.into())?;
                if out.contains(&ix) {
                    return Err(GraphError::DuplicateLink {
                        relation,
                        from_kind: NodeKind::Event,
                        from: event.slug.clone(),
                        to_kind: NodeKind::Organization,
                        to: self.slug_at(ix).clone(),
                    });
                }
                out.push(ix);
            }
        }
        let mut replaces: Vec<(Pos, Pos)> = Vec::new();
        if event.kind.replaces() {
            for &r in after.iter().filter(|r| !before.contains(r)) {
                for &o in before.iter().filter(|o| !after.contains(o)) {
                    if !self.links_from(r, Relation::Replaces).any(|(t, _)| t == o) {
                        replaces.push((r, o));
                    }
                }
            }
            for &(r, o) in &replaces {
                if self.reaches_with(o, r, &replaces) {
                    return Err(GraphError::Cycle {
                        relation: Relation::Replaces,
                        kind: NodeKind::Organization,
                        from: self.slug_at(r).clone(),
                        to: self.slug_at(o).clone(),
                    });
                }
            }
        }
        let new_links = before.len() + after.len() + replaces.len();
        if self.link_count() + new_links >= MAX_ELEMENTS as usize {
            return Err(GraphError::Full { max: MAX_ELEMENTS });
        }
        let NodeId::Event(id) = self.insert(event.into())? else {
            unreachable!("insert returns an id of the node's own kind")
        };
        // Every check that could refuse these links was made above.
        for (targets, relation) in [
            (&before, Relation::OriginalOrganization),
            (&after, Relation::ResultingOrganization),
        ] {
            for &t in targets {
                self.link(id, relation, self.id_at(t))?;
            }
        }
        for (r, o) in replaces {
            self.link(self.id_at(r), Relation::Replaces, self.id_at(o))?;
        }
        Ok(id)
    }

    /// True when `start` reaches `goal` by `Replaces` links, the graph's
    /// and the `extra` ones about to be added.
    fn reaches_with(&self, start: Pos, goal: Pos, extra: &[(Pos, Pos)]) -> bool {
        let mut seen = HashSet::new();
        let mut stack = vec![start];
        while let Some(n) = stack.pop() {
            if n == goal {
                return true;
            }
            if seen.insert(n) {
                stack.extend(self.links_from(n, Relation::Replaces).map(|(t, _)| t));
                stack.extend(extra.iter().filter(|(a, _)| *a == n).map(|&(_, b)| b));
            }
        }
        false
    }
}
