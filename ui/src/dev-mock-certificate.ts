// DEV ONLY: certificates as the dev mock's import "reads" them (?scenario=import-certificate):
// a CME certificate PDF with a text layer, every field read; a scanned one read by OCR (its
// pages reported as they are read) with an unsure date and made out to someone else; and a
// photo in which nothing reads as a certificate. Corrections (`RowEdit`s) replace a record's
// draft and are validated again, roughly as Rust does. A stand-in, not the rules.

import { emit } from "@tauri-apps/api/event";
import type { CredentialDraft } from "./bindings";
import { IMPORT_PROGRESS, type Extracted, type ImportRow, type RowEdit } from "./ipc";
import { draftOfRow, sampleImportRow } from "./sample-data";

const DOWNLOADS = "/home/dr.lee/Downloads";
export const CERTIFICATE_PATHS = [`${DOWNLOADS}/acc-ai-imaging-certificate.pdf`, `${DOWNLOADS}/grand-rounds-scan.pdf`, `${DOWNLOADS}/IMG_2041.jpg`];

/** A file the mock reads as a certificate: a PDF or photo that is not a baked badge. */
export const isCertificateFile = (name: string): boolean => /\.(pdf|png|jpe?g)$/i.test(name) && !/badge/i.test(name);

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
const sure = (value: string, snippet: string, note: string | null = null): Extracted => ({ value, snippet, confidence: "high", note });
const unsure = (value: string, snippet: string, note: string): Extracted => ({ value, snippet, confidence: "low", note });

function certificate(file: string, location: string, fields: Record<string, Extracted>, p: Partial<ImportRow>): ImportRow {
  const v = (k: string) => fields[k]?.value ?? "";
  const skills = v("skills") ? v("skills").split(", ") : [];
  const base = sampleImportRow({
    kind: "ce-activity",
    title: v("title"),
    issuer: v("issuer") || null,
    completed: v("completed") || null,
    hours: v("hours") ? Number(v("hours")) : null,
    skills,
    source: { format: "certificate", file, id: null },
    location,
    evidence: [file],
    fields,
    ...p,
  });
  const draft: CredentialDraft = { ...draftOfRow(base), started: v("started"), credit_type: v("credit_type"), credential_id: v("credential_id") };
  return { ...base, draft };
}

/** What each of the scenario's files holds; any other PDF or photo reads as nothing. */
function rowsOf(file: string): ImportRow[] {
  if (file === "acc-ai-imaging-certificate.pdf") {
    return [
      certificate(file, "", {
        title: sure("Artificial Intelligence in Cardiovascular Imaging: Current Applications", "has successfully completed\nArtificial Intelligence in Cardiovascular Imaging: Current Applications"),
        issuer: sure("American College of Cardiology", "American College of Cardiology is accredited by the ACCME"),
        started: sure("2023-10-21", "Dates  October 21–22, 2023"),
        completed: sure("2023-10-22", "Date  October 22, 2023"),
        hours: sure("6.25", "for a maximum of 6.25 AMA PRA Category 1 Credits™"),
        credit_type: sure("AMA PRA Category 1", "6.25 AMA PRA Category 1 Credits™"),
        credential_id: sure("ACC-23-118204", "Certificate No. ACC-23-118204"),
        participant: sure("Jane Doe, MD", "This certifies that  Jane Doe, MD"),
        skills: unsure("Computer vision for medical imaging", "Artificial Intelligence in Cardiovascular Imaging: Current Applications", "suggested from the title: 'Imaging' for Computer vision for medical imaging"),
      }, {}),
    ];
  }
  if (file === "grand-rounds-scan.pdf") {
    const noSkill = "no skill of the framework 'Healthcare AI' is named in the title; add skills yourself";
    return [
      certificate(file, "page 1", {
        title: sure("Sepsis Early Warning Scores in the Emergency Department", "Grand Rounds: Sepsis Early Warning Scores in the\nEmergency Department"),
        issuer: sure("Mercy Health Office of CME", "Mercy Health Office of CME"),
        completed: unsure("2024-03-08", "Date: O3/08/2O24", "the scan is faint: 'O3/08/2O24' was read as 8 March 2024; it may be 3 August"),
        hours: sure("1", "1.0 AMA PRA Category 1 Credit™"),
        credit_type: sure("AMA PRA Category 1", "1.0 AMA PRA Category 1 Credit™"),
        participant: unsure("Robert Smith, MD", "Awarded to: Robert Smith, MD", "read by OCR"),
        skills: unsure("", "Sepsis Early Warning Scores in the Emergency Department", noSkill),
      }, {
        warnings: ["the certificate is made out to 'Robert Smith, MD', not to the profile's name 'Jane Doe'", noSkill],
        notes: ["page 1 was read by OCR: check each field against the certificate", "pages 2, 3 of grand-rounds-scan.pdf: nothing there reads as a certificate"],
      }),
    ];
  }
  const stem = file.replace(/\.[^.]+$/, "").replace(/[_-]/g, " ");
  return [
    certificate(file, "", { title: unsure(stem, "", "the file's name: no title was read on the certificate") }, {
      notes: [`${file}: nothing in it reads as a certificate (no activity title, date or credits were found). The file is kept as evidence; fill in the record from it.`],
    }),
  ];
}

/** Pages OCR reads in each file, about a second a page in Rust (quicker here). */
const SCANNED: Readonly<Record<string, number>> = { "grand-rounds-scan.pdf": 3 };

/** A certificate's records, its scanned pages reported as they are "read". */
export async function certificateRows(file: string): Promise<ImportRow[]> {
  const pages = SCANNED[file] ?? (/\.(png|jpe?g)$/i.test(file) ? 1 : 0);
  for (let done = 1; done <= pages; done++) {
    await wait(350);
    await emit(IMPORT_PROGRESS, { stage: "reading", done, total: pages });
  }
  return rowsOf(file);
}

const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** Rust's checks of a draft, roughly, as "field: message". */
function problems(d: CredentialDraft): string[] {
  const out: string[] = [];
  if (!d.title.trim()) out.push("title: is required");
  for (const f of ["started", "completed", "expires"] as const) {
    const v = d[f].trim();
    if (v && !DATE.test(v)) out.push(`${f}: '${v}' is not a date; use YYYY-MM-DD, YYYY-MM or YYYY`);
    else if (v && v > new Date().toISOString().slice(0, 10)) out.push(`${f}: ${v} is in the future; mark the record in progress to give an expected date`);
  }
  const s = d.started.trim();
  const c = d.completed.trim();
  if (s && c && DATE.test(s) && DATE.test(c) && c < s) out.push(`completed: ${c} is before the start date ${s}`);
  const hours = d.hours.trim();
  if (hours && !(Number(hours) >= 0)) out.push(`hours: '${hours}' is not a number (use a decimal point: 1.5)`);
  return out;
}

/** The rows with the person's corrections in place of what the files gave, checked again. */
export function applyEdits(rows: ImportRow[], edits: readonly RowEdit[]): ImportRow[] {
  const out = [...rows];
  for (const { index, draft } of edits) {
    const r = out[index];
    if (!r) throw { kind: "conflict", message: `record ${index + 1} is not in the preview (it has ${out.length})`, fields: [] };
    const n = (v: string) => v.trim() || null;
    const bad = problems(draft);
    out[index] = {
      ...r,
      draft,
      kind: draft.kind,
      title: draft.title.trim(),
      issuer: n(draft.issuer),
      completed: n(draft.completed),
      expires: n(draft.expires),
      hours: draft.hours.trim() && Number.isFinite(Number(draft.hours)) ? Number(draft.hours) : null,
      skills: draft.skills.map((s) => s.name.trim()).filter(Boolean),
      action: bad.length ? "invalid" : "add",
      matches: null,
      reason: bad.length ? [r.location, bad.join("; ")].filter(Boolean).join(": ") : null,
    };
  }
  return out;
}
