//! The application layer: each thing the CLI and the desktop app both do, written once over
//! the store, the report and the exporters. The two front ends only parse their inputs, ask
//! where to write, show progress their own way and print or return what comes back.

use chrono::NaiveDate;
use dossier_core::profile::{ReportPreview, Sections};
use dossier_core::staleness::Freshness;
use dossier_core::FieldError;
use dossier_store::Store;

pub mod archive;
pub mod import;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Store(#[from] dossier_store::Error),
    #[error(transparent)]
    Report(#[from] dossier_report::Error),
    /// A file to import is unreadable, too large or of no known format.
    #[error(transparent)]
    Import(#[from] dossier_interop::Error),
    /// An import's choice of records does not fit its preview.
    #[error("{0}")]
    Selection(String),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// A file given to read (to import, to restore) that cannot be read: the file's own error,
/// naming it, rather than the store's.
pub(crate) fn unreadable(path: &std::path::Path, source: std::io::Error) -> Error {
    Error::Import(dossier_interop::Error::Io {
        file: path.display().to_string(),
        source,
    })
}

/// Today on this machine's clock: the default as-of date everywhere.
pub fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

/// An as-of date as typed (YYYY-MM-DD); blank or absent means today.
pub fn as_of(value: Option<&str>, today: NaiveDate) -> Result<NaiveDate, FieldError> {
    match value.map(str::trim).filter(|s| !s.is_empty()) {
        None => Ok(today),
        Some(s) => NaiveDate::parse_from_str(s, "%Y-%m-%d")
            .map_err(|_| FieldError::new("as_of", format!("'{s}' is not a date; use YYYY-MM-DD"))),
    }
}

/// The steps of an export, for a progress display.
pub const EXPORT_STEPS: [&str; 4] = [
    "Gathering the portfolio",
    "Typesetting",
    "Writing the file",
    "Done",
];

/// A written portfolio PDF and what to tell the person about it.
#[derive(Debug)]
pub struct Written {
    pub pages: usize,
    pub pdf_a: bool,
    /// Why the PDF/A claim was dropped, if it was.
    pub note: Option<String>,
    pub records: usize,
    /// The profile's name, or "the portfolio".
    pub owner: String,
}

fn stamp() -> String {
    chrono::Local::now().format("%Y-%m-%d %H:%M").to_string()
}

/// Typesets the portfolio as of `as_of` from one consistent read and writes it to `path`
/// atomically; `progress` hears the index into `EXPORT_STEPS` of each step as it starts.
pub fn export_pdf(
    store: &Store,
    as_of: NaiveDate,
    sections: &Sections,
    path: &std::path::Path,
    mut progress: impl FnMut(usize),
) -> Result<Written> {
    progress(0);
    let snapshot = store.snapshot(as_of)?;
    progress(1);
    let generated = stamp();
    let input = dossier_report::ReportInput::from_snapshot(&snapshot, &generated);
    let pdf = dossier_report::render_pdf(&input, sections);
    // typst memoises layouts; a long-running app would otherwise keep every report's memory.
    dossier_report::clear_cache();
    let pdf = pdf?;
    progress(2);
    dossier_store::write_atomically(path, &pdf.bytes)?;
    progress(3);
    Ok(Written {
        pages: pdf.pages,
        pdf_a: pdf.pdf_a,
        note: pdf.note,
        records: snapshot.records.len(),
        owner: match snapshot.profile.name.trim() {
            "" => "the portfolio".to_string(),
            name => name.to_string(),
        },
    })
}

/// The report's first page as SVG and its page count, for a preview.
pub fn preview(store: &Store, as_of: NaiveDate, sections: &Sections) -> Result<ReportPreview> {
    let snapshot = store.snapshot(as_of)?;
    let generated = stamp();
    let input = dossier_report::ReportInput::from_snapshot(&snapshot, &generated);
    let (svg, pages) = dossier_report::first_page_svg(&input, sections)?;
    Ok(ReportPreview { svg, pages })
}

/// Every expiry and cycle end as an iCalendar file with reminders, written to `path`; returns
/// how many events it holds.
pub fn export_calendar(store: &Store, today: NaiveDate, path: &std::path::Path) -> Result<usize> {
    let (records, cycles) = store.read(|db| {
        let records = db.list(&Default::default())?;
        let cycles = db.dashboard_of(&records, today)?.cycles;
        Ok((records, cycles))
    })?;
    let text = dossier_interop::ics::calendar(&records, &cycles, chrono::Utc::now());
    dossier_store::write_atomically(path, text.as_bytes())?;
    Ok(text.matches("BEGIN:VEVENT").count())
}

/// What the daily reminder says today, if anything: items expiring within the warning window
/// and cycles behind pace. Says it at most once a day (and marks the day), never when
/// reminders are off.
pub fn daily_reminder(store: &Store, today: NaiveDate) -> Result<Option<String>> {
    let dash = store.dashboard(today)?;
    let urgent: Vec<&str> = dash
        .attention
        .iter()
        .filter(|i| {
            i.status == Freshness::Expiring || (i.is_cycle && i.status >= Freshness::Ageing)
        })
        .map(|i| i.title.as_str())
        .collect();
    if urgent.is_empty() || !store.take_daily_reminder(today)? {
        return Ok(None);
    }
    Ok(Some(match urgent.as_slice() {
        [one] => format!("{one} needs attention."),
        [first, rest @ ..] => format!("{first} and {} more need attention.", rest.len()),
        [] => return Ok(None),
    }))
}
