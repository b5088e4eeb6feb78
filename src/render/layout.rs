//! A top-down tree layout for org charts, iterative throughout.
//!
//! The input is a forest: a size per box, each box's children in order, and
//! the roots in order. The output is each box's top-left corner and the
//! edges as orthogonal polylines. The layout is a simple tidy tree:
//!
//! - every subtree gets its own band of columns, so no two subtrees overlap;
//!   a parent is centred over its first and last child;
//! - boxes at one depth share a row (the row is as tall as its tallest box);
//! - a box with more than [`Spacing::stack_leaves_over`] children lists them
//!   instead as *indented blocks* (each child's whole subtree as an
//!   indented list, like a file tree), hung from vertical spines in a few
//!   balanced columns, so a crowded body stays about square rather than
//!   very wide. Roots with no children are stacked the same way when there
//!   are more than that many of them.
//!
//! Both passes walk an explicit stack, never recursion: a chain 100,000
//! boxes deep lays out in linear time without growing the call stack.

/// A point `(x, y)`.
pub(crate) type Point = (f64, f64);

/// Gaps and thresholds of the layout, in the same unit as the box sizes.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Spacing {
    /// Between sibling subtrees.
    pub(crate) sibling_gap: f64,
    /// Between a row of boxes and the next.
    pub(crate) level_gap: f64,
    /// Between two boxes of an indented list.
    pub(crate) stack_gap: f64,
    /// How far an indented list's boxes sit right of its spine.
    pub(crate) stack_indent: f64,
    /// More children than this are listed as indented blocks (0: always).
    pub(crate) stack_leaves_over: usize,
}

/// Where everything goes.
#[derive(Debug, Clone)]
pub(crate) struct Placement {
    /// Top-left corner of each box, by box index.
    pub(crate) corners: Vec<Point>,
    /// The edges, each a polyline from a parent to a child.
    pub(crate) edges: Vec<Vec<Point>>,
    /// The width and height the boxes and edges take, from (0, 0).
    pub(crate) width: f64,
    pub(crate) height: f64,
}

/// What sits side by side under a box: a child's whole subtree, or a group
/// of children listed as indented blocks in columns.
#[derive(Debug, Clone)]
enum Unit {
    Subtree(usize),
    Blocks(Vec<usize>),
}

/// Splits blocks (their heights given) into columns of about equal height,
/// keeping their order; about as many columns as make the group square.
fn block_columns(blocks: &[usize], height: &[f64], width: f64, gap: f64) -> Vec<Vec<usize>> {
    let total: f64 = blocks.iter().map(|&b| height[b] + gap).sum();
    let mut cols = 1usize;
    while float(cols) * float(cols) * width.max(1.0) < total && cols < blocks.len() {
        cols += 1;
    }
    let target = total / float(cols);
    let mut out: Vec<Vec<usize>> = vec![Vec::new()];
    let mut acc = 0.0;
    for &b in blocks {
        let h = height[b] + gap;
        let last = out.len() - 1;
        if !out[last].is_empty() && acc + h / 2.0 > target && out.len() < cols {
            out.push(Vec::new());
            acc = 0.0;
        }
        let last = out.len() - 1;
        out[last].push(b);
        acc += h;
    }
    out
}

/// Lays out the forest. `sizes[i]` is box `i`'s width and height;
/// `children[i]` its children in order; `roots` the boxes with no parent.
/// Every box must be reachable from exactly one root through `children`
/// (a forest); boxes that are not are left at (0, 0).
#[expect(
    clippy::too_many_lines,
    reason = "one algorithm whose passes share their tables; split, it reads worse"
)]
pub(crate) fn layout(
    sizes: &[Point],
    children: &[Vec<usize>],
    roots: &[usize],
    spacing: Spacing,
) -> Placement {
    let n = sizes.len();
    // Box `n` is a virtual root with no size above the real roots.
    let virtual_root = n;
    let size = |i: usize| {
        if i == virtual_root {
            (0.0, 0.0)
        } else {
            sizes[i]
        }
    };
    let kids = |i: usize| -> &[usize] {
        if i == virtual_root {
            roots
        } else {
            children.get(i).map_or(&[], Vec::as_slice)
        }
    };
    let indent = spacing.stack_indent;
    let gap = spacing.stack_gap;

    // Pre-order with depths (the virtual root at depth 0).
    let mut order = Vec::with_capacity(n + 1);
    let mut depth = vec![0usize; n + 1];
    let mut stack = vec![virtual_root];
    let mut seen = vec![false; n + 1];
    while let Some(i) = stack.pop() {
        if seen[i] {
            continue;
        }
        seen[i] = true;
        order.push(i);
        for &c in kids(i).iter().rev() {
            if c < n && !seen[c] {
                depth[c] = depth[i] + 1;
                stack.push(c);
            }
        }
    }
    let valid_kids = |i: usize| kids(i).iter().copied().filter(move |&c| c < n);

    // Which boxes are in an indented block (placed by their block, not by
    // rows), and the units under each box in rows.
    let mut compact = vec![false; n + 1];
    let mut units: Vec<Vec<Unit>> = vec![Vec::new(); n + 1];
    for &i in &order {
        let cs: Vec<usize> = valid_kids(i).collect();
        if compact[i] {
            for &c in &cs {
                compact[c] = true;
            }
            continue;
        }
        if i == virtual_root {
            // Unconnected bodies are stacked; real trees stay in the row.
            let leaves: Vec<usize> = cs.iter().copied().filter(|&c| kids(c).is_empty()).collect();
            if leaves.len() > spacing.stack_leaves_over {
                units[i] = cs
                    .iter()
                    .copied()
                    .filter(|&c| !kids(c).is_empty())
                    .map(Unit::Subtree)
                    .collect();
                for &l in &leaves {
                    compact[l] = true;
                }
                units[i].push(Unit::Blocks(leaves));
            } else {
                units[i] = cs.into_iter().map(Unit::Subtree).collect();
            }
        } else if cs.len() > spacing.stack_leaves_over {
            for &c in &cs {
                compact[c] = true;
            }
            units[i] = vec![Unit::Blocks(cs)];
        } else {
            units[i] = cs.into_iter().map(Unit::Subtree).collect();
        }
    }

    // Bottom-up: each indented block's width and height.
    let mut block_w = vec![0.0f64; n + 1];
    let mut block_h = vec![0.0f64; n + 1];
    for &i in order.iter().rev() {
        if compact[i] {
            let (w, h) = size(i);
            let (mut bw, mut bh) = (w, h);
            for c in valid_kids(i) {
                bw = bw.max(indent + block_w[c]);
                bh += gap + block_h[c];
            }
            block_w[i] = bw;
            block_h[i] = bh;
        }
    }
    let columns_of = |blocks: &[usize]| -> Vec<Vec<usize>> {
        let widest = blocks.iter().map(|&b| block_w[b]).fold(0.0, f64::max);
        block_columns(blocks, &block_h, indent + widest + spacing.sibling_gap, gap)
    };
    let group_width = |blocks: &[usize]| -> f64 {
        let cols = columns_of(blocks);
        cols.iter()
            .map(|col| indent + col.iter().map(|&b| block_w[b]).fold(0.0, f64::max))
            .sum::<f64>()
            + spacing.sibling_gap * gaps(cols.len())
    };

    // Row heights by depth, from the boxes placed in rows.
    let max_depth = order.iter().map(|&i| depth[i]).max().unwrap_or(0);
    let mut row_height = vec![0.0f64; max_depth + 2];
    for &i in &order {
        if !compact[i] {
            row_height[depth[i]] = row_height[depth[i]].max(size(i).1);
        }
    }
    let mut row_top = vec![0.0f64; max_depth + 2];
    for d in 1..row_top.len() {
        // No gap under the virtual root's empty row.
        let between = if d == 1 { 0.0 } else { spacing.level_gap };
        row_top[d] = row_top[d - 1] + row_height[d - 1] + between;
    }

    // Bottom-up: each row subtree's width, where its row of units starts
    // and where the box's centre is, both from the subtree's left edge.
    let mut width = vec![0.0f64; n + 1];
    let mut row_start = vec![0.0f64; n + 1];
    let mut centre = vec![0.0f64; n + 1];
    for &i in order.iter().rev() {
        if compact[i] {
            continue;
        }
        let (box_w, _) = size(i);
        if units[i].is_empty() {
            width[i] = box_w;
            centre[i] = box_w / 2.0;
            continue;
        }
        let mut x = 0.0;
        let mut first_anchor = None;
        let mut last_anchor = 0.0;
        for (k, u) in units[i].iter().enumerate() {
            if k > 0 {
                x += spacing.sibling_gap;
            }
            let (uw, anchor) = match u {
                Unit::Subtree(c) => (width[*c], centre[*c]),
                Unit::Blocks(blocks) => {
                    let gw = group_width(blocks);
                    (gw, gw / 2.0)
                }
            };
            first_anchor.get_or_insert(x + anchor);
            last_anchor = x + anchor;
            x += uw;
        }
        let row = x;
        let c = f64::midpoint(first_anchor.unwrap_or(0.0), last_anchor);
        let left = (c - box_w / 2.0).min(0.0);
        let right = (c + box_w / 2.0).max(row);
        width[i] = right - left;
        row_start[i] = -left;
        centre[i] = c - left;
    }

    // Top-down: absolute positions. Row boxes place their units; block
    // boxes (placed by their parent) place their children below them.
    let mut corners = vec![(0.0, 0.0); n];
    let mut edges = Vec::new();
    let mut left_of = vec![0.0f64; n + 1];
    let mut height: f64 = 0.0;
    for &i in &order {
        let (box_w, box_h) = size(i);
        if compact[i] {
            let (x, y) = corners[i];
            height = height.max(y + box_h);
            let spine = x + indent / 2.0;
            let mut cursor = y + box_h + gap;
            let mut last_mid = None;
            for c in valid_kids(i) {
                let (_, ch) = size(c);
                corners[c] = (x + indent, cursor);
                let mid = cursor + ch / 2.0;
                edges.push(vec![(spine, mid), (x + indent, mid)]);
                last_mid = Some(mid);
                cursor += block_h[c] + gap;
            }
            if let Some(mid) = last_mid {
                edges.push(vec![(spine, y + box_h), (spine, mid)]);
            }
            continue;
        }
        let cx = left_of[i] + centre[i];
        let top = row_top[depth[i]];
        if i != virtual_root {
            corners[i] = (cx - box_w / 2.0, top);
            height = height.max(top + box_h);
        }
        let bottom = top + box_h;
        let child_top = row_top.get(depth[i] + 1).copied().unwrap_or(bottom);
        let bus = child_top - spacing.level_gap / 2.0;
        let mut x = left_of[i] + row_start[i];
        for (k, u) in units[i].iter().enumerate() {
            if k > 0 {
                x += spacing.sibling_gap;
            }
            match u {
                Unit::Subtree(c) => {
                    left_of[*c] = x;
                    let ccx = x + centre[*c];
                    if i != virtual_root {
                        edges.push(vec![(cx, bottom), (cx, bus), (ccx, bus), (ccx, child_top)]);
                    }
                    x += width[*c];
                }
                Unit::Blocks(blocks) => {
                    for col in columns_of(blocks) {
                        let spine = x + indent / 2.0;
                        let mut y = child_top;
                        let mut col_w: f64 = 0.0;
                        let mut last_mid = child_top;
                        for &b in &col {
                            let (_, bh) = size(b);
                            corners[b] = (x + indent, y);
                            last_mid = y + bh / 2.0;
                            if i != virtual_root {
                                edges.push(vec![(spine, last_mid), (x + indent, last_mid)]);
                            }
                            col_w = col_w.max(block_w[b]);
                            y += block_h[b] + gap;
                        }
                        if i != virtual_root {
                            edges.push(vec![
                                (cx, bottom),
                                (cx, bus),
                                (spine, bus),
                                (spine, last_mid),
                            ]);
                        }
                        x += indent + col_w + spacing.sibling_gap;
                    }
                    x -= spacing.sibling_gap;
                }
            }
        }
    }
    Placement {
        corners,
        edges,
        width: width[virtual_root],
        height,
    }
}

/// `count - 1` gaps, as a float (0 for no item).
fn gaps(count: usize) -> f64 {
    float(count.saturating_sub(1))
}

fn float(n: usize) -> f64 {
    f64::from(u32::try_from(n).unwrap_or(u32::MAX))
}

#[cfg(test)]
#[allow(
    clippy::float_cmp,
    clippy::cast_possible_truncation,
    reason = "the layout's arithmetic is exact on these small numbers"
)]
mod tests {
    use super::*;

    const SPACING: Spacing = Spacing {
        sibling_gap: 10.0,
        level_gap: 20.0,
        stack_gap: 5.0,
        stack_indent: 8.0,
        stack_leaves_over: 3,
    };

    fn overlaps(a: (Point, Point), b: (Point, Point)) -> bool {
        let ((ax, ay), (aw, ah)) = a;
        let ((bx, by), (bw, bh)) = b;
        ax < bx + bw && bx < ax + aw && ay < by + bh && by < ay + ah
    }

    fn assert_no_overlap(p: &Placement, sizes: &[Point]) {
        for i in 0..sizes.len() {
            for j in i + 1..sizes.len() {
                assert!(
                    !overlaps((p.corners[i], sizes[i]), (p.corners[j], sizes[j])),
                    "boxes {i} and {j} overlap: {:?} {:?}",
                    p.corners[i],
                    p.corners[j]
                );
            }
        }
    }

    #[test]
    fn parent_above_children_and_centred() {
        let sizes = vec![(100.0, 40.0), (60.0, 30.0), (60.0, 30.0)];
        let children = vec![vec![1, 2], vec![], vec![]];
        let p = layout(&sizes, &children, &[0], SPACING);
        assert_eq!(p.corners[1].1, 60.0);
        assert_eq!(p.corners[2].1, 60.0);
        assert!(p.corners[1].0 < p.corners[2].0);
        let parent_centre = p.corners[0].0 + 50.0;
        let kids_centre = f64::midpoint(p.corners[1].0 + 30.0, p.corners[2].0 + 30.0);
        assert!((parent_centre - kids_centre).abs() < 1e-9);
        assert_eq!(p.edges.len(), 2);
        assert_eq!(p.width, 130.0);
        assert_eq!(p.height, 90.0);
        assert_no_overlap(&p, &sizes);
    }

    #[test]
    fn many_leaves_are_stacked_in_columns() {
        let mut sizes = vec![(50.0, 20.0)];
        sizes.extend(std::iter::repeat_n((40.0, 10.0), 9));
        let mut children = vec![(1..10).collect::<Vec<_>>()];
        children.extend(std::iter::repeat_n(Vec::new(), 9));
        let p = layout(&sizes, &children, &[0], SPACING);
        // Two columns (of five and four): far narrower than one row.
        assert!(p.width < 9.0 * 40.0);
        let xs: std::collections::BTreeSet<i64> =
            p.corners[1..].iter().map(|c| c.0 as i64).collect();
        assert_eq!(xs.len(), 2);
        assert_no_overlap(&p, &sizes);
    }

    #[test]
    fn a_forest_of_many_single_bodies_is_about_square() {
        let sizes = vec![(100.0, 40.0); 400];
        let children = vec![Vec::new(); 400];
        let roots: Vec<usize> = (0..400).collect();
        let p = layout(&sizes, &children, &roots, SPACING);
        assert!(p.width < 20.0 * 120.0, "{}", p.width);
        assert!(p.edges.is_empty());
        assert_no_overlap(&p, &sizes);
    }

    #[test]
    fn mixed_trees_do_not_overlap() {
        // A root with an inner child (with 5 leaves) and 4 leaves of its own.
        let mut sizes = vec![(120.0, 50.0), (80.0, 30.0)];
        let mut children = vec![vec![1], (2..7).collect::<Vec<_>>()];
        for k in 2..7 {
            sizes.push((30.0 + f64::from(k) * 7.0, 20.0));
            children.push(Vec::new());
        }
        for k in 7..11 {
            sizes.push((70.0, 25.0));
            children.push(Vec::new());
            children[0].push(k);
        }
        let p = layout(&sizes, &children, &[0], SPACING);
        assert_no_overlap(&p, &sizes);
    }

    #[test]
    fn a_chain_100_000_deep_does_not_overflow() {
        let n = 100_000;
        let sizes = vec![(10.0, 10.0); n];
        let children: Vec<Vec<usize>> = (0..n)
            .map(|i| if i + 1 < n { vec![i + 1] } else { Vec::new() })
            .collect();
        let p = layout(&sizes, &children, &[0], SPACING);
        assert_eq!(p.edges.len(), n - 1);
        assert_eq!(p.corners[n - 1].1, 30.0 * 99_999.0);
    }
}
