// DEV ONLY: canned answers for the report commands, so the Export page can be looked at in a
// plain browser (`npx vite`). The page is a stand-in for the one typst draws; the export waits
// a little between its progress events and "writes" nothing.

import { emit } from "@tauri-apps/api/event";
import type { Profile, Sections } from "./bindings";
import { REPORT_PROGRESS, type CommandName } from "./ipc";

let profile: Profile = {
  name: "Dr. Jordan Lee",
  title: "Physician, clinical informatics",
  email: "jordan.lee@example.org",
  phone: "",
  location: "Ann Arbor, MI",
  website: "https://example.org/jlee",
  jurisdictions: ["US"],
};

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

function esc(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** An A4 page (595 x 842 pt) with the profile and one bar per included section. */
function page(asOf: string, s: Sections): string {
  const parts: string[] = [];
  let y = 150;
  const section = (title: string, lines: number) => {
    parts.push(`<text x="56" y="${y}" font-size="13" font-weight="600" fill="#2456a6">${esc(title)}</text>`);
    y += 14;
    for (let i = 0; i < lines && y < 800; i++, y += 13) parts.push(`<rect x="56" y="${y}" width="${330 + ((i * 97) % 150)}" height="6" rx="2" fill="#d5dae1"/>`);
    y += 16;
  };
  if (s.summary) section("Summary", 4);
  if (s.chart) {
    parts.push(`<polygon points="297,${y + 10} 380,${y + 120} 214,${y + 120}" fill="#1f6fb2" fill-opacity="0.3" stroke="#1f6fb2"/>`);
    y += 150;
  }
  if (s.credentials) section("Credentials", 12);
  if (s.ce) section("Continuing education", 5);
  if (s.requirements) section("Requirement progress", 4);
  if (s.evidence) section("Evidence on file", 4);
  const contact = [profile.email, profile.phone, profile.location, profile.website].filter(Boolean).join(" · ");
  return (
    '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 595.2756 841.8898" width="595.2756pt" height="841.8898pt">' +
    '<path fill="#ffffff" d="M0 0H595.2756V841.8898H0Z"/>' +
    `<text x="56" y="76" font-size="20" font-weight="600" fill="#1a1e24">${esc(profile.name || "Credential portfolio")}</text>` +
    `<text x="56" y="96" font-size="11" fill="#1a1e24">${esc(profile.title)}</text>` +
    `<text x="56" y="112" font-size="9" fill="#5d6776">${esc(contact)}</text>` +
    `<text x="56" y="126" font-size="9" fill="#5d6776">Credential portfolio as of ${esc(asOf)} (dev sample)</text>` +
    parts.join("") +
    '<text x="297" y="820" font-size="8" text-anchor="middle" fill="#5d6776">1 / 3</text></svg>'
  );
}

function day(a: Record<string, unknown>): string {
  const asOf = typeof a.asOf === "string" ? a.asOf.trim() : "";
  if (asOf && !/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw { kind: "validation", message: "as_of", fields: [{ field: "as_of", message: `'${asOf}' is not a date; use YYYY-MM-DD` }] };
  return asOf || "2025-11-20";
}

/** Answers a report command, or undefined when `cmd` is not one. */
export function reportCommand(cmd: CommandName, a: Record<string, unknown>): unknown {
  switch (cmd) {
    case "profile": return profile;
    case "set_profile": {
      const p = a.profile as Profile;
      const texts = (Object.keys(p) as (keyof Profile)[]).flatMap((k) => (k === "jurisdictions" ? [] : [k]));
      const fields = [
        ...texts.filter((k) => p[k].length > 200).map((field) => ({ field, message: `is too long (${p[field].length} characters; at most 200)` })),
        ...p.jurisdictions.flatMap((j, i) => (j.length > 40 ? [{ field: `jurisdictions[${i}]`, message: `must be a name such as EU or US, one line of at most 40 characters (got '${j}')` }] : [])),
      ];
      if (fields.length) throw { kind: "validation", message: `${fields.length} fields need attention`, fields };
      profile = p;
      return null;
    }
    case "report_preview": {
      const asOf = day(a);
      return wait(250).then(() => ({ svg: page(asOf, a.sections as Sections), pages: 3 }));
    }
    case "export_pdf": {
      const asOf = day(a);
      return (async () => {
        const steps = ["Gathering the portfolio", "Typesetting", "Writing the file", "Done"];
        for (const [i, step] of steps.entries()) {
          await wait(500);
          await emit(REPORT_PROGRESS, { step, done: i + 1, of: steps.length });
        }
        return `/home/dr.lee/Documents/dossier-portfolio-${asOf}.pdf`;
      })();
    }
    default: return undefined;
  }
}
