//! Labels and selectors (issue 16): `--label`/`--remove-label`, their syntax errors, how
//! `describe`, `-o wide` and `-o json` show them, `-l` locally and through `svcacct serve`
//! (which filters with `?labelSelector=`), a store from before labels; and "did you mean",
//! `describe A B C`, `delete A B C`.

mod common;

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};

use common::{Env, curl};

/// `svcacct ARGS…` → (exit code, stdout, stderr).
fn run(env: &Env, args: &[&str]) -> (i32, String, String) {
    let out = env.cmd(args).output().expect("run svcacct");
    (
        out.status.code().expect("exit code"),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn json(text: &str) -> serde_json::Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("not JSON ({e}): {text}"))
}

/// `--store STORE ARGS…`.
fn on<'a>(store: &'a str, args: &[&'a str]) -> Vec<&'a str> {
    let mut v = vec!["--store", store];
    v.extend_from_slice(args);
    v
}

/// `HOME/srv` bootstrapped (an `admin` who may do everything): its path, and that as text.
fn bootstrapped(env: &Env) -> (PathBuf, String) {
    let srv = env.path("srv");
    env.bootstrap(&srv);
    let s = srv.to_str().unwrap().to_owned();
    (srv, s)
}

/// The human dates (`Sat Dec  5 03:37:23 UTC 2026`) as `<DATE>`.
fn dates(text: &str) -> String {
    let mut out = String::new();
    for line in text.split_inclusive('\n') {
        let mut rest = line;
        while let Some(utc) = rest.find(" UTC ") {
            let start = utc.saturating_sub(19);
            let end = (utc + 9).min(rest.len());
            if utc >= 19 && rest[utc + 5..end].trim_end().len() == 4 {
                out.push_str(&rest[..start]);
                out.push_str("<DATE>");
                rest = &rest[end..];
            } else {
                out.push_str(&rest[..utc + 5]);
                rest = &rest[utc + 5..];
            }
        }
        out.push_str(rest);
    }
    out
}

/// Labels the policy `eng/deployers` `tier=deploy`.
const LABEL_DEPLOYERS: &[&str] = &[
    "policy",
    "update",
    "-n",
    "eng",
    "deployers",
    "--label",
    "tier=deploy",
];

/// A store on `HOME/srv`: namespace `eng` (labelled `team=platform`) and `ops` (none), with
/// their default accounts (no keys: nothing to generate), labelled; the policies too.
fn labelled_store(env: &Env) -> String {
    let s = env.path("srv").to_str().unwrap().to_owned();
    env.ok(on(
        &s,
        &["namespace", "create", "eng", "--label", "team=platform"],
    ));
    env.ok(on(&s, &["namespace", "create", "ops"]));
    for (account, labels) in [
        ("eng/builder", &["tier=build", "env=prod"][..]),
        ("eng/deployer", &["tier=deploy", "env=staging"]),
        ("eng/default", &["env=dev", "example.com/owner=alice"]),
        ("ops/builder", &["tier=build", "env="]),
    ] {
        let mut argv = vec!["update", account];
        for l in labels {
            argv.extend(["--label", l]);
        }
        env.ok(on(&s, &argv));
    }
    env.ok(on(&s, LABEL_DEPLOYERS));
    s
}

#[test]
fn label_syntax_errors_say_what_is_wrong_and_change_nothing() {
    let env = Env::new();
    env.ok(["namespace", "create", "eng"]);
    let before = env.store_snapshot();
    let name_rule = "its name must be letters, digits, `-`, `_` and `.`, starting and ending \
                     with a letter or digit, with at most one `/` before it (e.g. `team` or \
                     `example.com/team`)";
    let value_rule = "it must be empty, or letters, digits, `-`, `_` and `.`, starting and \
                      ending with a letter or digit";
    let long = format!("team={}", "v".repeat(64));
    let long_key = format!("{}=v", "k".repeat(64));
    let long_prefix = format!("{}.com/k=v", "p".repeat(250));
    for (args, message) in [
        (
            vec!["update", "eng/builder", "--label", "team"],
            "invalid label `team`: write it as KEY=VALUE (an empty value: KEY=)".to_owned(),
        ),
        (
            vec!["update", "eng/builder", "--label", "a b=c"],
            format!("invalid label key `a b`: {name_rule}"),
        ),
        (
            vec!["update", "eng/builder", "--label", "=v"],
            "invalid label key ``: its name is empty".to_owned(),
        ),
        (
            vec!["update", "eng/builder", "--label", "Example.com/team=web"],
            "invalid label key `Example.com/team`: its prefix (before `/`) must be a DNS \
             subdomain: lower-case letters, digits, `-` and `.`, starting and ending with a \
             letter or digit (e.g. `example.com`)"
                .to_owned(),
        ),
        (
            vec!["update", "eng/builder", "--label", &long_key],
            format!(
                "invalid label key `{}`: its name is longer than 63 characters",
                "k".repeat(64)
            ),
        ),
        (
            vec!["update", "eng/builder", "--label", &long_prefix],
            format!(
                "invalid label key `{}`: its prefix (before `/`) is longer than 253 characters",
                &long_prefix[..80]
            ),
        ),
        (
            vec!["update", "eng/builder", "--label", &long],
            format!(
                "invalid value `{}` of label `team`: it is longer than 63 characters",
                "v".repeat(64)
            ),
        ),
        (
            vec!["update", "eng/builder", "--label", "team=web/api"],
            format!("invalid value `web/api` of label `team`: {value_rule}"),
        ),
        (
            vec!["update", "eng/builder", "--remove-label=-team"],
            format!("invalid label key `-team`: {name_rule}"),
        ),
        (
            vec!["create", "bot", "--label", "team=-web"],
            format!("invalid value `-web` of label `team`: {value_rule}"),
        ),
        (
            vec!["namespace", "create", "ops", "--label", "a/b/c=d"],
            format!("invalid label key `a/b/c`: {name_rule}"),
        ),
        (
            vec![
                "policy",
                "create",
                "p",
                "--subject",
                "x",
                "--action",
                "get",
                "--resource",
                "x",
                "--label",
                "x y=z",
            ],
            format!("invalid label key `x y`: {name_rule}"),
        ),
        (
            vec![
                "policy",
                "update",
                "-n",
                "eng",
                "deployers",
                "--remove-label",
                "a_",
            ],
            format!("invalid label key `a_`: {name_rule}"),
        ),
        (
            vec![
                "update",
                "eng/builder",
                "--label",
                "env=dev",
                "--remove-label",
                "env",
            ],
            "--label env=… and --remove-label env both change `env`: give one of them".to_owned(),
        ),
        (
            vec![
                "policy",
                "update",
                "-n",
                "eng",
                "deployers",
                "--label",
                "env=dev",
                "--remove-label",
                "env",
            ],
            "--label env=… and --remove-label env both change `env`: give one of them".to_owned(),
        ),
    ] {
        let (code, out, err) = run(&env, &args);
        assert_eq!(
            (code, out.as_str(), err.as_str()),
            (2, "", format!("svcacct: {message}\n").as_str()),
            "{args:?}"
        );
    }
    assert_eq!(
        before,
        env.store_snapshot(),
        "a refused label changed the store"
    );
}

#[test]
fn labels_show_in_describe_wide_and_json_and_updates_change_them() {
    let env = Env::new();
    let s = labelled_store(&env);

    let desc = env.ok(on(&s, &["describe", "eng/default"]));
    let head: Vec<&str> = desc.lines().take(6).collect();
    assert_eq!(
        head,
        [
            "Name:         default",
            "Namespace:    eng",
            "Reference:    eng/default",
            "Username:     system:serviceaccount:eng:default",
            "Labels:       env=dev,example.com/owner=alice",
            "Groups:       system:serviceaccounts, system:serviceaccounts:eng",
        ]
    );

    let wide = dates(&env.ok(on(&s, &["get", "-n", "ops", "-o", "wide"])));
    assert_eq!(
        wide,
        " NAME     | STATUS | KEYS | EXPIRES | CREATED DATE                 | USERNAME                           | GROUPS | DESCRIPTION                                                  | LABELS
----------+--------+------+---------+------------------------------+------------------------------------+--------+--------------------------------------------------------------+-----------------
 builder  | active | 0    | never   | <DATE> | system:serviceaccount:ops:builder  |        | builds and pushes images (made by `namespace create`)        | env=,tier=build
 default  | active | 0    | never   | <DATE> | system:serviceaccount:ops:default  |        | the namespace's default account (made by `namespace create`) | <none>
 deployer | active | 0    | never   | <DATE> | system:serviceaccount:ops:deployer |        | manages deployments (made by `namespace create`)             | <none>
"
    );

    let one = json(&env.ok(on(&s, &["get", "eng/builder", "-o", "json"])));
    assert_eq!(
        one["labels"],
        serde_json::json!({"env": "prod", "tier": "build"})
    );
    // Where the record keeps it: after `groups`, as the file store writes it.
    let keys: Vec<&String> = one.as_object().unwrap().keys().collect();
    let at = keys.iter().position(|k| *k == "labels").unwrap();
    assert_eq!(keys[at - 1], "groups");
    // None: no field at all.
    let plain = json(&env.ok(on(&s, &["get", "ops/default", "-o", "json"])));
    assert!(plain.get("labels").is_none(), "{plain}");
    let file = std::fs::read_to_string(env.path("srv/accounts/eng/builder.toml")).unwrap();
    assert!(
        file.contains("\n[labels]\nenv = \"prod\"\ntier = \"build\"\n"),
        "{file}"
    );
    assert!(
        !std::fs::read_to_string(env.path("srv/accounts/ops/default.toml"))
            .unwrap()
            .contains("labels")
    );

    // Update: remove, then set; a key given again keeps the last value; a label that is not
    // there is said to be absent, and the rest is done.
    assert_eq!(
        run(
            &env,
            &on(
                &s,
                &[
                    "update",
                    "eng/builder",
                    "--remove-label",
                    "env",
                    "--remove-label",
                    "absent",
                    "--label",
                    "tier=b1",
                    "--label",
                    "tier=b2",
                ],
            )
        ),
        (
            0,
            "Updated service account: eng/builder\n".to_owned(),
            "svcacct: warning: service account eng/builder had no label `absent`\n".to_owned()
        )
    );
    let one = json(&env.ok(on(&s, &["get", "eng/builder", "-o", "json"])));
    assert_eq!(one["labels"], serde_json::json!({"tier": "b2"}));
    env.ok(on(&s, &["update", "eng/builder", "--remove-label", "tier"]));
    assert!(
        !std::fs::read_to_string(env.path("srv/accounts/eng/builder.toml"))
            .unwrap()
            .contains("labels"),
        "the last label removed, the record is written as before labels"
    );

    // Policies.
    let p = json(&env.ok(on(
        &s,
        &["policy", "get", "-n", "eng", "deployers", "-o", "json"],
    )));
    assert_eq!(p["labels"], serde_json::json!({"tier": "deploy"}));
    let pd = env.ok(on(&s, &["policy", "describe", "-n", "eng", "deployers"]));
    assert_eq!(
        pd.lines().take(4).collect::<Vec<_>>(),
        [
            "Name:         deployers",
            "Namespace:    eng",
            "Labels:       tier=deploy",
            "Applies in:   eng and its child namespaces",
        ]
    );
    let pw = dates(&env.ok(on(&s, &["policy", "get", "-n", "eng", "-o", "wide"])));
    let lines: Vec<&str> = pw.lines().collect();
    assert!(lines[0].ends_with("| LABELS"), "{pw}");
    assert!(lines[2].starts_with(" deployers "), "{pw}");
    assert!(lines[2].ends_with("| tier=deploy"), "{pw}");
    assert!(lines[3].ends_with("| <none>"), "{pw}");
    env.ok(on(
        &s,
        &[
            "policy",
            "create",
            "readers",
            "--global",
            "--subject",
            "group:viewers",
            "--action",
            "get",
            "--resource",
            "*",
            "--label",
            "scope=all",
        ],
    ));
    let g = json(&env.ok(on(
        &s,
        &["policy", "get", "--global", "readers", "-o", "json"],
    )));
    assert_eq!(g["labels"], serde_json::json!({"scope": "all"}));

    // Namespaces.
    let ns = json(&env.ok(on(&s, &["namespace", "get", "-o", "json"])));
    let items = ns["items"].as_array().unwrap();
    assert_eq!(items[0]["name"], "default");
    assert!(items[0].get("labels").is_none());
    assert_eq!(items[1]["labels"], serde_json::json!({"team": "platform"}));
    assert!(items[2].get("labels").is_none());
    let nw = dates(&env.ok(on(&s, &["namespace", "get", "-o", "wide"])));
    let lines: Vec<&str> = nw.lines().collect();
    assert_eq!(
        lines[0],
        " NAME    | CREATED DATE                 | UID                              | LABELS"
    );
    assert!(
        lines[2].starts_with(" default | - (always exists)            | -   "),
        "{nw}"
    );
    assert!(lines[2].ends_with("| <none>"), "{nw}");
    assert!(lines[3].ends_with("| team=platform"), "{nw}");
}

/// Each selector form, with the accounts it picks in `eng` and `ops`.
const ACCOUNT_SELECTIONS: &[(&str, &str)] = &[
    ("env=prod", "eng/builder\n"),
    ("env==prod", "eng/builder\n"),
    (
        "env!=prod",
        "eng/default\neng/deployer\nops/builder\nops/default\nops/deployer\n",
    ),
    ("env in (prod,staging)", "eng/builder\neng/deployer\n"),
    (
        "env notin (prod, staging)",
        "eng/default\nops/builder\nops/default\nops/deployer\n",
    ),
    ("tier", "eng/builder\neng/deployer\nops/builder\n"),
    ("!tier", "eng/default\nops/default\nops/deployer\n"),
    ("env=", "ops/builder\n"),
    ("example.com/owner=alice", "eng/default\n"),
    ("tier=build,env", "eng/builder\nops/builder\n"),
    ("tier=build,!env", ""),
    (
        "",
        "eng/builder\neng/default\neng/deployer\nops/builder\nops/default\nops/deployer\n",
    ),
];

#[test]
fn each_selector_form_locally_and_through_a_server() {
    let env = Env::new();
    let s = labelled_store(&env);
    env.bootstrap(Path::new(&s));
    let server = env.serve(Path::new(&s), &[]);
    for (selector, want) in ACCOUNT_SELECTIONS {
        let want = want.to_string();
        // -A lists `default` too: it has only `admin`, unlabelled.
        let all = |a: &str| {
            let mut v: Vec<&str> = want.lines().collect();
            if !a.is_empty() {
                v.push(a);
                v.sort();
            }
            v.iter().map(|l| format!("{l}\n")).collect::<String>()
        };
        let unlabelled_admin = selector.is_empty()
            || selector.starts_with('!')
            || selector.starts_with("env!=")
            || selector.starts_with("env notin");
        let want_all = all(if unlabelled_admin { "admin" } else { "" });
        assert_eq!(
            env.ok(on(&s, &["get", "-A", "-l", selector, "-o", "name"])),
            want_all,
            "local -l {selector:?}"
        );
        assert_eq!(
            env.ok(server.as_admin(&["get", "-A", "-l", selector, "-o", "name"])),
            want_all,
            "remote -l {selector:?}"
        );
        let eng: String = want
            .lines()
            .filter(|l| l.starts_with("eng/"))
            .map(|l| format!("{l}\n"))
            .collect();
        assert_eq!(
            env.ok(on(&s, &["get", "-n", "eng", "-l", selector, "-o", "name"])),
            eng,
            "local -n eng -l {selector:?}"
        );
        assert_eq!(
            env.ok(server.as_admin(&["get", "-n", "eng", "-l", selector, "-o", "name"])),
            eng,
            "remote -n eng -l {selector:?}"
        );
    }
    // Policies and namespaces.
    for store in [s.as_str(), server.url.as_str()] {
        let argv = |args: &[&'static str]| -> Vec<String> {
            let mut v: Vec<String> = vec!["--store".into(), store.into()];
            if store.starts_with("http") {
                v.extend(["--service-account".into(), "admin".into()]);
            }
            v.extend(args.iter().map(|a| (*a).to_owned()));
            v
        };
        assert_eq!(
            env.ok(argv(&[
                "policy",
                "get",
                "-A",
                "-l",
                "tier=deploy",
                "-o",
                "name"
            ])),
            "deployers\n",
            "{store}"
        );
        assert_eq!(
            env.ok(argv(&[
                "policy", "get", "-n", "eng", "-l", "!tier", "-o", "name"
            ])),
            "image-builders\nimage-pullers\n",
            "{store}"
        );
        assert_eq!(
            env.ok(argv(&[
                "policy", "get", "--global", "-l", "tier", "-o", "name"
            ])),
            "",
            "{store}"
        );
        assert_eq!(
            env.ok(argv(&[
                "namespace",
                "get",
                "-l",
                "team=platform",
                "-o",
                "name"
            ])),
            "eng\n",
            "{store}"
        );
        // `default` has no labels: it is listed where no label is asked for.
        assert_eq!(
            env.ok(argv(&[
                "namespace",
                "get",
                "-l",
                "team!=platform",
                "-o",
                "name"
            ])),
            "default\nops\n",
            "{store}"
        );
        // An empty selection says so in a table, on stderr.
        let mut a = argv(&["get", "-n", "eng", "-l", "env=none"]);
        let a: Vec<&str> = a.iter_mut().map(|s| s.as_str()).collect();
        assert_eq!(
            run(&env, &a),
            (
                0,
                String::new(),
                "No service accounts matching `env=none` in namespace `eng`.\n".to_owned()
            )
        );
        let mut a = argv(&["namespace", "get", "-l", "env=none"]);
        let a: Vec<&str> = a.iter_mut().map(|s| s.as_str()).collect();
        assert_eq!(
            run(&env, &a),
            (
                0,
                String::new(),
                "No namespaces matching `env=none`.\n".to_owned()
            )
        );
    }
}

#[test]
fn a_bad_selector_is_refused_locally_and_by_the_server() {
    let env = Env::new();
    let s = labelled_store(&env);
    env.bootstrap(Path::new(&s));
    let server = env.serve(Path::new(&s), &[]);
    let tail = " (write e.g. `team=web`, `tier!=db`, `env in (prod,staging)`, `env notin \
                (dev)`, `team`, `!legacy`; a comma is AND)";
    for (selector, why) in [
        (
            "env in prod",
            "expected `(` at character 8 (a set is written `(a,b)`)",
        ),
        ("env in (prod", "the set is not closed: `)` is missing"),
        (
            "env notin ()",
            "the set `()` is empty: name at least one value",
        ),
        ("env=a b", "expected `,` or the end at character 7"),
        (
            "env exists",
            "expected `=`, `==`, `!=`, `in` or `notin` after `env` at character 5, found `exists`",
        ),
        (
            "!env=prod",
            "`!env` takes no operator or value (it means: without the label `env`)",
        ),
        ("a,", "expected a label key at character 3"),
        (
            "Env.io/x=y",
            "invalid key `Env.io/x`: its prefix (before `/`) must be a DNS subdomain: lower-case letters, digits, `-` and `.`, starting and ending with a letter or digit (e.g. `example.com`)",
        ),
    ] {
        let message = format!("invalid label selector `{selector}`: {why}{tail}");
        for args in [
            on(&s, &["get", "-l", selector]),
            server.as_admin(&["get", "-A", "-l", selector]),
            on(&s, &["policy", "get", "-l", selector]),
            on(&s, &["namespace", "get", "-l", selector]),
        ] {
            assert_eq!(
                run(&env, &args),
                (2, String::new(), format!("svcacct: {message}\n")),
                "{args:?}"
            );
        }
        // The server's own answer, to a client that did not check it first.
        let token = env.ok(on(&s, &["token", "admin"]));
        for path in [
            "/v1/serviceaccounts",
            "/v1/namespaces/eng/serviceaccounts",
            "/v1/policies",
            "/v1/globalpolicies",
            "/v1/namespaces/eng/policies",
            "/v1/namespaces",
        ] {
            let url = format!("{}?labelSelector={}", server.at(path), encode(selector));
            let (status, body) = curl(&[
                "-H",
                &format!("Authorization: Bearer {}", token.trim()),
                &url,
            ]);
            assert_eq!(status, 400, "{path} {selector}: {body}");
            let problem = json(&body);
            assert_eq!(problem["code"], "invalid", "{body}");
            assert_eq!(problem["detail"], message.as_str(), "{body}");
        }
    }
}

/// Percent-encodes everything but letters and digits.
fn encode(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

#[test]
fn the_server_filters_what_it_sends() {
    let env = Env::new();
    let s = labelled_store(&env);
    env.bootstrap(Path::new(&s));
    let server = env.serve(Path::new(&s), &[]);
    let token = env.ok(on(&s, &["token", "admin"]));
    let list = |path: &str| {
        let (status, body) = curl(&[
            "-H",
            &format!("Authorization: Bearer {}", token.trim()),
            &server.at(path),
        ]);
        assert_eq!(status, 200, "{path}: {body}");
        let names: Vec<String> = json(&body)["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| {
                i.get("reference")
                    .or_else(|| i.get("name"))
                    .and_then(|n| n.as_str())
                    .unwrap()
                    .to_owned()
            })
            .collect();
        names
    };
    assert_eq!(list("/v1/serviceaccounts").len(), 7, "unfiltered");
    assert_eq!(
        list("/v1/serviceaccounts?labelSelector=env%20in%20%28prod%2Cstaging%29"),
        ["eng/builder", "eng/deployer"]
    );
    assert_eq!(
        list("/v1/namespaces/ops/serviceaccounts?labelSelector=tier"),
        ["ops/builder"]
    );
    assert_eq!(
        list("/v1/namespaces/eng/policies?labelSelector=tier%3Ddeploy"),
        ["deployers"]
    );
    assert_eq!(list("/v1/policies?labelSelector=tier%21%3Ddeploy").len(), 6);
    assert_eq!(
        list("/v1/globalpolicies?labelSelector=tier"),
        Vec::<String>::new()
    );
    assert_eq!(list("/v1/namespaces?labelSelector=team"), ["eng"]);
    assert_eq!(list("/v1/namespaces?labelSelector=%21team"), ["ops"]);
}

/// A listener that answers each request with `answer(request line)` and keeps each request
/// line with its body.
fn scripted_server(
    answer: impl Fn(&str) -> String + Send + 'static,
) -> (String, std::sync::mpsc::Receiver<(String, String)>) {
    use std::io::Read;
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for conn in listener.incoming() {
            let Ok(mut conn) = conn else { return };
            let mut reader = BufReader::new(conn.try_clone().unwrap());
            let mut first = String::new();
            reader.read_line(&mut first).unwrap();
            let mut length = 0;
            loop {
                let mut l = String::new();
                if reader.read_line(&mut l).unwrap() == 0 || l == "\r\n" {
                    break;
                }
                if let Some(v) = l.to_ascii_lowercase().strip_prefix("content-length:") {
                    length = v.trim().parse().unwrap();
                }
            }
            let mut request = vec![0; length];
            reader.read_exact(&mut request).unwrap();
            let first = first.trim_end().to_owned();
            let body = answer(&first);
            let _ = tx.send((first, String::from_utf8(request).unwrap()));
            let _ = write!(
                conn,
                "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                body.len()
            );
        }
    });
    (url, rx)
}

#[test]
fn a_remote_get_sends_the_selector_and_nothing_else() {
    let env = Env::new();
    env.ok(["create", "admin", "--bits", "2048"]);
    // Each request line is sent on before the answer leaves: the command's end sees it.
    let (url, requests) =
        scripted_server(|_| r#"{"kind":"ServiceAccountList","items":[]}"#.to_owned());
    let lines = || -> Vec<String> { requests.try_iter().map(|(line, _)| line).collect() };
    env.cmd([
        "--store",
        &url,
        "--service-account",
        "admin",
        "get",
        "-n",
        "eng",
        "-l",
        "env in (prod,staging),!legacy",
    ])
    .assert()
    .success();
    assert_eq!(
        lines(),
        [
            "GET /v1/namespaces/eng/serviceaccounts?labelSelector=env%20in%20%28prod%2Cstaging%29%2C%21legacy&limit=500 HTTP/1.1"
        ]
    );
    env.cmd(["--store", &url, "--service-account", "admin", "get", "-A"])
        .assert()
        .success();
    // Lists are asked in pages (issue 13); an answer without `metadata.continue` is the last.
    assert_eq!(lines(), ["GET /v1/serviceaccounts?limit=500 HTTP/1.1"]);
}

/// A server from before labels refuses a body with `labels` (it refuses unknown fields): an
/// update that does not touch them leaves them out.
#[test]
fn an_update_sends_labels_only_when_it_changes_them() {
    let env = Env::new();
    env.ok(["create", "admin", "--bits", "2048"]);
    let record = r#"{"kind":"ServiceAccount","name":"ci","namespace":"eng","uid":"u1","revision":REV,"description":"","groups":[],"labels":{"team":"web"},"disabled":false,"created":"2026-05-01T12:00:00Z","updated":"2026-05-01T12:00:00Z","keys":[]}"#;
    let (url, requests) = scripted_server(move |line| {
        record.replace("REV", if line.starts_with("PUT") { "2" } else { "1" })
    });
    let update = |args: &[&str]| {
        let mut argv = vec![
            "--store",
            url.as_str(),
            "--service-account",
            "admin",
            "update",
            "eng/ci",
        ];
        argv.extend_from_slice(args);
        env.cmd(argv).assert().success();
        let seen: Vec<(String, String)> = requests.try_iter().collect();
        assert_eq!(seen.len(), 2, "{seen:?}");
        assert_eq!(
            seen[1].0,
            "PUT /v1/namespaces/eng/serviceaccounts/ci HTTP/1.1"
        );
        json(&seen[1].1)
    };
    let body = update(&["--description", "x"]);
    assert_eq!(
        body,
        serde_json::json!({"uid": "u1", "description": "x", "groups": [], "disabled": false})
    );
    let body = update(&["--label", "tier=build"]);
    assert_eq!(
        body["labels"],
        serde_json::json!({"team": "web", "tier": "build"})
    );
    let body = update(&["--remove-label", "team"]);
    assert_eq!(body["labels"], serde_json::json!({}));
}

#[test]
fn labels_travel_through_a_server() {
    let env = Env::new();
    let (srv, _) = bootstrapped(&env);
    let server = env.serve(&srv, &[]);
    env.ok(server.as_admin(&[
        "namespace",
        "create",
        "eng",
        "--no-defaults",
        "--label",
        "team=web",
    ]));
    env.ok(server.as_admin(&[
        "create", "eng/ci", "--bits", "2048", "--label", "env=prod", "--label", "tier=",
    ]));
    env.ok(server.as_admin(&[
        "policy",
        "create",
        "ci-reads",
        "-n",
        "eng",
        "--subject",
        "ci",
        "--action",
        "get",
        "--resource",
        "*",
        "--label",
        "env=prod",
    ]));
    let a = json(&env.ok(server.as_admin(&["get", "eng/ci", "-o", "json"])));
    assert_eq!(a["labels"], serde_json::json!({"env": "prod", "tier": ""}));
    let d = env.ok(server.as_admin(&["describe", "eng/ci"]));
    assert!(d.contains("\nLabels:       env=prod,tier=\n"), "{d}");
    let w = env.ok(server.as_admin(&["get", "-n", "eng", "-o", "wide"]));
    assert!(w.lines().next().unwrap().ends_with("| LABELS"), "{w}");
    assert!(
        w.lines().nth(2).unwrap().ends_with("| env=prod,tier="),
        "{w}"
    );
    let n = json(&env.ok(server.as_admin(&["namespace", "get", "eng", "-o", "json"])));
    assert_eq!(n["labels"], serde_json::json!({"team": "web"}));

    env.ok(server.as_admin(&[
        "update",
        "eng/ci",
        "--remove-label",
        "tier",
        "--label",
        "env=staging",
    ]));
    env.ok(server.as_admin(&[
        "policy",
        "update",
        "ci-reads",
        "-n",
        "eng",
        "--remove-label",
        "env",
        "--label",
        "x=y",
    ]));
    let a = json(&env.ok(on(srv.to_str().unwrap(), &["get", "eng/ci", "-o", "json"])));
    assert_eq!(a["labels"], serde_json::json!({"env": "staging"}));
    let p = json(&env.ok(on(
        srv.to_str().unwrap(),
        &["policy", "get", "-n", "eng", "ci-reads", "-o", "json"],
    )));
    assert_eq!(p["labels"], serde_json::json!({"x": "y"}));

    // A client from before labels sends no `labels`: the stored ones stay.
    let token = env.ok(on(srv.to_str().unwrap(), &["token", "admin"]));
    let put = |path: &str, body: String, revision: u64| {
        curl(&[
            "-X",
            "PUT",
            "-H",
            &format!("Authorization: Bearer {}", token.trim()),
            "-H",
            "Content-Type: application/json",
            "-H",
            &format!("If-Match: \"{revision}\""),
            "--data-binary",
            &body,
            &server.at(path),
        ])
    };
    let (status, body) = put(
        "/v1/namespaces/eng/serviceaccounts/ci",
        format!(
            r#"{{"uid": "{}", "description": "old client"}}"#,
            a["uid"].as_str().unwrap()
        ),
        a["revision"].as_u64().unwrap(),
    );
    assert_eq!(status, 200, "{body}");
    assert_eq!(json(&body)["labels"], serde_json::json!({"env": "staging"}));
    assert_eq!(json(&body)["description"], "old client");
    // And a bad label in a body is a 400 that says why.
    let (status, body) = put(
        "/v1/namespaces/eng/serviceaccounts/ci",
        format!(
            r#"{{"uid": "{}", "labels": {{"a b": "c"}}}}"#,
            a["uid"].as_str().unwrap()
        ),
        a["revision"].as_u64().unwrap() + 1,
    );
    assert_eq!(status, 400, "{body}");
    assert_eq!(
        json(&body)["detail"],
        "invalid label key `a b`: its name must be letters, digits, `-`, `_` and `.`, \
         starting and ending with a letter or digit, with at most one `/` before it (e.g. \
         `team` or `example.com/team`)"
    );
}

/// A store as svcacct wrote it before labels (these files, byte for byte).
const OLD_ACCOUNT: &str = r#"name = "ci"
namespace = "eng"
uid = "c2edfe95c692f4c10cf9d390d47522f0"
revision = 3
description = "the CI job"
groups = ["deployers"]
disabled = false
created = "2026-05-01T12:00:00Z"
updated = "2026-05-02T12:00:00Z"

[[keys]]
kid = "qfJbubbjMsvQpfwLBYtZZhK6WBlgW_dKPe-mlM5GWvs"
fingerprint = "SHA256:JYfFUzB9ZkQSZqIDGV+mcs5qrtEMqRPA+8hYtiwnLIo="
bits = 2048
algorithm = "RS256"
created = "2026-05-01T12:00:00Z"
publicKey = """
-----BEGIN PUBLIC KEY-----
MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA2EBSM0kr0HBSzxJdMQL3
R+5SUDgIdKOIxyWX8Vu3QWip2cMvWIKdTeuPaKcaNEaNqhEk0tWGohclzzdv7qOh
m6xRh/JH2bTQIlTF9uBaSabk7DuI7dJqFw0eesdL0N28mD9W13B8PklxUykFwikr
JNaSrlkkeeD2quvITi7zX2HTDK1Q2YNqMwoki5oJFOCyrJVXGqsseZjebLaRCzOu
HLVkw/XGmKKhhjqRKWZLxm6DPbC7UFLH9wUvt+iQtGD6i/HYnXEXMLT3p/fOLu4+
/ar9rFAMZvSnm/XJmNJwuWalvu9OzlKZLSvQzOCeFyN6Hk0vg1CiGWWrxn5CqMT+
6wIDAQAB
-----END PUBLIC KEY-----
"""
"#;

const OLD_POLICY: &str = r#"name = "deployers"
namespace = "eng"
uid = "47c13bc7427397accba781052b5bced7"
revision = 1
description = "the deployer account may manage deployments"
subjects = ["eng/ci"]
actions = ["get", "list", "create", "update", "delete"]
resources = ["deployment"]
created = "2026-05-01T12:00:00Z"
updated = "2026-05-01T12:00:00Z"
"#;

const OLD_NAMESPACE: &str = r#"name = "eng"
uid = "2ec9c4f11ee5607a364f8eaf6ef99beb"
revision = 1
created = "2026-05-01T12:00:00Z"
"#;

fn old_store(env: &Env, at: &str) -> String {
    let root = env.path(at);
    for (file, text) in [
        ("accounts/eng/ci.toml", OLD_ACCOUNT),
        ("policies/eng/deployers.toml", OLD_POLICY),
        ("namespaces/eng.toml", OLD_NAMESPACE),
    ] {
        let p = root.join(file);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }
    root.to_str().unwrap().to_owned()
}

#[test]
fn a_store_from_before_labels_reads_and_prints_as_before() {
    let env = Env::new();
    let s = old_store(&env, "old");
    assert_eq!(
        env.ok(on(&s, &["get", "-n", "eng", "-o", "wide"])),
        " NAME | STATUS | KEYS | EXPIRES | CREATED DATE                 | USERNAME                     | GROUPS    | DESCRIPTION
------+--------+------+---------+------------------------------+------------------------------+-----------+-------------
 ci   | active | 1    | never   | Fri May  1 12:00:00 UTC 2026 | system:serviceaccount:eng:ci | deployers | the CI job
"
    );
    assert_eq!(
        env.ok(on(&s, &["describe", "eng/ci"])),
        "Name:         ci
Namespace:    eng
Reference:    eng/ci
Username:     system:serviceaccount:eng:ci
Groups:       system:serviceaccounts, system:serviceaccounts:eng, deployers
Description:  the CI job
Status:       active
Created:      Fri May  1 12:00:00 UTC 2026
Expires:      never
UID:          c2edfe95c692f4c10cf9d390d47522f0
Keys:
  qfJbubbjMsvQpfwLBYtZZhK6WBlgW_dKPe-mlM5GWvs
    Fingerprint: SHA256:JYfFUzB9ZkQSZqIDGV+mcs5qrtEMqRPA+8hYtiwnLIo=
    Bits:        2048
    Created:     Fri May  1 12:00:00 UTC 2026
Policies:
  deployers (eng): get,list,create,update,delete on deployment
"
    );
    assert_eq!(
        env.ok(on(&s, &["get", "eng/ci", "-o", "json"])),
        r#"{
  "kind": "ServiceAccount",
  "reference": "eng/ci",
  "username": "system:serviceaccount:eng:ci",
  "status": "active",
  "name": "ci",
  "namespace": "eng",
  "uid": "c2edfe95c692f4c10cf9d390d47522f0",
  "revision": 3,
  "description": "the CI job",
  "groups": [
    "deployers"
  ],
  "disabled": false,
  "created": "2026-05-01T12:00:00Z",
  "updated": "2026-05-02T12:00:00Z",
  "keys": [
    {
      "kid": "qfJbubbjMsvQpfwLBYtZZhK6WBlgW_dKPe-mlM5GWvs",
      "fingerprint": "SHA256:JYfFUzB9ZkQSZqIDGV+mcs5qrtEMqRPA+8hYtiwnLIo=",
      "bits": 2048,
      "algorithm": "RS256",
      "created": "2026-05-01T12:00:00Z",
      "publicKey": "-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA2EBSM0kr0HBSzxJdMQL3\nR+5SUDgIdKOIxyWX8Vu3QWip2cMvWIKdTeuPaKcaNEaNqhEk0tWGohclzzdv7qOh\nm6xRh/JH2bTQIlTF9uBaSabk7DuI7dJqFw0eesdL0N28mD9W13B8PklxUykFwikr\nJNaSrlkkeeD2quvITi7zX2HTDK1Q2YNqMwoki5oJFOCyrJVXGqsseZjebLaRCzOu\nHLVkw/XGmKKhhjqRKWZLxm6DPbC7UFLH9wUvt+iQtGD6i/HYnXEXMLT3p/fOLu4+\n/ar9rFAMZvSnm/XJmNJwuWalvu9OzlKZLSvQzOCeFyN6Hk0vg1CiGWWrxn5CqMT+\n6wIDAQAB\n-----END PUBLIC KEY-----\n"
    }
  ]
}
"#
    );
    assert_eq!(
        env.ok(on(&s, &["policy", "get", "-n", "eng", "-o", "wide"])),
        " NAME      | NAMESPACE | SUBJECTS | ACTIONS                       | RESOURCES  | CREATED DATE                 | DESCRIPTION
-----------+-----------+----------+-------------------------------+------------+------------------------------+---------------------------------------------
 deployers | eng       | eng/ci   | get,list,create,update,delete | deployment | Fri May  1 12:00:00 UTC 2026 | the deployer account may manage deployments
"
    );
    assert_eq!(
        env.ok(on(&s, &["namespace", "get", "-o", "json"])),
        r#"{
  "kind": "NamespaceList",
  "items": [
    {
      "kind": "Namespace",
      "name": "default",
      "implicit": true
    },
    {
      "kind": "Namespace",
      "name": "eng",
      "uid": "2ec9c4f11ee5607a364f8eaf6ef99beb",
      "revision": 1,
      "created": "2026-05-01T12:00:00Z",
      "implicit": false
    }
  ]
}
"#
    );
    // Written again (a copy keeps uids and revisions), each record is the same bytes.
    let copy = env.path("copy");
    env.ok([
        "store",
        "copy",
        "--from",
        &s,
        "--to",
        copy.to_str().unwrap(),
    ]);
    for (file, text) in [
        ("accounts/eng/ci.toml", OLD_ACCOUNT),
        ("policies/eng/deployers.toml", OLD_POLICY),
        ("namespaces/eng.toml", OLD_NAMESPACE),
    ] {
        assert_eq!(
            std::fs::read_to_string(copy.join(file)).unwrap(),
            text,
            "{file}"
        );
    }
    // And it selects: none has a label.
    assert_eq!(
        env.ok(on(&s, &["get", "-A", "-l", "!team", "-o", "name"])),
        "eng/ci\n"
    );
    assert_eq!(
        env.ok(on(&s, &["get", "-A", "-l", "team", "-o", "name"])),
        ""
    );
}

#[test]
fn unknown_names_are_told_with_the_nearest_that_exist() {
    let env = Env::new();
    let (srv, s) = bootstrapped(&env);
    env.ok(on(&s, &["namespace", "create", "eng"]));
    env.ok(on(
        &s,
        &["namespace", "create", "eng/platform", "--no-defaults"],
    ));
    env.ok(on(&s, &["update", "eng/builder", "--description", "x"]));
    let server = env.serve(&srv, &[]);
    let cases: &[(&[&str], &str)] = &[
        (
            &["describe", "builder"],
            "unknown service account `builder` in namespace `default` (see `svcacct get`); \
             `eng/builder` exists: -n eng",
        ),
        (
            &["describe", "-n", "eng", "buidler"],
            "unknown service account `buidler` in namespace `eng` (see `svcacct get`); did you \
             mean `builder`?",
        ),
        (
            &["get", "-n", "eng/platform", "deployr"],
            "unknown service account `deployr` in namespace `eng/platform` (see `svcacct \
             get`)",
        ),
        (
            &["get", "-n", "eng/platform", "deployer"],
            "unknown service account `deployer` in namespace `eng/platform` (see `svcacct \
             get`); `eng/deployer` exists: -n eng",
        ),
        (
            &["update", "admn", "--description", "x"],
            "unknown service account `admn` in namespace `default` (see `svcacct get`); did \
             you mean `admin`?",
        ),
        (
            &["disable", "-n", "eng", "defalt"],
            "unknown service account `defalt` in namespace `eng` (see `svcacct get`); did you \
             mean `default`?",
        ),
        (
            &["key", "list", "-n", "eng", "buildr"],
            "unknown service account `buildr` in namespace `eng` (see `svcacct get`); did you \
             mean `builder`?",
        ),
        (
            &["tokens", "list", "deployer"],
            "unknown service account `deployer` in namespace `default` (see `svcacct get`); \
             `eng/deployer` exists: -n eng",
        ),
        (
            &["rename", "-n", "eng", "deploye", "deployer2"],
            "unknown service account `deploye` in namespace `eng` (see `svcacct get`); did you \
             mean `deployer`?",
        ),
        (
            &["policy", "describe", "-n", "eng", "deployer"],
            "unknown policy `deployer` in namespace `eng` (see `svcacct policy get`); did you \
             mean `deployers`?",
        ),
        (
            &["policy", "get", "--global", "admin-al"],
            "unknown policy `admin-al` in the global scope (see `svcacct policy get`); did you \
             mean `admin-all`?",
        ),
        (
            &["policy", "describe", "admin-al"],
            "unknown policy `admin-al` in namespace `default` (see `svcacct policy get`); \
             `admin-all` is a global policy: --global",
        ),
        (
            &["policy", "describe", "deployers"],
            "unknown policy `deployers` in namespace `default` (see `svcacct policy get`); \
             `eng/deployers` exists: -n eng",
        ),
        (
            &["policy", "delete", "-n", "eng", "nothing-like-it"],
            "unknown policy `nothing-like-it` in namespace `eng` (see `svcacct policy get`)",
        ),
        (
            &["namespace", "get", "eng/platfrom"],
            "namespace `eng/platfrom` does not exist (create it with `svcacct namespace create \
             eng/platfrom`); did you mean `eng/platform`?",
        ),
        (
            &["namespace", "delete", "egn", "--yes"],
            "namespace `egn` does not exist (create it with `svcacct namespace create egn`); \
             did you mean `eng`?",
        ),
    ];
    for (args, message) in cases {
        let want = (3, String::new(), format!("svcacct: {message}\n"));
        assert_eq!(run(&env, &on(&s, args)), want, "local {args:?}");
        assert_eq!(run(&env, &server.as_admin(args)), want, "remote {args:?}");
    }
    // A mistyped -n: a create, a lookup and a policy create say which namespace is nearest,
    // locally and through a server (whose 404 names the namespace: `api::Problem`).
    let mistyped_ns: &[(&[&str], &str)] = &[
        (
            &["get", "-n", "egn", "builder"],
            "unknown service account `builder` in namespace `egn` (see `svcacct get`); \
             namespace `egn` does not exist; did you mean `eng`?; `eng/builder` exists: -n eng",
        ),
        (
            &["policy", "get", "-n", "egn", "deployers"],
            "unknown policy `deployers` in namespace `egn` (see `svcacct policy get`); \
             namespace `egn` does not exist; did you mean `eng`?; `eng/deployers` exists: -n eng",
        ),
        (
            &["create", "-n", "eg", "bot", "--bits", "2048"],
            "namespace `eg` does not exist (create it with `svcacct namespace create eg`); \
             did you mean `eng`?",
        ),
        (
            &[
                "policy",
                "create",
                "-n",
                "eng/platfrm",
                "p",
                "--subject",
                "x",
                "--action",
                "get",
                "--resource",
                "serviceaccount",
            ],
            "namespace `eng/platfrm` does not exist (create it with `svcacct namespace create \
             eng/platfrm`); did you mean `eng/platform`?",
        ),
    ];
    for (args, message) in mistyped_ns {
        let want = (3, String::new(), format!("svcacct: {message}\n"));
        assert_eq!(run(&env, &on(&s, args)), want, "local {args:?}");
        assert_eq!(run(&env, &server.as_admin(args)), want, "remote {args:?}");
    }
    // A listing of a namespace that does not exist is empty, and says so.
    let want = (
        0,
        String::new(),
        "No service accounts in namespace `egn`.\nsvcacct: warning: namespace `egn` does not \
         exist; did you mean `eng`?\n"
            .to_owned(),
    );
    assert_eq!(run(&env, &on(&s, &["get", "-n", "egn"])), want);
    assert_eq!(run(&env, &server.as_admin(&["get", "-n", "egn"])), want);
    // In every format (the warning is on stderr), for policies too, and for `describe`.
    let warning = "svcacct: warning: namespace `egn` does not exist; did you mean `eng`?\n";
    for args in [
        &["get", "-n", "egn", "-o", "json"][..],
        &["policy", "get", "-n", "egn"],
        &["describe", "-n", "egn"],
        &["policy", "describe", "-n", "egn"],
    ] {
        for (place, got) in [
            ("local", run(&env, &on(&s, args))),
            ("remote", run(&env, &server.as_admin(args))),
        ] {
            assert_eq!(got.0, 0, "{place} {args:?}");
            assert!(got.2.ends_with(warning), "{place} {args:?}: {}", got.2);
        }
    }
    // Nothing was created.
    assert_eq!(
        env.ok(on(&s, &["get", "-A", "-o", "name"])),
        "admin\neng/builder\neng/default\neng/deployer\n"
    );

    // Through a server, the names suggested are those the caller may list: an account that may
    // create accounts everywhere but `get` no namespace is told the namespace is missing, and
    // of no other.
    env.ok(on(&s, &["create", "maker", "--bits", "2048"]));
    env.ok(on(
        &s,
        &[
            "policy",
            "create",
            "makers",
            "--global",
            "--subject",
            "maker",
            "--action",
            "create",
            "--resource",
            "serviceaccount",
        ],
    ));
    let as_maker = |args: &[&'static str]| {
        let mut v = vec!["--store", server.url.as_str(), "--service-account", "maker"];
        v.extend_from_slice(args);
        run(&env, &v)
    };
    assert_eq!(
        as_maker(&["create", "-n", "eg", "bot", "--bits", "2048"]),
        (
            3,
            String::new(),
            "svcacct: namespace `eg` does not exist (create it with `svcacct namespace create \
             eg`)\n"
                .to_owned()
        )
    );
    // A refusal of several names says which one each is about (the refusal itself names the
    // kind and the namespace only); one name, as before.
    let (code, out, err) = as_maker(&["delete", "-n", "eng", "builder", "deployer"]);
    assert_eq!((code, out.as_str()), (3, ""), "{err}");
    let refusal = as_maker(&["delete", "-n", "eng", "builder"]).2;
    let refusal = refusal.strip_prefix("svcacct: ").unwrap().trim_end();
    assert_eq!(
        err,
        format!("svcacct: `builder`: {refusal}; and also: `deployer`: {refusal}\n")
    );
}

#[test]
fn describe_and_delete_take_several_names() {
    let env = Env::new();
    let s = env.path("s").to_str().unwrap().to_owned();
    env.ok(on(&s, &["namespace", "create", "eng"]));
    env.ok(on(&s, &["update", "eng/builder", "--label", "tier=build"]));

    // Each description, two blank lines apart, as kubectl; the failures after, exit 3.
    let (code, out, err) = run(
        &env,
        &on(
            &s,
            &["describe", "-n", "eng", "builder", "nope", "deployer"],
        ),
    );
    assert_eq!(code, 3);
    assert_eq!(
        err,
        "svcacct: unknown service account `nope` in namespace `eng` (see `svcacct get`)\n"
    );
    let one = |name: &str| env.ok(on(&s, &["describe", "-n", "eng", name]));
    assert_eq!(out, format!("{}\n\n{}", one("builder"), one("deployer")));
    assert_eq!(
        env.ok(on(
            &s,
            &["describe", "-n", "eng", "builder", "default", "-o", "name"]
        )),
        "eng/builder\neng/default\n"
    );
    let list = json(&env.ok(on(
        &s,
        &["describe", "-n", "eng", "builder", "default", "-o", "json"],
    )));
    assert_eq!(list["kind"], "List");
    let items = list["items"].as_array().unwrap();
    assert_eq!(items.len(), 2);
    assert_eq!(items[0]["reference"], "eng/builder");
    assert_eq!(items[0]["labels"], serde_json::json!({"tier": "build"}));
    assert_eq!(items[0]["policies"][0]["name"], "image-builders");
    assert_eq!(items[1]["reference"], "eng/default");
    // One name: the object itself, as before.
    let single = json(&env.ok(on(&s, &["describe", "eng/builder", "-o", "json"])));
    assert_eq!(single["kind"], "ServiceAccount");

    // Delete: each that exists goes, each failure is told, exit 3.
    let (code, out, err) = run(
        &env,
        &on(
            &s,
            &[
                "delete", "-n", "eng", "buildr", "builder", "nope", "default",
            ],
        ),
    );
    assert_eq!(
        (code, out.as_str(), err.as_str()),
        (
            3,
            "Deleted service account: eng/builder\nDeleted service account: eng/default\n",
            "svcacct: unknown service account `buildr` in namespace `eng` (see `svcacct get`); \
             did you mean `builder`?; and also: unknown service account `nope` in namespace \
             `eng` (see `svcacct get`)\n"
        )
    );
    assert_eq!(
        env.ok(on(&s, &["get", "-n", "eng", "-o", "name"])),
        "eng/deployer\n"
    );
}

/// Issued tokens carry labels (issue 16): `tokens create --label`, shown by `tokens list -o
/// wide`, json and yaml and by a dry run; `tokens list -l` locally and through a server, which
/// filters with `?labelSelector=`; a token without labels is stored as before labels.
#[test]
fn issued_tokens_carry_labels_and_list_by_selector() {
    let env = Env::new();
    let (srv, s) = bootstrapped(&env);
    let out = |name: &str| env.path(name).to_str().unwrap().to_owned();
    let (nightly, weekly, plain) = (out("nightly.token"), out("weekly.token"), out("p.token"));
    env.ok(on(
        &s,
        &[
            "tokens",
            "create",
            "admin",
            "nightly",
            "--label",
            "purpose=nightly",
            "--label",
            "tier=",
            "--out",
            &nightly,
        ],
    ));
    let server = env.serve(&srv, &[]);
    env.ok(server.as_admin(&[
        "tokens",
        "create",
        "admin",
        "weekly",
        "--label",
        "purpose=weekly",
        "--out",
        &weekly,
    ]));
    env.ok(on(
        &s,
        &["tokens", "create", "admin", "plain", "--out", &plain],
    ));

    // The file store keeps them in the token file; one without labels has no `labels`.
    let file = std::fs::read_to_string(srv.join("tokens/default/admin.toml")).unwrap();
    assert_eq!(file.matches("labels").count(), 2, "{file}");
    assert!(
        file.contains("[tokens.labels]\npurpose = \"nightly\"\ntier = \"\"\n"),
        "{file}"
    );

    for argv in [
        on(&s, &["tokens", "list", "admin", "-o", "json"]),
        server.as_admin(&["tokens", "list", "admin", "-o", "json"]),
    ] {
        let l = json(&env.ok(argv));
        assert_eq!(l["kind"], "TokenList");
        let labels: Vec<&serde_json::Value> = l["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| &t["labels"])
            .collect();
        assert_eq!(
            labels,
            [
                &serde_json::json!({"purpose": "nightly", "tier": ""}),
                &serde_json::json!({"purpose": "weekly"}),
                &serde_json::Value::Null,
            ]
        );
    }
    let yaml = env.ok(on(&s, &["tokens", "list", "admin", "-o", "yaml"]));
    assert!(
        yaml.contains("  labels:\n    purpose: nightly\n    tier: \"\"\n"),
        "{yaml}"
    );

    // -o wide: a LABELS column; the table without -o wide is as before labels.
    let wide = env.ok(on(&s, &["tokens", "list", "admin", "-o", "wide"]));
    let lines: Vec<&str> = wide.lines().map(str::trim).collect();
    assert!(lines[0].starts_with("NAME "), "{wide}");
    assert!(lines[0].ends_with("| LABELS"), "{wide}");
    assert!(lines[2].ends_with("| purpose=nightly,tier="), "{wide}");
    assert!(lines[3].ends_with("| purpose=weekly"), "{wide}");
    assert!(lines[4].ends_with("| <none>"), "{wide}");
    let table = env.ok(on(&s, &["tokens", "list", "admin"]));
    assert!(
        table.lines().next().unwrap().ends_with("| LAST USED"),
        "{table}"
    );

    // -l, each form, locally and through the server (in the order they were issued).
    let cases: &[(&str, &str)] = &[
        ("purpose=nightly", "nightly\n"),
        ("purpose!=nightly", "weekly\nplain\n"),
        ("purpose in (nightly,weekly)", "nightly\nweekly\n"),
        ("purpose notin (weekly)", "nightly\nplain\n"),
        ("tier", "nightly\n"),
        ("!purpose", "plain\n"),
    ];
    for (selector, names) in cases {
        let args = ["tokens", "list", "admin", "-l", selector, "-o", "name"];
        assert_eq!(env.ok(on(&s, &args)), *names, "local -l {selector}");
        assert_eq!(
            env.ok(server.as_admin(&args)),
            *names,
            "remote -l {selector}"
        );
    }
    // The server filters: what it sends is only what matches.
    let token = env.ok(on(&s, &["token", "admin"]));
    let (status, body) = curl(&[
        "-H",
        &format!("Authorization: Bearer {}", token.trim()),
        &server.at(&format!(
            "/v1/namespaces/default/serviceaccounts/admin/tokens?labelSelector={}",
            encode("purpose=weekly")
        )),
    ]);
    assert_eq!(status, 200, "{body}");
    let items = json(&body)["items"].as_array().unwrap().clone();
    assert_eq!(items.len(), 1, "{body}");
    assert_eq!(items[0]["name"], "weekly");
    // Nothing matches: said on stderr, as for accounts.
    for argv in [
        on(&s, &["tokens", "list", "admin", "-l", "purpose=hourly"]),
        server.as_admin(&["tokens", "list", "admin", "-l", "purpose=hourly"]),
    ] {
        assert_eq!(
            run(&env, &argv),
            (
                0,
                String::new(),
                "No issued tokens matching `purpose=hourly` for service account admin.\n".into()
            )
        );
    }

    // A dry run shows the labels, locally and on the server; nothing is written.
    let before = env.store_snapshot();
    let before_srv = std::fs::read(srv.join("tokens/default/admin.toml")).unwrap();
    for (argv, suffix) in [
        (
            on(
                &s,
                &[
                    "tokens",
                    "create",
                    "admin",
                    "x",
                    "--label",
                    "a=b",
                    "--dry-run",
                ],
            ),
            "(dry run)",
        ),
        (
            server.as_admin(&[
                "tokens",
                "create",
                "admin",
                "x",
                "--label",
                "a=b",
                "--dry-run=server",
            ]),
            "(server dry run)",
        ),
    ] {
        let (code, out, err) = run(&env, &argv);
        assert_eq!((code, err.as_str()), (0, ""), "{argv:?}");
        assert_eq!(
            dates(&out),
            format!(
                "Issued token x for service account admin (expires <DATE>, labels a=b) {suffix}\n"
            ),
            "{argv:?}"
        );
    }
    let dry = json(&env.ok(on(
        &s,
        &[
            "tokens",
            "create",
            "admin",
            "x",
            "--label",
            "a=b",
            "--dry-run",
            "-o",
            "json",
        ],
    )));
    assert_eq!(dry["labels"], serde_json::json!({"a": "b"}));
    assert_eq!(env.store_snapshot(), before);
    assert_eq!(
        std::fs::read(srv.join("tokens/default/admin.toml")).unwrap(),
        before_srv
    );

    // A bad label is refused before anything is issued, locally and by the server.
    let bad = "invalid label key `a b`: its name must be letters, digits, `-`, `_` and `.`, \
               starting and ending with a letter or digit, with at most one `/` before it (e.g. \
               `team` or `example.com/team`)";
    let args = ["tokens", "create", "admin", "y", "--label", "a b=c"];
    assert_eq!(
        run(&env, &on(&s, &args)),
        (2, String::new(), format!("svcacct: {bad}\n"))
    );
    let (status, body) = curl(&[
        "-X",
        "POST",
        "-H",
        &format!("Authorization: Bearer {}", token.trim()),
        "-H",
        "Content-Type: application/json",
        "--data-binary",
        r#"{"name": "y", "labels": {"a b": "c"}}"#,
        &server.at("/v1/namespaces/default/serviceaccounts/admin/tokens"),
    ]);
    assert_eq!(status, 400, "{body}");
    assert_eq!(json(&body)["detail"], bad);
    assert_eq!(
        std::fs::read(srv.join("tokens/default/admin.toml")).unwrap(),
        before_srv
    );

    // A regenerated token keeps its labels.
    env.ok(on(&s, &["tokens", "regenerate", "admin", "nightly"]));
    assert_eq!(
        env.ok(on(
            &s,
            &[
                "tokens",
                "list",
                "admin",
                "-l",
                "purpose=nightly",
                "-o",
                "name"
            ]
        )),
        "nightly\n"
    );
}

/// `describe` and `policy describe` with no names describe every record of the namespace that
/// `-l` selects, as `kubectl describe` does, locally and through a server; none is kubectl's
/// `No resources found in NS namespace.` on stderr, exit 0.
#[test]
fn describe_without_names_describes_every_one() {
    let env = Env::new();
    let (srv, s) = bootstrapped(&env);
    env.ok(on(&s, &["namespace", "create", "eng"]));
    env.ok(on(&s, &["namespace", "create", "ops", "--no-defaults"]));
    env.ok(on(&s, &["update", "eng/builder", "--label", "tier=build"]));
    env.ok(on(&s, LABEL_DEPLOYERS));
    let server = env.serve(&srv, &[]);
    let both = |args: &[&str]| {
        let local = run(&env, &on(&s, args));
        assert_eq!(run(&env, &server.as_admin(args)), local, "{args:?}");
        local
    };
    let ok = |args: &[&str]| {
        let (code, out, err) = both(args);
        assert_eq!((code, err.as_str()), (0, ""), "{args:?}");
        out
    };

    // Every account of the namespace: as naming each of them.
    let every = ok(&["describe", "-n", "eng"]);
    assert_eq!(
        every,
        ok(&["describe", "-n", "eng", "builder", "default", "deployer"])
    );
    assert_eq!(every.matches("\nPolicies:").count(), 3, "{every}");
    assert_eq!(
        ok(&["describe", "-n", "eng", "-l", "tier=build"]),
        ok(&["describe", "eng/builder"])
    );
    assert_eq!(
        ok(&["describe", "-n", "eng", "-l", "!tier", "-o", "name"]),
        "eng/default\neng/deployer\n"
    );
    assert_eq!(
        ok(&["describe", "-A", "-l", "tier", "-o", "name"]),
        "eng/builder\n"
    );
    let list = json(&ok(&[
        "describe",
        "-n",
        "eng",
        "-l",
        "tier=build",
        "-o",
        "json",
    ]));
    assert_eq!(list["kind"], "List");
    assert_eq!(list["items"].as_array().unwrap().len(), 1);
    assert_eq!(list["items"][0]["reference"], "eng/builder");
    assert_eq!(list["items"][0]["policies"][0]["name"], "image-builders");

    // None: kubectl's words; a document is an empty List.
    let none = |ns: &str| {
        (
            0,
            String::new(),
            format!("No resources found in {ns} namespace.\n"),
        )
    };
    assert_eq!(both(&["describe", "-n", "ops"]), none("ops"));
    assert_eq!(
        both(&["describe", "-n", "eng", "-l", "tier=test"]),
        none("eng")
    );
    assert_eq!(
        both(&["describe", "-A", "-l", "tier=test"]),
        (0, String::new(), "No resources found\n".into())
    );
    let empty = json(&ok(&["describe", "-n", "ops", "-o", "json"]));
    assert_eq!(empty["items"], serde_json::json!([]));

    // Policies: every one of the namespace, or the global ones.
    let every = ok(&["policy", "describe", "-n", "eng"]);
    assert_eq!(
        every,
        ok(&[
            "policy",
            "describe",
            "-n",
            "eng",
            "deployers",
            "image-builders",
            "image-pullers"
        ])
    );
    assert!(every.starts_with("Name:         deployers\n"), "{every}");
    assert_eq!(every.matches("\n\n\nName:  ").count(), 2, "{every}");
    assert_eq!(
        ok(&[
            "policy",
            "describe",
            "-n",
            "eng",
            "-l",
            "tier=deploy",
            "-o",
            "name"
        ]),
        "deployers\n"
    );
    assert_eq!(
        ok(&["policy", "describe", "--global", "-o", "name"]),
        "admin-all\n"
    );
    let list = json(&ok(&["policy", "describe", "-n", "eng", "-o", "json"]));
    assert_eq!(list["kind"], "List");
    assert_eq!(list["items"].as_array().unwrap().len(), 3);
    assert_eq!(both(&["policy", "describe", "-n", "ops"]), none("ops"));
    assert_eq!(
        both(&["policy", "describe", "--global", "-l", "tier"]),
        (0, String::new(), "No resources found\n".into())
    );
    // One name: the object itself, as before.
    let one = json(&ok(&[
        "policy",
        "describe",
        "-n",
        "eng",
        "deployers",
        "-o",
        "json",
    ]));
    assert_eq!(one["kind"], "Policy");

    // Names and -l do not go together.
    let (code, _, err) = run(
        &env,
        &on(&s, &["describe", "-n", "eng", "builder", "-l", "x"]),
    );
    assert_eq!(code, 2, "{err}");
}

/// The line that confirms an issued token repeats its labels, as its dry run does (issue 16):
/// printed with the token, written to `--out`, locally and through a server; a token without
/// labels gets the line it always had.
#[test]
fn the_line_that_confirms_an_issued_token_names_its_labels() {
    let env = Env::new();
    let (srv, s) = bootstrapped(&env);
    let server = env.serve(&srv, &[]);
    let file = env.path("weekly.token");
    let path = file.to_str().unwrap();
    let stderr = |argv: Vec<&str>| {
        let out = env.cmd(argv).output().unwrap();
        assert!(out.status.success(), "{out:?}");
        String::from_utf8(out.stderr).unwrap()
    };
    let nightly = [
        "tokens",
        "create",
        "admin",
        "nightly",
        "--expires",
        "never",
        "--label",
        "purpose=nightly",
        "--label",
        "tier=",
    ];
    assert_eq!(
        stderr(on(&s, &nightly)),
        "Issued token nightly for service account admin (never expires, labels \
         purpose=nightly,tier=); it is shown only this once.\n"
    );
    let weekly = [
        "tokens",
        "create",
        "admin",
        "weekly",
        "--expires",
        "never",
        "--label",
        "purpose=weekly",
        "--out",
        path,
    ];
    assert_eq!(
        stderr(server.as_admin(&weekly)),
        format!(
            "Issued token weekly for service account admin (never expires, labels \
             purpose=weekly), written to {path} (mode 0600).\n"
        )
    );
    // The dry run's line, on stdout, says the same.
    let mut dry = nightly.to_vec();
    dry[3] = "other";
    dry.push("--dry-run");
    assert_eq!(
        env.ok(server.as_admin(&dry)),
        "Issued token other for service account admin (never expires, labels \
         purpose=nightly,tier=) (server dry run)\n"
    );
    assert_eq!(
        stderr(server.as_admin(&["tokens", "create", "admin", "plain", "--expires", "never"])),
        "Issued token plain for service account admin (never expires); it is shown only this \
         once.\n"
    );
}
