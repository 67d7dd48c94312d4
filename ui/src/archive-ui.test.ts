import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));

import { invoke } from "@tauri-apps/api/core";
import type { ArchiveInfo, ArchiveRestored, BackupInfo, Exported, RestoreSummary, Tally } from "./backend";
import { exportedText, restoredText } from "./archive-parts";
import { sealErrors } from "./passphrase-dialog";
import { appPerTest, byTestId, credential, deferred, fake, mountApp, settle, typeInto, uiError } from "./test-support";

appPerTest(vi.mocked(invoke), () => [credential({ id: 1, title: "MD" }), credential({ id: 4, title: "Board <cert>" })]);

const SECRET = "correct horse battery";
let logged: unknown[][] = [];
beforeEach(() => {
  logged = [];
  for (const level of ["log", "info", "warn", "error", "debug"] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void logged.push(args));
  }
});
afterEach(() => {
  vi.restoreAllMocks();
  expect(JSON.stringify(logged).includes(SECRET), "a passphrase is never logged").toBe(false);
});

const DIR = "/data/backups";
const tally = (p: Partial<Tally> = {}): Tally => ({ credentials: 0, requirements: 0, field_changes: 0, frameworks: 0, skill_areas: 0, renewals: 0, evidence: 0, ...p });
const summary = (p: Partial<RestoreSummary> = {}): RestoreSummary => ({ replaced: false, added: tally(), kept: tally(), missing_evidence: [], notes: [], ...p });
const ARCHIVE: ArchiveInfo = { path: `${DIR}/dossier-archive-2025-11-20-093012.zip`, bytes: 3_250_586, encrypted: false, taken: "2025-11-20 09:30:12" };
const SEALED: ArchiveInfo = { path: `${DIR}/dossier-archive-2025-11-02-090000.zip`, bytes: 2_100_000, encrypted: true, taken: "2025-11-02 09:00:00" };
const ASIDE: BackupInfo = { path: `${DIR}/dossier-20251121-101500-before-restore.db`, bytes: 90_000, version: 9, records: 2, taken: "2025-11-21 10:15:00", reason: "before restore" };
const RESTORED: ArchiveRestored = {
  summary: summary({
    added: tally({ credentials: 12, evidence: 3, requirements: 1 }),
    kept: tally({ credentials: 7 }),
    missing_evidence: [{ credential: "u-1", title: "ACLS <2024>", name: "acls.pdf", sha256: "a".repeat(64), why: "not in the archive" }],
    notes: ["a requirement named 'State CME' is here already; this store's is kept"],
  }),
  aside: ASIDE,
};

const q = <T extends HTMLElement = HTMLElement>(sel: string) => document.querySelector<T>(sel);
const texts = (testid: string) => [...document.querySelectorAll(`[data-testid="${testid}"]`)].map((e) => e.textContent ?? "");
const toasts = () => texts("toast").map((t) => t.replace(/Undo$/, ""));
const input = (testid: string) => byTestId<HTMLInputElement>(testid);

async function click(testid: string, rounds = 20): Promise<void> {
  byTestId(testid).click();
  await settle(rounds);
}

describe("texts of exports and restores", () => {
  it("says what an export wrote, evidence only for archives", () => {
    const e = (p: Partial<Exported>): Exported => ({ path: "/home/me/x", records: 19, evidence: 0, encrypted: false, ...p });
    expect(exportedText("archive", e({ evidence: 4, encrypted: true })), "a sealed archive").toBe("Wrote 19 records and 4 evidence files to /home/me/x, encrypted.");
    expect(exportedText("archive", e({})), "an archive without evidence still says so").toBe("Wrote 19 records and 0 evidence files to /home/me/x.");
    expect(exportedText("csv", e({ records: 1 })), "a CSV").toBe("Wrote 1 record to /home/me/x.");
  });

  it("says what a restore brought: records always, the rest when there was some", () => {
    expect(restoredText(RESTORED.summary), "records, then the others").toBe("Restored 12 records (7 already here), 3 evidence files and 1 requirement.");
    expect(restoredText(summary()), "nothing new").toBe("Restored 0 records.");
    expect(restoredText(summary({ replaced: true, added: tally({ credentials: 1 }) })), "into an empty store").toContain("its settings and frameworks are now the archive's");
  });

  it("checks a passphrase to seal with before Rust sees it", () => {
    expect(sealErrors("", "").map((e) => e.field), "an empty one").toEqual(["passphrase"]);
    expect(sealErrors("abc", "abd").map((e) => e.field), "two that differ").toEqual(["passphrase_repeat"]);
    expect(sealErrors(" a ", " a "), "the same twice, spaces and all").toEqual([]);
  });
});

describe("Export → Give everything back", () => {
  it("offers the four exports and says what each wrote in a live region", async () => {
    fake.handlers.export_data = (a) => ({ path: `/home/me/out.${String(a.format)}`, records: 19, evidence: 0, encrypted: false });
    await mountApp("export");
    expect(["export-json", "export-archive", "export-jsonresume", "export-csv"].map((t) => byTestId(t).textContent), "labels").toEqual([
      "Full JSON export…",
      "Archive with evidence (.zip)…",
      "JSON Resume…",
      "CSV of records…",
    ]);
    const result = byTestId("data-export-result");
    expect(result.getAttribute("role"), "the result is announced").toBe("status");
    for (const [testid, format] of [["export-json", "json"], ["export-jsonresume", "jsonresume"], ["export-csv", "csv"]] as const) {
      await click(testid);
      expect(fake.called("export_data").at(-1)?.args, `${testid} asks for ${format}, unsealed`).toEqual({ format, passphrase: null });
      expect(result.textContent, `${testid}'s result`).toBe(`Wrote 19 records to /home/me/out.${format}.`);
    }
    expect(q('[data-testid="seal-dialog"]'), "only the archive asks about a passphrase").toBeNull();
  });

  it("says nothing when the save dialog is cancelled, and a refusal goes to an alert", async () => {
    fake.handlers.export_data = () => null;
    await mountApp("export");
    await click("export-csv");
    expect(byTestId("data-export-result").textContent, "cancelled: nothing").toBe("");
    fake.handlers.export_data = () => {
      throw uiError("io", "cannot write /home/me/out.json: permission denied");
    };
    await click("export-json");
    expect(texts("error-toast")[0], "the error in an alert").toContain("permission denied");
    expect(q('[data-testid="error-toast"]')?.getAttribute("role"), "an alert").toBe("alert");
    expect(byTestId("data-export-result").textContent, "no result").toBe("");
    expect((byTestId("export-json") as HTMLButtonElement).disabled, "the button works again").toBe(false);
  });

  it("writes a plain archive when Encrypt is left unticked", async () => {
    fake.handlers.export_data = () => ({ path: "/home/me/dossier-archive.zip", records: 19, evidence: 4, encrypted: false });
    await mountApp("export");
    await click("export-archive");
    expect(document.activeElement, "the keyboard starts on the checkbox").toBe(input("encrypt"));
    expect(input("passphrase").closest("fieldset")?.disabled, "no passphrase to type until ticked").toBe(true);
    expect(fake.called("export_data").length, "nothing is written before the dialog is answered").toBe(0);
    await click("seal-dialog-ok");
    expect(q('[data-testid="seal-dialog"]'), "the dialog is gone before the save dialog").toBeNull();
    expect(fake.called("export_data").map((c) => c.args), "an unsealed archive").toEqual([{ format: "archive", passphrase: null }]);
    expect(byTestId("data-export-result").textContent, "what it wrote").toBe("Wrote 19 records and 4 evidence files to /home/me/dossier-archive.zip.");
  });

  it("seals an archive only with a passphrase typed twice alike, and forgets it after", async () => {
    fake.handlers.export_data = (a) => ({ path: "/home/me/dossier-archive.zip", records: 19, evidence: 4, encrypted: a.passphrase !== null });
    await mountApp("export");
    await click("export-archive");
    const encrypt = input("encrypt");
    encrypt.click();
    await settle();
    const [pass, repeat] = [input("passphrase"), input("passphrase-repeat")];
    expect([pass.type, pass.autocomplete, repeat.type, repeat.autocomplete], "hidden, and a new password to a password manager").toEqual([
      "password",
      "new-password",
      "password",
      "new-password",
    ]);
    expect(document.activeElement, "ticking moves to the passphrase").toBe(pass);
    expect(q(`label[for="${pass.id}"]`)?.textContent, "labelled").toBe("Passphrase");

    await click("seal-dialog-ok");
    expect(pass.getAttribute("aria-invalid"), "an empty passphrase is refused here").toBe("true");
    expect(byTestId("seal-dialog").textContent, "and says why").toContain("Type a passphrase");
    typeInto(pass, SECRET);
    typeInto(repeat, `${SECRET}!`);
    await click("seal-dialog-ok");
    expect(repeat.getAttribute("aria-invalid"), "a repeat that differs is refused").toBe("true");
    expect(document.activeElement, "the keyboard goes to it").toBe(repeat);
    expect(fake.called("export_data").length, "Rust is not asked while they differ").toBe(0);

    typeInto(repeat, SECRET);
    expect(repeat.getAttribute("aria-invalid"), "typing again clears the message").toBeNull();
    await click("seal-dialog-ok");
    expect(fake.called("export_data").map((c) => c.args), "sealed with it").toEqual([{ format: "archive", passphrase: SECRET }]);
    expect([pass.value, repeat.value], "the fields are emptied on close").toEqual(["", ""]);
    expect(q('[data-testid="seal-dialog"]'), "and gone").toBeNull();
    expect(byTestId("data-export-result").textContent, "encrypted, it says").toBe("Wrote 19 records and 4 evidence files to /home/me/dossier-archive.zip, encrypted.");
  });

  it("Cancel or Escape writes nothing and gives the keyboard back", async () => {
    await mountApp("export");
    const btn = byTestId("export-archive");
    btn.focus();
    await click("export-archive");
    await click("seal-dialog-cancel");
    btn.focus();
    await click("export-archive");
    input("encrypt").dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true }));
    await settle();
    expect(fake.called("export_data").length, "nothing written").toBe(0);
    expect(document.activeElement, "back on the button").toBe(btn);
    expect(byTestId("data-export-result").textContent, "nothing said").toBe("");
  });
});

describe("Settings → Backups → archives", () => {
  it("lists each archive with its date, size and an encrypted tag, each with Restore", async () => {
    fake.handlers.archives = () => [ARCHIVE, SEALED];
    await mountApp("settings");
    expect(texts("archive-row"), "date, size and file; the sealed one tagged").toEqual([
      "2025-11-20 09:30:123.1 MB · dossier-archive-2025-11-20-093012.zipRestore…",
      "2025-11-02 09:00:00encrypted2.0 MB · dossier-archive-2025-11-02-090000.zipRestore…",
    ]);
    expect(texts("archive-encrypted").length, "one tag").toBe(1);
    expect(q('[data-testid="archive-restore"]')?.getAttribute("aria-label"), "each Restore names its archive").toBe("Restore the archive of 2025-11-20 09:30:12");
  });

  it("archives now, sealed if asked, and lists the new one", async () => {
    let list: ArchiveInfo[] = [];
    fake.handlers.archives = () => list;
    fake.handlers.archive_now = (a) => {
      list = [{ ...ARCHIVE, encrypted: a.passphrase !== null }];
      return list[0];
    };
    await mountApp("settings");
    expect(byTestId("archives-list").textContent, "none yet").toContain("No archives yet");
    await click("archive-now");
    input("encrypt").click();
    typeInto(input("passphrase"), SECRET);
    typeInto(input("passphrase-repeat"), SECRET);
    await click("seal-dialog-ok", 30);
    expect(fake.called("archive_now").map((c) => c.args), "sealed with the passphrase").toEqual([{ passphrase: SECRET }]);
    expect(toasts(), "says where").toContain("Archived everything to dossier-archive-2025-11-20-093012.zip (3.1 MB, encrypted).");
    expect(texts("archive-row").length, "the list is asked again").toBe(1);
  });

  it("restores a file after confirming beside the records kept, shows what came, reloads, and Undo puts the database back", async () => {
    fake.handlers.pick_archive = () => null;
    await mountApp("settings");
    await click("restore-archive-file");
    expect(fake.called("archive_needs_passphrase").length, "a cancelled pick does nothing").toBe(0);

    fake.handlers.pick_archive = () => "/home/me/old.zip";
    fake.handlers.archive_needs_passphrase = () => false;
    fake.handlers.restore_archive = () => RESTORED;
    fake.handlers.restore_backup = () => ({ from: ASIDE, aside: { ...ASIDE, path: `${DIR}/dossier-20251121-101600-before-restore.db` } });
    await click("restore-archive-file");
    const dialog = byTestId("archive-dialog").textContent ?? "";
    expect(dialog, "names the file and the records kept").toContain("The records of old.zip will be added beside your 2 records");
    expect(dialog, "says the database is kept to undo").toContain("kept in backups/ first, so you can undo");
    await click("archive-dialog-cancel");
    expect(fake.called("restore_archive").length, "Cancel restores nothing").toBe(0);

    await click("restore-archive-file");
    const lists = fake.called("list_credentials").length;
    const backups = fake.called("backups").length;
    await click("archive-confirm", 40);
    expect(fake.called("restore_archive").map((c) => c.args), "a plain archive, no passphrase").toEqual([{ path: "/home/me/old.zip", passphrase: null }]);
    const result = byTestId("archive-result");
    expect(result.getAttribute("role"), "announced").toBe("status");
    expect(byTestId("archive-restored").textContent, "the summary").toBe("Restored 12 records (7 already here), 3 evidence files and 1 requirement.");
    expect(texts("archive-missing"), "missing evidence, as text").toEqual(["acls.pdf of “ACLS <2024>”: not in the archive"]);
    expect(texts("archive-notes"), "and the notes").toEqual(["a requirement named 'State CME' is here already; this store's is kept"]);
    expect(fake.called("list_credentials").length, "every page reloads").toBeGreaterThan(lists);
    expect(fake.called("backups").length, "the backups list shows the one kept aside").toBeGreaterThan(backups);
    expect(toasts(), "Undo on offer").toEqual(["Restored old.zip. The database as it was is kept as dossier-20251121-101500-before-restore.db."]);

    await click("undo", 40);
    expect(fake.called("restore_backup").map((c) => c.args), "Undo restores the database kept aside").toEqual([{ path: ASIDE.path }]);
    expect(result.textContent, "and says so").toBe("Undid the restore: back to 2 records.");
  });

  it("asks a sealed archive's passphrase, keeps the dialog open on a wrong one, and restores with the right one", async () => {
    fake.handlers.archives = () => [SEALED];
    fake.handlers.archive_needs_passphrase = (a) => a.path === SEALED.path;
    fake.handlers.restore_archive = (a) => {
      if (a.passphrase !== SECRET) throw uiError("validation", "dossier-archive-2025-11-02-090000.zip: the passphrase is wrong or the archive was changed");
      return { ...RESTORED, aside: null };
    };
    fake.handlers.app_info = () => ({ db_path: "/d.db", evidence_dir: "/ev", version: "0.1.0", records: 0 });
    await mountApp("settings");
    await click("archive-restore");
    expect(q('[data-testid="archive-dialog"]'), "an empty store: nothing to confirm").toBeNull();
    const pass = input("passphrase");
    expect([pass.type, pass.autocomplete], "hidden, the password it already has").toEqual(["password", "current-password"]);
    expect(document.activeElement, "the keyboard is in the field").toBe(pass);
    expect(byTestId("passphrase-dialog").textContent, "names the file").toContain("dossier-archive-2025-11-02-090000.zip");

    await click("passphrase-dialog-ok");
    expect(fake.called("restore_archive").length, "an empty passphrase is not sent").toBe(0);
    typeInto(pass, "wrong horse");
    await click("passphrase-dialog-ok", 30);
    expect(q('[data-testid="passphrase-dialog"]'), "a wrong one keeps the dialog open").not.toBeNull();
    expect(pass.getAttribute("aria-invalid"), "marked").toBe("true");
    expect(byTestId("passphrase-dialog").textContent, "with Rust's message, without the file name twice").toContain("The passphrase is wrong or the archive was changed");
    expect(document.activeElement, "ready for another try").toBe(pass);
    expect(texts("error-toast"), "not an alert: the dialog says it").toEqual([]);

    typeInto(pass, SECRET);
    await click("passphrase-dialog-ok", 40);
    expect(fake.called("restore_archive").map((c) => c.args), "tried twice").toEqual([
      { path: SEALED.path, passphrase: "wrong horse" },
      { path: SEALED.path, passphrase: SECRET },
    ]);
    expect(q('[data-testid="passphrase-dialog"]'), "closed").toBeNull();
    expect(pass.value, "forgotten").toBe("");
    expect(byTestId("archive-restored").textContent, "what came").toContain("Restored 12 records");
    expect(toasts(), "nothing kept aside: no Undo").toEqual([]);
  });

  it("a failure that is not about the passphrase closes the dialog and goes to an alert", async () => {
    fake.handlers.archives = () => [SEALED];
    fake.handlers.archive_needs_passphrase = () => true;
    fake.handlers.restore_archive = () => {
      throw uiError("io", "cannot read the archive: disk I/O error");
    };
    await mountApp("settings");
    await click("archive-restore");
    await click("archive-confirm");
    typeInto(input("passphrase"), SECRET);
    await click("passphrase-dialog-ok", 30);
    expect(q('[data-testid="passphrase-dialog"]'), "closed").toBeNull();
    expect(texts("error-toast")[0], "in an alert").toContain("disk I/O error");
    expect(byTestId("archive-result").textContent, "nothing restored").toBe("");
    expect(fake.called("backups").length, "nothing changed, so nothing is asked again").toBe(1);
  });

  it("a dialog closed while Rust restores still shows what the restore brought", async () => {
    fake.handlers.archives = () => [SEALED];
    fake.handlers.archive_needs_passphrase = () => true;
    const answer = deferred<ArchiveRestored>();
    fake.handlers.restore_archive = () => answer.promise;
    await mountApp("settings");
    await click("archive-restore");
    await click("archive-confirm");
    typeInto(input("passphrase"), SECRET);
    await click("passphrase-dialog-ok");
    expect((byTestId("passphrase-dialog-ok") as HTMLButtonElement).disabled, "busy: not sent twice").toBe(true);
    input("passphrase").dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true }));
    await settle();
    expect(q('[data-testid="passphrase-dialog"]'), "closed").toBeNull();
    answer.resolve(RESTORED);
    await settle(40);
    expect(byTestId("archive-restored").textContent, "the restore that ran is still told").toContain("Restored 12 records");
    expect(toasts().length, "with its Undo").toBe(1);
  });
});

describe("the dev mock's archive commands", () => {
  it("answers the six commands as Rust would, refusing a wrong passphrase", async () => {
    const { archiveCommand } = await import("./dev-mock-archive");
    const records = [credential({ id: 1, title: "Internal Medicine", issuer: "American Board of Internal Medicine", completed: "2015-08-19" })];
    const target = { records: () => records, add: (r: readonly unknown[]) => r.map((_, i) => 100 + i), remove: () => 0 };
    const listed = archiveCommand("archives", {}, target) as ArchiveInfo[];
    expect(listed.map((a) => a.encrypted), "a plain and a sealed archive").toEqual([false, true]);
    const sealed = listed[1]?.path ?? "";
    expect(archiveCommand("archive_needs_passphrase", { path: sealed }, target), "the sealed one needs its passphrase").toBe(true);
    await expect(archiveCommand("restore_archive", { path: sealed, passphrase: "nope" }, target), "a wrong one is refused").rejects.toMatchObject({
      kind: "validation",
      message: expect.stringContaining("passphrase is wrong"),
    });
    const r = (await archiveCommand("restore_archive", { path: sealed, passphrase: "correct horse" }, target)) as ArchiveRestored;
    expect([r.summary.added.credentials, r.summary.kept.credentials], "the record kept here is matched").toEqual([2, 1]);
    const e = (await archiveCommand("export_data", { format: "csv", passphrase: null }, target)) as Exported;
    expect([e.records, e.evidence, e.encrypted], "a CSV of the records").toEqual([1, 0, false]);
    expect(archiveCommand("pick_archive", {}, target), "the picker finds a file").toMatch(/\.zip$/);
  });
});
