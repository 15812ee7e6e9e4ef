//! The README walkthrough, end to end, through the real binary.

mod common;

use std::os::unix::fs::PermissionsExt;

use common::Env;
use predicates::prelude::*;

#[test]
fn dispatch_walkthrough() {
    let env = Env::new();
    let out = env.ok(["keygen", "-o", "example.key"]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 3, "{out}");
    assert!(lines[0].starts_with("Fingerprint: SHA256:"), "{out}");
    assert!(lines[1].starts_with("Key ID:      "), "{out}");
    assert_eq!(lines[2], "Bits:        3072");
    let kid = lines[1].trim_start_matches("Key ID:").trim().to_owned();
    let mode = std::fs::metadata(env.path("example.key"))
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600);
    let private = std::fs::read_to_string(env.path("example.key")).unwrap();
    assert!(private.starts_with("-----BEGIN PRIVATE KEY-----\n"));
    let public = std::fs::read_to_string(env.path("example.key.pub")).unwrap();
    assert!(public.starts_with("-----BEGIN PUBLIC KEY-----\n"));

    assert_eq!(
        env.ok([
            "create",
            "example-svc-account",
            "--public-key",
            "example.key.pub"
        ]),
        "Created service account: example-svc-account\n"
    );
    assert_eq!(
        env.ok([
            "policy",
            "create",
            "example-svc-policy",
            "--subject",
            "example-svc-account",
            "--action",
            "*",
            "--resource",
            "function",
        ]),
        "Created policy: example-svc-policy\n"
    );
    let token = env.ok([
        "token",
        "example-svc-account",
        "--jwt-private-key",
        "example.key",
    ]);
    assert_eq!(token.matches('.').count(), 2, "{token}");
    assert!(token.ends_with('\n'));
    let token = token.trim();

    let verified = env.ok(["verify", token]);
    assert!(verified.contains("Valid:      yes\n"), "{verified}");
    assert!(
        verified.contains("Account:    example-svc-account\n"),
        "{verified}"
    );
    assert!(
        verified.contains("Username:   system:serviceaccount:default:example-svc-account\n"),
        "{verified}"
    );
    assert!(
        verified.contains(&format!("Key:        {kid} (SHA256:")),
        "{verified}"
    );
    assert!(verified.contains("Algorithm:  RS256\n"), "{verified}");
    assert!(verified.contains("Expires:    "), "{verified}");

    env.cmd(["can-i", "create", "function", "--as", "example-svc-account"])
        .assert()
        .success()
        .stdout("yes\n");
    env.cmd(["can-i", "create", "image", "--as", "example-svc-account"])
        .assert()
        .code(1)
        .stdout("no\n");

    let table = env.ok(["get"]);
    let rows: Vec<&str> = table.lines().collect();
    assert_eq!(rows.len(), 3, "{table}");
    assert!(
        rows[0].starts_with(" NAME                | STATUS | KEYS | EXPIRES | CREATED DATE"),
        "{table}"
    );
    assert!(
        rows[1].starts_with("---------------------+--------+------+---------+-"),
        "{table}"
    );
    assert!(
        rows[2].starts_with(" example-svc-account | active | 1    | never   | "),
        "{table}"
    );
    assert!(
        rows[2].ends_with(" UTC 20") || rows[2].contains(" UTC 2"),
        "{table}"
    );
}

#[test]
fn short_form_with_keystore() {
    let env = Env::new();
    env.cmd(["create", "ci-bot"])
        .assert()
        .success()
        .stdout("Created service account: ci-bot\n")
        .stderr(predicate::str::starts_with(
            "Private key kept in the keystore: ",
        ));
    let token = env.ok(["token", "ci-bot"]);
    env.cmd(["verify", token.trim()]).assert().success();
    // The keystore holds the private key with mode 0600 in a 0700 folder.
    let dir = env.path(".local/share/svcacct/keys/default/ci-bot");
    assert_eq!(
        std::fs::metadata(&dir).unwrap().permissions().mode() & 0o777,
        0o700
    );
    let pem = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .find(|e| e.path().extension().is_some_and(|x| x == "pem"))
        .unwrap();
    assert_eq!(pem.metadata().unwrap().permissions().mode() & 0o777, 0o600);
}
