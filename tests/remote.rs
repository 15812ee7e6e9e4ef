//! The CLI pointed at a real `svcacct serve` on an ephemeral loopback port: the local
//! walkthrough again, policies enforced by the server, concurrent clients, credentials,
//! contexts and `whoami`.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{Env, Server};
use predicates::prelude::*;

/// A server on `HOME/srv`, bootstrapped as the brief says (admin + global `admin-all`).
fn served(env: &Env) -> (PathBuf, Server) {
    let srv = env.path("srv");
    env.bootstrap(&srv);
    let server = env.serve(&srv, &[]);
    (srv, server)
}

/// `--store URL --service-account ACCOUNT ARGS…`.
fn as_account<'a>(server: &'a Server, account: &'a str, args: &[&'a str]) -> Vec<&'a str> {
    let mut v = vec!["--store", server.url.as_str(), "--service-account", account];
    v.extend_from_slice(args);
    v
}

fn json(text: &str) -> serde_json::Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("not JSON ({e}): {text}"))
}

fn sorted_lines(text: &str) -> Vec<String> {
    let mut v: Vec<String> = text.lines().map(str::to_owned).collect();
    v.sort();
    v
}

/// `svcacct ARGS…` → (exit code, stdout, stderr).
fn run(env: &Env, args: &[&str]) -> (i32, String, String) {
    let out = env.cmd(args).output().expect("run svcacct");
    (
        out.status.code().expect("exit code"),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// Replaces the human dates (`Sun Nov 22 09:03:23 UTC 2026`) with `<DATE>` and drops the
/// relative times (` (in 9m 59s)`), which differ between two runs a second apart.
fn normalize_dates(text: &str) -> String {
    let b = text.as_bytes();
    let mut out = String::new();
    let mut i = 0;
    let mut copied = 0;
    while i + 9 <= b.len() {
        // "Www Mmm dd hh:mm:ss UTC yyyy": 19 characters, " UTC ", 4 digits.
        if &b[i..i + 5] == b" UTC "
            && i >= 19
            && b[i + 5..i + 9].iter().all(u8::is_ascii_digit)
            && b[i - 16] == b' '
            && b[i - 12] == b' '
            && b[i - 9] == b' '
            && b[i - 6] == b':'
            && b[i - 3] == b':'
        {
            out.push_str(&text[copied..i - 19]);
            out.push_str("<DATE>");
            i += 9;
            copied = i;
        } else {
            i += 1;
        }
    }
    out.push_str(&text[copied..]);
    out.split('\n')
        .map(|l| match l.find(" (in ") {
            Some(p) if l.ends_with(')') => &l[..p],
            _ => l,
        })
        .map(|l| {
            if l.starts_with("UID:") {
                "UID: <UID>"
            } else {
                l
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The same steps on a local store (`local`) and through a server (`remote`, whose folder is
/// `srv`): every step must give the same exit code, stdout and stderr, once dates, uids,
/// temporary HOMEs and the kids of keys generated on each side are normalized.
struct Twin {
    local: Env,
    remote: Env,
    srv: PathBuf,
    server: Server,
    /// (text on one side, label) pairs.
    subst: Vec<(String, String)>,
}

impl Twin {
    fn new() -> Twin {
        let local = Env::new();
        local.bootstrap(&local.path(".local/share/svcacct/store"));
        let remote = Env::new();
        let (srv, server) = served(&remote);
        let mut t = Twin {
            local,
            remote,
            srv,
            server,
            subst: vec![],
        };
        t.learn_keys("admin");
        t
    }

    fn remote_args<'a>(&'a self, args: &[&'a str]) -> Vec<&'a str> {
        as_account(&self.server, "admin", args)
    }

    fn run_remote(&self, args: &[&str]) -> (i32, String, String) {
        run(&self.remote, &self.remote_args(args))
    }

    fn normalize(&self, text: &str, env: &Env) -> String {
        let mut t = text.replace(env.home.path().to_str().unwrap(), "$HOME");
        for (from, to) in &self.subst {
            t = t.replace(from, to);
        }
        normalize_dates(&t)
    }

    /// Runs ARGS on both sides, asserts the same outcome, returns the remote one (raw).
    #[track_caller]
    fn both(&self, args: &[&str]) -> (i32, String, String) {
        self.both_each(args, args)
    }

    /// `both` with arguments that differ by side (e.g. a kid each side generated).
    #[track_caller]
    fn both_each(&self, local_args: &[&str], args: &[&str]) -> (i32, String, String) {
        let l = run(&self.local, local_args);
        let r = self.run_remote(args);
        let ln = (
            l.0,
            self.normalize(&l.1, &self.local),
            self.normalize(&l.2, &self.local),
        );
        let rn = (
            r.0,
            self.normalize(&r.1, &self.remote),
            self.normalize(&r.2, &self.remote),
        );
        assert_eq!(
            ln,
            rn,
            "`svcacct {}`: local (left) and remote (right) differ",
            args.join(" ")
        );
        r
    }

    /// Like `both`, asserting exit 0 and returning the remote stdout.
    #[track_caller]
    fn ok(&self, args: &[&str]) -> String {
        let (code, out, err) = self.both(args);
        assert_eq!(code, 0, "`svcacct {}`: {err}", args.join(" "));
        out
    }

    /// TOKEN is rejected (exit 1) on both sides. Through the server the reason may be the
    /// token review's, which does not tell an unknown account or kid from a wrong key.
    #[track_caller]
    fn rejected(&self, token: &str) {
        let l = run(&self.local, &["verify", token]);
        let r = self.run_remote(&["verify", token]);
        for (side, (code, out, err)) in [("local", l), ("remote", r)] {
            assert_eq!(code, 1, "{side}: {err}");
            assert_eq!(out, "", "{side}");
            assert!(
                err.starts_with("svcacct: token rejected: "),
                "{side}: {err}"
            );
        }
    }

    /// Maps the kids and fingerprints of keys that each side generated itself to labels.
    fn learn_keys(&mut self, account: &str) {
        let l = json(&self.local.ok(["get", account, "-o", "json"]));
        let r = json(&self.run_remote(&["get", account, "-o", "json"]).1);
        let (lk, rk) = (l["keys"].as_array().unwrap(), r["keys"].as_array().unwrap());
        assert_eq!(lk.len(), rk.len());
        for (i, (a, b)) in lk.iter().zip(rk).enumerate() {
            for field in ["kid", "fingerprint"] {
                let (a, b) = (a[field].as_str().unwrap(), b[field].as_str().unwrap());
                if a != b {
                    let label = format!("<{account}-{field}-{i}>");
                    self.subst.push((a.to_owned(), label.clone()));
                    self.subst.push((b.to_owned(), label));
                }
            }
        }
    }

    /// Copies a file of the remote HOME (a key made there) to the local HOME.
    fn share(&self, rel: &str) {
        std::fs::copy(self.remote.path(rel), self.local.path(rel)).unwrap();
    }
}

#[test]
fn the_walkthrough_through_a_server() {
    let mut t = Twin::new();

    // keygen is local either way; the key files are shared so kids match on both sides.
    let out = t.remote.ok(["keygen", "-o", "example.key"]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 3, "{out}");
    let kid = lines[1].trim_start_matches("Key ID:").trim().to_owned();
    t.share("example.key");
    t.share("example.key.pub");

    assert_eq!(
        t.ok(&[
            "create",
            "example-svc-account",
            "--public-key",
            "example.key.pub"
        ]),
        "Created service account: example-svc-account\n"
    );
    assert_eq!(
        t.ok(&[
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

    // `token` reads no store; the remote flags change nothing.
    let token = t.remote.ok(t.remote_args(&[
        "token",
        "example-svc-account",
        "--jwt-private-key",
        "example.key",
    ]));
    assert_eq!(token.matches('.').count(), 2, "{token}");
    let token = token.trim().to_owned();
    let local_token = t
        .local
        .ok([
            "token",
            "example-svc-account",
            "--jwt-private-key",
            "example.key",
        ])
        .trim()
        .to_owned();

    // verify reads the account from the server.
    let (code, verified, _) = t.run_remote(&["verify", &token]);
    assert_eq!(code, 0, "{verified}");
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
    let (_, local_verified, _) = run(&t.local, &["verify", &local_token]);
    assert_eq!(normalize_dates(&local_verified), normalize_dates(&verified));

    let (code, out, _) = t.both(&["can-i", "create", "function", "--as", "example-svc-account"]);
    assert_eq!((code, out.as_str()), (0, "yes\n"));
    let (code, out, _) = t.both(&["can-i", "create", "image", "--as", "example-svc-account"]);
    assert_eq!((code, out.as_str()), (1, "no\n"));
    t.ok(&["can-i", "--list", "--as", "example-svc-account"]);
    t.ok(&["can-i", "--list", "--as", "admin"]);

    let table = t.ok(&["get"]);
    let rows: Vec<&str> = table.lines().collect();
    assert_eq!(rows.len(), 4, "{table}");
    assert!(
        rows[0].starts_with(" NAME                | STATUS | KEYS | EXPIRES | CREATED DATE"),
        "{table}"
    );
    assert!(
        rows[1].starts_with("---------------------+--------+------+---------+-"),
        "{table}"
    );
    assert!(
        rows[2].starts_with(" admin               | active | 1    | never   | "),
        "{table}"
    );
    assert!(
        rows[3].starts_with(" example-svc-account | active | 1    | never   | "),
        "{table}"
    );
    t.ok(&["get", "-o", "wide"]);
    t.ok(&["get", "-o", "name"]);
    t.ok(&["get", "-A"]);
    t.ok(&["describe", "example-svc-account"]);
    let admin = t.ok(&["describe", "admin"]);
    assert!(admin.contains("admin-all"), "{admin}");

    t.ok(&["policy", "get"]);
    t.ok(&["policy", "get", "-A", "-o", "wide"]);
    t.ok(&["policy", "get", "--global"]);
    t.ok(&["policy", "describe", "example-svc-policy"]);
    t.ok(&["policy", "describe", "admin-all", "--global"]);
    let jwks = t.ok(&["jwks", "example-svc-account"]);
    assert!(jwks.contains(&kid), "{jwks}");

    // Key rotation: a key from a file, a generated one, removal of the old one.
    t.remote.ok(["keygen", "-o", "k2.key", "--bits", "2048"]);
    t.share("k2.key");
    t.share("k2.key.pub");
    t.ok(&[
        "key",
        "add",
        "example-svc-account",
        "--public-key",
        "k2.key.pub",
    ]);
    let (code, _, err) = t.run_remote(&["key", "add", "example-svc-account", "--generate"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        run(
            &t.local,
            &["key", "add", "example-svc-account", "--generate"]
        )
        .0,
        0
    );
    t.learn_keys("example-svc-account");
    let list = t.ok(&["key", "list", "example-svc-account"]);
    assert_eq!(list.lines().count(), 5, "{list}");
    t.ok(&["describe", "example-svc-account"]);
    t.ok(&["key", "remove", "example-svc-account", &kid]);
    // The keystore's (generated) key now signs, and the server knows it.
    let token2 = t.remote.ok(["token", "example-svc-account"]);
    t.remote
        .cmd(t.remote_args(&["verify", token2.trim()]))
        .assert()
        .success();
    // The removed key's token no longer verifies.
    t.rejected(&token);

    // The short form: the private key stays in the client's keystore.
    let (code, out, err) = t.run_remote(&["create", "ci-bot"]);
    assert_eq!(
        (code, out.as_str()),
        (0, "Created service account: ci-bot\n")
    );
    assert!(
        err.starts_with("Private key kept in the keystore: "),
        "{err}"
    );
    assert!(
        t.remote
            .path(".local/share/svcacct/keys/default/ci-bot")
            .is_dir()
    );
    t.local.ok(["create", "ci-bot"]);
    t.learn_keys("ci-bot");
    let bot = t.remote.ok(["token", "ci-bot"]);
    t.remote
        .cmd(t.remote_args(&["verify", bot.trim()]))
        .assert()
        .success()
        .stdout(predicate::str::contains("Account:    ci-bot\n"));

    // Rename: the policy follows, old tokens stop verifying.
    let renamed = t.ok(&["rename", "example-svc-account", "renamed"]);
    assert_eq!(
        renamed,
        "Renamed service account: example-svc-account -> renamed\n\
         Updated policy example-svc-policy: subject example-svc-account -> renamed\n"
    );
    t.rejected(token2.trim());

    assert_eq!(
        t.ok(&["disable", "renamed"]),
        "Disabled service account: renamed\n"
    );
    let table = t.ok(&["get"]);
    assert!(
        table
            .lines()
            .any(|l| l.starts_with(" renamed ") && l.contains("| disabled | 2 ")),
        "{table}"
    );
    let token3 = t.remote.ok(["token", "renamed"]);
    let (code, _, err) = t.run_remote(&["verify", token3.trim()]);
    assert_eq!(code, 1, "{err}");
    assert_eq!(
        t.ok(&["enable", "renamed"]),
        "Enabled service account: renamed\n"
    );
    t.remote
        .cmd(t.remote_args(&["verify", token3.trim()]))
        .assert()
        .success();
    assert_eq!(
        t.ok(&[
            "update",
            "renamed",
            "--description",
            "builds the site",
            "--add-group",
            "builders,deployers",
            "--expires",
            "2030-01-01",
        ]),
        "Updated service account: renamed\n"
    );
    t.ok(&["update", "renamed", "--remove-group", "deployers"]);
    let wide = t.ok(&["get", "-o", "wide"]);
    assert!(wide.contains("| builders |"), "{wide}");
    assert!(wide.contains("Tue Jan  1 00:00:00 UTC 2030"), "{wide}");
    t.ok(&["describe", "renamed"]);
    t.ok(&[
        "policy",
        "update",
        "example-svc-policy",
        "--add-action",
        "get",
        "--description",
        "functions",
    ]);
    t.ok(&["policy", "describe", "example-svc-policy"]);
    t.ok(&["can-i", "get", "function", "--as", "renamed"]);

    // Namespaces: `eng/platform` is one path segment on the wire.
    t.ok(&["namespace", "create", "eng", "--no-defaults"]);
    t.ok(&["namespace", "create", "eng/platform", "--no-defaults"]);
    // One public key belongs to one account: the builder gets a key of its own.
    let builder_key = t.remote.distinct_public_keys("builder", 1).remove(0);
    t.share(&builder_key);
    t.ok(&[
        "create",
        "eng/platform/builder",
        "--public-key",
        &builder_key,
        "--group",
        "ci",
    ]);
    t.ok(&[
        "policy",
        "create",
        "builders",
        "-n",
        "eng",
        "--subject",
        "group:ci",
        "--action",
        "get,list",
        "--resource",
        "*",
    ]);
    t.ok(&["get", "-n", "eng/platform"]);
    t.ok(&["describe", "builder", "-n", "eng/platform"]);
    t.ok(&["get", "-A", "-o", "name"]);
    t.ok(&["policy", "get", "-A"]);
    t.ok(&[
        "can-i",
        "list",
        "widget",
        "--as",
        "eng/platform/builder",
        "-n",
        "eng/platform",
    ]);
    t.ok(&["jwks", "builder", "-n", "eng/platform"]);
    t.ok(&["jwks", "--issuer"]);

    // Errors read as they do locally, with the same exit codes.
    assert_eq!(t.both(&["get", "nope"]).0, 3);
    assert_eq!(t.both(&["describe", "nope"]).0, 3);
    assert_eq!(
        t.both(&["create", "renamed", "--public-key", "k2.key.pub"])
            .0,
        3
    );
    assert_eq!(t.both(&["rename", "renamed", "ci-bot"]).0, 3);
    assert_eq!(t.both(&["update", "nope", "--add-group", "x"]).0, 3);
    assert_eq!(t.both(&["key", "remove", "renamed", "no-such-kid"]).0, 3);
    // The last key: refused without --force, removed with it (each side has its own kid).
    let kid_of = |text: &str| json(text)["keys"][0]["kid"].as_str().unwrap().to_owned();
    let local_bot_kid = kid_of(&t.local.ok(["get", "ci-bot", "-o", "json"]));
    let bot_kid = kid_of(&t.run_remote(&["get", "ci-bot", "-o", "json"]).1);
    let (code, _, err) = t.both_each(
        &["key", "remove", "ci-bot", &local_bot_kid],
        &["key", "remove", "ci-bot", &bot_kid],
    );
    assert_eq!(code, 3, "{err}");
    let (code, _, err) = t.both_each(
        &["key", "remove", "ci-bot", &local_bot_kid, "--force"],
        &["key", "remove", "ci-bot", &bot_kid, "--force"],
    );
    assert_eq!(code, 0, "{err}");
    t.ok(&["get", "ci-bot"]);
    assert_eq!(
        t.both(&["create", "Bad_Name", "--public-key", "k2.key.pub"])
            .0,
        2
    );
    assert_eq!(t.both(&["policy", "get", "nope"]).0, 3);
    assert_eq!(
        t.both(&[
            "policy",
            "create",
            "example-svc-policy",
            "--subject",
            "x",
            "--action",
            "get",
            "--resource",
            "y"
        ])
        .0,
        3
    );

    // The folder behind the server holds exactly what the server answers.
    let srv = t.srv.to_str().unwrap().to_owned();
    for what in [
        vec!["get", "-A", "-o", "json"],
        vec!["policy", "get", "-A", "-o", "json"],
        vec!["get", "-A"],
    ] {
        let mut direct = vec!["--store", srv.as_str()];
        direct.extend_from_slice(&what);
        assert_eq!(
            t.remote.ok(&direct),
            t.run_remote(&what).1,
            "`svcacct {}` on the folder and through the server",
            what.join(" ")
        );
    }
    for what in [&["jwks", "renamed"][..], &["jwks", "--issuer"][..]] {
        let mut direct = vec!["--store", srv.as_str()];
        direct.extend_from_slice(what);
        assert_eq!(
            t.remote.ok(t.remote_args(what)),
            t.remote.ok(&direct),
            "`svcacct {}` on the folder and through the server",
            what.join(" ")
        );
    }

    // Deletions, also of the client's keystore keys.
    let (code, out, _) = t.both(&["delete", "renamed", "ci-bot"]);
    assert_eq!(
        (code, out.as_str()),
        (
            0,
            "Deleted service account: renamed\nDeleted service account: ci-bot\n"
        )
    );
    assert!(
        !t.remote
            .path(".local/share/svcacct/keys/default/ci-bot")
            .exists()
    );
    assert_eq!(
        t.ok(&["policy", "delete", "example-svc-policy"]),
        "Deleted policy: example-svc-policy\n"
    );
    t.ok(&["policy", "delete", "builders", "-n", "eng"]);
    t.ok(&["delete", "eng/platform/builder"]);
    assert_eq!(t.ok(&["get", "-A", "-o", "name"]), "admin\n");
    assert_eq!(
        t.remote
            .ok(["--store", srv.as_str(), "get", "-A", "-o", "name"]),
        "admin\n"
    );
    t.ok(&["policy", "get"]);

    // The access log names the account and never holds a token.
    let log = t.server.log();
    assert!(
        log.contains(" POST /v1/namespaces/default/serviceaccounts 201 admin "),
        "{log}"
    );
    assert!(
        log.contains(" GET /v1/namespaces/eng%2Fplatform/serviceaccounts "),
        "{log}"
    );
    assert!(!log.contains("eyJ"), "a token in the access log:\n{log}");
}

#[test]
fn a_read_only_account_can_get_but_not_create() {
    let env = Env::new();
    let srv = env.path("srv");
    env.bootstrap(&srv);
    let s = srv.to_str().unwrap();
    env.ok(["--store", s, "create", "ro"]);
    env.ok([
        "--store",
        s,
        "policy",
        "create",
        "ro-read",
        "--subject",
        "ro",
        "--action",
        "get,list",
        "--resource",
        "serviceaccount",
    ]);
    env.ok(["keygen", "-o", "k.key", "--bits", "2048"]);
    let server = env.serve(&srv, &[]);
    let before = env.ok(["--store", s, "get", "-A", "-o", "json"]);

    assert_eq!(
        env.ok(as_account(&server, "ro", &["get", "-o", "name"])),
        "admin\nro\n"
    );
    env.ok(as_account(&server, "ro", &["get", "admin", "-o", "json"]));

    let forbidden = "svcacct: service account `ro` may not create serviceaccount in namespace \
                     `default`: no policy allows it\n";
    env.cmd(as_account(
        &server,
        "ro",
        &["create", "intruder", "--public-key", "k.key.pub"],
    ))
    .assert()
    .code(3)
    .stdout("")
    .stderr(forbidden);
    // Also when the key would be generated: nothing is kept for it.
    env.cmd(as_account(&server, "ro", &["create", "intruder2"]))
        .assert()
        .code(3)
        .stdout("")
        .stderr(predicate::str::contains(
            "may not create serviceaccount in namespace `default`",
        ));
    assert!(
        !env.path(".local/share/svcacct/keys/default/intruder2")
            .exists()
    );
    // Other refusals name their action and resource too.
    env.cmd(as_account(&server, "ro", &["policy", "get"]))
        .assert()
        .code(3)
        .stderr(predicate::str::contains("may not list policy"));
    env.cmd(as_account(&server, "ro", &["delete", "admin"]))
        .assert()
        .code(3)
        .stderr(predicate::str::contains("may not delete serviceaccount"));
    // A list across namespaces needs a global policy.
    env.cmd(as_account(&server, "ro", &["get", "-A"]))
        .assert()
        .code(3)
        .stderr(predicate::str::contains(
            "may not list serviceaccount globally",
        ));

    // Nothing was created or changed.
    assert_eq!(env.ok(["--store", s, "get", "-A", "-o", "json"]), before);
    assert!(server.wait_log(" 403 ro ", 5), "{}", server.log());
}

/// `svcacct` processes with the environment of `env` plus `extra`, all started at once; each
/// runs the shell script `script` (with `$SVCACCT` the binary) and must succeed.
fn spawn_scripts(env: &Env, extra: &[(&str, &str)], scripts: Vec<String>) {
    let bin = assert_cmd::cargo::cargo_bin("svcacct");
    let children: Vec<_> = scripts
        .into_iter()
        .map(|script| {
            Command::new("sh")
                .arg("-c")
                .arg(script)
                .env_clear()
                .env("HOME", env.home.path())
                .env("PATH", std::env::var_os("PATH").unwrap_or_default())
                .env("TZ", "UTC")
                .env("SVCACCT", &bin)
                .envs(extra.iter().copied())
                .current_dir(env.home.path())
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
fn eight_clients_times_fifty_creates_leave_four_hundred_accounts() {
    let env = Env::new();
    let (srv, server) = served(&env);
    // One public key belongs to one account: `k-N.pub` for the N-th.
    env.distinct_public_keys("k", 400);
    let scripts = (0..8)
        .map(|n| {
            format!(
                "for i in $(seq 1 50); do \
                   \"$SVCACCT\" create p{n}-$i --public-key k-$(({n} * 50 + i - 1)).pub || exit 1; \
                 done"
            )
        })
        .collect();
    let started = Instant::now();
    spawn_scripts(
        &env,
        &[
            ("SVCACCT_STORE", &server.url),
            ("SVCACCT_SERVICE_ACCOUNT", "admin"),
        ],
        scripts,
    );
    eprintln!("400 remote creates: {:?}", started.elapsed());

    let mut expected: Vec<String> = (0..8)
        .flat_map(|n| (1..=50).map(move |i| format!("p{n}-{i}")))
        .collect();
    expected.push("admin".into());
    expected.sort();
    let remote = env.ok(as_account(&server, "admin", &["get", "-A", "-o", "name"]));
    assert_eq!(sorted_lines(&remote), expected);
    let folder = env.ok(["--store", srv.to_str().unwrap(), "get", "-A", "-o", "name"]);
    assert_eq!(sorted_lines(&folder), expected);
    // No temporary files left behind.
    for path in files_under(&srv) {
        assert!(
            !path.to_string_lossy().contains(".tmp-"),
            "{}",
            path.display()
        );
    }
    // One access-log line per create.
    let deadline = Instant::now() + Duration::from_secs(5);
    while server.log().matches(" 201 admin ").count() < 400 && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
    }
    assert_eq!(server.log().matches(" 201 admin ").count(), 400);
}

fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut v = vec![];
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            v.extend(files_under(&p));
        } else {
            v.push(p);
        }
    }
    v
}

#[test]
fn racing_updates_are_all_kept_and_a_stale_write_is_refused() {
    let env = Env::new();
    let (srv, server) = served(&env);
    env.ok(["keygen", "-o", "k.key", "--bits", "2048"]);
    env.ok(as_account(
        &server,
        "admin",
        &["create", "shared", "--public-key", "k.key.pub"],
    ));
    let n = 8;
    let scripts = (0..n)
        .map(|i| format!("\"$SVCACCT\" update shared --add-group g{i}"))
        .collect();
    spawn_scripts(
        &env,
        &[
            ("SVCACCT_STORE", &server.url),
            ("SVCACCT_SERVICE_ACCOUNT", "admin"),
        ],
        scripts,
    );
    let v = json(&env.ok(as_account(
        &server,
        "admin",
        &["get", "shared", "-o", "json"],
    )));
    let mut groups: Vec<String> = v["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g.as_str().unwrap().to_owned())
        .collect();
    groups.sort();
    let mut expected: Vec<String> = (0..n).map(|i| format!("g{i}")).collect();
    expected.sort();
    assert_eq!(groups, expected, "a lost write");
    assert_eq!(v["revision"], 1 + n, "one revision per write");

    // A raw PUT naming an old revision is a 409 `conflict`, and writes nothing.
    let token = env.ok(["token", "admin"]);
    let uid = v["uid"].as_str().unwrap();
    let url = format!(
        "{}/v1/namespaces/default/serviceaccounts/shared",
        server.url
    );
    let put = |if_match: &str| {
        let out = Command::new("curl")
            .args([
                "-sS",
                "-X",
                "PUT",
                "-o",
                "-",
                "-w",
                "\n%{http_code} %{content_type}",
            ])
            .arg("-H")
            .arg(format!("Authorization: Bearer {}", token.trim()))
            .args(["-H", "Content-Type: application/json"])
            .arg("-H")
            .arg(format!("If-Match: {if_match}"))
            .arg("--data")
            .arg(format!(r#"{{"uid":"{uid}","groups":["overwritten"]}}"#))
            .arg(&url)
            .output()
            .expect("curl is installed");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let text = String::from_utf8(out.stdout).unwrap();
        let (body, status) = text.rsplit_once('\n').unwrap();
        (status.to_owned(), body.to_owned())
    };
    let (status, body) = put("\"1\"");
    assert_eq!(status, "409 application/problem+json", "{body}");
    let problem = json(&body);
    assert_eq!(problem["code"], "conflict", "{body}");
    assert_eq!(problem["status"], 409, "{body}");
    let after = json(&env.ok(as_account(
        &server,
        "admin",
        &["get", "shared", "-o", "json"],
    )));
    assert_eq!(after, v, "a refused PUT changed the account");
    assert_eq!(
        json(&env.ok([
            "--store",
            srv.to_str().unwrap(),
            "get",
            "shared",
            "-o",
            "json"
        ])),
        v
    );
    // With the current revision it goes through, and the next revision is the ETag.
    let (status, body) = put(&format!("\"{}\"", 1 + n));
    assert!(
        status.starts_with("200 application/json"),
        "{status}: {body}"
    );
    let put_answer = json(&body);
    assert_eq!(put_answer["revision"], 2 + n, "{body}");
    assert_eq!(put_answer["groups"], serde_json::json!(["overwritten"]));
    // And the one it replaced is now stale.
    let (status, _) = put(&format!("\"{}\"", 1 + n));
    assert!(status.starts_with("409 "), "{status}");
}

#[test]
fn credentials_token_file_env_missing_wrong_and_unreachable() {
    let env = Env::new();
    let (srv, server) = served(&env);
    let s = srv.to_str().unwrap();
    env.ok(["keygen", "-o", "other.key", "--bits", "2048"]);
    env.ok([
        "--store",
        s,
        "create",
        "other",
        "--public-key",
        "other.key.pub",
    ]);
    let url = server.url.as_str();

    // A ready token, from a file or from SVCACCT_TOKEN: no --service-account needed.
    let token = env.ok(["token", "admin"]);
    std::fs::write(env.path("admin.jwt"), &token).unwrap();
    assert_eq!(
        env.ok([
            "--store",
            url,
            "--token-file",
            "admin.jwt",
            "get",
            "-o",
            "name"
        ]),
        "admin\nother\n"
    );
    env.cmd(["--store", url, "get", "-o", "name"])
        .env("SVCACCT_TOKEN", token.trim())
        .assert()
        .success()
        .stdout("admin\nother\n");
    // The token file wins over --service-account (and no signing key is needed for it).
    env.cmd([
        "--store",
        url,
        "--token-file",
        "admin.jwt",
        "--service-account",
        "nobody",
        "whoami",
    ])
    .assert()
    .success()
    .stdout(predicate::str::contains("admin"));

    // No credentials at all: say which flag to give.
    let out = env.cmd(["--store", url, "get"]).output().unwrap();
    let code = out.status.code().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(code == 2 || code == 3, "exit {code}: {err}");
    assert!(err.contains("--service-account"), "{err}");
    assert!(out.stdout.is_empty());

    // Another account's key: 401, and it reads like an unknown account.
    let wrong = env
        .cmd([
            "--store",
            url,
            "--service-account",
            "admin",
            "--jwt-private-key",
            "other.key",
            "get",
        ])
        .output()
        .unwrap();
    let wrong_err = String::from_utf8(wrong.stderr).unwrap();
    assert_eq!(wrong.status.code(), Some(3), "{wrong_err}");
    assert!(
        wrong_err.starts_with(&format!(
            "svcacct: the server at {url} did not accept the credentials: "
        )),
        "{wrong_err}"
    );
    assert!(
        !wrong_err.contains("eyJ"),
        "a token in the message: {wrong_err}"
    );
    let ghost = env
        .cmd([
            "--store",
            url,
            "--service-account",
            "ghost",
            "--jwt-private-key",
            "other.key",
            "get",
        ])
        .output()
        .unwrap();
    let ghost_err = String::from_utf8(ghost.stderr).unwrap();
    assert_eq!(ghost.status.code(), Some(3), "{ghost_err}");
    assert_eq!(
        ghost_err.replace("ghost", "admin"),
        wrong_err,
        "a 401 must not tell an unknown account from a wrong key"
    );
    // A token file holding garbage: 401 too.
    std::fs::write(env.path("bad.jwt"), "not.a.token\n").unwrap();
    env.cmd(["--store", url, "--token-file", "bad.jwt", "get"])
        .assert()
        .code(3)
        .stderr(predicate::str::contains("did not accept the credentials"));
    // A token of a disabled account (the cache must not keep it alive).
    env.ok(["--store", s, "disable", "other"]);
    env.cmd([
        "--store",
        url,
        "--service-account",
        "other",
        "--jwt-private-key",
        "other.key",
        "get",
    ])
    .assert()
    .code(3)
    .stderr(predicate::str::contains("did not accept the credentials"));

    // Nobody listening: a quick, clear failure.
    let closed = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let closed_url = format!("http://127.0.0.1:{closed}");
    let started = Instant::now();
    env.cmd(["--store", &closed_url, "--service-account", "admin", "get"])
        .assert()
        .code(3)
        .stdout("")
        .stderr(predicate::str::starts_with(format!(
            "svcacct: cannot reach the svcacct server at {closed_url}"
        )));
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "took {:?}",
        started.elapsed()
    );
}

/// The admin's kid and fingerprint, from the folder.
fn admin_key(env: &Env, srv: &Path) -> (String, String) {
    let v = json(&env.ok([
        "--store",
        srv.to_str().unwrap(),
        "get",
        "admin",
        "-o",
        "json",
    ]));
    (
        v["keys"][0]["kid"].as_str().unwrap().to_owned(),
        v["keys"][0]["fingerprint"].as_str().unwrap().to_owned(),
    )
}

#[test]
fn contexts_and_whoami() {
    let env = Env::new();
    let (srv, server) = served(&env);
    let url = server.url.as_str();
    let laptop = env.path("laptop");
    let laptop = laptop.to_str().unwrap();
    env.ok(["--store", laptop, "create", "local-only"]);
    let (kid, fingerprint) = admin_key(&env, &srv);

    env.ok([
        "config",
        "set-context",
        "remote",
        "--store",
        url,
        "--service-account",
        "admin",
        "--current",
    ]);
    env.ok(["config", "set-context", "laptop", "--store", laptop]);
    assert_eq!(env.ok(["config", "current-context"]), "remote\n");
    let contexts = env.ok(["config", "get-contexts"]);
    assert!(contexts.contains("remote"), "{contexts}");
    assert!(contexts.contains("laptop"), "{contexts}");
    let view = env.ok(["config", "view"]);
    assert!(view.contains(url), "{view}");

    // The current context: the server.
    assert_eq!(env.ok(["get", "-o", "name"]), "admin\n");
    // Flags, the environment and --context beat it.
    assert_eq!(
        env.ok(["--store", laptop, "get", "-o", "name"]),
        "local-only\n"
    );
    env.cmd(["get", "-o", "name"])
        .env("SVCACCT_STORE", laptop)
        .assert()
        .success()
        .stdout("local-only\n");
    assert_eq!(
        env.ok(["--context", "laptop", "get", "-o", "name"]),
        "local-only\n"
    );
    env.cmd(["get", "-o", "name"])
        .env("SVCACCT_CONTEXT", "laptop")
        .assert()
        .success()
        .stdout("local-only\n");
    // A flag beats the context's account: an unknown one is refused by the server.
    env.cmd(["--service-account", "local-only", "get"])
        .assert()
        .code(3);
    env.ok(["config", "use-context", "laptop"]);
    assert_eq!(env.ok(["get", "-o", "name"]), "local-only\n");
    assert_eq!(
        env.ok(["--context", "remote", "get", "-o", "name"]),
        "admin\n"
    );
    env.ok(["config", "use-context", "remote"]);

    // A context with a namespace.
    env.ok(["keygen", "-o", "k.key", "--bits", "2048"]);
    env.ok([
        "config",
        "set-context",
        "eng",
        "--store",
        url,
        "--service-account",
        "admin",
        "-n",
        "eng",
    ]);
    env.ok([
        "--context",
        "eng",
        "namespace",
        "create",
        "eng",
        "--no-defaults",
    ]);
    let builder_key = env.distinct_public_keys("builder", 1).remove(0);
    env.ok([
        "--context",
        "eng",
        "create",
        "builder",
        "--public-key",
        &builder_key,
    ]);
    assert_eq!(env.ok(["get", "-A", "-o", "name"]), "admin\neng/builder\n");

    // whoami: who the server thinks we are.
    let who = env.ok(["whoami"]);
    let field = |name: &str| -> String {
        who.lines()
            .find_map(|l| l.strip_prefix(&format!("{name}:")))
            .unwrap_or_else(|| panic!("no `{name}:` line in:\n{who}"))
            .trim()
            .to_owned()
    };
    assert_eq!(field("Account"), "admin");
    assert_eq!(field("Username"), "system:serviceaccount:default:admin");
    assert!(
        field("Groups").contains("system:serviceaccounts:default"),
        "{who}"
    );
    assert!(field("Key").contains(&kid), "{who}");

    let v = json(&env.ok(["whoami", "-o", "json"]));
    assert_eq!(v["account"], "admin");
    assert_eq!(v["namespace"], "default");
    assert_eq!(v["name"], "admin");
    assert_eq!(v["username"], "system:serviceaccount:default:admin");
    assert_eq!(
        v["groups"],
        serde_json::json!(["system:serviceaccounts", "system:serviceaccounts:default"])
    );
    assert_eq!(v["kid"], kid.as_str());
    assert_eq!(v["fingerprint"], fingerprint.as_str());
    assert_eq!(v["algorithm"], "RS256");
    for t in ["issuedAt", "expiresAt"] {
        let s = v[t].as_str().unwrap_or_else(|| panic!("{t} in {v}"));
        assert!(s.ends_with('Z') && s.contains('T'), "{t}: {s}");
    }
    // Through another account, with its key from a file and a namespace.
    env.ok([
        "--store",
        srv.to_str().unwrap(),
        "create",
        "eng/viewer",
        "--public-key",
        "k.key.pub",
        "--group",
        "viewers",
    ]);
    let v = json(&env.ok([
        "--service-account",
        "eng/viewer",
        "--jwt-private-key",
        "k.key",
        "whoami",
        "-o",
        "json",
    ]));
    assert_eq!(v["account"], "eng/viewer");
    assert_eq!(v["namespace"], "eng");
    assert_eq!(v["username"], "system:serviceaccount:eng:viewer");
    assert!(
        v["groups"]
            .as_array()
            .unwrap()
            .contains(&serde_json::json!("viewers")),
        "{v}"
    );
    // The token file of a context.
    let token = env.ok(["token", "admin"]);
    std::fs::write(env.path("admin.jwt"), &token).unwrap();
    env.ok([
        "config",
        "set-context",
        "by-token",
        "--store",
        url,
        "--token-file",
        "admin.jwt",
    ]);
    env.cmd(["--context", "by-token", "whoami", "-o", "json"])
        .assert()
        .success()
        .stdout(predicate::str::contains("\"account\": \"admin\""));
}

#[test]
fn plain_http_to_another_host_is_refused_before_any_connection() {
    let env = Env::new();
    for url in ["http://192.0.2.1:8420", "http://example.invalid:8420"] {
        let started = Instant::now();
        env.cmd(["--store", url, "--service-account", "admin", "get"])
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicate::str::contains("https"));
        assert!(
            started.elapsed() < Duration::from_secs(3),
            "{url}: took {:?}, as if it had tried to connect",
            started.elapsed()
        );
    }
    // Also from a context (refused when it is set, or when it is used).
    let set = env
        .cmd([
            "config",
            "set-context",
            "far",
            "--store",
            "http://192.0.2.1:8420",
            "--service-account",
            "admin",
            "--current",
        ])
        .output()
        .unwrap();
    if set.status.success() {
        let started = Instant::now();
        env.cmd(["get"])
            .assert()
            .code(2)
            .stderr(predicate::str::contains("https"));
        assert!(started.elapsed() < Duration::from_secs(3));
    } else {
        assert_eq!(set.status.code(), Some(2));
    }
}

#[test]
fn the_normalizer_hides_dates_uids_and_relative_times() {
    assert_eq!(
        normalize_dates(
            " x | Sun Nov 22 09:03:23 UTC 2026 | Tue Jan  1 00:00:00 UTC 2030\n\
             Expires:    Sun Nov 22 09:13:24 UTC 2026 (in 9m 59s)\n\
             UID:          010347ec\n"
        ),
        " x | <DATE> | <DATE>\nExpires:    <DATE>\nUID: <UID>\n"
    );
}

/// An operator trusted with the service accounts of one namespace cannot reach beyond it: not by
/// giving itself a group that a global policy names, and not by renaming an account away so
/// that a new account under the old name inherits its global grants.
#[test]
fn a_namespace_operator_cannot_escalate() {
    let env = Env::new();
    let srv = env.path("srv");
    env.bootstrap(&srv);
    let s = srv.to_str().unwrap();
    env.ok(["--store", s, "namespace", "create", "eng", "--no-defaults"]);
    env.ok(["--store", s, "-n", "eng", "create", "op"]);
    env.ok(["--store", s, "-n", "eng", "create", "deployer"]);
    let policy = |args: &[&str]| {
        let mut v = vec!["--store", s, "policy", "create"];
        v.extend_from_slice(args);
        env.ok(v);
    };
    policy(&[
        "eng-ops",
        "-n",
        "eng",
        "--subject",
        "op",
        "--action",
        "create,update,get,list",
        "--resource",
        "serviceaccount",
    ]);
    policy(&[
        "platform-admins",
        "--global",
        "--subject",
        "group:platform-admins",
        "--action",
        "*",
        "--resource",
        "*",
    ]);
    policy(&[
        "deployer-global",
        "--global",
        "--subject",
        "eng/deployer",
        "--action",
        "list",
        "--resource",
        "serviceaccount",
    ]);
    env.ok(["keygen", "-o", "k.key", "--bits", "2048"]);
    let server = env.serve(&srv, &[]);
    let op = |args: &[&str]| {
        let mut v = vec!["-n", "eng"];
        v.extend_from_slice(args);
        env.cmd(as_account(&server, "eng/op", &v)).assert()
    };
    let before = env.ok(["--store", s, "get", "-A", "-o", "json"]);

    // Groups: refused on update and on create, with the grant it lacks named.
    let needs_group = "svcacct: service account `eng/op` may not update group globally: \
                       no policy allows it\n";
    op(&["update", "op", "--add-group", "platform-admins"])
        .code(3)
        .stderr(needs_group);
    op(&[
        "create",
        "sidekick",
        "--public-key",
        "k.key.pub",
        "--group",
        "platform-admins",
    ])
    .code(3)
    .stderr(needs_group);
    assert_eq!(env.ok(["--store", s, "get", "-A", "-o", "json"]), before);
    // What it may do, it still does: removing a group takes nothing, and no group is fine.
    op(&[
        "update",
        "op",
        "--description",
        "ops",
        "--remove-group",
        "x",
    ])
    .code(0);

    // Rename: the global grant moves with the account, on the server, although `eng/op` may
    // not touch policies; a new `eng/deployer` gets nothing.
    op(&["rename", "deployer", "deployer-old"]).code(0).stdout(
        "Renamed service account: eng/deployer -> eng/deployer-old\n\
             Updated policy deployer-global: subject eng/deployer -> eng/deployer-old\n",
    );
    let subjects = json(&env.ok([
        "--store",
        s,
        "policy",
        "get",
        "deployer-global",
        "--global",
        "-o",
        "json",
    ]));
    assert_eq!(
        subjects["subjects"],
        serde_json::json!(["eng/deployer-old"])
    );
    op(&["create", "deployer", "--public-key", "k.key.pub"]).code(0);
    env.cmd(as_account(
        &server,
        "eng/deployer",
        &["--jwt-private-key", "k.key", "get", "-A"],
    ))
    .assert()
    .code(3)
    .stderr(predicate::str::contains(
        "may not list serviceaccount globally",
    ));

    // Acting as an account that a broader policy names needs the grant there too: keys and
    // tokens for it, or creating an account under a name such a policy waits for.
    env.ok(as_account(
        &server,
        "admin",
        &[
            "policy",
            "create",
            "eng-creds",
            "-n",
            "eng",
            "--subject",
            "op",
            "--action",
            "create",
            "--resource",
            "key,token",
        ],
    ));
    env.ok(as_account(
        &server,
        "admin",
        &[
            "policy",
            "create",
            "ghost",
            "--global",
            "--subject",
            "eng/ghost",
            "--action",
            "get",
            "--resource",
            "serviceaccount",
        ],
    ));
    let before = env.ok(["--store", s, "get", "-A", "-o", "json"]);
    // `eng/op` may not read the global policies: the refusal does not name them
    // (tests/authz_disclosure.rs has a caller that may).
    let borrowed = |what: &str, who: &str, advice: &str| {
        format!(
            "svcacct: service account `eng/op` may not act as `eng/{who}` to {what}: a policy \
             outside your reach names `eng/{who}`, and acting as it needs that policy's grant \
             too ({advice})\n"
        )
    };
    let ask = "ask an administrator who may read the policies that name it";
    let rename_or_ask =
        "choose another name, or ask an administrator who may read the policies that name it";
    op(&["key", "add", "deployer-old", "--public-key", "k.key.pub"])
        .code(3)
        .stderr(borrowed("create key", "deployer-old", ask));
    op(&["tokens", "create", "deployer-old", "mine"])
        .code(3)
        .stderr(borrowed("create token", "deployer-old", ask));
    op(&["create", "ghost", "--public-key", "k.key.pub"])
        .code(3)
        .stderr(borrowed("create serviceaccount", "ghost", rename_or_ask));
    op(&["rename", "deployer", "ghost"])
        .code(3)
        .stderr(borrowed("update serviceaccount", "ghost", rename_or_ask));
    assert_eq!(env.ok(["--store", s, "get", "-A", "-o", "json"]), before);
    assert!(
        !srv.join("tokens")
            .join("eng")
            .join("deployer-old.toml")
            .exists(),
        "no token record was written"
    );
    // An account that only its namespace's policies name is the owner's to act as.
    env.ok(["keygen", "-o", "k2.key", "--bits", "2048"]);
    op(&["key", "add", "deployer", "--public-key", "k2.key.pub"]).code(0);
    op(&["tokens", "create", "deployer", "ci"]).code(0);
}

/// The bearer token of a plain-http loopback store never goes through a proxy from the
/// environment (it would cross the network in clear text, and reach the proxy's loopback).
#[test]
fn a_loopback_store_ignores_proxy_settings() {
    let env = Env::new();
    let (_srv, server) = served(&env);
    for var in [
        "HTTP_PROXY",
        "http_proxy",
        "HTTPS_PROXY",
        "https_proxy",
        "ALL_PROXY",
    ] {
        env.cmd(as_account(&server, "admin", &["get", "-o", "name"]))
            .env(var, "http://192.0.2.1:3128")
            .timeout(Duration::from_secs(20))
            .assert()
            .code(0)
            .stdout("admin\n");
    }
}

/// The CLI on the folder and the server on the same folder write at the same time: the store's
/// lock keeps every write, whichever side made it.
#[test]
fn the_cli_and_the_server_share_one_folder_safely() {
    let env = Env::new();
    let (srv, server) = served(&env);
    env.ok(["keygen", "-o", "k.key", "--bits", "2048"]);
    env.distinct_public_keys("w", 80);
    let s = srv.to_str().unwrap();
    // Four writers through the server and four on the folder, each adding its group to one
    // account and creating accounts of its own.
    env.ok([
        "--store",
        s,
        "create",
        "shared",
        "--public-key",
        "k.key.pub",
    ]);
    let script = |n: usize, store: &str| {
        format!(
            "\"$SVCACCT\" --store {store} update shared --add-group g{n} || exit 1; \
             for i in $(seq 1 10); do \
               \"$SVCACCT\" --store {store} create w{n}-$i --public-key w-$(({n} * 10 + i - 1)).pub || exit 1; \
             done"
        )
    };
    let scripts = (0..8)
        .map(|n| script(n, if n % 2 == 0 { &server.url } else { s }))
        .collect();
    spawn_scripts(&env, &[("SVCACCT_SERVICE_ACCOUNT", "admin")], scripts);

    let shared = json(&env.ok(["--store", s, "get", "shared", "-o", "json"]));
    assert_eq!(shared["revision"], 9, "{shared}");
    let mut groups: Vec<String> = shared["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g.as_str().unwrap().to_owned())
        .collect();
    groups.sort();
    assert_eq!(groups, (0..8).map(|n| format!("g{n}")).collect::<Vec<_>>());
    let names = env.ok(as_account(&server, "admin", &["get", "-o", "name"]));
    assert_eq!(names.lines().filter(|l| l.starts_with('w')).count(), 80);
}
