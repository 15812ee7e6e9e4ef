//! The file engine's transactions: under the store's lock, reads come from the disk and from this transaction's own writes, which are kept in memory until `commit`
//! writes them all through one journal (`Locked::atomically`), or the one write there is by
//! itself (a rename of one file is atomic already).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Serialize;
use zeroize::Zeroizing;

use super::{FileStore, ISSUER_DIR, ISSUER_FILE, JournalStep, Locked, corrupt, load};
use crate::error::RecordLocation;
use crate::identity::{Name, Namespace, Reference};
use crate::issued::{IssuerRecord, TokenFile};
use crate::keys::ModulusDigest;
use crate::model::{Account, NamespaceRecord, Policy, PolicyScope};
use crate::store::engine::{
    Engine, Found, Listed, Page, PolicyKey, ReadOnly, Result, Tx, key_holders_among,
};
use crate::store::{Listing, OrUnavailable, Scope, StoreError};

/// `Engine::atomically` of the file engine.
pub(super) fn atomically(
    store: &FileStore,
    work: &mut dyn FnMut(&mut dyn Tx) -> Result<()>,
) -> Result<()> {
    store.locked(|locked| {
        let mut tx = FileTx::new(store, None);
        work(&mut tx)?;
        tx.commit(locked)
    })
}

/// How many times [`read_atomically`] reads without the lock, while commits come in between,
/// before it takes the lock.
const UNLOCKED_TRIES: usize = 3;

/// `Engine::read_atomically` of the file engine: without the store's lock, so that it neither
/// waits for writers nor makes them wait. Under the lock a writer replaces one file (then bumps
/// the generation), or writes a journal, applies its steps one by one, bumps the generation and
/// removes the journal. So the reads are of the state of generation `before` when, after them,
/// no journal was there, then no writer held the lock, then the number was still `before`:
/// a writer that changed a file during the reads either still held the lock (a one-file change
/// not yet bumped, which the reads may have seen: its state is not yet `before`'s successor by
/// number, so it must not be read as `before`), or had bumped since. A change of several files
/// is seen by its journal, there from before its first step until after its bump. Otherwise
/// `work` runs again, and after [`UNLOCKED_TRIES`] times under the lock, which also finishes a
/// journal a killed writer left. (A writer killed between its one-file change and its bump
/// leaves a change with no new number: as for any reader, see "A decision holds for its write"
/// in docs/ARCHITECTURE.md.)
pub(super) fn read_atomically(
    store: &FileStore,
    work: &mut dyn FnMut(&mut dyn Tx) -> Result<()>,
) -> Result<()> {
    let generation = || super::generation::read_file(&store.root);
    for _ in 0..UNLOCKED_TRIES {
        let before = generation()?;
        if store.journal_may_be_there() {
            break;
        }
        let done = work(&mut ReadOnly(&mut FileTx::new(store, Some(before))));
        // In this order: a writer that let go of the lock after the reads has bumped by then.
        if !store.journal_may_be_there() && !store.writer_may_be_there() && generation()? == before
        {
            return done;
        }
    }
    atomically(store, &mut |tx| work(&mut ReadOnly(tx)))
}

/// What one transaction has written so far (`None`: removed), by record; and the same as the
/// journal's steps, in the order they were made (the order readers without the lock see
/// them in, when there are several).
struct FileTx<'a> {
    store: &'a FileStore,
    /// The generation a read-only transaction read before its reads (`read_atomically`);
    /// `None` under the lock, where `Tx::generation` reads the file.
    generation: Option<u64>,
    /// What it writes is nothing a reader decides on (`Tx::unversioned`).
    unversioned: bool,
    accounts: BTreeMap<Reference, Option<Account>>,
    policies: BTreeMap<(PolicyScope, Name), Option<Policy>>,
    namespaces: BTreeMap<Namespace, Option<NamespaceRecord>>,
    tokens: BTreeMap<Reference, Option<TokenFile>>,
    issuer: Option<IssuerRecord>,
    issuer_keys: BTreeMap<String, Option<Zeroizing<Vec<u8>>>>,
    steps: Vec<JournalStep>,
}

impl<'a> FileTx<'a> {
    fn new(store: &'a FileStore, generation: Option<u64>) -> FileTx<'a> {
        FileTx {
            store,
            generation,
            unversioned: false,
            accounts: BTreeMap::new(),
            policies: BTreeMap::new(),
            namespaces: BTreeMap::new(),
            tokens: BTreeMap::new(),
            issuer: None,
            issuer_keys: BTreeMap::new(),
            steps: vec![],
        }
    }

    /// The path of a record relative to the store's folder, as the journal names it.
    fn rel(&self, path: &Path) -> Result<String> {
        Ok(path
            .strip_prefix(&self.store.root)
            .or_unavailable(|| "a store record is in the store")?
            .to_string_lossy()
            .into_owned())
    }

    /// Adds a step; a later step for the same file replaces an earlier one (and comes last).
    fn step(&mut self, step: JournalStep) {
        let path = |s: &JournalStep| match s {
            JournalStep::Write { path, .. }
            | JournalStep::WriteBytes { path, .. }
            | JournalStep::Remove { path } => path.clone(),
        };
        let p = path(&step);
        self.steps.retain(|s| path(s) != p);
        self.steps.push(step);
    }

    fn write<T: Serialize>(&mut self, path: &Path, record: &T) -> Result<()> {
        let text = toml::to_string(record).or_unavailable(|| {
            format!(
                "cannot encode the store record {}",
                crate::output::shown_path(path)
            )
        })?;
        let path = self.rel(path)?;
        self.step(JournalStep::Write { path, text });
        Ok(())
    }

    /// Removes the file at `path`; `existed` says whether there was a record (as this
    /// transaction sees it).
    fn remove(&mut self, path: &Path, existed: bool) -> Result<bool> {
        let path = self.rel(path)?;
        self.step(JournalStep::Remove { path });
        Ok(existed)
    }

    fn commit(self, locked: &Locked) -> Result<()> {
        match self.steps.as_slice() {
            [] => Ok(()),
            // One file is replaced whole: no reader sees half of it, and the number stays.
            [one] if self.unversioned => locked.apply(std::slice::from_ref(one)),
            [one] => locked.apply_and_bump(std::slice::from_ref(one)),
            steps => locked.atomically(steps),
        }
    }
}

/// Whether a file (of any kind: a corrupt record is still one) is at `path`.
fn on_disk(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok()
}

/// `listing` (every record of the scope) with this transaction's writes, then cut to `scope`
/// and `page`; `written_path` says where a written record's file is: unreadable files that
/// were overwritten or removed are no longer errors.
fn overlay<T: Listed>(
    mut listing: Listing<T, StoreError>,
    written: &BTreeMap<T::Key, Option<T>>,
    written_path: impl Fn(&T::Key) -> PathBuf,
    scope: &Scope,
    page: &Page<T::Key>,
) -> Listing<T, StoreError> {
    listing
        .items
        .retain(|item| !written.contains_key(&item.key()));
    listing.items.extend(written.values().flatten().cloned());
    let paths: Vec<PathBuf> = written.keys().map(written_path).collect();
    listing.errors.retain(|e| match e {
        StoreError::Corrupt {
            location: RecordLocation::File(path),
            ..
        } => !paths.contains(path),
        _ => true,
    });
    listing.select(scope, page)
}

impl Tx for FileTx<'_> {
    /// Read under the store's lock: every earlier transaction's journal is applied and its
    /// bump made. From the file, not the mapping that `Engine::generation` reads: a file
    /// replaced by hand then differs from what a decision pinned, which is made again.
    fn generation(&mut self) -> Result<u64> {
        match self.generation {
            Some(read) => Ok(read),
            None => super::generation::read_file(&self.store.root),
        }
    }
    /// Kept for a commit of one file; a journal is always followed by a bump.
    fn unversioned(&mut self) {
        self.unversioned = true;
    }
    fn account(&mut self, r: &Reference) -> Result<Option<Account>> {
        match self.accounts.get(r) {
            Some(written) => Ok(written.clone()),
            None => Ok(self.store.load_account(r)?),
        }
    }

    fn accounts(&mut self, scope: &Scope, page: &Page<Reference>) -> Found<Account> {
        let listing = self.store.disk_accounts(scope, &Page::ALL)?;
        let path = |r: &Reference| self.store.account_path(r);
        Ok(overlay(listing, &self.accounts, path, scope, page))
    }

    fn put_account(&mut self, account: &Account) -> Result<()> {
        let r = account.reference();
        self.write(&self.store.account_path(&r), account)?;
        self.accounts.insert(r, Some(account.clone()));
        Ok(())
    }

    fn delete_account(&mut self, r: &Reference) -> Result<bool> {
        let path = self.store.account_path(r);
        let existed = match self.accounts.get(r) {
            Some(written) => written.is_some(),
            None => on_disk(&path),
        };
        self.accounts.insert(r.clone(), None);
        self.remove(&path, existed)
    }

    /// A scan of the accounts (as this transaction sees them) that compares digests of
    /// moduli, parsing no key.
    fn key_holders(
        &mut self,
        kid: &str,
        modulus: Option<&ModulusDigest>,
    ) -> Result<Vec<Reference>> {
        let listing = self.accounts(&Scope::All, &Page::ALL)?;
        Ok(key_holders_among(&listing.items, kid, modulus))
    }

    fn policy(&mut self, scope: &PolicyScope, name: &Name) -> Result<Option<Policy>> {
        match self.policies.get(&(scope.clone(), name.clone())) {
            Some(written) => Ok(written.clone()),
            None => Ok(self.store.load_policy(scope, name)?),
        }
    }

    fn policies(&mut self, scope: &Scope, page: &Page<PolicyKey>) -> Found<Policy> {
        let listing = self.store.disk_policies(scope, &Page::ALL)?;
        let path = |(s, n): &(PolicyScope, Name)| self.store.policy_path(s, n);
        Ok(overlay(listing, &self.policies, path, scope, page))
    }

    fn put_policy(&mut self, policy: &Policy) -> Result<()> {
        let (scope, name) = (policy.scope(), policy.name.clone());
        self.write(&self.store.policy_path(&scope, &name), policy)?;
        self.policies.insert((scope, name), Some(policy.clone()));
        Ok(())
    }

    fn delete_policy(&mut self, scope: &PolicyScope, name: &Name) -> Result<bool> {
        let key = (scope.clone(), name.clone());
        let path = self.store.policy_path(scope, name);
        let existed = match self.policies.get(&key) {
            Some(written) => written.is_some(),
            None => on_disk(&path),
        };
        self.policies.insert(key, None);
        self.remove(&path, existed)
    }

    fn namespace(&mut self, ns: &Namespace) -> Result<Option<NamespaceRecord>> {
        match self.namespaces.get(ns) {
            Some(written) => Ok(written.clone()),
            None => Ok(self.store.load_namespace(ns)?),
        }
    }

    fn namespaces(&mut self, scope: &Scope, page: &Page<Namespace>) -> Found<NamespaceRecord> {
        let listing = self.store.disk_namespaces(scope, &Page::ALL)?;
        let path = |ns: &Namespace| self.store.namespace_path(ns);
        Ok(overlay(listing, &self.namespaces, path, scope, page))
    }

    fn put_namespace(&mut self, record: &NamespaceRecord) -> Result<()> {
        self.write(&self.store.namespace_path(&record.name), record)?;
        self.namespaces
            .insert(record.name.clone(), Some(record.clone()));
        Ok(())
    }

    fn delete_namespace(&mut self, ns: &Namespace) -> Result<bool> {
        let path = self.store.namespace_path(ns);
        let existed = match self.namespaces.get(ns) {
            Some(written) => written.is_some(),
            None => on_disk(&path),
        };
        self.namespaces.insert(ns.clone(), None);
        self.remove(&path, existed)
    }

    fn tokens(&mut self, r: &Reference) -> Result<Option<TokenFile>> {
        match self.tokens.get(r) {
            Some(written) => Ok(written.clone()),
            None => Ok(load(&self.store.tokens_path(r))?),
        }
    }

    fn all_tokens(&mut self) -> Result<Vec<TokenFile>> {
        let mut files = self
            .store
            .token_files(|r| load(&self.store.tokens_path(r)))?;
        for (r, written) in &self.tokens {
            match written {
                Some(f) => files.insert(r.clone(), f.clone()),
                None => files.remove(r),
            };
        }
        Ok(files.into_values().collect())
    }

    fn put_tokens(&mut self, r: &Reference, file: &TokenFile) -> Result<()> {
        self.write(&self.store.tokens_path(r), file)?;
        self.tokens.insert(r.clone(), Some(file.clone()));
        Ok(())
    }

    fn delete_tokens(&mut self, r: &Reference) -> Result<bool> {
        let path = self.store.tokens_path(r);
        let existed = match self.tokens.get(r) {
            Some(written) => written.is_some(),
            None => on_disk(&path),
        };
        self.tokens.insert(r.clone(), None);
        self.remove(&path, existed)
    }

    fn issuer(&mut self) -> Result<Option<IssuerRecord>> {
        match &self.issuer {
            Some(written) => Ok(Some(written.clone())),
            None => self.store.read_issuer(),
        }
    }

    fn put_issuer(&mut self, record: &IssuerRecord) -> Result<()> {
        let path = self.store.root.join(ISSUER_DIR).join(ISSUER_FILE);
        record.check().map_err(|why| corrupt(&path, why))?;
        self.write(&path, record)?;
        self.issuer = Some(record.clone());
        Ok(())
    }

    fn issuer_key(&mut self, kid: &str) -> Result<Zeroizing<Vec<u8>>> {
        match self.issuer_keys.get(kid) {
            Some(Some(bytes)) => Ok(bytes.clone()),
            Some(None) => Err(StoreError::Unavailable {
                why: format!("no issuer key `{kid}`"),
            }),
            None => self.store.read_issuer_key(kid),
        }
    }

    fn put_issuer_key(&mut self, kid: &str, private: &[u8]) -> Result<()> {
        use base64::Engine as _;
        let path = self.rel(&self.store.issuer_key_path(kid)?)?;
        self.step(JournalStep::WriteBytes {
            path,
            base64: base64::engine::general_purpose::STANDARD.encode(private),
        });
        self.issuer_keys
            .insert(kid.to_owned(), Some(Zeroizing::new(private.to_vec())));
        Ok(())
    }

    fn delete_issuer_key(&mut self, kid: &str) -> Result<bool> {
        let path = self.store.issuer_key_path(kid)?;
        let existed = match self.issuer_keys.get(kid) {
            Some(written) => written.is_some(),
            None => on_disk(&path),
        };
        self.issuer_keys.insert(kid.to_owned(), None);
        self.remove(&path, existed)
    }
}
