//! A write that a decision made outside any transaction allowed, kept to that decision.
//!
//! A server decides "may this caller do this?" on records it reads one by one, outside any
//! transaction, some of them from its read cache (`store::cached`): the account as it is now,
//! the policies as of the cache's generation. While another transaction commits (the file
//! engine applying its journal, another replica's commit not yet notified) those reads can
//! mix the registry before and after it: an account found under its new name while the
//! grants that followed it are still seen under the old one. A decision on such a mix is not
//! the decision on any state the registry was ever in.
//!
//! [`Decided`] wraps the engine the write runs on. Its transactions (read-only ones too:
//! `Engine::read_atomically`) compare the generation (`Tx::generation`) with the one read
//! before the decision's first read: equal, and nothing a decision reads was committed since
//! (no transaction commits while another runs, one in progress then has bumped it by now, and
//! a token's last use bumps nothing: `Tx::unversioned`), so the decision stands. Otherwise the decision is made again inside
//! the transaction, on the policies as it sees them, and a decision that no longer holds
//! refuses the write as a conflict of its own (`StoreError::RegistryChanged`, a 409 that says
//! so, not a record's revision): the server reads and decides again
//! (`server::authz::on_the_record`). Each workflow still pins the records it decided on by uid
//! and revision itself (`store::errors::pinned_refusal`).

use std::sync::Arc;

use zeroize::Zeroizing;

use crate::identity::{Name, Namespace, Reference};
use crate::issued::{IssuerRecord, TokenFile};
use crate::model::{Account, NamespaceRecord, Policy, PolicyScope};
use crate::store::engine::{Found, Page, PolicyKey, PoolUsage, Result, Tx, pass_on};
use crate::store::{Engine, Scope, StoreError};

/// Decides again on the policies as a transaction sees them: `true` when the decision holds.
pub type Again = Arc<dyn Fn(&[Policy]) -> bool + Send + Sync>;

/// `inner`, whose transactions first check that the decision made at `generation` still holds.
pub struct Decided<'a> {
    inner: &'a dyn Engine,
    generation: u64,
    again: Again,
}

impl<'a> Decided<'a> {
    /// `generation` must have been read (`Engine::generation`) before anything the decision
    /// was made on.
    pub fn new(inner: &'a dyn Engine, generation: u64, again: Again) -> Decided<'a> {
        Decided {
            inner,
            generation,
            again,
        }
    }

    fn holds(&self, tx: &mut dyn Tx) -> Result<()> {
        let now = tx.generation()?;
        if now == self.generation {
            return Ok(());
        }
        let policies = tx.policies(&Scope::All, &Page::ALL)?.items;
        if (self.again)(&policies) {
            return Ok(());
        }
        Err(StoreError::RegistryChanged)
    }
}

/// Everything but `atomically` and `read_atomically` is `inner`'s.
impl Engine for Decided<'_> {
    fn atomically(&self, work: &mut dyn FnMut(&mut dyn Tx) -> Result<()>) -> Result<()> {
        self.inner.atomically(&mut |tx| {
            self.holds(tx)?;
            work(tx)
        })
    }
    fn read_atomically(&self, work: &mut dyn FnMut(&mut dyn Tx) -> Result<()>) -> Result<()> {
        self.inner.read_atomically(&mut |tx| {
            self.holds(tx)?;
            work(tx)
        })
    }
    pass_on! { inner:
        fn generation(&self) -> u64;
        fn check(&self) -> Result<()>;
        fn pool(&self) -> Option<PoolUsage>;
        fn read_account(&self, r: &Reference) -> Result<Option<Account>>;
        fn read_accounts(&self, scope: &Scope, page: &Page<Reference>) -> Found<Account>;
        fn read_policy(&self, scope: &PolicyScope, name: &Name) -> Result<Option<Policy>>;
        fn read_policies(&self, scope: &Scope, page: &Page<PolicyKey>) -> Found<Policy>;
        fn read_namespace(&self, ns: &Namespace) -> Result<Option<NamespaceRecord>>;
        fn read_namespaces(&self, scope: &Scope, page: &Page<Namespace>) -> Found<NamespaceRecord>;
        fn read_issuer(&self) -> Result<Option<IssuerRecord>>;
        fn read_issuer_key(&self, kid: &str) -> Result<Zeroizing<Vec<u8>>>;
        fn read_tokens(&self, r: &Reference) -> Result<Option<TokenFile>>;
        fn read_all_tokens(&self) -> Result<Vec<TokenFile>>;
        fn policy_snapshot(&self) -> Result<Arc<Vec<Policy>>>;
        fn cached_policies(&self) -> Option<Arc<Vec<Policy>>>;
        fn cached_account(&self, r: &Reference) -> Option<Arc<Account>>;
        fn cached_tokens(&self, r: &Reference) -> Option<Arc<TokenFile>>;
    }
    fn forget_tokens(&self, r: &Reference) {
        self.inner.forget_tokens(r)
    }
}
