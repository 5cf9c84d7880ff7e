//! The customers of a handover file as the import preview lists them
//! (issue 14): name, tier, owner before and after, and what the import does
//! to each — so the successor sees *who* comes over, not only how many
//! records of each kind.

use std::collections::HashMap;

use serde::Serialize;

/// Most customers a report lists by name (a whole book's handover has
/// thousands; the counts still cover every one).
pub const LISTED_MAX: usize = 1_000;

/// What the import does to a customer's own card.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum CardChange {
    /// New to this book.
    New,
    /// The file's newer card replaces the book's.
    Updated,
    /// The same card in both.
    Unchanged,
    /// The book's card is newer and stays (the file's goes to the conflict log).
    BookNewer,
}

/// One customer of the file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct ListedCustomer {
    /// Customer id.
    pub id: String,
    /// Name, as the file has it.
    pub name: String,
    /// Tier, as the file has it.
    pub tier: Option<String>,
    /// The owner the file gives.
    pub owner: String,
    /// The owner after the import: the successor when taking over.
    pub new_owner: String,
    /// What happens to the card.
    pub card: CardChange,
    /// Its other records (people, history, deals…) the import adds.
    pub records_added: u64,
    /// Its other records whose newer version the import writes.
    pub records_updated: u64,
}

/// The listed customers, filled as the import reads the file.
#[derive(Debug, Default)]
pub(super) struct Listed {
    pub list: Vec<ListedCustomer>,
    pub total: u64,
    index: HashMap<String, usize>,
}

impl Listed {
    /// A customer line of the file, before it is merged.
    pub fn customer(&mut self, record: &serde_json::Value) -> Option<ListedCustomer> {
        let text = |key: &str| record.get(key).and_then(|v| v.as_str()).unwrap_or_default().to_string();
        self.total += 1;
        (self.list.len() < LISTED_MAX).then(|| ListedCustomer {
            id: text("id"),
            name: text("name"),
            tier: record.get("tier").and_then(|v| v.as_str()).map(str::to_string),
            owner: text("owner"),
            new_owner: text("owner"),
            card: CardChange::Unchanged,
            records_added: 0,
            records_updated: 0,
        })
    }

    /// The customer merged with `card` as the outcome.
    pub fn merged(&mut self, mut customer: ListedCustomer, card: CardChange) {
        customer.card = card;
        self.index.insert(customer.id.clone(), self.list.len());
        self.list.push(customer);
    }

    /// Another record of `customer_id` merged: added, or its newer version written.
    pub fn record(&mut self, customer_id: Option<&str>, added: bool, updated: bool) {
        let Some(&i) = customer_id.and_then(|id| self.index.get(id)) else {
            return;
        };
        self.list[i].records_added += u64::from(added);
        self.list[i].records_updated += u64::from(updated);
    }

    /// The successor takes the customers over.
    pub fn taken_over_by(&mut self, name: &str) {
        for c in &mut self.list {
            c.new_owner = name.to_string();
        }
    }
}
