//! The sections read: Functions, Organization, See also.

use super::article::{Block, ListItem, ListMarker, Section, Table};
use super::fact::Fact;
use super::holders::is_holders_heading;
use super::ingester::{Ctx, Ingester};
use super::report::IgnoreReason;
use super::resolve::SeeAlso;
use super::staging::suffixed;
use super::text::{clean_name, kind_from_type, name_key, singular};
use crate::{CategoryKind, Function, NodeKind, OrgKind, Relation};

/// What a section of an article is, as its heading says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum SectionKind {
    /// "Functions", "Responsibilities", "Powers", "Duties", "Main functions".
    Functions,
    /// "Organization", "Structure", "Organizational structure".
    Organization,
    /// "See also".
    SeeAlso,
    /// A list of the holders of a post: "List of officeholders",
    /// "Secretaries-General", "Chairmen of the State Planning Commission,
    /// 1952–1987", "Leaders", "Heads".
    Officeholders,
    /// Any other section: reported as not read.
    Other,
}

impl SectionKind {
    /// The kind of section a heading names.
    pub(super) fn of(heading: &str) -> Self {
        let k = name_key(heading);
        if k.starts_with("function")
            || k.contains(" functions")
            || matches!(k.as_str(), "responsibilities" | "powers" | "duties")
        {
            SectionKind::Functions
        } else if matches!(
            k.as_str(),
            "organization"
                | "organisation"
                | "structure"
                | "organizational structure"
                | "organisational structure"
        ) {
            SectionKind::Organization
        } else if k == "see also" {
            SectionKind::SeeAlso
        } else if is_holders_heading(heading) {
            SectionKind::Officeholders
        } else {
            SectionKind::Other
        }
    }
}

impl Ingester {
    pub(super) fn read_functions(&mut self, ctx: &Ctx, section: &Section, subject: usize) {
        if let Some(&(article, _)) = self.functions.get(&subject) {
            if article != ctx.article {
                self.ignore(
                    ctx,
                    section.line,
                    &section.heading,
                    IgnoreReason::FunctionsAlreadyListed,
                );
                return;
            }
        }
        let mut stack = vec![section];
        while let Some(s) = stack.pop() {
            self.ignore_prose(ctx, s);
            for item in s.list_items() {
                match item.marker {
                    ListMarker::Number(_) => self.function(ctx, subject, item),
                    ListMarker::Bullet => {
                        self.ignore(ctx, item.line, &item.text, IgnoreReason::NotNumbered);
                        self.ignore_nested(ctx, item, &IgnoreReason::UnderIgnoredItem);
                    }
                }
            }
            stack.extend(s.subsections.iter().rev());
        }
    }

    pub(super) fn function(&mut self, ctx: &Ctx, subject: usize, item: &ListItem) {
        if item.text.is_empty() {
            self.ignore(ctx, item.line, "", IgnoreReason::EmptyValue);
            self.ignore_nested(ctx, item, &IgnoreReason::UnderIgnoredItem);
            return;
        }
        let entry = self.functions.entry(subject).or_insert((ctx.article, 0));
        entry.1 = entry.1.saturating_add(1);
        let position = entry.1;
        let base = self.node_key(subject).slug;
        let slug = suffixed(base.as_str(), &position.to_string()).unwrap_or(base);
        let slug = self.unique(NodeKind::Function, slug);
        let mut f = Function::new(slug, &item.text);
        f.position = position;
        let name = format!("{} {position}", self.nodes[subject].node.display_name());
        let i = self.push(f.into(), &name, ctx, item.line, false);
        self.link(subject, Relation::HasFunction, i, ctx, item.line);
        self.fact(i, Fact::Function, ctx, item.line, true);
        self.fact(subject, Fact::Function, ctx, item.line, false);
        self.ignore_nested(ctx, item, &IgnoreReason::NestedTooDeep);
    }

    pub(super) fn read_organization(
        &mut self,
        ctx: &Ctx,
        section: &Section,
        subject: usize,
        class: Option<(usize, Option<OrgKind>)>,
    ) {
        self.ignore_prose(ctx, section);
        let items: Vec<&ListItem> = section.list_items().collect();
        for item in items {
            self.unit(ctx, subject, item, class);
        }
        for sub in &section.subsections {
            let category = singular(&sub.heading);
            let c = self.category(CategoryKind::BodyType, &category, ctx, sub.line);
            self.read_organization(ctx, sub, subject, Some((c, kind_from_type(&sub.heading))));
        }
    }

    pub(super) fn unit(
        &mut self,
        ctx: &Ctx,
        parent: usize,
        item: &ListItem,
        class: Option<(usize, Option<OrgKind>)>,
    ) {
        if item.text.is_empty() {
            self.ignore(ctx, item.line, "", IgnoreReason::EmptyValue);
            self.ignore_nested(ctx, item, &IgnoreReason::UnderIgnoredItem);
            return;
        }
        let kind = class.and_then(|(_, k)| k);
        let o = self.org(&item.text, ctx, item.line, kind);
        self.link(o, Relation::SubOrganizationOf, parent, ctx, item.line);
        if let Some((c, _)) = class {
            self.link(o, Relation::Classification, c, ctx, item.line);
        }
        self.fact(o, Fact::Parent, ctx, item.line, true);
        self.fact(parent, Fact::Child, ctx, item.line, false);
        for child in &item.children {
            self.unit(ctx, o, child, class);
        }
    }

    pub(super) fn read_see_also(&mut self, ctx: &Ctx, section: &Section, subject: usize) {
        let mut stack = vec![section];
        while let Some(s) = stack.pop() {
            self.ignore_prose(ctx, s);
            for item in s.list_items() {
                self.see_also_item(ctx, subject, item);
            }
            stack.extend(s.subsections.iter().rev());
        }
    }

    /// Reports every item nested under `item`, at any depth, in article
    /// order, as not read for `reason`.
    pub(super) fn ignore_nested(&mut self, ctx: &Ctx, item: &ListItem, reason: &IgnoreReason) {
        let mut stack: Vec<&ListItem> = item.children.iter().rev().collect();
        while let Some(child) = stack.pop() {
            self.ignore(ctx, child.line, &child.text, reason.clone());
            stack.extend(child.children.iter().rev());
        }
    }

    /// Reports each row of a table that is not read.
    pub(super) fn ignore_table(&mut self, ctx: &Ctx, table: &Table) {
        for row in &table.rows {
            self.ignore(
                ctx,
                row.line,
                &row.cells.join(" | "),
                IgnoreReason::TableNotRead,
            );
        }
    }

    /// Reports each paragraph (and table) of a section read for its lists
    /// (not its subsections') as not read.
    pub(super) fn ignore_prose(&mut self, ctx: &Ctx, section: &Section) {
        for b in &section.blocks {
            match b {
                Block::Paragraph(p) => self.ignore(ctx, p.line, &p.text, IgnoreReason::Prose),
                Block::Table(t) => self.ignore_table(ctx, t),
                Block::List(_) => {}
            }
        }
    }

    pub(super) fn see_also_item(&mut self, ctx: &Ctx, subject: usize, item: &ListItem) {
        if item.text.is_empty() {
            self.ignore(ctx, item.line, "", IgnoreReason::EmptyValue);
            self.ignore_nested(ctx, item, &IgnoreReason::UnderIgnoredItem);
            return;
        }
        if item.children.is_empty() {
            self.see_also.push(SeeAlso {
                ctx: ctx.article,
                subject,
                name: clean_name(&item.text),
                line: item.line,
            });
            return;
        }
        // A group: a category whose members are the nested items.
        let name = clean_name(&item.text);
        let group = self.category(CategoryKind::Grouping, &name, ctx, item.line);
        self.link(subject, Relation::SeeAlso, group, ctx, item.line);
        self.fact(subject, Fact::SeeAlso, ctx, item.line, false);
        let stem = name_key(&singular(&name));
        if !stem.is_empty() && name_key(&ctx.title).starts_with(&stem) {
            self.link(subject, Relation::Classification, group, ctx, item.line);
        }
        for member in &item.children {
            let m = self.org(&member.text, ctx, member.line, None);
            self.link(m, Relation::Classification, group, ctx, member.line);
            self.link(subject, Relation::SeeAlso, m, ctx, member.line);
            self.fact(m, Fact::GroupMember, ctx, member.line, true);
            self.ignore_nested(ctx, member, &IgnoreReason::NestedTooDeep);
        }
    }
}
