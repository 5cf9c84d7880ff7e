//! The error that crosses IPC: `{code, message}` plus, for invalid input, the
//! field and the rule, so the UI can say it in the user's language next to
//! the right field. Never a bare string.

use baton::Rule;
use serde::Serialize;

/// An error as the UI receives it (mirrored by `ui/src/lib/api/ipc.ts`).
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct IpcError {
    /// Stable code from [`baton::Error::code`].
    pub code: &'static str,
    /// English description, for logs and as a fallback.
    pub message: String,
    /// For `invalid`: the dotted field path.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub field: Option<String>,
    /// For `invalid`: the rule broken, with its parameters.
    /// (Boxed, like `problems`, so every command's `Result` stays small.)
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub rule: Option<Box<Rule>>,
    /// The file the error is about (the book, an output, an input), so the
    /// UI can name it in the user's language.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    /// (Boxed, like `rule`, so every command's `Result` stays small.)
    pub path: Option<Box<str>>,
    /// For `io`: `not_found`, `permission`, `disk_full`, `read_only` or `other`.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub io_kind: Option<IoKind>,
    /// For `bad_file`: every problem found in a handover file, with where.
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    #[ts(optional, as = "Option<Vec<baton::FileProblem>>")]
    pub problems: Box<[baton::FileProblem]>,
}

impl From<baton::Error> for IpcError {
    fn from(e: baton::Error) -> Self {
        let (field, rule) = match &e {
            baton::Error::Invalid(v) => (Some(v.field.clone()), Some(Box::new(v.rule.clone()))),
            _ => (None, None),
        };
        let problems = match &e {
            baton::Error::BadFile(p) => p.iter().take(50).cloned().collect(),
            _ => Vec::new(),
        }
        .into_boxed_slice();
        // Every error a command returns is in the support log, by its code,
        // field and kind of file failure; never its message, which may quote
        // what was typed.
        tracing::warn!(
            code = e.code(),
            field = field.as_deref(),
            io_kind = e.io_kind(),
            problems = problems.len(),
            "a command failed"
        );
        IpcError {
            code: e.code(),
            message: e.to_string(),
            field,
            rule,
            path: e.path().map(Box::from),
            io_kind: e.io_kind().map(IoKind::from),
            problems,
        }
    }
}

/// What kind of OS failure an `io` error was (see [`baton::Error::io_kind`]).
#[derive(Debug, Clone, Copy, Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum IoKind {
    NotFound,
    Permission,
    DiskFull,
    ReadOnly,
    Other,
}

impl From<&str> for IoKind {
    fn from(kind: &str) -> Self {
        match kind {
            "not_found" => IoKind::NotFound,
            "permission" => IoKind::Permission,
            "disk_full" => IoKind::DiskFull,
            "read_only" => IoKind::ReadOnly,
            _ => IoKind::Other,
        }
    }
}

/// What every command returns.
pub type CmdResult<T> = Result<T, IpcError>;
