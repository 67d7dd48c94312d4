//! The text drafts of requirement sets, field changes, settings, half-lives and the profile:
//! every problem named by its field, with the message the app's forms showed when they
//! parsed these themselves, and the domain's own rules applied after reading.

use dossier_core::change_draft::{FieldChangeDraft, PhaseDraft};
use dossier_core::profile::Profile;
use dossier_core::requirement_draft::{CapDraft, RequirementDraft, TopicDraft, WindowDraft};
use dossier_core::settings::{HalfLifeDraft, SettingsDraft};
use dossier_core::FieldError;

/// (field, message) of each error, for exact comparison.
fn named(errs: Vec<FieldError>) -> Vec<(String, String)> {
    errs.into_iter().map(|e| (e.field, e.message)).collect()
}

fn pairs(v: &[(&str, &str)]) -> Vec<(String, String)> {
    v.iter()
        .map(|(f, m)| (f.to_string(), m.to_string()))
        .collect()
}

fn requirement() -> RequirementDraft {
    RequirementDraft {
        name: "Licence".into(),
        ends: "2027-01-31".into(),
        cycle_months: "24".into(),
        hours: "20".into(),
        topics: vec![TopicDraft {
            skill: "Ethics".into(),
            hours: "2".into(),
            ..TopicDraft::default()
        }],
        caps: vec![CapDraft {
            label: "Home study".into(),
            max_hours: "10".into(),
            kind: "ce-activity".into(),
            ..CapDraft::default()
        }],
        windows: vec![WindowDraft {
            months: "12".into(),
            hours: "5".into(),
        }],
        ..RequirementDraft::default()
    }
}

#[test]
fn a_sound_requirement_draft_reads_and_round_trips() {
    let req = requirement().validate().expect("a sound draft");
    assert_eq!(req.cycle_months, 24, "months read");
    assert_eq!(
        req.caps[0].kind.map(|k| k.as_str()),
        Some("ce-activity"),
        "kind read"
    );
    let again = RequirementDraft::from_input(&req)
        .validate()
        .expect("from_input validates");
    assert_eq!(
        again, req,
        "the form shows what validates back to the same rules"
    );
}

#[test]
fn requirement_text_that_is_not_a_value_names_its_field() {
    let mut d = requirement();
    d.ends = "2027-02-30".into();
    d.cycle_months = "-3".into();
    d.hours = "1e3".into();
    d.topics[0].hours = String::new();
    d.caps[0].kind = "webinar".into();
    d.windows[0].months = "1.5".into();
    let errs = d.validate().expect_err("bad text");
    assert_eq!(
        named(errs),
        pairs(&[
            ("ends", "'2027-02-30' is not a real calendar date"),
            ("cycle_months", "'-3' is not a whole number"),
            ("hours", "'1e3' is not a number (use a decimal point: 1.5)"),
            ("topics[0].hours", "is required"),
            (
                "caps[0].kind",
                "unknown kind 'webinar'; expected one of: degree, graduate-certificate, \
                 certification, board-certification, executive-education, micro-credential, \
                 ce-activity, experience"
            ),
            ("windows[0].months", "'1.5' is not a whole number"),
        ]),
        "one message per field, none from the stand-in values"
    );
}

#[test]
fn requirement_rules_apply_after_reading() {
    let mut d = requirement();
    d.cycle_months = "200".into();
    d.name = "  ".into();
    let errs = d.validate().expect_err("out of range");
    assert_eq!(
        named(errs),
        pairs(&[
            ("name", "is required"),
            ("cycle_months", "must be 1 to 120 months (got 200)"),
        ]),
        "the requirement's own rules, as the store gives them"
    );
}

fn change() -> FieldChangeDraft {
    FieldChangeDraft {
        announced: "2024-07-12".into(),
        effective: vec![PhaseDraft {
            date: "2026-08-02".into(),
            what: "high-risk obligations".into(),
        }],
        title: "EU AI Act".into(),
        jurisdiction: "EU".into(),
        skills: vec!["AI law".into()],
        impact: "0.6".into(),
        ..FieldChangeDraft::default()
    }
}

#[test]
fn a_sound_field_change_draft_reads_and_round_trips() {
    let c = change().validate().expect("a sound change");
    assert_eq!(c.jurisdiction.as_deref(), Some("EU"), "jurisdiction");
    assert_eq!(c.source, None, "blank source is none");
    let again = FieldChangeDraft::from_input(&c)
        .validate()
        .expect("round trip");
    assert_eq!(again, c, "same change back");
}

#[test]
fn field_change_text_errors_name_the_field_and_the_phase() {
    let mut d = change();
    d.announced = "2024-7-12".into();
    d.effective[0].date = "2026-08".into();
    d.impact = String::new();
    let errs = d.validate().expect_err("bad text");
    assert_eq!(
        named(errs),
        pairs(&[
            ("announced", "'2024-7-12' is not a date; use YYYY-MM-DD"),
            (
                "effective[0].date",
                "'2026-08' is not a date; use YYYY-MM-DD"
            ),
            ("impact", "is required"),
        ]),
        "each field once"
    );
    let mut d = change();
    d.announced = "x".into();
    let errs = d.validate().expect_err("no announcement");
    assert_eq!(
        named(errs),
        pairs(&[("announced", "'x' is not a date; use YYYY-MM-DD")]),
        "a phase is not judged against an announcement that could not be read"
    );
    let mut d = change();
    d.impact = "2".into();
    d.effective[0].date = "2024-01-01".into();
    let errs = d.validate().expect_err("rules");
    let fields: Vec<String> = errs.into_iter().map(|e| e.field).collect();
    assert_eq!(
        fields,
        ["impact", "effective[0].date"],
        "the change's own rules"
    );
}

#[test]
fn settings_drafts_keep_the_forms_rules() {
    let ok = SettingsDraft {
        warning_days: "60".into(),
        default_half_life: "2.5".into(),
        reminders: true,
    };
    let s = ok.validate().expect("sound settings");
    assert_eq!((s.warning_days, s.default_half_life), (60, 2.5), "read");
    assert_eq!(SettingsDraft::from_input(&s), ok, "shown as typed");
    let errs = SettingsDraft {
        warning_days: "-5".into(),
        default_half_life: "0".into(),
        reminders: false,
    }
    .validate()
    .expect_err("out of range");
    assert_eq!(
        named(errs),
        pairs(&[
            ("warning_days", "must be 0 to 3650 days (got -5)"),
            (
                "default_half_life",
                "must be more than 0 and at most 100 years (got 0)"
            ),
        ]),
        "a minus sign is read, then the range says why"
    );
    let errs = SettingsDraft {
        warning_days: "1.5".into(),
        default_half_life: "two".into(),
        reminders: false,
    }
    .validate()
    .expect_err("not numbers");
    assert_eq!(
        named(errs),
        pairs(&[
            ("warning_days", "'1.5' is not a whole number"),
            (
                "default_half_life",
                "'two' is not a number (use a decimal point: 1.5)"
            ),
        ]),
        "not numbers"
    );
}

#[test]
fn half_life_drafts_name_the_skill_and_the_years() {
    let h = HalfLifeDraft {
        name: " Statistics ".into(),
        half_life_years: "10".into(),
    }
    .validate()
    .expect("sound");
    assert_eq!(
        (h.name.as_str(), h.half_life_years),
        ("Statistics", 10.0),
        "trimmed"
    );
    let errs = HalfLifeDraft::default().validate().expect_err("blank");
    assert_eq!(
        named(errs),
        pairs(&[("half_life_years", "is required"), ("name", "is required")]),
        "both fields"
    );
}

#[test]
fn the_profile_validates_in_the_domain() {
    let p = Profile {
        jurisdictions: vec![" US".into(), "us".into(), "EU".into()],
        ..Profile::default()
    };
    let clean = p.validate().expect("sound");
    assert_eq!(
        clean.jurisdictions,
        ["US", "EU"],
        "trimmed, each place once"
    );
    let p = Profile {
        phone: "1".repeat(41),
        jurisdictions: vec!["EU".into(), "X".repeat(41)],
        ..Profile::default()
    };
    let errs = p.validate().expect_err("too long");
    let fields: Vec<String> = errs.iter().map(|e| e.field.clone()).collect();
    assert_eq!(fields, ["phone", "jurisdictions[1]"], "named: {errs:?}");
    assert_eq!(errs[1].path.index, Some(1), "the entry, typed");
}

fn shipped_framework() -> dossier_core::framework::Framework {
    let text = include_str!("../../../../../assets/frameworks/healthcare-ai.json");
    dossier_core::framework::Framework::from_json(text).expect("the shipped framework reads")
}

#[test]
fn a_framework_draft_round_trips_and_reads_each_half_life_under_its_node() {
    use dossier_core::framework_draft::FrameworkDraft;
    let fw = shipped_framework();
    let draft = FrameworkDraft::from_input(&fw);
    assert_eq!(
        draft.validate(),
        Ok(fw.clone()),
        "an untouched draft is the framework"
    );

    let skill = fw
        .nodes
        .iter()
        .position(|n| n.parent.is_some())
        .expect("a skill");
    let mut bad = draft.clone();
    bad.nodes[skill].half_life_years = "3,5".into();
    bad.nodes[skill].name = String::new();
    let errs = bad.validate().expect_err("a comma is not a decimal point");
    let id = fw.nodes[skill].id.clone();
    assert_eq!(
        named(errs.clone()),
        pairs(&[(
            &format!("node '{id}'"),
            "half-life '3,5' is not a number (use a decimal point: 1.5)"
        )]),
        "one message for the node: the rules' own (name required) waits for the number"
    );
    assert_eq!(
        errs[0].path.id.as_deref(),
        Some(id.as_str()),
        "a typed node path"
    );

    let mut anonymous = draft;
    anonymous.nodes[skill].id = String::new();
    anonymous.nodes[skill].half_life_years = "x".into();
    let errs = anonymous.validate().expect_err("not a number");
    assert!(
        errs.iter()
            .any(|e| e.field == format!("nodes[{skill}]") && e.path.index == Some(skill)),
        "a node without an id is named by its place: {errs:?}"
    );
}
