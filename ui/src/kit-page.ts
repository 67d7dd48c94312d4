// Pages and the frame around them. A page is one entry in a registry; the header's buttons,
// Ctrl/Cmd+1..9, the heading, the landmark and where the keyboard goes on arrival all come
// from that list, so adding a page cannot leave one of them out.

import { h } from "./dom";
import { shortcut, withCtrlOrCmd } from "./keys";

/** What an entry builds: the page's content; the shell supplies the heading around it. */
export interface Page {
  /** Under the heading. */
  readonly element: HTMLElement;
  /** Beside the heading in the page's header: its tools or a line of introduction. */
  readonly head?: readonly (Node | null)[];
  /** It became visible; pages that edit stored data reload it here. */
  show?(): void;
  /** It was replaced by another page. */
  hide?(): void;
  /**
   * The records changed while it is showing. Apart from `show`, since a page's full reload
   * may also refill a form the person is typing in.
   */
  recordsChanged?(): void | Promise<void>;
}

/** What the shell has made before the page exists, so the page can send the keyboard there. */
export interface PageFrame {
  /** The page's heading; focusable, it is where the keyboard lands on arriving. */
  readonly heading: HTMLElement;
  /** Whether the page is the one showing (shared state changing elsewhere waits until it is). */
  showing(): boolean;
  /** Shows the page, the keyboard on its heading, as its header button does (files dropped on the window go to Import). */
  reveal(): void;
}

export interface PageEntry<C, Id extends string = string> {
  /** `nav-<id>` is its header button's test id. */
  readonly id: Id;
  readonly label: string;
  /** The page's data-testid; `<id>-page` unless given. */
  readonly testid?: string;
  /** The heading is for screen readers only: the page shows what it is some other way. */
  readonly quietHeading?: boolean;
  create(ctx: C, frame: PageFrame): Page;
}

type Built<E> = E extends { create(...args: never[]): infer P } ? P : never;

interface Mounted {
  readonly page: Page;
  readonly section: HTMLElement;
  readonly heading: HTMLElement;
  readonly button: HTMLButtonElement;
}

/** Shortcuts go up to Ctrl/Cmd+9; pages after the ninth are reached from the header only. */
const MAX_SHORTCUT = 9;

/**
 * The header's page buttons and the `<main>` holding every page. The registry's order is the
 * header's and the shortcuts'. Hidden pages stay in the document, so what was typed on one
 * (a half-filled form, a scroll position) is still there on coming back.
 */
export class PageShell<C, E extends PageEntry<C>> {
  readonly nav: HTMLElement;
  readonly element: HTMLElement;
  private readonly mounted = new Map<E["id"], Mounted>();
  private showing: E["id"] | null = null;

  constructor(private readonly entries: readonly E[], ctx: C) {
    this.nav = h("nav", { class: "nav", "aria-label": "Pages" });
    this.element = h("main", { class: "pages" });
    entries.forEach((entry, i) => {
      const id: E["id"] = entry.id;
      const heading = h("h2", { id: `page-${id}-title`, class: "page-title", tabindex: -1 }, entry.label);
      const page = entry.create(ctx, { heading, showing: () => this.showing === id, reveal: () => this.show(id, true) });
      const section = h(
        "section",
        { class: `page page-${id}`, "data-testid": entry.testid ?? `${id}-page`, "aria-labelledby": heading.id, hidden: true },
        h("header", { class: entry.quietHeading ? "page-head sr-only" : "page-head" }, heading, ...(page.head ?? [])),
        page.element,
      );
      const hint = i < MAX_SHORTCUT ? ` (${shortcut(String(i + 1))})` : "";
      const button = h("button", { type: "button", class: "nav-btn", "data-testid": `nav-${id}`, title: `${entry.label}${hint}` }, entry.label);
      button.addEventListener("click", () => this.show(id, true));
      this.nav.append(button);
      this.element.append(section);
      this.mounted.set(id, { page, section, heading, button });
    });
  }

  /** The page showing, or null before the first `show`. */
  get current(): E["id"] | null {
    return this.showing;
  }

  /** How many pages have a Ctrl/Cmd+digit. */
  get shortcuts(): number {
    return Math.min(this.entries.length, MAX_SHORTCUT);
  }

  /** The page an entry built, as its entry's `create` typed it. */
  page<K extends E["id"]>(id: K): Built<Extract<E, { id: K }>> {
    const m = this.mounted.get(id);
    if (!m) throw new Error(`no page '${id}' in the registry`);
    return m.page as Built<Extract<E, { id: K }>>;
  }

  /**
   * Shows a page (again, if it is showing: its `show` reloads it). With `focus`, as after a
   * header click or a shortcut, the keyboard goes to its heading, so a screen reader says
   * where it arrived and Tab continues from the top of the page.
   */
  show(id: E["id"], focus = false): void {
    const previous = this.showing;
    this.showing = id;
    for (const [name, m] of this.mounted) {
      m.section.hidden = name !== id;
      if (name === id) m.button.setAttribute("aria-current", "page");
      else m.button.removeAttribute("aria-current");
    }
    if (previous !== null && previous !== id) this.mounted.get(previous)?.page.hide?.();
    this.mounted.get(id)?.page.show?.();
    if (focus) this.focusCurrent();
  }

  /** The keyboard to the heading of the page showing (back from a dialog, after a removal). */
  focusCurrent(): void {
    if (this.showing !== null) this.mounted.get(this.showing)?.heading.focus();
  }

  /** After a change to the records: the page showing reloads what depends on them. */
  async recordsChanged(): Promise<void> {
    if (this.showing !== null) await this.mounted.get(this.showing)?.page.recordsChanged?.();
  }

  /** Ctrl/Cmd+digit shows the page in that place of the header; true when `e` was one. */
  onKey(e: KeyboardEvent): boolean {
    if (!withCtrlOrCmd(e) || e.shiftKey || !/^[1-9]$/.test(e.key)) return false;
    const entry = this.entries[Number(e.key) - 1];
    if (!entry) return false;
    e.preventDefault();
    this.show(entry.id, true);
    return true;
  }
}
