//! What the PDF shows, assembled from the domain's results. Every figure here comes from the
//! same functions as the CLI's JSON and the app (`dashboard::build`, `coverage::coverage`);
//! this module only selects and formats. Numbers are formatted here, in Rust, so that the PDF
//! prints exactly the values the CLI prints.

use dossier_core::coverage::Coverage;
use dossier_core::dashboard::Dashboard;
use dossier_core::profile::{Profile, Sections};
use dossier_core::staleness::Freshness;
use dossier_core::{Credential, CredentialKind, Status};
use serde::Serialize;

#[derive(Serialize)]
struct Item {
    title: String,
    issuer: String,
    dates: String,
    credential_id: String,
    url: String,
    url_label: String,
    hours: String,
    status: String,
    reason: String,
    verified: bool,
}

#[derive(Serialize)]
struct Group {
    label: String,
    items: Vec<Item>,
}

#[derive(Serialize)]
struct Activity {
    date: String,
    title: String,
    provider: String,
    hours: String,
    credit_type: String,
}

#[derive(Serialize)]
struct Row {
    name: String,
    a: String,
    b: String,
    c: String,
}

#[derive(Serialize)]
struct Cycle {
    name: String,
    period: String,
    required: String,
    counted: String,
    remaining: String,
    days_left: String,
    pace: String,
    state: String,
    parts: Vec<Row>,
}

#[derive(Serialize)]
struct EvidenceGroup {
    title: String,
    files: Vec<Row>,
}

#[derive(Serialize)]
pub struct ReportData {
    doc_title: String,
    profile: Profile,
    contact: String,
    as_of: String,
    as_of_parts: [u32; 3],
    generated: String,
    sections: Sections,
    counts: Vec<Row>,
    statuses: Vec<Row>,
    /// CE hours in the last 12 and 24 months, then each requirement's counted of required.
    ce_figures: Vec<Row>,
    framework: String,
    chart_alt: String,
    coverage: Vec<Row>,
    groups: Vec<Group>,
    ce: Vec<Activity>,
    cycles: Vec<Cycle>,
    evidence: Vec<EvidenceGroup>,
}

/// Hours as the CLI's JSON prints them (Rust's shortest float form).
pub fn hours(h: f64) -> String {
    // `+ 0.0` turns the -0.0 of an empty float sum into 0.
    format!("{}", h + 0.0)
}

use dossier_core::coverage::percent as pct;

fn dates(c: &Credential) -> String {
    let done = c.completed.map(|d| d.to_string());
    match (c.status, c.started, done) {
        (Status::InProgress, _, Some(d)) => format!("in progress, expected {d}"),
        (Status::InProgress, Some(s), None) => format!("in progress since {s}"),
        (Status::InProgress, None, None) => "in progress".into(),
        (_, Some(s), Some(d)) if s.to_string() != d => format!("{s} – {d}"),
        (_, _, Some(d)) => d,
        (_, Some(s), None) => format!("from {s}"),
        (_, None, None) => String::new(),
    }
    .to_string()
        + &c.expires
            .map(|e| format!("\nexpires {e}"))
            .unwrap_or_default()
}

fn url_label(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    if rest.chars().count() > 42 {
        rest.chars().take(40).collect::<String>() + "…"
    } else {
        rest.to_string()
    }
}

fn status_word(f: Freshness) -> &'static str {
    f.as_str()
}

/// Everything the template prints, for `as_of`.
pub fn assemble(
    profile: &Profile,
    records: &[Credential],
    dash: &Dashboard,
    cov: &Coverage,
    sections: &Sections,
    generated: &str,
) -> ReportData {
    use chrono::Datelike;
    let assessment = |id: i64| dash.assessments.iter().find(|a| a.id == id);
    let mut groups = Vec::new();
    for kind in CredentialKind::ALL
        .into_iter()
        .filter(|k| *k != CredentialKind::CeActivity)
    {
        let items: Vec<Item> = records
            .iter()
            .filter(|r| r.kind == kind)
            .map(|r| {
                let a = assessment(r.id);
                Item {
                    title: r.title.clone(),
                    issuer: r.issuer.clone().unwrap_or_default(),
                    dates: dates(r),
                    credential_id: r.credential_id.clone().unwrap_or_default(),
                    url: r.url.clone().unwrap_or_default(),
                    url_label: r.url.as_deref().map(url_label).unwrap_or_default(),
                    hours: r.hours.map(hours).unwrap_or_default(),
                    status: a
                        .map(|a| status_word(a.status))
                        .unwrap_or("current")
                        .to_string(),
                    reason: a
                        .map(|a| {
                            a.reasons
                                .iter()
                                .map(|x| x.text.as_str())
                                .collect::<Vec<_>>()
                                .join("; ")
                        })
                        .unwrap_or_default(),
                    verified: r.verified,
                }
            })
            .collect();
        if !items.is_empty() {
            groups.push(Group {
                label: kind.label().to_string(),
                items,
            });
        }
    }
    let mut ce: Vec<&Credential> = records
        .iter()
        .filter(|r| r.kind == CredentialKind::CeActivity)
        .collect();
    ce.sort_by(|a, b| b.completed.cmp(&a.completed).then(a.id.cmp(&b.id)));
    let ce_rows: Vec<Activity> = ce
        .iter()
        .map(|r| Activity {
            date: r.completed.map(|d| d.to_string()).unwrap_or_default(),
            title: r.title.clone(),
            provider: r.issuer.clone().unwrap_or_default(),
            hours: r.hours.map(hours).unwrap_or_default(),
            credit_type: r.credit_type.clone().unwrap_or_default(),
        })
        .collect();
    let row = |name: String, a: String| Row {
        name,
        a,
        b: String::new(),
        c: String::new(),
    };
    let ce_figures: Vec<Row> = dash
        .ce_hours
        .iter()
        .map(|w| {
            row(
                format!("CE, last {} months", w.months),
                format!("{} h", hours(w.hours)),
            )
        })
        .chain(dash.cycles.iter().map(|p| {
            row(
                p.name.clone(),
                format!("{} of {} h", hours(p.counted), hours(p.required)),
            )
        }))
        .collect();
    let counts = CredentialKind::ALL
        .iter()
        .map(|k| (k, records.iter().filter(|r| r.kind == *k).count()))
        .filter(|(_, n)| *n > 0)
        .map(|(k, n)| Row {
            name: k.label().into(),
            a: n.to_string(),
            b: String::new(),
            c: String::new(),
        })
        .collect();
    let c = &dash.counts;
    let statuses = [
        ("Current", c.current),
        ("Ageing", c.ageing),
        ("Stale", c.stale),
        ("Expiring", c.expiring),
        ("Expired", c.expired),
    ]
    .iter()
    .map(|(n, v)| Row {
        name: (*n).into(),
        a: v.to_string(),
        b: String::new(),
        c: String::new(),
    })
    .collect();
    let coverage: Vec<Row> = cov
        .domains
        .iter()
        .map(|d| Row {
            name: d.name.clone(),
            a: pct(d.earned),
            b: pct(d.current),
            c: String::new(),
        })
        .collect();
    let chart_alt = format!(
        "Radar chart of skills coverage against {}: {}",
        cov.framework,
        cov.domains
            .iter()
            .map(|d| format!(
                "{} earned {}, current {}",
                d.name,
                pct(d.earned),
                pct(d.current)
            ))
            .collect::<Vec<_>>()
            .join("; ")
    );
    let cycles = dash
        .cycles
        .iter()
        .map(|p| Cycle {
            name: p.name.clone(),
            period: format!("{} – {}", p.starts, p.ends),
            required: hours(p.required),
            counted: hours(p.counted),
            remaining: hours(p.remaining),
            days_left: p.days_left.to_string(),
            pace: hours(p.pace_per_month),
            state: p.state.label().to_string(),
            parts: p
                .topics
                .iter()
                .chain(&p.windows)
                .map(|t| Row {
                    name: t.name.clone(),
                    a: hours(t.required),
                    b: hours(t.counted),
                    c: hours(t.remaining),
                })
                .collect(),
        })
        .collect();
    let evidence = records
        .iter()
        .filter(|r| !r.evidence.is_empty())
        .map(|r| EvidenceGroup {
            title: r.title.clone(),
            files: r
                .evidence
                .iter()
                .map(|e| Row {
                    name: e.name.clone(),
                    a: e.sha256.chars().take(16).collect(),
                    b: e.size.to_string(),
                    c: String::new(),
                })
                .collect(),
        })
        .collect();
    let contact = [
        &profile.email,
        &profile.phone,
        &profile.location,
        &profile.website,
    ]
    .iter()
    .filter(|s| !s.trim().is_empty())
    .map(|s| s.trim().to_string())
    .collect::<Vec<_>>()
    .join("  ·  ");
    let who = if profile.name.trim().is_empty() {
        "Credential portfolio"
    } else {
        profile.name.trim()
    };
    ReportData {
        doc_title: format!("{who}: credential portfolio as of {}", dash.as_of),
        profile: profile.clone(),
        contact,
        as_of: dash.as_of.to_string(),
        as_of_parts: [
            dash.as_of.year() as u32,
            dash.as_of.month(),
            dash.as_of.day(),
        ],
        generated: generated.to_string(),
        sections: sections.clone(),
        counts,
        statuses,
        ce_figures,
        framework: cov.framework.clone(),
        chart_alt,
        coverage,
        groups,
        ce: ce_rows,
        cycles,
        evidence,
    }
}
