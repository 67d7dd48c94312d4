//! Commands for staleness, CE requirements, renewals, reminders and the iCalendar export.
//! Every figure comes from `Store::dashboard`, the same function the CLI prints.

use crate::error::Result;
use crate::files::{save_with, SaveAs};
use crate::state::{as_of_day, today, AppState};
use dossier_core::change_draft::FieldChangeDraft;
use dossier_core::dashboard::Dashboard;
use dossier_core::renewal::RenewalDraft;
use dossier_core::requirement_draft::RequirementDraft;
use dossier_core::requirements::Requirement;
use dossier_core::settings::{HalfLife, HalfLifeDraft, SettingsDraft};
use dossier_core::staleness::{Explanation, FieldChange, Renewal, SkillInfo};
use dossier_core::{Credential, UserSettings};
use tauri::{AppHandle, Runtime, State};
use tauri_plugin_notification::NotificationExt;

#[tauri::command]
pub async fn dashboard(state: State<'_, AppState>, as_of: Option<String>) -> Result<Dashboard> {
    let day = as_of_day(as_of)?;
    state.run(move |s| Ok(s.dashboard(day)?)).await
}

/// "Why this status?" for one record: the dashboard's reasons with every step behind them.
#[tauri::command]
pub async fn explain(
    state: State<'_, AppState>,
    id: i64,
    as_of: Option<String>,
) -> Result<Explanation> {
    let day = as_of_day(as_of)?;
    state.run(move |s| Ok(s.explain(id, day)?)).await
}

#[tauri::command]
pub async fn skill_list(state: State<'_, AppState>) -> Result<Vec<SkillInfo>> {
    state.run(|s| Ok(s.skill_list()?)).await
}

/// A half-life as typed; Rust reads the number and applies the range. Returns what it stored.
#[tauri::command]
pub async fn set_half_life(state: State<'_, AppState>, draft: HalfLifeDraft) -> Result<HalfLife> {
    state
        .run(move |s| Ok(s.set_half_life_draft(&draft)?.0))
        .await
}

/// Skills among `names` that age at the default half-life, so the form can say so.
#[tauri::command]
pub async fn skills_without_half_life(
    state: State<'_, AppState>,
    names: Vec<String>,
) -> Result<Vec<String>> {
    state
        .run(move |s| Ok(s.skills_without_half_life(&names)?))
        .await
}

#[tauri::command]
pub async fn field_changes(state: State<'_, AppState>) -> Result<Vec<FieldChange>> {
    state.run(|s| Ok(s.field_changes()?)).await
}

/// A new field change as typed; Rust reads the dates and numbers and applies the rules.
#[tauri::command]
pub async fn add_field_change(
    state: State<'_, AppState>,
    draft: FieldChangeDraft,
) -> Result<FieldChange> {
    state
        .run(move |s| Ok(s.add_field_change_draft(&draft)?))
        .await
}

/// Returns the removed change as a draft, so Undo can send it back as it came.
#[tauri::command]
pub async fn remove_field_change(state: State<'_, AppState>, id: i64) -> Result<FieldChangeDraft> {
    state
        .run(move |s| Ok(FieldChangeDraft::from_input(&s.remove_field_change(id)?)))
        .await
}

#[tauri::command]
pub async fn requirements(state: State<'_, AppState>) -> Result<Vec<Requirement>> {
    state.run(|s| Ok(s.requirements()?)).await
}

/// A new requirement set as typed; Rust reads every number and date and applies the rules.
#[tauri::command]
pub async fn add_requirement(
    state: State<'_, AppState>,
    draft: RequirementDraft,
) -> Result<Requirement> {
    state
        .run(move |s| Ok(s.add_requirement_draft(&draft)?))
        .await
}

/// Returns the removed set as a draft, so Undo can send it back as it came.
#[tauri::command]
pub async fn remove_requirement(state: State<'_, AppState>, id: i64) -> Result<RequirementDraft> {
    state
        .run(move |s| Ok(RequirementDraft::from_input(&s.remove_requirement(id)?)))
        .await
}

#[tauri::command]
pub async fn renew_credential(
    state: State<'_, AppState>,
    id: i64,
    completed: String,
    expires: Option<String>,
) -> Result<Credential> {
    let draft = RenewalDraft {
        completed,
        expires: expires.unwrap_or_default(),
    };
    state.run(move |s| Ok(s.renew(id, &draft, today())?)).await
}

#[tauri::command]
pub async fn renewals(state: State<'_, AppState>, id: i64) -> Result<Vec<Renewal>> {
    state.run(move |s| Ok(s.renewals(id)?)).await
}

#[tauri::command]
pub async fn user_settings(state: State<'_, AppState>) -> Result<UserSettings> {
    state.run(|s| Ok(s.user_settings()?)).await
}

/// The settings as typed; returns them as stored.
#[tauri::command]
pub async fn set_user_settings(
    state: State<'_, AppState>,
    draft: SettingsDraft,
) -> Result<UserSettings> {
    state
        .run(move |s| Ok(s.set_user_settings_draft(&draft)?))
        .await
}

/// Asks where to save, writes the calendar; returns the path, or None when cancelled.
#[tauri::command]
pub async fn export_ics<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> Result<Option<String>> {
    state
        .run(move |s| {
            let ask = SaveAs {
                title: "Export deadlines to a calendar",
                name: "dossier-deadlines.ics",
                filter: ("iCalendar", &["ics"]),
            };
            let saved = save_with(&app, ask, |path| {
                dossier_service::export_calendar(s, today(), path)?;
                Ok(())
            })?;
            Ok(saved.map(|p| p.display().to_string()))
        })
        .await
}

/// On start: one desktop notification a day listing what expires within the warning window
/// and which cycles are behind, unless reminders are off.
pub fn remind_on_start<R: Runtime>(app: &AppHandle<R>, state: &AppState) {
    let Ok(store) = state.store() else { return };
    let body = match dossier_service::daily_reminder(&store, today()) {
        Ok(Some(body)) => body,
        Ok(None) => return,
        Err(e) => {
            eprintln!("dossier: could not work out today's reminder: {e}");
            return;
        }
    };
    if let Err(e) = app
        .notification()
        .builder()
        .title("Dossier")
        .body(body)
        .show()
    {
        eprintln!("dossier: could not show the reminder: {e}");
    }
}
