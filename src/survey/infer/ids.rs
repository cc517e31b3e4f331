//! The respondent id column: which column it is and its checks (present,
//! unique).

use super::super::cells::{Cells, FastMap};
use super::super::error::ImportError;
use super::super::model::{Column, ColumnKind, Values};
use super::super::options::{Checked, normalise};
use super::{Ctx, Table};

/// The index of the id column: the `idColumn` option, else a column forced
/// to `id`, else the first column named like an id and not forced otherwise.
pub(super) fn id_index(table: &Table, opts: &Checked) -> Option<usize> {
    opts.id_column
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
        })
}

fn looks_like_id(header: &str) -> bool {
    // Typeform's response token column.
    if header.trim() == "#" {
        return true;
    }
    let key: String = normalise(header)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect();
    matches!(
        key.as_str(),
        "id" | "respondent"
            | "respondentid"
            | "responseid"
            | "participantid"
            | "respondentnumber"
            | "userid"
            | "urn"
            | "respid"
    )
}

pub(super) fn id_column(name: &str, cells: &Cells, ctx: &Ctx) -> Result<Column, ImportError> {
    // Every cell distinct: no duplicates to look for, only a blank.
    let unique = cells.all_distinct();
    let mut seen: FastMap<&str, usize> = FastMap::default();
    for (i, cell) in cells.iter().enumerate() {
        let row = ctx.row(i);
        if cell.is_empty() {
            return Err(ImportError::MissingId {
                file: ctx.file(),
                column: name.into(),
                row,
            });
        }
        if unique {
            continue;
        }
        if let Some(&first_row) = seen.get(cell) {
            return Err(ImportError::DuplicateId {
                file: ctx.file(),
                column: name.into(),
                value: cell.to_string(),
                first_row,
                row,
            });
        }
        seen.insert(cell, row);
    }
    Ok(Column::new(
        name,
        ColumnKind::Id,
        Values::Text(cells.iter().map(|c| Some(c.to_string())).collect()),
    ))
}
