//! What the check step says of a value it kept elsewhere than its column
//! meant, or of a second row that said something else: a sentence for the
//! command line (`message`, English) and the same as data (`why`) that the
//! app words in the user's language.

use serde::Serialize;

use super::mapping::Field;

/// A value kept in another place than its column meant (an optional field
/// whose word Baton does not know), so the row is not refused for it; or a
/// row that differs from an earlier one of the same company.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[ts(rename = "SheetWarning")]
pub struct Warning {
    /// The source line or row.
    pub line: u64,
    /// The column's header (empty when `field` says it).
    pub column: String,
    /// The field, when the warning is about a field rather than a column.
    pub field: Option<Field>,
    /// What was kept, and where (English).
    pub message: String,
    /// The same, as data.
    #[serde(flatten)]
    pub why: Why,
}

/// Why a warning was given.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(tag = "why", rename_all = "snake_case")]
#[ts(rename = "SheetWhy")]
pub enum Why {
    /// A value Baton cannot read, kept as a note line.
    Unread {
        /// The value as the sheet writes it.
        value: String,
        /// What the column needs.
        expected: Expected,
        /// Whose notes keep it.
        kept_in: Whose,
        /// Whether the value can be mapped (an enumeration's word).
        mappable: bool,
    },
    /// A day outside what the record may have, kept as a note line.
    DayOutOfRange {
        /// The day.
        value: String,
        /// The earliest allowed.
        min: String,
        /// The latest allowed.
        max: String,
    },
    /// A history value with no day to make it a record, kept as a note line.
    NoDay {
        /// Which record lacks its day.
        of: DayOf,
        /// The value.
        value: String,
    },
    /// A later row of the company gives another value; the first is kept.
    Differs {
        /// The later row's value.
        value: String,
        /// The value kept.
        kept: String,
        /// The row the kept value came from.
        first_line: u64,
    },
    /// The notes would pass their length limit; this row's note was left out.
    NotesFull {
        /// The limit, in characters.
        max: usize,
    },
}

/// What kind of value a column needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum Expected {
    Date,
    Number,
    Status,
    Tier,
    Amount,
}

/// Whose notes keep a value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum Whose {
    Customer,
    Person,
}

/// The record a history value would have made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum DayOf {
    Contact,
    NextStep,
    Order,
}

impl Whose {
    fn notes(self) -> &'static str {
        match self {
            Whose::Customer => "the customer's notes",
            Whose::Person => "the person's notes",
        }
    }
}

impl Warning {
    /// A value kept as a note line of `kept_in` because `reason`.
    pub fn kept(line: u64, column: String, reason: &str, why: Why) -> Warning {
        let whose = match &why {
            Why::Unread { kept_in, mappable, .. } => {
                let hint = if *mappable { " (map the value to import it)" } else { "" };
                format!("kept in {}{hint}", kept_in.notes())
            }
            _ => "kept in the customer's notes".to_string(),
        };
        Warning {
            line,
            column,
            field: None,
            message: format!("{reason}; {whose}"),
            why,
        }
    }

    /// A field whose later row differs from the value kept.
    pub fn differs(line: u64, field: Field, value: &str, kept: &str, first_line: u64) -> Warning {
        Warning {
            line,
            column: String::new(),
            field: Some(field),
            message: format!("{value:?} differs from {kept:?} on line {first_line}; {kept:?} is kept"),
            why: Why::Differs {
                value: value.to_string(),
                kept: kept.to_string(),
                first_line,
            },
        }
    }
}
