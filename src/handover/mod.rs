//! Handover (交接): a book, or some of its customers, carried to another
//! laptop in one file — lossless, idempotent, validated before anything is
//! written, and encrypted with a passphrase if asked.
//!
//! The format is specified in `docs/handover-format.md`: JSON Lines (a header
//! with counts and the payload's SHA-256, then one record per line), in an
//! age envelope when a passphrase is set.
//! - [`export`] writes a file for the whole book or a selection of customers;
//! - [`import`] validates a file and merges it by record id, newer version
//!   winning, every losing version kept in the conflict log; with `dry_run`
//!   it only reports what it would do.

mod check;
pub mod conflicts;
mod envelope;
mod export;
mod format;
mod import;
mod listed;
mod passphrase;
mod times;

pub use envelope::{MAX_WORK_FACTOR, MIN_EXPORT_WORK_FACTOR};
pub use export::{ExportOptions, Selection, export};
pub use format::{FORMAT, FORMAT_VERSION, Header, Scope};
pub use import::{Conflict, ImportOptions, ImportReport, KindCounts, OpenedFile, import, import_opened};
pub use listed::{CardChange, LISTED_MAX, ListedCustomer};
pub use passphrase::Passphrase;
