//! Service accounts: the changes that take other records with them.

use anyhow::Result;

use crate::api::{Renamed, Shown};
use crate::error::UserError;
use crate::identity::{Name, Reference};
use crate::model::{Account, KeyRecord, Policy};
use crate::store::engine::{Engine, Page, atomically};
use crate::store::{
    Scope, account_exists, add_key_to, key_holder, pinned_refusal, stale, unknown_account,
    unknown_namespace,
};

/// The account stored under `r`, or `UserError::UnknownAccount`.
pub fn get(engine: &(impl Engine + ?Sized), r: &Reference) -> Result<Account> {
    Ok(engine
        .read_account(r)
        .map_err(UserError::from)?
        .ok_or_else(|| unknown_account(r))?)
}

/// Deletes the account stored under `r` with its issued tokens (and the retired issuer keys
/// only they needed). A record that cannot be read is deleted too: that is the way out the
/// error about it offers.
pub fn delete(engine: &(impl Engine + ?Sized), r: &Reference) -> Result<()> {
    atomically(engine, |tx| {
        if !tx.delete_account(r)? {
            return Err(unknown_account(r).into());
        }
        tx.delete_tokens(r)?;
        super::issuer::prune_with_change(tx);
        Ok(())
    })
}

/// Renames the account stored under `from` (when `read` is given, only while it is that
/// record: same uid and revision) to `to`, and moves its grants: every policy subject that
/// named `from` exactly now names the new reference. One transaction: no one ever sees the
/// account under its new name while the policies still name the old one — a key or token
/// given to the new name in between would otherwise get grants its giver was never checked
/// for — nor does a crash leave some grants behind for a new account of the old name to
/// inherit. Renaming revokes the issued tokens (they name the old reference).
pub fn rename(
    engine: &(impl Engine + ?Sized),
    from: &Reference,
    to: &Name,
    read: Option<&Account>,
) -> Result<Renamed> {
    let target = Reference::new(from.namespace.clone(), to.clone());
    atomically(engine, |tx| {
        let stored = tx.account(from)?;
        if let Some(read) = read
            && let Some(e) = pinned_refusal(read, stored.as_ref())
        {
            return Err(e.into());
        }
        let mut account = stored.ok_or_else(|| unknown_account(from))?;
        if tx.account(&target)?.is_some() {
            return Err(account_exists(&target).into());
        }
        let policies = tx.policies(&Scope::All, &Page::ALL)?;
        if let Some(e) = policies.errors.into_iter().next() {
            // It might name the account: moving the others would leave its grant behind.
            return Err(e.into());
        }
        let revoked_tokens: Vec<Name> = tx
            .tokens(from)?
            .filter(|f| f.account_uid == account.uid)
            .map(|f| f.tokens.into_iter().map(|t| t.name).collect())
            .unwrap_or_default();
        let now = jiff::Timestamp::now();
        account.name = to.clone();
        account.revision += 1;
        account.updated = now;
        account.renamed = Some(now);
        let (old, new) = (from.to_string(), target.to_string());
        let moved: Vec<Policy> = policies
            .items
            .into_iter()
            .filter(|p| p.subjects.contains(&old))
            .map(|mut p| {
                for s in p.subjects.iter_mut().filter(|s| **s == old) {
                    s.clone_from(&new);
                }
                p.revision += 1;
                p.updated = now;
                p
            })
            .collect();
        // In this order, for readers that take no lock (a server deciding whether a caller
        // may act as an account reads the account, then the policies): the grants move
        // first, the account under its new name comes last, so whoever sees the new name
        // sees every grant that followed it. Before that, the new name does not exist, and a
        // decision made on the old one is refused by its write, which is pinned to a record
        // the rename has removed.
        for p in &moved {
            tx.put_policy(p)?;
        }
        tx.delete_tokens(from)?;
        tx.delete_account(from)?;
        tx.put_account(&account)?;
        super::issuer::prune_with_change(tx);
        Ok(Renamed {
            revoked_token_count: revoked_tokens.len(),
            account: Shown::Record(account),
            updated_policies: moved.into_iter().map(Shown::Record).collect(),
            revoked_tokens,
        })
    })
}

/// Stores a new account (revision 1); refuses a name that is taken. With `checked` (what
/// `svcacct create` and the server do), also a namespace that does not exist and a key that
/// another account holds (`key_holder`), checked in the transaction with the write: a
/// namespace delete cannot remove the namespace in between, nor two accounts racing to
/// register one key both win.
pub fn create(
    engine: &(impl Engine + ?Sized),
    account: &Account,
    checked: bool,
) -> Result<Account> {
    let r = account.reference();
    atomically(engine, |tx| {
        if checked && !super::namespaces::exists(&r.namespace, |n| tx.namespace(n))? {
            return Err(unknown_namespace(&r.namespace).into());
        }
        if tx.account(&r)?.is_some() {
            return Err(account_exists(&r).into());
        }
        // Only a key can be held by another account: an account without one (issue 18) reads
        // no listing, which on a large registry is most of a create's cost.
        if checked {
            for k in &account.keys {
                if let Some(e) = key_holder(tx, k, &r)? {
                    return Err(e.into());
                }
            }
        }
        let mut account = account.clone();
        account.revision = 1;
        tx.put_account(&account)?;
        Ok(account)
    })
}

/// Stores `account` over the record of its name, when that is the record it was read from
/// (same uid and revision: `UserError::Replaced` or `UserError::Conflict` otherwise), with the
/// next revision.
pub fn update(engine: &(impl Engine + ?Sized), account: &Account) -> Result<Account> {
    let r = account.reference();
    atomically(engine, |tx| {
        let stored = tx.account(&r)?.ok_or_else(|| unknown_account(&r))?;
        if let Some(e) = stale(
            format!("service account `{r}`"),
            (account.revision, &account.uid),
            (stored.revision, &stored.uid),
        ) {
            return Err(e.into());
        }
        let mut account = account.clone();
        account.revision = stored.revision + 1;
        tx.put_account(&account)?;
        Ok(account)
    })
}

/// Adds a key to the account stored under `r` (when `read` is given, only while it is that
/// record: same uid and revision); refused when the account has its kid, or another account
/// holds the key (`key_holder`), all checked in the transaction with the write.
pub fn add_key(
    engine: &(impl Engine + ?Sized),
    r: &Reference,
    key: &KeyRecord,
    read: Option<&Account>,
) -> Result<Account> {
    atomically(engine, |tx| {
        let stored = tx.account(r)?;
        if let Some(read) = read
            && let Some(e) = pinned_refusal(read, stored.as_ref())
        {
            return Err(e.into());
        }
        let mut account = stored.ok_or_else(|| unknown_account(r))?;
        add_key_to(&mut account, key.clone())?;
        if let Some(e) = key_holder(tx, key, r)? {
            return Err(e.into());
        }
        account.revision += 1;
        account.updated = jiff::Timestamp::now();
        tx.put_account(&account)?;
        Ok(account)
    })
}

/// Read, change, write, in one transaction: the account's next revision, `updated` now.
pub fn modify(
    engine: &(impl Engine + ?Sized),
    r: &Reference,
    change: &mut dyn FnMut(&mut Account) -> Result<()>,
) -> Result<Account> {
    atomically(engine, |tx| {
        let mut account = tx.account(r)?.ok_or_else(|| unknown_account(r))?;
        change(&mut account)?;
        account.revision += 1;
        account.updated = jiff::Timestamp::now();
        tx.put_account(&account)?;
        Ok(account)
    })
}

/// Removes the key `kid`; refuses to remove the last key unless `allow_last`.
pub fn remove_key(
    engine: &(impl Engine + ?Sized),
    r: &Reference,
    kid: &str,
    allow_last: bool,
) -> Result<Account> {
    modify(engine, r, &mut |a| {
        let Some(i) = a.keys.iter().position(|k| k.kid == kid) else {
            return Err(crate::error::UserError::UnknownKid {
                account: r.to_string(),
                kid: crate::output::sanitize(kid),
            }
            .into());
        };
        if a.keys.len() == 1 && !allow_last {
            return Err(crate::error::UserError::Failure(format!(
                "`{kid}` is the last key of `{r}`: without it the account's own (self-signed) tokens no longer verify, the tokens issued to it still do; remove it anyway with --force"
            ))
            .into());
        }
        a.keys.remove(i);
        Ok(())
    })
}
