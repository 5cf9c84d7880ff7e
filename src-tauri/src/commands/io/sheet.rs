//! Bringing an existing book in from a spreadsheet: read and guess the
//! mapping, plan (preview, problems, duplicates), import, write the rejected
//! rows. Each step re-reads the file: it is the user's, it may have been
//! fixed in between, and nothing is kept half-done in the shell.

use std::collections::HashMap;
use std::path::PathBuf;

use baton::io::sheet::{
    self, Choice, Field, Mapping, Plan, PlannedCustomer, PlannedUnfiled, Rejected, SheetImportOptions, SheetReport,
    UnfiledChoice,
};
use serde::{Deserialize, Serialize};
use tauri::State;

use crate::commands::Input;
use crate::error::CmdResult;
use crate::state::AppState;

/// How many rows and customers a preview sends (counts are always whole).
const PREVIEW_ROWS: usize = 8;
/// How many duplicates and rejected rows are listed for decisions.
const LISTED: usize = 500;

/// The file as read, with the mapping to start from.
#[derive(Serialize, ts_rs::TS)]
pub struct SheetOpened {
    how: String,
    headers: Vec<String>,
    /// One per column: the saved mapping where it names the header, else the guess.
    fields: Vec<Field>,
    /// Every field, for the mapping screen's choices.
    all_fields: Vec<Field>,
    rows: usize,
    sample: Vec<Vec<String>>,
    /// A workbook's sheets (empty for a text file), the one read first.
    sheets: Vec<String>,
    /// The sheets' words mapped before (高级 → A), to start from.
    values: sheet::ValueMap,
}

/// A .vcf file: its cards as the table the plan reads.
fn is_vcard(path: &str) -> bool {
    let lower = path.trim().to_lowercase();
    lower.ends_with(".vcf") || lower.ends_with(".vcard")
}

/// Reads a sheet (or a .vcf file) and proposes a mapping.
#[tauri::command(async)]
pub fn sheet_open(state: State<'_, AppState>, path: String, sheet: Option<String>) -> CmdResult<SheetOpened> {
    let file = PathBuf::from(path.trim());
    let sheets = if is_vcard(&path) {
        vec![]
    } else {
        sheet::sheet_names(&file)?
    };
    let (table, mapping) = if is_vcard(&path) {
        baton::io::vcard::as_table(&baton::io::vcard::read_file(&file)?)
    } else {
        let table = sheet::read_sheet(&file, sheet.as_deref())?;
        let saved = state.store()?.read(sheet::saved_mapping)?;
        let mut mapping = Mapping::with_saved(&table.headers, &saved);
        mapping.values = state.store()?.read(sheet::saved_values)?;
        (table, mapping)
    };
    Ok(SheetOpened {
        how: table.how.clone(),
        fields: mapping.fields,
        all_fields: Field::ALL.to_vec(),
        rows: table.rows.len(),
        sample: table.rows.iter().take(PREVIEW_ROWS).map(|r| r.cells.clone()).collect(),
        headers: table.headers,
        sheets,
        values: mapping.values,
    })
}

/// A sheet and the user's mapping of its columns.
#[derive(Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
pub struct SheetRequest {
    path: String,
    fields: Vec<Field>,
    #[serde(default)]
    default_choice: Choice,
    /// Choices by customer index (as the plan numbered them).
    #[serde(default)]
    choices: HashMap<usize, Choice>,
    /// Save this mapping for next time.
    #[serde(default)]
    save_mapping: bool,
    /// The sheet's words for enumerated values (高级 → A), by field.
    #[serde(default)]
    values: sheet::ValueMap,
    /// The workbook's sheet to read (the first if none).
    #[serde(default)]
    sheet: Option<String>,
    /// What becomes of people without a company who have no choice of their own.
    #[serde(default)]
    unfiled_default: UnfiledChoice,
    /// Choices by the plan's index of a person without a company.
    #[serde(default)]
    unfiled: HashMap<usize, UnfiledChoice>,
}

/// A person without a company as the check step lists them.
#[derive(Serialize, ts_rs::TS)]
pub struct UnfiledRow {
    index: usize,
    #[serde(flatten)]
    person: PlannedUnfiled,
}

/// A planned customer as the preview shows it.
#[derive(Serialize, ts_rs::TS)]
pub struct PlannedRow {
    index: usize,
    customer: PlannedCustomer,
}

/// What an import would do.
#[derive(Serialize, ts_rs::TS)]
pub struct SheetPlanned {
    customers: usize,
    people: usize,
    /// Records the history columns make (before any already in the book).
    contacts: usize,
    followups: usize,
    deals: usize,
    /// The first customers as they will be stored.
    preview: Vec<PlannedRow>,
    duplicates_total: usize,
    duplicates: Vec<PlannedRow>,
    rejected_total: usize,
    rejected: Vec<Rejected>,
    /// Values kept in the notes (optional fields in words Baton does not know).
    warnings_total: usize,
    warnings: Vec<sheet::Warning>,
    /// Words of enumerated columns Baton does not read, for the user to map.
    unknown_values: Vec<sheet::UnknownValue>,
    /// The industry and tag columns' words, for the user to rename.
    free_words: Vec<sheet::UnknownValue>,
    /// People without a company (all of them: each gets a choice).
    unfiled: Vec<UnfiledRow>,
}

/// How many planned history entries `what` says yes to.
fn history(plan: &Plan, what: impl Fn(&sheet::PlannedHistory) -> bool) -> usize {
    plan.customers
        .iter()
        .flat_map(|c| &c.history)
        .filter(|h| what(h))
        .count()
}

fn plan_of(state: &AppState, r: &SheetRequest) -> CmdResult<(Plan, Mapping, Vec<String>)> {
    plan_of_with(state, r, None)
}

fn plan_of_with(
    state: &AppState,
    r: &SheetRequest,
    job: Option<&baton::job::Job>,
) -> CmdResult<(Plan, Mapping, Vec<String>)> {
    let table = if is_vcard(&r.path) {
        baton::io::vcard::as_table(&baton::io::vcard::read_file(&PathBuf::from(r.path.trim()))?).0
    } else {
        sheet::read_sheet(&PathBuf::from(r.path.trim()), r.sheet.as_deref())?
    };
    let mapping = Mapping {
        fields: r.fields.clone(),
        values: r.values.clone(),
    };
    let plan = state.store()?.read(|c| sheet::plan_with(c, &table, &mapping, job))?;
    Ok((plan, mapping, table.headers))
}

/// Plans the import: preview, duplicates, rejected rows. Writes nothing.
/// Progress goes to `on_progress`; `job_cancel(job)` stops it.
#[tauri::command(async)]
pub fn sheet_plan(
    state: State<'_, AppState>,
    request: Input<SheetRequest>,
    job: String,
    on_progress: tauri::ipc::Channel<baton::job::Progress>,
) -> CmdResult<SheetPlanned> {
    let r = request.take("sheet")?;
    let running = state.jobs.start(&job, on_progress);
    let (plan, _, _) = plan_of_with(&state, &r, Some(&running.job))?;
    let row = |(index, c): (usize, &PlannedCustomer)| PlannedRow {
        index,
        customer: c.clone(),
    };
    Ok(SheetPlanned {
        customers: plan.customers.len(),
        people: plan.customers.iter().map(|c| c.people.len()).sum(),
        contacts: history(&plan, |h| h.contact.is_some()),
        followups: history(&plan, |h| {
            h.followup.is_some() || h.contact.as_ref().is_some_and(|c| c.next_due.is_some())
        }),
        deals: history(&plan, |h| h.deal.is_some()),
        preview: plan.customers.iter().enumerate().take(PREVIEW_ROWS).map(row).collect(),
        duplicates_total: plan.duplicates(),
        duplicates: plan
            .customers
            .iter()
            .enumerate()
            .filter(|(_, c)| c.duplicate.is_some())
            .take(LISTED)
            .map(row)
            .collect(),
        rejected_total: plan.rejected.len(),
        rejected: plan.rejected.into_iter().take(LISTED).collect(),
        unknown_values: plan.unknown_values.clone(),
        free_words: plan.free_words.clone(),
        warnings_total: plan.warnings.len(),
        warnings: plan.warnings.into_iter().take(LISTED).collect(),
        unfiled: plan
            .unfiled
            .into_iter()
            .enumerate()
            .map(|(index, person)| UnfiledRow { index, person })
            .collect(),
    })
}

/// Imports the good rows (one transaction, a backup first; undo with
/// `handover_undo_import` until the next write). Progress goes to
/// `on_progress`; `job_cancel(job)` stops it.
#[tauri::command(async)]
pub fn sheet_import(
    state: State<'_, AppState>,
    request: Input<SheetRequest>,
    job: String,
    on_progress: tauri::ipc::Channel<baton::job::Progress>,
) -> CmdResult<SheetReport> {
    let r = request.take("sheet")?;
    let (plan, mapping, headers) = plan_of(&state, &r)?;
    let store = state.store()?;
    if r.save_mapping && !is_vcard(&r.path) {
        store.write(|tx| sheet::save_mapping(tx, &headers, &mapping))?;
    }
    let running = state.jobs.start(&job, on_progress);
    let opts = SheetImportOptions {
        default_choice: r.default_choice,
        choices: r.choices,
        dry_run: false,
        backup_dir: None,
        job: Some(running.job.clone()),
        unfiled_default: r.unfiled_default,
        unfiled: r.unfiled,
        source: PathBuf::from(r.path.trim())
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
    };
    Ok(sheet::apply(store, &plan, &opts)?)
}

/// Writes the rejected rows, with their reasons, to `out` (.xlsx); an
/// existing file only once the user said to replace it.
#[tauri::command(async)]
pub fn sheet_write_rejected(
    state: State<'_, AppState>,
    request: Input<SheetRequest>,
    out: String,
    replace: Option<bool>,
) -> CmdResult<usize> {
    let r = request.take("sheet")?;
    let out = PathBuf::from(out.trim());
    crate::commands::refuse_existing(state.store()?, &out, replace.unwrap_or(false))?;
    let (plan, _, _) = plan_of(&state, &r)?;
    sheet::write_rejected(&plan, &out, &state.store()?.protected())?;
    Ok(plan.rejected.len())
}
