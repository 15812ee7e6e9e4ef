//! An in-memory store with the file store's semantics (revisions, conflicts, errors), for the
//! unit tests of other modules.

use std::collections::BTreeMap;
use std::ops::Bound::{Excluded, Unbounded};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, MutexGuard};

use super::engine::{
    Engine, Found, Listed, Page, PolicyKey, ReadOnly, Result, Tx, key_holders_among,
};
use super::{Listing, Scope, StoreError};
use crate::identity::{Name, Namespace, Reference};
use crate::issued::{IssuerRecord, TokenFile};
use crate::keys::ModulusDigest;
use crate::model::{Account, NamespaceRecord, Policy, PolicyScope};
use zeroize::Zeroizing;

/// A registry that lives as long as the value.
#[derive(Debug, Default)]
pub struct MemoryStore {
    records: Mutex<Records>,
    /// Bumped when a transaction that wrote something commits, before its mutex is let go.
    generation: AtomicU64,
}

#[derive(Clone, Debug, Default)]
struct Records {
    /// `Reference` orders by namespace, then name: the listing order.
    accounts: BTreeMap<Reference, Account>,
    /// `PolicyScope` orders global first, then by namespace: the listing order.
    policies: BTreeMap<(PolicyScope, Name), Policy>,
    issuer: Option<IssuerRecord>,
    issuer_keys: BTreeMap<String, Zeroizing<Vec<u8>>>,
    tokens: BTreeMap<Reference, TokenFile>,
    namespaces: BTreeMap<Namespace, NamespaceRecord>,
    /// A transaction's copy has been written to (a `put_*` or `delete_*` was called).
    wrote: bool,
    /// For a transaction's copy: the engine's generation when it was made (`Tx::generation`).
    generation: u64,
    /// A transaction's copy holds nothing a reader decides on (`Tx::unversioned`).
    unversioned: bool,
}

impl MemoryStore {
    pub fn new() -> MemoryStore {
        MemoryStore::default()
    }

    fn records(&self) -> MutexGuard<'_, Records> {
        // A panic in another test thread must not poison every later call.
        self.records.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// Reads take the mutex and read as a transaction does.
impl Engine for MemoryStore {
    /// On a copy of the records, under the mutex: the copy replaces them when `work` succeeds.
    fn atomically(&self, work: &mut dyn FnMut(&mut dyn Tx) -> Result<()>) -> Result<()> {
        let mut records = self.records();
        let mut copy = records.clone();
        (copy.wrote, copy.unversioned) = (false, false);
        copy.generation = self.generation.load(Ordering::Acquire);
        work(&mut MemoryTx(&mut copy))?;
        if copy.wrote {
            let bump = !copy.unversioned;
            *records = copy;
            if bump {
                self.generation.fetch_add(1, Ordering::Release);
            }
        }
        Ok(())
    }
    /// Under the mutex, on the records themselves: writers wait, but only for reads in memory.
    fn read_atomically(&self, work: &mut dyn FnMut(&mut dyn Tx) -> Result<()>) -> Result<()> {
        let mut records = self.records();
        // Bumped only under the mutex: the number of the records as they are.
        records.generation = self.generation.load(Ordering::Acquire);
        work(&mut ReadOnly(&mut MemoryTx(&mut records)))
    }
    fn generation(&self) -> u64 {
        self.generation.load(Ordering::Acquire)
    }
    fn read_account(&self, r: &Reference) -> Result<Option<Account>> {
        MemoryTx(&mut self.records()).account(r)
    }
    fn read_accounts(&self, scope: &Scope, page: &Page<Reference>) -> Found<Account> {
        MemoryTx(&mut self.records()).accounts(scope, page)
    }
    fn read_policy(&self, scope: &PolicyScope, name: &Name) -> Result<Option<Policy>> {
        MemoryTx(&mut self.records()).policy(scope, name)
    }
    fn read_policies(&self, scope: &Scope, page: &Page<PolicyKey>) -> Found<Policy> {
        MemoryTx(&mut self.records()).policies(scope, page)
    }
    fn read_namespace(&self, ns: &Namespace) -> Result<Option<NamespaceRecord>> {
        MemoryTx(&mut self.records()).namespace(ns)
    }
    fn read_namespaces(&self, scope: &Scope, page: &Page<Namespace>) -> Found<NamespaceRecord> {
        MemoryTx(&mut self.records()).namespaces(scope, page)
    }
    fn read_issuer(&self) -> Result<Option<IssuerRecord>> {
        MemoryTx(&mut self.records()).issuer()
    }
    fn read_issuer_key(&self, kid: &str) -> Result<Zeroizing<Vec<u8>>> {
        MemoryTx(&mut self.records()).issuer_key(kid)
    }
    fn read_tokens(&self, r: &Reference) -> Result<Option<TokenFile>> {
        MemoryTx(&mut self.records()).tokens(r)
    }
    fn read_all_tokens(&self) -> Result<Vec<TokenFile>> {
        MemoryTx(&mut self.records()).all_tokens()
    }
}

/// The records of `scope` on `page`, from a map ordered by their key.
fn listing<T: Listed>(
    records: &BTreeMap<T::Key, T>,
    scope: &Scope,
    page: &Page<T::Key>,
) -> Listing<T, StoreError> {
    let after = page.after.as_ref().map_or(Unbounded, Excluded);
    Listing {
        items: records
            .range((after, Unbounded))
            .map(|(_, t)| t)
            .filter(|t| scope.covers(t.namespace()))
            .take(page.limit.unwrap_or(usize::MAX))
            .cloned()
            .collect(),
        errors: vec![],
    }
}

/// A transaction of the memory engine: the copy of the records it changes.
struct MemoryTx<'a>(&'a mut Records);

impl Tx for MemoryTx<'_> {
    fn generation(&mut self) -> Result<u64> {
        Ok(self.0.generation)
    }
    fn unversioned(&mut self) {
        self.0.unversioned = true;
    }
    fn account(&mut self, r: &Reference) -> Result<Option<Account>> {
        Ok(self.0.accounts.get(r).cloned())
    }
    fn accounts(&mut self, scope: &Scope, page: &Page<Reference>) -> Found<Account> {
        Ok(listing(&self.0.accounts, scope, page))
    }
    fn put_account(&mut self, account: &Account) -> Result<()> {
        self.0.wrote = true;
        self.0.accounts.insert(account.reference(), account.clone());
        Ok(())
    }
    fn delete_account(&mut self, r: &Reference) -> Result<bool> {
        self.0.wrote = true;
        Ok(self.0.accounts.remove(r).is_some())
    }
    fn key_holders(
        &mut self,
        kid: &str,
        modulus: Option<&ModulusDigest>,
    ) -> Result<Vec<Reference>> {
        // A BTreeMap by reference: in the listing's order.
        Ok(key_holders_among(self.0.accounts.values(), kid, modulus))
    }
    fn policy(&mut self, scope: &PolicyScope, name: &Name) -> Result<Option<Policy>> {
        Ok(self.0.policies.get(&(scope.clone(), name.clone())).cloned())
    }
    fn policies(&mut self, scope: &Scope, page: &Page<PolicyKey>) -> Found<Policy> {
        Ok(listing(&self.0.policies, scope, page))
    }
    fn put_policy(&mut self, policy: &Policy) -> Result<()> {
        self.0.wrote = true;
        self.0
            .policies
            .insert((policy.scope(), policy.name.clone()), policy.clone());
        Ok(())
    }
    fn delete_policy(&mut self, scope: &PolicyScope, name: &Name) -> Result<bool> {
        self.0.wrote = true;
        Ok(self
            .0
            .policies
            .remove(&(scope.clone(), name.clone()))
            .is_some())
    }
    fn namespace(&mut self, ns: &Namespace) -> Result<Option<NamespaceRecord>> {
        Ok(self.0.namespaces.get(ns).cloned())
    }
    fn namespaces(&mut self, scope: &Scope, page: &Page<Namespace>) -> Found<NamespaceRecord> {
        Ok(listing(&self.0.namespaces, scope, page))
    }
    fn put_namespace(&mut self, record: &NamespaceRecord) -> Result<()> {
        self.0.wrote = true;
        self.0
            .namespaces
            .insert(record.name.clone(), record.clone());
        Ok(())
    }
    fn delete_namespace(&mut self, ns: &Namespace) -> Result<bool> {
        self.0.wrote = true;
        Ok(self.0.namespaces.remove(ns).is_some())
    }
    fn tokens(&mut self, r: &Reference) -> Result<Option<TokenFile>> {
        Ok(self.0.tokens.get(r).cloned())
    }
    fn all_tokens(&mut self) -> Result<Vec<TokenFile>> {
        Ok(self.0.tokens.values().cloned().collect())
    }
    fn put_tokens(&mut self, r: &Reference, file: &TokenFile) -> Result<()> {
        self.0.wrote = true;
        self.0.tokens.insert(r.clone(), file.clone());
        Ok(())
    }
    fn delete_tokens(&mut self, r: &Reference) -> Result<bool> {
        self.0.wrote = true;
        Ok(self.0.tokens.remove(r).is_some())
    }
    fn issuer(&mut self) -> Result<Option<IssuerRecord>> {
        Ok(self.0.issuer.clone())
    }
    fn put_issuer(&mut self, record: &IssuerRecord) -> Result<()> {
        self.0.wrote = true;
        self.0.issuer = Some(record.clone());
        Ok(())
    }
    fn issuer_key(&mut self, kid: &str) -> Result<Zeroizing<Vec<u8>>> {
        self.0
            .issuer_keys
            .get(kid)
            .cloned()
            .ok_or_else(|| StoreError::Unavailable {
                why: format!("no issuer key `{kid}`"),
            })
    }
    fn put_issuer_key(&mut self, kid: &str, private: &[u8]) -> Result<()> {
        self.0.wrote = true;
        self.0
            .issuer_keys
            .insert(kid.to_owned(), Zeroizing::new(private.to_vec()));
        Ok(())
    }
    fn delete_issuer_key(&mut self, kid: &str) -> Result<bool> {
        self.0.wrote = true;
        Ok(self.0.issuer_keys.remove(kid).is_some())
    }
}

/// Checks every store must pass; `file.rs` runs them on a `FileStore` too.
#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::error::UserError;
    use crate::identity::Namespace;
    use crate::model::{KeyRecord, new_uid};
    use crate::store::Store;
    use anyhow::Result;

    /// What a `Hooked` engine is reading.
    pub(crate) enum Read<'a> {
        /// An account, just read: `meanwhile` runs before the record is answered.
        Account(&'a Reference),
        /// An issuer key, about to be read.
        IssuerKey,
    }

    /// What another writer does meanwhile, on the engine under the `Hooked` one.
    pub(crate) type Meanwhile = Box<dyn Fn(Read<'_>, &MemoryStore) + Send + Sync>;

    /// The memory engine, with `meanwhile` run at its lock-free reads of accounts and issuer
    /// keys: another writer between a read and what follows it (the transaction that writes
    /// what was decided on the read), for the tests of what happens then.
    pub(crate) struct Hooked {
        pub(crate) inner: MemoryStore,
        pub(crate) meanwhile: Meanwhile,
    }

    impl Engine for Hooked {
        fn atomically(
            &self,
            work: &mut dyn FnMut(&mut dyn Tx) -> Result<(), StoreError>,
        ) -> Result<(), StoreError> {
            self.inner.atomically(work)
        }
        fn read_atomically(
            &self,
            work: &mut dyn FnMut(&mut dyn Tx) -> Result<(), StoreError>,
        ) -> Result<(), StoreError> {
            self.inner.read_atomically(work)
        }
        fn generation(&self) -> u64 {
            self.inner.generation()
        }
        fn read_account(&self, r: &Reference) -> Result<Option<Account>, StoreError> {
            let read = self.inner.read_account(r);
            (self.meanwhile)(Read::Account(r), &self.inner);
            read
        }
        fn read_accounts(&self, scope: &Scope, page: &Page<Reference>) -> Found<Account> {
            self.inner.read_accounts(scope, page)
        }
        fn read_policy(
            &self,
            scope: &PolicyScope,
            name: &Name,
        ) -> Result<Option<Policy>, StoreError> {
            self.inner.read_policy(scope, name)
        }
        fn read_policies(&self, scope: &Scope, page: &Page<PolicyKey>) -> Found<Policy> {
            self.inner.read_policies(scope, page)
        }
        fn read_namespace(&self, ns: &Namespace) -> Result<Option<NamespaceRecord>, StoreError> {
            self.inner.read_namespace(ns)
        }
        fn read_namespaces(&self, scope: &Scope, page: &Page<Namespace>) -> Found<NamespaceRecord> {
            self.inner.read_namespaces(scope, page)
        }
        fn read_issuer(&self) -> Result<Option<IssuerRecord>, StoreError> {
            self.inner.read_issuer()
        }
        fn read_issuer_key(&self, kid: &str) -> Result<Zeroizing<Vec<u8>>, StoreError> {
            (self.meanwhile)(Read::IssuerKey, &self.inner);
            self.inner.read_issuer_key(kid)
        }
        fn read_tokens(&self, r: &Reference) -> Result<Option<TokenFile>, StoreError> {
            self.inner.read_tokens(r)
        }
        fn read_all_tokens(&self) -> Result<Vec<TokenFile>, StoreError> {
            self.inner.read_all_tokens()
        }
    }

    pub(crate) fn ns(s: &str) -> Namespace {
        Namespace::parse(s).unwrap()
    }

    pub(crate) fn name(s: &str) -> Name {
        Name::parse(s).unwrap()
    }

    pub(crate) fn reference(s: &str) -> Reference {
        Reference::parse_canonical(s).unwrap()
    }

    /// A fresh account for `reference`; its revision is deliberately not 1.
    pub(crate) fn account(r: &str) -> Account {
        let r = reference(r);
        // One public key belongs to one account: each fixture has its own kid.
        let kid = format!("kid-{}", r.to_string().replace('/', "-"));
        let now: jiff::Timestamp = "2024-05-01T12:00:00Z".parse().unwrap();
        Account {
            labels: Default::default(),
            name: r.name,
            namespace: r.namespace,
            uid: new_uid(),
            revision: 7,
            description: "a \"quoted\" description\nwith two lines".into(),
            groups: vec!["builders".into()],
            disabled: false,
            created: now,
            updated: now,
            renamed: None,
            expires: None,
            impersonates: None,
            keys: vec![KeyRecord {
                kid,
                fingerprint: "SHA256:abc".into(),
                bits: 2048,
                algorithm: Default::default(),
                created: now,
                public_key: "-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----\n".into(),
            }],
        }
    }

    /// A fresh policy; `scope` is `None` for a global one.
    pub(crate) fn policy(scope: Option<&str>, n: &str) -> Policy {
        let now: jiff::Timestamp = "2024-05-01T12:00:00Z".parse().unwrap();
        Policy {
            labels: Default::default(),
            name: name(n),
            namespace: scope.map(ns),
            uid: new_uid(),
            revision: 0,
            description: String::new(),
            subjects: vec!["ci-bot".into(), "group:builders".into()],
            actions: vec!["deploy".into()],
            resources: vec!["*".into()],
            created: now,
            updated: now,
        }
    }

    // What a server does on the record it authorized (`crate::server`): pinned writes.
    fn add_key_pinned(store: &dyn Store, read: &Account, key: KeyRecord) -> Result<Account> {
        let engine = store.engine().expect("a local store");
        crate::registry::accounts::add_key(engine, &read.reference(), &key, Some(read))
    }
    fn issue_token_pinned(
        store: &dyn Store,
        read: &Account,
        req: &crate::issued::IssueRequest,
    ) -> Result<crate::issued::IssuedToken> {
        crate::registry::tokens::issue_pinned(
            store.engine().expect("a local store"),
            read,
            req,
            false,
        )
    }
    fn regenerate_token_pinned(
        store: &dyn Store,
        read: &Account,
        token: &Name,
    ) -> Result<crate::issued::IssuedToken> {
        crate::registry::tokens::regenerate_pinned(
            store.engine().expect("a local store"),
            read,
            token,
        )
    }
    fn rename_with_grants_pinned(
        store: &dyn Store,
        read: &Account,
        to: &Name,
    ) -> Result<crate::api::Renamed> {
        let engine = store.engine().expect("a local store");
        crate::registry::accounts::rename(engine, &read.reference(), to, Some(read))
    }
    fn rename_account_pinned(store: &dyn Store, read: &Account, to: &Name) -> Result<Account> {
        match rename_with_grants_pinned(store, read, to)?.account {
            crate::api::Shown::Record(a) => Ok(a),
            crate::api::Shown::Reference(_) => anyhow::bail!("a store answered with a reference"),
        }
    }

    /// `rename_with_grants`, and the renamed account.
    pub(crate) fn rename_account(
        store: &dyn Store,
        from: &Reference,
        to: &Name,
    ) -> Result<Account> {
        match store.rename_with_grants(from, to)?.account {
            crate::api::Shown::Record(a) => Ok(a),
            crate::api::Shown::Reference(_) => anyhow::bail!("a store answered with a reference"),
        }
    }

    pub(crate) fn user_error(e: &anyhow::Error) -> &UserError {
        e.downcast_ref::<UserError>()
            .unwrap_or_else(|| panic!("not a UserError: {e:#}"))
    }

    fn refs(listing: &Listing<Account>) -> Vec<String> {
        listing
            .items
            .iter()
            .map(|a| a.reference().to_string())
            .collect()
    }

    fn policy_keys(listing: &Listing<Policy>) -> Vec<String> {
        listing
            .items
            .iter()
            .map(|p| format!("{}:{}", p.scope(), p.name))
            .collect()
    }

    /// The shared contract of `Store`, on an empty store.
    pub(crate) fn conformance(store: &dyn Store) {
        accounts(store);
        policies(store);
        recreated_records_are_not_overwritten(store);
        namespaces(store);
        token_records_follow_the_stored_account(store);
        retired_keys_go_with_the_last_account_that_needed_them(store);
        one_public_key_belongs_to_one_account(store);
        pinned_writes_go_to_the_record_read_or_nowhere(store);
        labels_are_kept_and_selected(store);
    }

    /// Labels are stored as written and changed by a modify; `select_*` lists what `list_*`
    /// lists of the scope, only the records the selector matches (issue 16).
    fn labels_are_kept_and_selected(store: &dyn Store) {
        use crate::labels::{Labels, Selector};
        let labels = |pairs: &[(&str, &str)]| -> Labels {
            pairs
                .iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                .collect()
        };
        let sel = |s: &str| Selector::parse(s).unwrap();
        let scope = Scope::Namespace(ns("lab"));
        for (r, l) in [
            ("lab/a", labels(&[("tier", "build"), ("env", "prod")])),
            ("lab/b", labels(&[("tier", "deploy")])),
            ("lab/c", Labels::new()),
        ] {
            store
                .create_account(Account {
                    labels: l,
                    ..account(r)
                })
                .unwrap();
        }
        let picked = |s: &str| -> Vec<String> {
            let l = store.select_accounts(&scope, &sel(s)).unwrap();
            l.items.iter().map(|a| a.name.to_string()).collect()
        };
        assert_eq!(picked("tier"), ["a", "b"]);
        assert_eq!(picked("tier!=build"), ["b", "c"]);
        assert_eq!(picked("env in (prod),tier=build"), ["a"]);
        assert_eq!(picked(""), ["a", "b", "c"]);
        assert_eq!(
            store.get_account(&reference("lab/a")).unwrap().labels,
            labels(&[("env", "prod"), ("tier", "build")])
        );
        store
            .modify_account(&reference("lab/c"), &mut |a| {
                a.labels.insert("tier".into(), "test".into());
                Ok(())
            })
            .unwrap();
        assert_eq!(picked("tier in (test)"), ["c"]);

        store
            .create_policy(Policy {
                labels: labels(&[("tier", "deploy")]),
                ..policy(Some("lab"), "p1")
            })
            .unwrap();
        store.create_policy(policy(Some("lab"), "p2")).unwrap();
        let l = store.select_policies(&scope, &sel("!tier")).unwrap();
        let names: Vec<&str> = l.items.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["p2"]);

        store
            .create_namespace(&ns("lab"), false, labels(&[("lab-team", "x")]))
            .unwrap();
        let l = store.select_namespaces(&sel("lab-team=x")).unwrap();
        let names: Vec<&str> = l.items.iter().map(|n| n.name.as_str()).collect();
        assert_eq!(names, ["lab"]);
        assert!(
            store
                .select_namespaces(&sel("lab-team=y"))
                .unwrap()
                .items
                .is_empty()
        );
    }

    /// A key or token for the account exactly as it was read (and authorized on): another
    /// account renamed onto the name, a re-created one or a change in between refuses the
    /// write, and nothing is written.
    fn pinned_writes_go_to_the_record_read_or_nowhere(store: &dyn Store) {
        use crate::issued::IssueRequest;
        let r = reference("pinned");
        let key = |kid: &str| KeyRecord {
            kid: kid.to_owned(),
            ..account("pinned").keys[0].clone()
        };
        let req = |n: &str| IssueRequest {
            name: name(n),
            expires: None,
            audiences: vec![],
            labels: Default::default(),
        };
        let kids = |r: &Reference| -> Vec<String> {
            let a = store.get_account(r).unwrap();
            a.keys.into_iter().map(|k| k.kid).collect()
        };
        let tokens = |r: &Reference| -> Vec<String> {
            let listed = store.list_tokens(r).unwrap();
            listed.into_iter().map(|t| t.name.to_string()).collect()
        };
        let read = store.create_account(account("pinned")).unwrap();
        let added = add_key_pinned(store, &read, key("kid-2")).unwrap();
        assert_eq!(added.revision, read.revision + 1);
        assert_eq!(kids(&r), ["kid-pinned", "kid-2"]);
        // `read` is one revision behind now: refused, nothing written
        let e = add_key_pinned(store, &read, key("kid-3")).unwrap_err();
        assert!(matches!(user_error(&e), UserError::Conflict { .. }), "{e}");
        let e = issue_token_pinned(store, &read, &req("t")).unwrap_err();
        assert!(matches!(user_error(&e), UserError::Conflict { .. }), "{e}");
        assert_eq!(kids(&r), ["kid-pinned", "kid-2"]);
        assert!(tokens(&r).is_empty());
        // on the record as it is: a token, and regenerating it (the account's revision stays)
        issue_token_pinned(store, &added, &req("t")).unwrap();
        regenerate_token_pinned(store, &added, &name("t")).unwrap();
        assert_eq!(tokens(&r), ["t"]);
        assert_eq!(store.get_account(&r).unwrap().revision, added.revision);
        // a group given meanwhile: regenerating for the record read before is refused
        let grouped = store
            .modify_account(&r, &mut |a| {
                a.groups.push("managers".into());
                Ok(())
            })
            .unwrap();
        let e = regenerate_token_pinned(store, &added, &name("t")).unwrap_err();
        assert!(matches!(user_error(&e), UserError::Conflict { .. }), "{e}");
        // another account renamed onto the name: neither a key nor a token reaches it
        rename_account(store, &r, &name("pinned-old")).unwrap();
        store.create_account(account("intruder")).unwrap();
        rename_account(store, &reference("intruder"), &name("pinned")).unwrap();
        let e = add_key_pinned(store, &grouped, key("kid-4")).unwrap_err();
        assert!(matches!(user_error(&e), UserError::Replaced { .. }), "{e}");
        let e = issue_token_pinned(store, &grouped, &req("u")).unwrap_err();
        assert!(matches!(user_error(&e), UserError::Replaced { .. }), "{e}");
        assert_eq!(kids(&r), ["kid-intruder"]);
        assert!(tokens(&r).is_empty());
        // and once the name is free, nothing is written either
        store.delete_account(&r).unwrap();
        let e = add_key_pinned(store, &grouped, key("kid-5")).unwrap_err();
        assert!(
            matches!(user_error(&e), UserError::UnknownAccount { .. }),
            "{e}"
        );
        let e = issue_token_pinned(store, &grouped, &req("v")).unwrap_err();
        assert!(
            matches!(user_error(&e), UserError::UnknownAccount { .. }),
            "{e}"
        );
        assert!(store.get_account(&r).is_err());

        // A rename, likewise: not of a record read before a change, nor of another account
        // renamed onto the name.
        let old = reference("pinned-old");
        let read = store.get_account(&old).unwrap();
        let changed = store
            .modify_account(&old, &mut |a| {
                a.description = "changed".into();
                Ok(())
            })
            .unwrap();
        let e = rename_with_grants_pinned(store, &read, &name("pinned-new")).unwrap_err();
        assert!(matches!(user_error(&e), UserError::Conflict { .. }), "{e}");
        rename_account(store, &old, &name("pinned-gone")).unwrap();
        store.create_account(account("pinned-old")).unwrap();
        let e = rename_account_pinned(store, &changed, &name("pinned-new")).unwrap_err();
        assert!(matches!(user_error(&e), UserError::Replaced { .. }), "{e}");
        assert!(store.get_account(&reference("pinned-new")).is_err());
        let moved = rename_with_grants_pinned(
            store,
            &store.get_account(&old).unwrap(),
            &name("pinned-new"),
        )
        .unwrap();
        assert_eq!(moved.account.reference(), reference("pinned-new"));
        for n in ["pinned-new", "pinned-gone"] {
            store.delete_account(&reference(n)).unwrap();
        }
    }

    /// A key registered to one account is refused for any other (create and key add), naming
    /// the holder; a rename notes when the account got its new name.
    fn one_public_key_belongs_to_one_account(store: &dyn Store) {
        let holder = store.create_account_checked(account("key-holder")).unwrap();
        let taken = holder.keys[0].clone();
        let copy = Account {
            keys: vec![taken.clone()],
            ..account("key-copier")
        };
        let e = store.create_account_checked(copy).unwrap_err();
        assert!(
            matches!(user_error(&e), UserError::KeyTaken { kid, holder } if *kid == taken.kid && holder == "key-holder"),
            "{e:#}"
        );
        assert!(store.get_account(&reference("key-copier")).is_err());
        store.create_account_checked(account("key-adder")).unwrap();
        let e = store
            .add_key(&reference("key-adder"), taken.clone())
            .unwrap_err();
        assert!(
            matches!(user_error(&e), UserError::KeyTaken { .. }),
            "{e:#}"
        );
        assert_eq!(
            store
                .get_account(&reference("key-adder"))
                .unwrap()
                .keys
                .len(),
            1
        );
        let e = store.add_key(&reference("key-holder"), taken).unwrap_err();
        assert!(
            matches!(user_error(&e), UserError::KeyExists { .. }),
            "{e:#}"
        );
        assert_eq!(holder.renamed, None);
        let moved = rename_account(store, &reference("key-holder"), &name("key-keeper")).unwrap();
        assert!(moved.renamed.is_some_and(|t| t > holder.created));
        assert_eq!(moved.created, holder.created);
        for n in ["key-keeper", "key-adder"] {
            store.delete_account(&reference(n)).unwrap();
        }
    }

    /// Namespace records, and creating and deleting a namespace with its contents.
    fn namespaces(store: &dyn Store) {
        let team = ns("team");
        let child = ns("team/app");
        assert!(store.namespace_exists(&ns("default")).unwrap());
        assert!(!store.namespace_exists(&team).unwrap());
        let e = store.get_namespace(&team).unwrap_err();
        assert!(matches!(user_error(&e), UserError::UnknownNamespace { .. }));
        let e = store
            .create_account_checked(account("team/bot"))
            .unwrap_err();
        assert_eq!(
            e.to_string(),
            "namespace `team` does not exist (create it with `svcacct namespace create team`)"
        );
        let e = store
            .create_policy_checked(policy(Some("team/app"), "p"))
            .unwrap_err();
        assert_eq!(
            e.to_string(),
            "namespace `team/app` does not exist (create it with `svcacct namespace create team/app`)"
        );
        assert!(
            store
                .get_policy(&PolicyScope::Namespace(child.clone()), &name("p"))
                .is_err()
        );
        let e = store
            .create_namespace(&child, true, Default::default())
            .unwrap_err();
        assert!(
            e.to_string().contains("a namespace needs its parent"),
            "{e}"
        );

        let made = store
            .create_namespace(&team, true, Default::default())
            .unwrap();
        assert_eq!(made.namespace.revision, 1);
        assert!(!made.adopted);
        let names: Vec<String> = made
            .accounts
            .iter()
            .map(|a| a.reference().to_string())
            .collect();
        assert_eq!(names, ["team/builder", "team/deployer", "team/default"]);
        assert!(
            made.accounts
                .iter()
                .all(|a| a.record().is_some_and(|a| a.keys.is_empty()))
        );
        let names: Vec<String> = made.policies.iter().map(|p| p.name().to_string()).collect();
        assert_eq!(names, ["image-builders", "deployers", "image-pullers"]);
        let e = store
            .create_namespace(&team, false, Default::default())
            .unwrap_err();
        assert!(matches!(user_error(&e), UserError::NamespaceExists { .. }));

        store
            .create_namespace(&child, false, Default::default())
            .unwrap();
        store
            .create_account_checked(account("team/app/bot"))
            .unwrap();
        store
            .create_policy_checked(policy(Some("team/app"), "p"))
            .unwrap();
        let listed: Vec<String> = store
            .list_namespaces()
            .unwrap()
            .items
            .iter()
            .map(|r| r.name.to_string())
            .collect();
        assert_eq!(listed, ["team", "team/app"]);

        let e = store.delete_namespace(&ns("default")).unwrap_err();
        assert!(e.to_string().contains("cannot be deleted"), "{e}");
        let gone = store.delete_namespace(&team).unwrap();
        assert_eq!(gone.namespaces, [team.clone(), child.clone()]);
        assert_eq!(gone.accounts.len(), 4);
        assert_eq!(gone.policies.len(), 4);
        assert!(store.list_namespaces().unwrap().items.is_empty());
        for n in [&team, &child] {
            let scope = Scope::Namespace(n.clone());
            assert!(store.list_accounts(&scope).unwrap().items.is_empty());
            assert!(store.list_policies(&scope).unwrap().items.is_empty());
        }
        let e = store.delete_namespace(&team).unwrap_err();
        assert!(matches!(user_error(&e), UserError::UnknownNamespace { .. }));
    }

    /// Deleting or renaming an account takes its token records, and with them the need for a
    /// retired issuer key: the key's private half must not linger until some later change.
    fn retired_keys_go_with_the_last_account_that_needed_them(store: &dyn Store) {
        use crate::issued::IssueRequest;
        let b = store.engine().expect("a local store keeps its issuer");
        let req = IssueRequest {
            name: name("t"),
            expires: None,
            audiences: vec![],
            labels: Default::default(),
        };
        let kids = || -> Vec<String> {
            let issuer = b.read_issuer().unwrap().unwrap();
            issuer.keys.into_iter().map(|k| k.kid).collect()
        };
        store.create_account(account("holder")).unwrap();
        store.create_account(account("mover")).unwrap();
        let (holder, mover) = (reference("holder"), reference("mover"));
        let first = store.issue_token(&holder, &req).unwrap().record.kid;
        store
            .rotate_issuer(None, &crate::issued::RotateRequest::at_once())
            .unwrap();
        let second = store.issue_token(&mover, &req).unwrap().record.kid;
        store
            .rotate_issuer(None, &crate::issued::RotateRequest::at_once())
            .unwrap();
        assert_eq!(kids().len(), 3);
        store.delete_account(&holder).unwrap();
        assert!(!kids().contains(&first), "{:?}", kids());
        assert!(b.read_issuer_key(&first).is_err());
        rename_account(store, &mover, &name("moved")).unwrap();
        assert!(!kids().contains(&second), "{:?}", kids());
        assert_eq!(kids().len(), 1);
        store.delete_account(&reference("moved")).unwrap();
    }

    /// Token records are written for the account stored under the name now, never for one
    /// that is gone: `tokens create` reads the account before it takes the lock, and a delete
    /// or rename in between must not leave records that an account of the same name (or this
    /// one, renamed back: same uid) would find.
    fn token_records_follow_the_stored_account(store: &dyn Store) {
        use crate::issued::{TokenFile, TokenRecord};
        let b = store.engine().expect("a local store keeps its tokens");
        let r = reference("racer");
        let file = |uid: &str| TokenFile {
            account_uid: uid.to_owned(),
            tokens: vec![TokenRecord {
                name: name("t"),
                id: "jti-1".into(),
                kid: "kid-1".into(),
                created: jiff::Timestamp::now(),
                expires: None,
                last_used: None,
                audiences: vec![],
                labels: Default::default(),
            }],
        };
        let gone = store.create_account(account("racer")).unwrap().uid;
        store.delete_account(&r).unwrap();
        let e = crate::registry::tokens::write_tokens(b, &r, &mut |_, _, _| Ok(Some(file(&gone))))
            .unwrap_err();
        assert!(
            matches!(user_error(&e), UserError::UnknownAccount { .. }),
            "{e}"
        );
        assert_eq!(b.read_tokens(&r).unwrap(), None);
        let now = store.create_account(account("racer")).unwrap().uid;
        let e = crate::registry::tokens::write_tokens(b, &r, &mut |_, _, _| Ok(Some(file(&gone))))
            .unwrap_err();
        assert!(matches!(user_error(&e), UserError::Replaced { .. }), "{e}");
        assert_eq!(b.read_tokens(&r).unwrap(), None);
        crate::registry::tokens::write_tokens(b, &r, &mut |_, _, _| Ok(Some(file(&now)))).unwrap();
        let stored = b.read_tokens(&r).unwrap().unwrap();
        assert_eq!((stored.account_uid, stored.tokens.len()), (now, 1));
        store.delete_account(&r).unwrap();
        assert_eq!(b.read_tokens(&r).unwrap(), None);
    }

    /// A record read before it was deleted and created again must not overwrite the new one,
    /// even when the new one has reached the same revision.
    fn recreated_records_are_not_overwritten(store: &dyn Store) {
        let r = reference("phoenix");
        let old = store.create_account(account("phoenix")).unwrap();
        store.delete_account(&r).unwrap();
        let new = store.create_account(account("phoenix")).unwrap();
        assert_eq!(old.revision, new.revision);
        let e = store.update_account(old).unwrap_err();
        assert!(matches!(user_error(&e), UserError::Replaced { .. }), "{e}");
        assert_eq!(
            e.to_string(),
            "service account `phoenix` was deleted and created again since it was read; nothing was written, run the command again"
        );
        assert_eq!(store.get_account(&r).unwrap(), new);

        let p = policy(None, "phoenix");
        let old = store.create_policy(p.clone()).unwrap();
        store.delete_policy(&old.scope(), &old.name).unwrap();
        let new = store.create_policy(policy(None, "phoenix")).unwrap();
        let e = store.update_policy(old).unwrap_err();
        assert!(matches!(user_error(&e), UserError::Replaced { .. }), "{e}");
        assert_eq!(store.get_policy(&new.scope(), &new.name).unwrap(), new);
        store.delete_account(&r).unwrap();
        store.delete_policy(&new.scope(), &new.name).unwrap();
    }

    fn accounts(store: &dyn Store) {
        let ci = reference("ci-bot");
        let e = store.get_account(&ci).unwrap_err();
        assert!(matches!(user_error(&e), UserError::UnknownAccount { .. }));
        assert_eq!(
            e.to_string(),
            "unknown service account `ci-bot` in namespace `default` (see `svcacct get`)"
        );
        let empty = store.list_accounts(&Scope::All).unwrap();
        assert!(empty.items.is_empty() && empty.errors.is_empty());

        // create: revision 1, returned as stored, refused twice
        let mut wanted = account("ci-bot");
        let created = store.create_account(wanted.clone()).unwrap();
        wanted.revision = 1;
        assert_eq!(created, wanted);
        assert_eq!(store.get_account(&ci).unwrap(), wanted);
        let e = store.create_account(account("ci-bot")).unwrap_err();
        assert!(matches!(user_error(&e), UserError::AccountExists { .. }));
        assert_eq!(store.get_account(&ci).unwrap(), wanted);

        for r in [
            "eng/platform/deployer",
            "eng/builder",
            "eng/a",
            "zeta",
            "eng-x/a",
        ] {
            store.create_account(account(r)).unwrap();
        }
        // sorted by namespace, then name
        assert_eq!(
            refs(&store.list_accounts(&Scope::All).unwrap()),
            [
                "ci-bot",
                "zeta",
                "eng/a",
                "eng/builder",
                "eng-x/a",
                "eng/platform/deployer"
            ]
        );
        // a namespace, not its children
        let eng = store.list_accounts(&Scope::Namespace(ns("eng"))).unwrap();
        assert_eq!(refs(&eng), ["eng/a", "eng/builder"]);
        assert!(eng.errors.is_empty());
        let none = store.list_accounts(&Scope::Namespace(ns("nope"))).unwrap();
        assert!(none.items.is_empty() && none.errors.is_empty());

        // update: revision + 1; a stale one conflicts and changes nothing
        let mut read = store.get_account(&ci).unwrap();
        read.description = "first".into();
        let updated = store.update_account(read.clone()).unwrap();
        assert_eq!(updated.revision, 2);
        assert_eq!(store.get_account(&ci).unwrap(), updated);
        read.description = "stale".into();
        let e = store.update_account(read).unwrap_err();
        match user_error(&e) {
            UserError::Conflict {
                what,
                expected,
                found,
            } => {
                assert_eq!(what, "service account `ci-bot`");
                assert_eq!((*expected, *found), (1, 2));
            }
            other => panic!("{other:?}"),
        }
        assert!(super::super::is_conflict(&e));
        assert_eq!(store.get_account(&ci).unwrap(), updated);
        let mut stale = store.get_account(&reference("eng/a")).unwrap();
        stale.revision = 5;
        let e = store.update_account(stale).unwrap_err();
        assert!(e.to_string().starts_with(
            "service account `eng/a` was changed by someone else since it was read \
             (expected revision 5, found 1)"
        ));
        let e = store.update_account(account("ghost")).unwrap_err();
        assert!(matches!(user_error(&e), UserError::UnknownAccount { .. }));

        // modify: the default read-change-write
        let modified = store
            .modify_account(&ci, &mut |a| {
                a.groups.push("deployers".into());
                Ok(())
            })
            .unwrap();
        assert_eq!(modified.revision, 3);
        assert_eq!(modified.groups, ["builders", "deployers"]);
        assert!(modified.updated > updated.updated);
        assert_eq!(store.get_account(&ci).unwrap(), modified);

        // rename: within the namespace, refused onto an existing name
        let e = rename_account(store, &ci, &name("zeta")).unwrap_err();
        assert!(matches!(user_error(&e), UserError::AccountExists { .. }));
        assert_eq!(store.get_account(&ci).unwrap(), modified);
        let e = rename_account(store, &reference("ghost"), &name("x")).unwrap_err();
        assert!(matches!(user_error(&e), UserError::UnknownAccount { .. }));
        let renamed = rename_account(store, &ci, &name("ci-robot")).unwrap();
        assert_eq!(renamed.reference(), reference("ci-robot"));
        assert_eq!(renamed.uid, modified.uid);
        assert_eq!(renamed.revision, 4);
        assert_eq!(renamed.keys, modified.keys);
        assert_eq!(store.get_account(&reference("ci-robot")).unwrap(), renamed);
        let e = store.get_account(&ci).unwrap_err();
        assert!(matches!(user_error(&e), UserError::UnknownAccount { .. }));
        let moved = rename_account(store, &reference("eng/a"), &name("b")).unwrap();
        assert_eq!(moved.reference(), reference("eng/b"));

        // delete
        store.delete_account(&reference("ci-robot")).unwrap();
        let e = store.get_account(&reference("ci-robot")).unwrap_err();
        assert!(matches!(user_error(&e), UserError::UnknownAccount { .. }));
        let e = store.delete_account(&reference("ci-robot")).unwrap_err();
        assert!(matches!(user_error(&e), UserError::UnknownAccount { .. }));
        assert_eq!(
            refs(&store.list_accounts(&Scope::All).unwrap()),
            [
                "zeta",
                "eng/b",
                "eng/builder",
                "eng-x/a",
                "eng/platform/deployer"
            ]
        );
    }

    fn policies(store: &dyn Store) {
        let global = PolicyScope::Global;
        let eng = PolicyScope::Namespace(ns("eng"));
        let e = store.get_policy(&global, &name("deploy")).unwrap_err();
        assert!(matches!(user_error(&e), UserError::UnknownPolicy { .. }));
        assert_eq!(
            e.to_string(),
            "unknown policy `deploy` in the global scope (see `svcacct policy get`)"
        );
        assert!(store.list_policies(&Scope::All).unwrap().items.is_empty());

        // the same name in two scopes is two policies
        let mut wanted = policy(None, "deploy");
        let created = store.create_policy(wanted.clone()).unwrap();
        wanted.revision = 1;
        assert_eq!(created, wanted);
        assert_eq!(store.get_policy(&global, &name("deploy")).unwrap(), wanted);
        store.create_policy(policy(Some("eng"), "deploy")).unwrap();
        store.create_policy(policy(Some("eng"), "audit")).unwrap();
        store
            .create_policy(policy(Some("eng/platform"), "read"))
            .unwrap();
        store.create_policy(policy(Some("dev"), "read")).unwrap();
        store.create_policy(policy(None, "admin")).unwrap();
        let e = store
            .create_policy(policy(Some("eng"), "deploy"))
            .unwrap_err();
        assert!(matches!(user_error(&e), UserError::PolicyExists { .. }));
        assert_eq!(
            e.to_string(),
            "policy `deploy` already exists in namespace `eng`"
        );

        // global first, then by namespace and name
        assert_eq!(
            policy_keys(&store.list_policies(&Scope::All).unwrap()),
            [
                "the global scope:admin",
                "the global scope:deploy",
                "namespace `dev`:read",
                "namespace `eng`:audit",
                "namespace `eng`:deploy",
                "namespace `eng/platform`:read",
            ]
        );
        assert_eq!(
            policy_keys(&store.list_policies(&Scope::Namespace(ns("eng"))).unwrap()),
            ["namespace `eng`:audit", "namespace `eng`:deploy"]
        );

        // update and conflict
        let mut read = store.get_policy(&eng, &name("deploy")).unwrap();
        read.actions.push("rollback".into());
        let updated = store.update_policy(read.clone()).unwrap();
        assert_eq!(updated.revision, 2);
        assert_eq!(store.get_policy(&eng, &name("deploy")).unwrap(), updated);
        let e = store.update_policy(read).unwrap_err();
        match user_error(&e) {
            UserError::Conflict {
                what,
                expected,
                found,
            } => {
                assert_eq!(what, "policy `deploy`");
                assert_eq!((*expected, *found), (1, 2));
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(store.get_policy(&eng, &name("deploy")).unwrap(), updated);
        assert_eq!(store.get_policy(&global, &name("deploy")).unwrap(), wanted);
        let e = store.update_policy(policy(None, "ghost")).unwrap_err();
        assert!(matches!(user_error(&e), UserError::UnknownPolicy { .. }));

        let modified = store
            .modify_policy(&eng, &name("deploy"), &mut |p| {
                p.subjects.push("eng/*".into());
                Ok(())
            })
            .unwrap();
        assert_eq!(modified.revision, 3);
        assert_eq!(modified.subjects.last().unwrap(), "eng/*");

        // delete
        store.delete_policy(&eng, &name("deploy")).unwrap();
        let e = store.get_policy(&eng, &name("deploy")).unwrap_err();
        assert!(matches!(user_error(&e), UserError::UnknownPolicy { .. }));
        let e = store.delete_policy(&eng, &name("deploy")).unwrap_err();
        assert!(matches!(user_error(&e), UserError::UnknownPolicy { .. }));
        assert_eq!(store.get_policy(&global, &name("deploy")).unwrap(), wanted);
    }

    #[test]
    fn memory_store_conforms() {
        conformance(&MemoryStore::new());
        crate::store::conformance::engine_conforms(&MemoryStore::new());
        crate::store::conformance::copy_conforms(&MemoryStore::new(), &MemoryStore::new());
    }

    #[test]
    fn concurrent_modifications_are_all_kept() {
        let store = MemoryStore::new();
        store.create_account(account("shared")).unwrap();
        let r = reference("shared");
        std::thread::scope(|s| {
            for i in 0..8 {
                let (store, r) = (&store, &r);
                s.spawn(move || {
                    store
                        .modify_account(r, &mut |a| {
                            a.groups.push(format!("g{i}"));
                            Ok(())
                        })
                        .unwrap();
                });
            }
        });
        let a = store.get_account(&r).unwrap();
        assert_eq!(a.revision, 9);
        for i in 0..8 {
            assert!(a.groups.contains(&format!("g{i}")));
        }
    }
}
