//! Interoperability with software nobody here wrote: the openssl CLI and PyJWT.

mod common;

use common::{Env, run_python};
use predicates::prelude::*;

/// Verifies `token` in PyJWT with a PEM public key; prints the claims as JSON.
const PYJWT_VERIFY_PEM: &str = r#"
import sys, json, jwt
token, pem, alg = sys.argv[1], open(sys.argv[2]).read(), sys.argv[3]
claims = jwt.decode(token, pem, algorithms=[alg], options={"require": ["iss", "iat", "exp"]})
print(json.dumps(claims, sort_keys=True))
"#;

/// Verifies `token` in PyJWT with the JWK that the JWKS lists under the token's kid (the JWK
/// object itself, so PyJWT also checks the key's advertised `alg`). Prints `iss`, or
/// `no such kid` when the JWKS does not have the token's key.
const PYJWT_VERIFY_JWKS: &str = r#"
import sys, json, jwt
token, jwks, alg = sys.argv[1], json.load(open(sys.argv[2])), sys.argv[3]
kid = jwt.get_unverified_header(token)["kid"]
keys = jwt.PyJWKSet.from_dict(jwks)
try:
    key = keys[kid]
except KeyError:
    print("no such kid")
    sys.exit(0)
claims = jwt.decode(token, key, algorithms=[alg])
print(claims["iss"])
"#;

/// Mints a token in PyJWT with a kid and any `iss`: private key file, kid, iss.
const PYJWT_MINT_AS: &str = r#"
import sys, time, jwt
pem, kid, iss = open(sys.argv[1]).read(), sys.argv[2], sys.argv[3]
now = int(time.time())
print(jwt.encode({"iss": iss, "iat": now, "exp": now + 300}, pem, algorithm="RS256", headers={"kid": kid}))
"#;

/// Mints a token in PyJWT: private key file, alg, iss, lifetime (s), iat offset (s).
const PYJWT_MINT: &str = r#"
import sys, time, jwt
pem, alg, iss, life, offset = open(sys.argv[1]).read(), sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
now = int(time.time()) + offset
print(jwt.encode({"iss": iss, "sub": iss, "iat": now, "exp": now + life}, pem, algorithm=alg))
"#;

fn openssl_account(env: &Env, name: &str, genrsa: &[&str]) {
    let key = format!("{name}.key");
    let mut args = vec!["genrsa", "-out", &key];
    args.extend_from_slice(genrsa);
    env.openssl(&args);
    env.openssl(&[
        "rsa",
        "-in",
        &key,
        "-pubout",
        "-out",
        &format!("{name}.pub"),
    ]);
    env.ok(["create", name, "--public-key", &format!("{name}.pub")]);
}

#[test]
fn openssl_keys_are_accepted() {
    let env = Env::new();
    // openssl genrsa 4096 + rsa -pubout
    openssl_account(&env, "big", &["4096"]);
    let t = env.ok(["token", "big", "--jwt-private-key", "big.key"]);
    env.cmd(["verify", t.trim()]).assert().success();

    // PKCS#1 (`-traditional`) private key, and a PKCS#1 public key.
    env.openssl(&["genrsa", "-traditional", "-out", "trad.key", "2048"]);
    let head = std::fs::read_to_string(env.path("trad.key")).unwrap();
    assert!(head.starts_with("-----BEGIN RSA PRIVATE KEY-----"));
    env.openssl(&[
        "rsa",
        "-in",
        "trad.key",
        "-RSAPublicKey_out",
        "-out",
        "trad.pub",
    ]);
    env.ok(["create", "trad", "--public-key", "trad.pub"]);
    let t = env.ok(["token", "trad", "--jwt-private-key", "trad.key"]);
    env.cmd(["verify", t.trim()]).assert().success();

    // Encrypted PKCS#8: genpkey -aes256, and pkcs8 -topk8 -v2 aes-256-cbc.
    std::fs::write(env.path("pass.txt"), "correct horse\n").unwrap();
    env.openssl(&[
        "genpkey",
        "-algorithm",
        "RSA",
        "-pkeyopt",
        "rsa_keygen_bits:2048",
        "-aes256",
        "-pass",
        "pass:correct horse",
        "-out",
        "enc1.key",
    ]);
    env.openssl(&["genrsa", "-out", "plain.key", "2048"]);
    env.openssl(&[
        "pkcs8",
        "-topk8",
        "-v2",
        "aes-256-cbc",
        "-in",
        "plain.key",
        "-passout",
        "pass:correct horse",
        "-out",
        "enc2.key",
    ]);
    for (name, key) in [("enc1", "enc1.key"), ("enc2", "enc2.key")] {
        assert!(
            std::fs::read_to_string(env.path(key))
                .unwrap()
                .starts_with("-----BEGIN ENCRYPTED PRIVATE KEY-----")
        );
        // The public half, derived by svcacct from the encrypted private key.
        env.cmd([
            "keygen",
            "--public-from",
            key,
            "--public-out",
            &format!("{name}.pub"),
        ])
        .env("SVCACCT_PASSPHRASE_FILE", env.path("pass.txt"))
        .assert()
        .success();
        env.ok(["create", name, "--public-key", &format!("{name}.pub")]);
        let out = env
            .cmd(["token", name, "--jwt-private-key", key])
            .env("SVCACCT_PASSPHRASE_FILE", env.path("pass.txt"))
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let t = String::from_utf8(out.stdout).unwrap();
        env.cmd(["verify", t.trim()]).assert().success();
        // SVCACCT_PASSPHRASE works too.
        env.cmd(["token", name, "--jwt-private-key", key])
            .env("SVCACCT_PASSPHRASE", "correct horse")
            .assert()
            .success();
        // A wrong passphrase is refused with its own message.
        env.cmd(["token", name, "--jwt-private-key", key])
            .env("SVCACCT_PASSPHRASE", "wrong horse")
            .assert()
            .code(3)
            .stderr(predicate::str::contains("wrong passphrase"));
        // No passphrase source and no terminal: fails at once, naming the variable.
        env.cmd(["token", name, "--jwt-private-key", key])
            .timeout(std::time::Duration::from_secs(20))
            .assert()
            .code(3)
            .stderr(predicate::str::contains("SVCACCT_PASSPHRASE_FILE"));
    }

    // Our public key PEM is byte-for-byte what openssl derives.
    env.ok([
        "keygen",
        "--public-from",
        "plain.key",
        "--public-out",
        "ours.pub",
    ]);
    env.openssl(&["rsa", "-in", "plain.key", "-pubout", "-out", "theirs.pub"]);
    assert_eq!(
        std::fs::read(env.path("ours.pub")).unwrap(),
        std::fs::read(env.path("theirs.pub")).unwrap()
    );
}

#[test]
fn our_encrypted_keys_open_in_openssl() {
    let env = Env::new();
    std::fs::write(env.path("pass.txt"), "s3cret pass\n").unwrap();
    env.cmd(["keygen", "-o", "enc.key", "--bits", "2048", "--encrypt"])
        .env("SVCACCT_PASSPHRASE_FILE", env.path("pass.txt"))
        .assert()
        .success();
    assert!(
        std::fs::read_to_string(env.path("enc.key"))
            .unwrap()
            .starts_with("-----BEGIN ENCRYPTED PRIVATE KEY-----")
    );
    env.openssl(&[
        "pkey",
        "-in",
        "enc.key",
        "-passin",
        "pass:s3cret pass",
        "-pubout",
        "-out",
        "from-openssl.pub",
    ]);
    assert_eq!(
        std::fs::read(env.path("from-openssl.pub")).unwrap(),
        std::fs::read(env.path("enc.key.pub")).unwrap()
    );
}

#[test]
fn svcacct_tokens_verify_in_pyjwt() {
    let env = Env::new();
    // One key per algorithm (RFC 8725 §3.1), each in one account's JWKS with that `alg`.
    for alg in ["RS256", "RS384", "RS512"] {
        let name = format!("web-{}", alg.to_lowercase());
        let key = format!("{name}.key");
        env.ok(["keygen", "-o", &key, "--bits", "2048"]);
        env.ok([
            "create",
            &name,
            "--public-key",
            &format!("{key}.pub"),
            "--alg",
            alg,
        ]);
        let jwks = env.ok(["jwks", &name]);
        let set: serde_json::Value = serde_json::from_str(&jwks).unwrap();
        assert_eq!(set["keys"][0]["alg"], alg, "{jwks}");
        std::fs::write(env.path("jwks.json"), &jwks).unwrap();
        // Without --alg, the token is signed with the algorithm its key is registered for.
        let t = env.ok(["token", &name, "--jwt-private-key", &key]);
        let claims = run_python(
            PYJWT_VERIFY_PEM,
            &[
                t.trim(),
                env.path(&format!("{key}.pub")).to_str().unwrap(),
                alg,
            ],
        );
        assert!(claims.contains(&format!(r#""iss": "{name}""#)), "{claims}");
        assert!(claims.contains(&format!(r#""sub": "{name}""#)), "{claims}");
        let iss = run_python(
            PYJWT_VERIFY_JWKS,
            &[t.trim(), env.path("jwks.json").to_str().unwrap(), alg],
        );
        assert_eq!(iss, format!("{name}\n"));
    }
    // Asking for another algorithm than the key's is refused before anything is signed.
    env.cmd([
        "token",
        "web-rs256",
        "--jwt-private-key",
        "web-rs256.key",
        "--alg",
        "RS512",
    ])
    .assert()
    .code(2)
    .stdout("")
    .stderr(predicate::str::contains(
        "is registered for RS256, so a RS512 token of it would not verify",
    ));
}

#[test]
fn a_per_account_jwks_does_not_let_one_account_speak_for_another() {
    let env = Env::new();
    env.ok(["keygen", "-o", "web.key", "--bits", "2048"]);
    env.ok(["keygen", "-o", "admin.key", "--bits", "2048"]);
    env.ok(["create", "web-api", "--public-key", "web.key.pub"]);
    env.ok(["create", "admin", "--public-key", "admin.key.pub"]);
    let web_kid = env.ok(["key", "list", "web-api", "-o", "name"]);
    // web-api's key, claiming to be admin.
    let spoof = run_python(
        PYJWT_MINT_AS,
        &[
            env.path("web.key").to_str().unwrap(),
            web_kid.trim(),
            "admin",
        ],
    );
    std::fs::write(env.path("admin.jwks"), env.ok(["jwks", "admin"])).unwrap();
    let seen = run_python(
        PYJWT_VERIFY_JWKS,
        &[
            spoof.trim(),
            env.path("admin.jwks").to_str().unwrap(),
            "RS256",
        ],
    );
    assert_eq!(seen, "no such kid\n");
    env.cmd(["verify", spoof.trim()])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("unknown kid"));
    // A set of several accounts' keys, which would let each sign as the other, is not offered:
    // without a name, `jwks` is the issuer's set (none yet), and -A is refused with the reason.
    assert_eq!(env.ok(["jwks", "--issuer"]), "{\n  \"keys\": []\n}\n");
    env.cmd(["jwks", "-A"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains(
            "a key set of several accounts lets each of them sign as any other",
        ));
    env.cmd(["jwks"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("<NAME>"));
    assert!(
        env.ok(["jwks", "--help"])
            .contains("any of its keys for any `iss`")
    );
}

#[test]
fn pyjwt_tokens_verify_in_svcacct() {
    let env = Env::new();
    env.ok(["namespace", "create", "eng", "--no-defaults"]);
    for alg in ["RS256", "RS384", "RS512"] {
        let name = format!("py-{}", alg.to_lowercase());
        env.openssl(&["genrsa", "-out", &format!("{name}.key"), "2048"]);
        env.openssl(&[
            "rsa",
            "-in",
            &format!("{name}.key"),
            "-pubout",
            "-out",
            &format!("{name}.pub"),
        ]);
        env.ok([
            "create",
            &name,
            "-n",
            "eng",
            "--public-key",
            &format!("{name}.pub"),
            "--alg",
            alg,
        ]);
        let key = env.path(&format!("{name}.key"));
        let iss = format!("eng/{name}");
        let t = run_python(PYJWT_MINT, &[key.to_str().unwrap(), alg, &iss, "600", "0"]);
        let out = env.ok(["verify", t.trim(), "-o", "json"]);
        assert!(out.contains(&format!(r#""account": "{iss}""#)), "{out}");
        assert!(out.contains(&format!(r#""algorithm": "{alg}""#)), "{out}");
        // Signed by the same key with another algorithm: refused, naming the rule.
        let other = if alg == "RS256" { "RS512" } else { "RS256" };
        let t = run_python(
            PYJWT_MINT,
            &[key.to_str().unwrap(), other, &iss, "600", "0"],
        );
        env.rejected(
            t.trim(),
            &[],
            &format!("registered for {other} (tampered token, wrong key, or a key registered for another algorithm)"),
        );
    }
    let key = env.path("py-rs256.key");
    // PyJWT tokens that break the rules are refused with the rule named.
    let expired = run_python(
        PYJWT_MINT,
        &[
            key.to_str().unwrap(),
            "RS256",
            "eng/py-rs256",
            "600",
            "-4000",
        ],
    );
    env.rejected(expired.trim(), &[], "the token expired at");
    let future = run_python(
        PYJWT_MINT,
        &[
            key.to_str().unwrap(),
            "RS256",
            "eng/py-rs256",
            "600",
            "3600",
        ],
    );
    env.rejected(future.trim(), &[], "the token was issued in the future");
    let long = run_python(
        PYJWT_MINT,
        &[key.to_str().unwrap(), "RS256", "eng/py-rs256", "7200", "0"],
    );
    env.rejected(
        long.trim(),
        &[],
        "the token's lifetime 2h 0m exceeds the maximum of 1h (set by `max-token-lifetime` in the config file, or SVCACCT_MAX_TOKEN_LIFETIME)",
    );
}

/// Runs `svcacct ARGS` on a pseudo-terminal (util-linux `script`), typing `input`.
fn on_a_terminal(env: &Env, args: &str, input: &str) -> std::process::Output {
    use std::io::Write as _;
    let bin = assert_cmd::cargo::cargo_bin("svcacct");
    let mut child = std::process::Command::new("script")
        .args(["-qec", &format!("'{}' {args}", bin.display()), "/dev/null"])
        .env_clear()
        .env("HOME", env.home.path())
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .current_dir(env.home.path())
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("util-linux `script` is installed");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

#[test]
fn passphrases_are_asked_on_a_terminal() {
    let env = Env::new();
    let out = on_a_terminal(
        &env,
        "keygen -o tty.key --bits 2048 --encrypt",
        "pw one\npw one\n",
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{text}");
    assert!(text.contains("Passphrase for tty.key: "), "{text}");
    assert!(text.contains("Repeat the passphrase: "), "{text}");
    env.openssl(&["pkey", "-in", "tty.key", "-passin", "pass:pw one", "-noout"]);

    let out = on_a_terminal(
        &env,
        "keygen -o other.key --bits 2048 --encrypt",
        "pw one\npw two\n",
    );
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("the passphrases differ"));
    assert!(!env.path("other.key").exists());

    let out = on_a_terminal(&env, "keygen --public-from tty.key", "pw one\n");
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("-----BEGIN PUBLIC KEY-----"));
}
