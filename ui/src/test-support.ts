// Shared by the unit tests only: sample records, a scripted stand-in for invoke, and the
// per-test setup of the tests that start the whole app.

import type { invoke } from "@tauri-apps/api/core";
import { afterEach, beforeEach, vi, type MockedFunction } from "vitest";
import { startApp, type App } from "./app";
import type {
  AttentionItem,
  CoverageView,
  Credential,
  CredentialDraft,
  Dashboard,
  Explanation,
  FieldError,
  FieldPath,
  Framework,
  FrameworkInfo,
  KindInfo,
  ListQuery,
  Profile,
  Progress,
  UiError,
} from "./bindings";
import { healthcareAiNodes, sampleCredential } from "./sample-data";

export const KIND_OPTIONS: KindInfo[] = [
  { kind: "degree", label: "Degree" },
  { kind: "certification", label: "Certification" },
  { kind: "ce-activity", label: "CE activity" },
];

export function credential(p: Partial<Credential> = {}): Credential {
  return sampleCredential({
    title: "AI in Clinical Practice",
    issuer: "Example Board",
    completed: "2024-05-02",
    created_at: "2025-01-02T10:00:00Z",
    updated_at: "2025-01-02T10:00:00Z",
    ...p,
  });
}

export function emptyDraft(p: Partial<CredentialDraft> = {}): CredentialDraft {
  return {
    kind: "certification",
    in_progress: false,
    title: "",
    issuer: "",
    started: "",
    completed: "",
    expires: "",
    hours: "",
    credit_type: "",
    credential_id: "",
    url: "",
    notes: "",
    verified: false,
    skills: [],
    ...p,
  };
}

export function dashboardOf(p: Partial<Dashboard> = {}): Dashboard {
  return {
    as_of: "2025-06-01",
    counts: { current: 0, ageing: 0, stale: 0, expiring: 0, expired: 0 },
    ce_hours: [],
    attention: [],
    assessments: [],
    cycles: [],
    ...p,
  };
}

export function attention(p: Partial<AttentionItem> = {}): AttentionItem {
  return {
    id: 1,
    is_cycle: false,
    title: "AWS Certified ML",
    status: "expiring",
    reasons: [{ kind: "expiring", status: "expiring", text: "Expires on 2025-06-30, in 29 days" }],
    action: "renew",
    skills: [],
    ...p,
  };
}

export function progress(p: Partial<Progress> = {}): Progress {
  return {
    id: 3,
    name: "State licence CME",
    starts: "2023-07-01",
    ends: "2025-06-30",
    required: 50,
    counted: 12.5,
    remaining: 37.5,
    days_left: 29,
    pace_per_month: 38.9,
    expected_by_now: 47.9,
    state: "behind",
    topics: [],
    windows: [],
    caps: [],
    activities: [],
    ...p,
  };
}

/** A small chart as Rust draws it: one <svg> with a title and description. */
export const CHART_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 630 448" role="img" aria-labelledby="cov-title cov-desc">' +
  '<title id="cov-title">Skills coverage: Healthcare AI</title><desc id="cov-desc">Clinical medicine: earned 96%, current 48%</desc>' +
  '<polygon points="1,1 2,2 3,1" fill="#1f6fb2"/><text x="1" y="1" fill="#2b3440">Clinical medicine</text></svg>';

/** Two domains, three skills, one unmapped name and a two-item plan (renew, then log activity). */
export function coverageViewOf(p: Partial<CoverageView> = {}): CoverageView {
  return {
    coverage: {
      framework: "Healthcare AI",
      framework_id: "healthcare-ai",
      as_of: "2026-11-27",
      domains: [
        {
          id: "clinical",
          name: "Clinical medicine",
          earned: 0.964,
          current: 0.484,
          skills: [
            {
              id: "clinical.medicine",
              name: "Clinical medicine",
              half_life_years: 5,
              weight: 2,
              earned: 1,
              current: 0.323,
              records: [
                { id: 1, title: "Doctor of Medicine <MD>", earned: 1, current: 0.231 },
                { id: 15, title: "Symposium 2025", earned: 0.116, current: 0.1 },
              ],
            },
            { id: "clinical.workflow", name: "Clinical workflow", half_life_years: 5, weight: 1, earned: 0.89, current: 0.616, records: [] },
          ],
        },
        {
          id: "csml",
          name: "Computer science and machine learning",
          earned: 0.5,
          current: 0.224,
          skills: [{ id: "csml.ml", name: "Machine learning", half_life_years: 2.5, weight: 1, earned: 0.99, current: 0.71, records: [{ id: 5, title: "AWS ML", earned: 0.7, current: 0 }] }],
        },
      ],
      unmapped: ["Quantum ML"],
    },
    chart_svg: CHART_SVG,
    plan: [
      { skill_id: "csml.ml", skill: "Machine learning", domain: "Computer science and machine learning", label: "Machine learning (Computer science and machine learning)", earned: 0.99, current: 0.71, gap: 0.28, priority: 0.28, suggestion: "Renew 'AWS ML' (expires 2025-06)", renew: 5 },
      { skill_id: "clinical.workflow", skill: "Clinical workflow", domain: "Clinical medicine", label: "Clinical workflow (Clinical medicine)", earned: 0.89, current: 0.616, gap: 0.27, priority: 0.27, suggestion: "Refresh Clinical workflow: take a current course or CME", renew: null },
    ],
    ...p,
  };
}

export const FRAMEWORKS: FrameworkInfo[] = [
  { id: "russell-2023", name: "AI competencies (Russell 2023)", builtin: true, active: false, skills: 6 },
  { id: "healthcare-ai", name: "Healthcare AI", builtin: true, active: true, skills: 3 },
];

/** The framework behind coverageViewOf, as `framework` returns it. */
export function frameworkOf(p: Partial<Framework> = {}): Framework {
  return {
    format: "dossier-framework/1",
    id: "healthcare-ai",
    name: "Healthcare AI",
    description: "AI in health care.",
    citation: "CC0",
    nodes: healthcareAiNodes(),
    ...p,
  };
}

/** "Why this status?" for record 1: two skills (one at the default half-life, one kept current) and two field changes. */
export function explanationOf(p: Partial<Explanation> = {}): Explanation {
  return {
    assessment: { id: 1, title: "AI in Clinical Practice", status: "ageing", freshness: 0.55, reasons: [{ kind: "half-life", status: "ageing", text: "55% current" }] },
    as_of: "2025-06-01",
    state: "completed",
    age_days: 395,
    effective_freshness: 0.55,
    basis: "Completed 2024-05-02, 395 days before 2025-06-01; aged by each skill's half-life.",
    rule: "Ageing: the worst its reasons give (half-life: ageing).",
    skills: [
      { name: "Machine learning", relevance: 1, half_life_years: 2.5, default_half_life: false, freshness: 0.6969, refreshed_by: null },
      { name: "Ethics <b>", relevance: 0.5, half_life_years: 3, default_half_life: true, freshness: 1, refreshed_by: { id: 9, title: "Ethics refresher", when: "2025-03" } },
    ],
    changes: [
      { id: 2, title: "EU AI Act", announced: "2024-07-12", jurisdiction: "EU", skills: ["Ethics <b>"], share: 0.25, relation: "outside", label: "elsewhere", covered_by: null, text: "Applies in EU; you practise in US: information only." },
      { id: 3, title: "FDA PCCP guidance", announced: "2024-12-04", jurisdiction: "US", skills: ["Machine learning"], share: 0.7, relation: "covered-later", label: "covered later", covered_by: { id: 9, title: "Ethics refresher", when: "2025-03" }, text: "Predates it, but 'Ethics refresher' (2025-03) covers it." },
    ],
    ...p,
  };
}

export function profileOf(p: Partial<Profile> = {}): Profile {
  return { name: "Dr. Jordan Lee", title: "Physician", email: "jl@example.org", phone: "", location: "Ann Arbor", website: "", jurisdictions: ["US"], ...p };
}

/** A report page as typst draws it: glyphs as symbols used by id, an embedded picture as a data: URI. */
export const PAGE_SVG =
  '<svg class="typst-doc" viewBox="0 0 595.2756 841.8898" width="595.2756pt" height="841.8898pt" xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:h5="http://www.w3.org/1999/xhtml">' +
  '<path class="typst-shape" fill="#ffffff" fill-rule="nonzero" d="M 0 0 L 595 0 L 595 841 L 0 841 Z "/>' +
  '<g class="typst-text" transform="matrix(1 0 0 -1 56 76)"><use xlink:href="#g1" x="0" fill="#1a1e24"/></g>' +
  '<image xlink:href="data:image/png;base64,iVBORw0KGgo=" width="10" height="10" preserveAspectRatio="none"/>' +
  '<defs id="glyph"><symbol id="g1" overflow="visible"><path d="M 1 1 L 2 2 Z "/></symbol></defs></svg>';

/**
 * Field errors as Rust sends them: with the typed path its `FieldError::at`/`entry`/`node`
 * give. Only this fake reads a path out of the text, to keep the tests' errors short.
 */
export function withPaths(fields: readonly { field: string; message: string }[]): FieldError[] {
  return fields.map(({ field, message }) => {
    const row = /^(\w+)\[(\d+)\](?:\.(\w+))?$/.exec(field);
    const node = /^node '(.*)'$/.exec(field);
    const path: FieldPath = row
      ? { field: row[1] ?? "", index: Number(row[2]), id: null, sub: row[3] ?? null }
      : node
        ? { field: "nodes", index: null, id: node[1] ?? "", sub: null }
        : { field, index: null, id: null, sub: null };
    return { field, path, message };
  });
}

export function uiError(kind: UiError["kind"], message: string, fields: readonly { field: string; message: string }[] = []): UiError {
  return { kind, message, fields: withPaths(fields) };
}

export interface Call {
  cmd: string;
  args: Record<string, unknown> | undefined;
}

/**
 * An in-memory backend answering the commands the app calls at start and on common actions.
 * Tests override single commands through `handlers` to script failures.
 */
export class FakeBackend {
  records: Credential[];
  /** What `dashboard` answers; assessments default to "current" for every record. */
  dashboard: Dashboard | null = null;
  calls: Call[] = [];
  handlers: Record<string, (args: Record<string, unknown>) => unknown> = {};
  private removed = new Map<number, Credential>();

  constructor(records: Credential[] = []) {
    this.records = records;
  }

  called(cmd: string): Call[] {
    return this.calls.filter((c) => c.cmd === cmd);
  }

  invoke = async (cmd: string, args?: Record<string, unknown>): Promise<unknown> => {
    this.calls.push({ cmd, args });
    const a = args ?? {};
    const custom = this.handlers[cmd];
    if (custom) return custom(a);
    switch (cmd) {
      case "credential_kinds":
        return KIND_OPTIONS;
      case "list_credentials": {
        const q = a.query as ListQuery;
        const rows = this.records.filter(
          (r) =>
            (!q.search || r.title.toLowerCase().includes(q.search.toLowerCase())) &&
            (!q.kind || r.kind === q.kind) &&
            (!q.skill || r.skills.some((s) => s.name === q.skill)),
        );
        const from = q.offset ?? 0;
        return rows.slice(from, q.limit === undefined ? undefined : from + q.limit);
      }
      case "get_credential": {
        const r = this.records.find((x) => x.id === a.id);
        if (!r) throw uiError("not-found", `no credential ${String(a.id)}`);
        return r;
      }
      case "list_skill_names":
        return [...new Set(this.records.flatMap((r) => r.skills.map((s) => s.name)))];
      case "app_info":
        return { db_path: "/tmp/d.db", evidence_dir: "/tmp/ev", version: "0.1.0", records: this.records.length };
      case "new_draft":
        return emptyDraft();
      case "validate_draft":
        return [];
      case "remove_credential": {
        const r = this.records.find((x) => x.id === a.id);
        if (!r) throw uiError("not-found", "gone");
        this.removed.set(r.id, r);
        this.records = this.records.filter((x) => x !== r);
        return null;
      }
      case "restore_credential": {
        const r = this.removed.get(a.id as number);
        if (!r) throw uiError("not-found", "nothing to restore");
        this.records.push(r);
        return null;
      }
      case "dashboard":
        return (
          this.dashboard ??
          dashboardOf({ assessments: this.records.map((r) => ({ id: r.id, title: r.title, status: "current", freshness: 1, reasons: [] })) })
        );
      case "recovery":
        return null;
      case "renewals":
      case "backups":
      case "archives":
      case "skills_without_half_life":
      case "field_changes":
      case "requirements":
      case "skill_list":
        return [];
      case "user_settings":
        return { warning_days: 90, default_half_life: 3, reminders: true };
      case "profile":
        return profileOf();
      case "set_profile":
        return null;
      case "report_preview":
        return { svg: PAGE_SVG, pages: 3 };
      case "load_demo":
        this.records = [credential({ id: 7, title: "Demo record" })];
        return 1;
      default:
        throw `unknown command ${cmd}`;
    }
  };
}

/** Lets pending promise callbacks (several awaits deep) run. */
export async function settle(rounds = 10): Promise<void> {
  for (let i = 0; i < rounds; i++) await Promise.resolve();
}

export function byTestId<T extends HTMLElement = HTMLElement>(id: string, root: ParentNode = document): T {
  const el = root.querySelector<T>(`[data-testid="${id}"]`);
  if (!el) throw new Error(`no element with data-testid="${id}"`);
  return el;
}

export function typeInto(el: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  el.value = value;
  el.dispatchEvent(new Event("input", { bubbles: true }));
}

/** A promise the test settles by hand, so answers can arrive in any order. */
export function deferred<T>(): { promise: Promise<T>; resolve: (v: T) => void; reject: (e: unknown) => void } {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/**
 * The current test's backend and app, for test files that call `appPerTest`. Live bindings:
 * import them and read them in the test; each test gets a new backend, and `mountApp` sets
 * the app.
 */
export let fake: FakeBackend;
export let app: App | null = null;

/**
 * Registers, for every test of the file: before it, an empty document and a new `fake` with
 * `records()` answering the mocked `invoke`; after it, the app disposed (it listens on window,
 * so a fresh one per test must not hear the previous test's keys) and real timers back. Call
 * it before the file's own `beforeEach`, which then scripts `fake` further.
 */
export function appPerTest(invokeMock: MockedFunction<typeof invoke>, records: () => Credential[] = () => []): void {
  beforeEach(() => {
    document.body.replaceChildren();
    const backend = new FakeBackend(records());
    fake = backend;
    invokeMock.mockImplementation((cmd, args) => backend.invoke(cmd, args as Record<string, unknown> | undefined));
  });
  afterEach(() => {
    app?.dispose();
    app = null;
    vi.useRealTimers();
  });
}

/**
 * Starts the app in a new element of the document and lets it settle; given a page, then goes
 * there as a person would (the app opens on the dashboard, or on the list when it is empty).
 */
export async function mountApp(page?: string, rounds = 20): Promise<App> {
  const root = document.createElement("div");
  document.body.append(root);
  const started = await startApp(root);
  app = started;
  await settle(rounds);
  if (page) {
    byTestId(`nav-${page}`).click();
    await settle(rounds);
  }
  return started;
}
