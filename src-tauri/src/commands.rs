//! Thin commands for records and their evidence: each one unpacks its arguments, calls the
//! library crates on the blocking pool and returns what they return.

use crate::error::{AppError, Result};
use crate::files::pick_paths;
use crate::state::{today, AppState};
use dossier_core::{
    AppInfo, Credential, CredentialDraft, CredentialKind, FieldError, KindInfo, ListQuery,
};
use std::path::PathBuf;
use tauri::{AppHandle, Runtime, State};
use tauri_plugin_opener::OpenerExt;

#[tauri::command]
pub async fn list_credentials(
    state: State<'_, AppState>,
    query: ListQuery,
) -> Result<Vec<Credential>> {
    state.run(move |s| Ok(s.list(&query)?)).await
}

#[tauri::command]
pub async fn get_credential(state: State<'_, AppState>, id: i64) -> Result<Credential> {
    state.run(move |s| Ok(s.get(id)?)).await
}

#[tauri::command]
pub async fn credential_draft(state: State<'_, AppState>, id: i64) -> Result<CredentialDraft> {
    state
        .run(move |s| Ok(CredentialDraft::from_input(&s.get(id)?.input())))
        .await
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
    state
        .run(move |s| {
            Ok(match id {
                Some(id) => s.update(id, &input, &files)?,
                None => s.add(&input, &files, "manual")?,
            })
        })
        .await
}

#[tauri::command]
pub async fn remove_credential(state: State<'_, AppState>, id: i64) -> Result<()> {
    state.run(move |s| Ok(s.remove(id).map(drop)?)).await
}

#[tauri::command]
pub async fn restore_credential(state: State<'_, AppState>, id: i64) -> Result<()> {
    state.run(move |s| Ok(s.restore(id).map(drop)?)).await
}

#[tauri::command]
pub async fn remove_evidence(
    state: State<'_, AppState>,
    id: i64,
    sha256: String,
) -> Result<Credential> {
    state
        .run(move |s| Ok(s.remove_evidence(id, &sha256)?))
        .await
}

/// The native file dialog, opened from Rust so the webview needs no file-system permission.
#[tauri::command]
pub async fn pick_evidence_files<R: Runtime>(app: AppHandle<R>) -> Result<Vec<String>> {
    const FILTERS: &[(&str, &[&str])] = &[
        (
            "Certificates and documents",
            &["pdf", "png", "jpg", "jpeg", "webp", "svg", "txt", "json"],
        ),
        ("All files", &["*"]),
    ];
    pick_paths(app, "Attach evidence", FILTERS, true).await
}

#[tauri::command]
pub async fn open_evidence<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    sha256: String,
) -> Result<()> {
    let path = state.run(move |s| Ok(s.evidence_file(&sha256)?)).await?;
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
    state.run(|s| Ok(s.load_demo(today())?)).await
}

#[tauri::command]
pub async fn list_skill_names(state: State<'_, AppState>) -> Result<Vec<String>> {
    state.run(|s| Ok(s.skill_names()?)).await
}

#[tauri::command]
pub async fn credential_kinds() -> Result<Vec<KindInfo>> {
    Ok(CredentialKind::infos())
}

#[tauri::command]
pub async fn app_info(state: State<'_, AppState>) -> Result<AppInfo> {
    state
        .run(|s| {
            let shown = |p: Option<&std::path::Path>| {
                p.map(|p| p.display().to_string()).unwrap_or_default()
            };
            Ok(AppInfo {
                db_path: shown(s.path()),
                evidence_dir: shown(s.evidence_dir()),
                version: env!("CARGO_PKG_VERSION").to_string(),
                records: s.count()?,
            })
        })
        .await
}
