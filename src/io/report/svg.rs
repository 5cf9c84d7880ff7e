//! The visual report's charts, drawn here as inline SVG.
//!
//! Why not the app's chart library: a script in the manager's file would
//! need inlining (~200 KB), draws only after it runs (a PDF printer or a mail
//! preview may not run it), and would make the file's Content-Security-Policy
//! allow scripts. SVG drawn here is a few KB per chart, prints as vectors at
//! any size and needs nothing to run. Every piece of text passes through
//! [`esc`], so a customer's name is never markup.

use std::fmt::Write;

/// Escapes text for HTML and SVG content and attribute values.
pub fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The palette: one colour per tier (S, A, B, C, none), then accents.
pub const TIER_COLOURS: [&str; 5] = ["#7c3aed", "#2563eb", "#0d9488", "#d97706", "#9ca3af"];
const LATEST: &str = "#2563eb";
const TARGET: &str = "#16a34a";
const PREVIOUS: &str = "#9ca3af";

fn open(out: &mut String, kind: &str, width: f64, height: f64, label: &str) {
    let _ = write!(
        out,
        r#"<svg class="chart-svg" data-chart="{kind}" viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" aria-label="{}">"#,
        esc(label)
    );
}

/// One layer of the value pyramid.
pub struct Layer {
    /// "S", "A", … or "no tier".
    pub label: String,
    /// Customers in it.
    pub customers: i64,
    /// Its revenue, already formatted.
    pub revenue: String,
    /// Its colour.
    pub colour: &'static str,
}

/// The value pyramid: one trapezoid per tier, S at the top, each labelled
/// with its customers and revenue. The shape is the pyramid's (fixed), the
/// numbers are the book's — a layer's width by count would hide S entirely.
pub fn pyramid(layers: &[Layer], label: &str) -> String {
    let (w, row, gap) = (560.0, 46.0, 4.0);
    let h = layers.len() as f64 * (row + gap);
    let mut out = String::new();
    open(&mut out, "pyramid", w, h, label);
    let apex = 0.22; // the top layer's half-width share
    let n = layers.len().max(1) as f64;
    let half = |i: f64| (apex + (1.0 - apex) * i / n) * 0.5 * 340.0;
    for (i, layer) in layers.iter().enumerate() {
        let (top, bottom) = (half(i as f64), half(i as f64 + 1.0));
        let y = i as f64 * (row + gap);
        let cx = 170.0;
        let _ = write!(
            out,
            r#"<polygon class="layer" points="{:.1},{y:.1} {:.1},{y:.1} {:.1},{:.1} {:.1},{:.1}" fill="{}"/>"#,
            cx - top,
            cx + top,
            cx + bottom,
            y + row,
            cx - bottom,
            y + row,
            layer.colour
        );
        let _ = write!(
            out,
            r#"<text x="{cx}" y="{:.1}" text-anchor="middle" class="on-colour">{}</text>"#,
            y + row / 2.0 + 5.0,
            esc(&layer.label)
        );
        let _ = write!(
            out,
            r#"<text x="360" y="{:.1}" class="figure">{}</text><text x="440" y="{:.1}" class="muted">{}</text>"#,
            y + row / 2.0 + 5.0,
            layer.customers,
            y + row / 2.0 + 5.0,
            esc(&layer.revenue)
        );
    }
    out.push_str("</svg>");
    out
}

/// One bar of a bar chart.
pub struct Bar {
    /// What it counts.
    pub label: String,
    /// Its length.
    pub value: f64,
    /// The figure written after it.
    pub caption: String,
    /// Its colour.
    pub colour: &'static str,
}

/// A horizontal bar chart, bars scaled to the longest.
pub fn bars(kind: &str, bars: &[Bar], label: &str) -> String {
    let (w, row) = (340.0, 30.0);
    let h = bars.len().max(1) as f64 * row + 6.0;
    let max = bars.iter().map(|b| b.value).fold(0.0, f64::max);
    let mut out = String::new();
    open(&mut out, kind, w, h, label);
    let (left, span) = (92.0, 170.0);
    for (i, bar) in bars.iter().enumerate() {
        let y = i as f64 * row + 4.0;
        let len = if max > 0.0 { bar.value / max * span } else { 0.0 };
        let _ = write!(
            out,
            r#"<text x="{:.1}" y="{:.1}" text-anchor="end">{}</text><rect class="bar" x="{left}" y="{y:.1}" width="{:.1}" height="{:.1}" rx="3" fill="{}"/><text x="{:.1}" y="{:.1}" class="figure">{}</text>"#,
            left - 8.0,
            y + row / 2.0 + 1.0,
            esc(&bar.label),
            len.max(1.0),
            row - 10.0,
            bar.colour,
            left + len + 6.0,
            y + row / 2.0 + 1.0,
            esc(&bar.caption)
        );
    }
    out.push_str("</svg>");
    out
}

/// The scores of one series on the radar, one per axis (`None`: not scored).
pub struct Series {
    /// Scores 0–5 per axis.
    pub scores: Vec<Option<f64>>,
    /// Latest, target, or previous.
    pub role: SeriesRole,
}

/// How a radar series is drawn.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum SeriesRole {
    /// Filled, strong.
    Latest,
    /// Dashed, green.
    Target,
    /// Faint.
    Previous,
}

/// The relationship radar: one axis per dimension in use, levels 0–5.
pub fn radar(axes: &[String], series: &[Series], label: &str) -> String {
    let (w, h, cx, cy, r) = (400.0, 250.0, 200.0, 125.0, 82.0);
    let mut out = String::new();
    open(&mut out, "radar", w, h, label);
    let n = axes.len().max(3) as f64;
    let at = |i: usize, level: f64| {
        let a = -std::f64::consts::FRAC_PI_2 + i as f64 * std::f64::consts::TAU / n;
        (cx + r * level / 5.0 * a.cos(), cy + r * level / 5.0 * a.sin())
    };
    for level in 1..=5 {
        let ring: Vec<String> = (0..axes.len())
            .map(|i| {
                let (x, y) = at(i, level as f64);
                format!("{x:.1},{y:.1}")
            })
            .collect();
        let _ = write!(out, r#"<polygon class="grid" points="{}"/>"#, ring.join(" "));
    }
    for (i, axis) in axes.iter().enumerate() {
        let (x, y) = at(i, 5.0);
        let (lx, ly) = at(i, 6.2);
        let anchor = if (lx - cx).abs() < 4.0 {
            "middle"
        } else if lx > cx {
            "start"
        } else {
            "end"
        };
        let lines = wrap(axis, 16);
        let first = ly + 4.0 - (lines.len() as f64 - 1.0) * 6.5;
        let _ = write!(
            out,
            r#"<line class="grid" x1="{cx}" y1="{cy}" x2="{x:.1}" y2="{y:.1}"/><text x="{lx:.1}" y="{first:.1}" text-anchor="{anchor}" class="axis">"#
        );
        for (k, line) in lines.iter().enumerate() {
            let dy = if k == 0 { 0.0 } else { 13.0 };
            let _ = write!(out, r#"<tspan x="{lx:.1}" dy="{dy}">{}</tspan>"#, esc(line));
        }
        out.push_str("</text>");
    }
    for s in series {
        let points: Vec<String> = s
            .scores
            .iter()
            .enumerate()
            .map(|(i, v)| {
                let (x, y) = at(i, v.unwrap_or(0.0));
                format!("{x:.1},{y:.1}")
            })
            .collect();
        let style = match s.role {
            SeriesRole::Latest => {
                format!(r#"class="series latest" fill="{LATEST}" fill-opacity="0.22" stroke="{LATEST}""#)
            }
            SeriesRole::Target => {
                format!(r#"class="series target" fill="none" stroke="{TARGET}" stroke-dasharray="5 4""#)
            }
            SeriesRole::Previous => format!(r#"class="series previous" fill="none" stroke="{PREVIOUS}""#),
        };
        let _ = write!(
            out,
            r#"<polygon {style} stroke-width="2" points="{}"/>"#,
            points.join(" ")
        );
    }
    out.push_str("</svg>");
    out
}

/// Splits a label into lines of about `width` characters at spaces (a
/// Chinese label has none and stays whole: they are short).
fn wrap(label: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in label.split(' ') {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= width => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    lines
}

/// The relationship curve: the weight (0–100) at each assessment, placed
/// in time.
pub fn curve(points: &[(chrono::NaiveDate, i64)], label: &str) -> String {
    let (w, h) = (380.0, 220.0);
    let (left, right, top, bottom) = (34.0, 14.0, 12.0, 30.0);
    let (pw, ph) = (w - left - right, h - top - bottom);
    let mut out = String::new();
    open(&mut out, "curve", w, h, label);
    for v in [0, 25, 50, 75, 100] {
        let y = top + ph - v as f64 / 100.0 * ph;
        let _ = write!(
            out,
            r#"<line class="grid" x1="{left}" y1="{y:.1}" x2="{:.1}" y2="{y:.1}"/><text x="{:.1}" y="{:.1}" text-anchor="end" class="axis">{v}</text>"#,
            w - right,
            left - 6.0,
            y + 4.0
        );
    }
    let (first, last) = match (points.first(), points.last()) {
        (Some(a), Some(b)) => (a.0, b.0),
        _ => {
            out.push_str("</svg>");
            return out;
        }
    };
    let days = (last - first).num_days().max(1) as f64;
    let x = |d: chrono::NaiveDate| {
        if points.len() == 1 {
            left + pw / 2.0
        } else {
            left + (d - first).num_days() as f64 / days * pw
        }
    };
    let y = |v: i64| top + ph - v as f64 / 100.0 * ph;
    let line: Vec<String> = points
        .iter()
        .map(|(d, v)| format!("{:.1},{:.1}", x(*d), y(*v)))
        .collect();
    let _ = write!(
        out,
        r#"<polyline class="series latest" fill="none" stroke="{LATEST}" stroke-width="2" points="{}"/>"#,
        line.join(" ")
    );
    for (d, v) in points {
        let _ = write!(
            out,
            r#"<circle class="point" cx="{:.1}" cy="{:.1}" r="3.5" fill="{LATEST}"><title>{d} {v}</title></circle>"#,
            x(*d),
            y(*v)
        );
    }
    let labels: &[(chrono::NaiveDate, &str)] = if points.len() == 1 {
        &[(first, "middle")]
    } else {
        &[(first, "start"), (last, "end")]
    };
    for (d, anchor) in labels {
        let _ = write!(
            out,
            r#"<text x="{:.1}" y="{:.1}" text-anchor="{anchor}" class="axis">{d}</text>"#,
            x(*d),
            h - 8.0
        );
    }
    out.push_str("</svg>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_everywhere() {
        assert_eq!(esc(r#"<b>"A&B"</b>'"#), "&lt;b&gt;&quot;A&amp;B&quot;&lt;/b&gt;&#39;");
        let svg = bars(
            "x",
            &[Bar {
                label: "<script>".into(),
                value: 1.0,
                caption: "&".into(),
                colour: "#000",
            }],
            "\"label\"",
        );
        assert!(!svg.contains("<script>") && svg.contains("&lt;script&gt;") && svg.contains("&quot;label&quot;"));
    }

    #[test]
    fn the_radar_has_one_axis_per_dimension_and_one_polygon_per_series() {
        let axes: Vec<String> = (0..4).map(|i| format!("d{i}")).collect();
        let svg = radar(
            &axes,
            &[
                Series {
                    scores: vec![Some(5.0), Some(0.0), None, Some(2.5)],
                    role: SeriesRole::Latest,
                },
                Series {
                    scores: vec![Some(5.0); 4],
                    role: SeriesRole::Target,
                },
            ],
            "r",
        );
        assert_eq!(svg.matches("class=\"axis\"").count(), 4);
        assert_eq!(svg.matches("class=\"series").count(), 2);
        // Level 5 on the first axis reaches the top of the outer ring.
        assert!(svg.contains("points=\"200.0,43.0 "), "{svg}");
        assert_eq!(
            wrap("Day-to-day project guidance", 16),
            ["Day-to-day", "project guidance"]
        );
        assert_eq!(wrap("接受认可度", 16), ["接受认可度"]);
    }
}
