//! Text as the pictures need it: cleaned of characters XML and DOT cannot
//! carry, measured by estimate, and wrapped.

/// True for characters that take about twice the width of a Latin letter:
/// CJK ideographs, kana, Hangul, fullwidth forms and CJK punctuation (the
/// East Asian Wide and Fullwidth blocks, roughly).
fn is_wide(c: char) -> bool {
    matches!(u32::from(c),
        0x1100..=0x115F
        | 0x2E80..=0x303E
        | 0x3041..=0x33FF
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xA000..=0xA4CF
        | 0xAC00..=0xD7A3
        | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F
        | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6
        | 0x1F300..=0x1F64F
        | 0x1F900..=0x1F9FF
        | 0x20000..=0x2FFFD
        | 0x30000..=0x3FFFD)
}

/// The width of `s` in columns: 2 for a wide character, 1 for any other.
pub(crate) fn columns(s: &str) -> usize {
    s.chars().map(|c| if is_wide(c) { 2 } else { 1 }).sum()
}

/// `s` on one line, with every character XML 1.0 cannot hold (control
/// characters, U+FFFE, U+FFFF) replaced by U+FFFD and line breaks and tabs
/// by spaces.
pub(crate) fn clean(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\t' | '\n' | '\r' => ' ',
            c if c.is_control() || c == '\u{FFFE}' || c == '\u{FFFF}' => '\u{FFFD}',
            c => c,
        })
        .collect()
}

/// `s` (already [`clean`]ed) broken into lines of at most `max` columns:
/// at spaces, between two wide characters, or, for a run with neither,
/// anywhere. Never returns an empty list.
pub(crate) fn wrap(s: &str, max: usize) -> Vec<String> {
    let max = max.max(4);
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut width = 0;
    for word in words(s) {
        let w = columns(word.trim_start());
        if width > 0 && width + columns(word) > max {
            lines.push(line.trim_end().to_owned());
            line.clear();
            width = 0;
        }
        let word = if width == 0 { word.trim_start() } else { word };
        if w > max {
            // A word longer than a line: cut it by characters.
            for c in word.chars() {
                let cw = columns(c.encode_utf8(&mut [0; 4]));
                if width + cw > max && width > 0 {
                    lines.push(std::mem::take(&mut line));
                    width = 0;
                }
                line.push(c);
                width += cw;
            }
        } else {
            line.push_str(word);
            width += columns(word);
        }
    }
    let last = line.trim_end();
    if !last.is_empty() || lines.is_empty() {
        lines.push(last.to_owned());
    }
    lines
}

/// Pieces of `s` that may not be broken: a run of non-space, non-wide
/// characters with the spaces before it, or one wide character.
fn words(s: &str) -> impl Iterator<Item = &str> {
    let mut rest = s;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let mut end = 0;
        let mut seen_text = false;
        for (i, c) in rest.char_indices() {
            if is_wide(c) {
                end = if seen_text { i } else { i + c.len_utf8() };
                break;
            }
            if c == ' ' {
                if seen_text {
                    end = i;
                    break;
                }
            } else {
                seen_text = true;
            }
            end = i + c.len_utf8();
        }
        let (word, tail) = rest.split_at(end);
        rest = tail;
        Some(word)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_characters_count_double() {
        assert_eq!(columns("State"), 5);
        assert_eq!(columns("国务院"), 6);
        assert_eq!(columns("国务院 Office"), 13);
    }

    #[test]
    fn clean_removes_what_xml_cannot_hold() {
        assert_eq!(clean("a\u{1}b\nc\u{FFFF}"), "a\u{FFFD}b c\u{FFFD}");
    }

    #[test]
    fn wraps_at_spaces_and_between_wide_characters() {
        assert_eq!(
            wrap("General Office of the State Council", 16),
            ["General Office", "of the State", "Council"]
        );
        assert_eq!(
            wrap("中华人民共和国国务院办公厅", 10),
            ["中华人民共", "和国国务院", "办公厅"]
        );
        assert_eq!(wrap("abcdefghij", 4), ["abcd", "efgh", "ij"]);
        assert_eq!(wrap("", 10), [""]);
        assert_eq!(wrap("  a  ", 10), ["a"]);
    }
}
