//! The refusals every engine and workflow gives for the same situations.

use crate::error::UserError;
use crate::identity::{Name, Namespace, Reference};
use crate::model::{Account, PolicyScope, TokenFile};

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

/// Token records are stored only for the account stored at `r` now (checked under the write
/// lock): `tokens create` reads the account before, and after a delete or rename meanwhile its
/// records would wait for the next account of that name, or this one renamed back (same uid).
pub(crate) fn check_token_owner(
    r: &Reference,
    stored: Option<&Account>,
    file: &TokenFile,
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
