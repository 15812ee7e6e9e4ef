//! The remote store: the `Store` trait over the HTTP API of `svcacct serve` (`crate::api`), with
//! a blocking ureq client on rustls (aws-lc-rs, the engine the JWTs use too).
//!
//! Every request carries `Authorization: Bearer <token>`: a token given ready-made, or one the
//! process signs (`crate::context`) and signs again when less than a minute of it is left. Problems from the server become the same `UserError` texts
//! and exit codes as the local store gives. Retries (3 tries, backoff) only for network errors
//! and 5xx answers, never 4xx; a `POST` only when the connection failed before anything was
//! sent.

use std::fmt;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use anyhow::{Context as _, Result};
use serde::Serialize;
use serde::de::DeserializeOwned;
use ureq::http;
use zeroize::Zeroizing;

use crate::api::{self, AccountChange, ListBody, NewAccount, NewKey, NewPolicy, PolicyChange};
use crate::api::{AccountAnswer, Identity, PolicyAnswer, Problem, Rename, Shown, ns_segment};
use crate::error::UserError;
use crate::identity::{Name, Namespace, Reference};
use crate::issued::{
    IssueRequest, IssuedToken, IssuerAlgorithm, IssuerView, RequestedToken, RotateRequest, Secret,
    TokenRecord, TokenRename, TokenRequest, UrlChange,
};
use crate::labels::{Labels, Selector};
use crate::model::{Account, KeyRecord, NamespaceRecord, Policy, PolicyScope};
use crate::output::sanitize;
use crate::store::{Listing, Scope, Store};

/// Longest wait for a TCP (and TLS) connection.
pub const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// Longest time for one whole request, answer included.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(60);
/// Tries per request (the first and two retries).
const TRIES: u32 = 3;
/// Longest time of a request made to complete a name on the command line (issue 16): a shell
/// waits for it. One try.
pub const COMPLETION_TIMEOUT: Duration = Duration::from_millis(200);

/// Set by `commands::complete`: this process completes a name, so its requests get
/// [`COMPLETION_TIMEOUT`] and no retry.
static COMPLETING: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Makes the clients made from now on quick (see [`COMPLETING`]).
pub fn for_completion() {
    COMPLETING.store(true, std::sync::atomic::Ordering::Relaxed);
}

fn completing() -> bool {
    COMPLETING.load(std::sync::atomic::Ordering::Relaxed)
}
/// Largest answer read for a list.
const MAX_LIST_BYTES: u64 = 64 << 20;
/// Largest answer read otherwise.
const MAX_BYTES: u64 = 1 << 20;

/// True when a `--store` value is a URL (`scheme://…`) rather than a folder.
pub fn is_url(s: &str) -> bool {
    match s.split_once("://") {
        Some((scheme, _)) => {
            !scheme.is_empty()
                && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
        }
        None => false,
    }
}

/// The URL of a `svcacct serve`: `https://host[:port][/prefix]`, or `http://` on a loopback host
/// only (tokens would otherwise cross the network in clear text).
#[derive(Clone, PartialEq, Eq)]
pub struct StoreUrl {
    /// Without a trailing `/`.
    base: String,
}

impl fmt::Debug for StoreUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.base)
    }
}

impl fmt::Display for StoreUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.base)
    }
}

impl StoreUrl {
    pub fn parse(s: &str) -> Result<StoreUrl, UserError> {
        let bad = |why: &str| {
            UserError::Usage(format!(
                "invalid store URL `{}`: {why} (expected https://HOST[:PORT], or http://127.0.0.1:PORT)",
                sanitize(s)
            ))
        };
        let uri: http::Uri = s.parse().map_err(|_| bad("it does not parse"))?;
        let scheme = uri.scheme_str().unwrap_or("").to_ascii_lowercase();
        if scheme != "https" && scheme != "http" {
            return Err(bad("only https:// and http:// are supported"));
        }
        let Some(authority) = uri.authority() else {
            return Err(bad("it names no host"));
        };
        if authority.as_str().contains('@') {
            return Err(bad(
                "credentials do not belong in the URL (use --token-file or --service-account)",
            ));
        }
        let host = authority.host();
        if host.is_empty() {
            return Err(bad("it names no host"));
        }
        if uri.query().is_some() || s.contains('#') {
            return Err(bad("it must not have a query or fragment"));
        }
        if scheme == "http" && !is_loopback(host) {
            return Err(UserError::Usage(format!(
                "refusing plain http:// to `{}`: tokens would cross the network in clear text; \
                 use https://, or an SSH tunnel to a loopback address (http://127.0.0.1:PORT)",
                sanitize(host)
            )));
        }
        let path = uri.path().trim_end_matches('/');
        Ok(StoreUrl {
            base: format!(
                "{scheme}://{}{path}",
                authority.as_str().to_ascii_lowercase()
            ),
        })
    }

    pub fn as_str(&self) -> &str {
        &self.base
    }

    pub fn is_https(&self) -> bool {
        self.base.starts_with("https://")
    }

    /// The host is `localhost`, `127.0.0.0/8` or `::1`.
    pub fn is_loopback_host(&self) -> bool {
        self.base
            .parse::<http::Uri>()
            .ok()
            .and_then(|u| u.host().map(is_loopback))
            .unwrap_or(false)
    }
}

/// `localhost`, `127.0.0.0/8` or `::1`.
pub fn is_loopback(host: &str) -> bool {
    let host = host.trim_start_matches('[').trim_end_matches(']');
    if host.eq_ignore_ascii_case("localhost") {
        return true;
    }
    host.parse::<std::net::IpAddr>()
        .is_ok_and(|ip| ip.is_loopback())
}

/// A bearer token, never shown.
pub struct Bearer(Zeroizing<String>);

impl Bearer {
    /// Checks that `token` can travel in a header (no spaces or control characters); the
    /// message names `source`, never the value.
    pub fn new(token: &str, source: &str) -> Result<Bearer, UserError> {
        let token = token.trim();
        if token.is_empty() {
            return Err(UserError::Usage(format!(
                "the token from {source} is empty"
            )));
        }
        if !token.bytes().all(|b| b.is_ascii_graphic()) {
            return Err(UserError::Usage(format!(
                "the token from {source} is not a JWT (it holds spaces or other characters a token cannot have)"
            )));
        }
        Ok(Bearer(Zeroizing::new(format!("Bearer {token}"))))
    }

    /// The token itself (without `Bearer `).
    pub fn token(&self) -> &str {
        &self.0["Bearer ".len()..]
    }
}

/// What authenticates the requests: a token given ready-made, or one this process signs and
/// signs again shortly before it expires (a command may run longer than one token lives).
pub enum Auth {
    /// No `Authorization` header: the public routes only (`svcacct version`).
    Anonymous,
    Fixed(Bearer),
    Signed {
        sign: Box<dyn Fn() -> Result<(Bearer, jiff::Timestamp)>>,
        current: std::sync::Mutex<Option<(Bearer, jiff::Timestamp)>>,
    },
}

/// A signed token is replaced when less than this is left of it.
const RENEW_BEFORE: jiff::SignedDuration = jiff::SignedDuration::from_secs(60);

impl Auth {
    /// Signs with `sign` on first use, and again when the token is about to expire.
    pub fn signed(sign: impl Fn() -> Result<(Bearer, jiff::Timestamp)> + 'static) -> Auth {
        Auth::Signed {
            sign: Box::new(sign),
            current: std::sync::Mutex::new(None),
        }
    }

    /// The `Authorization` header value for a request about to be sent.
    fn header(&self) -> Result<http::HeaderValue> {
        let value = |b: &Bearer| {
            let mut v = http::HeaderValue::from_str(&b.0).map_err(|_| {
                UserError::Usage("the bearer token is not a valid header value".into())
            })?;
            v.set_sensitive(true);
            Ok::<_, anyhow::Error>(v)
        };
        match self {
            Auth::Anonymous => Err(UserError::Usage(
                "this request needs credentials: --service-account or --token-file".into(),
            )
            .into()),
            Auth::Fixed(b) => value(b),
            Auth::Signed { sign, current } => {
                let mut current = current.lock().unwrap_or_else(|e| e.into_inner());
                let fresh = current.as_ref().is_some_and(|(_, exp)| {
                    exp.duration_since(jiff::Timestamp::now()) > RENEW_BEFORE
                });
                if !fresh {
                    *current = Some(sign()?);
                }
                value(&current.as_ref().expect("signed above").0)
            }
        }
    }

    /// The `Authorization` header, if any: none for [`Auth::Anonymous`].
    fn authorization(&self) -> Result<Option<http::HeaderValue>> {
        match self {
            Auth::Anonymous => Ok(None),
            _ => self.header().map(Some),
        }
    }
}

impl fmt::Debug for Auth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Auth::Anonymous => f.write_str("Auth::Anonymous"),
            Auth::Fixed(_) => f.write_str("Auth::Fixed(REDACTED)"),
            Auth::Signed { .. } => f.write_str("Auth::Signed(REDACTED)"),
        }
    }
}

impl fmt::Debug for Bearer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Bearer(REDACTED)")
    }
}

/// The registry behind `svcacct serve`.
pub struct RemoteStore {
    url: StoreUrl,
    agent: ureq::Agent,
    auth: Auth,
    /// `--ca-cert` was given (a TLS failure then needs no hint about it).
    own_ca: bool,
    /// `--dry-run=server`: every request but a `GET` carries `dryRun=All` (`server::dry_run`).
    dry_run: std::sync::atomic::AtomicBool,
    /// Items asked for per page of a list ([`PAGE_SIZE`], or `SVCACCT_LIST_PAGE_SIZE`).
    page_size: usize,
}

/// Items a list asks for per request (`?limit=`, issue 13): a large registry comes in several
/// answers, never one huge one. `SVCACCT_LIST_PAGE_SIZE` (1 to the server's 1000) changes it.
pub const PAGE_SIZE: usize = 500;

/// The page size `SVCACCT_LIST_PAGE_SIZE` asks for, else [`PAGE_SIZE`].
fn page_size() -> Result<usize, UserError> {
    match std::env::var("SVCACCT_LIST_PAGE_SIZE") {
        Err(_) => Ok(PAGE_SIZE),
        Ok(v) => match v.parse::<usize>() {
            Ok(n) if (1..=api::MAX_LIST_LIMIT).contains(&n) => Ok(n),
            _ => Err(UserError::Usage(format!(
                "SVCACCT_LIST_PAGE_SIZE `{}` is not a number from 1 to {}: set one, or unset it \
                 for pages of {PAGE_SIZE}",
                sanitize(&v),
                api::MAX_LIST_LIMIT
            ))),
        },
    }
}

impl fmt::Debug for RemoteStore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RemoteStore")
            .field("url", &self.url)
            .field("auth", &self.auth)
            .finish()
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Method {
    Get,
    Post,
    Put,
    Delete,
}

impl Method {
    fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Put => "PUT",
            Method::Delete => "DELETE",
        }
    }
}

/// One request to make.
struct Call<'a> {
    method: Method,
    path: &'a str,
    query: Option<&'a str>,
    if_match: Option<u64>,
    body: Option<Vec<u8>>,
    limit: u64,
}

impl<'a> Call<'a> {
    fn new(method: Method, path: &'a str) -> Self {
        Call {
            method,
            path,
            query: None,
            if_match: None,
            body: None,
            limit: MAX_BYTES,
        }
    }

    fn json(mut self, body: &impl Serialize) -> Result<Self> {
        self.body = Some(serde_json::to_vec(body)?);
        Ok(self)
    }
}

/// What a path segment leaves unencoded: RFC 3986's unreserved characters.
const UNRESERVED: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// `s` as the value of a query parameter: as a path segment (a space as `%20`, `,`, `=`,
/// `!`, `(` and `)` encoded too).
fn query_value(s: &str) -> String {
    segment(s)
}

/// `s` as one path segment, every other byte percent-encoded.
fn segment(s: &str) -> String {
    percent_encoding::utf8_percent_encode(s, UNRESERVED).to_string()
}

/// The collection of namespace `ns`'s accounts.
fn accounts_path(ns: &Namespace) -> String {
    format!("/v1/namespaces/{}/serviceaccounts", ns_segment(ns))
}

fn account_path(r: &Reference) -> String {
    format!("{}/{}", accounts_path(&r.namespace), r.name)
}

fn policy_path(scope: &PolicyScope, name: Option<&Name>) -> String {
    let base = match scope {
        PolicyScope::Global => "/v1/globalpolicies".to_owned(),
        PolicyScope::Namespace(ns) => format!("/v1/namespaces/{}/policies", ns_segment(ns)),
    };
    match name {
        Some(n) => format!("{base}/{n}"),
        None => base,
    }
}

fn policy_scope(p: &Policy) -> PolicyScope {
    p.scope()
}

impl RemoteStore {
    /// A client for `url`; with `ca_cert`, only the certificate authorities in that PEM file are
    /// trusted, else Mozilla's roots (webpki-roots).
    pub fn new(url: StoreUrl, ca_cert: Option<&Path>, auth: Auth) -> Result<RemoteStore> {
        let roots = match ca_cert {
            Some(path) => {
                let pem = std::fs::read(path).with_context(|| {
                    format!(
                        "cannot read the CA certificate file {}",
                        crate::output::shown_path(path)
                    )
                })?;
                let mut certs = vec![];
                for item in ureq::tls::parse_pem(&pem) {
                    match item {
                        Ok(ureq::tls::PemItem::Certificate(c)) => certs.push(c.to_owned()),
                        Ok(_) => {}
                        Err(e) => {
                            return Err(UserError::Usage(format!(
                                "--ca-cert {}: not a PEM certificate file ({e})",
                                crate::output::shown_path(path)
                            ))
                            .into());
                        }
                    }
                }
                if certs.is_empty() {
                    return Err(UserError::Usage(format!(
                        "--ca-cert {} holds no PEM certificate (-----BEGIN CERTIFICATE-----)",
                        crate::output::shown_path(path)
                    ))
                    .into());
                }
                ureq::tls::RootCerts::new_with_certs(&certs)
            }
            None => ureq::tls::RootCerts::WebPki,
        };
        let tls = ureq::tls::TlsConfig::builder()
            .root_certs(roots)
            .unversioned_rustls_crypto_provider(Arc::new(
                rustls::crypto::aws_lc_rs::default_provider(),
            ))
            .build();
        // A plain-http store is allowed only because the connection never leaves this machine:
        // a proxy from HTTP_PROXY/HTTPS_PROXY/ALL_PROXY would carry the bearer token in clear
        // text to another host (and reach that host's loopback, not ours). Loopback never goes
        // through a proxy; https follows the environment (CONNECT keeps TLS end to end).
        let proxy = if url.is_https() && !url.is_loopback_host() {
            ureq::Proxy::try_from_env()
        } else {
            None
        };
        let config = ureq::Agent::config_builder()
            .proxy(proxy)
            .tls_config(tls)
            .http_status_as_error(false)
            // The token must not follow a redirect to another host.
            .max_redirects(0)
            .timeout_connect(Some(if completing() {
                COMPLETION_TIMEOUT
            } else {
                CONNECT_TIMEOUT
            }))
            .timeout_global(Some(if completing() {
                COMPLETION_TIMEOUT
            } else {
                REQUEST_TIMEOUT
            }))
            .user_agent(concat!("svcacct/", env!("CARGO_PKG_VERSION")))
            .build();
        let resolver = super::connect_to::ConnectTo::from_env()?;
        Ok(RemoteStore {
            url,
            agent: ureq::Agent::with_parts(
                config,
                ureq::unversioned::transport::DefaultConnector::default(),
                resolver,
            ),
            auth,
            own_ca: ca_cert.is_some(),
            dry_run: Default::default(),
            page_size: page_size()?,
        })
    }

    pub fn url(&self) -> &StoreUrl {
        &self.url
    }

    /// From now on, the server checks each write and makes none (`--dry-run=server`).
    pub fn set_dry_run(&self) {
        self.dry_run
            .store(true, std::sync::atomic::Ordering::Relaxed);
    }

    /// `DELETE …/keys/{kid}` alone, and its answer's body if any: unlike `Store::remove_key`,
    /// no request follows, which the removal of the key it was signed with would refuse.
    pub fn delete_key(
        &self,
        r: &Reference,
        kid: &str,
        allow_last: bool,
    ) -> Result<Option<Vec<u8>>> {
        let path = format!("{}/keys/{}", account_path(r), segment(kid));
        let mut call = Call::new(Method::Delete, &path);
        if allow_last {
            call.query = Some("force=true");
        }
        self.send(call)
    }

    /// The `kid` of the self-signed token this client has sent (none for a fixed token, or
    /// before the first request).
    pub fn signing_kid(&self) -> Option<String> {
        use base64::Engine as _;
        let Auth::Signed { current, .. } = &self.auth else {
            return None;
        };
        let guard = current.lock().ok()?;
        let (bearer, _) = guard.as_ref()?;
        let header = bearer.token().split('.').next()?;
        let json = base64::engine::general_purpose::URL_SAFE_NO_PAD
            .decode(header)
            .ok()?;
        let header: serde_json::Value = serde_json::from_slice(&json).ok()?;
        header.get("kid")?.as_str().map(str::to_owned)
    }

    /// `GET /v1/whoami`: who the server thinks the caller is.
    pub fn whoami(&self) -> Result<Identity> {
        self.json(Call::new(Method::Get, "/v1/whoami"))
    }

    /// `GET /version`: the server's build.
    pub fn version(&self) -> Result<api::VersionInfo> {
        self.json(Call::new(Method::Get, api::VERSION_PATH))
    }

    /// `POST /v1/tokenreviews`.
    pub fn token_review(&self, req: &api::TokenReviewRequest) -> Result<api::TokenReview> {
        self.json(Call::new(Method::Post, "/v1/tokenreviews").json(req)?)
    }

    /// `GET …/serviceaccounts/{name}/jwks`: the account's key set, as gateways fetch it.
    pub fn account_jwks(&self, r: &Reference) -> Result<serde_json::Value> {
        self.json(Call::new(Method::Get, &format!("{}/jwks", account_path(r))))
            .map_err(|e| not_found_as(e, || super::unknown_account(r)))
    }

    /// `GET /.well-known/jwks.json`: the issuer's key set.
    pub fn issuer_jwks(&self) -> Result<serde_json::Value> {
        self.json(Call::new(Method::Get, api::ISSUER_JWKS))
    }

    /// `POST /v1/accessreviews`.
    pub fn access_review(&self, req: &api::AccessReviewRequest) -> Result<api::AccessReview> {
        self.json(Call::new(Method::Post, "/v1/accessreviews").json(req)?)
    }

    /// `PUT` of an account; its labels only with `labels` (a read-modify-write that did not
    /// change them leaves them out, so a server from before labels, which refuses unknown
    /// fields, still takes the update).
    fn put_account(&self, account: Account, labels: bool) -> Result<Account> {
        let path = account_path(&account.reference());
        let mut call = Call::new(Method::Put, &path).json(&AccountChange {
            uid: account.uid.clone(),
            description: account.description.clone(),
            groups: account.groups.clone(),
            labels: labels.then(|| account.labels.clone()),
            disabled: account.disabled,
            expires: account.expires,
        })?;
        call.if_match = Some(account.revision);
        let shown: AccountAnswer = self.json(call)?;
        Ok(as_stored(shown, account, |a, r| a.revision = r.revision))
    }

    /// As `put_account`, for a policy.
    fn put_policy(&self, policy: Policy, labels: bool) -> Result<Policy> {
        let path = policy_path(&policy_scope(&policy), Some(&policy.name));
        let mut call = Call::new(Method::Put, &path).json(&PolicyChange {
            uid: policy.uid.clone(),
            description: policy.description.clone(),
            labels: labels.then(|| policy.labels.clone()),
            subjects: policy.subjects.clone(),
            actions: policy.actions.clone(),
            resources: policy.resources.clone(),
        })?;
        call.if_match = Some(policy.revision);
        let shown: PolicyAnswer = self.json(call)?;
        Ok(as_stored(shown, policy, |p, r| p.revision = r.revision))
    }

    fn json<T: DeserializeOwned>(&self, call: Call<'_>) -> Result<T> {
        let what = format!("{} {}", call.method.as_str(), call.path);
        let bytes = self.send(call)?.unwrap_or_default();
        serde_json::from_slice(&bytes).map_err(|e| {
            UserError::Failure(format!(
                "the svcacct server at {} gave an answer to {} that is not what svcacct expects ({}); \
                 are the client and server versions compatible?",
                self.url,
                sanitize(&what),
                sanitize(&e.to_string())
            ))
            .into()
        })
    }

    fn list<T: DeserializeOwned>(&self, path: &str) -> Result<Listing<T>> {
        self.list_selected(path, None)
    }

    /// The accounts of `scope` (the API lists one namespace or all of them), or those of them
    /// that `selector` picks.
    fn accounts_in(&self, scope: &Scope, selector: Option<&Selector>) -> Result<Listing<Account>> {
        let mut listing: Listing<Account> = match scope {
            Scope::Namespace(ns) => self.list_selected(&accounts_path(ns), selector)?,
            _ => self.list_selected("/v1/serviceaccounts", selector)?,
        };
        listing.items.retain(|a| scope.covers(Some(&a.namespace)));
        Ok(listing)
    }

    /// As `accounts_in`, for policies.
    fn policies_in(&self, scope: &Scope, selector: Option<&Selector>) -> Result<Listing<Policy>> {
        let mut listing: Listing<Policy> = match scope {
            Scope::Namespace(ns) => self.list_selected(
                &policy_path(&PolicyScope::Namespace(ns.clone()), None),
                selector,
            )?,
            _ => self.list_selected("/v1/policies", selector)?,
        };
        listing.items.retain(|p| scope.covers(p.namespace.as_ref()));
        Ok(listing)
    }

    /// An account's issued tokens, in one answer: they are one record (the account's token
    /// file), kept in the order they were issued, which pages (in the order of their names)
    /// would not keep.
    fn list_tokens_of(
        &self,
        r: &Reference,
        selector: Option<&Selector>,
    ) -> Result<Vec<TokenRecord>> {
        let path = format!("{}/tokens", account_path(r));
        let query = selector.map(|s| format!("labelSelector={}", query_value(s.as_str())));
        let mut call = Call::new(Method::Get, &path);
        call.query = query.as_deref();
        call.limit = MAX_LIST_BYTES;
        let body: ListBody<TokenRecord> = self
            .json(call)
            .map_err(|e| not_found_as(e, || super::unknown_account(r)))?;
        Ok(body.items)
    }

    /// A list, filtered by the server when `selector` is given (`?labelSelector=`): the
    /// records it leaves out are never sent. Asked in pages of `page_size` (`?limit=`),
    /// following `metadata.continue` to the end; a server without paging answers whole.
    fn list_selected<T: DeserializeOwned>(
        &self,
        path: &str,
        selector: Option<&Selector>,
    ) -> Result<Listing<T>> {
        let mut base = match selector {
            Some(s) => format!("labelSelector={}&", query_value(s.as_str())),
            None => String::new(),
        };
        base.push_str(&format!("limit={}", self.page_size));
        let mut listing = Listing {
            items: vec![],
            errors: vec![],
        };
        let mut next: Option<String> = None;
        let mut seen = std::collections::HashSet::new();
        loop {
            let query = match &next {
                None => base.clone(),
                Some(token) => format!("{base}&continue={}", query_value(token)),
            };
            let mut call = Call::new(Method::Get, path);
            call.query = Some(&query);
            call.limit = MAX_LIST_BYTES;
            let body: ListBody<T> = self.json(call)?;
            listing.items.extend(body.items);
            // A warning may come with several pages (an engine that reads the whole scope
            // reports its unreadable records with each): each is shown once.
            for w in body.warnings {
                if seen.insert(w.clone()) {
                    listing.errors.push(UserError::Failure(sanitize(&w)));
                }
            }
            next = body.metadata.and_then(|m| m.continue_);
            if next.is_none() {
                return Ok(listing);
            }
        }
    }

    /// Sends the request, retrying as the module says. `Ok(None)` for an answer without a body.
    fn send(&self, call: Call<'_>) -> Result<Option<Vec<u8>>> {
        let mut uri = format!("{}{}", self.url.as_str(), call.path);
        let dry_run =
            call.method != Method::Get && self.dry_run.load(std::sync::atomic::Ordering::Relaxed);
        let mut query: Vec<&str> = call.query.into_iter().collect();
        if dry_run {
            query.push("dryRun=All");
        }
        if !query.is_empty() {
            uri.push('?');
            uri.push_str(&query.join("&"));
        }
        let auth = self.auth.authorization()?;
        let mut attempt = 1;
        let tries = if completing() { 1 } else { TRIES };
        // An earlier attempt may have been carried out although no answer came back.
        let mut maybe_applied = false;
        loop {
            let mut req = http::Request::builder()
                .method(call.method.as_str())
                .uri(&uri)
                .header(http::header::ACCEPT, "application/json");
            if let Some(auth) = &auth {
                req = req.header(http::header::AUTHORIZATION, auth.clone());
            }
            if let Some(rev) = call.if_match {
                req = req.header(http::header::IF_MATCH, api::etag(rev));
            }
            if call.body.is_some() {
                req = req.header(http::header::CONTENT_TYPE, "application/json");
            }
            let req = req
                .body(call.body.clone().unwrap_or_default())
                .map_err(|e| UserError::Usage(format!("cannot build the request to {uri}: {e}")))?;
            let started = std::time::Instant::now();
            let method = call.method.as_str();
            log_start(method, &uri, attempt);
            match self.agent.run(req) {
                Ok(mut resp) => {
                    let status = resp.status().as_u16();
                    log_answer(method, &uri, &resp, started.elapsed(), attempt);
                    if status >= 500 && call.method != Method::Post && attempt < tries {
                        log_retry(method, &uri, &format!("answered {status}"), attempt);
                        backoff(attempt);
                        attempt += 1;
                        maybe_applied = true;
                        continue;
                    }
                    if status == 404 && call.method == Method::Delete && maybe_applied {
                        // The attempt whose answer was lost deleted it.
                        return Ok(None);
                    }
                    let body = resp
                        .body_mut()
                        .with_config()
                        .limit(call.limit)
                        .read_to_vec();
                    let body = match body {
                        Ok(b) => b,
                        Err(ureq::Error::BodyExceedsLimit(_)) => {
                            return Err(UserError::Failure(format!(
                                "the answer of the svcacct server at {} is larger than {} MiB",
                                self.url,
                                call.limit >> 20
                            ))
                            .into());
                        }
                        Err(e) => return Err(self.network_error(e).into()),
                    };
                    if (200..300).contains(&status) {
                        return Ok(if body.is_empty() { None } else { Some(body) });
                    }
                    return Err(self.problem(status, &body).into());
                }
                Err(e) => {
                    tracing::info!(
                        target: crate::logging::HTTP,
                        "{method} {} failed after {} ms: {}",
                        sanitize(&uri),
                        started.elapsed().as_millis(),
                        sanitize(&e.to_string())
                    );
                    let retry = before_send(&e)
                        || (call.method != Method::Post && is_network(&e) && !is_timeout(&e));
                    if retry && attempt < tries {
                        log_retry(method, &uri, "no answer", attempt);
                        maybe_applied |= !before_send(&e);
                        backoff(attempt);
                        attempt += 1;
                        continue;
                    }
                    return Err(self.network_error(e).into());
                }
            }
        }
    }

    /// The error for an answer that is not 2xx.
    fn problem(&self, status: u16, body: &[u8]) -> UserError {
        let problem = match serde_json::from_slice::<Problem>(body) {
            Ok(p) if p.status == status || p.status == 0 => p,
            _ => Problem::new(
                status,
                code_for(status),
                format!(
                    "the svcacct server at {} answered {status} {} (is {} a svcacct server?)",
                    self.url,
                    api::title(status),
                    self.url
                ),
            ),
        };
        match problem.into_user_error() {
            UserError::Remote {
                status: 401,
                code,
                detail,
            } => UserError::Remote {
                status: 401,
                code,
                detail: format!(
                    "the server at {} did not accept the credentials: {detail}",
                    self.url
                ),
            },
            e => e,
        }
    }

    fn network_error(&self, e: ureq::Error) -> UserError {
        let url = &self.url;
        if let Some(tls) = tls_cause(&e) {
            let hint = if self.url.is_https() && !self.own_ca {
                " (if the server's certificate comes from a private CA, pass --ca-cert FILE)"
            } else {
                ""
            };
            return UserError::Failure(format!(
                "TLS with the svcacct server at {url} failed: {}{hint}",
                sanitize(&tls)
            ));
        }
        match e {
            ureq::Error::Timeout(t) => UserError::Failure(format!(
                "the svcacct server at {url} did not answer in time ({})",
                match t {
                    ureq::Timeout::Connect | ureq::Timeout::Resolve =>
                        format!("no connection within {}s", CONNECT_TIMEOUT.as_secs()),
                    _ => format!("no answer within {}s", REQUEST_TIMEOUT.as_secs()),
                }
            )),
            ureq::Error::StatusCode(s) => self.problem(s, b""),
            ureq::Error::HostNotFound => UserError::Failure(format!(
                "cannot reach the svcacct server at {url}: host not found"
            )),
            e => UserError::Failure(format!(
                "cannot reach the svcacct server at {url}: {}",
                sanitize(&e.to_string())
            )),
        }
    }
}

/// What `-v`'s request lines add after a retry: " (try 2 of 3)"; nothing on the first try.
fn tries_note(attempt: u32) -> String {
    if attempt > 1 {
        format!(" (try {attempt} of {TRIES})")
    } else {
        String::new()
    }
}

/// `-v`: a request as it starts, so that a server that does not answer shows what svcacct is
/// waiting for (as kubectl's `-v=7` request line): its method and URL, never its headers.
fn log_start(method: &str, uri: &str, attempt: u32) {
    let tries = tries_note(attempt);
    tracing::info!(
        target: crate::logging::HTTP,
        "{method} {}{tries} ...",
        sanitize(uri)
    );
}

/// `-v`: the request's line when its answer came; `-vv`: the answer's headers too
/// (`crate::logging`). The request's own headers, its bearer token among them, are never
/// logged.
fn log_answer(
    method: &str,
    uri: &str,
    resp: &http::Response<ureq::Body>,
    took: Duration,
    attempt: u32,
) {
    let status = resp.status();
    let tries = tries_note(attempt);
    tracing::info!(
        target: crate::logging::HTTP,
        "{method} {} {} {} in {} ms{tries}",
        sanitize(uri),
        status.as_u16(),
        status.canonical_reason().unwrap_or(""),
        took.as_millis()
    );
    if tracing::enabled!(target: crate::logging::HTTP, tracing::Level::DEBUG) {
        for (name, value) in resp.headers() {
            tracing::debug!(
                target: crate::logging::HTTP,
                "  {name}: {}",
                crate::logging::header_value(name.as_str(), value.as_bytes())
            );
        }
    }
}

fn log_retry(method: &str, uri: &str, why: &str, attempt: u32) {
    tracing::info!(
        target: crate::logging::HTTP,
        "{method} {}: {why}; trying again ({} of {TRIES}) in {} ms",
        sanitize(uri),
        attempt + 1,
        200 * 4u64.pow(attempt - 1)
    );
}

fn backoff(attempt: u32) {
    std::thread::sleep(Duration::from_millis(200 * 4u64.pow(attempt - 1)));
}

/// The `code` of a status without a problem body.
fn code_for(status: u16) -> &'static str {
    use api::code::*;
    match status {
        400 => INVALID,
        401 => UNAUTHORIZED,
        403 => FORBIDDEN,
        404 => NOT_FOUND,
        405 => METHOD_NOT_ALLOWED,
        408 => TIMEOUT,
        409 => CONFLICT,
        413 => TOO_LARGE,
        415 => UNSUPPORTED_MEDIA_TYPE,
        422 => REFUSED,
        428 => PRECONDITION_REQUIRED,
        503 => UNAVAILABLE,
        _ => INTERNAL,
    }
}

/// Failed before any byte of the request left: safe to retry, even a `POST`.
fn before_send(e: &ureq::Error) -> bool {
    match e {
        ureq::Error::ConnectionFailed | ureq::Error::HostNotFound => true,
        ureq::Error::Timeout(ureq::Timeout::Connect | ureq::Timeout::Resolve) => true,
        ureq::Error::Io(io) => matches!(
            io.kind(),
            std::io::ErrorKind::ConnectionRefused
                | std::io::ErrorKind::AddrNotAvailable
                | std::io::ErrorKind::NetworkUnreachable
                | std::io::ErrorKind::HostUnreachable
        ),
        _ => false,
    }
}

fn is_network(e: &ureq::Error) -> bool {
    matches!(
        e,
        ureq::Error::Io(_)
            | ureq::Error::Timeout(_)
            | ureq::Error::ConnectionFailed
            | ureq::Error::HostNotFound
            | ureq::Error::Protocol(_)
    ) && tls_cause(e).is_none()
}

/// A whole-request timeout is not retried: three of them would keep the user waiting minutes.
fn is_timeout(e: &ureq::Error) -> bool {
    matches!(e, ureq::Error::Timeout(t) if !matches!(t, ureq::Timeout::Connect | ureq::Timeout::Resolve))
}

/// The TLS failure inside `e`, if it is one.
fn tls_cause(e: &ureq::Error) -> Option<String> {
    match e {
        ureq::Error::Rustls(r) => Some(r.to_string()),
        ureq::Error::Tls(s) => Some((*s).to_owned()),
        ureq::Error::Pem(p) => Some(p.to_string()),
        ureq::Error::Io(io) => io
            .get_ref()
            .and_then(|inner| inner.downcast_ref::<rustls::Error>())
            .map(|r| r.to_string()),
        _ => None,
    }
}

fn new_account(a: &Account) -> NewAccount {
    NewAccount {
        name: a.name.clone(),
        description: a.description.clone(),
        groups: a.groups.clone(),
        labels: a.labels.clone(),
        disabled: a.disabled,
        expires: a.expires,
        public_keys: a.keys.iter().map(|k| k.public_key.clone()).collect(),
        key_algorithm: a.keys.first().map(|k| k.algorithm),
        impersonates: a.impersonates.clone(),
    }
}

/// The record a create or an update stored, from what the server showed of it: the record, or
/// to a caller that may not read it its reference, with which `sent` (what this client asked
/// the server to store, so what it stored: a create names every field, and an update's
/// `If-Match` ensures it changed the record that was read) becomes the stored record, with the
/// server's uid and revision by `adopt` (the dates stay as this client set them).
fn as_stored<T, R>(shown: api::Shown<T, R>, mut sent: T, adopt: impl FnOnce(&mut T, R)) -> T {
    match shown {
        Shown::Record(record) => record,
        Shown::Reference(r) => {
            adopt(&mut sent, r);
            sent
        }
    }
}

fn namespace_path(ns: &Namespace) -> String {
    format!("/v1/namespaces/{}", ns_segment(ns))
}

/// A 404 `not-found` answer as the store error `missing` makes; any other error unchanged.
fn not_found_as(e: anyhow::Error, missing: impl FnOnce() -> UserError) -> anyhow::Error {
    match e.downcast_ref::<UserError>() {
        Some(UserError::Remote {
            status: 404, code, ..
        }) if code == api::code::NOT_FOUND => missing().into(),
        _ => e,
    }
}

impl Store for RemoteStore {
    fn engine(&self) -> Option<&dyn super::Engine> {
        None
    }

    /// A read, a change here, and an update pinned to the revision read (`If-Match`): on a
    /// conflict with a concurrent writer, read again and re-apply `change`, so no update is
    /// lost and none is applied twice to the same revision.
    fn modify_account(
        &self,
        r: &Reference,
        change: &mut dyn FnMut(&mut Account) -> Result<()>,
    ) -> Result<Account> {
        super::retry_on_conflict(|| {
            let mut account = self.get_account(r)?;
            let labels = account.labels.clone();
            change(&mut account)?;
            account.updated = jiff::Timestamp::now();
            let send_labels = account.labels != labels;
            self.put_account(account, send_labels)
        })
    }

    /// As `modify_account`, for policies.
    fn modify_policy(
        &self,
        scope: &PolicyScope,
        name: &Name,
        change: &mut dyn FnMut(&mut Policy) -> Result<()>,
    ) -> Result<Policy> {
        super::retry_on_conflict(|| {
            let mut policy = self.get_policy(scope, name)?;
            let labels = policy.labels.clone();
            change(&mut policy)?;
            policy.updated = jiff::Timestamp::now();
            let send_labels = policy.labels != labels;
            self.put_policy(policy, send_labels)
        })
    }

    /// True for `default` and for namespaces the caller may `get`.
    fn namespace_exists(&self, ns: &Namespace) -> Result<bool> {
        if ns.is_default() {
            return Ok(true);
        }
        match self.get_namespace(ns) {
            Ok(_) => Ok(true),
            Err(e)
                if matches!(
                    e.downcast_ref::<UserError>(),
                    Some(UserError::UnknownNamespace { .. })
                ) =>
            {
                Ok(false)
            }
            Err(e) => Err(e),
        }
    }

    fn get_account(&self, r: &Reference) -> Result<Account> {
        // The trait's promise: a missing record is `UnknownAccount`, as in the other stores
        // (`token::verify` and others tell it apart from a failure).
        self.json(Call::new(Method::Get, &account_path(r)))
            .map_err(|e| not_found_as(e, || super::unknown_account(r)))
    }

    fn list_accounts(&self, scope: &Scope) -> Result<Listing<Account>> {
        self.accounts_in(scope, None)
    }

    fn select_accounts(&self, scope: &Scope, selector: &Selector) -> Result<Listing<Account>> {
        self.accounts_in(scope, Some(selector))
    }

    fn create_account(&self, account: Account) -> Result<Account> {
        let path = accounts_path(&account.namespace);
        let shown: AccountAnswer =
            self.json(Call::new(Method::Post, &path).json(&new_account(&account))?)?;
        Ok(as_stored(shown, account, |a, r| {
            (a.uid, a.revision) = (r.uid, r.revision)
        }))
    }

    fn update_account(&self, account: Account) -> Result<Account> {
        self.put_account(account, true)
    }

    fn delete_account(&self, r: &Reference) -> Result<()> {
        self.send(Call::new(Method::Delete, &account_path(r)))?;
        Ok(())
    }

    /// The server renames and moves the grants in one request.
    fn rename_with_grants(&self, from: &Reference, to: &Name) -> Result<api::Renamed> {
        let path = format!("{}/rename", account_path(from));
        self.json(Call::new(Method::Post, &path).json(&Rename {
            new_name: to.clone(),
        })?)
        .map_err(|e| not_found_as(e, || super::unknown_account(from)))
    }

    fn get_namespace(&self, ns: &Namespace) -> Result<NamespaceRecord> {
        self.json(Call::new(Method::Get, &namespace_path(ns)))
            .map_err(|e| not_found_as(e, || super::unknown_namespace(ns)))
    }

    /// The namespaces the caller may `get`.
    fn list_namespaces(&self) -> Result<Listing<NamespaceRecord>> {
        self.list("/v1/namespaces")
    }

    fn select_namespaces(&self, selector: &Selector) -> Result<Listing<NamespaceRecord>> {
        self.list_selected("/v1/namespaces", Some(selector))
    }

    /// The server checks that the namespace exists (the caller may not be allowed to `get` it).
    fn create_account_checked(&self, account: Account) -> Result<Account> {
        self.create_account(account)
    }

    /// As `create_account_checked`.
    fn create_policy_checked(&self, policy: Policy) -> Result<Policy> {
        self.create_policy(policy)
    }

    fn create_namespace(
        &self,
        ns: &Namespace,
        defaults: bool,
        labels: Labels,
    ) -> Result<api::NamespaceCreated> {
        self.json(
            Call::new(Method::Post, "/v1/namespaces").json(&api::NewNamespace {
                name: ns.clone(),
                defaults,
                labels,
            })?,
        )
    }

    fn delete_namespace(&self, ns: &Namespace) -> Result<api::NamespaceDeleted> {
        self.json(Call::new(Method::Delete, &namespace_path(ns)))
            .map_err(|e| not_found_as(e, || super::unknown_namespace(ns)))
    }

    /// What the caller can see of it: the namespace and the child namespaces it may `get`,
    /// with their accounts and policies. (The server deletes whatever is there.)
    fn namespace_contents(&self, ns: &Namespace) -> Result<api::NamespaceDeleted> {
        let mut namespaces: Vec<Namespace> = self
            .list_namespaces()?
            .items
            .into_iter()
            .map(|r| r.name)
            .filter(|n| n.is_within(ns) && n != ns)
            .collect();
        namespaces.insert(0, ns.clone());
        let mut accounts = vec![];
        let mut policies = vec![];
        for n in &namespaces {
            accounts.extend(self.list_accounts(&Scope::Namespace(n.clone()))?.items);
            policies.extend(self.list_policies(&Scope::Namespace(n.clone()))?.items);
        }
        Ok(api::NamespaceDeleted {
            namespaces,
            accounts: accounts.into_iter().map(Shown::Record).collect(),
            policies: policies.into_iter().map(Shown::Record).collect(),
        })
    }

    fn get_policy(&self, scope: &PolicyScope, name: &Name) -> Result<Policy> {
        self.json(Call::new(Method::Get, &policy_path(scope, Some(name))))
            .map_err(|e| not_found_as(e, || super::unknown_policy(scope, name)))
    }

    fn list_policies(&self, scope: &Scope) -> Result<Listing<Policy>> {
        self.policies_in(scope, None)
    }

    fn select_policies(&self, scope: &Scope, selector: &Selector) -> Result<Listing<Policy>> {
        self.policies_in(scope, Some(selector))
    }

    fn create_policy(&self, policy: Policy) -> Result<Policy> {
        let path = policy_path(&policy_scope(&policy), None);
        let shown: PolicyAnswer =
            self.json(Call::new(Method::Post, &path).json(&NewPolicy {
                name: policy.name.clone(),
                description: policy.description.clone(),
                labels: policy.labels.clone(),
                subjects: policy.subjects.clone(),
                actions: policy.actions.clone(),
                resources: policy.resources.clone(),
            })?)?;
        Ok(as_stored(shown, policy, |p, r| {
            (p.uid, p.revision) = (r.uid, r.revision)
        }))
    }

    fn update_policy(&self, policy: Policy) -> Result<Policy> {
        self.put_policy(policy, true)
    }

    fn delete_policy(&self, scope: &PolicyScope, name: &Name) -> Result<()> {
        self.send(Call::new(Method::Delete, &policy_path(scope, Some(name))))?;
        Ok(())
    }

    fn add_key(&self, r: &Reference, key: KeyRecord) -> Result<AccountAnswer> {
        let path = format!("{}/keys", account_path(r));
        self.json(Call::new(Method::Post, &path).json(&NewKey {
            public_key: key.public_key,
            algorithm: Some(key.algorithm),
        })?)
    }

    fn remove_key(&self, r: &Reference, kid: &str, allow_last: bool) -> Result<Account> {
        match self.delete_key(r, kid, allow_last)? {
            Some(body) => serde_json::from_slice(&body).or_else(|_| self.get_account(r)),
            None => self.get_account(r),
        }
    }

    fn set_disabled(&self, r: &Reference, disabled: bool) -> Result<AccountAnswer> {
        let verb = if disabled { "disable" } else { "enable" };
        let path = format!("{}/{verb}", account_path(r));
        // A missing account is `UnknownAccount`, as in the other stores (the trait's promise).
        self.json(Call::new(Method::Post, &path))
            .map_err(|e| not_found_as(e, || super::unknown_account(r)))
    }

    fn issuer(&self) -> Result<Option<IssuerView>> {
        match self.json(Call::new(Method::Get, api::ISSUER_PATH)) {
            Ok(v) => Ok(Some(v)),
            Err(e) => match e.downcast_ref::<UserError>() {
                Some(UserError::Remote {
                    status: 404, code, ..
                }) if code == api::code::NOT_FOUND => Ok(None),
                _ => Err(e),
            },
        }
    }

    fn init_issuer(
        &self,
        _alg: IssuerAlgorithm,
        _secret: Option<Secret>,
        _url: Option<String>,
        _jwks_max_age: Option<u64>,
    ) -> Result<IssuerView> {
        Err(UserError::Usage(format!(
            "the issuer of {} lives with the server's store: run `svcacct issuer init` there \
             (--store DIR), so that no secret travels",
            self.url
        ))
        .into())
    }

    fn set_issuer_url(&self, _url: &str, _force: bool) -> Result<(IssuerView, UrlChange)> {
        Err(UserError::Usage(format!(
            "the issuer URL of {} is set with the server's store: run `svcacct issuer set-url` \
             there (--store DIR), or start the server with `svcacct serve --issuer-url`",
            self.url
        ))
        .into())
    }

    fn set_issuer_jwks_max_age(&self, _seconds: u64) -> Result<(IssuerView, u64)> {
        Err(UserError::Usage(format!(
            "the JWKS max-age of the issuer of {} is set with the server's store: run \
             `svcacct issuer set-jwks-max-age` there (--store DIR); every server on that store \
             follows it",
            self.url
        ))
        .into())
    }

    fn rotate_issuer(&self, secret: Option<Secret>, how: &RotateRequest) -> Result<IssuerView> {
        if secret.is_some() {
            return Err(UserError::Usage(format!(
                "an HMAC secret never travels: rotate the issuer of {} on the server's store \
                 (--store DIR)",
                self.url
            ))
            .into());
        }
        self.json(Call::new(Method::Post, api::ISSUER_ROTATE).json(how)?)
    }

    fn list_tokens(&self, r: &Reference) -> Result<Vec<TokenRecord>> {
        self.list_tokens_of(r, None)
    }

    fn select_tokens(&self, r: &Reference, selector: &Selector) -> Result<Vec<TokenRecord>> {
        self.list_tokens_of(r, Some(selector))
    }

    fn issue_token(&self, r: &Reference, req: &IssueRequest) -> Result<IssuedToken> {
        let path = format!("{}/tokens", account_path(r));
        self.json(Call::new(Method::Post, &path).json(req)?)
    }

    fn request_token(&self, r: &Reference, req: &TokenRequest) -> Result<RequestedToken> {
        let path = format!("{}/token", account_path(r));
        self.json(Call::new(Method::Post, &path).json(req)?)
    }

    fn revoke_token(&self, r: &Reference, name: &Name) -> Result<()> {
        let path = format!("{}/tokens/{name}", account_path(r));
        self.send(Call::new(Method::Delete, &path))?;
        Ok(())
    }

    fn regenerate_token(&self, r: &Reference, name: &Name) -> Result<IssuedToken> {
        let path = format!("{}/tokens/{name}/regenerate", account_path(r));
        self.json(Call::new(Method::Post, &path))
    }

    fn rename_token(&self, r: &Reference, from: &Name, to: &Name) -> Result<api::TokenAnswer> {
        let path = format!("{}/tokens/{from}/rename", account_path(r));
        self.json(Call::new(Method::Post, &path).json(&TokenRename { name: to.clone() })?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A loopback server that answers connection `i` with `answers[i]`: `None` reads the
    /// request and hangs up without a word. Returns the store's URL and how many requests came.
    fn scripted<S: AsRef<str> + Send + 'static>(
        answers: Vec<Option<S>>,
    ) -> (StoreUrl, std::thread::JoinHandle<usize>) {
        use std::io::{Read, Write};
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let url = StoreUrl::parse(&format!("http://{}", listener.local_addr().unwrap())).unwrap();
        let handle = std::thread::spawn(move || {
            let mut served = 0;
            for answer in answers {
                let (mut conn, _) = listener.accept().unwrap();
                let mut seen = vec![];
                let mut buf = [0u8; 1024];
                while !seen.windows(4).any(|w| w == b"\r\n\r\n") {
                    let n = conn.read(&mut buf).unwrap();
                    assert!(n > 0, "the client hung up");
                    seen.extend_from_slice(&buf[..n]);
                }
                // The body too: a socket closed with unread bytes is reset, and a client that
                // meets the reset before the answer sends the request again (taking the next
                // scripted answer: the test then failed now and then).
                let head_end = seen.windows(4).position(|w| w == b"\r\n\r\n").unwrap() + 4;
                let head = String::from_utf8_lossy(&seen[..head_end]).to_ascii_lowercase();
                let length: usize = head
                    .lines()
                    .find_map(|l| l.strip_prefix("content-length:"))
                    .map_or(0, |v| v.trim().parse().unwrap());
                while seen.len() < head_end + length {
                    let n = conn.read(&mut buf).unwrap();
                    assert!(n > 0, "the client hung up");
                    seen.extend_from_slice(&buf[..n]);
                }
                served += 1;
                if let Some(body) = answer {
                    let body = body.as_ref();
                    let status = body.split_once(' ').unwrap().0;
                    let body = body.split_once(' ').unwrap().1;
                    write!(
                        conn,
                        "HTTP/1.1 {status} X\r\ncontent-type: application/problem+json\r\n\
                         content-length: {}\r\nconnection: close\r\n\r\n{body}",
                        body.len()
                    )
                    .unwrap();
                }
            }
            served
        });
        (url, handle)
    }

    const NOT_FOUND: &str = r#"404 {"type":"urn:svcacct:problem:not-found","title":"Not Found","status":404,"detail":"unknown service account `a` in namespace `default` (see `svcacct get`)","code":"not-found"}"#;

    /// A DELETE whose answer was lost is sent again; the 404 it then gets means the first one
    /// did it. A GET is retried too, but its 404 stays a 404.
    #[test]
    fn a_lost_answer_is_retried_and_a_repeated_delete_is_done() {
        let r = Reference::parse_canonical("a").unwrap();
        let store = |url| {
            RemoteStore::new(url, None, Auth::Fixed(Bearer::new("x.y.z", "t").unwrap())).unwrap()
        };
        let (url, server) = scripted(vec![None, Some(NOT_FOUND)]);
        store(url).delete_account(&r).unwrap();
        assert_eq!(server.join().unwrap(), 2);

        let (url, server) = scripted(vec![None, Some(NOT_FOUND)]);
        let e = store(url).get_account(&r).unwrap_err();
        assert!(
            format!("{e:#}").starts_with("unknown service account `a`"),
            "{e:#}"
        );
        assert_eq!(server.join().unwrap(), 2);

        // Without a lost answer, a DELETE's 404 is the user's error, and a 4xx is never retried.
        let (url, server) = scripted(vec![Some(NOT_FOUND)]);
        let e = store(url).delete_account(&r).unwrap_err();
        assert!(
            format!("{e:#}").starts_with("unknown service account `a`"),
            "{e:#}"
        );
        assert_eq!(server.join().unwrap(), 1);
    }

    /// A write's answer to a caller that may not read the record is its reference: `enable`
    /// gives it back as it is, and an update gives the record it sent, at the server's
    /// revision. The record itself, when the server shows it, is taken as it is.
    #[test]
    fn a_write_answered_with_a_reference_is_taken() {
        let store = |url| {
            RemoteStore::new(url, None, Auth::Fixed(Bearer::new("x.y.z", "t").unwrap())).unwrap()
        };
        let mut sent = crate::store::memory::tests::account("eng/app");
        sent.description = "what I wrote".into();
        let reference = |revision: u64| {
            format!(
                r#"200 {{"kind":"ServiceAccountReference","reference":"eng/app","namespace":"eng","name":"app","uid":"{}","revision":{revision}}}"#,
                sent.uid
            )
        };
        let (url, server) = scripted(vec![Some(reference(8)), Some(reference(9))]);
        let store = store(url);
        let shown = store.set_disabled(&sent.reference(), false).unwrap();
        assert_eq!(
            shown,
            Shown::Reference(api::AccountRef::of(&sent_at(&sent, 8)))
        );
        let stored = store.update_account(sent.clone()).unwrap();
        assert_eq!(stored, sent_at(&sent, 9));
        assert_eq!(server.join().unwrap(), 2);

        let full = serde_json::to_string(&api::AccountView::new(
            &sent_at(&sent, 10),
            jiff::Timestamp::now(),
        ))
        .unwrap();
        let (url, server) = scripted(vec![Some(format!("200 {full}"))]);
        let shown = RemoteStore::new(url, None, Auth::Fixed(Bearer::new("x.y.z", "t").unwrap()))
            .unwrap()
            .set_disabled(&sent.reference(), false)
            .unwrap();
        assert_eq!(shown, Shown::Record(sent_at(&sent, 10)));
        assert_eq!(server.join().unwrap(), 1);
    }

    fn sent_at(a: &Account, revision: u64) -> Account {
        Account {
            revision,
            ..a.clone()
        }
    }

    /// A signed token is reused while it has more than a minute left, and replaced after.
    #[test]
    fn signed_tokens_are_renewed_before_they_expire() {
        use std::sync::atomic::{AtomicU32, Ordering};
        let signed = std::sync::Arc::new(AtomicU32::new(0));
        let lifetime = |secs| {
            let signed = signed.clone();
            Auth::signed(move || {
                let n = signed.fetch_add(1, Ordering::SeqCst);
                let exp = jiff::Timestamp::now() + jiff::SignedDuration::from_secs(secs);
                Ok((Bearer::new(&format!("t.{n}.x"), "test")?, exp))
            })
        };
        let long = lifetime(300);
        assert_eq!(long.header().unwrap(), "Bearer t.0.x");
        assert_eq!(long.header().unwrap(), "Bearer t.0.x");
        assert_eq!(signed.load(Ordering::SeqCst), 1);
        let short = lifetime(30);
        assert_eq!(short.header().unwrap(), "Bearer t.1.x");
        assert_eq!(short.header().unwrap(), "Bearer t.2.x");
        assert!(short.header().unwrap().is_sensitive());
        assert_eq!(format!("{short:?}"), "Auth::Signed(REDACTED)");
    }

    #[test]
    fn urls_and_paths() {
        assert!(is_url("https://registry.example:8420"));
        assert!(is_url("http://127.0.0.1:1"));
        assert!(is_url("HTTPS://x"));
        assert!(is_url("ftp://x"));
        assert!(!is_url("/srv/svcacct"));
        assert!(!is_url("store"));
        assert!(!is_url("./a://b"));
        assert!(!is_url("C:/x"));
    }

    #[test]
    fn loopback_rule() {
        for ok in [
            "http://127.0.0.1:8420",
            "http://localhost:1/",
            "http://[::1]:8420",
            "http://127.1.2.3",
            "https://registry.example:8420",
            "https://10.0.0.1",
        ] {
            StoreUrl::parse(ok).unwrap_or_else(|e| panic!("{ok}: {e}"));
        }
        for bad in [
            "http://10.0.0.1:8420",
            "http://registry.example",
            "http://0.0.0.0:8420",
            "http://localhost.evil.example",
        ] {
            let e = StoreUrl::parse(bad).unwrap_err().to_string();
            assert!(e.contains("use https://"), "{bad}: {e}");
        }
        for bad in [
            "ftp://x",
            "https://user:pw@host",
            "https://host/?a=b",
            "https://",
        ] {
            assert!(StoreUrl::parse(bad).is_err(), "{bad}");
        }
        assert_eq!(
            StoreUrl::parse("HTTPS://Reg.Example:8420/svcacct/")
                .unwrap()
                .as_str(),
            "https://reg.example:8420/svcacct"
        );
    }

    #[test]
    fn tokens_are_never_shown() {
        let b = Bearer::new(" a.b.c\n", "SVCACCT_TOKEN").unwrap();
        assert_eq!(b.token(), "a.b.c");
        assert_eq!(format!("{b:?}"), "Bearer(REDACTED)");
        let e = Bearer::new("a b", "FILE").unwrap_err().to_string();
        assert!(!e.contains("a b"), "{e}");
        let store = RemoteStore::new(
            StoreUrl::parse("http://127.0.0.1:1").unwrap(),
            None,
            Auth::Fixed(b),
        )
        .unwrap();
        assert!(!format!("{store:?}").contains("a.b.c"));
    }

    #[test]
    fn paths_follow_the_api() {
        let r = Reference::parse_canonical("eng/platform/bot").unwrap();
        assert_eq!(
            account_path(&r),
            "/v1/namespaces/eng%2Fplatform/serviceaccounts/bot"
        );
        let n = Name::parse("p").unwrap();
        assert_eq!(
            policy_path(&PolicyScope::Global, Some(&n)),
            "/v1/globalpolicies/p"
        );
        assert_eq!(segment("a-b_c/d e"), "a-b_c%2Fd%20e");
        for route in [account_path(&r), policy_path(&PolicyScope::Global, None)] {
            let template_matches = api::ROUTES.iter().any(|rt| {
                let t: Vec<&str> = rt.path.split('/').collect();
                let p: Vec<&str> = route.split('/').collect();
                t.len() == p.len() && t.iter().zip(&p).all(|(t, p)| t.starts_with('{') || t == p)
            });
            assert!(template_matches, "{route}");
        }
    }

    #[test]
    fn unreachable_server_is_named() {
        // Port 1 on loopback: nothing listens there.
        let store = RemoteStore::new(
            StoreUrl::parse("http://127.0.0.1:1").unwrap(),
            None,
            Auth::Fixed(Bearer::new("x.y.z", "test").unwrap()),
        )
        .unwrap();
        let e = store
            .get_account(&Reference::parse_canonical("a").unwrap())
            .unwrap_err();
        let msg = format!("{e:#}");
        assert!(
            msg.starts_with("cannot reach the svcacct server at http://127.0.0.1:1: "),
            "{msg}"
        );
        assert!(!msg.contains("x.y.z"));
    }
}
