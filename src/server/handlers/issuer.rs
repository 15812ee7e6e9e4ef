//! The issuer.

use axum::extract::State;
use axum::http::StatusCode;

use super::{Answer, St};
use crate::api::code;
use crate::error::UserError;
use crate::issued::RotateRequest;
use crate::server::blocking::blocking;
use crate::server::extract::JsonBody;
use crate::server::problem::ApiError;
use crate::server::respond::json;

pub async fn get_issuer(State(st): St) -> Answer {
    match blocking(&st, |s| s.issuer()).await? {
        Some(v) => Ok(json(StatusCode::OK, &v)),
        None => Err(ApiError::new(
            404,
            code::NOT_FOUND,
            "the store has no issuer yet: it is created when the first token is issued",
        )),
    }
}

/// Rotates an RSA issuer; an HMAC issuer needs a new secret, which is given on the server's
/// store folder (`svcacct issuer rotate --secret-file`) so that it never travels.
pub async fn rotate_issuer(State(st): St, JsonBody(body): JsonBody<RotateRequest>) -> Answer {
    let v = blocking(&st, move |s| {
        if let Some(i) = s.issuer()?
            && i.algorithm == crate::issued::IssuerAlgorithm::HS256
        {
            return Err(UserError::Failure(
                "an HS256 issuer is rotated with its new secret on the server's store folder \
                 (`svcacct issuer rotate --secret-file FILE --store DIR`), so that the secret never travels"
                    .into(),
            )
            .into());
        }
        s.rotate_issuer(None, &body)
    })
    .await?;
    Ok(json(StatusCode::OK, &v))
}
