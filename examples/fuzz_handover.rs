//! A mutation fuzzer for the handover file reader that runs on stable Rust
//! (cargo-fuzz needs nightly; `fuzz/` has the same target for libFuzzer).
//!
//!     cargo run --release --example fuzz_handover -- 300
//!
//! Starts from valid files (plain, with notes and checklists), mutates them
//! (byte flips, inserted and deleted ranges, duplicated, swapped and cut
//! lines, numbers and strings replaced), and imports each into a book:
//! every result must be a clean `Ok` or `Err` — no panic — and a refused
//! file must leave the book exactly as it was.

use std::time::{Duration, Instant};

use baton::handover::{self, ExportOptions, ImportOptions};
use baton::{Store, book::dump, demo};

const SNIPPETS: &[&[u8]] = &[
    b"null",
    b"-1",
    b"1e309",
    b"\"\"",
    b"[]",
    b"{}",
    b"\"2026-02-30\"",
    b"\"\\u0000\"",
    b"\"\xe5\x8d\x8e\"",
    b"\"customer\"",
    b"\"person\"",
    b"9999999999999999999999",
    b"true",
    b"\"0190a000-0000-7000-8000-000000000000\"",
];

fn mutate(rng: &mut baton::demo::Rng, seed: &[u8]) -> Vec<u8> {
    let mut b = seed.to_vec();
    for _ in 0..1 + rng.index(4) {
        let len = b.len().max(1);
        match rng.index(8) {
            0 => {
                let i = rng.index(len);
                if i < b.len() {
                    b[i] ^= 1 << rng.index(8);
                }
            }
            1 => {
                let i = rng.index(len);
                let s = SNIPPETS[rng.index(SNIPPETS.len())];
                b.splice(i.min(b.len())..i.min(b.len()), s.iter().copied());
            }
            2 => {
                let i = rng.index(len);
                let j = (i + rng.index(64)).min(b.len());
                b.drain(i.min(b.len())..j);
            }
            3 => b.truncate(rng.index(len)),
            4 | 5 => {
                // Line-level: duplicate, drop or swap lines.
                let mut lines: Vec<Vec<u8>> = b.split(|&c| c == b'\n').map(<[u8]>::to_vec).collect();
                let (i, j) = (rng.index(lines.len()), rng.index(lines.len()));
                match rng.index(3) {
                    0 => {
                        let l = lines[i].clone();
                        lines.insert(j, l);
                    }
                    1 => {
                        lines.remove(i);
                    }
                    _ => lines.swap(i, j),
                }
                b = lines.join(&b'\n');
            }
            6 => {
                // Replace a JSON string value with a snippet.
                let quotes: Vec<usize> = b
                    .iter()
                    .enumerate()
                    .filter(|(_, c)| **c == b'"')
                    .map(|(i, _)| i)
                    .collect();
                if quotes.len() >= 2 {
                    let k = rng.index(quotes.len() - 1);
                    let (i, j) = (quotes[k], quotes[k + 1] + 1);
                    let s = SNIPPETS[rng.index(SNIPPETS.len())];
                    b.splice(i..j, s.iter().copied());
                }
            }
            _ => {
                let i = rng.index(len);
                b.insert(i.min(b.len()), rng.next_u64() as u8);
            }
        }
    }
    b
}

fn dump_of(store: &Store) -> Vec<u8> {
    let mut out = Vec::new();
    store.read(|c| dump::write(c, &mut out)).expect("dump");
    out
}

fn main() {
    let seconds: u64 = std::env::args().nth(1).and_then(|s| s.parse().ok()).unwrap_or(60);
    let dir = tempfile::tempdir().expect("tempdir");
    let source = Store::open(&dir.path().join("source.db")).expect("source");
    demo::fill(&source, 6, 3).expect("demo");
    let seed_path = dir.path().join("seed.baton");
    source
        .read(|c| handover::export(c, &ExportOptions::default(), &seed_path))
        .expect("export");
    let seed = std::fs::read(&seed_path).expect("seed");

    let book = Store::open(&dir.path().join("book.db")).expect("book");
    demo::fill(&book, 3, 9).expect("demo");
    let mut before = dump_of(&book);
    let case = dir.path().join("case.baton");
    let mut rng = baton::demo::Rng::new(0xBA70_2026);
    let (started, mut runs, mut accepted) = (Instant::now(), 0u64, 0u64);
    while started.elapsed() < Duration::from_secs(seconds) {
        let bytes = mutate(&mut rng, &seed);
        std::fs::write(&case, &bytes).expect("write case");
        let dry_run = rng.index(2) == 0;
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            handover::import(
                &book,
                &case,
                &ImportOptions {
                    dry_run,
                    backup_dir: Some(dir.path().join("backups")),
                    ..Default::default()
                },
            )
        }));
        match result {
            Err(_) => {
                let kept = dir.path().join("crash.baton");
                std::fs::write(&kept, &bytes).ok();
                panic!("the reader panicked on a mutated file (kept as {})", kept.display());
            }
            Ok(Ok(_)) if !dry_run => {
                // A mutation that is still a valid file was imported: start
                // the comparison from the new state.
                accepted += 1;
                before = dump_of(&book);
                let _ = std::fs::remove_dir_all(dir.path().join("backups"));
            }
            Ok(Ok(_)) => {}
            Ok(Err(_)) => {
                assert!(dump_of(&book) == before, "a refused file changed the book");
            }
        }
        runs += 1;
    }
    println!("fuzz_handover: {runs} mutated files in {seconds} s, no panic; {accepted} still-valid files imported");
}
