//! Namespaces as records (create with default accounts and policies, get, delete with their
//! contents), groups as in OpenShift and impersonating accounts (Pomerium): on the file store,
//! and through `svcacct serve`. (Expired accounts: tests/refusals.rs.)

mod common;

use common::{Env, Server, run_python};
use predicates::prelude::*;

fn json(text: &str) -> serde_json::Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("not JSON ({e}): {text}"))
}

/// `--store URL --service-account ACCOUNT ARGS…`.
fn as_account<'a>(server: &'a Server, account: &'a str, args: &[&'a str]) -> Vec<&'a str> {
    let mut v = vec!["--store", server.url.as_str(), "--service-account", account];
    v.extend_from_slice(args);
    v
}

const CREATED_ENG: &str = "Created namespace: eng\n\
    Created service account: eng/builder\n\
    Created service account: eng/deployer\n\
    Created service account: eng/default\n\
    Created policy: image-builders (namespace eng)\n\
    Created policy: deployers (namespace eng)\n\
    Created policy: image-pullers (namespace eng)\n";

/// `can-i ACTION RESOURCE --as AS -n NS -q` → its exit code.
fn can(env: &Env, store: &[&str], action: &str, resource: &str, who: &str, ns: &str) -> i32 {
    let mut v: Vec<&str> = store.to_vec();
    v.extend(["can-i", action, resource, "--as", who, "-n", ns, "-q"]);
    env.cmd(v).output().unwrap().status.code().unwrap()
}

#[test]
fn namespace_create_makes_the_defaults_and_delete_removes_everything() {
    let env = Env::new();
    env.cmd(["namespace", "create", "eng"])
        .assert()
        .success()
        .stdout(CREATED_ENG);
    assert_eq!(
        env.ok(["get", "-n", "eng", "-o", "name"]),
        "eng/builder\neng/default\neng/deployer\n"
    );
    // Without keys: KEYS 0, and `describe` says how they get tokens.
    let table = env.ok(["get", "-n", "eng"]);
    assert!(
        table
            .lines()
            .skip(2)
            .all(|l| l.split('|').nth(2).map(str::trim) == Some("0")),
        "{table}"
    );
    assert!(env.ok(["describe", "eng/builder"]).contains(
        "Keys: <none> (no self-signed tokens; add one with `svcacct key add eng/builder --generate`)\n"
    ));
    env.cmd(["token", "eng/builder"])
        .assert()
        .code(3)
        .stdout("")
        .stderr(
            "svcacct: service account `eng/builder` has no public keys, so no self-signed token \
             of it can verify: give it one with `svcacct key add eng/builder --generate`, or use \
             tokens the registry issues\n",
        );
    let policies = json(&env.ok(["policy", "get", "-n", "eng", "-o", "json"]));
    let summary: Vec<String> = policies["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            format!(
                "{} {} {} {}",
                p["name"].as_str().unwrap(),
                p["subjects"][0].as_str().unwrap(),
                p["actions"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|a| a.as_str().unwrap())
                    .collect::<Vec<_>>()
                    .join(","),
                p["resources"][0].as_str().unwrap()
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            "deployers eng/deployer get,list,create,update,delete deployment",
            "image-builders eng/builder push,pull image",
            "image-pullers group:system:serviceaccounts:eng pull image",
        ]
    );
    let s: [&str; 0] = [];
    assert_eq!(can(&env, &s, "push", "image", "eng/builder", "eng"), 0);
    assert_eq!(
        can(&env, &s, "delete", "deployment", "eng/deployer", "eng"),
        0
    );
    assert_eq!(can(&env, &s, "pull", "image", "eng/default", "eng"), 0);
    assert_eq!(can(&env, &s, "push", "image", "eng/default", "eng"), 1);
    assert_eq!(can(&env, &s, "push", "image", "eng/builder", "ops"), 1);

    // A child, with an account whose private key this machine keeps.
    env.cmd(["namespace", "create", "eng/platform", "--no-defaults"])
        .assert()
        .success()
        .stdout("Created namespace: eng/platform\n");
    env.ok(["create", "bot", "-n", "eng/platform", "--bits", "2048"]);
    let kept = env.path(".local/share/svcacct/keys/eng.platform/bot");
    assert!(kept.exists());
    // The grants of `eng` reach `eng/platform`.
    assert_eq!(
        can(
            &env,
            &s,
            "pull",
            "image",
            "eng/platform/bot",
            "eng/platform"
        ),
        1
    );
    assert_eq!(
        can(&env, &s, "push", "image", "eng/builder", "eng/platform"),
        0
    );
    env.ok(["namespace", "create", "ops", "--no-defaults"]);
    assert_eq!(
        env.ok(["namespace", "get", "-o", "name"]),
        "default\neng\neng/platform\nops\n"
    );
    let table = env.ok(["namespace", "get"]);
    assert!(
        table.starts_with(" NAME         | CREATED DATE\n"),
        "{table}"
    );
    assert!(
        table.contains("\n default      | - (always exists)\n"),
        "{table}"
    );
    let one = json(&env.ok(["namespace", "get", "eng", "-o", "json"]));
    assert_eq!(one["kind"], "Namespace");
    assert_eq!(one["name"], "eng");
    assert_eq!(one["implicit"], false);
    assert_eq!(one["uid"].as_str().unwrap().len(), 32);
    let default = json(&env.ok(["namespace", "get", "default", "-o", "json"]));
    assert_eq!(
        default,
        serde_json::json!({"kind": "Namespace", "name": "default", "implicit": true})
    );

    // Without a terminal and without --yes: refused at once, nothing changed.
    let before = env.store_snapshot();
    env.cmd(["namespace", "delete", "eng"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(
            "svcacct: deleting namespace `eng` deletes its accounts, policies and child \
             namespaces: pass --yes to confirm (there is no terminal to ask on)\n",
        );
    assert_eq!(before, env.store_snapshot());

    env.cmd(["namespace", "delete", "eng", "--yes"])
        .assert()
        .success()
        .stdout(
            "Deleted service account: eng/builder\n\
             Deleted service account: eng/default\n\
             Deleted service account: eng/deployer\n\
             Deleted service account: eng/platform/bot\n\
             Deleted policy: deployers (namespace eng)\n\
             Deleted policy: image-builders (namespace eng)\n\
             Deleted policy: image-pullers (namespace eng)\n\
             Deleted namespace: eng/platform\n\
             Deleted namespace: eng\n",
        );
    assert_eq!(env.ok(["get", "-A", "-o", "name"]), "");
    assert_eq!(env.ok(["policy", "get", "-A", "-o", "name"]), "");
    assert_eq!(env.ok(["namespace", "get", "-o", "name"]), "default\nops\n");
    assert!(!kept.exists(), "the deleted account's private key stays");
    // Created again, it is a new namespace with new accounts.
    env.ok(["namespace", "create", "eng", "--no-defaults"]);
    assert_eq!(env.ok(["get", "-n", "eng", "-o", "name"]), "");
}

#[test]
fn namespace_refusals() {
    let env = Env::new();
    env.ok(["keygen", "-o", "k.key", "--bits", "2048"]);
    let before = env.store_snapshot();
    let refused = |args: &[&str], code: i32, message: &str| {
        env.cmd(args)
            .assert()
            .code(code)
            .stdout("")
            .stderr(format!("svcacct: {message}\n"));
        assert_eq!(before, env.store_snapshot(), "{args:?} changed the store");
    };
    let no_eng = "namespace `eng` does not exist (create it with `svcacct namespace create eng`)";
    refused(
        &["create", "bot", "-n", "eng", "--public-key", "k.key.pub"],
        3,
        no_eng,
    );
    // Refused before a key pair is generated.
    refused(&["create", "eng/bot", "--bits", "2048"], 3, no_eng);
    assert!(!env.path(".local/share/svcacct/keys/eng").exists());
    refused(
        &["namespace", "create", "eng/platform"],
        3,
        "namespace `eng` does not exist: a namespace needs its parent (create it first with \
         `svcacct namespace create eng`)",
    );
    refused(
        &["namespace", "create", "default"],
        3,
        "namespace `default` always exists; it needs no `namespace create`",
    );
    refused(
        &["namespace", "delete", "default", "--yes"],
        3,
        "namespace `default` cannot be deleted: it always exists",
    );
    refused(&["namespace", "delete", "eng", "--yes"], 3, no_eng);
    refused(&["namespace", "get", "eng"], 3, no_eng);
    refused(
        &["namespace", "create", "Eng"],
        2,
        "invalid namespace `Eng`: it has upper-case letters (a namespace is DNS-1123 labels \
         joined by `/`, e.g. `eng/platform`)",
    );
    env.ok(["namespace", "create", "eng", "--no-defaults"]);
    env.cmd(["namespace", "create", "eng"])
        .assert()
        .code(3)
        .stderr("svcacct: namespace `eng` already exists (see `svcacct namespace get`)\n");

    // Bad user ids for --impersonate.
    let long = "u".repeat(257);
    for (id, why) in [
        ("", "it is empty"),
        (
            "alice smith",
            "it must not contain whitespace or control characters",
        ),
        (long.as_str(), "it is longer than 256 characters"),
    ] {
        env.cmd([
            "create",
            "imp",
            "--public-key",
            "k.key.pub",
            "--impersonate",
            id,
        ])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::starts_with("svcacct: invalid user id `"))
        .stderr(predicate::str::ends_with(format!(
            "` for --impersonate: {why}\n"
        )));
    }
    // A control character is named by its code point, as in every identifier (issue 12).
    env.cmd([
        "create",
        "imp",
        "--public-key",
        "k.key.pub",
        "--impersonate",
        "alice\tsmith",
    ])
    .assert()
    .code(2)
    .stdout("")
    .stderr(
        "svcacct: invalid user id `alice\\u{9}smith`: it contains U+0009, a control \
         character; identifiers may not hold control, bidirectional-text or invisible \
         characters\n",
    );
    env.cmd(["get", "imp"]).assert().code(3);
}

#[test]
fn a_record_less_namespace_from_1_0_keeps_working_and_is_adopted() {
    let env = Env::new();
    env.ok(["keygen", "-o", "k.key", "--bits", "2048"]);
    let others = env.distinct_public_keys("other", 2);
    env.ok(["namespace", "create", "legacy", "--no-defaults"]);
    env.ok(["create", "old", "-n", "legacy", "--public-key", "k.key.pub"]);
    env.ok([
        "create",
        "builder",
        "-n",
        "legacy",
        "--public-key",
        &others[0],
    ]);
    // A 1.0 store: accounts in `legacy`, no namespace record.
    std::fs::remove_file(env.path(".local/share/svcacct/store/namespaces/legacy.toml")).unwrap();
    let t = env.ok(["token", "legacy/old", "--jwt-private-key", "k.key"]);
    env.cmd(["verify", t.trim(), "-o", "name"])
        .assert()
        .success()
        .stdout("legacy/old\n");
    assert_eq!(
        env.ok(["get", "-n", "legacy", "-o", "name"]),
        "legacy/builder\nlegacy/old\n"
    );
    env.cmd(["create", "new", "-n", "legacy", "--public-key", &others[1]])
        .assert()
        .code(3)
        .stderr(predicate::str::contains(
            "create it with `svcacct namespace create legacy`",
        ));
    // Adopted: its accounts stay (the taken default name too), the missing defaults come.
    env.cmd(["namespace", "create", "legacy"])
        .assert()
        .success()
        .stdout(
            "Created namespace: legacy (it already held accounts or policies; they are kept)\n\
             Created service account: legacy/deployer\n\
             Created service account: legacy/default\n\
             Created policy: image-builders (namespace legacy)\n\
             Created policy: deployers (namespace legacy)\n\
             Created policy: image-pullers (namespace legacy)\n",
        );
    assert_eq!(
        json(&env.ok(["get", "legacy/builder", "-o", "json"]))["keys"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
    env.ok(["create", "new", "-n", "legacy", "--public-key", &others[1]]);
}

const PYJWT_DECODE: &str = r#"
import sys, json, jwt
token, pem = sys.argv[1], open(sys.argv[2]).read()
claims = jwt.decode(token, pem, algorithms=["RS256"], options={"verify_aud": False})
print(json.dumps({"sub": claims["sub"], "iss": claims["iss"], "act": claims["act"]}, sort_keys=True))
"#;

const PYJWT_DECODE_JWKS: &str = r#"
import sys, json, jwt
token, jwks = sys.argv[1], jwt.PyJWKSet.from_json(sys.argv[2])
key = jwks[jwt.get_unverified_header(token)["kid"]]
claims = jwt.decode(token, key, algorithms=["RS256"], options={"verify_aud": False})
print(json.dumps({"sub": claims["sub"], "iss": claims["iss"], "act": claims["act"]}, sort_keys=True))
"#;

const PYJWT_SIGN: &str = r#"
import sys, json, time, jwt
pem, claims = open(sys.argv[1]).read(), json.loads(sys.argv[2])
now = int(time.time())
claims.update({"iat": now, "exp": now + 300})
print(jwt.encode(claims, pem, algorithm="RS256"))
"#;

#[test]
fn an_impersonating_account_signs_as_its_user() {
    let env = Env::new();
    env.ok(["keygen", "-o", "k.key", "--bits", "2048"]);
    env.ok(["namespace", "create", "eng", "--no-defaults"]);
    env.cmd([
        "create",
        "alice-bot",
        "-n",
        "eng",
        "--public-key",
        "k.key.pub",
        "--impersonate",
        "alice@example.com",
    ])
    .assert()
    .success()
    .stdout("Created service account: eng/alice-bot (impersonates user alice@example.com)\n");
    let account = json(&env.ok(["get", "eng/alice-bot", "-o", "json"]));
    assert_eq!(account["impersonates"], "alice@example.com");
    let describe = env.ok(["describe", "eng/alice-bot"]);
    assert!(
        describe.contains(
            "Impersonates:  user alice@example.com (tokens: sub=alice@example.com, act.sub=eng/alice-bot)\n"
        ),
        "{describe}"
    );

    let t = env.ok(["token", "eng/alice-bot", "--jwt-private-key", "k.key"]);
    let t = t.trim();
    let decoded = json(&env.ok(["decode", t]));
    assert_eq!(decoded["claims"]["iss"], "eng/alice-bot");
    assert_eq!(decoded["claims"]["sub"], "alice@example.com");
    assert_eq!(
        decoded["claims"]["act"],
        serde_json::json!({"sub": "eng/alice-bot"})
    );
    // PyJWT verifies it with the public key and sees the same claims.
    let seen = run_python(PYJWT_DECODE, &[t, env.path("k.key.pub").to_str().unwrap()]);
    assert_eq!(
        seen,
        "{\"act\": {\"sub\": \"eng/alice-bot\"}, \"iss\": \"eng/alice-bot\", \"sub\": \"alice@example.com\"}\n"
    );
    let verified = json(&env.ok(["verify", t, "-o", "json"]));
    assert_eq!(verified["account"], "eng/alice-bot");
    assert_eq!(verified["impersonates"], "alice@example.com");
    let table = env.ok(["verify", t]);
    assert!(
        table.starts_with(
            "Valid:       yes\nAccount:     eng/alice-bot\nActing for:  user alice@example.com\n"
        ),
        "{table}"
    );
    let who = env.ok([
        "--service-account",
        "eng/alice-bot",
        "--jwt-private-key",
        "k.key",
        "whoami",
    ]);
    assert!(
        who.starts_with("Account:     eng/alice-bot\nActing for:  user alice@example.com\n"),
        "{who}"
    );

    // A token the store issues for it carries the same pair, and PyJWT sees it with the
    // issuer's key from the JWKS.
    let issued = env.ok(["tokens", "create", "eng/alice-bot", "laptop"]);
    let issued = issued.trim();
    let claims = &json(&env.ok(["decode", issued]))["claims"];
    assert_eq!(claims["sub"], "alice@example.com");
    assert_eq!(claims["act"], serde_json::json!({"sub": "eng/alice-bot"}));
    assert!(
        claims["iss"]
            .as_str()
            .unwrap()
            .starts_with("urn:svcacct:issuer:")
    );
    let jwks = env.ok(["jwks", "--issuer"]);
    let seen = run_python(PYJWT_DECODE_JWKS, &[issued, jwks.as_str()]);
    assert_eq!(
        seen,
        format!(
            "{{\"act\": {{\"sub\": \"eng/alice-bot\"}}, \"iss\": \"{}\", \"sub\": \"alice@example.com\"}}\n",
            claims["iss"].as_str().unwrap()
        )
    );
    let verified = json(&env.ok(["verify", issued, "-o", "json"]));
    assert_eq!(verified["account"], "eng/alice-bot");
    assert_eq!(verified["impersonates"], "alice@example.com");

    // Anything else is refused for it: a plain token, another user, another actor.
    let key = env.path("k.key");
    let key = key.to_str().unwrap();
    let message = "service account `eng/alice-bot` impersonates user `alice@example.com`: its \
                   tokens must carry `sub` = that user and `act` = {\"sub\": \"eng/alice-bot\"}";
    for claims in [
        r#"{"iss": "eng/alice-bot", "sub": "eng/alice-bot"}"#,
        r#"{"iss": "eng/alice-bot"}"#,
        r#"{"iss": "eng/alice-bot", "sub": "mallory", "act": {"sub": "eng/alice-bot"}}"#,
        r#"{"iss": "eng/alice-bot", "sub": "alice@example.com", "act": {"sub": "eng/other"}}"#,
        r#"{"iss": "eng/alice-bot", "sub": "alice@example.com", "act": "eng/alice-bot"}"#,
    ] {
        let forged = run_python(PYJWT_SIGN, &[key, claims]);
        env.rejected(forged.trim(), &[], message);
    }
    // And an account that impersonates nobody still needs sub == iss, without `act`.
    env.ok(["keygen", "-o", "plain.key", "--bits", "2048"]);
    env.ok(["create", "plain", "--public-key", "plain.key.pub"]);
    let key = env.path("plain.key");
    let key = key.to_str().unwrap();
    let forged = run_python(
        PYJWT_SIGN,
        &[
            key,
            r#"{"iss": "plain", "sub": "alice@example.com", "act": {"sub": "plain"}}"#,
        ],
    );
    env.rejected(
        forged.trim(),
        &[],
        "the token has an `act` claim, but service account `plain` impersonates no user",
    );
    let forged = run_python(PYJWT_SIGN, &[key, r#"{"iss": "plain", "sub": "other"}"#]);
    env.rejected(forged.trim(), &[], "`sub` differs from `iss`");
    env.cmd([
        "token",
        "plain",
        "--jwt-private-key",
        "plain.key",
        "--claim",
        "act=x",
    ])
    .assert()
    .code(2)
    .stderr(predicate::str::contains(
        "cannot set the registered claim `act`",
    ));
}

/// Namespace `eng` (no defaults) with an account `eng/owner` (its key in the keystore) and a
/// policy in `eng` granting it `actions` on `resources`: a namespace owner, on the store `s`.
fn eng_owner(env: &Env, s: &str, actions: &str, resources: &str) {
    env.ok(["--store", s, "namespace", "create", "eng", "--no-defaults"]);
    env.ok([
        "--store", s, "-n", "eng", "create", "owner", "--bits", "2048",
    ]);
    env.ok([
        "--store",
        s,
        "policy",
        "create",
        "eng-owner",
        "-n",
        "eng",
        "--subject",
        "eng/owner",
        "--action",
        actions,
        "--resource",
        resources,
    ]);
}

#[test]
fn namespaces_through_svcacct_serve() {
    let env = Env::new();
    let srv = env.path("srv");
    env.bootstrap(&srv);
    let s = srv.to_str().unwrap();
    // The owner of `eng`: a policy in `eng` only.
    eng_owner(&env, s, "*", "serviceaccount,namespace,policy");
    env.ok(["--store", s, "namespace", "create", "ops", "--no-defaults"]);
    env.ok(["keygen", "-o", "k.key", "--bits", "2048"]);
    // One public key belongs to one account: the accounts nobody signs for get these.
    let keys = env.distinct_public_keys("d", 3);
    let server = env.serve(&srv, &[]);
    let owner = |args: &[&str]| env.cmd(as_account(&server, "eng/owner", args)).assert();
    let admin = |args: &[&str]| env.cmd(as_account(&server, "admin", args)).assert();

    // Creating a namespace makes its defaults, as locally.
    owner(&["namespace", "create", "eng/platform"])
        .success()
        .stdout(CREATED_ENG.replace("eng", "eng/platform"));
    owner(&["-n", "eng", "create", "app", "--public-key", "k.key.pub"]).success();
    owner(&[
        "-n",
        "eng/platform",
        "create",
        "svc",
        "--public-key",
        &keys[0],
    ])
    .success();
    owner(&["-n", "ops", "create", "svc", "--public-key", "k.key.pub"])
        .code(3)
        .stderr(
            "svcacct: service account `eng/owner` may not create serviceaccount in namespace \
             `ops`: no policy allows it\n",
        );
    owner(&["namespace", "create", "top"]).code(3).stderr(
        "svcacct: service account `eng/owner` may not create namespace globally: no policy \
         allows it\n",
    );
    owner(&["namespace", "delete", "eng", "--yes"])
        .code(3)
        .stderr(
            "svcacct: service account `eng/owner` may not delete namespace globally: no policy \
         allows it\n",
        );
    // The server checks that the namespace exists; the client names the nearest one admin
    // may list, as a local store does.
    admin(&["-n", "nope", "create", "x", "--public-key", "k.key.pub"])
        .code(3)
        .stderr(
            "svcacct: namespace `nope` does not exist (create it with `svcacct namespace create \
             nope`); did you mean `ops`?\n",
        );
    // The owner sees the namespaces it may get; admin sees all.
    owner(&["namespace", "get", "-o", "name"])
        .success()
        .stdout("default\neng\neng/platform\n");
    admin(&["namespace", "get", "-o", "name"])
        .success()
        .stdout("default\neng\neng/platform\nops\n");
    // A grant in `eng` reaches `eng/platform`: the defaults' policies work there too.
    assert_eq!(
        env.cmd(as_account(
            &server,
            "admin",
            &[
                "can-i",
                "push",
                "image",
                "--as",
                "eng/platform/builder",
                "-n",
                "eng/platform",
                "-q"
            ],
        ))
        .output()
        .unwrap()
        .status
        .code(),
        Some(0)
    );

    // Groups: a grant to `managers` lets its members edit `top-secret`, on the server too.
    admin(&[
        "-n",
        "eng",
        "create",
        "boss",
        "--public-key",
        &keys[1],
        "--group",
        "managers",
    ])
    .success();
    admin(&[
        "policy",
        "create",
        "managers-edit",
        "--global",
        "--subject",
        "group:managers",
        "--action",
        "edit",
        "--resource",
        "top-secret",
    ])
    .success();
    admin(&[
        "can-i",
        "edit",
        "top-secret",
        "--as",
        "eng/boss",
        "-n",
        "eng",
    ])
    .success()
    .stdout("yes\n");
    admin(&[
        "can-i",
        "edit",
        "top-secret",
        "--as",
        "eng/app",
        "-n",
        "eng",
    ])
    .code(1)
    .stdout("no\n");

    // Impersonation needs a global grant of `impersonate` on `user`.
    owner(&[
        "-n",
        "eng",
        "create",
        "alice-bot",
        "--bits",
        "2048",
        "--impersonate",
        "alice@example.com",
    ])
    .code(3)
    .stderr(
        "svcacct: service account `eng/owner` may not impersonate user globally: no policy \
         allows it\n",
    );
    assert!(!env.path(".local/share/svcacct/keys/eng/alice-bot").exists());
    admin(&[
        "-n",
        "eng",
        "create",
        "alice-bot",
        "--bits",
        "2048",
        "--impersonate",
        "alice@example.com",
    ])
    .success();
    // Its requests carry sub/act; the server knows who acts for whom.
    let who = json(&env.ok(as_account(
        &server,
        "eng/alice-bot",
        &["whoami", "-o", "json"],
    )));
    assert_eq!(who["account"], "eng/alice-bot");
    assert_eq!(who["impersonates"], "alice@example.com");
    let t = env.ok(["token", "eng/alice-bot"]);
    let review = json(&env.ok(as_account(
        &server,
        "admin",
        &["verify", t.trim(), "-o", "json"],
    )));
    assert_eq!(review["impersonates"], "alice@example.com");

    // Delete: the owner may delete a child of `eng`; admin deletes `eng` with the rest.
    owner(&["namespace", "delete", "eng/platform"])
        .code(2)
        .stderr(predicate::str::contains("pass --yes to confirm"));
    owner(&["namespace", "delete", "eng/platform", "--yes"])
        .success()
        .stdout(predicate::str::ends_with(
            "Deleted policy: image-pullers (namespace eng/platform)\n\
             Deleted namespace: eng/platform\n",
        ));
    admin(&["namespace", "delete", "eng", "--yes"]).success();
    assert_eq!(env.ok(["--store", s, "get", "-A", "-o", "name"]), "admin\n");
    assert_eq!(
        env.ok(["--store", s, "namespace", "get", "-o", "name"]),
        "default\nops\n"
    );
    assert!(
        !env.path(".local/share/svcacct/keys/eng/alice-bot").exists()
            && !env.path(".local/share/svcacct/keys/eng/owner").exists(),
        "the deleted accounts' private keys stay"
    );
}

/// Runs `svcacct ARGS` on a pseudo-terminal (util-linux `script`), typing `input`; returns the
/// exit status and what the terminal showed (with `\n` line ends).
fn on_a_terminal(env: &Env, args: &str, input: &str) -> (bool, String) {
    use std::io::Write as _;
    let bin = assert_cmd::cargo::cargo_bin("svcacct");
    let mut child = std::process::Command::new("script")
        .args(["-qec", &format!("'{}' {args}", bin.display()), "/dev/null"])
        .env_clear()
        .env("HOME", env.home.path())
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("TZ", "UTC")
        .current_dir(env.home.path())
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("util-linux `script` is installed");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).replace("\r\n", "\n"),
    )
}

#[test]
fn namespace_delete_asks_on_a_terminal() {
    let env = Env::new();
    env.ok(["namespace", "create", "eng"]);
    env.ok(["namespace", "create", "eng/platform", "--no-defaults"]);
    let question = "Deleting namespace `eng` deletes:\n\
                    \x20 child namespaces: eng/platform\n\
                    \x20 service accounts: eng/builder, eng/default, eng/deployer\n\
                    \x20 policies: deployers (eng), image-builders (eng), image-pullers (eng)\n\
                    Type `yes` to delete them: ";
    let (ok, shown) = on_a_terminal(&env, "namespace delete eng", "no\n");
    assert!(!ok, "{shown}");
    assert!(shown.contains(question), "{shown}");
    assert!(
        shown.contains("svcacct: namespace `eng` was not deleted (the answer was not `yes`)"),
        "{shown}"
    );
    assert_eq!(env.ok(["get", "-A", "-o", "name"]).lines().count(), 3);

    let (ok, shown) = on_a_terminal(&env, "namespace delete eng", "yes\n");
    assert!(ok, "{shown}");
    assert!(shown.contains(question), "{shown}");
    assert!(
        shown.ends_with("Deleted namespace: eng/platform\nDeleted namespace: eng\n"),
        "{shown}"
    );
    assert_eq!(env.ok(["get", "-A", "-o", "name"]), "");
}

/// The global grant of `impersonate` on `user` guards more than the account's creation: a key
/// added to an impersonating account, or a token issued for it, speaks for the user too. So a
/// namespace owner without the grant can neither add a key nor issue (or regenerate) a token
/// for it, though it can for the other accounts of its namespace.
#[test]
fn credentials_of_an_impersonating_or_grouped_account_need_the_global_grant() {
    let env = Env::new();
    let srv = env.path("srv");
    env.bootstrap(&srv);
    let s = srv.to_str().unwrap();
    eng_owner(&env, s, "*", "*");
    env.ok(["keygen", "-o", "k.key", "--bits", "2048"]);
    // One public key belongs to one account: the accounts nobody signs for get these.
    let keys = env.distinct_public_keys("d", 3);
    let server = env.serve(&srv, &[]);
    let owner = |args: &[&str]| env.cmd(as_account(&server, "eng/owner", args)).assert();
    let admin = |args: &[&str]| env.cmd(as_account(&server, "admin", args)).assert();
    admin(&[
        "-n",
        "eng",
        "create",
        "alice-bot",
        "--public-key",
        "k.key.pub",
        "--impersonate",
        "alice@example.com",
    ])
    .success();
    admin(&["tokens", "create", "eng/alice-bot", "ci"]).success();
    let before = env.store_snapshot();
    let refused = "svcacct: service account `eng/owner` may not impersonate user globally: no \
                   policy allows it\n";
    owner(&["tokens", "create", "eng/alice-bot", "stolen"])
        .code(3)
        .stdout("")
        .stderr(refused);
    owner(&["tokens", "regenerate", "eng/alice-bot", "ci"])
        .code(3)
        .stdout("")
        .stderr(refused);
    owner(&["key", "add", "eng/alice-bot", "--public-key", "k.key.pub"])
        .code(3)
        .stdout("")
        .stderr(refused);
    assert_eq!(
        before,
        env.store_snapshot(),
        "a refused request changed the store"
    );
    // The same for an account that an administrator gave a group (which policies anywhere may
    // name): a key or token for it carries the group's grants.
    admin(&[
        "-n",
        "eng",
        "create",
        "boss",
        "--public-key",
        &keys[0],
        "--group",
        "managers",
    ])
    .success();
    let before = env.store_snapshot();
    let refused = "svcacct: service account `eng/owner` may not update group globally: no \
                   policy allows it\n";
    owner(&["tokens", "create", "eng/boss", "stolen"])
        .code(3)
        .stdout("")
        .stderr(refused);
    owner(&["key", "add", "eng/boss", "--public-key", &keys[1]])
        .code(3)
        .stdout("")
        .stderr(refused);
    assert_eq!(
        before,
        env.store_snapshot(),
        "a refused request changed the store"
    );
    // The owner still manages the namespace's other accounts, and may revoke.
    owner(&["-n", "eng", "create", "app", "--public-key", &keys[2]]).success();
    owner(&["tokens", "create", "eng/app", "ci"]).success();
    owner(&["key", "add", "eng/app", "--generate", "--bits", "2048"]).success();
    owner(&["tokens", "revoke", "eng/alice-bot", "ci"])
        .success()
        .stdout(predicate::str::contains("ci"));
    // With the grant, it may.
    admin(&[
        "policy",
        "create",
        "owner-impersonates",
        "--global",
        "--subject",
        "eng/owner",
        "--action",
        "impersonate",
        "--resource",
        "user",
    ])
    .success();
    owner(&["tokens", "create", "eng/alice-bot", "granted"]).success();
}

/// `GET /v1/namespaces` lists only the namespaces the caller may get, and its warnings about
/// unreadable records do the same: they name the record's file (a namespace), and a TOML
/// error may quote it. A caller granted in `eng` hears of a broken `eng/broken` only; one with
/// a global grant hears of all.
#[test]
fn namespace_list_warnings_name_only_what_the_caller_may_get() {
    let env = Env::new();
    let srv = env.path("srv");
    env.bootstrap(&srv);
    let s = srv.to_str().unwrap();
    eng_owner(&env, s, "get", "namespace");
    std::fs::write(srv.join("namespaces/acme-merger.toml"), "name = [\n").unwrap();
    std::fs::write(srv.join("namespaces/eng.broken.toml"), "garbage\n").unwrap();
    std::fs::write(srv.join("namespaces/Not.A.Name.toml"), "garbage\n").unwrap();
    let server = env.serve(&srv, &[]);
    let owner = |args: &[&str]| env.cmd(as_account(&server, "eng/owner", args)).assert();
    let admin = |args: &[&str]| env.cmd(as_account(&server, "admin", args)).assert();
    owner(&["namespace", "get", "-o", "name"])
        .code(3)
        .stdout("default\neng\n")
        .stderr(
            "svcacct: store record namespaces/eng.broken.toml is unreadable: line 1, column 8: key \
             with no value, expected `=`\n",
        );
    let out = admin(&["namespace", "get", "-o", "name"])
        .code(3)
        .stdout("default\neng\n")
        .get_output()
        .stderr
        .clone();
    let err = String::from_utf8(out).unwrap();
    for file in ["acme-merger.toml", "eng.broken.toml", "Not.A.Name.toml"] {
        assert!(
            err.contains(&format!("namespaces/{file} is unreadable")),
            "{err}"
        );
    }
}

/// An unreadable record inside the namespace (an account, a policy, a child's record) stops
/// `namespace delete` before anything goes: it would stay behind, and come back with a
/// namespace of the same name. One elsewhere does not matter.
#[test]
fn namespace_delete_refuses_over_an_unreadable_record_inside() {
    let env = Env::new();
    env.ok(["namespace", "create", "eng"]);
    env.ok(["namespace", "create", "eng/platform", "--no-defaults"]);
    env.ok(["namespace", "create", "engineering", "--no-defaults"]);
    let store = env.path(".local/share/svcacct/store");
    std::fs::create_dir_all(store.join("accounts/engineering")).unwrap();
    std::fs::write(store.join("accounts/engineering/junk.toml"), "junk\n").unwrap();
    for rel in [
        "accounts/eng/zombie.toml",
        "policies/eng.platform/zombie.toml",
        "namespaces/eng.platform.toml",
    ] {
        let path = store.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        let kept = std::fs::read(&path).ok();
        std::fs::write(&path, "junk\n").unwrap();
        let before = env.store_snapshot();
        env.cmd(["namespace", "delete", "eng", "--yes"])
            .assert()
            .code(3)
            .stdout("")
            .stderr(format!(
                "svcacct: store record {} is unreadable: line 1, column 5: key with no value, \
                 expected `=` (fix or remove the file; nothing else was changed)\n",
                path.display()
            ));
        assert_eq!(before, env.store_snapshot(), "{rel}: the store changed");
        match kept {
            Some(bytes) => std::fs::write(&path, bytes).unwrap(),
            None => std::fs::remove_file(&path).unwrap(),
        }
    }
    env.cmd(["namespace", "delete", "eng", "--yes"])
        .assert()
        .success()
        .stdout(predicate::str::ends_with(
            "Deleted namespace: eng/platform\nDeleted namespace: eng\n",
        ));
    assert_eq!(
        env.ok(["namespace", "get", "-o", "name"]),
        "default\nengineering\n"
    );
}

/// `namespace create` over a namespace holding a record that cannot be read (here the policy
/// `deployers` of a 1.0 namespace) fails before it writes anything, and once the file is fixed
/// a retry makes the whole namespace: the record is written last, so a create that stops
/// half-way is finished by the next one instead of leaving a namespace without its defaults.
#[test]
fn namespace_create_writes_nothing_over_an_unreadable_record_and_a_retry_completes() {
    let env = Env::new();
    let store = env.path(".local/share/svcacct/store");
    let broken = store.join("policies/eng/deployers.toml");
    std::fs::create_dir_all(broken.parent().unwrap()).unwrap();
    std::fs::write(&broken, "junk\n").unwrap();
    let before = env.store_snapshot();
    env.cmd(["namespace", "create", "eng"])
        .assert()
        .code(3)
        .stdout("")
        .stderr(format!(
            "svcacct: store record {} is unreadable: line 1, column 5: key with no value, \
             expected `=` (fix or remove the file; nothing else was changed)\n",
            broken.display()
        ));
    assert_eq!(before, env.store_snapshot(), "the store changed");
    std::fs::remove_file(&broken).unwrap();
    env.cmd(["namespace", "create", "eng"])
        .assert()
        .success()
        .stdout(CREATED_ENG);
}

/// A namespace record is the file `<namespace>.toml`: a namespace of 251 to 253 characters
/// cannot have one, so it is no namespace at all (tests/store_safety.rs: nor for accounts or
/// policies). `namespace create` says so up front, with the limit, and writes nothing (it said
/// a record "is unreadable: File name too long").
#[test]
fn namespace_create_refuses_a_name_too_long_for_its_record() {
    let env = Env::new();
    let label = "a".repeat(63);
    let mut parent = label.clone();
    env.ok(["namespace", "create", &parent, "--no-defaults"]);
    for _ in 0..2 {
        parent = format!("{parent}/{label}");
        env.ok(["namespace", "create", &parent, "--no-defaults"]);
    }
    let before = env.store_snapshot();
    for n in [61, 60] {
        let ns = format!("{parent}/{}", "b".repeat(n));
        assert!(ns.len() > 250 && ns.len() <= 253);
        env.cmd(["namespace", "create", &ns])
            .assert()
            .code(2)
            .stdout("")
            .stderr(format!(
                "svcacct: invalid namespace `{}…`: it is longer than 250 characters, too long \
                 for a file name in a store (a namespace is DNS-1123 labels joined by `/`, e.g. \
                 `eng/platform`)\n",
                &ns[..40]
            ));
        assert_eq!(before, env.store_snapshot(), "the store changed");
    }
    let ns = format!("{parent}/{}", "b".repeat(58));
    assert_eq!(ns.len(), 250);
    env.ok(["namespace", "create", &ns]);
    env.ok(["create", "bot", "-n", &ns, "--bits", "2048"]);
}
