//! Dossier's domain: the credential record, its kinds, its dates and its validation.
//!
//! Pure: no I/O, no clock. Functions that need "today" take it as an argument so that the same
//! data and the same date give the same answer everywhere (app, CLI, PDF).

pub mod change_draft;
pub mod chart;
mod checks;
pub mod coverage;
pub mod dashboard;
pub mod date;
pub mod draft;
pub mod field_change;
pub mod field_error;
pub mod framework;
pub mod framework_draft;
pub mod model;
pub mod numbers;
pub mod profile;
pub mod query;
pub mod renewal;
pub mod requirement_draft;
pub mod requirements;
pub mod settings;
pub mod staleness;
pub mod suggest;
/// Synthetic portfolios, for benchmarks and tests only (feature `synth`).
#[cfg(feature = "synth")]
pub mod synth;
pub mod ui_error;

pub use date::{DateError, PartialDate};
pub use draft::{CredentialDraft, SkillDraft};
pub use field_error::{FieldError, FieldPath};
pub use model::{
    AppInfo, Credential, CredentialInput, CredentialKind, Evidence, KindInfo, SkillTag, Status,
};
pub use numbers::percent;
pub use query::{ListQuery, SortKey};
pub use settings::UserSettings;
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
        FieldPath::decl(&cfg),
        FieldError::decl(&cfg),
        SortKey::decl(&cfg),
        ListQuery::decl(&cfg),
        UiErrorKind::decl(&cfg),
        UiError::decl(&cfg),
        staleness::SkillArea::decl(&cfg),
        staleness::SkillInfo::decl(&cfg),
        field_change::Phase::decl(&cfg),
        field_change::FieldChange::decl(&cfg),
        change_draft::PhaseDraft::decl(&cfg),
        change_draft::FieldChangeDraft::decl(&cfg),
        staleness::Freshness::decl(&cfg),
        staleness::ReasonKind::decl(&cfg),
        staleness::Reason::decl(&cfg),
        staleness::Assessment::decl(&cfg),
        staleness::RecordState::decl(&cfg),
        staleness::RecordRef::decl(&cfg),
        staleness::SkillDetail::decl(&cfg),
        staleness::ChangeRelation::decl(&cfg),
        staleness::ChangeDetail::decl(&cfg),
        staleness::Explanation::decl(&cfg),
        staleness::Renewal::decl(&cfg),
        renewal::RenewalDraft::decl(&cfg),
        requirements::Topic::decl(&cfg),
        requirements::Cap::decl(&cfg),
        requirements::RollingWindow::decl(&cfg),
        requirements::Requirement::decl(&cfg),
        requirement_draft::TopicDraft::decl(&cfg),
        requirement_draft::CapDraft::decl(&cfg),
        requirement_draft::WindowDraft::decl(&cfg),
        requirement_draft::RequirementDraft::decl(&cfg),
        requirements::PartProgress::decl(&cfg),
        requirements::CountedActivity::decl(&cfg),
        requirements::CycleState::decl(&cfg),
        requirements::Progress::decl(&cfg),
        dashboard::Action::decl(&cfg),
        dashboard::AttentionItem::decl(&cfg),
        dashboard::StatusCounts::decl(&cfg),
        dashboard::CeHours::decl(&cfg),
        dashboard::Dashboard::decl(&cfg),
        UserSettings::decl(&cfg),
        settings::SettingsDraft::decl(&cfg),
        settings::HalfLife::decl(&cfg),
        settings::HalfLifeDraft::decl(&cfg),
        framework::Node::decl(&cfg),
        framework::Framework::decl(&cfg),
        framework::FrameworkInfo::decl(&cfg),
        framework_draft::NodeDraft::decl(&cfg),
        framework_draft::FrameworkDraft::decl(&cfg),
        coverage::RecordShare::decl(&cfg),
        coverage::SkillCoverage::decl(&cfg),
        coverage::DomainCoverage::decl(&cfg),
        coverage::Coverage::decl(&cfg),
        coverage::PlanItem::decl(&cfg),
        coverage::CoverageView::decl(&cfg),
        profile::Profile::decl(&cfg),
        profile::Sections::decl(&cfg),
        profile::ReportPreview::decl(&cfg),
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
