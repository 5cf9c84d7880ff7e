//! Tauri commands, in the core's domains: [`customers`], [`history`],
//! [`value`], [`relationship`], [`search`], [`book`] (trash, backups),
//! [`handover`], [`io`] (sheet, vCard and unfiled, report), and the app
//! shell's own ([`app`]: start, settings, dialogs, drafts, jobs). Each takes
//! its arguments, calls the core once, and returns; no business logic
//! lives here.

pub mod app;
pub mod book;
pub mod customers;
pub mod handover;
pub mod history;
pub mod io;
pub mod relationship;
pub mod search;
pub mod value;

use std::marker::PhantomData;

use serde::de::{Deserialize, DeserializeOwned, Deserializer};

use crate::error::CmdResult;

/// A command's argument of type `T`, read on [`Input::take`]. Tauri would
/// read `T` itself and answer a wrong value with a bare string; this keeps
/// the JSON and reads it through the core, so a wrong type or an unknown
/// value is an `invalid` error naming the field (`customer.tier`), while the
/// signature still says what the command takes.
pub struct Input<T> {
    value: serde_json::Value,
    of: PhantomData<fn() -> T>,
}

impl<'de, T> Deserialize<'de> for Input<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(Input {
            value: serde_json::Value::deserialize(d)?,
            of: PhantomData,
        })
    }
}

impl<T: DeserializeOwned> Input<T> {
    /// The value, or an `invalid` error whose field path starts at `root`.
    pub fn take(self, root: &str) -> CmdResult<T> {
        Ok(baton::validate::from_json(root, self.value)?)
    }
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
