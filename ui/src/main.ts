import "./styles.css";
import "./pages.css";
import "./coverage.css";
import "./export.css";
import "./import.css";
import "./archive.css";
import { boot } from "./recovery-screen";

async function main(): Promise<void> {
  const root = document.getElementById("app");
  if (!root) throw new Error("index.html has no #app element");
  // Only `vite` (dev server) in a plain browser gets the fake backend. The production build
  // drops this branch entirely, and inside Tauri __TAURI_INTERNALS__ always exists.
  if (import.meta.env.DEV && !("__TAURI_INTERNALS__" in window)) {
    const mock = await import("./dev-mock");
    mock.installDevMock();
    (await boot(root)).watchOtherWriters();
    mock.runScenario();
    return;
  }
  // Only the real window watches for other writers (tests build many apps, each its own).
  (await boot(root)).watchOtherWriters();
}

void main();
