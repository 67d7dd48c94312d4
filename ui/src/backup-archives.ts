// Settings → Backups, the archives: everything in one .zip with its evidence (in backups/,
// beside the database backups), one written now, and restoring one from the list or from a
// file picked anywhere. A restore into a store that holds records adds the archive's beside
// them, so it is confirmed first; Rust keeps the database as it was in backups/, which is
// what Undo puts back. A sealed archive's passphrase is asked before anything is read.

import type { ArchiveInfo, ArchiveRestored } from "./backend";
import * as backend from "./backend";
import { archiveFacts, archiveTitle, missingLines, restoredText } from "./archive-parts";
import { fileName } from "./backup-parts";
import { h, replaceChildren } from "./dom";
import { fileSize, plural } from "./format";
import { attempt, Latest } from "./kit-async";
import { confirmAction } from "./kit-dialog";
import type { Undo } from "./kit-undo";
import { askPassphrase, askToSeal } from "./passphrase-dialog";
import type { Toaster } from "./toast";

export interface ArchivesHost {
  readonly toaster: Toaster;
  report(err: unknown): void;
  /** Shared with the backups, so one Undo is on offer at a time. */
  readonly undo: Undo;
  /** Records were added or the database put back: every page, and the backups list, reload. */
  restored(): Promise<void>;
}

export class BackupArchives {
  readonly list: HTMLElement;
  readonly nowBtn: HTMLButtonElement;
  readonly fileBtn: HTMLButtonElement;
  /** What the last restore brought, announced as it changes. */
  readonly result: HTMLElement;
  private readonly latest = new Latest();
  private restoring = false;

  constructor(private readonly host: ArchivesHost) {
    this.list = h("ul", { class: "backup-list", "data-testid": "archives-list", "aria-label": "Archives" });
    this.nowBtn = h("button", { type: "button", class: "btn", "data-testid": "archive-now" }, "Archive now…");
    this.nowBtn.addEventListener("click", () => void this.archiveNow());
    this.fileBtn = h("button", { type: "button", class: "btn", "data-testid": "restore-archive-file" }, "Restore from a file…");
    this.fileBtn.addEventListener("click", () => void this.restoreFile());
    this.result = h("div", { class: "archive-result", role: "status", "data-testid": "archive-result" });
  }

  async refresh(): Promise<void> {
    await this.latest.run(backend.archives, (rows) => this.draw(rows), this.host.report);
  }

  private draw(rows: readonly ArchiveInfo[]): void {
    if (!rows.length) {
      replaceChildren(this.list, h("li", { class: "muted" }, "No archives yet. Archive now… writes one here, evidence included."));
      return;
    }
    replaceChildren(this.list, ...rows.map((a) => this.row(a)));
  }

  private row(a: ArchiveInfo): HTMLElement {
    const title = archiveTitle(a, "The");
    const restore = h("button", { type: "button", class: "btn btn-small", "data-testid": "archive-restore", "aria-label": `Restore ${archiveTitle(a)}` }, "Restore…");
    restore.addEventListener("click", () => void this.restore(a.path, archiveTitle(a), restore));
    return h(
      "li",
      { class: "backup-row", "data-testid": "archive-row", "data-id": fileName(a.path) },
      h(
        "div",
        { class: "backup-what" },
        h("span", {}, a.taken ?? fileName(a.path), a.encrypted ? h("span", { class: "tag", "data-testid": "archive-encrypted", title: `${title} is sealed with a passphrase` }, "encrypted") : null),
        h("span", { class: "hint" }, archiveFacts(a)),
      ),
      restore,
    );
  }

  async archiveNow(): Promise<void> {
    const sealing = await askToSeal({
      title: "Archive now",
      intro: "Everything Dossier keeps and every evidence file, in one .zip written into backups/ beside the database.",
      action: "Archive",
    });
    if (!sealing) return;
    const a = await attempt(this.host.report, () => backend.archiveNow(sealing.passphrase), { busy: this.nowBtn });
    if (!a) return;
    this.host.toaster.show(`Archived everything to ${fileName(a.path)} (${fileSize(a.bytes)}${a.encrypted ? ", encrypted" : ""}).`);
    await this.refresh();
  }

  async restoreFile(): Promise<void> {
    const path = await attempt(this.host.report, backend.pickArchive, { busy: this.fileBtn });
    if (path) await this.restore(path, fileName(path), this.fileBtn);
  }

  /** Confirms when records are kept here, asks for a sealed archive's passphrase, restores. */
  async restore(path: string, what: string, busy?: HTMLButtonElement): Promise<void> {
    if (this.restoring) return;
    this.restoring = true;
    try {
      const restored = await this.run(path, what, busy);
      if (restored) await this.done(restored, what);
    } finally {
      this.restoring = false;
    }
  }

  private async run(path: string, what: string, busy?: HTMLButtonElement): Promise<ArchiveRestored | null> {
    const info = await attempt(this.host.report, backend.appInfo);
    if (!info) return null;
    if (info.records > 0) {
      const sure = await confirmAction({
        title: "Restore this archive?",
        body: [
          `The records of ${what} will be added beside your ${plural(info.records, "record")}; a record already here stays as it is.`,
          "The database as it is will be kept in backups/ first, so you can undo: Undo right after, or Restore… on that backup (“before restore”) at any time.",
        ],
        action: "Restore",
        testid: "archive-dialog",
        confirmTestid: "archive-confirm",
      });
      if (!sure) return null;
    }
    const sealed = await attempt(this.host.report, () => backend.archiveNeedsPassphrase(path));
    if (sealed === undefined) return null;
    if (!sealed) return (await attempt(this.host.report, () => backend.restoreArchive(path, null), busy ? { busy } : {})) ?? null;
    return askPassphrase({ name: fileName(path), action: "Restore", open: (passphrase) => backend.restoreArchive(path, passphrase), report: this.host.report });
  }

  private async done(r: ArchiveRestored, what: string): Promise<void> {
    this.show(restoredText(r.summary), r);
    const aside = r.aside;
    if (!aside) {
      await this.host.restored();
      return;
    }
    // The restore has run (its passphrase dialog needed the answer); Undo puts back the database kept aside.
    await this.host.undo.remove<ArchiveRestored>({
      remove: () => Promise.resolve(r),
      restore: () => backend.restoreBackup(aside.path),
      removedText: () => `Restored ${what}. The database as it was is kept as ${fileName(aside.path)}.`,
      restoredText: () => `Back to the database as it was before the restore: ${plural(aside.records, "record")}.`,
      afterRemove: () => this.host.restored(),
      afterRestore: async (_, undone) => {
        if (undone) replaceChildren(this.result, h("p", {}, `Undid the restore: back to ${plural(aside.records, "record")}.`));
        await this.host.restored();
      },
    });
  }

  /** The summary, then the evidence it could not bring and what a person should know. */
  show(text: string, r: ArchiveRestored): void {
    const missing = missingLines(r.summary);
    const list = (testid: string, head: string, items: readonly string[]) =>
      items.length ? [h("p", {}, head), h("ul", { "data-testid": testid }, ...items.map((t) => h("li", {}, t)))] : [];
    replaceChildren(
      this.result,
      h("p", { "data-testid": "archive-restored" }, text),
      ...list("archive-missing", `${plural(missing.length, "evidence file")} could not be restored:`, missing),
      ...list("archive-notes", "Worth knowing:", r.summary.notes),
    );
  }
}
