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

type Parsed = HashMap<(String, &'static str), Arc<ParsedPublicKey>>;

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
    let lookup = (key.public_key.clone(), name);
    let cached = parsed()
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .get(&lookup)
        .cloned();
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
            map.insert(lookup, p.clone());
            p
        }
    };
    let Ok(sig) = URL_SAFE_NO_PAD.decode(signature) else {
        return Ok(false);
    };
    Ok(public.verify_sig(message, &sig).is_ok())
}
