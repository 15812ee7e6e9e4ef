//! Error answers: every one is an `application/problem+json` [`Problem`] (RFC 9457).

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

use crate::api::{Problem, code};
use crate::error::UserError;
use crate::keys::KeyError;

pub const PROBLEM_JSON: &str = "application/problem+json";

/// An error a handler or middleware answers with.
#[derive(Debug)]
pub struct ApiError {
    pub problem: Box<Problem>,
    /// `WWW-Authenticate: Bearer` on a 401.
    bearer_challenge: bool,
}

impl ApiError {
    pub fn new(status: u16, code: &str, detail: impl Into<String>) -> ApiError {
        Problem::new(status, code, detail).into()
    }

    pub fn invalid(detail: impl Into<String>) -> ApiError {
        ApiError::new(400, code::INVALID, detail)
    }

    pub fn unauthorized(detail: impl Into<String>) -> ApiError {
        ApiError {
            problem: Box::new(Problem::new(401, code::UNAUTHORIZED, detail)),
            bearer_challenge: true,
        }
    }

    /// A failure of the server itself: the details go to the server's log, not to the client.
    pub fn internal(err: &anyhow::Error) -> ApiError {
        crate::errln!("svcacct: internal error: {err:#}");
        Problem::from_error(err).into()
    }
}

impl From<Problem> for ApiError {
    fn from(problem: Problem) -> Self {
        Box::new(problem).into()
    }
}

impl From<Box<Problem>> for ApiError {
    fn from(problem: Box<Problem>) -> Self {
        ApiError {
            problem,
            bearer_challenge: false,
        }
    }
}

impl From<UserError> for ApiError {
    fn from(e: UserError) -> Self {
        log(&e);
        Problem::from_user_error(&e).into()
    }
}

impl From<crate::store::StoreError> for ApiError {
    fn from(e: crate::store::StoreError) -> Self {
        UserError::from(e).into()
    }
}

/// The server's log line for the errors whose text stays there (the client gets a 500).
fn log(e: &UserError) {
    match e {
        UserError::CorruptRecord { .. } => crate::errln!("svcacct: {e}"),
        UserError::Unavailable(_) => crate::errln!("svcacct: internal error: {e}"),
        UserError::Unreachable(_) => crate::errln!("svcacct: {e}"),
        _ => {}
    }
}

impl From<KeyError> for ApiError {
    fn from(e: KeyError) -> Self {
        ApiError::invalid(e.to_string())
    }
}

impl From<anyhow::Error> for ApiError {
    fn from(err: anyhow::Error) -> Self {
        if let Some(e) = err.downcast_ref::<UserError>() {
            log(e);
            return Problem::from_user_error(e).into();
        }
        if let Some(e) = err.downcast_ref::<KeyError>() {
            return ApiError::invalid(e.to_string());
        }
        if let Some(e) = err.downcast_ref::<crate::store::postgres::DbFailure>()
            && e.is_unavailable()
        {
            crate::errln!("svcacct: {e}");
            return ApiError::new(
                503,
                crate::api::code::UNAVAILABLE,
                "the store's database cannot be reached (see the server's log)",
            );
        }
        ApiError::internal(&err)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        problem_response(&self.problem, self.bearer_challenge)
    }
}

pub fn problem_response(problem: &Problem, bearer_challenge: bool) -> Response {
    let status = StatusCode::from_u16(problem.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let body = serde_json::to_vec(problem).unwrap_or_default();
    let mut res = (status, body).into_response();
    res.headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static(PROBLEM_JSON));
    if bearer_challenge {
        res.headers_mut().insert(
            header::WWW_AUTHENTICATE,
            HeaderValue::from_static("Bearer realm=\"svcacct\""),
        );
    }
    res
}

#[cfg(test)]
mod tests {
    use super::ApiError;

    /// A store whose database cannot be reached answers 503 (the request may be tried again),
    /// not 500, and the answer does not name the database.
    #[test]
    fn an_unreachable_database_is_unavailable() {
        let e = anyhow::Error::new(crate::store::postgres::DbFailure::unreachable_for_tests())
            .context("listing accounts");
        let p = ApiError::from(e).problem;
        assert_eq!((p.status, p.code.as_str()), (503, "unavailable"));
        assert_eq!(
            p.detail,
            "the store's database cannot be reached (see the server's log)"
        );
    }
}
