//! Handover files that are not what they claim: the malformed corpus
//! (every line of a valid file broken one way at a time) is refused with
//! where, and the book is left unchanged. The helpers build valid files for
//! other modules' tests to break too.

use std::path::{Path, PathBuf};

use baton::handover::{self, ExportOptions, ImportOptions};
use baton::{Error, Store, demo};
use sha2::{Digest, Sha256};

use crate::handover::{dump_of, export, opts};

/// A small valid file's lines, for the malformed corpus to break.
pub(crate) fn valid_lines(dir: &Path) -> Vec<String> {
    let store = Store::open(&dir.join("src.db")).unwrap();
    demo::fill(&store, 3, 1).unwrap();
    let file = dir.join("valid.baton");
    export(&store, &file, &ExportOptions::default());
    std::fs::read_to_string(file)
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect()
}

/// Writes `lines` as a file whose header counts and checksum match its payload.
pub(crate) fn sealed(dir: &Path, name: &str, mut lines: Vec<String>) -> PathBuf {
    let payload: String = lines[1..].iter().map(|l| format!("{l}\n")).collect();
    let mut header: serde_json::Value = serde_json::from_str(&lines[0]).unwrap();
    header["payload_sha256"] = hex(&Sha256::digest(payload.as_bytes())).into();
    lines[0] = header.to_string();
    let path = dir.join(name);
    std::fs::write(&path, format!("{}\n{payload}", lines[0])).unwrap();
    path
}

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

/// Replaces the first line of `kind` with what `f` makes of its record.
pub(crate) fn edit(lines: &[String], kind: &str, f: impl Fn(&mut serde_json::Value)) -> Vec<String> {
    let mut out = lines.to_vec();
    let i = out
        .iter()
        .position(|l| l.contains(&format!("\"kind\":\"{kind}\"")))
        .unwrap();
    let mut v: serde_json::Value = serde_json::from_str(&out[i]).unwrap();
    f(&mut v["record"]);
    out[i] = v.to_string();
    out
}

#[test]
fn malformed_files_are_refused_with_where_and_leave_the_book_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let lines = valid_lines(d);
    let first = |kind: &str| {
        lines
            .iter()
            .position(|l| l.contains(&format!("\"kind\":\"{kind}\"")))
            .unwrap()
    };
    let mut corpus: Vec<(&str, PathBuf, &str)> = Vec::new();
    let raw = |name: &str, bytes: &[u8]| {
        let p = d.join(name);
        std::fs::write(&p, bytes).unwrap();
        p
    };
    corpus.push(("empty file", raw("empty", b""), "empty"));
    corpus.push((
        "not JSON",
        raw("text", b"hello, this is not a handover\n"),
        "not a Baton handover header",
    ));
    corpus.push(("binary garbage", raw("bin", &[0u8, 159, 146, 150, 255, 0, 1]), "line 1"));
    let mut h: serde_json::Value = serde_json::from_str(&lines[0]).unwrap();
    h["format"] = "something-else".into();
    corpus.push((
        "another format",
        raw("format", format!("{h}\n").as_bytes()),
        "not a Baton handover file",
    ));
    let mut h: serde_json::Value = serde_json::from_str(&lines[0]).unwrap();
    h["format_version"] = (baton::handover::FORMAT_VERSION + 1).into();
    let future = [vec![h.to_string()], lines[1..].to_vec()].concat();
    let newer = format!("format version {}", baton::handover::FORMAT_VERSION + 1);
    corpus.push(("future version", sealed(d, "future", future), newer.leak()));
    let mut h: serde_json::Value = serde_json::from_str(&lines[0]).unwrap();
    h["format_version"] = 0.into();
    corpus.push((
        "version zero",
        sealed(d, "zero", [vec![h.to_string()], lines[1..].to_vec()].concat()),
        "format_version",
    ));
    let mut h: serde_json::Value = serde_json::from_str(&lines[0]).unwrap();
    h.as_object_mut().unwrap().remove("counts");
    corpus.push((
        "header missing counts",
        sealed(d, "nocounts", [vec![h.to_string()], lines[1..].to_vec()].concat()),
        "counts",
    ));
    let full = std::fs::read(d.join("valid.baton")).unwrap();
    corpus.push(("truncated", raw("truncated", &full[..full.len() - 40]), "truncated"));
    let mut tampered = lines.clone();
    let i = first("customer");
    tampered[i] = tampered[i].replacen("\"name\":\"", "\"name\":\"X", 1);
    let tampered_text: String = tampered.iter().map(|l| format!("{l}\n")).collect();
    corpus.push(("wrong checksum", raw("checksum", tampered_text.as_bytes()), "checksum"));
    let mut fewer = lines.clone();
    fewer.remove(first("person"));
    corpus.push(("counts disagree", sealed(d, "counts", fewer), "declares"));
    let mut dup = lines.clone();
    dup.insert(first("customer"), lines[first("customer")].clone());
    let mut h: serde_json::Value = serde_json::from_str(&dup[0]).unwrap();
    h["counts"]["customer"] = (h["counts"]["customer"].as_u64().unwrap() + 1).into();
    dup[0] = h.to_string();
    corpus.push(("duplicate ids", sealed(d, "dup", dup), "appears twice"));
    corpus.push((
        "dangling reference",
        sealed(
            d,
            "dangling",
            edit(&lines, "person", |r| {
                r["customer_id"] = "0190a000-0000-7000-8000-00000000dead".into()
            }),
        ),
        "neither in the file nor in this book",
    ));
    corpus.push((
        "invalid date",
        sealed(
            d,
            "date",
            edit(&lines, "customer", |r| r["founded_on"] = "2026-13-45".into()),
        ),
        "founded_on",
    ));
    corpus.push((
        "wrong type",
        sealed(d, "type", edit(&lines, "customer", |r| r["name"] = 42.into())),
        "customer.name",
    ));
    corpus.push((
        "over-long text",
        sealed(
            d,
            "long",
            edit(&lines, "customer", |r| r["name"] = "长".repeat(500).into()),
        ),
        "name",
    ));
    corpus.push((
        "huge string",
        sealed(
            d,
            "huge",
            edit(&lines, "customer", |r| r["notes"] = "x".repeat(9 << 20).into()),
        ),
        "longer than",
    ));
    let deep = format!("{}{}", "[".repeat(5000), "]".repeat(5000));
    corpus.push((
        "deeply nested JSON",
        sealed(d, "deep", {
            let mut l = lines.clone();
            let i = first("customer");
            l[i] = l[i].replacen("\"record\":{", &format!("\"record\":{{\"nested\":{deep},"), 1);
            l
        }),
        "recursion limit",
    ));
    let mut bad_utf8 = full.clone();
    let at = bad_utf8.windows(8).position(|w| w == b"\"name\":\"").unwrap() + 8;
    bad_utf8.splice(at..at, [0xff, 0xfe]);
    corpus.push(("non-UTF-8", raw("utf8", &bad_utf8), "line"));
    corpus.push((
        "unknown kind",
        sealed(d, "kind", {
            let mut l = lines.clone();
            let i = first("deal");
            l[i] = l[i].replacen("\"kind\":\"deal\"", "\"kind\":\"invoice\"", 1);
            l
        }),
        "unknown record kind",
    ));
    corpus.push((
        "extra field in a line",
        sealed(d, "extra", {
            let mut l = lines.clone();
            let i = first("deal");
            l[i] = l[i].replacen("{\"kind\"", "{\"oops\":1,\"kind\"", 1);
            l
        }),
        "unknown field",
    ));
    corpus.push((
        "record without id",
        sealed(
            d,
            "noid",
            edit(&lines, "deal", |r| {
                r.as_object_mut().unwrap().remove("id");
            }),
        ),
        "no id",
    ));
    corpus.push((
        "id not a UUID",
        sealed(d, "badid", edit(&lines, "deal", |r| r["id"] = "42".into())),
        "UUID",
    ));
    corpus.push((
        "out of order",
        sealed(d, "order", {
            let mut l = lines.clone();
            let p = l.remove(first("person"));
            l.insert(1, p);
            l
        }),
        "out of order",
    ));
    corpus.push((
        "unknown enum value",
        sealed(d, "enum", edit(&lines, "customer", |r| r["status"] = "vip".into())),
        "status",
    ));
    corpus.push((
        "contact dated in the future",
        sealed(
            d,
            "future-contact",
            edit(&lines, "contact", |r| {
                r["happened_at"] = "2099-01-01T00:00:00.000Z".into()
            }),
        ),
        "happened_at",
    ));
    corpus.push((
        "follow-up of a missing contact",
        sealed(
            d,
            "fu",
            edit(&lines, "follow_up", |r| {
                r["contact_id"] = "0190a000-0000-7000-8000-00000000beef".into()
            }),
        ),
        "contact_id",
    ));
    corpus.push((
        "header only, records declared",
        raw("headeronly", format!("{}\n", lines[0]).as_bytes()),
        "declares",
    ));
    assert!(corpus.len() >= 25, "{} cases", corpus.len());

    let book = Store::open(&d.join("target.db")).unwrap();
    demo::fill(&book, 5, 99).unwrap();
    let before = dump_of(&book);
    for (what, path, needle) in &corpus {
        let result = handover::import(&book, path, &opts());
        let message = match &result {
            Err(Error::BadFile(problems)) => problems.iter().map(|p| p.to_string()).collect::<Vec<_>>().join("\n"),
            Err(e @ Error::NewerFormat { .. }) => e.to_string(),
            other => panic!("{what}: expected a refusal, got {other:?}"),
        };
        assert!(message.contains(needle), "{what}: {needle:?} not in {message:.400}");
        assert_eq!(dump_of(&book), before, "{what}: the book changed");
    }
    // Dry runs of bad files are refused the same way.
    assert!(
        handover::import(
            &book,
            &corpus[8].1,
            &ImportOptions {
                dry_run: true,
                ..Default::default()
            }
        )
        .is_err()
    );
}
