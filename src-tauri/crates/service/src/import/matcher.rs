//! Finding the record an imported one repeats: the same Dossier identity, the same credential
//! id in its file, the same credential id (licence number) from the same issuer, or the same
//! title, issuer and date; in the store or earlier in the same import.

use dossier_core::CredentialInput;
use dossier_interop::Found;
use dossier_store::MatchKey;
use std::collections::HashMap;

/// Text compared without case or repeated spaces: "Board  of X" and "board of x" match.
fn norm(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Where a record was seen: in the store (an id), or earlier in this import (a row).
#[derive(Clone, Copy)]
enum Seen {
    Stored { id: i64, removed: bool },
    Row(usize),
}

/// Finds a record the store (or this import, earlier) already has: by Dossier identity, by
/// the credential's own id in its file, by credential id (licence number) from the same
/// issuer, then by title, issuer and date.
pub(super) struct Matcher {
    uuid: HashMap<String, Seen>,
    reference: HashMap<String, Seen>,
    credential_id: HashMap<String, (Option<String>, Seen)>,
    title: HashMap<(String, String, String), Seen>,
}

impl Matcher {
    pub(super) fn new(keys: &[MatchKey]) -> Self {
        let mut m = Matcher {
            uuid: HashMap::new(),
            reference: HashMap::new(),
            credential_id: HashMap::new(),
            title: HashMap::new(),
        };
        for k in keys {
            let seen = Seen::Stored {
                id: k.id,
                removed: k.removed,
            };
            if !k.uuid.is_empty() {
                m.uuid.insert(k.uuid.clone(), seen);
            }
            // A removed record keeps only its identity: anything else of it may be added anew.
            if k.removed {
                continue;
            }
            if let Some(r) = &k.source_ref {
                m.reference.insert(r.clone(), seen);
            }
            if let Some(c) = &k.credential_id {
                m.credential_id
                    .insert(norm(c), (k.issuer.as_deref().map(norm), seen));
            }
            m.title.insert(
                title_key(&k.title, k.issuer.as_deref(), k.completed.as_deref()),
                seen,
            );
        }
        m
    }

    pub(super) fn find(&self, f: &Found, c: &CredentialInput) -> Option<(Option<i64>, String)> {
        let say = |seen: Seen, by: &str| match seen {
            Seen::Stored { id, removed: false } => (Some(id), format!("same {by} as record #{id}")),
            Seen::Stored { id, removed: true } => (
                Some(id),
                format!("same {by} as record #{id}, which was removed (restore it instead)"),
            ),
            Seen::Row(row) => (
                None,
                format!("same {by} as record {} of this import", row + 1),
            ),
        };
        if let Some(seen) = f.uuid.as_ref().and_then(|u| self.uuid.get(u)) {
            return Some(say(*seen, "Dossier identity"));
        }
        if let Some(seen) = f.source.id.as_ref().and_then(|r| self.reference.get(r)) {
            return Some(say(*seen, "credential id in its file"));
        }
        if let Some(cid) = &c.credential_id {
            if let Some((issuer, seen)) = self.credential_id.get(&norm(cid)) {
                let same_issuer = match (issuer, &c.issuer) {
                    (Some(a), Some(b)) => *a == norm(b),
                    _ => true,
                };
                if same_issuer {
                    return Some(say(*seen, "credential id"));
                }
            }
        }
        let completed = c.completed.map(|d| d.to_string());
        let key = title_key(&c.title, c.issuer.as_deref(), completed.as_deref());
        self.title
            .get(&key)
            .map(|seen| say(*seen, "title, issuer and date"))
    }

    /// Remembers a record this import adds, so the same one later in the files is a duplicate.
    pub(super) fn claim(&mut self, f: &Found, c: &CredentialInput, row: usize) {
        let seen = Seen::Row(row);
        if let Some(u) = &f.uuid {
            self.uuid.insert(u.clone(), seen);
        }
        if let Some(r) = &f.source.id {
            self.reference.insert(r.clone(), seen);
        }
        if let Some(cid) = &c.credential_id {
            self.credential_id
                .insert(norm(cid), (c.issuer.as_deref().map(norm), seen));
        }
        let completed = c.completed.map(|d| d.to_string());
        self.title.insert(
            title_key(&c.title, c.issuer.as_deref(), completed.as_deref()),
            seen,
        );
    }
}

fn title_key(
    title: &str,
    issuer: Option<&str>,
    completed: Option<&str>,
) -> (String, String, String) {
    (
        norm(title),
        issuer.map(norm).unwrap_or_default(),
        completed.unwrap_or_default().to_string(),
    )
}
