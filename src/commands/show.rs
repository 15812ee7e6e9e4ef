//! What `-o`, `--no-headers` and `--sort-by` (`cli::OutputArg`) do to a command's records: the
//! formats made from the JSON document are `format.rs`'s, for every command alike.

use std::io::Write;

use anyhow::Result;
use serde::Serialize;

use crate::cli::OutputArg;
use crate::format;

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
