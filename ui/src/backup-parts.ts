// How a backup is named on screen: by the time and reason Rust reads from the name it gave the
// file (`taken`, `reason`); a file named otherwise is shown by its name alone.

import type { BackupInfo } from "./backend";
import { fileSize, plural } from "./format";

/** The last part of a path, whichever separator the platform uses. */
export function fileName(path: string): string {
  return path.split(/[\\/]/).pop() || path;
}

/** "the backup of 2025-11-20 09:30:12 (manual)" from the time and reason Rust read from the
 * file's name, or "the backup dossier-old.db"; `start` "The" begins a sentence. */
export function backupTitle(b: BackupInfo, start: "the" | "The" = "the"): string {
  return b.taken !== null && b.reason !== null
    ? `${start} backup of ${b.taken} (${b.reason})`
    : `${start} backup ${fileName(b.path)}`;
}

/** "12 records · 1.2 MB" */
export function backupFacts(b: BackupInfo): string {
  return `${plural(b.records, "record")} · ${fileSize(b.bytes)}`;
}
