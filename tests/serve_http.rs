//! `svcacct serve` as a client nobody here wrote sees it: curl with tokens minted by PyJWT,
//! bad requests, slow clients, SIGTERM with requests in flight, the access log, and TLS.

mod common;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::time::{Duration, Instant};

use common::{Env, Server, curl, run_python};

fn bearer(token: &str) -> String {
    format!("Authorization: Bearer {token}")
}

fn get(s: &Server, token: &str, path: &str) -> (u16, String) {
    curl(&["-H", &bearer(token), &s.at(path)])
}

fn send_json(s: &Server, token: &str, method: &str, path: &str, body: &str) -> (u16, String) {
    curl(&[
        "-X",
        method,
        "-H",
        &bearer(token),
        "-H",
        "Content-Type: application/json",
        "--data-binary",
        body,
        &s.at(path),
    ])
}

fn json(body: &str) -> serde_json::Value {
    serde_json::from_str(body).unwrap_or_else(|e| panic!("not JSON ({e}): {body}"))
}

/// Signs a token with PyJWT: `kind` is `ok`, `expired` or `none`.
fn pyjwt(key: &Path, iss: &str, kind: &str) -> String {
    const CODE: &str = r#"
import sys, time, jwt
key_path, iss, kind = sys.argv[1], sys.argv[2], sys.argv[3]
now = int(time.time())
claims = {"iss": iss, "sub": iss, "iat": now - 60, "exp": now + 300}
if kind == "expired":
    claims.update(iat=now - 3600, exp=now - 1800)
if kind == "none":
    print(jwt.encode(claims, None, algorithm="none"))
else:
    print(jwt.encode(claims, open(key_path).read(), algorithm="RS256"))
"#;
    run_python(CODE, &[key.to_str().unwrap(), iss, kind])
        .trim()
        .to_owned()
}

/// A registry with `admin` (every right, globally) and `ro` (get and list in `default`), both
/// registered from openssl-made keys; returns their private key paths.
fn registry(env: &Env) -> (std::path::PathBuf, std::path::PathBuf) {
    for name in ["admin", "ro"] {
        env.openssl(&["genrsa", "-out", &format!("{name}.key"), "2048"]);
        env.openssl(&[
            "rsa",
            "-in",
            &format!("{name}.key"),
            "-pubout",
            "-out",
            &format!("{name}.pub"),
        ]);
        env.ok(["create", name, "--public-key", &format!("{name}.pub")]);
    }
    env.admin_all(None);
    env.ok([
        "policy",
        "create",
        "readers",
        "--subject",
        "ro",
        "--action",
        "get",
        "--action",
        "list",
        "--resource",
        "*",
    ]);
    (env.path("admin.key"), env.path("ro.key"))
}

fn problem(status: u16, body: &str, code: &str) -> serde_json::Value {
    let p = json(body);
    assert_eq!(p["status"], status, "{body}");
    assert_eq!(p["code"], code, "{body}");
    p
}

/// The server still answers: health, and an authenticated read.
fn still_works(s: &Server, token: &str) {
    assert_eq!(curl(&[&s.at("/healthz")]).0, 200);
    let (status, body) = get(s, token, "/v1/namespaces/default/serviceaccounts/admin");
    assert_eq!(status, 200, "{body}");
}

fn assert_log_hygiene(s: &Server, tokens: &[&str]) {
    let log = &s.stderr();
    for t in tokens {
        assert!(!log.contains(t), "a token reached the log:\n{log}");
        // Not even the signature part alone.
        let sig = t.rsplit('.').next().unwrap();
        if sig.len() > 10 {
            assert!(!log.contains(sig), "a token signature reached the log");
        }
    }
    let mut lines = log.lines();
    assert!(lines.next().unwrap().starts_with("Listening on "));
    let mut n = 0;
    for line in lines {
        if line == "Shut down" || line.starts_with("svcacct: ") {
            continue;
        }
        let f: Vec<&str> = line.split(' ').collect();
        assert_eq!(f.len(), 6, "access log line: {line:?}");
        assert!(f[0].parse::<jiff::Timestamp>().is_ok(), "{line}");
        assert!(f[0].ends_with('Z'), "{line}");
        assert!(
            ["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD"].contains(&f[1]),
            "{line}"
        );
        assert!(f[2].starts_with('/') && !f[2].contains('?'), "{line}");
        assert!(f[3].parse::<u16>().is_ok(), "{line}");
        assert!(!f[4].is_empty(), "{line}");
        assert!(
            f[5].strip_suffix("ms")
                .is_some_and(|ms| ms.parse::<u64>().is_ok()),
            "{line}"
        );
        n += 1;
    }
    assert!(n > 0, "no access log lines");
}

#[test]
fn curl_with_pyjwt_tokens() {
    let env = Env::new();
    let (admin_key, ro_key) = registry(&env);
    let s = env.serve_default_store(&[]);
    let ro = pyjwt(&ro_key, "ro", "ok");
    let admin = pyjwt(&admin_key, "admin", "ok");

    // Allowed: ro may list and get in `default`.
    let (status, body) = get(&s, &ro, "/v1/namespaces/default/serviceaccounts");
    assert_eq!(status, 200, "{body}");
    let list = json(&body);
    assert_eq!(list["kind"], "ServiceAccountList");
    assert_eq!(list["items"].as_array().unwrap().len(), 2);
    let (status, body) = get(&s, &ro, "/v1/whoami");
    assert_eq!(status, 200, "{body}");
    assert_eq!(json(&body)["username"], "system:serviceaccount:default:ro");

    // Forbidden: ro may not create; the problem names action and resource.
    env.openssl(&["genrsa", "-out", "new.key", "2048"]);
    env.openssl(&["rsa", "-in", "new.key", "-pubout", "-out", "new.pub"]);
    let pem = std::fs::read_to_string(env.path("new.pub")).unwrap();
    let new = serde_json::json!({ "name": "new-bot", "publicKeys": [pem] }).to_string();
    let (status, body) = send_json(
        &s,
        &ro,
        "POST",
        "/v1/namespaces/default/serviceaccounts",
        &new,
    );
    let p = problem(403, &body, "forbidden");
    assert_eq!(status, 403);
    assert_eq!(p["action"], "create");
    assert_eq!(p["resource"], "serviceaccount");
    assert!(
        p["detail"]
            .as_str()
            .unwrap()
            .contains("may not create serviceaccount"),
        "{body}"
    );
    // ... nor list everything globally.
    assert_eq!(get(&s, &ro, "/v1/serviceaccounts").0, 403);
    // admin may.
    let (status, body) = send_json(
        &s,
        &admin,
        "POST",
        "/v1/namespaces/default/serviceaccounts",
        &new,
    );
    assert_eq!(status, 201, "{body}");
    assert_eq!(json(&body)["revision"], 1);

    // 401: no token, expired, tampered, alg none, unknown issuer.
    let (status, body) = curl(&[&s.at("/v1/whoami")]);
    assert_eq!(status, 401);
    problem(401, &body, "unauthorized");
    let expired = pyjwt(&ro_key, "ro", "expired");
    let (status, body) = get(&s, &expired, "/v1/whoami");
    assert_eq!(status, 401);
    assert!(
        problem(401, &body, "unauthorized")["detail"]
            .as_str()
            .unwrap()
            .contains("expired")
    );
    let mut parts: Vec<String> = ro.split('.').map(str::to_owned).collect();
    let claims = run_python(
        "import sys, base64, json\n\
         p = sys.argv[1]; c = json.loads(base64.urlsafe_b64decode(p + '=' * (-len(p) % 4)))\n\
         c['iss'] = c['sub'] = 'admin'\n\
         print(base64.urlsafe_b64encode(json.dumps(c).encode()).decode().rstrip('='))",
        &[&parts[1]],
    );
    parts[1] = claims.trim().to_owned();
    let tampered = parts.join(".");
    let (status, body) = get(&s, &tampered, "/v1/whoami");
    assert_eq!(status, 401, "{body}");
    let tampered_detail = problem(401, &body, "unauthorized")["detail"].clone();
    let none = pyjwt(&ro_key, "ro", "none");
    let (status, body) = get(&s, &none, "/v1/whoami");
    assert_eq!(status, 401);
    assert!(
        problem(401, &body, "unauthorized")["detail"]
            .as_str()
            .unwrap()
            .contains("`none`")
    );
    // An unknown issuer reads like a bad signature.
    let ghost = pyjwt(&ro_key, "ghost", "ok");
    let (status, body) = get(&s, &ghost, "/v1/whoami");
    assert_eq!(status, 401);
    assert_eq!(json(&body)["detail"], tampered_detail);

    // No problem body holds a token, and neither does the log.
    for t in [&ro, &admin, &expired, &tampered, &none, &ghost] {
        assert!(!body.contains(t.as_str()));
    }
    assert_log_hygiene(&s, &[&ro, &admin, &expired, &tampered, &none, &ghost]);
    let log = s.log();
    assert!(
        log.contains(" GET /v1/namespaces/default/serviceaccounts 200 ro "),
        "{log}"
    );
    assert!(
        log.contains(" POST /v1/namespaces/default/serviceaccounts 403 ro "),
        "{log}"
    );
    assert!(log.contains(" GET /v1/whoami 401 - "), "{log}");
}

#[test]
fn bad_requests_leave_the_server_working() {
    let env = Env::new();
    let (admin_key, _) = registry(&env);
    std::fs::write(env.path("sentinel"), "untouched").unwrap();
    let s = env.serve_default_store(&["--request-timeout", "2s"]);
    let admin = pyjwt(&admin_key, "admin", "ok");
    let accounts = "/v1/namespaces/default/serviceaccounts";
    let before = env.store_snapshot();

    // Oversize body.
    let big = format!(
        "{{\"name\":\"big\",\"description\":\"{}\",\"publicKeys\":[]}}",
        "x".repeat(100 * 1024)
    );
    std::fs::write(env.path("big.json"), &big).unwrap();
    let big_file = format!("@{}", env.path("big.json").display());
    let (status, body) = curl(&[
        "-H",
        &bearer(&admin),
        "-H",
        "Content-Type: application/json",
        "--data-binary",
        &big_file,
        &s.at(accounts),
    ]);
    assert_eq!(status, 413, "{body}");
    still_works(&s, &admin);

    // Path parameters that are not UTF-8 once percent-decoded, in the guard and a handler.
    for path in [
        "/v1/namespaces/%FF/serviceaccounts",
        "/v1/namespaces/default/serviceaccounts/%FF",
    ] {
        let (status, body) = curl(&["-H", &bearer(&admin), &s.at(path)]);
        assert_eq!(status, 400, "{path}: {body}");
        let which = if path.contains("namespaces/%FF") {
            "ns"
        } else {
            "name"
        };
        assert_eq!(
            problem(400, &body, "invalid")["detail"],
            format!("Invalid URL: Invalid UTF-8 in `{which}`"),
            "{path}"
        );
    }

    // Invalid JSON, unknown fields, a body that is not JSON.
    let (status, body) = send_json(&s, &admin, "POST", accounts, "{\"name\": ");
    assert_eq!(status, 400);
    problem(400, &body, "invalid");
    let (status, body) = send_json(
        &s,
        &admin,
        "POST",
        accounts,
        "{\"name\":\"x\",\"publicKeys\":[],\"admin\":true}",
    );
    assert_eq!(status, 400);
    assert!(
        problem(400, &body, "invalid")["detail"]
            .as_str()
            .unwrap()
            .contains("admin")
    );
    let (status, _) = curl(&[
        "-H",
        &bearer(&admin),
        "-H",
        "Content-Type: text/plain",
        "--data-binary",
        "hello",
        &s.at(accounts),
    ]);
    assert_eq!(status, 415);
    // `null` for an optional field is a wrong type, as openapi.json says (schemathesis found
    // these answered 200 or 201 as if the field were absent).
    for (path, body) in [
        ("/v1/tokenreviews", r#"{"token":"x","audience":null}"#),
        (
            "/v1/accessreviews",
            r#"{"account":"admin","action":"get","resource":"key","namespace":null}"#,
        ),
        (
            "/v1/accessreviews",
            r#"{"token":null,"account":"admin","action":"get","resource":"key"}"#,
        ),
        (
            accounts,
            r#"{"name":"nul","publicKeys":["x"],"expires":null}"#,
        ),
    ] {
        let (status, answer) = send_json(&s, &admin, "POST", path, body);
        assert_eq!(status, 400, "{path} {body}: {answer}");
        problem(400, &answer, "invalid");
    }
    // A private key where a public one belongs.
    let private = std::fs::read_to_string(&admin_key).unwrap();
    let body = serde_json::json!({ "name": "leak", "publicKeys": [private] }).to_string();
    let (status, body) = send_json(&s, &admin, "POST", accounts, &body);
    assert_eq!(status, 400, "{body}");
    assert!(!body.contains("PRIVATE KEY-----\n"), "{body}");
    still_works(&s, &admin);

    // Path traversal in names and namespaces.
    for path in [
        "/v1/namespaces/default/serviceaccounts/..",
        "/v1/namespaces/default/serviceaccounts/..%2F..%2F..%2Fsentinel",
        "/v1/namespaces/..%2F..%2F..%2F/serviceaccounts/sentinel",
        "/v1/namespaces/default/serviceaccounts/a%2Fb",
        "/v1/globalpolicies/..%2F..%2Faccounts%2Fdefault%2Fadmin",
        "/v1/namespaces/default/serviceaccounts/%2E%2E",
    ] {
        for method in ["GET", "DELETE"] {
            let (status, body) = curl(&[
                "--path-as-is",
                "-X",
                method,
                "-H",
                &bearer(&admin),
                &s.at(path),
            ]);
            assert!(
                status == 400 || status == 404,
                "{method} {path}: {status} {body}"
            );
            json(&body);
        }
    }
    let (status, _) = curl(&[
        "--path-as-is",
        "-H",
        &bearer(&admin),
        &s.at("/v1/namespaces/default/serviceaccounts/../../../../etc/passwd"),
    ]);
    assert!(status == 400 || status == 404, "{status}");
    let (status, _) = send_json(
        &s,
        &admin,
        "POST",
        accounts,
        "{\"name\":\"../../sentinel\",\"publicKeys\":[]}",
    );
    assert_eq!(status, 400);
    assert_eq!(
        std::fs::read_to_string(env.path("sentinel")).unwrap(),
        "untouched"
    );
    assert_eq!(
        before,
        env.store_snapshot(),
        "a refused request changed the store"
    );
    still_works(&s, &admin);

    // A slow client: half a request line, then nothing. Others are answered meanwhile; the slow
    // one is dropped (or told 408) once --request-timeout has passed.
    let mut slow = TcpStream::connect(("127.0.0.1", s.port)).unwrap();
    slow.write_all(b"GET /v1/whoami HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthor")
        .unwrap();
    // And one that sends its headers but only half its body.
    let mut slow_body = TcpStream::connect(("127.0.0.1", s.port)).unwrap();
    let half = format!(
        "POST {accounts} HTTP/1.1\r\nHost: 127.0.0.1\r\n{}\r\nContent-Type: application/json\r\n\
         Content-Length: 200\r\n\r\n{{\"name\":",
        bearer(&admin)
    );
    slow_body.write_all(half.as_bytes()).unwrap();
    let start = Instant::now();
    still_works(&s, &admin);
    assert!(start.elapsed() < Duration::from_secs(2));
    for stream in [&mut slow, &mut slow_body] {
        stream
            .set_read_timeout(Some(Duration::from_secs(10)))
            .unwrap();
        let mut answer = String::new();
        let r = stream.read_to_string(&mut answer);
        assert!(
            r.is_ok() || answer.is_empty(),
            "the slow connection was neither closed nor answered: {r:?}"
        );
        assert!(
            answer.is_empty() || answer.starts_with("HTTP/1.1 408"),
            "{answer}"
        );
    }
    assert!(start.elapsed() >= Duration::from_millis(1900));
    assert!(start.elapsed() < Duration::from_secs(9));
    still_works(&s, &admin);
    assert!(
        s.log().contains(&format!(" POST {accounts} 408 admin ")),
        "{}",
        s.log()
    );
    assert_log_hygiene(&s, &[&admin]);
}

#[test]
fn sigterm_finishes_requests_in_flight() {
    let env = Env::new();
    let (admin_key, _) = registry(&env);
    let mut s = env.serve_default_store(&[]);
    let admin = pyjwt(&admin_key, "admin", "ok");
    // One public key belongs to one account: nine of them.
    let pems: Vec<String> = env
        .distinct_public_keys("k", 9)
        .iter()
        .map(|f| std::fs::read_to_string(env.path(f)).unwrap())
        .collect();
    let accounts = "/v1/namespaces/default/serviceaccounts";

    // One request certainly in flight: its headers and half its body are sent before SIGTERM.
    let body = serde_json::json!({ "name": "in-flight", "publicKeys": [pems[8]] }).to_string();
    let (first, rest) = body.split_at(body.len() / 2);
    let mut stream = TcpStream::connect(("127.0.0.1", s.port)).unwrap();
    write!(
        stream,
        "POST {accounts} HTTP/1.1\r\nHost: 127.0.0.1\r\n{}\r\nContent-Type: application/json\r\n\
         Content-Length: {}\r\n\r\n{first}",
        bearer(&admin),
        body.len()
    )
    .unwrap();
    stream.flush().unwrap();
    // And a crowd of creates racing the signal.
    let url = s.at(accounts);
    let crowd: Vec<_> = (0..8)
        .map(|i| {
            let (url, admin, pem) = (url.clone(), admin.clone(), pems[i].clone());
            std::thread::spawn(move || {
                let body = serde_json::json!({ "name": format!("crowd-{i}"), "publicKeys": [pem] })
                    .to_string();
                curl(&[
                    "-H",
                    &bearer(&admin),
                    "-H",
                    "Content-Type: application/json",
                    "--data-binary",
                    &body,
                    &url,
                ])
            })
        })
        .collect();
    std::thread::sleep(Duration::from_millis(300));
    s.sigterm();
    std::thread::sleep(Duration::from_millis(300));
    stream.write_all(rest.as_bytes()).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    let mut answer = String::new();
    let _ = stream.read_to_string(&mut answer);
    assert!(answer.starts_with("HTTP/1.1 201"), "{answer}");
    for t in crowd {
        let (status, body) = t.join().unwrap();
        // Each was either answered in full, or never got in (connection refused: 0).
        assert!(status == 201 || status == 0, "{status} {body}");
    }
    let status = s.wait(15);
    assert_eq!(status.code(), Some(0), "{}", s.log());
    let log = s.log();
    assert_eq!(log.lines().last(), Some("Shut down"), "{log}");

    // The store is consistent: every record reads, no temporary files are left.
    let listing = env.ok(["get", "-A", "-o", "json"]);
    let list = json(&listing);
    let names: Vec<&str> = list["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["name"].as_str().unwrap())
        .collect();
    assert!(names.contains(&"in-flight"), "{names:?}");
    env.ok(["policy", "get", "-A"]);
    for (path, bytes) in env.store_snapshot() {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        assert!(!name.starts_with(".tmp-"), "left over: {}", path.display());
        if name.ends_with(".toml") {
            toml::from_str::<toml::Value>(std::str::from_utf8(&bytes).unwrap())
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        }
    }
    assert_log_hygiene(&s, &[&admin]);
}

#[test]
fn terminate_when_idle_exits_zero() {
    let env = Env::new();
    let mut s = env.serve_default_store(&[]);
    assert_eq!(
        curl(&[&s.at("/healthz")]),
        (200, "{\"status\":\"ok\"}".into())
    );
    assert_eq!(curl(&[&s.at("/readyz")]).0, 200);
    let (status, body) = curl(&[&s.at("/.well-known/jwks.json")]);
    assert_eq!(status, 200);
    assert_eq!(json(&body)["keys"], serde_json::json!([]));
    let (status, body) = curl(&[&s.at("/v1/nothing/here")]);
    assert_eq!(status, 404);
    problem(404, &body, "not-found");
    let (status, body) = curl(&["-X", "DELETE", &s.at("/healthz")]);
    assert_eq!(status, 405);
    problem(405, &body, "method-not-allowed");
    assert_eq!(s.terminate(15).code(), Some(0));
    assert!(s.log().ends_with("Shut down\n"), "{}", s.log());
}

#[test]
fn tls_with_an_openssl_certificate() {
    let env = Env::new();
    let (admin_key, _) = registry(&env);
    env.openssl(&[
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-days",
        "2",
        "-subj",
        "/CN=localhost",
        "-addext",
        "subjectAltName=DNS:localhost,IP:127.0.0.1",
        "-keyout",
        "tls.key",
        "-out",
        "tls.crt",
    ]);
    let s = env.serve_default_store(&["--tls-cert", "tls.crt", "--tls-key", "tls.key"]);
    assert!(s.url.starts_with("https://"), "{}", s.url);
    let ca = env.path("tls.crt");
    let (status, body) = curl(&["--cacert", ca.to_str().unwrap(), &s.at("/healthz")]);
    assert_eq!(status, 200, "{body}");
    let admin = pyjwt(&admin_key, "admin", "ok");
    let (status, body) = curl(&[
        "--cacert",
        ca.to_str().unwrap(),
        "-H",
        &bearer(&admin),
        &s.at("/v1/namespaces/default/serviceaccounts/admin/jwks"),
    ]);
    assert_eq!(status, 200, "{body}");
    assert_eq!(json(&body)["keys"].as_array().unwrap().len(), 1);
    // Without the CA, curl refuses the certificate.
    assert_eq!(curl(&[&s.at("/healthz")]).0, 0);
}

#[test]
fn refusals_at_startup() {
    let env = Env::new();
    // Plain HTTP off loopback: a usage error.
    env.cmd(["serve", "--listen", "0.0.0.0:0"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("--insecure-listen"));
    // Bad TLS files: exit 3 with the file named.
    std::fs::write(env.path("junk.crt"), "not a certificate").unwrap();
    std::fs::write(env.path("junk.key"), "not a key").unwrap();
    env.cmd(["serve", "--tls-cert", "junk.crt", "--tls-key", "junk.key"])
        .assert()
        .code(3)
        .stderr(predicates::str::contains("junk.crt"));
    env.cmd([
        "serve",
        "--tls-cert",
        "missing.crt",
        "--tls-key",
        "junk.key",
    ])
    .assert()
    .code(3)
    .stderr(predicates::str::contains("missing.crt"));
    env.cmd(["serve", "--request-timeout", "soon"])
        .assert()
        .code(2);
}

#[test]
fn an_accounts_jwks_follows_every_change_and_the_issuers_never_holds_it() {
    let env = Env::new();
    registry(&env);
    let s = env.serve_default_store(&[]);
    let kids = |path: &str| -> (u16, Vec<String>) {
        let (status, body) = curl(&[&s.at(path)]);
        let mut kids: Vec<String> = serde_json::from_str::<serde_json::Value>(&body)
            .ok()
            .and_then(|v| v["keys"].as_array().cloned())
            .unwrap_or_default()
            .iter()
            .map(|k| k["kid"].as_str().unwrap().to_owned())
            .collect();
        kids.sort();
        (status, kids)
    };
    let ro = "/v1/namespaces/default/serviceaccounts/ro/jwks";
    let issuer = "/.well-known/jwks.json";
    let (status, start) = kids(ro);
    assert_eq!((status, start.len()), (200, 1));
    assert_eq!(kids(ro), (200, start.clone())); // served again, unchanged
    // The issuer's set holds the issuer's keys only: none yet, and never an account's.
    assert_eq!(kids(issuer), (200, vec![]));
    // a CLI on the same store: each change shows in the next answer
    env.ok(["disable", "ro"]);
    assert_eq!(kids(ro), (200, vec![]));
    env.ok(["enable", "ro"]);
    assert_eq!(kids(ro), (200, start.clone()));
    env.openssl(&["genrsa", "-out", "extra.key", "2048"]);
    env.openssl(&["rsa", "-in", "extra.key", "-pubout", "-out", "extra.pub"]);
    env.ok(["key", "add", "ro", "--public-key", "extra.pub"]);
    let (_, added) = kids(ro);
    assert_eq!(added.len(), 2);
    assert!(start.iter().all(|k| added.contains(k)));
    env.ok(["tokens", "create", "ro", "t"]);
    let (_, issuers) = kids(issuer);
    assert_eq!(issuers.len(), 1);
    assert!(issuers.iter().all(|k| !added.contains(k)));
    env.ok(["delete", "ro"]);
    // Gone: the same empty set as for an account that never was (no existence oracle).
    assert_eq!(kids(ro), (200, vec![]));
    assert_eq!(
        kids("/v1/namespaces/default/serviceaccounts/never/jwks"),
        (200, vec![])
    );
    assert_eq!(kids(issuer).1, issuers);
}
