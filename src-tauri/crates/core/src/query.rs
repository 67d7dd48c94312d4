//! What the list view, `dossier list` and the benchmarks ask the store for.

use crate::model::CredentialKind;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum SortKey {
    /// Latest completion (or expected completion) first; the natural order of a CV.
    #[default]
    Recent,
    Title,
    Kind,
    /// Soonest expiry first; records without an expiry last.
    Expires,
    /// Most recently added first.
    Added,
}

impl std::str::FromStr for SortKey {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "recent" => Ok(Self::Recent),
            "title" => Ok(Self::Title),
            "kind" => Ok(Self::Kind),
            "expires" => Ok(Self::Expires),
            "added" => Ok(Self::Added),
            _ => Err(format!(
                "unknown sort '{s}'; expected recent, title, kind, expires or added"
            )),
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct ListQuery {
    /// Full-text search over title, issuer, notes and skills; words match as prefixes.
    pub search: Option<String>,
    pub kind: Option<CredentialKind>,
    /// Records carrying this skill (case-insensitive, exact name).
    pub skill: Option<String>,
    pub sort: SortKey,
    /// At most this many records (a page); all when absent.
    #[ts(optional)]
    pub limit: Option<u32>,
    /// Records to skip before the page starts.
    #[ts(optional)]
    pub offset: Option<u32>,
}
