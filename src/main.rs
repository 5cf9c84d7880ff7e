//! `baton`: the command-line tool over a customer book.
//!
//! Its commands and flags are a contract that tests and later features rely
//! on; add around them, never change them.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use baton::customers::activity::Standing;
use baton::{Store, book::check, book::dump, demo, paths};
use clap::{Parser, Subcommand};

mod bench;
mod cli_handover;
mod cli_read;
mod cli_sheet;

/// Baton: the salesperson's customer book.
#[derive(Parser)]
#[command(name = "baton", version, about)]
struct Cli {
    /// The book to use (default: the desktop app's book in your data directory).
    #[arg(long, global = true, env = paths::DB_ENV)]
    db: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Fill an empty book with a realistic, deterministic demo.
    Demo {
        /// How many customers.
        #[arg(long, default_value_t = 200)]
        customers: usize,
        /// Seed: the same seed gives the same book.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// zh or en: the app's demo in one language, dated today with a
        /// day's work waiting. Without it: the fixed, mixed-language book
        /// of the tests and benchmarks (the same bytes for the same seed).
        #[arg(long, value_parser = ["zh", "en"])]
        lang: Option<String>,
    },
    /// Print the whole book as canonical JSON.
    Dump,
    /// Check the book's integrity and count each kind of record.
    Check,
    /// List open follow-ups, soonest due first: due date, state (overdue,
    /// today, upcoming), customer, what to do, id — tab-separated.
    Followups {
        /// Only the overdue ones.
        #[arg(long)]
        overdue: bool,
        /// Write every open follow-up to FILE as an iCalendar file (.ics)
        /// instead: all-day events whose UIDs are the follow-ups' ids, so a
        /// calendar that imports a newer file updates them, never doubles them.
        #[arg(long, value_name = "FILE")]
        ics: Option<PathBuf>,
    },
    /// List live customers, tab-separated: standing (prospect, new, active,
    /// dormant, lost: the same rule as the app's list and the report), name, id.
    Customers {
        /// Only customers standing so.
        #[arg(long)]
        standing: Option<Standing>,
        /// Print only how many.
        #[arg(long)]
        count: bool,
    },
    /// Print a customer's R-F-M figures, activity state, and tier suggestion with its reasons.
    Value {
        /// The customer's id.
        customer_id: String,
    },
    /// Print a customer's latest relationship card, its weight, and the
    /// dependence-on-one-person score with its reasons.
    Relationship {
        /// The customer's id.
        customer_id: String,
    },
    /// Write a handover file: the whole book, or the customers chosen by id,
    /// tier, tag or status, with all of their records.
    Export {
        /// The file to write (replaced if it exists).
        #[arg(long)]
        out: PathBuf,
        /// A customer to export (repeatable).
        #[arg(long = "customer")]
        customers: Vec<String>,
        /// Export the customers of this tier (repeatable).
        #[arg(long = "tier")]
        tiers: Vec<baton::enums::Tier>,
        /// Export the customers with this tag (repeatable).
        #[arg(long = "tag")]
        tags: Vec<String>,
        /// Export the customers standing so: prospect, new, active, dormant, lost (repeatable).
        #[arg(long = "status")]
        statuses: Vec<baton::customers::activity::Standing>,
        /// Encrypt with the passphrase held by this environment variable.
        #[arg(long)]
        passphrase_env: Option<String>,
    },
    /// Import a handover file: validate it, then merge it by record id (the
    /// newer version wins; the other is kept in the conflict log). Prints the
    /// counts per record kind.
    Import {
        /// The handover file.
        file: PathBuf,
        /// Only report what would happen.
        #[arg(long)]
        dry_run: bool,
        /// Take over the imported customers as this salesperson (owner
        /// history kept).
        #[arg(long)]
        take_over: Option<String>,
        /// The passphrase of an encrypted file, from this environment variable.
        #[arg(long)]
        passphrase_env: Option<String>,
    },
    /// Write the file for the manager: FILE.xlsx (a workbook: customers, key
    /// people, contact history, transactions, relationship assessments,
    /// overdue follow-ups, summary) or FILE.html (a visual report that opens
    /// offline in any browser and prints to A4). Private fields about people
    /// are left out unless --include-private.
    Report {
        /// The file to write (.xlsx or .html).
        #[arg(long)]
        out: PathBuf,
        /// Language of headers and values: zh or en.
        #[arg(long, default_value = "zh")]
        lang: String,
        /// Only customers of this tier (repeatable).
        #[arg(long = "tier")]
        tiers: Vec<baton::enums::Tier>,
        /// Only customers standing so: prospect, new, active, dormant, lost (repeatable).
        #[arg(long = "status")]
        statuses: Vec<baton::customers::activity::Standing>,
        /// Only this customer, by id (repeatable; see `baton list`).
        #[arg(long = "customer")]
        customers: Vec<String>,
        /// Only customers with this tag (repeatable).
        #[arg(long = "tag")]
        tags: Vec<String>,
        /// Include birthdays, personality, interests, background and notes of people.
        #[arg(long)]
        include_private: bool,
    },
    /// Import customers and their key people from a spreadsheet (.xlsx,
    /// .xls, .csv, .txt; UTF-8, UTF-16 or GB18030/GBK). Columns are mapped
    /// by their headers (公司名称, 联系人, 手机…) or by --mapping; rows with
    /// problems are reported and left out; customers already in the book are
    /// skipped unless --on-duplicate says otherwise.
    ImportSheet {
        /// The spreadsheet.
        file: PathBuf,
        /// A saved mapping: a JSON object of header → field.
        #[arg(long)]
        mapping: Option<PathBuf>,
        /// Save the mapping used (guessed or given) to this file.
        #[arg(long)]
        save_mapping: Option<PathBuf>,
        /// Check and count only; write nothing.
        #[arg(long)]
        dry_run: bool,
        /// What to do with a customer already in the book: skip, update or create.
        #[arg(long, default_value = "skip")]
        on_duplicate: String,
        /// Write the rejected rows, with the reason, to this .xlsx file.
        #[arg(long)]
        rejected_out: Option<PathBuf>,
        /// The workbook's sheet to read, by name (default: the first).
        #[arg(long)]
        sheet: Option<String>,
        /// The sheet's own words for enumerated values, as JSON:
        /// {"tier": {"高级": "A", "中级": "B", "低级": "C"}, "status": {…}}.
        /// Unknown words in optional fields are kept in the notes either way.
        #[arg(long)]
        value_map: Option<PathBuf>,
        /// People on rows with no company: keep them in the unfiled tray,
        /// skip them, or file them under the company guessed from the card.
        #[arg(long, value_enum, default_value = "keep")]
        unfiled: cli_sheet::UnfiledFlag,
    },
    /// Import key people from a .vcf file (vCard 2.1, 3.0, 4.0), each filed
    /// under the customer its ORG names (created when new). A card already in
    /// the book (same phone, email or name there) is not added twice. Cards
    /// without ORG go to the unfiled tray unless --unfiled says otherwise.
    ImportVcard {
        /// The .vcf file.
        file: PathBuf,
        /// Check and count only; write nothing.
        #[arg(long)]
        dry_run: bool,
        /// Cards with no ORG: keep them in the unfiled tray, skip them, or
        /// file them under the company guessed from the card.
        #[arg(long, value_enum, default_value = "keep")]
        unfiled: cli_sheet::UnfiledFlag,
    },
    /// What the app's search finds, in the same order: one line per hit,
    /// `kind<TAB>id<TAB>customer<TAB>label`, or a JSON array with --json.
    Search {
        /// The words to find (all must match, anywhere; pinyin initials too).
        query: String,
        /// Print a JSON array of {kind, id, customer_id, customer, label, tier, title, phone}.
        #[arg(long)]
        json: bool,
        /// Hits per kind.
        #[arg(long, default_value_t = 20)]
        limit: usize,
    },
    /// The unfiled tray: people imported without a company, by name; only
    /// those holding every word of QUERY when given.
    Unfiled {
        /// Words to look for (name, phone, email, title, notes, guess).
        query: Option<String>,
    },
    /// Write key people as vCard 4.0: of the given customers, or everyone's.
    ExportVcard {
        /// The .vcf file to write.
        #[arg(long)]
        out: PathBuf,
        /// Only this customer's people (repeatable).
        #[arg(long = "customer")]
        customers: Vec<String>,
    },
    /// Write a consistent copy of the book (SQLite online backup).
    Backup {
        /// The backup file to create (never overwritten).
        #[arg(long)]
        out: PathBuf,
    },
    /// Replace the book's content with a backup.
    Restore {
        /// The backup file.
        file: PathBuf,
    },
    /// Build a large demo book in a scratch file and print timings (median, p95,
    /// and a hand-written reference query for each operation). Build with --release.
    Bench {
        /// How many customers.
        #[arg(long, default_value_t = 100_000)]
        customers: usize,
        /// Demo seed.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Repetitions per operation.
        #[arg(long, default_value_t = 50)]
        runs: usize,
        /// Where to build the scratch book (never your own book).
        #[arg(long, default_value = "baton-bench.db")]
        scratch: PathBuf,
        /// Keep the scratch book afterwards.
        #[arg(long)]
        keep: bool,
        /// Measure the scratch book an earlier --keep run built, instead of
        /// building a new one (only a book the bench built is accepted; one
        /// is built if there is none). The book is kept afterwards.
        #[arg(long)]
        reuse: bool,
        /// Measure the interactive operations only (lists, cards, search,
        /// writes), leaving out the sheet import, the manager's report and
        /// the handover, which take minutes on a big book.
        #[arg(long)]
        interactive_only: bool,
        /// Print one JSON object: {"operations": [{"name", "median_ms",
        /// "p95_ms", "reference_median_ms", "reference_is" ("same_work" or
        /// "nearest_read")}], "book_bytes", "records_bytes",
        /// "search_bytes", "search_percent_of_records", "demo_seconds",
        /// "report_memory": [{"form", "rss_before_bytes", "peak_rss_bytes"}]}.
        #[arg(long)]
        json: bool,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("baton: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> baton::Result<ExitCode> {
    if let Command::Bench {
        customers,
        seed,
        runs,
        scratch,
        keep,
        reuse,
        interactive_only,
        json,
    } = cli.command
    {
        // The bench builds its own scratch book; it never touches --db.
        let opts = bench::BenchOptions {
            customers,
            seed,
            runs,
            path: scratch,
            keep,
            reuse,
            interactive_only,
        };
        let report = bench::run(&opts, |line| eprintln!("baton bench: {line}"))?;
        if json {
            println!("{}", bench::json(&report));
        } else {
            print!("{}", bench::table(&report.figures));
        }
        return Ok(ExitCode::SUCCESS);
    }
    let (mode, writer) = open_mode(&cli.command);
    let path = match cli.db {
        Some(p) => p,
        // Only the default book's own folder is ever created, and only by
        // a command that may start a book.
        None if mode == baton::store::OpenMode::Create => paths::prepare_default_book()?,
        None => paths::default_book()?,
    };
    // Whoever writes holds the book's lock, the same one the app holds, so a
    // command never writes under an open window (whose undo would lose it).
    let _lock = match writer {
        Some(name) => Some(baton::store::BookLock::acquire(&path, name)?),
        None => None,
    };
    let store = match Store::open_as(&path, mode) {
        // A dry run into a book that does not exist yet previews the import
        // into an empty book, without creating one.
        Err(baton::Error::NoBook { .. }) if is_dry_run(&cli.command) => Store::open_in_memory()?,
        other => other?,
    };
    match cli.command {
        Command::Demo { customers, seed, lang } => {
            let s = match lang.as_deref() {
                None => demo::fill(&store, customers, seed)?,
                Some(lang) => {
                    let lang = if lang == "zh" {
                        demo::DemoLang::Zh
                    } else {
                        demo::DemoLang::En
                    };
                    demo::fill_with(&store, customers, seed, &demo::DemoOptions::for_today(lang), None)?
                }
            };
            eprintln!(
                "baton: wrote {} customers, {} key people, {} contacts, {} follow-ups and {} transactions to {}",
                s.customers,
                s.people,
                s.contacts,
                s.followups,
                s.deals,
                path.display()
            );
        }
        Command::Dump => {
            let stdout = std::io::stdout();
            let mut out = std::io::BufWriter::new(stdout.lock());
            store.read(|conn| dump::write(conn, &mut out))?;
            out.flush()
                .map_err(|e| baton::Error::io(std::path::Path::new("<stdout>"), e))?;
        }
        Command::Check => {
            let report = store.read(check::run)?;
            for c in &report.counts {
                println!("{:<18} {:>9} live {:>9} in trash", c.table(), c.live, c.trashed);
            }
            if !report.ok() {
                for p in &report.problems {
                    eprintln!("problem: {p}");
                }
                eprintln!("baton: the book has {} problem(s)", report.problems.len());
                return Ok(ExitCode::FAILURE);
            }
            println!("ok");
        }
        Command::Followups { ics: Some(file), .. } => {
            let today = baton::clock::today();
            let protected = store.protected();
            let n = store.read(|c| baton::history::followups::ics::write(c, &file, today, &protected))?;
            eprintln!("baton: wrote {n} open follow-up(s) to {}", file.display());
        }
        Command::Followups { overdue, ics: None } => {
            let today = baton::clock::today();
            let items = store.read(|c| baton::history::followups::open_list(c, today, overdue))?;
            let stdout = std::io::stdout();
            let mut out = std::io::BufWriter::new(stdout.lock());
            let io = |e| baton::Error::io(std::path::Path::new("<stdout>"), e);
            for item in &items {
                let f = &item.followup;
                let state = match f.due_on.as_str().cmp(today.to_string().as_str()) {
                    std::cmp::Ordering::Less => "overdue",
                    std::cmp::Ordering::Equal => "today",
                    std::cmp::Ordering::Greater => "upcoming",
                };
                writeln!(
                    out,
                    "{}\t{state}\t{}\t{}\t{}",
                    f.due_on, item.customer_name, f.title, f.id
                )
                .map_err(io)?;
            }
            out.flush().map_err(io)?;
            eprintln!("baton: {} follow-up(s)", items.len());
        }
        Command::Customers { standing, count } => cli_read::customers(&store, standing, count)?,
        Command::Value { customer_id } => {
            let today = baton::clock::local_today();
            let (name, v) = store.read(|c| {
                Ok((
                    baton::customers::get(c, &customer_id)?.card.name,
                    baton::value::picture(c, &customer_id, today)?,
                ))
            })?;
            print!("{}", cli_read::value_report(&name, &customer_id, &v));
        }
        Command::Relationship { customer_id } => {
            let today = baton::clock::local_today();
            let text = store.read(|c| {
                let name = baton::customers::get(c, &customer_id)?.card.name;
                let settings = baton::settings::get(c)?;
                let cards = baton::relationship::list_for(c, &customer_id)?;
                let dependence = baton::relationship::dependence::score(c, &customer_id, today)?;
                Ok(cli_read::relationship_report(&name, &cards, &settings, &dependence))
            })?;
            print!("{text}");
        }
        Command::Export {
            out,
            customers,
            tiers,
            tags,
            statuses,
            passphrase_env,
        } => {
            let pass = cli_handover::passphrase(passphrase_env.as_deref())?;
            cli_handover::export(&store, &out, customers, tiers, tags, statuses, pass)?;
        }
        Command::Import {
            file,
            dry_run,
            take_over,
            passphrase_env,
        } => {
            let pass = cli_handover::passphrase(passphrase_env.as_deref())?;
            cli_handover::import(&store, &file, dry_run, take_over, pass)?;
        }
        Command::ImportSheet {
            file,
            mapping,
            save_mapping,
            dry_run,
            on_duplicate,
            rejected_out,
            value_map,
            sheet,
            unfiled,
        } => {
            let on_duplicate = match on_duplicate.as_str() {
                "skip" => baton::io::sheet::Choice::Skip,
                "update" => baton::io::sheet::Choice::Update,
                "create" => baton::io::sheet::Choice::Create,
                _ => {
                    eprintln!("baton: --on-duplicate must be skip, update or create");
                    return Ok(ExitCode::FAILURE);
                }
            };
            cli_sheet::import_sheet(
                &store,
                &cli_sheet::SheetArgs {
                    file: &file,
                    mapping: mapping.as_deref(),
                    save_mapping: save_mapping.as_deref(),
                    dry_run,
                    on_duplicate,
                    rejected_out: rejected_out.as_deref(),
                    value_map: value_map.as_deref(),
                    sheet: sheet.as_deref(),
                    unfiled,
                },
            )?;
        }
        Command::ImportVcard { file, dry_run, unfiled } => cli_sheet::import_vcard(&store, &file, dry_run, unfiled)?,
        Command::Search { query, json, limit } => cli_read::search(&store, &query, json, limit)?,
        Command::Unfiled { query } => cli_sheet::list_unfiled(&store, query.as_deref().unwrap_or(""))?,
        Command::ExportVcard { out, customers } => {
            let n = store.read(|c| baton::io::vcard::export(c, &customers, &out))?;
            println!("wrote {n} cards to {}", out.display());
        }
        Command::Backup { out } => cli_handover::backup(&store, &out)?,
        Command::Report {
            out,
            lang,
            tiers,
            statuses,
            tags,
            customers,
            include_private,
        } => {
            let Some(lang) = baton::io::report::Lang::parse(&lang) else {
                eprintln!("baton: --lang must be zh or en");
                return Ok(ExitCode::FAILURE);
            };
            if baton::io::report::ReportFormat::from_path(&out).is_none() {
                eprintln!("baton: --out must end in .xlsx (the workbook) or .html (the visual report)");
                return Ok(ExitCode::FAILURE);
            }
            let opts = baton::io::report::ReportOptions {
                lang,
                tiers,
                statuses,
                tags,
                customers: customers.into_iter().collect(),
                include_private,
                job: None,
            };
            let today = baton::clock::local_today();
            let summary = baton::io::report::write_from(&store, &opts, &out, today)?;
            for (sheet, rows) in &summary.sheets {
                println!("{sheet}\t{rows}");
            }
        }
        Command::Restore { file } => cli_handover::restore(&store, &file)?,
        Command::Bench { .. } => unreachable!("handled above"),
    }
    if writer.is_some() {
        // Writes leave the search indexes' segments unmerged (the app merges
        // when the book is quiet); a command is done in one go, so it tidies
        // now. Searching is exact either way: a failure here only says so.
        for _ in 0..TIDY_STEPS {
            match store.tidy_search(TIDY_PAGES) {
                Ok(true) => continue,
                Ok(false) => break,
                Err(e) => {
                    eprintln!("baton: the search index was left untidied ({e}); searching still works");
                    break;
                }
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Pages per index a tidying step merges, and the most steps a command takes.
const TIDY_PAGES: i64 = 256;
const TIDY_STEPS: usize = 64;

/// How a command opens the book, and the name it holds the lock under if
/// it writes. Only `demo` and the imports may start a new book; commands
/// that only read also work on a read-only book.
fn open_mode(command: &Command) -> (baton::store::OpenMode, Option<&'static str>) {
    use baton::store::OpenMode::{Create, Existing, Read};
    match command {
        Command::Demo { .. } => (Create, Some("baton demo")),
        // Dry runs write inside a transaction they roll back: the book
        // must exist and be writable, but nobody's lock is needed.
        Command::Import { dry_run: true, .. } => (Existing, None),
        Command::Import { .. } => (Create, Some("baton import")),
        Command::ImportSheet { dry_run: true, .. } => (Existing, None),
        Command::ImportSheet { .. } => (Create, Some("baton import-sheet")),
        Command::ImportVcard { dry_run: true, .. } => (Existing, None),
        Command::ImportVcard { .. } => (Create, Some("baton import-vcard")),
        Command::Restore { .. } => (Existing, Some("baton restore")),
        Command::Dump
        | Command::Check
        | Command::Followups { .. }
        | Command::Customers { .. }
        | Command::Value { .. }
        | Command::Relationship { .. }
        | Command::Export { .. }
        | Command::Report { .. }
        | Command::ExportVcard { .. }
        | Command::Unfiled { .. }
        | Command::Search { .. }
        | Command::Backup { .. }
        | Command::Bench { .. } => (Read, None),
    }
}

fn is_dry_run(command: &Command) -> bool {
    matches!(
        command,
        Command::Import { dry_run: true, .. }
            | Command::ImportSheet { dry_run: true, .. }
            | Command::ImportVcard { dry_run: true, .. }
    )
}
