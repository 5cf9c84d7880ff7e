//! Single-record write latency with `synchronous=FULL` (what the book uses:
//! a save survives a power cut) against `NORMAL` (what it used before: a
//! crash-safe but not power-cut-safe commit), on the same file book.
//!
//!     cargo run --release --example write_latency -- [CUSTOMERS] [WRITES]
//!
//! Alternates the two settings write by write, so both see the same book
//! and the same disk state, and prints median and p95 of each.

use std::time::Instant;

use baton::{Store, customers};

fn percentile(sorted: &[f64], p: f64) -> f64 {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

fn main() {
    let mut args = std::env::args().skip(1);
    let n: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(2000);
    let writes: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(200);
    let dir = tempfile::tempdir_in(".").expect("temp dir on the same disk as the project");
    let store = Store::open(&dir.path().join("latency.db")).expect("book");
    baton::demo::fill(&store, n, 1).expect("demo");
    let ids: Vec<String> = store
        .read(|c| {
            let mut s = c.prepare("SELECT id FROM customers LIMIT 50")?;
            Ok(s.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?)
        })
        .expect("ids");
    let mut times = [Vec::new(), Vec::new()];
    for i in 0..writes * 2 {
        let mode = i % 2;
        store
            .conn()
            .pragma_update(None, "synchronous", if mode == 0 { "full" } else { "normal" })
            .expect("pragma");
        let id = &ids[i % ids.len()];
        let started = Instant::now();
        store
            .write(|tx| {
                let mut card = customers::get(tx, id)?.card;
                card.notes = format!("edit {i}");
                customers::update(tx, id, card)
            })
            .expect("edit");
        times[mode].push(started.elapsed().as_secs_f64() * 1000.0);
    }
    for (mode, t) in ["FULL", "NORMAL"].iter().zip(times.iter_mut()) {
        t.sort_by(f64::total_cmp);
        println!(
            "synchronous={mode:<6} edit a customer: median {:.2} ms, p95 {:.2} ms ({} writes, {n} customers)",
            percentile(t, 0.5),
            percentile(t, 0.95),
            t.len()
        );
    }
}
