//! Commands for keeping the data whole: the health check, the backups (list, now, restore),
//! and the recovery of a database that would not open because it is damaged.

use crate::error::{AppError, Result};
use crate::state::{blocking, AppState};
use dossier_store::{BackupInfo, Health, Restored, Salvaged};
use serde::Serialize;
use std::path::PathBuf;
use tauri::State;
use ts_rs::TS;

/// One file in `backups/`: verified, or why it cannot be used.
#[derive(Clone, Debug, Serialize, serde::Deserialize, TS)]
pub struct BackupRow {
    pub backup: Option<BackupInfo>,
    pub problem: Option<String>,
}

/// Why the database did not open, when it is damaged, and the way back.
#[derive(Clone, Debug, Serialize, serde::Deserialize, TS)]
pub struct Recovery {
    pub path: String,
    pub problem: String,
    /// The newest backup that verifies.
    pub backup: Option<BackupInfo>,
}

#[tauri::command]
pub async fn health(state: State<'_, AppState>) -> Result<Health> {
    state.run(|s| Ok(s.health()?)).await
}

#[tauri::command]
pub async fn backups(state: State<'_, AppState>) -> Result<Vec<BackupRow>> {
    state
        .run(|s| {
            let rows = s.backups().into_iter().map(|b| match b {
                Ok(b) => BackupRow {
                    backup: Some(b),
                    problem: None,
                },
                Err(e) => BackupRow {
                    backup: None,
                    problem: Some(e.to_string()),
                },
            });
            Ok(rows.collect())
        })
        .await
}

/// A verified backup in `backups/` now, whatever the day's backup did.
#[tauri::command]
pub async fn backup_now(state: State<'_, AppState>) -> Result<BackupInfo> {
    state.run(|s| Ok(s.backup_named("manual")?)).await
}

/// Restores a backup the person chose from the list (after confirming in the UI); the
/// database as it was is kept in `backups/`, so the restore itself can be undone.
#[tauri::command]
pub async fn restore_backup(state: State<'_, AppState>, path: String) -> Result<Restored> {
    state
        .run(move |s| Ok(s.restore_from(&PathBuf::from(path))?))
        .await
}

/// Changes when another process (the CLI, a restore from it) has written to the database
/// since the app last asked; the UI reloads what it shows then.
#[tauri::command]
pub async fn data_version(state: State<'_, AppState>) -> Result<i64> {
    state.run(|s| Ok(s.data_version()?)).await
}

/// What the recovery screen shows: `None` unless the database is damaged.
#[tauri::command]
pub async fn recovery(state: State<'_, AppState>) -> Result<Option<Recovery>> {
    Ok(match state.open_error().as_deref() {
        Some(dossier_store::Error::Damaged {
            path,
            problem,
            backup,
        }) => Some(Recovery {
            path: path.display().to_string(),
            problem: problem.clone(),
            backup: backup.as_deref().cloned(),
        }),
        _ => None,
    })
}

fn damaged_path(state: &AppState) -> Result<PathBuf> {
    match state.open_error().as_deref() {
        Some(dossier_store::Error::Damaged { path, .. }) => Ok(path.clone()),
        _ => Err(AppError::NothingToRecover),
    }
}

/// Puts a verified backup in place of the damaged database (kept aside, never deleted) and
/// opens it.
#[tauri::command]
pub async fn recover_with_backup(state: State<'_, AppState>, path: String) -> Result<usize> {
    let db = damaged_path(&state)?;
    blocking(move || Ok(dossier_store::replace_damaged(&db, &PathBuf::from(path))?)).await?;
    Ok(state.reopen()?.count()? as usize)
}

/// Reads what the damaged database still holds into a new store, puts that in its place (the
/// damaged file kept aside) and opens it.
#[tauri::command]
pub async fn recover_salvage(state: State<'_, AppState>) -> Result<Salvaged> {
    let db = damaged_path(&state)?;
    let (salvaged, _aside) =
        blocking(move || Ok(dossier_store::salvage_in_place(&db, None)?)).await?;
    state.reopen()?;
    Ok(salvaged)
}
