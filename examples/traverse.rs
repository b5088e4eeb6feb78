//! Questions about the General Office dataset, answered with the traversal
//! API: heads, ancestors, relationship paths, category members, functions
//! and a label lookup.
//!
//! ```text
//! cargo run --example traverse
//! ```

use std::error::Error;

use govgraph::NodeRef;

fn main() -> Result<(), Box<dyn Error>> {
    let g = govgraph::datasets::general_office();
    let office = g
        .org_by_slug("general-office-of-the-state-council")
        .ok_or("no General Office in the dataset")?;

    question("Who heads the General Office?");
    // `heads` gives the current holders of the head posts; walk the posts
    // too, to say which post makes each one a head.
    for post in office.head_posts() {
        for tenure in post.tenures().filter(|t| t.is_current()) {
            if let Some(person) = tenure.person() {
                println!(
                    "  {}, as {}",
                    person.as_node().display_name(),
                    post.as_node().display_name()
                );
            }
        }
    }
    let heads: Vec<&str> = office.heads().map(|p| p.as_node().display_name()).collect();
    println!("  (OrgRef::heads: {heads:?})");

    question("What is the chain of command from the China Government Network Operation Center up?");
    let center = g
        .org_by_slug("china-government-network-operation-center")
        .ok_or("no China Government Network Operation Center in the dataset")?;
    let chain: Vec<&str> = std::iter::once(center)
        .chain(center.ancestors())
        .map(|o| o.as_node().display_name())
        .collect();
    println!("  {}", chain.join("\n  → "));

    question("How is Wang Zhijun connected to gov.cn?");
    let wang = g
        .person_by_slug("wang-zhijun")
        .ok_or("no Wang Zhijun in the dataset")?;
    let gov_cn = g
        .website_by_slug("gov-cn")
        .ok_or("no gov.cn in the dataset")?;
    let path = g.path(wang, gov_cn).ok_or("not connected")?;
    println!("  a shortest path of {} links:", path.len());
    for step in path.steps() {
        // `Step` prints `kind/slug -relation-> kind/slug`, or `<-relation-`
        // for a link walked against its direction.
        println!("  {step}");
    }
    // The path itself prints as a sentence of names.
    println!("  in words: {path}");

    question("Which bodies are General Offices?");
    let group = g
        .category_by_slug("general-offices")
        .ok_or("no General Offices category in the dataset")?;
    for member in group.members() {
        match member {
            NodeRef::Organization(org) => {
                println!("  {} [{}]", member.display_name(), org.kind.name());
            }
            other => println!("  {} [{}]", other.display_name(), other.kind()),
        }
    }

    question("What are the General Office's functions?");
    for function in office.functions() {
        println!(
            "  {:>2}. {}",
            function.position,
            function.as_node().display_name()
        );
    }

    question("Which node is called 中华人民共和国国务院办公厅?");
    let mut hits = 0;
    for node in g.find_by_label("中华人民共和国国务院办公厅") {
        hits += 1;
        println!("  {node}: {}", node.display_name());
    }
    if hits == 0 {
        println!("  none");
    }
    Ok(())
}

fn question(q: &str) {
    println!();
    println!("Q: {q}");
    println!("A:");
}
