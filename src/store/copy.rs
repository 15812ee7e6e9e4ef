//! `svcacct store copy`: every record of one registry written into another, over the `Engine`
//! and `Tx` primitives only, so any two engines can be copied between (docs/ARCHITECTURE.md,
//! "The store").
//!
//! The source is read in one transaction (a consistent picture: no write of another process
//! lands half-way through it), the destination written in one, so a failure anywhere leaves the
//! destination as it was. Records keep their uids and revisions: a copy is the same registry,
//! and a token that verified against the source verifies against the copy. Before the
//! destination's transaction commits, every record is read back through it and compared with
//! the source's; once committed, it is read again, outside the transaction.

use anyhow::Result;
use zeroize::Zeroizing;

use super::Scope;
use super::engine::{Engine, Listing, Page, Tx, WorkError, atomically};
use super::errors::StoreError;
use crate::error::UserError;
use crate::identity::Reference;
use crate::model::{Account, IssuerRecord, NamespaceRecord, Policy, TokenFile};

/// Every record of a registry, in a canonical order (whatever order an engine lists them in):
/// what a copy writes, and what two registries are compared by.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Records {
    /// By namespace, then name.
    pub accounts: Vec<Account>,
    /// Global ones first, then by namespace; then by name.
    pub policies: Vec<Policy>,
    /// By name.
    pub namespaces: Vec<NamespaceRecord>,
    /// The issued-token records, by the reference of the account they are kept under.
    pub tokens: Vec<(Reference, TokenFile)>,
    pub issuer: Option<IssuerRecord>,
    /// The private halves of the issuer's keys (PKCS#8 PEM or an HMAC secret), by kid.
    pub issuer_keys: Vec<(String, Zeroizing<Vec<u8>>)>,
}

/// The issuer's private keys are never shown, only their kids.
impl std::fmt::Debug for Records {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Records")
            .field("accounts", &self.accounts)
            .field("policies", &self.policies)
            .field("namespaces", &self.namespaces)
            .field("tokens", &self.tokens)
            .field("issuer", &self.issuer)
            .field(
                "issuer_keys",
                &self
                    .issuer_keys
                    .iter()
                    .map(|(kid, _)| format!("{kid}: <redacted>"))
                    .collect::<Vec<_>>(),
            )
            .finish()
    }
}

/// How many records of each kind: what `store copy` reports.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub accounts: usize,
    /// The public keys of every account.
    pub keys: usize,
    pub policies: usize,
    pub namespaces: usize,
    pub issuer: bool,
    pub issuer_keys: usize,
    /// Token files (one per account that has issued tokens) and the tokens in them.
    pub token_files: usize,
    pub tokens: usize,
}

impl Records {
    pub fn counts(&self) -> Counts {
        Counts {
            accounts: self.accounts.len(),
            keys: self.accounts.iter().map(|a| a.keys.len()).sum(),
            policies: self.policies.len(),
            namespaces: self.namespaces.len(),
            issuer: self.issuer.is_some(),
            issuer_keys: self.issuer_keys.len(),
            token_files: self.tokens.len(),
            tokens: self.tokens.iter().map(|(_, f)| f.tokens.len()).sum(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.counts() == Counts::default()
    }
}

impl std::fmt::Display for Counts {
    /// `2 accounts (3 keys), 1 policy, 1 namespace, the issuer (2 keys), 1 token file (2
    /// tokens)`, leaving out the kinds there are none of; `nothing` for none at all.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        fn n(count: usize, one: &str, many: &str) -> String {
            format!("{count} {}", if count == 1 { one } else { many })
        }
        let mut parts = vec![];
        if self.accounts > 0 {
            parts.push(format!(
                "{} ({})",
                n(self.accounts, "account", "accounts"),
                n(self.keys, "key", "keys")
            ));
        }
        if self.policies > 0 {
            parts.push(n(self.policies, "policy", "policies"));
        }
        if self.namespaces > 0 {
            parts.push(n(self.namespaces, "namespace", "namespaces"));
        }
        if self.issuer {
            parts.push(format!(
                "the issuer ({})",
                n(self.issuer_keys, "key", "keys")
            ));
        }
        if self.token_files > 0 {
            parts.push(format!(
                "{} ({})",
                n(self.token_files, "token file", "token files"),
                n(self.tokens, "issued token", "issued tokens")
            ));
        }
        if parts.is_empty() {
            return f.write_str("nothing");
        }
        f.write_str(&parts.join(", "))
    }
}

/// A listing's items, or its first unreadable record as the error.
fn readable<T>(listing: Listing<T, StoreError>) -> Result<Vec<T>, StoreError> {
    match listing.errors.into_iter().next() {
        Some(e) => Err(e),
        None => Ok(listing.items),
    }
}

/// Every record that `tx` sees, in the canonical order. An unreadable record fails the call:
/// a copy that left it out would not be the registry. Token files are found by account (the
/// only place the registry keeps them, `store::check_token_owner`); a file kept under no
/// account, which no workflow writes, fails the call too rather than being left behind.
pub fn read_all(tx: &mut dyn Tx) -> Result<Records, WorkError> {
    let mut accounts = readable(tx.accounts(&Scope::All, &Page::ALL)?)?;
    accounts.sort_by_key(Account::reference);
    let mut policies = readable(tx.policies(&Scope::All, &Page::ALL)?)?;
    policies.sort_by(|a, b| (a.scope(), &a.name).cmp(&(b.scope(), &b.name)));
    let mut namespaces = readable(tx.namespaces(&Scope::All, &Page::ALL)?)?;
    namespaces.sort_by(|a, b| a.name.cmp(&b.name));
    let mut tokens = vec![];
    for a in &accounts {
        let r = a.reference();
        if let Some(file) = tx.tokens(&r)? {
            tokens.push((r, file));
        }
    }
    let every_file = tx.all_tokens()?.len();
    if every_file > tokens.len() {
        let stray = every_file - tokens.len();
        return Err(UserError::Failure(format!(
            "{stray} token file{} of the store belong{} to no account: a copy would leave {} \
             behind (in a file store, tokens/<namespace>/<name>.toml without \
             accounts/<namespace>/<name>.toml); remove {} and try again",
            if stray == 1 { "" } else { "s" },
            if stray == 1 { "s" } else { "" },
            if stray == 1 { "it" } else { "them" },
            if stray == 1 { "it" } else { "them" },
        ))
        .into());
    }
    let issuer = tx.issuer()?;
    let mut issuer_keys = vec![];
    if let Some(record) = &issuer {
        for k in &record.keys {
            issuer_keys.push((k.kid.clone(), tx.issuer_key(&k.kid)?));
        }
    }
    issuer_keys.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(Records {
        accounts,
        policies,
        namespaces,
        tokens,
        issuer,
        issuer_keys,
    })
}

/// Every record of `engine`, read in one transaction.
pub fn dump(engine: &dyn Engine) -> Result<Records> {
    atomically(engine, read_all)
}

/// What to do with a destination that holds records.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Existing {
    /// Refuse it (`UserError::Failure` naming what it holds).
    Refuse,
    /// Remove its records, in the same transaction as the copy's writes.
    Replace,
}

/// What a copy found and did.
#[derive(Debug)]
pub struct Copied {
    pub copied: Counts,
    /// What the destination held before (all of it replaced); nothing unless `Existing::Replace`.
    pub replaced: Counts,
}

/// Copies every record of `from` into `to`, in one transaction of each, and compares what
/// `to` holds afterwards with what was read. `source` and `destination` name them in messages.
/// A source without records is refused: it is more likely a mistyped name than a registry,
/// and with `Existing::Replace` it would empty the destination.
pub fn copy(
    from: &dyn Engine,
    to: &dyn Engine,
    existing: Existing,
    source: &str,
    destination: &str,
) -> Result<Copied> {
    let records = dump(from)?;
    if records.is_empty() {
        return Err(UserError::Failure(format!(
            "the source {source} holds no records: nothing to copy (check --from)"
        ))
        .into());
    }
    let replaced = atomically(to, |tx| {
        let before = read_all(tx).map_err(|e| {
            let e = anyhow::Error::from(e);
            UserError::Failure(format!(
                "cannot read the destination {destination}, so nothing was copied: {e:#}"
            ))
        })?;
        if !before.is_empty() {
            if existing == Existing::Refuse {
                return Err(UserError::Failure(format!(
                    "the destination {destination} is not empty (it holds {}): `store copy` \
                     fills an empty store; pass --overwrite to replace everything it holds \
                     with the source's records",
                    before.counts()
                ))
                .into());
            }
            remove_all(tx, &before, &records, destination)?;
        }
        write_all(tx, &records)?;
        let written = read_all(tx)?;
        if written != records {
            return Err(differs(
                destination,
                "in the copy's transaction; nothing was written",
            )
            .into());
        }
        Ok(before.counts())
    })?;
    if dump(to)? != records {
        return Err(differs(destination, "after the copy was written"));
    }
    Ok(Copied {
        copied: records.counts(),
        replaced,
    })
}

fn differs(destination: &str, when: &str) -> anyhow::Error {
    UserError::Failure(format!(
        "the records of {destination} differ from the source's {when}: report this as a bug"
    ))
    .into()
}

/// Removes `before`, every record of a destination, except the issuer when `records` has one
/// to put in its place (no engine removes an issuer record: a destination with an issuer is
/// replaced only by a source with one).
fn remove_all(tx: &mut dyn Tx, before: &Records, records: &Records, to: &str) -> Result<()> {
    if before.issuer.is_some() && records.issuer.is_none() {
        return Err(UserError::Failure(format!(
            "the destination {to} has a token issuer and the source has none: an issuer \
             cannot be removed, so the destination cannot become a copy of the source; copy \
             into an empty store instead"
        ))
        .into());
    }
    for a in &before.accounts {
        tx.delete_account(&a.reference())?;
    }
    for p in &before.policies {
        tx.delete_policy(&p.scope(), &p.name)?;
    }
    for n in &before.namespaces {
        tx.delete_namespace(&n.name)?;
    }
    for (r, _) in &before.tokens {
        tx.delete_tokens(r)?;
    }
    for (kid, _) in &before.issuer_keys {
        tx.delete_issuer_key(kid)?;
    }
    Ok(())
}

/// Writes `records` as they are: uids and revisions included. Namespaces first, then what is
/// in them; the issuer's keys before the record that names them.
pub fn write_all(tx: &mut dyn Tx, records: &Records) -> Result<()> {
    for n in &records.namespaces {
        tx.put_namespace(n)?;
    }
    for a in &records.accounts {
        tx.put_account(a)?;
    }
    for p in &records.policies {
        tx.put_policy(p)?;
    }
    for (r, file) in &records.tokens {
        tx.put_tokens(r, file)?;
    }
    for (kid, bytes) in &records.issuer_keys {
        tx.put_issuer_key(kid, bytes)?;
    }
    if let Some(issuer) = &records.issuer {
        tx.put_issuer(issuer)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::identity::{Name, Namespace};
    use crate::model::PolicyScope;
    use crate::store::conformance::fill;
    use crate::store::engine::{Found, PolicyKey};
    use crate::store::memory::MemoryStore;
    use crate::store::memory::tests::{account, reference};

    type Result<T, E = StoreError> = std::result::Result<T, E>;

    /// A memory engine whose transactions fail at their `writes`-th write.
    struct FailsAt {
        inner: MemoryStore,
        writes: usize,
    }

    struct FailingTx<'a> {
        inner: &'a mut dyn Tx,
        left: usize,
    }

    impl FailingTx<'_> {
        fn write(&mut self) -> Result<()> {
            self.left -= 1;
            if self.left == 0 {
                return Err(StoreError::Unavailable {
                    why: "the disk is full".into(),
                });
            }
            Ok(())
        }
    }

    impl Tx for FailingTx<'_> {
        fn generation(&mut self) -> Result<u64> {
            self.inner.generation()
        }
        fn unversioned(&mut self) {
            self.inner.unversioned()
        }
        fn account(&mut self, r: &Reference) -> Result<Option<Account>> {
            self.inner.account(r)
        }
        fn accounts(&mut self, scope: &Scope, page: &Page<Reference>) -> Found<Account> {
            self.inner.accounts(scope, page)
        }
        fn put_account(&mut self, account: &Account) -> Result<()> {
            self.write()?;
            self.inner.put_account(account)
        }
        fn delete_account(&mut self, r: &Reference) -> Result<bool> {
            self.write()?;
            self.inner.delete_account(r)
        }
        fn key_holders(
            &mut self,
            kid: &str,
            modulus: Option<&crate::keys::ModulusDigest>,
        ) -> Result<Vec<Reference>> {
            self.inner.key_holders(kid, modulus)
        }
        fn policy(&mut self, scope: &PolicyScope, name: &Name) -> Result<Option<Policy>> {
            self.inner.policy(scope, name)
        }
        fn policies(&mut self, scope: &Scope, page: &Page<PolicyKey>) -> Found<Policy> {
            self.inner.policies(scope, page)
        }
        fn put_policy(&mut self, policy: &Policy) -> Result<()> {
            self.write()?;
            self.inner.put_policy(policy)
        }
        fn delete_policy(&mut self, scope: &PolicyScope, name: &Name) -> Result<bool> {
            self.write()?;
            self.inner.delete_policy(scope, name)
        }
        fn namespace(&mut self, ns: &Namespace) -> Result<Option<NamespaceRecord>> {
            self.inner.namespace(ns)
        }
        fn namespaces(&mut self, scope: &Scope, page: &Page<Namespace>) -> Found<NamespaceRecord> {
            self.inner.namespaces(scope, page)
        }
        fn put_namespace(&mut self, record: &NamespaceRecord) -> Result<()> {
            self.write()?;
            self.inner.put_namespace(record)
        }
        fn delete_namespace(&mut self, ns: &Namespace) -> Result<bool> {
            self.write()?;
            self.inner.delete_namespace(ns)
        }
        fn tokens(&mut self, r: &Reference) -> Result<Option<TokenFile>> {
            self.inner.tokens(r)
        }
        fn all_tokens(&mut self) -> Result<Vec<TokenFile>> {
            self.inner.all_tokens()
        }
        fn put_tokens(&mut self, r: &Reference, file: &TokenFile) -> Result<()> {
            self.write()?;
            self.inner.put_tokens(r, file)
        }
        fn delete_tokens(&mut self, r: &Reference) -> Result<bool> {
            self.write()?;
            self.inner.delete_tokens(r)
        }
        fn issuer(&mut self) -> Result<Option<IssuerRecord>> {
            self.inner.issuer()
        }
        fn put_issuer(&mut self, record: &IssuerRecord) -> Result<()> {
            self.write()?;
            self.inner.put_issuer(record)
        }
        fn issuer_key(&mut self, kid: &str) -> Result<Zeroizing<Vec<u8>>> {
            self.inner.issuer_key(kid)
        }
        fn put_issuer_key(&mut self, kid: &str, private: &[u8]) -> Result<()> {
            self.write()?;
            self.inner.put_issuer_key(kid, private)
        }
        fn delete_issuer_key(&mut self, kid: &str) -> Result<bool> {
            self.write()?;
            self.inner.delete_issuer_key(kid)
        }
    }

    impl Engine for FailsAt {
        fn atomically(&self, work: &mut dyn FnMut(&mut dyn Tx) -> Result<()>) -> Result<()> {
            let writes = self.writes;
            self.inner.atomically(&mut |tx| {
                work(&mut FailingTx {
                    inner: tx,
                    left: writes,
                })
            })
        }
        fn read_atomically(&self, work: &mut dyn FnMut(&mut dyn Tx) -> Result<()>) -> Result<()> {
            self.inner.read_atomically(work)
        }
        fn generation(&self) -> u64 {
            self.inner.generation()
        }
        fn read_account(&self, r: &Reference) -> Result<Option<Account>> {
            self.inner.read_account(r)
        }
        fn read_accounts(&self, scope: &Scope, page: &Page<Reference>) -> Found<Account> {
            self.inner.read_accounts(scope, page)
        }
        fn read_policy(&self, scope: &PolicyScope, name: &Name) -> Result<Option<Policy>> {
            self.inner.read_policy(scope, name)
        }
        fn read_policies(&self, scope: &Scope, page: &Page<PolicyKey>) -> Found<Policy> {
            self.inner.read_policies(scope, page)
        }
        fn read_namespace(&self, ns: &Namespace) -> Result<Option<NamespaceRecord>> {
            self.inner.read_namespace(ns)
        }
        fn read_namespaces(&self, scope: &Scope, page: &Page<Namespace>) -> Found<NamespaceRecord> {
            self.inner.read_namespaces(scope, page)
        }
        fn read_issuer(&self) -> Result<Option<IssuerRecord>> {
            self.inner.read_issuer()
        }
        fn read_issuer_key(&self, kid: &str) -> Result<Zeroizing<Vec<u8>>> {
            self.inner.read_issuer_key(kid)
        }
        fn read_tokens(&self, r: &Reference) -> Result<Option<TokenFile>> {
            self.inner.read_tokens(r)
        }
        fn read_all_tokens(&self) -> Result<Vec<TokenFile>> {
            self.inner.read_all_tokens()
        }
    }

    /// A failure at any write of the copy (the fill writes 13 records) leaves the destination
    /// as it was: empty, or with the records `--overwrite` was to replace.
    #[test]
    fn a_copy_that_fails_half_way_writes_nothing() {
        let from = MemoryStore::new();
        fill(&from);
        for writes in 1..=13 {
            let to = FailsAt {
                inner: MemoryStore::new(),
                writes,
            };
            let e = copy(&from, &to, Existing::Refuse, "a", "b").unwrap_err();
            assert_eq!(e.to_string(), "the disk is full");
            assert!(dump(&to).unwrap().is_empty(), "after {writes} writes");
            assert_eq!(to.generation(), 0);
        }
        let to = FailsAt {
            inner: MemoryStore::new(),
            writes: 14,
        };
        copy(&from, &to, Existing::Refuse, "a", "b").unwrap();
        assert_eq!(dump(&to).unwrap(), dump(&from).unwrap());

        // Replacing: the failure comes among the removals, or among the writes.
        let other = MemoryStore::new();
        atomically(&other, |tx| Ok(tx.put_account(&account("other"))?)).unwrap();
        for writes in [1, 2, 10] {
            let to = FailsAt {
                inner: MemoryStore::new(),
                writes: usize::MAX,
            };
            copy(&other, &to, Existing::Refuse, "other", "b").unwrap();
            let before = dump(&to).unwrap();
            let to = FailsAt { writes, ..to };
            copy(&from, &to, Existing::Replace, "a", "b").unwrap_err();
            assert_eq!(dump(&to).unwrap(), before, "after {writes} writes");
        }
    }

    #[test]
    fn an_empty_source_is_refused() {
        let (from, to) = (MemoryStore::new(), MemoryStore::new());
        let e = copy(&from, &to, Existing::Replace, "a", "b").unwrap_err();
        assert_eq!(
            e.to_string(),
            "the source a holds no records: nothing to copy (check --from)"
        );
    }

    /// A token file kept under no account is not left behind quietly.
    #[test]
    fn a_token_file_of_no_account_is_refused() {
        let from = MemoryStore::new();
        fill(&from);
        let file = atomically(&from, |tx| Ok(tx.tokens(&reference("copy/a"))?)).unwrap();
        atomically(&from, |tx| {
            Ok(tx.put_tokens(&reference("copy/gone"), file.as_ref().unwrap())?)
        })
        .unwrap();
        let to = MemoryStore::new();
        let e = copy(&from, &to, Existing::Refuse, "a", "b").unwrap_err();
        assert_eq!(
            e.to_string(),
            "1 token file of the store belongs to no account: a copy would leave it behind (in \
             a file store, tokens/<namespace>/<name>.toml without accounts/<namespace>/<name>.toml); \
             remove it and try again"
        );
        assert_eq!(to.generation(), 0);
    }

    /// An issuer cannot be removed: a destination with one is not replaced by a source
    /// without one.
    #[test]
    fn an_issuer_is_not_replaced_by_none() {
        let (from, to) = (MemoryStore::new(), MemoryStore::new());
        atomically(&from, |tx| Ok(tx.put_account(&account("a"))?)).unwrap();
        fill(&to);
        let before = dump(&to).unwrap();
        let e = copy(&from, &to, Existing::Replace, "a", "b").unwrap_err();
        assert!(
            e.to_string()
                .starts_with("the destination b has a token issuer and the source has none"),
            "{e}"
        );
        assert_eq!(dump(&to).unwrap(), before);
    }

    #[test]
    fn counts_read_as_a_sentence_and_keys_are_not_shown() {
        let from = MemoryStore::new();
        fill(&from);
        let records = dump(&from).unwrap();
        assert_eq!(
            records.counts().to_string(),
            "3 accounts (3 keys), 3 policies, 2 namespaces, the issuer (2 keys), 2 token files \
             (2 issued tokens)"
        );
        assert_eq!(Counts::default().to_string(), "nothing");
        let shown = format!("{records:?}");
        assert!(shown.contains("new-kid: <redacted>"), "{shown}");
        assert!(!shown.contains("[1, 1, 1"), "{shown}");
    }
}
