//! One module per command group; each has `run(ctx, args, out)` and prints no errors
//! (only `main` prints the final error and picks the exit code). `dispatch` picks the module.

use std::io::Write;
use std::path::Path;

use anyhow::Result;

use crate::cli::{
    Command, DryRunMode, IssuerCommand, KeyCommand, NamespaceCommand, PolicyCommand, TokensCommand,
};
use crate::context::{Context, DryRun};
use crate::error::Exit;
use crate::keys::PrivateKey;

pub mod account;
pub mod can_i;
pub mod complete;
pub mod completions;
pub mod config;
pub mod decode;
pub mod exec;
pub mod jwks;
pub mod key;
pub mod keygen;
pub mod namespace;
pub mod nearby;
pub mod policy;
pub mod serve;
pub mod show;
pub mod store;
pub mod token;
pub mod tokens;
pub mod verify;
pub mod version;
pub mod whoami;

pub fn dispatch(ctx: &Context, command: Command, out: &mut dyn Write) -> Result<Exit> {
    match dry_run(&command) {
        DryRunMode::None => {}
        DryRunMode::Client => ctx.set_dry_run(DryRun::Client),
        DryRunMode::Server => ctx.set_dry_run(DryRun::Server),
        DryRunMode::Bare => ctx.set_dry_run(match ctx.store_location {
            crate::context::StoreLocation::Remote(_) => DryRun::Server,
            _ => DryRun::Client,
        }),
    }
    if reads_only(&command) {
        ctx.require_store_folder()?;
    }
    match command {
        Command::Keygen(a) => keygen::run(ctx, &a, out),
        Command::Create(a) => account::create(ctx, &a, out),
        Command::Get(a) => account::get(ctx, &a, out),
        Command::Describe(a) => account::describe(ctx, &a, out),
        Command::Delete(a) => account::delete(ctx, &a, out),
        Command::Rename(a) => account::rename(ctx, &a, out),
        Command::Disable(a) => account::set_disabled(ctx, &a, true, out),
        Command::Enable(a) => account::set_disabled(ctx, &a, false, out),
        Command::Update(a) => account::update(ctx, &a, out),
        Command::Key(c) => key::run(ctx, c, out),
        Command::Namespace(c) => namespace::run(ctx, c, out),
        Command::Policy(c) => policy::run(ctx, c, out),
        Command::CanI(a) => can_i::run(ctx, &a, out),
        Command::Token(a) => token::mint(ctx, &a, out),
        Command::Exec(a) => exec::run(ctx, &a, out),
        Command::Verify(a) => verify::verify(ctx, &a, out),
        Command::Decode(a) => decode::decode(ctx, &a, out),
        Command::Jwks(a) => jwks::jwks(ctx, &a, out),
        Command::Completions(a) => completions::run(&a, out),
        Command::Options => {
            let help = crate::cli::global_options_command().render_long_help();
            write!(out, "{help}")?;
            Ok(Exit::Success)
        }
        Command::Serve(a) => serve::run(ctx, &a, out),
        Command::Whoami(a) => whoami::run(ctx, &a, out),
        Command::Config(c) => config::run(ctx, c, out),
        Command::Tokens(c) => tokens::run(ctx, c, out),
        Command::Issuer(c) => tokens::issuer(ctx, c, out),
        Command::Login(_) => config::login(ctx, out),
        Command::Store(c) => store::run(ctx, c, out),
        Command::Version(a) => version::run(ctx, &a, out),
    }
}

/// The `--dry-run` of a command that writes (issue 16); `none` for the others, which have none.
fn dry_run(command: &Command) -> DryRunMode {
    let arg = match command {
        Command::Create(a) => &a.dry_run,
        Command::Delete(a) => &a.dry_run,
        Command::Rename(a) => &a.dry_run,
        Command::Disable(a) | Command::Enable(a) => &a.dry_run,
        Command::Update(a) => &a.dry_run,
        Command::Key(KeyCommand::Add(a)) => &a.dry_run,
        Command::Key(KeyCommand::Remove(a)) => &a.dry_run,
        Command::Namespace(NamespaceCommand::Create(a)) => &a.dry_run,
        Command::Namespace(NamespaceCommand::Delete(a)) => &a.dry_run,
        Command::Policy(PolicyCommand::Create(a)) => &a.dry_run,
        Command::Policy(PolicyCommand::Update(a)) => &a.dry_run,
        Command::Policy(PolicyCommand::Delete(a)) => &a.dry_run,
        Command::Tokens(TokensCommand::Create(a)) => &a.dry_run,
        Command::Tokens(TokensCommand::Revoke(a)) => &a.dry_run,
        Command::Tokens(TokensCommand::Regenerate(a)) => &a.dry_run,
        Command::Tokens(TokensCommand::Rename(a)) => &a.dry_run,
        Command::Issuer(IssuerCommand::Init(a)) => &a.dry_run,
        Command::Issuer(IssuerCommand::Rotate(a)) => &a.dry_run,
        Command::Issuer(IssuerCommand::SetUrl(a)) => &a.dry_run,
        Command::Issuer(IssuerCommand::SetJwksMaxAge(a)) => &a.dry_run,
        _ => return DryRunMode::None,
    };
    arg.dry_run
}

/// The commands that only read the registry: on a store folder named explicitly that does not
/// exist they fail (`Context::require_store_folder`) instead of showing an empty registry.
/// (`token` reads at most the account's own record, and mints without a store.)
fn reads_only(command: &Command) -> bool {
    matches!(
        command,
        Command::Get(_)
            | Command::Describe(_)
            | Command::CanI(_)
            | Command::Verify(_)
            | Command::Jwks(_)
            | Command::Whoami(_)
            | Command::Key(KeyCommand::List(_))
            | Command::Namespace(NamespaceCommand::Get(_))
            | Command::Policy(PolicyCommand::Get(_) | PolicyCommand::Describe(_))
            | Command::Tokens(TokensCommand::List(_))
            | Command::Issuer(IssuerCommand::Get(_))
    )
}

/// Reads a private key from `bytes`, asking for the passphrase only if it is encrypted.
pub fn read_private_key(ctx: &Context, bytes: &[u8], source: &str) -> Result<PrivateKey> {
    ctx.read_private_key(bytes, source)
}

/// Reads a private key file.
pub fn read_private_key_file(ctx: &Context, path: &Path) -> Result<PrivateKey> {
    ctx.read_private_key_file(path)
}

/// A token from the argument, or from stdin when it is `-` or absent (but not from a terminal,
/// where nobody would know that svcacct is waiting).
pub fn token_argument(ctx: &Context, arg: Option<&str>) -> Result<String> {
    let token = match arg {
        Some(t) if t != "-" => t.trim().to_owned(),
        _ if arg.is_none() && ctx.stdin_is_terminal => {
            return Err(crate::error::UserError::Usage(
                "no token given: pass it as an argument, or pipe it in with `-`".into(),
            )
            .into());
        }
        _ => {
            let bytes = crate::fsutil::read_limited(std::io::stdin().lock(), "stdin")?;
            String::from_utf8(bytes)
                .map_err(|_| crate::error::Rejected("the token on stdin is not UTF-8".into()))?
                .trim()
                .to_owned()
        }
    };
    if token.is_empty() {
        return Err(crate::error::UserError::Usage(
            "no token given: the argument or stdin is empty".into(),
        )
        .into());
    }
    Ok(token)
}

/// `update`'s `--add-…` and `--remove-…` on one list of a record (an account's groups, a
/// policy's subjects, actions, resources): the entries to remove go, then each entry to add
/// that is not there yet is appended, in the order given.
pub fn edit_list(list: &mut Vec<String>, add: &[String], remove: &[String]) {
    list.retain(|x| !remove.contains(x));
    for a in add {
        if !list.contains(a) {
            list.push(a.clone());
        }
    }
}

/// The registry's name of an algorithm chosen on the command line.
pub fn key_algorithm(a: crate::cli::Alg) -> crate::model::KeyAlgorithm {
    use crate::cli::Alg;
    use crate::model::KeyAlgorithm;
    match a {
        Alg::Rs256 => KeyAlgorithm::RS256,
        Alg::Rs384 => KeyAlgorithm::RS384,
        Alg::Rs512 => KeyAlgorithm::RS512,
    }
}
