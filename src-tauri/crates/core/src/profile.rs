//! The portfolio owner's profile and the report's options: set in the app, used by the PDF.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

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
