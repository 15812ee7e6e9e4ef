//! Trust boundaries (issue "Nothing that svcacct publishes can be used against the services
//! that trust it"): a token verifies only with the key, the algorithm and the account it was
//! made for, and only while that account holds its name.

mod common;

use std::time::Duration;

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64;
use common::{Env, run_python};
use predicates::prelude::*;
use serde_json::{Value, json};

/// Signs a header and a payload given as JSON *text* (so that a member may repeat) with a PEM
/// private key: argv private key file, alg, header, payload. Uses `cryptography`, not svcacct.
const SIGN_RAW: &str = r#"
import sys, base64
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding
key = serialization.load_pem_private_key(open(sys.argv[1], "rb").read(), None)
digest = {"RS256": hashes.SHA256(), "RS384": hashes.SHA384(), "RS512": hashes.SHA512()}[sys.argv[2]]
b64 = lambda b: base64.urlsafe_b64encode(b).rstrip(b"=").decode()
signing_input = b64(sys.argv[3].encode()) + "." + b64(sys.argv[4].encode())
print(signing_input + "." + b64(key.sign(signing_input.encode(), padding.PKCS1v15(), digest)))
"#;

fn sign_raw(env: &Env, key: &str, alg: &str, header: &str, payload: &str) -> String {
    let key = env.path(key);
    run_python(SIGN_RAW, &[key.to_str().unwrap(), alg, header, payload])
        .trim()
        .to_owned()
}

fn now() -> i64 {
    jiff::Timestamp::now().as_second()
}

fn claims(token: &str) -> Value {
    let payload = token.split('.').nth(1).unwrap();
    serde_json::from_slice(&B64.decode(payload).unwrap()).unwrap()
}

fn kid_of(env: &Env, account: &str) -> String {
    env.ok(["key", "list", account, "-o", "name"])
        .trim()
        .to_owned()
}

/// Header and claims follow RFC 7515 and RFC 8725: each refusal names its rule, and the same
/// token without the flaw passes.
#[test]
fn headers_and_claims_follow_the_rfcs_to_the_letter() {
    let env = Env::new();
    env.ok(["keygen", "-o", "bot.key", "--bits", "2048"]);
    env.ok(["create", "bot", "--public-key", "bot.key.pub"]);
    let kid = kid_of(&env, "bot");
    let t = now() - 5;
    let good_claims = format!(r#"{{"iss":"bot","sub":"bot","iat":{t},"exp":{}}}"#, t + 300);
    let header = format!(r#"{{"alg":"RS256","typ":"JWT","kid":"{kid}"}}"#);
    let ok = sign_raw(&env, "bot.key", "RS256", &header, &good_claims);
    env.cmd(["verify", &ok, "-o", "name"])
        .assert()
        .success()
        .stdout("bot\n");
    let cases = [
        (
            format!(r#"{{"alg":"RS256","kid":"{kid}","crit":["exp"],"exp":1}}"#),
            good_claims.clone(),
            "the header has `crit`, naming extensions svcacct does not implement: a recipient must refuse such a token (RFC 7515 §4.1.11)",
        ),
        (
            format!(r#"{{"alg":"RS256","kid":"{kid}","typ":"JWT","typ":"at+jwt"}}"#),
            good_claims.clone(),
            "malformed token: the header has the member `typ` more than once",
        ),
        (
            header.clone(),
            format!(
                r#"{{"iss":"bot","sub":"bot","sub":"admin","iat":{t},"exp":{}}}"#,
                t + 300
            ),
            "malformed token: the payload has the member `sub` more than once",
        ),
        (
            format!(r#"{{"alg":"RS256","kid":"{kid}","typ":"dpop+jwt"}}"#),
            good_claims.clone(),
            "the header says `typ` `dpop+jwt`: a svcacct token is a JWT",
        ),
        (
            header.clone(),
            format!(
                r#"{{"iss":"default/bot","sub":"default/bot","iat":{t},"exp":{}}}"#,
                t + 300
            ),
            "`iss` `default/bot` is not written as the account's reference: write `bot`",
        ),
        (
            header.clone(),
            format!(r#"{{"iss":"bot","iat":{t},"exp":{}}}"#, t + 300),
            "the token has no `sub` claim: a self-signed token names its account in both `iss` and `sub`",
        ),
    ];
    for (h, c, message) in cases {
        let token = sign_raw(&env, "bot.key", "RS256", &h, &c);
        env.rejected(&token, &[], message);
    }
}

/// A token minted before its account got its name (deleted and created again with the same
/// key, or renamed away and back), or before its key was registered again, is refused: by
/// `verify`, and by a server that had already accepted (and cached) it.
#[test]
fn tokens_minted_for_an_earlier_holder_of_a_name_or_key_are_refused() {
    let env = Env::new();
    for n in ["a", "b", "c", "c2"] {
        env.ok(["keygen", "-o", &format!("{n}.key"), "--bits", "2048"]);
    }
    for n in ["a", "b", "c"] {
        env.ok([
            "create",
            &format!("bot-{n}"),
            "--public-key",
            &format!("{n}.key.pub"),
        ]);
    }
    let token = |n: &str| {
        env.ok([
            "token",
            &format!("bot-{n}"),
            "--jwt-private-key",
            &format!("{n}.key"),
        ])
        .trim()
        .to_owned()
    };
    let (ta, tb, tc) = (token("a"), token("b"), token("c"));
    for t in [&ta, &tb, &tc] {
        env.cmd(["verify", t]).assert().success();
    }
    let server = env.serve_default_store(&[]);
    let whoami = |t: &str| {
        let out = std::process::Command::new("curl")
            .args(["-s", "-o", "/dev/null", "-w", "%{http_code}", "-H"])
            .arg(format!("Authorization: Bearer {t}"))
            .arg(server.at("/v1/whoami"))
            .output()
            .expect("curl runs");
        String::from_utf8(out.stdout).unwrap()
    };
    assert_eq!(whoami(&tb), "200"); // now in the server's token cache
    // `iat` is in whole seconds: what happens next happens in a later second.
    std::thread::sleep(Duration::from_millis(1200));

    env.ok(["delete", "bot-a"]);
    env.ok(["create", "bot-a", "--public-key", "a.key.pub"]);
    env.rejected(&ta, &[], "before service account `bot-a` was created at");
    env.cmd(["verify", &token("a")]).assert().success();

    env.ok(["rename", "bot-b", "bot-b2"]);
    env.ok(["rename", "bot-b2", "bot-b"]);
    env.rejected(
        &tb,
        &[],
        "before service account `bot-b` was renamed to this name at",
    );
    // The server reads the account again for a cached token, and refuses it too.
    let deadline = std::time::Instant::now() + Duration::from_secs(5);
    while whoami(&tb) != "401" {
        assert!(
            std::time::Instant::now() < deadline,
            "the server still accepts the token of the name's earlier holder"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    assert_eq!(whoami(&token("b")), "200");

    let kid_c = kid_of(&env, "bot-c");
    env.ok(["key", "add", "bot-c", "--public-key", "c2.key.pub"]);
    env.ok(["key", "remove", "bot-c", &kid_c]);
    env.ok(["key", "add", "bot-c", "--public-key", "c.key.pub"]);
    env.rejected(
        &tc,
        &[],
        &format!("before key `{kid_c}` was registered for `bot-c` at"),
    );
    env.cmd(["verify", &token("c")]).assert().success();
}

/// One public key belongs to one account: registering it for another is refused, naming the
/// holder, on the file store and through the server, and nothing is written.
#[test]
fn one_public_key_belongs_to_one_account() {
    let env = Env::new();
    let srv = env.path("srv");
    let s = srv.to_str().unwrap();
    env.bootstrap(&srv);
    env.ok(["keygen", "-o", "k.key", "--bits", "2048"]);
    env.ok([
        "--store",
        s,
        "create",
        "holder",
        "--public-key",
        "k.key.pub",
    ]);
    env.ok(["--store", s, "create", "other", "--bits", "2048"]);
    let kid = env
        .ok(["--store", s, "key", "list", "holder", "-o", "name"])
        .trim()
        .to_owned();
    let message = format!(
        "svcacct: public key `{kid}` (or another with its RSA modulus) is already registered to \
         service account `holder`: one key pair belongs to one account, or each could sign as \
         the other; give this account a key pair of its own (`svcacct keygen`, or \
         `--generate`)\n"
    );
    let before = env.store_snapshot();
    let snapshot = || {
        let mut files = vec![];
        for e in walk(&srv) {
            files.push((e.clone(), std::fs::read(&e).unwrap()));
        }
        files
    };
    let srv_before = snapshot();
    env.cmd(["--store", s, "create", "copy", "--public-key", "k.key.pub"])
        .assert()
        .code(3)
        .stdout("")
        .stderr(message.clone());
    env.cmd([
        "--store",
        s,
        "key",
        "add",
        "other",
        "--public-key",
        "k.key.pub",
    ])
    .assert()
    .code(3)
    .stdout("")
    .stderr(message.clone());
    let server = env.serve(&srv, &[]);
    let remote = |args: &[&str]| {
        let mut v = vec!["--store", server.url.as_str(), "--service-account", "admin"];
        v.extend_from_slice(args);
        env.cmd(v).assert()
    };
    remote(&["create", "copy", "--public-key", "k.key.pub"])
        .code(3)
        .stdout("")
        .stderr(message.clone());
    remote(&["key", "add", "other", "--public-key", "k.key.pub"])
        .code(3)
        .stdout("")
        .stderr(message);
    assert_eq!(before, env.store_snapshot());
    assert_eq!(
        srv_before,
        snapshot(),
        "a refused registration changed the store"
    );
    // The same modulus with another exponent is another kid, but whoever holds the private
    // key of one can sign for the other: refused too.
    run_python(
        "import sys, math\n\
         from cryptography.hazmat.primitives import serialization as s\n\
         from cryptography.hazmat.primitives.asymmetric import rsa\n\
         k = s.load_pem_private_key(open(sys.argv[1], 'rb').read(), None).private_numbers()\n\
         f = (k.p - 1) * (k.q - 1)\n\
         e = 65539\n\
         while math.gcd(e, f) != 1: e += 2\n\
         pub = rsa.RSAPublicNumbers(e, k.public_numbers.n).public_key()\n\
         open(sys.argv[2], 'wb').write(pub.public_bytes(s.Encoding.PEM, s.PublicFormat.SubjectPublicKeyInfo))",
        &[
            env.path("k.key").to_str().unwrap(),
            env.path("same-modulus.pub").to_str().unwrap(),
        ],
    );
    let out = env
        .cmd([
            "--store",
            s,
            "create",
            "twin",
            "--public-key",
            "same-modulus.pub",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains(
            "(or another with its RSA modulus) is already registered to service account `holder`"
        ),
        "{err}"
    );
    assert_eq!(
        srv_before,
        snapshot(),
        "a refused registration changed the store"
    );
    // The holder's own key again is the old refusal.
    env.cmd([
        "--store",
        s,
        "key",
        "add",
        "holder",
        "--public-key",
        "k.key.pub",
    ])
    .assert()
    .code(3)
    .stderr(format!(
        "svcacct: service account `holder` already has key `{kid}`\n"
    ));
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = vec![];
    if let Ok(rd) = std::fs::read_dir(dir) {
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                out.extend(walk(&p));
            } else if p.file_name().is_some_and(|n| n != ".lock") {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

/// A retired issuer key is kept to verify the tokens it signed, and nothing else: a token
/// forged with it (say, leaked) under the id and dates of a token issued after the rotation is
/// refused, and the tokens on both sides of the rotation still verify.
#[test]
fn an_issued_token_verifies_only_with_the_key_that_signed_it() {
    let env = Env::new();
    let srv = env.path("srv");
    let s = srv.to_str().unwrap();
    env.ok(["--store", s, "create", "bot", "--bits", "2048"]);
    let before = env
        .ok([
            "--store",
            s,
            "tokens",
            "create",
            "bot",
            "before",
            "--expires",
            "30d",
        ])
        .trim()
        .to_owned();
    let old_kid = {
        let h = before.split('.').next().unwrap();
        let h: Value = serde_json::from_slice(&B64.decode(h).unwrap()).unwrap();
        h["kid"].as_str().unwrap().to_owned()
    };
    env.ok(["--store", s, "issuer", "rotate", "--publish-first", "0"]);
    let after = env
        .ok([
            "--store",
            s,
            "tokens",
            "create",
            "bot",
            "after",
            "--expires",
            "30d",
        ])
        .trim()
        .to_owned();
    for t in [&before, &after] {
        env.cmd(["--store", s, "verify", t]).assert().success();
    }
    // The retired key, as someone who stole the file has it.
    let leaked = format!("srv/issuer/{old_kid}.key");
    let c = claims(&after);
    let forged = sign_raw(
        &env,
        &leaked,
        "RS256",
        &json!({"alg": "RS256", "typ": "JWT", "kid": old_kid}).to_string(),
        &json!({"iss": c["iss"], "sub": "bot", "jti": c["jti"], "iat": c["iat"], "exp": c["exp"]})
            .to_string(),
    );
    let new_kid = {
        let h = after.split('.').next().unwrap();
        let h: Value = serde_json::from_slice(&B64.decode(h).unwrap()).unwrap();
        h["kid"].as_str().unwrap().to_owned()
    };
    env.cmd(["--store", s, "verify", &forged])
        .assert()
        .code(1)
        .stdout("")
        .stderr(format!(
            "svcacct: token rejected: issued token `after` of `bot` was signed with issuer key \
             `{new_kid}`, not `{old_kid}`: the token was not issued here\n"
        ));
    // The server says no too.
    let server = env.serve(&srv, &[]);
    let out = std::process::Command::new("curl")
        .args(["-s", "-w", "\n%{http_code}", "-H"])
        .arg(format!("Authorization: Bearer {forged}"))
        .arg(server.at("/v1/whoami"))
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.ends_with("\n401"), "{text}");
    assert!(text.contains("not issued here"), "{text}");
    env.cmd(["--store", s, "verify", &before])
        .assert()
        .success()
        .stdout(predicate::str::contains("before"));
}
