//! Reads composed from several domains: the customer list with its sorts,
//! filters and figure columns, and the customer card's header at a glance.

pub mod glance;
pub mod list;
