// Starting over a damaged database. Rust refuses to open a file that fails SQLite's check and
// never writes to it; instead of an app whose every page fails, the window says what is wrong
// and offers the two ways back: the newest backup that verifies, or reading what the damaged
// file still holds. Either keeps the damaged file aside, and then the app starts as usual.

import type { Recovery, Salvaged } from "./backend";
import * as backend from "./backend";
import { startApp, type App } from "./app";
import { backupFacts, backupTitle, fileName } from "./backup-parts";
import { h, replaceChildren } from "./dom";
import { plural } from "./format";
import { attempt } from "./kit-async";
import { confirmAction } from "./kit-dialog";
import { Toaster } from "./toast";

/** What the app says once it is running again: a toast, and one more for what was lost. */
interface Outcome {
  message: string;
  lost: readonly string[];
}

function salvagedText(s: Salvaged): string {
  const parts = [plural(s.records, "record"), plural(s.requirements, "requirement"), plural(s.settings, "setting")];
  return `Read ${parts.join(", ")} from the damaged database; it is kept aside beside the new one.`;
}

/**
 * The recovery screen in `root`, until one of its ways back succeeds: then what happened.
 * Failures are toasts and leave the screen as it was, to try again or the other way.
 */
export function recover(root: HTMLElement, rec: Recovery): Promise<Outcome> {
  return new Promise((resolve) => {
    const toaster = new Toaster(document.body);
    const report = (err: unknown): void => {
      toaster.error(backend.toBackendError("", err).message);
    };
    const finish = (o: Outcome): void => {
      toaster.region.remove();
      resolve(o);
    };
    const aside = `The damaged file is not deleted: it is kept beside your database, as ${fileName(rec.path)}.damaged-<date and time>.`;
    const backup = rec.backup;
    const restoreBtn = backup ? h("button", { type: "button", class: "btn btn-primary", "data-testid": "recovery-restore" }, "Restore this backup") : null;
    const salvageBtn = h(
      "button",
      { type: "button", class: backup ? "btn" : "btn btn-primary", "data-testid": "recovery-salvage" },
      "Read what can be read",
    );
    // One way back at a time: while one runs, the other waits too.
    const busy = <T>(btn: HTMLButtonElement, work: () => Promise<T>): Promise<T | undefined> => {
      const other = btn === salvageBtn ? restoreBtn : salvageBtn;
      if (other) other.disabled = true;
      return attempt(report, work, { busy: btn }).finally(() => {
        if (other) other.disabled = false;
      });
    };
    if (restoreBtn && backup) restoreBtn.addEventListener("click", async () => {
      const title = backupTitle(backup);
      const sure = await confirmAction({
        title: "Restore this backup?",
        body: [
          `Your database is replaced by ${title}, with ${plural(backup.records, "record")}. Changes made after it was taken are not in it.`,
          aside,
        ],
        action: "Restore",
        testid: "recovery-dialog",
        confirmTestid: "recovery-confirm",
      });
      if (!sure) return;
      const n = await busy(restoreBtn, () => backend.recoverWithBackup(backup.path));
      if (n === undefined) return;
      finish({ message: `Restored ${title}: ${plural(n, "record")}. The damaged file is kept aside.`, lost: [] });
    });
    salvageBtn.addEventListener("click", async () => {
      const sure = await confirmAction({
        title: "Read what can be read?",
        body: [
          "Dossier reads every record, requirement and setting the damaged file still holds into a new database, which then becomes yours. Whatever cannot be read is listed afterwards.",
          aside,
        ],
        action: "Read and use it",
        testid: "recovery-dialog",
        confirmTestid: "recovery-confirm",
      });
      if (!sure) return;
      const s = await busy(salvageBtn, backend.recoverSalvage);
      if (s) finish({ message: salvagedText(s), lost: s.lost });
    });

    const backupLine = backup
      ? h(
          "dd",
          { "data-testid": "recovery-backup" },
          h("span", {}, backupTitle(backup, "The")),
          h("span", { class: "muted" }, backupFacts(backup)),
          h("span", { class: "recovery-file muted" }, backup.path),
        )
      : h(
          "dd",
          { "data-testid": "recovery-backup" },
          "None that checks out. Restoring is not possible; Dossier can still read what the damaged file holds.",
        );
    replaceChildren(
      root,
      h(
        "main",
        { class: "recovery", "data-testid": "recovery-screen", "aria-labelledby": "recovery-title" },
        h(
          "section",
          { class: "card recovery-card" },
          h("h1", { id: "recovery-title" }, "Your database needs to be recovered"),
          h("p", {}, "Dossier could not open it because it is damaged. Nothing has been written to it, and nothing will be until you choose below."),
          h(
            "dl",
            { class: "recovery-facts" },
            h("dt", {}, "What is wrong"),
            h("dd", { "data-testid": "recovery-problem", class: "recovery-problem" }, rec.problem),
            h("dt", {}, "File"),
            h("dd", { "data-testid": "recovery-path", class: "recovery-file" }, rec.path),
            h("dt", {}, "Newest good backup"),
            backupLine,
          ),
          h("div", { class: "form-actions start" }, restoreBtn, salvageBtn),
          h(
            "p",
            { class: "muted" },
            backup
              ? "Restoring brings back everything as it was when the backup was taken. Reading what can be read keeps later changes where the damage allows, and lists what it could not read."
              : "Reading what can be read keeps every record the damage allows, and lists what it could not read.",
          ),
        ),
      ),
    );
    (restoreBtn ?? salvageBtn).focus();
  });
}

/**
 * Starts the window: the recovery screen first when the database is damaged, then the app.
 * If Rust cannot even say whether it is damaged, the app starts and shows its own errors.
 */
export async function boot(root: HTMLElement): Promise<App> {
  const rec = await attempt((err) => console.error("recovery", err), backend.recovery);
  if (!rec) return startApp(root);
  const outcome = await recover(root, rec);
  const app = await startApp(root);
  app.toaster.show(outcome.message, { timeout: 12000, testid: "recovery-done" });
  if (outcome.lost.length) {
    app.toaster.show(`Could not be read (${outcome.lost.length}): ${outcome.lost.join("; ")}`, { timeout: 0, testid: "recovery-lost" });
  }
  return app;
}
