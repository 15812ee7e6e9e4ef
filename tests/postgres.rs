//! The PostgreSQL store through the real binary: `store migrate`, schemas too old and too new,
//! the README walkthrough on `--store postgres://…`, two `serve` replicas on one database, the
//! key-encryption key, and passwords that never show.
//!
//! The cluster is `SVCACCT_TEST_DATABASE_URL`'s (scripts/test starts one); each test makes a
//! database of its own. Without it a test fails under CI and is skipped loudly otherwise.

mod common;

use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::Command;

use common::{Env, Server, curl};
use predicates::prelude::*;
use serde_json::Value;

/// A database made for one test (dropped with it), and its store URL.
struct Db {
    url: String,
    base: String,
    name: String,
}

impl Drop for Db {
    fn drop(&mut self) {
        if let Some(mut c) = admin(&self.base) {
            let _ = c.batch_execute(&format!(
                "DROP DATABASE IF EXISTS {} WITH (FORCE)",
                self.name
            ));
        }
    }
}

fn admin(url: &str) -> Option<postgres::Client> {
    postgres::Client::connect(url, postgres::NoTls).ok()
}

/// `url` with its database replaced by `db`.
fn with_database(url: &str, db: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((b, q)) => (b, format!("?{q}")),
        None => (url, String::new()),
    };
    let after_scheme = base.find("://").map_or(0, |i| i + 3);
    let end = base[after_scheme..]
        .find('/')
        .map_or(base.len(), |i| after_scheme + i);
    format!("{}/{db}{query}", &base[..end])
}

/// A new, empty database, or `None` (the test is skipped) when there is no cluster.
fn database() -> Option<Db> {
    let Ok(base) = std::env::var("SVCACCT_TEST_DATABASE_URL") else {
        assert!(
            std::env::var_os("CI").is_none(),
            "SVCACCT_TEST_DATABASE_URL is not set under CI: the PostgreSQL tests must run \
             (scripts/test starts a throw-away cluster when PostgreSQL is installed)"
        );
        std::io::Write::write_all(
            &mut std::io::stderr(),
            b"\n*** SKIPPED: a PostgreSQL test, since SVCACCT_TEST_DATABASE_URL is not set \
              (scripts/test sets it when PostgreSQL's initdb is installed) ***\n\n",
        )
        .unwrap();
        return None;
    };
    let name = format!(
        "svcacct_bin_{}_{}",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos()
    );
    admin(&base)
        .expect("connect to SVCACCT_TEST_DATABASE_URL")
        .batch_execute(&format!("CREATE DATABASE {name}"))
        .unwrap();
    Some(Db {
        url: with_database(&base, &name),
        base,
        name,
    })
}

/// A database with svcacct's schema.
fn migrated(env: &Env) -> Option<Db> {
    let db = database()?;
    env.ok(["--store", &db.url, "store", "migrate"]);
    Some(db)
}

/// A 0600 key-encryption key file in the test's HOME.
fn kek_file(env: &Env, name: &str, byte: char) -> String {
    let path = env.path(name);
    std::fs::write(&path, format!("{}\n", byte.to_string().repeat(64))).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
    path.to_str().unwrap().to_owned()
}

fn json(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("{e}: {text}"))
}

fn whoami(server: &Server, token: &str) -> (u16, String) {
    curl(&[
        "-H",
        &format!("Authorization: Bearer {token}"),
        &server.at("/v1/whoami"),
    ])
}

/// `whoami` on `server` once its answer is (`accepted`) or is not 200: another replica's write
/// reaches it with the database's notification, which may come a few milliseconds after the
/// writer's answer. Asks at most 500 times, 10 ms apart.
fn whoami_once(server: &Server, token: &str, accepted: bool) -> (u16, String) {
    for _ in 0..500 {
        let answer = whoami(server, token);
        if (answer.0 == 200) == accepted {
            return answer;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    whoami(server, token)
}

#[test]
fn migrate_creates_the_schema_once_and_an_unmigrated_store_says_what_to_do() {
    let env = Env::new();
    let Some(db) = database() else { return };
    env.cmd(["--store", &db.url, "get"])
        .assert()
        .code(3)
        .stdout("")
        .stderr(format!(
            "svcacct: the database at {0} has no svcacct schema; this svcacct needs version 2: \
             run `svcacct --store {0} store migrate`\n",
            db.url
        ));
    env.cmd(["--store", &db.url, "store", "migrate"])
        .assert()
        .success()
        .stdout(format!("schema of {} created at version 2\n", db.url));
    env.cmd(["--store", &db.url, "store", "migrate"])
        .assert()
        .success()
        .stdout(format!(
            "schema of {} is at version 2: nothing to do\n",
            db.url
        ));
    env.cmd(["--store", &db.url, "get"])
        .assert()
        .success()
        .stdout("")
        .stderr("No service accounts in namespace `default`.\n");

    // A schema from a newer svcacct: refused by commands, `serve` and `store migrate`.
    admin(&db.url)
        .unwrap()
        .batch_execute(
            "INSERT INTO refinery_schema_history (version, name, applied_on, checksum) \
             VALUES (3, 'from-the-future', '', '0')",
        )
        .unwrap();
    let newer = format!(
        "svcacct: the database at {} has schema version 3, newer than this svcacct knows (2): \
         upgrade svcacct\n",
        db.url
    );
    env.cmd(["--store", &db.url, "get"])
        .assert()
        .code(3)
        .stderr(newer.clone());
    env.cmd(["--store", &db.url, "serve", "--listen", "127.0.0.1:0"])
        .assert()
        .code(3)
        .stderr(newer.clone());
    env.cmd(["--store", &db.url, "store", "migrate"])
        .assert()
        .code(3)
        .stderr(newer);

    // `store migrate` is for PostgreSQL.
    env.cmd(["--store", "folder", "store", "migrate"])
        .assert()
        .code(2)
        .stderr(
            "svcacct: `store migrate` is for a PostgreSQL store (--store postgres://…); folder \
             needs none\n",
        );
}

/// A database at schema version 1 (before `account_keys`, issue 14) that holds accounts
/// migrates to 2: the keys of the accounts stored before are found, so another account's
/// create or key add with one of them is refused. A migration left half-way (migration 2
/// applied, its Rust step not made) is refused until `store migrate` finishes it.
#[test]
fn a_store_migrated_from_version_1_still_refuses_a_taken_key() {
    let env = Env::new();
    let Some(db) = migrated(&env) else { return };
    let store = db.url.as_str();
    let keys = throwaway_public_keys(2);
    std::fs::write(env.path("held.pub"), &keys[0]).unwrap();
    std::fs::write(env.path("free.pub"), &keys[1]).unwrap();
    env.ok(["--store", store, "namespace", "create", "team"]);
    env.ok([
        "--store",
        store,
        "create",
        "team/holder",
        "--public-key",
        "held.pub",
    ]);
    let kid = env
        .ok(["--store", store, "key", "list", "team/holder", "-o", "name"])
        .trim()
        .to_owned();
    let refused = format!(
        "svcacct: public key `{kid}` (or another with its RSA modulus) is already registered to \
         service account `team/holder`: one key pair belongs to one account, or each could sign \
         as the other; give this account a key pair of its own (`svcacct keygen`, or \
         `--generate`)\n"
    );
    let mut c = admin(store).unwrap();
    // Back to version 1 with its accounts: migration 2's tables and history row go.
    c.batch_execute(
        "DROP TABLE account_keys, account_keys_backfill; \
         DELETE FROM refinery_schema_history WHERE version = 2",
    )
    .unwrap();
    env.cmd(["--store", store, "get"])
        .assert()
        .code(3)
        .stderr(format!(
            "svcacct: the database at {store} has schema version 1; this svcacct needs version \
             2: run `svcacct --store {store} store migrate`\n"
        ));
    env.cmd(["--store", store, "store", "migrate"])
        .assert()
        .success()
        .stdout(format!("schema of {store} migrated from version 1 to 2\n"));
    env.cmd([
        "--store",
        store,
        "create",
        "copier",
        "--public-key",
        "held.pub",
    ])
    .assert()
    .code(3)
    .stdout("")
    .stderr(refused.clone());

    // Migration 2 applied, its Rust step not made: refused until `store migrate` makes it.
    c.batch_execute("DELETE FROM account_keys; INSERT INTO account_keys_backfill VALUES (true)")
        .unwrap();
    let half_way = format!(
        "svcacct: the database at {store} was left half-way through a migration: run \
         `svcacct --store {store} store migrate`\n"
    );
    env.cmd(["--store", store, "get"])
        .assert()
        .code(3)
        .stdout("")
        .stderr(half_way.clone());
    env.cmd(["--store", store, "serve", "--listen", "127.0.0.1:0"])
        .assert()
        .code(3)
        .stderr(half_way);
    env.cmd(["--store", store, "store", "migrate"])
        .assert()
        .success()
        .stdout(format!(
            "schema of {store} is at version 2: finished the migration an earlier run left \
             half-way\n"
        ));
    env.ok([
        "--store",
        store,
        "create",
        "other",
        "--public-key",
        "free.pub",
    ]);
    env.cmd([
        "--store",
        store,
        "key",
        "add",
        "other",
        "--public-key",
        "held.pub",
    ])
    .assert()
    .code(3)
    .stdout("")
    .stderr(refused);
    assert_eq!(
        env.ok(["--store", store, "key", "list", "other", "-o", "name"])
            .lines()
            .count(),
        1
    );
}

/// The README walkthrough, with the store named by SVCACCT_STORE.
#[test]
fn walkthrough_on_postgres() {
    let env = Env::new();
    let Some(db) = migrated(&env) else { return };
    let run = |args: &[&str]| {
        let mut c = env.cmd(args);
        c.env("SVCACCT_STORE", &db.url);
        c
    };
    let ok = |args: &[&str]| -> String {
        let out = run(args).output().unwrap();
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    ok(&["keygen", "-o", "example.key"]);
    assert_eq!(
        ok(&[
            "create",
            "example-svc-account",
            "--public-key",
            "example.key.pub"
        ]),
        "Created service account: example-svc-account\n"
    );
    assert_eq!(
        ok(&[
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
    let token = ok(&[
        "token",
        "example-svc-account",
        "--jwt-private-key",
        "example.key",
    ]);
    let verified = ok(&["verify", token.trim()]);
    assert!(verified.contains("Valid:      yes\n"), "{verified}");
    assert!(
        verified.contains("Account:    example-svc-account\n"),
        "{verified}"
    );
    run(&["can-i", "create", "function", "--as", "example-svc-account"])
        .assert()
        .success()
        .stdout("yes\n");
    run(&["can-i", "create", "image", "--as", "example-svc-account"])
        .assert()
        .code(1)
        .stdout("no\n");
    let table = ok(&["get"]);
    assert!(
        table.contains("\n example-svc-account | active | 1    | never   | "),
        "{table}"
    );

    // Namespaces, rename with grants, delete: the workflows of the registry core.
    let created = ok(&["namespace", "create", "eng"]);
    assert!(
        created.starts_with("Created namespace: eng\nCreated service account: eng/builder\n"),
        "{created}"
    );
    ok(&["-n", "eng", "create", "builder-2"]);
    let rename = ok(&["rename", "example-svc-account", "renamed"]);
    assert!(rename.contains("renamed"), "{rename}");
    let policy = json(&ok(&["policy", "get", "example-svc-policy", "-o", "json"]));
    assert_eq!(policy["subjects"], serde_json::json!(["renamed"]));
    let names = ok(&["get", "-A", "-o", "name"]);
    assert!(
        names.contains("renamed") && names.contains("builder-2"),
        "{names}"
    );
    assert_eq!(
        ok(&["delete", "renamed"]),
        "Deleted service account: renamed\n"
    );
    run(&["get", "renamed"]).assert().code(3).stderr(
        "svcacct: unknown service account `renamed` in namespace `default` (see `svcacct \
             get`)\n",
    );
}

/// Issuer operations need the key-encryption key; its file must be private; a wrong one is
/// refused; the database never holds an issuer key in clear.
#[test]
fn issuer_keys_need_the_kek_and_are_sealed_in_the_database() {
    let env = Env::new();
    let Some(db) = migrated(&env) else { return };
    let s = db.url.as_str();
    env.ok(["--store", s, "create", "ci-bot"]);
    let advice = "svcacct: issuer keys in a PostgreSQL store are encrypted with a key-encryption \
                  key that every replica is given: pass --issuer-kek-file FILE (mode 0600; make \
                  one with `openssl rand -hex 32 > FILE`) or set SVCACCT_ISSUER_KEK\n";
    env.cmd(["--store", s, "tokens", "create", "ci-bot", "deploy"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(advice);
    env.cmd(["--store", s, "issuer", "get"])
        .assert()
        .code(3)
        .stderr(predicate::str::contains("the store has no issuer yet"));

    let kek = kek_file(&env, "kek", 'a');
    std::fs::set_permissions(&kek, std::fs::Permissions::from_mode(0o644)).unwrap();
    env.cmd([
        "--store",
        s,
        "--issuer-kek-file",
        &kek,
        "tokens",
        "create",
        "ci-bot",
        "t",
    ])
    .assert()
    .code(2)
    .stderr(format!(
        "svcacct: the issuer key-encryption key {kek} can be read by others (mode 0644): \
             run `chmod 600 {kek}`\n"
    ));
    std::fs::set_permissions(&kek, std::fs::Permissions::from_mode(0o600)).unwrap();
    let out = env
        .cmd([
            "--store",
            s,
            "--issuer-kek-file",
            &kek,
            "tokens",
            "create",
            "ci-bot",
            "t",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let token = String::from_utf8(out.stdout).unwrap();
    // RS256 tokens verify without the KEK (the public keys are in the issuer record).
    env.ok(["--store", s, "verify", token.trim()]);

    // HMAC secrets too are sealed; the SVCACCT_ISSUER_KEK variable works as the file does.
    let mut c = admin(&db.url).unwrap();
    c.batch_execute("DELETE FROM issued_tokens; DELETE FROM issuer; DELETE FROM issuer_keys")
        .unwrap();
    let secret = "s".repeat(40);
    std::fs::write(env.path("secret.txt"), &secret).unwrap();
    env.cmd([
        "--store",
        s,
        "issuer",
        "init",
        "--algorithm",
        "HS256",
        "--secret-file",
        "secret.txt",
    ])
    .env("SVCACCT_ISSUER_KEK", "a".repeat(64))
    .assert()
    .success();
    let sealed: Vec<Vec<u8>> = c
        .query("SELECT sealed FROM issuer_keys", &[])
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect();
    assert_eq!(sealed.len(), 1);
    assert!(
        !sealed[0].windows(16).any(|w| w == &secret.as_bytes()[..16]),
        "the HMAC secret is in the database in clear"
    );
    let token = env
        .cmd(["--store", s, "tokens", "create", "ci-bot", "h"])
        .env("SVCACCT_ISSUER_KEK", "a".repeat(64))
        .output()
        .unwrap();
    assert!(
        token.status.success(),
        "{}",
        String::from_utf8_lossy(&token.stderr)
    );
    let token = String::from_utf8(token.stdout).unwrap();
    env.cmd([
        "--store",
        s,
        "--issuer-kek-file",
        &kek,
        "verify",
        token.trim(),
    ])
    .assert()
    .success();

    // Another replica given another KEK is refused before it signs or writes a key.
    let wrong = kek_file(&env, "wrong", 'b');
    let refusal = "svcacct: the issuer key-encryption key from --issuer-kek-file ";
    env.cmd([
        "--store",
        s,
        "--issuer-kek-file",
        &wrong,
        "tokens",
        "create",
        "ci-bot",
        "x",
    ])
    .assert()
    .code(2)
    .stderr(format!(
        "{refusal}{wrong} is not the one this registry's issuer keys are encrypted with: \
             give every replica the same key\n"
    ));
    std::fs::write(env.path("secret2.txt"), "t".repeat(40)).unwrap();
    env.cmd([
        "--store",
        s,
        "--issuer-kek-file",
        &wrong,
        "issuer",
        "rotate",
        "--secret-file",
        "secret2.txt",
    ])
    .assert()
    .code(2)
    .stderr(predicate::str::starts_with(refusal));
}

/// Two replicas on one database behave as one server: tokens issued through one work on the
/// other, and a revoke or a disable through A is refused by B (its token cache warm) once the
/// commit's notification has reached it.
#[test]
fn two_replicas_on_one_database() {
    let env = Env::new();
    let Some(db) = migrated(&env) else { return };
    let store = Path::new(&db.url);
    env.bootstrap(store);
    env.ok(["--store", &db.url, "create", "ci-bot"]);
    let kek = kek_file(&env, "kek", 'c');
    let a = env.serve(store, &["--issuer-kek-file", &kek]);
    let b = env.serve(store, &["--issuer-kek-file", &kek]);
    let issue = |server: &Server, name: &str| -> String {
        let out = env
            .cmd(server.as_admin(&["tokens", "create", "ci-bot", name]))
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap().trim().to_owned()
    };
    let one = issue(&a, "one");
    let two = issue(&b, "two");
    for server in [&a, &b] {
        for token in [&one, &two] {
            let (status, body) = whoami_once(server, token, true);
            assert_eq!(status, 200, "{body}");
        }
    }
    // Revoke through A: B refuses once the write's notification has reached it.
    env.cmd(a.as_admin(&["tokens", "revoke", "ci-bot", "one"]))
        .assert()
        .success();
    let (status, body) = whoami_once(&b, &one, false);
    assert_eq!(status, 401, "{body}");
    assert!(body.contains("has been revoked"), "{body}");
    assert_eq!(whoami(&b, &two).0, 200);
    // Disable through B: A refuses too.
    env.cmd(b.as_admin(&["disable", "ci-bot"]))
        .assert()
        .success();
    let (status, body) = whoami_once(&a, &two, false);
    assert_eq!(status, 401, "{body}");
    assert!(body.contains("is disabled"), "{body}");
    // Listings through either are the same registry.
    let names = |server: &Server| env.ok(server.as_admin(&["get", "-o", "name"]));
    assert_eq!(names(&a), names(&b));

    // Rotation through B: A signs with the new key at once, and both publish both keys.
    env.cmd(b.as_admin(&["enable", "ci-bot"]))
        .assert()
        .success();
    env.cmd(b.as_admin(&["issuer", "rotate", "--publish-first", "0"]))
        .assert()
        .success();
    let issuer = json(&env.ok(a.as_admin(&["issuer", "get", "-o", "json"])));
    let new_kid = issuer["keys"][1]["kid"].as_str().unwrap().to_owned();
    let three = issue(&a, "three");
    let header = three.split('.').next().unwrap();
    use base64::Engine as _;
    let header = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(header)
        .unwrap();
    assert_eq!(
        json(std::str::from_utf8(&header).unwrap())["kid"].as_str(),
        Some(new_kid.as_str())
    );
    for server in [&a, &b] {
        assert_eq!(whoami_once(server, &three, true).0, 200);
        let (status, body) = whoami_once(server, &two, true);
        assert_eq!(status, 200, "the old key still verifies: {body}");
        let (_, jwks) = curl(&[&server.at("/.well-known/jwks.json")]);
        assert_eq!(json(&jwks)["keys"].as_array().unwrap().len(), 2, "{jwks}");
    }
}

/// A store URL with a password is refused wherever it comes from, and the password is not in
/// the refusal, the config file or the process list; PGPASSWORD and a private .pgpass are
/// how a password is given.
#[test]
fn a_password_is_never_shown() {
    let env = Env::new();
    let Some(db) = migrated(&env) else { return };
    let with_password = db.url.replacen("postgres@", "postgres:hunter2hunter2@", 1);
    let shown = db.url.replacen("postgres@", "postgres:***@", 1);
    let refusal = format!(
        "svcacct: store URL `{shown}` holds a password: it would be seen in the process list, \
         shell history and config files; remove it and set PGPASSWORD, or put it in ~/.pgpass \
         (or the file PGPASSFILE names, mode 0600)\n"
    );
    env.cmd(["--store", &with_password, "get"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(refusal.clone());
    env.cmd(["get"])
        .env("SVCACCT_STORE", &with_password)
        .assert()
        .code(2)
        .stderr(refusal.clone());
    env.cmd(["--store", &with_password, "config", "set-context", "db"])
        .assert()
        .code(2)
        .stderr(refusal.clone());
    let config = env.path(".config/svcacct/config.toml");
    assert!(!config.exists(), "nothing written");
    env.cmd(["--store", &db.url, "config", "set-context", "db"])
        .assert()
        .success();
    let text = std::fs::read_to_string(&config).unwrap();
    assert!(text.contains(&db.url), "{text}");
    env.cmd(["--context", "db", "create", "from-context"])
        .assert()
        .success();
    env.cmd(["--store", &db.url, "get", "from-context", "-o", "name"])
        .assert()
        .success()
        .stdout("from-context\n");

    // A role that needs a password, over the cluster's loopback port.
    let Ok(port) = std::env::var("SVCACCT_TEST_DATABASE_PORT") else {
        return;
    };
    let password = "correct-horse-battery-staple";
    let mut c = admin(&db.url).unwrap();
    c.batch_execute(&format!(
        "CREATE ROLE svc_{0} LOGIN PASSWORD '{password}'; \
         GRANT ALL ON ALL TABLES IN SCHEMA public TO svc_{0}",
        db.name
    ))
    .unwrap();
    let tcp = format!(
        "postgres://svc_{}@127.0.0.1:{port}/{}?sslmode=disable",
        db.name, db.name
    );
    let wrong = env
        .cmd(["--store", &tcp, "get"])
        .env("PGPASSWORD", "not-the-password")
        .output()
        .unwrap();
    assert_eq!(wrong.status.code(), Some(3));
    assert_eq!(
        String::from_utf8_lossy(&wrong.stderr),
        format!(
            "svcacct: cannot reach the database at {tcp}: FATAL: password authentication failed \
             for user \"svc_{}\"\n",
            db.name
        )
    );
    env.cmd(["--store", &tcp, "get"])
        .env("PGPASSWORD", password)
        .assert()
        .success();
    // .pgpass: only when it is private.
    let pgpass = env.path(".pgpass");
    std::fs::write(
        &pgpass,
        format!("127.0.0.1:{port}:*:svc_{}:{password}\n", db.name),
    )
    .unwrap();
    std::fs::set_permissions(&pgpass, std::fs::Permissions::from_mode(0o644)).unwrap();
    let out = env.cmd(["--store", &tcp, "get"]).output().unwrap();
    assert_eq!(out.status.code(), Some(3));
    assert!(
        String::from_utf8_lossy(&out.stderr).starts_with(&format!(
            "svcacct: warning: the password file {} can be read by others, so it is ignored \
             (run `chmod 600` on it)\n",
            pgpass.display()
        )),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    std::fs::set_permissions(&pgpass, std::fs::Permissions::from_mode(0o600)).unwrap();
    env.cmd(["--store", &tcp, "get"]).assert().success();
    // A server started with it: the password is in no argument of the process.
    let server = env.serve(Path::new(&tcp), &[]);
    let cmdline = std::fs::read(format!("/proc/{}/cmdline", server.child.id())).unwrap();
    assert!(!String::from_utf8_lossy(&cmdline).contains(password));
    assert_eq!(curl(&[&server.at("/readyz")]).0, 200);
}

/// TLS to the database (rustls): `verify-full` checks the certificate against `sslrootcert`
/// and the host name, `require` encrypts without checking; the role used here is let in by
/// the cluster only over TLS (scripts/test's `pg_hba.conf`).
#[test]
fn tls_to_the_database() {
    let env = Env::new();
    let Some(db) = migrated(&env) else { return };
    let (Ok(port), Ok(ca)) = (
        std::env::var("SVCACCT_TEST_DATABASE_PORT"),
        std::env::var("SVCACCT_TEST_DATABASE_CA"),
    ) else {
        assert!(
            std::env::var_os("CI").is_none(),
            "SVCACCT_TEST_DATABASE_PORT and SVCACCT_TEST_DATABASE_CA are not set under CI"
        );
        return;
    };
    let password = "tls-only-password";
    let mut c = admin(&db.url).unwrap();
    c.batch_execute(&format!(
        "DO $$ BEGIN CREATE ROLE tls_only LOGIN PASSWORD '{password}'; \
         EXCEPTION WHEN duplicate_object THEN NULL; END $$; \
         GRANT ALL ON ALL TABLES IN SCHEMA public TO tls_only"
    ))
    .unwrap();
    let at =
        |host: &str, query: &str| format!("postgres://tls_only@{host}:{port}/{}?{query}", db.name);
    let get = |url: &str| {
        let mut c = env.cmd(["--store", url, "get"]);
        c.env("PGPASSWORD", password);
        c
    };
    get(&at(
        "localhost",
        &format!("sslmode=verify-full&sslrootcert={ca}"),
    ))
    .assert()
    .success();
    get(&at("localhost", "sslmode=require")).assert().success();
    // Without TLS the cluster refuses this role: the successes above were over TLS.
    get(&at("localhost", "sslmode=disable"))
        .assert()
        .code(3)
        .stderr(predicate::str::contains("no encryption"));
    // Another name than the certificate's, another CA, no CA at all: refused.
    let url = at(
        "127.0.0.1",
        &format!("sslmode=verify-full&sslrootcert={ca}"),
    );
    get(&url)
        .assert()
        .code(3)
        .stderr(predicate::str::starts_with(format!(
            "svcacct: cannot reach the database at {url}: "
        )))
        .stderr(predicate::str::contains("certificate"));
    env.openssl(&[
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-keyout",
        "other.key",
        "-out",
        "other.pem",
        "-days",
        "1",
        "-subj",
        "/CN=other",
    ]);
    let other = env.path("other.pem");
    get(&at(
        "localhost",
        &format!("sslmode=verify-full&sslrootcert={}", other.display()),
    ))
    .assert()
    .code(3)
    .stderr(predicate::str::contains("certificate"));
    // The host is not on this machine's loopback: verify-full by default, which needs a CA.
    env.cmd(["--store", "postgres://svc@db.example/reg", "get"])
        .assert()
        .code(2)
        .stderr(
            "svcacct: sslmode=verify-full needs the certificate of the authority that signed \
             the database's: add sslrootcert=FILE to the store URL (or use sslmode=disable for a \
             database on this machine)\n",
        );
}

/// A command killed (SIGKILL) at any moment of a change of several records leaves the
/// database entirely before or entirely after it: `namespace create` with its default
/// accounts and policies, killed 40 times after delays spread over its duration, and the
/// next command is not held up by what the killed one had locked.
#[test]
fn a_killed_command_leaves_all_or_nothing() {
    let env = Env::new();
    let Some(db) = migrated(&env) else { return };
    let s = db.url.as_str();
    let spawn = |ns: &str| {
        Command::new(assert_cmd::cargo::cargo_bin("svcacct"))
            .env_clear()
            .env("HOME", env.home.path())
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .args(["--store", s, "namespace", "create", ns])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap()
    };
    // How long one takes, uninterrupted.
    let started = std::time::Instant::now();
    assert!(spawn("measured").wait().unwrap().success());
    let took = started.elapsed();
    let mut c = admin(&db.url).unwrap();
    let count = |c: &mut postgres::Client, ns: &str| -> (i64, i64, i64) {
        let row = c
            .query_one(
                "SELECT (SELECT count(*) FROM namespaces WHERE name = $1), \
                        (SELECT count(*) FROM accounts WHERE namespace = $1), \
                        (SELECT count(*) FROM policies WHERE scope = $1)",
                &[&ns],
            )
            .unwrap();
        (row.get(0), row.get(1), row.get(2))
    };
    let whole = count(&mut c, "measured");
    assert_eq!(whole, (1, 3, 3));
    // Delays from a fixed linear congruential sequence: a run can be had again.
    let mut seed: u64 = 14;
    let (mut before, mut after) = (0, 0);
    for i in 0..40 {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let delay = took.mul_f64(1.3 * ((seed >> 33) as f64 / (1u64 << 31) as f64));
        let ns = format!("killed-{i}");
        let mut child = spawn(&ns);
        std::thread::sleep(delay);
        let _ = child.kill();
        let _ = child.wait();
        match count(&mut c, &ns) {
            (0, 0, 0) => before += 1,
            found if found == whole => after += 1,
            found => panic!("kill {i} after {delay:?} left {found:?} of namespace {ns}"),
        }
    }
    assert_eq!(before + after, 40);
    // Nothing stays locked: the next write goes through.
    env.ok(["--store", s, "namespace", "create", "after-the-kills"]);
}

/// A server whose database is gone answers 503 (try again later), not 500, and does not hang.
#[test]
fn a_lost_database_is_503() {
    let env = Env::new();
    let Some(db) = migrated(&env) else { return };
    let store = Path::new(&db.url);
    env.bootstrap(store);
    let server = env.serve(store, &[]);
    let token = env.ok(["--store", &db.url, "token", "admin"]);
    let list = || {
        curl(&[
            "-H",
            &format!("Authorization: Bearer {}", token.trim()),
            &server.at("/v1/namespaces/default/serviceaccounts"),
        ])
    };
    let (status, body) = list();
    assert_eq!(status, 200, "{body}");
    admin(&db.base)
        .unwrap()
        .batch_execute(&format!("DROP DATABASE {} WITH (FORCE)", db.name))
        .unwrap();
    let (status, body) = list();
    assert_eq!(status, 503, "{body}");
    let problem = json(&body);
    assert_eq!(problem["code"], "unavailable");
    assert_eq!(
        problem["detail"],
        "the store's database cannot be reached (see the server's log)"
    );
}

/// Labels are part of each row's `record` document (no migration): stored, shown, selected,
/// locally and through a server on the database (issue 16).
#[test]
fn labels_are_stored_and_selected_on_postgres() {
    let env = Env::new();
    let Some(db) = migrated(&env) else { return };
    let on = |args: &[&str]| -> Vec<String> {
        let mut v = vec!["--store".to_owned(), db.url.clone()];
        v.extend(args.iter().map(|a| (*a).to_owned()));
        v
    };
    env.ok(on(&[
        "namespace",
        "create",
        "eng",
        "--label",
        "team=platform",
    ]));
    env.ok(on(&["namespace", "create", "ops"]));
    env.ok(on(&[
        "update",
        "eng/builder",
        "--label",
        "tier=build",
        "--label",
        "env=prod",
    ]));
    env.ok(on(&["update", "eng/deployer", "--label", "tier=deploy"]));
    env.ok(on(&[
        "policy",
        "update",
        "-n",
        "eng",
        "deployers",
        "--label",
        "tier=deploy",
    ]));
    let mut c = admin(&db.url).expect("connect to the test database");
    let row = c
        .query_one(
            "SELECT record->'labels' FROM accounts WHERE namespace = 'eng' AND name = 'builder'",
            &[],
        )
        .unwrap();
    assert_eq!(
        row.get::<_, Value>(0),
        serde_json::json!({"env": "prod", "tier": "build"})
    );
    let row = c
        .query_one(
            "SELECT record ? 'labels' FROM accounts WHERE namespace = 'eng' AND name = 'default'",
            &[],
        )
        .unwrap();
    assert!(
        !row.get::<_, bool>(0),
        "no labels: no field, as in the file store"
    );
    let row = c
        .query_one(
            "SELECT record->'labels' FROM namespaces WHERE name = 'eng'",
            &[],
        )
        .unwrap();
    assert_eq!(
        row.get::<_, Value>(0),
        serde_json::json!({"team": "platform"})
    );

    for (selector, want) in [
        ("tier", "eng/builder\neng/deployer\n"),
        ("tier in (build),env=prod", "eng/builder\n"),
        (
            "!tier",
            "eng/default\nops/builder\nops/default\nops/deployer\n",
        ),
        (
            "env!=prod",
            "eng/default\neng/deployer\nops/builder\nops/default\nops/deployer\n",
        ),
        (
            "tier notin (build)",
            "eng/default\neng/deployer\nops/builder\nops/default\nops/deployer\n",
        ),
    ] {
        assert_eq!(
            env.ok(on(&["get", "-A", "-l", selector, "-o", "name"])),
            want,
            "{selector}"
        );
    }
    assert_eq!(
        env.ok(on(&[
            "policy",
            "get",
            "-A",
            "-l",
            "tier=deploy",
            "-o",
            "name"
        ])),
        "deployers\n"
    );
    assert_eq!(
        env.ok(on(&["namespace", "get", "-l", "team", "-o", "name"])),
        "eng\n"
    );
    let a = json(&env.ok(on(&["get", "eng/builder", "-o", "json"])));
    assert_eq!(
        a["labels"],
        serde_json::json!({"env": "prod", "tier": "build"})
    );

    // Through a server on the database: the server filters.
    env.cmd(["create", "admin", "--bits", "2048"])
        .env("SVCACCT_STORE", &db.url)
        .assert()
        .success();
    env.admin_all(Some(Path::new(&db.url)));
    let server = env.serve(Path::new(&db.url), &[]);
    assert_eq!(
        env.ok([
            "--store",
            server.url.as_str(),
            "--service-account",
            "admin",
            "get",
            "-A",
            "-l",
            "tier in (build,deploy)",
            "-o",
            "name",
        ]),
        "eng/builder\neng/deployer\n"
    );
}
/// An API request with `token` (`curl` arguments after the bearer header).
fn api(token: &str, args: &[&str]) -> (u16, String) {
    let bearer = format!("Authorization: Bearer {token}");
    let mut argv = vec!["-H", bearer.as_str()];
    argv.extend_from_slice(args);
    curl(&argv)
}

/// `POST` of JSON `body` to `path` of `server`.
fn post(server: &Server, token: &str, path: &str, body: &str) -> (u16, String) {
    api(
        token,
        &[
            "-H",
            "Content-Type: application/json",
            "--data",
            body,
            &server.at(path),
        ],
    )
}

/// `serve --issuer-rotation-period` on two replicas of one database: in each period one of
/// them rotates (no key is replaced twice, as `registry::issuer::rotate_if_due` decides in the
/// rotation's transaction), and neither fails.
#[test]
fn two_replicas_rotate_the_issuer_once_per_period() {
    const ROTATED: &str = "svcacct: rotated the issuer (--issuer-rotation-period 4s): new key ";
    // (new kid, the kid it replaces) of each rotation line.
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
    let env = Env::new();
    let Some(db) = migrated(&env) else { return };
    let store = Path::new(&db.url);
    let kek = kek_file(&env, "kek", 'c');
    env.ok([
        "--store",
        &db.url,
        "--issuer-kek-file",
        &kek,
        "issuer",
        "init",
    ]);
    let extra = ["--issuer-kek-file", &kek, "--issuer-rotation-period", "4s"];
    let mut replicas = [env.serve(store, &extra), env.serve(store, &extra)];
    let all = |replicas: &[Server; 2]| -> Vec<(String, String)> {
        replicas.iter().flat_map(|s| rotations(&s.log())).collect()
    };
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while all(&replicas).len() < 3 {
        assert!(
            std::time::Instant::now() < deadline,
            "no three automatic rotations in 60s; logs:\n{}\n{}",
            replicas[0].log(),
            replicas[1].log()
        );
        std::thread::sleep(std::time::Duration::from_millis(200));
    }
    let lines = all(&replicas);
    let replaced: std::collections::BTreeSet<&String> = lines.iter().map(|(_, old)| old).collect();
    assert_eq!(
        replaced.len(),
        lines.len(),
        "a key replaced twice: {lines:?}"
    );
    for s in &replicas {
        assert!(!s.log().contains("failed"), "{}", s.log());
    }
    for s in &mut replicas {
        let status = s.terminate(15);
        assert!(status.success(), "{status}: {}", s.stderr());
    }
}

/// Two replicas on one new database, bootstrapped (`admin` holds every grant), and a token of
/// `admin`.
fn two_replicas(env: &Env, db: &Db) -> ([Server; 2], String) {
    let store = Path::new(&db.url);
    env.bootstrap(store);
    let kek = kek_file(env, "kek", 'c');
    let replicas = [
        env.serve(store, &["--issuer-kek-file", &kek]),
        env.serve(store, &["--issuer-kek-file", &kek]),
    ];
    let token = env.ok(["--store", &db.url, "token", "admin", "--ttl", "30m"]);
    (replicas, token.trim().to_owned())
}

/// `n` distinct RSA public keys (PEM) made quickly: one modulus, then the odd numbers after it.
/// They will never verify anything (no private key has them); a key only needs to be new to be
/// registered, and generating 400 real ones would take most of a minute.
fn throwaway_public_keys(n: usize) -> Vec<String> {
    let code = "import json, sys\n\
        from cryptography.hazmat.primitives.asymmetric import rsa\n\
        from cryptography.hazmat.primitives import serialization as s\n\
        k = rsa.generate_private_key(65537, 2048).public_key().public_numbers()\n\
        print(json.dumps([rsa.RSAPublicNumbers(65537, k.n + 2 * i).public_key().public_bytes(\
        s.Encoding.PEM, s.PublicFormat.SubjectPublicKeyInfo).decode() for i in range(int(sys.argv[1]))]))";
    let out = Command::new(".venv/bin/python")
        .args(["-c", code, &n.to_string()])
        .output()
        .expect("the test venv (scripts/test makes it)");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// 8 workers × 50 creates, each sent to either replica, make exactly 400 accounts; 8 racing
/// updates of one account, through either, lose none (each retries on a conflict).
#[test]
fn creates_and_updates_spread_over_two_replicas_all_land() {
    let env = Env::new();
    let Some(db) = migrated(&env) else { return };
    let (replicas, token) = two_replicas(&env, &db);
    let keys = throwaway_public_keys(400);
    env.ok(["--store", &db.url, "namespace", "create", "load"]);
    std::thread::scope(|s| {
        for w in 0..8 {
            let (replicas, token, keys) = (&replicas, &token, &keys);
            s.spawn(move || {
                for i in 0..50 {
                    let body = serde_json::json!({
                        "name": format!("w{w}-{i}"),
                        "publicKeys": [keys[w * 50 + i]],
                    })
                    .to_string();
                    let server = &replicas[(w + i) % 2];
                    let path = "/v1/namespaces/load/serviceaccounts";
                    let (status, answer) = post(server, token, path, &body);
                    assert_eq!(status, 201, "w{w}-{i}: {answer}");
                }
            });
        }
    });
    let mut c = admin(&db.url).unwrap();
    let count: i64 = c
        .query_one(
            "SELECT count(*) FROM accounts WHERE namespace = 'load' AND name LIKE 'w%'",
            &[],
        )
        .unwrap()
        .get(0);
    assert_eq!(count, 400);
    for server in &replicas {
        let (status, list) = api(&token, &[&server.at("/v1/namespaces/load/serviceaccounts")]);
        assert_eq!(status, 200, "{list}");
        let items = json(&list)["items"].as_array().unwrap().len();
        assert_eq!(
            items,
            400 + 3,
            "the 400 and the namespace's default accounts"
        );
    }

    env.ok(["--store", &db.url, "create", "shared"]);
    std::thread::scope(|s| {
        for w in 0..8 {
            let (env, replicas) = (&env, &replicas);
            s.spawn(move || {
                let group = format!("g{w}");
                env.ok([
                    "--store",
                    &replicas[w % 2].url,
                    "--service-account",
                    "admin",
                    "update",
                    "shared",
                    "--add-group",
                    &group,
                ]);
            });
        }
    });
    let shared = json(&env.ok(["--store", &db.url, "get", "shared", "-o", "json"]));
    let mut groups: Vec<&str> = shared["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g.as_str().unwrap())
        .collect();
    groups.sort();
    assert_eq!(groups, ["g0", "g1", "g2", "g3", "g4", "g5", "g6", "g7"]);
}

/// A policy removed through replica A: replica B, its caches warm with the grant, refuses the
/// account's next requests once the commit's notification has reached it.
#[test]
fn a_policy_removed_through_one_replica_is_refused_by_the_other() {
    let env = Env::new();
    let Some(db) = migrated(&env) else { return };
    let ([a, b], admin_token) = two_replicas(&env, &db);
    env.ok(["--store", &db.url, "create", "reader", "--bits", "2048"]);
    env.ok([
        "--store",
        &db.url,
        "policy",
        "create",
        "reader-get",
        "--subject",
        "reader",
        "--action",
        "get",
        "--resource",
        "serviceaccount",
    ]);
    let token = env.ok(["--store", &db.url, "token", "reader"]);
    let token = token.trim();
    let get = |server: &Server| {
        api(
            token,
            &[&server.at("/v1/namespaces/default/serviceaccounts/admin")],
        )
    };
    for _ in 0..3 {
        let (status, body) = get(&b);
        assert_eq!(status, 200, "{body}");
    }
    let (status, body) = api(
        &admin_token,
        &[
            "-X",
            "DELETE",
            &a.at("/v1/namespaces/default/policies/reader-get"),
        ],
    );
    assert_eq!(status, 204, "{body}");
    let mut answer = get(&b);
    for _ in 0..500 {
        if answer.0 != 200 {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
        answer = get(&b);
    }
    assert_eq!(answer.0, 403, "{}", answer.1);
    assert!(
        answer.1.contains("may not get serviceaccount"),
        "{}",
        answer.1
    );
}

/// A replica killed (SIGKILL) while it creates namespaces (each with its default accounts and
/// policies, one transaction) leaves each of them entirely made or not at all, and the other
/// replica goes on serving, writes included.
#[test]
fn a_replica_killed_during_writes_leaves_no_half_workflow_and_the_other_serves() {
    let env = Env::new();
    let Some(db) = migrated(&env) else { return };
    let ([mut a, b], token) = two_replicas(&env, &db);
    let made = std::sync::atomic::AtomicUsize::new(0);
    std::thread::scope(|s| {
        let (a_url, token, made) = (a.url.clone(), &token, &made);
        let writer = s.spawn(move || {
            for i in 0.. {
                let body = format!(r#"{{"name":"k-{i}"}}"#);
                let (status, _) = api(
                    token,
                    &[
                        "-H",
                        "Content-Type: application/json",
                        "--data",
                        &body,
                        &format!("{a_url}/v1/namespaces"),
                    ],
                );
                if status != 201 {
                    return i;
                }
                made.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            }
            unreachable!()
        });
        // Kill it once a few have gone through, in the middle of the next ones.
        while made.load(std::sync::atomic::Ordering::SeqCst) < 5 {
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        std::thread::sleep(std::time::Duration::from_millis(37));
        a.child.kill().unwrap();
        a.child.wait().unwrap();
        let tried = writer.join().unwrap();
        assert!(tried >= 5);
    });
    let mut c = admin(&db.url).unwrap();
    let rows = c
        .query(
            "SELECT n.name, \
                    (SELECT count(*) FROM accounts WHERE namespace = n.name), \
                    (SELECT count(*) FROM policies WHERE scope = n.name) \
             FROM namespaces n WHERE n.name LIKE 'k-%'",
            &[],
        )
        .unwrap();
    assert!(rows.len() >= 5);
    for row in &rows {
        let (name, accounts, policies): (String, i64, i64) = (row.get(0), row.get(1), row.get(2));
        assert_eq!(
            (accounts, policies),
            (3, 3),
            "namespace {name} is half made"
        );
    }
    let orphans: i64 = c
        .query_one(
            "SELECT (SELECT count(*) FROM accounts WHERE namespace LIKE 'k-%' \
                       AND namespace NOT IN (SELECT name FROM namespaces)) \
                  + (SELECT count(*) FROM policies WHERE scope LIKE 'k-%' \
                       AND scope NOT IN (SELECT name FROM namespaces))",
            &[],
        )
        .unwrap()
        .get(0);
    assert_eq!(
        orphans, 0,
        "accounts or policies of a namespace that was not made"
    );
    let (status, body) = whoami(&b, &token);
    assert_eq!(status, 200, "{body}");
    let (status, body) = post(&b, &token, "/v1/namespaces", r#"{"name":"after-the-kill"}"#);
    assert_eq!(status, 201, "{body}");
}

/// The database refusing connections while the replicas run: each answers 503 (not 500, and
/// without hanging) meanwhile, and serves again by itself once the database is back.
#[test]
fn replicas_recover_by_themselves_when_the_database_comes_back() {
    let env = Env::new();
    let Some(db) = migrated(&env) else { return };
    let (replicas, token) = two_replicas(&env, &db);
    let list = |server: &Server| {
        api(
            &token,
            &[&server.at("/v1/namespaces/default/serviceaccounts")],
        )
    };
    for server in &replicas {
        assert_eq!(list(server).0, 200);
    }
    let mut c = admin(&db.base).unwrap();
    let cut = |c: &mut postgres::Client, allow: bool| {
        c.batch_execute(&format!(
            "ALTER DATABASE {} WITH ALLOW_CONNECTIONS {allow}",
            db.name
        ))
        .unwrap();
        if !allow {
            c.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1",
                &[&db.name],
            )
            .unwrap();
        }
    };
    cut(&mut c, false);
    for server in &replicas {
        let (status, body) = list(server);
        assert_eq!(status, 503, "{body}");
        assert_eq!(json(&body)["code"], "unavailable", "{body}");
        let (status, body) = curl(&[&server.at("/readyz")]);
        assert_eq!(status, 503, "{body}");
    }
    cut(&mut c, true);
    for server in &replicas {
        let mut answer = list(server);
        for _ in 0..300 {
            if answer.0 == 200 {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
            answer = list(server);
        }
        assert_eq!(answer.0, 200, "{}", answer.1);
        assert_eq!(curl(&[&server.at("/readyz")]).0, 200);
    }
    // Writes too, and a write through one is seen by the other.
    env.ok([
        "--store",
        &replicas[0].url,
        "--service-account",
        "admin",
        "create",
        "back",
        "--bits",
        "2048",
    ]);
    let (status, body) = api(
        &token,
        &[&replicas[1].at("/v1/namespaces/default/serviceaccounts/back")],
    );
    assert_eq!(status, 200, "{body}");
}

/// An issued token used through both replicas, over and over: its `lastUsed` is written once
/// (at most once a minute across all replicas), not once per replica or per request, and the
/// write changes no generation: a use would otherwise empty every replica's read cache.
#[test]
fn last_used_is_written_once_across_replicas() {
    let env = Env::new();
    let Some(db) = migrated(&env) else { return };
    let (replicas, _) = two_replicas(&env, &db);
    env.ok(["--store", &db.url, "create", "ci-bot", "--bits", "2048"]);
    let kek = env.path("kek");
    let kek = kek.to_str().unwrap();
    let token = env.ok([
        "--store",
        &db.url,
        "tokens",
        "create",
        "ci-bot",
        "ci",
        "--issuer-kek-file",
        kek,
    ]);
    let token = token.trim();
    let mut c = admin(&db.url).unwrap();
    let generation = |c: &mut postgres::Client| -> i64 {
        c.query_one("SELECT value FROM generation", &[])
            .unwrap()
            .get(0)
    };
    let last_used = |c: &mut postgres::Client| -> Option<String> {
        c.query_one(
            "SELECT record->>'lastUsed' FROM issued_tokens WHERE name = 'ci'",
            &[],
        )
        .unwrap()
        .get(0)
    };
    assert_eq!(last_used(&mut c), None);
    // Every write of the token's rows (a delete, then an insert) is counted.
    c.batch_execute(
        "CREATE TABLE token_writes (at timestamptz); \
         CREATE FUNCTION count_token_write() RETURNS trigger LANGUAGE plpgsql AS \
         $$ BEGIN INSERT INTO token_writes VALUES (now()); RETURN NULL; END $$; \
         CREATE TRIGGER count_token_write AFTER INSERT ON issued_tokens \
         FOR EACH ROW EXECUTE FUNCTION count_token_write()",
    )
    .unwrap();
    let before = generation(&mut c);
    std::thread::scope(|s| {
        for w in 0..4 {
            let replicas = &replicas;
            s.spawn(move || {
                for i in 0..10 {
                    let (status, body) = whoami(&replicas[(w + i) % 2], token);
                    assert_eq!(status, 200, "{body}");
                }
            });
        }
    });
    let writes = c
        .query_one("SELECT count(*) FROM token_writes", &[])
        .unwrap()
        .get::<_, i64>(0);
    assert_eq!(writes, 1, "one write in all");
    assert_eq!(generation(&mut c), before, "a use changes no generation");
    assert!(last_used(&mut c).is_some());
}

/// `--dry-run` on a PostgreSQL store (issue 16): the command runs on a copy in memory, and
/// every row of every table, the generation's included, is as it was.
#[test]
fn a_dry_run_leaves_the_database_as_it_was() {
    let env = Env::new();
    let Some(db) = migrated(&env) else { return };
    let kek = kek_file(&env, "kek", 'a');
    let run = |args: &[&str]| {
        let mut c = env.cmd(args);
        c.env("SVCACCT_STORE", &db.url)
            .env("SVCACCT_ISSUER_KEK_FILE", &kek);
        c.output().unwrap()
    };
    for args in [
        &["create", "ci", "--bits", "2048"][..],
        &["namespace", "create", "eng"],
        &["tokens", "create", "ci", "deploy", "--out", "deploy.token"],
    ] {
        let out = run(args);
        assert!(out.status.success(), "{args:?}: {out:?}");
    }
    let rows = || -> Vec<String> {
        let mut c = admin(&db.url).unwrap();
        let mut all = vec![];
        for table in [
            "accounts",
            "policies",
            "namespaces",
            "issued_tokens",
            "issuer",
            "issuer_keys",
            "issuer_kek_check",
            "generation",
        ] {
            for row in c
                .query(
                    &format!("SELECT row_to_json(t)::text FROM {table} t ORDER BY 1"),
                    &[],
                )
                .unwrap()
            {
                all.push(format!("{table}: {}", row.get::<_, String>(0)));
            }
        }
        all
    };
    let before = rows();
    assert!(before.len() > 5, "{before:?}");
    for (args, expected) in [
        (
            &["create", "bot", "--bits", "2048", "--dry-run"][..],
            "Created service account: bot (dry run)\n",
        ),
        (
            &["delete", "ci", "--dry-run"],
            "Deleted service account: ci (and its 1 issued token) (dry run)\n",
        ),
        (
            &["namespace", "delete", "eng", "--dry-run=server"],
            "Deleted service account: eng/builder (server dry run)\n\
             Deleted service account: eng/default (server dry run)\n\
             Deleted service account: eng/deployer (server dry run)\n\
             Deleted policy: deployers (namespace eng) (server dry run)\n\
             Deleted policy: image-builders (namespace eng) (server dry run)\n\
             Deleted policy: image-pullers (namespace eng) (server dry run)\n\
             Deleted namespace: eng (server dry run)\n",
        ),
        (
            &["tokens", "revoke", "ci", "deploy", "--dry-run"],
            "Revoked issued token deploy of service account: ci (dry run)\n",
        ),
    ] {
        let out = run(args);
        assert_eq!(
            (
                out.status.code(),
                String::from_utf8_lossy(&out.stdout).into_owned(),
                String::from_utf8_lossy(&out.stderr).into_owned()
            ),
            (Some(0), expected.to_owned(), String::new()),
            "{args:?}"
        );
        assert_eq!(rows(), before, "{args:?} wrote");
    }
}

/// `?limit=` pages through a server on PostgreSQL (issue 13): a namespace's accounts and
/// policies are read a page at a time in SQL; `get -A`, `get -n eng` and `policy get -A`
/// through the server in pages of two print what they print on the database directly.
#[test]
fn lists_page_on_postgres() {
    let env = Env::new();
    let Some(db) = migrated(&env) else { return };
    let on = |args: &[&str]| -> Vec<String> {
        let mut v = vec!["--store".to_owned(), db.url.clone()];
        v.extend(args.iter().map(|a| (*a).to_owned()));
        v
    };
    env.ok(on(&["create", "admin"]));
    env.admin_all(Some(Path::new(&db.url)));
    for ns in ["eng", "ops"] {
        env.ok(on(&["namespace", "create", ns]));
    }
    let server = env.serve(Path::new(&db.url), &[]);
    let token = env.ok(on(&["token", "admin"])).trim().to_owned();
    let mut names = vec![];
    let mut next: Option<String> = None;
    let mut pages = 0;
    loop {
        pages += 1;
        let mut url = server.at("/v1/namespaces/eng/serviceaccounts?limit=2");
        if let Some(t) = &next {
            url.push_str(&format!("&continue={t}"));
        }
        let (status, body) = api(&token, &[&url]);
        assert_eq!(status, 200, "{body}");
        let body = json(&body);
        for item in body["items"].as_array().unwrap() {
            names.push(item["name"].as_str().unwrap().to_owned());
        }
        next = body["metadata"]["continue"].as_str().map(str::to_owned);
        if next.is_none() {
            break;
        }
    }
    assert_eq!(names, ["builder", "default", "deployer"]);
    assert_eq!(pages, 2, "two pages of at most two");
    for args in [
        vec!["get", "-A"],
        vec!["get", "-n", "eng", "-o", "name"],
        vec!["policy", "get", "-A"],
    ] {
        let local = env.ok(on(&args));
        let out = env.in_pages_of_two(&server.as_admin(&args));
        assert!(out.status.success(), "{args:?}: {out:?}");
        assert_eq!(String::from_utf8_lossy(&out.stdout), local, "{args:?}");
    }
}
