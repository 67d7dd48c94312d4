// DEV ONLY: canned answers for the coverage and framework commands, so the Coverage page can
// be looked at in a plain browser (`npx vite`). The figures are fixed samples, not computed;
// the chart is a stand-in for the one Rust draws.

import type { CoverageView, Framework, FrameworkDraft, FrameworkInfo } from "./bindings";
import type { CommandName } from "./ipc";
import { healthcareAiNodes, node } from "./sample-data";

let framework: Framework = {
  format: "dossier-framework/1",
  id: "healthcare-ai",
  name: "Healthcare AI",
  description: "The interdisciplinary field of AI in health care.",
  citation: "Dossier's own framework. CC0.",
  nodes: [
    ...healthcareAiNodes(),
    node("csml.dl", "Deep learning for diagnostics", "csml", 2),
    node("regulation", "Regulation and policy", null, null),
    node("regulation.policy", "Regulation and policy", "regulation", 2),
  ],
};
let unmapped = ["Quantum ML"];

const CHART =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 630 448" width="630" height="448" role="img" aria-labelledby="cov-title cov-desc" font-size="11">' +
  '<title id="cov-title">Skills coverage: Healthcare AI (dev sample)</title><desc id="cov-desc">A stand-in for the chart Rust draws.</desc>' +
  '<polygon points="315,70 480,290 150,290" fill="none" stroke="#c9d1db"/>' +
  '<polygon points="315,80 450,280 190,270" fill="#5b6b7f" fill-opacity="0.08" stroke="#5b6b7f" stroke-dasharray="5 3"/>' +
  '<polygon points="315,160 400,250 260,240" fill="#1f6fb2" fill-opacity="0.35" stroke="#1f6fb2" stroke-width="2"/>' +
  '<text x="315" y="55" text-anchor="middle" fill="#2b3440">Clinical medicine</text></svg>';

function view(): CoverageView {
  const s = (id: string, name: string, earned: number, current: number, half = 5) => ({
    id, name, half_life_years: half, weight: 1, earned, current,
    records: [{ id: 1, title: "Doctor of Medicine (MD)", earned: Math.min(earned, 1), current }],
  });
  return {
    coverage: {
      framework: framework.name,
      framework_id: framework.id,
      as_of: "2025-11-20",
      domains: [
        { id: "clinical", name: "Clinical medicine", earned: 0.964, current: 0.484, skills: [s("clinical.medicine", "Clinical medicine", 1, 0.323), s("clinical.workflow", "Clinical workflow", 0.89, 0.616)] },
        { id: "csml", name: "Computer science and machine learning", earned: 0.5, current: 0.224, skills: [s("csml.ml", "Machine learning", 0.99, 0.71, 2.5), s("csml.dl", "Deep learning for diagnostics", 0.6, 0.1, 2)] },
        { id: "regulation", name: "Regulation and policy", earned: 0.3, current: 0.04, skills: [s("regulation.policy", "Regulation and policy", 0.6, 0.09, 2)] },
      ],
      unmapped,
    },
    chart_svg: CHART,
    plan: [
      { skill_id: "clinical.medicine", skill: "Clinical medicine", domain: "Clinical medicine", label: "Clinical medicine", earned: 1, current: 0.323, gap: 0.677, priority: 1.35, suggestion: "Refresh Clinical medicine: take a current course or CME", renew: null },
      { skill_id: "csml.ml", skill: "Machine learning", domain: "Computer science and machine learning", label: "Machine learning (Computer science and machine learning)", earned: 0.99, current: 0.71, gap: 0.28, priority: 0.28, suggestion: "Renew 'AWS Certified Machine Learning – Specialty' (expired 2025-03-14)", renew: 5 },
    ],
  };
}

/** Answers a coverage command, or undefined when `cmd` is not one. */
export function coverageCommand(cmd: CommandName, a: Record<string, unknown>): unknown {
  switch (cmd) {
    case "coverage_view": {
      const asOf = typeof a.asOf === "string" ? a.asOf : "";
      if (asOf && !/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw { kind: "validation", message: "as_of", fields: [{ field: "as_of", message: `'${asOf}' is not a date; use YYYY-MM-DD` }] };
      return view();
    }
    case "frameworks": {
      const list: FrameworkInfo[] = [{ id: framework.id, name: framework.name, builtin: true, active: true, skills: 5 }];
      return list;
    }
    case "framework": return framework;
    case "use_framework": return null;
    case "save_framework": {
      // A fake of FrameworkDraft::validate, only as far as the browser preview needs.
      const d = a.draft as FrameworkDraft;
      const bad = d.nodes.find((n) => n.parent !== "" && !(Number(n.half_life_years) > 0 && Number(n.half_life_years) <= 100));
      if (bad) throw { kind: "validation", message: "1 problem", fields: [{ field: `node '${bad.id}'`, path: { field: "nodes", index: null, id: bad.id, sub: null }, message: `half-life ${bad.half_life_years} must be more than 0 and at most 100 years` }] };
      const text = (v: string) => v.trim() || null;
      framework = {
        ...d, description: text(d.description),
        nodes: d.nodes.map((n) => ({ ...n, parent: text(n.parent), half_life_years: text(n.half_life_years) === null ? null : Number(n.half_life_years), description: text(n.description), aliases: n.aliases.map((x) => x.trim()).filter(Boolean) })),
      };
      return framework;
    }
    case "set_alias": unmapped = unmapped.filter((n) => n !== a.alias); return null;
    case "import_framework": return null;
    case "export_framework": return "/home/dr.lee/Documents/healthcare-ai.json";
    default: return undefined;
  }
}
