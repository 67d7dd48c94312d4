// Removal that can be undone: the thing goes at once (no "are you sure?"), and a toast offers
// Undo for a while. One removal is pending at a time, so Ctrl+Z has one meaning.

import { attempt, succeeds, type Report } from "./kit-async";
import type { Toaster, ToastHandle } from "./toast";

/** How long the Undo stays on offer. */
export const UNDO_MS = 8000;

export interface Removal<T> {
  remove(): Promise<T>;
  /** Puts back what `remove` answered. */
  restore(removed: T): Promise<unknown>;
  removedText(removed: T): string;
  restoredText(removed: T): string;
  /** After the removal (reload, move the keyboard off the vanished row). */
  afterRemove(removed: T): Promise<void> | void;
  /** After an Undo, whether or not the restore worked (the data may have moved either way). */
  afterRestore(removed: T, restored: boolean): Promise<void> | void;
  /** A hint on the Undo button (its shortcut). */
  undoTitle?: string;
}

/**
 * A removal on an editing page: `host.changed` (statuses may move) and the page's own reload
 * follow it and its Undo, and the keyboard goes to `refocus`, since the Remove button went
 * with its row.
 */
export function pageRemoval<T>(
  host: { changed(): void },
  reload: () => Promise<void>,
  refocus: HTMLElement,
  r: Pick<Removal<T>, "remove" | "restore" | "removedText" | "restoredText">,
): Removal<T> {
  const after = async (): Promise<void> => {
    host.changed();
    await reload();
  };
  return {
    ...r,
    afterRemove: async () => {
      await after();
      refocus.focus();
    },
    afterRestore: after,
  };
}

export class Undo {
  private pending: { toast: ToastHandle; undo: () => Promise<void> } | null = null;

  constructor(
    private readonly toaster: Toaster,
    private readonly report: Report,
  ) {}

  /** True while the latest removal's Undo is still on offer. */
  get canUndo(): boolean {
    return this.pending !== null && !this.pending.toast.dismissed;
  }

  async remove<T>(r: Removal<T>): Promise<void> {
    const removed = await attempt(this.report, () => r.remove());
    if (removed === undefined) return;
    this.pending?.toast.dismiss();
    const undo = async (): Promise<void> => {
      if (this.pending?.undo === undo) this.pending = null;
      toast.dismiss();
      const ok = await succeeds(this.report, () => r.restore(removed));
      if (ok) this.toaster.show(r.restoredText(removed));
      await r.afterRestore(removed, ok);
    };
    const toast = this.toaster.show(r.removedText(removed), {
      timeout: UNDO_MS,
      action: { label: "Undo", testid: "undo", ...(r.undoTitle ? { title: r.undoTitle } : {}), run: () => void undo() },
    });
    this.pending = { toast, undo };
    await r.afterRemove(removed);
  }

  /** Undoes the latest removal while its toast is up (Ctrl+Z). */
  async undo(): Promise<void> {
    if (this.canUndo) await this.pending?.undo();
  }

  dismiss(): void {
    this.pending?.toast.dismiss();
    this.pending = null;
  }
}
