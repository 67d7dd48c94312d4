//! Synthetic portfolios for benchmarks and load tests: deterministic for a given seed, shaped
//! like real ones (mostly CE activity, a few degrees, skills from one vocabulary).

use crate::date::PartialDate;
use crate::model::{CredentialInput, CredentialKind, SkillTag, Status};

const SKILLS: [&str; 24] = [
    "Clinical medicine",
    "Deep learning for diagnostics",
    "NLP for EHRs",
    "Computer vision for medical imaging",
    "Machine learning",
    "Statistics",
    "Clinical utility evaluation",
    "Ethical AI governance",
    "Data governance and privacy",
    "Regulation and policy",
    "Health informatics",
    "Foundation models",
    "Cloud ML platforms",
    "Clinical workflow",
    "Evidence-based evaluation of AI tools",
    "Causal inference",
    "Epidemiology",
    "Interoperability (FHIR)",
    "Cybersecurity",
    "Quality improvement",
    "Patient safety",
    "Pharmacology",
    "Medical education",
    "Leadership",
];

const WORDS: [&str; 12] = [
    "Foundations",
    "Advanced",
    "Applied",
    "Clinical",
    "Responsible",
    "Practical",
    "Modern",
    "Evaluating",
    "Deploying",
    "Governing",
    "Validating",
    "Introduction to",
];

/// A small linear congruential generator: enough spread for benchmarks, no dependency.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// `n` valid records, the same for the same seed.
pub fn records(n: usize, seed: u64) -> Vec<CredentialInput> {
    let mut r = Lcg(seed);
    (0..n)
        .map(|i| {
            let kind = match r.below(20) {
                0 => CredentialKind::Degree,
                1 => CredentialKind::GraduateCertificate,
                2 | 3 => CredentialKind::Certification,
                4 => CredentialKind::BoardCertification,
                5 => CredentialKind::ExecutiveEducation,
                6..=8 => CredentialKind::MicroCredential,
                9 => CredentialKind::Experience,
                _ => CredentialKind::CeActivity,
            };
            let year = 2000 + r.below(26) as i32;
            let month = 1 + r.below(12) as u32;
            let completed = PartialDate::ym(year, month);
            let expires = matches!(
                kind,
                CredentialKind::Certification | CredentialKind::BoardCertification
            )
            .then(|| PartialDate::ym(year + 1 + r.below(4) as i32, month))
            .flatten();
            let skill_count = 1 + r.below(4) as usize;
            let first = r.below(SKILLS.len() as u64) as usize;
            let skills = (0..skill_count)
                .map(|k| SkillTag {
                    name: SKILLS[(first + k * 7) % SKILLS.len()].to_string(),
                    relevance: (1 + r.below(10)) as f64 / 10.0,
                })
                .collect();
            let subject = SKILLS[first];
            CredentialInput {
                kind,
                status: Status::Completed,
                title: format!(
                    "{} {subject} #{i}",
                    WORDS[r.below(WORDS.len() as u64) as usize]
                ),
                issuer: Some(format!("Provider {}", r.below(200))),
                started: None,
                completed,
                expires,
                hours: (kind == CredentialKind::CeActivity).then(|| (1 + r.below(16)) as f64 / 2.0),
                credit_type: (kind == CredentialKind::CeActivity)
                    .then(|| "AMA PRA Category 1 Credit".to_string()),
                credential_id: None,
                url: None,
                notes: (r.below(4) == 0).then(|| format!("Notes on {subject} for record {i}.")),
                verified: r.below(2) == 0,
                skills,
            }
        })
        .collect()
}

/// The distinct skill names of `records`, sorted: for benchmarks that build skill areas or a
/// framework around a synthetic portfolio.
pub fn skill_names(records: &[crate::model::Credential]) -> Vec<String> {
    let mut names: Vec<String> = records
        .iter()
        .flat_map(|r| r.skills.iter().map(|s| s.name.clone()))
        .collect();
    names.sort();
    names.dedup();
    names
}

/// `records(n, seed)` as stored credentials with ids 1..=n, for benchmarks of the pure
/// functions that take what the store returns.
pub fn credentials(n: usize, seed: u64) -> Vec<crate::model::Credential> {
    records(n, seed)
        .into_iter()
        .enumerate()
        .map(|(i, c)| crate::model::Credential {
            id: i as i64 + 1,
            kind: c.kind,
            status: c.status,
            title: c.title,
            issuer: c.issuer,
            started: c.started,
            completed: c.completed,
            expires: c.expires,
            hours: c.hours,
            credit_type: c.credit_type,
            credential_id: c.credential_id,
            url: c.url,
            notes: c.notes,
            verified: c.verified,
            skills: c.skills,
            evidence: vec![],
            source: "synthetic".into(),
            created_at: String::new(),
            updated_at: String::new(),
            uuid: String::new(),
            source_file: None,
            source_ref: None,
        })
        .collect()
}
