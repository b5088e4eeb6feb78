//! A readable summary of the built-in General Office dataset, with the
//! timeline of each post (its holders in order, with their dates and the
//! vacancies between them, and the post it replaced), then an org chart of
//! every hierarchy in it.
//!
//! ```text
//! cargo run --example general_office
//! ```

use std::collections::HashSet;
use std::error::Error;
use std::io::{self, Write};

use govgraph::traverse::Term;
use govgraph::{Bound, GovGraph, Labels, NodeRef, OrgRef, PlaceRef, PostRef, TenureRef};

fn main() -> Result<(), Box<dyn Error>> {
    let g = govgraph::datasets::general_office();
    let office = g
        .org_by_slug("general-office-of-the-state-council")
        .ok_or("the dataset has no General Office")?;

    // Writing through a locked handle with `?` (rather than `println!`)
    // ends quietly with an error when the reader goes away, as `| head` does.
    let mut out = io::stdout().lock();
    summary(&mut out, office)?;
    writeln!(out)?;
    org_chart(&mut out, &g)?;
    out.flush()?;
    Ok(())
}

/// Everything the dataset says about one body, section by section.
fn summary(out: &mut impl Write, org: OrgRef<'_>) -> io::Result<()> {
    let title = org.labels.display().unwrap_or(org.slug().as_str());
    writeln!(out, "{title}")?;
    writeln!(out, "{}", "=".repeat(title.chars().count()))?;
    if let Some(text) = &org.details().description {
        writeln!(out, "{text}")?;
    }

    writeln!(out)?;
    writeln!(out, "Names")?;
    names(out, &org.labels)?;

    writeln!(out)?;
    writeln!(out, "Kind:         {}", words(org.kind.name()))?;
    for category in org.categories() {
        writeln!(
            out,
            "Classified:   {} ({})",
            category.labels.display().unwrap_or_default(),
            words(category.kind.name())
        )?;
    }
    if let Some(date) = org.founded {
        writeln!(out, "Founded:      {date}")?;
    }
    if let Some(date) = org.details().dissolved {
        writeln!(out, "Dissolved:    {date}")?;
    }
    if let Some(parent) = org.parent() {
        writeln!(out, "Parent:       {}", parent.as_node().display_name())?;
    }
    for j in org.jurisdictions() {
        let governed_by: Vec<&str> = j
            .governing_bodies()
            .map(|o| o.as_node().display_name())
            .collect();
        write!(
            out,
            "Jurisdiction: {}",
            j.labels.display().unwrap_or_default()
        )?;
        if governed_by.is_empty() {
            writeln!(out)?;
        } else {
            writeln!(out, " (governed by {})", governed_by.join(", "))?;
        }
    }
    if let Some(logo) = &org.details().logo {
        writeln!(out, "Logo:         {} <{}>", logo.file, logo.commons_url())?;
    }

    headquarters(out, org)?;
    people(out, org)?;
    duties_and_links(out, org)
}

/// The headquarters and the places it lies in.
fn headquarters(out: &mut impl Write, org: OrgRef<'_>) -> io::Result<()> {
    if let Some(hq) = org.headquarters() {
        writeln!(out)?;
        writeln!(out, "Headquarters")?;
        writeln!(out, "  {}", hq.label)?;
        if let Some(street) = &hq.address.street {
            writeln!(out, "  street:   {street}")?;
        }
        if let Some(locality) = &hq.address.locality {
            writeln!(out, "  locality: {locality}")?;
        }
        let within: Vec<String> = places_around(hq.places())
            .into_iter()
            .map(|p| {
                let name = p.labels.display().unwrap_or_default();
                format!("{name} ({})", p.kind)
            })
            .collect();
        if !within.is_empty() {
            writeln!(out, "  lies in:  {}", within.join(", "))?;
        }
    }
    Ok(())
}

/// Posts with their holders and ranks, then the current heads.
fn people(out: &mut impl Write, org: OrgRef<'_>) -> io::Result<()> {
    writeln!(out)?;
    writeln!(out, "Posts")?;
    for post in org.posts() {
        write!(out, "  {}", post_title(post))?;
        if post.heads {
            write!(out, " [head]")?;
        }
        if let Some(rank) = post.rank() {
            write!(
                out,
                " [rank: {}]",
                rank.labels.display().unwrap_or_default()
            )?;
        }
        writeln!(out)?;
        timeline(out, post, "    ")?;
        // The post it took over from, and that post's holders.
        for older in post.replaces() {
            writeln!(out, "    replaces {}", post_title(older))?;
            timeline(out, older, "      ")?;
        }
    }

    let heads: Vec<&str> = org.heads().map(|p| p.as_node().display_name()).collect();
    writeln!(out)?;
    writeln!(out, "Heads: {}", list_or_none(&heads))?;

    writeln!(out)?;
    writeln!(out, "Functions")?;
    for function in org.functions() {
        writeln!(
            out,
            "  {:>2}. {}",
            function.position,
            function.labels.display().unwrap_or_default()
        )?;
    }

    Ok(())
}

/// Functions, websites, affiliated institutions, related nodes, sources.
fn duties_and_links(out: &mut impl Write, org: OrgRef<'_>) -> io::Result<()> {
    writeln!(out)?;
    writeln!(out, "Websites")?;
    let published: Vec<_> = org.published_websites().collect();
    let official: Vec<_> = org
        .official_websites()
        .filter(|w| !published.contains(w))
        .collect();
    for site in published.into_iter().chain(official) {
        writeln!(
            out,
            "  {} <{}>",
            site.labels.display().unwrap_or_default(),
            site.url()
        )?;
        let names = |orgs: govgraph::traverse::Linked<'_, OrgRef<'_>>| -> Vec<String> {
            orgs.map(|o| o.as_node().display_name().to_owned())
                .collect()
        };
        for (role, bodies) in [
            ("run by", names(site.publishers())),
            ("maintained by", names(site.maintainers())),
            ("official website of", names(site.official_site_of())),
        ] {
            if !bodies.is_empty() {
                writeln!(out, "    {role} {}", bodies.join(", "))?;
            }
        }
    }

    writeln!(out)?;
    writeln!(out, "Affiliated institutions")?;
    for inst in org.affiliated_institutions() {
        let types: Vec<&str> = inst
            .categories()
            .filter_map(|c| c.data().labels.display())
            .collect();
        write!(out, "  {}", inst.as_node().display_name())?;
        if types.is_empty() {
            writeln!(out)?;
        } else {
            writeln!(out, " ({})", types.join(", "))?;
        }
    }

    writeln!(out)?;
    writeln!(out, "See also")?;
    for node in org.related() {
        writeln!(out, "  {} [{}]", node.display_name(), kind_of(node))?;
    }

    writeln!(out)?;
    writeln!(out, "Source")?;
    for source in &org.sources {
        writeln!(out, "  {source}")?;
    }
    Ok(())
}

/// Preferred labels one per language, then the alternates.
fn names(out: &mut impl Write, labels: &Labels) -> io::Result<()> {
    for (lang, text) in labels.preferred_all() {
        writeln!(out, "  {:<8} {text}", lang.as_str())?;
    }
    for alt in labels.alternates() {
        writeln!(out, "  {:<8} {} (also)", alt.lang.as_str(), alt.text)?;
    }
    Ok(())
}

/// The places a site lies in, directly and through the places those lie in,
/// nearest first, each once (breadth-first, iterative).
fn places_around<'g>(direct: impl Iterator<Item = PlaceRef<'g>>) -> Vec<PlaceRef<'g>> {
    let mut found: Vec<PlaceRef<'g>> = Vec::new();
    let mut seen = HashSet::new();
    let mut next = 0;
    for p in direct {
        if seen.insert(p.id()) {
            found.push(p);
        }
    }
    while let Some(&place) = found.get(next) {
        next += 1;
        for outer in place.contained_in() {
            if seen.insert(outer.id()) {
                found.push(outer);
            }
        }
    }
    found
}

/// The post's holders in time order, with the vacancies between them.
fn timeline(out: &mut impl Write, post: PostRef<'_>, indent: &str) -> io::Result<()> {
    for term in post.succession() {
        match term {
            Term::Held(tenure) => writeln!(out, "{indent}held by {}", tenure_text(tenure))?,
            Term::Vacant(gap) => {
                let show = |b: Option<Bound>| b.map_or_else(|| "?".to_owned(), |b| b.to_string());
                writeln!(
                    out,
                    "{indent}vacant ({} to {})",
                    show(gap.start),
                    show(gap.end)
                )?;
            }
        }
    }
    Ok(())
}

fn post_title(post: PostRef<'_>) -> &str {
    post.data().labels.display().unwrap_or(post.slug().as_str())
}

/// `Name` or `Name (from 2018-03 to 2023-03)`.
fn tenure_text(tenure: TenureRef<'_>) -> String {
    let who = tenure
        .person()
        .map_or("(unknown)", |p| p.as_node().display_name());
    match (tenure.start, tenure.end) {
        (None, None) => who.to_owned(),
        (Some(s), None) => format!("{who} (since {s})"),
        (None, Some(e)) => format!("{who} (until {e})"),
        (Some(s), Some(e)) => format!("{who} ({s} to {e})"),
    }
}

/// `governing_body` as `governing body`.
fn words(snake: &str) -> String {
    snake.replace('_', " ")
}

fn list_or_none(items: &[&str]) -> String {
    if items.is_empty() {
        "none recorded".to_owned()
    } else {
        items.join(", ")
    }
}

/// A short word for a node's kind: the organization kind for bodies.
fn kind_of(node: NodeRef<'_>) -> String {
    match node {
        NodeRef::Organization(o) => words(o.kind.name()),
        NodeRef::Category(c) => format!("{} category", words(c.kind.name())),
        other => other.kind().to_string(),
    }
}

/// One line of the chart: a body or one of its posts.
#[derive(Clone, Copy)]
enum Entry<'g> {
    Org(OrgRef<'g>),
    Post(PostRef<'g>),
}

/// Every hierarchy in the graph as a text tree, one per root body; under
/// each body its posts (with holders), then its sub-organizations.
///
/// Iterative: an explicit stack of pending lines, and one flag per level
/// saying whether that level has more siblings to come (which decides
/// between `│   ` and blank indentation). Memory is O(depth + pending
/// siblings), so a hierarchy of any depth prints without recursion.
fn org_chart(out: &mut impl Write, g: &GovGraph) -> io::Result<()> {
    writeln!(out, "Org chart")?;
    writeln!(out, "=========")?;
    for root in g.root_orgs() {
        writeln!(out)?;
        // (entry, depth below the root, last among its siblings)
        let mut stack: Vec<(Entry<'_>, usize, bool)> = vec![(Entry::Org(root), 0, true)];
        // more_below[d - 1]: level d still has siblings to print.
        let mut more_below: Vec<bool> = Vec::new();
        while let Some((entry, depth, last)) = stack.pop() {
            if depth > 0 {
                more_below.truncate(depth - 1);
                for &more in &more_below {
                    out.write_all(if more { "│   " } else { "    " }.as_bytes())?;
                }
                out.write_all(if last { "└── " } else { "├── " }.as_bytes())?;
                more_below.push(!last);
            }
            match entry {
                Entry::Post(post) => {
                    let holders: Vec<String> = post.tenures().map(tenure_text).collect();
                    let holders: Vec<&str> = holders.iter().map(String::as_str).collect();
                    let mut notes: Vec<&str> = Vec::new();
                    if post.heads {
                        notes.push("head");
                    }
                    if let Some(rank) = post.rank().and_then(|r| r.data().labels.display()) {
                        notes.push(rank);
                    }
                    let notes = if notes.is_empty() {
                        String::new()
                    } else {
                        format!(" ({})", notes.join(", "))
                    };
                    writeln!(
                        out,
                        "{}{notes}: {}",
                        post_title(post),
                        list_or_none(&holders)
                    )?;
                }
                Entry::Org(org) => {
                    let name = org.as_node().display_name();
                    writeln!(out, "{name} [{}]", words(org.kind.name()))?;
                    let children: Vec<Entry<'_>> = org
                        .posts()
                        .map(Entry::Post)
                        .chain(org.sub_organizations().map(Entry::Org))
                        .collect();
                    // Pushed in reverse so the first child is popped first.
                    let n = children.len();
                    for (i, child) in children.into_iter().enumerate().rev() {
                        stack.push((child, depth + 1, i + 1 == n));
                    }
                }
            }
        }
    }
    Ok(())
}
