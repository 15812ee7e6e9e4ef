//! Parse, resolve the context, dispatch; print the final error and pick the exit code.

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

use svcacct::cli::Cli;
use svcacct::context::Context;
use svcacct::error::{Exit, exit_for};
use svcacct::fsutil::is_broken_pipe;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let result = Context::resolve(&cli.global)
        .and_then(|ctx| svcacct::commands::dispatch(&ctx, cli.command, &mut out))
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
            eprintln!("svcacct: {err:#}");
            ExitCode::from(exit_for(&err).code())
        }
    }
}
