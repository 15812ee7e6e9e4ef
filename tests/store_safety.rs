//! The file store cleans up after killed writers and writes through no symbolic link it did
//! not make; names, namespaces and store locations are checked before the first write
//! (issue 12, points 8 and 11).

mod common;

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use common::{Env, curl};

const STORE: &str = ".local/share/svcacct/store";

fn json(text: &str) -> serde_json::Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("not JSON ({e}): {text}"))
}

/// Every path under `dir`, relative, sorted (links not followed).
fn tree(dir: &Path) -> Vec<String> {
    fn walk(base: &Path, dir: &Path, out: &mut Vec<String>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            out.push(path.strip_prefix(base).unwrap().display().to_string());
            if path.symlink_metadata().unwrap().is_dir() {
                walk(base, &path, out);
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, dir, &mut out);
    out.sort();
    out
}

/// The temporary files in the store: in `.tmp/`, or beside a record (as before).
fn leftovers(env: &Env) -> Vec<String> {
    tree(&env.path(STORE))
        .into_iter()
        .filter(|p| p.starts_with(".tmp/") || p.contains("/.tmp-") || p.starts_with(".tmp-"))
        .collect()
}

fn is_link(p: &Path) -> bool {
    p.symlink_metadata()
        .is_ok_and(|m| m.file_type().is_symlink())
}

/// An env with account `ci` (its public key `k.key.pub`), so the store exists, and a second
/// key pair `b.key` for another account (one public key belongs to one account).
fn with_account() -> Env {
    let env = Env::new();
    env.ok(["keygen", "-o", "k.key", "--bits", "2048"]);
    env.ok(["keygen", "-o", "b.key", "--bits", "2048"]);
    env.ok(["create", "ci", "--public-key", "k.key.pub"]);
    env
}

/// A temporary file as a writer killed between writing it and renaming it leaves behind (the
/// store's naming: `.tmp/` and 32 hex digits) goes with the next write, also one that writes
/// nothing; reads leave it alone (a live writer may be using it).
#[test]
fn what_a_killed_writer_left_goes_with_the_next_write() {
    let env = with_account();
    let tmp = env.path(STORE).join(".tmp");
    std::fs::create_dir_all(&tmp).unwrap();
    let stale = tmp.join("0123456789abcdef0123456789abcdef");
    std::fs::write(&stale, "name = \"half\"\n").unwrap();
    env.ok(["get"]);
    env.ok(["policy", "get"]);
    assert!(stale.exists(), "a read removed a writer's file");
    env.ok(["update", "ci", "--description", "d"]);
    assert_eq!(leftovers(&env), Vec::<String>::new());

    // A refused write takes the lock too, and cleans up.
    std::fs::write(&stale, "x").unwrap();
    env.cmd(["create", "ci", "--public-key", "k.key.pub"])
        .assert()
        .code(3);
    assert_eq!(leftovers(&env), Vec::<String>::new());
    // So do the writes of the issuer and of token records.
    std::fs::write(&stale, "x").unwrap();
    env.ok(["tokens", "create", "ci", "deploy"]);
    assert_eq!(leftovers(&env), Vec::<String>::new());
    assert_eq!(
        env.ok(["tokens", "list", "ci", "-o", "name"]),
        "deploy\n",
        "the token record is whole"
    );
}

/// Writers killed at any moment: whatever they left, the next write removes, and every record
/// reads whole.
#[test]
fn writers_killed_mid_write_leave_nothing_after_the_next_one() {
    let env = with_account();
    let bin = assert_cmd::cargo::cargo_bin("svcacct");
    for i in 0..40u64 {
        let mut child = Command::new(&bin)
            .env_clear()
            .env("HOME", env.home.path())
            .current_dir(env.home.path())
            .args(["update", "ci", "--description", &format!("round {i}")])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        // Spread over the process's short life: starting, writing, finishing.
        std::thread::sleep(Duration::from_micros(500 * (i % 16)));
        let _ = child.kill();
        let _ = child.wait();
        env.ok(["update", "ci", "--description", &format!("after {i}")]);
        assert_eq!(leftovers(&env), Vec::<String>::new(), "round {i}");
    }
    let out = env.cmd(["get", "-A", "-o", "name"]).output().unwrap();
    assert!(out.status.success(), "{out:?}");
    assert_eq!(String::from_utf8_lossy(&out.stdout), "ci\n");
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}

/// `rename` killed at any moment leaves the account under one name, never both, with all its
/// grants: the record moves, the issued tokens go and the policies that named it name the new
/// name, all at once (a redo journal), and the next command finishes a rename that was cut
/// short before it reads anything. Were both names left, one key would belong to two accounts
/// and the tokens the rename revokes would stay valid; were some grants left, a new account of
/// the old name would inherit them.
#[test]
fn a_rename_killed_at_any_moment_leaves_one_name() {
    let env = Env::new();
    env.ok(["keygen", "-o", "k.key", "--bits", "2048"]);
    env.ok(["create", "r0", "--public-key", "k.key.pub"]);
    let token = env.ok(["tokens", "create", "r0", "t1"]).trim().to_owned();
    // Grants that follow the account: all of them move with the rename, or none.
    for i in 0..30 {
        env.ok([
            "policy",
            "create",
            &format!("p{i}"),
            "--subject",
            "r0",
            "--action",
            "get",
            "--resource",
            "x",
        ]);
    }
    let subjects = |env: &Env| -> Vec<String> {
        let list: serde_json::Value =
            serde_json::from_str(&env.ok(["policy", "get", "-o", "json"])).unwrap();
        list["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["subjects"][0].as_str().unwrap().to_owned())
            .collect()
    };
    let bin = assert_cmd::cargo::cargo_bin("svcacct");
    let (mut from, mut to) = ("r0", "r1");
    let mut moved = 0;
    for i in 0..120u64 {
        let mut child = Command::new(&bin)
            .env_clear()
            .env("HOME", env.home.path())
            .current_dir(env.home.path())
            .args(["rename", from, to])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        // Spread over the process's life: starting, writing the journal, moving, finishing.
        std::thread::sleep(Duration::from_micros(400 * (i % 24)));
        let _ = child.kill();
        let _ = child.wait();
        let names = env.ok(["get", "-o", "name"]);
        assert!(
            names == format!("{from}\n") || names == format!("{to}\n"),
            "round {i}: {names:?}"
        );
        let named = names.trim().to_owned();
        assert!(
            subjects(&env).iter().all(|s| *s == named),
            "round {i}: the account is `{named}`, its grants name {:?}",
            subjects(&env)
        );
        if names == format!("{to}\n") {
            moved += 1;
            // The rename happened whole: the token it revokes is gone with it.
            env.cmd(["verify", &token]).assert().code(1);
            std::mem::swap(&mut from, &mut to);
        }
        assert!(
            !env.path(STORE).join(".tmp/journal").exists(),
            "round {i}: a read left the journal of a cut-short rename"
        );
    }
    assert!(
        moved > 0,
        "no rename ever finished: the test killed every one too early"
    );
}

/// A `.lock` that is a symbolic link is not followed: no file is made at its target, nothing
/// is written, and the message says what to do.
#[test]
fn a_lock_file_that_is_a_link_is_not_followed() {
    let env = with_account();
    let lock = env.path(STORE).join(".lock");
    let target = env.path("outside/target");
    std::fs::create_dir_all(target.parent().unwrap()).unwrap();
    std::fs::remove_file(&lock).unwrap();
    std::os::unix::fs::symlink(&target, &lock).unwrap();
    let before = env.store_snapshot();
    env.cmd(["create", "bot", "--public-key", "b.key.pub"])
        .assert()
        .code(3)
        .stdout("")
        .stderr(format!(
            "svcacct: the store lock {} is a symbolic link, which svcacct did not make: remove \
             it (svcacct makes the lock file itself)\n",
            lock.display()
        ));
    assert!(!target.exists(), "a file was made at the link's target");
    assert!(is_link(&lock));
    assert_eq!(before, env.store_snapshot());
    std::fs::remove_file(&lock).unwrap();
    env.ok(["create", "bot", "--public-key", "b.key.pub"]);
}

/// An account's folder in the keystore that is a symbolic link (to a folder of mode 0755
/// elsewhere) gets no private key: the account is not created, nothing is written, and the
/// message names the link. Folders svcacct makes there are 0700.
#[test]
fn a_keystore_folder_that_is_a_link_gets_no_private_key() {
    let env = with_account();
    let shared = env.path("shared");
    std::fs::create_dir(&shared).unwrap();
    std::fs::set_permissions(&shared, std::fs::Permissions::from_mode(0o755)).unwrap();
    let keys = env.path(".local/share/svcacct/keys");
    let refusal = |link: &Path| {
        format!(
            "svcacct: the keystore folder {} is a symbolic link, which svcacct did not make: \
             svcacct writes private keys only into folders it made (mode 0700); remove the \
             link, or choose another keystore with --keystore\n",
            link.display()
        )
    };
    // The account's folder, then a namespace's folder.
    env.ok(["namespace", "create", "eng", "--no-defaults"]);
    for (args, link) in [
        (
            vec!["create", "bot", "--bits", "2048"],
            keys.join("default/bot"),
        ),
        (
            vec![
                "create",
                "eng/bot",
                "--public-key",
                "b.key.pub",
                "--impersonate",
                "alice",
            ],
            keys.join("eng"),
        ),
        (
            vec!["key", "add", "ci", "--generate", "--bits", "2048"],
            keys.join("default/ci"),
        ),
    ] {
        std::fs::create_dir_all(link.parent().unwrap()).unwrap();
        std::os::unix::fs::symlink(&shared, &link).unwrap();
        let before = env.store_snapshot();
        env.cmd(&args)
            .assert()
            .code(3)
            .stdout("")
            .stderr(refusal(&link));
        assert_eq!(before, env.store_snapshot(), "{args:?} changed the store");
        assert_eq!(tree(&shared), Vec::<String>::new(), "{args:?}");
        std::fs::remove_file(&link).unwrap();
    }
    assert_eq!(env.ok(["get", "-A", "-o", "name"]), "ci\n");
    assert_eq!(
        env.ok(["key", "list", "ci", "-o", "json"])
            .matches("\"kid\"")
            .count(),
        1
    );
    // Without the links, svcacct makes its own folders, 0700.
    env.ok(["create", "eng/bot", "--bits", "2048"]);
    for dir in ["eng", "eng/bot"] {
        let mode = std::fs::metadata(keys.join(dir))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o700, "{dir}");
    }
}

/// A keystore folder that others may write to (made by someone else, or chmod'ed) gets no
/// private key either: they could swap `current` or the key. Nothing is registered.
#[test]
fn a_keystore_folder_others_may_write_gets_no_private_key() {
    let env = with_account();
    let folder = env.path(".local/share/svcacct/keys/default/bot");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o777)).unwrap();
    let before = env.store_snapshot();
    env.cmd(["create", "bot", "--bits", "2048"])
        .assert()
        .code(3)
        .stdout("")
        .stderr(format!(
            "svcacct: the keystore folder {} is writable by others: svcacct keeps private keys \
             only in folders of its user that nobody else may write to (it makes them 0700); fix \
             it with `chown` and `chmod 700`, or remove it\n",
            folder.display()
        ));
    assert_eq!(before, env.store_snapshot());
    assert_eq!(tree(&folder), Vec::<String>::new());
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o700)).unwrap();
    env.ok(["create", "bot", "--bits", "2048"]);
}

/// A config file that is a symbolic link (a dotfiles setup) stays one: its target is updated.
#[test]
fn a_linked_config_file_stays_a_link() {
    let env = Env::new();
    let target = env.path("dotfiles/svcacct.toml");
    std::fs::create_dir_all(target.parent().unwrap()).unwrap();
    std::fs::write(&target, "# mine\nnamespace = \"eng\"\n").unwrap();
    let config = env.path(".config/svcacct/config.toml");
    std::fs::create_dir_all(config.parent().unwrap()).unwrap();
    std::os::unix::fs::symlink("../../dotfiles/svcacct.toml", &config).unwrap();
    env.ok([
        "config",
        "set-context",
        "prod",
        "--store",
        "/srv/store",
        "--current",
    ]);
    assert!(is_link(&config), "the link was replaced by a file");
    assert_eq!(
        std::fs::read_to_string(&target).unwrap(),
        "# mine\nnamespace = \"eng\"\ncurrent-context = \"prod\"\n\n[contexts.prod]\nstore = \"/srv/store\"\n"
    );
    assert_eq!(tree(&env.path("dotfiles")), ["svcacct.toml"]);
    assert_eq!(tree(&env.path(".config/svcacct")), ["config.toml"]);
    assert_eq!(env.ok(["config", "current-context"]), "prod\n");
}

/// `policy create -n NS` needs NS to exist, as `create -n NS` does; nothing is written.
#[test]
fn a_policy_needs_its_namespace() {
    let env = with_account();
    let before = env.store_snapshot();
    for ns in ["eng", "eng/platform"] {
        env.cmd([
            "policy",
            "create",
            "p",
            "-n",
            ns,
            "--subject",
            "ci",
            "--action",
            "get",
            "--resource",
            "x",
        ])
        .assert()
        .code(3)
        .stdout("")
        .stderr(format!(
            "svcacct: namespace `{ns}` does not exist (create it with `svcacct namespace create \
             {ns}`)\n"
        ));
        assert_eq!(before, env.store_snapshot(), "{ns}");
    }
    env.ok(["namespace", "create", "eng", "--no-defaults"]);
    env.ok([
        "policy",
        "create",
        "p",
        "-n",
        "eng",
        "--subject",
        "ci",
        "--action",
        "get",
        "--resource",
        "x",
    ]);
    env.ok([
        "policy",
        "create",
        "g",
        "--global",
        "--subject",
        "ci",
        "--action",
        "get",
        "--resource",
        "x",
    ]);
}

/// A namespace of 251 to 253 characters could have no record (`<namespace>.toml`): it is
/// refused wherever it is given, before anything is written. `policy create` used to take it,
/// after which `namespace delete` of its parent deleted the accounts and then failed with `File
/// name too long`.
#[test]
fn a_namespace_too_long_for_a_file_name_is_refused_everywhere() {
    let env = with_account();
    env.ok(["namespace", "create", "0", "--no-defaults"]);
    let long = format!("0/{}", vec!["a"; 125].join("/"));
    assert_eq!(long.len(), 251);
    let before = env.store_snapshot();
    let refusal = format!(
        "svcacct: invalid namespace `{}…`: it is longer than 250 characters, too long for a file \
         name in a store (a namespace is DNS-1123 labels joined by `/`, e.g. `eng/platform`)\n",
        &long[..40]
    );
    for args in [
        vec![
            "policy",
            "create",
            "p",
            "--subject",
            "ci",
            "--action",
            "get",
            "--resource",
            "x",
        ],
        vec!["create", "bot", "--public-key", "b.key.pub"],
        vec!["namespace", "create", long.as_str()],
        vec!["get"],
    ] {
        let mut argv = vec!["-n", long.as_str()];
        argv.extend(args);
        env.cmd(&argv)
            .assert()
            .code(2)
            .stdout("")
            .stderr(refusal.clone());
        assert_eq!(before, env.store_snapshot(), "{argv:?} changed the store");
    }
    env.cmd([
        "create",
        &format!("{long}/bot"),
        "--public-key",
        "k.key.pub",
    ])
    .assert()
    .code(2)
    .stderr(refusal.clone());
    env.cmd(["--store", "x", "config", "set-context", "c", "-n", &long])
        .assert()
        .code(2)
        .stderr(refusal.clone());
    assert_eq!(before, env.store_snapshot());
    env.ok(["namespace", "create", "0/b", "--no-defaults"]);
    env.ok(["create", "bot", "-n", "0/b", "--public-key", "b.key.pub"]);
    env.cmd(["namespace", "delete", "0", "--yes"])
        .assert()
        .success()
        .stdout("Deleted service account: 0/b/bot\nDeleted namespace: 0/b\nDeleted namespace: 0\n");
}

/// Through `svcacct serve`: a policy in a namespace that does not exist, or whose name is too
/// long for a store, is refused (404, 400) and nothing is written; deleting its parent then
/// works (it answered 500 after deleting the accounts). A store written by an earlier version,
/// with such a policy in it, is not a 500 either.
#[test]
fn the_server_refuses_policies_in_namespaces_it_could_not_delete() {
    let env = Env::new();
    let srv = env.path("srv");
    env.bootstrap(&srv);
    let s = srv.to_str().unwrap();
    env.ok(["--store", s, "namespace", "create", "0"]);
    let server = env.serve(&srv, &[]);
    let token = env.ok(["token", "admin"]).trim().to_owned();
    let auth = format!("Authorization: Bearer {token}");
    let post = |ns_segment: &str| {
        curl(&[
            "-X",
            "POST",
            "-H",
            &auth,
            "-H",
            "Content-Type: application/json",
            "--data-binary",
            r#"{"name":"p","subjects":["admin"],"actions":["get"],"resources":["x"]}"#,
            &server.at(&format!("/v1/namespaces/{ns_segment}/policies")),
        ])
    };
    let snapshot = || tree(&srv);
    let before = snapshot();
    let (status, body) = post("nope");
    assert_eq!(status, 404, "{body}");
    assert_eq!(
        json(&body)["detail"],
        "namespace `nope` does not exist (create it with `svcacct namespace create nope`)"
    );
    let long = format!("0%2F{}", vec!["a"; 125].join("%2F"));
    let (status, body) = post(&long);
    assert_eq!(status, 400, "{body}");
    assert!(
        json(&body)["detail"]
            .as_str()
            .unwrap()
            .contains("it is longer than 250 characters, too long for a file name in a store"),
        "{body}"
    );
    assert_eq!(before, snapshot(), "a refused policy was written");
    // The CLI through the server says what it says locally.
    env.cmd([
        "--store",
        &server.url,
        "--service-account",
        "admin",
        "policy",
        "create",
        "p",
        "-n",
        "nope",
        "--subject",
        "admin",
        "--action",
        "get",
        "--resource",
        "x",
    ])
    .assert()
    .code(3)
    .stderr(
        "svcacct: namespace `nope` does not exist (create it with `svcacct namespace create \
         nope`)\n",
    );

    let delete = || curl(&["-X", "DELETE", "-H", &auth, &server.at("/v1/namespaces/0")]);
    let (status, body) = delete();
    assert_eq!(status, 200, "{body}");
    assert_eq!(json(&body)["namespaces"], serde_json::json!(["0"]));

    // A store from before: a policy in `0/a/…/a` (251 characters) as it was written then.
    env.ok(["--store", s, "namespace", "create", "0", "--no-defaults"]);
    let old = srv.join(format!("policies/0.{}", vec!["a"; 125].join(".")));
    std::fs::create_dir_all(&old).unwrap();
    let admin_all = std::fs::read_to_string(srv.join("policies/_global/admin-all.toml")).unwrap();
    std::fs::write(
        old.join("p.toml"),
        admin_all.replace(
            "name = \"admin-all\"",
            &format!("name = \"p\"\nnamespace = \"{}\"", long.replace("%2F", "/")),
        ),
    )
    .unwrap();
    let (status, body) = delete();
    assert!(status < 500, "{status} {body}");
    assert_eq!(status, 200, "{body}");
}

/// `--store HOST:PORT` (and the same in SVCACCT_STORE, a context, `set-context`) is a server's
/// address without its scheme: refused with the URL it probably means, and no folder of that
/// name is made. A path with a `/` is a folder.
#[test]
fn a_server_address_without_its_scheme_is_no_folder() {
    let env = Env::new();
    env.ok(["keygen", "-o", "k.key", "--bits", "2048"]);
    let refusal = |addr: &str, loopback: bool| {
        format!(
            "svcacct: store `{addr}` is a server's address without its scheme: did you mean \
             https://{addr}? ({}./{addr} for a folder of that name)\n",
            if loopback {
                format!("http://{addr} for a server on this machine without TLS; ")
            } else {
                String::new()
            }
        )
    };
    let listing = || tree(env.home.path());
    let before = listing();
    for (addr, loopback) in [("127.0.0.1:18420", true), ("registry.example:8420", false)] {
        env.cmd([
            "--store",
            addr,
            "create",
            "bot",
            "--public-key",
            "k.key.pub",
        ])
        .assert()
        .code(2)
        .stdout("")
        .stderr(refusal(addr, loopback));
        env.cmd(["create", "bot", "--public-key", "k.key.pub"])
            .env("SVCACCT_STORE", addr)
            .assert()
            .code(2)
            .stderr(refusal(addr, loopback));
        env.cmd(["--store", addr, "config", "set-context", "c"])
            .assert()
            .code(2)
            .stderr(refusal(addr, loopback));
    }
    assert_eq!(before, listing(), "something was written");
    // A context that holds one (written by hand).
    let config = env.path(".config/svcacct/config.toml");
    std::fs::create_dir_all(config.parent().unwrap()).unwrap();
    std::fs::write(
        &config,
        "current-context = \"c\"\n[contexts.c]\nstore = \"localhost:8420\"\n",
    )
    .unwrap();
    env.cmd(["get"])
        .assert()
        .code(2)
        .stderr(refusal("localhost:8420", true));
    std::fs::remove_file(&config).unwrap();
    // With a `/` it is a folder.
    env.ok([
        "--store",
        "./127.0.0.1:18420",
        "create",
        "bot",
        "--public-key",
        "k.key.pub",
    ]);
    assert!(
        env.path("127.0.0.1:18420/accounts/default/bot.toml")
            .exists()
    );
}

/// More forms of a server's address that are no folders (each made one before): `HOST:PORT/…`,
/// `USER@HOST:PORT`, and URLs with a mistyped scheme (`http:/x`, `https//x`, `http:x`). Each
/// is refused with the URL it probably means and how to name a folder of that name (`./`);
/// nothing is written. With `./` it is a folder.
#[test]
fn mistyped_server_addresses_are_no_folders() {
    let env = Env::new();
    env.ok(["keygen", "-o", "k.key", "--bits", "2048"]);
    let listing = || tree(env.home.path());
    let before = listing();
    let address = |s: &str, url: &str, notes: &str| {
        format!(
            "svcacct: store `{s}` is a server's address without its scheme: did you mean \
             {url}? ({notes}./{s} for a folder of that name)\n"
        )
    };
    let scheme = |s: &str, url: &str| {
        format!(
            "svcacct: store `{s}` is a URL with a mistyped scheme: did you mean {url}? (./{s} \
             for a folder of that name)\n"
        )
    };
    let cases = [
        (
            "127.0.0.1:18420/",
            address(
                "127.0.0.1:18420/",
                "https://127.0.0.1:18420/",
                "http://127.0.0.1:18420/ for a server on this machine without TLS; ",
            ),
        ),
        (
            "registry.example:8420/svcacct",
            address(
                "registry.example:8420/svcacct",
                "https://registry.example:8420/svcacct",
                "",
            ),
        ),
        (
            "user@reg:8420",
            address(
                "user@reg:8420",
                "https://reg:8420",
                "a store URL holds no user name, --service-account names the account; ",
            ),
        ),
        (
            "http:/127.0.0.1:18420",
            scheme("http:/127.0.0.1:18420", "http://127.0.0.1:18420"),
        ),
        (
            "https//reg:8420",
            scheme("https//reg:8420", "https://reg:8420"),
        ),
        (
            "http:reg.example",
            scheme("http:reg.example", "https://reg.example"),
        ),
        (
            "HTTPS:/[::1]:8420/",
            scheme("HTTPS:/[::1]:8420/", "https://[::1]:8420/"),
        ),
    ];
    for (store, stderr) in &cases {
        env.cmd([
            "--store",
            store,
            "create",
            "bot",
            "--public-key",
            "k.key.pub",
        ])
        .assert()
        .code(2)
        .stdout("")
        .stderr(stderr.clone());
        env.cmd(["get"])
            .env("SVCACCT_STORE", store)
            .assert()
            .code(2)
            .stdout("")
            .stderr(stderr.clone());
        env.cmd(["--store", store, "config", "set-context", "c"])
            .assert()
            .code(2)
            .stderr(stderr.clone());
    }
    assert_eq!(before, listing(), "something was written");
    // With `./` each is a folder.
    for (store, _) in &cases[..3] {
        let folder = format!("./{store}");
        env.ok([
            "--store",
            &folder,
            "create",
            "bot",
            "--public-key",
            "k.key.pub",
        ]);
        assert!(
            env.path(&format!("{store}/accounts/default/bot.toml"))
                .exists(),
            "{folder}"
        );
    }
}

/// A reading command on a store folder named explicitly that does not exist says so (exit 3)
/// instead of showing an empty registry, and makes nothing; the default folder, not made yet,
/// is an empty registry as before.
#[test]
fn reading_a_named_store_that_does_not_exist_says_so() {
    let env = Env::new();
    let token = {
        env.ok(["keygen", "-o", "k.key", "--bits", "2048"]);
        env.ok([
            "--store",
            "elsewhere",
            "create",
            "ci",
            "--public-key",
            "k.key.pub",
        ]);
        env.ok(["token", "ci", "--jwt-private-key", "k.key"])
            .trim()
            .to_owned()
    };
    let missing: PathBuf = env.path("typo");
    let m = missing.to_str().unwrap();
    let says = |source: &str| {
        format!(
            "svcacct: store folder {m} (from {source}) does not exist: check the path; a new \
             store is made by its first write, e.g. `svcacct --store {m} create NAME`\n"
        )
    };
    for args in [
        vec!["get"],
        vec!["get", "ci"],
        vec!["describe", "ci"],
        vec!["policy", "get"],
        vec!["policy", "describe", "p"],
        vec!["namespace", "get"],
        vec!["key", "list", "ci"],
        vec!["tokens", "list", "ci"],
        vec!["jwks", "ci"],
        vec!["can-i", "get", "x", "--as", "ci"],
        vec!["verify", token.as_str()],
        vec![
            "whoami",
            "--service-account",
            "ci",
            "--jwt-private-key",
            "k.key",
        ],
        vec!["issuer", "get"],
    ] {
        let mut argv = vec!["--store", m];
        argv.extend(args.iter().copied());
        env.cmd(&argv)
            .assert()
            .code(3)
            .stdout("")
            .stderr(says("--store"));
        env.cmd(&args)
            .env("SVCACCT_STORE", m)
            .assert()
            .code(3)
            .stderr(says("SVCACCT_STORE"));
        assert!(!missing.exists(), "{args:?} made the folder");
    }
    env.ok(["config", "set-context", "typo", "--store", m, "--current"]);
    env.cmd(["get"])
        .assert()
        .code(3)
        .stderr(says("context `typo`"));
    env.ok(["config", "delete-context", "typo"]);
    // The default store, not made yet: an empty registry.
    env.cmd(["get"])
        .assert()
        .success()
        .stdout("")
        .stderr("No service accounts in namespace `default`.\n");
    env.ok(["policy", "get"]);
    assert!(!env.path(STORE).exists());
    // A command that writes makes the named folder, as it always did.
    env.ok(["--store", m, "create", "ci", "--public-key", "k.key.pub"]);
    assert_eq!(env.ok(["--store", m, "get", "-o", "name"]), "ci\n");
}

/// A store with whitespace at its start, or with a stray character where `://` belongs, or
/// with something before its scheme, is no folder (review finding 5: `--store ' http://…'`
/// and `--store 'https;//x:1'` made the folders ` http:/…` and `https;/x:1`, and `create`
/// kept the account's private key in the local keystore while the caller thought it had
/// registered the account on the server). Refused from every source: the flag,
/// SVCACCT_STORE, the config file, a context, `config set-context`; nothing is written, not
/// even the keystore. With `./` in front each is a folder.
#[test]
fn a_store_with_whitespace_or_a_stray_separator_is_no_folder() {
    let env = Env::new();
    let listing = || tree(env.home.path());
    let before = listing();
    let cases = [
        (
            " http://127.0.0.1:1",
            "svcacct: store ` http://127.0.0.1:1` starts with whitespace: did you mean \
             http://127.0.0.1:1? (`./ http://127.0.0.1:1` for a folder of that name)\n",
        ),
        (
            "https://registry.example:8420 ",
            "svcacct: store `https://registry.example:8420 ` ends with whitespace: did you mean \
             https://registry.example:8420? (`./https://registry.example:8420 /` for a folder of \
             that name)\n",
        ),
        (
            "https;//x:1",
            "svcacct: store `https;//x:1` is a URL with a mistyped scheme: did you mean \
             https://x:1? (./https;//x:1 for a folder of that name)\n",
        ),
        (
            "http:/;/127.0.0.1:1",
            "svcacct: store `http:/;/127.0.0.1:1` is a URL with a mistyped scheme: did you mean \
             http://127.0.0.1:1? (./http:/;/127.0.0.1:1 for a folder of that name)\n",
        ),
        (
            "\"https://x:1\"",
            "svcacct: store `\"https://x:1\"` is a URL with something before it: did you mean \
             https://x:1? (./\"https://x:1\" for a folder of that name)\n",
        ),
    ];
    let config = env.path(".config/svcacct/config.toml");
    for (store, stderr) in cases {
        env.cmd(["--store", store, "create", "x", "--bits", "2048"])
            .assert()
            .code(2)
            .stdout("")
            .stderr(stderr);
        env.cmd(["create", "x", "--bits", "2048"])
            .env("SVCACCT_STORE", store)
            .assert()
            .code(2)
            .stdout("")
            .stderr(stderr);
        env.cmd(["--store", store, "config", "set-context", "c", "--current"])
            .assert()
            .code(2)
            .stdout("")
            .stderr(stderr);
        assert_eq!(before, listing(), "{store:?}: something was written");
        // In the config file (written by hand), at the top and in the context in use.
        let value = store.replace('"', "\\\"");
        std::fs::create_dir_all(config.parent().unwrap()).unwrap();
        for text in [
            format!("store = \"{value}\"\n"),
            format!("current-context = \"c\"\n[contexts.c]\nstore = \"{value}\"\n"),
        ] {
            std::fs::write(&config, &text).unwrap();
            env.cmd(["create", "x", "--bits", "2048"])
                .assert()
                .code(2)
                .stdout("")
                .stderr(stderr);
            assert_eq!(std::fs::read_to_string(&config).unwrap(), text);
        }
        std::fs::remove_dir_all(env.path(".config")).unwrap();
        assert_eq!(before, listing(), "{store:?}: something was written");
    }
    // With `./` in front (and, for whitespace at the end, a `/` after) each is a folder.
    for (folder, made) in [
        ("./ http://127.0.0.1:1", " http:/127.0.0.1:1"),
        ("./https;//x:1", "https;/x:1"),
        ("./mystore /", "mystore "),
    ] {
        env.ok(["--store", folder, "create", "x", "--bits", "2048"]);
        assert!(
            env.path(&format!("{made}/accounts/default/x.toml"))
                .exists(),
            "{folder}"
        );
    }
}
