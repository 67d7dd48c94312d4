//! Commands for skills coverage, the learning plan and frameworks. The chart is the SVG the
//! domain draws, the same one the PDF will carry.

use crate::error::Result;
use crate::files::{ask_open_paths, save_with, write_atomically, SaveAs};
use crate::state::{as_of_day, AppState};
use dossier_core::coverage::CoverageView;
use dossier_core::framework::{Framework, FrameworkInfo};
use dossier_core::framework_draft::FrameworkDraft;
use tauri::{AppHandle, Runtime, State};

#[tauri::command]
pub async fn coverage_view(
    state: State<'_, AppState>,
    as_of: Option<String>,
    framework: Option<String>,
) -> Result<CoverageView> {
    let day = as_of_day(as_of)?;
    state
        .run(move |s| Ok(s.coverage_view(day, framework.as_deref())?))
        .await
}

#[tauri::command]
pub async fn frameworks(state: State<'_, AppState>) -> Result<Vec<FrameworkInfo>> {
    state.run(|s| Ok(s.frameworks()?)).await
}

#[tauri::command]
pub async fn framework(state: State<'_, AppState>, id: String) -> Result<Framework> {
    state.run(move |s| Ok(s.framework(&id)?)).await
}

#[tauri::command]
pub async fn use_framework(state: State<'_, AppState>, id: String) -> Result<()> {
    state.run(move |s| Ok(s.use_framework(&id)?)).await
}

/// A framework as edited (half-lives as typed); nothing is saved when a node is bad.
#[tauri::command]
pub async fn save_framework(
    state: State<'_, AppState>,
    draft: FrameworkDraft,
) -> Result<Framework> {
    state
        .run(move |s| Ok(s.save_framework_draft(&draft)?))
        .await
}

#[tauri::command]
pub async fn set_alias(
    state: State<'_, AppState>,
    framework: String,
    alias: String,
    skill: String,
) -> Result<()> {
    state
        .run(move |s| Ok(s.set_alias(&framework, &alias, &skill)?))
        .await
}

/// Picks a JSON file and imports it; None when the dialog is cancelled.
#[tauri::command]
pub async fn import_framework<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> Result<Option<Framework>> {
    state
        .run(move |s| {
            let title = "Import a skill framework";
            let filters: [(&str, &[&str]); 1] = [("Framework JSON", &["json"])];
            let Some(path) = ask_open_paths(&app, title, &filters, false).pop() else {
                return Ok(None);
            };
            Ok(Some(s.import_framework_file(&path)?))
        })
        .await
}

/// Asks where to save a framework's JSON; returns the path, or None when cancelled.
#[tauri::command]
pub async fn export_framework<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    id: String,
) -> Result<Option<String>> {
    state
        .run(move |s| {
            let json = s.export_framework(&id)?;
            let ask = SaveAs {
                title: "Export the skill framework",
                name: &format!("{id}.json"),
                filter: ("Framework JSON", &["json"]),
            };
            let saved = save_with(&app, ask, |path| write_atomically(path, json.as_bytes()))?;
            Ok(saved.map(|p| p.display().to_string()))
        })
        .await
}
