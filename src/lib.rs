//! Baton core: the salesperson's customer book on disk.
//!
//! This crate owns the domain types, the SQLite store and its migrations,
//! validation, the demo generator and the canonical dump. It knows nothing of
//! Tauri: the desktop shell (`src-tauri/`) and the `baton` command-line tool are
//! thin callers that pass a path in.
//!
//! Layout: folders by domain, in layers. A domain uses only the shared
//! pieces, the domains below it and, without a cycle, those beside it
//! (`tests/core/domains.rs` holds the code to this map):
//!
//! 0. Shared pieces: [`clock`], [`enums`], [`error`], [`validate`],
//!    [`sort_key`], [`paths`], [`files`] (output files never over the book,
//!    whole or not at all, owner-only), [`job`] (progress, cancel and a
//!    listener for long jobs), [`links`] (the `tel:` and `mailto:` links the
//!    app may open), [`settings`], [`drafts`] (unsaved form text) and
//!    [`record`], the record layer: one trait per kind of record, columns
//!    by name, find, walk, write, soft-delete.
//! 1. [`store`]: opening a book, [`store::migrations`], the writer's lock, read
//!    connections, the one transactional import path; [`store::backup`]
//!    (safety copies, the kept backups, the page copies of a restore),
//!    [`store::search_index`] (the FTS indexes kept in step on every write)
//!    and [`store::kept_scores`] (the card scores its triggers keep).
//! 2. [`customers`]: the profile card; [`customers::people`] (key people),
//!    [`customers::changes`] (owner and status), [`customers::tier_changes`],
//!    [`customers::activity`] (the one definition of active, dormant and
//!    new), [`customers::bulk`] (one action on many customers).
//! 3. [`value`]: R-F-M and the tier suggestion; [`value::deals`],
//!    [`value::tiers`] (deciding a tier), [`value::satisfaction`],
//!    [`value::board`] (the pyramid, 80/20, the dormant).
//! 4. [`history`]: [`history::contacts`], [`history::followups`] (with
//!    Today's board and reminders), [`history::timeline`].
//! 5. [`relationship`]: the six-dimension card and its plan;
//!    [`relationship::dimensions`], [`relationship::dependence`] (on one
//!    person), [`relationship::key_board`], and what a successor inherits:
//!    [`relationship::handover_notes`], [`relationship::checklist`].
//! 6. [`search`]: full-text search over the index the store keeps.
//! 7. Across the domains: [`book`] (the registry of record kinds every
//!    whole-book walk uses, [`book::kinds`]; [`book::dump`], [`book::check`],
//!    [`book::trash`], [`book::restore`]); [`views`] (reads composed from
//!    several domains: [`views::list`], the customer list, and
//!    [`views::glance`], the card's header); [`workflow`] (actions that span
//!    several: a follow-up done logs a contact and ticks a plan step).
//! 8. [`handover`]: carrying a book to another laptop (format, export,
//!    import, conflicts); [`io`]: [`io::sheet`] and [`io::vcard`] imports,
//!    [`io::unfiled`] (the tray of people found without a company) and
//!    [`io::report`] (the manager's workbook and visual report).
//! 9. [`demo`]: the demo book. `baton bench` lives in the binary
//!    (`src/bench/`), outside this library.

pub mod book;
pub mod clock;
pub mod customers;
pub mod demo;
pub mod drafts;
pub mod enums;
pub mod error;
pub mod files;
pub mod handover;
pub mod history;
pub mod io;
pub mod job;
pub mod links;
pub mod paths;
pub mod record;
pub mod relationship;
pub mod search;
pub mod settings;
pub mod sort_key;
pub mod store;
pub mod validate;
pub mod value;
pub mod views;
pub mod workflow;

pub use error::{Error, FileProblem, PassphraseProblem, Result, Rule, ValidationError};
pub use store::Store;
