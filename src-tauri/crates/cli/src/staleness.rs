//! The staleness commands: flags, skills and renewals (field changes and explanations:
//! `changes.rs`; CE requirements: `requirements.rs`). Every figure printed comes from
//! `Store::dashboard`.

use crate::args::SkillCommand;
use crate::commands::LazyStore;
use crate::output::json;
use crate::{CliError, Result};
use chrono::NaiveDate;
use dossier_core::dashboard::Dashboard;
use dossier_core::renewal::RenewalDraft;
use dossier_core::settings::HalfLifeDraft;
use dossier_store::Store;
use std::io::Write;

pub fn flags(store: &Store, as_of: NaiveDate, as_json: bool, out: &mut impl Write) -> Result<()> {
    let dash: Dashboard = store.dashboard(as_of)?;
    if as_json {
        return json(out, &dash.assessments);
    }
    let c = &dash.counts;
    writeln!(
        out,
        "As of {as_of}: {} current, {} ageing, {} stale, {} expiring, {} expired",
        c.current, c.ageing, c.stale, c.expiring, c.expired
    )?;
    for a in &dash.assessments {
        writeln!(out, "{:>5}  {:<9} {}", a.id, a.status.as_str(), a.title)?;
        for r in &a.reasons {
            writeln!(out, "                 - {}", r.text)?;
        }
    }
    Ok(())
}

pub fn skill(store: &LazyStore, cmd: SkillCommand, out: &mut impl Write) -> Result<()> {
    match cmd {
        SkillCommand::List { json: true } => json(out, &store.read()?.skill_list()?),
        SkillCommand::List { json: false } => {
            let default = store.read()?.staleness_settings()?.default_half_life;
            writeln!(
                out,
                "{:<44}  {:>10}  {:>7}",
                "SKILL", "HALF-LIFE", "RECORDS"
            )?;
            for s in store.read()?.skill_list()? {
                let h = match s.half_life_years {
                    Some(h) => format!("{h} y"),
                    None => format!("({default} y)"),
                };
                writeln!(out, "{:<44}  {:>10}  {:>7}", s.name, h, s.records)?;
            }
            writeln!(out, "(in brackets: no half-life set; the default applies)")?;
            Ok(())
        }
        SkillCommand::Set { name, half_life } => {
            let draft = HalfLifeDraft {
                name,
                half_life_years: half_life,
            };
            draft.validate().map_err(CliError::Validation)?;
            let (h, created) = store.write()?.set_half_life_draft(&draft)?;
            let verb = if created { "Created" } else { "Set" };
            writeln!(
                out,
                "{verb} '{}': half-life {} years",
                h.name, h.half_life_years
            )?;
            Ok(())
        }
    }
}

pub fn renew(
    store: &Store,
    id: i64,
    completed: &str,
    expires: &Option<String>,
    out: &mut impl Write,
) -> Result<()> {
    let draft = RenewalDraft {
        completed: completed.to_string(),
        expires: expires.clone().unwrap_or_default(),
    };
    let today = chrono::Local::now().date_naive();
    let c = store.renew(id, &draft, today)?;
    let completed = c.completed.map(|d| d.to_string()).unwrap_or_default();
    let until = c
        .expires
        .map(|e| format!(", valid until {e}"))
        .unwrap_or_default();
    writeln!(
        out,
        "Renewed #{} {}: completed {completed}{until}",
        c.id, c.title
    )?;
    Ok(())
}
