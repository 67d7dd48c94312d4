//! Commands for importing files: pick them (or take them dropped on the window), preview what
//! they hold, import the chosen records with progress events, and undo a whole import. The
//! work is the application layer's (`dossier_service::import`), the same the CLI runs.

use crate::error::Result;
use crate::files::pick_paths;
use crate::state::AppState;
use dossier_service::import::{ImportOptions, ImportPlan, ImportProgress, Run};
use dossier_service::today;
use std::path::PathBuf;
use tauri::{AppHandle, Emitter, Runtime, State};

/// The event an import sends as it writes.
pub const IMPORT_PROGRESS: &str = "import-progress";

fn paths(given: Vec<String>) -> Vec<PathBuf> {
    given.into_iter().map(PathBuf::from).collect()
}

/// The native file dialog for files to import; [] when cancelled.
#[tauri::command]
pub async fn pick_import_files<R: Runtime>(app: AppHandle<R>) -> Result<Vec<String>> {
    const FILTERS: &[(&str, &[&str])] = &[
        (
            "Badges, exports and credentials",
            &[
                "png", "svg", "json", "jsonld", "jwt", "jws", "csv", "zip", "txt", "pdf", "jpg",
                "jpeg",
            ],
        ),
        ("Certificates (PDF, photo)", &["pdf", "png", "jpg", "jpeg"]),
        ("All files", &["*"]),
    ];
    pick_paths(app, "Import credentials", FILTERS, true).await
}

/// What importing `paths` would do; writes nothing. Sends `import-progress` events as a
/// certificate's pages are read (OCR takes about a second a page).
#[tauri::command]
pub async fn preview_import<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    paths: Vec<String>,
    options: ImportOptions,
) -> Result<ImportPlan> {
    let files = self::paths(paths);
    state
        .run(move |s| {
            let run = Run {
                dry_run: true,
                ..Run::default()
            };
            let progress = |p: ImportProgress| {
                let _ = app.emit(IMPORT_PROGRESS, p);
            };
            Ok(dossier_service::import::import(
                s,
                &files,
                &options,
                run,
                today(),
                &progress,
            )?)
        })
        .await
}

/// Imports the records at `selected` (indices into the preview) in one transaction, after
/// checking the files are the ones previewed (`digest`); sends `import-progress` events.
#[tauri::command]
pub async fn run_import<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    paths: Vec<String>,
    options: ImportOptions,
    selected: Vec<usize>,
    digest: String,
) -> Result<ImportPlan> {
    let files = self::paths(paths);
    state
        .run(move |s| {
            let run = Run {
                dry_run: false,
                selected: Some(&selected),
                digest: Some(&digest),
            };
            let progress = |p: ImportProgress| {
                let _ = app.emit(IMPORT_PROGRESS, p);
            };
            Ok(dossier_service::import::import(
                s,
                &files,
                &options,
                run,
                today(),
                &progress,
            )?)
        })
        .await
}

/// Undoes an import: its records are removed together (they can still be restored one by one).
#[tauri::command]
pub async fn undo_import(state: State<'_, AppState>, ids: Vec<i64>) -> Result<usize> {
    state
        .run(move |s| Ok(dossier_service::import::undo(s, &ids)?))
        .await
}
