//! The unfiled tray: people imported without a company, listed, searched,
//! corrected, filed under a customer or removed.

use baton::customers::people::PersonCard;
use baton::io::unfiled::{self, Target, UnfiledPerson};
use serde::Serialize;
use tauri::State;

use crate::commands::Input;
use crate::error::CmdResult;
use crate::state::AppState;

/// The tray, with the company each guess names in the book.
#[derive(Serialize, ts_rs::TS)]
pub struct TrayPerson {
    #[serde(flatten)]
    person: UnfiledPerson,
    /// The book's customer the guess names, if one does.
    guess_customer: Option<(String, String)>,
}

/// The tray in name order; only people holding every word of `query`.
#[tauri::command(async)]
pub fn unfiled_list(state: State<'_, AppState>, query: String) -> CmdResult<Vec<TrayPerson>> {
    Ok(state.store()?.read(|c| {
        let names = unfiled::CustomerNames::load(c)?;
        Ok(unfiled::list(c, &query)?
            .into_iter()
            .map(|person| TrayPerson {
                guess_customer: names.find(&person.guess),
                person,
            })
            .collect())
    })?)
}

/// How many people wait in the tray (for the rail's badge).
#[tauri::command(async)]
pub fn unfiled_count(state: State<'_, AppState>) -> CmdResult<i64> {
    Ok(state.store()?.read(unfiled::count)?)
}

/// Files people under a customer (`{"customer": id}`) or a new or named one
/// (`{"new_customer": name}`); returns the customer's id.
#[tauri::command(async)]
pub fn unfiled_file(state: State<'_, AppState>, ids: Vec<String>, target: Input<Target>) -> CmdResult<String> {
    let target = target.take("target")?;
    Ok(state.store()?.write(|tx| unfiled::file(tx, &ids, &target))?)
}

/// Saves a corrected card in the tray.
#[tauri::command(async)]
pub fn unfiled_update(state: State<'_, AppState>, id: String, card: Input<PersonCard>) -> CmdResult<UnfiledPerson> {
    let card = card.take("person")?;
    Ok(state.store()?.write(|tx| unfiled::update(tx, &id, card))?)
}

/// Removes people from the tray for good.
#[tauri::command(async)]
pub fn unfiled_delete(state: State<'_, AppState>, ids: Vec<String>) -> CmdResult<u64> {
    Ok(state.store()?.write(|tx| unfiled::delete(tx, &ids))?)
}
