//! The mapping is complete and its lookups invert it.
use std::collections::HashSet;

use super::*;
use crate::model::{CategoryKind, Node, OrgKind, PlaceKind};

#[test]
fn every_relation_has_exactly_one_forward_mapping() {
    for r in Relation::ALL {
        let forward: Vec<_> = links()
            .filter(|row| row.relation == r && row.dir == Dir::Forward)
            .filter(|row| row.when == When::Always)
            .map(|row| row.predicate)
            .collect();
        assert_eq!(forward.len(), 1, "{r}: {forward:?}");
        let inverses = links()
            .filter(|row| row.relation == r && row.dir == Dir::Inverse)
            .filter(|row| row.when == When::InverseLinks)
            .count();
        assert!(inverses <= 1, "{r} has {inverses} inverses");
    }
    assert_eq!(links().count(), 28, "a new row needs a look at this test");
}

#[test]
fn every_kind_has_exactly_one_class_or_kind_row() {
    for k in OrgKind::ALL {
        assert_eq!(
            ORG_KINDS.iter().filter(|(x, _)| *x == k).count(),
            1,
            "{k:?}"
        );
    }
    for k in [
        PlaceKind::Country,
        PlaceKind::Province,
        PlaceKind::City,
        PlaceKind::District,
        PlaceKind::Compound,
        PlaceKind::Street,
        PlaceKind::Other,
    ] {
        assert_eq!(
            PLACE_KINDS.iter().filter(|(x, _)| *x == k).count(),
            1,
            "{k:?}"
        );
    }
    for k in [
        CategoryKind::BodyType,
        CategoryKind::Grouping,
        CategoryKind::Rank,
        CategoryKind::Other,
    ] {
        assert_eq!(
            CATEGORY_SCHEMES.iter().filter(|(x, _)| *x == k).count(),
            1,
            "{k:?}"
        );
    }
    for k in NodeKind::ALL {
        let always = CLASSES
            .iter()
            .filter(|r| r.kind == k && r.when == ClassWhen::Always)
            .count();
        assert_eq!(always, 1, "{k}");
    }
}

#[test]
fn class_lookups_invert_the_class_tables() {
    for r in CLASSES {
        if is_concept(r.class) {
            assert_eq!(kind_of_class(r.class), None);
        } else {
            assert_eq!(kind_of_class(r.class), Some(r.kind), "{}", r.class);
        }
    }
    for (k, c) in ORG_KINDS {
        assert_eq!(org_kind_of_class(c), Some(*k));
        assert_eq!(kind_of_class(c), Some(NodeKind::Organization));
        assert_eq!(org_kind_class(*k), *c);
    }
    for (k, c) in PLACE_KINDS {
        assert_eq!(place_kind_of_class(c), Some(*k));
        assert_eq!(kind_of_class(c), Some(NodeKind::Place));
        assert_eq!(place_kind_class(*k), *c);
    }
    for (k, c) in CATEGORY_SCHEMES {
        assert_eq!(category_kind_of_scheme(c), Some(*k));
        assert_eq!(category_scheme(*k), *c);
    }
    let all: HashSet<_> = CLASSES
        .iter()
        .map(|r| r.class)
        .chain(ORG_KINDS.iter().map(|(_, c)| *c))
        .chain(PLACE_KINDS.iter().map(|(_, c)| *c))
        .collect();
    assert_eq!(kind_of_class(org::ROLE), None);
    assert!(!all.contains(org::ROLE));
}

#[test]
fn link_lookups_invert_the_link_table() {
    let mut seen = 0;
    for (i, kind) in NodeKind::ALL.iter().enumerate() {
        for (p, read) in &LOOKUPS.links[i] {
            let row = read.row;
            assert_eq!(row.predicate, *p);
            assert_eq!(read.relation, row.relation);
            assert_eq!(read.forward, row.dir == Dir::Forward);
            assert!(row.subject_kinds().contains(kind));
            seen += 1;
        }
        // One predicate reads one way on one kind.
        let preds: HashSet<_> = LOOKUPS.links[i].iter().map(|(p, _)| *p).collect();
        assert_eq!(preds.len(), LOOKUPS.links[i].len(), "{kind}");
    }
    let expected: usize = links().map(|r| r.subject_kinds().len()).sum();
    assert_eq!(seen, expected);
    for row in links() {
        for &k in row.subject_kinds() {
            let read = LOOKUPS.link(k, row.predicate).expect("read back");
            assert!(std::ptr::eq(read.row, row), "{}", row.predicate);
        }
    }
    for row in derived_rows() {
        assert_eq!(
            LOOKUPS.derived(row.kind, row.predicate),
            Some(row.derivation)
        );
        assert_eq!(DerivedRow::of(row.derivation).predicate, row.predicate);
        assert!(
            LOOKUPS.link(row.kind, row.predicate).is_none(),
            "{} is both a link and derived",
            row.predicate
        );
    }
}

#[test]
fn classes_of_a_node_follow_its_kind() {
    use crate::model::{Organization, Place};
    let office = Node::Organization(Organization::new(
        crate::Slug::new("a").unwrap(),
        OrgKind::Office,
        "A",
    ));
    assert_eq!(
        classes_of(&office).collect::<Vec<_>>(),
        [
            org::ORGANIZATION,
            org::ORGANIZATIONAL_UNIT,
            schema::GOVERNMENT_ORGANIZATION,
            gg::OFFICE
        ]
    );
    let compound = Node::Place(Place::new(
        crate::Slug::new("z").unwrap(),
        PlaceKind::Compound,
        "Z",
    ));
    assert_eq!(
        classes_of(&compound).collect::<Vec<_>>(),
        [schema::PLACE, gg::COMPOUND]
    );
    for k in OrgKind::ALL {
        let o = Node::Organization(Organization::new(crate::Slug::new("a").unwrap(), k, "A"));
        for c in classes_of(&o) {
            assert!(org_writes_class(k, c), "{k:?} {c}");
        }
    }
}

#[test]
fn every_dated_relation_has_one_relationship_shape() {
    for r in Relation::ALL {
        let shapes = time::DATED_LINKS.iter().filter(|d| d.relation == r).count();
        assert_eq!(shapes, usize::from(r.is_dated()), "{r}");
    }
    // The parent link has its own shape (VOCABULARY.md); the others the
    // generic one, which names the forward predicate.
    let parent = time::dated_shape(Relation::SubOrganizationOf).unwrap();
    assert_eq!(parent.class, gg::SUB_ORGANIZATION_RELATIONSHIP);
    assert!(!parent.states_predicate);
    for d in time::DATED_LINKS.iter().filter(|d| d.states_predicate) {
        assert_eq!(d.class, gg::DATED_LINK);
    }
}

#[test]
fn every_change_kind_has_one_concept_and_back() {
    for k in crate::model::ChangeKind::ALL {
        let c = time::change_kind_concept(k);
        assert_eq!(time::change_kind_of(c), Some(k));
        assert_eq!(
            time::CHANGE_KINDS.iter().filter(|(x, _)| *x == k).count(),
            1
        );
    }
    let concepts: HashSet<_> = time::CHANGE_KINDS.iter().map(|(_, c)| *c).collect();
    assert_eq!(concepts.len(), time::CHANGE_KINDS.len());
}
