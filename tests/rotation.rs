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
         the period (at most the JWKS's max-age, 5m unless `svcacct issuer set-jwks-max-age` \
         changed it) before it signs; for verifiers that cache the JWKS, use at least twice its \
         max-age (e.g. --issuer-rotation-period 30d)\n",
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

/// A verifier as relying parties write them: it keeps the JWKS for the `max-age` it was served
/// with (from when it asked), and verifies each token with the keys it holds, never fetching
/// again for an unknown `kid`.
struct CachingVerifier {
    url: String,
    issuer: String,
    keys: jsonwebtoken::jwk::JwkSet,
    asked: Instant,
    max_age: Duration,
    fetches: usize,
}

/// `GET URL` → (the `Cache-Control` header, the body), with curl.
fn fetch_with_cache_control(url: &str) -> (String, String) {
    let out = std::process::Command::new("curl")
        .args(["-sS", "--max-time", "20", "-D", "-", url])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let text = String::from_utf8(out.stdout).unwrap();
    let (head, body) = text.split_once("\r\n\r\n").unwrap();
    assert!(head.starts_with("HTTP/1.1 200"), "{head}");
    let cache = head
        .lines()
        .find_map(|l| {
            l.to_ascii_lowercase()
                .strip_prefix("cache-control: ")
                .map(str::to_owned)
        })
        .unwrap_or_else(|| panic!("no Cache-Control: {head}"));
    (cache, body.to_owned())
}

impl CachingVerifier {
    fn new(url: String, issuer: String) -> CachingVerifier {
        let mut v = CachingVerifier {
            url,
            issuer,
            keys: jsonwebtoken::jwk::JwkSet { keys: vec![] },
            asked: Instant::now(),
            max_age: Duration::ZERO,
            fetches: 0,
        };
        v.refresh();
        v
    }

    fn refresh(&mut self) {
        self.asked = Instant::now();
        let (cache, body) = fetch_with_cache_control(&self.url);
        let seconds = cache
            .strip_prefix("public, max-age=")
            .and_then(|s| s.trim().parse().ok())
            .unwrap_or_else(|| panic!("Cache-Control: {cache}"));
        self.max_age = Duration::from_secs(seconds);
        self.keys = serde_json::from_str(&body).unwrap();
        self.fetches += 1;
    }

    /// The token's `kid`, once verified with the cached keys.
    fn verify(&mut self, token: &str) -> String {
        if self.asked.elapsed() >= self.max_age {
            self.refresh();
        }
        let kid = kid_of(token);
        let Some(jwk) = self.keys.find(&kid) else {
            panic!(
                "unknown kid {kid}: the JWKS fetched {:?} ago (max-age {:?}) has {:?}",
                self.asked.elapsed(),
                self.max_age,
                self.keys
                    .keys
                    .iter()
                    .map(|k| k.common.key_id.clone())
                    .collect::<Vec<_>>()
            )
        };
        let key = jsonwebtoken::DecodingKey::from_jwk(jwk).unwrap();
        let mut rules = jsonwebtoken::Validation::new(jsonwebtoken::Algorithm::RS256);
        rules.set_issuer(&[&self.issuer]);
        rules.validate_aud = false;
        jsonwebtoken::decode::<Value>(token, &key, &rules)
            .unwrap_or_else(|e| panic!("token signed by {kid} does not verify: {e}"));
        kid
    }
}

fn unix_now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64
}

fn exp_of(token: &str) -> i64 {
    let claims = URL_SAFE_NO_PAD
        .decode(token.split('.').nth(1).unwrap())
        .unwrap();
    serde_json::from_slice::<Value>(&claims).unwrap()["exp"]
        .as_i64()
        .unwrap()
}

/// Rotation with short durations (issue 15): the issuer's JWKS max-age is 2s
/// (`issuer init --jwks-max-age`), issued tokens live 3s, and the server rotates every 4s.
/// A verifier that keeps the JWKS for the `max-age` it is served with never meets an unknown
/// `kid` while keys come and go; every JWKS served before a retired key's last token expired
/// (plus the 60s leeway verifiers allow, plus the max-age) holds that key, and the key leaves
/// the JWKS after that.
#[test]
fn with_short_durations_a_caching_verifier_never_meets_an_unknown_kid() {
    const MAX_AGE: i64 = 2;
    const LEEWAY: i64 = 60;
    let env = Env::new();
    let store = env.path("srv");
    env.bootstrap(&store);
    let st = store.to_str().unwrap();
    env.ok([
        "--store",
        st,
        "issuer",
        "init",
        "--url",
        "https://registry.example",
        "--jwks-max-age",
        "2s",
    ]);
    env.ok(["--store", st, "create", "bot"]);
    let mut s = env.serve(&store, &["--issuer-rotation-period", "4s"]);
    let url = s.url.clone();
    let (cache, _) = fetch_with_cache_control(&s.at("/.well-known/openid-configuration"));
    assert_eq!(cache, "public, max-age=2");
    let mut verifier = CachingVerifier::new(
        s.at("/.well-known/jwks.json"),
        "https://registry.example".into(),
    );
    assert_eq!(verifier.max_age, Duration::from_secs(2));

    // kid → the `exp` of the last token it signed, and when it was seen gone (unix seconds).
    let mut last_exp: std::collections::BTreeMap<String, i64> = Default::default();
    let mut gone: std::collections::BTreeMap<String, i64> = Default::default();
    // Every JWKS served before `exp + LEEWAY + MAX_AGE` of a kid's last token holds that kid
    // (a second less: the record's expiry has sub-seconds that the claim has not). `before`:
    // a time taken before the request was sent, `after`: once the answer was there.
    let check = |kids: &BTreeSet<String>,
                 before: i64,
                 after: i64,
                 last_exp: &std::collections::BTreeMap<String, i64>,
                 gone: &mut std::collections::BTreeMap<String, i64>| {
        for (kid, exp) in last_exp {
            let kept_until = exp + LEEWAY + MAX_AGE;
            if kids.contains(kid) {
                assert!(!gone.contains_key(kid), "{kid} came back");
                continue;
            }
            assert!(
                after >= kept_until - 1,
                "{kid}, whose last token expires at {exp}, left the JWKS at {after}, before \
                 {kept_until} (its expiry + the leeway + the max-age)"
            );
            gone.entry(kid.clone()).or_insert(before);
        }
    };
    let mut n = 0;
    let deadline = Instant::now() + Duration::from_secs(150);
    // Until the first key has left the JWKS, and three keys have signed.
    let first_kid = loop {
        assert!(
            Instant::now() < deadline,
            "in 150s, no key left the JWKS (last tokens: {last_exp:?}, seen gone: {gone:?}); \
             log:\n{}",
            s.log()
        );
        n += 1;
        let name = format!("t{n}");
        let token = env.ok([
            "--store",
            &url,
            "--service-account",
            "admin",
            "tokens",
            "create",
            "bot",
            &name,
            "--expires",
            "3s",
        ]);
        let token = token.trim_end();
        let kid = verifier.verify(token);
        let exp = exp_of(token);
        let e = last_exp.entry(kid).or_insert(exp);
        *e = (*e).max(exp);
        let before = unix_now();
        let kids = jwks_kids(&s);
        check(&kids, before, unix_now(), &last_exp, &mut gone);
        if last_exp.len() >= 3
            && let Some((kid, _)) = gone.first_key_value()
        {
            break kid.clone();
        }
        std::thread::sleep(Duration::from_millis(200));
    };
    assert!(
        gone[&first_kid] >= last_exp[&first_kid] + LEEWAY + MAX_AGE - 1,
        "{gone:?} {last_exp:?}"
    );
    assert!(
        verifier.fetches > 3,
        "the verifier fetched the JWKS again and again"
    );
    let log = s.log();
    assert!(rotations(&log).len() >= 2, "{log}");
    assert!(!log.contains("warning") && !log.contains("failed"), "{log}");
    assert!(s.terminate(15).success());
}

/// `issuer init --jwks-max-age`, `issuer set-jwks-max-age` and `issuer get` (issue 15): the
/// setting is kept in the issuer record (every server on the store serves it), shown, checked,
/// previewed with --dry-run, and refused through a remote store.
#[test]
fn the_jwks_max_age_is_a_setting_of_the_issuer() {
    let env = Env::new();
    let store = env.path("srv");
    let st = store.to_str().unwrap();
    let with = |args: &[&str]| -> Vec<String> {
        let mut v = vec!["--store".to_owned(), st.to_owned()];
        v.extend(args.iter().map(|a| a.to_string()));
        v
    };
    let refused = |args: &[&str], code: i32, stderr: &str| {
        env.cmd(with(args))
            .assert()
            .code(code)
            .stdout("")
            .stderr(stderr.to_owned());
    };
    let range = "svcacct: a JWKS max-age of {}s is out of range: it is at least 1s and at most \
                 86400s (24h); the default is 300s (5m)\n";
    refused(
        &["issuer", "init", "--jwks-max-age", "0s"],
        2,
        &range.replace("{}", "0"),
    );
    refused(
        &["issuer", "set-jwks-max-age", "25h"],
        2,
        &range.replace("{}", "90000"),
    );
    refused(
        &["issuer", "set-jwks-max-age", "1.5s"],
        2,
        "svcacct: JWKS max-age `1.5s`: a max-age is whole seconds (Cache-Control counts no less)\n",
    );
    std::fs::write(env.path("secret"), "x".repeat(48)).unwrap();
    let secret = env.path("secret");
    refused(
        &[
            "issuer",
            "init",
            "--algorithm",
            "HS256",
            "--secret-file",
            secret.to_str().unwrap(),
            "--jwks-max-age",
            "1m",
        ],
        2,
        "svcacct: an HS256 issuer publishes no keys, so it has no JWKS max-age: that is for \
         RS256 issuers\n",
    );
    assert!(!store.exists(), "nothing was written");

    let out = env.ok(with(&["issuer", "init", "--jwks-max-age", "2s"]));
    let issuer: Value =
        serde_json::from_str(&env.ok(with(&["issuer", "get", "-o", "json"]))).unwrap();
    let id = issuer["id"].as_str().unwrap();
    assert_eq!(out, format!("Created issuer {id} (RS256)\n"));
    assert_eq!(issuer["jwksMaxAgeSeconds"], 2);
    let table = env.ok(with(&["issuer", "get"]));
    assert!(table.contains("\nJWKS:       max-age 2s\n"), "{table}");
    let record = std::fs::read_to_string(store.join("issuer/issuer.toml")).unwrap();
    assert!(record.contains("jwksMaxAgeSeconds = 2\n"), "{record}");

    // Raised: at once. A preview writes nothing.
    let before = env.store_snapshot();
    assert_eq!(
        env.ok(with(&["issuer", "set-jwks-max-age", "1h", "--dry-run"])),
        format!("Issuer {id}: relying parties may cache its JWKS for 1h (was 2s) (dry run)\n")
    );
    assert_eq!(env.store_snapshot(), before, "a dry run wrote");
    assert_eq!(
        env.ok(with(&["issuer", "set-jwks-max-age", "1h"])),
        format!("Issuer {id}: relying parties may cache its JWKS for 1h (was 2s)\n")
    );
    assert_eq!(
        env.ok(with(&["issuer", "set-jwks-max-age", "60m"])),
        format!("Issuer {id} has JWKS max-age 1h already\n")
    );
    // Lowered: the old one holds for rotations until a JWKS served under it has expired.
    assert_eq!(
        env.ok(with(&["issuer", "set-jwks-max-age", "5m"])),
        format!(
            "Issuer {id}: relying parties may cache its JWKS for 5m (was 1h)\n\
             A JWKS served until now may be kept for 1h: until then, rotations still publish new \
             keys first for that long\n"
        )
    );
    let json = env.ok(with(&["issuer", "set-jwks-max-age", "7s", "-o", "json"]));
    assert_eq!(json, env.ok(with(&["issuer", "get", "-o", "json"])));
    let record = std::fs::read_to_string(store.join("issuer/issuer.toml")).unwrap();
    assert!(record.contains("jwksMaxAgeSeconds = 7\n"), "{record}");
    assert!(record.contains("jwksCachedUntil = "), "{record}");
    let rotated: Value =
        serde_json::from_str(&env.ok(with(&["issuer", "rotate", "-o", "json"]))).unwrap();
    let next = &rotated["keys"][1];
    let published: jiff::Timestamp = next["created"].as_str().unwrap().parse().unwrap();
    let signs: jiff::Timestamp = next["signsFrom"].as_str().unwrap().parse().unwrap();
    let first = signs.duration_since(published).as_secs();
    assert!(
        first > 50 * 60,
        "published first for what is left of the hour: {first}s"
    );

    // The server serves the record's max-age; a remote store cannot change it.
    env.bootstrap(&store);
    let s = env.serve(&store, &[]);
    let (cache, _) = fetch_with_cache_control(&s.at("/.well-known/jwks.json"));
    assert_eq!(cache, "public, max-age=7");
    env.cmd([
        "--store",
        &s.url,
        "--service-account",
        "admin",
        "issuer",
        "set-jwks-max-age",
        "1m",
    ])
    .assert()
    .code(2)
    .stderr(format!(
        "svcacct: the JWKS max-age of the issuer of {} is set with the server's store: run \
         `svcacct issuer set-jwks-max-age` there (--store DIR); every server on that store \
         follows it\n",
        s.url
    ));
    let issuer: Value = serde_json::from_str(&env.ok([
        "--store",
        &s.url,
        "--service-account",
        "admin",
        "issuer",
        "get",
        "-o",
        "json",
    ]))
    .unwrap();
    assert_eq!(issuer["jwksMaxAgeSeconds"], 7);
}
