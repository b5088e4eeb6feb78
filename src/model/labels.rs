//! Multilingual names: [`Lang`] and [`Labels`].

use std::fmt;
use std::str::FromStr;

/// A validated BCP 47 language tag, kept in lowercase (`en`, `zh-hans`).
///
/// Tags are compared without regard to case, as BCP 47 says, so they are
/// stored lowercased: `Lang::new("zh-Hans")` and `Lang::new("zh-hans")` are
/// equal and both print `zh-hans`.
///
/// ```
/// use govgraph::Lang;
/// let zh = Lang::new("zh-Hans")?;
/// assert_eq!(zh.as_str(), "zh-hans");
/// assert!(Lang::new("not a tag").is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "String", into = "String"))]
pub struct Lang(Tag);

/// A tag: one of the common ones, held without allocating, or any other.
#[derive(Clone)]
enum Tag {
    Common(u8),
    Other(Box<str>),
}

/// Tags common enough in government data to keep without an allocation
/// each (a graph of a million bodies has millions of labels).
const COMMON: [&str; 24] = [
    "en", "zh", "zh-hans", "zh-hant", "zh-cn", "zh-tw", "zh-hk", "fr", "de", "es", "ru", "ar",
    "ja", "ko", "pt", "it", "und", "bo", "ug", "mn", "en-gb", "en-us", "nl", "hi",
];

impl PartialEq for Lang {
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for Lang {}

impl std::hash::Hash for Lang {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl PartialOrd for Lang {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Lang {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

/// Why a string is not a [`Lang`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{tag:?} is not a BCP 47 language tag: {reason}")]
pub struct LangError {
    /// The string given.
    pub tag: String,
    /// What the tag parser objected to.
    pub reason: String,
}

impl Lang {
    /// Checks `tag` against BCP 47 and lowercases it.
    ///
    /// # Errors
    /// [`LangError`] when `tag` is not well-formed BCP 47.
    pub fn new(tag: impl Into<String>) -> Result<Self, LangError> {
        let mut tag = tag.into();
        tag.make_ascii_lowercase();
        if let Some(lang) = Self::common(&tag) {
            return Ok(lang);
        }
        match oxilangtag::LanguageTag::parse(tag.as_str()) {
            Ok(_) => Ok(Self(Tag::Other(tag.into_boxed_str()))),
            Err(e) => Err(LangError {
                reason: lowercase_first(&e.to_string()),
                tag,
            }),
        }
    }

    /// The common tag equal to `lowercase`, without allocating.
    fn common(lowercase: &str) -> Option<Self> {
        COMMON
            .iter()
            .position(|c| *c == lowercase)
            .and_then(|i| u8::try_from(i).ok())
            .map(|i| Self(Tag::Common(i)))
    }

    /// English, `en`.
    pub fn en() -> Self {
        Self(Tag::Common(0))
    }

    /// Chinese in simplified characters, `zh-hans`.
    pub fn zh_hans() -> Self {
        Self(Tag::Common(2))
    }

    /// The tag as a lowercase string slice.
    pub fn as_str(&self) -> &str {
        match &self.0 {
            Tag::Common(i) => COMMON[usize::from(*i)],
            Tag::Other(s) => s,
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl FromStr for Lang {
    type Err = LangError;
    fn from_str(s: &str) -> Result<Self, LangError> {
        Self::new(s)
    }
}

impl TryFrom<String> for Lang {
    type Error = LangError;
    fn try_from(s: String) -> Result<Self, LangError> {
        Self::new(s)
    }
}

impl From<Lang> for String {
    fn from(l: Lang) -> Self {
        l.as_str().to_owned()
    }
}

/// A name in one language.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Label {
    /// The language of the text.
    pub lang: Lang,
    /// The text, as written.
    pub text: String,
}

/// The names of a node: at most one preferred label per language, plus any
/// number of alternate labels (full official names, abbreviations, former
/// names).
///
/// Preferred labels iterate sorted by language tag; alternates in the order
/// they were added.
///
/// ```
/// use govgraph::{Labels, Lang};
/// let labels = Labels::en("General Office of the State Council")
///     .with_preferred(Lang::zh_hans(), "中华人民共和国国务院办公厅")
///     .with_alternate(Lang::en(), "General Office of the State Council of the People's Republic of China");
/// assert_eq!(labels.english(), Some("General Office of the State Council"));
/// assert_eq!(labels.preferred(&Lang::zh_hans()), Some("中华人民共和国国务院办公厅"));
/// assert_eq!(labels.alternates().count(), 1);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Labels {
    /// The preferred labels, sorted by language, one per language, then the
    /// alternates in the order added: one vector rather than two or a map,
    /// since most nodes have one or two labels and each collection costs
    /// its header and spare capacity.
    entries: Vec<Label>,
    /// How many of `entries` are preferred.
    preferred: usize,
}

impl Labels {
    /// No labels at all.
    pub fn new() -> Self {
        Self::default()
    }

    /// One preferred English label.
    pub fn en(text: impl Into<String>) -> Self {
        Self::new().with_preferred(Lang::en(), text)
    }

    /// Sets the preferred label for `lang`, replacing any earlier one.
    #[must_use]
    pub fn with_preferred(mut self, lang: Lang, text: impl Into<String>) -> Self {
        self.set_preferred(lang, text);
        self
    }

    /// Adds an alternate label.
    #[must_use]
    pub fn with_alternate(mut self, lang: Lang, text: impl Into<String>) -> Self {
        self.add_alternate(lang, text);
        self
    }

    /// Sets the preferred label for `lang` and returns the one it replaced.
    pub fn set_preferred(&mut self, lang: Lang, text: impl Into<String>) -> Option<String> {
        match self.entries[..self.preferred].binary_search_by(|l| l.lang.cmp(&lang)) {
            Ok(i) => Some(std::mem::replace(&mut self.entries[i].text, text.into())),
            Err(i) => {
                self.entries.insert(
                    i,
                    Label {
                        lang,
                        text: text.into(),
                    },
                );
                self.preferred += 1;
                None
            }
        }
    }

    /// Adds an alternate label, unless the same text in the same language is
    /// already an alternate.
    pub fn add_alternate(&mut self, lang: Lang, text: impl Into<String>) {
        let label = Label {
            lang,
            text: text.into(),
        };
        if !self.entries[self.preferred..].contains(&label) {
            self.entries.push(label);
        }
    }

    /// The preferred label in `lang`.
    pub fn preferred(&self, lang: &Lang) -> Option<&str> {
        self.preferred_str(lang.as_str())
    }

    fn preferred_str(&self, lang: &str) -> Option<&str> {
        let pref = &self.entries[..self.preferred];
        pref.binary_search_by(|l| l.lang.as_str().cmp(lang))
            .ok()
            .map(|i| pref[i].text.as_str())
    }

    /// The preferred English label.
    pub fn english(&self) -> Option<&str> {
        self.preferred_str("en")
    }

    /// Every preferred label as `(language, text)`, sorted by language tag.
    pub fn preferred_all(&self) -> impl ExactSizeIterator<Item = (&Lang, &str)> + '_ {
        self.entries[..self.preferred]
            .iter()
            .map(|l| (&l.lang, l.text.as_str()))
    }

    /// The alternate labels, in the order they were added.
    pub fn alternates(&self) -> impl ExactSizeIterator<Item = &Label> + '_ {
        self.entries[self.preferred..].iter()
    }

    /// Every text, preferred first (sorted by language), then alternates.
    pub fn texts(&self) -> impl Iterator<Item = &str> + '_ {
        self.entries.iter().map(|l| l.text.as_str())
    }

    /// A label to show a person: English if there is one, else the first
    /// preferred label, else the first alternate.
    pub fn display(&self) -> Option<&str> {
        self.english()
            .or_else(|| self.entries.first().map(|l| l.text.as_str()))
    }

    /// True when there is no label in any language.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Drops the alternates `drop` picks (the graph drops those that repeat
    /// a body's dated name).
    pub(crate) fn drop_alternates(&mut self, mut drop: impl FnMut(&Label) -> bool) {
        let mut i = self.preferred;
        while i < self.entries.len() {
            if drop(&self.entries[i]) {
                self.entries.remove(i);
            } else {
                i += 1;
            }
        }
    }

    /// Gives back spare capacity (the graph calls it on insertion).
    pub(crate) fn shrink_to_fit(&mut self) {
        self.entries.shrink_to_fit();
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Labels {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        struct Preferred<'a>(&'a [Label]);
        impl serde::Serialize for Preferred<'_> {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_map(self.0.iter().map(|l| (l.lang.as_str(), &l.text)))
            }
        }
        let (pref, alt) = self.entries.split_at(self.preferred);
        let mut st = s.serialize_struct("Labels", 2)?;
        if !pref.is_empty() {
            st.serialize_field("preferred", &Preferred(pref))?;
        }
        if !alt.is_empty() {
            st.serialize_field("alternates", alt)?;
        }
        st.end()
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for Labels {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Repr {
            #[serde(default, deserialize_with = "preferred_serde::deserialize")]
            preferred: Vec<(Lang, String)>,
            #[serde(default)]
            alternates: Vec<Label>,
        }
        let r = Repr::deserialize(d)?;
        let preferred = r.preferred.len();
        let mut entries: Vec<Label> = r
            .preferred
            .into_iter()
            .map(|(lang, text)| Label { lang, text })
            .collect();
        let mut labels = Labels {
            entries: Vec::with_capacity(preferred + r.alternates.len()),
            preferred,
        };
        labels.entries.append(&mut entries);
        for l in r.alternates {
            labels.add_alternate(l.lang, l.text);
        }
        Ok(labels)
    }
}

/// The preferred labels as a JSON object keyed by language, refusing a
/// language given twice (`"en"` and `"EN"` are the same language).
#[cfg(feature = "serde")]
mod preferred_serde {
    use std::fmt;

    use serde::Deserializer;
    use serde::de::{Error, MapAccess, Visitor};

    use super::Lang;

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Vec<(Lang, String)>, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Vec<(Lang, String)>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object of language tags to labels")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut out: Vec<(Lang, String)> = Vec::new();
                while let Some((lang, text)) = map.next_entry::<String, String>()? {
                    let lang = Lang::new(lang).map_err(A::Error::custom)?;
                    match out.binary_search_by(|(l, _)| l.cmp(&lang)) {
                        Ok(_) => {
                            return Err(A::Error::custom(format_args!(
                                "language {lang} has two preferred labels"
                            )));
                        }
                        Err(i) => out.insert(i, (lang, text)),
                    }
                }
                Ok(out)
            }
        }
        d.deserialize_map(V)
    }
}

/// `s` with its first character lowercased, for messages built from other
/// crates' capitalised text.
pub(crate) fn lowercase_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(first) => first.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

/// The key the label index and [`GovGraph::find_by_label`](crate::GovGraph::find_by_label)
/// compare names by: Unicode lowercase, so Latin (and any other cased
/// script) matches without regard to case while Chinese, which has no case,
/// matches exactly. Surrounding white space is ignored.
pub(crate) fn label_key(text: &str) -> String {
    // Character by character (no context-sensitive final sigma), so that
    // the graph can compare a label with a key without building a string;
    // ASCII, the common case, on its fast path.
    let text = text.trim();
    if text.is_ascii() {
        text.to_ascii_lowercase()
    } else {
        text.chars().flat_map(char::to_lowercase).collect()
    }
}

/// A text that hashes as its [`label_key`] would, without building the
/// key: the lowercase bytes go to the hasher through a small buffer, in
/// pieces that depend only on the key's bytes, so two texts with the same
/// key always hash alike. The label index hashes every label this way on
/// insertion and every query on look-up.
pub(crate) struct LabelKey<'a>(pub &'a str);

impl std::hash::Hash for LabelKey<'_> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        const PIECE: usize = 64;
        let mut buf = [0u8; PIECE];
        let mut n = 0;
        let text = self.0.trim();
        if text.is_ascii() {
            for piece in text.as_bytes().chunks(PIECE) {
                for (to, from) in buf.iter_mut().zip(piece) {
                    *to = from.to_ascii_lowercase();
                }
                state.write(&buf[..piece.len()]);
            }
        } else {
            // The same pieces as above for a key that is all ASCII (one
            // byte a character fills a piece exactly), and whole
            // characters in a piece otherwise.
            let mut utf8 = [0u8; 4];
            for c in text.chars().flat_map(char::to_lowercase) {
                let bytes = c.encode_utf8(&mut utf8).as_bytes();
                if n + bytes.len() > PIECE {
                    state.write(&buf[..n]);
                    n = 0;
                }
                buf[n..n + bytes.len()].copy_from_slice(bytes);
                n += bytes.len();
            }
            if n > 0 {
                state.write(&buf[..n]);
            }
        }
        state.write_u8(0xff);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_tags_and_others_compare_by_text() {
        assert_eq!(std::mem::size_of::<Lang>(), 16);
        let common = Lang::new("ZH-Hans").unwrap();
        assert!(matches!(common.0, Tag::Common(_)));
        let other = Lang::new("zh-Hans-CN").unwrap();
        assert!(matches!(other.0, Tag::Other(_)));
        assert_eq!(other.as_str(), "zh-hans-cn");
        assert!(common < other && Lang::en() < common);
        for c in COMMON {
            assert!(oxilangtag::LanguageTag::parse(c).is_ok(), "{c}");
            assert_eq!(Lang::new(c).unwrap().as_str(), c);
        }
    }

    #[test]
    fn lang_is_validated_and_lowercased() {
        assert_eq!(Lang::new("EN").unwrap(), Lang::en());
        assert_eq!(Lang::new("zh-Hans").unwrap(), Lang::zh_hans());
        let err = Lang::new("en_US").unwrap_err();
        assert!(
            err.to_string()
                .starts_with("\"en_us\" is not a BCP 47 language tag: "),
            "{err}"
        );
    }

    #[test]
    fn preferred_is_one_per_language() {
        let mut l = Labels::en("a");
        assert_eq!(l.set_preferred(Lang::en(), "b"), Some("a".to_owned()));
        assert_eq!(l.english(), Some("b"));
        l.add_alternate(Lang::en(), "c");
        l.add_alternate(Lang::en(), "c");
        assert_eq!(l.alternates().count(), 1);
        assert_eq!(l.texts().collect::<Vec<_>>(), ["b", "c"]);
    }

    #[test]
    fn display_falls_back() {
        let zh = Labels::new().with_preferred(Lang::zh_hans(), "国务院");
        assert_eq!(zh.display(), Some("国务院"));
        assert_eq!(Labels::new().display(), None);
    }

    #[test]
    fn a_label_key_hashes_alike_exactly_when_the_keys_are_equal() {
        use std::hash::BuildHasher;
        let state = std::hash::RandomState::new();
        let long = "The General Office of the State Council of the People's Republic of China";
        let texts = [
            "",
            " ",
            "State Council",
            " state council ",
            "STATE COUNCIL",
            "State  Council",
            "国务院办公厅",
            "\u{212A}elvin",
            "kelvin",
            "KELVIN",
            "Straße",
            "STRASSE",
            "İstanbul",
            "i\u{307}stanbul",
            "ΟΔΟΣ",
            "οδοσ",
            long,
            &long.to_uppercase(),
            &format!("\u{212A}{}", "A".repeat(70)),
            &format!("k{}", "a".repeat(70)),
            &format!("{}\u{212A}", "B".repeat(63)),
            &format!("{}k", "b".repeat(63)),
            &format!("Ä{}", "x".repeat(64)),
            &format!("ä{}", "X".repeat(64)),
        ];
        for a in texts {
            for b in texts {
                let same_key = label_key(a) == label_key(b);
                let same_hash = state.hash_one(LabelKey(a)) == state.hash_one(LabelKey(b));
                assert_eq!(same_key, same_hash, "{a:?} / {b:?}");
            }
        }
    }

    #[test]
    fn label_key_folds_latin_case_only() {
        assert_eq!(label_key(" State Council "), "state council");
        assert_eq!(label_key("国务院办公厅"), "国务院办公厅");
    }
}
