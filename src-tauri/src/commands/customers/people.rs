//! Key people.

use baton::customers::people::{self, Person, PersonCard};
use tauri::State;

use crate::commands::Input;
use crate::error::CmdResult;
use crate::state::AppState;

/// Adds a key person to a customer.
#[tauri::command(async)]
pub fn people_create(state: State<'_, AppState>, customer_id: String, card: Input<PersonCard>) -> CmdResult<Person> {
    let card = card.take("person")?;
    Ok(state.store()?.write(|tx| people::create(tx, &customer_id, card))?)
}

/// Saves an edited key person.
#[tauri::command(async)]
pub fn people_update(state: State<'_, AppState>, id: String, card: Input<PersonCard>) -> CmdResult<Person> {
    let card = card.take("person")?;
    Ok(state.store()?.write(|tx| people::update(tx, &id, card))?)
}

/// Moves a key person to the trash.
#[tauri::command(async)]
pub fn people_delete(state: State<'_, AppState>, id: String) -> CmdResult<()> {
    Ok(state.store()?.write(|tx| people::delete(tx, &id))?)
}

/// Writes a customer's key people (or everyone's, when `customer_ids` is
/// empty) as vCard 4.0 to `path` (picked in the save dialog); an existing
/// file is replaced only with `replace`. Returns the path.
#[tauri::command(async)]
pub fn people_export_vcard(
    state: State<'_, AppState>,
    customer_ids: Vec<String>,
    path: String,
    replace: bool,
) -> CmdResult<String> {
    let store = state.store()?;
    let path = std::path::PathBuf::from(path);
    crate::commands::refuse_existing(store, &path, replace)?;
    store.read(|c| baton::io::vcard::export(c, &customer_ids, &path))?;
    Ok(path.display().to_string())
}
