//! The verifiers gateways really run, against a running `svcacct serve`: node `jose`
//! (`createRemoteJWKSet` + `jwtVerify` with the issuer) and PyJWT (`PyJWKClient`, verifying
//! with the `PyJWK` it returns). Each account's own key set verifies its RS256, RS384 and RS512
//! tokens; the issuer's set verifies issued tokens and nothing an account signs.
//!
//! Needs node with `tests/node/node_modules` (`scripts/test` and `.ci/run` run `npm ci` there)
//! and the Python of `scripts/test`: without them these tests fail, never skip.

mod common;

use std::path::PathBuf;
use std::process::Command;

use common::{Env, Server, run_python};
use serde_json::Value;

/// The folder of the node verifier, with `jose` installed from its lockfile.
fn node_dir() -> PathBuf {
    let dir = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/node"));
    assert!(
        dir.join("node_modules/jose/package.json").exists(),
        "the interop tests need node `jose`: run `npm ci --prefix tests/node` (scripts/test does)"
    );
    dir
}

/// `jose` as a gateway: the key set at `url`, `iss` required to be `issuer`. `ok ALG SUB` or
/// `refused CODE`.
fn jose(url: &str, issuer: &str, token: &str) -> String {
    let dir = node_dir();
    let out = Command::new("node")
        .arg(dir.join("verify.mjs"))
        .args([url, issuer, token])
        .current_dir(&dir)
        .output()
        .expect("node is installed (the interop tests need it)");
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with("ok ") == out.status.success(),
        "{text}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    text.trim().to_owned()
}

/// PyJWT as a gateway: `PyJWKClient(url)` picks the key by `kid`, and the `PyJWK` it returns
/// verifies (PyJWT binds a `PyJWK` to its one algorithm), with `iss` required.
const PYJWK_CLIENT: &str = r#"
import sys, jwt
url, issuer, token = sys.argv[1:4]
try:
    key = jwt.PyJWKClient(url).get_signing_key_from_jwt(token)
    claims = jwt.decode(token, key, issuer=issuer, options={"require": ["iss", "exp"]})
    print("ok", jwt.get_unverified_header(token)["alg"], claims["sub"])
except jwt.PyJWTError as e:
    print("refused", type(e).__name__)
"#;

fn pyjwk(url: &str, issuer: &str, token: &str) -> String {
    run_python(PYJWK_CLIENT, &[url, issuer, token])
        .trim()
        .to_owned()
}

/// Signs `claims` with a PEM private key and `kid`, as anyone holding the key can.
const SIGN: &str = r#"
import sys, json, jwt
key, kid, claims = open(sys.argv[1]).read(), sys.argv[2], json.loads(sys.argv[3])
print(jwt.encode(claims, key, algorithm="RS256", headers={"kid": kid}))
"#;

fn claims(token: &str) -> Value {
    use base64::Engine as _;
    let p = token.split('.').nth(1).unwrap();
    serde_json::from_slice(
        &base64::engine::general_purpose::URL_SAFE_NO_PAD
            .decode(p)
            .unwrap(),
    )
    .unwrap()
}

struct Setup {
    env: Env,
    server: Server,
    /// `web`'s tokens, one per algorithm, each signed by the key registered for it.
    tokens: Vec<(&'static str, String)>,
    issued: String,
    issuer: String,
    /// A private key file of `web` and its kid.
    web_key: (PathBuf, String),
}

fn setup() -> Setup {
    let env = Env::new();
    env.ok(["create", "web", "--bits", "2048"]);
    env.ok([
        "key",
        "add",
        "web",
        "--generate",
        "--bits",
        "2048",
        "--alg",
        "RS384",
    ]);
    env.ok([
        "key",
        "add",
        "web",
        "--generate",
        "--bits",
        "2048",
        "--alg",
        "RS512",
    ]);
    env.ok(["create", "other", "--bits", "2048"]);
    let keys: Value = serde_json::from_str(&env.ok(["key", "list", "web", "-o", "json"])).unwrap();
    let mut tokens = vec![];
    for k in keys["items"].as_array().unwrap() {
        let alg = match k["algorithm"].as_str().unwrap() {
            "RS256" => "RS256",
            "RS384" => "RS384",
            _ => "RS512",
        };
        let kid = k["kid"].as_str().unwrap();
        // Without --alg: the key's own algorithm.
        let t = env.ok(["token", "web", "--kid", kid]).trim().to_owned();
        tokens.push((alg, t));
    }
    tokens.sort();
    let issued = env
        .ok(["tokens", "create", "web", "deploy", "--expires", "1h"])
        .trim()
        .to_owned();
    let issuer = claims(&issued)["iss"].as_str().unwrap().to_owned();
    let first = &keys["items"][0];
    let kid = first["kid"].as_str().unwrap().to_owned();
    let web_key = env.path(&format!(".local/share/svcacct/keys/default/web/{kid}.pem"));
    let server = env.serve_default_store(&[]);
    Setup {
        env,
        server,
        tokens,
        issued,
        issuer,
        web_key: (web_key, kid),
    }
}

type Verifier = fn(&str, &str, &str) -> String;

fn check(verify: Verifier, s: &Setup, refused_for_no_key: &str) {
    let web = s
        .server
        .at("/v1/namespaces/default/serviceaccounts/web/jwks");
    let other = s
        .server
        .at("/v1/namespaces/default/serviceaccounts/other/jwks");
    let issuer_set = s.server.at("/.well-known/jwks.json");
    // The account's own set: its RS256, RS384 and RS512 tokens.
    let algs: Vec<&str> = s.tokens.iter().map(|(a, _)| *a).collect();
    assert_eq!(algs, ["RS256", "RS384", "RS512"]);
    for (alg, t) in &s.tokens {
        assert_eq!(verify(&web, "web", t), format!("ok {alg} web"));
        // Another account's set, and the issuer's, have none of its keys.
        assert_eq!(verify(&other, "web", t), refused_for_no_key);
        assert_eq!(verify(&issuer_set, "web", t), refused_for_no_key);
    }
    // An issued token: the issuer's set and its `iss`.
    assert_eq!(verify(&issuer_set, &s.issuer, &s.issued), "ok RS256 web");
    assert_eq!(verify(&web, &s.issuer, &s.issued), refused_for_no_key);
    // An account signs a token claiming the issuer, for any account: the issuer's set has
    // no key of an account, so it is refused (it was accepted when the set mixed them).
    let c = claims(&s.issued);
    let forged_claims = serde_json::json!({
        "iss": s.issuer, "sub": "admin", "iat": c["iat"], "exp": c["exp"], "jti": "x",
    });
    let forged = run_python(
        SIGN,
        &[
            s.web_key.0.to_str().unwrap(),
            &s.web_key.1,
            &forged_claims.to_string(),
        ],
    );
    assert_eq!(
        verify(&issuer_set, &s.issuer, forged.trim()),
        refused_for_no_key
    );
}

#[test]
fn node_jose_verifies_with_the_right_set_only() {
    let s = setup();
    check(jose, &s, "refused ERR_JWKS_NO_MATCHING_KEY");
    // The issuer check is jose's own: web's token is not the issuer's.
    let web = s
        .server
        .at("/v1/namespaces/default/serviceaccounts/web/jwks");
    assert_eq!(
        jose(&web, &s.issuer, &s.tokens[0].1),
        "refused ERR_JWT_CLAIM_VALIDATION_FAILED"
    );
    drop(s.env);
}

#[test]
fn pyjwt_pyjwkclient_verifies_with_the_right_set_only() {
    let s = setup();
    check(pyjwk, &s, "refused PyJWKClientError");
    drop(s.env);
}

/// A leaked issuer key: a plain rotation keeps it in the issuer's set while a token it signed
/// lives (gateways keep verifying those), so a token forged with it still passes there;
/// `issuer rotate --revoke-previous` takes it out at once and revokes what it signed.
#[test]
fn a_leaked_issuer_key_is_contained_by_rotate_revoke_previous() {
    let env = Env::new();
    let srv = env.path("srv");
    let s = srv.to_str().unwrap();
    env.bootstrap(&srv);
    env.ok(["--store", s, "create", "web", "--bits", "2048"]);
    let before = env
        .ok([
            "--store",
            s,
            "tokens",
            "create",
            "web",
            "before",
            "--expires",
            "90d",
        ])
        .trim()
        .to_owned();
    let leaked_kid = {
        use base64::Engine as _;
        let h = before.split('.').next().unwrap();
        let h: Value = serde_json::from_slice(
            &base64::engine::general_purpose::URL_SAFE_NO_PAD
                .decode(h)
                .unwrap(),
        )
        .unwrap();
        h["kid"].as_str().unwrap().to_owned()
    };
    let leaked = srv.join(format!("issuer/{leaked_kid}.key"));
    let issuer = claims(&before)["iss"].as_str().unwrap().to_owned();
    env.ok(["--store", s, "issuer", "rotate", "--publish-first", "0"]);
    let server = env.serve(&srv, &[]);
    let set = server.at("/.well-known/jwks.json");
    let now = jiff::Timestamp::now().as_second();
    let forged = run_python(
        SIGN,
        &[
            leaked.to_str().unwrap(),
            &leaked_kid,
            &serde_json::json!({"iss": issuer, "sub": "admin", "iat": now, "exp": now + 600, "jti": "x"})
                .to_string(),
        ],
    );
    let forged = forged.trim();
    // What the README says a plain rotation does not do for a JWKS-only gateway.
    assert_eq!(jose(&set, &issuer, forged), "ok RS256 admin");
    // Through the server, as an admin would after a leak.
    let out = env.ok([
        "--store",
        &server.url,
        "--service-account",
        "admin",
        "issuer",
        "rotate",
        "--revoke-previous",
    ]);
    assert!(
        out.contains(
            "Removed every earlier key: gateways that fetch the JWKS again no longer accept them\n\
                      Revoked issued token before of web\n"
        ),
        "{out}"
    );
    assert_eq!(
        jose(&set, &issuer, forged),
        "refused ERR_JWKS_NO_MATCHING_KEY"
    );
    assert_eq!(
        jose(&set, &issuer, &before),
        "refused ERR_JWKS_NO_MATCHING_KEY"
    );
    env.cmd(["--store", s, "verify", &before]).assert().code(1);
    assert_eq!(
        env.ok(["--store", s, "tokens", "list", "web", "-o", "name"]),
        ""
    );
    // A token issued now verifies at the gateway.
    let after = env
        .ok([
            "--store",
            s,
            "tokens",
            "create",
            "web",
            "after",
            "--expires",
            "1h",
        ])
        .trim()
        .to_owned();
    assert_eq!(jose(&set, &issuer, &after), "ok RS256 web");
}
