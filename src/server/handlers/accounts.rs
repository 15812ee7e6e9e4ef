//! Service accounts.

use std::sync::Arc;

use axum::extract::{Extension, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use jiff::Timestamp;

use super::{Answer, St};
use crate::api::{
    self, AccountAnswer, AccountChange, AccountRef, AccountView, ListBody, NewAccount, Rename,
    Shown, code,
};
use crate::identity::Reference;
use crate::keys::PublicKey;
use crate::model::{Account, KeyAlgorithm, KeyRecord, Policy, Status, check_groups};
use crate::server::AppState;
use crate::server::auth::Caller;
use crate::server::authz::{
    Decision, act_as, act_on, assign_groups, holder_out_of_reach, may_act_as, may_assign_groups,
    may_get_account, may_impersonate, may_list_tokens, read_generation, shown_to,
    write_on_the_record,
};
use crate::server::blocking::{blocking, policies};
use crate::server::extract::{JsonBody, LabelSelector, Params, if_match};
use crate::server::paging::Paging;
use crate::server::problem::ApiError;
use crate::server::respond::{json, json_bytes, warnings, with_header};
use crate::store::{Listing, Scope, stale};

pub fn account_url(a: &Account) -> String {
    format!(
        "/v1/namespaces/{}/serviceaccounts/{}",
        api::ns_segment(&a.namespace),
        a.name
    )
}

/// The JSON bodies of `GET` of an account, for the records of the store's read cache: the
/// same record (the same `Arc`, held here so that its address is not reused) in the same
/// status has the same body, serialized once.
pub struct AccountBodies {
    /// Read-locked for a kept body (the unsynchronized cache's lookups take `&self`); the
    /// least used dropped beyond [`MAX_BODIES`].
    inner: std::sync::RwLock<quick_cache::unsync::Cache<usize, KeptBody>>,
}

impl Default for AccountBodies {
    fn default() -> Self {
        AccountBodies {
            inner: std::sync::RwLock::new(quick_cache::unsync::Cache::new(MAX_BODIES)),
        }
    }
}

/// A body, the record it was made from (held) and the status it says.
type KeptBody = (Arc<Account>, Status, axum::body::Bytes);

/// Most bodies kept.
const MAX_BODIES: usize = 1_000;

impl AccountBodies {
    fn answer(&self, a: &Arc<Account>, now: Timestamp) -> Response {
        let status = a.status(now);
        let key = Arc::as_ptr(a) as usize;
        let kept = {
            let bodies = self.inner.read().unwrap_or_else(|e| e.into_inner());
            match bodies.get(&key) {
                Some((held, s, body)) if Arc::ptr_eq(held, a) && *s == status => Some(body.clone()),
                _ => None,
            }
        };
        let body = match kept {
            Some(body) => body,
            None => {
                let body = account_body(a, now);
                let mut bodies = self.inner.write().unwrap_or_else(|e| e.into_inner());
                bodies.insert(key, (a.clone(), status, body.clone()));
                body
            }
        };
        account_response(StatusCode::OK, a, body)
    }
}

fn account_answer(status: StatusCode, a: &Account) -> Response {
    account_response(status, a, account_body(a, Timestamp::now()))
}

/// The JSON of an account as the API shows it at `now`.
fn account_body(a: &Account, now: Timestamp) -> axum::body::Bytes {
    serde_json::to_vec(&AccountView::new(a, now))
        .unwrap_or_default()
        .into()
}

/// One account: 200 (or 201 with `Location`) and its revision as `ETag`.
fn account_response(status: StatusCode, a: &Account, body: axum::body::Bytes) -> Response {
    let res = with_header(
        json_bytes(status, body),
        header::ETAG,
        &api::etag(a.revision),
    );
    if status == StatusCode::CREATED {
        with_header(res, header::LOCATION, &account_url(a))
    } else {
        res
    }
}

/// The answer of a write of account `a`.
pub fn account_write_answer(
    caller: &Caller,
    grants: &[Policy],
    status: StatusCode,
    a: &Account,
) -> Response {
    if may_get_account(caller, grants, a, Timestamp::now()) {
        return account_answer(status, a);
    }
    let body = serde_json::to_vec(&AccountRef::of(a)).unwrap_or_default();
    account_response(status, a, body.into())
}

/// The account a write of the server's own store returned: a store on a folder always returns
/// the record (only the remote store, a client, may have less).
pub fn written(a: AccountAnswer) -> Result<Account, ApiError> {
    match a {
        Shown::Record(a) => Ok(a),
        Shown::Reference(r) => Err(ApiError::internal(&anyhow::anyhow!(
            "the store answered a write of `{}` without the record",
            r.reference
        ))),
    }
}

/// An account's key in a `continue` token (`server/paging.rs`): namespace, name.
fn account_key(a: &Account) -> Vec<String> {
    vec![a.namespace.to_string(), a.name.to_string()]
}

/// The accounts of `scope` that `sel` keeps, whole or on the page `paging` asks for: a page is
/// read from the engine (keyset, `Engine::read_accounts`), so a large registry is never read
/// whole for it; the route's guard lets the caller list the whole scope.
async fn accounts_of(
    st: &Arc<AppState>,
    scope: Scope,
    sel: LabelSelector,
    paging: Paging,
) -> Answer {
    let page = paging.engine_page(|k| match k {
        [ns, name] => Some(Reference::new(
            crate::identity::Namespace::parse(ns).ok()?,
            crate::identity::Name::parse(name).ok()?,
        )),
        _ => None,
    })?;
    let Some(page) = page else {
        let mut listing = blocking(st, move |s| s.list_accounts(&scope)).await?;
        listing.items.retain(|a| sel.keeps(&a.labels));
        return Ok(account_list(st, listing, None));
    };
    let listing: Listing<Account> = blocking(st, move |s| {
        let engine = crate::store::local(s)?;
        Ok(engine
            .read_accounts(&scope, &page)
            .map_err(crate::error::UserError::from)?
            .into())
    })
    .await?;
    let (items, metadata) = paging.cut(listing.items, account_key, |a| sel.keeps(&a.labels));
    let listing = Listing {
        items,
        errors: listing.errors,
    };
    // The engine's warnings of this page, on every page: an engine that cuts in its query
    // (PostgreSQL) reports the records each page passed over (`engine::Tx`).
    Ok(account_list(st, listing, Some(metadata)))
}

fn account_list(
    st: &AppState,
    listing: Listing<Account>,
    metadata: Option<api::ListMeta>,
) -> Response {
    let now = Timestamp::now();
    let warnings = warnings(st, &listing);
    let items: Vec<AccountView> = listing
        .items
        .iter()
        .map(|a| AccountView::new(a, now))
        .collect();
    json(
        StatusCode::OK,
        &ListBody {
            kind: "ServiceAccountList".into(),
            items,
            warnings,
            metadata,
        },
    )
}

pub fn groups(raw: &[String]) -> Result<Vec<String>, ApiError> {
    Ok(check_groups(raw)?)
}

pub fn public_key(
    pem: &str,
    algorithm: Option<KeyAlgorithm>,
    origin: &str,
    now: Timestamp,
) -> Result<KeyRecord, ApiError> {
    let public = PublicKey::parse(pem.as_bytes(), origin)?;
    Ok(KeyRecord::new(&public, algorithm.unwrap_or_default(), now))
}

pub async fn list_all_accounts(State(st): St, sel: LabelSelector, paging: Paging) -> Answer {
    accounts_of(&st, Scope::All, sel, paging).await
}

pub async fn list_accounts(State(st): St, p: Params, sel: LabelSelector, paging: Paging) -> Answer {
    accounts_of(&st, Scope::Namespace(p.ns()?), sel, paging).await
}

pub async fn create_account(
    State(st): St,
    Extension(caller): Extension<Caller>,
    p: Params,
    JsonBody(body): JsonBody<NewAccount>,
) -> Answer {
    let ns = p.ns()?;
    let now = Timestamp::now();
    let groups = groups(&body.groups)?;
    crate::labels::check_all(&body.labels)?;
    let impersonates = body
        .impersonates
        .as_deref()
        .map(crate::model::check_user_id)
        .transpose()?;
    if !groups.is_empty() {
        may_assign_groups(&st, &caller).await?;
    }
    if impersonates.is_some() {
        may_impersonate(&st, &caller).await?;
    }
    // No key at all is allowed: such an account authenticates only with the tokens the registry
    // issues to it (as Pomerium's and Kubermatic's service accounts do), and gets keys later
    // with `key add`, as one whose last key was removed (`key remove --force`).
    let mut keys: Vec<KeyRecord> = vec![];
    for (i, pem) in body.public_keys.iter().enumerate() {
        let k = public_key(
            pem,
            body.key_algorithm,
            &format!("public key {} of the request", i + 1),
            now,
        )?;
        if !keys.iter().any(|x| x.kid == k.kid) {
            keys.push(k);
        }
    }
    let account = Account {
        description: body.description,
        groups,
        labels: body.labels,
        disabled: body.disabled,
        expires: body.expires,
        keys,
        impersonates,
        ..Account::new(Reference::new(ns, body.name), now)
    };
    may_act_as(
        &st,
        &caller,
        account.clone(),
        "create",
        api::resource::SERVICE_ACCOUNT,
    )
    .await?;
    let grants = policies(&st).await?;
    let a = match blocking(&st, move |s| Ok(s.create_account_checked(account))).await? {
        Ok(a) => a,
        Err(e) => return Err(holder_out_of_reach(&st, &caller, e).await),
    };
    Ok(account_write_answer(
        &caller,
        &grants,
        StatusCode::CREATED,
        &a,
    ))
}

pub async fn get_account(State(st): St, p: Params) -> Answer {
    let r = p.reference()?;
    match st.store.engine().and_then(|e| e.cached_account(&r)) {
        Some(a) => Ok(st.account_bodies.answer(&a, Timestamp::now())),
        None => {
            let a = blocking(&st, move |s| s.get_account(&r)).await?;
            Ok(account_answer(StatusCode::OK, &a))
        }
    }
}

pub async fn update_account(
    State(st): St,
    Extension(caller): Extension<Caller>,
    p: Params,
    headers: HeaderMap,
    JsonBody(body): JsonBody<AccountChange>,
) -> Answer {
    let r = p.reference()?;
    let revision = if_match(&headers)?;
    let groups = groups(&body.groups)?;
    if let Some(l) = &body.labels {
        crate::labels::check_all(l)?;
    }
    // Every decision below is made on this record, and the write requires it: a record that is
    // not the one `If-Match` names is refused now, and one that changes after this read makes
    // the write fail (the store compares revision and uid under its lock), and the write holds
    // to the decision (`Decision`).
    let generation = read_generation(&st);
    let r2 = r.clone();
    let stored = blocking(&st, move |s| s.get_account(&r2)).await?;
    if let Some(e) = stale(
        format!("service account `{r}`"),
        (revision, &body.uid),
        (stored.revision, &stored.uid),
    ) {
        return Err(e.into());
    }
    // Removing groups only takes grants away; adding any needs the global grant.
    let adds_groups = groups.iter().any(|g| !stored.groups.contains(g));
    let after = Account {
        description: body.description,
        groups,
        labels: body.labels.unwrap_or_else(|| stored.labels.clone()),
        disabled: body.disabled,
        expires: body.expires,
        updated: Timestamp::now(),
        ..stored.clone()
    };
    let decide = {
        let (caller, after) = (caller.clone(), after.clone());
        move |policies: &[Policy]| {
            if adds_groups {
                assign_groups(&caller, policies)?;
            }
            revive(&caller, policies, &stored, &after)
        }
    };
    let grants = policies(&st).await?;
    decide(&grants)?;
    let decision = Decision::new(generation, move |p| decide(p).is_ok());
    let a = blocking(&st, move |s| {
        crate::registry::accounts::update(&decision.over(crate::store::local(s)?), &after)
    })
    .await?;
    Ok(account_write_answer(&caller, &grants, StatusCode::OK, &a))
}

pub async fn delete_account(State(st): St, p: Params) -> Answer {
    let r = p.reference()?;
    blocking(&st, move |s| s.delete_account(&r)).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

pub async fn rename_account(
    State(st): St,
    Extension(caller): Extension<Caller>,
    p: Params,
    JsonBody(body): JsonBody<Rename>,
) -> Answer {
    let r = p.reference()?;
    let decide = {
        let (caller, to) = (caller.clone(), body.new_name.clone());
        move |read: &Account, policies: &[Policy]| {
            let renamed = Account {
                name: to.clone(),
                ..read.clone()
            };
            act_as(
                &caller,
                policies,
                &renamed,
                "update",
                api::resource::SERVICE_ACCOUNT,
            )
        }
    };
    // Grants follow the account here, on the server: the caller may not be allowed to edit
    // policies, and otherwise the old name's grants (global ones included) would wait for
    // whoever creates an account under it, and a caller that renames itself is locked out.
    let to = body.new_name;
    let renamed = write_on_the_record(&st, &r, decide, move |engine, read| {
        crate::registry::accounts::rename(engine, &read.reference(), &to, Some(&read))
    })
    .await?;
    let (st, caller) = (&st, &caller);
    let account = written(renamed.account)?;
    let url = account_url(&account);
    let etag = api::etag(account.revision);
    // The policies that followed the account may be global or another namespace's: each in
    // full only to a caller that may read it.
    let grants = policies(st).await?;
    let (mut accounts, updated_policies) = shown_to(
        caller,
        &grants,
        vec![Shown::Record(account)],
        renamed.updated_policies,
    );
    // The revoked tokens by name only to a caller that may list them; their number to all.
    let revoked_token_count = renamed.revoked_tokens.len();
    let revoked_tokens = if may_list_tokens(caller, &grants, &r.namespace, Timestamp::now()) {
        renamed.revoked_tokens
    } else {
        vec![]
    };
    let renamed = api::Renamed {
        account: accounts.remove(0),
        updated_policies,
        revoked_tokens,
        revoked_token_count,
    };
    let res = json(StatusCode::OK, &renamed);
    Ok(with_header(
        with_header(res, header::LOCATION, &url),
        header::ETAG,
        &etag,
    ))
}

/// Disabling only takes credentials away: the route's grant is enough.
pub async fn disable_account(
    State(st): St,
    Extension(caller): Extension<Caller>,
    p: Params,
) -> Answer {
    let r = p.reference()?;
    let grants = policies(&st).await?;
    let a = written(blocking(&st, move |s| s.set_disabled(&r, true)).await?)?;
    Ok(account_write_answer(&caller, &grants, StatusCode::OK, &a))
}

/// Enabling a disabled account makes its keys and tokens valid again: it needs what giving it
/// a key does ([`may_revive`]), decided on the record that the write then requires.
pub async fn enable_account(
    State(st): St,
    Extension(caller): Extension<Caller>,
    p: Params,
) -> Answer {
    let r = p.reference()?;
    let enabled = |read: &Account| Account {
        disabled: false,
        updated: Timestamp::now(),
        ..read.clone()
    };
    let decide = {
        let caller = caller.clone();
        move |read: &Account, policies: &[Policy]| revive(&caller, policies, read, &enabled(read))
    };
    let a = write_on_the_record(&st, &r, decide, move |engine, read| {
        crate::registry::accounts::update(engine, &enabled(&read))
    })
    .await?;
    let st = &st;
    let grants = policies(st).await?;
    Ok(account_write_answer(&caller, &grants, StatusCode::OK, &a))
}

/// What makes an account's credentials valid again when `before` becomes `after`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Revival {
    /// It was disabled and is not.
    enables: bool,
    /// Its expiry is removed or moved later.
    extends: bool,
}

impl Revival {
    fn of(before: &Account, after: &Account) -> Revival {
        Revival {
            enables: before.disabled && !after.disabled,
            extends: match (before.expires, after.expires) {
                (Some(_), None) => true,
                (Some(was), Some(is)) => is > was,
                // Setting an expiry where there was none only takes credentials away.
                (None, _) => false,
            },
        }
    }

    fn what(self) -> &'static str {
        match (self.enables, self.extends) {
            (true, false) => "enabling",
            (false, true) => "removing or extending the expiry of",
            _ => "enabling, and removing or extending the expiry of,",
        }
    }
}

/// Enabling an account, or removing or extending its expiry, makes its keys and tokens valid
/// again: as guarded as giving it a key (`add_key`), so the caller needs `create` on `key` in
/// the account's namespace and may act as the account ([`may_act_on`]: impersonation, groups,
/// policies elsewhere that name it). An account never does it for itself, whatever its grants:
/// an expiry an administrator set, or a disabling, would otherwise be undone by whoever holds
/// one of its credentials. Disabling, shortening an expiry or setting one only take credentials
/// away and need nothing more. (Nothing else is un-revoked: a revoked issued token's record is
/// gone, and a removed key comes back only through `add_key`.)
fn revive(
    caller: &Caller,
    policies: &[Policy],
    before: &Account,
    after: &Account,
) -> Result<(), ApiError> {
    let revival = Revival::of(before, after);
    if !revival.enables && !revival.extends {
        return Ok(());
    }
    let r = after.reference();
    if caller.account.uid == before.uid {
        let detail = if revival.extends {
            format!(
                "service account `{r}` may not remove or extend its own expiry (it may shorten it): \
                 another account allowed to add a key to it must"
            )
        } else {
            format!(
                "service account `{r}` may not enable itself: another account allowed to add a key to it must"
            )
        };
        return Err(api::Problem {
            action: Some("update".into()),
            resource: Some(api::resource::SERVICE_ACCOUNT.into()),
            namespace: Some(r.namespace.to_string()),
            ..api::Problem::new(403, code::FORBIDDEN, detail)
        }
        .into());
    }
    let guard = api::Guard::Namespaced {
        action: "create",
        resource: api::resource::KEY,
    };
    let checked = crate::server::auth::authorize(
        guard,
        &caller.account,
        policies,
        Some(&r.namespace),
        Timestamp::now(),
    )
    .map_err(ApiError::from)
    .and_then(|_| act_on(caller, policies, after, "create", api::resource::KEY));
    checked.map_err(|mut e| {
        if e.problem.status == 403 {
            e.problem.detail = format!(
                "{} `{r}` needs what adding a key to it does: {}",
                revival.what(),
                e.problem.detail
            );
        }
        e
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The body of a response, as text.
    fn body_text(res: Response) -> String {
        let rt = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        let bytes = rt
            .block_on(axum::body::to_bytes(res.into_body(), usize::MAX))
            .unwrap();
        String::from_utf8(bytes.to_vec()).unwrap()
    }

    #[test]
    fn a_kept_account_body_is_the_same_as_a_new_one_and_follows_the_status() {
        let now = Timestamp::now();
        let mut a = crate::store::memory::tests::account("ci-bot");
        a.expires = Some(now + jiff::SignedDuration::from_hours(1));
        let a = Arc::new(a);
        let bodies = AccountBodies::default();
        let first = bodies.answer(&a, now);
        assert_eq!(first.headers()[header::ETAG], "\"7\"");
        let first = body_text(first);
        assert!(first.contains(r#""status":"active""#), "{first}");
        assert_eq!(body_text(bodies.answer(&a, now)), first);
        assert_eq!(body_text(account_answer(StatusCode::OK, &a)), first);
        // an hour later the same record is expired, and says so
        let later = body_text(bodies.answer(&a, now + jiff::SignedDuration::from_hours(2)));
        assert!(later.contains(r#""status":"expired""#), "{later}");
        // another record of the same account (a new Arc): its own body
        let mut b = a.as_ref().clone();
        b.description = "changed".into();
        let b = Arc::new(b);
        assert!(body_text(bodies.answer(&b, now)).contains("changed"));
        assert!(!body_text(bodies.answer(&a, now)).contains("changed"));
    }

    /// Enabling, and removing or extending an expiry, give credentials back; disabling,
    /// shortening an expiry or setting one where there was none take them away.
    #[test]
    fn what_revives_an_account() {
        let now = Timestamp::now();
        let day = jiff::SignedDuration::from_hours(24);
        let base = crate::store::memory::tests::account("ci-bot");
        let with = |disabled: bool, expires: Option<Timestamp>| Account {
            disabled,
            expires,
            ..base.clone()
        };
        let revival = |before: &Account, after: &Account| {
            let r = Revival::of(before, after);
            (r.enables, r.extends)
        };
        let (soon, later) = (Some(now + day), Some(now + day * 30));
        assert_eq!(
            revival(&with(true, None), &with(false, None)),
            (true, false)
        );
        assert_eq!(
            revival(&with(false, None), &with(true, None)),
            (false, false)
        );
        assert_eq!(
            revival(&with(false, None), &with(false, None)),
            (false, false)
        );
        assert_eq!(
            revival(&with(false, soon), &with(false, None)),
            (false, true)
        );
        assert_eq!(
            revival(&with(false, soon), &with(false, later)),
            (false, true)
        );
        assert_eq!(
            revival(&with(false, later), &with(false, soon)),
            (false, false)
        );
        assert_eq!(
            revival(&with(false, None), &with(false, soon)),
            (false, false)
        );
        assert_eq!(
            revival(&with(false, soon), &with(false, soon)),
            (false, false)
        );
        assert_eq!(
            revival(&with(true, soon), &with(false, later)),
            (true, true)
        );
    }
}
