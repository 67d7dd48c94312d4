import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Dashboard } from "./bindings";
import { BackendError } from "./backend";
import { cycleCard } from "./cycle";
import { attentionItem, DashboardView, type DashboardHandlers } from "./dashboard";
import { attention, byTestId, dashboardOf, progress } from "./test-support";

const HOSTILE = `<img src=x onerror="alert(1)"> & <b>bold</b>`;

function handlers() {
  return { asOf: vi.fn<DashboardHandlers["asOf"]>(), act: vi.fn<DashboardHandlers["act"]>(), open: vi.fn<DashboardHandlers["open"]>() };
}

const texts = (root: ParentNode, sel: string) => [...root.querySelectorAll(sel)].map((e) => e.textContent);

beforeEach(() => document.body.replaceChildren());

describe("attention item", () => {
  it("shows the status, the title and every reason exactly as Rust wrote them, as text", () => {
    const item = attention({
      id: 9,
      title: HOSTILE,
      status: "expired",
      reasons: [
        { kind: "expired", status: "expired", text: "Expired on 2025-06 (1.4 years ago)" },
        { kind: "half-life", status: "stale", text: `4.5 years old; ${HOSTILE}'s half-life is 2.5 years: 29% current` },
      ],
    });
    const li = attentionItem(item, handlers());
    document.body.append(li);
    expect(li.dataset.testid).toBe("attention-item");
    expect(li.dataset.status).toBe("expired");
    expect(li.dataset.id).toBe("9");
    expect(li.dataset.cycle).toBe("false");
    expect(byTestId("status-badge", li).textContent).toBe("expired");
    expect(byTestId("attention-title", li).textContent, "the title as typed").toBe(HOSTILE);
    expect(texts(li, '[data-testid="reason"]'), "each reason verbatim, in Rust's order").toEqual([
      "Expired on 2025-06 (1.4 years ago)",
      `4.5 years old; ${HOSTILE}'s half-life is 2.5 years: 29% current`,
    ]);
    expect(li.querySelector("img, b"), "no markup from data").toBeNull();
    expect(byTestId("attention-action", li).textContent).toBe("Renew…");
  });

  it("marks a CE cycle item and offers Log activity with the skills it still needs", () => {
    const h = handlers();
    const item = attention({
      id: 3,
      is_cycle: true,
      title: "State licence CME",
      status: "ageing",
      action: "log-activity",
      skills: ["Ethics", "Patient safety"],
      reasons: [{ kind: "cycle-deadline", status: "ageing", text: "CE cycle 'State licence CME' ends on 2026-03-31" }],
    });
    const li = attentionItem(item, h);
    expect(li.dataset.cycle).toBe("true");
    expect(texts(li, ".chip")).toEqual(["Ethics", "Patient safety"]);
    const action = byTestId("attention-action", li);
    expect(action.textContent).toBe("Log activity");
    action.click();
    expect(h.act).toHaveBeenCalledWith(item);
  });
});

describe("dashboard view", () => {
  const dash: Dashboard = dashboardOf({
    counts: { current: 7, ageing: 6, stale: 3, expiring: 1, expired: 2 },
    attention: [
      attention({ id: 6, title: "B expired", status: "expired" }),
      attention({ id: 5, title: "A expiring", status: "expiring" }),
      attention({ id: 1, title: "C cycle", status: "ageing", is_cycle: true, action: "log-activity" }),
    ],
    cycles: [progress()],
  });

  it("keeps Rust's order of the attention list and shows the counts as given", () => {
    const view = new DashboardView(handlers());
    document.body.append(view.element);
    view.render(dash);
    expect(texts(view.element, '[data-testid="attention-title"]'), "most urgent first, as returned").toEqual(["B expired", "A expiring", "C cycle"]);
    expect(byTestId("count-expired").textContent).toContain("2");
    expect(byTestId("count-current").textContent).toContain("7");
    expect(document.querySelector('[data-testid="all-current"]')).toBeNull();
    expect(view.element.querySelectorAll('[data-testid="cycle-card"]').length).toBe(1);
  });

  it("says all is current when nothing needs attention", () => {
    const view = new DashboardView(handlers());
    view.render(dashboardOf());
    expect(byTestId("all-current", view.element).textContent).toContain("All current");
  });

  it("sends the as-of date when committed and shows Rust's message under the box", () => {
    const h = handlers();
    const view = new DashboardView(h);
    document.body.append(...view.head, view.element);
    const input = byTestId<HTMLInputElement>("as-of");
    input.value = "2026-13-01";
    input.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true }));
    expect(h.asOf).toHaveBeenCalledWith("2026-13-01");
    view.showError(new BackendError("validation", "invalid", [{ field: "as_of", message: "'2026-13-01' is not a date; use YYYY-MM-DD" }]));
    expect(byTestId("error-as_of").textContent).toBe("'2026-13-01' is not a date; use YYYY-MM-DD");
    expect(input.getAttribute("aria-invalid")).toBe("true");
    input.value = "";
    input.dispatchEvent(new Event("change"));
    expect(h.asOf).toHaveBeenLastCalledWith(null);
  });
});

describe("cycle card", () => {
  it("shows Rust's figures as given, without recomputing any of them", () => {
    // Deliberately inconsistent: 12.5 of 50 would leave 37.5, but the card must show Rust's 41.25.
    const card = cycleCard(
      progress({
        required: 50,
        counted: 12.5,
        remaining: 41.25,
        days_left: 45,
        pace_per_month: 27.75,
        expected_by_now: 33.3,
        state: "behind",
        topics: [{ name: "Ethics", required: 4, counted: 1, remaining: 2.5 }],
        windows: [{ name: "last 12 months", required: 10, counted: 3, remaining: 7 }],
        caps: [{ name: "Home study", required: 10, counted: 10, remaining: 0 }],
        activities: [{ id: 4, title: "Grand rounds <i>x</i>", date: "2025-03", hours: 18.5, counted: 8, notes: ["10.5 h over the cap 'Home study'"] }],
      }),
    );
    document.body.append(card);
    expect(card.dataset.state).toBe("behind");
    expect(byTestId("cycle-state", card).textContent).toBe("behind");
    expect(byTestId("cycle-counted", card).textContent).toBe("12.5");
    expect(byTestId("cycle-remaining", card).textContent).toBe("41.25 h");
    expect(byTestId("cycle-days-left", card).textContent).toBe("45 days");
    expect(byTestId("cycle-pace", card).textContent).toBe("27.75 h/month");
    expect(byTestId("cycle-expected", card).textContent).toBe("33.3 h");
    const bar = byTestId<HTMLProgressElement>("cycle-progress", card);
    expect(bar.getAttribute("aria-valuenow")).toBe("12.5");
    expect(bar.getAttribute("aria-valuemax")).toBe("50");
    expect(bar.getAttribute("aria-valuetext")).toBe("12.5 of 50 hours");
    const parts = [...card.querySelectorAll<HTMLElement>('[data-testid="cycle-part"]')].map((r) => [r.dataset.part, r.textContent]);
    expect(parts).toEqual([
      ["topic", "Ethics1 h of 4 h2.5 h to go"],
      ["window", "last 12 months3 h of 10 h7 h to go"],
      ["cap", "Home study10 h of at most 10 h0 h room left"],
    ]);
    const activity = byTestId("counted-activity", card);
    expect(activity.textContent).toContain("2025-03 · 8 h of 18.5 h");
    expect(activity.textContent).toContain("10.5 h over the cap 'Home study'");
    expect(card.querySelector("i"), "titles stay text").toBeNull();
  });

  it("shows overdue days and no monthly pace once the cycle has ended", () => {
    const card = cycleCard(progress({ state: "overdue", days_left: -12, pace_per_month: 30 }));
    expect(byTestId("cycle-days-left", card).textContent).toBe("12 days overdue");
    expect(byTestId("cycle-pace", card).textContent).toBe("—");
  });
});
