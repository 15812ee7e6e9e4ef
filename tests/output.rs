//! kubectl's output options (issue 16): `-o yaml`, `-o jsonpath=`, `-o custom-columns=`,
//! `--no-headers`, `--sort-by`, `can-i -o json`, on a local store and through `svcacct serve`;
//! and `svcacct version` with `GET /version`.

mod common;

use std::path::{Path, PathBuf};

use common::{Env, Server, run_python};

/// `HOME/srv`: admin (+ `admin-all`), ci-bot, web and eng/builder, and policy `deployers`.
fn registry(env: &Env) -> PathBuf {
    let srv = env.path("srv");
    env.bootstrap(&srv);
    let s = srv.to_str().unwrap();
    for args in [
        vec![
            "create",
            "ci-bot",
            "--bits",
            "2048",
            "--group",
            "deployers",
            "--description",
            "CI pipeline",
        ],
        vec![
            "create",
            "web",
            "--bits",
            "2048",
            "--description",
            "Web frontend",
        ],
        vec!["namespace", "create", "eng", "--no-defaults"],
        vec![
            "create",
            "eng/builder",
            "--bits",
            "2048",
            "--group",
            "builders",
            "--description",
            "Image builder",
        ],
        vec![
            "policy",
            "create",
            "deployers",
            "--subject",
            "ci-bot",
            "--action",
            "deploy",
            "--resource",
            "function",
        ],
    ] {
        let mut argv = vec!["--store", s];
        argv.extend(args);
        env.ok(argv);
    }
    srv
}

/// Where a command runs: the folder itself, or a server on it as `admin`.
enum At<'a> {
    Local(&'a Path),
    Remote(&'a Server),
}

impl At<'_> {
    fn args<'a>(&'a self, args: &[&'a str]) -> Vec<&'a str> {
        let mut v = match self {
            At::Local(p) => vec!["--store", p.to_str().unwrap()],
            At::Remote(s) => vec!["--store", s.url.as_str(), "--service-account", "admin"],
        };
        v.extend_from_slice(args);
        v
    }
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

fn ok(env: &Env, at: &At, args: &[&str]) -> String {
    let (code, out, err) = run(env, &at.args(args));
    assert_eq!(code, 0, "{args:?}: {err}");
    out
}

/// The examples of Kubernetes' JSONPath documentation, applied to `get -A`'s list.
const JSONPATH_GOLDENS: &[(&str, &str)] = &[
    ("{.kind}", "ServiceAccountList"),
    ("{['kind']}", "ServiceAccountList"),
    ("{.items[*].name}", "admin ci-bot web builder"),
    ("{.items[0].name}", "admin"),
    ("{.items[-1:].reference}", "eng/builder"),
    ("{.items[1:3].name}", "ci-bot web"),
    (
        "{.items[*]['name', 'namespace']}",
        "admin ci-bot web builder default default default eng",
    ),
    (
        r#"{.items[?(@.namespace=="eng")].reference}"#,
        "eng/builder",
    ),
    (
        r#"{.items[?(@.description=="CI pipeline")].name}"#,
        "ci-bot",
    ),
    (
        r#"{.items[?(@.keys[0].bits<3072)].name}"#,
        "ci-bot web builder",
    ),
    (
        "{..username}",
        "system:serviceaccount:default:admin system:serviceaccount:default:ci-bot \
         system:serviceaccount:default:web system:serviceaccount:eng:builder",
    ),
    (
        "{range .items[*]}[{.reference}, {.groups}] {end}",
        r#"[admin, []] [ci-bot, ["deployers"]] [web, []] [eng/builder, ["builders"]] "#,
    ),
    (
        r#"{range .items[*]}{.reference}{"\t"}{.description}{"\n"}{end}"#,
        "admin\t\nci-bot\tCI pipeline\nweb\tWeb frontend\neng/builder\tImage builder\n",
    ),
    (
        "{range .items[*]}{.name}{'\\t'}{.keys[*].bits}{'\\n'}{end}",
        "admin\t3072\nci-bot\t2048\nweb\t2048\nbuilder\t2048\n",
    ),
    (
        "the accounts: {.items[*].status}",
        "the accounts: active active active active",
    ),
];

const COLUMNS: &str =
    "custom-columns=REF:.reference,GROUPS:.groups[*],DESCRIPTION:{.description},NONE:.nothing";

const COLUMNS_GOLDEN: &str = "\
REF           GROUPS      DESCRIPTION     NONE
admin         <none>                      <none>
eng/builder   builders    Image builder   <none>
ci-bot        deployers   CI pipeline     <none>
web           <none>      Web frontend    <none>
";

fn formats_at(env: &Env, at: &At) {
    for (template, want) in JSONPATH_GOLDENS {
        let format = format!("jsonpath={template}");
        assert_eq!(
            ok(env, at, &["get", "-A", "-o", &format]),
            *want,
            "{template}"
        );
    }
    assert_eq!(
        ok(env, at, &["get", "-A", "-o", COLUMNS, "--sort-by=.name"]),
        COLUMNS_GOLDEN
    );
    assert_eq!(
        ok(
            env,
            at,
            &[
                "get",
                "-A",
                "-o",
                COLUMNS,
                "--sort-by",
                "{.name}",
                "--no-headers"
            ]
        ),
        COLUMNS_GOLDEN.split_once('\n').unwrap().1
    );
    // A single record: one row.
    assert_eq!(
        ok(
            env,
            at,
            &[
                "get",
                "ci-bot",
                "-o",
                "custom-columns=NAME:name,KEYS:.keys[*].bits"
            ]
        ),
        "NAME     KEYS\nci-bot   2048\n"
    );
    // Sorting orders every format, the table and names too.
    assert_eq!(
        ok(env, at, &["get", "-A", "-o", "name", "--sort-by=.name"]),
        "admin\neng/builder\nci-bot\nweb\n"
    );
    assert_eq!(
        ok(
            env,
            at,
            &[
                "get",
                "-A",
                "-o",
                "jsonpath={.items[*].name}",
                "--sort-by=.description"
            ]
        ),
        "admin ci-bot builder web"
    );
    assert_eq!(
        ok(
            env,
            at,
            &["policy", "get", "-A", "-o", "name", "--sort-by=.name"]
        ),
        "admin-all\ndeployers\n"
    );
    // --no-headers on a table.
    assert_eq!(
        ok(env, at, &["can-i", "--list", "--as", "ci-bot"]),
        " ACTIONS | RESOURCES | NAMESPACES         | POLICY\n\
         ---------+-----------+--------------------+-----------\n \
         deploy  | function  | default, default/* | deployers\n"
    );
    assert_eq!(
        ok(
            env,
            at,
            &["can-i", "--list", "--as", "ci-bot", "--no-headers"]
        ),
        " deploy | function | default, default/* | deployers\n"
    );
}

#[test]
fn jsonpath_custom_columns_no_headers_and_sort_by_locally() {
    let env = Env::new();
    let srv = registry(&env);
    formats_at(&env, &At::Local(&srv));
}

#[test]
fn jsonpath_custom_columns_no_headers_and_sort_by_through_a_server() {
    let env = Env::new();
    let srv = registry(&env);
    let server = env.serve(&srv, &[]);
    formats_at(&env, &At::Remote(&server));
}

/// Each command that prints records, in json and yaml: PyYAML reads the yaml as the json.
fn yaml_is_json_at(env: &Env, at: &At, commands: &[Vec<&str>]) {
    let dir = tempfile::tempdir().unwrap();
    let mut files = vec![];
    for (i, command) in commands.iter().enumerate() {
        let mut pair = vec![];
        for format in ["json", "yaml"] {
            let mut args = command.clone();
            args.extend(["-o", format]);
            let (_, out, err) = run(env, &at.args(&args));
            assert!(!out.is_empty(), "{args:?}: {err}");
            // `whoami` mints its own token each run: its times may cross a second between the
            // two runs (the Python below leaves them out for these files).
            let kind = if command.contains(&"whoami") {
                "whoami."
            } else {
                ""
            };
            let path = dir.path().join(format!("{i}.{kind}{format}"));
            std::fs::write(&path, &out).unwrap();
            pair.push(path.to_str().unwrap().to_owned());
        }
        let yaml = std::fs::read_to_string(&pair[1]).unwrap();
        assert!(
            !yaml.starts_with('{') && !yaml.contains("\n}"),
            "{command:?}: YAML, not JSON: {yaml}"
        );
        files.extend(pair);
    }
    let args: Vec<&str> = files.iter().map(String::as_str).collect();
    let checked = run_python(
        "import json, sys, yaml\n\
         names = sys.argv[1:]\n\
         for j, y in zip(names[::2], names[1::2]):\n\
         \x20   a = json.load(open(j)); b = yaml.safe_load(open(y))\n\
         \x20   if '.whoami.' in j:\n\
         \x20       for d in (a, b): d.pop('issuedAt'); d.pop('expiresAt')\n\
         \x20   assert a == b, (j, a, b)\n\
         print(len(names) // 2)\n",
        &args,
    );
    assert_eq!(checked.trim(), commands.len().to_string());
}

#[test]
fn yaml_of_each_record_kind_reads_back_as_its_json() {
    let env = Env::new();
    let srv = registry(&env);
    let s = srv.to_str().unwrap();
    env.ok(["--store", s, "issuer", "init"]);
    env.ok(["--store", s, "tokens", "create", "web", "laptop"]);
    let token = env.ok(["--store", s, "token", "ci-bot"]);
    let token = token.trim();
    env.ok([
        "config",
        "set-context",
        "here",
        "--store",
        s,
        "--service-account",
        "ci-bot",
        "-n",
        "eng",
    ]);
    let commands: Vec<Vec<&str>> = vec![
        vec!["get", "-A"],
        vec!["get", "ci-bot"],
        vec!["describe", "ci-bot"],
        vec!["policy", "get", "-A"],
        vec!["policy", "describe", "deployers"],
        vec!["key", "list", "ci-bot"],
        vec!["namespace", "get"],
        vec!["namespace", "get", "eng"],
        vec!["tokens", "list", "web"],
        vec!["config", "get-contexts"],
        vec!["verify", token],
        vec!["can-i", "deploy", "function", "--as", "ci-bot"],
        vec!["can-i", "--list", "--as", "ci-bot"],
        vec!["--service-account", "ci-bot", "whoami"],
        vec!["issuer", "get"],
        vec!["jwks", "ci-bot"],
        vec!["jwks", "--issuer"],
        vec!["version"],
    ];
    yaml_is_json_at(&env, &At::Local(&srv), &commands);

    // Through a server, the same documents.
    let server = env.serve(&srv, &[]);
    let remote: Vec<Vec<&str>> = commands
        .into_iter()
        .filter(|c| c[0] != "config" && c[0] != "--service-account")
        .chain([vec!["whoami"]])
        .collect();
    yaml_is_json_at(&env, &At::Remote(&server), &remote);

    // The exact YAML of one answer.
    assert_eq!(
        ok(
            &env,
            &At::Local(&srv),
            &[
                "can-i", "deploy", "function", "--as", "ci-bot", "-o", "yaml"
            ]
        ),
        "allowed: true\naccount: ci-bot\naction: deploy\nresource: function\n\
         namespace: default\npolicy: deployers\n"
    );
}

#[test]
fn text_from_the_store_is_escaped_in_yaml_jsonpath_and_columns() {
    let env = Env::new();
    let srv = registry(&env);
    let s = srv.to_str().unwrap();
    env.ok([
        "--store",
        s,
        "update",
        "web",
        "--description",
        "txt\u{202e}exe yes",
    ]);
    let at = At::Local(&srv);
    let yaml = ok(&env, &at, &["get", "web", "-o", "yaml"]);
    assert!(
        yaml.contains("\ndescription: \"txt\\u202Eexe yes\"\n"),
        "{yaml}"
    );
    assert_eq!(
        ok(&env, &at, &["get", "web", "-o", "jsonpath={.description}"]),
        "txt\\u{202e}exe yes"
    );
    assert_eq!(
        ok(
            &env,
            &at,
            &["get", "web", "-o", "custom-columns=D:.description"]
        ),
        "D\ntxt\\u{202e}exe yes\n"
    );
    let back = run_python(
        "import sys, yaml; print(ascii(yaml.safe_load(sys.argv[1])['description']))",
        &[&yaml],
    );
    assert_eq!(back.trim(), "'txt\\u202eexe yes'");
}

/// (exit code, stdout, stderr) of a refused format: exit 2, nothing on stdout.
fn refused(env: &Env, srv: &Path, args: &[&str]) -> String {
    let (code, out, err) = run(env, &At::Local(srv).args(args));
    assert_eq!((code, out.as_str()), (2, ""), "{args:?}: {err}");
    err
}

#[test]
fn bad_templates_columns_and_paths_are_usage_errors() {
    let env = Env::new();
    let srv = registry(&env);
    let before = env.store_snapshot();
    for (args, err) in [
        (
            vec!["get", "-o", "jsonpath={.items["],
            "error: invalid jsonpath template \"{.items[\": unclosed [: a `[` without its `]`\n",
        ),
        (
            vec!["get", "-o", "jsonpath={.items[*].name"],
            "error: invalid jsonpath template \"{.items[*].name\": unclosed action: a `{` without its `}`\n",
        ),
        (
            vec!["get", "-o", "jsonpath={range .items[*]}{end}{end}"],
            "error: invalid jsonpath template \"{range .items[*]}{end}{end}\": not in range, \
             nothing to end\n",
        ),
        (
            vec!["get", "-o", "jsonpath"],
            "error: -o jsonpath needs a template: -o jsonpath='{.items[*].name}'\n",
        ),
        (
            vec!["get", "-o", "custom-columns=NAME"],
            "error: invalid custom-columns spec \"NAME\": expected HEADER:PATH, e.g. NAME:.name\n",
        ),
        (
            vec!["get", "-o", "custom-columns=NAME:.items["],
            "error: invalid custom-columns path \".items[\" of column NAME: unclosed [: a `[` without its `]`\n",
        ),
        (
            vec!["get", "-o", "xml"],
            "error: unknown output format \"xml\": use table, wide, json, yaml, name, \
             jsonpath=TEMPLATE or custom-columns=HEADER:PATH,…\n",
        ),
        (
            vec!["get", "--sort-by", "{.a}{.b}"],
            "error: invalid --sort-by path \"{.a}{.b}\": expected a path like 'name1.name2', \
             '.name1.name2', '{name1.name2}' or '{.name1.name2}'\n",
        ),
        (
            vec!["jwks", "ci-bot", "-o", "table"],
            "error: this command prints a document: -o json, yaml, jsonpath=TEMPLATE or \
             custom-columns=HEADER:PATH,…, not table\n",
        ),
        (
            vec!["get", "-A", "-o", "jsonpath={.items[9].name}"],
            "svcacct: error executing jsonpath \"{.items[9].name}\": array index out of bounds: \
             index 9, length 4\n",
        ),
        (
            vec!["get", "-A", "--sort-by=.nothing"],
            "svcacct: --sort-by: couldn't find any field with path \".nothing\" in the list of \
             objects\n",
        ),
        (
            vec!["get", "-A", "--sort-by=.keys", "-o", "name"],
            "svcacct: --sort-by \".keys\": unsortable type: object\n",
        ),
    ] {
        assert_eq!(refused(&env, &srv, &args), err, "{args:?}");
    }
    assert_eq!(env.store_snapshot(), before);
}

#[test]
fn can_i_answers_in_json_locally_and_through_a_server() {
    let env = Env::new();
    let srv = registry(&env);
    let server = env.serve(&srv, &[]);
    let yes = "{\n  \"allowed\": true,\n  \"account\": \"ci-bot\",\n  \"action\": \"deploy\",\n  \
               \"resource\": \"function\",\n  \"namespace\": \"default\",\n  \"policy\": \"deployers\"\n}\n";
    let no = "{\n  \"allowed\": false,\n  \"account\": \"web\",\n  \"action\": \"deploy\",\n  \
              \"resource\": \"function\",\n  \"namespace\": \"default\",\n  \"reason\": \
              \"no policy allows `web` to deploy function in namespace `default`\"\n}\n";
    for at in [At::Local(&srv), At::Remote(&server)] {
        assert_eq!(
            run(
                &env,
                &at.args(&[
                    "can-i", "deploy", "function", "--as", "ci-bot", "-o", "json"
                ])
            ),
            (0, yes.to_owned(), String::new())
        );
        let (code, out, _) = run(
            &env,
            &at.args(&["can-i", "deploy", "function", "--as", "web", "-o", "json"]),
        );
        assert_eq!((code, out.as_str()), (1, no));
        // -q still prints nothing.
        assert_eq!(
            run(
                &env,
                &at.args(&[
                    "can-i", "deploy", "function", "--as", "ci-bot", "-q", "-o", "json"
                ])
            ),
            (0, String::new(), String::new())
        );
    }
    // A disabled account: the local answer is the server's, word for word.
    env.ok(["--store", srv.to_str().unwrap(), "disable", "ci-bot"]);
    let ask = [
        "can-i", "deploy", "function", "--as", "ci-bot", "-o", "json", "--global",
    ];
    let local = run(&env, &At::Local(&srv).args(&ask));
    assert_eq!(local, run(&env, &At::Remote(&server).args(&ask)));
    assert_eq!(
        local,
        (
            1,
            "{\n  \"allowed\": false,\n  \"account\": \"ci-bot\",\n  \"action\": \"deploy\",\n  \
             \"resource\": \"function\",\n  \"reason\": \"service account `ci-bot` is disabled\"\n}\n"
                .to_owned(),
            String::new()
        )
    );
}

/// What `version` must say about this build: git's commit and Cargo.lock's aws-lc-rs.
fn this_build() -> (String, String) {
    let root = env!("CARGO_MANIFEST_DIR");
    let commit = std::process::Command::new("git")
        .args(["-C", root, "rev-parse", "--short=12", "HEAD"])
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| String::from_utf8(o.stdout).unwrap().trim().to_owned())
        .unwrap_or_else(|| "unknown".into());
    let lock = std::fs::read_to_string(Path::new(root).join("Cargo.lock")).unwrap();
    let key = "name = \"aws-lc-rs\"\nversion = \"";
    let at = lock.find(key).unwrap() + key.len();
    let version = &lock[at..at + lock[at..].find('"').unwrap()];
    (commit, format!("aws-lc-rs {version}"))
}

#[test]
fn version_locally_through_a_server_and_with_the_server_down() {
    let env = Env::new();
    let (commit, crypto) = this_build();
    assert_eq!(commit.len(), 12, "built in a git checkout");
    let client = format!(
        "Client Version:  {}\nClient Commit:   {commit}\nClient Crypto:   {crypto}\n",
        env!("CARGO_PKG_VERSION")
    );
    assert_eq!(run(&env, &["version"]), (0, client.clone(), String::new()));
    let build = format!(
        "{{\n    \"version\": \"{}\",\n    \"commit\": \"{commit}\",\n    \"crypto\": \"{crypto}\"\n  }}",
        env!("CARGO_PKG_VERSION")
    );
    assert_eq!(
        env.ok(["version", "-o", "json"]),
        format!("{{\n  \"clientVersion\": {build}\n}}\n")
    );

    // A server answers `GET /version` to anyone; the client sends no credentials (none exist
    // in this HOME).
    let srv = env.path("srv");
    env.ok([
        "--store",
        srv.to_str().unwrap(),
        "namespace",
        "create",
        "eng",
    ]);
    let mut server = env.serve(&srv, &[]);
    let (status, body) = common::curl(&[&server.at("/version")]);
    assert_eq!(status, 200, "{body}");
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&body).unwrap(),
        serde_json::json!({"version": env!("CARGO_PKG_VERSION"), "commit": commit, "crypto": crypto})
    );
    let url = server.url.clone();
    assert_eq!(
        env.ok(["--store", &url, "version", "-o", "json"]),
        format!("{{\n  \"clientVersion\": {build},\n  \"serverVersion\": {build}\n}}\n")
    );
    let both = format!(
        "{client}Server Version:  {}\nServer Commit:   {commit}\nServer Crypto:   {crypto}\n",
        env!("CARGO_PKG_VERSION")
    );
    assert_eq!(
        run(&env, &["--store", &url, "version"]),
        (0, both, String::new())
    );
    // Asked without a token: the log names no account.
    assert!(
        server.log().contains(" GET /version 200 - "),
        "{}",
        server.log()
    );

    // The server gone: the client's part, an error line for the server, exit 3.
    server.terminate(30);
    let (code, out, err) = run(&env, &["--store", &url, "version"]);
    assert_eq!((code, out), (3, client.clone()));
    assert!(
        err.starts_with(&format!(
            "svcacct: the server's version: cannot reach the svcacct server at {url}"
        )),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
    // `--client`: the client alone, no request (kubectl's `version --client`).
    assert_eq!(
        run(&env, &["--store", &url, "version", "--client"]),
        (0, client, String::new())
    );
}

/// `keygen -o` is `--out`, the private key's file: a kubectl user's `-o json` (or any output
/// format name) is refused, saying so, and writes nothing; `-o FILE` still writes the key.
#[test]
fn keygen_dash_o_is_the_key_file_not_a_format() {
    let env = Env::new();
    for format in ["json", "yaml", "name", "wide", "jsonpath={.kid}"] {
        let (code, out, err) = run(&env, &["keygen", "-o", format, "--bits", "2048"]);
        assert_eq!(
            (code, out.as_str(), err),
            (
                2,
                "",
                format!(
                    "svcacct: keygen's -o is --out, the file the private key is written to, not \
                     an output format: `-o {format}` would write the key to a file named \
                     {format}. Pass --out FILE (a file of that name: --out ./{format})\n"
                )
            ),
            "-o {format}"
        );
        assert!(!env.path(format).exists(), "-o {format} wrote a file");
    }
    env.ok(["keygen", "-o", "k.pem", "--bits", "2048"]);
    assert!(
        std::fs::read_to_string(env.path("k.pem"))
            .unwrap()
            .starts_with("-----BEGIN PRIVATE KEY-----\n")
    );
    assert!(env.path("k.pem.pub").exists());
    env.ok(["keygen", "--out", "./json", "--bits", "2048"]);
    assert!(env.path("json").exists());
}

/// Each item of `tokens list`, `key list` and `config get-contexts` in json and yaml has its
/// `kind`, as accounts, policies and namespaces have theirs, and so do the record `tokens
/// create|rename -o json` prints and the items of the API's token and key lists (issue 16);
/// the stored token record has none.
#[test]
fn token_key_and_context_items_have_a_kind() {
    let env = Env::new();
    let srv = registry(&env);
    let s = srv.to_str().unwrap();
    env.ok(["--store", s, "tokens", "create", "web", "laptop"]);
    env.ok(["config", "set-context", "here", "--store", s]);
    let server = env.serve(&srv, &[]);
    let kid = ok(
        &env,
        &At::Local(&srv),
        &["key", "list", "web", "-o", "name"],
    );
    let kinds = r#"jsonpath={range .items[*]}{.kind}/{.name}{"\n"}{end}"#;
    let key_kinds = r#"jsonpath={range .items[*]}{.kind}/{.kid}{"\n"}{end}"#;
    for at in [At::Local(&srv), At::Remote(&server)] {
        assert_eq!(
            ok(&env, &at, &["tokens", "list", "web", "-o", kinds]),
            "Token/laptop\n"
        );
        assert_eq!(
            ok(&env, &at, &["key", "list", "web", "-o", key_kinds]),
            format!("Key/{kid}")
        );
        let dry = ok(
            &env,
            &at,
            &[
                "tokens",
                "create",
                "web",
                "phone",
                "--dry-run",
                "-o",
                "json",
            ],
        );
        let dry: serde_json::Value = serde_json::from_str(&dry).unwrap();
        assert_eq!(
            (&dry["kind"], &dry["name"]),
            (&"Token".into(), &"phone".into())
        );
    }
    let renamed = ok(
        &env,
        &At::Remote(&server),
        &["tokens", "rename", "web", "laptop", "desk", "-o", "yaml"],
    );
    assert!(
        renamed.starts_with("kind: Token\nname: desk\n"),
        "{renamed}"
    );
    assert_eq!(
        ok(
            &env,
            &At::Local(&srv),
            &["config", "get-contexts", "-o", kinds]
        ),
        "Context/here\n"
    );
    // The API's items, which older clients read as before (they ignore `kind`).
    let token = env.ok(["--store", s, "token", "admin"]);
    let bearer = format!("Authorization: Bearer {}", token.trim());
    for (path, want) in [
        ("tokens", r#"[{"kind":"Token","name":"desk"}]"#.to_owned()),
        (
            "keys",
            format!(r#"[{{"kind":"Key","kid":"{}"}}]"#, kid.trim()),
        ),
    ] {
        let url = server.at(&format!(
            "/v1/namespaces/default/serviceaccounts/web/{path}"
        ));
        let (status, body) = common::curl(&["-H", &bearer, &url]);
        assert_eq!(status, 200, "{body}");
        let body: serde_json::Value = serde_json::from_str(&body).unwrap();
        let items: Vec<serde_json::Value> = body["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| {
                let id = if path == "keys" { "kid" } else { "name" };
                serde_json::json!({"kind": i["kind"], id: i[id]})
            })
            .collect();
        assert_eq!(serde_json::to_string(&items).unwrap(), want);
    }
    let stored = std::fs::read_to_string(srv.join("tokens/default/web.toml")).unwrap();
    assert!(!stored.contains("kind"), "{stored}");
}

/// `jwks --sort-by` orders the set's keys, as `--sort-by` orders `key list`'s items (issue 16),
/// locally and through a server; a path no key has is the error `key list` gives.
#[test]
fn jwks_sort_by_orders_the_keys() {
    let env = Env::new();
    let srv = registry(&env);
    let s = srv.to_str().unwrap();
    // Two more keys, so that there is an order to give.
    let add = ["key", "add", "web", "--generate", "--bits", "2048"];
    for _ in 0..2 {
        env.ok([&["--store", s][..], &add].concat());
    }
    let server = env.serve(&srv, &[]);
    let mut kids: Vec<String> = ok(
        &env,
        &At::Local(&srv),
        &["key", "list", "web", "-o", "name"],
    )
    .lines()
    .map(str::to_owned)
    .collect();
    kids.sort();
    let rows: String = kids.iter().map(|k| format!("{k} RS256\n")).collect();
    for at in [At::Local(&srv), At::Remote(&server)] {
        assert_eq!(
            ok(
                &env,
                &at,
                &[
                    "jwks",
                    "web",
                    "--sort-by=.kid",
                    "-o",
                    "jsonpath={.keys[*].kid}"
                ]
            ),
            kids.join(" ")
        );
        assert_eq!(
            ok(
                &env,
                &at,
                &[
                    "jwks",
                    "web",
                    "-o",
                    r#"jsonpath={range .keys[*]}{.kid} {.alg}{"\n"}{end}"#,
                    "--sort-by",
                    "{.kid}",
                ]
            ),
            rows
        );
    }
    let (code, out, err) = run(
        &env,
        &At::Local(&srv).args(&["jwks", "web", "--sort-by=.nothing"]),
    );
    assert_eq!(
        (code, out.as_str(), err.as_str()),
        (
            2,
            "",
            "svcacct: --sort-by: couldn't find any field with path \".nothing\" in the list of \
             objects\n"
        )
    );
}
