//! Issued tokens.

use axum::extract::{Extension, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use jiff::Timestamp;

use super::{Answer, St};
use crate::api::{self, ListBody, Shown, TokenView};
use crate::identity::{Name, Reference};
use crate::issued::{IssueRequest, IssuedToken, TokenRename, TokenRequest};
use crate::server::auth::Caller;
use crate::server::authz::{acting_on, may_list_tokens, write_on_the_record};
use crate::server::blocking::{blocking, policies};
use crate::server::extract::{JsonBody, LabelSelector, Params};
use crate::server::paging::Paging;
use crate::server::problem::ApiError;
use crate::server::respond::{json, with_header};

fn token_url(r: &Reference, name: &Name) -> String {
    format!(
        "/v1/namespaces/{}/serviceaccounts/{}/tokens/{name}",
        api::ns_segment(&r.namespace),
        r.name
    )
}

pub async fn list_tokens(State(st): St, p: Params, sel: LabelSelector, paging: Paging) -> Answer {
    let r = p.reference()?;
    let mut items = blocking(&st, move |s| s.list_tokens(&r)).await?;
    items.retain(|t| sel.keeps(&t.labels));
    let (items, metadata) = paging.page(items, |t| vec![t.name.to_string()]);
    Ok(json(
        StatusCode::OK,
        &ListBody {
            kind: "TokenList".into(),
            items: items.iter().map(TokenView::new).collect(),
            warnings: vec![],
            metadata,
        },
    ))
}

/// 201 with the token, the only time it is shown.
/// In a dry run (`server::dry_run`) the token is empty.
fn issued_answer(status: StatusCode, r: &Reference, t: &IssuedToken) -> Response {
    let res = if crate::server::dry_run::active() {
        json(
            status,
            &IssuedToken {
                token: String::new(),
                record: t.record.clone(),
            },
        )
    } else {
        json(status, t)
    };
    let res = with_header(res, header::CACHE_CONTROL, "no-store");
    with_header(res, header::LOCATION, &token_url(r, &t.record.name))
}

pub async fn issue_token(
    State(st): St,
    Extension(caller): Extension<Caller>,
    p: Params,
    JsonBody(body): JsonBody<IssueRequest>,
) -> Answer {
    let r = p.reference()?;
    crate::registry::tokens::check_request(&body, Timestamp::now())?;
    let decide = acting_on(&caller, "create", api::resource::TOKEN);
    let t = write_on_the_record(&st, &r, decide, move |engine, target| {
        crate::registry::tokens::issue_pinned(engine, &target, &body, false)
    })
    .await?;
    Ok(issued_answer(StatusCode::CREATED, &r, &t))
}

/// A requested token (`crate::registry::requested`): `create` on `token` for the account, as
/// an issued one; 200 (nothing is stored), never cached.
pub async fn request_token(
    State(st): St,
    Extension(caller): Extension<Caller>,
    p: Params,
    JsonBody(body): JsonBody<TokenRequest>,
) -> Answer {
    let r = p.reference()?;
    let bounds = (st.min_requested_lifetime, st.max_requested_lifetime);
    crate::registry::requested::lifetime(&body, bounds.0, bounds.1)?;
    let decide = acting_on(&caller, "create", api::resource::TOKEN);
    let mut t = write_on_the_record(&st, &r, decide, move |engine, target| {
        crate::registry::requested::request(engine, &target, &body, bounds, Timestamp::now())
    })
    .await?;
    if crate::server::dry_run::active() {
        t.token = String::new();
    }
    Ok(with_header(
        json(StatusCode::OK, &t),
        header::CACHE_CONTROL,
        "no-store",
    ))
}

pub async fn revoke_token(State(st): St, p: Params) -> Answer {
    let (r, name) = (p.reference()?, p.token()?);
    blocking(&st, move |s| s.revoke_token(&r, &name)).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

pub async fn regenerate_token(
    State(st): St,
    Extension(caller): Extension<Caller>,
    p: Params,
) -> Answer {
    let (r, name) = (p.reference()?, p.token()?);
    let decide = acting_on(&caller, "create", api::resource::TOKEN);
    let t = write_on_the_record(&st, &r, decide, move |engine, target| {
        crate::registry::tokens::regenerate_pinned(engine, &target, &name)
    })
    .await?;
    Ok(issued_answer(StatusCode::OK, &r, &t))
}

/// Renaming needs `update` on `token`; the answer is the token's record only to a caller that
/// may `list` the account's tokens, and otherwise its reference (`api::TokenRef`).
pub async fn rename_token(
    State(st): St,
    Extension(caller): Extension<Caller>,
    p: Params,
    JsonBody(body): JsonBody<TokenRename>,
) -> Answer {
    let (r, name) = (p.reference()?, p.token()?);
    let grants = policies(&st).await?;
    let r2 = r.clone();
    let t = match blocking(&st, move |s| s.rename_token(&r2, &name, &body.name)).await? {
        Shown::Record(t) => t,
        Shown::Reference(t) => {
            return Err(ApiError::internal(&anyhow::anyhow!(
                "the store answered the rename of a token of `{}` without the record",
                t.account
            )));
        }
    };
    let res = if may_list_tokens(&caller, &grants, &r.namespace, Timestamp::now()) {
        json(StatusCode::OK, &TokenView::new(&t))
    } else {
        json(StatusCode::OK, &api::TokenRef::of(&r, &t))
    };
    Ok(with_header(res, header::LOCATION, &token_url(&r, &t.name)))
}
