//! Issued tokens: the store's own issuer signs tokens for accounts and keeps a record of each
//! (name, id, dates, never the token), so that they can be listed, renamed and revoked.
//!
//! The issuer (`urn:svcacct:issuer:<uid>`) and its first key are created on first use: RS256
//! (2048-bit RSA) unless `svcacct issuer init --algorithm HS256` gave it a secret. Rotation
//! starts a new key and keeps the old ones for verification while a live token needs them.
//!
//! Issued tokens are verified with self-signed ones, in [`crate::token::verify`]. The file and
//! memory stores keep the issuer themselves (their `crate::store::Engine`); the remote store asks the
//! server, which keeps it in its own store.

use std::fmt;

use anyhow::Result;
use jiff::{SignedDuration, Timestamp};
use jsonwebtoken::{EncodingKey, Header};
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use crate::error::UserError;
use crate::identity::{Name, Reference};
use crate::keys::{PrivateKey, PublicKey};
use crate::model::{Account, new_uid};
pub use crate::model::{
    ISSUER_PREFIX, IssuerAlgorithm, IssuerKey, IssuerRecord, TokenFile, TokenRecord, is_key_id,
};
use crate::store::engine::{Engine, Tx, atomically};
use crate::token::claims::{Actor, Audience, random_id};

/// `tokens create` without `--expires`.
pub const DEFAULT_EXPIRY: &str = "3y";
/// The shortest HMAC secret accepted (RFC 7518 §3.2: at least the hash size).
pub const MIN_SECRET_BYTES: usize = 32;
/// A token's "last used" date is written at most this often, so that a busy server does not
/// write a record per request.
pub const LAST_USED_EVERY: SignedDuration = SignedDuration::from_secs(60);

/// An HMAC secret: at least [`MIN_SECRET_BYTES`], never shown.
pub struct Secret(Zeroizing<Vec<u8>>);

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(REDACTED)")
    }
}

impl Secret {
    /// The secret read from `source` (named in errors, never the bytes); one final newline is
    /// not part of it.
    pub fn new(mut bytes: Zeroizing<Vec<u8>>, source: &str) -> Result<Secret, UserError> {
        if bytes.ends_with(b"\n") {
            bytes.pop();
            if bytes.ends_with(b"\r") {
                bytes.pop();
            }
        }
        if bytes.len() < MIN_SECRET_BYTES {
            return Err(UserError::Usage(format!(
                "the HMAC secret from {source} is {} bytes long; HS256 needs at least {MIN_SECRET_BYTES} \
                 (e.g. `head -c 48 /dev/urandom | base64 > secret`); nothing was written",
                bytes.len()
            )));
        }
        Ok(Secret(bytes))
    }

    pub fn bytes(&self) -> &[u8] {
        &self.0
    }
}

/// A token just issued: shown once, never stored.
#[derive(Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct IssuedToken {
    pub token: String,
    #[serde(flatten)]
    pub record: TokenRecord,
}

impl fmt::Debug for IssuedToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("IssuedToken")
            .field("token", &"REDACTED")
            .field("record", &self.record)
            .finish()
    }
}

/// What to issue (also the body of `POST .../tokens`).
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct IssueRequest {
    pub name: Name,
    /// Absent: the token never expires (`null` is refused, as everywhere in the API).
    #[serde(
        default,
        deserialize_with = "crate::api::present",
        skip_serializing_if = "Option::is_none"
    )]
    pub expires: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub audiences: Vec<String>,
}

/// One issuer key as `svcacct issuer get` and `GET /v1/issuer` show it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct IssuerKeyView {
    pub kid: String,
    pub algorithm: IssuerAlgorithm,
    pub created: Timestamp,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retired: Option<Timestamp>,
    /// A retired key is kept until the last live token it signed expires…
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kept_until: Option<Timestamp>,
    /// …or for good, while a token without expiry needs it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub kept_indefinitely: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub public_key: Option<String>,
}

/// The issuer without its secrets.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct IssuerView {
    pub id: String,
    pub algorithm: IssuerAlgorithm,
    pub created: Timestamp,
    pub keys: Vec<IssuerKeyView>,
    /// Only in the answer of a rotation with `revokePrevious`: the issued tokens it revoked.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub revoked_tokens: Vec<RevokedToken>,
}

/// An issued token that a rotation revoked (its key went).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RevokedToken {
    /// The account's reference.
    pub account: String,
    pub name: Name,
}

/// `POST /v1/issuer/rotate` (an HMAC issuer is rotated on the server's store folder, so that
/// its secret never travels).
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RotateRequest {
    /// Revoke every token the earlier keys signed and drop those keys at once (a key leaked).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub revoke_previous: bool,
}

/// `POST .../tokens/{token}/rename`.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TokenRename {
    pub name: Name,
}

/// A change of the issuer, written under the store's lock: new key files first, then the
/// record, then the removed key files go.
pub struct IssuerWrite {
    pub record: IssuerRecord,
    pub new_keys: Vec<(String, Zeroizing<Vec<u8>>)>,
    pub removed: Vec<String>,
}

/// What `write_issuer` runs in its transaction: the issuer, and every token file
/// or why they cannot all be read (then no key may be removed, but rotation still works).
pub type IssuerChange<'a> =
    dyn FnMut(Option<IssuerRecord>, Result<Vec<TokenFile>>) -> Result<Option<IssuerWrite>> + 'a;
/// What `write_tokens` runs in its transaction: the account's token file, the
/// issuer, and the account stored under the reference now (`None`: there is none), as stored.
pub type TokensChange<'a> = dyn FnMut(Option<TokenFile>, Option<&IssuerRecord>, Option<&Account>) -> Result<Option<TokenFile>>
    + 'a;

/// In one transaction of `b`, with the issuer and every token file as stored (or why one
/// cannot be read): `change` says what to write (`None`: nothing). Returns the issuer as
/// stored afterwards.
pub fn write_issuer(b: &dyn Engine, change: &mut IssuerChange<'_>) -> Result<Option<IssuerRecord>> {
    atomically(b, |tx| change_issuer(tx, change))
}

/// In one transaction of `b`, with the account's token file, the issuer and the account as
/// stored: `change` returns the file to store (`None` removes it). A file is stored only for
/// the account stored under `r` (`crate::store::check_token_owner`).
pub fn write_tokens(b: &dyn Engine, r: &Reference, change: &mut TokensChange<'_>) -> Result<()> {
    atomically(b, |tx| change_tokens(tx, r, change))
}

/// `write_issuer`, inside transaction `tx`: new key files, then the record, then
/// the removed key files.
pub(crate) fn change_issuer(
    tx: &mut dyn Tx,
    change: &mut IssuerChange<'_>,
) -> Result<Option<IssuerRecord>> {
    let current = tx.issuer()?;
    let tokens = tx.all_tokens();
    let Some(w) = change(current.clone(), tokens)? else {
        return Ok(current);
    };
    for (kid, bytes) in &w.new_keys {
        tx.put_issuer_key(kid, bytes)?;
    }
    tx.put_issuer(&w.record)?;
    for kid in &w.removed {
        tx.delete_issuer_key(kid)?;
    }
    Ok(Some(w.record))
}

/// `write_tokens`, inside transaction `tx` (an unchanged file is not written).
pub(crate) fn change_tokens(
    tx: &mut dyn Tx,
    r: &Reference,
    change: &mut TokensChange<'_>,
) -> Result<()> {
    let current = tx.tokens(r)?;
    let issuer = tx.issuer()?;
    let account = tx.account(r)?;
    let before = current.clone();
    let after = change(current, issuer.as_ref(), account.as_ref())?;
    if after == before {
        return Ok(());
    }
    match after {
        Some(f) => {
            crate::store::errors::check_token_owner(r, account.as_ref(), &f)?;
            tx.put_tokens(r, &f)
        }
        None => tx.delete_tokens(r).map(|_| ()),
    }
}

/// The account stored under `r`, or `UserError::UnknownAccount`.
fn account_of(b: &dyn Engine, r: &Reference) -> Result<Account> {
    Ok(b.read_account(r)?
        .ok_or_else(|| crate::store::errors::unknown_account(r))?)
}

/// The issuer without its secrets; `None` before it is first used.
pub fn get(b: &dyn Engine) -> Result<Option<IssuerView>> {
    match b.read_issuer()? {
        None => Ok(None),
        r => view(b, r).map(Some),
    }
}

pub fn unknown_token(r: &Reference, name: &Name) -> UserError {
    UserError::UnknownToken {
        account: r.to_string(),
        name: name.to_string(),
    }
}

pub fn token_exists(r: &Reference, name: &Name) -> UserError {
    UserError::TokenExists {
        account: r.to_string(),
        name: name.to_string(),
    }
}

/// A new key: its record and its private half.
fn new_key(
    alg: IssuerAlgorithm,
    secret: Option<Secret>,
    now: Timestamp,
) -> Result<(IssuerKey, Zeroizing<Vec<u8>>)> {
    match (alg, secret) {
        (IssuerAlgorithm::RS256, None) => {
            let key = PrivateKey::generate(2048)?;
            let pem = key.to_pkcs8_pem();
            Ok((
                IssuerKey {
                    kid: key.kid(),
                    algorithm: alg,
                    created: now,
                    retired: None,
                    public_key: Some(key.public_key().to_pem()),
                },
                Zeroizing::new(pem.as_bytes().to_vec()),
            ))
        }
        (IssuerAlgorithm::HS256, Some(secret)) => Ok((
            IssuerKey {
                kid: random_id()?,
                algorithm: alg,
                created: now,
                retired: None,
                public_key: None,
            },
            Zeroizing::new(secret.bytes().to_vec()),
        )),
        (IssuerAlgorithm::HS256, None) => Err(UserError::Usage(
            "an HS256 issuer needs its secret: pass --secret-file FILE (or - for stdin)".into(),
        )
        .into()),
        (IssuerAlgorithm::RS256, Some(_)) => Err(UserError::Usage(
            "--secret-file is for HS256 issuers; an RS256 issuer generates its own keys".into(),
        )
        .into()),
    }
}

/// Keys that may go: retired, and no live token signed with them.
fn prunable(record: &IssuerRecord, tokens: &[TokenFile], now: Timestamp) -> Vec<String> {
    record
        .keys
        .iter()
        .filter(|k| k.retired.is_some())
        .filter(|k| {
            !tokens
                .iter()
                .flat_map(|f| &f.tokens)
                .any(|t| t.kid == k.kid && t.is_live(now))
        })
        .map(|k| k.kid.clone())
        .collect()
}

fn without(mut record: IssuerRecord, removed: &[String]) -> IssuerRecord {
    record.keys.retain(|k| !removed.contains(&k.kid));
    record
}

/// The issuer, created (RS256) if the store has none yet.
pub fn ensure(b: &dyn Engine) -> Result<IssuerRecord> {
    if let Some(r) = b.read_issuer()? {
        return Ok(r);
    }
    let record = write_issuer(b, &mut |current, _| {
        if current.is_some() {
            return Ok(None);
        }
        Ok(Some(create(IssuerAlgorithm::RS256, None)?))
    })?;
    record.ok_or_else(|| anyhow::anyhow!("the issuer was not written"))
}

fn create(alg: IssuerAlgorithm, secret: Option<Secret>) -> Result<IssuerWrite> {
    let now = Timestamp::now();
    let (key, private) = new_key(alg, secret, now)?;
    Ok(IssuerWrite {
        record: IssuerRecord {
            id: format!("{ISSUER_PREFIX}{}", new_uid()),
            algorithm: alg,
            created: now,
            keys: vec![key.clone()],
        },
        new_keys: vec![(key.kid, private)],
        removed: vec![],
    })
}

/// `svcacct issuer init`: refuses a store that has an issuer already.
pub fn init(b: &dyn Engine, alg: IssuerAlgorithm, secret: Option<Secret>) -> Result<IssuerView> {
    let mut secret = Some(secret);
    let record = write_issuer(b, &mut |current, _| {
        if let Some(c) = current {
            return Err(UserError::Failure(format!(
                "the store already has an issuer, `{}` ({}); use `svcacct issuer rotate` for a new key",
                c.id,
                c.algorithm.as_str()
            ))
            .into());
        }
        Ok(Some(create(alg, secret.take().flatten())?))
    })?;
    view(b, record)
}

/// `svcacct issuer rotate`: a new key signs from now on; retired keys stay while live tokens
/// need them — or, with `revoke_previous` (a key leaked), every earlier key goes at once: out
/// of the issuer record, so out of the JWKS gateways verify with, and every token it signed
/// stops verifying (see `drop_unverifiable` for their records).
pub fn rotate(b: &dyn Engine, secret: Option<Secret>, revoke_previous: bool) -> Result<IssuerView> {
    let mut secret = Some(secret);
    let (record, revoked) = atomically(b, |tx| {
        let record = change_issuer(tx, &mut |current, tokens| {
            let Some(mut record) = current else {
                return Err(UserError::Failure(
                "the store has no issuer yet: it is created by the first `svcacct tokens create`, or by `svcacct issuer init`".into(),
            )
            .into());
            };
            let now = Timestamp::now();
            let (key, private) = new_key(record.algorithm, secret.take().flatten(), now)?;
            for k in record.keys.iter_mut().filter(|k| k.retired.is_none()) {
                k.retired = Some(now);
            }
            record.keys.push(key.clone());
            // Rotation is what a leaked key calls for: an unreadable token file must not stop it,
            // it only keeps every retired key (any of them may be needed).
            let removed = match &tokens {
                _ if revoke_previous => record
                    .keys
                    .iter()
                    .filter(|k| k.kid != key.kid)
                    .map(|k| k.kid.clone())
                    .collect(),
                Ok(tokens) => prunable(&record, tokens, now),
                Err(e) => {
                    crate::errln!(
                        "svcacct: warning: a token file is unreadable, so no retired issuer key was removed: {e:#}"
                    );
                    vec![]
                }
            };
            Ok(Some(IssuerWrite {
                record: without(record, &removed),
                new_keys: vec![(key.kid, private)],
                removed,
            }))
        })?;
        // In the same transaction, so that no record of a token that can never verify again
        // outlives a crash.
        let revoked = match (&record, revoke_previous) {
            (Some(record), true) => drop_unverifiable(tx, record)?,
            _ => vec![],
        };
        Ok((record, revoked))
    })?;
    let mut view = match view(b, record.clone()) {
        Ok(v) => v,
        // Rotated; how long retired keys are kept is unknown (the warning said why).
        Err(_) => {
            let record = record.ok_or_else(|| anyhow::anyhow!("the issuer was not written"))?;
            view_of(&record, &[], Timestamp::now())
        }
    };
    view.revoked_tokens = revoked;
    Ok(view)
}

/// Drops the records of issued tokens whose key `issuer` no longer has (`rotate` with
/// `revoke_previous` removed it: they can never verify again), so that `tokens list` does not
/// show them as live. Returns them.
fn drop_unverifiable(tx: &mut dyn Tx, issuer: &IssuerRecord) -> Result<Vec<RevokedToken>> {
    let keeps = |t: &TokenRecord| issuer.keys.iter().any(|k| k.kid == t.kid);
    let mut revoked = vec![];
    for account in tx.accounts(&crate::store::engine::Scope::All)?.items {
        let r = account.reference();
        let file = match tx.tokens(&r) {
            Ok(file) => file,
            // Its tokens cannot verify any more either way: the rotation must not wait for it.
            Err(_) => {
                crate::errln!(
                    "svcacct: warning: the issued-token records of `{r}` are unreadable, so they \
                     were left as they are; none of its tokens signed by a revoked key verifies \
                     any more (fix or remove the file: `svcacct tokens list {r}` names it)"
                );
                continue;
            }
        };
        let dead: Vec<Name> = current(file, &account)
            .into_iter()
            .filter(|t| !keeps(t))
            .map(|t| t.name)
            .collect();
        if dead.is_empty() {
            continue;
        }
        change_tokens(tx, &r, &mut |file, _, _| {
            let mut file = file;
            if let Some(f) = file.as_mut() {
                f.tokens.retain(&keeps);
            }
            Ok(file.filter(|f| !f.tokens.is_empty()))
        })?;
        revoked.extend(dead.into_iter().map(|name| RevokedToken {
            account: r.to_string(),
            name,
        }));
    }
    Ok(revoked)
}

/// Removes the retired keys no live token needs (nothing is written when there are none), in
/// transaction `tx`: what deleting or renaming an account, or changing its tokens, does in the
/// same transaction as the change.
pub(crate) fn prune_in(tx: &mut dyn Tx) -> Result<()> {
    let record = match tx.issuer()? {
        Some(r) if r.keys.iter().any(|k| k.retired.is_some()) => r,
        _ => return Ok(()),
    };
    change_issuer(tx, &mut |_, tokens| {
        let removed = prunable(&record, &tokens?, Timestamp::now());
        if removed.is_empty() {
            return Ok(None);
        }
        Ok(Some(IssuerWrite {
            record: without(record.clone(), &removed),
            new_keys: vec![],
            removed,
        }))
    })?;
    Ok(())
}

/// [`prune_in`] with a change of token records (also deleting or renaming an account, which
/// takes its records): a failure (say, another account's unreadable token file) is only
/// reported, since failing would undo the change, and for `tokens create` lose a token.
/// Nothing of the prune is written then: it fails before it writes.
pub(crate) fn prune_with_change(tx: &mut dyn Tx) {
    if let Err(e) = prune_in(tx) {
        // A corrupt record's own text says "nothing else was changed": here the change was made.
        match e.downcast_ref::<UserError>() {
            Some(UserError::CorruptRecord { path, why }) => crate::errln!(
                "svcacct: warning: retired issuer keys were not pruned: store record {} is \
                 unreadable: {why} (fix or remove the file; the change itself was made)",
                crate::output::shown_path(path)
            ),
            _ => crate::errln!("svcacct: warning: retired issuer keys were not pruned: {e:#}"),
        }
    }
}

/// The public view of the issuer, with how long each retired key is kept.
pub fn view(b: &dyn Engine, record: Option<IssuerRecord>) -> Result<IssuerView> {
    let record = record.ok_or_else(|| anyhow::anyhow!("the issuer was not written"))?;
    let tokens = b.read_all_tokens()?;
    Ok(view_of(&record, &tokens, Timestamp::now()))
}

pub fn view_of(record: &IssuerRecord, tokens: &[TokenFile], now: Timestamp) -> IssuerView {
    let keys = record
        .keys
        .iter()
        .map(|k| {
            let live: Vec<&TokenRecord> = tokens
                .iter()
                .flat_map(|f| &f.tokens)
                .filter(|t| t.kid == k.kid && t.is_live(now))
                .collect();
            let retired = k.retired.is_some();
            IssuerKeyView {
                kid: k.kid.clone(),
                algorithm: k.algorithm,
                created: k.created,
                retired: k.retired,
                kept_until: if retired && live.iter().all(|t| t.expires.is_some()) {
                    live.iter().filter_map(|t| t.expires).max()
                } else {
                    None
                },
                kept_indefinitely: retired && live.iter().any(|t| t.expires.is_none()),
                public_key: k.public_key.clone(),
            }
        })
        .collect();
    IssuerView {
        id: record.id.clone(),
        algorithm: record.algorithm,
        created: record.created,
        keys,
        revoked_tokens: vec![],
    }
}

#[derive(Serialize)]
struct IssuedClaims<'a> {
    iss: &'a str,
    sub: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    aud: Option<Audience<'a>>,
    iat: i64,
    #[serde(skip_serializing_if = "Option::is_none")]
    exp: Option<i64>,
    jti: &'a str,
    /// RFC 8693: for an account that impersonates a user, `sub` is the user and this names
    /// the account.
    #[serde(skip_serializing_if = "Option::is_none")]
    act: Option<Actor<'a>>,
}

fn sign(
    b: &dyn Engine,
    issuer: &IssuerRecord,
    account: &Account,
    req: &IssueRequest,
    now: Timestamp,
) -> Result<IssuedToken> {
    let key = issuer
        .active()
        .ok_or_else(|| anyhow::anyhow!("the issuer has no active key"))?;
    let private = b.read_issuer_key(&key.kid)?;
    let encoding = match key.algorithm {
        IssuerAlgorithm::RS256 => {
            let label = format!("issuer key {}", key.kid);
            let p = PrivateKey::parse(&private, &label, None)?;
            // What verifies the token (and the JWKS publishes) is the record's public key.
            let published =
                PublicKey::parse(key.public_key.as_deref().unwrap_or("").as_bytes(), &label)?;
            if published.fingerprint() != p.public_key().fingerprint() {
                return Err(UserError::Failure(format!(
                    "the public key of issuer key `{}` in the issuer record does not match its private key; nothing was signed",
                    key.kid
                ))
                .into());
            }
            EncodingKey::from_rsa_der(p.pkcs1_der())
        }
        IssuerAlgorithm::HS256 => EncodingKey::from_secret(&private),
    };
    let mut header = Header::new(key.algorithm.jwt());
    header.kid = Some(key.kid.clone());
    let jti = random_id()?;
    let reference = account.reference().to_string();
    let sub = account.impersonates.as_deref().unwrap_or(&reference);
    let claims = IssuedClaims {
        iss: &issuer.id,
        sub,
        aud: Audience::of(&req.audiences),
        iat: now.as_second(),
        exp: req.expires.map(|e| e.as_second()),
        jti: &jti,
        act: account
            .impersonates
            .as_ref()
            .map(|_| Actor { sub: &reference }),
    };
    let token = jsonwebtoken::encode(&header, &claims, &encoding)
        .map_err(|e| anyhow::anyhow!("cannot sign the token: {e}"))?;
    Ok(IssuedToken {
        token,
        record: TokenRecord {
            name: req.name.clone(),
            id: jti,
            kid: key.kid.clone(),
            created: now,
            expires: req
                .expires
                .map(|e| Timestamp::from_second(e.as_second()).unwrap_or(e)),
            last_used: None,
            audiences: req.audiences.clone(),
        },
    })
}

/// The account's current records (none when they belong to an earlier account of its name).
fn current(file: Option<TokenFile>, account: &Account) -> Vec<TokenRecord> {
    match file {
        Some(f) if f.account_uid == account.uid => f.tokens,
        _ => vec![],
    }
}

fn stored_file(account: &Account, tokens: Vec<TokenRecord>) -> Option<TokenFile> {
    (!tokens.is_empty()).then(|| TokenFile {
        account_uid: account.uid.clone(),
        tokens,
    })
}

/// Checks a request before anything is signed.
pub fn check_request(req: &IssueRequest, now: Timestamp) -> Result<(), UserError> {
    if req.audiences.iter().any(|a| a.trim().is_empty()) {
        return Err(UserError::Usage("an audience must not be empty".into()));
    }
    for a in &req.audiences {
        crate::identity::check_visible("audience", a)?;
    }
    if req.expires.is_some_and(|e| e <= now) {
        return Err(UserError::Usage("the expiry is in the past".into()));
    }
    Ok(())
}

/// Issues a token to `r`; `replace` names the token it replaces (regenerate), else the name
/// must be free.
pub fn issue(
    b: &dyn Engine,
    r: &Reference,
    req: &IssueRequest,
    replace: bool,
) -> Result<IssuedToken> {
    check_request(req, Timestamp::now())?;
    let account = account_of(b, r)?;
    issue_to(b, &account, req, replace, false)
}

/// `issue` to the account exactly as `read` (a record a server authorized the token on): the
/// token's record is written only while the account stored under its name has `read`'s uid
/// and revision, checked under the store's lock with the write; otherwise
/// `UserError::Replaced` (another account under the name: renamed onto it, or deleted and
/// created again) or `UserError::Conflict` (it changed since), and nothing is written.
pub fn issue_pinned(
    b: &dyn Engine,
    read: &Account,
    req: &IssueRequest,
    replace: bool,
) -> Result<IssuedToken> {
    check_request(req, Timestamp::now())?;
    issue_to(b, read, req, replace, true)
}

fn issue_to(
    b: &dyn Engine,
    account: &Account,
    req: &IssueRequest,
    replace: bool,
    pinned: bool,
) -> Result<IssuedToken> {
    let now = Timestamp::now();
    let r = &account.reference();
    loop {
        let issuer = ensure(b)?;
        let issued = match sign(b, &issuer, account, req, now) {
            Ok(t) => t,
            // Rotated since it was read, and the key no token needed is gone: sign again.
            Err(_) if b.read_issuer()?.as_ref() != Some(&issuer) => continue,
            Err(e) => return Err(e),
        };
        let mut key_gone = false;
        atomically(b, |tx| {
            change_tokens(tx, r, &mut |file, issuer, stored| {
                if pinned && let Some(e) = crate::store::errors::pinned_refusal(account, stored) {
                    return Err(e.into());
                }
                if !issuer.is_some_and(|i| i.keys.iter().any(|k| k.kid == issued.record.kid)) {
                    key_gone = true; // rotated meanwhile: sign again with the new key
                    return Ok(file);
                }
                let mut tokens = current(file, account);
                let at = tokens.iter().position(|t| t.name == req.name);
                match (at, replace) {
                    (Some(_), false) => return Err(token_exists(r, &req.name).into()),
                    (None, true) => return Err(unknown_token(r, &req.name).into()),
                    (Some(i), true) => tokens[i] = issued.record.clone(),
                    (None, false) => tokens.push(issued.record.clone()),
                }
                Ok(stored_file(account, tokens))
            })?;
            if !key_gone {
                // Retired keys whose tokens have all expired or gone meanwhile go with it.
                prune_with_change(tx);
            }
            Ok(())
        })?;
        if !key_gone {
            return Ok(issued);
        }
    }
}

/// The records of `r`'s tokens, oldest first.
pub fn list(b: &dyn Engine, r: &Reference) -> Result<Vec<TokenRecord>> {
    let account = account_of(b, r)?;
    Ok(current(b.read_tokens(r)?, &account))
}

/// Regenerates `name`: a new token (new id) with the old one's audiences and lifetime, which
/// it replaces.
pub fn regenerate(b: &dyn Engine, r: &Reference, name: &Name) -> Result<IssuedToken> {
    let account = account_of(b, r)?;
    let req = regeneration(b, &account, name)?;
    issue(b, r, &req, true)
}

/// `regenerate` for the account exactly as `read`, as `issue_pinned`.
pub fn regenerate_pinned(b: &dyn Engine, read: &Account, name: &Name) -> Result<IssuedToken> {
    let req = regeneration(b, read, name)?;
    issue_pinned(b, read, &req, true)
}

/// What regenerating `account`'s token `name` issues.
fn regeneration(b: &dyn Engine, account: &Account, name: &Name) -> Result<IssueRequest> {
    let r = account.reference();
    let old = current(b.read_tokens(&r)?, account)
        .into_iter()
        .find(|t| t.name == *name)
        .ok_or_else(|| unknown_token(&r, name))?;
    let now = Timestamp::now();
    Ok(IssueRequest {
        name: name.clone(),
        // The same lifetime; past the latest date there is, the old expiry (the latest).
        expires: old
            .expires
            .map(|e| now.checked_add(e.duration_since(old.created)).unwrap_or(e)),
        audiences: old.audiences,
    })
}

pub fn revoke(b: &dyn Engine, r: &Reference, name: &Name) -> Result<()> {
    let account = account_of(b, r)?;
    atomically(b, |tx| {
        change_tokens(tx, r, &mut |file, _, _| {
            let mut tokens = current(file, &account);
            let before = tokens.len();
            tokens.retain(|t| t.name != *name);
            if tokens.len() == before {
                return Err(unknown_token(r, name).into());
            }
            Ok(stored_file(&account, tokens))
        })?;
        prune_with_change(tx);
        Ok(())
    })
}

pub fn rename(b: &dyn Engine, r: &Reference, from: &Name, to: &Name) -> Result<TokenRecord> {
    let account = account_of(b, r)?;
    let mut renamed = None;
    write_tokens(b, r, &mut |file, _, _| {
        let mut tokens = current(file, &account);
        if tokens.iter().any(|t| t.name == *to) {
            return Err(token_exists(r, to).into());
        }
        let t = tokens
            .iter_mut()
            .find(|t| t.name == *from)
            .ok_or_else(|| unknown_token(r, from))?;
        t.name = to.clone();
        renamed = Some(t.clone());
        Ok(stored_file(&account, tokens))
    })?;
    renamed.ok_or_else(|| anyhow::anyhow!("the token was not renamed"))
}

/// Is a use at `now` to be noted (`touch`) for a token last used at `last`?
pub fn last_use_due(last: Option<Timestamp>, now: Timestamp) -> bool {
    last.is_none_or(|t| now.duration_since(t) >= LAST_USED_EVERY)
}

/// Notes that a token was used, at most once per [`LAST_USED_EVERY`]; a failure to write is
/// reported on stderr and does not fail the verification.
pub fn touch(b: &dyn Engine, r: &Reference, record: &TokenRecord, now: Timestamp) {
    let recent = |last: Option<Timestamp>| !last_use_due(last, now);
    if recent(record.last_used) {
        return;
    }
    let result = write_tokens(b, r, &mut |file, _, _| {
        let mut file = file;
        // Again under the lock: a burst of requests that read the record before the first of
        // them wrote would otherwise write once each (the file store leaves an unchanged
        // file alone).
        if let Some(f) = file.as_mut()
            && let Some(t) = f.tokens.iter_mut().find(|t| t.id == record.id)
            && !recent(t.last_used)
        {
            t.last_used = Some(now);
        }
        Ok(file)
    });
    if let Err(e) = result {
        crate::errln!(
            "svcacct: cannot note when token `{}` was last used: {e:#}",
            record.name
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;
    use crate::store::memory::MemoryStore;
    use crate::store::memory::tests::{account, reference};
    use crate::token::VerifyOptions;
    use crate::token::claims::LEEWAY;
    use jsonwebtoken::Algorithm;

    fn name(s: &str) -> Name {
        Name::parse(s).unwrap()
    }

    fn opts(now: Timestamp) -> VerifyOptions<'static> {
        VerifyOptions {
            audience: None,
            max_lifetime: SignedDuration::from_hours(1),
            max_lifetime_source: "test",
            now,
        }
    }

    fn rejection(r: Result<crate::token::Verified>) -> String {
        match r {
            Ok(_) => panic!("accepted"),
            Err(e) => {
                e.downcast::<crate::error::Rejected>()
                    .expect("a Rejected")
                    .0
            }
        }
    }

    fn req(n: &str, expires: Option<Timestamp>) -> IssueRequest {
        IssueRequest {
            name: name(n),
            expires,
            audiences: vec![],
        }
    }

    /// `null` is refused as in every request body of the API: here it would silently mean a
    /// token that never expires, where the client may have meant "the default".
    #[test]
    fn an_issue_request_refuses_null_for_the_expiry() {
        let e = serde_json::from_str::<IssueRequest>(r#"{"name":"a","expires":null}"#)
            .unwrap_err()
            .to_string();
        assert!(e.contains("invalid type: null"), "{e}");
        let r: IssueRequest = serde_json::from_str(r#"{"name":"a"}"#).unwrap();
        assert_eq!(r.expires, None);
        let r: IssueRequest =
            serde_json::from_str(r#"{"name":"a","expires":"2030-01-01T00:00:00Z"}"#).unwrap();
        assert_eq!(r.expires, Some("2030-01-01T00:00:00Z".parse().unwrap()));
    }

    #[test]
    fn secrets_are_checked_and_never_shown() {
        let short = Secret::new(
            Zeroizing::new(b"0123456789012345678901234567890\n".to_vec()),
            "x",
        );
        assert!(short.unwrap_err().to_string().contains("is 31 bytes long"));
        let ok = Secret::new(Zeroizing::new(vec![b'k'; 32]), "x").unwrap();
        assert_eq!(format!("{ok:?}"), "Secret(REDACTED)");
    }

    #[test]
    fn issue_verify_revoke_and_last_used() {
        let store = MemoryStore::new();
        store.create_account(account("ci")).unwrap();
        let r = reference("ci");
        let now = Timestamp::now();
        let t = issue(&store, &r, &req("deploy", None), false).unwrap();
        assert!(!format!("{t:?}").contains(&t.token));
        let v = crate::token::verify(&t.token, &store, &opts(now)).unwrap();
        assert_eq!(v.exp, None);
        assert_eq!(v.issued.as_ref().unwrap().token_name, name("deploy"));
        let used = list(&store, &r).unwrap()[0].last_used.unwrap();
        // Within a minute, a second verification writes nothing.
        crate::token::verify(&t.token, &store, &opts(now + SignedDuration::from_secs(30))).unwrap();
        assert_eq!(list(&store, &r).unwrap()[0].last_used, Some(used));
        let later = now + SignedDuration::from_secs(90);
        crate::token::verify(&t.token, &store, &opts(later)).unwrap();
        assert_eq!(list(&store, &r).unwrap()[0].last_used, Some(later));
        // Same name twice is refused; revoke makes it fail at once.
        let e = issue(&store, &r, &req("deploy", None), false).unwrap_err();
        assert!(e.to_string().contains("already has an issued token"), "{e}");
        revoke(&store, &r, &name("deploy")).unwrap();
        assert!(rejection(crate::token::verify(&t.token, &store, &opts(now))).contains("revoked"));
    }

    /// A retired key, kept while a token it signed lives, verifies that token and nothing
    /// else: a token forged with it (say, leaked) under the id and dates of a token issued
    /// after the rotation is refused, and so are claims that differ from the record.
    #[test]
    fn an_issued_token_verifies_only_with_the_key_that_signed_it() {
        let store = MemoryStore::new();
        store.create_account(account("ci")).unwrap();
        let r = reference("ci");
        let now = Timestamp::now();
        let year = Some(now + SignedDuration::from_hours(24 * 365));
        let before = issue(&store, &r, &req("before", year), false).unwrap();
        let b: &dyn Engine = &store;
        let leaked_kid = before.record.kid.clone();
        let leaked =
            PrivateKey::parse(&b.read_issuer_key(&leaked_kid).unwrap(), "k", None).unwrap();
        rotate(b, None, false).unwrap();
        let after = issue(
            &store,
            &r,
            &IssueRequest {
                audiences: vec!["api".into()],
                ..req("after", year)
            },
            false,
        )
        .unwrap();
        assert_ne!(after.record.kid, leaked_kid);
        // Both genuine tokens verify.
        crate::token::verify(&before.token, &store, &opts(now)).unwrap();
        let aud = VerifyOptions {
            audience: Some("api"),
            ..opts(now)
        };
        crate::token::verify(&after.token, &store, &aud).unwrap();
        let issuer = b.read_issuer().unwrap().unwrap();
        let forge = |kid: &str, key: &PrivateKey, claims: serde_json::Value| {
            let mut h = Header::new(Algorithm::RS256);
            h.kid = Some(kid.to_owned());
            jsonwebtoken::encode(&h, &claims, &EncodingKey::from_rsa_der(key.pkcs1_der())).unwrap()
        };
        let claims = |rec: &TokenRecord, aud: &[&str]| {
            let mut c = serde_json::json!({
                "iss": issuer.id, "sub": "ci", "jti": rec.id,
                "iat": rec.created.as_second(), "exp": rec.expires.unwrap().as_second(),
            });
            if !aud.is_empty() {
                c["aud"] = serde_json::json!(aud);
            }
            c
        };
        let forged = forge(&leaked_kid, &leaked, claims(&after.record, &["api"]));
        assert_eq!(
            rejection(crate::token::verify(&forged, &store, &aud)),
            format!(
                "issued token `after` of `ci` was signed with issuer key `{}`, not `{leaked_kid}`: the token was not issued here",
                after.record.kid
            )
        );
        // With the leaked key, the record of its own token is the most a forger can match.
        let widened = forge(&leaked_kid, &leaked, claims(&before.record, &["api"]));
        assert_eq!(
            rejection(crate::token::verify(&widened, &store, &aud)),
            "`aud` differs from the issued token's record"
        );
        let mut backdated = claims(&before.record, &[]);
        backdated["iat"] = serde_json::json!(before.record.created.as_second() - 10);
        assert_eq!(
            rejection(crate::token::verify(
                &forge(&leaked_kid, &leaked, backdated),
                &store,
                &opts(now)
            )),
            "`iat` differs from the issued token's record"
        );
    }

    /// Requests that all read the record before the first of them wrote it (a burst at the
    /// minute boundary): only the first writes, the others find a recent date under the lock.
    #[test]
    fn last_used_is_checked_again_under_the_lock() {
        let store = MemoryStore::new();
        store.create_account(account("ci")).unwrap();
        let r = reference("ci");
        issue(&store, &r, &req("deploy", None), false).unwrap();
        let read = list(&store, &r).unwrap().remove(0);
        let b: &dyn Engine = &store;
        let now = Timestamp::now();
        for i in 0..5 {
            touch(b, &r, &read, now + SignedDuration::from_secs(i));
        }
        assert_eq!(list(&store, &r).unwrap()[0].last_used, Some(now));
    }

    #[test]
    fn debug_output_of_a_store_shows_no_issuer_secret() {
        let store = MemoryStore::new();
        let b: &dyn Engine = &store;
        let secret = Secret::new(
            Zeroizing::new(b"s3cr3t-s3cr3t-s3cr3t-s3cr3t-s3cr3t".to_vec()),
            "x",
        );
        init(b, IssuerAlgorithm::HS256, Some(secret.unwrap())).unwrap();
        let shown = format!("{store:?}");
        assert!(shown.contains("issuer_keys"), "{shown}");
        // Bytes print as numbers: look for the secret's first bytes either way.
        assert!(
            !shown.contains("s3cr3t") && !shown.contains("115, 51, 99"),
            "{shown}"
        );
    }

    /// A store where another process rotates the issuer (and prunes the key no token needs)
    /// right after `issue` read the issuer, before it reads the signing key.
    struct RotatedMeanwhile {
        inner: MemoryStore,
        fired: std::cell::Cell<bool>,
    }

    impl Engine for RotatedMeanwhile {
        fn atomically(
            &self,
            work: &mut dyn FnMut(&mut dyn crate::store::engine::Tx) -> Result<()>,
        ) -> Result<()> {
            self.inner.atomically(work)
        }
        fn generation(&self) -> u64 {
            self.inner.generation()
        }
        fn read_account(&self, r: &Reference) -> Result<Option<Account>> {
            self.inner.read_account(r)
        }
        fn read_accounts(
            &self,
            scope: &crate::store::Scope,
        ) -> Result<crate::store::Listing<Account>> {
            self.inner.read_accounts(scope)
        }
        fn read_policy(
            &self,
            scope: &crate::model::PolicyScope,
            name: &Name,
        ) -> Result<Option<crate::model::Policy>> {
            self.inner.read_policy(scope, name)
        }
        fn read_policies(
            &self,
            scope: &crate::store::Scope,
        ) -> Result<crate::store::Listing<crate::model::Policy>> {
            self.inner.read_policies(scope)
        }
        fn read_namespace(
            &self,
            ns: &crate::identity::Namespace,
        ) -> Result<Option<crate::model::NamespaceRecord>> {
            self.inner.read_namespace(ns)
        }
        fn read_namespaces(&self) -> Result<crate::store::Listing<crate::model::NamespaceRecord>> {
            self.inner.read_namespaces()
        }
        fn read_issuer(&self) -> Result<Option<IssuerRecord>> {
            self.inner.read_issuer()
        }
        fn read_issuer_key(&self, kid: &str) -> Result<Zeroizing<Vec<u8>>> {
            if !self.fired.replace(true) {
                rotate(&self.inner, None, false).unwrap();
            }
            self.inner.read_issuer_key(kid)
        }
        fn read_tokens(&self, r: &Reference) -> Result<Option<TokenFile>> {
            self.inner.read_tokens(r)
        }
        fn read_all_tokens(&self) -> Result<Vec<TokenFile>> {
            self.inner.read_all_tokens()
        }
    }

    #[test]
    fn an_issue_signs_again_when_its_key_was_rotated_out_meanwhile() {
        let store = RotatedMeanwhile {
            inner: MemoryStore::new(),
            fired: Default::default(),
        };
        store.create_account(account("ci")).unwrap();
        let r = reference("ci");
        let first = init(&store.inner, IssuerAlgorithm::RS256, None).unwrap();
        let t = issue(&store, &r, &req("deploy", None), false).unwrap();
        assert!(store.fired.get());
        assert_ne!(t.record.kid, first.keys[0].kid);
        let v = crate::token::verify(&t.token, &store, &opts(Timestamp::now())).unwrap();
        assert_eq!(v.kid, t.record.kid);
    }

    #[test]
    fn expired_and_recreated_accounts_are_refused() {
        let store = MemoryStore::new();
        store.create_account(account("ci")).unwrap();
        let r = reference("ci");
        let now = Timestamp::now();
        let exp = now + SignedDuration::from_mins(5);
        let t = issue(&store, &r, &req("short", Some(exp)), false).unwrap();
        let late = now + SignedDuration::from_mins(10);
        let why = rejection(crate::token::verify(&t.token, &store, &opts(late)));
        assert!(
            why.contains("the issued token `short` of `ci` expired at"),
            "{why}"
        );
        store.delete_account(&r).unwrap();
        store.create_account(account("ci")).unwrap();
        assert!(list(&store, &r).unwrap().is_empty());
        let why = rejection(crate::token::verify(&t.token, &store, &opts(now)));
        assert!(
            why.contains("never revives") || why.contains("revoked"),
            "{why}"
        );
    }

    #[test]
    fn rotation_keeps_needed_keys_only() {
        let store = MemoryStore::new();
        store.create_account(account("ci")).unwrap();
        let r = reference("ci");
        let b: &dyn Engine = &store;
        let old = issue(&store, &r, &req("old", None), false).unwrap();
        let v = rotate(b, None, false).unwrap();
        assert_eq!(v.keys.len(), 2);
        assert!(v.keys[0].kept_indefinitely);
        assert_eq!(crate::token::issuer_jwks(&v).keys.len(), 2);
        let now = Timestamp::now();
        crate::token::verify(&old.token, &store, &opts(now)).unwrap();
        let new = issue(&store, &r, &req("new", None), false).unwrap();
        assert_ne!(new.record.kid, old.record.kid);
        revoke(&store, &r, &name("old")).unwrap();
        let v = view(b, b.read_issuer().unwrap()).unwrap();
        assert_eq!(v.keys.len(), 1);
        assert_eq!(v.keys[0].kid, new.record.kid);
        // A retired key whose tokens expire is kept until the last expiry (and the leeway).
        let exp = now + SignedDuration::from_mins(5);
        let short = issue(&store, &r, &req("short", Some(exp)), false).unwrap();
        revoke(&store, &r, &name("new")).unwrap();
        let v = rotate(b, None, false).unwrap();
        let kept = v.keys.iter().find(|k| k.kid == short.record.kid).unwrap();
        assert_eq!(
            kept.kept_until.map(|t| t.as_second()),
            Some(exp.as_second())
        );
        assert!(!kept.kept_indefinitely);
        let record = b.read_issuer().unwrap().unwrap();
        let tokens = b.read_all_tokens().unwrap();
        assert!(prunable(&record, &tokens, now).is_empty());
        let later = exp + LEEWAY + SignedDuration::from_secs(1);
        assert_eq!(prunable(&record, &tokens, later), vec![short.record.kid]);
    }

    #[test]
    fn hmac_issuer_and_algorithm_confusion() {
        let store = MemoryStore::new();
        store.create_account(account("ci")).unwrap();
        let r = reference("ci");
        let b: &dyn Engine = &store;
        let e = init(b, IssuerAlgorithm::HS256, None).unwrap_err();
        assert!(e.to_string().contains("needs its secret"));
        let secret = Secret::new(Zeroizing::new(vec![7u8; 40]), "x").unwrap();
        init(b, IssuerAlgorithm::HS256, Some(secret)).unwrap();
        let t = issue(&store, &r, &req("h", None), false).unwrap();
        let now = Timestamp::now();
        let v = crate::token::verify(&t.token, &store, &opts(now)).unwrap();
        assert_eq!(v.alg, "HS256");
        assert!(
            crate::token::issuer_jwks(&view(b, b.read_issuer().unwrap()).unwrap())
                .keys
                .is_empty()
        );
        // Re-signed claiming RS256 with the same kid: refused for the algorithm.
        let p = crate::token::parse(&t.token).unwrap();
        let mut header = Header::new(Algorithm::RS256);
        header.kid = p.header["kid"].as_str().map(str::to_owned);
        let key = PrivateKey::generate(2048).unwrap();
        let forged = jsonwebtoken::encode(
            &header,
            &p.claims,
            &EncodingKey::from_rsa_der(key.pkcs1_der()),
        )
        .unwrap();
        let why = rejection(crate::token::verify(&forged, &store, &opts(now)));
        assert!(why.contains("does not match issuer key"), "{why}");
        assert!(init(b, IssuerAlgorithm::RS256, None).is_err());
    }
}
