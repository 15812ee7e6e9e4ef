//! `svcacct serve --issuer-rotation-period` (issue 15): the server rotates the issuer by
//! itself, publishing each new key before it signs; several servers on one store rotate once.

mod common;

use std::collections::BTreeSet;
use std::time::{Duration, Instant};

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use common::{Env, Server, curl};
use serde_json::Value;

const ROTATED: &str = "svcacct: rotated the issuer (--issuer-rotation-period 4s): new key ";

fn kid_of(token: &str) -> String {
    let header = URL_SAFE_NO_PAD
        .decode(token.split('.').next().unwrap())
        .unwrap();
    let header: Value = serde_json::from_slice(&header).unwrap();
    header["kid"].as_str().unwrap().to_owned()
}

/// The kids of the server's issuer JWKS, as a verifier fetches it.
fn jwks_kids(s: &Server) -> BTreeSet<String> {
    let (status, body) = curl(&[&s.at("/.well-known/jwks.json")]);
    assert_eq!(status, 200, "{body}");
    let jwks: Value = serde_json::from_str(&body).unwrap();
    jwks["keys"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k["kid"].as_str().unwrap().to_owned())
        .collect()
}

/// The rotation lines of a server's log: (new kid, the kid that signs until it takes over).
fn rotations(log: &str) -> Vec<(String, String)> {
    log.lines()
        .filter_map(|l| l.strip_prefix(ROTATED))
        .map(|rest| {
            let (new, rest) = rest.split_once(' ').unwrap();
            let old = rest
                .split_once("; key ")
                .and_then(|(_, r)| r.strip_suffix(" signs until then"))
                .unwrap_or_else(|| panic!("unexpected rotation line: {rest}"));
            (new.to_owned(), old.to_owned())
        })
        .collect()
}

/// Tokens requested through the server while it rotates by itself: every token's key was in
/// the JWKS a verifier had fetched before (at the previous round, not only just now), every
/// token keeps verifying, and the log says each rotation on one line.
#[test]
fn the_server_rotates_publishing_each_key_before_it_signs() {
    let env = Env::new();
    let store = env.path("srv");
    env.bootstrap(&store);
    let st = store.to_str().unwrap();
    env.ok(["--store", st, "create", "bot"]);
    let mut s = env.serve(&store, &["--issuer-rotation-period", "4s"]);
    let url = s.url.clone();
    let request = || -> String {
        let out = env.ok([
            "--store",
            &url,
            "--service-account",
            "admin",
            "tokens",
            "request",
            "bot",
            "--audience",
            "https://a.example",
        ]);
        out.trim_end().to_owned()
    };
    // The JWKS of the previous round: what a verifier that fetched it then still caches.
    let mut cached = jwks_kids(&s);
    let mut tokens = vec![];
    let mut signing_kids = BTreeSet::new();
    let deadline = Instant::now() + Duration::from_secs(60);
    // Until a second automatic rotation's key has signed: the first key was made by the first
    // request, and each key signs for 4s after 2s published.
    while signing_kids.len() < 3 {
        assert!(
            Instant::now() < deadline,
            "no two automatic rotations took effect in 60s; log:\n{}",
            s.log()
        );
        let token = request();
        let kid = kid_of(&token);
        if !tokens.is_empty() {
            assert!(
                cached.contains(&kid),
                "token signed by {kid}, not in the JWKS fetched a round before: {cached:?}"
            );
        }
        signing_kids.insert(kid);
        tokens.push(token);
        std::thread::sleep(Duration::from_millis(200));
        cached = jwks_kids(&s);
    }
    for t in &tokens {
        env.ok(["--store", st, "verify", t, "--aud", "https://a.example"]);
    }
    let log = s.log();
    let lines = rotations(&log);
    assert!(lines.len() >= 2, "{log}");
    for w in lines.windows(2) {
        assert_eq!(
            w[1].1, w[0].0,
            "each rotation follows the one before: {log}"
        );
    }
    println!("{log}");
    assert!(!log.contains("failed"), "{log}");
    assert!(s.terminate(15).success());
}

/// Two servers on one store folder: each period, one of them rotates (no key is replaced
/// twice), and neither fails.
#[test]
fn two_servers_on_one_store_rotate_once_per_period() {
    let env = Env::new();
    let store = env.path("srv");
    let st = store.to_str().unwrap();
    env.ok(["--store", st, "issuer", "init"]);
    let mut a = env.serve(&store, &["--issuer-rotation-period", "4s"]);
    let mut b = env.serve(&store, &["--issuer-rotation-period", "4s"]);
    let deadline = Instant::now() + Duration::from_secs(60);
    let all = || {
        let mut r = rotations(&a.log());
        r.extend(rotations(&b.log()));
        r
    };
    while all().len() < 3 {
        assert!(
            Instant::now() < deadline,
            "no three automatic rotations in 60s; logs:\n{}\n{}",
            a.log(),
            b.log()
        );
        std::thread::sleep(Duration::from_millis(200));
    }
    let lines = all();
    let replaced: BTreeSet<&String> = lines.iter().map(|(_, old)| old).collect();
    assert_eq!(
        replaced.len(),
        lines.len(),
        "a key replaced twice: {lines:?}"
    );
    let issuer: Value =
        serde_json::from_str(&env.ok(["--store", st, "issuer", "get", "-o", "json"])).unwrap();
    let kids: BTreeSet<&str> = issuer["keys"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k["kid"].as_str().unwrap())
        .collect();
    assert!(kids.contains(lines.last().unwrap().0.as_str()));
    for s in [&a, &b] {
        assert!(!s.log().contains("failed"), "{}", s.log());
    }
    assert!(a.terminate(15).success());
    assert!(b.terminate(15).success());
}

/// A period too short to publish a key first, and an HS256 issuer, are refused at start.
#[test]
fn refusals_at_start() {
    let env = Env::new();
    let store = env.path("srv");
    let st = store.to_str().unwrap();
    let serve = |period: &str| {
        env.cmd([
            "--store",
            st,
            "serve",
            "--listen",
            "127.0.0.1:0",
            "--issuer-rotation-period",
            period,
        ])
        .assert()
        .code(2)
        .stdout("")
    };
    serve("1s").stderr(
        "svcacct: --issuer-rotation-period must be at least 2s: a new key is published for half \
         the period (at most the JWKS's cache lifetime, 5m) before it signs; for verifiers that \
         cache the JWKS, use at least 10m (e.g. --issuer-rotation-period 30d)\n",
    );
    std::fs::write(env.path("secret"), "x".repeat(48)).unwrap();
    let secret = env.path("secret");
    env.ok([
        "--store",
        st,
        "issuer",
        "init",
        "--algorithm",
        "HS256",
        "--secret-file",
        secret.to_str().unwrap(),
    ]);
    let issuer: Value =
        serde_json::from_str(&env.ok(["--store", st, "issuer", "get", "-o", "json"])).unwrap();
    serve("30d").stderr(format!(
        "svcacct: --issuer-rotation-period: the store's issuer `{}` is HS256, and a new HMAC \
         secret has to come from you: rotate it with `svcacct issuer rotate --secret-file FILE` \
         (leave out --issuer-rotation-period)\n",
        issuer["id"].as_str().unwrap()
    ));
}

/// An issuer made HS256 while the server runs is never rotated by it: it says so once, and
/// keeps serving.
#[test]
fn an_hs256_issuer_made_while_serving_is_left_alone_and_said_once() {
    let env = Env::new();
    let store = env.path("srv");
    let st = store.to_str().unwrap();
    env.ok(["--store", st, "create", "bot"]);
    let mut s = env.serve(&store, &["--issuer-rotation-period", "2s"]);
    std::fs::write(env.path("secret"), "x".repeat(48)).unwrap();
    let secret = env.path("secret");
    env.ok([
        "--store",
        st,
        "issuer",
        "init",
        "--algorithm",
        "HS256",
        "--secret-file",
        secret.to_str().unwrap(),
    ]);
    let said = "svcacct: --issuer-rotation-period is ignored: the issuer is HS256, and its new \
                secret has to come from you (`svcacct issuer rotate --secret-file FILE`)\n";
    assert!(s.wait_log(said, 30), "{}", s.log());
    // Checks go on every 0.2s: a few more of them say nothing more.
    std::thread::sleep(Duration::from_secs(1));
    let log = s.log();
    assert_eq!(log.matches(said).count(), 1, "{log}");
    let issuer: Value =
        serde_json::from_str(&env.ok(["--store", st, "issuer", "get", "-o", "json"])).unwrap();
    assert_eq!(issuer["keys"].as_array().unwrap().len(), 1);
    assert!(s.terminate(15).success());
}
