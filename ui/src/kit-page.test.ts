import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { h } from "./dom";
import { PageShell, type Page, type PageEntry, type PageFrame } from "./kit-page";
import { byTestId } from "./test-support";

interface Ctx {
  readonly greeting: string;
}

/** A page whose hooks record what the shell did with it. */
function probe(text: string, extra: Partial<Page> = {}) {
  const calls: string[] = [];
  const page: Page = {
    element: h("p", { "data-testid": `${text}-body` }, text),
    show: () => calls.push("show"),
    hide: () => calls.push("hide"),
    recordsChanged: () => void calls.push("records"),
    ...extra,
  };
  return { page, calls };
}

const first = probe("first");
const throwaway = probe("throwaway", { head: [h("button", { type: "button", "data-testid": "throwaway-tool" }, "Tool")] });
let made: Ctx | null = null;
let frame: PageFrame | null = null;

// A registry of its own: the app's pages are not involved.
const TEST_PAGES = [
  { id: "first", label: "First", create: () => first.page },
  { id: "middle", label: "Middle", quietHeading: true, create: () => ({ element: h("div", {}, "middle") }) },
  {
    id: "throwaway",
    label: "Throwaway",
    create: (ctx: Ctx, f: PageFrame) => {
      made = ctx;
      frame = f;
      return throwaway.page;
    },
  },
] as const satisfies readonly PageEntry<Ctx>[];

let shell: PageShell<Ctx, (typeof TEST_PAGES)[number]>;
const keys = (e: KeyboardEvent) => shell.onKey(e);

beforeEach(() => {
  document.body.replaceChildren();
  first.calls.length = 0;
  throwaway.calls.length = 0;
  shell = new PageShell(TEST_PAGES, { greeting: "hello" });
  document.body.append(h("header", {}, shell.nav), shell.element);
  window.addEventListener("keydown", keys);
  shell.show("first");
});

afterEach(() => window.removeEventListener("keydown", keys));

const visible = (testid: string) => !byTestId(testid).closest("[hidden]");

describe("PageShell (page registry)", () => {
  it("builds each entry once, with the context, and lists it in the header in registry order", () => {
    expect(made, "create got the shell's context").toEqual({ greeting: "hello" });
    expect([frame?.showing(), frame?.heading.textContent], "and its frame").toEqual([false, "Throwaway"]);
    shell.show("throwaway");
    expect(frame?.showing(), "which knows when the page shows").toBe(true);
    expect([...shell.nav.querySelectorAll("button")].map((b) => b.textContent), "the header follows the registry").toEqual(["First", "Middle", "Throwaway"]);
    expect(byTestId("nav-throwaway").title, "its shortcut is its place").toMatch(/3\)$/);
    expect(shell.page("throwaway"), "the page as its entry built it").toBe(throwaway.page);
  });

  it("renders the page in the shell: a section in <main>, labelled by its heading, with its tools beside it", () => {
    const section = byTestId("throwaway-page");
    expect(section.parentElement?.tagName, "one main landmark holds the pages").toBe("MAIN");
    const heading = section.querySelector("h2");
    expect(heading?.textContent, "the entry's label is the heading").toBe("Throwaway");
    expect(section.getAttribute("aria-labelledby"), "the section is named by its heading").toBe(heading?.id);
    expect(heading?.parentElement?.contains(byTestId("throwaway-tool")), "the page's tools sit in its header").toBe(true);
    expect(section.contains(byTestId("throwaway-body")), "the page's content follows").toBe(true);
    expect(visible("throwaway-page"), "hidden until shown").toBe(false);
    expect(byTestId("middle-page").querySelector("header")?.classList.contains("sr-only"), "a quiet heading is for screen readers").toBe(true);
  });

  it("is reachable from its header button, focusing its heading and telling both pages", () => {
    byTestId("nav-throwaway").click();
    expect([visible("throwaway-page"), visible("first-page")], "one page shows").toEqual([true, false]);
    expect(byTestId("nav-throwaway").getAttribute("aria-current"), "the header marks it").toBe("page");
    expect(byTestId("nav-first").hasAttribute("aria-current"), "and only it").toBe(false);
    expect(document.activeElement, "the keyboard is on its heading").toBe(byTestId("throwaway-page").querySelector("h2"));
    expect([first.calls, throwaway.calls], "the old page hid, the new one showed").toEqual([["show", "hide"], ["show"]]);
  });

  it("is reachable by its shortcut, Ctrl/Cmd and its place in the registry", () => {
    const press = (init: KeyboardEventInit) => {
      const e = new KeyboardEvent("keydown", { key: "3", bubbles: true, cancelable: true, ...init });
      window.dispatchEvent(e);
      return e;
    };
    expect(press({}).defaultPrevented, "a plain 3 is typing").toBe(false);
    expect(visible("throwaway-page")).toBe(false);
    const e = press({ metaKey: true });
    expect([visible("throwaway-page"), e.defaultPrevented, shell.current], "Cmd+3 goes there").toEqual([true, true, "throwaway"]);
    expect(document.activeElement, "with the keyboard on its heading").toBe(byTestId("throwaway-page").querySelector("h2"));
    expect(press({ ctrlKey: true, key: "4" }).defaultPrevented, "no fourth page, no shortcut").toBe(false);
    expect(shell.shortcuts, "digits for every page").toBe(3);
  });

  it("tells only the page showing that the records changed, and showing it again reloads it", async () => {
    await shell.recordsChanged();
    expect([first.calls, throwaway.calls], "the hidden page is left alone").toEqual([["show", "records"], []]);
    shell.show("first");
    expect(first.calls, "a page shown again reloads, without hiding first").toEqual(["show", "records", "show"]);
  });
});
