//! Customer profile cards.

pub mod people;

use std::collections::BTreeMap;

use baton::customers::changes::{self, CustomerChange};
use baton::customers::people::{self as core_people, Person};
use baton::customers::{self, Customer, CustomerCard};
use baton::history::contacts;
use baton::history::followups::{self, FollowUp};
use baton::views::list::{ListPage, ListQuery};
use serde::Serialize;
use tauri::State;

use crate::commands::Input;
use crate::error::CmdResult;
use crate::state::AppState;

/// One window of the customer list.
#[tauri::command(async)]
pub fn customers_list(state: State<'_, AppState>, query: Input<ListQuery>) -> CmdResult<ListPage> {
    let query = query.take("query")?;
    Ok(state.store()?.read(|c| baton::views::list::list(c, &query))?)
}

/// The ids of every customer the list's filters match (Ctrl+A).
#[tauri::command(async)]
pub fn customers_list_ids(
    state: State<'_, AppState>,
    query: Input<ListQuery>,
) -> CmdResult<Vec<baton::views::list::Picked>> {
    let query = query.take("query")?;
    Ok(state.store()?.read(|c| baton::views::list::ids(c, &query))?)
}

/// Every tag in use, for the filter menu.
#[tauri::command(async)]
pub fn customers_tags(state: State<'_, AppState>) -> CmdResult<Vec<String>> {
    Ok(state.store()?.read(baton::views::list::all_tags)?)
}

/// A customer with its key people, owner/status history, open follow-ups,
/// and when we last spoke to each key person.
#[derive(Serialize, ts_rs::TS)]
pub struct CustomerDetail {
    customer: Customer,
    /// Where it stands (the one rule of `baton::customers::activity`), for the header.
    standing: baton::customers::activity::Standing,
    people: Vec<Person>,
    changes: Vec<CustomerChange>,
    followups: Vec<FollowUp>,
    last_contact: BTreeMap<String, String>,
    /// The header's facts: weight and its change, dependence, last contact,
    /// the suggested tier when it differs.
    glance: baton::views::glance::Glance,
}

/// The full card of one customer.
#[tauri::command(async)]
pub fn customers_get(state: State<'_, AppState>, id: String) -> CmdResult<CustomerDetail> {
    Ok(state.store()?.read(|c| {
        let customer = customers::get(c, &id)?;
        Ok(CustomerDetail {
            standing: baton::customers::activity::of(c, &customer, baton::clock::local_today())?,
            customer,
            people: core_people::list_for(c, &id)?,
            changes: changes::list_for(c, &id)?,
            followups: followups::open_for(c, &id)?,
            last_contact: contacts::last_contact_by_person(c, &id)?,
            glance: baton::views::glance::of(c, &id, baton::clock::local_today())?,
        })
    })?)
}

/// Creates a customer.
#[tauri::command(async)]
pub fn customers_create(state: State<'_, AppState>, card: Input<CustomerCard>) -> CmdResult<Customer> {
    let card = card.take("customer")?;
    Ok(state.store()?.write(|tx| customers::create(tx, card))?)
}

/// Saves an edited customer card.
#[tauri::command(async)]
pub fn customers_update(state: State<'_, AppState>, id: String, card: Input<CustomerCard>) -> CmdResult<Customer> {
    let card = card.take("customer")?;
    Ok(state.store()?.write(|tx| customers::update(tx, &id, card))?)
}

/// Moves a customer to the trash.
#[tauri::command(async)]
pub fn customers_delete(state: State<'_, AppState>, id: String) -> CmdResult<()> {
    Ok(state.store()?.write(|tx| customers::delete(tx, &id))?)
}

/// One action on many customers (tag, untag, owner, status, key, trash), in
/// one transaction; returns how many changed.
#[tauri::command(async)]
pub fn customers_bulk(
    state: State<'_, AppState>,
    ids: Vec<String>,
    action: Input<baton::customers::bulk::BulkAction>,
) -> CmdResult<usize> {
    let action = action.take("bulk")?;
    Ok(state
        .store()?
        .write(|tx| baton::customers::bulk::apply(tx, &ids, &action))?)
}
