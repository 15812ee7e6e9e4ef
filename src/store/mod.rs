//! The registry: a small synchronous trait with a file implementation (the embedded default),
//! a remote one over the HTTP API of `svcacct serve`, and an in-memory one for tests.
//! What an engine implements is `engine`; see docs/ARCHITECTURE.md, "The store".

use anyhow::Result;

use crate::api::{AccountAnswer, NamespaceCreated, NamespaceDeleted, TokenAnswer};
use crate::error::UserError;
use crate::identity::{Name, Namespace, Reference};
use crate::issued::{
    IssueRequest, IssuedToken, IssuerAlgorithm, IssuerView, RequestedToken, RotateRequest, Secret,
    TokenRecord, TokenRequest, UrlChange,
};
use crate::labels::{Labels, Selector};
use crate::model::{Account, KeyRecord, NamespaceRecord, Policy, PolicyScope};

pub mod cached;
#[cfg(test)]
pub(crate) mod conformance;
pub mod connect_to;
pub mod copy;
pub mod dry_run;
pub mod engine;
pub mod errors;
use engine::Tx;
pub use engine::{Engine, Listing, Page, Scope};
pub use errors::*;
pub mod file;
pub mod memory;
pub mod postgres;
pub mod remote;

/// The registry's operations: what the commands (and the server's handlers) call. Two kinds
/// implement it: every storage engine, through `crate::registry` (the workflows written once,
/// each change one transaction), and the remote store, a client of a server's HTTP API.
///
/// Writes are atomic. `create_*` sets `revision` to 1 and refuses an existing name.
/// `update_*` refuses with `UserError::Conflict` unless the record's `revision` equals the
/// stored one, and with `UserError::Replaced` when the stored record has another `uid` (it was
/// deleted and created again meanwhile); it stores the record with `revision + 1`. Every method
/// returns the record as stored. (The remote store knows it only as the server showed it, and a
/// server shows a record only to a caller that may `get` it, `api::Shown`: to another, a create
/// or an update returns the record it sent with the server's uid and revision, and `add_key`,
/// `set_disabled`, renames and namespaces give references.)
/// Lookups of a missing record fail with `UserError::UnknownAccount`/`UnknownPolicy`/
/// `UnknownNamespace`.
pub trait Store {
    /// The engine under a local registry; `None` for a remote store. What only a registry on
    /// this machine can do (a server's pinned writes and cached reads) goes through it.
    fn engine(&self) -> Option<&dyn Engine>;

    fn get_account(&self, r: &Reference) -> Result<Account>;
    /// Sorted by namespace, then name.
    fn list_accounts(&self, scope: &Scope) -> Result<Listing<Account>>;
    /// `list_accounts`, only those whose labels `selector` matches (a remote store has the
    /// server filter: `?labelSelector=`).
    fn select_accounts(&self, scope: &Scope, selector: &Selector) -> Result<Listing<Account>>;
    /// Stores a new account; no check of its namespace or keys (see `create_account_checked`).
    fn create_account(&self, account: Account) -> Result<Account>;
    /// `create_account` in a namespace that exists (`UserError::UnknownNamespace` otherwise),
    /// with keys no other account holds: what `svcacct create` and the server do.
    fn create_account_checked(&self, account: Account) -> Result<Account>;
    fn update_account(&self, account: Account) -> Result<Account>;
    /// Read, change, write, as one change: no concurrent update is lost, and none is applied
    /// twice to the same revision.
    fn modify_account(
        &self,
        r: &Reference,
        change: &mut dyn FnMut(&mut Account) -> Result<()>,
    ) -> Result<Account>;
    /// Deletes the account with its issued tokens.
    fn delete_account(&self, r: &Reference) -> Result<()>;
    /// Renames within the namespace (refused when `to` exists) and moves its grants: every
    /// policy subject that named `from` exactly now names the new reference. Returns the
    /// renamed account and the changed policies.
    fn rename_with_grants(&self, from: &Reference, to: &Name) -> Result<crate::api::Renamed>;
    /// Adds a public key; refuses a kid the account already has and a key another account
    /// holds. (The remote store sends this as its own request, so a server can authorize
    /// `create key` apart from `update`.) Returns the account; the remote store, only its
    /// reference when the caller may not read it.
    fn add_key(&self, r: &Reference, key: KeyRecord) -> Result<AccountAnswer>;
    /// Removes the key `kid`; refuses to remove the last key unless `allow_last`.
    fn remove_key(&self, r: &Reference, kid: &str, allow_last: bool) -> Result<Account>;
    /// Disables or enables an account. Returns the account; the remote store, only its
    /// reference when the caller may not read it.
    fn set_disabled(&self, r: &Reference, disabled: bool) -> Result<AccountAnswer>;

    fn get_policy(&self, scope: &PolicyScope, name: &Name) -> Result<Policy>;
    /// `Scope::Namespace` lists the policies of that namespace only; `Scope::All` lists every
    /// policy, global ones first. Sorted by scope, then name.
    fn list_policies(&self, scope: &Scope) -> Result<Listing<Policy>>;
    /// As `select_accounts`, for policies.
    fn select_policies(&self, scope: &Scope, selector: &Selector) -> Result<Listing<Policy>>;
    fn create_policy(&self, policy: Policy) -> Result<Policy>;
    /// `create_policy` in a namespace that exists (`UserError::UnknownNamespace` otherwise); a
    /// global policy needs none. A policy is never stored for a namespace that `namespace
    /// delete` cannot reach.
    fn create_policy_checked(&self, policy: Policy) -> Result<Policy>;
    fn update_policy(&self, policy: Policy) -> Result<Policy>;
    /// As `modify_account`, for policies.
    fn modify_policy(
        &self,
        scope: &PolicyScope,
        name: &Name,
        change: &mut dyn FnMut(&mut Policy) -> Result<()>,
    ) -> Result<Policy>;
    fn delete_policy(&self, scope: &PolicyScope, name: &Name) -> Result<()>;

    /// The record of a namespace made by `namespace create`; `UserError::UnknownNamespace`
    /// without one (`default` never has one).
    fn get_namespace(&self, ns: &Namespace) -> Result<NamespaceRecord>;
    /// Every namespace record (a remote store: those the caller may `get`), sorted by name.
    fn list_namespaces(&self) -> Result<Listing<NamespaceRecord>>;
    /// As `select_accounts`, for namespace records (`default` has none, so no labels).
    fn select_namespaces(&self, selector: &Selector) -> Result<Listing<NamespaceRecord>>;
    /// True for `default` and for namespaces with a record.
    fn namespace_exists(&self, ns: &Namespace) -> Result<bool>;
    /// Creates namespace `ns` (its parent must exist) and, with `defaults`, its default
    /// accounts and policies (`default_accounts`, `default_policies`).
    fn create_namespace(
        &self,
        ns: &Namespace,
        defaults: bool,
        labels: Labels,
    ) -> Result<NamespaceCreated>;
    /// What deleting `ns` would remove: the namespace and its children (with a record, or with
    /// accounts or policies), their accounts and their policies.
    fn namespace_contents(&self, ns: &Namespace) -> Result<NamespaceDeleted>;
    /// Deletes namespace `ns` (it must have a record; `default` never goes) with its accounts,
    /// their tokens, its policies and its child namespaces. Returns what was deleted.
    fn delete_namespace(&self, ns: &Namespace) -> Result<NamespaceDeleted>;

    // Issued tokens (`crate::issued`).

    /// The issuer without its secrets; `None` before it is first used.
    fn issuer(&self) -> Result<Option<IssuerView>>;
    /// Creates the issuer (refused when there is one); with `url`, its tokens carry it as `iss`;
    /// with `jwks_max_age` (seconds), its JWKS is served with that `max-age`.
    fn init_issuer(
        &self,
        alg: IssuerAlgorithm,
        secret: Option<Secret>,
        url: Option<String>,
        jwks_max_age: Option<u64>,
    ) -> Result<IssuerView>;
    /// Sets the issuer's URL (creating an RS256 issuer if there is none); replacing another
    /// URL needs `force` (`crate::registry::issuer::set_url`).
    fn set_issuer_url(&self, url: &str, force: bool) -> Result<(IssuerView, UrlChange)>;
    /// Sets the `max-age` (seconds) of the issuer's JWKS, which rotations and retention follow
    /// (creating an RS256 issuer if there is none); returns the issuer and the max-age it had
    /// (`crate::registry::issuer::set_jwks_max_age`).
    fn set_issuer_jwks_max_age(&self, seconds: u64) -> Result<(IssuerView, u64)>;
    /// A new signing key; retired keys stay while live tokens need them.
    /// With `revoke_previous` (a key leaked), every earlier key goes at once, and with it every
    /// token it signed.
    fn rotate_issuer(&self, secret: Option<Secret>, how: &RotateRequest) -> Result<IssuerView>;
    fn list_tokens(&self, r: &Reference) -> Result<Vec<TokenRecord>>;
    /// `list_tokens`, only those whose labels `selector` matches (a remote store has the
    /// server filter: `?labelSelector=`).
    fn select_tokens(&self, r: &Reference, selector: &Selector) -> Result<Vec<TokenRecord>>;
    /// Issues a token (the issuer is created on first use); refuses a name the account has.
    fn issue_token(&self, r: &Reference, req: &IssueRequest) -> Result<IssuedToken>;
    fn revoke_token(&self, r: &Reference, name: &Name) -> Result<()>;
    /// A short-lived token for `req.audiences`, signed by the issuer (created on first use)
    /// and not stored (`crate::registry::requested`).
    fn request_token(&self, r: &Reference, req: &TokenRequest) -> Result<RequestedToken>;
    /// A new token under the same name (same audiences and lifetime); the old one is revoked.
    fn regenerate_token(&self, r: &Reference, name: &Name) -> Result<IssuedToken>;
    /// Renames an issued token's record. Returns the record; the remote store, only its
    /// reference when the caller may not list the account's tokens.
    fn rename_token(&self, r: &Reference, from: &Name, to: &Name) -> Result<TokenAnswer>;
}

/// The engine of a local store, or the refusal for a remote one.
pub fn local(store: &(impl Store + ?Sized)) -> Result<&dyn Engine> {
    store.engine().ok_or_else(|| {
        UserError::Failure("this needs the registry's own store, not a server's".into()).into()
    })
}

/// Every policy of a local store, shared as `Engine::policy_snapshot` hands them out.
pub fn policy_snapshot(store: &(impl Store + ?Sized)) -> Result<std::sync::Arc<Vec<Policy>>> {
    Ok(local(store)?.policy_snapshot().map_err(UserError::from)?)
}

/// The refusal when an account other than `r` has registered `key`, or any key with the same
/// RSA modulus (whoever has the private key of one can sign for a key of the same modulus with
/// another exponent, and the kid covers the exponent): one key pair belongs to one account.
/// Asks `Tx::key_holders`, which compares digests of moduli: the PostgreSQL engine from an
/// index, the others by a scan that builds no key (issue 14).
pub(crate) fn key_holder(
    tx: &mut dyn Tx,
    key: &KeyRecord,
    r: &Reference,
) -> engine::Result<Option<UserError>> {
    let holders = tx.key_holders(&key.kid, key.modulus_digest().as_ref())?;
    Ok(holders
        .into_iter()
        .find(|holder| holder != r)
        .map(|holder| UserError::KeyTaken {
            kid: key.kid.clone(),
            holder: holder.to_string(),
        }))
}

/// Adds `key` to `account`; refuses a kid the account already has.
pub(crate) fn add_key_to(account: &mut Account, key: KeyRecord) -> Result<(), UserError> {
    if account.keys.iter().any(|k| k.kid == key.kid) {
        return Err(UserError::KeyExists {
            account: account.reference().to_string(),
            kid: key.kid,
        });
    }
    account.keys.push(key);
    Ok(())
}

/// Runs a read-modify-write again while it loses to concurrent writers (bounded).
pub(crate) fn retry_on_conflict<T>(mut attempt: impl FnMut() -> Result<T>) -> Result<T> {
    let mut tries = 0u64;
    loop {
        match attempt() {
            Err(e) if is_conflict(&e) && tries < 50 => {
                tries += 1;
                std::thread::sleep(std::time::Duration::from_millis(2 * tries));
            }
            other => return other,
        }
    }
}

/// A concurrent writer won: the read-modify-write can be tried again.
pub fn is_conflict(e: &anyhow::Error) -> bool {
    match e.downcast_ref::<UserError>() {
        Some(UserError::Conflict { .. }) => true,
        Some(UserError::Remote { code, .. }) => code == crate::api::code::CONFLICT,
        _ => false,
    }
}

/// The accounts `namespace create` makes, as OpenShift does in every project. They have no
/// keys: they are meant for issued tokens (`svcacct tokens create`), or for `svcacct key add`.
pub const DEFAULT_ACCOUNTS: [(&str, &str); 3] = [
    (
        "builder",
        "builds and pushes images (made by `namespace create`)",
    ),
    (
        "deployer",
        "manages deployments (made by `namespace create`)",
    ),
    (
        "default",
        "the namespace's default account (made by `namespace create`)",
    ),
];

pub fn default_accounts(ns: &Namespace, now: jiff::Timestamp) -> Vec<Account> {
    DEFAULT_ACCOUNTS
        .iter()
        .map(|(name, description)| Account {
            description: (*description).to_owned(),
            ..Account::new(
                Reference::new(ns.clone(), Name::parse(name).expect("a valid name")),
                now,
            )
        })
        .collect()
}

/// The policies `namespace create` makes (README "Namespaces"): `image-builders` (builder may
/// push and pull images), `deployers` (deployer may get, list, create, update and delete
/// deployments) and `image-pullers` (every account of the namespace may pull images).
pub fn default_policies(ns: &Namespace, now: jiff::Timestamp) -> Vec<Policy> {
    let account = |name: &str| {
        Reference::new(ns.clone(), Name::parse(name).expect("a valid name")).to_string()
    };
    let specs: [(&str, &str, String, &[&str], &str); 3] = [
        (
            "image-builders",
            "the builder account may push and pull images",
            account("builder"),
            &["push", "pull"],
            "image",
        ),
        (
            "deployers",
            "the deployer account may manage deployments",
            account("deployer"),
            &["get", "list", "create", "update", "delete"],
            "deployment",
        ),
        (
            "image-pullers",
            "every account of the namespace may pull images",
            format!("group:system:serviceaccounts:{ns}"),
            &["pull"],
            "image",
        ),
    ];
    specs
        .into_iter()
        .map(|(name, description, subject, actions, resource)| Policy {
            name: Name::parse(name).expect("a valid name"),
            namespace: Some(ns.clone()),
            uid: crate::model::new_uid(),
            revision: 0,
            description: description.to_owned(),
            labels: Default::default(),
            subjects: vec![subject],
            actions: actions.iter().map(|a| (*a).to_owned()).collect(),
            resources: vec![resource.to_owned()],
            created: now,
            updated: now,
        })
        .collect()
}
