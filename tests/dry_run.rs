//! `--dry-run=client|server` (issue 16): every command that writes says what it would do and
//! writes nothing, locally and through a server; a server's dry run refuses what a real
//! request would, with the same answer.

mod common;

use std::path::{Path, PathBuf};

use common::Env;

/// Every file under `dir` (the store's lock and generation files included) with its bytes.
fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    fn walk(dir: &Path, out: &mut Vec<(PathBuf, Vec<u8>)>) {
        for e in std::fs::read_dir(dir).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(&p, out);
            } else {
                out.push((p.clone(), std::fs::read(&p).unwrap()));
            }
        }
    }
    let mut v = vec![];
    walk(dir, &mut v);
    v.sort();
    v
}

/// `svcacct ARGS…` → (exit code, stdout, stderr).
fn run(env: &Env, args: &[&str]) -> (i32, String, String) {
    let out = env.cmd(args).output().expect("run svcacct");
    (
        out.status.code().expect("exit code"),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// Drops the one date of a line (`expires Www Mmm dd hh:mm:ss UTC yyyy`).
fn without_date(s: &str) -> String {
    match (s.find("(expires "), s.find(" UTC ")) {
        (Some(a), Some(b)) => format!("{}(expires <DATE>{}", &s[..a], &s[b + 9..]),
        _ => s.to_owned(),
    }
}

/// Each command, with its `--dry-run` line, on a store that has an account `ci` with an issued
/// token `deploy`, an issuer, and a policy `readers`.
const PREVIEWS: &[(&[&str], &str)] = &[
    (
        &["create", "new-bot", "--bits", "2048", "--dry-run"],
        "Created service account: new-bot (dry run)\n",
    ),
    (
        &["update", "ci", "--description", "x", "--dry-run=client"],
        "Updated service account: ci (dry run)\n",
    ),
    (
        &["disable", "ci", "--dry-run"],
        "Disabled service account: ci (dry run)\n",
    ),
    (
        &["enable", "ci", "--dry-run"],
        "Enabled service account: ci (dry run)\n",
    ),
    (
        &["rename", "ci", "bot", "--dry-run"],
        "Renamed service account: ci -> bot (dry run)\n\
         Updated policy readers: subject ci -> bot (dry run)\n\
         Revoked issued token deploy: it named ci (issue a new one with `svcacct tokens create bot deploy`) (dry run)\n",
    ),
    (
        &["delete", "ci", "--dry-run"],
        "Deleted service account: ci (and its 1 issued token) (dry run)\n",
    ),
    (
        &["namespace", "create", "eng", "--no-defaults", "--dry-run"],
        "Created namespace: eng (dry run)\n",
    ),
    (
        &[
            "policy",
            "create",
            "p2",
            "--subject",
            "ci",
            "--action",
            "get",
            "--resource",
            "x",
            "--dry-run",
        ],
        "Created policy: p2 (dry run)\n",
    ),
    (
        &[
            "policy",
            "update",
            "readers",
            "--add-action",
            "list",
            "--dry-run",
        ],
        "Updated policy: readers (dry run)\n",
    ),
    (
        &["policy", "delete", "readers", "--dry-run"],
        "Deleted policy: readers (dry run)\n",
    ),
    (
        &["tokens", "create", "ci", "nightly", "--dry-run"],
        "Issued token nightly for service account ci (expires <DATE>) (dry run)\n",
    ),
    (
        &["tokens", "regenerate", "ci", "deploy", "--dry-run"],
        "Issued token deploy for service account ci (expires <DATE>) (dry run)\n",
    ),
    (
        &["tokens", "rename", "ci", "deploy", "release", "--dry-run"],
        "Renamed issued token of service account ci: deploy -> release (dry run)\n",
    ),
    (
        &["tokens", "revoke", "ci", "deploy", "--dry-run"],
        "Revoked issued token deploy of service account: ci (dry run)\n",
    ),
];

fn prepared(env: &Env, store: &[&str]) {
    let with = |args: &[&str]| {
        let mut v: Vec<&str> = store.to_vec();
        v.extend_from_slice(args);
        env.ok(v);
    };
    with(&["create", "ci", "--bits", "2048"]);
    with(&[
        "policy",
        "create",
        "readers",
        "--subject",
        "ci",
        "--action",
        "get",
        "--resource",
        "x",
    ]);
    with(&["tokens", "create", "ci", "deploy", "--out", "deploy.token"]);
}

/// `tokens rename -o`, as every write's: the record as written, or as a dry run would write it.
#[test]
fn tokens_rename_prints_the_record_with_dash_o() {
    let env = Env::new();
    prepared(&env, &[]);
    let data = env.path(".local/share/svcacct");
    let before = snapshot(&data);
    let (code, out, err) = run(
        &env,
        &[
            "tokens",
            "rename",
            "ci",
            "deploy",
            "release",
            "--dry-run",
            "-o",
            "json",
        ],
    );
    assert_eq!((code, err.as_str()), (0, ""));
    let record: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(record["name"], "release", "{out}");
    assert_eq!(snapshot(&data), before);
    assert_eq!(
        env.ok(["tokens", "rename", "ci", "deploy", "release", "-o", "name"]),
        "release\n"
    );
    let listed: serde_json::Value =
        serde_json::from_str(&env.ok(["tokens", "list", "ci", "-o", "json"])).unwrap();
    assert_eq!(listed["items"][0]["id"], record["id"]);
}

#[test]
fn a_local_dry_run_says_what_it_would_do_and_writes_nothing() {
    let env = Env::new();
    prepared(&env, &[]);
    let data = env.path(".local/share/svcacct");
    let before = snapshot(&data);
    for (args, expected) in PREVIEWS {
        let (code, out, err) = run(&env, args);
        assert_eq!(
            (code, without_date(&out), err.as_str()),
            (0, expected.to_string(), ""),
            "svcacct {}",
            args.join(" ")
        );
        assert_eq!(snapshot(&data), before, "svcacct {} wrote", args.join(" "));
    }
    // The keystore too: no key generated for `key add`, none removed with the account.
    let kid = serde_json::from_str::<serde_json::Value>(&env.ok(["get", "ci", "-o", "json"]))
        .unwrap()["keys"][0]["kid"]
        .as_str()
        .unwrap()
        .to_owned();
    for (args, expected) in [
        (
            vec![
                "key",
                "add",
                "ci",
                "--generate",
                "--bits",
                "2048",
                "--dry-run",
            ],
            "Added key ",
        ),
        (
            vec!["key", "remove", "ci", &kid, "--force", "--dry-run"],
            "Removed key ",
        ),
        (vec!["issuer", "rotate", "--dry-run"], "Rotated issuer "),
    ] {
        let (code, out, err) = run(&env, &args);
        assert_eq!((code, err.as_str()), (0, ""), "{args:?}");
        assert!(
            out.starts_with(expected) && out.contains(" (dry run)\n"),
            "{out}"
        );
    }
    // A namespace delete asks nothing in a dry run.
    env.ok(["namespace", "create", "eng"]);
    let before = snapshot(&data);
    let out = env.ok(["namespace", "delete", "eng", "--dry-run"]);
    assert!(out.ends_with("Deleted namespace: eng (dry run)\n"), "{out}");
    assert_eq!(snapshot(&data), before);
}

/// What a real run refuses, a dry run refuses with the same words and exit code.
#[test]
fn a_local_dry_run_refuses_what_a_real_run_would() {
    let env = Env::new();
    prepared(&env, &[]);
    let data = env.path(".local/share/svcacct");
    let before = snapshot(&data);
    for args in [
        vec!["create", "ci", "--bits", "2048"],
        vec!["delete", "ghost"],
        vec!["tokens", "create", "ci", "deploy"],
        vec!["namespace", "delete", "nowhere", "--yes"],
    ] {
        let real = run(&env, &args);
        let mut dry = args.clone();
        dry.push("--dry-run");
        assert_ne!(real.0, 0, "{args:?}");
        assert_eq!(run(&env, &dry), real, "{args:?}");
    }
    assert_eq!(snapshot(&data), before);
}

/// A first token makes the issuer and then issues, two transactions: a dry run sees the
/// first's writes in the second, and a store folder that does not exist is not made.
#[test]
fn a_dry_run_of_a_workflow_of_several_steps_and_of_a_new_store() {
    let env = Env::new();
    env.ok(["create", "ci", "--bits", "2048"]);
    let data = env.path(".local/share/svcacct");
    let before = snapshot(&data);
    let out = env.ok(["tokens", "create", "ci", "first", "--dry-run"]);
    assert_eq!(
        without_date(&out),
        "Issued token first for service account ci (expires <DATE>) (dry run)\n"
    );
    assert_eq!(snapshot(&data), before);
    let new = env.path("new-store");
    env.cmd([
        "--store",
        new.to_str().unwrap(),
        "create",
        "x",
        "--bits",
        "2048",
        "--dry-run",
    ])
    .assert()
    .success()
    .stdout("Created service account: x (dry run)\n");
    assert!(!new.exists());
}

#[test]
fn a_server_dry_run_is_checked_by_the_server_and_writes_nothing() {
    let env = Env::new();
    let srv = env.path("srv");
    env.bootstrap(&srv);
    let s = srv.to_str().unwrap();
    prepared(&env, &["--store", s]);
    // An account that no policy names.
    env.ok(["--store", s, "create", "nobody", "--bits", "2048"]);
    let server = env.serve(&srv, &[]);
    let url = server.url.as_str();
    let before = snapshot(&srv);
    for (args, expected) in PREVIEWS {
        let mut argv = vec!["--store", url, "--service-account", "admin"];
        argv.extend(args.iter().filter(|a| !a.starts_with("--dry-run")));
        argv.push("--dry-run=server");
        let (code, out, err) = run(&env, &argv);
        let expected = expected.replace("(dry run)", "(server dry run)");
        assert_eq!(
            (code, without_date(&out), err.as_str()),
            (0, expected, ""),
            "svcacct {}",
            argv.join(" ")
        );
        assert_eq!(snapshot(&srv), before, "svcacct {} wrote", argv.join(" "));
    }
    // Refused as a real request is, with the same message and exit code.
    for (account, args) in [
        ("admin", vec!["create", "ci", "--bits", "2048"]),
        ("admin", vec!["delete", "ghost"]),
        ("admin", vec!["tokens", "revoke", "ci", "ghost"]),
        ("nobody", vec!["create", "y", "--bits", "2048"]),
        ("nobody", vec!["delete", "ci"]),
    ] {
        let mut real = vec!["--store", url, "--service-account", account];
        real.extend(args);
        let mut dry = real.clone();
        dry.push("--dry-run=server");
        let dry_answer = run(&env, &dry);
        assert_eq!(dry_answer.0, 3, "{dry:?}: {dry_answer:?}");
        assert_eq!(snapshot(&srv), before, "{dry:?} wrote");
        assert_eq!(run(&env, &real), dry_answer, "{real:?}");
    }
    // The statuses, as a client of the API sees them: 409 for a name taken, 404 for a missing
    // one, 403 for a caller no policy allows; the same with and without `dryRun=All`.
    let bearer = env.ok(["--store", s, "token", "admin"]);
    let auth = format!("Authorization: Bearer {}", bearer.trim());
    let nobody = env.ok(["--store", s, "token", "nobody"]);
    let nobody = format!("Authorization: Bearer {}", nobody.trim());
    env.ok(["keygen", "-o", "k.pem", "--bits", "2048"]);
    let pem = std::fs::read_to_string(env.path("k.pem.pub")).unwrap();
    let body = |name: &str| serde_json::json!({"name": name, "publicKeys": [pem]}).to_string();
    let accounts = server.at("/v1/namespaces/default/serviceaccounts");
    let cases: Vec<(&str, &str, Option<String>, String, u16)> = vec![
        ("POST", &auth, Some(body("ci")), accounts.clone(), 409),
        ("DELETE", &auth, None, format!("{accounts}/ghost"), 404),
        ("POST", &nobody, Some(body("z")), accounts.clone(), 403),
        ("DELETE", &nobody, None, format!("{accounts}/ci"), 403),
        ("POST", &auth, Some(body("z")), accounts.clone(), 201),
    ];
    for (method, who, body, at, status) in cases {
        for query in ["?dryRun=All", ""] {
            if status == 201 && query.is_empty() {
                continue;
            }
            let at = format!("{at}{query}");
            let mut args = vec!["-X", method, "-H", who];
            if let Some(b) = &body {
                args.extend(["-H", "Content-Type: application/json", "-d", b]);
            }
            args.push(&at);
            let (got, answer) = common::curl(&args);
            assert_eq!(got, status, "{method} {at}: {answer}");
            assert_eq!(snapshot(&srv), before, "{method} {at} wrote");
        }
    }
    // The query parameter as the server takes it: Kubernetes' `All` only.
    let (status, body) = common::curl(&[
        "-X",
        "DELETE",
        "-H",
        &auth,
        &server.at("/v1/namespaces/default/serviceaccounts/ci?dryRun=all"),
    ]);
    assert_eq!(status, 400, "{body}");
    assert!(body.contains("`dryRun` must be `All`, not `all`"), "{body}");
    let (status, _) = common::curl(&[
        "-X",
        "DELETE",
        "-H",
        &auth,
        &server.at("/v1/namespaces/default/serviceaccounts/ci?dryRun=All"),
    ]);
    assert_eq!(status, 204);
    assert_eq!(snapshot(&srv), before);
    env.ok(["--store", s, "get", "ci"]);
    // A read writes nothing anyway: the parameter is not looked at.
    let (status, _) = common::curl(&["-H", &auth, &format!("{accounts}/ci?dryRun=all")]);
    assert_eq!(status, 200);
}

/// A server's dry run of a token hands out no token.
#[test]
fn a_server_dry_run_issues_no_token() {
    let env = Env::new();
    let srv = env.path("srv");
    env.bootstrap(&srv);
    env.ok([
        "--store",
        srv.to_str().unwrap(),
        "create",
        "ci",
        "--bits",
        "2048",
    ]);
    let server = env.serve(&srv, &[]);
    let bearer = env.ok(["--store", srv.to_str().unwrap(), "token", "admin"]);
    let before = snapshot(&srv);
    let (status, body) = common::curl(&[
        "-X",
        "POST",
        "-H",
        &format!("Authorization: Bearer {}", bearer.trim()),
        "-H",
        "Content-Type: application/json",
        "-d",
        r#"{"name":"deploy"}"#,
        &server.at("/v1/namespaces/default/serviceaccounts/ci/tokens?dryRun=All"),
    ]);
    assert_eq!(status, 201, "{body}");
    let v: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(v["token"], "");
    assert_eq!(v["name"], "deploy");
    assert_eq!(snapshot(&srv), before);
}

#[test]
fn a_client_dry_run_needs_a_local_store() {
    let env = Env::new();
    let srv = env.path("srv");
    env.bootstrap(&srv);
    let server = env.serve(&srv, &[]);
    let url = server.url.clone();
    env.cmd(server.as_admin(&["create", "x", "--dry-run=client"]))
        .assert()
        .code(2)
        .stdout("")
        .stderr(format!(
            "svcacct: --dry-run=client previews the change on a copy of a local store, and {url} \
             is a server: use --dry-run=server, which the server checks without writing\n"
        ));
    // A bare --dry-run is the server's there, as kubectl users type it.
    env.cmd(server.as_admin(&["create", "x", "--dry-run"]))
        .assert()
        .success()
        .stdout("Created service account: x (server dry run)\n");
    env.cmd(server.as_admin(&["get", "x"])).assert().code(3);
}

/// `doc` (json or yaml, read by PyYAML) without what differs between two writes of the same
/// record: its uid and dates (its keys' too).
fn stable(doc: &str) -> serde_json::Value {
    let json = common::run_python(
        "import json, sys, yaml\n\
         d = yaml.safe_load(sys.argv[1])\n\
         def drop(o):\n\
         \x20   for k in ('uid', 'created', 'updated'):\n\
         \x20       o.pop(k, None)\n\
         drop(d)\n\
         for k in d.get('keys', []):\n\
         \x20   drop(k)\n\
         print(json.dumps(d))\n",
        &[doc],
    );
    serde_json::from_str(&json).unwrap()
}

/// A YAML document as an item of a list: `- ` before its first line, two spaces before the
/// others.
fn indented_item(doc: &str) -> String {
    doc.lines()
        .enumerate()
        .map(|(i, l)| format!("{}{l}\n", if i == 0 { "- " } else { "  " }))
        .collect()
}

/// `-o` on a command that writes (issue 16): the object as it would be, in the shape `get -o
/// json` prints after the real write; the store stays byte for byte as it was.
#[test]
fn a_dry_run_prints_the_object_as_get_prints_it_after_the_write() {
    let env = Env::new();
    prepared(&env, &[]);
    env.ok(["keygen", "-o", "k.pem", "--bits", "2048"]);
    let data = env.path(".local/share/svcacct");
    let before = snapshot(&data);
    let create = [
        "create",
        "bot",
        "--public-key",
        "k.pem.pub",
        "--description",
        "the bot",
        "--group",
        "ops",
        "--label",
        "team=web",
    ];
    let policy = [
        "policy",
        "create",
        "deployers",
        "--subject",
        "ci",
        "--action",
        "get,list",
        "--resource",
        "function",
        "--label",
        "tier=deploy",
    ];
    let mut previews = vec![];
    for (args, format) in [(&create[..], "yaml"), (&policy[..], "json")] {
        let mut dry = args.to_vec();
        dry.extend(["--dry-run=client", "-o", format]);
        let (code, out, err) = run(&env, &dry);
        assert_eq!((code, err.as_str()), (0, ""), "{dry:?}");
        if format == "yaml" {
            assert!(out.starts_with("kind: ServiceAccount\n"), "{out}");
        }
        assert_eq!(snapshot(&data), before, "{dry:?} wrote");
        previews.push(stable(&out));
    }
    env.ok(create);
    env.ok(policy);
    assert_eq!(previews[0], stable(&env.ok(["get", "bot", "-o", "json"])));
    assert_eq!(
        previews[1],
        stable(&env.ok(["policy", "get", "deployers", "-o", "json"]))
    );
    // Without --dry-run, -o prints the object as written: what `get` prints, byte for byte.
    let written = env.ok(["update", "bot", "--description", "changed", "-o", "json"]);
    assert_eq!(written, env.ok(["get", "bot", "-o", "json"]));
    let written = env.ok(["namespace", "create", "eng", "--no-defaults", "-o", "yaml"]);
    let got = env.ok(["namespace", "get", "eng", "-o", "yaml"]);
    assert_eq!(
        written,
        format!("kind: List\nitems:\n{}", indented_item(&got))
    );
    // And the changes, as they would be.
    let before = snapshot(&data);
    for (args, field, value) in [
        (vec!["disable", "bot"], "status", "disabled"),
        (
            vec!["update", "bot", "--label", "tier=x"],
            "labels",
            "tier=x",
        ),
        (vec!["rename", "bot", "robot"], "name", "robot"),
    ] {
        let mut dry = args.clone();
        dry.extend(["--dry-run", "-o", "json"]);
        let v: serde_json::Value = serde_json::from_str(&env.ok(&dry)).unwrap();
        let got = match &v[field] {
            serde_json::Value::Object(m) => m
                .iter()
                .map(|(k, v)| format!("{k}={}", v.as_str().unwrap()))
                .filter(|l| l == value)
                .collect(),
            other => other.as_str().unwrap().to_owned(),
        };
        assert_eq!(got, value, "{dry:?}: {v}");
        assert_eq!(snapshot(&data), before, "{dry:?} wrote");
    }
}

/// `-o name` prints what `get -o name` prints for the kind, a write's and a delete's alike.
#[test]
fn dash_o_name_on_writes_and_deletes() {
    let env = Env::new();
    prepared(&env, &[]);
    env.ok(["namespace", "create", "eng", "--no-defaults"]);
    let data = env.path(".local/share/svcacct");
    let before = snapshot(&data);
    for (args, expected) in [
        (
            vec!["create", "eng/bot", "--bits", "2048", "--dry-run"],
            "eng/bot\n",
        ),
        (
            vec!["update", "ci", "--description", "x", "--dry-run"],
            "ci\n",
        ),
        (vec!["rename", "ci", "robot", "--dry-run"], "robot\n"),
        (
            vec![
                "policy",
                "update",
                "readers",
                "--add-action",
                "list",
                "--dry-run",
            ],
            "readers\n",
        ),
        (
            vec![
                "namespace",
                "create",
                "eng/web",
                "--dry-run",
                "--no-defaults",
            ],
            "namespace/eng/web\n",
        ),
        (
            vec!["tokens", "create", "ci", "nightly", "--dry-run"],
            "nightly\n",
        ),
        (vec!["delete", "ci", "--dry-run"], "ci\n"),
        (
            vec!["policy", "delete", "readers", "--dry-run"],
            "readers\n",
        ),
        (
            vec!["tokens", "revoke", "ci", "deploy", "--dry-run"],
            "deploy\n",
        ),
        (vec!["namespace", "delete", "eng", "--dry-run"], "eng\n"),
    ] {
        let mut argv = args.clone();
        argv.extend(["-o", "name"]);
        assert_eq!(
            run(&env, &argv),
            (0, expected.to_owned(), String::new()),
            "{argv:?}"
        );
        assert_eq!(snapshot(&data), before, "{argv:?} wrote");
    }
    assert_eq!(env.ok(["get", "ci", "-o", "name"]), "ci\n");
    assert_eq!(
        env.ok(["policy", "get", "readers", "-o", "name"]),
        "readers\n"
    );
    assert_eq!(
        env.ok(["delete", "ci", "-o", "name"]),
        "ci\n",
        "a real delete"
    );
}

/// A token's record, never the token: in a dry run, or with the token in its --out file.
#[test]
fn a_token_is_never_printed_by_dash_o() {
    let env = Env::new();
    prepared(&env, &[]);
    let data = env.path(".local/share/svcacct");
    let before = snapshot(&data);
    for args in [
        vec![
            "tokens",
            "create",
            "ci",
            "nightly",
            "--dry-run",
            "-o",
            "json",
        ],
        vec![
            "tokens",
            "regenerate",
            "ci",
            "deploy",
            "--dry-run",
            "-o",
            "json",
        ],
    ] {
        let v: serde_json::Value = serde_json::from_str(&env.ok(&args)).unwrap();
        let mut keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
        keys.sort();
        assert_eq!(
            keys,
            ["created", "expires", "id", "kid", "kind", "name"],
            "{args:?}: {v}"
        );
    }
    assert_eq!(snapshot(&data), before);
    // Without --dry-run the token goes to --out; stdout has its record, as `tokens list` shows it.
    let out = env.ok([
        "tokens", "create", "ci", "nightly", "--out", "n.token", "-o", "json",
    ]);
    let record: serde_json::Value = serde_json::from_str(&out).unwrap();
    let list: serde_json::Value =
        serde_json::from_str(&env.ok(["tokens", "list", "ci", "-o", "json"])).unwrap();
    assert!(
        list["items"].as_array().unwrap().contains(&record),
        "{list}"
    );
    let token = std::fs::read_to_string(env.path("n.token")).unwrap();
    assert!(!out.contains(token.trim()));
}

/// A format a write does not print is a usage error that names those it does, and writes
/// nothing; so is -o on a token that would be shown nowhere.
#[test]
fn a_bad_dash_o_on_a_write_is_a_usage_error() {
    let env = Env::new();
    prepared(&env, &[]);
    let data = env.path(".local/share/svcacct");
    let before = snapshot(&data);
    for (args, expected) in [
        (
            vec!["create", "bot", "--bits", "2048", "-o", "table"],
            "error: invalid value 'table' for '--output <FORMAT>'\n  \
             [possible values: json, yaml, name]\n\nFor more information, try '--help'.\n",
        ),
        (
            vec!["delete", "ci", "-o", "json"],
            "error: invalid value 'json' for '--output <FORMAT>'\n  \
             [possible values: name]\n\nFor more information, try '--help'.\n",
        ),
        (
            vec!["tokens", "create", "ci", "nightly", "-o", "json"],
            "svcacct: tokens create -o shows the token's record, never the token: pass --out \
             FILE to keep the token (or --dry-run to preview the record)\n",
        ),
        (
            vec!["tokens", "regenerate", "ci", "deploy", "-o", "yaml"],
            "svcacct: tokens regenerate -o shows the token's record, never the token: use it \
             with --dry-run, or leave -o out to get the new token\n",
        ),
    ] {
        assert_eq!(
            run(&env, &args),
            (2, String::new(), expected.to_owned()),
            "{args:?}"
        );
        assert_eq!(snapshot(&data), before, "{args:?} wrote");
    }
}

/// Through a server, `--dry-run=server -o json`: the object as the server would write it.
#[test]
fn a_server_dry_run_prints_the_object_the_server_would_write() {
    let env = Env::new();
    let srv = env.path("srv");
    env.bootstrap(&srv);
    let s = srv.to_str().unwrap();
    prepared(&env, &["--store", s]);
    env.ok(["keygen", "-o", "k.pem", "--bits", "2048"]);
    let server = env.serve(&srv, &[]);
    let before = snapshot(&srv);
    let remote = |args: &[&'static str]| server.as_admin(args);
    let create = [
        "create",
        "bot",
        "--public-key",
        "k.pem.pub",
        "--label",
        "team=web",
    ];
    let policy = [
        "policy",
        "create",
        "deployers",
        "--subject",
        "ci",
        "--action",
        "get",
        "--resource",
        "function",
    ];
    let mut previews = vec![];
    for args in [&create[..], &policy[..]] {
        let mut dry = remote(args);
        dry.extend(["--dry-run=server", "-o", "json"]);
        let (code, out, err) = run(&env, &dry);
        assert_eq!((code, err.as_str()), (0, ""), "{dry:?}");
        assert_eq!(snapshot(&srv), before, "{dry:?} wrote");
        previews.push(stable(&out));
    }
    // A key removed, as the account would be (the server answers a removal with no body).
    let kid =
        serde_json::from_str::<serde_json::Value>(&env.ok(remote(&["get", "ci", "-o", "json"])))
            .unwrap()["keys"][0]["kid"]
            .as_str()
            .unwrap()
            .to_owned();
    let v: serde_json::Value = serde_json::from_str(&env.ok(server.as_admin(&[
        "key",
        "remove",
        "ci",
        &kid,
        "--force",
        "--dry-run=server",
        "-o",
        "json",
    ])))
    .unwrap();
    assert_eq!(
        (v["name"].as_str(), v["keys"].as_array().map(Vec::len)),
        (Some("ci"), Some(0))
    );
    assert_eq!(snapshot(&srv), before);
    env.ok(remote(&create));
    env.ok(remote(&policy));
    assert_eq!(
        previews[0],
        stable(&env.ok(remote(&["get", "bot", "-o", "json"])))
    );
    assert_eq!(
        previews[1],
        stable(&env.ok(remote(&["policy", "get", "deployers", "-o", "json"])))
    );
}

/// The issuer and an account's keys: a dry run's `-o json` is the record as it would be, a real
/// write's is what `issuer get -o json` / `get -o json` print after it.
#[test]
fn dash_o_on_the_issuer_and_on_keys() {
    let env = Env::new();
    prepared(&env, &[]);
    let data = env.path(".local/share/svcacct");
    let before = snapshot(&data);
    let json =
        |args: &[&str]| -> serde_json::Value { serde_json::from_str(&env.ok(args)).unwrap() };
    let issuer = json(&["issuer", "get", "-o", "json"]);
    let rotated = json(&["issuer", "rotate", "--dry-run", "-o", "json"]);
    assert_eq!(rotated["id"], issuer["id"]);
    let keys = |v: &serde_json::Value| v["keys"].as_array().unwrap().len();
    assert_eq!(keys(&rotated), keys(&issuer) + 1, "{rotated}");
    assert_eq!(rotated["keys"][keys(&issuer)]["phase"], "next", "{rotated}");
    let with_url = json(&[
        "issuer",
        "set-url",
        "https://id.example",
        "--dry-run=client",
        "-o",
        "json",
    ]);
    assert_eq!(with_url["url"], "https://id.example");
    let added = json(&[
        "key",
        "add",
        "ci",
        "--generate",
        "--bits",
        "2048",
        "--dry-run",
        "-o",
        "json",
    ]);
    assert_eq!(
        (added["kind"].as_str(), keys(&added)),
        (Some("ServiceAccount"), 2)
    );
    assert_eq!(snapshot(&data), before, "a dry run wrote");
    let written = env.ok(["issuer", "set-url", "https://id.example", "-o", "json"]);
    assert_eq!(written, env.ok(["issuer", "get", "-o", "json"]));
    let written = env.ok([
        "key",
        "add",
        "ci",
        "--generate",
        "--bits",
        "2048",
        "-o",
        "yaml",
    ]);
    assert_eq!(written, env.ok(["get", "ci", "-o", "yaml"]));
    assert_eq!(
        env.ok(["issuer", "rotate", "-o", "name"]),
        format!("{}\n", issuer["id"].as_str().unwrap())
    );
}

/// `namespace create -o` (issue 16): the namespace and the default accounts and policies made
/// with it, as `kubectl create -f` prints several objects — `-o json|yaml` a `List` of each as
/// `get` prints it, `-o name` one `KIND/NAME` line each — in a dry run too, locally and
/// through a server.
#[test]
fn namespace_create_prints_what_it_made_with_it() {
    let env = Env::new();
    let srv = env.path("srv");
    env.bootstrap(&srv);
    let s = srv.to_str().unwrap();
    let local = |args: &[&'static str]| {
        let mut v = vec!["--store", s];
        v.extend_from_slice(args);
        v
    };
    let names = |ns: &str| {
        format!(
            "namespace/{ns}\nserviceaccount/{ns}/builder\nserviceaccount/{ns}/deployer\n\
             serviceaccount/{ns}/default\npolicy/{ns}/image-builders\npolicy/{ns}/deployers\n\
             policy/{ns}/image-pullers\n"
        )
    };
    let before = snapshot(&srv);
    assert_eq!(
        run(
            &env,
            &local(&["namespace", "create", "eng", "--dry-run", "-o", "name"])
        ),
        (0, names("eng"), String::new())
    );
    let dry = stable_list(&env.ok(local(&[
        "namespace",
        "create",
        "eng",
        "--dry-run",
        "-o",
        "json",
    ])));
    assert_eq!(snapshot(&srv), before, "a dry run wrote");

    // The real one: each item as `get` prints it after the write.
    let written: serde_json::Value =
        serde_json::from_str(&env.ok(local(&["namespace", "create", "eng", "-o", "json"])))
            .unwrap();
    assert_eq!(written["kind"], "List");
    let items = written["items"].as_array().unwrap();
    let get = |args: &[&'static str]| -> serde_json::Value {
        serde_json::from_str(&env.ok(local(args))).unwrap()
    };
    let expected = [
        get(&["namespace", "get", "eng", "-o", "json"]),
        get(&["get", "eng/builder", "-o", "json"]),
        get(&["get", "eng/deployer", "-o", "json"]),
        get(&["get", "eng/default", "-o", "json"]),
        get(&["policy", "get", "-n", "eng", "image-builders", "-o", "json"]),
        get(&["policy", "get", "-n", "eng", "deployers", "-o", "json"]),
        get(&["policy", "get", "-n", "eng", "image-pullers", "-o", "json"]),
    ];
    assert_eq!(items.as_slice(), expected.as_slice());
    // The dry run showed the same, but for uids and dates.
    assert_eq!(dry, stable_list(&written.to_string()));

    // Through a server, a server dry run and a real one.
    let server = env.serve(&srv, &[]);
    let remote = |args: &[&'static str]| server.as_admin(args);
    let before = snapshot(&srv);
    assert_eq!(
        run(
            &env,
            &remote(&[
                "namespace",
                "create",
                "ops",
                "--dry-run=server",
                "-o",
                "name"
            ])
        ),
        (0, names("ops"), String::new())
    );
    assert_eq!(snapshot(&srv), before, "a server dry run wrote");
    let yaml = env.ok(remote(&["namespace", "create", "ops", "-o", "yaml"]));
    assert!(
        yaml.starts_with("kind: List\nitems:\n- kind: Namespace\n  name: ops\n"),
        "{yaml}"
    );
    assert_eq!(
        yaml.matches("\n- kind: ServiceAccount\n").count(),
        3,
        "{yaml}"
    );
    assert_eq!(yaml.matches("\n- kind: Policy\n").count(), 3, "{yaml}");
    assert_eq!(
        env.ok(remote(&[
            "namespace",
            "create",
            "ops/solo",
            "--no-defaults",
            "-o",
            "name"
        ])),
        "namespace/ops/solo\n"
    );
}

/// `stable` for each item of a `List`.
fn stable_list(doc: &str) -> Vec<serde_json::Value> {
    let v: serde_json::Value = serde_json::from_str(doc).unwrap();
    v["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| stable(&i.to_string()))
        .collect()
}
