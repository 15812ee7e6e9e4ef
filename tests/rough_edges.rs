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

/// `key list` says which keys the keystore holds, and which one `svcacct token NAME` signs
/// with; the JSON output is the key records, as before.
#[test]
fn key_list_marks_the_key_the_keystore_signs_with() {
    let env = Env::new();
    env.ok(["create", "ci-bot"]);
    let first = env.ok(["key", "list", "ci-bot", "-o", "name"]);
    env.ok(["keygen", "-o", "ci-bot.key"]);
    env.ok(["key", "add", "ci-bot", "--public-key", "ci-bot.key.pub"]);
    env.ok(["key", "add", "ci-bot", "--generate"]);
    let kids = env.ok(["key", "list", "ci-bot", "-o", "name"]);
    let kids: Vec<&str> = kids.lines().collect();
    assert_eq!(kids[0], first.trim());
    let table = env.ok(["key", "list", "ci-bot"]);
    let rows: Vec<&str> = table.lines().collect();
    assert!(
        rows[0].ends_with("| CREATED DATE                 | KEYSTORE"),
        "{table}"
    );
    let held: Vec<(&str, &str)> = rows[2..]
        .iter()
        .map(|r| {
            let cells: Vec<&str> = r.split('|').map(str::trim).collect();
            (cells[0], cells[4])
        })
        .collect();
    assert_eq!(
        held,
        vec![(kids[0], "kept"), (kids[1], ""), (kids[2], "signs")],
        "{table}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&env.ok(["key", "list", "ci-bot", "-o", "json"])).unwrap();
    assert!(json["items"][0].get("keystore").is_none());
}

/// `config set-context` refuses a key, token or CA file that is not there, and writes nothing:
/// otherwise every later command of the context fails, far from the typo.
#[test]
fn set_context_refuses_a_file_that_is_not_there() {
    let env = Env::new();
    let base = [
        "config",
        "set-context",
        "prod",
        "--store",
        "https://registry.example:8420",
        "--service-account",
        "ci-bot",
    ];
    let mut argv = base.to_vec();
    argv.extend(["--jwt-private-key", "missing.key"]);
    env.cmd(&argv).assert().code(3).stdout("").stderr(
        "svcacct: --jwt-private-key missing.key does not exist; the config file was not \
         changed (name the file as it is on this machine: the context keeps its absolute \
         path)\n",
    );
    std::fs::create_dir(env.path("certs")).unwrap();
    let mut argv = base.to_vec();
    argv.extend(["--ca-cert", "certs"]);
    env.cmd(&argv)
        .assert()
        .code(3)
        .stderr(predicates::str::starts_with(
            "svcacct: --ca-cert certs is not a file; the config file was not changed",
        ));
    let mut argv = base.to_vec();
    argv.extend(["--token-file", "nope.token"]);
    env.cmd(&argv)
        .assert()
        .code(3)
        .stderr(predicates::str::starts_with(
            "svcacct: --token-file nope.token does not exist;",
        ));
    assert!(!env.path(".config/svcacct/config.toml").exists());
    // The file there: the context is written, with its absolute path.
    env.ok(["keygen", "-o", "ci-bot.key"]);
    let mut argv = base.to_vec();
    argv.extend(["--jwt-private-key", "ci-bot.key"]);
    env.ok(&argv);
    let text = std::fs::read_to_string(env.path(".config/svcacct/config.toml")).unwrap();
    assert!(
        text.contains(&format!(
            "jwt-private-key = \"{}\"",
            env.path("ci-bot.key").display()
        )),
        "{text}"
    );
}

/// `login` on a context that spoke for another account makes the context speak for the
/// token's account, says so, and drops the other account's key: `get-contexts` shows whom
/// the context's requests speak for.
#[test]
fn login_on_another_accounts_context_says_whom_it_speaks_for_now() {
    let env = Env::new();
    let srv = env.path("srv");
    let s = srv.to_str().unwrap();
    env.ok(["keygen", "-o", "admin.key"]);
    env.ok([
        "--store",
        s,
        "create",
        "admin",
        "--public-key",
        "admin.key.pub",
    ]);
    env.admin_all(Some(&srv));
    env.ok(["--store", s, "create", "alice-bot"]);
    env.ok([
        "--store",
        s,
        "tokens",
        "create",
        "alice-bot",
        "laptop",
        "--out",
        "laptop.token",
    ]);
    let server = env.serve(&srv, &[]);
    let url = server.url.clone();
    env.ok([
        "config",
        "set-context",
        "admin",
        "--store",
        &url,
        "--service-account",
        "admin",
        "--jwt-private-key",
        "admin.key",
        "--current",
    ]);
    assert_eq!(env.ok(["whoami", "-o", "name"]), "admin\n");
    env.cmd(["login", "--token-file", "laptop.token"])
        .assert()
        .success()
        .stdout(format!(
            "Context \"admin\" now speaks for alice-bot, not admin: its service-account is \
             alice-bot, and its jwt-private-key (a key of admin) is gone.\n\
             Logged in to {url} as alice-bot (issued token laptop).\n"
        ));
    assert_eq!(env.ok(["whoami", "-o", "name"]), "alice-bot\n");
    let contexts = env.ok(["config", "get-contexts", "-o", "json"]);
    let json: serde_json::Value = serde_json::from_str(&contexts).unwrap();
    assert_eq!(
        json["items"][0]["serviceAccount"], "alice-bot",
        "{contexts}"
    );
    assert!(
        json["items"][0].get("jwtPrivateKey").is_none(),
        "{contexts}"
    );
    // Logging in again as the same account says nothing more.
    env.ok([
        "--store",
        s,
        "tokens",
        "create",
        "alice-bot",
        "laptop-2",
        "--out",
        "laptop-2.token",
    ]);
    env.cmd(["login", "--token-file", "laptop-2.token"])
        .assert()
        .success()
        .stdout(format!(
            "Logged in to {url} as alice-bot (issued token laptop-2).\n"
        ));
}

/// The kid that `keygen` printed.
fn kid_of(keygen_output: &str) -> String {
    keygen_output
        .lines()
        .find_map(|l| l.strip_prefix("Key ID:"))
        .unwrap()
        .trim()
        .to_owned()
}

/// Through a server, removing the key the request itself was signed with works, exits 0 and
/// says that the key used is gone; the next request needs another key.
#[test]
fn removing_the_key_a_request_was_signed_with_reports_success() {
    let env = Env::new();
    let srv = env.path("srv");
    let s = srv.to_str().unwrap();
    let old = kid_of(&env.ok(["keygen", "-o", "admin.key"]));
    env.ok([
        "--store",
        s,
        "create",
        "admin",
        "--public-key",
        "admin.key.pub",
    ]);
    env.admin_all(Some(&srv));
    let new = kid_of(&env.ok(["keygen", "-o", "admin-2.key"]));
    env.ok([
        "--store",
        s,
        "key",
        "add",
        "admin",
        "--public-key",
        "admin-2.key.pub",
    ]);
    let server = env.serve(&srv, &[]);
    let as_admin = |key: &str, args: &[&str]| {
        let mut v = vec![
            "--store".to_owned(),
            server.url.clone(),
            "--service-account".to_owned(),
            "admin".to_owned(),
            "--jwt-private-key".to_owned(),
            key.to_owned(),
        ];
        v.extend(args.iter().map(|a| a.to_string()));
        v
    };
    env.cmd(as_admin("admin.key", &["key", "remove", "admin", &old]))
        .assert()
        .success()
        .stdout(format!("Removed key {old} from service account: admin\n"))
        .stderr(
            "This request was signed with that key: the server no longer accepts it, so sign \
             the next requests of admin with another of its keys (--jwt-private-key FILE, or \
             the keystore's).\n",
        );
    assert_eq!(
        env.ok(["--store", s, "key", "list", "admin", "-o", "name"]),
        format!("{new}\n")
    );
    env.cmd(as_admin("admin.key", &["whoami"])).assert().code(3);
    env.ok(as_admin("admin-2.key", &["whoami"]));
    // Removing another key says nothing more.
    let third = kid_of(&env.ok(["keygen", "-o", "admin-3.key"]));
    env.ok([
        "--store",
        s,
        "key",
        "add",
        "admin",
        "--public-key",
        "admin-3.key.pub",
    ]);
    env.cmd(as_admin("admin-2.key", &["key", "remove", "admin", &third]))
        .assert()
        .success()
        .stdout(format!("Removed key {third} from service account: admin\n"))
        .stderr("");
}

/// A subject naming no account is warned about, with the account of that name nearest to it;
/// the policy is written all the same (it may be for an account made later).
#[test]
fn a_subject_naming_no_account_is_warned_about_with_the_nearest_one() {
    let env = Env::new();
    env.ok(["create", "bob"]);
    env.ok(["namespace", "create", "eng"]);
    env.cmd([
        "policy",
        "create",
        "p",
        "-n",
        "eng",
        "--subject",
        "bob",
        "--action",
        "get",
        "--resource",
        "x",
    ])
    .assert()
    .success()
    .stdout("Created policy: p\n")
    .stderr(
        "svcacct: warning: subject `eng/bob` names no service account (a subject without a \
         namespace is read in the policy's namespace, `eng`); `bob` exists: name it \
         `default/bob`\n",
    );
    let p: serde_json::Value =
        serde_json::from_str(&env.ok(["policy", "describe", "p", "-n", "eng", "-o", "json"]))
            .unwrap();
    assert_eq!(p["subjects"], serde_json::json!(["eng/bob"]));
    // Named as the warning says: no warning.
    env.cmd([
        "policy",
        "update",
        "p",
        "-n",
        "eng",
        "--add-subject",
        "default/bob",
    ])
    .assert()
    .success()
    .stderr("");
    // A global policy reads a bare name in `default`; groups and patterns are not accounts.
    env.cmd([
        "policy",
        "create",
        "g",
        "--global",
        "--subject",
        "builder",
        "--subject",
        "eng/*",
        "--subject",
        "group:ops",
        "--action",
        "get",
        "--resource",
        "x",
    ])
    .assert()
    .success()
    .stderr(
        "svcacct: warning: subject `builder` names no service account (a subject without a \
         namespace is read in `default`, for a global policy); `eng/builder` exists: name it \
         `eng/builder`\n",
    );
    env.cmd([
        "policy",
        "update",
        "g",
        "--global",
        "--add-subject",
        "nobody",
    ])
    .assert()
    .success()
    .stderr(
        "svcacct: warning: subject `nobody` names no service account (a subject without a \
         namespace is read in `default`, for a global policy)\n",
    );
}

/// `can-i --as` naming no account says which one of that name exists; a "no" about another
/// namespace than the account's says which namespace was asked about.
#[test]
fn can_i_says_which_namespace_it_asked_about() {
    let env = Env::new();
    env.ok(["create", "bob"]);
    env.ok(["namespace", "create", "eng"]);
    env.cmd(["can-i", "get", "x", "--as", "eng/bob"])
        .assert()
        .code(3)
        .stdout("")
        .stderr(
            "svcacct: unknown service account `bob` in namespace `eng` (see `svcacct get`); \
             `bob` exists: name it `default/bob`\n",
        );
    env.cmd(["can-i", "pull", "image", "--as", "eng/builder"])
        .assert()
        .code(1)
        .stdout("no\n")
        .stderr(
            "(asked about namespace `default`; `eng/builder` is in `eng`: `-n eng` asks there)\n",
        );
    env.cmd(["can-i", "pull", "image", "--as", "eng/builder", "-n", "eng"])
        .assert()
        .success()
        .stdout("yes\n")
        .stderr("");
    env.cmd(["can-i", "push", "x", "--as", "eng/builder", "-n", "eng"])
        .assert()
        .code(1)
        .stdout("no\n")
        .stderr("");
    // A typo of an account's name: the nearest of its namespace.
    env.cmd(["can-i", "push", "x", "--as", "eng/buildr", "-n", "eng"])
        .assert()
        .code(3)
        .stdout("")
        .stderr(
            "svcacct: unknown service account `buildr` in namespace `eng` (see `svcacct get`); \
             did you mean `builder`?\n",
        );

    // Through a server, the same.
    let srv = env.path("srv");
    let s = srv.to_str().unwrap();
    env.bootstrap(&srv);
    env.ok(["--store", s, "namespace", "create", "eng"]);
    let server = env.serve(&srv, &[]);
    let remote = |args: &[&str]| {
        let mut v = vec!["--store", server.url.as_str(), "--service-account", "admin"];
        v.extend_from_slice(args);
        v.iter().map(|a| a.to_string()).collect::<Vec<_>>()
    };
    env.cmd(remote(&["can-i", "pull", "image", "--as", "eng/builder"]))
        .assert()
        .code(1)
        .stdout("no\n")
        .stderr(
            "(asked about namespace `default`; `eng/builder` is in `eng`: `-n eng` asks there)\n",
        );
    env.cmd(remote(&["can-i", "pull", "image", "--as", "eng/buildr"]))
        .assert()
        .code(3)
        .stderr(
            "svcacct: unknown service account `buildr` in namespace `eng` (see `svcacct get`); \
             did you mean `builder`?\n",
        );
    env.cmd(remote(&["can-i", "pull", "image", "--as", "builder"]))
        .assert()
        .code(3)
        .stderr(
            "svcacct: unknown service account `builder` in namespace `default` (see `svcacct \
             get`); `eng/builder` exists: name it `eng/builder`\n",
        );
}

/// Read-only in a namespace (`get,list` on `*` in `eng`): `describe` of an account there
/// works through a server, shows the policies the caller may list, and says that others
/// may be hidden.
#[test]
fn describe_shows_the_policies_a_reader_may_see_and_says_some_are_hidden() {
    let env = Env::new();
    let srv = env.path("srv");
    let s = srv.to_str().unwrap();
    env.bootstrap(&srv);
    env.ok(["--store", s, "namespace", "create", "eng", "--no-defaults"]);
    env.ok(["--store", s, "create", "eng/viewer"]);
    env.ok([
        "--store",
        s,
        "create",
        "eng/ci",
        "--public-key",
        &env.distinct_public_keys("ci", 1)[0],
    ]);
    let policy = |args: &[&str]| {
        let mut v = vec!["--store", s, "policy", "create"];
        v.extend_from_slice(args);
        env.ok(v);
    };
    policy(&[
        "eng-viewers",
        "-n",
        "eng",
        "--subject",
        "eng/viewer",
        "--action",
        "get,list",
        "--resource",
        "*",
    ]);
    policy(&[
        "ci-deploy",
        "-n",
        "eng",
        "--subject",
        "eng/ci",
        "--action",
        "create",
        "--resource",
        "deployment",
    ]);
    policy(&[
        "ci-global",
        "--global",
        "--subject",
        "eng/ci",
        "--action",
        "get",
        "--resource",
        "image",
    ]);
    let server = env.serve(&srv, &[]);
    let as_viewer = |args: &[&str]| {
        let mut v = vec![
            "--store",
            server.url.as_str(),
            "--service-account",
            "eng/viewer",
        ];
        v.extend_from_slice(args);
        v.iter().map(|a| a.to_string()).collect::<Vec<_>>()
    };
    let out = env.ok(as_viewer(&["describe", "eng/ci"]));
    assert!(
        out.ends_with(
            "Policies:\n  ci-deploy (eng): create on deployment\n  (only the policies of `eng` \
             and its parents that you may list: others may name it too; listing them all \
             needs a global `list` on `policy`)\n"
        ),
        "{out}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&env.ok(as_viewer(&["describe", "eng/ci", "-o", "json"]))).unwrap();
    assert_eq!(json["policiesIncomplete"], true);
    assert_eq!(json["policies"].as_array().unwrap().len(), 1);
    // The admin sees both, and no note.
    let all = env.ok([
        "--store",
        server.url.as_str(),
        "--service-account",
        "admin",
        "describe",
        "eng/ci",
    ]);
    assert!(
        all.contains("  ci-global (global): get on image\n"),
        "{all}"
    );
    assert!(!all.contains("only the policies"), "{all}");
}

/// An account named by a flag or the environment, signed with the key a context keeps for
/// another account (the README's old `export SVCACCT_SERVICE_ACCOUNT=admin` before a context
/// of ci-bot): the 401 that follows is announced by a warning that says why.
#[test]
fn signing_as_one_account_with_a_contexts_key_of_another_is_warned_about() {
    let env = Env::new();
    let srv = env.path("srv");
    let s = srv.to_str().unwrap();
    env.bootstrap(&srv);
    env.ok(["keygen", "-o", "ci-bot.key"]);
    env.ok([
        "--store",
        s,
        "create",
        "ci-bot",
        "--public-key",
        "ci-bot.key.pub",
    ]);
    env.ok([
        "--store",
        s,
        "policy",
        "create",
        "ci-read",
        "--subject",
        "ci-bot",
        "--action",
        "list",
        "--resource",
        "serviceaccount",
    ]);
    let server = env.serve(&srv, &[]);
    env.ok([
        "config",
        "set-context",
        "prod",
        "--store",
        &server.url,
        "--service-account",
        "ci-bot",
        "--jwt-private-key",
        "ci-bot.key",
        "--current",
    ]);
    // The context as it is: no warning.
    env.cmd(["get", "-o", "name"]).assert().success().stderr("");
    let warning = "svcacct: warning: signing as `admin` with the jwt-private-key of context \
                   `prod`, which is set for `ci-bot`: unless that key is registered for \
                   `admin` the server refuses it (pass --jwt-private-key FILE with a key of \
                   `admin`)\n";
    env.cmd(["get", "-o", "name"])
        .env("SVCACCT_SERVICE_ACCOUNT", "admin")
        .assert()
        .code(3)
        .stderr(predicates::str::starts_with(warning));
    env.cmd(["--service-account", "admin", "get", "-o", "name"])
        .assert()
        .code(3)
        .stderr(predicates::str::starts_with(warning));
    // With a key of its own on the command line: no warning, and it works.
    let admin_key = std::fs::read_dir(env.path(".local/share/svcacct/keys/default/admin"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|x| x == "pem"))
        .unwrap();
    env.cmd([
        "--service-account",
        "admin",
        "--jwt-private-key",
        admin_key.to_str().unwrap(),
        "get",
        "-o",
        "name",
    ])
    .assert()
    .success()
    .stderr("");
}
