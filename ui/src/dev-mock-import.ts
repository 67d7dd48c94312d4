// DEV ONLY: canned answers for the import commands, so the Import page can be looked at in a
// plain browser (`npx vite`). The picker "finds" a CSV of certificates, a baked badge and a
// CLR transcript (with ?scenario=import-certificate, three certificates: see
// dev-mock-certificate.ts); the CSV is read through the mapping as Rust would (a column mapped
// to nothing is ignored, a record without a title is invalid), corrections replace a record's
// draft, records already kept are duplicates, and an import waits a little between its
// progress events. A stand-in, not the rules: those are Rust's.

import { emit } from "@tauri-apps/api/event";
import type { Credential } from "./bindings";
import { IMPORT_PROGRESS, type CommandName, type Field, type ImportFile, type ImportOptions, type ImportRow, type Mapping } from "./ipc";
import { applyEdits, CERTIFICATE_PATHS, certificateRows, isCertificateFile } from "./dev-mock-certificate";
import { sampleImportPlan, sampleImportRow } from "./sample-data";

/** The dev mock's store, as the import commands need it. */
export interface ImportTarget {
  records(): readonly Credential[];
  /** Keeps the records; their new ids. */
  add(records: readonly Partial<Credential>[]): number[];
  /** How many of `ids` it removed. */
  remove(ids: readonly number[]): number;
}

const DOWNLOADS = "/home/dr.lee/Downloads";
const CSV_HEADERS = ["Name", "Organization", "Issued", "Expiry", "CE hours", "Topics", "Comment"];
const CSV_ROWS: string[][] = [
  ["Advanced Cardiac Life Support (ACLS)", "American Heart Association", "2024-09-12", "2026-09-12", "8", "Resuscitation; Cardiology", ""],
  ["Machine Learning in Medicine", "Coursera", "2025-03", "", "12", "Machine learning, Statistics, Deep learning for diagnostics, NLP for EHRs", "Audited first, certificate bought later"],
  ["Internal Medicine", "American Board of Internal Medicine", "2015-08-19", "2025-12-31", "", "Clinical medicine", ""],
  ["", "AMIA", "2024-11-10", "", "6.5", "", "Webinar"],
  ["Radiology AI Safety", "RSNA", "March 2024", "", "2", "", ""],
];
const GUESS: Mapping = {
  columns: [["Name", "title"], ["Organization", "issuer"], ["Issued", "completed"], ["Expiry", "expires"], ["CE hours", "hours"], ["Topics", "skills"], ["Comment", "notes"]],
};

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
const base = (path: string) => path.split(/[\\/]/).pop() ?? path;
const norm = (s: string | null) => (s ?? "").trim().toLowerCase();

function fail(kind: "validation" | "conflict", message: string): never {
  throw { kind, message, fields: [] };
}

/** The CSV's records as `mapping` reads them; a row's problems make it invalid. */
function csvRows(file: string, mapping: Mapping): ImportRow[] {
  const cell = (row: string[], field: Field): string[] =>
    mapping.columns.filter(([, f]) => f === field).map(([header]) => row[CSV_HEADERS.findIndex((x) => norm(x) === norm(header))] ?? "").filter((v) => v.trim());
  return CSV_ROWS.map((row, i) => {
    const first = (f: Field) => cell(row, f)[0] ?? null;
    const hours = first("hours");
    const r = sampleImportRow({
      kind: hours ? "ce-activity" : "certification",
      title: first("title") ?? "",
      issuer: first("issuer"),
      completed: first("completed"),
      expires: first("expires"),
      hours: hours === null ? null : Number(hours),
      skills: cell(row, "skills").flatMap((s) => s.split(/[;,]/)).map((s) => s.trim()).filter(Boolean),
      source: { format: "csv", file, id: null },
      location: `row ${i + 2}`,
    });
    const problems = [
      ...(r.title ? [] : ["title is required"]),
      ...(r.completed && !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(r.completed) ? [`completed: '${r.completed}' is not a date; use YYYY-MM-DD, YYYY-MM or YYYY`] : []),
    ];
    return problems.length ? { ...r, action: "invalid", reason: `${r.location}: ${problems.join("; ")}` } : r;
  });
}

function badgeRows(file: string): ImportRow[] {
  const xss = new URLSearchParams(location.search).has("xss");
  return [
    sampleImportRow({
      kind: "micro-credential",
      title: xss ? `<img src=x onerror=alert(1)> Responsible AI Practitioner` : "Responsible AI Practitioner",
      issuer: "Partnership on AI",
      completed: "2025-06-01",
      skills: ["Ethical AI governance", "Regulation and policy"],
      source: { format: "openbadges", file, id: "urn:uuid:6c1f5a9e-3b0d-4f7e-9a51-2d7f0c3e8b14" },
      location: "",
      notes: ["The expiry 'when renewed' is not a date; the badge is kept without one."],
      evidence: [file],
    }),
  ];
}

function clrRows(file: string): ImportRow[] {
  const group = "Johns Hopkins University transcript";
  const at = (i: number) => `credentialSubject.verifiableCredential[${i}]`;
  const row = (i: number, p: Partial<ImportRow>) =>
    sampleImportRow({ kind: "graduate-certificate", issuer: "Johns Hopkins University", source: { format: "clr", file, id: `urn:uuid:jhu-${i}` }, location: at(i), group, ...p });
  return [
    row(0, { title: "Graduate Certificate in AI for Healthcare", completed: "2023-05", hours: 120, skills: ["Deep learning for diagnostics", "Computer vision for medical imaging"] }),
    row(1, { kind: "ce-activity", title: "Capstone: Sepsis Early Warning", completed: "2023-04", hours: 30, skills: ["Clinical utility evaluation"] }),
    row(2, { title: "", action: "invalid", reason: `${at(2)}: not a credential (it has no type)` }),
  ];
}

/** Marks the records Dossier already keeps (title, issuer and date) or an earlier file repeats. */
function match(rows: ImportRow[], kept: readonly Credential[]): ImportRow[] {
  const seen = new Map<string, number>();
  return rows.map((r, i) => {
    if (r.action !== "add") return r;
    const key = [norm(r.title), norm(r.issuer), r.completed ?? ""].join("|");
    const stored = kept.find((c) => [norm(c.title), norm(c.issuer), c.completed ?? ""].join("|") === key);
    const earlier = seen.get(key);
    seen.set(key, i);
    if (stored) return { ...r, action: "duplicate", matches: stored.id, reason: `same title, issuer and date as record #${stored.id}` };
    if (earlier !== undefined) return { ...r, action: "duplicate", reason: `same title, issuer and date as record ${earlier + 1} of this import` };
    return r;
  });
}

async function plan(paths: readonly string[], options: ImportOptions, kept: readonly Credential[]) {
  const files: ImportFile[] = [];
  const rows: ImportRow[] = [];
  for (const path of paths) {
    const name = base(path);
    const csv = /\.csv$/i.test(name);
    if (options.format === "csv" && !csv) fail("validation", `${name} is not a CSV file: it has no header row`);
    if (isCertificateFile(name)) {
      files.push({ name, format: "certificate", headers: [], mapping: null });
      rows.push(...(await certificateRows(name)));
    } else if (csv) {
      const mapping = options.mapping ?? GUESS;
      files.push({ name, format: "csv", headers: CSV_HEADERS, mapping });
      rows.push(...csvRows(name, mapping));
    } else if (/clr/i.test(name)) {
      files.push({ name, format: "clr", headers: [], mapping: null });
      rows.push(...clrRows(name));
    } else {
      files.push({ name, format: "openbadges", headers: [], mapping: null });
      rows.push(...badgeRows(name));
    }
  }
  // The files' "bytes" are their names here: the same paths give the same digest.
  let hash = 2166136261;
  for (const ch of paths.join("\n")) hash = Math.imul(hash ^ ch.charCodeAt(0), 16777619) >>> 0;
  const records = match(applyEdits(rows, options.edits ?? []), kept);
  return sampleImportPlan({ records, files, digest: hash.toString(16).padStart(64, "0") });
}

async function run(a: Record<string, unknown>, target: ImportTarget) {
  const preview = await plan(a.paths as string[], a.options as ImportOptions, target.records());
  if (a.digest !== preview.digest) fail("conflict", "the files changed since the preview; preview them again");
  const selected = a.selected as number[];
  const broken = selected.find((i) => preview.records[i]?.action === "invalid");
  if (broken !== undefined) fail("conflict", `record ${broken + 1} cannot be saved: ${preview.records[broken]?.reason ?? "it is invalid"}`);
  const chosen = selected.map((i) => preview.records[i]).filter((r): r is ImportRow => r?.action === "add");
  for (let done = 1; done <= chosen.length; done++) {
    await wait(180);
    await emit(IMPORT_PROGRESS, { stage: "writing", done, total: chosen.length });
  }
  const n = (v: string) => v.trim() || null;
  // As the draft says (corrections included), with what could not be read in its notes.
  const ids = target.add(
    chosen.map(({ draft: d, notes, source }) => ({
      kind: d.kind, title: d.title.trim(), issuer: n(d.issuer), started: n(d.started), completed: n(d.completed), expires: n(d.expires),
      hours: d.hours.trim() ? Number(d.hours) : null, credit_type: n(d.credit_type), credential_id: n(d.credential_id),
      skills: d.skills.filter((s) => s.name.trim()).map((s) => ({ name: s.name.trim(), relevance: s.relevance.trim() ? Number(s.relevance) : 1 })),
      notes: [d.notes.trim(), ...notes].filter(Boolean).join("\n") || null,
      source: source.format, source_file: source.file, source_ref: source.id,
    })),
  );
  return { ...preview, added: ids.length, ids };
}

/** Answers an import command, or undefined when `cmd` is not one. */
export function importCommand(cmd: CommandName, a: Record<string, unknown>, target: ImportTarget): unknown {
  switch (cmd) {
    case "pick_import_files":
      if (new URLSearchParams(location.search).get("scenario") === "import-certificate") return CERTIFICATE_PATHS;
      return [`${DOWNLOADS}/certificates.csv`, `${DOWNLOADS}/responsible-ai-badge.png`, `${DOWNLOADS}/jhu-clr.json`];
    case "preview_import": return wait(200).then(() => plan(a.paths as string[], a.options as ImportOptions, target.records()));
    case "run_import": return run(a, target);
    case "undo_import": return target.remove(a.ids as number[]);
    default: return undefined;
  }
}
