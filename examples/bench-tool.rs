//! Helpers for the scripts in bench/ (not part of svcacct):
//!
//! ```text
//! bench-tool rate SECONDS                 in-process RS256-2048 mint/s and verify/s, one thread
//! bench-tool mint KEY REFERENCE N TTL     N fresh tokens, one a line, signed on every core
//! ```
//!
//! `rate` verifies with `svcacct::token::verify` against an in-memory store (the key loaded
//! once, as a server holds it), so it counts everything a verification does, not just RSA.

use std::collections::BTreeMap;
use std::io::Write;
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use jiff::{SignedDuration, Timestamp};
use jsonwebtoken::Algorithm;

use svcacct::identity::{Name, Namespace, Reference};
use svcacct::keys::PrivateKey;
use svcacct::model::{Account, KeyRecord};
use svcacct::store::Store;
use svcacct::store::memory::MemoryStore;
use svcacct::token::{self, MintRequest, VerifyOptions};

fn mint(key: &PrivateKey, r: &Reference, ttl: SignedDuration) -> Result<String> {
    Ok(token::mint(&MintRequest {
        reference: r,
        key,
        alg: Algorithm::RS256,
        ttl,
        audiences: &[],
        extra: &BTreeMap::new(),
        now: Timestamp::now(),
        impersonates: None,
    })?
    .token)
}

/// Calls `f` for `secs` seconds; returns calls per second.
fn rate(secs: f64, mut f: impl FnMut()) -> f64 {
    let until = Duration::from_secs_f64(secs);
    let start = Instant::now();
    let mut n = 0u64;
    while start.elapsed() < until {
        for _ in 0..16 {
            f();
        }
        n += 16;
    }
    n as f64 / start.elapsed().as_secs_f64()
}

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.iter().map(String::as_str).collect::<Vec<_>>()[..] {
        ["rate", secs] => {
            let secs: f64 = secs.parse().context("SECONDS")?;
            let key = PrivateKey::generate(2048)?;
            let r = Reference::new(Namespace::default_ns(), Name::parse("bench")?);
            let now = Timestamp::now();
            let store = MemoryStore::new();
            store.create_account(Account {
                keys: vec![KeyRecord::new(key.public_key(), Default::default(), now)],
                ..Account::new(r.clone(), now)
            })?;
            let ttl = SignedDuration::from_mins(10);
            let t = mint(&key, &r, ttl)?;
            let verify = rate(secs, || {
                let opts = VerifyOptions {
                    audience: None,
                    max_lifetime: SignedDuration::from_hours(1),
                    max_lifetime_source: "bench",
                    now: Timestamp::now(),
                };
                token::verify(&t, &store, &opts).expect("verifies");
            });
            // What a verification cost before keys were parsed once (svcacct 1.0): the PEM
            // parsed and the RSA key built from (n, e) on every call; and the RSA check alone.
            let pem = KeyRecord::new(key.public_key(), Default::default(), now).public_key;
            let (signing_input, signature) = t.rsplit_once('.').context("a JWT")?;
            let uncached = rate(secs, || {
                let public = svcacct::keys::PublicKey::parse(pem.as_bytes(), "bench").unwrap();
                let decoding =
                    jsonwebtoken::DecodingKey::from_rsa_raw_components(public.n(), public.e());
                let ok = jsonwebtoken::crypto::verify(
                    signature,
                    signing_input.as_bytes(),
                    &decoding,
                    Algorithm::RS256,
                );
                assert!(ok.unwrap());
            });
            let parsed = aws_lc_rs::signature::ParsedPublicKey::new(
                &aws_lc_rs::signature::RSA_PKCS1_2048_8192_SHA256,
                key.public_key().spki_der(),
            )
            .map_err(|e| anyhow::anyhow!("{e}"))?;
            let sig = base64::Engine::decode(
                &base64::engine::general_purpose::URL_SAFE_NO_PAD,
                signature,
            )?;
            let rsa_only = rate(secs, || {
                assert!(parsed.verify_sig(signing_input.as_bytes(), &sig).is_ok());
            });
            let sign = rate(secs, || {
                mint(&key, &r, ttl).expect("mints");
            });
            println!("mint_per_s {sign:.1}\nverify_per_s {verify:.1}");
            println!(
                "verify_pem_each_call_per_s {uncached:.1}\nrsa_verify_only_per_s {rsa_only:.1}"
            );
        }
        ["mint", key, reference, n, ttl] => {
            let key = PrivateKey::parse(&std::fs::read(key)?, key, None)?;
            let r = Reference::parse_canonical(reference)?;
            let n: usize = n.parse().context("N")?;
            let ttl = svcacct::time::parse_duration(ttl)?;
            let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
            let chunks: Vec<Vec<String>> = std::thread::scope(|s| {
                let handles: Vec<_> = (0..threads)
                    .map(|t| {
                        let (key, r) = (&key, &r);
                        let count = n / threads + usize::from(t < n % threads);
                        s.spawn(move || {
                            (0..count)
                                .map(|_| mint(key, r, ttl).expect("mints"))
                                .collect::<Vec<_>>()
                        })
                    })
                    .collect();
                handles.into_iter().map(|h| h.join().unwrap()).collect()
            });
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            for t in chunks.iter().flatten() {
                writeln!(out, "{t}")?;
            }
            out.flush()?;
        }
        _ => bail!("usage: bench-tool rate SECONDS | bench-tool mint KEY REFERENCE N TTL"),
    }
    Ok(())
}
