//! How the values of an article are read: dates, widths, web addresses,
//! names (with qualifiers, in lists, in the plural, with a country
//! qualifier), kinds of body guessed from words, and languages guessed
//! from scripts. Pure functions of text; the ingester decides what the
//! values become.

use crate::{Lang, OrgKind, PartialDate};

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// An English month name or its three- or four-letter abbreviation, with
/// or without a period.
fn month(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    if w.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| *m == w || (w.len() <= 4 && m.starts_with(&w)))
        .and_then(|i| u32::try_from(i + 1).ok())
}

fn number(word: &str) -> Option<u32> {
    let w = word.trim_end_matches(',');
    if w.is_empty() || w.len() > 4 || !w.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    w.parse().ok()
}

/// Reads a date in one of the forms articles write: `1949-09-27`,
/// `1949-09`, `27 September 1949`, `September 27, 1949`, `October 1949`
/// or `1949`, to the precision written. Month names are English, full or
/// abbreviated (`Sept.`). Anything else, including impossible dates, gives
/// `None`.
///
/// ```
/// use govgraph::ingest::parse_date;
/// assert_eq!(parse_date("27 September 1949").map(|d| d.to_string()).as_deref(), Some("1949-09-27"));
/// assert_eq!(parse_date("September 27, 1949").map(|d| d.to_string()).as_deref(), Some("1949-09-27"));
/// assert_eq!(parse_date("October 1949").map(|d| d.to_string()).as_deref(), Some("1949-10"));
/// assert_eq!(parse_date("1949").map(|d| d.to_string()).as_deref(), Some("1949"));
/// assert_eq!(parse_date("soon after the war"), None);
/// ```
pub fn parse_date(text: &str) -> Option<PartialDate> {
    let text = text.trim();
    if let Ok(d) = text.parse::<PartialDate>() {
        return Some(d);
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    let (y, m, d) = match words.as_slice() {
        [a, b, c] => {
            if let (Some(d), Some(m), Some(y)) = (number(a), month(b), number(c)) {
                // 27 September 1949
                (y, Some(m), Some(d))
            } else {
                // September 27, 1949
                (number(c)?, Some(month(a)?), Some(number(b)?))
            }
        }
        [m, y] => (number(y)?, Some(month(m)?), None),
        _ => return None,
    };
    if y < 100 {
        return None;
    }
    let y = i64::from(y);
    match (m, d) {
        (Some(m), Some(d)) => PartialDate::ymd(y, m, d).ok(),
        (Some(m), None) => PartialDate::year_month(y, m).ok(),
        _ => None,
    }
}

/// Reads a width in pixels: `110`, `110px`, `110 px`.
pub(crate) fn parse_width(text: &str) -> Option<u32> {
    let t = text.trim();
    let t = t
        .strip_suffix("px")
        .or_else(|| t.strip_suffix("PX"))
        .unwrap_or(t)
        .trim_end();
    if t.is_empty() || !t.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    t.parse().ok()
}

/// Reads a web address in any of the forms articles write (`gov.cn`,
/// `www.example.org`, `https://example.org/a`, `[https://example.org Label]`,
/// `<https://example.org>`), giving the absolute address and a short label
/// (the address without its scheme or trailing slash). `None` when the
/// text is not a web address.
pub(crate) fn parse_url(text: &str) -> Option<(String, String)> {
    let mut t = text.trim();
    if let Some(inner) = t.strip_prefix('[').and_then(|s| s.strip_suffix(']')) {
        t = inner.split_whitespace().next()?;
    }
    if let Some(inner) = t.strip_prefix('<').and_then(|s| s.strip_suffix('>')) {
        t = inner.trim();
    }
    if t.is_empty() || t.chars().any(char::is_whitespace) {
        return None;
    }
    let lower = t.to_ascii_lowercase();
    let url = if lower.starts_with("http://") || lower.starts_with("https://") {
        t.to_owned()
    } else if let Some(rest) = t.strip_prefix("//") {
        format!("https://{rest}")
    } else {
        let host = t.split(['/', '?', '#']).next().unwrap_or("");
        let host_ok = host.contains('.')
            && !host.starts_with('.')
            && !host.ends_with('.')
            && host
                .chars()
                .all(|c| c.is_alphanumeric() || c == '.' || c == '-' || c == ':');
        if !host_ok {
            return None;
        }
        if t.len() == host.len() {
            format!("https://{t}/")
        } else {
            format!("https://{t}")
        }
    };
    let scheme_end = url.find("://").map_or(0, |i| i + 3);
    let label = url[scheme_end..].trim_end_matches('/').to_owned();
    if label.is_empty() {
        return None;
    }
    // A bare host gets the root path, so `https://gov.cn` and `gov.cn` meet.
    let url = if url[scheme_end..].contains('/') {
        url
    } else {
        format!("{url}/")
    };
    Some((url, label))
}

/// Splits a trailing parenthesised qualifier off a name:
/// `Deputy Secretary-General (minister-level)` gives the name and
/// `minister-level`.
pub(crate) fn split_qualifier(name: &str) -> (&str, Option<&str>) {
    let t = name.trim();
    if let Some(body) = t.strip_suffix(')') {
        if let Some(open) = body.rfind('(') {
            let base = body[..open].trim_end();
            let q = body[open + 1..].trim();
            if !base.is_empty() && !q.is_empty() {
                return (base, Some(q));
            }
        }
    }
    (t, None)
}

/// True when a qualifier reads as a rank (`minister-level`,
/// `vice-ministerial rank`, `grade 5`).
pub(crate) fn is_rank(qualifier: &str) -> bool {
    let q = qualifier.to_lowercase();
    ["level", "rank", "grade", "ministerial"]
        .iter()
        .any(|w| q.contains(w))
}

/// Tidies a name as written: white space collapsed, and a comma that only
/// stands for a line break of the original infobox (before a word in
/// lowercase, as in `General Office of the State Council, of the People's
/// Republic of China`) dropped.
pub(crate) fn clean_name(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            if out.ends_with(',') && word.starts_with(|c: char| c.is_lowercase()) {
                out.pop();
            }
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// The key names are resolved by: lowercase (keeping only letters and
/// digits of what lowercasing gives), punctuation as space, apostrophes
/// dropped, the word "the" dropped, white space collapsed. A key is its
/// own key.
///
/// ```
/// use govgraph::ingest::name_key;
/// assert_eq!(name_key("The State Council of the People's Republic of China"),
///            "state council of peoples republic of china");
/// assert_eq!(name_key("国务院办公厅"), "国务院办公厅");
/// assert_eq!(name_key("İstanbul"), name_key("Istanbul"));
/// ```
pub fn name_key(name: &str) -> String {
    let mut cleaned = String::with_capacity(name.len());
    for ch in name.chars() {
        if ch == '\'' || ch == '\u{2019}' {
            continue;
        }
        if ch.is_alphanumeric() {
            // Lowercasing can add a combining mark (`İ` gives `i` and
            // U+0307), which is no letter: keep only the letters, so that
            // a key is its own key.
            cleaned.extend(ch.to_lowercase().filter(|c| c.is_alphanumeric()));
        } else {
            cleaned.push(' ');
        }
    }
    let mut out = String::with_capacity(cleaned.len());
    for w in cleaned.split_whitespace().filter(|w| *w != "the") {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

fn has_word(text: &str, words: &[&str]) -> bool {
    let lower = text.to_lowercase();
    lower
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| words.contains(&w))
}

/// The [`OrgKind`] an infobox `type`, or an Organization subsection's
/// heading, clearly names; `None` when it names none.
pub(crate) fn kind_from_type(text: &str) -> Option<OrgKind> {
    let lower = text.to_lowercase();
    if has_word(&lower, &["party"]) {
        Some(OrgKind::PartyOrgan)
    } else if has_word(&lower, &["military", "armed", "army"]) {
        Some(OrgKind::MilitaryOrgan)
    } else if has_word(&lower, &["internal"]) && has_word(&lower, &["department", "departments"]) {
        Some(OrgKind::Department)
    } else if has_word(
        &lower,
        &[
            "institution",
            "institutions",
            "institute",
            "institutes",
            "centre",
            "center",
            "centres",
            "centers",
        ],
    ) {
        Some(OrgKind::Institution)
    } else if has_word(
        &lower,
        &[
            "ministry",
            "ministries",
            "agency",
            "agencies",
            "administration",
            "administrations",
            "commission",
            "commissions",
            "bureau",
            "bureaus",
            "department",
            "departments",
            "authority",
            "authorities",
        ],
    ) {
        Some(OrgKind::Agency)
    } else if has_word(&lower, &["office", "offices"]) {
        Some(OrgKind::Office)
    } else if has_word(
        &lower,
        &[
            "council",
            "cabinet",
            "legislature",
            "parliament",
            "congress",
            "government",
        ],
    ) {
        Some(OrgKind::GoverningBody)
    } else {
        None
    }
}

/// A guess of a body's kind from its name alone, for bodies an article
/// only names. The rule, in order: a name with "Party" is a party organ;
/// with "Military", "Army" or "Armed" a military organ; starting with
/// "General Office" an agency; starting with "Office" an office; then as
/// [`kind_from_type`]; else [`OrgKind::Other`].
pub(crate) fn kind_from_name(name: &str) -> OrgKind {
    let lower = name.to_lowercase();
    if has_word(&lower, &["party"]) {
        OrgKind::PartyOrgan
    } else if has_word(&lower, &["military", "armed", "army"]) {
        OrgKind::MilitaryOrgan
    } else if lower.starts_with("general office") {
        OrgKind::Agency
    } else if lower.starts_with("office") {
        OrgKind::Office
    } else {
        kind_from_type(&lower).unwrap_or(OrgKind::Other)
    }
}

/// True when a name reads as a position rather than a body: the part
/// before its first " of " ends with a word for an office holder
/// (`Secretary-General of the State Council`, `Deputy Director`).
pub(crate) fn looks_like_post(name: &str) -> bool {
    let lower = name.to_lowercase();
    let head = lower.split(" of ").next().unwrap_or("");
    let last = head
        .rsplit(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty())
        .unwrap_or("");
    HOLDER_WORDS.contains(&last)
}

const HOLDER_WORDS: [&str; 23] = [
    "secretary",
    "general",
    "minister",
    "director",
    "president",
    "premier",
    "chairman",
    "chairwoman",
    "chairperson",
    "chair",
    "governor",
    "mayor",
    "chief",
    "head",
    "commissioner",
    "administrator",
    "spokesperson",
    "spokesman",
    "councillor",
    "councilor",
    "ambassador",
    "advisor",
    "adviser",
];

/// The singular of a heading's last word, as a body-type category names
/// it: `Directly affiliated institutions` gives `Directly affiliated
/// institution`; `Agencies` gives `Agency`. Only the regular English
/// endings are undone (`-ies`, `-sses`, `-shes`, `-ches`, `-s`).
pub(crate) fn singular(heading: &str) -> String {
    let h = heading.trim();
    let lower = h.to_lowercase();
    if lower.ends_with("ies") && h.len() > 3 {
        format!("{}y", &h[..h.len() - 3])
    } else if (lower.ends_with("sses") || lower.ends_with("shes") || lower.ends_with("ches"))
        && h.len() > 4
    {
        h[..h.len() - 2].to_owned()
    } else if lower.ends_with('s') && !lower.ends_with("ss") && h.len() > 1 {
        h[..h.len() - 1].to_owned()
    } else {
        h.to_owned()
    }
}

/// The language of a native name, guessed from its script: kana gives
/// Japanese, Hangul Korean, Han characters Chinese (traditional when one
/// of a set of common traditional-only characters appears, simplified
/// otherwise); anything else `und` (undetermined).
pub(crate) fn guess_lang(text: &str) -> Lang {
    const TRADITIONAL: &str = "國務辦廳會華門東來時長發關開經說這區書學業與為們當機點對將員軍黨際";
    let mut han = false;
    let mut traditional = false;
    for ch in text.chars() {
        match ch {
            '\u{3040}'..='\u{30ff}' => return Lang::new("ja").unwrap_or_else(|_| Lang::en()),
            '\u{ac00}'..='\u{d7af}' | '\u{1100}'..='\u{11ff}' => {
                return Lang::new("ko").unwrap_or_else(|_| Lang::en());
            }
            '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}' => {
                han = true;
                traditional |= TRADITIONAL.contains(ch);
            }
            _ => {}
        }
    }
    let tag = match (han, traditional) {
        (true, true) => "zh-Hant",
        (true, false) => "zh-Hans",
        _ => "und",
    };
    Lang::new(tag).unwrap_or_else(|_| Lang::en())
}

/// A Wikidata entity id (`Q` and digits), as its entity IRI.
pub(crate) fn wikidata(text: &str) -> Option<String> {
    let t = text.trim();
    let t = t
        .strip_prefix("http://www.wikidata.org/entity/")
        .or_else(|| t.strip_prefix("https://www.wikidata.org/wiki/"))
        .unwrap_or(t);
    let digits = t.strip_prefix('Q').or_else(|| t.strip_prefix('q'))?;
    if digits.is_empty() || digits.len() > 12 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(format!("http://www.wikidata.org/entity/Q{digits}"))
}

/// The logo file's name without a `File:` or `Image:` prefix.
pub(crate) fn file_name(text: &str) -> &str {
    let t = text.trim();
    for p in ["File:", "Image:", "file:", "image:"] {
        if let Some(rest) = t.strip_prefix(p) {
            return rest.trim();
        }
    }
    t
}

/// Splits a field that names several people into the names: at `<br>`
/// (`<br />`, `<br/>`), semicolons, commas and the word "and"; each name
/// tidied as [`clean_name`], empty parts dropped.
pub(crate) fn split_names(text: &str) -> Vec<String> {
    let mut unified = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('<') {
        unified.push_str(&rest[..open]);
        let tail = &rest[open..];
        let close = tail.find('>').map_or(tail.len(), |c| c + 1);
        let tag: String = tail[..close]
            .chars()
            .filter(char::is_ascii_alphabetic)
            .collect();
        if tag.eq_ignore_ascii_case("br") {
            unified.push(';');
        } else {
            unified.push_str(&tail[..close]);
        }
        rest = &tail[close..];
    }
    unified.push_str(rest);
    unified
        .split([';', ','])
        .flat_map(|part| {
            let words: Vec<&str> = part.split_whitespace().collect();
            words
                .split(|w| *w == "and")
                .map(|ws| ws.join(" "))
                .collect::<Vec<_>>()
        })
        .map(|n| clean_name(&n))
        .filter(|n| !n.is_empty())
        .collect()
}

/// True when `plural` names `singular` in the plural: the same words
/// (compared as [`name_key`] gives them), at least one of them in a plural
/// form of the other's (`-s`, `-es`, `-y` to `-ies`, `-man` to `-men`).
pub(crate) fn is_plural_of(plural: &str, singular: &str) -> bool {
    let (p, s) = (name_key(plural), name_key(singular));
    let (pw, sw): (Vec<&str>, Vec<&str>) = (p.split(' ').collect(), s.split(' ').collect());
    if pw.len() != sw.len() || p == s || p.is_empty() {
        return false;
    }
    pw.iter().zip(&sw).all(|(p, s)| {
        p == s
            || *p == format!("{s}s")
            || *p == format!("{s}es")
            || s.strip_suffix('y')
                .is_some_and(|stem| *p == format!("{stem}ies"))
            || s.strip_suffix("man")
                .is_some_and(|stem| *p == format!("{stem}men"))
    })
}

/// The [`name_key`] of a body's name with a country qualifier dropped:
/// a trailing `(China)`, `(PRC)` or `(People's Republic of China)`, or
/// `of China`, `of the PRC`, `of the People's Republic of China`. `None`
/// when what remains is a single word (`Bank of China` is not a `Bank`).
pub(crate) fn without_country(name: &str) -> Option<String> {
    let mut key = name_key(name);
    for suffix in [
        " of peoples republic of china",
        " peoples republic of china",
        " of china",
        " china",
        " of prc",
        " prc",
    ] {
        if let Some(stem) = key.strip_suffix(suffix) {
            // `(China)` only in parentheses: `Bank China` is not a qualifier.
            let bare = !suffix.starts_with(" of ");
            if bare && !name.trim_end().ends_with(')') {
                continue;
            }
            key.truncate(stem.len());
            break;
        }
    }
    (key.contains(' ')).then_some(key)
}

/// When a period starts and ends, each if written.
pub(crate) type Period = (Option<PartialDate>, Option<PartialDate>);

/// A period written after a name: `1896–1984` (any dash), `born 1962`,
/// `b. 1962`, `1920–`; the dates it starts and ends on, as
/// [`parse_date`] reads them.
pub(crate) fn parse_period(text: &str) -> Option<Period> {
    let q = text.trim();
    let lower = q.to_lowercase();
    if let Some(y) = lower
        .strip_prefix("born ")
        .or_else(|| lower.strip_prefix("b. "))
    {
        return parse_date(y).map(|d| (Some(d), None));
    }
    let (a, b) = q.split_once(['–', '—', '-'])?;
    let from = parse_date(a)?;
    let b = b.trim();
    if b.is_empty() {
        return Some((Some(from), None));
    }
    Some((Some(from), Some(parse_date(b)?)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_every_form() {
        let d = |s: &str| parse_date(s).map(|d| d.to_string());
        assert_eq!(d("1949-09-27").as_deref(), Some("1949-09-27"));
        assert_eq!(d("1949-09").as_deref(), Some("1949-09"));
        assert_eq!(d("27 September 1949").as_deref(), Some("1949-09-27"));
        assert_eq!(d("September 27, 1949").as_deref(), Some("1949-09-27"));
        assert_eq!(d("Sept. 27, 1949").as_deref(), Some("1949-09-27"));
        assert_eq!(d("1 July 1921").as_deref(), Some("1921-07-01"));
        assert_eq!(d("October 1949").as_deref(), Some("1949-10"));
        assert_eq!(d("1949").as_deref(), Some("1949"));
        assert_eq!(d("31 February 1949"), None);
        assert_eq!(d("Ma 1949"), None);
        assert_eq!(d("1949 or 1950"), None);
        assert_eq!(d(""), None);
    }

    #[test]
    fn widths_and_urls() {
        assert_eq!(parse_width("110"), Some(110));
        assert_eq!(parse_width("110px"), Some(110));
        assert_eq!(parse_width(" 110 px"), Some(110));
        assert_eq!(parse_width("upright=1.2"), None);
        let u = |s: &str| parse_url(s);
        assert_eq!(
            u("gov.cn"),
            Some(("https://gov.cn/".into(), "gov.cn".into()))
        );
        assert_eq!(
            u("https://gov.cn"),
            Some(("https://gov.cn/".into(), "gov.cn".into()))
        );
        assert_eq!(
            u("[https://www.whitehouse.gov/ The White House]"),
            Some((
                "https://www.whitehouse.gov/".into(),
                "www.whitehouse.gov".into()
            ))
        );
        assert_eq!(
            u("www.example.org/a/b"),
            Some((
                "https://www.example.org/a/b".into(),
                "www.example.org/a/b".into()
            ))
        );
        assert_eq!(u("not a url"), None);
        assert_eq!(u("none"), None);
    }

    #[test]
    fn names_and_kinds() {
        assert_eq!(
            split_qualifier("Executive Deputy Secretary-General (minister-level)"),
            ("Executive Deputy Secretary-General", Some("minister-level"))
        );
        assert_eq!(split_qualifier("Director"), ("Director", None));
        assert_eq!(split_qualifier("(x)"), ("(x)", None));
        assert!(is_rank("minister-level"));
        assert!(!is_rank("acting"));
        assert_eq!(
            clean_name("General Office of the State Council, of the People's Republic of China"),
            "General Office of the State Council of the People's Republic of China"
        );
        assert_eq!(clean_name("Beijing,  China"), "Beijing, China");
        assert_eq!(kind_from_type("Ministry"), Some(OrgKind::Agency));
        assert_eq!(kind_from_type("Party organ"), Some(OrgKind::PartyOrgan));
        assert_eq!(
            kind_from_type("Internal departments"),
            Some(OrgKind::Department)
        );
        assert_eq!(kind_from_type("Something"), None);
        assert_eq!(
            kind_from_name("General Office of the Chinese Communist Party"),
            OrgKind::PartyOrgan
        );
        assert_eq!(
            kind_from_name("Office of the Premier of China"),
            OrgKind::Office
        );
        assert!(looks_like_post("Secretary-General of the State Council"));
        assert!(looks_like_post(
            "Deputy Secretary-General of the State Council"
        ));
        assert!(!looks_like_post("Office of the Premier of China"));
        assert!(!looks_like_post(
            "General Office of the Central Military Commission"
        ));
        assert_eq!(
            singular("Directly affiliated institutions"),
            "Directly affiliated institution"
        );
        assert_eq!(singular("Agencies"), "Agency");
        assert_eq!(singular("Branches"), "Branch");
        assert_eq!(singular("Press"), "Press");
        assert_eq!(guess_lang("中华人民共和国国务院办公厅").as_str(), "zh-hans");
        assert_eq!(guess_lang("中華人民共和國國務院").as_str(), "zh-hant");
        assert_eq!(guess_lang("ないかく").as_str(), "ja");
        assert_eq!(guess_lang("Conseil").as_str(), "und");
        assert_eq!(
            wikidata("Q123").as_deref(),
            Some("http://www.wikidata.org/entity/Q123")
        );
        assert_eq!(wikidata("123"), None);
        assert_eq!(file_name("File:Seal.svg"), "Seal.svg");
    }

    #[test]
    fn name_lists_and_plurals() {
        assert_eq!(
            split_names("Hu Xiaoli, Ouyang Changqiong, Song Rui"),
            ["Hu Xiaoli", "Ouyang Changqiong", "Song Rui"]
        );
        assert_eq!(
            split_names("A B<br />C D; E and F G,"),
            ["A B", "C D", "E", "F G"]
        );
        assert_eq!(split_names("Wu Zhenglong"), ["Wu Zhenglong"]);
        assert_eq!(split_names("<b>X</b>"), ["<b>X</b>"]);
        assert!(is_plural_of(
            "Deputy Secretaries-General",
            "Deputy Secretary-General"
        ));
        assert!(is_plural_of("Vice Chairmen", "Vice Chairman"));
        assert!(is_plural_of("Directors", "Director"));
        assert!(!is_plural_of("Director", "Director"));
        assert!(!is_plural_of("Deputy Directors", "Director"));
        assert!(!is_plural_of("Deputy Directors", "Deputy Governor"));
    }

    #[test]
    fn country_qualifiers() {
        let n = |s: &str| without_country(s);
        assert_eq!(n("State Council").as_deref(), Some("state council"));
        assert_eq!(
            n("State Council of China").as_deref(),
            Some("state council")
        );
        assert_eq!(
            n("State Council of the People's Republic of China").as_deref(),
            Some("state council")
        );
        assert_eq!(
            n("Ministry of Foreign Affairs (China)").as_deref(),
            Some("ministry of foreign affairs")
        );
        assert_eq!(
            n("Ministry of Foreign Affairs (PRC)").as_deref(),
            Some("ministry of foreign affairs")
        );
        assert_eq!(n("Bank of China"), None);
        assert_eq!(n("Great Wall China").as_deref(), Some("great wall china"));
        assert_eq!(n("Council"), None);
    }
}
