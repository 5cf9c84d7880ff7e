//! One row of a sheet read through the mapping: the customer it names,
//! its key person, the history its columns tell, or the person alone when
//! the company is empty; or the column and reason it is refused. Values
//! Baton cannot read in optional fields are kept as note lines, with a
//! warning, never a reason to refuse the row.

use std::collections::BTreeMap;

use super::history::{HistoryCells, PlannedHistory};
use super::mapping::{Field, Mapping};
use super::plan::Warning;
use super::table::{SourceRow, Table};
use super::values;
use super::warning::{Expected, Whose, Why};
use crate::customers::CustomerCard;
use crate::customers::people::PersonCard;
use crate::error::Error;

/// How a value Baton cannot read is kept.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kept {
    /// An enumeration's word (a tier, a status): the user may map it.
    Word,
    /// A customer's value (a date, a number): a note line of the customer.
    CustomerValue,
    /// A person's value: a note line of the person.
    PersonValue,
}

/// What a row names.
pub(super) enum RowRead {
    /// A customer, its key person if the row names one, whether the row
    /// gave a status, and the history its columns tell.
    Customer(Box<(CustomerCard, Option<PersonCard>, bool, Option<PlannedHistory>)>),
    /// A person and no company.
    Unfiled(Box<PersonCard>),
}

/// The customer and (if the row names one) key person of a row, or the
/// column and reason it is refused.
pub(super) fn read_row(
    table: &Table,
    mapping: &Mapping,
    row: &SourceRow,
    warnings: &mut Vec<Warning>,
    unknown: &mut BTreeMap<(Field, String), usize>,
    (today, currency): (chrono::NaiveDate, &str),
) -> std::result::Result<RowRead, Refused> {
    let mut c = CustomerCard::default();
    let mut status_given = false;
    let mut p = PersonCard::default();
    let mut person_fields = false;
    let (mut family, mut given) = (String::new(), String::new());
    let (mut middle, mut prefix, mut suffix) = (String::new(), String::new(), String::new());
    let mut nickname = String::new();
    // Person values Baton could not read, as note lines of the person.
    let mut kept_person: Vec<String> = Vec::new();
    let mut row_notes = String::new();
    // Optional values in words Baton does not know: kept as note lines.
    let mut kept: Vec<String> = Vec::new();
    // The company's values as "header：value", for a row with no company:
    // they stay with its person rather than vanish.
    let mut company_lines: Vec<String> = Vec::new();
    let mut history = HistoryCells::default();
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
        // A value Baton cannot read in an optional field is kept as a note
        // line (the person's or the customer's) and listed, never a reason
        // to refuse the row; an enumeration's word is also offered for mapping.
        let mut keep = |reason: String, how: Kept| {
            if how == Kept::Word {
                *unknown.entry((*field, text.to_string())).or_default() += 1;
            }
            let line = format!("{}：{text}", column());
            let kept_in = if how == Kept::PersonValue {
                kept_person.push(line);
                Whose::Person
            } else {
                kept.push(line);
                Whose::Customer
            };
            let expected = match field {
                Field::Status => Expected::Status,
                Field::Tier => Expected::Tier,
                Field::StaffCount => Expected::Number,
                _ => Expected::Date,
            };
            let why = Why::Unread {
                value: text.to_string(),
                expected,
                kept_in,
                mappable: how == Kept::Word,
            };
            warnings.push(Warning::kept(row.line, column(), &reason, why));
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
                Err(why) => keep(why, Kept::Word),
            },
            Field::Tier => match values::tier(text) {
                Ok(tier) => c.tier = tier,
                Err(why) => keep(why, Kept::Word),
            },
            Field::StaffCount => match values::whole_number(text) {
                Ok(n) => c.staff_count = n,
                Err(why) => keep(why, Kept::CustomerValue),
            },
            Field::FoundedOn => match values::date(text) {
                Ok(day) => c.founded_on = day.map(|d| d.to_string()),
                Err(why) => keep(why, Kept::CustomerValue),
            },
            Field::Owner => c.owner = text.into(),
            Field::LastContactOn => history.last_on = Some((column(), text.into())),
            Field::ContactSummary => history.summary = Some((column(), text.into())),
            Field::NextStep => history.next_step = Some((column(), text.into())),
            Field::NextStepOn => history.next_on = Some((column(), text.into())),
            Field::DealAmount => history.amount = Some((column(), text.into())),
            Field::DealOn => history.deal_on = Some((column(), text.into())),
            Field::PersonName => (p.name, person_fields) = (text.into(), true),
            Field::PersonTitle => (p.title, person_fields) = (text.into(), true),
            Field::PersonDepartment => (p.department, person_fields) = (text.into(), true),
            Field::PersonPhone => (p.phone, person_fields) = (text.into(), true),
            Field::PersonEmail => (p.email, person_fields) = (text.into(), true),
            Field::PersonMessaging => (p.messaging_id, person_fields) = (text.into(), true),
            Field::PersonBirthday => {
                match values::date(text) {
                    Ok(day) => p.birthday = day.map(|d| d.to_string()),
                    Err(why) => keep(why, Kept::PersonValue),
                }
                person_fields = true;
            }
            Field::PersonNotes => (p.notes, person_fields) = (text.into(), true),
            Field::Notes => row_notes = text.into(),
            Field::PersonFamilyName => (family, person_fields) = (text.into(), true),
            Field::PersonGivenName => (given, person_fields) = (text.into(), true),
            Field::PersonMiddleName => (middle, person_fields) = (text.into(), true),
            Field::PersonNickname => (nickname, person_fields) = (text.into(), true),
            // An honorific or suffix alone names nobody.
            Field::PersonNamePrefix => prefix = text.into(),
            Field::PersonNameSuffix => suffix = text.into(),
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
    if p.name.is_empty() {
        let parts = values::NameParts {
            prefix: &prefix,
            given: &given,
            middle: &middle,
            family: &family,
            suffix: &suffix,
        };
        if [&family, &given, &middle].iter().any(|p| !p.trim().is_empty()) {
            p.name = values::full_name_parts(&parts);
        }
    }
    // A nickname names someone with no other name (Google's "Tony"), and
    // is a note line beside a real one.
    if !nickname.is_empty() {
        if p.name.trim().is_empty() {
            p.name = std::mem::take(&mut nickname);
        } else {
            let header = mapping
                .column(Field::PersonNickname)
                .map_or("", |i| table.headers[i].as_str());
            kept_person.push(format!("{header}：{nickname}"));
        }
    }
    if !kept_person.is_empty() {
        let lines = kept_person.join("\n");
        p.notes = if p.notes.is_empty() {
            lines
        } else {
            format!("{}\n{lines}", p.notes)
        };
    }
    if c.name.trim().is_empty() && person_fields {
        return person_without_company(p, company_lines, column_of_row(table, mapping))
            .map(|p| RowRead::Unfiled(Box::new(p)));
    }
    // The row's history: records, or note lines of the customer with a word.
    let history = if history.is_empty() {
        None
    } else {
        let read = history.read(row.line, today, currency);
        kept.extend(read.kept);
        for (column, reason, why) in read.warnings {
            warnings.push(Warning::kept(row.line, column, &reason, why));
        }
        read.history
    };
    if !kept.is_empty() {
        let lines = kept.join("\n");
        c.notes = if c.notes.is_empty() {
            lines
        } else {
            format!("{}\n{lines}", c.notes)
        };
    }
    if c.status == crate::enums::Status::Lost && c.lost_reason.is_empty() {
        c.lost_reason = "导入时已标为流失 (marked lost in the imported sheet)".into();
    }
    c.normalise();
    // The core's own rules (lengths, ranges, dates in the past), with the
    // field they name turned back into the column it came from.
    let column_of = column_of_row(table, mapping);
    c.validate().map_err(|e| refused(&e, &column_of))?;
    if !person_fields {
        return Ok(RowRead::Customer(Box::new((c, None, status_given, history))));
    }
    let p = finish_person(p, &column_of)?;
    Ok(RowRead::Customer(Box::new((c, Some(p), status_given, history))))
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
) -> std::result::Result<PersonCard, Refused> {
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
fn finish_person(mut p: PersonCard, column_of: &dyn Fn(&str) -> String) -> std::result::Result<PersonCard, Refused> {
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
    p.validate().map_err(|e| refused(&e, &column_of))?;
    Ok(p)
}

/// Why a row is refused: the column, the reason (English) and, for a
/// broken rule, the rule (worded by the app in the user's language).
pub(super) type Refused = (String, String, Option<crate::error::Rule>);

fn refused(e: &Error, column_of: &dyn Fn(&str) -> String) -> Refused {
    let rule = match e {
        Error::Invalid(v) => Some(v.rule.clone()),
        _ => None,
    };
    (column_of(&error_field(e)), reason(e), rule)
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
