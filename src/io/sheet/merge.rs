//! One customer, and each of its people, from several rows of a sheet.
//!
//! Later rows fill what earlier ones left empty, as before; nothing a row
//! says is dropped without a word: notes from every row are kept, each
//! marked with its row, and a single value that differs (a second phone
//! for the company) is listed as a warning naming the one kept.

use super::mapping::Field;
use super::plan::Warning;
use super::values;
use super::warning::Why;
use crate::customers::CustomerCard;
use crate::customers::people::PersonCard;
use crate::validate::NOTES_MAX;

/// Merges row `line`'s card `from` into `into` (first seen at `first_line`).
pub(super) fn merge_customer(
    into: &mut CustomerCard,
    first_line: u64,
    mut from: CustomerCard,
    line: u64,
    warnings: &mut Vec<Warning>,
) {
    let notes = std::mem::take(&mut from.notes);
    merge_notes(&mut into.notes, first_line, notes, line, warnings);
    let differs = [
        (Field::ShortName, &into.short_name, &from.short_name),
        (Field::Industry, &into.industry, &from.industry),
        (Field::Region, &into.region, &from.region),
        (Field::Address, &into.address, &from.address),
        (Field::CompanyPhone, &into.phone, &from.phone),
        (Field::Website, &into.website, &from.website),
        (Field::Owner, &into.owner, &from.owner),
    ];
    for (field, kept, other) in differs {
        if !kept.is_empty() && !other.is_empty() && kept.trim() != other.trim() {
            warnings.push(Warning::differs(line, field, other, kept, first_line));
        }
    }
    if let (Some(kept), Some(other)) = (into.tier, from.tier)
        && kept != other
    {
        warnings.push(Warning::differs(
            line,
            Field::Tier,
            other.as_str(),
            kept.as_str(),
            first_line,
        ));
    }
    fill_gaps(into, from);
}

/// Adds `new` to `notes` (first written on `first_line`), each part marked
/// with its row once there is more than one; the same text is kept once.
/// Past the notes' length limit the rest is left out with a warning.
pub(super) fn merge_notes(notes: &mut String, first_line: u64, new: String, line: u64, warnings: &mut Vec<Warning>) {
    let new = new.trim().to_string();
    if new.is_empty() || notes.contains(&new) {
        return;
    }
    if notes.is_empty() {
        *notes = new;
        return;
    }
    let marked = |l: u64| format!("〔第 {l} 行 · row {l}〕");
    if !notes.starts_with('〔') {
        *notes = format!("{}{notes}", marked(first_line));
    }
    let added = format!("\n{}{new}", marked(line));
    if notes.chars().count() + added.chars().count() > NOTES_MAX {
        warnings.push(Warning {
            line,
            column: String::new(),
            field: Some(Field::Notes),
            message: format!("the notes would pass {NOTES_MAX} characters; this row's note was left out"),
            why: Why::NotesFull { max: NOTES_MAX },
        });
        return;
    }
    notes.push_str(&added);
}

/// Copies `from`'s values into `into`'s empty fields (later rows of the
/// same company add what the first lacked; tags are united).
pub(super) fn fill_gaps(into: &mut CustomerCard, from: CustomerCard) {
    for (a, b) in [
        (&mut into.short_name, from.short_name),
        (&mut into.industry, from.industry),
        (&mut into.region, from.region),
        (&mut into.address, from.address),
        (&mut into.phone, from.phone),
        (&mut into.website, from.website),
        (&mut into.notes, from.notes),
        (&mut into.owner, from.owner),
    ] {
        if a.is_empty() {
            *a = b;
        }
    }
    for t in from.tags {
        if !into.tags.contains(&t) {
            into.tags.push(t);
        }
    }
    into.tier = into.tier.or(from.tier);
    into.staff_count = into.staff_count.or(from.staff_count);
    into.founded_on = into.founded_on.take().or(from.founded_on);
}

/// Copies `from`'s values into `into`'s empty fields.
pub(super) fn fill_person_gaps(into: &mut PersonCard, from: PersonCard) {
    for (a, b) in [
        (&mut into.title, from.title),
        (&mut into.department, from.department),
        (&mut into.phone, from.phone),
        (&mut into.email, from.email),
        (&mut into.messaging_id, from.messaging_id),
        (&mut into.notes, from.notes),
    ] {
        if a.is_empty() {
            *a = b;
        }
    }
    into.birthday = into.birthday.take().or(from.birthday);
}

/// Two cards are one person when a phone or email matches, or, lacking
/// both, the name does.
pub(super) fn same_person(a: &PersonCard, b: &PersonCard) -> bool {
    let phone = values::phone_key(&a.phone);
    let email = values::email_key(&a.email);
    if !phone.is_empty() && phone == values::phone_key(&b.phone) {
        return true;
    }
    if !email.is_empty() && email == values::email_key(&b.email) {
        return true;
    }
    values::name_key(&a.name) == values::name_key(&b.name)
        && (phone.is_empty() || values::phone_key(&b.phone).is_empty())
        && (email.is_empty() || values::email_key(&b.email).is_empty())
}
