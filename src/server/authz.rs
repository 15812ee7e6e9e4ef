//! Authorization beyond a route's guard: what a caller may read (and so what a write answers
//! with), acting as an account, deciding on the record that the write then requires, and the
//! refusals that say only what the caller may know.

use std::sync::Arc;

use jiff::Timestamp;

use super::AppState;
use super::auth::Caller;
use super::blocking::{blocking, policies};
use super::problem::ApiError;
use crate::api::{self, AccountAnswer, PolicyAnswer, Problem, code};
use crate::error::UserError;
use crate::identity::{Namespace, Reference};
use crate::model::{Account, Policy};
use crate::output::sanitize;
use crate::policy::Overreach;
use crate::registry::decided::Decided;
use crate::store::Engine;

// A write answers with a record in full only to a caller that may `get` it, as `grants` (the
// policies when the request arrived) decide; to another, with the record's reference
// (`api::Shown`). The `ETag` and `Location` are the same either way.

pub fn may_get_account(caller: &Caller, grants: &[Policy], a: &Account, now: Timestamp) -> bool {
    may_get(
        &caller.account,
        grants,
        api::resource::SERVICE_ACCOUNT,
        Some(&a.namespace),
        now,
    )
}

pub fn may_get_policy(caller: &Caller, grants: &[Policy], p: &Policy, now: Timestamp) -> bool {
    may_get(
        &caller.account,
        grants,
        api::resource::POLICY,
        p.namespace.as_ref(),
        now,
    )
}

/// May the caller `list` the issued tokens of the accounts of `ns`? That is the only way to
/// read them: a write answers with a token's record, or its name, only to such a caller.
pub fn may_list_tokens(caller: &Caller, grants: &[Policy], ns: &Namespace, now: Timestamp) -> bool {
    let guard = api::Guard::Namespaced {
        action: "list",
        resource: api::resource::TOKEN,
    };
    super::auth::authorize(guard, &caller.account, grants, Some(ns), now).is_ok()
}

/// The accounts and policies of a write's answer (a rename's, a namespace's creation or
/// deletion): those the caller may not `get` become references.
pub fn shown_to(
    caller: &Caller,
    grants: &[Policy],
    accounts: Vec<AccountAnswer>,
    policies: Vec<PolicyAnswer>,
) -> (Vec<AccountAnswer>, Vec<PolicyAnswer>) {
    let now = Timestamp::now();
    (
        accounts
            .into_iter()
            .map(|a| a.unless_readable(|a| may_get_account(caller, grants, a, now)))
            .collect(),
        policies
            .into_iter()
            .map(|p| p.unless_readable(|p| may_get_policy(caller, grants, p, now)))
            .collect(),
    )
}

/// May the caller do what `guard` (a `Guard::Parent`) needs for namespace `ns`?
pub async fn may_in_parent(
    st: &Arc<AppState>,
    caller: &Caller,
    guard: api::Guard,
    ns: &Namespace,
) -> Result<(), ApiError> {
    let policies = policies(st).await?;
    super::auth::authorize(
        guard,
        &caller.account,
        &policies,
        Some(ns),
        Timestamp::now(),
    )
    .map(|_| ())
    .map_err(ApiError::from)
}

/// Groups are subjects of policies in every namespace, global ones included: giving an account
/// a group grants it whatever those policies grant. So setting groups needs more than a
/// namespaced `update serviceaccount`: a global policy allowing `update` on `group`.
pub const ASSIGN_GROUPS: api::Guard = api::Guard::Global {
    action: "update",
    resource: api::resource::GROUP,
};

/// Passes when a global policy lets the caller pass `guard` (a `Guard::Global`), else 403.
async fn may_globally(
    st: &Arc<AppState>,
    caller: &Caller,
    guard: api::Guard,
) -> Result<(), ApiError> {
    globally(caller, &policies(st).await?, guard)
}

/// `may_globally` on `policies`.
fn globally(caller: &Caller, policies: &[Policy], guard: api::Guard) -> Result<(), ApiError> {
    super::auth::authorize(guard, &caller.account, policies, None, Timestamp::now())
        .map(|_| ())
        .map_err(ApiError::from)
}

pub async fn may_assign_groups(st: &Arc<AppState>, caller: &Caller) -> Result<(), ApiError> {
    may_globally(st, caller, ASSIGN_GROUPS).await
}

/// `may_assign_groups` on `policies`.
pub fn assign_groups(caller: &Caller, policies: &[Policy]) -> Result<(), ApiError> {
    globally(caller, policies, ASSIGN_GROUPS)
}

/// An account that impersonates a user speaks for that user wherever its tokens are accepted:
/// making one needs a global policy allowing `impersonate` on `user`.
pub const IMPERSONATE: api::Guard = api::Guard::Global {
    action: "impersonate",
    resource: api::resource::USER,
};

pub async fn may_impersonate(st: &Arc<AppState>, caller: &Caller) -> Result<(), ApiError> {
    may_globally(st, caller, IMPERSONATE).await
}

/// May `account` `get` `resource` in `ns` (`None`: globally, as a global policy needs)? A
/// refusal names a policy, and a write answers with a record, only when it may.
pub fn may_get(
    account: &Account,
    policies: &[Policy],
    resource: &'static str,
    ns: Option<&Namespace>,
    now: Timestamp,
) -> bool {
    let guard = match ns {
        None => api::Guard::Global {
            action: "get",
            resource,
        },
        Some(_) => api::Guard::Namespaced {
            action: "get",
            resource,
        },
    };
    super::auth::authorize(guard, account, policies, ns, now).is_ok()
}

/// Whoever may give an account a key or a token, or create or rename an account to a name, can
/// act as that account, with every grant that names it. The route's grant in the account's
/// namespace covers the policies of that namespace and its children only: for a policy anywhere
/// else (global, a parent or another namespace) that names the account, and not the caller
/// too, the caller needs the same action on the same resource where that policy applies.
/// Otherwise a namespace owner could borrow a global grant by acting as an account that has it.
///
/// The refusal names the policy and its scope only to a caller that may `get` that policy;
/// to any other it says that a policy outside its reach names the account, and no more (not
/// where: its `namespace` field stays empty). When several policies refuse, one the caller may
/// read is named first: that is one it can do something about.
pub async fn may_act_as(
    st: &Arc<AppState>,
    caller: &Caller,
    target: Account,
    action: &'static str,
    resource: &'static str,
) -> Result<(), ApiError> {
    act_as(caller, &policies(st).await?, &target, action, resource)
}

/// `may_act_as` on `policies`.
pub fn act_as(
    caller: &Caller,
    policies: &[Policy],
    target: &Account,
    action: &'static str,
    resource: &'static str,
) -> Result<(), ApiError> {
    let now = Timestamp::now();
    let mut hidden = false;
    for p in crate::policy::policies_for(policies, target) {
        if p.namespace
            .as_ref()
            .is_some_and(|pns| pns.is_within(&target.namespace))
            || p.subjects
                .iter()
                .any(|s| crate::policy::subject_matches(s, &caller.account))
        {
            continue;
        }
        let guard = match &p.namespace {
            None => api::Guard::Global { action, resource },
            Some(_) => api::Guard::Namespaced { action, resource },
        };
        let Err(mut problem) =
            super::auth::authorize(guard, &caller.account, policies, p.namespace.as_ref(), now)
        else {
            continue;
        };
        if !may_get(
            &caller.account,
            policies,
            api::resource::POLICY,
            p.namespace.as_ref(),
            now,
        ) {
            hidden = true;
            continue;
        }
        problem.detail = format!(
            "{} (`{}` is named by policy `{}` of {}: acting as it needs the grant there too)",
            problem.detail,
            target.reference(),
            p.name,
            p.scope()
        );
        return Err(ApiError::from(problem));
    }
    if hidden {
        return Err(ApiError::from(unseen_policy_refusal(
            &caller.account.reference(),
            &target.reference(),
            action,
            resource,
        )));
    }
    Ok(())
}

/// The refusal of acting as `target` because of a policy the caller may not read: it says
/// neither which policy nor where it applies.
fn unseen_policy_refusal(
    caller: &Reference,
    target: &Reference,
    action: &str,
    resource: &str,
) -> api::Problem {
    // Creating or renaming to the name: another name is a way out.
    let advice = if resource == api::resource::SERVICE_ACCOUNT {
        "choose another name, or ask an administrator who may read the policies that name it"
    } else {
        "ask an administrator who may read the policies that name it"
    };
    api::Problem {
        detail: format!(
            "service account `{caller}` may not act as `{target}` to {action} {resource}: a \
             policy outside your reach names `{target}`, and acting as it needs that policy's \
             grant too ({advice})"
        ),
        namespace: None,
        ..api::Problem::forbidden(&caller.to_string(), action, resource, None)
    }
}

/// A store error as the caller may see it: a key that another account holds is named as that
/// account's only to a caller that may `get` it.
pub async fn holder_out_of_reach(
    st: &Arc<AppState>,
    caller: &Caller,
    e: anyhow::Error,
) -> ApiError {
    if let Some(UserError::KeyTaken { kid, holder }) = e.downcast_ref::<UserError>() {
        let seen = match Reference::parse_canonical(holder) {
            Ok(h) => match policies(st).await {
                Ok(policies) => may_get(
                    &caller.account,
                    &policies,
                    api::resource::SERVICE_ACCOUNT,
                    Some(&h.namespace),
                    Timestamp::now(),
                ),
                Err(e) => return e,
            },
            Err(_) => false,
        };
        if !seen {
            return UserError::KeyTakenOutOfReach { kid: kid.clone() }.into();
        }
    }
    e.into()
}

/// The caller is about to act as `target` (a record as read) by giving it a key or a token. A
/// key or token of an account that impersonates a user speaks for that user as much as the
/// account's creation did: it needs the same global grant ([`IMPERSONATE`]). Likewise for an
/// account with groups (policies may name them anywhere, later too): the global
/// `update group`. Then `may_act_as` for the policies that name it now. A refusal for what the
/// account is names the grant only to a caller that may `get` the account
/// ([`unseen_account_refusal`]), as `may_act_as` names a policy only to one that may read it.
pub async fn may_act_on(
    st: &Arc<AppState>,
    caller: &Caller,
    target: &Account,
    action: &'static str,
    resource: &'static str,
) -> Result<(), ApiError> {
    act_on(caller, &policies(st).await?, target, action, resource)
}

/// `act_on` as [`on_the_record`] decides: on the record it reads and the policies, with the
/// route's guard (`action` on `resource` in the account's namespace).
pub fn acting_on(
    caller: &Caller,
    action: &'static str,
    resource: &'static str,
) -> impl Fn(&Account, &[Policy]) -> Result<(), ApiError> + Clone + Send + Sync + 'static {
    let caller = caller.clone();
    move |target, policies| {
        // The route's guard too: a grant taken away meanwhile is seen.
        let guard = api::Guard::Namespaced { action, resource };
        let now = Timestamp::now();
        super::auth::authorize(
            guard,
            &caller.account,
            policies,
            Some(&target.namespace),
            now,
        )
        .map_err(ApiError::from)?;
        act_on(&caller, policies, target, action, resource)
    }
}

/// `may_act_on` on `policies`.
pub fn act_on(
    caller: &Caller,
    policies: &[Policy],
    target: &Account,
    action: &'static str,
    resource: &'static str,
) -> Result<(), ApiError> {
    for (needed, guard) in [
        (target.impersonates.is_some(), IMPERSONATE),
        (!target.groups.is_empty(), ASSIGN_GROUPS),
    ] {
        if !needed {
            continue;
        }
        if let Err(e) = globally(caller, policies, guard) {
            // The refusal would say that the account impersonates a user, or has groups: only
            // to a caller that may read it.
            if e.problem.status == 403
                && !may_get(
                    &caller.account,
                    policies,
                    api::resource::SERVICE_ACCOUNT,
                    Some(&target.namespace),
                    Timestamp::now(),
                )
            {
                return Err(ApiError::from(unseen_account_refusal(
                    &caller.account.reference(),
                    &target.reference(),
                    action,
                    resource,
                )));
            }
            return Err(e);
        }
    }
    act_as(caller, policies, target, action, resource)
}

/// The refusal of acting as `target`, which needs a global grant for what it is (the user it
/// impersonates, its groups), to a caller that may not read it: it says neither which grant
/// nor why.
fn unseen_account_refusal(
    caller: &Reference,
    target: &Reference,
    action: &str,
    resource: &str,
) -> api::Problem {
    api::Problem {
        detail: format!(
            "service account `{caller}` may not act as `{target}` to {action} {resource}: what \
             `{target}` is needs a global grant that you do not hold, and you may not read \
             `{target}` to see which (ask an administrator who may read it)"
        ),
        namespace: None,
        ..api::Problem::forbidden(&caller.to_string(), action, resource, None)
    }
}

/// How often [`on_the_record`] tries, while concurrent writes to the account win.
const PINNED_TRIES: u32 = 5;

/// Reads account `r`, `decide`s on that record and the policies, and runs `attempt` on the
/// record, which writes pinned to it (the write fails unless the account stored under the name
/// is still that record, same uid and revision: `issue_pinned`, `update_account`, …) on the
/// engine that [`Decision::over`] gives, which holds the write to the decision: made again in
/// the write's transaction when anything was committed since the decision's first read
/// (`crate::registry::decided`). So what was authorized is what gets written, and it was
/// authorized on a registry as it was, not on a mix of reads from before and after another
/// write. When a concurrent write wins (`conflict`), it reads and decides again, at most
/// [`PINNED_TRIES`] times in all; another account under the name (`replaced`: renamed onto
/// it, or deleted and created again) is refused, not retried.
pub async fn on_the_record<T, D, F, Fut>(
    st: &Arc<AppState>,
    r: &Reference,
    decide: D,
    mut attempt: F,
) -> Result<T, ApiError>
where
    D: Fn(&Account, &[Policy]) -> Result<(), ApiError> + Clone + Send + Sync + 'static,
    F: FnMut(Account, Decision) -> Fut,
    Fut: std::future::Future<Output = Result<T, ApiError>>,
{
    let mut tries = 1;
    loop {
        let generation = read_generation(st);
        let r = r.clone();
        let read = blocking(st, move |s| s.get_account(&r)).await?;
        decide(&read, &policies(st).await?)?;
        let (decide, target) = (decide.clone(), read.clone());
        let decision = Decision::new(generation, move |p| decide(&target, p).is_ok());
        match attempt(read, decision).await {
            Err(e) if e.problem.code == code::CONFLICT && tries < PINNED_TRIES => tries += 1,
            done => return done,
        }
    }
}

/// [`on_the_record`] for a write that is one piece of store work: `write` runs on the blocking
/// pool, on the engine that holds it to the decision, with the account as it was decided on.
pub async fn write_on_the_record<T, D>(
    st: &Arc<AppState>,
    r: &Reference,
    decide: D,
    write: impl Fn(&dyn Engine, Account) -> anyhow::Result<T> + Clone + Send + 'static,
) -> Result<T, ApiError>
where
    T: Send + 'static,
    D: Fn(&Account, &[Policy]) -> Result<(), ApiError> + Clone + Send + Sync + 'static,
{
    on_the_record(st, r, decide, |read, decision| {
        let write = write.clone();
        async move {
            blocking(st, move |s| {
                write(&decision.over(crate::store::local(s)?), read)
            })
            .await
        }
    })
    .await
}

/// What a handler decided on, for the write it allowed ([`on_the_record`]).
#[derive(Clone)]
pub struct Decision {
    generation: u64,
    again: crate::registry::decided::Again,
}

/// The registry's generation, to be read before anything a decision is made on.
pub fn read_generation(st: &AppState) -> u64 {
    st.store.engine().map_or(0, |e| e.generation())
}

impl Decision {
    /// The decision made on the registry read after `generation` ([`read_generation`]);
    /// `again` makes it again on other policies, `true` when it holds.
    pub fn new(
        generation: u64,
        again: impl Fn(&[Policy]) -> bool + Send + Sync + 'static,
    ) -> Decision {
        Decision {
            generation,
            again: Arc::new(again),
        }
    }

    /// `engine`, holding its writes to this decision.
    pub fn over<'a>(&self, engine: &'a dyn Engine) -> Decided<'a> {
        Decided::new(engine, self.generation, self.again.clone())
    }
}

/// The 403 for a policy that `caller` may not write (`policy::check_write`): what grant it
/// lacks, and how one gets it. It names no policy, so it tells nothing the caller may not read.
pub fn overreach(caller: &Account, new: &Policy, why: Overreach) -> ApiError {
    let who = caller.reference();
    let (action, resource, ns, detail) = match why {
        Overreach::Grant { action, resource } => {
            let (a, r) = (sanitize(&action), sanitize(&resource));
            let (escalate, on) = crate::policy::ESCALATE;
            let detail = match &new.namespace {
                Some(ns) => format!(
                    "service account `{who}` may not grant `{a}` on `{r}` in namespace `{ns}`: \
                     it does not hold that grant there itself (a policy grants only what its \
                     writer holds, unless a policy allows the writer `{escalate}` on `{on}` there)"
                ),
                None => format!(
                    "service account `{who}` may not grant `{a}` on `{r}` globally: it does not \
                     hold that grant globally itself (a policy grants only what its writer \
                     holds, unless a global policy allows the writer `{escalate}` on `{on}`)"
                ),
            };
            (action, resource, new.namespace.clone(), detail)
        }
        Overreach::Subject { subject, needs } => {
            let (create, accounts) = crate::policy::OWN_ACCOUNTS;
            let place = match &new.namespace {
                Some(ns) => format!("a policy of namespace `{ns}`"),
                None => "a global policy".to_owned(),
            };
            let (whose, grant) = match &needs {
                Some(ns) => (
                    format!("accounts of namespace `{ns}`"),
                    format!("a policy allowing `{create}` on `{accounts}` in namespace `{ns}`"),
                ),
                None => (
                    "accounts of every namespace".to_owned(),
                    format!("a global policy allowing `{create}` on `{accounts}`"),
                ),
            };
            let detail = format!(
                "service account `{who}` may not name `{}` in {place}: it names {whose}, and \
                 naming them needs {grant}, as acting as them does; no policy allows it",
                sanitize(&subject)
            );
            (create.to_owned(), accounts.to_owned(), needs, detail)
        }
    };
    Problem {
        action: Some(action),
        resource: Some(resource),
        namespace: ns.map(|n| n.to_string()),
        ..Problem::new(403, code::FORBIDDEN, detail)
    }
    .into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_grants_that_policy_writes_ask_for_name_api_resources() {
        assert_eq!(crate::policy::ESCALATE, ("escalate", api::resource::POLICY));
        assert_eq!(
            crate::policy::OWN_ACCOUNTS,
            ("create", api::resource::SERVICE_ACCOUNT)
        );
    }
}
