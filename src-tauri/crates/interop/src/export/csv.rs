//! Records as CSV, one row per record with every field, for a spreadsheet or another tool.
//!
//! Spreadsheets run a cell that starts with `=`, `+`, `-` or `@` as a formula (and Excel also
//! one after a tab or carriage return), so a title like `=HYPERLINK(...)` in an imported
//! badge could run on the reader's machine. Such a cell is written with a leading `'`, which
//! spreadsheets show as text and `unguard` takes off again; a note that starts with "- " gets
//! one too, and a cell that already starts with `'` before such a character gets another, so
//! that `unguard` gives back exactly what was written. The file starts with a UTF-8 byte order mark, without which Excel reads UTF-8 as
//! the system's code page and garbles every accent.
//!
//! Skills are written as `name=relevance; ...` (split on `; `, then on the last `=`).

use crate::error::{Error, Result};
use dossier_core::{Credential, PartialDate};

/// The columns, in order.
pub const CSV_HEADER: [&str; 15] = [
    "uuid",
    "kind",
    "status",
    "title",
    "issuer",
    "started",
    "completed",
    "expires",
    "hours",
    "credit_type",
    "credential_id",
    "url",
    "notes",
    "skills",
    "source",
];

const BOM: &[u8] = b"\xEF\xBB\xBF";
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// `records` as CSV (header row, then one row per record).
pub fn records_csv(records: &[Credential]) -> Result<Vec<u8>> {
    let mut out = ::csv::Writer::from_writer(BOM.to_vec());
    let fail = |row: usize, e: ::csv::Error| {
        Error::invalid("CSV export", format!("row {row}"), e.to_string())
    };
    out.write_record(CSV_HEADER).map_err(|e| fail(1, e))?;
    for (i, r) in records.iter().enumerate() {
        let row = cells(r);
        out.write_record(row.iter().map(|cell| guard(cell)))
            .map_err(|e| fail(i + 2, e))?;
    }
    out.into_inner().map_err(|e| Error::Io {
        file: "CSV export".into(),
        source: e.into_error(),
    })
}

/// `r`'s cells in `CSV_HEADER`'s order, unguarded.
fn cells(r: &Credential) -> [String; 15] {
    let text = |v: &Option<String>| v.clone().unwrap_or_default();
    let date = |d: Option<PartialDate>| d.map(|d| d.to_string()).unwrap_or_default();
    let skills: Vec<String> = r
        .skills
        .iter()
        .map(|s| format!("{}={}", s.name, s.relevance))
        .collect();
    [
        r.uuid.clone(),
        r.kind.as_str().to_string(),
        r.status.as_str().to_string(),
        r.title.clone(),
        text(&r.issuer),
        date(r.started),
        date(r.completed),
        date(r.expires),
        r.hours.map(|h| h.to_string()).unwrap_or_default(),
        text(&r.credit_type),
        text(&r.credential_id),
        text(&r.url),
        text(&r.notes),
        skills.join("; "),
        r.source.clone(),
    ]
}

/// Whether `cell` starts a formula, or would once one leading `'` is taken off (so that a
/// cell that really starts `'=` keeps its `'` through `unguard`).
fn risky(cell: &str) -> bool {
    cell.trim_start_matches('\'').starts_with(FORMULA_STARTS)
}

/// `cell` as a spreadsheet shows it and never runs it.
fn guard(cell: &str) -> String {
    if risky(cell) {
        format!("'{cell}")
    } else {
        cell.to_string()
    }
}

/// A cell as it was before `records_csv` guarded it: the `'` taken off a cell that would
/// otherwise start a formula. Any other cell is as it is.
pub fn unguard(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if risky(rest) => rest,
        _ => cell,
    }
}
