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
    assert_eq!(picked, json!([badge.display().to_string()]), "the picked badge");
    let paths = vec![badge.display().to_string()];
    let preview = ui.ok(
        "preview_import",
        vec![a(paths.clone()), a(ImportOptions::default())],
    );
    assert_eq!(preview["records"][0]["action"], "add", "a new badge: {preview}");
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
    assert_eq!(stale["kind"], "conflict", "files changed since the preview: {stale}");
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
    let again = ui.ok("preview_import", vec![a(paths), a(ImportOptions::default())]);
    assert_eq!(again["records"][0]["action"], "duplicate", "imported once: {again}");
    let ids: Vec<i64> = serde_json::from_value(done["ids"].clone()).unwrap_or_default();
    assert_eq!(ui.ok("undo_import", vec![a(ids)]), json!(1), "the import is undone");
}
