//! Typed errors that a user can act on, and the exit codes they map to.

use std::path::PathBuf;

/// Process exit codes (README "Exit codes", man page EXIT STATUS).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Exit {
    /// The command did what was asked.
    Success,
    /// A negative answer: the token is not valid, `can-i` says no.
    No,
    /// The command line is wrong: unknown flag, bad value, invalid name.
    Usage,
    /// The command could not be carried out: missing account, unreadable key or store, conflict.
    Failure,
    /// `svcacct exec`: the status of the command it ran (128 + N when signal N ended it).
    Command(u8),
}

impl Exit {
    pub fn code(self) -> u8 {
        match self {
            Exit::Success => 0,
            Exit::No => 1,
            Exit::Usage => 2,
            Exit::Failure => 3,
            Exit::Command(status) => status,
        }
    }
}

/// Mistakes a user can correct; each message says what to do next.
#[derive(Debug, thiserror::Error)]
pub enum UserError {
    #[error(
        "invalid name `{name}`: {why} (names are DNS-1123 labels: a-z, 0-9 and `-`, at most 63 characters)"
    )]
    InvalidName { name: String, why: &'static str },
    #[error(
        "invalid namespace `{namespace}`: {why} (a namespace is DNS-1123 labels joined by `/`, e.g. `eng/platform`)"
    )]
    InvalidNamespace {
        namespace: String,
        why: &'static str,
    },
    #[error("unknown service account `{name}` in namespace `{namespace}` (see `svcacct get`)")]
    UnknownAccount { namespace: String, name: String },
    #[error(
        "service account `{name}` already exists in namespace `{namespace}` (see `svcacct describe {name}`)"
    )]
    AccountExists { namespace: String, name: String },
    #[error(
        "namespace `{namespace}` does not exist (create it with `svcacct namespace create {namespace}`)"
    )]
    UnknownNamespace { namespace: String },
    #[error("namespace `{namespace}` already exists (see `svcacct namespace get`)")]
    NamespaceExists { namespace: String },
    #[error("unknown policy `{name}` in {scope} (see `svcacct policy get`)")]
    UnknownPolicy { scope: String, name: String },
    #[error("policy `{name}` already exists in {scope}")]
    PolicyExists { scope: String, name: String },
    #[error(
        "service account `{account}` has no key with kid `{kid}` (see `svcacct key list {account}`)"
    )]
    UnknownKid { account: String, kid: String },
    #[error("service account `{account}` already has key `{kid}`")]
    KeyExists { account: String, kid: String },
    #[error(
        "public key `{kid}` (or another with its RSA modulus) is already registered to service account `{holder}`: one key pair belongs to one account, or each could sign as the other; give this account a key pair of its own (`svcacct keygen`, or `--generate`)"
    )]
    KeyTaken { kid: String, holder: String },
    /// `KeyTaken` as the server tells it to a caller that may not `get` the holder.
    #[error(
        "public key `{kid}` is already registered to a service account outside your reach: one public key belongs to one account, or each could sign as the other; give this account a key pair of its own (`svcacct keygen`, or `--generate`)"
    )]
    KeyTakenOutOfReach { kid: String },
    #[error(
        "service account `{account}` has no issued token `{name}` (see `svcacct tokens list {account}`)"
    )]
    UnknownToken { account: String, name: String },
    #[error("service account `{account}` already has an issued token `{name}`")]
    TokenExists { account: String, name: String },
    #[error(
        "{what} was changed by someone else since it was read (expected revision {expected}, found {found}); nothing was written, run the command again"
    )]
    Conflict {
        what: String,
        expected: u64,
        found: u64,
    },
    #[error(
        "{what} was deleted and created again since it was read; nothing was written, run the command again"
    )]
    Replaced { what: String },
    /// A write that a server allowed on records read outside its transaction, refused in it:
    /// something was committed since (the registry's generation moved on), and on the policies
    /// as they are now the write is no longer allowed (`crate::registry::decided`).
    #[error(
        "the registry was changed by someone else while this request was being authorized, and the policies as they are now no longer allow it; nothing was written, run the command again"
    )]
    RegistryChanged,
    #[error(
        "store record {location} is unreadable: {why} (fix or remove the {}; nothing else was changed)",
        location.kind()
    )]
    CorruptRecord {
        location: RecordLocation,
        why: String,
    },
    /// The store could not be used (I/O, a lock, a database down): `why` is the whole chain of
    /// causes. The server answers it as an internal error, its text in the log only.
    #[error("{0}")]
    Unavailable(String),
    /// The store could not be reached at all (a database down or unreachable): the server
    /// answers 503, so that the request is sent again later; the text goes to its log only.
    #[error("{0}")]
    Unreachable(String),
    /// A refusal from `svcacct serve`, as its problem body (RFC 9457) told it; `code` is one of
    /// `crate::api::code`. The detail is the server's message, stripped of control characters.
    #[error("{detail}")]
    Remote {
        status: u16,
        code: String,
        detail: String,
    },
    #[error("{0}")]
    Usage(String),
    #[error("{0}")]
    Failure(String),
}

/// Where an unreadable record is: a file of the file store, or a row (say, `accounts` key
/// `eng/ci`) of a database.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RecordLocation {
    File(PathBuf),
    Row(String),
}

impl RecordLocation {
    /// What the advice of `UserError::CorruptRecord` tells to fix or remove.
    pub fn kind(&self) -> &'static str {
        match self {
            RecordLocation::File(_) => "file",
            RecordLocation::Row(_) => "row",
        }
    }
}

impl std::fmt::Display for RecordLocation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RecordLocation::File(p) => f.write_str(&crate::output::shown_path(p)),
            RecordLocation::Row(r) => f.write_str(r),
        }
    }
}

impl UserError {
    pub fn exit(&self) -> Exit {
        match self {
            UserError::InvalidName { .. }
            | UserError::InvalidNamespace { .. }
            | UserError::Usage(_) => Exit::Usage,
            UserError::Remote { status: 400, .. } => Exit::Usage,
            _ => Exit::Failure,
        }
    }
}

/// A token failed verification; the message names the rule. Exit code 1.
#[derive(Debug, thiserror::Error)]
#[error("token rejected: {0}")]
pub struct Rejected(pub String);

/// Picks the exit code for an error that reached `main`.
pub fn exit_for(err: &anyhow::Error) -> Exit {
    for cause in err.chain() {
        if let Some(e) = cause.downcast_ref::<UserError>() {
            return e.exit();
        }
        if cause.downcast_ref::<Rejected>().is_some() {
            return Exit::No;
        }
    }
    Exit::Failure
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_fixed() {
        assert_eq!(Exit::Success.code(), 0);
        assert_eq!(Exit::No.code(), 1);
        assert_eq!(Exit::Usage.code(), 2);
        assert_eq!(Exit::Failure.code(), 3);
    }

    #[test]
    fn errors_map_to_codes() {
        let e = anyhow::Error::new(Rejected("expired".into()));
        assert_eq!(exit_for(&e), Exit::No);
        let e = anyhow::Error::new(UserError::Usage("x".into())).context("while reading");
        assert_eq!(exit_for(&e), Exit::Usage);
        let e = anyhow::anyhow!("disk on fire");
        assert_eq!(exit_for(&e), Exit::Failure);
    }
}
