import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Requirement, RequirementDraft } from "./bindings";
import { BackendError } from "./backend";
import { RequirementForm, type RequirementFormHost } from "./requirement-form";
import { byTestId, settle, typeInto, withPaths } from "./test-support";

// What Rust would store for a draft of the 24-month, 50-hour set the tests type.
const stored = async (d: RequirementDraft): Promise<Requirement> => ({
  id: 7, name: d.name, ends: d.ends, cycle_months: 24, hours: 50, credit_type: null,
  topics: [], caps: [], windows: [], first_cycle: d.first_cycle, credential: d.credential,
});

function host(add: RequirementFormHost["add"] = vi.fn(stored)) {
  return { add: vi.fn(add), added: vi.fn(), cancel: vi.fn(), report: vi.fn() };
}

function open(h: RequirementFormHost): RequirementForm {
  const form = new RequirementForm(h, {
    kinds: [["ce-activity", "CE activity"], ["degree", "Degree"]],
    credentials: [[5, "Board certification"], [6, "Licence <MD>"]],
  });
  document.body.append(form.element);
  return form;
}

const input = (id: string) => byTestId<HTMLInputElement>(id);
const select = (id: string) => byTestId<HTMLSelectElement>(id);
function choose(el: HTMLSelectElement, value: string): void {
  el.value = value;
  el.dispatchEvent(new Event("change", { bubbles: true }));
}
function check(el: HTMLInputElement): void {
  el.checked = true;
  el.dispatchEvent(new Event("change", { bubbles: true }));
}

function fillValid(): void {
  typeInto(input("req-name"), "State licence CME");
  typeInto(input("req-ends"), "2026-03-31");
  typeInto(input("req-cycle_months"), "24");
  typeInto(input("req-hours"), "50");
}

beforeEach(() => document.body.replaceChildren());

describe("requirement form", () => {
  it("collects every field and row as typed, for Rust to read", () => {
    const form = open(host());
    fillValid();
    typeInto(input("req-credit_type"), "AMA PRA Category 1");
    check(input("req-first_cycle"));
    choose(select("req-credential"), "6");
    byTestId("add-topics").click();
    byTestId("add-topics").click();
    typeInto(input("field-topics[0].skill"), "Ethics");
    typeInto(input("field-topics[0].hours"), "2");
    typeInto(input("field-topics[1].skill"), "Patient safety");
    typeInto(input("field-topics[1].hours"), "1.5");
    check(input("field-topics[1].on_top"));
    check(input("field-topics[1].first_cycle_only"));
    byTestId("add-caps").click();
    typeInto(input("field-caps[0].label"), "Home study");
    typeInto(input("field-caps[0].max_hours"), "10");
    choose(select("field-caps[0].kind"), "ce-activity");
    byTestId("add-windows").click();
    typeInto(input("field-windows[0].months"), "12");
    typeInto(input("field-windows[0].hours"), "10");
    expect(select("req-credential").options[2]?.textContent, "titles are option text").toBe("Licence <MD>");
    expect(form.collect(), "the draft: text as typed, nothing parsed in TypeScript").toEqual({
      name: "State licence CME",
      ends: "2026-03-31",
      cycle_months: "24",
      hours: "50",
      credit_type: "AMA PRA Category 1",
      topics: [
        { skill: "Ethics", hours: "2", on_top: false, first_cycle_only: false },
        { skill: "Patient safety", hours: "1.5", on_top: true, first_cycle_only: true },
      ],
      caps: [{ label: "Home study", max_hours: "10", kind: "ce-activity", credit_type: "", skill: "" }],
      windows: [{ months: "12", hours: "10" }],
      first_cycle: true,
      credential: 6,
    });
  });

  it("removes the row asked for and keeps the others as typed", () => {
    const form = open(host());
    fillValid();
    for (let i = 0; i < 3; i++) byTestId("add-topics").click();
    ["A", "B", "C"].forEach((s, i) => typeInto(input(`field-topics[${i}].skill`), s));
    ["1", "2", "3"].forEach((s, i) => typeInto(input(`field-topics[${i}].hours`), s));
    document.querySelectorAll<HTMLButtonElement>('[data-testid="remove-topics"]')[1]?.click();
    expect(form.collect().topics.map((t) => [t.skill, t.hours]), "rows 1 and 3 stay").toEqual([["A", "1"], ["C", "3"]]);
  });

  it("places Rust's messages under their field and row: topics[1].hours under topic 2", async () => {
    const h = host(async () => {
      throw new BackendError("validation", "2 problems", withPaths([
        { field: "cycle_months", message: "0 must be 1 to 120 months" },
        { field: "topics[1].hours", message: "0 must be more than 0" },
        { field: "topics", message: "topic minimums (60 h) exceed the total (50 h)" },
        { field: "mystery", message: "is odd" },
      ]));
    });
    const form = open(h);
    fillValid();
    typeInto(input("req-cycle_months"), "0");
    byTestId("add-topics").click();
    byTestId("add-topics").click();
    typeInto(input("field-topics[0].skill"), "Ethics");
    typeInto(input("field-topics[0].hours"), "60");
    typeInto(input("field-topics[1].skill"), "Safety");
    typeInto(input("field-topics[1].hours"), "0");
    await form.save();
    expect(h.add).toHaveBeenCalledTimes(1);
    const rows = document.querySelectorAll<HTMLElement>('[data-testid="topics-row"]');
    expect(rows[1]?.querySelector('[data-testid="error-topics[1].hours"]')?.textContent, "under the second topic row").toBe("0 must be more than 0");
    expect(rows[0]?.querySelector(".error"), "nothing under the first row").toBeNull();
    expect(input("field-topics[1].hours").getAttribute("aria-invalid")).toBe("true");
    expect(document.activeElement, "focus goes to the first field with a problem").toBe(input("req-cycle_months"));
    const months = input("req-cycle_months").closest(".field");
    expect(months?.querySelector('[data-testid="error-cycle_months"]')?.textContent).toBe("0 must be 1 to 120 months");
    expect(byTestId("topics-editor").querySelector('[data-testid="error-topics"]')?.textContent).toBe("Topic minimums (60 h) exceed the total (50 h)");
    expect(byTestId("requirement-errors").textContent, "a field with no place still shows").toContain("mystery is odd");
    expect(h.added).not.toHaveBeenCalled();
  });

  it("sends text that is not a date or a number as typed, and shows Rust's reading under each field", async () => {
    // The messages are the ones RequirementDraft::validate gives (tested in dossier-core).
    const h = host(async () => {
      throw new BackendError("validation", "3 problems", withPaths([
        { field: "ends", message: "'March 2026' is not a date; use YYYY-MM-DD" },
        { field: "hours", message: "'fifty' is not a number (use a decimal point: 1.5)" },
        { field: "windows[0].months", message: "'1.5' is not a whole number" },
      ]));
    });
    const form = open(h);
    fillValid();
    typeInto(input("req-ends"), "March 2026");
    typeInto(input("req-hours"), "fifty");
    byTestId("add-windows").click();
    typeInto(input("field-windows[0].months"), "1.5");
    typeInto(input("field-windows[0].hours"), "4");
    await form.save();
    expect(h.add, "the text goes to Rust as typed").toHaveBeenCalledWith(expect.objectContaining({ ends: "March 2026", hours: "fifty" }));
    expect(byTestId("error-ends").textContent).toBe("'March 2026' is not a date; use YYYY-MM-DD");
    expect(byTestId("error-hours").textContent).toContain("'fifty' is not a number");
    expect(byTestId("windows-row").querySelector('[data-testid="error-windows[0].months"]')?.textContent).toBe("'1.5' is not a whole number");
  });

  it("shows a request Rust could not read in the summary, in Rust's words", async () => {
    const h = host(async () => {
      throw "invalid args `requirement` for command `add_requirement`: premature end of input";
    });
    const form = open(h);
    fillValid();
    await form.save();
    await settle();
    expect(byTestId("requirement-errors").textContent).toContain("premature end of input");
    expect(h.report).not.toHaveBeenCalled();
  });
});
