//! One verification pipeline for both kinds of token: self-signed ones (`iss` = the account,
//! signed with one of its keys) and issued ones (`iss` = the store's issuer, signed with an
//! issuer key, and backed by a token record). [`verify_parsed`] checks the header, then the
//! kind's algorithm, key and signature, then the claims; each rule is one function below,
//! used by both kinds where it applies to both.
//!
//! Self-signed, in this order: shape, header, algorithm, issuer account, key, signature,
//! account state, times, lifetime, subject, audience.
//!
//! Issued: shape, header, algorithm (RS256 or HS256 only, and the one of the key named by
//! `kid`), issuer, key, signature, account, token record (it exists and belongs to the current
//! account, not to a deleted one of the same name), subject, account state, times, audience.
//! The file and memory stores keep the issuer themselves (their `crate::store::Engine`); the
//! remote store asks the server, which keeps it in its own store.

use std::sync::Arc;

use anyhow::Result;
use jiff::{SignedDuration, Timestamp};
use jsonwebtoken::{Algorithm, DecodingKey};
use serde_json::{Map, Value};

use super::claims::{
    LEEWAY, Parsed, algorithm_name, audiences, numeric_claim, parse, reject, rsa_algorithm,
};
use crate::error::UserError;
use crate::identity::{Name, Namespace, Reference};
use crate::issued::{
    ACCOUNT_CLAIM, AccountClaim, ISSUER_PREFIX, IssuerAlgorithm, IssuerKey, IssuerRecord,
    TokenFile, TokenRecord,
};
use crate::keys::PublicKey;
use crate::model::{Account, KeyRecord};
use crate::output::sanitize;
use crate::registry::tokens::touch;
use crate::store::Engine;
use crate::store::Store;

/// Refuses a header that a recipient must understand or reject: `crit` lists extensions
/// whose meaning changes how the token is processed (RFC 7515 §4.1.11; e.g. `b64`, RFC 7797),
/// and svcacct implements none. Key-locating parameters (`jku`, `jwk`, `x5u`, `x5c`) are never
/// followed: keys come from the registry alone (RFC 8725 §3.10).
pub(crate) fn check_header(header: &Map<String, Value>) -> Result<()> {
    if header.contains_key("crit") {
        return Err(reject(
            "the header has `crit`, naming extensions svcacct does not implement: a recipient \
             must refuse such a token (RFC 7515 §4.1.11)",
        ));
    }
    match header.get("typ") {
        None => Ok(()),
        Some(Value::String(t))
            if t.eq_ignore_ascii_case("JWT") || t.eq_ignore_ascii_case("application/jwt") =>
        {
            Ok(())
        }
        Some(Value::String(t)) => Err(reject(format!(
            "the header says `typ` `{}`: a svcacct token is a JWT (`typ` `JWT`, or none; \
             RFC 8725 §3.11)",
            sanitize(t)
        ))),
        Some(_) => Err(reject("`typ` must be a string")),
    }
}

/// The rule that keeps an account's tokens from outliving its name and keys: a token minted
/// before the account got its reference (created, or renamed onto it) was minted for
/// whatever held that name before, and one minted before `key` was registered (removed and
/// registered again) for a registration that was withdrawn. `iat` is svcacct's minting time
/// minus the clock-skew allowance, so the allowance is granted once here.
pub(crate) fn check_minted_after(
    account: &Account,
    key: Option<&KeyRecord>,
    iat: Timestamp,
) -> Result<()> {
    let r = account.reference();
    // In whole seconds, as `iat` is: a token minted just after the account was created has
    // an `iat` up to a second before `created − LEEWAY` otherwise.
    let before = |t: Timestamp| iat.as_second() < (t - LEEWAY).as_second();
    let since = account.named_since();
    if before(since) {
        return Err(reject(match account.renamed {
            Some(renamed) => format!(
                "the token was issued (`iat`) at {}, before service account `{r}` was renamed to this \
                 name at {}: it was minted for an earlier holder of the name",
                crate::time::local(iat),
                crate::time::local(renamed)
            ),
            None => format!(
                "the token was issued (`iat`) at {}, before service account `{r}` was created at {}: \
                 tokens of an earlier account of the same name are never accepted",
                crate::time::local(iat),
                crate::time::local(account.created)
            ),
        }));
    }
    if let Some(key) = key
        && before(key.created)
    {
        return Err(reject(format!(
            "the token was issued (`iat`) at {}, before key `{}` was registered for `{r}` at {}",
            crate::time::local(iat),
            key.kid,
            crate::time::local(key.created)
        )));
    }
    Ok(())
}

/// What a verifier requires beyond the signature.
pub struct VerifyOptions<'a> {
    pub audience: Option<&'a str>,
    pub max_lifetime: SignedDuration,
    /// Named in the error when a token outlives `max_lifetime`.
    pub max_lifetime_source: &'a str,
    pub now: Timestamp,
}

/// A token that passed every rule: self-signed (by an account key) or issued by the store
/// (`issued` is set; `kid` names the issuer key, and `exp` is absent for a token that never
/// expires).
#[derive(Debug)]
pub struct Verified {
    pub account: Arc<Account>,
    pub kid: String,
    /// Of the public key (empty for an HMAC issuer key).
    pub fingerprint: String,
    pub alg: &'static str,
    pub iat: Timestamp,
    pub exp: Option<Timestamp>,
    pub audiences: Vec<String>,
    pub claims: Map<String, Value>,
    pub issued: Option<IssuedBy>,
    /// For a requested token (`crate::registry::requested`): the issuer's `iss` it carries.
    pub requested_from: Option<String>,
}

impl Verified {
    /// Who the token speaks for, as `whoami` and token reviews answer.
    pub fn identity(&self) -> crate::api::Identity {
        let mut identity = identity_of(
            &self.account,
            &self.kid,
            &self.fingerprint,
            self.alg,
            self.iat,
            self.exp,
            self.issued.as_ref(),
        );
        if identity.issuer.is_none() {
            identity.issuer = self.requested_from.clone();
        }
        identity
    }
}

/// Who a verified token of `account` speaks for, from the facts verification found (the
/// server's token cache keeps them, so a cache hit builds this without a `Verified`).
pub fn identity_of(
    account: &Account,
    kid: &str,
    fingerprint: &str,
    alg: &str,
    iat: Timestamp,
    exp: Option<Timestamp>,
    issued: Option<&IssuedBy>,
) -> crate::api::Identity {
    let r = account.reference();
    crate::api::Identity {
        account: r.to_string(),
        namespace: account.namespace.clone(),
        name: account.name.clone(),
        username: r.username(),
        groups: account.all_groups(),
        impersonates: account.impersonates.clone(),
        kid: kid.to_owned(),
        fingerprint: fingerprint.to_owned(),
        algorithm: alg.to_owned(),
        issued_at: iat,
        expires_at: exp,
        issuer: issued.map(|i| i.issuer.clone()),
        token_name: issued.map(|i| i.token_name.to_string()),
    }
}

fn signature_ok(
    owner: &Reference,
    key: &KeyRecord,
    parsed: &Parsed<'_>,
    alg: Algorithm,
) -> Result<bool> {
    Ok(crate::sigcache::verifies(
        owner,
        key,
        alg,
        parsed.signing_input.as_bytes(),
        parsed.signature,
    )?)
}

/// Whether `iss` names an issuer (its id, or an https URL) rather than an account: no account
/// reference has a `:`.
pub(crate) fn is_issuer_claim(iss: &str) -> bool {
    iss.starts_with(ISSUER_PREFIX) || iss.starts_with("https://")
}

/// The account that signed a self-signed token (its `iss`); `None` for an issued token (its
/// `iss` is the store's issuer) and for an `iss` that is no reference (`verify` says why). The
/// server verifies such a token without a blocking task when it has the account in memory.
pub fn self_signed_account(parsed: &Parsed<'_>) -> Option<Reference> {
    let iss = parsed.claims.get("iss")?.as_str()?;
    if is_issuer_claim(iss) {
        return None;
    }
    Reference::parse_canonical(iss).ok()
}

/// The account a token's `claim` names (`iss` of a self-signed token, `sub` or `act.sub` of an
/// issued one): a value that is no reference, or an unknown account, is a rejection.
pub(crate) fn claimed_account(
    store: &dyn Store,
    claim: &str,
    value: &str,
) -> Result<(Reference, Arc<Account>)> {
    let reference = Reference::parse_canonical(value).map_err(|_| {
        reject(format!(
            "`{claim}` `{}` is not a service account reference",
            sanitize(value)
        ))
    })?;
    // One spelling per account: `default/bot` is `bot`. A second spelling would be a second
    // identity to anything that compares the claim as a string.
    if reference.to_string() != value {
        return Err(reject(format!(
            "`{claim}` `{}` is not written as the account's reference: write `{reference}`",
            sanitize(value)
        )));
    }
    // A server's read cache shares its record; other stores read it.
    let found = match store.engine().and_then(|e| e.cached_account(&reference)) {
        Some(a) => Ok(a),
        None => store.get_account(&reference).map(Arc::new),
    };
    match found {
        Ok(a) => Ok((reference, a)),
        Err(e) => Err(match e.downcast_ref::<UserError>() {
            Some(u @ UserError::UnknownAccount { .. }) => reject(u.to_string()),
            _ => e,
        }),
    }
}

/// `sub` and `act`: an account that impersonates a user signs tokens with `sub` = that user
/// and `act = {"sub": iss}` (RFC 8693), exactly; any other account's `sub` (if present) is
/// `iss`, and it has no `act`.
pub(crate) fn check_subject(
    claims: &Map<String, Value>,
    iss: &str,
    account: &Account,
) -> Result<()> {
    let sub = claims.get("sub");
    let act = claims.get("act");
    let Some(user) = &account.impersonates else {
        if act.is_some() {
            return Err(reject(format!(
                "the token has an `act` claim, but service account `{}` impersonates no user",
                account.reference()
            )));
        }
        return match sub {
            None => Err(reject(
                "the token has no `sub` claim: a self-signed token names its account in both \
                 `iss` and `sub`",
            )),
            Some(Value::String(s)) if s == iss => Ok(()),
            Some(_) => Err(reject(
                "`sub` differs from `iss`: a self-signed token names one account",
            )),
        };
    };
    let acts_for_user = matches!(sub, Some(Value::String(s)) if s == user);
    let names_account = match act.and_then(Value::as_object) {
        Some(o) => o.len() == 1 && o.get("sub").and_then(Value::as_str) == Some(iss),
        None => false,
    };
    if acts_for_user && names_account {
        Ok(())
    } else {
        Err(reject(format!(
            "service account `{}` impersonates user `{}`: its tokens must carry `sub` = that user and `act` = {{\"sub\": \"{}\"}}",
            account.reference(),
            sanitize(user),
            sanitize(iss)
        )))
    }
}

/// Checks a token by every rule of its kind (see the module documentation).
pub fn verify(token: &str, store: &dyn Store, opts: &VerifyOptions<'_>) -> Result<Verified> {
    verify_parsed(parse(token)?, store, opts)
}

/// `verify` of a token already parsed (the server parses once to choose where to verify).
pub fn verify_parsed(
    parsed: Parsed<'_>,
    store: &dyn Store,
    opts: &VerifyOptions<'_>,
) -> Result<Verified> {
    check_header(&parsed.header)?;
    if is_issued(&parsed) {
        verify_issued(parsed, store, opts)
    } else {
        verify_self_signed(parsed, store, opts)
    }
}

/// Whether `parsed` is verified as an issued token (its `iss` is the store's issuer), not as
/// a self-signed one.
pub fn is_issued(parsed: &Parsed<'_>) -> bool {
    matches!(parsed.claims.get("iss"), Some(Value::String(iss)) if is_issuer_claim(iss))
}

/// The header's `alg`, which every token has.
fn header_alg(header: &Map<String, Value>) -> Result<&str> {
    match header.get("alg").and_then(Value::as_str).unwrap_or("") {
        "" => Err(reject("the header has no `alg`")),
        name => Ok(name),
    }
}

/// The header's `kid`, if it has one.
fn header_kid(header: &Map<String, Value>) -> Result<Option<&str>> {
    match header.get("kid") {
        None => Ok(None),
        Some(Value::String(kid)) => Ok(Some(kid)),
        Some(_) => Err(reject("`kid` must be a string")),
    }
}

/// An account that is disabled or expired speaks for no one.
fn check_active(account: &Account, now: Timestamp) -> Result<()> {
    match account.refusal(now) {
        Some(why) => Err(reject(why)),
        None => Ok(()),
    }
}

/// `iat`, which every token has.
fn issued_at(claims: &Map<String, Value>) -> Result<Timestamp> {
    numeric_claim(claims, "iat")?.ok_or_else(|| reject("the token has no `iat` claim"))
}

/// A token from the future (beyond the clock-skew allowance) is refused.
fn check_not_future(iat: Timestamp, now: Timestamp) -> Result<()> {
    if iat > now + LEEWAY {
        return Err(reject(format!(
            "the token was issued in the future (iat {}); check the clocks",
            crate::time::local(iat)
        )));
    }
    Ok(())
}

/// The times of a token that must expire (self-signed and requested): `exp` and `iat` present,
/// not expired, not from the future, not before its `nbf`, `exp` after `iat`. Its `iat` and `exp`.
fn check_times(claims: &Map<String, Value>, now: Timestamp) -> Result<(Timestamp, Timestamp)> {
    let exp =
        numeric_claim(claims, "exp")?.ok_or_else(|| reject("the token has no `exp` claim"))?;
    let iat = issued_at(claims)?;
    // Not `exp + LEEWAY`: that overflows for an `exp` at the latest representable second.
    if exp < now - LEEWAY {
        return Err(reject(format!(
            "the token expired at {} ({} ago)",
            crate::time::local(exp),
            crate::time::human(now.duration_since(exp))
        )));
    }
    check_not_future(iat, now)?;
    if let Some(nbf) = numeric_claim(claims, "nbf")?
        && nbf > now + LEEWAY
    {
        return Err(reject(format!(
            "the token is not valid before {}",
            crate::time::local(nbf)
        )));
    }
    if exp <= iat {
        return Err(reject("`exp` is not after `iat`"));
    }
    Ok((iat, exp))
}

/// An account key's token: algorithm, issuer account, key, signature, account state, times,
/// lifetime, subject, audience.
fn verify_self_signed(
    parsed: Parsed<'_>,
    store: &dyn Store,
    opts: &VerifyOptions<'_>,
) -> Result<Verified> {
    let alg = match header_alg(&parsed.header)? {
        "none" => {
            return Err(reject(
                "algorithm `none` is refused: tokens must be signed with RS256, RS384 or RS512",
            ));
        }
        name if name.starts_with("HS") => {
            return Err(reject(format!(
                "algorithm `{}` is refused for account keys: only RS256, RS384 and RS512 are accepted",
                sanitize(name)
            )));
        }
        name => rsa_algorithm(name).ok_or_else(|| {
            reject(format!(
                "algorithm `{}` is not accepted: only RS256, RS384 and RS512",
                sanitize(name)
            ))
        })?,
    };
    let iss = match parsed.claims.get("iss") {
        Some(Value::String(s)) => s.as_str(),
        Some(_) => return Err(reject("`iss` must be a string")),
        None => {
            return Err(reject(
                "the token has no `iss` claim naming its service account",
            ));
        }
    };
    // Every check that does not need the account comes before it is looked up: a refusal that
    // depends on the account existing would tell an anonymous caller which accounts exist.
    let kid = header_kid(&parsed.header)?;
    let (reference, account) = claimed_account(store, "iss", iss)?;
    let key = match kid {
        Some(kid) => {
            let key = account.keys.iter().find(|k| k.kid == kid).ok_or_else(|| {
                reject(format!(
                    "unknown kid `{}`: service account `{reference}` has no such key (see `svcacct key list {reference}`)",
                    sanitize(kid)
                ))
            })?;
            // One algorithm per key (RFC 8725 §3.1), as its JWK says: a gateway with the
            // account's JWKS refuses any other, so svcacct does too. (Worded as a signature
            // failure, which the server's 401 does not tell apart from an unknown kid.)
            if key.algorithm.jwt() != alg {
                return Err(reject(format!(
                    "the signature does not verify: the token is signed with {}, but key `{}` of `{reference}` is registered for {} (each key signs with one algorithm; see `svcacct key list {reference}`)",
                    algorithm_name(alg),
                    key.kid,
                    key.algorithm
                )));
            }
            if !signature_ok(&reference, key, &parsed, alg)? {
                return Err(reject(format!(
                    "the signature does not verify with key `{}` of `{reference}` (tampered token or wrong key)",
                    key.kid
                )));
            }
            key.clone()
        }
        None => {
            let mut found = None;
            for key in account.keys.iter().filter(|k| k.algorithm.jwt() == alg) {
                if signature_ok(&reference, key, &parsed, alg)? {
                    found = Some(key.clone());
                    break;
                }
            }
            found.ok_or_else(|| {
                reject(format!(
                    "the signature does not verify with any key of `{reference}` registered for {} (tampered token, wrong key, or a key registered for another algorithm)",
                    algorithm_name(alg)
                ))
            })?
        }
    };
    check_active(&account, opts.now)?;
    let (iat, exp) = check_times(&parsed.claims, opts.now)?;
    check_minted_after(&account, Some(&key), iat)?;
    let lifetime = exp.duration_since(iat);
    if lifetime > opts.max_lifetime + LEEWAY {
        return Err(reject(format!(
            "the token's lifetime {} exceeds the maximum of {} (set by {})",
            crate::time::human(lifetime),
            crate::time::setting(opts.max_lifetime),
            opts.max_lifetime_source
        )));
    }
    check_subject(&parsed.claims, iss, &account)?;
    let auds = audiences(&parsed.claims)?;
    check_audience(&auds, opts.audience)?;
    Ok(Verified {
        account,
        kid: key.kid,
        fingerprint: key.fingerprint,
        alg: algorithm_name(alg),
        iat,
        exp: Some(exp),
        audiences: auds,
        claims: parsed.claims,
        issued: None,
        requested_from: None,
    })
}

/// What an issued token adds to a verification.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IssuedBy {
    pub issuer: String,
    pub token_name: Name,
    pub token_id: String,
}

/// The record of an issued token of `account`, or why it no longer counts.
pub fn live_record(b: &dyn Engine, account: &Account, jti: &str) -> Result<TokenRecord> {
    let file = b
        .read_tokens(&account.reference())
        .map_err(UserError::from)?;
    live_record_in(file.as_ref(), account, jti)
}

/// `live_record`, from the account's token file as read.
pub fn live_record_in(
    file: Option<&TokenFile>,
    account: &Account,
    jti: &str,
) -> Result<TokenRecord> {
    let r = account.reference();
    if let Some(f) = file
        && f.account_uid != account.uid
        && f.tokens.iter().any(|t| t.id == jti)
    {
        return Err(reject(format!(
            "the token was issued to an earlier service account `{r}` (deleted since); a re-created account never revives its tokens"
        )));
    }
    file.filter(|f| f.account_uid == account.uid)
        .and_then(|f| f.tokens.iter().find(|t| t.id == jti))
        .cloned()
        .ok_or_else(|| {
            reject(format!(
                "the issued token `{}` of `{r}` has been revoked (or never existed)",
                sanitize(jti)
            ))
        })
}

/// Refuses an issued token past its record's expiry (which a verified token's `exp` equals),
/// saying when it expired.
pub fn check_unexpired(record: &TokenRecord, owner: &Reference, now: Timestamp) -> Result<()> {
    match record.expires {
        Some(exp) if exp < now - LEEWAY => Err(reject(format!(
            "the issued token `{}` of `{owner}` expired at {} ({} ago)",
            record.name,
            crate::time::local(exp),
            crate::time::human(now.duration_since(exp))
        ))),
        _ => Ok(()),
    }
}

/// A token of the store's issuer (its `iss` starts with [`ISSUER_PREFIX`]): algorithm, issuer,
/// key, signature, account, token record, subject, account state, times, audience.
fn verify_issued(
    parsed: Parsed<'_>,
    store: &dyn Store,
    opts: &VerifyOptions<'_>,
) -> Result<Verified> {
    let alg = match header_alg(&parsed.header)? {
        "none" => {
            return Err(reject(
                "algorithm `none` is refused: issued tokens are signed with RS256 or HS256",
            ));
        }
        "RS256" => IssuerAlgorithm::RS256,
        "HS256" => IssuerAlgorithm::HS256,
        other => {
            return Err(reject(format!(
                "algorithm `{}` is not accepted for issued tokens: only RS256 and HS256",
                sanitize(other)
            )));
        }
    };
    let iss = parsed
        .claims
        .get("iss")
        .and_then(Value::as_str)
        .unwrap_or("");
    let kid = header_kid(&parsed.header)?
        .ok_or_else(|| reject("an issued token names its issuer key in `kid`"))?;
    let Some(b) = store.engine() else {
        return Err(reject(
            "issued tokens are verified by the server that issued them (use its tokenreviews)",
        ));
    };
    let Some(issuer) = b.read_issuer().map_err(UserError::from)? else {
        return Err(reject(format!(
            "the token was issued by `{}`, and this store has no issuer",
            sanitize(iss)
        )));
    };
    if !issuer.is_named_by(iss) {
        return Err(reject(format!(
            "the token was issued by `{}`, not by this store's issuer `{}`",
            sanitize(iss),
            issuer.iss()
        )));
    }
    let key = issuer.keys.iter().find(|k| k.kid == kid).ok_or_else(|| {
        reject(format!(
            "unknown issuer key `{}` (never this issuer's, or retired and removed)",
            sanitize(kid)
        ))
    })?;
    if key.algorithm != alg {
        return Err(reject(format!(
            "algorithm `{}` does not match issuer key `{}`, which is {}",
            alg.as_str(),
            key.kid,
            key.algorithm.as_str()
        )));
    }
    let (decoding, fingerprint) = match key.algorithm {
        IssuerAlgorithm::RS256 => {
            let pem = key.public_key.as_deref().unwrap_or("");
            let public = PublicKey::parse(pem.as_bytes(), &format!("issuer key {}", key.kid))?;
            (
                DecodingKey::from_rsa_raw_components(public.n(), public.e()),
                public.fingerprint(),
            )
        }
        IssuerAlgorithm::HS256 => (
            DecodingKey::from_secret(&b.read_issuer_key(&key.kid).map_err(UserError::from)?),
            String::new(),
        ),
    };
    let signature_ok = jsonwebtoken::crypto::verify(
        parsed.signature,
        parsed.signing_input.as_bytes(),
        &decoding,
        alg.jwt(),
    )
    .unwrap_or(false);
    if !signature_ok {
        return Err(reject(format!(
            "the signature does not verify with issuer key `{}` (tampered token or wrong key)",
            key.kid
        )));
    }
    if parsed.claims.contains_key(ACCOUNT_CLAIM) {
        return verify_requested(parsed, store, opts, &issuer, key, fingerprint, alg);
    }
    // The account is `sub`, or for an account that impersonates a user (`sub` = the user)
    // the `act` claim's `sub` (RFC 8693); `check_subject` then holds the pair to the record.
    let sub = match parsed.claims.get("act") {
        Some(act) => act
            .as_object()
            .and_then(|o| o.get("sub"))
            .and_then(Value::as_str)
            .ok_or_else(|| reject("`act` must be an object naming the service account in `sub`"))?,
        None => parsed
            .claims
            .get("sub")
            .and_then(Value::as_str)
            .ok_or_else(|| reject("an issued token names its service account in `sub`"))?,
    };
    let jti = parsed
        .claims
        .get("jti")
        .and_then(Value::as_str)
        .ok_or_else(|| reject("an issued token has a `jti`"))?;
    let claim = if parsed.claims.contains_key("act") {
        "act.sub"
    } else {
        "sub"
    };
    let (reference, account) = claimed_account(store, claim, sub)?;
    let record = live_record(b, &account, jti)?;
    // The record decides which key may have signed the token: otherwise a retired key, kept
    // only for the tokens it signed, would verify any token forged with it (say, leaked) under
    // the id of a token issued after the rotation.
    if record.kid != key.kid {
        return Err(reject(format!(
            "issued token `{}` of `{reference}` was signed with issuer key `{}`, not `{}`: the token was not issued here",
            record.name, record.kid, key.kid
        )));
    }
    check_subject(&parsed.claims, sub, &account)?;
    check_active(&account, opts.now)?;
    let claims = &parsed.claims;
    let exp = numeric_claim(claims, "exp")?;
    let iat = issued_at(claims)?;
    // The record decides: a token whose claims say otherwise was not issued here.
    if exp.map(|e| e.as_second()) != record.expires.map(|e| e.as_second()) {
        return Err(reject("`exp` differs from the issued token's record"));
    }
    if iat.as_second() != record.created.as_second() {
        return Err(reject("`iat` differs from the issued token's record"));
    }
    check_unexpired(&record, &reference, opts.now)?;
    check_not_future(iat, opts.now)?;
    let auds = audiences(claims)?;
    if auds != record.audiences {
        return Err(reject("`aud` differs from the issued token's record"));
    }
    check_audience(&auds, opts.audience)?;
    touch(b, &reference, &record, opts.now);
    Ok(Verified {
        account,
        kid: key.kid.clone(),
        fingerprint,
        alg: alg.as_str(),
        iat,
        exp,
        audiences: auds,
        claims: parsed.claims,
        issued: Some(IssuedBy {
            issuer: issuer.id.clone(),
            token_name: record.name,
            token_id: record.id,
        }),
        requested_from: None,
    })
}

/// A requested token (`crate::registry::requested`), once its issuer key's signature passed:
/// account (by the `svcacct` claim, and its uid), subject, account state, times, key phase,
/// audience. Nothing is stored for it, so nothing else can revoke it than the account's state,
/// its uid, or its issuer key leaving the issuer.
fn verify_requested(
    parsed: Parsed<'_>,
    store: &dyn Store,
    opts: &VerifyOptions<'_>,
    issuer: &IssuerRecord,
    key: &IssuerKey,
    fingerprint: String,
    alg: IssuerAlgorithm,
) -> Result<Verified> {
    let bad_claim = || {
        reject(format!(
            "`{ACCOUNT_CLAIM}` must be an object naming the service account's `namespace`, \
             `name` and `uid`"
        ))
    };
    let claim: AccountClaim =
        serde_json::from_value(parsed.claims[ACCOUNT_CLAIM].clone()).map_err(|_| bad_claim())?;
    let reference = Reference::new(
        Namespace::parse(&claim.namespace).map_err(|_| bad_claim())?,
        Name::parse(&claim.name).map_err(|_| bad_claim())?,
    );
    let (reference, account) = claimed_account(store, ACCOUNT_CLAIM, &reference.to_string())?;
    if account.uid != claim.uid {
        return Err(reject(format!(
            "the token was made for an earlier service account `{reference}` (deleted or renamed \
             away since); a new account of the name never inherits its tokens"
        )));
    }
    let username = reference.username();
    let sub = parsed.claims.get("sub").and_then(Value::as_str);
    let act = parsed.claims.get("act");
    let subject_ok = match &account.impersonates {
        None => sub == Some(username.as_str()) && act.is_none(),
        Some(user) => {
            sub == Some(user.as_str())
                && act.and_then(Value::as_object).is_some_and(|o| {
                    o.len() == 1 && o.get("sub").and_then(Value::as_str) == Some(&username)
                })
        }
    };
    if !subject_ok {
        return Err(reject(match &account.impersonates {
            None => {
                format!("a requested token of `{reference}` has `sub` `{username}` and no `act`")
            }
            Some(user) => format!(
                "service account `{reference}` impersonates user `{}`: its requested tokens carry \
                 `sub` = that user and `act` = {{\"sub\": \"{username}\"}}",
                sanitize(user)
            ),
        }));
    }
    check_active(&account, opts.now)?;
    let claims = &parsed.claims;
    let (iat, exp) = check_times(claims, opts.now)?;
    // A key signs between its creation and its retirement, and never outside.
    let made_outside = iat.as_second() < (key.created - LEEWAY).as_second()
        || key
            .retired
            .is_some_and(|r| iat.as_second() > (r + LEEWAY).as_second());
    if made_outside {
        return Err(reject(format!(
            "the token was made (`iat`) at {}, when issuer key `{}` did not sign",
            crate::time::local(iat),
            key.kid
        )));
    }
    let auds = audiences(claims)?;
    if auds.is_empty() {
        return Err(reject("a requested token names its audiences in `aud`"));
    }
    check_audience(&auds, opts.audience)?;
    Ok(Verified {
        account,
        kid: key.kid.clone(),
        fingerprint,
        alg: alg.as_str(),
        iat,
        exp: Some(exp),
        audiences: auds,
        claims: parsed.claims,
        issued: None,
        requested_from: Some(issuer.iss().to_owned()),
    })
}

/// The audience rule: with `want`, the token must name it; without, it must name none.
pub(crate) fn check_audience(auds: &[String], want: Option<&str>) -> Result<()> {
    match want {
        Some(want) if !auds.iter().any(|a| a == want) => {
            return Err(reject(if auds.is_empty() {
                format!("the token has no `aud`; expected `{}`", sanitize(want))
            } else {
                format!(
                    "the token is not for audience `{}` (it is for {})",
                    sanitize(want),
                    auds.iter()
                        .map(|a| format!("`{}`", sanitize(a)))
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            }));
        }
        None if !auds.is_empty() => {
            return Err(reject(format!(
                "the token is for audience `{}`; pass --aud to accept it",
                sanitize(&auds[0])
            )));
        }
        _ => {}
    }
    Ok(())
}
