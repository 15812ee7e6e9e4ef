//! Help (issue 16): the global options are listed once, by `svcacct options`, and each
//! subcommand's help points there instead of repeating them.

mod common;

use common::Env;

/// `svcacct ARGS…`'s stdout, each line without its trailing blanks (clap's blank lines inside
/// an option's text are indented).
fn shown(env: &Env, args: &[&str]) -> String {
    env.ok(args)
        .lines()
        .map(str::trim_end)
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn svcacct_options_lists_the_global_options() {
    let env = Env::new();
    assert_eq!(shown(&env, &["options"]), OPTIONS);
}

#[test]
fn a_subcommands_help_points_to_svcacct_options() {
    let env = Env::new();
    assert_eq!(shown(&env, &["disable", "--help"]), DISABLE_HELP);
    // Every one, without the global options.
    for args in [
        &["create", "--help"][..],
        &["token", "--help"],
        &["key", "add", "--help"],
        &["key", "--help"],
        &["config", "view", "--help"],
        &["serve", "-h"],
    ] {
        let help = env.ok(args);
        assert!(
            help.trim_end()
                .ends_with("\n\nUse `svcacct options` for the global options."),
            "{args:?}:\n{help}"
        );
        for global in [
            "--store <PATH|URL>",
            "--service-account <REF>",
            "--passphrase-file <FILE>",
            "-v, --verbose...",
        ] {
            assert!(!help.contains(global), "{args:?} lists {global}");
        }
    }
    // The top-level help names the common ones and where the rest are.
    let top = env.ok(["--help"]);
    assert!(top.contains(
        "Global options (--store, -n/--namespace, --context, --service-account, --jwt-private-key, -v, …),\n\
         which every command takes: `svcacct options`.\n"
    ), "{top}");
}

/// An example's comment no longer wraps into a line of its own that reads as a command.
#[test]
fn the_create_example_does_not_wrap() {
    let env = Env::new();
    let help = env.ok(["create", "--help"]);
    let examples = help.split("Examples:\n").nth(1).unwrap();
    assert_eq!(
        examples,
        "  svcacct create example-svc-account --public-key example.key.pub\n\
         \x20 # A key pair generated here; the private key stays in the keystore:\n\
         \x20 svcacct create ci-bot\n\
         \x20 svcacct create deployer -n eng --group deployers --expires 90d\n\
         \x20 svcacct create web-bot --dry-run -o yaml   # the account as it would be; nothing written\n\
         \n\
         Use `svcacct options` for the global options.\n"
    );
}

const OPTIONS: &str = r#"The following options can be passed to any command:

      --store <PATH|URL>
          Registry: a folder (the local file store, made by its first write; commands that only read
          refuse a named one that does not exist), a PostgreSQL database
          (postgres://USER@HOST[:PORT]/DB[?sslmode=verify-full&sslrootcert=FILE]; the password from
          PGPASSWORD or ~/.pgpass, never in the URL), or the URL of a `svcacct serve`
          (https://host:port, or http:// on loopback; HOST:PORT[/PATH], USER@HOST:PORT, http:/x,
          https;//x and a value with whitespace at either end are refused: ./NAME for a folder of
          such a name) [default: the context's store, else $XDG_DATA_HOME/svcacct/store]

          [env: SVCACCT_STORE=]

      --keystore <PATH>
          Folder of the local private keys that `create` and `key add --generate` make [default:
          $XDG_DATA_HOME/svcacct/keys]

          [env: SVCACCT_KEYSTORE=]

  -n, --namespace <NS>
          Namespace of the command [default: default]

          [env: SVCACCT_NAMESPACE=]

      --config <FILE>
          Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]

          [env: SVCACCT_CONFIG=]

      --passphrase-file <FILE>
          File whose first line is the passphrase of encrypted private keys (else
          SVCACCT_PASSPHRASE, else a prompt on a terminal)

          [env: SVCACCT_PASSPHRASE_FILE=]

      --context <NAME>
          Named context of the config file to use (store, account, key, namespace) [default: the
          config file's `current-context`]

          [env: SVCACCT_CONTEXT=]

      --service-account <REF>
          With a remote store: the account that signs each request's token (name or NS/NAME)

          [env: SVCACCT_SERVICE_ACCOUNT=]

      --jwt-private-key <FILE>
          Private key that signs tokens: those `token` prints and, with a remote store, those sent
          with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else the
          context's or config file's `jwt-private-key`, else the keystore's key for the account]

      --token-file <FILE>
          With a remote store: a file holding a ready bearer token to send instead of signing one
          (else SVCACCT_TOKEN holds the token itself)

          [env: SVCACCT_TOKEN_FILE=]

      --ca-cert <FILE>
          With an https:// store: PEM file of the certificate authorities to trust, instead of the
          Mozilla roots built into svcacct

          [env: SVCACCT_CA_CERT=]

      --issuer-kek-file <FILE>
          With a postgres:// store: file (mode 0600) of the key that encrypts the issuer's keys in
          the database, the same for every replica: 32 bytes as hex or base64, e.g. `openssl rand
          -hex 32` [default: SVCACCT_ISSUER_KEK holds the key itself]

          [env: SVCACCT_ISSUER_KEK_FILE=]

  -v, --verbose...
          Log each request to a remote store on stderr: method, URL, status, time taken, retries;
          twice (-vv) also the answer's headers. Never a token, key or secret. Without -v,
          SVCACCT_LOG takes a filter instead, as RUST_LOG does (e.g. SVCACCT_LOG=svcacct=debug); -v
          wins over it"#;

const DISABLE_HELP: &str = r#"Disable a service account: its tokens stop verifying until it is enabled

Usage: svcacct disable [OPTIONS] <NAME>

Arguments:
  <NAME>
          Account name or NS/NAME

Options:
      --dry-run[=<MODE>]
          Print what would be created, changed or deleted, and write nothing: no record, no key in
          the keystore, no file, and no token is shown. A bare --dry-run is --dry-run=client on a
          local store and --dry-run=server on a server

          Possible values:
          - none:   Write (the default)
          - client: Run the change on a copy in memory of the store, read in one transaction (a
            local store only)
          - server: Send it with `?dryRun=All`: the server checks it, authorization included, and
            writes nothing (a local store does as `client`)

          [default: none]

  -o, --output <FORMAT>
          Print the object as written (with --dry-run: as it would be) instead of the line that says
          what was done: json, yaml or name

          Possible values:
          - json: The object as JSON, the shape `get -o json` prints
          - yaml: The same document as YAML
          - name: Just its reference, as `get -o name` prints it (`namespace create`, which writes
            several kinds: `KIND/REFERENCE` for each, as kubectl prints them)

  -h, --help
          Print help (see a summary with '-h')

  -V, --version
          Print version

Example:
  svcacct disable ci-bot

Use `svcacct options` for the global options."#;
