//! Bad input gets its own clear message and a non-zero exit, and changes nothing.

mod common;

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64;
use common::Env;
use predicates::prelude::*;

fn now() -> i64 {
    jiff::Timestamp::now().as_second()
}

/// An env with account `ci` (key `ci.key`), a second key `other.key`, and a policy.
fn setup() -> Env {
    let env = Env::new();
    env.ok(["keygen", "-o", "ci.key", "--bits", "2048"]);
    env.ok(["keygen", "-o", "other.key", "--bits", "2048"]);
    env.ok(["create", "ci", "--public-key", "ci.key.pub"]);
    env.ok([
        "policy",
        "create",
        "p",
        "--subject",
        "ci",
        "--action",
        "get",
        "--resource",
        "x",
    ]);
    env
}

fn unsigned(header: &str, claims: &str) -> String {
    format!("{}.{}", B64.encode(header), B64.encode(claims))
}

fn rejected(env: &Env, token: &str, message: &str) {
    env.rejected(token, &[], message);
}

#[test]
fn forged_and_broken_tokens() {
    let env = setup();
    let claims = format!(
        r#"{{"iss":"ci","sub":"ci","iat":{},"exp":{}}}"#,
        now() - 10,
        now() + 300
    );

    // alg: none, with and without a trailing empty signature.
    let none = unsigned(r#"{"alg":"none","typ":"JWT"}"#, &claims);
    rejected(&env, &format!("{none}."), "algorithm `none` is refused");

    // HS256 "signed" with the account's public key PEM as the HMAC secret.
    let pem = std::fs::read(env.path("ci.key.pub")).unwrap();
    let input = unsigned(r#"{"alg":"HS256","typ":"JWT"}"#, &claims);
    let key = aws_lc_rs::hmac::Key::new(aws_lc_rs::hmac::HMAC_SHA256, &pem);
    let sig = aws_lc_rs::hmac::sign(&key, input.as_bytes());
    rejected(
        &env,
        &format!("{input}.{}", B64.encode(sig.as_ref())),
        "algorithm `HS256` is refused",
    );

    // A real token with its payload changed.
    let good = env.ok(["token", "ci", "--jwt-private-key", "ci.key"]);
    let parts: Vec<&str> = good.trim().split('.').collect();
    let evil = B64.encode(format!(
        r#"{{"iss":"ci","sub":"ci","iat":{},"exp":{},"admin":"yes"}}"#,
        now(),
        now() + 300
    ));
    rejected(
        &env,
        &format!("{}.{}.{}", parts[0], evil, parts[2]),
        "the signature does not verify",
    );

    // Signed by a key the account does not have, with and without a kid.
    let other = env.ok(["token", "ci", "--jwt-private-key", "other.key"]);
    rejected(&env, other.trim(), "unknown kid");
    // Without a kid every key of the account is tried; none of them made this signature.
    let sign_without_kid = |file: &str| {
        let key =
            svcacct::keys::PrivateKey::parse(&std::fs::read(env.path(file)).unwrap(), file, None)
                .unwrap();
        jsonwebtoken::encode(
            &jsonwebtoken::Header::new(jsonwebtoken::Algorithm::RS256),
            &serde_json::from_str::<serde_json::Value>(&claims).unwrap(),
            &jsonwebtoken::EncodingKey::from_rsa_der(key.pkcs1_der()),
        )
        .unwrap()
    };
    rejected(
        &env,
        &sign_without_kid("other.key"),
        "does not verify with any key of `ci`",
    );
    // The same claims signed by the account's own key, without a kid, pass.
    env.cmd(["verify", &sign_without_kid("ci.key")])
        .assert()
        .success();

    rejected(&env, "not-a-token", "malformed token");
    rejected(&env, "a.b.c", "malformed token");
}

#[test]
fn account_state_and_audience() {
    let env = setup();
    // Unknown account.
    env.ok(["keygen", "-o", "ghost.key", "--bits", "2048"]);
    let t = env.ok(["token", "ghost", "--jwt-private-key", "ghost.key"]);
    rejected(
        &env,
        t.trim(),
        "unknown service account `ghost` in namespace `default`",
    );

    // Wrong audience, and an audience that was not asked for.
    let t = env.ok([
        "token",
        "ci",
        "--jwt-private-key",
        "ci.key",
        "--aud",
        "https://a.example",
    ]);
    env.rejected(
        t.trim(),
        &["--aud", "https://b.example"],
        "the token is not for audience `https://b.example` (it is for `https://a.example`)",
    );
    env.rejected(
        t.trim(),
        &[],
        "the token is for audience `https://a.example`; pass --aud to accept it",
    );
    env.cmd(["verify", t.trim(), "--aud", "https://a.example"])
        .assert()
        .success();

    // Disabled account; enabled again it verifies.
    let t = env.ok(["token", "ci", "--jwt-private-key", "ci.key"]);
    env.ok(["disable", "ci"]);
    rejected(
        &env,
        t.trim(),
        "service account `ci` is disabled (see `svcacct enable`)",
    );
    env.cmd(["can-i", "get", "x", "--as", "ci"])
        .assert()
        .code(1)
        .stdout("no\n");
    env.ok(["enable", "ci"]);
    env.cmd(["verify", t.trim()]).assert().success();

    // Expired account.
    env.ok(["keygen", "-o", "tmp.key", "--bits", "2048"]);
    env.ok([
        "create",
        "short-lived",
        "--public-key",
        "tmp.key.pub",
        "--expires",
        "2s",
    ]);
    let t = env.ok(["token", "short-lived", "--jwt-private-key", "tmp.key"]);
    std::thread::sleep(std::time::Duration::from_secs(3));
    rejected(&env, t.trim(), "service account `short-lived` expired at");
    let got = env.ok(["get", "short-lived"]);
    assert!(got.contains(" short-lived | expired |"), "{got}");
}

#[test]
fn token_lifetime_is_capped() {
    let env = setup();
    env.cmd(["token", "ci", "--jwt-private-key", "ci.key", "--ttl", "2h"])
        .assert()
        .code(2)
        .stdout("")
        .stderr("svcacct: --ttl 2h exceeds the maximum token lifetime of 1h (set by `max-token-lifetime` in the config file, or SVCACCT_MAX_TOKEN_LIFETIME)\n");
    env.cmd(["token", "ci", "--jwt-private-key", "ci.key", "--ttl", "2h"])
        .env("SVCACCT_MAX_TOKEN_LIFETIME", "3h")
        .assert()
        .success();
    // A 2h token is refused by a verifier whose maximum is 1h.
    let t = env
        .cmd(["token", "ci", "--jwt-private-key", "ci.key", "--ttl", "2h"])
        .env("SVCACCT_MAX_TOKEN_LIFETIME", "3h")
        .output()
        .unwrap();
    rejected(
        &env,
        String::from_utf8(t.stdout).unwrap().trim(),
        "exceeds the maximum of 1h",
    );
    env.cmd([
        "token",
        "ci",
        "--jwt-private-key",
        "ci.key",
        "--claim",
        "iss=admin",
    ])
    .assert()
    .code(2)
    .stderr(predicate::str::contains(
        "cannot set the registered claim `iss`",
    ));
}

#[test]
fn bad_keys_are_refused() {
    let env = setup();
    let before = env.store_snapshot();
    env.openssl(&["genrsa", "-out", "small.key", "1024"]);
    env.openssl(&["rsa", "-in", "small.key", "-pubout", "-out", "small.pub"]);
    env.cmd(["create", "small", "--public-key", "small.pub"])
        .assert()
        .code(3)
        .stderr(predicate::str::contains("1024-bit RSA key"))
        .stderr(predicate::str::contains("2048"));
    env.cmd(["create", "leaky", "--public-key", "ci.key"])
        .assert()
        .code(3)
        .stderr("svcacct: ci.key holds a PRIVATE key, but a public key is needed here: the registry must never hold a secret; pass the public half instead, made with `svcacct keygen --public-from ci.key` or `openssl rsa -in ci.key -pubout`\n");
    std::fs::write(
        env.path("bad.pem"),
        "-----BEGIN PUBLIC KEY-----\nnot base64!!\n-----END PUBLIC KEY-----\n",
    )
    .unwrap();
    env.cmd(["create", "broken", "--public-key", "bad.pem"])
        .assert()
        .code(3)
        .stderr(predicate::str::contains("bad.pem"));
    std::fs::write(env.path("junk.txt"), "hello world\n").unwrap();
    env.cmd(["create", "junk", "--public-key", "junk.txt"])
        .assert()
        .code(3);
    env.cmd(["create", "missing", "--public-key", "nope.pub"])
        .assert()
        .code(3)
        .stderr(predicate::str::contains("nope.pub"));
    env.cmd(["token", "ci", "--jwt-private-key", "ci.key.pub"])
        .assert()
        .code(3)
        .stderr(predicate::str::contains("public key"));
    assert_eq!(before, env.store_snapshot(), "the store changed");
}

#[test]
fn bad_names_are_refused() {
    let env = setup();
    let before = env.store_snapshot();
    let long = "a".repeat(64);
    for (name, why) in [
        ("a/b/../c", "invalid"),
        ("..", "invalid"),
        ("../etc", "invalid"),
        ("CI-Bot", "upper-case"),
        (long.as_str(), "longer than 63"),
        ("under_score", "only a-z"),
    ] {
        env.cmd(["create", name, "--public-key", "ci.key.pub"])
            .assert()
            .code(2)
            .stderr(predicate::str::contains(why));
    }
    env.cmd([
        "policy",
        "create",
        "Bad",
        "--subject",
        "ci",
        "--action",
        "x",
        "--resource",
        "y",
    ])
    .assert()
    .code(2);
    env.cmd(["get", "nobody"]).assert().code(3).stderr(
        "svcacct: unknown service account `nobody` in namespace `default` (see `svcacct get`)\n",
    );
    assert_eq!(before, env.store_snapshot(), "the store changed");
}

#[test]
fn garbage_record_is_reported_and_left_alone() {
    let env = setup();
    env.ok(["create", "second", "--public-key", "other.key.pub"]);
    let bad = env.path(".local/share/svcacct/store/accounts/default/broken.toml");
    std::fs::write(&bad, "this is [not toml\n").unwrap();
    let before = env.store_snapshot();
    let out = env.cmd(["get", "-o", "name"]).output().unwrap();
    assert_eq!(out.status.code(), Some(3));
    assert_eq!(String::from_utf8_lossy(&out.stdout), "ci\nsecond\n");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("broken.toml"), "{err}");
    assert!(err.contains("unreadable"), "{err}");
    env.cmd(["get", "broken"])
        .assert()
        .code(3)
        .stderr(predicate::str::contains("broken.toml"));
    // Other commands still work and nothing was rewritten.
    let t = env.ok(["token", "ci", "--jwt-private-key", "ci.key"]);
    env.cmd(["verify", t.trim()]).assert().success();
    assert_eq!(before, env.store_snapshot());
    assert_eq!(
        std::fs::read_to_string(&bad).unwrap(),
        "this is [not toml\n"
    );
}

#[test]
fn a_hand_edited_public_key_is_named() {
    let env = setup();
    let t = env.ok(["token", "ci", "--jwt-private-key", "ci.key"]);
    let record = env.path(".local/share/svcacct/store/accounts/default/ci.toml");
    let text = std::fs::read_to_string(&record).unwrap();
    let start = text.find("MII").unwrap();
    let mut broken = text.clone();
    broken.replace_range(start..start + 8, "!!!!!!!!");
    std::fs::write(&record, &broken).unwrap();
    let out = env.cmd(["verify", t.trim()]).output().unwrap();
    assert_eq!(out.status.code(), Some(3));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.starts_with("svcacct: key "), "{err}");
    assert!(
        err.contains(" of service account `ci` in the store: "),
        "{err}"
    );
    assert!(err.contains("is damaged"), "{err}");
    assert_eq!(std::fs::read_to_string(&record).unwrap(), broken);
}
