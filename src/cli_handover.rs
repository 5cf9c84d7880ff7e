//! `baton export`, `import`, `backup` and `restore` (part of the `baton`
//! binary, not the library).

use std::path::Path;

use baton::enums::Tier;
use baton::handover::{self, ExportOptions, ImportOptions, ImportReport, Selection};
use baton::{Error, Result, Store};

/// Reads a passphrase from the environment variable named `var`: never from
/// the command line, where other users could see it in the process list.
pub fn passphrase(var: Option<&str>) -> Result<Option<handover::Passphrase>> {
    match var {
        None => Ok(None),
        Some(var) => std::env::var(var).map(|p| Some(p.into())).map_err(|_| {
            Error::passphrase(
                baton::PassphraseProblem::Missing,
                format!("the environment variable {var} holds no passphrase"),
            )
        }),
    }
}

/// `baton export`.
pub fn export(
    store: &Store,
    out: &Path,
    customers: Vec<String>,
    tiers: Vec<Tier>,
    tags: Vec<String>,
    statuses: Vec<baton::customers::activity::Standing>,
    passphrase: Option<handover::Passphrase>,
) -> Result<()> {
    let opts = ExportOptions {
        selection: Selection {
            customers,
            tiers,
            tags,
            statuses,
        },
        passphrase,
        work_factor: std::env::var("BATON_SCRYPT_WORK_FACTOR")
            .ok()
            .and_then(|w| w.parse().ok()),
        job: None,
    };
    let header = store.read(|c| handover::export(c, &opts, out))?;
    let total: u64 = header.counts.values().sum();
    eprintln!(
        "baton: exported {total} records ({} customers) to {}{}",
        header.counts.get("customer").copied().unwrap_or(0),
        out.display(),
        if opts.passphrase.is_some() { ", encrypted" } else { "" }
    );
    Ok(())
}

/// `baton import`: prints one line per record kind, the conflicts, then one
/// line per customer (name, tier, owner, what happens to its card, its records).
pub fn import(
    store: &Store,
    file: &Path,
    dry_run: bool,
    take_over: Option<String>,
    passphrase: Option<handover::Passphrase>,
) -> Result<()> {
    let opts = ImportOptions {
        passphrase,
        dry_run,
        take_over,
        ..Default::default()
    };
    let report = handover::import(store, file, &opts)?;
    print!("{}", summary(&report));
    Ok(())
}

/// The import summary as text.
pub fn summary(r: &ImportReport) -> String {
    let mut out = format!(
        "{:<20} {:>9} {:>9} {:>9} {:>9}\n",
        "kind", "added", "updated", "unchanged", "conflicts"
    );
    for c in &r.counts {
        out.push_str(&format!(
            "{:<20} {:>9} {:>9} {:>9} {:>9}\n",
            c.kind, c.added, c.updated, c.unchanged, c.conflicts
        ));
    }
    for c in &r.conflicts {
        out.push_str(&format!(
            "conflict: {} {} (book {}, file {}): kept the {} version; the other is in the conflict log\n",
            c.kind, c.id, c.book_updated_at, c.file_updated_at, c.kept
        ));
    }
    for c in &r.customers {
        let owner = if c.new_owner == c.owner {
            c.owner.clone()
        } else {
            format!("{} -> {}", c.owner, c.new_owner)
        };
        let card = serde_json::to_value(c.card)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned));
        out.push_str(&format!(
            "customer: {}\t{}\t{}\t{}\t{} added, {} updated\n",
            c.name,
            c.tier.as_deref().unwrap_or("-"),
            owner,
            card.unwrap_or_default(),
            c.records_added,
            c.records_updated
        ));
    }
    if r.customers_total > r.customers.len() as u64 {
        out.push_str(&format!(
            "customer: … and {} more\n",
            r.customers_total - r.customers.len() as u64
        ));
    }
    if r.taken_over > 0 {
        out.push_str(&format!("taken over: {} customers\n", r.taken_over));
    }
    if let Some(b) = &r.backup {
        out.push_str(&format!("backup before import: {b}\n"));
    }
    out.push_str(if r.dry_run {
        "dry run: nothing was written\n"
    } else {
        "imported\n"
    });
    out
}

/// `baton backup`.
pub fn backup(store: &Store, out: &Path) -> Result<()> {
    store.read(|c| baton::store::backup::snapshot(c, out, None))?;
    eprintln!("baton: backed up the book to {}", out.display());
    Ok(())
}

/// `baton restore`.
pub fn restore(store: &Store, file: &Path) -> Result<()> {
    baton::book::restore::from_file(store, file, None)?;
    eprintln!("baton: restored the book from {}", file.display());
    Ok(())
}
