//! Field changes (`dossier field-change`) and "why this status?" (`dossier explain`). The
//! explanation is the one `Store::explain` builds, which gives the dashboard's own reasons.

use crate::args::FieldChangeCommand;
use crate::commands::LazyStore;
use crate::output::json;
use crate::{CliError, Result};
use chrono::NaiveDate;
use dossier_core::change_draft::{FieldChangeDraft, PhaseDraft};
use dossier_core::staleness::{Explanation, FieldChange};
use dossier_store::Store;
use std::io::Write;

/// `--effective DATE` or `--effective DATE=WHAT`; the draft reads the date.
fn phase(s: &str) -> PhaseDraft {
    let (date, what) = s.split_once('=').unwrap_or((s, ""));
    PhaseDraft {
        date: date.to_string(),
        what: what.to_string(),
    }
}

/// A shell word for the undo line: single quotes, with any single quote spelled out.
fn quoted(s: &str) -> String {
    format!("'{}'", s.replace('\'', r"'\''"))
}

pub fn field_change(
    store: &LazyStore,
    cmd: FieldChangeCommand,
    out: &mut impl Write,
) -> Result<()> {
    match cmd {
        FieldChangeCommand::Add {
            announced,
            effective,
            title,
            jurisdiction,
            note,
            skills,
            impact,
            source,
        } => {
            let draft = FieldChangeDraft {
                announced,
                effective: effective.iter().map(|p| phase(p)).collect(),
                title,
                jurisdiction: jurisdiction.unwrap_or_default(),
                skills,
                impact,
                source: source.unwrap_or_default(),
                note: note.unwrap_or_default(),
            };
            let change = draft.validate().map_err(CliError::Validation)?;
            let added = store.write()?.add_field_change(&change)?;
            writeln!(
                out,
                "Added field change #{} {} (announced {})",
                added.id, added.title, added.announced
            )?;
        }
        FieldChangeCommand::List { json: true } => json(out, &store.read()?.field_changes()?)?,
        FieldChangeCommand::List { json: false } => {
            for c in store.read()?.field_changes()? {
                let place = c.jurisdiction.as_deref().unwrap_or("everywhere");
                writeln!(
                    out,
                    "{:>4}  {}  {}  ({place}; impact {})",
                    c.id, c.announced, c.title, c.impact
                )?;
                for p in &c.effective {
                    let what = if p.what.is_empty() {
                        "applies"
                    } else {
                        &p.what
                    };
                    writeln!(out, "      from {}: {what}", p.date)?;
                }
                writeln!(out, "      affects: {}", c.skills.join(", "))?;
                if let Some(n) = &c.note {
                    writeln!(out, "      note: {n}")?;
                }
                if let Some(s) = &c.source {
                    writeln!(out, "      source: {s}")?;
                }
            }
        }
        FieldChangeCommand::Remove { id } => {
            let c = store.write()?.remove_field_change(id)?;
            writeln!(out, "Removed field change #{id} {}", c.title)?;
            writeln!(out, "Undo with: {}", add_command(&c))?;
        }
    }
    Ok(())
}

/// The `dossier field-change add` line that adds `c` back.
fn add_command(c: &FieldChange) -> String {
    let mut words = vec![
        "dossier field-change add".to_string(),
        format!("--announced {}", c.announced),
        format!("--title {}", quoted(&c.title)),
    ];
    words.extend(c.skills.iter().map(|s| format!("--skill {}", quoted(s))));
    words.push(format!("--impact {}", c.impact));
    for p in &c.effective {
        words.push(match p.what.as_str() {
            "" => format!("--effective {}", p.date),
            what => format!("--effective {}", quoted(&format!("{}={what}", p.date))),
        });
    }
    for (flag, v) in [
        ("--jurisdiction", &c.jurisdiction),
        ("--note", &c.note),
        ("--source", &c.source),
    ] {
        if let Some(v) = v {
            words.push(format!("{flag} {}", quoted(v)));
        }
    }
    words.join(" ")
}

pub fn explain(
    store: &Store,
    id: i64,
    as_of: NaiveDate,
    as_json: bool,
    out: &mut impl Write,
) -> Result<()> {
    let e = store.explain(id, as_of)?;
    if as_json {
        return json(out, &e);
    }
    print_explanation(&e, out)
}

fn print_explanation(e: &Explanation, out: &mut impl Write) -> Result<()> {
    let a = &e.assessment;
    writeln!(out, "#{} {}", a.id, a.title)?;
    writeln!(out, "As of {}: {}", e.as_of, a.status.as_str())?;
    writeln!(out, "  {}", e.basis)?;
    writeln!(out, "  {}", e.rule)?;
    if !a.reasons.is_empty() {
        writeln!(out, "Reasons")?;
        for r in &a.reasons {
            writeln!(out, "  - {}", r.text)?;
        }
    }
    if !e.skills.is_empty() {
        writeln!(out, "Skills")?;
        for s in &e.skills {
            let default = if s.default_half_life {
                " (default)"
            } else {
                ""
            };
            writeln!(
                out,
                "  - {} (relevance {}): half-life {} years{default}, {} fresh",
                s.name,
                s.relevance,
                s.half_life_years,
                dossier_core::coverage::percent(s.freshness)
            )?;
            if let Some(by) = &s.refreshed_by {
                writeln!(
                    out,
                    "      kept current by #{} '{}' ({})",
                    by.id, by.title, by.when
                )?;
            }
        }
    }
    if !e.changes.is_empty() {
        writeln!(out, "Field changes")?;
        for c in &e.changes {
            writeln!(out, "  - [{}] {}", c.label, c.title)?;
            writeln!(out, "      {}", c.text)?;
        }
    }
    Ok(())
}
