//! Dossier's desktop shell: thin Tauri commands over the library crates, wired from one
//! command table (`ipc`). Everything that is not GUI glue lives in the crates under `crates/`.

mod archives;
mod commands;
mod coverage;
pub mod error;
mod files;
mod imports;
pub mod ipc;
pub mod recovery;
mod report;
mod staleness;
pub mod state;
pub mod ts_gen;

pub use state::AppState;
use tauri::{Builder, Manager, Runtime};

/// The app on any runtime: the real one in `main`, tauri's mock runtime in the tests, so
/// the tests drive exactly the plugins, state and command table the window gets.
pub fn build_app<R: Runtime>(builder: Builder<R>, state: AppState) -> Builder<R> {
    builder
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .plugin(tauri_plugin_notification::init())
        .setup(|app| {
            let handle = app.handle().clone();
            handle.state::<AppState>().daily_backup();
            staleness::remind_on_start(&handle, &handle.state::<AppState>());
            Ok(())
        })
        .manage(state)
        .invoke_handler(ipc::handler())
}
