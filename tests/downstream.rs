//! A downstream crate's everyday tasks, through the public API only (no
//! `crate::` paths, nothing hidden): build with handles and minted slugs,
//! name things in another language, search, read a path by names, and read
//! back an export written under another base.

use govgraph::rdf::{Exporter, Importer, RdfFormat};
use govgraph::{
    GovGraph, Lang, MatchKind, NodeId, NodeKind, OrgKind, Organization, Person, Post, Slug,
};

type Result<T = ()> = std::result::Result<T, Box<dyn std::error::Error>>;

/// A small graph written the short way: English names in `new`, a Chinese
/// name added without restating the English one, tenure slugs minted.
fn built() -> Result<GovGraph> {
    let mut g = GovGraph::new();
    let council = g.insert_org(
        Organization::new(
            Slug::new("state-council")?,
            OrgKind::GoverningBody,
            "State Council",
        )
        .with_label(Lang::zh_hans(), "国务院"),
    )?;
    let office = g.add_sub_org(
        council,
        Organization::new(
            Slug::new("general-office-of-the-state-council")?,
            OrgKind::Agency,
            "General Office of the State Council",
        )
        .with_label(Lang::zh_hans(), "国务院办公厅")
        .with_alternate_label(
            Lang::en(),
            "General Office of the State Council of the People's Republic of China",
        ),
    )?;
    let post = g.add_post(
        office,
        Post::new(
            Slug::new("secretary-general-of-the-state-council")?,
            "Secretary-General of the State Council",
        )
        .head(),
    )?;
    let wu = g.insert_person(Person::new(Slug::new("wu-zhenglong")?, "Wu Zhenglong"))?;
    let tenure = g.appoint_minted(wu, post, |t| t)?;
    assert_eq!(
        g[tenure].slug.as_str(),
        "wu-zhenglong-secretary-general-of-the-state-council"
    );
    Ok(g)
}

#[test]
fn names_in_another_language_keep_the_english_one() -> Result {
    let g = built()?;
    let office = g
        .org_by_slug("general-office-of-the-state-council")
        .ok_or("missing")?;
    assert_eq!(
        office.labels.english(),
        Some("General Office of the State Council")
    );
    assert_eq!(
        office.labels.preferred(&Lang::zh_hans()),
        Some("国务院办公厅")
    );
    assert_eq!(office.labels.alternates().count(), 1);
    Ok(())
}

#[test]
fn search_ranks_whole_names_then_beginnings_then_the_rest() -> Result {
    let g = built()?;
    let hits: Vec<(String, MatchKind)> = g
        .search("state council")
        .map(|h| (h.node.to_string(), h.kind))
        .collect();
    assert_eq!(
        hits,
        [
            ("org/state-council".to_owned(), MatchKind::Exact),
            (
                "org/general-office-of-the-state-council".to_owned(),
                MatchKind::Substring
            ),
            (
                "post/secretary-general-of-the-state-council".to_owned(),
                MatchKind::Substring
            ),
        ]
    );
    let zh: Vec<&str> = g.search("国务院").map(|h| h.label).collect();
    assert_eq!(zh, ["国务院", "国务院办公厅"]);
    assert_eq!(g.search("  ").count(), 0);
    Ok(())
}

#[test]
fn handles_make_paths_that_read_by_names() -> Result {
    let g = built()?;
    let wu = g.person_by_slug("wu-zhenglong").ok_or("missing")?;
    let council = g.org_by_slug("state-council").ok_or("missing")?;
    let path = g.path(wu, council).ok_or("not connected")?;
    assert_eq!(
        path.to_string(),
        "Wu Zhenglong holds Secretary-General of the State Council, a post in \
         General Office of the State Council, part of State Council"
    );
    assert_eq!(
        path.keys().to_string(),
        "person/wu-zhenglong <-holder- membership/wu-zhenglong-secretary-general-of-the-state-council \
         -tenure_of-> post/secretary-general-of-the-state-council \
         -post_in-> org/general-office-of-the-state-council \
         -sub_organization_of-> org/state-council"
    );
    let tenure = wu.tenures().next().ok_or("no tenure")?;
    assert_eq!(
        tenure.label(),
        "Wu Zhenglong, Secretary-General of the State Council"
    );
    let id: NodeId = wu.into();
    assert_eq!(id.kind(), NodeKind::Person);
    Ok(())
}

#[test]
fn an_export_under_another_base_reads_back_with_that_base() -> Result {
    let g = built()?;
    let base = "https://example.org/id/";
    let nt = Exporter::new()
        .with_base_iri(base)?
        .with_format(RdfFormat::NTriples)
        .write(&g, Vec::new())?;
    let back = Importer::new()
        .with_base_iri(base)?
        .import_slice(&nt, RdfFormat::NTriples)?;
    assert_eq!(back.graph, g);
    assert!(back.report.notes().is_empty(), "{}", back.report);
    Ok(())
}

#[test]
fn a_graph_is_edited_as_the_facts_change() -> Result {
    use govgraph::{GraphError, Interval, Relation};

    let mut g = built()?;
    let office = g
        .org_by_slug("general-office-of-the-state-council")
        .ok_or("missing")?
        .id();
    let council = g.org_by_slug("state-council").ok_or("missing")?.id();
    let wu = g.person_by_slug("wu-zhenglong").ok_or("missing")?.id();
    let tenure = g
        .tenure_by_slug("wu-zhenglong-secretary-general-of-the-state-council")
        .ok_or("missing")?
        .id();

    // A name is corrected; the old one no longer finds the body.
    g.edit(office, |o| {
        o.labels
            .set_preferred(Lang::en(), "State Council General Office");
    })?;
    assert_eq!(
        g.search("state council general office")
            .next()
            .map(|h| h.node.id()),
        Some(office.into())
    );
    assert_eq!(
        g.find_by_label("General Office of the State Council")
            .count(),
        0
    );

    // The appointment ends; the body has no current head.
    g.end_tenure(tenure, "2023-03".parse()?)?;
    assert_eq!(g.org(office).ok_or("missing")?.heads().count(), 0);

    // The body moves: its parent link ends, then it is unlinked entirely.
    g.end_link(
        office,
        Relation::SubOrganizationOf,
        council,
        "2024".parse()?,
    )?;
    assert!(g.org(office).ok_or("missing")?.parent().is_none());
    g.unlink(office, Relation::SubOrganizationOf, council)?;
    g.link_during(
        office,
        Relation::SubOrganizationOf,
        council,
        Interval::since("2025".parse()?),
    )?;
    let path = g.path(wu, council).ok_or("not connected")?;
    assert_eq!(
        path.to_string(),
        "Wu Zhenglong held Secretary-General of the State Council, a post in \
         State Council General Office, part of State Council"
    );

    // A refusal is an error and changes nothing.
    let before = g.clone();
    let err = g.edit(office, |o| {
        o.slug = Slug::new("state-council").expect("a slug");
    });
    assert!(matches!(err, Err(GraphError::DuplicateSlug { .. })));
    assert_eq!(g, before);

    // A removed person's id says so; the graph equals one built without.
    g.remove(wu)?;
    assert_eq!(
        g.person(wu).map(govgraph::PersonRef::id),
        None,
        "no handle for a removed node"
    );
    assert_eq!(
        g.remove(wu).map(|_| ()).unwrap_err().to_string(),
        "person `wu-zhenglong` was removed from this graph"
    );
    #[cfg(feature = "serde")]
    {
        let mut json = Vec::new();
        g.write_json(&mut json)?;
        assert_eq!(GovGraph::read_json(json.as_slice())?, g);
    }
    Ok(())
}
