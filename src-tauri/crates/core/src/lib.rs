//! Dossier's domain: the credential record, its kinds, its dates and its validation.
//!
//! Pure: no I/O, no clock. Functions that need "today" take it as an argument so that the same
//! data and the same date give the same answer everywhere (app, CLI, PDF).

pub mod dashboard;
pub mod date;
pub mod draft;
pub mod model;
pub mod query;
pub mod requirements;
pub mod staleness;
pub mod synth;
pub mod ui_error;

pub use date::{DateError, PartialDate};
pub use draft::{CredentialDraft, FieldError, SkillDraft};
pub use model::{
    AppInfo, Credential, CredentialInput, CredentialKind, Evidence, KindInfo, SkillTag, Status,
};
pub use query::{ListQuery, SortKey};
pub use ui_error::{UiError, UiErrorKind};

/// Every type the UI sees, as TypeScript declarations in one file (`ui/src/bindings.ts`).
/// A test compares this with the committed file so that the two cannot drift.
pub fn typescript_bindings() -> String {
    use ts_rs::{Config, TS};
    let cfg = Config::default();
    let decls = [
        CredentialKind::decl(&cfg),
        KindInfo::decl(&cfg),
        AppInfo::decl(&cfg),
        Status::decl(&cfg),
        SkillTag::decl(&cfg),
        Evidence::decl(&cfg),
        CredentialInput::decl(&cfg),
        Credential::decl(&cfg),
        SkillDraft::decl(&cfg),
        CredentialDraft::decl(&cfg),
        FieldError::decl(&cfg),
        SortKey::decl(&cfg),
        ListQuery::decl(&cfg),
        UiErrorKind::decl(&cfg),
        UiError::decl(&cfg),
    ];
    let mut out = String::from(
        "// Generated from the Rust types in src-tauri/crates/core by `cargo test -p dossier-core`\n\
         // with UPDATE_BINDINGS=1. Do not edit by hand: a test fails when this file drifts.\n",
    );
    for d in decls {
        out.push_str("\nexport ");
        out.push_str(&d);
        out.push('\n');
    }
    out
}
