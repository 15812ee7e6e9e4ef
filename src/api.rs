//! The HTTP API of `svcacct serve`, shared by the server (`crate::server`) and the remote store
//! (`crate::store::remote`): routes with the action and resource each one needs, request
//! bodies, review and whoami answers, and problem details (RFC 9457).
//!
//! The OpenAPI document `openapi.json` at the repository root describes the same API; a test
//! checks that it lists exactly the routes of [`ROUTES`].
//!
//! Conventions:
//! - A namespace in a path is one segment with its `/` percent-encoded (`eng%2Fplatform`); see
//!   [`ns_segment`].
//! - Accounts and policies travel as their `-o json` form (`crate::model`). Their `revision` is
//!   the `ETag` (`"3"`); `PUT` needs `If-Match` with it (428 without), and a stale one is a
//!   409 `conflict`.
//! - A write answers with the record it wrote only to a caller that may `get` it, otherwise
//!   with its reference ([`Shown`]); a refusal names a record only to a caller that may `get`
//!   it.
//! - Lists are `{"kind": "...List", "items": [...], "warnings": ["..."]}`; a warning is a record
//!   that could not be read.
//! - Errors are `application/problem+json` [`Problem`]s.

use jiff::Timestamp;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::error::UserError;
use crate::identity::{Name, Namespace, Reference};
use crate::labels::Labels;
use crate::model::{
    Account, KeyAlgorithm, KeyRecord, NamespaceRecord, Policy, PolicyScope, TokenRecord,
};

/// Largest request body the server reads.
pub const MAX_BODY_BYTES: usize = 64 * 1024;

/// What a route is about, for the policy engine.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Guard {
    /// No token needed: health, readiness, the key sets.
    Public,
    /// Any valid token; no policy is consulted (whoami, the OpenAPI document).
    Authenticated,
    /// A policy must allow `action` on `resource` in the namespace of the `{ns}` path segment.
    Namespaced {
        action: &'static str,
        resource: &'static str,
    },
    /// A global policy must allow `action` on `resource` (routes without a namespace: lists
    /// across every namespace, global policies, token and access reviews).
    Global {
        action: &'static str,
        resource: &'static str,
    },
    /// A policy must allow `action` on `resource` in the *parent* of the namespace the request
    /// is about (a grant there or a global one); for a top-level namespace, a global policy.
    /// The handler checks it, since the namespace may be in the body.
    Parent {
        action: &'static str,
        resource: &'static str,
    },
}

/// One route: method, axum path template, and what it needs.
#[derive(Clone, Copy, Debug)]
pub struct Route {
    pub method: &'static str,
    pub path: &'static str,
    pub guard: Guard,
}

const fn r(method: &'static str, path: &'static str, guard: Guard) -> Route {
    Route {
        method,
        path,
        guard,
    }
}

const fn ns(action: &'static str, resource: &'static str) -> Guard {
    Guard::Namespaced { action, resource }
}

const fn parent(action: &'static str, resource: &'static str) -> Guard {
    Guard::Parent { action, resource }
}

const fn global(action: &'static str, resource: &'static str) -> Guard {
    Guard::Global { action, resource }
}

pub mod resource {
    pub const SERVICE_ACCOUNT: &str = "serviceaccount";
    pub const KEY: &str = "key";
    pub const POLICY: &str = "policy";
    pub const TOKEN_REVIEW: &str = "tokenreview";
    pub const ACCESS_REVIEW: &str = "accessreview";
    /// Not a route: giving an account a group (policies everywhere may name groups) needs a
    /// global policy allowing `update` on `group`, besides the route's own guard.
    pub const GROUP: &str = "group";
    /// Issued tokens (`svcacct tokens`).
    pub const TOKEN: &str = "token";
    /// The store's token issuer.
    pub const ISSUER: &str = "issuer";
    pub const NAMESPACE: &str = "namespace";
    /// `GET /metrics`.
    pub const METRICS: &str = "metrics";
    /// Not a route: making an account that impersonates a user (its tokens speak for that
    /// user) needs a global policy allowing `impersonate` on `user`.
    pub const USER: &str = "user";
}

use resource::{
    ACCESS_REVIEW, ISSUER, KEY, METRICS as METRICS_RESOURCE, NAMESPACE, POLICY,
    SERVICE_ACCOUNT as SA, TOKEN, TOKEN_REVIEW,
};

pub const ACCOUNTS: &str = "/v1/namespaces/{ns}/serviceaccounts";
pub const ACCOUNT: &str = "/v1/namespaces/{ns}/serviceaccounts/{name}";
pub const TOKENS: &str = "/v1/namespaces/{ns}/serviceaccounts/{name}/tokens";
pub const TOKEN_PATH: &str = "/v1/namespaces/{ns}/serviceaccounts/{name}/tokens/{token}";
pub const TOKEN_REGENERATE: &str =
    "/v1/namespaces/{ns}/serviceaccounts/{name}/tokens/{token}/regenerate";
pub const TOKEN_RENAME: &str = "/v1/namespaces/{ns}/serviceaccounts/{name}/tokens/{token}/rename";
/// A requested token (`crate::issued::TokenRequest`), as Kubernetes' TokenRequest.
pub const TOKEN_REQUEST: &str = "/v1/namespaces/{ns}/serviceaccounts/{name}/token";
pub const ISSUER_PATH: &str = "/v1/issuer";
/// The issuer's keys, and nothing else (docs/ARCHITECTURE.md, "Trust domains").
pub const ISSUER_JWKS: &str = "/.well-known/jwks.json";
/// The issuer's OpenID Connect discovery document (`OpenIdConfiguration`): what relying
/// parties read at the issuer URL + this path.
pub const OIDC_DISCOVERY: &str = "/.well-known/openid-configuration";
/// An account's own keys: they verify its self-signed tokens.
pub const ACCOUNT_JWKS: &str = "/v1/namespaces/{ns}/serviceaccounts/{name}/jwks";
pub const ISSUER_ROTATE: &str = "/v1/issuer/rotate";
/// What the server runs (`VersionInfo`): public, as kube-apiserver's `/version`.
pub const VERSION_PATH: &str = "/version";
/// The server's metrics, in the Prometheus text format.
pub const METRICS: &str = "/metrics";

/// Every route the server answers. The server's router, its authorization and the OpenAPI
/// document all follow this table.
pub const ROUTES: &[Route] = &[
    r("GET", "/healthz", Guard::Public),
    r("GET", "/readyz", Guard::Public),
    r("GET", VERSION_PATH, Guard::Public),
    // Public with `serve --unauthenticated-metrics` (`server::auth::guard`).
    r("GET", METRICS, global("get", METRICS_RESOURCE)),
    r("GET", ISSUER_JWKS, Guard::Public),
    r("GET", OIDC_DISCOVERY, Guard::Public),
    r("GET", "/v1/openapi.json", Guard::Authenticated),
    r("GET", "/v1/whoami", Guard::Authenticated),
    // Namespaces. The list holds those the caller may `get`.
    r("GET", "/v1/namespaces", Guard::Authenticated),
    r("POST", "/v1/namespaces", parent("create", NAMESPACE)),
    r("GET", "/v1/namespaces/{ns}", ns("get", NAMESPACE)),
    r("DELETE", "/v1/namespaces/{ns}", parent("delete", NAMESPACE)),
    // Service accounts.
    r("GET", "/v1/serviceaccounts", global("list", SA)),
    r("GET", ACCOUNTS, ns("list", SA)),
    r("POST", ACCOUNTS, ns("create", SA)),
    r("GET", ACCOUNT, ns("get", SA)),
    r("PUT", ACCOUNT, ns("update", SA)),
    r("DELETE", ACCOUNT, ns("delete", SA)),
    // Public, as a gateway fetches it; the account's existence is no secret to one.
    r("GET", ACCOUNT_JWKS, Guard::Public),
    r(
        "POST",
        "/v1/namespaces/{ns}/serviceaccounts/{name}/rename",
        ns("update", SA),
    ),
    r(
        "POST",
        "/v1/namespaces/{ns}/serviceaccounts/{name}/disable",
        ns("update", SA),
    ),
    r(
        "POST",
        "/v1/namespaces/{ns}/serviceaccounts/{name}/enable",
        ns("update", SA),
    ),
    // Their keys.
    r(
        "GET",
        "/v1/namespaces/{ns}/serviceaccounts/{name}/keys",
        ns("list", KEY),
    ),
    r(
        "POST",
        "/v1/namespaces/{ns}/serviceaccounts/{name}/keys",
        ns("create", KEY),
    ),
    r(
        "DELETE",
        "/v1/namespaces/{ns}/serviceaccounts/{name}/keys/{kid}",
        ns("delete", KEY),
    ),
    // Policies: every scope, global ones, namespaced ones.
    r("GET", "/v1/policies", global("list", POLICY)),
    r("GET", "/v1/globalpolicies", global("list", POLICY)),
    r("POST", "/v1/globalpolicies", global("create", POLICY)),
    r("GET", "/v1/globalpolicies/{name}", global("get", POLICY)),
    r("PUT", "/v1/globalpolicies/{name}", global("update", POLICY)),
    r(
        "DELETE",
        "/v1/globalpolicies/{name}",
        global("delete", POLICY),
    ),
    r("GET", "/v1/namespaces/{ns}/policies", ns("list", POLICY)),
    r("POST", "/v1/namespaces/{ns}/policies", ns("create", POLICY)),
    r(
        "GET",
        "/v1/namespaces/{ns}/policies/{name}",
        ns("get", POLICY),
    ),
    r(
        "PUT",
        "/v1/namespaces/{ns}/policies/{name}",
        ns("update", POLICY),
    ),
    r(
        "DELETE",
        "/v1/namespaces/{ns}/policies/{name}",
        ns("delete", POLICY),
    ),
    // Issued tokens, and the issuer that signs them.
    r("GET", TOKENS, ns("list", TOKEN)),
    r("POST", TOKENS, ns("create", TOKEN)),
    r("DELETE", TOKEN_PATH, ns("delete", TOKEN)),
    // Regenerating mints a token: `create`, so that `update` (renaming) gives no credential.
    r("POST", TOKEN_REGENERATE, ns("create", TOKEN)),
    r("POST", TOKEN_RENAME, ns("update", TOKEN)),
    // A requested token is a credential of the account, as an issued one: `create` on `token`.
    r("POST", TOKEN_REQUEST, ns("create", TOKEN)),
    r("GET", ISSUER_PATH, Guard::Authenticated),
    r("POST", ISSUER_ROTATE, global("update", ISSUER)),
    // Reviews, for services that use svcacct as their identity manager.
    r("POST", "/v1/tokenreviews", global("create", TOKEN_REVIEW)),
    r("POST", "/v1/accessreviews", global("create", ACCESS_REVIEW)),
];

/// `GET /.well-known/openid-configuration`, as Kubernetes' service-account issuer discovery
/// answers it (OpenID Connect Discovery 1.0 §3): the fields relying parties read.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpenIdConfiguration {
    /// The issuer URL: the `iss` of its tokens.
    pub issuer: String,
    /// The issuer URL + `/.well-known/jwks.json`.
    pub jwks_uri: String,
    /// `["id_token"]`: tokens are requested from the registry, never through a browser flow.
    pub response_types_supported: Vec<String>,
    /// `["public"]`: `sub` is the same to every relying party.
    pub subject_types_supported: Vec<String>,
    pub id_token_signing_alg_values_supported: Vec<String>,
    pub claims_supported: Vec<String>,
}

impl OpenIdConfiguration {
    /// The document of an RS256 issuer at `url`.
    pub fn of(url: &str) -> OpenIdConfiguration {
        let strings = |v: &[&str]| v.iter().map(|s| (*s).to_owned()).collect();
        OpenIdConfiguration {
            issuer: url.to_owned(),
            jwks_uri: format!("{url}{ISSUER_JWKS}"),
            response_types_supported: strings(&["id_token"]),
            subject_types_supported: strings(&["public"]),
            id_token_signing_alg_values_supported: strings(&["RS256"]),
            claims_supported: strings(&[
                "iss", "sub", "aud", "exp", "iat", "nbf", "jti", "act", "svcacct",
            ]),
        }
    }
}

/// What a kubectl (client-go) exec credential plugin prints: a
/// `client.authentication.k8s.io/v1` `ExecCredential` with the token and when it expires, so
/// that kubectl asks again only then.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ExecCredential<'a> {
    pub api_version: &'static str,
    pub kind: &'static str,
    pub status: ExecCredentialStatus<'a>,
}

#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ExecCredentialStatus<'a> {
    pub token: &'a str,
    pub expiration_timestamp: Timestamp,
}

impl<'a> ExecCredential<'a> {
    pub fn new(token: &'a str, expires: Timestamp) -> ExecCredential<'a> {
        ExecCredential {
            api_version: "client.authentication.k8s.io/v1",
            kind: "ExecCredential",
            status: ExecCredentialStatus {
                token,
                // RFC 3339 in whole seconds, as Kubernetes writes times.
                expiration_timestamp: Timestamp::from_second(expires.as_second())
                    .unwrap_or(expires),
            },
        }
    }
}

/// A namespace as one path segment: `eng/platform` → `eng%2Fplatform`. (Names and namespace
/// labels are DNS-1123, so `/` is the only character that needs encoding.)
pub fn ns_segment(ns: &Namespace) -> String {
    ns.as_str().replace('/', "%2F")
}

/// An optional field of a request body: absent is `None`; `null` is refused as any other value
/// of the wrong type is (400), since `openapi.json` types these fields without `null`.
pub(crate) fn present<'de, D, T>(d: D) -> Result<Option<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    T::deserialize(d).map(Some)
}

/// `POST /v1/namespaces/{ns}/serviceaccounts`. The server assigns uid, revision and dates and
/// computes each key's kid, fingerprint and size from the PEM itself.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NewAccount {
    pub name: Name,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub groups: Vec<String>,
    /// Checked as `crate::labels` says (400 otherwise); left out when empty.
    #[serde(default, skip_serializing_if = "Labels::is_empty")]
    pub labels: Labels,
    #[serde(default)]
    pub disabled: bool,
    #[serde(
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    pub expires: Option<Timestamp>,
    /// Public keys as PEM (SPKI or PKCS#1); a private key is refused.
    pub public_keys: Vec<String>,
    /// The algorithm the keys sign with (absent: RS256); each key signs with one.
    #[serde(
        default,
        deserialize_with = "present",
        skip_serializing_if = "is_rs256"
    )]
    pub key_algorithm: Option<KeyAlgorithm>,
    /// The user id the account acts for (needs a global grant of `impersonate` on `user`).
    #[serde(
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    pub impersonates: Option<String>,
}

/// `PUT /v1/namespaces/{ns}/serviceaccounts/{name}` with `If-Match: "<revision>"`: replaces
/// these fields. Keys change only through the keys routes; `uid` must be the stored one
/// (otherwise 409 `replaced`).
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AccountChange {
    pub uid: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub groups: Vec<String>,
    /// The labels that replace the stored ones; absent, they are kept (a client from before
    /// labels does not erase them).
    #[serde(
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    pub labels: Option<Labels>,
    #[serde(default)]
    pub disabled: bool,
    #[serde(
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    pub expires: Option<Timestamp>,
}

/// `POST .../serviceaccounts/{name}/keys`: answers 201 with the account.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NewKey {
    pub public_key: String,
    /// The algorithm the key signs with (absent: RS256).
    #[serde(
        default,
        deserialize_with = "present",
        skip_serializing_if = "is_rs256"
    )]
    pub algorithm: Option<KeyAlgorithm>,
}

/// Left out of a request when it is the default, so that a server from before the field
/// still takes the request.
fn is_rs256(a: &Option<KeyAlgorithm>) -> bool {
    matches!(a, None | Some(KeyAlgorithm::RS256))
}

/// `POST .../serviceaccounts/{name}/rename`: answers with the renamed account.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Rename {
    pub new_name: Name,
}

/// A record as a write shows it: the whole record to a caller that may `get` it, otherwise
/// only its reference (an [`AccountRef`] or a [`PolicyRef`]), so that an answer never carries
/// more than the caller may read. A store on a folder always gives the record; the remote
/// store gives what the server showed. On the wire a reference is told from a record by its
/// `kind` (`ServiceAccountReference`, `PolicyReference`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Shown<T, R> {
    Record(T),
    Reference(R),
}

/// An account as a write shows it.
pub type AccountAnswer = Shown<Account, AccountRef>;
/// A policy as a write shows it.
pub type PolicyAnswer = Shown<Policy, PolicyRef>;

/// The `kind` of a reference form, which tells it from a record.
pub trait ReferenceKind {
    const KIND: &'static str;
}

impl<'de, T: DeserializeOwned, R: DeserializeOwned + ReferenceKind> Deserialize<'de>
    for Shown<T, R>
{
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let v = serde_json::Value::deserialize(d)?;
        if v.get("kind").and_then(serde_json::Value::as_str) == Some(R::KIND) {
            serde_json::from_value(v).map(Shown::Reference)
        } else {
            serde_json::from_value(v).map(Shown::Record)
        }
        .map_err(serde::de::Error::custom)
    }
}

/// What a write shows of an account to a caller that may not `get` it: which account, and
/// the revision the write made (its `ETag`, and with `uid` what a next `PUT` needs).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AccountRef {
    /// `ServiceAccountReference`.
    pub kind: String,
    /// `name` in `default`, else `ns/name`.
    pub reference: String,
    pub namespace: Namespace,
    pub name: Name,
    pub uid: String,
    pub revision: u64,
}

impl ReferenceKind for AccountRef {
    const KIND: &'static str = "ServiceAccountReference";
}

impl AccountRef {
    pub fn of(a: &Account) -> AccountRef {
        AccountRef {
            kind: Self::KIND.to_owned(),
            reference: a.reference().to_string(),
            namespace: a.namespace.clone(),
            name: a.name.clone(),
            uid: a.uid.clone(),
            revision: a.revision,
        }
    }
}

/// What a write shows of a policy to a caller that may not `get` it: which policy (no
/// `namespace`: a global one), and its revision.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PolicyRef {
    /// `PolicyReference`.
    pub kind: String,
    pub name: Name,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub namespace: Option<Namespace>,
    pub uid: String,
    pub revision: u64,
}

impl ReferenceKind for PolicyRef {
    const KIND: &'static str = "PolicyReference";
}

impl PolicyRef {
    pub fn of(p: &Policy) -> PolicyRef {
        PolicyRef {
            kind: Self::KIND.to_owned(),
            name: p.name.clone(),
            namespace: p.namespace.clone(),
            uid: p.uid.clone(),
            revision: p.revision,
        }
    }
}

/// What renaming an issued token shows of it to a caller that may not `list` the account's
/// tokens (the only way to read them): which token, by its new name, and nothing of its record
/// (no `id`, `kid`, dates or audiences).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TokenRef {
    /// `TokenReference`.
    pub kind: String,
    /// The account's reference: `name` in `default`, else `ns/name`.
    pub account: String,
    pub name: Name,
}

impl ReferenceKind for TokenRef {
    const KIND: &'static str = "TokenReference";
}

impl TokenRef {
    pub fn of(account: &Reference, t: &crate::model::TokenRecord) -> TokenRef {
        TokenRef {
            kind: Self::KIND.to_owned(),
            account: account.to_string(),
            name: t.name.clone(),
        }
    }
}

/// An issued token's record as a rename shows it.
pub type TokenAnswer = Shown<crate::model::TokenRecord, TokenRef>;

impl AccountAnswer {
    pub fn reference(&self) -> Reference {
        match self {
            Shown::Record(a) => a.reference(),
            Shown::Reference(r) => Reference::new(r.namespace.clone(), r.name.clone()),
        }
    }

    pub fn revision(&self) -> u64 {
        match self {
            Shown::Record(a) => a.revision,
            Shown::Reference(r) => r.revision,
        }
    }

    /// The record, when the answer holds it.
    pub fn record(&self) -> Option<&Account> {
        match self {
            Shown::Record(a) => Some(a),
            Shown::Reference(_) => None,
        }
    }

    /// The reference form, unless `readable` (may the caller `get` the account?).
    pub fn unless_readable(self, readable: impl FnOnce(&Account) -> bool) -> Self {
        match self {
            Shown::Record(a) if !readable(&a) => Shown::Reference(AccountRef::of(&a)),
            shown => shown,
        }
    }
}

impl PolicyAnswer {
    pub fn name(&self) -> &Name {
        match self {
            Shown::Record(p) => &p.name,
            Shown::Reference(r) => &r.name,
        }
    }

    /// `None` for a global policy.
    pub fn namespace(&self) -> Option<&Namespace> {
        match self {
            Shown::Record(p) => p.namespace.as_ref(),
            Shown::Reference(r) => r.namespace.as_ref(),
        }
    }

    pub fn scope(&self) -> PolicyScope {
        match self.namespace() {
            None => PolicyScope::Global,
            Some(ns) => PolicyScope::Namespace(ns.clone()),
        }
    }

    /// The reference form, unless `readable` (may the caller `get` the policy?).
    pub fn unless_readable(self, readable: impl FnOnce(&Policy) -> bool) -> Self {
        match self {
            Shown::Record(p) if !readable(&p) => Shown::Reference(PolicyRef::of(&p)),
            shown => shown,
        }
    }
}

/// The answer to a rename: the account under its new name, and the policies whose subjects
/// named it and now name the new reference (grants follow the account, so that nobody who
/// later creates an account under the old name inherits them). Each as the caller may see it
/// ([`Shown`]).
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Renamed {
    pub account: AccountAnswer,
    pub updated_policies: Vec<PolicyAnswer>,
    /// The issued tokens that were revoked (they named the old reference), by name: only to a
    /// caller that may `list` the account's tokens.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub revoked_tokens: Vec<Name>,
    /// How many issued tokens were revoked, to every caller: the one thing about them a caller
    /// that may not list them is told, since its rename made them stop working.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub revoked_token_count: usize,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// `POST /v1/namespaces`: creates namespace `name` (its parent must exist) and, unless
/// `defaults` is false, its default accounts and policies.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NewNamespace {
    pub name: Namespace,
    #[serde(default = "yes")]
    pub defaults: bool,
    #[serde(default, skip_serializing_if = "Labels::is_empty")]
    pub labels: Labels,
}

fn yes() -> bool {
    true
}

/// The answer to `POST /v1/namespaces` (201): the record, and the default accounts and
/// policies made with it (each as the caller may see it, [`Shown`]); `adopted` when the
/// namespace already held accounts or policies (a store from svcacct 1.0), whose records were
/// kept.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NamespaceCreated {
    pub namespace: NamespaceRecord,
    pub adopted: bool,
    pub accounts: Vec<AccountAnswer>,
    pub policies: Vec<PolicyAnswer>,
}

/// The answer to `DELETE /v1/namespaces/{ns}` (200): every namespace, account and policy that
/// was deleted (each account and policy as the caller may see it, [`Shown`]).
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NamespaceDeleted {
    pub namespaces: Vec<Namespace>,
    pub accounts: Vec<AccountAnswer>,
    pub policies: Vec<PolicyAnswer>,
}

/// `POST /v1/globalpolicies` or `/v1/namespaces/{ns}/policies`.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NewPolicy {
    pub name: Name,
    #[serde(default)]
    pub description: String,
    #[serde(default, skip_serializing_if = "Labels::is_empty")]
    pub labels: Labels,
    pub subjects: Vec<String>,
    pub actions: Vec<String>,
    pub resources: Vec<String>,
}

/// `PUT .../policies/{name}` with `If-Match`.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PolicyChange {
    pub uid: String,
    #[serde(default)]
    pub description: String,
    /// As `AccountChange::labels`.
    #[serde(
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    pub labels: Option<Labels>,
    pub subjects: Vec<String>,
    pub actions: Vec<String>,
    pub resources: Vec<String>,
}

/// `POST /v1/tokenreviews`.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TokenReviewRequest {
    pub token: String,
    /// Require this audience, as `svcacct verify --aud`.
    #[serde(
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    pub audience: Option<String>,
}

/// Who a verified token speaks for: the answer of `GET /v1/whoami`, and of a token review that
/// authenticated.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Identity {
    /// The reference: `name` in `default`, else `ns/name`.
    pub account: String,
    pub namespace: Namespace,
    pub name: Name,
    /// `system:serviceaccount:<ns>:<name>`.
    pub username: String,
    pub groups: Vec<String>,
    /// The user the account acts for (the token's `sub`), when it impersonates one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub impersonates: Option<String>,
    /// The account key, or for an issued token the issuer key, that signed the token.
    pub kid: String,
    /// Of that public key (empty for an HMAC issuer key).
    pub fingerprint: String,
    pub algorithm: String,
    pub issued_at: Timestamp,
    /// Absent for an issued token that never expires.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires_at: Option<Timestamp>,
    /// For an issued token: the store's issuer (`urn:svcacct:issuer:…`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issuer: Option<String>,
    /// For an issued token: its name (`svcacct tokens list`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token_name: Option<String>,
}

/// The answer of `POST /v1/tokenreviews` (always 200 when the caller may ask): `authenticated`
/// with the identity, or not, with the reason (the same text `svcacct verify` gives, except
/// that an unknown account and a key that does not match read alike).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TokenReview {
    pub authenticated: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub identity: Option<Identity>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

/// `POST /v1/accessreviews`: may this token's account (or this account) do `action` on
/// `resource` in `namespace` (absent: only global policies count)? Exactly one of `token` and
/// `account` (a canonical reference, `ns/name` or `name`).
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AccessReviewRequest {
    #[serde(
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    pub token: Option<String>,
    #[serde(
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    pub account: Option<String>,
    pub action: String,
    pub resource: String,
    #[serde(
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    pub namespace: Option<Namespace>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AccessReview {
    pub allowed: bool,
    /// The account asked about, when it is known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account: Option<String>,
    pub action: String,
    pub resource: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub namespace: Option<Namespace>,
    /// The policy that allows it, when the caller may `get` that policy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub policy: Option<String>,
    /// Why not (token invalid, account unknown, disabled or expired, no policy). Which of
    /// unknown, disabled and expired only to a caller that may `get` the account.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// Most items a page of a list may hold (`?limit=`, issue 13: `server/paging.rs`).
pub const MAX_LIST_LIMIT: usize = 1_000;

/// A list answer.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ListBody<T> {
    pub kind: String,
    pub items: Vec<T>,
    /// Records the store could not read, one message each.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
    /// Present when the list was asked with `limit` or `continue` (issue 13).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<ListMeta>,
}

/// A page's metadata, as Kubernetes' `ListMeta`: `continue` when more items remain, an opaque
/// token for `?continue=` (`server/paging.rs`).
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct ListMeta {
    #[serde(rename = "continue", default, skip_serializing_if = "Option::is_none")]
    pub continue_: Option<String>,
}

/// The `-o json` form of an account (README "JSON output").
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AccountView<'a> {
    kind: &'static str,
    reference: String,
    username: String,
    status: &'static str,
    #[serde(flatten)]
    account: &'a Account,
}

impl<'a> AccountView<'a> {
    pub fn new(account: &'a Account, now: Timestamp) -> Self {
        let r = account.reference();
        AccountView {
            kind: "ServiceAccount",
            username: r.username(),
            reference: r.to_string(),
            status: account.status(now).as_str(),
            account,
        }
    }
}

#[derive(Serialize)]
pub struct PolicyView<'a> {
    kind: &'static str,
    #[serde(flatten)]
    policy: &'a Policy,
}

impl<'a> PolicyView<'a> {
    /// The `-o json` form of a policy (also what `svcacct serve` answers).
    pub fn new(policy: &'a Policy) -> Self {
        PolicyView {
            kind: "Policy",
            policy,
        }
    }
}

/// A key as a `KeyList` holds it (`key list -o json`, `GET …/keys`): the record with its
/// `kind`, as Kubernetes lists give each item theirs. The keys inside an account's document
/// have none, as an object's parts have none there.
#[derive(Serialize)]
pub struct KeyView<'a> {
    kind: &'static str,
    #[serde(flatten)]
    key: &'a KeyRecord,
}

impl<'a> KeyView<'a> {
    pub fn new(key: &'a KeyRecord) -> Self {
        KeyView { kind: "Key", key }
    }
}

/// An issued token's record as `tokens list -o json` and `GET …/tokens` show it, and a write
/// of one with `-o json` or a rename's answer: the record with its `kind`, never the token.
/// The stored record has none, so stored files stay byte for byte.
#[derive(Serialize)]
pub struct TokenView<'a> {
    kind: &'static str,
    #[serde(flatten)]
    record: &'a TokenRecord,
}

impl<'a> TokenView<'a> {
    pub fn new(record: &'a TokenRecord) -> Self {
        TokenView {
            kind: "Token",
            record,
        }
    }
}

/// The `-o json` form of a namespace (README "JSON output"); `default` is `implicit`, without
/// uid, revision or creation date.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NamespaceView {
    kind: &'static str,
    pub name: Namespace,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub uid: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub revision: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub created: Option<Timestamp>,
    #[serde(skip_serializing_if = "Labels::is_empty")]
    pub labels: Labels,
    pub implicit: bool,
}

impl NamespaceView {
    pub fn record(r: &NamespaceRecord) -> NamespaceView {
        NamespaceView {
            kind: "Namespace",
            name: r.name.clone(),
            uid: Some(r.uid.clone()),
            revision: Some(r.revision),
            created: Some(r.created),
            labels: r.labels.clone(),
            implicit: false,
        }
    }

    pub fn implicit(name: Namespace) -> NamespaceView {
        NamespaceView {
            kind: "Namespace",
            name,
            uid: None,
            revision: None,
            created: None,
            labels: Labels::new(),
            implicit: true,
        }
    }
}

/// The `code` of a problem: what the client acts on.
pub mod code {
    /// 401: no token, or a token that does not verify.
    pub const UNAUTHORIZED: &str = "unauthorized";
    /// 403: the token is valid; no policy allows the action.
    pub const FORBIDDEN: &str = "forbidden";
    /// 404: no such account, policy, key or route.
    pub const NOT_FOUND: &str = "not-found";
    /// 405.
    pub const METHOD_NOT_ALLOWED: &str = "method-not-allowed";
    /// 409: the name is taken.
    pub const ALREADY_EXISTS: &str = "already-exists";
    /// 409: `If-Match` names an old revision; read again and retry. Or the registry changed
    /// while the request was authorized, and it no longer holds (`UserError::RegistryChanged`):
    /// send it again.
    pub const CONFLICT: &str = "conflict";
    /// 409: the record was deleted and created again since it was read.
    pub const REPLACED: &str = "replaced";
    /// 400: a bad name, body, key or value; 414 and 501: a request target or a method longer
    /// than any the API has.
    pub const INVALID: &str = "invalid";
    /// 422: a well-formed request that the store refuses (removing the last key without
    /// `force`).
    pub const REFUSED: &str = "refused";
    /// 408: the request did not arrive in time.
    pub const TIMEOUT: &str = "timeout";
    /// 413: the body is larger than `MAX_BODY_BYTES`.
    pub const TOO_LARGE: &str = "too-large";
    /// 415: the body is not `application/json`.
    pub const UNSUPPORTED_MEDIA_TYPE: &str = "unsupported-media-type";
    /// 428: `PUT` without `If-Match`.
    pub const PRECONDITION_REQUIRED: &str = "precondition-required";
    /// 500: a store record is unreadable, or another failure on the server.
    pub const INTERNAL: &str = "internal";
    /// 503: shutting down, or busy (too many requests in progress, some of them from the
    /// caller's network: `Retry-After` says when to try again).
    pub const UNAVAILABLE: &str = "unavailable";

    /// Every code above (keep in step: the OpenAPI test compares it with the document).
    pub const ALL: &[&str] = &[
        UNAUTHORIZED,
        FORBIDDEN,
        NOT_FOUND,
        METHOD_NOT_ALLOWED,
        ALREADY_EXISTS,
        CONFLICT,
        REPLACED,
        INVALID,
        REFUSED,
        TIMEOUT,
        TOO_LARGE,
        UNSUPPORTED_MEDIA_TYPE,
        PRECONDITION_REQUIRED,
        INTERNAL,
        UNAVAILABLE,
    ];
}

/// An error answer, `application/problem+json` (RFC 9457).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Problem {
    /// `urn:svcacct:problem:<code>`.
    #[serde(rename = "type")]
    pub kind: String,
    pub title: String,
    pub status: u16,
    /// What happened and what to do; never a token or key, and for 401/403 nothing that tells
    /// whether some other account exists.
    pub detail: String,
    pub code: String,
    /// 403: the action and resource that were refused, and where. 404 of a namespace that
    /// does not exist: `resource` is `namespace` and `namespace` the one missing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resource: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub namespace: Option<String>,
}

impl Problem {
    pub fn new(status: u16, code: &str, detail: impl Into<String>) -> Problem {
        Problem {
            kind: format!("urn:svcacct:problem:{code}"),
            title: title(status).to_owned(),
            status,
            detail: detail.into(),
            code: code.to_owned(),
            action: None,
            resource: None,
            namespace: None,
        }
    }

    /// The refusal of a valid token that no policy allows to do this.
    pub fn forbidden(account: &str, action: &str, resource: &str, ns: Option<&Namespace>) -> Self {
        let place = match ns {
            Some(ns) => format!("in namespace `{ns}`"),
            None => "globally".to_owned(),
        };
        Problem {
            action: Some(action.to_owned()),
            resource: Some(resource.to_owned()),
            namespace: ns.map(|n| n.to_string()),
            ..Problem::new(
                403,
                code::FORBIDDEN,
                format!(
                    "service account `{account}` may not {action} {resource} {place}: no policy allows it"
                ),
            )
        }
    }

    /// The problem a store error becomes on the server. Anything that is not a `UserError` is
    /// an internal error whose text stays in the server's log.
    pub fn from_error(err: &anyhow::Error) -> Problem {
        match err.downcast_ref::<UserError>() {
            Some(e) => Problem::from_user_error(e),
            None => Problem::new(
                500,
                code::INTERNAL,
                "the server could not carry out the request (see its log)",
            ),
        }
    }

    pub fn from_user_error(e: &UserError) -> Problem {
        let (status, c) = match e {
            UserError::InvalidName { .. }
            | UserError::InvalidNamespace { .. }
            | UserError::Usage(_) => (400, code::INVALID),
            UserError::UnknownAccount { .. }
            | UserError::UnknownNamespace { .. }
            | UserError::UnknownPolicy { .. }
            | UserError::UnknownKid { .. }
            | UserError::UnknownToken { .. } => (404, code::NOT_FOUND),
            UserError::AccountExists { .. }
            | UserError::NamespaceExists { .. }
            | UserError::PolicyExists { .. }
            | UserError::KeyExists { .. }
            | UserError::KeyTaken { .. }
            | UserError::KeyTakenOutOfReach { .. }
            | UserError::TokenExists { .. } => (409, code::ALREADY_EXISTS),
            UserError::Conflict { .. } | UserError::RegistryChanged => (409, code::CONFLICT),
            UserError::Replaced { .. } => (409, code::REPLACED),
            UserError::CorruptRecord { .. } | UserError::Unavailable(_) => (500, code::INTERNAL),
            // The request may be sent again once the database is back.
            UserError::Unreachable(_) => (503, code::UNAVAILABLE),
            // A well-formed request the store refuses (the last key, a kid the account has
            // already): not a usage error, so the client exits 3 as the local store does.
            UserError::Failure(_) => (422, code::REFUSED),
            UserError::Remote { status, code, .. } => (*status, code.as_str()),
        };
        let detail = match e {
            // The path is the server's business.
            UserError::CorruptRecord { .. } => {
                "a record in the server's store is unreadable (see the server's log)".to_owned()
            }
            UserError::Unavailable(_) => {
                "the server could not carry out the request (see its log)".to_owned()
            }
            UserError::Unreachable(_) => {
                "the store's database cannot be reached (see the server's log)".to_owned()
            }
            _ => e.to_string(),
        };
        let mut problem = Problem::new(status, c, detail);
        // Which namespace is missing, for the client's "did you mean" (`into_user_error`): the
        // one the request named (or its parent, for a namespace create), which the detail
        // names already, so the fields tell the caller nothing more. The client suggests from
        // the namespaces it may list itself (`commands/nearby.rs`), never from the server's.
        if let UserError::UnknownNamespace { namespace } = e {
            problem.resource = Some(resource::NAMESPACE.to_owned());
            problem.namespace = Some(namespace.clone());
        }
        problem
    }

    /// The error the remote store gives for this answer: same text and exit code as the local
    /// store would give (`detail` is stripped of control characters).
    pub fn into_user_error(self) -> UserError {
        if let (404, Some(resource::NAMESPACE), Some(ns)) =
            (self.status, self.resource.as_deref(), &self.namespace)
            && self.code == code::NOT_FOUND
            && Namespace::parse(ns).is_ok()
        {
            // The local store's error (same text): commands explain it as they do locally.
            return UserError::UnknownNamespace {
                namespace: ns.clone(),
            };
        }
        UserError::Remote {
            status: self.status,
            code: self.code,
            detail: crate::output::sanitize(&self.detail),
        }
    }
}

/// The reason phrase of the statuses the API uses.
pub fn title(status: u16) -> &'static str {
    match status {
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        409 => "Conflict",
        413 => "Content Too Large",
        414 => "URI Too Long",
        415 => "Unsupported Media Type",
        422 => "Unprocessable Content",
        428 => "Precondition Required",
        500 => "Internal Server Error",
        501 => "Not Implemented",
        503 => "Service Unavailable",
        _ => "Error",
    }
}

/// `"3"` for revision 3.
pub fn etag(revision: u64) -> String {
    format!("\"{revision}\"")
}

/// The revision an `If-Match` value names (`"3"`, or `3`, or `W/"3"`); `None` if it names none.
pub fn parse_if_match(v: &str) -> Option<u64> {
    let v = v.trim();
    let v = v.strip_prefix("W/").unwrap_or(v);
    let v = v
        .strip_prefix('"')
        .and_then(|v| v.strip_suffix('"'))
        .unwrap_or(v);
    v.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A missing namespace travels as itself, so the client can say "did you mean"; any other
    /// 404, or one naming no valid namespace, stays the server's text.
    #[test]
    fn an_unknown_namespace_comes_back_as_one() {
        let e = UserError::UnknownNamespace {
            namespace: "engg".into(),
        };
        let p = Problem::from_user_error(&e);
        assert_eq!(
            (p.status, p.resource.as_deref(), p.namespace.as_deref()),
            (404, Some("namespace"), Some("engg"))
        );
        let back = p.clone().into_user_error();
        assert!(matches!(&back, UserError::UnknownNamespace { namespace } if namespace == "engg"));
        assert_eq!(back.to_string(), e.to_string());
        let bad = Problem {
            namespace: Some("Not A Namespace".into()),
            ..p
        };
        assert!(matches!(
            bad.into_user_error(),
            UserError::Remote { status: 404, .. }
        ));
        let account = Problem::from_user_error(&UserError::UnknownAccount {
            namespace: "eng".into(),
            name: "ci".into(),
        });
        assert_eq!((account.resource, account.namespace), (None, None));
    }

    #[test]
    fn routes_are_unique_and_well_formed() {
        let mut seen = std::collections::HashSet::new();
        for r in ROUTES {
            assert!(
                seen.insert((r.method, r.path)),
                "{} {} twice",
                r.method,
                r.path
            );
            assert!(r.path.starts_with('/'));
            let namespaced = r.path.contains("{ns}");
            match r.guard {
                Guard::Namespaced { .. } => assert!(namespaced, "{}", r.path),
                Guard::Global { .. } => assert!(!namespaced, "{}", r.path),
                Guard::Parent { .. } => {}
                Guard::Public | Guard::Authenticated => {}
            }
        }
    }

    #[test]
    fn optional_request_fields_refuse_null() {
        let ok: TokenReviewRequest = serde_json::from_str(r#"{"token":"t"}"#).unwrap();
        assert_eq!(ok.audience, None);
        let ok: TokenReviewRequest =
            serde_json::from_str(r#"{"token":"t","audience":"a"}"#).unwrap();
        assert_eq!(ok.audience.as_deref(), Some("a"));
        assert!(
            serde_json::from_str::<TokenReviewRequest>(r#"{"token":"t","audience":null}"#).is_err()
        );
        for body in [
            r#"{"token":null,"account":"a","action":"get","resource":"key"}"#,
            r#"{"account":null,"token":"t","action":"get","resource":"key"}"#,
            r#"{"account":"a","action":"get","resource":"key","namespace":null}"#,
        ] {
            assert!(
                serde_json::from_str::<AccessReviewRequest>(body).is_err(),
                "{body}"
            );
        }
        assert!(
            serde_json::from_str::<NewAccount>(r#"{"name":"a","publicKeys":[],"expires":null}"#)
                .is_err()
        );
        assert!(serde_json::from_str::<AccountChange>(r#"{"uid":"u","expires":null}"#).is_err());
        let ok: AccountChange =
            serde_json::from_str(r#"{"uid":"u","expires":"2025-01-02T03:04:05Z"}"#).unwrap();
        assert!(ok.expires.is_some());
    }

    #[test]
    fn if_match_forms() {
        assert_eq!(parse_if_match("\"3\""), Some(3));
        assert_eq!(parse_if_match("W/\"12\""), Some(12));
        assert_eq!(parse_if_match("7"), Some(7));
        assert_eq!(parse_if_match("*"), None);
        assert_eq!(parse_if_match("\"x\""), None);
        assert_eq!(etag(4), "\"4\"");
    }

    #[test]
    fn a_shown_record_is_told_from_its_reference_by_kind() {
        let a = crate::store::memory::tests::account("eng/ci-bot");
        // As `GET` shows it (a `kind` of its own), and as a rename shows it (none).
        let view = serde_json::to_string(&AccountView::new(&a, Timestamp::now())).unwrap();
        for text in [view, serde_json::to_string(&a).unwrap()] {
            let shown: AccountAnswer = serde_json::from_str(&text).unwrap();
            assert_eq!(shown, Shown::Record(a.clone()), "{text}");
        }
        let r = AccountRef::of(&a);
        let text = serde_json::to_string(&Shown::<Account, _>::Reference(r.clone())).unwrap();
        assert_eq!(
            text,
            format!(
                r#"{{"kind":"ServiceAccountReference","reference":"eng/ci-bot","namespace":"eng","name":"ci-bot","uid":"{}","revision":{}}}"#,
                a.uid, a.revision
            )
        );
        let shown: AccountAnswer = serde_json::from_str(&text).unwrap();
        assert_eq!(shown.reference(), a.reference());
        assert_eq!(shown.revision(), a.revision);
        assert!(shown.record().is_none());
        // Hidden unless readable.
        let hidden = Shown::Record(a.clone()).unless_readable(|_| false);
        assert_eq!(hidden, Shown::Reference(r));
        assert_eq!(
            Shown::Record(a.clone()).unless_readable(|_| true),
            Shown::Record(a)
        );
        // A global policy's reference has no namespace.
        let p = Policy {
            labels: Default::default(),
            name: Name::parse("p").unwrap(),
            namespace: None,
            uid: "u".into(),
            revision: 2,
            description: String::new(),
            subjects: vec!["eng/ci-bot".into()],
            actions: vec!["get".into()],
            resources: vec!["key".into()],
            created: Timestamp::now(),
            updated: Timestamp::now(),
        };
        let text = serde_json::to_string(&PolicyRef::of(&p)).unwrap();
        assert_eq!(
            text,
            r#"{"kind":"PolicyReference","name":"p","uid":"u","revision":2}"#
        );
        let shown: PolicyAnswer = serde_json::from_str(&text).unwrap();
        assert_eq!(
            (shown.name(), shown.scope()),
            (&p.name, PolicyScope::Global)
        );
        let shown: PolicyAnswer =
            serde_json::from_str(&serde_json::to_string(&p).unwrap()).unwrap();
        assert_eq!(shown, Shown::Record(p));
    }

    #[test]
    fn namespaces_are_one_segment() {
        let ns = Namespace::parse("eng/platform").unwrap();
        assert_eq!(ns_segment(&ns), "eng%2Fplatform");
    }

    #[test]
    fn problems_keep_the_store_message() {
        let e = crate::store::unknown_account(
            &crate::identity::Reference::parse_canonical("eng/x").unwrap(),
        );
        let p = Problem::from_user_error(&e);
        assert_eq!((p.status, p.code.as_str()), (404, code::NOT_FOUND));
        assert_eq!(p.detail, e.to_string());
        let back = p.into_user_error();
        assert_eq!(back.to_string(), e.to_string());
        assert_eq!(back.exit(), crate::error::Exit::Failure);
        let f = Problem::forbidden(
            "ro",
            "create",
            "serviceaccount",
            Some(&Namespace::default_ns()),
        );
        assert_eq!(
            f.detail,
            "service account `ro` may not create serviceaccount in namespace `default`: no policy allows it"
        );
        // A refusal exits 3 as it does locally; only a usage error exits 2.
        let refused = Problem::from_user_error(&UserError::Failure("last key".into()));
        assert_eq!(
            (refused.status, refused.code.as_str()),
            (422, code::REFUSED)
        );
        assert_eq!(
            refused.into_user_error().exit(),
            crate::error::Exit::Failure
        );
        let usage = Problem::from_user_error(&UserError::Usage("bad".into()));
        assert_eq!(usage.into_user_error().exit(), crate::error::Exit::Usage);
        let internal = Problem::from_error(&anyhow::anyhow!("/srv/secret/path: disk on fire"));
        assert!(!internal.detail.contains("/srv"));
    }
}

/// A build of svcacct: `svcacct version`'s parts and the answer of `GET /version`. Nothing
/// about the store, its settings or a secret.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VersionInfo {
    /// The crate's version.
    pub version: String,
    /// The git commit it was built from (12 hex digits), or `unknown` when built outside git.
    pub commit: String,
    /// The crypto engine and its version, e.g. `aws-lc-rs 1.15.2`.
    pub crypto: String,
}

impl VersionInfo {
    /// This binary's: the commit and aws-lc-rs's version are set by `build.rs`.
    pub fn this_build() -> VersionInfo {
        VersionInfo {
            version: env!("CARGO_PKG_VERSION").to_owned(),
            commit: env!("SVCACCT_GIT_COMMIT").to_owned(),
            crypto: format!("aws-lc-rs {}", env!("SVCACCT_AWS_LC_RS_VERSION")),
        }
    }
}
