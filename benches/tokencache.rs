//! The server's verification of a token it has seen before (`server::auth::Authenticator`, the
//! token cache) with 100, 12,500 and 62,500 distinct live tokens in the cache, and the memory
//! the cache holds for them. `cargo bench --bench tokencache` (issue 17; see BENCHMARKS.md).
//!
//! Each check is what a request with a reused token costs the server before its handler: the
//! SHA-256 of the token, the cache look-up, and the account read again from the read cache
//! (`store::cached::Cached`) to refuse a deleted, re-created, disabled or expired account or
//! a removed key at once. The tokens are checked in a scattered order, as requests of many
//! clients arrive, each copied first (not timed) as a request's token is read just before. The memory is counted by this bench's allocator: the bytes still allocated
//! after the first verification of every token, less those before it.

use std::alloc::{GlobalAlloc, Layout, System};
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicIsize, Ordering};

use criterion::{BatchSize, BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use jiff::{SignedDuration, Timestamp};

use svcacct::identity::{Name, Namespace, Reference};
use svcacct::keys::PrivateKey;
use svcacct::model::{Account, KeyRecord};
use svcacct::server::auth::{Authenticator, Caller};
use svcacct::store::Store;
use svcacct::store::cached::Cached;
use svcacct::store::memory::MemoryStore;
use svcacct::token::{self, MintRequest};

/// The system allocator, counting the bytes allocated and not yet freed.
struct Counting;

static LIVE: AtomicIsize = AtomicIsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        LIVE.fetch_add(layout.size() as isize, Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size() as isize, Ordering::Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        LIVE.fetch_add(
            new_size as isize - layout.size() as isize,
            Ordering::Relaxed,
        );
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Accounts the tokens are spread over (each with its own key: one key pair per account).
const ACCOUNTS: usize = 32;
const SIZES: [usize; 3] = [100, 12_500, 62_500];

fn mint_all(keys: &[(Reference, PrivateKey)], n: usize) -> Vec<String> {
    let now = Timestamp::now();
    let threads = std::thread::available_parallelism().map_or(1, |p| p.get());
    std::thread::scope(|s| {
        let handles: Vec<_> = (0..threads)
            .map(|t| {
                s.spawn(move || {
                    (t..n)
                        .step_by(threads)
                        .map(|i| {
                            let (r, key) = &keys[i % keys.len()];
                            token::mint(&MintRequest {
                                reference: r,
                                key,
                                alg: jsonwebtoken::Algorithm::RS256,
                                ttl: SignedDuration::from_mins(30),
                                audiences: &[],
                                extra: &BTreeMap::new(),
                                now,
                                impersonates: None,
                            })
                            .expect("mint")
                            .token
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("minting thread"))
            .collect()
    })
}

fn check(a: &Authenticator, store: &dyn Store, t: &str) -> Caller {
    let now = Timestamp::now();
    // As the server: inline when the read cache has the account, else the blocking path
    // (which reads it into the read cache: every 2 s per account).
    match a.authenticate_inline(t, store, now) {
        Some(r) => r,
        None => a.authenticate(t, store, now),
    }
    .expect("a valid token")
}

fn cached_verification(c: &mut Criterion) {
    let store = Cached::new(MemoryStore::new());
    let now = Timestamp::now();
    let keys: Vec<(Reference, PrivateKey)> = (0..ACCOUNTS)
        .map(|i| {
            let r = Reference::new(
                Namespace::default_ns(),
                Name::parse(&format!("sa-{i:03}")).unwrap(),
            );
            let key = PrivateKey::generate(2048).expect("keygen");
            store
                .create_account(Account {
                    keys: vec![KeyRecord::new(key.public_key(), Default::default(), now)],
                    ..Account::new(r.clone(), now)
                })
                .expect("account");
            (r, key)
        })
        .collect();
    let mut group = c.benchmark_group("cached_verify");
    group.throughput(Throughput::Elements(1));
    for n in SIZES {
        let tokens = mint_all(&keys, n);
        let a = Authenticator::new(
            SignedDuration::from_hours(1),
            "bench".into(),
            std::sync::Arc::new(svcacct::server::metrics::Metrics::new(false)),
        );
        let before = LIVE.load(Ordering::Relaxed);
        for t in &tokens {
            drop(check(&a, &store, t));
        }
        let held = LIVE.load(Ordering::Relaxed) - before;
        eprintln!(
            "cached_verify/{n}: {} tokens cached, {:.1} MiB held ({} bytes per token)",
            a.cache.len(),
            held as f64 / (1024.0 * 1024.0),
            held / n as isize
        );
        assert_eq!(a.cache.len(), n, "every token stays in the cache");
        // A stride coprime with n: every token in turn, far from the one before.
        let stride = (n / 2 + 1..).find(|s| gcd(*s, n) == 1).unwrap();
        let mut i = 0;
        // Each token is copied before it is checked (not timed), as a server checks the token
        // of a request it has just read: reading it cold from a list of 62,500 tokens (50 MB)
        // would time this bench's memory, not the cache.
        group.bench_function(BenchmarkId::from_parameter(n), |b| {
            b.iter_batched_ref(
                || {
                    i = (i + stride) % n;
                    tokens[i].clone()
                },
                |t| check(&a, &store, t),
                BatchSize::SmallInput,
            )
        });
        assert_eq!(a.cache.len(), n, "no token was dropped while checked");
    }
    group.finish();
}

fn gcd(a: usize, b: usize) -> usize {
    if b == 0 { a } else { gcd(b, a % b) }
}

criterion_group!(benches, cached_verification);
criterion_main!(benches);
