//! Commands for giving everything back: exports (full JSON, archive, JSON Resume, CSV) to a
//! place the person picks, archives kept in `backups/` and listed with the backups, and the
//! restore of an archive or JSON export (the UI confirms first when the store holds records,
//! and asks for the passphrase of a sealed one). The work is `dossier_service::archive`'s, the
//! same the CLI runs.

use crate::error::Result;
use crate::files::{pick_paths, save_with, SaveAs};
use crate::state::AppState;
use dossier_service::archive::{self, ArchiveInfo, ArchiveRestored, ExportFormat, Exported};
use dossier_service::today;
use std::path::PathBuf;
use tauri::{AppHandle, Runtime, State};

/// Asks where to save (native dialog), then writes the export; null when cancelled. An
/// archive is sealed with `passphrase` when one is given.
#[tauri::command]
pub async fn export_data<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    format: ExportFormat,
    passphrase: Option<String>,
) -> Result<Option<Exported>> {
    state
        .run(move |s| {
            let (label, ext): (&str, &[&str]) = match format {
                ExportFormat::Json | ExportFormat::Jsonresume => ("JSON", &["json"]),
                ExportFormat::Archive => ("Dossier archive", &["zip"]),
                ExportFormat::Csv => ("CSV", &["csv"]),
            };
            let ask = SaveAs {
                title: "Export",
                name: format.default_name(),
                filter: (label, ext),
            };
            let mut done = None;
            let pass = passphrase.as_deref().filter(|p| !p.is_empty());
            save_with(&app, ask, |path| {
                done = Some(archive::export(s, format, path, pass)?);
                Ok(())
            })?;
            Ok(done)
        })
        .await
}

/// Writes an archive of everything (evidence included) into `backups/`.
#[tauri::command]
pub async fn archive_now(
    state: State<'_, AppState>,
    passphrase: Option<String>,
) -> Result<ArchiveInfo> {
    state
        .run(move |s| {
            let pass = passphrase.as_deref().filter(|p| !p.is_empty());
            Ok(archive::archive_to_backups(s, pass)?)
        })
        .await
}

/// The archives in `backups/`, newest first.
#[tauri::command]
pub async fn archives(state: State<'_, AppState>) -> Result<Vec<ArchiveInfo>> {
    state.run(|s| Ok(archive::archives(s)?)).await
}

/// The native file dialog for an archive or JSON export to restore; null when cancelled.
#[tauri::command]
pub async fn pick_archive<R: Runtime>(app: AppHandle<R>) -> Result<Option<String>> {
    const FILTERS: &[(&str, &[&str])] = &[
        ("Dossier archives and exports", &["zip", "json"]),
        ("All files", &["*"]),
    ];
    Ok(pick_paths(app, "Restore an archive", FILTERS, false)
        .await?
        .pop())
}

/// Whether the archive is sealed, so the UI asks for its passphrase first.
#[tauri::command]
pub async fn archive_needs_passphrase(state: State<'_, AppState>, path: String) -> Result<bool> {
    state
        .run(move |_| Ok(archive::needs_passphrase(&PathBuf::from(path))?))
        .await
}

/// Restores an archive or JSON export: into an empty store as it was, or beside the records
/// kept (the UI confirms first; the database as it was is kept in `backups/`). A wrong
/// passphrase or a changed byte is refused with nothing changed.
#[tauri::command]
pub async fn restore_archive(
    state: State<'_, AppState>,
    path: String,
    passphrase: Option<String>,
) -> Result<ArchiveRestored> {
    state
        .run(move |s| {
            let pass = passphrase.as_deref();
            Ok(archive::restore(s, &PathBuf::from(path), pass, today())?)
        })
        .await
}
