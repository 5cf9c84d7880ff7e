//! Spreadsheet and phone imports, the unfiled tray, the manager's report.

pub mod report;
pub mod sheet;
pub mod unfiled;
