//! The crash harness: `kill -9` at random moments of every write path, then
//! the book must pass `baton check` and hold either the state before the
//! write or the state after it (for loops of small writes: a state some
//! whole number of writes in, never half of one).
//!
//! Runs under `cargo test` (harness = false) with 20 kills per path; the
//! long run is `BATON_CRASH_KILLS=200 cargo test --release --test crash`.
//! Paths: edit (a contact plus the customer's notes, one transaction),
//! trash (delete / restore), import, import-sheet, restore, demo, and the
//! migration of an old book. The writing processes are `baton` itself, or
//! this binary re-run as a child (`--child OP BOOK`) for edits and trash.

#![allow(clippy::unwrap_used)]

mod child;
mod paths;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use baton::demo::Rng;

/// The `baton` binary under test.
pub fn baton() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_baton"));
    c.env_remove("BATON_DB").stdout(Stdio::piped()).stderr(Stdio::piped());
    c
}

/// `baton check` on `book`: the counts per table when it passes, else the failure.
pub fn check(book: &Path) -> Result<String, String> {
    let out = baton().arg("--db").arg(book).arg("check").output().unwrap();
    if out.status.success() {
        // "customers   5 live   0 in trash" per table: the signature of a state.
        Ok(String::from_utf8_lossy(&out.stdout).to_string())
    } else {
        Err(format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ))
    }
}

/// Runs `cmd` to the end, or kills it (SIGKILL) after `after`.
pub fn run_and_kill(mut cmd: Command, after: Duration) -> bool {
    let mut child = cmd.spawn().unwrap();
    let started = Instant::now();
    loop {
        if child.try_wait().unwrap().is_some() {
            return false;
        }
        if started.elapsed() >= after {
            child.kill().unwrap(); // SIGKILL on Unix
            child.wait().unwrap();
            return true;
        }
        std::thread::sleep(Duration::from_micros(200));
    }
}

/// Copies a closed book file (no WAL left once its last connection closed).
pub fn copy_book(from: &Path, to: &Path) {
    for suffix in ["", "-wal", "-shm"] {
        let mut f = from.as_os_str().to_owned();
        f.push(suffix);
        let mut t = to.as_os_str().to_owned();
        t.push(suffix);
        let _ = std::fs::remove_file(&t);
        if Path::new(&f).exists() {
            std::fs::copy(&f, &t).unwrap();
        }
    }
}

/// Judges a state after a kill: (book, check before, check after, check now).
pub type Accept = Box<dyn Fn(&Path, &str, &str, &str) -> Result<(), String>>;

/// One write path under test.
pub struct WritePath {
    pub name: &'static str,
    /// Makes the book the write starts from (in `dir`), returns it.
    pub setup: Box<dyn Fn(&Path) -> PathBuf>,
    /// The write, as a process, on `book`.
    pub write: Box<dyn Fn(&Path) -> Command>,
    /// Whether the state `check` and the book show after a kill is acceptable,
    /// given the states before and after an uninterrupted write.
    pub accept: Accept,
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--child") {
        child::run(&args[i + 1], Path::new(&args[i + 2]));
        return;
    }
    // `cargo test` passes libtest flags (--quiet, filters): nothing to do with them.
    let kills: usize = std::env::var("BATON_CRASH_KILLS")
        .ok()
        .and_then(|k| k.parse().ok())
        .unwrap_or(20);
    let mut rng = Rng::new(
        std::env::var("BATON_CRASH_SEED")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(17),
    );
    let mut failures = Vec::new();
    for path in paths::all() {
        let dir = tempfile::tempdir().unwrap();
        let base = (path.setup)(dir.path());
        // On a copy: `check` brings an old book up to date, which is itself
        // one of the paths under test.
        let probe = dir.path().join("before.db");
        copy_book(&base, &probe);
        let before = check(&probe).unwrap_or_else(|e| panic!("{}: the start book fails check: {e}", path.name));
        // The uninterrupted write: its duration sets the window to kill in.
        let full = dir.path().join("full.db");
        copy_book(&base, &full);
        let started = Instant::now();
        let out = (path.write)(&full).output().unwrap();
        let took = started.elapsed();
        let after = check(&full).unwrap();
        // (The migration path's command fails after migrating: its .vcf does not exist.)
        if !out.status.success() && path.name != "migration" {
            panic!(
                "{}: the write failed: {}",
                path.name,
                String::from_utf8_lossy(&out.stderr)
            );
        }
        let (mut killed, mut interrupted_states) = (0, 0);
        for k in 0..kills {
            let book = dir.path().join(format!("k{k}.db"));
            copy_book(&base, &book);
            let at = Duration::from_micros(rng.below(took.as_micros() as u64 * 11 / 10 + 1));
            if run_and_kill((path.write)(&book), at) {
                killed += 1;
            }
            match check(&book) {
                Err(e) => failures.push(format!("{} kill {k} at {at:?}: check fails: {e}", path.name)),
                Ok(state) => {
                    if state != before && state != after {
                        interrupted_states += 1;
                    }
                    if let Err(e) = (path.accept)(&book, &before, &after, &state) {
                        failures.push(format!("{} kill {k} at {at:?}: {e}", path.name));
                    }
                }
            }
            for suffix in ["", "-wal", "-shm", ".lock"] {
                let mut f = book.as_os_str().to_owned();
                f.push(suffix);
                let _ = std::fs::remove_file(f);
            }
        }
        println!(
            "crash: {:<13} {kills} runs, {killed} killed before the end (the whole write takes {took:?}), {interrupted_states} in-between states accepted",
            path.name
        );
    }
    if !failures.is_empty() {
        for f in &failures {
            eprintln!("crash: FAILED {f}");
        }
        std::process::exit(1);
    }
    println!("crash: every killed write left a whole book, before or after");
}
