//! `svcacct exec` (issue 15): a command runs with a token file that svcacct keeps fresh at
//! 80 % of each token's lifetime, gets its signals, and its exit status is svcacct's.

mod common;

use std::os::unix::fs::PermissionsExt;

use common::Env;

/// A command that reads the token file every half second, `reads` times, has each token
/// checked by `check` (a shell command given it as `$t`), notes the distinct ones in `seen`,
/// and exits 7.
fn token_reader(reads: u32, check: &str) -> String {
    format!(
        r#"
n=0
while [ $n -lt {reads} ]; do
  t=$(cat "$SVCACCT_EXEC_TOKEN_FILE")
  {check} > /dev/null || {{ echo "invalid token" >&2; exit 9; }}
  grep -qxF "$t" seen 2>/dev/null || echo "$t" >> seen
  n=$((n + 1))
  sleep 0.5
done
exit 7
"#
    )
}

/// The tokens the command saw (`seen`): the first and at least two renewals.
fn renewals_seen(env: &Env) -> Vec<String> {
    let seen = std::fs::read_to_string(env.path("seen")).unwrap();
    assert!(
        seen.lines().count() >= 3,
        "the first token and at least two renewals: {seen}"
    );
    seen.lines().map(str::to_owned).collect()
}

/// The token file is the owner's alone.
fn assert_private(env: &Env, name: &str) {
    let mode = std::fs::metadata(env.path(name))
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600);
}

#[test]
fn exec_keeps_the_token_file_fresh_and_returns_the_status() {
    let env = Env::new();
    env.ok(["create", "bot"]);
    let bin = assert_cmd::cargo::cargo_bin("svcacct");
    env.cmd([
        "exec",
        "--out",
        "bot.token",
        "--ttl",
        "10s",
        "bot",
        "--",
        "sh",
        "-c",
        // More than two lifetimes of a 10 s token, each verified by svcacct.
        &token_reader(44, r#""$SVCACCT" verify "$t""#),
    ])
    .env("SVCACCT", &bin)
    .timeout(std::time::Duration::from_secs(120))
    .assert()
    .code(7);
    renewals_seen(&env);
    assert_private(&env, "bot.token");
}

/// A signal svcacct receives reaches the command; its status (here from its trap) is
/// svcacct's.
#[test]
fn exec_passes_signals_on() {
    let env = Env::new();
    env.ok(["create", "bot"]);
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("svcacct"))
        .env_clear()
        .env("HOME", env.home.path())
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .current_dir(env.home.path())
        .args([
            "exec",
            "--out",
            "t",
            "bot",
            "--",
            "sh",
            "-c",
            "trap 'exit 42' TERM; touch ready; while :; do sleep 0.1; done",
        ])
        .spawn()
        .unwrap();
    while !env.path("ready").exists() {
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    rustix_kill(child.id());
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(42));
}

fn rustix_kill(pid: u32) {
    std::process::Command::new("kill")
        .args(["-TERM", &pid.to_string()])
        .status()
        .unwrap();
}

/// With --audience, the token comes from the registry (here through a server) for that
/// audience; refusals come before the command runs.
#[test]
fn exec_with_an_audience_and_its_refusals() {
    let env = Env::new();
    let store = env.path("srv");
    env.bootstrap(&store);
    env.ok(["--store", store.to_str().unwrap(), "create", "bot"]);
    let s = env.serve(&store, &[]);
    env.ok([
        "--store",
        &s.url,
        "--service-account",
        "admin",
        "exec",
        "--out",
        "t",
        "--audience",
        "https://vault.test",
        "bot",
        "--",
        "sh",
        "-c",
        // The path is not in SVCACCT_TOKEN_FILE, which svcacct reads as the bearer token to
        // call a server with: svcacct commands run by the job would act as the job's account.
        "test -z \"${SVCACCT_TOKEN_FILE+set}\" && cp \"$SVCACCT_EXEC_TOKEN_FILE\" copy",
    ]);
    let token = std::fs::read_to_string(env.path("copy")).unwrap();
    env.ok([
        "--store",
        store.to_str().unwrap(),
        "verify",
        token.trim(),
        "--aud",
        "https://vault.test",
    ]);
    env.cmd(["exec", "bot", "--", "true"])
        .assert()
        .code(2)
        .stderr(
            "svcacct: say where the command finds its token: --out FILE (kept fresh) or \
             --env VAR\n",
        );
    let st = store.to_str().unwrap();
    env.cmd([
        "--store",
        st,
        "exec",
        "--env",
        "TOKEN",
        "bot",
        "--",
        "/nonexistent/cmd",
    ])
    .assert()
    .code(3)
    .stderr(predicates::str::starts_with(
        "svcacct: cannot run `/nonexistent/cmd`",
    ));
}

/// With --audience through a server that allows short requested tokens
/// (`serve --token-request-min-duration`), `exec --ttl 4s` requests 4 s tokens and replaces
/// the file at least twice while the command runs; each token passes the server's review for
/// the audience; the command's status is svcacct's. A server with the default minimum (10m)
/// refuses such a token before the command runs.
#[test]
fn exec_with_an_audience_keeps_requested_tokens_fresh_through_a_server() {
    let env = Env::new();
    let store = env.path("srv");
    env.bootstrap(&store);
    env.ok(["--store", store.to_str().unwrap(), "create", "bot"]);
    let bin = assert_cmd::cargo::cargo_bin("svcacct");
    let exec = |url: &str| {
        let mut cmd = env.cmd([
            "--store",
            url,
            "--service-account",
            "admin",
            "exec",
            "--out",
            "bot.token",
            "--audience",
            "https://vault.test",
            "--ttl",
            "4s",
            "bot",
            "--",
            "sh",
            "-c",
            // Three lifetimes of a 4 s token, each reviewed by the server (`svcacct verify` on
            // its URL: its token review, for the audience).
            &token_reader(
                24,
                r#""$SVCACCT" --store "$URL" --service-account admin verify "$t" --aud https://vault.test"#,
            ),
        ]);
        cmd.env("SVCACCT", &bin)
            .env("URL", url)
            .timeout(std::time::Duration::from_secs(180));
        cmd
    };

    let strict = env.serve(&store, &[]);
    exec(&strict.url)
        .assert()
        .code(2)
        .stderr("svcacct: a requested token lives at least 600 seconds (10m); 4 was asked for\n");
    assert!(!env.path("seen").exists(), "the command did not run");
    drop(strict);

    let s = env.serve(&store, &["--token-request-min-duration", "2s"]);
    exec(&s.url).assert().code(7);
    let tokens = renewals_seen(&env);
    // Each one verifies with the server's JWKS too, for the audience (they have expired by
    // now: the signature, the audience and the subject are what is left to check).
    let (status, jwks) = common::curl(&[&s.at("/.well-known/jwks.json")]);
    assert_eq!(status, 200, "{jwks}");
    let jwks: jsonwebtoken::jwk::JwkSet = serde_json::from_str(&jwks).unwrap();
    let mut rules = jsonwebtoken::Validation::new(jsonwebtoken::Algorithm::RS256);
    rules.set_audience(&["https://vault.test"]);
    rules.validate_exp = false;
    for t in &tokens {
        let kid = jsonwebtoken::decode_header(t).unwrap().kid.unwrap();
        let key = jsonwebtoken::DecodingKey::from_jwk(jwks.find(&kid).unwrap()).unwrap();
        let claims = jsonwebtoken::decode::<serde_json::Value>(t, &key, &rules)
            .unwrap_or_else(|e| panic!("{t}: {e}"))
            .claims;
        assert_eq!(claims["aud"], "https://vault.test");
        assert_eq!(claims["sub"], "system:serviceaccount:default:bot");
        let life = claims["exp"].as_i64().unwrap() - claims["iat"].as_i64().unwrap();
        assert!((3..=4).contains(&life), "a 4s token: {claims}");
    }
    assert_private(&env, "bot.token");
}

/// `serve --token-request-min-duration` is whole seconds, at least 1s, and the longest
/// requested lifetime is no shorter than it: refused at start, before anything listens.
#[test]
fn serve_refuses_a_token_request_minimum_out_of_bounds() {
    let env = Env::new();
    let store = env.path("srv");
    let st = store.to_str().unwrap();
    let serve = |extra: &[&str]| {
        let mut argv = vec!["--store", st, "serve", "--listen", "127.0.0.1:0"];
        argv.extend_from_slice(extra);
        env.cmd(argv).assert().code(2).stdout("")
    };
    let min = "svcacct: --token-request-min-duration must be whole seconds, at least 1s (for tests \
               and demos; keep the default, 10m, in production)\n";
    serve(&["--token-request-min-duration", "0s"]).stderr(min);
    serve(&["--token-request-min-duration", "1500ms"]).stderr(min);
    serve(&[
        "--token-request-min-duration",
        "2h",
        "--max-requested-token-lifetime",
        "1h",
    ])
    .stderr(
        "svcacct: --max-requested-token-lifetime must be at least 2h, the shortest lifetime a \
         token may be requested for (--token-request-min-duration)\n",
    );
    serve(&["--max-requested-token-lifetime", "5m"]).stderr(
        "svcacct: --max-requested-token-lifetime must be at least 10m, the shortest lifetime a \
         token may be requested for (--token-request-min-duration)\n",
    );
}
