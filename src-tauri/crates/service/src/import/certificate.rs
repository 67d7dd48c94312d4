//! What an import adds to a certificate's fields from the store: skills suggested from its
//! title against the active framework, and a warning when the certificate is made out to
//! someone other than the profile's name. Both are shown in the preview; the warning is not
//! kept with the record.

use super::{ImportProgress, Stage};
use crate::Result;
use dossier_core::framework::Framework;
use dossier_core::suggest::suggest_skills;
use dossier_core::SkillDraft;
use dossier_interop::certificate::{self, Tools};
use dossier_interop::{Confidence, Extracted, Format, Found, InputFile};
use dossier_store::Store;

/// A certificate's records, with the pages read reported to `progress`.
pub(super) fn read(file: &InputFile, progress: &dyn Fn(ImportProgress)) -> Result<Vec<Found>> {
    let report = |done: usize, total: usize| {
        progress(ImportProgress {
            stage: Stage::Reading,
            done,
            total,
        })
    };
    Ok(certificate::read(file, &Tools::system(), &report)?)
}

/// The store's part: the active framework with every alias, and the profile's name.
pub(super) struct Context {
    framework: Framework,
    aliases: Vec<(String, String)>,
    name: String,
}

impl Context {
    /// Read only when the import holds a certificate.
    pub(super) fn load(store: &Store, found: &[Found]) -> Result<Option<Context>> {
        if !found.iter().any(is_certificate) {
            return Ok(None);
        }
        Ok(Some(store.read(|db| {
            let id = db.active_framework_id()?;
            let framework = db.framework(&id)?;
            let aliases = framework.skill_aliases(&db.aliases(&id)?);
            Ok(Context {
                framework,
                aliases,
                name: db.profile()?.name,
            })
        })?))
    }

    /// Fills a certificate's skills from its title when it names a skill of the framework,
    /// and records in `fields["skills"]` what matched, or that nothing did.
    pub(super) fn suggest(&self, f: &mut Found) {
        if !is_certificate(f) || !f.draft.skills.is_empty() {
            return;
        }
        let title = f.draft.title.clone();
        let found = suggest_skills(&title, &self.framework, &self.aliases);
        let note = if found.is_empty() {
            format!(
                "no skill of the framework '{}' is named in the title; add skills yourself",
                self.framework.name
            )
        } else {
            let matched: Vec<String> = found
                .iter()
                .map(|s| format!("'{}' for {}", s.matched, s.skill))
                .collect();
            format!("suggested from the title: {}", matched.join(", "))
        };
        f.draft.skills = found
            .iter()
            .map(|s| SkillDraft {
                name: s.skill.clone(),
                relevance: String::new(),
            })
            .collect();
        let value: Vec<&str> = found.iter().map(|s| s.skill.as_str()).collect();
        f.fields.insert(
            "skills".into(),
            Extracted {
                value: value.join(", "),
                snippet: title,
                confidence: Confidence::Low,
                note: Some(note),
            },
        );
    }

    /// What to look at before saving a certificate's record.
    pub(super) fn warnings(&self, f: &Found) -> Vec<String> {
        let mut out = Vec::new();
        if let Some(p) = f.fields.get("participant") {
            if !self.name.trim().is_empty() && !same_person(&p.value, &self.name) {
                out.push(format!(
                    "the certificate is made out to '{}', not to the profile's name '{}'",
                    p.value,
                    self.name.trim()
                ));
            }
        }
        // Said only while the record still has no skill: the person may have added some.
        if let Some(s) = f.fields.get("skills").filter(|_| f.draft.skills.is_empty()) {
            if s.value.is_empty() {
                out.extend(s.note.clone());
            }
        }
        out
    }
}

fn is_certificate(f: &Found) -> bool {
    f.source.format == Format::Certificate
}

/// Whether a name as printed ("Dr. Jane Q. Doe, MD") is the profile's ("Jane Doe"): every
/// word of the shorter is in the longer, ignoring case, periods, titles and degrees.
pub fn same_person(printed: &str, profile: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| c.is_whitespace() || c == ',')
            .map(|w| w.trim_matches('.').to_lowercase())
            .filter(|w| w.chars().count() > 1)
            .collect()
    };
    let (a, b) = (words(printed), words(profile));
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    !short.is_empty() && short.iter().all(|w| long.contains(w))
}
