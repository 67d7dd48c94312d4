import { describe, expect, it, vi } from "vitest";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));

import { invoke } from "@tauri-apps/api/core";
import type { ListQuery } from "./bindings";
import { appPerTest, byTestId, credential, fake, mountApp, settle, typeInto } from "./test-support";

appPerTest(vi.mocked(invoke));

const rows = () => [...document.querySelectorAll<HTMLElement>('[data-testid="credential-row"]')];
const pages = () => fake.called("list_credentials").map((c) => (c.args?.query as ListQuery)).map((q) => [q.offset, q.limit]);

async function start(n: number): Promise<void> {
  fake.records = Array.from({ length: n }, (_, i) => credential({ id: i + 1, title: `Record ${i + 1}` }));
  await mountApp("credentials");
}

describe("credential list paging", () => {
  it("asks for pages of 200 and offers Show more while the last page was full", async () => {
    await start(450);
    expect(pages()).toEqual([[0, 200]]);
    expect(rows().length).toBe(200);
    expect(byTestId("count").textContent, "more may follow").toBe("200+ credentials");
    byTestId("show-more").click();
    await settle(20);
    expect(pages().pop()).toEqual([200, 200]);
    expect(rows().length).toBe(400);
    expect(rows()[200]?.dataset.id, "appended after the first page").toBe("201");
    expect(document.activeElement, "the keyboard moves to the first new row").toBe(rows()[200]);
    byTestId("show-more").click();
    await settle(20);
    expect(pages().pop()).toEqual([400, 200]);
    expect(rows().length).toBe(450);
    expect(document.querySelector('[data-testid="show-more"]'), "a short page was the last").toBeNull();
    expect(byTestId("count").textContent).toBe("450 credentials");
  });

  it("shows no Show more when everything fits on one page", async () => {
    await start(3);
    expect(rows().length).toBe(3);
    expect(document.querySelector('[data-testid="show-more"]')).toBeNull();
    expect(byTestId("count").textContent).toBe("3 credentials");
  });

  it("starts again at the first page for a new search, filter or sort", async () => {
    vi.useFakeTimers();
    await start(450);
    byTestId("show-more").click();
    await vi.advanceTimersByTimeAsync(0);
    expect(rows().length).toBe(400);
    typeInto(byTestId<HTMLInputElement>("search"), "Record");
    await vi.advanceTimersByTimeAsync(200);
    expect(fake.called("list_credentials").pop()?.args?.query).toMatchObject({ search: "Record", offset: 0, limit: 200 });
    expect(rows().length).toBe(200);
    expect(byTestId("count").textContent).toBe("200+ matching");
    byTestId("show-more").click();
    await vi.advanceTimersByTimeAsync(0);
    const sort = byTestId<HTMLSelectElement>("sort");
    sort.value = "title";
    sort.dispatchEvent(new Event("change"));
    await vi.advanceTimersByTimeAsync(0);
    expect(fake.called("list_credentials").pop()?.args?.query).toMatchObject({ sort: "title", offset: 0, limit: 200 });
    expect(rows().length).toBe(200);
  });

  it("keeps the pages shown when the data changes (a delete reloads as many rows)", async () => {
    await start(450);
    byTestId("show-more").click();
    await settle(20);
    rows()[0]?.click();
    await settle(20);
    byTestId("delete").click();
    await settle(20);
    expect(pages().pop(), "one request for what was showing").toEqual([0, 400]);
    expect(rows().length).toBe(400);
    expect(rows()[0]?.dataset.id).toBe("2");
  });
});
