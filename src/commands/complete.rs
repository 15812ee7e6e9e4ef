//! Completion of names (issue 16): clap_complete's dynamic completion (`COMPLETE=bash svcacct`
//! prints the shell's registration; the shell then runs `svcacct -- WORDS…` with `COMPLETE`
//! set, and `main` answers through [`command`]'s completers before anything else runs).
//!
//! Accounts, namespaces, policies, contexts, kids and issued-token names come from the store
//! the command line names (its `--store`, `-n`, `--context`, else the environment and the
//! config file, as the command itself would resolve them). A completion never asks for a
//! passphrase, never waits more than about 200 ms for a server
//! (`store::remote::for_completion`), and gives up silently: no candidates, exit 0.

use std::ffi::OsStr;

use clap::FromArgMatches;
use clap_complete::engine::{ArgValueCompleter, CompletionCandidate};

use crate::cli::{GlobalArgs, eager_command, show_global_options};
use crate::context::{CommandLine, Context, Selection, load_config};
use crate::identity::Namespace;
use crate::store::{Scope, Store};

/// What an argument names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Account,
    Namespace,
    Policy,
    Context,
    Kid,
    Token,
}

/// The command tree with a completer on every argument that names something: the factory of
/// `clap_complete::CompleteEnv` (`main.rs`).
pub fn command() -> clap::Command {
    attach(show_global_options(eager_command()), &[])
}

fn attach(cmd: clap::Command, path: &[&str]) -> clap::Command {
    let name = cmd.get_name().to_owned();
    let mut here: Vec<&str> = path.to_vec();
    if !path.is_empty() || name != "svcacct" {
        here.push(&name);
    }
    let cmd = cmd.mut_args(|a| match kind_of(&here, a.get_id().as_str()) {
        Some(kind) => a.add(ArgValueCompleter::new(move |current: &OsStr| {
            complete(kind, current)
        })),
        None => a,
    });
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_owned())
        .collect();
    let mut cmd = cmd;
    for sub in names {
        let here = here.clone();
        cmd = cmd.mut_subcommand(&sub, |s| attach(s, &here));
    }
    cmd
}

/// What argument `id` of the subcommand at `path` names, if anything.
fn kind_of(path: &[&str], id: &str) -> Option<Kind> {
    let group = path.first().copied().unwrap_or("");
    match (group, id) {
        (_, "namespace" | "namespaces") => Some(Kind::Namespace),
        (_, "context") => Some(Kind::Context),
        ("policy", "name" | "names") => Some(Kind::Policy),
        ("config", "name") if path.get(1) != Some(&"set-context") => Some(Kind::Context),
        ("tokens", "token_name" | "old") => Some(Kind::Token),
        (_, "kid") => Some(Kind::Kid),
        ("create" | "config" | "keygen" | "serve", _) => None,
        (_, "name" | "names" | "old" | "account" | "reference" | "as_account") => {
            Some(Kind::Account)
        }
        _ => None,
    }
}

fn complete(kind: Kind, current: &OsStr) -> Vec<CompletionCandidate> {
    let Some(current) = current.to_str() else {
        return vec![];
    };
    let mut names = candidates(kind, current).unwrap_or_default();
    names.retain(|n| n.starts_with(current));
    names.sort();
    names.dedup();
    names.into_iter().map(CompletionCandidate::new).collect()
}

/// The command line being completed, as the shell passed it (`svcacct -- svcacct WORDS…`),
/// parsed as far as it goes.
fn line() -> Option<clap::ArgMatches> {
    let mut args: Vec<std::ffi::OsString> = std::env::args_os()
        .skip_while(|a| a != "--")
        .skip(1)
        .collect();
    // The word being completed, when still empty (`-n <TAB>`), is no value yet: parsed as one it
    // would be refused (an empty namespace) and nothing would be offered.
    if args.last().is_some_and(|a| a.is_empty()) {
        args.pop();
    }
    eager_command()
        .ignore_errors(true)
        .try_get_matches_from(args)
        .ok()
}

/// The value of argument `id` of the innermost subcommand of the line.
fn leaf_value(matches: &clap::ArgMatches, id: &str) -> Option<String> {
    let mut m = matches;
    while let Some((_, sub)) = m.subcommand() {
        m = sub;
    }
    m.try_get_one::<String>(id).ok().flatten().cloned()
}

fn candidates(kind: Kind, current: &str) -> anyhow::Result<Vec<String>> {
    let matches = line().ok_or_else(|| anyhow::anyhow!("no command line"))?;
    let global = GlobalArgs::from_arg_matches(&matches)?;
    if kind == Kind::Context {
        let (config, _) = load_config(global.config.as_deref())?;
        return Ok(config.contexts.keys().cloned().collect());
    }
    crate::store::remote::for_completion();
    let mut ctx = Context::resolve_with(
        &global,
        CommandLine::from_matches(&matches),
        Selection::Selected,
    )?;
    // Never a prompt: the shell is waiting.
    ctx.stdin_is_terminal = false;
    ctx.require_store_folder()?;
    let store = ctx.store()?;
    Ok(match kind {
        Kind::Account => accounts(&ctx, store, current)?,
        Kind::Namespace => {
            let mut v = vec![Namespace::default_ns().to_string()];
            v.extend(
                store
                    .list_namespaces()?
                    .items
                    .into_iter()
                    .map(|n| n.name.to_string()),
            );
            v
        }
        Kind::Policy => store
            .list_policies(&Scope::Namespace(ctx.namespace.clone()))?
            .items
            .into_iter()
            .map(|p| p.name.to_string())
            .collect(),
        Kind::Kid | Kind::Token => {
            let account = leaf_value(&matches, "account")
                .or_else(|| leaf_value(&matches, "name"))
                .or_else(|| leaf_value(&matches, "reference"))
                .ok_or_else(|| anyhow::anyhow!("no account on the line"))?;
            let r = ctx.reference(&account)?;
            if kind == Kind::Kid {
                store
                    .get_account(&r)?
                    .keys
                    .into_iter()
                    .map(|k| k.kid)
                    .collect()
            } else {
                store
                    .list_tokens(&r)?
                    .into_iter()
                    .map(|t| t.name.to_string())
                    .collect()
            }
        }
        Kind::Context => unreachable!("answered above"),
    })
}

/// The accounts of `-n`'s namespace by name, or of the namespace typed before a `/`, as
/// `NS/NAME`.
fn accounts(ctx: &Context, store: &dyn Store, current: &str) -> anyhow::Result<Vec<String>> {
    let (ns, prefix) = match current.rsplit_once('/') {
        Some((ns, _)) => (Namespace::parse(ns)?, format!("{ns}/")),
        None => (ctx.namespace.clone(), String::new()),
    };
    Ok(store
        .list_accounts(&Scope::Namespace(ns))?
        .items
        .into_iter()
        .map(|a| format!("{prefix}{}", a.name))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::{Kind, kind_of};

    #[test]
    fn which_arguments_name_what() {
        assert_eq!(kind_of(&["get"], "names"), Some(Kind::Account));
        assert_eq!(kind_of(&["policy", "get"], "names"), Some(Kind::Policy));
        assert_eq!(kind_of(&["tokens", "rename"], "old"), Some(Kind::Token));
        assert_eq!(kind_of(&["rename"], "old"), Some(Kind::Account));
        assert_eq!(kind_of(&["rename"], "new"), None);
        assert_eq!(kind_of(&["create"], "name"), None);
        assert_eq!(kind_of(&["key", "remove"], "kid"), Some(Kind::Kid));
        assert_eq!(
            kind_of(&["config", "use-context"], "name"),
            Some(Kind::Context)
        );
        assert_eq!(kind_of(&["config", "set-context"], "name"), None);
        assert_eq!(kind_of(&[], "namespace"), Some(Kind::Namespace));
        assert_eq!(
            kind_of(&["namespace", "create"], "namespace"),
            Some(Kind::Namespace)
        );
    }
}
