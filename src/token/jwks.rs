//! The key sets gateways verify tokens with: an account's (its self-signed tokens) and the
//! issuer's (issued tokens), assembled here for `svcacct jwks` and for the server's routes.
//! A key that no longer parses (a hand-edited record) is left out of the set and kept in
//! [`KeySet::left_out`]: the CLI refuses an account's set with such a key, and the server (and
//! the issuer's set everywhere) logs it and publishes the rest.

use anyhow::Result;
use jiff::Timestamp;
use serde_json::Value;

use crate::issued::{IssuerAlgorithm, IssuerView};
use crate::keys::{KeyError, PublicKey};
use crate::model::{Account, Status};
use crate::registry::issuer::view_of;
use crate::store::Store;

/// The JWKs of a set, and the keys that could not be published.
#[derive(Debug, Default)]
pub struct KeySet {
    pub keys: Vec<Value>,
    pub left_out: Vec<KeyError>,
}

impl KeySet {
    /// Each public key (with the one algorithm it signs with) as a JWK, or as left out.
    fn of<'k>(keys: impl IntoIterator<Item = (Result<PublicKey, KeyError>, &'k str)>) -> KeySet {
        let mut set = KeySet::default();
        for (key, alg) in keys {
            match key {
                Ok(p) => set.keys.push(p.jwk(Some(alg))),
                Err(e) => set.left_out.push(e),
            }
        }
        set
    }

    /// Says on stderr (the server's log) which keys were left out.
    pub fn report_left_out(&self) {
        for e in &self.left_out {
            crate::errln!("svcacct: left out of the JWKS: {e}");
        }
    }

    /// The JWKS document: `{"keys": […]}`.
    pub fn document(&self) -> Value {
        serde_json::json!({ "keys": self.keys })
    }
}

/// An account's JWKS (`svcacct jwks NAME`, `GET …/serviceaccounts/{name}/jwks`): its keys
/// while it is active (none while it is disabled or expired, so gateways refuse its tokens
/// too), each with `alg` = the one algorithm it is registered for.
pub fn account_jwks(account: &Account, now: Timestamp) -> KeySet {
    if account.status(now) != Status::Active {
        return KeySet::default();
    }
    let r = account.reference();
    KeySet::of(
        account
            .keys
            .iter()
            .map(|k| (k.public(&r), k.algorithm.as_str())),
    )
}

/// The issuer's RSA keys (HMAC secrets are never published).
pub fn issuer_jwks(view: &IssuerView) -> KeySet {
    KeySet::of(
        view.keys
            .iter()
            .filter(|k| k.algorithm == IssuerAlgorithm::RS256)
            .filter_map(|k| {
                let pem = k.public_key.as_deref()?;
                let key = PublicKey::parse(pem.as_bytes(), &format!("issuer key {}", k.kid));
                Some((key, "RS256"))
            }),
    )
}

/// The JWKS of a store's issuer (empty before it exists). A local store reads the issuer
/// record alone: the token files only say how long a retired key is kept, and one unreadable
/// file must not keep gateways from every key.
pub fn store_jwks(store: &(impl Store + ?Sized)) -> Result<KeySet> {
    let view = match store.engine() {
        Some(b) => b
            .read_issuer()
            .map_err(crate::error::UserError::from)?
            .map(|r| view_of(&r, &[], Timestamp::now())),
        None => store.issuer()?,
    };
    Ok(view.as_ref().map(issuer_jwks).unwrap_or_default())
}
