//! The import commands through IPC: pick a baked badge, preview it, import it with progress,
//! see the second preview call it a duplicate, and undo the import.

use crate::support::{a, Ui};
use dossier_service::import::ImportOptions;
use serde_json::json;
use std::sync::{Arc, Mutex};
use tauri::Listener;

pub fn imports<R: tauri::Runtime>(app: &tauri::App<R>, ui: &mut Ui) {
    let badge = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("crates/interop/tests/fixtures/openbadges/baked-ob2.png");
    std::env::set_var("DOSSIER_PICK_FILE", &badge);
    let picked = ui.ok("pick_import_files", vec![]);
    assert_eq!(
        picked,
        json!([badge.display().to_string()]),
        "the picked badge"
    );
    let paths = vec![badge.display().to_string()];
    let preview = ui.ok(
        "preview_import",
        vec![a(paths.clone()), a(ImportOptions::default())],
    );
    assert_eq!(
        preview["records"][0]["action"], "add",
        "a new badge: {preview}"
    );
    assert_eq!(preview["added"], 0, "a preview writes nothing: {preview}");
    let events = Arc::new(Mutex::new(0usize));
    let seen = events.clone();
    app.listen_any(dossier_app::ipc::IMPORT_PROGRESS, move |_| {
        if let Ok(mut n) = seen.lock() {
            *n += 1;
        }
    });
    let digest = preview["digest"].as_str().unwrap_or_default().to_string();
    let stale = ui
        .call(
            "run_import",
            vec![
                a(paths.clone()),
                a(ImportOptions::default()),
                a(vec![0usize]),
                a("not the preview".to_string()),
            ],
        )
        .expect_err("a digest of other files");
    assert_eq!(
        stale["kind"], "conflict",
        "files changed since the preview: {stale}"
    );
    let done = ui.ok(
        "run_import",
        vec![
            a(paths.clone()),
            a(ImportOptions::default()),
            a(vec![0usize]),
            a(digest),
        ],
    );
    assert_eq!(done["added"], 1, "the badge is imported: {done}");
    assert!(
        events.lock().map(|n| *n).unwrap_or_default() >= 1,
        "the import sent progress"
    );
    let again = ui.ok(
        "preview_import",
        vec![a(paths), a(ImportOptions::default())],
    );
    assert_eq!(
        again["records"][0]["action"], "duplicate",
        "imported once: {again}"
    );
    let ids: Vec<i64> = serde_json::from_value(done["ids"].clone()).unwrap_or_default();
    assert_eq!(
        ui.ok("undo_import", vec![a(ids)]),
        json!(1),
        "the import is undone"
    );
}

/// The export and archive commands: an export to the (scripted) save folder, an archive in
/// backups/ sealed with a passphrase and listed, and its restore refused with the wrong
/// passphrase and merged (nothing new) with the right one.
pub fn archives(ui: &mut Ui, dir: &std::path::Path) {
    use dossier_service::archive::ExportFormat;
    let saved = ui.ok(
        "export_data",
        vec![a(ExportFormat::Json), a(None::<String>)],
    );
    assert!(
        saved["records"].as_u64().is_some_and(|n| n > 0),
        "exported: {saved}"
    );
    assert!(
        dir.join(ExportFormat::Json.default_name()).is_file(),
        "written where the save dialog said"
    );
    let pass = Some("a long passphrase".to_string());
    let made = ui.ok("archive_now", vec![a(pass.clone())]);
    assert_eq!(made["encrypted"], true, "sealed: {made}");
    let listed = ui.ok("archives", vec![]);
    assert_eq!(
        listed[0]["path"], made["path"],
        "listed with the backups: {listed}"
    );
    let path = made["path"].as_str().unwrap_or_default().to_string();
    std::env::set_var("DOSSIER_PICK_FILE", &path);
    assert_eq!(
        ui.ok("pick_archive", vec![]),
        json!(path),
        "the picked archive"
    );
    assert_eq!(
        ui.ok("archive_needs_passphrase", vec![a(path.clone())]),
        json!(true),
        "asks for the passphrase"
    );
    let wrong = ui
        .call(
            "restore_archive",
            vec![a(path.clone()), a(Some("wrong".to_string()))],
        )
        .expect_err("a wrong passphrase");
    assert!(
        wrong["message"]
            .as_str()
            .is_some_and(|m| m.contains("passphrase")),
        "says why: {wrong}"
    );
    let merged = ui.ok("restore_archive", vec![a(path), a(pass)]);
    assert_eq!(
        merged["summary"]["added"]["credentials"], 0,
        "restored beside itself, nothing is new: {merged}"
    );
    assert!(
        merged["aside"]["path"].is_string(),
        "the store as it was is kept: {merged}"
    );
}
