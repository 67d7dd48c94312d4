//! The labels certificates print before their values ("Activity title", "Date of
//! completion:", "Certificate #:"), and what each says the value is. Labels that name
//! something this reader does not take (the release and expiration dates of an enduring
//! activity, an ACPE UAN, a provider number) are here too, so that their values are known to
//! be those and are never read as a completion date or a provider.

use super::dates::fix_digits;
use regex::Regex;
use std::sync::LazyLock;

/// What a label says its value is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    Title,
    Provider,
    /// The completion or participation date (or the activity's dates, a range).
    Completed,
    /// The certificate's issue date: a completion date only when nothing else gives one.
    Issued,
    Started,
    /// The activity's availability window: release, expiration, review. Never a completion.
    Availability,
    CreditType,
    Hours,
    Participant,
    CredentialId,
    /// A label of something else (a UAN, a location, a signature).
    Other,
}

use Kind::*;

/// `(label, kind, bare)`: `bare` labels are recognised without a colon ("Date October 22,
/// 2023", as OCR reads a two-column table), the others only with one.
const LABELS: &[(&str, Kind, bool)] = &[
    ("activity title", Title, true),
    ("title", Title, true),
    ("title of activity", Title, true),
    ("activity", Title, true),
    ("activity name", Title, true),
    ("name of activity", Title, true),
    ("course", Title, true),
    ("course title", Title, true),
    ("course name", Title, true),
    ("name of course", Title, true),
    ("program", Title, true),
    ("program title", Title, true),
    ("program name", Title, true),
    ("name of program", Title, true),
    ("programme", Title, true),
    ("programme title", Title, true),
    ("session", Title, true),
    ("session title", Title, true),
    ("topic", Title, true),
    ("enduring material", Title, true),
    ("article title", Title, true),
    ("webinar", Title, false),
    ("webinar title", Title, true),
    ("event", Title, false),
    ("event title", Title, true),
    ("event name", Title, true),
    ("conference", Title, false),
    ("conference title", Title, true),
    ("module", Title, false),
    ("module title", Title, true),
    ("lecture", Title, false),
    ("educational activity", Title, true),
    ("accredited provider", Provider, true),
    ("provider", Provider, true),
    ("provider name", Provider, true),
    ("cme provider", Provider, true),
    ("ce provider", Provider, true),
    ("education provider", Provider, true),
    ("provided by", Provider, true),
    ("jointly provided by", Provider, true),
    ("presented by", Provider, true),
    ("sponsored by", Provider, true),
    ("offered by", Provider, true),
    ("issued by", Provider, true),
    ("hosted by", Provider, true),
    ("organised by", Provider, true),
    ("organized by", Provider, true),
    ("brought to you by", Provider, true),
    ("certified by", Provider, true),
    ("accredited by", Provider, false),
    ("course provider", Provider, true),
    ("program provider", Provider, true),
    ("activity provider", Provider, true),
    ("organization", Provider, false),
    ("organisation", Provider, false),
    ("organizer", Provider, false),
    ("organiser", Provider, false),
    ("date", Completed, true),
    ("dates", Completed, true),
    ("date of completion", Completed, true),
    ("completion date", Completed, true),
    ("date completed", Completed, true),
    ("completed on", Completed, true),
    ("completed", Completed, false),
    ("activity date", Completed, true),
    ("activity dates", Completed, true),
    ("date of activity", Completed, true),
    ("dates of activity", Completed, true),
    ("date of participation", Completed, true),
    ("participation date", Completed, true),
    ("session date", Completed, true),
    ("date of session", Completed, true),
    ("date attended", Completed, true),
    ("date of attendance", Completed, true),
    ("attendance date", Completed, true),
    ("attended on", Completed, true),
    ("event date", Completed, true),
    ("event dates", Completed, true),
    ("date of event", Completed, true),
    ("conference date", Completed, true),
    ("conference dates", Completed, true),
    ("webinar date", Completed, true),
    ("course date", Completed, true),
    ("course dates", Completed, true),
    ("program date", Completed, true),
    ("program dates", Completed, true),
    ("end date", Completed, true),
    ("date range", Completed, true),
    ("date range of activity", Completed, true),
    ("activity date range", Completed, true),
    ("dates of participation", Completed, true),
    ("participation dates", Completed, true),
    ("period of participation", Completed, true),
    ("date redeemed", Issued, true),
    ("redeemed on", Issued, true),
    ("date earned", Completed, true),
    ("earned on", Completed, true),
    ("date claimed", Completed, true),
    ("credit date", Completed, true),
    ("date of credit", Completed, true),
    ("held on", Completed, true),
    ("date issued", Issued, true),
    ("issued on", Issued, true),
    ("date of issue", Issued, true),
    ("issue date", Issued, true),
    ("issued", Issued, true),
    ("certificate date", Issued, true),
    ("date printed", Issued, true),
    ("printed on", Issued, true),
    ("generated on", Issued, true),
    ("start date", Started, true),
    ("date started", Started, true),
    ("started on", Started, true),
    ("begin date", Started, true),
    ("release date", Availability, true),
    ("date of release", Availability, true),
    ("original release", Availability, true),
    ("original release date", Availability, true),
    ("date of original release", Availability, true),
    ("re-release date", Availability, true),
    ("expiration date", Availability, true),
    ("expiration", Availability, true),
    ("expiry date", Availability, true),
    ("expires", Availability, true),
    ("expires on", Availability, true),
    ("credit expiration date", Availability, true),
    ("termination date", Availability, true),
    ("valid through", Availability, true),
    ("valid until", Availability, true),
    ("valid thru", Availability, true),
    ("review date", Availability, true),
    ("date of review", Availability, true),
    ("reviewed", Availability, true),
    ("last reviewed", Availability, true),
    ("last review date", Availability, true),
    ("most recent review", Availability, true),
    ("date of most recent review", Availability, true),
    ("renewal date", Availability, true),
    ("revision date", Availability, true),
    ("available through", Availability, true),
    ("available until", Availability, true),
    ("duration", Hours, false),
    ("credit type", CreditType, true),
    ("credit types", CreditType, true),
    ("type of credit", CreditType, true),
    ("credit designation", CreditType, true),
    ("credit category", CreditType, true),
    ("participant", Participant, true),
    ("participant name", Participant, true),
    ("name of participant", Participant, true),
    ("participant's name", Participant, true),
    ("name", Participant, true),
    ("full name", Participant, true),
    ("learner", Participant, true),
    ("learner name", Participant, true),
    ("attendee", Participant, true),
    ("attendee name", Participant, true),
    ("awarded to", Participant, true),
    ("presented to", Participant, true),
    ("issued to", Participant, true),
    ("granted to", Participant, true),
    ("recipient", Participant, true),
    ("certificate #", CredentialId, true),
    ("certificate no", CredentialId, true),
    ("certificate number", CredentialId, true),
    ("certificate id", CredentialId, true),
    ("certificate code", CredentialId, true),
    ("certificate nr", CredentialId, true),
    ("certificate serial number", CredentialId, true),
    ("cert #", CredentialId, true),
    ("cert no", CredentialId, true),
    ("cert id", CredentialId, true),
    ("tracking #", CredentialId, true),
    ("tracking no", CredentialId, true),
    ("tracking number", CredentialId, true),
    ("tracking id", CredentialId, true),
    ("verification code", CredentialId, true),
];

/// Labels of values this reader does not take. Recognised with a colon, or alone in a cell.
const OTHER: &str = "\
    activity type|activity id|activity number|activity #|activity code|activity director|\
    activity format|acpe uan|uan|acpe #|acpe number|provider #|provider number|provider no|\
    provider id|provider approved by|provider approved|ancc provider number|course number|\
    course #|course id|course code|course director|course type|program number|program #|\
    program id|program code|program type|program director|session type|type|format|\
    educational format|location|venue|faculty|speaker|speakers|presenter|instructor|\
    director|medical director|signature|signed|license|license #|license number|licence|npi|\
    nabp|nabp e-profile id|e-profile id|profession|degree|credential|email|e-mail|phone|\
    address|city|state|specialty|accreditation|accreditation statement|\
    designation statement|learning objectives|objectives|disclosure|member id|member number|\
    abim id|board id|page|invoice|invoice #|invoice no|invoice number|invoice date|due date|\
    payment date|order date|order #|order number|date of birth|dob|birth date|\
    registration date|date registered|date of registration|enrollment date|enrolled|bill to|\
    billed to|ship to|sold to|description|qty|quantity|price|unit price|subtotal|tax|total|\
    amount due|balance|customer|customer id|account|account #|reference|po number|\
    prerequisites|grading|textbook|office hours|meeting times|schedule|semester|term|room|\
    employer|position|department|topics|topics researched|topic(s) researched|search topics|\
    number of searches|searches";

/// Labels of other things that start a line without a colon and would otherwise be read as
/// a provider ("Provider approved by the California Board of Registered Nursing").
const OTHER_BARE: &str = "\
    provider approved by|provider approved|provider #|provider number|provider no|acpe uan|\
    uan|acpe #|ancc provider number|activity type";

/// Credit and hour labels, too many combinations to list: "Credits claimed", "Contact
/// Hours Awarded", "Credits / Hours of participation", "ABIM MOC points", "CEUs".
static HOURS_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    let pattern = r"(?i)^(?:(?:total|number\s+of|amount\s+of|maximum)\s+)?(?:(?:ama|pra|ancc|acpe|aafp|aoa|aapa|abim|cme|ce|cne|cpe|cpd|contact|moc|medical\s+knowledge|nursing|pharmacy|european|external|(?:category|cat\.?)\s*[12l](?:-?a)?)\s+)*(?:credits?(?:\s*\(s\))?|hours?(?:\s*\(s\))?|hrs|points?|ceus?)(?:™|®|\s*\(?tm\)?)?(?:\s*\((?:ecmec|ecmecs|ecmec®s?)\))?(?:\s*/\s*(?:credits?|hours?|points?))?(?:\s+of\s+(?:participation|credit))?(?:\s+(?:awarded|claimed|earned|received|granted|designated|approved|reported|redeemed))?\b";
    // A constant pattern: a failure is a bug every test run catches.
    Regex::new(pattern).expect("a valid label pattern")
});

/// A label found at the start of a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct LabelMatch {
    pub kind: Kind,
    /// Where the label's own words end (before any colon).
    pub label_end: usize,
    /// Where its value starts (after the colon and spaces); the text's length when the label
    /// stands alone and its value is elsewhere (the next cell, the next line).
    pub value_start: usize,
    pub colon: bool,
}

impl LabelMatch {
    /// Whether the label stands alone: its value is in the next cell or on a later line.
    pub fn alone(&self, text: &str) -> bool {
        text.get(self.value_start..)
            .is_none_or(|v| v.trim().is_empty())
    }
}

/// The label at the very start of `text`, the longest that fits, if one does. A label
/// without a colon counts only when it stands alone or, for the `bare` ones, when what
/// follows looks like its value (capitalised, a digit, a quote) and not like another label.
pub(super) fn label_at(text: &str) -> Option<LabelMatch> {
    let mut best: Option<(usize, Kind, bool)> = None;
    let mut consider = |end: usize, kind: Kind, bare: bool| {
        if best.is_none_or(|(e, _, _)| end > e) {
            best = Some((end, kind, bare));
        }
    };
    for (label, kind, bare) in LABELS {
        if let Some(end) = words_at(text, label) {
            consider(end, *kind, *bare);
        }
    }
    for label in OTHER.split('|') {
        if let Some(end) = words_at(text, label) {
            consider(end, Other, OTHER_BARE.split('|').any(|b| b == label));
        }
    }
    if let Some(m) = HOURS_LABEL.find(text) {
        consider(m.end(), Hours, true);
    }
    let (end, kind, bare) = best?;
    let rest = text.get(end..)?;
    let after_space = rest.trim_start();
    let spaced = end + (rest.len() - after_space.len());
    if let Some(value) = after_space
        .strip_prefix(':')
        .or_else(|| after_space.strip_prefix('：'))
    {
        let skip = value.len() - value.trim_start().len();
        return Some(LabelMatch {
            kind,
            label_end: end,
            value_start: text.len() - value.len() + skip,
            colon: true,
        });
    }
    if after_space.is_empty() {
        return Some(LabelMatch {
            kind,
            label_end: end,
            value_start: text.len(),
            colon: false,
        });
    }
    let looks_like_value = match kind {
        Hours => fix_digits(after_space.split_whitespace().next().unwrap_or(""))
            .starts_with(|c: char| c.is_ascii_digit() || c == '.'),
        _ => after_space
            .starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit() || "\"'(#".contains(c)),
    };
    // "Course Director: ..." is another label, not a course named "Director".
    let another_label = after_space
        .split_whitespace()
        .take(3)
        .any(|w| w.ends_with(':'));
    // The other things' labels mark their line whatever follows: it is not a value of ours.
    let other = kind == Other && bare;
    (other || (bare && rest.starts_with(char::is_whitespace) && looks_like_value && !another_label))
        .then_some(LabelMatch {
            kind,
            label_end: end,
            value_start: spaced,
            colon: false,
        })
}

/// Where `label`'s words end when `text` starts with them (case-insensitive, any spacing,
/// "(s)" after a word allowed: "Date(s)", "Credit(s)"), `None` otherwise.
fn words_at(text: &str, label: &str) -> Option<usize> {
    let mut pos = 0;
    for (i, word) in label.split(' ').enumerate() {
        let rest = text.get(pos..)?;
        let trimmed = rest.trim_start();
        if i > 0 && trimmed.len() == rest.len() && !word.starts_with('#') {
            return None;
        }
        pos += rest.len() - trimmed.len();
        let head = text.get(pos..pos + word.len())?;
        if !head.eq_ignore_ascii_case(word) {
            return None;
        }
        pos += word.len();
        let next = text.get(pos..).and_then(|s| s.chars().next());
        if word.ends_with(|c: char| c.is_ascii_alphanumeric())
            && matches!(next, Some(c) if c.is_alphanumeric() || c == '\'' || c == '’')
            && !word.ends_with("'s")
        {
            return None;
        }
        if text
            .get(pos..)
            .is_some_and(|s| s.starts_with("(s)") || s.starts_with("(S)"))
        {
            pos += 3;
        }
        // "Certificate No.", "Cert. #".
        if matches!(word, "no" | "cert" | "nr")
            && text.get(pos..).is_some_and(|s| s.starts_with('.'))
        {
            pos += 1;
        }
    }
    Some(pos)
}
