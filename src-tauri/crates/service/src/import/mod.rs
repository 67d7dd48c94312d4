//! Importing files, written once for the CLI and the app: read each file (bounded, its format
//! found from its content), validate every record through the same draft the form uses, match
//! it against the store, and write the chosen records in one transaction, or none.
//!
//! A preview and the import that follows it read the same files twice rather than holding a
//! plan between calls; the plan's digest of the files' bytes makes the second read refuse
//! files that changed in between, so what is written is what was shown.

mod certificate;
mod matcher;

use crate::{Error, Result};
use chrono::NaiveDate;
use dossier_core::{CredentialDraft, CredentialInput, CredentialKind};
use dossier_interop::table::Mapping;
use dossier_interop::{Extracted, Format, Found, InputFile, Source};
use dossier_store::{BatchRow, Provenance, Store};
use matcher::Matcher;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::path::PathBuf;
use ts_rs::TS;

/// How to read the files: the format (detected when absent) and, for a generic CSV, which
/// column fills which field (guessed from the header when absent).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct ImportOptions {
    pub format: Option<Format>,
    pub mapping: Option<Mapping>,
    /// For an encrypted Dossier archive.
    pub passphrase: Option<String>,
    /// Records the person corrected in the preview (a certificate's fields), by index: each
    /// replaces what the file gave and is validated and matched like any other.
    pub edits: Vec<RowEdit>,
}

/// A record of the preview as the person corrected it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct RowEdit {
    pub index: usize,
    pub draft: CredentialDraft,
}

/// What the import does with a record.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Action {
    Add,
    Duplicate,
    Invalid,
}

/// One record of a preview, in the shape `dossier import --json` prints.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct ImportRow {
    pub action: Action,
    pub kind: CredentialKind,
    pub title: String,
    pub issuer: Option<String>,
    pub completed: Option<String>,
    pub expires: Option<String>,
    pub hours: Option<f64>,
    pub skills: Vec<String>,
    pub source: Source,
    /// The record a duplicate matches.
    #[ts(type = "number | null")]
    pub matches: Option<i64>,
    /// Why a record is a duplicate or invalid, naming the row or field.
    pub reason: Option<String>,
    /// Where in its file: "row 12", "credentialSubject.verifiableCredential[2]".
    pub location: String,
    /// What could not be read, said plainly.
    pub notes: Vec<String>,
    /// The group it came in (a CLR's name).
    pub group: Option<String>,
    /// Names of the files kept as its evidence.
    pub evidence: Vec<String>,
    /// The whole record as it would be saved, for the preview's form.
    pub draft: CredentialDraft,
    /// For a certificate: each field read from its text, with the text it came from, keyed by
    /// the draft's field names ("title", "issuer", "completed", "hours", ...), plus "skills"
    /// (suggested from the title) and "participant" (who it is made out to). Empty otherwise.
    pub fields: BTreeMap<String, Extracted>,
    /// What the person should look at before saving; not kept with the record ("made out to
    /// someone else", "no skill of the framework matches").
    pub warnings: Vec<String>,
}

/// A file of the import, with the format it was read as.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct ImportFile {
    pub name: String,
    pub format: Format,
    /// A CSV's header and the mapping used, so the app can show and change it.
    pub headers: Vec<String>,
    pub mapping: Option<Mapping>,
}

/// A preview, or the outcome of an import.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct ImportPlan {
    pub records: Vec<ImportRow>,
    pub files: Vec<ImportFile>,
    /// SHA-256 over the files read, so an import can check it writes what was previewed.
    pub digest: String,
    /// Records written: 0 in a preview.
    pub added: usize,
    /// Their ids, for undoing the whole import.
    #[ts(type = "number[]")]
    pub ids: Vec<i64>,
}

/// Progress of an import: pages read of a certificate (OCR takes about a second a page), or
/// records written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ImportProgress {
    pub stage: Stage,
    pub done: usize,
    pub total: usize,
}

/// What an import is doing.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Stage {
    Reading,
    Writing,
}

/// Reads the files to import, each bounded before it is read.
pub fn load(paths: &[PathBuf]) -> Result<Vec<InputFile>> {
    paths
        .iter()
        .map(|p| {
            // Read to the larger bound (a scanned certificate), then held to its kind's.
            let bytes =
                dossier_store::read_bytes_bounded(p, dossier_interop::bounds::MAX_SCAN_BYTES)
                    .map_err(|e| match e {
                        // A file to import that cannot be read is the file's error, not a
                        // store's: it names the file, and nothing was written.
                        dossier_store::Error::Io { path, source } => {
                            crate::unreadable(&path, source)
                        }
                        other => other.into(),
                    })?;
            dossier_interop::bounds::check_file(&p.display().to_string(), &bytes)?;
            let name = p
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| p.display().to_string());
            Ok(InputFile::new(name, bytes))
        })
        .collect()
}

struct Entry {
    found: Found,
    input: Option<CredentialInput>,
}

/// A preview with what the import needs to write it.
pub struct Prepared {
    pub plan: ImportPlan,
    entries: Vec<Entry>,
}

/// Reads, validates and matches every record of `files`; writes nothing.
pub fn prepare(
    store: &Store,
    files: &[InputFile],
    options: &ImportOptions,
    today: NaiveDate,
) -> Result<Prepared> {
    prepare_with(store, files, options, today, &|_| {})
}

/// `prepare`, with `progress` hearing the pages read of certificates.
pub fn prepare_with(
    store: &Store,
    files: &[InputFile],
    options: &ImportOptions,
    today: NaiveDate,
    progress: &dyn Fn(ImportProgress),
) -> Result<Prepared> {
    let mut summaries = Vec::with_capacity(files.len());
    let mut found = Vec::new();
    let mut digest = Sha256::new();
    for file in files {
        digest.update((file.name.len() as u64).to_le_bytes());
        digest.update(file.name.as_bytes());
        digest.update((file.bytes.len() as u64).to_le_bytes());
        digest.update(&file.bytes);
        let format = match options.format {
            Some(f) => f,
            None => dossier_interop::detect(file)?,
        };
        let (headers, mapping) = match format {
            Format::Csv => {
                let headers = dossier_interop::table::headers(file)?;
                let mapping = options
                    .mapping
                    .clone()
                    .unwrap_or_else(|| dossier_interop::table::guess(&headers));
                (headers, Some(mapping))
            }
            _ => (Vec::new(), None),
        };
        if format == Format::Archive {
            found.extend(crate::archive::founds(file, options.passphrase.as_deref())?);
        } else if format == Format::Certificate {
            found.extend(certificate::read(file, progress)?);
        } else {
            found.extend(dossier_interop::read(file, Some(format), mapping.as_ref())?);
        }
        summaries.push(ImportFile {
            name: file.name.clone(),
            format,
            headers,
            mapping,
        });
    }
    let context = certificate::Context::load(store, &found)?;
    if let Some(c) = &context {
        for f in found.iter_mut() {
            c.suggest(f);
        }
    }
    let count = found.len();
    for edit in &options.edits {
        let f = found.get_mut(edit.index).ok_or_else(|| {
            Error::Selection(format!(
                "record {} is not in the preview (it has {})",
                edit.index + 1,
                count
            ))
        })?;
        f.draft = edit.draft.clone();
    }
    let keys = store.read(|db| db.match_keys())?;
    let mut matcher = Matcher::new(&keys);
    let mut records = Vec::with_capacity(found.len());
    let mut entries = Vec::with_capacity(found.len());
    for (i, f) in found.into_iter().enumerate() {
        let (mut row, input) = assess(&f, i, today, &mut matcher);
        row.warnings = f.hints.clone();
        row.warnings
            .extend(context.as_ref().map(|c| c.warnings(&f)).unwrap_or_default());
        records.push(row);
        entries.push(Entry { found: f, input });
    }
    let digest = digest
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    Ok(Prepared {
        plan: ImportPlan {
            records,
            files: summaries,
            digest,
            added: 0,
            ids: Vec::new(),
        },
        entries,
    })
}

/// The record's notes with what the importer could not read appended, so the stored record
/// says it too.
fn with_notes(f: &Found) -> dossier_core::CredentialDraft {
    let mut draft = f.draft.clone();
    if !f.notes.is_empty() {
        let extra = f.notes.join("\n");
        draft.notes = match draft.notes.trim() {
            "" => extra,
            own => format!("{own}\n\n{extra}"),
        };
    }
    draft
}

fn assess(
    f: &Found,
    index: usize,
    today: NaiveDate,
    matcher: &mut Matcher,
) -> (ImportRow, Option<CredentialInput>) {
    let draft = with_notes(f);
    let checked = draft.validate(today);
    let where_ = |msg: String| match f.location.as_str() {
        "" => msg,
        at => format!("{at}: {msg}"),
    };
    let mut row = ImportRow {
        action: Action::Add,
        kind: draft.kind,
        title: draft.title.trim().to_string(),
        issuer: nonempty(&draft.issuer),
        completed: nonempty(&draft.completed),
        expires: nonempty(&draft.expires),
        hours: draft.hours.trim().parse().ok(),
        skills: draft
            .skills
            .iter()
            .map(|s| s.name.trim().to_string())
            .collect(),
        source: f.source.clone(),
        matches: None,
        reason: None,
        location: f.location.clone(),
        notes: f.notes.clone(),
        group: f.group.clone(),
        evidence: f.evidence.iter().map(|a| a.name.clone()).collect(),
        draft: f.draft.clone(),
        fields: f.fields.clone(),
        warnings: Vec::new(),
    };
    let problems: Vec<String> = f
        .problems
        .iter()
        .cloned()
        .chain(
            checked
                .as_ref()
                .err()
                .into_iter()
                .flatten()
                .map(ToString::to_string),
        )
        .collect();
    if !problems.is_empty() {
        row.action = Action::Invalid;
        row.reason = Some(where_(problems.join("; ")));
        return (row, None);
    }
    let input = checked.ok();
    let Some(clean) = input.as_ref() else {
        return (row, None);
    };
    if let Some((id, why)) = matcher.find(f, clean) {
        row.action = Action::Duplicate;
        row.matches = id;
        row.reason = Some(why);
        return (row, None);
    }
    matcher.claim(f, clean, index);
    (row, input)
}

fn nonempty(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_string())
}

/// Writes the records to add (all of them, or those at `selected` indices of the plan) in one
/// transaction with their evidence; `progress` hears each hundred written.
pub fn apply(
    store: &Store,
    prepared: Prepared,
    selected: Option<&[usize]>,
    progress: &dyn Fn(ImportProgress),
) -> Result<ImportPlan> {
    let Prepared { mut plan, entries } = prepared;
    if let Some(sel) = selected {
        if let Some(&bad) = sel.iter().find(|&&i| i >= entries.len()) {
            return Err(Error::Selection(format!(
                "record {} is not in the preview (it has {})",
                bad + 1,
                entries.len()
            )));
        }
        // A record chosen but invalid (a field corrected into a bad value) stops the import
        // rather than being left out unseen.
        if let Some((i, row)) = sel
            .iter()
            .filter_map(|&i| Some((i, plan.records.get(i)?)))
            .find(|(_, r)| r.action == Action::Invalid)
        {
            return Err(Error::Selection(format!(
                "record {} cannot be saved: {}",
                i + 1,
                row.reason.as_deref().unwrap_or("it is invalid")
            )));
        }
    }
    // Marked once, so choosing 10,000 rows is not 10,000 searches of the selection.
    let mut wanted = vec![selected.is_none(); entries.len()];
    for &i in selected.unwrap_or_default() {
        wanted[i] = true;
    }
    let chosen: Vec<(usize, &Entry, &CredentialInput)> = entries
        .iter()
        .enumerate()
        .filter(|(i, _)| wanted[*i])
        .filter_map(|(i, e)| Some((i, e, e.input.as_ref()?)))
        .collect();
    let total = chosen.len();
    let files: Vec<(&str, &[u8])> = chosen
        .iter()
        .flat_map(|(_, e, _)| e.found.evidence.iter())
        .map(|a| (a.name.as_str(), &a.bytes[..]))
        .collect();
    let staged = store.stage_evidence_bytes(&files)?;
    let written = store.with_tx(|tx| {
        let mut next = 0;
        let rows = chosen.iter().map(|(_, e, input)| {
            let n = e.found.evidence.len();
            let row = BatchRow {
                input,
                staged: &staged[next..next + n],
                from: Provenance {
                    source: e.found.source.format.as_str(),
                    file: Some(&e.found.source.file),
                    reference: e.found.source.id.as_deref(),
                    uuid: e.found.uuid.as_deref(),
                },
            };
            next += n;
            row
        });
        dossier_store::insert_batch(tx, rows, |done| {
            if done % 100 == 0 {
                progress(ImportProgress {
                    stage: Stage::Writing,
                    done,
                    total,
                });
            }
        })
    });
    let ids = match written {
        Ok(ids) => ids,
        Err(e) => {
            store.discard_staged(&staged);
            return Err(e.into());
        }
    };
    progress(ImportProgress {
        stage: Stage::Writing,
        done: total,
        total,
    });
    plan.added = ids.len();
    plan.ids = ids;
    Ok(plan)
}

/// The whole import, as both front ends run it: read, preview, and (unless `dry_run`) write.
/// `digest`, when given, is the preview's: files that changed since are refused.
pub fn import(
    store: &Store,
    paths: &[PathBuf],
    options: &ImportOptions,
    run: Run<'_>,
    today: NaiveDate,
    progress: &dyn Fn(ImportProgress),
) -> Result<ImportPlan> {
    let files = load(paths)?;
    let prepared = prepare_with(store, &files, options, today, progress)?;
    if let Some(d) = run.digest {
        if d != prepared.plan.digest {
            return Err(Error::Selection(
                "the files changed since the preview; preview them again".into(),
            ));
        }
    }
    if run.dry_run {
        return Ok(prepared.plan);
    }
    apply(store, prepared, run.selected, progress)
}

/// How `import` runs: a preview, or a write of all or some records.
#[derive(Clone, Copy, Debug, Default)]
pub struct Run<'a> {
    pub dry_run: bool,
    pub selected: Option<&'a [usize]>,
    pub digest: Option<&'a str>,
}

/// Undoes an import: its records are removed (softly) in one transaction.
pub fn undo(store: &Store, ids: &[i64]) -> Result<usize> {
    Ok(store.remove_many(ids)?)
}
