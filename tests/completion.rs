//! Completion of names (issue 16): the binary answers the shell's question as the script that
//! `COMPLETE=bash svcacct` prints asks it (`COMPLETE=SHELL svcacct -- svcacct WORDS…`), with the
//! names of the store the line names.

mod common;

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::Env;

/// What `svcacct` offers for the last of `words` (the line after `svcacct`), as fish asks:
/// one candidate per line, a description after a tab; only the candidates.
fn fish(env: &Env, words: &[&str]) -> (i32, Vec<String>) {
    let mut args = vec!["--", "svcacct"];
    args.extend_from_slice(words);
    let out = env
        .cmd(&args)
        .env("COMPLETE", "fish")
        .output()
        .expect("run svcacct");
    let text = String::from_utf8(out.stdout).unwrap();
    (
        out.status.code().unwrap(),
        text.lines()
            .map(|l| l.split('\t').next().unwrap().to_owned())
            .collect(),
    )
}

fn names(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

fn store() -> Env {
    let env = Env::new();
    env.ok(["create", "ci-bot", "--bits", "2048"]);
    env.ok(["create", "cron", "--bits", "2048"]);
    env.ok(["namespace", "create", "eng", "--no-defaults"]);
    env.ok(["-n", "eng", "create", "builder", "--bits", "2048"]);
    env.ok([
        "policy",
        "create",
        "readers",
        "--subject",
        "ci-bot",
        "--action",
        "get",
        "--resource",
        "x",
    ]);
    env.ok(["tokens", "create", "ci-bot", "deploy", "--out", "t1"]);
    env.ok(["tokens", "create", "ci-bot", "nightly", "--out", "t2"]);
    env
}

#[test]
fn names_come_from_the_store() {
    let env = store();
    assert_eq!(
        fish(&env, &["describe", "c"]),
        (0, names(&["ci-bot", "cron"]))
    );
    assert_eq!(
        fish(&env, &["delete", "ci-bot", "cr"]),
        (0, names(&["cron"]))
    );
    assert_eq!(fish(&env, &["get", "eng/"]), (0, names(&["eng/builder"])));
    assert_eq!(
        fish(&env, &["-n", "eng", "describe", "b"]),
        (0, names(&["builder"]))
    );
    assert_eq!(fish(&env, &["get", "-n", "e"]), (0, names(&["eng"])));
    // From an empty word too (an empty `-n` is no namespace yet, not a refused one).
    assert_eq!(
        fish(&env, &["get", "-n", ""]),
        (0, names(&["default", "eng"]))
    );
    assert_eq!(
        fish(&env, &["namespace", "delete", "d"]),
        (0, names(&["default"]))
    );
    assert_eq!(
        fish(&env, &["policy", "describe", "r"]),
        (0, names(&["readers"]))
    );
    let (code, offered) = fish(&env, &["tokens", "revoke", "ci-bot", ""]);
    let offered: Vec<&str> = offered
        .iter()
        .map(String::as_str)
        .filter(|c| !c.starts_with('-'))
        .collect();
    assert_eq!((code, offered), (0, vec!["deploy", "nightly"]));
    let kid = serde_json::from_str::<serde_json::Value>(&env.ok(["get", "ci-bot", "-o", "json"]))
        .unwrap()["keys"][0]["kid"]
        .as_str()
        .unwrap()
        .to_owned();
    // A key id is base64url, so one in 64 starts with `-`; the shell then also offers the
    // short flags that word could continue with (`-vUo` after `-vU`), which is clap's doing.
    let (code, offered) = fish(&env, &["key", "remove", "ci-bot", &kid[..3]]);
    let ids: Vec<&String> = offered
        .iter()
        .filter(|c| !(kid.starts_with('-') && c.len() == 4 && c.starts_with(&kid[..3])))
        .collect();
    assert_eq!((code, ids), (0, vec![&kid]));
    // Always one that does: `-l…` also reads as `-l VALUE`, yet the id is offered and removed.
    let pem = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/hyphen-kid.pub.pem");
    env.ok(["key", "add", "cron", "--public-key", pem]);
    let hyphen = "-l2d0DORAnZWaHzspRvqVhIc8tp7lMA63ukbZbKr9rc";
    let (code, offered) = fish(&env, &["key", "remove", "cron", "-l2"]);
    let ids: Vec<&String> = offered.iter().filter(|c| c.len() > 4).collect();
    assert_eq!((code, ids), (0, vec![&hyphen.to_owned()]));
    env.ok(["key", "remove", "cron", hyphen]);
    // A new name is not completed.
    assert_eq!(fish(&env, &["create", "c"]), (0, vec![]));
    // Contexts come from the config file.
    env.ok(["config", "set-context", "prod", "--store", "/tmp/nowhere"]);
    env.ok(["config", "set-context", "lab", "--store", "/tmp/nowhere"]);
    assert_eq!(
        fish(&env, &["config", "use-context", ""]).1[..2],
        names(&["lab", "prod"])
    );
}

/// Bash itself, with the script `COMPLETE=bash svcacct` prints, as `source <(…)` in a
/// `.bashrc` would.
#[test]
fn bash_completes_with_the_registration_script() {
    let env = store();
    let bin = assert_cmd::cargo::cargo_bin("svcacct");
    let out = Command::new("bash")
        .env_clear()
        .env("HOME", env.home.path())
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("SVCACCT_BIN", &bin)
        .args([
            "-c",
            r#"source <(COMPLETE=bash "$SVCACCT_BIN")
               COMP_WORDS=(svcacct describe c); COMP_CWORD=2; COMP_TYPE=9
               _clap_complete_svcacct svcacct c describe
               printf '%s\n' "${COMPREPLY[@]}""#,
        ])
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "ci-bot\ncron\n");
}

/// A server that takes the connection and never answers: the completion gives up, silently.
#[test]
fn a_silent_server_gets_no_wait_and_no_output() {
    let env = store();
    let token = env.ok(["token", "ci-bot"]);
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("svcacct"))
        .env_clear()
        .env("HOME", env.home.path())
        .env("COMPLETE", "fish")
        .env("SVCACCT_TOKEN", token.trim())
        .args(["--", "svcacct", "--store", &url, "describe", "c"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // A guard against a hang, not a measure of speed (that is BENCHMARKS.md's): a client
    // with the usual timeouts would wait 60 s.
    let started = Instant::now();
    while child.try_wait().unwrap().is_none() {
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "the completion waits for the server"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    let out = child.wait_with_output().unwrap();
    drop(listener);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "");
    assert_eq!(String::from_utf8(out.stderr).unwrap(), "");
}

/// Through a server, the names are the server's, as the caller may list them.
#[test]
fn names_come_from_a_server_too() {
    let env = Env::new();
    let srv = env.path("srv");
    env.bootstrap(&srv);
    let s = srv.to_str().unwrap();
    env.ok(["--store", s, "create", "ci-bot", "--bits", "2048"]);
    env.ok(["--store", s, "create", "nobody", "--bits", "2048"]);
    let server = env.serve(&srv, &[]);
    let url = server.url.as_str();
    assert_eq!(
        fish(
            &env,
            &[
                "--store",
                url,
                "--service-account",
                "admin",
                "describe",
                "ci"
            ]
        ),
        (0, names(&["ci-bot"]))
    );
    // A caller that may not list accounts gets nothing, and no error.
    let (code, offered) = fish(
        &env,
        &[
            "--store",
            url,
            "--service-account",
            "nobody",
            "describe",
            "ci",
        ],
    );
    assert_eq!((code, offered), (0, vec![]));
}
