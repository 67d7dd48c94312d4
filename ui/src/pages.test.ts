import { beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));

import { invoke } from "@tauri-apps/api/core";
import type { App } from "./app";
import type { FieldChange, FieldChangeDraft, HalfLifeDraft, Requirement, RequirementDraft, SettingsDraft } from "./bindings";
import { app, appPerTest, attention, byTestId, credential, dashboardOf, fake, mountApp, settle, typeInto, uiError } from "./test-support";

async function start(): Promise<App> {
  return mountApp();
}

const q = <T extends HTMLElement = HTMLElement>(sel: string) => document.querySelector<T>(sel);
const all = (sel: string) => [...document.querySelectorAll<HTMLElement>(sel)];
const page = (name: string) => byTestId(name).closest<HTMLElement>("[hidden]") === null;

const CERT = credential({ id: 1, title: "AWS ML <Specialty>", expires: "2026-01-31", completed: "2023-01-31" });
const COURSE = credential({ id: 2, kind: "ce-activity", title: "Old course", skills: [{ name: "Ethics", relevance: 1 }] });

appPerTest(vi.mocked(invoke), () => [CERT, COURSE]);

beforeEach(() => {
  fake.dashboard = dashboardOf({
    counts: { current: 0, ageing: 0, stale: 1, expiring: 1, expired: 0 },
    attention: [
      attention({ id: 1, title: CERT.title, status: "expiring", action: "renew" }),
      attention({ id: 4, is_cycle: true, title: "Licence CME", status: "ageing", action: "log-activity", skills: ["Ethics", "Patient safety"] }),
    ],
    assessments: [
      { id: 1, title: CERT.title, status: "expiring", freshness: 1, reasons: [{ kind: "expiring", status: "expiring", text: "Expires on 2026-01-31, in 30 days" }] },
      { id: 2, title: COURSE.title, status: "stale", freshness: 0.3, reasons: [{ kind: "half-life", status: "stale", text: "4 years old" }] },
    ],
  });
});

describe("start and navigation", () => {
  it("opens on the dashboard when there are records", async () => {
    await start();
    expect(page("dashboard")).toBe(true);
    expect(page("credentials-page")).toBe(false);
    expect(byTestId("nav-dashboard").getAttribute("aria-current")).toBe("page");
    expect(all('[data-testid="attention-item"]').map((i) => i.dataset.status)).toEqual(["expiring", "ageing"]);
  });

  it("opens on the empty list (with the demo offer) when there are none", async () => {
    fake.records = [];
    fake.dashboard = null;
    await start();
    expect(page("credentials-page")).toBe(true);
    expect(page("empty-state")).toBe(true);
  });

  it("switches pages from the header and with Ctrl+digit", async () => {
    await start();
    byTestId("nav-skills").click();
    await settle();
    expect(page("skills-page")).toBe(true);
    expect(page("dashboard")).toBe(false);
    expect(fake.called("skill_list").length, "a page reloads when shown").toBe(1);
    window.dispatchEvent(new KeyboardEvent("keydown", { key: "9", ctrlKey: true, bubbles: true }));
    expect(page("settings-page"), "Ctrl+number follows the header's order").toBe(true);
  });
});

describe("attention actions", () => {
  it("Renew… opens the renew dialog for that credential", async () => {
    await start();
    all('[data-testid="attention-action"]')[0]?.click();
    await settle();
    expect(fake.called("get_credential").pop()?.args).toEqual({ id: 1 });
    expect(byTestId("renew-dialog")).toBeTruthy();
    expect(byTestId("renew-subject").textContent).toBe("AWS ML <Specialty>");
    expect(q('[data-testid="credential-form"]')).toBeNull();
  });

  it("Log activity opens a new CE activity prefilled with the item's skills, relevance empty", async () => {
    await start();
    all('[data-testid="attention-action"]')[1]?.click();
    await settle();
    expect(q('[data-testid="renew-dialog"]')).toBeNull();
    expect(app?.form?.collect()).toMatchObject({
      kind: "ce-activity",
      title: "",
      skills: [
        { name: "Ethics", relevance: "" },
        { name: "Patient safety", relevance: "" },
      ],
    });
  });
});

describe("renew dialog", () => {
  it("shows Rust's messages under the fields, then renews and refreshes list and dashboard", async () => {
    await start();
    all('[data-testid="attention-action"]')[0]?.click();
    await settle();
    fake.handlers.renew_credential = () => {
      throw uiError("validation", "1 problem", [{ field: "expires", message: "2020-01-01 is before the completion date 2026-01-10" }]);
    };
    typeInto(byTestId<HTMLInputElement>("renew-completed"), "2026-01-10");
    typeInto(byTestId<HTMLInputElement>("renew-expires"), "2020-01-01");
    byTestId("renew-save").click();
    await settle();
    const expires = byTestId("renew-expires").closest(".field");
    expect(expires?.querySelector('[data-testid="error-expires"]')?.textContent).toBe("2020-01-01 is before the completion date 2026-01-10");
    expect(byTestId("renew-dialog"), "stays open with what was typed").toBeTruthy();

    const renewed = { ...CERT, completed: "2026-01-10", expires: "2029-01-10" };
    fake.handlers.renew_credential = () => renewed;
    fake.records = [renewed, COURSE];
    const dashboards = fake.called("dashboard").length;
    typeInto(byTestId<HTMLInputElement>("renew-expires"), "2029-01-10");
    byTestId("renew-save").click();
    await settle(20);
    expect(fake.called("renew_credential").pop()?.args).toEqual({ id: 1, completed: "2026-01-10", expires: "2029-01-10" });
    expect(q('[data-testid="renew-dialog"]')).toBeNull();
    expect(byTestId("toast").textContent).toContain("Renewed 'AWS ML <Specialty>'");
    expect(fake.called("dashboard").length, "the dashboard reloads").toBeGreaterThan(dashboards);
  });
});

describe("status badges and detail", () => {
  it("shows each row's status and, in the detail, the reasons, renewals and a Renew button", async () => {
    fake.handlers.renewals = (a) =>
      a.id === 1 ? [{ previous_completed: "2020-01-31", previous_expires: "2023-01-31", completed: "2023-01-31", expires: "2026-01-31", renewed_at: "2023-02-01T09:00:00Z" }] : [];
    await start();
    byTestId("nav-credentials").click();
    const badges = all('[data-testid="credential-row"]').map((r) => [r.dataset.id, r.querySelector('[data-testid="status-badge"]')?.textContent]);
    expect(badges).toEqual([["1", "expiring"], ["2", "stale"]]);
    all('[data-testid="credential-row"]')[0]?.click();
    await settle(20);
    const detail = byTestId("detail");
    expect(byTestId("status-badge", detail).textContent).toBe("expiring");
    expect(byTestId("reason", detail).textContent).toBe("Expires on 2026-01-31, in 30 days");
    expect(byTestId("renewal-history", detail).textContent).toContain("Expires 2023-01-31 → 2026-01-31");
    byTestId("renew", detail).click();
    expect(byTestId("renew-dialog")).toBeTruthy();
    byTestId("renew-cancel").click();
    all('[data-testid="credential-row"]')[1]?.click();
    await settle(20);
    expect(q('[data-testid="detail"] [data-testid="renew"]'), "no Renew without an expiry").toBeNull();
  });

  it("says which saved skills age at the default half-life", async () => {
    fake.handlers.skills_without_half_life = (a) => (a.names as string[]).filter((n) => n === "Quantum ML");
    fake.handlers.save_credential = () => credential({ id: 9, title: "New", skills: [{ name: "Quantum ML", relevance: 1 }, { name: "Ethics", relevance: 1 }] });
    await start();
    byTestId("new-credential").click();
    await settle();
    await app?.form?.save();
    await settle(20);
    expect(fake.called("skills_without_half_life").pop()?.args).toEqual({ names: ["Quantum ML", "Ethics"] });
    const notice = all('[data-testid="toast"]').find((t) => t.textContent?.includes("half-life"));
    expect(notice?.textContent).toContain("'Quantum ML' ages at the default half-life. Set it on the Skills page.");
    byTestId("open-skills").click();
    expect(page("skills-page")).toBe(true);
  });
});

describe("undo", () => {
  const change: FieldChange = {
    id: 3, announced: "2024-12-04", effective: [{ date: "2025-06-01", what: "device submissions" }], title: "FDA PCCP guidance",
    jurisdiction: "US", skills: ["Regulation and policy"], impact: 0.7, source: "https://fda.gov/x", note: "Replaces the 2023 draft.",
  };

  it("puts a removed field change back with add_field_change", async () => {
    let changes = [change];
    fake.handlers.field_changes = () => changes;
    // Rust answers a removal with the change as a draft, which Undo sends back as it came.
    const draft: FieldChangeDraft = {
      announced: "2024-12-04", effective: [{ date: "2025-06-01", what: "device submissions" }], title: "FDA PCCP guidance",
      jurisdiction: "US", skills: ["Regulation and policy"], impact: "0.7", source: "https://fda.gov/x", note: "Replaces the 2023 draft.",
    };
    fake.handlers.remove_field_change = () => {
      changes = [];
      return draft;
    };
    fake.handlers.add_field_change = () => ({ ...change, id: 11 });
    await start();
    byTestId("nav-field-changes").click();
    await settle();
    expect(byTestId("change-row").textContent).toContain("https://fda.gov/x");
    byTestId("change-remove").click();
    await settle(20);
    expect(fake.called("remove_field_change")[0]?.args).toEqual({ id: 3 });
    expect(byTestId("toast").textContent).toContain("Removed 'FDA PCCP guidance'.");
    byTestId("undo").click();
    await settle(20);
    expect(fake.called("add_field_change")[0]?.args, "the same change, as new").toEqual({ draft });
  });

  it("puts a removed requirement set back with add_requirement", async () => {
    const req: Requirement = {
      id: 4, name: "Licence CME", ends: "2026-03-31", cycle_months: 24, hours: 50, credit_type: null,
      topics: [{ skill: "Ethics", hours: 2, on_top: false, first_cycle_only: false }], caps: [], windows: [], first_cycle: false, credential: 1,
    };
    fake.handlers.requirements = () => [req];
    const draft: RequirementDraft = {
      name: "Licence CME", ends: "2026-03-31", cycle_months: "24", hours: "50", credit_type: "",
      topics: [{ skill: "Ethics", hours: "2", on_top: false, first_cycle_only: false }], caps: [], windows: [], first_cycle: false, credential: 1,
    };
    fake.handlers.remove_requirement = () => draft;
    fake.handlers.add_requirement = () => ({ ...req, id: 12 });
    await start();
    byTestId("nav-requirements").click();
    await settle(20);
    expect(byTestId("requirement-card").textContent).toContain("Renews AWS ML <Specialty>");
    byTestId("requirement-remove").click();
    await settle(20);
    byTestId("undo").click();
    await settle(20);
    expect(fake.called("add_requirement")[0]?.args, "the removed draft, sent back").toEqual({ draft });
  });
});

describe("skills and settings", () => {
  it("saves a half-life on Enter and shows Rust's message under that row", async () => {
    fake.handlers.skill_list = () => [
      { name: "Ethics", half_life_years: 7, description: null, records: 2 },
      { name: "Quantum ML", half_life_years: null, description: null, records: 1 },
    ];
    fake.handlers.set_half_life = (a) => {
      const d = a.draft as HalfLifeDraft;
      if (Number(d.half_life_years) > 100) throw uiError("validation", "bad", [{ field: "half_life_years", message: "500 must be more than 0 and at most 100 years" }]);
      return { name: d.name, half_life_years: Number(d.half_life_years) };
    };
    await start();
    byTestId("nav-skills").click();
    await settle(20);
    const [ethics, quantum] = all('[data-testid="skill-row"]');
    expect(quantum?.textContent, "null shows the default").toContain("default (3 y)");
    const box = ethics?.querySelector<HTMLInputElement>('[data-testid="half-life"]');
    if (!box || !quantum) throw new Error("rows missing");
    box.value = "500";
    box.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true }));
    await settle();
    expect(ethics?.querySelector('[data-testid="error-half_life_years"]')?.textContent).toBe("500 must be more than 0 and at most 100 years");
    expect(quantum.querySelector(".error")).toBeNull();
    box.value = "2.5";
    box.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true }));
    await settle();
    expect(fake.called("set_half_life").pop()?.args, "the half-life as typed").toEqual({ draft: { name: "Ethics", half_life_years: "2.5" } });
    expect(ethics?.querySelector(".error")).toBeNull();
  });

  it("saves settings, places Rust's errors, and reports the exported calendar's path", async () => {
    fake.handlers.set_user_settings = (a) => {
      const d = a.draft as SettingsDraft;
      if (Number(d.warning_days) > 3650) throw uiError("validation", "bad", [{ field: "warning_days", message: "9999 must be 0 to 3650 days" }]);
      return { warning_days: Number(d.warning_days), default_half_life: Number(d.default_half_life), reminders: d.reminders };
    };
    fake.handlers.export_ics = () => "/home/me/dossier-deadlines.ics";
    await start();
    byTestId("nav-settings").click();
    await settle();
    expect(byTestId<HTMLInputElement>("settings-warning_days").value).toBe("90");
    typeInto(byTestId<HTMLInputElement>("settings-warning_days"), "9999");
    byTestId("settings-save").click();
    await settle();
    expect(byTestId("error-warning_days").textContent).toBe("9999 must be 0 to 3650 days");
    typeInto(byTestId<HTMLInputElement>("settings-warning_days"), "30");
    byTestId<HTMLInputElement>("settings-reminders").checked = false;
    byTestId("settings-save").click();
    await settle();
    expect(fake.called("set_user_settings").pop()?.args, "the settings as typed").toEqual({ draft: { warning_days: "30", default_half_life: "3", reminders: false } });
    byTestId("export-ics").click();
    await settle();
    expect(all('[data-testid="toast"]').some((t) => t.textContent?.includes("/home/me/dossier-deadlines.ics"))).toBe(true);
  });
});
