//! Tauri commands, one module per domain. Each takes its arguments, calls the
//! core once, and returns; no business logic lives here.

pub mod app;
pub mod backups;
pub mod customers;
pub mod dialogs;
pub mod drafts;
pub mod handover;
pub mod history;
pub mod jobs;
pub mod people;
pub mod relationship;
pub mod report;
pub mod search;
pub mod settings;
pub mod sheet;
pub mod trash;
pub mod unfiled;
pub mod value;

use serde::de::DeserializeOwned;

use crate::error::CmdResult;

/// Reads JSON input through the core, so a wrong type or unknown value is an
/// `invalid` error naming the field, not a Tauri deserialisation string.
pub fn input<T: DeserializeOwned>(root: &str, value: serde_json::Value) -> CmdResult<T> {
    Ok(baton::validate::from_json(root, value)?)
}

/// The app asks before replacing a file: unless the user said yes
/// (`replace`), an existing target is an `exists` error naming it, which the
/// UI turns into the question. The open book and its files are refused
/// first: there is no question to ask about those.
pub fn refuse_existing(store: &baton::Store, path: &std::path::Path, replace: bool) -> CmdResult<()> {
    store.protected().check(path)?;
    if !replace && path.exists() {
        return Err(baton::Error::Exists(path.display().to_string()).into());
    }
    Ok(())
}
