//! Saving files the user asked for: the native save dialog, then the store's one atomic write
//! (temporary file, fsync, rename), so a failed export never leaves half a file.
//!
//! `DOSSIER_SAVE_DIR`, when set, replaces the dialog with that folder: for scripted use and
//! for the tests, which cannot drive a native dialog. `DOSSIER_PICK_FILE` likewise answers the
//! open dialogs with that file.

use crate::error::Result;
use std::path::{Path, PathBuf};
use tauri::{AppHandle, Runtime};
use tauri_plugin_dialog::DialogExt;

/// Where to save, or None when the user cancels. Blocks: call it on the blocking pool.
pub fn ask_save_path<R: Runtime>(
    app: &AppHandle<R>,
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

/// What a save dialog asks: its title, the file name it suggests, and the file type.
pub struct SaveAs<'a> {
    pub title: &'a str,
    pub name: &'a str,
    pub filter: (&'a str, &'a [&'a str]),
}

/// Asks where to save, then `write`s there: the path written, or None when the person
/// cancels. Blocks: call it on the blocking pool.
pub fn save_with<R: Runtime>(
    app: &AppHandle<R>,
    ask: SaveAs<'_>,
    write: impl FnOnce(&Path) -> Result<()>,
) -> Result<Option<PathBuf>> {
    let Some(path) = ask_save_path(app, ask.title, ask.name, ask.filter) else {
        return Ok(None);
    };
    write(&path)?;
    Ok(Some(path))
}

/// Which files to open (one at most unless `many`); none when the user cancels. Blocks: call
/// it on the blocking pool.
pub fn ask_open_paths<R: Runtime>(
    app: &AppHandle<R>,
    title: &str,
    filters: &[(&str, &[&str])],
    many: bool,
) -> Vec<PathBuf> {
    if let Some(file) = std::env::var_os("DOSSIER_PICK_FILE").filter(|d| !d.is_empty()) {
        return vec![PathBuf::from(file)];
    }
    let mut dialog = app.dialog().file().set_title(title);
    for (name, extensions) in filters {
        dialog = dialog.add_filter(*name, extensions);
    }
    let picked = if many {
        dialog.blocking_pick_files().unwrap_or_default()
    } else {
        dialog.blocking_pick_file().into_iter().collect()
    };
    picked
        .into_iter()
        .filter_map(|p| p.into_path().ok())
        .collect()
}

/// The open dialog on the blocking pool, its answer as the UI takes paths (text); [] when
/// the user cancels.
pub async fn pick_paths<R: Runtime>(
    app: AppHandle<R>,
    title: &'static str,
    filters: &'static [(&'static str, &'static [&'static str])],
    many: bool,
) -> Result<Vec<String>> {
    let picked = crate::state::blocking(move || Ok(ask_open_paths(&app, title, filters, many)));
    Ok(picked
        .await?
        .into_iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect())
}

/// Writes `bytes` to `path` all or nothing (the store's one atomic-write routine).
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    Ok(dossier_store::write_atomically(path, bytes)?)
}
