//! Extends the built-in dataset with the public insertion API, queries the
//! result, and shows the graph refusing bad insertions.
//!
//! ```text
//! cargo run --example extend
//! ```
//!
//! Everything added here is ILLUSTRATIVE and FICTIONAL: there is no
//! "Example Ministry of Records", no "Example Person A/B/C", no "Example
//! City", and the dates are made up. They only show how the API is used;
//! they are not facts about any real government.

use std::error::Error;

use govgraph::{
    Address, Function, GovGraph, GraphError, Labels, Lang, OrgId, OrgKind, Organization,
    PartialDate, Person, PersonId, Place, PlaceId, PlaceKind, Post, PostId, Relation, Site, Slug,
    Tenure,
};

/// The ids the queries and the refusals below need.
#[derive(Clone, Copy)]
struct Added {
    council: OrgId,
    office: OrgId,
    ministry: OrgId,
    archive: OrgId,
    city: PlaceId,
    person_c: PersonId,
}

fn main() -> Result<(), Box<dyn Error>> {
    let mut g = govgraph::datasets::general_office();
    println!(
        "the dataset: {} nodes, {} links",
        g.node_count(),
        g.link_count()
    );
    let added = add_example_ministry(&mut g)?;
    println!(
        "extended:    {} nodes, {} links",
        g.node_count(),
        g.link_count()
    );
    query(&g, &added)?;
    refuse(&mut g, &added)
}

/// Adds the fictional ministry, its department, posts, people, tenures,
/// function and headquarters (illustrative only).
fn add_example_ministry(g: &mut GovGraph) -> Result<Added, Box<dyn Error>> {
    let council = g
        .org_by_slug("state-council")
        .ok_or("no State Council in the dataset")?
        .id();
    let office = g
        .org_by_slug("general-office-of-the-state-council")
        .ok_or("no General Office in the dataset")?
        .id();
    let minister_level = g
        .category_by_slug("minister-level")
        .ok_or("no minister-level rank in the dataset")?
        .id();

    // --- A fictional body under the State Council (illustrative only). ---
    let ministry = g.add_sub_org(
        council,
        Organization::new(
            Slug::new("example-ministry-of-records")?,
            OrgKind::Agency,
            "Example Ministry of Records",
        )
        .with_labels(
            Labels::en("Example Ministry of Records")
                .with_alternate(Lang::en(), "EMR (fictional example)"),
        )
        .with_description("A fictional ministry used to illustrate the govgraph API.")
        .with_founded("2001-06".parse()?),
    )?;
    let archive = g.add_sub_org(
        ministry,
        Organization::new(
            Slug::from_name("Example Archive Department")?,
            OrgKind::Department,
            "Example Archive Department",
        ),
    )?;

    // Posts: a head post and a deputy with a rank (the rank category is the
    // dataset's; giving it to a fictional post says nothing about real ones).
    let minister = g.add_post(
        ministry,
        Post::new(
            Slug::new("example-minister-of-records")?,
            "Example Minister of Records",
        )
        .head(),
    )?;
    let deputy = g.add_post(
        ministry,
        Post::new(
            Slug::new("example-deputy-minister-of-records")?,
            "Example Deputy Minister of Records",
        ),
    )?;
    g.link(deputy, Relation::Rank, minister_level)?;
    let archivist = g.add_post(
        archive,
        Post::new(
            Slug::new("example-chief-archivist")?,
            "Example Chief Archivist",
        )
        .head(),
    )?;

    let person_c = appoint_example_people(g, minister, deputy, archivist)?;
    let city = add_example_headquarters(g, ministry)?;
    Ok(Added {
        council,
        office,
        ministry,
        archive,
        city,
        person_c,
    })
}

/// Fictional people and their tenures, with dates to the year, the month
/// or the day; returns the deputy's holder.
fn appoint_example_people(
    g: &mut GovGraph,
    minister: PostId,
    deputy: PostId,
    archivist: PostId,
) -> Result<PersonId, Box<dyn Error>> {
    let a = g.insert_person(Person::new(
        Slug::new("example-person-a")?,
        "Example Person A",
    ))?;
    let b = g.insert_person(Person::new(
        Slug::new("example-person-b")?,
        "Example Person B",
    ))?;
    let c = g.insert_person(Person::new(
        Slug::new("example-person-c")?,
        "Example Person C",
    ))?;
    g.appoint(
        a,
        minister,
        Tenure::new(Slug::new("example-person-a-minister")?)
            .with_start(PartialDate::year_month(2001, 6)?)
            .with_end("2010-03-15".parse()?),
    )?;
    g.appoint(
        b,
        minister,
        Tenure::new(Slug::new("example-person-b-minister")?)
            .with_start(PartialDate::ymd(2010, 3, 16)?),
    )?;
    g.appoint(
        c,
        deputy,
        Tenure::new(Slug::new("example-person-c-deputy")?).with_start(PartialDate::year(2015)?),
    )?;
    g.appoint(
        a,
        archivist,
        Tenure::new(Slug::new("example-person-a-archivist")?).with_start("2010-04".parse()?),
    )?;

    Ok(c)
}

/// A function, and a fictional headquarters in a fictional city.
fn add_example_headquarters(g: &mut GovGraph, ministry: OrgId) -> Result<PlaceId, Box<dyn Error>> {
    g.add_function(
        ministry,
        Function::new(
            Slug::new("example-ministry-of-records-1")?,
            "Keeps the example records (a fictional duty).",
        ),
    )?;
    let city = g.insert_place(Place::new(
        Slug::new("example-city")?,
        PlaceKind::City,
        "Example City",
    ))?;
    let hq = g.add_headquarters(
        ministry,
        Site::new(
            Slug::new("example-ministry-of-records-headquarters")?,
            "1 Example Road, Example City",
        )
        .with_address(
            Address::new()
                .with_street("1 Example Road")
                .with_locality("Example City"),
        ),
    )?;
    g.link(hq, Relation::ContainedIn, city)?;
    Ok(city)
}

/// Heads, holders, headquarters, descendants with depth, and a path.
fn query(g: &GovGraph, added: &Added) -> Result<(), Box<dyn Error>> {
    let Added {
        council,
        office,
        ministry,
        person_c,
        ..
    } = *added;
    let ministry_ref = g.org(ministry).ok_or("the ministry was just added")?;
    println!();
    println!("Current heads of the Example Ministry of Records:");
    for person in ministry_ref.heads() {
        println!("  {}", person.as_node().display_name());
    }
    println!("Everyone who has held its posts:");
    for post in ministry_ref.posts() {
        for tenure in post.tenures() {
            let who = tenure
                .person()
                .map_or("(unknown)", |p| p.as_node().display_name());
            let from = tenure.start.map(|d| d.to_string()).unwrap_or_default();
            let to = tenure
                .end
                .map_or_else(|| "now".to_owned(), |d| d.to_string());
            println!(
                "  {who}: {} ({from} to {to})",
                post.as_node().display_name()
            );
        }
    }
    if let Some(site) = ministry_ref.headquarters() {
        let places: Vec<&str> = site.places().map(|p| p.as_node().display_name()).collect();
        println!("Headquarters: {} (in {})", site.label, places.join(", "));
    }

    let council_ref = g
        .org(council)
        .ok_or("the State Council is in the dataset")?;
    println!();
    println!("Below the State Council (breadth-first, with depth):");
    for (org, depth) in council_ref.descendants() {
        let parent = org.parent().map_or("", |p| p.as_node().display_name());
        println!(
            "  depth {depth}: {} (under {parent})",
            org.as_node().display_name()
        );
    }

    println!();
    println!("How is Example Person C connected to the General Office?");
    let path = g.path(person_c, office).ok_or("not connected")?;
    for step in path.steps() {
        println!("  {step}");
    }
    Ok(())
}

/// Bad insertions are refused with a [`GraphError`] and leave the graph as
/// it was.
fn refuse(g: &mut GovGraph, added: &Added) -> Result<(), Box<dyn Error>> {
    let Added {
        council,
        office,
        ministry,
        archive,
        city,
        ..
    } = *added;

    println!();
    println!("Refused insertions:");
    let before = (g.node_count(), g.link_count());
    let duplicate = g.insert_org(Organization::new(
        Slug::new("example-ministry-of-records")?,
        OrgKind::Agency,
        "A second body with the same slug",
    ));
    report("duplicate slug", duplicate)?;
    // The archive is below the State Council, so putting the State Council
    // below the archive would close a cycle.
    report(
        "cycle",
        g.link(council, Relation::SubOrganizationOf, archive),
    )?;
    report(
        "second parent",
        g.link(ministry, Relation::SubOrganizationOf, office),
    )?;
    report("wrong kinds", g.link(ministry, Relation::ContainedIn, city))?;
    if (g.node_count(), g.link_count()) != before {
        return Err("a refused insertion changed the graph".into());
    }
    // Values are checked before they reach the graph, too.
    if let Err(e) = "2023-02-30".parse::<PartialDate>() {
        println!("  bad date: {e}");
    }
    if let Err(e) = Slug::new("Example Ministry") {
        println!("  bad slug: {e}");
    }
    Ok(())
}

/// Prints the error a refused insertion gave; an insertion that was
/// accepted is itself an error here.
fn report<T>(what: &str, result: Result<T, GraphError>) -> Result<(), Box<dyn Error>> {
    match result {
        Err(e) => {
            println!("  {what}: {e}");
            Ok(())
        }
        Ok(_) => Err(format!("the {what} insertion was accepted").into()),
    }
}
