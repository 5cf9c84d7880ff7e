//! Settings.

use baton::settings::{self, Settings};
use tauri::State;

use crate::commands::Input;
use crate::error::CmdResult;
use crate::state::AppState;

/// The book's settings.
#[tauri::command(async)]
pub fn settings_get(state: State<'_, AppState>) -> CmdResult<Settings> {
    Ok(state.store()?.read(settings::get)?)
}

/// Saves the settings and returns them as stored.
#[tauri::command(async)]
pub fn settings_save(state: State<'_, AppState>, settings: Input<Settings>) -> CmdResult<Settings> {
    let settings = settings.take("settings")?;
    Ok(state.store()?.write(|tx| settings::save(tx, &settings))?)
}
