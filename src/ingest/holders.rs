//! Lists of officeholders: the holders of a post, in order, with their
//! dates.
//!
//! A section is such a list when its heading says so ("List of
//! officeholders", "Holders", "Leaders") or names the holders of a post in
//! the plural ("Premiers", "Secretaries-General", "Chairmen of the State
//! Planning Commission, 1952–1987"). Its rows are pipe tables with a
//! header (`| Name (birth–death) | Chinese characters | Took office | Left
//! office |`), or lines (numbered or not) of a name and one or two dates
//! (`1 Li Weihan October 1949 September 1953`), or numbered list items of
//! the same. A subsection heading that names a post ("Secretary-General of
//! the Government Administration Council") puts the rows under it in that
//! post; a row or line saying the post was abolished (or vacant) is a
//! vacancy.

use std::collections::HashMap;

use super::article::{Block, Section, Table, WarningKind};
use super::fact::Fact;
use super::ingester::{Ctx, Ingester};
use super::leaders::{is_deputy, singular_given};
use super::report::IgnoreReason;
use super::rows::{
    Column, End, Entry, Row, column, is_current, is_header, is_vacancy, name_cell, read_line,
};
use super::staging::{labels_mut, suffixed};
use super::text::{clean_name, guess_lang, kind_from_type, name_key, parse_date};
use crate::{Node, NodeKind, Person, Relation};

/// Words for the holders of a post in the plural, and their singulars.
const HOLDER_PLURALS: [(&str, &str); 17] = [
    ("premiers", "premier"),
    ("secretaries", "secretary"),
    ("chairmen", "chairman"),
    ("chairwomen", "chairwoman"),
    ("chairpersons", "chairperson"),
    ("chairs", "chair"),
    ("directors", "director"),
    ("ministers", "minister"),
    ("presidents", "president"),
    ("governors", "governor"),
    ("mayors", "mayor"),
    ("chiefs", "chief"),
    ("heads", "head"),
    ("commissioners", "commissioner"),
    ("administrators", "administrator"),
    ("leaders", "leader"),
    ("generals", "general"),
];

/// Words that may come before a holder word (`Deputy Directors`).
const MODIFIERS: [&str; 7] = [
    "deputy",
    "vice",
    "executive",
    "first",
    "past",
    "former",
    "assistant",
];

/// True when a heading names a list of the holders of a post.
pub(super) fn is_holders_heading(heading: &str) -> bool {
    generic_heading(heading) || plural_word(&title_part(heading).0).is_some()
}

/// A heading that says "holders" without naming the post.
fn generic_heading(heading: &str) -> bool {
    let k = name_key(heading);
    k.starts_with("list of")
        || k.contains("officeholders")
        || k.contains("office holders")
        || k.split(' ').any(|w| w == "holders" || w == "incumbents")
}

/// The holder word of a title in the plural, as its index among the words
/// and its singular: the first word past any modifiers.
fn plural_word(title: &str) -> Option<(usize, &'static str)> {
    let key = name_key(title);
    let (i, word) = key
        .split(' ')
        .enumerate()
        .find(|(_, w)| !MODIFIERS.contains(w))?;
    HOLDER_PLURALS
        .iter()
        .find(|(p, _)| *p == word)
        .map(|&(_, s)| (i, s))
}

/// A heading split into its title and the body after the first " of ", a
/// trailing `, 1952–1987` (a part after the last comma with a digit)
/// dropped: `Chairmen of the State Planning Commission, 1952–1987` gives
/// (`Chairmen`, `State Planning Commission`).
fn title_part(heading: &str) -> (String, Option<String>) {
    let h = clean_name(heading);
    let h = match h.rsplit_once(',') {
        Some((head, tail)) if tail.chars().any(|c| c.is_ascii_digit()) => head.trim().to_owned(),
        _ => h,
    };
    match h.split_once(" of ") {
        Some((title, body)) => {
            let body = body.trim();
            let body = body
                .strip_prefix("the ")
                .or_else(|| body.strip_prefix("The "))
                .unwrap_or(body);
            (title.trim().to_owned(), Some(body.to_owned()))
        }
        None => (h, None),
    }
}

/// `title` with its holder word in the singular (`Secretaries-General`
/// gives `Secretary-General`), its capital kept; `None` when it has no
/// plural holder word.
fn singular_title(title: &str) -> Option<String> {
    let (index, singular) = plural_word(title)?;
    let mut out = String::with_capacity(title.len());
    let mut word = 0;
    let mut rest = title;
    while !rest.is_empty() {
        let end = rest
            .find(|c: char| !c.is_alphanumeric() && c != '\'' && c != '\u{2019}')
            .unwrap_or(rest.len());
        let (w, tail) = rest.split_at(end);
        if w.is_empty() {
            let sep = tail.chars().next().map_or(0, char::len_utf8);
            out.push_str(&tail[..sep]);
            rest = &tail[sep..];
            continue;
        }
        if w.eq_ignore_ascii_case("the") {
            out.push_str(w);
        } else {
            if word == index {
                let capital = w.starts_with(char::is_uppercase);
                let mut chars = singular.chars();
                if let (true, Some(first)) = (capital, chars.next()) {
                    out.extend(first.to_uppercase());
                    out.push_str(chars.as_str());
                } else {
                    out.push_str(singular);
                }
            } else {
                out.push_str(w);
            }
            word += 1;
        }
        rest = tail;
    }
    Some(out)
}

impl Ingester {
    /// Reads a section listing officeholders into the post it names, or,
    /// when it names none, the post the article is about or the head post
    /// of its body.
    pub(super) fn read_holders(
        &mut self,
        ctx: &Ctx,
        titles: &HashMap<String, String>,
        section: &Section,
        subject: usize,
    ) {
        let fallback = self.default_list_post(subject);
        // The posts the subsections name, in order: each replaces the one
        // listed before it (a list of the Secretaries-General lists the
        // holders of the post it replaced first).
        let mut named: Vec<(usize, usize)> = Vec::new();
        let mut stack = vec![(section, fallback)];
        while let Some((s, outer)) = stack.pop() {
            let own = self.list_post(ctx, titles, s, subject);
            if let Some(p) = own.filter(|_| s.line != section.line) {
                if named.last().is_none_or(|&(q, _)| q != p) {
                    named.push((p, s.line));
                }
            }
            let post = own.or(outer);
            if let Some(p) = post {
                self.fact(p, Fact::HolderList, ctx, s.line, false);
                self.read_rows(ctx, s, p);
            } else {
                self.ignore(ctx, s.line, &s.heading, IgnoreReason::NoPostForList);
                self.ignore_rows(ctx, s);
            }
            stack.extend(s.subsections.iter().rev().map(|sub| (sub, post)));
        }
        for pair in named.windows(2) {
            let ((older, _), (newer, line)) = (pair[0], pair[1]);
            self.link(newer, Relation::Replaces, older, ctx, line);
            self.fact(older, Fact::Superseding, ctx, line, true);
            self.fact(newer, Fact::Preceding, ctx, line, true);
        }
    }

    /// The post a list with no post in its heading is about: the article's
    /// subject when it is a post, else the head post of the subject body.
    fn default_list_post(&self, subject: usize) -> Option<usize> {
        if matches!(self.nodes[subject].node, Node::Post(_)) {
            return Some(subject);
        }
        self.head_posts.get(&subject).copied()
    }

    /// The post a list's heading names, if it names one.
    fn list_post(
        &mut self,
        ctx: &Ctx,
        titles: &HashMap<String, String>,
        section: &Section,
        subject: usize,
    ) -> Option<usize> {
        let heading = &section.heading;
        if generic_heading(heading) {
            return None;
        }
        let (title, body) = title_part(heading);
        let title = match plural_word(&title) {
            Some(_) => singular_given(&title, titles)
                .or_else(|| singular_title(&title))
                .unwrap_or(title),
            None => title,
        };
        if !super::text::looks_like_post(&title) {
            return None;
        }
        let full = match &body {
            Some(b) => format!("{title} of the {b}"),
            None => title.clone(),
        };
        let line = section.line;
        // The article's own post, or a post of that name already known.
        if let Some(i) = self.find(NodeKind::Post, &full) {
            self.note_merge(i, &full, ctx, line);
            return Some(i);
        }
        let home = match &self.nodes[subject].node {
            Node::Post(_) => self
                .single
                .get(&(subject, Relation::PostIn))
                .map(|&(org, _, _)| org),
            _ => Some(subject),
        };
        let in_body = match &body {
            Some(b) => match self.resolve_org_in(b, ctx, false, true) {
                Some((i, _)) => Some(i),
                None if kind_from_type(b).is_some() => Some(self.org_in(b, ctx, line, None, true)),
                None => None,
            },
            None => home,
        }?;
        // A post of the bare title in that body ("Premier" for "Premier of
        // the State Council" in the State Council).
        let bare = self.find(NodeKind::Post, &title).filter(|&i| {
            self.single
                .get(&(i, Relation::PostIn))
                .is_some_and(|&(org, _, _)| org == in_body)
        });
        if let Some(i) = bare {
            self.register(NodeKind::Post, &full, i);
            if let Some(labels) = labels_mut(&mut self.nodes[i].node) {
                labels.add_alternate(crate::Lang::en(), full.clone());
            }
            self.note_merge(i, &full, ctx, line);
            return Some(i);
        }
        // A heading with no body ("Directors") in an article whose body has
        // a post of that title "of" something ("Director of the Bureau of
        // Tests"): that post, the first such.
        if body.is_none() {
            if let Some(&i) = self.posts_by_title.get(&(in_body, name_key(&title))) {
                self.note_merge(i, &full, ctx, line);
                return Some(i);
            }
        }
        // A list in a body's own article, of a post of that body, is of
        // the body's head (its chairmen, its premiers); any other list says
        // nothing of who heads what.
        let heads = in_body == subject && !is_deputy(&title);
        Some(self.post(ctx, in_body, &full, line, heads))
    }

    /// Reads the rows of a list section (not its subsections') into `post`.
    fn read_rows(&mut self, ctx: &Ctx, section: &Section, post: usize) {
        let mut entries: Vec<(usize, String, Option<Entry>)> = Vec::new();
        for b in &section.blocks {
            match b {
                Block::Paragraph(p) => {
                    entries.extend(
                        p.lines()
                            .map(|(line, text)| (line, text.to_owned(), read_line(text))),
                    );
                }
                Block::List(items) => {
                    for item in items {
                        entries.push((item.line, item.text.clone(), read_line(&item.text)));
                        self.ignore_nested(ctx, item, &IgnoreReason::NestedTooDeep);
                    }
                }
                Block::Table(t) => entries.extend(self.table_entries(ctx, t, post)),
            }
        }
        let last = entries
            .iter()
            .rposition(|(_, _, e)| matches!(e, Some(Entry::Holder(_))));
        for (i, (line, text, entry)) in entries.into_iter().enumerate() {
            match entry {
                Some(Entry::Holder(row)) => self.holder(ctx, post, &row, line, Some(i) == last),
                Some(Entry::Vacancy) => self.fact(post, Fact::Vacancy, ctx, line, true),
                None => self.ignore(ctx, line, &text, IgnoreReason::UnreadableRow),
            }
        }
    }

    /// The entries of a table: by its header's columns, or, with no
    /// header, each row read as a line.
    fn table_entries(
        &mut self,
        ctx: &Ctx,
        table: &Table,
        post: usize,
    ) -> Vec<(usize, String, Option<Entry>)> {
        let Some(header) = table.rows.first().filter(|r| is_header(r)) else {
            return table
                .rows
                .iter()
                .map(|r| (r.line, r.cells.join(" | "), read_line(&r.cells.join(" "))))
                .collect();
        };
        let columns: Vec<Column> = header.cells.iter().map(|c| column(c)).collect();
        self.fact(post, Fact::HolderList, ctx, header.line, false);
        for (cell, col) in header.cells.iter().zip(&columns) {
            if *col == Column::Other {
                self.ignore(ctx, header.line, cell, IgnoreReason::ColumnNotRead);
            }
        }
        let mut out = Vec::new();
        for row in &table.rows[1..] {
            let cell = |want: Column| {
                columns
                    .iter()
                    .position(|c| *c == want)
                    .and_then(|i| row.cells.get(i))
                    .map_or("", String::as_str)
            };
            let name = cell(Column::Name);
            if name.is_empty() || is_vacancy(name) {
                let vacant = row.cells.iter().any(|c| is_vacancy(c));
                out.push((
                    row.line,
                    row.cells.join(" | "),
                    vacant.then_some(Entry::Vacancy),
                ));
                continue;
            }
            let named = name_cell(name);
            let chinese = Some(cell(Column::Chinese))
                .filter(|c| !c.is_empty())
                .map(str::to_owned)
                .or(named.chinese);
            let mut date = |text: &str| {
                if text.is_empty() {
                    return None;
                }
                let d = parse_date(text);
                if d.is_none() {
                    self.warn(
                        ctx,
                        row.line,
                        WarningKind::UnreadableDate {
                            text: text.to_owned(),
                        },
                    );
                }
                d
            };
            let start = date(cell(Column::Start));
            let end_text = cell(Column::End);
            let end = if is_current(end_text) {
                End::Current
            } else {
                date(end_text).map_or(End::Missing, End::Date)
            };
            let (born, died) = named.life.unwrap_or_default();
            out.push((
                row.line,
                row.cells.join(" | "),
                Some(Entry::Holder(Row {
                    name: named.name,
                    born,
                    died,
                    chinese,
                    start,
                    end,
                    acting: named.acting,
                })),
            ));
        }
        out
    }

    /// A person holding `post` from a row: the person (with a Chinese name
    /// and lifespan when the row gives them) and a dated tenure. The
    /// tenure an infobox gave the same person in the same post (with no
    /// dates yet) is the row's; any other row is a tenure of its own.
    fn holder(&mut self, ctx: &Ctx, post: usize, row: &Row, line: usize, last: bool) {
        let person = self.named(NodeKind::Person, &row.name, ctx, line, |s, n| {
            Person::new(s, n).into()
        });
        self.fact(person, Fact::Holder, ctx, line, true);
        if let Some(ch) = &row.chinese {
            if self.claim(person, Fact::ChineseName, ch, ctx, line) {
                let lang = guess_lang(ch);
                if let Some(labels) = labels_mut(&mut self.nodes[person].node) {
                    if labels.preferred(&lang).is_none() {
                        labels.set_preferred(lang, ch.as_str());
                    }
                }
            }
            self.fact(person, Fact::ChineseName, ctx, line, true);
        }
        if row.born.is_some() || row.died.is_some() {
            let text = format!(
                "{}–{}",
                row.born.map(|d| d.to_string()).unwrap_or_default(),
                row.died.map(|d| d.to_string()).unwrap_or_default()
            );
            if self.claim(person, Fact::Lifespan, &text, ctx, line) {
                self.set_lifespan(person, row.born, row.died);
            }
            self.fact(person, Fact::Lifespan, ctx, line, true);
        }
        let (ps, qs) = (self.node_key(person).slug, self.node_key(post).slug);
        let slug = suffixed(ps.as_str(), qs.as_str()).unwrap_or(ps);
        let reusable = self
            .find(NodeKind::Tenure, slug.as_str())
            .filter(|t| !self.dated_tenures.contains(t));
        let t = match reusable {
            Some(t) => t,
            None => self.new_tenure(person, post, slug, ctx, line),
        };
        self.dated_tenures.insert(t);
        let end = match row.end {
            End::Missing if last => End::Current,
            e => e,
        };
        self.set_tenure_dates(t, row.start, end);
        self.fact(t, Fact::Holder, ctx, line, true);
        if row.acting {
            if let Node::Tenure(tenure) = &mut self.nodes[t].node {
                tenure.acting = true;
            }
            self.fact(t, Fact::Acting, ctx, line, false);
        }
        self.fact(post, Fact::Holder, ctx, line, false);
    }

    /// Reports every row of a list section that has no post.
    fn ignore_rows(&mut self, ctx: &Ctx, section: &Section) {
        for b in &section.blocks {
            match b {
                Block::Paragraph(p) => {
                    for (line, text) in p.lines() {
                        self.ignore(ctx, line, text, IgnoreReason::NoPostForList);
                    }
                }
                Block::List(items) => {
                    for item in items {
                        self.ignore(ctx, item.line, &item.text, IgnoreReason::NoPostForList);
                        self.ignore_nested(ctx, item, &IgnoreReason::UnderIgnoredItem);
                    }
                }
                Block::Table(t) => {
                    for row in &t.rows {
                        let text = row.cells.join(" | ");
                        self.ignore(ctx, row.line, &text, IgnoreReason::NoPostForList);
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings() {
        assert!(is_holders_heading("List of officeholders"));
        assert!(is_holders_heading("Premiers"));
        assert!(is_holders_heading("Secretaries-General"));
        assert!(is_holders_heading(
            "Chairmen of the State Planning Commission, 1952–1987"
        ));
        assert!(is_holders_heading("Deputy Directors"));
        assert!(!is_holders_heading("History"));
        assert!(!is_holders_heading("Functions"));
        assert_eq!(
            title_part("Chairmen of the State Planning Commission, 1952–1987"),
            (
                "Chairmen".to_owned(),
                Some("State Planning Commission".to_owned())
            )
        );
        assert_eq!(
            singular_title("Secretaries-General").as_deref(),
            Some("Secretary-General")
        );
        assert_eq!(singular_title("Chairmen").as_deref(), Some("Chairman"));
        assert_eq!(
            singular_title("Deputy Directors").as_deref(),
            Some("Deputy Director")
        );
        assert_eq!(singular_title("Director"), None);
    }
}
