//! Baton core: the salesperson's customer book on disk.
//!
//! This crate owns the domain types, the SQLite store and its migrations,
//! validation, the demo generator and the canonical dump. It knows nothing of
//! Tauri: the desktop shell (`src-tauri/`) and the `baton` command-line tool are
//! thin callers that pass a path in.
//!
//! Layout, one module per concept:
//! - [`store`]: opening a book (what a path holds, read-only, where a book
//!   may be created), connection pragmas, migrations, the writer's lock,
//!   read connections beside it and the one transactional import path;
//! - [`files`]: output files never over the book, whole or not at all, owner-only;
//! - [`customers`], [`customer_list`], [`people`], [`changes`]: the records, the list and their SQL;
//! - [`contacts`], [`followups`], [`timeline`]: contact history and next steps;
//! - [`activity`]: the one definition of active, dormant and new;
//! - [`deals`], [`value`], [`tiers`], [`satisfaction`], [`value_board`]: transactions, R-F-M,
//!   the tier suggestion and its history, satisfaction, the pyramid and 80/20;
//! - [`relationship`], [`dimensions`], [`dependence`], [`key_board`]: the six-dimension card, its weight, the board, dependence on one person;
//! - [`glance`]: what the customer card's header answers at a glance;
//! - [`trash`], [`settings`], [`drafts`]: soft deletes, per-book preferences, unsaved form text;
//! - [`bulk`]: one action on many customers (the list's multi-select);
//! - [`record`]: the record layer (one trait per kind: columns by name, find,
//!   walk, write, soft-delete); [`kinds`]: the registry every whole-book feature walks;
//! - [`job`]: progress, cancel and a listener for long jobs (imports, exports, the report);
//! - [`handover`], [`handover_notes`], [`checklist`], [`backup`]: carrying a book to another laptop, and backups;
//! - [`report`]: the manager's workbook and visual report;
//! - [`sheet_import`], [`vcard`], [`unfiled`]: bringing an existing book in from spreadsheets and
//!   phones, and the tray of people found without a company;
//! - [`search`]: full-text search and its index;
//! - [`dump`], [`check`], [`demo`]: the tool's contract commands (`baton bench`
//!   lives in the binary, `src/bench/`, outside this library);
//! - [`links`]: the `tel:` and `mailto:` links the app may open;
//! - [`clock`], [`enums`], [`error`], [`paths`], [`sort_key`], [`validate`]: shared pieces.

pub mod activity;
pub mod backup;
pub mod bulk;
pub mod changes;
pub mod check;
pub mod checklist;
pub mod clock;
pub mod contacts;
pub mod customer_list;
pub mod customers;
pub mod deals;
pub mod demo;
pub mod dependence;
pub mod dimensions;
pub mod drafts;
pub mod dump;
pub mod enums;
pub mod error;
pub mod files;
pub mod followups;
pub mod glance;
pub mod handover;
pub mod handover_notes;
pub mod job;
pub mod key_board;
pub mod kinds;
pub mod links;
pub mod paths;
pub mod people;
pub mod record;
pub mod relationship;
pub mod report;
pub mod satisfaction;
pub mod search;
pub mod settings;
pub mod sheet_import;
pub mod sort_key;
pub mod store;
pub mod tiers;
pub mod timeline;
pub mod trash;
pub mod unfiled;
pub mod validate;
pub mod value;
pub mod value_board;
pub mod vcard;

pub use error::{Error, FileProblem, PassphraseProblem, Result, Rule, ValidationError};
pub use store::Store;
