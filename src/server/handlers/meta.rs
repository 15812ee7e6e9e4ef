//! The public routes (health, readiness, the JWKS, the OpenAPI document) and `whoami`.

use std::sync::Arc;

use axum::extract::{Extension, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use base64::Engine as _;
use jiff::Timestamp;

use super::{Answer, St};
use crate::api::{self, code};
use crate::error::UserError;
use crate::model::{DEFAULT_JWKS_MAX_AGE_SECS, IssuerRecord};
use crate::registry::issuer::view_of;
use crate::server::auth::Caller;
use crate::server::blocking::blocking;
use crate::server::extract::Params;
use crate::server::problem::ApiError;
use crate::server::respond::{json, json_bytes};

/// The OpenAPI document of the repository root, served at `/v1/openapi.json`.
pub const OPENAPI: &str = include_str!("../../../openapi.json");

pub async fn healthz() -> Response {
    json(StatusCode::OK, &serde_json::json!({ "status": "ok" }))
}

/// `GET /version`: the server's build (`api::VersionInfo`), public.
pub async fn version() -> Response {
    json(StatusCode::OK, &crate::api::VersionInfo::this_build())
}

/// 200 while the store answers (`Engine::check`, never from a cache), 503 otherwise. The
/// route is public, so the reason (which names the store's folder or database) goes to the
/// server's log only, as kube-apiserver's `/readyz` withholds it from anonymous callers.
pub async fn readyz(State(st): St) -> Answer {
    match blocking(&st, |s| Ok(crate::store::local(s)?.check())).await? {
        Ok(()) => Ok(json(StatusCode::OK, &serde_json::json!({ "status": "ok" }))),
        Err(e) => {
            crate::errln!("svcacct: not ready: {e:#}");
            Err(ApiError::new(
                503,
                code::UNAVAILABLE,
                "not ready: the store does not answer (the reason is in the server's log)",
            ))
        }
    }
}

/// The server's metrics in the Prometheus text format (`server/metrics.rs`). Needs a policy
/// allowing `get` on `metrics` (globally), unless `serve --unauthenticated-metrics`.
pub async fn metrics(State(st): St) -> Response {
    let body = st.metrics.render(st.store.as_ref(), st.auth.cache.len());
    let mut res = body.into_response();
    res.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; version=0.0.4; charset=utf-8"),
    );
    res
}

/// The issuer's RSA keys and nothing else, as `svcacct jwks --issuer` prints them: a gateway
/// that verifies issued tokens with this set must not accept a token an account signs with its
/// own key (docs/ARCHITECTURE.md, "Trust domains"). HMAC secrets are never published.
pub async fn jwks(State(st): St, headers: HeaderMap) -> Answer {
    // Unreadable, the issuer's keys are left out: gateways keep what they fetched last. The
    // issuer record alone is read: token files only say how long a retired key is kept.
    let (keys, max_age) = blocking(&st, |s| {
        Ok(match crate::store::local(s)?.read_issuer() {
            Ok(record) => {
                let max_age = max_age_of(record.as_ref());
                let set = record
                    .map(|r| crate::token::issuer_jwks(&view_of(&r, &[], Timestamp::now())))
                    .unwrap_or_default();
                set.report_left_out();
                (set.keys, max_age)
            }
            Err(e) => {
                crate::errln!("svcacct: left out of the JWKS: the issuer's keys: {e:#}");
                (vec![], DEFAULT_JWKS_MAX_AGE_SECS)
            }
        })
    })
    .await?;
    // Rendering parses every key: the last body is kept while the keys are the same.
    let fingerprint = serde_json::to_vec(&keys).unwrap_or_default();
    let last = st
        .jwks_body
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .clone();
    let body = match last {
        Some((f, body)) if f == fingerprint => body,
        _ => {
            let body = axum::body::Bytes::from(
                serde_json::to_vec(&serde_json::json!({ "keys": keys })).unwrap_or_default(),
            );
            *st.jwks_body.lock().unwrap_or_else(|e| e.into_inner()) =
                Some((fingerprint, body.clone()));
            body
        }
    };
    Ok(cacheable(&headers, body, max_age))
}

/// The `max-age` of the issuer's documents: its record's (`issuer set-jwks-max-age`), the
/// default before there is an issuer.
fn max_age_of(issuer: Option<&IssuerRecord>) -> u64 {
    issuer.map_or(DEFAULT_JWKS_MAX_AGE_SECS, |r| r.jwks_max_age_seconds)
}

/// The issuer's OpenID Connect discovery document (`api::OpenIdConfiguration`), for an issuer
/// with a URL (`svcacct serve --issuer-url`, `svcacct issuer set-url`); 404 with what to do
/// for one without (its `iss` is a URN nobody can fetch).
pub async fn openid_configuration(State(st): St, headers: HeaderMap) -> Answer {
    let issuer = blocking(&st, |s| Ok(crate::store::local(s)?.read_issuer()?)).await?;
    let max_age = max_age_of(issuer.as_ref());
    let Some(url) = issuer.and_then(|i| i.url) else {
        return Err(ApiError::new(
            404,
            code::NOT_FOUND,
            "the issuer has no URL, so there is nothing to discover: start the server with \
             `svcacct serve --issuer-url https://…` (or run `svcacct issuer set-url` on its store)",
        ));
    };
    let body = serde_json::to_vec(&api::OpenIdConfiguration::of(&url)).unwrap_or_default();
    Ok(cacheable(&headers, body.into(), max_age))
}

/// A public document that relying parties cache: `Cache-Control: public, max-age=…` (the
/// issuer's JWKS max-age, `max_age` seconds), a strong `ETag` (a hash of the body), and 304
/// Not Modified for an `If-None-Match` that names it (RFC 9110 §13.1.2, which compares weakly:
/// a `W/` tag with the same value matches too).
fn cacheable(headers: &HeaderMap, body: axum::body::Bytes, max_age: u64) -> Response {
    let digest = aws_lc_rs::digest::digest(&aws_lc_rs::digest::SHA256, &body);
    let etag = format!(
        "\"{}\"",
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(&digest.as_ref()[..18])
    );
    let matches = headers
        .get_all(header::IF_NONE_MATCH)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(|t| t.trim())
        .any(|t| t == "*" || t.strip_prefix("W/").unwrap_or(t) == etag);
    let mut res = if matches {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        json_bytes(StatusCode::OK, body)
    };
    let cache = format!("public, max-age={max_age}");
    let res_headers = res.headers_mut();
    for (name, value) in [(header::CACHE_CONTROL, cache), (header::ETAG, etag)] {
        if let Ok(v) = HeaderValue::from_str(&value) {
            res_headers.insert(name, v);
        }
    }
    res
}

/// One account's keys, as `svcacct jwks NAME` prints them: what a gateway verifies that
/// account's self-signed tokens with (`iss` = the account). No token needed, as for the
/// issuer's set. An unknown, disabled or expired account has no keys: the same empty set for
/// each, so the route tells an anonymous caller no more than a 401 does (an active account
/// with keys is known by its keys, which is what the route is for).
pub async fn account_jwks(State(st): St, p: Params) -> Answer {
    let r = p.reference()?;
    let account = match st.store.engine().and_then(|e| e.cached_account(&r)) {
        Some(a) => Some(a),
        None => {
            blocking(&st, move |s| match s.get_account(&r) {
                Ok(a) => Ok(Some(Arc::new(a))),
                Err(e) if matches!(e.downcast_ref(), Some(UserError::UnknownAccount { .. })) => {
                    Ok(None)
                }
                Err(e) => Err(e),
            })
            .await?
        }
    };
    let Some(account) = account else {
        return Ok(json(StatusCode::OK, &serde_json::json!({ "keys": [] })));
    };
    let set = crate::token::account_jwks(&account, Timestamp::now());
    set.report_left_out();
    Ok(json_bytes(
        StatusCode::OK,
        axum::body::Bytes::from(serde_json::to_vec(&set.document()).unwrap_or_default()),
    ))
}

pub async fn openapi() -> Response {
    let mut res = OPENAPI.into_response();
    res.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    res
}

pub async fn whoami(Extension(caller): Extension<Caller>) -> Response {
    json(StatusCode::OK, &caller.identity())
}
