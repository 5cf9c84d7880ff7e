//! Integration tests of the core, one module per source module.

#![allow(clippy::unwrap_used)]

mod cli;
mod customers;
mod dump_check;
mod handover;
mod history;
mod key_board;
mod kinds;
mod people;
mod relationship;
mod report;
mod search;
mod sheet_import;
mod store;
mod trash;
mod value;
mod vcard;

use baton::customers::CustomerCard;
use baton::people::PersonCard;

/// A minimal valid customer card.
pub fn card(name: &str) -> CustomerCard {
    CustomerCard {
        name: name.to_string(),
        ..Default::default()
    }
}

/// A minimal valid person card.
pub fn person(name: &str) -> PersonCard {
    PersonCard {
        name: name.to_string(),
        ..Default::default()
    }
}
