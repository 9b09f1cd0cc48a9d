//! Tables pasted into a report: each numeric cell a metric, each column and row with a
//! total a breakdown.
//!
//! A table is three or more consecutive lines cut into the same number of cells, by tabs
//! (empty cells kept: `合计\t\t540\t1259`) or by runs of two or more spaces, with a total
//! row (`合计`, `总计`) or a total column. The first line is the header: a column's unit is
//! the one its header names (`受理数（件）`, `罚没款（万元）`), else the one a `单位：项` line
//! above the table gives, else the one its cells carry (`16件`). The label column is the
//! first whose cells are not numbers (`县市场监管局`, `2020年`); columns headed 序号 are
//! numbering. A cell's subject is its column header without the unit (`收案数`), or the row
//! label under a total column. Every numeric column but a share (`纠错率（%）`) is a
//! breakdown of its total-row cell, and every row a breakdown of its total-column cell.
//! One pass over the lines, each line read once.

use std::ops::Range;

use super::context::Context;
use super::extract::round6;
use super::Found;
use crate::knowledge::{self, Role};
use crate::numerals;

/// Headers of a numbering column.
const NUMBERING: &[&str] = &["序号", "编号", "排名", "序"];

/// A table's cells found as metrics, and its breakdowns as (total, parts) indices into them.
pub struct Tables {
    /// The numeric cells, in text order.
    pub cells: Vec<Found>,
    /// The totals and their parts.
    pub links: Vec<Link>,
}

/// A total cell and the cells that add up to it.
pub struct Link {
    /// Index into `cells`.
    pub total: usize,
    /// Indices into `cells`.
    pub parts: Vec<usize>,
    /// The parts' values added up, in their order.
    pub sum: f64,
}

/// Whether a cell opens a total row or names a total column.
fn is_total_label(cell: &str) -> bool {
    let cell = cell.trim_start();
    knowledge::words(Role::TotalLabel)
        .iter()
        .any(|w| cell.starts_with(w))
}

/// Splits a line into cells with their byte ranges, appended to `out`: by tabs (empty cells
/// kept), else by runs of two or more spaces.
fn cells(line: &str, base: usize, out: &mut Vec<Range<usize>>) {
    let trim = |r: Range<usize>| {
        let cell = &line[r.clone()];
        let lead = cell.len() - cell.trim_start().len();
        let s = r.start + lead;
        base + s..base + s + cell.trim().len()
    };
    if line.contains('\t') {
        let mut start = 0;
        for (i, _) in line.match_indices('\t') {
            out.push(trim(start..i));
            start = i + 1;
        }
        out.push(trim(start..line.len()));
        return;
    }
    if !line.contains("  ") {
        return;
    }
    let bytes = line.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b' ' && bytes.get(i + 1) == Some(&b' ') {
            let run = bytes[i..].iter().take_while(|&&b| b == b' ').count();
            if !line[start..i].trim().is_empty() {
                out.push(trim(start..i));
            }
            i += run;
            start = i;
        } else {
            i += 1;
        }
    }
    if !line[start..].trim().is_empty() {
        out.push(trim(start..line.len()));
    }
}

/// The unit a header or a `单位：` line names: `受理数（件）`, `金额(万元)`, `单位：项`.
fn header_unit(header: &str) -> Option<&'static str> {
    let inner = header
        .rsplit_once(['(', '（'])
        .map(|(_, u)| u.trim_end_matches([')', '）']))
        .or_else(|| {
            header
                .trim()
                .strip_prefix("单位")
                .map(|u| u.trim_start_matches(['：', ':', ' ']))
        });
    let inner = inner?.trim();
    knowledge::unit(inner).map(|u| u.text)
}

/// The header without its unit: `收案数（件）` → 收案数.
fn header_name(header: &str) -> Range<usize> {
    let end = header.find(['(', '（']).unwrap_or(header.len());
    0..header[..end].trim_end().len()
}

/// A cell's number and the unit it names itself, if any.
type CellNumber = (f64, Option<&'static str>);

/// A cell's number: Arabic digits with an optional unit it names itself (`16件`), never a
/// year or a date (`2020年`).
fn cell_number(cell: &str) -> Option<CellNumber> {
    let cell = cell.trim();
    let digits_end = cell
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
        .unwrap_or(cell.len());
    let (num, rest) = cell.split_at(digits_end);
    if num.is_empty() || !num.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let unit = if rest.is_empty() {
        None
    } else {
        let u = knowledge::unit(rest)?;
        if u.kind == "time" && !u.deadline {
            return None;
        }
        if matches!(u.text, "年" | "月" | "日") {
            return None;
        }
        Some(u.text)
    };
    Some((numerals::parse_scaled(num, 0)?, unit))
}

/// Every table of the text.
pub fn find(ctx: &Context<'_>) -> Tables {
    let text = ctx.text;
    let lines = crate::text::line_ranges(text);
    ctx.tick(lines.len());
    // Every line's cells in one list (no list per line): line `l`'s are
    // `grid[starts[l]..starts[l + 1]]`.
    let mut grid = Vec::new();
    let mut starts = Vec::with_capacity(lines.len() + 1);
    starts.push(0);
    for l in &lines {
        cells(&text[l.clone()], l.start, &mut grid);
        starts.push(grid.len());
    }
    let width_of = |l: usize| starts[l + 1] - starts[l];
    let mut out = Tables {
        cells: Vec::new(),
        links: Vec::new(),
    };
    let mut i = 0;
    while i < lines.len() {
        let width = width_of(i);
        let mut j = i;
        while j < lines.len() && width >= 2 && width_of(j) == width {
            j += 1;
        }
        if j - i < 3 {
            i += 1;
            continue;
        }
        // A `单位：项` line just above the table (a title line may stand between).
        let default_unit = lines[i.saturating_sub(2)..i]
            .iter()
            .rev()
            .find_map(|l| header_unit(&text[l.clone()]));
        ctx.tick(starts[j] - starts[i]);
        table(
            text,
            &grid[starts[i]..starts[j]],
            width,
            default_unit,
            &mut out,
        );
        i = j;
    }
    out
}

/// The cells and breakdowns of one table block: `block` holds its lines' cells, `width` to
/// a line, the header first.
fn table(
    text: &str,
    block: &[Range<usize>],
    width: usize,
    default_unit: Option<&'static str>,
    out: &mut Tables,
) {
    let header = &block[..width];
    let body: Vec<&[Range<usize>]> = block[width..].chunks(width).collect();
    let cell = |r: &Range<usize>| &text[r.clone()];
    // Every cell read once, row by row: its number (NaN when it is none), whether its
    // column has a filled cell and only numbers, and the first unit a cell of the column
    // names itself. The numbers are flat, `width` to a row: a long table is three lists,
    // not a list per row.
    let mut numbers: Vec<f64> = Vec::with_capacity(block.len() - width);
    let mut filled = vec![false; width];
    let mut not_number = vec![false; width];
    let mut cell_unit: Vec<Option<&'static str>> = vec![None; width];
    for row in &body {
        for (c, range) in row.iter().enumerate() {
            let n = cell_number(cell(range));
            if !range.is_empty() {
                filled[c] = true;
                not_number[c] |= n.is_none();
            }
            if let Some((_, Some(u))) = n {
                cell_unit[c].get_or_insert(u);
            }
            numbers.push(n.map_or(f64::NAN, |(v, _)| v));
        }
    }
    let numeric = |col: usize| filled[col] && !not_number[col];
    let Some(label_col) =
        (0..width).find(|&c| !numeric(c) && !NUMBERING.contains(&cell(&header[c]).trim()))
    else {
        return;
    };
    let total_row = body
        .iter()
        .position(|r| (0..=label_col).any(|c| is_total_label(cell(&r[c]))));
    let total_col = (label_col + 1..width).find(|&c| is_total_label(cell(&header[c])));
    if total_row.is_none() && total_col.is_none() {
        return;
    }
    // What a column gives each of its cells, worked out once.
    struct Column {
        col: usize,
        /// The unit after scaling (万元 → 元), from `data/units.txt` as every unit a
        /// table names.
        base: &'static knowledge::Unit,
        shift: u32,
        /// The header without its unit, unless it names a total (the row label then).
        subject: Option<Range<usize>>,
        share: bool,
    }
    // The numeric columns after the label, with their unit: the header's, else the one
    // its cells name, else the `单位：` line's.
    let columns: Vec<Column> = (label_col + 1..width)
        .filter(|&c| numeric(c) && !NUMBERING.contains(&cell(&header[c]).trim()))
        .filter_map(|c| {
            let unit = header_unit(cell(&header[c]))
                .or(cell_unit[c])
                .or(default_unit)?;
            let (base, shift) = numerals::unit_scale(unit);
            let head = &header[c];
            let name = header_name(cell(head));
            Some(Column {
                col: c,
                base: knowledge::unit(base)?,
                shift,
                subject: (!is_total_label(cell(head)) && !name.is_empty())
                    .then(|| head.start + name.start..head.start + name.end),
                share: matches!(unit, "%" | "‰"),
            })
        })
        .collect();
    out.cells.reserve(body.len() * columns.len());
    // slot[row * width + col]: the cell's index in out.cells (NONE for no cell); its value
    // after scaling replaces its number.
    // In 32 bits (the text is under 1 GiB): a long table's slots are half the memory.
    const NONE: u32 = u32::MAX;
    let mut slot: Vec<u32> = vec![NONE; numbers.len()];
    for (k, row) in body.iter().enumerate() {
        for col in &columns {
            let c = col.col;
            let at = k * width + c;
            if numbers[at].is_nan() {
                continue;
            }
            let value = round6(numerals::scale(numbers[at], col.shift));
            numbers[at] = value;
            let mut cell = Found::new(
                row[c].clone(),
                value,
                None,
                col.base,
                None,
                row[label_col].clone(),
                true,
            );
            cell.set_subject(Some(
                col.subject
                    .clone()
                    .unwrap_or_else(|| row[label_col].clone()),
            ));
            out.cells.push(cell);
            slot[at] = (out.cells.len() - 1) as u32;
        }
    }
    // The links with their parts added up here, in the order of the parts (the cells of a
    // column lie far apart in out.cells).
    let mut link = |total: usize, parts: &mut dyn Iterator<Item = usize>| {
        let mut part_cells = Vec::new();
        let sum: f64 = parts
            .filter(|&at| slot[at] != NONE)
            .map(|at| {
                part_cells.push(slot[at] as usize);
                numbers[at]
            })
            .sum();
        if part_cells.len() >= 2 {
            out.links.push(Link {
                total,
                parts: part_cells,
                sum,
            });
        }
    };
    if let Some(tr) = total_row {
        for col in columns.iter().filter(|col| !col.share) {
            let c = col.col;
            let total = slot[tr * width + c];
            if total == NONE {
                continue;
            }
            let mut parts = (0..body.len()).filter(|&k| k != tr).map(|k| k * width + c);
            link(total as usize, &mut parts);
        }
    }
    if let Some(tc) = total_col {
        let total_family = columns
            .iter()
            .find(|col| col.col == tc)
            .map(|col| col.base.family);
        let part_cols: Vec<usize> = columns
            .iter()
            .filter(|col| col.col != tc && !col.share && Some(col.base.family) == total_family)
            .map(|col| col.col)
            .collect();
        for k in 0..body.len() {
            let total = slot[k * width + tc];
            if total == NONE {
                continue;
            }
            let mut parts = part_cols.iter().map(|&c| k * width + c);
            link(total as usize, &mut parts);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tab_table_with_unit_line_total_row_and_total_column() {
        let text =
            "单位：项\n部门\t许可\t处罚\t合计\n甲局\t7\t12\t19\n乙局\t3\t5\t8\n合计\t10\t17\t27\n";
        let t = find(&Context::new(text, &[]));
        assert_eq!(t.cells.len(), 9);
        assert!(t.cells.iter().all(|c| c.unit_text() == "项"));
        // three columns and three rows
        assert_eq!(t.links.len(), 6);
    }

    #[test]
    fn numbering_and_year_columns_are_not_figures() {
        let text = "序号\t部门\t处罚（件）\n1\t甲局\t12\n2\t乙局\t30\n合计\t\t42\n";
        let t = find(&Context::new(text, &[]));
        let raws: Vec<&str> = t.cells.iter().map(|c| &text[c.raw()]).collect();
        assert_eq!(raws, ["12", "30", "42"]);
        let text = "年度        收案数（件）    纠错率（%）\n2020年      132             14.4\n2021年      156             14.8\n合计        288             14.6\n";
        let t = find(&Context::new(text, &[]));
        let raws: Vec<&str> = t.cells.iter().map(|c| &text[c.raw()]).collect();
        assert_eq!(raws, ["132", "14.4", "156", "14.8", "288", "14.6"]);
        assert_eq!(t.links.len(), 1, "the share column is not summed");
        assert_eq!(&text[t.cells[0].subject().unwrap()], "收案数");
    }
}
