//! The check and the write see the same record (issue 19, point 4), through the whole server
//! path (router, guard, handler) over a memory store that lets another writer in between: right
//! after the handler has read the account it authorizes on, the account under that name is
//! replaced or changed. What was authorized must be what gets written, or nothing.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use axum::body::Body;
use axum::http::{Request, StatusCode};
use jiff::{SignedDuration, Timestamp};
use tower::ServiceExt as _;

use super::AppState;
use crate::identity::Reference;
use crate::issued::IssueRequest;
use crate::keys::PrivateKey;
use crate::model::{Account, KeyRecord, NamespaceRecord, Policy};
use crate::store::memory::MemoryStore;
use crate::store::memory::tests::{Hooked, Read, name, ns, reference};
use crate::store::{Engine, Store};

/// What another writer does meanwhile.
type Meanwhile = Box<dyn Fn(&MemoryStore) + Send + Sync>;

/// Namespace `eng` with `eng/owner`, whom a policy of `eng` allows everything there (and
/// nothing elsewhere); `eng/alice-bot`, which impersonates a user (a key or token of it needs
/// the global `impersonate user`); and `eng/app`, a plain account. Returns the store and a
/// token of `eng/owner`.
fn registry() -> (MemoryStore, String) {
    let store = MemoryStore::new();
    put_namespace(&store, "eng");
    let owner = reference("eng/owner");
    let (token, key) = signer(&owner);
    store.create_account(with_key(&owner, key)).unwrap();
    for r in ["eng/alice-bot", "eng/app"] {
        let r = reference(r);
        let (_, key) = signer(&r);
        let mut account = with_key(&r, key);
        if r.name.as_str() == "alice-bot" {
            account.impersonates = Some("alice@example.com".into());
        }
        store.create_account(account).unwrap();
    }
    store
        .create_policy(grant(Some("eng"), "eng-owner", "eng/owner"))
        .unwrap();
    (store, token)
}

/// Namespace record `n` in `store`.
fn put_namespace(store: &MemoryStore, n: &str) {
    crate::store::engine::atomically(store, |tx| {
        Ok(tx.put_namespace(&NamespaceRecord {
            labels: Default::default(),
            name: ns(n),
            uid: crate::model::new_uid(),
            revision: 1,
            created: Timestamp::now(),
        })?)
    })
    .unwrap();
}

/// A fresh key for `r` and a token of `r` signed with it.
fn signer(r: &Reference) -> (String, KeyRecord) {
    let key = PrivateKey::generate(2048).unwrap();
    let now = Timestamp::now();
    let token = crate::token::mint(&crate::token::MintRequest {
        reference: r,
        key: &key,
        alg: jsonwebtoken::Algorithm::RS256,
        ttl: SignedDuration::from_mins(10),
        audiences: &[],
        extra: &BTreeMap::new(),
        now,
        impersonates: None,
    })
    .unwrap()
    .token;
    (
        token,
        KeyRecord::new(key.public_key(), Default::default(), now),
    )
}

fn with_key(r: &Reference, key: KeyRecord) -> Account {
    Account {
        keys: vec![key],
        // Created a minute ago, so that tokens minted now (iat = now - 60 s) are after it.
        created: Timestamp::now() - SignedDuration::from_mins(2),
        ..Account::new(r.clone(), Timestamp::now())
    }
}

/// A policy allowing `subject` every action on every resource.
fn grant(scope: Option<&str>, policy: &str, subject: &str) -> Policy {
    let now = Timestamp::now();
    Policy {
        labels: Default::default(),
        name: name(policy),
        namespace: scope.map(ns),
        uid: crate::model::new_uid(),
        revision: 0,
        description: String::new(),
        subjects: vec![subject.to_owned()],
        actions: vec!["*".into()],
        resources: vec!["*".into()],
        created: now,
        updated: now,
    }
}

/// `eng/app` moves to `eng/app-old` and `eng/alice-bot` takes its name.
fn alice_bot_takes_the_name(s: &MemoryStore) {
    s.rename_with_grants(&reference("eng/app"), &name("app-old"))
        .unwrap();
    s.rename_with_grants(&reference("eng/alice-bot"), &name("app"))
        .unwrap();
}

/// A memory store where `meanwhile` runs once, right after the `after`-th read of account
/// `target` has been made, before it is answered.
fn interleaved(store: MemoryStore, target: &str, after: usize, meanwhile: Meanwhile) -> Hooked {
    let (target, reads) = (reference(target), AtomicUsize::new(0));
    Hooked {
        inner: store,
        meanwhile: Box::new(move |read, inner| {
            if let Read::Account(r) = read
                && *r == target
                && reads.fetch_add(1, Ordering::SeqCst) + 1 == after
            {
                meanwhile(inner);
            }
        }),
    }
}

/// Sends one request through the whole router; returns the status and the body.
fn send<S: Store + Send + Sync + 'static>(
    store: impl Into<Arc<S>>,
    method: &str,
    path: &str,
    token: &str,
    headers: &[(&str, &str)],
    body: Option<serde_json::Value>,
) -> (Arc<S>, StatusCode, serde_json::Value) {
    let store: Arc<S> = store.into();
    let state = Arc::new(AppState {
        store: store.clone(),
        ..AppState::for_tests()
    });
    let mut req = Request::builder()
        .method(method)
        .uri(path)
        .header("authorization", format!("Bearer {token}"));
    for (k, v) in headers {
        req = req.header(*k, *v);
    }
    let req = match body {
        Some(b) => req
            .header("content-type", "application/json")
            .body(Body::from(b.to_string())),
        None => req.body(Body::empty()),
    }
    .unwrap();
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .unwrap();
    let (status, bytes) = rt.block_on(async {
        let res = super::routes::router(state).oneshot(req).await.unwrap();
        let status = res.status();
        let bytes = axum::body::to_bytes(res.into_body(), usize::MAX)
            .await
            .unwrap();
        (status, bytes)
    });
    let body = serde_json::from_slice(&bytes).unwrap_or(serde_json::Value::Null);
    (store, status, body)
}

fn kids(store: &MemoryStore, r: &str) -> Vec<String> {
    let a = store.get_account(&reference(r)).unwrap();
    a.keys.into_iter().map(|k| k.kid).collect()
}

#[test]
fn a_key_never_reaches_an_account_renamed_onto_the_checked_name() {
    let (store, token) = registry();
    let (before_alice, before_app) = (kids(&store, "eng/alice-bot"), kids(&store, "eng/app"));
    let new_key = PrivateKey::generate(2048).unwrap().public_key().to_pem();
    let store = interleaved(store, "eng/app", 1, Box::new(alice_bot_takes_the_name));
    let (store, status, body) = send(
        store,
        "POST",
        "/v1/namespaces/eng/serviceaccounts/app/keys",
        &token,
        &[],
        Some(serde_json::json!({ "publicKey": new_key })),
    );
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    assert_eq!(body["code"], "replaced", "{body}");
    // `eng/app` is the account that was `eng/alice-bot`, and got nothing; nor did the old one
    assert_eq!(kids(&store.inner, "eng/app"), before_alice);
    assert_eq!(kids(&store.inner, "eng/app-old"), before_app);
}

#[test]
fn a_token_is_never_issued_to_an_account_renamed_onto_the_checked_name() {
    let (store, token) = registry();
    let store = interleaved(store, "eng/app", 1, Box::new(alice_bot_takes_the_name));
    let (store, status, body) = send(
        store,
        "POST",
        "/v1/namespaces/eng/serviceaccounts/app/tokens",
        &token,
        &[],
        Some(serde_json::json!({ "name": "stolen" })),
    );
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    assert_eq!(body["code"], "replaced", "{body}");
    assert!(body.get("token").is_none(), "{body}");
    for r in ["eng/app", "eng/app-old"] {
        assert!(store.inner.list_tokens(&reference(r)).unwrap().is_empty());
    }
}

/// An account that got a group after the handler read it: the regeneration is decided again
/// on the record as it is now, which needs the global `update group`.
#[test]
fn a_regeneration_is_decided_again_when_the_account_changed_in_between() {
    let (store, token) = registry();
    let app = reference("eng/app");
    let req = IssueRequest {
        name: name("ci"),
        expires: None,
        audiences: vec![],
        labels: Default::default(),
    };
    let issued = store.issue_token(&app, &req).unwrap();
    let store = interleaved(
        store,
        "eng/app",
        1,
        Box::new(|s: &MemoryStore| {
            s.modify_account(&reference("eng/app"), &mut |a| {
                a.groups.push("managers".into());
                Ok(())
            })
            .unwrap();
        }),
    );
    let (store, status, body) = send(
        store,
        "POST",
        "/v1/namespaces/eng/serviceaccounts/app/tokens/ci/regenerate",
        &token,
        &[],
        None,
    );
    assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
    assert_eq!(
        body["detail"],
        "service account `eng/owner` may not update group globally: no policy allows it",
        "{body}"
    );
    let left = store.inner.list_tokens(&app).unwrap();
    assert_eq!(left.len(), 1);
    assert_eq!(left[0].id, issued.record.id, "the old token was replaced");
}

/// `PUT` with `If-Match` naming the revision an administrator's removal of a group is about to
/// make: the group check must not pass on the record before the removal while the write lands
/// after it.
#[test]
fn a_put_is_decided_on_the_revision_it_writes() {
    let (store, token) = registry();
    let app = reference("eng/app");
    let read = store
        .modify_account(&app, &mut |a| {
            a.groups = vec!["managers".into()];
            Ok(())
        })
        .unwrap();
    let next = format!("\"{}\"", read.revision + 1);
    let store = interleaved(
        store,
        "eng/app",
        1,
        Box::new(|s: &MemoryStore| {
            s.modify_account(&reference("eng/app"), &mut |a| {
                a.groups.clear();
                Ok(())
            })
            .unwrap();
        }),
    );
    let (store, status, body) = send(
        store,
        "PUT",
        "/v1/namespaces/eng/serviceaccounts/app",
        &token,
        &[("if-match", &next)],
        Some(serde_json::json!({ "uid": read.uid, "groups": ["managers"] })),
    );
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    assert_eq!(body["code"], "conflict", "{body}");
    let now = store.inner.get_account(&app).unwrap();
    assert!(
        now.groups.is_empty(),
        "the group came back: {:?}",
        now.groups
    );
    assert_eq!(now.revision, read.revision + 1);
}

/// A request of an account that was disabled after its token was accepted: it may not enable
/// itself (nor could it with any grant).
#[test]
fn an_account_never_enables_itself() {
    let (store, token) = registry();
    let owner = reference("eng/owner");
    // The first read of `eng/owner` authenticates it; then an administrator disables it.
    let store = interleaved(
        store,
        "eng/owner",
        1,
        Box::new(|s: &MemoryStore| {
            s.set_disabled(&reference("eng/owner"), true).unwrap();
        }),
    );
    let (store, status, body) = send(
        store,
        "POST",
        "/v1/namespaces/eng/serviceaccounts/owner/enable",
        &token,
        &[],
        None,
    );
    assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
    assert_eq!(
        body["detail"],
        "service account `eng/owner` may not enable itself: another account allowed to add a key \
         to it must",
        "{body}"
    );
    assert!(store.inner.get_account(&owner).unwrap().disabled);
}

/// A rename is decided on the account as read: one that got a group meanwhile, which a global
/// policy names, is decided again (and refused: the owner of `eng` may not act as it).
#[test]
fn a_rename_is_decided_again_when_the_account_changed_in_between() {
    let (store, token) = registry();
    store
        .create_policy(Policy {
            subjects: vec!["group:managers".into()],
            ..grant(None, "managers-all", "nobody")
        })
        .unwrap();
    let store = interleaved(
        store,
        "eng/app",
        1,
        Box::new(|s: &MemoryStore| {
            s.modify_account(&reference("eng/app"), &mut |a| {
                a.groups.push("managers".into());
                Ok(())
            })
            .unwrap();
        }),
    );
    let (store, status, body) = send(
        store,
        "POST",
        "/v1/namespaces/eng/serviceaccounts/app/rename",
        &token,
        &[],
        Some(serde_json::json!({ "newName": "app2" })),
    );
    assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
    assert!(
        body["detail"].as_str().unwrap().starts_with(
            "service account `eng/owner` may not act as `eng/app2` to update serviceaccount: \
                 a policy outside your reach names `eng/app2`"
        ),
        "{body}"
    );
    assert!(store.inner.get_account(&reference("eng/app2")).is_err());
    assert!(store.inner.get_account(&reference("eng/app")).is_ok());
}

/// A memory store whose generation stays where it was while `lagging` is set, whatever is
/// committed: a reader that has not seen a commit yet (another replica's, before its
/// notification; the file engine's, while its journal is applied).
#[derive(Default)]
struct Lagging {
    inner: MemoryStore,
    lagging: std::sync::Mutex<Option<u64>>,
    /// How many read-only transactions were run.
    read_only: AtomicUsize,
}

impl Lagging {
    fn lag(&self, on: bool) {
        *self.lagging.lock().unwrap() = on.then(|| self.inner.generation());
    }
}

impl crate::store::Engine for Lagging {
    fn atomically(
        &self,
        work: &mut dyn FnMut(&mut dyn crate::store::engine::Tx) -> crate::store::engine::Result<()>,
    ) -> crate::store::engine::Result<()> {
        self.inner.atomically(work)
    }
    fn read_atomically(
        &self,
        work: &mut dyn FnMut(&mut dyn crate::store::engine::Tx) -> crate::store::engine::Result<()>,
    ) -> crate::store::engine::Result<()> {
        self.read_only.fetch_add(1, Ordering::SeqCst);
        self.inner.read_atomically(work)
    }
    fn generation(&self) -> u64 {
        self.lagging
            .lock()
            .unwrap()
            .unwrap_or_else(|| self.inner.generation())
    }
    fn read_account(&self, r: &Reference) -> crate::store::engine::Result<Option<Account>> {
        self.inner.read_account(r)
    }
    fn read_accounts(
        &self,
        scope: &crate::store::Scope,
        page: &crate::store::Page<Reference>,
    ) -> crate::store::engine::Found<Account> {
        self.inner.read_accounts(scope, page)
    }
    fn read_policy(
        &self,
        scope: &crate::model::PolicyScope,
        name: &crate::identity::Name,
    ) -> crate::store::engine::Result<Option<Policy>> {
        self.inner.read_policy(scope, name)
    }
    fn read_policies(
        &self,
        scope: &crate::store::Scope,
        page: &crate::store::Page<crate::store::engine::PolicyKey>,
    ) -> crate::store::engine::Found<Policy> {
        self.inner.read_policies(scope, page)
    }
    fn read_namespace(
        &self,
        n: &crate::identity::Namespace,
    ) -> crate::store::engine::Result<Option<NamespaceRecord>> {
        self.inner.read_namespace(n)
    }
    fn read_namespaces(
        &self,
        scope: &crate::store::Scope,
        page: &crate::store::Page<crate::identity::Namespace>,
    ) -> crate::store::engine::Found<NamespaceRecord> {
        self.inner.read_namespaces(scope, page)
    }
    fn read_issuer(&self) -> crate::store::engine::Result<Option<crate::model::IssuerRecord>> {
        self.inner.read_issuer()
    }
    fn read_issuer_key(
        &self,
        kid: &str,
    ) -> crate::store::engine::Result<zeroize::Zeroizing<Vec<u8>>> {
        self.inner.read_issuer_key(kid)
    }
    fn read_tokens(
        &self,
        r: &Reference,
    ) -> crate::store::engine::Result<Option<crate::model::TokenFile>> {
        self.inner.read_tokens(r)
    }
    fn read_all_tokens(&self) -> crate::store::engine::Result<Vec<crate::model::TokenFile>> {
        self.inner.read_all_tokens()
    }
}

/// `registry()` plus namespace `prod`, where a policy allows `eng/deployer` everything; the
/// owner of `eng` holds nothing there, so it may not act as `eng/deployer`.
fn with_a_deployer() -> (MemoryStore, String) {
    let (store, token) = registry();
    put_namespace(&store, "prod");
    let deployer = reference("eng/deployer");
    let (_, key) = signer(&deployer);
    store.create_account(with_key(&deployer, key)).unwrap();
    store
        .create_policy(grant(Some("prod"), "deploy", "eng/deployer"))
        .unwrap();
    (store, token)
}

/// `with_a_deployer()` behind a read cache that holds its policies, where `eng/deployer` was
/// then renamed to `eng/x` (its grant following it) without the cache's generation changing.
fn renamed_unseen() -> (crate::store::cached::Cached<Lagging>, String) {
    let (store, token) = with_a_deployer();
    let engine = crate::store::cached::Cached::new(Lagging {
        inner: store,
        ..Default::default()
    });
    engine.policy_snapshot().unwrap(); // cached: `prod/deploy` names `eng/deployer`
    engine.inner().lag(true);
    engine
        .inner()
        .inner
        .rename_with_grants(&reference("eng/deployer"), &name("x"))
        .unwrap();
    (engine, token)
}

/// The 409 of a write whose decision no longer holds on the registry as its transaction finds
/// it: it says what happened (not a record's revision) and what to do.
const REGISTRY_CHANGED: &str = "the registry was changed by someone else while this request was \
     being authorized, and the policies as they are now no longer allow it; nothing was written, \
     run the command again";

/// As below, for a key and a requested token (which writes nothing).
#[test]
fn no_key_nor_requested_token_on_grants_seen_before_a_rename_the_account_read_sees() {
    let pem = PrivateKey::generate(2048).unwrap().public_key().to_pem();
    let x = reference("eng/x");
    for (path, req) in [
        ("keys", serde_json::json!({ "publicKey": pem })),
        (
            "token",
            serde_json::json!({ "audiences": ["https://vault.example"] }),
        ),
    ] {
        let (engine, token) = renamed_unseen();
        let before = engine.inner().inner.get_account(&x).unwrap();
        let (engine, status, body) = send(
            engine,
            "POST",
            &format!("/v1/namespaces/eng/serviceaccounts/x/{path}"),
            &token,
            &[],
            Some(req),
        );
        assert_eq!(status, StatusCode::CONFLICT, "{path}: {body}");
        assert_eq!(body["code"], "conflict", "{path}: {body}");
        assert_eq!(body["detail"], REGISTRY_CHANGED, "{path}: {body}");
        assert!(body.get("token").is_none(), "{path}: {body}");
        assert_eq!(engine.inner().inner.get_account(&x).unwrap(), before);
    }
}

/// A requested token, which writes nothing, is confirmed in a read-only transaction
/// (`Engine::read_atomically`): not one that waits for the registry's writes, nor makes them
/// wait.
#[test]
fn a_requested_token_is_confirmed_in_a_read_only_transaction() {
    let (store, token) = registry();
    let (engine, status, body) = send(
        Lagging {
            inner: store,
            ..Default::default()
        },
        "POST",
        "/v1/namespaces/eng/serviceaccounts/app/token",
        &token,
        &[],
        Some(serde_json::json!({ "audiences": ["https://vault.example"] })),
    );
    assert_eq!(status, StatusCode::OK, "{body}");
    assert!(
        body["token"].as_str().is_some_and(|t| t.len() > 100),
        "{body}"
    );
    assert_eq!(engine.read_only.load(Ordering::SeqCst), 1);
}

/// The server's read cache holds the policies of before a rename that it has not seen yet,
/// while the account is read fresh under its new name: `eng/x` seems to hold no grant. The
/// write finds the registry moved on, decides again on the policies as they are, and refuses;
/// once the rename is seen, the refusal says why.
#[test]
fn a_token_is_never_issued_on_grants_seen_before_a_rename_the_account_read_sees() {
    let (engine, token) = renamed_unseen();
    let (engine, status, body) = send(
        engine,
        "POST",
        "/v1/namespaces/eng/serviceaccounts/x/tokens",
        &token,
        &[],
        Some(serde_json::json!({ "name": "stolen" })),
    );
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    assert_eq!(body["code"], "conflict", "{body}");
    assert_eq!(body["detail"], REGISTRY_CHANGED, "{body}");
    assert!(body.get("token").is_none(), "{body}");
    let inner = &engine.inner().inner;
    assert!(inner.list_tokens(&reference("eng/x")).unwrap().is_empty());
    // The rename is seen: decided on the registry as it is.
    engine.inner().lag(false);
    let (engine, status, body) = send::<crate::store::cached::Cached<Lagging>>(
        engine,
        "POST",
        "/v1/namespaces/eng/serviceaccounts/x/tokens",
        &token,
        &[],
        Some(serde_json::json!({ "name": "stolen" })),
    );
    assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
    assert!(
        body["detail"].as_str().unwrap().starts_with(
            "service account `eng/owner` may not act as `eng/x` to create token: a policy \
             outside your reach names `eng/x`"
        ),
        "{body}"
    );
    assert!(
        engine
            .inner()
            .inner
            .list_tokens(&reference("eng/x"))
            .unwrap()
            .is_empty()
    );
}

/// A policy write decided on a cached snapshot from before another replica took a grant away:
/// `eng/writer`, whose own policy an administrator has just cut down to reading and updating
/// policies, puts everything back (`If-Match` of the cut-down revision, read fresh). On the
/// cached policies it still holds everything, so the write would pass; the write's transaction
/// finds the registry moved on, decides again on the policies as they are, and refuses.
#[test]
fn a_policy_write_never_restores_a_grant_taken_away_meanwhile() {
    let (store, _) = registry();
    let writer = reference("eng/writer");
    let (token, key) = signer(&writer);
    store.create_account(with_key(&writer, key)).unwrap();
    store
        .create_policy(grant(Some("eng"), "writer", "eng/writer"))
        .unwrap();
    let engine = crate::store::cached::Cached::new(Lagging {
        inner: store,
        ..Default::default()
    });
    engine.policy_snapshot().unwrap(); // cached: `eng/writer` holds `*` on `*` in `eng`
    engine.inner().lag(true);
    let scope = crate::model::PolicyScope::Namespace(ns("eng"));
    let cut = engine
        .inner()
        .inner
        .modify_policy(&scope, &name("writer"), &mut |p| {
            p.actions = vec!["get".into(), "update".into()];
            p.resources = vec!["policy".into()];
            Ok(())
        })
        .unwrap();
    let etag = format!("\"{}\"", cut.revision);
    let (engine, status, body) = send(
        engine,
        "PUT",
        "/v1/namespaces/eng/policies/writer",
        &token,
        &[("if-match", &etag)],
        Some(serde_json::json!({
            "uid": cut.uid,
            "subjects": ["eng/writer"],
            "actions": ["*"],
            "resources": ["*"],
        })),
    );
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    assert_eq!(body["detail"], REGISTRY_CHANGED, "{body}");
    let now = engine
        .inner()
        .inner
        .get_policy(&scope, &name("writer"))
        .unwrap();
    assert_eq!(now, cut, "the grant came back");
}

/// The caller's own grant taken away by a commit the cache has not seen: decided again in the
/// write's transaction, the route's guard fails too (not only what acting on the account needs).
#[test]
fn a_token_is_never_issued_on_a_grant_of_the_caller_taken_away_meanwhile() {
    let (store, token) = registry();
    let engine = crate::store::cached::Cached::new(Lagging {
        inner: store,
        ..Default::default()
    });
    engine.policy_snapshot().unwrap(); // cached: `eng/owner` holds everything in `eng`
    engine.inner().lag(true);
    let scope = crate::model::PolicyScope::Namespace(ns("eng"));
    engine
        .inner()
        .inner
        .modify_policy(&scope, &name("eng-owner"), &mut |p| {
            p.actions = vec!["get".into(), "list".into()];
            Ok(())
        })
        .unwrap();
    let (engine, status, body) = send(
        engine,
        "POST",
        "/v1/namespaces/eng/serviceaccounts/app/tokens",
        &token,
        &[],
        Some(serde_json::json!({ "name": "late" })),
    );
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    assert_eq!(body["detail"], REGISTRY_CHANGED, "{body}");
    assert!(
        engine
            .inner()
            .inner
            .list_tokens(&reference("eng/app"))
            .unwrap()
            .is_empty()
    );
}
