//! Every command of the contract, called the way the UI calls it: through tauri's IPC on the
//! mock runtime, with the plugins, state and handler the window gets, against a real store in
//! a temp dir. Each call's arguments are keyed by the contract's names and typed by it, and
//! each answer must deserialize as the contract's return type, so the generated TypeScript
//! cannot promise what the commands do not do.

use crate::support::{a, id, mock_app, read, Ui};
use dossier_app::ipc::contract;
use dossier_app::AppState;
use dossier_core::change_draft::FieldChangeDraft;
use dossier_core::framework_draft::FrameworkDraft;
use dossier_core::requirement_draft::RequirementDraft;
use dossier_core::settings::{HalfLifeDraft, SettingsDraft};
use dossier_core::CredentialDraft;
use serde_json::json;
use std::collections::BTreeSet;
use std::sync::{Arc, Mutex};
use tauri::Listener;

#[test]
fn every_command_the_ui_uses_answers_through_ipc() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let db_path = dir.path().join("dossier.db");
    let store = dossier_store::Store::open(&db_path).expect("a new store");
    // Native dialogs cannot be driven here: the save dialog answers with this folder.
    std::env::set_var("DOSSIER_SAVE_DIR", dir.path());
    let (app, mut ui) = mock_app(AppState::new(Ok(store), Some(db_path)));
    let progress = Arc::new(Mutex::new(Vec::new()));
    let seen = progress.clone();
    app.listen_any(dossier_app::ipc::REPORT_PROGRESS, move |e| {
        if let Ok(mut s) = seen.lock() {
            s.push(e.payload().to_string());
        }
    });
    let renewable = records(&mut ui, dir.path());
    staleness(&mut ui, renewable);
    coverage(&mut ui, dir.path());
    report(&mut ui, dir.path());
    crate::recovery::healthy(&mut ui);
    crate::imports::imports(&app, &mut ui);
    crate::imports::archives(&mut ui, dir.path());
    let steps = progress.lock().map(|p| p.len()).unwrap_or_default();
    assert_eq!(
        steps,
        dossier_service::EXPORT_STEPS.len(),
        "the export sent one progress event per step"
    );
    let all: BTreeSet<&str> = contract().iter().map(|c| c.name).collect();
    let missed: Vec<_> = all.difference(&ui.called).collect();
    assert!(
        missed.is_empty(),
        "commands the test never called: {missed:?}"
    );
}

/// Record commands; returns a completed record to renew.
fn records(ui: &mut Ui, dir: &std::path::Path) -> i64 {
    assert_eq!(
        ui.ok("app_info", vec![])["records"],
        0,
        "a new store is empty"
    );
    let kinds = ui.ok("credential_kinds", vec![]);
    assert!(
        kinds.as_array().is_some_and(|k| k.len() > 5),
        "the kinds: {kinds}"
    );
    let draft: CredentialDraft = read(ui.ok("new_draft", vec![]));
    let problems = ui.ok("validate_draft", vec![a(draft)]);
    assert!(
        problems
            .as_array()
            .is_some_and(|p| p.iter().any(|e| e["field"] == "title")),
        "an empty draft needs a title: {problems}"
    );
    let loaded = ui.ok("load_demo", vec![]);
    assert!(
        loaded.as_u64().is_some_and(|n| n > 10),
        "the demo loads: {loaded}"
    );
    let again = ui
        .call("load_demo", vec![])
        .expect_err("a second demo is refused");
    assert_eq!(
        again["kind"], "conflict",
        "the demo loads only once: {again}"
    );
    assert_eq!(
        ui.ok("app_info", vec![])["records"],
        loaded,
        "app_info counts the demo"
    );

    let list = ui.ok(
        "list_credentials",
        vec![a(dossier_core::ListQuery::default())],
    );
    let first = list
        .get(0)
        .cloned()
        .unwrap_or_else(|| panic!("a list: {list}"));
    let got = ui.ok("get_credential", vec![a(id(&first))]);
    assert_eq!(
        got["title"], first["title"],
        "get returns the listed record"
    );
    let mut edit: CredentialDraft = read(ui.ok("credential_draft", vec![a(id(&first))]));
    assert_eq!(
        json!(edit.title),
        first["title"],
        "the draft holds the record's values"
    );
    edit.title = "A copy with evidence".into();
    edit.in_progress = false;
    edit.completed = "2024-05-01".into();
    let file = dir.join("certificate.txt");
    std::fs::write(&file, "certificate").expect("write a file");
    let attach = vec![file.display().to_string()];
    let copy = ui.ok("save_credential", vec![a(None::<i64>), a(edit), a(attach)]);
    let sha = copy["evidence"][0]["sha256"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    assert_eq!(sha.len(), 64, "the new record keeps its evidence: {copy}");
    let none = ui
        .call("open_evidence", vec![a("0".repeat(64))])
        .expect_err("unknown file");
    assert_eq!(
        none["kind"], "not-found",
        "an unknown evidence file: {none}"
    );
    let bare = ui.ok("remove_evidence", vec![a(id(&copy)), a(sha)]);
    assert_eq!(bare["evidence"], json!([]), "the evidence is gone: {bare}");
    std::env::set_var("DOSSIER_PICK_FILE", &file);
    let picked = ui.ok("pick_evidence_files", vec![]);
    assert_eq!(
        picked,
        json!([file.display().to_string()]),
        "the picked file"
    );
    ui.ok("remove_credential", vec![a(id(&copy))]);
    let gone = ui
        .call("get_credential", vec![a(id(&copy))])
        .expect_err("removed");
    assert_eq!(
        gone["kind"], "not-found",
        "a removed record is not found: {gone}"
    );
    ui.ok("restore_credential", vec![a(id(&copy))]);
    assert_eq!(
        ui.ok("get_credential", vec![a(id(&copy))])["title"],
        "A copy with evidence"
    );
    let names = ui.ok("list_skill_names", vec![]);
    assert!(
        names.as_array().is_some_and(|n| !n.is_empty()),
        "skills: {names}"
    );
    id(&copy)
}

fn staleness(ui: &mut Ui, renewable: i64) {
    let board = ui.ok("dashboard", vec![a(None::<String>)]);
    assert!(
        board["assessments"]
            .as_array()
            .is_some_and(|v| !v.is_empty()),
        "{board}"
    );
    let bad = ui
        .call("dashboard", vec![a(Some("someday".to_string()))])
        .expect_err("bad day");
    assert_eq!(
        bad["kind"], "validation",
        "a bad as-of date is a field error: {bad}"
    );
    let record = id(&board["assessments"][0]);
    let why = ui.ok(
        "explain",
        vec![a(record), a(Some("2026-06-01".to_string()))],
    );
    assert!(why.is_object(), "an explanation: {why}");

    let skills = ui.ok("skill_list", vec![]);
    let name = skills[0]["name"].as_str().unwrap_or_default().to_string();
    let draft = HalfLifeDraft {
        name: name.clone(),
        half_life_years: "3.5".into(),
    };
    let stored = ui.ok("set_half_life", vec![a(draft)]);
    assert_eq!(
        stored["half_life_years"], 3.5,
        "Rust read the number: {stored}"
    );
    let typo = HalfLifeDraft {
        name: name.clone(),
        half_life_years: "3,5".into(),
    };
    let refused = ui
        .call("set_half_life", vec![a(typo)])
        .expect_err("a comma");
    assert_eq!(
        refused["fields"][0]["field"], "half_life_years",
        "{refused}"
    );
    let after = ui.ok("skill_list", vec![]);
    let set = after
        .as_array()
        .and_then(|v| v.iter().find(|s| s["name"] == name.as_str()));
    assert_eq!(
        set.map(|s| s["half_life_years"].clone()),
        Some(json!(3.5)),
        "{after}"
    );
    let unknown = vec!["Underwater basket weaving".to_string()];
    let default = ui.ok("skills_without_half_life", vec![a(unknown.clone())]);
    assert_eq!(
        default,
        json!(unknown),
        "an unknown skill ages at the default"
    );

    let changes = ui.ok("field_changes", vec![]);
    let shipped: dossier_core::staleness::FieldChange = read(changes[0].clone());
    let mut change = FieldChangeDraft::from_input(&shipped);
    change.title = "A change added over IPC".into();
    let added = ui.ok("add_field_change", vec![a(change.clone())]);
    let removed: FieldChangeDraft = read(ui.ok("remove_field_change", vec![a(id(&added))]));
    assert_eq!(
        removed, change,
        "removal returns the change as it was typed"
    );
    change.announced = "2024-13-01".into();
    let bad = ui
        .call("add_field_change", vec![a(change)])
        .expect_err("month 13");
    assert_eq!(
        bad["fields"][0]["field"], "announced",
        "the field is named: {bad}"
    );

    let requirement: RequirementDraft = read(json!({
        "name": "State licence", "ends": "2027-12-31", "cycle_months": "24",
        "hours": "50", "credit_type": "", "topics": [], "caps": [], "windows": [],
        "first_cycle": false, "credential": null
    }));
    let added = ui.ok("add_requirement", vec![a(requirement.clone())]);
    let listed = ui.ok("requirements", vec![]);
    assert!(
        listed.as_array().is_some_and(|r| r.contains(&added)),
        "{listed}"
    );
    let removed: RequirementDraft = read(ui.ok("remove_requirement", vec![a(id(&added))]));
    assert_eq!(
        removed.name, "State licence",
        "removal returns the requirement"
    );
    assert_eq!(removed.hours, "50", "as a draft with its numbers as text");
    let mut bad = requirement;
    bad.hours = "fifty".into();
    let refused = ui
        .call("add_requirement", vec![a(bad)])
        .expect_err("not a number");
    assert_eq!(
        refused["fields"][0]["field"], "hours",
        "the field is named: {refused}"
    );

    let renewed = ui.ok(
        "renew_credential",
        vec![a(renewable), a("2026-11-02".to_string()), a(None::<String>)],
    );
    assert_eq!(renewed["completed"], "2026-11-02", "renewed: {renewed}");
    let history = ui.ok("renewals", vec![a(renewable)]);
    assert_eq!(
        history.as_array().map(Vec::len),
        Some(1),
        "one renewal kept: {history}"
    );
    let future = ui.call(
        "renew_credential",
        vec![a(renewable), a("2099-01-01".to_string()), a(None::<String>)],
    );
    let future = future.expect_err("a renewal in the future is refused");
    assert_eq!(future["kind"], "validation", "{future}");

    let settings: dossier_core::UserSettings = read(ui.ok("user_settings", vec![]));
    let mut draft = SettingsDraft::from_input(&settings);
    draft.warning_days = "45".into();
    let saved = ui.ok("set_user_settings", vec![a(draft.clone())]);
    assert_eq!(saved["warning_days"], 45, "the stored settings come back");
    assert_eq!(
        ui.ok("user_settings", vec![])["warning_days"],
        45,
        "settings saved"
    );
    draft.warning_days = "4.5".into();
    let refused = ui
        .call("set_user_settings", vec![a(draft)])
        .expect_err("not whole");
    assert_eq!(refused["fields"][0]["field"], "warning_days", "{refused}");
    let ics = ui.ok("export_ics", vec![]);
    let text = std::fs::read_to_string(ics.as_str().unwrap_or_default()).unwrap_or_default();
    assert!(
        text.starts_with("BEGIN:VCALENDAR"),
        "the calendar was written: {ics}"
    );
}

fn coverage(ui: &mut Ui, dir: &std::path::Path) {
    let view = ui.ok("coverage_view", vec![a(None::<String>), a(None::<String>)]);
    assert!(
        view["chart_svg"]
            .as_str()
            .is_some_and(|s| s.contains("<svg")),
        "a chart"
    );
    let list = ui.ok("frameworks", vec![]);
    let active = list
        .as_array()
        .and_then(|v| v.iter().find(|f| f["active"] == true));
    let fw_id = active.map(|f| f["id"].clone()).unwrap_or_default();
    let fw_id = fw_id.as_str().unwrap_or_default().to_string();
    let fw = ui.ok("framework", vec![a(fw_id.clone())]);
    let fw: dossier_core::framework::Framework =
        serde_json::from_value(fw).expect("a framework reads");
    ui.ok("use_framework", vec![a(fw_id.clone())]);
    let mut draft = FrameworkDraft::from_input(&fw);
    let saved = ui.ok("save_framework", vec![a(draft.clone())]);
    assert_eq!(
        read::<dossier_core::framework::Framework>(saved.clone()),
        fw,
        "saved as it was"
    );
    let skill_at = draft.nodes.iter().position(|n| !n.parent.is_empty());
    let skill_at = skill_at.unwrap_or_default();
    draft.nodes[skill_at].half_life_years = "3,5".into();
    let bad = ui
        .call("save_framework", vec![a(draft)])
        .expect_err("a comma");
    let node = fw.nodes[skill_at].id.clone();
    assert_eq!(
        bad["fields"][0]["path"]["id"],
        node.as_str(),
        "under its node: {bad}"
    );
    assert_eq!(saved["id"], fw_id.as_str(), "saved as itself");
    let skill = fw
        .nodes
        .iter()
        .rev()
        .find(|n| n.parent.is_some())
        .map(|n| n.id.clone());
    let skill = skill.unwrap_or_default();
    ui.ok(
        "set_alias",
        vec![a(fw_id.clone()), a("Bedside AI".to_string()), a(skill)],
    );
    let out = ui.ok("export_framework", vec![a(fw_id.clone())]);
    let path = out.as_str().unwrap_or_default().to_string();
    assert!(
        path.starts_with(&dir.display().to_string()),
        "written where asked: {out}"
    );
    std::env::set_var("DOSSIER_PICK_FILE", &path);
    let imported = ui.ok("import_framework", vec![]);
    assert_eq!(
        imported["id"],
        fw_id.as_str(),
        "the export imports back: {imported}"
    );
}

fn report(ui: &mut Ui, dir: &std::path::Path) {
    let mut profile: dossier_core::profile::Profile =
        serde_json::from_value(ui.ok("profile", vec![])).expect("a profile reads");
    profile.name = "Dr. Test Person".into();
    ui.ok("set_profile", vec![a(profile)]);
    assert_eq!(
        ui.ok("profile", vec![])["name"],
        "Dr. Test Person",
        "the profile saved"
    );
    let sections = dossier_core::profile::Sections::default();
    let preview = ui.ok(
        "report_preview",
        vec![a(None::<String>), a(sections.clone())],
    );
    assert!(
        preview["pages"].as_u64().is_some_and(|p| p >= 1),
        "pages: {}",
        preview["pages"]
    );
    let pdf = ui.ok("export_pdf", vec![a(None::<String>), a(sections)]);
    let path = pdf.as_str().unwrap_or_default();
    assert!(
        path.starts_with(&dir.display().to_string()),
        "saved where asked: {pdf}"
    );
    let head = std::fs::read(path).unwrap_or_default();
    assert!(head.starts_with(b"%PDF"), "a PDF was written at {path}");
}
