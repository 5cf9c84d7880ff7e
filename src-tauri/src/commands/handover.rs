//! Handover: notes, export, import (with preview and undo), the checklist.

use baton::enums::Tier;
use baton::handover::{self, ExportOptions, Header, ImportOptions, ImportReport, Selection};
use baton::job::Progress;
use baton::relationship::checklist::{self, Checklist, ChecklistItem};
use baton::relationship::handover_notes::{self, HandoverNote, NoteDraft};
use serde::{Deserialize, Serialize};
use tauri::State;
use tauri::ipc::Channel;

use super::Input;
use crate::error::CmdResult;
use crate::state::AppState;

/// A customer's handover note, if written.
#[tauri::command(async)]
pub fn handover_note_get(state: State<'_, AppState>, customer_id: String) -> CmdResult<Option<HandoverNote>> {
    Ok(state.store()?.read(|c| handover_notes::get_for(c, &customer_id))?)
}

/// Writes a customer's handover note.
#[tauri::command(async)]
pub fn handover_note_save(
    state: State<'_, AppState>,
    customer_id: String,
    draft: Input<NoteDraft>,
) -> CmdResult<HandoverNote> {
    let draft = draft.take("handover_note")?;
    Ok(state
        .store()?
        .write(|tx| handover_notes::save(tx, &customer_id, draft))?)
}

/// The Handover screen: key customers still without a note, every
/// checklist, and where to suggest saving a file.
#[derive(Serialize, ts_rs::TS)]
#[ts(rename = "HandoverOverview")]
pub struct Overview {
    without_notes_total: i64,
    without_notes: Vec<(String, String)>,
    checklists: Vec<Checklist>,
    documents_dir: String,
    can_undo: bool,
}

/// The Handover screen's data.
#[tauri::command(async)]
pub fn handover_overview(state: State<'_, AppState>) -> CmdResult<Overview> {
    let store = state.store()?;
    let (without_notes_total, without_notes) = store.read(|c| handover_notes::key_customers_without(c, 50))?;
    let checklists = store.read(checklist::all)?;
    Ok(Overview {
        without_notes_total,
        without_notes,
        checklists,
        documents_dir: baton::paths::documents_dir().display().to_string(),
        can_undo: state.store()?.undo_import_target()?.is_some(),
    })
}

/// What to export.
#[derive(Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
pub struct ExportRequest {
    path: String,
    #[serde(default)]
    customers: Vec<String>,
    #[serde(default)]
    tiers: Vec<Tier>,
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default)]
    statuses: Vec<baton::customers::activity::Standing>,
    #[serde(default)]
    passphrase: String,
    /// The user agreed to replace an existing file.
    #[serde(default)]
    replace: bool,
}

/// Writes a handover file; progress (records read, then written) goes to
/// `on_progress`, and `job_cancel(job)` stops it with no file left.
#[tauri::command(async)]
pub fn handover_export(
    state: State<'_, AppState>,
    request: Input<ExportRequest>,
    job: String,
    on_progress: Channel<Progress>,
) -> CmdResult<Header> {
    let r = request.take("export")?;
    let running = state.jobs.start(&job, on_progress);
    let opts = ExportOptions {
        selection: Selection {
            customers: r.customers,
            tiers: r.tiers,
            tags: r.tags,
            statuses: r.statuses,
        },
        passphrase: Some(r.passphrase.into()).filter(|p: &handover::Passphrase| !p.is_empty()),
        work_factor: None,
        job: Some(running.job.clone()),
    };
    let path = std::path::PathBuf::from(r.path.trim());
    super::refuse_existing(state.store()?, &path, r.replace)?;
    Ok(state.store()?.read(|c| handover::export(c, &opts, &path))?)
}

/// What to import.
#[derive(Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
pub struct ImportRequest {
    path: String,
    #[serde(default)]
    passphrase: String,
    #[serde(default)]
    dry_run: bool,
    #[serde(default)]
    take_over: String,
}

/// Validates and previews (dry run) or imports a handover file. Runs off the
/// main thread so the window stays responsive; its progress goes to
/// `on_progress` and `job_cancel(job)` stops it (the book is then unchanged).
#[tauri::command(async)]
pub fn handover_import(
    state: State<'_, AppState>,
    request: Input<ImportRequest>,
    job: String,
    on_progress: Channel<Progress>,
) -> CmdResult<ImportReport> {
    let r = request.take("import")?;
    let store = state.store()?;
    let running = state.jobs.start(&job, on_progress);
    let opts = ImportOptions {
        passphrase: Some(r.passphrase.into()).filter(|p: &handover::Passphrase| !p.is_empty()),
        dry_run: r.dry_run,
        take_over: Some(r.take_over).filter(|t| !t.trim().is_empty()),
        backup_dir: None,
        job: Some(running.job.clone()),
    };
    let path = std::path::Path::new(r.path.trim());
    // The preview's opened file serves the import after it (one scrypt),
    // if it is the same file, unchanged, with the same passphrase.
    let mut opened = state.opened_file.lock().unwrap_or_else(|p| p.into_inner());
    let reusable = opened.take().filter(|f| f.is(path, opts.passphrase.as_ref()));
    let result = reusable
        .map_or_else(|| handover::OpenedFile::open(path, opts.passphrase.clone()), Ok)
        .and_then(|mut file| {
            let report = handover::import_opened(store, &mut file, &opts);
            if r.dry_run && report.is_ok() {
                *opened = Some(file);
            }
            report
        });
    drop(opened);
    Ok(result?)
}

/// Undoes the last import by restoring the backup taken before it. Refused
/// once anything else was written (the backup would lose that work).
#[tauri::command(async)]
pub fn handover_undo_import(state: State<'_, AppState>) -> CmdResult<()> {
    Ok(baton::book::restore::undo_import(state.store()?)?)
}

/// Whether "undo this import" is still possible (nothing written since).
#[tauri::command(async)]
pub fn handover_undo_available(state: State<'_, AppState>) -> CmdResult<bool> {
    Ok(state.store()?.undo_import_target()?.is_some())
}

/// A customer's checklist, if it was taken over.
#[tauri::command(async)]
pub fn checklist_get(state: State<'_, AppState>, customer_id: String) -> CmdResult<Option<Checklist>> {
    Ok(state.store()?.read(|c| checklist::for_customer(c, &customer_id))?)
}

/// Ticks or unticks a checklist item by hand.
#[tauri::command(async)]
pub fn checklist_tick(state: State<'_, AppState>, id: String, ticked: bool) -> CmdResult<ChecklistItem> {
    Ok(state.store()?.write(|tx| checklist::tick(tx, &id, ticked))?)
}

/// The conflict log: open entries, or all of them.
#[tauri::command(async)]
pub fn conflicts_list(
    state: State<'_, AppState>,
    include_resolved: bool,
) -> CmdResult<Vec<handover::conflicts::LoggedConflict>> {
    Ok(state
        .store()?
        .read(|c| handover::conflicts::list(c, include_resolved, 500))?)
}

/// Settles a logged conflict, keeping the current version or the other one.
#[tauri::command(async)]
pub fn conflicts_resolve(state: State<'_, AppState>, id: String, use_other: bool) -> CmdResult<()> {
    Ok(state
        .store()?
        .write(|tx| handover::conflicts::resolve(tx, &id, use_other))?)
}

/// Writes a backup of the book to `path` (never overwriting a file).
/// Progress goes to `on_progress`; `job_cancel(job)` stops it and leaves
/// no file.
#[tauri::command(async)]
pub fn backup_create(
    state: State<'_, AppState>,
    path: String,
    job: String,
    on_progress: Channel<Progress>,
) -> CmdResult<()> {
    let running = state.jobs.start(&job, on_progress);
    let path = std::path::PathBuf::from(path.trim());
    Ok(state
        .store()?
        .read(|c| baton::store::backup::snapshot(c, &path, Some(&running.job)))?)
}

/// Replaces the book's content with the backup at `path`, after a backup
/// of the current state (so this restore can itself be undone). Progress
/// goes to `on_progress`; `job_cancel(job)` stops it before the book is
/// written.
#[tauri::command(async)]
pub fn backup_restore(
    state: State<'_, AppState>,
    path: String,
    job: String,
    on_progress: Channel<Progress>,
) -> CmdResult<()> {
    let running = state.jobs.start(&job, on_progress);
    baton::book::restore::undoably(state.store()?, std::path::Path::new(path.trim()), Some(&running.job))?;
    Ok(())
}
