//! `svcacct exec` (issue 15): a command runs with a token file that svcacct keeps fresh at
//! 80 % of each token's lifetime, gets its signals, and its exit status is svcacct's.

mod common;

use std::os::unix::fs::PermissionsExt;

use common::Env;

/// A command that reads the token file every half second for 22 s (more than two lifetimes
/// of a 10 s token), has each token verified by svcacct, notes the distinct ones, and exits 7.
const READER: &str = r#"
n=0
while [ $n -lt 44 ]; do
  t=$(cat "$SVCACCT_TOKEN_FILE")
  "$SVCACCT" verify "$t" > /dev/null || { echo "invalid token" >&2; exit 9; }
  grep -qxF "$t" seen 2>/dev/null || echo "$t" >> seen
  n=$((n + 1))
  sleep 0.5
done
exit 7
"#;

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
        READER,
    ])
    .env("SVCACCT", &bin)
    .timeout(std::time::Duration::from_secs(120))
    .assert()
    .code(7);
    let seen = std::fs::read_to_string(env.path("seen")).unwrap();
    assert!(
        seen.lines().count() >= 3,
        "the first token and at least two renewals: {seen}"
    );
    let mode = std::fs::metadata(env.path("bot.token"))
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600);
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
        "cp \"$SVCACCT_TOKEN_FILE\" copy",
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
