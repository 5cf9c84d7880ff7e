//! `baton import-sheet` and `import-vcard` (part of the `baton` binary, not
//! the library).

use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;

use baton::sheet_import::{self, Choice, Field, Mapping, SheetImportOptions};
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
}

/// Reads, plans and (unless a dry run) writes a sheet; prints the mapping
/// used, the problems, and the counts.
pub fn import_sheet(store: &Store, args: &SheetArgs<'_>) -> Result<()> {
    let table = sheet_import::read_sheet(args.file, args.sheet)?;
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
    let plan = store.read(|c| sheet_import::plan(c, &table, &mapping))?;
    for r in &plan.rejected {
        eprintln!("baton: row {} column {:?}: {}", r.line, r.column, r.reason);
    }
    for w in &plan.warnings {
        eprintln!("baton: row {} column {:?}: {}", w.line, w.column, w.message);
    }
    if let Some(path) = args.rejected_out
        && !plan.rejected.is_empty()
    {
        sheet_import::write_rejected(&plan, path, &store.protected())?;
    }
    let opts = SheetImportOptions {
        default_choice: args.on_duplicate,
        dry_run: args.dry_run,
        ..Default::default()
    };
    let report = sheet_import::apply(store, &plan, &opts)?;
    let (skipped, updated) = (report.skipped, report.updated);
    println!("added\t{}", report.added);
    println!("updated\t{updated}");
    println!("duplicates skipped\t{skipped}");
    println!("rejected\t{}", report.rejected);
    println!("people added\t{}", report.people_added);
    println!("people updated\t{}", report.people_updated);
    if let Some(backup) = &report.backup {
        println!("backup\t{backup}");
    }
    if report.dry_run {
        println!("dry run: nothing was written");
    }
    Ok(())
}

/// Reads a .vcf file and files its cards under their customers.
pub fn import_vcard(store: &Store, file: &Path, dry_run: bool) -> Result<()> {
    let cards = baton::vcard::read_file(file)?;
    let photos = cards.iter().filter(|c| c.had_photo).count();
    let (table, mapping) = baton::vcard::as_table(&cards);
    let plan = store.read(|c| sheet_import::plan(c, &table, &mapping))?;
    for r in &plan.rejected {
        eprintln!("baton: card at line {} ({}): {}", r.line, r.column, r.reason);
    }
    // A card's company already in the book gets the card's person (the
    // company's own facts are not in a vCard, so "update" only adds people).
    let opts = SheetImportOptions {
        default_choice: Choice::Update,
        dry_run,
        ..Default::default()
    };
    let report = sheet_import::apply(store, &plan, &opts)?;
    println!("cards\t{}", cards.len());
    println!("customers added\t{}", report.added);
    println!("people added\t{}", report.people_added);
    println!("people updated\t{}", report.people_updated);
    println!("rejected\t{}", report.rejected);
    println!("photos skipped\t{photos}");
    if report.dry_run {
        println!("dry run: nothing was written");
    }
    Ok(())
}
