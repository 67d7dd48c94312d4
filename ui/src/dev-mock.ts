// DEV ONLY: a fake backend so the UI can be looked at in a plain browser (`npx vite`).
// main.ts loads this only when import.meta.env.DEV is true and no Tauri runtime is present,
// so it never reaches the production bundle. Its "validation" is a rough stand-in for the
// Rust rules, just enough to show messages on screen; it is not the source of truth.
//
// URL switches: ?empty (start with no records), ?xss (a record with markup in its title),
// ?damaged[=nobackup] and ?unwell (see dev-mock-recovery.ts),
// ?scenario=detail|form|errors|toast|nomatch|export|health|restore|import|import-certificate|seal (drive the UI into that state for screenshots;
// with an import, &row=N scrolls the preview to its Nth record, and &typo corrects its date wrongly).

import { mockIPC } from "@tauri-apps/api/mocks";
import type { Credential, CredentialDraft, CredentialKind, FieldError, ListQuery } from "./bindings";
import type { CommandName } from "./ipc";
import { archiveCommand } from "./dev-mock-archive";
import { coverageCommand } from "./dev-mock-coverage";
import { importCommand, type ImportTarget } from "./dev-mock-import";
import { sampleCredential } from "./sample-data";
import { recoveryCommand } from "./dev-mock-recovery";
import { reportCommand } from "./dev-mock-report";
import { stalenessCommand } from "./dev-mock-staleness";

const KINDS: [CredentialKind, string][] = [
  ["degree", "Degree"],
  ["graduate-certificate", "Graduate certificate"],
  ["certification", "Certification"],
  ["board-certification", "Board certification"],
  ["executive-education", "Executive education"],
  ["micro-credential", "Micro-credential"],
  ["ce-activity", "CE activity"],
  ["experience", "Experience"],
];

const NOW = "2025-11-20T09:30:00Z";
let nextId = 1;
function rec(p: Partial<Credential> & Pick<Credential, "kind" | "title">): Credential {
  return sampleCredential({ id: nextId++, source: "demo", created_at: NOW, updated_at: NOW, ...p });
}
const sk = (name: string, relevance = 1) => ({ name, relevance });
const ev = (name: string, size: number, media_type: string) => ({
  name,
  size,
  media_type,
  sha256: (name + "0".repeat(64)).replace(/[^a-f0-9]/g, "a").slice(0, 64),
  added_at: NOW,
});

function demo(): Credential[] {
  nextId = 1;
  return [
    rec({ kind: "degree", title: "Doctor of Medicine (MD)", issuer: "University of Michigan Medical School", started: "2008-08", completed: "2012-05", verified: true, skills: [sk("Clinical medicine")], evidence: [ev("md-diploma.pdf", 482113, "application/pdf")] }),
    rec({ kind: "board-certification", title: "Internal Medicine", issuer: "American Board of Internal Medicine", completed: "2015-08-19", expires: "2025-12-31", credential_id: "ABIM-291044", url: "https://www.abim.org/verify-physician", verified: true, skills: [sk("Clinical medicine")] }),
    rec({ kind: "degree", title: "MSc Biomedical Informatics", issuer: "Stanford University", started: "2019-09", completed: "2021-06", skills: [sk("Statistics", 0.8), sk("Machine learning", 0.9), sk("Data governance and privacy", 0.6)], evidence: [ev("transcript.pdf", 201334, "application/pdf"), ev("thesis.pdf", 3455120, "application/pdf")] }),
    rec({ kind: "graduate-certificate", title: "Graduate Certificate in AI for Healthcare", issuer: "Johns Hopkins University", completed: "2023-05", hours: 120, credit_type: "Graduate credits", skills: [sk("Deep learning for diagnostics"), sk("Computer vision for medical imaging", 0.7)] }),
    rec({ kind: "certification", title: "AWS Certified Machine Learning – Specialty", issuer: "Amazon Web Services", completed: "2022-03-14", expires: "2025-03-14", credential_id: "AWS-MLS-88231", verified: true, skills: [sk("Cloud ML platforms"), sk("Machine learning", 0.6)], evidence: [ev("aws-mls.png", 88012, "image/png")] }),
    rec({ kind: "ce-activity", title: "NLP for Electronic Health Records: Methods and Pitfalls", issuer: "AMIA", completed: "2024-11-10", hours: 6.5, credit_type: "AMA PRA Category 1", skills: [sk("NLP for EHRs"), sk("Clinical utility evaluation", 0.5)] }),
    rec({ kind: "executive-education", title: "AI Strategy in Health Systems", issuer: "Harvard T.H. Chan School of Public Health", completed: "2024", hours: 24, skills: [sk("Ethical AI governance", 0.7), sk("Regulation and policy", 0.5)] }),
    rec({ kind: "micro-credential", title: "Ethical AI Governance Badge", issuer: "IEEE", completed: "2025-02", skills: [sk("Ethical AI governance")], evidence: [ev("badge.svg", 12044, "image/svg+xml")] }),
    rec({ kind: "degree", status: "in-progress", title: "PhD, AI in Medicine track", issuer: "University of Toronto", started: "2023-09", completed: "2027-06", notes: "Thesis: prospective validation of a sepsis early-warning model across three hospital sites.\nSupervisor: Dr. A. Rivera.", skills: [sk("Clinical utility evaluation"), sk("Deep learning for diagnostics", 0.8), sk("Statistics", 0.7), sk("Machine learning", 0.9)] }),
    rec({ kind: "experience", title: "Sepsis model validation study (3 sites)", issuer: "Mercy Health", started: "2023-01", completed: "2024-06", notes: "Led the external validation; published in JAMIA 2024.", skills: [sk("Clinical utility evaluation"), sk("Statistics", 0.8)] }),
  ];
}

const params = new URLSearchParams(location.search);
let store: Credential[] = params.has("empty") ? [] : demo();
const deleted = new Map<number, Credential>();
if (params.has("xss")) store.unshift(rec({ kind: "certification", title: `<img src=x onerror=alert(1)> #panic() & "quotes"`, issuer: "<b>not bold</b>" }));

/** What the import commands keep and undo, in this store. */
const importTarget: ImportTarget = {
  records: () => store,
  add: (records) => records.map((p) => {
    const c = rec({ kind: "certification", title: "", ...p, source: p.source ?? "import" });
    store.push(c);
    return c.id;
  }),
  remove: (ids) => {
    const gone = store.filter((c) => ids.includes(c.id));
    for (const c of gone) deleted.set(c.id, c);
    store = store.filter((c) => !ids.includes(c.id));
    return gone.length;
  },
};

function toDraft(c: Credential): CredentialDraft {
  const t = (v: string | number | null) => (v === null ? "" : String(v));
  return {
    kind: c.kind, in_progress: c.status === "in-progress", title: c.title, issuer: t(c.issuer), started: t(c.started),
    completed: t(c.completed), expires: t(c.expires), hours: t(c.hours), credit_type: t(c.credit_type),
    credential_id: t(c.credential_id), url: t(c.url), notes: t(c.notes), verified: c.verified,
    skills: c.skills.map((s) => ({ name: s.name, relevance: String(s.relevance) })),
  };
}

function validate(d: CredentialDraft): FieldError[] {
  const errs: FieldError[] = [];
  if (!d.title.trim()) errs.push({ field: "title", message: "is required" });
  for (const f of ["started", "completed", "expires"] as const) {
    const v = d[f].trim();
    if (v && !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(v)) errs.push({ field: f, message: `'${v}' is not a date; use YYYY-MM-DD, YYYY-MM or YYYY` });
  }
  if (d.hours.trim() && Number.isNaN(Number(d.hours))) errs.push({ field: "hours", message: `'${d.hours.trim()}' is not a number (use a decimal point: 1.5)` });
  if (d.url.trim() && !/^https?:\/\/[^/]+\.[^/]+/.test(d.url.trim())) errs.push({ field: "url", message: `'${d.url.trim()}' must start with https:// or http://` });
  d.skills.forEach((s, i) => {
    const r = s.relevance.trim();
    if (!s.name.trim() && r) errs.push({ field: `skills[${i}].name`, message: "is required" });
    if (r && !(Number(r) >= 0 && Number(r) <= 1)) errs.push({ field: `skills[${i}].relevance`, message: `'${r}' for skill '${s.name.trim()}' must be a number from 0 to 1` });
  });
  return errs;
}

function fromDraft(d: CredentialDraft, base: Credential | undefined, attach: string[]): Credential {
  const n = (v: string) => (v.trim() ? v.trim() : null);
  const evidence = [...(base?.evidence ?? []), ...attach.map((p) => ev(p.split("/").pop() ?? p, 1000, "application/pdf"))];
  return {
    ...(base ?? rec({ kind: d.kind, title: "" })),
    kind: d.kind, status: d.in_progress ? "in-progress" : "completed", title: d.title.trim(), issuer: n(d.issuer),
    started: n(d.started), completed: n(d.completed), expires: n(d.expires), hours: d.hours.trim() ? Number(d.hours) : null,
    credit_type: n(d.credit_type), credential_id: n(d.credential_id), url: n(d.url), notes: n(d.notes), verified: d.verified,
    skills: d.skills.filter((s) => s.name.trim()).map((s) => sk(s.name.trim(), s.relevance.trim() ? Number(s.relevance) : 1)),
    evidence, source: base?.source ?? "manual", updated_at: new Date().toISOString(),
  };
}

function list(q: ListQuery): Credential[] {
  const words = (q.search ?? "").toLowerCase().split(/\s+/).filter(Boolean);
  const rows = store.filter((c) => {
    const text = [c.title, c.issuer, c.notes, ...c.skills.map((s) => s.name)].join(" ").toLowerCase();
    return (
      words.every((w) => text.split(/[^a-z0-9]+/).some((t) => t.startsWith(w))) &&
      (!q.kind || c.kind === q.kind) &&
      (!q.skill || c.skills.some((s) => s.name.toLowerCase() === q.skill!.toLowerCase()))
    );
  });
  const key = (c: Credential): string =>
    q.sort === "title" ? c.title.toLowerCase() : q.sort === "kind" ? c.kind : q.sort === "expires" ? (c.expires ?? "9999") : q.sort === "added" ? String(1e6 - c.id) : "";
  if (q.sort === "recent") return rows.sort((a, b) => (b.completed ?? "").localeCompare(a.completed ?? ""));
  return rows.sort((a, b) => key(a).localeCompare(key(b)));
}

function find(id: number): Credential {
  const c = store.find((x) => x.id === id);
  if (!c) throw { kind: "not-found", message: `no credential with id ${id}`, fields: [] };
  return c;
}

export function installDevMock(): void {
  mockIPC((name, raw) => {
    const a = (raw ?? {}) as Record<string, unknown>;
    // Typed by Rust's command table: a case for a command that does not exist fails to compile.
    const cmd = name as CommandName;
    switch (cmd) {
      case "credential_kinds": return KINDS.map(([kind, label]) => ({ kind, label }));
      case "list_credentials": return list(a.query as ListQuery);
      case "get_credential": return find(a.id as number);
      case "credential_draft": return toDraft(find(a.id as number));
      case "new_draft": return toDraft(rec({ kind: "certification", title: "" }));
      case "validate_draft": return validate(a.draft as CredentialDraft);
      case "save_credential": {
        const d = a.draft as CredentialDraft;
        const fields = validate(d);
        if (fields.length) throw { kind: "validation", message: `${fields.length} fields need attention`, fields };
        const id = a.id as number | null;
        const saved = fromDraft(d, id === null ? undefined : find(id), a.attach as string[]);
        store = id === null ? [...store, saved] : store.map((c) => (c.id === id ? saved : c));
        return saved;
      }
      case "remove_credential": {
        const c = find(a.id as number);
        deleted.set(c.id, c);
        store = store.filter((x) => x.id !== c.id);
        return null;
      }
      case "restore_credential": {
        const c = deleted.get(a.id as number);
        if (!c) throw { kind: "not-found", message: "nothing to restore", fields: [] };
        store.push(c);
        deleted.delete(c.id);
        return null;
      }
      case "remove_evidence": {
        const c = find(a.id as number);
        c.evidence = c.evidence.filter((e) => e.sha256 !== a.sha256);
        return c;
      }
      case "pick_evidence_files": return ["/home/dr.lee/Documents/certificates/ai-clinical-practice.pdf"];
      case "open_evidence": throw { kind: "io", message: "the dev mock cannot open files", fields: [] };
      case "load_demo": {
        if (store.length) throw { kind: "conflict", message: "the demo loads only into an empty portfolio", fields: [] };
        store = demo();
        return store.length;
      }
      case "list_skill_names": return [...new Set(store.flatMap((c) => c.skills.map((s) => s.name)))].sort();
      case "app_info": return { db_path: "/home/dr.lee/.local/share/dossier/dossier.db", evidence_dir: "/home/dr.lee/.local/share/dossier/evidence", version: "0.1.0-dev", records: store.length };
      default: {
        let answer = stalenessCommand(cmd, a, store);
        if (answer === undefined) answer = coverageCommand(cmd, a);
        if (answer === undefined) answer = reportCommand(cmd, a);
        if (answer === undefined) answer = importCommand(cmd, a, importTarget);
        if (answer === undefined) answer = archiveCommand(cmd, a, importTarget);
        if (answer === undefined) answer = recoveryCommand(cmd, a, store.length);
        if (answer === undefined) throw `unknown command ${cmd}`;
        return answer;
      }
    }
  }, { shouldMockEvents: true });
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
const q = <T extends HTMLElement>(sel: string) => document.querySelector<T>(sel);
function type(testid: string, value: string): void {
  const el = q<HTMLInputElement>(`[data-testid="${testid}"]`);
  if (!el) return;
  el.value = value;
  el.dispatchEvent(new Event("input", { bubbles: true }));
  el.dispatchEvent(new FocusEvent("focusout", { bubbles: true }));
}

/** Drives the UI into one state, as a person would by clicking, so a screenshot can show it. */
export async function runScenario(): Promise<void> {
  const s = params.get("scenario");
  if (!s) return;
  await wait(50);
  const rows = document.querySelectorAll<HTMLElement>('[data-testid="credential-row"]');
  if (s === "detail" || s === "toast") rows[params.has("xss") ? rows.length - 1 : 2]?.click();
  if (s === "toast") {
    await wait(50);
    q('[data-testid="delete"]')?.click();
  }
  if (s === "nomatch") type("search", "zebra");
  if (s === "export" || s === "seal") q('[data-testid="nav-export"]')?.click();
  if (s === "seal") q('[data-testid="export-archive"]')?.click();
  if (s === "import" || s === "import-certificate") {
    q('[data-testid="nav-import"]')?.click();
    await wait(50);
    q('[data-testid="import-pick"]')?.click();
    // &row=N: the preview scrolled to its Nth record (1-based), once read.
    const row = Number(params.get("row") ?? 0);
    for (let tries = 0; row > 0 && tries < 60; tries++) {
      const el = q(`[data-testid="import-row"][data-index="${row - 1}"]`);
      const page = el?.closest<HTMLElement>(".page");
      if (el && page) {
        // The page scrolls, not the window (scrollIntoView would move the header out too).
        page.scrollTop += el.getBoundingClientRect().top - page.getBoundingClientRect().top - 60;
        break;
      }
      await wait(100);
    }
    // &typo: a correction Rust refuses, typed into that record's completion date.
    const date = q<HTMLInputElement>(`[data-testid="import-cert"][data-index="${row - 1}"] [data-testid="cert-completed"]`);
    if (params.has("typo") && date) {
      date.focus();
      date.value = "8 March 2024";
      date.dispatchEvent(new Event("input", { bubbles: true }));
    }
  }
  if (s === "health" || s === "restore") {
    q('[data-testid="nav-settings"]')?.click();
    await wait(50);
    q(`[data-testid="${s === "health" ? "health-check" : "backup-restore"}"]`)?.click();
  }
  if (s === "form" || s === "errors") {
    if (s === "form") {
      rows[8]?.click();
      await wait(50);
      q('[data-testid="edit"]')?.click();
    } else q('[data-testid="new-credential"]')?.click();
    await wait(50);
    if (s === "errors") {
      q('[data-testid="add-skill"]')?.click();
      q('[data-testid="add-skill"]')?.click();
      type("field-skills[0].name", "NLP for EHRs");
      type("field-skills[1].name", "Imaging");
      type("field-skills[1].relevance", "1.5");
      type("field-completed", "March 2024");
      type("field-hours", "six");
      q('[data-testid="attach"]')?.click();
      await wait(50);
      q('[data-testid="save"]')?.click();
    }
  }
}
