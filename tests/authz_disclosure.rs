//! What a refusal tells the caller (issue 19, point 5), through a running `svcacct serve`, with
//! curl (a client nobody here wrote) and with the CLI: a refusal names a policy or its namespace
//! only to a caller that may `get` that policy.

mod common;

use std::process::Command;

use common::{Env, Server};
use serde_json::{Value, json};

/// A curl answer: status and body.
struct Answer {
    status: u16,
    body: String,
}

impl Answer {
    fn json(&self) -> Value {
        json_of(&self.body)
    }
}

fn json_of(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("not JSON ({e}): {text}"))
}

/// `curl -X METHOD` with a bearer token and, when given, a JSON body.
fn curl(token: &str, method: &str, url: &str, body: Option<&Value>) -> Answer {
    let auth = format!("Authorization: Bearer {token}");
    let mut args: Vec<String> = [
        "-sS",
        "--max-time",
        "20",
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
    args.push(url.to_owned());
    let out = Command::new("curl")
        .args(&args)
        .output()
        .expect("curl is installed");
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let (body, status) = text.rsplit_once('\n').unwrap_or(("", &text));
    Answer {
        status: status.trim().parse().unwrap_or(0),
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
        &owner_token,
        "POST",
        &server.at("/v1/namespaces/eng/serviceaccounts"),
        Some(&json!({
            "name": "probe",
            "publicKeys": [std::fs::read_to_string(env.path("k.key.pub")).unwrap()],
        })),
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
