//! The registry: a small synchronous trait with a file implementation (the embedded default),
//! a remote one over the HTTP API of `svcacct serve`, and an in-memory one for tests.
//! STYLE.md #9.

use anyhow::Result;

use crate::error::UserError;
use crate::identity::{Name, Namespace, Reference};
use crate::model::{Account, KeyRecord, Policy, PolicyScope};

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
/// Lookups of a missing record fail with `UserError::UnknownAccount`/`UnknownPolicy`.
pub trait Store {
    fn get_account(&self, r: &Reference) -> Result<Account>;
    /// Sorted by namespace, then name.
    fn list_accounts(&self, scope: &Scope) -> Result<Listing<Account>>;
    fn create_account(&self, account: Account) -> Result<Account>;
    fn update_account(&self, account: Account) -> Result<Account>;
    fn delete_account(&self, r: &Reference) -> Result<()>;
    /// Renames within the namespace under the write lock; refuses when `to` exists. The file
    /// store writes the new record before it removes the old one, so a crash in between leaves
    /// the account under both names (same uid), never under neither.
    fn rename_account(&self, from: &Reference, to: &Name) -> Result<Account>;

    /// Renames the account and moves its grants: every policy subject that named `from`
    /// exactly now names the new reference. Returns the renamed account and the changed
    /// policies. (A server does both on its side, for callers that may not edit policies.)
    fn rename_with_grants(&self, from: &Reference, to: &Name) -> Result<crate::api::Renamed> {
        let account = self.rename_account(from, to)?;
        let old_subject = from.to_string();
        let new_subject = account.reference().to_string();
        let mut updated_policies = vec![];
        for p in self.list_policies(&Scope::All)?.items {
            if p.subjects.contains(&old_subject) {
                updated_policies.push(self.modify_policy(&p.scope(), &p.name, &mut |p| {
                    for s in p.subjects.iter_mut().filter(|s| **s == old_subject) {
                        s.clone_from(&new_subject);
                    }
                    Ok(())
                })?);
            }
        }
        Ok(crate::api::Renamed {
            account,
            updated_policies,
        })
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
    /// server's file store with a read cache: `stat` calls only); `None` otherwise.
    fn cached_policies(&self) -> Option<std::sync::Arc<Vec<Policy>>> {
        None
    }
    /// `get_account` when answered from memory without reading a file, as `cached_policies`.
    fn cached_account(&self, _r: &Reference) -> Option<Account> {
        None
    }
    fn create_policy(&self, policy: Policy) -> Result<Policy>;
    fn update_policy(&self, policy: Policy) -> Result<Policy>;
    fn delete_policy(&self, scope: &PolicyScope, name: &Name) -> Result<()>;

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
    /// its own request, so a server can authorize `create key` apart from `update`.)
    fn add_key(&self, r: &Reference, key: KeyRecord) -> Result<Account> {
        self.modify_account(r, &mut |a| {
            if a.keys.iter().any(|k| k.kid == key.kid) {
                return Err(UserError::KeyExists {
                    account: r.to_string(),
                    kid: key.kid.clone(),
                }
                .into());
            }
            a.keys.push(key.clone());
            Ok(())
        })
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

    /// Disables or enables an account.
    fn set_disabled(&self, r: &Reference, disabled: bool) -> Result<Account> {
        self.modify_account(r, &mut |a| {
            a.disabled = disabled;
            Ok(())
        })
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

pub fn unknown_account(r: &Reference) -> UserError {
    UserError::UnknownAccount {
        namespace: r.namespace.to_string(),
        name: r.name.to_string(),
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
