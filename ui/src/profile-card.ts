// The profile printed at the top of the report: who the portfolio belongs to and how to reach
// them, and where they practise (which field changes count as reasons). Rust checks each value
// (length, a single line) and names the field that is wrong; the message goes under that
// field, `jurisdictions[i]` under "Practises in".

import type { FieldError, Profile } from "./bindings";
import * as backend from "./backend";
import { h } from "./dom";
import { ErrorSlot, textInput } from "./form-parts";
import { attempt } from "./kit-async";
import { Fields, formField, submitForm } from "./kit-form";
import { splitList, type PageHost } from "./page-parts";
import { pathOf } from "./format";

type ProfileField = Exclude<keyof Profile, "jurisdictions">;

/** An error about one entry of the jurisdictions list ("jurisdictions[1]"). */
const isJurisdictionEntry = (e: FieldError): boolean => {
  const p = pathOf(e);
  return p.field === "jurisdictions" && p.index !== null;
};

/** Field, label and the input's extra attributes, in the order shown. */
const FIELDS: readonly (readonly [ProfileField, string, Record<string, string>])[] = [
  ["name", "Name", { autocomplete: "name", placeholder: "As it should appear on the report" }],
  ["title", "Title or role", { autocomplete: "organization-title", placeholder: "e.g. Physician, clinical informatics" }],
  ["email", "Email", { autocomplete: "email", inputmode: "email" }],
  ["phone", "Phone", { autocomplete: "tel", inputmode: "tel" }],
  ["location", "Location", { autocomplete: "address-level2", placeholder: "City, country" }],
  ["website", "Website", { autocomplete: "url", inputmode: "url" }],
];

export class ProfileCard {
  readonly element: HTMLFormElement;
  private readonly inputs = new Map<ProfileField, HTMLInputElement>();
  private readonly jurisdictions: HTMLInputElement;
  private readonly jurisdictionsSlot: ErrorSlot;
  private readonly fields = new Fields("profile-errors");
  private readonly saveBtn: HTMLButtonElement;
  /** Typed since the last load or save: a reload must not overwrite it. */
  private dirty = false;

  constructor(
    private readonly host: PageHost,
    /** After a save: the report shows the profile, so the preview redraws. */
    private readonly saved: () => void,
  ) {
    const wrappers = FIELDS.map(([field, label, attrs]) => {
      const input = textInput("", { ...attrs });
      input.addEventListener("input", () => (this.dirty = true));
      this.inputs.set(field, input);
      const f = formField({ field, label, control: input, testid: `profile-${field}`, id: `profile-${field}` });
      this.fields.add(field, f.slot);
      return f.wrapper;
    });
    this.jurisdictions = textInput("", { placeholder: "e.g. US, EU" });
    this.jurisdictions.addEventListener("input", () => (this.dirty = true));
    const practises = formField({
      field: "jurisdictions",
      label: "Practises in",
      control: this.jurisdictions,
      testid: "profile-jurisdictions",
      id: "profile-jurisdictions",
      hint: "Field changes elsewhere are shown as information. Blank: everywhere.",
    });
    this.jurisdictionsSlot = practises.slot;
    this.fields.add("jurisdictions", practises.slot);
    this.saveBtn = h("button", { type: "submit", class: "btn btn-primary", "data-testid": "profile-save" }, "Save profile");
    this.element = h(
      "form",
      { class: "card profile-card", "data-testid": "profile-form", novalidate: true, "aria-labelledby": "profile-title" },
      h("h3", { id: "profile-title" }, "Profile"),
      h("p", { class: "hint" }, "Printed at the top of the report. Leave out whatever you would rather not share."),
      this.fields.summary,
      h("div", { class: "grid" }, wrappers, practises.wrapper),
      h("div", { class: "form-actions" }, this.saveBtn),
    );
    this.element.addEventListener("submit", (e) => {
      e.preventDefault();
      void this.save();
    });
  }

  /** Loads the stored profile, unless something typed here is not saved yet. */
  async refresh(): Promise<void> {
    if (this.dirty) return;
    const p = await attempt(this.host.report, backend.profile);
    if (p && !this.dirty) this.fill(p);
  }

  fill(p: Profile): void {
    for (const [field, input] of this.inputs) input.value = p[field];
    this.jurisdictions.value = p.jurisdictions.join(", ");
    this.dirty = false;
    this.fields.clear();
  }

  collect(): Profile {
    const v = (f: ProfileField) => this.inputs.get(f)?.value.trim() ?? "";
    return {
      name: v("name"),
      title: v("title"),
      email: v("email"),
      phone: v("phone"),
      location: v("location"),
      website: v("website"),
      jurisdictions: splitList(this.jurisdictions.value),
    };
  }

  /** Rust's messages under their fields; one naming a jurisdiction (`jurisdictions[1]`) under "Practises in". */
  private showErrors(errors: readonly FieldError[], message = ""): void {
    this.fields.show(
      errors,
      (rest) => {
        const mine = [...errors.filter((e) => e.field === "jurisdictions"), ...rest.filter(isJurisdictionEntry)];
        this.jurisdictionsSlot.show(mine);
        // The slot marks its control only for the plain name; an entry's message is about it too.
        if (mine.length) this.jurisdictions.setAttribute("aria-invalid", "true");
        return rest.filter((e) => !isJurisdictionEntry(e));
      },
      message,
    );
  }

  async save(): Promise<void> {
    await submitForm({
      root: this.element,
      button: this.saveBtn,
      collect: () => ({ value: this.collect() }),
      send: backend.setProfile,
      show: (errors, message) => this.showErrors(errors, message),
      saved: () => {
        this.dirty = false;
        this.fields.clear();
        this.host.toaster.show("Profile saved.");
        this.saved();
        this.host.changed(); // where the person practises moves statuses
      },
      report: this.host.report,
    });
  }
}
