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

/// A token with a dot after it, or joined to other segments by dots, is a token: refused as
/// `"$JWT"`, `"Bearer $JWT"` and `"$JWT,"` are, without being repeated, and never stored
/// (review finding 4: `get "$JWT."` printed the whole token in "invalid name", and `update
/// --description "$JWT."` wrote it into the record).
#[test]
fn a_token_with_dots_around_it_is_still_a_token() {
    let env = setup();
    let token = env.ok(["token", "bot", "--jwt-private-key", "k.key"]);
    let token = token.trim();
    // The whole token, its payload and its signature: none may be repeated.
    let mut never: Vec<String> = token.split('.').skip(1).map(str::to_owned).collect();
    never.push(token.to_owned());
    let elsewhere = "(the token was not used or kept): a token is a command-line value only as \
                     the TOKEN of `svcacct verify` and `svcacct decode`, which read it from \
                     stdin with `-`; a remote store takes one from --token-file FILE|- or \
                     SVCACCT_TOKEN\n";
    let argument = format!("svcacct: an argument holds a token {elsewhere}");
    let option = |o: &str| format!("svcacct: {o} holds a token {elsewhere}");
    let dotted = format!("{token}.");
    let joined = format!("{token}.{token}");
    let after = format!("v1.{token}");
    refused(&env, &["get", &dotted], &argument, &never);
    refused(
        &env,
        &["tokens", "create", "bot", &dotted],
        &argument,
        &never,
    );
    refused(
        &env,
        &[
            "policy",
            "create",
            "p",
            "--subject",
            &dotted,
            "--action",
            "a",
            "--resource",
            "r",
        ],
        &option("--subject"),
        &never,
    );
    for value in [&dotted, &joined, &after] {
        refused(
            &env,
            &["update", "bot", "--description", value],
            &option("--description"),
            &never,
        );
    }
    // On the way into a context: no config file is made.
    refused(
        &env,
        &["config", "set-context", "x", "--namespace", &dotted],
        &option("--namespace"),
        &never,
    );
    assert_eq!(config(&env), None);
    // In a variable and in the config file.
    fails_quietly(
        &env,
        &["get"],
        &[("SVCACCT_STORE", &dotted)],
        2,
        &env_refusal("SVCACCT_STORE", "token", "a folder or a URL"),
        &never[1],
    );
    let path = env.path(".config/svcacct/config.toml");
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, format!("namespace = \"{after}\"\n")).unwrap();
    fails_quietly(
        &env,
        &["get"],
        &[],
        2,
        &config_refusal(&env, "namespace", None, "token", "a namespace"),
        &never[1],
    );
    std::fs::remove_file(&path).unwrap();
    // Nothing the store holds has it; the account is as it was.
    for (file, bytes) in env.store_snapshot() {
        let text = String::from_utf8_lossy(&bytes);
        assert!(!never.iter().any(|s| text.contains(s.as_str())), "{file:?}");
    }
    assert_eq!(env.ok(["get", "-o", "name"]), "bot\n");
    assert_eq!(env.ok(["policy", "get", "-o", "name"]), "");
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
    // Refused before it is read as a path (it was answered "cannot read (a key, not a file
    // name)"); see also a_secret_in_the_config_file_is_redacted_and_never_used. A token in
    // SVCACCT_TOKEN_FILE is refused before it is read as a path too: see
    // a_secret_in_the_wrong_environment_variable_is_refused_unrepeated.
    let refusal = config_refusal(&env, "jwt-private-key", None, "key", "the name of a file");
    for line in pem_body(&pem) {
        fails_quietly(&env, &["token", "bot"], &[], 2, &refusal, &line);
    }
}

/// The refusal of `value` as an identifier: names the field and the character's code point,
/// shows the value escaped.
fn invisible(field: &str, shown: &str, point: &str, kind: &str) -> String {
    format!(
        "svcacct: invalid {field} `{shown}`: it contains {point}, {kind}; identifiers may not \
         hold control, bidirectional-text or invisible characters\n"
    )
}

const BIDI: &str = "a bidirectional-text control character";
const HIDDEN: &str = "an invisible formatting character";

#[test]
fn identifiers_that_are_not_what_they_show_are_refused() {
    let env = setup();
    let cases: Vec<(Vec<&str>, String)> = vec![
        (
            vec![
                "create",
                "x",
                "--public-key",
                "k.key.pub",
                "--group",
                "admins\u{200b}",
            ],
            invisible("group", "admins\\u{200b}", "U+200B", HIDDEN),
        ),
        (
            vec!["update", "bot", "--add-group", "ops,nimda\u{202e}"],
            invisible("group", "nimda\\u{202e}", "U+202E", BIDI),
        ),
        (
            vec!["update", "bot", "--add-group", "a\u{1b}[31m"],
            invisible("group", "a\\u{1b}[31m", "U+001B", "a control character"),
        ),
        (
            vec![
                "create",
                "x",
                "--public-key",
                "k.key.pub",
                "--impersonate",
                "alice\u{2066}@example.com",
            ],
            invisible("user id", "alice\\u{2066}@example.com", "U+2066", BIDI),
        ),
        (
            vec![
                "policy",
                "create",
                "p",
                "--subject",
                "group:admins\u{feff}",
                "--action",
                "get",
                "--resource",
                "x",
            ],
            invisible("subject", "group:admins\\u{feff}", "U+FEFF", HIDDEN),
        ),
        (
            vec![
                "policy",
                "create",
                "p",
                "--subject",
                "bot",
                "--action",
                "get\u{200d}",
                "--resource",
                "x",
            ],
            invisible("action", "get\\u{200d}", "U+200D", HIDDEN),
        ),
        (
            vec![
                "policy",
                "create",
                "p",
                "--subject",
                "bot",
                "--action",
                "get",
                "--resource",
                "\u{202e}x",
            ],
            invisible("resource", "\\u{202e}x", "U+202E", BIDI),
        ),
        (
            vec![
                "token",
                "bot",
                "--jwt-private-key",
                "k.key",
                "--aud",
                "https://api\u{200c}.example",
            ],
            invisible("audience", "https://api\\u{200c}.example", "U+200C", HIDDEN),
        ),
        (
            vec![
                "token",
                "bot",
                "--jwt-private-key",
                "k.key",
                "--claim",
                "role\u{2060}=admin",
            ],
            invisible("claim name", "role\\u{2060}", "U+2060", HIDDEN),
        ),
        (
            vec!["tokens", "create", "bot", "t", "--aud", "api\u{061c}"],
            invisible("audience", "api\\u{61c}", "U+061C", BIDI),
        ),
    ];
    for (args, stderr) in cases {
        let before = env.store_snapshot();
        let out = env.cmd(&args).output().unwrap();
        let e = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {e}");
        assert_eq!(e, stderr, "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
        assert_eq!(before, env.store_snapshot(), "{args:?} changed the store");
    }
}

#[test]
fn the_server_refuses_them_in_request_bodies() {
    let env = Env::new();
    let store = env.path("srv");
    env.bootstrap(&store);
    let s = env.serve(&store, &[]);
    let admin = env.ok(["--store", store.to_str().unwrap(), "token", "admin"]);
    env.ok(["keygen", "-o", "evil.key", "--bits", "2048"]);
    let public = read(&env, "evil.key.pub");
    let post = |path: &str, body: serde_json::Value| {
        let out = std::process::Command::new("curl")
            .args([
                "-sS",
                "--max-time",
                "20",
                "-w",
                "\n%{http_code}",
                "-X",
                "POST",
            ])
            .args(["-H", &format!("Authorization: Bearer {}", admin.trim())])
            .args(["-H", "Content-Type: application/json", "--data-binary"])
            .arg(body.to_string())
            .arg(s.at(path))
            .output()
            .expect("curl is installed");
        let text = String::from_utf8(out.stdout).unwrap();
        let (body, status) = text.rsplit_once('\n').unwrap();
        (status.to_owned(), body.to_owned())
    };
    let before = env.store_snapshot();
    for (path, body, detail) in [
        (
            "/v1/namespaces/default/serviceaccounts",
            serde_json::json!({"name": "evil", "groups": ["admins\u{200b}"], "publicKeys": [public]}),
            "invalid group `admins\\u{200b}`: it contains U+200B",
        ),
        (
            "/v1/namespaces/default/serviceaccounts",
            serde_json::json!({"name": "evil", "impersonates": "root\u{202e}", "publicKeys": [public]}),
            "invalid user id `root\\u{202e}`: it contains U+202E",
        ),
        (
            "/v1/globalpolicies",
            serde_json::json!({"name": "p", "subjects": ["admin"], "actions": ["get\u{2067}"], "resources": ["*"]}),
            "invalid action `get\\u{2067}`: it contains U+2067",
        ),
        (
            "/v1/namespaces/default/policies",
            serde_json::json!({"name": "p", "subjects": ["group:ops\u{200b}"], "actions": ["get"], "resources": ["*"]}),
            "invalid subject `group:ops\\u{200b}`: it contains U+200B",
        ),
        (
            "/v1/namespaces/default/serviceaccounts/admin/tokens",
            serde_json::json!({"name": "t", "audiences": ["api\u{feff}"]}),
            "invalid audience `api\\u{feff}`: it contains U+FEFF",
        ),
        (
            "/v1/namespaces/default/serviceaccounts",
            serde_json::json!({"name": "evil", "groups": ["admins\u{fe0f}"], "publicKeys": [public]}),
            "invalid group `admins\\u{fe0f}`: it contains U+FE0F",
        ),
        (
            "/v1/namespaces/default/serviceaccounts",
            serde_json::json!({"name": "evil", "impersonates": "alice\u{e01ef}", "publicKeys": [public]}),
            "invalid user id `alice\\u{e01ef}`: it contains U+E01EF",
        ),
        (
            "/v1/globalpolicies",
            serde_json::json!({"name": "p", "subjects": ["group:ad\u{180b}mins"], "actions": ["get"], "resources": ["secret\u{2800}"]}),
            "invalid subject `group:ad\\u{180b}mins`: it contains U+180B",
        ),
    ] {
        let (status, answer) = post(path, body);
        assert_eq!(status, "400", "{path}: {answer}");
        let problem: serde_json::Value = serde_json::from_str(&answer).unwrap();
        let d = problem["detail"].as_str().unwrap();
        assert!(d.starts_with(detail), "{path}: {d}");
    }
    assert_eq!(before, env.store_snapshot(), "the store changed");
}

#[test]
fn stored_text_is_escaped_on_terminals_and_exact_in_json() {
    let env = setup();
    // Free text is accepted; what a store written by an older svcacct holds is shown escaped.
    env.ok(["update", "bot", "--description", "invoice\u{202e}fdp.exe"]);
    let record = env.path(".local/share/svcacct/store/accounts/default/bot.toml");
    let text = std::fs::read_to_string(&record).unwrap();
    std::fs::write(
        &record,
        text.replace("groups = []", "groups = [\"admins\u{200b}\"]"),
    )
    .unwrap();
    env.ok([
        "policy",
        "create",
        "p",
        "--subject",
        "bot",
        "--action",
        "get",
        "--resource",
        "x",
        "--description",
        "grants \u{2066}everything\u{2069}",
    ]);
    let policy = env.path(".local/share/svcacct/store/policies/default/p.toml");
    let text = std::fs::read_to_string(&policy).unwrap();
    std::fs::write(
        &policy,
        text.replace("\"get\"", "\"get\", \"\u{200b}delete\""),
    )
    .unwrap();

    for args in [
        vec!["get", "-o", "wide"],
        vec!["describe", "bot"],
        vec!["policy", "get", "-o", "wide"],
        vec!["policy", "describe", "p"],
    ] {
        let o = env.ok(&args);
        assert!(
            !o.chars()
                .any(|c| ['\u{202e}', '\u{200b}', '\u{2066}', '\u{2069}'].contains(&c)),
            "{args:?}: {o:?}"
        );
        assert!(o.contains('\\'), "{args:?}: {o}");
    }
    let wide = env.ok(["get", "-o", "wide"]);
    assert!(
        wide.contains(" admins\\u{200b} | invoice\\u{202e}fdp.exe"),
        "{wide}"
    );
    let d = env.ok(["describe", "bot"]);
    assert!(d.contains("Description:  invoice\\u{202e}fdp.exe\n"), "{d}");
    assert!(d.contains(", admins\\u{200b}\n"), "{d}");
    let p = env.ok(["policy", "describe", "p"]);
    assert!(
        p.contains("Description:  grants \\u{2066}everything\\u{2069}\n"),
        "{p}"
    );
    assert!(p.contains("Actions:      get, \\u{200b}delete\n"), "{p}");
    // JSON is for programs: the exact text.
    let j: serde_json::Value = serde_json::from_str(&env.ok(["get", "bot", "-o", "json"])).unwrap();
    assert_eq!(j["description"], "invoice\u{202e}fdp.exe");
    assert_eq!(j["groups"][0], "admins\u{200b}");
    // What an older svcacct stored can be taken away, as typed.
    env.ok(["update", "bot", "--remove-group", "admins\u{200b}"]);
    env.ok(["policy", "update", "p", "--remove-action", "\u{200b}delete"]);
    let j: serde_json::Value = serde_json::from_str(&env.ok(["get", "bot", "-o", "json"])).unwrap();
    assert_eq!(j["groups"], serde_json::json!([]));
    let j: serde_json::Value =
        serde_json::from_str(&env.ok(["policy", "get", "p", "-o", "json"])).unwrap();
    assert_eq!(j["actions"], serde_json::json!(["get"]));
}

/// The `kid` in a token's header.
fn kid_of(env: &Env, token: &str) -> String {
    let d: serde_json::Value = serde_json::from_str(&env.ok(["decode", token.trim()])).unwrap();
    d["header"]["kid"].as_str().unwrap().to_owned()
}

/// `svcacct ARGS` succeeds with a token on stdout; returns (token, stderr).
fn minted(env: &Env, args: &[&str]) -> (String, String) {
    let out = env.cmd(args).output().unwrap();
    let e = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(0), "{args:?}: {e}");
    let t = String::from_utf8(out.stdout).unwrap();
    assert_eq!(t.trim().split('.').count(), 3, "{args:?}: {t}");
    (t.trim().to_owned(), e)
}

#[test]
fn minting_with_a_key_the_account_does_not_have_is_flagged() {
    let env = setup();
    env.ok(["keygen", "-o", "admin.key", "--bits", "2048"]);
    let (own, e) = minted(&env, &["token", "bot", "--jwt-private-key", "k.key"]);
    assert_eq!(e, "");
    let bot_kid = kid_of(&env, &own);

    // Printed anyway (minting needs no registry), with a warning that names the account's keys.
    let (token, e) = minted(&env, &["token", "bot", "--jwt-private-key", "admin.key"]);
    let admin_kid = kid_of(&env, &token);
    assert_eq!(
        e,
        format!(
            "svcacct: warning: key {admin_kid} is not registered for service account `bot` \
             (its keys: {bot_kid}): the token will not verify\n"
        )
    );
    env.rejected(&token, &[], "unknown kid");
    env.ok(["key", "add", "bot", "--generate", "--bits", "2048"]);
    let second = env.ok(["key", "list", "bot", "-o", "name"]);
    let kids: Vec<&str> = second.lines().collect();
    assert_eq!(kids.len(), 2);
    let (_, e) = minted(&env, &["token", "bot", "--jwt-private-key", "admin.key"]);
    assert_eq!(
        e,
        format!(
            "svcacct: warning: key {admin_kid} is not registered for service account `bot` \
             (its keys: {}, {}): the token will not verify\n",
            kids[0], kids[1]
        )
    );
    // An account without keys (a namespace's default accounts).
    env.ok(["namespace", "create", "eng"]);
    let (_, e) = minted(
        &env,
        &["token", "eng/builder", "--jwt-private-key", "admin.key"],
    );
    assert_eq!(
        e,
        format!(
            "svcacct: warning: key {admin_kid} is not registered for service account \
             `eng/builder` (it has none): the token will not verify\n"
        )
    );
    // No warning, and no failure, where the registry cannot say: a store folder that is not
    // there, a remote store (never asked), an account the store does not have, an unreadable
    // record.
    for args in [
        vec![
            "--store",
            "/nonexistent",
            "token",
            "bot",
            "--jwt-private-key",
            "admin.key",
        ],
        vec![
            "--store",
            "http://127.0.0.1:9",
            "token",
            "bot",
            "--jwt-private-key",
            "admin.key",
        ],
        vec!["token", "ghost", "--jwt-private-key", "admin.key"],
    ] {
        assert_eq!(minted(&env, &args).1, "", "{args:?}");
    }
    let record = env.path(".local/share/svcacct/store/accounts/default/bot.toml");
    std::fs::write(&record, "not [toml\n").unwrap();
    assert_eq!(
        minted(&env, &["token", "bot", "--jwt-private-key", "admin.key"]).1,
        ""
    );
}

/// Invisible characters outside category Cf: variation selectors (U+FE00–FE0F, U+E0100–E01EF),
/// the Mongolian free variation selectors, U+2800 (a blank Braille pattern). They make
/// `admins\u{fe0f}` look like `admins` as the zero-width space does (issue 12, point 10).
#[test]
fn variation_selectors_and_blank_patterns_are_no_part_of_an_identifier() {
    let env = setup();
    // A key of its own, so that only the identifier can stop `create`.
    env.ok(["keygen", "-o", "x.key", "--bits", "2048"]);
    let create = |flag: &'static str, value: &'static str| -> Vec<&'static str> {
        vec!["create", "x", "--public-key", "x.key.pub", flag, value]
    };
    let policy = |subject: &'static str, action: &'static str, resource: &'static str| {
        vec![
            "policy",
            "create",
            "p1",
            "--global",
            "--subject",
            subject,
            "--action",
            action,
            "--resource",
            resource,
        ]
    };
    let cases: Vec<(Vec<&str>, String)> = vec![
        (
            create("--group", "admins\u{fe0f}"),
            invisible("group", "admins\\u{fe0f}", "U+FE0F", HIDDEN),
        ),
        (
            create("--group", "ad\u{180b}mins"),
            invisible("group", "ad\\u{180b}mins", "U+180B", HIDDEN),
        ),
        (
            create("--group", "ad\u{180f}mins"),
            invisible("group", "ad\\u{180f}mins", "U+180F", HIDDEN),
        ),
        (
            create("--group", "admins\u{e01ef}"),
            invisible("group", "admins\\u{e01ef}", "U+E01EF", HIDDEN),
        ),
        (
            create("--group", "admins\u{2800}"),
            invisible("group", "admins\\u{2800}", "U+2800", HIDDEN),
        ),
        (
            create("--impersonate", "alice@example.com\u{fe0f}"),
            invisible("user id", "alice@example.com\\u{fe0f}", "U+FE0F", HIDDEN),
        ),
        (
            policy("group:admins\u{fe0f}", "get", "secret"),
            invisible("subject", "group:admins\\u{fe0f}", "U+FE0F", HIDDEN),
        ),
        (
            policy("group:admins", "get\u{fe0f}", "secret"),
            invisible("action", "get\\u{fe0f}", "U+FE0F", HIDDEN),
        ),
        (
            policy("group:admins", "get", "secret\u{e0100}"),
            invisible("resource", "secret\\u{e0100}", "U+E0100", HIDDEN),
        ),
        (
            vec![
                "token",
                "bot",
                "--jwt-private-key",
                "k.key",
                "--aud",
                "api\u{fe00}",
            ],
            invisible("audience", "api\\u{fe00}", "U+FE00", HIDDEN),
        ),
    ];
    for (args, stderr) in cases {
        let before = env.store_snapshot();
        let out = env.cmd(&args).output().unwrap();
        let e = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {e}");
        assert_eq!(e, stderr, "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
        assert_eq!(before, env.store_snapshot(), "{args:?} changed the store");
    }
}

/// The characters the tests below must never find raw on stdout or stderr.
const RAW: [char; 8] = [
    '\u{202e}',
    '\u{200b}',
    '\u{fe0f}',
    '\u{180b}',
    '\u{e01ef}',
    '\u{e0100}',
    '\u{2800}',
    '\u{85}',
];

fn has_raw(s: &str) -> bool {
    s.chars().any(|c| RAW.contains(&c))
}

/// What a store written by an older svcacct holds: groups with variation selectors and a
/// blank pattern, a description with one. Returns the account's record path.
fn older_record(env: &Env) -> std::path::PathBuf {
    let record = env.path(".local/share/svcacct/store/accounts/default/bot.toml");
    let text = std::fs::read_to_string(&record).unwrap();
    let text = text.replace(
        "groups = []",
        "groups = [\"admins\u{fe0f}\", \"ad\u{180b}mins\", \"ops\u{e01ef}\", \"\u{2800}\"]",
    );
    let text = text.replace(
        "description = \"\"",
        "description = \"secret\u{e0100} \u{85}x\"",
    );
    assert!(text.contains("secret\u{e0100}"), "{text}");
    std::fs::write(&record, text).unwrap();
    record
}

#[test]
fn variation_selectors_in_stored_text_are_shown_escaped() {
    let env = setup();
    older_record(&env);
    for args in [vec!["get", "-o", "wide"], vec!["describe", "bot"]] {
        let o = env.ok(&args);
        assert!(!has_raw(&o), "{args:?}: {o:?}");
    }
    let wide = env.ok(["get", "-o", "wide"]);
    assert!(
        wide.contains(
            " admins\\u{fe0f},ad\\u{180b}mins,ops\\u{e01ef},\\u{2800} | secret\\u{e0100} \\u{85}x"
        ),
        "{wide}"
    );
}
/// `-o json` and `decode` write every character that could hide or reorder text as a JSON
/// escape (`\u202e`; a surrogate pair above U+FFFF): a terminal shows the escape, and a JSON
/// parser reads back exactly what is stored (issue 12, point 10).
#[test]
fn json_escapes_what_would_hide_or_reorder_text() {
    let env = setup();
    // A claim value a token's holder chose, shown by decode.
    let token = env.ok([
        "token",
        "bot",
        "--jwt-private-key",
        "k.key",
        "--claim",
        "role=\u{202e}nimda",
    ]);
    let out = env.cmd(["decode", token.trim()]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let o = String::from_utf8(out.stdout).unwrap();
    assert!(!has_raw(&o), "{o:?}");
    assert!(o.contains("\"role\": \"\\u202enimda\""), "{o}");
    let j: serde_json::Value = serde_json::from_str(&o).unwrap();
    assert_eq!(j["claims"]["role"], "\u{202e}nimda");
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");

    // Stored text: the exact value after parsing, escaped before.
    older_record(&env);
    env.ok(["update", "bot", "--add-group", "ops"]);
    for args in [
        vec!["get", "bot", "-o", "json"],
        vec!["get", "-o", "json"],
        vec!["describe", "bot", "-o", "json"],
    ] {
        let o = env.ok(&args);
        assert!(!has_raw(&o), "{args:?}: {o:?}");
        let j: serde_json::Value = serde_json::from_str(&o).unwrap();
        let a = if j["items"].is_array() {
            &j["items"][0]
        } else {
            &j
        };
        assert_eq!(
            a["groups"],
            serde_json::json!([
                "admins\u{fe0f}",
                "ad\u{180b}mins",
                "ops\u{e01ef}",
                "\u{2800}",
                "ops"
            ]),
            "{args:?}"
        );
        assert_eq!(a["description"], "secret\u{e0100} \u{85}x", "{args:?}");
    }
    let o = env.ok(["get", "bot", "-o", "json"]);
    for escaped in [
        "\"admins\\ufe0f\"",
        "\"ad\\u180bmins\"",
        "\"ops\\udb40\\uddef\"",
        "\"\\u2800\"",
        "\"secret\\udb40\\udd00 \\u0085x\"",
    ] {
        assert!(o.contains(escaped), "{escaped} missing from {o}");
    }
}

/// `svcacct ARGS` (with `envs`) fails with `code` and exactly `stderr`, prints nothing on
/// stdout, repeats `secret` nowhere, and changes neither the store nor the config file.
fn fails_quietly(
    env: &Env,
    args: &[&str],
    envs: &[(&str, &str)],
    code: i32,
    stderr: &str,
    secret: &str,
) {
    let (store, cfg) = (env.store_snapshot(), config(env));
    let out = env.cmd(args).envs(envs.iter().copied()).output().unwrap();
    let (o, e) = (
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr),
    );
    assert_eq!(out.status.code(), Some(code), "{args:?} {envs:?}: {e}");
    assert_eq!(e, stderr, "{args:?} {envs:?}");
    assert_eq!(o, "", "{args:?} {envs:?}");
    assert!(
        !o.contains(secret) && !e.contains(secret),
        "{args:?} repeats {secret}"
    );
    assert_eq!(store, env.store_snapshot(), "{args:?} changed the store");
    assert_eq!(cfg, config(env), "{args:?} changed the config file");
}

/// The value of `--secret-file` and `--passphrase-file` (and of SVCACCT_PASSPHRASE_FILE and
/// the config file's `passphrase-file`) is never repeated: given the secret instead of a file
/// name, "cannot read <value>" would print it. Messages name the option instead (issue 12,
/// point 6).
#[test]
fn the_file_of_a_secret_is_named_by_its_option_never_by_its_value() {
    let env = setup();
    let hmac = "0123456789abcdef0123456789abcdefXYZ";
    fails_quietly(
        &env,
        &[
            "issuer",
            "init",
            "--algorithm",
            "HS256",
            "--secret-file",
            hmac,
        ],
        &[],
        3,
        "svcacct: cannot read the file named by --secret-file: No such file or directory (os \
         error 2)\n",
        hmac,
    );
    std::fs::write(env.path("short"), "0123456789\n").unwrap();
    fails_quietly(
        &env,
        &[
            "issuer",
            "init",
            "--algorithm",
            "HS256",
            "--secret-file",
            "short",
        ],
        &[],
        2,
        "svcacct: the HMAC secret from the file named by --secret-file is 10 bytes long; HS256 \
         needs at least 32 (e.g. `head -c 48 /dev/urandom | base64 > secret`); nothing was \
         written\n",
        "short",
    );
    std::fs::write(env.path("secret"), format!("{hmac}\n")).unwrap();
    env.ok([
        "issuer",
        "init",
        "--algorithm",
        "HS256",
        "--secret-file",
        "secret",
    ]);
    fails_quietly(
        &env,
        &["issuer", "rotate", "--secret-file", hmac],
        &[],
        3,
        "svcacct: cannot read the file named by --secret-file: No such file or directory (os \
         error 2)\n",
        hmac,
    );

    // An encrypted key, and its passphrase where the name of its file belongs.
    let out = env
        .cmd(["keygen", "-o", "e.key", "--bits", "2048", "--encrypt"])
        .env("SVCACCT_PASSPHRASE", "right passphrase")
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let passphrase = "MyS3cretPassphrase";
    let token = ["token", "bot", "--jwt-private-key", "e.key"];
    let cannot = |source: &str| {
        format!(
            "svcacct: cannot read the file named by {source}: No such file or directory (os error 2)\n"
        )
    };
    let flag: Vec<&str> = ["--passphrase-file", passphrase]
        .into_iter()
        .chain(token)
        .collect();
    fails_quietly(
        &env,
        &flag,
        &[],
        3,
        &cannot("--passphrase-file"),
        passphrase,
    );
    fails_quietly(
        &env,
        &token,
        &[("SVCACCT_PASSPHRASE_FILE", passphrase)],
        3,
        &cannot("SVCACCT_PASSPHRASE_FILE"),
        passphrase,
    );
    let cfg_path = env.path(".config/svcacct/config.toml");
    std::fs::create_dir_all(cfg_path.parent().unwrap()).unwrap();
    std::fs::write(&cfg_path, format!("passphrase-file = \"{passphrase}\"\n")).unwrap();
    fails_quietly(
        &env,
        &token,
        &[],
        3,
        &cannot(&format!("`passphrase-file` in {}", cfg_path.display())),
        passphrase,
    );
    std::fs::remove_file(&cfg_path).unwrap();
    // A file that is there but empty, or not UTF-8.
    std::fs::write(env.path("nothing-in-it"), "\n").unwrap();
    std::fs::write(env.path("latin1"), b"caf\xe9\n").unwrap();
    let with = |file: &'static str| -> Vec<&'static str> {
        ["--passphrase-file", file]
            .into_iter()
            .chain(token)
            .collect()
    };
    fails_quietly(
        &env,
        &with("nothing-in-it"),
        &[],
        3,
        "svcacct: the passphrase from the file named by --passphrase-file is empty\n",
        "nothing-in-it",
    );
    fails_quietly(
        &env,
        &with("latin1"),
        &[],
        3,
        "svcacct: the file named by --passphrase-file is not UTF-8\n",
        "latin1",
    );
    // The right one still works.
    std::fs::write(env.path("pass"), "right passphrase\n").unwrap();
    let t = env.ok(with("pass"));
    assert_eq!(t.trim().split('.').count(), 3, "{t}");
}

/// The refusal of a secret in the environment variable `var`, which takes `what`.
fn env_refusal(var: &str, secret: &str, what: &str) -> String {
    let belongs = match secret {
        "key" => {
            "svcacct reads keys from files (--jwt-private-key FILE, --public-key FILE) and from \
             SVCACCT_JWT_PRIVATE_KEY"
        }
        _ => {
            "a remote store takes a token from SVCACCT_TOKEN, from a file (--token-file FILE, \
             SVCACCT_TOKEN_FILE) or from stdin (--token-file -)"
        }
    };
    format!(
        "svcacct: {var} holds a {secret}, and takes {what} (the {secret} was not used or kept): \
         {belongs}\n"
    )
}

/// A key or token in an SVCACCT_* variable that holds neither is refused before anything is
/// read or written, with a message that names the variable and not the secret; those that
/// hold one (SVCACCT_JWT_PRIVATE_KEY, SVCACCT_TOKEN, SVCACCT_PASSPHRASE) are what they are
/// for (issue 12, point 6).
#[test]
fn a_secret_in_the_wrong_environment_variable_is_refused_unrepeated() {
    let env = setup();
    let pem = read(&env, "k.key");
    let token = env.ok(["token", "bot", "--jwt-private-key", "k.key"]);
    let token = token.trim();
    // What must not be repeated: the PEM's body, the token's payload and signature.
    let pem_line = pem_body(&pem)[1].clone();
    let token_part = token.split('.').nth(1).unwrap().to_owned();
    /// Arguments, environment, stderr, and what must not be repeated.
    type Case<'a> = (Vec<&'a str>, Vec<(&'a str, &'a str)>, String, &'a str);
    let cases: Vec<Case> = vec![
        (
            vec!["get"],
            vec![("SVCACCT_STORE", token)],
            env_refusal("SVCACCT_STORE", "token", "a folder or a URL"),
            &token_part,
        ),
        (
            vec!["get"],
            vec![("SVCACCT_CONTEXT", &pem)],
            env_refusal("SVCACCT_CONTEXT", "key", "the name of a context"),
            &pem_line,
        ),
        (
            vec!["get"],
            vec![("SVCACCT_MAX_TOKEN_LIFETIME", token)],
            env_refusal(
                "SVCACCT_MAX_TOKEN_LIFETIME",
                "token",
                "a duration such as 1h",
            ),
            &token_part,
        ),
        (
            vec!["get"],
            vec![
                ("SVCACCT_SERVICE_ACCOUNT", token),
                ("SVCACCT_STORE", "http://127.0.0.1:1"),
                ("SVCACCT_JWT_PRIVATE_KEY", "k.key"),
            ],
            env_refusal(
                "SVCACCT_SERVICE_ACCOUNT",
                "token",
                "an account (NAME or NS/NAME)",
            ),
            &token_part,
        ),
        (
            vec!["create", "x", "--public-key", "k.key.pub"],
            vec![("SVCACCT_NAMESPACE", token)],
            env_refusal("SVCACCT_NAMESPACE", "token", "a namespace"),
            &token_part,
        ),
        (
            vec!["--store", "http://127.0.0.1:9", "get"],
            vec![("SVCACCT_TOKEN_FILE", token)],
            env_refusal("SVCACCT_TOKEN_FILE", "token", "the name of a file"),
            &token_part,
        ),
        (
            vec!["token", "bot"],
            vec![("SVCACCT_PASSPHRASE_FILE", &pem)],
            env_refusal("SVCACCT_PASSPHRASE_FILE", "key", "the name of a file"),
            &pem_line,
        ),
        (
            vec!["config", "view"],
            vec![("SVCACCT_CONFIG", token)],
            env_refusal("SVCACCT_CONFIG", "token", "the name of a file"),
            &token_part,
        ),
        (
            vec!["get"],
            vec![("SVCACCT_KEYSTORE", &pem)],
            env_refusal("SVCACCT_KEYSTORE", "key", "a folder"),
            &pem_line,
        ),
        (
            vec!["--store", "https://127.0.0.1:9", "get"],
            vec![("SVCACCT_CA_CERT", &pem)],
            env_refusal("SVCACCT_CA_CERT", "key", "the name of a file"),
            &pem_line,
        ),
    ];
    for (args, envs, stderr, secret) in &cases {
        fails_quietly(&env, args, envs, 2, stderr, secret);
    }
    let listing = || {
        let mut v: Vec<_> = std::fs::read_dir(env.home.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        v.sort();
        v
    };
    let before = listing();
    let out = env
        .cmd(["create", "y", "--public-key", "k.key.pub"])
        .env("SVCACCT_STORE", token)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(before, listing(), "a folder was made");

    // Where a secret belongs it is taken: the PEM in SVCACCT_JWT_PRIVATE_KEY, a token in
    // SVCACCT_TOKEN (here sent to no server: the connection is refused).
    let out = env
        .cmd(["token", "bot"])
        .env("SVCACCT_JWT_PRIVATE_KEY", &pem)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let out = env
        .cmd(["--store", "http://127.0.0.1:9", "get"])
        .env("SVCACCT_TOKEN", token)
        .env("SVCACCT_PASSPHRASE", token)
        .output()
        .unwrap();
    let e = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(3), "{e}");
    assert!(!e.contains(&token_part), "{e}");
    assert!(!e.contains("holds a token"), "{e}");
    // A variable svcacct does not read is none of its business.
    env.cmd(["get"])
        .env("SVCACCT_DEPLOY_TOKEN", token)
        .assert()
        .success();
}

/// The refusal of a secret in the config file's setting `key` (of context `context`).
fn config_refusal(env: &Env, key: &str, context: Option<&str>, secret: &str, what: &str) -> String {
    let belongs = match secret {
        "key" => {
            "svcacct reads keys from files (--jwt-private-key FILE, --public-key FILE) and from \
             SVCACCT_JWT_PRIVATE_KEY"
        }
        _ => {
            "a remote store takes a token from SVCACCT_TOKEN, from a file (--token-file FILE, \
             SVCACCT_TOKEN_FILE) or from stdin (--token-file -)"
        }
    };
    let of = context.map_or(String::new(), |c| format!(" of context `{c}`"));
    format!(
        "svcacct: `{key}`{of} in {} holds a {secret}, and takes {what} (the {secret} was not \
         used): {belongs}; remove it from the file (`svcacct config view` shows the file with \
         it redacted)\n",
        env.path(".config/svcacct/config.toml").display()
    )
}

/// A key or token written by hand into the config file is never printed: `config view` and
/// `config get-contexts` show it redacted (as `kubectl config view` does), and a command that
/// would use the setting refuses it, naming the setting and nothing else (issue 12, point 6).
#[test]
fn a_secret_in_the_config_file_is_redacted_and_never_used() {
    let env = setup();
    let pem = read(&env, "k.key");
    let token = env.ok(["token", "bot", "--jwt-private-key", "k.key"]);
    let token = token.trim().to_owned();
    let pem_line = pem_body(&pem)[1].clone();
    let token_part = token.split('.').nth(1).unwrap().to_owned();
    let path = env.path(".config/svcacct/config.toml");
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let text = format!(
        "jwt-private-key = \"\"\"{pem}\"\"\"\nnamespace = \"default\"\n\n\
         [contexts.prod]\nstore = \"https://registry.example:8420\"\ntoken-file = \"{token}\"\n\n\
         [contexts.ok]\nnamespace = \"default\"\n\n\
         [contexts.bad]\nservice-account = \"{token}\"\nstore = \"http://127.0.0.1:9\"\n"
    );
    std::fs::write(&path, &text).unwrap();
    let never = |args: &[&str], o: &str, e: &str| {
        for s in [&pem_line, &token_part] {
            assert!(
                !o.contains(s.as_str()) && !e.contains(s.as_str()),
                "{args:?}: {o}{e}"
            );
        }
    };

    // Shown redacted.
    let v = env.ok(["config", "view"]);
    never(&["config", "view"], &v, "");
    assert_eq!(
        v,
        "namespace = \"default\"\njwt-private-key = \"REDACTED (a key)\"\n\n\
         [contexts.bad]\nstore = \"http://127.0.0.1:9\"\n\
         service-account = \"REDACTED (a token)\"\n\n\
         [contexts.ok]\nnamespace = \"default\"\n\n\
         [contexts.prod]\nstore = \"https://registry.example:8420\"\n\
         token-file = \"REDACTED (a token)\"\n"
    );
    let j = env.ok(["config", "view", "-o", "json"]);
    never(&["config", "view", "-o", "json"], &j, "");
    let j: serde_json::Value = serde_json::from_str(&j).unwrap();
    assert_eq!(j["jwt-private-key"], "REDACTED (a key)");
    assert_eq!(j["contexts"]["prod"]["token-file"], "REDACTED (a token)");
    assert_eq!(j["namespace"], "default");
    for args in [
        vec!["config", "get-contexts"],
        vec!["config", "get-contexts", "-o", "wide"],
        vec!["config", "get-contexts", "-o", "json"],
    ] {
        let o = env.ok(&args);
        never(&args, &o, "");
    }
    let j: serde_json::Value =
        serde_json::from_str(&env.ok(["config", "get-contexts", "-o", "json"])).unwrap();
    assert_eq!(j["items"][0]["name"], "bad");
    assert_eq!(j["items"][0]["serviceAccount"], "REDACTED (a token)");
    assert_eq!(j["items"][2]["tokenFile"], "REDACTED (a token)");

    // Refused where it would be used; nothing written.
    let top = config_refusal(&env, "jwt-private-key", None, "key", "the name of a file");
    for args in [
        vec!["token", "bot"],
        vec!["get"],
        vec!["--context", "ok", "get"],
    ] {
        fails_quietly(&env, &args, &[], 2, &top, &pem_line);
    }
    // A context's setting, when that context is the one in use.
    let text = text.replacen(
        &format!("jwt-private-key = \"\"\"{pem}\"\"\"\n"),
        "current-context = \"prod\"\n",
        1,
    );
    std::fs::write(&path, &text).unwrap();
    fails_quietly(
        &env,
        &["get"],
        &[],
        2,
        &config_refusal(
            &env,
            "token-file",
            Some("prod"),
            "token",
            "the name of a file",
        ),
        &token_part,
    );
    fails_quietly(
        &env,
        &["create", "x", "--public-key", "k.key.pub"],
        &[("SVCACCT_CONTEXT", "bad")],
        2,
        &config_refusal(
            &env,
            "service-account",
            Some("bad"),
            "token",
            "an account (NAME or NS/NAME)",
        ),
        &token_part,
    );
    // Another context is not refused for them.
    let o = env.ok(["--context", "ok", "get", "-o", "name"]);
    assert_eq!(o, "bot\n");
    // The config commands work, to mend the file.
    env.ok(["config", "delete-context", "bad"]);
    env.ok(["config", "use-context", "ok"]);
    env.ok(["get"]);

    // A name in current-context that is a token.
    std::fs::write(
        &path,
        format!("current-context = \"{token}\"\n[contexts.ok]\n"),
    )
    .unwrap();
    fails_quietly(
        &env,
        &["get"],
        &[],
        2,
        &config_refusal(
            &env,
            "current-context",
            None,
            "token",
            "the name of a context",
        ),
        &token_part,
    );
    let o = env.ok(["config", "current-context"]);
    assert_eq!(o, "REDACTED (a token)\n");
    let v = env.ok(["config", "view"]);
    assert_eq!(
        v,
        "current-context = \"REDACTED (a token)\"\n\n[contexts.ok]\n"
    );
    // Settings that every command parses (a duration, a namespace, a store) do not stop the
    // config commands either.
    std::fs::write(
        &path,
        format!("namespace = \"{token}\"\nmax-token-lifetime = \"{token}\"\nstore = \"{token}\"\n"),
    )
    .unwrap();
    let v = env.ok(["config", "view"]);
    assert_eq!(
        v,
        "store = \"REDACTED (a token)\"\nnamespace = \"REDACTED (a token)\"\n\
         max-token-lifetime = \"REDACTED (a token)\"\n"
    );
    fails_quietly(
        &env,
        &["get"],
        &[],
        2,
        &config_refusal(&env, "store", None, "token", "a folder or a URL"),
        &token_part,
    );
}
