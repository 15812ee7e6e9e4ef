//! The registry: a small synchronous trait with a file implementation (the embedded default),
//! a remote one over the HTTP API of `svcacct serve`, and an in-memory one for tests.
//! What an engine implements is `engine`; see docs/ARCHITECTURE.md, "The store".

use anyhow::Result;

use crate::api::{AccountAnswer, NamespaceCreated, NamespaceDeleted, Shown, TokenAnswer};
use crate::error::UserError;
use crate::identity::{Name, Namespace, Reference};
use crate::issued::{
    self, IssueRequest, IssuedToken, IssuerAlgorithm, IssuerBackend, IssuerView, Secret,
    TokenRecord,
};
use crate::model::{Account, KeyRecord, NamespaceRecord, Policy, PolicyScope};

#[cfg(test)]
pub(crate) mod conformance;
pub mod engine;
pub mod file;
pub mod filecache;
pub mod memory;
pub mod remote;

/// Which namespaces a listing covers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Scope {
    /// Exactly this namespace (not its children).
    Namespace(Namespace),
    /// Every namespace (and, for policies, the global scope too).
    All,
}

/// The readable records, and the ones that could not be read (each a `UserError::CorruptRecord`).
#[derive(Debug)]
pub struct Listing<T> {
    pub items: Vec<T>,
    pub errors: Vec<UserError>,
}

/// A registry of accounts and policies.
///
/// Writes are atomic. `create_*` sets `revision` to 1 and refuses an existing name.
/// `update_*` refuses with `UserError::Conflict` unless the record's `revision` equals the
/// stored one, and with `UserError::Replaced` when the stored record has another `uid` (it was
/// deleted and created again meanwhile); it stores the record with `revision + 1`. Every method returns the record as stored.
/// (The remote store knows it only as the server showed it, and a server shows a record only
/// to a caller that may `get` it, `api::Shown`: to another, a create or an update returns the
/// record it sent with the server's uid and revision, and `add_key`, `set_disabled`, renames
/// and namespaces give references.)
/// Lookups of a missing record fail with `UserError::UnknownAccount`/`UnknownPolicy`.
pub trait Store {
    fn get_account(&self, r: &Reference) -> Result<Account>;
    /// Sorted by namespace, then name.
    fn list_accounts(&self, scope: &Scope) -> Result<Listing<Account>>;
    fn create_account(&self, account: Account) -> Result<Account>;
    fn update_account(&self, account: Account) -> Result<Account>;
    fn delete_account(&self, r: &Reference) -> Result<()>;
    /// Renames within the namespace; refuses when `to` exists. The file and memory stores move
    /// the grants with it, as `rename_with_grants` does, in the same change (one journaled
    /// write under the lock), so that nothing ever sees one without the other.
    fn rename_account(&self, from: &Reference, to: &Name) -> Result<Account>;

    /// Renames the account and moves its grants: every policy subject that named `from`
    /// exactly now names the new reference. Returns the renamed account and the changed
    /// policies. (A server does both on its side, for callers that may not edit policies.)
    fn rename_with_grants(&self, from: &Reference, to: &Name) -> Result<crate::api::Renamed> {
        renamed_with_grants(self, from, to, None)
    }

    /// `rename_account` of the account exactly as `read` (a record a server authorized the
    /// rename on), as `add_key_pinned`. This default checks the record before the rename, not
    /// with it: the file and memory stores check it under their lock.
    fn rename_account_pinned(&self, read: &Account, to: &Name) -> Result<Account> {
        let r = read.reference();
        if let Some(e) = pinned_refusal(read, Some(&self.get_account(&r)?)) {
            return Err(e.into());
        }
        self.rename_account(&r, to)
    }

    /// `rename_with_grants` of the account exactly as `read`: the rename is
    /// `rename_account_pinned`, and nothing is changed when it is refused.
    fn rename_with_grants_pinned(&self, read: &Account, to: &Name) -> Result<crate::api::Renamed> {
        renamed_with_grants(self, &read.reference(), to, Some(read))
    }

    fn get_policy(&self, scope: &PolicyScope, name: &Name) -> Result<Policy>;
    /// `Scope::Namespace` lists the policies of that namespace only; `Scope::All` lists every
    /// policy, global ones first. Sorted by scope, then name.
    fn list_policies(&self, scope: &Scope) -> Result<Listing<Policy>>;
    /// The readable policies of every scope, as `list_policies(&Scope::All)` lists them,
    /// shared: a caching store hands out one snapshot until a policy changes.
    fn policy_snapshot(&self) -> Result<std::sync::Arc<Vec<Policy>>> {
        Ok(std::sync::Arc::new(self.list_policies(&Scope::All)?.items))
    }
    /// `policy_snapshot` when the store can answer from memory without reading a file (a
    /// server's file store with a read cache, which reads no file); `None` otherwise. The
    /// answer includes every write finished before `since` (a request's arrival).
    fn cached_policies(&self, _since: std::time::Instant) -> Option<std::sync::Arc<Vec<Policy>>> {
        None
    }
    /// `get_account` when answered from memory without reading a file, as `cached_policies`.
    fn cached_account(
        &self,
        _r: &Reference,
        _since: std::time::Instant,
    ) -> Option<std::sync::Arc<Account>> {
        None
    }
    fn create_policy(&self, policy: Policy) -> Result<Policy>;
    fn update_policy(&self, policy: Policy) -> Result<Policy>;
    fn delete_policy(&self, scope: &PolicyScope, name: &Name) -> Result<()>;

    /// The record of a namespace made by `namespace create`; `UserError::UnknownNamespace`
    /// without one (`default` never has one).
    fn get_namespace(&self, ns: &Namespace) -> Result<NamespaceRecord>;
    /// Every namespace record (a remote store: those the caller may `get`), sorted by name.
    fn list_namespaces(&self) -> Result<Listing<NamespaceRecord>>;
    /// Writes a new namespace record (revision 1); refuses an existing one with
    /// `UserError::NamespaceExists`. Only the record: see `create_namespace`.
    fn create_namespace_record(&self, record: NamespaceRecord) -> Result<NamespaceRecord>;
    /// Removes a namespace record only: see `delete_namespace`.
    fn delete_namespace_record(&self, ns: &Namespace) -> Result<()>;

    /// True for `default` and for namespaces with a record.
    fn namespace_exists(&self, ns: &Namespace) -> Result<bool> {
        if ns.is_default() {
            return Ok(true);
        }
        match self.get_namespace(ns) {
            Ok(_) => Ok(true),
            Err(e) if is_unknown_namespace(&e) => Ok(false),
            Err(e) => Err(e),
        }
    }

    /// `create_account` in a namespace that exists (`UserError::UnknownNamespace` otherwise):
    /// what `svcacct create` and the server do. (A remote store leaves the check to the server.)
    fn create_account_checked(&self, account: Account) -> Result<Account> {
        if !self.namespace_exists(&account.namespace)? {
            return Err(unknown_namespace(&account.namespace).into());
        }
        for k in &account.keys {
            self.check_key_unclaimed(k, &account.reference())?;
        }
        self.create_account(account)
    }

    /// Refuses `key` for `r` when another account has registered it, or any key with the same
    /// RSA modulus (whoever has the private key of one can sign for a key of the same modulus
    /// with another exponent, and the kid covers the exponent): one key pair belongs to one
    /// account (docs/ARCHITECTURE.md, "Trust domains"). Reads every account: the file store has no index.
    /// The file store calls it under its write lock, with the write; the default `add_key`
    /// and `create_account_checked` cannot, and leave a race between two registrations of one
    /// key to an engine's transaction.
    fn check_key_unclaimed(&self, key: &KeyRecord, r: &Reference) -> Result<()> {
        match key_holder(&self.list_accounts(&Scope::All)?.items, key, r) {
            Some(e) => Err(e.into()),
            None => Ok(()),
        }
    }

    /// `create_policy` in a namespace that exists (`UserError::UnknownNamespace` otherwise), as
    /// `create_account_checked`; a global policy needs none. What `svcacct policy create` and
    /// the server do: a policy is never stored for a namespace that `namespace delete` cannot
    /// reach. (A remote store leaves the check to the server.)
    fn create_policy_checked(&self, policy: Policy) -> Result<Policy> {
        if let Some(ns) = &policy.namespace
            && !self.namespace_exists(ns)?
        {
            return Err(unknown_namespace(ns).into());
        }
        self.create_policy(policy)
    }

    /// Creates namespace `ns` (its parent must exist) and, with `defaults`, its default
    /// accounts and policies (`default_accounts`, `default_policies`). Over a namespace that
    /// has accounts or policies but no record (a store from svcacct 1.0) it adopts them:
    /// default records whose names are taken are kept as they are. The record is written last,
    /// so a create that stopped half-way is finished by the next.
    fn create_namespace(&self, ns: &Namespace, defaults: bool) -> Result<NamespaceCreated> {
        self.namespace_creatable(ns)?;
        let scope = Scope::Namespace(ns.clone());
        let accounts = self.list_accounts(&scope)?;
        let policies = self.list_policies(&scope)?;
        if defaults && let Some(e) = accounts.errors.into_iter().chain(policies.errors).next() {
            // A default record over it would fail half-way: nothing is written.
            return Err(e.into());
        }
        let adopted = !accounts.items.is_empty() || !policies.items.is_empty();
        let now = jiff::Timestamp::now();
        let mut made_accounts = vec![];
        let mut made_policies = vec![];
        if defaults {
            for a in default_accounts(ns, now) {
                match self.create_account(a) {
                    Ok(a) => made_accounts.push(Shown::Record(a)),
                    Err(e) if matches!(e.downcast_ref(), Some(UserError::AccountExists { .. })) => {
                    }
                    Err(e) => return Err(e),
                }
            }
            for p in default_policies(ns, now) {
                match self.create_policy(p) {
                    Ok(p) => made_policies.push(Shown::Record(p)),
                    Err(e) if matches!(e.downcast_ref(), Some(UserError::PolicyExists { .. })) => {}
                    Err(e) => return Err(e),
                }
            }
        }
        let namespace = self.create_namespace_record(NamespaceRecord {
            name: ns.clone(),
            uid: crate::model::new_uid(),
            revision: 0,
            created: now,
        })?;
        Ok(NamespaceCreated {
            namespace,
            adopted,
            accounts: made_accounts,
            policies: made_policies,
        })
    }

    /// Refuses what `create_namespace` refuses before it writes anything: `default`, a
    /// namespace whose parent does not exist, one that exists (`UserError::NamespaceExists`).
    /// The server asks it first, so that these answers come before its own check of the
    /// defaults; `create_namespace` asks again.
    fn namespace_creatable(&self, ns: &Namespace) -> Result<()> {
        check_creatable(ns, |n| self.namespace_exists(n))
    }

    /// The namespace that an unreadable record of a listing (`UserError::CorruptRecord`)
    /// belongs to, when the store can tell; `None` otherwise.
    fn namespace_of_unreadable(&self, _e: &UserError) -> Option<Namespace> {
        None
    }

    /// What deleting `ns` would remove: the namespace and its children (with a record, or with
    /// accounts or policies), their accounts and their policies.
    fn namespace_contents(&self, ns: &Namespace) -> Result<NamespaceDeleted> {
        Ok(contents(self, ns)?.0)
    }

    /// Deletes namespace `ns` (it must have a record; `default` never goes) with its accounts
    /// (through `delete_account`, so whatever goes with an account goes too), its policies
    /// and its child namespaces. Returns what was deleted.
    fn delete_namespace(&self, ns: &Namespace) -> Result<NamespaceDeleted> {
        if ns.is_default() {
            return Err(UserError::Failure(
                "namespace `default` cannot be deleted: it always exists".into(),
            )
            .into());
        }
        self.get_namespace(ns)?;
        let (gone, unreadable) = contents(self, ns)?;
        // A record that cannot be read would stay behind (and come back with a namespace of
        // the same name): nothing is deleted until it is fixed or removed.
        if let Some(e) = unreadable.into_iter().next() {
            return Err(e.into());
        }
        let mut gone = gone;
        delete_contents(self, &gone)?;
        // Children first, the namespace itself last: a failure leaves it in place to retry.
        for n in gone.namespaces.iter().rev() {
            match self.delete_namespace_record(n) {
                Ok(()) => {}
                Err(e) if is_unknown(&e) => {}
                Err(e) => return Err(e),
            }
        }
        // An account created while the records above were being deleted (its create saw the
        // namespace record) would outlive the namespace, and come back with one of the same
        // name: once the records are gone no create can pass its check (the file store checks
        // under the store's lock), so one more sweep takes whatever slipped in.
        let (late, _) = contents(self, ns)?;
        delete_contents(self, &late)?;
        gone.accounts.extend(late.accounts);
        gone.policies.extend(late.policies);
        Ok(gone)
    }

    /// Read, change, write; on a conflict with a concurrent writer, read again and re-apply
    /// `change`, so no update is lost and none is applied twice to the same revision.
    fn modify_account(
        &self,
        r: &Reference,
        change: &mut dyn FnMut(&mut Account) -> Result<()>,
    ) -> Result<Account> {
        retry_on_conflict(|| {
            let mut account = self.get_account(r)?;
            change(&mut account)?;
            account.updated = jiff::Timestamp::now();
            self.update_account(account)
        })
    }

    /// Adds a public key; refuses a kid the account already has. (The remote store sends this as
    /// its own request, so a server can authorize `create key` apart from `update`.) Returns
    /// the account; the remote store, only its reference when the caller may not read it.
    fn add_key(&self, r: &Reference, key: KeyRecord) -> Result<AccountAnswer> {
        self.get_account(r)?;
        self.check_key_unclaimed(&key, r)?;
        self.modify_account(r, &mut |a| Ok(add_key_to(a, key.clone())?))
            .map(Shown::Record)
    }

    /// `add_key` to the account exactly as `read` (a record a server authorized the key on):
    /// refused with `UserError::Replaced` when another account is stored under its name now
    /// (renamed onto it, or deleted and created again) and with `UserError::Conflict` when it
    /// has changed since, and nothing is written. The revision is checked with the write
    /// (`update_account`); the file store checks everything under its lock. A remote store
    /// cannot: its server pins the record it reads itself.
    fn add_key_pinned(&self, read: &Account, key: KeyRecord) -> Result<Account> {
        let r = read.reference();
        self.check_key_unclaimed(&key, &r)?;
        let mut account = read.clone();
        add_key_to(&mut account, key)?;
        account.updated = jiff::Timestamp::now();
        self.update_account(account)
    }

    /// Removes the key `kid`; refuses to remove the last key unless `allow_last`.
    fn remove_key(&self, r: &Reference, kid: &str, allow_last: bool) -> Result<Account> {
        self.modify_account(r, &mut |a| {
            let Some(i) = a.keys.iter().position(|k| k.kid == kid) else {
                return Err(UserError::UnknownKid {
                    account: r.to_string(),
                    kid: crate::output::sanitize(kid),
                }
                .into());
            };
            if a.keys.len() == 1 && !allow_last {
                return Err(UserError::Failure(format!(
                    "`{kid}` is the last key of `{r}`: without it no token of the account verifies; pass --force to remove it anyway"
                ))
                .into());
            }
            a.keys.remove(i);
            Ok(())
        })
    }

    /// Disables or enables an account. Returns the account; the remote store, only its
    /// reference when the caller may not read it.
    fn set_disabled(&self, r: &Reference, disabled: bool) -> Result<AccountAnswer> {
        self.modify_account(r, &mut |a| {
            a.disabled = disabled;
            Ok(())
        })
        .map(Shown::Record)
    }

    /// As `modify_account`, for policies.
    fn modify_policy(
        &self,
        scope: &PolicyScope,
        name: &Name,
        change: &mut dyn FnMut(&mut Policy) -> Result<()>,
    ) -> Result<Policy> {
        retry_on_conflict(|| {
            let mut policy = self.get_policy(scope, name)?;
            change(&mut policy)?;
            policy.updated = jiff::Timestamp::now();
            self.update_policy(policy)
        })
    }

    // Issued tokens (`crate::issued`): the file and memory stores keep the issuer and the
    // token records themselves (`issuer_backend`); the remote store asks the server.

    /// Where this store keeps its issuer; `None` for a remote store.
    fn issuer_backend(&self) -> Option<&dyn IssuerBackend> {
        None
    }

    /// The issuer without its secrets; `None` before it is first used.
    fn issuer(&self) -> Result<Option<IssuerView>> {
        let b = issued::backend(self)?;
        match b.read_issuer()? {
            None => Ok(None),
            r => issued::view(b, r).map(Some),
        }
    }

    /// Creates the issuer (refused when there is one).
    fn init_issuer(&self, alg: IssuerAlgorithm, secret: Option<Secret>) -> Result<IssuerView> {
        issued::init(issued::backend(self)?, alg, secret)
    }

    /// A new signing key; retired keys stay while live tokens need them.
    /// With `revoke_previous` (a key leaked), every earlier key goes at once, and with it every
    /// token it signed (their records are dropped: see `issued::drop_unverifiable`).
    fn rotate_issuer(&self, secret: Option<Secret>, revoke_previous: bool) -> Result<IssuerView> {
        issued::rotate(issued::backend(self)?, secret, revoke_previous)
    }

    fn list_tokens(&self, r: &Reference) -> Result<Vec<TokenRecord>> {
        issued::list(self, r)
    }

    /// Issues a token (the issuer is created on first use); refuses a name the account has.
    fn issue_token(&self, r: &Reference, req: &IssueRequest) -> Result<IssuedToken> {
        issued::issue(self, r, req, false)
    }

    /// `issue_token` to the account exactly as `read`, as `add_key_pinned` (checked under the
    /// lock of the token write, `issued::issue_pinned`).
    fn issue_token_pinned(&self, read: &Account, req: &IssueRequest) -> Result<IssuedToken> {
        issued::issue_pinned(self, read, req, false)
    }

    fn revoke_token(&self, r: &Reference, name: &Name) -> Result<()> {
        issued::revoke(self, r, name)
    }

    /// A new token under the same name (same audiences and lifetime); the old one is revoked.
    fn regenerate_token(&self, r: &Reference, name: &Name) -> Result<IssuedToken> {
        issued::regenerate(self, r, name)
    }

    /// `regenerate_token` for the account exactly as `read`, as `issue_token_pinned`.
    fn regenerate_token_pinned(&self, read: &Account, name: &Name) -> Result<IssuedToken> {
        issued::regenerate_pinned(self, read, name)
    }

    /// Renames an issued token's record. Returns the record; the remote store, only its
    /// reference when the caller may not list the account's tokens.
    fn rename_token(&self, r: &Reference, from: &Name, to: &Name) -> Result<TokenAnswer> {
        issued::rename(self, r, from, to).map(Shown::Record)
    }
}

/// The refusal when an account of `accounts` other than `r` has registered `key`, or any key
/// with the same RSA modulus (whoever has the private key of one can sign for a key of the
/// same modulus with another exponent, and the kid covers the exponent): one key pair belongs
/// to one account. Reads every account: the file store has no index.
pub(crate) fn key_holder(
    accounts: &[Account],
    key: &KeyRecord,
    r: &Reference,
) -> Option<UserError> {
    let modulus = key.public(r).map(|p| p.n().to_vec()).ok();
    let same = |a: &Account, k: &KeyRecord| {
        k.kid == key.kid
            || modulus
                .as_deref()
                .is_some_and(|n| k.public(&a.reference()).is_ok_and(|p| p.n() == n))
    };
    accounts
        .iter()
        .find(|a| a.reference() != *r && a.keys.iter().any(|k| same(a, k)))
        .map(|holder| UserError::KeyTaken {
            kid: key.kid.clone(),
            holder: holder.reference().to_string(),
        })
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

/// `Store::rename_with_grants`, of the account exactly as `read` when it is given.
fn renamed_with_grants<S: Store + ?Sized>(
    store: &S,
    from: &Reference,
    to: &Name,
    read: Option<&Account>,
) -> Result<crate::api::Renamed> {
    // Renaming revokes the issued tokens (they name the old reference).
    let revoked_tokens = match store.issuer_backend() {
        Some(_) => store
            .list_tokens(from)?
            .into_iter()
            .map(|t| t.name)
            .collect(),
        None => vec![],
    };
    let account = match read {
        Some(read) => store.rename_account_pinned(read, to)?,
        None => store.rename_account(from, to)?,
    };
    let old_subject = from.to_string();
    let new_subject = account.reference().to_string();
    let mut updated_policies = vec![];
    for p in store.list_policies(&Scope::All)?.items {
        if p.subjects.contains(&old_subject) {
            updated_policies.push(Shown::Record(store.modify_policy(
                &p.scope(),
                &p.name,
                &mut |p| {
                    for s in p.subjects.iter_mut().filter(|s| **s == old_subject) {
                        s.clone_from(&new_subject);
                    }
                    Ok(())
                },
            )?));
        }
    }
    Ok(crate::api::Renamed {
        account: Shown::Record(account),
        updated_policies,
        revoked_token_count: revoked_tokens.len(),
        revoked_tokens,
    })
}

/// The account of a rename's answer, as the engine stored it.
pub(crate) fn renamed_account(renamed: crate::api::Renamed) -> Result<Account> {
    match renamed.account {
        Shown::Record(a) => Ok(a),
        Shown::Reference(_) => Err(anyhow::anyhow!(
            "a store answered a rename with a reference"
        )),
    }
}

/// Runs a read-modify-write again while it loses to concurrent writers (bounded).
fn retry_on_conflict<T>(mut attempt: impl FnMut() -> Result<T>) -> Result<T> {
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

/// What deleting `ns` would remove (see `Store::namespace_contents`), and the unreadable
/// records that belong to it.
/// Deletes the accounts and policies of `gone` (those already gone are fine).
fn delete_contents<S: Store + ?Sized>(store: &S, gone: &NamespaceDeleted) -> Result<()> {
    for a in &gone.accounts {
        match store.delete_account(&a.reference()) {
            Ok(()) => {}
            Err(e) if is_unknown(&e) => {}
            Err(e) => return Err(e),
        }
    }
    for p in &gone.policies {
        match store.delete_policy(&p.scope(), p.name()) {
            Ok(()) => {}
            Err(e) if is_unknown(&e) => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

fn contents<S: Store + ?Sized>(
    store: &S,
    ns: &Namespace,
) -> Result<(NamespaceDeleted, Vec<UserError>)> {
    Ok(contents_of(
        ns,
        store.list_accounts(&Scope::All)?,
        store.list_policies(&Scope::All)?,
        store.list_namespaces()?,
        &|e| store.namespace_of_unreadable(e),
    ))
}

/// What deleting `ns` removes, from listings of every account, policy and namespace record:
/// the namespace and its children (with a record, or with accounts or policies), their
/// accounts and their policies; and the unreadable records that belong to it
/// (`of_unreadable` says which namespace one belongs to).
pub(crate) fn contents_of(
    ns: &Namespace,
    accounts: Listing<Account>,
    policies: Listing<Policy>,
    namespaces: Listing<NamespaceRecord>,
    of_unreadable: &dyn Fn(&UserError) -> Option<Namespace>,
) -> (NamespaceDeleted, Vec<UserError>) {
    let mut unreadable = vec![];
    let mut within = |errors: Vec<UserError>| {
        unreadable.extend(
            errors
                .into_iter()
                .filter(|e| of_unreadable(e).is_some_and(|n| n.is_within(ns))),
        );
    };
    within(accounts.errors);
    let accounts: Vec<Account> = accounts
        .items
        .into_iter()
        .filter(|a| a.namespace.is_within(ns))
        .collect();
    within(policies.errors);
    let policies: Vec<Policy> = policies
        .items
        .into_iter()
        .filter(|p| p.namespace.as_ref().is_some_and(|n| n.is_within(ns)))
        .collect();
    within(namespaces.errors);
    let mut namespaces: Vec<Namespace> = namespaces
        .items
        .into_iter()
        .map(|r| r.name)
        .filter(|n| n.is_within(ns))
        .collect();
    namespaces.push(ns.clone());
    namespaces.extend(accounts.iter().map(|a| a.namespace.clone()));
    namespaces.extend(policies.iter().filter_map(|p| p.namespace.clone()));
    namespaces.sort();
    namespaces.dedup();
    (
        NamespaceDeleted {
            namespaces,
            accounts: accounts.into_iter().map(Shown::Record).collect(),
            policies: policies.into_iter().map(Shown::Record).collect(),
        },
        unreadable,
    )
}

/// `Store::namespace_creatable`, with `exists` saying whether a namespace exists.
pub(crate) fn check_creatable(
    ns: &Namespace,
    mut exists: impl FnMut(&Namespace) -> Result<bool>,
) -> Result<()> {
    if ns.is_default() {
        return Err(UserError::Failure(
            "namespace `default` always exists; it needs no `namespace create`".into(),
        )
        .into());
    }
    if let Some(parent) = ns.parent()
        && !exists(&parent)?
    {
        return Err(UserError::Failure(format!(
            "namespace `{parent}` does not exist: a namespace needs its parent (create it first with `svcacct namespace create {parent}`)"
        ))
        .into());
    }
    if exists(ns)? {
        return Err(namespace_exists(ns).into());
    }
    Ok(())
}

pub fn unknown_namespace(ns: &Namespace) -> UserError {
    UserError::UnknownNamespace {
        namespace: ns.to_string(),
    }
}

pub fn namespace_exists(ns: &Namespace) -> UserError {
    UserError::NamespaceExists {
        namespace: ns.to_string(),
    }
}

fn is_unknown_namespace(e: &anyhow::Error) -> bool {
    matches!(
        e.downcast_ref::<UserError>(),
        Some(UserError::UnknownNamespace { .. })
    )
}

/// A record that is not there (any kind; also a remote 404).
fn is_unknown(e: &anyhow::Error) -> bool {
    match e.downcast_ref::<UserError>() {
        Some(
            UserError::UnknownAccount { .. }
            | UserError::UnknownPolicy { .. }
            | UserError::UnknownNamespace { .. },
        ) => true,
        Some(UserError::Remote { code, .. }) => code == crate::api::code::NOT_FOUND,
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
            subjects: vec![subject],
            actions: actions.iter().map(|a| (*a).to_owned()).collect(),
            resources: vec![resource.to_owned()],
            created: now,
            updated: now,
        })
        .collect()
}

pub fn unknown_account(r: &Reference) -> UserError {
    UserError::UnknownAccount {
        namespace: r.namespace.to_string(),
        name: r.name.to_string(),
    }
}

/// Token records are stored only for the account stored at `r` now (checked under the write
/// lock): `tokens create` reads the account before, and after a delete or rename meanwhile its
/// records would wait for the next account of that name, or this one renamed back (same uid).
pub(crate) fn check_token_owner(
    r: &Reference,
    stored: Option<&Account>,
    file: &crate::issued::TokenFile,
) -> Result<(), UserError> {
    match stored {
        None => Err(unknown_account(r)),
        Some(a) if a.uid != file.account_uid => Err(UserError::Replaced {
            what: format!("service account `{r}`"),
        }),
        Some(_) => Ok(()),
    }
}

/// The refusal when the account stored under `read`'s name now is not `read` (its uid and
/// revision), for writes pinned to the record that was authorized.
pub fn pinned_refusal(read: &Account, stored: Option<&Account>) -> Option<UserError> {
    let r = read.reference();
    match stored {
        None => Some(unknown_account(&r)),
        Some(s) => stale(
            format!("service account `{r}`"),
            (read.revision, &read.uid),
            (s.revision, &s.uid),
        ),
    }
}

pub fn unknown_policy(scope: &PolicyScope, name: &Name) -> UserError {
    UserError::UnknownPolicy {
        scope: scope.to_string(),
        name: name.to_string(),
    }
}

// The errors both stores give for the same situations.

pub fn account_exists(r: &Reference) -> UserError {
    UserError::AccountExists {
        namespace: r.namespace.to_string(),
        name: r.name.to_string(),
    }
}

pub fn policy_exists(scope: &PolicyScope, name: &Name) -> UserError {
    UserError::PolicyExists {
        scope: scope.to_string(),
        name: name.to_string(),
    }
}

/// The refusal when the stored record is not the one that was read.
pub fn stale(what: String, read: (u64, &str), stored: (u64, &str)) -> Option<UserError> {
    if read.1 != stored.1 {
        Some(UserError::Replaced { what })
    } else if read.0 != stored.0 {
        Some(UserError::Conflict {
            what,
            expected: read.0,
            found: stored.0,
        })
    } else {
        None
    }
}
