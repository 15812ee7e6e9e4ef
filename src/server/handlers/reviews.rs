//! Token reviews and access reviews.

use std::sync::Arc;

use axum::extract::{Extension, State};
use axum::http::StatusCode;
use jiff::Timestamp;

use super::{Answer, St};
use crate::api::{self, AccessReview, AccessReviewRequest, TokenReview, TokenReviewRequest};
use crate::error::{Rejected, UserError};
use crate::identity::{Namespace, Reference};
use crate::model::Status;
use crate::server::AppState;
use crate::server::auth::{Caller, public_reason};
use crate::server::authz::may_get;
use crate::server::blocking::{blocking, policies};
use crate::server::extract::JsonBody;
use crate::server::problem::ApiError;
use crate::server::respond::json;
use crate::store::Store;

/// Verifies a token for a review: the account and key, or why not (an unknown issuer and a
/// bad signature read alike).
fn review_token(
    st: &AppState,
    s: &dyn Store,
    token: &str,
    audience: Option<&str>,
) -> anyhow::Result<Result<crate::token::Verified, String>> {
    let opts = crate::token::VerifyOptions {
        audience,
        max_lifetime: st.auth.max_lifetime,
        max_lifetime_source: &st.auth.max_lifetime_source,
        now: Timestamp::now(),
    };
    use crate::server::metrics::{kind, result, via};
    let (kind, verified) = match crate::token::parse(token) {
        Ok(parsed) => (
            crate::server::auth::token_kind(&parsed),
            crate::token::verify_parsed(parsed, s, &opts),
        ),
        Err(e) => (kind::MALFORMED, Err(e)),
    };
    let answer = match verified {
        Ok(v) => Ok(Ok(v)),
        Err(e) if e.downcast_ref::<Rejected>().is_some() => match public_reason(e) {
            crate::server::auth::AuthError::Rejected(why) => Ok(Err(why)),
            crate::server::auth::AuthError::Internal(e) => Err(e),
        },
        Err(e) => Err(e),
    };
    let outcome = match &answer {
        Ok(Ok(_)) => result::VALID,
        Ok(Err(_)) => result::REJECTED,
        Err(_) => result::ERROR,
    };
    st.metrics.verified(via::TOKEN_REVIEW, kind, outcome);
    answer
}

pub async fn token_review(State(st): St, JsonBody(body): JsonBody<TokenReviewRequest>) -> Answer {
    let st2 = st.clone();
    let review = blocking(&st, move |s| {
        Ok(
            match review_token(&st2, s, &body.token, body.audience.as_deref())? {
                Ok(v) => TokenReview {
                    authenticated: true,
                    identity: Some(v.identity()),
                    error: None,
                },
                Err(why) => TokenReview {
                    authenticated: false,
                    identity: None,
                    error: Some(why),
                },
            },
        )
    })
    .await?;
    Ok(json(StatusCode::OK, &review))
}

/// An access review asks the policies about any account: what the answer says beyond
/// `allowed` is filtered by what the caller may read. The allowing policy is named only to a
/// caller that may `get` it; an account that is unknown, disabled or expired is told apart
/// only to a caller that may `get` it, and to any other all three read alike.
pub async fn access_review(
    State(st): St,
    Extension(caller): Extension<Caller>,
    JsonBody(body): JsonBody<AccessReviewRequest>,
) -> Answer {
    let action = crate::policy::check_pattern("action", &body.action)?;
    let resource = crate::policy::check_pattern("resource", &body.resource)?;
    let account_ref = match (&body.token, &body.account) {
        (Some(_), None) => None,
        (None, Some(a)) => Some(Reference::parse_canonical(a.trim())?),
        _ => {
            return Err(ApiError::invalid(
                "an access review names exactly one of `token` and `account`",
            ));
        }
    };
    let grants = policies(&st).await?;
    let st2 = st.clone();
    let review = blocking(&st, move |s| {
        let now = Timestamp::now();
        let may_read = |resource: &'static str, ns: Option<&Namespace>| {
            may_get(&caller.account, &grants, resource, ns, now)
        };
        // Why `r` cannot be allowed anything: `why`, to a caller that may read the account.
        let inactive = |r: &Reference, why: String| {
            if may_read(api::resource::SERVICE_ACCOUNT, Some(&r.namespace)) {
                why
            } else {
                format!("service account `{r}` is unknown, disabled or expired")
            }
        };
        let mut review = AccessReview {
            allowed: false,
            account: None,
            action: action.clone(),
            resource: resource.clone(),
            namespace: body.namespace.clone(),
            policy: None,
            reason: None,
        };
        let account = match (&body.token, account_ref) {
            (Some(t), _) => match review_token(&st2, s, t, None)? {
                Ok(v) => v.account,
                Err(why) => {
                    review.reason = Some(format!("token rejected: {why}"));
                    return Ok(review);
                }
            },
            (None, Some(r)) => {
                review.account = Some(r.to_string());
                match s.get_account(&r) {
                    Ok(a) => Arc::new(a),
                    Err(e) => match e.downcast_ref::<UserError>() {
                        Some(u @ UserError::UnknownAccount { .. }) => {
                            review.reason = Some(inactive(&r, u.to_string()));
                            return Ok(review);
                        }
                        _ => return Err(e),
                    },
                }
            }
            (None, None) => unreachable!("checked above"),
        };
        let r = account.reference();
        review.account = Some(r.to_string());
        match account.status(now) {
            Status::Active => {}
            Status::Disabled => {
                review.reason = Some(inactive(&r, format!("service account `{r}` is disabled")));
                return Ok(review);
            }
            Status::Expired => {
                review.reason = Some(inactive(&r, format!("service account `{r}` has expired")));
                return Ok(review);
            }
        }
        let found = match &body.namespace {
            Some(ns) => crate::policy::allowing(grants.iter(), &account, &action, &resource, ns),
            None => crate::policy::allowing(
                grants.iter().filter(|p| p.namespace.is_none()),
                &account,
                &action,
                &resource,
                &Namespace::default_ns(),
            ),
        };
        match found {
            Some(p) => {
                review.allowed = true;
                if may_read(api::resource::POLICY, p.namespace.as_ref()) {
                    review.policy = Some(p.name.to_string());
                }
            }
            None => {
                let place = match &body.namespace {
                    Some(ns) => format!("in namespace `{ns}`"),
                    None => "globally".to_owned(),
                };
                review.reason = Some(format!(
                    "no policy allows `{r}` to {action} {resource} {place}"
                ));
            }
        }
        Ok(review)
    })
    .await?;
    Ok(json(StatusCode::OK, &review))
}
