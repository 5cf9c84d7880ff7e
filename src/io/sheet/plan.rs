//! From a table and a mapping to what would be written: rows grouped into
//! customers (same company name = one customer) with their key people,
//! every problem named by row and column, and each customer checked for a
//! duplicate in the book. Nothing here writes.

use std::collections::HashMap;

use rusqlite::Connection;
use serde::Serialize;

use super::book_keys::BookKeys;
use super::history::PlannedHistory;
use super::mapping::{Field, Mapping};
use super::merge::{fill_person_gaps, merge_customer, merge_notes};
use super::people_index::PeopleIndex;
use super::row::{RowRead, read_row};
use super::table::Table;
use super::unfiled_plan::{PlannedUnfiled, UnfiledPlanner};
use super::values;
use crate::customers::CustomerCard;
use crate::customers::people::PersonCard;
use crate::error::{Error, Result};

/// A row that cannot be imported, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[ts(rename = "SheetRejected")]
pub struct Rejected {
    /// The line or row number in the source.
    pub line: u64,
    /// The column's header (empty when the row as a whole is wrong).
    pub column: String,
    /// What is wrong (English).
    pub reason: String,
    /// The rule the value broke, when one did (for the app to word).
    pub rule: Option<crate::error::Rule>,
    /// The row's cells as read, to give back in the rejected-rows sheet.
    pub cells: Vec<String>,
}

/// How a planned customer matches one already in the book.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct Duplicate {
    /// The customer in the book (empty when the match is earlier in the file).
    pub customer_id: String,
    /// Its name.
    pub name: String,
    /// What matched: `name`, `phone` or `email`, or `phone_in_file` /
    /// `email_in_file` for a customer earlier in the same sheet.
    pub by: String,
    /// The index of that earlier planned customer, for a match in the file.
    pub in_file: Option<usize>,
}

/// A key person from a row.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct PlannedPerson {
    /// The source line.
    pub line: u64,
    /// The card as it will be stored.
    pub card: PersonCard,
}

/// A customer from one or more rows.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct PlannedCustomer {
    /// The source lines it came from.
    pub lines: Vec<u64>,
    /// The card as it will be stored (first row's values, later rows fill gaps).
    pub card: CustomerCard,
    /// Its key people, one per distinct person in its rows.
    pub people: Vec<PlannedPerson>,
    /// The customer it duplicates, if any.
    pub duplicate: Option<Duplicate>,
    /// Whether a row gave a status (else the card's is only the default).
    pub status_given: bool,
    /// Contacts, follow-ups and orders from its rows' history columns.
    pub history: Vec<PlannedHistory>,
}

pub use super::warning::Warning;

/// A word an enumerated column uses that Baton does not read (高级 for a
/// tier), with how many rows use it: the user maps it, or it stays a note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct UnknownValue {
    /// The field the column fills.
    pub field: Field,
    /// The word as the sheet writes it.
    pub value: String,
    /// Rows that use it.
    pub rows: usize,
}

/// What an import would do.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Plan {
    /// How the file was read.
    pub how: String,
    /// The source's headers.
    pub headers: Vec<String>,
    /// Customers in first-seen order.
    pub customers: Vec<PlannedCustomer>,
    /// Rows refused, in source order.
    pub rejected: Vec<Rejected>,
    /// Values kept elsewhere than their column meant, in source order.
    pub warnings: Vec<Warning>,
    /// The distinct unknown words of enumerated columns, by field and word.
    pub unknown_values: Vec<UnknownValue>,
    /// The distinct words of the industry and tag (source) columns as the
    /// sheet writes them, by field and word, for the user to rename
    /// (机械 → 机械制造); at most [`FREE_WORDS`] per field.
    pub free_words: Vec<UnknownValue>,
    /// People named without a company (a phone's contacts, rows with an
    /// empty company column), in first-seen order: kept in the unfiled
    /// tray or filed as the user chooses, never dropped unseen.
    pub unfiled: Vec<PlannedUnfiled>,
}

impl Plan {
    /// Planned customers that duplicate one in the book.
    pub fn duplicates(&self) -> usize {
        self.customers.iter().filter(|c| c.duplicate.is_some()).count()
    }
}

/// The most distinct words of one free column listed for renaming.
pub const FREE_WORDS: usize = 200;

/// The distinct words of the industry and tag columns, with their rows.
fn free_words(table: &Table, mapping: &Mapping) -> Vec<UnknownValue> {
    let mut out = Vec::new();
    for field in [Field::Industry, Field::Tags] {
        let Some(col) = mapping.column(field) else { continue };
        let mut words: std::collections::BTreeMap<&str, usize> = Default::default();
        for row in &table.rows {
            let text = row.cells.get(col).map_or("", |c| c.trim());
            if !text.is_empty() && (words.len() < FREE_WORDS || words.contains_key(text)) {
                *words.entry(text).or_default() += 1;
            }
        }
        out.extend(words.into_iter().map(|(value, rows)| UnknownValue {
            field,
            value: value.to_string(),
            rows,
        }));
    }
    out
}

/// Plans the import of `table` mapped by `mapping` into the book behind `conn`.
pub fn plan(conn: &Connection, table: &Table, mapping: &Mapping) -> Result<Plan> {
    plan_with(conn, table, mapping, None)
}

/// [`plan`], told to `job` row by row and stopped when it is cancelled (a
/// sheet of 100,000 rows takes a while to check).
pub fn plan_with(conn: &Connection, table: &Table, mapping: &Mapping, job: Option<&crate::job::Job>) -> Result<Plan> {
    if mapping.fields.len() != table.headers.len() {
        return Err(Error::invalid(
            "mapping",
            crate::error::Rule::Malformed {
                detail: format!(
                    "the mapping has {} columns, the sheet {}",
                    mapping.fields.len(),
                    table.headers.len()
                ),
            },
        ));
    }
    // Without a company column every row's person goes to the unfiled
    // tray: a phone's contacts as a sheet. Without either, nothing arrives.
    let names_someone = [
        Field::PersonName,
        Field::PersonFamilyName,
        Field::PersonGivenName,
        Field::PersonPhone,
    ]
    .iter()
    .chain(&[Field::PersonEmail])
    .any(|f| mapping.column(*f).is_some());
    if mapping.column(Field::CustomerName).is_none() && !names_someone {
        return Err(Error::invalid(
            "mapping",
            crate::error::Rule::Malformed {
                detail: "no column is mapped to the customer name (公司名称) or to a person's name, phone or email"
                    .into(),
            },
        ));
    }
    let book = BookKeys::load(conn)?;
    let (today, currency) = (crate::clock::local_today(), crate::settings::get(conn)?.currency);
    let mut customers: Vec<PlannedCustomer> = Vec::new();
    let mut by_key: HashMap<String, usize> = HashMap::new();
    // Each company's people by phone, email and name: linear planning.
    let mut indexes: Vec<PeopleIndex> = Vec::new();
    let mut rejected = Vec::new();
    let mut warnings = Vec::new();
    let mut unknown: std::collections::BTreeMap<(Field, String), usize> = Default::default();
    let mut unfiled = UnfiledPlanner::default();
    crate::job::start(job, table.rows.len() as u64);
    for row in &table.rows {
        crate::job::tick(job)?;
        let read = read_row(table, mapping, row, &mut warnings, &mut unknown, (today, &currency));
        let (customer, person, status_given, history) = match read {
            Ok(RowRead::Customer(read)) => *read,
            Ok(RowRead::Unfiled(p)) => {
                unfiled.add(row.line, *p, &mut warnings);
                continue;
            }
            Err((column, reason, rule)) => {
                rejected.push(Rejected {
                    line: row.line,
                    column,
                    reason,
                    rule,
                    cells: row.cells.clone(),
                });
                continue;
            }
        };
        let key = values::name_key(&customer.name);
        let at = *by_key.entry(key.clone()).or_insert_with(|| {
            indexes.push(PeopleIndex::default());
            customers.push(PlannedCustomer {
                lines: vec![],
                duplicate: book.customer(&key),
                card: customer.clone(),
                people: vec![],
                status_given: false,
                history: vec![],
            });
            customers.len() - 1
        });
        let planned = &mut customers[at];
        planned.lines.push(row.line);
        if status_given && !planned.status_given {
            planned.status_given = true;
            planned.card.status = customer.status;
            planned.card.lost_reason = customer.lost_reason.clone();
        }
        let first_line = planned.lines[0];
        merge_customer(&mut planned.card, first_line, customer, row.line, &mut warnings);
        let mut person_at = None;
        if let Some(person) = person {
            let index = &mut indexes[at];
            let people = &planned.people;
            match index.find(|i| &people[i].card, &person) {
                Some(i) => {
                    let mut person = person;
                    let known = &mut planned.people[i];
                    let notes = std::mem::take(&mut person.notes);
                    merge_notes(&mut known.card.notes, known.line, notes, row.line, &mut warnings);
                    fill_person_gaps(&mut planned.people[i].card, person);
                    index.index(i, &planned.people[i].card);
                    person_at = Some(i);
                }
                None => {
                    planned.people.push(PlannedPerson {
                        line: row.line,
                        card: person,
                    });
                    let i = planned.people.len() - 1;
                    index.index(i, &planned.people[i].card);
                    person_at = Some(i);
                }
            }
        }
        if let Some(mut h) = history {
            h.person = person_at;
            planned.history.push(h);
        }
    }
    // A company unknown by name may still be in the book under another
    // spelling: its people's phone or email say so.
    for c in customers.iter_mut().filter(|c| c.duplicate.is_none()) {
        c.duplicate = c.people.iter().find_map(|p| book.person(&p.card));
    }
    within_file(&mut customers);
    let unfiled = unfiled.finish(conn, |p| book.person(p))?;
    Ok(Plan {
        how: table.how.clone(),
        headers: table.headers.clone(),
        customers,
        rejected,
        warnings,
        unknown_values: unknown
            .into_iter()
            .map(|((field, value), rows)| UnknownValue { field, value, rows })
            .collect(),
        unfiled,
        free_words: free_words(table, mapping),
    })
}

/// Companies spelt differently in one sheet whose people share a phone or
/// email: the later one is marked a duplicate of the earlier.
fn within_file(customers: &mut [PlannedCustomer]) {
    let mut phones: HashMap<String, usize> = HashMap::new();
    let mut emails: HashMap<String, usize> = HashMap::new();
    for i in 0..customers.len() {
        if customers[i].duplicate.is_none() {
            let hit = customers[i].people.iter().find_map(|p| {
                let phone = values::phone_key(&p.card.phone);
                let email = values::email_key(&p.card.email);
                phones
                    .get(&phone)
                    .filter(|_| !phone.is_empty())
                    .map(|j| (*j, "phone_in_file"))
                    .or_else(|| {
                        emails
                            .get(&email)
                            .filter(|_| !email.is_empty())
                            .map(|j| (*j, "email_in_file"))
                    })
            });
            if let Some((j, by)) = hit {
                customers[i].duplicate = Some(Duplicate {
                    customer_id: String::new(),
                    name: customers[j].card.name.clone(),
                    by: by.into(),
                    in_file: Some(j),
                });
            }
        }
        for p in &customers[i].people {
            let (phone, email) = (values::phone_key(&p.card.phone), values::email_key(&p.card.email));
            if !phone.is_empty() {
                phones.entry(phone).or_insert(i);
            }
            if !email.is_empty() {
                emails.entry(email).or_insert(i);
            }
        }
    }
}
