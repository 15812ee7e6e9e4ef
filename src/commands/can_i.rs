//! `svcacct can-i ACTION RESOURCE --as REF`, like `kubectl auth can-i`.

use std::io::Write;

use anyhow::Result;
use jiff::Timestamp;
use serde::Serialize;

use super::account::{finish, listing_errors};
use crate::cli::{CanIArgs, OutputFormat};
use crate::context::Context;
use crate::error::Exit;
use crate::model::Status;
use crate::policy::{allowing, check_pattern, policies_for};
use crate::store::Scope;

#[derive(Serialize)]
struct Grant<'a> {
    policy: &'a str,
    namespace: Option<&'a str>,
    actions: &'a [String],
    resources: &'a [String],
}

pub fn run(ctx: &Context, args: &CanIArgs, out: &mut dyn Write) -> Result<Exit> {
    let r = ctx.reference(&args.as_account)?;
    if !args.list
        && let Some(remote) = ctx.remote()?
    {
        return ask_server(ctx, remote, &r, args, out);
    }
    let store = ctx.store()?;
    let account = match store.get_account(&r) {
        Ok(a) => a,
        Err(e) => return Err(with_nearby(store, &r, e)),
    };
    let mut listing = store.list_policies(&Scope::All)?;

    if args.list {
        let mut grants: Vec<Grant> = policies_for(&listing.items, &account)
            .into_iter()
            .map(|p| Grant {
                policy: p.name.as_str(),
                namespace: p.namespace.as_ref().map(|n| n.as_str()),
                actions: &p.actions,
                resources: &p.resources,
            })
            .collect();
        super::show::sort(&args.output, &mut grants, super::show::json)?;
        match &args.output.output {
            f if f.is_document() => {
                super::show::list(out, &args.output, "GrantList", &grants, false)?
            }
            OutputFormat::Name => {
                for g in &grants {
                    writeln!(out, "{}", g.policy)?;
                }
            }
            _ => {
                let rows: Vec<Vec<String>> = grants
                    .iter()
                    .map(|g| {
                        vec![
                            g.actions.join(","),
                            g.resources.join(","),
                            g.namespace
                                .map_or("*".to_owned(), |n| format!("{n}, {n}/*")),
                            g.policy.to_owned(),
                        ]
                    })
                    .collect();
                if rows.is_empty() {
                    crate::errln!("No policy grants anything to `{r}`.");
                } else {
                    out.write_all(
                        super::show::table(
                            &args.output,
                            &["ACTIONS", "RESOURCES", "NAMESPACES", "POLICY"],
                            &rows,
                        )
                        .as_bytes(),
                    )?;
                }
            }
        }
        return finish(listing_errors(&mut listing));
    }

    let action = check_pattern("action", args.action.as_deref().unwrap_or_default())?;
    let resource = check_pattern("resource", args.resource.as_deref().unwrap_or_default())?;
    let status = account.status(Timestamp::now());
    // Global: only global policies count (they cover any namespace; `default` stands for one).
    let (policies, ns): (Vec<&crate::model::Policy>, _) = if args.global {
        let global = listing.items.iter().filter(|p| p.namespace.is_none());
        (global.collect(), crate::identity::Namespace::default_ns())
    } else {
        (listing.items.iter().collect(), ctx.namespace.clone())
    };
    let policy = match status {
        Status::Active => allowing(policies, &account, &action, &resource, &ns),
        _ => None,
    };
    let allowed = policy.is_some();
    if !allowed && !listing.errors.is_empty() {
        // An unreadable policy might have granted this: don't guess.
        return finish(listing_errors(&mut listing));
    }
    if !args.quiet && args.output.output.is_document() {
        // The answer a server gives (`POST /v1/accessreviews`), made here.
        let place = if args.global {
            "globally".to_owned()
        } else {
            format!("in namespace `{ns}`")
        };
        let reason = match status {
            Status::Active if allowed => None,
            Status::Active => Some(format!(
                "no policy allows `{r}` to {action} {resource} {place}"
            )),
            Status::Disabled => Some(format!("service account `{r}` is disabled")),
            Status::Expired => Some(format!("service account `{r}` has expired")),
        };
        let review = crate::api::AccessReview {
            allowed,
            account: Some(r.to_string()),
            action,
            resource,
            namespace: (!args.global).then(|| ns.clone()),
            policy: policy.map(|p| p.name.to_string()),
            reason,
        };
        super::show::document(out, &args.output, &review)?;
    } else if !args.quiet {
        writeln!(out, "{}", if allowed { "yes" } else { "no" })?;
        if status != Status::Active {
            crate::errln!("(service account `{r}` is {})", status.as_str());
        }
        if !allowed && !args.global {
            where_asked(&r, &ns);
        }
    }
    Ok(if allowed { Exit::Success } else { Exit::No })
}

/// After a "no" about a namespace other than the account's: which one was asked about, since
/// `--as eng/builder` alone asks about `default` (`-n`).
fn where_asked(r: &crate::identity::Reference, ns: &crate::identity::Namespace) {
    if &r.namespace != ns {
        crate::errln!(
            "(asked about namespace `{ns}`; `{r}` is in `{}`: `-n {}` asks there)",
            r.namespace,
            r.namespace
        );
    }
}

/// An unknown account's error, with a note of the account of that name nearest to it.
fn with_nearby(
    store: &dyn crate::store::Store,
    r: &crate::identity::Reference,
    e: anyhow::Error,
) -> anyhow::Error {
    if !super::nearby::is_unknown_account(&e) {
        return e;
    }
    let mut hint = String::new();
    // A typo of a name in the namespace (only among those the caller may list).
    if let Ok(l) = store.list_accounts(&crate::store::Scope::Namespace(r.namespace.clone()))
        && let Some(c) =
            super::nearby::closest(r.name.as_str(), l.items.iter().map(|a| a.name.as_str()))
    {
        hint.push_str(&format!("; did you mean `{c}`?"));
    }
    hint.push_str(&super::nearby::hint(store, r));
    if hint.is_empty() {
        return e;
    }
    crate::error::UserError::Failure(format!("{e}{hint}")).into()
}

/// With a remote store the server answers (`POST /v1/accessreviews`): its own view, with the
/// same output and exit codes as the local answer.
fn ask_server(
    ctx: &Context,
    remote: &crate::store::remote::RemoteStore,
    r: &crate::identity::Reference,
    args: &CanIArgs,
    out: &mut dyn Write,
) -> Result<Exit> {
    let action = check_pattern("action", args.action.as_deref().unwrap_or_default())?;
    let resource = check_pattern("resource", args.resource.as_deref().unwrap_or_default())?;
    // Asking about an account that does not exist is an error, as it is locally.
    if let Err(e) = crate::store::Store::get_account(remote, r) {
        return Err(with_nearby(remote, r, e));
    }
    let review = remote.access_review(&crate::api::AccessReviewRequest {
        token: None,
        account: Some(r.to_string()),
        action,
        resource,
        namespace: (!args.global).then(|| ctx.namespace.clone()),
    })?;
    if !args.quiet && args.output.output.is_document() {
        super::show::document(out, &args.output, &review)?;
    } else if !args.quiet {
        writeln!(out, "{}", if review.allowed { "yes" } else { "no" })?;
        if !review.allowed && !args.global {
            where_asked(r, &ctx.namespace);
        }
    }
    Ok(if review.allowed {
        Exit::Success
    } else {
        Exit::No
    })
}
