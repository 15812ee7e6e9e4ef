//! Issued tokens' workflows: the store's issuer (`super::issuer`) signs tokens for accounts
//! and keeps a record of each (name, id, dates, never the token), so that they can be listed,
//! renamed, regenerated and revoked. Each change is one transaction over any engine. Issued
//! tokens are verified with self-signed ones, in `crate::token::verify`; the records are in
//! `crate::model` (`TokenFile`, `TokenRecord`), the requests and answers in `crate::issued`.

use anyhow::Result;
use jiff::Timestamp;
use jsonwebtoken::{EncodingKey, Header};
use serde::Serialize;

use super::issuer::{ensure, prune_with_change};
use crate::error::UserError;
use crate::identity::{Name, Reference};
use crate::issued::{IssueRequest, IssuedToken, LAST_USED_EVERY};
use crate::keys::{PrivateKey, PublicKey};
use crate::model::{
    Account, IssuerAlgorithm, IssuerKey, IssuerRecord, TokenFile, TokenRecord, current_tokens,
};
use crate::store::engine::{Engine, Tx, WorkError, atomically};
use crate::token::claims::{Actor, Audience, random_id};

/// What `write_tokens` runs in its transaction: the account's token file, the
/// issuer, and the account stored under the reference now (`None`: there is none), as stored.
pub type TokensChange<'a> = dyn FnMut(Option<TokenFile>, Option<&IssuerRecord>, Option<&Account>) -> Result<Option<TokenFile>>
    + 'a;

/// In one transaction of `b`, with the account's token file, the issuer and the account as
/// stored: `change` returns the file to store (`None` removes it). A file is stored only for
/// the account stored under `r` (`crate::store::check_token_owner`).
pub fn write_tokens(b: &dyn Engine, r: &Reference, change: &mut TokensChange<'_>) -> Result<()> {
    atomically(b, |tx| change_tokens(tx, r, change))
}

/// `write_tokens`, inside transaction `tx` (an unchanged file is not written).
pub(crate) fn change_tokens(
    tx: &mut dyn Tx,
    r: &Reference,
    change: &mut TokensChange<'_>,
) -> Result<(), WorkError> {
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
            Ok(tx.put_tokens(r, &f)?)
        }
        None => Ok(tx.delete_tokens(r).map(|_| ())?),
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

/// The issuer's signing key, checked against the public key its record publishes.
pub(super) fn signing_key<'a>(
    b: &dyn Engine,
    issuer: &'a IssuerRecord,
) -> Result<(&'a IssuerKey, EncodingKey)> {
    let key = issuer
        .active(Timestamp::now())
        .ok_or_else(|| anyhow::anyhow!("the issuer has no active key"))?;
    let private = b.read_issuer_key(&key.kid).map_err(UserError::from)?;
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
    Ok((key, encoding))
}

fn sign(
    b: &dyn Engine,
    issuer: &IssuerRecord,
    account: &Account,
    req: &IssueRequest,
    now: Timestamp,
) -> Result<IssuedToken> {
    let (key, encoding) = signing_key(b, issuer)?;
    let mut header = Header::new(key.algorithm.jwt());
    header.kid = Some(key.kid.clone());
    let jti = random_id()?;
    let reference = account.reference().to_string();
    let sub = account.impersonates.as_deref().unwrap_or(&reference);
    let claims = IssuedClaims {
        iss: issuer.iss(),
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
            labels: req.labels.clone(),
        },
    })
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
    crate::labels::check_all(&req.labels)
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
    let account = super::accounts::get(b, r)?;
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
            Err(_) if b.read_issuer().map_err(UserError::from)?.as_ref() != Some(&issuer) => {
                continue;
            }
            Err(e) => return Err(e),
        };
        let mut key_gone = false;
        atomically(b, |tx| {
            change_tokens(tx, r, &mut |file, issuer, stored| {
                if pinned && let Some(e) = crate::store::errors::pinned_refusal(account, stored) {
                    return Err(e.into());
                }
                let signs = |i: &IssuerRecord| {
                    i.active(Timestamp::now())
                        .is_some_and(|k| k.kid == issued.record.kid)
                };
                if !issuer.is_some_and(signs) {
                    key_gone = true; // rotated meanwhile: sign again with the key that signs now
                    return Ok(file);
                }
                let mut tokens = current_tokens(file, account);
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
    let account = super::accounts::get(b, r)?;
    let file = b.read_tokens(r).map_err(UserError::from)?;
    Ok(current_tokens(file, &account))
}

/// Regenerates `name`: a new token (new id) with the old one's audiences and lifetime, which
/// it replaces.
pub fn regenerate(b: &dyn Engine, r: &Reference, name: &Name) -> Result<IssuedToken> {
    let account = super::accounts::get(b, r)?;
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
    let old = current_tokens(b.read_tokens(&r).map_err(UserError::from)?, account)
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
        labels: old.labels,
    })
}

pub fn revoke(b: &dyn Engine, r: &Reference, name: &Name) -> Result<()> {
    let account = super::accounts::get(b, r)?;
    atomically(b, |tx| {
        change_tokens(tx, r, &mut |file, _, _| {
            let mut tokens = current_tokens(file, &account);
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
    let account = super::accounts::get(b, r)?;
    let mut renamed = None;
    write_tokens(b, r, &mut |file, _, _| {
        let mut tokens = current_tokens(file, &account);
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
///
/// The last use is shown (`tokens list`, the API, the console) and nothing decides on it, so
/// noting it leaves the registry's generation as it is (`Tx::unversioned`): otherwise every
/// token in use would empty a server's read caches, and make writes authorized meanwhile
/// decide again (`super::decided`), once a minute. A server's read cache drops the file it
/// wrote (`Engine::forget_tokens`), and shows another process's date within
/// `crate::store::cached::MAX_AGE`; so `record` may be older than the stored one, which is read
/// again first, without the write lock.
pub fn touch(b: &dyn Engine, r: &Reference, record: &TokenRecord, now: Timestamp) {
    let recent = |last: Option<Timestamp>| !last_use_due(last, now);
    if recent(record.last_used) {
        return;
    }
    let due = crate::store::engine::read_atomically(b, |tx| {
        let file = tx.tokens(r)?;
        let stored = file.and_then(|f| f.tokens.into_iter().find(|t| t.id == record.id));
        Ok(stored.is_some_and(|t| !recent(t.last_used)))
    });
    if matches!(due, Ok(false)) {
        // `record` is older than the stored one: a cache that holds it reads it again.
        b.forget_tokens(r);
        return;
    }
    let result = atomically(b, |tx| {
        tx.unversioned();
        change_tokens(tx, r, &mut |file, _, _| {
            let mut file = file;
            // Again under the lock: a burst of requests that read the record before the first
            // of them wrote would otherwise write once each (the file store leaves an
            // unchanged file alone).
            if let Some(f) = file.as_mut()
                && let Some(t) = f.tokens.iter_mut().find(|t| t.id == record.id)
                && !recent(t.last_used)
            {
                t.last_used = Some(now);
            }
            Ok(file)
        })
    });
    b.forget_tokens(r);
    if let Err(e) = result {
        crate::errln!(
            "svcacct: cannot note when token `{}` was last used: {e:#}",
            record.name
        );
    }
}

#[cfg(test)]
mod tests {
    use super::super::issuer::{init, prunable, rotate, view};
    use super::*;
    use crate::issued::Secret;
    use crate::store::Store;
    use crate::store::memory::MemoryStore;
    use crate::store::memory::tests::{Hooked, Read};
    use crate::store::memory::tests::{account, reference};
    use crate::token::VerifyOptions;
    use crate::token::claims::LEEWAY;
    use jiff::SignedDuration;
    use jsonwebtoken::Algorithm;
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, Ordering};
    use zeroize::Zeroizing;

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
            labels: Default::default(),
        }
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
        rotate(b, None, &crate::issued::RotateRequest::at_once()).unwrap();
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

    /// Noting a token's use changes nothing a reader decides on: the generation stays, so a
    /// server's read cache (and what it decided on it) is kept; the date is stored.
    #[test]
    fn a_last_use_is_noted_without_changing_the_generation() {
        let store = crate::store::cached::Cached::new(MemoryStore::new());
        store.create_account(account("ci")).unwrap();
        let r = reference("ci");
        issue(&store, &r, &req("deploy", None), false).unwrap();
        let read = list(&store, &r).unwrap().remove(0);
        let policies = store.policy_snapshot().unwrap();
        let before = store.generation();
        let now = Timestamp::now();
        touch(&store, &r, &read, now);
        assert_eq!(store.generation(), before);
        assert!(Arc::ptr_eq(&policies, &store.cached_policies().unwrap()));
        // The file this server wrote is read again, with the date.
        assert!(store.cached_tokens(&r).is_none());
        let cached = store.read_tokens(&r).unwrap().unwrap().tokens.remove(0);
        assert_eq!(cached.last_used, Some(now));
        // Another process notes a later use, which this server's cached file does not show: a
        // use then finds the stored date recent, writes nothing, and the file is read again.
        let later = now + SignedDuration::from_secs(61);
        touch(store.inner(), &r, &read, later);
        assert!(store.cached_tokens(&r).is_some());
        touch(&store, &r, &cached, later + SignedDuration::from_secs(1));
        assert_eq!(store.generation(), before);
        assert!(store.cached_tokens(&r).is_none());
        let stored = store.read_tokens(&r).unwrap().unwrap();
        assert_eq!(stored.tokens[0].last_used, Some(later));
    }

    #[test]
    fn debug_output_of_a_store_shows_no_issuer_secret() {
        let store = MemoryStore::new();
        let b: &dyn Engine = &store;
        let secret = Secret::new(
            Zeroizing::new(b"s3cr3t-s3cr3t-s3cr3t-s3cr3t-s3cr3t".to_vec()),
            "x",
        );
        init(b, IssuerAlgorithm::HS256, Some(secret.unwrap()), None, None).unwrap();
        let shown = format!("{store:?}");
        assert!(shown.contains("issuer_keys"), "{shown}");
        // Bytes print as numbers: look for the secret's first bytes either way.
        assert!(
            !shown.contains("s3cr3t") && !shown.contains("115, 51, 99"),
            "{shown}"
        );
    }

    #[test]
    fn an_issue_signs_again_when_its_key_was_rotated_out_meanwhile() {
        // Another process rotates the issuer (and prunes the key no token needs) right after
        // `issue` read the issuer, before it reads the signing key.
        let fired = Arc::new(AtomicBool::new(false));
        let fires = fired.clone();
        let store = Hooked {
            inner: MemoryStore::new(),
            meanwhile: Box::new(move |read, inner| {
                if let Read::IssuerKey = read
                    && !fires.swap(true, Ordering::SeqCst)
                {
                    rotate(inner, None, &crate::issued::RotateRequest::at_once()).unwrap();
                }
            }),
        };
        store.create_account(account("ci")).unwrap();
        let r = reference("ci");
        let first = init(&store.inner, IssuerAlgorithm::RS256, None, None, None).unwrap();
        let t = issue(&store, &r, &req("deploy", None), false).unwrap();
        assert!(fired.load(Ordering::SeqCst));
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

    /// A key published first: in the JWKS at once, signing only from its time; until then the
    /// current key signs, and no other rotation starts.
    #[test]
    fn a_key_published_first_signs_only_from_its_time() {
        use crate::issued::RotateRequest;
        use crate::model::KeyPhase;
        let store = MemoryStore::new();
        store.create_account(account("ci")).unwrap();
        let r = reference("ci");
        let b: &dyn Engine = &store;
        let old = issue(&store, &r, &req("old", None), false).unwrap();
        let first = RotateRequest {
            revoke_previous: false,
            publish_first_seconds: Some(60),
        };
        let v = rotate(b, None, &first).unwrap();
        let phases: Vec<KeyPhase> = v.keys.iter().map(|k| k.phase).collect();
        assert_eq!(phases, [KeyPhase::Signing, KeyPhase::Next]);
        assert_eq!(
            crate::token::issuer_jwks(&v).keys.len(),
            2,
            "published at once"
        );
        let takeover = v.keys[1].signs_from.unwrap();
        assert_eq!(v.keys[0].retired, Some(takeover));
        let during = issue(&store, &r, &req("during", None), false).unwrap();
        assert_eq!(
            during.record.kid, old.record.kid,
            "the current key signs until then"
        );
        let record = b.read_issuer().unwrap().unwrap();
        let after = takeover + SignedDuration::from_secs(1);
        assert_eq!(record.active(after).unwrap().kid, v.keys[1].kid);
        assert_eq!(record.keys[0].phase(after), KeyPhase::Retired);
        assert_eq!(
            record.keys[1].phase(takeover - SignedDuration::from_secs(1)),
            KeyPhase::Next
        );
        let e = rotate(b, None, &first).unwrap_err();
        assert!(
            e.to_string().starts_with(&format!(
                "issuer key {} is published and signs from ",
                v.keys[1].kid
            )),
            "{e}"
        );
        let both = RotateRequest {
            revoke_previous: true,
            publish_first_seconds: Some(60),
        };
        let e = rotate(b, None, &both).unwrap_err();
        assert!(e.to_string().contains("cannot be published first"), "{e}");
        // A leaked key: the new one signs at once, whatever was pending.
        let leaked = RotateRequest {
            revoke_previous: true,
            publish_first_seconds: None,
        };
        let v = rotate(b, None, &leaked).unwrap();
        assert_eq!(v.keys.len(), 1);
        assert_eq!(v.keys[0].phase, KeyPhase::Signing);
    }

    #[test]
    fn rotation_keeps_needed_keys_only() {
        let store = MemoryStore::new();
        store.create_account(account("ci")).unwrap();
        let r = reference("ci");
        let b: &dyn Engine = &store;
        let old = issue(&store, &r, &req("old", None), false).unwrap();
        let v = rotate(b, None, &crate::issued::RotateRequest::at_once()).unwrap();
        assert_eq!(v.keys.len(), 2);
        assert!(v.keys[0].kept_indefinitely);
        assert_eq!(crate::token::issuer_jwks(&v).keys.len(), 2);
        let now = Timestamp::now();
        crate::token::verify(&old.token, &store, &opts(now)).unwrap();
        let new = issue(&store, &r, &req("new", None), false).unwrap();
        assert_ne!(new.record.kid, old.record.kid);
        revoke(&store, &r, &name("old")).unwrap();
        let v = view(b, b.read_issuer().unwrap().unwrap()).unwrap();
        assert_eq!(v.keys.len(), 1);
        assert_eq!(v.keys[0].kid, new.record.kid);
        // A retired key whose tokens expire is kept until the last expiry (and the leeway).
        let exp = now + SignedDuration::from_mins(5);
        let short = issue(&store, &r, &req("short", Some(exp)), false).unwrap();
        revoke(&store, &r, &name("new")).unwrap();
        let v = rotate(b, None, &crate::issued::RotateRequest::at_once()).unwrap();
        let kept = v.keys.iter().find(|k| k.kid == short.record.kid).unwrap();
        // …plus the time a verifier may cache the JWKS.
        let cached = SignedDuration::from_secs(crate::model::DEFAULT_JWKS_MAX_AGE_SECS as i64);
        assert_eq!(
            kept.kept_until.map(|t| t.as_second()),
            Some((exp + LEEWAY + cached).as_second())
        );
        assert!(!kept.kept_indefinitely);
        let record = b.read_issuer().unwrap().unwrap();
        let tokens = b.read_all_tokens().unwrap();
        assert!(prunable(&record, &tokens, now).is_empty());
        let expired = exp + LEEWAY + SignedDuration::from_secs(1);
        assert!(prunable(&record, &tokens, expired).is_empty(), "cached");
        let later = expired + cached;
        assert_eq!(prunable(&record, &tokens, later), vec![short.record.kid]);
    }

    #[test]
    fn hmac_issuer_and_algorithm_confusion() {
        let store = MemoryStore::new();
        store.create_account(account("ci")).unwrap();
        let r = reference("ci");
        let b: &dyn Engine = &store;
        let e = init(b, IssuerAlgorithm::HS256, None, None, None).unwrap_err();
        assert!(e.to_string().contains("needs its secret"));
        let secret = Secret::new(Zeroizing::new(vec![7u8; 40]), "x").unwrap();
        init(b, IssuerAlgorithm::HS256, Some(secret), None, None).unwrap();
        let t = issue(&store, &r, &req("h", None), false).unwrap();
        let now = Timestamp::now();
        let v = crate::token::verify(&t.token, &store, &opts(now)).unwrap();
        assert_eq!(v.alg, "HS256");
        assert!(
            crate::token::issuer_jwks(&view(b, b.read_issuer().unwrap().unwrap()).unwrap())
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
        assert!(init(b, IssuerAlgorithm::RS256, None, None, None).is_err());
    }
}
