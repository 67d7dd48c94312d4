import { defineConfig } from "vitest/config";

// Tauri embeds ui/dist; the dev server port is fixed so a Tauri devUrl can point at it.
export default defineConfig({
  clearScreen: false,
  server: { port: 1420, strictPort: true },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    // The webview supports module preload natively; the polyfill would only add code.
    modulePreload: { polyfill: false },
  },
  test: {
    environment: "happy-dom",
    include: ["src/**/*.test.ts"],
  },
});
