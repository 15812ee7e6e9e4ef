use std::path::{Path, PathBuf};

use super::precedence::Layers;
use super::*;
use crate::cli::GlobalArgs;

fn ctx(passphrase_file: Option<PathBuf>) -> Context {
    Context {
        store_location: StoreLocation::Local(PathBuf::from("/nonexistent")),
        store_source: None,
        keystore_path: PathBuf::from("/nonexistent"),
        namespace: Namespace::default_ns(),
        max_token_lifetime: DEFAULT_MAX_TOKEN_LIFETIME,
        max_token_lifetime_source: String::new(),
        token_reuse: false,
        token_reuse_fraction: crate::token::reuse::DEFAULT_FRACTION,
        passphrase_file,
        passphrase_file_source: "the file named by --passphrase-file".to_owned(),
        jwt_private_key_flag: None,
        jwt_private_key: None,
        jwt_private_key_account: None,
        credentials: Credentials::None,
        ca_cert: None,
        issuer_kek_file: None,
        context_name: None,
        config_path: None,
        command_line: CommandLine::default(),
        stdout_is_terminal: false,
        stdin_is_terminal: false,
        store: StoreCell::default(),
    }
}

#[test]
fn passphrase_file_first_line() {
    let d = tempfile::tempdir().unwrap();
    let p = d.path().join("pass");
    std::fs::write(&p, "two words\r\nignored\n").unwrap();
    assert_eq!(
        ctx(Some(p.clone()))
            .passphrase("k", false)
            .unwrap()
            .as_str(),
        "two words"
    );
    std::fs::write(&p, "\n").unwrap();
    let err = ctx(Some(p.clone())).passphrase("k", false).unwrap_err();
    assert!(format!("{err:#}").contains("is empty"), "{err:#}");
    let err = ctx(Some(d.path().join("MyS3cretPassphrase")))
        .passphrase("k", false)
        .unwrap_err();
    assert_eq!(
        format!("{err:#}"),
        "cannot read the file named by --passphrase-file: No such file or directory (os \
         error 2)"
    );
}

#[test]
fn config_file_rejects_unknown_settings() {
    let d = tempfile::tempdir().unwrap();
    let p = d.path().join("config.toml");
    std::fs::write(&p, "namespace = \"eng\"\nmax-token-lifetime = \"30m\"\n").unwrap();
    let (cfg, path) = load_config(Some(&p)).unwrap();
    assert_eq!(cfg.namespace.as_deref(), Some("eng"));
    assert_eq!(path.as_deref(), Some(p.as_path()));
    std::fs::write(&p, "passphrase = \"secret\"\n").unwrap();
    let err = load_config(Some(&p)).unwrap_err();
    assert!(
        format!("{err:#}").contains("unknown field `passphrase`"),
        "{err:#}"
    );
    assert!(!format!("{err:#}").contains("secret"), "{err:#}");
}

fn global(args: &[&str]) -> (GlobalArgs, CommandLine) {
    use clap::{CommandFactory, FromArgMatches};
    let mut argv = vec!["svcacct"];
    argv.extend_from_slice(args);
    argv.push("whoami");
    let m = crate::cli::Cli::command()
        .try_get_matches_from(argv)
        .unwrap();
    let cli = crate::cli::Cli::from_arg_matches(&m).unwrap();
    (cli.global, CommandLine::from_matches(&m))
}

fn config() -> ConfigFile {
    toml::from_str(
        r#"
        current-context = "prod"
        store = "/cfg/store"
        namespace = "cfgns"
        service-account = "cfg-bot"
        [contexts.prod]
        store = "https://prod.example:8420"
        namespace = "prodns"
        token-file = "/ctx/token"
        ca-cert = "/ctx/ca.pem"
        jwt-private-key = "/ctx/key.pem"
        [contexts.bare]
        "#,
    )
    .unwrap()
}

#[test]
fn precedence_flags_env_context_config() {
    let cfg = config();
    let prod = cfg.contexts.get("prod");
    let (g, cl) = global(&[]);
    let l = |g, cl, ctx, token_env| Layers {
        global: g,
        cli: cl,
        cfg: &cfg,
        ctx,
        token_env,
    };
    // The context beats the config file.
    let c = l(&g, &cl, prod, false);
    assert_eq!(c.store(), Some(PathBuf::from("https://prod.example:8420")));
    assert_eq!(c.namespace().as_deref(), Some("prodns"));
    assert_eq!(c.ca_cert(), Some(PathBuf::from("/ctx/ca.pem")));
    assert_eq!(c.jwt_private_key(), Some(PathBuf::from("/ctx/key.pem")));
    assert_eq!(c.credentials(), Credentials::TokenFile("/ctx/token".into()));
    // Without a context, the config file's top-level keys.
    let c = l(&g, &cl, cfg.contexts.get("bare"), false);
    assert_eq!(c.store(), Some(PathBuf::from("/cfg/store")));
    assert_eq!(c.namespace().as_deref(), Some("cfgns"));
    assert_eq!(c.credentials(), Credentials::Account("cfg-bot".into()));
    // The environment beats the context: SVCACCT_TOKEN beats the context's token file.
    let c = l(&g, &cl, prod, true);
    assert_eq!(c.credentials(), Credentials::TokenEnv);
    // Values clap took from the environment are not command line ones.
    let mut env_g = GlobalArgs { ..global(&[]).0 };
    env_g.service_account = Some("env-bot".into());
    env_g.store = Some("/env/store".into());
    let c = l(&env_g, &cl, prod, false);
    assert_eq!(c.credentials(), Credentials::Account("env-bot".into()));
    assert_eq!(c.store(), Some(PathBuf::from("/env/store")));
    // Flags beat everything: --service-account beats SVCACCT_TOKEN and the context's token.
    let (g, cl) = global(&[
        "--service-account",
        "flag-bot",
        "-n",
        "flagns",
        "--store",
        "/f",
    ]);
    assert_eq!(cl.service_account.as_deref(), Some("flag-bot"));
    let c = l(&g, &cl, prod, true);
    assert_eq!(c.credentials(), Credentials::Account("flag-bot".into()));
    assert_eq!(c.namespace().as_deref(), Some("flagns"));
    assert_eq!(c.store(), Some(PathBuf::from("/f")));
    // A token file on the command line beats an account on the command line.
    let (g, cl) = global(&["--service-account", "a", "--token-file", "/t"]);
    let c = l(&g, &cl, prod, false);
    assert_eq!(c.credentials(), Credentials::TokenFile("/t".into()));
    // Nothing anywhere.
    let empty = ConfigFile::default();
    let (g, cl) = global(&[]);
    let c = Layers {
        global: &g,
        cli: &cl,
        cfg: &empty,
        ctx: None,
        token_env: false,
    };
    assert_eq!(c.credentials(), Credentials::None);
    assert_eq!(c.store(), None);
}

#[test]
fn stores_are_urls_or_folders() {
    assert_eq!(
        StoreLocation::parse(Path::new("/srv/store")).unwrap(),
        StoreLocation::Local("/srv/store".into())
    );
    assert!(matches!(
        StoreLocation::parse(Path::new("http://127.0.0.1:8420")).unwrap(),
        StoreLocation::Remote(_)
    ));
    let e = StoreLocation::parse(Path::new("http://registry.example:8420")).unwrap_err();
    assert!(e.to_string().contains("use https://"), "{e}");
    assert!(StoreLocation::parse(Path::new("ftp://x")).is_err());
    // A server's address without its scheme is no folder; a path with a `/` is one.
    for addr in [
        "127.0.0.1:18420",
        "registry.example:8420",
        "localhost:1",
        "[::1]:8420",
    ] {
        let e = StoreLocation::parse(Path::new(addr)).unwrap_err();
        assert!(
            e.to_string()
                .contains(&format!("did you mean https://{addr}?")),
            "{e}"
        );
        assert_eq!(e.exit(), crate::error::Exit::Usage);
    }
    // With a path, a user, or a mistyped scheme.
    for (value, url) in [
        ("127.0.0.1:18420/", "https://127.0.0.1:18420/"),
        ("reg:8420/svcacct/", "https://reg:8420/svcacct/"),
        ("user@reg:8420", "https://reg:8420"),
        ("git@[::1]:1/x", "https://[::1]:1/x"),
        ("http:/127.0.0.1:18420", "http://127.0.0.1:18420"),
        ("http:localhost", "http://localhost"),
        ("https//reg:8420", "https://reg:8420"),
        ("http//reg:8420", "https://reg:8420"),
        ("http:reg", "https://reg"),
        ("HTTPS:/reg", "https://reg"),
    ] {
        let e = StoreLocation::parse(Path::new(value)).unwrap_err();
        let e = e.to_string();
        assert!(e.contains(&format!("did you mean {url}?")), "{value}: {e}");
        assert!(
            e.ends_with(&format!("./{value} for a folder of that name)")),
            "{value}: {e}"
        );
    }
    for folder in [
        "./127.0.0.1:18420",
        "./127.0.0.1:18420/",
        "./user@reg:8420",
        "./http:/x",
        "/a/b:8420",
        "backups/reg:8420",
        "x:y",
        "x:y/z",
        "a:123456",
        ":80",
        "a b:80",
        "@reg:8420",
        "user@reg",
        "user@reg:store",
        "https/x",
        "http",
        "http:",
        "https//",
        "httpd:/x",
    ] {
        assert_eq!(
            StoreLocation::parse(Path::new(folder)).unwrap(),
            StoreLocation::Local(folder.into()),
            "{folder}"
        );
    }
}

/// Review finding 5: a leading space, or `;` for `:`, made a folder of a URL.
#[test]
fn stores_with_whitespace_or_a_stray_separator_are_no_folders() {
    let refusal = |value: &str| {
        StoreLocation::parse(Path::new(value))
            .map(|l| format!("accepted as {l:?}"))
            .unwrap_err()
            .to_string()
    };
    // Whitespace at either end, whatever the rest is.
    assert_eq!(
        refusal(" http://127.0.0.1:1"),
        "store ` http://127.0.0.1:1` starts with whitespace: did you mean \
         http://127.0.0.1:1? (`./ http://127.0.0.1:1` for a folder of that name)"
    );
    assert_eq!(
        refusal("https://reg.example:8420/\n"),
        "store `https://reg.example:8420/\\u{a}` ends with whitespace: did you mean \
         https://reg.example:8420? (`./https://reg.example:8420/\\u{a}/` for a folder of \
         that name)"
    );
    assert_eq!(
        refusal("\tstore "),
        "store `\\u{9}store ` starts and ends with whitespace: did you mean `store`? \
         (`./\\u{9}store /` for a folder of that name)"
    );
    assert_eq!(
        refusal("/srv/store\u{a0}"),
        "store `/srv/store\u{a0}` ends with whitespace: did you mean `/srv/store`? \
         (`/srv/store\u{a0}/` for a folder of that name)"
    );
    assert_eq!(
        refusal(" reg:8420"),
        "store ` reg:8420` starts with whitespace, and without it: store `reg:8420` is a \
         server's address without its scheme: did you mean https://reg:8420? \
         (./reg:8420 for a folder of that name)"
    );
    assert_eq!(
        refusal("  "),
        "store `  ` is only whitespace: name a folder or a URL, or set none for the default \
         folder"
    );
    use std::os::unix::ffi::OsStrExt;
    let not_utf8 = Path::new(std::ffi::OsStr::from_bytes(b" \xffstore"));
    assert!(StoreLocation::parse(not_utf8).is_err());
    assert_eq!(
        StoreLocation::parse(Path::new(std::ffi::OsStr::from_bytes(b"\xffstore"))).unwrap(),
        StoreLocation::Local(Path::new(std::ffi::OsStr::from_bytes(b"\xffstore")).into())
    );
    // A stray character where `://` belongs, or something before the scheme.
    for (value, url, what) in [
        ("https;//x:1", "https://x:1", "a URL with a mistyped scheme"),
        (
            "http;//127.0.0.1:1",
            "http://127.0.0.1:1",
            "a URL with a mistyped scheme",
        ),
        ("https:/;/x", "https://x", "a URL with a mistyped scheme"),
        ("https:/ /x", "https://x", "a URL with a mistyped scheme"),
        ("https: //x", "https://x", "a URL with a mistyped scheme"),
        (
            "http:\\\\localhost:1",
            "http://localhost:1",
            "a URL with a mistyped scheme",
        ),
        ("https:|//x", "https://x", "a URL with a mistyped scheme"),
        ("htps;//x:1", "https://x:1", "a URL with a mistyped scheme"),
        ("hxxp:;//x", "https://x", "a URL with a mistyped scheme"),
        (
            "\"https://x:1\"",
            "https://x:1",
            "a URL with something before it",
        ),
        (
            "'http://127.0.0.1:1'",
            "http://127.0.0.1:1",
            "a URL with something before it",
        ),
        (
            "<https://x/>",
            "https://x/",
            "a URL with something before it",
        ),
        (
            "store: https://x",
            "https://x",
            "a URL with something before it",
        ),
        ("x=https://x", "https://x", "a URL with something before it"),
        (
            "backups/https://x",
            "https://x",
            "a URL with something before it",
        ),
    ] {
        assert_eq!(
            refusal(value),
            format!(
                "store `{value}` is {what}: did you mean {url}? (./{value} for a folder of \
                 that name)"
            )
        );
    }
    // Clearly folders: an explicit path, a doubled slash after a name, a colon and one
    // slash.
    for folder in [
        "./ http://127.0.0.1:1",
        "./https;//x:1",
        "/srv/https://x",
        "../store: https://x",
        "mystore /",
        "backups//x",
        "a.b//c",
        "2024//x",
        "x:y//z",
        "https,x",
        "http x",
        "a b",
        "data/v1.2//x",
    ] {
        assert_eq!(
            StoreLocation::parse(Path::new(folder)).unwrap(),
            StoreLocation::Local(folder.into()),
            "{folder}"
        );
    }
}

#[test]
fn unknown_context_is_a_usage_error() {
    let d = tempfile::tempdir().unwrap();
    let p = d.path().join("config.toml");
    std::fs::write(
        &p,
        "current-context = \"gone\"\n[contexts.a]\n[contexts.b]\n",
    )
    .unwrap();
    let (mut g, _) = global(&[]);
    g.config = Some(p.clone());
    let e = Context::resolve(&g).unwrap_err();
    let u = e.downcast_ref::<UserError>().unwrap();
    assert_eq!(u.exit(), crate::error::Exit::Usage);
    assert!(u.to_string().starts_with("unknown context `gone`"), "{u}");
    assert!(u.to_string().contains("known: a, b"), "{u}");
    // The config commands ignore the selection, so they can repair it.
    let c = Context::resolve_with(&g, CommandLine::default(), Selection::Ignored).unwrap();
    assert_eq!(c.context_name, None);
    g.context = Some("a".into());
    assert_eq!(
        Context::resolve(&g).unwrap().context_name.as_deref(),
        Some("a")
    );
}

const JWT: &str = "eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJjaSJ9.c2lnbmF0dXJl";

#[test]
fn secrets_in_the_config_file_are_redacted_and_refused_where_used() {
    let pem = "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----\n";
    let text = format!(
        "namespace = \"eng\"\n[contexts.a]\ntoken-file = \"{JWT}\"\nstore = \"/s\"\n\
         [contexts.b]\nstore = \"/s\"\n[contexts.\"{JWT}\"]\n"
    );
    let cfg: ConfigFile = toml::from_str(&text).unwrap();
    let r = cfg.redacted();
    assert_eq!(r.namespace.as_deref(), Some("eng"));
    assert_eq!(
        r.contexts["a"].token_file.as_deref(),
        Some(Path::new("REDACTED (a token)"))
    );
    assert_eq!(r.contexts["a"].store.as_deref(), Some("/s"));
    assert!(
        r.contexts.contains_key("REDACTED (a token)"),
        "{:?}",
        r.contexts
    );
    let mut cfg = ConfigFile {
        jwt_private_key: Some(pem.into()),
        ..ConfigFile::default()
    };
    assert_eq!(
        cfg.settings()
            .iter()
            .filter_map(|(k, v, _)| v.and_then(crate::secret::find).map(|s| (*k, s)))
            .collect::<Vec<_>>(),
        [("jwt-private-key", crate::secret::Secret::Key)]
    );
    cfg = cfg.redacted();
    assert_eq!(
        cfg.jwt_private_key.as_deref(),
        Some(Path::new("REDACTED (a key)"))
    );

    // Resolving refuses a setting in use: the top-level ones and the context's.
    let d = tempfile::tempdir().unwrap();
    let p = d.path().join("config.toml");
    std::fs::write(&p, &text).unwrap();
    let (mut g, _) = global(&[]);
    g.config = Some(p.clone());
    let refusal = |g: &GlobalArgs, selection| {
        Context::resolve_with(g, CommandLine::default(), selection)
            .err()
            .map(|e| e.to_string())
    };
    assert_eq!(refusal(&g, Selection::Selected), None);
    g.context = Some("b".into());
    assert_eq!(refusal(&g, Selection::Selected), None);
    g.context = Some("a".into());
    let e = refusal(&g, Selection::Selected).unwrap();
    assert!(
        e.starts_with(&format!(
            "`token-file` of context `a` in {} holds a token, and takes the name of a file \
             (the token was not used): ",
            p.display()
        )),
        "{e}"
    );
    assert!(!e.contains(JWT), "{e}");
    assert_eq!(refusal(&g, Selection::Ignored), None);
    std::fs::write(&p, format!("max-token-lifetime = \"{JWT}\"\n")).unwrap();
    g.context = None;
    let e = refusal(&g, Selection::Selected).unwrap();
    assert!(e.starts_with("`max-token-lifetime` in "), "{e}");
    assert!(!e.contains(JWT), "{e}");
    assert_eq!(refusal(&g, Selection::Ignored), None);
}

#[test]
fn debug_never_shows_credentials() {
    let mut c = ctx(None);
    c.credentials = Credentials::Account("bot".into());
    let s = format!("{c:?}");
    assert!(s.contains("unopened"), "{s}");
}
