//! Token mint and verify for RS256/384/512 with 2048/3072/4096-bit keys, the key loaded once as
//! a server or a long-running client holds it. `cargo bench --bench tokens`.

use std::collections::BTreeMap;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use jiff::{SignedDuration, Timestamp};
use jsonwebtoken::Algorithm;

use svcacct::identity::{Name, Namespace, Reference};
use svcacct::keys::PrivateKey;
use svcacct::model::{Account, KeyRecord};
use svcacct::store::Store;
use svcacct::store::memory::MemoryStore;
use svcacct::token::{self, MintRequest, VerifyOptions};

fn account(r: &Reference, key: &PrivateKey) -> Account {
    let now = Timestamp::now();
    Account {
        keys: vec![KeyRecord::new(key.public_key(), Default::default(), now)],
        ..Account::new(r.clone(), now)
    }
}

fn mint(key: &PrivateKey, r: &Reference, alg: Algorithm) -> String {
    token::mint(&MintRequest {
        reference: r,
        key,
        alg,
        ttl: SignedDuration::from_mins(10),
        audiences: &[],
        extra: &BTreeMap::new(),
        now: Timestamp::now(),
        impersonates: None,
    })
    .expect("mint")
    .token
}

fn tokens(c: &mut Criterion) {
    let r = Reference::new(Namespace::default_ns(), Name::parse("bench").unwrap());
    let algs = [
        (Algorithm::RS256, "RS256"),
        (Algorithm::RS384, "RS384"),
        (Algorithm::RS512, "RS512"),
    ];
    let mut mint_group = c.benchmark_group("mint");
    mint_group.throughput(Throughput::Elements(1));
    let keys: Vec<(usize, PrivateKey)> = [2048, 3072, 4096]
        .into_iter()
        .map(|bits| (bits, PrivateKey::generate(bits).expect("keygen")))
        .collect();
    for (bits, key) in &keys {
        for (alg, name) in algs {
            mint_group.bench_function(BenchmarkId::new(name, bits), |b| {
                b.iter(|| mint(key, &r, alg))
            });
        }
    }
    mint_group.finish();

    let mut verify_group = c.benchmark_group("verify");
    verify_group.throughput(Throughput::Elements(1));
    for (bits, key) in &keys {
        let store = MemoryStore::new();
        store.create_account(account(&r, key)).unwrap();
        for (alg, name) in algs {
            let t = mint(key, &r, alg);
            verify_group.bench_function(BenchmarkId::new(name, bits), |b| {
                b.iter(|| {
                    let opts = VerifyOptions {
                        audience: None,
                        max_lifetime: SignedDuration::from_hours(1),
                        max_lifetime_source: "bench",
                        now: Timestamp::now(),
                    };
                    token::verify(&t, &store, &opts).expect("verifies")
                })
            });
        }
    }
    verify_group.finish();
}

criterion_group!(benches, tokens);
criterion_main!(benches);
