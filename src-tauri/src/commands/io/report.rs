//! The file for the manager: what it would include, and writing it.

use baton::enums::Tier;
use baton::io::report::{self, Lang, ReportOptions, ReportPreview};
use serde::{Deserialize, Serialize};
use tauri::State;

use crate::commands::Input;
use crate::error::CmdResult;
use crate::state::AppState;

/// The scope and form of a report.
#[derive(Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
pub struct ReportRequest {
    #[serde(default)]
    lang: String,
    #[serde(default)]
    tiers: Vec<Tier>,
    #[serde(default)]
    statuses: Vec<baton::customers::activity::Standing>,
    #[serde(default)]
    tags: Vec<String>,
    /// Customers picked by id (from the list or the picker).
    #[serde(default)]
    customers: Vec<String>,
    #[serde(default)]
    include_private: bool,
    /// Where to write the workbook (none: not written).
    #[serde(default)]
    xlsx_path: String,
    /// Where to write the visual report (none: not written).
    #[serde(default)]
    html_path: String,
    /// The user agreed to replace existing files.
    #[serde(default)]
    replace: bool,
}

impl ReportRequest {
    fn options(&self) -> ReportOptions {
        ReportOptions {
            lang: Lang::parse(&self.lang).unwrap_or_default(),
            tiers: self.tiers.clone(),
            statuses: self.statuses.clone(),
            tags: self.tags.clone(),
            customers: self.customers.iter().cloned().collect(),
            include_private: self.include_private,
            job: None,
        }
    }
}

/// One file written.
#[derive(Serialize, ts_rs::TS)]
#[ts(rename = "ReportWritten")]
pub struct Written {
    path: String,
    /// (section, rows) as the core counted them.
    sections: Vec<(String, u64)>,
    millis: u128,
}

/// What the report would include for this scope.
#[tauri::command(async)]
pub fn report_preview(state: State<'_, AppState>, request: Input<ReportRequest>) -> CmdResult<ReportPreview> {
    let r = request.take("report")?;
    let today = baton::clock::local_today();
    Ok(state.store()?.read(|c| report::preview(c, &r.options(), today))?)
}

/// Writes the workbook and/or the visual report. Off the main thread, on a
/// read connection of its own: a big book takes a while, so progress
/// (customers done) goes to `on_progress`, and `job_cancel(job)` stops it.
#[tauri::command(async)]
pub fn report_export(
    state: State<'_, AppState>,
    request: Input<ReportRequest>,
    job: String,
    on_progress: tauri::ipc::Channel<baton::job::Progress>,
) -> CmdResult<Vec<Written>> {
    let r = request.take("report")?;
    let running = state.jobs.start(&job, on_progress);
    let opts = ReportOptions {
        job: Some(running.job.clone()),
        ..r.options()
    };
    let today = baton::clock::local_today();
    let store = state.store()?;
    // Asked about both files before writing either.
    for path in [&r.xlsx_path, &r.html_path] {
        if !path.trim().is_empty() {
            crate::commands::refuse_existing(store, std::path::Path::new(path.trim()), r.replace)?;
        }
    }
    let mut written = Vec::new();
    for path in [&r.xlsx_path, &r.html_path] {
        let path = path.trim();
        if path.is_empty() {
            continue;
        }
        let started = std::time::Instant::now();
        let target = std::path::PathBuf::from(path);
        let summary = report::write_from(store, &opts, &target, today)?;
        written.push(Written {
            path: path.to_string(),
            sections: summary.sheets,
            millis: started.elapsed().as_millis(),
        });
    }
    Ok(written)
}
