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

use zeroize::Zeroizing;

use super::errors::StoreError;
use crate::error::UserError;
use crate::identity::{Name, Namespace, Reference};
use crate::keys::ModulusDigest;
use crate::model::{Account, NamespaceRecord, Policy, PolicyScope};
use crate::model::{IssuerRecord, TokenFile};

/// Which namespaces a listing covers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Scope {
    /// Exactly this namespace (not its children).
    Namespace(Namespace),
    /// This namespace and every namespace under it (`eng`, `eng/platform`; not `engineering`).
    Subtree(Namespace),
    /// Every namespace (and, for policies, the global scope too).
    All,
}

impl Scope {
    /// Whether records of namespace `ns` (`None`: the global scope of policies) are in it.
    pub fn covers(&self, ns: Option<&Namespace>) -> bool {
        match (self, ns) {
            (Scope::All, _) => true,
            (Scope::Namespace(s), Some(n)) => n == s,
            (Scope::Subtree(s), Some(n)) => n.is_within(s),
            (_, None) => false,
        }
    }
}

/// Which part of a listing (keyset pagination): the records whose key comes after `after`
/// (exclusive; it need not be a stored key) in the listing's order, at most `limit` of them.
/// `Page::ALL` is every record; the last page is the one shorter than `limit`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Page<K> {
    pub after: Option<K>,
    pub limit: Option<usize>,
}

impl<K> Page<K> {
    pub const ALL: Page<K> = Page {
        after: None,
        limit: None,
    };
}

/// A record kind that engines list: its key (the listing's order) and its namespace.
pub trait Listed: Clone {
    type Key: Ord + Clone;
    fn key(&self) -> Self::Key;
    /// `None` for a global policy.
    fn namespace(&self) -> Option<&Namespace>;
}

impl Listed for Account {
    type Key = Reference;
    fn key(&self) -> Reference {
        self.reference()
    }
    fn namespace(&self) -> Option<&Namespace> {
        Some(&self.namespace)
    }
}

impl Listed for Policy {
    type Key = PolicyKey;
    fn key(&self) -> Self::Key {
        (self.scope(), self.name.clone())
    }
    fn namespace(&self) -> Option<&Namespace> {
        self.namespace.as_ref()
    }
}

impl Listed for NamespaceRecord {
    type Key = Namespace;
    fn key(&self) -> Namespace {
        self.name.clone()
    }
    fn namespace(&self) -> Option<&Namespace> {
        Some(&self.name)
    }
}

/// What `Engine` and `Tx` return.
pub type Result<T, E = StoreError> = std::result::Result<T, E>;
/// What an engine's listing returns.
pub type Found<T> = Result<Listing<T, StoreError>>;
/// A policy's key: its scope and name.
pub type PolicyKey = (PolicyScope, Name);

/// The readable records, and the ones that could not be read: for an engine, each a
/// `StoreError::Corrupt`; for `crate::store::Store`, the `UserError` it becomes.
#[derive(Debug)]
pub struct Listing<T, E = UserError> {
    pub items: Vec<T>,
    pub errors: Vec<E>,
}

impl<T: Listed> Listing<T, StoreError> {
    /// The records of `scope` on `page`, sorted by key; the errors stay (an engine that reads
    /// the whole scope returns its unreadable records with every page).
    pub fn select(mut self, scope: &Scope, page: &Page<T::Key>) -> Self {
        self.items.retain(|t| scope.covers(t.namespace()));
        self.items.sort_by_cached_key(T::key);
        if let Some(after) = &page.after {
            self.items.retain(|t| t.key() > *after);
        }
        self.items.truncate(page.limit.unwrap_or(usize::MAX));
        self
    }
}

impl<T> From<Listing<T, StoreError>> for Listing<T> {
    fn from(l: Listing<T, StoreError>) -> Listing<T> {
        Listing {
            items: l.items,
            errors: l.errors.into_iter().map(UserError::from).collect(),
        }
    }
}

/// The records of one transaction. Reads of a missing record give `None` (`false` for a
/// delete); an unreadable one is an error (`StoreError::Corrupt`) for a single record and
/// an entry of `Listing::errors` for a listing. Any other failure is `StoreError::Unavailable`
/// or `Unusable`, and fails the transaction.
///
/// A listing holds the records of `scope` (for namespace records, `Scope::Namespace(ns)` is the
/// record of `ns` alone) on `page`, sorted by `Listed::key`: accounts by namespace, then name;
/// policies global first, then by namespace, then name; namespaces by name. Its `errors` are
/// unreadable records of the scope, as far as the engine can tell which namespace one belongs
/// to: an engine that reads the whole scope anyway returns all of them with every page
/// (`Listing::select` does the cutting for it); one that cuts the page in its query (the
/// PostgreSQL engine) those it passed over, between `after` and the page's last record, and
/// they do not count towards `limit`. Whoever reads every page sees each at least once.
pub trait Tx {
    /// The registry's generation (`Engine::generation`) as this transaction found it, before
    /// any of its own writes. No other transaction commits while this one runs (a read-only
    /// one, `Engine::read_atomically`, reads one committed state with its number), so a
    /// decision made on records read at this generation, outside any transaction, still holds
    /// here when the two are equal (`crate::registry::decided::Decided`).
    fn generation(&mut self) -> Result<u64>;
    /// Says that what this transaction writes is nothing a reader decides on (a token's last
    /// use: `crate::registry::tokens::touch`), so that its commit leaves the generation as it
    /// is and readers' caches, and decisions pinned to the generation, stay. An engine that
    /// cannot leave it (the file engine, for a change of several files: a reader without the
    /// lock tells a half-applied change by the number) bumps it anyway.
    fn unversioned(&mut self);
    fn account(&mut self, r: &Reference) -> Result<Option<Account>>;
    fn accounts(&mut self, scope: &Scope, page: &Page<Reference>) -> Found<Account>;
    fn put_account(&mut self, account: &Account) -> Result<()>;
    fn delete_account(&mut self, r: &Reference) -> Result<bool>;

    /// The accounts that hold a key of id `kid` or, when `modulus` is given, of that modulus
    /// (`KeyRecord::modulus_digest`), sorted: whoever else holds a key being registered
    /// (`crate::store::key_holder`). Its cost follows the matches, not the registry, where the
    /// engine can index (the PostgreSQL engine); one that scans compares digests, building
    /// no key. An unreadable account is not a holder.
    fn key_holders(&mut self, kid: &str, modulus: Option<&ModulusDigest>)
    -> Result<Vec<Reference>>;

    fn policy(&mut self, scope: &PolicyScope, name: &Name) -> Result<Option<Policy>>;
    fn policies(&mut self, scope: &Scope, page: &Page<PolicyKey>) -> Found<Policy>;
    fn put_policy(&mut self, policy: &Policy) -> Result<()>;
    fn delete_policy(&mut self, scope: &PolicyScope, name: &Name) -> Result<bool>;

    fn namespace(&mut self, ns: &Namespace) -> Result<Option<NamespaceRecord>>;
    fn namespaces(&mut self, scope: &Scope, page: &Page<Namespace>) -> Found<NamespaceRecord>;
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
    /// Runs `work` in one transaction: all of its writes are made, or (when it fails) none and
    /// its error is returned unchanged. A failure to commit is `StoreError::Unavailable` (or
    /// `Unusable`), and then too none of the writes were made, or — a process killed
    /// half-way — all of them are once the store is next used.
    fn atomically(&self, work: &mut dyn FnMut(&mut dyn Tx) -> Result<()>) -> Result<()>;

    /// Runs `work` on a transaction that only reads ([`ReadOnly`]: its writes are refused): the
    /// records and `Tx::generation` of one committed state, as a transaction that writes
    /// nothing sees them, without excluding the writers where the engine can, so that it
    /// neither waits for them nor makes them wait (a requested token's confirmation,
    /// `crate::registry::requested`). An engine that reads without a lock may run `work` again
    /// (a commit came in between); what `work` returns the last time is returned unchanged.
    fn read_atomically(&self, work: &mut dyn FnMut(&mut dyn Tx) -> Result<()>) -> Result<()>;

    /// The registry's generation: a number that changes whenever a transaction that wrote
    /// something commits (inside it: whoever reads the new number and then the records sees
    /// all of that transaction's writes), and not otherwise; nor, where the engine can, for
    /// one that wrote only what no reader decides on (`Tx::unversioned`). Read without a lock;
    /// cheap enough to be read on every request.
    fn generation(&self) -> u64;

    fn read_account(&self, r: &Reference) -> Result<Option<Account>>;
    /// As `Tx::accounts`.
    fn read_accounts(&self, scope: &Scope, page: &Page<Reference>) -> Found<Account>;
    fn read_policy(&self, scope: &PolicyScope, name: &Name) -> Result<Option<Policy>>;
    /// As `Tx::policies`.
    fn read_policies(&self, scope: &Scope, page: &Page<PolicyKey>) -> Found<Policy>;
    fn read_namespace(&self, ns: &Namespace) -> Result<Option<NamespaceRecord>>;
    /// As `Tx::namespaces`.
    fn read_namespaces(&self, scope: &Scope, page: &Page<Namespace>) -> Found<NamespaceRecord>;
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
        self.read_namespaces(&Scope::All, &Page::ALL).map(drop)
    }

    /// The usage of the engine's connection pool, for an engine that has one (`GET /metrics`
    /// shows it then, and nothing otherwise).
    fn pool(&self) -> Option<PoolUsage> {
        None
    }
    /// The readable policies of every scope, as `read_policies(&Scope::All)` lists them,
    /// shared: a caching engine hands out one snapshot until a policy changes.
    fn policy_snapshot(&self) -> Result<std::sync::Arc<Vec<Policy>>> {
        Ok(std::sync::Arc::new(
            self.read_policies(&Scope::All, &Page::ALL)?.items,
        ))
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
    /// The token file of `r` was just written by this process without a change of the
    /// generation (`Tx::unversioned`): a caching engine reads it again.
    fn forget_tokens(&self, _r: &Reference) {}
}

/// The transaction of `Engine::read_atomically`: the reads of the transaction it wraps, and
/// every write refused (an engine that keeps writes until its commit would otherwise drop them
/// without a word), so that nothing is written and the generation stays.
pub struct ReadOnly<'a, 'b>(pub &'a mut (dyn Tx + 'b));

impl ReadOnly<'_, '_> {
    fn refused<T>(&self) -> Result<T> {
        Err(StoreError::Unusable {
            why: "a read-only store transaction was asked to write (a bug of svcacct); \
                  nothing was written"
                .into(),
        })
    }
}

impl Tx for ReadOnly<'_, '_> {
    fn generation(&mut self) -> Result<u64> {
        self.0.generation()
    }
    /// Nothing is written.
    fn unversioned(&mut self) {}
    fn account(&mut self, r: &Reference) -> Result<Option<Account>> {
        self.0.account(r)
    }
    fn accounts(&mut self, scope: &Scope, page: &Page<Reference>) -> Found<Account> {
        self.0.accounts(scope, page)
    }
    fn put_account(&mut self, _: &Account) -> Result<()> {
        self.refused()
    }
    fn delete_account(&mut self, _: &Reference) -> Result<bool> {
        self.refused()
    }
    fn key_holders(
        &mut self,
        kid: &str,
        modulus: Option<&ModulusDigest>,
    ) -> Result<Vec<Reference>> {
        self.0.key_holders(kid, modulus)
    }
    fn policy(&mut self, scope: &PolicyScope, name: &Name) -> Result<Option<Policy>> {
        self.0.policy(scope, name)
    }
    fn policies(&mut self, scope: &Scope, page: &Page<PolicyKey>) -> Found<Policy> {
        self.0.policies(scope, page)
    }
    fn put_policy(&mut self, _: &Policy) -> Result<()> {
        self.refused()
    }
    fn delete_policy(&mut self, _: &PolicyScope, _: &Name) -> Result<bool> {
        self.refused()
    }
    fn namespace(&mut self, ns: &Namespace) -> Result<Option<NamespaceRecord>> {
        self.0.namespace(ns)
    }
    fn namespaces(&mut self, scope: &Scope, page: &Page<Namespace>) -> Found<NamespaceRecord> {
        self.0.namespaces(scope, page)
    }
    fn put_namespace(&mut self, _: &NamespaceRecord) -> Result<()> {
        self.refused()
    }
    fn delete_namespace(&mut self, _: &Namespace) -> Result<bool> {
        self.refused()
    }
    fn tokens(&mut self, r: &Reference) -> Result<Option<TokenFile>> {
        self.0.tokens(r)
    }
    fn all_tokens(&mut self) -> Result<Vec<TokenFile>> {
        self.0.all_tokens()
    }
    fn put_tokens(&mut self, _: &Reference, _: &TokenFile) -> Result<()> {
        self.refused()
    }
    fn delete_tokens(&mut self, _: &Reference) -> Result<bool> {
        self.refused()
    }
    fn issuer(&mut self) -> Result<Option<IssuerRecord>> {
        self.0.issuer()
    }
    fn put_issuer(&mut self, _: &IssuerRecord) -> Result<()> {
        self.refused()
    }
    fn issuer_key(&mut self, kid: &str) -> Result<Zeroizing<Vec<u8>>> {
        self.0.issuer_key(kid)
    }
    fn put_issuer_key(&mut self, _: &str, _: &[u8]) -> Result<()> {
        self.refused()
    }
    fn delete_issuer_key(&mut self, _: &str) -> Result<bool> {
        self.refused()
    }
}

/// For an engine that wraps another (`crate::registry::decided::Decided`,
/// `crate::store::cached::Cached`): each `Engine` method listed, with its signature, calls the
/// same method of the wrapped engine, `self.$inner`, with the same arguments. The wrapper
/// writes out the methods it changes.
macro_rules! pass_on {
    ($inner:ident: $(fn $method:ident(&self $(, $arg:ident: $ty:ty)*) -> $ret:ty;)+) => {
        $(fn $method(&self $(, $arg: $ty)*) -> $ret {
            self.$inner.$method($($arg),*)
        })+
    };
}
pub(crate) use pass_on;

/// `Tx::key_holders` for an engine that scans: the references of `accounts` that hold a key
/// of id `kid` or of modulus `modulus`, in the order given.
pub fn key_holders_among<'a>(
    accounts: impl IntoIterator<Item = &'a Account>,
    kid: &str,
    modulus: Option<&ModulusDigest>,
) -> Vec<Reference> {
    accounts
        .into_iter()
        .filter(|a| {
            a.keys.iter().any(|k| {
                k.kid == kid || modulus.is_some_and(|m| k.modulus_digest().as_ref() == Some(m))
            })
        })
        .map(Account::reference)
        .collect()
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

/// What the work of [`atomically`] fails with: any error, a `StoreError` (`?` on a `Tx` call)
/// turned into the `UserError` users see, with the same text.
#[derive(Debug)]
pub struct WorkError(anyhow::Error);

impl From<StoreError> for WorkError {
    fn from(e: StoreError) -> WorkError {
        WorkError(UserError::from(e).into())
    }
}

impl From<UserError> for WorkError {
    fn from(e: UserError) -> WorkError {
        WorkError(e.into())
    }
}

impl From<anyhow::Error> for WorkError {
    fn from(e: anyhow::Error) -> WorkError {
        WorkError(e)
    }
}

impl From<WorkError> for anyhow::Error {
    fn from(e: WorkError) -> anyhow::Error {
        e.0
    }
}

/// `Engine::atomically` with a value: what `work` returned, once every write is made; or what
/// `work` failed with, or the engine's error as a `UserError`, and nothing is written.
pub fn atomically<T>(
    engine: &(impl Engine + ?Sized),
    work: impl FnMut(&mut dyn Tx) -> Result<T, WorkError>,
) -> anyhow::Result<T> {
    with_value(|w| engine.atomically(w), work)
}

/// `Engine::read_atomically` with a value, as [`atomically`].
pub fn read_atomically<T>(
    engine: &(impl Engine + ?Sized),
    work: impl FnMut(&mut dyn Tx) -> Result<T, WorkError>,
) -> anyhow::Result<T> {
    with_value(|w| engine.read_atomically(w), work)
}

/// Runs `work` through `run` (a transaction), keeping what its last run returned: an engine
/// may run it again (a retried conflict, a read-only transaction read again), and an earlier
/// run's answer or failure is not the transaction's.
fn with_value<T>(
    run: impl FnOnce(&mut dyn FnMut(&mut dyn Tx) -> Result<()>) -> Result<()>,
    mut work: impl FnMut(&mut dyn Tx) -> Result<T, WorkError>,
) -> anyhow::Result<T> {
    let mut out = None;
    let mut failed = None;
    let done = run(&mut |tx| {
        (out, failed) = (None, None);
        match work(tx) {
            Ok(v) => {
                out = Some(v);
                Ok(())
            }
            Err(e) => {
                failed = Some(e);
                Err(StoreError::Aborted)
            }
        }
    });
    match (done, failed, out) {
        // The last run's `work` failed.
        (Err(StoreError::Aborted), Some(e), _) | (Ok(()), Some(e), _) => Err(e.into()),
        // The last run failed outside `work` (a wrapper's refusal before it, the commit): an
        // earlier run's failure is not the answer.
        (Err(e), _, _) => Err(UserError::from(e).into()),
        (Ok(()), None, Some(v)) => Ok(v),
        (Ok(()), None, None) => Err(anyhow::anyhow!("a store transaction returned nothing")),
    }
}
