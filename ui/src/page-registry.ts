// Every page of the window, in the header's order (which is also Ctrl/Cmd+1..9's). A new
// page is one entry here: its button, shortcut, heading, landmark and arrival focus follow.

import { CoveragePage } from "./coverage-page";
import { dashboardPage } from "./dashboard";
import { ExportPage } from "./export-page";
import { FieldChangesView } from "./field-changes-page";
import { ImportPage } from "./import-page";
import type { PageEntry } from "./kit-page";
import type { PageContext } from "./page-parts";
import { RequirementsView } from "./requirements-page";
import { SettingsView } from "./settings-page";
import { SkillsView } from "./skills-page";

export const PAGES = [
  { id: "dashboard", label: "Dashboard", testid: "dashboard", create: (ctx) => dashboardPage(ctx) },
  { id: "coverage", label: "Coverage", create: (ctx, frame) => new CoveragePage(ctx, frame) },
  // The list says what it is through its toolbar and table; the heading is for screen readers.
  { id: "credentials", label: "Credentials", quietHeading: true, create: (ctx) => ({ element: ctx.credentials }) },
  { id: "import", label: "Import", create: (ctx, frame) => new ImportPage(ctx, frame) },
  { id: "skills", label: "Skills", create: (ctx) => new SkillsView(ctx) },
  { id: "field-changes", label: "Field changes", create: (ctx, frame) => new FieldChangesView(ctx, frame) },
  { id: "requirements", label: "Requirements", create: (ctx) => new RequirementsView(ctx, ctx.labels) },
  { id: "export", label: "Export", create: (ctx, frame) => new ExportPage(ctx, frame) },
  { id: "settings", label: "Settings", create: (ctx) => new SettingsView(ctx) },
] as const satisfies readonly PageEntry<PageContext>[];

export type AppPage = (typeof PAGES)[number];
export type PageName = AppPage["id"];
