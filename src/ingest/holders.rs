//! Lists of officeholders: the holders of a post, with their dates.

use super::article::Section;
use super::ingester::{Ctx, Ingester};
use super::report::IgnoreReason;

/// True when a heading names a list of the holders of a post.
pub(super) fn is_holders_heading(_heading: &str) -> bool {
    false
}

impl Ingester {
    pub(super) fn read_holders(&mut self, ctx: &Ctx, section: &Section, _subject: usize) {
        self.ignore(
            ctx,
            section.line,
            &section.heading,
            IgnoreReason::SectionNotRead,
        );
    }
}
