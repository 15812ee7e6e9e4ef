//! An account's keys.

use std::collections::HashMap;

use axum::extract::{Extension, Query, State};
use axum::http::{StatusCode, header};
use axum::response::IntoResponse;
use jiff::Timestamp;

use super::{Answer, St};
use crate::api::{self, ListBody, NewKey};
use crate::output::sanitize;
use crate::server::auth::Caller;
use crate::server::authz::{acting_on, holder_out_of_reach, on_the_record};
use crate::server::blocking::{blocking, policies};
use crate::server::extract::{JsonBody, Params};
use crate::server::handlers::accounts::{account_url, account_write_answer, public_key};
use crate::server::problem::ApiError;
use crate::server::respond::{json, with_header};

pub async fn list_keys(State(st): St, p: Params) -> Answer {
    let r = p.reference()?;
    let a = blocking(&st, move |s| s.get_account(&r)).await?;
    let res = json(
        StatusCode::OK,
        &ListBody {
            kind: "KeyList".into(),
            items: a.keys.iter().map(api::KeyView::new).collect(),
            warnings: vec![],
            metadata: None,
        },
    );
    Ok(with_header(res, header::ETAG, &api::etag(a.revision)))
}

pub async fn add_key(
    State(st): St,
    Extension(caller): Extension<Caller>,
    p: Params,
    JsonBody(body): JsonBody<NewKey>,
) -> Answer {
    let r = p.reference()?;
    let decide = acting_on(&caller, "create", api::resource::KEY);
    let (st, caller, body) = (&st, &caller, &body);
    let (a, kid) = on_the_record(st, &r, decide, |target, decision| async move {
        let key = public_key(
            &body.public_key,
            body.algorithm,
            "the public key of the request",
            Timestamp::now(),
        )?;
        let kid = key.kid.clone();
        let a = match blocking(st, move |s| {
            let engine = decision.over(crate::store::local(s)?);
            Ok(crate::registry::accounts::add_key(
                &engine,
                &target.reference(),
                &key,
                Some(&target),
            ))
        })
        .await?
        {
            Ok(a) => a,
            Err(e) => return Err(holder_out_of_reach(st, caller, e).await),
        };
        Ok((a, kid))
    })
    .await?;
    let grants = policies(st).await?;
    let res = account_write_answer(caller, &grants, StatusCode::CREATED, &a);
    Ok(with_header(
        res,
        header::LOCATION,
        &format!("{}/keys/{kid}", account_url(&a)),
    ))
}

pub async fn remove_key(
    State(st): St,
    p: Params,
    Query(q): Query<HashMap<String, String>>,
) -> Answer {
    let r = p.reference()?;
    let force = match q.get("force").map(String::as_str) {
        None | Some("false") => false,
        Some("true") | Some("") => true,
        Some(v) => {
            return Err(ApiError::invalid(format!(
                "`force` must be true or false, not `{}`",
                sanitize(v)
            )));
        }
    };
    let kid = p.raw("kid").to_owned();
    blocking(&st, move |s| s.remove_key(&r, &kid, force)).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}
