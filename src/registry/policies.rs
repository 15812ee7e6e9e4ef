//! Policies.

use anyhow::Result;

use crate::identity::Name;
use crate::model::{Policy, PolicyScope};
use crate::store::engine::{Engine, atomically};
use crate::store::{policy_exists, stale, unknown_namespace, unknown_policy};

/// Stores a new policy (revision 1); refuses a name that is taken. With `checked` (what
/// `svcacct policy create` and the server do), also a namespace that does not exist, checked
/// in the transaction with the write: a policy is never stored for a namespace that
/// `namespace delete` cannot reach.
pub fn create(engine: &(impl Engine + ?Sized), policy: &Policy, checked: bool) -> Result<Policy> {
    let scope = policy.scope();
    atomically(engine, |tx| {
        if let (true, PolicyScope::Namespace(ns)) = (checked, &scope)
            && !super::namespaces::exists(ns, |n| tx.namespace(n))?
        {
            return Err(unknown_namespace(ns).into());
        }
        if tx.policy(&scope, &policy.name)?.is_some() {
            return Err(policy_exists(&scope, &policy.name).into());
        }
        let mut policy = policy.clone();
        policy.revision = 1;
        tx.put_policy(&policy)?;
        Ok(policy)
    })
}

/// As `accounts::update`, for policies.
pub fn update(engine: &(impl Engine + ?Sized), policy: &Policy) -> Result<Policy> {
    let (scope, name) = (policy.scope(), &policy.name);
    atomically(engine, |tx| {
        let stored = tx
            .policy(&scope, name)?
            .ok_or_else(|| unknown_policy(&scope, name))?;
        if let Some(e) = stale(
            format!("policy `{name}`"),
            (policy.revision, &policy.uid),
            (stored.revision, &stored.uid),
        ) {
            return Err(e.into());
        }
        let mut policy = policy.clone();
        policy.revision = stored.revision + 1;
        tx.put_policy(&policy)?;
        Ok(policy)
    })
}

/// Deletes a policy (also one whose file cannot be read).
pub fn delete(engine: &(impl Engine + ?Sized), scope: &PolicyScope, name: &Name) -> Result<()> {
    atomically(engine, |tx| {
        if tx.delete_policy(scope, name)? {
            Ok(())
        } else {
            Err(unknown_policy(scope, name).into())
        }
    })
}

/// As `accounts::modify`, for policies.
pub fn modify(
    engine: &(impl Engine + ?Sized),
    scope: &PolicyScope,
    name: &Name,
    change: &mut dyn FnMut(&mut Policy) -> Result<()>,
) -> Result<Policy> {
    atomically(engine, |tx| {
        let mut policy = tx
            .policy(scope, name)?
            .ok_or_else(|| unknown_policy(scope, name))?;
        change(&mut policy)?;
        policy.revision += 1;
        policy.updated = jiff::Timestamp::now();
        tx.put_policy(&policy)?;
        Ok(policy)
    })
}
