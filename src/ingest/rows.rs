//! The rows of a list of officeholders, as text: a line of a name and
//! dates, a cell of a name with its lifespan and Chinese name, the columns
//! of a table's header.

use std::fmt::Write as _;

use super::article::TableRow;
use super::text::{Period, clean_name, name_key, parse_date, parse_period, split_qualifier};
use crate::PartialDate;

/// How a tenure of a list ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum End {
    /// On this date.
    Date(PartialDate),
    /// It has not: "Incumbent", "Present".
    Current,
    /// Nothing is written.
    Missing,
}

/// One holder of a list, as read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Row {
    pub(super) name: String,
    pub(super) born: Option<PartialDate>,
    pub(super) died: Option<PartialDate>,
    pub(super) chinese: Option<String>,
    pub(super) start: Option<PartialDate>,
    pub(super) end: End,
    /// The name was qualified `(acting)` or `(interim)`.
    pub(super) acting: bool,
}

/// What a line or row of a list is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Entry {
    Holder(Row),
    /// The post was abolished or vacant, between the dates if given.
    Vacancy,
}

pub(super) fn has_han(text: &str) -> bool {
    text.chars()
        .any(|c| matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}'))
}

pub(super) fn is_current(text: &str) -> bool {
    matches!(
        name_key(text).as_str(),
        "incumbent" | "present" | "current" | "in office"
    )
}

pub(super) fn is_vacancy(text: &str) -> bool {
    let k = name_key(text);
    k.contains("abolished") || k.split(' ').any(|w| w == "vacant" || w == "vacancy")
}

/// A name as a list writes it: `Li Weihan (1896–1984)`, `Du Xingyuan
/// (杜星垣)`; gives the name, the lifespan and the Chinese name.
pub(super) fn name_cell(text: &str) -> NameCell {
    let mut cell = NameCell {
        name: clean_name(text),
        life: None,
        chinese: None,
        acting: false,
    };
    loop {
        let (base, q) = split_qualifier(&cell.name);
        let Some(q) = q else { break };
        if has_han(q) && cell.chinese.is_none() {
            cell.chinese = Some(q.to_owned());
        } else if is_acting(q) && !cell.acting {
            cell.acting = true;
        } else if let Some(l) = parse_period(q).filter(|_| cell.life.is_none()) {
            cell.life = Some(l);
        } else {
            break;
        }
        cell.name = base.to_owned();
    }
    cell
}

/// What a list's name cell says: the name, and the qualifiers read off its
/// end (`Li Weihan (1896–1984)`, `… (李维汉)`, `… (acting)`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct NameCell {
    /// The name, qualifiers removed.
    pub(super) name: String,
    /// Birth and death years.
    pub(super) life: Option<Period>,
    /// A Chinese name in parentheses.
    pub(super) chinese: Option<String>,
    /// Qualified `(acting)` or `(interim)`.
    pub(super) acting: bool,
}

/// True for the qualifier of an acting or interim holder.
fn is_acting(q: &str) -> bool {
    matches!(
        q.trim().to_lowercase().as_str(),
        "acting" | "interim" | "ad interim"
    )
}

/// Dates written one after the other (`October 1949 September 1953`,
/// `12 March 2023 Incumbent`, `1952 – 1954`): the start and the end.
fn dates(words: &[&str]) -> Option<(Option<PartialDate>, End)> {
    let words: Vec<&str> = words
        .iter()
        .copied()
        .filter(|w| !matches!(*w, "–" | "-" | "—" | "to"))
        .collect();
    if words.is_empty() {
        return Some((None, End::Missing));
    }
    for split in 1..=words.len().min(3) {
        let Some(start) = parse_date(&words[..split].join(" ")) else {
            continue;
        };
        let rest = &words[split..];
        let end = if rest.is_empty() {
            End::Missing
        } else if is_current(&rest.join(" ")) {
            End::Current
        } else if let Some(d) = parse_date(&rest.join(" ")) {
            End::Date(d)
        } else {
            continue;
        };
        return Some((Some(start), end));
    }
    None
}

/// The most words a name of a list has: the search for where a name ends
/// stays linear in the line.
const MAX_NAME_WORDS: usize = 8;

/// Reads a line of a list: `[N] Name [(born–died)] [(中文)] [中文] start
/// [end | Incumbent]`, or a vacancy.
pub(super) fn read_line(text: &str) -> Option<Entry> {
    let mut words: Vec<&str> = text.split_whitespace().collect();
    if words
        .first()
        .is_some_and(|w| w.trim_end_matches('.').bytes().all(|b| b.is_ascii_digit()))
    {
        words.remove(0);
    }
    if words.is_empty() {
        return None;
    }
    if is_vacancy(text) {
        return Some(Entry::Vacancy);
    }
    // The name is the shortest run of words (no digits, no parentheses,
    // no Han characters) after which the rest reads as qualifiers and
    // dates.
    for n in 1..words.len().min(MAX_NAME_WORDS + 1) {
        let name_words = &words[..n];
        if name_words
            .iter()
            .any(|w| w.contains(|c: char| c.is_ascii_digit() || c == '(') || has_han(w))
        {
            return None;
        }
        let mut rest = &words[n..];
        let mut qualified = name_words.join(" ");
        // Parenthesised groups and a run of Han characters.
        while let Some(first) = rest.first() {
            if first.starts_with('(') {
                let close = rest.iter().position(|w| w.ends_with(')'))?;
                qualified.push(' ');
                qualified.push_str(&rest[..=close].join(" "));
                rest = &rest[close + 1..];
            } else if has_han(first) {
                let _ = write!(qualified, " ({first})");
                rest = &rest[1..];
            } else {
                break;
            }
        }
        if rest.is_empty() {
            continue;
        }
        if let Some((start, end)) = dates(rest) {
            let cell = name_cell(&qualified);
            if cell.name.contains('(') {
                return None;
            }
            let (born, died) = cell.life.unwrap_or_default();
            return Some(Entry::Holder(Row {
                name: cell.name,
                born,
                died,
                chinese: cell.chinese,
                start,
                end,
                acting: cell.acting,
            }));
        }
    }
    None
}

/// What a column of a list's table holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Column {
    Number,
    Name,
    Chinese,
    Start,
    End,
    Other,
}

pub(super) fn column(header: &str) -> Column {
    let k = name_key(header);
    if k.is_empty() || matches!(k.as_str(), "no" | "number" | "n" | "nr") {
        Column::Number
    } else if k.contains("chinese") || k.contains("characters") || k.contains("hanzi") {
        Column::Chinese
    } else if k.contains("took office")
        || k.contains("assumed office")
        || k.contains("term start")
        || matches!(k.as_str(), "from" | "start" | "since" | "began")
    {
        Column::Start
    } else if k.contains("left office")
        || k.contains("term end")
        || matches!(k.as_str(), "to" | "until" | "end" | "ended")
    {
        Column::End
    } else if k.contains("name") || k.contains("officeholder") || k == "holder" {
        Column::Name
    } else {
        Column::Other
    }
}

/// True when a table row is a header: it names a name column and a date
/// column.
pub(super) fn is_header(row: &TableRow) -> bool {
    let cols: Vec<Column> = row.cells.iter().map(|c| column(c)).collect();
    cols.contains(&Column::Name) && (cols.contains(&Column::Start) || cols.contains(&Column::End))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Option<PartialDate> {
        parse_date(s)
    }

    #[test]
    fn lines() {
        let row = |name: &str, start: &str, end: End| {
            Some(Entry::Holder(Row {
                name: name.to_owned(),
                born: None,
                died: None,
                chinese: None,
                start: d(start),
                end,
                acting: false,
            }))
        };
        assert_eq!(
            read_line("1 Li Weihan October 1949 September 1953"),
            row(
                "Li Weihan",
                "October 1949",
                End::Date(PartialDate::year_month(1953, 9).expect("date"))
            )
        );
        assert_eq!(
            read_line("8 Li Qiang 11 March 2023 Incumbent"),
            row("Li Qiang", "11 March 2023", End::Current)
        );
        assert_eq!(
            read_line("Ma Kai March 2008 – March 2013"),
            row(
                "Ma Kai",
                "March 2008",
                End::Date(PartialDate::year_month(2013, 3).expect("date"))
            )
        );
        assert_eq!(
            read_line("12 Yang Jing March 2013"),
            row("Yang Jing", "March 2013", End::Missing)
        );
        // A made-up person.
        let Some(Entry::Holder(r)) = read_line("5 Ann Example (1901–1990) 测试 May 1982 June 1983")
        else {
            panic!("reads");
        };
        assert_eq!(
            (r.name.as_str(), r.chinese.as_deref()),
            ("Ann Example", Some("测试"))
        );
        assert_eq!((r.born, r.died), (d("1901"), d("1990")));
        assert_eq!(
            read_line("Post abolished January 1975 June 1979"),
            Some(Entry::Vacancy)
        );
        assert_eq!(read_line("The post was held by many people"), None);
        assert_eq!(read_line("1952 1954"), None);
        assert_eq!(read_line(""), None);
    }

    #[test]
    fn name_cells() {
        // Made-up people.
        let cell = |name: &str, life, chinese: Option<&str>, acting| NameCell {
            name: name.to_owned(),
            life,
            chinese: chinese.map(str::to_owned),
            acting,
        };
        assert_eq!(
            name_cell("Ann Example (1901–1990)"),
            cell("Ann Example", Some((d("1901"), d("1990"))), None, false)
        );
        assert_eq!(
            name_cell("Bo Example (born 1964)"),
            cell("Bo Example", Some((d("1964"), None)), None, false)
        );
        assert_eq!(
            name_cell("Cy Example (acting)"),
            cell("Cy Example", None, None, true)
        );
        assert_eq!(
            name_cell("Di Example (1950–2020) (interim)"),
            cell("Di Example", Some((d("1950"), d("2020"))), None, true)
        );
        // One acting qualifier is read; a second stays in the name.
        assert_eq!(
            name_cell("Ed Example (acting) (acting)").name,
            "Ed Example (acting)"
        );
    }
}
