//! `dossier backups` and `dossier restore FILE`: what the backups hold, and a restore that
//! checks the backup first and keeps the current database aside (so it can be undone).

use crate::Result;
use dossier_store::{BackupInfo, Store};
use std::io::Write;
use std::path::Path;

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

pub fn restore(store: &Store, file: &str, out: &mut impl Write) -> Result<()> {
    let r = store.restore_from(Path::new(file))?;
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
