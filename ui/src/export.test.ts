import { beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));
vi.mock("@tauri-apps/api/event", () => ({ listen: vi.fn() }));

import { invoke } from "@tauri-apps/api/core";
import { listen } from "@tauri-apps/api/event";
import type { App } from "./app";
import type { Sections } from "./bindings";
import { PREVIEW_DELAY_MS } from "./export-page";
import { appPerTest, byTestId, credential, deferred, fake, mountApp, PAGE_SVG, profileOf, settle, typeInto, uiError } from "./test-support";

const listenMock = vi.mocked(listen);
/** The `report-progress` handlers currently listening, as the app registered them. */
let progressListeners: ((e: { event: string; id: number; payload: unknown }) => void)[] = [];
let unlistened = 0;

const all = (sel: string, root: ParentNode = document) => [...root.querySelectorAll<HTMLElement>(sel)];
const page = (name: string) => byTestId(name).closest<HTMLElement>("[hidden]") === null;
const fieldOf = (el: HTMLElement) => el.closest<HTMLElement>(".field");
const previewCalls = () => fake.called("report_preview").map((c) => c.args as { asOf: string | null; sections: Sections });

function emitProgress(payload: unknown): void {
  for (const l of [...progressListeners]) l({ event: "report-progress", id: 1, payload });
}

async function openExport(): Promise<App> {
  return mountApp("export");
}

const HOSTILE_PAGE =
  '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 595 842" onload="window.__pwned = 1">' +
  "<script>window.__pwned = 2</script>" +
  '<style>svg { background: url(https://evil.example/track.png) }</style>' +
  '<foreignObject width="10" height="10"><div xmlns="http://www.w3.org/1999/xhtml"><img src="x" onerror="window.__pwned = 3"/></div></foreignObject>' +
  '<a href="https://evil.example/phish" xlink:href="https://evil.example/phish"><rect width="5" height="5" fill="transparent"/></a>' +
  '<g class="typst-text" onclick="window.__pwned = 4"><use xlink:href="#g1" fill="#000000"/></g>' +
  '<image xlink:href="data:image/png;base64,iVBORw0KGgo=" width="10" height="10" style="image-rendering: pixelated"/>' +
  '<image xlink:href="https://evil.example/beacon.png" width="1" height="1"/>' +
  '<image href="javascript:window.__pwned = 5" width="1" height="1"/>' +
  '<use href="data:image/svg+xml;base64,PHN2Zy8+"/>' +
  '<h5:div xmlns:h5="http://www.w3.org/1999/xhtml">html inside</h5:div>' +
  '<set attributeName="href" to="javascript:window.__pwned = 6"/>' +
  '<defs><symbol id="g1" overflow="visible"><path d="M 1 1 L 2 2 Z"/></symbol></defs></svg>';

appPerTest(vi.mocked(invoke), () => [credential({ id: 1, title: "Doctor of Medicine" })]);

beforeEach(() => {
  vi.useRealTimers();
  delete (window as unknown as Record<string, unknown>).__pwned;
  progressListeners = [];
  unlistened = 0;
  listenMock.mockImplementation(async (event, handler) => {
    expect(event).toBe("report-progress");
    const l = handler as (typeof progressListeners)[number];
    progressListeners.push(l);
    return () => {
      unlistened++;
      progressListeners = progressListeners.filter((x) => x !== l);
    };
  });
});


describe("export page", () => {
  it("sits before Settings in the header, with Ctrl+8 (Settings is Ctrl+9)", async () => {
    await openExport();
    expect(all(".nav-btn").map((b) => b.textContent).slice(-2)).toEqual(["Export", "Settings"]);
    byTestId("nav-dashboard").click();
    window.dispatchEvent(new KeyboardEvent("keydown", { key: "8", ctrlKey: true, bubbles: true }));
    expect(page("export-page")).toBe(true);
    expect(byTestId("nav-export").title).toContain("8");
    expect(document.querySelector(".hints")?.textContent).toContain("–9 pages");
  });

  it("loads the profile and a preview of everything but the evidence, as of today", async () => {
    fake.handlers.profile = () => profileOf({ name: "Dr. A <b>Lee</b>", website: "https://lee.example" });
    await openExport();
    expect(byTestId<HTMLInputElement>("profile-name").value).toBe("Dr. A <b>Lee</b>");
    expect(byTestId<HTMLInputElement>("profile-website").value).toBe("https://lee.example");
    expect(previewCalls()).toEqual([
      { asOf: null, sections: { summary: true, chart: true, credentials: true, ce: true, requirements: true, evidence: false, statuses: true } },
    ]);
    expect(byTestId<HTMLInputElement>("export-option-evidence").checked).toBe(false);
    expect(byTestId("report-preview").querySelector("svg")).not.toBeNull();
    expect(byTestId("preview-pages").textContent).toBe("Page 1 of 3");
  });
});

describe("profile", () => {
  it("puts Rust's errors under the fields they name, then saves and redraws the preview", async () => {
    let attempt = 0;
    fake.handlers.set_profile = () => {
      if (attempt++ === 0) {
        throw uiError("validation", "2 fields need attention", [
          { field: "email", message: "must be a single line" },
          { field: "name", message: "is too long (201 characters; at most 200)" },
        ]);
      }
      return null;
    };
    await openExport();
    typeInto(byTestId<HTMLInputElement>("profile-name"), "x".repeat(201));
    typeInto(byTestId<HTMLInputElement>("profile-email"), "  jl@example.org ");
    byTestId("profile-save").click();
    await settle();
    const email = byTestId<HTMLInputElement>("profile-email");
    const nameError = byTestId("error-name");
    expect(fieldOf(byTestId("error-email"))).toBe(fieldOf(email));
    expect(byTestId("error-email").textContent).toBe("Email must be a single line");
    expect(fieldOf(nameError)).toBe(fieldOf(byTestId("profile-name")));
    expect(nameError.textContent).toContain("at most 200");
    expect(email.getAttribute("aria-invalid")).toBe("true");
    expect(byTestId("profile-phone").getAttribute("aria-invalid")).toBeNull();
    expect(document.activeElement, "the first field named").toBe(byTestId("profile-name"));
    expect(document.querySelector('[data-testid="toast"]')).toBeNull();

    // A reload while the edits are unsaved keeps them.
    byTestId("nav-settings").click();
    byTestId("nav-export").click();
    await settle();
    expect(byTestId<HTMLInputElement>("profile-name").value).toBe("x".repeat(201));

    typeInto(byTestId<HTMLInputElement>("profile-name"), "Dr. Jordan Lee");
    const before = previewCalls().length;
    byTestId("profile-save").click();
    await settle();
    expect(fake.called("set_profile").pop()?.args).toEqual({ profile: profileOf({ email: "jl@example.org" }) });
    expect(document.querySelector('[data-testid="error-email"]')).toBeNull();
    expect(email.getAttribute("aria-invalid")).toBeNull();
    expect(byTestId("toast").textContent).toContain("Profile saved");
    expect(previewCalls().length, "the report shows the profile: a new preview").toBe(before + 1);
  });

  it("shows and sends where the person practises, with Rust's jurisdictions[i] errors under it", async () => {
    fake.handlers.profile = () => profileOf({ jurisdictions: ["US", "EU"] });
    let attempt = 0;
    fake.handlers.set_profile = () => {
      if (attempt++ === 0) {
        throw uiError("validation", "1 field needs attention", [
          { field: "jurisdictions[1]", message: "must be a name such as EU or US, one line of at most 40 characters (got 'xxx')" },
        ]);
      }
      return null;
    };
    await openExport();
    const box = byTestId<HTMLInputElement>("profile-jurisdictions");
    expect(box.value, "the stored list, comma-separated").toBe("US, EU");
    expect(fieldOf(box)?.textContent).toContain("Field changes elsewhere are shown as information. Blank: everywhere.");
    typeInto(box, " US, ,  xxx ,");
    byTestId("profile-save").click();
    await settle();
    expect(fake.called("set_profile")[0]?.args, "split on commas, trimmed, blanks dropped").toEqual({ profile: profileOf({ jurisdictions: ["US", "xxx"] }) });
    const error = byTestId("error-jurisdictions[1]");
    expect(fieldOf(error), "under Practises in").toBe(fieldOf(box));
    expect(error.textContent).toBe("Jurisdiction 2 must be a name such as EU or US, one line of at most 40 characters (got 'xxx')");
    expect(box.getAttribute("aria-invalid")).toBe("true");
    expect(byTestId("profile-errors").textContent, "nothing left over for the summary").toBe("");

    typeInto(box, "");
    const dashboards = fake.called("dashboard").length;
    byTestId("profile-save").click();
    await settle(20);
    expect(fake.called("set_profile")[1]?.args, "blank: everywhere").toEqual({ profile: profileOf({ jurisdictions: [] }) });
    expect(box.getAttribute("aria-invalid")).toBeNull();
    expect(document.querySelector('[data-testid="error-jurisdictions[1]"]')).toBeNull();
    expect(fake.called("dashboard").length, "where one practises moves statuses: the dashboard reloads").toBeGreaterThan(dashboards);
  });
});

describe("options and preview", () => {
  it("collects the sections from the checkboxes and asks once they settle", async () => {
    await openExport();
    vi.useFakeTimers();
    const before = previewCalls().length;
    for (const name of ["evidence", "chart", "statuses"]) {
      const box = byTestId<HTMLInputElement>(`export-option-${name}`);
      box.click();
      expect(box.checked).toBe(name === "evidence");
    }
    expect(byTestId("report-preview").getAttribute("aria-busy"), "loading at once").toBe("true");
    expect(byTestId("preview-status").textContent).toContain("Updating");
    vi.advanceTimersByTime(PREVIEW_DELAY_MS - 50);
    expect(previewCalls().length, "not while options are still changing").toBe(before);
    vi.advanceTimersByTime(60);
    vi.useRealTimers();
    await settle();
    expect(previewCalls().slice(before)).toEqual([
      { asOf: null, sections: { summary: true, chart: false, credentials: true, ce: true, requirements: true, evidence: true, statuses: false } },
    ]);
    expect(byTestId("report-preview").getAttribute("aria-busy")).toBe("false");
    expect(byTestId("preview-status").textContent).toBe("");
  });

  it("shows Rust's as-of error under the date and keeps the page; a good date clears it", async () => {
    fake.handlers.report_preview = (a) => {
      if (a.asOf === "2025-02-30") throw uiError("validation", "as_of", [{ field: "as_of", message: "'2025-02-30' is not a date; use YYYY-MM-DD" }]);
      return { svg: PAGE_SVG, pages: a.asOf ? 2 : 3 };
    };
    await openExport();
    const asOf = byTestId<HTMLInputElement>("export-as-of");
    typeInto(asOf, "2025-02-30");
    asOf.dispatchEvent(new Event("change", { bubbles: true }));
    await settle();
    expect(previewCalls().pop()?.asOf).toBe("2025-02-30");
    expect(fieldOf(byTestId("error-as_of"))).toBe(fieldOf(asOf));
    expect(byTestId("error-as_of").textContent).toContain("is not a date");
    expect(asOf.getAttribute("aria-invalid")).toBe("true");
    expect(byTestId("report-preview").querySelector("svg"), "the last good page stays").not.toBeNull();
    expect(byTestId("report-preview").getAttribute("aria-busy")).toBe("false");

    typeInto(asOf, "2025-02-28");
    asOf.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true }));
    await settle();
    expect(previewCalls().pop()?.asOf).toBe("2025-02-28");
    expect(document.querySelector('[data-testid="error-as_of"]')).toBeNull();
    expect(byTestId("preview-pages").textContent).toBe("Page 1 of 2");
  });

  it("ignores an answer that arrives after a newer one", async () => {
    await openExport();
    const slow = deferred<unknown>();
    const late = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><title>old options</title></svg>';
    const fresh = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><title>new options</title></svg>';
    fake.handlers.report_preview = () => slow.promise;
    const asOf = byTestId<HTMLInputElement>("export-as-of");
    typeInto(asOf, "2024-01-01");
    asOf.dispatchEvent(new Event("change", { bubbles: true }));
    await settle();
    fake.handlers.report_preview = () => ({ svg: fresh, pages: 4 });
    byTestId("export-option-ce").click();
    asOf.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true }));
    await settle();
    slow.resolve({ svg: late, pages: 1 });
    await settle();
    expect(byTestId("report-preview").querySelector("title")?.textContent).toBe("new options");
    expect(byTestId("preview-pages").textContent).toBe("Page 1 of 4");
  });

  it("inserts the page as SVG without anything that runs or loads, keeping embedded pictures", async () => {
    fake.handlers.report_preview = () => ({ svg: HOSTILE_PAGE, pages: 3 });
    await openExport();
    const svg = byTestId("report-preview").querySelector("svg");
    if (!svg) throw new Error("the page is shown");
    expect(svg.ownerDocument).toBe(document);
    expect(svg.querySelectorAll("script, style, foreignObject, set").length).toBe(0);
    expect(svg.getElementsByTagName("foreignObject").length).toBe(0);
    expect(svg.querySelectorAll("div").length, "no HTML inside the SVG").toBe(0);
    const attrs = [svg, ...svg.querySelectorAll("*")].flatMap((el) => [...el.attributes].map((a) => `${el.localName} ${a.name}=${a.value}`));
    expect(attrs.filter((a) => / on\w+=/.test(a)), "no event handlers").toEqual([]);
    expect(attrs.filter((a) => / style=/.test(a)), "no inline styles").toEqual([]);
    expect(attrs.filter((a) => /href=/.test(a)), "own symbols and embedded pictures only").toEqual([
      "use xlink:href=#g1",
      "image xlink:href=data:image/png;base64,iVBORw0KGgo=",
    ]);
    expect(svg.querySelectorAll("image").length, "pictures without a usable source stay empty").toBe(3);
    svg.dispatchEvent(new Event("load"));
    svg.querySelector("g")?.dispatchEvent(new MouseEvent("click", { bubbles: true }));
    expect((window as unknown as Record<string, unknown>).__pwned).toBeUndefined();
    expect(byTestId("preview-pages").textContent).toBe("Page 1 of 3");
  });

  it("says so when the page is not an SVG, and shows Rust's other errors in place of the page", async () => {
    fake.handlers.report_preview = () => ({ svg: "<html><script>window.__pwned = 1</script></html>", pages: 1 });
    await openExport();
    expect(byTestId("preview-error").textContent).toContain("could not be drawn");
    fake.handlers.report_preview = () => {
      throw uiError("internal", "typesetting failed: font missing");
    };
    byTestId("nav-settings").click();
    byTestId("nav-export").click();
    await settle();
    expect(byTestId("preview-error").textContent).toBe("typesetting failed: font missing");
    expect((window as unknown as Record<string, unknown>).__pwned).toBeUndefined();
  });
});

describe("exporting", () => {
  it("drives the progress bar from Rust's events and shows the written path", async () => {
    const done = deferred<string | null>();
    fake.handlers.export_pdf = () => done.promise;
    await openExport();
    byTestId("export-option-evidence").click();
    const btn = byTestId<HTMLButtonElement>("export-pdf");
    const progress = byTestId("export-progress");
    expect(progress.hidden, "no progress before an export").toBe(true);
    btn.click();
    await settle();
    expect(fake.called("export_pdf")[0]?.args).toEqual({
      asOf: null,
      sections: { summary: true, chart: true, credentials: true, ce: true, requirements: true, evidence: true, statuses: true },
    });
    expect(progress.hidden).toBe(false);
    expect(btn.disabled, "one export at a time").toBe(true);
    btn.click();
    await settle();
    expect(fake.called("export_pdf").length).toBe(1);
    const bar = progress.querySelector("progress");
    if (!bar) throw new Error("a progress bar");
    expect(bar.value, "empty until Rust reports").toBe(0);
    expect(byTestId("export-step").textContent).toContain("Choose where to save");

    emitProgress({ step: "Gathering the portfolio", done: 1, of: 4 });
    expect([bar.value, bar.max]).toEqual([1, 4]);
    expect(byTestId("export-step").textContent).toBe("Gathering the portfolio");
    emitProgress({ step: "Typesetting", done: 2, of: 4 });
    emitProgress({ nonsense: true });
    expect(bar.value).toBe(2);
    expect(byTestId("export-step").textContent).toBe("Typesetting");
    emitProgress({ step: "Writing the file", done: 3, of: 4 });
    expect(bar.getAttribute("aria-valuetext")).toBe("Writing the file (step 3 of 4)");

    done.resolve("/home/jl/Documents/dossier-portfolio-2025-06-01.pdf");
    await settle();
    expect(byTestId("export-done").textContent).toContain("/home/jl/Documents/dossier-portfolio-2025-06-01.pdf");
    expect(progress.hidden).toBe(true);
    expect(btn.disabled).toBe(false);
    expect(unlistened, "stops listening").toBe(1);
    expect(progressListeners).toEqual([]);
  });

  it("shows nothing when the save dialog is cancelled", async () => {
    fake.handlers.export_pdf = () => null;
    await openExport();
    byTestId("export-pdf").click();
    await settle();
    expect(fake.called("export_pdf").length).toBe(1);
    expect(document.querySelector('[data-testid="export-done"]')).toBeNull();
    expect(document.querySelector('[data-testid="toast"], [data-testid="error-toast"]')).toBeNull();
    expect(byTestId("export-progress").hidden).toBe(true);
    expect(byTestId<HTMLButtonElement>("export-pdf").disabled).toBe(false);
    expect(unlistened).toBe(1);
  });

  it("reports a failed export as an error toast, and a bad date under the date", async () => {
    fake.handlers.export_pdf = () => {
      throw uiError("io", "could not write /read-only/x.pdf: permission denied");
    };
    await openExport();
    byTestId("export-pdf").click();
    await settle();
    expect(byTestId("error-toast").textContent).toContain("permission denied");
    expect(byTestId("export-progress").hidden).toBe(true);
    expect(byTestId<HTMLButtonElement>("export-pdf").disabled).toBe(false);

    fake.handlers.export_pdf = () => {
      throw uiError("validation", "as_of", [{ field: "as_of", message: "'soon' is not a date; use YYYY-MM-DD" }]);
    };
    typeInto(byTestId<HTMLInputElement>("export-as-of"), "soon");
    byTestId("export-pdf").click();
    await settle();
    expect(fake.called("export_pdf").pop()?.args).toMatchObject({ asOf: "soon" });
    expect(fieldOf(byTestId("error-as_of"))).toBe(fieldOf(byTestId("export-as-of")));
    expect(document.activeElement).toBe(byTestId("export-as-of"));
    expect(document.querySelectorAll('[data-testid="error-toast"]').length, "no second toast").toBe(1);
  });
});
