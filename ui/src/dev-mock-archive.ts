// DEV ONLY: canned answers for the export and archive commands, so the Export page's "Give
// everything back" and Settings' archives can be looked at in a plain browser (`npx vite`).
// Exports "save" under ~/Documents; two archives are listed, the older sealed with the
// passphrase "correct horse" (as is the file the picker finds), and a wrong passphrase is
// refused as Rust refuses it. A restore adds the archive's records not kept here yet, after
// keeping the database as it was as a backup. A stand-in, not the rules: those are Rust's.

import type { Credential } from "./bindings";
import type { ArchiveInfo, ArchiveRestored, CommandName, ExportFormat, Exported, Tally } from "./ipc";
import type { ImportTarget } from "./dev-mock-import";
import { takeBackup } from "./dev-mock-recovery";

const DIR = "/home/dr.lee/.local/share/dossier";
const DOCUMENTS = "/home/dr.lee/Documents";
const PICKED = "/home/dr.lee/Downloads/dossier-archive-from-old-laptop.zip";
/** The passphrase of every sealed archive the mock starts with. */
const PASSPHRASE = "correct horse";

const NAMES: Record<ExportFormat, string> = {
  json: "dossier-export.json",
  archive: "dossier-archive.zip",
  jsonresume: "resume.json",
  csv: "dossier-records.csv",
};

/** What the mock's archives hold: a record already here, one that is not, and a badge whose file went missing. */
const ARCHIVED: Partial<Credential>[] = [
  { kind: "board-certification", title: "Internal Medicine", issuer: "American Board of Internal Medicine", completed: "2015-08-19", expires: "2025-12-31" },
  { kind: "certification", title: "Advanced Cardiac Life Support (ACLS)", issuer: "American Heart Association", completed: "2024-09-12", expires: "2026-09-12", hours: 8 },
  { kind: "micro-credential", title: "Responsible AI Practitioner", issuer: "Partnership on AI", completed: "2025-06-01" },
];

function archive(stamp: string, taken: string, bytes: number, encrypted: boolean): ArchiveInfo {
  return { path: `${DIR}/backups/dossier-archive-${stamp}.zip`, bytes, encrypted, taken };
}

let archives: ArchiveInfo[] = [
  archive("2025-11-19-181502", "2025-11-19 18:15:02", 4_482_113, false),
  archive("2025-11-02-090000", "2025-11-02 09:00:00", 4_390_870, true),
];
/** The passphrase each sealed archive was written with (those written in this session). */
const sealedWith = new Map<string, string>();

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
const norm = (s: string | null | undefined) => (s ?? "").trim().toLowerCase();

function fail(message: string): never {
  throw { kind: "validation", message, fields: [] };
}

function stamp(): { stamp: string; taken: string } {
  const p = (n: number) => String(n).padStart(2, "0");
  const d = new Date();
  const day = `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
  return { stamp: `${day}-${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}`, taken: `${day} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}` };
}

function needsPassphrase(path: string): boolean {
  return path === PICKED || sealedWith.has(path) || archives.some((a) => a.path === path && a.encrypted);
}

const evidenceCount = (records: readonly Credential[]) => new Set(records.flatMap((c) => c.evidence.map((e) => e.sha256))).size;
const tally = (p: Partial<Tally> = {}): Tally => ({ credentials: 0, requirements: 0, field_changes: 0, frameworks: 0, skill_areas: 0, renewals: 0, evidence: 0, ...p });

function exported(format: ExportFormat, passphrase: string | null, target: ImportTarget): Exported {
  const records = target.records();
  const sealed = format === "archive" && !!passphrase;
  return { path: `${DOCUMENTS}/${NAMES[format]}`, records: records.length, evidence: format === "archive" ? evidenceCount(records) : 0, encrypted: sealed };
}

function archiveNow(passphrase: string | null, target: ImportTarget): ArchiveInfo {
  const s = stamp();
  const a = archive(s.stamp, s.taken, 3_900_000 + target.records().length * 61_000, !!passphrase);
  if (passphrase) sealedWith.set(a.path, passphrase);
  archives = [a, ...archives];
  return a;
}

function restore(path: string, passphrase: string | null, target: ImportTarget): ArchiveRestored {
  const name = path.split(/[\\/]/).pop() ?? path;
  if (needsPassphrase(path)) {
    if (!passphrase) fail(`${name}: the archive is encrypted and needs its passphrase`);
    if (passphrase !== (sealedWith.get(path) ?? PASSPHRASE)) fail(`${name}: the passphrase is wrong or the archive was changed`);
  }
  const kept = target.records();
  const had = kept.length;
  const key = (c: Partial<Credential>) => [norm(c.title), norm(c.issuer), c.completed ?? ""].join("|");
  const here = new Set(kept.map(key));
  const fresh = ARCHIVED.filter((c) => !here.has(key(c)));
  target.add(fresh.map((c) => ({ ...c, source: "restore" })));
  const badge = fresh.find((c) => c.kind === "micro-credential");
  return {
    summary: {
      replaced: had === 0,
      added: tally({ credentials: fresh.length, evidence: fresh.length ? 1 : 0, requirements: fresh.length ? 1 : 0 }),
      kept: tally({ credentials: ARCHIVED.length - fresh.length, frameworks: 2 }),
      missing_evidence: badge
        ? [{ credential: "0190a000-0000-7000-8000-000000000099", title: badge.title ?? "", name: "responsible-ai-badge.png", sha256: "c".repeat(64), why: "not in the archive" }]
        : [],
      notes: fresh.length ? ["a requirement named 'State licence CME' is here already; this store's is kept"] : [],
    },
    aside: had ? takeBackup("before-restore", had) : null,
  };
}

/** Answers an export or archive command, or undefined when `cmd` is not one. */
export function archiveCommand(cmd: CommandName, a: Record<string, unknown>, target: ImportTarget): unknown {
  const passphrase = (a.passphrase as string | null | undefined) || null;
  switch (cmd) {
    case "export_data": return wait(400).then(() => exported(a.format as ExportFormat, passphrase, target));
    // Argon2id takes its second before anything is written.
    case "archive_now": return wait(passphrase ? 900 : 300).then(() => archiveNow(passphrase, target));
    case "archives": return archives;
    case "pick_archive": return PICKED;
    case "archive_needs_passphrase": return needsPassphrase(a.path as string);
    case "restore_archive": return wait(passphrase ? 900 : 400).then(() => restore(a.path as string, passphrase, target));
    default: return undefined;
  }
}
