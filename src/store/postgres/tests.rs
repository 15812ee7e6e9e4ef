//! The PostgreSQL engine against a real database: `SVCACCT_TEST_DATABASE_URL` names a
//! database of a cluster where the test may `CREATE DATABASE` (scripts/test starts a
//! throw-away one). Each test makes a database of its own, so they run in parallel. Without
//! the variable a test fails under CI (`CI` set) and is skipped loudly otherwise.

use std::sync::atomic::{AtomicU32, Ordering};

use super::*;
use crate::store::Store;
use crate::store::memory::tests::{account, conformance, reference};

/// A database made for one test, dropped with it.
pub(crate) struct TestDb {
    pub url: PgUrl,
    base: String,
    name: String,
}

impl Drop for TestDb {
    fn drop(&mut self) {
        if let Ok(mut c) = admin(&self.base) {
            let _ = c.batch_execute(&format!(
                "DROP DATABASE IF EXISTS {} WITH (FORCE)",
                self.name
            ));
        }
    }
}

fn admin(base: &str) -> Result<postgres::Client> {
    let url = PgUrl::parse(base)?;
    let (config, tls) = url.connect_config()?;
    Ok(config.connect(tls)?)
}

/// `url` with its database replaced by `db`.
pub(crate) fn with_database(url: &str, db: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((b, q)) => (b, format!("?{q}")),
        None => (url, String::new()),
    };
    let after_scheme = base.find("://").map_or(0, |i| i + 3);
    let authority_end = base[after_scheme..]
        .find('/')
        .map_or(base.len(), |i| after_scheme + i);
    format!("{}/{db}{query}", &base[..authority_end])
}

/// A new, empty database (no schema) for one test, or `None` (skipped) without a cluster.
pub(crate) fn empty_database() -> Option<TestDb> {
    let Ok(base) = std::env::var("SVCACCT_TEST_DATABASE_URL") else {
        assert!(
            std::env::var_os("CI").is_none(),
            "SVCACCT_TEST_DATABASE_URL is not set under CI: the PostgreSQL tests must run \
             (scripts/test starts a throw-away cluster when PostgreSQL is installed)"
        );
        crate::errln!(
            "\n*** SKIPPED: a PostgreSQL test, since SVCACCT_TEST_DATABASE_URL is not set \
             (scripts/test sets it when PostgreSQL's initdb is installed) ***\n"
        );
        return None;
    };
    static N: AtomicU32 = AtomicU32::new(0);
    let name = format!(
        "svcacct_unit_{}_{}_{}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed),
        crate::model::new_uid()[..8].to_owned()
    );
    admin(&base)
        .and_then(|mut c| Ok(c.batch_execute(&format!("CREATE DATABASE {name}"))?))
        .expect("CREATE DATABASE on SVCACCT_TEST_DATABASE_URL");
    Some(TestDb {
        url: PgUrl::parse(&with_database(&base, &name)).unwrap(),
        base,
        name,
    })
}

/// A migrated database and an engine on it.
fn engine(kek: Option<Kek>) -> Option<(TestDb, PgEngine)> {
    let db = empty_database()?;
    migrate(&db.url).unwrap();
    let engine = PgEngine::open(&db.url, kek, 4).unwrap();
    Some((db, engine))
}

fn kek(byte: u8) -> Kek {
    Kek::from_text(&[byte; 64], "test").unwrap()
}

#[test]
fn postgres_store_conforms() {
    let Some((_db, engine)) = engine(Some(kek(b'a'))) else {
        return;
    };
    conformance(&engine);
    let Some((_db, engine)) = self::engine(Some(kek(b'a'))) else {
        return;
    };
    crate::store::conformance::engine_conforms(&engine);
}

/// `store copy` into and out of PostgreSQL: file → postgres → file gives the same records.
#[test]
fn copies_to_and_from_postgres_conform() {
    use crate::store::conformance::copy_conforms;
    use crate::store::file::FileStore;
    let Some((_db, pg)) = engine(Some(kek(b'a'))) else {
        return;
    };
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    copy_conforms(&FileStore::open(a.path().join("store")), &pg);
    let Some((_db, pg)) = engine(Some(kek(b'a'))) else {
        return;
    };
    copy_conforms(&pg, &FileStore::open(b.path().join("store")));
}

/// `/readyz` asks the database; `/metrics` shows the pool.
#[test]
fn check_and_pool_answer_from_the_database() {
    let Some((db, pg)) = engine(None) else {
        return;
    };
    pg.check().unwrap();
    let usage = pg.pool().unwrap();
    assert_eq!(usage.max, 4);
    assert!(usage.open >= 1 && usage.idle <= usage.open, "{usage:?}");
    drop(db);
}

#[test]
fn a_schema_older_or_newer_than_known_is_refused_with_what_to_do() {
    let Some(db) = empty_database() else {
        return;
    };
    let e = PgEngine::open(&db.url, None, 1).unwrap_err();
    assert_eq!(
        e.to_string(),
        format!(
            "the database at {0} has no svcacct schema; this svcacct needs version {1}: run \
             `svcacct --store {0} store migrate`",
            db.url,
            known_schema()
        )
    );
    assert_eq!(migrate(&db.url).unwrap(), (0, known_schema(), false));
    assert_eq!(
        migrate(&db.url).unwrap(),
        (known_schema(), known_schema(), false)
    );
    PgEngine::open(&db.url, None, 1).unwrap();
    let mut c = admin(&db.url.to_string()).unwrap();
    c.execute(
        "INSERT INTO refinery_schema_history (version, name, applied_on, checksum) \
         VALUES ($1, 'from-the-future', '', '0')",
        &[&(known_schema() as i32 + 1)],
    )
    .unwrap();
    let e = PgEngine::open(&db.url, None, 1).unwrap_err();
    assert_eq!(
        e.to_string(),
        format!(
            "the database at {} has schema version {}, newer than this svcacct knows ({}): \
             upgrade svcacct",
            db.url,
            known_schema() + 1,
            known_schema()
        )
    );
}

/// Issuer keys are sealed with the KEK: the database holds no clear bytes; a wrong KEK and a
/// missing one are refused with what to do.
#[test]
fn issuer_keys_are_sealed_with_the_kek() {
    let Some((db, engine)) = engine(Some(kek(b'a'))) else {
        return;
    };
    let secret = b"an HMAC secret of thirty-two bytes or more";
    crate::store::engine::atomically(&engine, |tx| Ok(tx.put_issuer_key("k1", secret)?)).unwrap();
    let mut c = admin(&db.url.to_string()).unwrap();
    let sealed: Vec<u8> = c
        .query_one("SELECT sealed FROM issuer_keys WHERE kid = 'k1'", &[])
        .unwrap()
        .get(0);
    assert!(!sealed.windows(8).any(|w| secret.windows(8).any(|s| s == w)));
    assert_eq!(engine.read_issuer_key("k1").unwrap().as_slice(), secret);

    let wrong = PgEngine::open(&db.url, Some(kek(b'b')), 1).unwrap();
    let e = wrong.read_issuer_key("k1").unwrap_err();
    assert_eq!(
        e.to_string(),
        "the issuer key-encryption key from test is not the one this registry's issuer keys \
         are encrypted with: give every replica the same key"
    );
    let e = crate::store::engine::atomically(&wrong, |tx| Ok(tx.put_issuer_key("k2", secret)?))
        .unwrap_err();
    assert!(e.to_string().contains("is not the one"), "{e}");

    let none = PgEngine::open(&db.url, None, 1).unwrap();
    let e = none.read_issuer_key("k1").unwrap_err();
    assert_eq!(e.to_string(), kek::KEK_ADVICE);
    // Everything but issuer keys works without it.
    none.create_account(account("no-kek")).unwrap();
}

/// Deleting an account deletes its issued tokens (the foreign key), and tokens cannot name an
/// account that is not there.
#[test]
fn issued_tokens_go_with_their_account() {
    let Some((_db, engine)) = engine(None) else {
        return;
    };
    let a = engine.create_account(account("holder")).unwrap();
    let file = TokenFile {
        account_uid: a.uid.clone(),
        tokens: vec![crate::issued::TokenRecord {
            name: crate::store::memory::tests::name("t"),
            id: "jti".into(),
            kid: "k".into(),
            created: jiff::Timestamp::now(),
            expires: None,
            last_used: None,
            audiences: vec![],
            labels: Default::default(),
        }],
    };
    let r = reference("holder");
    crate::store::engine::atomically(&engine, |tx| Ok(tx.put_tokens(&r, &file)?)).unwrap();
    crate::store::engine::atomically(&engine, |tx| Ok(tx.delete_account(&r).map(drop)?)).unwrap();
    assert_eq!(engine.read_tokens(&r).unwrap(), None);
    let e =
        crate::store::engine::atomically(&engine, |tx| Ok(tx.put_tokens(&r, &file)?)).unwrap_err();
    assert!(e.to_string().contains("foreign key"), "{e}");
}

/// Writers racing on one account from several threads (several pooled connections): none of
/// their changes is lost.
#[test]
fn racing_updates_are_all_kept() {
    let Some((_db, engine)) = engine(None) else {
        return;
    };
    engine.create_account(account("shared")).unwrap();
    let r = reference("shared");
    std::thread::scope(|s| {
        for i in 0..8 {
            let (engine, r) = (&engine, &r);
            s.spawn(move || {
                engine
                    .modify_account(r, &mut |a| {
                        a.groups.push(format!("g{i}"));
                        Ok(())
                    })
                    .unwrap();
            });
        }
    });
    let a = engine.get_account(&r).unwrap();
    assert_eq!(a.groups.len(), 9, "{:?}", a.groups);
}

/// A write by another process reaches this one's generation through the watcher.
#[test]
fn another_process_write_changes_the_generation() {
    let Some((db, engine)) = engine(None) else {
        return;
    };
    engine.watch_generation(Duration::from_millis(50)).unwrap();
    let other = PgEngine::open(&db.url, None, 1).unwrap();
    let before = engine.generation();
    other.create_account(account("elsewhere")).unwrap();
    let deadline = std::time::Instant::now() + Duration::from_secs(30);
    while engine.generation() == before {
        assert!(std::time::Instant::now() < deadline, "never seen");
        std::thread::sleep(Duration::from_millis(10));
    }
    assert_eq!(engine.generation(), other.generation());
}

/// Without a watcher, another replica's commit is not seen by `generation` until this process's
/// next transaction, which finds it (`Tx::generation`: a decision made before it is made again,
/// `registry::decided`) and brings the process's generation forward.
#[test]
fn a_transaction_sees_another_replica_commit_and_moves_the_generation_forward() {
    let Some((db, engine)) = engine(None) else {
        return;
    };
    let other = PgEngine::open(&db.url, None, 1).unwrap();
    let before = engine.generation();
    other.create_account(account("elsewhere")).unwrap();
    let committed = other.generation();
    assert_ne!(committed, before);
    assert_eq!(engine.generation(), before, "no watcher: not seen yet");
    let mut seen = None;
    engine
        .atomically(&mut |tx| {
            seen = Some(tx.generation()?);
            Ok(())
        })
        .unwrap();
    assert_eq!(seen, Some(committed));
    assert_eq!(engine.generation(), committed);
}

/// A read-only transaction locks no row (a writer's lock of the generation row is granted at
/// once, here asked with `NOWAIT`), and reads one snapshot: a write committed meanwhile, by
/// this engine's pool, is neither in its records nor in its generation.
#[test]
fn a_read_only_transaction_locks_nothing_and_reads_one_snapshot() {
    let Some((db, engine)) = engine(None) else {
        return;
    };
    let r = reference("ci");
    engine.create_account(account("ci")).unwrap();
    let before = engine.generation();
    let (config, tls) = db.url.connect_config().unwrap();
    let mut writer = config.connect(tls).unwrap();
    let mut seen = vec![];
    engine
        .read_atomically(&mut |tx| {
            seen.push((tx.generation()?, tx.account(&r)?.map(|a| a.description)));
            let mut t = writer.transaction().unwrap();
            t.query_one("SELECT value FROM generation FOR UPDATE NOWAIT", &[])
                .expect("the generation's row is not locked");
            t.rollback().unwrap();
            engine
                .modify_account(&r, &mut |a| {
                    a.description = "changed".into();
                    Ok(())
                })
                .unwrap();
            seen.push((tx.generation()?, tx.account(&r)?.map(|a| a.description)));
            Ok(())
        })
        .unwrap();
    let description = Some(account("ci").description);
    assert_eq!(seen, [(before, description.clone()), (before, description)]);
    assert_ne!(engine.generation(), before);
}

/// A transaction that fails half-way in the database rolls back everything it wrote: at a
/// statement (a uid another account holds), even when `work` ignores the error and goes on,
/// and at the commit (an issued token of no account, checked then).
#[test]
fn a_database_failure_half_way_writes_nothing() {
    let Some((_db, engine)) = engine(None) else {
        return;
    };
    let holder = engine.create_account(account("holder")).unwrap();
    let before = engine.generation();
    let (first, mut clash) = (account("first"), account("clash"));
    clash.uid = holder.uid.clone();
    let e = crate::store::engine::atomically(&engine, |tx| {
        tx.put_account(&first)?;
        let ignored = tx.put_account(&clash);
        assert!(ignored.is_err());
        Ok(())
    })
    .unwrap_err();
    assert!(e.to_string().contains("accounts_uid_key"), "{e}");
    for r in ["first", "clash"] {
        assert_eq!(engine.read_account(&reference(r)).unwrap(), None, "{r}");
    }
    let file = TokenFile {
        account_uid: "no-such-uid".into(),
        tokens: vec![crate::issued::TokenRecord {
            name: crate::store::memory::tests::name("t"),
            id: "jti".into(),
            kid: "k".into(),
            created: jiff::Timestamp::now(),
            expires: None,
            last_used: None,
            audiences: vec![],
            labels: Default::default(),
        }],
    };
    let e = crate::store::engine::atomically(&engine, |tx| {
        tx.put_account(&first)?;
        Ok(tx.put_tokens(&reference("ghost"), &file)?)
    })
    .unwrap_err();
    assert!(e.to_string().contains("foreign key"), "{e}");
    assert_eq!(engine.read_account(&reference("first")).unwrap(), None);
    assert_eq!(engine.generation(), before, "nothing committed");
}

/// Two replicas migrating one database at once take turns: both succeed, once each.
#[test]
fn concurrent_migrations_take_turns() {
    let Some(db) = empty_database() else {
        return;
    };
    let results: Vec<(u32, u32, bool)> = std::thread::scope(|s| {
        let runs: Vec<_> = (0..4)
            .map(|_| s.spawn(|| migrate(&db.url).unwrap()))
            .collect();
        runs.into_iter().map(|r| r.join().unwrap()).collect()
    });
    let created = results
        .iter()
        .filter(|r| **r == (0, known_schema(), false))
        .count();
    assert_eq!(created, 1, "{results:?}");
    assert!(results.iter().all(|r| r.1 == known_schema()), "{results:?}");
    PgEngine::open(&db.url, None, 1).unwrap();
}

/// A page is cut in SQL: it reads from its `after` to its `limit` and no further, so an
/// unreadable row beyond the page is not reported with it (it is with the page that reaches
/// it), and one inside the page does not count towards the limit. In a transaction too.
#[test]
fn a_page_reads_its_rows_only() {
    use crate::store::memory::tests::ns;
    let Some((db, engine)) = engine(None) else {
        return;
    };
    crate::store::engine::atomically(&engine, |tx| {
        for n in ["a1", "a2", "a3", "a4", "a5"] {
            tx.put_account(&account(&format!("pages/{n}")))?;
        }
        Ok(())
    })
    .unwrap();
    let mut c = admin(&db.url.to_string()).unwrap();
    c.batch_execute(
        "UPDATE accounts SET record = '{\"unreadable\": true}' \
         WHERE namespace = 'pages' AND name IN ('a2', 'a5')",
    )
    .unwrap();
    let scope = Scope::Namespace(ns("pages"));
    let names = |l: &engine::Listing<Account, StoreError>| -> Vec<String> {
        l.items.iter().map(|a| a.name.to_string()).collect()
    };
    let errors = |l: &engine::Listing<Account, StoreError>| -> Vec<String> {
        l.errors.iter().map(|e| e.to_string()).collect()
    };
    let first = Page {
        after: None,
        limit: Some(2),
    };
    let page = engine.read_accounts(&scope, &first).unwrap();
    assert_eq!(names(&page), ["a1", "a3"]);
    assert_eq!(errors(&page).len(), 1, "{:?}", errors(&page));
    assert!(
        errors(&page)[0].contains("accounts/pages/a2"),
        "{:?}",
        errors(&page)
    );
    let next = Page {
        after: Some(reference("pages/a3")),
        limit: Some(2),
    };
    let page = engine.read_accounts(&scope, &next).unwrap();
    assert_eq!(names(&page), ["a4"]);
    assert!(
        errors(&page)[0].contains("accounts/pages/a5"),
        "{:?}",
        errors(&page)
    );
    let whole = engine.read_accounts(&scope, &Page::ALL).unwrap();
    assert_eq!(
        (names(&whole), errors(&whole).len()),
        (vec!["a1".into(), "a3".into(), "a4".into()], 2)
    );
    crate::store::engine::atomically(&engine, |tx| {
        let page = tx.accounts(&scope, &first)?;
        assert_eq!(
            (names(&page), errors(&page).len()),
            (vec!["a1".into(), "a3".into()], 1)
        );
        Ok(())
    })
    .unwrap();
}
