// The page switcher in the header. Pages stay in the document while hidden, so what was
// typed on one (a half-filled form, a scroll position) is still there on coming back.

import { h } from "./dom";
import { shortcut } from "./keys";

export type PageName = "dashboard" | "coverage" | "credentials" | "skills" | "field-changes" | "requirements" | "export" | "settings";

export const PAGES: readonly (readonly [PageName, string])[] = [
  ["dashboard", "Dashboard"],
  ["coverage", "Coverage"],
  ["credentials", "Credentials"],
  ["skills", "Skills"],
  ["field-changes", "Field changes"],
  ["requirements", "Requirements"],
  ["export", "Export"],
  ["settings", "Settings"],
];

export class Nav {
  readonly element: HTMLElement;
  private readonly buttons = new Map<PageName, HTMLButtonElement>();

  constructor(go: (page: PageName) => void) {
    this.element = h("nav", { class: "nav", "aria-label": "Pages" });
    PAGES.forEach(([name, label], i) => {
      const btn = h("button", { type: "button", class: "nav-btn", "data-testid": `nav-${name}`, title: `${label} (${shortcut(String(i + 1))})` }, label);
      btn.addEventListener("click", () => go(name));
      this.buttons.set(name, btn);
      this.element.append(btn);
    });
  }

  set(page: PageName): void {
    for (const [name, btn] of this.buttons) {
      if (name === page) btn.setAttribute("aria-current", "page");
      else btn.removeAttribute("aria-current");
    }
  }
}

/** The page for Ctrl/Cmd+1..8 (the header's order), if `key` is one of those digits. */
export function pageForDigit(key: string): PageName | null {
  const i = Number(key) - 1;
  return /^[1-9]$/.test(key) ? (PAGES[i]?.[0] ?? null) : null;
}
