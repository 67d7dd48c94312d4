//! The coverage chart as SVG, drawn here once so that the app and the PDF show the same
//! picture of the same numbers. A radar of the framework's domains: the earned polygon as a
//! dashed outline, the current one filled inside it, so decay shows as the space between.
//! Presentation attributes only (no `style`), so it renders under a strict CSP and in typst.

use crate::coverage::{percent as pct, Coverage};
use std::f64::consts::PI;
use std::fmt::Write;

pub const EARNED_COLOUR: &str = "#5b6b7f";
pub const CURRENT_COLOUR: &str = "#1f6fb2";

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A label broken into lines of about `width` characters, at spaces.
fn wrap(label: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in label.split_whitespace() {
        match lines.last_mut() {
            Some(l) if l.chars().count() + 1 + word.chars().count() <= width => {
                l.push(' ');
                l.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    lines
}

/// The radar chart of `cov`, `size` pixels square.
pub fn radar_svg(cov: &Coverage, size: f64) -> String {
    let n = cov.domains.len().max(1);
    // Side margins for the domain labels, which sit outside the outer ring.
    let width = size * 1.5;
    let (cx, cy, r) = (width / 2.0, size / 2.0 + 6.0, size * 0.34);
    let at = |i: usize, v: f64| {
        let a = -PI / 2.0 + 2.0 * PI * i as f64 / n as f64;
        (cx + r * v * a.cos(), cy + r * v * a.sin())
    };
    let summary: Vec<String> = cov
        .domains
        .iter()
        .map(|d| {
            format!(
                "{}: earned {}, current {}",
                d.name,
                pct(d.earned),
                pct(d.current)
            )
        })
        .collect();
    let mut s = String::new();
    let _ = write!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {h}" width="{width}" height="{h}" role="img" aria-labelledby="cov-title cov-desc" font-family="Inter, 'Noto Sans', sans-serif" font-size="11">"#,
        h = size + 28.0
    );
    let _ = write!(
        s,
        r#"<title id="cov-title">Skills coverage: {}</title><desc id="cov-desc">{}</desc>"#,
        esc(&cov.framework),
        esc(&summary.join("; "))
    );
    for ring in [0.25, 0.5, 0.75, 1.0] {
        let pts: Vec<String> = (0..n)
            .map(|i| at(i, ring))
            .map(|(x, y)| format!("{x:.1},{y:.1}"))
            .collect();
        let _ = write!(
            s,
            r##"<polygon points="{}" fill="none" stroke="#c9d1db" stroke-width="1"/>"##,
            pts.join(" ")
        );
    }
    for (i, d) in cov.domains.iter().enumerate() {
        let (x, y) = at(i, 1.0);
        let _ = write!(
            s,
            r##"<line class="grid" x1="{cx:.1}" y1="{cy:.1}" x2="{x:.1}" y2="{y:.1}" stroke="#c9d1db" stroke-width="1"/>"##
        );
        let (lx, ly) = at(i, 1.16);
        let anchor = if (lx - cx).abs() < 1.0 {
            "middle"
        } else if lx > cx {
            "start"
        } else {
            "end"
        };
        let lines = wrap(&d.name, 20);
        let top = ly - (lines.len() as f64 - 1.0) * 6.5 + if ly < cy { -4.0 } else { 6.0 };
        for (k, line) in lines.iter().enumerate() {
            let _ = write!(
                s,
                r##"<text class="label" x="{lx:.1}" y="{:.1}" text-anchor="{anchor}" fill="#2b3440">{}</text>"##,
                top + k as f64 * 13.0,
                esc(line)
            );
        }
        let _ = write!(
            s,
            r##"<text class="figure" x="{lx:.1}" y="{:.1}" text-anchor="{anchor}" fill="#5b6b7f" font-size="10">current {} · earned {}</text>"##,
            top + lines.len() as f64 * 13.0,
            pct(d.current),
            pct(d.earned)
        );
    }
    let poly = |f: &dyn Fn(usize) -> f64| -> String {
        (0..cov.domains.len())
            .map(|i| at(i, f(i).clamp(0.0, 1.0)))
            .map(|(x, y)| format!("{x:.1},{y:.1}"))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let _ = write!(
        s,
        r#"<polygon class="earned" points="{}" fill="{EARNED_COLOUR}" fill-opacity="0.08" stroke="{EARNED_COLOUR}" stroke-width="1.5" stroke-dasharray="5 3"/>"#,
        poly(&|i| cov.domains[i].earned)
    );
    let _ = write!(
        s,
        r#"<polygon class="current" points="{}" fill="{CURRENT_COLOUR}" fill-opacity="0.35" stroke="{CURRENT_COLOUR}" stroke-width="2"/>"#,
        poly(&|i| cov.domains[i].current)
    );
    let ly = size + 16.0;
    let _ = write!(
        s,
        r##"<line x1="{a:.1}" y1="{ly:.1}" x2="{b:.1}" y2="{ly:.1}" stroke="{EARNED_COLOUR}" stroke-width="1.5" stroke-dasharray="5 3"/><text x="{c:.1}" y="{t:.1}" fill="#2b3440">Earned</text><rect x="{d:.1}" y="{r:.1}" width="18" height="8" fill="{CURRENT_COLOUR}" fill-opacity="0.5" stroke="{CURRENT_COLOUR}"/><text x="{e:.1}" y="{t:.1}" fill="#2b3440">Current</text>"##,
        a = cx - 110.0,
        b = cx - 88.0,
        c = cx - 82.0,
        d = cx + 10.0,
        r = ly - 4.0,
        e = cx + 34.0,
        t = ly + 4.0
    );
    s.push_str("</svg>");
    s
}
