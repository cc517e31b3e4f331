//! Multi-select columns: groups of per-option tick columns sharing a
//! prefix (rule 2), and options joined in one cell (rule 6).

use std::collections::{BTreeMap, HashMap};

use super::super::model::{Column, ColumnKind, Values};
use super::super::options::normalise;
use super::{Ctx, Table};

/// A set of 0/1-style columns sharing a prefix.
pub(super) struct Group {
    pub prefix: String,
    pub members: Vec<usize>,
    pub options: Vec<String>,
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

pub(super) fn grouped_multi(table: &Table, group: &Group, ctx: &mut Ctx) -> Column {
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

/// The in-cell separator used by the column, and whether the parts look like
/// options (see rule 6).
pub(super) fn multi_separator(present: &[(usize, &str)], ctx: &Ctx) -> Option<(char, bool)> {
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

pub(super) fn in_cell_multi(name: &str, n: usize, present: &[(usize, &str)], sep: char) -> Column {
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
