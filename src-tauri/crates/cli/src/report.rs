//! `dossier export` (the portfolio PDF, the calendar) and `dossier profile`: the report from
//! the same snapshot the app uses.

use crate::args::{ExportCommand, ProfileCommand};
use crate::commands::LazyStore;
use crate::input::as_of;
use crate::{CliError, Result};
use chrono::NaiveDate;
use dossier_core::profile::Sections;
use dossier_store::Store;
use std::io::Write;
use std::path::Path;

pub fn export_pdf(
    store: &Store,
    out_path: &Path,
    as_of: NaiveDate,
    sections: &[String],
    out: &mut impl Write,
) -> Result<()> {
    let sections = if sections.is_empty() {
        Sections::default()
    } else {
        Sections::only(sections).map_err(|e| CliError::Usage(format!("--sections: {e}")))?
    };
    let written = dossier_service::export_pdf(store, as_of, &sections, out_path, |step| {
        if step == 1 {
            eprintln!("Typesetting the portfolio as of {as_of}…");
        }
    })?;
    let kind = if written.pdf_a { "PDF/A-2b" } else { "PDF" };
    writeln!(
        out,
        "Wrote {} ({kind}, {} pages, {} records) to {}",
        written.owner,
        written.pages,
        written.records,
        out_path.display()
    )?;
    if let Some(note) = written.note {
        eprintln!("note: {note}");
    }
    Ok(())
}

pub fn profile(store: &LazyStore, cmd: ProfileCommand, out: &mut impl Write) -> Result<()> {
    match cmd {
        ProfileCommand::Show { json: true } => {
            serde_json::to_writer_pretty(&mut *out, &store.read()?.profile()?)?;
            writeln!(out)?;
        }
        ProfileCommand::Show { json: false } => {
            let p = store.read()?.profile()?;
            for (label, v) in [
                ("Name", &p.name),
                ("Title", &p.title),
                ("Email", &p.email),
                ("Phone", &p.phone),
                ("Location", &p.location),
                ("Website", &p.website),
            ] {
                writeln!(out, "{label:<10}{v}")?;
            }
            let places = match p.jurisdictions.is_empty() {
                true => "(all: every field change concerns you)".to_string(),
                false => p.jurisdictions.join(", "),
            };
            writeln!(out, "{:<10}{places}", "Practises")?;
        }
        ProfileCommand::Set {
            name,
            title,
            email,
            phone,
            location,
            website,
            jurisdictions,
        } => {
            // A new store's profile is empty: nothing is created before the flags are checked.
            let mut p = match store.exists()? {
                true => store.read()?.profile()?,
                false => Default::default(),
            };
            if let Some(list) = jurisdictions {
                p.jurisdictions = list
                    .into_iter()
                    .map(|j| j.trim().to_string())
                    .filter(|j| !j.is_empty())
                    .collect();
            }
            for (given, field) in [
                (name, &mut p.name),
                (title, &mut p.title),
                (email, &mut p.email),
                (phone, &mut p.phone),
                (location, &mut p.location),
                (website, &mut p.website),
            ] {
                if let Some(v) = given {
                    *field = v.trim().to_string();
                }
            }
            let p = p.validate().map_err(CliError::Validation)?;
            store.write()?.set_profile(&p)?;
            writeln!(out, "Profile saved")?;
        }
    }
    Ok(())
}

pub fn export(store: &Store, cmd: ExportCommand, out: &mut impl Write) -> Result<()> {
    use dossier_service::archive::ExportFormat::{Archive, Csv, Json, Jsonresume};
    match cmd {
        ExportCommand::Pdf {
            out: path,
            as_of: day,
            sections,
        } => export_pdf(store, &path, as_of(&day)?, &sections, out)?,
        ExportCommand::Ics { out: path } => {
            let events = dossier_service::export_calendar(store, dossier_service::today(), &path)?;
            writeln!(
                out,
                "Wrote {events} events with reminders to {}",
                path.display()
            )?;
        }
        ExportCommand::Json { out: path } => {
            crate::archives::export(store, Json, &path, false, out)?
        }
        ExportCommand::Archive { out: path, encrypt } => {
            crate::archives::export(store, Archive, &path, encrypt, out)?
        }
        ExportCommand::Jsonresume { out: path } => {
            crate::archives::export(store, Jsonresume, &path, false, out)?
        }
        ExportCommand::Csv { out: path } => crate::archives::export(store, Csv, &path, false, out)?,
    }
    Ok(())
}
