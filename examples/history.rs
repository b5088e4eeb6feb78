//! "Who was Secretary-General on this day?", answered from the built-in
//! dataset's history for a few days, then the dataset's lint findings
//! (there are none).
//!
//! ```text
//! cargo run --example history
//! ```

use std::error::Error;

use govgraph::{On, PartialDate, PostRef};

fn main() -> Result<(), Box<dyn Error>> {
    let g = govgraph::datasets::general_office();
    let posts = [
        "secretary-general-of-the-state-council",
        "secretary-general-of-the-government-administration-council",
    ]
    .map(|slug| g.post_by_slug(slug).ok_or(slug));

    let days = ["1950-06-01", "1977-06-01", "1980-03-01"];
    for day in days {
        let day: PartialDate = day.parse()?;
        // The certain answer: a tenure from `1980-02` surely covers
        // 1 March 1980. `On::possibly(day)` would also give the holders
        // whose month-precise dates only may cover the day.
        let mut holders = Vec::new();
        for post in &posts {
            let post = (*post)?;
            holders.extend(
                post.holders_on(On::date(day))
                    .map(|p| held(p.display_name(), post)),
            );
        }
        println!("Secretary-General on {day}: {}", answer(&holders));
    }
    // Today: the graph as it is now, whose tenures in force have no end.
    let mut holders = Vec::new();
    for post in &posts {
        let post = (*post)?;
        for tenure in post.tenures().filter(|t| t.is_current()) {
            if let Some(p) = tenure.person() {
                holders.push(held(p.display_name(), post));
            }
        }
    }
    println!("Secretary-General today: {}", answer(&holders));

    let findings: Vec<String> = g.lint().map(|f| f.to_string()).collect();
    println!("\nLint findings: {}", findings.len());
    for f in findings {
        println!("  {f}");
    }
    Ok(())
}

/// `Name (post)`.
fn held(name: &str, post: PostRef<'_>) -> String {
    format!("{name} ({})", post.display_name())
}

/// The holders, or that there were none.
fn answer(holders: &[String]) -> String {
    if holders.is_empty() {
        "nobody: the post was vacant".to_owned()
    } else {
        holders.join(", ")
    }
}
