//! `svcacct config`: contexts in the config file, and how the selected one feeds every command.

mod common;

use common::Env;
use predicates::prelude::*;

fn config_text(env: &Env) -> String {
    std::fs::read_to_string(env.path(".config/svcacct/config.toml")).unwrap()
}

#[test]
fn set_use_and_list_contexts() {
    let env = Env::new();
    env.cmd(["config", "get-contexts"])
        .assert()
        .success()
        .stdout("")
        .stderr(predicate::str::starts_with("No contexts in "));
    std::fs::create_dir(env.path("keys")).unwrap();
    env.ok(["keygen", "-o", "keys/ci-bot.pem"]);
    assert_eq!(
        env.ok([
            "config",
            "set-context",
            "prod",
            "--store",
            "https://registry.example:8420",
            "--service-account",
            "ci-bot",
            "--jwt-private-key",
            "keys/ci-bot.pem",
            "-n",
            "eng",
        ]),
        "Context \"prod\" created.\n"
    );
    assert_eq!(
        env.ok([
            "config",
            "set-context",
            "laptop",
            "--store",
            "/srv/store",
            "--current"
        ]),
        "Context \"laptop\" created.\nSwitched to context \"laptop\".\n"
    );
    assert_eq!(
        env.ok(["config", "get-contexts"]),
        " CURRENT | NAME   | STORE                         | SERVICE ACCOUNT | NAMESPACE\n\
         ---------+--------+-------------------------------+-----------------+-----------\n \
         *       | laptop | /srv/store                    |                 |\n         \
         | prod   | https://registry.example:8420 | ci-bot          | eng\n"
    );
    assert_eq!(
        env.ok(["config", "get-contexts", "-o", "name"]),
        "laptop\nprod\n"
    );
    assert_eq!(env.ok(["config", "current-context"]), "laptop\n");
    // Relative paths are kept absolute.
    let home = env.home.path().display().to_string();
    let text = config_text(&env);
    assert!(
        text.contains(&format!("jwt-private-key = \"{home}/keys/ci-bot.pem\"")),
        "{text}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&env.ok(["config", "get-contexts", "-o", "json"])).unwrap();
    assert_eq!(json["kind"], "ContextList");
    assert_eq!(json["items"][1]["name"], "prod");
    assert_eq!(json["items"][1]["current"], false);
    assert_eq!(json["items"][1]["serviceAccount"], "ci-bot");
    assert_eq!(json["items"][0]["current"], true);

    assert_eq!(
        env.ok(["config", "use-context", "prod"]),
        "Switched to context \"prod\".\n"
    );
    assert_eq!(env.ok(["config", "current-context"]), "prod\n");
    // Changing a context keeps the settings that were not given.
    assert_eq!(
        env.ok(["config", "set-context", "prod", "-n", "ops"]),
        "Context \"prod\" modified.\n"
    );
    let text = config_text(&env);
    assert!(text.contains("namespace = \"ops\""), "{text}");
    assert!(text.contains("service-account = \"ci-bot\""), "{text}");
}

#[test]
fn the_environment_does_not_leak_into_set_context() {
    let env = Env::new();
    env.cmd(["config", "set-context", "ci"])
        .env("SVCACCT_STORE", "https://leak.example")
        .env("SVCACCT_SERVICE_ACCOUNT", "leaked")
        .env("SVCACCT_NAMESPACE", "leak")
        .env("SVCACCT_TOKEN_FILE", "/leak/token")
        .env("SVCACCT_CA_CERT", "/leak/ca.pem")
        .assert()
        .success()
        .stdout("Context \"ci\" created.\n");
    let text = config_text(&env);
    assert!(!text.contains("leak"), "{text}");
    assert_eq!(text, "[contexts.ci]\n");
}

#[test]
fn current_and_delete_context() {
    let env = Env::new();
    env.cmd(["config", "current-context"])
        .assert()
        .code(3)
        .stdout("")
        .stderr(predicate::str::starts_with(
            "svcacct: no current context is set in ",
        ));
    env.ok(["config", "set-context", "a", "--current"]);
    env.ok(["config", "set-context", "b"]);
    env.cmd(["config", "delete-context", "a"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("Deleted context \"a\" from "))
        .stderr("It was the current context; no context is current now.\n");
    env.cmd(["config", "current-context"]).assert().code(3);
    assert_eq!(env.ok(["config", "get-contexts", "-o", "name"]), "b\n");
    env.cmd(["config", "delete-context", "a"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown context `a`"))
        .stderr(predicate::str::contains("known: b"));
}

#[test]
fn unknown_contexts_and_bad_names_are_usage_errors() {
    let env = Env::new();
    env.ok(["config", "set-context", "dev", "--store", "store"]);
    env.cmd(["config", "use-context", "prod"])
        .assert()
        .code(2)
        .stderr(predicate::str::starts_with(
            "svcacct: unknown context `prod` in ",
        ))
        .stderr(predicate::str::contains(
            "(known: dev; see `svcacct config get-contexts`)",
        ));
    env.cmd(["--context", "prod", "get"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown context `prod`"));
    env.cmd(["get"])
        .env("SVCACCT_CONTEXT", "nope")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown context `nope`"));
    env.cmd(["config", "set-context", "Prod"])
        .assert()
        .code(2)
        .stderr(predicate::str::starts_with(
            "svcacct: invalid context name `Prod`",
        ));
    env.cmd([
        "config",
        "set-context",
        "x",
        "--store",
        "http://registry.example:8420",
    ])
    .assert()
    .code(2)
    .stderr(predicate::str::contains("use https://"));
}

#[test]
fn the_selected_context_picks_the_store() {
    let env = Env::new();
    env.ok([
        "config",
        "set-context",
        "one",
        "--store",
        "one",
        "--current",
    ]);
    env.ok([
        "config",
        "set-context",
        "two",
        "--store",
        "two",
        "-n",
        "eng",
    ]);
    env.ok(["create", "bot"]);
    assert!(env.path("one").is_dir());
    env.ok([
        "--context",
        "two",
        "namespace",
        "create",
        "eng",
        "--no-defaults",
    ]);
    env.ok(["--context", "two", "create", "other"]);
    assert!(env.path("two").is_dir());
    // The context's namespace applies.
    assert_eq!(
        env.ok(["--context", "two", "get", "-o", "name"]),
        "eng/other\n"
    );
    // A flag beats the context; the environment too.
    assert_eq!(
        env.ok([
            "--context",
            "two",
            "get",
            "-A",
            "-o",
            "name",
            "--store",
            "one"
        ]),
        "bot\n"
    );
    let out = env
        .cmd(["get", "-A", "-o", "name"])
        .env("SVCACCT_STORE", env.path("two"))
        .output()
        .unwrap();
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "eng/other\n");
}

#[test]
fn view_prints_the_settings_and_keeps_comments_when_editing() {
    let env = Env::new();
    let path = env.path(".config/svcacct/config.toml");
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(
        &path,
        "# team defaults\nnamespace = \"eng\" # ours\n\n# prod\n[contexts.prod]\nstore = \"https://prod.example\"\n",
    )
    .unwrap();
    env.ok(["config", "set-context", "dev", "--store", "/srv/dev"]);
    env.ok(["config", "use-context", "dev"]);
    let text = config_text(&env);
    assert!(text.starts_with("# team defaults\n"), "{text}");
    assert!(text.contains("namespace = \"eng\" # ours"), "{text}");
    assert!(text.contains("# prod\n[contexts.prod]"), "{text}");
    assert_eq!(
        env.ok(["config", "view"]),
        "current-context = \"dev\"\nnamespace = \"eng\"\n\n[contexts.dev]\nstore = \"/srv/dev\"\n\n\
         [contexts.prod]\nstore = \"https://prod.example\"\n"
    );
    let json: serde_json::Value =
        serde_json::from_str(&env.ok(["config", "view", "-o", "json"])).unwrap();
    assert_eq!(json["current-context"], "dev");
    assert_eq!(json["namespace"], "eng");
    assert_eq!(json["contexts"]["prod"]["store"], "https://prod.example");
    // An explicit --config file works the same.
    env.ok(["--config", "other.toml", "config", "set-context", "x"]);
    assert_eq!(
        std::fs::read_to_string(env.path("other.toml")).unwrap(),
        "[contexts.x]\n"
    );
}

#[test]
fn a_remote_store_without_credentials_names_the_flags() {
    let env = Env::new();
    env.cmd(["--store", "http://127.0.0.1:1", "get"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--service-account REF"))
        .stderr(predicate::str::contains("--token-file FILE"));
    // With a token, an unreachable server is named.
    std::fs::write(env.path("token"), "a.b.c\n").unwrap();
    env.cmd([
        "--store",
        "http://127.0.0.1:1",
        "--token-file",
        "token",
        "get",
    ])
    .assert()
    .code(3)
    .stderr(predicate::str::starts_with(
        "svcacct: cannot reach the svcacct server at http://127.0.0.1:1: ",
    ))
    .stderr(predicate::str::contains("a.b.c").not());
    env.cmd(["--store", "http://10.0.0.1:8420", "get"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("use https://"));
}

#[test]
fn whoami_with_a_local_store_says_who_the_token_would_be() {
    let env = Env::new();
    env.ok(["namespace", "create", "eng", "--no-defaults"]);
    env.ok(["create", "bot", "-n", "eng", "--group", "builders"]);
    let out = env.ok(["--service-account", "eng/bot", "whoami"]);
    assert!(out.starts_with("Account:    eng/bot\n"), "{out}");
    assert!(
        out.contains("Username:   system:serviceaccount:eng:bot\n"),
        "{out}"
    );
    assert!(
        out.contains("Groups:     system:serviceaccounts, system:serviceaccounts:eng, builders\n"),
        "{out}"
    );
    assert!(out.contains("Namespace:  eng\n"), "{out}");
    assert!(out.contains("Key:        "), "{out}");
    let json: serde_json::Value =
        serde_json::from_str(&env.ok(["whoami", "-o", "json", "--service-account", "eng/bot"]))
            .unwrap();
    assert_eq!(json["account"], "eng/bot");
    assert_eq!(json["algorithm"], "RS256");
    env.cmd(["whoami"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--service-account REF"));
}
