//! Dossier's desktop app: opens the store and starts the window. The app itself is built in
//! the library (`dossier_app::build_app`), so its tests run the same wiring.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use dossier_app::{build_app, AppState};

fn main() {
    let state = AppState::open_default();
    if let Some(e) = state.open_error() {
        eprintln!("dossier: {e}");
    }
    let result = build_app(tauri::Builder::default(), state)
        .run(tauri::generate_context!("../tauri.conf.json"));
    if let Err(e) = result {
        eprintln!("dossier: the window could not start: {e}");
        std::process::exit(1);
    }
}
