//! The registry side: JWKS rendering, policy evaluation with 1,000 policies, and file-store
//! lookups. `cargo bench --bench registry`.

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use jiff::Timestamp;
use svcacct::api::Guard;

use svcacct::identity::{Name, Namespace, Reference};
use svcacct::keys::PrivateKey;
use svcacct::model::{Account, KeyRecord, Policy, Status};
use svcacct::server::auth::authorize;
use svcacct::store::file::FileStore;
use svcacct::store::{Scope, Store};

fn account(i: usize, key: &KeyRecord) -> Account {
    let now = Timestamp::now();
    let r = Reference::new(
        Namespace::default_ns(),
        Name::parse(&format!("sa-{i:06}")).unwrap(),
    );
    Account {
        groups: vec![format!("team-{}", i % 50)],
        keys: vec![key.clone()],
        ..Account::new(r, now)
    }
}

/// 1,000 global policies; only the last names `sa-000000`.
fn policies(n: usize) -> Vec<Policy> {
    let now = Timestamp::now();
    (0..n)
        .map(|i| Policy {
            name: Name::parse(&format!("p-{i:06}")).unwrap(),
            namespace: None,
            uid: format!("p{i}"),
            revision: 1,
            description: String::new(),
            labels: Default::default(),
            subjects: if i + 1 == n {
                vec!["sa-000000".into()]
            } else {
                vec![format!("other-{i}"), format!("group:nobody-{i}")]
            },
            actions: vec!["get".into(), "list".into()],
            resources: vec!["serviceaccount".into()],
            created: now,
            updated: now,
        })
        .collect()
}

/// What `/.well-known/jwks.json` and `svcacct jwks -A` do per request: every key of every
/// active account parsed from its PEM and rendered as a JWK, then serialised.
fn render_jwks(accounts: &[Account], now: Timestamp) -> String {
    let mut keys = vec![];
    for a in accounts.iter().filter(|a| a.status(now) == Status::Active) {
        for k in &a.keys {
            keys.push(k.public(&a.reference()).unwrap().jwk(Some("RS256")));
        }
    }
    serde_json::to_string(&serde_json::json!({ "keys": keys })).unwrap()
}

fn registry(c: &mut Criterion) {
    let key = PrivateKey::generate(2048).unwrap();
    let record = KeyRecord::new(key.public_key(), Default::default(), Timestamp::now());

    let mut g = c.benchmark_group("jwks");
    for n in [1usize, 100, 1_000] {
        let accounts: Vec<Account> = (0..n).map(|i| account(i, &record)).collect();
        g.throughput(Throughput::Elements(n as u64));
        g.bench_function(BenchmarkId::new("render", n), |b| {
            b.iter(|| render_jwks(&accounts, Timestamp::now()))
        });
    }
    g.finish();

    let mut g = c.benchmark_group("policy");
    let all = policies(1_000);
    let caller = account(0, &record);
    let stranger = account(1, &record);
    let ns = Namespace::default_ns();
    g.bench_function("allowing/1000/last-matches", |b| {
        b.iter(|| svcacct::policy::allowing(&all, &caller, "get", "serviceaccount", &ns).unwrap())
    });
    g.bench_function("allowing/1000/none-matches", |b| {
        b.iter(|| {
            assert!(
                svcacct::policy::allowing(&all, &stranger, "get", "serviceaccount", &ns).is_none()
            )
        })
    });
    let now = Timestamp::now();
    for (label, guard) in [
        (
            "authorize/1000/namespaced",
            Guard::Namespaced {
                action: "get",
                resource: "serviceaccount",
            },
        ),
        (
            "authorize/1000/global",
            Guard::Global {
                action: "list",
                resource: "serviceaccount",
            },
        ),
    ] {
        g.bench_function(label, |b| {
            b.iter(|| authorize(guard, &caller, &all, Some(&ns), now).unwrap())
        });
    }
    g.finish();

    // A file store of 1,000 accounts and 1,000 policies, written with the store's own API.
    let dir = tempfile::tempdir().unwrap();
    let store = FileStore::open(dir.path().join("store"));
    for i in 0..1_000 {
        store.create_account(account(i, &record)).unwrap();
    }
    for p in policies(1_000) {
        store.create_policy(p).unwrap();
    }
    let r = Reference::new(Namespace::default_ns(), Name::parse("sa-000500").unwrap());
    let mut g = c.benchmark_group("file-store");
    g.bench_function("get_account/of-1000", |b| {
        b.iter(|| store.get_account(&r).unwrap())
    });
    g.bench_function("get_policy/of-1000", |b| {
        let name = Name::parse("p-000500").unwrap();
        b.iter(|| {
            store
                .get_policy(&svcacct::model::PolicyScope::Global, &name)
                .unwrap()
        })
    });
    g.sample_size(10);
    g.bench_function("list_accounts/1000", |b| {
        b.iter(|| assert_eq!(store.list_accounts(&Scope::All).unwrap().items.len(), 1_000))
    });
    g.bench_function("list_policies/1000", |b| {
        b.iter(|| assert_eq!(store.list_policies(&Scope::All).unwrap().items.len(), 1_000))
    });
    g.finish();
}

criterion_group!(benches, registry);
criterion_main!(benches);
