//! Saving files the user asked for: the native save dialog, then an atomic write (temporary
//! file, fsync, rename), so a failed export never leaves half a file.
//!
//! `DOSSIER_SAVE_DIR`, when set, replaces the dialog with that folder: for scripted use and
//! for the end-to-end tests, which cannot drive a native dialog.

use crate::error::Result;
use std::path::{Path, PathBuf};
use tauri::AppHandle;
use tauri_plugin_dialog::DialogExt;

/// Where to save, or None when the user cancels.
pub fn ask_save_path(
    app: &AppHandle,
    title: &str,
    file_name: &str,
    filter: (&str, &[&str]),
) -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("DOSSIER_SAVE_DIR").filter(|d| !d.is_empty()) {
        return Some(Path::new(&dir).join(file_name));
    }
    app.dialog()
        .file()
        .set_title(title)
        .set_file_name(file_name)
        .add_filter(filter.0, filter.1)
        .blocking_save_file()
        .and_then(|p| p.into_path().ok())
}

/// Writes `bytes` to `path` all or nothing (the store's one atomic-write routine).
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    Ok(dossier_store::write_atomically(path, bytes)?)
}
