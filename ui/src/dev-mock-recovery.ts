// DEV ONLY: canned answers for the health check, the backups and the recovery of a damaged
// database, so the recovery screen and Settings' Health and Backups can be looked at in a
// plain browser (`npx vite`). `?damaged` starts on the recovery screen (`?damaged=nobackup`:
// with no backup to offer); `?unwell` makes the health check find a missing and an altered
// evidence file. A restore "works" without changing the records.

import type { BackupInfo, BackupRow, CommandName, Health } from "./ipc";

const DIR = "/home/dr.lee/.local/share/dossier";
const params = new URLSearchParams(location.search);
let damaged = params.has("damaged");

/** A backup as Rust describes it: the time and reason are what it reads from the name. */
function info(name: string, records: number, taken: string, reason: string): BackupInfo {
  return { path: `${DIR}/backups/${name}`, bytes: 180_000 + records * 6_100, version: 9, records, taken, reason };
}

let rows: BackupRow[] = [
  { backup: info("dossier-20251120-093012-daily.db", 10, "2025-11-20 09:30:12", "daily"), problem: null },
  { backup: info("dossier-20251119-081544-daily.db", 9, "2025-11-19 08:15:44", "daily"), problem: null },
  { backup: null, problem: `${DIR}/backups/dossier-20251118-080102-daily.db: the file is not a database` },
  { backup: info("dossier-20251101-120000-before-v9.db", 8, "2025-11-01 12:00:00", "before v9"), problem: null },
];

/** A new backup named as Rust names them, listed first (a restore of an archive keeps one too). */
export function takeBackup(why: string, records: number): BackupInfo {
  const p = (n: number) => String(n).padStart(2, "0");
  const d = new Date();
  const day = `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}`;
  const time = `${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}`;
  const taken = `${day.slice(0, 4)}-${day.slice(4, 6)}-${day.slice(6)} ${time.slice(0, 2)}:${time.slice(2, 4)}:${time.slice(4)}`;
  const b = info(`dossier-${day}-${time}-${why}.db`, records, taken, why.replace(/-/g, " "));
  rows = [{ backup: b, problem: null }, ...rows];
  return b;
}

function health(): Health {
  const unwell = params.has("unwell");
  const good = rows.flatMap((r) => (r.backup ? [r.backup] : []));
  const bad = rows.flatMap((r) => (r.problem ? [r.problem] : []));
  return {
    integrity: "ok",
    evidence_files: 6,
    evidence_problems: unwell
      ? [
          { sha256: "a".repeat(64), path: `${DIR}/evidence/aa/${"a".repeat(62)}`, problem: "missing", records: [1] },
          { sha256: "b".repeat(64), path: `${DIR}/evidence/bb/${"b".repeat(62)}`, problem: "altered", records: [3, 5] },
        ]
      : [],
    leftovers: [],
    backups: good,
    bad_backups: bad,
    all_well: !unwell && bad.length === 0 && good.length > 0,
  };
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Answers a health, backup or recovery command, or undefined when `cmd` is not one. */
export function recoveryCommand(cmd: CommandName, a: Record<string, unknown>, records: number): unknown {
  switch (cmd) {
    // Nobody else writes to the mock's data.
    case "data_version":
      return 1;
    case "recovery":
      if (!damaged) return null;
      return {
        path: `${DIR}/dossier.db`,
        problem: "database disk image is malformed: *** in database main *** Tree 12 page 14 cell 3: invalid page number 9216",
        backup: params.get("damaged") === "nobackup" ? null : (rows[0]?.backup ?? null),
      };
    case "recover_with_backup":
      damaged = false;
      return wait(400).then(() => records);
    case "recover_salvage":
      damaged = false;
      return wait(800).then(() => ({
        path: `${DIR}/dossier.db`,
        records: records - 1,
        requirements: 1,
        settings: 4,
        lost: ["record 4 (page 14): database disk image is malformed"],
      }));
    case "health": return wait(300).then(health);
    case "backups": return rows;
    case "backup_now": return takeBackup("manual", records);
    case "restore_backup": {
      const from = rows.find((r) => r.backup?.path === a.path)?.backup;
      if (!from) throw { kind: "not-found", message: `no backup ${String(a.path)}`, fields: [] };
      return wait(300).then(() => ({ from, aside: takeBackup("before-restore", records) }));
    }
    default:
      return undefined;
  }
}
