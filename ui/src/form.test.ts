import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Credential, CredentialDraft, FieldError } from "./bindings";
import { BackendError } from "./backend";
import { CredentialForm, type FormHost } from "./form";
import { KindLabels } from "./format";
import { byTestId, credential, emptyDraft, KIND_OPTIONS, settle, typeInto, withPaths } from "./test-support";

function host(overrides: Partial<FormHost> = {}): FormHost & { validate: ReturnType<typeof vi.fn>; save: ReturnType<typeof vi.fn> } {
  return {
    kinds: new KindLabels(KIND_OPTIONS),
    validate: vi.fn(async (): Promise<FieldError[]> => []),
    save: vi.fn(async (): Promise<Credential> => credential()),
    pickFiles: vi.fn(async () => ["/home/u/cert.pdf"]),
    openEvidence: vi.fn(),
    saved: vi.fn(),
    closed: vi.fn(),
    report: vi.fn(),
    ...overrides,
  } as FormHost & { validate: ReturnType<typeof vi.fn>; save: ReturnType<typeof vi.fn> };
}

function open(h: FormHost, draft: CredentialDraft = emptyDraft(), id: number | null = null): CredentialForm {
  const form = new CredentialForm(h, { id, draft, evidence: [] });
  form.mount(document.body);
  return form;
}

const input = (id: string) => byTestId<HTMLInputElement>(id);
const errorText = (field: string) => document.querySelector(`[data-testid="error-${field}"]`)?.textContent ?? null;

beforeEach(() => document.body.replaceChildren());
afterEach(() => vi.useRealTimers());

describe("credential form", () => {
  it("collects every input as text, exactly as typed, into a CredentialDraft", async () => {
    const form = open(host());
    byTestId<HTMLSelectElement>("field-kind").value = "ce-activity";
    input("field-in_progress").checked = true;
    typeInto(input("field-title"), "  NLP for EHRs <b>  ");
    typeInto(input("field-issuer"), "AMIA");
    typeInto(input("field-started"), "2024-01");
    typeInto(input("field-completed"), "2024");
    typeInto(input("field-expires"), "not a date");
    typeInto(input("field-hours"), "6,5");
    typeInto(input("field-credit_type"), "AMA PRA Category 1");
    typeInto(input("field-credential_id"), "X-1");
    typeInto(input("field-url"), "https://amia.org/v");
    typeInto(byTestId<HTMLTextAreaElement>("field-notes"), "two\nlines");
    input("field-verified").checked = true;
    byTestId("add-skill").click();
    byTestId("add-skill").click();
    typeInto(input("field-skills[0].name"), "NLP");
    typeInto(input("field-skills[0].relevance"), "0.8");
    typeInto(input("field-skills[1].name"), "Ethics");
    expect(form.collect(), "nothing trimmed, parsed or dropped: Rust validates").toEqual({
      kind: "ce-activity",
      in_progress: true,
      title: "  NLP for EHRs <b>  ",
      issuer: "AMIA",
      started: "2024-01",
      completed: "2024",
      expires: "not a date",
      hours: "6,5",
      credit_type: "AMA PRA Category 1",
      credential_id: "X-1",
      url: "https://amia.org/v",
      notes: "two\nlines",
      verified: true,
      skills: [
        { name: "NLP", relevance: "0.8" },
        { name: "Ethics", relevance: "" },
      ],
    });
  });

  it("fills the inputs from an existing draft and focuses the title", () => {
    const draft = emptyDraft({ title: "MD", completed: "2012-05", skills: [{ name: "Clinical medicine", relevance: "1" }], in_progress: true });
    const form = open(host(), draft, 3);
    expect(document.activeElement, "focus goes to the title").toBe(input("field-title"));
    expect(form.collect(), "an untouched form gives back its draft").toEqual(draft);
    expect(document.querySelector('label[for="f-completed"]')?.textContent, "in progress renames the date").toBe("Expected completion");
    input("field-in_progress").checked = false;
    input("field-in_progress").dispatchEvent(new Event("change", { bubbles: true }));
    expect(document.querySelector('label[for="f-completed"]')?.textContent).toBe("Completed");
  });

  it("places each FieldError under its field, skills[i] under row i, unknown ones in the summary", () => {
    const form = open(host(), emptyDraft({ skills: [{ name: "A", relevance: "" }, { name: "B", relevance: "7" }] }));
    form.showErrors(
      withPaths([
        { field: "title", message: "is required" },
        { field: "completed", message: "2030 is in the future" },
        { field: "skills[1].relevance", message: "'7' for skill 'B' must be a number from 0 to 1" },
        { field: "skills", message: "has 51 entries; at most 50" },
        { field: "mystery", message: "something else" },
      ]),
      true,
    );
    expect(errorText("title")).toBe("Title is required");
    expect(byTestId("error-title").closest('[data-field="title"]'), "title message sits in the title field").not.toBeNull();
    expect(errorText("completed")).toBe("2030 is in the future");
    const row1 = document.querySelector('.skill-row[data-index="1"]');
    expect(row1?.querySelector('[data-testid="error-skills[1].relevance"]'), "skill message sits in row 1").not.toBeNull();
    expect(document.querySelector('.skill-row[data-index="0"] .error'), "row 0 has no message").toBeNull();
    expect(input("field-skills[1].relevance").getAttribute("aria-invalid")).toBe("true");
    expect(input("field-skills[1].name").hasAttribute("aria-invalid"), "only the bad input is marked").toBe(false);
    expect(errorText("skills")).toBe("Skills has 51 entries; at most 50");
    expect(byTestId("form-errors").textContent).toContain("Something else");
    expect(input("field-title").getAttribute("aria-invalid")).toBe("true");
    expect(input("field-title").getAttribute("aria-describedby"), "message is tied to its input").toContain("f-title-msg");
  });

  it("validates through Rust after typing stops (debounced) and on blur, for visited fields only", async () => {
    vi.useFakeTimers();
    const h = host();
    h.validate.mockResolvedValue([
      { field: "title", message: "is required" },
      { field: "hours", message: "'x' is not a number (use a decimal point: 1.5)" },
    ]);
    open(h);
    typeInto(input("field-hours"), "x");
    typeInto(input("field-hours"), "xx");
    expect(h.validate, "no call while still typing").not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(210);
    expect(h.validate, "one call for the burst of typing").toHaveBeenCalledTimes(1);
    expect(h.validate.mock.calls[0]?.[0].hours).toBe("xx");
    expect(errorText("hours")).toBe("'x' is not a number (use a decimal point: 1.5)");
    expect(errorText("title"), "title not visited yet: no nagging").toBeNull();
    input("field-title").dispatchEvent(new FocusEvent("focusout", { bubbles: true }));
    await vi.advanceTimersByTimeAsync(0);
    expect(h.validate).toHaveBeenCalledTimes(2);
    expect(errorText("title")).toBe("Title is required");
  });

  it("drops a validation answer that arrives after a newer one", async () => {
    let first!: (v: FieldError[]) => void;
    const h = host();
    h.validate
      .mockImplementationOnce(() => new Promise<FieldError[]>((r) => (first = r)))
      .mockResolvedValueOnce([]);
    const form = open(h);
    input("field-title").dispatchEvent(new FocusEvent("focusout", { bubbles: true }));
    input("field-title").dispatchEvent(new FocusEvent("focusout", { bubbles: true }));
    await settle();
    first([{ field: "title", message: "is required" }]);
    await settle();
    expect(errorText("title"), "the stale answer must not show").toBeNull();
    form.close();
  });

  it("on a rejected save shows every message, keeps the input and re-enables Save", async () => {
    let reject!: (e: unknown) => void;
    const h = host({ save: vi.fn(() => new Promise<Credential>((_, r) => (reject = r))) });
    const form = open(h);
    typeInto(input("field-hours"), "lots");
    const save = byTestId<HTMLButtonElement>("save");
    save.click();
    expect(save.disabled, "Save is disabled while saving").toBe(true);
    byTestId("save").click();
    expect(h.save, "a second click does not save twice").toHaveBeenCalledTimes(1);
    reject(new BackendError("validation", "2 fields need attention", withPaths([
      { field: "title", message: "is required" },
      { field: "hours", message: "'lots' is not a number" },
    ])));
    await settle();
    expect(save.disabled).toBe(false);
    expect(errorText("title"), "after a save attempt all messages show").toBe("Title is required");
    expect(errorText("hours")).toBe("'lots' is not a number");
    expect(input("field-hours").value, "input is never lost").toBe("lots");
    expect(form.isOpen).toBe(true);
    expect(document.activeElement, "focus moves to the first bad field").toBe(input("field-title"));
  });

  it("reports non-validation failures without closing the form", async () => {
    const h = host({ save: vi.fn(async () => Promise.reject(new BackendError("io", "disk full"))) });
    const form = open(h);
    typeInto(input("field-title"), "Keep me");
    byTestId("save").click();
    await settle();
    expect(h.report).toHaveBeenCalledWith(expect.objectContaining({ kind: "io", message: "disk full" }));
    expect(form.isOpen).toBe(true);
    expect(input("field-title").value).toBe("Keep me");
  });

  it("saves with the id and chosen attachments, then closes and returns focus", async () => {
    const opener = document.createElement("button");
    document.body.append(opener);
    opener.focus();
    const saved = credential({ id: 9 });
    const h = host({ save: vi.fn(async () => saved) });
    open(h, emptyDraft({ title: "x" }), 9);
    byTestId("attach").click();
    await settle();
    expect(document.querySelectorAll('[data-testid="pending-attachment"]').length).toBe(1);
    byTestId("save").click();
    await settle();
    expect(h.save).toHaveBeenCalledWith(9, expect.objectContaining({ title: "x" }), ["/home/u/cert.pdf"]);
    expect(h.saved).toHaveBeenCalledWith(saved);
    expect(document.querySelector('[data-testid="credential-form"]'), "form is gone").toBeNull();
    expect(document.activeElement, "focus returns to the opener").toBe(opener);
  });

  it("lets a chosen file be removed before saving", async () => {
    const h = host();
    const form = open(h);
    byTestId("attach").click();
    await settle();
    document.querySelector<HTMLButtonElement>('[data-testid="pending-attachment"] button')?.click();
    expect(form.pendingAttachments).toEqual([]);
  });

  it("closes on a click beside it only while nothing has been typed", () => {
    const h = host();
    const form = open(h);
    // The native <dialog> is its own backdrop: a press on it, not on its content, is beside the form.
    const backdrop = document.querySelector<HTMLElement>("dialog.modal");
    typeInto(input("field-title"), "Half-written");
    backdrop?.dispatchEvent(new MouseEvent("mousedown", { bubbles: true }));
    expect(form.isOpen, "typed input must survive a stray click").toBe(true);
    typeInto(input("field-title"), "");
    backdrop?.dispatchEvent(new MouseEvent("mousedown", { bubbles: true }));
    expect(form.isOpen, "a pristine form closes").toBe(false);
    expect(h.closed).toHaveBeenCalledOnce();
  });
});
