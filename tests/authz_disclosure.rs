//! What a refusal and a write answer tell the caller (issue 19, points 5 and 6), through a
//! running `svcacct serve`, with curl (a client nobody here wrote) and with the CLI: a refusal
//! names a policy or its namespace only to a caller that may `get` that policy, and a write
//! answers with the whole record only to a caller that may `get` it, otherwise with its
//! reference.

mod common;

use std::process::Command;

use common::{Env, Server};
use serde_json::{Value, json};

/// A curl answer: status, headers, body.
struct Answer {
    status: u16,
    headers: String,
    body: String,
}

impl Answer {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers.lines().find_map(|l| {
            let (k, v) = l.split_once(':')?;
            k.trim().eq_ignore_ascii_case(name).then_some(v.trim())
        })
    }

    fn json(&self) -> Value {
        json_of(&self.body)
    }
}

fn json_of(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("not JSON ({e}): {text}"))
}

/// `curl -X METHOD` with a bearer token and, when given, a JSON body and an `If-Match`.
fn curl(
    env: &Env,
    token: &str,
    method: &str,
    url: &str,
    body: Option<&Value>,
    if_match: Option<u64>,
) -> Answer {
    let headers = env.path("curl-headers");
    let auth = format!("Authorization: Bearer {token}");
    let mut args: Vec<String> = [
        "-sS",
        "--max-time",
        "20",
        "-D",
        headers.to_str().unwrap(),
        "-w",
        "\n%{http_code}",
        "-X",
        method,
        "-H",
        &auth,
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    if let Some(b) = body {
        args.extend([
            "-H".into(),
            "Content-Type: application/json".into(),
            "--data-binary".into(),
            b.to_string(),
        ]);
    }
    if let Some(rev) = if_match {
        args.extend(["-H".into(), format!("If-Match: \"{rev}\"")]);
    }
    args.push(url.to_owned());
    let out = Command::new("curl")
        .args(&args)
        .output()
        .expect("curl is installed");
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let (body, status) = text.rsplit_once('\n').unwrap_or(("", &text));
    Answer {
        status: status.trim().parse().unwrap_or(0),
        headers: std::fs::read_to_string(&headers).unwrap_or_default(),
        body: body.to_owned(),
    }
}

/// A token of `who`, signed with its keystore key (the account was made with `create`).
fn token(env: &Env, store: &str, who: &str) -> String {
    env.ok(["--store", store, "token", who]).trim().to_owned()
}

/// `--store URL --service-account WHO -n eng ARGS…` → (exit code, stdout, stderr).
fn as_in_eng(env: &Env, server: &Server, who: &str, args: &[&str]) -> (i32, String, String) {
    let mut v = vec![
        "--store",
        server.url.as_str(),
        "--service-account",
        who,
        "-n",
        "eng",
    ];
    v.extend_from_slice(args);
    let out = env.cmd(v).output().expect("run svcacct");
    (
        out.status.code().expect("exit code"),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// `svcacct --store FOLDER ARGS…` on the server's folder, as its administrator would.
fn on_folder(env: &Env, store: &str, args: &[&str]) -> String {
    let mut v = vec!["--store", store];
    v.extend_from_slice(args);
    env.ok(v)
}

fn account_url(server: &Server, name: &str) -> String {
    server.at(&format!("/v1/namespaces/eng/serviceaccounts/{name}"))
}

/// The refusal of acting as `target` when the policy that names it is out of the caller's
/// sight: it names neither the policy nor where it lives.
fn hidden(action: &str, resource: &str, target: &str, advice: &str) -> String {
    format!(
        "service account `eng/owner` may not act as `{target}` to {action} {resource}: a policy \
         outside your reach names `{target}`, and acting as it needs that policy's grant too \
         ({advice})"
    )
}

const ASK: &str = "ask an administrator who may read the policies that name it";
const RENAME_OR_ASK: &str =
    "choose another name, or ask an administrator who may read the policies that name it";

/// Point 5: a 403 for acting as an account that a policy elsewhere names says which policy only
/// to a caller that may read it; so does a 409 for a key that another account holds.
#[test]
fn a_refusal_names_only_what_the_caller_may_read() {
    let env = Env::new();
    let srv = env.path("srv");
    env.bootstrap(&srv);
    let s = srv.to_str().unwrap();
    on_folder(&env, s, &["namespace", "create", "eng", "--no-defaults"]);
    on_folder(&env, s, &["namespace", "create", "prod", "--no-defaults"]);
    on_folder(&env, s, &["-n", "eng", "create", "owner"]);
    on_folder(&env, s, &["-n", "eng", "create", "spare"]);
    for args in [
        // eng's owner: everything in eng, nothing elsewhere.
        &[
            "eng-owner",
            "-n",
            "eng",
            "--subject",
            "owner",
            "--action",
            "*",
            "--resource",
            "*",
        ][..],
        &[
            "hidden-prod-policy",
            "-n",
            "prod",
            "--subject",
            "eng/probe",
            "--action",
            "pull",
            "--resource",
            "image",
        ],
        &[
            "hidden-global-policy",
            "--global",
            "--subject",
            "eng/probe2",
            "--action",
            "pull",
            "--resource",
            "image",
        ],
    ] {
        let mut v = vec!["policy", "create"];
        v.extend_from_slice(args);
        on_folder(&env, s, &v);
    }
    env.ok(["keygen", "-o", "k.key", "--bits", "2048"]);
    env.ok(["keygen", "-o", "k2.key", "--bits", "2048"]);
    env.ok(["keygen", "-o", "taken.key", "--bits", "2048"]);
    let server = env.serve(&srv, &[]);
    let owner = |args: &[&str]| as_in_eng(&env, &server, "eng/owner", args);
    let refused = |args: &[&str], detail: &str| {
        let (code, out, err) = owner(args);
        assert_eq!((code, out.as_str()), (3, ""), "{args:?}: {err}");
        assert_eq!(err, format!("svcacct: {detail}\n"), "{args:?}");
        assert!(
            !err.contains("hidden") && !err.contains("prod") && !err.contains("global"),
            "{args:?} tells of a policy the caller may not read: {err}"
        );
    };

    // Creating the account, or renaming another onto its name.
    refused(
        &["create", "probe", "--public-key", "k.key.pub"],
        &hidden("create", "serviceaccount", "eng/probe", RENAME_OR_ASK),
    );
    refused(
        &["rename", "spare", "probe"],
        &hidden("update", "serviceaccount", "eng/probe", RENAME_OR_ASK),
    );
    // A global policy is as much out of sight as another namespace's.
    refused(
        &["create", "probe2", "--public-key", "k.key.pub"],
        &hidden("create", "serviceaccount", "eng/probe2", RENAME_OR_ASK),
    );
    // The problem document itself: no namespace, the action and resource refused.
    let owner_token = token(&env, s, "eng/owner");
    let a = curl(
        &env,
        &owner_token,
        "POST",
        &server.at("/v1/namespaces/eng/serviceaccounts"),
        Some(&json!({
            "name": "probe",
            "publicKeys": [std::fs::read_to_string(env.path("k.key.pub")).unwrap()],
        })),
        None,
    );
    assert_eq!(a.status, 403, "{}", a.body);
    assert_eq!(
        a.json(),
        json!({
            "type": "urn:svcacct:problem:forbidden",
            "title": "Forbidden",
            "status": 403,
            "detail": hidden("create", "serviceaccount", "eng/probe", RENAME_OR_ASK),
            "code": "forbidden",
            "action": "create",
            "resource": "serviceaccount",
        })
    );

    // Once the account exists: a key, a token, a new token for an old one.
    on_folder(
        &env,
        s,
        &["-n", "eng", "create", "probe", "--public-key", "k2.key.pub"],
    );
    on_folder(&env, s, &["tokens", "create", "eng/probe", "old"]);
    refused(
        &["key", "add", "probe", "--public-key", "k.key.pub"],
        &hidden("create", "key", "eng/probe", ASK),
    );
    refused(
        &["tokens", "create", "probe", "mine"],
        &hidden("create", "token", "eng/probe", ASK),
    );
    refused(
        &["tokens", "regenerate", "probe", "old"],
        &hidden("create", "token", "eng/probe", ASK),
    );

    // A key another account holds: which one, only to a caller that may read it.
    on_folder(
        &env,
        s,
        &[
            "-n",
            "prod",
            "create",
            "holder",
            "--public-key",
            "taken.key.pub",
        ],
    );
    let (code, out, err) = owner(&["key", "add", "spare", "--public-key", "taken.key.pub"]);
    assert_eq!((code, out.as_str()), (3, ""), "{err}");
    assert!(
        err.starts_with("svcacct: public key `")
            && err.ends_with(
                "` is already registered to a service account outside your reach: one public \
                 key belongs to one account, or each could sign as the other; give this account \
                 a key pair of its own (`svcacct keygen`, or `--generate`)\n"
            ),
        "{err}"
    );
    assert!(!err.contains("prod") && !err.contains("holder"), "{err}");

    // With `get policy` in prod, the owner is told which policy, and where.
    on_folder(
        &env,
        s,
        &[
            "policy",
            "create",
            "owner-reads-prod",
            "-n",
            "prod",
            "--subject",
            "eng/owner",
            "--action",
            "get",
            "--resource",
            "policy,serviceaccount",
        ],
    );
    let named = |what: &str| {
        format!(
            "svcacct: service account `eng/owner` may not {what} in namespace `prod`: no policy \
             allows it (`eng/probe` is named by policy `hidden-prod-policy` of namespace `prod`: \
             acting as it needs the grant there too)\n"
        )
    };
    for (args, what) in [
        (
            &["key", "add", "probe", "--public-key", "k.key.pub"][..],
            "create key",
        ),
        (&["tokens", "create", "probe", "mine"], "create token"),
        (&["tokens", "regenerate", "probe", "old"], "create token"),
    ] {
        let (code, _, err) = owner(args);
        assert_eq!((code, err), (3, named(what)), "{args:?}");
    }
    // And with `get serviceaccount` in prod, which account holds the key.
    let (_, _, err) = owner(&["key", "add", "spare", "--public-key", "taken.key.pub"]);
    assert!(
        err.contains("is already registered to service account `prod/holder`"),
        "{err}"
    );
    // The global policy stays out of sight: the owner may read prod's policies only.
    let (_, _, err) = owner(&["create", "probe2", "--public-key", "k.key.pub"]);
    assert_eq!(
        err,
        format!(
            "svcacct: {}\n",
            hidden("create", "serviceaccount", "eng/probe2", RENAME_OR_ASK)
        )
    );
}

/// The reference form of an account, as a write answers a caller that may not `get` it.
fn account_ref(name: &str, uid: &str, revision: u64) -> Value {
    json!({
        "kind": "ServiceAccountReference",
        "reference": format!("eng/{name}"),
        "namespace": "eng",
        "name": name,
        "uid": uid,
        "revision": revision,
    })
}

/// Point 6: an account that may write accounts and keys in `eng` but not read them gets their
/// references back, not the records (keys, description, ...); a rename shows the policies that
/// followed the account only where the caller may read them.
#[test]
fn a_write_answers_with_only_what_the_caller_may_read() {
    let env = Env::new();
    let srv = env.path("srv");
    env.bootstrap(&srv);
    let s = srv.to_str().unwrap();
    on_folder(&env, s, &["namespace", "create", "eng", "--no-defaults"]);
    on_folder(&env, s, &["namespace", "create", "prod", "--no-defaults"]);
    on_folder(&env, s, &["-n", "eng", "create", "writer"]);
    on_folder(
        &env,
        s,
        &[
            "-n",
            "eng",
            "create",
            "app",
            "--description",
            "the payroll bridge",
        ],
    );
    on_folder(&env, s, &["-n", "eng", "create", "old"]);
    on_folder(&env, s, &["-n", "eng", "create", "granter"]);
    let policy = |args: &[&str]| {
        let mut v = vec!["policy", "create"];
        v.extend_from_slice(args);
        on_folder(&env, s, &v);
    };
    policy(&[
        "writers",
        "-n",
        "eng",
        "--subject",
        "writer",
        "--action",
        "create,update",
        "--resource",
        "serviceaccount,key",
    ]);
    // The granter may write eng's policies (and holds what it grants), not read them.
    policy(&[
        "granters",
        "-n",
        "eng",
        "--subject",
        "granter",
        "--action",
        "create,update,pull",
        "--resource",
        "policy,image",
    ]);
    // The writer may read eng's policies, not the global ones nor prod's.
    policy(&[
        "writer-reads-policies",
        "-n",
        "eng",
        "--subject",
        "writer",
        "--action",
        "get",
        "--resource",
        "policy",
    ]);
    // Policies that name `eng/old`: in eng, globally, in prod.
    for (name, scope) in [
        ("old-eng", &["-n", "eng"][..]),
        ("old-global", &["--global"]),
        ("old-prod", &["-n", "prod"]),
    ] {
        let mut v = vec![name];
        v.extend_from_slice(scope);
        v.extend([
            "--subject",
            "eng/old",
            "--action",
            "pull",
            "--resource",
            "image",
        ]);
        policy(&v);
    }
    env.ok(["keygen", "-o", "k.key", "--bits", "2048"]);
    env.ok(["keygen", "-o", "k2.key", "--bits", "2048"]);
    env.ok(["keygen", "-o", "k3.key", "--bits", "2048"]);
    env.ok(["keygen", "-o", "k4.key", "--bits", "2048"]);
    let server = env.serve(&srv, &[]);
    let writer = token(&env, s, "eng/writer");
    let admin = token(&env, s, "admin");
    let read = |name: &str| json_of(&on_folder(&env, s, &["get", name, "-o", "json"]));
    let app = read("eng/app");
    let uid = app["uid"].as_str().unwrap().to_owned();
    let mut revision = app["revision"].as_u64().unwrap();

    // PUT, disable, enable: the reference, with the revision as the ETag too.
    let a = curl(
        &env,
        &writer,
        "PUT",
        &account_url(&server, "app"),
        Some(&json!({"uid": uid, "description": "the payroll bridge"})),
        Some(revision),
    );
    revision += 1;
    assert_eq!(a.status, 200, "{}", a.body);
    assert_eq!(a.json(), account_ref("app", &uid, revision));
    assert_eq!(a.header("etag"), Some(format!("\"{revision}\"").as_str()));
    for verb in ["disable", "enable"] {
        let a = curl(
            &env,
            &writer,
            "POST",
            &format!("{}/{verb}", account_url(&server, "app")),
            None,
            None,
        );
        revision += 1;
        assert_eq!(a.status, 200, "{verb}: {}", a.body);
        assert_eq!(a.json(), account_ref("app", &uid, revision), "{verb}");
        assert_eq!(a.header("etag"), Some(format!("\"{revision}\"").as_str()));
    }
    // Adding a key: 201 with Location and the reference.
    let a = curl(
        &env,
        &writer,
        "POST",
        &format!("{}/keys", account_url(&server, "app")),
        Some(&json!({"publicKey": std::fs::read_to_string(env.path("k.key.pub")).unwrap()})),
        None,
    );
    revision += 1;
    assert_eq!(a.status, 201, "{}", a.body);
    assert_eq!(a.json(), account_ref("app", &uid, revision));
    assert!(
        a.header("location")
            .is_some_and(|l| l.starts_with("/v1/namespaces/eng/serviceaccounts/app/keys/")),
        "{}",
        a.headers
    );
    // Creating one: the reference, with its Location.
    let a = curl(
        &env,
        &writer,
        "POST",
        &server.at("/v1/namespaces/eng/serviceaccounts"),
        Some(&json!({
            "name": "fresh",
            "description": "made by the writer",
            "publicKeys": [std::fs::read_to_string(env.path("k2.key.pub")).unwrap()],
        })),
        None,
    );
    assert_eq!(a.status, 201, "{}", a.body);
    let fresh_uid = read("eng/fresh")["uid"].as_str().unwrap().to_owned();
    assert_eq!(a.json(), account_ref("fresh", &fresh_uid, 1));
    assert_eq!(
        a.header("location"),
        Some("/v1/namespaces/eng/serviceaccounts/fresh")
    );

    // A policy written by a caller that may not read it: its reference, then the same for an
    // update.
    let granter = token(&env, s, "eng/granter");
    let a = curl(
        &env,
        &granter,
        "POST",
        &server.at("/v1/namespaces/eng/policies"),
        Some(&json!({
            "name": "pullers",
            "subjects": ["eng/app"],
            "actions": ["pull"],
            "resources": ["image"],
        })),
        None,
    );
    assert_eq!(a.status, 201, "{}", a.body);
    let pullers = json_of(&on_folder(
        &env,
        s,
        &["policy", "get", "pullers", "-n", "eng", "-o", "json"],
    ));
    let policy_ref = |revision: u64| {
        json!({
            "kind": "PolicyReference",
            "name": "pullers",
            "namespace": "eng",
            "uid": pullers["uid"],
            "revision": revision,
        })
    };
    assert_eq!(a.json(), policy_ref(1));
    assert_eq!(a.header("etag"), Some("\"1\""));
    let a = curl(
        &env,
        &granter,
        "PUT",
        &server.at("/v1/namespaces/eng/policies/pullers"),
        Some(&json!({
            "uid": pullers["uid"],
            "description": "who pulls",
            "subjects": ["eng/app"],
            "actions": ["pull"],
            "resources": ["image"],
        })),
        Some(1),
    );
    assert_eq!(a.status, 200, "{}", a.body);
    assert_eq!(a.json(), policy_ref(2));
    // And through the CLI, which says what it did.
    let (code, out, err) = as_in_eng(
        &env,
        &server,
        "eng/granter",
        &[
            "policy",
            "create",
            "app-pullers",
            "--subject",
            "app",
            "--action",
            "pull",
            "--resource",
            "image",
        ],
    );
    assert_eq!(
        (code, out.as_str()),
        (0, "Created policy: app-pullers\n"),
        "{err}"
    );

    // A caller that may read the account gets the whole record, as GET shows it.
    let a = curl(
        &env,
        &admin,
        "POST",
        &format!("{}/disable", account_url(&server, "app")),
        None,
        None,
    );
    assert_eq!(a.status, 200, "{}", a.body);
    let got = curl(
        &env,
        &admin,
        "GET",
        &account_url(&server, "app"),
        None,
        None,
    );
    assert_eq!(a.json(), got.json());
    assert_eq!(a.json()["description"], "the payroll bridge");
    assert_eq!(a.json()["keys"].as_array().unwrap().len(), 2);

    // Rename: the account by reference; the policy the writer may read in full, the others by
    // reference only.
    let a = curl(
        &env,
        &writer,
        "POST",
        &format!("{}/rename", account_url(&server, "old")),
        Some(&json!({"newName": "renamed"})),
        None,
    );
    assert_eq!(a.status, 200, "{}", a.body);
    let renamed = read("eng/renamed");
    let policy_json = |args: &[&str]| {
        let mut v = vec!["policy", "get"];
        v.extend_from_slice(args);
        v.extend(["-o", "json"]);
        let mut p = json_of(&on_folder(&env, s, &v));
        p.as_object_mut().unwrap().remove("kind");
        p
    };
    let reference = |p: &Value| {
        let mut r = json!({
            "kind": "PolicyReference",
            "name": p["name"],
            "uid": p["uid"],
            "revision": p["revision"],
        });
        if let Some(ns) = p.get("namespace") {
            r["namespace"] = ns.clone();
        }
        r
    };
    let global = policy_json(&["old-global", "--global"]);
    let prod = policy_json(&["old-prod", "-n", "prod"]);
    let eng = policy_json(&["old-eng", "-n", "eng"]);
    assert_eq!(global["subjects"], json!(["eng/renamed"]));
    assert_eq!(
        a.json(),
        json!({
            "account": account_ref(
                "renamed",
                renamed["uid"].as_str().unwrap(),
                renamed["revision"].as_u64().unwrap()
            ),
            "updatedPolicies": [reference(&global), eng, reference(&prod)],
        })
    );
    assert_eq!(
        a.body.matches("\"subjects\"").count(),
        1,
        "only eng's policy shows its subjects: {}",
        a.body
    );

    // The CLI works for the writer all the same, and says only what happened.
    let writer_cli = |args: &[&str]| as_in_eng(&env, &server, "eng/writer", args);
    assert_eq!(
        writer_cli(&["disable", "fresh"]),
        (
            0,
            "Disabled service account: eng/fresh\n".into(),
            String::new()
        )
    );
    assert_eq!(
        writer_cli(&["enable", "fresh"]),
        (
            0,
            "Enabled service account: eng/fresh\n".into(),
            String::new()
        )
    );
    let (code, out, err) = writer_cli(&["key", "add", "fresh", "--public-key", "k3.key.pub"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.starts_with("Added key ") && out.ends_with(" to service account: eng/fresh\n"),
        "{out}"
    );
    assert_eq!(
        writer_cli(&["create", "newer", "--public-key", "k4.key.pub"]),
        (
            0,
            "Created service account: eng/newer\n".into(),
            String::new()
        )
    );
    let (code, out, err) = writer_cli(&["rename", "renamed", "again"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        out,
        "Renamed service account: eng/renamed -> eng/again\n\
         Updated policy old-global: subject eng/renamed -> eng/again\n\
         Updated policy old-eng: subject eng/renamed -> eng/again\n\
         Updated policy old-prod: subject eng/renamed -> eng/again\n"
    );
}

/// Point 6 for namespaces: creating and deleting one answers with the accounts and policies
/// made or removed, in full only where the caller may read them.
#[test]
fn a_namespace_answer_shows_only_what_the_caller_may_read() {
    let env = Env::new();
    let srv = env.path("srv");
    env.bootstrap(&srv);
    let s = srv.to_str().unwrap();
    on_folder(&env, s, &["namespace", "create", "eng", "--no-defaults"]);
    on_folder(&env, s, &["-n", "eng", "create", "maker"]);
    on_folder(
        &env,
        s,
        &[
            "policy",
            "create",
            "makers",
            "-n",
            "eng",
            "--subject",
            "maker",
            "--action",
            "create,delete",
            "--resource",
            "namespace",
        ],
    );
    // What the default policies grant, which it must hold to have them written (and which
    // let it read none of the records).
    for (name, actions, resource) in [
        ("maker-images", "push,pull", "image"),
        (
            "maker-deployments",
            "get,list,create,update,delete",
            "deployment",
        ),
    ] {
        on_folder(
            &env,
            s,
            &[
                "policy",
                "create",
                name,
                "-n",
                "eng",
                "--subject",
                "maker",
                "--action",
                actions,
                "--resource",
                resource,
            ],
        );
    }
    let server = env.serve(&srv, &[]);
    let maker = token(&env, s, "eng/maker");
    let a = curl(
        &env,
        &maker,
        "POST",
        &server.at("/v1/namespaces"),
        Some(&json!({"name": "eng/team"})),
        None,
    );
    assert_eq!(a.status, 201, "{}", a.body);
    let created = a.json();
    let kinds = |v: &Value, field: &str| -> Vec<String> {
        v[field]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x["kind"].as_str().unwrap_or("<record>").to_owned())
            .collect()
    };
    assert_eq!(kinds(&created, "accounts"), ["ServiceAccountReference"; 3]);
    assert_eq!(kinds(&created, "policies"), ["PolicyReference"; 3]);
    assert_eq!(
        created["accounts"][0],
        json!({
            "kind": "ServiceAccountReference",
            "reference": "eng/team/builder",
            "namespace": "eng/team",
            "name": "builder",
            "uid": created["accounts"][0]["uid"],
            "revision": 1,
        })
    );
    let a = curl(
        &env,
        &maker,
        "DELETE",
        &server.at("/v1/namespaces/eng%2Fteam"),
        None,
        None,
    );
    assert_eq!(a.status, 200, "{}", a.body);
    let deleted = a.json();
    assert_eq!(kinds(&deleted, "accounts"), ["ServiceAccountReference"; 3]);
    assert_eq!(kinds(&deleted, "policies"), ["PolicyReference"; 3]);

    // The CLI prints what it printed with whole records.
    let maker_cli = |args: &[&str]| as_in_eng(&env, &server, "eng/maker", args);
    assert_eq!(
        maker_cli(&["namespace", "create", "eng/team"]),
        (
            0,
            "Created namespace: eng/team\n\
             Created service account: eng/team/builder\n\
             Created service account: eng/team/deployer\n\
             Created service account: eng/team/default\n\
             Created policy: image-builders (namespace eng/team)\n\
             Created policy: deployers (namespace eng/team)\n\
             Created policy: image-pullers (namespace eng/team)\n"
                .into(),
            String::new()
        )
    );
    assert_eq!(
        maker_cli(&["namespace", "delete", "eng/team", "--yes"]),
        (
            0,
            "Deleted service account: eng/team/builder\n\
             Deleted service account: eng/team/default\n\
             Deleted service account: eng/team/deployer\n\
             Deleted policy: deployers (namespace eng/team)\n\
             Deleted policy: image-builders (namespace eng/team)\n\
             Deleted policy: image-pullers (namespace eng/team)\n\
             Deleted namespace: eng/team\n"
                .into(),
            String::new()
        )
    );
    // The administrator, who may read everything, gets the records.
    let admin = token(&env, s, "admin");
    let a = curl(
        &env,
        &admin,
        "POST",
        &server.at("/v1/namespaces"),
        Some(&json!({"name": "eng/team"})),
        None,
    );
    assert_eq!(a.status, 201, "{}", a.body);
    assert_eq!(kinds(&a.json(), "accounts"), ["<record>"; 3]);
    assert_eq!(kinds(&a.json(), "policies"), ["<record>"; 3]);
}

/// `policy create ARGS…` on the folder, as its owner.
fn grant(env: &Env, store: &str, args: &[&str]) {
    let mut v = vec!["policy", "create"];
    v.extend_from_slice(args);
    on_folder(env, store, &v);
}

/// The reviewer's lab for access reviews: in `prod`, `secret-bot` (impersonating, allowed
/// `approve` on `payroll` by `hidden-prod-payroll`), `old-bot` (disabled) and `expiring`
/// (expired by the time this returns); `reviewer` and `policy-reader` hold the global `create`
/// on `accessreview`, and `policy-reader` may also `get` prod's policies (not its accounts).
/// Returns the server and a function that asks it as `who` about `account` doing `action` on
/// `resource` in `prod`.
fn review_lab(env: &Env) -> (Server, String) {
    let srv = env.path("srv");
    env.bootstrap(&srv);
    let s = srv.to_str().unwrap().to_owned();
    on_folder(env, &s, &["namespace", "create", "prod", "--no-defaults"]);
    on_folder(
        env,
        &s,
        &["-n", "prod", "create", "expiring", "--expires", "1s"],
    );
    on_folder(
        env,
        &s,
        &[
            "-n",
            "prod",
            "create",
            "secret-bot",
            "--impersonate",
            "ceo@example.com",
        ],
    );
    on_folder(env, &s, &["-n", "prod", "create", "old-bot"]);
    on_folder(env, &s, &["disable", "prod/old-bot"]);
    for who in ["reviewer", "policy-reader"] {
        on_folder(env, &s, &["create", who]);
    }
    grant(
        env,
        &s,
        &[
            "hidden-prod-payroll",
            "-n",
            "prod",
            "--subject",
            "prod/secret-bot",
            "--action",
            "approve",
            "--resource",
            "payroll",
        ],
    );
    grant(
        env,
        &s,
        &[
            "reviewers",
            "--global",
            "--subject",
            "reviewer,policy-reader",
            "--action",
            "create",
            "--resource",
            "accessreview",
        ],
    );
    grant(
        env,
        &s,
        &[
            "policy-readers",
            "-n",
            "prod",
            "--subject",
            "default/policy-reader",
            "--action",
            "get",
            "--resource",
            "policy",
        ],
    );
    let server = env.serve(&srv, &[]);
    let expired = || {
        json_of(&on_folder(env, &s, &["get", "prod/expiring", "-o", "json"]))["status"] == "expired"
    };
    while !expired() {
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    (server, s)
}

/// `POST /v1/accessreviews` as `who`: may `account` do `action` on `resource` in `prod`?
fn review(
    env: &Env,
    server: &Server,
    store: &str,
    who: &str,
    account: &str,
    allowed: bool,
) -> Value {
    let (action, resource) = if allowed {
        ("approve", "payroll")
    } else {
        ("x", "y")
    };
    let a = curl(
        env,
        &token(env, store, who),
        "POST",
        &server.at("/v1/accessreviews"),
        Some(&json!({
            "account": account,
            "action": action,
            "resource": resource,
            "namespace": "prod",
        })),
        None,
    );
    assert_eq!(a.status, 200, "{}", a.body);
    a.json()
}

/// The review `review` expects, with `extra` fields (`policy`, `reason`).
fn review_answer(account: &str, allowed: bool, extra: Value) -> Value {
    let (action, resource) = if allowed {
        ("approve", "payroll")
    } else {
        ("x", "y")
    };
    let mut v = json!({
        "allowed": allowed,
        "account": account,
        "action": action,
        "resource": resource,
        "namespace": "prod",
    });
    v.as_object_mut()
        .unwrap()
        .extend(extra.as_object().unwrap().clone());
    v
}

/// The security review's finding 6 (issue 19, point 5): `POST /v1/accessreviews` names the
/// policy that allows only to a caller that may `get` that policy. Holding the global `create`
/// on `accessreview` (what a remote `can-i` needs) used to tell the name of a policy that the
/// same caller's `GET` is refused.
#[test]
fn an_access_review_names_the_policy_only_to_who_may_read_it() {
    let env = Env::new();
    let (server, s) = review_lab(&env);
    let ask = |who: &str| review(&env, &server, &s, who, "prod/secret-bot", true);
    let named = review_answer(
        "prod/secret-bot",
        true,
        json!({"policy": "hidden-prod-payroll"}),
    );
    assert_eq!(
        ask("reviewer"),
        review_answer("prod/secret-bot", true, json!({}))
    );
    let a = curl(
        &env,
        &token(&env, &s, "reviewer"),
        "GET",
        &server.at("/v1/namespaces/prod/policies/hidden-prod-payroll"),
        None,
        None,
    );
    assert_eq!(a.status, 403, "{}", a.body);
    // Whoever may read prod's policies, or everything, is told which.
    assert_eq!(ask("policy-reader"), named);
    assert_eq!(ask("admin"), named);
    // `can-i` through the server answers as before.
    let (code, out, err) = as_in_eng(
        &env,
        &server,
        "admin",
        &[
            "can-i",
            "approve",
            "payroll",
            "--as",
            "prod/secret-bot",
            "-n",
            "prod",
        ],
    );
    assert_eq!((code, out.as_str(), err.as_str()), (0, "yes\n", ""));
}

/// The security review's finding 6 (issue 19, point 5): an access review about an account that
/// is unknown, disabled or expired gives one reason for all three, unless the caller may `get`
/// the account; it used to tell a caller with only `create accessreview` whether any account
/// exists, and whether it is disabled or expired.
#[test]
fn an_access_review_tells_unknown_disabled_and_expired_apart_only_to_who_may_read_them() {
    let env = Env::new();
    let (server, s) = review_lab(&env);
    for who in ["reviewer", "policy-reader"] {
        for r in ["prod/old-bot", "prod/expiring", "prod/nobody"] {
            assert_eq!(
                review(&env, &server, &s, who, r, false),
                review_answer(
                    r,
                    false,
                    json!({"reason": format!("service account `{r}` is unknown, disabled or expired")})
                ),
                "{who} about {r}"
            );
        }
    }
    // The administrator, who may read the accounts, is told which.
    for (r, reason) in [
        ("prod/old-bot", "service account `prod/old-bot` is disabled"),
        (
            "prod/expiring",
            "service account `prod/expiring` has expired",
        ),
        (
            "prod/nobody",
            "unknown service account `nobody` in namespace `prod` (see `svcacct get`)",
        ),
    ] {
        assert_eq!(
            review(&env, &server, &s, "admin", r, false),
            review_answer(r, false, json!({ "reason": reason })),
            "{r}"
        );
    }
}

/// The lab of the reviewer's other scenarios: namespaces `eng` and `eng/secret-merger`; in
/// `eng`, `mgr` may update and create accounts and keys and read nothing, `reader` may too and
/// may `get` accounts, `ops` may create namespaces and update tokens; `imp` (impersonating) and
/// `grp` (with a group) are disabled; `ci` holds token `deploy-prod-2024`, `ci-b` two tokens,
/// `ci-c` token `deploy-prod`, `ci-d` token `kept`. `k.key.pub` is a fresh key.
fn eng_lab(env: &Env) -> (Server, String) {
    let srv = env.path("srv");
    env.bootstrap(&srv);
    let s = srv.to_str().unwrap().to_owned();
    on_folder(env, &s, &["namespace", "create", "eng", "--no-defaults"]);
    on_folder(
        env,
        &s,
        &["namespace", "create", "eng/secret-merger", "--no-defaults"],
    );
    for name in ["mgr", "reader", "ops", "ci", "ci-b", "ci-c", "ci-d"] {
        on_folder(env, &s, &["-n", "eng", "create", name]);
    }
    on_folder(
        env,
        &s,
        &[
            "-n",
            "eng",
            "create",
            "imp",
            "--impersonate",
            "alice@example.com",
        ],
    );
    on_folder(
        env,
        &s,
        &["-n", "eng", "create", "grp", "--group", "payroll"],
    );
    for a in ["eng/imp", "eng/grp"] {
        on_folder(env, &s, &["disable", a]);
    }
    on_folder(env, &s, &["tokens", "create", "eng/ci", "deploy-prod-2024"]);
    for t in ["one", "two"] {
        on_folder(env, &s, &["tokens", "create", "eng/ci-b", t]);
    }
    on_folder(env, &s, &["tokens", "create", "eng/ci-c", "deploy-prod"]);
    on_folder(env, &s, &["tokens", "create", "eng/ci-d", "kept"]);
    for (name, subjects, actions, resources) in [
        ("mgr", "mgr,reader", "update,create", "serviceaccount,key"),
        ("reader", "reader", "get", "serviceaccount"),
        ("ops", "ops", "create", "namespace"),
        ("ops2", "ops", "update", "token"),
    ] {
        grant(
            env,
            &s,
            &[
                name,
                "-n",
                "eng",
                "--subject",
                subjects,
                "--action",
                actions,
                "--resource",
                resources,
            ],
        );
    }
    env.ok(["keygen", "-o", "k.key", "--bits", "2048"]);
    (env.serve(&srv, &[]), s)
}

fn post(env: &Env, server: &Server, token: &str, path: &str, body: Option<&Value>) -> Answer {
    curl(env, token, "POST", &server.at(path), body, None)
}

/// The security review's finding 6 (issue 19, point 6): a rename revokes the account's issued
/// tokens; its answer names them only to a caller that may `list` them (to any caller, how
/// many). It used to name them to a caller that gets a 403 listing them. The CLI says what it
/// was told.
#[test]
fn a_rename_names_the_revoked_tokens_only_to_who_may_list_them() {
    let env = Env::new();
    let (server, s) = eng_lab(&env);
    let mgr = token(&env, &s, "eng/mgr");
    let a = post(
        &env,
        &server,
        &mgr,
        "/v1/namespaces/eng/serviceaccounts/ci/rename",
        Some(&json!({"newName": "ci2"})),
    );
    assert_eq!(a.status, 200, "{}", a.body);
    let ci2 = json_of(&on_folder(&env, &s, &["get", "eng/ci2", "-o", "json"]));
    assert_eq!(
        a.json(),
        json!({
            "account": account_ref(
                "ci2",
                ci2["uid"].as_str().unwrap(),
                ci2["revision"].as_u64().unwrap()
            ),
            "updatedPolicies": [],
            "revokedTokenCount": 1,
        })
    );
    let a = curl(
        &env,
        &mgr,
        "GET",
        &server.at("/v1/namespaces/eng/serviceaccounts/ci2/tokens"),
        None,
        None,
    );
    assert_eq!(a.status, 403, "{}", a.body);
    let (code, out, err) = as_in_eng(&env, &server, "eng/mgr", &["rename", "ci-b", "ci-b2"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        out,
        "Renamed service account: eng/ci-b -> eng/ci-b2\n\
         Revoked 2 issued tokens: they named eng/ci-b (the server names them only to whoever \
         may list the tokens of eng/ci-b2; issue new ones with `svcacct tokens create eng/ci-b2 \
         NAME`)\n"
    );
    // A caller that may list them is told which, as before.
    let (code, out, err) = as_in_eng(&env, &server, "admin", &["rename", "ci-d", "ci-d2"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        out,
        "Renamed service account: eng/ci-d -> eng/ci-d2\n\
         Revoked issued token kept: it named eng/ci-d (issue a new one with `svcacct tokens \
         create eng/ci-d2 kept`)\n"
    );
}

/// The security review's finding 6 (issue 19, point 6): renaming an issued token answers with
/// its record (`id`, `kid`, dates) only to a caller that may `list` the account's tokens; to a
/// caller with only `update` on `token`, its reference. The CLI works for either.
#[test]
fn a_token_rename_shows_the_record_only_to_who_may_list_tokens() {
    let env = Env::new();
    let (server, s) = eng_lab(&env);
    let (ops, admin) = (token(&env, &s, "eng/ops"), token(&env, &s, "admin"));
    let a = post(
        &env,
        &server,
        &ops,
        "/v1/namespaces/eng/serviceaccounts/ci-c/tokens/deploy-prod/rename",
        Some(&json!({"name": "x"})),
    );
    assert_eq!(a.status, 200, "{}", a.body);
    assert_eq!(
        a.json(),
        json!({"kind": "TokenReference", "account": "eng/ci-c", "name": "x"})
    );
    assert_eq!(
        a.header("location"),
        Some("/v1/namespaces/eng/serviceaccounts/ci-c/tokens/x")
    );
    let tokens = server.at("/v1/namespaces/eng/serviceaccounts/ci-c/tokens");
    assert_eq!(curl(&env, &ops, "GET", &tokens, None, None).status, 403);
    let (code, out, err) = as_in_eng(
        &env,
        &server,
        "eng/ops",
        &["tokens", "rename", "ci-c", "x", "y"],
    );
    assert_eq!(
        (code, out.as_str(), err.as_str()),
        (
            0,
            "Renamed issued token of service account eng/ci-c: x -> y\n",
            ""
        )
    );
    // The administrator gets the record, as the list shows it.
    let a = post(
        &env,
        &server,
        &admin,
        "/v1/namespaces/eng/serviceaccounts/ci-c/tokens/y/rename",
        Some(&json!({"name": "z"})),
    );
    assert_eq!(a.status, 200, "{}", a.body);
    assert_eq!(a.json()["name"], "z");
    let listed = curl(&env, &admin, "GET", &tokens, None, None).json();
    assert_eq!(a.json(), listed["items"][0]);
}

/// The security review's finding 6 (issue 19, point 5): enabling an account that impersonates
/// a user, or has groups, needs a global grant; the refusal said which (`may not impersonate
/// user globally`), telling a caller that may not read the account what it is. Now that is
/// said only to a caller that may `get` the account; the same for giving it a key.
#[test]
fn a_refusal_to_enable_says_what_an_account_is_only_to_who_may_read_it() {
    let env = Env::new();
    let (server, s) = eng_lab(&env);
    let mgr = token(&env, &s, "eng/mgr");
    let unseen = |target: &str, prefix: &str| {
        format!(
            "{prefix}service account `eng/mgr` may not act as `{target}` to create key: what \
             `{target}` is needs a global grant that you do not hold, and you may not read \
             `{target}` to see which (ask an administrator who may read it)"
        )
    };
    for target in ["imp", "grp"] {
        let r = format!("eng/{target}");
        let enabling = format!("enabling `{r}` needs what adding a key to it does: ");
        let a = post(
            &env,
            &server,
            &mgr,
            &format!("/v1/namespaces/eng/serviceaccounts/{target}/enable"),
            None,
        );
        assert_eq!(a.status, 403, "{}", a.body);
        assert_eq!(
            a.json(),
            json!({
                "type": "urn:svcacct:problem:forbidden",
                "title": "Forbidden",
                "status": 403,
                "detail": unseen(&r, &enabling),
                "code": "forbidden",
                "action": "create",
                "resource": "key",
            })
        );
        let (code, out, err) = as_in_eng(&env, &server, "eng/mgr", &["enable", target]);
        assert_eq!(
            (code, out.as_str(), err),
            (3, "", format!("svcacct: {}\n", unseen(&r, &enabling)))
        );
        // Giving it a key: the same.
        let a = post(
            &env,
            &server,
            &mgr,
            &format!("/v1/namespaces/eng/serviceaccounts/{target}/keys"),
            Some(&json!({"publicKey": std::fs::read_to_string(env.path("k.key.pub")).unwrap()})),
        );
        assert_eq!(a.status, 403, "{}", a.body);
        assert_eq!(a.json()["detail"], unseen(&r, ""));
    }
    // A caller that may read the account is told which grant it lacks.
    let reader = token(&env, &s, "eng/reader");
    for (target, grant) in [("imp", "impersonate user"), ("grp", "update group")] {
        let a = post(
            &env,
            &server,
            &reader,
            &format!("/v1/namespaces/eng/serviceaccounts/{target}/enable"),
            None,
        );
        assert_eq!(a.status, 403, "{}", a.body);
        assert_eq!(
            a.json()["detail"],
            format!(
                "enabling `eng/{target}` needs what adding a key to it does: service account \
                 `eng/reader` may not {grant} globally: no policy allows it"
            )
        );
    }
}

/// The security review's finding 6 (issue 19, point 6): `namespace create` of a namespace that
/// exists is a 409 only to a caller that may `get` it; to one whose `GET /v1/namespaces` does
/// not show it, a 403 that does not say why (before the defaults are looked at).
#[test]
fn namespace_create_says_a_namespace_exists_only_to_who_may_get_it() {
    let env = Env::new();
    let (server, s) = eng_lab(&env);
    let (ops, admin) = (token(&env, &s, "eng/ops"), token(&env, &s, "admin"));
    let listed = curl(&env, &ops, "GET", &server.at("/v1/namespaces"), None, None);
    assert_eq!(listed.json()["items"], json!([]));
    let taken = "service account `eng/ops` may not create namespace `eng/secret-merger`: the \
                 name is not available to it (choose another name, or ask an administrator who \
                 may read namespace `eng/secret-merger`)";
    let a = post(
        &env,
        &server,
        &ops,
        "/v1/namespaces",
        Some(&json!({"name": "eng/secret-merger"})),
    );
    assert_eq!(
        (a.status, a.json()),
        (
            403,
            json!({
                "type": "urn:svcacct:problem:forbidden",
                "title": "Forbidden",
                "status": 403,
                "detail": taken,
                "code": "forbidden",
                "action": "create",
                "resource": "namespace",
            })
        )
    );
    let (code, out, err) = as_in_eng(
        &env,
        &server,
        "eng/ops",
        &["namespace", "create", "eng/secret-merger", "--no-defaults"],
    );
    assert_eq!(
        (code, out.as_str(), err),
        (3, "", format!("svcacct: {taken}\n"))
    );
    // A free name is created as before; the administrator is told the name is taken.
    let (code, out, err) = as_in_eng(
        &env,
        &server,
        "eng/ops",
        &["namespace", "create", "eng/fresh", "--no-defaults"],
    );
    assert_eq!(
        (code, out.as_str()),
        (0, "Created namespace: eng/fresh\n"),
        "{err}"
    );
    let a = post(
        &env,
        &server,
        &admin,
        "/v1/namespaces",
        Some(&json!({"name": "eng/secret-merger"})),
    );
    assert_eq!(a.status, 409, "{}", a.body);
    assert_eq!(
        a.json()["detail"],
        "namespace `eng/secret-merger` already exists (see `svcacct namespace get`)"
    );
}
