//! Contact history, the timeline, and follow-ups.

use baton::customers::people::PersonCard;
use baton::history::contacts::{self, Contact, ContactDraft};
use baton::history::followups::{self, Backlog, Board, FollowUp, Reschedule};
use baton::history::timeline::{self, TimelinePage, TimelineQuery};
use tauri::State;

use super::Input;
use crate::error::CmdResult;
use crate::state::AppState;

/// Writes every open follow-up to `path` as an iCalendar file (.ics) for
/// Outlook, WPS or a phone; an existing file only once the user said to
/// replace it. Returns how many.
#[tauri::command(async)]
pub fn followups_ics(state: State<'_, AppState>, path: String, replace: bool) -> CmdResult<usize> {
    let store = state.store()?;
    let path = std::path::PathBuf::from(path.trim());
    super::refuse_existing(store, &path, replace)?;
    let protected = store.protected();
    let today = baton::clock::local_today();
    Ok(store.read(|c| baton::history::followups::ics::write(c, &path, today, &protected))?)
}

/// Logs a contact (its next step, if due-dated, becomes a follow-up). With
/// `new_in_charge`, the person in charge is created in the same transaction.
#[tauri::command(async)]
pub fn contacts_create(
    state: State<'_, AppState>,
    customer_id: String,
    draft: Input<ContactDraft>,
    new_in_charge: Option<Input<PersonCard>>,
) -> CmdResult<Contact> {
    let draft = draft.take("contact")?;
    let new_in_charge = new_in_charge.map(|v| v.take("person")).transpose()?;
    Ok(state.store()?.write(|tx| match new_in_charge {
        Some(person) => contacts::create_with_new_in_charge(tx, &customer_id, draft, person),
        None => contacts::create(tx, &customer_id, draft),
    })?)
}

/// One page of a customer's timeline.
#[tauri::command(async)]
pub fn timeline_page(
    state: State<'_, AppState>,
    customer_id: String,
    query: Input<TimelineQuery>,
) -> CmdResult<TimelinePage> {
    let query = query.take("query")?;
    Ok(state.store()?.read(|c| timeline::page(c, &customer_id, &query))?)
}

/// The board's upcoming span, days, and the most rows of each group.
pub const BOARD_DAYS: i64 = 14;
pub const BOARD_ROWS: u32 = 200;
/// The most rows of each group the app's start reads: a screenful and more
/// (Today draws 30 of each first, lib/drawn). On a cold 100k book the board's 200 of
/// each took most of a second off the disk before the first row could be
/// painted (issue 18); Today reads the whole board once it is painted.
pub const FIRST_SCREEN_ROWS: u32 = 30;

/// The follow-up screen for today (local date): overdue, today, next two
/// weeks; with `first_screen`, only the rows the app's first screen shows
/// (the counts are whole either way).
#[tauri::command(async)]
pub fn followups_board(state: State<'_, AppState>, first_screen: Option<bool>) -> CmdResult<Board> {
    let today = baton::clock::local_today();
    let rows = if first_screen.unwrap_or(false) {
        FIRST_SCREEN_ROWS
    } else {
        BOARD_ROWS
    };
    Ok(state.store()?.read(|c| followups::board(c, today, BOARD_DAYS, rows))?)
}

/// Marks a follow-up done, optionally logging the contact that closed it.
#[tauri::command(async)]
pub fn followups_done(
    state: State<'_, AppState>,
    id: String,
    closing: Option<Input<ContactDraft>>,
) -> CmdResult<FollowUp> {
    let closing = closing.map(|v| v.take("contact")).transpose()?;
    Ok(state
        .store()?
        .write(|tx| baton::workflow::followup_done(tx, &id, closing))?)
}

/// Corrects a logged contact; its follow-up follows its next step.
#[tauri::command(async)]
pub fn contacts_update(state: State<'_, AppState>, id: String, draft: Input<ContactDraft>) -> CmdResult<Contact> {
    let draft = draft.take("contact")?;
    Ok(state.store()?.write(|tx| contacts::update(tx, &id, draft))?)
}

/// Moves a follow-up to another day (a date, +1 day, +1 week, next Monday).
#[tauri::command(async)]
pub fn followups_reschedule(state: State<'_, AppState>, id: String, to: Input<Reschedule>) -> CmdResult<FollowUp> {
    let to = to.take("followup.due_on")?;
    let today = baton::clock::local_today();
    Ok(state.store()?.write(|tx| followups::reschedule(tx, &id, &to, today))?)
}

/// Calls a follow-up off, with an optional reason.
#[tauri::command(async)]
pub fn followups_cancel(state: State<'_, AppState>, id: String, reason: String) -> CmdResult<FollowUp> {
    Ok(state.store()?.write(|tx| followups::cancel(tx, &id, &reason))?)
}

/// Opens a done or cancelled follow-up again.
#[tauri::command(async)]
pub fn followups_reopen(state: State<'_, AppState>, id: String) -> CmdResult<FollowUp> {
    Ok(state.store()?.write(|tx| followups::reopen(tx, &id))?)
}

/// Rewords a follow-up and sets its day.
#[tauri::command(async)]
pub fn followups_edit(state: State<'_, AppState>, id: String, title: String, due_on: String) -> CmdResult<FollowUp> {
    Ok(state.store()?.write(|tx| followups::edit(tx, &id, &title, &due_on))?)
}

/// Clears the old backlog (overdue by more than thirty days): all moved, or
/// all cancelled with one reason. Returns how many.
#[tauri::command(async)]
pub fn followups_clear_backlog(state: State<'_, AppState>, action: Input<Backlog>) -> CmdResult<usize> {
    let action = action.take("backlog")?;
    let today = baton::clock::local_today();
    Ok(state
        .store()?
        .write(|tx| followups::clear_backlog(tx, today, &action))?)
}
