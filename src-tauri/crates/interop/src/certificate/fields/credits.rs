//! Credit types and amounts. A credit type is named the way the accreditors name it ("AMA PRA
//! Category 1 Credit™", "ANCC contact hours"), whatever the certificate's spelling ("AMA PRA
//! Category 1 Credit(s)TM", "Cat 1"). An amount is a number with its unit and what the text
//! says about it: awarded (claimed, earned), the activity's maximum ("designates ... for a
//! maximum of"), or neither. The "1" of "Category 1" is part of a name, never an amount.

use super::dates::{find_dates, fix_digits};
use regex::Regex;
use std::sync::LazyLock;

// The canonical names of the credit types, as the accreditors write them.

/// The AMA's Category 1 credit (physicians' CME).
pub const AMA_1: &str = "AMA PRA Category 1 Credit™";
/// The AMA's Category 2 credit (self-claimed).
pub const AMA_2: &str = "AMA PRA Category 2 Credit™";
/// Nursing contact hours (ANCC-accredited).
pub const ANCC: &str = "ANCC contact hours";
/// Pharmacy contact hours (ACPE-accredited).
pub const ACPE: &str = "ACPE contact hours";
/// The AAFP's Prescribed credit (family physicians).
pub const AAFP: &str = "AAFP Prescribed credit";
/// The ABIM's Maintenance of Certification points.
pub const ABIM_MOC: &str = "ABIM MOC points";
/// MOC points of a board the page does not name.
pub const MOC: &str = "MOC points";
/// The AOA's Category 1-A credit (osteopathic physicians).
pub const AOA: &str = "AOA Category 1-A credit";
/// The EACCME's European CME credits (UEMS; one an hour).
pub const ECMEC: &str = "European CME credits (ECMEC®)";
/// Continuing professional development credits (the UK's royal colleges, Canada's MOC
/// Section credits are named by their college): a point or credit an hour.
pub const CPD: &str = "CPD credits";
/// The AAPA's Category 1 CME credit (physician assistants).
pub const AAPA: &str = "AAPA Category 1 CME credit";
/// Continuing education units (1 CEU = 10 contact hours).
pub const CEU: &str = "CEU";
/// Contact hours of no named accreditor.
pub const CONTACT_HOURS: &str = "contact hours";
/// Plain hours of participation.
pub const HOURS: &str = "hours";

/// The credit types from the principal to the most generic: when a page names several (an
/// AMA credit and the MOC points it also earns), the principal one is what was awarded.
const RANK: [&str; 14] = [
    AMA_1,
    ECMEC,
    AOA,
    AAPA,
    AAFP,
    ANCC,
    ACPE,
    AMA_2,
    ABIM_MOC,
    MOC,
    CPD,
    CONTACT_HOURS,
    CEU,
    HOURS,
];

/// How high a credit type stands in `RANK` (lower is more principal).
pub(super) fn rank(kind: &str) -> usize {
    RANK.iter().position(|k| *k == kind).unwrap_or(RANK.len())
}

/// What the whole page says about who the credit is for: "contact hours" are the ANCC's on a
/// nursing certificate and the ACPE's on a pharmacy one; MOC points are the ABIM's when the
/// page names the ABIM.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Context {
    pub nursing: bool,
    pub pharmacy: bool,
    pub abim: bool,
    /// Continuing-education vocabulary anywhere on the page: without it, "10 hours" is an
    /// invoice's line, not a credit.
    pub ce: bool,
}

static NURSING: LazyLock<Regex> = LazyLock::new(|| {
    re(r"\bancc\b|american nurses credentialing|\bnurs(?:e|es|ing)\b|\bcne\b|\brn\b")
});
static PHARMACY: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\bacpe\b|\buan\b|pharmacy\s+education|cpe\s+monitor|council\s+for\s+pharmacy|\bpharmacists?\b|\bpharmd\b",
    )
});
static ABIM: LazyLock<Regex> =
    LazyLock::new(|| re(r"\babim\b|american board of internal medicine"));
static CE_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"certif|\bcme\b|\bce\b|\bcpd\b|\bcne\b|\bcpe\b|continuing\s+(?:\w+\s+)?education|contact\s+hours?|\bcredits?\b|\bceus?\b|accredit|statement\s+of\s+(?:participation|credit|attendance|completion)|\bmoc\b",
    )
});

impl Context {
    pub fn of(text: &str) -> Self {
        Context {
            nursing: NURSING.is_match(text),
            pharmacy: PHARMACY.is_match(text),
            abim: ABIM.is_match(text),
            ce: CE_WORDS.is_match(text),
        }
    }
}

/// Whether `text` uses continuing-education vocabulary ("CME", "certif", "contact hour",
/// "credit").
pub(super) fn has_ce_words(text: &str) -> bool {
    CE_WORDS.is_match(text)
}

/// Each credit pattern, most specific first: a later one overlapping an earlier match is the
/// same words read less precisely ("Category 1" inside "AOA Category 1-A").
static PATTERNS: LazyLock<Vec<(Regex, Pattern)>> = LazyLock::new(|| {
    vec![
        (
            re(r"\b(?:aoa\s+)?(?:category|cat\.?)\s*[1l|]\s*-?\s*a\b"),
            Pattern::Fixed(AOA),
        ),
        (
            re(r"\beuropean\s+(?:external\s+|live\s+)?cme\s+credits?\b|\becmecs?\b|\becmec®s?"),
            Pattern::Fixed(ECMEC),
        ),
        (
            re(r"\baapa\s+(?:category|cat\.?)\s*(?:[1l]\b|\|)"),
            Pattern::Fixed(AAPA),
        ),
        (
            re(
                r"\bama\s*pra\s*(?:category|cat\.?)\s*(?:[1li]\b|\||one\b)|\b(?:category|cat\.?)\s*(?:[1l|]|one)\s+(?:cme\s+)?credit",
            ),
            Pattern::Fixed(AMA_1),
        ),
        (
            re(r"\b(?:ama\s*pra\s*)?(?:category|cat\.?)\s*(?:2|ii|two)\b"),
            Pattern::Fixed(AMA_2),
        ),
        (
            re(r"\baafp\s+prescribed\b|\bprescribed\s+credit|\baafp\s+credit"),
            Pattern::Fixed(AAFP),
        ),
        (
            re(r"\b(?:abim\s+)?moc\s+(?:points?|credits?)\b"),
            Pattern::Moc,
        ),
        (
            re(r"\bcontact\s+(?:hours?|hrs?|hour\(s\))"),
            Pattern::Contact,
        ),
        (
            re(r"\bcpd\s+(?:points?|credits?|hours?|units?)\b"),
            Pattern::Fixed(CPD),
        ),
        (
            re(r"\bceus?\b|\bcontinuing\s+education\s+units?\b"),
            Pattern::Fixed(CEU),
        ),
        (
            re(
                r"\bhours?\s+of\s+(?:participation|credit|instruction|education|training|attendance)\b|\b\d+(?:[.,]\d+)?\s*(?:hours?|hrs?)\b|\b(?:ce|cme|cne)\s+hours?\b",
            ),
            Pattern::Fixed(HOURS),
        ),
    ]
});

#[derive(Clone, Copy)]
enum Pattern {
    Fixed(&'static str),
    Contact,
    Moc,
}

/// A credit type named in a text, with its byte span.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Mention {
    pub start: usize,
    pub end: usize,
    pub kind: &'static str,
}

fn re(pattern: &str) -> Regex {
    // The patterns are constants of this file: a failure is a bug every test run catches.
    Regex::new(&format!("(?i){pattern}")).expect("a valid credit pattern")
}

/// Every credit type `text` names, in order, read with the page's `ctx`.
pub(super) fn mentions(text: &str, ctx: Context) -> Vec<Mention> {
    let fixed = fix_digits(text);
    let mut out: Vec<Mention> = Vec::new();
    for (pattern, what) in PATTERNS.iter() {
        for m in pattern.find_iter(&fixed) {
            if out.iter().any(|o| o.start < m.end() && m.start() < o.end) {
                continue;
            }
            let kind = match what {
                Pattern::Fixed(k) => k,
                Pattern::Moc if ctx.abim || m.as_str().to_ascii_lowercase().contains("abim") => {
                    ABIM_MOC
                }
                Pattern::Moc => MOC,
                Pattern::Contact => contact_kind(&fixed, m.start(), ctx),
            };
            out.push(Mention {
                start: m.start(),
                end: m.end(),
                kind,
            });
        }
    }
    out.sort_by_key(|m| m.start);
    out
}

/// Whose contact hours: the words just before ("1.5 ANCC contact hours") decide, then the
/// page, when it is plainly a nursing or a pharmacy certificate and not both.
fn contact_kind(text: &str, at: usize, ctx: Context) -> &'static str {
    let mut from = at.saturating_sub(30);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    let before = text.get(from..at).unwrap_or("").to_ascii_lowercase();
    if before.contains("ancc") || before.contains("nursing") || before.contains("cne") {
        return ANCC;
    }
    if before.contains("acpe") || before.contains("pharmacy") || before.contains("cpe") {
        return ACPE;
    }
    match (ctx.nursing, ctx.pharmacy) {
        (true, false) => ANCC,
        (false, true) => ACPE,
        _ => CONTACT_HOURS,
    }
}

/// The canonical name of the principal credit type `text` names: "AMA PRA Category 1
/// Credit(s)TM" is "AMA PRA Category 1 Credit™", "1.5 ANCC contact hours" is "ANCC contact
/// hours", "0.15 CEU" is "CEU". `None` when it names none.
pub fn credit_type(text: &str) -> Option<&'static str> {
    mentions(text, Context::of(text))
        .into_iter()
        .map(|m| m.kind)
        .min_by_key(|k| rank(k))
}

/// What the text says about an amount.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Said {
    /// Awarded, claimed, earned.
    Awarded,
    /// The most the activity offers ("for a maximum of", "up to").
    Maximum,
    /// Neither.
    Plain,
}

/// An amount of credit found in a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Amount {
    /// Byte span of the number in the text.
    pub start: usize,
    pub end: usize,
    /// The number as a decimal without trailing zeros ("1.5", "50").
    pub value: String,
    /// The credit type its unit names, when it names one.
    pub unit: Option<&'static str>,
    /// Whether the unit is CEUs (1 CEU = 10 contact hours).
    pub ceu: bool,
    /// Whether the number is followed by a unit at all ("1.5 hours" against "1.5").
    pub has_unit: bool,
    pub said: Said,
}

static NUMBER: LazyLock<Regex> = LazyLock::new(|| re(r"\d{1,4}(?:[.,]\d{1,3})?|\.\d{1,3}"));
// OCR reads the "1" of "Category 1" as "l", "I" or "|": the patterns take them all.

/// A word before a number that makes the number part of a name or a count of something else:
/// "Category 1", "Part 2", "Module 3", "Type 2 diabetes".
static NAME_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:\b(?:category|cat\.?|part|level|tier|type|phase|stage|class|module|unit|session|chapter|vol\.?|volume|issue|no\.?|number|page|step|day|week|grade|lesson|suite|room|floor|box|ste\.?)|#)\s*$",
    )
});
static GENERIC_UNIT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^[\s*]*(?:\(s\)\s*)?(?:(?:cme|ce|cne|cpe|total)\s+)?(?:(credits?|credit\(s\)|points?)|(hours?|hour\(s\)|hrs?))\b",
    )
});
/// Words that may stand between a number and the credit type it counts ("0.75 Medical
/// Knowledge MOC points", "1.5 ANCC contact hours").
static UNIT_GAP: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^[\s*]*(?:\(s\)\s*)?(?:(?:ama|pra|aafp|aoa|aapa|ancc|acpe|abim|cme|ce|cne|cpe|ipce|medical|knowledge|mk|total|nursing|pharmacy|live|enduring)\s+){0,4}$",
    )
});
static MAX_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:maximum\s+of|\bmax(?:imum)?\.?|up\s+to|not\s+to\s+exceed|no\s+more\s+than|\bdesignate[sd]?\b.*\bfor|approved\s+for|eligible\s+for|\boffers?|\bavailable|acceptable\s+for|\bworth)\s*(?:a\s+(?:total|maximum)\s+of\s*)?$",
    )
});
static AWARD_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:\bawarded|\bearned|\bclaimed|\breceived|\bgranted|\bawards?|\bearns?|\bclaims?|\breceives?|a\s+total\s+of|\bcomplet(?:ed|ing)\b.*\bfor)\s*(?:a\s+total\s+of\s*)?$",
    )
});
static AWARD_AFTER: LazyLock<Regex> =
    LazyLock::new(|| re(r"^[^.\x1f;\n]{0,40}?\b(?:awarded|claimed|earned|received)\b"));

/// The amounts in running text: numbers followed by a credit unit ("is awarded 50 AMA PRA
/// Category 1 Credit(s)™", "for a maximum of 1.00 AMA PRA Category 1 Credit™").
pub fn amounts(text: &str) -> Vec<Amount> {
    numbers(text, Context::of(text), true)
}

/// The amounts in a labelled value ("Credits claimed: 0.75", "1*"), where the label says what
/// the number is and a unit is not needed.
pub fn value_amounts(text: &str) -> Vec<Amount> {
    numbers(text, Context::of(text), false)
}

pub(super) fn numbers(text: &str, ctx: Context, need_unit: bool) -> Vec<Amount> {
    let fixed = fix_digits(text);
    let dates = find_dates(text);
    let mut out = Vec::new();
    for m in NUMBER.find_iter(&fixed) {
        let (start, end) = (m.start(), m.end());
        if dates.iter().any(|d| d.start < end && start < d.end) || !standalone(&fixed, start, end) {
            continue;
        }
        let before = sentence_before(&fixed, start);
        if NAME_NUMBER.is_match(before) {
            continue;
        }
        let Some(value) = decimal(m.as_str()) else {
            continue;
        };
        let unit = unit_after(&fixed, end, ctx);
        if need_unit && unit.is_none() {
            continue;
        }
        let after = fixed.get(end..).unwrap_or("");
        let said = if MAX_BEFORE.is_match(before) {
            Said::Maximum
        } else if AWARD_BEFORE.is_match(before) || AWARD_AFTER.is_match(after) {
            Said::Awarded
        } else {
            Said::Plain
        };
        let (kind, ceu) = unit.unwrap_or((None, false));
        out.push(Amount {
            start,
            end,
            value,
            unit: kind,
            ceu,
            has_unit: unit.is_some(),
            said,
        });
    }
    out
}

/// A number not glued to other characters: not "H04", "$12.00", "10:30", "50%", "24-118".
fn standalone(text: &str, start: usize, end: usize) -> bool {
    let before = text.get(..start).and_then(|s| s.chars().next_back());
    let mut after = text.get(end..).unwrap_or("").chars();
    let (next, then) = (after.next(), after.next());
    let glued_before = matches!(before, Some(c) if c.is_alphanumeric() || "./-#$€£,".contains(c));
    let digit_then = matches!(then, Some(c) if c.is_ascii_digit());
    let glued_after = match next {
        Some(c) if c.is_alphanumeric() && !c.is_ascii_alphabetic() => true,
        Some('%' | '$') => true,
        Some('/' | '-' | ':' | '.' | ',') => digit_then,
        _ => false,
    };
    !glued_before && !glued_after
}

/// The text of the sentence before byte `at`, up to a sentence's or a cell's end.
fn sentence_before(text: &str, at: usize) -> &str {
    let head = text.get(..at).unwrap_or("");
    let cut = [". ", "\u{1f}", "\n", ";", "•"]
        .iter()
        .filter_map(|sep| head.rfind(sep).map(|i| i + sep.len()))
        .max()
        .unwrap_or(0);
    head.get(cut..).unwrap_or("")
}

/// The credit unit right after a number: `(kind, is CEU)`, `kind` `None` for a bare
/// "credits". `None` when no unit follows.
fn unit_after(text: &str, end: usize, ctx: Context) -> Option<(Option<&'static str>, bool)> {
    let after = text.get(end..).unwrap_or("");
    let window: String = after
        .chars()
        .take(80)
        .take_while(|c| !matches!(c, '\u{1f}' | '\n' | ';' | '('))
        .collect();
    if let Some(c) = GENERIC_UNIT.captures(&window) {
        // "1.5 hours" names hours; "2 credits" names no type until the words that follow do.
        let first = mentions(&window, ctx).into_iter().next();
        let named =
            first.filter(|m| m.start <= c.get(0).map_or(0, |g| g.end()) + 1 && m.kind != HOURS);
        if let Some(m) = named {
            return Some((Some(m.kind), m.kind == CEU));
        }
        let hours = c.get(2).is_some();
        return Some((hours.then_some(HOURS), false));
    }
    let m = mentions(&window, ctx).into_iter().next()?;
    let gap = window.get(..m.start)?;
    (UNIT_GAP.is_match(gap) && m.kind != HOURS).then_some((Some(m.kind), m.kind == CEU))
}

/// A number as a decimal without trailing zeros: "1.00" is "1", ".5" is "0.5", "1,5" is
/// "1.5" (a decimal comma), "1,000" is "1000". `None` for amounts no certificate awards: zero,
/// negative, or over 1000.
pub fn decimal(text: &str) -> Option<String> {
    let t = text.trim();
    let t = match t.split_once(',') {
        Some((a, b)) if b.len() == 3 => format!("{a}{b}"),
        Some((a, b)) => format!("{a}.{b}"),
        None => t.to_string(),
    };
    let (int, frac) = t.split_once('.').unwrap_or((t.as_str(), ""));
    if !int.bytes().chain(frac.bytes()).all(|b| b.is_ascii_digit()) || int.len() + frac.len() == 0 {
        return None;
    }
    let int = int.trim_start_matches('0');
    let frac = frac.trim_end_matches('0');
    let out = match (int.is_empty(), frac.is_empty()) {
        (true, true) => "0".to_string(),
        (true, false) => format!("0.{frac}"),
        (false, true) => int.to_string(),
        (false, false) => format!("{int}.{frac}"),
    };
    let v: f64 = out.parse().ok()?;
    (v > 0.0 && v <= 1000.0).then_some(out)
}

/// CEUs as contact hours (1 CEU = 10 contact hours), by moving the decimal point, so 0.15
/// is exactly "1.5".
pub fn ceu_to_hours(ceu: &str) -> Option<String> {
    let d = decimal(ceu)?;
    let (int, frac) = d.split_once('.').unwrap_or((&d, ""));
    let mut frac = frac.chars();
    let moved = frac.next().unwrap_or('0');
    let rest: String = frac.collect();
    decimal(&format!("{int}{moved}.{rest}"))
}
