//! What a storage engine implements: the records of the registry, read and written inside a
//! transaction. The registry's workflows (`crate::registry`) are written once over this trait;
//! an engine knows nothing of accounts being renamed or namespaces cascading, only of records.
//!
//! A transaction sees the records as they were when it began plus its own writes, and no one
//! sees any of its writes until all of them are made: `atomically` either makes every write
//! of `work` or, when `work` fails (or the process dies half-way), none of them. Transactions
//! of one registry run one after the other (the file engine holds the store's lock, the memory
//! engine its mutex), so a check made inside one holds for its writes.
//!
//! Writes are raw: `put_*` stores the record as given (its revision and uid included) and the
//! workflow checks revisions, uids and existence before it writes. See docs/ARCHITECTURE.md,
//! "The store".

use anyhow::Result;
use zeroize::Zeroizing;

use super::{Listing, Scope};
use crate::identity::{Name, Namespace, Reference};
use crate::issued::{IssuerRecord, TokenFile};
use crate::model::{Account, NamespaceRecord, Policy, PolicyScope};

/// The records of one transaction. Reads of a missing record give `None` (`false` for a
/// delete); an unreadable one is an error (`UserError::CorruptRecord`) for a single record and
/// an entry of `Listing::errors` for a listing. Listings are sorted as `Store`'s are.
pub trait Tx {
    fn account(&mut self, r: &Reference) -> Result<Option<Account>>;
    fn accounts(&mut self, scope: &Scope) -> Result<Listing<Account>>;
    fn put_account(&mut self, account: &Account) -> Result<()>;
    fn delete_account(&mut self, r: &Reference) -> Result<bool>;

    fn policy(&mut self, scope: &PolicyScope, name: &Name) -> Result<Option<Policy>>;
    fn policies(&mut self, scope: &Scope) -> Result<Listing<Policy>>;
    fn put_policy(&mut self, policy: &Policy) -> Result<()>;
    fn delete_policy(&mut self, scope: &PolicyScope, name: &Name) -> Result<bool>;

    fn namespace(&mut self, ns: &Namespace) -> Result<Option<NamespaceRecord>>;
    fn namespaces(&mut self) -> Result<Listing<NamespaceRecord>>;
    fn put_namespace(&mut self, record: &NamespaceRecord) -> Result<()>;
    fn delete_namespace(&mut self, ns: &Namespace) -> Result<bool>;

    /// The issued-token records kept under `r` (whichever account they were issued to: see
    /// `TokenFile::account_uid`).
    fn tokens(&mut self, r: &Reference) -> Result<Option<TokenFile>>;
    /// Every token file; one that cannot be read fails the whole call (it could hold the only
    /// token that needs an issuer key).
    fn all_tokens(&mut self) -> Result<Vec<TokenFile>>;
    fn put_tokens(&mut self, r: &Reference, file: &TokenFile) -> Result<()>;
    fn delete_tokens(&mut self, r: &Reference) -> Result<bool>;

    fn issuer(&mut self) -> Result<Option<IssuerRecord>>;
    fn put_issuer(&mut self, record: &IssuerRecord) -> Result<()>;
    /// The private half of issuer key `kid` (PKCS#8 PEM, or an HMAC secret).
    fn issuer_key(&mut self, kid: &str) -> Result<Zeroizing<Vec<u8>>>;
    fn put_issuer_key(&mut self, kid: &str, private: &[u8]) -> Result<()>;
    fn delete_issuer_key(&mut self, kid: &str) -> Result<bool>;
}

/// A storage engine: every change of the registry is one call of `atomically`.
pub trait Engine {
    /// Runs `work` in one transaction: all of its writes are made, or (when it fails) none.
    fn atomically(&self, work: &mut dyn FnMut(&mut dyn Tx) -> Result<()>) -> Result<()>;
}

/// `Engine::atomically` with a value: what `work` returned, once every write is made.
pub fn atomically<T>(
    engine: &(impl Engine + ?Sized),
    mut work: impl FnMut(&mut dyn Tx) -> Result<T>,
) -> Result<T> {
    let mut out = None;
    engine.atomically(&mut |tx| {
        out = Some(work(tx)?);
        Ok(())
    })?;
    out.ok_or_else(|| anyhow::anyhow!("a store transaction returned nothing"))
}
