//! Parse, resolve the context, dispatch; print the final error and pick the exit code.

use std::io::Write;
use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches};

use svcacct::cli::{Cli, Command};
use svcacct::context::{CommandLine, Context, Selection};
use svcacct::error::{Exit, exit_for};
use svcacct::fsutil::is_broken_pipe;
use svcacct::output::sanitize;

fn main() -> ExitCode {
    // `COMPLETE=bash svcacct`, and the shell's questions (`commands::complete`): answered and
    // exited here, before anything else runs.
    clap_complete::CompleteEnv::with_factory(svcacct::commands::complete::command).complete();
    // Not dropped: freeing the command tree's few hundred allocations just before the process
    // exits was ~1.5 % of a `svcacct token`'s instructions.
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    // Before clap, whose errors would repeat a key or token given as a value.
    // And before clap reads the environment.
    let checked = svcacct::secret_args::check(Cli::command, &args)
        .and_then(|()| svcacct::secret_args::check_env(|name| std::env::var_os(name)));
    if let Err(err) = checked {
        svcacct::errln!("svcacct: {err}");
        return ExitCode::from(err.exit().code());
    }
    // The command line's subcommand alone, and the whole tree when that parse fails or shows
    // help (`cli::TopLevel`).
    let one = svcacct::cli::named_subcommand(&args)
        .map(svcacct::cli::command_for)
        .and_then(|mut cmd| {
            let matches = cmd.try_get_matches_from_mut(&args).ok();
            std::mem::forget(cmd);
            matches
        });
    let matches = one.unwrap_or_else(|| {
        std::mem::ManuallyDrop::new(Cli::command())
            .try_get_matches_from_mut(&args)
            .unwrap_or_else(|e| e.exit())
    });
    let cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
    match svcacct::logging::filter(cli.global.verbose, std::env::var_os(svcacct::logging::ENV)) {
        Ok(None) => {}
        Ok(Some(filter)) => svcacct::logging::init(filter),
        Err(err) => {
            svcacct::errln!("svcacct: {err}");
            return ExitCode::from(err.exit().code());
        }
    }
    // `config` edits the contexts, so a broken selection must not stop it.
    let selection = match *cli.command {
        Command::Config(_) | Command::Options => Selection::Ignored,
        _ => Selection::Selected,
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let result = Context::resolve_with(&cli.global, CommandLine::from_matches(&matches), selection)
        .and_then(|ctx| svcacct::commands::dispatch(&ctx, cli.command.0, &mut out))
        .and_then(|code| {
            out.flush()?;
            Ok(code)
        });
    match result {
        Ok(code) => ExitCode::from(code.code()),
        Err(err) if is_broken_pipe(&err) => ExitCode::from(Exit::Success.code()),
        Err(err) => {
            // Whatever the command printed before failing comes first.
            let _ = out.flush();
            // Escaped once more here: no error repeats a character that could hide or
            // reorder text, whatever its source.
            svcacct::errln!("svcacct: {}", sanitize(&format!("{err:#}")));
            ExitCode::from(exit_for(&err).code())
        }
    }
}
