import { describe, expect, it, vi } from "vitest";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));

import { invoke } from "@tauri-apps/api/core";
import type { BackupInfo, BackupRow, Health } from "./backend";
import { appPerTest, byTestId, credential, fake, mountApp, settle } from "./test-support";

appPerTest(vi.mocked(invoke), () => [credential({ id: 1, title: "MD" }), credential({ id: 4, title: "Board <cert>" })]);

const DIR = "/data/backups";
// As Rust describes a backup: the time and reason are what it reads from the file's name.
const info = (name: string, records: number, taken: string, reason: string): BackupInfo => ({
  path: `${DIR}/${name}`, bytes: 1_258_291, version: 9, records, taken, reason,
});
const DAILY = info("dossier-20251120-093012-daily.db", 12, "2025-11-20 09:30:12", "daily");
const ASIDE = info("dossier-20251121-101500-before-restore.db", 14, "2025-11-21 10:15:00", "before restore");

function healthOf(p: Partial<Health> = {}): Health {
  return { integrity: "ok", evidence_files: 3, evidence_problems: [], leftovers: [], backups: [DAILY], bad_backups: [], all_well: true, ...p };
}

const texts = (testid: string) => [...document.querySelectorAll(`[data-testid="${testid}"]`)].map((e) => e.textContent ?? "");
const toasts = () => [...document.querySelectorAll('[data-testid="toast"] .toast-message')].map((e) => e.textContent ?? "");

describe("Settings → Health", () => {
  it("checks only when asked, and says all is well when it is", async () => {
    fake.handlers.health = () => healthOf();
    await mountApp("settings");
    expect(fake.called("health").length, "the check reads every file: not on arrival").toBe(0);
    byTestId("health-check").click();
    await settle();
    expect(fake.called("health").length, "Check now asks Rust").toBe(1);
    expect(byTestId("health-verdict").textContent, "the verdict").toBe(
      "All well: the database is whole, every evidence file matches and every backup checks out.",
    );
    expect(byTestId("health").textContent, "each part is shown").toContain("3 files, each as saved");
  });

  it("lists a missing and an altered evidence file with the records they belong to, and every other finding", async () => {
    fake.handlers.health = () =>
      healthOf({
        integrity: "*** in database main *** Page 14: never used",
        evidence_problems: [
          { sha256: "a".repeat(64), path: "/data/evidence/aa/aaaa", problem: "missing", records: [1, 4] },
          { sha256: "b".repeat(64), path: "/data/evidence/bb/bbbb", problem: "altered", records: [4] },
        ],
        leftovers: ["/data/dossier.db.tmp-4242"],
        bad_backups: ["/data/backups/dossier-old.db: not a database"],
        all_well: false,
      });
    await mountApp("settings");
    byTestId("health-check").click();
    await settle();
    expect(byTestId("health-verdict").textContent, "what needs attention, in one line").toBe(
      "Needs attention: the database, 2 evidence files, 1 leftover, 1 bad backup.",
    );
    expect(texts("health-evidence-problem"), "each file with its records").toEqual([
      "Missing: /data/evidence/aa/aaaa — the evidence of record 1, record 4",
      "Altered: /data/evidence/bb/bbbb — the evidence of record 4",
    ]);
    const part = byTestId("health").textContent ?? "";
    for (const finding of ["Page 14: never used", "dossier.db.tmp-4242", "dossier-old.db: not a database", "1 backup, each verified"]) {
      expect(part, `the section shows '${finding}'`).toContain(finding);
    }
    byTestId("health-record").click();
    await settle();
    expect(fake.called("get_credential").map((c) => c.args), "a record link opens that record").toEqual([{ id: 1 }]);
    expect(byTestId("nav-credentials").getAttribute("aria-current"), "on the Credentials page").toBe("page");
  });
});

describe("Settings → Backups", () => {
  const rows: BackupRow[] = [
    { backup: DAILY, problem: null },
    { backup: null, problem: "/data/backups/dossier-20251119-080000-daily.db: the file is not a database" },
  ];

  it("lists each backup with its date, reason, records and size; a bad one with its problem and no Restore", async () => {
    fake.handlers.backups = () => rows;
    await mountApp("settings");
    const listed = texts("backup-row");
    expect(listed.length, "one row per file").toBe(2);
    expect(listed[0], "date and reason from the name, then the facts").toBe(
      "2025-11-20 09:30:12 · daily12 records · 1.2 MB · dossier-20251120-093012-daily.dbRestore…",
    );
    expect(listed[1], "the bad one says why").toContain("the file is not a database");
    expect(texts("backup-restore").length, "only the good one can be restored").toBe(1);
  });

  it("backs up now, says where, and lists the new one", async () => {
    const manual = info("dossier-20251121-101010-manual.db", 2, "2025-11-21 10:10:10", "manual");
    let list: BackupRow[] = rows;
    fake.handlers.backups = () => list;
    fake.handlers.backup_now = () => {
      list = [{ backup: manual, problem: null }, ...rows];
      return manual;
    };
    await mountApp("settings");
    byTestId("backup-now").click();
    await settle();
    expect(fake.called("backup_now").length, "asked once").toBe(1);
    expect(toasts(), "a toast names the file").toContain("Backed up 2 records to dossier-20251121-101010-manual.db.");
    expect(texts("backup-row").length, "the list is asked again and shows it").toBe(3);
  });

  it("restores after a confirmation, reloads the app, and Undo restores the database that was kept aside", async () => {
    fake.handlers.backups = () => rows;
    fake.handlers.restore_backup = (a) => (a.path === DAILY.path ? { from: DAILY, aside: ASIDE } : { from: ASIDE, aside: info("dossier-20251121-101600-before-restore.db", 12, "2025-11-21 10:16:00", "before restore") });
    await mountApp("settings");
    byTestId("backup-restore").click();
    await settle();
    const dialog = byTestId("backup-dialog").textContent ?? "";
    expect(dialog, "it names the backup").toContain("the backup of 2025-11-20 09:30:12 (daily), with 12 records.");
    expect(dialog, "and says the current database is kept and how to undo").toContain("The database as it is now is kept first");
    byTestId("backup-dialog-cancel").click();
    await settle();
    expect(fake.called("restore_backup").length, "Cancel restores nothing").toBe(0);

    byTestId("backup-restore").click();
    await settle();
    const lists = fake.called("list_credentials").length;
    byTestId("backup-confirm").click();
    await settle(30);
    expect(fake.called("restore_backup").map((c) => c.args), "the chosen backup goes to Rust").toEqual([{ path: DAILY.path }]);
    expect(fake.called("list_credentials").length, "the records are reloaded").toBeGreaterThan(lists);
    expect(toasts(), "the toast says what happened and where the old one is").toEqual([
      "Restored the backup of 2025-11-20 09:30:12 (daily): 12 records. The database as it was is kept as dossier-20251121-101500-before-restore.db.",
    ]);
    byTestId("undo").click();
    await settle(30);
    expect(fake.called("restore_backup").map((c) => c.args), "Undo restores the database kept aside").toEqual([{ path: DAILY.path }, { path: ASIDE.path }]);
    expect(toasts(), "and says so").toEqual(["Back to the database as it was before the restore: 14 records."]);
  });
});
