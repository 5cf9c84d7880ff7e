//! `baton import-sheet` and `import-vcard` (part of the `baton` binary, not
//! the library).

use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;

use baton::io::sheet::{self, Choice, Field, Mapping, Plan, SheetImportOptions, SheetReport, UnfiledChoice};
use baton::{Error, Result, Store};

/// What `import-sheet` was asked.
pub struct SheetArgs<'a> {
    pub file: &'a Path,
    pub mapping: Option<&'a Path>,
    pub save_mapping: Option<&'a Path>,
    pub dry_run: bool,
    pub on_duplicate: Choice,
    pub rejected_out: Option<&'a Path>,
    pub value_map: Option<&'a Path>,
    pub sheet: Option<&'a str>,
    pub unfiled: UnfiledFlag,
}

/// `--unfiled`: what becomes of people found without a company.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum UnfiledFlag {
    /// Keep them in the unfiled tray (the default).
    Keep,
    /// Leave them out.
    Skip,
    /// File them under the company guessed from the card (else the tray).
    Guess,
}

impl UnfiledFlag {
    fn choice(self) -> UnfiledChoice {
        match self {
            UnfiledFlag::Keep => UnfiledChoice::Keep,
            UnfiledFlag::Skip => UnfiledChoice::Skip,
            UnfiledFlag::Guess => UnfiledChoice::Guess,
        }
    }
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// The people without a company, as planned, then as written.
fn print_unfiled(plan: &Plan, report: &SheetReport) {
    for p in &plan.unfiled {
        let guess = p.guess.as_ref().map_or("", |g| g.company.as_str());
        let state = match (&p.filed_under, p.in_tray) {
            (Some(d), _) => format!("already under {}", d.name),
            (None, true) => "already in the tray".to_string(),
            (None, false) => "new".to_string(),
        };
        println!("no company\t{}\t{}\tguess: {guess}\t{state}", p.line, p.card.name);
    }
    println!("unfiled kept\t{}", report.unfiled_kept);
    println!("unfiled filed\t{}", report.unfiled_filed);
    println!("unfiled skipped\t{}", report.unfiled_skipped);
}

/// Prints the unfiled tray.
pub fn list_unfiled(store: &Store, query: &str) -> Result<()> {
    let people = store.read(|c| baton::io::unfiled::list(c, query))?;
    for p in &people {
        let c = &p.card;
        println!(
            "{}\t{}\t{}\t{}\t{}\t{}",
            p.id, c.name, c.phone, c.email, p.guess, p.source
        );
    }
    eprintln!("{} in the unfiled tray", people.len());
    Ok(())
}

/// Reads, plans and (unless a dry run) writes a sheet; prints the mapping
/// used, the problems, and the counts.
pub fn import_sheet(store: &Store, args: &SheetArgs<'_>) -> Result<()> {
    let table = sheet::read_sheet(args.file, args.sheet)?;
    let mut mapping = match args.mapping {
        None => Mapping::guess(&table.headers),
        Some(path) => {
            let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
            let saved: BTreeMap<String, Field> = serde_json::from_str(&text).map_err(|e| {
                Error::invalid(
                    "mapping",
                    baton::error::Rule::Malformed {
                        detail: format!("{}: {e}", path.display()),
                    },
                )
            })?;
            Mapping::with_saved(&table.headers, &saved)
        }
    };
    if let Some(path) = args.value_map {
        let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
        mapping.values = serde_json::from_str(&text).map_err(|e| {
            Error::invalid(
                "value_map",
                baton::error::Rule::Malformed {
                    detail: format!("{}: {e} (expected {{\"tier\": {{\"高级\": \"A\"}}}})", path.display()),
                },
            )
        })?;
    }
    println!("read\t{}\t{} rows", table.how, table.rows.len());
    for (h, f) in table.headers.iter().zip(&mapping.fields) {
        println!("column\t{h}\t{}", f.name());
    }
    if let Some(path) = args.save_mapping {
        let json = serde_json::to_string_pretty(&mapping.to_saved(&table.headers)).unwrap_or_default();
        baton::files::write_atomic(path, &store.protected(), baton::files::Replace::Allowed, |file, _| {
            file.write_all(json.as_bytes()).map_err(|e| Error::io(path, e))
        })?;
    }
    let plan = store.read(|c| sheet::plan(c, &table, &mapping))?;
    for r in &plan.rejected {
        eprintln!("baton: row {} column {:?}: {}", r.line, r.column, r.reason);
    }
    for w in &plan.warnings {
        eprintln!("baton: row {} column {:?}: {}", w.line, w.column, w.message);
    }
    if let Some(path) = args.rejected_out
        && !plan.rejected.is_empty()
    {
        sheet::write_rejected(&plan, path, &store.protected())?;
    }
    let opts = SheetImportOptions {
        default_choice: args.on_duplicate,
        dry_run: args.dry_run,
        unfiled_default: args.unfiled.choice(),
        source: file_name(args.file),
        ..Default::default()
    };
    let report = sheet::apply(store, &plan, &opts)?;
    let (skipped, updated) = (report.skipped, report.updated);
    println!("added\t{}", report.added);
    println!("updated\t{updated}");
    println!("duplicates skipped\t{skipped}");
    println!("rejected\t{}", report.rejected);
    println!("people added\t{}", report.people_added);
    println!("people updated\t{}", report.people_updated);
    println!("contacts added\t{}", report.contacts_added);
    println!("follow-ups added\t{}", report.followups_added);
    println!("orders added\t{}", report.deals_added);
    print_unfiled(&plan, &report);
    if let Some(backup) = &report.backup {
        println!("backup\t{backup}");
    }
    if report.dry_run {
        println!("dry run: nothing was written");
    }
    Ok(())
}

/// Reads a .vcf file and files its cards under their customers.
pub fn import_vcard(store: &Store, file: &Path, dry_run: bool, unfiled: UnfiledFlag) -> Result<()> {
    let cards = baton::io::vcard::read_file(file)?;
    let photos = cards.iter().filter(|c| c.had_photo).count();
    let (table, mapping) = baton::io::vcard::as_table(&cards);
    let plan = store.read(|c| sheet::plan(c, &table, &mapping))?;
    for r in &plan.rejected {
        eprintln!("baton: card at line {} ({}): {}", r.line, r.column, r.reason);
    }
    // A card's company already in the book gets the card's person (the
    // company's own facts are not in a vCard, so "update" only adds people).
    let opts = SheetImportOptions {
        default_choice: Choice::Update,
        dry_run,
        unfiled_default: unfiled.choice(),
        source: file_name(file),
        ..Default::default()
    };
    let report = sheet::apply(store, &plan, &opts)?;
    println!("cards\t{}", cards.len());
    println!("customers added\t{}", report.added);
    println!("people added\t{}", report.people_added);
    println!("people updated\t{}", report.people_updated);
    println!("rejected\t{}", report.rejected);
    print_unfiled(&plan, &report);
    println!("photos skipped\t{photos}");
    if report.dry_run {
        println!("dry run: nothing was written");
    }
    Ok(())
}
