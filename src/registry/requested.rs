//! Requested tokens (`svcacct tokens request`, `POST .../serviceaccounts/{name}/token`), as
//! Kubernetes' TokenRequest makes them: short-lived, for the audiences asked for, signed by
//! the store's issuer (created on first use) and never stored. Their claims: `iss` (the issuer
//! URL, or its id), `sub` = `system:serviceaccount:NS:NAME` (for an account that impersonates
//! a user: that user, with `act` = `{"sub": "system:serviceaccount:NS:NAME"}`, RFC 8693),
//! `aud`, `iat` = `nbf` = now, `exp`, a random `jti`, and `svcacct` = the account's namespace,
//! name and uid (`crate::issued::AccountClaim`). They are verified in
//! `crate::token::verify` (`verify_requested`).

use anyhow::Result;
use jiff::{SignedDuration, Timestamp};
use jsonwebtoken::Header;
use serde::Serialize;

use super::issuer::{IssuerWrite, ensure, update};
use super::tokens::signing_key;
use crate::error::UserError;
use crate::issued::{
    ACCOUNT_CLAIM, AccountClaim, DEFAULT_REQUEST_SECONDS, RequestedToken, TokenRequest,
};
use crate::model::{Account, IssuerRecord};
use crate::store::engine::Engine;
use crate::token::claims::{Actor, Audience, random_id};

#[derive(Serialize)]
struct RequestedClaims<'a> {
    iss: &'a str,
    sub: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    act: Option<Actor<'a>>,
    aud: Audience<'a>,
    iat: i64,
    nbf: i64,
    exp: i64,
    jti: &'a str,
    #[serde(rename = "svcacct")]
    account: AccountClaim,
}

/// The lifetime `req` asks for, checked (audiences too) before anything is signed: at least
/// `min` (`crate::issued::MIN_REQUESTED`, 10 minutes, as Kubernetes' TokenRequest, unless a
/// server's `--token-request-min-duration` says otherwise), and cut to `max` as Kubernetes cuts
/// it to its `--service-account-max-token-expiration` (the answer's `expirationTimestamp` says).
pub fn lifetime(
    req: &TokenRequest,
    min: SignedDuration,
    max: SignedDuration,
) -> Result<SignedDuration, UserError> {
    if req.audiences.is_empty() {
        return Err(UserError::Usage(
            "a token request names at least one audience (`--audience A`, `audiences`): the \
             token is only for the services it names"
                .into(),
        ));
    }
    if req.audiences.iter().any(|a| a.trim().is_empty()) {
        return Err(UserError::Usage("an audience must not be empty".into()));
    }
    for a in &req.audiences {
        crate::identity::check_visible("audience", a)?;
    }
    let seconds = req.expiration_seconds.unwrap_or(DEFAULT_REQUEST_SECONDS);
    if seconds < min.as_secs() {
        return Err(UserError::Usage(format!(
            "a requested token lives at least {} seconds ({min:#}); {seconds} was asked for",
            min.as_secs()
        )));
    }
    Ok(SignedDuration::from_secs(seconds).min(max))
}

/// Notes on issuer key `kid` that a token it signed lives until `exp`, so that the key, once
/// retired, stays (in the JWKS too) until then: before the token is shown. Rounded up to the
/// hour, so that the issuer record is written about once an hour, not once per request.
fn keep_key_until(b: &dyn Engine, kid: &str, exp: Timestamp) -> Result<()> {
    let hour = 3600;
    let until = Timestamp::from_second((exp.as_second() + hour - 1) / hour * hour)?;
    let covered = |r: &IssuerRecord| {
        r.keys
            .iter()
            .find(|k| k.kid == kid)
            .is_some_and(|k| k.requested_until.is_some_and(|u| u >= exp))
    };
    if b.read_issuer()?.as_ref().is_some_and(covered) {
        return Ok(());
    }
    update(b, |current| {
        let Some(mut record) = current else {
            return Err(anyhow::anyhow!("the issuer is gone; nothing was signed"));
        };
        if covered(&record) {
            return Ok(None);
        }
        let Some(key) = record.keys.iter_mut().find(|k| k.kid == kid) else {
            return Err(UserError::Failure(
                "the issuer's key was revoked while the token was signed; request it again".into(),
            )
            .into());
        };
        key.requested_until = Some(until);
        Ok(Some(IssuerWrite {
            record,
            new_keys: vec![],
            removed: vec![],
        }))
    })?;
    Ok(())
}

/// Nothing is stored for a requested token, so no write pins `read` (the record a server
/// authorized it on): a read-only transaction (`Engine::read_atomically`, which takes no write
/// lock: requested tokens are not serialized with the writes) checks that it is still the
/// stored one, and on a `crate::registry::decided::Decided` engine that the decision still
/// holds at the generation it reads with it.
fn still_the_record(b: &dyn Engine, read: &Account) -> Result<()> {
    crate::store::engine::read_atomically(b, |tx| {
        match crate::store::errors::pinned_refusal(read, tx.account(&read.reference())?.as_ref()) {
            Some(e) => Err(e.into()),
            None => Ok(()),
        }
    })
}

/// Signs a token for `account` as `req` asks (see the module documentation), for a lifetime
/// within `(min, max)` ([`lifetime`]).
pub fn request(
    b: &dyn Engine,
    account: &Account,
    req: &TokenRequest,
    (min, max): (SignedDuration, SignedDuration),
    now: Timestamp,
) -> Result<RequestedToken> {
    let ttl = lifetime(req, min, max)?;
    if let Some(why) = account.refusal(now) {
        return Err(UserError::Failure(format!("no token was made: {why}")).into());
    }
    let issuer = ensure(b)?;
    still_the_record(b, account)?;
    let (key, encoding) = signing_key(b, &issuer)?;
    let mut header = Header::new(key.algorithm.jwt());
    header.kid = Some(key.kid.clone());
    let username = account.reference().username();
    let exp = Timestamp::from_second((now + ttl).as_second())?;
    let jti = random_id()?;
    let claims = RequestedClaims {
        iss: issuer.iss(),
        sub: account.impersonates.as_deref().unwrap_or(&username),
        act: account
            .impersonates
            .as_ref()
            .map(|_| Actor { sub: &username }),
        aud: Audience::of(&req.audiences).expect("at least one audience"),
        iat: now.as_second(),
        nbf: now.as_second(),
        exp: exp.as_second(),
        jti: &jti,
        account: AccountClaim {
            namespace: account.namespace.to_string(),
            name: account.name.to_string(),
            uid: account.uid.clone(),
        },
    };
    debug_assert_eq!(ACCOUNT_CLAIM, "svcacct");
    let token = jsonwebtoken::encode(&header, &claims, &encoding)
        .map_err(|e| anyhow::anyhow!("cannot sign the token: {e}"))?;
    keep_key_until(b, &key.kid, exp)?;
    Ok(RequestedToken {
        token,
        expiration_timestamp: exp,
        audiences: req.audiences.clone(),
    })
}
