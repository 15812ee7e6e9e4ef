//! The issuer's workflows: the store's own issuer (`urn:svcacct:issuer:<uid>`, and its https
//! URL once one is set) and its keys.
//! It is created on first use, RS256 (2048-bit RSA), unless `svcacct issuer init --algorithm
//! HS256` gave it a secret; rotation starts a new key and keeps the old ones for verification
//! while a live token needs them (`prune_in`). Each change is one transaction over any engine.
//! The records are in `crate::model` (`IssuerRecord`), the views in `crate::issued`.

use anyhow::Result;
use jiff::{SignedDuration, Timestamp};
use zeroize::Zeroizing;

use crate::error::UserError;
use crate::identity::Name;
use crate::issued::{IssuerKeyView, IssuerView, RevokedToken, RotateRequest, Secret, UrlChange};
use crate::keys::PrivateKey;
use crate::model::{
    DEFAULT_JWKS_MAX_AGE_SECS, ISSUER_PREFIX, IssuerAlgorithm, IssuerKey, IssuerRecord, KeyPhase,
    TokenFile, TokenRecord, current_tokens, new_uid,
};
use crate::store::StoreError;
use crate::store::engine::{Engine, Page, Scope, Tx, WorkError, atomically};
use crate::token::claims::{LEEWAY, random_id};

/// A change of the issuer (`write`).
pub(crate) struct IssuerWrite {
    pub(crate) record: IssuerRecord,
    pub(crate) new_keys: Vec<(String, Zeroizing<Vec<u8>>)>,
    pub(crate) removed: Vec<String>,
}

/// In one transaction of `b`, with the issuer as stored: `change` says what to write (`None`:
/// nothing). Returns the issuer as stored afterwards.
pub(crate) fn update(
    b: &dyn Engine,
    mut change: impl FnMut(Option<IssuerRecord>) -> Result<Option<IssuerWrite>>,
) -> Result<Option<IssuerRecord>> {
    atomically(b, |tx| {
        let current = tx.issuer()?;
        match change(current.clone())? {
            None => Ok(current),
            Some(w) => Ok(Some(write(tx, w)?)),
        }
    })
}

/// Writes `w` in transaction `tx`: new key files first, then the record, then the removed key
/// files go. Returns the record.
fn write(tx: &mut dyn Tx, w: IssuerWrite) -> Result<IssuerRecord, StoreError> {
    for (kid, bytes) in &w.new_keys {
        tx.put_issuer_key(kid, bytes)?;
    }
    tx.put_issuer(&w.record)?;
    for kid in &w.removed {
        tx.delete_issuer_key(kid)?;
    }
    Ok(w.record)
}

/// The issuer without its secrets; `None` before it is first used.
pub fn get(b: &dyn Engine) -> Result<Option<IssuerView>> {
    match b.read_issuer().map_err(UserError::from)? {
        None => Ok(None),
        Some(r) => view(b, r).map(Some),
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
                    signs_from: None,
                    public_key: Some(key.public_key().to_pem()),
                    requested_until: None,
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
                signs_from: None,
                public_key: None,
                requested_until: None,
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

/// Keys that may go: retired, and no live token signed with them (issued ones by their
/// records, requested ones by `requested_until`). An RS256 key stays published for the JWKS's
/// cache lifetime after the last of its tokens expired (not after one was revoked: leaving the
/// JWKS is how a revocation reaches a verifier that only reads it).
pub(super) fn prunable(record: &IssuerRecord, tokens: &[TokenFile], now: Timestamp) -> Vec<String> {
    let cached = record.jwks_cache_lifetime(now);
    record
        .keys
        .iter()
        .filter(|k| k.retired.is_some_and(|r| r <= now))
        .filter(|k| k.requested_until.is_none_or(|u| u < now - LEEWAY - cached))
        .filter(|k| {
            !tokens
                .iter()
                .flat_map(|f| &f.tokens)
                .any(|t| t.kid == k.kid && t.is_live(now - cached))
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
    if let Some(r) = b.read_issuer().map_err(UserError::from)? {
        return Ok(r);
    }
    atomically(b, |tx| match tx.issuer()? {
        Some(r) => Ok(r),
        None => Ok(write(tx, create(IssuerAlgorithm::RS256, None)?)?),
    })
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
            url: None,
            jwks_max_age_seconds: DEFAULT_JWKS_MAX_AGE_SECS,
            jwks_cached_until: None,
        },
        new_keys: vec![(key.kid, private)],
        removed: vec![],
    })
}

/// `svcacct issuer init`: refuses a store that has an issuer already. With `url`, tokens carry
/// it as `iss` (see [`set_url`]); with `jwks_max_age` (seconds), its JWKS is served with that
/// `max-age` instead of [`DEFAULT_JWKS_MAX_AGE_SECS`] (see [`set_jwks_max_age`]).
pub fn init(
    b: &dyn Engine,
    alg: IssuerAlgorithm,
    secret: Option<Secret>,
    url: Option<String>,
    jwks_max_age: Option<u64>,
) -> Result<IssuerView> {
    if let Some(url) = &url {
        check_url(url, alg)?;
    }
    if let Some(seconds) = jwks_max_age {
        check_max_age(seconds, alg)?;
    }
    let mut secret = Some(secret);
    let record = atomically(b, |tx| {
        if let Some(c) = tx.issuer()? {
            return Err(UserError::Failure(format!(
                "the store already has an issuer, `{}` ({}); use `svcacct issuer rotate` for a new key",
                c.id,
                c.algorithm.as_str()
            ))
            .into());
        }
        let mut w = create(alg, secret.take().flatten())?;
        w.record.url = url.clone();
        w.record.jwks_max_age_seconds = jwks_max_age.unwrap_or(DEFAULT_JWKS_MAX_AGE_SECS);
        Ok(write(tx, w)?)
    })?;
    view(b, record)
}

/// Refuses a URL that is no issuer URL (`model::check_issuer_url`), and any URL for an HS256
/// issuer: nobody but svcacct can verify its tokens, so there is nothing to discover.
fn check_url(url: &str, alg: IssuerAlgorithm) -> Result<()> {
    crate::model::check_issuer_url(url).map_err(UserError::Usage)?;
    if alg != IssuerAlgorithm::RS256 {
        return Err(UserError::Usage(format!(
            "an HS256 issuer cannot have a URL: its secret is never published, so no relying \
             party could verify its tokens; an issuer with a URL signs with RS256 \
             (`svcacct issuer init --url {}` on a store without an issuer)",
            crate::output::sanitize(url)
        ))
        .into());
    }
    Ok(())
}

/// `svcacct issuer set-url` and `svcacct serve --issuer-url`: the issuer's tokens carry `url`
/// as `iss` from now on (the issuer is created, RS256, when the store has none). Setting the
/// first URL needs nothing more: tokens signed before carry the issuer's id, which svcacct keeps
/// accepting and which no relying party could discover. Replacing a URL needs `force`: every
/// token signed until now carries the old one, and from now on neither svcacct nor a relying
/// party configured with the new one accepts them.
pub fn set_url(b: &dyn Engine, url: &str, force: bool) -> Result<(IssuerView, UrlChange)> {
    check_url(url, IssuerAlgorithm::RS256)?;
    let mut change = UrlChange::Unchanged;
    let record = update(b, |current| {
        let Some(mut record) = current else {
            change = UrlChange::Set;
            let mut w = create(IssuerAlgorithm::RS256, None)?;
            w.record.url = Some(url.to_owned());
            return Ok(Some(w));
        };
        check_url(url, record.algorithm)?;
        change = match record.url.as_deref() {
            Some(u) if u == url => return Ok(None),
            None => UrlChange::Set,
            Some(previous) if force => UrlChange::Replaced {
                previous: previous.to_owned(),
            },
            Some(previous) => {
                return Err(UserError::Usage(format!(
                    "the store's issuer has URL `{}`: every token it signed carries it as `iss`, \
                     and no verifier accepts those tokens once the URL changes (svcacct neither); \
                     to change it anyway, run `svcacct issuer set-url {} --force`, then \
                     configure the relying parties with the new URL and issue new tokens; \
                     nothing was changed",
                    crate::output::sanitize(previous),
                    crate::output::sanitize(url)
                ))
                .into());
            }
        };
        record.url = Some(url.to_owned());
        Ok(Some(IssuerWrite {
            record,
            new_keys: vec![],
            removed: vec![],
        }))
    })?
    .ok_or_else(|| anyhow::anyhow!("the issuer is gone"))?;
    Ok((view(b, record)?, change))
}

/// Refuses a JWKS max-age out of range (`model::check_jwks_max_age`), and any for an HS256
/// issuer: it publishes no key, so there is nothing for a verifier to cache.
fn check_max_age(seconds: u64, alg: IssuerAlgorithm) -> Result<()> {
    crate::model::check_jwks_max_age(seconds).map_err(UserError::Usage)?;
    if alg != IssuerAlgorithm::RS256 {
        return Err(UserError::Usage(
            "an HS256 issuer publishes no keys, so it has no JWKS max-age: that is for RS256 \
             issuers"
                .into(),
        )
        .into());
    }
    Ok(())
}

/// `svcacct issuer set-jwks-max-age`: from now on the issuer's JWKS and discovery document are
/// served with `max-age` = `seconds`, a rotation publishes its new key that long before it
/// signs (unless told otherwise), and a retired key stays that long after its last token
/// expired (the issuer is created, RS256, when the store has none). Lowered, the old max-age
/// still holds until a JWKS served under it can no longer be cached (`jwks_cached_until`).
/// Returns the issuer and the max-age it had.
pub fn set_jwks_max_age(b: &dyn Engine, seconds: u64) -> Result<(IssuerView, u64)> {
    check_max_age(seconds, IssuerAlgorithm::RS256)?;
    let mut previous = DEFAULT_JWKS_MAX_AGE_SECS;
    let record = update(b, |current| {
        let now = Timestamp::now();
        let mut w = match current {
            Some(record) => {
                check_max_age(seconds, record.algorithm)?;
                if record.jwks_max_age_seconds == seconds {
                    previous = seconds;
                    return Ok(None);
                }
                IssuerWrite {
                    record,
                    new_keys: vec![],
                    removed: vec![],
                }
            }
            None => create(IssuerAlgorithm::RS256, None)?,
        };
        let record = &mut w.record;
        previous = record.jwks_max_age_seconds;
        // What verifiers may hold now, served under the old max-age (or an older one still).
        let held = now
            .checked_add(record.jwks_cache_lifetime(now))
            .unwrap_or(now);
        record.jwks_max_age_seconds = seconds;
        let from_now = now.checked_add(record.jwks_max_age()).unwrap_or(now);
        record.jwks_cached_until = (held > from_now).then_some(held);
        Ok(Some(w))
    })?
    .ok_or_else(|| anyhow::anyhow!("the issuer is gone"))?;
    Ok((view(b, record)?, previous))
}

/// `svcacct issuer rotate`: a new key signs from now on; retired keys stay while live tokens
/// need them — or, with `revoke_previous` (a key leaked), every earlier key goes at once: out
/// of the issuer record, so out of the JWKS gateways verify with, and every token it signed
/// stops verifying (see `drop_unverifiable` for their records).
pub fn rotate(b: &dyn Engine, secret: Option<Secret>, how: &RotateRequest) -> Result<IssuerView> {
    let mut secret = Some(secret);
    let (record, revoked) = atomically(b, |tx| {
        let Some(record) = tx.issuer()? else {
            return Err(UserError::Failure(
                "the store has no issuer yet: it is created by the first `svcacct tokens create`, or by `svcacct issuer init`".into(),
            )
            .into());
        };
        rotate_in(tx, record, secret.take().flatten(), how, Timestamp::now())
    })?;
    let mut view = match view(b, record.clone()) {
        Ok(v) => v,
        // Rotated; how long retired keys are kept is unknown (the warning said why).
        Err(_) => view_of(&record, &[], Timestamp::now()),
    };
    view.revoked_tokens = revoked;
    Ok(view)
}

/// What [`rotate_if_due`] did.
#[derive(Debug)]
pub enum AutoRotation {
    /// A new key is published, and signs from its `signs_from`.
    Rotated(IssuerView),
    /// No issuer yet, a next key already pending, or the signing key has not signed for the
    /// period yet.
    NotDue,
    /// An HS256 issuer: a new secret has to come from the operator (`svcacct issuer rotate
    /// --secret-file`), so it is never rotated automatically.
    Hmac,
}

/// `svcacct serve --issuer-rotation-period`: rotates the issuer (an RS256 one) when its
/// signing key has signed for `period` at `now` (from its `signs_from`, else its creation) and
/// no next key is pending. The new key is published for [`auto_publish_first`] (of the
/// issuer's JWKS cache lifetime) before it signs. Whether it is due is decided again inside the rotation's transaction, so of several
/// servers (or processes) on one store, one rotates and the others find it not due.
pub fn rotate_if_due(
    b: &dyn Engine,
    period: SignedDuration,
    now: Timestamp,
) -> Result<AutoRotation> {
    // A cheap read first: a transaction that writes nothing still takes the store's lock.
    match b.read_issuer().map_err(UserError::from)? {
        Some(r) if r.algorithm != IssuerAlgorithm::RS256 => return Ok(AutoRotation::Hmac),
        Some(r) if due(&r, period, now) => {}
        _ => return Ok(AutoRotation::NotDue),
    }
    rotate_in_tx_if_due(b, period, now)
}

/// [`rotate_if_due`]'s transaction: due or not is decided again on the record as the
/// transaction reads it (another server may have rotated since the first read).
fn rotate_in_tx_if_due(
    b: &dyn Engine,
    period: SignedDuration,
    now: Timestamp,
) -> Result<AutoRotation> {
    let rotated = atomically(b, |tx| match tx.issuer()? {
        Some(r) if r.algorithm == IssuerAlgorithm::RS256 && due(&r, period, now) => {
            let first = auto_publish_first(r.jwks_cache_lifetime(now), period);
            let how = RotateRequest {
                revoke_previous: false,
                publish_first_seconds: Some(seconds_up(first)),
            };
            Ok(Some(rotate_in(tx, r, None, &how, now)?.0))
        }
        _ => Ok(None),
    })?;
    Ok(match rotated {
        None => AutoRotation::NotDue,
        Some(record) => AutoRotation::Rotated(match view(b, record.clone()) {
            Ok(v) => v,
            Err(_) => view_of(&record, &[], now),
        }),
    })
}

/// Whether `record` is due for an automatic rotation at `now`: no key is waiting to sign, and
/// the signing key has signed for `period`.
fn due(record: &IssuerRecord, period: SignedDuration, now: Timestamp) -> bool {
    if record.keys.iter().any(|k| k.phase(now) == KeyPhase::Next) {
        return false;
    }
    record.active(now).is_none_or(|k| {
        let since = k.signs_from.unwrap_or(k.created);
        since.checked_add(period).is_ok_and(|t| t <= now)
    })
}

/// How long an automatic rotation publishes the new key before it signs: the JWKS's cache
/// lifetime `cached` (`IssuerRecord::jwks_cache_lifetime`), or half the period when that is
/// shorter (a period under twice the cache lifetime is for trying rotation out: a verifier that
/// keeps the JWKS for its whole `max-age` may then meet a token signed by a key it has not
/// fetched yet).
pub fn auto_publish_first(cached: SignedDuration, period: SignedDuration) -> SignedDuration {
    cached.min(period / 2)
}

/// Whole seconds, rounded up (a cache lifetime is never cut short).
fn seconds_up(d: SignedDuration) -> u64 {
    let s = d.as_secs().unsigned_abs();
    if d.subsec_nanos() > 0 { s + 1 } else { s }
}

/// The shortest `serve --issuer-rotation-period`.
pub const MIN_ROTATION_PERIOD: SignedDuration = SignedDuration::from_secs(2);

/// In transaction `tx`, rotates `record` at `now` as [`rotate`] describes. Returns the record
/// written and the tokens revoked with `how.revoke_previous`. A `WorkError`, so that a store's
/// refusal keeps its `UserError` (and exit code).
fn rotate_in(
    tx: &mut dyn Tx,
    mut record: IssuerRecord,
    secret: Option<Secret>,
    how: &RotateRequest,
    now: Timestamp,
) -> Result<(IssuerRecord, Vec<RevokedToken>), WorkError> {
    let revoke_previous = how.revoke_previous;
    let tokens = tx.all_tokens();
    let first = publish_first(&record, how, now)?;
    if !revoke_previous
        && let Some(next) = record.keys.iter().find(|k| k.phase(now) == KeyPhase::Next)
    {
        return Err(UserError::Failure(format!(
            "issuer key {} is published and signs from {}: rotate again after that (or with \
                 --revoke-previous, for a leaked key)",
            next.kid,
            crate::time::local(next.signs_from.unwrap_or(now))
        ))
        .into());
    }
    let takeover = now.checked_add(first).map_err(|_| {
        UserError::Usage("--publish-first: that is later than any date svcacct can keep".into())
    })?;
    let (mut key, private) = new_key(record.algorithm, secret, now)?;
    if takeover > now {
        key.signs_from = Some(takeover);
    }
    for k in record.keys.iter_mut().filter(|k| k.retired.is_none()) {
        k.retired = Some(takeover);
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
    let record = write(
        tx,
        IssuerWrite {
            record: without(record, &removed),
            new_keys: vec![(key.kid, private)],
            removed,
        },
    )?;
    // In the same transaction, so that no record of a token that can never verify again
    // outlives a crash.
    let revoked = match revoke_previous {
        true => drop_unverifiable(tx, &record)?,
        false => vec![],
    };
    Ok((record, revoked))
}

/// How long a rotation publishes the new key before it signs: what `how` asks, else the
/// JWKS's cache lifetime for an RS256 issuer (its max-age, `IssuerRecord::jwks_cache_lifetime`),
/// so that every verifier that caches the JWKS has fetched the new key before it meets a token
/// signed with it. Nothing for an HMAC issuer (nothing is published) or a leaked key
/// (`revoke_previous`: the old keys go now).
fn publish_first(
    record: &IssuerRecord,
    how: &RotateRequest,
    now: Timestamp,
) -> Result<SignedDuration> {
    let asked = how.publish_first_seconds;
    let seconds = match (record.algorithm, how.revoke_previous, asked) {
        (_, true, Some(s)) if s > 0 => {
            return Err(UserError::Usage(
                "--revoke-previous removes the earlier keys at once, so the new key signs at once: \
                 it cannot be published first (leave out --publish-first)"
                    .into(),
            )
            .into());
        }
        (IssuerAlgorithm::HS256, _, Some(s)) if s > 0 => {
            return Err(UserError::Usage(
                "an HS256 issuer publishes no keys: --publish-first is for RS256 issuers".into(),
            )
            .into());
        }
        (_, _, Some(s)) => s,
        (IssuerAlgorithm::RS256, false, None) => seconds_up(record.jwks_cache_lifetime(now)),
        _ => 0,
    };
    Ok(SignedDuration::from_secs(
        i64::try_from(seconds).unwrap_or(i64::MAX),
    ))
}

/// Drops the records of issued tokens whose key `issuer` no longer has (`rotate` with
/// `revoke_previous` removed it: they can never verify again), so that `tokens list` does not
/// show them as live. Returns them.
fn drop_unverifiable(
    tx: &mut dyn Tx,
    issuer: &IssuerRecord,
) -> Result<Vec<RevokedToken>, StoreError> {
    let keeps = |t: &TokenRecord| issuer.keys.iter().any(|k| k.kid == t.kid);
    let mut revoked = vec![];
    for account in tx.accounts(&Scope::All, &Page::ALL)?.items {
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
        let (kept, dead): (Vec<TokenRecord>, Vec<TokenRecord>) =
            current_tokens(file, &account).into_iter().partition(keeps);
        if dead.is_empty() {
            continue;
        }
        // The file is the account's (its uid): what is left of it is stored, or it goes.
        if kept.is_empty() {
            tx.delete_tokens(&r)?;
        } else {
            let file = TokenFile {
                account_uid: account.uid.clone(),
                tokens: kept,
            };
            tx.put_tokens(&r, &file)?;
        }
        let dead: Vec<Name> = dead.into_iter().map(|t| t.name).collect();
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
pub(crate) fn prune_in(tx: &mut dyn Tx) -> Result<(), StoreError> {
    let record = match tx.issuer()? {
        Some(r) if r.keys.iter().any(|k| k.retired.is_some()) => r,
        _ => return Ok(()),
    };
    let removed = prunable(&record, &tx.all_tokens()?, Timestamp::now());
    if removed.is_empty() {
        return Ok(());
    }
    tx.put_issuer(&without(record, &removed))?;
    for kid in &removed {
        tx.delete_issuer_key(kid)?;
    }
    Ok(())
}

/// [`prune_in`] with a change of token records (also deleting or renaming an account, which
/// takes its records): a failure (say, another account's unreadable token file) is only
/// reported, since failing would undo the change, and for `tokens create` lose a token.
/// Nothing of the prune is written then: it fails before it writes.
pub(crate) fn prune_with_change(tx: &mut dyn Tx) {
    if let Err(e) = prune_in(tx) {
        // A corrupt record's own text says "nothing else was changed": here the change was made.
        match e {
            StoreError::Corrupt { location, why } => crate::errln!(
                "svcacct: warning: retired issuer keys were not pruned: store record {location} \
                 is unreadable: {why} (fix or remove the {}; the change itself was made)",
                location.kind()
            ),
            e => crate::errln!("svcacct: warning: retired issuer keys were not pruned: {e}"),
        }
    }
}

/// The public view of the issuer, with how long each retired key is kept.
pub fn view(b: &dyn Engine, record: IssuerRecord) -> Result<IssuerView> {
    let tokens = b.read_all_tokens().map_err(UserError::from)?;
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
                phase: k.phase(now),
                signs_from: k.signs_from,
                retired: k.retired,
                // As `prunable` decides: the last expiry, plus the minute a token is accepted
                // past it (`LEEWAY`), plus the time a verifier may cache the JWKS.
                kept_until: if retired && live.iter().all(|t| t.expires.is_some()) {
                    live.iter()
                        .filter_map(|t| t.expires)
                        .chain(k.requested_until.filter(|u| *u >= now - LEEWAY))
                        .max()
                        .map(|t| {
                            let kept = LEEWAY + record.jwks_cache_lifetime(now);
                            t.checked_add(kept).unwrap_or(t)
                        })
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
        url: record.url.clone(),
        algorithm: record.algorithm,
        created: record.created,
        jwks_max_age_seconds: record.jwks_max_age_seconds,
        keys,
        revoked_tokens: vec![],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::memory::MemoryStore;

    const HOUR: SignedDuration = SignedDuration::from_hours(1);
    const MIN: SignedDuration = SignedDuration::from_mins(1);

    fn rotated(a: AutoRotation) -> IssuerView {
        match a {
            AutoRotation::Rotated(v) => v,
            other => panic!("expected a rotation, got {other:?}"),
        }
    }

    fn kids(b: &dyn Engine) -> Vec<String> {
        let r = b.read_issuer().unwrap().unwrap();
        r.keys.into_iter().map(|k| k.kid).collect()
    }

    /// Due once the signing key has signed for the period, from its creation and then from
    /// its `signs_from`; never while a next key is pending.
    #[test]
    fn rotate_if_due_rotates_only_a_key_that_signed_for_the_period() {
        let store = MemoryStore::new();
        let b: &dyn Engine = &store;
        assert!(matches!(
            rotate_if_due(b, HOUR, Timestamp::now()).unwrap(),
            AutoRotation::NotDue
        ));
        assert!(b.read_issuer().unwrap().is_none(), "no issuer is created");
        let first = ensure(b).unwrap();
        let created = first.keys[0].created;
        let before = kids(b);
        let early = rotate_if_due(b, HOUR, created + HOUR - SignedDuration::from_secs(1));
        assert!(matches!(early.unwrap(), AutoRotation::NotDue));
        assert_eq!(kids(b), before, "nothing written");

        let at = created + HOUR;
        let v = rotated(rotate_if_due(b, HOUR, at).unwrap());
        let takeover = at + 5 * MIN;
        assert_eq!(v.keys.len(), 2);
        assert_eq!(v.keys[0].kid, before[0]);
        assert_eq!(v.keys[0].retired, Some(takeover));
        assert_eq!(v.keys[1].signs_from, Some(takeover));
        assert_eq!(v.keys[1].created, at);

        // A next key is pending: whatever the period, nothing more.
        let pending = rotate_if_due(b, SignedDuration::from_secs(2), at + MIN).unwrap();
        assert!(matches!(pending, AutoRotation::NotDue));
        // The new key's period runs from when it signs, not from when it was made.
        let soon = rotate_if_due(b, HOUR, takeover + HOUR - SignedDuration::from_secs(1));
        assert!(matches!(soon.unwrap(), AutoRotation::NotDue));
        assert_eq!(b.read_issuer().unwrap().unwrap().keys.len(), 2);
        let v = rotated(rotate_if_due(b, HOUR, takeover + HOUR).unwrap());
        assert_eq!(
            v.keys.last().unwrap().signs_from,
            Some(takeover + HOUR + 5 * MIN)
        );
    }

    /// A short period publishes the new key for half of it.
    #[test]
    fn a_short_period_publishes_first_for_half_of_it() {
        let month = SignedDuration::from_hours(30 * 24);
        assert_eq!(auto_publish_first(5 * MIN, month), 5 * MIN);
        assert_eq!(auto_publish_first(5 * MIN, 10 * MIN), 5 * MIN);
        let four = SignedDuration::from_secs(4);
        assert_eq!(
            auto_publish_first(5 * MIN, four),
            SignedDuration::from_secs(2)
        );
        assert_eq!(auto_publish_first(MIN, month), MIN);
        let store = MemoryStore::new();
        let b: &dyn Engine = &store;
        let created = ensure(b).unwrap().keys[0].created;
        let v = rotated(rotate_if_due(b, four, created + four).unwrap());
        assert_eq!(
            v.keys[1].signs_from,
            Some(created + four + SignedDuration::from_secs(2))
        );
    }

    /// An HS256 issuer needs a secret from the operator: never rotated automatically.
    #[test]
    fn rotate_if_due_leaves_an_hmac_issuer_alone() {
        let store = MemoryStore::new();
        let b: &dyn Engine = &store;
        let secret = Secret::new(Zeroizing::new(vec![7u8; 48]), "test").unwrap();
        let v = init(b, IssuerAlgorithm::HS256, Some(secret), None, None).unwrap();
        let later = v.created + SignedDuration::from_hours(400 * 24);
        assert!(matches!(
            rotate_if_due(b, HOUR, later).unwrap(),
            AutoRotation::Hmac
        ));
        assert_eq!(b.read_issuer().unwrap().unwrap().keys.len(), 1);
    }

    /// Two servers on one store both read the issuer as due; the one whose transaction comes
    /// second finds the other's rotation in it, and does nothing.
    #[test]
    fn the_transaction_decides_again_whether_a_rotation_is_due() {
        let store = MemoryStore::new();
        let b: &dyn Engine = &store;
        let at = ensure(b).unwrap().keys[0].created + HOUR;
        let first = rotated(rotate_in_tx_if_due(b, HOUR, at).unwrap());
        let second = rotate_in_tx_if_due(b, HOUR, at).unwrap();
        assert!(matches!(second, AutoRotation::NotDue), "{second:?}");
        assert_eq!(
            kids(b),
            first.keys.iter().map(|k| k.kid.clone()).collect::<Vec<_>>()
        );
    }

    /// The issuer's JWKS max-age decides how long a rotation publishes first (by hand and
    /// automatically) and how long a retired key stays after its last token; lowered, the old
    /// one holds until a JWKS served under it has expired everywhere.
    #[test]
    fn the_jwks_max_age_of_the_record_drives_rotation_and_retention() {
        let store = MemoryStore::new();
        let b: &dyn Engine = &store;
        let v = init(b, IssuerAlgorithm::RS256, None, None, Some(2)).unwrap();
        assert_eq!(v.jwks_max_age_seconds, 2);
        let record = b.read_issuer().unwrap().unwrap();
        let now = Timestamp::now();
        assert_eq!(
            record.jwks_cache_lifetime(now),
            SignedDuration::from_secs(2)
        );
        let v = rotate(b, None, &RotateRequest::default()).unwrap();
        let (old, new) = (&v.keys[0], &v.keys[1]);
        let first = new.signs_from.unwrap().duration_since(new.created);
        assert_eq!(first, SignedDuration::from_secs(2));
        assert_eq!(old.retired, new.signs_from);

        // Retention: a token of the old key expiring at `exp` keeps it until exp + leeway + 2s.
        let mut record = b.read_issuer().unwrap().unwrap();
        let exp = new.signs_from.unwrap() + SignedDuration::from_secs(3);
        record.keys[0].requested_until = Some(exp);
        let gone = exp + LEEWAY + SignedDuration::from_secs(2);
        let second = SignedDuration::from_secs(1);
        assert!(prunable(&record, &[], gone).is_empty());
        assert_eq!(prunable(&record, &[], gone + second), vec![old.kid.clone()]);

        // Automatic rotation: the record's max-age, not a constant.
        let at = new.signs_from.unwrap() + HOUR;
        let v = rotated(rotate_if_due(b, HOUR, at).unwrap());
        let last = v.keys.last().unwrap();
        assert_eq!(last.signs_from, Some(at + SignedDuration::from_secs(2)));

        // Lowered from 5m: for the 5 minutes a JWKS served before may be kept, rotations still
        // publish first for what is left of them; raised, at once.
        let store = MemoryStore::new();
        let b: &dyn Engine = &store;
        let (v, was) = set_jwks_max_age(b, 10).unwrap();
        assert_eq!((was, v.jwks_max_age_seconds, v.keys.len()), (300, 10, 1));
        let record = b.read_issuer().unwrap().unwrap();
        let until = record.jwks_cached_until.expect("kept until");
        let now = Timestamp::now();
        assert!(until > now + 4 * MIN && until <= now + 5 * MIN, "{until}");
        assert!(record.jwks_cache_lifetime(now) > 4 * MIN);
        assert_eq!(
            record.jwks_cache_lifetime(until),
            SignedDuration::from_secs(10)
        );
        let v = rotate(b, None, &RotateRequest::default()).unwrap();
        let first = v.keys[1]
            .signs_from
            .unwrap()
            .duration_since(v.keys[1].created);
        assert!(first > 4 * MIN, "{first:#}");
        let (_, was) = set_jwks_max_age(b, 600).unwrap();
        assert_eq!(was, 10);
        let record = b.read_issuer().unwrap().unwrap();
        assert_eq!(record.jwks_cached_until, None);
        assert_eq!(record.jwks_cache_lifetime(now), 10 * MIN);
        let (_, was) = set_jwks_max_age(b, 600).unwrap();
        assert_eq!(was, 600, "unchanged");

        // Out of range, or for an HS256 issuer: refused, nothing written.
        for bad in [0, 86_401] {
            let e = set_jwks_max_age(b, bad).unwrap_err().to_string();
            assert!(
                e.contains("is out of range: it is at least 1s and at most"),
                "{e}"
            );
        }
        let store = MemoryStore::new();
        let b: &dyn Engine = &store;
        let secret = Secret::new(Zeroizing::new(vec![7u8; 48]), "test").unwrap();
        let e = init(b, IssuerAlgorithm::HS256, Some(secret), None, Some(5)).unwrap_err();
        assert!(
            e.to_string().contains("an HS256 issuer publishes no keys"),
            "{e}"
        );
        assert!(b.read_issuer().unwrap().is_none());
    }

    /// Records written before the max-age existed read as 300 s, in the file store's TOML and
    /// in the JSON a PostgreSQL row holds; the default is left out when written, so such
    /// records stay byte for byte.
    #[test]
    fn a_record_without_a_max_age_reads_as_five_minutes() {
        let toml_text = "id = \"urn:svcacct:issuer:0123abcd\"\nalgorithm = \"RS256\"\n\
                         created = \"2026-01-01T00:00:00Z\"\nkeys = []\n";
        let r: IssuerRecord = toml::from_str(toml_text).unwrap();
        assert_eq!(r.jwks_max_age_seconds, 300);
        assert_eq!(r.jwks_cached_until, None);
        assert_eq!(toml::to_string(&r).unwrap(), toml_text);
        let json = serde_json::json!({
            "id": "urn:svcacct:issuer:0123abcd", "algorithm": "RS256",
            "created": "2026-01-01T00:00:00Z", "keys": []
        });
        let mut r: IssuerRecord = serde_json::from_value(json.clone()).unwrap();
        assert_eq!(r.jwks_max_age(), 5 * MIN);
        assert_eq!(serde_json::to_value(&r).unwrap(), json);
        r.jwks_max_age_seconds = 2;
        let back: IssuerRecord = serde_json::from_value(serde_json::to_value(&r).unwrap()).unwrap();
        assert_eq!(back.jwks_max_age_seconds, 2);
        r.jwks_max_age_seconds = 0;
        assert!(r.check().unwrap_err().contains("out of range"));
    }
}
