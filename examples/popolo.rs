//! Popolo JSON in and out: read office-holders from a Popolo document, ask
//! who held a post on a date, and write the graph back as Popolo.
//!
//! `cargo run --example popolo`

use std::error::Error;

use govgraph::PartialDate;

/// A small Popolo document, written from public articles about the
/// presidents of the United States.
const PEOPLE: &str = r#"{
  "persons": [
    {"id": "barack-obama", "name": "Barack Obama", "birth_date": "1961-08-04"},
    {"id": "donald-trump", "name": "Donald Trump", "birth_date": "1946-06-14"},
    {"id": "joe-biden", "name": "Joe Biden", "birth_date": "1942-11-20", "gender": "male"}
  ],
  "organizations": [
    {"id": "us-federal-government", "name": "Federal Government of the United States",
     "classification": "governing_body", "founding_date": "1789-03-04"}
  ],
  "posts": [
    {"id": "president-of-the-united-states", "label": "President of the United States",
     "role": "President", "organization_id": "us-federal-government"}
  ],
  "memberships": [
    {"id": "obama-1", "person_id": "barack-obama", "post_id": "president-of-the-united-states",
     "start_date": "2009-01-20", "end_date": "2017-01-20"},
    {"id": "trump-1", "person_id": "donald-trump", "post_id": "president-of-the-united-states",
     "start_date": "2017-01-20", "end_date": "2021-01-20"},
    {"id": "biden-1", "person_id": "joe-biden", "post_id": "president-of-the-united-states",
     "start_date": "2021-01-20", "end_date": "2025-01-20"}
  ]
}"#;

fn main() -> Result<(), Box<dyn Error>> {
    // Import: every Popolo field the model has no place for (here
    // `gender` and the post's `role`) is kept for the way back.
    let g = govgraph::popolo::from_str(PEOPLE)?;
    println!("read {} nodes and {} links", g.node_count(), g.link_count());

    // A query: who held the post on a date.
    let post = g
        .post_by_slug("president-of-the-united-states")
        .ok_or("no post")?;
    for date in ["2010-06-01", "2021-01-20", "2024"] {
        let on: PartialDate = date.parse()?;
        let holders: Vec<&str> = post
            .holders_on(on)
            .map(govgraph::PersonRef::display_name)
            .collect();
        println!("{} on {date}: {}", post.display_name(), holders.join(", "));
    }

    // Export: Popolo JSON again, the kept fields written back.
    let mut out = Vec::new();
    govgraph::popolo::write(&g, &mut out)?;
    let text = String::from_utf8(out)?;
    assert_eq!(govgraph::popolo::from_str(&text)?, g);
    println!("{text}");
    Ok(())
}
