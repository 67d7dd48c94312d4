//! Commands for staleness, CE requirements, renewals, reminders and the iCalendar export.
//! Every figure comes from `Store::dashboard`, the same function the CLI prints.

use crate::commands::{as_of_day, AppState};
use crate::error::Result;
use crate::files::ask_save_path;
use chrono::NaiveDate;
use dossier_core::dashboard::Dashboard;
use dossier_core::renewal::RenewalDraft;
use dossier_core::requirements::Requirement;
use dossier_core::staleness::{Explanation, FieldChange, Renewal, SkillInfo};
use dossier_core::{Credential, UserSettings};
use tauri::{AppHandle, State};
use tauri_plugin_notification::NotificationExt;

fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

#[tauri::command]
pub async fn dashboard(state: State<'_, AppState>, as_of: Option<String>) -> Result<Dashboard> {
    Ok(state.store()?.dashboard(as_of_day(as_of)?)?)
}

/// "Why this status?" for one record: the dashboard's reasons with every step behind them.
#[tauri::command]
pub async fn explain(
    state: State<'_, AppState>,
    id: i64,
    as_of: Option<String>,
) -> Result<Explanation> {
    Ok(state.store()?.explain(id, as_of_day(as_of)?)?)
}

#[tauri::command]
pub async fn skill_list(state: State<'_, AppState>) -> Result<Vec<SkillInfo>> {
    Ok(state.store()?.skill_list()?)
}

#[tauri::command]
pub async fn set_half_life(state: State<'_, AppState>, name: String, years: f64) -> Result<()> {
    state.store()?.set_half_life(&name, years)?;
    Ok(())
}

/// Skills among `names` that age at the default half-life, so the form can say so.
#[tauri::command]
pub async fn skills_without_half_life(
    state: State<'_, AppState>,
    names: Vec<String>,
) -> Result<Vec<String>> {
    Ok(state.store()?.skills_without_half_life(&names)?)
}

#[tauri::command]
pub async fn field_changes(state: State<'_, AppState>) -> Result<Vec<FieldChange>> {
    Ok(state.store()?.field_changes()?)
}

#[tauri::command]
pub async fn add_field_change(
    state: State<'_, AppState>,
    change: FieldChange,
) -> Result<FieldChange> {
    Ok(state.store()?.add_field_change(&change)?)
}

/// Returns the removed change, so the UI can offer to put it back.
#[tauri::command]
pub async fn remove_field_change(state: State<'_, AppState>, id: i64) -> Result<FieldChange> {
    Ok(state.store()?.remove_field_change(id)?)
}

#[tauri::command]
pub async fn requirements(state: State<'_, AppState>) -> Result<Vec<Requirement>> {
    Ok(state.store()?.requirements()?)
}

#[tauri::command]
pub async fn add_requirement(
    state: State<'_, AppState>,
    requirement: Requirement,
) -> Result<Requirement> {
    Ok(state.store()?.add_requirement(&requirement)?)
}

#[tauri::command]
pub async fn remove_requirement(state: State<'_, AppState>, id: i64) -> Result<Requirement> {
    Ok(state.store()?.remove_requirement(id)?)
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
    Ok(state.store()?.renew(id, &draft, today())?)
}

#[tauri::command]
pub async fn renewals(state: State<'_, AppState>, id: i64) -> Result<Vec<Renewal>> {
    Ok(state.store()?.renewals(id)?)
}

#[tauri::command]
pub async fn user_settings(state: State<'_, AppState>) -> Result<UserSettings> {
    Ok(state.store()?.user_settings()?)
}

#[tauri::command]
pub async fn set_user_settings(state: State<'_, AppState>, settings: UserSettings) -> Result<()> {
    Ok(state.store()?.set_user_settings(&settings)?)
}

/// Asks where to save, writes the calendar; returns the path, or None when cancelled.
#[tauri::command]
pub async fn export_ics(app: AppHandle, state: State<'_, AppState>) -> Result<Option<String>> {
    let store = state.store()?;
    let filter = ("iCalendar", &["ics"][..]);
    let title = "Export deadlines to a calendar";
    let Some(path) = ask_save_path(&app, title, "dossier-deadlines.ics", filter) else {
        return Ok(None);
    };
    dossier_service::export_calendar(store, today(), &path)?;
    Ok(Some(path.display().to_string()))
}

/// On start: one desktop notification a day listing what expires within the warning window
/// and which cycles are behind, unless reminders are off.
pub fn remind_on_start(app: &AppHandle, state: &AppState) {
    let Ok(store) = state.store() else { return };
    let body = match dossier_service::daily_reminder(store, today()) {
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
