//! The file store cleans up after killed writers and writes through no symbolic link it did
//! not make; names, namespaces and store locations are checked before the first write
//! (issue 12, points 8 and 11).

mod common;

use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::Command;
use std::time::Duration;

use common::Env;

const STORE: &str = ".local/share/svcacct/store";

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

/// An env with account `ci` (its public key `k.key.pub`), so the store exists.
fn with_account() -> Env {
    let env = Env::new();
    env.ok(["keygen", "-o", "k.key", "--bits", "2048"]);
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
    env.cmd(["create", "bot", "--public-key", "k.key.pub"])
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
    env.ok(["create", "bot", "--public-key", "k.key.pub"]);
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
                "k.key.pub",
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
