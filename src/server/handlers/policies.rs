//! Policies, global and of a namespace.

use std::sync::Arc;

use axum::extract::{Extension, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use jiff::Timestamp;

use super::{Answer, St};
use crate::api::{self, ListBody, NewPolicy, PolicyChange, PolicyRef, PolicyView};
use crate::identity::{Name, Namespace};
use crate::model::{Account, Policy, PolicyScope, new_uid};
use crate::registry::decided::Decided;
use crate::server::AppState;
use crate::server::auth::Caller;
use crate::server::authz::{may_get_policy, overreach};
use crate::server::blocking::{blocking, policies};
use crate::server::extract::{JsonBody, LabelSelector, Params, if_match};
use crate::server::paging::Paging;
use crate::server::problem::ApiError;
use crate::server::respond::{json, warnings, with_header};
use crate::store::{Listing, Scope, Store, stale};

fn policy_url(p: &Policy) -> String {
    match &p.namespace {
        None => format!("/v1/globalpolicies/{}", p.name),
        Some(ns) => format!("/v1/namespaces/{}/policies/{}", api::ns_segment(ns), p.name),
    }
}

fn policy_answer(status: StatusCode, p: &Policy) -> Response {
    policy_response(status, p, json(status, &PolicyView::new(p)))
}

/// `res` with the policy's revision as `ETag`, and for 201 its `Location`.
fn policy_response(status: StatusCode, p: &Policy, res: Response) -> Response {
    let res = with_header(res, header::ETAG, &api::etag(p.revision));
    if status == StatusCode::CREATED {
        with_header(res, header::LOCATION, &policy_url(p))
    } else {
        res
    }
}

/// The answer of a write of policy `p`.
fn policy_write_answer(
    caller: &Caller,
    grants: &[Policy],
    status: StatusCode,
    p: &Policy,
) -> Response {
    if may_get_policy(caller, grants, p, Timestamp::now()) {
        policy_answer(status, p)
    } else {
        policy_response(status, p, json(status, &PolicyRef::of(p)))
    }
}

/// A policy's key in a `continue` token (`server/paging.rs`): its namespace, empty for a
/// global one (global policies come first, as the engines order them), and its name.
fn policy_key(p: &Policy) -> Vec<String> {
    let ns = p.namespace.as_ref().map(|n| n.to_string());
    vec![ns.unwrap_or_default(), p.name.to_string()]
}

fn typed_key(k: &[String]) -> Option<(PolicyScope, Name)> {
    match k {
        [ns, name] => Some((
            match ns.as_str() {
                "" => PolicyScope::Global,
                ns => PolicyScope::Namespace(Namespace::parse(ns).ok()?),
            },
            Name::parse(name).ok()?,
        )),
        _ => None,
    }
}

/// The policies of `scope` (only the global ones with `global`) that `sel` keeps, whole or on
/// the page `paging` asks for, read from the engine as `accounts::accounts_of` does.
async fn policies_of(
    st: &Arc<AppState>,
    scope: Scope,
    global: bool,
    sel: LabelSelector,
    paging: Paging,
) -> Answer {
    let keeps = move |p: &Policy| (!global || p.namespace.is_none()) && sel.keeps(&p.labels);
    let Some(page) = paging.engine_page(typed_key)? else {
        let mut listing = blocking(st, move |s| s.list_policies(&scope)).await?;
        listing.items.retain(keeps);
        return Ok(policy_list(st, listing, None));
    };
    let listing: Listing<Policy> = blocking(st, move |s| {
        let engine = crate::store::local(s)?;
        Ok(engine
            .read_policies(&scope, &page)
            .map_err(crate::error::UserError::from)?
            .into())
    })
    .await?;
    // Global policies come first: past the first namespaced one, none remains.
    let past_globals = global && listing.items.iter().any(|p| p.namespace.is_some());
    let (items, mut metadata) = paging.cut(listing.items, policy_key, keeps);
    if past_globals {
        metadata.continue_ = None;
    }
    let listing = Listing {
        items,
        errors: listing.errors,
    };
    // On every page, as `accounts::accounts_of`.
    Ok(policy_list(st, listing, Some(metadata)))
}

fn policy_list(
    st: &AppState,
    listing: Listing<Policy>,
    metadata: Option<api::ListMeta>,
) -> Response {
    let warnings = warnings(st, &listing);
    let items: Vec<PolicyView> = listing.items.iter().map(PolicyView::new).collect();
    json(
        StatusCode::OK,
        &ListBody {
            kind: "PolicyList".into(),
            items,
            warnings,
            metadata,
        },
    )
}

/// Subjects, actions, resources.
type PolicyLists = (Vec<String>, Vec<String>, Vec<String>);

/// The stored form of a policy's lists, checked as `svcacct policy create` checks them.
/// Subjects are references as `-o json` shows them: `name` is in `default`, `ns/name` elsewhere.
fn policy_lists(
    subjects: &[String],
    actions: &[String],
    resources: &[String],
) -> Result<PolicyLists, ApiError> {
    let subjects = crate::policy::normalize_subjects(subjects, &Namespace::default_ns())?;
    let actions = crate::policy::check_patterns("action", actions)?;
    let resources = crate::policy::check_patterns("resource", resources)?;
    for (kind, list) in [
        ("subjects", &subjects),
        ("actions", &actions),
        ("resources", &resources),
    ] {
        if list.is_empty() {
            return Err(ApiError::invalid(format!(
                "a policy needs at least one entry in `{kind}`"
            )));
        }
    }
    Ok((subjects, actions, resources))
}

fn scope_of(ns: Option<Namespace>) -> PolicyScope {
    match ns {
        None => PolicyScope::Global,
        Some(ns) => PolicyScope::Namespace(ns),
    }
}

pub async fn list_all_policies(State(st): St, sel: LabelSelector, paging: Paging) -> Answer {
    policies_of(&st, Scope::All, false, sel, paging).await
}

pub async fn list_global_policies(State(st): St, sel: LabelSelector, paging: Paging) -> Answer {
    policies_of(&st, Scope::All, true, sel, paging).await
}

pub async fn list_policies(State(st): St, p: Params, sel: LabelSelector, paging: Paging) -> Answer {
    policies_of(&st, Scope::Namespace(p.ns()?), false, sel, paging).await
}

/// `policy` written by `caller`, replacing `old` on an update, unless `policy::check_write`
/// refuses it. The policies are read just before the write, which holds to the decision
/// (`registry::decided`: made again on the policies of the write's transaction when anything
/// was committed since); an update is decided on the stored record whose revision and uid the
/// write then requires.
fn write_policy(
    s: &dyn Store,
    caller: &Account,
    policy: Policy,
    old: Option<&Policy>,
) -> anyhow::Result<Result<Policy, ApiError>> {
    let engine = crate::store::local(s)?;
    let generation = engine.generation();
    let policies = crate::store::policy_snapshot(s)?;
    if let Err(why) = crate::policy::check_write(&policies, caller, &policy, old) {
        return Ok(Err(overreach(caller, &policy, why)));
    }
    let again = {
        let (caller, policy, old) = (caller.clone(), policy.clone(), old.cloned());
        move |p: &[Policy]| crate::policy::check_write(p, &caller, &policy, old.as_ref()).is_ok()
    };
    let engine = Decided::new(engine, generation, Arc::new(again));
    Ok(Ok(match old {
        None => engine.create_policy_checked(policy)?,
        Some(_) => engine.update_policy(policy)?,
    }))
}

async fn create_in(
    st: Arc<AppState>,
    caller: Caller,
    ns: Option<Namespace>,
    body: NewPolicy,
) -> Answer {
    let (subjects, actions, resources) =
        policy_lists(&body.subjects, &body.actions, &body.resources)?;
    crate::labels::check_all(&body.labels)?;
    let now = Timestamp::now();
    let policy = Policy {
        name: body.name,
        namespace: ns,
        uid: new_uid(),
        revision: 0,
        description: body.description,
        labels: body.labels,
        subjects,
        actions,
        resources,
        created: now,
        updated: now,
    };
    let grants = policies(&st).await?;
    // In a namespace that exists, checked under the store's lock as for accounts.
    let writer = caller.account.clone();
    let p = blocking(&st, move |s| write_policy(s, &writer, policy, None)).await??;
    Ok(policy_write_answer(
        &caller,
        &grants,
        StatusCode::CREATED,
        &p,
    ))
}

async fn get_in(st: Arc<AppState>, ns: Option<Namespace>, name: Name) -> Answer {
    let scope = scope_of(ns);
    let p = blocking(&st, move |s| s.get_policy(&scope, &name)).await?;
    Ok(policy_answer(StatusCode::OK, &p))
}

async fn update_in(
    st: Arc<AppState>,
    caller: Caller,
    ns: Option<Namespace>,
    name: Name,
    headers: &HeaderMap,
    body: PolicyChange,
) -> Answer {
    let revision = if_match(headers)?;
    let (subjects, actions, resources) =
        policy_lists(&body.subjects, &body.actions, &body.resources)?;
    if let Some(l) = &body.labels {
        crate::labels::check_all(l)?;
    }
    let scope = scope_of(ns);
    let grants = policies(&st).await?;
    let writer = caller.account.clone();
    let p = blocking(&st, move |s| {
        let stored = s.get_policy(&scope, &name)?;
        if let Some(e) = stale(
            format!("policy `{name}`"),
            (revision, &body.uid),
            (stored.revision, &stored.uid),
        ) {
            return Err(e.into());
        }
        let new = Policy {
            description: body.description,
            labels: body.labels.unwrap_or_else(|| stored.labels.clone()),
            subjects,
            actions,
            resources,
            updated: Timestamp::now(),
            ..stored.clone()
        };
        write_policy(s, &writer, new, Some(&stored))
    })
    .await??;
    Ok(policy_write_answer(&caller, &grants, StatusCode::OK, &p))
}

async fn delete_in(st: Arc<AppState>, ns: Option<Namespace>, name: Name) -> Answer {
    let scope = scope_of(ns);
    blocking(&st, move |s| s.delete_policy(&scope, &name)).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

pub async fn create_global_policy(
    State(st): St,
    Extension(caller): Extension<Caller>,
    JsonBody(body): JsonBody<NewPolicy>,
) -> Answer {
    create_in(st, caller, None, body).await
}

pub async fn get_global_policy(State(st): St, p: Params) -> Answer {
    get_in(st, None, p.name()?).await
}

pub async fn update_global_policy(
    State(st): St,
    Extension(caller): Extension<Caller>,
    p: Params,
    headers: HeaderMap,
    JsonBody(body): JsonBody<PolicyChange>,
) -> Answer {
    update_in(st, caller, None, p.name()?, &headers, body).await
}

pub async fn delete_global_policy(State(st): St, p: Params) -> Answer {
    delete_in(st, None, p.name()?).await
}

pub async fn create_policy(
    State(st): St,
    Extension(caller): Extension<Caller>,
    p: Params,
    JsonBody(body): JsonBody<NewPolicy>,
) -> Answer {
    create_in(st, caller, Some(p.ns()?), body).await
}

pub async fn get_policy(State(st): St, p: Params) -> Answer {
    get_in(st, Some(p.ns()?), p.name()?).await
}

pub async fn update_policy(
    State(st): St,
    Extension(caller): Extension<Caller>,
    p: Params,
    headers: HeaderMap,
    JsonBody(body): JsonBody<PolicyChange>,
) -> Answer {
    update_in(st, caller, Some(p.ns()?), p.name()?, &headers, body).await
}

pub async fn delete_policy(State(st): St, p: Params) -> Answer {
    delete_in(st, Some(p.ns()?), p.name()?).await
}
