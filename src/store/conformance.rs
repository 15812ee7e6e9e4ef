//! What every storage engine must do: `engine_conforms` runs against each engine (the memory
//! engine's and the file engine's tests call it; a new engine's tests call it too). The
//! workflows over these primitives are tested once, over the memory engine, in
//! `crate::registry` and `crate::store::memory`.

use super::engine::{Engine, Result, Tx, atomically};
use super::{Page, Scope, StoreError};
use crate::identity::{Name, Namespace};
use crate::issued::{TokenFile, TokenRecord};
use crate::model::{NamespaceRecord, PolicyScope};
use crate::store::memory::tests::{account, name, ns, policy, reference};

pub(crate) fn engine_conforms(engine: &dyn Engine) {
    engine.check().expect("a new engine answers");
    a_failed_transaction_writes_nothing(engine);
    a_transaction_sees_its_own_writes(engine);
    token_files_and_issuer_keys(engine);
    writes_change_the_generation(engine);
    a_read_only_transaction_reads_and_never_writes(engine);
    an_unversioned_write_leaves_the_generation(engine);
    listings_are_scoped_and_paged(engine);
    pages_hold_across_writes(engine);
    key_holders_are_found_by_kid_and_modulus(engine);
}

fn read<T>(engine: &dyn Engine, mut f: impl FnMut(&mut dyn Tx) -> Result<T>) -> T {
    atomically(engine, |tx| Ok(f(tx)?)).unwrap()
}

/// An SPKI PEM of an RSA public key with modulus `n` (256 bytes of `byte`, then `last`) and
/// exponent `e`: only its DER matters here (no private key has it).
fn rsa_spki_pem(byte: u8, last: u8, e: u32) -> String {
    use pkcs8::der::asn1::{AnyRef, BitStringRef, UintRef};
    use pkcs8::der::{Encode, EncodePem, pem::LineEnding};
    use pkcs8::spki::{AlgorithmIdentifierRef, SubjectPublicKeyInfoRef};
    let mut n = vec![byte; 256];
    n[255] = last;
    let e = e.to_be_bytes();
    let rsa = pkcs1::RsaPublicKey {
        modulus: UintRef::new(&n).unwrap(),
        public_exponent: UintRef::new(&e).unwrap(),
    }
    .to_der()
    .unwrap();
    SubjectPublicKeyInfoRef {
        algorithm: AlgorithmIdentifierRef {
            oid: pkcs8::ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.1"),
            parameters: Some(AnyRef::NULL),
        },
        subject_public_key: BitStringRef::from_bytes(&rsa).unwrap(),
    }
    .to_pem(LineEnding::LF)
    .unwrap()
}

/// `account(r)` holding one key: `kid`, of `pem`.
fn holding(r: &str, kid: &str, pem: &str) -> crate::model::Account {
    let mut a = account(r);
    a.keys[0].kid = kid.to_owned();
    a.keys[0].public_key = pem.to_owned();
    a
}

/// `Tx::key_holders` (and `crate::store::key_holder` over it): the holder of a kid or of a
/// modulus (with any exponent) is found in any namespace, as the transaction sees the
/// accounts (its own writes, renames, deletes, keys replaced); never the account itself.
fn key_holders_are_found_by_kid_and_modulus(engine: &dyn Engine) {
    use crate::model::KeyRecord;
    use crate::store::key_holder;
    let (pem, same_modulus, other) = (
        rsa_spki_pem(0xc5, 1, 65537),
        rsa_spki_pem(0xc5, 1, 3),
        rsa_spki_pem(0xc5, 3, 65537),
    );
    let digest = |pem: &str| crate::keys::modulus_digest(pem).unwrap();
    assert_ne!(digest(&pem), digest(&other));
    assert_eq!(digest(&pem), digest(&same_modulus));
    let holder = holding("kh-a/holder", "kh-kid", &pem);
    let bystander = holding("kh-b/bystander", "kh-other", &other);
    let refs = |v: Vec<crate::identity::Reference>| -> Vec<String> {
        v.iter().map(ToString::to_string).collect()
    };
    read(engine, |tx| {
        tx.put_account(&holder)?;
        tx.put_account(&bystander)?;
        // Its own writes, in the transaction that made them.
        assert_eq!(
            refs(tx.key_holders("nobody's", Some(&digest(&pem)))?),
            ["kh-a/holder"]
        );
        Ok(())
    });
    read(engine, |tx| {
        // By modulus whatever the exponent, by kid alone, both; nothing else matches.
        assert_eq!(
            refs(tx.key_holders("new-kid", Some(&digest(&same_modulus)))?),
            ["kh-a/holder"]
        );
        assert_eq!(refs(tx.key_holders("kh-kid", None)?), ["kh-a/holder"]);
        assert_eq!(
            refs(tx.key_holders("kh-kid", Some(&digest(&other)))?),
            ["kh-a/holder", "kh-b/bystander"]
        );
        assert_eq!(
            tx.key_holders("new-kid", Some(&digest(&rsa_spki_pem(0xc5, 5, 65537))))?,
            []
        );
        assert_eq!(tx.key_holders("new-kid", None)?, []);
        Ok(())
    });
    let key = |kid: &str, pem: &str| KeyRecord {
        kid: kid.to_owned(),
        public_key: pem.to_owned(),
        ..holder.keys[0].clone()
    };
    let taken = |tx: &mut dyn Tx, k: &KeyRecord, r: &str| -> Result<Option<(String, String)>> {
        Ok(match key_holder(tx, k, &reference(r))? {
            Some(crate::error::UserError::KeyTaken { kid, holder }) => Some((kid, holder)),
            other => other.map(|e| panic!("{e}")),
        })
    };
    read(engine, |tx| {
        // The account itself holds it: no refusal for it; one for any other account.
        assert_eq!(taken(tx, &key("e3", &same_modulus), "kh-a/holder")?, None);
        assert_eq!(
            taken(tx, &key("e3", &same_modulus), "kh-b/bystander")?,
            Some(("e3".to_owned(), "kh-a/holder".to_owned()))
        );
        Ok(())
    });
    // Renamed (delete, then put under the new name): found under its new name only.
    let mut renamed = holder.clone();
    renamed.name = name("renamed");
    read(engine, |tx| {
        assert!(tx.delete_account(&holder.reference())?);
        tx.put_account(&renamed)
    });
    read(engine, |tx| {
        assert_eq!(
            refs(tx.key_holders("new-kid", Some(&digest(&pem)))?),
            ["kh-a/renamed"]
        );
        Ok(())
    });
    // Its key replaced by another: the old one is free, the new one held.
    let mut rekeyed = renamed.clone();
    rekeyed.keys = vec![key("kh-new", &rsa_spki_pem(0xc5, 7, 65537))];
    read(engine, |tx| tx.put_account(&rekeyed));
    read(engine, |tx| {
        assert_eq!(tx.key_holders("kh-kid", Some(&digest(&pem)))?, []);
        assert_eq!(
            refs(tx.key_holders("x", Some(&digest(&rsa_spki_pem(0xc5, 7, 3))))?),
            ["kh-a/renamed"]
        );
        Ok(())
    });
    // Deleted: held by no one; a failed transaction's delete changes nothing.
    let _ = engine.atomically(&mut |tx| {
        tx.delete_account(&bystander.reference())?;
        half_way()
    });
    read(engine, |tx| {
        assert_eq!(refs(tx.key_holders("kh-other", None)?), ["kh-b/bystander"]);
        assert!(tx.delete_account(&rekeyed.reference())?);
        assert!(tx.delete_account(&bystander.reference())?);
        Ok(())
    });
    read(engine, |tx| {
        assert_eq!(tx.key_holders("kh-other", Some(&digest(&pem)))?, []);
        assert_eq!(tx.key_holders("kh-new", None)?, []);
        Ok(())
    });
}

fn half_way<T>() -> Result<T> {
    Err(StoreError::Unavailable {
        why: "stopped half-way".into(),
    })
}

fn token_file(uid: &str, token: &str) -> TokenFile {
    let now: jiff::Timestamp = "2024-05-01T12:00:00Z".parse().unwrap();
    TokenFile {
        account_uid: uid.to_owned(),
        tokens: vec![TokenRecord {
            name: name(token),
            id: format!("id-{token}"),
            kid: "k1".into(),
            created: now,
            expires: None,
            last_used: None,
            audiences: vec![],
            // Round-trips on every engine (PostgreSQL keeps the record as `jsonb`).
            labels: [("purpose".to_owned(), "ci".to_owned())].into(),
        }],
    }
}

/// Writes of several kinds, then a failure: none of them is kept, and what was there before
/// (here, a record the failed transaction deleted) still is.
fn a_failed_transaction_writes_nothing(engine: &dyn Engine) {
    let kept = account("tx-fail/kept");
    read(engine, |tx| tx.put_account(&kept));
    let a = account("tx-fail/a");
    let p = policy(Some("tx-fail"), "p");
    let e = engine
        .atomically(&mut |tx| {
            tx.put_account(&a)?;
            tx.put_policy(&p)?;
            tx.put_namespace(&NamespaceRecord {
                labels: Default::default(),
                name: ns("tx-fail"),
                uid: "u".into(),
                revision: 1,
                created: a.created,
            })?;
            tx.put_tokens(&a.reference(), &token_file(&a.uid, "t"))?;
            assert!(tx.delete_account(&kept.reference())?);
            half_way()
        })
        .unwrap_err();
    assert_eq!(e.to_string(), "stopped half-way");
    read(engine, |tx| {
        assert_eq!(tx.account(&a.reference())?, None);
        assert_eq!(tx.account(&kept.reference())?, Some(kept.clone()));
        assert_eq!(tx.policy(&p.scope(), &p.name)?, None);
        assert_eq!(tx.namespace(&ns("tx-fail"))?, None);
        assert_eq!(tx.tokens(&a.reference())?, None);
        Ok(())
    });
    read(engine, |tx| tx.delete_account(&kept.reference()));
}

/// Inside a transaction, reads (single records and listings) show what it wrote and deleted;
/// after it, everyone sees all of it; a delete says whether there was a record.
fn a_transaction_sees_its_own_writes(engine: &dyn Engine) {
    let (a, b) = (account("tx-own/a"), account("tx-own/b"));
    let p = policy(Some("tx-own"), "p");
    let g = policy(None, "tx-own-global");
    read(engine, |tx| {
        tx.put_account(&b)?;
        tx.put_policy(&g)
    });
    read(engine, |tx| {
        tx.put_account(&a)?;
        assert!(tx.delete_account(&b.reference())?);
        assert!(!tx.delete_account(&b.reference())?, "deleted already");
        tx.put_policy(&p)?;
        assert_eq!(tx.account(&a.reference())?, Some(a.clone()));
        assert_eq!(tx.account(&b.reference())?, None);
        let names: Vec<String> = tx
            .accounts(&Scope::Namespace(ns("tx-own")), &Page::ALL)?
            .items
            .iter()
            .map(|a| a.reference().to_string())
            .collect();
        assert_eq!(names, ["tx-own/a"]);
        let policies = tx.policies(&Scope::All, &Page::ALL)?.items;
        let mine: Vec<String> = policies
            .iter()
            .filter(|q| q.name.to_string().starts_with("tx-own") || q.name == p.name)
            .map(|q| format!("{}/{}", q.scope(), q.name))
            .collect();
        // Global ones first, then by namespace.
        assert_eq!(
            mine,
            [
                format!("{}/tx-own-global", PolicyScope::Global),
                format!("{}/p", PolicyScope::Namespace(ns("tx-own")))
            ]
        );
        let mut changed = p.clone();
        changed.revision = 2;
        tx.put_policy(&changed)?;
        assert_eq!(tx.policy(&p.scope(), &p.name)?.map(|p| p.revision), Some(2));
        Ok(())
    });
    read(engine, |tx| {
        assert_eq!(tx.account(&a.reference())?, Some(a.clone()));
        assert_eq!(tx.account(&b.reference())?, None);
        assert_eq!(tx.policy(&p.scope(), &p.name)?.map(|p| p.revision), Some(2));
        assert!(tx.delete_account(&a.reference())?);
        assert!(tx.delete_policy(&p.scope(), &p.name)?);
        assert!(tx.delete_policy(&g.scope(), &g.name)?);
        assert!(!tx.delete_policy(&g.scope(), &g.name)?);
        Ok(())
    });
    read(engine, |tx| {
        assert!(
            tx.accounts(&Scope::Namespace(ns("tx-own")), &Page::ALL)?
                .items
                .is_empty()
        );
        Ok(())
    });
}

/// Token files and issuer keys (bytes that need not be text) round-trip, and `all_tokens`
/// shows the transaction's own writes. Each token file belongs to the account stored under
/// its reference (an engine may hold it to that, as PostgreSQL's foreign key does).
fn token_files_and_issuer_keys(engine: &dyn Engine) {
    let (r1, r2) = (reference("tx-tok/a"), reference("tx-tok/b"));
    let (a1, a2) = (account("tx-tok/a"), account("tx-tok/b"));
    let (u1, u2) = (a1.uid.clone(), a2.uid.clone());
    let secret = [0u8, 159, 146, 150, 255, b'\n'];
    read(engine, |tx| {
        tx.put_account(&a1)?;
        tx.put_account(&a2)?;
        tx.put_tokens(&r1, &token_file(&u1, "one"))?;
        tx.put_issuer_key("k1", &secret)
    });
    read(engine, |tx| {
        tx.put_tokens(&r2, &token_file(&u2, "two"))?;
        assert!(tx.delete_tokens(&r1)?);
        let uids: Vec<String> = tx
            .all_tokens()?
            .into_iter()
            .map(|f| f.account_uid)
            .filter(|u| *u == u1 || *u == u2)
            .collect();
        assert_eq!(uids, std::slice::from_ref(&u2));
        assert_eq!(tx.issuer_key("k1")?.as_slice(), &secret);
        Ok(())
    });
    read(engine, |tx| {
        assert_eq!(tx.tokens(&r1)?, None);
        assert_eq!(tx.tokens(&r2)?, Some(token_file(&u2, "two")));
        assert_eq!(tx.issuer_key("k1")?.as_slice(), &secret);
        assert!(tx.delete_issuer_key("k1")?);
        assert!(tx.delete_tokens(&r2)?);
        assert!(tx.delete_account(&r1)?);
        assert!(tx.delete_account(&r2)?);
        Ok(())
    });
    read(engine, |tx| {
        assert!(tx.issuer_key("k1").is_err());
        Ok(())
    });
}

/// The generation changes when a transaction that wrote commits (one write, several writes, a
/// delete), and stays when one fails, writes nothing, or only reads.
fn writes_change_the_generation(engine: &dyn Engine) {
    let a = account("gen/a");
    let before = engine.generation();
    read(engine, |tx| tx.put_account(&a));
    let one = engine.generation();
    assert_ne!(one, before, "a write must change the generation");
    let p = policy(Some("gen"), "p");
    read(engine, |tx| {
        tx.put_policy(&p)?;
        tx.put_tokens(&a.reference(), &token_file(&a.uid, "t"))
    });
    let several = engine.generation();
    assert_ne!(
        several, one,
        "a transaction of several writes must change the generation"
    );
    read(engine, |tx| tx.delete_policy(&p.scope(), &p.name).map(drop));
    let deleted = engine.generation();
    assert_ne!(deleted, several, "a delete must change the generation");

    let failed = engine.atomically(&mut |tx| {
        tx.put_account(&account("gen/b"))?;
        half_way()
    });
    assert!(failed.is_err());
    assert_eq!(engine.generation(), deleted, "a failed transaction");
    read(engine, |tx| tx.account(&a.reference()).map(drop));
    read(engine, |_| Ok(()));
    assert_eq!(engine.generation(), deleted, "a transaction that only read");
    assert_eq!(engine.read_account(&a.reference()).unwrap(), Some(a));

    // Inside a transaction: the generation of the last commit, not changed by its own writes
    // (a decision made at that generation still holds: `registry::decided`).
    read(engine, |tx| {
        assert_eq!(tx.generation()?, deleted, "a transaction's generation");
        tx.put_account(&account("gen/c"))?;
        assert_eq!(tx.generation()?, deleted, "after its own write");
        Ok(())
    });
    let last = engine.generation();
    assert_ne!(last, deleted);
    read(engine, |tx| {
        assert_eq!(tx.generation()?, last, "the next transaction's");
        Ok(())
    });
}

/// `Tx::unversioned` (a token's last use): a transaction of one record that says so commits
/// its write and leaves the generation, for the next transaction too.
fn an_unversioned_write_leaves_the_generation(engine: &dyn Engine) {
    let a = account("gen-u/a");
    let r = a.reference();
    read(engine, |tx| {
        tx.put_account(&a)?;
        tx.put_tokens(&r, &token_file(&a.uid, "t"))
    });
    let before = engine.generation();
    let used: jiff::Timestamp = "2024-05-02T12:00:00Z".parse().unwrap();
    read(engine, |tx| {
        tx.unversioned();
        let mut file = tx.tokens(&r)?.expect("written");
        file.tokens[0].last_used = Some(used);
        tx.put_tokens(&r, &file)
    });
    assert_eq!(engine.generation(), before, "an unversioned write");
    read(engine, |tx| {
        assert_eq!(tx.generation()?, before, "the next transaction's");
        let file = tx.tokens(&r)?.expect("kept");
        assert_eq!(file.tokens[0].last_used, Some(used));
        tx.delete_tokens(&r)?;
        tx.delete_account(&r).map(drop)
    });
    assert_ne!(engine.generation(), before, "a write after it");
}

/// `Engine::read_atomically`: the records and the generation of the last commit, its writes
/// included; a write in it is refused, and nothing of the transaction is written (the
/// generation stays); its work's error comes back unchanged.
fn a_read_only_transaction_reads_and_never_writes(engine: &dyn Engine) {
    let (a, b) = (account("tx-ro/a"), account("tx-ro/b"));
    let p = policy(Some("tx-ro"), "p");
    read(engine, |tx| {
        tx.put_account(&a)?;
        tx.put_policy(&p)
    });
    let committed = engine.generation();
    let mut seen = None;
    engine
        .read_atomically(&mut |tx| {
            let policies = tx.policies(&Scope::Namespace(ns("tx-ro")), &Page::ALL)?;
            seen = Some((
                tx.generation()?,
                tx.account(&a.reference())?,
                policies.items,
            ));
            Ok(())
        })
        .unwrap();
    assert_eq!(seen, Some((committed, Some(a.clone()), vec![p.clone()])));
    type Write<'a> = &'a dyn Fn(&mut dyn Tx) -> Result<()>;
    let writes: [Write; 4] = [
        &|tx| tx.put_account(&b),
        &|tx| tx.delete_account(&a.reference()).map(drop),
        &|tx| tx.put_tokens(&a.reference(), &token_file(&a.uid, "t")),
        &|tx| tx.delete_policy(&p.scope(), &p.name).map(drop),
    ];
    for write in writes {
        let e = engine.read_atomically(&mut |tx| write(tx)).unwrap_err();
        assert!(matches!(e, StoreError::Unusable { .. }), "{e}");
    }
    let e = engine
        .read_atomically(&mut |tx| {
            tx.account(&a.reference())?;
            half_way()
        })
        .unwrap_err();
    assert_eq!(e.to_string(), "stopped half-way");
    assert_eq!(engine.generation(), committed, "a read-only transaction");
    read(engine, |tx| {
        assert_eq!(tx.account(&a.reference())?, Some(a.clone()));
        assert_eq!(tx.account(&b.reference())?, None);
        assert_eq!(tx.tokens(&a.reference())?, None);
        assert!(tx.delete_policy(&p.scope(), &p.name)?);
        tx.delete_account(&a.reference()).map(drop)
    });
}

/// The pages of a listing, each after the last key of the one before, `limit` records at most:
/// the last one is shorter (empty when the one before was full).
fn pages<K: Clone, T>(
    limit: usize,
    mut list: impl FnMut(&Page<K>) -> Vec<T>,
    key: impl Fn(&T) -> K,
) -> Vec<Vec<T>> {
    let mut out: Vec<Vec<T>> = vec![];
    loop {
        let after = out.last().and_then(|p| p.last()).map(&key);
        let page = list(&Page {
            after,
            limit: Some(limit),
        });
        let last = page.len() < limit;
        out.push(page);
        assert!(
            out.len() <= 100,
            "the pages do not end: is `after` exclusive?"
        );
        if last {
            return out;
        }
    }
}

fn refs(accounts: &[crate::model::Account]) -> Vec<String> {
    accounts.iter().map(|a| a.reference().to_string()).collect()
}

/// `Scope::Subtree` takes a namespace and its children, not a sibling whose name starts alike
/// (`lst-x`, `lstx`); `Scope::Namespace` one namespace. Pages in order, each after the last key
/// of the one before, add up to the whole listing whatever the limit; `after` need not be a
/// stored key (one deleted meanwhile); `limit` 0 is an empty page. Within a transaction too,
/// with its own writes; and a transaction that fails half-way changes no listing.
fn listings_are_scoped_and_paged(engine: &dyn Engine) {
    let spaces = ["lst", "lst/a", "lst/a/deep", "lst/b", "lst-x", "lstx"];
    let accounts: Vec<_> = [
        "lst/one",
        "lst/two",
        "lst/a/one",
        "lst/a/deep/one",
        "lst/b/one",
    ]
    .into_iter()
    .chain(["lst-x/one", "lstx/one"])
    .map(account)
    .collect();
    let policies: Vec<_> = spaces.iter().map(|n| policy(Some(n), "p")).collect();
    let global = policy(None, "lst-global");
    read(engine, |tx| {
        for n in spaces {
            tx.put_namespace(&NamespaceRecord {
                labels: Default::default(),
                name: ns(n),
                uid: format!("u-{n}"),
                revision: 1,
                created: global.created,
            })?;
        }
        for a in &accounts {
            tx.put_account(a)?;
        }
        for p in policies.iter().chain([&global]) {
            tx.put_policy(p)?;
        }
        Ok(())
    });
    let subtree = Scope::Subtree(ns("lst"));
    let all = |scope: &Scope| refs(&engine.read_accounts(scope, &Page::ALL).unwrap().items);
    let whole = [
        "lst/one",
        "lst/two",
        "lst/a/one",
        "lst/a/deep/one",
        "lst/b/one",
    ];
    assert_eq!(all(&subtree), whole);
    assert_eq!(
        all(&Scope::Subtree(ns("lst/a"))),
        ["lst/a/one", "lst/a/deep/one"]
    );
    assert_eq!(all(&Scope::Namespace(ns("lst"))), ["lst/one", "lst/two"]);
    assert!(all(&Scope::All).contains(&"lstx/one".to_owned()));
    for limit in [1, 2, 3, whole.len(), 100] {
        let pages = pages(
            limit,
            |page| engine.read_accounts(&subtree, page).unwrap().items,
            |a| a.reference(),
        );
        assert!(pages.iter().all(|p| p.len() <= limit));
        let flat: Vec<String> = pages.iter().flat_map(|p| refs(p)).collect();
        assert_eq!(flat, whole, "limit {limit}");
    }
    let zero = Page {
        after: None,
        limit: Some(0),
    };
    assert!(
        engine
            .read_accounts(&subtree, &zero)
            .unwrap()
            .items
            .is_empty()
    );

    let scopes = |l: Vec<crate::model::Policy>| -> Vec<String> {
        l.iter().map(|p| p.scope().to_string()).collect()
    };
    let want: Vec<String> = ["lst", "lst/a", "lst/a/deep", "lst/b"]
        .iter()
        .map(|n| PolicyScope::Namespace(ns(n)).to_string())
        .collect();
    let flat = pages(
        3,
        |page| engine.read_policies(&subtree, page).unwrap().items,
        |p| (p.scope(), p.name.clone()),
    );
    assert_eq!(scopes(flat.concat()), want);
    let names = |scope: &Scope, page: &Page<Namespace>| -> Vec<String> {
        let l = engine.read_namespaces(scope, page).unwrap().items;
        l.iter().map(|r| r.name.to_string()).collect()
    };
    assert_eq!(
        names(&subtree, &Page::ALL),
        ["lst", "lst/a", "lst/a/deep", "lst/b"]
    );
    assert_eq!(names(&Scope::Namespace(ns("lst/a")), &Page::ALL), ["lst/a"]);
    let after_a = Page {
        after: Some(ns("lst/a")),
        limit: Some(2),
    };
    assert_eq!(names(&subtree, &after_a), ["lst/a/deep", "lst/b"]);

    // After a key deleted meanwhile, or one never stored: the records after it.
    read(engine, |tx| tx.delete_account(&reference("lst/a/one")));
    let after = |r: &str| Page {
        after: Some(reference(r)),
        limit: None,
    };
    let read_after = |r: &str| refs(&engine.read_accounts(&subtree, &after(r)).unwrap().items);
    assert_eq!(read_after("lst/a/one"), ["lst/a/deep/one", "lst/b/one"]);
    assert_eq!(read_after("lst/a/deep/zzz"), ["lst/b/one"]);

    // A transaction's listing has its own writes; when it fails, no listing has them.
    let failed = engine.atomically(&mut |tx| {
        tx.put_account(&account("lst/a/new"))?;
        tx.delete_account(&reference("lst/two"))?;
        tx.put_policy(&policy(Some("lst/a"), "new"))?;
        let page = Page {
            after: Some(reference("lst/one")),
            limit: Some(2),
        };
        assert_eq!(
            refs(&tx.accounts(&subtree, &page)?.items),
            ["lst/a/new", "lst/a/deep/one"]
        );
        let key = (
            PolicyScope::Namespace(ns("lst/a")),
            Name::parse("n").unwrap(),
        );
        let page = Page {
            after: Some(key),
            limit: Some(1),
        };
        let next = tx.policies(&subtree, &page)?.items;
        assert_eq!(next[0].name.to_string(), "new");
        half_way()
    });
    assert!(failed.is_err());
    assert_eq!(
        all(&subtree),
        ["lst/one", "lst/two", "lst/a/deep/one", "lst/b/one"]
    );
    read(engine, |tx| {
        for a in &accounts {
            tx.delete_account(&a.reference())?;
        }
        for p in policies.iter().chain([&global]) {
            tx.delete_policy(&p.scope(), &p.name)?;
        }
        for n in spaces {
            tx.delete_namespace(&ns(n))?;
        }
        Ok(())
    });
}

/// A listing read a page at a time while writes land between the pages (a client paging
/// through a registry that others change): the pages, in order, hold every record that was
/// there throughout, none twice, and no record before the last key read; a record written
/// after that key shows on a later page, one deleted before it was reached does not. For
/// accounts in a namespace and in all of them, and for policies across the global scope's
/// end.
fn pages_hold_across_writes(engine: &dyn Engine) {
    let names = |from: usize, to: usize| (from..to).map(|i| format!("pgw/a{i:02}"));
    read(engine, |tx| {
        for r in names(0, 10).chain(["pgw-other/z".to_owned()]) {
            tx.put_account(&account(&r))?;
        }
        for (scope, n) in [(None, "pgw-g1"), (None, "pgw-g2"), (Some("pgw"), "p1")] {
            tx.put_policy(&policy(scope, n))?;
        }
        tx.put_policy(&policy(Some("pgw"), "p2"))
    });
    for scope in [Scope::Namespace(ns("pgw")), Scope::All] {
        let page = |after: Option<crate::identity::Reference>| {
            let page = Page {
                after,
                limit: Some(3),
            };
            engine.read_accounts(&scope, &page).unwrap().items
        };
        // In every namespace, from a key never stored just before the namespace's records.
        let start = (scope == Scope::All).then(|| reference("pgw/a"));
        let mut seen = page(start);
        // The writes before the second, third and fourth pages.
        let between = |step: usize, tx: &mut dyn Tx| -> Result<()> {
            match step {
                // Before the last key read (not shown), after it (shown), the next one
                // deleted, one already read changed (not shown again).
                0 => {
                    tx.put_account(&account("pgw/a005"))?;
                    tx.put_account(&account("pgw/a035"))?;
                    tx.delete_account(&reference("pgw/a03"))?;
                    tx.put_account(&account("pgw/a01"))
                }
                1 => tx.put_account(&account("pgw/a99")),
                2 => tx.delete_account(&reference("pgw/a99")).map(drop),
                _ => Ok(()),
            }
        };
        for step in 0.. {
            read(engine, |tx| between(step, tx));
            let next = page(seen.last().map(|a| a.reference()));
            let last = next.len() < 3;
            seen.extend(next);
            if last {
                break;
            }
        }
        let got: Vec<String> = refs(&seen)
            .into_iter()
            .filter(|r| r.starts_with("pgw/"))
            .collect();
        let want: Vec<String> = names(0, 3)
            .chain(["pgw/a035".to_owned()])
            .chain(names(4, 10))
            .collect();
        if scope == Scope::All {
            // The write of a99 and its delete came before the pages reached it.
            assert!(refs(&seen).contains(&"pgw-other/z".to_owned()));
        }
        assert_eq!(got, want, "{scope:?}");
        let mut keys: Vec<_> = seen.iter().map(|a| a.reference()).collect();
        keys.dedup();
        assert_eq!(keys.len(), seen.len(), "a record twice: {scope:?}");
        assert!(keys.is_sorted(), "{scope:?}");
        // Back to the first state for the next scope.
        read(engine, |tx| {
            tx.delete_account(&reference("pgw/a005"))?;
            tx.delete_account(&reference("pgw/a035"))?;
            tx.put_account(&account("pgw/a03"))
        });
    }

    // Policies a page of one at a time over `Scope::All`: the global ones first, a global one
    // written after the last read shows, then the namespaced ones.
    let mut seen: Vec<crate::model::Policy> = vec![];
    let mut wrote = false;
    loop {
        let page = Page {
            after: seen.last().map(|p| (p.scope(), p.name.clone())),
            limit: Some(1),
        };
        if seen.last().is_some_and(|p| p.name.as_str() == "pgw-g1") && !wrote {
            wrote = true;
            read(engine, |tx| tx.put_policy(&policy(None, "pgw-g0")));
            read(engine, |tx| tx.put_policy(&policy(None, "pgw-g15")));
        }
        let next = engine.read_policies(&Scope::All, &page).unwrap().items;
        let last = next.is_empty();
        seen.extend(next);
        if last {
            break;
        }
    }
    assert!(wrote, "the pages passed pgw-g1");
    let mine: Vec<String> = seen
        .iter()
        .filter(|p| p.name.as_str().starts_with("pgw-g") || p.scope().to_string().contains("pgw"))
        .map(|p| format!("{}/{}", p.scope(), p.name))
        .collect();
    let global = |n: &str| format!("{}/{n}", PolicyScope::Global);
    let local = |n: &str| format!("{}/{n}", PolicyScope::Namespace(ns("pgw")));
    assert_eq!(
        mine,
        [
            global("pgw-g1"),
            global("pgw-g15"),
            global("pgw-g2"),
            local("p1"),
            local("p2")
        ]
    );

    read(engine, |tx| {
        for r in names(0, 10).chain(["pgw-other/z".to_owned()]) {
            tx.delete_account(&reference(&r))?;
        }
        for n in ["pgw-g0", "pgw-g1", "pgw-g15", "pgw-g2"] {
            tx.delete_policy(&PolicyScope::Global, &name(n))?;
        }
        for n in ["p1", "p2"] {
            tx.delete_policy(&PolicyScope::Namespace(ns("pgw")), &name(n))?;
        }
        Ok(())
    });
}

/// A registry of every record kind, written raw into `engine` (which must be empty): accounts
/// in a namespace and its child, global and namespaced policies, namespace records (some of
/// each with labels), token files, and an HS256 issuer with a retired key and a current one
/// whose secrets are bytes that need not be text.
pub(crate) fn fill(engine: &dyn Engine) {
    use crate::model::{IssuerAlgorithm, IssuerKey, IssuerRecord};
    let created: jiff::Timestamp = "2024-05-01T12:00:00Z".parse().unwrap();
    let labels = |pairs: &[(&str, &str)]| -> crate::labels::Labels {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    };
    let namespace = |n: &str| NamespaceRecord {
        labels: if n == "copy" {
            labels(&[("team", "web"), ("example.com/empty", "")])
        } else {
            Default::default()
        },
        name: ns(n),
        uid: format!("uid-{n}"),
        revision: 3,
        created,
    };
    let key = |kid: &str, retired: Option<jiff::Timestamp>| IssuerKey {
        kid: kid.into(),
        algorithm: IssuerAlgorithm::HS256,
        created,
        retired,
        signs_from: None,
        public_key: None,
        requested_until: retired.map(|r| r + jiff::SignedDuration::from_hours(1)),
    };
    let (mut a, b) = (account("copy/a"), account("copy/sub/b"));
    a.labels = labels(&[("tier", "build"), ("env", "prod")]);
    let mut labelled_policy = policy(Some("copy"), "p");
    labelled_policy.labels = labels(&[("tier", "deploy")]);
    let issuer = IssuerRecord {
        id: "urn:svcacct:issuer:0123abcd".into(),
        algorithm: IssuerAlgorithm::HS256,
        created,
        keys: vec![key("old-kid", Some(created)), key("new-kid", None)],
        url: None,
        jwks_max_age_seconds: 7,
        jwks_cached_until: Some(created),
    };
    read(engine, |tx| {
        tx.put_namespace(&namespace("copy"))?;
        tx.put_namespace(&namespace("copy/sub"))?;
        tx.put_account(&a)?;
        tx.put_account(&b)?;
        tx.put_account(&account("copy-default"))?;
        tx.put_policy(&policy(None, "copy-global"))?;
        tx.put_policy(&labelled_policy)?;
        tx.put_policy(&policy(Some("copy/sub"), "p"))?;
        tx.put_tokens(&a.reference(), &token_file(&a.uid, "one"))?;
        tx.put_tokens(&b.reference(), &token_file(&b.uid, "two"))?;
        tx.put_issuer_key("old-kid", &[0, 255, b'\n', 7])?;
        tx.put_issuer_key("new-kid", &[1u8; 40])?;
        tx.put_issuer(&issuer)
    });
}

/// `store::copy` from `from` (filled here) into `to` (empty): `to` then holds every record as
/// `from` does (uids and revisions included), read through either engine; a second copy is
/// refused and changes nothing; with `Existing::Replace` after a change of the source, `to`
/// follows it. Run by every engine's tests with itself and the other engines as the
/// other side.
pub(crate) fn copy_conforms(from: &dyn Engine, to: &dyn Engine) {
    use crate::store::copy::{Counts, Existing, copy, dump};
    fill(from);
    let done = copy(from, to, Existing::Refuse, "from", "to").unwrap();
    let source = dump(from).unwrap();
    assert_eq!(dump(to).unwrap(), source);
    assert_eq!(
        done.copied,
        Counts {
            accounts: 3,
            keys: 3,
            policies: 3,
            namespaces: 2,
            issuer: true,
            issuer_keys: 2,
            token_files: 2,
            tokens: 2,
        }
    );
    assert_eq!(done.replaced, Counts::default());
    assert_eq!(
        source.issuer_keys[0].1.as_slice(),
        &[1u8; 40],
        "sorted by kid"
    );
    let generation = to.generation();
    let e = copy(from, to, Existing::Refuse, "from", "to").unwrap_err();
    assert!(
        e.to_string()
            .starts_with("the destination to is not empty (it holds 3 accounts (3 keys), "),
        "{e}"
    );
    assert_eq!(to.generation(), generation, "a refused copy writes nothing");

    read(from, |tx| {
        tx.delete_account(&reference("copy-default"))?;
        tx.delete_policy(&PolicyScope::Global, &name("copy-global"))
            .map(drop)
    });
    let done = copy(from, to, Existing::Replace, "from", "to").unwrap();
    assert_eq!(done.replaced.accounts, 3);
    assert_eq!(done.copied.accounts, 2);
    assert_eq!(dump(to).unwrap(), dump(from).unwrap());
}
