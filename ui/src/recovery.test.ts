import { afterEach, describe, expect, it, vi } from "vitest";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));

import { invoke } from "@tauri-apps/api/core";
import type { App } from "./app";
import type { BackupInfo, Recovery, Salvaged } from "./backend";
import { backupTitle } from "./backup-parts";
import { boot } from "./recovery-screen";
import { appPerTest, byTestId, credential, fake, settle, uiError } from "./test-support";

appPerTest(vi.mocked(invoke));

const BACKUP: BackupInfo = {
  path: "/data/backups/dossier-20251120-093012-manual.db", bytes: 2_300_000, version: 9, records: 12,
  taken: "2025-11-20 09:30:12", reason: "manual",
};

function damaged(backup: BackupInfo | null = BACKUP): Recovery {
  return { path: "/data/dossier.db", problem: "database disk image is malformed <page 14>", backup };
}

let started: App | null = null;
afterEach(() => {
  started?.dispose();
  started = null;
});

/** Boots the window as main.ts does; `booted` settles only once the app runs. */
async function bootWith(rec: Recovery | null): Promise<{ booted: Promise<App> }> {
  fake.handlers.recovery = () => rec;
  fake.records = [credential({ id: 1, title: "MD" })];
  const root = document.createElement("div");
  document.body.append(root);
  const booted = boot(root).then((a) => (started = a));
  await settle(20);
  // Wrapped, since an async function's returned promise would be awaited with it.
  return { booted };
}

const screen = () => document.querySelector('[data-testid="recovery-screen"]');
const toasts = () => [...document.querySelectorAll('[data-testid="toast"]')].map((t) => t.textContent ?? "");

async function confirm(): Promise<void> {
  expect(byTestId<HTMLDialogElement>("recovery-dialog").open, "a confirmation comes first").toBe(true);
  byTestId("recovery-confirm").click();
  await settle(30);
}

describe("backup names", () => {
  // Rust reads the time and reason from the file names it gives (tested in the store); the UI
  // shows them, or the file name for a file named otherwise.
  it("shows the time and reason Rust read, and the file name otherwise", () => {
    expect(backupTitle(BACKUP), "time and reason").toBe("the backup of 2025-11-20 09:30:12 (manual)");
    expect(backupTitle({ ...BACKUP, path: "/b/my-copy.db", taken: null, reason: null }, "The"), "a file named otherwise").toBe("The backup my-copy.db");
  });
});

describe("recovery screen", () => {
  it("is not shown when recovery() answers null: the app starts as usual", async () => {
    const { booted } = await bootWith(null);
    await booted;
    expect(fake.called("recovery").length, "asked once at start").toBe(1);
    expect(screen(), "no recovery screen over a healthy database").toBeNull();
    expect(document.querySelector('[data-testid="dashboard"]'), "the app's pages are there").not.toBeNull();
  });

  it("starts the app when Rust cannot say whether the database is damaged", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    fake.handlers.recovery = () => {
      throw uiError("internal", "no such command");
    };
    const root = document.createElement("div");
    document.body.append(root);
    started = await boot(root);
    expect(screen(), "no recovery screen on a failed question").toBeNull();
    expect(fake.called("list_credentials").length, "the app loads its list").toBeGreaterThan(0);
  });

  it("says what is wrong, which file, and the newest good backup, instead of the app", async () => {
    await bootWith(damaged());
    expect(screen(), "the recovery screen is shown").not.toBeNull();
    expect(byTestId("recovery-problem").textContent, "Rust's problem, as text").toBe("database disk image is malformed <page 14>");
    expect(byTestId("recovery-path").textContent, "the damaged file").toBe("/data/dossier.db");
    const backup = byTestId("recovery-backup").textContent ?? "";
    expect(backup, "the backup's date and reason from its name").toContain("The backup of 2025-11-20 09:30:12 (manual)");
    expect(backup, "its record count").toContain("12 records");
    expect(document.activeElement, "the keyboard is on the primary way back").toBe(byTestId("recovery-restore"));
    expect(fake.called("list_credentials").length, "nothing reads the damaged store").toBe(0);
    expect(document.querySelector('[data-testid="dashboard"]'), "no app behind it").toBeNull();
  });

  it("restores the backup after a confirmation that says the damaged file is kept, then starts the app", async () => {
    fake.handlers.recover_with_backup = () => 12;
    const { booted } = await bootWith(damaged());
    byTestId("recovery-restore").click();
    await settle();
    expect(byTestId("recovery-dialog").textContent, "the confirmation says the damaged file stays").toContain("not deleted: it is kept beside your database, as dossier.db.damaged-<date and time>.");
    byTestId("recovery-dialog-cancel").click();
    await settle();
    expect(fake.called("recover_with_backup").length, "Cancel restores nothing").toBe(0);
    expect(screen(), "still on the recovery screen").not.toBeNull();

    byTestId("recovery-restore").click();
    await settle();
    await confirm();
    await booted;
    expect(fake.called("recover_with_backup").map((c) => c.args), "the offered backup's path goes to Rust").toEqual([{ path: BACKUP.path }]);
    expect(screen(), "the recovery screen is gone").toBeNull();
    expect(document.querySelector('[data-testid="dashboard"]'), "the app runs").not.toBeNull();
    expect(fake.called("list_credentials").length, "and loads the records").toBeGreaterThan(0);
    expect(byTestId("recovery-done").textContent, "a toast says what happened").toBe(
      "Restored the backup of 2025-11-20 09:30:12 (manual): 12 records. The damaged file is kept aside.",
    );
  });

  it("stays on the screen when the restore fails, with the failure said", async () => {
    fake.handlers.recover_with_backup = () => {
      throw uiError("io", "permission denied: /data");
    };
    await bootWith(damaged());
    byTestId("recovery-restore").click();
    await settle();
    await confirm();
    expect(screen(), "still on the recovery screen").not.toBeNull();
    expect(byTestId("error-toast").textContent, "the failure is said").toContain("permission denied: /data");
    expect(byTestId<HTMLButtonElement>("recovery-restore").disabled, "ready to try again").toBe(false);
    expect(byTestId<HTMLButtonElement>("recovery-salvage").disabled, "or the other way").toBe(false);
  });

  it("without a backup offers only salvage, says so, and reports what was read and what was lost", async () => {
    const salvaged: Salvaged = { path: "/data/dossier.db", records: 9, requirements: 1, settings: 4, lost: ["record 4: page 14 unreadable", "evidence link of record 6"] };
    fake.handlers.recover_salvage = () => salvaged;
    const { booted } = await bootWith(damaged(null));
    expect(document.querySelector('[data-testid="recovery-restore"]'), "nothing to restore").toBeNull();
    expect(byTestId("recovery-backup").textContent, "said plainly").toContain("None that checks out");
    expect(byTestId("recovery-salvage").className, "salvage is the primary action").toContain("btn-primary");
    byTestId("recovery-salvage").click();
    await settle();
    await confirm();
    await booted;
    expect(fake.called("recover_salvage").length, "salvage asked of Rust once").toBe(1);
    expect(screen(), "the app runs").toBeNull();
    expect(byTestId("recovery-done").textContent, "what was read").toBe(
      "Read 9 records, 1 requirement, 4 settings from the damaged database; it is kept aside beside the new one.",
    );
    expect(byTestId("recovery-lost").textContent, "every item that was lost").toBe("Could not be read (2): record 4: page 14 unreadable; evidence link of record 6");
    expect(toasts().length, "two toasts: read and lost").toBe(2);
  });
});
