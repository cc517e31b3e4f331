//! Cells to typed columns: which kind each column holds, its scale, levels
//! or options, and the warnings about it.
//!
//! # Rules, in order (a `kinds` or `scales` option skips the guessing)
//!
//! 1. **id**: the `idColumn` option, else a column forced to `id`, else the
//!    first column named like `id`, `respondent`, `respondent_id`,
//!    `ResponseId` (case, spaces, `_` and `-` ignored). Ids must be present and
//!    unique.
//! 2. **multi (grouped)**: two or more columns named `prefix: option`,
//!    `prefix - option` or `prefix [option]` whose cells are all ticks
//!    (`1`, `yes`, `true`, `checked`, `x`, or the option's own text), non-ticks
//!    (`0`, `no`, `false`, `unchecked`), blank or missing. Without any explicit
//!    non-tick, a blank is "not ticked"; otherwise a respondent with nothing
//!    but blanks and missing codes is missing.
//! 3. A column whose answers are all missing is **text**.
//! 4. **likert (labelled)**: every answer belongs to one known label set
//!    (agreement, interest, likelihood, importance, satisfaction, frequency),
//!    or at least 90 % do and the rest become out-of-scale warnings (stored as
//!    missing).
//! 5. Numbers: if every answer is a number, integers within 1–5, 1–7, 1–10 or
//!    0–10 (not just 0/1) are **likert** on the smallest such scale, others
//!    **numeric**. With 20 or more answers, integers of which at least 95 %
//!    fit a scale are likert too, and the rest are out-of-scale warnings
//!    (stored as missing). If at least 90 % of the answers are numbers and
//!    the rest are not missing codes, the column is a numeric column with
//!    typos: an error names the first non-number.
//! 6. **multi (in one cell)**: some answers hold `;` or `|` (only `|` when the
//!    file is `;`-delimited) and the parts look like options (each at most
//!    60 characters and 5 words on average, at most 40 distinct, and repeated
//!    when there are more than 20 answers).
//! 7. **text** when answers are long (longest over 80 characters, mean over
//!    30, or over 5 words on average) or mostly distinct (over 30 distinct, or
//!    over half distinct with 20 or more answers); otherwise **categorical**.
//!
//! Levels and options are kept in first-seen order and compared
//! case-insensitively (the first spelling wins).

use std::collections::{BTreeMap, HashMap};

use super::error::{FileName, ImportError};
use super::model::{Column, ColumnKind, Scale, Values, Warning, WarningCode};
use super::options::{Checked, normalise};
use super::scales::{self, Labelled};

/// The cells of the file, column-major and trimmed, with the spreadsheet row
/// of each data row.
pub(crate) struct Table {
    pub headers: Vec<String>,
    pub columns: Vec<Vec<String>>,
    pub rows: Vec<usize>,
    pub delimiter: u8,
}

/// What inference produces.
pub(crate) struct Inferred {
    pub columns: Vec<Column>,
    pub ids: Vec<String>,
    pub id_column: Option<String>,
}

/// Numeric Likert scales tried, smallest first.
const NUMERIC_SCALES: [(i64, i64); 4] = [(1, 5), (1, 7), (1, 10), (0, 10)];

struct Ctx<'a> {
    opts: &'a Checked,
    rows: &'a [usize],
    decimal_comma: bool,
    warnings: &'a mut Vec<Warning>,
}

impl Ctx<'_> {
    fn file(&self) -> FileName {
        self.opts.file.clone()
    }

    fn row(&self, i: usize) -> usize {
        self.rows.get(i).copied().unwrap_or(i + 2)
    }

    fn is_missing(&self, cell: &str) -> bool {
        self.opts.is_missing(cell)
    }

    fn warn(&mut self, code: WarningCode, column: &str, row: Option<usize>, message: String) {
        self.warnings.push(Warning {
            code,
            column: Some(column.to_string()),
            row,
            message,
        });
    }
}

/// Infers every column of `table`.
pub(crate) fn infer(
    table: &Table,
    opts: &Checked,
    warnings: &mut Vec<Warning>,
) -> Result<Inferred, ImportError> {
    let mut ctx = Ctx {
        opts,
        rows: &table.rows,
        decimal_comma: table.delimiter == b';',
        warnings,
    };
    let file = opts.file.clone();
    let unknown = |option: &'static str, column: &str| ImportError::UnknownColumn {
        file: file.clone(),
        option,
        column: column.to_string(),
    };
    let has = |name: &str| table.headers.iter().any(|h| h == name);

    if let Some(id) = &opts.id_column {
        if !has(id) {
            return Err(unknown("idColumn", id));
        }
    }
    for name in opts.scales.keys() {
        if !has(name) {
            return Err(unknown("scales", name));
        }
    }

    let groups = find_groups(table, &mut ctx);
    for name in opts.kinds.keys() {
        if !has(name) && !groups.iter().any(|g| &g.prefix == name) {
            return Err(unknown("kinds", name));
        }
    }

    let id_index = opts
        .id_column
        .as_ref()
        .and_then(|id| table.headers.iter().position(|h| h == id))
        .or_else(|| {
            table
                .headers
                .iter()
                .position(|h| opts.kinds.get(h) == Some(&ColumnKind::Id))
        })
        .or_else(|| {
            table
                .headers
                .iter()
                .position(|h| looks_like_id(h) && !opts.kinds.contains_key(h))
        });

    let mut grouped_at: HashMap<usize, usize> = HashMap::new();
    let mut in_group = vec![false; table.headers.len()];
    for (g, group) in groups.iter().enumerate() {
        if let Some(&first) = group.members.first() {
            grouped_at.insert(first, g);
        }
        for &m in &group.members {
            if let Some(flag) = in_group.get_mut(m) {
                *flag = true;
            }
        }
    }

    let mut columns = Vec::new();
    let mut ids = None;
    for (i, (name, cells)) in table.headers.iter().zip(&table.columns).enumerate() {
        if let Some(group) = grouped_at.get(&i).and_then(|&g| groups.get(g)) {
            columns.push(grouped_multi(table, group, &mut ctx));
            continue;
        }
        if in_group.get(i).copied().unwrap_or(false) {
            continue;
        }
        let forced = if Some(i) == id_index {
            Some(ColumnKind::Id)
        } else {
            opts.kinds.get(name).copied()
        };
        let column = if forced == Some(ColumnKind::Id) {
            let column = id_column(name, cells, &ctx)?;
            if ids.is_none() {
                if let Values::Text(v) = &column.values {
                    ids = Some(v.iter().map(|s| s.clone().unwrap_or_default()).collect());
                }
            }
            column
        } else {
            single(name, cells, forced, opts.scales.get(name), &mut ctx)?
        };
        columns.push(column);
    }
    for column in &columns {
        column_warnings(column, table.rows.len(), &mut ctx);
    }
    let id_column = if ids.is_some() {
        id_index.and_then(|i| table.headers.get(i)).cloned()
    } else {
        None
    };
    let ids = ids.unwrap_or_else(|| table.rows.iter().map(|r| r.to_string()).collect());
    Ok(Inferred {
        columns,
        ids,
        id_column,
    })
}

fn looks_like_id(header: &str) -> bool {
    let key: String = normalise(header)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect();
    matches!(
        key.as_str(),
        "id" | "respondent" | "respondentid" | "responseid" | "participantid" | "respondentnumber"
    )
}

fn id_column(name: &str, cells: &[String], ctx: &Ctx) -> Result<Column, ImportError> {
    let mut seen: HashMap<&str, usize> = HashMap::with_capacity(cells.len());
    for (i, cell) in cells.iter().enumerate() {
        let row = ctx.row(i);
        if cell.is_empty() {
            return Err(ImportError::MissingId {
                file: ctx.file(),
                column: name.into(),
                row,
            });
        }
        if let Some(&first_row) = seen.get(cell.as_str()) {
            return Err(ImportError::DuplicateId {
                file: ctx.file(),
                column: name.into(),
                value: cell.clone(),
                first_row,
                row,
            });
        }
        seen.insert(cell, row);
    }
    Ok(Column::new(
        name,
        ColumnKind::Id,
        Values::Text(cells.iter().map(|c| Some(c.clone())).collect()),
    ))
}

/// A set of 0/1-style columns sharing a prefix.
struct Group {
    prefix: String,
    members: Vec<usize>,
    options: Vec<String>,
}

fn split_prefix(header: &str) -> Option<(&str, &str)> {
    let (prefix, option) = if let Some(open) = header.strip_suffix(']').and_then(|h| h.rfind('[')) {
        (header.get(..open)?, header.get(open + 1..header.len() - 1)?)
    } else if let Some((p, o)) = header.split_once(':') {
        (p, o)
    } else {
        header.split_once(" - ")?
    };
    let (prefix, option) = (prefix.trim(), option.trim());
    (!prefix.is_empty() && !option.is_empty()).then_some((prefix, option))
}

#[derive(PartialEq)]
enum Tick {
    Yes,
    No,
    Blank,
    Missing,
    Other,
}

fn tick(cell: &str, option: &str, ctx: &Ctx) -> Tick {
    if cell.is_empty() {
        return Tick::Blank;
    }
    let n = normalise(cell);
    match n.as_str() {
        "1" | "yes" | "y" | "true" | "checked" | "selected" | "x" | "\u{2713}" | "\u{2714}" => {
            Tick::Yes
        }
        "0" | "no" | "n" | "false" | "unchecked" | "not selected" | "not checked" => Tick::No,
        _ if ctx.is_missing(cell) => Tick::Missing,
        _ if n == normalise(option) => Tick::Yes,
        _ => Tick::Other,
    }
}

fn find_groups(table: &Table, ctx: &mut Ctx) -> Vec<Group> {
    let mut order: Vec<String> = Vec::new();
    let mut by_prefix: BTreeMap<String, Vec<(usize, String)>> = BTreeMap::new();
    for (i, h) in table.headers.iter().enumerate() {
        if ctx.opts.scales.contains_key(h)
            || ctx.opts.kinds.contains_key(h)
            || ctx.opts.id_column.as_deref() == Some(h.as_str())
        {
            continue;
        }
        if let Some((prefix, option)) = split_prefix(h) {
            if !by_prefix.contains_key(prefix) {
                order.push(prefix.to_string());
            }
            by_prefix
                .entry(prefix.to_string())
                .or_default()
                .push((i, option.to_string()));
        }
    }
    let mut groups = Vec::new();
    for prefix in order {
        let Some(members) = by_prefix.remove(&prefix) else {
            continue;
        };
        let forced = ctx.opts.kinds.get(&prefix).copied();
        if members.len() < 2
            || table.headers.contains(&prefix)
            || forced.is_some_and(|k| k != ColumnKind::Multi)
        {
            continue;
        }
        let binary = members.iter().all(|(i, option)| {
            table
                .columns
                .get(*i)
                .is_some_and(|cells| cells.iter().all(|c| tick(c, option, ctx) != Tick::Other))
        });
        let answered = members.iter().any(|(i, option)| {
            table.columns.get(*i).is_some_and(|cells| {
                cells
                    .iter()
                    .any(|c| matches!(tick(c, option, ctx), Tick::Yes | Tick::No))
            })
        });
        if forced == Some(ColumnKind::Multi) || (binary && answered) {
            let (members, options) = members.into_iter().unzip();
            groups.push(Group {
                prefix,
                members,
                options,
            });
        }
    }
    groups
}

fn grouped_multi(table: &Table, group: &Group, ctx: &mut Ctx) -> Column {
    let cells: Vec<(&[String], &str)> = group
        .members
        .iter()
        .zip(&group.options)
        .filter_map(|(&i, o)| table.columns.get(i).map(|c| (c.as_slice(), o.as_str())))
        .collect();
    let explicit_no = cells
        .iter()
        .any(|(col, o)| col.iter().any(|c| tick(c, o, ctx) == Tick::No));
    let mut values = Vec::with_capacity(table.rows.len());
    for r in 0..table.rows.len() {
        let mut set = Vec::new();
        let mut answered = false;
        for (k, (col, o)) in cells.iter().enumerate() {
            match col.get(r).map(|c| tick(c, o, ctx)) {
                Some(Tick::Yes | Tick::Other) => {
                    answered = true;
                    set.push(k as u32);
                }
                Some(Tick::No) => answered = true,
                Some(Tick::Blank) => answered |= !explicit_no,
                Some(Tick::Missing) | None => {}
            }
        }
        values.push(answered.then_some(set));
    }
    Column {
        options: Some(group.options.clone()),
        headers: group
            .members
            .iter()
            .filter_map(|&i| table.headers.get(i).cloned())
            .collect(),
        ..Column::new(&group.prefix, ColumnKind::Multi, Values::Sets(values))
    }
}

/// Parses a number as written in a survey: optional sign, digits, at most one
/// decimal point (or comma, when the file is `;`-delimited). No exponents,
/// thousands separators, `inf` or `NaN`.
pub(crate) fn parse_number(cell: &str, decimal_comma: bool) -> Option<f64> {
    let owned;
    let s = if decimal_comma && cell.contains(',') && !cell.contains('.') {
        owned = cell.replacen(',', ".", 1);
        owned.as_str()
    } else {
        cell
    };
    let body = s.strip_prefix(['+', '-']).unwrap_or(s);
    let mut digits = 0;
    let mut points = 0;
    for c in body.chars() {
        match c {
            '0'..='9' => digits += 1,
            '.' => points += 1,
            _ => return None,
        }
    }
    if digits == 0 || points > 1 {
        return None;
    }
    s.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// Distinct answers by normalised form with their counts, first spelling
/// kept, first-seen order.
fn distinct<'c>(present: &[(usize, &'c str)]) -> Vec<(String, &'c str, usize)> {
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut by_raw: HashMap<&str, usize> = HashMap::new();
    let mut out: Vec<(String, &str, usize)> = Vec::new();
    for &(_, cell) in present {
        if let Some(entry) = by_raw.get(cell).and_then(|&k| out.get_mut(k)) {
            entry.2 += 1;
            continue;
        }
        let n = normalise(cell);
        match seen.get(&n).copied() {
            Some(k) => {
                by_raw.insert(cell, k);
                if let Some(entry) = out.get_mut(k) {
                    entry.2 += 1;
                }
            }
            None => {
                by_raw.insert(cell, out.len());
                seen.insert(n.clone(), out.len());
                out.push((n, cell, 1));
            }
        }
    }
    out
}

fn single(
    name: &str,
    cells: &[String],
    forced: Option<ColumnKind>,
    caller_scale: Option<&Vec<String>>,
    ctx: &mut Ctx,
) -> Result<Column, ImportError> {
    let n = cells.len();
    let mut missing_memo: HashMap<&str, bool> = HashMap::new();
    let present: Vec<(usize, &str)> = cells
        .iter()
        .enumerate()
        .filter(|(_, c)| {
            !*missing_memo
                .entry(c.as_str())
                .or_insert_with(|| ctx.is_missing(c))
        })
        .map(|(i, c)| (i, c.as_str()))
        .collect();

    if let Some(labels) = caller_scale {
        return Ok(labelled(
            name,
            n,
            &present,
            &Labelled::from_labels(labels),
            true,
            ctx,
        ));
    }
    match forced {
        Some(ColumnKind::Text) => return Ok(text(name, n, &present)),
        Some(ColumnKind::Categorical) => return Ok(categorical(name, n, &present)),
        Some(ColumnKind::Multi) => {
            let sep = multi_separator(&present, ctx).map_or('|', |(s, _)| s);
            return Ok(in_cell_multi(name, n, &present, sep));
        }
        Some(ColumnKind::Numeric) => {
            let values = numbers(name, n, &present, ctx)?;
            return Ok(Column::new(
                name,
                ColumnKind::Numeric,
                Values::Numbers(values),
            ));
        }
        Some(ColumnKind::Likert) => {
            if let Some(scale) = scales::recognise(&distinct(&present)) {
                return Ok(labelled(name, n, &present, &scale, false, ctx));
            }
            let values = numbers(name, n, &present, ctx)?;
            let (lo, hi) = values
                .iter()
                .flatten()
                .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &v| {
                    (lo.min(v), hi.max(v))
                });
            let range = NUMERIC_SCALES
                .iter()
                .find(|(a, b)| lo >= *a as f64 && hi <= *b as f64)
                .map_or((lo.floor(), hi.ceil()), |&(a, b)| (a as f64, b as f64));
            let mut column = Column::new(name, ColumnKind::Likert, Values::Numbers(values));
            if range.0.is_finite() {
                column.scale = Some(Scale {
                    min: range.0,
                    max: range.1,
                    labels: vec![],
                });
            }
            return Ok(column);
        }
        Some(ColumnKind::Id) | None => {}
    }

    if present.is_empty() {
        return Ok(text(name, n, &present));
    }
    let answers = distinct(&present);
    if let Some(scale) = scales::recognise(&answers) {
        return Ok(labelled(name, n, &present, &scale, false, ctx));
    }
    let parsed: Vec<Option<f64>> = present
        .iter()
        .map(|(_, c)| parse_number(c, ctx.decimal_comma))
        .collect();
    let numeric = parsed.iter().filter(|v| v.is_some()).count();
    if numeric == present.len() {
        return Ok(numeric_column(name, n, &present, &parsed, ctx));
    }
    if numeric * 10 >= present.len() * 9 {
        if let Some((i, cell)) = present
            .iter()
            .zip(&parsed)
            .find(|(_, v)| v.is_none())
            .map(|(p, _)| *p)
        {
            return Err(ImportError::NotANumber {
                file: ctx.file(),
                row: ctx.row(i),
                column: name.into(),
                value: cell.into(),
            });
        }
    }
    if let Some((sep, true)) = multi_separator(&present, ctx) {
        return Ok(in_cell_multi(name, n, &present, sep));
    }
    if looks_like_text(&present, &answers) {
        return Ok(text(name, n, &present));
    }
    Ok(categorical(name, n, &present))
}

fn numbers(
    name: &str,
    n: usize,
    present: &[(usize, &str)],
    ctx: &Ctx,
) -> Result<Vec<Option<f64>>, ImportError> {
    let mut values = vec![None; n];
    for &(i, cell) in present {
        let Some(v) = parse_number(cell, ctx.decimal_comma) else {
            return Err(ImportError::NotANumber {
                file: ctx.file(),
                row: ctx.row(i),
                column: name.into(),
                value: cell.into(),
            });
        };
        if let Some(slot) = values.get_mut(i) {
            *slot = Some(v);
        }
    }
    Ok(values)
}

fn numeric_column(
    name: &str,
    n: usize,
    present: &[(usize, &str)],
    parsed: &[Option<f64>],
    ctx: &mut Ctx,
) -> Column {
    let nums: Vec<(usize, f64)> = present
        .iter()
        .zip(parsed)
        .filter_map(|((i, _), v)| v.map(|v| (*i, v)))
        .collect();
    let mut values = vec![None; n];
    for &(i, v) in &nums {
        if let Some(slot) = values.get_mut(i) {
            *slot = Some(v);
        }
    }
    let integers = nums.iter().all(|(_, v)| v.fract() == 0.0);
    let binary = nums.iter().all(|(_, v)| *v == 0.0 || *v == 1.0);
    let fits = |&(a, b): &(i64, i64)| {
        nums.iter()
            .filter(|(_, v)| *v >= a as f64 && *v <= b as f64)
            .count()
    };
    let scale = if integers && !binary {
        NUMERIC_SCALES
            .iter()
            .find(|s| fits(s) == nums.len())
            .or_else(|| {
                if nums.len() >= 20 {
                    NUMERIC_SCALES
                        .iter()
                        .find(|s| fits(s) * 100 >= nums.len() * 95)
                } else {
                    None
                }
            })
    } else {
        None
    };
    let Some(&(a, b)) = scale else {
        return Column::new(name, ColumnKind::Numeric, Values::Numbers(values));
    };
    let (min, max) = (a as f64, b as f64);
    for &(i, v) in &nums {
        if v < min || v > max {
            if let Some(slot) = values.get_mut(i) {
                *slot = None;
            }
            let row = ctx.row(i);
            ctx.warn(
                WarningCode::OutOfScale,
                name,
                Some(row),
                format!("row {row}, column {name:?}: {v} is outside the scale {a}–{b}; it was treated as missing"),
            );
        }
    }
    let mut column = Column::new(name, ColumnKind::Likert, Values::Numbers(values));
    column.scale = Some(Scale {
        min,
        max,
        labels: vec![],
    });
    column
}

fn labelled(
    name: &str,
    n: usize,
    present: &[(usize, &str)],
    scale: &Labelled,
    from_caller: bool,
    ctx: &mut Ctx,
) -> Column {
    let count = scale.labels.len();
    let mut values = vec![None; n];
    let mut memo: HashMap<&str, Option<usize>> = HashMap::new();
    for &(i, cell) in present {
        let pos = *memo.entry(cell).or_insert_with(|| {
            scale.position(cell).or_else(|| {
                // The caller's scale also accepts the positions written as 1..=n.
                parse_number(cell, ctx.decimal_comma)
                    .filter(|v| from_caller && v.fract() == 0.0 && *v >= 1.0 && *v <= count as f64)
                    .map(|v| v as usize - 1)
            })
        });
        match pos {
            Some(p) => {
                if let Some(slot) = values.get_mut(i) {
                    *slot = Some(1.0 + p as f64);
                }
            }
            None => {
                let row = ctx.row(i);
                ctx.warn(
                    WarningCode::OutOfScale,
                    name,
                    Some(row),
                    format!("row {row}, column {name:?}: {cell:?} is not on the column's scale; it was treated as missing"),
                );
            }
        }
    }
    let mut column = Column::new(name, ColumnKind::Likert, Values::Numbers(values));
    column.scale = Some(Scale {
        min: 1.0,
        max: count as f64,
        labels: scale.labels.clone(),
    });
    column
}

fn text(name: &str, n: usize, present: &[(usize, &str)]) -> Column {
    let mut values = vec![None; n];
    for &(i, cell) in present {
        if let Some(slot) = values.get_mut(i) {
            *slot = Some(cell.to_string());
        }
    }
    Column::new(name, ColumnKind::Text, Values::Text(values))
}

fn categorical(name: &str, n: usize, present: &[(usize, &str)]) -> Column {
    let mut levels: Vec<String> = Vec::new();
    let mut index: HashMap<String, u32> = HashMap::new();
    let mut by_raw: HashMap<&str, u32> = HashMap::new();
    let mut values = vec![None; n];
    for &(i, cell) in present {
        let level = *by_raw.entry(cell).or_insert_with(|| {
            let next = levels.len() as u32;
            *index.entry(normalise(cell)).or_insert_with(|| {
                levels.push(cell.to_string());
                next
            })
        });
        if let Some(slot) = values.get_mut(i) {
            *slot = Some(level);
        }
    }
    let mut column = Column::new(name, ColumnKind::Categorical, Values::Levels(values));
    column.levels = Some(levels);
    column
}

/// The in-cell separator used by the column, and whether the parts look like
/// options (see rule 6).
fn multi_separator(present: &[(usize, &str)], ctx: &Ctx) -> Option<(char, bool)> {
    let candidates: &[char] = if ctx.decimal_comma {
        &['|']
    } else {
        &[';', '|']
    };
    let (sep, uses) = candidates
        .iter()
        .map(|&s| (s, present.iter().filter(|(_, c)| c.contains(s)).count()))
        .max_by_key(|&(s, count)| (count, s == ';'))?;
    if uses == 0 {
        return None;
    }
    let parts: Vec<&str> = present
        .iter()
        .flat_map(|(_, c)| c.split(sep))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    if parts.is_empty() {
        return Some((sep, false));
    }
    let mut raw = parts.clone();
    raw.sort_unstable();
    raw.dedup();
    let mut distinct: Vec<String> = raw.iter().map(|p| normalise(p)).collect();
    distinct.sort_unstable();
    distinct.dedup();
    let words: usize = parts.iter().map(|p| p.split_whitespace().count()).sum();
    let looks = parts.iter().all(|p| p.chars().count() <= 60)
        && words <= parts.len() * 5
        && distinct.len() <= 40
        && (present.len() <= 20 || distinct.len() * 2 <= parts.len());
    Some((sep, looks))
}

fn in_cell_multi(name: &str, n: usize, present: &[(usize, &str)], sep: char) -> Column {
    let mut options: Vec<String> = Vec::new();
    let mut index: HashMap<String, u32> = HashMap::new();
    let mut by_raw: HashMap<&str, u32> = HashMap::new();
    let mut values = vec![None; n];
    for &(i, cell) in present {
        let mut set: Vec<u32> = cell
            .split(sep)
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(|p| {
                *by_raw.entry(p).or_insert_with(|| {
                    let next = options.len() as u32;
                    *index.entry(normalise(p)).or_insert_with(|| {
                        options.push(p.to_string());
                        next
                    })
                })
            })
            .collect();
        set.sort_unstable();
        set.dedup();
        if let Some(slot) = values.get_mut(i) {
            *slot = Some(set);
        }
    }
    let mut column = Column::new(name, ColumnKind::Multi, Values::Sets(values));
    column.options = Some(options);
    column
}

fn looks_like_text(present: &[(usize, &str)], answers: &[(String, &str, usize)]) -> bool {
    let n = present.len().max(1);
    let lengths: Vec<usize> = present.iter().map(|(_, c)| c.chars().count()).collect();
    let longest = lengths.iter().copied().max().unwrap_or(0);
    let mean = lengths.iter().sum::<usize>() as f64 / n as f64;
    let words = present
        .iter()
        .map(|(_, c)| c.split_whitespace().count())
        .sum::<usize>() as f64
        / n as f64;
    longest > 80
        || mean > 30.0
        || words > 5.0
        || answers.len() > 30
        || (present.len() >= 20 && answers.len() * 2 > present.len())
}

fn column_warnings(column: &Column, respondents: usize, ctx: &mut Ctx) {
    if column.kind == ColumnKind::Id || respondents == 0 {
        return;
    }
    let name = column.name.as_str();
    if column.missing * 10 >= respondents * 9 {
        ctx.warn(
            WarningCode::MostlyMissing,
            name,
            None,
            format!(
                "column {name:?}: {} of {respondents} answers are missing",
                column.missing
            ),
        );
    }
    let answered = respondents.saturating_sub(column.missing);
    let distinct = match &column.values {
        Values::Numbers(v) => {
            let mut d: Vec<u64> = v.iter().flatten().map(|x| x.to_bits()).collect();
            d.sort_unstable();
            d.dedup();
            d.len()
        }
        Values::Levels(v) => {
            let mut d: Vec<u32> = v.iter().flatten().copied().collect();
            d.sort_unstable();
            d.dedup();
            d.len()
        }
        Values::Sets(v) => {
            let mut d: Vec<&Vec<u32>> = v.iter().flatten().collect();
            d.sort();
            d.dedup();
            d.len()
        }
        Values::Text(v) => {
            let mut d: Vec<&String> = v.iter().flatten().collect();
            d.sort();
            d.dedup();
            d.len()
        }
    };
    if answered >= 2 && distinct == 1 {
        ctx.warn(
            WarningCode::ConstantColumn,
            name,
            None,
            format!(
                "column {name:?}: every answer is the same, so it cannot tell respondents apart"
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::survey::{ImportOptions, parse_survey};

    fn parse(csv: &str) -> crate::survey::Survey {
        parse_survey(csv.as_bytes(), &ImportOptions::default()).unwrap()
    }

    fn err(csv: &str) -> ImportError {
        parse_survey(csv.as_bytes(), &ImportOptions::default()).unwrap_err()
    }

    fn codes(s: &crate::survey::Survey) -> Vec<WarningCode> {
        s.warnings.iter().map(|w| w.code).collect()
    }

    #[test]
    fn sample_survey_shape_is_inferred_without_options() {
        let csv = "respondent_id,co_planning,co_prioritisation,co_financing,co_design,co_management,co_performing,co_assessment,benefits,age_band,area,preferred_channel,comments\n\
R001,Very interested,Fairly interested,Not at all interested,Very interested,Not very interested,Don't know,Fairly interested,\"Social cohesion;Better outcomes\",16-24,North,Email,I would like to help plan the new library opening hours\n\
R002,Not very interested,,Neither interested nor uninterested,Fairly interested,Not at all interested,Very interested,Don't know,Better outcomes,75+,South,Post,\n\
R003,Fairly interested,Very interested,Not very interested,Not at all interested,Very interested,Fairly interested,Neither interested nor uninterested,\"More efficient services;Social cohesion;Services that last\",25-34,East,Online meeting,Too busy with work but happy to fill in more surveys later\n\
R004,Don't know,Not at all interested,Fairly interested,Very interested,Neither interested nor uninterested,Not very interested,Very interested,Services that last,45-54,North,Email,\"Please run events in the evening, not the daytime\"\n";
        let s = parse(csv);
        assert_eq!(s.respondents, 4);
        assert_eq!(s.id_column.as_deref(), Some("respondent_id"));
        assert_eq!(s.ids, ["R001", "R002", "R003", "R004"]);
        let interest = [
            "Not at all interested",
            "Not very interested",
            "Neither interested nor uninterested",
            "Fairly interested",
            "Very interested",
        ];
        for name in [
            "co_planning",
            "co_prioritisation",
            "co_financing",
            "co_design",
            "co_management",
            "co_performing",
            "co_assessment",
        ] {
            let c = s.column(name).unwrap();
            assert_eq!(c.kind, ColumnKind::Likert, "{name}");
            let scale = c.scale.as_ref().unwrap();
            assert_eq!((scale.min, scale.max), (1.0, 5.0));
            assert_eq!(scale.labels, interest, "{name}");
        }
        let planning = s.column("co_planning").unwrap();
        assert_eq!(planning.missing, 1);
        assert_eq!(
            planning.values,
            Values::Numbers(vec![Some(5.0), Some(2.0), Some(4.0), None])
        );
        assert_eq!(s.column("co_prioritisation").unwrap().missing, 1);
        let benefits = s.column("benefits").unwrap();
        assert_eq!(benefits.kind, ColumnKind::Multi);
        assert_eq!(
            benefits.options.as_deref().unwrap(),
            [
                "Social cohesion",
                "Better outcomes",
                "More efficient services",
                "Services that last"
            ]
        );
        assert_eq!(
            benefits.values,
            Values::Sets(vec![
                Some(vec![0, 1]),
                Some(vec![1]),
                Some(vec![0, 2, 3]),
                Some(vec![3])
            ])
        );
        let age = s.column("age_band").unwrap();
        assert_eq!(age.kind, ColumnKind::Categorical);
        assert_eq!(
            age.levels.as_deref().unwrap(),
            ["16-24", "75+", "25-34", "45-54"]
        );
        assert_eq!(s.column("area").unwrap().kind, ColumnKind::Categorical);
        assert_eq!(
            s.column("preferred_channel").unwrap().kind,
            ColumnKind::Categorical
        );
        let comments = s.column("comments").unwrap();
        assert_eq!(comments.kind, ColumnKind::Text);
        assert_eq!(comments.missing, 1);
        assert!(s.warnings.is_empty(), "{:?}", s.warnings);
    }

    #[test]
    fn a_label_typo_is_out_of_scale_not_categorical() {
        let mut csv = String::from("q\n");
        for i in 0..10 {
            csv.push_str(if i % 2 == 0 {
                "Agree\n"
            } else {
                "Strongly agree\n"
            });
        }
        csv.push_str("Agre\n");
        let s = parse(&csv);
        let q = s.column("q").unwrap();
        assert_eq!((q.kind, q.missing), (ColumnKind::Likert, 1));
        assert_eq!(codes(&s), vec![WarningCode::OutOfScale]);
        assert_eq!(s.warnings[0].row, Some(12));
    }

    #[test]
    fn numeric_likert_ranges() {
        let s = parse("a,b,c,d,e\n1,1,0,2,0\n3,6,5,9,1\n4,7,3,10,0\n");
        let range = |n: &str| {
            let c = s.column(n).unwrap();
            (c.kind, c.scale.as_ref().map(|s| (s.min, s.max)))
        };
        assert_eq!(range("a"), (ColumnKind::Likert, Some((1.0, 5.0))));
        assert_eq!(range("b"), (ColumnKind::Likert, Some((1.0, 7.0))));
        assert_eq!(range("c"), (ColumnKind::Likert, Some((0.0, 10.0))));
        assert_eq!(range("d"), (ColumnKind::Likert, Some((1.0, 10.0))));
        assert_eq!(range("e"), (ColumnKind::Numeric, None));
    }

    #[test]
    fn a_value_breaking_the_inferred_scale_is_warned_and_missing() {
        let mut csv = String::from("q\n");
        for i in 0..24 {
            csv.push_str(&format!("{}\n", 1 + i % 5));
        }
        csv.push_str("55\n");
        let s = parse(&csv);
        let q = s.column("q").unwrap();
        assert_eq!(q.kind, ColumnKind::Likert);
        assert_eq!(q.missing, 1);
        let w = &s.warnings[0];
        assert_eq!(
            (w.code, w.row, w.column.as_deref()),
            (WarningCode::OutOfScale, Some(26), Some("q"))
        );
    }

    #[test]
    fn numeric_with_a_typo_is_an_error_at_the_first_bad_cell() {
        let mut csv = String::from("id,co_design\n");
        for r in 2..=120 {
            let v = if r == 118 {
                "4o".to_string()
            } else {
                (r % 5 + 1).to_string()
            };
            csv.push_str(&format!("{r},{v}\n"));
        }
        let e = err(&csv);
        assert_eq!(
            e.to_string(),
            "row 118, column \"co_design\": \"4o\" is not a number"
        );
        assert_eq!((e.row(), e.column()), (Some(118), Some("co_design")));
    }

    #[test]
    fn mostly_text_with_some_numbers_is_categorical() {
        let s = parse("a\n1\n2\nOther\n");
        assert_eq!(s.column("a").unwrap().kind, ColumnKind::Categorical);
    }

    #[test]
    fn grouped_zero_one_columns_become_one_multi() {
        let s = parse(
            "benefits: Social cohesion,benefits: Better outcomes,x\n1,0,a\n0,0,b\nNA,NA,a\n1,1,b\n",
        );
        let m = s.column("benefits").unwrap();
        assert_eq!(m.kind, ColumnKind::Multi);
        assert_eq!(
            m.options.as_deref().unwrap(),
            ["Social cohesion", "Better outcomes"]
        );
        assert_eq!(
            m.headers,
            ["benefits: Social cohesion", "benefits: Better outcomes"]
        );
        assert_eq!(
            m.values,
            Values::Sets(vec![Some(vec![0]), Some(vec![]), None, Some(vec![0, 1])])
        );
        assert_eq!(m.missing, 1);
        assert_eq!(s.columns.len(), 2);
    }

    #[test]
    fn checked_or_blank_columns_with_brackets() {
        let s = parse("q [Email],q [Post],r\nEmail,,a\n,Post,b\n,,c\n");
        let m = s.column("q").unwrap();
        assert_eq!(
            m.values,
            Values::Sets(vec![Some(vec![0]), Some(vec![1]), Some(vec![])])
        );
        assert_eq!(m.missing, 0);
    }

    #[test]
    fn in_cell_multi_uses_pipe_in_semicolon_files() {
        let s = parse("id;b;n\n1;A|B;1,5\n2;B;2,25\n3;C|A;3\n");
        let b = s.column("b").unwrap();
        assert_eq!(b.kind, ColumnKind::Multi);
        assert_eq!(b.options.as_deref().unwrap(), ["A", "B", "C"]);
        let n = s.column("n").unwrap();
        assert_eq!(n.kind, ColumnKind::Numeric);
        assert_eq!(
            n.values,
            Values::Numbers(vec![Some(1.5), Some(2.25), Some(3.0)])
        );
    }

    #[test]
    fn missing_codes_are_never_numbers() {
        let s = parse(
            "q\n-99\nN/A\nDon\u{2019}t know\nPrefer not to say\ndont know\nna\n3\n4\n1\n2\n5\n",
        );
        let q = s.column("q").unwrap();
        assert_eq!(q.missing, 6);
        assert_eq!(q.kind, ColumnKind::Likert);
    }

    #[test]
    fn caller_codes_kinds_and_scales() {
        let mut o = ImportOptions::default();
        o.missing_codes.push("skipped".into());
        o.kinds.insert("n".into(), ColumnKind::Categorical);
        o.scales
            .insert("s".into(), vec!["Low".into(), "Mid".into(), "High".into()]);
        let s = parse_survey(b"n,s\n1,low\nskipped,HIGH\n2,3\n1,Huge\n", &o).unwrap();
        assert_eq!(
            s.column("n").unwrap().levels.as_deref().unwrap(),
            ["1", "2"]
        );
        assert_eq!(s.column("n").unwrap().missing, 1);
        let sc = s.column("s").unwrap();
        assert_eq!(
            sc.values,
            Values::Numbers(vec![Some(1.0), Some(3.0), Some(3.0), None])
        );
        assert_eq!(codes(&s), vec![WarningCode::OutOfScale]);
        assert_eq!(s.warnings[0].row, Some(5));
    }

    #[test]
    fn forced_numeric_rejects_text() {
        let mut o = ImportOptions::default();
        o.kinds.insert("a".into(), ColumnKind::Numeric);
        let e = parse_survey(b"a\n1\nfive\n", &o).unwrap_err();
        assert_eq!((e.row(), e.column()), (Some(3), Some("a")));
    }

    #[test]
    fn unknown_option_columns_are_errors() {
        let mut o = ImportOptions::default();
        o.kinds.insert("nope".into(), ColumnKind::Text);
        assert!(matches!(
            parse_survey(b"a\n1\n", &o),
            Err(ImportError::UnknownColumn { .. })
        ));
        let o = ImportOptions {
            id_column: Some("x".into()),
            ..Default::default()
        };
        assert!(matches!(
            parse_survey(b"a\n1\n", &o),
            Err(ImportError::UnknownColumn { .. })
        ));
    }

    #[test]
    fn duplicate_and_blank_ids() {
        let e = err("id,a\nx,1\ny,2\nx,3\n");
        assert_eq!(
            e.to_string(),
            "row 4, column \"id\": the id \"x\" already appears in row 2"
        );
        assert_eq!(err("ResponseId,a\nx,1\n,2\n").row(), Some(3));
    }

    #[test]
    fn rows_are_ids_without_id_column() {
        let s = parse("a,b\n1,x\n\n2,y\n");
        assert_eq!(s.ids, ["2", "4"]);
        assert_eq!(codes(&s), vec![WarningCode::Other]);
    }

    #[test]
    fn constant_and_mostly_missing() {
        let mut csv = String::from("c,m\n");
        for i in 0..10 {
            csv.push_str(if i == 0 { "x,5\n" } else { "x,\n" });
        }
        let s = parse(&csv);
        assert_eq!(
            codes(&s),
            vec![WarningCode::ConstantColumn, WarningCode::MostlyMissing]
        );
    }

    #[test]
    fn all_missing_is_text_and_long_answers_are_text() {
        let s = parse("a,b\n,This is a long free text answer about the service\nNA,Short\n");
        assert_eq!(s.column("a").unwrap().kind, ColumnKind::Text);
        assert_eq!(s.column("b").unwrap().kind, ColumnKind::Text);
    }

    #[test]
    fn numbers_are_plain_decimals() {
        assert_eq!(parse_number("-2.5", false), Some(-2.5));
        assert_eq!(parse_number("+3", false), Some(3.0));
        assert_eq!(parse_number("3,5", false), None);
        assert_eq!(parse_number("3,5", true), Some(3.5));
        for bad in ["inf", "NaN", "1e5", ".", "-", "1.2.3", "4o", ""] {
            assert_eq!(parse_number(bad, false), None, "{bad}");
        }
    }
}
