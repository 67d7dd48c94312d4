//! Skills suggested from a title, against the shipped Healthcare AI framework.

use dossier_core::framework::Framework;
use dossier_core::suggest::suggest_skills;

fn healthcare_ai() -> Framework {
    let text = include_str!("../../../../../assets/frameworks/healthcare-ai.json");
    Framework::from_json(text).expect("the shipped framework parses")
}

fn names(title: &str, aliases: &[(String, String)]) -> Vec<String> {
    suggest_skills(title, &healthcare_ai(), aliases)
        .into_iter()
        .map(|s| s.skill)
        .collect()
}

#[test]
fn a_title_naming_a_skill_in_other_word_forms_suggests_it() {
    assert_eq!(
        names("Evaluating the clinical utility of AI tools", &[]),
        ["Clinical utility evaluation"],
        "evaluating/evaluation and the words in another order still name the skill"
    );
    assert_eq!(
        names("Deep Learning for Diabetic Retinopathy Screening", &[]),
        ["Deep learning for diagnostics"],
        "an alias ('Deep learning') suggests its skill"
    );
    assert_eq!(
        names("Large Language Models in Clinical Documentation", &[]),
        ["Foundation models"],
        "a plural alias matches"
    );
}

#[test]
fn a_title_outside_the_framework_suggests_nothing() {
    assert!(
        names("Buprenorphine Treatment for Opioid Use Disorder", &[]).is_empty(),
        "nothing of healthcare AI is named"
    );
    assert!(
        names("Computer vision for medical imaging", &[])
            .iter()
            .all(|s| s != "Clinical medicine"),
        "'medical' is not the alias 'Medicine'"
    );
    assert!(names("", &[]).is_empty(), "an empty title suggests nothing");
}

#[test]
fn the_users_own_aliases_count() {
    let user = [("Sepsis".to_string(), "Clinical medicine".to_string())];
    assert_eq!(
        names("Sepsis early warning at the bedside", &user),
        ["Clinical medicine"],
        "a user alias for a skill suggests the skill"
    );
}
