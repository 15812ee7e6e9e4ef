//! `openapi.json` describes the API of `svcacct::api`: exactly the routes of `ROUTES`, with the
//! security, status codes and headers their guards imply, and request and answer schemas whose
//! fields are the serde fields of the Rust types.

use std::collections::{BTreeMap, BTreeSet};

use jiff::Timestamp;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value, json};
use svcacct::api::{
    self, AccessReview, AccessReviewRequest, AccountChange, AccountRef, Guard, Identity, ListBody,
    NewAccount, NewKey, NewPolicy, PolicyChange, PolicyRef, Problem, ROUTES, ReferenceKind, Rename,
    Shown, TokenReview, TokenReviewRequest,
};
use svcacct::identity::{Name, Namespace};
use svcacct::issued::{
    IssueRequest, IssuedToken, IssuerAlgorithm, IssuerKeyView, IssuerView, RotateRequest,
    TokenRecord, TokenRename,
};
use svcacct::model::{Account, KeyAlgorithm, KeyRecord, Policy};

const METHODS: [&str; 8] = [
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

fn doc() -> Value {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/openapi.json");
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path} is not JSON: {e}"))
}

/// Follows a local `$ref` (`#/components/...`), repeatedly.
fn resolve<'a>(doc: &'a Value, mut v: &'a Value) -> &'a Value {
    while let Some(r) = v.get("$ref").and_then(Value::as_str) {
        let pointer = r
            .strip_prefix('#')
            .unwrap_or_else(|| panic!("non-local $ref {r}"));
        v = doc
            .pointer(pointer)
            .unwrap_or_else(|| panic!("$ref {r} does not resolve"));
    }
    v
}

/// Every operation: (METHOD, path) → operation object.
fn operations(doc: &Value) -> BTreeMap<(String, String), &Value> {
    let mut ops = BTreeMap::new();
    let paths = doc["paths"].as_object().expect("`paths` is an object");
    for (path, item) in paths {
        let item = item.as_object().expect("a path item is an object");
        for (key, op) in item {
            if METHODS.contains(&key.as_str()) {
                ops.insert((key.to_uppercase(), path.clone()), op);
            }
        }
    }
    ops
}

fn guard_of(method: &str, path: &str) -> Guard {
    ROUTES
        .iter()
        .find(|r| r.method == method && r.path == path)
        .unwrap_or_else(|| panic!("{method} {path} is not in ROUTES"))
        .guard
}

fn schema<'a>(doc: &'a Value, name: &str) -> &'a Value {
    doc["components"]["schemas"]
        .get(name)
        .unwrap_or_else(|| panic!("no schema {name}"))
}

fn properties(doc: &Value, name: &str) -> BTreeSet<String> {
    schema(doc, name)["properties"]
        .as_object()
        .unwrap_or_else(|| panic!("schema {name} has no properties"))
        .keys()
        .cloned()
        .collect()
}

fn required(doc: &Value, name: &str) -> BTreeSet<String> {
    schema(doc, name)
        .get("required")
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .map(|v| v.as_str().expect("required names are strings").to_owned())
                .collect()
        })
        .unwrap_or_default()
}

fn keys(v: &Value) -> BTreeSet<String> {
    v.as_object()
        .expect("serializes as an object")
        .keys()
        .cloned()
        .collect()
}

#[test]
fn is_openapi_3() {
    let doc = doc();
    let version = doc["openapi"].as_str().expect("`openapi` is a string");
    assert!(version.starts_with("3."), "openapi {version}");
    assert_eq!(doc["info"]["title"], "svcacct");
    assert_eq!(doc["info"]["version"], env!("CARGO_PKG_VERSION"));
}

#[test]
fn routes_match_the_table() {
    let doc = doc();
    let documented: BTreeSet<(String, String)> = operations(&doc).into_keys().collect();
    let served: BTreeSet<(String, String)> = ROUTES
        .iter()
        .map(|r| (r.method.to_owned(), r.path.to_owned()))
        .collect();
    let show = |set: BTreeSet<&(String, String)>| {
        set.iter()
            .map(|(m, p)| format!("  {m} {p}"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let undocumented: BTreeSet<_> = served.difference(&documented).collect();
    let unserved: BTreeSet<_> = documented.difference(&served).collect();
    assert!(
        undocumented.is_empty() && unserved.is_empty(),
        "openapi.json and api::ROUTES differ\nin ROUTES, missing from openapi.json:\n{}\nin openapi.json, not in ROUTES:\n{}",
        show(undocumented),
        show(unserved)
    );
}

#[test]
fn security_follows_the_guards() {
    let doc = doc();
    let scheme = &doc["components"]["securitySchemes"]["bearerAuth"];
    assert_eq!(scheme["type"], "http");
    assert_eq!(scheme["scheme"], "bearer");
    assert_eq!(doc["security"], json!([{ "bearerAuth": [] }]));
    for ((method, path), op) in operations(&doc) {
        let guard = guard_of(&method, &path);
        let security = op.get("security");
        if guard == Guard::Public {
            assert_eq!(
                security,
                Some(&json!([])),
                "{method} {path} is public: it needs `security: []`"
            );
        } else {
            assert_eq!(
                security, None,
                "{method} {path} needs a token: it must keep the global security"
            );
        }
    }
}

#[test]
fn every_ref_resolves() {
    fn walk(doc: &Value, v: &Value, at: &str) {
        match v {
            Value::Object(m) => {
                if let Some(r) = m.get("$ref") {
                    let r = r
                        .as_str()
                        .unwrap_or_else(|| panic!("{at}: $ref is not a string"));
                    let pointer = r
                        .strip_prefix('#')
                        .unwrap_or_else(|| panic!("{at}: $ref {r} is not local"));
                    assert!(
                        doc.pointer(pointer).is_some(),
                        "{at}: $ref {r} does not resolve"
                    );
                }
                for (k, v) in m {
                    walk(doc, v, &format!("{at}/{k}"));
                }
            }
            Value::Array(a) => {
                for (i, v) in a.iter().enumerate() {
                    walk(doc, v, &format!("{at}/{i}"));
                }
            }
            _ => {}
        }
    }
    let doc = doc();
    walk(&doc, &doc, "#");
}

#[test]
fn operations_declare_ids_parameters_and_errors() {
    let doc = doc();
    let mut ids = BTreeSet::new();
    for ((method, path), op) in operations(&doc) {
        let at = format!("{method} {path}");
        let id = op["operationId"]
            .as_str()
            .unwrap_or_else(|| panic!("{at}: no operationId"));
        assert!(ids.insert(id.to_owned()), "{at}: operationId {id} twice");
        assert!(
            op["description"].as_str().is_some_and(|d| !d.is_empty()),
            "{at}: no description"
        );

        let params: Vec<&Value> = op
            .get("parameters")
            .and_then(Value::as_array)
            .map(|a| a.iter().map(|p| resolve(&doc, p)).collect())
            .unwrap_or_default();
        let param = |name: &str, place: &str| {
            params.iter().find(|p| {
                p["in"] == place && p["name"].as_str().unwrap().eq_ignore_ascii_case(name)
            })
        };
        for segment in path.split('/') {
            if let Some(name) = segment.strip_prefix('{').and_then(|s| s.strip_suffix('}')) {
                let p = param(name, "path").unwrap_or_else(|| panic!("{at}: no parameter {name}"));
                assert_eq!(p["required"], true, "{at}: path parameter {name}");
            }
        }
        if method == "PUT" {
            let p = param("If-Match", "header")
                .unwrap_or_else(|| panic!("{at}: a PUT needs an If-Match parameter"));
            assert_eq!(p["required"], true, "{at}: If-Match must be required");
            assert!(op["responses"].get("428").is_some(), "{at}: no 428");
        }
        if method == "DELETE" && path.ends_with("/keys/{kid}") {
            let p = param("force", "query").unwrap_or_else(|| panic!("{at}: no `force`"));
            assert_eq!(resolve(&doc, &p["schema"])["type"], "boolean");
        }
        if op.get("requestBody").is_some() {
            let body = resolve(&doc, &op["requestBody"]);
            assert_eq!(body["required"], true, "{at}: the body is required");
            assert!(
                body["content"].get("application/json").is_some(),
                "{at}: the body is JSON"
            );
            for status in ["400", "413", "415"] {
                assert!(op["responses"].get(status).is_some(), "{at}: no {status}");
            }
        }

        let responses = op["responses"]
            .as_object()
            .unwrap_or_else(|| panic!("{at}: no responses"));
        let guard = guard_of(&method, &path);
        assert_eq!(
            responses.contains_key("401"),
            guard != Guard::Public,
            "{at}: a 401 answer exactly when a token is needed"
        );
        assert_eq!(
            responses.contains_key("403"),
            matches!(
                guard,
                Guard::Namespaced { .. } | Guard::Global { .. } | Guard::Parent { .. }
            ),
            "{at}: a 403 answer exactly when a policy is consulted"
        );
        assert!(
            responses.keys().any(|s| s.starts_with('2')),
            "{at}: no success answer"
        );
        for (status, response) in responses {
            let response = resolve(&doc, response);
            let content = response.get("content").and_then(Value::as_object);
            if status == "304" {
                assert!(content.is_none(), "{at}: a 304 has no body");
                assert!(
                    response["headers"].get("ETag").is_some(),
                    "{at}: a 304 names its ETag"
                );
            } else if status.starts_with('2') {
                let headers = response.get("headers");
                if status == "201" {
                    assert!(
                        headers.and_then(|h| h.get("Location")).is_some(),
                        "{at}: a 201 needs Location"
                    );
                }
                if status == "204" {
                    assert!(content.is_none(), "{at}: a 204 has no body");
                }
                let schema_ref = content
                    .and_then(|c| c.get("application/json"))
                    .map(|c| &c["schema"]["$ref"]);
                let is_record = schema_ref.is_some_and(|r| {
                    r == "#/components/schemas/ServiceAccount" || r == "#/components/schemas/Policy"
                });
                // A write shows a record only to a caller that may read it: its answer is
                // the record or its reference.
                if method != "GET" {
                    assert!(
                        !is_record,
                        "{at}: {status} must answer the record or its reference"
                    );
                }
                let is_record = is_record
                    || schema_ref.is_some_and(|r| {
                        r == "#/components/schemas/ServiceAccountAnswer"
                            || r == "#/components/schemas/PolicyAnswer"
                    });
                if is_record {
                    assert!(
                        headers.and_then(|h| h.get("ETag")).is_some(),
                        "{at}: {status} answers a record, so it needs an ETag"
                    );
                }
            } else {
                let content = content.unwrap_or_else(|| panic!("{at}: {status} has no body"));
                assert_eq!(
                    content.keys().collect::<Vec<_>>(),
                    ["application/problem+json"],
                    "{at}: {status} is a problem"
                );
                assert_eq!(
                    content["application/problem+json"]["schema"]["$ref"],
                    "#/components/schemas/Problem",
                    "{at}: {status}"
                );
            }
        }
    }
}

#[test]
fn problem_codes_are_the_api_codes() {
    use api::code::*;
    let doc = doc();
    let documented: BTreeSet<&str> = schema(&doc, "Problem")["properties"]["code"]["enum"]
        .as_array()
        .expect("Problem.code has an enum")
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    let codes: BTreeSet<&str> = ALL.iter().copied().collect();
    assert_eq!(documented, codes);
}

// ---- schemas against the Rust types

fn name(s: &str) -> Name {
    Name::parse(s).unwrap()
}

fn namespace(s: &str) -> Namespace {
    Namespace::parse(s).unwrap()
}

fn labels() -> svcacct::labels::Labels {
    [("team".to_owned(), "web".to_owned())].into()
}

fn time() -> Timestamp {
    "2025-01-02T03:04:05Z".parse().unwrap()
}

/// A request body: the schema's properties are the serde fields (of a sample with every
/// optional field set); a field is required exactly when the body does not deserialize without
/// it; a field that may be left out has the schema `default` the Rust default serializes to
/// (none when it is not serialized at all); unknown fields are refused.
fn check_request<T: Serialize + DeserializeOwned>(doc: &Value, schema_name: &str, full: T) {
    let full = serde_json::to_value(full).unwrap();
    assert_eq!(
        keys(&full),
        properties(doc, schema_name),
        "{schema_name}: properties"
    );
    let s = schema(doc, schema_name);
    assert_eq!(
        s["additionalProperties"], false,
        "{schema_name} is deny_unknown_fields"
    );
    let mut needed = BTreeSet::new();
    for field in keys(&full) {
        let mut without: Map<String, Value> = full.as_object().unwrap().clone();
        without.remove(&field);
        match serde_json::from_value::<T>(Value::Object(without)) {
            Err(_) => {
                needed.insert(field);
            }
            Ok(parsed) => {
                let default = serde_json::to_value(parsed).unwrap().get(&field).cloned();
                assert_eq!(
                    s["properties"][&field].get("default").cloned(),
                    default,
                    "{schema_name}.{field}: the schema's default"
                );
            }
        }
    }
    assert_eq!(
        needed,
        required(doc, schema_name),
        "{schema_name}: required"
    );
}

/// An answer: the schema's properties are the serde fields of a sample with every optional
/// field set, and its required ones those of a sample with none set.
fn check_answer<T: Serialize>(doc: &Value, schema_name: &str, full: T, minimal: T) {
    let full = serde_json::to_value(full).unwrap();
    let minimal = serde_json::to_value(minimal).unwrap();
    assert_eq!(
        keys(&full),
        properties(doc, schema_name),
        "{schema_name}: properties"
    );
    assert_eq!(
        keys(&minimal),
        required(doc, schema_name),
        "{schema_name}: required"
    );
}

#[test]
fn request_schemas_are_the_rust_bodies() {
    let doc = doc();
    check_request(
        &doc,
        "NewAccount",
        NewAccount {
            name: name("ci-bot"),
            description: "d".into(),
            groups: vec!["g".into()],
            labels: labels(),
            disabled: true,
            expires: Some(time()),
            public_keys: vec!["PEM".into()],
            key_algorithm: Some(KeyAlgorithm::RS384),
            impersonates: Some("alice@example.com".into()),
        },
    );
    check_request(
        &doc,
        "NewNamespace",
        api::NewNamespace {
            name: namespace("eng/platform"),
            defaults: false,
            labels: labels(),
        },
    );
    check_request(
        &doc,
        "AccountChange",
        AccountChange {
            uid: "u".into(),
            description: "d".into(),
            groups: vec!["g".into()],
            labels: Some(labels()),
            disabled: true,
            expires: Some(time()),
        },
    );
    check_request(
        &doc,
        "NewKey",
        NewKey {
            public_key: "PEM".into(),
            algorithm: Some(KeyAlgorithm::RS512),
        },
    );
    check_request(
        &doc,
        "Rename",
        Rename {
            new_name: name("new"),
        },
    );
    check_request(
        &doc,
        "NewPolicy",
        NewPolicy {
            name: name("p"),
            description: "d".into(),
            labels: labels(),
            subjects: vec!["s".into()],
            actions: vec!["get".into()],
            resources: vec!["key".into()],
        },
    );
    check_request(
        &doc,
        "PolicyChange",
        PolicyChange {
            uid: "u".into(),
            description: "d".into(),
            labels: Some(labels()),
            subjects: vec!["s".into()],
            actions: vec!["get".into()],
            resources: vec!["key".into()],
        },
    );
    check_request(
        &doc,
        "NewToken",
        IssueRequest {
            name: name("deploy"),
            expires: Some(time()),
            audiences: vec!["a".into()],
            labels: labels(),
        },
    );
    check_request(&doc, "TokenRename", TokenRename { name: name("new") });
    check_request(
        &doc,
        "TokenRequest",
        svcacct::issued::TokenRequest {
            audiences: vec!["a".into()],
            expiration_seconds: Some(600),
        },
    );
    check_request(
        &doc,
        "RotateRequest",
        RotateRequest {
            revoke_previous: true,
            publish_first_seconds: Some(300),
        },
    );
    check_request(
        &doc,
        "TokenReviewRequest",
        TokenReviewRequest {
            token: "t".into(),
            audience: Some("a".into()),
        },
    );
    check_request(
        &doc,
        "AccessReviewRequest",
        AccessReviewRequest {
            token: Some("t".into()),
            account: Some("a".into()),
            action: "get".into(),
            resource: "key".into(),
            namespace: Some(namespace("eng/platform")),
        },
    );
}

#[test]
fn answer_schemas_are_the_rust_types() {
    let doc = doc();
    let key = KeyRecord {
        kid: "k".into(),
        fingerprint: "SHA256:x".into(),
        bits: 3072,
        algorithm: KeyAlgorithm::RS256,
        created: time(),
        public_key: "PEM".into(),
    };
    // A `KeyList`'s items have `kind`; the keys inside an account have none.
    check_answer(
        &doc,
        "Key",
        serde_json::to_value(api::KeyView::new(&key)).unwrap(),
        serde_json::to_value(&key).unwrap(),
    );
    let account = |expires: Option<Timestamp>| Account {
        name: name("ci-bot"),
        namespace: namespace("eng"),
        uid: "u".into(),
        revision: 1,
        description: "d".into(),
        groups: vec![],
        labels: expires.map(|_| labels()).unwrap_or_default(),
        disabled: false,
        created: time(),
        updated: time(),
        renamed: expires,
        expires,
        keys: vec![key.clone()],
        impersonates: expires.map(|_| "alice@example.com".into()),
    };
    check_answer(&doc, "ServiceAccount", account(Some(time())), account(None));
    let policy = |namespace: Option<Namespace>| Policy {
        name: name("p"),
        labels: namespace.as_ref().map(|_| labels()).unwrap_or_default(),
        namespace,
        uid: "u".into(),
        revision: 1,
        description: String::new(),
        subjects: vec![],
        actions: vec![],
        resources: vec![],
        created: time(),
        updated: time(),
    };
    check_answer(&doc, "Policy", policy(Some(namespace("eng"))), policy(None));
    check_answer(
        &doc,
        "ServiceAccountReference",
        AccountRef::of(&account(None)),
        AccountRef::of(&account(None)),
    );
    check_answer(
        &doc,
        "PolicyReference",
        PolicyRef::of(&policy(Some(namespace("eng")))),
        PolicyRef::of(&policy(None)),
    );
    // A record or its reference, told apart by the reference's `kind`.
    for (answer, record, reference, kind) in [
        (
            "ServiceAccountAnswer",
            "ServiceAccount",
            "ServiceAccountReference",
            <AccountRef as ReferenceKind>::KIND,
        ),
        (
            "PolicyAnswer",
            "Policy",
            "PolicyReference",
            <PolicyRef as ReferenceKind>::KIND,
        ),
    ] {
        assert_eq!(
            schema(&doc, answer)["oneOf"],
            json!([
                {"$ref": format!("#/components/schemas/{record}")},
                {"$ref": format!("#/components/schemas/{reference}")},
            ]),
            "{answer}"
        );
        assert_eq!(schema(&doc, reference)["properties"]["kind"]["const"], kind);
    }
    let renamed = |updated_policies, revoked_tokens: Vec<Name>| api::Renamed {
        account: Shown::Record(account(None)),
        updated_policies,
        revoked_token_count: revoked_tokens.len(),
        revoked_tokens,
    };
    check_answer(
        &doc,
        "Renamed",
        renamed(vec![Shown::Record(policy(None))], vec![name("t")]),
        renamed(vec![], vec![]),
    );
    let record = |full: bool| TokenRecord {
        name: name("deploy"),
        id: "j".into(),
        kid: "k".into(),
        created: time(),
        expires: full.then(time),
        last_used: full.then(time),
        audiences: if full { vec!["a".into()] } else { vec![] },
        labels: if full { labels() } else { Default::default() },
    };
    let (full, minimal) = (record(true), record(false));
    check_answer(
        &doc,
        "TokenRecord",
        api::TokenView::new(&full),
        api::TokenView::new(&minimal),
    );
    let token_ref = api::TokenRef::of(
        &svcacct::identity::Reference::parse_canonical("eng/ci-bot").unwrap(),
        &record(true),
    );
    check_answer(&doc, "TokenReference", token_ref.clone(), token_ref);
    assert_eq!(
        schema(&doc, "TokenAnswer")["oneOf"],
        json!([
            {"$ref": "#/components/schemas/TokenRecord"},
            {"$ref": "#/components/schemas/TokenReference"},
        ])
    );
    assert_eq!(
        schema(&doc, "TokenReference")["properties"]["kind"]["const"],
        <api::TokenRef as ReferenceKind>::KIND
    );
    let issued = |full: bool| IssuedToken {
        token: "t".into(),
        record: record(full),
    };
    check_answer(&doc, "IssuedToken", issued(true), issued(false));
    let requested = svcacct::issued::RequestedToken {
        token: "t".into(),
        expiration_timestamp: time(),
        audiences: vec!["a".into()],
    };
    check_answer(&doc, "RequestedToken", requested.clone(), requested);
    let issuer_key = |full: bool| IssuerKeyView {
        kid: "k".into(),
        algorithm: IssuerAlgorithm::RS256,
        created: time(),
        phase: svcacct::model::KeyPhase::Retired,
        signs_from: full.then(time),
        retired: full.then(time),
        kept_until: full.then(time),
        kept_indefinitely: full,
        public_key: full.then(|| "PEM".into()),
    };
    check_answer(&doc, "IssuerKey", issuer_key(true), issuer_key(false));
    let issuer = |revoked: Vec<svcacct::issued::RevokedToken>| IssuerView {
        id: "urn:svcacct:issuer:0".into(),
        url: (!revoked.is_empty()).then(|| "https://registry.example".into()),
        algorithm: IssuerAlgorithm::HS256,
        created: time(),
        jwks_max_age_seconds: 300,
        keys: vec![issuer_key(false)],
        revoked_tokens: revoked,
    };
    check_answer(
        &doc,
        "Issuer",
        issuer(vec![svcacct::issued::RevokedToken {
            account: "eng/ci".into(),
            name: name("deploy"),
        }]),
        issuer(vec![]),
    );
    let discovery = api::OpenIdConfiguration::of("https://registry.example");
    check_answer(&doc, "OpenIdConfiguration", discovery.clone(), discovery);
    let list = |warnings: Vec<String>, metadata: Option<api::ListMeta>| ListBody::<Value> {
        kind: "X".into(),
        items: vec![],
        warnings,
        metadata,
    };
    for schema_name in [
        "ServiceAccountList",
        "KeyList",
        "PolicyList",
        "TokenList",
        "NamespaceList",
    ] {
        // Every list but an account's keys pages (`limit`, `continue`: issue 13).
        let metadata = (schema_name != "KeyList").then(|| api::ListMeta {
            continue_: Some("t".into()),
        });
        check_answer(
            &doc,
            schema_name,
            list(vec!["w".into()], metadata),
            list(vec![], None),
        );
        assert_eq!(
            schema(&doc, schema_name)["properties"]["kind"]["const"],
            schema_name
        );
    }
    let identity = Identity {
        account: "eng/ci-bot".into(),
        namespace: namespace("eng"),
        name: name("ci-bot"),
        username: "system:serviceaccount:eng:ci-bot".into(),
        groups: vec![],
        impersonates: Some("alice@example.com".into()),
        kid: "k".into(),
        fingerprint: "SHA256:x".into(),
        algorithm: "RS256".into(),
        issued_at: time(),
        expires_at: Some(time()),
        issuer: Some("urn:svcacct:issuer:0".into()),
        token_name: Some("deploy".into()),
    };
    let minimal = Identity {
        expires_at: None,
        issuer: None,
        token_name: None,
        impersonates: None,
        ..identity.clone()
    };
    check_answer(&doc, "Identity", identity.clone(), minimal);
    let record = svcacct::model::NamespaceRecord {
        name: namespace("eng"),
        uid: "u".into(),
        revision: 1,
        created: time(),
        labels: Default::default(),
    };
    let labelled = svcacct::model::NamespaceRecord {
        labels: labels(),
        ..record.clone()
    };
    check_answer(&doc, "StoredNamespace", labelled.clone(), record.clone());
    check_answer(
        &doc,
        "NamespaceRecord",
        svcacct::api::NamespaceView::record(&labelled),
        svcacct::api::NamespaceView::implicit(namespace("default")),
    );
    check_answer(
        &doc,
        "NamespaceCreated",
        api::NamespaceCreated {
            namespace: record.clone(),
            adopted: true,
            accounts: vec![Shown::Record(account(None))],
            policies: vec![Shown::Record(policy(None))],
        },
        api::NamespaceCreated {
            namespace: record.clone(),
            adopted: false,
            accounts: vec![],
            policies: vec![],
        },
    );
    check_answer(
        &doc,
        "NamespaceDeleted",
        api::NamespaceDeleted {
            namespaces: vec![namespace("eng")],
            accounts: vec![],
            policies: vec![],
        },
        api::NamespaceDeleted {
            namespaces: vec![],
            accounts: vec![],
            policies: vec![],
        },
    );
    check_answer(
        &doc,
        "TokenReview",
        TokenReview {
            authenticated: true,
            identity: Some(identity),
            error: Some("e".into()),
        },
        TokenReview {
            authenticated: false,
            identity: None,
            error: None,
        },
    );
    let review = |some: bool| AccessReview {
        allowed: some,
        account: some.then(|| "a".into()),
        action: "get".into(),
        resource: "key".into(),
        namespace: some.then(|| namespace("eng")),
        policy: some.then(|| "p".into()),
        reason: some.then(|| "r".into()),
    };
    check_answer(&doc, "AccessReview", review(true), review(false));
    check_answer(
        &doc,
        "Problem",
        Problem::forbidden("ro", "create", "key", Some(&namespace("eng"))),
        Problem::new(404, api::code::NOT_FOUND, "gone"),
    );
}
