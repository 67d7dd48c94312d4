//! The portfolio owner's profile and the report's options: set in the app, used by the PDF.

use crate::field_change::{same_jurisdiction, MAX_JURISDICTION};
use crate::field_error::FieldError;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Longest value per field: the report sets the profile on one line at the top of page 1, and
/// an unbroken string longer than these (an address, a URL) would run off the page.
pub const LIMITS: [(&str, usize); 6] = [
    ("name", 100),
    ("title", 120),
    ("email", 80),
    ("phone", 40),
    ("location", 100),
    ("website", 80),
];

/// The person the portfolio belongs to, as set in the app.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct Profile {
    pub name: String,
    pub title: String,
    pub email: String,
    pub phone: String,
    pub location: String,
    pub website: String,
    /// Where the person practises ("US", "EU", ...): field changes elsewhere are shown as
    /// information, not as reasons. Empty: everywhere.
    pub jurisdictions: Vec<String>,
}

impl Profile {
    /// The profile as it is stored (jurisdictions trimmed, each place once whatever its
    /// case: "us" and "US" are one), or every problem with it, each naming its field. Every
    /// field is already text, so the profile is its own draft.
    pub fn validate(&self) -> Result<Profile, Vec<FieldError>> {
        let mut p = self.clone();
        let mut unique: Vec<String> = Vec::new();
        for j in self.jurisdictions.iter().map(|j| j.trim()) {
            if !unique.iter().any(|u| same_jurisdiction(u, j)) {
                unique.push(j.to_string());
            }
        }
        p.jurisdictions = unique;
        let problems = p.problems();
        if problems.is_empty() {
            Ok(p)
        } else {
            Err(problems)
        }
    }

    fn problems(&self) -> Vec<FieldError> {
        let values = [
            &self.name,
            &self.title,
            &self.email,
            &self.phone,
            &self.location,
            &self.website,
        ];
        let fields = LIMITS.iter().zip(values).filter_map(|((field, max), v)| {
            let n = v.chars().count();
            let bad = if n > *max {
                Some(format!("is too long ({n} characters; at most {max})"))
            } else if v.chars().any(char::is_control) {
                Some("must be a single line".to_string())
            } else {
                None
            };
            bad.map(|message| FieldError::new(*field, message))
        });
        let places = self.jurisdictions.iter().enumerate().filter_map(|(i, j)| {
            let bad = j.trim().is_empty()
                || j.chars().count() > MAX_JURISDICTION
                || j.chars().any(char::is_control);
            bad.then(|| {
                FieldError::entry(
                    "jurisdictions",
                    i,
                    format!(
                        "must be a name such as EU or US, one line of at most \
                         {MAX_JURISDICTION} characters (got '{j}')"
                    ),
                )
            })
        });
        fields.chain(places).collect()
    }
}

/// Which parts of the report to include.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct Sections {
    pub summary: bool,
    pub chart: bool,
    pub credentials: bool,
    pub ce: bool,
    pub requirements: bool,
    pub evidence: bool,
    /// Status and its reason for each credential.
    pub statuses: bool,
}

impl Default for Sections {
    fn default() -> Self {
        Self {
            summary: true,
            chart: true,
            credentials: true,
            ce: true,
            requirements: true,
            evidence: false,
            statuses: true,
        }
    }
}

impl Sections {
    pub const NAMES: [&'static str; 7] = [
        "summary",
        "chart",
        "credentials",
        "ce",
        "requirements",
        "evidence",
        "statuses",
    ];

    /// Only the named sections, e.g. from `--sections summary,credentials`.
    pub fn only(names: &[String]) -> Result<Self, String> {
        let mut s = Sections {
            summary: false,
            chart: false,
            credentials: false,
            ce: false,
            requirements: false,
            evidence: false,
            statuses: false,
        };
        for n in names.iter().map(|n| n.trim().to_lowercase()) {
            match n.as_str() {
                "summary" => s.summary = true,
                "chart" => s.chart = true,
                "credentials" => s.credentials = true,
                "ce" => s.ce = true,
                "requirements" => s.requirements = true,
                "evidence" => s.evidence = true,
                "statuses" => s.statuses = true,
                other => {
                    return Err(format!(
                        "unknown section '{other}'; expected: {}",
                        Sections::NAMES.join(", ")
                    ))
                }
            }
        }
        Ok(s)
    }
}

/// The first page of a report, for a preview, and how many pages the whole has.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct ReportPreview {
    pub svg: String,
    #[ts(type = "number")]
    pub pages: usize,
}

/// Everything a report is made of, computed for one as-of date: the store fills it, the
/// report typesets it, so the PDF's figures are the CLI's and the app's.
#[derive(Clone, Debug)]
pub struct Snapshot {
    pub profile: Profile,
    pub records: Vec<crate::Credential>,
    pub dashboard: crate::dashboard::Dashboard,
    pub coverage: crate::coverage::Coverage,
    pub chart_svg: String,
}
