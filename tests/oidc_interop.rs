//! OIDC relying parties nobody here wrote, against `svcacct serve` over HTTPS with a test CA
//! and an issuer URL (issue 15): each does discovery (`/.well-known/openid-configuration`),
//! fetches the `jwks_uri` it names, and verifies a requested token for its audience; it
//! refuses one for another audience, an expired one (signed by the issuer's own key), and one
//! signed by an account's key.
//!
//! - PyJWT: `PyJWKClient` on the discovered `jwks_uri` (the Python of `scripts/test`).
//! - node `jose`: `createRemoteJWKSet` after discovery (`tests/node/oidc.mjs`, pinned by
//!   `tests/node/package-lock.json`).
//! - go-oidc, the verifier under kube-apiserver's OIDC authenticator (`tests/go/oidccheck`,
//!   built offline against Debian's `golang-github-coreos-go-oidc-dev`; `.ci/run` installs it).
//!   Without Go this test fails when `CI` is set, and otherwise skips, saying so.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::{Env, Server, run_python};
use serde_json::{Value, json};

/// The test CA and a certificate for 127.0.0.1 that it signed; `svcacct serve` over HTTPS with
/// it, and the issuer URL set to the server's own https URL.
struct Setup {
    env: Env,
    server: Server,
    issuer: String,
    ca: PathBuf,
    store: PathBuf,
}

fn setup() -> Setup {
    let env = Env::new();
    std::fs::write(
        env.path("leaf.cnf"),
        "subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\n\
         keyUsage=digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\n\
         authorityKeyIdentifier=keyid\nsubjectKeyIdentifier=hash\n",
    )
    .unwrap();
    for args in [
        "req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.crt -days 2 -subj /CN=svcacct-test-ca",
        "req -newkey rsa:2048 -nodes -keyout tls.key -out tls.csr -subj /CN=127.0.0.1",
        "x509 -req -in tls.csr -CA ca.crt -CAkey ca.key -CAcreateserial -out tls.crt -days 2 -extfile leaf.cnf",
    ] {
        env.openssl(&args.split(' ').collect::<Vec<_>>());
    }
    let store = env.path("srv");
    env.bootstrap(&store);
    let st = store.to_str().unwrap();
    env.ok(["--store", st, "create", "bot"]);
    let server = env.serve(&store, &["--tls-cert", "tls.crt", "--tls-key", "tls.key"]);
    // The port is known once it listens: the issuer URL is the server's own.
    let issuer = server.url.clone();
    env.ok(["--store", st, "issuer", "set-url", &issuer]);
    Setup {
        ca: env.path("ca.crt"),
        env,
        server,
        issuer,
        store,
    }
}

/// PyJWT as a relying party: discovery, `PyJWKClient` on its `jwks_uri`, then `jwt.decode`
/// with the issuer and audience required. `ok SUB` or `refused ERROR`.
const PYJWT: &str = r#"
import sys, json, ssl, urllib.request, jwt
issuer, audience, token, ca = sys.argv[1:5]
ctx = ssl.create_default_context(cafile=ca)
doc = json.load(urllib.request.urlopen(issuer + "/.well-known/openid-configuration", context=ctx))
assert doc["issuer"] == issuer, doc
try:
    key = jwt.PyJWKClient(doc["jwks_uri"], ssl_context=ctx).get_signing_key_from_jwt(token)
    claims = jwt.decode(token, key, audience=audience, issuer=issuer,
                        algorithms=doc["id_token_signing_alg_values_supported"],
                        options={"require": ["iss", "sub", "aud", "exp", "iat"]})
    print("ok", claims["sub"])
except jwt.PyJWTError as e:
    print("refused", type(e).__name__)
"#;

fn pyjwt(s: &Setup, audience: &str, token: &str) -> String {
    run_python(PYJWT, &[&s.issuer, audience, token, s.ca.to_str().unwrap()])
        .trim()
        .to_owned()
}

fn jose(s: &Setup, audience: &str, token: &str) -> String {
    let dir = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/node"));
    assert!(
        dir.join("node_modules/jose/package.json").exists(),
        "the interop tests need node `jose`: run `npm ci --prefix tests/node` (scripts/test does)"
    );
    let out = Command::new("node")
        .arg(dir.join("oidc.mjs"))
        .args([&s.issuer, audience, token])
        .env("NODE_EXTRA_CA_CERTS", &s.ca)
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

/// `tests/go/oidccheck` built into `dir` against Debian's Go packages in /usr/share/gocode,
/// offline (GOPATH mode, no module download); `None` without Go.
fn build_go(dir: &Path) -> Option<PathBuf> {
    let go = ["/usr/bin/go", "/usr/lib/go/bin/go"]
        .into_iter()
        .map(PathBuf::from)
        .find(|p| p.exists())?;
    let src = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/go/oidccheck"));
    let bin = dir.join("oidccheck");
    let out = Command::new(go)
        .args(["build", "-o"])
        .arg(&bin)
        .arg(".")
        .current_dir(&src)
        .env("GOPATH", "/usr/share/gocode")
        .env("GO111MODULE", "off")
        .env("GOFLAGS", "")
        .env("GOPROXY", "off")
        .env("GOCACHE", dir.join("gocache"))
        .output()
        .expect("go runs");
    assert!(
        out.status.success(),
        "go build of tests/go/oidccheck failed (is golang-github-coreos-go-oidc-dev installed? \
         .ci/run installs it): {}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(bin)
}

fn go_oidc(s: &Setup, bin: &Path, audience: &str, token: &str) -> String {
    let out = Command::new(bin)
        .args([&s.issuer, audience, token])
        .env("SSL_CERT_FILE", &s.ca)
        .output()
        .expect("oidccheck runs");
    let text = String::from_utf8(out.stdout).unwrap();
    assert_ne!(out.status.code(), Some(2), "{text}");
    assert!(text.starts_with("ok ") == out.status.success(), "{text}");
    text.trim().to_owned()
}

/// Signs `claims` with the PEM private key at `key` (RS256, header `kid`).
const SIGN: &str = r#"
import sys, json, jwt
key, kid, claims = open(sys.argv[1]).read(), sys.argv[2], json.loads(sys.argv[3])
print(jwt.encode(claims, key, algorithm="RS256", headers={"kid": kid}))
"#;

fn sign(key: &Path, kid: &str, claims: &Value) -> String {
    run_python(SIGN, &[key.to_str().unwrap(), kid, &claims.to_string()])
        .trim()
        .to_owned()
}

/// The four tokens: for `sts.test`, for `other.test`, expired (the issuer's key), and signed
/// by bot's own key with the claims of a requested token.
fn tokens(s: &Setup) -> [String; 4] {
    let env = &s.env;
    let remote = |args: &[&str]| -> Vec<String> {
        let mut v: Vec<String> = [
            "--store",
            &s.server.url,
            "--ca-cert",
            s.ca.to_str().unwrap(),
        ]
        .iter()
        .map(|a| a.to_string())
        .collect();
        v.extend(["--service-account".into(), "admin".into()]);
        v.extend(args.iter().map(|a| a.to_string()));
        v
    };
    let good = env.ok(remote(&[
        "tokens",
        "request",
        "bot",
        "--audience",
        "sts.test",
    ]));
    let other = env.ok(remote(&[
        "tokens",
        "request",
        "bot",
        "--audience",
        "other.test",
    ]));
    let good = good.trim().to_owned();
    let c = {
        use base64::Engine as _;
        let p = good.split('.').nth(1).unwrap();
        serde_json::from_slice::<Value>(
            &base64::engine::general_purpose::URL_SAFE_NO_PAD
                .decode(p)
                .unwrap(),
        )
        .unwrap()
    };
    assert_eq!(c["iss"], s.issuer.as_str());
    let st = s.store.to_str().unwrap();
    let issuer: Value =
        serde_json::from_str(&env.ok(["--store", st, "issuer", "get", "-o", "json"])).unwrap();
    let kid = issuer["keys"][0]["kid"].as_str().unwrap();
    let iat = c["iat"].as_i64().unwrap();
    let mut expired = c.clone();
    expired["iat"] = json!(iat - 7200);
    expired["nbf"] = json!(iat - 7200);
    expired["exp"] = json!(iat - 3600);
    let expired = sign(&s.store.join(format!("issuer/{kid}.key")), kid, &expired);
    let keys: Value =
        serde_json::from_str(&env.ok(["--store", st, "key", "list", "bot", "-o", "json"])).unwrap();
    let bot_kid = keys["items"][0]["kid"].as_str().unwrap();
    let by_account = sign(
        &env.path(&format!(
            ".local/share/svcacct/keys/default/bot/{bot_kid}.pem"
        )),
        bot_kid,
        &c,
    );
    // svcacct itself agrees.
    env.ok(["--store", st, "verify", &good, "--aud", "sts.test"]);
    for t in [&expired, &by_account] {
        env.cmd(["--store", st, "verify", t, "--aud", "sts.test"])
            .assert()
            .code(1);
    }
    [good, other.trim().to_owned(), expired, by_account]
}

const SUB: &str = "ok system:serviceaccount:default:bot";

#[test]
fn pyjwt_and_jose_verify_requested_tokens_through_discovery() {
    let s = setup();
    let [good, other, expired, by_account] = tokens(&s);
    assert_eq!(pyjwt(&s, "sts.test", &good), SUB);
    assert_eq!(
        pyjwt(&s, "sts.test", &other),
        "refused InvalidAudienceError"
    );
    assert_eq!(
        pyjwt(&s, "sts.test", &expired),
        "refused ExpiredSignatureError"
    );
    assert_eq!(
        pyjwt(&s, "sts.test", &by_account),
        "refused PyJWKClientError"
    );

    assert_eq!(jose(&s, "sts.test", &good), SUB);
    assert_eq!(
        jose(&s, "sts.test", &other),
        "refused ERR_JWT_CLAIM_VALIDATION_FAILED"
    );
    assert_eq!(jose(&s, "sts.test", &expired), "refused ERR_JWT_EXPIRED");
    assert_eq!(
        jose(&s, "sts.test", &by_account),
        "refused ERR_JWKS_NO_MATCHING_KEY"
    );
}

#[test]
fn go_oidc_verifies_requested_tokens_through_discovery() {
    let dir = tempfile::tempdir().unwrap();
    let Some(bin) = build_go(dir.path()) else {
        assert!(
            std::env::var_os("CI").is_none(),
            "go-oidc interop needs Go: install golang-go and golang-github-coreos-go-oidc-dev \
             (.ci/run does)"
        );
        eprintln!(
            "SKIPPED go_oidc_verifies_requested_tokens_through_discovery: Go is not installed \
             (apt-get install golang-go golang-github-coreos-go-oidc-dev; with CI set this fails)"
        );
        return;
    };
    let s = setup();
    let [good, other, expired, by_account] = tokens(&s);
    assert_eq!(go_oidc(&s, &bin, "sts.test", &good), SUB);
    let refused = |t: &str, why: &str| {
        let text = go_oidc(&s, &bin, "sts.test", t);
        assert!(text.starts_with("refused ") && text.contains(why), "{text}");
    };
    refused(&other, "expected audience \"sts.test\"");
    refused(&expired, "token is expired");
    refused(&by_account, "failed to verify signature");
}
