//! Multi-select columns: groups of per-option tick columns sharing a
//! prefix (rule 3), and options joined in one cell (rules 7, 8).

use std::collections::{BTreeMap, HashSet};
use std::hash::BuildHasherDefault;

use super::super::cells::{Cells, FastHasher, FastMap};
use super::super::model::{Column, ColumnKind, Values};
use super::super::options::normalise;
use super::{Answers, Ctx, Table};

/// A set of 0/1-style columns sharing a prefix.
pub(super) struct Group {
    pub prefix: String,
    pub members: Vec<usize>,
    pub options: Vec<String>,
    /// "Other (please specify)" columns of the question: free text tied to it.
    pub others: Vec<usize>,
}

/// True for an option that is the "Other" box of a question (`Other`,
/// `Other (please specify)`, Qualtrics' `Other - Text`, a code ending in
/// `_TEXT`).
fn is_other_option(option: &str, code: Option<&str>) -> bool {
    let n = normalise(option);
    n == "other"
        || n.contains("please specify")
        || n.starts_with("other (")
        || n.starts_with("other -")
        || n.starts_with("other:")
        || code.is_some_and(|c| c.ends_with("_TEXT"))
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

pub(super) fn find_groups(table: &Table, ctx: &mut Ctx) -> Vec<Group> {
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
        let (others, members): (Vec<_>, Vec<_>) = members.into_iter().partition(|(i, option)| {
            let code = table.codes.get(*i).and_then(Option::as_deref);
            is_other_option(option, code)
                && table
                    .columns
                    .get(*i)
                    .is_some_and(|cells| cells.iter().any(|c| tick(c, option, ctx) == Tick::Other))
        });
        if members.len() < 2 {
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
                others: others.into_iter().map(|(i, _)| i).collect(),
            });
        }
    }
    label_only_groups(table, &mut groups, ctx);
    groups
}

/// Runs of two or more adjacent columns, outside any group, each holding
/// only its own header (or blanks): one column per choice headed by the
/// choice label (Typeform). The group is named by its options joined with
/// ` / `; an `Other` column right after it holding free text is its other
/// box.
fn label_only_groups(table: &Table, groups: &mut Vec<Group>, ctx: &Ctx) {
    let taken: Vec<usize> = groups
        .iter()
        .flat_map(|g| g.members.iter().chain(&g.others).copied())
        .collect();
    let own_label = |i: usize| {
        let (Some(h), Some(cells)) = (table.headers.get(i), table.columns.get(i)) else {
            return false;
        };
        !taken.contains(&i)
            && !ctx.opts.kinds.contains_key(h)
            && !ctx.opts.scales.contains_key(h)
            && ctx.opts.id_column.as_deref() != Some(h.as_str())
            && !is_other_option(h, None)
            && cells.iter().any(|c| !c.is_empty())
            && cells
                .iter()
                .all(|c| c.is_empty() || normalise(c) == normalise(h))
    };
    let mut i = 0;
    while i < table.headers.len() {
        let start = i;
        while own_label(i) {
            i += 1;
        }
        if i - start >= 2 {
            let members: Vec<usize> = (start..i).collect();
            let options: Vec<String> = members
                .iter()
                .filter_map(|&m| table.headers.get(m).cloned())
                .collect();
            let other = table
                .headers
                .get(i)
                .is_some_and(|h| is_other_option(h, None));
            groups.push(Group {
                prefix: options.join(" / "),
                members,
                options,
                others: if other { vec![i] } else { vec![] },
            });
        }
        i = i.max(start + 1);
    }
}

pub(super) fn grouped_multi(table: &Table, group: &Group, ctx: &mut Ctx) -> Column {
    let cells: Vec<(&Cells, &str)> = group
        .members
        .iter()
        .zip(&group.options)
        .filter_map(|(&i, o)| table.columns.get(i).map(|c| (c, o.as_str())))
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

/// The in-cell separator used by the column, and whether the parts look like
/// options (see rule 7).
pub(super) fn multi_separator(answers: &Answers, ctx: &Ctx) -> Option<(char, bool)> {
    let candidates: &[char] = if ctx.decimal_comma {
        &['|']
    } else {
        &[';', '|']
    };
    let uses = |s: char| -> usize {
        answers
            .values
            .iter()
            .filter(|(c, _)| c.contains(s))
            .map(|&(_, count)| count)
            .sum()
    };
    let (sep, uses) = candidates
        .iter()
        .map(|&s| (s, uses(s)))
        .max_by_key(|&(s, count)| (count, s == ';'))?;
    if uses == 0 {
        return None;
    }
    // Parts counted once per row, looked at once per distinct value.
    let mut raw: HashSet<&str, BuildHasherDefault<FastHasher>> = HashSet::default();
    let mut parts = 0;
    let mut words = 0;
    for &(cell, count) in &answers.values {
        for part in cell.split(sep).map(str::trim).filter(|p| !p.is_empty()) {
            raw.insert(part);
            parts += count;
            words += part.split_whitespace().count() * count;
        }
    }
    if parts == 0 {
        return Some((sep, false));
    }
    // Sets, not sorts: only the counts are kept.
    let normalised: Vec<String> = raw.iter().map(|p| normalise(p)).collect();
    let distinct: HashSet<&str, BuildHasherDefault<FastHasher>> =
        normalised.iter().map(String::as_str).collect();
    let looks = raw.iter().all(|p| p.chars().count() <= 60)
        && words <= parts * 5
        && distinct.len() <= 40
        && (answers.len() <= 20 || distinct.len() * 2 <= parts);
    Some((sep, looks))
}

/// The options met in `cells` (each cell's parts), in first-seen order and
/// compared case-insensitively (the first spelling wins), and each cell's
/// set of option indices, sorted and without repeats.
fn option_sets<'a, P: Iterator<Item = &'a str>>(
    cells: impl Iterator<Item = P>,
) -> (Vec<String>, Vec<Vec<u32>>) {
    let mut options: Vec<String> = Vec::new();
    let mut index: FastMap<String, u32> = FastMap::default();
    let sets = cells
        .map(|parts| {
            let mut set: Vec<u32> = parts
                .map(|p| {
                    let next = options.len() as u32;
                    *index.entry(normalise(p)).or_insert_with(|| {
                        options.push(p.to_string());
                        next
                    })
                })
                .collect();
            set.sort_unstable();
            set.dedup();
            set
        })
        .collect();
    (options, sets)
}

pub(super) fn in_cell_multi(name: &str, n: usize, answers: &Answers, sep: char) -> Column {
    // Options are met in first-seen order of the distinct values, which is
    // the rows' order.
    let (options, sets) = option_sets(
        answers
            .values
            .iter()
            .map(|&(cell, _)| cell.split(sep).map(str::trim).filter(|p| !p.is_empty())),
    );
    let mut column = Column::new(
        name,
        ColumnKind::Multi,
        Values::Sets(by_row(n, answers, &sets)),
    );
    column.options = Some(options);
    column
}

/// Each present row's set, from the sets of the distinct values.
fn by_row(n: usize, answers: &Answers, sets: &[Vec<u32>]) -> Vec<Option<Vec<u32>>> {
    let mut values = vec![None; n];
    for (i, k) in answers.rows() {
        if let (Some(slot), Some(set)) = (values.get_mut(i), sets.get(k)) {
            *slot = Some(set.clone());
        }
    }
    values
}

/// The options of a cell joined with `, ` (Google Sheets): split on `, `,
/// then parts are joined again where together they make an answer seen on
/// its own (`wholes`) or where a part starts in lower case (the rest of an
/// option whose text holds a comma).
fn comma_options<'c>(cell: &'c str, wholes: &std::collections::HashSet<String>) -> Vec<&'c str> {
    let mut bounds: Vec<(usize, usize)> = Vec::new();
    let mut start = 0;
    for (at, _) in cell.match_indices(", ") {
        bounds.push((start, at));
        start = at + 2;
    }
    bounds.push((start, cell.len()));
    let mut out: Vec<&str> = Vec::new();
    let mut i = 0;
    while let Some(&(from, mut to)) = bounds.get(i) {
        let mut j = i + 1;
        // The longest run from here that is an answer seen on its own.
        for (k, &(_, end)) in bounds.iter().enumerate().skip(i + 1) {
            if cell
                .get(from..end)
                .is_some_and(|s| wholes.contains(&normalise(s)))
            {
                to = end;
                j = k + 1;
            }
        }
        while let Some(&(next, end)) = bounds.get(j) {
            if !cell
                .get(next..)
                .is_some_and(|s| s.starts_with(|c: char| c.is_lowercase()))
            {
                break;
            }
            to = end;
            j += 1;
        }
        if let Some(part) = cell.get(from..to).map(str::trim).filter(|p| !p.is_empty()) {
            out.push(part);
        }
        i = j;
    }
    out
}

/// A column of options joined with `, `, when the answers look like that:
/// at least two cells hold two or more options, every option is short
/// (at most 60 characters, 5 words on average), there are at most 40, and
/// with 10 or more answers each option is chosen at least twice.
pub(super) fn comma_multi(name: &str, n: usize, answers: &Answers) -> Option<Column> {
    let wholes: std::collections::HashSet<String> = answers
        .values
        .iter()
        .filter(|(c, _)| !c.contains(", "))
        .map(|(c, _)| normalise(c))
        .collect();
    // Each distinct value is split once; rows count by their value's count.
    let split: Vec<(Vec<&str>, usize)> = answers
        .values
        .iter()
        .map(|&(c, count)| (comma_options(c, &wholes), count))
        .collect();
    let several: usize = split
        .iter()
        .filter(|(o, _)| o.len() >= 2)
        .map(|&(_, count)| count)
        .sum();
    if several < 2 {
        return None;
    }
    let mut counts: FastMap<String, usize> = FastMap::default();
    let mut words = 0;
    let mut parts = 0;
    for (options, count) in &split {
        for option in options {
            if option.chars().count() > 60 {
                return None;
            }
            *counts.entry(normalise(option)).or_default() += count;
            words += option.split_whitespace().count() * count;
            parts += count;
        }
    }
    let repeated = answers.len() < 10 || counts.values().all(|&c| c >= 2);
    if counts.len() > 40 || words > parts * 5 || !repeated {
        return None;
    }
    let (options, sets) = option_sets(
        split
            .iter()
            .map(|(cell_options, _)| cell_options.iter().map(|p| p.as_ref())),
    );
    let mut column = Column::new(
        name,
        ColumnKind::Multi,
        Values::Sets(by_row(n, answers, &sets)),
    );
    column.options = Some(options);
    Some(column)
}
