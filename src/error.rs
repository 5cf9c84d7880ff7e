//! The one error type of the core.
//!
//! Every error has a stable machine [`Error::code`] so the desktop shell can
//! send `{code, message}` across IPC and the UI can say it in the user's
//! language. Validation errors carry the field and the broken [`Rule`] as data,
//! not only as prose, for the same reason.

use serde::Serialize;

/// Result alias used throughout the core.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// What a value broke. Serialised for the UI, which words it per language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(tag = "rule", rename_all = "snake_case")]
pub enum Rule {
    /// The field must not be empty.
    Required,
    /// Longer than `max` characters.
    TooLong { max: usize },
    /// More than `max` items in a list.
    TooMany { max: usize },
    /// Not a real calendar date in `YYYY-MM-DD` form.
    BadDate,
    /// A real date, but outside what makes sense (e.g. in the future).
    DateOutOfRange { min: String, max: String },
    /// Not one of the allowed values.
    UnknownValue { value: String, allowed: Vec<String> },
    /// A number outside `min..=max`.
    OutOfRange { min: i64, max: i64 },
    /// The value could not be read at all (wrong type, bad JSON).
    Malformed { detail: String },
    /// A reference to a key person who is not (or no longer) one of this customer's.
    NotOfCustomer { id: String },
    /// A date that must not come before another one does.
    BeforeDate { date: String },
}

/// A rejected value: which field, and which rule it broke.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ValidationError {
    /// Dotted path of the field, e.g. `customer.name` or `person.known_by[2].name`.
    pub field: String,
    /// The rule the value broke.
    #[serde(flatten)]
    pub rule: Rule,
}

impl std::fmt::Display for ValidationError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let field = &self.field;
        match &self.rule {
            Rule::Required => write!(f, "{field}: must not be empty"),
            Rule::TooLong { max } => write!(f, "{field}: longer than {max} characters"),
            Rule::TooMany { max } => write!(f, "{field}: more than {max} items"),
            Rule::BadDate => write!(f, "{field}: not a real date (expected YYYY-MM-DD)"),
            Rule::DateOutOfRange { min, max } => {
                write!(f, "{field}: date must be between {min} and {max}")
            }
            Rule::UnknownValue { value, allowed } => {
                write!(f, "{field}: unknown value {value:?} (allowed: {})", allowed.join(", "))
            }
            Rule::OutOfRange { min, max } => write!(f, "{field}: must be between {min} and {max}"),
            Rule::Malformed { detail } => write!(f, "{field}: {detail}"),
            Rule::NotOfCustomer { id } => write!(f, "{field}: {id} does not belong to this customer"),
            Rule::BeforeDate { date } => write!(f, "{field}: must not be before {date}"),
        }
    }
}

/// Everything that can go wrong in the core.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Input was rejected before anything was written.
    #[error("invalid input: {0}")]
    Invalid(ValidationError),
    /// A record that should exist does not (or is in the trash).
    #[error("{kind} {id} not found")]
    NotFound { kind: &'static str, id: String },
    /// The book was written by a newer Baton; we refuse to touch it.
    #[error(
        "this book uses schema version {found}, but this Baton only understands up to version {supported}; \
         update Baton to open it (the file was not modified)"
    )]
    NewerSchema { found: i64, supported: i64 },
    /// Another Baton (window or command) is writing to this book.
    #[error("the book {path} is in use by {holder}; close it there first (nothing was changed)")]
    BookLocked { path: String, holder: String },
    /// There is no book at the path (missing or an empty file), and this
    /// command does not create one.
    #[error("there is no Baton book at {path} ({why}); nothing was created")]
    NoBook { path: String, why: String },
    /// The file is not a Baton book (another program's SQLite file, or not
    /// SQLite at all); it was left untouched.
    #[error("{path} is not a Baton book ({why}); it was not changed")]
    NotABook { path: String, why: String },
    /// The book is on a read-only medium or marked read-only: it can be
    /// read, not written.
    #[error("the book {path} is read-only (its file or folder cannot be written); nothing was changed")]
    ReadOnly { path: String },
    /// SQLite could not get the book within the busy timeout: another
    /// program holds it.
    #[error("the book {path} is busy (another program is writing to it); try again in a moment")]
    Busy { path: String },
    /// An output file would replace the open book, its companions or a backup.
    #[error(
        "{path} is the open book or belongs to it (its journal, lock or backups); Baton never writes an output over it"
    )]
    Protected { path: String },
    /// An operation that needs an empty book found records in it.
    #[error("{0}")]
    NotEmpty(String),
    /// A file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    /// SQLite reported an error.
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// JSON (de)serialisation of stored data failed.
    #[error("stored data is damaged: {0}")]
    Corrupt(String),
    /// A file to import (handover, spreadsheet) failed validation; nothing was written.
    #[error("{} problem(s) in the file, nothing was imported; first: {}", .0.len(), .0.first().map(|p| p.to_string()).unwrap_or_default())]
    BadFile(Vec<FileProblem>),
    /// A handover file written by a newer Baton.
    #[error(
        "this handover file uses format version {found}, but this Baton reads up to version {supported}; \
         update Baton to import it (nothing was imported)"
    )]
    NewerFormat { found: i64, supported: i64 },
    /// A file that would be overwritten already exists (the path).
    #[error("{0} already exists; it was not overwritten")]
    Exists(String),
    /// The user cancelled a long operation; nothing was written.
    #[error("cancelled; nothing was written")]
    Cancelled,
    /// The handover file's passphrase is missing or wrong, or its
    /// encryption is one Baton does not accept.
    #[error("{message}")]
    Passphrase {
        problem: PassphraseProblem,
        message: String,
    },
}

/// Why a passphrase-protected file could not be opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PassphraseProblem {
    /// The file is encrypted and no passphrase was given.
    Missing,
    /// The passphrase does not decrypt it.
    Wrong,
    /// Encrypted to a key, not a passphrase.
    NotPassphrase,
    /// It demands more scrypt work than Baton accepts.
    TooMuchWork,
}

/// One problem found in a handover file, and where it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct FileProblem {
    /// 1-based line of the document (0: the file as a whole).
    pub line: usize,
    /// The record kind, if the line had one.
    pub kind: Option<String>,
    /// The record id, if known.
    pub id: Option<String>,
    /// The field, if the problem is in one.
    pub field: Option<String>,
    /// What is wrong.
    pub message: String,
}

impl std::fmt::Display for FileProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.line > 0 {
            write!(f, "line {}", self.line)?;
        } else {
            write!(f, "file")?;
        }
        if let Some(kind) = &self.kind {
            write!(f, ", {kind}")?;
        }
        if let Some(id) = &self.id {
            write!(f, " {id}")?;
        }
        if let Some(field) = &self.field {
            write!(f, ", {field}")?;
        }
        write!(f, ": {}", self.message)
    }
}

impl Error {
    /// Stable machine-readable code, mirrored by the UI's message table.
    pub fn code(&self) -> &'static str {
        match self {
            Error::Invalid(_) => "invalid",
            Error::NotFound { .. } => "not_found",
            Error::NewerSchema { .. } => "newer_schema",
            Error::BookLocked { .. } => "book_locked",
            Error::NoBook { .. } => "no_book",
            Error::NotABook { .. } => "not_a_book",
            Error::ReadOnly { .. } => "read_only",
            Error::Busy { .. } => "busy",
            Error::Protected { .. } => "protected_path",
            Error::NotEmpty(_) => "not_empty",
            Error::Io { .. } => "io",
            Error::Sqlite(_) => "database",
            Error::Corrupt(_) => "corrupt",
            Error::BadFile(_) => "bad_file",
            Error::NewerFormat { .. } => "newer_format",
            Error::Cancelled => "cancelled",
            Error::Exists(_) => "exists",
            Error::Passphrase { problem, .. } => match problem {
                PassphraseProblem::Missing => "passphrase_missing",
                PassphraseProblem::Wrong => "passphrase_wrong",
                PassphraseProblem::NotPassphrase => "passphrase_unsupported",
                PassphraseProblem::TooMuchWork => "passphrase_work",
            },
        }
    }

    /// Shorthand for a validation error.
    pub fn invalid(field: impl Into<String>, rule: Rule) -> Self {
        Error::Invalid(ValidationError {
            field: field.into(),
            rule,
        })
    }

    /// Shorthand for a passphrase problem.
    pub fn passphrase(problem: PassphraseProblem, message: impl Into<String>) -> Self {
        Error::Passphrase {
            problem,
            message: message.into(),
        }
    }

    /// Whether SQLite refused a write because the file or medium is read-only.
    pub fn is_read_only(&self) -> bool {
        matches!(self, Error::ReadOnly { .. })
            || matches!(self, Error::Sqlite(e) if matches!(
                e.sqlite_error_code(),
                Some(rusqlite::ErrorCode::ReadOnly | rusqlite::ErrorCode::CannotOpen)
            ))
    }

    /// Whether another connection kept the book busy past the timeout.
    pub fn is_busy(&self) -> bool {
        matches!(self, Error::Busy { .. })
            || matches!(self, Error::Sqlite(e) if matches!(
                e.sqlite_error_code(),
                Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
            ))
    }

    /// The file this error is about, if it names one (for the UI's message).
    pub fn path(&self) -> Option<&str> {
        match self {
            Error::BookLocked { path, .. }
            | Error::NoBook { path, .. }
            | Error::NotABook { path, .. }
            | Error::ReadOnly { path }
            | Error::Busy { path }
            | Error::Protected { path }
            | Error::Io { path, .. } => Some(path),
            Error::Exists(path) => Some(path),
            _ => None,
        }
    }

    /// For an I/O error, what kind of failure it was, in words the UI
    /// translates: `not_found`, `permission`, `disk_full`, `read_only`, `other`.
    pub fn io_kind(&self) -> Option<&'static str> {
        let Error::Io { source, .. } = self else { return None };
        use std::io::ErrorKind as K;
        Some(match source.kind() {
            K::NotFound => "not_found",
            K::PermissionDenied => "permission",
            K::StorageFull | K::QuotaExceeded | K::FileTooLarge => "disk_full",
            K::ReadOnlyFilesystem => "read_only",
            _ => "other",
        })
    }

    /// Shorthand for an I/O error on `path`.
    pub fn io(path: &std::path::Path, source: std::io::Error) -> Self {
        Error::Io {
            path: path.display().to_string(),
            source,
        }
    }
}
