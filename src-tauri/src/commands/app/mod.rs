//! What the UI needs to start: which book, whether it opened, the system locale.

pub mod dialogs;
pub mod drafts;
pub mod jobs;
pub mod settings;

use serde::Serialize;
use tauri::State;

use crate::error::{CmdResult, IpcError};
use crate::state::AppState;

/// Facts about the running app and its book.
#[derive(Serialize, ts_rs::TS)]
pub struct AppInfo {
    version: &'static str,
    book_path: String,
    /// Why the book is closed (already open elsewhere, newer schema…), if it is.
    open_error: Option<IpcError>,
    /// The OS locale (`zh_CN.UTF-8`), for the "follow the system" language.
    system_locale: String,
    /// Whether the book holds no customer at all (the empty state teaches).
    empty: bool,
    /// Where to suggest saving files (exports, reports).
    documents_dir: String,
    /// The book is read-only (file or medium): it can be looked at, not changed.
    read_only: bool,
    /// A handover file to preview at once (the app was opened on it).
    open_file: Option<String>,
}

/// Facts about the app, the book and the system.
#[tauri::command(async)]
pub fn app_info(state: State<'_, AppState>) -> AppInfo {
    let empty = state
        .store()
        .ok()
        .and_then(|s| {
            s.read(|c| Ok(c.query_row("SELECT NOT EXISTS (SELECT 1 FROM customers)", [], |r| r.get(0))?))
                .ok()
        })
        .unwrap_or(false);
    let system_locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|k| std::env::var(k).ok())
        .find(|v| !v.is_empty())
        .unwrap_or_default();
    AppInfo {
        version: env!("CARGO_PKG_VERSION"),
        book_path: state.path().to_string(),
        open_error: state.open_error().cloned(),
        system_locale,
        empty,
        documents_dir: baton::paths::documents_dir().display().to_string(),
        read_only: state.store().is_ok_and(|s| s.is_read_only()),
        // Handed over once: a page reloaded later (after a restore) must
        // not jump back to the file's preview.
        open_file: state.file_to_open.lock().unwrap_or_else(|p| p.into_inner()).take(),
    }
}

/// The page's channel for what happens outside it (a reminder clicked).
#[tauri::command(async)]
pub fn app_events(state: State<'_, AppState>, on_event: tauri::ipc::Channel<crate::state::PageEvent>) {
    *state.page.lock().unwrap_or_else(|p| p.into_inner()) = Some(on_event);
}

/// A failure the page handled quietly, for the support log: where, the
/// error's code and field (never its text).
#[tauri::command(async)]
pub fn app_log(r#where: String, code: String, field: Option<String>) {
    tracing::warn!(r#where, code, field, "the page skipped a failure");
}

/// Opens the log folder in the system's file manager.
#[tauri::command(async)]
pub fn app_open_log_folder(app: tauri::AppHandle) -> CmdResult<()> {
    use tauri_plugin_opener::OpenerExt;
    let Some(dir) = crate::log::folder() else {
        return Err(baton::Error::NotFound {
            kind: "folder",
            id: "logs".into(),
        }
        .into());
    };
    app.opener()
        .open_path(dir.display().to_string(), None::<&str>)
        .map_err(|e| baton::Error::io(&dir, std::io::Error::other(e.to_string())).into())
}

/// Calls a phone (`kind` "tel") or writes to an address ("mailto") with the
/// system's app. The link is built by the core from the value, so nothing
/// but a `tel:` or `mailto:` link is ever opened. Under test
/// (`BATON_TEST_OPEN_LOG`) the link is written to that file instead.
#[tauri::command(async)]
pub fn app_open_link(app: tauri::AppHandle, kind: String, value: String) -> CmdResult<String> {
    use tauri_plugin_opener::OpenerExt;
    let url = match kind.as_str() {
        "tel" => baton::links::tel(&value),
        "mailto" => baton::links::mailto(&value),
        _ => None,
    }
    .ok_or_else(|| {
        baton::Error::invalid(
            "link",
            baton::error::Rule::Malformed {
                detail: format!("no {kind} link can be made of {value:?}"),
            },
        )
    })?;
    if let Some(log) = std::env::var_os("BATON_TEST_OPEN_LOG") {
        use std::io::Write;
        let log = std::path::PathBuf::from(log);
        let mut f = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&log)
            .map_err(|e| baton::Error::io(&log, e))?;
        writeln!(f, "{url}").map_err(|e| baton::Error::io(&log, e))?;
        return Ok(url);
    }
    app.opener()
        .open_url(url.clone(), None::<&str>)
        .map_err(|e| baton::Error::io(std::path::Path::new(&url), std::io::Error::other(e.to_string())))?;
    Ok(url)
}

/// Fills an empty book with the demo (the first run offers it): in the
/// user's language (`zh` or `en`), dated to today, with a day's work waiting.
#[tauri::command(async)]
pub fn demo_fill(
    state: State<'_, AppState>,
    customers: usize,
    lang: crate::commands::Input<baton::demo::DemoLang>,
    job: String,
    on_progress: tauri::ipc::Channel<baton::job::Progress>,
) -> CmdResult<()> {
    let lang = lang.take("lang")?;
    let opts = baton::demo::DemoOptions::for_today(lang);
    let running = state.jobs.start(&job, on_progress);
    baton::demo::fill_with(state.store()?, customers.min(100_000), 1, &opts, Some(&running.job))?;
    Ok(())
}
