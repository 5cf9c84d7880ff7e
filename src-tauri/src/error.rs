//! The error that crosses IPC: `{code, message}` plus, for invalid input, the
//! field and the rule, so the UI can say it in the user's language next to
//! the right field. Never a bare string.

use baton::Rule;
use serde::Serialize;

/// An error as the UI receives it (mirrored by `ui/src/lib/api/ipc.ts`).
#[derive(Debug, Clone, Serialize)]
pub struct IpcError {
    /// Stable code from [`baton::Error::code`].
    pub code: &'static str,
    /// English description, for logs and as a fallback.
    pub message: String,
    /// For `invalid`: the dotted field path.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// For `invalid`: the rule broken, with its parameters.
    /// (Boxed, like `problems`, so every command's `Result` stays small.)
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule: Option<Box<Rule>>,
    /// For `bad_file`: every problem found in a handover file, with where.
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
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
        IpcError {
            code: e.code(),
            message: e.to_string(),
            field,
            rule,
            problems,
        }
    }
}

/// What every command returns.
pub type CmdResult<T> = Result<T, IpcError>;
