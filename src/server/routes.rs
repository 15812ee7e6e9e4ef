//! The router, built from [`crate::api::ROUTES`], and one handler per route.

use std::collections::HashMap;
use std::sync::Arc;

use axum::extract::rejection::JsonRejection;
use axum::extract::{
    DefaultBodyLimit, Extension, FromRequest, FromRequestParts, Query, Request, State,
};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{MethodRouter, delete, get, post, put};
use axum::{Router, middleware};
use jiff::Timestamp;
use serde::Serialize;
use serde::de::DeserializeOwned;

use super::AppState;
use super::auth::{Caller, public_reason};
use super::limits;
use super::log::Arrived;
use super::problem::ApiError;
use crate::api::{
    self, AccessReview, AccessReviewRequest, AccountAnswer, AccountChange, AccountRef, ListBody,
    NewAccount, NewKey, NewNamespace, NewPolicy, PolicyAnswer, PolicyChange, PolicyRef, Problem,
    ROUTES, Rename, Route, Shown, TokenReview, TokenReviewRequest, code,
};
use crate::commands::account::{AccountView, check_groups};
use crate::commands::namespace::NamespaceView;
use crate::commands::policy::PolicyView;
use crate::error::{Rejected, UserError};
use crate::identity::{Name, Namespace, Reference};
use crate::issued::{IssueRequest, IssuedToken, RotateRequest, TokenRename};
use crate::keys::PublicKey;
use crate::model::{Account, KeyAlgorithm, KeyRecord, Policy, PolicyScope, Status, new_uid};
use crate::output::sanitize;
use crate::policy::Overreach;
use crate::store::{Listing, Scope, Store, stale};

type St = State<Arc<AppState>>;
type Answer = Result<Response, ApiError>;

/// The OpenAPI document of the repository root, served at `/v1/openapi.json`.
pub const OPENAPI: &str = include_str!("../../openapi.json");

/// The whole application: every route of [`ROUTES`] with its handler and its guard, a 404 and
/// a 405 problem for the rest, the body cap, the request timeout and the access log.
pub fn router(state: Arc<AppState>) -> Router {
    let mut paths: Vec<&str> = vec![];
    for r in ROUTES {
        if !paths.contains(&r.path) {
            paths.push(r.path);
        }
    }
    let mut router = Router::new();
    for path in paths {
        let mut mr = MethodRouter::new();
        for r in ROUTES.iter().filter(|r| r.path == path) {
            mr = mr.merge(handler(r));
        }
        router = router.route(path, mr);
    }
    let timeout = state.request_timeout;
    router
        .route_layer(middleware::from_fn_with_state(
            state.clone(),
            super::auth::guard,
        ))
        .fallback(not_found)
        .method_not_allowed_fallback(|m: Method| async move { method_not_allowed(m) })
        .layer(DefaultBodyLimit::max(api::MAX_BODY_BYTES))
        .layer(middleware::from_fn_with_state(
            timeout,
            super::log::access_log,
        ))
        .with_state(state)
}

/// The handler of a route of the table; a route without one is a bug caught by the tests.
fn handler(r: &Route) -> MethodRouter<Arc<AppState>> {
    match (r.method, r.path) {
        ("GET", "/healthz") => get(healthz),
        ("GET", "/readyz") => get(readyz),
        ("GET", api::ISSUER_JWKS) => get(jwks),
        ("GET", api::ACCOUNT_JWKS) => get(account_jwks),
        ("GET", "/v1/openapi.json") => get(openapi),
        ("GET", "/v1/whoami") => get(whoami),
        ("GET", "/v1/namespaces") => get(list_namespaces),
        ("POST", "/v1/namespaces") => post(create_namespace),
        ("GET", "/v1/namespaces/{ns}") => get(get_namespace),
        ("DELETE", "/v1/namespaces/{ns}") => delete(delete_namespace),
        ("GET", "/v1/serviceaccounts") => get(list_all_accounts),
        ("GET", api::ACCOUNTS) => get(list_accounts),
        ("POST", api::ACCOUNTS) => post(create_account),
        ("GET", api::ACCOUNT) => get(get_account),
        ("PUT", api::ACCOUNT) => put(update_account),
        ("DELETE", api::ACCOUNT) => delete(delete_account),
        ("POST", "/v1/namespaces/{ns}/serviceaccounts/{name}/rename") => post(rename_account),
        ("POST", "/v1/namespaces/{ns}/serviceaccounts/{name}/disable") => post(disable_account),
        ("POST", "/v1/namespaces/{ns}/serviceaccounts/{name}/enable") => post(enable_account),
        ("GET", "/v1/namespaces/{ns}/serviceaccounts/{name}/keys") => get(list_keys),
        ("POST", "/v1/namespaces/{ns}/serviceaccounts/{name}/keys") => post(add_key),
        ("DELETE", "/v1/namespaces/{ns}/serviceaccounts/{name}/keys/{kid}") => delete(remove_key),
        ("GET", "/v1/policies") => get(list_all_policies),
        ("GET", "/v1/globalpolicies") => get(list_global_policies),
        ("POST", "/v1/globalpolicies") => post(create_global_policy),
        ("GET", "/v1/globalpolicies/{name}") => get(get_global_policy),
        ("PUT", "/v1/globalpolicies/{name}") => put(update_global_policy),
        ("DELETE", "/v1/globalpolicies/{name}") => delete(delete_global_policy),
        ("GET", "/v1/namespaces/{ns}/policies") => get(list_policies),
        ("POST", "/v1/namespaces/{ns}/policies") => post(create_policy),
        ("GET", "/v1/namespaces/{ns}/policies/{name}") => get(get_policy),
        ("PUT", "/v1/namespaces/{ns}/policies/{name}") => put(update_policy),
        ("DELETE", "/v1/namespaces/{ns}/policies/{name}") => delete(delete_policy),
        ("GET", api::TOKENS) => get(list_tokens),
        ("POST", api::TOKENS) => post(issue_token),
        ("DELETE", api::TOKEN_PATH) => delete(revoke_token),
        ("POST", api::TOKEN_REGENERATE) => post(regenerate_token),
        ("POST", api::TOKEN_RENAME) => post(rename_token),
        ("GET", api::ISSUER_PATH) => get(get_issuer),
        ("POST", api::ISSUER_ROTATE) => post(rotate_issuer),
        ("POST", "/v1/tokenreviews") => post(token_review),
        ("POST", "/v1/accessreviews") => post(access_review),
        (m, p) => panic!("no handler for {m} {p}"),
    }
}

/// 404, repeating at most [`limits::ECHO_BYTES`] of the path.
async fn not_found(uri: Uri) -> ApiError {
    ApiError::new(
        404,
        code::NOT_FOUND,
        format!(
            "no route {} (see /v1/openapi.json)",
            sanitize(&limits::cut(uri.path(), limits::ECHO_BYTES))
        ),
    )
}

/// 405, repeating at most [`limits::MAX_METHOD_BYTES`] of the method (a longer one is refused
/// before routing).
pub fn method_not_allowed(m: Method) -> ApiError {
    ApiError::new(
        405,
        code::METHOD_NOT_ALLOWED,
        format!(
            "method {} is not allowed on this route",
            sanitize(&limits::cut(m.as_str(), limits::MAX_METHOD_BYTES))
        ),
    )
}

// ---------------------------------------------------------------------------------------------
// Extractors whose refusals are problems.

/// The path parameters, percent-decoded (`eng%2Fplatform` → `eng/platform`), as the router
/// found them (no map or copies of their own).
pub struct Params(axum::extract::RawPathParams);

impl<S: Send + Sync> FromRequestParts<S> for Params {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        use axum::extract::rejection::RawPathParamsRejection;
        axum::extract::RawPathParams::from_request_parts(parts, state)
            .await
            .map(Params)
            .map_err(|e| {
                // As `Path` said it, which these parameters were read with before.
                let text = match &e {
                    RawPathParamsRejection::InvalidUtf8InPathParam(_) => {
                        format!("Invalid URL: {}", e.body_text())
                    }
                    _ => e.body_text(),
                };
                ApiError::invalid(sanitize(&text))
            })
    }
}

impl Params {
    fn raw(&self, key: &str) -> &str {
        self.0
            .iter()
            .find_map(|(k, v)| (k == key).then_some(v))
            .unwrap_or("")
    }

    pub fn ns(&self) -> Result<Namespace, ApiError> {
        namespace_param(self.raw("ns"))
    }

    fn name(&self) -> Result<Name, ApiError> {
        Ok(Name::parse(self.raw("name"))?)
    }

    fn reference(&self) -> Result<Reference, ApiError> {
        Ok(Reference::new(self.ns()?, self.name()?))
    }
}

/// A `{ns}` path parameter as a namespace, or the 400 problem.
fn namespace_param(raw: &str) -> Result<Namespace, ApiError> {
    Ok(Namespace::parse(raw)?)
}

/// A JSON body: 415 when it is not `application/json`, 413 above `MAX_BODY_BYTES`, 400 when
/// it does not parse or has unknown fields.
pub struct JsonBody<T>(T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for JsonBody<T> {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, ApiError> {
        match axum::Json::<T>::from_request(req, state).await {
            Ok(axum::Json(v)) => Ok(JsonBody(v)),
            Err(e) => Err(json_refusal(&e)),
        }
    }
}

fn json_refusal(e: &JsonRejection) -> ApiError {
    match e.status() {
        StatusCode::UNSUPPORTED_MEDIA_TYPE => ApiError::new(
            415,
            code::UNSUPPORTED_MEDIA_TYPE,
            "the body must be JSON, sent with `Content-Type: application/json`",
        ),
        StatusCode::PAYLOAD_TOO_LARGE => ApiError::new(
            413,
            code::TOO_LARGE,
            format!("the body is larger than {} bytes", api::MAX_BODY_BYTES),
        ),
        StatusCode::BAD_REQUEST | StatusCode::UNPROCESSABLE_ENTITY => {
            ApiError::invalid(sanitize(&e.body_text()))
        }
        s => ApiError::new(s.as_u16(), code::INVALID, sanitize(&e.body_text())),
    }
}

// ---------------------------------------------------------------------------------------------
// Answers.

/// Runs store work on the blocking pool.
async fn blocking<T: Send + 'static>(
    st: &Arc<AppState>,
    f: impl FnOnce(&dyn Store) -> anyhow::Result<T> + Send + 'static,
) -> Result<T, ApiError> {
    let st = st.clone();
    match tokio::task::spawn_blocking(move || f(st.store.as_ref())).await {
        Ok(r) => r.map_err(ApiError::from),
        Err(e) => Err(ApiError::internal(&anyhow::anyhow!(
            "a store task failed: {e}"
        ))),
    }
}

fn json(status: StatusCode, body: &impl Serialize) -> Response {
    json_bytes(status, serde_json::to_vec(body).unwrap_or_default().into())
}

/// A response with a body already serialized as JSON.
fn json_bytes(status: StatusCode, body: axum::body::Bytes) -> Response {
    let mut res = (status, body).into_response();
    res.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    res
}

fn with_header(mut res: Response, name: header::HeaderName, value: &str) -> Response {
    if let Ok(v) = HeaderValue::from_str(value) {
        res.headers_mut().insert(name, v);
    }
    res
}

fn account_url(a: &Account) -> String {
    format!(
        "/v1/namespaces/{}/serviceaccounts/{}",
        api::ns_segment(&a.namespace),
        a.name
    )
}

fn policy_url(p: &Policy) -> String {
    match &p.namespace {
        None => format!("/v1/globalpolicies/{}", p.name),
        Some(ns) => format!("/v1/namespaces/{}/policies/{}", api::ns_segment(ns), p.name),
    }
}

/// The JSON bodies of `GET` of an account, for the records of the store's read cache: the
/// same record (the same `Arc`, held here so that its address is not reused) in the same
/// status has the same body, serialized once.
#[derive(Default)]
pub struct AccountBodies {
    /// Read-locked for a kept body.
    inner: std::sync::RwLock<HashMap<usize, KeptBody>>,
}

/// A body, the record it was made from (held) and the status it says.
type KeptBody = (Arc<Account>, Status, axum::body::Bytes);

/// Most bodies kept (all are dropped beyond it).
const MAX_BODIES: usize = 1_000;

impl AccountBodies {
    fn answer(&self, a: &Arc<Account>, now: Timestamp) -> Response {
        let status = a.status(now);
        let key = Arc::as_ptr(a) as usize;
        let kept = {
            let bodies = self.inner.read().unwrap_or_else(|e| e.into_inner());
            match bodies.get(&key) {
                Some((held, s, body)) if Arc::ptr_eq(held, a) && *s == status => Some(body.clone()),
                _ => None,
            }
        };
        let body = match kept {
            Some(body) => body,
            None => {
                let body = account_body(a, now);
                let mut bodies = self.inner.write().unwrap_or_else(|e| e.into_inner());
                if bodies.len() >= MAX_BODIES {
                    bodies.clear();
                }
                bodies.insert(key, (a.clone(), status, body.clone()));
                body
            }
        };
        account_response(StatusCode::OK, a, body)
    }
}

fn account_answer(status: StatusCode, a: &Account) -> Response {
    account_response(status, a, account_body(a, Timestamp::now()))
}

/// The JSON of an account as the API shows it at `now`.
fn account_body(a: &Account, now: Timestamp) -> axum::body::Bytes {
    serde_json::to_vec(&AccountView::new(a, now))
        .unwrap_or_default()
        .into()
}

/// One account: 200 (or 201 with `Location`) and its revision as `ETag`.
fn account_response(status: StatusCode, a: &Account, body: axum::body::Bytes) -> Response {
    let res = with_header(
        json_bytes(status, body),
        header::ETAG,
        &api::etag(a.revision),
    );
    if status == StatusCode::CREATED {
        with_header(res, header::LOCATION, &account_url(a))
    } else {
        res
    }
}

fn policy_answer(status: StatusCode, p: &Policy) -> Response {
    policy_response(status, p, json(status, &PolicyView::new(p)))
}

/// `res` with the policy's revision as `ETag`, and for 201 its `Location`.
fn policy_response(status: StatusCode, p: &Policy, res: Response) -> Response {
    let res = with_header(res, header::ETAG, &api::etag(p.revision));
    if status == StatusCode::CREATED {
        with_header(res, header::LOCATION, &policy_url(p))
    } else {
        res
    }
}

// A write answers with a record in full only to a caller that may `get` it, as `grants` (the
// policies when the request arrived) decide; to another, with the record's reference
// (`api::Shown`). The `ETag` and `Location` are the same either way.

/// The answer of a write of account `a`.
fn account_write_answer(
    caller: &Caller,
    grants: &[Policy],
    status: StatusCode,
    a: &Account,
) -> Response {
    if may_get_account(caller, grants, a, Timestamp::now()) {
        return account_answer(status, a);
    }
    let body = serde_json::to_vec(&AccountRef::of(a)).unwrap_or_default();
    account_response(status, a, body.into())
}

fn may_get_account(caller: &Caller, grants: &[Policy], a: &Account, now: Timestamp) -> bool {
    may_get(
        &caller.account,
        grants,
        api::resource::SERVICE_ACCOUNT,
        Some(&a.namespace),
        now,
    )
}

fn may_get_policy(caller: &Caller, grants: &[Policy], p: &Policy, now: Timestamp) -> bool {
    may_get(
        &caller.account,
        grants,
        api::resource::POLICY,
        p.namespace.as_ref(),
        now,
    )
}

/// May the caller `list` the issued tokens of the accounts of `ns`? That is the only way to
/// read them: a write answers with a token's record, or its name, only to such a caller.
fn may_list_tokens(caller: &Caller, grants: &[Policy], ns: &Namespace, now: Timestamp) -> bool {
    let guard = api::Guard::Namespaced {
        action: "list",
        resource: api::resource::TOKEN,
    };
    super::auth::authorize(guard, &caller.account, grants, Some(ns), now).is_ok()
}

/// The answer of a write of policy `p`.
fn policy_write_answer(
    caller: &Caller,
    grants: &[Policy],
    status: StatusCode,
    p: &Policy,
) -> Response {
    if may_get_policy(caller, grants, p, Timestamp::now()) {
        policy_answer(status, p)
    } else {
        policy_response(status, p, json(status, &PolicyRef::of(p)))
    }
}

/// The accounts and policies of a write's answer (a rename's, a namespace's creation or
/// deletion): those the caller may not `get` become references.
fn shown_to(
    caller: &Caller,
    grants: &[Policy],
    accounts: Vec<AccountAnswer>,
    policies: Vec<PolicyAnswer>,
) -> (Vec<AccountAnswer>, Vec<PolicyAnswer>) {
    let now = Timestamp::now();
    (
        accounts
            .into_iter()
            .map(|a| a.unless_readable(|a| may_get_account(caller, grants, a, now)))
            .collect(),
        policies
            .into_iter()
            .map(|p| p.unless_readable(|p| may_get_policy(caller, grants, p, now)))
            .collect(),
    )
}

/// The account a write of the server's own store returned: a store on a folder always returns
/// the record (only the remote store, a client, may have less).
fn written(a: AccountAnswer) -> Result<Account, ApiError> {
    match a {
        Shown::Record(a) => Ok(a),
        Shown::Reference(r) => Err(ApiError::internal(&anyhow::anyhow!(
            "the store answered a write of `{}` without the record",
            r.reference
        ))),
    }
}

/// The warnings of a listing: the unreadable records, named by their path inside the store.
fn warnings<T>(st: &AppState, listing: &Listing<T>) -> Vec<String> {
    listing
        .errors
        .iter()
        .map(|e| {
            crate::errln!("svcacct: {e}");
            match e {
                UserError::CorruptRecord { path, why } => {
                    let rel = st
                        .store_root
                        .as_deref()
                        .and_then(|root| path.strip_prefix(root).ok())
                        .unwrap_or(path.as_path());
                    format!(
                        "store record {} is unreadable: {}",
                        sanitize(&rel.display().to_string()),
                        sanitize(why)
                    )
                }
                other => sanitize(&other.to_string()),
            }
        })
        .collect()
}

fn account_list(st: &AppState, listing: Listing<Account>) -> Response {
    let now = Timestamp::now();
    let warnings = warnings(st, &listing);
    let items: Vec<AccountView> = listing
        .items
        .iter()
        .map(|a| AccountView::new(a, now))
        .collect();
    json(
        StatusCode::OK,
        &ListBody {
            kind: "ServiceAccountList".into(),
            items,
            warnings,
        },
    )
}

fn policy_list(st: &AppState, listing: Listing<Policy>) -> Response {
    let warnings = warnings(st, &listing);
    let items: Vec<PolicyView> = listing.items.iter().map(PolicyView::new).collect();
    json(
        StatusCode::OK,
        &ListBody {
            kind: "PolicyList".into(),
            items,
            warnings,
        },
    )
}

/// The revision an `If-Match` names: 428 without one, 400 when it names none.
fn if_match(headers: &HeaderMap) -> Result<u64, ApiError> {
    let Some(v) = headers.get(header::IF_MATCH) else {
        return Err(ApiError::new(
            428,
            code::PRECONDITION_REQUIRED,
            "an update needs `If-Match` with the revision that was read (its `ETag`, e.g. \"3\")",
        ));
    };
    v.to_str()
        .ok()
        .and_then(api::parse_if_match)
        .ok_or_else(|| {
            ApiError::invalid(
                "`If-Match` must name one revision, as the `ETag` gives it (e.g. \"3\")",
            )
        })
}

fn groups(raw: &[String]) -> Result<Vec<String>, ApiError> {
    Ok(check_groups(raw)?)
}

fn public_key(
    pem: &str,
    algorithm: Option<KeyAlgorithm>,
    origin: &str,
    now: Timestamp,
) -> Result<KeyRecord, ApiError> {
    let public = PublicKey::parse(pem.as_bytes(), origin)?;
    Ok(KeyRecord::new(&public, algorithm.unwrap_or_default(), now))
}

// ---------------------------------------------------------------------------------------------
// Public routes.

async fn healthz() -> Response {
    json(StatusCode::OK, &serde_json::json!({ "status": "ok" }))
}

async fn readyz(State(st): St) -> Answer {
    match blocking(&st, |s| s.policy_snapshot()).await {
        Ok(_) => Ok(json(StatusCode::OK, &serde_json::json!({ "status": "ok" }))),
        Err(e) => {
            crate::errln!("svcacct: not ready: {}", e.problem.detail);
            Err(ApiError::new(
                503,
                code::UNAVAILABLE,
                "the store cannot be read (see the server's log)",
            ))
        }
    }
}

/// The issuer's RSA keys and nothing else, as `svcacct jwks --issuer` prints them: a gateway
/// that verifies issued tokens with this set must not accept a token an account signs with its
/// own key (DESIGN.md "Trust domains"). HMAC secrets are never published.
async fn jwks(State(st): St) -> Answer {
    // Unreadable, the issuer's keys are left out: gateways keep what they fetched last.
    let keys = blocking(&st, |s| {
        Ok(match crate::token::store_jwks(s) {
            Ok(set) => {
                set.report_left_out();
                set.keys
            }
            Err(e) => {
                crate::errln!("svcacct: left out of the JWKS: the issuer's keys: {e:#}");
                vec![]
            }
        })
    })
    .await?;
    // Rendering parses every key: the last body is kept while the keys are the same.
    let fingerprint = serde_json::to_vec(&keys).unwrap_or_default();
    let last = st
        .jwks_body
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .clone();
    let body = match last {
        Some((f, body)) if f == fingerprint => body,
        _ => {
            let body = axum::body::Bytes::from(
                serde_json::to_vec(&serde_json::json!({ "keys": keys })).unwrap_or_default(),
            );
            *st.jwks_body.lock().unwrap_or_else(|e| e.into_inner()) =
                Some((fingerprint, body.clone()));
            body
        }
    };
    Ok(json_bytes(StatusCode::OK, body))
}

/// One account's keys, as `svcacct jwks NAME` prints them: what a gateway verifies that
/// account's self-signed tokens with (`iss` = the account). No token needed, as for the
/// issuer's set. An unknown, disabled or expired account has no keys: the same empty set for
/// each, so the route tells an anonymous caller no more than a 401 does (an active account
/// with keys is known by its keys, which is what the route is for).
async fn account_jwks(State(st): St, p: Params) -> Answer {
    let r = p.reference()?;
    let since = std::time::Instant::now();
    let account = match st.store.cached_account(&r, since) {
        Some(a) => Some(a),
        None => {
            blocking(&st, move |s| match s.get_account(&r) {
                Ok(a) => Ok(Some(Arc::new(a))),
                Err(e) if matches!(e.downcast_ref(), Some(UserError::UnknownAccount { .. })) => {
                    Ok(None)
                }
                Err(e) => Err(e),
            })
            .await?
        }
    };
    let Some(account) = account else {
        return Ok(json(StatusCode::OK, &serde_json::json!({ "keys": [] })));
    };
    let set = crate::token::account_jwks(&account, Timestamp::now());
    set.report_left_out();
    Ok(json_bytes(
        StatusCode::OK,
        axum::body::Bytes::from(serde_json::to_vec(&set.document()).unwrap_or_default()),
    ))
}

async fn openapi() -> Response {
    let mut res = OPENAPI.into_response();
    res.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    res
}

async fn whoami(Extension(caller): Extension<Caller>) -> Response {
    json(StatusCode::OK, &caller.identity())
}

// ---------------------------------------------------------------------------------------------
// Namespaces.

/// Every policy, for a check beyond the route's guard: the store's shared snapshot (from
/// memory when its read cache can answer), never a copy of each record.
async fn policies(st: &Arc<AppState>) -> Result<Arc<Vec<Policy>>, ApiError> {
    match st.store.cached_policies(std::time::Instant::now()) {
        Some(p) => Ok(p),
        None => blocking(st, |s| s.policy_snapshot()).await,
    }
}

/// May the caller do what `guard` (a `Guard::Parent`) needs for namespace `ns`?
async fn may_in_parent(
    st: &Arc<AppState>,
    caller: &Caller,
    guard: api::Guard,
    ns: &Namespace,
) -> Result<(), ApiError> {
    let policies = policies(st).await?;
    super::auth::authorize(
        guard,
        &caller.account,
        &policies,
        Some(ns),
        Timestamp::now(),
    )
    .map(|_| ())
    .map_err(ApiError::from)
}

fn namespace_url(ns: &Namespace) -> String {
    format!("/v1/namespaces/{}", api::ns_segment(ns))
}

/// The namespaces the caller may `get` (as OpenShift lists the projects one can see).
async fn list_namespaces(State(st): St, Extension(caller): Extension<Caller>) -> Answer {
    let (listing, policies) = blocking(&st, |s| {
        Ok((s.list_namespaces()?, s.list_policies(&Scope::All)?.items))
    })
    .await?;
    let now = Timestamp::now();
    let guard = api::Guard::Namespaced {
        action: "get",
        resource: api::resource::NAMESPACE,
    };
    let may_get = |ns: &Namespace| {
        super::auth::authorize(guard, &caller.account, &policies, Some(ns), now).is_ok()
    };
    // A warning names the record's file, that is a namespace: only one the caller may get (a
    // file named after no namespace, only to a caller with a global grant). The server's log
    // has them all.
    let global = api::Guard::Global {
        action: "get",
        resource: api::resource::NAMESPACE,
    };
    let may_get_all = super::auth::authorize(global, &caller.account, &policies, None, now).is_ok();
    let (shown, hidden): (Vec<UserError>, Vec<UserError>) =
        listing.errors.into_iter().partition(|e| {
            may_get_all
                || match e {
                    UserError::CorruptRecord { path, .. } => path
                        .file_name()
                        .and_then(|f| f.to_str())
                        .and_then(|f| f.strip_suffix(".toml"))
                        .and_then(|stem| Namespace::from_dir_name(stem).ok())
                        .is_some_and(|ns| may_get(&ns)),
                    _ => false,
                }
        });
    for e in &hidden {
        crate::errln!("svcacct: {e}");
    }
    let listing = Listing {
        items: listing.items,
        errors: shown,
    };
    let warnings = warnings(&st, &listing);
    let items: Vec<NamespaceView> = listing
        .items
        .iter()
        .filter(|r| may_get(&r.name))
        .map(NamespaceView::record)
        .collect();
    Ok(json(
        StatusCode::OK,
        &ListBody {
            kind: "NamespaceList".into(),
            items,
            warnings,
        },
    ))
}

/// Creating a namespace with its defaults writes their policies (`store::default_policies`),
/// as `POST …/policies` would: the caller must be allowed to write each one
/// (`policy::check_write`: it holds what each grants in the new namespace, or `escalate` on
/// `policy` there), or nothing is written and the refusal says what it lacks and that
/// `defaults: false` creates the namespace without them. The default accounts need nothing
/// more: they have no keys, groups or user, so making them gives nobody a credential (a key or
/// a token for one passes `may_act_on` as for any account); what they are for is the policies'
/// grants. A namespace that exists is a 409 only to a caller that may `get` it: to another,
/// which does not see it among the namespaces it lists, a 403 that does not say why.
async fn create_namespace(
    State(st): St,
    Extension(caller): Extension<Caller>,
    JsonBody(body): JsonBody<NewNamespace>,
) -> Answer {
    let ns = body.name;
    let guard = api::Guard::Parent {
        action: "create",
        resource: api::resource::NAMESPACE,
    };
    may_in_parent(&st, &caller, guard, &ns).await?;
    let url = namespace_url(&ns);
    let grants = policies(&st).await?;
    let writer = caller.account.clone();
    let seen = may_get(
        &caller.account,
        &grants,
        api::resource::NAMESPACE,
        Some(&ns),
        Timestamp::now(),
    );
    let mut created = blocking(&st, move |s| {
        let unseen = |e: anyhow::Error| match e.downcast_ref::<UserError>() {
            Some(UserError::NamespaceExists { .. }) if !seen => {
                Ok(Err(unavailable_namespace(&writer, &ns)))
            }
            _ => Err(e),
        };
        if let Err(e) = s.namespace_creatable(&ns) {
            return unseen(e);
        }
        if body.defaults {
            let policies = s.policy_snapshot()?;
            for p in crate::store::default_policies(&ns, Timestamp::now()) {
                if let Err(why) = crate::policy::check_write(&policies, &writer, &p, None) {
                    return Ok(Err(defaults_overreach(&writer, &ns, &p, why)));
                }
            }
        }
        match s.create_namespace(&ns, body.defaults) {
            Ok(created) => Ok(Ok(created)),
            Err(e) => unseen(e),
        }
    })
    .await??;
    (created.accounts, created.policies) =
        shown_to(&caller, &grants, created.accounts, created.policies);
    Ok(with_header(
        json(StatusCode::CREATED, &created),
        header::LOCATION,
        &url,
    ))
}

/// The 403 for a namespace's default policy `p` that `caller` may not write: the grant it
/// lacks, and the way without the defaults.
fn defaults_overreach(caller: &Account, ns: &Namespace, p: &Policy, why: Overreach) -> ApiError {
    let mut e = overreach(caller, p, why.clone());
    let because = match why {
        Overreach::Grant { action, resource } => {
            let (escalate, on) = crate::policy::ESCALATE;
            format!(
                "it may not grant `{}` on `{}` there (default policy `{}` does), since it does \
                 not hold that grant there itself (a policy grants only what its writer holds, \
                 unless a policy allows the writer `{escalate}` on `{on}` there)",
                sanitize(&action),
                sanitize(&resource),
                p.name
            )
        }
        Overreach::Subject { .. } => {
            format!(
                "default policy `{}` is refused: {}",
                p.name, e.problem.detail
            )
        }
    };
    e.problem.detail = format!(
        "service account `{}` may not create namespace `{ns}` with its default policies: \
         {because}; `svcacct namespace create {ns} --no-defaults` creates the namespace \
         without its default accounts and policies",
        caller.reference()
    );
    e
}

/// The 403 for creating a namespace that exists, to a caller that may not `get` it: the name
/// is not to be had, and no more (not what has it).
fn unavailable_namespace(caller: &Account, ns: &Namespace) -> ApiError {
    Problem {
        action: Some("create".into()),
        resource: Some(api::resource::NAMESPACE.into()),
        ..Problem::new(
            403,
            code::FORBIDDEN,
            format!(
                "service account `{}` may not create namespace `{ns}`: the name is not \
                 available to it (choose another name, or ask an administrator who may read \
                 namespace `{ns}`)",
                caller.reference()
            ),
        )
    }
    .into()
}

async fn get_namespace(State(st): St, p: Params) -> Answer {
    let ns = p.ns()?;
    if ns.is_default() {
        return Ok(json(StatusCode::OK, &NamespaceView::implicit(ns)));
    }
    let record = blocking(&st, move |s| s.get_namespace(&ns)).await?;
    Ok(json(StatusCode::OK, &NamespaceView::record(&record)))
}

async fn delete_namespace(
    State(st): St,
    Extension(caller): Extension<Caller>,
    p: Params,
) -> Answer {
    let ns = p.ns()?;
    let guard = api::Guard::Parent {
        action: "delete",
        resource: api::resource::NAMESPACE,
    };
    may_in_parent(&st, &caller, guard, &ns).await?;
    let grants = policies(&st).await?;
    let mut gone = blocking(&st, move |s| s.delete_namespace(&ns)).await?;
    (gone.accounts, gone.policies) = shown_to(&caller, &grants, gone.accounts, gone.policies);
    Ok(json(StatusCode::OK, &gone))
}

// ---------------------------------------------------------------------------------------------
// Service accounts.

async fn list_all_accounts(State(st): St) -> Answer {
    let listing = blocking(&st, |s| s.list_accounts(&Scope::All)).await?;
    Ok(account_list(&st, listing))
}

async fn list_accounts(State(st): St, p: Params) -> Answer {
    let ns = p.ns()?;
    let listing = blocking(&st, move |s| s.list_accounts(&Scope::Namespace(ns))).await?;
    Ok(account_list(&st, listing))
}

/// Groups are subjects of policies in every namespace, global ones included: giving an account
/// a group grants it whatever those policies grant. So setting groups needs more than a
/// namespaced `update serviceaccount`: a global policy allowing `update` on `group`.
pub const ASSIGN_GROUPS: api::Guard = api::Guard::Global {
    action: "update",
    resource: api::resource::GROUP,
};

/// Passes when a global policy lets the caller pass `guard` (a `Guard::Global`), else 403.
async fn may_globally(
    st: &Arc<AppState>,
    caller: &Caller,
    guard: api::Guard,
) -> Result<(), ApiError> {
    let policies = policies(st).await?;
    super::auth::authorize(guard, &caller.account, &policies, None, Timestamp::now())
        .map(|_| ())
        .map_err(ApiError::from)
}

async fn may_assign_groups(st: &Arc<AppState>, caller: &Caller) -> Result<(), ApiError> {
    may_globally(st, caller, ASSIGN_GROUPS).await
}

/// An account that impersonates a user speaks for that user wherever its tokens are accepted:
/// making one needs a global policy allowing `impersonate` on `user`.
pub const IMPERSONATE: api::Guard = api::Guard::Global {
    action: "impersonate",
    resource: api::resource::USER,
};

async fn may_impersonate(st: &Arc<AppState>, caller: &Caller) -> Result<(), ApiError> {
    may_globally(st, caller, IMPERSONATE).await
}

/// May `account` `get` `resource` in `ns` (`None`: globally, as a global policy needs)? A
/// refusal names a policy, and a write answers with a record, only when it may.
fn may_get(
    account: &Account,
    policies: &[Policy],
    resource: &'static str,
    ns: Option<&Namespace>,
    now: Timestamp,
) -> bool {
    let guard = match ns {
        None => api::Guard::Global {
            action: "get",
            resource,
        },
        Some(_) => api::Guard::Namespaced {
            action: "get",
            resource,
        },
    };
    super::auth::authorize(guard, account, policies, ns, now).is_ok()
}

/// Whoever may give an account a key or a token, or create or rename an account to a name, can
/// act as that account, with every grant that names it. The route's grant in the account's
/// namespace covers the policies of that namespace and its children only: for a policy anywhere
/// else (global, a parent or another namespace) that names the account, and not the caller
/// too, the caller needs the same action on the same resource where that policy applies.
/// Otherwise a namespace owner could borrow a global grant by acting as an account that has it.
///
/// The refusal names the policy and its scope only to a caller that may `get` that policy;
/// to any other it says that a policy outside its reach names the account, and no more (not
/// where: its `namespace` field stays empty). When several policies refuse, one the caller may
/// read is named first: that is one it can do something about.
async fn may_act_as(
    st: &Arc<AppState>,
    caller: &Caller,
    target: Account,
    action: &'static str,
    resource: &'static str,
) -> Result<(), ApiError> {
    let policies = policies(st).await?;
    let now = Timestamp::now();
    let mut hidden = false;
    for p in crate::policy::policies_for(&policies, &target) {
        if p.namespace
            .as_ref()
            .is_some_and(|pns| pns.is_within(&target.namespace))
            || p.subjects
                .iter()
                .any(|s| crate::policy::subject_matches(s, &caller.account))
        {
            continue;
        }
        let guard = match &p.namespace {
            None => api::Guard::Global { action, resource },
            Some(_) => api::Guard::Namespaced { action, resource },
        };
        let Err(mut problem) =
            super::auth::authorize(guard, &caller.account, &policies, p.namespace.as_ref(), now)
        else {
            continue;
        };
        if !may_get(
            &caller.account,
            &policies,
            api::resource::POLICY,
            p.namespace.as_ref(),
            now,
        ) {
            hidden = true;
            continue;
        }
        problem.detail = format!(
            "{} (`{}` is named by policy `{}` of {}: acting as it needs the grant there too)",
            problem.detail,
            target.reference(),
            p.name,
            p.scope()
        );
        return Err(ApiError::from(problem));
    }
    if hidden {
        return Err(ApiError::from(unseen_policy_refusal(
            &caller.account.reference(),
            &target.reference(),
            action,
            resource,
        )));
    }
    Ok(())
}

/// The refusal of acting as `target` because of a policy the caller may not read: it says
/// neither which policy nor where it applies.
fn unseen_policy_refusal(
    caller: &Reference,
    target: &Reference,
    action: &str,
    resource: &str,
) -> api::Problem {
    // Creating or renaming to the name: another name is a way out.
    let advice = if resource == api::resource::SERVICE_ACCOUNT {
        "choose another name, or ask an administrator who may read the policies that name it"
    } else {
        "ask an administrator who may read the policies that name it"
    };
    api::Problem {
        detail: format!(
            "service account `{caller}` may not act as `{target}` to {action} {resource}: a \
             policy outside your reach names `{target}`, and acting as it needs that policy's \
             grant too ({advice})"
        ),
        namespace: None,
        ..api::Problem::forbidden(&caller.to_string(), action, resource, None)
    }
}

/// A store error as the caller may see it: a key that another account holds is named as that
/// account's only to a caller that may `get` it.
async fn holder_out_of_reach(st: &Arc<AppState>, caller: &Caller, e: anyhow::Error) -> ApiError {
    if let Some(UserError::KeyTaken { kid, holder }) = e.downcast_ref::<UserError>() {
        let seen = match Reference::parse_canonical(holder) {
            Ok(h) => match policies(st).await {
                Ok(policies) => may_get(
                    &caller.account,
                    &policies,
                    api::resource::SERVICE_ACCOUNT,
                    Some(&h.namespace),
                    Timestamp::now(),
                ),
                Err(e) => return e,
            },
            Err(_) => false,
        };
        if !seen {
            return UserError::KeyTakenOutOfReach { kid: kid.clone() }.into();
        }
    }
    e.into()
}

async fn create_account(
    State(st): St,
    Extension(caller): Extension<Caller>,
    p: Params,
    JsonBody(body): JsonBody<NewAccount>,
) -> Answer {
    let ns = p.ns()?;
    let now = Timestamp::now();
    let groups = groups(&body.groups)?;
    let impersonates = body
        .impersonates
        .as_deref()
        .map(crate::model::check_user_id)
        .transpose()?;
    if !groups.is_empty() {
        may_assign_groups(&st, &caller).await?;
    }
    if impersonates.is_some() {
        may_impersonate(&st, &caller).await?;
    }
    if body.public_keys.is_empty() {
        return Err(ApiError::invalid(
            "a service account needs at least one public key (`publicKeys`)",
        ));
    }
    let mut keys: Vec<KeyRecord> = vec![];
    for (i, pem) in body.public_keys.iter().enumerate() {
        let k = public_key(
            pem,
            body.key_algorithm,
            &format!("public key {} of the request", i + 1),
            now,
        )?;
        if !keys.iter().any(|x| x.kid == k.kid) {
            keys.push(k);
        }
    }
    let account = Account {
        description: body.description,
        groups,
        disabled: body.disabled,
        expires: body.expires,
        keys,
        impersonates,
        ..Account::new(Reference::new(ns, body.name), now)
    };
    may_act_as(
        &st,
        &caller,
        account.clone(),
        "create",
        api::resource::SERVICE_ACCOUNT,
    )
    .await?;
    let grants = policies(&st).await?;
    let a = match blocking(&st, move |s| Ok(s.create_account_checked(account))).await? {
        Ok(a) => a,
        Err(e) => return Err(holder_out_of_reach(&st, &caller, e).await),
    };
    Ok(account_write_answer(
        &caller,
        &grants,
        StatusCode::CREATED,
        &a,
    ))
}

async fn get_account(State(st): St, p: Params, Arrived(since): Arrived) -> Answer {
    let r = p.reference()?;
    match st.store.cached_account(&r, since) {
        Some(a) => Ok(st.account_bodies.answer(&a, Timestamp::now())),
        None => {
            let a = blocking(&st, move |s| s.get_account(&r)).await?;
            Ok(account_answer(StatusCode::OK, &a))
        }
    }
}

async fn update_account(
    State(st): St,
    Extension(caller): Extension<Caller>,
    p: Params,
    headers: HeaderMap,
    JsonBody(body): JsonBody<AccountChange>,
) -> Answer {
    let r = p.reference()?;
    let revision = if_match(&headers)?;
    let groups = groups(&body.groups)?;
    // Every decision below is made on this record, and the write requires it: a record that is
    // not the one `If-Match` names is refused now, and one that changes after this read makes
    // the write fail (the store compares revision and uid under its lock).
    let r2 = r.clone();
    let stored = blocking(&st, move |s| s.get_account(&r2)).await?;
    if let Some(e) = stale(
        format!("service account `{r}`"),
        (revision, &body.uid),
        (stored.revision, &stored.uid),
    ) {
        return Err(e.into());
    }
    // Removing groups only takes grants away; adding any needs the global grant.
    if groups.iter().any(|g| !stored.groups.contains(g)) {
        may_assign_groups(&st, &caller).await?;
    }
    let after = Account {
        description: body.description,
        groups,
        disabled: body.disabled,
        expires: body.expires,
        updated: Timestamp::now(),
        ..stored.clone()
    };
    may_revive(&st, &caller, &stored, &after).await?;
    let grants = policies(&st).await?;
    let a = blocking(&st, move |s| s.update_account(after)).await?;
    Ok(account_write_answer(&caller, &grants, StatusCode::OK, &a))
}

async fn delete_account(State(st): St, p: Params) -> Answer {
    let r = p.reference()?;
    blocking(&st, move |s| s.delete_account(&r)).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

async fn rename_account(
    State(st): St,
    Extension(caller): Extension<Caller>,
    p: Params,
    JsonBody(body): JsonBody<Rename>,
) -> Answer {
    let r = p.reference()?;
    let (st, caller, to) = (&st, &caller, &body.new_name);
    let renamed = on_the_record(st, &r, |read| async move {
        let mut renamed = read.clone();
        renamed.name = to.clone();
        may_act_as(
            st,
            caller,
            renamed,
            "update",
            api::resource::SERVICE_ACCOUNT,
        )
        .await?;
        // Grants follow the account here, on the server: the caller may not be allowed to edit
        // policies, and otherwise the old name's grants (global ones included) would wait for
        // whoever creates an account under it, and a caller that renames itself is locked out.
        let to = to.clone();
        blocking(st, move |s| s.rename_with_grants_pinned(&read, &to)).await
    })
    .await?;
    let account = written(renamed.account)?;
    let url = account_url(&account);
    let etag = api::etag(account.revision);
    // The policies that followed the account may be global or another namespace's: each in
    // full only to a caller that may read it.
    let grants = policies(st).await?;
    let (mut accounts, updated_policies) = shown_to(
        caller,
        &grants,
        vec![Shown::Record(account)],
        renamed.updated_policies,
    );
    // The revoked tokens by name only to a caller that may list them; their number to all.
    let revoked_token_count = renamed.revoked_tokens.len();
    let revoked_tokens = if may_list_tokens(caller, &grants, &r.namespace, Timestamp::now()) {
        renamed.revoked_tokens
    } else {
        vec![]
    };
    let renamed = api::Renamed {
        account: accounts.remove(0),
        updated_policies,
        revoked_tokens,
        revoked_token_count,
    };
    let res = json(StatusCode::OK, &renamed);
    Ok(with_header(
        with_header(res, header::LOCATION, &url),
        header::ETAG,
        &etag,
    ))
}

/// Disabling only takes credentials away: the route's grant is enough.
async fn disable_account(State(st): St, Extension(caller): Extension<Caller>, p: Params) -> Answer {
    let r = p.reference()?;
    let grants = policies(&st).await?;
    let a = written(blocking(&st, move |s| s.set_disabled(&r, true)).await?)?;
    Ok(account_write_answer(&caller, &grants, StatusCode::OK, &a))
}

/// Enabling a disabled account makes its keys and tokens valid again: it needs what giving it
/// a key does ([`may_revive`]), decided on the record that the write then requires.
async fn enable_account(State(st): St, Extension(caller): Extension<Caller>, p: Params) -> Answer {
    let r = p.reference()?;
    let (st, caller) = (&st, &caller);
    let a = on_the_record(st, &r, |read| async move {
        let after = Account {
            disabled: false,
            updated: Timestamp::now(),
            ..read.clone()
        };
        may_revive(st, caller, &read, &after).await?;
        blocking(st, move |s| s.update_account(after)).await
    })
    .await?;
    let grants = policies(st).await?;
    Ok(account_write_answer(caller, &grants, StatusCode::OK, &a))
}

/// What makes an account's credentials valid again when `before` becomes `after`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Revival {
    /// It was disabled and is not.
    enables: bool,
    /// Its expiry is removed or moved later.
    extends: bool,
}

impl Revival {
    fn of(before: &Account, after: &Account) -> Revival {
        Revival {
            enables: before.disabled && !after.disabled,
            extends: match (before.expires, after.expires) {
                (Some(_), None) => true,
                (Some(was), Some(is)) => is > was,
                // Setting an expiry where there was none only takes credentials away.
                (None, _) => false,
            },
        }
    }

    fn what(self) -> &'static str {
        match (self.enables, self.extends) {
            (true, false) => "enabling",
            (false, true) => "removing or extending the expiry of",
            _ => "enabling, and removing or extending the expiry of,",
        }
    }
}

/// Enabling an account, or removing or extending its expiry, makes its keys and tokens valid
/// again: as guarded as giving it a key (`add_key`), so the caller needs `create` on `key` in
/// the account's namespace and may act as the account ([`may_act_on`]: impersonation, groups,
/// policies elsewhere that name it). An account never does it for itself, whatever its grants:
/// an expiry an administrator set, or a disabling, would otherwise be undone by whoever holds
/// one of its credentials. Disabling, shortening an expiry or setting one only take credentials
/// away and need nothing more. (Nothing else is un-revoked: a revoked issued token's record is
/// gone, and a removed key comes back only through `add_key`.)
async fn may_revive(
    st: &Arc<AppState>,
    caller: &Caller,
    before: &Account,
    after: &Account,
) -> Result<(), ApiError> {
    let revival = Revival::of(before, after);
    if !revival.enables && !revival.extends {
        return Ok(());
    }
    let r = after.reference();
    if caller.account.uid == before.uid {
        let detail = if revival.extends {
            format!(
                "service account `{r}` may not remove or extend its own expiry (it may shorten it): \
                 another account allowed to add a key to it must"
            )
        } else {
            format!(
                "service account `{r}` may not enable itself: another account allowed to add a key to it must"
            )
        };
        return Err(api::Problem {
            action: Some("update".into()),
            resource: Some(api::resource::SERVICE_ACCOUNT.into()),
            namespace: Some(r.namespace.to_string()),
            ..api::Problem::new(403, code::FORBIDDEN, detail)
        }
        .into());
    }
    let checked = async {
        let policies = policies(st).await?;
        let guard = api::Guard::Namespaced {
            action: "create",
            resource: api::resource::KEY,
        };
        super::auth::authorize(
            guard,
            &caller.account,
            &policies,
            Some(&r.namespace),
            Timestamp::now(),
        )
        .map_err(ApiError::from)?;
        may_act_on(st, caller, after, "create", api::resource::KEY).await
    };
    checked.await.map_err(|mut e| {
        if e.problem.status == 403 {
            e.problem.detail = format!(
                "{} `{r}` needs what adding a key to it does: {}",
                revival.what(),
                e.problem.detail
            );
        }
        e
    })
}

// ---------------------------------------------------------------------------------------------
// Keys.

async fn list_keys(State(st): St, p: Params) -> Answer {
    let r = p.reference()?;
    let a = blocking(&st, move |s| s.get_account(&r)).await?;
    let res = json(
        StatusCode::OK,
        &ListBody {
            kind: "KeyList".into(),
            items: a.keys.clone(),
            warnings: vec![],
        },
    );
    Ok(with_header(res, header::ETAG, &api::etag(a.revision)))
}

/// The caller is about to act as `target` (a record as read) by giving it a key or a token. A
/// key or token of an account that impersonates a user speaks for that user as much as the
/// account's creation did: it needs the same global grant ([`IMPERSONATE`]). Likewise for an
/// account with groups (policies may name them anywhere, later too): the global
/// `update group`. Then `may_act_as` for the policies that name it now. A refusal for what the
/// account is names the grant only to a caller that may `get` the account
/// ([`unseen_account_refusal`]), as `may_act_as` names a policy only to one that may read it.
async fn may_act_on(
    st: &Arc<AppState>,
    caller: &Caller,
    target: &Account,
    action: &'static str,
    resource: &'static str,
) -> Result<(), ApiError> {
    for (needed, guard) in [
        (target.impersonates.is_some(), IMPERSONATE),
        (!target.groups.is_empty(), ASSIGN_GROUPS),
    ] {
        if !needed {
            continue;
        }
        if let Err(e) = may_globally(st, caller, guard).await {
            // The refusal would say that the account impersonates a user, or has groups: only
            // to a caller that may read it.
            let policies = policies(st).await?;
            if e.problem.status == 403
                && !may_get(
                    &caller.account,
                    &policies,
                    api::resource::SERVICE_ACCOUNT,
                    Some(&target.namespace),
                    Timestamp::now(),
                )
            {
                return Err(ApiError::from(unseen_account_refusal(
                    &caller.account.reference(),
                    &target.reference(),
                    action,
                    resource,
                )));
            }
            return Err(e);
        }
    }
    may_act_as(st, caller, target.clone(), action, resource).await
}

/// The refusal of acting as `target`, which needs a global grant for what it is (the user it
/// impersonates, its groups), to a caller that may not read it: it says neither which grant
/// nor why.
fn unseen_account_refusal(
    caller: &Reference,
    target: &Reference,
    action: &str,
    resource: &str,
) -> api::Problem {
    api::Problem {
        detail: format!(
            "service account `{caller}` may not act as `{target}` to {action} {resource}: what \
             `{target}` is needs a global grant that you do not hold, and you may not read \
             `{target}` to see which (ask an administrator who may read it)"
        ),
        namespace: None,
        ..api::Problem::forbidden(&caller.to_string(), action, resource, None)
    }
}

/// How often [`on_the_record`] tries, while concurrent writes to the account win.
const PINNED_TRIES: u32 = 5;

/// Reads account `r` and runs `attempt` on the record: it decides on that record and writes
/// pinned to it (the write fails unless the account stored under the name is still that record,
/// same uid and revision: `add_key_pinned`, `update_account`, …), so that what was authorized
/// is what gets written. When a concurrent write to the same account wins (`conflict`), it
/// reads and decides again, at most [`PINNED_TRIES`] times in all; another account under the
/// name (`replaced`: renamed onto it, or deleted and created again) is refused, not retried.
async fn on_the_record<T, F, Fut>(
    st: &Arc<AppState>,
    r: &Reference,
    mut attempt: F,
) -> Result<T, ApiError>
where
    F: FnMut(Account) -> Fut,
    Fut: std::future::Future<Output = Result<T, ApiError>>,
{
    let mut tries = 1;
    loop {
        let r = r.clone();
        let read = blocking(st, move |s| s.get_account(&r)).await?;
        match attempt(read).await {
            Err(e) if e.problem.code == code::CONFLICT && tries < PINNED_TRIES => tries += 1,
            done => return done,
        }
    }
}

async fn add_key(
    State(st): St,
    Extension(caller): Extension<Caller>,
    p: Params,
    JsonBody(body): JsonBody<NewKey>,
) -> Answer {
    let r = p.reference()?;
    let (st, caller, body) = (&st, &caller, &body);
    let (a, kid) = on_the_record(st, &r, |target| async move {
        may_act_on(st, caller, &target, "create", api::resource::KEY).await?;
        let key = public_key(
            &body.public_key,
            body.algorithm,
            "the public key of the request",
            Timestamp::now(),
        )?;
        let kid = key.kid.clone();
        let a = match blocking(st, move |s| Ok(s.add_key_pinned(&target, key))).await? {
            Ok(a) => a,
            Err(e) => return Err(holder_out_of_reach(st, caller, e).await),
        };
        Ok((a, kid))
    })
    .await?;
    let grants = policies(st).await?;
    let res = account_write_answer(caller, &grants, StatusCode::CREATED, &a);
    Ok(with_header(
        res,
        header::LOCATION,
        &format!("{}/keys/{kid}", account_url(&a)),
    ))
}

async fn remove_key(State(st): St, p: Params, Query(q): Query<HashMap<String, String>>) -> Answer {
    let r = p.reference()?;
    let force = match q.get("force").map(String::as_str) {
        None | Some("false") => false,
        Some("true") | Some("") => true,
        Some(v) => {
            return Err(ApiError::invalid(format!(
                "`force` must be true or false, not `{}`",
                sanitize(v)
            )));
        }
    };
    let kid = p.raw("kid").to_owned();
    blocking(&st, move |s| s.remove_key(&r, &kid, force)).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

// ---------------------------------------------------------------------------------------------
// Policies.

/// Subjects, actions, resources.
type PolicyLists = (Vec<String>, Vec<String>, Vec<String>);

/// The stored form of a policy's lists, checked as `svcacct policy create` checks them.
/// Subjects are references as `-o json` shows them: `name` is in `default`, `ns/name` elsewhere.
fn policy_lists(
    subjects: &[String],
    actions: &[String],
    resources: &[String],
) -> Result<PolicyLists, ApiError> {
    let subjects = crate::policy::normalize_subjects(subjects, &Namespace::default_ns())?;
    let actions = crate::policy::check_patterns("action", actions)?;
    let resources = crate::policy::check_patterns("resource", resources)?;
    for (kind, list) in [
        ("subjects", &subjects),
        ("actions", &actions),
        ("resources", &resources),
    ] {
        if list.is_empty() {
            return Err(ApiError::invalid(format!(
                "a policy needs at least one entry in `{kind}`"
            )));
        }
    }
    Ok((subjects, actions, resources))
}

fn scope_of(ns: Option<Namespace>) -> PolicyScope {
    match ns {
        None => PolicyScope::Global,
        Some(ns) => PolicyScope::Namespace(ns),
    }
}

async fn list_all_policies(State(st): St) -> Answer {
    let listing = blocking(&st, |s| s.list_policies(&Scope::All)).await?;
    Ok(policy_list(&st, listing))
}

async fn list_global_policies(State(st): St) -> Answer {
    let mut listing = blocking(&st, |s| s.list_policies(&Scope::All)).await?;
    listing.items.retain(|p| p.namespace.is_none());
    Ok(policy_list(&st, listing))
}

async fn list_policies(State(st): St, p: Params) -> Answer {
    let ns = p.ns()?;
    let listing = blocking(&st, move |s| s.list_policies(&Scope::Namespace(ns))).await?;
    Ok(policy_list(&st, listing))
}

/// The 403 for a policy that `caller` may not write (`policy::check_write`): what grant it
/// lacks, and how one gets it. It names no policy, so it tells nothing the caller may not read.
fn overreach(caller: &Account, new: &Policy, why: Overreach) -> ApiError {
    let who = caller.reference();
    let (action, resource, ns, detail) = match why {
        Overreach::Grant { action, resource } => {
            let (a, r) = (sanitize(&action), sanitize(&resource));
            let (escalate, on) = crate::policy::ESCALATE;
            let detail = match &new.namespace {
                Some(ns) => format!(
                    "service account `{who}` may not grant `{a}` on `{r}` in namespace `{ns}`: \
                     it does not hold that grant there itself (a policy grants only what its \
                     writer holds, unless a policy allows the writer `{escalate}` on `{on}` there)"
                ),
                None => format!(
                    "service account `{who}` may not grant `{a}` on `{r}` globally: it does not \
                     hold that grant globally itself (a policy grants only what its writer \
                     holds, unless a global policy allows the writer `{escalate}` on `{on}`)"
                ),
            };
            (action, resource, new.namespace.clone(), detail)
        }
        Overreach::Subject { subject, needs } => {
            let (create, accounts) = crate::policy::OWN_ACCOUNTS;
            let place = match &new.namespace {
                Some(ns) => format!("a policy of namespace `{ns}`"),
                None => "a global policy".to_owned(),
            };
            let (whose, grant) = match &needs {
                Some(ns) => (
                    format!("accounts of namespace `{ns}`"),
                    format!("a policy allowing `{create}` on `{accounts}` in namespace `{ns}`"),
                ),
                None => (
                    "accounts of every namespace".to_owned(),
                    format!("a global policy allowing `{create}` on `{accounts}`"),
                ),
            };
            let detail = format!(
                "service account `{who}` may not name `{}` in {place}: it names {whose}, and \
                 naming them needs {grant}, as acting as them does; no policy allows it",
                sanitize(&subject)
            );
            (create.to_owned(), accounts.to_owned(), needs, detail)
        }
    };
    Problem {
        action: Some(action),
        resource: Some(resource),
        namespace: ns.map(|n| n.to_string()),
        ..Problem::new(403, code::FORBIDDEN, detail)
    }
    .into()
}

/// `policy` written by `caller`, replacing `old` on an update, unless `policy::check_write`
/// refuses it. The policies are read just before the write; an update is decided on the stored
/// record whose revision and uid the write then requires.
fn write_policy(
    s: &dyn Store,
    caller: &Account,
    policy: Policy,
    old: Option<&Policy>,
) -> anyhow::Result<Result<Policy, ApiError>> {
    let policies = s.policy_snapshot()?;
    if let Err(why) = crate::policy::check_write(&policies, caller, &policy, old) {
        return Ok(Err(overreach(caller, &policy, why)));
    }
    Ok(Ok(match old {
        None => s.create_policy_checked(policy)?,
        Some(_) => s.update_policy(policy)?,
    }))
}

async fn create_in(
    st: Arc<AppState>,
    caller: Caller,
    ns: Option<Namespace>,
    body: NewPolicy,
) -> Answer {
    let (subjects, actions, resources) =
        policy_lists(&body.subjects, &body.actions, &body.resources)?;
    let now = Timestamp::now();
    let policy = Policy {
        name: body.name,
        namespace: ns,
        uid: new_uid(),
        revision: 0,
        description: body.description,
        subjects,
        actions,
        resources,
        created: now,
        updated: now,
    };
    let grants = policies(&st).await?;
    // In a namespace that exists, checked under the store's lock as for accounts.
    let writer = caller.account.clone();
    let p = blocking(&st, move |s| write_policy(s, &writer, policy, None)).await??;
    Ok(policy_write_answer(
        &caller,
        &grants,
        StatusCode::CREATED,
        &p,
    ))
}

async fn get_in(st: Arc<AppState>, ns: Option<Namespace>, name: Name) -> Answer {
    let scope = scope_of(ns);
    let p = blocking(&st, move |s| s.get_policy(&scope, &name)).await?;
    Ok(policy_answer(StatusCode::OK, &p))
}

async fn update_in(
    st: Arc<AppState>,
    caller: Caller,
    ns: Option<Namespace>,
    name: Name,
    headers: &HeaderMap,
    body: PolicyChange,
) -> Answer {
    let revision = if_match(headers)?;
    let (subjects, actions, resources) =
        policy_lists(&body.subjects, &body.actions, &body.resources)?;
    let scope = scope_of(ns);
    let grants = policies(&st).await?;
    let writer = caller.account.clone();
    let p = blocking(&st, move |s| {
        let stored = s.get_policy(&scope, &name)?;
        if let Some(e) = stale(
            format!("policy `{name}`"),
            (revision, &body.uid),
            (stored.revision, &stored.uid),
        ) {
            return Err(e.into());
        }
        let new = Policy {
            description: body.description,
            subjects,
            actions,
            resources,
            updated: Timestamp::now(),
            ..stored.clone()
        };
        write_policy(s, &writer, new, Some(&stored))
    })
    .await??;
    Ok(policy_write_answer(&caller, &grants, StatusCode::OK, &p))
}

async fn delete_in(st: Arc<AppState>, ns: Option<Namespace>, name: Name) -> Answer {
    let scope = scope_of(ns);
    blocking(&st, move |s| s.delete_policy(&scope, &name)).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

async fn create_global_policy(
    State(st): St,
    Extension(caller): Extension<Caller>,
    JsonBody(body): JsonBody<NewPolicy>,
) -> Answer {
    create_in(st, caller, None, body).await
}

async fn get_global_policy(State(st): St, p: Params) -> Answer {
    get_in(st, None, p.name()?).await
}

async fn update_global_policy(
    State(st): St,
    Extension(caller): Extension<Caller>,
    p: Params,
    headers: HeaderMap,
    JsonBody(body): JsonBody<PolicyChange>,
) -> Answer {
    update_in(st, caller, None, p.name()?, &headers, body).await
}

async fn delete_global_policy(State(st): St, p: Params) -> Answer {
    delete_in(st, None, p.name()?).await
}

async fn create_policy(
    State(st): St,
    Extension(caller): Extension<Caller>,
    p: Params,
    JsonBody(body): JsonBody<NewPolicy>,
) -> Answer {
    create_in(st, caller, Some(p.ns()?), body).await
}

async fn get_policy(State(st): St, p: Params) -> Answer {
    get_in(st, Some(p.ns()?), p.name()?).await
}

async fn update_policy(
    State(st): St,
    Extension(caller): Extension<Caller>,
    p: Params,
    headers: HeaderMap,
    JsonBody(body): JsonBody<PolicyChange>,
) -> Answer {
    update_in(st, caller, Some(p.ns()?), p.name()?, &headers, body).await
}

async fn delete_policy(State(st): St, p: Params) -> Answer {
    delete_in(st, Some(p.ns()?), p.name()?).await
}

// ---------------------------------------------------------------------------------------------
// Issued tokens and the issuer.

impl Params {
    fn token(&self) -> Result<Name, ApiError> {
        Ok(Name::parse(self.raw("token"))?)
    }
}

fn token_url(r: &Reference, name: &Name) -> String {
    format!(
        "/v1/namespaces/{}/serviceaccounts/{}/tokens/{name}",
        api::ns_segment(&r.namespace),
        r.name
    )
}

async fn list_tokens(State(st): St, p: Params) -> Answer {
    let r = p.reference()?;
    let items = blocking(&st, move |s| s.list_tokens(&r)).await?;
    Ok(json(
        StatusCode::OK,
        &ListBody {
            kind: "TokenList".into(),
            items,
            warnings: vec![],
        },
    ))
}

/// 201 with the token, the only time it is shown.
fn issued_answer(status: StatusCode, r: &Reference, t: &IssuedToken) -> Response {
    let res = json(status, t);
    let res = with_header(res, header::CACHE_CONTROL, "no-store");
    with_header(res, header::LOCATION, &token_url(r, &t.record.name))
}

async fn issue_token(
    State(st): St,
    Extension(caller): Extension<Caller>,
    p: Params,
    JsonBody(body): JsonBody<IssueRequest>,
) -> Answer {
    let r = p.reference()?;
    crate::issued::check_request(&body, Timestamp::now())?;
    let (st, caller, body) = (&st, &caller, &body);
    let t = on_the_record(st, &r, |target| async move {
        may_act_on(st, caller, &target, "create", api::resource::TOKEN).await?;
        let body = body.clone();
        blocking(st, move |s| s.issue_token_pinned(&target, &body)).await
    })
    .await?;
    Ok(issued_answer(StatusCode::CREATED, &r, &t))
}

async fn revoke_token(State(st): St, p: Params) -> Answer {
    let (r, name) = (p.reference()?, p.token()?);
    blocking(&st, move |s| s.revoke_token(&r, &name)).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

async fn regenerate_token(
    State(st): St,
    Extension(caller): Extension<Caller>,
    p: Params,
) -> Answer {
    let (r, name) = (p.reference()?, p.token()?);
    let (st, caller, name) = (&st, &caller, &name);
    let t = on_the_record(st, &r, |target| async move {
        may_act_on(st, caller, &target, "create", api::resource::TOKEN).await?;
        let name = name.clone();
        blocking(st, move |s| s.regenerate_token_pinned(&target, &name)).await
    })
    .await?;
    Ok(issued_answer(StatusCode::OK, &r, &t))
}

/// Renaming needs `update` on `token`; the answer is the token's record only to a caller that
/// may `list` the account's tokens, and otherwise its reference (`api::TokenRef`).
async fn rename_token(
    State(st): St,
    Extension(caller): Extension<Caller>,
    p: Params,
    JsonBody(body): JsonBody<TokenRename>,
) -> Answer {
    let (r, name) = (p.reference()?, p.token()?);
    let grants = policies(&st).await?;
    let r2 = r.clone();
    let t = match blocking(&st, move |s| s.rename_token(&r2, &name, &body.name)).await? {
        Shown::Record(t) => t,
        Shown::Reference(t) => {
            return Err(ApiError::internal(&anyhow::anyhow!(
                "the store answered the rename of a token of `{}` without the record",
                t.account
            )));
        }
    };
    let res = if may_list_tokens(&caller, &grants, &r.namespace, Timestamp::now()) {
        json(StatusCode::OK, &t)
    } else {
        json(StatusCode::OK, &api::TokenRef::of(&r, &t))
    };
    Ok(with_header(res, header::LOCATION, &token_url(&r, &t.name)))
}

async fn get_issuer(State(st): St) -> Answer {
    match blocking(&st, |s| s.issuer()).await? {
        Some(v) => Ok(json(StatusCode::OK, &v)),
        None => Err(ApiError::new(
            404,
            code::NOT_FOUND,
            "the store has no issuer yet: it is created when the first token is issued",
        )),
    }
}

/// Rotates an RSA issuer; an HMAC issuer needs a new secret, which is given on the server's
/// store folder (`svcacct issuer rotate --secret-file`) so that it never travels.
async fn rotate_issuer(State(st): St, JsonBody(body): JsonBody<RotateRequest>) -> Answer {
    let v = blocking(&st, move |s| {
        if let Some(i) = s.issuer()?
            && i.algorithm == crate::issued::IssuerAlgorithm::HS256
        {
            return Err(UserError::Failure(
                "an HS256 issuer is rotated with its new secret on the server's store folder \
                 (`svcacct issuer rotate --secret-file FILE --store DIR`), so that the secret never travels"
                    .into(),
            )
            .into());
        }
        s.rotate_issuer(None, body.revoke_previous)
    })
    .await?;
    Ok(json(StatusCode::OK, &v))
}

// ---------------------------------------------------------------------------------------------
// Reviews.

/// Verifies a token for a review: the account and key, or why not (an unknown issuer and a
/// bad signature read alike).
fn review_token(
    st: &AppState,
    s: &dyn Store,
    token: &str,
    audience: Option<&str>,
) -> anyhow::Result<Result<crate::token::Verified, String>> {
    let opts = crate::token::VerifyOptions {
        audience,
        max_lifetime: st.auth.max_lifetime,
        max_lifetime_source: &st.auth.max_lifetime_source,
        now: Timestamp::now(),
        since: std::time::Instant::now(),
    };
    match crate::token::verify(token, s, &opts) {
        Ok(v) => Ok(Ok(v)),
        Err(e) if e.downcast_ref::<Rejected>().is_some() => match public_reason(e) {
            super::auth::AuthError::Rejected(why) => Ok(Err(why)),
            super::auth::AuthError::Internal(e) => Err(e),
        },
        Err(e) => Err(e),
    }
}

async fn token_review(State(st): St, JsonBody(body): JsonBody<TokenReviewRequest>) -> Answer {
    let st2 = st.clone();
    let review = blocking(&st, move |s| {
        Ok(
            match review_token(&st2, s, &body.token, body.audience.as_deref())? {
                Ok(v) => TokenReview {
                    authenticated: true,
                    identity: Some(v.identity()),
                    error: None,
                },
                Err(why) => TokenReview {
                    authenticated: false,
                    identity: None,
                    error: Some(why),
                },
            },
        )
    })
    .await?;
    Ok(json(StatusCode::OK, &review))
}

/// An access review asks the policies about any account: what the answer says beyond
/// `allowed` is filtered by what the caller may read. The allowing policy is named only to a
/// caller that may `get` it; an account that is unknown, disabled or expired is told apart
/// only to a caller that may `get` it, and to any other all three read alike.
async fn access_review(
    State(st): St,
    Extension(caller): Extension<Caller>,
    JsonBody(body): JsonBody<AccessReviewRequest>,
) -> Answer {
    let action = crate::policy::check_pattern("action", &body.action)?;
    let resource = crate::policy::check_pattern("resource", &body.resource)?;
    let account_ref = match (&body.token, &body.account) {
        (Some(_), None) => None,
        (None, Some(a)) => Some(Reference::parse_canonical(a.trim())?),
        _ => {
            return Err(ApiError::invalid(
                "an access review names exactly one of `token` and `account`",
            ));
        }
    };
    let grants = policies(&st).await?;
    let st2 = st.clone();
    let review = blocking(&st, move |s| {
        let now = Timestamp::now();
        let may_read = |resource: &'static str, ns: Option<&Namespace>| {
            may_get(&caller.account, &grants, resource, ns, now)
        };
        // Why `r` cannot be allowed anything: `why`, to a caller that may read the account.
        let inactive = |r: &Reference, why: String| {
            if may_read(api::resource::SERVICE_ACCOUNT, Some(&r.namespace)) {
                why
            } else {
                format!("service account `{r}` is unknown, disabled or expired")
            }
        };
        let mut review = AccessReview {
            allowed: false,
            account: None,
            action: action.clone(),
            resource: resource.clone(),
            namespace: body.namespace.clone(),
            policy: None,
            reason: None,
        };
        let account = match (&body.token, account_ref) {
            (Some(t), _) => match review_token(&st2, s, t, None)? {
                Ok(v) => v.account,
                Err(why) => {
                    review.reason = Some(format!("token rejected: {why}"));
                    return Ok(review);
                }
            },
            (None, Some(r)) => {
                review.account = Some(r.to_string());
                match s.get_account(&r) {
                    Ok(a) => Arc::new(a),
                    Err(e) => match e.downcast_ref::<UserError>() {
                        Some(u @ UserError::UnknownAccount { .. }) => {
                            review.reason = Some(inactive(&r, u.to_string()));
                            return Ok(review);
                        }
                        _ => return Err(e),
                    },
                }
            }
            (None, None) => unreachable!("checked above"),
        };
        let r = account.reference();
        review.account = Some(r.to_string());
        match account.status(now) {
            Status::Active => {}
            Status::Disabled => {
                review.reason = Some(inactive(&r, format!("service account `{r}` is disabled")));
                return Ok(review);
            }
            Status::Expired => {
                review.reason = Some(inactive(&r, format!("service account `{r}` has expired")));
                return Ok(review);
            }
        }
        let found = match &body.namespace {
            Some(ns) => crate::policy::allowing(grants.iter(), &account, &action, &resource, ns),
            None => crate::policy::allowing(
                grants.iter().filter(|p| p.namespace.is_none()),
                &account,
                &action,
                &resource,
                &Namespace::default_ns(),
            ),
        };
        match found {
            Some(p) => {
                review.allowed = true;
                if may_read(api::resource::POLICY, p.namespace.as_ref()) {
                    review.policy = Some(p.name.to_string());
                }
            }
            None => {
                let place = match &body.namespace {
                    Some(ns) => format!("in namespace `{ns}`"),
                    None => "globally".to_owned(),
                };
                review.reason = Some(format!(
                    "no policy allows `{r}` to {action} {resource} {place}"
                ));
            }
        }
        Ok(review)
    })
    .await?;
    Ok(json(StatusCode::OK, &review))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_route_of_the_table_has_a_handler() {
        for r in ROUTES {
            let _ = handler(r);
        }
    }

    #[test]
    fn a_namespace_longer_than_a_file_name_is_refused() {
        let long = vec!["abcdefghi"; 30].join("/");
        let err = namespace_param(&long).unwrap_err();
        assert_eq!(err.problem.status, 400);
    }

    /// The body of a response, as text.
    fn body_text(res: Response) -> String {
        let rt = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        let bytes = rt
            .block_on(axum::body::to_bytes(res.into_body(), usize::MAX))
            .unwrap();
        String::from_utf8(bytes.to_vec()).unwrap()
    }

    #[test]
    fn a_kept_account_body_is_the_same_as_a_new_one_and_follows_the_status() {
        let now = Timestamp::now();
        let mut a = crate::store::memory::tests::account("ci-bot");
        a.expires = Some(now + jiff::SignedDuration::from_hours(1));
        let a = Arc::new(a);
        let bodies = AccountBodies::default();
        let first = bodies.answer(&a, now);
        assert_eq!(first.headers()[header::ETAG], "\"7\"");
        let first = body_text(first);
        assert!(first.contains(r#""status":"active""#), "{first}");
        assert_eq!(body_text(bodies.answer(&a, now)), first);
        assert_eq!(body_text(account_answer(StatusCode::OK, &a)), first);
        // an hour later the same record is expired, and says so
        let later = body_text(bodies.answer(&a, now + jiff::SignedDuration::from_hours(2)));
        assert!(later.contains(r#""status":"expired""#), "{later}");
        // another record of the same account (a new Arc): its own body
        let mut b = a.as_ref().clone();
        b.description = "changed".into();
        let b = Arc::new(b);
        assert!(body_text(bodies.answer(&b, now)).contains("changed"));
        assert!(!body_text(bodies.answer(&a, now)).contains("changed"));
    }

    /// Enabling, and removing or extending an expiry, give credentials back; disabling,
    /// shortening an expiry or setting one where there was none take them away.
    #[test]
    fn what_revives_an_account() {
        let now = Timestamp::now();
        let day = jiff::SignedDuration::from_hours(24);
        let base = crate::store::memory::tests::account("ci-bot");
        let with = |disabled: bool, expires: Option<Timestamp>| Account {
            disabled,
            expires,
            ..base.clone()
        };
        let revival = |before: &Account, after: &Account| {
            let r = Revival::of(before, after);
            (r.enables, r.extends)
        };
        let (soon, later) = (Some(now + day), Some(now + day * 30));
        assert_eq!(
            revival(&with(true, None), &with(false, None)),
            (true, false)
        );
        assert_eq!(
            revival(&with(false, None), &with(true, None)),
            (false, false)
        );
        assert_eq!(
            revival(&with(false, None), &with(false, None)),
            (false, false)
        );
        assert_eq!(
            revival(&with(false, soon), &with(false, None)),
            (false, true)
        );
        assert_eq!(
            revival(&with(false, soon), &with(false, later)),
            (false, true)
        );
        assert_eq!(
            revival(&with(false, later), &with(false, soon)),
            (false, false)
        );
        assert_eq!(
            revival(&with(false, None), &with(false, soon)),
            (false, false)
        );
        assert_eq!(
            revival(&with(false, soon), &with(false, soon)),
            (false, false)
        );
        assert_eq!(
            revival(&with(true, soon), &with(false, later)),
            (true, true)
        );
    }

    #[test]
    fn the_grants_that_policy_writes_ask_for_name_api_resources() {
        assert_eq!(crate::policy::ESCALATE, ("escalate", api::resource::POLICY));
        assert_eq!(
            crate::policy::OWN_ACCOUNTS,
            ("create", api::resource::SERVICE_ACCOUNT)
        );
    }

    #[test]
    fn the_router_builds() {
        let st = Arc::new(AppState::for_tests());
        let _ = router(st);
    }
}
