// Presentation only: how values coming from Rust are written on screen. Nothing here decides
// anything about the data (no validation, no expiry arithmetic); Rust owns those.

import type { Credential, CredentialKind, FieldError, FieldPath, KindInfo } from "./bindings";

export const DATE_PLACEHOLDER = "YYYY-MM-DD, YYYY-MM or YYYY";

/** Labels as Rust gave them; falls back to the identifier so a new kind still shows. */
export class KindLabels {
  private readonly map: Map<CredentialKind, string>;
  readonly options: readonly KindInfo[];

  constructor(options: readonly KindInfo[]) {
    this.options = options;
    this.map = new Map(options.map((o) => [o.kind, o.label]));
  }

  label(kind: CredentialKind): string {
    return this.map.get(kind) ?? kind;
  }
}

/**
 * The completion column. Partial dates ("2021-03", "2019") are shown exactly as stored:
 * turning "2021-03" into a day would invent precision the record does not have.
 */
export function completionText(c: Pick<Credential, "status" | "completed">): string {
  if (c.status === "in-progress") {
    return c.completed ? `In progress, expected ${c.completed}` : "In progress";
  }
  return c.completed ?? "—";
}

/** Hours with a decimal point whatever the locale, matching what the form accepts. */
export function numberText(n: number): string {
  if (Number.isInteger(n)) return String(n);
  return n.toFixed(2).replace(/0+$/, "").replace(/\.$/, "");
}

export function hoursText(hours: number | null): string {
  return hours === null ? "" : `${numberText(hours)} h`;
}

/** "12 h · AMA PRA Category 1", or just one of the two, or "—". */
export function hoursAndCredit(c: Pick<Credential, "hours" | "credit_type">): string {
  const parts = [hoursText(c.hours), c.credit_type ?? ""].filter((p) => p !== "");
  return parts.length ? parts.join(" · ") : "—";
}

export function relevanceText(r: number): string {
  return numberText(Math.round(r * 100) / 100);
}

export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ["KB", "MB", "GB"];
  let v = bytes / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v < 10 ? v.toFixed(1) : Math.round(v)} ${units[i]}`;
}

/** A stored timestamp as local "YYYY-MM-DD HH:MM"; unparseable text is shown as given. */
export function timestampText(raw: string): string {
  const d = new Date(raw);
  if (Number.isNaN(d.getTime())) return raw;
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Field names (of CredentialDraft and the other forms) as a person reads them. */
export const FIELD_LABELS: Record<string, string> = {
  kind: "Kind",
  title: "Title",
  issuer: "Issuer",
  started: "Started",
  completed: "Completed",
  expires: "Expires",
  hours: "Hours",
  credit_type: "Credit type",
  credential_id: "Credential ID",
  url: "Verification URL",
  notes: "Notes",
  skills: "Skills",
  name: "Name",
  relevance: "Relevance",
  ends: "Cycle ends",
  cycle_months: "Cycle length",
  topics: "Topics",
  caps: "Caps",
  windows: "Rolling windows",
  first_cycle: "First cycle",
  credential: "Linked credential",
  skill: "Skill",
  label: "Label",
  max_hours: "Maximum hours",
  months: "Months",
  date: "Date",
  announced: "Announced",
  effective: "Effective from",
  what: "What applies",
  jurisdiction: "Jurisdiction",
  note: "Note",
  impact: "Impact",
  source: "Source",
  half_life_years: "Half-life",
  warning_days: "Warning days",
  default_half_life: "Default half-life",
  as_of: "As-of date",
  email: "Email",
  phone: "Phone",
  location: "Location",
  website: "Website",
  jurisdictions: "Practises in",
};

/** What one row of a list field is called: "skills[2]" is "Skill 3". */
const ROW_NAMES: Record<string, string> = { skills: "Skill", topics: "Topic", caps: "Cap", windows: "Window", effective: "Phase", jurisdictions: "Jurisdiction" };

/** Where an error points: Rust's typed path, or for the UI's own errors its plain field name. */
export function pathOf(e: Pick<FieldError, "field" | "path">): FieldPath {
  return e.path ?? { field: e.field, index: null, id: null, sub: null };
}

/** True when `e` names a column of row `index` of the list `list` ("skills[2].relevance"). */
export function isRowField(e: Pick<FieldError, "field" | "path">, list: string, index: number): boolean {
  const p = pathOf(e);
  return p.field === list && p.index === index && p.sub !== null;
}

/** "skills[2].relevance" is "Skill 3 relevance", "jurisdictions[0]" is "Jurisdiction 1". */
export function fieldLabel(e: Pick<FieldError, "field" | "path">): string {
  const p = pathOf(e);
  if (p.id !== null) return e.field;
  if (p.index !== null) {
    const row = `${ROW_NAMES[p.field] ?? p.field} ${p.index + 1}`;
    return p.sub === null ? row : `${row} ${(FIELD_LABELS[p.sub] ?? p.sub).toLowerCase()}`;
  }
  return FIELD_LABELS[p.field] ?? p.field;
}

/**
 * Rust's messages are written to follow the field's name ("title: is required"). Under a
 * field they read better as "Title is required"; messages that already stand alone ("'abc'
 * is not a number") are shown unchanged apart from a capital first letter.
 */
export function fieldMessage(e: Pick<FieldError, "field" | "path" | "message">): string {
  const message = e.message;
  if (/^(is|are|has|have|must|should|cannot|may)\b/.test(message)) {
    // Under a row (a skill, a topic) the row itself says which one; the column name is enough.
    const column = pathOf(e).sub;
    const label = column !== null ? (FIELD_LABELS[column] ?? column) : fieldLabel(e);
    return `${label} ${message}`;
  }
  return message.charAt(0).toUpperCase() + message.slice(1);
}

/** "on-track" as "on track": identifiers from Rust as words. */
export function wordOf(id: string): string {
  return id.replace(/-/g, " ");
}

/** "2 years", "2.5 years", "1 year". */
export function yearsText(years: number): string {
  return `${numberText(years)} ${years === 1 ? "year" : "years"}`;
}

/** A 0..1 share from Rust (coverage earned/current) as a whole percentage: "96%". */
export function percentText(share: number): string {
  return `${Math.round(share * 100)}%`;
}
