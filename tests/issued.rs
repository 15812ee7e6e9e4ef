//! Issued tokens end to end with the real binary: `svcacct tokens`, `svcacct issuer`,
//! `svcacct verify` and `svcacct login`, on the file store and through `svcacct serve`.

mod common;

use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use common::{Env, Server, curl, run_python};
use predicates::prelude::*;
use serde_json::{Value, json};

fn json(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("not JSON ({e}): {text}"))
}

/// `--store STORE ARGS…`.
fn at<'a>(store: &'a str, args: &[&'a str]) -> Vec<&'a str> {
    let mut v = vec!["--store", store];
    v.extend_from_slice(args);
    v
}

/// Issues a token and checks that stdout is the bare JWT, alone on its line.
fn issue<S: AsRef<std::ffi::OsStr>>(env: &Env, argv: &[S]) -> String {
    let out = env.ok(argv);
    let token = out.trim_end_matches('\n');
    assert!(
        !token.contains('\n') && token.split('.').count() == 3,
        "{out:?}"
    );
    token.to_owned()
}

fn claims(token: &str) -> Value {
    let payload = token.split('.').nth(1).unwrap();
    serde_json::from_slice(&URL_SAFE_NO_PAD.decode(payload).unwrap()).unwrap()
}

fn header(token: &str) -> Value {
    let h = token.split('.').next().unwrap();
    serde_json::from_slice(&URL_SAFE_NO_PAD.decode(h).unwrap()).unwrap()
}

/// `svcacct --store STORE verify TOKEN` fails with exit 1 and `message`.
fn refused(env: &Env, store: &str, token: &str, message: &str) {
    env.cmd(["--store", store, "verify", token])
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::starts_with("svcacct: token rejected: "))
        .stderr(predicate::str::contains(message));
}

fn mode(p: &Path) -> u32 {
    std::fs::metadata(p).unwrap().permissions().mode() & 0o777
}

/// Every file under `dir` with its bytes.
fn snapshot(dir: &Path) -> Vec<(std::path::PathBuf, Vec<u8>)> {
    let mut v = vec![];
    let mut stack = vec![dir.to_owned()];
    while let Some(d) = stack.pop() {
        let Ok(rd) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.file_name().is_some_and(|n| n != ".lock") {
                v.push((p.clone(), std::fs::read(&p).unwrap()));
            }
        }
    }
    v.sort();
    v
}

fn whoami_status(server: &Server, token: &str) -> (u16, String) {
    curl(&[
        "-H",
        &format!("Authorization: Bearer {token}"),
        &server.at("/v1/whoami"),
    ])
}

fn jwks_kids(text: &str) -> Vec<String> {
    json(text)["keys"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k["kid"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn issue_use_list_rename_regenerate_and_revoke_on_the_file_store() {
    let env = Env::new();
    let store = env.path("s");
    let s = store.to_str().unwrap();
    env.ok(at(s, &["create", "ci-bot"]));

    env.cmd(at(
        s,
        &["tokens", "create", "ci-bot", "deploy", "--aud", "api"],
    ))
    .assert()
    .success()
    .stderr(predicate::str::contains(
        "Issued token deploy for service account ci-bot (expires ",
    ))
    .stderr(predicate::str::contains("it is shown only this once"));
    // The first one was shown once; list it, then issue another to use.
    let listed = json(&env.ok(at(s, &["tokens", "list", "ci-bot", "-o", "json"])));
    assert_eq!(listed["kind"], "TokenList");
    assert_eq!(listed["items"][0]["name"], "deploy");
    env.ok(at(s, &["tokens", "revoke", "ci-bot", "deploy"]));

    let token = issue(
        &env,
        &at(s, &["tokens", "create", "ci-bot", "deploy", "--aud", "api"]),
    );
    let c = claims(&token);
    let issuer = c["iss"].as_str().unwrap().to_owned();
    assert!(issuer.starts_with("urn:svcacct:issuer:"), "{c}");
    assert_eq!(issuer.len(), "urn:svcacct:issuer:".len() + 32);
    assert_eq!(c["sub"], "ci-bot");
    assert_eq!(c["aud"], "api");
    let lifetime = c["exp"].as_i64().unwrap() - c["iat"].as_i64().unwrap();
    assert!(
        (1094 * 86400..=1097 * 86400).contains(&lifetime),
        "3y: {lifetime}"
    );
    assert_eq!(header(&token)["alg"], "RS256");

    // Used: verify accepts it and says which issued token it is; last used is noted.
    let v = json(&env.ok(at(s, &["verify", &token, "--aud", "api", "-o", "json"])));
    assert_eq!(v["valid"], true);
    assert_eq!(v["account"], "ci-bot");
    assert_eq!(v["issuer"], issuer.as_str());
    assert_eq!(v["tokenName"], "deploy");
    assert_eq!(v["kid"], header(&token)["kid"]);
    refused(&env, s, &token, "pass --aud to accept it");
    env.ok(at(s, &["disable", "ci-bot"]));
    refused(&env, s, &token, "service account `ci-bot` is disabled");
    env.ok(at(s, &["enable", "ci-bot"]));

    let listed = json(&env.ok(at(s, &["tokens", "list", "ci-bot", "-o", "json"])));
    let item = &listed["items"][0];
    assert_eq!(item["id"], c["jti"]);
    assert_eq!(item["audiences"], json!(["api"]));
    assert!(item["lastUsed"].is_string(), "{item}");
    assert!(!listed.to_string().contains(&token));
    let table = env.ok(at(s, &["tokens", "list", "ci-bot"]));
    let head: Vec<&str> = table
        .lines()
        .next()
        .unwrap()
        .split('|')
        .map(str::trim)
        .collect();
    assert_eq!(head, ["NAME", "ID", "CREATED DATE", "EXPIRES", "LAST USED"]);
    assert!(
        table.lines().nth(2).unwrap().starts_with(" deploy | "),
        "{table}"
    );
    assert_eq!(
        env.ok(at(s, &["tokens", "list", "ci-bot", "-o", "name"])),
        "deploy\n"
    );

    // Names are unique per account and are DNS labels; a refusal changes nothing.
    let before = snapshot(&store);
    env.cmd(at(s, &["tokens", "create", "ci-bot", "deploy"]))
        .assert()
        .code(3)
        .stdout("")
        .stderr("svcacct: service account `ci-bot` already has an issued token `deploy`\n");
    env.cmd(at(s, &["tokens", "create", "ci-bot", "Deploy_1"]))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("invalid name `Deploy_1`"));
    env.cmd(at(
        s,
        &["tokens", "create", "ci-bot", "x", "--expires", "yesterday"],
    ))
    .assert()
    .code(2);
    env.cmd(at(s, &["tokens", "revoke", "ci-bot", "nope"]))
        .assert()
        .code(3)
        .stderr(predicate::str::contains(
            "service account `ci-bot` has no issued token `nope`",
        ));
    env.cmd(at(s, &["tokens", "create", "ghost", "x"]))
        .assert()
        .code(3)
        .stderr(predicate::str::contains("unknown service account `ghost`"));
    assert_eq!(before, snapshot(&store));

    // Rename: the token itself keeps working.
    env.cmd(at(s, &["tokens", "rename", "ci-bot", "deploy", "ship"]))
        .assert()
        .success()
        .stdout("Renamed issued token of service account ci-bot: deploy -> ship\n");
    let v = json(&env.ok(at(s, &["verify", &token, "--aud", "api", "-o", "json"])));
    assert_eq!(v["tokenName"], "ship");

    // Regenerate: a new token under the name, same audience; the old one fails at once.
    let fresh = issue(&env, &at(s, &["tokens", "regenerate", "ci-bot", "ship"]));
    assert_eq!(claims(&fresh)["aud"], "api");
    assert_ne!(claims(&fresh)["jti"], c["jti"]);
    refused(&env, s, &token, "has been revoked");
    env.ok(at(s, &["verify", &fresh, "--aud", "api"]));

    // Revoke.
    env.cmd(at(s, &["tokens", "revoke", "ci-bot", "ship"]))
        .assert()
        .success()
        .stdout("Revoked issued token ship of service account: ci-bot\n");
    refused(&env, s, &fresh, "has been revoked");
    assert_eq!(
        env.ok(at(s, &["tokens", "list", "ci-bot", "-o", "name"])),
        ""
    );

    // A token that never expires has no `exp`.
    let forever = issue(
        &env,
        &at(
            s,
            &[
                "tokens",
                "create",
                "ci-bot",
                "forever",
                "--expires",
                "never",
            ],
        ),
    );
    assert!(claims(&forever).get("exp").is_none());
    let out = env.ok(at(s, &["verify", &forever]));
    assert!(out.contains("Expires:    never\n"), "{out}");
    assert!(out.contains("Token:      forever\n"), "{out}");

    // Tampered: another subject under the same signature.
    let parts: Vec<&str> = forever.split('.').collect();
    let mut forged = claims(&forever);
    forged["sub"] = json!("admin");
    let tampered = format!(
        "{}.{}.{}",
        parts[0],
        URL_SAFE_NO_PAD.encode(forged.to_string()),
        parts[2]
    );
    refused(
        &env,
        s,
        &tampered,
        "the signature does not verify with issuer key",
    );

    // HS256 against an RSA issuer, keyed with its public key (the classic confusion): refused
    // for the algorithm, before any signature check. And `none`.
    let issuer_view = json(&env.ok(at(s, &["issuer", "get", "-o", "json"])));
    let pem = issuer_view["keys"][0]["publicKey"].as_str().unwrap();
    let mut h = jsonwebtoken::Header::new(jsonwebtoken::Algorithm::HS256);
    h.kid = Some(issuer_view["keys"][0]["kid"].as_str().unwrap().to_owned());
    let hs = jsonwebtoken::encode(
        &h,
        &claims(&forever),
        &jsonwebtoken::EncodingKey::from_secret(pem.as_bytes()),
    )
    .unwrap();
    refused(&env, s, &hs, "algorithm `HS256` does not match issuer key");
    let none = format!(
        "{}.{}.",
        URL_SAFE_NO_PAD.encode(r#"{"alg":"none","typ":"JWT"}"#),
        parts[1]
    );
    refused(&env, s, &none, "algorithm `none` is refused");

    // Renaming the account revokes its tokens, and says so.
    env.cmd(at(s, &["rename", "ci-bot", "build-bot"]))
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Revoked issued token forever: it named ci-bot",
        ));
    refused(&env, s, &forever, "unknown service account `ci-bot`");
    env.ok(at(s, &["rename", "build-bot", "ci-bot"]));
    refused(&env, s, &forever, "has been revoked");

    // Deleted and created again: the old token never comes back.
    let again = issue(&env, &at(s, &["tokens", "create", "ci-bot", "again"]));
    env.cmd(at(s, &["delete", "ci-bot"]))
        .assert()
        .success()
        .stdout("Deleted service account: ci-bot (and its 1 issued token)\n");
    assert!(!store.join("tokens/default/ci-bot.toml").exists());
    env.ok(at(s, &["create", "ci-bot"]));
    refused(&env, s, &again, "has been revoked");
    assert_eq!(
        env.ok(at(s, &["tokens", "list", "ci-bot", "-o", "name"])),
        ""
    );

    // The issuer's key is private to the store, and never printed.
    let key = std::fs::read_dir(store.join("issuer"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|x| x == "key"))
        .expect("an issuer key file");
    assert_eq!(mode(&key), 0o600);
    let private = std::fs::read_to_string(&key).unwrap();
    let shown = env.ok(at(s, &["issuer", "get", "-o", "json"]));
    assert!(!shown.contains(private.lines().nth(1).unwrap()));
}

#[test]
fn an_hmac_issuer_needs_a_long_secret_and_pyjwt_verifies_its_tokens() {
    let env = Env::new();
    let store = env.path("s");
    let s = store.to_str().unwrap();
    env.ok(at(s, &["create", "ci-bot"]));
    std::fs::write(env.path("short"), "0123456789012345678901234567890\n").unwrap();
    env.cmd(at(
        s,
        &[
            "issuer",
            "init",
            "--algorithm",
            "HS256",
            "--secret-file",
            "short",
        ],
    ))
    .assert()
    .code(2)
    .stdout("")
    .stderr(predicate::str::contains(
        "the HMAC secret from the file named by --secret-file is 31 bytes long; HS256 needs at \
         least 32",
    ));
    env.cmd(at(
        s,
        &[
            "issuer",
            "init",
            "--algorithm",
            "HS256",
            "--secret-file",
            "-",
        ],
    ))
    .write_stdin("too short")
    .assert()
    .code(2)
    .stderr(predicate::str::contains("from stdin is 9 bytes long"));
    env.cmd(at(s, &["issuer", "init", "--algorithm", "HS256"]))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("needs its secret"));
    assert!(!store.join("issuer").exists(), "nothing written");

    let secret = "correct horse battery staple, and more bytes";
    env.cmd(at(
        s,
        &[
            "issuer",
            "init",
            "--algorithm",
            "HS256",
            "--secret-file",
            "-",
        ],
    ))
    .write_stdin(format!("{secret}\n"))
    .assert()
    .success()
    .stdout(predicate::str::starts_with(
        "Created issuer urn:svcacct:issuer:",
    ))
    .stdout(predicate::str::ends_with(" (HS256)\n"));
    env.cmd(at(s, &["issuer", "init"]))
        .assert()
        .code(3)
        .stderr(predicate::str::contains("the store already has an issuer"));
    let view = env.ok(at(s, &["issuer", "get", "-o", "json"]));
    assert!(!view.contains("correct horse"), "{view}");
    let view = json(&view);
    assert_eq!(view["algorithm"], "HS256");
    assert!(view["keys"][0].get("publicKey").is_none());

    let token = issue(
        &env,
        &at(
            s,
            &[
                "tokens",
                "create",
                "ci-bot",
                "hmac",
                "--aud",
                "svc",
                "--expires",
                "30d",
            ],
        ),
    );
    assert_eq!(header(&token)["alg"], "HS256");
    let out = run_python(
        "import jwt, sys, json\n\
         c = jwt.decode(sys.argv[1], sys.argv[2], algorithms=['HS256'], audience='svc')\n\
         print(json.dumps({k: c[k] for k in ('iss', 'sub', 'jti')}))\n\
         try:\n    jwt.decode(sys.argv[1], 'x' * 40, algorithms=['HS256'], audience='svc')\n\
         except jwt.InvalidSignatureError:\n    print('wrong secret refused')",
        &[&token, secret],
    );
    let mut lines = out.lines();
    let c = json(lines.next().unwrap());
    assert_eq!(c, {
        let mine = claims(&token);
        json!({"iss": mine["iss"], "sub": "ci-bot", "jti": mine["jti"]})
    });
    assert_eq!(lines.next(), Some("wrong secret refused"));
    let v = json(&env.ok(at(s, &["verify", &token, "--aud", "svc", "-o", "json"])));
    assert_eq!(
        (v["algorithm"].as_str(), v["fingerprint"].as_str()),
        (Some("HS256"), Some(""))
    );

    // The secret is never published, and rotation needs a new one.
    let jwks = env.ok(at(s, &["jwks", "--issuer"]));
    assert_eq!(jwks, "{\n  \"keys\": []\n}\n");
    assert!(!jwks_kids(&jwks).contains(&header(&token)["kid"].as_str().unwrap().to_owned()));
    env.cmd(at(s, &["issuer", "rotate", "--publish-first", "0"]))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("needs its secret"));
    std::fs::write(
        env.path("new-secret"),
        "another secret of more than 32 bytes!",
    )
    .unwrap();
    env.cmd(at(s, &["issuer", "rotate", "--secret-file", "new-secret"]))
        .assert()
        .success()
        .stdout(predicate::str::contains("until its last token expires"));
    env.ok(at(s, &["verify", &token, "--aud", "svc"]));
    let next = issue(&env, &at(s, &["tokens", "create", "ci-bot", "next"]));
    assert_ne!(header(&next)["kid"], header(&token)["kid"]);
    env.ok(at(s, &["verify", &next]));
    for key in std::fs::read_dir(store.join("issuer")).unwrap().flatten() {
        assert_eq!(mode(&key.path()), 0o600, "{}", key.path().display());
    }
}

/// One server for everything remote: issue, use, list, rename, regenerate, revoke, rotation
/// with the JWKS, and login.
#[test]
fn issued_tokens_through_serve_rotation_and_login() {
    let env = Env::new();
    let srv = env.path("srv");
    env.bootstrap(&srv);
    env.ok(["--store", srv.to_str().unwrap(), "create", "ci-bot"]);
    let server = env.serve(&srv, &[]);
    let url = server.url.clone();
    let admin = |args: &[&str]| -> Vec<String> {
        let mut v: Vec<String> = ["--store", url.as_str(), "--service-account", "admin"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        v.extend(args.iter().map(|s| s.to_string()));
        v
    };

    env.cmd(admin(&["issuer", "get"]))
        .assert()
        .code(3)
        .stderr(predicate::str::contains("the store has no issuer yet"));
    let token = issue(
        &env,
        &admin(&["tokens", "create", "ci-bot", "deploy", "--expires", "90d"]),
    );
    let old_kid = header(&token)["kid"].as_str().unwrap().to_owned();

    // Use it: the server accepts it (and caches it), the CLI can send it.
    let (status, body) = whoami_status(&server, &token);
    assert_eq!(status, 200, "{body}");
    let who = json(&body);
    assert_eq!(
        (who["account"].as_str(), who["tokenName"].as_str()),
        (Some("ci-bot"), Some("deploy"))
    );
    std::fs::write(env.path("ci.token"), format!("{token}\n")).unwrap();
    let out = env.ok(["--store", &url, "--token-file", "ci.token", "whoami"]);
    assert!(
        out.contains("Account:    ci-bot\n") && out.contains("Token:      deploy\n"),
        "{out}"
    );
    let v = json(&env.ok(admin(&["verify", &token, "-o", "json"])));
    assert_eq!(v["tokenName"], "deploy");

    let listed = json(&env.ok(admin(&["tokens", "list", "ci-bot", "-o", "json"])));
    assert_eq!(listed["items"][0]["name"], "deploy");
    assert_eq!(listed["items"][0]["id"], claims(&token)["jti"]);
    assert!(listed["items"][0]["lastUsed"].is_string());
    env.cmd(admin(&["tokens", "create", "ci-bot", "deploy"]))
        .assert()
        .code(3)
        .stderr(predicate::str::contains(
            "already has an issued token `deploy`",
        ));
    env.cmd(admin(&["tokens", "rename", "ci-bot", "deploy", "ship"]))
        .assert()
        .success()
        .stdout("Renamed issued token of service account ci-bot: deploy -> ship\n");
    assert_eq!(whoami_status(&server, &token).0, 200);

    // Rotation: the old key keeps verifying its token, and both are in the JWKS meanwhile.
    env.cmd(admin(&["issuer", "rotate", "--publish-first", "0"]))
        .assert()
        .success()
        .stdout(predicate::str::contains(format!(
            "Kept key {old_kid} until its last token expires, "
        )));
    let (_, jwks) = curl(&[&server.at("/.well-known/jwks.json")]);
    let kids = jwks_kids(&jwks);
    let issuer = json(&env.ok(admin(&["issuer", "get", "-o", "json"])));
    let new_kid = issuer["keys"][1]["kid"].as_str().unwrap().to_owned();
    assert!(kids.contains(&old_kid) && kids.contains(&new_kid), "{jwks}");
    assert!(issuer["keys"][0]["keptUntil"].is_string(), "{issuer}");
    assert_eq!(whoami_status(&server, &token).0, 200);
    env.ok(admin(&["verify", &token]));

    // Regenerate signs with the new key; the old token fails at once although the server
    // cached it, and its key goes once no token needs it.
    let fresh = issue(&env, &admin(&["tokens", "regenerate", "ci-bot", "ship"]));
    assert_eq!(header(&fresh)["kid"].as_str(), Some(new_kid.as_str()));
    let (status, body) = whoami_status(&server, &token);
    assert_eq!(status, 401, "{body}");
    assert!(body.contains("has been revoked"), "{body}");
    // (Its key went with it, which verification finds first.)
    env.cmd(admin(&["verify", &token]))
        .assert()
        .code(1)
        .stderr(predicate::str::contains("unknown issuer key"));
    let (_, jwks) = curl(&[&server.at("/.well-known/jwks.json")]);
    assert!(!jwks_kids(&jwks).contains(&old_kid), "{jwks}");
    assert!(jwks_kids(&jwks).contains(&new_kid), "{jwks}");
    assert!(!srv.join(format!("issuer/{old_kid}.key")).exists());

    // Login: checked with the server first; nothing is stored when it fails.
    std::fs::write(env.path("fresh.token"), &fresh).unwrap();
    std::fs::write(env.path("bad.token"), &token).unwrap();
    env.cmd(["--store", &url, "login", "--token-file", "bad.token"])
        .assert()
        .code(3)
        .stderr(predicate::str::contains("did not accept the credentials"));
    let config = env.path(".config/svcacct/config.toml");
    assert!(!config.exists());
    env.cmd([
        "--store",
        srv.to_str().unwrap(),
        "login",
        "--token-file",
        "fresh.token",
    ])
    .assert()
    .code(2)
    .stderr(predicate::str::contains("login is for remote stores"));
    let ctx = format!("127-0-0-1-{}", server.port);
    env.cmd(["--store", &url, "login", "--token-file", "-"])
        .write_stdin(fresh.clone())
        .assert()
        .success()
        .stdout(format!(
            "Context \"{ctx}\" created.\nSwitched to context \"{ctx}\".\n\
             Logged in to {url} as ci-bot (issued token ship).\n"
        ));
    let kept = env.path(&format!(".config/svcacct/tokens/{ctx}.token"));
    assert_eq!(mode(&kept), 0o600);
    assert_eq!(
        std::fs::read_to_string(&kept).unwrap(),
        format!("{fresh}\n")
    );
    // Later commands use it, with no flag at all.
    let out = env.ok(["whoami", "-o", "name"]);
    assert_eq!(out, "ci-bot\n");
    // Logging in again updates the current context's token.
    let fresh = issue(&env, &admin(&["tokens", "regenerate", "ci-bot", "ship"]));
    std::fs::write(env.path("fresh.token"), &fresh).unwrap();
    env.cmd(["login", "--token-file", "fresh.token"])
        .assert()
        .success()
        .stdout(format!(
            "Logged in to {url} as ci-bot (issued token ship).\n"
        ));
    assert_eq!(
        std::fs::read_to_string(&kept).unwrap(),
        format!("{fresh}\n")
    );
    assert_eq!(env.ok(["whoami", "-o", "name"]), "ci-bot\n");
    // The issued token speaks for ci-bot, which no policy lets list tokens.
    env.cmd(["tokens", "list", "ci-bot"])
        .assert()
        .code(3)
        .stderr(predicate::str::contains(
            "service account `ci-bot` may not list token in namespace `default`",
        ));

    // Renaming the account on the server revokes its tokens, and the client says so.
    env.cmd(admin(&["rename", "ci-bot", "cd-bot"]))
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Revoked issued token ship: it named ci-bot",
        ));
    let (status, body) = whoami_status(&server, &fresh);
    assert_eq!(status, 401, "{body}");
    // Deleting the account: its token gets 401 at once, although the server cached it.
    let last = issue(&env, &admin(&["tokens", "create", "cd-bot", "last"]));
    assert_eq!(whoami_status(&server, &last).0, 200);
    env.cmd(admin(&["delete", "cd-bot"]))
        .assert()
        .success()
        .stdout("Deleted service account: cd-bot (and its 1 issued token)\n");
    assert_eq!(whoami_status(&server, &last).0, 401);
}

/// An unreadable token file of another account must not turn a done `tokens create` or
/// `tokens revoke` into a failure: the change is written (and the token would be lost, its
/// name taken, if it were not printed), only the pruning of retired keys has to wait.
#[test]
fn a_corrupt_token_file_elsewhere_does_not_fail_a_done_issue_or_revoke() {
    let env = Env::new();
    let store = env.path("s");
    let s = store.to_str().unwrap();
    env.ok(at(s, &["create", "ci-bot"]));
    env.ok(at(s, &["create", "other"]));
    issue(&env, &at(s, &["tokens", "create", "other", "old"]));
    // A retired key that the token of `other` keeps: every later issue tries to prune.
    env.ok(at(s, &["issuer", "rotate", "--publish-first", "0"]));
    let broken = store.join("tokens/default/other.toml");
    std::fs::write(&broken, "garbage!!\n").unwrap();

    let out = env
        .cmd(at(s, &["tokens", "create", "ci-bot", "deploy"]))
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let token = String::from_utf8(out.stdout).unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("Issued token deploy for service account ci-bot")
            && stderr.contains("svcacct: warning: retired issuer keys were not pruned: ")
            && stderr.contains("other.toml")
            && stderr.contains("(fix or remove the file; the change itself was made)")
            && !stderr.contains("nothing else was changed"),
        "{stderr}"
    );
    env.ok(at(s, &["verify", token.trim_end()]));
    env.cmd(at(s, &["tokens", "revoke", "ci-bot", "deploy"]))
        .assert()
        .success()
        .stdout("Revoked issued token deploy of service account: ci-bot\n")
        .stderr(predicate::str::contains(
            "svcacct: warning: retired issuer keys were not pruned: ",
        ));
    refused(&env, s, token.trim_end(), "has been revoked");
    assert_eq!(std::fs::read_to_string(&broken).unwrap(), "garbage!!\n");
}

/// `login` names the token file after the context: a context name from a hand-edited config
/// file that is no DNS label (`..`, `/`) must not place the token outside `tokens/`.
#[test]
fn login_refuses_a_context_name_that_is_no_file_name() {
    let env = Env::new();
    let srv = env.path("srv");
    let s = srv.to_str().unwrap();
    env.ok(at(s, &["create", "ci-bot"]));
    let token = issue(&env, &at(s, &["tokens", "create", "ci-bot", "laptop"]));
    std::fs::write(env.path("laptop.token"), &token).unwrap();
    let server = env.serve(&srv, &[]);
    let dir = env.path(".config/svcacct");
    std::fs::create_dir_all(&dir).unwrap();
    for name in ["../evil", "a/b"] {
        let config = format!(
            "current-context = \"{name}\"\n\n[contexts.\"{name}\"]\nstore = \"{}\"\n",
            server.url
        );
        std::fs::write(dir.join("config.toml"), &config).unwrap();
        env.cmd(["login", "--token-file", "laptop.token"])
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicate::str::contains(format!(
                "invalid context name `{name}`"
            )));
        assert_eq!(
            std::fs::read_to_string(dir.join("config.toml")).unwrap(),
            config
        );
        assert!(!dir.join("evil.token").exists());
        assert!(!dir.join("tokens").exists());
    }
}

/// The latest expiry svcacct accepts (jiff's last second) must not make time arithmetic
/// overflow: one such token (anyone who may create tokens can ask for it) made `verify`
/// panic, and with it the issuer view, `issuer rotate` and the server's JWKS (500 for all).
/// A self-signed token with that `exp` (signed with the account's own key) panicked too.
#[test]
fn a_token_that_expires_at_the_end_of_time_breaks_nothing() {
    let env = Env::new();
    let srv = env.path("srv");
    let s = srv.to_str().unwrap();
    env.ok(at(s, &["create", "ci-bot"]));
    let far = "9999-12-30T22:00:00Z";
    let token = issue(
        &env,
        &at(s, &["tokens", "create", "ci-bot", "far", "--expires", far]),
    );
    assert_eq!(claims(&token)["exp"], 253402207200i64);
    let out = env.ok(at(s, &["verify", &token]));
    assert!(out.contains("Token:      far\n"), "{out}");
    env.ok(at(s, &["issuer", "rotate", "--publish-first", "0"]));
    let view = json(&env.ok(at(s, &["issuer", "get", "-o", "json"])));
    // The latest time there is (jiff's): the leeway and the JWKS's max-age cannot be added.
    assert_eq!(view["keys"][0]["keptUntil"], far);
    // Regenerated: the lifetime would go past the end, so it keeps the latest expiry.
    let again = issue(&env, &at(s, &["tokens", "regenerate", "ci-bot", "far"]));
    assert_eq!(claims(&again)["exp"], 253402207200i64);
    env.ok(at(s, &["verify", &again]));

    // Self-signed, with the account's own key from the keystore.
    let keys = env.path(".local/share/svcacct/keys/default/ci-bot");
    // The folder also holds `current` (and maybe other notes): the key is the `.pem`.
    let key = std::fs::read_dir(&keys)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|x| x == "pem"))
        .expect("the keystore holds the account's key");
    let kid = key.file_stem().unwrap().to_str().unwrap().to_owned();
    let selfsigned = run_python(
        "import sys, time, jwt\n\
         key = open(sys.argv[1]).read()\n\
         now = int(time.time())\n\
         print(jwt.encode({'iss': 'ci-bot', 'sub': 'ci-bot', 'iat': now, 'exp': 253402207200},\n\
                          key, algorithm='RS256', headers={'kid': sys.argv[2]}))",
        &[key.to_str().unwrap(), &kid],
    );
    env.cmd(at(s, &["verify", selfsigned.trim()]))
        .assert()
        .code(1)
        .stderr(predicate::str::contains("svcacct: token rejected: "))
        .stderr(predicate::str::contains("panicked").not());

    let server = env.serve(&srv, &[]);
    assert_eq!(whoami_status(&server, &again).0, 200);
    // The issuer's key alone; the account's is in its own set.
    let (status, body) = curl(&[&server.at("/.well-known/jwks.json")]);
    assert_eq!(status, 200, "{body}");
    assert_eq!(jwks_kids(&body).len(), 1, "{body}");
    assert!(!jwks_kids(&body).contains(&kid), "{body}");
    let (status, body) = curl(&[&server.at("/v1/namespaces/default/serviceaccounts/ci-bot/jwks")]);
    assert_eq!(
        (status, jwks_kids(&body)),
        (200, vec![kid.clone()]),
        "{body}"
    );
    assert_eq!(whoami_status(&server, selfsigned.trim()).0, 401);
    assert!(!server.log().contains("panicked"), "{}", server.log());
}

/// `regenerate` mints a new token, so it needs `create` on `token`; `update` (what renaming
/// a token needs) must not be a way to get a credential of the account.
#[test]
fn regenerate_needs_create_not_just_update() {
    let env = Env::new();
    let srv = env.path("srv");
    let s = srv.to_str().unwrap();
    env.ok(at(s, &["create", "ci-bot"]));
    env.ok(at(s, &["create", "renamer"]));
    env.ok(at(
        s,
        &[
            "policy",
            "create",
            "rename-tokens",
            "--subject",
            "renamer",
            "--action",
            "update",
            "--resource",
            "token",
        ],
    ));
    issue(&env, &at(s, &["tokens", "create", "ci-bot", "deploy"]));
    let server = env.serve(&srv, &[]);
    let url = server.url.clone();
    let renamer = |args: &[&str]| -> Vec<String> {
        let mut v: Vec<String> = ["--store", url.as_str(), "--service-account", "renamer"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        v.extend(args.iter().map(|s| s.to_string()));
        v
    };
    env.cmd(renamer(&["tokens", "rename", "ci-bot", "deploy", "ship"]))
        .assert()
        .success();
    env.cmd(renamer(&["tokens", "regenerate", "ci-bot", "ship"]))
        .assert()
        .code(3)
        .stdout("")
        .stderr(predicate::str::contains(
            "service account `renamer` may not create token in namespace `default`",
        ));
    let listed = json(&env.ok(at(s, &["tokens", "list", "ci-bot", "-o", "json"])));
    assert_eq!(listed["items"].as_array().unwrap().len(), 1);
    assert_eq!(listed["items"][0]["name"], "ship");
}

/// The issuer's JWKS needs its public keys only: an unreadable token file (or issuer record)
/// must not take it down (500) for every gateway; what cannot be read is left out and logged.
#[test]
fn the_jwks_survives_an_unreadable_token_file_or_issuer_record() {
    let env = Env::new();
    let srv = env.path("srv");
    let s = srv.to_str().unwrap();
    env.ok(at(s, &["create", "ci-bot"]));
    env.ok(at(s, &["create", "other"]));
    let token = issue(&env, &at(s, &["tokens", "create", "ci-bot", "deploy"]));
    issue(&env, &at(s, &["tokens", "create", "other", "x"]));
    let issuer_kid = header(&token)["kid"].as_str().unwrap().to_owned();
    let server = env.serve(&srv, &[]);
    let (status, body) = curl(&[&server.at("/.well-known/jwks.json")]);
    assert_eq!(status, 200, "{body}");
    let all = jwks_kids(&body);
    assert_eq!(all, vec![issuer_kid], "{body}");

    std::fs::write(srv.join("tokens/default/other.toml"), "garbage!!\n").unwrap();
    let (status, body) = curl(&[&server.at("/.well-known/jwks.json")]);
    assert_eq!(status, 200, "{body}");
    assert_eq!(jwks_kids(&body), all);
    // The token of the readable file still works.
    assert_eq!(whoami_status(&server, &token).0, 200);

    std::fs::write(srv.join("issuer/issuer.toml"), "garbage!!\n").unwrap();
    let (status, body) = curl(&[&server.at("/.well-known/jwks.json")]);
    assert_eq!(status, 200, "{body}");
    assert_eq!(jwks_kids(&body), Vec::<String>::new());
    assert!(
        server
            .log()
            .contains("svcacct: left out of the JWKS: the issuer's keys: "),
        "{}",
        server.log()
    );
}

/// Rotating is what one does when a key may have leaked: an unreadable token file must not
/// stop it. Without knowing which tokens need them, no retired key is removed meanwhile.
#[test]
fn rotation_works_with_an_unreadable_token_file_and_keeps_every_key() {
    let env = Env::new();
    let store = env.path("s");
    let s = store.to_str().unwrap();
    env.ok(at(s, &["create", "ci-bot"]));
    env.ok(at(s, &["create", "other"]));
    let token = issue(&env, &at(s, &["tokens", "create", "ci-bot", "deploy"]));
    issue(&env, &at(s, &["tokens", "create", "other", "x"]));
    let old_kid = header(&token)["kid"].as_str().unwrap().to_owned();
    env.ok(at(s, &["tokens", "revoke", "ci-bot", "deploy"]));
    env.ok(at(s, &["issuer", "rotate", "--publish-first", "0"]));
    std::fs::write(store.join("tokens/default/other.toml"), "garbage!!\n").unwrap();

    let out = env
        .cmd(at(s, &["issuer", "rotate", "--publish-first", "0"]))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        String::from_utf8_lossy(&out.stdout).starts_with("Rotated issuer urn:svcacct:issuer:"),
        "{out:?}"
    );
    assert!(
        stderr.contains(
            "svcacct: warning: a token file is unreadable, so no retired issuer key was removed: "
        ) && stderr.contains("other.toml"),
        "{stderr}"
    );
    // Three keys now: the first (still needed by `other`'s token, as far as anyone knows),
    // the one retired before, and the new one, which signs.
    let kids: Vec<String> = std::fs::read_dir(store.join("issuer"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter_map(|n| n.strip_suffix(".key").map(str::to_owned))
        .collect();
    assert_eq!(kids.len(), 3, "{kids:?}");
    assert!(kids.contains(&old_kid));
    let fresh = issue(&env, &at(s, &["tokens", "create", "ci-bot", "after"]));
    let new_kid = header(&fresh)["kid"].as_str().unwrap().to_owned();
    assert!(kids.contains(&new_kid) && new_kid != old_kid);
    env.ok(at(s, &["verify", &fresh]));
}

/// A leaked key must be revocable even when one account's token file is unreadable: the
/// rotation and the other accounts' revocations are made (one transaction), exit 0, and the
/// unreadable file is named in a warning and left as it is. (Before, the rotation was written
/// and the command then failed half-way with "nothing else was changed".)
#[test]
fn revoke_previous_goes_through_an_unreadable_token_file() {
    let env = Env::new();
    for a in ["a", "b", "c"] {
        env.ok(at("reg", &["create", a]));
        issue(
            &env,
            &at("reg", &["tokens", "create", a, "t", "--expires", "never"]),
        );
    }
    let unreadable = env.path("reg/tokens/default/b.toml");
    std::fs::write(&unreadable, "garbage = [").unwrap();
    env.cmd(at("reg", &["issuer", "rotate", "--revoke-previous"]))
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            "Revoked issued token t of a\nRevoked issued token t of c\n",
        ))
        .stderr(
            "svcacct: warning: the issued-token records of `b` are unreadable, so they were \
             left as they are; none of its tokens signed by a revoked key verifies any more \
             (fix or remove the file: `svcacct tokens list b` names it)\n",
        );
    for a in ["a", "c"] {
        let listed = json(&env.ok(at("reg", &["tokens", "list", a, "-o", "json"])));
        assert_eq!(listed["items"], json!([]), "{a}");
    }
    assert_eq!(std::fs::read_to_string(&unreadable).unwrap(), "garbage = [");
}

/// The `kid` in a JWT's header.
fn kid_of(token: &str) -> String {
    let header = URL_SAFE_NO_PAD
        .decode(token.split('.').next().unwrap())
        .unwrap();
    json(std::str::from_utf8(&header).unwrap())["kid"]
        .as_str()
        .unwrap()
        .to_owned()
}

/// `issuer rotate --publish-first`: the new key is in the JWKS at once and signs only from
/// its time, the current one until then; a verifier that fetched the JWKS right after the
/// rotation (and caches it) knows the key of every token issued before and after the switch.
#[test]
fn a_key_published_first_is_in_the_jwks_before_it_signs() {
    let env = Env::new();
    let store = env.path("s");
    let s = store.to_str().unwrap();
    env.ok(at(s, &["create", "ci-bot"]));
    let before = issue(&env, &at(s, &["tokens", "create", "ci-bot", "before"]));
    let old = kid_of(&before);
    let rotated = env
        .cmd(at(s, &["issuer", "rotate", "--publish-first", "3s"]))
        .output()
        .unwrap();
    assert!(rotated.status.success());
    let out = String::from_utf8(rotated.stdout).unwrap();
    // Shorter than the JWKS's max-age: allowed, and said.
    assert_eq!(
        String::from_utf8(rotated.stderr).unwrap(),
        "svcacct: warning: --publish-first 3s is shorter than the JWKS's max-age (5m 0s): a \
         verifier that fetched the JWKS just before may meet the new key's tokens before it \
         knows the key\n"
    );
    let issuer = json(&env.ok(at(s, &["issuer", "get", "-o", "json"])));
    let new = issuer["keys"][1]["kid"].as_str().unwrap().to_owned();
    assert_eq!(issuer["keys"][0]["phase"], "signing");
    assert_eq!(issuer["keys"][1]["phase"], "next");
    assert_eq!(issuer["keys"][0]["retired"], issuer["keys"][1]["signsFrom"]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2, "{out}");
    assert!(
        lines[0].starts_with(&format!(
            "Rotated issuer {}: new key {new} is published now and signs from ",
            issuer["id"].as_str().unwrap()
        )),
        "{out}"
    );
    assert_eq!(lines[1], format!("Key {old} signs until then"));
    let table = env.ok(at(s, &["issuer", "get"]));
    assert!(table.contains("next, published, signs from "), "{table}");
    assert!(table.contains("signing until "), "{table}");

    // The JWKS a verifier fetches now, and caches.
    let cached = json(&env.ok(at(s, &["jwks", "--issuer"])));
    let cached: Vec<&str> = cached["keys"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k["kid"].as_str().unwrap())
        .collect();
    assert_eq!(cached, [old.as_str(), new.as_str()]);
    let during = issue(&env, &at(s, &["tokens", "create", "ci-bot", "during"]));
    assert_eq!(
        kid_of(&during),
        old,
        "the current key signs until the switch"
    );
    std::thread::sleep(std::time::Duration::from_millis(3500));
    let after = issue(&env, &at(s, &["tokens", "create", "ci-bot", "after"]));
    assert_eq!(kid_of(&after), new, "the new key signs from its time");
    for t in [&before, &during, &after] {
        assert!(cached.contains(&kid_of(t).as_str()));
        env.ok(at(s, &["verify", t]));
    }
    let issuer = json(&env.ok(at(s, &["issuer", "get", "-o", "json"])));
    assert_eq!(issuer["keys"][0]["phase"], "retired");
    assert_eq!(issuer["keys"][1]["phase"], "signing");
    // A second rotation waits for a pending one; a leaked key does not.
    env.ok(at(s, &["issuer", "rotate", "--publish-first", "1h"]));
    env.cmd(at(s, &["issuer", "rotate"]))
        .assert()
        .code(3)
        .stderr(predicate::str::contains("is published and signs from"));
    env.cmd(at(
        s,
        &[
            "issuer",
            "rotate",
            "--revoke-previous",
            "--publish-first",
            "1m",
        ],
    ))
    .assert()
    .code(2)
    .stderr(predicate::str::contains("cannot be published first"));
}
