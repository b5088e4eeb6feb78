//! The org chart as SVG, written with quick-xml's `Writer` (which escapes
//! every attribute and text).

use std::io;

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};

use super::layout::{self, Point, Spacing};
use super::{Card, Chart, SvgOptions, colours, kind_words, text};
use crate::graph::GovGraph;
use crate::model::OrgKind;
use crate::traverse::AsOf;

const FONT: &str = "Noto Sans, Helvetica Neue, Arial, Noto Sans CJK SC, Source Han Sans SC, \
                    Microsoft YaHei, PingFang SC, sans-serif";
const MARGIN: f64 = 24.0;
const PAD: f64 = 10.0;
const MIN_BOX_WIDTH: f64 = 150.0;
/// Estimated width of one column (a Latin letter) as a fraction of the
/// font size; a CJK character takes two columns.
const COLUMN_EM: f64 = 0.6;

/// One line of text in a box.
#[derive(Debug, Clone)]
struct Line {
    text: String,
    style: Style,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    Name,
    Native,
    Kind,
    Rule,
    Post,
    Holder,
    Vacant,
}

impl Style {
    /// Font size, line height, bold, italic, colour, centred, indent.
    fn looks(self) -> (f64, f64, bool, bool, &'static str, bool, f64) {
        match self {
            Style::Name => (14.0, 18.0, true, false, "#0f172a", true, 0.0),
            Style::Native => (13.0, 18.0, false, false, "#1e293b", true, 0.0),
            Style::Kind => (11.0, 15.0, false, true, "#475569", true, 0.0),
            Style::Rule => (11.0, 9.0, false, false, "#94a3b8", false, 0.0),
            Style::Post => (11.0, 15.0, false, false, "#0f172a", false, 0.0),
            Style::Holder => (11.0, 15.0, true, false, "#1e293b", false, 12.0),
            Style::Vacant => (11.0, 15.0, false, true, "#64748b", false, 12.0),
        }
    }

    fn line_height(self) -> f64 {
        self.looks().1
    }
}

/// The estimated width of `s` set in `style`.
fn width_of(s: &str, style: Style) -> f64 {
    let (size, _, bold, _, _, _, indent) = style.looks();
    let em = if bold { COLUMN_EM * 1.06 } else { COLUMN_EM };
    indent + float(text::columns(s)) * em * size
}

fn float(n: usize) -> f64 {
    f64::from(u32::try_from(n).unwrap_or(u32::MAX))
}

/// A box's lines, wrapped.
fn lines(card: &Card, wrap: usize, vacant: &str) -> Vec<Line> {
    let mut out = Vec::new();
    let mut push = |t: &str, style: Style, cols: usize| {
        for l in text::wrap(t, cols) {
            out.push(Line { text: l, style });
        }
    };
    push(&card.name, Style::Name, wrap);
    for n in &card.native {
        push(n, Style::Native, wrap);
    }
    push(&kind_words(card.kind), Style::Kind, wrap);
    if !card.posts.is_empty() {
        push("", Style::Rule, wrap);
        for p in &card.posts {
            let name = if p.head {
                format!("{} (head)", p.name)
            } else {
                p.name.clone()
            };
            // Posts are set smaller than names: about a third more fits.
            push(&name, Style::Post, wrap + wrap / 3);
            if p.holders.is_empty() {
                push(vacant, Style::Vacant, wrap);
            }
            for h in &p.holders {
                push(h, Style::Holder, wrap);
            }
        }
    }
    out
}

fn size_of(lines: &[Line]) -> Point {
    let w = lines
        .iter()
        .map(|l| width_of(&l.text, l.style))
        .fold(MIN_BOX_WIDTH - 2.0 * PAD, f64::max);
    let h: f64 = lines.iter().map(|l| l.style.line_height()).sum();
    (w + 2.0 * PAD, h + 2.0 * PAD - 2.0)
}

/// A coordinate, to a tenth, without a trailing `.0`.
fn num(x: f64) -> String {
    let s = format!("{x:.1}");
    match s.strip_suffix(".0") {
        Some(t) if t != "-0" => t.to_owned(),
        Some(_) => "0".to_owned(),
        None => s,
    }
}

/// Writes `graph`'s org chart as a standalone SVG document, laid out as a
/// top-down tree (see the [module docs](crate::render) for what is drawn
/// and how text is measured).
///
/// Cost: O(bodies + posts + tenures) time and memory, plus the widest
/// stacked block's sort. Every body's English label (or other name, or
/// slug) appears as text; so do its other preferred labels.
///
/// ```
/// use govgraph::render::{write_svg, SvgOptions};
/// let g = govgraph::datasets::general_office();
/// let mut out = Vec::new();
/// write_svg(&g, &SvgOptions::new(), &mut out)?;
/// let svg = String::from_utf8(out)?;
/// assert!(svg.starts_with("<?xml"));
/// assert!(svg.contains("中华人民共和国国务院办公厅"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
/// Only the writer's.
pub fn write_svg(graph: &GovGraph, options: &SvgOptions, writer: impl io::Write) -> io::Result<()> {
    write_chart(&Chart::new(graph, options.posts), options, writer)
}

/// Writes the org chart of the view's day as a standalone SVG document:
/// as [`write_svg`], drawn from the [`AsOf`] view (see [the chart of a
/// day](crate::render#the-chart-of-a-day)).
///
/// Cost: as [`write_svg`], plus each body's links to find the parent it
/// had on the day.
///
/// ```
/// use govgraph::render::{write_svg_as_of, SvgOptions};
/// let g = govgraph::datasets::general_office();
/// let mut out = Vec::new();
/// let day: govgraph::PartialDate = "2024-01-01".parse()?;
/// write_svg_as_of(g.as_of(day), &SvgOptions::new().with_title("1 January 2024"), &mut out)?;
/// assert!(String::from_utf8(out)?.contains("Wu Zhenglong"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
/// Only the writer's.
pub fn write_svg_as_of(
    view: AsOf<'_>,
    options: &SvgOptions,
    writer: impl io::Write,
) -> io::Result<()> {
    write_chart(&Chart::as_of(view, options.posts), options, writer)
}

fn write_chart(chart: &Chart, options: &SvgOptions, writer: impl io::Write) -> io::Result<()> {
    let boxes: Vec<Vec<Line>> = chart
        .cards
        .iter()
        .map(|c| lines(c, options.wrap, chart.vacant))
        .collect();
    let sizes: Vec<Point> = boxes.iter().map(|l| size_of(l)).collect();
    let placed = layout::layout(
        &sizes,
        &chart.children,
        &chart.roots,
        Spacing {
            sibling_gap: 24.0,
            level_gap: 48.0,
            stack_gap: 12.0,
            stack_indent: 22.0,
            stack_leaves_over: options.stack_over,
        },
    );

    let mut kinds: Vec<OrgKind> = chart.cards.iter().map(|c| c.kind).collect();
    kinds.sort_unstable();
    kinds.dedup();

    let title_h = if options.title.is_some() { 34.0 } else { 0.0 };
    let legend_h = if kinds.is_empty() { 0.0 } else { 30.0 };
    let legend_w: f64 = kinds
        .iter()
        .map(|k| 22.0 + float(text::columns(&kind_words(*k))) * COLUMN_EM * 12.0 + 18.0)
        .sum();
    let title_w = options.title.as_deref().map_or(0.0, |t| {
        float(text::columns(&text::clean(t))) * COLUMN_EM * 1.06 * 20.0
    });
    let top = MARGIN + title_h + legend_h;
    let width = placed.width.max(legend_w).max(title_w) + 2.0 * MARGIN;
    let height = top + placed.height + MARGIN;

    let mut w = Writer::new_with_indent(writer, b' ', 1);
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    let (wt, ht) = (num(width), num(height));
    let view = format!("0 0 {wt} {ht}");
    let label = options
        .title
        .as_deref()
        .map_or_else(|| "Org chart".to_owned(), text::clean);
    w.write_event(Event::Start(BytesStart::new("svg").with_attributes([
        ("xmlns", "http://www.w3.org/2000/svg"),
        ("width", wt.as_str()),
        ("height", ht.as_str()),
        ("viewBox", view.as_str()),
        ("font-family", FONT),
        ("role", "img"),
    ])))?;
    w.create_element("title")
        .write_text_content(BytesText::new(&label))?;
    w.create_element("rect")
        .with_attributes([("width", "100%"), ("height", "100%"), ("fill", "#ffffff")])
        .write_empty()?;

    let mut y = MARGIN;
    if options.title.is_some() {
        let (x, ty) = (num(MARGIN), num(y + 20.0));
        w.create_element("text")
            .with_attributes([
                ("x", x.as_str()),
                ("y", ty.as_str()),
                ("font-size", "20"),
                ("font-weight", "bold"),
                ("fill", "#0f172a"),
            ])
            .write_text_content(BytesText::new(&label))?;
        y += title_h;
    }
    legend(&mut w, &kinds, y)?;

    // Edges first, so boxes cover their ends.
    w.write_event(Event::Start(BytesStart::new("g").with_attributes([
        ("fill", "none"),
        ("stroke", "#64748b"),
        ("stroke-width", "1.3"),
    ])))?;
    for edge in &placed.edges {
        let mut d = String::new();
        for (k, &(x, py)) in edge.iter().enumerate() {
            d.push_str(if k == 0 { "M" } else { " L" });
            d.push_str(&num(x + MARGIN));
            d.push(' ');
            d.push_str(&num(py + top));
        }
        w.create_element("path")
            .with_attribute(("d", d.as_str()))
            .write_empty()?;
    }
    w.write_event(Event::End(BytesEnd::new("g")))?;

    for ((card, ls), (&(x, by), &(bw, bh))) in chart
        .cards
        .iter()
        .zip(&boxes)
        .zip(placed.corners.iter().zip(&sizes))
    {
        draw_box(&mut w, card, ls, (x + MARGIN, by + top), (bw, bh))?;
    }
    w.write_event(Event::End(BytesEnd::new("svg")))?;
    w.into_inner().write_all(b"\n")?;
    Ok(())
}

fn legend<W: io::Write>(w: &mut Writer<W>, kinds: &[OrgKind], y: f64) -> io::Result<()> {
    let mut x = MARGIN;
    for &k in kinds {
        let (fill, stroke) = colours(k);
        let (sx, sy) = (num(x), num(y + 4.0));
        w.create_element("rect")
            .with_attributes([
                ("x", sx.as_str()),
                ("y", sy.as_str()),
                ("width", "16"),
                ("height", "12"),
                ("rx", "3"),
                ("fill", fill),
                ("stroke", stroke),
            ])
            .write_empty()?;
        let words = kind_words(k);
        let (tx, ty) = (num(x + 22.0), num(y + 14.0));
        w.create_element("text")
            .with_attributes([
                ("x", tx.as_str()),
                ("y", ty.as_str()),
                ("font-size", "12"),
                ("fill", "#334155"),
            ])
            .write_text_content(BytesText::new(&words))?;
        x += 22.0 + float(text::columns(&words)) * COLUMN_EM * 12.0 + 18.0;
    }
    Ok(())
}

fn draw_box<W: io::Write>(
    w: &mut Writer<W>,
    card: &Card,
    lines: &[Line],
    (x, y): Point,
    (bw, bh): Point,
) -> io::Result<()> {
    let (fill, stroke) = colours(card.kind);
    let id = format!("org-{}", card.slug);
    w.write_event(Event::Start(
        BytesStart::new("g").with_attributes([("id", id.as_str())]),
    ))?;
    let tip = format!("{} (org/{})", card.name, card.slug);
    w.create_element("title")
        .write_text_content(BytesText::new(&tip))?;
    let (rx, ry, rw, rh) = (num(x), num(y), num(bw), num(bh));
    w.create_element("rect")
        .with_attributes([
            ("x", rx.as_str()),
            ("y", ry.as_str()),
            ("width", rw.as_str()),
            ("height", rh.as_str()),
            ("rx", "6"),
            ("fill", fill),
            ("stroke", stroke),
            ("stroke-width", "1.5"),
        ])
        .write_empty()?;
    let mut ty = y + PAD;
    for line in lines {
        let (size, height, bold, italic, colour, centred, indent) = line.style.looks();
        if line.style == Style::Rule {
            let (x1, x2, ly) = (num(x + PAD), num(x + bw - PAD), num(ty + height / 2.0));
            w.create_element("line")
                .with_attributes([
                    ("x1", x1.as_str()),
                    ("y1", ly.as_str()),
                    ("x2", x2.as_str()),
                    ("y2", ly.as_str()),
                    ("stroke", stroke),
                    ("stroke-opacity", "0.5"),
                ])
                .write_empty()?;
            ty += height;
            continue;
        }
        let baseline = ty + height - (height - size) / 2.0 - 2.0;
        let tx = if centred {
            num(x + bw / 2.0)
        } else {
            num(x + PAD + indent)
        };
        let (tyv, fs) = (num(baseline), num(size));
        let mut el = BytesStart::new("text").with_attributes([
            ("x", tx.as_str()),
            ("y", tyv.as_str()),
            ("font-size", fs.as_str()),
            ("fill", colour),
        ]);
        if centred {
            el.push_attribute(("text-anchor", "middle"));
        }
        if bold {
            el.push_attribute(("font-weight", "bold"));
        }
        if italic {
            el.push_attribute(("font-style", "italic"));
        }
        w.write_event(Event::Start(el))?;
        w.write_event(Event::Text(BytesText::new(&line.text)))?;
        w.write_event(Event::End(BytesEnd::new("text")))?;
        ty += height;
    }
    w.write_event(Event::End(BytesEnd::new("g")))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_short_and_stable() {
        assert_eq!(num(12.0), "12");
        assert_eq!(num(12.25), "12.2");
        assert_eq!(num(-0.01), "0");
        assert_eq!(num(3.46), "3.5");
    }
}
