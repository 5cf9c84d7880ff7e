//! Key people.

use baton::people::{self, Person, PersonCard};
use tauri::State;

use super::input;
use crate::error::CmdResult;
use crate::state::AppState;

/// Adds a key person to a customer.
#[tauri::command]
pub fn people_create(state: State<'_, AppState>, customer_id: String, card: serde_json::Value) -> CmdResult<Person> {
    let card: PersonCard = input("person", card)?;
    Ok(state.store()?.write(|tx| people::create(tx, &customer_id, card))?)
}

/// Saves an edited key person.
#[tauri::command]
pub fn people_update(state: State<'_, AppState>, id: String, card: serde_json::Value) -> CmdResult<Person> {
    let card: PersonCard = input("person", card)?;
    Ok(state.store()?.write(|tx| people::update(tx, &id, card))?)
}

/// Moves a key person to the trash.
#[tauri::command]
pub fn people_delete(state: State<'_, AppState>, id: String) -> CmdResult<()> {
    Ok(state.store()?.write(|tx| people::delete(tx, &id))?)
}
