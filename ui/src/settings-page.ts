// The Settings page: when items count as expiring, the default half-life, daily reminders,
// the calendar export of deadlines, and keeping the data whole (Health, Backups). Rust
// checks the values and says what is wrong.

import type { SettingsDraft, UserSettings } from "./bindings";
import * as backend from "./backend";
import { h } from "./dom";
import { checkField, textInput } from "./form-parts";
import { BackupsSection } from "./backups-section";
import { HealthSection } from "./health-section";
import { attempt } from "./kit-async";
import { Fields, formField, submitForm, type Collected } from "./kit-form";
import type { Page } from "./kit-page";
import type { PageContext } from "./page-parts";

export class SettingsView implements Page {
  readonly element: HTMLElement;
  private readonly host: PageContext;
  private readonly warningDays: HTMLInputElement;
  private readonly halfLife: HTMLInputElement;
  private readonly reminders: HTMLInputElement;
  private readonly fields = new Fields("settings-errors");
  private readonly saveBtn: HTMLButtonElement;
  private readonly exportBtn: HTMLButtonElement;
  readonly health: HealthSection;
  readonly backups: BackupsSection;

  constructor(host: PageContext) {
    this.host = host;
    this.health = new HealthSection(host);
    this.backups = new BackupsSection({ toaster: host.toaster, report: host.report, replaced: () => host.reloadAll() });
    this.warningDays = textInput("", { type: "number", step: "1" });
    this.halfLife = textInput("", { type: "number", step: "0.5" });
    const days = formField({
      field: "warning_days",
      label: "Warning window (days)",
      control: this.warningDays,
      testid: "settings-warning_days",
      id: "settings-warning_days",
      hint: "A credential or CE cycle ending within this many days counts as expiring.",
    });
    const half = formField({
      field: "default_half_life",
      label: "Default half-life (years)",
      control: this.halfLife,
      testid: "settings-default_half_life",
      id: "settings-default_half_life",
      hint: "For skills without a half-life of their own (see Skills).",
    });
    const rem = checkField("reminders", "Remind me on start (at most once a day) when something needs attention", true);
    rem.input.id = "settings-reminders";
    rem.input.dataset.testid = "settings-reminders";
    this.reminders = rem.input;
    this.fields.add("warning_days", days.slot);
    this.fields.add("default_half_life", half.slot);
    this.fields.add("reminders", rem.slot);
    this.saveBtn = h("button", { type: "submit", class: "btn btn-primary", "data-testid": "settings-save" }, "Save settings");
    const form = h(
      "form",
      { class: "card settings-form", "data-testid": "settings-form", novalidate: true, "aria-labelledby": "settings-form-title" },
      h("h3", { id: "settings-form-title" }, "Staleness and reminders"),
      this.fields.summary,
      h("div", { class: "grid" }, days.wrapper, half.wrapper),
      rem.wrapper,
      h("div", { class: "form-actions" }, this.saveBtn),
    );
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      void this.save();
    });
    this.exportBtn = h("button", { type: "button", class: "btn", "data-testid": "export-ics" }, "Export deadlines to calendar (.ics)…");
    this.exportBtn.addEventListener("click", () => void this.exportIcs());
    this.element = h(
      "div",
      { class: "page-body narrow" },
      form,
      h(
        "section",
        { class: "card", "aria-labelledby": "export-title" },
        h("h3", { id: "export-title" }, "Calendar"),
        h("p", { class: "muted" }, "Expiry dates and CE cycle deadlines as an iCalendar file, for any calendar app."),
        h("div", { class: "form-actions start" }, this.exportBtn),
      ),
      this.health.element,
      this.backups.element,
    );
  }

  show(): void {
    void this.refresh();
    void this.backups.refresh();
  }

  /** A restored backup brings its own settings, and the last health check was about the other database. */
  recordsChanged(): Promise<void> {
    this.health.clear();
    return this.refresh();
  }

  async refresh(): Promise<void> {
    const s = await attempt(this.host.report, backend.userSettings);
    if (s) this.fill(s);
  }

  fill(s: UserSettings): void {
    this.warningDays.value = String(s.warning_days);
    this.halfLife.value = String(s.default_half_life);
    this.reminders.checked = s.reminders;
    this.fields.clear();
  }

  /** The settings as typed; Rust reads the numbers and names what it refuses. */
  collect(): Collected<SettingsDraft> {
    return { value: { warning_days: this.warningDays.value, default_half_life: this.halfLife.value, reminders: this.reminders.checked } };
  }

  async save(): Promise<void> {
    await submitForm({
      root: this.element,
      button: this.saveBtn,
      collect: () => this.collect(),
      send: backend.setUserSettings,
      show: (errors, message) => this.fields.show(errors, (rest) => rest, message),
      saved: (stored) => {
        this.fill(stored);
        this.host.toaster.show("Settings saved.");
        this.host.changed();
      },
      report: this.host.report,
    });
  }

  async exportIcs(): Promise<void> {
    const path = await attempt(this.host.report, backend.exportIcs, { busy: this.exportBtn });
    if (path) this.host.toaster.show(`Exported the deadlines to ${path}.`, { timeout: 10000 });
  }
}
