// Sample data that the dev mock (a browser preview of the UI) and the unit tests both use, so
// the two fakes build records and frameworks the same way. Neither ships: the production
// bundle imports neither.

import type { Credential, CredentialDraft, Node } from "./bindings";
import type { ImportPlan, ImportRow } from "./ipc";

/**
 * A completed record with every optional field empty, in the field order of Rust's
 * `Credential`; `p` fills in the rest.
 */
export function sampleCredential(p: Partial<Credential>): Credential {
  return {
    id: 1,
    kind: "certification",
    status: "completed",
    title: "",
    issuer: null,
    started: null,
    completed: null,
    expires: null,
    hours: null,
    credit_type: null,
    credential_id: null,
    url: null,
    notes: null,
    verified: false,
    skills: [],
    evidence: [],
    source: "manual",
    created_at: "",
    updated_at: "",
    // Distinct per id, as the store's are; only their being present and stable matters here.
    uuid: `0190a000-0000-7000-8000-${String(p.id ?? 1).padStart(12, "0")}`,
    source_file: null,
    source_ref: null,
    ...p,
  };
}

/** A framework node with no description or weight of its own. */
export const node = (id: string, name: string, parent: string | null, half: number | null, aliases: string[] = []): Node => ({
  id, name, parent, half_life_years: half, description: null, aliases, weight: null,
});

/** The first two domains of the Healthcare AI framework and their three skills. */
export function healthcareAiNodes(): Node[] {
  return [
    node("clinical", "Clinical medicine", null, null),
    node("clinical.medicine", "Clinical medicine", "clinical", 5, ["Medicine"]),
    node("clinical.workflow", "Clinical workflow", "clinical", 5),
    node("csml", "Computer science and machine learning", null, null),
    node("csml.ml", "Machine learning", "csml", 2.5, ["ML"]),
  ];
}

/**
 * A record of an import preview that would be added, read from row 2 of `records.csv`. Its
 * draft (the whole record as it would be saved) follows the row's fields unless given.
 */
export function sampleImportRow(p: Partial<ImportRow> = {}): ImportRow {
  const row: Omit<ImportRow, "draft"> = {
    action: "add",
    kind: "certification",
    title: "",
    issuer: null,
    completed: null,
    expires: null,
    hours: null,
    skills: [],
    source: { format: "csv", file: "records.csv", id: null },
    matches: null,
    reason: null,
    location: "row 2",
    notes: [],
    group: null,
    evidence: [],
    fields: {},
    warnings: [],
    ...p,
  };
  return { ...row, draft: p.draft ?? draftOfRow(row) };
}

/** The draft a row's fields give, as Rust's preview sends it beside them. */
export function draftOfRow(r: Omit<ImportRow, "draft">): CredentialDraft {
  return {
    kind: r.kind, in_progress: false, title: r.title, issuer: r.issuer ?? "", started: "", completed: r.completed ?? "",
    expires: r.expires ?? "", hours: r.hours === null ? "" : String(r.hours), credit_type: "", credential_id: "", url: "",
    notes: "", verified: false, skills: r.skills.map((name) => ({ name, relevance: "" })),
  };
}

/** A preview of `records` (nothing written yet): `files` read, a digest, no ids. */
export function sampleImportPlan(p: Partial<ImportPlan> = {}): ImportPlan {
  return { records: [], files: [], digest: "0".repeat(64), added: 0, ids: [], ...p };
}
