//! Bringing a book in and taking it out, other than by handover: spreadsheet
//! and phone (vCard) imports, the unfiled tray of people found without a
//! company, and the manager's report.

pub mod report;
pub mod sheet;
pub mod unfiled;
pub mod vcard;
