//! Thin commands: each one unpacks its arguments, calls the library crates and returns what
//! they return. Commands are async so that they run off the main thread and the window keeps
//! painting while the disk works.

use crate::error::{AppError, Result};
use dossier_core::{
    AppInfo, Credential, CredentialDraft, CredentialKind, FieldError, KindInfo, ListQuery,
};
use dossier_store::Store;
use std::path::PathBuf;
use tauri::{AppHandle, State};
use tauri_plugin_dialog::DialogExt;
use tauri_plugin_opener::OpenerExt;

/// The store, or why it could not be opened (shown by the UI instead of a crash), kept typed
/// so that every command reports it with the right kind (a missing folder is an I/O error, a
/// newer schema a database one).
pub struct AppState {
    pub store: std::result::Result<Store, std::sync::Arc<dossier_store::Error>>,
}

impl AppState {
    pub fn store(&self) -> Result<&Store> {
        self.store
            .as_ref()
            .map_err(|e| AppError::Unavailable(e.clone()))
    }
}

fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

/// An as-of date as typed in the UI (`YYYY-MM-DD`), or today when empty.
pub fn as_of_day(as_of: Option<String>) -> Result<chrono::NaiveDate> {
    dossier_service::as_of(as_of.as_deref(), today()).map_err(|e| AppError::Validation(vec![e]))
}

#[tauri::command]
pub async fn list_credentials(
    state: State<'_, AppState>,
    query: ListQuery,
) -> Result<Vec<Credential>> {
    Ok(state.store()?.list(&query)?)
}

#[tauri::command]
pub async fn get_credential(state: State<'_, AppState>, id: i64) -> Result<Credential> {
    Ok(state.store()?.get(id)?)
}

#[tauri::command]
pub async fn credential_draft(state: State<'_, AppState>, id: i64) -> Result<CredentialDraft> {
    Ok(CredentialDraft::from_input(
        &state.store()?.get(id)?.input(),
    ))
}

#[tauri::command]
pub async fn new_draft() -> Result<CredentialDraft> {
    Ok(CredentialDraft::default())
}

#[tauri::command]
pub async fn validate_draft(draft: CredentialDraft) -> Result<Vec<FieldError>> {
    Ok(draft.validate(today()).err().unwrap_or_default())
}

#[tauri::command]
pub async fn save_credential(
    state: State<'_, AppState>,
    id: Option<i64>,
    draft: CredentialDraft,
    attach: Vec<String>,
) -> Result<Credential> {
    let input = draft.validate(today()).map_err(AppError::Validation)?;
    let files: Vec<PathBuf> = attach.into_iter().map(PathBuf::from).collect();
    let store = state.store()?;
    Ok(match id {
        Some(id) => store.update(id, &input, &files)?,
        None => store.add(&input, &files, "manual")?,
    })
}

#[tauri::command]
pub async fn remove_credential(state: State<'_, AppState>, id: i64) -> Result<()> {
    state.store()?.remove(id)?;
    Ok(())
}

#[tauri::command]
pub async fn restore_credential(state: State<'_, AppState>, id: i64) -> Result<()> {
    state.store()?.restore(id)?;
    Ok(())
}

#[tauri::command]
pub async fn remove_evidence(
    state: State<'_, AppState>,
    id: i64,
    sha256: String,
) -> Result<Credential> {
    Ok(state.store()?.remove_evidence(id, &sha256)?)
}

/// The native file dialog, opened from Rust so the webview needs no file-system permission.
#[tauri::command]
pub async fn pick_evidence_files(app: AppHandle) -> Result<Vec<String>> {
    let picked = app
        .dialog()
        .file()
        .set_title("Attach evidence")
        .add_filter(
            "Certificates and documents",
            &["pdf", "png", "jpg", "jpeg", "webp", "svg", "txt", "json"],
        )
        .add_filter("All files", &["*"])
        .blocking_pick_files()
        .unwrap_or_default();
    Ok(picked
        .into_iter()
        .filter_map(|p| p.into_path().ok())
        .map(|p| p.to_string_lossy().into_owned())
        .collect())
}

#[tauri::command]
pub async fn open_evidence(
    app: AppHandle,
    state: State<'_, AppState>,
    sha256: String,
) -> Result<()> {
    let path = state.store()?.evidence_file(&sha256)?;
    let shown = path.to_string_lossy().into_owned();
    app.opener()
        .open_path(shown.clone(), None::<&str>)
        .map_err(|source| AppError::Open {
            path: shown,
            source: Box::new(source),
        })
}

#[tauri::command]
pub async fn load_demo(state: State<'_, AppState>) -> Result<usize> {
    Ok(state.store()?.load_demo(today())?)
}

#[tauri::command]
pub async fn list_skill_names(state: State<'_, AppState>) -> Result<Vec<String>> {
    Ok(state.store()?.skill_names()?)
}

#[tauri::command]
pub async fn credential_kinds() -> Result<Vec<KindInfo>> {
    Ok(CredentialKind::infos())
}

#[tauri::command]
pub async fn app_info(state: State<'_, AppState>) -> Result<AppInfo> {
    let store = state.store()?;
    let shown =
        |p: Option<&std::path::Path>| p.map(|p| p.display().to_string()).unwrap_or_default();
    Ok(AppInfo {
        db_path: shown(store.path()),
        evidence_dir: shown(store.evidence_dir()),
        version: env!("CARGO_PKG_VERSION").to_string(),
        records: store.count()?,
    })
}
