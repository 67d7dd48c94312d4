//! Where a validation problem is (the typed `FieldPath` beside its text) and the one percent
//! formatter.

use crate::common::day;
use dossier_core::framework::{Framework, Node};
use dossier_core::{percent, CredentialDraft, FieldError, FieldPath, SkillDraft};

#[test]
fn a_row_error_carries_its_list_index_and_column() {
    let draft = CredentialDraft {
        title: "Course".into(),
        skills: vec![
            SkillDraft::parse_flag("A"),
            SkillDraft::parse_flag("B"),
            SkillDraft::parse_flag("C=2"),
        ],
        ..CredentialDraft::default()
    };
    let errs = draft.validate(day("2026-11-27")).expect_err("relevance 2");
    let [e] = errs.as_slice() else {
        panic!("one error expected: {errs:?}")
    };
    assert_eq!(
        e.field, "skills[2].relevance",
        "the text is as it always was"
    );
    assert_eq!(
        *e.path,
        FieldPath::at("skills", 2, "relevance"),
        "the same place, typed"
    );
    assert_eq!(e.path.index, Some(2), "the row, without parsing the text");
}

#[test]
fn every_kind_of_path_writes_the_text_callers_match() {
    let cases = [
        (FieldPath::field("title"), "title"),
        (FieldPath::entry("jurisdictions", 1), "jurisdictions[1]"),
        (FieldPath::at("effective", 0, "date"), "effective[0].date"),
        (FieldPath::node("csml.dl"), "node 'csml.dl'"),
        (FieldPath::entry("nodes", 3), "nodes[3]"),
    ];
    for (path, text) in cases {
        let e = FieldError::new(path.clone(), "is wrong");
        assert_eq!(e.field, text, "text of {path:?}");
        assert_eq!(*e.path, path, "path kept for {text}");
        assert_eq!(
            e.to_string(),
            format!("{text}: is wrong"),
            "display of {text}"
        );
    }
}

#[test]
fn the_typed_path_is_serialized_beside_the_text() {
    let e = FieldError::at("topics", 1, "hours", "must be more than 0 hours");
    let v = serde_json::to_value(&e).expect("serializes");
    assert_eq!(v["field"], "topics[1].hours", "field text: {v}");
    assert_eq!(
        v["path"],
        serde_json::json!({"field": "topics", "index": 1, "id": null, "sub": "hours"}),
        "path object: {v}"
    );
    let back: FieldError = serde_json::from_value(v).expect("round trip");
    assert_eq!(back, e, "reads back the same");
}

#[test]
fn framework_nodes_are_named_by_id_or_by_position() {
    let node = |id: &str, parent: Option<&str>, half: Option<f64>| Node {
        id: id.into(),
        name: "N".into(),
        parent: parent.map(String::from),
        half_life_years: half,
        ..Node::default()
    };
    let fw = Framework {
        id: "fw".into(),
        name: "Framework".into(),
        nodes: vec![
            node("d", None, None),
            node("d.s", Some("d"), Some(0.0)),
            node("", Some("d"), Some(2.0)),
        ],
        ..Framework::default()
    };
    let errs = fw.problems();
    let by_id = errs
        .iter()
        .find(|e| e.message.contains("half-life"))
        .unwrap_or_else(|| panic!("a half-life error: {errs:?}"));
    assert_eq!(by_id.field, "node 'd.s'", "text names the node");
    assert_eq!(by_id.path.id.as_deref(), Some("d.s"), "path names it by id");
    let by_pos = errs
        .iter()
        .find(|e| e.message == "id is required")
        .unwrap_or_else(|| panic!("a missing id error: {errs:?}"));
    assert_eq!(*by_pos.path, FieldPath::entry("nodes", 2), "by position");
}

#[test]
fn percent_rounds_halves_away_from_zero() {
    assert_eq!(percent(0.125), "13%", "an exact half rounds up");
    assert_eq!(
        percent(0.145),
        "15%",
        "0.145 is a half too, though 0.145 x 100 < 14.5"
    );
    assert_eq!(percent(0.124), "12%", "below a half rounds down");
    assert_eq!(percent(1.0), "100%", "whole");
    assert_eq!(percent(-0.001), "0%", "no minus zero");
}
