//! Writing a plan: one transaction, a backup first, each duplicate handled
//! as the user chose (skip, update, or create anyway). A dry run does all
//! of it and rolls back, so its counts are exactly what a real run writes.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::merge::{fill_person_gaps, same_person};
use super::plan::{Plan, PlannedCustomer};

use crate::customers::people::{self, PersonCard};
use crate::customers::{self, CustomerCard};
use crate::error::Result;
use crate::job::{self, Job};
use crate::store::{ImportWrite, Store};

/// What to do with a row group that duplicates a customer in the book.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
#[ts(rename = "DuplicateChoice")]
pub enum Choice {
    /// Leave the book's customer as it is; write nothing from these rows.
    #[default]
    Skip,
    /// Fill the book's customer with the sheet's values (non-empty ones
    /// replace, tags are added) and add or update its people.
    Update,
    /// Create a second customer anyway.
    Create,
}

/// What to do with a person found without a company.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum UnfiledChoice {
    /// Put them in the unfiled tray, to file later.
    #[default]
    Keep,
    /// Leave them out.
    Skip,
    /// File them under the guessed company (the book's customer it names,
    /// else a new one); in the tray if there is no guess.
    Guess,
    /// File them under this customer of the book.
    Customer(String),
    /// File them under a customer of this name (the book's, else new).
    NewCustomer(String),
}

/// How to write a plan.
#[derive(Debug, Clone, Default)]
pub struct SheetImportOptions {
    /// The choice for duplicates without one of their own.
    pub default_choice: Choice,
    /// Choices by index into the plan's customers.
    pub choices: HashMap<usize, Choice>,
    /// Do everything, then roll back.
    pub dry_run: bool,
    /// Where the automatic backup goes (default: beside the book).
    pub backup_dir: Option<PathBuf>,
    /// Progress and cancel.
    pub job: Option<Arc<Job>>,
    /// The choice for people without a company who have none of their own.
    pub unfiled_default: UnfiledChoice,
    /// Choices by index into the plan's unfiled people.
    pub unfiled: HashMap<usize, UnfiledChoice>,
    /// The file's name, kept with tray people to say where they came from.
    pub source: String,
}

/// What was written (or would be).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct SheetReport {
    /// New customers.
    pub added: u64,
    /// Customers updated from the sheet.
    pub updated: u64,
    /// Duplicates skipped.
    pub skipped: u64,
    /// Key people added.
    pub people_added: u64,
    /// Key people updated.
    pub people_updated: u64,
    /// Rows refused.
    pub rejected: u64,
    /// Contacts from history columns (上次拜访, Last Activity Date).
    pub contacts_added: u64,
    /// Follow-ups from history columns (下次跟进, Next Step), with a
    /// contact's or on their own.
    pub followups_added: u64,
    /// Orders from amount columns (成交金额).
    pub deals_added: u64,
    /// People without a company put in the unfiled tray.
    pub unfiled_kept: u64,
    /// People without a company filed under a customer.
    pub unfiled_filed: u64,
    /// People without a company left out (as chosen, or already in the book or tray).
    pub unfiled_skipped: u64,
    /// The ids of the customers added or updated (for "show me").
    pub customer_ids: Vec<String>,
    /// The automatic backup taken first.
    pub backup: Option<String>,
    /// Nothing was written.
    pub dry_run: bool,
}

/// Writes `plan` into the book.
pub fn apply(store: &Store, plan: &Plan, opts: &SheetImportOptions) -> Result<SheetReport> {
    let job = opts.job.as_deref();
    if !opts.dry_run {
        store.writable()?;
    }
    job::start(job, (plan.customers.len() + plan.unfiled.len()) as u64);
    let mut report = SheetReport {
        rejected: plan.rejected.len() as u64,
        dry_run: opts.dry_run,
        ..Default::default()
    };
    let choice = |i: usize, planned: &PlannedCustomer| match &planned.duplicate {
        None => Choice::Create,
        Some(_) => opts.choices.get(&i).copied().unwrap_or(opts.default_choice),
    };
    let writes = plan
        .customers
        .iter()
        .enumerate()
        .any(|(i, c)| choice(i, c) != Choice::Skip)
        || plan
            .unfiled
            .iter()
            .enumerate()
            .any(|(i, p)| p.is_new() && unfiled_choice(opts, i) != &UnfiledChoice::Skip);
    let how = ImportWrite {
        what: "sheet-import",
        dry_run: opts.dry_run,
        backup: writes,
        backup_dir: opts.backup_dir.clone(),
    };
    let (mut report, backup) = store.import(&how, |tx| {
        // Where each planned customer went (created or updated), so a later
        // duplicate within the file can be merged into it.
        let mut written: HashMap<usize, String> = HashMap::new();
        for (i, planned) in plan.customers.iter().enumerate() {
            job::tick(job)?;
            let target = planned.duplicate.as_ref().and_then(|d| match d.in_file {
                Some(j) => written.get(&j).cloned(),
                None => Some(d.customer_id.clone()),
            });
            match (choice(i, planned), target) {
                (Choice::Skip, _) => report.skipped += 1,
                (Choice::Update, Some(id)) => {
                    let person_ids = update(tx, &id, planned, &mut report)?;
                    history(tx, &id, planned, &person_ids, &mut report)?;
                    report.updated += 1;
                    report.customer_ids.push(id.clone());
                    written.insert(i, id);
                }
                // The earlier customer this one duplicates was skipped: so is this.
                (Choice::Update, None) if planned.duplicate.is_some() => report.skipped += 1,
                (Choice::Update | Choice::Create, _) => {
                    let c = customers::create(tx, planned.card.clone())?;
                    let mut person_ids = Vec::with_capacity(planned.people.len());
                    for p in &planned.people {
                        person_ids.push(people::create(tx, &c.id, p.card.clone())?.id);
                        report.people_added += 1;
                    }
                    history(tx, &c.id, planned, &person_ids, &mut report)?;
                    report.added += 1;
                    report.customer_ids.push(c.id.clone());
                    written.insert(i, c.id);
                }
            }
        }
        write_unfiled(tx, plan, opts, &mut report)?;
        Ok(report)
    })?;
    report.backup = backup;
    Ok(report)
}

fn unfiled_choice(opts: &SheetImportOptions, i: usize) -> &UnfiledChoice {
    opts.unfiled.get(&i).unwrap_or(&opts.unfiled_default)
}

/// The plan's people without a company, each where the user chose.
fn write_unfiled(
    tx: &rusqlite::Transaction<'_>,
    plan: &Plan,
    opts: &SheetImportOptions,
    report: &mut SheetReport,
) -> Result<()> {
    use crate::io::unfiled::{self, Target};
    // Customers filed under so far, so twenty cards of one new company
    // make one customer and the book's names are looked up once each.
    let mut targets: HashMap<Target, String> = HashMap::new();
    for (i, p) in plan.unfiled.iter().enumerate() {
        job::tick(opts.job.as_deref())?;
        if !p.is_new() {
            report.unfiled_skipped += 1;
            continue;
        }
        let target = match unfiled_choice(opts, i) {
            UnfiledChoice::Skip => {
                report.unfiled_skipped += 1;
                continue;
            }
            UnfiledChoice::Keep => None,
            UnfiledChoice::Guess => p.guess.as_ref().map(|g| match &g.customer_id {
                Some(id) => Target::Customer(id.clone()),
                None => Target::NewCustomer(g.company.clone()),
            }),
            UnfiledChoice::Customer(id) => Some(Target::Customer(id.clone())),
            UnfiledChoice::NewCustomer(name) => Some(Target::NewCustomer(name.clone())),
        };
        match target {
            None => {
                let guess = p.guess.as_ref().map_or("", |g| g.company.as_str());
                let source = format!("{}:{}", opts.source, p.line);
                unfiled::add(tx, p.card.clone(), guess, &source)?;
                report.unfiled_kept += 1;
            }
            Some(target) => {
                let id = match targets.get(&target) {
                    Some(id) => id.clone(),
                    None => {
                        let (id, created) = unfiled::target_customer(tx, &target)?;
                        report.added += u64::from(created);
                        targets.insert(target, id.clone());
                        id
                    }
                };
                people::create(tx, &id, unfiled::filed_card(&p.card))?;
                report.unfiled_filed += 1;
                report.people_added += 1;
                if !report.customer_ids.contains(&id) {
                    report.customer_ids.push(id);
                }
            }
        }
    }
    Ok(())
}

/// The book's customer with the sheet's non-empty values laid over it; its
/// people matched by phone, email or name are filled in, the rest added.
/// Returns the book's id of each planned person, in order.
fn update(
    tx: &rusqlite::Transaction<'_>,
    id: &str,
    planned: &PlannedCustomer,
    report: &mut SheetReport,
) -> Result<Vec<String>> {
    let existing = customers::get(tx, id)?;
    let mut card = existing.card.clone();
    overlay(&mut card, &planned.card, planned.status_given);
    if card != existing.card {
        customers::update(tx, id, card)?;
    }
    let mut known = people::list_for(tx, id)?;
    let mut ids = Vec::with_capacity(planned.people.len());
    for p in &planned.people {
        match known.iter_mut().find(|k| same_person(&k.card, &p.card)) {
            Some(k) => {
                let merged = merge_person(&p.card, &k.card);
                if merged != k.card {
                    k.card = merged.clone();
                    people::update(tx, &k.id, merged)?;
                    report.people_updated += 1;
                }
                ids.push(k.id.clone());
            }
            None => {
                let person = people::create(tx, id, p.card.clone())?;
                ids.push(person.id.clone());
                known.push(person);
                report.people_added += 1;
            }
        }
    }
    Ok(ids)
}

/// Writes a planned customer's history and counts it.
fn history(
    tx: &rusqlite::Transaction<'_>,
    id: &str,
    planned: &PlannedCustomer,
    person_ids: &[String],
    report: &mut SheetReport,
) -> Result<()> {
    let added = super::history_write::write(tx, id, &planned.history, person_ids)?;
    report.contacts_added += added.contacts;
    report.followups_added += added.followups;
    report.deals_added += added.deals;
    Ok(())
}

/// Replaces `into`'s fields with `sheet`'s non-empty ones; adds tags.
fn overlay(into: &mut CustomerCard, sheet: &CustomerCard, status_given: bool) {
    for (a, b) in [
        (&mut into.short_name, &sheet.short_name),
        (&mut into.industry, &sheet.industry),
        (&mut into.region, &sheet.region),
        (&mut into.address, &sheet.address),
        (&mut into.phone, &sheet.phone),
        (&mut into.website, &sheet.website),
        (&mut into.notes, &sheet.notes),
        (&mut into.owner, &sheet.owner),
    ] {
        if !b.is_empty() {
            *a = b.clone();
        }
    }
    for t in &sheet.tags {
        if !into.tags.contains(t) {
            into.tags.push(t.clone());
        }
    }
    into.tier = sheet.tier.or(into.tier);
    into.staff_count = sheet.staff_count.or(into.staff_count);
    into.founded_on = sheet.founded_on.clone().or(into.founded_on.take());
    if status_given {
        into.status = sheet.status;
        if !sheet.lost_reason.is_empty() && into.lost_reason.is_empty() {
            into.lost_reason = sheet.lost_reason.clone();
        }
    }
}

/// The sheet's card with the book's values filling its gaps, and the
/// fields a sheet never carries (role, attitude, who knows them…) kept
/// from the book.
fn merge_person(sheet: &PersonCard, book: &PersonCard) -> PersonCard {
    let mut merged = sheet.clone();
    fill_person_gaps(&mut merged, book.clone());
    PersonCard {
        role: book.role,
        attitude: book.attitude,
        personality: book.personality.clone(),
        interests: book.interests.clone(),
        experience: book.experience.clone(),
        background: book.background.clone(),
        age_band: book.age_band,
        origin: book.origin.clone(),
        education: book.education.clone(),
        preferred_channel: book.preferred_channel,
        known_by: book.known_by.clone(),
        ..merged
    }
}
