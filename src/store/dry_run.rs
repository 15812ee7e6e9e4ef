//! `--dry-run` (issue 16): the registry's workflows (`crate::registry`, written once over
//! `Engine`) run as they would, on records that are never committed. Two ways in:
//!
//! - [`within`], for one piece of work (what `svcacct serve` does for a request with
//!   `?dryRun=All`, `server::blocking::blocking`): the work runs inside one transaction of the
//!   engine, which is then rolled back. Every transaction the workflow opens is that one
//!   ([`InTx`]), so a workflow of several (the issuer made by a first token, then the token)
//!   sees its own earlier writes, and its checks run under the engine's lock on the records as
//!   they are.
//! - [`copy`], for a command (`--dry-run=client`): the registry is read in one transaction and
//!   copied into a `MemoryStore` (`store::copy`), and the command runs on the copy. A command
//!   calls the store several times, which one closure could not hold.

use std::cell::RefCell;

use anyhow::Result;
use zeroize::Zeroizing;

use super::copy::{dump, write_all};
use super::engine::{Engine, Found, Page, PolicyKey, Scope, Tx, atomically};
use super::errors::StoreError;
use super::memory::MemoryStore;
use super::{Store, engine};
use crate::identity::{Name, Namespace, Reference};
use crate::model::{Account, IssuerRecord, NamespaceRecord, Policy, PolicyScope, TokenFile};

/// Runs `work` on the registry of `engine` inside one transaction that is rolled back: `work`'s
/// answer (or its error) is what a real run would give, and nothing is written, not even the
/// generation.
pub fn within<T>(engine: &dyn Engine, work: impl FnOnce(&dyn Store) -> Result<T>) -> Result<T> {
    let mut work = Some(work);
    let mut answer = None;
    let ran = engine.atomically(&mut |tx| {
        // An engine runs the work again only after a failure to commit, which a rolled back
        // transaction never reaches.
        let Some(work) = work.take() else {
            return Err(StoreError::Aborted);
        };
        answer = Some(work(&InTx {
            tx: RefCell::new(tx),
            engine,
        }));
        Err(StoreError::Aborted)
    });
    match (answer, ran) {
        (Some(answer), Err(StoreError::Aborted)) => answer,
        (_, Err(e)) => Err(crate::error::UserError::from(e).into()),
        (_, Ok(())) => Err(anyhow::anyhow!("a dry run's transaction was committed")),
    }
}

/// A copy of every record of `engine`, in memory, to run a command's writes on.
pub fn copy(engine: &dyn Engine) -> Result<MemoryStore> {
    let records = dump(engine)?;
    let memory = MemoryStore::new();
    atomically(&memory, |tx| Ok(write_all(tx, &records)?))?;
    Ok(memory)
}

/// An engine whose reads and transactions are those of one open transaction of another. A
/// transaction of it that fails keeps the writes it made before failing (they are rolled back
/// with the rest): a dry run answers with that failure.
struct InTx<'a, 'b, 'e> {
    tx: RefCell<&'a mut (dyn Tx + 'b)>,
    /// The engine whose transaction it is.
    engine: &'e dyn Engine,
}

impl Engine for InTx<'_, '_, '_> {
    fn atomically(
        &self,
        work: &mut dyn FnMut(&mut dyn Tx) -> engine::Result<()>,
    ) -> engine::Result<()> {
        work(&mut **self.tx.borrow_mut())
    }
    /// In the one transaction too: a dry run's reads see its own writes.
    fn read_atomically(
        &self,
        work: &mut dyn FnMut(&mut dyn Tx) -> engine::Result<()>,
    ) -> engine::Result<()> {
        work(&mut engine::ReadOnly(&mut **self.tx.borrow_mut()))
    }
    /// The engine's: nothing is committed, so a dry run never changes it.
    fn generation(&self) -> u64 {
        self.engine.generation()
    }
    fn read_account(&self, r: &Reference) -> engine::Result<Option<Account>> {
        self.tx.borrow_mut().account(r)
    }
    fn read_accounts(&self, scope: &Scope, page: &Page<Reference>) -> Found<Account> {
        self.tx.borrow_mut().accounts(scope, page)
    }
    fn read_policy(&self, scope: &PolicyScope, name: &Name) -> engine::Result<Option<Policy>> {
        self.tx.borrow_mut().policy(scope, name)
    }
    fn read_policies(&self, scope: &Scope, page: &Page<PolicyKey>) -> Found<Policy> {
        self.tx.borrow_mut().policies(scope, page)
    }
    fn read_namespace(&self, ns: &Namespace) -> engine::Result<Option<NamespaceRecord>> {
        self.tx.borrow_mut().namespace(ns)
    }
    fn read_namespaces(&self, scope: &Scope, page: &Page<Namespace>) -> Found<NamespaceRecord> {
        self.tx.borrow_mut().namespaces(scope, page)
    }
    fn read_issuer(&self) -> engine::Result<Option<IssuerRecord>> {
        self.tx.borrow_mut().issuer()
    }
    fn read_issuer_key(&self, kid: &str) -> engine::Result<Zeroizing<Vec<u8>>> {
        self.tx.borrow_mut().issuer_key(kid)
    }
    fn read_tokens(&self, r: &Reference) -> engine::Result<Option<TokenFile>> {
        self.tx.borrow_mut().tokens(r)
    }
    fn read_all_tokens(&self) -> engine::Result<Vec<TokenFile>> {
        self.tx.borrow_mut().all_tokens()
    }
}

#[cfg(test)]
mod tests {
    use super::within;
    use crate::identity::{Name, Namespace, Reference};
    use crate::issued::IssueRequest;
    use crate::model::Account;
    use crate::store::Store;
    use crate::store::engine::Engine;
    use crate::store::memory::MemoryStore;

    fn ci() -> Reference {
        Reference::new(Namespace::default_ns(), Name::parse("ci").unwrap())
    }

    /// The workflow answers as it would, and the engine holds what it held, generation included.
    #[test]
    fn a_dry_run_answers_and_writes_nothing() {
        let engine = MemoryStore::new();
        let now = jiff::Timestamp::now();
        engine
            .create_account(Account::new(
                Reference::new(Namespace::default_ns(), Name::parse("x").unwrap()),
                now,
            ))
            .unwrap();
        let before = engine.generation();
        let created = within(&engine, |s| {
            // What a decision pinned on the generation reads inside: the engine's.
            assert_eq!(s.engine().unwrap().generation(), before);
            s.create_account(Account::new(ci(), now))
        })
        .unwrap();
        assert_eq!(created.reference(), ci());
        assert_eq!(engine.generation(), before);
        assert!(engine.get_account(&ci()).is_err());
        // A refusal is the workflow's own error, as without the dry run.
        engine.create_account(Account::new(ci(), now)).unwrap();
        let err = within(&engine, |s| s.create_account(Account::new(ci(), now))).unwrap_err();
        let real = engine.create_account(Account::new(ci(), now)).unwrap_err();
        assert_eq!(format!("{err:#}"), format!("{real:#}"));
    }

    /// A workflow of several transactions sees its own earlier writes: the first token of a
    /// store makes the issuer in one, and issues in the next.
    #[test]
    fn a_workflow_of_several_transactions_runs_whole() {
        let engine = MemoryStore::new();
        engine
            .create_account(Account::new(ci(), jiff::Timestamp::now()))
            .unwrap();
        let before = engine.generation();
        let req = IssueRequest {
            name: Name::parse("deploy").unwrap(),
            expires: None,
            audiences: vec![],
            labels: Default::default(),
        };
        let issued = within(&engine, |s| s.issue_token(&ci(), &req)).unwrap();
        assert_eq!(issued.record.name.as_str(), "deploy");
        assert!(engine.read_issuer().unwrap().is_none());
        assert_eq!(engine.generation(), before);
    }
}
