//! From a table and a mapping to what would be written: rows grouped into
//! customers (same company name = one customer) with their key people,
//! every problem named by row and column, and each customer checked for a
//! duplicate in the book. Nothing here writes.

use std::collections::HashMap;

use rusqlite::Connection;
use serde::Serialize;

use super::book_keys::BookKeys;
use super::mapping::{Field, Mapping};
use super::merge::{fill_person_gaps, merge_customer, merge_notes};
use super::people_index::PeopleIndex;
use super::table::{SourceRow, Table};
use super::unfiled_plan::{PlannedUnfiled, UnfiledPlanner};
use super::values;
use crate::customers::CustomerCard;
use crate::error::{Error, Result};
use crate::people::PersonCard;

/// A row that cannot be imported, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Rejected {
    /// The line or row number in the source.
    pub line: u64,
    /// The column's header (empty when the row as a whole is wrong).
    pub column: String,
    /// What is wrong.
    pub reason: String,
    /// The row's cells as read, to give back in the rejected-rows sheet.
    pub cells: Vec<String>,
}

/// How a planned customer matches one already in the book.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
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
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlannedPerson {
    /// The source line.
    pub line: u64,
    /// The card as it will be stored.
    pub card: PersonCard,
}

/// A customer from one or more rows.
#[derive(Debug, Clone, PartialEq, Serialize)]
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
}

/// A value kept in another place than its column meant (an optional field
/// whose word Baton does not know), so the row is not refused for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Warning {
    /// The source line or row.
    pub line: u64,
    /// The column's header.
    pub column: String,
    /// What was kept, and where.
    pub message: String,
}

/// A word an enumerated column uses that Baton does not read (高级 for a
/// tier), with how many rows use it: the user maps it, or it stays a note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
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

/// Plans the import of `table` mapped by `mapping` into the book behind `conn`.
pub fn plan(conn: &Connection, table: &Table, mapping: &Mapping) -> Result<Plan> {
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
    let mut customers: Vec<PlannedCustomer> = Vec::new();
    let mut by_key: HashMap<String, usize> = HashMap::new();
    // Each company's people by phone, email and name: linear planning.
    let mut indexes: Vec<PeopleIndex> = Vec::new();
    let mut rejected = Vec::new();
    let mut warnings = Vec::new();
    let mut unknown: std::collections::BTreeMap<(Field, String), usize> = Default::default();
    let mut unfiled = UnfiledPlanner::default();
    for row in &table.rows {
        let (customer, person, status_given) = match read_row(table, mapping, row, &mut warnings, &mut unknown) {
            Ok(RowRead::Customer(c, p, status_given)) => (*c, p, status_given),
            Ok(RowRead::Unfiled(p)) => {
                unfiled.add(row.line, p, &mut warnings);
                continue;
            }
            Err((column, reason)) => {
                rejected.push(Rejected {
                    line: row.line,
                    column,
                    reason,
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
                }
                None => {
                    planned.people.push(PlannedPerson {
                        line: row.line,
                        card: person,
                    });
                    let i = planned.people.len() - 1;
                    index.index(i, &planned.people[i].card);
                }
            }
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

/// What a row names.
enum RowRead {
    /// A customer, its key person if the row names one, and whether the row
    /// gave a status.
    Customer(Box<CustomerCard>, Option<PersonCard>, bool),
    /// A person and no company.
    Unfiled(PersonCard),
}

/// The customer and (if the row names one) key person of a row, or the
/// column and reason it is refused.
fn read_row(
    table: &Table,
    mapping: &Mapping,
    row: &SourceRow,
    warnings: &mut Vec<Warning>,
    unknown: &mut std::collections::BTreeMap<(Field, String), usize>,
) -> std::result::Result<RowRead, (String, String)> {
    let mut c = CustomerCard::default();
    let mut status_given = false;
    let mut p = PersonCard::default();
    let mut person_fields = false;
    let (mut family, mut given) = (String::new(), String::new());
    let mut row_notes = String::new();
    // Optional values in words Baton does not know: kept as note lines.
    let mut kept: Vec<String> = Vec::new();
    // The company's values as "header：value", for a row with no company:
    // they stay with its person rather than vanish.
    let mut company_lines: Vec<String> = Vec::new();
    for (i, field) in mapping.fields.iter().enumerate() {
        let text = row.cells.get(i).map_or("", |s| s.trim());
        if text.is_empty() {
            continue;
        }
        let text = mapping.value(*field, text);
        let column = || table.headers[i].clone();
        if field.is_customer_value() {
            company_lines.push(format!("{}：{text}", column()));
        }
        let fail = |reason: String| (column(), reason);
        let mut keep = |reason: String| {
            *unknown.entry((*field, text.to_string())).or_default() += 1;
            kept.push(format!("{}：{text}", column()));
            warnings.push(Warning {
                line: row.line,
                column: column(),
                message: format!("{reason}; kept in the customer's notes (map the value to import it)"),
            });
        };
        match field {
            Field::Ignore => {}
            Field::CustomerName => c.name = text.into(),
            Field::ShortName => c.short_name = text.into(),
            Field::Industry => c.industry = text.into(),
            Field::Region => c.region = text.into(),
            Field::Address => c.address = text.into(),
            Field::CompanyPhone => c.phone = text.into(),
            Field::Website => c.website = text.into(),
            Field::Tags => c.tags = values::tags(text),
            Field::CustomerNotes => c.notes = text.into(),
            Field::Status => match values::status(text) {
                Ok(Some(status)) => (c.status, status_given) = (status, true),
                Ok(None) => {}
                Err(why) => keep(why),
            },
            Field::Tier => match values::tier(text) {
                Ok(tier) => c.tier = tier,
                Err(why) => keep(why),
            },
            Field::StaffCount => c.staff_count = values::whole_number(text).map_err(fail)?,
            Field::FoundedOn => c.founded_on = values::date(text).map_err(fail)?.map(|d| d.to_string()),
            Field::Owner => c.owner = text.into(),
            Field::PersonName => (p.name, person_fields) = (text.into(), true),
            Field::PersonTitle => (p.title, person_fields) = (text.into(), true),
            Field::PersonDepartment => (p.department, person_fields) = (text.into(), true),
            Field::PersonPhone => (p.phone, person_fields) = (text.into(), true),
            Field::PersonEmail => (p.email, person_fields) = (text.into(), true),
            Field::PersonMessaging => (p.messaging_id, person_fields) = (text.into(), true),
            Field::PersonBirthday => {
                p.birthday = values::date(text).map_err(fail)?.map(|d| d.to_string());
                person_fields = true;
            }
            Field::PersonNotes => (p.notes, person_fields) = (text.into(), true),
            Field::Notes => row_notes = text.into(),
            Field::PersonFamilyName => (family, person_fields) = (text.into(), true),
            Field::PersonGivenName => (given, person_fields) = (text.into(), true),
        }
    }
    // 备注 on a row that names a person is about that person.
    if !row_notes.is_empty() {
        let notes = if person_fields { &mut p.notes } else { &mut c.notes };
        *notes = if notes.is_empty() {
            row_notes
        } else {
            format!("{notes}\n{row_notes}")
        };
    }
    if !kept.is_empty() {
        let lines = kept.join("\n");
        c.notes = if c.notes.is_empty() {
            lines
        } else {
            format!("{}\n{lines}", c.notes)
        };
    }
    if p.name.is_empty() {
        p.name = values::full_name(&family, &given);
    }
    if c.name.trim().is_empty() && person_fields {
        return person_without_company(p, company_lines, column_of_row(table, mapping)).map(RowRead::Unfiled);
    }
    if c.status == crate::enums::Status::Lost && c.lost_reason.is_empty() {
        c.lost_reason = "导入时已标为流失 (marked lost in the imported sheet)".into();
    }
    c.normalise();
    // The core's own rules (lengths, ranges, dates in the past), with the
    // field they name turned back into the column it came from.
    let column_of = column_of_row(table, mapping);
    c.validate().map_err(|e| (column_of(&error_field(&e)), reason(&e)))?;
    if !person_fields {
        return Ok(RowRead::Customer(Box::new(c), None, status_given));
    }
    let p = finish_person(p, &column_of)?;
    Ok(RowRead::Customer(Box::new(c), Some(p), status_given))
}

/// The column a core validation field came from, for a refusal.
fn column_of_row<'a>(table: &'a Table, mapping: &'a Mapping) -> impl Fn(&str) -> String + 'a {
    move |field: &str| {
        let f = field_of(field);
        f.and_then(|f| {
            let notes = matches!(f, Field::CustomerNotes | Field::PersonNotes);
            mapping
                .column(f)
                .or_else(|| mapping.column(Field::Notes).filter(|_| notes))
        })
        .map_or_else(String::new, |i| table.headers[i].clone())
    }
}

/// A row's person with no company: the company's values it gave become
/// note lines of the person.
fn person_without_company(
    mut p: PersonCard,
    company_lines: Vec<String>,
    column_of: impl Fn(&str) -> String,
) -> std::result::Result<PersonCard, (String, String)> {
    if !company_lines.is_empty() {
        let lines = company_lines.join("\n");
        p.notes = if p.notes.is_empty() {
            lines
        } else {
            format!("{}\n{lines}", p.notes)
        };
    }
    finish_person(p, &column_of)
}

/// A row's person, named and checked.
fn finish_person(
    mut p: PersonCard,
    column_of: &dyn Fn(&str) -> String,
) -> std::result::Result<PersonCard, (String, String)> {
    p.normalise();
    if p.name.is_empty() {
        // A phone with no name still deserves a card: name it by what we
        // have, so nothing typed is lost. Never by an email address: a
        // name column the mapping missed is the likelier cause.
        p.name = [&p.phone, &p.messaging_id]
            .into_iter()
            .find(|v| !v.is_empty())
            .cloned()
            .unwrap_or_else(|| "（未填姓名 no name）".to_string());
    }
    p.validate().map_err(|e| (column_of(&error_field(&e)), reason(&e)))?;
    Ok(p)
}

fn error_field(e: &Error) -> String {
    match e {
        Error::Invalid(v) => v.field.clone(),
        _ => String::new(),
    }
}

fn reason(e: &Error) -> String {
    match e {
        Error::Invalid(v) => {
            let text = v.to_string();
            text.strip_prefix(&format!("{}: ", v.field))
                .unwrap_or(&text)
                .to_string()
        }
        other => other.to_string(),
    }
}

/// The mapping field a core validation field name comes from.
fn field_of(core: &str) -> Option<Field> {
    let base = core.split('[').next().unwrap_or(core);
    Some(match base {
        "customer.name" => Field::CustomerName,
        "customer.short_name" => Field::ShortName,
        "customer.industry" => Field::Industry,
        "customer.region" => Field::Region,
        "customer.address" => Field::Address,
        "customer.phone" => Field::CompanyPhone,
        "customer.website" => Field::Website,
        "customer.tags" => Field::Tags,
        "customer.notes" => Field::CustomerNotes,
        "customer.staff_count" => Field::StaffCount,
        "customer.founded_on" => Field::FoundedOn,
        "customer.owner" => Field::Owner,
        "person.name" => Field::PersonName,
        "person.title" => Field::PersonTitle,
        "person.department" => Field::PersonDepartment,
        "person.phone" => Field::PersonPhone,
        "person.email" => Field::PersonEmail,
        "person.messaging_id" => Field::PersonMessaging,
        "person.birthday" => Field::PersonBirthday,
        "person.notes" => Field::PersonNotes,
        _ => return None,
    })
}
