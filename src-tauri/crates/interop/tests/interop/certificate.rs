//! Certificates' fields read from the text of a page: a corpus of page texts in the shapes
//! providers print and the two readers give (`pdftotext -layout` columns, tesseract's single
//! spaces and blank lines), each with the fields expected (`tests/fixtures/certificate/text`),
//! and the readers of dates, amounts and credit types on their own.

use dossier_interop::certificate::fields::{
    amounts, ceu_to_hours, credit_type, decimal, extract, find_dates, parse_date, value_amounts,
    Said, AAFP, AAPA, ABIM_MOC, ACPE, AMA_1, AMA_2, ANCC, AOA, CEU, CONTACT_HOURS, HOURS, MOC,
};
use dossier_interop::Confidence;
use serde_json::Value;
use std::path::{Path, PathBuf};

/// The fields `into_map` names, which a corpus case may expect.
const FIELDS: [&str; 8] = [
    "title",
    "issuer",
    "started",
    "completed",
    "credit_type",
    "hours",
    "participant",
    "credential_id",
];

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/certificate/text")
}

/// What is wrong with one case, one line per field; empty when it reads as expected.
fn check_case(name: &str, text: &str, want: &Value) -> Vec<String> {
    let mut wrong = Vec::new();
    let fields = extract(text);
    let is_certificate = fields.is_certificate();
    let got = fields.into_map();
    let Some(want) = want.as_object() else {
        return vec![format!("{name}.json: not a JSON object")];
    };
    for (key, expected) in want {
        match key.as_str() {
            "certificate" => {
                if expected.as_bool() != Some(is_certificate) {
                    wrong.push(format!(
                        "{name}: certificate: expected {expected}, got {is_certificate}"
                    ));
                }
            }
            "high" | "low" => {
                let level = if key == "high" {
                    Confidence::High
                } else {
                    Confidence::Low
                };
                for field in expected.as_array().into_iter().flatten() {
                    let field = field.as_str().unwrap_or("");
                    match got.get(field) {
                        Some(e) if e.confidence == level => {}
                        Some(e) => wrong.push(format!(
                            "{name}: {field}: expected {key} confidence, got {:?} ({:?})",
                            e.confidence, e.note
                        )),
                        None => wrong.push(format!("{name}: {field}: expected {key}, absent")),
                    }
                }
            }
            field if FIELDS.contains(&field) => match (expected.as_str(), got.get(field)) {
                (None, None) => {}
                (None, Some(e)) => wrong.push(format!(
                    "{name}: {field}: expected absent, got {:?} from {:?}",
                    e.value, e.snippet
                )),
                (Some(v), Some(e)) if e.value == v => {}
                (Some(v), Some(e)) => wrong.push(format!(
                    "{name}: {field}: expected {v:?}, got {:?} from {:?}",
                    e.value, e.snippet
                )),
                (Some(v), None) => wrong.push(format!("{name}: {field}: expected {v:?}, absent")),
            },
            other => wrong.push(format!("{name}.json: unknown key {other:?}")),
        }
    }
    for (field, e) in &got {
        let chars = e.snippet.chars().count();
        if e.snippet.trim().is_empty() || chars > 202 {
            wrong.push(format!(
                "{name}: {field}: snippet of {chars} characters: {:?}",
                e.snippet
            ));
        }
        if e.confidence == Confidence::Low && e.note.is_none() {
            wrong.push(format!("{name}: {field}: Low confidence without a note"));
        }
    }
    wrong
}

#[test]
fn every_page_text_in_the_corpus_reads_as_expected() {
    let mut names: Vec<String> = std::fs::read_dir(corpus())
        .expect("the corpus folder")
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().to_string();
            name.strip_suffix(".txt").map(str::to_string)
        })
        .collect();
    names.sort();
    let mut wrong = Vec::new();
    let mut not_certificates = 0;
    for name in &names {
        let text = std::fs::read_to_string(corpus().join(format!("{name}.txt")))
            .unwrap_or_else(|e| panic!("{name}.txt: {e}"));
        let json = std::fs::read_to_string(corpus().join(format!("{name}.json")))
            .unwrap_or_else(|e| panic!("{name}.json, the expected fields of {name}.txt: {e}"));
        let want: Value =
            serde_json::from_str(&json).unwrap_or_else(|e| panic!("{name}.json: {e}"));
        if want.get("certificate") == Some(&Value::Bool(false)) {
            not_certificates += 1;
        }
        wrong.extend(check_case(name, &text, &want));
    }
    assert!(
        wrong.is_empty(),
        "{} corpus fields of {} texts read wrong:\n{}",
        wrong.len(),
        names.len(),
        wrong.join("\n")
    );
    assert!(
        names.len() >= 20,
        "the corpus has {} texts; it should hold at least 20",
        names.len()
    );
    assert!(
        not_certificates >= 4,
        "the corpus has {not_certificates} texts that are not certificates; it should hold 4+"
    );
}

#[test]
fn a_page_that_is_nothing_reads_as_no_certificate_and_no_panic() {
    for text in [
        "",
        "\n\n\n",
        "Terms and conditions of this activity apply to all participants.",
        "Date:",
        "Title:\n\n\n",
        "ÿ\u{301}é 12/13/2023 \u{feff}",
        "Credits claimed: 99999 AMA PRA Category 1 Credit",
        "This certifies that",
        "日本語のテキスト 2023年10月22日",
        "      \u{a0}\u{a0}Date\u{a0}\u{a0}October\u{a0}22,\u{a0}2023",
    ] {
        let fields = extract(text);
        assert!(!fields.is_certificate(), "{text:?} is no certificate");
    }
    let long = "Certificate of Completion ".repeat(20_000);
    assert!(
        !extract(&long).is_certificate(),
        "a long page of headings is no certificate"
    );
}

/// Pieces of certificates and of everything else, for texts made up at random.
// Separated by "¦", which no token holds.
const TOKENS: &str = "Date:¦Title:¦Activity¦Provider¦Credits claimed:¦This certifies that¦\
    has participated in¦titled¦\"¦“¦”¦October¦22,¦2O23¦10/22/2023¦22.10.2023¦-¦to¦From¦1.5¦\
    l.5¦0.15 CEU¦AMA PRA Category 1 Credit™¦contact hours¦ANCC¦ACPE UAN:¦Certificate #:¦\
    NNEN-2024-1¦   ¦\n¦\n\n¦é¦日本¦\u{301}¦ß¦\u{feff}¦™¦:¦Jane Q. Doe, MD¦\t";

#[test]
fn texts_made_up_at_random_read_without_panicking() {
    let mut seed: u64 = 0x5eed_cafe;
    let mut next = move || {
        // A fixed linear congruential sequence: the same texts every run.
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (seed >> 33) as usize
    };
    let tokens: Vec<&str> = TOKENS.split('¦').collect();
    for round in 0..300 {
        let len = next() % 80;
        let text: String = (0..len)
            .map(|_| tokens[next() % tokens.len()])
            .collect::<Vec<_>>()
            .join(if round % 2 == 0 { " " } else { "" });
        let fields = extract(&text);
        let _ = fields.is_certificate();
        for (field, e) in fields.into_map() {
            assert!(
                e.snippet.chars().count() <= 202,
                "round {round}: {field}'s snippet is cut to length: {text:?}"
            );
        }
    }
}

#[test]
fn dates_in_every_shape_certificates_print() {
    for (given, want) in [
        ("October 22, 2023", "2023-10-22"),
        ("Oct. 22, 2023", "2023-10-22"),
        ("Oct 22 2023", "2023-10-22"),
        ("Sept 5, 2024", "2024-09-05"),
        ("Sept. 5, 2024", "2024-09-05"),
        ("October 22nd, 2023", "2023-10-22"),
        ("March 1st, 2024", "2024-03-01"),
        ("22 Oct 2023", "2023-10-22"),
        ("22 October 2023", "2023-10-22"),
        ("22nd of October, 2023", "2023-10-22"),
        ("2023-10-22", "2023-10-22"),
        ("2023/10/22", "2023-10-22"),
        ("10/22/2023", "2023-10-22"),
        ("10-22-2023", "2023-10-22"),
        ("10/22/23", "2023-10-22"),
        ("3/14/2024", "2024-03-14"),
        ("22.10.2023", "2023-10-22"),
        ("05.03.2024", "2024-03-05"),
        ("22/10/2023", "2023-10-22"),
        ("2O23-1O-22", "2023-10-22"),
        ("l0/22/2023", "2023-10-22"),
        ("October 22, 2O23", "2023-10-22"),
        ("07/07/2025", "2025-07-07"),
        ("12/31/99", "1999-12-31"),
    ] {
        let read = parse_date(given);
        assert_eq!(
            read.as_ref().map(|d| d.iso.as_str()),
            Some(want),
            "parse_date({given:?})"
        );
        assert_eq!(
            read.and_then(|d| d.note),
            None,
            "parse_date({given:?}) is certain"
        );
    }
}

#[test]
fn a_slash_date_either_number_could_be_the_month_of_is_read_month_first_and_said_to_be_unsure() {
    for (given, want) in [
        ("01/07/2025", "2025-01-07"),
        ("03/04/2024", "2024-03-04"),
        ("07-06-2025", "2025-07-06"),
    ] {
        let read = parse_date(given).unwrap_or_else(|| panic!("{given:?} is a date"));
        assert_eq!(read.iso, want, "{given:?} read as month/day");
        assert!(
            read.note
                .as_deref()
                .is_some_and(|n| n.contains("day/month")),
            "{given:?} says it could be day/month: {:?}",
            read.note
        );
    }
}

#[test]
fn impossible_dates_and_years_out_of_range_are_no_dates() {
    for given in [
        "February 30, 2023",
        "13/13/2023",
        "00/10/2023",
        "2023-02-29",
        "31.02.2024",
        "10.22.2023",
        "October 22, 1899",
        "October 22, 2101",
        "Octember 22, 2023",
        "2023",
        "October 2023",
        "1.25",
        "0204-0000-24-118-H04-P",
        "",
    ] {
        assert_eq!(parse_date(given), None, "{given:?} is no date");
    }
    assert_eq!(
        parse_date("2024-02-29").map(|d| d.iso),
        Some("2024-02-29".to_string()),
        "a leap day is a date"
    );
}

#[test]
fn date_ranges_give_their_first_and_last_day() {
    for (given, from, to) in [
        ("From 01/17/2025 to 07/16/2025", "2025-01-17", "2025-07-16"),
        ("October 22-24, 2023", "2023-10-22", "2023-10-24"),
        ("22-24 October 2023", "2023-10-22", "2023-10-24"),
        ("March 30 - April 2, 2024", "2024-03-30", "2024-04-02"),
        ("30 March - 2 April 2024", "2024-03-30", "2024-04-02"),
        ("04/10/2024 - 04/12/2024", "2024-04-10", "2024-04-12"),
        (
            "March 3, 2024 through March 5, 2024",
            "2024-03-03",
            "2024-03-05",
        ),
        ("2024-05-01 to 2024-05-03", "2024-05-01", "2024-05-03"),
        ("Oct. 22 – 24, 2023", "2023-10-22", "2023-10-24"),
    ] {
        let spans = find_dates(given);
        assert_eq!(spans.len(), 1, "{given:?} is one range: {spans:?}");
        let span = spans.first().expect("one span");
        assert_eq!(
            span.from.as_ref().map(|d| d.iso.as_str()),
            Some(from),
            "{given:?} starts"
        );
        assert_eq!(span.date.iso, to, "{given:?} ends");
    }
    let backwards = find_dates("October 24, 2023 - October 22, 2023");
    assert_eq!(
        backwards.len(),
        2,
        "a range that ends before it starts is two dates: {backwards:?}"
    );
}

#[test]
fn the_one_of_category_1_is_a_name_and_never_an_amount() {
    let found = amounts("and is awarded 50 AMA PRA Category 1 Credit(s)™.");
    let values: Vec<&str> = found.iter().map(|a| a.value.as_str()).collect();
    assert_eq!(values, ["50"], "only the amount: {found:?}");
    assert_eq!(found[0].said, Said::Awarded, "said to be awarded");
    assert_eq!(found[0].unit, Some(AMA_1), "its unit");
    assert!(
        amounts("AMA PRA Category 1 Credit(s)™").is_empty(),
        "a credit type's name holds no amount"
    );
    assert!(
        amounts("AOA Category 1-A credit and AAPA Category 1 CME credit").is_empty(),
        "nor do the AOA's and AAPA's"
    );
    assert!(
        amounts("Module 3 of the Type 2 diabetes series, Part 2").is_empty(),
        "numbers of parts are no amounts"
    );
    let v = value_amounts("0.75 AMA PRA Category 1 Credit™");
    assert_eq!(
        v.iter().map(|a| a.value.as_str()).collect::<Vec<_>>(),
        ["0.75"],
        "a labelled value's amount: {v:?}"
    );
}

#[test]
fn a_maximum_is_told_from_a_claimed_amount() {
    let found = amounts(
        "Mayo Clinic designates this live activity for a maximum of 1.00 AMA PRA Category 1 \
         Credit™. Credits claimed 0.75 AMA PRA Category 1 Credit™. Successful completion \
         enables the participant to earn up to 0.75 Medical Knowledge MOC points.",
    );
    let read: Vec<(&str, Said)> = found.iter().map(|a| (a.value.as_str(), a.said)).collect();
    assert_eq!(
        read,
        [
            ("1", Said::Maximum),
            ("0.75", Said::Awarded),
            ("0.75", Said::Maximum)
        ],
        "each amount with what the text says of it: {found:?}"
    );
    let fields = extract(
        "Certificate of Participation\nAwarded to: Dr. Lee Park\nActivity: Renal Dosing\n\
         This activity is designated for a maximum of 2.0 AMA PRA Category 1 Credits.\n",
    );
    let hours = fields
        .hours
        .expect("the maximum, when nothing else is printed");
    assert_eq!(hours.value, "2", "the maximum's amount");
    assert_eq!(hours.confidence, Confidence::Low, "the maximum is Low");
    assert!(hours.note.is_some(), "and says why");
}

#[test]
fn amounts_are_decimals_in_range_and_ceus_become_contact_hours() {
    for (given, want) in [
        ("1.00", Some("1")),
        ("0.750", Some("0.75")),
        ("050", Some("50")),
        (".5", Some("0.5")),
        ("1,5", Some("1.5")),
        ("1000", Some("1000")),
        ("0", None),
        ("0.00", None),
        ("1001", None),
        ("abc", None),
    ] {
        assert_eq!(decimal(given).as_deref(), want, "decimal({given:?})");
    }
    for (ceu, hours) in [
        ("0.15", "1.5"),
        ("0.125", "1.25"),
        ("1.2", "12"),
        ("2", "20"),
    ] {
        assert_eq!(
            ceu_to_hours(ceu).as_deref(),
            Some(hours),
            "{ceu} CEU in contact hours"
        );
    }
    let fields = extract(
        "Statement of Credit\nParticipant: Ana Silva, RPh\nProgram: Anticoagulation Update\n\
         Credit: 0.15 CEU\nDate Completed: 05/14/2024\n",
    );
    let hours = fields.hours.expect("hours");
    assert_eq!(hours.value, "1.5", "0.15 CEU as contact hours");
    assert_eq!(
        hours.note.as_deref(),
        Some("0.15 CEU = 1.5 contact hours (1 CEU = 10 contact hours)"),
        "the conversion is said"
    );
    assert_eq!(
        fields.credit_type.map(|c| c.value).as_deref(),
        Some(CEU),
        "the credit type says CEU"
    );
}

#[test]
fn credit_types_by_their_canonical_names() {
    for (given, want) in [
        ("AMA PRA Category 1 Credit(s)TM", AMA_1),
        ("AMA PRA Category 1 Credit(s)™", AMA_1),
        ("AMA PRA Category l Credits", AMA_1),
        ("50 Category 1 Credits", AMA_1),
        ("AMA PRA Cat 1", AMA_1),
        ("AMA PRA Category 2 Credit", AMA_2),
        ("1.5 ANCC contact hours", ANCC),
        (
            "contact hours approved by the American Nurses Credentialing Center",
            ANCC,
        ),
        ("1.25 contact hours; ACPE UAN 0204-0000-24-118-H04-P", ACPE),
        ("2 contact hours", CONTACT_HOURS),
        (
            "acceptable for up to 2.00 Prescribed credit(s) by the AAFP",
            AAFP,
        ),
        ("10 ABIM MOC points", ABIM_MOC),
        ("10 MOC points", MOC),
        ("AOA Category 1-A credits", AOA),
        ("AAPA Category 1 CME credit", AAPA),
        ("0.15 CEU", CEU),
        ("1.2 continuing education units", CEU),
        ("3 hours of participation", HOURS),
        ("1.5 hours", HOURS),
        (
            "a maximum of 1.00 AMA PRA Category 1 Credit and 1 ABIM MOC point",
            AMA_1,
        ),
    ] {
        assert_eq!(credit_type(given), Some(want), "credit_type({given:?})");
    }
    for given in [
        "",
        "3 semester credit hours",
        "Invoice total",
        "Category 12",
    ] {
        assert_eq!(credit_type(given), None, "{given:?} names no credit type");
    }
}
