//! Presentation: tables, json, names; sanitising store text before it reaches a terminal.

/// What kind of character `c` is, when it must not reach a terminal as itself: a control
/// character (ESC starts terminal escape sequences), a bidirectional control (U+202E shows
/// `txt.exe` as `exe.txt`), an invisible one (`admins\u{200b}` and `admins\u{fe0f}` show as
/// `admins`) or a line or paragraph separator. `None` for every other character.
///
/// Invisible means what Unicode says a renderer without support for a character should show
/// as nothing: the property Default_Ignorable_Code_Point (zero-width spaces and joiners, the
/// byte-order mark, variation selectors U+FE00–FE0F and U+E0100–E01EF, the Mongolian free
/// variation selectors, tags, the Hangul fillers…), plus the rest of category Cf (format
/// characters such as U+0600, which some terminals draw as nothing) and U+2800 (a Braille
/// pattern without dots, which looks like a space but is a letter).
pub fn hidden_kind(c: char) -> Option<&'static str> {
    let u = c as u32;
    if c.is_control() {
        return Some("a control character");
    }
    if matches!(u, 0x061C | 0x200E | 0x200F | 0x202A..=0x202E | 0x2066..=0x2069) {
        return Some("a bidirectional-text control character");
    }
    if matches!(u, 0x2028 | 0x2029) {
        return Some("a line or paragraph separator");
    }
    // Default_Ignorable_Code_Point (DerivedCoreProperties.txt of Unicode 16, less what is
    // named above; the unit test compares it with regex-syntax's table).
    let ignorable = matches!(
        u,
        0x00AD
            | 0x034F
            | 0x115F..=0x1160
            | 0x17B4..=0x17B5
            | 0x180B..=0x180F
            | 0x200B..=0x200D
            | 0x2060..=0x206F
            | 0x3164
            | 0xFE00..=0xFE0F
            | 0xFEFF
            | 0xFFA0
            | 0xFFF0..=0xFFF8
            | 0x1BCA0..=0x1BCA3
            | 0x1D173..=0x1D17A
            | 0xE0000..=0xE0FFF
    );
    // Category Cf outside that property, and U+2800.
    let other = matches!(
        u,
        0x0600..=0x0605
            | 0x06DD
            | 0x070F
            | 0x0890..=0x0891
            | 0x08E2
            | 0xFFF9..=0xFFFB
            | 0x110BD
            | 0x110CD
            | 0x13430..=0x1343F
            | 0x2800
    );
    (ignorable || other).then_some("an invisible formatting character")
}

/// Text as it may reach a terminal: every character that [`hidden_kind`] names is shown as its
/// escape `\u{202e}`, so nothing can move the cursor, recolour the screen, reorder or hide
/// text. The one escaping of everything svcacct prints for people: tables, describe blocks,
/// messages and errors (`-o json` keeps the exact text, written with JSON's own escapes: see
/// [`json`]). Escaping twice changes nothing.
pub fn sanitize(s: &str) -> String {
    if !s.chars().any(|c| hidden_kind(c).is_some()) {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if hidden_kind(c).is_some() {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    out
}

/// Most characters of a path that a message repeats.
const MAX_SHOWN_PATH: usize = 200;

/// A path as a message shows it: sanitised, cut at the first line break and after 200
/// characters, and never the key or token that was given where a file name belongs (a PEM is
/// many lines; a value that holds one is named, not repeated).
pub fn shown_path(p: &std::path::Path) -> String {
    use std::os::unix::ffi::OsStrExt;
    match crate::secret::find(p.as_os_str().as_bytes()) {
        Some(crate::secret::Secret::Key) => return "(a key, not a file name)".to_owned(),
        Some(crate::secret::Secret::Token) => {
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
    laid_out(Some(headers), rows)
}

/// The rows of a [`table`] without its header and rule (`--no-headers`), laid out alike.
pub fn table_rows(rows: &[Vec<String>]) -> String {
    laid_out(None, rows)
}

/// [`table`], with or without its header.
fn laid_out(headers: Option<&[&str]>, rows: &[Vec<String>]) -> String {
    let mut t = Table::new();
    // Left, right, top, bottom borders off; header rule `-` crossed by `+`; columns split by `|`.
    t.load_preset("     -+ |          ")
        .set_content_arrangement(ContentArrangement::Disabled);
    if let Some(headers) = headers {
        t.set_header(headers.iter().map(|h| h.to_string()));
    }
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

/// Pretty JSON with a final newline. Every character that [`hidden_kind`] names is written as
/// a JSON escape (`\u202e`; a surrogate pair above U+FFFF, `\udb40\udd00`): a JSON parser
/// reads back exactly the text that was serialised, and a terminal shows the escape instead
/// of text that hides or reorders what follows.
pub fn json(out: &mut dyn Write, value: &impl Serialize) -> anyhow::Result<()> {
    let mut ser = serde_json::Serializer::with_formatter(
        &mut *out,
        VisibleFormatter(serde_json::ser::PrettyFormatter::new()),
    );
    value.serialize(&mut ser)?;
    writeln!(out)?;
    Ok(())
}

/// serde_json's pretty formatter, with the characters of [`hidden_kind`] escaped in strings
/// (keys and values). serde_json already escapes `"`, `\` and U+0000–001F itself, through
/// `write_char_escape`; everything else reaches `write_string_fragment`.
struct VisibleFormatter<'a>(serde_json::ser::PrettyFormatter<'a>);

/// The `Formatter` methods named, each passed on to the wrapped `PrettyFormatter` with the
/// same arguments: `VisibleFormatter` changes how strings are written, not the layout.
macro_rules! layout_of_pretty {
    ($($method:ident $(($arg:ident: $ty:ty))?),+ $(,)?) => {$(
        fn $method<W: ?Sized + Write>(&mut self, w: &mut W $(, $arg: $ty)?) -> std::io::Result<()> {
            self.0.$method(w $(, $arg)?)
        }
    )+};
}

impl serde_json::ser::Formatter for VisibleFormatter<'_> {
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> std::io::Result<()> {
        let mut rest = fragment;
        while let Some((at, c)) = rest.char_indices().find(|&(_, c)| hidden_kind(c).is_some()) {
            writer.write_all(&rest.as_bytes()[..at])?;
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units) {
                write!(writer, "\\u{unit:04x}")?;
            }
            rest = &rest[at + c.len_utf8()..];
        }
        writer.write_all(rest.as_bytes())
    }

    layout_of_pretty!(
        begin_array,
        end_array,
        begin_array_value(first: bool),
        end_array_value,
        begin_object,
        end_object,
        begin_object_key(first: bool),
        end_object_key,
        begin_object_value,
        end_object_value,
    );
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
        assert_eq!(sanitize("a\x1b[31mb\n"), "a\\u{1b}[31mb\\u{a}");
        assert_eq!(sanitize("txt\u{202e}exe.js"), "txt\\u{202e}exe.js");
        assert_eq!(sanitize("admins\u{200b}"), "admins\\u{200b}");
        assert_eq!(
            sanitize("\u{feff}a\u{2066}b\u{3164}"),
            "\\u{feff}a\\u{2066}b\\u{3164}"
        );
        // Ordinary text, accents and emoji stay as they are; escaping twice changes nothing.
        assert_eq!(sanitize("Zürich 日本 ✓"), "Zürich 日本 ✓");
        let once = sanitize("a\u{202e}b\x07");
        assert_eq!(sanitize(&once), once);
    }

    #[test]
    fn hidden_characters_are_named() {
        for (c, kind) in [
            ('\u{202e}', "a bidirectional-text control character"),
            ('\u{061c}', "a bidirectional-text control character"),
            ('\u{2069}', "a bidirectional-text control character"),
            ('\u{200b}', "an invisible formatting character"),
            ('\u{200d}', "an invisible formatting character"),
            ('\u{2060}', "an invisible formatting character"),
            ('\u{feff}', "an invisible formatting character"),
            ('\u{e0041}', "an invisible formatting character"),
            ('\u{1b}', "a control character"),
            ('\u{85}', "a control character"),
            ('\u{2028}', "a line or paragraph separator"),
        ] {
            assert_eq!(hidden_kind(c), Some(kind), "{c:?}");
        }
        for c in ['a', ' ', 'é', '-', '*', '日', '\u{2801}', '\u{3000}', '❤'] {
            assert_eq!(hidden_kind(c), None, "{c:?}");
        }
    }

    /// The code points of a regex class, e.g. `\p{Default_Ignorable_Code_Point}`, from
    /// regex-syntax's Unicode tables.
    fn class(property: &str) -> Vec<(char, char)> {
        use regex_syntax::hir::{Class, HirKind};
        let hir = regex_syntax::parse(property).unwrap();
        let HirKind::Class(Class::Unicode(c)) = hir.kind() else {
            panic!("{property} is no class");
        };
        c.ranges().iter().map(|r| (r.start(), r.end())).collect()
    }

    #[test]
    fn hidden_means_unicodes_ignorable_and_format_characters() {
        // Every default-ignorable, format or control character, and U+2800.
        let hidden =
            class(r"[\p{Default_Ignorable_Code_Point}\p{Cf}\p{Cc}\u{2028}\u{2029}\u{2800}]");
        for &(start, end) in &hidden {
            for c in start..=end {
                assert!(hidden_kind(c).is_some(), "U+{:04X}", u32::from(c));
            }
        }
        // And nothing else: letters, marks, symbols and spaces that show are themselves.
        let inside = |c: char| {
            hidden
                .binary_search_by(|&(s, e)| {
                    if e < c {
                        std::cmp::Ordering::Less
                    } else if s > c {
                        std::cmp::Ordering::Greater
                    } else {
                        std::cmp::Ordering::Equal
                    }
                })
                .is_ok()
        };
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            if hidden_kind(c).is_some() {
                assert!(inside(c), "U+{:04X}", u32::from(c));
            }
        }
        for (c, point) in [
            ('\u{fe0f}', "variation selector 16"),
            ('\u{fe00}', "variation selector 1"),
            ('\u{e0100}', "variation selector 17"),
            ('\u{e01ef}', "variation selector 256"),
            ('\u{180b}', "Mongolian free variation selector 1"),
            ('\u{180f}', "Mongolian free variation selector 4"),
            ('\u{2800}', "Braille pattern blank"),
        ] {
            assert_eq!(
                hidden_kind(c),
                Some("an invisible formatting character"),
                "{point}"
            );
        }
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
        assert_eq!(shown_path(Path::new("a\u{202e}b")), "a\\u{202e}b");
    }

    #[test]
    fn json_escapes_hidden_characters_and_means_the_same() {
        let value = serde_json::json!({
            "plain": "Zürich 日本 ✓ \"q\" \\ \n",
            "bidi": "txt\u{202e}exe.js",
            "k\u{200b}ey": ["admins\u{fe0f}", "secret\u{e0100}", "\u{2800}", "c1\u{85}\u{7f}\u{1b}"],
            "n": 1,
        });
        let mut out = Vec::new();
        json(&mut out, &value).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(
            !text.chars().any(|c| hidden_kind(c).is_some() && c != '\n'),
            "{text:?}"
        );
        assert_eq!(
            serde_json::from_str::<serde_json::Value>(&text).unwrap(),
            value
        );
        for escaped in [
            r#""plain": "Zürich 日本 ✓ \"q\" \\ \n""#,
            r#""bidi": "txt\u202eexe.js""#,
            r#""k\u200bey": ["#,
            r#""admins\ufe0f""#,
            r#""secret\udb40\udd00""#,
            r#""\u2800""#,
            r#""c1\u0085\u007f\u001b""#,
        ] {
            assert!(text.contains(escaped), "{escaped} in {text}");
        }
        // The layout is serde_json's pretty one.
        let plain = serde_json::json!({"a": [1, {"b": null}], "c": {}});
        let mut out = Vec::new();
        json(&mut out, &plain).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            serde_json::to_string_pretty(&plain).unwrap() + "\n"
        );
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
