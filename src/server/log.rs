//! The access log: one line per request on stderr, never a token or a query string. The layer
//! that writes it is [`super::layer::access_log`].

use std::io::Write;
use std::time::Duration;

use jiff::Timestamp;

/// One access-log line: `<RFC 3339 UTC time> <METHOD> <path> <status> <account or -> <ms>ms`.
/// The path has no query string and no control characters (nor spaces, so the fields stay
/// apart); bidirectional-text and invisible characters are escaped (`\u{202e}`).
/// [`super::layer::access_log`] gives at most [`super::limits::ECHO_BYTES`] of it, and of the
/// method at most [`super::limits::MAX_METHOD_BYTES`], each followed by `…` when cut.
pub fn line(
    at: Timestamp,
    method: &str,
    path: &str,
    status: u16,
    account: Option<&str>,
    latency: Duration,
) -> String {
    use std::fmt::Write as _;
    let account = account.unwrap_or("-");
    let mut l = String::with_capacity(48 + method.len() + path.len() + account.len());
    push_second(&mut l, at);
    l.push(' ');
    l.push_str(method);
    l.push(' ');
    if path.bytes().all(|b| b.is_ascii_graphic()) {
        l.push_str(path);
    } else {
        for c in path.chars().filter(|c| !c.is_control()) {
            if c.is_whitespace() {
                l.push('_');
            } else if crate::output::hidden_kind(c).is_some() {
                // Bidirectional-text and invisible characters: escaped, as everywhere.
                l.extend(c.escape_unicode());
            } else {
                l.push(c);
            }
        }
    }
    let _ = write!(l, " {status} {account} {}ms", latency.as_millis());
    l
}

/// Appends `at` to the second, as RFC 3339 UTC; formatted once a second per thread.
fn push_second(l: &mut String, at: Timestamp) {
    thread_local! {
        static LAST: std::cell::RefCell<(i64, String)> =
            const { std::cell::RefCell::new((i64::MIN, String::new())) };
    }
    let second = at.as_second();
    LAST.with_borrow_mut(|(last, text)| {
        if *last != second {
            let at = Timestamp::from_second(second).unwrap_or(at);
            *text = at.to_string();
            *last = second;
        }
        l.push_str(text);
    });
}

/// Writes the access-log [`line()`] of a request answered now; `method` and `path` already cut
/// to [`super::limits::MAX_METHOD_BYTES`] and [`super::limits::ECHO_BYTES`]
/// ([`super::limits::cut`]).
pub fn write(method: &str, path: &str, status: u16, account: Option<&str>, latency: Duration) {
    let mut l = line(Timestamp::now(), method, path, status, account, latency);
    // One `write` per line (`writeln!` on the unbuffered stderr makes two).
    l.push('\n');
    let _ = std::io::stderr().lock().write_all(l.as_bytes());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_have_the_fields() {
        let at: Timestamp = "2026-01-05T14:03:09.123Z".parse().unwrap();
        assert_eq!(
            line(
                at,
                "GET",
                "/v1/namespaces/eng%2Fx/serviceaccounts",
                200,
                Some("eng/ci"),
                Duration::from_millis(7)
            ),
            "2026-01-05T14:03:09Z GET /v1/namespaces/eng%2Fx/serviceaccounts 200 eng/ci 7ms"
        );
        assert_eq!(
            line(at, "GET", "/a\nb c", 401, None, Duration::ZERO),
            "2026-01-05T14:03:09Z GET /ab_c 401 - 0ms"
        );
        // non-ASCII is kept, but not its control and space characters
        assert_eq!(
            line(
                at,
                "GET",
                "/caf\u{e9}\u{85}\u{a0}x",
                404,
                None,
                Duration::ZERO
            ),
            "2026-01-05T14:03:09Z GET /caf\u{e9}_x 404 - 0ms"
        );
        assert_eq!(
            line(at, "GET", "/a\u{202e}b\u{200b}", 404, None, Duration::ZERO),
            "2026-01-05T14:03:09Z GET /a\\u{202e}b\\u{200b} 404 - 0ms"
        );
        // the next second, and back: each line has its own
        let next: Timestamp = "2026-01-05T14:03:10.5Z".parse().unwrap();
        assert!(
            line(next, "GET", "/", 200, None, Duration::ZERO).starts_with("2026-01-05T14:03:10Z ")
        );
        assert!(
            line(at, "GET", "/", 200, None, Duration::ZERO).starts_with("2026-01-05T14:03:09Z ")
        );
    }
}
