//! Commands for the portfolio PDF: the profile shown on it, a preview of its first page, and
//! the export, which reports its progress as events while it works.

use crate::commands::{as_of_day, AppState};
use crate::error::Result;
use crate::files::{ask_save_path, write_atomically};
use dossier_core::profile::{Profile, ReportPreview, Sections};
use tauri::{AppHandle, Emitter, State};
use tauri_plugin_opener::OpenerExt;

fn generated() -> String {
    chrono::Local::now().format("%Y-%m-%d %H:%M").to_string()
}

#[tauri::command]
pub async fn profile(state: State<'_, AppState>) -> Result<Profile> {
    Ok(state.store()?.profile()?)
}

#[tauri::command]
pub async fn set_profile(state: State<'_, AppState>, profile: Profile) -> Result<()> {
    Ok(state.store()?.set_profile(&profile)?)
}

/// The first page as SVG and the page count, for the export page's preview.
#[tauri::command]
pub async fn report_preview(
    state: State<'_, AppState>,
    as_of: Option<String>,
    sections: Sections,
) -> Result<ReportPreview> {
    let snapshot = state.store()?.snapshot(as_of_day(as_of)?)?;
    let stamp = generated();
    let input = dossier_report::ReportInput::from_snapshot(&snapshot, &stamp);
    let (svg, pages) = dossier_report::first_page_svg(&input, &sections)?;
    Ok(ReportPreview { svg, pages })
}

/// Progress of an export, sent as the `report-progress` event.
#[derive(Clone, serde::Serialize)]
struct ReportProgress {
    step: &'static str,
    done: u8,
    of: u8,
}

fn progress(app: &AppHandle, step: &'static str, done: u8) {
    // A missed progress event only leaves the bar a step behind.
    let _ = app.emit("report-progress", ReportProgress { step, done, of: 4 });
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
    progress(&app, "Gathering the portfolio", 1);
    let snapshot = state.store()?.snapshot(as_of)?;
    progress(&app, "Typesetting", 2);
    let stamp = generated();
    let input = dossier_report::ReportInput::from_snapshot(&snapshot, &stamp);
    let pdf = dossier_report::render_pdf(&input, &sections);
    dossier_report::clear_cache();
    let pdf = pdf?;
    progress(&app, "Writing the file", 3);
    write_atomically(&path, &pdf.bytes)?;
    progress(&app, "Done", 4);
    if std::env::var_os("DOSSIER_SAVE_DIR").is_none() {
        if let Err(e) = app.opener().reveal_item_in_dir(&path) {
            eprintln!("dossier: could not show {}: {e}", path.display());
        }
    }
    Ok(Some(path.display().to_string()))
}
