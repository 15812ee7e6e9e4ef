//! What a command runs with, resolved once per process: the config file and its contexts
//! ([`config`]), flags > environment > the selected context > config file > defaults
//! ([`precedence`]), keys, passphrases and a remote store's credentials ([`credentials`]), and
//! the store, opened once ([`open`]).

use std::path::PathBuf;

use jiff::SignedDuration;

use crate::error::UserError;
use crate::identity::{Name, Namespace, Reference};

pub mod config;
pub mod credentials;
pub mod open;
pub mod precedence;

pub use config::{
    ConfigFile, ContextEntry, default_config_path, load_config, shown_setting, unknown_context,
};
pub use credentials::{CLIENT_TOKEN_TTL, Credentials, KeySource, read_token_file};
use open::StoreCell;
pub use open::{Backend, DryRun, Reads, StoreLocation};
pub use precedence::{CommandLine, DEFAULT_MAX_TOKEN_LIFETIME, Selection};

/// Everything a command needs to know about where things are and how to present them.
#[derive(Debug)]
pub struct Context {
    pub store_location: StoreLocation,
    /// Where the store was named (`--store`, `SVCACCT_STORE`, a context, the config file);
    /// `None` for the default folder.
    pub store_source: Option<String>,
    pub keystore_path: PathBuf,
    pub namespace: Namespace,
    pub max_token_lifetime: SignedDuration,
    /// Where the maximum came from, for error messages that name the setting.
    pub max_token_lifetime_source: String,
    /// The config file's `token-reuse`: `svcacct token` reuses kept tokens unless `--no-reuse`.
    pub token_reuse: bool,
    /// The share of its lifetime a kept token must have left (`token-reuse-fraction`).
    pub token_reuse_fraction: f64,
    pub passphrase_file: Option<PathBuf>,
    /// Where the passphrase file was named, as messages say it ("the file named by
    /// --passphrase-file"): its path is never repeated, since the passphrase itself may have
    /// been typed where the file's name belongs.
    pub passphrase_file_source: String,
    /// `--jwt-private-key`.
    pub jwt_private_key_flag: Option<PathBuf>,
    /// The context's, else the config file's `jwt-private-key` (the env is read by
    /// `signing_key` itself).
    pub jwt_private_key: Option<PathBuf>,
    /// The `service-account` of the layer (the context, else the config file) whose
    /// `jwt-private-key` that is: whose key it is meant to be.
    pub jwt_private_key_account: Option<String>,
    /// How to authenticate to a remote store (and whom `whoami` asks about).
    pub credentials: Credentials,
    /// `--ca-cert`, `SVCACCT_CA_CERT`, or the context's or config file's `ca-cert`.
    pub ca_cert: Option<PathBuf>,
    /// `--issuer-kek-file` or `SVCACCT_ISSUER_KEK_FILE`: the key that seals a PostgreSQL
    /// store's issuer keys (`store::postgres::kek`).
    pub issuer_kek_file: Option<PathBuf>,
    /// The context in use, if any.
    pub context_name: Option<String>,
    /// The config file: `--config`, `SVCACCT_CONFIG`, or the default path (which may not exist).
    pub config_path: Option<PathBuf>,
    /// The global options typed on this command line.
    pub command_line: CommandLine,
    pub stdout_is_terminal: bool,
    pub stdin_is_terminal: bool,
    store: StoreCell,
}

impl Context {
    /// An account reference typed by the user, relative to `-n` (see `Reference::parse_input`).
    pub fn reference(&self, s: &str) -> Result<Reference, UserError> {
        Reference::parse_input(s, &self.namespace)
    }

    pub fn name(&self, s: &str) -> Result<Name, UserError> {
        Name::parse(s)
    }
}

#[cfg(test)]
mod tests;
