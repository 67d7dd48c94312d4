//! `dossier import`: the application layer's import, with a table or JSON of what it did.

use crate::{CliError, Result};
use dossier_interop::table::{Field, Mapping};
use dossier_service::import::{Action, ImportOptions, ImportPlan, ImportRow, Run, Stage};
use dossier_store::Store;
use std::io::Write;
use std::path::PathBuf;

/// The options from `--format` and `--map`, checked before the store is opened.
pub fn options(format: &str, map: &[String]) -> Result<ImportOptions> {
    let format = match format.trim() {
        "" | "auto" => None,
        f => Some(
            f.parse()
                .map_err(|e| CliError::Usage(format!("--format: {e}")))?,
        ),
    };
    let mut columns = Vec::with_capacity(map.len());
    for (i, m) in map.iter().enumerate() {
        let bad = |why: &str| CliError::Usage(format!("--map (#{}): {why}", i + 1));
        let (field, column) = m
            .split_once('=')
            .ok_or_else(|| bad("expected FIELD=COLUMN"))?;
        let field: Field =
            serde_json::from_value(serde_json::Value::String(field.trim().replace('-', "_")))
                .map_err(|_| bad(&format!("'{}' is not a field", field.trim())))?;
        if column.trim().is_empty() {
            return Err(bad("the column name is empty"));
        }
        columns.push((column.trim().to_string(), field));
    }
    Ok(ImportOptions {
        format,
        mapping: (!columns.is_empty()).then_some(Mapping { columns }),
        ..ImportOptions::default()
    })
}

pub fn import(
    store: &Store,
    files: &[PathBuf],
    options: &ImportOptions,
    dry_run: bool,
    json: bool,
    out: &mut impl Write,
) -> Result<()> {
    let mut options = options.clone();
    // An encrypted archive among the files: its passphrase is asked for once, up front.
    for f in files {
        if options.passphrase.is_none() && dossier_service::archive::needs_passphrase(f)? {
            options.passphrase = Some(crate::archives::passphrase(false)?);
        }
    }
    let options = &options;
    let run = Run {
        dry_run,
        ..Run::default()
    };
    // Progress on a terminal only: redrawn in place, it would be noise in a log.
    let tty = std::io::IsTerminal::is_terminal(&std::io::stderr());
    let show = |p: dossier_service::import::ImportProgress| {
        let what = match p.stage {
            Stage::Reading if p.total > 1 => "pages read by OCR",
            Stage::Writing if p.total >= 1000 => "records written",
            _ => return,
        };
        if tty && !json {
            eprint!("\rdossier: {} of {} {what}", p.done, p.total);
            if p.done == p.total {
                eprintln!();
            }
        }
    };
    let plan = dossier_service::import::import(
        store,
        files,
        options,
        run,
        dossier_service::today(),
        &show,
    )?;
    if json {
        serde_json::to_writer_pretty(&mut *out, &plan)?;
        writeln!(out)?;
        return Ok(());
    }
    table(&plan, dry_run, out)
}

fn table(plan: &ImportPlan, dry_run: bool, out: &mut impl Write) -> Result<()> {
    for f in &plan.files {
        writeln!(out, "{} (read as {})", f.name, f.format.as_str())?;
        if let Some(m) = &f.mapping {
            let cols: Vec<String> = m
                .columns
                .iter()
                .map(|(c, field)| format!("{c} -> {}", field_name(*field)))
                .collect();
            writeln!(out, "  columns: {}", cols.join(", "))?;
        }
    }
    let mut counts = [0usize; 3];
    for r in &plan.records {
        let (i, word) = match r.action {
            Action::Add if dry_run => (0, "add"),
            Action::Add => (0, "added"),
            Action::Duplicate => (1, "duplicate"),
            Action::Invalid => (2, "invalid"),
        };
        counts[i] += 1;
        let issuer = r
            .issuer
            .as_deref()
            .map(|s| format!(" - {s}"))
            .unwrap_or_default();
        let date = r
            .completed
            .as_deref()
            .map(|s| format!(" ({s})"))
            .unwrap_or_default();
        let title = if r.title.is_empty() {
            "(no title)"
        } else {
            &r.title
        };
        writeln!(
            out,
            "{word:<10} {:<20} {title}{issuer}{date}",
            r.kind.as_str()
        )?;
        if let Some(why) = &r.reason {
            writeln!(out, "           {why}")?;
        }
        fields(r, out)?;
        for n in &r.notes {
            writeln!(out, "           note: {n}")?;
        }
        for w in &r.warnings {
            writeln!(out, "           check: {w}")?;
        }
    }
    let [add, dup, bad] = counts;
    if dry_run {
        writeln!(
            out,
            "Dry run: would add {add}, {dup} already kept, {bad} invalid. Nothing was written."
        )?;
    } else {
        writeln!(
            out,
            "Added {} records; {dup} already kept, {bad} invalid (not imported).",
            plan.added
        )?;
        if !plan.ids.is_empty() {
            writeln!(out, "Undo with: dossier remove {}", id_span(&plan.ids))?;
        }
    }
    Ok(())
}

/// A certificate's fields, each with the text it was read from; "?" marks a reading to check.
fn fields(r: &ImportRow, out: &mut impl Write) -> Result<()> {
    for (name, f) in &r.fields {
        let mark = match f.confidence {
            dossier_interop::Confidence::High => ' ',
            dossier_interop::Confidence::Low => '?',
        };
        let value = if f.value.is_empty() { "-" } else { &f.value };
        let from = if f.snippet.is_empty() || f.snippet == f.value {
            String::new()
        } else {
            format!("  from \"{}\"", f.snippet)
        };
        writeln!(out, "         {mark} {name}: {value}{from}")?;
        if let Some(n) = &f.note {
            writeln!(out, "             ({n})")?;
        }
    }
    Ok(())
}

fn field_name(f: Field) -> String {
    serde_json::to_value(f)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

fn id_span(ids: &[i64]) -> String {
    match (ids.first(), ids.last()) {
        // Ids of one import are consecutive: one transaction wrote them.
        (Some(a), Some(b)) if a != b && (b - a) as usize + 1 == ids.len() => format!("{a}-{b}"),
        (Some(_), _) => ids.iter().map(i64::to_string).collect::<Vec<_>>().join(" "),
        _ => String::new(),
    }
}
