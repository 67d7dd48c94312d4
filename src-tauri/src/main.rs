//! Dossier's desktop app: opens the store and wires the commands. Everything that is not GUI
//! glue lives in the library crates under `crates/`.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod commands;
mod coverage;
mod error;
mod files;
mod report;
mod staleness;

use commands::AppState;
use tauri::Manager;

fn open_store() -> std::result::Result<dossier_store::Store, std::sync::Arc<dossier_store::Error>> {
    let path = dossier_store::default_db_path()?;
    Ok(dossier_store::Store::open(&path)?)
}

fn main() {
    let state = AppState {
        store: open_store(),
    };
    if let Err(e) = &state.store {
        eprintln!("dossier: {e}");
    }
    let result = tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .plugin(tauri_plugin_notification::init())
        .setup(|app| {
            let handle = app.handle().clone();
            staleness::remind_on_start(&handle, &handle.state::<AppState>());
            Ok(())
        })
        .manage(state)
        .invoke_handler(tauri::generate_handler![
            commands::list_credentials,
            commands::get_credential,
            commands::credential_draft,
            commands::new_draft,
            commands::validate_draft,
            commands::save_credential,
            commands::remove_credential,
            commands::restore_credential,
            commands::remove_evidence,
            commands::pick_evidence_files,
            commands::open_evidence,
            commands::load_demo,
            commands::list_skill_names,
            commands::credential_kinds,
            commands::app_info,
            staleness::dashboard,
            staleness::explain,
            staleness::skill_list,
            staleness::set_half_life,
            staleness::skills_without_half_life,
            staleness::field_changes,
            staleness::add_field_change,
            staleness::remove_field_change,
            staleness::requirements,
            staleness::add_requirement,
            staleness::remove_requirement,
            staleness::renew_credential,
            staleness::renewals,
            staleness::user_settings,
            staleness::set_user_settings,
            staleness::export_ics,
            coverage::coverage_view,
            coverage::frameworks,
            coverage::framework,
            coverage::use_framework,
            coverage::save_framework,
            coverage::set_alias,
            coverage::import_framework,
            coverage::export_framework,
            report::profile,
            report::set_profile,
            report::report_preview,
            report::export_pdf,
        ])
        .run(tauri::generate_context!("../tauri.conf.json"));
    if let Err(e) = result {
        eprintln!("dossier: the window could not start: {e}");
        std::process::exit(1);
    }
}
