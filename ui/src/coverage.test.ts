import { beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));

import { invoke } from "@tauri-apps/api/core";
import type { App } from "./app";
import type { FrameworkDraft } from "./bindings";
import { importSvg } from "./chart-svg";
import { app, appPerTest, byTestId, coverageViewOf, credential, fake, frameworkOf, FRAMEWORKS, mountApp, settle, typeInto, uiError } from "./test-support";

appPerTest(vi.mocked(invoke), () => [credential({ id: 1, title: "Doctor of Medicine <MD>" }), credential({ id: 5, title: "AWS ML", expires: "2025-06-30" })]);

const all = (sel: string, root: ParentNode = document) => [...root.querySelectorAll<HTMLElement>(sel)];
const texts = (sel: string, root: ParentNode = document) => all(sel, root).map((e) => e.textContent);
const page = (name: string) => byTestId(name).closest<HTMLElement>("[hidden]") === null;

async function openCoverage(): Promise<App> {
  return mountApp("coverage");
}

const HOSTILE =
  '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" onload="window.__pwned = 1" role="img">' +
  "<title>Skills coverage: Healthcare AI</title>" +
  "<script>window.__pwned = 2</script>" +
  '<foreignObject width="10" height="10"><div xmlns="http://www.w3.org/1999/xhtml"><img src="x" onerror="window.__pwned = 3"/></div></foreignObject>' +
  '<a href="javascript:window.__pwned = 4"><text onclick="window.__pwned = 5" style="fill: red">label</text></a>' +
  '<use xlink:href="https://evil.example/x.svg#a"/><use href="#ok"/>' +
  '<set attributeName="href" to="javascript:window.__pwned = 6"/>' +
  '<polygon id="ok" points="1,1 2,2" fill="#1f6fb2" onmouseover="window.__pwned = 7"/></svg>';

beforeEach(() => {
  delete (window as unknown as Record<string, unknown>).__pwned;
  fake.handlers.coverage_view = () => coverageViewOf();
  fake.handlers.frameworks = () => FRAMEWORKS;
  fake.handlers.framework = () => frameworkOf();
});

describe("chart SVG from Rust", () => {
  it("keeps the drawing and its title but nothing that runs or loads", () => {
    const svg = importSvg(HOSTILE);
    if (!svg) throw new Error("a well-formed SVG is accepted");
    document.body.append(svg);
    expect(svg.ownerDocument, "imported into this document").toBe(document);
    expect(svg.querySelector("title")?.textContent).toBe("Skills coverage: Healthcare AI");
    expect(svg.querySelector("polygon")?.getAttribute("fill"), "presentation attributes stay").toBe("#1f6fb2");
    expect(svg.querySelectorAll("script, foreignObject, set").length).toBe(0);
    expect(svg.getElementsByTagName("foreignObject").length).toBe(0);
    const attrs = [svg, ...svg.querySelectorAll("*")].flatMap((el) => [...el.attributes].map((a) => `${a.name}=${a.value}`));
    expect(attrs.filter((a) => /^on/i.test(a)), "no event handler attributes").toEqual([]);
    expect(attrs.filter((a) => /^style=/.test(a)), "no inline styles").toEqual([]);
    expect(attrs.filter((a) => /href=/.test(a)), "only links to the chart's own elements").toEqual(["href=#ok"]);
    svg.dispatchEvent(new Event("load"));
    svg.querySelector("text")?.dispatchEvent(new MouseEvent("click", { bubbles: true }));
    expect((window as unknown as Record<string, unknown>).__pwned, "nothing ran").toBeUndefined();
  });

  it("refuses text that is not one well-formed <svg>", () => {
    expect(importSvg('<svg xmlns="http://www.w3.org/2000/svg"><title>cut off')).toBeNull();
    expect(importSvg("<html><body><script>window.__pwned = 1</script></body></html>")).toBeNull();
    expect(importSvg('<svg xmlns="http://example.com/not-svg"><title>x</title></svg>')).toBeNull();
  });

  it("shows the chart on the page, cleaned, or says it could not be drawn", async () => {
    fake.handlers.coverage_view = () => coverageViewOf({ chart_svg: HOSTILE });
    await openCoverage();
    const chart = byTestId("coverage-chart");
    expect(chart.querySelector("svg title")?.textContent).toBe("Skills coverage: Healthcare AI");
    expect(chart.querySelector("script, foreignObject")).toBeNull();
    expect(chart.querySelector("[onload], [onclick], [onmouseover]")).toBeNull();
    expect((window as unknown as Record<string, unknown>).__pwned).toBeUndefined();

    fake.handlers.coverage_view = () => coverageViewOf({ chart_svg: "<svg><unclosed" });
    await app?.pages.coverage.refresh();
    expect(byTestId("chart-error").textContent).toContain("could not be drawn");
    expect(all('[data-testid="coverage-domain"]').length, "the numbers are still listed").toBe(2);
  });
});

describe("coverage page", () => {
  it("sits after the dashboard in the header, with Ctrl+2", async () => {
    await openCoverage();
    expect(texts(".nav-btn").slice(0, 3)).toEqual(["Dashboard", "Coverage", "Credentials"]);
    byTestId("nav-dashboard").click();
    window.dispatchEvent(new KeyboardEvent("keydown", { key: "2", ctrlKey: true, bubbles: true }));
    expect(page("coverage-page")).toBe(true);
    expect(fake.called("coverage_view")[0]?.args, "today and the active framework").toEqual({ asOf: null, framework: null });
  });

  it("lists the domains with the numbers Rust gave, and drills down into one", async () => {
    await openCoverage();
    const domains = all('[data-testid="coverage-domain"]');
    expect(domains.map((d) => d.dataset.id)).toEqual(["clinical", "csml"]);
    expect(texts('[data-testid="cov-earned"]', domains[0])).toEqual(["96%"]);
    expect(texts('[data-testid="cov-current"]', domains[0])).toEqual(["48%"]);
    expect(domains[0]?.querySelector("progress")?.getAttribute("aria-label")).toBe("Earned, Clinical medicine: 96%");

    domains[0]?.click();
    const detail = byTestId("domain-detail");
    expect(detail.dataset.id).toBe("clinical");
    expect(byTestId("coverage-chart"), "the chart stays beside the drill-down").toBeTruthy();
    const skills = all('[data-testid="coverage-skill"]', detail);
    expect(skills.map((s) => s.dataset.id)).toEqual(["clinical.medicine", "clinical.workflow"]);
    expect(texts('[data-testid="cov-earned"]', skills[0])).toEqual(["100%"]);
    expect(texts('[data-testid="cov-current"]', skills[0])).toEqual(["32%"]);
    expect(texts('[data-testid="cov-current"]', skills[1])).toEqual(["62%"]);
    expect(byTestId("half-life", skills[0]).textContent).toBe("half-life 5 years");
    expect(all("progress", skills[0]).map((p) => p.getAttribute("aria-label"))).toEqual(["Earned, Clinical medicine: 100%", "Current, Clinical medicine: 32%"]);
    expect(byTestId("no-records", skills[1]).textContent).toContain("No records");

    const records = all('[data-testid="coverage-record"]', skills[0]);
    expect(records.map((r) => r.dataset.id)).toEqual(["1", "15"]);
    expect(byTestId("open-record", records[0]).textContent, "titles stay text").toBe("Doctor of Medicine <MD>");
    expect(texts('[data-testid="share-earned"], [data-testid="share-current"]', records[1])).toEqual(["12%", "10%"]);
    byTestId("open-record", records[0]).click();
    await settle(20);
    expect(page("credentials-page"), "the record opens in Credentials").toBe(true);
    expect(fake.called("get_credential").pop()?.args).toEqual({ id: 1 });
    expect(byTestId("detail").textContent).toContain("Doctor of Medicine <MD>");

    byTestId("nav-coverage").click();
    await settle(20);
    byTestId("domain-back").click();
    expect(document.querySelector('[data-testid="domain-detail"]')).toBeNull();
    expect(document.activeElement, "focus returns to the domain it left").toBe(all('[data-testid="coverage-domain"]')[0]);
  });

  it("shows the same numbers in the table as in the chart's domain list", async () => {
    await openCoverage();
    const listed = all('[data-testid="coverage-domain"]').map((d) => [d.dataset.id, byTestId("cov-earned", d).textContent, byTestId("cov-current", d).textContent]);
    byTestId("view-table").click();
    expect(byTestId("view-table").getAttribute("aria-pressed")).toBe("true");
    expect(document.querySelector('[data-testid="coverage-chart"]')).toBeNull();
    const table = byTestId<HTMLTableElement>("coverage-table");
    expect(table.tagName).toBe("TABLE");
    expect(table.caption?.textContent).toBe("Skills coverage against Healthcare AI, as of 2026-11-27");
    const tabled = all('[data-testid="coverage-table-domain"]', table).map((r) => [r.dataset.id, byTestId("cov-earned", r).textContent, byTestId("cov-current", r).textContent]);
    expect(tabled).toEqual(listed);
    const skillRows = all('[data-testid="coverage-table-skill"]', table);
    expect(skillRows.map((r) => [r.dataset.id, ...[...(r as HTMLTableRowElement).cells].map((c) => c.textContent)])).toEqual([
      ["clinical.medicine", "Clinical medicine", "100%", "32%", "2"],
      ["clinical.workflow", "Clinical workflow", "89%", "62%", "0"],
      ["csml.ml", "Machine learning", "99%", "71%", "1"],
    ]);
    byTestId("view-chart").click();
    expect(byTestId("coverage-chart")).toBeTruthy();
  });

  it("puts a bad as-of date's message under the box and sends a good one", async () => {
    await openCoverage();
    fake.handlers.coverage_view = (a) => {
      if (a.asOf === "2026-02-30") throw uiError("validation", "bad date", [{ field: "as_of", message: "'2026-02-30' is not a date; use YYYY-MM-DD" }]);
      return coverageViewOf();
    };
    const box = byTestId<HTMLInputElement>("coverage-as-of");
    box.value = "2026-02-30";
    box.dispatchEvent(new Event("change"));
    await settle(20);
    expect(box.closest(".as-of")?.querySelector('[data-testid="error-as_of"]')?.textContent).toBe("'2026-02-30' is not a date; use YYYY-MM-DD");
    expect(box.getAttribute("aria-invalid")).toBe("true");
    box.value = "2025-01-01";
    box.dispatchEvent(new Event("change"));
    await settle(20);
    expect(fake.called("coverage_view").pop()?.args).toEqual({ asOf: "2025-01-01", framework: null });
    expect(box.getAttribute("aria-invalid")).toBeNull();
  });

  it("switches the framework with use_framework and reloads", async () => {
    await openCoverage();
    const select = byTestId<HTMLSelectElement>("framework-select");
    expect(select.value).toBe("healthcare-ai");
    expect([...select.options].map((o) => o.textContent)).toEqual(["AI competencies (Russell 2023) (6 skills)", "Healthcare AI (3 skills)"]);
    const before = fake.called("coverage_view").length;
    fake.handlers.use_framework = () => {
      fake.handlers.frameworks = () => FRAMEWORKS.map((f) => ({ ...f, active: f.id === "russell-2023" }));
      return null;
    };
    select.value = "russell-2023";
    select.dispatchEvent(new Event("change"));
    await settle(20);
    expect(fake.called("use_framework")[0]?.args).toEqual({ id: "russell-2023" });
    expect(fake.called("coverage_view").length).toBeGreaterThan(before);
    expect(select.value).toBe("russell-2023");
  });
});

describe("learning plan", () => {
  it("lists the items in Rust's order with Renew… or Log activity", async () => {
    await openCoverage();
    const items = all('[data-testid="plan-item"]');
    expect(items.map((i) => i.dataset.skill)).toEqual(["csml.ml", "clinical.workflow"]);
    expect(byTestId("plan-suggestion", items[0]).textContent).toBe("Renew 'AWS ML' (expires 2025-06)");
    expect(texts('[data-testid="cov-earned"], [data-testid="cov-current"]', items[1])).toEqual(["89%", "62%"]);
    expect(items.map((i) => byTestId("plan-action", i).textContent)).toEqual(["Renew…", "Log activity"]);
  });

  it("names each item by Rust's label, never as 'X (X)'", async () => {
    const [ml] = coverageViewOf().plan;
    if (!ml) throw new Error("sample plan missing");
    fake.handlers.coverage_view = () =>
      coverageViewOf({
        plan: [ml, { ...ml, skill_id: "clinical.medicine", skill: "Clinical medicine", domain: "Clinical medicine", label: "Clinical medicine", renew: null }],
      });
    await openCoverage();
    const labels = texts('[data-testid="plan-label"]');
    expect(labels).toEqual(["Machine learning (Computer science and machine learning)", "Clinical medicine"]);
    const plan = byTestId("plan").textContent ?? "";
    expect(plan, "no doubled name when skill and domain share it").not.toContain("Clinical medicine (Clinical medicine)");
    expect(plan.match(/Computer science and machine learning/g)?.length, "the domain only once, inside the label").toBe(1);
  });

  it("Renew… opens the renew dialog for the credential the item names", async () => {
    await openCoverage();
    byTestId("plan-action", all('[data-testid="plan-item"]')[0]).click();
    await settle(20);
    expect(fake.called("get_credential").pop()?.args).toEqual({ id: 5 });
    expect(byTestId("renew-subject").textContent).toBe("AWS ML");
    expect(document.querySelector('[data-testid="credential-form"]')).toBeNull();
  });

  it("Log activity opens a new CE activity prefilled with the skill", async () => {
    await openCoverage();
    byTestId("plan-action", all('[data-testid="plan-item"]')[1]).click();
    await settle(20);
    expect(document.querySelector('[data-testid="renew-dialog"]')).toBeNull();
    expect(app?.form?.collect()).toMatchObject({ kind: "ce-activity", skills: [{ name: "Clinical workflow", relevance: "" }] });
  });
});

describe("unmapped skills", () => {
  it("maps a record's skill name onto a framework skill with set_alias, then reloads", async () => {
    await openCoverage();
    const row = byTestId("unmapped-skill");
    expect(row.dataset.name).toBe("Quantum ML");
    const select = byTestId<HTMLSelectElement>("unmapped-target", row);
    const map = byTestId<HTMLButtonElement>("map-skill", row);
    expect(map.disabled, "nothing chosen yet").toBe(true);
    expect([...select.querySelectorAll("optgroup")].map((g) => g.label)).toEqual(["Clinical medicine", "Computer science and machine learning"]);
    fake.handlers.set_alias = () => {
      fake.handlers.coverage_view = () => {
        const v = coverageViewOf();
        v.coverage.unmapped = [];
        return v;
      };
      return null;
    };
    select.value = "csml.ml";
    select.dispatchEvent(new Event("change"));
    map.click();
    await settle(20);
    expect(fake.called("set_alias")[0]?.args).toEqual({ framework: "healthcare-ai", alias: "Quantum ML", skill: "csml.ml" });
    expect(all('[data-testid="toast"]').some((t) => t.textContent?.includes("'Quantum ML' now counts as Machine learning."))).toBe(true);
    expect(byTestId("unmapped").hidden, "nothing left to map").toBe(true);
  });

  it("shows Rust's refusal under the row", async () => {
    await openCoverage();
    fake.handlers.set_alias = () => {
      throw uiError("validation", "bad", [{ field: "skill", message: "'csml.ml' is not a skill of Healthcare AI" }]);
    };
    const row = byTestId("unmapped-skill");
    const select = byTestId<HTMLSelectElement>("unmapped-target", row);
    select.value = "csml.ml";
    select.dispatchEvent(new Event("change"));
    byTestId("map-skill", row).click();
    await settle(20);
    expect(row.querySelector(".field-msg")?.textContent).toBe("'csml.ml' is not a skill of Healthcare AI");
    expect(select.getAttribute("aria-invalid")).toBe("true");
  });
});

describe("framework editor", () => {
  async function openEditor(): Promise<HTMLElement> {
    await openCoverage();
    byTestId("fw-edit").click();
    await settle(20);
    return byTestId("framework-editor");
  }
  const nodeEl = (id: string) => all('[data-testid="fw-node"]').find((n) => n.dataset.id === id) as HTMLElement;

  it("shows the tree and saves edited names, half-lives, aliases and descriptions", async () => {
    const editor = await openEditor();
    expect(all('[data-testid="fw-node"][data-kind="domain"]', editor).map((n) => n.dataset.id)).toEqual(["clinical", "csml"]);
    expect(all('[data-testid="fw-node"][data-kind="skill"]', nodeEl("clinical")).map((n) => n.dataset.id)).toEqual(["clinical.medicine", "clinical.workflow"]);
    const ml = nodeEl("csml.ml");
    typeInto(byTestId<HTMLInputElement>("fw-node-half-life", ml), "3");
    typeInto(byTestId<HTMLInputElement>("fw-node-aliases", ml), "ML, Statistical learning ,");
    typeInto(byTestId<HTMLInputElement>("fw-node-description", ml), "Supervised and unsupervised methods");
    typeInto(byTestId<HTMLInputElement>("fw-node-name", ml), "Machine learning (ML)");
    fake.handlers.save_framework = () => frameworkOf();
    byTestId("fw-save").click();
    await settle(20);
    const sent = fake.called("save_framework")[0]?.args?.draft as FrameworkDraft;
    expect(sent.id).toBe("healthcare-ai");
    expect(sent.nodes.find((n) => n.id === "csml.ml"), "as typed: Rust trims and reads").toEqual({
      id: "csml.ml",
      name: "Machine learning (ML)",
      parent: "csml",
      half_life_years: "3",
      description: "Supervised and unsupervised methods",
      aliases: ["ML", " Statistical learning ", ""],
      weight: null,
    });
    const clinical = frameworkOf().nodes[0];
    expect(sent.nodes.find((n) => n.id === "clinical"), "untouched nodes go back as they came").toEqual({
      id: clinical?.id, name: clinical?.name, parent: "", half_life_years: "", description: clinical?.description ?? "", aliases: clinical?.aliases, weight: clinical?.weight,
    });
    expect(all('[data-testid="toast"]').some((t) => t.textContent === "Saved 'Healthcare AI'.")).toBe(true);
  });

  it("places Rust's \"node 'x'\" errors next to node x, and nothing is lost", async () => {
    await openEditor();
    typeInto(byTestId<HTMLInputElement>("fw-node-half-life", nodeEl("clinical.workflow")), "0");
    fake.handlers.save_framework = () => {
      throw uiError("validation", "1 problem", [
        { field: "node 'clinical.workflow'", message: "half-life 0 must be more than 0 and at most 100 years" },
        { field: "name", message: "is required" },
      ]);
    };
    byTestId("fw-save").click();
    await settle(20);
    const bad = nodeEl("clinical.workflow");
    expect(bad.querySelector(":scope > .field-msg")?.textContent).toBe("Half-life 0 must be more than 0 and at most 100 years");
    expect(bad.classList.contains("invalid")).toBe(true);
    expect(nodeEl("clinical.medicine").querySelector(".error"), "not next to another node").toBeNull();
    expect(nodeEl("clinical").querySelector(":scope > .field-msg .error"), "nor next to its domain").toBeNull();
    expect(byTestId("fw-name").closest(".field")?.textContent).toContain("Name is required");
    expect(byTestId<HTMLInputElement>("fw-node-half-life", bad).value, "what was typed stays").toBe("0");
  });

  it("adds a skill and a domain, removes a node after a second click, and sends the new tree", async () => {
    await openEditor();
    byTestId("fw-add-skill", nodeEl("csml")).click();
    const added = all('[data-testid="fw-node"]', nodeEl("csml")).pop() as HTMLElement;
    expect(added.dataset.id).toBe("csml.skill-1");
    expect(document.activeElement, "the new skill's name has the keyboard").toBe(byTestId("fw-node-name", added));
    typeInto(byTestId<HTMLInputElement>("fw-node-name", added), "MLOps");
    typeInto(byTestId<HTMLInputElement>("fw-node-half-life", added), "2");
    byTestId("fw-add-domain").click();
    const domain = nodeEl("domain-1");
    typeInto(byTestId<HTMLInputElement>("fw-node-id", domain), "law");
    typeInto(byTestId<HTMLInputElement>("fw-node-name", domain), "Law");

    const remove = byTestId<HTMLButtonElement>("fw-remove", nodeEl("clinical"));
    remove.click();
    expect(remove.textContent, "the first click asks").toBe("Remove with 2 skills?");
    expect(nodeEl("clinical")).toBeTruthy();
    remove.click();
    expect(nodeEl("clinical"), "the second removes it with its skills").toBeUndefined();
    expect(nodeEl("clinical.medicine")).toBeUndefined();

    fake.handlers.save_framework = () => {
      throw uiError("validation", "1 problem", [{ field: "node 'law'", message: "a domain needs at least one skill" }]);
    };
    byTestId("fw-save").click();
    await settle(20);
    const sent = fake.called("save_framework")[0]?.args?.draft as FrameworkDraft;
    expect(sent.nodes.map((n) => [n.id, n.parent, n.half_life_years])).toEqual([
      ["csml", "", ""],
      ["csml.ml", "csml", "2.5"],
      ["csml.skill-1", "csml", "2"],
      ["law", "", ""],
    ]);
    const law = all('[data-testid="fw-node"]').find((n) => byTestId<HTMLInputElement>("fw-node-name", n).value === "Law") as HTMLElement;
    expect(law.querySelector(".field-msg")?.textContent).toBe("A domain needs at least one skill");
  });

  it("shows Rust's reading of a typed half-life that is not a number next to its node", async () => {
    fake.handlers.save_framework = () => {
      throw uiError("validation", "1 problem", [{ field: "node 'csml.ml'", message: "half-life 'two' is not a number (use a decimal point: 1.5)" }]);
    };
    await openEditor();
    typeInto(byTestId<HTMLInputElement>("fw-node-half-life", nodeEl("csml.ml")), "two");
    byTestId("fw-save").click();
    await settle(20);
    const sent = fake.called("save_framework")[0]?.args?.draft as FrameworkDraft;
    expect(sent.nodes.find((n) => n.id === "csml.ml")?.half_life_years, "sent as typed").toBe("two");
    expect(nodeEl("csml.ml").querySelector(".field-msg")?.textContent).toContain("'two' is not a number");
  });

  it("imports and exports through Rust's dialogs, with toasts", async () => {
    await openCoverage();
    fake.handlers.import_framework = () => frameworkOf({ id: "mine", name: "My framework" });
    fake.handlers.use_framework = () => null;
    byTestId("fw-import").click();
    await settle(20);
    const toast = all('[data-testid="toast"]').find((t) => t.textContent?.includes("Imported 'My framework'."));
    expect(toast).toBeTruthy();
    byTestId("use-imported").click();
    await settle(20);
    expect(fake.called("use_framework")[0]?.args).toEqual({ id: "mine" });

    fake.handlers.import_framework = () => {
      throw uiError("validation", "2 problems", [{ field: "node 'csml.dl'", message: "half-life 0 must be more than 0 and at most 100 years" }]);
    };
    byTestId("fw-import").click();
    await settle(20);
    expect(texts('[data-testid="import-problem"]')).toEqual(["node 'csml.dl': half-life 0 must be more than 0 and at most 100 years"]);

    fake.handlers.import_framework = () => null;
    byTestId("fw-import").click();
    await settle(20);
    expect(texts('[data-testid="import-problem"]'), "a cancelled dialog clears old problems").toEqual([]);

    fake.handlers.export_framework = () => "/home/me/healthcare-ai.json";
    byTestId("fw-export").click();
    await settle(20);
    expect(fake.called("export_framework")[0]?.args).toEqual({ id: "healthcare-ai" });
    expect(all('[data-testid="toast"]').some((t) => t.textContent?.includes("Exported 'Healthcare AI' to /home/me/healthcare-ai.json."))).toBe(true);
  });
});
