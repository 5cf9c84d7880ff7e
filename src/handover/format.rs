//! The handover file's header and payload lines (docs/handover-format.md).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// The value of the header's `format` field.
pub const FORMAT: &str = "baton-handover";
/// The format version this Baton writes, and the newest it reads.
/// 2 added follow-up changes and the trash for every history kind; a
/// version 1 file reads as one without them.
pub const FORMAT_VERSION: i64 = 2;

/// What was exported.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
pub struct Scope {
    /// True for the whole book (then the lists are empty).
    pub whole_book: bool,
    /// Customers chosen by id.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub customers: Vec<String>,
    /// Customers chosen by tier.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tiers: Vec<String>,
    /// Customers chosen by tag.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// Customers chosen by status.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub statuses: Vec<String>,
}

/// Line 1 of the document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
#[ts(rename = "HandoverHeader")]
pub struct Header {
    /// Always [`FORMAT`].
    pub format: String,
    /// The format version the file follows.
    pub format_version: i64,
    /// The Baton that wrote it.
    pub app_version: String,
    /// The writer's book schema version (informative).
    pub schema_version: i64,
    /// When (UTC, RFC 3339).
    pub exported_at: String,
    /// By whom (the writer's "my name").
    pub exported_by: String,
    /// What was exported.
    pub scope: Scope,
    /// Payload lines per record kind (every kind, zeros included).
    pub counts: BTreeMap<String, u64>,
    /// Lowercase hex SHA-256 of every byte after the header line.
    pub payload_sha256: String,
}

/// One payload line.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Line {
    /// The record kind's name.
    pub kind: String,
    /// The record, as `baton dump` prints it.
    pub record: serde_json::Value,
}

/// Lowercase hex of a digest.
pub(crate) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
