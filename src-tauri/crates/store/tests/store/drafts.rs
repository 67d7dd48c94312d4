//! The draft-taking writes: the store reads a draft with the domain's rules and stores what
//! it gives, or refuses naming the field and writes nothing.

use crate::credentials::mem;
use dossier_core::change_draft::FieldChangeDraft;
use dossier_core::requirement_draft::RequirementDraft;
use dossier_core::settings::{HalfLifeDraft, SettingsDraft};
use dossier_store::Error;

#[test]
fn a_requirement_draft_is_read_then_stored_once() {
    let store = mem();
    let mut d = RequirementDraft {
        name: " Licence ".into(),
        ends: "2027-01-31".into(),
        cycle_months: "twenty".into(),
        hours: "20".into(),
        ..RequirementDraft::default()
    };
    let err = store
        .add_requirement_draft(&d)
        .expect_err("months not a number");
    assert!(
        matches!(&err, Error::Invalid(f) if f.len() == 1 && f[0].field == "cycle_months"
            && f[0].message == "'twenty' is not a whole number"),
        "names the field: {err}"
    );
    assert!(
        store.requirements().expect("list").is_empty(),
        "nothing stored"
    );
    d.cycle_months = "24".into();
    let added = store.add_requirement_draft(&d).expect("stored");
    assert_eq!(
        (added.name.as_str(), added.cycle_months),
        ("Licence", 24),
        "as read"
    );
    let err = store
        .add_requirement_draft(&d)
        .expect_err("the name is taken");
    assert!(
        matches!(&err, Error::Invalid(f) if f[0].field == "name"),
        "the store's own check still runs: {err}"
    );
}

#[test]
fn a_field_change_draft_is_read_then_stored() {
    let store = mem();
    let before = store.field_changes().expect("list").len();
    let mut d = FieldChangeDraft {
        announced: "2025-02-30".into(),
        title: "New guidance".into(),
        skills: vec!["Medical device regulation".into()],
        impact: "0.4".into(),
        ..FieldChangeDraft::default()
    };
    let err = store.add_field_change_draft(&d).expect_err("no such day");
    assert!(
        matches!(&err, Error::Invalid(f) if f[0].field == "announced"),
        "names the field: {err}"
    );
    d.announced = "2025-02-28".into();
    let added = store.add_field_change_draft(&d).expect("stored");
    assert_eq!(added.impact, 0.4, "impact read");
    assert_eq!(
        store.field_changes().expect("list").len(),
        before + 1,
        "one added"
    );
}

#[test]
fn settings_and_half_life_drafts_save_what_they_read() {
    let store = mem();
    let bad = SettingsDraft {
        warning_days: "4000".into(),
        default_half_life: "3".into(),
        reminders: true,
    };
    let err = store
        .set_user_settings_draft(&bad)
        .expect_err("too long a window");
    assert!(
        matches!(&err, Error::Invalid(f) if f[0].field == "warning_days"),
        "names the field: {err}"
    );
    let default_days = store.user_settings().expect("settings").warning_days;
    assert_eq!(default_days, 90, "nothing saved");
    let good = SettingsDraft {
        warning_days: "30".into(),
        ..bad
    };
    let saved = store.set_user_settings_draft(&good).expect("saved");
    assert_eq!(
        store.user_settings().expect("settings"),
        saved,
        "what was read is kept"
    );
    let err = store
        .set_half_life_draft(&HalfLifeDraft {
            name: "Statistics".into(),
            half_life_years: "ten".into(),
        })
        .expect_err("not a number");
    assert!(
        matches!(&err, Error::Invalid(f) if f[0].field == "half_life_years"),
        "names the field: {err}"
    );
    let (h, created) = store
        .set_half_life_draft(&HalfLifeDraft {
            name: " Prompt design ".into(),
            half_life_years: "1.5".into(),
        })
        .expect("set");
    assert!(created, "a new skill");
    assert_eq!(
        (h.name.as_str(), h.half_life_years),
        ("Prompt design", 1.5),
        "as read"
    );
}
