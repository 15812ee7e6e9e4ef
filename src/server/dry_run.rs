//! `?dryRun=All` (issue 16), as Kubernetes spells it: the request is authenticated, authorized
//! and validated as it would be, and its transaction runs, but nothing is written. The answer is
//! the one a real request would get (its status included); an issued or requested token in it is
//! empty, so that a dry run hands out no credential.
//!
//! The layer [`scope`] marks the request's task; [`super::blocking::blocking`] then runs the
//! store work over `store::dry_run::DryRun`, whose transactions are never committed.

use axum::extract::Request;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::problem::ApiError;
use crate::output::sanitize;

tokio::task_local! {
    static DRY_RUN: bool;
}

/// The value Kubernetes accepts (`All`: every stage, nothing persisted); any other is refused.
pub const ALL: &str = "All";

/// The `dryRun` query parameter of a request: `Ok(true)` for `All`, `Ok(false)` without one.
pub fn requested(query: Option<&str>) -> Result<bool, ApiError> {
    let mut found = false;
    for (key, value) in url_pairs(query.unwrap_or("")) {
        if key != "dryRun" {
            continue;
        }
        if value != ALL {
            return Err(ApiError::invalid(format!(
                "`dryRun` must be `{ALL}`, not `{}`",
                sanitize(&value)
            )));
        }
        found = true;
    }
    Ok(found)
}

fn url_pairs(query: &str) -> impl Iterator<Item = (String, String)> + '_ {
    query.split('&').filter(|p| !p.is_empty()).map(|pair| {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        let decode = |s: &str| {
            percent_encoding::percent_decode_str(s)
                .decode_utf8_lossy()
                .into_owned()
        };
        (decode(k), decode(v))
    })
}

/// Runs the rest of the request (the guard and the handler) as a dry run when it asks for one.
/// A `GET` writes nothing anyway: it is answered as usual (outside a transaction, so that a
/// read never waits for the store's lock).
pub async fn scope(req: Request, next: Next) -> Response {
    if req.method() == axum::http::Method::GET || req.method() == axum::http::Method::HEAD {
        return next.run(req).await;
    }
    match requested(req.uri().query()) {
        Ok(false) => next.run(req).await,
        Ok(true) => DRY_RUN.scope(true, next.run(req)).await,
        Err(e) => e.into_response(),
    }
}

/// Whether the request being answered is a dry run.
pub fn active() -> bool {
    DRY_RUN.try_with(|d| *d).unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use super::requested;

    #[test]
    fn the_dry_run_parameter() {
        assert!(!requested(None).unwrap());
        assert!(!requested(Some("force=true")).unwrap());
        assert!(requested(Some("dryRun=All")).unwrap());
        assert!(requested(Some("force=true&dryRun=All")).unwrap());
        let err = requested(Some("dryRun=all")).unwrap_err();
        assert_eq!(err.problem.status, 400);
        assert_eq!(err.problem.detail, "`dryRun` must be `All`, not `all`");
    }
}
