// The side panel showing one record in full, with its evidence and the Edit/Delete actions.

import type { Assessment, Credential, Evidence, Renewal } from "./bindings";
import { h, icon, replaceChildren, type Child } from "./dom";
import { completionText, fileSize, hoursText, KindLabels, relevanceText, timestampText } from "./format";
import { statusBadge } from "./status";

export interface DetailHandlers {
  edit(c: Credential): void;
  renew(c: Credential): void;
  remove(c: Credential): void;
  close(): void;
  openEvidence(e: Evidence): void;
  removeEvidence(c: Credential, e: Evidence): void;
}

function row(label: string, value: Child | Child[], testid?: string): HTMLElement[] {
  return [h("dt", {}, label), h("dd", { "data-testid": testid }, value)];
}

function optional(label: string, value: string | null, testid?: string): HTMLElement[] {
  return value === null || value === "" ? [] : row(label, value, testid);
}

function evidenceItem(c: Credential, e: Evidence, handlers: DetailHandlers): HTMLElement {
  const open = h(
    "button",
    { type: "button", class: "link evidence-name", title: "Open in the system viewer", "data-testid": "open-evidence" },
    icon("file"),
    e.name,
  );
  open.addEventListener("click", () => handlers.openEvidence(e));
  // Removing evidence deletes a file from the library, so it takes a second, deliberate click.
  const remove = h(
    "button",
    { type: "button", class: "btn btn-small btn-quiet", "data-testid": "remove-evidence", "aria-label": `Remove ${e.name}` },
    "Remove",
  );
  let armed = false;
  remove.addEventListener("click", () => {
    if (!armed) {
      armed = true;
      remove.textContent = "Confirm remove";
      remove.classList.add("btn-danger");
      return;
    }
    handlers.removeEvidence(c, e);
  });
  remove.addEventListener("blur", () => {
    armed = false;
    remove.textContent = "Remove";
    remove.classList.remove("btn-danger");
  });
  const meta = [fileSize(e.size), e.media_type, `added ${timestampText(e.added_at)}`].filter(Boolean).join(" · ");
  return h(
    "li",
    { class: "evidence-item", "data-sha256": e.sha256 },
    h("div", { class: "evidence-main" }, open, h("div", { class: "evidence-meta", title: `SHA-256 ${e.sha256}` }, meta)),
    remove,
  );
}

/** What the dashboard says about the record, and its renewals (null while loading). */
export interface DetailExtras {
  assessment?: Assessment | undefined;
  renewals: readonly Renewal[] | null;
  /** The "Why this status?" section (why-status.ts), shown under the status. */
  why?: HTMLElement | undefined;
}

function statusSection(a: Assessment | undefined): HTMLElement[] {
  if (!a) return [];
  return [
    h("h3", {}, "Status"),
    h(
      "div",
      { class: "detail-status", "data-testid": "detail-status" },
      statusBadge(a.status),
      a.reasons.length
        ? h("ul", { class: "reasons" }, a.reasons.map((r) => h("li", { "data-testid": "reason", "data-kind": r.kind }, r.text)))
        : h("span", { class: "muted" }, "Nothing to act on."),
    ),
  ];
}

function renewalItem(r: Renewal): HTMLElement {
  const change = (label: string, before: string | null, after: string | null) =>
    before === after ? null : h("div", {}, `${label} ${before ?? "—"} → ${after ?? "—"}`);
  return h(
    "li",
    { "data-testid": "renewal" },
    h("div", { class: "muted" }, `Renewed ${timestampText(r.renewed_at)}`),
    change("Completed", r.previous_completed, r.completed),
    change("Expires", r.previous_expires, r.expires),
  );
}

function renewalSection(c: Credential, renewals: readonly Renewal[] | null): HTMLElement[] {
  if (renewals === null || (renewals.length === 0 && c.expires === null)) return [];
  return [
    h("h3", {}, "Renewals ", h("span", { class: "count" }, String(renewals.length))),
    renewals.length
      ? h("ol", { class: "renewal-list", "data-testid": "renewal-history" }, renewals.map(renewalItem))
      : h("p", { class: "muted" }, "Not renewed yet."),
  ];
}

export function renderDetail(
  panel: HTMLElement,
  c: Credential,
  labels: KindLabels,
  handlers: DetailHandlers,
  extras: DetailExtras = { renewals: null },
): void {
  const inProgress = c.status === "in-progress";
  const close = h("button", { type: "button", class: "icon-btn", "aria-label": "Close details", title: "Close (Esc)" }, icon("close"));
  close.addEventListener("click", () => handlers.close());
  const edit = h("button", { type: "button", class: "btn", "data-testid": "edit" }, icon("edit"), "Edit");
  edit.addEventListener("click", () => handlers.edit(c));
  const del = h("button", { type: "button", class: "btn btn-danger-quiet", "data-testid": "delete", title: "Delete (can be undone)" }, icon("trash"), "Delete");
  del.addEventListener("click", () => handlers.remove(c));
  let renew: HTMLElement | null = null;
  if (c.expires !== null) {
    renew = h("button", { type: "button", class: "btn", "data-testid": "renew", title: "Record new completion and expiry dates" }, "Renew…");
    renew.addEventListener("click", () => handlers.renew(c));
  }

  const skills = c.skills.length
    ? h(
        "ul",
        { class: "skill-list" },
        c.skills.map((s) =>
          h("li", {}, h("span", { class: "chip" }, s.name), h("span", { class: "relevance", title: "Relevance" }, relevanceText(s.relevance))),
        ),
      )
    : h("p", { class: "muted" }, "No skills tagged.");

  const evidence = c.evidence.length
    ? h("ul", { class: "evidence-list", "data-testid": "evidence-list" }, c.evidence.map((e) => evidenceItem(c, e, handlers)))
    : h("p", { class: "muted" }, "No evidence attached. Use Edit to attach files.");

  replaceChildren(
    panel,
    h(
      "header",
      { class: "panel-head" },
      h(
        "div",
        { class: "panel-titles" },
        h("div", { class: "eyebrow" }, labels.label(c.kind), inProgress ? " · In progress" : ""),
        h("h2", { id: "detail-title", "data-testid": "detail-title" }, c.title),
        c.issuer && h("div", { class: "panel-sub" }, c.issuer),
      ),
      close,
    ),
    h("div", { class: "panel-actions" }, edit, renew, del),
    h(
      "div",
      { class: "panel-body" },
      statusSection(extras.assessment),
      extras.why,
      h(
        "dl",
        { class: "facts" },
        optional("Started", c.started),
        row(inProgress ? "Expected" : "Completed", inProgress ? (c.completed ?? "—") : completionText(c), "detail-completed"),
        row("Expires", c.expires ?? "—", "detail-expires"),
        optional("Hours", c.hours === null ? null : hoursText(c.hours)),
        optional("Credit type", c.credit_type),
        optional("Credential ID", c.credential_id),
        // Shown as selectable text: following a link would navigate the app's own window away.
        c.url ? row("Verification", h("span", { class: "url" }, c.url)) : [],
        row("Status", c.verified ? [icon("check", "icon verified-icon"), "Verified"] : "Self-reported"),
      ),
      c.notes ? [h("h3", {}, "Notes"), h("p", { class: "notes", "data-testid": "detail-notes" }, c.notes)] : [],
      renewalSection(c, extras.renewals),
      h("h3", {}, "Skills"),
      skills,
      h("h3", {}, "Evidence ", h("span", { class: "count" }, String(c.evidence.length))),
      evidence,
      h(
        "dl",
        { class: "facts facts-meta" },
        row("Source", c.source),
        row("Added", timestampText(c.created_at)),
        row("Updated", timestampText(c.updated_at)),
      ),
    ),
  );
  panel.setAttribute("aria-labelledby", "detail-title");
}
