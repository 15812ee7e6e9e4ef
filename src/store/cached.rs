//! A read cache over any engine, for a long-running reader (`svcacct serve`): parsed accounts,
//! token files, and the listings of every account and every policy, kept while the engine's
//! generation (`Engine::generation`) is the one read before they were read, and for at most
//! [`MAX_AGE`] (docs/ARCHITECTURE.md, "Freshness for `serve`").
//!
//! - Every write transaction bumps the generation once its records are in place, whoever makes
//!   it (this server, the CLI on the same store): a request that reads the new number is
//!   answered from what was read after it.
//! - The generation is read before the records are, and what was read is kept under that
//!   number: a record read while a transaction committed is kept under the old number at
//!   worst, and dropped by the next lookup, which finds the new one.
//! - A record changed without a transaction (a file edited by hand, a store folder replaced)
//!   bumps nothing: it is seen when the entries read before it reach [`MAX_AGE`]. Nor does a
//!   token's last use (`Tx::unversioned`): the file is dropped when this process notes it
//!   (`Engine::forget_tokens`), and seen within [`MAX_AGE`] when another one does.
//!
//! A cached answer costs a read of the generation (for the file engine, a load from a mapped
//! file), a read lock and a clock read.

use std::collections::HashMap;
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use zeroize::Zeroizing;

use super::engine::{Engine, Found, Page, PolicyKey, PoolUsage, Result, Tx, pass_on};
use super::{Listing, Scope, StoreError};
use crate::identity::{Name, Namespace, Reference};
use crate::issued::{IssuerRecord, TokenFile};
use crate::model::{Account, NamespaceRecord, Policy, PolicyScope};

/// How long an answer is kept at most, whatever the generation: the time within which a
/// record edited by hand (which bumps no generation) is seen by a server. Short enough for an
/// operator's edit, long enough that re-reading costs nothing measurable (one read per record
/// in use every 2 s).
pub const MAX_AGE: Duration = Duration::from_secs(2);

/// Most records of each kind kept (all of that kind are dropped beyond it, then refilled by
/// use).
const MAX_RECORDS: usize = 100_000;

/// An answer, and when the reading of it began.
struct Kept<T> {
    value: T,
    at: Instant,
}

impl<T: Clone> Kept<T> {
    fn fresh(&self, now: Instant) -> Option<T> {
        (now.saturating_duration_since(self.at) < MAX_AGE).then(|| self.value.clone())
    }
}

/// What was read, all of it under one generation.
#[derive(Default)]
struct State {
    generation: u64,
    accounts: HashMap<Reference, Kept<Arc<Account>>>,
    tokens: HashMap<Reference, Kept<Arc<TokenFile>>>,
    all_accounts: Option<Kept<Arc<Vec<Account>>>>,
    all_policies: Option<Kept<Arc<Vec<Policy>>>>,
}

/// Adds a record to `records`, emptied first when full.
fn keep_record<T>(records: &mut HashMap<Reference, Kept<T>>, r: &Reference, kept: Kept<T>) {
    if records.len() >= MAX_RECORDS {
        records.clear();
    }
    records.insert(r.clone(), kept);
}

/// `E` with its reads of accounts, token files and complete listings answered from memory
/// while its generation is unchanged (and for at most [`MAX_AGE`]); everything else, writes
/// included, goes to `E`.
pub struct Cached<E> {
    inner: E,
    /// Read-locked for a cached answer, so that requests on several threads do not wait for
    /// each other; write-locked to keep what was read.
    state: RwLock<State>,
}

impl<E: std::fmt::Debug> std::fmt::Debug for Cached<E> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Cached")
            .field("inner", &self.inner)
            .finish_non_exhaustive()
    }
}

impl<E: Engine> Cached<E> {
    pub fn new(inner: E) -> Cached<E> {
        Cached {
            inner,
            state: RwLock::default(),
        }
    }

    pub fn inner(&self) -> &E {
        &self.inner
    }

    /// What `pick` finds, if it was read under the current generation and is young enough.
    fn get<T: Clone>(&self, pick: impl FnOnce(&State) -> Option<&Kept<T>>) -> Option<T> {
        let generation = self.inner.generation();
        let st = self.state.read().unwrap_or_else(|e| e.into_inner());
        if st.generation != generation {
            return None;
        }
        pick(&st)?.fresh(Instant::now())
    }

    /// Runs `read`, and keeps its answer (`put`) under the generation read before it. The
    /// state read under another generation is dropped first: a racing reader that read an
    /// older number drops newer entries at worst, which the next lookup reads again.
    fn read_through<T>(
        &self,
        read: impl FnOnce() -> Result<T>,
        put: impl FnOnce(&mut State, &T, Instant),
    ) -> Result<T> {
        let (generation, at) = (self.inner.generation(), Instant::now());
        let value = read()?;
        let mut st = self.state.write().unwrap_or_else(|e| e.into_inner());
        if st.generation != generation {
            *st = State {
                generation,
                ..State::default()
            };
        }
        put(&mut st, &value, at);
        Ok(value)
    }

    fn account(&self, r: &Reference) -> Result<Option<Arc<Account>>> {
        if let Some(found) = self.cached_account(r) {
            return Ok(Some(found));
        }
        self.read_through(
            || Ok(self.inner.read_account(r)?.map(Arc::new)),
            |st, found, at| {
                if let Some(a) = found {
                    let value = a.clone();
                    keep_record(&mut st.accounts, r, Kept { value, at });
                }
            },
        )
    }

    fn tokens(&self, r: &Reference) -> Result<Option<Arc<TokenFile>>> {
        if let Some(found) = self.cached_tokens(r) {
            return Ok(Some(found));
        }
        self.read_through(
            || Ok(self.inner.read_tokens(r)?.map(Arc::new)),
            |st, found, at| {
                if let Some(f) = found {
                    let value = f.clone();
                    keep_record(&mut st.tokens, r, Kept { value, at });
                }
            },
        )
    }

    /// Every policy, and the unreadable ones (a listing with some is not kept).
    fn all_policies(&self) -> Result<(Arc<Vec<Policy>>, Vec<StoreError>)> {
        if let Some(items) = self.cached_policies() {
            return Ok((items, vec![]));
        }
        self.read_through(
            || {
                let listing = self.inner.read_policies(&Scope::All, &Page::ALL)?;
                Ok((Arc::new(listing.items), listing.errors))
            },
            |st, (items, errors), at| {
                if errors.is_empty() {
                    let value = items.clone();
                    st.all_policies = Some(Kept { value, at });
                }
            },
        )
    }
}

/// Reads from memory what it keeps (`State`); the rest is `inner`'s.
impl<E: Engine> Engine for Cached<E> {
    pass_on! { inner:
        fn atomically(&self, work: &mut dyn FnMut(&mut dyn Tx) -> Result<()>) -> Result<()>;
        fn read_atomically(&self, work: &mut dyn FnMut(&mut dyn Tx) -> Result<()>) -> Result<()>;
        fn generation(&self) -> u64;
        fn check(&self) -> Result<()>;
        fn pool(&self) -> Option<PoolUsage>;
        fn read_policy(&self, scope: &PolicyScope, name: &Name) -> Result<Option<Policy>>;
        fn read_namespace(&self, ns: &Namespace) -> Result<Option<NamespaceRecord>>;
        fn read_namespaces(&self, scope: &Scope, page: &Page<Namespace>) -> Found<NamespaceRecord>;
        fn read_issuer(&self) -> Result<Option<IssuerRecord>>;
        fn read_issuer_key(&self, kid: &str) -> Result<Zeroizing<Vec<u8>>>;
        fn read_all_tokens(&self) -> Result<Vec<TokenFile>>;
    }

    fn read_account(&self, r: &Reference) -> Result<Option<Account>> {
        Ok(self.account(r)?.map(|a| a.as_ref().clone()))
    }

    /// Every account's page from memory; other scopes from the engine.
    fn read_accounts(&self, scope: &Scope, page: &Page<Reference>) -> Found<Account> {
        if *scope != Scope::All {
            return self.inner.read_accounts(scope, page);
        }
        let listing = match self.get(|st| st.all_accounts.as_ref()) {
            Some(items) => Listing {
                items: items.as_ref().clone(),
                errors: vec![],
            },
            None => self.read_through(
                || self.inner.read_accounts(scope, &Page::ALL),
                |st, listing, at| {
                    if listing.errors.is_empty() {
                        let value = Arc::new(listing.items.clone());
                        st.all_accounts = Some(Kept { value, at });
                    }
                },
            )?,
        };
        Ok(listing.select(scope, page))
    }

    fn read_policies(&self, scope: &Scope, page: &Page<PolicyKey>) -> Found<Policy> {
        if *scope != Scope::All {
            return self.inner.read_policies(scope, page);
        }
        let (items, errors) = self.all_policies()?;
        let items = items.as_ref().clone();
        Ok(Listing { items, errors }.select(scope, page))
    }

    fn read_tokens(&self, r: &Reference) -> Result<Option<TokenFile>> {
        Ok(self.tokens(r)?.map(|f| f.as_ref().clone()))
    }

    fn policy_snapshot(&self) -> Result<Arc<Vec<Policy>>> {
        Ok(self.all_policies()?.0)
    }

    fn cached_policies(&self) -> Option<Arc<Vec<Policy>>> {
        self.get(|st| st.all_policies.as_ref())
    }

    fn cached_account(&self, r: &Reference) -> Option<Arc<Account>> {
        self.get(|st| st.accounts.get(r))
    }

    fn cached_tokens(&self, r: &Reference) -> Option<Arc<TokenFile>> {
        self.get(|st| st.tokens.get(r))
    }

    fn forget_tokens(&self, r: &Reference) {
        let mut st = self.state.write().unwrap_or_else(|e| e.into_inner());
        st.tokens.remove(r);
    }
}

#[cfg(test)]
mod tests {
    use std::fs;
    use std::path::PathBuf;
    use std::sync::atomic::{AtomicU64, Ordering};

    use super::*;
    use crate::store::Store;
    use crate::store::file::FileStore;
    use crate::store::memory::MemoryStore;
    use crate::store::memory::tests::{
        Hooked, Read, account, conformance, name, policy, reference,
    };

    fn store_with(accounts: &[&str]) -> (tempfile::TempDir, PathBuf, FileStore) {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("store");
        let cli = FileStore::open(root.clone());
        for a in accounts {
            cli.create_account(account(a)).unwrap();
        }
        (dir, root, cli)
    }

    fn names(s: &dyn Store) -> Vec<String> {
        let listing = s.list_accounts(&Scope::All).unwrap();
        listing
            .items
            .iter()
            .map(|a| a.reference().to_string())
            .collect()
    }

    #[test]
    fn cached_engines_conform() {
        let (_dir, root, _) = store_with(&[]);
        conformance(&Cached::new(FileStore::open(root)));
        let (_dir, root, _) = store_with(&[]);
        crate::store::conformance::engine_conforms(&Cached::new(FileStore::open(root)));
        conformance(&Cached::new(MemoryStore::new()));
        crate::store::conformance::engine_conforms(&Cached::new(MemoryStore::new()));
    }

    #[test]
    fn a_write_through_another_handle_is_seen_by_the_next_read() {
        let (_dir, root, cli) = store_with(&["ci-bot"]);
        let server = Cached::new(FileStore::open(root));
        let r = reference("ci-bot");
        assert_eq!(server.get_account(&r).unwrap().revision, 1);
        assert!(server.cached_account(&r).is_some());
        assert_eq!(names(&server), ["ci-bot"]);
        cli.create_policy(policy(None, "admin")).unwrap();
        let first = server.policy_snapshot().unwrap();
        assert!(Arc::ptr_eq(&first, &server.cached_policies().unwrap()));

        let mut a = cli.get_account(&r).unwrap();
        a.description = "changed".into();
        cli.update_account(a).unwrap();
        assert!(server.cached_account(&r).is_none());
        assert!(server.cached_policies().is_none());
        assert_eq!(server.get_account(&r).unwrap().revision, 2);
        cli.create_policy(policy(Some("eng"), "read")).unwrap();
        let second = server.policy_snapshot().unwrap();
        assert_eq!(second.len(), 2);
        assert!(!Arc::ptr_eq(&first, &second));
        cli.create_account(account("eng/deployer")).unwrap();
        assert_eq!(names(&server), ["ci-bot", "eng/deployer"]);
        crate::store::memory::tests::rename_account(&cli, &r, &name("robot")).unwrap();
        assert!(server.get_account(&r).is_err());
        assert_eq!(server.get_account(&reference("robot")).unwrap().revision, 3);
        assert_eq!(names(&server), ["robot", "eng/deployer"]);
        cli.delete_account(&reference("robot")).unwrap();
        assert!(server.get_account(&reference("robot")).is_err());
        assert_eq!(names(&server), ["eng/deployer"]);
    }

    #[test]
    fn a_hand_edit_is_seen_after_the_age_bound() {
        let (_dir, root, _) = store_with(&["ci-bot"]);
        let server = Cached::new(FileStore::open(root.clone()));
        let r = reference("ci-bot");
        assert_eq!(server.get_account(&r).unwrap().revision, 1);
        assert_eq!(names(&server), ["ci-bot"]);
        // rewritten through the same inode, as an editor may: no generation is bumped
        let path = root.join("accounts/default/ci-bot.toml");
        let text = fs::read_to_string(&path).unwrap();
        fs::write(&path, text.replace("revision = 1", "revision = 9")).unwrap();
        std::thread::sleep(MAX_AGE);
        assert!(server.cached_account(&r).is_none());
        assert_eq!(server.get_account(&r).unwrap().revision, 9);
        assert_eq!(
            server.list_accounts(&Scope::All).unwrap().items[0].revision,
            9
        );
        // edited into garbage: an error once the bound has passed, never the old record
        fs::write(&path, "garbage = [").unwrap();
        std::thread::sleep(MAX_AGE);
        assert!(server.get_account(&r).is_err());
        assert!(!server.list_accounts(&Scope::All).unwrap().errors.is_empty());
    }

    #[test]
    fn a_record_read_while_a_transaction_commits_is_not_kept_under_the_new_generation() {
        let inner = MemoryStore::new();
        inner.create_account(account("ci-bot")).unwrap();
        let r = reference("ci-bot");
        let mut changed = inner.get_account(&r).unwrap();
        changed.disabled = true;
        // The account is changed right after it was read, before the read is answered.
        let changed = std::sync::Mutex::new(Some(changed));
        let server = Cached::new(Hooked {
            inner,
            meanwhile: Box::new(move |read, inner| {
                if let Read::Account(_) = read
                    && let Some(a) = changed.lock().unwrap().take()
                {
                    inner.update_account(a).unwrap();
                }
            }),
        });
        assert!(!server.get_account(&r).unwrap().disabled);
        assert!(
            server.cached_account(&r).is_none(),
            "stale: the record read before the write is served after it"
        );
        assert!(server.get_account(&r).unwrap().disabled);
        assert!(server.cached_account(&r).unwrap().disabled);
    }

    #[test]
    fn requests_on_several_threads_each_see_the_writes_finished_before_they_began() {
        let (_dir, root, cli) = store_with(&["ci-bot"]);
        let server = Cached::new(FileStore::open(root));
        let r = reference("ci-bot");
        const WRITES: u64 = 40;
        // the revision of the last update that returned
        let written = AtomicU64::new(1);
        let hits = AtomicU64::new(0);
        std::thread::scope(|s| {
            for _ in 0..4 {
                s.spawn(|| {
                    loop {
                        let before = written.load(Ordering::SeqCst);
                        let seen = match server.cached_account(&r) {
                            Some(a) => {
                                hits.fetch_add(1, Ordering::Relaxed);
                                a.revision
                            }
                            None => server.get_account(&r).unwrap().revision,
                        };
                        assert!(
                            seen >= before,
                            "revision {seen} seen after {before} was written"
                        );
                        if before == WRITES + 1 {
                            break;
                        }
                    }
                });
            }
            for _ in 0..WRITES {
                let a = cli.update_account(cli.get_account(&r).unwrap()).unwrap();
                written.store(a.revision, Ordering::SeqCst);
                std::thread::sleep(std::time::Duration::from_millis(2));
            }
        });
        // the answers between writes came from the cache
        assert!(hits.load(Ordering::Relaxed) > 0);
    }
}
