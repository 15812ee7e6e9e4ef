//! Keys and tokens given on the command line are refused before clap parses it.
//!
//! A command-line value is visible to every local user (`ps`), stays in shell history, and is
//! repeated by error messages: clap's (a PEM starts with `-----BEGIN`, which clap takes for an
//! unknown option and quotes whole, three times) and svcacct's own ("cannot read <path>"). So
//! every argument is looked at first, and one that holds key material or a JWT is refused
//! with a message that says where it belongs and does not repeat it. The one exception is the
//! TOKEN argument of `verify` and `decode`: `svcacct verify "$TOKEN"` is documented, and their
//! help says why `-` (stdin) is better.

use std::cell::OnceCell;
use std::ffi::OsString;
use std::os::unix::ffi::OsStrExt;

use crate::error::UserError;
use crate::secret::{Secret, find};

/// Refuses every argument of `args` (argv, the program first) that holds key material or a
/// token, but the TOKEN of `verify` and `decode`. `root` builds the command line's clap
/// command, only when a value looks like a secret; it is only read (a subcommand's own options
/// are built, from a copy, only when an argument holds a secret and an option stands before it).
pub fn check(root: impl FnOnce() -> clap::Command, args: &[OsString]) -> Result<(), UserError> {
    let found: Vec<(usize, Secret)> = args
        .iter()
        .enumerate()
        .skip(1)
        .filter_map(|(i, a)| find(a.as_bytes()).map(|s| (i, s)))
        .collect();
    if found.is_empty() {
        return Ok(());
    }
    let root = root();
    let line = Line::parse(&root, args);
    for (i, secret) in found {
        let role = &line.roles[i];
        let token_argument = matches!(role, Role::Positional(0))
            && matches!(line.path.as_slice(), [c] if c == "verify" || c == "decode");
        if secret == Secret::Token && token_argument {
            continue;
        }
        return Err(refusal(secret, role, &line));
    }
    Ok(())
}

/// The SVCACCT_* variables that svcacct reads and that never hold a secret, with what each
/// takes. The other four hold one: SVCACCT_JWT_PRIVATE_KEY (a key, or a file's name),
/// SVCACCT_TOKEN, SVCACCT_PASSPHRASE and SVCACCT_ISSUER_KEK. A variable svcacct does not read is not looked at:
/// a script may keep its own token in one.
pub const ENV_WITHOUT_SECRETS: [(&str, &str); 13] = [
    ("SVCACCT_STORE", "a folder or a URL"),
    ("SVCACCT_KEYSTORE", "a folder"),
    ("SVCACCT_CONFIG", "the name of a file"),
    ("SVCACCT_CONTEXT", "the name of a context"),
    ("SVCACCT_NAMESPACE", "a namespace"),
    ("SVCACCT_PASSPHRASE_FILE", "the name of a file"),
    ("SVCACCT_SERVICE_ACCOUNT", "an account (NAME or NS/NAME)"),
    ("SVCACCT_TOKEN_FILE", "the name of a file"),
    ("SVCACCT_CA_CERT", "the name of a file"),
    ("SVCACCT_CONNECT_TO", "HOST:PORT:CONNECT_HOST:CONNECT_PORT"),
    ("SVCACCT_MAX_TOKEN_LIFETIME", "a duration such as 1h"),
    ("SVCACCT_ISSUER_KEK_FILE", "the name of a file"),
    ("SVCACCT_LOG", "a filter such as svcacct=debug"),
];

/// The SVCACCT_* variables whose value is a secret.
pub const ENV_SECRETS: [&str; 4] = [
    "SVCACCT_JWT_PRIVATE_KEY",
    "SVCACCT_TOKEN",
    "SVCACCT_PASSPHRASE",
    // The issuer's key-encryption key (`store::postgres::kek`).
    "SVCACCT_ISSUER_KEK",
];

/// Refuses a key or token in a variable of [`ENV_WITHOUT_SECRETS`] (`var` reads one): clap
/// and svcacct's own messages would repeat it ("cannot read the store folder eyJ…", "unknown
/// context `-----BEGIN…`"), as they would a command-line value. Checked before clap reads
/// the environment.
pub fn check_env(var: impl Fn(&str) -> Option<OsString>) -> Result<(), UserError> {
    for (name, takes) in ENV_WITHOUT_SECRETS {
        let Some(value) = var(name) else { continue };
        let Some(secret) = find(value.as_bytes()) else {
            continue;
        };
        let (what, belongs) = (secret.noun(), secret.belongs());
        return Err(UserError::Usage(format!(
            "{name} holds a {what}, and takes {takes} (the {what} was not used or kept): \
             {belongs}"
        )));
    }
    Ok(())
}

/// What an argument is on the command line.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Role {
    /// The program, a subcommand's name, or `--`.
    Word,
    /// An option as typed (`--store`, `-n`), perhaps with its value (`--store=x`, `-neng`).
    Option(String),
    /// The value of the option before it.
    Value(String),
    /// The n-th positional argument of the subcommand (from 0).
    Positional(usize),
}

/// The roles of a command line's arguments, found as clap would find them, with only what the
/// clap command says about which options take a value.
struct Line<'c> {
    /// The subcommands, e.g. `["config", "set-context"]`.
    path: Vec<String>,
    roles: Vec<Role>,
    /// Where options are looked up: the deepest subcommand and the global options.
    scope: Scope<'c>,
}

struct Scope<'c> {
    root: &'c clap::Command,
    current: &'c clap::Command,
    /// `current` with its deferred arguments added (`cli::Deferred`), made when first needed.
    built: OnceCell<clap::Command>,
}

impl<'c> Scope<'c> {
    fn new(root: &'c clap::Command, current: &'c clap::Command) -> Self {
        Scope {
            root,
            current,
            built: OnceCell::new(),
        }
    }

    /// The option `name` as typed (`--store`, `-n`), among the global options and those of
    /// the current subcommand.
    fn option(&self, name: &str) -> Option<&clap::Arg> {
        let is = |a: &&clap::Arg| match name.strip_prefix("--") {
            Some(long) => a.get_long() == Some(long),
            None => {
                let mut c = name.chars().skip(1);
                a.get_short().is_some() && a.get_short() == c.next() && c.next().is_none()
            }
        };
        if let Some(a) = self.root.get_arguments().find(is) {
            return Some(a);
        }
        if std::ptr::eq(self.current, self.root) {
            return None;
        }
        self.built
            .get_or_init(|| {
                let mut c = self.current.clone();
                c.build();
                c
            })
            .get_arguments()
            .find(is)
    }

    fn takes_value(&self, name: &str) -> bool {
        self.option(name)
            .is_some_and(|a| a.get_action().takes_values())
    }
}

/// An option (`-x`, `--xy`, `-xVALUE`), not `-`, `--` or a value that starts with dashes of
/// its own (a PEM's `-----BEGIN`).
fn is_option(arg: &[u8]) -> bool {
    arg.len() > 1 && arg[0] == b'-' && arg != b"--" && !arg.starts_with(b"---")
}

impl<'c> Line<'c> {
    fn parse(root: &'c clap::Command, args: &[OsString]) -> Line<'c> {
        let mut line = Line {
            path: vec![],
            roles: vec![Role::Word],
            scope: Scope::new(root, root),
        };
        let mut pending: Option<String> = None;
        let mut options_end = false;
        let mut positionals = 0;
        for arg in args.iter().skip(1) {
            let bytes = arg.as_bytes();
            if let Some(option) = pending.take() {
                line.roles.push(Role::Value(option));
                continue;
            }
            if !options_end && bytes == b"--" {
                options_end = true;
                line.roles.push(Role::Word);
                continue;
            }
            if !options_end && is_option(bytes) {
                let text = String::from_utf8_lossy(bytes);
                let name = if let Some(long) = text.strip_prefix("--") {
                    match long.split_once('=') {
                        Some((name, _)) => format!("--{name}"),
                        None => {
                            let name = format!("--{long}");
                            if line.scope.takes_value(&name) {
                                pending = Some(name.clone());
                            }
                            name
                        }
                    }
                } else {
                    // Short options together (`-Ao`): the first that takes a value takes the
                    // rest of the argument, or the next argument.
                    let shorts: Vec<char> = text.chars().skip(1).collect();
                    let mut name = format!("-{}", shorts[0]);
                    for (k, c) in shorts.iter().enumerate() {
                        let short = format!("-{c}");
                        if line.scope.takes_value(&short) {
                            if k + 1 == shorts.len() {
                                pending = Some(short.clone());
                            }
                            name = short;
                            break;
                        }
                    }
                    name
                };
                line.roles.push(Role::Option(name));
                continue;
            }
            // A subcommand's name, while the command has subcommands and no positional yet.
            let current = line.scope.current;
            if !options_end
                && positionals == 0
                && current.has_subcommands()
                && let Some(sub) = current.find_subcommand(arg)
            {
                line.path.push(sub.get_name().to_owned());
                line.scope = Scope::new(root, sub);
                line.roles.push(Role::Word);
                continue;
            }
            line.roles.push(Role::Positional(positionals));
            positionals += 1;
        }
        line
    }
}

/// The refusal of `secret` in an argument of role `role`: where it belongs, never what it is.
fn refusal(secret: Secret, role: &Role, line: &Line<'_>) -> UserError {
    // The option that was given the secret, and the name of its value (`FILE`) when it takes
    // a file.
    let option = match role {
        Role::Option(name) | Role::Value(name) => Some(name.as_str()),
        Role::Word | Role::Positional(_) => None,
    }
    // `--eyJ…`: what looks like an option's name is the secret itself.
    .filter(|o| find(o.as_bytes()).is_none());
    let file_value = option
        .and_then(|o| line.scope.option(o))
        .and_then(|a| a.get_value_names()?.first().map(|v| v.to_string()))
        .filter(|v| v.contains("FILE") || v.contains("PATH"));
    let holder = option.unwrap_or("an argument");
    let message = match (secret, option, &file_value) {
        (Secret::Key, Some(o), Some(value)) => {
            let env = if o == "--jwt-private-key" {
                ", or put the PEM in SVCACCT_JWT_PRIVATE_KEY"
            } else {
                ""
            };
            format!(
                "{o} takes the name of a file, not the key itself (the key was not used or \
                 kept): put it in a file and pass {o} {value}{env}"
            )
        }
        (Secret::Key, _, _) => format!(
            "{holder} holds a key, which is never a command-line value (it was not used or \
             kept): svcacct reads keys from files (--jwt-private-key FILE, --public-key FILE) \
             and from SVCACCT_JWT_PRIVATE_KEY"
        ),
        (Secret::Token, Some("--token-file"), _) => "--token-file takes the name of a file, \
             not the token itself (the token was not used or kept): put it in a file and pass \
             --token-file FILE, pipe it in with --token-file -, or set SVCACCT_TOKEN"
            .to_owned(),
        (Secret::Token, None, _) if line.path == ["login"] => "login takes no token argument \
             (the token was not used or kept): pipe it in with `svcacct login --token-file -`, \
             or pass --token-file FILE"
            .to_owned(),
        (Secret::Token, _, _) => {
            let what = match (option, &file_value) {
                (Some(o), Some(_)) => format!("{o} takes the name of a file, not a token"),
                _ => format!("{holder} holds a token"),
            };
            format!(
                "{what} (the token was not used or kept): a token is a command-line value only \
                 as the TOKEN of `svcacct verify` and `svcacct decode`, which read it from stdin \
                 with `-`; a remote store takes one from --token-file FILE|- or SVCACCT_TOKEN"
            )
        }
    };
    UserError::Usage(message)
}

#[cfg(test)]
mod tests {
    use base64::Engine as _;
    use base64::engine::general_purpose::STANDARD;
    use clap::CommandFactory;

    use super::*;
    use crate::cli::Cli;

    const JWT: &str = "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJjaSJ9.c2lnbmF0dXJl";
    const PEM: &str = "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----\n";

    fn argv(line: &[&str]) -> Vec<OsString> {
        std::iter::once("svcacct")
            .chain(line.iter().copied())
            .map(OsString::from)
            .collect()
    }

    fn checked(line: &[&str]) -> Result<(), String> {
        check(Cli::command, &argv(line)).map_err(|e| e.to_string())
    }

    #[test]
    fn finds_keys_and_tokens() {
        assert_eq!(find(PEM.as_bytes()), Some(Secret::Key));
        for pem in [
            "-----BEGIN PUBLIC KEY-----",
            "-----BEGIN RSA PRIVATE KEY-----\nabc",
            "-----BEGIN OPENSSH PRIVATE KEY-----",
            "-----BEGIN ENCRYPTED PRIVATE KEY-----",
            "-----BEGIN PGP PRIVATE KEY BLOCK-----",
            "key=-----BEGIN EC PRIVATE KEY-----",
        ] {
            assert_eq!(find(pem.as_bytes()), Some(Secret::Key), "{pem}");
        }
        assert_eq!(find(b"-----BEGIN CERTIFICATE-----\nKEY"), None);
        let der = STANDARD.encode([&[0x30, 0x82, 0x01, 0x2c][..], &[7u8; 300][..]].concat());
        assert_eq!(find(der.as_bytes()), Some(Secret::Key));
        assert_eq!(find(&der.as_bytes()[..300]), None);

        assert_eq!(find(JWT.as_bytes()), Some(Secret::Token));
        for t in [
            format!("Bearer {JWT}"),
            format!("--token-file={JWT}"),
            format!("-o{JWT}"),
            // `alg: none`: no signature.
            "eyJhbGciOiJub25lIn0.eyJpc3MiOiJjaSJ9.".to_owned(),
        ] {
            assert_eq!(find(t.as_bytes()), Some(Secret::Token), "{t}");
        }
        for plain in [
            "ci-bot",
            "a.b.c",
            "127.0.0.1:8420",
            "https://registry.example:8420",
            "keys/ci-bot.pem",
            // A JSON object, but no `alg`: not a JOSE header.
            "eyJpc3MiOiJjaSJ9.eyJpc3MiOiJjaSJ9.c2ln",
            "-----BEGIN",
            "",
        ] {
            assert_eq!(find(plain.as_bytes()), None, "{plain}");
        }
    }

    /// A token with a dot or other segments around it is a token: the run's number of dots
    /// says nothing (review finding 4: `get "$JWT."` repeated the whole token).
    #[test]
    fn finds_tokens_among_other_segments() {
        const JWE: &str = "eyJhbGciOiJSU0EtT0FFUCIsImVuYyI6IkEyNTZHQ00ifQ.a2V5.aXY.Y2lwaGVy.dGFn";
        for t in [
            format!("{JWT}."),
            format!("{JWT}.."),
            format!(".{JWT}"),
            format!("v1.{JWT}"),
            format!("a.b.{JWT}.c.d"),
            format!("{JWT}.{JWT}"),
            format!("{JWT}{JWT}"),
            format!("x=Bearer {JWT}.;"),
            format!("-o{JWT}."),
            format!("v1.-o{JWT}"),
            // A header after other characters, at each of the four alignments.
            format!("k{JWT}"),
            format!("key{JWT}."),
            format!("eyey{JWT}"),
            format!("{JWE}."),
            format!("x.{JWE}"),
            // A header with two segments after it, however they look.
            "eyJhbGciOiJIUzI1NiJ9..".to_owned(),
            "eyJhbGciOiJIUzI1NiJ9...".to_owned(),
        ] {
            assert_eq!(find(t.as_bytes()), Some(Secret::Token), "{t}");
        }
        let header = JWT.split('.').next().unwrap();
        for plain in [
            // A header with one segment after it.
            format!("{header}.eyJpc3MiOiJjaSJ9"),
            format!("x.{header}.eyJpc3MiOiJjaSJ9"),
            header.to_owned(),
            // Two segments after a JSON object without `alg`.
            "a.eyJpc3MiOiJjaSJ9.b.c".to_owned(),
            "a.b.c.d.e.f".to_owned(),
            "ey.ey.ey.ey".to_owned(),
            "v1.2.3.4".to_owned(),
            "registry.example.com.".to_owned(),
        ] {
            assert_eq!(find(plain.as_bytes()), None, "{plain}");
        }
        // Each `ey` is a place where a header may start, but the segment is decoded at most
        // four times: a long run of them is looked at in no time.
        let long = format!("{}.a.b", "ey".repeat(1 << 17));
        let started = std::time::Instant::now();
        assert_eq!(find(long.as_bytes()), None);
        assert!(started.elapsed() < std::time::Duration::from_secs(5));
        assert_eq!(
            find(format!("{}{JWT}", "ey".repeat(1 << 17)).as_bytes()),
            Some(Secret::Token)
        );
    }

    #[test]
    fn environment_variables_without_secrets_are_checked() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, v)| OsString::from(*v))
            }
        };
        assert_eq!(
            check_env(env(&[
                ("SVCACCT_STORE", "https://registry.example:8420"),
                ("SVCACCT_TOKEN", JWT),
                ("SVCACCT_JWT_PRIVATE_KEY", PEM),
                ("SVCACCT_PASSPHRASE", JWT),
                ("SVCACCT_DEPLOY_TOKEN", JWT),
            ]))
            .map_err(|e| e.to_string()),
            Ok(())
        );
        assert_eq!(
            check_env(env(&[("SVCACCT_STORE", JWT)])).map_err(|e| e.to_string()),
            Err(
                "SVCACCT_STORE holds a token, and takes a folder or a URL (the token was not \
                 used or kept): a remote store takes a token from SVCACCT_TOKEN, from a file \
                 (--token-file FILE, SVCACCT_TOKEN_FILE) or from stdin (--token-file -)"
                    .into()
            )
        );
        assert_eq!(
            check_env(env(&[("SVCACCT_CONTEXT", PEM)])).map_err(|e| e.to_string()),
            Err(
                "SVCACCT_CONTEXT holds a key, and takes the name of a context (the key was not \
                 used or kept): svcacct reads keys from files (--jwt-private-key FILE, \
                 --public-key FILE) and from SVCACCT_JWT_PRIVATE_KEY"
                    .into()
            )
        );
        // Every variable svcacct names in its help is either checked or a secret's.
        let help = format!(
            "{}{}",
            Cli::command().render_long_help(),
            crate::cli::global_options_command().render_long_help()
        );
        let mut named: Vec<&str> = help
            .split(|c: char| !(c.is_ascii_uppercase() || c == '_'))
            .filter(|w| w.starts_with("SVCACCT_"))
            .collect();
        named.sort_unstable();
        named.dedup();
        assert_eq!(named.len(), 17, "{named:?}");
        for name in named {
            assert!(
                ENV_WITHOUT_SECRETS.iter().any(|(n, _)| *n == name) || ENV_SECRETS.contains(&name),
                "{name}"
            );
        }
        // And every variable clap reads.
        for arg in Cli::command().get_arguments() {
            if let Some(name) = arg.get_env().and_then(|n| n.to_str()) {
                assert!(
                    ENV_WITHOUT_SECRETS.iter().any(|(n, _)| *n == name),
                    "{name}"
                );
            }
        }
    }

    #[test]
    fn roles_follow_clap() {
        let root = Cli::command();
        let roles = |line: &[&str]| {
            let a = argv(line);
            let l = Line::parse(&root, &a);
            (l.path.clone(), l.roles[1..].to_vec())
        };
        use Role::*;
        assert_eq!(
            roles(&["-n", "eng", "verify", "--aud", "a", "T", "x"]),
            (
                vec!["verify".to_owned()],
                vec![
                    Option("-n".into()),
                    Value("-n".into()),
                    Word,
                    Option("--aud".into()),
                    Value("--aud".into()),
                    Positional(0),
                    Positional(1)
                ]
            )
        );
        assert_eq!(
            roles(&[
                "config",
                "set-context",
                "x",
                "--current",
                "--store=/s",
                "-neng"
            ]),
            (
                vec!["config".to_owned(), "set-context".to_owned()],
                vec![
                    Word,
                    Word,
                    Positional(0),
                    Option("--current".into()),
                    Option("--store".into()),
                    Option("-n".into())
                ]
            )
        );
        assert_eq!(
            roles(&["get", "-Ao", "json", "--", "-x"]).1,
            vec![
                Word,
                Option("-o".into()),
                Value("-o".into()),
                Word,
                Positional(0)
            ]
        );
        // A PEM is a value, not an option, even though it starts with dashes.
        assert_eq!(
            roles(&["token", "ci", "--jwt-private-key", PEM, PEM]).1,
            vec![
                Word,
                Positional(0),
                Option("--jwt-private-key".into()),
                Value("--jwt-private-key".into()),
                Positional(1)
            ]
        );
    }

    #[test]
    fn refusals_name_where_the_secret_belongs() {
        assert_eq!(
            checked(&["token", "ci", "--jwt-private-key", "ci.key"]),
            Ok(())
        );
        assert_eq!(checked(&["verify", JWT]), Ok(()));
        assert_eq!(
            checked(&["verify", "--aud", "a", "-o", "json", JWT]),
            Ok(())
        );
        assert_eq!(checked(&["--store", "/s", "decode", "--", JWT]), Ok(()));
        let key_flag = "--jwt-private-key takes the name of a file, not the key itself (the key \
                        was not used or kept): put it in a file and pass --jwt-private-key FILE, \
                        or put the PEM in SVCACCT_JWT_PRIVATE_KEY";
        assert_eq!(
            checked(&["token", "ci", "--jwt-private-key", PEM]),
            Err(key_flag.into())
        );
        assert_eq!(
            checked(&["token", "ci", &format!("--jwt-private-key={PEM}")]),
            Err(key_flag.into())
        );
        assert_eq!(
            checked(&["create", "x", "--public-key", PEM]),
            Err(
                "--public-key takes the name of a file, not the key itself (the key was not \
                 used or kept): put it in a file and pass --public-key FILE"
                    .into()
            )
        );
        assert_eq!(
            checked(&["create", "x", "--description", PEM]),
            Err(
                "--description holds a key, which is never a command-line value (it was not \
                 used or kept): svcacct reads keys from files (--jwt-private-key FILE, \
                 --public-key FILE) and from SVCACCT_JWT_PRIVATE_KEY"
                    .into()
            )
        );
        // A key is refused even where a token would be accepted.
        assert!(
            checked(&["verify", PEM])
                .unwrap_err()
                .starts_with("an argument holds a key")
        );
        // A token anywhere but the TOKEN of verify and decode.
        let token_file = "--token-file takes the name of a file, not the token itself (the \
                          token was not used or kept): put it in a file and pass --token-file \
                          FILE, pipe it in with --token-file -, or set SVCACCT_TOKEN";
        assert_eq!(
            checked(&["--token-file", JWT, "get"]),
            Err(token_file.into())
        );
        assert_eq!(
            checked(&["login", JWT]),
            Err(
                "login takes no token argument (the token was not used or kept): pipe it in \
                 with `svcacct login --token-file -`, or pass --token-file FILE"
                    .into()
            )
        );
        let elsewhere = "(the token was not used or kept): a token is a command-line value \
                         only as the TOKEN of `svcacct verify` and `svcacct decode`, which read \
                         it from stdin with `-`; a remote store takes one from --token-file \
                         FILE|- or SVCACCT_TOKEN";
        assert_eq!(
            checked(&["verify", "--aud", JWT]),
            Err(format!("--aud holds a token {elsewhere}"))
        );
        assert_eq!(
            checked(&["verify", "x", JWT]),
            Err(format!("an argument holds a token {elsewhere}"))
        );
        assert_eq!(
            checked(&["token", "ci", "--jwt-private-key", JWT]),
            Err(format!(
                "--jwt-private-key takes the name of a file, not a token {elsewhere}"
            ))
        );
        assert_eq!(
            checked(&["token", "ci", &format!("-o{JWT}")]),
            Err(format!("-o holds a token {elsewhere}"))
        );
        assert_eq!(
            checked(&[JWT]),
            Err(format!("an argument holds a token {elsewhere}"))
        );
        assert_eq!(
            checked(&["get", &format!("--{JWT}")]),
            Err(format!("an argument holds a token {elsewhere}"))
        );
    }
}
