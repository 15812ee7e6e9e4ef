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
    env.ok(["issuer", "rotate"]);
    let (_, after, _) = curl(&[&s.at("/.well-known/jwks.json")]);
    assert_ne!(header(&before, "etag"), header(&after, "etag"));
}
