//! `svcacct store`: the store itself rather than its records. `store migrate` brings a
//! PostgreSQL store's schema (`migrations/postgres/`) up to this svcacct's.

use std::io::Write;

use anyhow::Result;

use crate::cli::StoreCommand;
use crate::context::{Context, StoreLocation};
use crate::error::{Exit, UserError};

pub fn run(ctx: &Context, command: StoreCommand, out: &mut dyn Write) -> Result<Exit> {
    match command {
        StoreCommand::Migrate(_) => migrate(ctx, out),
    }
}

fn migrate(ctx: &Context, out: &mut dyn Write) -> Result<Exit> {
    let StoreLocation::Postgres(url) = &ctx.store_location else {
        return Err(UserError::Usage(format!(
            "`store migrate` is for a PostgreSQL store (--store postgres://…); {} needs none",
            ctx.store_location
        ))
        .into());
    };
    let (before, after) = crate::store::postgres::migrate(url)?;
    if before == after {
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
