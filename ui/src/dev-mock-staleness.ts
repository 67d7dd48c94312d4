// DEV ONLY: canned answers for the staleness commands, so the dashboard and the other pages
// can be looked at in a plain browser (`npx vite`). Nothing here is computed the way Rust
// does it: statuses, reasons and cycle figures are fixed samples.

import type { ChangeDetail, Credential, Dashboard, Explanation, FieldChange, FieldChangeDraft, Freshness, HalfLifeDraft, Reason, Requirement, RequirementDraft, SettingsDraft, SkillDetail, SkillInfo, UserSettings } from "./bindings";
import type { CommandName } from "./ipc";

const reason = (kind: Reason["kind"], status: Freshness, text: string): Reason => ({ kind, status, text });

let settings: UserSettings = { warning_days: 90, default_half_life: 3, reminders: true };
let changes: FieldChange[] = [
  { id: 1, announced: "2024-12-04", effective: [], title: "FDA final guidance on predetermined change control plans", jurisdiction: "US", skills: ["Regulation and policy"], impact: 0.7, source: "https://www.fda.gov/", note: "Replaces the 2023 draft guidance." },
  {
    id: 2, announced: "2024-07-12", effective: [{ date: "2025-02-02", what: "prohibited practices" }, { date: "2026-08-02", what: "high-risk obligations (Annex III)" }],
    title: "EU AI Act (Regulation 2024/1689)", jurisdiction: "EU", skills: ["Regulation and policy", "Ethical AI governance"], impact: 0.5, source: "https://eur-lex.europa.eu/eli/reg/2024/1689/oj", note: null,
  },
];
let requirements: Requirement[] = [
  { id: 1, name: "State medical licence (CME)", ends: "2026-03-31", cycle_months: 24, hours: 50, credit_type: "AMA PRA Category 1", topics: [{ skill: "Ethical AI governance", hours: 4, on_top: false, first_cycle_only: false }], caps: [], windows: [{ months: 12, hours: 10 }], first_cycle: false, credential: 2 },
];
const halfLives = new Map<string, number>([["Clinical medicine", 5], ["Deep learning for diagnostics", 2], ["Regulation and policy", 2], ["Statistics", 10], ["Machine learning", 2.5]]);
let nextId = 100;
/** What each added requirement set was typed as, so Undo gets the draft back as Rust would give it. */
const drafts = new Map<number, RequirementDraft>();

function dashboard(store: Credential[]): Dashboard {
  const canned: Record<number, Reason[]> = {
    2: [reason("expiring", "expiring", "Expires on 2025-12-31, in 41 days")],
    5: [reason("expired", "expired", "Expired on 2025-03-14 (8 months ago)")],
    4: [reason("half-life", "stale", "2.5 years old; Deep learning for diagnostics' half-life is 2 years: 42% current")],
    7: [reason("field-change", "stale", "Predates 'FDA final guidance on predetermined change control plans' (2024-12-04), which affects Regulation and policy")],
  };
  const worst = (r: Reason[]): Freshness => r[0]?.status ?? "current";
  const assessments = store.map((c) => ({ id: c.id, title: c.title, status: worst(canned[c.id] ?? []), freshness: 1, reasons: canned[c.id] ?? [] }));
  const counts = { current: 0, ageing: 0, stale: 0, expiring: 0, expired: 0 };
  for (const a of assessments) counts[a.status]++;
  const order: Freshness[] = ["expired", "expiring", "stale", "ageing", "current"];
  const attention = assessments
    .filter((a) => a.reasons.length)
    .map((a) => ({ id: a.id, is_cycle: false, title: a.title, status: a.status, reasons: a.reasons, action: a.reasons[0]?.kind === "expired" || a.reasons[0]?.kind === "expiring" ? ("renew" as const) : ("log-activity" as const), skills: store.find((c) => c.id === a.id)?.skills.map((s) => s.name) ?? [] }))
    .sort((a, b) => order.indexOf(a.status) - order.indexOf(b.status));
  const cycles = requirements.map((r) => ({
    id: r.id, name: r.name, starts: "2024-04-01", ends: r.ends, required: r.hours, counted: 18.5, remaining: 31.5, days_left: 131, pace_per_month: 7.3, expected_by_now: 41.2, state: "behind" as const,
    topics: r.topics.map((t) => ({ name: t.skill, required: t.hours, counted: 0, remaining: t.hours })),
    windows: r.windows.map((w) => ({ name: `last ${w.months} months`, required: w.hours, counted: 6.5, remaining: 3.5 })),
    caps: [],
    activities: [{ id: 6, title: "NLP for Electronic Health Records: Methods and Pitfalls", date: "2024-11-10", hours: 6.5, counted: 6.5, notes: [] }],
  }));
  return { as_of: "2025-11-20", counts, ce_hours: [{ months: 12, hours: 6.5 }, { months: 24, hours: 30.5 }], attention, assessments, cycles };
}

/** "Why this status?" for a record: the canned verdict with sample figures behind it. */
function explanation(store: Credential[], id: number, asOf: string | null): Explanation {
  const c = store.find((x) => x.id === id);
  if (!c) throw { kind: "not-found", message: `no credential with id ${id}`, fields: [] };
  const assessment = dashboard(store).assessments.find((x) => x.id === id) ?? { id, title: c.title, status: "current" as const, freshness: 1, reasons: [] };
  const judged = c.status === "completed" && c.completed !== null;
  const state = judged ? "completed" : c.kind === "experience" ? "practice" : "in-progress";
  const newer = (skill: string) => store.find((o) => o.id !== c.id && o.status === "completed" && (o.completed ?? "") > (c.completed ?? "") && o.skills.some((s) => s.name === skill));
  const skills = c.skills.map((s, i): SkillDetail => {
    const by = judged ? newer(s.name) : undefined;
    return {
      name: s.name, relevance: s.relevance, half_life_years: halfLives.get(s.name) ?? settings.default_half_life, default_half_life: !halfLives.has(s.name),
      freshness: judged ? ([0.81, 0.64, 0.42][i % 3] ?? 1) : 1, refreshed_by: by ? { id: by.id, title: by.title, when: by.completed ?? "" } : null,
    };
  });
  const related = changes.filter((f) => f.skills.some((n) => c.skills.some((s) => s.name === n)));
  const details = related.map((f): ChangeDetail => {
    const relation = !judged ? "not-judged" : f.jurisdiction === "EU" ? "outside" : (c.completed ?? "") >= f.announced ? "covers" : id === 7 ? "predates" : "minor";
    const text = {
      covers: `Completed on or after its announcement (${f.announced}): covers it.`,
      predates: `Completed before its announcement (${f.announced}) and nothing newer covers it.`,
      "covered-later": "A newer record covers it.",
      minor: `Completed before its announcement (${f.announced}), but it invalidates less than a quarter of this record.`,
      outside: `Applies in ${f.jurisdiction ?? "?"}; you practise in US: information only.`,
      "not-judged": "The record is not judged yet.",
    }[relation];
    return { id: f.id, title: f.title, announced: f.announced, jurisdiction: f.jurisdiction, skills: f.skills, share: f.impact, relation, label: relation === "outside" ? "elsewhere" : relation.replace("-", " "), covered_by: null, text };
  });
  const words = assessment.reasons.map((r) => `${r.kind.replace(/-/g, " ")}: ${r.status}`).join("; ");
  return {
    assessment, as_of: asOf ?? "2025-11-20", state, age_days: judged ? 912 : null, effective_freshness: judged ? 0.64 : null,
    basis: judged ? `Completed ${c.completed}, 912 days before the as-of date; each skill aged by its half-life.` : "Not completed: not aged, and field changes are not judged.",
    rule: words ? `${assessment.status[0]?.toUpperCase()}${assessment.status.slice(1)}: the worst its reasons give (${words}).` : "Current: no rule gives a reason (expiry, half-life, field changes, CE cycles).",
    skills, changes: details,
  };
}

/** Answers a staleness command, or undefined when `cmd` is not one. */
export function stalenessCommand(cmd: CommandName, a: Record<string, unknown>, store: Credential[]): unknown {
  switch (cmd) {
    case "dashboard": return dashboard(store);
    case "explain": return explanation(store, a.id as number, (a.asOf as string | null | undefined) ?? null);
    case "skill_list": {
      const names = [...new Set([...halfLives.keys(), ...store.flatMap((c) => c.skills.map((s) => s.name))])].sort();
      return names.map((name): SkillInfo => ({ name, half_life_years: halfLives.get(name) ?? null, description: null, records: store.filter((c) => c.skills.some((s) => s.name === name)).length }));
    }
    case "set_half_life": {
      // A fake of Rust's HalfLifeDraft::validate, only as far as the browser preview needs.
      const d = a.draft as HalfLifeDraft;
      const years = Number(d.half_life_years);
      if (!(years > 0 && years <= 100)) throw { kind: "validation", message: "bad half-life", fields: [{ field: "half_life_years", message: `${d.half_life_years} must be more than 0 and at most 100 years` }] };
      halfLives.set(d.name, years);
      return { name: d.name, half_life_years: years };
    }
    case "skills_without_half_life": return (a.names as string[]).filter((n) => !halfLives.has(n));
    case "field_changes": return changes;
    case "add_field_change": {
      const d = a.draft as FieldChangeDraft;
      if (!d.title.trim()) throw { kind: "validation", message: "title", fields: [{ field: "title", message: "is required" }] };
      const text = (v: string) => v.trim() || null;
      const c: FieldChange = { ...d, id: nextId++, impact: Number(d.impact), jurisdiction: text(d.jurisdiction), source: text(d.source), note: text(d.note) };
      changes = [...changes, c];
      return c;
    }
    case "remove_field_change": {
      const c = changes.find((x) => x.id === a.id);
      changes = changes.filter((x) => x.id !== a.id);
      return c && { ...c, impact: String(c.impact), jurisdiction: c.jurisdiction ?? "", source: c.source ?? "", note: c.note ?? "" };
    }
    case "requirements": return requirements;
    case "add_requirement": {
      const d = a.draft as RequirementDraft;
      if (!d.name.trim()) throw { kind: "validation", message: "name", fields: [{ field: "name", message: "is required" }] };
      const r: Requirement = {
        ...d, id: nextId++, cycle_months: Number(d.cycle_months), hours: Number(d.hours), credit_type: d.credit_type.trim() || null,
        topics: d.topics.map((t) => ({ ...t, hours: Number(t.hours) })), caps: [], windows: d.windows.map((w) => ({ months: Number(w.months), hours: Number(w.hours) })),
      };
      drafts.set(r.id, d);
      requirements = [...requirements, r];
      return r;
    }
    case "remove_requirement": {
      const r = requirements.find((x) => x.id === a.id);
      requirements = requirements.filter((x) => x.id !== a.id);
      return r && (drafts.get(r.id) ?? { ...r, cycle_months: String(r.cycle_months), hours: String(r.hours), credit_type: r.credit_type ?? "", topics: [], caps: [], windows: [] });
    }
    case "renew_credential": {
      const c = store.find((x) => x.id === a.id);
      if (!c) throw { kind: "not-found", message: "no such credential", fields: [] };
      if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(String(a.completed).trim())) throw { kind: "validation", message: "date", fields: [{ field: "completed", message: `'${String(a.completed)}' is not a date` }] };
      c.completed = String(a.completed).trim();
      c.expires = (a.expires as string | null) ?? null;
      return c;
    }
    case "renewals": return [];
    case "user_settings": return settings;
    case "set_user_settings": {
      const d = a.draft as SettingsDraft;
      settings = { warning_days: Number(d.warning_days), default_half_life: Number(d.default_half_life), reminders: d.reminders };
      return settings;
    }
    case "export_ics": return "/home/dr.lee/Documents/dossier-deadlines.ics";
    default: return undefined;
  }
}
