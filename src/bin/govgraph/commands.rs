//! The subcommands, each reading a graph and printing to stdout.
//!
//! Long (over 800 lines) because each subcommand's printing is short and
//! they share the same name and key helpers; a file per command would
//! repeat those.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::{self, Write};

use govgraph::ingest::Ingester;
use govgraph::{
    GovGraph, Labels, Node, NodeKind, NodeRef, On, OrgRef, PartialDate, PostRef, Relation,
};

use crate::load::{self, GraphFormat, Report};
use crate::output::{Options, Target, write_failure};
use crate::{Outcome, input};

/// Writes `text` to stdout; a closed pipe ends the command quietly.
pub(crate) fn print(text: &str) -> Outcome {
    let mut out = io::stdout().lock();
    out.write_all(text.as_bytes())
        .and_then(|()| out.flush())
        .map_err(|e| write_failure("<stdout>", &e))
}

/// `kind/slug`.
pub(crate) fn key(n: NodeRef<'_>) -> String {
    n.to_string()
}

/// `Name (kind/slug)`.
fn named(n: NodeRef<'_>) -> String {
    format!("{} ({})", name_of(n), key(n))
}

/// A node's name for a reader: a tenure by its person and post, any other
/// node by its display name.
fn name_of(n: NodeRef<'_>) -> std::borrow::Cow<'_, str> {
    match n {
        NodeRef::Tenure(t) => t.label().into(),
        other => other.display_name().into(),
    }
}

/// Finds the node `name` names: a `kind/slug` key, else a slug of any
/// kind, else a label in any language. Several matches are an error that
/// lists them.
pub(crate) fn resolve<'g>(g: &'g GovGraph, name: &str) -> Outcome<NodeRef<'g>> {
    let name = name.trim();
    if let Some((segment, slug)) = name.split_once('/') {
        if let Some(kind) = NodeKind::from_segment(segment) {
            return g
                .id_by_slug(kind, slug)
                .and_then(|id| g.node(id))
                .ok_or_else(|| input(format!("no {kind} with the slug `{slug}` in the graph")));
        }
    }
    let by_slug: Vec<NodeRef<'_>> = g.find_slug(name).collect();
    let found = if by_slug.is_empty() {
        g.find_by_label(name).collect()
    } else {
        by_slug
    };
    match found.as_slice() {
        [one] => Ok(*one),
        [] => Err(input(format!(
            "nothing in the graph is named `{name}` (try `govgraph search`)"
        ))),
        many => {
            let list: Vec<String> = many.iter().map(|n| named(*n)).collect();
            Err(input(format!(
                "`{name}` is ambiguous: it names {}; give one as kind/slug",
                list.join(", ")
            )))
        }
    }
}

pub(crate) fn resolve_org<'g>(g: &'g GovGraph, name: &str) -> Outcome<OrgRef<'g>> {
    let node = resolve(g, name)?;
    node.as_org().ok_or_else(|| {
        input(format!(
            "`{name}` is a {} ({}), not an organization",
            node.kind(),
            key(node)
        ))
    })
}

// ---- show ----

/// The node `name` names, in the view on `on` when given (an error when
/// it did not exist then).
fn resolve_on<'g>(g: &'g GovGraph, name: &str, on: Option<PartialDate>) -> Outcome<NodeRef<'g>> {
    let node = resolve(g, name)?;
    match on {
        None => Ok(node),
        Some(day) => g
            .as_of(day)
            .node(node.id())
            .ok_or_else(|| crate::time::not_then(node, day)),
    }
}

pub(crate) fn show(g: &GovGraph, name: &str, json: bool, on: Option<PartialDate>) -> Outcome {
    let node = resolve_on(g, name, on)?;
    let on = on.map(On::date);
    if json {
        return show_json(g, node, on);
    }
    let mut s = String::new();
    if let Some(on) = on {
        let _ = writeln!(s, "(as it was {on})");
    }
    card(&mut s, g, node, on).map_err(|e| input(e.to_string()))?;
    print(&s)
}

/// Every link touching `node`: `(relation, outgoing, other end)`, in the
/// order the links were made; with `on`, only those in force then whose
/// other end existed then.
fn links_of<'g>(
    g: &'g GovGraph,
    node: NodeRef<'g>,
    on: Option<On>,
) -> Vec<(Relation, bool, NodeRef<'g>)> {
    let id = node.id();
    g.links_during()
        .filter_map(|(a, r, b, during)| {
            let (outgoing, other) = if a == id {
                (true, b)
            } else if b == id {
                (false, a)
            } else {
                return None;
            };
            if let Some(on) = on {
                if !crate::time::link_in_force(g, during, other, on) {
                    return None;
                }
            }
            Some((r, outgoing, g.node(other)?))
        })
        .collect()
}

fn show_json(g: &GovGraph, node: NodeRef<'_>, on: Option<On>) -> Outcome {
    let links: Vec<serde_json::Value> = links_of(g, node, on)
        .into_iter()
        .map(|(r, out, other)| {
            serde_json::json!({
                "direction": if out { "out" } else { "in" },
                "relation": r.name(),
                "node": key(other),
                "name": other.display_name(),
            })
        })
        .collect();
    let doc = serde_json::json!({
        "key": key(node),
        "name": node.display_name(),
        "node": node.node(),
        "links": links,
    });
    let mut text = serde_json::to_string_pretty(&doc).map_err(|e| input(e.to_string()))?;
    text.push('\n');
    print(&text)
}

fn names(s: &mut String, labels: &Labels) -> std::fmt::Result {
    if labels.is_empty() {
        return Ok(());
    }
    writeln!(s, "\nNames")?;
    for (lang, text) in labels.preferred_all() {
        writeln!(s, "  {:<9} {text}", lang.as_str())?;
    }
    for alt in labels.alternates() {
        writeln!(s, "  {:<9} {} (also)", alt.lang.as_str(), alt.text)?;
    }
    Ok(())
}

fn card(s: &mut String, g: &GovGraph, node: NodeRef<'_>, on: Option<On>) -> std::fmt::Result {
    let title = name_of(node);
    writeln!(s, "{title}")?;
    writeln!(s, "{}", "=".repeat(title.chars().count().clamp(1, 80)))?;
    let sort = match node.node() {
        Node::Organization(o) => o.kind.name().replace('_', " "),
        other => other.kind().name().to_owned(),
    };
    writeln!(s, "{} · {sort}", key(node))?;
    let data = node.node();
    if let Some(labels) = data.labels() {
        names(s, labels)?;
    }
    let description = match data {
        Node::Organization(o) => o.details().description.as_deref(),
        Node::Post(p) => p.description.as_deref(),
        Node::Category(c) => c.description.as_deref(),
        _ => None,
    };
    if let Some(d) = description {
        writeln!(s, "\n{d}")?;
    }
    match node {
        NodeRef::Organization(org) => org_card(s, org),
        NodeRef::Post(post) => post_card(s, post),
        other => links_card(s, g, other, on),
    }?;
    let sources = data.sources();
    if !sources.is_empty() {
        writeln!(s, "\nSources")?;
        for src in sources {
            writeln!(s, "  {}", src.as_str())?;
        }
    }
    Ok(())
}

fn holders_line(post: PostRef<'_>) -> String {
    let names: Vec<String> = post
        .tenures()
        .filter_map(|t| {
            let who = t.person()?.display_name();
            Some(match (t.start, t.end) {
                (Some(a), Some(b)) => format!("{who} ({a} – {b})"),
                (Some(a), None) => format!("{who} (since {a})"),
                (None, Some(b)) => format!("{who} (until {b})"),
                (None, None) => who.to_owned(),
            })
        })
        .collect();
    if names.is_empty() && post.at().is_some() {
        "vacant".to_owned()
    } else if names.is_empty() {
        "none recorded".to_owned()
    } else {
        names.join(", ")
    }
}

fn org_card(s: &mut String, org: OrgRef<'_>) -> std::fmt::Result {
    writeln!(s)?;
    if let Some(d) = org.founded {
        writeln!(s, "Founded       {d}")?;
    }
    if let Some(d) = org.details().dissolved {
        writeln!(s, "Dissolved     {d}")?;
    }
    match org.parent() {
        Some(p) => writeln!(s, "Parent        {}", named(p.as_node()))?,
        None => writeln!(s, "Parent        none (a root of the hierarchy)")?,
    }
    for j in org.jurisdictions() {
        writeln!(s, "Jurisdiction  {}", named(j.as_node()))?;
    }
    if let Some(site) = org.headquarters() {
        writeln!(s, "Headquarters  {}", site.label)?;
    }
    for w in org.official_websites() {
        writeln!(s, "Website       {}", w.url())?;
    }
    for c in org.categories() {
        writeln!(s, "Classified    {}", c.display_name())?;
    }
    if let Some(n) = &org.details().employees {
        writeln!(s, "Employees     {n}")?;
    }
    if let Some(b) = &org.details().budget {
        writeln!(s, "Budget        {b}")?;
    }
    let posts: Vec<PostRef<'_>> = org.posts().collect();
    if !posts.is_empty() {
        writeln!(s, "\nPosts and holders")?;
        for p in posts {
            let head = if p.heads { " (head)" } else { "" };
            writeln!(s, "  {}{head}", p.display_name())?;
            writeln!(s, "    held by {}", holders_line(p))?;
        }
    }
    let subs: Vec<OrgRef<'_>> = org.sub_organizations().collect();
    if !subs.is_empty() {
        writeln!(s, "\nSub-organizations")?;
        for o in subs {
            writeln!(s, "  {}", named(o.as_node()))?;
        }
    }
    let functions: Vec<_> = org.functions().collect();
    if !functions.is_empty() {
        writeln!(s, "\nFunctions")?;
        for f in functions {
            writeln!(s, "  {:>2}. {}", f.position, f.display_name())?;
        }
    }
    let related: Vec<NodeRef<'_>> = org.related().collect();
    if !related.is_empty() {
        writeln!(s, "\nRelated")?;
        for r in related {
            writeln!(s, "  {}", named(r))?;
        }
    }
    Ok(())
}

fn post_card(s: &mut String, post: PostRef<'_>) -> std::fmt::Result {
    writeln!(s)?;
    match post.organization() {
        Some(o) => writeln!(s, "In            {}", named(o.as_node()))?,
        None => writeln!(s, "In            no organization recorded")?,
    }
    if post.heads {
        writeln!(s, "Heads it      yes")?;
    }
    if let Some(r) = post.rank() {
        writeln!(s, "Rank          {}", r.display_name())?;
    }
    writeln!(s, "Held by       {}", holders_line(post))?;
    let related: Vec<NodeRef<'_>> = post.related().collect();
    if !related.is_empty() {
        writeln!(s, "\nRelated")?;
        for r in related {
            writeln!(s, "  {}", named(r))?;
        }
    }
    Ok(())
}

fn links_card(s: &mut String, g: &GovGraph, node: NodeRef<'_>, on: Option<On>) -> std::fmt::Result {
    if let NodeRef::Person(p) = node {
        let posts: Vec<_> = p.tenures().collect();
        if !posts.is_empty() {
            writeln!(s, "\nPosts")?;
            for t in posts {
                let Some(post) = t.post() else { continue };
                let org = post
                    .organization()
                    .map(|o| format!(", {}", o.display_name()))
                    .unwrap_or_default();
                let when = match (t.start, t.end) {
                    (Some(a), Some(b)) => format!(" ({a} – {b})"),
                    (Some(a), None) => format!(" (since {a})"),
                    (None, Some(b)) => format!(" (until {b})"),
                    (None, None) => String::new(),
                };
                writeln!(s, "  {}{org}{when}", post.display_name())?;
            }
        }
    }
    if let NodeRef::Site(site) = node {
        writeln!(s, "\nAddress       {}", site.label)?;
    }
    let links = links_of(g, node, on);
    if !links.is_empty() {
        writeln!(s, "\nLinks")?;
        for (r, out, other) in links {
            if out {
                writeln!(s, "  -{r}-> {}", named(other))?;
            } else {
                writeln!(s, "  <-{r}- {}", named(other))?;
            }
        }
    }
    Ok(())
}

// ---- tree ----

enum Item<'g> {
    Post(PostRef<'g>),
    Org(OrgRef<'g>),
}

fn items<'g>(org: OrgRef<'g>, posts: bool) -> Vec<Item<'g>> {
    let mut v: Vec<Item<'g>> = Vec::new();
    if posts {
        v.extend(org.posts().map(Item::Post));
    }
    v.extend(org.sub_organizations().map(Item::Org));
    v
}

fn org_line(org: OrgRef<'_>) -> String {
    format!(
        "{} [{}]",
        org.display_name(),
        org.kind.name().replace('_', " ")
    )
}

/// Prints the hierarchy below `root`, iteratively (a chain of any depth
/// prints without recursion).
fn write_tree(s: &mut String, root: OrgRef<'_>, ascii: bool, posts: bool) {
    let (tee, elbow, pipe, blank) = if ascii {
        ("|-- ", "`-- ", "|   ", "    ")
    } else {
        ("├── ", "└── ", "│   ", "    ")
    };
    s.push_str(&org_line(root));
    s.push('\n');
    // Each frame: the items under one body, the next to print, and the
    // prefix's length before this frame's part of it.
    let mut stack: Vec<(Vec<Item<'_>>, usize, usize)> = vec![(items(root, posts), 0, 0)];
    let mut prefix = String::new();
    while let Some((list, next, before)) = stack.last_mut() {
        let Some(item) = list.get(*next) else {
            prefix.truncate(*before);
            stack.pop();
            continue;
        };
        *next += 1;
        let last = *next == list.len();
        let branch = if last { elbow } else { tee };
        match item {
            Item::Post(p) => {
                let head = if p.heads { " (head)" } else { "" };
                let _ = writeln!(
                    s,
                    "{prefix}{branch}{}{head}: {}",
                    p.display_name(),
                    holders_line(*p)
                );
            }
            Item::Org(o) => {
                let o = *o;
                let _ = writeln!(s, "{prefix}{branch}{}", org_line(o));
                let before = prefix.len();
                prefix.push_str(if last { blank } else { pipe });
                stack.push((items(o, posts), 0, before));
            }
        }
    }
}

pub(crate) fn tree(
    g: &GovGraph,
    name: Option<&str>,
    ascii: bool,
    posts: bool,
    on: Option<PartialDate>,
) -> Outcome {
    let mut s = String::new();
    if let Some(n) = name {
        let org = resolve_org(g, n)?;
        let org = match on {
            None => org,
            Some(day) => g
                .as_of(day)
                .org(org.id())
                .ok_or_else(|| crate::time::not_then(org.as_node(), day))?,
        };
        write_tree(&mut s, org, ascii, posts);
    } else {
        let roots: Vec<OrgRef<'_>> = match on {
            None => g.root_orgs().collect(),
            Some(day) => g.as_of(day).root_orgs().collect(),
        };
        for (i, root) in roots.into_iter().enumerate() {
            if i > 0 {
                s.push('\n');
            }
            write_tree(&mut s, root, ascii, posts);
        }
        if s.is_empty() {
            return Err(input(match on {
                None => "the graph has no organization".to_owned(),
                Some(day) => format!("no organization existed on {day}"),
            }));
        }
    }
    print(&s)
}

// ---- path ----

pub(crate) fn path(
    g: &GovGraph,
    from: &str,
    to: &str,
    on: Option<PartialDate>,
    keys: bool,
) -> Outcome {
    let start = resolve_on(g, from, on)?;
    let end = resolve_on(g, to, on)?;
    let chain = match on {
        None => g.path(start.id(), end.id()),
        Some(day) => g.as_of(day).path(start.id(), end.id()),
    };
    let chain = chain.ok_or_else(|| {
        let when = on.map(|d| format!(" on {d}")).unwrap_or_default();
        input(format!(
            "no path links {} and {}{when}",
            key(start),
            key(end)
        ))
    })?;
    let mut s = String::new();
    if chain.is_empty() {
        let _ = writeln!(s, "{} (the same node)", key(start));
    } else if keys {
        for step in chain.steps() {
            let _ = writeln!(s, "{step}");
        }
    } else {
        let _ = writeln!(s, "{chain}");
    }
    print(&s)
}

// ---- search ----

pub(crate) fn search(g: &GovGraph, text: &str, kind: Option<&str>) -> Outcome {
    let kind = match kind {
        None => None,
        Some(k) => Some(
            NodeKind::from_segment(k)
                .or_else(|| NodeKind::ALL.into_iter().find(|x| x.name() == k))
                .ok_or_else(|| {
                    crate::usage(format!(
                        "unknown kind `{k}`: give one of {}",
                        NodeKind::ALL.map(NodeKind::segment).join(", ")
                    ))
                })?,
        ),
    };
    if text.trim().is_empty() {
        return Err(crate::usage("give some text to search for"));
    }
    let mut s = String::new();
    let mut other_kinds = 0_usize;
    for hit in g.search(text) {
        let node = hit.node;
        if kind.is_some_and(|k| k != node.kind()) {
            other_kinds += 1;
            continue;
        }
        let name = node.display_name();
        if hit.label == name {
            let _ = writeln!(s, "{}\t{name}", key(node));
        } else {
            let _ = writeln!(s, "{}\t{name}\t({})", key(node), hit.label);
        }
    }
    if s.is_empty() {
        let text = text.trim();
        return Err(input(match kind {
            Some(k) if other_kinds > 0 => format!(
                "no {k} has a label containing `{text}`; {other_kinds} node{} of other kinds {} \
                 (leave out --kind to see {})",
                if other_kinds == 1 { "" } else { "s" },
                if other_kinds == 1 { "does" } else { "do" },
                if other_kinds == 1 { "it" } else { "them" },
            ),
            Some(k) => format!("no {k} has a label containing `{text}`"),
            None => format!("no label contains `{text}`"),
        }));
    }
    print(&s)
}

// ---- stats ----

pub(crate) fn stats(g: &GovGraph, json: bool) -> Outcome {
    let mut by_kind: BTreeMap<&str, usize> = BTreeMap::new();
    let mut org_kinds: BTreeMap<String, usize> = BTreeMap::new();
    for (_, n) in g.nodes() {
        *by_kind.entry(n.kind().name()).or_default() += 1;
        if let Node::Organization(o) = n {
            *org_kinds
                .entry(o.kind.name().replace('_', " "))
                .or_default() += 1;
        }
    }
    let mut by_relation: BTreeMap<&str, usize> = BTreeMap::new();
    for (_, r, _) in g.links() {
        *by_relation.entry(r.name()).or_default() += 1;
    }
    let roots: Vec<OrgRef<'_>> = g.root_orgs().collect();
    // Depth in links below a root; descendants() walks iteratively.
    let depth = roots
        .iter()
        .flat_map(|r| r.descendants().map(|(_, d)| d))
        .max()
        .unwrap_or(0);
    if json {
        let doc = serde_json::json!({
            "nodes": g.node_count(),
            "links": g.link_count(),
            "nodes_by_kind": by_kind,
            "organizations_by_kind": org_kinds,
            "links_by_relation": by_relation,
            "hierarchy": { "roots": roots.len(), "depth": depth },
        });
        let mut text = serde_json::to_string_pretty(&doc).map_err(|e| input(e.to_string()))?;
        text.push('\n');
        return print(&text);
    }
    let mut s = String::new();
    let _ = writeln!(s, "nodes: {}", g.node_count());
    for (k, n) in &by_kind {
        let _ = writeln!(s, "  {k:<22} {n:>6}");
    }
    let _ = writeln!(s, "organizations by kind:");
    for (k, n) in &org_kinds {
        let _ = writeln!(s, "  {k:<22} {n:>6}");
    }
    let _ = writeln!(s, "links: {}", g.link_count());
    for (r, n) in &by_relation {
        let _ = writeln!(s, "  {r:<22} {n:>6}");
    }
    let _ = match (roots.len(), depth) {
        (0, _) => writeln!(s, "hierarchy: no organization"),
        (n, 0) => writeln!(
            s,
            "hierarchy: {n} root{}; no body has a sub-organization",
            if n == 1 { "" } else { "s" }
        ),
        (n, d) => writeln!(
            s,
            "hierarchy: {n} root{}; the deepest body is {d} level{} below its root",
            if n == 1 { "" } else { "s" },
            if d == 1 { "" } else { "s" }
        ),
    };
    print(&s)
}

// ---- ingest, import, validate ----

pub(crate) fn ingest(paths: &[String], aliases: &[String], target: &Target) -> Outcome {
    let mut ingester = Ingester::new();
    for a in aliases {
        let (name, canonical) = a
            .split_once('=')
            .ok_or_else(|| crate::usage(format!("--alias takes NAME=CANONICAL, not `{a}`")))?;
        ingester = ingester.with_alias(name.trim(), canonical.trim());
    }
    if paths.iter().filter(|p| *p == "-").count() > 1 {
        return Err(crate::usage("standard input (`-`) can be read only once"));
    }
    for p in paths {
        load::ingest_into(&mut ingester, p)?;
    }
    let govgraph::ingest::Ingested { graph, report, .. } = ingester.finish();
    // The report goes to stderr; a closed stderr does not stop the output.
    let _ = write!(io::stderr().lock(), "{report}");
    target.write(
        &graph,
        &Options {
            posts: true,
            ..Options::default()
        },
    )
}

fn summary(loaded: &load::Loaded) -> String {
    let g = &loaded.graph;
    format!(
        "{} nodes, {} links ({})",
        g.node_count(),
        g.link_count(),
        match loaded.format {
            GraphFormat::Json => "govgraph JSON",
            GraphFormat::Turtle => "Turtle",
            GraphFormat::Ntriples => "N-Triples",
            GraphFormat::Nquads => "N-Quads",
            GraphFormat::Trig => "TriG",
            GraphFormat::Rdfxml => "RDF/XML",
            GraphFormat::Jsonld => "JSON-LD",
            GraphFormat::Article => "articles",
            GraphFormat::Popolo => "Popolo JSON",
        }
    )
}

pub(crate) fn import(file: &str, format: Option<GraphFormat>, base: Option<&str>) -> Outcome {
    let loaded = load::file(file, format, base)?;
    let mut s = format!("{}: {}\n", load::shown(file), summary(&loaded));
    match &loaded.report {
        Report::Json => {}
        Report::Rdf(r) => s.push_str(&r.to_string()),
        Report::Ingest(r) => s.push_str(&r.to_string()),
    }
    print(&s)
}

pub(crate) fn validate(file: &str, format: Option<GraphFormat>, base: Option<&str>) -> Outcome {
    let loaded = load::file(file, format, base)?;
    let notes = match &loaded.report {
        Report::Json => 0,
        Report::Rdf(r) => r.notes().len(),
        Report::Ingest(r) => r.warnings().len() + r.conflicts().len(),
    };
    let tail = match notes {
        0 => String::new(),
        1 => "; 1 note (see `govgraph import`)".to_owned(),
        n => format!("; {n} notes (see `govgraph import`)"),
    };
    print(&format!(
        "{}: valid: {}{tail}\n",
        load::shown(file),
        summary(&loaded)
    ))
}

// ---- query ----

/// How `query` prints SELECT results.
#[cfg(feature = "sparql")]
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum QueryFormat {
    /// An aligned table.
    Table,
    /// SPARQL 1.1 CSV results.
    Csv,
    /// SPARQL 1.1 JSON results.
    Json,
}

#[cfg(feature = "sparql")]
pub(crate) fn query(g: &GovGraph, text: &str, format: QueryFormat) -> Outcome {
    use govgraph::Value;
    use govgraph::sparql::{Answer, SparqlStore};
    use std::io::Read;

    let text = if text == "-" {
        let mut q = String::new();
        io::stdin()
            .read_to_string(&mut q)
            .map_err(|e| input(format!("<stdin>: cannot read: {}", load::io_message(&e))))?;
        q
    } else {
        text.to_owned()
    };
    let store = SparqlStore::load(g).map_err(|e| input(e.to_string()))?;
    let answer = store
        .query(&text)
        .map_err(|e| input(one_line(&e.to_string())))?;
    let plain = |v: &Value| match v {
        Value::Iri(s) | Value::Blank(s) | Value::Literal { value: s, .. } => s.clone(),
        _ => v.to_string(),
    };
    let mut s = String::new();
    match answer {
        Answer::Boolean(b) => match format {
            QueryFormat::Json => {
                let _ = writeln!(s, "{}", serde_json::json!({ "head": {}, "boolean": b }));
            }
            _ => {
                let _ = writeln!(s, "{b}");
            }
        },
        Answer::Triples(triples) => {
            for t in triples {
                let _ = writeln!(s, "{t} .");
            }
        }
        Answer::Rows(rows) => {
            let vars = rows.variables();
            let cells: Vec<Vec<String>> = rows
                .iter()
                .map(|r| {
                    vars.iter()
                        .map(|v| r.get(v).map(plain).unwrap_or_default())
                        .collect()
                })
                .collect();
            match format {
                QueryFormat::Table => table(&mut s, vars, &cells),
                QueryFormat::Csv => {
                    let _ = write!(s, "{}\r\n", csv_row(vars));
                    for row in &cells {
                        let _ = write!(s, "{}\r\n", csv_row(row));
                    }
                }
                QueryFormat::Json => {
                    let bindings: Vec<serde_json::Value> = rows
                        .iter()
                        .map(|r| {
                            let mut m = serde_json::Map::new();
                            for (k, v) in r.iter() {
                                m.insert(k.to_owned(), json_term(v));
                            }
                            serde_json::Value::Object(m)
                        })
                        .collect();
                    let doc = serde_json::json!({
                        "head": { "vars": vars },
                        "results": { "bindings": bindings },
                    });
                    let _ = writeln!(s, "{doc}");
                }
            }
        }
        _ => return Err(input("the query gave an answer of an unknown form")),
    }
    print(&s)
}

#[cfg(feature = "sparql")]
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(feature = "sparql")]
fn json_term(v: &govgraph::Value) -> serde_json::Value {
    use govgraph::Value;
    match v {
        Value::Iri(s) => serde_json::json!({ "type": "uri", "value": s }),
        Value::Blank(s) => serde_json::json!({ "type": "bnode", "value": s }),
        Value::Literal {
            value,
            datatype,
            language,
        } => match language {
            Some(l) => serde_json::json!({ "type": "literal", "value": value, "xml:lang": l }),
            None => serde_json::json!({ "type": "literal", "value": value, "datatype": datatype }),
        },
        other => serde_json::json!({ "type": "literal", "value": other.to_string() }),
    }
}

#[cfg(feature = "sparql")]
fn csv_row(cells: &[String]) -> String {
    cells
        .iter()
        .map(|c| {
            if c.contains([',', '"', '\n', '\r']) {
                format!("\"{}\"", c.replace('"', "\"\""))
            } else {
                c.clone()
            }
        })
        .collect::<Vec<_>>()
        .join(",")
}

#[cfg(feature = "sparql")]
fn table(s: &mut String, vars: &[String], cells: &[Vec<String>]) {
    let width = |t: &str| t.chars().count();
    let mut widths: Vec<usize> = vars.iter().map(|v| width(v) + 1).collect();
    for row in cells {
        for (w, c) in widths.iter_mut().zip(row) {
            *w = (*w).max(width(c));
        }
    }
    let line = |s: &mut String, row: &[String]| {
        let parts: Vec<String> = row
            .iter()
            .zip(&widths)
            .map(|(c, w)| format!("{c}{}", " ".repeat(w - width(c))))
            .collect();
        let _ = writeln!(s, "{}", parts.join("  ").trim_end());
    };
    let header: Vec<String> = vars.iter().map(|v| format!("?{v}")).collect();
    line(s, &header);
    let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
    line(s, &rule);
    for row in cells {
        line(s, row);
    }
    let n = cells.len();
    let _ = writeln!(s, "({n} row{})", if n == 1 { "" } else { "s" });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_deep_chain_prints_as_a_tree_without_recursion() {
        use govgraph::{OrgKind, Organization, Slug};
        let mut g = GovGraph::new();
        let mut parent = g
            .insert_org(Organization::new(
                Slug::new("o0").unwrap(),
                OrgKind::Agency,
                "O0",
            ))
            .unwrap();
        let root = parent;
        for i in 1..2_000 {
            parent = g
                .add_sub_org(
                    parent,
                    Organization::new(Slug::new(format!("o{i}")).unwrap(), OrgKind::Agency, "O"),
                )
                .unwrap();
        }
        let mut s = String::new();
        write_tree(&mut s, g.org(root).unwrap(), true, true);
        assert_eq!(s.lines().count(), 2_000);
    }

    #[test]
    fn tree_prefixes_close_their_levels() {
        let g = govgraph::datasets::general_office();
        let mut s = String::new();
        let council = g.org_by_slug("state-council").unwrap();
        write_tree(&mut s, council, true, true);
        assert_eq!(
            s,
            "State Council [governing body]\n\
             |-- Deputy Secretary-General of the State Council: none recorded\n\
             `-- General Office of the State Council [agency]\n    \
                 |-- Secretary-General of the State Council (head): Xi Zhongxun (1954-09 – 1965-01), \
                 Zhou Rongxin (1965-01 – 1975-01), Jin Ming (1979-06 – 1980-02), \
                 Ji Pengfei (1980-02 – 1982-05), Du Xingyuan (1982-05 – 1983-06), \
                 Tian Jiyun (1983-06 – 1985-09), Chen Junsheng (1985-09 – 1993-03), \
                 Luo Gan (1993-03 – 1998-03), Wang Zhongyu (1998-03 – 2003-03), \
                 Hua Jianmin (2003-03 – 2008-03), Ma Kai (2008-03 – 2013-03), \
                 Yang Jing (2013-03 – unknown), Xiao Jie (2018-03-19 – 2023-03-12), \
                 Wu Zhenglong (since 2023-03-12)\n    \
                 |-- Executive Deputy Secretary-General of the State Council: Wang Zhijun\n    \
                 `-- China Government Network Operation Center [institution]\n"
        );
    }
}
