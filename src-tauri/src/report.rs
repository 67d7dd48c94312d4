//! Commands for the portfolio PDF: the profile shown on it, a preview of its first page, and
//! the export, which reports its progress as events while it works.

use crate::error::Result;
use crate::files::{save_with, SaveAs};
use crate::state::{as_of_day, AppState};
use dossier_core::profile::{Profile, ReportPreview, Sections};
use serde::Serialize;
use tauri::{AppHandle, Emitter, Runtime, State};
use tauri_plugin_opener::OpenerExt;
use ts_rs::TS;

/// The event an export sends after each of its steps.
pub const REPORT_PROGRESS: &str = "report-progress";

/// One step of an export, as the `report-progress` event carries it.
#[derive(Clone, Debug, Serialize, TS)]
pub struct ReportProgress {
    pub step: String,
    pub done: u8,
    pub of: u8,
}

#[tauri::command]
pub async fn profile(state: State<'_, AppState>) -> Result<Profile> {
    state.run(|s| Ok(s.profile()?)).await
}

#[tauri::command]
pub async fn set_profile(state: State<'_, AppState>, profile: Profile) -> Result<()> {
    state.run(move |s| Ok(s.set_profile(&profile)?)).await
}

/// The first page as SVG and the page count, for the export page's preview.
#[tauri::command]
pub async fn report_preview(
    state: State<'_, AppState>,
    as_of: Option<String>,
    sections: Sections,
) -> Result<ReportPreview> {
    let as_of = as_of_day(as_of)?;
    state
        .run(move |s| Ok(dossier_service::preview(s, as_of, &sections)?))
        .await
}

/// Asks where to save, typesets and writes the PDF, then shows it in its folder. Returns the
/// path, or None when the dialog is cancelled.
#[tauri::command]
pub async fn export_pdf<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    as_of: Option<String>,
    sections: Sections,
) -> Result<Option<String>> {
    let as_of = as_of_day(as_of)?;
    state
        .run(move |s| {
            let ask = SaveAs {
                title: "Export the portfolio as PDF",
                name: &format!("dossier-portfolio-{as_of}.pdf"),
                filter: ("PDF", &["pdf"]),
            };
            let of = dossier_service::EXPORT_STEPS.len() as u8;
            let saved = save_with(&app, ask, |path| {
                dossier_service::export_pdf(s, as_of, &sections, path, |i| {
                    let progress = ReportProgress {
                        step: dossier_service::EXPORT_STEPS[i].to_string(),
                        done: i as u8 + 1,
                        of,
                    };
                    // A missed progress event only leaves the bar a step behind.
                    let _ = app.emit(REPORT_PROGRESS, progress);
                })?;
                Ok(())
            })?;
            let Some(path) = saved else {
                return Ok(None);
            };
            if std::env::var_os("DOSSIER_SAVE_DIR").is_none() {
                if let Err(e) = app.opener().reveal_item_in_dir(&path) {
                    eprintln!("dossier: could not show {}: {e}", path.display());
                }
            }
            Ok(Some(path.display().to_string()))
        })
        .await
}
