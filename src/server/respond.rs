//! Answers: JSON bodies and headers, a listing's warnings, and the router's 404 and 405.

use axum::http::{HeaderValue, Method, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use super::AppState;
use super::limits;
use super::problem::ApiError;
use crate::api::code;
use crate::error::{RecordLocation, UserError};
use crate::output::sanitize;
use crate::store::Listing;

pub fn json(status: StatusCode, body: &impl Serialize) -> Response {
    json_bytes(status, serde_json::to_vec(body).unwrap_or_default().into())
}

/// A response with a body already serialized as JSON.
pub fn json_bytes(status: StatusCode, body: axum::body::Bytes) -> Response {
    let mut res = (status, body).into_response();
    res.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    res
}

pub fn with_header(mut res: Response, name: header::HeaderName, value: &str) -> Response {
    if let Ok(v) = HeaderValue::from_str(value) {
        res.headers_mut().insert(name, v);
    }
    res
}

/// The warnings of a listing: the unreadable records, named by their path inside the store.
pub fn warnings<T>(st: &AppState, listing: &Listing<T>) -> Vec<String> {
    listing
        .errors
        .iter()
        .map(|e| {
            crate::errln!("svcacct: {e}");
            match e {
                UserError::CorruptRecord {
                    location: RecordLocation::File(path),
                    why,
                } => {
                    let rel = st
                        .store_root
                        .as_deref()
                        .and_then(|root| path.strip_prefix(root).ok())
                        .unwrap_or(path.as_path());
                    format!(
                        "store record {} is unreadable: {}",
                        sanitize(&rel.display().to_string()),
                        sanitize(why)
                    )
                }
                other => sanitize(&other.to_string()),
            }
        })
        .collect()
}

/// 404, repeating at most [`limits::ECHO_BYTES`] of the path.
pub async fn not_found(uri: Uri) -> ApiError {
    ApiError::new(
        404,
        code::NOT_FOUND,
        format!(
            "no route {} (see /v1/openapi.json)",
            sanitize(&limits::cut(uri.path(), limits::ECHO_BYTES))
        ),
    )
}

/// 405, repeating at most [`limits::MAX_METHOD_BYTES`] of the method (a longer one is refused
/// before routing).
pub fn method_not_allowed(m: Method) -> ApiError {
    ApiError::new(
        405,
        code::METHOD_NOT_ALLOWED,
        format!(
            "method {} is not allowed on this route",
            sanitize(&limits::cut(m.as_str(), limits::MAX_METHOD_BYTES))
        ),
    )
}
