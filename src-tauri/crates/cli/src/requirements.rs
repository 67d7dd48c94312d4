//! `dossier requirement` and `dossier requirements`: CE rule sets from flags or a file, and
//! progress on every cycle.

use crate::args::{RequirementArgs, RequirementCommand};
use crate::commands::LazyStore;
use crate::input::{overlay, usage};
use crate::output::json;
use crate::{CliError, Result};
use chrono::NaiveDate;
use dossier_core::requirement_draft::{CapDraft, RequirementDraft, TopicDraft, WindowDraft};
use dossier_core::requirements::Requirement;
use dossier_store::Store;
use std::io::Write;
use std::path::Path;

/// `NAME=NUMBER` as used by --topic, --window and --cap; the last `=` splits. The number
/// stays text: the draft reads it, with the message the app's form gives.
fn pair<'a>(flag: &str, s: &'a str) -> Result<(&'a str, &'a str)> {
    s.rsplit_once('=')
        .map(|(name, n)| (name.trim(), n.trim()))
        .ok_or_else(|| usage(flag, format!("'{s}' needs NAME=NUMBER")))
}

fn cap(s: &str) -> Result<CapDraft> {
    let mut parts = s.split(',');
    let (label, max_hours) = pair("--cap", parts.next().unwrap_or_default())?;
    let mut cap = CapDraft {
        label: label.to_string(),
        max_hours: max_hours.to_string(),
        ..Default::default()
    };
    for cond in parts {
        let (k, v) = cond
            .split_once('=')
            .ok_or_else(|| usage("--cap", format!("'{cond}' needs KEY=VALUE")))?;
        let field = match k.trim() {
            "kind" => &mut cap.kind,
            "credit-type" => &mut cap.credit_type,
            "skill" => &mut cap.skill,
            other => {
                return Err(usage(
                    "--cap",
                    format!("unknown condition '{other}' (kind, credit-type, skill)"),
                ))
            }
        };
        *field = v.trim().to_string();
    }
    // A cap with no condition would limit every activity; on the command line the label
    // names the skill it is about ("--cap Ethics=4").
    if cap.kind.is_empty() && cap.credit_type.is_empty() && cap.skill.is_empty() {
        cap.skill.clone_from(&cap.label);
    }
    Ok(cap)
}

/// A rules file: a whole `Requirement` as JSON, with the lists and flags optional.
fn from_file(path: &Path) -> Result<Requirement> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| usage("--file", format!("{}: {e}", path.display())))?;
    let mut v: serde_json::Value = serde_json::from_str(&text).map_err(|e| {
        usage(
            "--file",
            format!("{} line {}: {e}", path.display(), e.line()),
        )
    })?;
    if let Some(o) = v.as_object_mut() {
        o.entry("id").or_insert(0.into());
        for key in ["topics", "caps", "windows"] {
            o.entry(key).or_insert(serde_json::Value::Array(vec![]));
        }
        o.entry("first_cycle").or_insert(false.into());
    }
    serde_json::from_value(v).map_err(|e| usage("--file", format!("{}: {e}", path.display())))
}

/// The flags (over the file, when one is given) as the draft the app's form fills in.
fn requirement_from(a: RequirementArgs) -> Result<RequirementDraft> {
    let mut d = match &a.file {
        Some(path) => RequirementDraft::from_input(&from_file(path)?),
        None => {
            let needed = [
                ("--name", &a.name),
                ("--ends", &a.ends),
                ("--cycle-months", &a.cycle_months),
                ("--hours", &a.hours),
            ];
            if let Some((flag, _)) = needed.iter().find(|(_, v)| v.is_none()) {
                return Err(usage(flag, "is required (or give --file)"));
            }
            RequirementDraft::default()
        }
    };
    let given = [
        (&a.name, &mut d.name),
        (&a.ends, &mut d.ends),
        (&a.cycle_months, &mut d.cycle_months),
        (&a.hours, &mut d.hours),
        (&a.credit_type, &mut d.credit_type),
    ];
    overlay(given);
    for (flags, on_top, first) in [
        (&a.topics, false, false),
        (&a.topics_on_top, true, false),
        (&a.first_cycle_topics, true, true),
    ] {
        for t in flags {
            let (skill, hours) = pair("--topic", t)?;
            d.topics.push(TopicDraft {
                skill: skill.to_string(),
                hours: hours.to_string(),
                on_top,
                first_cycle_only: first,
            });
        }
    }
    for c in &a.caps {
        d.caps.push(cap(c)?);
    }
    for w in &a.windows {
        let (months, hours) = pair("--window", w)?;
        d.windows.push(WindowDraft {
            months: months.to_string(),
            hours: hours.to_string(),
        });
    }
    d.first_cycle |= a.first_cycle;
    if a.credential.is_some() {
        d.credential = a.credential;
    }
    Ok(d)
}

pub fn requirement(store: &LazyStore, cmd: RequirementCommand, out: &mut impl Write) -> Result<()> {
    match cmd {
        RequirementCommand::Add(a) => {
            let draft = requirement_from(*a)?;
            let req = draft.validate().map_err(CliError::Validation)?;
            if let Some(id) = req.credential {
                store.read()?.get(id)?;
            }
            let added = store.write()?.add_requirement(&req)?;
            writeln!(out, "Added requirement #{} {}", added.id, added.name)?;
        }
        RequirementCommand::List { json: true } => json(out, &store.read()?.requirements()?)?,
        RequirementCommand::List { json: false } => {
            for r in store.read()?.requirements()? {
                writeln!(
                    out,
                    "{:>4}  {}: {} h every {} months, cycle ends {}",
                    r.id, r.name, r.hours, r.cycle_months, r.ends
                )?;
            }
        }
        RequirementCommand::Remove { id } => {
            let r = store.write()?.remove_requirement(id)?;
            let saved = serde_json::to_string(&r)?;
            writeln!(
                out,
                "Removed requirement #{id} {}. Its rules were:\n{saved}",
                r.name
            )?;
            writeln!(
                out,
                "Undo: save those rules to a file and run `dossier requirement add --file FILE`"
            )?;
        }
    }
    Ok(())
}

pub fn requirements(
    store: &Store,
    as_of: NaiveDate,
    as_json: bool,
    out: &mut impl Write,
) -> Result<()> {
    let dash = store.dashboard(as_of)?;
    if as_json {
        return json(out, &dash.cycles);
    }
    if dash.cycles.is_empty() {
        writeln!(
            out,
            "No requirements. Add one with `dossier requirement add`."
        )?;
    }
    for p in &dash.cycles {
        writeln!(
            out,
            "#{} {} ({} to {}): {}",
            p.id,
            p.name,
            p.starts,
            p.ends,
            p.state.label()
        )?;
        writeln!(
            out,
            "  {} of {} hours counted, {} remaining, {} days left, {} h/month needed",
            p.counted, p.required, p.remaining, p.days_left, p.pace_per_month
        )?;
        for t in p.topics.iter().chain(&p.windows) {
            writeln!(
                out,
                "  {}: {} of {} h, {} remaining",
                t.name, t.counted, t.required, t.remaining
            )?;
        }
        for c in &p.caps {
            writeln!(
                out,
                "  cap {}: {} of at most {} h used",
                c.name, c.counted, c.required
            )?;
        }
    }
    Ok(())
}
