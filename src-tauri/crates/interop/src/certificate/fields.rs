//! The fields of a CME/CE certificate, read from its text: a pure function of one page's text
//! (a PDF's text layer from `pdftotext -layout`, or tesseract's OCR of a scan), so it is tested
//! on a corpus of texts alone. Every value keeps the text it came from.

mod credits;
mod dates;
mod hours;
mod labels;
mod lines;
mod names;
mod page;
mod people;
mod titles;
mod when;

pub use credits::{
    amounts, ceu_to_hours, credit_type, decimal, value_amounts, Amount, Said, AAFP, AAPA, ABIM_MOC,
    ACPE, AMA_1, AMA_2, ANCC, AOA, CEU, CONTACT_HOURS, HOURS, MOC,
};
pub use dates::{find_dates, parse_date, DateRead, DateSpan};

use crate::record::{Confidence, Extracted};
use page::Page;
use std::collections::BTreeMap;

/// What one certificate page says. `None` where the text does not say it: nothing is guessed
/// and presented as read.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CertificateFields {
    /// The activity's title.
    pub title: Option<Extracted>,
    /// The provider, or the accredited provider when only that is named.
    pub provider: Option<Extracted>,
    /// The first day of a date range ("From 01/07/2025 to 07/06/2025"), ISO `YYYY-MM-DD`.
    pub started: Option<Extracted>,
    /// The completion date (the range's end), ISO `YYYY-MM-DD`.
    pub completed: Option<Extracted>,
    /// The credit type's name, e.g. "AMA PRA Category 1 Credit™", "ANCC contact hours".
    pub credit_type: Option<Extracted>,
    /// The amount awarded, as a decimal number of the credit type's unit ("1.5").
    pub hours: Option<Extracted>,
    /// Who the certificate is made out to, as printed ("Jane Q. Doe, MD").
    pub participant: Option<Extracted>,
    /// The certificate's own number, when it has one.
    pub credential_id: Option<Extracted>,
}

impl CertificateFields {
    /// Whether the page reads as a certificate: enough was found to propose a record.
    ///
    /// It does when it names a credit (or uses continuing-education words: "certif", "CME",
    /// "contact hour"), says what was done (a title, a completion date or an amount), and is
    /// made out to someone (a participant, an amount awarded, a certificate number): an
    /// invoice, a letter or a syllabus about a CME course has the first two and not the last.
    pub fn is_certificate(&self) -> bool {
        let snippets = [
            &self.participant,
            &self.title,
            &self.hours,
            &self.credential_id,
            &self.completed,
        ];
        let vocabulary = self.credit_type.is_some()
            || snippets
                .iter()
                .filter_map(|e| e.as_ref())
                .any(|e| credits::has_ce_words(&e.snippet));
        let substance = self.title.is_some() || self.completed.is_some() || self.hours.is_some();
        let awarded = self
            .hours
            .as_ref()
            .is_some_and(|h| h.confidence == Confidence::High);
        let addressed = self.participant.is_some() || awarded || self.credential_id.is_some();
        vocabulary && substance && addressed
    }

    /// The fields by the draft's field names: "title", "issuer" (the provider), "started",
    /// "completed", "credit_type", "hours", "participant", "credential_id".
    pub fn into_map(self) -> BTreeMap<String, Extracted> {
        [
            ("title", self.title),
            ("issuer", self.provider),
            ("started", self.started),
            ("completed", self.completed),
            ("credit_type", self.credit_type),
            ("hours", self.hours),
            ("participant", self.participant),
            ("credential_id", self.credential_id),
        ]
        .into_iter()
        .filter_map(|(k, v)| Some((k.to_string(), v?)))
        .collect()
    }
}

/// Reads the fields of one certificate page.
pub fn extract(text: &str) -> CertificateFields {
    let page = Page::read(text);
    let ctx = credits::Context::of(text);
    let participant = people::participant(&page);
    let after = participant
        .as_ref()
        .and_then(|p| p.lines.iter().max().copied());
    let title = titles::title(&page, after);
    let taken: Vec<&str> = [&participant, &title]
        .into_iter()
        .flatten()
        .map(|c| c.value.as_str())
        .collect();
    let provider = people::provider(&page, &taken);
    let (completed, started) = when::dates(&page);
    let (hours, credit_type) = hours::hours_and_type(&page, ctx);
    let credential_id = credential_id(&page);
    let read = |c: Option<Candidate>| c.map(|c| c.extracted(&page));
    // Scans carry OCR text even in a text layer (a scanner's own OCR), so a title's or a
    // provider's misreadings are corrected whatever read the page; a person's name is left as
    // printed ("Al-Sayed", "Al Smith").
    let corrected = |c: Option<Candidate>| {
        read(c).map(|mut e| {
            e.value = super::ocr::misreadings(&e.value);
            e
        })
    };
    CertificateFields {
        title: corrected(title),
        provider: corrected(provider),
        started: read(started),
        completed: read(completed),
        credit_type: read(credit_type),
        hours: read(hours),
        participant: read(participant),
        credential_id: read(credential_id),
    }
}

/// One reading of a field, scored: the best-scored reading of each field is taken.
#[derive(Clone, Debug)]
struct Candidate {
    value: String,
    /// The lines it was read from, for the snippet.
    lines: Vec<usize>,
    /// How strongly the text says this is the field: a label over a phrase over a place.
    score: u32,
    note: Option<String>,
    low: bool,
}

impl Candidate {
    fn high(value: String, lines: Vec<usize>, score: u32) -> Self {
        Candidate {
            value,
            lines,
            score,
            note: None,
            low: false,
        }
    }

    fn low(value: String, lines: Vec<usize>, score: u32, note: &str) -> Self {
        Candidate {
            value,
            lines,
            score,
            note: Some(note.to_string()),
            low: true,
        }
    }

    /// The same reading marked Low when its field was read unsurely (`Field::note`).
    fn unsure(mut self, note: Option<&str>) -> Self {
        if let Some(n) = note {
            self.low = true;
            self.note = Some(match self.note {
                Some(own) => format!("{own}; {n}"),
                None => n.to_string(),
            });
        }
        self
    }

    fn extracted(self, page: &Page) -> Extracted {
        Extracted {
            snippet: page.snippet(&self.lines, &self.value),
            value: self.value,
            confidence: if self.low {
                Confidence::Low
            } else {
                Confidence::High
            },
            note: self.note,
        }
    }
}

/// The best-scored candidate; of equals, the first found (the one higher on the page).
fn best(found: Vec<Candidate>) -> Option<Candidate> {
    found
        .into_iter()
        .enumerate()
        .max_by_key(|(i, c)| (c.score, std::cmp::Reverse(*i)))
        .map(|(_, c)| c)
}

/// The certificate's number: the first word after its label that reads as an identifier.
fn credential_id(page: &Page) -> Option<Candidate> {
    page.fields
        .iter()
        .filter(|f| f.kind == labels::Kind::CredentialId)
        .find_map(|f| {
            let token = f
                .value
                .trim_start_matches(|c: char| c == '#' || c == ':' || c.is_whitespace())
                .split_whitespace()
                .next()?
                .trim_end_matches([',', '.', ';', ')']);
            let ok = (2..=40).contains(&token.len())
                && token
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "-_./".contains(c))
                && (token.chars().any(|c| c.is_ascii_digit()) || token.len() >= 4);
            ok.then(|| Candidate::high(token.to_string(), f.lines.clone(), 100).unsure(f.note))
        })
}
