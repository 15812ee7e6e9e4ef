//! Many processes at once on one file store: nothing lost, nothing half-written.

mod common;

use std::process::{Command, Stdio};

use common::Env;

fn spawn_all(env: &Env, argv: Vec<Vec<String>>) {
    let bin = assert_cmd::cargo::cargo_bin("svcacct");
    let children: Vec<_> = argv
        .into_iter()
        .map(|args| {
            Command::new(&bin)
                .env_clear()
                .env("HOME", env.home.path())
                .env("TZ", "UTC")
                .current_dir(env.home.path())
                .args(args)
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for child in children {
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
fn twenty_creates_at_once_leave_twenty_accounts() {
    let env = Env::new();
    let keys = env.distinct_public_keys("k", 20);
    let argv = (0..20)
        .map(|i| {
            vec![
                "create".into(),
                format!("bot-{i:02}"),
                "--public-key".into(),
                keys[i].clone(),
            ]
        })
        .collect();
    spawn_all(&env, argv);
    let names = env.ok(["get", "-o", "name"]);
    let expected: String = (0..20).map(|i| format!("bot-{i:02}\n")).collect();
    assert_eq!(names, expected);
    // No temporary files are left behind.
    for (path, _) in env.store_snapshot() {
        assert!(
            !path.to_string_lossy().contains(".tmp-"),
            "{}",
            path.display()
        );
    }
}

#[test]
fn concurrent_updates_of_one_account_are_all_kept() {
    let env = Env::new();
    env.ok(["keygen", "-o", "k.key", "--bits", "2048"]);
    env.ok(["create", "shared", "--public-key", "k.key.pub"]);
    let argv = (0..10)
        .map(|i| {
            vec![
                "update".into(),
                "shared".into(),
                "--add-group".into(),
                format!("g{i}"),
            ]
        })
        .collect();
    spawn_all(&env, argv);
    let json = env.ok(["get", "shared", "-o", "json"]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let mut groups: Vec<String> = v["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g.as_str().unwrap().to_owned())
        .collect();
    groups.sort();
    let mut expected: Vec<String> = (0..10).map(|i| format!("g{i}")).collect();
    expected.sort();
    assert_eq!(groups, expected);
    // One revision per write: the create, then ten updates.
    assert_eq!(v["revision"], 11);
}
