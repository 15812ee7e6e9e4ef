//! Namespaces: deleting one takes everything in it.

use anyhow::Result;

use crate::api::{NamespaceCreated, NamespaceDeleted, Shown};
use crate::error::UserError;
use crate::identity::Namespace;
use crate::model::{Account, NamespaceRecord, Policy};
use crate::store::StoreError;
use crate::store::engine::{Engine, Page, WorkError, atomically};
use crate::store::{
    Listing, Scope, default_accounts, default_policies, namespace_exists, unknown_namespace,
};

/// True for `default` and for namespaces with a record (`read` reads it, in a transaction or
/// not): the one answer to "does this namespace exist?".
pub(crate) fn exists(
    ns: &Namespace,
    read: impl FnOnce(&Namespace) -> Result<Option<NamespaceRecord>, StoreError>,
) -> Result<bool, StoreError> {
    Ok(ns.is_default() || read(ns)?.is_some())
}

/// Creates namespace `ns` (its parent must exist) and, with `defaults`, its default accounts
/// and policies (`default_accounts`, `default_policies`), in one transaction. Over a namespace
/// that has accounts or policies but no record (a store from svcacct 1.0, or one whose create
/// was cut short by an earlier version) it adopts them: default records whose names are taken
/// are kept as they are.
pub fn create(
    engine: &(impl Engine + ?Sized),
    ns: &Namespace,
    defaults: bool,
    labels: crate::labels::Labels,
) -> Result<NamespaceCreated> {
    atomically(engine, |tx| {
        check_creatable(ns, |n| exists(n, |n| tx.namespace(n)))?;
        let scope = Scope::Namespace(ns.clone());
        let accounts = tx.accounts(&scope, &Page::ALL)?;
        let policies = tx.policies(&scope, &Page::ALL)?;
        if defaults && let Some(e) = accounts.errors.into_iter().chain(policies.errors).next() {
            // A default record over it would fail half-way: nothing is written.
            return Err(e.into());
        }
        let adopted = !accounts.items.is_empty() || !policies.items.is_empty();
        let now = jiff::Timestamp::now();
        let mut made_accounts = vec![];
        let mut made_policies = vec![];
        if defaults {
            for mut a in default_accounts(ns, now) {
                if tx.account(&a.reference())?.is_none() {
                    a.revision = 1;
                    tx.put_account(&a)?;
                    made_accounts.push(Shown::Record(a));
                }
            }
            for mut p in default_policies(ns, now) {
                if tx.policy(&p.scope(), &p.name)?.is_none() {
                    p.revision = 1;
                    tx.put_policy(&p)?;
                    made_policies.push(Shown::Record(p));
                }
            }
        }
        let namespace = NamespaceRecord {
            name: ns.clone(),
            uid: crate::model::new_uid(),
            revision: 1,
            created: now,
            labels: labels.clone(),
        };
        tx.put_namespace(&namespace)?;
        Ok(NamespaceCreated {
            namespace,
            adopted,
            accounts: made_accounts,
            policies: made_policies,
        })
    })
}

/// Deletes namespace `ns` (it must have a record; `default` never goes) with its accounts and
/// their issued tokens, its policies and its child namespaces (`Scope::Subtree`), in one
/// transaction. A record of it that cannot be read would stay behind and come back with a
/// namespace of the same name: then nothing is deleted until it is fixed or removed. Returns
/// what was deleted.
pub fn delete(engine: &(impl Engine + ?Sized), ns: &Namespace) -> Result<NamespaceDeleted> {
    if ns.is_default() {
        return Err(UserError::Failure(
            "namespace `default` cannot be deleted: it always exists".into(),
        )
        .into());
    }
    atomically(engine, |tx| {
        if tx.namespace(ns)?.is_none() {
            return Err(unknown_namespace(ns).into());
        }
        let within = Scope::Subtree(ns.clone());
        let (gone, unreadable) = contents_of(
            ns,
            tx.accounts(&within, &Page::ALL)?,
            tx.policies(&within, &Page::ALL)?,
            tx.namespaces(&within, &Page::ALL)?,
        );
        if let Some(e) = unreadable.into_iter().next() {
            return Err(e.into());
        }
        for a in &gone.accounts {
            tx.delete_account(&a.reference())?;
            tx.delete_tokens(&a.reference())?;
        }
        for p in &gone.policies {
            tx.delete_policy(&p.scope(), p.name())?;
        }
        // Children first, the namespace itself last.
        for n in gone.namespaces.iter().rev() {
            tx.delete_namespace(n)?;
        }
        super::issuer::prune_with_change(tx);
        Ok(gone)
    })
}

/// What deleting `ns` would remove (`Store::namespace_contents`), read without a lock.
pub fn contents(engine: &(impl Engine + ?Sized), ns: &Namespace) -> Result<NamespaceDeleted> {
    let within = Scope::Subtree(ns.clone());
    let read = |e: StoreError| UserError::from(e);
    Ok(contents_of(
        ns,
        engine.read_accounts(&within, &Page::ALL).map_err(read)?,
        engine.read_policies(&within, &Page::ALL).map_err(read)?,
        engine.read_namespaces(&within, &Page::ALL).map_err(read)?,
    )
    .0)
}

/// Refuses what `create` refuses before it writes anything: `default`, a namespace whose
/// parent does not exist, one that exists. The server asks it first, so that these answers
/// come before its own check of the defaults; `create` asks again.
pub fn creatable(engine: &(impl Engine + ?Sized), ns: &Namespace) -> Result<()> {
    Ok(check_creatable(ns, |n| {
        exists(n, |n| engine.read_namespace(n))
    })?)
}

/// What deleting `ns` removes, from the listings of its subtree: the namespace and its
/// children (with a record, or with accounts or policies), their accounts and their policies;
/// and the unreadable records among them.
fn contents_of(
    ns: &Namespace,
    accounts: Listing<Account, StoreError>,
    policies: Listing<Policy, StoreError>,
    records: Listing<NamespaceRecord, StoreError>,
) -> (NamespaceDeleted, Vec<StoreError>) {
    let mut namespaces: Vec<Namespace> = records.items.into_iter().map(|r| r.name).collect();
    namespaces.push(ns.clone());
    namespaces.extend(accounts.items.iter().map(|a| a.namespace.clone()));
    namespaces.extend(policies.items.iter().filter_map(|p| p.namespace.clone()));
    namespaces.sort();
    namespaces.dedup();
    let unreadable = (accounts.errors.into_iter())
        .chain(policies.errors)
        .chain(records.errors)
        .collect();
    (
        NamespaceDeleted {
            namespaces,
            accounts: accounts.items.into_iter().map(Shown::Record).collect(),
            policies: policies.items.into_iter().map(Shown::Record).collect(),
        },
        unreadable,
    )
}

/// `Store::namespace_creatable`, with `exists` saying whether a namespace exists.
fn check_creatable(
    ns: &Namespace,
    mut exists: impl FnMut(&Namespace) -> Result<bool, StoreError>,
) -> Result<(), WorkError> {
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
