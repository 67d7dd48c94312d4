//! Importer: LinkedIn's data export, as its CSV files (`Certifications.csv`, `Education.csv`,
//! `Courses.csv`) or the whole export zip. Each file is told by its header, in current and
//! 2018 exports alike (`Started On`/`Finished On` or `Start Date`/`End Date`); in a zip the
//! three are picked by file name, whatever the case or folder, and the rest is left alone.
//! A row is not a credential file, so no evidence is kept.

mod zip;

use crate::bounds;
use crate::detect::ZIP_SIGNATURE;
use crate::error::{Error, Result};
use crate::record::{Format, Found, InputFile};
use crate::table::sheet::{self, column_name, date_cell, find, Row, Sheet};
use dossier_core::CredentialKind;

/// The LinkedIn files Dossier knows, told apart by their header.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Export {
    Certifications,
    Education,
    Courses,
    /// Known so that it is not taken for a generic CSV; it holds no credentials.
    Honors,
}

const STARTED: &[&str] = &["Started On", "Start Date"];
const FINISHED: &[&str] = &["Finished On", "End Date"];

impl Export {
    const ALL: [Export; 4] = [
        Export::Certifications,
        Export::Education,
        Export::Courses,
        Export::Honors,
    ];

    fn file_name(self) -> &'static str {
        match self {
            Export::Certifications => "Certifications.csv",
            Export::Education => "Education.csv",
            Export::Courses => "Courses.csv",
            Export::Honors => "Honors.csv",
        }
    }

    /// Every column the file has had, in current and 2018 exports.
    fn columns(self) -> &'static [&'static str] {
        match self {
            Export::Certifications => &[
                "Name",
                "Url",
                "Authority",
                "Started On",
                "Finished On",
                "Start Date",
                "End Date",
                "License Number",
            ],
            Export::Education => &[
                "School Name",
                "Start Date",
                "End Date",
                "Started On",
                "Finished On",
                "Notes",
                "Degree Name",
                "Activities",
            ],
            Export::Courses => &["Name", "Number"],
            Export::Honors => &["Title", "Description", "Issued On", "Issuer", "Issue Date"],
        }
    }

    /// Columns the header must have, each given as the names it may go by.
    fn required(self) -> &'static [&'static [&'static str]] {
        match self {
            Export::Certifications => &[&["Name"], &["Authority"]],
            Export::Education => &[&["School Name"]],
            Export::Courses => &[&["Name"], &["Number"]],
            Export::Honors => &[&["Title"], &["Description"], &["Issued On", "Issue Date"]],
        }
    }

    /// The file a header is: it has the file's required columns and no column the file never
    /// had (an empty name, from a trailing comma, is allowed), so a generic CSV with a
    /// "Name" column is not taken for LinkedIn's.
    fn of(headers: &[String]) -> Option<Export> {
        Export::ALL.into_iter().find(|e| {
            e.required()
                .iter()
                .all(|names| find(headers, names).is_some())
                && headers
                    .iter()
                    .all(|h| h.is_empty() || e.columns().iter().any(|c| h.eq_ignore_ascii_case(c)))
        })
    }

    /// The file a zip member is by its name, whatever its case, folder or separators
    /// (`Certifications.csv`, `certifications.CSV`, `Basic/Courses.csv`). Honors.csv is not
    /// picked: it holds no credentials.
    fn named(path: &str) -> Option<Export> {
        let base = path.rsplit(['/', '\\']).next()?.to_lowercase();
        let stem = base.strip_suffix(".csv")?;
        let key: String = stem.chars().filter(|c| c.is_alphanumeric()).collect();
        [Export::Certifications, Export::Education, Export::Courses]
            .into_iter()
            .find(|e| e.file_name().to_lowercase().trim_end_matches(".csv") == key)
    }
}

/// Whether `file` is a LinkedIn export file Dossier reads: a CSV whose header is that of
/// Certifications.csv, Education.csv, Courses.csv (or Honors.csv, which holds no records), or
/// an export zip holding at least one of the first three.
pub fn recognises(file: &InputFile) -> bool {
    if file.bytes.starts_with(ZIP_SIGNATURE) {
        return zip::names(file)
            .is_ok_and(|names| names.iter().any(|n| Export::named(n).is_some()));
    }
    sheet::header(&file.name, &file.bytes, b',').is_ok_and(|h| Export::of(&h).is_some())
}

/// The records of a LinkedIn CSV file or export zip.
pub fn read(file: &InputFile) -> Result<Vec<Found>> {
    bounds::check_size(&file.name, file.bytes.len() as u64)?;
    if file.bytes.starts_with(ZIP_SIGNATURE) {
        return read_zip(file);
    }
    let sheet = sheet::read(&file.name, &file.bytes, b',')?;
    let export = Export::of(&sheet.headers).ok_or_else(|| Error::Unrecognised {
        file: file.name.clone(),
        hint: format!(
            "its header ({}) is not that of LinkedIn's Certifications.csv, Education.csv or \
             Courses.csv",
            sheet.headers.join(", ")
        ),
    })?;
    let shown = file.name.rsplit(['/', '\\']).next().unwrap_or(&file.name);
    Ok(records(file, shown, export, &sheet))
}

fn read_zip(file: &InputFile) -> Result<Vec<Found>> {
    let members = zip::members(file, |path| Export::named(path).is_some())?;
    if members.is_empty() {
        return Err(Error::Unrecognised {
            file: file.name.clone(),
            hint: "a zip that holds none of LinkedIn's Certifications.csv, Education.csv and \
                   Courses.csv"
                .into(),
        });
    }
    let mut found = Vec::new();
    for member in members {
        let inner = InputFile::new(format!("{}/{}", file.name, member.path), member.bytes);
        let sheet = sheet::read(&inner.name, &inner.bytes, b',')?;
        let Some(export) = Export::of(&sheet.headers) else {
            let expected = Export::named(&member.path).map_or("", Export::file_name);
            return Err(Error::invalid(
                &inner.name,
                "the header row",
                format!(
                    "the header ({}) is not the one LinkedIn writes in {expected}",
                    sheet.headers.join(", ")
                ),
            ));
        };
        let shown = member
            .path
            .rsplit(['/', '\\'])
            .next()
            .unwrap_or(&member.path);
        found.extend(records(&inner, shown, export, &sheet));
    }
    Ok(found)
}

/// One record a non-blank row, located as "Certifications.csv row 7".
fn records(file: &InputFile, shown: &str, export: Export, sheet: &Sheet) -> Vec<Found> {
    if export == Export::Honors {
        return Vec::new();
    }
    sheet
        .rows
        .iter()
        .filter(|row| !row.is_blank())
        .map(|row| {
            let mut found = Found::new(
                Format::Linkedin,
                file,
                format!("{shown} row {}", row.number),
            );
            let columns = Columns {
                headers: &sheet.headers,
                row,
            };
            match export {
                Export::Certifications => certification(&mut found, &columns),
                Export::Education => education(&mut found, &columns),
                Export::Courses | Export::Honors => course(&mut found, &columns),
            }
            found.problems.extend(row.overflow(&sheet.headers));
            found
        })
        .collect()
}

/// A row's cells by column name.
struct Columns<'a> {
    headers: &'a [String],
    row: &'a Row,
}

impl Columns<'_> {
    fn text(&self, names: &[&str]) -> String {
        self.row.at(find(self.headers, names)).to_string()
    }

    fn date(&self, names: &[&str], problems: &mut Vec<String>) -> String {
        find(self.headers, names).map_or_else(String::new, |i| {
            let column = column_name(self.headers, i);
            date_cell(self.row.get(i), self.row.number, &column, problems)
        })
    }

    /// A problem for an empty required cell, named as the file names the column.
    fn empty(&self, names: &[&str]) -> String {
        let column = find(self.headers, names).map_or_else(
            || names.first().copied().unwrap_or_default().to_string(),
            |i| column_name(self.headers, i),
        );
        format!("row {}: {column} is empty", self.row.number)
    }
}

/// Certifications.csv. LinkedIn's "Started On" is the date the certification was issued and
/// "Finished On" the date it expires.
fn certification(found: &mut Found, c: &Columns) {
    let d = &mut found.draft;
    d.kind = CredentialKind::Certification;
    d.title = c.text(&["Name"]);
    d.url = c.text(&["Url"]);
    d.issuer = c.text(&["Authority"]);
    d.credential_id = c.text(&["License Number"]);
    d.completed = c.date(STARTED, &mut found.problems);
    d.expires = c.date(FINISHED, &mut found.problems);
    if d.title.is_empty() {
        found.problems.push(c.empty(&["Name"]));
    }
}

/// Education.csv. LinkedIn does not say whether studies are finished: an end date still to
/// come is left for validation, which asks for the record to be marked in progress.
fn education(found: &mut Found, c: &Columns) {
    let d = &mut found.draft;
    d.kind = CredentialKind::Degree;
    let school = c.text(&["School Name"]);
    let degree = c.text(&["Degree Name"]);
    d.title = match (degree.is_empty(), school.is_empty()) {
        (false, _) => degree,
        (true, false) => format!("Studies at {school}"),
        (true, true) => String::new(),
    };
    d.issuer = school;
    d.started = c.date(STARTED, &mut found.problems);
    d.completed = c.date(FINISHED, &mut found.problems);
    let notes = c.text(&["Notes"]);
    let activities = c.text(&["Activities"]);
    d.notes = match (notes.is_empty(), activities.is_empty()) {
        (_, true) => notes,
        (true, false) => format!("Activities: {activities}"),
        (false, false) => format!("{notes}\n\nActivities: {activities}"),
    };
    if d.title.is_empty() {
        found.problems.push(format!(
            "row {}: School Name and Degree Name are empty",
            c.row.number
        ));
    } else if d.completed.is_empty() {
        found.notes.push(
            "LinkedIn gives no end date: if these studies are ongoing, mark the record in \
             progress"
                .into(),
        );
    }
}

/// Courses.csv: a course's name and its number, no dates.
fn course(found: &mut Found, c: &Columns) {
    let d = &mut found.draft;
    d.kind = CredentialKind::CeActivity;
    d.title = c.text(&["Name"]);
    d.credential_id = c.text(&["Number"]);
    if d.title.is_empty() {
        found.problems.push(c.empty(&["Name"]));
    }
}
