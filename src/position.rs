//! [`TextPosition`]: where in a text document something was found.

use std::fmt;

/// A place in a text document: a line and a column, both counted from 1,
/// the column in characters (Unicode scalar values).
///
/// Every reader of text in the crate (the RDF importer, the article
/// ingester) reports positions with this one type, so a caller can point at
/// the place the same way whatever the format.
///
/// ```
/// use govgraph::TextPosition;
/// let at = TextPosition::new(3, 14);
/// assert_eq!((at.line(), at.column()), (3, 14));
/// assert_eq!(at.to_string(), "line 3, column 14");
/// assert_eq!(TextPosition::line_start(7).to_string(), "line 7, column 1");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TextPosition {
    line: u64,
    column: u64,
}

impl TextPosition {
    /// The position at `line` and `column`, both from 1 (a 0 is taken as 1).
    pub const fn new(line: u64, column: u64) -> Self {
        Self {
            line: if line == 0 { 1 } else { line },
            column: if column == 0 { 1 } else { column },
        }
    }

    /// The first column of `line` (from 1): for readers that work a line at
    /// a time.
    pub const fn line_start(line: u64) -> Self {
        Self::new(line, 1)
    }

    /// The line, from 1.
    pub const fn line(self) -> u64 {
        self.line
    }

    /// The column, from 1, in characters.
    pub const fn column(self) -> u64 {
        self.column
    }
}

impl fmt::Display for TextPosition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}, column {}", self.line, self.column)
    }
}

#[cfg(test)]
mod tests {
    use super::TextPosition;

    #[test]
    fn zero_is_read_as_one_and_order_is_line_then_column() {
        assert_eq!(TextPosition::new(0, 0), TextPosition::new(1, 1));
        assert!(TextPosition::new(1, 9) < TextPosition::new(2, 1));
        assert!(TextPosition::new(2, 1) < TextPosition::new(2, 2));
    }
}
