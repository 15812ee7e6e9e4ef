//! `svcacct token --reuse` (issue 17): a kept token is printed again for the same combination
//! while enough of its lifetime remains, never for another, and only from the user's own
//! private files.

mod common;

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use common::Env;

fn with_account() -> Env {
    let env = Env::new();
    env.ok(["create", "ci-bot", "--bits", "2048"]);
    env
}

/// The cache folder of a test HOME without XDG variables: `~/.cache/svcacct/tokens`.
fn cache_dir(env: &Env) -> PathBuf {
    env.path(".cache/svcacct/tokens")
}

fn kept_files(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| rd.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    v.sort();
    v
}

fn mode(p: &Path) -> u32 {
    std::fs::symlink_metadata(p).unwrap().permissions().mode() & 0o777
}

/// `svcacct token ARGS…`, asserting success and an empty stderr.
fn token(env: &Env, args: &[&str]) -> String {
    let mut argv = vec!["token"];
    argv.extend_from_slice(args);
    let out = env.cmd(argv).output().unwrap();
    assert!(out.status.success(), "{out:?}");
    assert_eq!(String::from_utf8_lossy(&out.stderr), "", "stderr");
    String::from_utf8(out.stdout).unwrap()
}

/// Rewrites the one kept file's times: minted `ago` seconds ago (its `iat` 60 s before that),
/// expiring `ttl` seconds after it was minted; and its token, when `token` is given.
fn age_kept(file: &Path, ago: i64, ttl: i64, token: Option<&str>) {
    let mut kept: serde_json::Value =
        serde_json::from_slice(&std::fs::read(file).unwrap()).unwrap();
    let minted = jiff::Timestamp::now().as_second() - ago;
    let at = |s: i64| jiff::Timestamp::from_second(s).unwrap().to_string();
    kept["issuedAt"] = at(minted - 60).into();
    kept["expiresAt"] = at(minted + ttl).into();
    if let Some(t) = token {
        kept["token"] = t.into();
    }
    std::fs::write(file, serde_json::to_vec(&kept).unwrap()).unwrap();
}

#[test]
fn the_same_combination_gets_the_kept_token() {
    let env = with_account();
    let first = token(&env, &["ci-bot", "--reuse"]);
    assert_eq!(token(&env, &["ci-bot", "--reuse"]), first);
    // The kept token is a valid one.
    env.cmd(["verify", first.trim()]).assert().success();
    // Without --reuse a new one is minted (and the kept one stays).
    assert_ne!(token(&env, &["ci-bot"]), first);
    assert_eq!(token(&env, &["ci-bot", "--reuse"]), first);
    // The other formats print the same token and its facts.
    let json: serde_json::Value =
        serde_json::from_str(&token(&env, &["ci-bot", "--reuse", "-o", "json"])).unwrap();
    assert_eq!(json["token"].as_str().unwrap(), first.trim());
    assert_eq!(
        token(&env, &["ci-bot", "--reuse", "-o", "header"]),
        format!("Authorization: Bearer {first}")
    );
    // One 0600 file in a 0700 folder (and its parent, made by svcacct, 0700 too).
    let dir = cache_dir(&env);
    let files = kept_files(&dir);
    assert_eq!(files.len(), 1, "{files:?}");
    assert_eq!(mode(&files[0]), 0o600);
    assert_eq!(mode(&dir), 0o700);
    assert_eq!(mode(&env.path(".cache/svcacct")), 0o700);
    let name = files[0].file_name().unwrap().to_str().unwrap().to_owned();
    assert_eq!(name.len(), 64 + ".json".len(), "{name}");
    // Nothing of the token is in the file's name.
    assert!(!first.contains(name.trim_end_matches(".json")));
}

#[test]
fn the_runtime_folder_is_preferred() {
    let env = with_account();
    let run = env.path("run");
    std::fs::create_dir(&run).unwrap();
    std::fs::set_permissions(&run, std::fs::Permissions::from_mode(0o700)).unwrap();
    let first = env
        .cmd(["token", "ci-bot", "--reuse"])
        .env("XDG_RUNTIME_DIR", &run)
        .output()
        .unwrap();
    assert!(first.status.success());
    assert_eq!(kept_files(&run.join("svcacct/tokens")).len(), 1);
    assert!(!cache_dir(&env).exists());
    let again = env
        .cmd(["token", "ci-bot", "--reuse"])
        .env("XDG_RUNTIME_DIR", &run)
        .output()
        .unwrap();
    assert_eq!(again.stdout, first.stdout);
}

#[test]
fn a_changed_claim_key_or_algorithm_gets_a_new_token() {
    let env = with_account();
    let base = token(&env, &["ci-bot", "--reuse"]);
    let variants: [&[&str]; 7] = [
        &["--aud", "a"],
        &["--aud", "b"],
        &["--aud", "a", "--aud", "b"],
        &["--aud", "b", "--aud", "a"],
        &["--claim", "env=prod"],
        &["--claim", "env=dev"],
        &["--ttl", "5m"],
    ];
    let mut seen = vec![base.clone()];
    for v in variants {
        let mut args = vec!["ci-bot", "--reuse"];
        args.extend_from_slice(v);
        let t = token(&env, &args);
        assert!(!seen.contains(&t), "{v:?} got an earlier token");
        // … and keeps its own.
        assert_eq!(token(&env, &args), t, "{v:?}");
        seen.push(t);
    }
    assert_eq!(kept_files(&cache_dir(&env)).len(), 8);
    assert_eq!(token(&env, &["ci-bot", "--reuse"]), base);

    // Another namespace's account of the same name, with the same key (accounts the store
    // does not have: minting needs no registry).
    env.ok(["keygen", "-o", "k.key", "--bits", "2048"]);
    let in_default = token(&env, &["bot", "--reuse", "--jwt-private-key", "k.key"]);
    let in_eng = token(
        &env,
        &["bot", "-n", "eng", "--reuse", "--jwt-private-key", "k.key"],
    );
    assert_ne!(in_default, in_eng);
    // A key file given by flag, and another algorithm (the account `other` has no record).
    let rs256 = token(&env, &["other", "--reuse", "--jwt-private-key", "k.key"]);
    let rs384 = token(
        &env,
        &[
            "other",
            "--reuse",
            "--jwt-private-key",
            "k.key",
            "--alg",
            "RS384",
        ],
    );
    assert_ne!(rs256, rs384);
    env.ok(["keygen", "-o", "k2.key", "--bits", "2048"]);
    let other_key = token(&env, &["other", "--reuse", "--jwt-private-key", "k2.key"]);
    assert_ne!(other_key, rs256);
    assert_eq!(
        token(&env, &["other", "--reuse", "--jwt-private-key", "k.key"]),
        rs256
    );
}

#[test]
fn a_rotated_key_or_recreated_account_never_gets_the_old_token() {
    let env = with_account();
    let old = token(&env, &["ci-bot", "--reuse"]);
    // Rotation: the keystore signs with the new key from now on.
    env.ok(["key", "add", "ci-bot", "--generate", "--bits", "2048"]);
    let rotated = token(&env, &["ci-bot", "--reuse"]);
    assert_ne!(rotated, old);
    env.cmd(["verify", rotated.trim()]).assert().success();
    // Deleted and created again with the same key file: the old token would be refused
    // (minted before the account), so it is not reused.
    let env = Env::new();
    env.ok(["keygen", "-o", "k.key", "--bits", "2048"]);
    env.ok(["create", "ci-bot", "--public-key", "k.key.pub"]);
    let before = token(&env, &["ci-bot", "--reuse", "--jwt-private-key", "k.key"]);
    env.ok(["delete", "ci-bot"]);
    env.ok(["create", "ci-bot", "--public-key", "k.key.pub"]);
    let after = token(&env, &["ci-bot", "--reuse", "--jwt-private-key", "k.key"]);
    assert_ne!(after, before);
}

#[test]
fn a_token_past_its_fraction_is_replaced() {
    let env = with_account();
    let first = token(&env, &["ci-bot", "--reuse"]);
    let file = kept_files(&cache_dir(&env)).remove(0);
    // 600 s lifetime, 400 s left: reused, with whatever token the file holds.
    age_kept(&file, 200, 600, Some("aaa.bbb.ccc"));
    assert_eq!(token(&env, &["ci-bot", "--reuse"]), "aaa.bbb.ccc\n");
    // 299 s left, less than half: a new token, kept in its place.
    age_kept(&file, 301, 600, None);
    let second = token(&env, &["ci-bot", "--reuse"]);
    assert!(second != first && second != "aaa.bbb.ccc\n", "{second}");
    assert_eq!(token(&env, &["ci-bot", "--reuse"]), second);
    assert_eq!(kept_files(&cache_dir(&env)), vec![file.clone()]);
    // Expired: a new one.
    age_kept(&file, 700, 600, None);
    let third = token(&env, &["ci-bot", "--reuse"]);
    assert_ne!(third, second);
    // A lifetime other than the one asked for, or a damaged file: a new one, silently.
    age_kept(&file, 10, 900, None);
    let fourth = token(&env, &["ci-bot", "--reuse"]);
    assert_ne!(fourth, third);
    std::fs::write(&file, b"{not json").unwrap();
    let fifth = token(&env, &["ci-bot", "--reuse"]);
    assert_ne!(fifth, fourth);
    assert_eq!(token(&env, &["ci-bot", "--reuse"]), fifth);

    // The share is configurable: with 0.9, 400 s of 600 are not enough.
    age_kept(&file, 200, 600, Some("aaa.bbb.ccc"));
    let config = env.path(".config/svcacct/config.toml");
    std::fs::create_dir_all(config.parent().unwrap()).unwrap();
    std::fs::write(&config, "token-reuse-fraction = 0.9\n").unwrap();
    let sixth = token(&env, &["ci-bot", "--reuse"]);
    assert_ne!(sixth, "aaa.bbb.ccc\n");
    for (bad, shown) in [("0", "0"), ("1.5", "1.5"), ("-0.5", "-0.5"), ("nan", "NaN")] {
        std::fs::write(&config, format!("token-reuse-fraction = {bad}\n")).unwrap();
        env.cmd(["token", "ci-bot", "--reuse"])
            .assert()
            .code(2)
            .stdout("")
            .stderr(format!(
                "svcacct: `token-reuse-fraction` in {} is {bad}: it takes a number above 0 and \
                 at most 1, the share of its lifetime a kept token must have left to be reused \
                 (0.5: while half of it remains)\n",
                config.display(),
                bad = shown
            ));
    }
}

#[test]
fn the_config_makes_it_the_default_and_no_reuse_overrides_it() {
    let env = with_account();
    let config = env.path(".config/svcacct/config.toml");
    std::fs::create_dir_all(config.parent().unwrap()).unwrap();
    std::fs::write(&config, "token-reuse = true\n").unwrap();
    let first = token(&env, &["ci-bot"]);
    assert_eq!(token(&env, &["ci-bot"]), first);
    let fresh = token(&env, &["ci-bot", "--no-reuse"]);
    assert_ne!(fresh, first);
    // The last of the two flags wins.
    assert_eq!(token(&env, &["ci-bot", "--no-reuse", "--reuse"]), first);
    assert_ne!(token(&env, &["ci-bot", "--reuse", "--no-reuse"]), first);
    // --no-reuse neither reads nor writes the cache.
    assert_eq!(kept_files(&cache_dir(&env)).len(), 1);
    std::fs::write(&config, "token-reuse = false\n").unwrap();
    assert_ne!(token(&env, &["ci-bot"]), first);
    assert_eq!(token(&env, &["ci-bot", "--reuse"]), first);
}

#[test]
fn files_and_folders_open_to_others_are_not_used() {
    let env = with_account();
    let first = token(&env, &["ci-bot", "--reuse"]);
    let dir = cache_dir(&env);
    let file = kept_files(&dir).remove(0);

    // A file others may read: not used, replaced by a new 0600 one.
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).unwrap();
    let out = env.cmd(["token", "ci-bot", "--reuse"]).output().unwrap();
    assert!(out.status.success());
    assert_ne!(out.stdout, first.as_bytes());
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        format!(
            "svcacct: warning: the token cache file {} is open to other users (mode 644): it \
             was not used, and a new token replaces it\n",
            file.display()
        )
    );
    assert_eq!(mode(&file), 0o600);
    let second = String::from_utf8(out.stdout).unwrap();
    assert_eq!(token(&env, &["ci-bot", "--reuse"]), second);

    // A symbolic link in place of the file: not followed.
    let elsewhere = env.path("elsewhere.json");
    std::fs::rename(&file, &elsewhere).unwrap();
    std::os::unix::fs::symlink(&elsewhere, &file).unwrap();
    let out = env.cmd(["token", "ci-bot", "--reuse"]).output().unwrap();
    assert!(out.status.success());
    assert_ne!(out.stdout, second.as_bytes());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.starts_with(&format!(
            "svcacct: warning: the token cache file {} cannot be opened (",
            file.display()
        )) && err.ends_with("); it was not used\n"),
        "{err}"
    );
    // The link was replaced by a file of svcacct's; the file it pointed to is untouched.
    assert_eq!(mode(&file), 0o600);
    assert_eq!(mode(&elsewhere), 0o600);

    // A folder others may enter: nothing is read or written there.
    let third = token(&env, &["ci-bot", "--reuse"]);
    let kept = std::fs::read(&file).unwrap();
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).unwrap();
    let out = env.cmd(["token", "ci-bot", "--reuse"]).output().unwrap();
    assert!(out.status.success());
    assert_ne!(out.stdout, third.as_bytes());
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        format!(
            "svcacct: warning: the token cache folder {} is open to other users (mode 755): \
             tokens are not reused or kept (svcacct makes it 0700; remove it, or fix it with \
             `chmod 700`)\n",
            dir.display()
        )
    );
    assert_eq!(std::fs::read(&file).unwrap(), kept);

    // A folder that is a symbolic link (to a private folder of the same user): not used.
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o700)).unwrap();
    let real = env.path("real-tokens");
    std::fs::rename(&dir, &real).unwrap();
    std::os::unix::fs::symlink(&real, &dir).unwrap();
    let out = env.cmd(["token", "ci-bot", "--reuse"]).output().unwrap();
    assert!(out.status.success());
    assert_ne!(out.stdout, third.as_bytes());
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        format!(
            "svcacct: warning: the token cache folder {} is a symbolic link: tokens are not \
             reused or kept (svcacct makes it 0700; remove it, or fix it with `chmod 700`)\n",
            dir.display()
        )
    );
}

#[test]
fn another_users_file_is_not_used() {
    // Giving a file away needs root; elsewhere the check is the same code as the mode's.
    if rustix::process::geteuid().as_raw() != 0 {
        return;
    }
    let env = with_account();
    let first = token(&env, &["ci-bot", "--reuse"]);
    let file = kept_files(&cache_dir(&env)).remove(0);
    std::os::unix::fs::chown(&file, Some(4242), None).unwrap();
    let out = env.cmd(["token", "ci-bot", "--reuse"]).output().unwrap();
    assert!(out.status.success());
    assert_ne!(out.stdout, first.as_bytes());
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        format!(
            "svcacct: warning: the token cache file {} belongs to another user: it was not \
             used, and a new token replaces it\n",
            file.display()
        )
    );
    use std::os::unix::fs::MetadataExt;
    assert_eq!(std::fs::metadata(&file).unwrap().uid(), 0);
}

#[test]
fn an_encrypted_key_still_needs_its_passphrase() {
    let env = Env::new();
    let pass = env.path("pass");
    std::fs::write(&pass, "correct horse\n").unwrap();
    env.ok([
        "keygen",
        "-o",
        "k.key",
        "--bits",
        "2048",
        "--encrypt",
        "--passphrase-file",
        pass.to_str().unwrap(),
    ]);
    let first = token(
        &env,
        &[
            "ci-bot",
            "--reuse",
            "--jwt-private-key",
            "k.key",
            "--passphrase-file",
            pass.to_str().unwrap(),
        ],
    );
    env.cmd(["token", "ci-bot", "--reuse", "--jwt-private-key", "k.key"])
        .assert()
        .failure()
        .stdout("")
        .stderr(predicates::str::contains("needs a passphrase"));
    let again = token(
        &env,
        &[
            "ci-bot",
            "--reuse",
            "--jwt-private-key",
            "k.key",
            "--passphrase-file",
            pass.to_str().unwrap(),
        ],
    );
    assert_eq!(again, first);
}
