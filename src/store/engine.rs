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

use crate::error::UserError;
use crate::identity::{Name, Namespace, Reference};
use crate::model::{Account, NamespaceRecord, Policy, PolicyScope};
use crate::model::{IssuerRecord, TokenFile};

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

/// A storage engine: every change of the registry is one call of `atomically`; reads outside
/// a transaction take no lock and see each record whole, as the last transaction that wrote it
/// left it. `generation` tells a long-running reader (a server) when to read again; the
/// `cached_*` methods and `policy_snapshot` let a caching wrapper (`store::cached::Cached`)
/// answer it from memory; their defaults read.
pub trait Engine {
    /// Runs `work` in one transaction: all of its writes are made, or (when it fails) none.
    fn atomically(&self, work: &mut dyn FnMut(&mut dyn Tx) -> Result<()>) -> Result<()>;

    /// The registry's generation: a number that changes whenever a transaction that wrote
    /// something commits (inside it: whoever reads the new number and then the records sees
    /// all of that transaction's writes), and not otherwise. Read without a lock; cheap enough
    /// to be read on every request.
    fn generation(&self) -> u64;

    fn read_account(&self, r: &Reference) -> Result<Option<Account>>;
    /// Sorted by namespace, then name.
    fn read_accounts(&self, scope: &Scope) -> Result<Listing<Account>>;
    fn read_policy(&self, scope: &PolicyScope, name: &Name) -> Result<Option<Policy>>;
    /// `Scope::All` lists global policies first; sorted by scope, then name.
    fn read_policies(&self, scope: &Scope) -> Result<Listing<Policy>>;
    fn read_namespace(&self, ns: &Namespace) -> Result<Option<NamespaceRecord>>;
    /// Sorted by name.
    fn read_namespaces(&self) -> Result<Listing<NamespaceRecord>>;
    fn read_issuer(&self) -> Result<Option<IssuerRecord>>;
    /// The private key (PKCS#8 PEM) or secret of issuer key `kid` (one of the record's kids).
    fn read_issuer_key(&self, kid: &str) -> Result<Zeroizing<Vec<u8>>>;
    fn read_tokens(&self, r: &Reference) -> Result<Option<TokenFile>>;
    /// Every token file; one that cannot be read fails the call.
    fn read_all_tokens(&self) -> Result<Vec<TokenFile>>;

    /// Whether the engine answers now: `Ok` when it can read and write its records, or why
    /// not (`svcacct serve`'s `/readyz`). Not answered from a cache. The default reads the
    /// namespace records (few, and a real read of the storage); an engine overrides it with
    /// what tells more cheaply (the file engine: its folder; a database: a round trip).
    fn check(&self) -> Result<()> {
        self.read_namespaces().map(drop)
    }

    /// The usage of the engine's connection pool, for an engine that has one (`GET /metrics`
    /// shows it then, and nothing otherwise).
    fn pool(&self) -> Option<PoolUsage> {
        None
    }

    /// The namespace that an unreadable record of a listing (`UserError::CorruptRecord`)
    /// belongs to, when the engine can tell.
    fn namespace_of_unreadable(&self, _e: &crate::error::UserError) -> Option<Namespace> {
        None
    }
    /// The readable policies of every scope, as `read_policies(&Scope::All)` lists them,
    /// shared: a caching engine hands out one snapshot until a policy changes.
    fn policy_snapshot(&self) -> Result<std::sync::Arc<Vec<Policy>>> {
        Ok(std::sync::Arc::new(self.read_policies(&Scope::All)?.items))
    }
    /// `policy_snapshot` when the engine can answer from memory without reading (a server's
    /// cache, as of the current generation); `None` otherwise.
    fn cached_policies(&self) -> Option<std::sync::Arc<Vec<Policy>>> {
        None
    }
    /// `read_account` answered from memory, as `cached_policies`.
    fn cached_account(&self, _r: &Reference) -> Option<std::sync::Arc<Account>> {
        None
    }
    /// `read_tokens` answered from memory, as `cached_policies`.
    fn cached_tokens(&self, _r: &Reference) -> Option<std::sync::Arc<TokenFile>> {
        None
    }
}

/// What `Engine::pool` tells of a connection pool.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PoolUsage {
    /// Connections open now, idle or in use.
    pub open: usize,
    /// Of those, the idle ones.
    pub idle: usize,
    /// The most the pool opens.
    pub max: usize,
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
