//! Commands for the portfolio PDF: the profile shown on it, a preview of its first page, and
//! the export, which reports its progress as events while it works.

use crate::commands::{as_of_day, AppState};
use crate::error::{AppError, Result};
use crate::files::ask_save_path;
use dossier_core::profile::{Profile, ReportPreview, Sections};
use tauri::{AppHandle, Emitter, State};
use tauri_plugin_opener::OpenerExt;

#[tauri::command]
pub async fn profile(state: State<'_, AppState>) -> Result<Profile> {
    Ok(state.store()?.profile()?)
}

#[tauri::command]
pub async fn set_profile(state: State<'_, AppState>, profile: Profile) -> Result<()> {
    Ok(state.store()?.set_profile(&profile)?)
}

/// The first page as SVG and the page count, for the export page's preview. Typesetting is
/// blocking work: it runs off the async runtime's workers.
#[tauri::command]
pub async fn report_preview(
    state: State<'_, AppState>,
    as_of: Option<String>,
    sections: Sections,
) -> Result<ReportPreview> {
    let as_of = as_of_day(as_of)?;
    let store = state.store()?.clone();
    let job = move || dossier_service::preview(&store, as_of, &sections);
    blocking(job).await
}

/// Runs blocking work (SQLite, typst) on the blocking pool.
async fn blocking<T: Send + 'static>(
    job: impl FnOnce() -> dossier_service::Result<T> + Send + 'static,
) -> Result<T> {
    match tauri::async_runtime::spawn_blocking(job).await {
        Ok(out) => Ok(out?),
        Err(e) => Err(AppError::Stopped(format!("the report stopped: {e}"))),
    }
}

/// Progress of an export, sent as the `report-progress` event.
#[derive(Clone, serde::Serialize)]
struct ReportProgress {
    step: &'static str,
    done: u8,
    of: u8,
}

/// Asks where to save, typesets and writes the PDF, then shows it in its folder. Returns the
/// path, or None when the dialog is cancelled.
#[tauri::command]
pub async fn export_pdf(
    app: AppHandle,
    state: State<'_, AppState>,
    as_of: Option<String>,
    sections: Sections,
) -> Result<Option<String>> {
    let as_of = as_of_day(as_of)?;
    let name = format!("dossier-portfolio-{as_of}.pdf");
    let filter = ("PDF", &["pdf"][..]);
    let Some(path) = ask_save_path(&app, "Export the portfolio as PDF", &name, filter) else {
        return Ok(None);
    };
    let store = state.store()?.clone();
    let (events, target) = (app.clone(), path.clone());
    blocking(move || {
        dossier_service::export_pdf(&store, as_of, &sections, &target, |i| {
            let step = dossier_service::EXPORT_STEPS[i];
            let of = dossier_service::EXPORT_STEPS.len() as u8;
            // A missed progress event only leaves the bar a step behind.
            let _ = events.emit(
                "report-progress",
                ReportProgress {
                    step,
                    done: i as u8 + 1,
                    of,
                },
            );
        })
    })
    .await?;
    if std::env::var_os("DOSSIER_SAVE_DIR").is_none() {
        if let Err(e) = app.opener().reveal_item_in_dir(&path) {
            eprintln!("dossier: could not show {}: {e}", path.display());
        }
    }
    Ok(Some(path.display().to_string()))
}
