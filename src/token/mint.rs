//! Minting self-signed tokens with an account key.

use std::collections::BTreeMap;

use anyhow::Result;
use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use jiff::{SignedDuration, Timestamp};
use jsonwebtoken::{Algorithm, Header};
use serde::Serialize;

use super::claims::{Actor, Audience, LEEWAY, algorithm_name, random_id};
use crate::identity::Reference;
use crate::keys::Signer;

/// What to mint.
pub struct MintRequest<'a> {
    pub reference: &'a Reference,
    pub key: &'a dyn Signer,
    pub alg: Algorithm,
    pub ttl: SignedDuration,
    pub audiences: &'a [String],
    pub extra: &'a BTreeMap<String, String>,
    pub now: Timestamp,
    /// The user the account acts for (`Account::impersonates`): `sub` becomes this user id
    /// and `act` names the account (RFC 8693).
    pub impersonates: Option<&'a str>,
}

/// A minted token and the facts about it.
#[derive(Serialize)]
pub struct Minted {
    pub token: String,
    pub kid: String,
    pub alg: &'static str,
    #[serde(rename = "issuedAt")]
    pub iat: Timestamp,
    #[serde(rename = "expiresAt")]
    pub exp: Timestamp,
    pub jti: String,
}

impl std::fmt::Debug for Minted {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Minted")
            .field("token", &"REDACTED")
            .field("kid", &self.kid)
            .field("exp", &self.exp)
            .finish()
    }
}

#[derive(Serialize)]
struct MintClaims<'a> {
    iss: &'a str,
    sub: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    act: Option<Actor<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    aud: Option<Audience<'a>>,
    iat: i64,
    exp: i64,
    jti: &'a str,
    #[serde(flatten)]
    extra: &'a BTreeMap<String, String>,
}

/// Signs a token: header `{alg, typ, kid}`, claims `iss = sub = reference` (for an
/// impersonating account `sub` = the user id and `act = {sub: reference}`), `iat = now − 60 s`,
/// `exp = now + ttl`, a random `jti`, optional `aud` and extra string claims.
pub fn mint(req: &MintRequest<'_>) -> Result<Minted> {
    let reference = req.reference.to_string();
    let kid = req.key.kid();
    let mut header = Header::new(req.alg);
    header.kid = Some(kid.clone());
    let iat = req.now - LEEWAY;
    let exp = req.now + req.ttl;
    let jti = random_id()?;
    let claims = MintClaims {
        iss: &reference,
        sub: req.impersonates.unwrap_or(&reference),
        act: req.impersonates.map(|_| Actor { sub: &reference }),
        aud: Audience::of(req.audiences),
        iat: iat.as_second(),
        exp: exp.as_second(),
        jti: &jti,
        extra: req.extra,
    };
    // `jsonwebtoken::encode`'s output, signed with the key aws-lc parsed once (encode would
    // parse and check the private key again for every token).
    let signing_input = format!(
        "{}.{}",
        URL_SAFE_NO_PAD.encode(serde_json::to_vec(&header)?),
        URL_SAFE_NO_PAD.encode(serde_json::to_vec(&claims)?)
    );
    let digest_bits = match req.alg {
        Algorithm::RS256 => 256,
        Algorithm::RS384 => 384,
        Algorithm::RS512 => 512,
        other => anyhow::bail!("cannot sign the token: {other:?} is not an RSA algorithm"),
    };
    let signature = req
        .key
        .sign_pkcs1(digest_bits, signing_input.as_bytes())
        .map_err(|e| anyhow::anyhow!("cannot sign the token: {e}"))?;
    let token = format!("{signing_input}.{}", URL_SAFE_NO_PAD.encode(signature));
    Ok(Minted {
        token,
        kid,
        alg: algorithm_name(req.alg),
        iat,
        exp,
        jti,
    })
}
