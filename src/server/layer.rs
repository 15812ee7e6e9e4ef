//! The outermost layer: the refusals before routing, the per-request timeout, the body's
//! deadline and the access-log line of each request.
//!
//! Why not tower-http's timeout and trace layers with a `tracing` subscriber: every request
//! passes here, and its cost is measured against `/healthz` by `bench/serve`. Each `from_fn`
//! layer cost about 4,500 instructions per request (one layer instead of two saved that), and
//! the line written in one buffer 1,300 instead of 5,300 (BENCHMARKS.md, "Third round").
//! tower-http's were measured in this one's place (`bench/serve-instructions`, the variant in
//! `bench/tower-http-layers.patch`; BENCHMARKS.md, "tower-http's layers against ours (issue
//! 13)"): `TraceLayer` writing this line and `TimeoutLayer`, in one `Router::layer` with a
//! layer of ours for what they cannot do (the refusals, the body's deadline, the metrics, the
//! 408's problem), cost 1,700 to 2,200 more instructions per request than this layer alone
//! (+4.7 % at `/healthz`, +2.3 to 2.9 % for a reused token); with the line written by a
//! `tracing` subscriber from the request's span, 3,900 to 6,300 more (+10 %, +7 to 8.5 %). And
//! none of this layer's work would go but one call to `tokio::time::timeout`.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use axum::extract::{Request, State};
use axum::http::{HeaderValue, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use hyper::body::Body as _;

use super::AppState;
use super::conns::{self, BodyDeadline};
use super::limits;
use super::log::write;
use super::problem::ApiError;
use super::request::Notes;
use crate::api::code;

/// The outermost layer: the refusals before routing ([`limits::refusal`]), the request
/// timeout, the body's deadline ([`conns::BODY_WAIT`]), the access-log line once answered and
/// the request's count and duration in the metrics (under the route the guard noted).
/// (One layer for all: each `from_fn` layer clones the service under it and boxes a future
/// per request.)
pub async fn access_log(State(st): State<Arc<AppState>>, mut req: Request, next: Next) -> Response {
    let start = Instant::now();
    let limit = st.request_timeout;
    let notes = Notes::default();
    req.extensions_mut().insert(notes.clone());
    let http_method = req.method().clone();
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
    let took = start.elapsed();
    let status = res.status().as_u16();
    write(
        &method,
        &path,
        status,
        notes.0.account.get().map(String::as_str),
        took,
    );
    let route = notes
        .0
        .route
        .get()
        .copied()
        .unwrap_or(super::metrics::UNMATCHED);
    st.metrics
        .request(&http_method, route, status, took.as_secs_f64());
    res
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
