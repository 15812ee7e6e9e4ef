//! `svcacct store`: the store itself rather than its records. `store copy` copies every
//! record between any two engines (`store::copy`); `store migrate` brings a PostgreSQL
//! store's schema (`migrations/postgres/`) up to this svcacct's.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Result;

use crate::cli::{StoreCommand, StoreCopyArgs};
use crate::context::open::{Backend, Reads, open};
use crate::context::{Context, StoreLocation};
use crate::error::{Exit, UserError};
use crate::output::shown_path;
use crate::store::copy::{Existing, copy};

pub fn run(ctx: &Context, command: StoreCommand, out: &mut dyn Write) -> Result<Exit> {
    match command {
        StoreCommand::Copy(args) => copy_store(ctx, &args, out),
        StoreCommand::Migrate(_) => migrate(ctx, out),
    }
}

fn copy_store(ctx: &Context, args: &StoreCopyArgs, out: &mut dyn Write) -> Result<Exit> {
    if ctx.command_line.store.is_some() {
        return Err(UserError::Usage(
            "`store copy` takes its stores from --from and --to, not --store".into(),
        )
        .into());
    }
    let from = location("--from", &args.from)?;
    let to = location("--to", &args.to)?;
    if let StoreLocation::Local(path) = &from {
        source_folder(path)?;
    }
    if same_store(&from, &to) {
        return Err(UserError::Usage(format!(
            "--from and --to name the same store ({from}): copy into another one"
        ))
        .into());
    }
    let kek = ctx.issuer_kek_file.as_deref();
    let (source, destination) = (opened(&from, kek)?, opened(&to, kek)?);
    let existing = if args.overwrite {
        Existing::Replace
    } else {
        Existing::Refuse
    };
    let done = copy(
        crate::store::local(source.store())?,
        crate::store::local(destination.store())?,
        existing,
        &from.to_string(),
        &to.to_string(),
    )?;
    writeln!(out, "Copied {} from {from} to {to}", done.copied)?;
    if done.replaced != Default::default() {
        writeln!(out, "Replaced what {to} held: {}", done.replaced)?;
    }
    Ok(Exit::Success)
}

/// The store `flag` names, which must be one this machine opens as an engine: a server's URL
/// is refused (the remote store is a client of a server's API, not an engine).
fn location(flag: &str, value: &Path) -> Result<StoreLocation, UserError> {
    let location =
        StoreLocation::parse(value).map_err(|e| UserError::Usage(format!("{flag}: {e}")))?;
    if let StoreLocation::Remote(url) = &location {
        return Err(UserError::Usage(format!(
            "{flag} {url} is a `svcacct serve`, whose records only its own store holds: run \
             `store copy` on the server's machine, with --from naming its store folder"
        )));
    }
    Ok(location)
}

/// The source folder must exist: a mistyped path would otherwise read as an empty store.
fn source_folder(path: &Path) -> Result<(), UserError> {
    let shown = shown_path(path);
    match std::fs::metadata(path) {
        Ok(m) if m.is_dir() => Ok(()),
        Ok(_) => Err(UserError::Failure(format!(
            "the source store {shown} is not a folder: check --from"
        ))),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Err(UserError::Failure(format!(
            "the source store folder {shown} does not exist: check --from"
        ))),
        Err(e) => Err(UserError::Failure(format!(
            "cannot read the source store folder {shown}: {e}"
        ))),
    }
}

/// Whether two locations are one store: the same folder, however it is written (a link, `..`,
/// a destination that does not exist yet), or the same URL.
fn same_store(a: &StoreLocation, b: &StoreLocation) -> bool {
    match (a, b) {
        (StoreLocation::Local(a), StoreLocation::Local(b)) => absolute(a) == absolute(b),
        _ => a == b,
    }
}

/// `path` made absolute, with its links and `..` resolved as far as it exists (a `..` after a
/// part that does not exist is taken as written).
fn absolute(path: &Path) -> PathBuf {
    fn resolved(p: PathBuf) -> PathBuf {
        if let Ok(c) = std::fs::canonicalize(&p) {
            return c;
        }
        match (p.parent(), p.file_name()) {
            (Some(parent), Some(name)) => resolved(parent.to_path_buf()).join(name),
            _ => p,
        }
    }
    let mut out = PathBuf::new();
    for c in std::path::absolute(path)
        .unwrap_or_else(|_| path.to_path_buf())
        .components()
    {
        if c == std::path::Component::ParentDir {
            out = resolved(out);
            out.pop();
        } else {
            out.push(c);
        }
    }
    resolved(out)
}

fn opened(location: &StoreLocation, kek_file: Option<&Path>) -> Result<Backend> {
    open(location, Reads::Direct, None, kek_file, |url| {
        Err(anyhow::anyhow!(
            "`store copy` does not open the server {url} as a store"
        ))
    })
}

fn migrate(ctx: &Context, out: &mut dyn Write) -> Result<Exit> {
    let StoreLocation::Postgres(url) = &ctx.store_location else {
        return Err(UserError::Usage(format!(
            "`store migrate` is for a PostgreSQL store (--store postgres://…); {} needs none",
            ctx.store_location
        ))
        .into());
    };
    let (before, after, finished) = crate::store::postgres::migrate(url)?;
    if finished {
        writeln!(
            out,
            "schema of {url} is at version {after}: finished the migration an earlier run left \
             half-way"
        )?;
    } else if before == after {
        writeln!(out, "schema of {url} is at version {after}: nothing to do")?;
    } else if before == 0 {
        writeln!(out, "schema of {url} created at version {after}")?;
    } else {
        writeln!(
            out,
            "schema of {url} migrated from version {before} to {after}"
        )?;
    }
    Ok(Exit::Success)
}
