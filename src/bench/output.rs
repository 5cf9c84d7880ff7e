//! How a bench report is printed: one JSON object (`--json`, a contract
//! kept by the CLI tests) or an aligned table.

use std::time::Duration;

use super::{BenchReport, Figure};

/// The report as one JSON object (the `--json` contract).
pub fn json(report: &BenchReport) -> String {
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let operations: Vec<serde_json::Value> = report
        .figures
        .iter()
        .map(|f| {
            serde_json::json!({
                "name": f.name,
                "median_ms": ms(f.median),
                "p95_ms": ms(f.p95),
                "reference_median_ms": f.reference.map(ms),
                "reference_is": f.reference_is.map(super::ReferenceIs::as_str),
            })
        })
        .collect();
    serde_json::json!({
        "operations": operations,
        "book_bytes": report.book_bytes,
        "records_bytes": report.split.records,
        "search_bytes": report.split.search,
        "search_percent_of_records": report.split.search_percent(),
        "demo_seconds": report.demo_seconds,
        "report_memory": report.report_memory.iter().map(|m| serde_json::json!({
            "form": m.form,
            "rss_before_bytes": m.rss_before,
            "peak_rss_bytes": m.peak_rss,
        })).collect::<Vec<_>>(),
    })
    .to_string()
}

/// Formats figures as an aligned table.
pub fn table(figures: &[Figure]) -> String {
    let ms = |d: Duration| format!("{:.2} ms", d.as_secs_f64() * 1000.0);
    let mut out = format!(
        "{:<64} {:>11} {:>11} {:>11} {:>7}  {}\n",
        "operation", "median", "p95", "reference", "ratio", "reference is"
    );
    for f in figures {
        let (reference, ratio) = match f.reference {
            Some(r) => (
                ms(r),
                format!("{:.1}x", f.median.as_secs_f64() / r.as_secs_f64().max(1e-9)),
            ),
            None => ("—".into(), "—".into()),
        };
        let is = f.reference_is.map_or("", |is| match is {
            super::ReferenceIs::SameWork => "same work",
            super::ReferenceIs::NearestRead => "nearest read",
        });
        out.push_str(&format!(
            "{:<64} {:>11} {:>11} {:>11} {:>7}  {is}\n",
            f.name,
            ms(f.median),
            ms(f.p95),
            reference,
            ratio
        ));
    }
    out
}
