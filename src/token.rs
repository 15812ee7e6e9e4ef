//! Self-signed tokens: claims, minting, and strict verification that explains itself.
//! DESIGN.md "Tokens".

use std::collections::BTreeMap;
use std::sync::Arc;

use anyhow::Result;
use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use jiff::{SignedDuration, Timestamp};
use jsonwebtoken::{Algorithm, Header};
use serde::Serialize;
use serde_json::{Map, Value};

use crate::error::{Rejected, UserError};
use crate::identity::Reference;
use crate::keys::PrivateKey;
use crate::model::{Account, KeyRecord};
use crate::output::sanitize;
use crate::store::Store;

/// Clock-skew allowance, both when minting (`iat` = now − 60 s) and when verifying.
pub const LEEWAY: SignedDuration = SignedDuration::from_secs(60);

/// Claims a `--claim` may not set.
pub const REGISTERED_CLAIMS: [&str; 8] = ["iss", "sub", "aud", "exp", "nbf", "iat", "jti", "act"];

/// The algorithms account keys may sign with.
pub fn rsa_algorithm(name: &str) -> Option<Algorithm> {
    match name {
        "RS256" => Some(Algorithm::RS256),
        "RS384" => Some(Algorithm::RS384),
        "RS512" => Some(Algorithm::RS512),
        _ => None,
    }
}

pub fn algorithm_name(alg: Algorithm) -> &'static str {
    match alg {
        Algorithm::RS256 => "RS256",
        Algorithm::RS384 => "RS384",
        Algorithm::RS512 => "RS512",
        _ => "unsupported",
    }
}

/// What to mint.
pub struct MintRequest<'a> {
    pub reference: &'a Reference,
    pub key: &'a PrivateKey,
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

/// The `aud` claim: a string for one audience, an array for several (RFC 7519 4.1.3).
#[derive(Serialize)]
#[serde(untagged)]
pub(crate) enum Audience<'a> {
    One(&'a str),
    Many(&'a [String]),
}

impl<'a> Audience<'a> {
    /// `None` (no `aud` claim) for no audience.
    pub(crate) fn of(audiences: &'a [String]) -> Option<Audience<'a>> {
        match audiences {
            [] => None,
            [one] => Some(Audience::One(one)),
            many => Some(Audience::Many(many)),
        }
    }
}

/// RFC 8693 `act`: the party acting for the token's `sub`.
#[derive(Serialize)]
pub(crate) struct Actor<'a> {
    pub(crate) sub: &'a str,
}

/// A token id: 128 random bits, base64url.
pub(crate) fn random_id() -> Result<String> {
    let mut raw = [0u8; 16];
    aws_lc_rs::rand::fill(&mut raw).map_err(|_| anyhow::anyhow!("system random source failed"))?;
    Ok(URL_SAFE_NO_PAD.encode(raw))
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

/// A token split into its parts, not verified.
pub struct Parsed<'t> {
    pub header: Map<String, Value>,
    pub claims: Map<String, Value>,
    pub signing_input: &'t str,
    pub signature: &'t str,
}

pub(crate) fn reject(msg: impl Into<String>) -> anyhow::Error {
    Rejected(msg.into()).into()
}

/// Splits and decodes a compact JWS without checking anything but its shape.
pub fn parse(token: &str) -> Result<Parsed<'_>> {
    let token = token.trim();
    let mut parts = token.split('.');
    let (Some(h), Some(c), Some(s), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(reject(
            "malformed token: a JWT has three base64url parts separated by `.`",
        ));
    };
    let decode = |part: &str, what: &str| -> Result<Map<String, Value>> {
        let bytes = URL_SAFE_NO_PAD
            .decode(part)
            .map_err(|_| reject(format!("malformed token: the {what} is not base64url")))?;
        match unique::object(&bytes) {
            Ok(m) => Ok(m),
            Err(unique::NotUnique::Duplicate(name)) => Err(reject(format!(
                "malformed token: the {what} has the member `{}` more than once (RFC 7515 §4 \
                 and RFC 7519 §4: names must be unique, or the token says two things)",
                sanitize(&name)
            ))),
            Err(unique::NotUnique::Invalid) => Err(reject(format!(
                "malformed token: the {what} is not a JSON object"
            ))),
        }
    };
    let header = decode(h, "header")?;
    let claims = decode(c, "payload")?;
    Ok(Parsed {
        header,
        claims,
        signing_input: &token[..h.len() + 1 + c.len()],
        signature: s,
    })
}

/// JSON objects whose member names are unique at every depth. serde_json keeps the last of
/// repeated members, so `{"sub":"a","sub":"b"}` would mean one thing here and another to a
/// verifier that keeps the first: RFC 7515 §4 and RFC 7519 §4 let a recipient refuse such a
/// token, and svcacct does. (Kept here, not a crate: it is one `DeserializeSeed` over
/// serde_json's own parser, which builds the same `Value` in one pass.)
mod unique {
    use std::cell::RefCell;
    use std::fmt;

    use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
    use serde_json::{Map, Value};

    pub enum NotUnique {
        /// The first repeated member name.
        Duplicate(String),
        /// Not JSON, or not an object.
        Invalid,
    }

    /// Parses `bytes` as a JSON object, refusing a repeated member name at any depth.
    pub fn object(bytes: &[u8]) -> Result<Map<String, Value>, NotUnique> {
        let dup = RefCell::new(None);
        let mut de = serde_json::Deserializer::from_slice(bytes);
        let parsed = Seed(&dup).deserialize(&mut de).and_then(|v| {
            de.end()?;
            Ok(v)
        });
        match (parsed, dup.into_inner()) {
            (_, Some(name)) => Err(NotUnique::Duplicate(name)),
            (Ok(Value::Object(m)), None) => Ok(m),
            _ => Err(NotUnique::Invalid),
        }
    }

    #[derive(Clone, Copy)]
    struct Seed<'a>(&'a RefCell<Option<String>>);

    impl<'de> DeserializeSeed<'de> for Seed<'_> {
        type Value = Value;
        fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
            d.deserialize_any(self)
        }
    }

    impl<'de> Visitor<'de> for Seed<'_> {
        type Value = Value;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a JSON value")
        }
        fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
            Ok(Value::Bool(v))
        }
        fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
            Ok(Value::from(v))
        }
        fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
            Ok(Value::from(v))
        }
        fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
            Ok(Value::from(v))
        }
        fn visit_str<E>(self, v: &str) -> Result<Value, E> {
            Ok(Value::String(v.to_owned()))
        }
        fn visit_string<E>(self, v: String) -> Result<Value, E> {
            Ok(Value::String(v))
        }
        fn visit_unit<E>(self) -> Result<Value, E> {
            Ok(Value::Null)
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
            let mut items = vec![];
            while let Some(v) = seq.next_element_seed(self)? {
                items.push(v);
            }
            Ok(Value::Array(items))
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
            let mut m = Map::new();
            while let Some(k) = map.next_key::<String>()? {
                let v = map.next_value_seed(self)?;
                if m.contains_key(&k) {
                    *self.0.borrow_mut() = Some(k);
                    return Err(de::Error::custom("a repeated member name"));
                }
                m.insert(k, v);
            }
            Ok(Value::Object(m))
        }
    }
}

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

/// An account's JWKS (`svcacct jwks NAME`, `GET …/serviceaccounts/{name}/jwks`): its keys
/// while it is active (none while it is disabled or expired, so gateways refuse its tokens
/// too), each with `alg` = the one algorithm it is registered for. Keys that no longer parse
/// (a hand-edited record) are left out and returned as errors.
pub fn account_jwks(account: &Account, now: Timestamp) -> (Value, Vec<crate::keys::KeyError>) {
    let mut keys = vec![];
    let mut errors = vec![];
    if account.status(now) == crate::model::Status::Active {
        let r = account.reference();
        for k in &account.keys {
            match k.public(&r) {
                Ok(p) => keys.push(p.jwk(Some(k.algorithm.as_str()))),
                Err(e) => errors.push(e),
            }
        }
    }
    (serde_json::json!({ "keys": keys }), errors)
}

/// What a verifier requires beyond the signature.
pub struct VerifyOptions<'a> {
    pub audience: Option<&'a str>,
    pub max_lifetime: SignedDuration,
    /// Named in the error when a token outlives `max_lifetime`.
    pub max_lifetime_source: &'a str,
    pub now: Timestamp,
    /// A server's read cache answers with every write finished before this (a request's
    /// arrival; elsewhere, now).
    pub since: std::time::Instant,
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
    pub issued: Option<crate::issued::IssuedBy>,
}

impl Verified {
    /// Who the token speaks for, as `whoami` and token reviews answer.
    pub fn identity(&self) -> crate::api::Identity {
        identity_of(
            &self.account,
            &self.kid,
            &self.fingerprint,
            self.alg,
            self.iat,
            self.exp,
            self.issued.as_ref(),
        )
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
    issued: Option<&crate::issued::IssuedBy>,
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

pub(crate) fn numeric_claim(claims: &Map<String, Value>, name: &str) -> Result<Option<Timestamp>> {
    match claims.get(name) {
        None => Ok(None),
        Some(v) => v
            .as_i64()
            .or_else(|| v.as_f64().map(|f| f as i64))
            .and_then(|s| Timestamp::from_second(s).ok())
            .map(Some)
            .ok_or_else(|| {
                reject(format!(
                    "`{name}` must be a NumericDate (seconds since 1970)"
                ))
            }),
    }
}

pub(crate) fn audiences(claims: &Map<String, Value>) -> Result<Vec<String>> {
    match claims.get("aud") {
        None => Ok(vec![]),
        Some(Value::String(s)) => Ok(vec![s.clone()]),
        Some(Value::Array(a)) => a
            .iter()
            .map(|v| {
                v.as_str()
                    .map(str::to_owned)
                    .ok_or_else(|| reject("`aud` must be a string or an array of strings"))
            })
            .collect(),
        Some(_) => Err(reject("`aud` must be a string or an array of strings")),
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

/// The account that signed a self-signed token (its `iss`); `None` for an issued token (its
/// `iss` is the store's issuer) and for an `iss` that is no reference (`verify` says why). The
/// server verifies such a token without a blocking task when it has the account in memory.
pub fn self_signed_account(parsed: &Parsed<'_>) -> Option<Reference> {
    let iss = parsed.claims.get("iss")?.as_str()?;
    if iss.starts_with(crate::issued::ISSUER_PREFIX) {
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
    since: std::time::Instant,
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
    let found = match store
        .engine()
        .and_then(|e| e.cached_account(&reference, since))
    {
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

/// Checks a self-signed token by every rule of DESIGN.md, in this order: shape, algorithm,
/// issuer account, key, signature, account state, times, lifetime, subject, audience.
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
    if let Some(Value::String(iss)) = parsed.claims.get("iss")
        && iss.starts_with(crate::issued::ISSUER_PREFIX)
    {
        return crate::issued::verify(parsed, store, opts);
    }
    let alg_name = parsed
        .header
        .get("alg")
        .and_then(Value::as_str)
        .unwrap_or("");
    let alg = match alg_name {
        "" => return Err(reject("the header has no `alg`")),
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
    if matches!(parsed.header.get("kid"), Some(v) if !v.is_string()) {
        return Err(reject("`kid` must be a string"));
    }
    let (reference, account) = claimed_account(store, "iss", iss, opts.since)?;
    let key = match parsed.header.get("kid") {
        Some(Value::String(kid)) => {
            let key = account.keys.iter().find(|k| &k.kid == kid).ok_or_else(|| {
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
        Some(_) => return Err(reject("`kid` must be a string")),
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
    if let Some(why) = account.refusal(opts.now) {
        return Err(reject(why));
    }
    let exp = numeric_claim(&parsed.claims, "exp")?
        .ok_or_else(|| reject("the token has no `exp` claim"))?;
    let iat = numeric_claim(&parsed.claims, "iat")?
        .ok_or_else(|| reject("the token has no `iat` claim"))?;
    // Not `exp + LEEWAY`: that overflows for an `exp` at the latest representable second.
    if exp < opts.now - LEEWAY {
        return Err(reject(format!(
            "the token expired at {} ({} ago)",
            crate::time::local(exp),
            crate::time::human(opts.now.duration_since(exp))
        )));
    }
    if iat > opts.now + LEEWAY {
        return Err(reject(format!(
            "the token was issued in the future (iat {}); check the clocks",
            crate::time::local(iat)
        )));
    }
    if let Some(nbf) = numeric_claim(&parsed.claims, "nbf")?
        && nbf > opts.now + LEEWAY
    {
        return Err(reject(format!(
            "the token is not valid before {}",
            crate::time::local(nbf)
        )));
    }
    if exp <= iat {
        return Err(reject("`exp` is not after `iat`"));
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_signer_of_a_self_signed_token_is_found_without_verifying() {
        let self_signed = |t: &str| parse(t).ok().and_then(|p| self_signed_account(&p));
        let jwt = |claims: &str| {
            format!(
                "{}.{}.c2ln",
                URL_SAFE_NO_PAD.encode(r#"{"alg":"RS256"}"#),
                URL_SAFE_NO_PAD.encode(claims)
            )
        };
        assert_eq!(
            self_signed(&jwt(r#"{"iss":"eng/ci-bot","sub":"eng/ci-bot"}"#)),
            Some(Reference::parse_canonical("eng/ci-bot").unwrap())
        );
        let issued = format!(
            r#"{{"iss":"{}abc","sub":"ci-bot"}}"#,
            crate::issued::ISSUER_PREFIX
        );
        assert_eq!(self_signed(&jwt(&issued)), None);
        assert_eq!(self_signed(&jwt(r#"{"iss":"not a reference"}"#)), None);
        assert_eq!(self_signed(&jwt(r#"{"iss":7}"#)), None);
        assert_eq!(self_signed("garbage"), None);
    }
    use crate::identity::{Name, Namespace};
    use crate::store::memory::MemoryStore;
    use serde_json::json;

    struct Fixture {
        store: MemoryStore,
        key: PrivateKey,
        reference: Reference,
    }

    fn fixture() -> Fixture {
        fixture_at("eng", crate::model::KeyAlgorithm::RS256)
    }

    /// Account `<ns>/ci`, created an hour ago with one 2048-bit key registered for `alg`.
    fn fixture_at(ns: &str, alg: crate::model::KeyAlgorithm) -> Fixture {
        let key = PrivateKey::generate(2048).unwrap();
        let reference = Reference::new(Namespace::parse(ns).unwrap(), Name::parse("ci").unwrap());
        // Created an hour ago: tokens of the tests may say they were minted minutes ago.
        let created = Timestamp::now() - SignedDuration::from_hours(1);
        let store = MemoryStore::new();
        store
            .create_account(Account {
                uid: "u".into(),
                keys: vec![KeyRecord::new(key.public_key(), alg, created)],
                ..Account::new(reference.clone(), created)
            })
            .unwrap();
        Fixture {
            store,
            key,
            reference,
        }
    }

    fn opts(aud: Option<&str>) -> VerifyOptions<'_> {
        VerifyOptions {
            audience: aud,
            max_lifetime: SignedDuration::from_hours(1),
            max_lifetime_source: "test",
            now: Timestamp::now(),
            since: std::time::Instant::now(),
        }
    }

    /// Signs arbitrary claims with the fixture's key, as a foreign minter would.
    fn sign_claims(f: &Fixture, claims: Value) -> String {
        sign_raw(
            f,
            &json!({"alg": "RS256", "typ": "JWT", "kid": f.key.kid()}).to_string(),
            &claims.to_string(),
        )
    }

    /// Signs a header and claims given as JSON text (so that they may repeat a member).
    fn sign_raw(f: &Fixture, header: &str, claims: &str) -> String {
        let alg = serde_json::from_str::<Value>(header)
            .ok()
            .and_then(|h| h["alg"].as_str().map(str::to_owned))
            .unwrap_or_else(|| "RS256".into());
        let digest_bits = match alg.as_str() {
            "RS384" => 384,
            "RS512" => 512,
            _ => 256,
        };
        let input = format!(
            "{}.{}",
            URL_SAFE_NO_PAD.encode(header),
            URL_SAFE_NO_PAD.encode(claims)
        );
        let sig = f.key.sign_pkcs1(digest_bits, input.as_bytes()).unwrap();
        format!("{input}.{}", URL_SAFE_NO_PAD.encode(sig))
    }

    fn rejection(r: Result<Verified>) -> String {
        match r {
            Ok(_) => panic!("accepted"),
            Err(e) => e.downcast::<Rejected>().expect("a Rejected").0,
        }
    }

    /// A refusal that needs no account comes before the account is looked up, so an anonymous
    /// caller cannot tell from it whether an account exists.
    #[test]
    fn header_refusals_do_not_depend_on_the_account() {
        use base64::Engine as _;
        let f = fixture();
        let b64 = |v: Value| {
            base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(v.to_string().as_bytes())
        };
        let now = Timestamp::now().as_second();
        let forged = |iss: &str| {
            format!(
                "{}.{}.AAAA",
                b64(json!({"alg": "RS256", "typ": "JWT", "kid": 1})),
                b64(json!({"iss": iss, "sub": iss, "iat": now, "exp": now + 60}))
            )
        };
        let known = rejection(verify(&forged("eng/ci"), &f.store, &opts(None)));
        let unknown = rejection(verify(&forged("eng/nobody"), &f.store, &opts(None)));
        assert_eq!(known, "`kid` must be a string");
        assert_eq!(known, unknown);
    }

    #[test]
    fn mint_then_verify() {
        let f = fixture_at("eng", crate::model::KeyAlgorithm::RS512);
        let extra = BTreeMap::from([("env".to_owned(), "prod".to_owned())]);
        let auds = vec!["a".to_owned(), "b".to_owned()];
        let m = mint(&MintRequest {
            reference: &f.reference,
            key: &f.key,
            alg: Algorithm::RS512,
            ttl: SignedDuration::from_mins(10),
            audiences: &auds,
            extra: &extra,
            now: Timestamp::now(),
            impersonates: None,
        })
        .unwrap();
        let p = parse(&m.token).unwrap();
        assert_eq!(p.header["alg"], "RS512");
        assert_eq!(p.header["typ"], "JWT");
        assert_eq!(p.claims["iss"], "eng/ci");
        assert_eq!(p.claims["sub"], "eng/ci");
        assert_eq!(p.claims["env"], "prod");
        assert_eq!(
            p.claims["exp"].as_i64().unwrap() - p.claims["iat"].as_i64().unwrap(),
            660
        );
        assert_eq!(URL_SAFE_NO_PAD.decode(&m.jti).unwrap().len(), 16);
        let v = verify(&m.token, &f.store, &opts(Some("b"))).unwrap();
        assert_eq!(v.account.reference(), f.reference);
        assert_eq!(v.alg, "RS512");
        assert_eq!(v.audiences, auds);
        assert!(!format!("{m:?}").contains(&m.token));
    }

    #[test]
    fn claim_rules() {
        let f = fixture();
        let now = Timestamp::now().as_second();
        let cases = [
            (
                json!({"iss": "eng/ci", "sub": "eng/ci", "iat": now}),
                "no `exp`",
            ),
            (
                json!({"iss": "eng/ci", "sub": "eng/ci", "exp": now + 60}),
                "no `iat`",
            ),
            (json!({"exp": now + 60, "iat": now}), "no `iss`"),
            (
                json!({"iss": 7, "exp": now + 60, "iat": now}),
                "`iss` must be a string",
            ),
            (
                json!({"iss": "eng/ci", "sub": "eng/ci", "iat": now, "exp": "soon"}),
                "NumericDate",
            ),
            (
                json!({"iss": "eng/ci", "sub": "eng/ci", "iat": now, "exp": now - 10}),
                "not after `iat`",
            ),
            (
                json!({"iss": "eng/ci", "sub": "eng/ci", "iat": now, "exp": now + 60, "nbf": now + 600}),
                "not valid before",
            ),
            (
                json!({"iss": "eng/ci", "sub": "eng/other", "iat": now, "exp": now + 60}),
                "`sub` differs",
            ),
            (
                json!({"iss": "eng/ci", "sub": "eng/ci", "aud": 5, "iat": now, "exp": now + 60}),
                "`aud` must be",
            ),
            (
                json!({"iss": "Eng/ci", "iat": now, "exp": now + 60}),
                "not a service account reference",
            ),
            (
                json!({"iss": "eng/ci", "iat": now, "exp": now + 60}),
                "the token has no `sub` claim",
            ),
        ];
        for (claims, want) in cases {
            let msg = rejection(verify(
                &sign_claims(&f, claims.clone()),
                &f.store,
                &opts(None),
            ));
            assert!(msg.contains(want), "{claims}: {msg}");
        }
        // Within the 60 s leeway an expired token still passes; past it, it does not.
        let ok = sign_claims(
            &f,
            json!({"iss": "eng/ci", "sub": "eng/ci", "iat": now - 100, "exp": now - 30}),
        );
        assert!(verify(&ok, &f.store, &opts(None)).is_ok());
        let late = sign_claims(
            &f,
            json!({"iss": "eng/ci", "sub": "eng/ci", "iat": now - 200, "exp": now - 90}),
        );
        assert!(rejection(verify(&late, &f.store, &opts(None))).contains("expired"));
    }

    /// RFC 7515 §4.1.11: `crit` names extensions a recipient must understand or refuse, and
    /// svcacct implements none; `typ`, when present, says JWT (RFC 8725 §3.11).
    #[test]
    fn headers_a_recipient_must_understand_are_refused() {
        let f = fixture();
        let now = Timestamp::now().as_second();
        let claims =
            json!({"iss": "eng/ci", "sub": "eng/ci", "iat": now, "exp": now + 60}).to_string();
        let kid = f.key.kid();
        let ok = sign_raw(
            &f,
            &json!({"alg": "RS256", "kid": kid}).to_string(),
            &claims,
        );
        assert!(verify(&ok, &f.store, &opts(None)).is_ok());
        let cases = [
            (
                json!({"alg": "RS256", "kid": kid, "crit": ["exp"], "exp": 1}),
                "has `crit`",
            ),
            (
                json!({"alg": "RS256", "kid": kid, "crit": ["b64"], "b64": false}),
                "RFC 7515 §4.1.11",
            ),
            (
                json!({"alg": "RS256", "kid": kid, "crit": []}),
                "has `crit`",
            ),
            (
                json!({"alg": "RS256", "kid": kid, "typ": "at+jwt"}),
                "`typ` `at+jwt`",
            ),
            (
                json!({"alg": "RS256", "kid": kid, "typ": 1}),
                "`typ` must be a string",
            ),
        ];
        for (header, want) in cases {
            let msg = rejection(verify(
                &sign_raw(&f, &header.to_string(), &claims),
                &f.store,
                &opts(None),
            ));
            assert!(msg.contains(want), "{header}: {msg}");
        }
        for typ in ["JWT", "jwt", "application/jwt"] {
            let t = sign_raw(
                &f,
                &json!({"alg": "RS256", "kid": kid, "typ": typ}).to_string(),
                &claims,
            );
            assert!(verify(&t, &f.store, &opts(None)).is_ok(), "{typ}");
        }
    }

    /// A member name given twice is refused wherever it is, before anything else is read:
    /// serde_json alone would keep the last, another verifier the first.
    #[test]
    fn repeated_member_names_are_refused() {
        let f = fixture();
        let now = Timestamp::now().as_second();
        let kid = f.key.kid();
        let header = json!({"alg": "RS256", "kid": kid}).to_string();
        let cases = [
            (
                header.clone(),
                format!(
                    r#"{{"iss":"eng/ci","sub":"eng/ci","sub":"eng/other","iat":{now},"exp":{}}}"#,
                    now + 60
                ),
                "the payload has the member `sub` more than once",
            ),
            (
                format!(r#"{{"alg":"HS256","alg":"RS256","kid":"{kid}"}}"#),
                format!(
                    r#"{{"iss":"eng/ci","sub":"eng/ci","iat":{now},"exp":{}}}"#,
                    now + 60
                ),
                "the header has the member `alg` more than once",
            ),
            (
                header.clone(),
                format!(
                    r#"{{"iss":"eng/ci","sub":"eng/ci","x":{{"a":1,"a":2}},"iat":{now},"exp":{}}}"#,
                    now + 60
                ),
                "the payload has the member `a` more than once",
            ),
        ];
        for (h, c, want) in cases {
            let msg = rejection(verify(&sign_raw(&f, &h, &c), &f.store, &opts(None)));
            assert!(msg.contains(want), "{c}: {msg}");
        }
        // The same parse keeps everything else exact.
        let token = sign_raw(
            &f,
            &header,
            r#"{"a":[1,{"b":null}],"n":-3,"f":1.5,"t":true,"s":"x"}"#,
        );
        let p = parse(&token).unwrap();
        assert_eq!(
            Value::Object(p.claims),
            json!({"a":[1,{"b":null}],"n":-3,"f":1.5,"t":true,"s":"x"})
        );
    }

    /// `iss` is the one spelling of the account's reference: `default/ci` is not `ci`.
    #[test]
    fn the_issuer_is_the_canonical_reference() {
        let f = fixture_at("default", crate::model::KeyAlgorithm::RS256);
        let now = Timestamp::now().as_second();
        let ok = sign_claims(
            &f,
            json!({"iss": "ci", "sub": "ci", "iat": now, "exp": now + 60}),
        );
        assert!(verify(&ok, &f.store, &opts(None)).is_ok());
        let msg = rejection(verify(
            &sign_claims(
                &f,
                json!({"iss": "default/ci", "sub": "default/ci", "iat": now, "exp": now + 60}),
            ),
            &f.store,
            &opts(None),
        ));
        assert_eq!(
            msg,
            "`iss` `default/ci` is not written as the account's reference: write `ci`"
        );
    }

    /// Each key signs with the one algorithm it is registered for (RFC 8725 §3.1), as its JWK
    /// says: with a `kid` the refusal says so; without one only keys of that algorithm count.
    #[test]
    fn a_key_verifies_only_its_registered_algorithm() {
        let f = fixture_at("eng", crate::model::KeyAlgorithm::RS384);
        let now = Timestamp::now().as_second();
        let claims =
            json!({"iss": "eng/ci", "sub": "eng/ci", "iat": now, "exp": now + 60}).to_string();
        let kid = f.key.kid();
        let with = |alg: &str, kid: Option<&str>| {
            let mut h = json!({"alg": alg});
            if let Some(k) = kid {
                h["kid"] = k.into();
            }
            sign_raw(&f, &h.to_string(), &claims)
        };
        assert_eq!(
            verify(&with("RS384", Some(&kid)), &f.store, &opts(None))
                .unwrap()
                .alg,
            "RS384"
        );
        assert!(verify(&with("RS384", None), &f.store, &opts(None)).is_ok());
        for alg in ["RS256", "RS512"] {
            let msg = rejection(verify(&with(alg, Some(&kid)), &f.store, &opts(None)));
            assert_eq!(
                msg,
                format!(
                    "the signature does not verify: the token is signed with {alg}, but key `{kid}` of `eng/ci` is registered for RS384 (each key signs with one algorithm; see `svcacct key list eng/ci`)"
                )
            );
            let msg = rejection(verify(&with(alg, None), &f.store, &opts(None)));
            assert!(
                msg.contains(&format!("any key of `eng/ci` registered for {alg}")),
                "{msg}"
            );
        }
    }

    /// A token minted before the account got its name (created again, renamed onto it) or
    /// before its key was registered (removed and added again) is refused, with the leeway.
    #[test]
    fn tokens_minted_before_the_account_or_key_are_refused() {
        let f = fixture();
        let r = f.reference.clone();
        let kid = f.key.kid();
        let minted_at = |ago: i64| {
            let iat = Timestamp::now().as_second() - ago;
            sign_claims(
                &f,
                json!({"iss": "eng/ci", "sub": "eng/ci", "iat": iat, "exp": iat + 600}),
            )
        };
        let old = minted_at(300);
        let recent = minted_at(100);
        assert!(verify(&old, &f.store, &opts(None)).is_ok());
        // Renamed away and back 200 s ago: the token minted before is refused.
        let renamed = Timestamp::now() - SignedDuration::from_secs(200);
        f.store
            .modify_account(&r, &mut |a| {
                a.renamed = Some(renamed);
                Ok(())
            })
            .unwrap();
        let msg = rejection(verify(&old, &f.store, &opts(None)));
        assert!(
            msg.contains("before service account `eng/ci` was renamed to this name"),
            "{msg}"
        );
        assert!(verify(&recent, &f.store, &opts(None)).is_ok());
        // The same key registered again 50 s ago: within the 60 s allowance the token minted
        // 100 s ago passes, one minted 300 s ago never did.
        let again = Timestamp::now() - SignedDuration::from_secs(30);
        f.store
            .modify_account(&r, &mut |a| {
                a.renamed = None;
                a.keys[0].created = again;
                Ok(())
            })
            .unwrap();
        let msg = rejection(verify(&recent, &f.store, &opts(None)));
        assert!(
            msg.contains(&format!("before key `{kid}` was registered for `eng/ci`")),
            "{msg}"
        );
        // Deleted and created again with the same key.
        let account = f.store.get_account(&r).unwrap();
        f.store.delete_account(&r).unwrap();
        let now = Timestamp::now();
        f.store
            .create_account(Account {
                keys: vec![KeyRecord {
                    created: now,
                    ..account.keys[0].clone()
                }],
                ..Account::new(r.clone(), now)
            })
            .unwrap();
        let msg = rejection(verify(&recent, &f.store, &opts(None)));
        assert!(
            msg.contains("before service account `eng/ci` was created"),
            "{msg}"
        );
        assert!(msg.contains("never accepted"), "{msg}");
        assert!(verify(&minted_at(0), &f.store, &opts(None)).is_ok());
    }

    #[test]
    fn algorithm_names() {
        assert_eq!(rsa_algorithm("RS384"), Some(Algorithm::RS384));
        assert_eq!(rsa_algorithm("HS256"), None);
        assert_eq!(rsa_algorithm("none"), None);
        assert_eq!(algorithm_name(Algorithm::RS512), "RS512");
    }

    /// xorshift: reproducible pseudo-random numbers without a dependency.
    fn next(state: &mut u64) -> u64 {
        *state ^= *state << 13;
        *state ^= *state >> 7;
        *state ^= *state << 17;
        *state
    }

    #[test]
    fn mangled_tokens_are_refused_never_panic() {
        let f = fixture();
        let good = mint(&MintRequest {
            reference: &f.reference,
            key: &f.key,
            alg: Algorithm::RS256,
            ttl: SignedDuration::from_mins(5),
            audiences: &[],
            extra: &BTreeMap::new(),
            now: Timestamp::now(),
            impersonates: None,
        })
        .unwrap()
        .token;
        assert!(verify(&good, &f.store, &opts(None)).is_ok());
        let mut state = 0x9E37_79B9_7F4A_7C15u64;
        let alphabet = b"ABCxyz019-_.=+/{}\"\\ \x00\xff";
        for _ in 0..3000 {
            let mut bytes = good.clone().into_bytes();
            for _ in 0..(next(&mut state) % 4 + 1) {
                let i = (next(&mut state) as usize) % bytes.len();
                match next(&mut state) % 3 {
                    0 => bytes[i] = alphabet[(next(&mut state) as usize) % alphabet.len()],
                    1 => {
                        bytes.remove(i);
                    }
                    _ => bytes.truncate(i),
                }
                if bytes.is_empty() {
                    break;
                }
            }
            let token = String::from_utf8_lossy(&bytes);
            if token == good {
                continue;
            }
            let e = verify(&token, &f.store, &opts(None)).expect_err("a mangled token passed");
            assert!(e.downcast_ref::<Rejected>().is_some(), "{e:#}");
        }
    }
}
