//! svcacct as an OpenID Connect issuer (issue 15): the issuer URL (`issuer init --url`,
//! `issuer set-url`, `serve --issuer-url`) that tokens carry as `iss`, and the discovery
//! document and key set relying parties fetch, with their cache headers.

mod common;

use std::process::Command;

use common::Env;
use serde_json::{Value, json};

/// `curl -s -i ARGS…` → (status, headers in lower case, body).
fn curl(args: &[&str]) -> (u16, Vec<(String, String)>, String) {
    let out = Command::new("curl")
        .args(["-s", "-i"])
        .args(args)
        .output()
        .expect("curl is installed");
    let text = String::from_utf8(out.stdout).unwrap();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let mut lines = head.lines();
    let status = lines
        .next()
        .and_then(|l| l.split(' ').nth(1))
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("no status line: {text}"));
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.to_ascii_lowercase(), v.trim().to_owned()))
        .collect();
    (status, headers, body.to_owned())
}

fn header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
}

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

fn issuer_json(env: &Env) -> Value {
    serde_json::from_str(&env.ok(["issuer", "get", "-o", "json"])).unwrap()
}

/// A URL relying parties cannot use is refused, with why, and nothing is written.
#[test]
fn an_issuer_url_that_is_no_https_url_is_refused() {
    let env = Env::new();
    for (url, why) in [
        (
            "http://registry.example",
            "issuer URL `http://registry.example` is not an https URL: relying parties fetch the \
             issuer's discovery document and keys over https only (e.g. https://registry.example)",
        ),
        (
            "https://registry.example/",
            "issuer URL `https://registry.example/` is refused: it ends with `/` (write it without)",
        ),
        (
            "https://registry.example?x=1",
            "issuer URL `https://registry.example?x=1` is refused: it has a query or a fragment",
        ),
        (
            "https://",
            "issuer URL `https://` is refused: it has no host",
        ),
    ] {
        for argv in [
            vec!["issuer", "init", "--url", url],
            vec!["issuer", "set-url", url],
        ] {
            env.cmd(&argv)
                .assert()
                .code(2)
                .stdout("")
                .stderr(format!("svcacct: {why}\n"));
        }
    }
    std::fs::write(env.path("secret.txt"), "s".repeat(40)).unwrap();
    env.cmd([
        "issuer",
        "init",
        "--algorithm",
        "HS256",
        "--secret-file",
        "secret.txt",
        "--url",
        "https://registry.example",
    ])
    .assert()
    .code(2)
    .stderr(
        "svcacct: an HS256 issuer cannot have a URL: its secret is never published, so no \
         relying party could verify its tokens; an issuer with a URL signs with RS256 \
         (`svcacct issuer init --url https://registry.example` on a store without an issuer)\n",
    );
    assert!(env.store_snapshot().is_empty(), "nothing was written");
    env.ok([
        "issuer",
        "init",
        "--algorithm",
        "HS256",
        "--secret-file",
        "secret.txt",
    ]);
    let before = env.store_snapshot();
    env.cmd(["issuer", "set-url", "https://registry.example"])
        .assert()
        .code(2)
        .stderr(predicates::str::starts_with(
            "svcacct: an HS256 issuer cannot have a URL",
        ));
    assert_eq!(before, env.store_snapshot());
}

/// Tokens carry the URL as `iss` once it is set; those signed before keep the issuer's id and
/// still verify; replacing the URL needs --force, and then tokens with the old one are refused.
#[test]
fn the_issuer_url_is_the_iss_and_changing_it_is_explicit() {
    let env = Env::new();
    env.ok(["create", "bot"]);
    let before_url = env.ok(["tokens", "create", "bot", "early"]);
    let id = issuer_json(&env)["id"].as_str().unwrap().to_owned();
    assert_eq!(claims(before_url.trim())["iss"], id.as_str());
    assert_eq!(
        env.ok(["issuer", "set-url", "https://a.example"]),
        format!(
            "Issuer {id} has URL https://a.example: tokens it signs from now on carry it as `iss`\n"
        )
    );
    assert_eq!(issuer_json(&env)["url"], "https://a.example");
    assert!(
        env.ok(["issuer", "get"])
            .contains("URL:        https://a.example\n")
    );
    assert_eq!(
        env.ok(["issuer", "set-url", "https://a.example"]),
        format!("Issuer {id} has URL https://a.example already\n")
    );
    let token = env.ok(["tokens", "create", "bot", "later"]);
    let token = token.trim();
    assert_eq!(claims(token)["iss"], "https://a.example");
    env.ok(["verify", token]);
    env.ok(["verify", before_url.trim()]);

    // Another URL: refused without --force, by `issuer set-url` and by `serve --issuer-url`.
    let before = env.store_snapshot();
    let refusal = "svcacct: the store's issuer has URL `https://a.example`: every token it signed \
         carries it as `iss`, and no verifier accepts those tokens once the URL changes (svcacct \
         neither); to change it anyway, run `svcacct issuer set-url https://b.example --force`, \
         then configure the relying parties with the new URL and issue new tokens; nothing was \
         changed\n";
    env.cmd(["issuer", "set-url", "https://b.example"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(refusal);
    env.cmd([
        "serve",
        "--listen",
        "127.0.0.1:0",
        "--issuer-url",
        "https://b.example",
    ])
    .assert()
    .code(2)
    .stdout("")
    .stderr(refusal);
    assert_eq!(before, env.store_snapshot());

    assert_eq!(
        env.ok(["issuer", "set-url", "https://b.example", "--force"]),
        format!(
            "Issuer {id} has URL https://b.example instead of https://a.example: tokens it \
             signed until now carry the old one and no longer verify; configure relying parties \
             with the new URL and issue new tokens\n"
        )
    );
    env.rejected(
        token,
        &[],
        "the token was issued by `https://a.example`, not by this store's issuer `https://b.example`",
    );
    // Signed before any URL: the issuer's id, which svcacct keeps accepting.
    env.ok(["verify", before_url.trim()]);
}

/// The discovery document Kubernetes' issuer discovery serves, and the issuer's key set, both
/// with `Cache-Control` and a strong `ETag`, and 304 for a client that has the current copy.
#[test]
fn discovery_and_the_key_set_are_cacheable() {
    let env = Env::new();
    let plain = env.serve_default_store(&[]);
    let (status, _, body) = curl(&[&plain.at("/.well-known/openid-configuration")]);
    assert_eq!(status, 404, "{body}");
    let problem: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(
        problem["detail"],
        "the issuer has no URL, so there is nothing to discover: start the server with \
         `svcacct serve --issuer-url https://…` (or run `svcacct issuer set-url` on its store)"
    );
    drop(plain);

    let s = env.serve_default_store(&["--issuer-url", "https://registry.example"]);
    assert_eq!(
        issuer_json(&env)["url"],
        "https://registry.example",
        "serve --issuer-url created the issuer with its URL"
    );
    let (status, _, body) = curl(&[&s.at("/.well-known/openid-configuration")]);
    assert_eq!(status, 200, "{body}");
    assert_eq!(
        serde_json::from_str::<Value>(&body).unwrap(),
        json!({
            "issuer": "https://registry.example",
            "jwks_uri": "https://registry.example/.well-known/jwks.json",
            "response_types_supported": ["id_token"],
            "subject_types_supported": ["public"],
            "id_token_signing_alg_values_supported": ["RS256"],
            "claims_supported": ["iss", "sub", "aud", "exp", "iat", "nbf", "jti", "act", "svcacct"],
        })
    );
    for path in [
        "/.well-known/openid-configuration",
        "/.well-known/jwks.json",
    ] {
        let (status, headers, body) = curl(&[&s.at(path)]);
        assert_eq!(status, 200, "{path}: {body}");
        assert_eq!(
            header(&headers, "cache-control"),
            Some("public, max-age=300"),
            "{path}"
        );
        let etag = header(&headers, "etag").unwrap().to_owned();
        assert!(
            etag.starts_with('"') && etag.ends_with('"') && etag.len() > 10,
            "{path}: a strong ETag: {etag}"
        );
        let (again, _, _) = curl(&[&s.at(path)]);
        assert_eq!(again, 200);
        for sent in [etag.clone(), format!("\"other\", W/{etag}"), "*".into()] {
            let (status, headers, body) =
                curl(&["-H", &format!("If-None-Match: {sent}"), &s.at(path)]);
            assert_eq!((status, body.as_str()), (304, ""), "{path}: {sent}");
            assert_eq!(header(&headers, "etag"), Some(etag.as_str()));
            assert_eq!(
                header(&headers, "cache-control"),
                Some("public, max-age=300")
            );
        }
        let (status, _, _) = curl(&["-H", "If-None-Match: \"other\"", &s.at(path)]);
        assert_eq!(status, 200, "{path}: another tag");
    }
    // A new key is a new key set: another ETag.
    let (_, before, _) = curl(&[&s.at("/.well-known/jwks.json")]);
    env.ok(["issuer", "rotate", "--publish-first", "0"]);
    let (_, after, _) = curl(&[&s.at("/.well-known/jwks.json")]);
    assert_ne!(header(&before, "etag"), header(&after, "etag"));
}

/// Signs `claims` with the PEM private key at `key` as RS256 with `kid`: what anyone holding
/// the key can make (here the issuer's own key, read from the store, for tokens the issuer
/// never makes: expired, or made after the key retired).
const SIGN: &str = r#"
import sys, json, jwt
key, kid, claims = open(sys.argv[1]).read(), sys.argv[2], json.loads(sys.argv[3])
print(jwt.encode(claims, key, algorithm="RS256", headers={"kid": kid}))
"#;

fn sign(key: &std::path::Path, kid: &str, claims: &Value) -> String {
    common::run_python(SIGN, &[key.to_str().unwrap(), kid, &claims.to_string()])
        .trim()
        .to_owned()
}

fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64
}

/// `tokens request` on a store folder: the claims of issue 15, verification with RFC 7519's
/// audience rule, and each refusal.
#[test]
fn a_requested_token_and_its_refusals() {
    let env = Env::new();
    env.ok(["create", "bot"]);
    let token = env.ok([
        "tokens",
        "request",
        "bot",
        "--audience",
        "https://sts.example",
    ]);
    let token = token.trim();
    let issuer = issuer_json(&env);
    let id = issuer["id"].as_str().unwrap();
    let account: Value = serde_json::from_str(&env.ok(["get", "bot", "-o", "json"])).unwrap();
    let uid = account["uid"].as_str().unwrap();
    let c = claims(token);
    assert_eq!(c["iss"], id);
    assert_eq!(c["sub"], "system:serviceaccount:default:bot");
    assert_eq!(c["aud"], "https://sts.example");
    assert_eq!(
        c["svcacct"],
        json!({"namespace": "default", "name": "bot", "uid": uid})
    );
    assert_eq!(c["nbf"], c["iat"]);
    assert_eq!(
        c["exp"].as_i64().unwrap() - c["iat"].as_i64().unwrap(),
        3600
    );
    assert_eq!(c["jti"].as_str().unwrap().len(), 22);
    assert_eq!(
        c.as_object().unwrap().keys().collect::<Vec<_>>(),
        ["iss", "sub", "aud", "iat", "nbf", "exp", "jti", "svcacct"]
    );
    assert!(
        !env.path(".local/share/svcacct/store/tokens").exists(),
        "a requested token is not stored"
    );

    let v: Value = serde_json::from_str(&env.ok([
        "verify",
        token,
        "--aud",
        "https://sts.example",
        "-o",
        "json",
    ]))
    .unwrap();
    assert_eq!(v["valid"], true);
    assert_eq!(v["account"], "bot");
    assert_eq!(v["issuer"], id);
    env.rejected(
        token,
        &[],
        "the token is for audience `https://sts.example`; pass --aud to accept it",
    );
    env.rejected(
        token,
        &["--aud", "https://other.example"],
        "the token is not for audience `https://other.example` (it is for `https://sts.example`)",
    );

    // Several audiences, a duration, the other outputs.
    let out: Value = serde_json::from_str(&env.ok([
        "tokens",
        "request",
        "bot",
        "--audience",
        "a",
        "--audience",
        "b",
        "--duration",
        "15m",
        "-o",
        "json",
    ]))
    .unwrap();
    let c = claims(out["token"].as_str().unwrap());
    assert_eq!(c["aud"], json!(["a", "b"]));
    assert_eq!(c["exp"].as_i64().unwrap() - c["iat"].as_i64().unwrap(), 900);
    assert_eq!(out["audiences"], json!(["a", "b"]));
    assert_eq!(
        out["expirationTimestamp"].as_str().unwrap(),
        jiff::Timestamp::from_second(c["exp"].as_i64().unwrap())
            .unwrap()
            .to_string()
    );
    env.ok(["verify", out["token"].as_str().unwrap(), "--aud", "b"]);
    // Longer than the longest (24h here): cut to it.
    let long = env.ok([
        "tokens",
        "request",
        "bot",
        "--audience",
        "a",
        "--duration",
        "3d",
    ]);
    let c = claims(long.trim());
    assert_eq!(
        c["exp"].as_i64().unwrap() - c["iat"].as_i64().unwrap(),
        86400
    );

    // Bad requests: refused before anything is signed.
    let before = env.store_snapshot();
    for (argv, why) in [
        (
            vec!["--duration", "5m", "--audience", "a"],
            "svcacct: a requested token lives at least 600 seconds (10m); 300 was asked for\n",
        ),
        (
            vec!["--audience", " "],
            "svcacct: an audience must not be empty\n",
        ),
    ] {
        let mut full = vec!["tokens", "request", "bot"];
        full.extend(argv);
        env.cmd(full).assert().code(2).stdout("").stderr(why);
    }
    env.cmd(["tokens", "request", "bot"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("--audience <A>"));
    env.cmd(["tokens", "request", "nobody", "--audience", "a"])
        .assert()
        .code(3)
        .stderr(predicates::str::contains(
            "unknown service account `nobody`",
        ));
    assert_eq!(before, env.store_snapshot());

    // Expired, and claiming to be made before the issuer's key existed: the key's own
    // signature, so only the claims can refuse them.
    let kid = issuer["keys"][0]["kid"].as_str().unwrap();
    let key = env.path(&format!(".local/share/svcacct/store/issuer/{kid}.key"));
    let base = |iat: i64, exp: i64| {
        json!({
            "iss": id, "sub": "system:serviceaccount:default:bot", "aud": "a",
            "iat": iat, "nbf": iat, "exp": exp, "jti": "x",
            "svcacct": {"namespace": "default", "name": "bot", "uid": uid},
        })
    };
    let t = now();
    env.ok(["verify", &sign(&key, kid, &base(t, t + 700)), "--aud", "a"]);
    env.rejected(
        &sign(&key, kid, &base(t - 4000, t - 400)),
        &["--aud", "a"],
        "the token expired at",
    );
    let mut other = base(t, t + 700);
    other["sub"] = json!("bot");
    env.rejected(
        &sign(&key, kid, &other),
        &["--aud", "a"],
        "a requested token of `bot` has `sub` `system:serviceaccount:default:bot` and no `act`",
    );
    env.rejected(
        &sign(&key, kid, &base(t - 7200, t + 700)),
        &["--aud", "a"],
        &format!("when issuer key `{kid}` did not sign"),
    );

    // Rotated: the retired key stays while a requested token it signed lives.
    env.ok(["issuer", "rotate", "--publish-first", "0"]);
    env.ok(["verify", token, "--aud", "https://sts.example"]);
    let keys = issuer_json(&env)["keys"].clone();
    assert_eq!(keys[0]["kid"], kid);
    let kept = keys[0]["keptUntil"].as_str().unwrap();
    let kept: jiff::Timestamp = kept.parse().unwrap();
    // To the hour, plus the minute a token is accepted past its expiry, plus the time a
    // verifier may cache the JWKS (as the key is pruned).
    let cached = issuer_json(&env)["jwksMaxAgeSeconds"].as_i64().unwrap() + 60;
    assert_eq!(cached, 360, "the default");
    assert!(
        kept.as_second() - cached >= t + 86400 && (kept.as_second() - cached) % 3600 == 0,
        "kept until the 24h token expired, to the hour, plus the leeway and the JWKS's max-age: {kept}"
    );

    // Signed by the account's own key with the same claims: not the issuer's key.
    let account_key = env.ok(["key", "list", "bot", "-o", "json"]);
    let account_kid = serde_json::from_str::<Value>(&account_key).unwrap()["items"][0]["kid"]
        .as_str()
        .unwrap()
        .to_owned();
    let private = env.path(&format!(
        ".local/share/svcacct/keys/default/bot/{account_kid}.pem"
    ));
    env.rejected(
        &sign(&private, &account_kid, &base(t, t + 700)),
        &["--aud", "a"],
        &format!("unknown issuer key `{account_kid}`"),
    );

    // The account disabled, then deleted and created again: its tokens speak for nobody.
    env.ok(["disable", "bot"]);
    env.rejected(
        token,
        &["--aud", "https://sts.example"],
        "service account `bot` is disabled",
    );
    env.ok(["delete", "bot"]);
    env.ok(["create", "bot"]);
    env.rejected(
        token,
        &["--aud", "https://sts.example"],
        "the token was made for an earlier service account `bot` (deleted or renamed away since); \
         a new account of the name never inherits its tokens",
    );
}

/// Through `svcacct serve --issuer-url`: `create` on `token` is needed, also for oneself; the
/// registry's API accepts a requested token only for its own audience, the issuer URL.
#[test]
fn requested_tokens_through_a_server() {
    let env = Env::new();
    let store = env.path("srv");
    env.bootstrap(&store);
    let st = store.to_str().unwrap();
    env.ok(["--store", st, "create", "bot"]);
    let s = env.serve(&store, &["--issuer-url", "https://registry.example"]);
    let url = s.url.clone();
    let as_ = |who: &str, args: &[&str]| -> Vec<String> {
        let mut v: Vec<String> = vec![
            "--store".into(),
            url.clone(),
            "--service-account".into(),
            who.into(),
        ];
        v.extend(args.iter().map(|s| s.to_string()));
        v
    };
    let token = env.ok(as_(
        "admin",
        &[
            "tokens",
            "request",
            "bot",
            "--audience",
            "https://registry.example",
        ],
    ));
    let token = token.trim();
    let c = claims(token);
    assert_eq!(c["iss"], "https://registry.example");
    assert_eq!(c["sub"], "system:serviceaccount:default:bot");

    // The registry's audience: accepted by its API, and the caller is bot.
    let bearer = |t: &str| format!("Authorization: Bearer {t}");
    let (status, _, body) = curl(&["-H", &bearer(token), &s.at("/v1/whoami")]);
    assert_eq!(status, 200, "{body}");
    let who: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(who["account"], "bot");
    assert_eq!(who["issuer"], "https://registry.example");
    // Another audience: refused by the API, accepted by a token review for it.
    let other = env.ok(as_(
        "admin",
        &[
            "tokens",
            "request",
            "bot",
            "--audience",
            "https://vault.example",
            "-o",
            "json",
        ],
    ));
    let other: Value = serde_json::from_str(&other).unwrap();
    let other = other["token"].as_str().unwrap();
    let (status, _, body) = curl(&["-H", &bearer(other), &s.at("/v1/whoami")]);
    assert_eq!(status, 401, "{body}");
    let problem: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(
        problem["detail"],
        "token rejected: the token is not for audience `https://registry.example` (it is for `https://vault.example`)"
    );
    env.ok(as_(
        "admin",
        &["verify", other, "--aud", "https://vault.example"],
    ));
    env.cmd(as_(
        "admin",
        &["verify", other, "--aud", "https://registry.example"],
    ))
    .assert()
    .code(1)
    .stderr(predicates::str::contains(
        "the token is not for audience `https://registry.example`",
    ));

    // bot may not request a token, not even for itself, until a policy says so.
    env.cmd(as_("bot", &["tokens", "request", "bot", "--audience", "a"]))
        .assert()
        .code(3)
        .stdout("")
        .stderr(predicates::str::contains(
            "service account `bot` may not create token in namespace `default`",
        ));
    env.ok([
        "--store",
        st,
        "policy",
        "create",
        "own-tokens",
        "--subject",
        "bot",
        "--action",
        "create",
        "--resource",
        "token",
    ]);
    let own = env.ok(as_(
        "bot",
        &[
            "tokens",
            "request",
            "bot",
            "--audience",
            "a",
            "--duration",
            "10m",
        ],
    ));
    let c = claims(own.trim());
    assert_eq!(c["exp"].as_i64().unwrap() - c["iat"].as_i64().unwrap(), 600);

    // The API refuses a bad request as the CLI does.
    let admin_token = env.ok(["--store", st, "token", "admin"]);
    let (status, _, body) = curl(&[
        "-H",
        &bearer(admin_token.trim()),
        "-H",
        "Content-Type: application/json",
        "-d",
        r#"{"audiences":[]}"#,
        &s.at("/v1/namespaces/default/serviceaccounts/bot/token"),
    ]);
    assert_eq!(status, 400, "{body}");
    assert!(
        body.contains("a token request names at least one audience"),
        "{body}"
    );
    let (status, headers, body) = curl(&[
        "-H",
        &bearer(admin_token.trim()),
        "-H",
        "Content-Type: application/json",
        "-d",
        r#"{"audiences":["a"],"expirationSeconds":900}"#,
        &s.at("/v1/namespaces/default/serviceaccounts/bot/token"),
    ]);
    assert_eq!(status, 200, "{body}");
    assert_eq!(header(&headers, "cache-control"), Some("no-store"));

    // -o exec-credential, for kubectl.
    let cred: Value = serde_json::from_str(&env.ok(as_(
        "admin",
        &[
            "tokens",
            "request",
            "bot",
            "--audience",
            "https://k8s.example",
            "-o",
            "exec-credential",
        ],
    )))
    .unwrap();
    assert_eq!(cred["apiVersion"], "client.authentication.k8s.io/v1");
    assert_eq!(cred["kind"], "ExecCredential");
    let t = cred["status"]["token"].as_str().unwrap();
    assert_eq!(
        cred["status"]["expirationTimestamp"].as_str().unwrap(),
        jiff::Timestamp::from_second(claims(t)["exp"].as_i64().unwrap())
            .unwrap()
            .to_string()
    );
    assert_eq!(cred.as_object().unwrap().len(), 3);
}
