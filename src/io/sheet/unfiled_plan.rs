//! People a sheet or a phone names without a company: planned for the
//! unfiled tray instead of refused. The same person on several rows is one
//! person (phone, email or name, as for a customer's people); each is
//! checked against the book (already a customer's key person, or already in
//! the tray) and given a guessed company to confirm.

use std::collections::HashSet;

use rusqlite::Connection;
use serde::Serialize;

use super::merge::{fill_person_gaps, merge_notes};
use super::people_index::PeopleIndex;
use super::plan::{Duplicate, Warning};
use super::values::{email_key, name_key, phone_key};
use crate::customers::people::PersonCard;
use crate::error::Result;
use crate::io::unfiled::{CustomerNames, Guess, guess};

/// A person without a company, as the import would keep them.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct PlannedUnfiled {
    /// The source line (the first, if several rows name them).
    pub line: u64,
    /// The card.
    pub card: PersonCard,
    /// The company guessed from the card, if any, with the book's customer
    /// it names.
    pub guess: Option<Guess>,
    /// The book already holds them as this customer's key person (same
    /// phone or email): not added again.
    pub filed_under: Option<Duplicate>,
    /// The tray already holds them: not added again.
    pub in_tray: bool,
}

impl PlannedUnfiled {
    /// Whether the import writes anything for them.
    pub fn is_new(&self) -> bool {
        self.filed_under.is_none() && !self.in_tray
    }
}

/// Collects the people of rows without a company.
#[derive(Debug, Default)]
pub(super) struct UnfiledPlanner {
    people: Vec<PlannedUnfiled>,
    index: PeopleIndex,
}

impl UnfiledPlanner {
    /// Adds row `line`'s person, merged into the same person seen before.
    pub fn add(&mut self, line: u64, mut card: PersonCard, warnings: &mut Vec<Warning>) {
        let people = &self.people;
        match self.index.find(|i| &people[i].card, &card) {
            Some(i) => {
                let known = &mut self.people[i];
                let notes = std::mem::take(&mut card.notes);
                merge_notes(&mut known.card.notes, known.line, notes, line, warnings);
                fill_person_gaps(&mut known.card, card);
                self.index.index(i, &self.people[i].card);
            }
            None => {
                self.people.push(PlannedUnfiled {
                    line,
                    card,
                    guess: None,
                    filed_under: None,
                    in_tray: false,
                });
                let i = self.people.len() - 1;
                self.index.index(i, &self.people[i].card);
            }
        }
    }

    /// The planned people, each guessed and checked against the book;
    /// `filed` says whether the book holds a card as a customer's person.
    pub fn finish(
        mut self,
        conn: &Connection,
        filed: impl Fn(&PersonCard) -> Option<Duplicate>,
    ) -> Result<Vec<PlannedUnfiled>> {
        if self.people.is_empty() {
            return Ok(self.people);
        }
        let names = CustomerNames::load(conn)?;
        let tray = TrayKeys::load(conn)?;
        for p in &mut self.people {
            p.guess = guess(&p.card).map(|g| names.resolve(g));
            p.filed_under = filed(&p.card);
            p.in_tray = tray.holds(&p.card);
        }
        Ok(self.people)
    }
}

/// The tray's people by phone, email and (for cards with neither) name.
struct TrayKeys {
    phones: HashSet<String>,
    emails: HashSet<String>,
    bare_names: HashSet<String>,
}

impl TrayKeys {
    fn load(conn: &Connection) -> Result<Self> {
        let mut keys = TrayKeys {
            phones: HashSet::new(),
            emails: HashSet::new(),
            bare_names: HashSet::new(),
        };
        let mut stmt = conn.prepare("SELECT name, phone, email FROM unfiled_people")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let (name, phone, email): (String, String, String) = (r.get(0)?, r.get(1)?, r.get(2)?);
            let (phone, email) = (phone_key(&phone), email_key(&email));
            if phone.is_empty() && email.is_empty() {
                keys.bare_names.insert(name_key(&name));
            }
            keys.phones.insert(phone);
            keys.emails.insert(email);
        }
        keys.phones.remove("");
        keys.emails.remove("");
        Ok(keys)
    }

    /// A person with the same phone or email, or (neither side having
    /// one) the same name.
    fn holds(&self, card: &PersonCard) -> bool {
        let (phone, email) = (phone_key(&card.phone), email_key(&card.email));
        self.phones.contains(&phone)
            || self.emails.contains(&email)
            || (phone.is_empty() && email.is_empty() && self.bare_names.contains(&name_key(&card.name)))
    }
}
