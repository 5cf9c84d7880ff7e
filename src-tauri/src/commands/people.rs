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

/// Writes a customer's key people (or everyone's, when `customer_ids` is
/// empty) as vCard 4.0 into the documents folder, never over an existing
/// file; returns the path.
#[tauri::command]
pub fn people_export_vcard(state: State<'_, AppState>, customer_ids: Vec<String>) -> CmdResult<String> {
    let store = state.store()?;
    let stem = match customer_ids.as_slice() {
        [one] => store.read(|c| baton::customers::get(c, one))?.card.name,
        _ => format!("baton-people-{}", baton::clock::local_today()),
    };
    // A name may hold characters a file name cannot, or be too long for one.
    let stem = baton::files::name::safe_stem(&stem, "baton-people");
    let dir = baton::paths::documents_dir();
    baton::files::perms::create_private_dir(&dir)?;
    let mut path = dir.join(format!("{stem}.vcf"));
    let mut n = 2;
    while path.exists() {
        path = dir.join(format!("{stem} ({n}).vcf"));
        n += 1;
    }
    store.read(|c| baton::vcard::export(c, &customer_ids, &path))?;
    Ok(path.display().to_string())
}
