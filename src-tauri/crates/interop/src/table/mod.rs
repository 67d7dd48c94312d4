//! Importer: any CSV with a header row, one record a row. Which column fills which field is a
//! `Mapping`, guessed from the header names (`guess`) and shown, editable, before import; the
//! cells are read as people type them ("Oct 2023", "1,5 hours", "CME").

pub(crate) mod sheet;
mod values;

use sheet::{column_name, date_cell, find, Row, Sheet};

use crate::bounds;
use crate::error::{Error, Result};
use crate::record::{Format, Found, InputFile};
use crate::text;
use dossier_core::SkillDraft;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A draft field a column can fill.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    Title,
    Issuer,
    Kind,
    /// A status column: "in progress", "ongoing", "yes" mark the record in progress.
    InProgress,
    Started,
    Completed,
    Expires,
    Hours,
    CreditType,
    CredentialId,
    Url,
    /// Several columns may fill the notes; their values are joined.
    Notes,
    /// Several columns may fill the skills; each cell is split on `;` and `,`.
    Skills,
}

impl Field {
    pub const ALL: [Field; 13] = [
        Field::Title,
        Field::Issuer,
        Field::Kind,
        Field::InProgress,
        Field::Started,
        Field::Completed,
        Field::Expires,
        Field::Hours,
        Field::CreditType,
        Field::CredentialId,
        Field::Url,
        Field::Notes,
        Field::Skills,
    ];

    /// Whether several columns may fill this field.
    pub fn takes_many(self) -> bool {
        matches!(self, Field::Notes | Field::Skills)
    }
}

/// Which column fills which field; guessed from the header, shown and editable before import.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Mapping {
    /// `(column header, draft field)` pairs in the file's column order; a column not listed
    /// is ignored. A header is matched trimmed and case-insensitively, the first column of
    /// that name when two share it. For a field other than notes and skills, the first
    /// non-empty cell of its columns is taken.
    pub columns: Vec<(String, Field)>,
}

impl Mapping {
    /// The headers mapped to `field`.
    pub fn columns_for(&self, field: Field) -> impl Iterator<Item = &str> {
        self.columns
            .iter()
            .filter(move |(_, f)| *f == field)
            .map(|(h, _)| h.as_str())
    }
}

/// The mapping the header names suggest: "Name" or "Certificate" is the title, "Issuer" or
/// "Provider" the issuer, "Issue date" the completion date, "CME credits" the hours, and so
/// on. Each field but notes and skills takes one column; a column whose name says it plainly
/// ("Completed on") is preferred to one that only might ("Date").
pub fn guess(headers: &[String]) -> Mapping {
    let guesses: Vec<Option<(Field, bool)>> = headers.iter().map(|h| guess_one(h)).collect();
    let mut taken: Vec<Option<Field>> = vec![None; headers.len()];
    for strong in [true, false] {
        for (i, g) in guesses.iter().enumerate() {
            let Some((field, is_strong)) = *g else {
                continue;
            };
            if is_strong != strong || taken[i].is_some() {
                continue;
            }
            if field.takes_many() || !taken.contains(&Some(field)) {
                taken[i] = Some(field);
            }
        }
    }
    Mapping {
        columns: headers
            .iter()
            .zip(taken)
            .filter_map(|(h, f)| Some((h.trim().to_string(), f?)))
            .collect(),
    }
}

/// The field a header names, and whether it names it plainly.
fn guess_one(header: &str) -> Option<(Field, bool)> {
    let lower = header.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let joined = words.join(" ");
    let has = |list: &[&str]| words.iter().any(|w| list.contains(w));
    let says = |phrases: &[&str]| phrases.iter().any(|p| joined.contains(p));
    let dated = has(&["date", "year"]);
    use Field::*;
    // The first rule that matches wins, so the order matters: "Certificate URL" is a URL,
    // "Credential ID" an identifier, "Credit type" not the hours, "Start date" not the
    // completion date, "CME activity title" a title. The two weak rules come last.
    let rules: [(Field, bool, bool); 16] = [
        (Url, true, has(&["url", "link", "website", "href", "web"])),
        (
            Expires,
            true,
            has(&[
                "expires",
                "expiry",
                "expiration",
                "expire",
                "expiring",
                "renewal",
            ]) || says(&["valid until", "valid to", "valid through", "good through"]),
        ),
        (
            Started,
            true,
            has(&["start", "started", "starts", "begin", "began", "beginning"]),
        ),
        (
            CreditType,
            true,
            says(&["credit type", "credit category", "type of credit"]),
        ),
        (
            CredentialId,
            true,
            has(&[
                "id", "number", "no", "num", "license", "licence", "code", "serial",
            ]) || header.contains('#'),
        ),
        (
            Issuer,
            true,
            has(&[
                "issuer",
                "authority",
                "provider",
                "organization",
                "organisation",
                "institution",
                "school",
                "university",
                "college",
                "sponsor",
                "accreditor",
                "body",
                "vendor",
                "board",
            ]) || says(&["issued by", "awarded by", "offered by"]),
        ),
        (Title, true, has(&["title"]) && !dated),
        (
            Hours,
            true,
            has(&[
                "hours", "hrs", "hour", "credits", "credit", "cme", "ce", "ceu", "ceus", "cpd",
                "points", "workload",
            ]),
        ),
        (
            Completed,
            true,
            has(&[
                "issued",
                "issue",
                "completed",
                "completion",
                "finished",
                "finish",
                "awarded",
                "earned",
                "passed",
                "obtained",
            ]),
        ),
        (Kind, true, has(&["type", "kind"])),
        (
            InProgress,
            true,
            has(&["status", "ongoing"]) || says(&["in progress"]),
        ),
        (
            Notes,
            true,
            has(&[
                "notes",
                "note",
                "description",
                "comments",
                "comment",
                "details",
                "remarks",
            ]),
        ),
        (
            Skills,
            true,
            has(&[
                "skills", "skill", "tags", "tag", "topics", "topic", "keywords",
            ]),
        ),
        (
            Title,
            true,
            !dated
                && has(&[
                    "credential",
                    "certificate",
                    "certification",
                    "course",
                    "activity",
                    "program",
                    "programme",
                    "qualification",
                    "degree",
                    "award",
                    "achievement",
                    "badge",
                ]),
        ),
        (
            Completed,
            false,
            dated || has(&["end", "ended", "when", "on"]),
        ),
        (Title, false, has(&["name", "subject"])),
    ];
    rules
        .into_iter()
        .find(|(_, _, matched)| *matched)
        .map(|(field, strong, _)| (field, strong))
}

/// The file's header row, trimmed, for showing and editing the mapping.
pub fn headers(file: &InputFile) -> Result<Vec<String>> {
    bounds::check_size(&file.name, file.bytes.len() as u64)?;
    sheet::header(&file.name, &file.bytes, delimiter(&file.bytes))
}

/// The records of `file`, one a row, its columns mapped by `mapping` (guessed from the header
/// when `None`). Blank rows are skipped; a row's unreadable cells are its problems.
pub fn read(file: &InputFile, mapping: Option<&Mapping>) -> Result<Vec<Found>> {
    bounds::check_size(&file.name, file.bytes.len() as u64)?;
    let sheet = sheet::read(&file.name, &file.bytes, delimiter(&file.bytes))?;
    let guessed;
    let mapping = match mapping {
        Some(m) => m,
        None => {
            guessed = guess(&sheet.headers);
            &guessed
        }
    };
    let columns = resolve(file, &sheet, mapping)?;
    Ok(sheet
        .rows
        .iter()
        .filter(|row| !row.is_blank())
        .map(|row| record(file, &sheet.headers, &columns, row))
        .collect())
}

/// The delimiter of the header line: a comma, or the semicolon or tab that spreadsheets in
/// many locales write instead.
fn delimiter(bytes: &[u8]) -> u8 {
    let line = bytes.split(|&b| b == b'\n').next().unwrap_or_default();
    let count = |d: u8| line.iter().filter(|&&b| b == d).count();
    [b';', b'\t']
        .into_iter()
        .filter(|&d| count(d) > count(b','))
        .max_by_key(|&d| count(d))
        .unwrap_or(b',')
}

/// The mapping's headers as column positions; a mapping must name columns the file has, and
/// one of them must give the title.
fn resolve(file: &InputFile, sheet: &Sheet, mapping: &Mapping) -> Result<Vec<(usize, Field)>> {
    let found = || {
        let names: Vec<String> = (0..sheet.headers.len())
            .map(|i| format!("'{}'", column_name(&sheet.headers, i)))
            .collect();
        names.join(", ")
    };
    let mut columns = Vec::new();
    for (header, field) in &mapping.columns {
        let i = find(&sheet.headers, &[header.trim()]).ok_or_else(|| {
            Error::invalid(
                &file.name,
                "the header row",
                format!("the mapping names a column '{header}' that the file does not have; its columns are {}", found()),
            )
        })?;
        columns.push((i, *field));
    }
    if !columns.iter().any(|(_, f)| *f == Field::Title) {
        return Err(Error::invalid(
            &file.name,
            "the header row",
            format!(
                "no column gives the title; the columns are {}. Name one 'Title' or 'Name', or \
                 map one to the title",
                found()
            ),
        ));
    }
    Ok(columns)
}

fn record(file: &InputFile, headers: &[String], columns: &[(usize, Field)], row: &Row) -> Found {
    let mut found = Found::new(Format::Csv, file, format!("row {}", row.number));
    let (d, problems) = (&mut found.draft, &mut found.problems);
    let n = row.number;
    for &(i, field) in columns {
        let value = row.get(i);
        if value.is_empty() {
            continue;
        }
        let column = column_name(headers, i);
        let first = |slot: &mut String, v: String| {
            if slot.is_empty() {
                *slot = v;
            }
        };
        match field {
            Field::Title => first(&mut d.title, value.to_string()),
            Field::Issuer => first(&mut d.issuer, value.to_string()),
            Field::CreditType => first(&mut d.credit_type, value.to_string()),
            Field::CredentialId => first(&mut d.credential_id, value.to_string()),
            Field::Url => first(&mut d.url, value.to_string()),
            Field::Started => first(&mut d.started, date_cell(value, n, &column, problems)),
            Field::Completed => first(&mut d.completed, date_cell(value, n, &column, problems)),
            Field::Expires => first(&mut d.expires, date_cell(value, n, &column, problems)),
            Field::Hours => {
                let hours = values::hours(value)
                    .map(text::hours_text)
                    .unwrap_or_else(|| {
                        problems.push(format!(
                            "row {n}: {column} '{value}' is not a number of hours (write 1.5 or \
                         1.5 hours)"
                        ));
                        value.to_string()
                    });
                first(&mut d.hours, hours);
            }
            Field::Kind => match values::kind(value) {
                Some(kind) => d.kind = kind,
                None => problems.push(format!(
                    "row {n}: {column} '{value}' is not a kind Dossier knows; use one of {}, \
                     or a word such as course, certificate, CME or badge",
                    values::kind_names()
                )),
            },
            Field::InProgress => match values::in_progress(value) {
                Some(ongoing) => d.in_progress = ongoing,
                None => problems.push(format!(
                    "row {n}: {column} '{value}' does not say whether the credential is in \
                     progress (write 'in progress' or 'completed')"
                )),
            },
            Field::Notes => {
                if !d.notes.is_empty() {
                    d.notes.push_str("\n\n");
                }
                d.notes.push_str(value);
            }
            Field::Skills => {
                for name in value
                    .split([';', ','])
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                {
                    if !d.skills.iter().any(|s| s.name.eq_ignore_ascii_case(name)) {
                        d.skills.push(SkillDraft {
                            name: name.to_string(),
                            relevance: String::new(),
                        });
                    }
                }
            }
        }
    }
    if d.title.is_empty() {
        let title_columns: Vec<String> = columns
            .iter()
            .filter(|(_, f)| *f == Field::Title)
            .map(|(i, _)| column_name(headers, *i))
            .collect();
        problems.push(format!("row {n}: {} is empty", title_columns.join(" and ")));
    }
    problems.extend(row.overflow(headers));
    found
}
