import { describe, expect, it } from "vitest";

// The sources as text, so the rules below hold for code added later too.
const sources = import.meta.glob<string>(["./*.ts", "!./*.test.ts", "!./test-support.ts"], {
  query: "?raw",
  import: "default",
  eager: true,
});

describe("house rules", () => {
  it("finds the sources to check", () => {
    expect(Object.keys(sources), "the glob must see the app modules").toEqual(
      expect.arrayContaining(["./app.ts", "./backend.ts", "./form.ts", "./list.ts"]),
    );
  });

  it("never turns strings into markup or code (user data must stay text; CSP forbids eval)", () => {
    const banned = /\.innerHTML\s*=|\.outerHTML\s*=|insertAdjacentHTML|document\.write|\beval\(|new Function\(|setAttribute\(\s*["']style["']/;
    for (const [file, text] of Object.entries(sources)) {
      const line = text.split("\n").findIndex((l) => banned.test(l));
      expect(line, `${file}:${line + 1} uses a banned DOM or code API`).toBe(-1);
    }
  });

  it("calls invoke only from backend.ts", () => {
    for (const [file, text] of Object.entries(sources)) {
      if (file === "./backend.ts") continue;
      expect(/from\s+["']@tauri-apps\/api\/core["']/.test(text), `${file} imports @tauri-apps/api/core`).toBe(false);
    }
  });

  it("listens to Tauri events only in backend.ts (the dev mock fakes them)", () => {
    for (const [file, text] of Object.entries(sources)) {
      if (file === "./backend.ts" || file.startsWith("./dev-mock")) continue;
      expect(/from\s+["']@tauri-apps\/api\/event["']/.test(text), `${file} imports @tauri-apps/api/event`).toBe(false);
    }
  });
});
