// How exports, archives and restores are said on screen: what an export wrote, an archive in
// the list, and what a restore brought (and could not). Rust counts everything; these only
// put its figures into sentences.

import type { ArchiveInfo, ExportFormat, Exported, RestoreSummary, Tally } from "./backend";
import { fileName } from "./backup-parts";
import { fileSize, plural } from "./format";

/** "Wrote 19 records and 4 evidence files to /home/me/dossier-archive.zip, encrypted." */
export function exportedText(format: ExportFormat, e: Exported): string {
  const evidence = format === "archive" || e.evidence > 0 ? ` and ${plural(e.evidence, "evidence file")}` : "";
  return `Wrote ${plural(e.records, "record")}${evidence} to ${e.path}${e.encrypted ? ", encrypted" : ""}.`;
}

/** "the archive of 2025-11-20 09:30:12", or "the archive dossier-old.zip"; `start` "The" begins a sentence. */
export function archiveTitle(a: ArchiveInfo, start: "the" | "The" = "the"): string {
  return a.taken !== null ? `${start} archive of ${a.taken}` : `${start} archive ${fileName(a.path)}`;
}

/** "3.1 MB · dossier-archive-2025-11-20-093012.zip" */
export function archiveFacts(a: ArchiveInfo): string {
  return `${fileSize(a.bytes)} · ${fileName(a.path)}`;
}

/** What each count of a restore is called, records first. */
const TALLIED: readonly [keyof Tally, string][] = [
  ["credentials", "record"],
  ["evidence", "evidence file"],
  ["requirements", "requirement"],
  ["field_changes", "field change"],
  ["frameworks", "framework"],
  ["skill_areas", "skill half-life"],
  ["renewals", "renewal"],
];

function joined(parts: readonly string[]): string {
  if (parts.length < 2) return parts.join("");
  return `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}`;
}

/**
 * "Restored 12 records (7 already here), 3 evidence files and 1 requirement.": the records
 * always, everything else only when the archive held some.
 */
export function restoredText(s: RestoreSummary): string {
  const parts = TALLIED.filter(([key]) => key === "credentials" || s.added[key] > 0 || s.kept[key] > 0).map(([key, one]) => {
    const kept = s.kept[key];
    return `${plural(s.added[key], one)}${kept > 0 ? ` (${kept} already here)` : ""}`;
  });
  const replaced = s.replaced ? " The store held nothing of its own, so its settings and frameworks are now the archive's." : "";
  return `Restored ${joined(parts)}.${replaced}`;
}

/** One line per evidence file the archive named but could not give back. */
export function missingLines(s: RestoreSummary): string[] {
  return s.missing_evidence.map((m) => `${m.name} of “${m.title}”: ${m.why}`);
}
