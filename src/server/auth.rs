//! Who is asking, and may they: bearer JWTs verified with `token::verify` (and a cache of
//! verified tokens), then the route's [`Guard`] from [`crate::api::ROUTES`] asked of the policy
//! engine.

use std::sync::{Arc, RwLock};

use axum::extract::{FromRequestParts, MatchedPath, Request, State};
use axum::http::{Method, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use jiff::{SignedDuration, Timestamp};

use super::AppState;
use super::extract::Params;
use super::metrics::{Metrics, kind, result, via};
use super::problem::ApiError;
use super::request::Notes;
use crate::api::{Guard, Identity, Problem, ROUTES};
use crate::error::{Rejected, UserError};
use crate::identity::{Namespace, Reference};
use crate::model::{Account, Policy, Status};
use crate::store::Store;
use crate::token::{self, VerifyOptions};

/// Most tokens the cache holds: room for 62,500 live tokens (the cache is split into shards,
/// one per 1/8 of the capacity on two CPUs, each with its share, so it is not filled evenly:
/// 8,192 per shard against 7,812 on average), at ~500 bytes each, ~32 MiB when full
/// (`cargo bench --bench tokencache` counts them), so that a server stays under 64 MiB
/// (bench/serve; 100,000 took it to 78 MiB). A token that no longer fits costs a signature
/// verification when it comes back.
pub const CACHE_CAPACITY: usize = 65_536;

/// The 401 reason for an unknown issuer, an unknown kid and a signature that does not verify:
/// alike, so that a 401 never tells whether some account exists.
pub const NO_KEY_VERIFIES: &str = "no registered key of the token's issuer verifies its signature \
     (unknown service account or kid, wrong key or algorithm, or tampered token)";

/// The route's guard, looked up in [`ROUTES`] by method and axum path template. `HEAD` is
/// answered as `GET`.
pub fn guard_for(method: &Method, path: &str) -> Option<Guard> {
    route_for(method, path).map(|r| r.guard)
}

/// The route of [`ROUTES`] with this method and axum path template (`HEAD`: `GET`'s).
pub fn route_for(method: &Method, path: &str) -> Option<&'static crate::api::Route> {
    let method = if method == Method::HEAD {
        "GET"
    } else {
        method.as_str()
    };
    ROUTES.iter().find(|r| r.method == method && r.path == path)
}

/// A verified token, remembered until its `exp`. Holds no token, only facts about it.
#[derive(Clone, Debug)]
struct Entry {
    signer: Arc<Signer>,
    alg: &'static str,
    iat: Timestamp,
    /// When the entry is dropped: the token's `exp`, or an hour for a token without one.
    exp: Timestamp,
    token_exp: Option<Timestamp>,
    /// For an issued token: its record is read again on every hit (revoked at once).
    issued: Option<crate::token::IssuedBy>,
    /// For a requested token (never cached): the issuer's `iss` it carries.
    requested_from: Option<String>,
}

/// Who a cached token speaks for, and which of its keys signed it: the same for every token
/// an account signs with one key, so their entries share one ([`TokenCache::signer`]). Its
/// four strings were ~330 of the ~680 bytes an entry took, and bench/serve's server, whose
/// cache fills with 65,536 tokens of one account, went over its 64 MiB.
#[derive(Debug, PartialEq, Eq)]
struct Signer {
    reference: Reference,
    uid: String,
    kid: String,
    fingerprint: String,
}

/// How many signers [`TokenCache`] remembers for sharing (a signer not remembered is only
/// not shared).
const SIGNERS: usize = 4_096;

/// How long a token without `exp` stays in the cache.
const CACHE_UNEXPIRING: SignedDuration = SignedDuration::from_hours(1);

/// Verified tokens keyed by the SHA-256 of the token (the cache holds no token), each
/// forgotten at its `exp` (checked on read); bounded, the least used dropped first.
pub struct TokenCache {
    entries: quick_cache::sync::Cache<Key, Arc<Entry>>,
    /// The entries' signers, by account uid and kid.
    signers: quick_cache::sync::Cache<(String, String), Arc<Signer>>,
}

/// A token's key in the cache: its SHA-256 (the cache holds no token).
type Key = [u8; 32];

fn cache_key(token: &str) -> Key {
    let d = aws_lc_rs::digest::digest(&aws_lc_rs::digest::SHA256, token.as_bytes());
    let mut k = [0u8; 32];
    k.copy_from_slice(d.as_ref());
    k
}

impl TokenCache {
    pub fn new(capacity: usize) -> TokenCache {
        TokenCache {
            entries: quick_cache::sync::Cache::new(capacity.max(1)),
            signers: quick_cache::sync::Cache::new(SIGNERS),
        }
    }

    /// `signer`, or the equal one an entry already holds.
    fn signer(&self, signer: Signer) -> Arc<Signer> {
        let key = (signer.uid.clone(), signer.kid.clone());
        if let Some(known) = self.signers.get(&key)
            && *known == signer
        {
            return known;
        }
        let signer = Arc::new(signer);
        self.signers.insert(key, signer.clone());
        signer
    }

    fn get(&self, key: &Key, now: Timestamp) -> Option<Arc<Entry>> {
        let found = self.entries.get(key)?;
        if found.exp > now {
            return Some(found);
        }
        self.entries.remove_if(key, |e| e.exp <= now);
        None
    }

    fn insert(&self, key: Key, entry: Arc<Entry>, now: Timestamp) {
        if entry.exp > now {
            self.entries.insert(key, entry);
        }
    }

    fn remove(&self, key: &Key) {
        self.entries.remove(key);
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// The authenticated caller of a request.
#[derive(Clone, Debug)]
pub struct Caller {
    pub account: Arc<Account>,
    /// What verification found about the token (as the cache keeps it).
    token: Arc<Entry>,
}

impl Caller {
    /// Who the token speaks for (`GET /v1/whoami`); built when asked, not on every request.
    pub fn identity(&self) -> Identity {
        let e = &self.token;
        let mut identity = token::identity_of(
            &self.account,
            &e.signer.kid,
            &e.signer.fingerprint,
            e.alg,
            e.iat,
            e.token_exp,
            e.issued.as_ref(),
        );
        if identity.issuer.is_none() {
            identity.issuer = e.requested_from.clone();
        }
        identity
    }
}

/// Why a token was not accepted.
#[derive(Debug)]
pub enum AuthError {
    /// 401, with the reason.
    Rejected(String),
    /// The store failed: 500.
    Internal(anyhow::Error),
}

impl From<AuthError> for ApiError {
    fn from(e: AuthError) -> Self {
        match e {
            AuthError::Rejected(why) => ApiError::unauthorized(format!("token rejected: {why}")),
            AuthError::Internal(e) => ApiError::from(e),
        }
    }
}

/// Verifies bearer tokens against the store, remembering the verified ones.
pub struct Authenticator {
    pub cache: TokenCache,
    /// The guard's remembered policy answers.
    pub decisions: Decisions,
    pub max_lifetime: SignedDuration,
    pub max_lifetime_source: String,
    /// Counts verifications and token cache lookups (`GET /metrics`).
    pub metrics: Arc<Metrics>,
}

/// How a cached issued token's record is checked on a hit.
enum IssuedCheck {
    /// Read it (and note its use): the blocking path.
    Read,
    /// As found in the read cache, by a request whose use need not be noted (it was, less
    /// than a minute ago).
    Found(crate::issued::TokenRecord),
}

/// An issued token on a cache hit: its record must still be there, for the current account
/// (revoked or deleted: refused at once); its last use is noted as verification does.
fn still_issued(
    store: &dyn Store,
    account: &Account,
    jti: &str,
    check: IssuedCheck,
    now: Timestamp,
) -> Result<(), AuthError> {
    let r = account.reference();
    let record = match check {
        IssuedCheck::Found(record) => record,
        IssuedCheck::Read => {
            let Some(b) = store.engine() else {
                return Err(AuthError::Rejected(NO_KEY_VERIFIES.to_owned()));
            };
            let record =
                crate::token::verify::live_record(b, account, jti).map_err(public_reason)?;
            crate::registry::tokens::touch(b, &r, &record, now);
            record
        }
    };
    crate::token::verify::check_unexpired(&record, &r, now).map_err(public_reason)
}

/// The reason `token::verify` gave, with an unknown issuer, an unknown kid and a bad signature
/// made to read alike.
pub fn public_reason(err: anyhow::Error) -> AuthError {
    match err.downcast::<Rejected>() {
        Ok(Rejected(why)) => {
            let hides_existence = why.starts_with("unknown service account")
                || why.starts_with("unknown kid")
                || why.starts_with("the signature does not verify");
            AuthError::Rejected(if hides_existence {
                NO_KEY_VERIFIES.to_owned()
            } else {
                why
            })
        }
        Err(e) => AuthError::Internal(e),
    }
}

impl Authenticator {
    pub fn new(
        max_lifetime: SignedDuration,
        max_lifetime_source: String,
        metrics: Arc<Metrics>,
    ) -> Authenticator {
        Authenticator {
            cache: TokenCache::new(CACHE_CAPACITY),
            decisions: Decisions::default(),
            max_lifetime,
            max_lifetime_source,
            metrics,
        }
    }

    /// Counts a verification that decided: a cache `hit` or a full one, of a token of `kind`.
    fn counted(
        &self,
        hit: bool,
        kind: &'static str,
        r: Result<Caller, AuthError>,
    ) -> Result<Caller, AuthError> {
        self.metrics.token_cache(hit);
        let outcome = match &r {
            Ok(_) => result::VALID,
            Err(AuthError::Rejected(_)) => result::REJECTED,
            Err(AuthError::Internal(_)) => result::ERROR,
        };
        self.metrics.verified(via::AUTHENTICATION, kind, outcome);
        r
    }

    /// Verifies `token` (synchronous: it reads the store). A cached token skips the signature
    /// check but its account is read again: gone, re-created, disabled, expired or without the
    /// key, it is refused.
    pub fn authenticate(
        &self,
        token: &str,
        store: &dyn Store,
        now: Timestamp,
    ) -> Result<Caller, AuthError> {
        let key = cache_key(token);
        if let Some(e) = self.cache.get(&key, now) {
            let account = store.get_account(&e.signer.reference).map(Arc::new);
            return self.recheck(&key, &e, store, account, IssuedCheck::Read, now);
        }
        let parsed = match token::parse(token) {
            Ok(p) => p,
            Err(e) => return self.counted(false, kind::MALFORMED, Err(public_reason(e))),
        };
        self.verify(key, parsed, store, now)
    }

    /// `authenticate` for the cases that need no file read, so that they run without a
    /// blocking task (handing a request to the blocking pool and back costs more than an
    /// RSA-2048 verification): `None` unless the store's read cache has, as of its current
    /// generation, the account of a cached token (and an issued token's record, whose use
    /// need not be noted), or the account that signed a new self-signed token (see
    /// `Engine::cached_account`).
    pub fn authenticate_inline(
        &self,
        token: &str,
        store: &dyn Store,
        now: Timestamp,
    ) -> Option<Result<Caller, AuthError>> {
        let key = cache_key(token);
        let Some(e) = self.cache.get(&key, now) else {
            let parsed = token::parse(token).ok()?;
            let signer = token::self_signed_account(&parsed)?;
            store.engine()?.cached_account(&signer)?;
            return Some(self.verify(key, parsed, store, now));
        };
        let account = store.engine()?.cached_account(&e.signer.reference)?;
        // An issued token's record is checked on every use (revocation is immediate): here
        // from the read cache, unless the use is to be noted (a write) or the record is not
        // found as expected (the blocking path reads it and says why).
        let check = match &e.issued {
            None => IssuedCheck::Read,
            Some(issued) => {
                let file = store.engine()?.cached_tokens(&e.signer.reference)?;
                let record =
                    crate::token::verify::live_record_in(Some(&file), &account, &issued.token_id)
                        .ok()?;
                if crate::registry::tokens::last_use_due(record.last_used, now) {
                    return None;
                }
                IssuedCheck::Found(record)
            }
        };
        Some(self.recheck(&key, &e, store, Ok(account), check, now))
    }

    /// A cached token's account, read again: gone, re-created, disabled, expired or without
    /// the key (an issued token: without its record), the token is refused and forgotten.
    fn recheck(
        &self,
        key: &Key,
        e: &Arc<Entry>,
        store: &dyn Store,
        account: anyhow::Result<Arc<Account>>,
        issued_check: IssuedCheck,
        now: Timestamp,
    ) -> Result<Caller, AuthError> {
        let kind = match e.issued {
            Some(_) => kind::ISSUED,
            None => kind::SELF_SIGNED,
        };
        let r = self.recheck_entry(key, e, store, account, issued_check, now);
        self.counted(true, kind, r)
    }

    fn recheck_entry(
        &self,
        key: &Key,
        e: &Arc<Entry>,
        store: &dyn Store,
        account: anyhow::Result<Arc<Account>>,
        issued_check: IssuedCheck,
        now: Timestamp,
    ) -> Result<Caller, AuthError> {
        let account = match account {
            Ok(a) => a,
            Err(err) => {
                return Err(match err.downcast_ref::<UserError>() {
                    Some(UserError::UnknownAccount { .. }) => {
                        self.cache.remove(key);
                        AuthError::Rejected(NO_KEY_VERIFIES.to_owned())
                    }
                    _ => AuthError::Internal(err),
                });
            }
        };
        if account.uid != e.signer.uid {
            self.cache.remove(key);
            return Err(AuthError::Rejected(NO_KEY_VERIFIES.to_owned()));
        }
        let checked = match &e.issued {
            // The key is still registered, and the token was minted after the account got its
            // name and the key was registered (renamed away and back, or a key removed and
            // added again, and its earlier tokens stay refused).
            None => match account.keys.iter().find(|k| k.kid == e.signer.kid) {
                None => Err(AuthError::Rejected(NO_KEY_VERIFIES.to_owned())),
                Some(k) => token::verify::check_minted_after(&account, Some(k), e.iat)
                    .map_err(public_reason),
            },
            Some(issued) => still_issued(store, &account, &issued.token_id, issued_check, now),
        };
        if let Err(why) = checked {
            self.cache.remove(key);
            return Err(why);
        }
        if let Some(why) = account.refusal(now) {
            self.cache.remove(key);
            return Err(AuthError::Rejected(why));
        }
        Ok(Caller {
            account,
            token: e.clone(),
        })
    }

    /// The full verification of a token not in the cache; remembers it when it passes.
    fn verify(
        &self,
        key: Key,
        parsed: token::Parsed<'_>,
        store: &dyn Store,
        now: Timestamp,
    ) -> Result<Caller, AuthError> {
        let kind = token_kind(&parsed);
        let r = self.verify_in_full(key, parsed, store, now);
        self.counted(false, kind, r)
    }

    fn verify_in_full(
        &self,
        key: Key,
        parsed: token::Parsed<'_>,
        store: &dyn Store,
        now: Timestamp,
    ) -> Result<Caller, AuthError> {
        // The registry's own audience (RFC 7519 §4.1.3): a token that names audiences must
        // name the registry's, its issuer's `iss` (the issuer URL, else its id); one that
        // names none is for whoever holds it, as self-signed tokens have always been.
        let registry = match parsed.claims.get("aud") {
            None => None,
            Some(_) => Some(
                registry_audience(store)
                    .map_err(AuthError::Internal)?
                    .ok_or_else(|| {
                        AuthError::Rejected(
                        "the token names an audience, and this registry has no issuer yet: its \
                         API accepts tokens without `aud`, or for its issuer (`svcacct issuer get`)"
                            .into(),
                    )
                    })?,
            ),
        };
        let opts = VerifyOptions {
            audience: registry.as_deref(),
            max_lifetime: self.max_lifetime,
            max_lifetime_source: &self.max_lifetime_source,
            now,
        };
        let v = token::verify_parsed(parsed, store, &opts).map_err(public_reason)?;
        let entry = Arc::new(Entry {
            signer: self.cache.signer(Signer {
                reference: v.account.reference(),
                uid: v.account.uid.clone(),
                kid: v.kid,
                fingerprint: v.fingerprint,
            }),
            alg: v.alg,
            iat: v.iat,
            exp: v.exp.unwrap_or(now + CACHE_UNEXPIRING),
            token_exp: v.exp,
            issued: v.issued,
            requested_from: v.requested_from,
        });
        // A requested token has no record for a cache hit to check again: verified each time.
        if entry.requested_from.is_none() {
            self.cache.insert(key, entry.clone(), now);
        }
        Ok(Caller {
            account: v.account,
            token: entry,
        })
    }
}

/// Which kind of token `parsed` is, as `token::verify` tells them apart.
pub fn token_kind(parsed: &token::Parsed<'_>) -> &'static str {
    if token::verify::is_issued(parsed) {
        kind::ISSUED
    } else {
        kind::SELF_SIGNED
    }
}

/// The audience the registry's API accepts tokens for: its issuer's `iss` (`None` before it
/// has an issuer).
pub fn registry_audience(store: &dyn Store) -> anyhow::Result<Option<String>> {
    Ok(match store.engine() {
        Some(b) => b.read_issuer()?.map(|i| i.iss().to_owned()),
        None => None,
    })
}

/// The policy that lets `account` pass `guard` (`ns` is the `{ns}` of a namespaced route), or
/// the 403 problem. Disabled or expired accounts never pass.
pub fn authorize(
    guard: Guard,
    account: &Account,
    policies: &[Policy],
    ns: Option<&Namespace>,
    now: Timestamp,
) -> Result<Option<String>, Box<Problem>> {
    authorize_with(guard, account, ns, now, |question| {
        question.answer(account, policies)
    })
}

/// What a guard asks of the policies: may the account do `action` on `resource` in `ns`
/// (`None`: globally)?
#[derive(Clone, Debug, PartialEq, Eq)]
struct Question<'a> {
    action: &'static str,
    resource: &'static str,
    ns: Option<std::borrow::Cow<'a, Namespace>>,
}

impl Question<'_> {
    /// The name of the first policy that allows it.
    fn answer(&self, account: &Account, policies: &[Policy]) -> Option<String> {
        let (action, resource) = (self.action, self.resource);
        match &self.ns {
            Some(ns) => crate::policy::allowing(policies, account, action, resource, ns),
            None => crate::policy::allowing(
                policies.iter().filter(|p| p.namespace.is_none()),
                account,
                action,
                resource,
                &Namespace::default_ns(),
            ),
        }
        .map(|p| p.name.to_string())
    }
}

/// `authorize`, with the policies asked through `answer` (the server remembers answers).
fn authorize_with(
    guard: Guard,
    account: &Account,
    ns: Option<&Namespace>,
    now: Timestamp,
    answer: impl FnOnce(&Question<'_>) -> Option<String>,
) -> Result<Option<String>, Box<Problem>> {
    use std::borrow::Cow;
    let question = match guard {
        Guard::Public | Guard::Authenticated => return Ok(None),
        Guard::Namespaced { action, resource } => Question {
            action,
            resource,
            ns: ns.map(Cow::Borrowed),
        },
        Guard::Global { action, resource } => Question {
            action,
            resource,
            ns: None,
        },
        // `ns` is the namespace the request is about: its parent decides (a top-level one:
        // the global policies).
        Guard::Parent { action, resource } => Question {
            action,
            resource,
            ns: ns.and_then(Namespace::parent).map(Cow::Owned),
        },
    };
    let refused = || {
        let r = account.reference().to_string();
        let q = &question;
        Box::new(Problem::forbidden(
            &r,
            q.action,
            q.resource,
            q.ns.as_deref(),
        ))
    };
    if account.status(now) != Status::Active {
        return Err(refused());
    }
    answer(&question).map(Some).ok_or_else(refused)
}

/// The guard's recent answers, for one snapshot of the policies (dropped with it): the same
/// question from the same account record gets the same answer without going through every
/// policy again. The answer depends only on the account's reference and groups, which are
/// compared on every hit (a record edited by hand without a new revision is not mistaken for
/// the old one); status (disabled, expired) is checked on every request, outside.
#[derive(Default)]
pub struct Decisions {
    /// Read-locked for a remembered answer.
    inner: RwLock<Remembered>,
}

struct Remembered {
    policies: Option<Arc<Vec<Policy>>>,
    /// By account uid; the least used dropped beyond [`MAX_REMEMBERED`]. The unsynchronized
    /// cache (its lookups take `&self`), behind the one lock that also guards `policies`.
    accounts: quick_cache::unsync::Cache<String, AccountAnswers>,
}

impl Default for Remembered {
    fn default() -> Self {
        Remembered {
            policies: None,
            accounts: quick_cache::unsync::Cache::new(MAX_REMEMBERED),
        }
    }
}

impl Remembered {
    /// The answer remembered for this question, account record and policy snapshot.
    fn remembered(
        &self,
        q: &Question<'_>,
        account: &Account,
        policies: &Arc<Vec<Policy>>,
    ) -> Option<Option<String>> {
        if !self.of_snapshot(policies) {
            return None;
        }
        let a = self.accounts.get(account.uid.as_str())?;
        if !a.of_record(account) {
            return None;
        }
        let (_, found) = a.answers.iter().find(|(asked, _)| asked == q)?;
        Some(found.clone())
    }

    /// Are the answers kept those of this policy snapshot?
    fn of_snapshot(&self, policies: &Arc<Vec<Policy>>) -> bool {
        self.policies
            .as_ref()
            .is_some_and(|p| Arc::ptr_eq(p, policies))
    }
}

struct AccountAnswers {
    revision: u64,
    reference: Reference,
    groups: Vec<String>,
    answers: Vec<(Question<'static>, Option<String>)>,
}

impl AccountAnswers {
    /// Were these answers given to this record of the account (what the answers depend on)?
    fn of_record(&self, a: &Account) -> bool {
        self.revision == a.revision
            && self.reference.namespace == a.namespace
            && self.reference.name == a.name
            && self.groups == a.groups
    }
}

/// Most accounts remembered, and answers per account (the oldest answer dropped beyond it).
const MAX_REMEMBERED: usize = 10_000;
const MAX_ANSWERS: usize = 64;

impl Decisions {
    /// `authorize` for the guard, remembering answers per policy snapshot.
    pub fn authorize(
        &self,
        guard: Guard,
        account: &Account,
        policies: &Arc<Vec<Policy>>,
        ns: Option<&Namespace>,
        now: Timestamp,
    ) -> Result<Option<String>, Box<Problem>> {
        authorize_with(guard, account, ns, now, |q| {
            self.answer(q, account, policies)
        })
    }

    fn answer(
        &self,
        q: &Question<'_>,
        account: &Account,
        policies: &Arc<Vec<Policy>>,
    ) -> Option<String> {
        {
            let memo = self.inner.read().unwrap_or_else(|e| e.into_inner());
            if let Some(found) = memo.remembered(q, account, policies) {
                return found;
            }
        }
        let found = q.answer(account, policies);
        let mut memo = self.inner.write().unwrap_or_else(|e| e.into_inner());
        if !memo.of_snapshot(policies) {
            memo.accounts.clear();
            memo.policies = Some(policies.clone());
        }
        let owned = Question {
            action: q.action,
            resource: q.resource,
            ns: q
                .ns
                .as_deref()
                .map(|ns| std::borrow::Cow::Owned(ns.clone())),
        };
        let Some(mut a) = memo.accounts.get_mut(account.uid.as_str()) else {
            let answers = AccountAnswers {
                revision: account.revision,
                reference: account.reference(),
                groups: account.groups.clone(),
                answers: vec![(owned, found.clone())],
            };
            memo.accounts.insert(account.uid.clone(), answers);
            return found;
        };
        if !a.of_record(account) {
            a.revision = account.revision;
            a.reference = account.reference();
            a.groups = account.groups.clone();
            a.answers.clear();
        }
        if a.answers.len() >= MAX_ANSWERS {
            a.answers.remove(0);
        }
        a.answers.push((owned, found.clone()));
        found
    }
}

/// The bearer token of a request, if it has one.
fn bearer(req: &Request) -> Result<&str, ApiError> {
    let Some(v) = req.headers().get(header::AUTHORIZATION) else {
        return Err(ApiError::unauthorized(
            "no token: send `Authorization: Bearer <jwt>` signed by a registered service account key",
        ));
    };
    let v = v
        .to_str()
        .map_err(|_| ApiError::unauthorized("the Authorization header is not ASCII"))?;
    match v.split_once(' ') {
        Some((scheme, t)) if scheme.eq_ignore_ascii_case("bearer") && !t.trim().is_empty() => {
            Ok(t.trim())
        }
        _ => Err(ApiError::unauthorized(
            "the Authorization header is not `Bearer <jwt>`",
        )),
    }
}

/// The middleware on every route: finds the route's guard in [`ROUTES`], authenticates the
/// token and asks the policies, before the handler looks anything up.
pub async fn guard(
    State(state): State<Arc<AppState>>,
    matched: Option<MatchedPath>,
    req: Request,
    next: Next,
) -> Response {
    let Some(route) = matched
        .as_ref()
        .and_then(|m| route_for(req.method(), m.as_str()))
    else {
        return super::respond::method_not_allowed(req.method().clone()).into_response();
    };
    if let Some(notes) = req.extensions().get::<Notes>() {
        let _ = notes.0.route.set(route.path);
    }
    let g = match route.guard {
        Guard::Global { .. } if route.path == crate::api::METRICS && state.public_metrics => {
            Guard::Public
        }
        g => g,
    };
    if g == Guard::Public {
        return next.run(req).await;
    }
    let now = Timestamp::now();
    // Served from the caches without a blocking task when possible: handing a request to the
    // blocking pool and back cost more than the rest of an authenticated request (for a new
    // token, more than its RSA verification: two thread switches and the pool's lock). Only a
    // token that goes to the pool is copied.
    let store = state.store.as_ref();
    let inline = match bearer(&req) {
        Ok(token) => state
            .auth
            .authenticate_inline(token, store, now)
            .ok_or_else(|| token.to_owned()),
        Err(e) => return e.into_response(),
    };
    let caller = match inline {
        Ok(done) => Ok(done),
        Err(token) => {
            let st = state.clone();
            tokio::task::spawn_blocking(move || {
                st.auth.authenticate(&token, st.store.as_ref(), now)
            })
            .await
        }
    };
    let caller = match caller {
        Ok(Ok(c)) => c,
        Ok(Err(e)) => return ApiError::from(e).into_response(),
        Err(e) => return ApiError::internal(&anyhow::anyhow!("{e}")).into_response(),
    };
    // For the access log, from here on whatever the answer.
    if let Some(notes) = req.extensions().get::<Notes>() {
        let _ = notes.0.account.set(caller.account.reference().to_string());
    }
    let (mut parts, body) = req.into_parts();
    let ns = match g {
        Guard::Namespaced { .. } => {
            let ns = Params::from_request_parts(&mut parts, &())
                .await
                .and_then(|p| p.ns());
            match ns {
                Ok(ns) => Some(ns),
                Err(e) => return e.into_response(),
            }
        }
        _ => None,
    };
    if matches!(g, Guard::Namespaced { .. } | Guard::Global { .. }) {
        let policies = match state.store.engine().and_then(|e| e.cached_policies()) {
            Some(p) => Ok(Ok(p)),
            None => {
                let st = state.clone();
                tokio::task::spawn_blocking(move || crate::store::policy_snapshot(&*st.store)).await
            }
        };
        let policies = match policies {
            // Unreadable policy records grant nothing.
            Ok(Ok(l)) => l,
            Ok(Err(e)) => return ApiError::from(e).into_response(),
            Err(e) => {
                return ApiError::internal(&anyhow::anyhow!("{e}")).into_response();
            }
        };
        let decided =
            state
                .auth
                .decisions
                .authorize(g, &caller.account, &policies, ns.as_ref(), now);
        if let Err(p) = decided {
            return ApiError::from(p).into_response();
        }
    }
    parts.extensions.insert(caller);
    next.run(Request::from_parts(parts, body)).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::code;
    use crate::identity::Name;
    use crate::keys::PrivateKey;
    use crate::store::memory::MemoryStore;
    use std::collections::BTreeMap;

    fn setup() -> (MemoryStore, PrivateKey, Reference) {
        let key = PrivateKey::generate(2048).unwrap();
        let r = Reference::new(Namespace::default_ns(), Name::parse("ci").unwrap());
        let now = Timestamp::now();
        let store = MemoryStore::new();
        store
            .create_account(Account {
                uid: "u1".into(),
                keys: vec![crate::model::KeyRecord::new(
                    key.public_key(),
                    Default::default(),
                    now,
                )],
                ..Account::new(r.clone(), now)
            })
            .unwrap();
        (store, key, r)
    }

    fn mint(key: &PrivateKey, r: &Reference, ttl: SignedDuration) -> String {
        token::mint(&token::MintRequest {
            reference: r,
            key,
            alg: jsonwebtoken::Algorithm::RS256,
            ttl,
            audiences: &[],
            extra: &BTreeMap::new(),
            now: Timestamp::now(),
            impersonates: None,
        })
        .unwrap()
        .token
    }

    fn auth() -> Authenticator {
        Authenticator::new(
            SignedDuration::from_hours(1),
            "test".into(),
            Arc::new(Metrics::new(false)),
        )
    }

    fn rejected(r: Result<Caller, AuthError>) -> String {
        match r {
            Err(AuthError::Rejected(why)) => why,
            other => panic!("expected a rejection, got {other:?}"),
        }
    }

    /// The tokens an account signs with one key share one `Signer` in the cache (what keeps
    /// 62,500 of them, and bench/serve's server, in their memory); another key, or the
    /// account renamed, get their own.
    #[test]
    fn cached_tokens_of_one_account_and_key_share_their_signer() {
        let (store, key, r) = setup();
        let a = auth();
        let now = Timestamp::now();
        let t1 = mint(&key, &r, SignedDuration::from_mins(5));
        let t2 = mint(&key, &r, SignedDuration::from_mins(6));
        let c1 = a.authenticate(&t1, &store, now).unwrap();
        let c2 = a.authenticate(&t2, &store, now).unwrap();
        assert_eq!(a.cache.len(), 2);
        assert!(Arc::ptr_eq(&c1.token.signer, &c2.token.signer));

        let to = Name::parse("renamed").unwrap();
        store.rename_with_grants(&r, &to).unwrap();
        let renamed = Reference::new(r.namespace.clone(), to);
        let t3 = mint(&key, &renamed, SignedDuration::from_mins(7));
        let c3 = a.authenticate(&t3, &store, Timestamp::now()).unwrap();
        assert_eq!(c3.token.signer.uid, c1.token.signer.uid);
        assert_eq!(c3.token.signer.reference, renamed);
        assert!(!Arc::ptr_eq(&c1.token.signer, &c3.token.signer));
    }

    #[test]
    fn a_cached_token_skips_verification_but_not_the_account() {
        let (store, key, r) = setup();
        let a = auth();
        let t = mint(&key, &r, SignedDuration::from_mins(5));
        let now = Timestamp::now();
        let c = a.authenticate(&t, &store, now).unwrap();
        assert_eq!(c.identity().account, "ci");
        assert_eq!(c.identity().username, "system:serviceaccount:default:ci");
        assert_eq!(a.cache.len(), 1);
        // A hit skips the signature check: swap the registered key's PEM (same kid) so that
        // a full verification fails; the cached token still passes, a fresh cache refuses it.
        let other = PrivateKey::generate(2048).unwrap();
        let original = store.get_account(&r).unwrap();
        let mut swapped = original.clone();
        swapped.keys[0].public_key = other.public_key().to_pem();
        store.update_account(swapped).unwrap();
        let c2 = a.authenticate(&t, &store, now).unwrap();
        assert_eq!(c2.identity().kid, c.identity().kid);
        assert_eq!(a.cache.len(), 1);
        assert_eq!(
            rejected(auth().authenticate(&t, &store, now)),
            NO_KEY_VERIFIES
        );
        let mut back = store.get_account(&r).unwrap();
        back.keys = original.keys.clone();
        store.update_account(back).unwrap();

        // Disabled: refused although cached.
        store.set_disabled(&r, true).unwrap();
        assert!(rejected(a.authenticate(&t, &store, now)).contains("is disabled"));
        store.set_disabled(&r, false).unwrap();
        let _ = a.authenticate(&t, &store, now).unwrap();

        // Deleted and re-created with the same key: another uid, refused.
        let old = store.get_account(&r).unwrap();
        a.authenticate(&t, &store, now).unwrap();
        store.delete_account(&r).unwrap();
        assert_eq!(rejected(a.authenticate(&t, &store, now)), NO_KEY_VERIFIES);
        a.authenticate(&t, &store, now).unwrap_err();
        let mut again = old.clone();
        again.uid = "u2".into();
        again.revision = 0;
        store.create_account(again).unwrap();
        // Full verification accepts it again (the key is registered); cache it, then replace.
        a.authenticate(&t, &store, now).unwrap();
        store.delete_account(&r).unwrap();
        let mut third = old.clone();
        third.uid = "u3".into();
        third.revision = 0;
        store.create_account(third).unwrap();
        assert!(a.cache.len() == 1);
        assert_eq!(rejected(a.authenticate(&t, &store, now)), NO_KEY_VERIFIES);
        assert!(a.cache.is_empty());
    }

    #[test]
    fn a_cached_issued_token_fails_at_once_when_revoked_or_its_account_goes() {
        let (store, _key, r) = setup();
        let req = |n: &str| crate::issued::IssueRequest {
            name: Name::parse(n).unwrap(),
            expires: None,
            audiences: vec![],
            labels: Default::default(),
        };
        let a = auth();
        let now = Timestamp::now();
        let t = store.issue_token(&r, &req("deploy")).unwrap();
        let c = a.authenticate(&t.token, &store, now).unwrap();
        assert_eq!(c.identity().token_name.as_deref(), Some("deploy"));
        assert_eq!(c.identity().expires_at, None);
        assert_eq!(a.cache.len(), 1);
        // A hit notes the last use at most once a minute.
        let used = store.list_tokens(&r).unwrap()[0].last_used;
        assert_eq!(used, Some(now));
        let later = now + SignedDuration::from_secs(30);
        a.authenticate(&t.token, &store, later).unwrap();
        assert_eq!(store.list_tokens(&r).unwrap()[0].last_used, Some(now));
        let much_later = now + SignedDuration::from_secs(61);
        a.authenticate(&t.token, &store, much_later).unwrap();
        assert_eq!(
            store.list_tokens(&r).unwrap()[0].last_used,
            Some(much_later)
        );
        // Revoked: refused at once although cached, and dropped from the cache.
        store
            .revoke_token(&r, &Name::parse("deploy").unwrap())
            .unwrap();
        assert!(rejected(a.authenticate(&t.token, &store, now)).contains("has been revoked"));
        assert!(a.cache.is_empty());
        // Deleted and created again: its token never comes back.
        let t2 = store.issue_token(&r, &req("other")).unwrap();
        a.authenticate(&t2.token, &store, now).unwrap();
        let old = store.get_account(&r).unwrap();
        store.delete_account(&r).unwrap();
        let mut again = old;
        again.uid = "u2".into();
        again.revision = 0;
        store.create_account(again).unwrap();
        assert_eq!(
            rejected(a.authenticate(&t2.token, &store, now)),
            NO_KEY_VERIFIES
        );
        assert!(rejected(auth().authenticate(&t2.token, &store, now)).contains("revoked"));
    }

    #[test]
    fn a_reused_issued_token_is_checked_from_the_read_cache_and_revoked_at_once() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("store");
        let (memory, _key, r) = setup();
        let cli = crate::store::file::FileStore::open(root.clone());
        cli.create_account(memory.get_account(&r).unwrap()).unwrap();
        let server = crate::store::cached::Cached::new(crate::store::file::FileStore::open(root));
        let req = crate::issued::IssueRequest {
            name: Name::parse("deploy").unwrap(),
            expires: None,
            audiences: vec![],
            labels: Default::default(),
        };
        let t = cli.issue_token(&r, &req).unwrap();
        let a = auth();
        let now = Timestamp::now();
        let at = |secs| now + SignedDuration::from_secs(secs);
        let inline = |when| a.authenticate_inline(&t.token, &server, when);
        a.authenticate(&t.token, &server, now).unwrap();
        // The first use was noted (a write): the file is read again by the blocking path,
        // then answered from memory until the next use is to be noted.
        assert!(inline(at(1)).is_none());
        a.authenticate(&t.token, &server, at(1)).unwrap();
        let c = inline(at(2))
            .expect("answered from the read cache")
            .unwrap();
        assert_eq!(c.identity().token_name.as_deref(), Some("deploy"));
        assert!(inline(at(61)).is_none());
        // Revoked by another process: refused by the next request, whichever path.
        cli.revoke_token(&r, &Name::parse("deploy").unwrap())
            .unwrap();
        let refused = inline(at(3)).unwrap_or_else(|| a.authenticate(&t.token, &server, at(3)));
        assert!(rejected(refused).contains("has been revoked"));
        assert!(a.cache.is_empty());
    }

    #[test]
    fn a_cached_token_is_refused_when_its_key_is_removed() {
        let (store, key, r) = setup();
        let other = PrivateKey::generate(2048).unwrap();
        let now = Timestamp::now();
        store
            .add_key(
                &r,
                crate::model::KeyRecord::new(other.public_key(), Default::default(), now),
            )
            .unwrap();
        let a = auth();
        let t = mint(&key, &r, SignedDuration::from_mins(5));
        a.authenticate(&t, &store, now).unwrap();
        store.remove_key(&r, &key.kid(), false).unwrap();
        assert_eq!(rejected(a.authenticate(&t, &store, now)), NO_KEY_VERIFIES);
    }

    #[test]
    fn entries_are_dropped_at_exp() {
        let (store, key, r) = setup();
        let a = auth();
        let t = mint(&key, &r, SignedDuration::from_mins(5));
        let now = Timestamp::now();
        a.authenticate(&t, &store, now).unwrap();
        assert_eq!(a.cache.len(), 1);
        assert!(a.cache.get(&cache_key(&t), now).is_some());
        let later = now + SignedDuration::from_mins(6);
        assert!(a.cache.get(&cache_key(&t), later).is_none());
        assert!(a.cache.is_empty());
        // And past exp + leeway the token itself is refused.
        let much_later = now + SignedDuration::from_mins(10);
        assert!(rejected(a.authenticate(&t, &store, much_later)).contains("expired"));
        assert!(a.cache.is_empty());
    }

    #[test]
    fn the_cache_is_bounded() {
        let c = TokenCache::new(3);
        let now = Timestamp::now();
        let e = |mins: i64| Entry {
            signer: Arc::new(Signer {
                reference: Reference::parse_canonical("x").unwrap(),
                uid: "u".into(),
                kid: "k".into(),
                fingerprint: String::new(),
            }),
            alg: "RS256",
            iat: now,
            exp: now + SignedDuration::from_mins(mins),
            token_exp: None,
            issued: None,
            requested_from: None,
        };
        // t1 is in use (read after each new token); t2 to t9 are seen once.
        for i in 1..=9 {
            c.insert(cache_key(&format!("t{i}")), Arc::new(e(i)), now);
            assert!(
                c.get(&cache_key("t1"), now).is_some(),
                "the token in use stays"
            );
        }
        assert_eq!(c.len(), 3);
        assert!(c.get(&cache_key("t9"), now).is_some(), "the newest is kept");
        assert!(
            c.get(&cache_key("t5"), now).is_none(),
            "an older one seen once went"
        );
        c.insert(cache_key("dead"), Arc::new(e(-1)), now);
        assert!(c.get(&cache_key("dead"), now).is_none());
    }

    #[test]
    fn unknown_issuers_and_bad_signatures_read_alike() {
        let (store, key, r) = setup();
        let a = auth();
        let now = Timestamp::now();
        let ghost = Reference::parse_canonical("ghost").unwrap();
        let t = mint(&key, &ghost, SignedDuration::from_mins(5));
        assert_eq!(rejected(a.authenticate(&t, &store, now)), NO_KEY_VERIFIES);
        let other = PrivateKey::generate(2048).unwrap();
        let t = mint(&other, &r, SignedDuration::from_mins(5));
        assert_eq!(rejected(a.authenticate(&t, &store, now)), NO_KEY_VERIFIES);
        let good = mint(&key, &r, SignedDuration::from_mins(5));
        let (head, rest) = good.split_once('.').unwrap();
        let (_, sig) = rest.split_once('.').unwrap();
        let forged_claims = base64::Engine::encode(
            &base64::engine::general_purpose::URL_SAFE_NO_PAD,
            format!(
                r#"{{"iss":"ci","sub":"ci","iat":{},"exp":{}}}"#,
                now.as_second(),
                now.as_second() + 300
            ),
        );
        let tampered = format!("{head}.{forged_claims}.{sig}");
        assert_eq!(
            rejected(a.authenticate(&tampered, &store, now)),
            NO_KEY_VERIFIES
        );
        assert!(a.cache.is_empty());
    }

    #[test]
    fn every_route_has_its_guard_from_the_table() {
        for r in ROUTES {
            let m = Method::from_bytes(r.method.as_bytes()).unwrap();
            assert_eq!(
                guard_for(&m, r.path),
                Some(r.guard),
                "{} {}",
                r.method,
                r.path
            );
        }
        assert_eq!(guard_for(&Method::HEAD, "/healthz"), Some(Guard::Public));
        assert_eq!(
            guard_for(&Method::POST, crate::api::ACCOUNT),
            None,
            "no such route"
        );
        assert_eq!(
            guard_for(&Method::POST, crate::api::ACCOUNTS),
            Some(Guard::Namespaced {
                action: "create",
                resource: "serviceaccount"
            })
        );
    }

    #[test]
    fn guards_ask_the_policies() {
        let decisions = Decisions::default();
        // Each check twice: as asked, and through the server's remembered answers (asked
        // twice, so the second comes from memory).
        let both = |g: Guard, a: &Account, p: &[Policy], ns: Option<&Namespace>, now| {
            let plain = authorize(g, a, p, ns, now);
            let snapshot = Arc::new(p.to_vec());
            for _ in 0..2 {
                assert_eq!(decisions.authorize(g, a, &snapshot, ns, now), plain);
            }
            plain
        };
        let now = Timestamp::now();
        let acct = |ns: &str, name: &str| Account {
            uid: "u".into(),
            revision: 1,
            ..Account::new(
                Reference::new(Namespace::parse(ns).unwrap(), Name::parse(name).unwrap()),
                now,
            )
        };
        let pol = |ns: Option<&str>, subj: &str, action: &str| Policy {
            labels: Default::default(),
            name: Name::parse("p").unwrap(),
            namespace: ns.map(|n| Namespace::parse(n).unwrap()),
            uid: "u".into(),
            revision: 1,
            description: String::new(),
            subjects: vec![subj.into()],
            actions: vec![action.into()],
            resources: vec!["*".into()],
            created: now,
            updated: now,
        };
        let create_sa = guard_for(&Method::POST, crate::api::ACCOUNTS).unwrap();
        let list_all = guard_for(&Method::GET, "/v1/serviceaccounts").unwrap();
        let eng = Namespace::parse("eng").unwrap();
        let eng_x = Namespace::parse("eng/x").unwrap();
        let ops = Namespace::parse("ops").unwrap();
        let a = acct("eng", "ci");
        let ns_policy = [pol(Some("eng"), "eng/ci", "create")];
        assert!(both(create_sa, &a, &ns_policy, Some(&eng), now).is_ok());
        assert!(both(create_sa, &a, &ns_policy, Some(&eng_x), now).is_ok());
        let p = both(create_sa, &a, &ns_policy, Some(&ops), now).unwrap_err();
        assert_eq!((p.status, p.code.as_str()), (403, code::FORBIDDEN));
        assert_eq!(p.action.as_deref(), Some("create"));
        assert_eq!(p.resource.as_deref(), Some("serviceaccount"));
        // A namespaced policy never satisfies a global guard.
        let all = [pol(Some("eng"), "eng/ci", "*")];
        assert!(both(list_all, &a, &all, None, now).is_err());
        let global = [pol(None, "eng/ci", "list")];
        assert_eq!(
            both(list_all, &a, &global, None, now).unwrap(),
            Some("p".into())
        );
        // Disabled accounts never pass.
        let mut d = a.clone();
        d.disabled = true;
        assert!(both(list_all, &d, &global, None, now).is_err());
        assert!(both(Guard::Authenticated, &a, &[], None, now).is_ok());
    }

    #[test]
    fn remembered_answers_follow_the_account_and_the_policies() {
        let now = Timestamp::now();
        let (store, _key, r) = setup();
        let mut a = store.get_account(&r).unwrap();
        let pol = |subject: &str| Policy {
            labels: Default::default(),
            name: Name::parse("p").unwrap(),
            namespace: None,
            uid: "u".into(),
            revision: 1,
            description: String::new(),
            subjects: vec![subject.into()],
            actions: vec!["list".into()],
            resources: vec!["*".into()],
            created: now,
            updated: now,
        };
        let list_all = guard_for(&Method::GET, "/v1/serviceaccounts").unwrap();
        let d = Decisions::default();
        let by_group = Arc::new(vec![pol("group:builders")]);
        assert!(d.authorize(list_all, &a, &by_group, None, now).is_err());
        // the same record (uid and revision) with other groups: asked again
        a.groups = vec!["builders".into()];
        assert!(d.authorize(list_all, &a, &by_group, None, now).is_ok());
        a.groups = vec![];
        assert!(d.authorize(list_all, &a, &by_group, None, now).is_err());
        // other policies: asked again
        let by_name = Arc::new(vec![pol("ci")]);
        assert!(d.authorize(list_all, &a, &by_name, None, now).is_ok());
        // a disabled account is refused even with a remembered yes
        a.disabled = true;
        assert!(d.authorize(list_all, &a, &by_name, None, now).is_err());
        a.disabled = false;
        // another question of the same account
        let create = guard_for(&Method::POST, crate::api::ACCOUNTS).unwrap();
        let eng = Namespace::parse("eng").unwrap();
        assert!(d.authorize(create, &a, &by_name, Some(&eng), now).is_err());
        assert!(d.authorize(list_all, &a, &by_name, None, now).is_ok());
    }
}
