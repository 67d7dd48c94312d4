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

export type Credential = { id: number, kind: CredentialKind, status: Status, title: string, issuer: string | null, started: string | null, completed: string | null, expires: string | null, hours: number | null, credit_type: string | null, credential_id: string | null, url: string | null, notes: string | null, verified: boolean, skills: Array<SkillTag>, evidence: Array<Evidence>, 
/**
 * Where the record came from: `manual`, `demo`, or an importer's name.
 */
source: string, created_at: string, updated_at: string, };

export type SkillDraft = { name: string, relevance: string, };

export type CredentialDraft = { kind: CredentialKind, in_progress: boolean, title: string, issuer: string, started: string, completed: string, expires: string, hours: string, credit_type: string, credential_id: string, url: string, notes: string, verified: boolean, skills: Array<SkillDraft>, };

export type FieldError = { field: string, message: string, };

export type SortKey = "recent" | "title" | "kind" | "expires" | "added";

export type ListQuery = { 
/**
 * Full-text search over title, issuer, notes and skills; words match as prefixes.
 */
search: string | null, kind: CredentialKind | null, 
/**
 * Records carrying this skill (case-insensitive, exact name).
 */
skill: string | null, sort: SortKey, };

export type UiErrorKind = "validation" | "not-found" | "conflict" | "io" | "database" | "internal";

export type UiError = { kind: UiErrorKind, message: string, fields: Array<FieldError>, };
