//! Shell completions and man pages, generated from the clap definitions.
//!
//! `cargo run --example gen-docs` writes them to `completions/` and `man/`;
//! `tests/generated.rs` fails when the checked-in files differ from what this produces.

use std::path::PathBuf;

use clap_complete::Shell;

use crate::cli::{eager_command, show_global_options};

/// The completion script for `shell`.
pub fn completion(shell: Shell) -> Vec<u8> {
    let mut cmd = show_global_options(eager_command());
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
    let mut cmd = show_global_options(eager_command()).disable_help_subcommand(true);
    cmd.build();
    man_pages(&cmd, &mut files)?;
    Ok(files)
}

fn man_pages(cmd: &clap::Command, files: &mut Vec<(PathBuf, Vec<u8>)>) -> std::io::Result<()> {
    let man = clap_mangen::Man::new(cmd.clone());
    let mut buf = Vec::new();
    man.render_title(&mut buf)?;
    man.render_name_section(&mut buf)?;
    man.render_synopsis_section(&mut buf)?;
    man.render_description_section(&mut buf)?;
    man.render_options_section(&mut buf)?;
    if cmd.has_subcommands() {
        man.render_subcommands_section(&mut buf)?;
    }
    let is_root = cmd.get_name() == "svcacct";
    if let Some(after) = cmd.get_after_help() {
        // Examples keep their lines; the root's environment and exit status get sections below.
        let text = after.to_string();
        let examples = text.split("\n\nEnvironment:").next().unwrap_or_default();
        buf.extend_from_slice(b".SH EXAMPLES\n.nf\n");
        for line in examples
            .lines()
            .filter(|l| *l != "Examples:" && *l != "Example:")
        {
            buf.extend_from_slice(roff_line(line).as_bytes());
            buf.push(b'\n');
        }
        buf.extend_from_slice(b".fi\n");
    }
    if is_root {
        buf.extend_from_slice(ROOT_SECTIONS.as_bytes());
    } else {
        buf.extend_from_slice(b".SH \"EXIT STATUS\"\nSee \\fBsvcacct\\fR(1).\n");
    }
    man.render_version_section(&mut buf)?;
    files.push((PathBuf::from("man").join(man.get_filename()), buf));
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        man_pages(sub, files)?;
    }
    Ok(())
}

/// One line of text as roff: backslashes escaped, no line taken for a request.
fn roff_line(line: &str) -> String {
    let escaped = line.replace('\\', "\\e").replace('-', "\\-");
    if escaped.starts_with('.') || escaped.starts_with('\'') {
        format!("\\&{escaped}")
    } else {
        escaped
    }
}

/// ENVIRONMENT, EXIT STATUS and FILES of `svcacct(1)`; the README has the same tables.
const ROOT_SECTIONS: &str = r#".SH ENVIRONMENT
Flags beat the environment; the environment beats the config file's context, which beats its
top\-level settings.
.TP
\fBSVCACCT_STORE\fR
Registry: a folder, or the URL of a \fBsvcacct serve\fR (\fB\-\-store\fR).
.TP
\fBSVCACCT_CONTEXT\fR
The config file's context to use (\fB\-\-context\fR).
.TP
\fBSVCACCT_SERVICE_ACCOUNT\fR
The account a remote store's requests speak for (\fB\-\-service\-account\fR).
.TP
\fBSVCACCT_TOKEN_FILE\fR, \fBSVCACCT_TOKEN\fR
A ready bearer token for a remote store: a file holding it (\fB\-\-token\-file\fR), or the token itself.
.TP
\fBSVCACCT_CA_CERT\fR
PEM certificate authorities to trust for an https:// store (\fB\-\-ca\-cert\fR).
.TP
\fBSVCACCT_KEYSTORE\fR
Keystore folder (\fB\-\-keystore\fR).
.TP
\fBSVCACCT_CONFIG\fR
Config file (\fB\-\-config\fR).
.TP
\fBSVCACCT_NAMESPACE\fR
Namespace (\fB\-n\fR), default \fBdefault\fR.
.TP
\fBSVCACCT_PASSPHRASE_FILE\fR
File whose first line is the passphrase of encrypted keys (\fB\-\-passphrase\-file\fR).
.TP
\fBSVCACCT_PASSPHRASE\fR
The passphrase itself.
.TP
\fBSVCACCT_JWT_PRIVATE_KEY\fR
Private key for \fBtoken\fR and for a remote store's requests: a path, or the PEM itself.
.TP
\fBSVCACCT_MAX_TOKEN_LIFETIME\fR
Maximum token lifetime (exp \- iat) that \fBtoken\fR mints and \fBverify\fR accepts, default 1h.
.SH "EXIT STATUS"
.TP
0
Success.
.TP
1
A negative answer: the token is not valid, \fBcan\-i\fR says no.
.TP
2
Usage error: unknown flag, bad value, invalid name.
.TP
3
The command could not be carried out: unknown account, unreadable key or store record, conflict, I/O error.
.PP
A closed pipe is not an error.
.SH FILES
.TP
\fI$XDG_DATA_HOME/svcacct/store/\fR
The registry (file store): one TOML file per account and policy.
.TP
\fI$XDG_DATA_HOME/svcacct/keys/\fR
The keystore: private keys (0600) of accounts made without \fB\-\-public\-key\fR.
.TP
\fI$XDG_CONFIG_HOME/svcacct/config.toml\fR
Settings: store, keystore, namespace, passphrase\-file, jwt\-private\-key, max\-token\-lifetime.
"#;
