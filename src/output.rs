//! Presentation: tables, json, names; sanitising store text before it reaches a terminal.

/// Removes control characters (including ESC, so no terminal escape sequences) from text that
/// came from a store, a token or a file before it is shown.
pub fn sanitize(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { '?' } else { c })
        .collect()
}

/// Most characters of a path that a message repeats.
const MAX_SHOWN_PATH: usize = 200;

/// A path as a message shows it: sanitised, cut at the first line break and after 200
/// characters, and never the key or token that was given where a file name belongs (a PEM is
/// many lines; a value that holds one is named, not repeated).
pub fn shown_path(p: &std::path::Path) -> String {
    use std::os::unix::ffi::OsStrExt;
    match crate::secret_args::find(p.as_os_str().as_bytes()) {
        Some(crate::secret_args::Secret::Key) => return "(a key, not a file name)".to_owned(),
        Some(crate::secret_args::Secret::Token) => {
            return "(a token, not a file name)".to_owned();
        }
        None => {}
    }
    let text = p.to_string_lossy();
    let line = text.split(['\n', '\r']).next().unwrap_or_default();
    let mut shown: String = line.chars().take(MAX_SHOWN_PATH).collect();
    if shown.len() < text.len() {
        shown.push('…');
    }
    sanitize(&shown)
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
    fn paths_are_cut_and_secrets_never_shown() {
        use std::path::Path;
        assert_eq!(shown_path(Path::new("keys/ci.key")), "keys/ci.key");
        let pem = "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----\n";
        assert_eq!(shown_path(Path::new(pem)), "(a key, not a file name)");
        let jwt = "eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJjaSJ9.c2ln";
        assert_eq!(shown_path(Path::new(jwt)), "(a token, not a file name)");
        assert_eq!(shown_path(Path::new("first\nsecond")), "first…");
        let long = "d/".repeat(150);
        let shown = shown_path(Path::new(&long));
        assert_eq!(shown.chars().count(), 201);
        assert!(shown.ends_with('…'));
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
