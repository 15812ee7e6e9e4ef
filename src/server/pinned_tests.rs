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
use crate::store::Store;
use crate::store::memory::MemoryStore;
use crate::store::memory::tests::{Hooked, Read, name, ns, reference};

/// What another writer does meanwhile.
type Meanwhile = Box<dyn Fn(&MemoryStore) + Send + Sync>;

/// Namespace `eng` with `eng/owner`, whom a policy of `eng` allows everything there (and
/// nothing elsewhere); `eng/alice-bot`, which impersonates a user (a key or token of it needs
/// the global `impersonate user`); and `eng/app`, a plain account. Returns the store and a
/// token of `eng/owner`.
fn registry() -> (MemoryStore, String) {
    let store = MemoryStore::new();
    crate::store::engine::atomically(&store, |tx| {
        Ok(tx.put_namespace(&NamespaceRecord {
            labels: Default::default(),
            name: ns("eng"),
            uid: crate::model::new_uid(),
            revision: 1,
            created: Timestamp::now(),
        })?)
    })
    .unwrap();
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
fn send(
    store: Hooked,
    method: &str,
    path: &str,
    token: &str,
    headers: &[(&str, &str)],
    body: Option<serde_json::Value>,
) -> (Arc<Hooked>, StatusCode, serde_json::Value) {
    let store = Arc::new(store);
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
