//! `dossier export json|archive|jsonresume|csv` and `dossier restore FILE` for archives: the
//! application layer's export and restore, with the passphrase and the confirmation asked
//! for here (the app asks in its own dialogs).

use crate::{CliError, Result};
use dossier_service::archive::{self, ExportFormat};
use dossier_store::Store;
use std::io::{BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};

/// The passphrase: from DOSSIER_PASSPHRASE (scripts), asked without echo on a terminal (twice
/// when it seals a new archive), or one line of standard input.
pub fn passphrase(confirm: bool) -> Result<String> {
    if let Ok(p) = std::env::var("DOSSIER_PASSPHRASE") {
        return Ok(p);
    }
    if std::io::stdin().is_terminal() {
        let first = rpassword::prompt_password("Passphrase: ")?;
        if confirm && rpassword::prompt_password("Passphrase again: ")? != first {
            return Err(CliError::Usage(
                "the two passphrases differ; nothing was written".into(),
            ));
        }
        return Ok(first);
    }
    let mut line = String::new();
    std::io::stdin().lock().read_line(&mut line)?;
    Ok(line.trim_end_matches(['\r', '\n']).to_string())
}

pub fn export(
    store: &Store,
    format: ExportFormat,
    path: &Path,
    encrypt: bool,
    out: &mut impl Write,
) -> Result<()> {
    let pass = if encrypt {
        let p = passphrase(true)?;
        if p.is_empty() {
            return Err(CliError::Usage("--encrypt: the passphrase is empty".into()));
        }
        Some(p)
    } else {
        None
    };
    let done = archive::export(store, format, path, pass.as_deref())?;
    let sealed = if done.encrypted { ", encrypted" } else { "" };
    let evidence = match format {
        ExportFormat::Archive => format!(" and {} evidence files", done.evidence),
        _ => String::new(),
    };
    writeln!(
        out,
        "Wrote {} records{evidence} to {}{sealed}",
        done.records,
        path.display()
    )?;
    Ok(())
}

pub fn restore(db: &Option<PathBuf>, path: &Path, yes: bool, out: &mut impl Write) -> Result<()> {
    let store = crate::commands::open_to_write(db)?;
    if archive::holds_records(&store)? && !yes {
        let n = store.count()?;
        if !std::io::stdin().is_terminal() {
            return Err(CliError::Usage(format!(
                "the store holds {n} records: pass --yes to restore the archive beside them \
                 (the database as it is will be kept in backups/)"
            )));
        }
        eprint!(
            "The store holds {n} records. Restore the archive beside them? The database as it \
             is will be kept in backups/. [y/N] "
        );
        let mut answer = String::new();
        std::io::stdin().lock().read_line(&mut answer)?;
        if !matches!(answer.trim(), "y" | "Y" | "yes") {
            writeln!(out, "Nothing was restored.")?;
            return Ok(());
        }
    }
    let pass = if archive::needs_passphrase(path)? {
        Some(passphrase(false)?)
    } else {
        None
    };
    let done = archive::restore(&store, path, pass.as_deref(), dossier_service::today())?;
    let s = &done.summary;
    writeln!(
        out,
        "Restored {} records ({} already here), {} requirements, {} field changes, {} \
         frameworks and {} evidence files from {}.",
        s.added.credentials,
        s.kept.credentials,
        s.added.requirements,
        s.added.field_changes,
        s.added.frameworks,
        s.added.evidence,
        path.display()
    )?;
    for m in &s.missing_evidence {
        writeln!(
            out,
            "  missing evidence: {} of \"{}\": {}",
            m.name, m.title, m.why
        )?;
    }
    for n in &s.notes {
        writeln!(out, "  note: {n}")?;
    }
    if let Some(a) = &done.aside {
        writeln!(
            out,
            "The database as it was ({} records) is kept as {}; restore that file to undo.",
            a.records,
            a.path.display()
        )?;
    }
    Ok(())
}
