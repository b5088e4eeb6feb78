//! The syntax layer: article text to an [`Article`], every element with
//! the line it starts on (from 1).
//!
//! The format, by example:
//!
//! ```text
//! = General Office of the State Council =
//!
//! Infobox
//! - Agency Name: General Office of the State Council
//! - Formed: 1949-09-27
//!
//! The first paragraph describes the body.
//!
//! == Functions ==
//! 1. Prepares meetings
//!
//! == See also ==
//! - General Offices
//!   - General Office of the Central Military Commission
//! ```
//!
//! Reading is tolerant: a byte-order mark, CRLF line ends, tabs, trailing
//! spaces and blank lines anywhere are accepted; a repeated or unknown key
//! and a key with an empty value are kept for the meaning layer to judge.
//! Structure that cannot be read is reported as a [`Warning`] with its
//! line, or, when there is no article at all, as an [`IngestError`].

use super::IngestError;
pub use super::warning::{Warning, WarningKind};

/// One `- Key: Value` line of the infobox.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Field {
    /// The key as written, trimmed (`Agency Name`).
    pub key: String,
    /// The value as written, trimmed; may be empty.
    pub value: String,
    /// The line it is on.
    pub line: usize,
}

impl Field {
    /// The key as the template's parameter name: lowercase, words joined
    /// by `_`, no `_` before a number (`Chief 1 Name` and `Chief1 Name`
    /// both give `chief1_name`).
    ///
    /// ```
    /// use govgraph::ingest::Article;
    /// let (a, _) = Article::parse("a.txt", "= A =\nInfobox\n- Chief 1 Name: Wu\n")?;
    /// assert_eq!(a.infobox[0].parameter(), "chief1_name");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn parameter(&self) -> String {
        let mut out = String::with_capacity(self.key.len());
        for ch in self.key.chars() {
            if ch.is_alphanumeric() {
                let after_letter_gap = out.ends_with('_')
                    && ch.is_ascii_digit()
                    && out.chars().rev().nth(1).is_some_and(char::is_alphabetic);
                if after_letter_gap {
                    out.pop();
                }
                out.extend(ch.to_lowercase());
            } else if !out.is_empty() && !out.ends_with('_') {
                out.push('_');
            }
        }
        while out.ends_with('_') {
            out.pop();
        }
        out
    }
}

/// How a list item is marked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ListMarker {
    /// `- item`
    Bullet,
    /// `1. item`, with its number as written.
    Number(u32),
}

/// One item of a list, with the items nested under it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ListItem {
    /// How it is marked.
    pub marker: ListMarker,
    /// Its text, trimmed.
    pub text: String,
    /// The line it is on.
    pub line: usize,
    /// The items nested under it (indented two more spaces or one more tab).
    pub children: Vec<ListItem>,
}

/// A paragraph: consecutive lines of prose, joined by single spaces.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Paragraph {
    /// The text.
    pub text: String,
    /// The line it starts on.
    pub line: usize,
    /// Each line's number and where its text starts in `text`.
    starts: Vec<(usize, usize)>,
}

impl Paragraph {
    /// The paragraph's lines, each with its number, as written (trimmed).
    ///
    /// ```
    /// use govgraph::ingest::{Article, Block};
    /// let (a, _) = Article::parse("a.txt", "= A =\n\n1 Li Weihan 1949\n2 Xi Zhongxun 1953\n")?;
    /// let Some(Block::Paragraph(p)) = a.lead.first() else { panic!() };
    /// let lines: Vec<(usize, &str)> = p.lines().collect();
    /// assert_eq!(lines, [(3, "1 Li Weihan 1949"), (4, "2 Xi Zhongxun 1953")]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn lines(&self) -> impl Iterator<Item = (usize, &str)> + '_ {
        self.starts.iter().enumerate().map(|(i, &(line, start))| {
            let end = self
                .starts
                .get(i + 1)
                .map_or(self.text.len(), |&(_, next)| next.saturating_sub(1));
            (line, self.text.get(start..end).unwrap_or_default())
        })
    }
}

/// One row of a table: the cells between `|` marks, trimmed.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct TableRow {
    /// The cells, in order; an empty cell is an empty string.
    pub cells: Vec<String>,
    /// The line it is on.
    pub line: usize,
}

/// A table: consecutive lines that start with `|`. A line of only `|`,
/// `-`, `:` and spaces (`|---|---|`) separates the header from the body
/// and is no row.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Table {
    /// The rows, in order, the header (if any) first.
    pub rows: Vec<TableRow>,
    /// The lines of separator rows.
    pub separators: Vec<usize>,
}

/// A piece of a section's body.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Block {
    /// Prose.
    Paragraph(Paragraph),
    /// A list: consecutive list items at the outermost level.
    List(Vec<ListItem>),
    /// A table: consecutive lines starting with `|`.
    Table(Table),
}

impl Block {
    /// The line the block starts on.
    pub fn line(&self) -> usize {
        match self {
            Block::Paragraph(p) => p.line,
            Block::List(items) => items.first().map_or(0, |i| i.line),
            Block::Table(t) => t
                .rows
                .first()
                .map(|r| r.line)
                .into_iter()
                .chain(t.separators.first().copied())
                .min()
                .unwrap_or(0),
        }
    }
}

/// A section under a `== Heading ==` (level 2), with its subsections
/// (`=== Heading ===`, level 3, and deeper).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Section {
    /// The heading text, trimmed.
    pub heading: String,
    /// The number of `=` that open the heading: 2 for a section, 3 for a
    /// subsection, ….
    pub level: usize,
    /// The line of the heading.
    pub line: usize,
    /// The paragraphs and lists before the first subsection, in order.
    pub blocks: Vec<Block>,
    /// The subsections, in order.
    pub subsections: Vec<Section>,
}

impl Section {
    /// Every list item of the section's own blocks (not its subsections'),
    /// outermost items only, in order.
    pub fn list_items(&self) -> impl Iterator<Item = &ListItem> + '_ {
        self.blocks.iter().flat_map(|b| match b {
            Block::List(items) => items.as_slice(),
            Block::Paragraph(_) | Block::Table(_) => &[],
        })
    }
}

/// A parsed article: its title, infobox and sections.
///
/// ```
/// use govgraph::ingest::{Article, Block};
/// let text = "= Office =\n\nInfobox\n- Formed: 1949\n\nIt is an office.\n\n== Functions ==\n1. Works\n";
/// let (article, warnings) = Article::parse("office.txt", text)?;
/// assert_eq!(article.title, "Office");
/// assert_eq!(article.infobox[0].key, "Formed");
/// assert_eq!(article.infobox[0].line, 4);
/// assert!(matches!(&article.lead[0], Block::Paragraph(p) if p.line == 6));
/// assert_eq!(article.sections[0].list_items().next().map(|i| i.line), Some(9));
/// assert!(warnings.is_empty());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Article {
    /// The title, from the first non-empty line `= Title =`.
    pub title: String,
    /// The line of the title.
    pub title_line: usize,
    /// The line `Infobox`, if there is one.
    pub infobox_line: Option<usize>,
    /// The template named on the infobox line (`Infobox official post`
    /// gives `official post`), if one is.
    pub template: Option<String>,
    /// The infobox fields in the order written, repeats included.
    pub infobox: Vec<Field>,
    /// The paragraphs and lists before the first section.
    pub lead: Vec<Block>,
    /// The level-2 sections, in order.
    pub sections: Vec<Section>,
}

/// A line with its leading indentation measured (a tab counts as two
/// spaces) and the rest trimmed.
struct Line<'a> {
    number: usize,
    indent: usize,
    text: &'a str,
}

fn split_line(number: usize, raw: &str) -> Line<'_> {
    let raw = raw.strip_suffix('\r').unwrap_or(raw);
    let mut indent = 0;
    let mut start = raw.len();
    for (i, ch) in raw.char_indices() {
        match ch {
            ' ' => indent += 1,
            '\t' => indent += 2,
            c if c.is_whitespace() => {}
            _ => {
                start = i;
                break;
            }
        }
    }
    Line {
        number,
        indent,
        text: raw[start..].trim_end(),
    }
}

/// `= Title =` → (level, text, balanced).
fn heading(text: &str) -> Option<(usize, &str, bool)> {
    if !text.starts_with('=') {
        return None;
    }
    let open = text.bytes().take_while(|&b| b == b'=').count();
    let rest = &text[open..];
    let close = rest.bytes().rev().take_while(|&b| b == b'=').count();
    let inner = rest[..rest.len() - close].trim();
    Some((open, inner, open == close))
}

/// `- text` or `1. text` → (marker, text).
fn list_item(text: &str) -> Option<(ListMarker, &str)> {
    if let Some(rest) = text.strip_prefix('-') {
        if rest.is_empty() || rest.starts_with(char::is_whitespace) {
            return Some((ListMarker::Bullet, rest.trim()));
        }
        return None;
    }
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 9 {
        return None;
    }
    let rest = text[digits..].strip_prefix('.')?;
    if !(rest.is_empty() || rest.starts_with(char::is_whitespace)) {
        return None;
    }
    let n = text[..digits].parse().ok()?;
    Some((ListMarker::Number(n), rest.trim()))
}

/// Builds nested lists from items with their depths.
#[derive(Default)]
struct ListBuilder {
    /// The open path: the items at each depth whose children are being
    /// filled.
    stack: Vec<ListItem>,
    done: Vec<ListItem>,
    /// The indentation of each open level.
    indents: Vec<usize>,
}

impl ListBuilder {
    fn push(&mut self, indent: usize, item: ListItem, warnings: &mut Vec<Warning>) {
        // Close the levels indented at least as deep as this item.
        while let Some(&top) = self.indents.last() {
            if top >= indent {
                self.close_one();
            } else {
                break;
            }
        }
        if let Some(&parent) = self.indents.last() {
            let levels = (indent - parent).div_ceil(2);
            if levels > 1 {
                warnings.push(Warning {
                    line: item.line,
                    kind: WarningKind::ListTooDeep { levels },
                });
            }
        }
        self.indents.push(indent);
        self.stack.push(item);
    }

    fn close_one(&mut self) {
        self.indents.pop();
        if let Some(item) = self.stack.pop() {
            match self.stack.last_mut() {
                Some(parent) => parent.children.push(item),
                None => self.done.push(item),
            }
        }
    }

    fn is_empty(&self) -> bool {
        self.stack.is_empty() && self.done.is_empty()
    }

    fn finish(&mut self) -> Option<Vec<ListItem>> {
        while !self.stack.is_empty() {
            self.close_one();
        }
        if self.done.is_empty() {
            None
        } else {
            Some(std::mem::take(&mut self.done))
        }
    }
}

/// Collects the body: blocks into the current (sub)section.
struct BodyBuilder {
    lead: Vec<Block>,
    /// Open sections, outermost first.
    open: Vec<Section>,
    sections: Vec<Section>,
    para: Option<Paragraph>,
    list: ListBuilder,
    table: Option<Table>,
}

impl BodyBuilder {
    fn blocks(&mut self) -> &mut Vec<Block> {
        match self.open.last_mut() {
            Some(s) => &mut s.blocks,
            None => &mut self.lead,
        }
    }

    fn flush(&mut self) {
        if let Some(p) = self.para.take() {
            self.blocks().push(Block::Paragraph(p));
        }
        if let Some(t) = self.table.take() {
            self.blocks().push(Block::Table(t));
        }
        if let Some(items) = self.list.finish() {
            self.blocks().push(Block::List(items));
        }
    }

    fn close_section(&mut self) {
        if let Some(s) = self.open.pop() {
            match self.open.last_mut() {
                Some(parent) => parent.subsections.push(s),
                None => self.sections.push(s),
            }
        }
    }

    fn open_section(&mut self, level: usize, heading: String, line: usize) {
        self.flush();
        while self.open.last().is_some_and(|s| s.level >= level) {
            self.close_section();
        }
        self.open.push(Section {
            heading,
            level,
            line,
            blocks: Vec::new(),
            subsections: Vec::new(),
        });
    }

    fn prose(&mut self, line: usize, text: &str) {
        if !self.list.is_empty() || self.table.is_some() {
            self.flush();
        }
        match &mut self.para {
            Some(p) => {
                p.text.push(' ');
                p.starts.push((line, p.text.len()));
                p.text.push_str(text);
            }
            None => {
                self.para = Some(Paragraph {
                    text: text.to_owned(),
                    line,
                    starts: vec![(line, 0)],
                });
            }
        }
    }

    /// A line starting with `|` (`rest` follows it): a row of the current
    /// table, or a new one.
    fn table_line(&mut self, line: usize, rest: &str) {
        if self.para.is_some() || !self.list.is_empty() {
            self.flush();
        }
        let table = self.table.get_or_insert_with(|| Table {
            rows: Vec::new(),
            separators: Vec::new(),
        });
        if rest
            .chars()
            .all(|c| matches!(c, '|' | '-' | ':' | ' ' | '\t'))
            && rest.contains('-')
        {
            table.separators.push(line);
            return;
        }
        let inner = rest.strip_suffix('|').unwrap_or(rest);
        table.rows.push(TableRow {
            cells: inner.split('|').map(|c| c.trim().to_owned()).collect(),
            line,
        });
    }
}

/// Where the reader is in the article.
#[derive(PartialEq, Eq)]
enum Phase {
    /// After the title, before anything else.
    Head,
    /// Inside the infobox.
    Infobox,
    /// In the prose.
    Body,
}

impl Article {
    /// Reads an article. `name` names it in errors (a file name, say).
    ///
    /// Cost: linear in the length of `text`.
    ///
    /// ```
    /// use govgraph::ingest::Article;
    /// let err = Article::parse("notes.txt", "\n\nno title here\n").unwrap_err();
    /// assert_eq!(err.to_string(),
    ///            "notes.txt:3: the first non-empty line is not a title `= Title =`");
    /// ```
    ///
    /// # Errors
    /// [`IngestError::Empty`] when the text has no non-blank line;
    /// [`IngestError::NoTitle`] when the first non-blank line is not a
    /// `= Title =` heading or the title is empty.
    #[expect(
        clippy::too_many_lines,
        reason = "one pass over the lines, one branch per kind of line"
    )]
    pub fn parse(name: &str, text: &str) -> Result<(Article, Vec<Warning>), IngestError> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut warnings = Vec::new();
        let mut lines = text
            .split('\n')
            .enumerate()
            .map(|(i, l)| split_line(i + 1, l));

        let first =
            lines
                .by_ref()
                .find(|l| !l.text.is_empty())
                .ok_or_else(|| IngestError::Empty {
                    name: name.to_owned(),
                })?;
        let title = match heading(first.text) {
            Some((1, t, balanced)) if !t.is_empty() => {
                if !balanced {
                    warnings.push(Warning {
                        line: first.number,
                        kind: WarningKind::UnbalancedHeading,
                    });
                }
                t.to_owned()
            }
            _ => {
                return Err(IngestError::NoTitle {
                    name: name.to_owned(),
                    line: first.number,
                });
            }
        };

        let mut article = Article {
            title,
            title_line: first.number,
            infobox_line: None,
            template: None,
            infobox: Vec::new(),
            lead: Vec::new(),
            sections: Vec::new(),
        };
        let mut body = BodyBuilder {
            lead: Vec::new(),
            open: Vec::new(),
            sections: Vec::new(),
            para: None,
            list: ListBuilder::default(),
            table: None,
        };
        let mut phase = Phase::Head;

        for line in lines {
            if phase == Phase::Infobox {
                if line.text.is_empty() {
                    continue;
                }
                if let Some(rest) = line.text.strip_prefix('-') {
                    read_field(rest, line.number, &mut article.infobox, &mut warnings);
                    continue;
                }
                phase = Phase::Body;
            }
            if line.text.is_empty() {
                body.flush();
                continue;
            }
            let template = infobox_line(line.text);
            if phase == Phase::Head {
                if let Some(name) = template {
                    phase = Phase::Infobox;
                    article.infobox_line = Some(line.number);
                    article.template = (!name.is_empty()).then(|| name.to_owned());
                    continue;
                }
            }
            if template.is_some() {
                warnings.push(Warning {
                    line: line.number,
                    kind: WarningKind::LateInfobox,
                });
            }
            phase = Phase::Body;
            if let Some((level, text, balanced)) = heading(line.text) {
                if !balanced {
                    warnings.push(Warning {
                        line: line.number,
                        kind: WarningKind::UnbalancedHeading,
                    });
                }
                if text.is_empty() {
                    warnings.push(Warning {
                        line: line.number,
                        kind: WarningKind::EmptyHeading,
                    });
                }
                let level = if level == 1 {
                    warnings.push(Warning {
                        line: line.number,
                        kind: WarningKind::SecondTitle,
                    });
                    2
                } else {
                    level
                };
                body.open_section(level, text.to_owned(), line.number);
                continue;
            }
            if let Some(rest) = line.text.strip_prefix('|') {
                body.table_line(line.number, rest);
                continue;
            }
            if let Some((marker, text)) = list_item(line.text) {
                if let Some(p) = body.para.take() {
                    body.blocks().push(Block::Paragraph(p));
                }
                if let Some(t) = body.table.take() {
                    body.blocks().push(Block::Table(t));
                }
                let item = ListItem {
                    marker,
                    text: text.to_owned(),
                    line: line.number,
                    children: Vec::new(),
                };
                body.list.push(line.indent, item, &mut warnings);
                continue;
            }
            body.prose(line.number, line.text);
        }
        body.flush();
        while !body.open.is_empty() {
            body.close_section();
        }
        article.lead = body.lead;
        article.sections = body.sections;
        Ok((article, warnings))
    }

    /// Every section and subsection, depth first, in article order.
    pub fn all_sections(&self) -> impl Iterator<Item = &Section> + '_ {
        let mut stack: Vec<&Section> = self.sections.iter().rev().collect();
        std::iter::from_fn(move || {
            let s = stack.pop()?;
            stack.extend(s.subsections.iter().rev());
            Some(s)
        })
    }

    /// The first paragraph before any section, if there is one.
    pub fn first_paragraph(&self) -> Option<&Paragraph> {
        self.lead.iter().find_map(|b| match b {
            Block::Paragraph(p) => Some(p),
            Block::List(_) | Block::Table(_) => None,
        })
    }
}

/// `Infobox` or `Infobox <template name>` → the name (empty for none).
fn infobox_line(text: &str) -> Option<&str> {
    let head = text.get(..7)?;
    if !head.eq_ignore_ascii_case("infobox") {
        return None;
    }
    let rest = &text[7..];
    if rest.is_empty() {
        Some("")
    } else if rest.starts_with(char::is_whitespace) {
        Some(rest.trim())
    } else {
        None
    }
}

fn read_field(rest: &str, line: usize, fields: &mut Vec<Field>, warnings: &mut Vec<Warning>) {
    let Some((key, value)) = rest.split_once(':') else {
        warnings.push(Warning {
            line,
            kind: WarningKind::InfoboxLineWithoutColon,
        });
        return;
    };
    let key = key.trim();
    if key.is_empty() {
        warnings.push(Warning {
            line,
            kind: WarningKind::InfoboxLineWithoutKey,
        });
        return;
    }
    fields.push(Field {
        key: key.to_owned(),
        value: value.trim().to_owned(),
        line,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> (Article, Vec<Warning>) {
        Article::parse("t", text).expect("parses")
    }

    #[test]
    fn parameters_follow_the_template() {
        let f = |k: &str| {
            Field {
                key: k.into(),
                value: String::new(),
                line: 1,
            }
            .parameter()
        };
        assert_eq!(f("Agency Name"), "agency_name");
        assert_eq!(f("Nativename A"), "nativename_a");
        assert_eq!(f("Chief1 Name"), "chief1_name");
        assert_eq!(f("chief_1_name"), "chief1_name");
        assert_eq!(f("Logo  Width "), "logo_width");
        assert_eq!(f("Deputyminister3 Pfo"), "deputyminister3_pfo");
    }

    #[test]
    fn nesting_and_paragraphs() {
        let (a, w) = parse(
            "= T =\n\nfirst line\nsecond line\n- a\n  - b\n    - c\n- d\n1. one\nafter\n\n== S ==\n=== Sub ===\n- x\n== S2 ==\n",
        );
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(a.lead.len(), 3);
        let Block::Paragraph(p) = &a.lead[0] else {
            panic!()
        };
        assert_eq!(p.text, "first line second line");
        let Block::List(items) = &a.lead[1] else {
            panic!()
        };
        assert_eq!(items.len(), 3);
        assert_eq!(items[0].children[0].children[0].text, "c");
        assert_eq!(items[2].marker, ListMarker::Number(1));
        assert_eq!(a.sections.len(), 2);
        assert_eq!(a.sections[0].subsections[0].heading, "Sub");
        assert_eq!(a.sections[0].subsections[0].line, 13);
        assert_eq!(
            a.all_sections()
                .map(|s| s.heading.as_str())
                .collect::<Vec<_>>(),
            ["S", "Sub", "S2"]
        );
    }

    #[test]
    fn warnings_name_their_lines() {
        let (a, w) = parse(
            "= T\nInfobox\n- no colon\n- : no key\n- K: v\n\nInfobox\n- a\n      - too deep\n== ==\n= Again =\n",
        );
        assert_eq!(a.infobox.len(), 1);
        let got: Vec<String> = w.iter().map(ToString::to_string).collect();
        assert_eq!(
            got,
            [
                "line 1: heading closes with a different number of `=` than it opens with",
                "line 3: infobox line has no colon between key and value: skipped",
                "line 4: infobox line has no key before its colon: skipped",
                "line 7: `Infobox` line after the prose started: read as prose",
                "line 9: list item nested 3 levels below the item before it: read as one level",
                "line 10: heading has no text",
                "line 11: a second title: read as a section heading",
            ]
        );
    }
}
