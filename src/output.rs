//! Presentation: tables, json, names; sanitising store text before it reaches a terminal.

/// Removes control characters (including ESC, so no terminal escape sequences) from text that
/// came from a store, a token or a file before it is shown.
pub fn sanitize(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { '?' } else { c })
        .collect()
}

use std::io::Write;

/// Writes a line to stderr, as `eprintln!` does, but never panics: a closed stderr (`2>&1 |
/// head -1`) is not an error (README "Exit codes"), so what cannot be written is dropped.
/// Every message to stderr goes through [`errln!`](crate::errln) or
/// [`errprint!`](crate::errprint); `clippy::print_stderr` keeps `eprintln!` out.
pub fn stderr_write(args: std::fmt::Arguments<'_>, newline: bool) {
    let mut err = std::io::stderr().lock();
    let _ = err.write_fmt(args);
    if newline {
        let _ = err.write_all(b"\n");
    }
    let _ = err.flush();
}

/// `eprintln!` that ignores a closed stderr (see [`stderr_write`]).
#[macro_export]
macro_rules! errln {
    ($($arg:tt)*) => { $crate::output::stderr_write(format_args!($($arg)*), true) };
}

/// `eprint!` that ignores a closed stderr (see [`stderr_write`]).
#[macro_export]
macro_rules! errprint {
    ($($arg:tt)*) => { $crate::output::stderr_write(format_args!($($arg)*), false) };
}

use comfy_table::{ContentArrangement, Table};
use serde::Serialize;

/// A Dispatch-style table: a header, a `-+-` rule, ` | ` between columns. Cells are sanitised.
pub fn table(headers: &[&str], rows: &[Vec<String>]) -> String {
    let mut t = Table::new();
    // Left, right, top, bottom borders off; header rule `-` crossed by `+`; columns split by `|`.
    t.load_preset("     -+ |          ")
        .set_content_arrangement(ContentArrangement::Disabled)
        .set_header(headers.iter().map(|h| h.to_string()));
    for row in rows {
        t.add_row(row.iter().map(|c| sanitize(c)));
    }
    let mut s = String::new();
    for line in t.lines() {
        s.push_str(line.trim_end());
        s.push('\n');
    }
    s
}

/// `KEY  value` lines, aligned, for describe-style blocks. Values are sanitised.
pub fn block(rows: &[(&str, String)]) -> String {
    let width = rows.iter().map(|(k, _)| k.len()).max().unwrap_or(0) + 1;
    let mut s = String::new();
    for (k, v) in rows {
        let key = format!("{k}:");
        s.push_str(format!("{key:<width$} {}", sanitize(v), width = width + 1).trim_end());
        s.push('\n');
    }
    s
}

/// Pretty JSON with a final newline.
pub fn json(out: &mut dyn Write, value: &impl Serialize) -> anyhow::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value)?;
    writeln!(out)?;
    Ok(())
}

/// A kubectl-style list object for `-o json`.
#[derive(Serialize)]
pub struct List<'a, T: Serialize> {
    pub kind: &'a str,
    pub items: &'a [T],
}

/// A key as tables show it: `kid (fingerprint)`, or the kid alone (an HMAC issuer key).
pub fn key_label(kid: &str, fingerprint: &str) -> String {
    if fingerprint.is_empty() {
        kid.to_owned()
    } else {
        format!("{kid} ({fingerprint})")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sanitizes_escapes() {
        assert_eq!(sanitize("a\x1b[31mb\n"), "a?[31mb?");
    }

    #[test]
    fn dispatch_table() {
        let t = table(
            &["NAME", "CREATED DATE"],
            &[vec!["example-svc-account".into(), "Mon".into()]],
        );
        assert_eq!(
            t,
            " NAME                | CREATED DATE\n\
             ---------------------+--------------\n \
             example-svc-account | Mon\n"
        );
    }
}
