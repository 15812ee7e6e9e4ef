//! The rough edges a literal reading of the README found (issue 20), through the real binary.

mod common;

use std::os::unix::fs::PermissionsExt;

use common::Env;

fn mode(env: &Env, rel: &str) -> u32 {
    std::fs::metadata(env.path(rel))
        .unwrap()
        .permissions()
        .mode()
        & 0o777
}

/// `tokens create --out FILE` writes the token to a new file of mode 0600, prints nothing on
/// stdout, and the token in it verifies.
#[test]
fn tokens_create_out_writes_a_new_0600_file() {
    let env = Env::new();
    env.ok(["create", "alice-bot"]);
    env.cmd([
        "tokens",
        "create",
        "alice-bot",
        "laptop",
        "--out",
        "laptop.token",
    ])
    .assert()
    .success()
    .stdout("")
    .stderr(
        predicates::str::is_match(
            "^Issued token laptop for service account alice-bot \\(expires .* UTC 20..\\), \
             written to laptop.token \\(mode 0600\\).\n$",
        )
        .unwrap(),
    );
    assert_eq!(mode(&env, "laptop.token"), 0o600);
    let token = std::fs::read_to_string(env.path("laptop.token")).unwrap();
    assert!(
        token.ends_with('\n') && token.matches('.').count() == 2,
        "{token}"
    );
    env.cmd(["verify", token.trim()]).assert().success();
}

/// An existing file is never written over: the command fails before a token is issued, and
/// the file keeps its bytes.
#[test]
fn tokens_create_out_refuses_an_existing_file_and_issues_nothing() {
    let env = Env::new();
    env.ok(["create", "alice-bot"]);
    std::fs::write(env.path("laptop.token"), "mine\n").unwrap();
    let before = env.store_snapshot();
    env.cmd([
        "tokens",
        "create",
        "alice-bot",
        "laptop",
        "--out",
        "laptop.token",
    ])
    .assert()
    .code(3)
    .stdout("")
    .stderr(
        "svcacct: laptop.token already exists: --out writes a new file (mode 0600) and \
             never over another; name one that does not exist\n",
    );
    assert_eq!(
        std::fs::read_to_string(env.path("laptop.token")).unwrap(),
        "mine\n"
    );
    assert_eq!(before, env.store_snapshot(), "the store changed");
    assert_eq!(env.ok(["tokens", "list", "alice-bot", "-o", "name"]), "");
}

/// A failed issue leaves no file behind (a shell redirect leaves an empty one).
#[test]
fn tokens_create_out_leaves_no_file_when_issuing_fails() {
    let env = Env::new();
    env.cmd([
        "tokens",
        "create",
        "nobody",
        "laptop",
        "--out",
        "laptop.token",
    ])
    .assert()
    .code(3);
    assert!(!env.path("laptop.token").exists());
}
