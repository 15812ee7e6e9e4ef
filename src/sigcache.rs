//! Registered public keys parsed once per process for signature checks: a server verifies
//! many tokens with few keys, and parsing the PEM and building the RSA key each time cost
//! about as much as the RSA verification itself (BENCHMARKS.md).

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use aws_lc_rs::signature::{self, ParsedPublicKey, RsaParameters};
use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use jsonwebtoken::Algorithm;

use crate::identity::Reference;
use crate::keys::KeyError;
use crate::model::KeyRecord;

/// Most parsed keys kept; all are dropped when it is reached (they are parsed again on use).
const CAPACITY: usize = 10_000;

/// By the key's PEM (looked up without a copy), then by algorithm.
type Parsed = HashMap<String, Vec<(&'static str, Arc<ParsedPublicKey>)>>;

fn parsed() -> &'static Mutex<Parsed> {
    static CACHE: OnceLock<Mutex<Parsed>> = OnceLock::new();
    CACHE.get_or_init(Mutex::default)
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
    let cached = parsed()
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .get(key.public_key.as_str())
        .and_then(|by_alg| by_alg.iter().find(|(alg, _)| *alg == name))
        .map(|(_, p)| p.clone());
    let public = match cached {
        Some(p) => p,
        None => {
            let spki = key.public(owner)?;
            let Ok(p) = ParsedPublicKey::new(params, spki.spki_der()) else {
                return Ok(false);
            };
            let p = Arc::new(p);
            let mut map = parsed().lock().unwrap_or_else(|e| e.into_inner());
            if map.len() >= CAPACITY {
                map.clear();
            }
            let by_alg = map.entry(key.public_key.clone()).or_default();
            by_alg.retain(|(alg, _)| *alg != name);
            by_alg.push((name, p.clone()));
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
        let kept = parsed().lock().unwrap();
        let algs: Vec<_> = kept[record.public_key.as_str()]
            .iter()
            .map(|(a, _)| *a)
            .collect();
        assert_eq!(algs.len(), 2, "{algs:?}");
    }
}
