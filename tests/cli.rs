//! Everyday behaviour of the commands: formats, config precedence, rotation, namespaces.

mod common;

use common::Env;
use predicates::prelude::*;

fn with_account(name: &str) -> Env {
    let env = Env::new();
    env.ok(["keygen", "-o", "k.key", "--bits", "2048"]);
    env.ok(["create", name, "--public-key", "k.key.pub"]);
    env
}

#[test]
fn every_help_ends_with_an_example() {
    let env = Env::new();
    let cmds: &[&[&str]] = &[
        &[],
        &["keygen"],
        &["create"],
        &["get"],
        &["describe"],
        &["delete"],
        &["rename"],
        &["disable"],
        &["enable"],
        &["update"],
        &["key"],
        &["key", "add"],
        &["key", "list"],
        &["key", "remove"],
        &["policy"],
        &["policy", "create"],
        &["policy", "get"],
        &["policy", "describe"],
        &["policy", "delete"],
        &["policy", "update"],
        &["can-i"],
        &["token"],
        &["verify"],
        &["decode"],
        &["jwks"],
        &["completions"],
    ];
    for c in cmds {
        let mut args: Vec<&str> = c.to_vec();
        args.push("--help");
        let out = env.ok(&args);
        let tail: Vec<&str> = out.trim_end().lines().rev().take(12).collect();
        assert!(
            tail.iter()
                .any(|l| l.trim_start().starts_with("svcacct ") || l.contains("$(svcacct")),
            "`svcacct {}` --help has no example at its end:\n{out}",
            c.join(" ")
        );
    }
    let top = env.ok(["--help"]);
    assert!(top.contains("Exit status:"), "{top}");
    let token = env.ok(["token", "--help"]);
    assert!(token.contains("[default: 10m]"), "{token}");
    assert!(token.contains("else RS256]"), "{token}");
}

#[test]
fn output_formats() {
    let env = with_account("ci-bot");
    env.ok([
        "update",
        "ci-bot",
        "--description",
        "builds",
        "--add-group",
        "builders",
    ]);
    let json = env.ok(["get", "ci-bot", "-o", "json"]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["kind"], "ServiceAccount");
    assert_eq!(v["name"], "ci-bot");
    assert_eq!(v["namespace"], "default");
    assert_eq!(v["reference"], "ci-bot");
    assert_eq!(v["username"], "system:serviceaccount:default:ci-bot");
    assert_eq!(v["status"], "active");
    assert_eq!(v["description"], "builds");
    assert_eq!(v["groups"], serde_json::json!(["builders"]));
    assert_eq!(v["keys"][0]["bits"], 2048);
    assert!(
        v["keys"][0]["fingerprint"]
            .as_str()
            .unwrap()
            .starts_with("SHA256:")
    );
    assert!(v["created"].as_str().unwrap().ends_with('Z'));
    assert!(v.get("expires").is_none());
    let list: serde_json::Value = serde_json::from_str(&env.ok(["get", "-o", "json"])).unwrap();
    assert_eq!(list["kind"], "ServiceAccountList");
    assert_eq!(list["items"][0]["name"], "ci-bot");
    assert_eq!(env.ok(["get", "-o", "name"]), "ci-bot\n");
    assert_eq!(
        env.ok(["key", "list", "ci-bot", "-o", "name"])
            .lines()
            .count(),
        1
    );
    let t = env.ok([
        "token",
        "ci-bot",
        "--jwt-private-key",
        "k.key",
        "-o",
        "header",
    ]);
    assert!(t.starts_with("Authorization: Bearer ey"), "{t}");
    let j: serde_json::Value = serde_json::from_str(&env.ok([
        "token",
        "ci-bot",
        "--jwt-private-key",
        "k.key",
        "-o",
        "json",
    ]))
    .unwrap();
    assert!(j["token"].as_str().unwrap().starts_with("ey"));
    let v: serde_json::Value =
        serde_json::from_str(&env.ok(["verify", j["token"].as_str().unwrap(), "-o", "json"]))
            .unwrap();
    assert_eq!(v["valid"], true);
    assert_eq!(v["kid"], j["kid"]);
    // A rejected token in JSON still says why, and exits 1.
    env.cmd(["verify", "x.y.z", "-o", "json"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(r#""valid": false"#));
    // decode marks its output unverified and keeps the token's claim order.
    let d = env.ok(["decode", j["token"].as_str().unwrap()]);
    assert!(d.contains(r#""verified": false"#), "{d}");
    assert!(d.contains("UNVERIFIED"), "{d}");
}

#[test]
fn terminal_escapes_from_the_store_are_sanitised() {
    let env = with_account("ci-bot");
    env.ok(["update", "ci-bot", "--description", "evil\x1b[31mred\x07"]);
    let wide = env.ok(["get", "-o", "wide"]);
    assert!(!wide.contains('\x1b'), "{wide:?}");
    assert!(wide.contains("evil\\u{1b}[31mred\\u{7}"), "{wide}");
    let d = env.ok(["describe", "ci-bot"]);
    assert!(!d.contains('\x1b') && !d.contains('\x07'), "{d:?}");
}

#[test]
fn broken_pipe_is_not_an_error() {
    let env = Env::new();
    for (i, key) in env.distinct_public_keys("k", 40).iter().enumerate() {
        env.ok(["create", &format!("bot-{i}"), "--public-key", key]);
    }
    let bin = assert_cmd::cargo::cargo_bin("svcacct");
    let script = format!(
        "'{}' get -o wide | head -c 10 >/dev/null; echo ${{PIPESTATUS[0]}}",
        bin.display()
    );
    let out = std::process::Command::new("bash")
        .arg("-c")
        .arg(script)
        .env("HOME", env.home.path())
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "0\n",
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn flags_beat_env_beat_config() {
    let env = with_account("ci-bot");
    std::fs::create_dir_all(env.path(".config/svcacct")).unwrap();
    let cfg_store = env.path("cfg-store");
    std::fs::write(
        env.path(".config/svcacct/config.toml"),
        format!(
            "store = {:?}\nnamespace = \"eng\"\nmax-token-lifetime = \"5m\"\n",
            cfg_store.to_str().unwrap()
        ),
    )
    .unwrap();
    // The config's store is empty, its namespace is eng.
    env.ok(["namespace", "create", "eng", "--no-defaults"]);
    env.ok(["create", "cfg-bot", "--public-key", "k.key.pub"]);
    assert!(cfg_store.join("accounts/eng/cfg-bot.toml").exists());
    // env beats config
    let default_store = env.path(".local/share/svcacct/store");
    let out = env
        .cmd(["get", "-o", "name"])
        .env("SVCACCT_STORE", &default_store)
        .env("SVCACCT_NAMESPACE", "default")
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout), "ci-bot\n");
    // a flag beats env
    let out = env
        .cmd([
            "get",
            "-o",
            "name",
            "--store",
            cfg_store.to_str().unwrap(),
            "-n",
            "eng",
        ])
        .env("SVCACCT_STORE", &default_store)
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout), "eng/cfg-bot\n");
    // The config's maximum lifetime is named when exceeded.
    env.cmd([
        "token",
        "ci-bot",
        "--jwt-private-key",
        "k.key",
        "--ttl",
        "10m",
    ])
    .assert()
    .code(2)
    .stderr(predicate::str::contains(
        "maximum token lifetime of 5m (set by `max-token-lifetime` in ",
    ));
    // A broken config file is named.
    std::fs::write(env.path(".config/svcacct/config.toml"), "stor = 1\n").unwrap();
    env.cmd(["get"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("config.toml is invalid"));
}

#[test]
fn private_key_from_env_as_path_or_pem() {
    let env = with_account("ci-bot");
    let t = env
        .cmd(["token", "ci-bot"])
        .env("SVCACCT_JWT_PRIVATE_KEY", env.path("k.key"))
        .output()
        .unwrap();
    assert!(t.status.success());
    env.cmd(["verify", String::from_utf8(t.stdout).unwrap().trim()])
        .assert()
        .success();
    let pem = std::fs::read_to_string(env.path("k.key")).unwrap();
    let t = env
        .cmd(["token", "ci-bot"])
        .env("SVCACCT_JWT_PRIVATE_KEY", &pem)
        .output()
        .unwrap();
    assert!(t.status.success(), "{}", String::from_utf8_lossy(&t.stderr));
    // The secret is never echoed by --help.
    env.cmd(["token", "--help"])
        .env("SVCACCT_JWT_PRIVATE_KEY", &pem)
        .assert()
        .success()
        .stdout(predicate::str::contains("PRIVATE KEY").not());
}

#[test]
fn key_rotation() {
    let env = Env::new();
    env.ok(["create", "ci-bot", "--bits", "2048"]);
    let old_kid = env
        .ok(["key", "list", "ci-bot", "-o", "name"])
        .trim()
        .to_owned();
    let old_token = env.ok(["token", "ci-bot"]);
    let added = env.ok(["key", "add", "ci-bot", "--generate", "--bits", "2048"]);
    assert!(added.starts_with("Added key "), "{added}");
    let kids = env.ok(["key", "list", "ci-bot", "-o", "name"]);
    assert_eq!(kids.lines().count(), 2);
    let new_kid = kids.lines().find(|k| *k != old_kid).unwrap().to_owned();
    // The keystore now signs with the new key; the old token still verifies.
    let new_token = env.ok(["token", "ci-bot", "-o", "json"]);
    assert!(new_token.contains(&new_kid), "{new_token}");
    env.cmd(["verify", old_token.trim()]).assert().success();
    // The old key can still be chosen by kid until it is removed (kids may start with `-`).
    env.ok(["token", "ci-bot", "--kid", &old_kid]);
    // A kid that starts with `-` (one in 64 do) is a value of --kid, not a flag.
    env.cmd(["token", "ci-bot", "--kid", "-abc"])
        .assert()
        .code(3)
        .stderr(predicate::str::contains("has no key `-abc` for `ci-bot`"));
    env.ok(["key", "remove", "ci-bot", &old_kid]);
    env.cmd(["verify", old_token.trim()])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("unknown kid"));
    // The last key needs --force.
    env.cmd(["key", "remove", "ci-bot", &new_kid])
        .assert()
        .code(3)
        .stderr(format!(
            "svcacct: `{new_kid}` is the last key of `ci-bot`: without it the account's own \
             (self-signed) tokens no longer verify, the tokens issued to it still do; remove it \
             anyway with --force\n"
        ));
    env.cmd(["key", "remove", "ci-bot", "nope"])
        .assert()
        .code(3)
        .stderr("svcacct: service account `ci-bot` has no key with kid `nope` (see `svcacct key list ci-bot`)\n");
    env.ok(["key", "remove", "ci-bot", &new_kid, "--force"]);
    assert_eq!(env.ok(["key", "list", "ci-bot", "-o", "name"]), "");
}

#[test]
fn namespaces_policies_and_groups() {
    let env = Env::new();
    env.ok(["keygen", "-o", "k.key", "--bits", "2048"]);
    env.ok(["namespace", "create", "eng", "--no-defaults"]);
    env.ok(["namespace", "create", "eng/platform", "--no-defaults"]);
    env.ok([
        "create",
        "boss",
        "-n",
        "eng/platform",
        "--public-key",
        "k.key.pub",
        "--group",
        "managers",
    ]);
    env.ok(["keygen", "-o", "k2.key", "--bits", "2048"]);
    env.ok([
        "create",
        "intern",
        "-n",
        "eng",
        "--public-key",
        "k2.key.pub",
    ]);
    env.ok([
        "policy",
        "create",
        "managers-edit",
        "-n",
        "eng",
        "--subject",
        "group:managers",
        "--action",
        "edit",
        "--resource",
        "top-secret",
    ]);
    env.ok([
        "policy",
        "create",
        "eng-read",
        "-n",
        "eng",
        "--subject",
        "*",
        "--action",
        "get,list",
        "--resource",
        "image*",
    ]);
    // `can-i ACTION RESOURCE --as AS -n NS` → answer. A grant in eng covers eng/platform, not engx.
    let can = |action: &str, resource: &str, who: &str, ns: &str, answer: &str| {
        let code = if answer == "yes" { 0 } else { 1 };
        env.cmd(["can-i", action, resource, "--as", who, "-n", ns])
            .assert()
            .code(code)
            .stdout(format!("{answer}\n"));
    };
    can(
        "edit",
        "top-secret",
        "eng/platform/boss",
        "eng/platform",
        "yes",
    );
    can("edit", "top-secret", "eng/platform/boss", "eng", "yes");
    can("edit", "top-secret", "eng/platform/boss", "engx", "no");
    can("edit", "top-secret", "eng/intern", "eng", "no");
    can("list", "images", "eng/intern", "eng", "yes");
    env.cmd([
        "can-i",
        "delete",
        "images",
        "--as",
        "eng/intern",
        "-n",
        "eng",
        "-q",
    ])
    .assert()
    .code(1)
    .stdout("");
    // kubectl's username form names the same account.
    can(
        "edit",
        "top-secret",
        "system:serviceaccount:eng/platform:boss",
        "eng",
        "yes",
    );
    let list = env.ok(["can-i", "--list", "--as", "eng/platform/boss"]);
    assert!(list.contains("managers-edit"), "{list}");
    assert!(list.contains("eng-read"), "{list}");
    let d = env.ok(["describe", "boss", "-n", "eng/platform"]);
    assert!(
        d.contains("Username:     system:serviceaccount:eng/platform:boss"),
        "{d}"
    );
    assert!(d.contains("managers-edit (eng): edit on top-secret"), "{d}");
    let all = env.ok(["get", "-A", "-o", "name"]);
    assert_eq!(all, "eng/intern\neng/platform/boss\n");
    assert_eq!(
        env.ok(["policy", "get", "-n", "eng", "-o", "name"]),
        "eng-read\nmanagers-edit\n"
    );
    env.ok([
        "policy",
        "update",
        "eng-read",
        "-n",
        "eng",
        "--remove-action",
        "list",
    ]);
    can("list", "images", "eng/intern", "eng", "no");
    env.ok(["policy", "delete", "eng-read", "-n", "eng"]);
    assert_eq!(
        env.ok(["policy", "get", "-n", "eng", "-o", "name"]),
        "managers-edit\n"
    );
    env.cmd(["can-i", "get", "x", "--as", "nobody"])
        .assert()
        .code(3)
        .stderr("svcacct: unknown service account `nobody` in namespace `default` (see `svcacct get`)\n");
}

#[test]
fn rename_delete_and_duplicates() {
    let env = Env::new();
    env.ok(["create", "ci-bot", "--bits", "2048"]);
    env.cmd(["create", "ci-bot", "--bits", "2048"])
        .assert()
        .code(3)
        .stderr("svcacct: service account `ci-bot` already exists in namespace `default` (see `svcacct describe ci-bot`)\n");
    assert_eq!(
        env.ok(["rename", "ci-bot", "build-bot"]),
        "Renamed service account: ci-bot -> build-bot\n"
    );
    // The keystore key moved with it.
    let t = env.ok(["token", "build-bot"]);
    env.cmd(["verify", t.trim()]).assert().success();
    env.cmd(["token", "ci-bot"]).assert().code(3);
    assert_eq!(
        env.ok(["delete", "build-bot"]),
        "Deleted service account: build-bot\n"
    );
    env.cmd(["verify", t.trim()]).assert().code(1);
    env.cmd(["token", "build-bot"])
        .assert()
        .code(3)
        .stderr(predicate::str::contains("no private key"));
    env.cmd(["delete", "build-bot"]).assert().code(3);
    assert_eq!(env.ok(["get", "-o", "name"]), "");
}

#[test]
fn keygen_refuses_to_overwrite_and_to_print_to_nowhere_safe() {
    let env = Env::new();
    env.ok(["keygen", "-o", "a.key", "--bits", "2048"]);
    let before = std::fs::read(env.path("a.key")).unwrap();
    env.cmd(["keygen", "-o", "a.key", "--bits", "2048"])
        .assert()
        .code(3)
        .stderr(predicate::str::contains("already exists; pass --force"));
    assert_eq!(before, std::fs::read(env.path("a.key")).unwrap());
    env.ok(["keygen", "-o", "a.key", "--bits", "2048", "--force"]);
    assert_ne!(before, std::fs::read(env.path("a.key")).unwrap());
    // To a pipe the private key goes to stdout and the facts to stderr.
    env.cmd(["keygen", "--bits", "2048"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("-----BEGIN PRIVATE KEY-----"))
        .stderr(predicate::str::contains("Fingerprint: SHA256:"));
    env.cmd(["keygen", "--bits", "1024"]).assert().code(2);
}

#[test]
fn verify_and_decode_read_stdin() {
    let env = with_account("ci-bot");
    let t = env.ok(["token", "ci-bot", "--jwt-private-key", "k.key"]);
    env.cmd(["verify", "-", "-o", "name"])
        .write_stdin(t.clone())
        .assert()
        .success()
        .stdout("ci-bot\n");
    env.cmd(["verify", "-o", "name"])
        .write_stdin(t.clone())
        .assert()
        .success()
        .stdout("ci-bot\n");
    env.cmd(["decode"]).write_stdin(t).assert().success();
    env.cmd(["verify"])
        .write_stdin("")
        .assert()
        .code(2)
        .stderr("svcacct: no token given: the argument or stdin is empty\n");
}

#[test]
fn mistakes_that_must_not_hurt() {
    let env = with_account("ci-bot");
    // A key in the environment that does not parse is never repeated back.
    let secret = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC-secret-material";
    let out = env
        .cmd(["token", "ci-bot"])
        .env("SVCACCT_JWT_PRIVATE_KEY", secret)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("secret-material"), "{err}");
    assert_eq!(
        err,
        "svcacct: SVCACCT_JWT_PRIVATE_KEY holds neither a PEM key nor the path of a readable file (entity not found)\n"
    );
    let garbled =
        format!("# ci key\n-----BEGIN PRIVATE KEY-----\n{secret}\n-----END PRIVATE KEY-----\n");
    let out = env
        .cmd(["token", "ci-bot"])
        .env("SVCACCT_JWT_PRIVATE_KEY", &garbled)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    assert!(!String::from_utf8_lossy(&out.stderr).contains("secret-material"));

    // The public key never replaces the private key.
    env.cmd([
        "keygen",
        "-o",
        "a.key",
        "--public-out",
        "a.key",
        "--force",
        "--bits",
        "2048",
    ])
    .assert()
    .code(2);
    assert!(!env.path("a.key").exists());
    env.cmd([
        "keygen",
        "--public-from",
        "k.key",
        "--public-out",
        "k.key",
        "--force",
    ])
    .assert()
    .code(2);
    assert!(
        std::fs::read_to_string(env.path("k.key"))
            .unwrap()
            .starts_with("-----BEGIN PRIVATE KEY-----")
    );

    // Absurd durations are usage errors, not panics.
    env.cmd(["token", "ci-bot", "--jwt-private-key", "k.key"])
        .env("SVCACCT_MAX_TOKEN_LIFETIME", "9223372036854775807")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("longer than 100 years"));

    // Several failures are reported in order, after the successes.
    env.cmd(["delete", "ghost-a", "ci-bot", "ghost-b"])
        .assert()
        .code(3)
        .stdout("Deleted service account: ci-bot\n")
        .stderr(
            "svcacct: unknown service account `ghost-a` in namespace `default` (see `svcacct get`); \
             and also: unknown service account `ghost-b` in namespace `default` (see `svcacct get`)\n",
        );
}

#[test]
fn rename_carries_grants_and_delete_keeps_other_stores_keys() {
    let env = Env::new();
    env.ok(["create", "ci-bot", "--bits", "2048"]);
    env.ok([
        "policy",
        "create",
        "deploy",
        "--subject",
        "ci-bot,group:builders",
        "--action",
        "deploy",
        "--resource",
        "*",
    ]);
    assert_eq!(
        env.ok(["rename", "ci-bot", "build-bot"]),
        "Renamed service account: ci-bot -> build-bot\nUpdated policy deploy: subject ci-bot -> build-bot\n"
    );
    env.cmd(["can-i", "deploy", "prod", "--as", "build-bot"])
        .assert()
        .success();
    // A new account with the old name does not inherit the grant.
    env.ok(["create", "ci-bot", "--bits", "2048"]);
    env.cmd(["can-i", "deploy", "prod", "--as", "ci-bot"])
        .assert()
        .code(1);

    // A scratch store with an account of the same name: deleting it there leaves the real
    // account's private key alone.
    let real = env.ok(["token", "build-bot"]);
    env.cmd([
        "--store",
        "scratch",
        "create",
        "build-bot",
        "--bits",
        "2048",
    ])
    .assert()
    .success()
    .stderr(predicate::str::contains(
        "the keystore already held keys for `build-bot`",
    ));
    let kid = env.ok([
        "--store",
        "scratch",
        "key",
        "list",
        "build-bot",
        "-o",
        "name",
    ]);
    env.ok(["--store", "scratch", "delete", "build-bot"]);
    env.cmd(["verify", real.trim()]).assert().success();
    let again = env.ok(["token", "build-bot", "-o", "json"]);
    assert!(!again.contains(kid.trim()), "{again}");
    env.cmd([
        "verify",
        serde_json::from_str::<serde_json::Value>(&again).unwrap()["token"]
            .as_str()
            .unwrap(),
    ])
    .assert()
    .success();
}
