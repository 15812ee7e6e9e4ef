//! What an engine fails with (`StoreError`), and the refusals every engine and workflow gives
//! for the same situations.

use crate::error::{RecordLocation, UserError};
use crate::identity::{Name, Namespace, Reference};
use crate::model::{Account, PolicyScope, TokenFile};

/// What `Engine` and `Tx` fail with. A missing record is not an error (`Ok(None)`, `Ok(false)`);
/// the workflows turn these into the `UserError` users see (`From`), with the same text.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// A write that names the revision it was read at found another one stored. The workflows
    /// return it when the record a client read is not the stored one (`stale`); an engine that
    /// checks revisions in its own writes (a conditional `UPDATE`) returns it too.
    #[error(
        "{what} was changed by someone else since it was read (expected revision {expected}, found {found}); nothing was written, run the command again"
    )]
    Conflict {
        what: String,
        expected: u64,
        found: u64,
    },
    /// As `Conflict`, when the stored record has another uid: it was deleted and created again.
    #[error(
        "{what} was deleted and created again since it was read; nothing was written, run the command again"
    )]
    Replaced { what: String },
    /// A write held to a decision made at an earlier generation (`crate::registry::decided`)
    /// found the registry changed, and the decision made again no longer holds.
    #[error(
        "the registry was changed by someone else while this request was being authorized, and the policies as they are now no longer allow it; nothing was written, run the command again"
    )]
    RegistryChanged,
    /// A record that is there but cannot be read (not the record's format, or not the record
    /// its key or path says). A read of that record returns it; a listing returns it in
    /// `Listing::errors` and goes on; a delete of it succeeds (the way out the message offers).
    #[error(
        "store record {location} is unreadable: {why} (fix or remove the {}; nothing else was changed)",
        location.kind()
    )]
    Corrupt {
        location: RecordLocation,
        why: String,
    },
    /// The store is in a state this engine will not work in until someone fixes it (the file
    /// engine: a symbolic link it did not make, a file where its folder belongs, a journal
    /// naming a path outside the store); `why` says what to do. Nothing was written.
    #[error("{why}")]
    Unusable { why: String },
    /// The store could not be used now: an I/O failure, a lock that could not be taken, a
    /// database that is down or timed out, an issuer key the issuer record names but the
    /// store does not have. `why` is the whole chain of causes. When a transaction returns it,
    /// none of its writes were made.
    #[error("{why}")]
    Unavailable { why: String },
    /// As `Unavailable`, when the storage could not be reached at all (a database server down
    /// or unreachable): nothing was read or written, and the same request may succeed once it
    /// is back (a server answers 503).
    #[error("{why}")]
    Unreachable { why: String },
    /// The engine was not given what this operation needs (the PostgreSQL engine without the
    /// key-encryption key of its issuer keys): `why` says what to give it. Nothing was written.
    #[error("{why}")]
    Misconfigured { why: String },
    /// The work of `Engine::atomically` failed: an engine rolls back and returns the error
    /// `work` returned, which is this one when `work` was `crate::store::engine::atomically`'s
    /// (the workflow's own error is kept there). An engine never returns it on its own.
    #[error("the store transaction was aborted")]
    Aborted,
}

impl StoreError {
    /// `Unavailable`, with `context` and then the error it failed with (as `anyhow`'s `{:#}`).
    pub fn unavailable(context: impl std::fmt::Display, e: impl std::fmt::Display) -> StoreError {
        StoreError::Unavailable {
            why: format!("{context}: {e:#}"),
        }
    }
}

/// `anyhow::Context` for an engine's own failures: the error, after what was being done, as
/// `StoreError::Unavailable`.
pub trait OrUnavailable<T> {
    fn or_unavailable<C: std::fmt::Display>(
        self,
        context: impl FnOnce() -> C,
    ) -> Result<T, StoreError>;
}

impl<T, E: std::fmt::Display> OrUnavailable<T> for Result<T, E> {
    fn or_unavailable<C: std::fmt::Display>(
        self,
        context: impl FnOnce() -> C,
    ) -> Result<T, StoreError> {
        self.map_err(|e| StoreError::unavailable(context(), e))
    }
}

impl From<StoreError> for UserError {
    fn from(e: StoreError) -> UserError {
        match e {
            StoreError::Conflict {
                what,
                expected,
                found,
            } => UserError::Conflict {
                what,
                expected,
                found,
            },
            StoreError::Replaced { what } => UserError::Replaced { what },
            StoreError::RegistryChanged => UserError::RegistryChanged,
            StoreError::Corrupt { location, why } => UserError::CorruptRecord { location, why },
            StoreError::Unusable { why } => UserError::Failure(why),
            StoreError::Unavailable { why } => UserError::Unavailable(why),
            StoreError::Unreachable { why } => UserError::Unreachable(why),
            StoreError::Misconfigured { why } => UserError::Usage(why),
            e @ StoreError::Aborted => UserError::Unavailable(e.to_string()),
        }
    }
}

impl From<UserError> for StoreError {
    /// A refusal of the store itself (`UserError::Failure`: `fsutil::foreign_link`, …).
    fn from(e: UserError) -> StoreError {
        StoreError::Unusable { why: e.to_string() }
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Exit;
    use std::path::PathBuf;

    /// Each store error becomes the `UserError` of the same text and exit code (a corrupt
    /// record shown as the file engine showed it before errors were typed).
    #[test]
    fn store_errors_become_user_errors_of_the_same_text() {
        let file = || RecordLocation::File(PathBuf::from("/s/accounts/default/ci.toml"));
        let cases = [
            StoreError::Corrupt {
                location: file(),
                why: "line 1, column 1: bad".into(),
            },
            StoreError::Corrupt {
                location: RecordLocation::Row("accounts `default/ci`".into()),
                why: "bad".into(),
            },
            StoreError::Conflict {
                what: "policy `p`".into(),
                expected: 1,
                found: 2,
            },
            StoreError::Replaced {
                what: "policy `p`".into(),
            },
            StoreError::Unusable {
                why: "the store lock /s/.lock is a symbolic link".into(),
            },
            StoreError::unavailable("cannot lock the store /s/.lock", "Permission denied"),
            StoreError::RegistryChanged,
        ];
        let texts: Vec<String> = cases.iter().map(|e| e.to_string()).collect();
        assert_eq!(
            texts[0],
            "store record /s/accounts/default/ci.toml is unreadable: line 1, column 1: bad (fix \
             or remove the file; nothing else was changed)"
        );
        assert_eq!(
            texts[1],
            "store record accounts `default/ci` is unreadable: bad (fix or remove the row; \
             nothing else was changed)"
        );
        assert_eq!(
            texts[5],
            "cannot lock the store /s/.lock: Permission denied"
        );
        let users: Vec<UserError> = cases.into_iter().map(UserError::from).collect();
        for (user, text) in users.iter().zip(&texts) {
            assert_eq!(&user.to_string(), text);
            assert_eq!(user.exit(), Exit::Failure);
        }
        assert!(matches!(users[1], UserError::CorruptRecord { .. }));
        assert!(matches!(users[2], UserError::Conflict { .. }));
        assert!(matches!(users[4], UserError::Failure(_)));
        assert!(matches!(users[5], UserError::Unavailable(_)));
        assert!(matches!(users[3], UserError::Replaced { .. }));
        assert!(matches!(users[6], UserError::RegistryChanged));
    }
}
