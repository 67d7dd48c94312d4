// Generated from the Rust types in src-tauri/crates/core by `cargo test -p dossier-core`
// with UPDATE_BINDINGS=1. Do not edit by hand: a test fails when this file drifts.

export type CredentialKind = "degree" | "graduate-certificate" | "certification" | "board-certification" | "executive-education" | "micro-credential" | "ce-activity" | "experience";

export type KindInfo = { kind: CredentialKind, label: string, };

export type AppInfo = { db_path: string, evidence_dir: string, version: string, records: number, };

export type Status = "in-progress" | "completed";

export type SkillTag = { name: string, relevance: number, };

export type Evidence = { name: string, sha256: string, size: number, media_type: string | null, added_at: string, };

export type CredentialInput = { kind: CredentialKind, status: Status, title: string, issuer: string | null, started: string | null, 
/**
 * Completion date, or the expected one while in progress.
 */
completed: string | null, expires: string | null, hours: number | null, credit_type: string | null, credential_id: string | null, url: string | null, notes: string | null, verified: boolean, skills: Array<SkillTag>, };

export type Credential = { id: number, kind: CredentialKind, status: Status, title: string, issuer: string | null, started: string | null, 
/**
 * Completion date, or the expected one while in progress.
 */
completed: string | null, expires: string | null, hours: number | null, credit_type: string | null, credential_id: string | null, url: string | null, notes: string | null, verified: boolean, skills: Array<SkillTag>, evidence: Array<Evidence>, 
/**
 * Where the record came from: `manual`, `demo`, or an importer's name.
 */
source: string, created_at: string, updated_at: string, 
/**
 * The record's identity across exports, imports and devices (a UUID v7 the store
 * assigns); it never changes. Empty on records the store did not make.
 */
uuid: string, 
/**
 * The file an imported record came from, as its name (not a path to open).
 */
source_file: string | null, 
/**
 * The credential's own id in that file (an assertion URL, a `urn:uuid:`), which a
 * second import of the same file matches on.
 */
source_ref: string | null, };

export type SkillDraft = { name: string, relevance: string, };

export type CredentialDraft = { kind: CredentialKind, in_progress: boolean, title: string, issuer: string, started: string, completed: string, expires: string, hours: string, credit_type: string, credential_id: string, url: string, notes: string, verified: boolean, skills: Array<SkillDraft>, };

export type FieldPath = { 
/**
 * The draft's field, or the list's name (`skills`, `nodes`).
 */
field: string, 
/**
 * The entry's position in the list, from 0.
 */
index: number | null, 
/**
 * The entry's id, when the list names its entries by id.
 */
id: string | null, 
/**
 * The entry's own field (`relevance`).
 */
sub: string | null, };

export type FieldError = { field: string, 
/**
 * Optional in TypeScript only: the UI still builds some errors itself (`{field,
 * message}`) and must keep compiling while it moves to reading `path`.
 * Boxed: errors travel in `Result`s, and the path's four parts would make every one of
 * them large.
 */
path?: FieldPath, message: string, };

export type SortKey = "recent" | "title" | "kind" | "expires" | "added";

export type ListQuery = { 
/**
 * Full-text search over title, issuer, notes and skills; words match as prefixes.
 */
search: string | null, kind: CredentialKind | null, 
/**
 * Records carrying this skill (case-insensitive, exact name).
 */
skill: string | null, sort: SortKey, 
/**
 * At most this many records (a page); all when absent.
 */
limit?: number, 
/**
 * Records to skip before the page starts.
 */
offset?: number, };

export type UiErrorKind = "validation" | "not-found" | "conflict" | "io" | "database" | "internal";

export type UiError = { kind: UiErrorKind, message: string, fields: Array<FieldError>, };

export type SkillArea = { name: string, half_life_years: number, description: string | null, };

export type SkillInfo = { name: string, half_life_years: number | null, description: string | null, records: number, };

export type Phase = { date: string, 
/**
 * What applies from then, e.g. "high-risk obligations (Annex III)"; may be empty.
 */
what: string, };

export type FieldChange = { id: number, 
/**
 * When its content became public. Older exports call it `date`.
 */
announced: string, 
/**
 * When it applies, in date order; empty when it applies on announcement.
 */
effective: Array<Phase>, title: string, 
/**
 * Where it applies ("EU", "US", ...); none: everywhere.
 */
jurisdiction: string | null, skills: Array<string>, 
/**
 * How much of earlier training it invalidates, 0..1.
 */
impact: number, source: string | null, 
/**
 * Context a person should know, e.g. the draft it replaced.
 */
note: string | null, };

export type PhaseDraft = { date: string, what: string, };

export type FieldChangeDraft = { announced: string, effective: Array<PhaseDraft>, title: string, 
/**
 * Empty: everywhere.
 */
jurisdiction: string, skills: Array<string>, 
/**
 * 0..1.
 */
impact: string, source: string, note: string, };

export type Freshness = "current" | "ageing" | "stale" | "expiring" | "expired";

export type ReasonKind = "expired" | "expiring" | "half-life" | "field-change" | "cycle-deadline";

export type Reason = { kind: ReasonKind, 
/**
 * The status this reason alone would give.
 */
status: Freshness, text: string, };

export type Assessment = { id: number, title: string, status: Freshness, 
/**
 * The record's own freshness (0..1) before refreshing by newer records; 1 in progress.
 */
freshness: number, reasons: Array<Reason>, };

export type RecordState = "completed" | "practice" | "in-progress" | "not-yet";

export type RecordRef = { id: number, title: string, 
/**
 * Its completion date as typed, or "ongoing" for current practice.
 */
when: string, };

export type SkillDetail = { name: string, relevance: number, half_life_years: number, 
/**
 * No skill area names it, so the default half-life applies.
 */
default_half_life: boolean, 
/**
 * `2^(-age / half-life)` for this record (1 when not aged).
 */
freshness: number, 
/**
 * A newer record, or ongoing practice, that keeps this skill current.
 */
refreshed_by: RecordRef | null, };

export type ChangeRelation = "covers" | "predates" | "covered-later" | "minor" | "outside" | "not-judged";

export type ChangeDetail = { id: number, title: string, announced: string, jurisdiction: string | null, 
/**
 * The record's skills the change names.
 */
skills: Array<string>, 
/**
 * Impact times the record's highest relevance to those skills.
 */
share: number, relation: ChangeRelation, 
/**
 * `relation` as the short word shown beside the change.
 */
label: string, covered_by: RecordRef | null, text: string, };

export type Explanation = { 
/**
 * Exactly what the dashboard shows for the record.
 */
assessment: Assessment, as_of: string, state: RecordState, age_days: number | null, 
/**
 * Freshness with refreshed skills counted as fresh; the half-life rule reads this.
 */
effective_freshness: number | null, 
/**
 * Where the record stands and how it was aged, in words.
 */
basis: string, 
/**
 * The rule that set the status, in words.
 */
rule: string, skills: Array<SkillDetail>, changes: Array<ChangeDetail>, };

export type Renewal = { previous_completed: string | null, previous_expires: string | null, completed: string, expires: string | null, renewed_at: string, };

export type RenewalDraft = { completed: string, expires: string, };

export type Topic = { 
/**
 * A skill name; activities tagged with it count.
 */
skill: string, hours: number, 
/**
 * Required on top of the total instead of inside it.
 */
on_top: boolean, first_cycle_only: boolean, };

export type Cap = { label: string, max_hours: number, 
/**
 * Which activities the cap limits; every given condition must hold.
 */
kind: CredentialKind | null, credit_type: string | null, skill: string | null, };

export type RollingWindow = { months: number, hours: number, };

export type Requirement = { id: number, name: string, 
/**
 * Last day of the current cycle (the renewal date).
 */
ends: string, cycle_months: number, hours: number, credit_type: string | null, topics: Array<Topic>, caps: Array<Cap>, windows: Array<RollingWindow>, 
/**
 * This is the first cycle after licensure (first-cycle-only topics apply).
 */
first_cycle: boolean, 
/**
 * The credential this requirement renews, if recorded.
 */
credential: number | null, };

export type TopicDraft = { skill: string, hours: string, on_top: boolean, first_cycle_only: boolean, };

export type CapDraft = { label: string, max_hours: string, kind: string, credit_type: string, skill: string, };

export type WindowDraft = { months: string, hours: string, };

export type RequirementDraft = { name: string, 
/**
 * Last day of the cycle, YYYY-MM-DD.
 */
ends: string, cycle_months: string, hours: string, credit_type: string, topics: Array<TopicDraft>, caps: Array<CapDraft>, windows: Array<WindowDraft>, first_cycle: boolean, 
/**
 * The credential this requirement renews, chosen from a list rather than typed.
 */
credential: number | null, };

export type PartProgress = { name: string, required: number, counted: number, remaining: number, };

export type CountedActivity = { id: number, title: string, date: string, hours: number, 
/**
 * Hours counted after caps.
 */
counted: number, 
/**
 * The topics and caps it counted under, and why hours were left out.
 */
notes: Array<string>, };

export type CycleState = "complete" | "on-track" | "behind" | "overdue";

export type Progress = { id: number, name: string, starts: string, ends: string, 
/**
 * The total plus any on-top topics.
 */
required: number, counted: number, remaining: number, days_left: number, 
/**
 * Hours a month needed to finish on time (0 when done or overdue).
 */
pace_per_month: number, 
/**
 * Hours the elapsed share of the cycle asks for by now.
 */
expected_by_now: number, state: CycleState, topics: Array<PartProgress>, windows: Array<PartProgress>, caps: Array<PartProgress>, activities: Array<CountedActivity>, };

export type Action = "renew" | "log-activity";

export type AttentionItem = { 
/**
 * The credential's id, or the requirement's for a cycle.
 */
id: number, is_cycle: boolean, title: string, status: Freshness, reasons: Array<Reason>, action: Action, 
/**
 * Skills a new activity should cover: the record's, or a cycle's unmet topics.
 */
skills: Array<string>, };

export type StatusCounts = { current: number, ageing: number, stale: number, expiring: number, expired: number, };

export type CeHours = { months: number, hours: number, };

export type Dashboard = { as_of: string, counts: StatusCounts, 
/**
 * CE hours in the last 12 and 24 months, whatever the requirements.
 */
ce_hours: Array<CeHours>, attention: Array<AttentionItem>, assessments: Array<Assessment>, cycles: Array<Progress>, };

export type UserSettings = { 
/**
 * Days before expiry (or a cycle's end) that an item counts as expiring.
 */
warning_days: number, 
/**
 * Half-life in years of skills without one of their own.
 */
default_half_life: number, 
/**
 * A desktop notification on start, at most once a day.
 */
reminders: boolean, };

export type SettingsDraft = { 
/**
 * A whole number of days; a minus sign is read (and then refused by the range), so the
 * message says what the range is rather than that "-5" is not a number.
 */
warning_days: string, default_half_life: string, reminders: boolean, };

export type HalfLife = { 
/**
 * The skill's name, trimmed.
 */
name: string, half_life_years: number, };

export type HalfLifeDraft = { name: string, half_life_years: string, };

export type Node = { id: string, name: string, 
/**
 * The domain (or sub-domain) this node belongs to; none for a top-level domain.
 */
parent: string | null, 
/**
 * How fast a skill ages; required on skills, ignored on domains.
 */
half_life_years: number | null, description: string | null, 
/**
 * Other names records may use for this skill (matched ignoring case).
 */
aliases: Array<string>, 
/**
 * Weight of the node within its parent (default 1).
 */
weight: number | null, };

export type Framework = { format: string, id: string, name: string, description: string | null, 
/**
 * Where the framework comes from, and under which licence.
 */
citation: string | null, nodes: Array<Node>, };

export type FrameworkInfo = { id: string, name: string, builtin: boolean, active: boolean, skills: number, };

export type NodeDraft = { id: string, name: string, 
/**
 * The parent's id; empty for a top-level domain.
 */
parent: string, 
/**
 * Years, as typed; empty for a domain (and for a skill, which the rules then refuse).
 */
half_life_years: string, description: string, aliases: Array<string>, weight: number | null, };

export type FrameworkDraft = { format: string, id: string, name: string, description: string, citation: string | null, nodes: Array<NodeDraft>, };

export type RecordShare = { id: number, title: string, 
/**
 * Contribution to earned (0..1).
 */
earned: number, 
/**
 * Contribution to current (0..1).
 */
current: number, };

export type SkillCoverage = { id: string, name: string, half_life_years: number, weight: number, earned: number, current: number, records: Array<RecordShare>, };

export type DomainCoverage = { id: string, name: string, earned: number, current: number, skills: Array<SkillCoverage>, };

export type Coverage = { 
/**
 * The framework's name, as shown.
 */
framework: string, framework_id: string, as_of: string, domains: Array<DomainCoverage>, 
/**
 * Skill names on records that map to no skill of the framework.
 */
unmapped: Array<string>, };

export type PlanItem = { skill_id: string, skill: string, domain: string, 
/**
 * The skill as a person reads it: "Machine learning (Computer science and machine
 * learning)", or just the name when skill and domain share it.
 */
label: string, earned: number, current: number, 
/**
 * `earned - current`: how much of what was learned has gone out of date.
 */
gap: number, 
/**
 * Ranking score: the skill's weight times its gap (1 when never covered).
 */
priority: number, suggestion: string, 
/**
 * A credential whose renewal would close the gap.
 */
renew: number | null, };

export type CoverageView = { coverage: Coverage, chart_svg: string, plan: Array<PlanItem>, };

export type Profile = { name: string, title: string, email: string, phone: string, location: string, website: string, 
/**
 * Where the person practises ("US", "EU", ...): field changes elsewhere are shown as
 * information, not as reasons. Empty: everywhere.
 */
jurisdictions: Array<string>, };

export type Sections = { summary: boolean, chart: boolean, credentials: boolean, ce: boolean, requirements: boolean, evidence: boolean, 
/**
 * Status and its reason for each credential.
 */
statuses: boolean, };

export type ReportPreview = { svg: string, pages: number, };
