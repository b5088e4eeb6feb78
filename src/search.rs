//! Text search over every node's names: [`GovGraph::search`].

use std::fmt;

use crate::graph::GovGraph;
use crate::model::{Node, label_key};
use crate::traverse::NodeRef;

/// How a label matched the text searched for, best first: the order in
/// which [`GovGraph::search`] ranks its hits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum MatchKind {
    /// The whole label, ignoring case and surrounding white space.
    Exact,
    /// The label begins with the text.
    Prefix,
    /// The label contains the text elsewhere.
    Substring,
}

impl fmt::Display for MatchKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            MatchKind::Exact => "exact",
            MatchKind::Prefix => "prefix",
            MatchKind::Substring => "substring",
        })
    }
}

/// One node found by [`GovGraph::search`]: the node, its best-matching
/// label and how that label matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct SearchHit<'g> {
    /// The node.
    pub node: NodeRef<'g>,
    /// The label that matched best (the first of the node's labels, in
    /// [`Labels::texts`](crate::Labels::texts) order, among those that
    /// match best); a site's one-line address for a site.
    pub label: &'g str,
    /// How it matched.
    pub kind: MatchKind,
}

/// The hits of [`GovGraph::search`], best match first and, among equal
/// matches, in graph order (the order the nodes were inserted).
#[derive(Debug, Clone)]
pub struct SearchHits<'g> {
    /// Hits by [`MatchKind`], each in graph order; drained front to back.
    buckets: [std::vec::IntoIter<SearchHit<'g>>; 3],
}

impl<'g> Iterator for SearchHits<'g> {
    type Item = SearchHit<'g>;

    fn next(&mut self) -> Option<SearchHit<'g>> {
        self.buckets.iter_mut().find_map(Iterator::next)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = self.buckets.iter().map(ExactSizeIterator::len).sum();
        (n, Some(n))
    }
}

impl ExactSizeIterator for SearchHits<'_> {}

impl std::iter::FusedIterator for SearchHits<'_> {}

/// Writes `text`'s [`label_key`] into `buf`, without allocating once
/// `buf` has grown: ASCII by bytes, and the CJK ideographs (which have no
/// case, so `char::to_lowercase` gives them back unchanged) without a
/// look-up in the case tables, the common cases of Chinese government
/// names.
fn lower_into(buf: &mut String, text: &str) {
    let text = text.trim();
    buf.clear();
    if text.is_ascii() {
        buf.push_str(text);
        buf.make_ascii_lowercase();
        return;
    }
    for c in text.chars() {
        if c.is_ascii() {
            buf.push(c.to_ascii_lowercase());
        } else if ('\u{3400}'..='\u{9fff}').contains(&c) {
            buf.push(c);
        } else {
            buf.extend(c.to_lowercase());
        }
    }
}

/// The text searched for, lowercased once, and a buffer each name is
/// lowercased into (one allocation for the whole search, not one a name).
struct Needle {
    key: String,
    buf: String,
}

impl Needle {
    fn new(text: &str) -> Self {
        Self {
            key: label_key(text),
            buf: String::new(),
        }
    }

    /// How `text` matches, if it does.
    fn rank(&mut self, text: &str) -> Option<MatchKind> {
        lower_into(&mut self.buf, text);
        let t = self.buf.as_str();
        if t.len() < self.key.len() {
            None
        } else if t == self.key {
            Some(MatchKind::Exact)
        } else if t.starts_with(self.key.as_str()) {
            Some(MatchKind::Prefix)
        } else if t.contains(self.key.as_str()) {
            Some(MatchKind::Substring)
        } else {
            None
        }
    }

    /// The best match among a node's names, and the name that gave it.
    fn best<'a>(&mut self, texts: impl Iterator<Item = &'a str>) -> Option<(MatchKind, &'a str)> {
        let mut best: Option<(MatchKind, &'a str)> = None;
        for t in texts {
            if let Some(kind) = self.rank(t) {
                if best.is_none_or(|(b, _)| kind < b) {
                    best = Some((kind, t));
                    if kind == MatchKind::Exact {
                        break;
                    }
                }
            }
        }
        best
    }
}

impl GovGraph {
    /// The nodes whose names contain `text`, best match first: a whole
    /// label ([`MatchKind::Exact`]), then labels that begin with it
    /// ([`MatchKind::Prefix`]), then labels that contain it elsewhere
    /// ([`MatchKind::Substring`]); among equal matches, in graph order.
    ///
    /// Every name is searched: preferred and alternate labels in every
    /// language for every kind that has labels, a body's dated (former)
    /// names, and a site's one-line address. Tenures have no names of their own; find them through
    /// their person or post. Matching ignores case (Unicode lowercase, as
    /// [`find_by_label`](Self::find_by_label)) and white space around the
    /// text and the labels; Chinese, which has no case, matches as
    /// written. Text that is empty or only white space matches nothing.
    /// Each node is listed once, with its best-matching label.
    ///
    /// Cost: one pass over every node's names when called, O(nodes +
    /// total length of the names) (each name is lowercased into one reused
    /// buffer and searched with the standard library's substring search),
    /// and memory for the hits; then O(1) per hit. For whole-label look-ups without the pass, use
    /// [`find_by_label`](Self::find_by_label) (O(1) expected).
    ///
    /// ```
    /// use govgraph::{MatchKind, NodeKind};
    ///
    /// let g = govgraph::datasets::general_office();
    /// let hits: Vec<_> = g.search("OFFICE").collect();
    /// assert_eq!(hits[0].label, "Office of the Premier of China");
    /// assert_eq!(hits[0].kind, MatchKind::Prefix);
    /// assert_eq!(hits[1].label, "General Office of the State Council");
    /// assert_eq!(hits[1].kind, MatchKind::Substring);
    /// assert_eq!(hits.len(), 5);
    ///
    /// let exact = g.search("general offices").next().ok_or("no hit")?;
    /// assert_eq!((exact.node.slug().as_str(), exact.kind), ("general-offices", MatchKind::Exact));
    ///
    /// // Sites are found by their address, Chinese names as written.
    /// let site = g.search("fuyou street").find(|h| h.node.kind() == NodeKind::Site);
    /// assert!(site.is_some());
    /// let zh = g.search("国务院办公厅").next().ok_or("no hit")?;
    /// assert_eq!(zh.node.slug().as_str(), "general-office-of-the-state-council");
    /// assert_eq!(zh.kind, MatchKind::Substring);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn search(&self, text: &str) -> SearchHits<'_> {
        let mut buckets: [Vec<SearchHit<'_>>; 3] = [Vec::new(), Vec::new(), Vec::new()];
        let mut needle = Needle::new(text);
        if !needle.key.is_empty() {
            for node in self.node_refs() {
                let best = match node.node() {
                    Node::Site(s) => needle.best(std::iter::once(s.label.as_str())),
                    Node::Organization(o) => needle.best(
                        o.labels
                            .texts()
                            .chain(o.details().names.iter().map(|n| n.label.as_str())),
                    ),
                    other => other.labels().and_then(|l| needle.best(l.texts())),
                };
                if let Some((kind, label)) = best {
                    let bucket = match kind {
                        MatchKind::Exact => 0,
                        MatchKind::Prefix => 1,
                        MatchKind::Substring => 2,
                    };
                    buckets[bucket].push(SearchHit { node, label, kind });
                }
            }
        }
        SearchHits {
            buckets: buckets.map(Vec::into_iter),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rank(needle: &str, text: &str) -> Option<MatchKind> {
        Needle::new(needle).rank(text)
    }

    #[test]
    fn finds_a_body_by_a_former_name_and_a_site_by_its_address() {
        use crate::model::{DatedName, Lang, OrgKind, Organization, Site, Slug};
        let mut g = GovGraph::new();
        let mut body = Organization::new(Slug::new("office").unwrap(), OrgKind::Agency, "Office");
        body.details_mut()
            .names
            .push(DatedName::new("Old Secretariat", Lang::en()));
        let id = g.insert_org(body).unwrap();
        g.add_headquarters(id, Site::new(Slug::new("hq").unwrap(), "1 Old Road"))
            .unwrap();
        let hits: Vec<(String, &str, MatchKind)> = g
            .search("old")
            .map(|h| (h.node.to_string(), h.label, h.kind))
            .collect();
        assert_eq!(
            hits,
            [
                (
                    "org/office".to_owned(),
                    "Old Secretariat",
                    MatchKind::Prefix
                ),
                ("site/hq".to_owned(), "1 Old Road", MatchKind::Substring),
            ]
        );
    }

    #[test]
    fn lowercases_as_the_label_index_does() {
        let mut buf = String::new();
        for text in [
            "  State Council ",
            "中华人民共和国国务院办公厅",
            "Conseil d'ÉTAT",
            "ΟΔΟΣ",
            "\u{212a}elvin İstanbul ǅ",
            "䷀ 㐀 鿿 Ⅻ ⓐ",
            "",
        ] {
            lower_into(&mut buf, text);
            assert_eq!(buf, label_key(text), "{text:?}");
        }
        // The ranges skipped are caseless.
        for c in '\u{3400}'..='\u{9fff}' {
            assert!(c.to_lowercase().eq([c]), "{c:?}");
        }
    }

    #[test]
    fn ranks_exact_prefix_and_substring_in_any_case_and_script() {
        assert_eq!(
            rank("state council", " State Council "),
            Some(MatchKind::Exact)
        );
        assert_eq!(rank("STATE", "State Council"), Some(MatchKind::Prefix));
        assert_eq!(rank("council", "State Council"), Some(MatchKind::Substring));
        assert_eq!(rank("councils", "State Council"), None);
        assert_eq!(rank("国务院", "国务院"), Some(MatchKind::Exact));
        assert_eq!(rank("国务院", "国务院办公厅"), Some(MatchKind::Prefix));
        assert_eq!(rank("办公厅", "国务院办公厅"), Some(MatchKind::Substring));
        assert_eq!(rank("ÉTAT", "Conseil d'état"), Some(MatchKind::Substring));
        assert_eq!(
            rank("conseil d'État", "Conseil d'état"),
            Some(MatchKind::Exact)
        );
        assert_eq!(rank("Straße", "STRASSE"), None);
    }
}
