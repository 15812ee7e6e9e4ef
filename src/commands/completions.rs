//! `svcacct completions SHELL`.

use std::io::Write;

use anyhow::Result;

use crate::cli::CompletionsArgs;
use crate::error::Exit;

pub fn run(args: &CompletionsArgs, out: &mut dyn Write) -> Result<Exit> {
    out.write_all(&crate::docs::completion(args.shell))?;
    Ok(Exit::Success)
}
