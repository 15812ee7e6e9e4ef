//! Extractors whose refusals are problems: path parameters, JSON bodies, `If-Match`.

use axum::extract::rejection::JsonRejection;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;
use axum::http::{HeaderMap, StatusCode, header};
use serde::de::DeserializeOwned;

use super::problem::ApiError;
use crate::api::{self, code};
use crate::identity::{Name, Namespace, Reference};
use crate::output::sanitize;

/// The path parameters, percent-decoded (`eng%2Fplatform` → `eng/platform`), as the router
/// found them (no map or copies of their own).
pub struct Params(axum::extract::RawPathParams);

impl<S: Send + Sync> FromRequestParts<S> for Params {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        use axum::extract::rejection::RawPathParamsRejection;
        axum::extract::RawPathParams::from_request_parts(parts, state)
            .await
            .map(Params)
            .map_err(|e| {
                // As `Path` said it, which these parameters were read with before.
                let text = match &e {
                    RawPathParamsRejection::InvalidUtf8InPathParam(_) => {
                        format!("Invalid URL: {}", e.body_text())
                    }
                    _ => e.body_text(),
                };
                ApiError::invalid(sanitize(&text))
            })
    }
}

impl Params {
    pub fn raw(&self, key: &str) -> &str {
        self.0
            .iter()
            .find_map(|(k, v)| (k == key).then_some(v))
            .unwrap_or("")
    }

    pub fn ns(&self) -> Result<Namespace, ApiError> {
        namespace_param(self.raw("ns"))
    }

    pub fn name(&self) -> Result<Name, ApiError> {
        Ok(Name::parse(self.raw("name"))?)
    }

    pub fn reference(&self) -> Result<Reference, ApiError> {
        Ok(Reference::new(self.ns()?, self.name()?))
    }

    pub fn token(&self) -> Result<Name, ApiError> {
        Ok(Name::parse(self.raw("token"))?)
    }
}

/// The `labelSelector` query parameter of a list (`crate::labels::Selector`): `None` without
/// one; a 400 problem with the parser's message for one that does not parse.
pub struct LabelSelector(pub Option<crate::labels::Selector>);

#[derive(serde::Deserialize)]
struct ListQuery {
    #[serde(rename = "labelSelector")]
    label_selector: Option<String>,
}

impl<S: Send + Sync> FromRequestParts<S> for LabelSelector {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, ApiError> {
        let q = axum::extract::Query::<ListQuery>::try_from_uri(&parts.uri)
            .map_err(|e| ApiError::invalid(sanitize(&e.body_text())))?;
        match q.0.label_selector {
            None => Ok(LabelSelector(None)),
            Some(s) => Ok(LabelSelector(Some(crate::labels::Selector::parse(&s)?))),
        }
    }
}

impl LabelSelector {
    /// Whether a record with these labels is listed.
    pub fn keeps(&self, labels: &crate::labels::Labels) -> bool {
        self.0.as_ref().is_none_or(|s| s.matches(labels))
    }
}

/// A `{ns}` path parameter as a namespace, or the 400 problem.
fn namespace_param(raw: &str) -> Result<Namespace, ApiError> {
    Ok(Namespace::parse(raw)?)
}

/// A JSON body: 415 when it is not `application/json`, 413 above `MAX_BODY_BYTES`, 400 when
/// it does not parse or has unknown fields.
pub struct JsonBody<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for JsonBody<T> {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, ApiError> {
        match axum::Json::<T>::from_request(req, state).await {
            Ok(axum::Json(v)) => Ok(JsonBody(v)),
            Err(e) => Err(json_refusal(&e)),
        }
    }
}

fn json_refusal(e: &JsonRejection) -> ApiError {
    match e.status() {
        StatusCode::UNSUPPORTED_MEDIA_TYPE => ApiError::new(
            415,
            code::UNSUPPORTED_MEDIA_TYPE,
            "the body must be JSON, sent with `Content-Type: application/json`",
        ),
        StatusCode::PAYLOAD_TOO_LARGE => ApiError::new(
            413,
            code::TOO_LARGE,
            format!("the body is larger than {} bytes", api::MAX_BODY_BYTES),
        ),
        StatusCode::BAD_REQUEST | StatusCode::UNPROCESSABLE_ENTITY => {
            ApiError::invalid(sanitize(&e.body_text()))
        }
        s => ApiError::new(s.as_u16(), code::INVALID, sanitize(&e.body_text())),
    }
}

/// The revision an `If-Match` names: 428 without one, 400 when it names none.
pub fn if_match(headers: &HeaderMap) -> Result<u64, ApiError> {
    let Some(v) = headers.get(header::IF_MATCH) else {
        return Err(ApiError::new(
            428,
            code::PRECONDITION_REQUIRED,
            "an update needs `If-Match` with the revision that was read (its `ETag`, e.g. \"3\")",
        ));
    };
    v.to_str()
        .ok()
        .and_then(api::parse_if_match)
        .ok_or_else(|| {
            ApiError::invalid(
                "`If-Match` must name one revision, as the `ETag` gives it (e.g. \"3\")",
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_namespace_longer_than_a_file_name_is_refused() {
        let long = vec!["abcdefghi"; 30].join("/");
        let err = namespace_param(&long).unwrap_err();
        assert_eq!(err.problem.status, 400);
    }
}
