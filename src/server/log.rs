//! The access log (one line per request on stderr, never a token or a query string) and the
//! per-request timeout.

use std::io::Write;
use std::time::{Duration, Instant};

use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use jiff::Timestamp;

use super::auth::AccountSlot;
use super::problem::ApiError;
use crate::api::code;

/// One access-log line: `<RFC 3339 UTC time> <METHOD> <path> <status> <account or -> <ms>ms`.
/// The path has no query string and no control characters (nor spaces, so the fields stay
/// apart).
pub fn line(
    at: Timestamp,
    method: &str,
    path: &str,
    status: u16,
    account: Option<&str>,
    latency: Duration,
) -> String {
    let at = Timestamp::from_second(at.as_second()).unwrap_or(at);
    let path: String = path
        .chars()
        .filter(|c| !c.is_control())
        .map(|c| if c.is_whitespace() { '_' } else { c })
        .collect();
    format!(
        "{at} {method} {path} {status} {} {}ms",
        account.unwrap_or("-"),
        latency.as_millis()
    )
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

pub async fn access_log(mut req: Request, next: Next) -> Response {
    let start = Instant::now();
    let slot = AccountSlot::default();
    req.extensions_mut().insert(slot.clone());
    req.extensions_mut().insert(Arrived(start));
    let method = req.method().clone();
    // `Uri::path` never holds the query.
    let path = req.uri().path().to_owned();
    let res = next.run(req).await;
    let account = slot.0.get();
    let mut l = line(
        Timestamp::now(),
        method.as_str(),
        &path,
        res.status().as_u16(),
        account.map(String::as_str),
        start.elapsed(),
    );
    // One `write` per line (`writeln!` on the unbuffered stderr makes two).
    l.push('\n');
    let _ = std::io::stderr().lock().write_all(l.as_bytes());
    res
}

/// 408 when reading the body and answering takes longer than `--request-timeout`.
pub async fn timeout(State(limit): State<Duration>, req: Request, next: Next) -> Response {
    match tokio::time::timeout(limit, next.run(req)).await {
        Ok(res) => res,
        Err(_) => ApiError::new(
            408,
            code::TIMEOUT,
            format!(
                "the request was not received and answered within {} (--request-timeout)",
                crate::time::setting(jiff::SignedDuration::try_from(limit).unwrap_or_default())
            ),
        )
        .into_response(),
    }
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
    }
}
