//! Commands for skills coverage, the learning plan and frameworks. The chart is the SVG the
//! domain draws, the same one the PDF will carry.

use crate::commands::{as_of_day, AppState};
use crate::error::Result;
use crate::files::{ask_save_path, write_atomically};
use dossier_core::coverage::CoverageView;
use dossier_core::framework::{Framework, FrameworkInfo};
use tauri::{AppHandle, State};
use tauri_plugin_dialog::DialogExt;

#[tauri::command]
pub async fn coverage_view(
    state: State<'_, AppState>,
    as_of: Option<String>,
    framework: Option<String>,
) -> Result<CoverageView> {
    Ok(state
        .store()?
        .coverage_view(as_of_day(as_of)?, framework.as_deref())?)
}

#[tauri::command]
pub async fn frameworks(state: State<'_, AppState>) -> Result<Vec<FrameworkInfo>> {
    Ok(state.store()?.frameworks()?)
}

#[tauri::command]
pub async fn framework(state: State<'_, AppState>, id: String) -> Result<Framework> {
    Ok(state.store()?.framework(&id)?)
}

#[tauri::command]
pub async fn use_framework(state: State<'_, AppState>, id: String) -> Result<()> {
    Ok(state.store()?.use_framework(&id)?)
}

#[tauri::command]
pub async fn save_framework(state: State<'_, AppState>, framework: Framework) -> Result<Framework> {
    Ok(state.store()?.save_framework(&framework)?)
}

#[tauri::command]
pub async fn set_alias(
    state: State<'_, AppState>,
    framework: String,
    alias: String,
    skill: String,
) -> Result<()> {
    Ok(state.store()?.set_alias(&framework, &alias, &skill)?)
}

/// Picks a JSON file and imports it; None when the dialog is cancelled.
#[tauri::command]
pub async fn import_framework(
    app: AppHandle,
    state: State<'_, AppState>,
) -> Result<Option<Framework>> {
    let Some(path) = app
        .dialog()
        .file()
        .set_title("Import a skill framework")
        .add_filter("Framework JSON", &["json"])
        .blocking_pick_file()
        .and_then(|p| p.into_path().ok())
    else {
        return Ok(None);
    };
    let text = std::fs::read_to_string(&path).map_err(|source| dossier_store::Error::Io {
        path: path.clone(),
        source,
    })?;
    Ok(Some(state.store()?.import_framework(&text)?))
}

/// Asks where to save a framework's JSON; returns the path, or None when cancelled.
#[tauri::command]
pub async fn export_framework(
    app: AppHandle,
    state: State<'_, AppState>,
    id: String,
) -> Result<Option<String>> {
    let json = state.store()?.export_framework(&id)?;
    let name = format!("{id}.json");
    let filter = ("Framework JSON", &["json"][..]);
    let Some(path) = ask_save_path(&app, "Export the skill framework", &name, filter) else {
        return Ok(None);
    };
    write_atomically(&path, json.as_bytes())?;
    Ok(Some(path.display().to_string()))
}
