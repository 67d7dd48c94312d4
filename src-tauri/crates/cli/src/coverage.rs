//! Coverage, the learning plan and frameworks from the command line. The numbers come from
//! `Store::coverage`, the same as the app's chart.

use crate::args::FrameworkCommand;
use crate::commands::LazyStore;
use crate::{CliError, Result};
use chrono::NaiveDate;
use dossier_store::Store;
use std::io::Write;
use std::path::Path;

fn pct(x: f64) -> String {
    format!("{:>5}", dossier_core::coverage::percent(x))
}

pub fn coverage(
    store: &Store,
    as_of: NaiveDate,
    framework: Option<&str>,
    as_json: bool,
    chart: Option<&Path>,
    out: &mut impl Write,
) -> Result<()> {
    let cov = store.coverage(as_of, framework)?;
    if let Some(path) = chart {
        let svg = dossier_core::chart::radar_svg(&cov, 420.0);
        crate::output::write_atomically("--chart", path, svg.as_bytes())?;
    }
    if as_json {
        serde_json::to_writer_pretty(&mut *out, &cov)?;
        writeln!(out)?;
        return Ok(());
    }
    writeln!(
        out,
        "{} as of {}            earned  current",
        cov.framework, cov.as_of
    )?;
    for d in &cov.domains {
        writeln!(out, "{:<44} {}  {}", d.name, pct(d.earned), pct(d.current))?;
        for s in &d.skills {
            writeln!(
                out,
                "  {:<42} {}  {}  ({} records)",
                s.name,
                pct(s.earned),
                pct(s.current),
                s.records.len()
            )?;
        }
    }
    if !cov.unmapped.is_empty() {
        writeln!(out, "Not in this framework: {}", cov.unmapped.join(", "))?;
        writeln!(
            out,
            "Map one with: dossier framework alias FRAMEWORK 'NAME' SKILL_ID"
        )?;
    }
    Ok(())
}

pub fn plan(
    store: &Store,
    as_of: NaiveDate,
    framework: Option<&str>,
    as_json: bool,
    out: &mut impl Write,
) -> Result<()> {
    let items = store.plan(as_of, framework)?;
    if as_json {
        serde_json::to_writer_pretty(&mut *out, &items)?;
        writeln!(out)?;
        return Ok(());
    }
    if items.is_empty() {
        writeln!(out, "No gaps: every skill you earned is still current.")?;
    }
    for (i, p) in items.iter().enumerate() {
        writeln!(
            out,
            "{:>2}. {}: earned {}, current {}",
            i + 1,
            p.label,
            pct(p.earned).trim(),
            pct(p.current).trim()
        )?;
        writeln!(out, "    {}", p.suggestion)?;
    }
    Ok(())
}

pub fn framework(store: &LazyStore, cmd: FrameworkCommand, out: &mut impl Write) -> Result<()> {
    match cmd {
        FrameworkCommand::List { json: true } => {
            serde_json::to_writer_pretty(&mut *out, &store.read()?.frameworks()?)?;
            writeln!(out)?;
        }
        FrameworkCommand::List { json: false } => {
            for f in store.read()?.frameworks()? {
                let mark = if f.active { "*" } else { " " };
                writeln!(out, "{mark} {:<16} {} ({} skills)", f.id, f.name, f.skills)?;
            }
        }
        FrameworkCommand::Show { id } => {
            let fw = store.read()?.framework(&id)?;
            writeln!(out, "{} ({})", fw.name, fw.id)?;
            if let Some(c) = &fw.citation {
                writeln!(out, "  {c}")?;
            }
            for d in fw.domains() {
                writeln!(out, "  {} [{}]", d.name, d.id)?;
                for s in fw.skills_under(&d.id) {
                    let h = s
                        .half_life_years
                        .map(|h| format!("{h} y"))
                        .unwrap_or_default();
                    writeln!(out, "    {:<44} {:>6}  [{}]", s.name, h, s.id)?;
                }
            }
        }
        FrameworkCommand::Import { file } => {
            // Read and checked before the store is opened, so a bad file creates nothing.
            let text = dossier_store::read_bounded(&file, dossier_store::MAX_FRAMEWORK_BYTES)?;
            dossier_core::framework::Framework::from_json(&text).map_err(CliError::Validation)?;
            let fw = store.write()?.import_framework(&text)?;
            writeln!(
                out,
                "Imported {} ({}); use it with: dossier framework use {}",
                fw.name, fw.id, fw.id
            )?;
        }
        FrameworkCommand::Export { id, out: None } => {
            writeln!(out, "{}", store.read()?.export_framework(&id)?)?
        }
        FrameworkCommand::Export {
            id,
            out: Some(path),
        } => {
            let json = store.read()?.export_framework(&id)?;
            crate::output::write_atomically("--out", &path, json.as_bytes())?;
            writeln!(out, "Wrote {} to {}", id, path.display())?;
        }
        FrameworkCommand::Use { id } => {
            store.write()?.use_framework(&id)?;
            writeln!(out, "Active framework: {id}")?;
        }
        FrameworkCommand::Alias { id, name, skill } => {
            store.write()?.set_alias(&id, &name, &skill)?;
            writeln!(out, "'{name}' now counts for {skill} in {id}")?;
        }
    }
    Ok(())
}
