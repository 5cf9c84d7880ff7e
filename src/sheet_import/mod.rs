//! Bringing an existing book in (导入): customers and their key people from
//! a spreadsheet (.xlsx, .xls, .csv, .txt) saved by Excel, WPS or anything
//! else, in any of the encodings Chinese tools write.
//!
//! Three steps, each usable alone (the app shows the middle one):
//! 1. [`read`] the file into a [`Table`] of text (encoding, separator,
//!    header row found under titles and empty rows);
//! 2. [`plan`] it with a [`Mapping`] of columns to fields: rows grouped by
//!    company, values typed (dates, numbers), every problem named by row and
//!    column, duplicates found against the book;
//! 3. [`apply`] the plan in one transaction after a backup, each duplicate
//!    skipped, updated or created as chosen.

mod apply;
mod decode;
mod mapping;
mod plan;
mod rejected;
mod table;
pub mod values;

pub use apply::{Choice, SheetImportOptions, SheetReport, apply};
pub use decode::Detected;
pub use mapping::{Field, Mapping, guess};
pub use plan::{Duplicate, Plan, PlannedCustomer, PlannedPerson, Rejected, plan};
pub use rejected::write_rejected;
pub use table::{SourceRow, Table, read, read_text};
