// How a backup is named on screen. Rust names each file `dossier-YYYYMMDD-HHMMSS-why.db`
// (why: daily, manual, before-v7, before-restore), so the date and the reason are read back
// from the name; a file named otherwise is shown by its name alone.

import type { BackupInfo } from "./backend";
import { fileSize, plural } from "./format";

/** The last part of a path, whichever separator the platform uses. */
export function fileName(path: string): string {
  return path.split(/[\\/]/).pop() || path;
}

export interface BackupName {
  /** "2025-11-20 09:30:12", local time as the file name has it. */
  when: string;
  /** Why it was taken, as a person reads it ("before restore"). */
  why: string;
}

const NAME = /^dossier-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})-(.+?)(?:-(\d+))?\.db$/;

/** The date and reason in a backup's file name, or null when it is not named as Rust names them. */
export function backupName(path: string): BackupName | null {
  const m = NAME.exec(fileName(path));
  if (!m) return null;
  const [, y, mo, d, hh, mi, ss, why] = m;
  return { when: `${y}-${mo}-${d} ${hh}:${mi}:${ss}`, why: (why ?? "").replace(/-/g, " ") };
}

/** "the backup of 2025-11-20 09:30:12 (manual)", or "the backup dossier-old.db"; `start` "The" begins a sentence. */
export function backupTitle(path: string, start: "the" | "The" = "the"): string {
  const n = backupName(path);
  return n ? `${start} backup of ${n.when} (${n.why})` : `${start} backup ${fileName(path)}`;
}

/** "12 records · 1.2 MB" */
export function backupFacts(b: BackupInfo): string {
  return `${plural(b.records, "record")} · ${fileSize(b.bytes)}`;
}
