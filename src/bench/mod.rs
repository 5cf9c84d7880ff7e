//! `baton bench`: how fast the book is at realistic size, in figures.
//!
//! Builds a demo book (100k customers by default), then times each
//! operation the app performs next to a *reference*: hand-written SQL on
//! the same data in the same run. Where one statement can return the
//! operation's own rows and columns, the reference does exactly that
//! ("same work"), so the ratio shows what the app's own layers cost;
//! where the operation is computed in Rust it is the nearest plain read,
//! and the report says which (references.rs). Prints medians and p95.
//! Not a test: nothing here asserts a time.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use baton::customers;
use baton::enums::Channel;
use baton::error::Result;
use baton::history::contacts::ContactDraft;
use baton::views::list::ListQuery;
use baton::{Store, customers::changes, customers::people, demo};

mod book;
mod lists;
mod output;
mod references;
#[cfg(test)]
mod references_test;
mod throughput;

pub use output::{json, table};
pub use references::ReferenceIs;

/// One measured operation.
#[derive(Debug, Clone)]
pub struct Figure {
    /// What was measured.
    pub name: String,
    /// Median of the runs.
    pub median: Duration,
    /// 95th percentile of the runs.
    pub p95: Duration,
    /// Median of the reference query, if there is one.
    pub reference: Option<Duration>,
    /// Whether that reference does the operation's own work.
    pub reference_is: Option<ReferenceIs>,
}

/// Bench settings.
#[derive(Debug, Clone)]
pub struct BenchOptions {
    /// Customers in the generated book.
    pub customers: usize,
    /// Demo seed.
    pub seed: u64,
    /// Repetitions per operation.
    pub runs: usize,
    /// Where to build the book (removed afterwards unless `keep` or `reuse`).
    pub path: PathBuf,
    /// Keep the book file after the run.
    pub keep: bool,
    /// Measure an existing scratch book (one an earlier `--keep` run built)
    /// instead of building a new one; built if there is none; kept either way.
    pub reuse: bool,
    /// Leave out the throughput figures (sheet, report, handover).
    pub interactive_only: bool,
}

/// What a run measured.
#[derive(Debug, Clone)]
pub struct BenchReport {
    /// One figure per operation.
    pub figures: Vec<Figure>,
    /// The book's file size after the run.
    pub book_bytes: u64,
    /// Its pages in use, split into records and search indexes.
    pub split: book::Split,
    /// Seconds the demo took to build the book (none when reused).
    pub demo_seconds: Option<f64>,
    /// The process's memory while each form of the report was written
    /// (none with `interactive_only`).
    pub report_memory: Vec<throughput::ReportMemory>,
}

/// The settings key that marks a book as the bench's own scratch book, so
/// `reuse` can never write bench data into someone's real book.
const SCRATCH_MARK: &str = "bench_scratch";

fn time<T>(runs: usize, mut f: impl FnMut(usize) -> Result<T>) -> Result<(Duration, Duration)> {
    let mut samples = Vec::with_capacity(runs);
    for i in 0..runs {
        let start = Instant::now();
        std::hint::black_box(f(i)?);
        samples.push(start.elapsed());
    }
    samples.sort();
    let median = samples[samples.len() / 2];
    let p95 = samples[((samples.len() * 95).div_ceil(100))
        .saturating_sub(1)
        .min(samples.len() - 1)];
    Ok((median, p95))
}

/// Builds the book and measures; `report` is called with progress lines.
pub fn run(opts: &BenchOptions, mut report: impl FnMut(&str)) -> Result<BenchReport> {
    let runs = opts.runs.max(1);
    let started = Instant::now();
    let mut demo_seconds = None;
    let mut report_memory = Vec::new();
    if opts.reuse && opts.path.exists() {
        // Read-only first: a book that is not ours must not even be migrated.
        let marked = rusqlite::Connection::open_with_flags(&opts.path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .and_then(|c| {
                c.query_row(
                    "SELECT EXISTS (SELECT 1 FROM settings WHERE key = ?1)",
                    [SCRATCH_MARK],
                    |r| r.get::<_, bool>(0),
                )
            })
            .unwrap_or(false);
        if !marked {
            return Err(baton::Error::NotEmpty(format!(
                "{} is not a scratch book the bench built; it will not write into it",
                opts.path.display()
            )));
        }
        report(&format!("reusing the scratch book {}", opts.path.display()));
    } else {
        // Never overwrite a file we did not make: the path could be someone's book.
        if opts.path.exists() {
            return Err(baton::Error::NotEmpty(format!(
                "{} already exists; the bench builds a fresh scratch book, so choose another --scratch path or remove it",
                opts.path.display()
            )));
        }
        let store = Store::open(&opts.path)?;
        store.write(|tx| {
            tx.execute(
                "INSERT INTO settings (key, value, updated_at) VALUES (?1, '1', ?2)",
                rusqlite::params![SCRATCH_MARK, baton::clock::now()],
            )?;
            Ok(())
        })?;
        let demo_started = Instant::now();
        let s = demo::fill(&store, opts.customers, opts.seed)?;
        demo_seconds = Some(demo_started.elapsed().as_secs_f64());
        report(&format!(
            "built a book of {} customers, {} key people, {} contacts, {} follow-ups, {} transactions in {:.1} s",
            s.customers,
            s.people,
            s.contacts,
            s.followups,
            s.deals,
            started.elapsed().as_secs_f64()
        ));
        store
            .conn()
            .execute_batch("PRAGMA wal_checkpoint(TRUNCATE); ANALYZE;")?;
    }
    let mut figures = Vec::new();
    let mut add = |name: &str, (median, p95): (Duration, Duration), reference: Option<references::Timed>| {
        figures.push(Figure {
            name: name.to_string(),
            median,
            p95,
            reference: reference.map(|(_, r)| r.0),
            reference_is: reference.map(|(is, _)| is),
        });
    };

    let first_page = ListQuery {
        limit: 100,
        ..Default::default()
    };
    let cutoff = {
        let store = Store::open(&opts.path)?;
        let settings = store.read(baton::settings::get)?;
        baton::customers::activity::cutoff(baton::clock::local_today(), settings.dormant_days)
    };
    let by_name = lists::first_by_name(&cutoff);
    add(
        "open the book + first page of the list",
        time(runs, |_| {
            let store = Store::open(&opts.path)?;
            store.read(|c| baton::views::list::list(c, &first_page))
        })?,
        Some((
            ReferenceIs::SameWork,
            time(runs, |_| {
                let conn = rusqlite::Connection::open(&opts.path)?;
                references::list_page(&conn, &by_name)
            })?,
        )),
    );

    let store = Store::open(&opts.path)?;
    let total = store.read(|c| baton::views::list::list(c, &first_page))?.total;
    let lists = lists::cases(&first_page, total, &cutoff);
    for (name, query, reference) in &lists {
        add(
            name,
            time(runs, |_| store.read(|c| baton::views::list::list(c, query)))?,
            Some((
                reference.is,
                time(runs, |_| store.read(|c| references::list_page(c, reference)))?,
            )),
        );
    }

    let ids: Vec<String> = store.read(|c| {
        let mut stmt = c.prepare("SELECT id FROM customers ORDER BY id LIMIT 1000")?;
        let ids = stmt
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<Vec<String>>>()?;
        Ok(ids)
    })?;
    add(
        "open a customer card (card + people + history)",
        time(runs, |i| {
            let id = &ids[i % ids.len()];
            store.read(|c| {
                Ok((
                    customers::get(c, id)?,
                    people::list_for(c, id)?,
                    changes::list_for(c, id)?,
                ))
            })
        })?,
        Some((
            ReferenceIs::SameWork,
            time(runs, |i| store.read(|c| references::card(c, &ids[i % ids.len()])))?,
        )),
    );
    add(
        "write: edit a customer (validate, upsert, history)",
        time(runs, |i| {
            let id = &ids[i % ids.len()];
            store.write(|tx| {
                let mut card = customers::get(tx, id)?.card;
                card.notes = format!("bench edit {i}");
                customers::update(tx, id, card)
            })
        })?,
        // The one column changed, without the card's checks or its history.
        Some((
            ReferenceIs::NearestRead,
            time(runs, |i| {
                let id = &ids[i % ids.len()];
                store.write(|tx| {
                    Ok(tx.execute(
                        "UPDATE customers SET notes = ?1 WHERE id = ?2",
                        rusqlite::params![format!("ref {i}"), id],
                    )?)
                })
            })?,
        )),
    );
    // A customer with 10k timeline entries, as the issue asks.
    let heavy = ids[0].clone();
    store.write(|tx| {
        for i in 0..10_000 {
            let at = chrono::DateTime::from_timestamp(1_600_000_000 + i * 3_600, 0).unwrap_or_default();
            let draft = ContactDraft::new(
                baton::clock::format_ts(at),
                Channel::Phone,
                format!("bench contact {i}"),
            );
            baton::history::contacts::create(tx, &heavy, draft)?;
        }
        Ok(())
    })?;
    let first_page = baton::history::timeline::TimelineQuery {
        limit: 30,
        ..Default::default()
    };
    add(
        "card with 10k-entry timeline (card, people, first 30 entries)",
        time(runs, |_| {
            store.read(|c| {
                Ok((
                    customers::get(c, &heavy)?,
                    people::list_for(c, &heavy)?,
                    baton::history::timeline::page(c, &heavy, &first_page)?,
                ))
            })
        })?,
        Some((
            ReferenceIs::SameWork,
            time(runs, |_| store.read(|c| references::timeline_card(c, &heavy, 30)))?,
        )),
    );
    let today = baton::clock::local_today();
    add(
        "follow-up screen (overdue / today / 2 weeks, 200 each)",
        time(runs, |_| {
            store.read(|c| baton::history::followups::board(c, today, 14, 200))
        })?,
        Some((
            ReferenceIs::SameWork,
            time(runs, |_| store.read(|c| references::followup_screen(c, today, 14, 200)))?,
        )),
    );
    add(
        "key-customer board (rank by weight, first 200, dependence each)",
        time(runs.min(10), |_| {
            store.read(|c| {
                baton::relationship::key_board::board(c, today, baton::relationship::key_board::BoardSort::Weight, 200)
            })
        })?,
        // Each key customer's latest scores; the weight by the settings'
        // dimensions and the dependence are computed in Rust.
        Some((
            ReferenceIs::NearestRead,
            time(runs.min(10), |_| {
                store.read(|c| {
                    references::plain(
                        c,
                        "SELECT c.id, c.name, a.scores FROM customers c JOIN assessments a ON a.customer_id = c.id \
                     WHERE c.is_key = 1 AND c.deleted_at IS NULL \
                     AND a.assessed_on = (SELECT max(assessed_on) FROM assessments WHERE customer_id = c.id)",
                    )
                })
            })?,
        )),
    );
    add(
        "relationship card of a customer (assessments, weights, dependence)",
        time(runs, |i| {
            store.read(|c| baton::relationship::key_board::card(c, &ids[i % ids.len()], today))
        })?,
        None,
    );
    // The book's revenue ranking is read once and kept until a write can
    // change it (migration 21): the first picture reads it, the next ones
    // do not. The second figure pays for the reading every time.
    add(
        "value picture of a customer (R-F-M, activity, tier suggestion)",
        time(runs.min(10), |i| {
            store.read(|c| baton::value::picture(c, &ids[i % ids.len()], today))
        })?,
        None,
    );
    add(
        "value picture after a new order (write it, rank the book again)",
        time(runs.min(10), |i| {
            let id = &ids[i % ids.len()];
            store.write(|tx| {
                let order = baton::value::deals::DealDraft {
                    kind: baton::enums::DealKind::Order,
                    occurred_on: today.to_string(),
                    amount_minor: 100,
                    currency: String::new(),
                    description: "bench".into(),
                };
                baton::value::deals::create(tx, id, order)
            })?;
            store.read(|c| baton::value::picture(c, id, today))
        })?,
        None,
    );
    // The unfiltered list's order by dependence is kept between reads; a
    // write moves just the customers it touched (migration 29). A contact
    // moves its customer's last contact: the first page read after it.
    let by_dependence = baton::views::list::ListQuery {
        sort: baton::views::list::SortBy::Dependence,
        descending: true,
        limit: 50,
        ..Default::default()
    };
    add(
        "list by dependence after a contact is logged (write it, first page)",
        time(runs, |i| {
            let id = &ids[(i * 7 + 3) % ids.len()];
            store.write(|tx| {
                let draft = ContactDraft::new(baton::clock::now(), Channel::Phone, format!("bench call {i}"));
                baton::history::contacts::create(tx, id, draft)
            })?;
            store.read(|c| baton::views::list::list(c, &by_dependence))
        })?,
        None,
    );
    // "Who is calling?": a key person's mobile as a caller shows it (spaced
    // in threes and fours) and its last four digits (issue 14).
    let phone: Option<String> = store.read(|c| {
        use rusqlite::OptionalExtension;
        Ok(c.query_row(
            "SELECT phone FROM people WHERE length(phone) = 11 AND phone NOT GLOB '*[^0-9]*' ORDER BY id LIMIT 1",
            [],
            |r| r.get(0),
        )
        .optional()?)
    })?;
    let phones = phone.iter().flat_map(|p| {
        [
            (
                format!("{} {} {}", &p[..3], &p[3..7], &p[7..]),
                "phone, spaced as a caller shows it",
            ),
            (p[7..].to_string(), "phone, last 4 digits"),
        ]
    });
    let all = SEARCHES
        .iter()
        .map(|(t, w)| (t.to_string(), *w))
        .chain(phones)
        .collect::<Vec<_>>();
    for (text, what) in &all {
        let text = text.as_str();
        let query = baton::search::SearchQuery {
            text: text.into(),
            ..Default::default()
        };
        add(
            &format!("search: {text} ({what})"),
            time(runs, |_| store.read(|c| baton::search::search(c, &query, today)))?,
            Some((
                ReferenceIs::NearestRead,
                time(runs, |_| store.read(|c| references::search(c, text)))?,
            )),
        );
    }
    add(
        "write: log a contact with a next step",
        time(runs, |i| {
            store.write(|tx| {
                let draft = ContactDraft {
                    next_step: "follow up".into(),
                    next_due: Some(today.to_string()),
                    ..ContactDraft::new(baton::clock::now(), Channel::Visit, format!("bench visit {i}"))
                };
                baton::history::contacts::create(tx, &ids[i % ids.len()], draft)
            })
        })?,
        None,
    );
    add(
        "write: create a customer",
        time(runs, |i| {
            store.write(|tx| {
                customers::create(
                    tx,
                    customers::CustomerCard {
                        name: format!("基准客户 {i}"),
                        ..Default::default()
                    },
                )
            })
        })?,
        None,
    );
    // The list's multi-select: one tag on 1,000 customers, one transaction.
    let thousand: Vec<String> = ids.iter().take(1000).cloned().collect();
    add(
        "write: tag 1,000 customers at once",
        time(runs.min(10), |i| {
            let tag = baton::customers::bulk::BulkAction::Tag {
                tag: format!("基准标签{i}"),
            };
            store.write(|tx| baton::customers::bulk::apply(tx, &thousand, &tag))
        })?,
        None,
    );
    // What the writes above left for the app to merge when the book is
    // quiet: one step of the size the app takes (src-tauri/src/tidy.rs).
    add(
        "tidy: merge one step of the search indexes (the book quiet)",
        time(runs, |_| store.tidy_search(16))?,
        None,
    );
    store.conn().execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")?;
    let size = std::fs::metadata(&opts.path).map(|m| m.len()).unwrap_or(0);
    let split = store.read(book::split)?;
    report(&format!(
        "pages in use: records {:.1} MiB, search {:.1} MiB ({:.1}% of the records)",
        split.records as f64 / 1_048_576.0,
        split.search as f64 / 1_048_576.0,
        split.search_percent()
    ));
    // 50k rows at full size; small benches (the tests) stay small.
    let sheet_rows = (opts.customers / 2).clamp(100, 50_000);
    if !opts.interactive_only {
        throughput::sheet_import(&store, &opts.path, sheet_rows, &mut add, &mut report)?;
        let one_company_rows = (opts.customers * 3 / 5).clamp(100, 60_000);
        throughput::one_company_sheet(&store, &opts.path, one_company_rows, &mut add, &mut report)?;
        report_memory = throughput::manager_report(&store, &opts.path, &mut add, &mut report)?;
        throughput::handover(&store, &opts.path, &mut add, &mut report)?;
    }
    report(&format!("book file size: {:.1} MiB", size as f64 / 1_048_576.0));
    drop(store);
    // A book measured with `reuse` is there to be measured again: deleting
    // it after one run would cost the next run a new 100k book.
    if !opts.keep && !opts.reuse {
        remove_book(&opts.path);
    }
    Ok(BenchReport {
        figures,
        book_bytes: size,
        split,
        demo_seconds,
        report_memory,
    })
}

/// The 20 representative queries: Chinese of 1–4 characters, Latin, pinyin
/// initials, mixed, and some that find nothing.
const SEARCHES: &[(&str, &str)] = &[
    ("华", "Chinese, 1 character"),
    ("王", "Chinese, 1 character, common surname"),
    ("鑫", "Chinese, 1 character, rare"),
    ("深圳", "Chinese, 2 characters"),
    ("恒达", "Chinese, 2 characters, brand"),
    ("报价", "Chinese, 2 characters, history text"),
    ("精密机", "Chinese, 3 characters"),
    ("有限公", "Chinese, 3 characters, in most names"),
    ("医疗器械", "Chinese, 4 characters"),
    ("技术交流", "Chinese, 4 characters, history text"),
    ("north", "Latin"),
    ("gmbh", "Latin, suffix"),
    ("Summit Group", "Latin, two words"),
    ("hd", "pinyin initials"),
    ("szhx", "pinyin initials, 4 letters"),
    ("深圳 恒达", "mixed, two Chinese terms"),
    ("Atlas Ltd", "mixed, Latin name"),
    ("华信 2", "mixed, Chinese and a digit"),
    ("zzqx", "no hit, Latin"),
    ("不存在的词", "no hit, Chinese"),
];

fn remove_book(path: &Path) {
    for suffix in ["", "-wal", "-shm"] {
        let mut p = path.as_os_str().to_owned();
        p.push(suffix);
        let _ = std::fs::remove_file(PathBuf::from(p));
    }
}
