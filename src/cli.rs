//! Every clap type of the command line, and nothing else: no logic, and imported only by the
//! command-line layer (docs/ARCHITECTURE.md, "Layers").
//!
//! `context.rs` turns these into a resolved `Context`; completions and man pages are generated
//! from `eager_command()`.

use std::path::PathBuf;

use clap::builder::{PossibleValuesParser, TypedValueParser};
use clap::{ArgGroup, ArgMatches, Args, FromArgMatches, Parser, Subcommand, ValueEnum};

/// `--bits`: one of the RSA sizes svcacct generates.
fn key_bits() -> impl TypedValueParser<Value = usize> {
    PossibleValuesParser::new(["2048", "3072", "4096"])
        .map(|s| s.parse::<usize>().expect("a possible value is a number"))
}

const ROOT_EXAMPLES: &str = "\
Global options (--store, -n/--namespace, --context, --service-account, --jwt-private-key, -v, …),
which every command takes: `svcacct options`.

Examples:
  svcacct keygen -o example.key
  svcacct create example-svc-account --public-key example.key.pub
  svcacct policy create example-svc-policy --subject example-svc-account \\
      --action '*' --resource function
  TOKEN=$(svcacct token example-svc-account --jwt-private-key example.key)
  svcacct verify \"$TOKEN\"
  svcacct can-i create function --as example-svc-account
  svcacct get

Sharing one registry:
  svcacct --store ~/registry serve --listen 0.0.0.0:8420 --tls-cert tls.crt --tls-key tls.key
  svcacct --store https://registry.example:8420 --service-account ci-bot get   # on a client

Environment:
  SVCACCT_STORE, SVCACCT_KEYSTORE, SVCACCT_CONFIG, SVCACCT_CONTEXT, SVCACCT_NAMESPACE,
  SVCACCT_PASSPHRASE_FILE, SVCACCT_PASSPHRASE, SVCACCT_JWT_PRIVATE_KEY, SVCACCT_SERVICE_ACCOUNT,
  SVCACCT_TOKEN_FILE, SVCACCT_TOKEN, SVCACCT_CA_CERT, SVCACCT_CONNECT_TO,
  SVCACCT_MAX_TOKEN_LIFETIME, SVCACCT_LOG (flags beat the environment, the environment beats
  the config file's context, which beats its top-level settings).

Exit status:
  0 success; 1 a negative answer (token invalid, can-i says no); 2 usage error;
  3 the command could not be carried out (unknown account, unreadable key or store, conflict).";

/// Gives machines an identity: RSA keys, service accounts, policies and short-lived JWTs.
#[derive(Debug, Parser)]
#[command(
    name = "svcacct",
    version,
    about = "Service accounts for machines: RSA keys, policies and short-lived JWTs",
    long_about = "Service accounts for machines.\n\n\
        svcacct generates RSA key pairs, registers service accounts with their public keys, keeps \
        policies of who may do what, and mints short-lived JWTs (RS256/384/512) that an account \
        sends as `Authorization: Bearer ...`. It verifies those tokens, exports the public keys \
        as a JWKS, and serves the registry over HTTP(S) for a team (`svcacct serve`).",
    after_help = ROOT_EXAMPLES,
    propagate_version = true,
    max_term_width = 100,
    mut_subcommands = with_options_pointer
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: TopLevel<Command>,
}

/// The top-level subcommands: all of them, or only the one a command line names.
///
/// Building every subcommand, with clap copying the global options into each and every help
/// ending with [`OPTIONS_POINTER`], was over half of the instructions of a `svcacct token`
/// process before its key was read (BENCHMARKS.md, "svcacct token start-up"). `main` parses
/// with [`command_for`] the command line's subcommand alone; a parse that fails, or that
/// shows help, is done again with the whole tree, so every message and help is the whole
/// tree's. A parse that succeeds gives what the whole tree gives (the unit test
/// `one_subcommand_parses_as_the_whole_tree`): the other subcommands could only change it by
/// being named, and then the parse of one fails.
#[derive(Debug)]
pub struct TopLevel<T>(pub T);

thread_local! {
    static ONLY: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// The first word of a command line, after the program's name, that names a top-level
/// subcommand (or an alias of one): the subcommand, unless it is an option's value, in which
/// case a parse with that subcommand alone fails.
pub fn named_subcommand(args: &[std::ffi::OsString]) -> Option<&str> {
    args.iter()
        .skip(1)
        .filter_map(|a| a.to_str())
        .find(|a| Command::has_subcommand(a))
}

/// `Cli::command()` with one top-level subcommand, `name`, instead of all of them.
pub fn command_for(name: &str) -> clap::Command {
    use clap::CommandFactory;
    ONLY.with(|o| *o.borrow_mut() = Some(name.to_owned()));
    let cmd = Cli::command();
    ONLY.with(|o| *o.borrow_mut() = None);
    cmd
}

/// `Deref` to, and `FromArgMatches` through, the wrapped type: for the wrappers below that
/// change only how clap builds the tree ([`TopLevel`], [`Deferred`]).
macro_rules! transparent_to_clap {
    ($wrapper:ident) => {
        impl<T> std::ops::Deref for $wrapper<T> {
            type Target = T;

            fn deref(&self) -> &T {
                &self.0
            }
        }

        impl<T: FromArgMatches> FromArgMatches for $wrapper<T> {
            fn from_arg_matches(matches: &ArgMatches) -> Result<Self, clap::Error> {
                T::from_arg_matches(matches).map($wrapper)
            }

            fn from_arg_matches_mut(matches: &mut ArgMatches) -> Result<Self, clap::Error> {
                T::from_arg_matches_mut(matches).map($wrapper)
            }

            fn update_from_arg_matches(&mut self, matches: &ArgMatches) -> Result<(), clap::Error> {
                self.0.update_from_arg_matches(matches)
            }

            fn update_from_arg_matches_mut(
                &mut self,
                matches: &mut ArgMatches,
            ) -> Result<(), clap::Error> {
                self.0.update_from_arg_matches_mut(matches)
            }
        }
    };
}

transparent_to_clap!(TopLevel);

impl<T: Subcommand> Subcommand for TopLevel<T> {
    fn augment_subcommands(cmd: clap::Command) -> clap::Command {
        let Some(name) = ONLY.with(|o| o.borrow_mut().take()) else {
            return T::augment_subcommands(cmd);
        };
        // The subcommands' shells are cheap (their arguments are `Deferred`); copying the
        // global options into them and rendering their help footers is what is saved. Not
        // dropped, as in `main`.
        let all = std::mem::ManuallyDrop::new(T::augment_subcommands(clap::Command::new("all")));
        match all.find_subcommand(&name) {
            Some(one) => cmd.subcommand(one.clone()),
            None => T::augment_subcommands(cmd),
        }
    }

    fn augment_subcommands_for_update(cmd: clap::Command) -> clap::Command {
        T::augment_subcommands_for_update(cmd)
    }

    fn has_subcommand(name: &str) -> bool {
        T::has_subcommand(name)
    }
}

/// The line that ends every subcommand's help, where the global options would be: they are
/// hidden there (`hide`) and listed once, by `svcacct options`, as kubectl does (issue 16).
pub const OPTIONS_POINTER: &str = "Use `svcacct options` for the global options.";

/// Ends the help of `cmd` and of its subcommands with [`OPTIONS_POINTER`].
fn with_options_pointer(cmd: clap::Command) -> clap::Command {
    let after = match cmd.get_after_help() {
        Some(text) => format!("{text}\n\n{OPTIONS_POINTER}"),
        None => OPTIONS_POINTER.to_owned(),
    };
    cmd.after_help(after).mut_subcommands(with_options_pointer)
}

/// The global options, shown: `svcacct options` prints them, completions and man pages list
/// them (`docs.rs`).
pub fn show_global_options(cmd: clap::Command) -> clap::Command {
    cmd.mut_args(|a| if a.is_global_set() { a.hide(false) } else { a })
}

/// `svcacct options`: the global options alone.
pub fn global_options_command() -> clap::Command {
    show_global_options(GlobalArgs::augment_args(clap::Command::new("svcacct")))
        .disable_help_flag(true)
        .max_term_width(100)
        .help_template("The following options can be passed to any command:\n\n{options}")
}

#[derive(Debug, Args)]
#[command(next_help_heading = "Global options")]
pub struct GlobalArgs {
    /// Registry: a folder (the local file store, made by its first write; commands that only
    /// read refuse a named one that does not exist), a PostgreSQL database
    /// (postgres://USER@HOST[:PORT]/DB[?sslmode=verify-full&sslrootcert=FILE]; the password
    /// from PGPASSWORD or ~/.pgpass, never in the URL), or the URL of a `svcacct serve`
    /// (https://host:port, or http:// on loopback; HOST:PORT[/PATH], USER@HOST:PORT, http:/x,
    /// https;//x and a value with whitespace at either end are refused: ./NAME for a folder of
    /// such a name)
    /// [default: the context's store, else $XDG_DATA_HOME/svcacct/store]
    #[arg(
        long,
        global = true,
        hide = true,
        env = "SVCACCT_STORE",
        value_name = "PATH|URL"
    )]
    pub store: Option<PathBuf>,

    /// Folder of the local private keys that `create` and `key add --generate` make
    /// [default: $XDG_DATA_HOME/svcacct/keys]
    #[arg(
        long,
        global = true,
        hide = true,
        env = "SVCACCT_KEYSTORE",
        value_name = "PATH"
    )]
    pub keystore: Option<PathBuf>,

    /// Namespace of the command [default: default]
    #[arg(
        short = 'n',
        long,
        global = true,
        hide = true,
        env = "SVCACCT_NAMESPACE",
        value_name = "NS"
    )]
    pub namespace: Option<String>,

    /// Config file [default: $XDG_CONFIG_HOME/svcacct/config.toml]
    #[arg(
        long,
        global = true,
        hide = true,
        env = "SVCACCT_CONFIG",
        value_name = "FILE"
    )]
    pub config: Option<PathBuf>,

    /// File whose first line is the passphrase of encrypted private keys
    /// (else SVCACCT_PASSPHRASE, else a prompt on a terminal)
    #[arg(
        long,
        global = true,
        hide = true,
        env = "SVCACCT_PASSPHRASE_FILE",
        value_name = "FILE"
    )]
    pub passphrase_file: Option<PathBuf>,

    /// Named context of the config file to use (store, account, key, namespace)
    /// [default: the config file's `current-context`]
    #[arg(
        long,
        global = true,
        hide = true,
        env = "SVCACCT_CONTEXT",
        value_name = "NAME"
    )]
    pub context: Option<String>,

    /// With a remote store: the account that signs each request's token (name or NS/NAME)
    #[arg(
        long,
        global = true,
        hide = true,
        env = "SVCACCT_SERVICE_ACCOUNT",
        value_name = "REF"
    )]
    pub service_account: Option<String>,

    /// Private key that signs tokens: those `token` prints and, with a remote store, those sent
    /// with each request [default: SVCACCT_JWT_PRIVATE_KEY (a path, or the PEM itself), else
    /// the context's or config file's `jwt-private-key`, else the keystore's key for the account]
    #[arg(long, global = true, hide = true, value_name = "FILE")]
    pub jwt_private_key: Option<PathBuf>,

    /// With a remote store: a file holding a ready bearer token to send instead of signing one
    /// (else SVCACCT_TOKEN holds the token itself)
    #[arg(
        long,
        global = true,
        hide = true,
        env = "SVCACCT_TOKEN_FILE",
        value_name = "FILE"
    )]
    pub token_file: Option<PathBuf>,

    /// With an https:// store: PEM file of the certificate authorities to trust, instead of the
    /// Mozilla roots built into svcacct
    #[arg(
        long,
        global = true,
        hide = true,
        env = "SVCACCT_CA_CERT",
        value_name = "FILE"
    )]
    pub ca_cert: Option<PathBuf>,

    /// With a postgres:// store: file (mode 0600) of the key that encrypts the issuer's keys in
    /// the database, the same for every replica: 32 bytes as hex or base64, e.g. `openssl rand
    /// -hex 32` [default: SVCACCT_ISSUER_KEK holds the key itself]
    #[arg(
        long,
        global = true,
        hide = true,
        env = "SVCACCT_ISSUER_KEK_FILE",
        value_name = "FILE"
    )]
    pub issuer_kek_file: Option<PathBuf>,

    /// Log each request to a remote store on stderr: method, URL, status, time taken, retries;
    /// twice (-vv) also the answer's headers. Never a token, key or secret. Without -v,
    /// SVCACCT_LOG takes a filter instead, as RUST_LOG does (e.g. SVCACCT_LOG=svcacct=debug);
    /// -v wins over it
    #[arg(short = 'v', long, global = true, hide = true, action = clap::ArgAction::Count)]
    pub verbose: u8,
}

/// The arguments of one subcommand, added to the clap tree only when that subcommand is the one
/// parsed, or its help is shown (`clap::Command::defer`).
///
/// Building every argument of every subcommand, with the global options copied into each, was
/// about a tenth of a `svcacct token` process and most of its heap. Parsing, help and errors
/// are the same (a unit test compares every subcommand's help with the eager tree's).
/// Subcommands with subcommands of their own stay eager, so that `help key add` and its
/// completions know every name.
#[derive(Debug)]
pub struct Deferred<T>(pub T);

thread_local! {
    static EAGER: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// `Cli::command()` with every argument added at once, in clap's usual order: completions and
/// man pages list a subcommand's own options before the global ones, as they always did (a
/// deferred subcommand gets the global options first).
pub fn eager_command() -> clap::Command {
    use clap::CommandFactory;
    EAGER.with(|e| e.set(true));
    let cmd = Cli::command();
    EAGER.with(|e| e.set(false));
    cmd
}

transparent_to_clap!(Deferred);

impl<T: Args> Args for Deferred<T> {
    fn group_id() -> Option<clap::Id> {
        T::group_id()
    }

    fn augment_args(cmd: clap::Command) -> clap::Command {
        if EAGER.with(|e| e.get()) {
            T::augment_args(cmd)
        } else {
            cmd.defer(T::augment_args)
        }
    }

    fn augment_args_for_update(cmd: clap::Command) -> clap::Command {
        if EAGER.with(|e| e.get()) {
            T::augment_args_for_update(cmd)
        } else {
            cmd.defer(T::augment_args_for_update)
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Generate an RSA key pair, or derive the public key of a private key
    #[command(after_help = "\
Examples:
  svcacct keygen -o example.key                  # example.key (0600) + example.key.pub
  svcacct keygen -o ci.key --bits 4096 --encrypt # asks for a passphrase
  svcacct keygen --public-from example.key       # the public key, on stdout

Here -o is --out, the key file (not an output format, as kubectl's -o is).")]
    Keygen(Deferred<KeygenArgs>),

    /// Register a service account
    #[command(after_help = "\
Examples:
  svcacct create example-svc-account --public-key example.key.pub
  # A key pair generated here; the private key stays in the keystore:
  svcacct create ci-bot
  svcacct create deployer -n eng --group deployers --expires 90d
  svcacct create web-bot --dry-run -o yaml   # the account as it would be; nothing written")]
    Create(Deferred<CreateArgs>),

    /// List service accounts
    #[command(after_help = "\
Examples:
  svcacct get
  svcacct get ci-bot -o json
  svcacct get -A -o name
  svcacct get -A -l 'team=web,env in (prod,staging)'")]
    Get(Deferred<GetArgs>),

    /// Show service accounts in detail: keys, groups, labels and the policies that name them
    #[command(after_help = "\
Examples:
  svcacct describe ci-bot
  svcacct describe ci-bot deployer -n eng
  svcacct describe -n eng -l tier=build   # every account of eng labelled tier=build")]
    Describe(Deferred<DescribeArgs>),

    /// Delete service accounts (and their private keys in the local keystore)
    #[command(after_help = "\
Example:
  svcacct delete ci-bot old-bot")]
    Delete(Deferred<DeleteArgs>),

    /// Rename a service account; tokens minted under the old name stop verifying
    #[command(after_help = "\
Example:
  svcacct rename ci-bot build-bot")]
    Rename(Deferred<RenameArgs>),

    /// Disable a service account: its tokens stop verifying until it is enabled
    #[command(after_help = "\
Example:
  svcacct disable ci-bot")]
    Disable(Deferred<NameArg>),

    /// Enable a disabled service account
    #[command(after_help = "\
Example:
  svcacct enable ci-bot")]
    Enable(Deferred<NameArg>),

    /// Change a service account's description, expiry, groups or labels
    #[command(after_help = "\
Examples:
  svcacct update ci-bot --description 'builds the site' --add-group builders
  svcacct update ci-bot --expires 2027-06-30
  svcacct update ci-bot --no-expires --remove-group builders
  svcacct update ci-bot --label team=web --remove-label legacy")]
    Update(Deferred<UpdateArgs>),

    /// Add, list and remove an account's public keys (key rotation)
    #[command(
        subcommand,
        after_help = "\
Examples:
  svcacct key add ci-bot --generate
  svcacct key list ci-bot
  svcacct key remove ci-bot OLD_KID"
    )]
    Key(KeyCommand),

    /// Create, list and delete namespaces (with their default accounts and policies)
    #[command(
        subcommand,
        after_help = "\
Examples:
  svcacct namespace create eng
  svcacct namespace create eng/platform --no-defaults
  svcacct namespace get
  svcacct namespace delete eng --yes"
    )]
    Namespace(NamespaceCommand),

    /// Create, list, change and delete policies
    #[command(
        subcommand,
        after_help = "\
Examples:
  svcacct policy create deployers -n eng --subject group:deployers \\
      --action '*' --resource deployment
  svcacct policy get -A"
    )]
    Policy(PolicyCommand),

    /// Ask whether an account may do an action on a resource
    #[command(
        name = "can-i",
        after_help = "\
Examples:
  svcacct can-i create function --as example-svc-account    # yes, exit 0
  svcacct can-i delete function --as ci-bot -n eng -q         # exit 1 when not allowed
  svcacct can-i update group --as eng/owner --global          # may it give accounts groups?
  svcacct can-i --list --as ci-bot"
    )]
    CanI(Deferred<CanIArgs>),

    /// Mint a short-lived JWT for an account (offline: needs no server)
    #[command(after_help = "\
Examples:
  TOKEN=$(svcacct token example-svc-account --jwt-private-key example.key)
  curl -H \"$(svcacct token ci-bot -o header)\" https://api.example.com/
  svcacct token ci-bot --ttl 5m --aud https://api.example.com --claim env=prod
  curl -H \"$(svcacct token ci-bot -o header --reuse)\" https://api.example.com/
  svcacct token ci-bot -o exec-credential     # as a kubectl exec credential plugin

Reuse (--reuse, or `token-reuse = true` in the config file; --no-reuse overrides it): the token
is kept, and a later `svcacct token` with the same account, key, algorithm, --ttl, --aud and
--claim values prints it again while at least half of its lifetime remains
(`token-reuse-fraction` in the config file, default 0.5), instead of signing a new one. A new
key, a changed claim or a re-created account always gets a new token. Kept tokens are files of
mode 0600 in a folder of mode 0700 under $XDG_RUNTIME_DIR/svcacct/tokens, or the user's cache
folder (~/.cache/svcacct/tokens) without one; a folder or file that is a link, another user's or
open to others is not used. An encrypted key still asks for its passphrase.")]
    Token(Deferred<TokenArgs>),

    /// Run a command with a token that is kept fresh until it exits
    #[command(after_help = "\
The token is self-signed, as `svcacct token` mints it (offline; --ttl defaults to 10m), or with
--audience requested from the registry, as `svcacct tokens request` (--ttl defaults to 1h, at
least 10m unless the server's --token-request-min-duration allows less). With --out it is
written to FILE (mode 0600) and replaced atomically at 80 % of each token's lifetime, and the
command gets the path as SVCACCT_EXEC_TOKEN_FILE; with --env it gets the first token in VAR (a
running process's environment cannot change, so long jobs read the file). HUP, INT, QUIT,
TERM, USR1 and USR2 are passed on to the command; svcacct exits with its status (128 + N when
signal N ended it).

Examples:
  svcacct exec --out /run/ci-bot.token ci-bot -- ./deploy.sh
  svcacct exec --out token.jwt --audience sts.amazonaws.com eng/ci-bot -- aws s3 ls")]
    Exec(ExecArgs),

    /// Verify a token against the registry and say who it is
    #[command(after_help = "\
A token given as an argument is visible to other local users in the process list while the
command runs; `-` (or no argument) reads it from stdin instead.

Examples:
  svcacct verify \"$TOKEN\"
  printf %s \"$TOKEN\" | svcacct verify - --aud https://api.example.com -o json")]
    Verify(Deferred<VerifyArgs>),

    /// Print a token's header and claims without verifying anything
    #[command(after_help = "\
Example:
  svcacct decode \"$TOKEN\"")]
    Decode(Deferred<DecodeArgs>),

    /// Print one account's public keys, or the issuer's, as a JWKS for gateways that verify
    /// tokens themselves
    #[command(after_help = "\
A JWKS says nothing about which account a key belongs to: a verifier that trusts a JWKS accepts
any of its keys for any `iss`. So each trust domain has its own: an account's keys verify that
account's self-signed tokens (`iss` = the account), the issuer's keys verify issued tokens
(`iss` = the issuer). Each key's `alg` is the one algorithm it is registered to sign with.
`svcacct serve` publishes the same sets at
/v1/namespaces/{ns}/serviceaccounts/{name}/jwks and /.well-known/jwks.json.

Examples:
  svcacct jwks ci-bot > ci-bot.jwks.json
  svcacct jwks --issuer > issuer.jwks.json")]
    Jwks(Deferred<JwksArgs>),

    /// Serve the store over HTTP(S) for a team; requests authenticate with the accounts' JWTs
    #[command(after_help = "\
For whoever runs it: /healthz answers 200 while the process runs; /readyz 200 while the store
answers, 503 otherwise (the reason in the log). GET /metrics is in the Prometheus text format:
requests by route template and status, their durations, token verifications and token cache
lookups, the registry's generation; no label holds a token or a name. It needs a token whose
account a global policy allows `get` on `metrics` (e.g. an issued token, given to Prometheus as
`authorization: credentials_file`), or --unauthenticated-metrics where the network is trusted.

Examples:
  svcacct --store ~/registry create admin --public-key admin.key.pub
  svcacct --store ~/registry policy create admin-all --global --subject admin \\
      --action '*' --resource '*'
  svcacct --store ~/registry serve --listen 0.0.0.0:8420 --tls-cert tls.crt --tls-key tls.key

For Prometheus:
  svcacct --store ~/registry create prometheus
  svcacct --store ~/registry policy create metrics --global --subject prometheus \\
      --action get --resource metrics
  svcacct --store ~/registry tokens create prometheus scrape --out prometheus.token

Then, on a client (ca.crt: the certificate of a private CA that signed tls.crt):
  svcacct --store https://registry.example:8420 --ca-cert ca.crt \\
      --service-account admin --jwt-private-key admin.key get")]
    Serve(Deferred<ServeArgs>),

    /// Print who the store thinks you are: account, username, groups, key
    #[command(after_help = "\
Examples:
  svcacct whoami
  svcacct --store https://registry.example:8420 --service-account ci-bot \\
      --jwt-private-key ci-bot.key whoami -o json")]
    Whoami(Deferred<WhoamiArgs>),

    /// Manage contexts in the config file: named stores with the account and key to use
    #[command(
        subcommand,
        after_help = "\
Examples:
  svcacct config set-context prod --store https://registry.example:8420 \\
      --service-account ci-bot --jwt-private-key ~/.ci-bot.key
  svcacct config use-context prod
  svcacct config get-contexts"
    )]
    Config(ConfigCommand),

    /// Issue, list, rename and revoke tokens that the store signs for an account
    #[command(
        subcommand,
        after_help = "\
An issued token is signed by the store's issuer, not by the account's key: it is shown once,
lives as long as --expires says (3 years by default), and stops verifying at once when it is
revoked, when the account is deleted or renamed.

Examples:
  TOKEN=$(svcacct tokens create ci-bot deploy --expires 90d --aud https://api.example.com)
  svcacct tokens list ci-bot
  svcacct tokens revoke ci-bot deploy"
    )]
    Tokens(TokensCommand),

    /// Show, set up and rotate the store's token issuer
    #[command(
        subcommand,
        after_help = "\
Examples:
  svcacct issuer get
  svcacct issuer init --algorithm HS256 --secret-file secret.txt
  svcacct issuer set-url https://registry.example
  svcacct issuer rotate"
    )]
    Issuer(IssuerCommand),

    /// Look after the store itself: copy a whole registry between stores (a backup, a move),
    /// bring a PostgreSQL store's schema up to date
    #[command(
        subcommand,
        after_help = "\
Examples:
  svcacct store copy --from ~/.local/share/svcacct/store --to /backup/svcacct-store
  PGPASSWORD=… svcacct --store postgres://svcacct@db.example/svcacct store migrate"
    )]
    Store(StoreCommand),

    /// Log in to a remote store with an issued token, kept in the current context
    #[command(after_help = "\
The token comes from the global --token-file FILE (`-` for stdin), or from stdin when it is
piped. It is checked with the server first (nothing is stored when it fails), then written to
a 0600 file next to the config file, which the context's `token-file` names; the context's
`service-account` becomes the token's account (another account's `jwt-private-key` is dropped,
and login says so). Without a current context, one is created for --store (or SVCACCT_STORE)
and made current.

Examples:
  svcacct --store https://registry.example:8420 login --token-file ci.token
  svcacct tokens create ci-bot laptop | svcacct --store https://registry.example:8420 login")]
    Login(Deferred<LoginArgs>),

    /// Print the global options, which every command takes (as `kubectl options`)
    Options,

    /// Print a shell completion script
    #[command(after_help = "\
Examples:
  svcacct completions bash > /etc/bash_completion.d/svcacct
  svcacct completions zsh > \"${fpath[1]}/_svcacct\"")]
    Completions(Deferred<CompletionsArgs>),

    /// Print the client's version, commit and crypto engine, and with a remote store the
    /// server's (`GET /version`, which needs no credentials)
    #[command(after_help = "\
An unreachable server is an error line after the client's part (exit status 3).

Examples:
  svcacct version
  svcacct --store https://registry.example:8420 version -o json")]
    Version(Deferred<VersionArgs>),
}

#[derive(Debug, Args)]
pub struct VersionArgs {
    /// The client's version only: no request to a remote store (as `kubectl version --client`)
    #[arg(long)]
    pub client: bool,
    #[command(flatten)]
    pub output: OutputArg,
}

pub use crate::format::{OutputFormat, SortBy};

/// `-o`, `--no-headers` and `--sort-by` of the commands that show records (`format.rs`).
const OUTPUT_SHORT_HELP: &str =
    "Output format: table, wide, json, yaml, name, jsonpath=TEMPLATE or custom-columns=SPEC";
const OUTPUT_HELP: &str = "\
Output format: table, wide, json, yaml, name, jsonpath=TEMPLATE (kubectl's JSONPath, e.g. \
'{.items[*].name}' or '{range .items[*]}{.name}{\"\\n\"}{end}', over the document -o json \
prints) or custom-columns=HEADER:PATH,... (e.g. NAME:.name,STATUS:.status, a row per item)";

#[derive(Debug, Args)]
pub struct OutputArg {
    #[arg(
        short = 'o',
        long = "output",
        value_name = "FORMAT",
        help = OUTPUT_SHORT_HELP,
        long_help = OUTPUT_HELP,
        default_value = "table",
        value_parser = crate::format::OutputFormatParser { documents_only: false },
        hide_possible_values = true
    )]
    pub output: OutputFormat,

    /// Leave out the header of tables and custom columns
    #[arg(long)]
    pub no_headers: bool,

    /// Order a list by this JSONPath into each item of the document -o json prints (e.g.
    /// .created or '{.name}'; what it finds nowhere is an error)
    #[arg(long, value_name = "PATH", value_parser = crate::format::sort_by_parser())]
    pub sort_by: Option<SortBy>,
}

/// What `-o` prints on a command that writes (issue 16): the object as written, or as it would
/// be with `--dry-run`, in the shape `get -o json` prints for its kind (`commands/show.rs`
/// `written`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum WrittenFormat {
    /// The object as JSON, the shape `get -o json` prints
    Json,
    /// The same document as YAML
    Yaml,
    /// Just its reference, as `get -o name` prints it (`namespace create`, which writes several
    /// kinds: `KIND/REFERENCE` for each, as kubectl prints them)
    Name,
}

#[derive(Debug, Args)]
pub struct WriteOutputArg {
    /// Print the object as written (with --dry-run: as it would be) instead of the line that
    /// says what was done: json, yaml or name
    #[arg(short = 'o', long = "output", value_enum, value_name = "FORMAT")]
    pub output: Option<WrittenFormat>,
}

/// `-o` of a command that deletes: only `name` (what `get -o name` prints), as kubectl's
/// `delete -o name`; otherwise the line that says what was deleted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum DeletedFormat {
    /// Just the reference of what was deleted (with --dry-run: would be), one per line
    Name,
}

#[derive(Debug, Args)]
pub struct DeleteOutputArg {
    /// Print only the reference of what was deleted (with --dry-run: would be): name
    #[arg(short = 'o', long = "output", value_enum, value_name = "FORMAT")]
    pub output: Option<DeletedFormat>,
}

/// `--dry-run`, as kubectl spells it, on every command that writes (issue 16).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum DryRunMode {
    /// Write (the default)
    #[default]
    None,
    /// Run the change on a copy in memory of the store, read in one transaction (a local store
    /// only)
    Client,
    /// Send it with `?dryRun=All`: the server checks it, authorization included, and writes
    /// nothing (a local store does as `client`)
    Server,
    /// A bare `--dry-run`: `client` on a local store, `server` on a server (kubectl's bare
    /// `--dry-run` is `client`, which a server's client cannot do)
    #[value(hide = true)]
    Bare,
}

#[derive(Debug, Args)]
pub struct DryRunArg {
    /// Print what would be created, changed or deleted, and write nothing: no record, no key in
    /// the keystore, no file, and no token is shown. A bare --dry-run is --dry-run=client on a
    /// local store and --dry-run=server on a server
    #[arg(
        long = "dry-run",
        value_enum,
        value_name = "MODE",
        num_args = 0..=1,
        require_equals = true,
        default_missing_value = "bare",
        default_value_t = DryRunMode::None
    )]
    pub dry_run: DryRunMode,
}

#[derive(Debug, Args)]
#[command(group(ArgGroup::new("derive").args(["public_from"]).conflicts_with_all(["out", "encrypt", "bits"])))]
pub struct KeygenArgs {
    /// Write the private key (PKCS#8 PEM, mode 0600) to PATH and the public key to PATH.pub
    /// [default: private key on stdout, which must not be a terminal]
    #[arg(short = 'o', long = "out", value_name = "PATH")]
    pub out: Option<PathBuf>,

    /// Key size in bits (with two CPUs, two searches for the key run at once and the first
    /// key found is kept: the time of one search varies several-fold)
    #[arg(long, default_value_t = 3072, value_parser = key_bits())]
    pub bits: usize,

    /// Encrypt the private key with a passphrase (PBES2: PBKDF2-SHA256 + AES-256-CBC)
    #[arg(long)]
    pub encrypt: bool,

    /// Where to write the public key (SPKI PEM) [default: PATH.pub with -o, else not written]
    #[arg(long, value_name = "PATH")]
    pub public_out: Option<PathBuf>,

    /// Overwrite existing files
    #[arg(long)]
    pub force: bool,

    /// Do not generate: print (or write with --public-out) the public key of this private key
    #[arg(long, value_name = "FILE")]
    pub public_from: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct CreateArgs {
    /// Account name (a DNS-1123 label) or NS/NAME
    pub name: String,

    /// Public key to register (SPKI or PKCS#1 PEM/DER)
    /// [default: generate a key pair and keep the private key in the keystore]
    #[arg(long, value_name = "FILE")]
    pub public_key: Option<PathBuf>,

    /// Size of the generated key when --public-key is absent (two searches at once with two
    /// CPUs, as keygen)
    #[arg(long, default_value_t = 3072, conflicts_with = "public_key", value_parser = key_bits())]
    pub bits: usize,

    /// The one algorithm the key signs with; its published JWK says so (RFC 8725 §3.1)
    #[arg(long, value_enum, default_value_t = Alg::Rs256)]
    pub alg: Alg,

    /// Free text shown by describe
    #[arg(long, value_name = "TEXT")]
    pub description: Option<String>,

    /// Groups the account belongs to (repeatable or comma-separated)
    #[arg(long = "group", value_name = "G", value_delimiter = ',')]
    pub groups: Vec<String>,

    /// Expiry: a date (2027-06-30), a timestamp (RFC 3339) or a duration from now (90d, 12h)
    /// [default: never]
    #[arg(long, value_name = "DATE|DURATION")]
    pub expires: Option<String>,

    /// Act for this directory user (Pomerium): the account's tokens carry `sub` = USER_ID and
    /// `act: {"sub": <the account>}`
    #[arg(long, value_name = "USER_ID")]
    pub impersonate: Option<String>,
    #[command(flatten)]
    pub dry_run: DryRunArg,
    #[command(flatten)]
    pub output: WriteOutputArg,

    /// Label KEY=VALUE (repeatable): Kubernetes syntax, KEY `[prefix/]name` (prefix a DNS
    /// subdomain), name and VALUE at most 63 letters, digits, `-`, `_`, `.`; VALUE may be empty
    #[arg(long = "label", value_name = "KEY=VALUE")]
    pub labels: Vec<String>,
}

#[derive(Debug, Subcommand)]
pub enum NamespaceCommand {
    /// Create a namespace; its parent must exist. Also makes the default accounts builder,
    /// deployer and default, and the policies image-builders, deployers and image-pullers
    #[command(after_help = "\
Examples:
  svcacct namespace create eng
  svcacct namespace create eng/platform --no-defaults
  svcacct namespace create shop --label team=web
  svcacct namespace create web -o name   # namespace/web, serviceaccount/web/builder, …

With -o json|yaml it prints a List of the namespace and the accounts and policies made with it.")]
    Create(NamespaceCreateArgs),

    /// List namespaces, or show some
    #[command(after_help = "\
Examples:
  svcacct namespace get
  svcacct namespace get eng -o json
  svcacct namespace get -l team=web")]
    Get(NamespaceGetArgs),

    /// Delete a namespace with its accounts, policies and child namespaces
    #[command(after_help = "\
Asks for confirmation on a terminal; scripts pass --yes.

Example:
  svcacct namespace delete eng --yes")]
    Delete(NamespaceDeleteArgs),
}

#[derive(Debug, Args)]
pub struct NamespaceCreateArgs {
    /// Namespace: DNS-1123 labels joined by `/` (e.g. eng/platform)
    pub namespace: String,
    /// Do not create the default accounts and policies (through a server, creating them needs
    /// what their policies grant)
    #[arg(long)]
    pub no_defaults: bool,
    #[command(flatten)]
    pub dry_run: DryRunArg,
    #[command(flatten)]
    pub output: WriteOutputArg,
    /// Label KEY=VALUE (repeatable): Kubernetes syntax, KEY `[prefix/]name` (prefix a DNS
    /// subdomain), name and VALUE at most 63 letters, digits, `-`, `_`, `.`; VALUE may be empty
    #[arg(long = "label", value_name = "KEY=VALUE")]
    pub labels: Vec<String>,
}

#[derive(Debug, Args)]
pub struct NamespaceGetArgs {
    /// Namespaces to show [default: all]
    pub namespaces: Vec<String>,
    /// Only the namespaces whose labels match SELECTOR (Kubernetes syntax: `k=v`, `k==v`, `k!=v`,
    /// `k in (a,b)`, `k notin (a)`, `k`, `!k`; a comma is AND)
    #[arg(
        short = 'l',
        long = "selector",
        value_name = "SELECTOR",
        conflicts_with = "namespaces"
    )]
    pub selector: Option<String>,
    #[command(flatten)]
    pub output: OutputArg,
}

#[derive(Debug, Args)]
pub struct NamespaceDeleteArgs {
    /// Namespace to delete
    pub namespace: String,
    /// Do not ask for confirmation
    #[arg(short = 'y', long)]
    pub yes: bool,
    #[command(flatten)]
    pub dry_run: DryRunArg,
    #[command(flatten)]
    pub output: DeleteOutputArg,
}

#[derive(Debug, Args)]
pub struct GetArgs {
    /// Accounts to show [default: all in the namespace]
    pub names: Vec<String>,

    /// List accounts of every namespace
    #[arg(short = 'A', long, conflicts_with = "names")]
    pub all_namespaces: bool,

    /// Only the accounts whose labels match SELECTOR (Kubernetes syntax: `k=v`, `k==v`, `k!=v`,
    /// `k in (a,b)`, `k notin (a)`, `k`, `!k`; a comma is AND)
    #[arg(
        short = 'l',
        long = "selector",
        value_name = "SELECTOR",
        conflicts_with = "names"
    )]
    pub selector: Option<String>,

    #[command(flatten)]
    pub output: OutputArg,
}

#[derive(Debug, Args)]
pub struct DescribeArgs {
    /// Accounts: names or NS/NAMEs (each is shown; one that fails is reported and the others
    /// still shown) [default: every account of the namespace]
    pub names: Vec<String>,

    /// With no names, the accounts of every namespace
    #[arg(short = 'A', long, conflicts_with = "names")]
    pub all_namespaces: bool,

    /// With no names, only the accounts whose labels match SELECTOR (the syntax of `get -l`)
    #[arg(
        short = 'l',
        long = "selector",
        value_name = "SELECTOR",
        conflicts_with = "names"
    )]
    pub selector: Option<String>,

    #[command(flatten)]
    pub output: OutputArg,
}

#[derive(Debug, Args)]
pub struct DeleteArgs {
    /// Accounts to delete
    #[arg(required = true)]
    pub names: Vec<String>,
    #[command(flatten)]
    pub dry_run: DryRunArg,
    #[command(flatten)]
    pub output: DeleteOutputArg,
}

#[derive(Debug, Args)]
pub struct RenameArgs {
    /// Current name or NS/NAME
    pub old: String,
    /// New name (same namespace)
    pub new: String,
    #[command(flatten)]
    pub dry_run: DryRunArg,
    #[command(flatten)]
    pub output: WriteOutputArg,
}

#[derive(Debug, Args)]
pub struct NameArg {
    /// Account name or NS/NAME
    pub name: String,
    #[command(flatten)]
    pub dry_run: DryRunArg,
    #[command(flatten)]
    pub output: WriteOutputArg,
}

#[derive(Debug, Args)]
pub struct UpdateArgs {
    /// Account name or NS/NAME
    pub name: String,

    /// New description
    #[arg(long, value_name = "TEXT")]
    pub description: Option<String>,

    /// New expiry: a date, an RFC 3339 timestamp or a duration from now
    #[arg(long, value_name = "DATE|DURATION", conflicts_with = "no_expires")]
    pub expires: Option<String>,

    /// Remove the expiry date
    #[arg(long)]
    pub no_expires: bool,

    /// Add groups (repeatable or comma-separated)
    #[arg(long, value_name = "G", value_delimiter = ',')]
    pub add_group: Vec<String>,

    /// Remove groups (repeatable or comma-separated)
    #[arg(long, value_name = "G", value_delimiter = ',')]
    pub remove_group: Vec<String>,
    #[command(flatten)]
    pub dry_run: DryRunArg,
    #[command(flatten)]
    pub output: WriteOutputArg,

    /// Set the label KEY=VALUE (repeatable; see `create --label`)
    #[arg(long = "label", value_name = "KEY=VALUE")]
    pub labels: Vec<String>,

    /// Remove the label KEY (repeatable)
    #[arg(long = "remove-label", value_name = "KEY")]
    pub remove_labels: Vec<String>,
}

#[derive(Debug, Subcommand)]
pub enum KeyCommand {
    /// Register another public key for an account
    #[command(
        group(ArgGroup::new("source").required(true).args(["public_key", "generate"])),
        after_help = "\
Examples:
  svcacct key add ci-bot --public-key new.key.pub
  svcacct key add ci-bot --generate      # new key pair; the keystore signs with it from now on"
    )]
    Add(KeyAddArgs),

    /// List an account's public keys
    #[command(after_help = "\
Example:
  svcacct key list ci-bot")]
    List(KeyListArgs),

    /// Remove one of an account's public keys; tokens it signed stop verifying
    #[command(after_help = "\
Example:
  svcacct key remove ci-bot 3pXs0Zc0mB1zV8Y4-FPfO6Wb5hOXw4Q3mC4i9N2VbK8")]
    Remove(KeyRemoveArgs),
}

#[derive(Debug, Args)]
pub struct KeyAddArgs {
    /// Account name or NS/NAME
    pub name: String,
    /// Public key file to register
    #[arg(long, value_name = "FILE")]
    pub public_key: Option<PathBuf>,
    /// Generate a key pair; keep the private key in the keystore
    #[arg(long)]
    pub generate: bool,
    /// Size of the generated key (two searches at once with two CPUs, as keygen)
    #[arg(long, default_value_t = 3072, requires = "generate", value_parser = key_bits())]
    pub bits: usize,
    /// The one algorithm the key signs with; its published JWK says so (RFC 8725 §3.1)
    #[arg(long, value_enum, default_value_t = Alg::Rs256)]
    pub alg: Alg,
    #[command(flatten)]
    pub dry_run: DryRunArg,
    #[command(flatten)]
    pub output: WriteOutputArg,
}

#[derive(Debug, Args)]
pub struct KeyListArgs {
    /// Account name or NS/NAME
    pub name: String,
    #[command(flatten)]
    pub output: OutputArg,
}

#[derive(Debug, Args)]
pub struct KeyRemoveArgs {
    /// Account name or NS/NAME
    pub name: String,
    /// The key's id (see `svcacct key list`); it may start with `-`
    #[arg(allow_hyphen_values = true)]
    pub kid: String,
    /// Allow removing the account's last key
    #[arg(long)]
    pub force: bool,
    #[command(flatten)]
    pub dry_run: DryRunArg,
    #[command(flatten)]
    pub output: WriteOutputArg,
}

#[derive(Debug, Subcommand)]
pub enum PolicyCommand {
    /// Create a policy: SUBJECTS may do ACTIONS on RESOURCES in a namespace (and its children)
    #[command(after_help = "\
Subjects are account references (`ci-bot`, `eng/ci-bot`, `eng/*`) or `group:NAME`; `*` matches
anything and a trailing `*` matches a prefix. Anything not granted is denied.

Examples:
  svcacct policy create example-svc-policy --subject example-svc-account \\
      --action '*' --resource function
  svcacct policy create readers -n eng --subject group:viewers --action get,list --resource '*'
  svcacct policy create admins --global --subject admin --action '*' --resource '*'")]
    Create(PolicyCreateArgs),

    /// List policies
    #[command(after_help = "\
Examples:
  svcacct policy get
  svcacct policy get -A -o wide
  svcacct policy get -A -l tier=deploy")]
    Get(PolicyGetArgs),

    /// Show policies in detail
    #[command(after_help = "\
Examples:
  svcacct policy describe example-svc-policy
  svcacct policy describe -n eng                 # every policy of eng
  svcacct policy describe --global -l tier=admin")]
    Describe(PolicyDescribeArgs),

    /// Delete policies
    #[command(after_help = "\
Example:
  svcacct policy delete example-svc-policy")]
    Delete(PolicyDeleteArgs),

    /// Add or remove subjects, actions and resources of a policy
    #[command(after_help = "\
Example:
  svcacct policy update readers --add-subject group:auditors --remove-action list")]
    Update(PolicyUpdateArgs),
}

#[derive(Debug, Args)]
pub struct PolicyScopeArg {
    /// The policy applies in every namespace (instead of -n NS and its children)
    #[arg(long)]
    pub global: bool,
}

#[derive(Debug, Args)]
pub struct PolicyCreateArgs {
    /// Policy name (a DNS-1123 label)
    pub name: String,
    /// Who: account reference or group:NAME (repeatable or comma-separated)
    #[arg(
        long = "subject",
        value_name = "S",
        required = true,
        value_delimiter = ','
    )]
    pub subjects: Vec<String>,
    /// What: e.g. get, create, `*` (repeatable or comma-separated)
    #[arg(
        long = "action",
        value_name = "A",
        required = true,
        value_delimiter = ','
    )]
    pub actions: Vec<String>,
    /// On what: e.g. function, `image*`, `*` (repeatable or comma-separated)
    #[arg(
        long = "resource",
        value_name = "R",
        required = true,
        value_delimiter = ','
    )]
    pub resources: Vec<String>,
    /// Free text shown by describe
    #[arg(long, value_name = "TEXT")]
    pub description: Option<String>,
    /// Label KEY=VALUE (repeatable): Kubernetes syntax, KEY `[prefix/]name` (prefix a DNS
    /// subdomain), name and VALUE at most 63 letters, digits, `-`, `_`, `.`; VALUE may be empty
    #[arg(long = "label", value_name = "KEY=VALUE")]
    pub labels: Vec<String>,
    #[command(flatten)]
    pub scope: PolicyScopeArg,
    #[command(flatten)]
    pub dry_run: DryRunArg,
    #[command(flatten)]
    pub output: WriteOutputArg,
}

#[derive(Debug, Args)]
pub struct PolicyGetArgs {
    /// Policies to show [default: all in the namespace, or global ones with --global]
    pub names: Vec<String>,
    /// List policies of every namespace and the global ones
    #[arg(short = 'A', long, conflicts_with_all = ["names", "global"])]
    pub all_namespaces: bool,
    /// Only the policies whose labels match SELECTOR (Kubernetes syntax: `k=v`, `k==v`, `k!=v`,
    /// `k in (a,b)`, `k notin (a)`, `k`, `!k`; a comma is AND)
    #[arg(
        short = 'l',
        long = "selector",
        value_name = "SELECTOR",
        conflicts_with = "names"
    )]
    pub selector: Option<String>,
    #[command(flatten)]
    pub scope: PolicyScopeArg,
    #[command(flatten)]
    pub output: OutputArg,
}

#[derive(Debug, Args)]
pub struct PolicyDescribeArgs {
    /// Policy names (each is shown; one that fails is reported and the others still shown)
    /// [default: every policy of the namespace, or the global ones with --global]
    pub names: Vec<String>,
    /// With no names, only the policies whose labels match SELECTOR (the syntax of `policy get
    /// -l`)
    #[arg(
        short = 'l',
        long = "selector",
        value_name = "SELECTOR",
        conflicts_with = "names"
    )]
    pub selector: Option<String>,
    #[command(flatten)]
    pub scope: PolicyScopeArg,
    #[command(flatten)]
    pub output: OutputArg,
}

#[derive(Debug, Args)]
pub struct PolicyDeleteArgs {
    /// Policies to delete
    #[arg(required = true)]
    pub names: Vec<String>,
    #[command(flatten)]
    pub scope: PolicyScopeArg,
    #[command(flatten)]
    pub dry_run: DryRunArg,
    #[command(flatten)]
    pub output: DeleteOutputArg,
}

#[derive(Debug, Args)]
pub struct PolicyUpdateArgs {
    /// Policy name
    pub name: String,
    #[command(flatten)]
    pub scope: PolicyScopeArg,
    /// New description
    #[arg(long, value_name = "TEXT")]
    pub description: Option<String>,
    /// Subjects to add (repeatable or comma-separated)
    #[arg(long, value_name = "S", value_delimiter = ',')]
    pub add_subject: Vec<String>,
    /// Subjects to remove
    #[arg(long, value_name = "S", value_delimiter = ',')]
    pub remove_subject: Vec<String>,
    /// Actions to add
    #[arg(long, value_name = "A", value_delimiter = ',')]
    pub add_action: Vec<String>,
    /// Actions to remove
    #[arg(long, value_name = "A", value_delimiter = ',')]
    pub remove_action: Vec<String>,
    /// Resources to add
    #[arg(long, value_name = "R", value_delimiter = ',')]
    pub add_resource: Vec<String>,
    /// Resources to remove
    #[arg(long, value_name = "R", value_delimiter = ',')]
    pub remove_resource: Vec<String>,
    #[command(flatten)]
    pub dry_run: DryRunArg,
    #[command(flatten)]
    pub output: WriteOutputArg,
    /// Set the label KEY=VALUE (repeatable; see `policy create --label`)
    #[arg(long = "label", value_name = "KEY=VALUE")]
    pub labels: Vec<String>,
    /// Remove the label KEY (repeatable)
    #[arg(long = "remove-label", value_name = "KEY")]
    pub remove_labels: Vec<String>,
}

#[derive(Debug, Args)]
#[command(group(ArgGroup::new("question").required(true).args(["action", "list"])))]
pub struct CanIArgs {
    /// The action, e.g. create
    #[arg(requires = "resource")]
    pub action: Option<String>,
    /// The resource, e.g. function
    pub resource: Option<String>,
    /// The account asking: name or NS/NAME
    #[arg(long = "as", value_name = "REF", required = true)]
    pub as_account: String,
    /// Print nothing; answer with the exit status only
    #[arg(short, long)]
    pub quiet: bool,
    /// Print everything the account may do
    #[arg(long, conflicts_with_all = ["action", "resource", "quiet"])]
    pub list: bool,
    /// Ask about global policies only (what routes without a namespace, giving groups and
    /// impersonation need), instead of those that reach the namespace of -n
    #[arg(long, conflicts_with = "list")]
    pub global: bool,
    #[command(flatten)]
    pub output: OutputArg,
}

/// Signature algorithm of minted tokens and of registered keys.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum Alg {
    #[default]
    #[value(name = "RS256")]
    Rs256,
    #[value(name = "RS384")]
    Rs384,
    #[value(name = "RS512")]
    Rs512,
}

/// What `token` prints.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum TokenOutput {
    /// The bare JWT
    #[default]
    Jwt,
    /// JSON with the token, its kid and expiry
    Json,
    /// `Authorization: Bearer <jwt>`
    Header,
    /// A client.authentication.k8s.io/v1 ExecCredential, for kubectl's exec plugins
    ExecCredential,
}

#[derive(Debug, Args)]
pub struct TokenArgs {
    /// The account the token is for: name or NS/NAME (becomes `iss` and `sub`)
    pub reference: String,
    /// Sign with the keystore key of this kid [default: the keystore's current key]
    /// (not with --jwt-private-key); it may start with `-`
    #[arg(long, allow_hyphen_values = true)]
    pub kid: Option<String>,
    /// Lifetime: e.g. 90s, 10m, 1h; at most the maximum token lifetime
    #[arg(long, default_value = "10m", value_name = "DURATION")]
    pub ttl: String,
    /// Signature algorithm [default: the one the key is registered for (from a local store's
    /// record or the keystore), else RS256]
    #[arg(long, value_enum)]
    pub alg: Option<Alg>,
    /// Audience (repeatable)
    #[arg(long = "aud", value_name = "A")]
    pub audiences: Vec<String>,
    /// Extra string claim (repeatable); registered claims cannot be overridden
    #[arg(long = "claim", value_name = "K=V")]
    pub claims: Vec<String>,
    /// What to print
    #[arg(short = 'o', long = "output", value_enum, default_value_t = TokenOutput::Jwt)]
    pub output: TokenOutput,
    /// Print the token kept from an earlier --reuse for the same account, key, algorithm, TTL,
    /// audiences and claims while at least half of its lifetime remains; else mint one and
    /// keep it (see below)
    #[arg(long, overrides_with = "no_reuse")]
    pub reuse: bool,
    /// Mint a new token even when the config file's `token-reuse` is true
    #[arg(long, overrides_with = "reuse")]
    pub no_reuse: bool,
}

#[derive(Debug, Args)]
pub struct ExecArgs {
    /// Keep the token in FILE (mode 0600), replaced at 80 % of each token's lifetime (not
    /// `--token-file`: that global flag names the bearer token a remote store is called with)
    #[arg(long = "out", value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Give the command the first token in environment variable VAR
    #[arg(long, value_name = "VAR")]
    pub env: Option<String>,
    /// Request tokens for this audience from the registry (repeatable) instead of self-signed ones
    #[arg(long = "audience", value_name = "A")]
    pub audiences: Vec<String>,
    /// Each token's lifetime [default: 10m self-signed, 1h requested]
    #[arg(long, value_name = "DURATION")]
    pub ttl: Option<String>,
    /// Account name or NS/NAME
    pub account: String,
    /// The command and its arguments, after `--`
    #[arg(last = true, required = true, value_name = "CMD")]
    pub command: Vec<String>,
}

#[derive(Debug, Args)]
pub struct VerifyArgs {
    /// The token, or `-` to read it from stdin [default: -]
    #[arg(value_name = "TOKEN|-")]
    pub token: Option<String>,
    /// Require this audience
    #[arg(long, value_name = "A")]
    pub aud: Option<String>,
    #[command(flatten)]
    pub output: OutputArg,
}

#[derive(Debug, Args)]
pub struct DecodeArgs {
    /// The token, or `-` to read it from stdin [default: -]
    #[arg(value_name = "TOKEN|-")]
    pub token: Option<String>,
}

#[derive(Debug, Args)]
pub struct JwksArgs {
    /// The account (name or NS/NAME) whose active keys to print (none while it is disabled or
    /// expired)
    #[arg(required_unless_present_any = ["issuer", "all_namespaces"], conflicts_with = "issuer")]
    pub name: Option<String>,
    /// The issuer's RSA keys instead: they verify the tokens it issues
    #[arg(long)]
    pub issuer: bool,
    /// No longer offered: a key set of several accounts lets each sign as the others
    #[arg(short = 'A', long, hide = true)]
    pub all_namespaces: bool,
    /// Output format: json, yaml, jsonpath=TEMPLATE (e.g. '{.keys[*].kid}') or
    /// custom-columns=HEADER:PATH,...
    #[arg(
        short = 'o',
        long = "output",
        value_name = "FORMAT",
        default_value = "json",
        value_parser = crate::format::OutputFormatParser { documents_only: true },
        hide_possible_values = true
    )]
    pub output: OutputFormat,
    /// Leave out the header of custom columns
    #[arg(long)]
    pub no_headers: bool,
    /// Order the set's `keys` by this JSONPath into each key (e.g. .kid), as --sort-by orders
    /// the items of a list
    #[arg(long, value_name = "PATH", value_parser = crate::format::sort_by_parser())]
    pub sort_by: Option<SortBy>,
}

#[derive(Debug, Subcommand)]
pub enum TokensCommand {
    /// Issue a token for an account; it is printed once (the bare JWT on stdout, or with --out in
    /// a new file of mode 0600)
    #[command(after_help = "\
Examples:
  TOKEN=$(svcacct tokens create ci-bot deploy)
  svcacct tokens create ci-bot laptop --out laptop.token     # not `> laptop.token`: mode 0600
  svcacct tokens create ci-bot nightly --expires 2027-06-30 --aud https://api.example.com
  svcacct tokens create ci-bot forever --expires never
  svcacct tokens create ci-bot ci --out ci.token -o json   # its record (never the token)
  svcacct tokens create ci-bot nightly-2 --label purpose=nightly --out nightly.token")]
    Create(TokensCreateArgs),

    /// List an account's issued tokens (never the tokens themselves)
    #[command(after_help = "\
Examples:
  svcacct tokens list ci-bot
  svcacct tokens list ci-bot -l purpose=nightly -o wide")]
    List(TokensListArgs),

    /// Revoke an issued token: from now on it fails verification
    #[command(after_help = "\
Example:
  svcacct tokens revoke ci-bot deploy")]
    Revoke(TokenNameArgs),

    /// Issue a new token under the same name (same audiences and lifetime) and revoke the old
    #[command(after_help = "\
Example:
  TOKEN=$(svcacct tokens regenerate ci-bot deploy)")]
    Regenerate(TokenRegenerateArgs),

    /// Rename an issued token (the token itself does not change)
    #[command(after_help = "\
Example:
  svcacct tokens rename ci-bot deploy deploy-old")]
    Rename(TokensRenameArgs),

    /// Request a short-lived token for audiences, signed by the issuer and not stored
    #[command(after_help = "\
As Kubernetes' TokenRequest: the token carries `iss` = the issuer (its URL once one is set),
`sub` = system:serviceaccount:NS:NAME, the audiences, and a `svcacct` claim with the account's
namespace, name and uid. It lives --duration (at least 10m, or a server's
--token-request-min-duration; a server cuts it to its --max-requested-token-lifetime, 24h
unless set) and cannot be revoked: keep it short. A relying party verifies it with the
issuer's JWKS; svcacct verifies it with `svcacct verify TOKEN --aud A`. Asking a server needs
a policy allowing `create` on `token` in the account's namespace, also for a token of the
caller itself.

Examples:
  svcacct tokens request ci-bot --audience sts.amazonaws.com
  svcacct tokens request eng/ci-bot --audience https://vault.example --duration 15m -o json
  svcacct tokens request ci-bot --audience https://k8s.example -o exec-credential")]
    Request(TokensRequestArgs),
}

#[derive(Debug, Args)]
pub struct TokensRequestArgs {
    /// Account name or NS/NAME
    pub account: String,
    /// An audience (`aud`) the token is for; repeatable, at least one
    #[arg(long = "audience", value_name = "A", required = true)]
    pub audiences: Vec<String>,
    /// How long it lives [default: 1h]
    #[arg(long, value_name = "DURATION")]
    pub duration: Option<String>,
    /// Output format
    #[arg(short = 'o', long = "output", value_enum, default_value_t = RequestOutput::Jwt)]
    pub output: RequestOutput,
}

/// What `tokens request` prints.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum RequestOutput {
    /// The bare JWT
    Jwt,
    /// The token with its expiry and audiences
    Json,
    /// A client.authentication.k8s.io/v1 ExecCredential, for kubectl's exec plugins
    ExecCredential,
}

#[derive(Debug, Args)]
pub struct TokensCreateArgs {
    /// Account name or NS/NAME
    pub account: String,
    /// Name of the token, unique for the account (a DNS-1123 label)
    pub token_name: String,
    /// When it expires: a duration (90d, 1y), a date (2027-06-30), an RFC 3339 timestamp, or
    /// `never`
    #[arg(long, value_name = "DURATION|DATE|never", default_value = crate::issued::DEFAULT_EXPIRY)]
    pub expires: String,
    /// Audience (`aud`); repeatable
    #[arg(long = "aud", value_name = "A")]
    pub audiences: Vec<String>,
    /// Write the token to FILE, a new file of mode 0600 (never over an existing one), instead
    /// of stdout
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    #[command(flatten)]
    pub dry_run: DryRunArg,
    #[command(flatten)]
    pub output: WriteOutputArg,
    /// Label KEY=VALUE on the token's record (repeatable; the syntax of `create --label`)
    #[arg(long = "label", value_name = "KEY=VALUE")]
    pub labels: Vec<String>,
}

#[derive(Debug, Args)]
pub struct TokensListArgs {
    /// Account name or NS/NAME
    pub account: String,
    /// Only the tokens whose labels match SELECTOR (Kubernetes syntax: `k=v`, `k==v`, `k!=v`,
    /// `k in (a,b)`, `k notin (a)`, `k`, `!k`; a comma is AND)
    #[arg(short = 'l', long = "selector", value_name = "SELECTOR")]
    pub selector: Option<String>,
    #[command(flatten)]
    pub output: OutputArg,
}

#[derive(Debug, Args)]
pub struct TokenNameArgs {
    /// Account name or NS/NAME
    pub account: String,
    /// Name of the token
    pub token_name: String,
    #[command(flatten)]
    pub dry_run: DryRunArg,
    #[command(flatten)]
    pub output: DeleteOutputArg,
}

#[derive(Debug, Args)]
pub struct TokenRegenerateArgs {
    /// Account name or NS/NAME
    pub account: String,
    /// Name of the token
    pub token_name: String,
    #[command(flatten)]
    pub dry_run: DryRunArg,
    #[command(flatten)]
    pub output: WriteOutputArg,
}

#[derive(Debug, Args)]
pub struct TokensRenameArgs {
    /// Account name or NS/NAME
    pub account: String,
    /// Current name of the token
    pub old: String,
    /// New name
    pub new: String,
    #[command(flatten)]
    pub dry_run: DryRunArg,
    #[command(flatten)]
    pub output: WriteOutputArg,
}

#[derive(Debug, Args)]
pub struct StoreMigrateArgs {}

#[derive(Debug, Subcommand)]
pub enum IssuerCommand {
    /// Show the issuer: its id, algorithm and keys (never a secret)
    #[command(after_help = "\
Example:
  svcacct issuer get -o json")]
    Get(IssuerGetArgs),

    /// Create the issuer before first use, e.g. to sign with an HMAC secret (HS256)
    #[command(after_help = "\
The secret (at least 32 bytes; one final newline is not part of it) is read from a file or
stdin, never from the command line, and is kept in the store (mode 0600).

Examples:
  head -c 48 /dev/urandom | base64 > secret.txt   # text: raw bytes may end in a newline
  svcacct issuer init --algorithm HS256 --secret-file secret.txt
  svcacct issuer init                  # RS256, as the first `tokens create` would")]
    Init(IssuerInitArgs),

    /// Start a new signing key; the old one verifies the tokens it signed until they expire
    #[command(after_help = "\
A retired key stays in the issuer's JWKS while a token it signed lives, so that gateways keep
verifying those tokens; svcacct itself accepts from it only the tokens it signed. When a key
may have leaked, --revoke-previous removes every earlier key at once, from the JWKS too, and
revokes every token they signed: issue new ones with `svcacct tokens create`.

Examples:
  svcacct issuer rotate
  svcacct issuer rotate --revoke-previous              # a key leaked
  svcacct issuer rotate --secret-file new-secret.txt     # an HS256 issuer")]
    Rotate(IssuerRotateArgs),

    /// Set the https URL that the issuer's tokens carry as `iss` and relying parties discover
    #[command(after_help = "\
Relying parties (AWS, GCP, Vault, Kubernetes, any OIDC library) fetch
URL/.well-known/openid-configuration and the keys it names, over https: serve the store there
(`svcacct serve --tls-cert ... --issuer-url URL`, or behind a proxy that forwards both paths).
The issuer is created (RS256) if the store has none. Setting the first URL changes nothing for
tokens signed before: they carry the issuer's id, which svcacct keeps accepting. Replacing a URL
needs --force: every token signed until then carries the old URL, and neither svcacct nor a
relying party configured with the new one accepts it any more.

Examples:
  svcacct issuer set-url https://registry.example
  svcacct issuer set-url https://id.example.com --force   # tokens with the old URL stop verifying")]
    SetUrl(IssuerSetUrlArgs),

    /// Set how long relying parties may cache the issuer's JWKS (its max-age; 5m by default)
    #[command(after_help = "\
The issuer's JWKS and discovery document are served with `Cache-Control: public, max-age=` this
duration (at least 1s, at most 24h), by every server on the store. Rotation follows it: a new
key is published that long before it signs (`issuer rotate` without --publish-first, `serve
--issuer-rotation-period`), and a retired key stays that long after its last token expired.
Lowered, the old max-age still holds for those until a JWKS served under it has expired
everywhere (`issuer get` shows the new one at once).

Examples:
  svcacct issuer set-jwks-max-age 1h
  svcacct issuer set-jwks-max-age 5m   # the default")]
    SetJwksMaxAge(IssuerSetJwksMaxAgeArgs),
}

#[derive(Debug, Args)]
pub struct IssuerSetJwksMaxAgeArgs {
    /// How long a relying party may keep the JWKS (e.g. 5m; at least 1s, at most 24h)
    #[arg(value_name = "DURATION")]
    pub max_age: String,
    #[command(flatten)]
    pub dry_run: DryRunArg,
    #[command(flatten)]
    pub output: WriteOutputArg,
}

#[derive(Debug, Args)]
pub struct IssuerSetUrlArgs {
    /// The issuer URL: https, no trailing `/`, no query or fragment
    #[arg(value_name = "URL")]
    pub url: String,
    /// Replace a URL the issuer has already: tokens that carry the old one stop verifying
    #[arg(long)]
    pub force: bool,
    #[command(flatten)]
    pub dry_run: DryRunArg,
    #[command(flatten)]
    pub output: WriteOutputArg,
}

#[derive(Debug, Args)]
pub struct IssuerGetArgs {
    #[command(flatten)]
    pub output: OutputArg,
}

/// How the issuer signs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum IssuerAlg {
    /// RSA (2048-bit) with SHA-256; its public keys are in the JWKS
    #[value(name = "RS256")]
    Rs256,
    /// HMAC with SHA-256 and a shared secret
    #[value(name = "HS256")]
    Hs256,
}

#[derive(Debug, Args)]
pub struct IssuerInitArgs {
    #[arg(long, value_enum, default_value_t = IssuerAlg::Rs256)]
    pub algorithm: IssuerAlg,
    /// File holding the HS256 secret (`-` for stdin)
    #[arg(long, value_name = "FILE|-")]
    pub secret_file: Option<PathBuf>,
    /// The https URL its tokens carry as `iss` (RS256 only; see `svcacct issuer set-url`)
    #[arg(long, value_name = "URL")]
    pub url: Option<String>,
    /// How long relying parties may cache its JWKS, which rotation follows (RS256 only; see
    /// `svcacct issuer set-jwks-max-age`) [default: 5m]
    #[arg(long, value_name = "DURATION")]
    pub jwks_max_age: Option<String>,
    #[command(flatten)]
    pub dry_run: DryRunArg,
    #[command(flatten)]
    pub output: WriteOutputArg,
}

#[derive(Debug, Args)]
pub struct IssuerRotateArgs {
    /// File holding the new HS256 secret (`-` for stdin); an HS256 issuer needs one
    #[arg(long, value_name = "FILE|-")]
    pub secret_file: Option<PathBuf>,
    /// Remove every earlier key at once (from the JWKS too) and revoke every token they
    /// signed: what a leaked key calls for
    #[arg(long)]
    pub revoke_previous: bool,
    /// Publish the new key in the JWKS this long before it signs (the current key signs until
    /// then), so that verifiers caching the JWKS have it before they meet its tokens; 0 signs
    /// at once [default: the JWKS's max-age (5m unless `issuer set-jwks-max-age` changed it)
    /// for RS256; 0 with --revoke-previous]
    #[arg(long, value_name = "DURATION")]
    pub publish_first: Option<String>,
    #[command(flatten)]
    pub dry_run: DryRunArg,
    #[command(flatten)]
    pub output: WriteOutputArg,
}

#[derive(Debug, Subcommand)]
pub enum StoreCommand {
    /// Copy every record of one store into another, empty one: accounts and their keys,
    /// policies, namespaces, the issuer and its private keys, issued-token records
    #[command(after_help = "\
Every record keeps its uid and revision, so the copy is the same registry: a token that
verifies against the source verifies against the copy. The source is read in one transaction
and the destination written in one: a copy that fails changes nothing. Before the copy is
committed, and again after, every record is read back from the destination and compared with
the source's. Nothing secret is printed; the issuer's private keys are copied as they are
(a file store keeps them 0600).

--from and --to take what --store takes, except a server's URL: a `svcacct serve` is copied
on its own machine, from its store folder. A destination that holds records is refused unless
--overwrite is given; a source that holds none is refused.

Examples:
  svcacct store copy --from ~/.local/share/svcacct/store --to /backup/svcacct-store
  svcacct store copy --from /backup/svcacct-store --to ./store --overwrite")]
    Copy(StoreCopyArgs),

    /// Bring a PostgreSQL store's schema up to the version this svcacct needs (creates it in
    /// an empty database); a store at that version already is left as it is
    Migrate(StoreMigrateArgs),
}

#[derive(Debug, Args)]
pub struct StoreCopyArgs {
    /// The store to copy from (a folder, or a postgres:// database)
    #[arg(long, value_name = "STORE")]
    pub from: PathBuf,
    /// The store to copy into (a folder, made by the copy when it does not exist; or a
    /// postgres:// database whose schema `store migrate` made)
    #[arg(long, value_name = "STORE")]
    pub to: PathBuf,
    /// Replace whatever the destination holds: its records are removed and the source's
    /// written, in one transaction, so that it becomes a copy of the source
    #[arg(long)]
    pub overwrite: bool,
}

#[derive(Debug, Args)]
pub struct LoginArgs {}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address to listen on; plain HTTP is refused on a non-loopback address unless
    /// --insecure-listen
    #[arg(long, default_value = "127.0.0.1:8420", value_name = "ADDR:PORT")]
    pub listen: String,
    /// PEM certificate chain: serve HTTPS (with --tls-key)
    #[arg(long, value_name = "FILE", requires = "tls_key")]
    pub tls_cert: Option<PathBuf>,
    /// PEM private key of the certificate
    #[arg(long, value_name = "FILE", requires = "tls_cert")]
    pub tls_key: Option<PathBuf>,
    /// Serve plain HTTP on a non-loopback address (tokens cross the network in clear text)
    #[arg(long)]
    pub insecure_listen: bool,
    /// Longest lifetime (exp - iat) of an accepted token [default: SVCACCT_MAX_TOKEN_LIFETIME,
    /// else the config file's `max-token-lifetime`, else 1h]
    #[arg(long, value_name = "DURATION")]
    pub max_token_lifetime: Option<String>,
    /// Longest time a client may take to send a request (headers and body, each of which has at
    /// most 10s of it), and a handler to answer it
    #[arg(long, default_value = "30s", value_name = "DURATION")]
    pub request_timeout: String,
    /// Serve GET /metrics to anyone, without a token (by default it needs a policy allowing
    /// `get` on `metrics` globally)
    #[arg(long)]
    pub unauthenticated_metrics: bool,
    /// The issuer's https URL: set in the store (created RS256 if it has none) unless it has
    /// it already; another URL there is refused (change it with `svcacct issuer set-url --force`)
    #[arg(long, value_name = "URL")]
    pub issuer_url: Option<String>,
    /// Longest lifetime of a requested token (`svcacct tokens request`); a longer request is cut
    /// to it (at least --token-request-min-duration)
    #[arg(long, default_value = "24h", value_name = "DURATION")]
    pub max_requested_token_lifetime: String,
    /// Shortest lifetime a token may be requested for (`expirationSeconds`; at least 1s). Keep
    /// Kubernetes' 10m in production: a shorter one is for tests and demos of token renewal
    /// (`svcacct exec --audience A --ttl 10s`)
    #[arg(long, default_value = "10m", value_name = "DURATION")]
    pub token_request_min_duration: String,
    /// Do not serve the web console (/ui/); the API alone
    #[arg(long)]
    pub no_ui: bool,
    /// Rotate the issuer key by itself when it has signed for this long (e.g. 30d; at least
    /// 2s); the new key is published first for the JWKS's max-age (5m unless `issuer
    /// set-jwks-max-age` changed it), or for half the period when that is shorter. Several
    /// servers on one store rotate once. An HS256 issuer is refused: its new secret comes from
    /// you
    #[arg(long, value_name = "DURATION")]
    pub issuer_rotation_period: Option<String>,
}

#[derive(Debug, Args)]
pub struct WhoamiArgs {
    #[command(flatten)]
    pub output: OutputArg,
}

#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    /// Create or change a context; takes the global --store, --service-account,
    /// --jwt-private-key, --token-file, --ca-cert and -n given on this command line
    #[command(after_help = "\
Examples:
  svcacct config set-context prod --store https://registry.example:8420 \\
      --service-account ci-bot --jwt-private-key ~/.ci-bot.key -n eng
  svcacct config set-context laptop --store ~/.local/share/svcacct/store")]
    SetContext(SetContextArgs),
    /// Make a context the current one
    #[command(after_help = "\
Example:
  svcacct config use-context prod")]
    UseContext(ContextNameArg),
    /// List the contexts; the current one is marked with `*`
    #[command(after_help = "\
Example:
  svcacct config get-contexts -o name")]
    GetContexts(OutputArg),
    /// Print the name of the current context
    #[command(after_help = "\
Example:
  svcacct config current-context")]
    CurrentContext,
    /// Delete a context
    #[command(after_help = "\
Example:
  svcacct config delete-context old")]
    DeleteContext(ContextNameArg),
    /// Print the config file's settings and contexts
    #[command(after_help = "\
Examples:
  svcacct config view
  svcacct config view -o json")]
    View(OutputArg),
}

#[derive(Debug, Args)]
pub struct SetContextArgs {
    /// Context name (a DNS-1123 label)
    pub name: String,
    /// Make it the current context too
    #[arg(long)]
    pub current: bool,
}

#[derive(Debug, Args)]
pub struct ContextNameArg {
    /// Context name
    pub name: String,
}

#[cfg(test)]
mod tests {
    use clap::{CommandFactory, FromArgMatches};

    use super::{Cli, command_for, eager_command, named_subcommand};

    /// Every (sub)command of the deferred tree, once built, has the same arguments, help and
    /// subcommands as the eager tree that completions and man pages come from.
    #[test]
    fn deferred_tree_is_the_eager_tree() {
        fn compare(lazy: &mut clap::Command, eager: &mut clap::Command, path: &str) {
            let args = |c: &clap::Command| {
                let mut v: Vec<String> = c.get_arguments().map(|a| format!("{a:?}")).collect();
                v.sort();
                v
            };
            assert_eq!(args(lazy), args(eager), "{path}");
            assert_eq!(
                lazy.render_long_help().to_string(),
                eager.render_long_help().to_string(),
                "{path}"
            );
            assert_eq!(
                lazy.render_help().to_string(),
                eager.render_help().to_string(),
                "{path}"
            );
            let names = |c: &clap::Command| {
                c.get_subcommands()
                    .map(|s| s.get_name().to_owned())
                    .collect::<Vec<_>>()
            };
            assert_eq!(names(lazy), names(eager), "{path}");
            for name in names(eager) {
                let l = lazy.find_subcommand_mut(&name).unwrap();
                let e = eager.find_subcommand_mut(&name).unwrap();
                compare(l, e, &format!("{path} {name}"));
            }
        }
        let (mut lazy, mut eager) = (Cli::command(), eager_command());
        lazy.build();
        eager.build();
        compare(&mut lazy, &mut eager, "svcacct");
        assert!(
            lazy.find_subcommand("token")
                .unwrap()
                .get_arguments()
                .count()
                > 10
        );
    }

    /// The same command lines parse to the same values, or fail with the same message.
    #[test]
    fn one_subcommand_parses_as_the_whole_tree() {
        let lines: &[&[&str]] = &[
            &["token", "ci-bot"],
            &[
                "--store", "/s", "token", "eng/ci", "--ttl", "5m", "--aud", "a",
            ],
            &["--store", "token", "token", "x"],
            &["-n", "get", "token", "x"],
            &["-n", "get", "get"],
            &["-n", "eng", "get", "-o", "wide", "-l", "a=b"],
            &["key", "add", "ci-bot", "--generate"],
            &["tokens", "request", "ci-bot", "--audience", "a"],
            &[
                "policy",
                "create",
                "p",
                "--subject",
                "s",
                "--action",
                "*",
                "--resource",
                "*",
            ],
            &["keygen", "--bits", "4096", "-o", "k"],
            &["can-i", "create", "function", "--as", "x"],
            &["config", "current-context"],
            &["-v", "--service-account", "verify", "verify", "t"],
            &["options"],
            &["token"],
            &["token", "x", "--bogus"],
            &["token", "--help"],
            &["help", "token"],
            &["tokn", "x"],
        ];
        let whole = |line: &[&str]| {
            let argv = std::iter::once("svcacct").chain(line.iter().copied());
            match Cli::command().try_get_matches_from(argv) {
                Ok(m) => format!("{:?}", Cli::from_arg_matches(&m)),
                Err(e) => e.render().to_string(),
            }
        };
        let names = |cmd: clap::Command| -> Vec<String> {
            cmd.get_subcommands()
                .map(|c| c.get_name().to_owned())
                .collect()
        };
        assert_eq!(names(command_for("token")), ["token"]);
        assert_eq!(names(command_for("can-i")), ["can-i"]);
        let mut fast = 0;
        for line in lines {
            let argv: Vec<std::ffi::OsString> = std::iter::once("svcacct")
                .chain(line.iter().copied())
                .map(Into::into)
                .collect();
            let Some(name) = named_subcommand(&argv) else {
                continue;
            };
            // A parse of one subcommand that fails is done again with the whole tree (main).
            if let Ok(m) = command_for(name).try_get_matches_from(&argv) {
                fast += 1;
                assert_eq!(
                    format!("{:?}", Cli::from_arg_matches(&m)),
                    whole(line),
                    "{line:?}"
                );
            }
        }
        // The thirteen that parse take the short way, `--store token token x` among them;
        // `-n get token x` (a value found first) and errors and help take the whole tree.
        assert_eq!(fast, 13);
    }

    #[test]
    fn deferred_tree_parses_as_the_eager_tree() {
        let lines: &[&[&str]] = &[
            &["token", "ci-bot"],
            &[
                "--store", "/s", "token", "eng/ci", "--ttl", "5m", "--aud", "a", "--aud", "b",
            ],
            &[
                "token", "ci-bot", "--claim", "env=prod", "-o", "json", "--alg", "RS512",
            ],
            &["-n", "eng", "get", "-o", "wide"],
            &["key", "add", "ci-bot", "--generate"],
            &["keygen", "--bits", "4096", "-o", "k", "--public-from", "x"],
            &["token"],
            &["token", "x", "--bogus"],
            &["tokn"],
            &["can-i", "--as", "x"],
            &["config", "current-context"],
        ];
        let parse = |cmd: clap::Command, line: &[&str]| {
            let argv = std::iter::once("svcacct").chain(line.iter().copied());
            match cmd.try_get_matches_from(argv) {
                Ok(m) => format!("{:?}", Cli::from_arg_matches(&m)),
                Err(e) => e.render().to_string(),
            }
        };
        for line in lines {
            assert_eq!(
                parse(Cli::command(), line),
                parse(eager_command(), line),
                "{line:?}"
            );
        }
    }
}
