//! The access log (one line per request on stderr, never a token or a query string) and the
//! per-request timeout.

use std::io::Write;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use axum::extract::{Request, State};
use axum::http::{HeaderValue, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use hyper::body::Body as _;
use jiff::Timestamp;

use super::auth::AccountSlot;
use super::conns::{self, BodyDeadline};
use super::limits;
use super::problem::ApiError;
use crate::api::code;

/// One access-log line: `<RFC 3339 UTC time> <METHOD> <path> <status> <account or -> <ms>ms`.
/// The path has no query string and no control characters (nor spaces, so the fields stay
/// apart); bidirectional-text and invisible characters are escaped (`\u{202e}`).
/// [`access_log`] gives at most [`limits::ECHO_BYTES`] of it, and of the method at most
/// [`limits::MAX_METHOD_BYTES`], each followed by `…` when cut.
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

/// When a request arrived (read by the server): the store's read cache answers it with every
/// write finished before then (`Store::cached_account`).
#[derive(Clone, Copy, Debug)]
pub struct Arrived(pub Instant);

impl Arrived {
    /// The arrival noted in `extensions`; now when there is none.
    pub fn of(extensions: &axum::http::Extensions) -> Instant {
        extensions
            .get::<Arrived>()
            .map_or_else(Instant::now, |a| a.0)
    }
}

/// A handler's `Arrived` (never refused: now, without the access-log layer).
impl<S: Send + Sync> axum::extract::FromRequestParts<S> for Arrived {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        _state: &S,
    ) -> Result<Self, Self::Rejection> {
        Ok(Arrived(Arrived::of(&parts.extensions)))
    }
}

/// The outermost layer: the refusals before routing ([`limits::refusal`]), the request
/// timeout, the body's deadline ([`conns::BODY_WAIT`]) and the access-log line once answered.
/// (One layer for all: each `from_fn` layer clones the service under it and boxes a future
/// per request.)
pub async fn access_log(State(limit): State<Duration>, mut req: Request, next: Next) -> Response {
    let start = Instant::now();
    let slot = AccountSlot::default();
    req.extensions_mut().insert(slot.clone());
    req.extensions_mut().insert(Arrived(start));
    let method = limits::cut(req.method().as_str(), limits::MAX_METHOD_BYTES).into_owned();
    // `Uri::path` never holds the query.
    let path = limits::cut(req.uri().path(), limits::ECHO_BYTES).into_owned();
    let body_wait = conns::body_wait(limit);
    // A request without a body (most are) has nothing to wait for.
    let late = (!req.body().is_end_stream()).then(|| {
        let late = Arc::new(AtomicBool::new(false));
        let at = start + body_wait;
        let body = std::mem::take(req.body_mut());
        *req.body_mut() = axum::body::Body::new(BodyDeadline::new(body, at, late.clone()));
        late
    });
    let mut res = match limits::refusal(&req) {
        Some(refused) => refused,
        None => match tokio::time::timeout(limit, next.run(req)).await {
            Ok(res) => res,
            Err(_) => timed_out(limit),
        },
    };
    if late.is_some_and(|l| l.load(Ordering::Acquire)) {
        res = body_timed_out(body_wait);
    }
    write(
        &method,
        &path,
        res.status().as_u16(),
        slot.0.get().map(String::as_str),
        start.elapsed(),
    );
    res
}

/// Writes the access-log [`line()`] of a request answered now; `method` and `path` already cut
/// to [`limits::MAX_METHOD_BYTES`] and [`limits::ECHO_BYTES`] ([`limits::cut`]).
pub fn write(method: &str, path: &str, status: u16, account: Option<&str>, latency: Duration) {
    let mut l = line(Timestamp::now(), method, path, status, account, latency);
    // One `write` per line (`writeln!` on the unbuffered stderr makes two).
    l.push('\n');
    let _ = std::io::stderr().lock().write_all(l.as_bytes());
}

/// 408 when reading the body and answering takes longer than `--request-timeout`.
fn timed_out(limit: Duration) -> Response {
    ApiError::new(
        408,
        code::TIMEOUT,
        format!(
            "the request was not received and answered within {} (--request-timeout)",
            crate::time::setting(jiff::SignedDuration::try_from(limit).unwrap_or_default())
        ),
    )
    .into_response()
}

/// 408 when the body has not all come [`conns::BODY_WAIT`] after the head, with
/// `Connection: close`: the rest of it is not read.
fn body_timed_out(wait: Duration) -> Response {
    let mut res = ApiError::new(
        408,
        code::TIMEOUT,
        format!(
            "the request body did not arrive within {} of its head",
            crate::time::setting(jiff::SignedDuration::try_from(wait).unwrap_or_default())
        ),
    )
    .into_response();
    res.headers_mut()
        .insert(header::CONNECTION, HeaderValue::from_static("close"));
    res
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
