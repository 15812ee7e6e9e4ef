//! `svcacct store copy`: a copy is the same registry, record for record; what it refuses
//! changes nothing.

mod common;

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use common::Env;

/// Every file and folder under a store folder, relative, with its mode and bytes (a folder's
/// bytes are empty), but for what is no record: the lock file, the generation (a count of
/// writes) and the temporary folder.
fn records(store: &Path) -> Vec<(PathBuf, u32, Vec<u8>)> {
    fn walk(base: &Path, dir: &Path, out: &mut Vec<(PathBuf, u32, Vec<u8>)>) {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            let rel = p.strip_prefix(base).unwrap().to_path_buf();
            if [".lock", ".generation", ".tmp"].contains(&rel.to_str().unwrap()) {
                continue;
            }
            let mode = std::fs::symlink_metadata(&p).unwrap().permissions().mode();
            if p.is_dir() {
                out.push((rel, mode, vec![]));
                walk(base, &p, out);
            } else {
                out.push((rel, mode, std::fs::read(&p).unwrap()));
            }
        }
    }
    let mut out = vec![];
    walk(store, store, &mut out);
    out.sort();
    out
}

/// A registry with every kind of record: namespaces (one a child), accounts with keys in
/// them, global and namespaced policies, an issuer rotated once (a retired key and the
/// current one) and issued tokens signed by each. Returns a self-signed token and the two
/// issued ones.
fn registry(env: &Env, store: &str) -> (String, String, String) {
    let at = |args: &[&str]| {
        let mut v = vec!["--store", store];
        v.extend_from_slice(args);
        env.ok(v)
    };
    at(&["create", "admin"]);
    at(&["namespace", "create", "eng"]);
    at(&["namespace", "create", "eng/platform", "--no-defaults"]);
    at(&[
        "create",
        "-n",
        "eng/platform",
        "builder",
        "--group",
        "builders",
    ]);
    env.admin_all(Some(Path::new(store)));
    let old = at(&["tokens", "create", "admin", "before-rotation"]);
    at(&["issuer", "rotate", "--publish-first", "0"]);
    let new = at(&[
        "tokens",
        "create",
        "eng/platform/builder",
        "ci",
        "--aud",
        "x",
    ]);
    let signed = at(&["token", "admin"]);
    (
        signed.trim().to_owned(),
        old.trim().to_owned(),
        new.trim().to_owned(),
    )
}

fn store_copy(env: &Env, from: &Path, to: &Path, extra: &[&str]) -> assert_cmd::assert::Assert {
    let mut argv = vec![
        "store",
        "copy",
        "--from",
        from.to_str().unwrap(),
        "--to",
        to.to_str().unwrap(),
    ];
    argv.extend_from_slice(extra);
    env.cmd(argv).assert()
}

const EVERYTHING: &str = "5 accounts (2 keys), 4 policies, 2 namespaces, the issuer (2 keys), \
                          2 token files (2 issued tokens)";

#[test]
fn a_copy_holds_every_record_of_the_source_and_verifies_its_tokens() {
    let env = Env::new();
    let (a, b, c) = (env.path("a"), env.path("b"), env.path("c"));
    let (signed, old, new) = registry(&env, "a");
    store_copy(&env, &a, &b, &[])
        .success()
        .stderr("")
        .stdout(format!(
            "Copied {EVERYTHING} from {} to {}\n",
            a.display(),
            b.display()
        ));
    let source = records(&a);
    assert_eq!(records(&b), source);
    assert!(
        source.iter().any(|(p, mode, _)| p.starts_with("issuer")
            && p.extension().is_some_and(|e| e == "key")
            && mode & 0o777 == 0o600),
        "issuer keys are copied, 0600"
    );
    // And on again: a copy of the copy is the first store.
    store_copy(&env, &b, &c, &[]).success();
    assert_eq!(records(&c), source);
    for token in [&signed, &old] {
        env.cmd(["--store", "c", "verify", token])
            .assert()
            .success()
            .stdout(predicates::str::contains("Valid:      yes"));
    }
    env.cmd(["--store", "c", "verify", &new, "--aud", "x"])
        .assert()
        .success();
}

#[test]
fn overwrite_replaces_what_the_destination_held() {
    let env = Env::new();
    let (a, b) = (env.path("a"), env.path("b"));
    registry(&env, "a");
    env.ok(["--store", "b", "create", "stranger"]);
    env.ok(["--store", "b", "tokens", "create", "stranger", "t"]);
    let before = records(&b);
    store_copy(&env, &a, &b, &[])
        .code(3)
        .stdout("")
        .stderr(format!(
            "svcacct: the destination {} is not empty (it holds 1 account (1 key), the issuer (1 \
         key), 1 token file (1 issued token)): `store copy` fills an empty store; pass \
         --overwrite to replace everything it holds with the source's records\n",
            b.display()
        ));
    assert_eq!(records(&b), before, "a refused copy changes nothing");
    store_copy(&env, &a, &b, &["--overwrite"])
        .success()
        .stdout(format!(
            "Copied {EVERYTHING} from {} to {}\nReplaced what {} held: 1 account (1 key), the \
             issuer (1 key), 1 token file (1 issued token)\n",
            a.display(),
            b.display(),
            b.display()
        ));
    assert_eq!(records(&b), records(&a));
}

#[test]
fn refusals_change_nothing() {
    let env = Env::new();
    let (a, b) = (env.path("a"), env.path("b"));
    registry(&env, "a");
    let source = records(&a);
    let refused = |argv: &[&str], code: i32, message: String| {
        let mut v = vec!["store", "copy"];
        v.extend_from_slice(argv);
        env.cmd(v)
            .assert()
            .code(code)
            .stdout("")
            .stderr(format!("svcacct: {message}\n"));
        assert_eq!(records(&a), source);
        assert!(!b.exists(), "the destination is not made");
    };
    let a_str = a.to_str().unwrap();
    let b_str = b.to_str().unwrap();
    refused(
        &["--from", a_str, "--to", &format!("{}/../a/", b_str)],
        2,
        format!("--from and --to name the same store ({a_str}): copy into another one"),
    );
    std::os::unix::fs::symlink(&a, env.path("link")).unwrap();
    refused(
        &["--from", "link", "--to", a_str],
        2,
        "--from and --to name the same store (link): copy into another one".into(),
    );
    refused(
        &["--from", "missing", "--to", b_str],
        3,
        "the source store folder missing does not exist: check --from".into(),
    );
    std::fs::write(env.path("file"), "").unwrap();
    refused(
        &["--from", "file", "--to", b_str],
        3,
        "the source store file is not a folder: check --from".into(),
    );
    std::fs::create_dir(env.path("empty")).unwrap();
    refused(
        &["--from", "empty", "--to", b_str, "--overwrite"],
        3,
        "the source empty holds no records: nothing to copy (check --from)".into(),
    );
    refused(
        &["--from", "https://registry.example:8420", "--to", b_str],
        2,
        "--from https://registry.example:8420 is a `svcacct serve`, whose records only its \
         own store holds: run `store copy` on the server's machine, with --from naming its \
         store folder"
            .into(),
    );
    refused(
        &["--from", a_str, "--to", "https://registry.example:8420"],
        2,
        "--to https://registry.example:8420 is a `svcacct serve`, whose records only its own \
         store holds: run `store copy` on the server's machine, with --from naming its store \
         folder"
            .into(),
    );
    refused(
        &["--from", a_str, "--to", "localhost:8420"],
        2,
        "--to: store `localhost:8420` is a server's address without its scheme: did you mean \
         https://localhost:8420? (http://localhost:8420 for a server on this machine without \
         TLS; ./localhost:8420 for a folder of that name)"
            .into(),
    );
    env.cmd([
        "--store", a_str, "store", "copy", "--from", a_str, "--to", b_str,
    ])
    .assert()
    .code(2)
    .stderr("svcacct: `store copy` takes its stores from --from and --to, not --store\n");
    assert!(!b.exists());
}

/// An unreadable record is not left behind: the copy is refused, and names it.
#[test]
fn a_corrupt_record_of_the_source_is_refused() {
    let env = Env::new();
    let (a, b) = (env.path("a"), env.path("b"));
    registry(&env, "a");
    std::fs::write(a.join("accounts/eng/deployer.toml"), "not = [toml").unwrap();
    let out = store_copy(&env, &a, &b, &[]).code(3).stdout("");
    let stderr = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(
        stderr.starts_with("svcacct: ") && stderr.contains("accounts/eng/deployer.toml"),
        "{stderr}"
    );
    assert!(!b.exists());
}

/// A destination that cannot be read is not written to.
#[test]
fn an_unreadable_destination_is_refused() {
    let env = Env::new();
    let (a, b) = (env.path("a"), env.path("b"));
    registry(&env, "a");
    std::fs::create_dir(&b).unwrap();
    std::fs::write(b.join("policies"), "").unwrap();
    store_copy(&env, &a, &b, &["--overwrite"])
        .code(3)
        .stdout("")
        .stderr(format!(
            "svcacct: cannot read the destination {b}, so nothing was copied: cannot read the \
             store folder {b}/policies: Not a directory (os error 20)\n",
            b = b.display()
        ));
    assert_eq!(
        records(&b),
        vec![(PathBuf::from("policies"), 0o100644, vec![])]
    );
}
