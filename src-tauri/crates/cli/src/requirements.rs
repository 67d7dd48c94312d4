//! `dossier requirement` and `dossier requirements`: CE rule sets from flags or a file, and
//! progress on every cycle.

use crate::args::{RequirementArgs, RequirementCommand};
use crate::input::{parse_day, usage};
use crate::output::json;
use crate::{CliError, Result};
use chrono::NaiveDate;
use dossier_core::requirements::{Cap, Requirement, RollingWindow, Topic};
use dossier_core::CredentialKind;
use dossier_store::Store;
use std::io::Write;

/// `NAME=NUMBER` as used by --topic and --window; the last `=` splits.
fn pair(flag: &str, s: &str) -> Result<(String, f64)> {
    let (name, n) = s
        .rsplit_once('=')
        .ok_or_else(|| usage(flag, format!("'{s}' needs NAME=NUMBER")))?;
    let n: f64 = n
        .trim()
        .parse()
        .map_err(|_| usage(flag, format!("'{n}' in '{s}' is not a number")))?;
    Ok((name.trim().to_string(), n))
}

fn cap(s: &str) -> Result<Cap> {
    let mut parts = s.split(',');
    let (label, max_hours) = pair("--cap", parts.next().unwrap_or_default())?;
    let mut cap = Cap {
        label,
        max_hours,
        ..Default::default()
    };
    for cond in parts {
        let (k, v) = cond
            .split_once('=')
            .ok_or_else(|| usage("--cap", format!("'{cond}' needs KEY=VALUE")))?;
        match k.trim() {
            "kind" => cap.kind = Some(v.parse::<CredentialKind>().map_err(|e| usage("--cap", e))?),
            "credit-type" => cap.credit_type = Some(v.trim().to_string()),
            "skill" => cap.skill = Some(v.trim().to_string()),
            other => {
                return Err(usage(
                    "--cap",
                    format!("unknown condition '{other}' (kind, credit-type, skill)"),
                ))
            }
        }
    }
    if cap.kind.is_none() && cap.credit_type.is_none() && cap.skill.is_none() {
        cap.skill = Some(cap.label.clone());
    }
    Ok(cap)
}

fn requirement_from(a: RequirementArgs) -> Result<Requirement> {
    let mut req = match &a.file {
        Some(path) => {
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
            serde_json::from_value(v)
                .map_err(|e| usage("--file", format!("{}: {e}", path.display())))?
        }
        None => {
            let missing = |f: &str| usage(f, "is required (or give --file)");
            Requirement {
                id: 0,
                name: a.name.clone().ok_or_else(|| missing("--name"))?,
                ends: parse_day(
                    "--ends",
                    a.ends.as_deref().ok_or_else(|| missing("--ends"))?,
                )?,
                cycle_months: 0,
                hours: a.hours.ok_or_else(|| missing("--hours"))?,
                credit_type: None,
                topics: vec![],
                caps: vec![],
                windows: vec![],
                first_cycle: false,
                credential: None,
            }
        }
    };
    if let Some(n) = &a.name {
        req.name.clone_from(n);
    }
    if let Some(e) = &a.ends {
        req.ends = parse_day("--ends", e)?;
    }
    match a.cycle_months {
        Some(m) if !(1..=120).contains(&m) => {
            return Err(CliError::Validation(vec![dossier_core::FieldError::new(
                "cycle_months",
                format!("must be 1 to 120 months (got {m})"),
            )]))
        }
        Some(m) => req.cycle_months = m as u32,
        None if a.file.is_none() => {
            return Err(usage("--cycle-months", "is required (or give --file)"))
        }
        None => {}
    }
    if let Some(h) = a.hours {
        req.hours = h;
    }
    if a.credit_type.is_some() {
        req.credit_type = a.credit_type.clone();
    }
    for (flags, on_top, first) in [
        (&a.topics, false, false),
        (&a.topics_on_top, true, false),
        (&a.first_cycle_topics, true, true),
    ] {
        for t in flags {
            let (skill, hours) = pair("--topic", t)?;
            req.topics.push(Topic {
                skill,
                hours,
                on_top,
                first_cycle_only: first,
            });
        }
    }
    for c in &a.caps {
        req.caps.push(cap(c)?);
    }
    for w in &a.windows {
        let (months, hours) = pair("--window", w)?;
        let months: u32 = months
            .parse()
            .map_err(|_| usage("--window", format!("'{months}' is not a number of months")))?;
        req.windows.push(RollingWindow { months, hours });
    }
    req.first_cycle |= a.first_cycle;
    if a.credential.is_some() {
        req.credential = a.credential;
    }
    Ok(req)
}

pub fn requirement(store: &Store, cmd: RequirementCommand, out: &mut impl Write) -> Result<()> {
    match cmd {
        RequirementCommand::Add(a) => {
            let req = requirement_from(*a)?;
            if let Some(id) = req.credential {
                store.get(id)?;
            }
            let added = store.add_requirement(&req)?;
            writeln!(out, "Added requirement #{} {}", added.id, added.name)?;
        }
        RequirementCommand::List { json: true } => json(out, &store.requirements()?)?,
        RequirementCommand::List { json: false } => {
            for r in store.requirements()? {
                writeln!(
                    out,
                    "{:>4}  {}: {} h every {} months, cycle ends {}",
                    r.id, r.name, r.hours, r.cycle_months, r.ends
                )?;
            }
        }
        RequirementCommand::Remove { id } => {
            let r = store.remove_requirement(id)?;
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
