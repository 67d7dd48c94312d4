// Settings → Backups: the files in backups/ as Rust verified them (newest first), a backup
// taken now, and restoring one. A restore replaces the whole database, so it is confirmed
// first; Rust keeps the database as it was as a backup of its own, which is what Undo (and,
// later, that row's Restore…) puts back. Beside them, the archives (backup-archives.ts).

import type { BackupInfo, BackupRow, Restored } from "./backend";
import * as backend from "./backend";
import { BackupArchives } from "./backup-archives";
import { backupFacts, backupTitle, fileName } from "./backup-parts";
import { h, replaceChildren } from "./dom";
import { plural } from "./format";
import { attempt, Latest } from "./kit-async";
import { confirmAction } from "./kit-dialog";
import { Undo } from "./kit-undo";
import type { Toaster } from "./toast";

export interface BackupsHost {
  readonly toaster: Toaster;
  report(err: unknown): void;
  /** The whole database was replaced: every page and the list reload. */
  replaced(): Promise<void>;
}

export class BackupsSection {
  readonly element: HTMLElement;
  private readonly list: HTMLElement;
  private readonly nowBtn: HTMLButtonElement;
  private readonly latest = new Latest();
  private readonly undo: Undo;
  readonly archives: BackupArchives;

  constructor(private readonly host: BackupsHost) {
    this.undo = new Undo(host.toaster, host.report);
    this.archives = new BackupArchives({
      toaster: host.toaster,
      report: host.report,
      undo: this.undo,
      restored: async () => {
        await this.host.replaced();
        await this.refresh();
      },
    });
    this.list = h("ul", { class: "backup-list", "data-testid": "backups-list", "aria-label": "Backups" });
    this.nowBtn = h("button", { type: "button", class: "btn", "data-testid": "backup-now" }, "Back up now");
    this.nowBtn.addEventListener("click", () => void this.backUpNow());
    this.element = h(
      "section",
      { class: "card", "aria-labelledby": "backups-title", "data-testid": "backups" },
      h("h3", { id: "backups-title" }, "Backups"),
      h(
        "p",
        { class: "muted" },
        "In backups/ beside the database: one a day (the last 7 kept) and one before every upgrade, each checked before it is listed.",
      ),
      this.list,
      h("div", { class: "form-actions start" }, this.nowBtn),
      h("h4", { id: "archives-title", class: "archives-title" }, "Archives"),
      h(
        "p",
        { class: "muted" },
        "Everything Dossier keeps and every evidence file in one .zip, encrypted with a passphrase if you like: to restore here, or on another computer.",
      ),
      this.archives.list,
      h("div", { class: "form-actions start" }, this.archives.nowBtn, this.archives.fileBtn),
      this.archives.result,
    );
  }

  async refresh(): Promise<void> {
    await Promise.all([this.latest.run(backend.backups, (rows) => this.draw(rows), this.host.report), this.archives.refresh()]);
  }

  private draw(rows: readonly BackupRow[]): void {
    if (!rows.length) {
      replaceChildren(this.list, h("li", { class: "muted" }, "No backups yet. Dossier takes one on the first start of each day."));
      return;
    }
    replaceChildren(this.list, ...rows.map((r) => (r.backup ? this.goodRow(r.backup) : this.badRow(r.problem ?? "does not verify"))));
  }

  private goodRow(b: BackupInfo): HTMLElement {
    const restore = h("button", { type: "button", class: "btn btn-small", "data-testid": "backup-restore" }, "Restore…");
    restore.addEventListener("click", () => void this.restore(b));
    return h(
      "li",
      { class: "backup-row", "data-testid": "backup-row", "data-id": fileName(b.path) },
      h(
        "div",
        { class: "backup-what" },
        h("span", {}, b.taken !== null && b.reason !== null ? `${b.taken} · ${b.reason}` : fileName(b.path)),
        h("span", { class: "hint" }, `${backupFacts(b)} · ${fileName(b.path)}`),
      ),
      restore,
    );
  }

  private badRow(problem: string): HTMLElement {
    return h(
      "li",
      { class: "backup-row bad", "data-testid": "backup-row", "data-bad": "true" },
      h("div", { class: "backup-what" }, h("span", {}, "Cannot be used"), h("span", { class: "hint" }, problem)),
    );
  }

  async backUpNow(): Promise<void> {
    const b = await attempt(this.host.report, backend.backupNow, { busy: this.nowBtn });
    if (!b) return;
    this.host.toaster.show(`Backed up ${plural(b.records, "record")} to ${fileName(b.path)}.`);
    await this.refresh();
  }

  async restore(b: BackupInfo): Promise<void> {
    const sure = await confirmAction({
      title: "Restore this backup?",
      body: [
        `Your database is replaced by ${backupTitle(b)}, with ${plural(b.records, "record")}. What was added or changed since it was taken will not be in it.`,
        "The database as it is now is kept first, as a backup of its own (“before restore”) in this list: Undo right after, or Restore… on that row at any time, brings it back.",
      ],
      action: "Restore",
      testid: "backup-dialog",
      confirmTestid: "backup-confirm",
    });
    if (!sure) return;
    const after = async (): Promise<void> => {
      await this.host.replaced();
      await this.refresh();
    };
    await this.undo.remove<Restored>({
      remove: () => backend.restoreBackup(b.path),
      restore: (r) => backend.restoreBackup(r.aside.path),
      removedText: (r) => `Restored ${backupTitle(r.from)}: ${plural(r.from.records, "record")}. The database as it was is kept as ${fileName(r.aside.path)}.`,
      restoredText: (r) => `Back to the database as it was before the restore: ${plural(r.aside.records, "record")}.`,
      afterRemove: after,
      afterRestore: after,
    });
  }

  dispose(): void {
    this.undo.dismiss();
  }
}
