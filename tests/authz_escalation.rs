//! Writing policies through `svcacct serve` never buys more than the writer holds (issue 19,
//! points 1 and 2): a policy writer grants only what it holds itself (or with `escalate` on
//! `policy`), patterns compared by containment; and a policy names accounts outside its own
//! namespace only when its writer owns them (`create` on `serviceaccount` where they are).

mod common;

use std::path::{Path, PathBuf};

use common::{Env, Server};
use predicates::prelude::*;

/// `--store URL --service-account ACCOUNT ARGS…`.
fn as_account<'a>(server: &'a Server, account: &'a str, args: &[&'a str]) -> Vec<&'a str> {
    let mut v = vec!["--store", server.url.as_str(), "--service-account", account];
    v.extend_from_slice(args);
    v
}

/// A server on `HOME/srv` bootstrapped with `admin` (global `* *`), the namespaces `names`
/// (without defaults), and the accounts `accounts` (their keys in the keystore); `setup` runs
/// on the folder before the server starts.
fn served(env: &Env, names: &[&str], accounts: &[&str], setup: impl FnOnce(&str)) -> Server {
    let srv = env.path("srv");
    env.bootstrap(&srv);
    let s = srv.to_str().unwrap();
    for ns in names {
        env.ok(["--store", s, "namespace", "create", ns, "--no-defaults"]);
    }
    for a in accounts {
        let (ns, name) = a.rsplit_once('/').unwrap();
        env.ok(["--store", s, "-n", ns, "create", name, "--bits", "2048"]);
    }
    setup(s);
    env.serve(&srv, &[])
}

/// `policy create NAME ARGS…` on the folder `s`, as its owner (no caller to check).
fn grant(env: &Env, s: &str, name: &str, args: &[&str]) {
    let mut v = vec!["--store", s, "policy", "create", name];
    v.extend_from_slice(args);
    env.ok(v);
}

/// Every file of the store folder `srv` with its bytes (but its lock): what a refused request
/// must leave as it was.
fn folder(srv: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    fn walk(dir: &Path, out: &mut Vec<(PathBuf, Vec<u8>)>) {
        for e in std::fs::read_dir(dir).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(&p, out);
            } else if p.file_name().is_some_and(|n| n != ".lock") {
                out.push((p.clone(), std::fs::read(&p).unwrap()));
            }
        }
    }
    let mut v = vec![];
    walk(srv, &mut v);
    v.sort();
    v
}

/// `can-i ACTION RESOURCE --as WHO -n NS -q`, asked of the server by `admin`: its exit code.
fn can_i(env: &Env, server: &Server, action: &str, resource: &str, who: &str, ns: &str) -> i32 {
    let args = ["can-i", action, resource, "--as", who, "-n", ns, "-q"];
    env.cmd(as_account(server, "admin", &args))
        .output()
        .unwrap()
        .status
        .code()
        .unwrap()
}

/// The refusal of a grant the writer does not hold, in namespace `ns`.
fn not_held(who: &str, action: &str, resource: &str, ns: &str) -> String {
    format!(
        "svcacct: service account `{who}` may not grant `{action}` on `{resource}` in namespace \
         `{ns}`: it does not hold that grant there itself (a policy grants only what its writer \
         holds, unless a policy allows the writer `escalate` on `policy` there)\n"
    )
}

/// The refusal of a subject that names accounts of namespace `ns` (`None`: of every namespace)
/// in a policy of namespace `place` (`None`: a global one).
fn not_owned(who: &str, subject: &str, place: Option<&str>, ns: Option<&str>) -> String {
    let place = match place {
        Some(p) => format!("a policy of namespace `{p}`"),
        None => "a global policy".to_owned(),
    };
    let (whose, grant) = match ns {
        Some(ns) => (
            format!("accounts of namespace `{ns}`"),
            format!("a policy allowing `create` on `serviceaccount` in namespace `{ns}`"),
        ),
        None => (
            "accounts of every namespace".to_owned(),
            "a global policy allowing `create` on `serviceaccount`".to_owned(),
        ),
    };
    format!(
        "svcacct: service account `{who}` may not name `{subject}` in {place}: it names {whose}, \
         and naming them needs {grant}, as acting as them does; no policy allows it\n"
    )
}

/// The issue's first scenario: an account allowed only `create policy` in `eng` grants itself
/// `*` on `*` there. Refused, nothing written, and it stays unable to create accounts,
/// namespaces, keys or tokens in `eng`; with `escalate` on `policy` it may.
#[test]
fn a_policy_writer_cannot_grant_itself_more_than_it_holds() {
    let env = Env::new();
    let srv = env.path("srv");
    let server = served(&env, &["eng"], &["eng/writer", "eng/app"], |s| {
        grant(
            &env,
            s,
            "writers",
            &[
                "-n",
                "eng",
                "--subject",
                "eng/writer",
                "--action",
                "create",
                "--resource",
                "policy",
            ],
        );
    });
    env.ok(["keygen", "-o", "k.key", "--bits", "2048"]);
    let writer = |args: &[&str]| env.cmd(as_account(&server, "eng/writer", args)).assert();
    let admin = |args: &[&str]| env.cmd(as_account(&server, "admin", args)).assert();
    let everything = [
        "policy",
        "create",
        "mine",
        "-n",
        "eng",
        "--subject",
        "eng/writer",
        "--action",
        "*",
        "--resource",
        "*",
    ];

    let before = folder(&srv);
    writer(&everything)
        .code(3)
        .stdout("")
        .stderr(not_held("eng/writer", "*", "*", "eng"));
    // Granting another account what it does not hold is refused as well.
    writer(&[
        "policy",
        "create",
        "apps",
        "-n",
        "eng",
        "--subject",
        "app",
        "--action",
        "create",
        "--resource",
        "serviceaccount",
    ])
    .code(3)
    .stderr(not_held("eng/writer", "create", "serviceaccount", "eng"));
    assert_eq!(folder(&srv), before, "a refused policy was written");

    // It is no namespace admin: no accounts, namespaces, keys or tokens in `eng`.
    let refused = |what: &str, place: &str| {
        format!(
            "svcacct: service account `eng/writer` may not {what} {place}: no policy allows it\n"
        )
    };
    writer(&[
        "-n",
        "eng",
        "create",
        "sidekick",
        "--public-key",
        "k.key.pub",
    ])
    .code(3)
    .stderr(refused("create serviceaccount", "in namespace `eng`"));
    writer(&["namespace", "create", "eng/mine"])
        .code(3)
        .stderr(refused("create namespace", "in namespace `eng`"));
    // (`key add` reads the account first, and is refused there already.)
    for args in [
        &["key", "add", "eng/app", "--public-key", "k.key.pub"][..],
        &["tokens", "create", "eng/app", "stolen"],
    ] {
        writer(args)
            .code(3)
            .stderr(predicate::str::starts_with(
                "svcacct: service account `eng/writer` may not ",
            ))
            .stderr(predicate::str::ends_with(
                " in namespace `eng`: no policy allows it\n",
            ));
    }
    assert_eq!(folder(&srv), before);

    // `can-i` and the server agree: no `escalate` on `policy` yet, then a grant of it.
    assert_eq!(
        can_i(&env, &server, "escalate", "policy", "eng/writer", "eng"),
        1
    );
    admin(&[
        "policy",
        "create",
        "writer-escalates",
        "-n",
        "eng",
        "--subject",
        "eng/writer",
        "--action",
        "escalate",
        "--resource",
        "policy",
    ])
    .success();
    assert_eq!(
        can_i(&env, &server, "escalate", "policy", "eng/writer", "eng"),
        0
    );
    writer(&everything)
        .success()
        .stdout("Created policy: mine\n");
    writer(&[
        "-n",
        "eng",
        "create",
        "sidekick",
        "--public-key",
        "k.key.pub",
    ])
    .success();
}

/// Wildcards and prefixes are compared by what they match: holding `get*` lets one grant
/// `get`, `gets`, `get-all*` and `get*`, never `ge*` or `*`; holding `get` never `get*`. A
/// grant in `eng` reaches a policy of `eng/platform`; a global policy needs global holdings.
#[test]
fn grants_are_compared_by_containment_where_the_policy_applies() {
    let env = Env::new();
    let srv = env.path("srv");
    let server = served(&env, &["eng", "eng/platform"], &["eng/writer"], |s| {
        for (name, action, resource) in [
            ("writers", "create", "policy"),
            ("image-readers", "get*", "image*"),
            ("chart-readers", "get", "chart"),
        ] {
            grant(
                &env,
                s,
                name,
                &[
                    "-n",
                    "eng",
                    "--subject",
                    "eng/writer",
                    "--action",
                    action,
                    "--resource",
                    resource,
                ],
            );
        }
    });
    let writer = |args: &[&str]| env.cmd(as_account(&server, "eng/writer", args)).assert();
    let admin = |args: &[&str]| env.cmd(as_account(&server, "admin", args)).assert();
    let create = |name: &str, ns: &str, action: &str, resource: &str| {
        writer(&[
            "policy",
            "create",
            name,
            "-n",
            ns,
            "--subject",
            "x",
            "--action",
            action,
            "--resource",
            resource,
        ])
    };
    for (i, (action, resource)) in [
        ("get", "image"),
        ("gets", "images"),
        ("get-all*", "image"),
        ("get*", "image-*"),
        ("get*", "image*"),
        ("get", "chart"),
    ]
    .into_iter()
    .enumerate()
    {
        create(&format!("ok-{i}"), "eng", action, resource).success();
        // `can-i` with the same patterns says yes as well.
        assert_eq!(
            can_i(&env, &server, action, resource, "eng/writer", "eng"),
            0
        );
    }
    let before = folder(&srv);
    for (action, resource) in [
        ("ge*", "image"),
        ("*", "image"),
        ("get*", "imag*"),
        ("get*", "*"),
        ("get*", "chart"),
        ("get", "charts"),
        ("get", "chart*"),
    ] {
        create("refused", "eng", action, resource)
            .code(3)
            .stderr(not_held("eng/writer", action, resource, "eng"));
        assert_eq!(
            can_i(&env, &server, action, resource, "eng/writer", "eng"),
            1,
            "{action} {resource}"
        );
    }
    // A `*` inside a pattern is no pattern at all.
    create("refused", "eng", "get*x", "image")
        .code(2)
        .stderr(predicate::str::contains("`*` may only stand at the end"));
    assert_eq!(folder(&srv), before);

    // A grant in `eng` reaches its child's policies (and `create policy` there too).
    create("child", "eng/platform", "get", "image").success();

    // A global policy needs the grant held globally.
    admin(&[
        "policy",
        "create",
        "global-writers",
        "--global",
        "--subject",
        "eng/writer",
        "--action",
        "create",
        "--resource",
        "policy",
    ])
    .success();
    let global = |subject: &str| {
        writer(&[
            "policy",
            "create",
            "managers-get",
            "--global",
            "--subject",
            subject,
            "--action",
            "get",
            "--resource",
            "image",
        ])
    };
    global("group:managers").code(3).stderr(
        "svcacct: service account `eng/writer` may not grant `get` on `image` globally: it does \
         not hold that grant globally itself (a policy grants only what its writer holds, unless \
         a global policy allows the writer `escalate` on `policy`)\n",
    );
    admin(&[
        "policy",
        "create",
        "global-image-readers",
        "--global",
        "--subject",
        "eng/writer",
        "--action",
        "get",
        "--resource",
        "image",
    ])
    .success();
    // A global policy has no namespace of its own: naming any account needs that account's
    // namespace owned.
    global("eng/x")
        .code(3)
        .stderr(not_owned("eng/writer", "eng/x", None, Some("eng")));
    global("group:managers").success();
}

/// An update that only takes away passes, whatever the policy grants; any other needs the
/// writer to hold all of the new policy (a new subject gets all of it), and a new subject of
/// another namespace needs that namespace's accounts owned.
#[test]
fn an_update_that_only_removes_passes_and_others_need_everything() {
    let env = Env::new();
    let srv = env.path("srv");
    let server = served(&env, &["eng", "prod"], &["eng/editor"], |s| {
        for (name, action, resource) in [
            ("editors", "get,update", "policy"),
            ("readers", "get", "app"),
        ] {
            grant(
                &env,
                s,
                name,
                &[
                    "-n",
                    "eng",
                    "--subject",
                    "eng/editor",
                    "--action",
                    action,
                    "--resource",
                    resource,
                ],
            );
        }
        grant(
            &env,
            s,
            "deploys",
            &[
                "-n",
                "eng",
                "--subject",
                "eng/a,eng/b",
                "--action",
                "deploy,get",
                "--resource",
                "app",
            ],
        );
    });
    let update = |args: &[&str]| {
        let mut v = vec!["policy", "update", "deploys", "-n", "eng"];
        v.extend_from_slice(args);
        env.cmd(as_account(&server, "eng/editor", &v)).assert()
    };
    // Taking away: a subject, a description; `deploy` stays although the editor lacks it.
    update(&["--remove-subject", "eng/b"])
        .success()
        .stdout("Updated policy: deploys\n");
    update(&["--description", "deploy the app"]).success();
    // Adding a subject gives it everything, `deploy` included.
    let before = folder(&srv);
    update(&["--add-subject", "eng/c"]).code(3).stderr(not_held(
        "eng/editor",
        "deploy",
        "app",
        "eng",
    ));
    update(&["--add-resource", "db"]).code(3).stderr(not_held(
        "eng/editor",
        "deploy",
        "app",
        "eng",
    ));
    assert_eq!(folder(&srv), before);
    // Once it grants only what the editor holds, adding passes, but not a subject of `prod`.
    update(&["--remove-action", "deploy"]).success();
    update(&["--add-subject", "eng/c"]).success();
    update(&["--add-subject", "prod/c"])
        .code(3)
        .stderr(not_owned("eng/editor", "prod/c", Some("eng"), Some("prod")));
    let p: serde_json::Value = serde_json::from_str(&env.ok([
        "--store",
        srv.to_str().unwrap(),
        "policy",
        "get",
        "deploys",
        "-n",
        "eng",
        "-o",
        "json",
    ]))
    .unwrap();
    assert_eq!(p["subjects"], serde_json::json!(["eng/a", "eng/c"]));
    assert_eq!(p["actions"], serde_json::json!(["get"]));
    assert_eq!(p["description"], "deploy the app");
}

/// The issue's second scenario: the owner of `eng` names `prod/*` in a policy of `eng`, which
/// would make acting as prod's accounts need a grant in `eng`, and lock prod's owner out of its
/// own accounts. Refused, with every other way of naming prod's accounts; prod's owner keeps
/// creating accounts and adding keys. Someone who owns prod's accounts too may write it.
#[test]
fn a_policy_in_one_namespace_gives_no_power_over_another() {
    let env = Env::new();
    let srv = env.path("srv");
    let server = served(&env, &["eng", "prod"], &["eng/owner", "prod/owner"], |s| {
        for ns in ["eng", "prod"] {
            grant(
                &env,
                s,
                &format!("{ns}-owner"),
                &[
                    "-n",
                    ns,
                    "--subject",
                    &format!("{ns}/owner"),
                    "--action",
                    "*",
                    "--resource",
                    "*",
                ],
            );
        }
    });
    env.ok(["keygen", "-o", "k.key", "--bits", "2048"]);
    let keys = env.distinct_public_keys("d", 4);
    let eng = |args: &[&str]| env.cmd(as_account(&server, "eng/owner", args)).assert();
    let prod = |args: &[&str]| env.cmd(as_account(&server, "prod/owner", args)).assert();
    let admin = |args: &[&str]| env.cmd(as_account(&server, "admin", args)).assert();
    let block = |subject: &str| {
        [
            "policy",
            "create",
            "block",
            "-n",
            "eng",
            "--subject",
            subject,
            "--action",
            "pull",
            "--resource",
            "image",
        ]
        .map(str::to_owned)
    };
    let before = folder(&srv);
    for (subject, reaches) in [
        ("prod/*", Some("prod")),
        ("prod/ci", Some("prod")),
        ("group:system:serviceaccounts:prod", Some("prod")),
        ("*", None),
        ("group:system:serviceaccounts", None),
        ("group:*", None),
    ] {
        let args = block(subject);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        eng(&args)
            .code(3)
            .stdout("")
            .stderr(not_owned("eng/owner", subject, Some("eng"), reaches));
    }
    assert_eq!(folder(&srv), before, "a refused policy was written");
    assert_eq!(
        can_i(
            &env,
            &server,
            "create",
            "serviceaccount",
            "eng/owner",
            "prod"
        ),
        1
    );

    // Prod's owner still owns prod: it creates accounts, adds keys and issues tokens there.
    prod(&["-n", "prod", "create", "ci", "--public-key", &keys[0]]).success();
    prod(&["key", "add", "prod/ci", "--public-key", &keys[1]]).success();
    prod(&["tokens", "create", "prod/ci", "deploy"]).success();

    // Its own namespace's accounts, its children's (it owns them: a grant in `eng` reaches
    // `eng/platform`) and the accounts' own groups are the owner's to name.
    eng(&[
        "policy",
        "create",
        "pullers",
        "-n",
        "eng",
        "--subject",
        "eng/*,eng/platform/ci,group:system:serviceaccounts:eng,group:managers",
        "--action",
        "pull",
        "--resource",
        "image",
    ])
    .success();

    // Whoever owns prod's accounts as well may name them: an admin, or `eng/owner` once it
    // may create accounts in `prod`.
    admin(&[
        "policy",
        "create",
        "prod-creators",
        "-n",
        "prod",
        "--subject",
        "eng/owner",
        "--action",
        "create",
        "--resource",
        "serviceaccount",
    ])
    .success();
    assert_eq!(
        can_i(
            &env,
            &server,
            "create",
            "serviceaccount",
            "eng/owner",
            "prod"
        ),
        0
    );
    let args = block("prod/ci");
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    eng(&args).success().stdout("Created policy: block\n");
    // Such a policy, written by someone who may, guards acting as the accounts it names, as
    // before: `prod/ci` now has a grant in `eng`, which prod's owner lacks.
    prod(&["key", "add", "prod/ci", "--public-key", &keys[2]])
        .code(3)
        .stderr(predicate::str::starts_with(
            "svcacct: service account `prod/owner` may not act as `prod/ci` to create key: a \
             policy outside your reach names `prod/ci`",
        ));
    // Accounts it does not name stay prod's owner's alone.
    prod(&["-n", "prod", "create", "other", "--public-key", &keys[3]]).success();
}

/// The refusal of `namespace create NS` with its defaults, when `who` may not grant `action`
/// on `resource`, which default policy `policy` grants.
fn defaults_not_held(who: &str, ns: &str, action: &str, resource: &str, policy: &str) -> String {
    format!(
        "service account `{who}` may not create namespace `{ns}` with its default policies: it \
         may not grant `{action}` on `{resource}` there (default policy `{policy}` does), since \
         it does not hold that grant there itself (a policy grants only what its writer holds, \
         unless a policy allows the writer `escalate` on `policy` there); `svcacct namespace \
         create {ns} --no-defaults` creates the namespace without its default accounts and \
         policies"
    )
}

/// The security review's finding 2 (issue 19, point 1): `namespace create` writes its default
/// policies as `policy create` would. `eng/prov` may create namespaces and issue tokens in
/// `eng` and holds nothing on images or deployments; it used to get `deployers` and
/// `image-builders` written for it, and then issue itself a token of `eng/team/deployer`. Now
/// the defaults are refused (403 naming the grant it lacks, nothing written), `--no-defaults`
/// creates the namespace bare, and once it holds what every default grants (or `escalate` on
/// `policy`) it gets them. A store folder, with no caller, writes them all.
#[test]
fn namespace_defaults_grant_only_what_their_creator_holds() {
    let env = Env::new();
    let srv = env.path("srv");
    let server = served(&env, &["eng"], &["eng/prov", "eng/esc"], |s| {
        for (name, who, action, resources) in [
            ("provisioners", "eng/prov", "create", "namespace,token"),
            ("esc-namespaces", "eng/esc", "create", "namespace"),
            ("esc-policies", "eng/esc", "escalate", "policy"),
        ] {
            grant(
                &env,
                s,
                name,
                &[
                    "-n",
                    "eng",
                    "--subject",
                    who,
                    "--action",
                    action,
                    "--resource",
                    resources,
                ],
            );
        }
    });
    let prov = |args: &[&str]| env.cmd(as_account(&server, "eng/prov", args)).assert();
    let admin = |args: &[&str]| env.cmd(as_account(&server, "admin", args)).assert();
    let refused = |ns: &str, action: &str, resource: &str, policy: &str| {
        format!(
            "svcacct: {}\n",
            defaults_not_held("eng/prov", ns, action, resource, policy)
        )
    };

    // It may not write a policy, nor have `namespace create` write one that grants what it
    // does not hold.
    prov(&[
        "policy",
        "create",
        "d",
        "-n",
        "eng",
        "--subject",
        "eng/prov",
        "--action",
        "create",
        "--resource",
        "deployment",
    ])
    .code(3)
    .stderr(
        "svcacct: service account `eng/prov` may not create policy in namespace `eng`: no \
         policy allows it\n",
    );
    let before = folder(&srv);
    prov(&["namespace", "create", "eng/team"])
        .code(3)
        .stdout("")
        .stderr(refused("eng/team", "push", "image", "image-builders"));
    assert_eq!(folder(&srv), before, "a refused namespace was written");
    // The problem document: the grant it lacks, where.
    let token = env.ok(["--store", srv.to_str().unwrap(), "token", "eng/prov"]);
    let out = std::process::Command::new("curl")
        .args([
            "-sS",
            "--max-time",
            "20",
            "-w",
            "\n%{http_code}",
            "-H",
            &format!("Authorization: Bearer {}", token.trim()),
            "-H",
            "Content-Type: application/json",
            "--data-binary",
            r#"{"name":"eng/team"}"#,
            &server.at("/v1/namespaces"),
        ])
        .output()
        .expect("curl is installed");
    let text = String::from_utf8(out.stdout).unwrap();
    let (body, status) = text.rsplit_once('\n').unwrap();
    assert_eq!(status, "403", "{body}");
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(body).unwrap(),
        serde_json::json!({
            "type": "urn:svcacct:problem:forbidden",
            "title": "Forbidden",
            "status": 403,
            "detail": defaults_not_held("eng/prov", "eng/team", "push", "image", "image-builders"),
            "code": "forbidden",
            "action": "push",
            "resource": "image",
            "namespace": "eng/team",
        })
    );
    assert_eq!(folder(&srv), before);

    // Without the defaults: the namespace alone, and no deployer to issue a token for.
    prov(&["namespace", "create", "eng/team", "--no-defaults"])
        .success()
        .stdout("Created namespace: eng/team\n");
    prov(&["tokens", "create", "eng/team/deployer", "t1"])
        .code(3)
        .stdout("");
    assert_eq!(
        can_i(
            &env,
            &server,
            "create",
            "deployment",
            "eng/prov",
            "eng/team"
        ),
        1
    );

    // Every default is checked: holding the image grants is not enough.
    admin(&[
        "policy",
        "create",
        "prov-images",
        "-n",
        "eng",
        "--subject",
        "eng/prov",
        "--action",
        "push,pull",
        "--resource",
        "image",
    ])
    .success();
    let before = folder(&srv);
    prov(&["namespace", "create", "eng/team2"])
        .code(3)
        .stderr(refused("eng/team2", "get", "deployment", "deployers"));
    assert_eq!(folder(&srv), before);

    // Holding what every default grants, it gets them all.
    admin(&[
        "policy",
        "create",
        "prov-deployments",
        "-n",
        "eng",
        "--subject",
        "eng/prov",
        "--action",
        "get,list,create,update,delete",
        "--resource",
        "deployment",
    ])
    .success();
    prov(&["namespace", "create", "eng/team2"])
        .success()
        .stdout(
            "Created namespace: eng/team2\n\
             Created service account: eng/team2/builder\n\
             Created service account: eng/team2/deployer\n\
             Created service account: eng/team2/default\n\
             Created policy: image-builders (namespace eng/team2)\n\
             Created policy: deployers (namespace eng/team2)\n\
             Created policy: image-pullers (namespace eng/team2)\n",
        );
    // `escalate` on `policy` lets its holder write defaults it does not hold.
    env.cmd(as_account(
        &server,
        "eng/esc",
        &["namespace", "create", "eng/team3"],
    ))
    .assert()
    .success()
    .stdout(predicate::str::contains(
        "Created policy: deployers (namespace eng/team3)\n",
    ));
    // The store's folder has no caller: its owner gets every default.
    env.cmd([
        "--store",
        srv.to_str().unwrap(),
        "namespace",
        "create",
        "eng/team4",
    ])
    .assert()
    .success()
    .stdout(predicate::str::contains(
        "Created policy: image-builders (namespace eng/team4)\n",
    ));
}
