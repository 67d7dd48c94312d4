//! `dossier check`, `dossier backups` and `dossier restore FILE`: whether everything is whole,
//! what the backups hold, and a restore that checks the backup first and keeps the current
//! database aside (so it can be undone).

use crate::{CliError, Result};
use dossier_store::{BackupInfo, Store};
use std::io::Write;
use std::path::{Path, PathBuf};

fn line(out: &mut impl Write, b: &BackupInfo) -> Result<()> {
    let name = b.path.file_name().unwrap_or_default().to_string_lossy();
    writeln!(
        out,
        "{name:<44} {:>6} records  {:>8} KiB  schema {}",
        b.records,
        b.bytes.div_ceil(1024),
        b.version
    )?;
    Ok(())
}

pub fn list(store: &Store, json: bool, out: &mut impl Write) -> Result<()> {
    let all = store.backups();
    if json {
        let rows: Vec<serde_json::Value> = all
            .iter()
            .map(|b| match b {
                Ok(b) => serde_json::json!({ "ok": true, "backup": b }),
                Err(e) => serde_json::json!({ "ok": false, "problem": e.to_string() }),
            })
            .collect();
        serde_json::to_writer_pretty(&mut *out, &rows)?;
        writeln!(out)?;
        return Ok(());
    }
    if let Some(dir) = store.backups_dir() {
        writeln!(out, "Backups in {}:", dir.display())?;
    }
    if all.is_empty() {
        writeln!(
            out,
            "  none yet (one is written on the first change of each day)"
        )?;
    }
    for b in &all {
        match b {
            Ok(b) => line(out, b)?,
            Err(e) => writeln!(out, "  cannot be used: {e}")?,
        }
    }
    Ok(())
}

/// Restores `file` over the database at `db`: through the store when it opens (the current
/// contents are kept in backups/), or, when it is damaged, by putting the checked backup in
/// its place and keeping the damaged file aside.
pub fn restore(db: &Path, file: &str, out: &mut impl Write) -> Result<()> {
    let file = Path::new(file);
    let store = match Store::open_existing(db) {
        Err(dossier_store::Error::Damaged { .. }) => {
            let aside = dossier_store::replace_damaged(db, file)?;
            let store = Store::open(db)?;
            writeln!(
                out,
                "Restored {} records from {}. The damaged database is kept as {}.",
                store.count()?,
                file.display(),
                aside.display()
            )?;
            return Ok(());
        }
        other => other?,
    };
    let r = store.restore_from(file)?;
    writeln!(
        out,
        "Restored {} records from {}.",
        r.from.records,
        r.from.path.display()
    )?;
    writeln!(
        out,
        "The database as it was ({} records) is kept as {}; restore that file to undo.",
        r.aside.records,
        r.aside.path.display()
    )?;
    Ok(())
}

/// `dossier recover`: salvage into a new store, and with `use_it` put it in place.
pub fn recover(db: &Path, to: Option<PathBuf>, use_it: bool, out: &mut impl Write) -> Result<()> {
    let (s, aside) = if use_it {
        let (s, aside) = dossier_store::salvage_in_place(db, to)?;
        (s, Some(aside))
    } else {
        let into = to.unwrap_or_else(|| dossier_store::salvage_path(db));
        (Store::salvage(db, &into)?, None)
    };
    writeln!(
        out,
        "Read {} records, {} requirement sets and {} settings into {}.",
        s.records,
        s.requirements,
        s.settings,
        s.path.display()
    )?;
    for lost in &s.lost {
        writeln!(out, "  could not read {lost}")?;
    }
    if let Some(aside) = aside {
        writeln!(
            out,
            "It is now the database; the damaged file is kept as {}.",
            aside.display()
        )?;
    } else {
        writeln!(
            out,
            "Look at it with `dossier --db {} list`; `dossier recover --use` puts it in place.",
            s.path.display()
        )?;
    }
    Ok(())
}

/// Prints the health report; an error (exit 1) when anything needs attention.
pub fn check(store: &Store, json: bool, out: &mut impl Write) -> Result<()> {
    let h = store.health()?;
    if json {
        serde_json::to_writer_pretty(&mut *out, &h)?;
        writeln!(out)?;
    } else {
        let mark = |ok: bool| if ok { "ok  " } else { "FAIL" };
        writeln!(
            out,
            "{} database integrity: {}",
            mark(h.integrity == "ok"),
            h.integrity
        )?;
        let files = h.evidence_files;
        let bad = h.evidence_problems.len();
        writeln!(
            out,
            "{} evidence: {files} files, {bad} missing or altered",
            mark(bad == 0)
        )?;
        for p in &h.evidence_problems {
            writeln!(
                out,
                "       {} {} (records {:?})",
                p.problem,
                p.path.display(),
                p.records
            )?;
        }
        let left = h.leftovers.len();
        writeln!(out, "{} crash leftovers: {left}", mark(left == 0))?;
        for p in &h.leftovers {
            writeln!(out, "       {}", p.display())?;
        }
        let good = !h.backups.is_empty() && h.bad_backups.is_empty();
        writeln!(out, "{} backups: {} verified", mark(good), h.backups.len())?;
        if let Some(b) = h.backups.first() {
            writeln!(
                out,
                "       newest: {} ({} records)",
                b.path.display(),
                b.records
            )?;
        }
        for b in &h.bad_backups {
            writeln!(out, "       {b}")?;
        }
    }
    if h.all_well {
        Ok(())
    } else {
        Err(CliError::Unwell)
    }
}
