//! Renders the IPC contract as TypeScript (`ui/src/ipc.ts`): one typed function per command,
//! plus the constants the UI would otherwise restate: the error kinds, the report's default
//! sections and the progress event.

use crate::ipc::{contract, Command};
use crate::ipc::{ReportProgress, IMPORT_PROGRESS, REPORT_PROGRESS};
use dossier_core::profile::Sections;
use dossier_core::UiErrorKind;
use std::collections::BTreeSet;
use std::fmt::Write;
use ts_rs::TS;

/// The ts-rs settings of the contract: ids are SQLite rowids, far below 2^53, so `number`.
pub fn config() -> ts_rs::Config {
    ts_rs::Config::default().with_large_int("number")
}

/// The types the commands use that live outside dossier-core, with their declarations;
/// `ReportProgress` first (it has its own comment in the file).
fn local_decls(cfg: &ts_rs::Config) -> Vec<(String, String)> {
    use crate::recovery::{BackupRow, Recovery};
    use dossier_interop::table::{Field, Mapping};
    use dossier_interop::{Confidence, Extracted, Format, Source};
    use dossier_service::archive::{ArchiveInfo, ArchiveRestored, ExportFormat, Exported};
    use dossier_service::import::{
        Action, ImportFile, ImportOptions, ImportPlan, ImportProgress, ImportRow, RowEdit, Stage,
    };
    use dossier_store::{
        BackupInfo, EvidenceProblem, Health, MissingEvidence, RestoreSummary, Restored, Salvaged,
        Tally,
    };
    vec![
        ("ReportProgress".into(), ReportProgress::decl(cfg)),
        ("BackupInfo".into(), BackupInfo::decl(cfg)),
        ("EvidenceProblem".into(), EvidenceProblem::decl(cfg)),
        ("Health".into(), Health::decl(cfg)),
        ("Restored".into(), Restored::decl(cfg)),
        ("Salvaged".into(), Salvaged::decl(cfg)),
        ("BackupRow".into(), BackupRow::decl(cfg)),
        ("Recovery".into(), Recovery::decl(cfg)),
        ("ImportOptions".into(), ImportOptions::decl(cfg)),
        ("ImportPlan".into(), ImportPlan::decl(cfg)),
        ("ImportRow".into(), ImportRow::decl(cfg)),
        ("ImportFile".into(), ImportFile::decl(cfg)),
        ("ImportProgress".into(), ImportProgress::decl(cfg)),
        ("Stage".into(), Stage::decl(cfg)),
        ("RowEdit".into(), RowEdit::decl(cfg)),
        ("Extracted".into(), Extracted::decl(cfg)),
        ("Confidence".into(), Confidence::decl(cfg)),
        ("Action".into(), Action::decl(cfg)),
        ("Format".into(), Format::decl(cfg)),
        ("Source".into(), Source::decl(cfg)),
        ("Mapping".into(), Mapping::decl(cfg)),
        ("Field".into(), Field::decl(cfg)),
        ("ExportFormat".into(), ExportFormat::decl(cfg)),
        ("Exported".into(), Exported::decl(cfg)),
        ("ArchiveInfo".into(), ArchiveInfo::decl(cfg)),
        ("ArchiveRestored".into(), ArchiveRestored::decl(cfg)),
        ("RestoreSummary".into(), RestoreSummary::decl(cfg)),
        ("Tally".into(), Tally::decl(cfg)),
        ("MissingEvidence".into(), MissingEvidence::decl(cfg)),
    ]
}

/// Every error kind, in declaration order; the match makes a new kind a compile error here.
fn error_kinds() -> Vec<UiErrorKind> {
    use UiErrorKind as K;
    let all = [
        K::Validation,
        K::NotFound,
        K::Conflict,
        K::Io,
        K::Database,
        K::Internal,
    ];
    for k in all {
        match k {
            K::Validation | K::NotFound | K::Conflict | K::Io | K::Database | K::Internal => {}
        }
    }
    all.to_vec()
}

/// `as_of` → `asOf`: the name Tauri expects for a snake_case Rust argument.
fn camel(name: &str) -> String {
    let mut out = String::new();
    let mut upper = false;
    for c in name.chars() {
        match (c, upper) {
            ('_', _) => upper = true,
            (c, true) => {
                out.extend(c.to_uppercase());
                upper = false;
            }
            (c, false) => out.push(c),
        }
    }
    out
}

/// The bound types a TS type mentions (`Array<Credential> | null` → `Credential`).
fn type_names(ts: &str, out: &mut BTreeSet<String>) {
    for word in ts.split(|c: char| !c.is_alphanumeric() && c != '_') {
        if word.starts_with(|c: char| c.is_ascii_uppercase()) && word != "Array" {
            out.insert(word.to_string());
        }
    }
}

fn json(v: impl serde::Serialize) -> String {
    // Serializing plain enums and a struct of booleans cannot fail.
    serde_json::to_string(&v).unwrap_or_default()
}

fn function(out: &mut String, c: &Command) {
    let returns = if c.returns == "null" {
        "void"
    } else {
        &c.returns
    };
    // Trailing optional arguments may be left out, as Rust reads a missing one as None.
    let required = c.args.iter().rposition(|(_, ty)| !ty.ends_with(" | null"));
    let params: Vec<String> = c
        .args
        .iter()
        .enumerate()
        .map(|(i, (name, ty))| match required {
            Some(r) if i <= r => format!("{}: {ty}", camel(name)),
            _ => format!("{}: {ty} = null", camel(name)),
        })
        .collect();
    let names: Vec<String> = c.args.iter().map(|(name, _)| camel(name)).collect();
    let doc = c.doc.trim_end();
    if !doc.is_empty() {
        out.push_str("\n/**\n");
        for line in doc.lines() {
            let _ = writeln!(out, " *{line}");
        }
        out.push_str(" */");
    }
    let args = if names.is_empty() {
        String::new()
    } else {
        format!(", {{ {} }}", names.join(", "))
    };
    let _ = write!(
        out,
        "\nexport function {}({}): Promise<{returns}> {{\n  return call<{returns}>(\"{}\"{args});\n}}\n",
        camel(c.name),
        params.join(", "),
        c.name,
    );
}

/// The whole of `ui/src/ipc.ts`.
pub fn typescript() -> String {
    let cfg = config();
    let commands = contract();
    // Named by the constants below, and by the import types declared here.
    let mut used = BTreeSet::from(["Sections", "UiErrorKind", "CredentialKind"].map(String::from));
    for c in &commands {
        c.args.iter().for_each(|(_, ty)| type_names(ty, &mut used));
        type_names(&c.returns, &mut used);
    }
    let mut out = String::from(
        "// Generated from the command table in src-tauri/src/ipc.rs by `cargo test -p dossier-app`\n\
         // with UPDATE_BINDINGS=1. Do not edit by hand: a test fails when this file drifts.\n\n",
    );
    // Types of the shell and the store, declared here rather than in bindings.ts.
    let local = local_decls(&cfg);
    let used: Vec<String> = used
        .into_iter()
        .filter(|u| !local.iter().any(|(name, _)| name == u))
        .collect();
    let _ = writeln!(
        out,
        "import type {{ {} }} from \"./bindings\";",
        used.join(", ")
    );
    out.push_str("import { call } from \"./backend\";\n");
    let kinds: Vec<String> = error_kinds().into_iter().map(json).collect();
    let _ = write!(
        out,
        "\n/** Every kind a rejected command's error can have. */\n\
         export const ERROR_KINDS: readonly UiErrorKind[] = [{}];\n\
         \n/** What a new export includes: the report's default sections. */\n\
         export const DEFAULT_SECTIONS: Readonly<Sections> = {};\n\
         \n/** The event an export sends after each of its steps. */\n\
         export const REPORT_PROGRESS = {};\n\
         \n/** One step of an export, as the `REPORT_PROGRESS` event carries it. */\n\
         export {}\n\
         \n/** The event an import sends as it writes (an `ImportProgress`). */\n\
         export const IMPORT_PROGRESS = {};\n",
        kinds.join(", "),
        json(Sections::default()),
        json(REPORT_PROGRESS),
        ReportProgress::decl(&cfg),
        json(IMPORT_PROGRESS),
    );
    for (_, decl) in local.iter().skip(1) {
        let _ = write!(out, "\nexport {decl}\n");
    }
    let names: Vec<String> = commands.iter().map(|c| json(c.name)).collect();
    let _ = writeln!(
        out,
        "\n/** Every command name, for fakes of the backend (the dev mock, tests). */\n\
         export type CommandName =\n  | {};",
        names.join("\n  | ")
    );
    for c in &commands {
        function(&mut out, c);
    }
    out
}
