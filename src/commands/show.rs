//! What `-o`, `--no-headers` and `--sort-by` (`cli::OutputArg`) do to a command's records, and
//! `-o` of the commands that write (`cli::WriteOutputArg`: `written`; `cli::DeleteOutputArg`:
//! `deleted`): the formats made from the JSON document are `format.rs`'s, for every command
//! alike.

use std::io::Write;

use anyhow::Result;
use serde::Serialize;

use crate::cli::{DeleteOutputArg, DeletedFormat, OutputArg, WriteOutputArg, WrittenFormat};
use crate::format::{self, OutputFormat};

/// Writes `doc`, the document `-o json` prints, in the format `-o` names (json, yaml,
/// jsonpath, custom-columns).
pub fn document(out: &mut dyn Write, arg: &OutputArg, doc: &impl Serialize) -> Result<()> {
    format::document(
        out,
        &arg.output,
        arg.no_headers,
        &serde_json::to_value(doc)?,
    )
}

/// The document of a list command: a kubectl `List` of `kind` (`KeyList`, `ServiceAccountList`,
/// …) holding `items`; with `one`, a single item alone, as `get NAME -o json` prints the one
/// record it names.
pub fn list<T: Serialize>(
    out: &mut dyn Write,
    arg: &OutputArg,
    kind: &str,
    items: &[T],
    one: bool,
) -> Result<()> {
    match items {
        [item] if one => document(out, arg, item),
        _ => document(out, arg, &crate::output::List { kind, items }),
    }
}

/// Orders the records of a list by `--sort-by`, a path into `view` (each record's item in the
/// document, e.g. [`json`] of it); nothing without the flag.
pub fn sort<T>(
    arg: &OutputArg,
    items: &mut Vec<T>,
    view: impl Fn(&T) -> serde_json::Value,
) -> Result<()> {
    match &arg.sort_by {
        Some(by) => format::sort(items, by, view),
        None => Ok(()),
    }
}

/// A record as its document holds it.
pub fn json<S: Serialize + ?Sized>(record: &S) -> serde_json::Value {
    serde_json::to_value(record).unwrap_or(serde_json::Value::Null)
}

/// A table, without its header with `--no-headers`.
pub fn table(arg: &OutputArg, headers: &[&str], rows: &[Vec<String>]) -> String {
    if arg.no_headers {
        crate::output::table_rows(rows)
    } else {
        crate::output::table(headers, rows)
    }
}

/// `-o` of a command that writes (issue 16): `doc`, the object as written (with `--dry-run`: as
/// it would be) in the shape `get -o json` prints for its kind, as json or yaml; or `name`,
/// what `get -o name` prints for it. False without `-o`: the command prints its own line.
pub fn written(
    out: &mut dyn Write,
    arg: &WriteOutputArg,
    name: &str,
    doc: &impl Serialize,
) -> Result<bool> {
    let format = match arg.output {
        None => return Ok(false),
        Some(WrittenFormat::Name) => {
            writeln!(out, "{}", crate::output::sanitize(name))?;
            return Ok(true);
        }
        Some(WrittenFormat::Json) => OutputFormat::Json,
        Some(WrittenFormat::Yaml) => OutputFormat::Yaml,
    };
    format::document(out, &format, false, &serde_json::to_value(doc)?)?;
    Ok(true)
}

/// `-o name` of a command that deletes: `name`, what `get -o name` printed for it. False
/// without `-o`: the command prints its own line.
pub fn deleted(out: &mut dyn Write, arg: &DeleteOutputArg, name: &str) -> Result<bool> {
    match arg.output {
        None => Ok(false),
        Some(DeletedFormat::Name) => {
            writeln!(out, "{}", crate::output::sanitize(name))?;
            Ok(true)
        }
    }
}
