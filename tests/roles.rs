//! README "Who may do what": each row of the roles table, through a running `svcacct serve`.
//! For every case the server's decision (the command through the server) equals `can-i`'s
//! answers — asked locally of the server's folder and through the server (`accessreviews`) —
//! to the questions the README says the command needs.

mod common;

use common::{Env, Server};

/// One case: what the role runs through the server, and the `can-i` questions whose answers
/// must all be yes for it to be allowed: (action, resource, namespace, or `None`: global).
struct Case {
    args: Vec<String>,
    needs: Vec<(&'static str, &'static str, Option<&'static str>)>,
    allowed: bool,
}

fn case(
    args: &str,
    needs: &[(&'static str, &'static str, Option<&'static str>)],
    allowed: bool,
) -> Case {
    Case {
        args: args.split_whitespace().map(str::to_owned).collect(),
        needs: needs.to_vec(),
        allowed,
    }
}

/// `can-i ACTION RESOURCE --as ROLE` (`-n NS` or `--global`) on `store`: yes (exit 0) or no
/// (exit 1); anything else fails the test.
fn can_i(env: &Env, store: &str, role: &str, q: (&str, &str, Option<&str>), via: &str) -> bool {
    let (action, resource, ns) = q;
    let mut argv = vec!["--store", store];
    if store.starts_with("http") {
        argv.extend(["--service-account", "admin"]);
    }
    // `--as` is relative to `-n`: an account of `default` is named with its namespace.
    let as_ref = if role.contains('/') {
        role.to_owned()
    } else {
        format!("default/{role}")
    };
    argv.extend(["can-i", action, resource, "--as", &as_ref]);
    match ns {
        Some(ns) => argv.extend(["-n", ns]),
        None => argv.push("--global"),
    }
    let out = env.cmd(&argv).output().unwrap();
    match out.status.code() {
        Some(0) => true,
        Some(1) => false,
        _ => panic!(
            "can-i {action} {resource} ({via}) for {role}: {}",
            String::from_utf8_lossy(&out.stderr)
        ),
    }
}

fn check_role(env: &Env, srv: &str, server: &Server, role: &str, cases: Vec<Case>) {
    for c in cases {
        let said: Vec<bool> = c
            .needs
            .iter()
            .map(|q| {
                let local = can_i(env, srv, role, *q, "the folder");
                let remote = can_i(env, &server.url, role, *q, "the server");
                assert_eq!(
                    local, remote,
                    "can-i {q:?} as {role}: folder and server differ"
                );
                local
            })
            .collect();
        let expected = said.iter().all(|x| *x);
        assert_eq!(
            expected,
            c.allowed,
            "the table says {role} {} `{}`; can-i says {said:?} to {:?}",
            if c.allowed { "may" } else { "may not" },
            c.args.join(" "),
            c.needs
        );
        let mut argv: Vec<&str> = vec!["--store", &server.url, "--service-account", role];
        argv.extend(c.args.iter().map(String::as_str));
        let out = env.cmd(&argv).output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        if c.allowed {
            assert!(
                out.status.success(),
                "{role} `{}` was refused: {err}",
                c.args.join(" ")
            );
        } else {
            assert_eq!(
                out.status.code(),
                Some(3),
                "{role} `{}` was not refused: {err}",
                c.args.join(" ")
            );
            assert!(
                err.contains("may not"),
                "{role} `{}`: {err}",
                c.args.join(" ")
            );
        }
    }
}

#[test]
fn each_role_of_the_table_may_do_what_it_says_and_no_more() {
    let env = Env::new();
    let srv = env.path("srv");
    let s = srv.to_str().unwrap();
    env.bootstrap(&srv);
    let on = |args: &[&str]| {
        let mut v = vec!["--store", s];
        v.extend_from_slice(args);
        env.ok(v);
    };
    on(&["namespace", "create", "eng", "--no-defaults"]);
    on(&["namespace", "create", "prod", "--no-defaults"]);
    for role in ["eng/viewer", "eng/owner", "eng/ci", "eng/target"] {
        on(&["create", role, "--bits", "2048"]);
    }
    // The README's table, as policies.
    on(&[
        "policy",
        "create",
        "eng-viewers",
        "-n",
        "eng",
        "--subject",
        "eng/viewer",
        "--action",
        "get,list",
        "--resource",
        "*",
    ]);
    on(&[
        "policy",
        "create",
        "eng-owners",
        "-n",
        "eng",
        "--subject",
        "eng/owner",
        "--action",
        "*",
        "--resource",
        "*",
    ]);
    on(&[
        "policy",
        "create",
        "eng-deployers",
        "-n",
        "eng",
        "--subject",
        "eng/ci",
        "--action",
        "get,list,create,update,delete",
        "--resource",
        "deployment",
    ]);
    let keys = env.distinct_public_keys("k", 12);
    let server = env.serve(&srv, &[]);
    let k = |i: usize| keys[i].as_str();
    let eng = Some("eng");

    check_role(
        &env,
        s,
        &server,
        "eng/viewer",
        vec![
            case("get -n eng", &[("list", "serviceaccount", eng)], true),
            case(
                "describe eng/target",
                &[("get", "serviceaccount", eng)],
                true,
            ),
            case("policy get -n eng", &[("list", "policy", eng)], true),
            case("tokens list eng/target", &[("list", "token", eng)], true),
            case(
                &format!("create eng/v1 --public-key {}", k(0)),
                &[("create", "serviceaccount", eng)],
                false,
            ),
            case(
                "get -n prod",
                &[("list", "serviceaccount", Some("prod"))],
                false,
            ),
            case(
                "tokens create eng/target t",
                &[("create", "token", eng)],
                false,
            ),
            case(
                "disable eng/target",
                &[("update", "serviceaccount", eng)],
                false,
            ),
        ],
    );

    check_role(
        &env,
        s,
        &server,
        "eng/owner",
        vec![
            case(
                &format!("create eng/o1 --public-key {}", k(1)),
                &[("create", "serviceaccount", eng)],
                true,
            ),
            case(
                "namespace create eng/team --no-defaults",
                &[("create", "namespace", eng)],
                true,
            ),
            case(
                &format!("key add eng/target --public-key {}", k(2)),
                &[("create", "key", eng)],
                true,
            ),
            case(
                "tokens create eng/target t1",
                &[("create", "token", eng)],
                true,
            ),
            case(
                "policy create p1 -n eng --subject eng/o1 --action pull --resource image",
                &[("create", "policy", eng), ("pull", "image", eng)],
                true,
            ),
            case(
                "namespace create ops --no-defaults",
                &[("create", "namespace", None)],
                false,
            ),
            case(
                &format!("create eng/o2 --public-key {} --group managers", k(3)),
                &[("create", "serviceaccount", eng), ("update", "group", None)],
                false,
            ),
            case(
                &format!("create eng/o3 --public-key {} --impersonate alice", k(4)),
                &[
                    ("create", "serviceaccount", eng),
                    ("impersonate", "user", None),
                ],
                false,
            ),
            case(
                "policy create p2 -n eng --subject prod/* --action pull --resource image",
                &[
                    ("create", "policy", eng),
                    ("create", "serviceaccount", Some("prod")),
                ],
                false,
            ),
            case(
                &format!("create prod/x --public-key {}", k(5)),
                &[("create", "serviceaccount", Some("prod"))],
                false,
            ),
        ],
    );

    check_role(
        &env,
        s,
        &server,
        "eng/ci",
        vec![
            case("get -n eng", &[("list", "serviceaccount", eng)], false),
            case(
                "tokens create eng/target t2",
                &[("create", "token", eng)],
                false,
            ),
            case(
                &format!("create eng/c1 --public-key {}", k(6)),
                &[("create", "serviceaccount", eng)],
                false,
            ),
        ],
    );
    // What the deployer is for: its own services ask the server (can-i through it is
    // `POST /v1/accessreviews`), in `eng` and its children, nowhere else.
    for (q, yes) in [
        (("create", "deployment", eng), true),
        (("delete", "deployment", Some("eng/team")), true),
        (("create", "deployment", Some("prod")), false),
        (("create", "image", eng), false),
    ] {
        assert_eq!(can_i(&env, s, "eng/ci", q, "the folder"), yes, "{q:?}");
        assert_eq!(
            can_i(&env, &server.url, "eng/ci", q, "the server"),
            yes,
            "{q:?}"
        );
    }

    check_role(
        &env,
        s,
        &server,
        "admin",
        vec![
            case(
                "namespace create ops --no-defaults",
                &[("create", "namespace", None)],
                true,
            ),
            case(
                &format!("create eng/a1 --public-key {} --group managers", k(7)),
                &[("create", "serviceaccount", eng), ("update", "group", None)],
                true,
            ),
            case(
                &format!("create eng/a2 --public-key {} --impersonate bob", k(8)),
                &[
                    ("create", "serviceaccount", eng),
                    ("impersonate", "user", None),
                ],
                true,
            ),
            case(
                "policy create p3 --global --subject eng/ci --action get --resource x",
                &[("create", "policy", None), ("get", "x", None)],
                true,
            ),
            case("issuer rotate", &[("update", "issuer", None)], true),
        ],
    );
}
