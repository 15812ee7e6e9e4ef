//! Shell completions and man pages, generated from the clap definitions.
//!
//! `cargo run --example gen-docs` writes them to `completions/` and `man/`;
//! `tests/generated.rs` fails when the checked-in files differ from what this produces.

use std::path::PathBuf;

use clap::CommandFactory;
use clap_complete::Shell;

use crate::cli::Cli;

/// The completion script for `shell`.
pub fn completion(shell: Shell) -> Vec<u8> {
    let mut cmd = Cli::command();
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut cmd, "svcacct", &mut buf);
    buf
}

/// File name of each shell's completion script, as the shells look for them.
pub fn completion_file(shell: Shell) -> &'static str {
    match shell {
        Shell::Bash => "svcacct.bash",
        Shell::Zsh => "_svcacct",
        Shell::Fish => "svcacct.fish",
        Shell::Elvish => "svcacct.elv",
        Shell::PowerShell => "_svcacct.ps1",
        _ => "svcacct.unknown",
    }
}

/// Every generated file, as (path relative to the repository root, contents).
pub fn generated_files() -> std::io::Result<Vec<(PathBuf, Vec<u8>)>> {
    let mut files = vec![];
    for shell in [
        Shell::Bash,
        Shell::Zsh,
        Shell::Fish,
        Shell::Elvish,
        Shell::PowerShell,
    ] {
        files.push((
            PathBuf::from("completions").join(completion_file(shell)),
            completion(shell),
        ));
    }
    let mut cmd = Cli::command().disable_help_subcommand(true);
    cmd.build();
    man_pages(&cmd, &mut files)?;
    Ok(files)
}

fn man_pages(cmd: &clap::Command, files: &mut Vec<(PathBuf, Vec<u8>)>) -> std::io::Result<()> {
    let man = clap_mangen::Man::new(cmd.clone());
    let mut buf = Vec::new();
    man.render(&mut buf)?;
    files.push((PathBuf::from("man").join(man.get_filename()), buf));
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        man_pages(sub, files)?;
    }
    Ok(())
}
