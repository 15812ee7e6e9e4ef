//! Namespaces.

use std::sync::Arc;

use axum::extract::{Extension, State};
use axum::http::{StatusCode, header};
use jiff::Timestamp;

use super::{Answer, St};
use crate::api::{self, ListBody, NamespaceView, NewNamespace, Problem, code};
use crate::error::UserError;
use crate::identity::Namespace;
use crate::model::{Account, Policy};
use crate::output::sanitize;
use crate::policy::Overreach;
use crate::registry::decided::Decided;
use crate::server::auth::Caller;
use crate::server::authz::{may_get, may_in_parent, overreach, shown_to};
use crate::server::blocking::{blocking, policies};
use crate::server::extract::{JsonBody, LabelSelector, Params};
use crate::server::paging::Paging;
use crate::server::problem::ApiError;
use crate::server::respond::{json, warnings, with_header};
use crate::store::{Listing, Scope, Store};

fn namespace_url(ns: &Namespace) -> String {
    format!("/v1/namespaces/{}", api::ns_segment(ns))
}

/// The namespaces the caller may `get` (as OpenShift lists the projects one can see).
pub async fn list_namespaces(
    State(st): St,
    Extension(caller): Extension<Caller>,
    sel: LabelSelector,
    paging: Paging,
) -> Answer {
    let (mut listing, policies) = blocking(&st, |s| {
        Ok((s.list_namespaces()?, s.list_policies(&Scope::All)?.items))
    })
    .await?;
    listing.items.retain(|n| sel.keeps(&n.labels));
    let now = Timestamp::now();
    let guard = api::Guard::Namespaced {
        action: "get",
        resource: api::resource::NAMESPACE,
    };
    let may_get = |ns: &Namespace| {
        crate::server::auth::authorize(guard, &caller.account, &policies, Some(ns), now).is_ok()
    };
    // A warning names the record's file, that is a namespace: only one the caller may get (a
    // file named after no namespace, only to a caller with a global grant). The server's log
    // has them all.
    let global = api::Guard::Global {
        action: "get",
        resource: api::resource::NAMESPACE,
    };
    let may_get_all =
        crate::server::auth::authorize(global, &caller.account, &policies, None, now).is_ok();
    let (shown, hidden): (Vec<UserError>, Vec<UserError>) =
        listing.errors.into_iter().partition(|e| {
            may_get_all
                || match e {
                    UserError::CorruptRecord {
                        location: crate::error::RecordLocation::File(path),
                        ..
                    } => path
                        .file_name()
                        .and_then(|f| f.to_str())
                        .and_then(|f| f.strip_suffix(".toml"))
                        .and_then(|stem| Namespace::from_dir_name(stem).ok())
                        .is_some_and(|ns| may_get(&ns)),
                    _ => false,
                }
        });
    for e in &hidden {
        crate::errln!("svcacct: {e}");
    }
    let listing = Listing {
        items: listing.items,
        errors: shown,
    };
    let warnings = if paging.first() {
        warnings(&st, &listing)
    } else {
        vec![]
    };
    // Cut after the caller's view: a namespace it may not get is never counted or named.
    let visible: Vec<_> = listing.items.iter().filter(|r| may_get(&r.name)).collect();
    let (page, metadata) = paging.page(visible, |r| vec![r.name.to_string()]);
    let items: Vec<NamespaceView> = page.into_iter().map(NamespaceView::record).collect();
    Ok(json(
        StatusCode::OK,
        &ListBody {
            kind: "NamespaceList".into(),
            items,
            warnings,
            metadata,
        },
    ))
}

/// Creating a namespace with its defaults writes their policies (`store::default_policies`),
/// as `POST …/policies` would: the caller must be allowed to write each one
/// (`policy::check_write`: it holds what each grants in the new namespace, or `escalate` on
/// `policy` there), or nothing is written and the refusal says what it lacks and that
/// `defaults: false` creates the namespace without them. The default accounts need nothing
/// more: they have no keys, groups or user, so making them gives nobody a credential (a key or
/// a token for one passes `may_act_on` as for any account); what they are for is the policies'
/// grants. A namespace that exists is a 409 only to a caller that may `get` it: to another,
/// which does not see it among the namespaces it lists, a 403 that does not say why.
pub async fn create_namespace(
    State(st): St,
    Extension(caller): Extension<Caller>,
    JsonBody(body): JsonBody<NewNamespace>,
) -> Answer {
    let ns = body.name;
    crate::labels::check_all(&body.labels)?;
    let guard = api::Guard::Parent {
        action: "create",
        resource: api::resource::NAMESPACE,
    };
    may_in_parent(&st, &caller, guard, &ns).await?;
    let url = namespace_url(&ns);
    let grants = policies(&st).await?;
    let writer = caller.account.clone();
    let seen = may_get(
        &caller.account,
        &grants,
        api::resource::NAMESPACE,
        Some(&ns),
        Timestamp::now(),
    );
    let mut created = blocking(&st, move |s| {
        let unseen = |e: anyhow::Error| match e.downcast_ref::<UserError>() {
            Some(UserError::NamespaceExists { .. }) if !seen => {
                Ok(Err(unavailable_namespace(&writer, &ns)))
            }
            _ => Err(e),
        };
        let engine = crate::store::local(s)?;
        // Before the policies the defaults are decided on (`registry::decided`).
        let generation = engine.generation();
        if let Err(e) = crate::registry::namespaces::creatable(engine, &ns) {
            return unseen(e);
        }
        let defaults = match body.defaults {
            true => crate::store::default_policies(&ns, Timestamp::now()),
            false => vec![],
        };
        let policies = crate::store::policy_snapshot(s)?;
        for p in &defaults {
            if let Err(why) = crate::policy::check_write(&policies, &writer, p, None) {
                return Ok(Err(defaults_overreach(&writer, &ns, p, why)));
            }
        }
        let again = {
            let writer = writer.clone();
            move |policies: &[Policy]| {
                defaults
                    .iter()
                    .all(|p| crate::policy::check_write(policies, &writer, p, None).is_ok())
            }
        };
        let engine = Decided::new(engine, generation, Arc::new(again));
        match engine.create_namespace(&ns, body.defaults, body.labels) {
            Ok(created) => Ok(Ok(created)),
            Err(e) => unseen(e),
        }
    })
    .await??;
    (created.accounts, created.policies) =
        shown_to(&caller, &grants, created.accounts, created.policies);
    Ok(with_header(
        json(StatusCode::CREATED, &created),
        header::LOCATION,
        &url,
    ))
}

/// The 403 for a namespace's default policy `p` that `caller` may not write: the grant it
/// lacks, and the way without the defaults.
fn defaults_overreach(caller: &Account, ns: &Namespace, p: &Policy, why: Overreach) -> ApiError {
    let mut e = overreach(caller, p, why.clone());
    let because = match why {
        Overreach::Grant { action, resource } => {
            let (escalate, on) = crate::policy::ESCALATE;
            format!(
                "it may not grant `{}` on `{}` there (default policy `{}` does), since it does \
                 not hold that grant there itself (a policy grants only what its writer holds, \
                 unless a policy allows the writer `{escalate}` on `{on}` there)",
                sanitize(&action),
                sanitize(&resource),
                p.name
            )
        }
        Overreach::Subject { .. } => {
            format!(
                "default policy `{}` is refused: {}",
                p.name, e.problem.detail
            )
        }
    };
    e.problem.detail = format!(
        "service account `{}` may not create namespace `{ns}` with its default policies: \
         {because}; `svcacct namespace create {ns} --no-defaults` creates the namespace \
         without its default accounts and policies",
        caller.reference()
    );
    e
}

/// The 403 for creating a namespace that exists, to a caller that may not `get` it: the name
/// is not to be had, and no more (not what has it).
fn unavailable_namespace(caller: &Account, ns: &Namespace) -> ApiError {
    Problem {
        action: Some("create".into()),
        resource: Some(api::resource::NAMESPACE.into()),
        ..Problem::new(
            403,
            code::FORBIDDEN,
            format!(
                "service account `{}` may not create namespace `{ns}`: the name is not \
                 available to it (choose another name, or ask an administrator who may read \
                 namespace `{ns}`)",
                caller.reference()
            ),
        )
    }
    .into()
}

pub async fn get_namespace(State(st): St, p: Params) -> Answer {
    let ns = p.ns()?;
    if ns.is_default() {
        return Ok(json(StatusCode::OK, &NamespaceView::implicit(ns)));
    }
    let record = blocking(&st, move |s| s.get_namespace(&ns)).await?;
    Ok(json(StatusCode::OK, &NamespaceView::record(&record)))
}

pub async fn delete_namespace(
    State(st): St,
    Extension(caller): Extension<Caller>,
    p: Params,
) -> Answer {
    let ns = p.ns()?;
    let guard = api::Guard::Parent {
        action: "delete",
        resource: api::resource::NAMESPACE,
    };
    may_in_parent(&st, &caller, guard, &ns).await?;
    let grants = policies(&st).await?;
    let mut gone = blocking(&st, move |s| s.delete_namespace(&ns)).await?;
    (gone.accounts, gone.policies) = shown_to(&caller, &grants, gone.accounts, gone.policies);
    Ok(json(StatusCode::OK, &gone))
}
