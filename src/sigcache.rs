//! Registered public keys parsed once per process for signature checks: a server verifies
//! many tokens with few keys, and parsing the PEM and building the RSA key each time cost
//! about as much as the RSA verification itself (BENCHMARKS.md).

use std::sync::{Arc, OnceLock};

use aws_lc_rs::signature::{self, ParsedPublicKey, RsaParameters};
use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use jsonwebtoken::Algorithm;

use crate::identity::Reference;
use crate::keys::KeyError;
use crate::model::KeyRecord;

/// Most parsed keys kept: 10,000 keys under each of the three algorithms. Beyond it the least
/// used are dropped (and parsed again on use).
const CAPACITY: usize = 3 * 10_000;

/// A key's PEM and the algorithm it was parsed for.
#[derive(Hash, PartialEq, Eq)]
struct Owned {
    pem: String,
    alg: &'static str,
}

/// [`Owned`] borrowed, to look a key up without copying its PEM: hashes as [`Owned`] does.
#[derive(Hash)]
struct Borrowed<'a> {
    pem: &'a str,
    alg: &'static str,
}

impl quick_cache::Equivalent<Owned> for Borrowed<'_> {
    fn equivalent(&self, key: &Owned) -> bool {
        self.pem == key.pem && self.alg == key.alg
    }
}

/// The bounded caches of svcacct are `quick_cache` caches (issue 13: one well-kept crate rather
/// than hand-rolled maps emptied when full). quick_cache rather than moka, measured on a hit
/// of a cache of 10,000 `Arc`s by a 32-byte key (one thread, callgrind and wall clock):
/// quick_cache 206 instructions (29 ns), moka 1,165 (147 ns: its hit also records the read
/// for its policy), `RwLock<HashMap>` with std's SipHash 336 (31 ns). quick_cache also adds
/// no crate but itself to the build; expiry, where a cache needs it, is kept in the value and
/// checked on read (`server::auth::TokenCache`).
type Parsed = quick_cache::sync::Cache<Owned, Arc<ParsedPublicKey>>;

fn parsed() -> &'static Parsed {
    static CACHE: OnceLock<Parsed> = OnceLock::new();
    CACHE.get_or_init(|| Parsed::new(CAPACITY))
}

fn parameters(alg: Algorithm) -> Option<(&'static RsaParameters, &'static str)> {
    match alg {
        Algorithm::RS256 => Some((&signature::RSA_PKCS1_2048_8192_SHA256, "RS256")),
        Algorithm::RS384 => Some((&signature::RSA_PKCS1_2048_8192_SHA384, "RS384")),
        Algorithm::RS512 => Some((&signature::RSA_PKCS1_2048_8192_SHA512, "RS512")),
        _ => None,
    }
}

/// Does `signature` (base64url) sign `message` with `key` under `alg`? A key that no longer
/// parses is an error naming it; a key aws-lc refuses for `alg` (e.g. under 2048 bits)
/// verifies nothing, as with `jsonwebtoken::crypto::verify`.
pub fn verifies(
    owner: &Reference,
    key: &KeyRecord,
    alg: Algorithm,
    message: &[u8],
    signature: &str,
) -> Result<bool, KeyError> {
    let Some((params, name)) = parameters(alg) else {
        return Ok(false);
    };
    let cached = parsed().get(&Borrowed {
        pem: &key.public_key,
        alg: name,
    });
    let public = match cached {
        Some(p) => p,
        None => {
            let spki = key.public(owner)?;
            let Ok(p) = ParsedPublicKey::new(params, spki.spki_der()) else {
                return Ok(false);
            };
            let p = Arc::new(p);
            let owned = Owned {
                pem: key.public_key.clone(),
                alg: name,
            };
            parsed().insert(owned, p.clone());
            p
        }
    };
    let Ok(sig) = URL_SAFE_NO_PAD.decode(signature) else {
        return Ok(false);
    };
    Ok(public.verify_sig(message, &sig).is_ok())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keys::PrivateKey;

    #[test]
    fn a_key_is_kept_parsed_for_each_algorithm() {
        let key = PrivateKey::generate(2048).unwrap();
        let record = crate::model::KeyRecord::new(
            key.public_key(),
            Default::default(),
            jiff::Timestamp::now(),
        );
        let owner = Reference::parse_canonical("ci-bot").unwrap();
        let message = b"header.claims";
        let signed = |bits| URL_SAFE_NO_PAD.encode(key.sign_pkcs1(bits, message).unwrap());
        let (s256, s384) = (signed(256), signed(384));
        // twice each: parsed the first time, kept the second
        for _ in 0..2 {
            assert!(verifies(&owner, &record, Algorithm::RS256, message, &s256).unwrap());
            assert!(verifies(&owner, &record, Algorithm::RS384, message, &s384).unwrap());
            // a signature checked under another algorithm than the one it was made with
            assert!(!verifies(&owner, &record, Algorithm::RS384, message, &s256).unwrap());
            assert!(!verifies(&owner, &record, Algorithm::RS256, message, &s384).unwrap());
            assert!(!verifies(&owner, &record, Algorithm::RS256, b"header.other", &s256).unwrap());
        }
        let kept = |alg| {
            let pem = record.public_key.as_str();
            parsed().get(&Borrowed { pem, alg }).is_some()
        };
        assert!(kept("RS256") && kept("RS384") && !kept("RS512"));
    }
}
