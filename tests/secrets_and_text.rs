//! Issue 12: a secret given in the wrong place is never echoed or kept (point 6); what reaches
//! a terminal cannot pretend to be something else (point 10); minting with a key the account
//! does not have is flagged (point 12).

mod common;

use common::Env;

/// `k.key` (2048 bits) and the account `bot` with its public half.
fn setup() -> Env {
    let env = Env::new();
    env.ok(["keygen", "-o", "k.key", "--bits", "2048"]);
    env.ok(["create", "bot", "--public-key", "k.key.pub"]);
    env
}

fn read(env: &Env, rel: &str) -> String {
    std::fs::read_to_string(env.path(rel)).unwrap()
}

fn config(env: &Env) -> Option<Vec<u8>> {
    std::fs::read(env.path(".config/svcacct/config.toml")).ok()
}

/// The lines of a PEM between its armour: what must never be repeated.
fn pem_body(pem: &str) -> Vec<String> {
    pem.lines()
        .filter(|l| !l.starts_with("-----"))
        .map(str::to_owned)
        .collect()
}

/// `svcacct ARGS` exits 2 with exactly `stderr`, prints nothing on stdout, repeats none of
/// `secrets`, and changes neither the store nor the config file.
fn refused(env: &Env, args: &[&str], stderr: &str, secrets: &[String]) {
    let (store, cfg) = (env.store_snapshot(), config(env));
    let out = env.cmd(args).output().unwrap();
    let (o, e) = (
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr),
    );
    assert_eq!(out.status.code(), Some(2), "{args:?}: {e}");
    assert_eq!(e, stderr, "{args:?}");
    assert_eq!(o, "", "{args:?}");
    for s in secrets {
        assert!(
            !o.contains(s.as_str()) && !e.contains(s.as_str()),
            "{args:?} repeats {s}"
        );
    }
    assert_eq!(store, env.store_snapshot(), "{args:?} changed the store");
    assert_eq!(cfg, config(env), "{args:?} changed the config file");
    if let Some(c) = config(env) {
        let c = String::from_utf8_lossy(&c);
        assert!(!secrets.iter().any(|s| c.contains(s.as_str())), "{c}");
    }
}

const KEY_FLAG: &str = "svcacct: --jwt-private-key takes the name of a file, not the key itself \
    (the key was not used or kept): put it in a file and pass --jwt-private-key FILE, or put \
    the PEM in SVCACCT_JWT_PRIVATE_KEY\n";

#[test]
fn a_key_given_as_a_flag_value_is_refused_and_never_repeated() {
    let env = setup();
    let pem = read(&env, "k.key");
    let body = pem_body(&pem);
    refused(
        &env,
        &["token", "bot", "--jwt-private-key", &pem],
        KEY_FLAG,
        &body,
    );
    let inline = format!("--jwt-private-key={pem}");
    refused(&env, &["token", "bot", &inline], KEY_FLAG, &body);
    // On the way into a context, with a config file that exists already and without one.
    refused(
        &env,
        &["config", "set-context", "x", &inline],
        KEY_FLAG,
        &body,
    );
    assert_eq!(config(&env), None);
    env.ok(["config", "set-context", "x", "--store", "/srv/store"]);
    refused(
        &env,
        &["config", "set-context", "x", &inline, "--current"],
        KEY_FLAG,
        &body,
    );
    // A public key is no secret, but it is not a file name either.
    let public = read(&env, "k.key.pub");
    refused(
        &env,
        &["create", "x", "--public-key", &public],
        "svcacct: --public-key takes the name of a file, not the key itself (the key was not \
         used or kept): put it in a file and pass --public-key FILE\n",
        &pem_body(&public),
    );
    refused(
        &env,
        &["update", "bot", "--description", &pem],
        "svcacct: --description holds a key, which is never a command-line value (it was not \
         used or kept): svcacct reads keys from files (--jwt-private-key FILE, --public-key \
         FILE) and from SVCACCT_JWT_PRIVATE_KEY\n",
        &body,
    );
}

#[test]
fn a_token_is_an_argument_of_verify_and_decode_only() {
    let env = setup();
    let token = env.ok(["token", "bot", "--jwt-private-key", "k.key"]);
    let token = token.trim();
    // The payload and the signature: neither may be repeated.
    let parts: Vec<String> = token.split('.').skip(1).map(str::to_owned).collect();
    refused(
        &env,
        &["login", token],
        "svcacct: login takes no token argument (the token was not used or kept): pipe it in \
         with `svcacct login --token-file -`, or pass --token-file FILE\n",
        &parts,
    );
    let token_file = "svcacct: --token-file takes the name of a file, not the token itself (the \
        token was not used or kept): put it in a file and pass --token-file FILE, pipe it in \
        with --token-file -, or set SVCACCT_TOKEN\n";
    refused(&env, &["login", "--token-file", token], token_file, &parts);
    refused(&env, &["--token-file", token, "get"], token_file, &parts);
    refused(
        &env,
        &["verify", "--aud", token],
        "svcacct: --aud holds a token (the token was not used or kept): a token is a \
         command-line value only as the TOKEN of `svcacct verify` and `svcacct decode`, which \
         read it from stdin with `-`; a remote store takes one from --token-file FILE|- or \
         SVCACCT_TOKEN\n",
        &parts,
    );
    // As documented: `svcacct verify "$TOKEN"`, and decode.
    let v = env.ok(["verify", token]);
    assert!(v.starts_with("Valid:      yes\nAccount:    bot\n"), "{v}");
    env.ok(["-n", "default", "verify", "-o", "json", "--", token]);
    let d = env.ok(["decode", token]);
    assert!(d.contains("\"iss\": \"bot\""), "{d}");
}

#[test]
fn a_path_echo_never_repeats_a_key_that_slipped_through() {
    let env = setup();
    let pem = read(&env, "k.key");
    // A config file written by hand (or by an older svcacct) with the PEM where a path belongs.
    let dir = env.path(".config/svcacct");
    std::fs::create_dir_all(&dir).unwrap();
    let value = pem.replace('\n', "\\n");
    std::fs::write(
        dir.join("config.toml"),
        format!("jwt-private-key = \"{value}\"\n"),
    )
    .unwrap();
    let out = env.cmd(["token", "bot"]).output().unwrap();
    let e = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(3), "{e}");
    assert!(
        e.starts_with("svcacct: cannot read (a key, not a file name): "),
        "{e}"
    );
    assert_eq!(e.lines().count(), 1, "{e}");
    assert!(
        !pem_body(&pem).iter().any(|l| e.contains(l.as_str())),
        "{e}"
    );
    // The token file of a remote store, from the environment.
    let token = env.ok(["token", "bot", "--jwt-private-key", "k.key"]);
    let out = env
        .cmd(["--store", "http://127.0.0.1:9", "get"])
        .env("SVCACCT_TOKEN_FILE", token.trim())
        .output()
        .unwrap();
    let e = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(3), "{e}");
    // The token is longer than a file name may be: "File name too long".
    assert!(
        e.starts_with("svcacct: cannot read (a token, not a file name): "),
        "{e}"
    );
    assert!(
        !token.trim().split('.').skip(1).any(|p| e.contains(p)),
        "{e}"
    );
}
