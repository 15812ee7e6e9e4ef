//! Flags > environment > the selected context > the config file's top-level keys > defaults,
//! resolved once into a [`Context`].

use std::io::IsTerminal;
use std::path::PathBuf;

use anyhow::Result;
use jiff::SignedDuration;

use super::Context;
use super::config::{
    ConfigFile, ContextEntry, check_settings, default_config_path, load_config, unknown_context,
};
use super::credentials::Credentials;
use super::open::{StoreCell, StoreLocation};
use crate::cli::GlobalArgs;
use crate::error::UserError;
use crate::identity::Namespace;
use crate::output::shown_path;

/// Default maximum lifetime of a token (`exp - iat`).
pub const DEFAULT_MAX_TOKEN_LIFETIME: SignedDuration = SignedDuration::from_hours(1);

/// The global options given on this command line (not from the environment), with their values:
/// what `config set-context` saves, and what beats the environment for credentials.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CommandLine {
    pub store: Option<PathBuf>,
    pub namespace: Option<String>,
    pub service_account: Option<String>,
    pub jwt_private_key: Option<PathBuf>,
    pub token_file: Option<PathBuf>,
    pub ca_cert: Option<PathBuf>,
    /// Never saved by `set-context`; known so that messages can say where it came from.
    pub passphrase_file: Option<PathBuf>,
}

impl CommandLine {
    /// The global options whose value came from the command line (clap's `value_source`).
    pub fn from_matches(m: &clap::ArgMatches) -> CommandLine {
        fn given<T: Clone + Send + Sync + 'static>(m: &clap::ArgMatches, id: &str) -> Option<T> {
            (m.value_source(id) == Some(clap::parser::ValueSource::CommandLine))
                .then(|| m.get_one::<T>(id).cloned())
                .flatten()
        }
        CommandLine {
            store: given(m, "store"),
            namespace: given(m, "namespace"),
            service_account: given(m, "service_account"),
            jwt_private_key: given(m, "jwt_private_key"),
            token_file: given(m, "token_file"),
            ca_cert: given(m, "ca_cert"),
            passphrase_file: given(m, "passphrase_file"),
        }
    }

    /// Treats every value of `global` as typed on the command line (for callers without
    /// `ArgMatches`).
    pub fn all(global: &GlobalArgs) -> CommandLine {
        CommandLine {
            store: global.store.clone(),
            namespace: global.namespace.clone(),
            service_account: global.service_account.clone(),
            jwt_private_key: global.jwt_private_key.clone(),
            token_file: global.token_file.clone(),
            ca_cert: global.ca_cert.clone(),
            passphrase_file: global.passphrase_file.clone(),
        }
    }
}

/// What `config` commands need instead of a context: they must work when the current context
/// is broken, and they never touch a store.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Selection {
    /// `--context`, `SVCACCT_CONTEXT` or `current-context` (an unknown name is a usage error).
    Selected,
    /// Ignore contexts (the `config` commands).
    Ignored,
}

fn data_dir() -> PathBuf {
    dirs::data_dir()
        .unwrap_or_else(|| PathBuf::from("."))
        .join("svcacct")
}

/// Flag or environment (one clap value), else the context's value, else the config file's.
fn first<T: Clone>(flag: &Option<T>, context: Option<T>, config: &Option<T>) -> Option<T> {
    flag.clone().or(context).or_else(|| config.clone())
}

/// The values that decide a `Context`, gathered from the command line, the environment and
/// the config file (separate from `resolve` so precedence can be tested without a process).
pub(super) struct Layers<'a> {
    pub(super) global: &'a GlobalArgs,
    pub(super) cli: &'a CommandLine,
    pub(super) cfg: &'a ConfigFile,
    pub(super) ctx: Option<&'a ContextEntry>,
    /// `SVCACCT_TOKEN` is set and not empty.
    pub(super) token_env: bool,
}

impl Layers<'_> {
    pub(super) fn store(&self) -> Option<PathBuf> {
        // The flag and SVCACCT_STORE are one clap value: both beat the context.
        let ctx_store = self.ctx.and_then(|c| c.store.clone().map(PathBuf::from));
        first(&self.global.store, ctx_store, &self.cfg.store)
    }

    pub(super) fn namespace(&self) -> Option<String> {
        let ctx_ns = self.ctx.and_then(|c| c.namespace.clone());
        first(&self.global.namespace, ctx_ns, &self.cfg.namespace)
    }

    pub(super) fn ca_cert(&self) -> Option<PathBuf> {
        let ctx_ca = self.ctx.and_then(|c| c.ca_cert.clone());
        first(&self.global.ca_cert, ctx_ca, &self.cfg.ca_cert)
    }

    pub(super) fn jwt_private_key(&self) -> Option<PathBuf> {
        self.ctx
            .and_then(|c| c.jwt_private_key.clone())
            .or_else(|| self.cfg.jwt_private_key.clone())
    }

    /// The `service-account` next to the `jwt-private-key` that [`Self::jwt_private_key`] takes.
    pub(super) fn jwt_private_key_account(&self) -> Option<String> {
        match self.ctx.filter(|c| c.jwt_private_key.is_some()) {
            Some(c) => c.service_account.clone(),
            None => self
                .cfg
                .jwt_private_key
                .as_ref()
                .and(self.cfg.service_account.clone()),
        }
    }

    /// The first layer (command line, environment, context, config file) that names a token
    /// or an account decides; within a layer a ready token beats an account.
    pub(super) fn credentials(&self) -> Credentials {
        let cli = self.cli;
        if let Some(f) = &cli.token_file {
            return Credentials::TokenFile(f.clone());
        }
        if let Some(a) = &cli.service_account {
            return Credentials::Account(a.clone());
        }
        // What clap holds and the command line did not give came from the environment.
        if let Some(f) = &self.global.token_file {
            return Credentials::TokenFile(f.clone());
        }
        if self.token_env {
            return Credentials::TokenEnv;
        }
        if let Some(a) = &self.global.service_account {
            return Credentials::Account(a.clone());
        }
        for (token_file, account) in [
            self.ctx
                .map(|c| (c.token_file.clone(), c.service_account.clone()))
                .unwrap_or_default(),
            (
                self.cfg.token_file.clone(),
                self.cfg.service_account.clone(),
            ),
        ] {
            if let Some(f) = token_file {
                return Credentials::TokenFile(f);
            }
            if let Some(a) = account {
                return Credentials::Account(a);
            }
        }
        Credentials::None
    }
}

impl Context {
    /// Resolves with every global option taken as typed on the command line.
    pub fn resolve(global: &GlobalArgs) -> Result<Context> {
        Context::resolve_with(global, CommandLine::all(global), Selection::Selected)
    }

    /// Flags > environment > the selected context > the config file's top-level keys >
    /// defaults.
    pub fn resolve_with(
        global: &GlobalArgs,
        command_line: CommandLine,
        selection: Selection,
    ) -> Result<Context> {
        // `config` commands create an explicit config file that does not exist yet.
        let explicit = global
            .config
            .as_deref()
            .filter(|p| selection == Selection::Selected || p.exists());
        let (mut cfg, cfg_path) = load_config(explicit)?;
        match selection {
            Selection::Selected => check_settings(&cfg.settings(), None, cfg_path.as_deref())?,
            // The `config` commands use none of them, and show them redacted: the file can be
            // mended with them.
            Selection::Ignored => cfg.drop_secrets(),
        }
        let context_name = match selection {
            Selection::Ignored => None,
            Selection::Selected => global.context.clone().or(cfg.current_context.clone()),
        };
        let entry = match &context_name {
            None => None,
            Some(name) => Some(
                cfg.contexts
                    .get(name)
                    .ok_or_else(|| unknown_context(name, &cfg, cfg_path.as_deref()))?,
            ),
        };
        if let (Some(name), Some(e)) = (&context_name, entry) {
            check_settings(&e.settings(), Some(name), cfg_path.as_deref())?;
        }
        let layers = Layers {
            global,
            cli: &command_line,
            cfg: &cfg,
            ctx: entry,
            token_env: std::env::var_os("SVCACCT_TOKEN").is_some_and(|v| !v.is_empty()),
        };
        let namespace = match layers.namespace() {
            Some(ns) => Namespace::parse(&ns)?,
            None => Namespace::default_ns(),
        };
        let store_location = match layers.store() {
            Some(s) => StoreLocation::parse(&s)?,
            None => StoreLocation::Local(data_dir().join("store")),
        };
        let store_source = if command_line.store.is_some() {
            Some("--store".to_owned())
        } else if global.store.is_some() {
            Some("SVCACCT_STORE".to_owned())
        } else if let (Some(name), Some(_)) = (&context_name, entry.and_then(|c| c.store.as_ref()))
        {
            Some(format!("context `{}`", crate::output::sanitize(name)))
        } else if cfg.store.is_some() {
            Some(cfg_path.as_deref().map_or_else(
                || "the config file".to_owned(),
                |p| format!("`store` in {}", p.display()),
            ))
        } else {
            None
        };
        let (max_token_lifetime, max_token_lifetime_source) =
            match std::env::var("SVCACCT_MAX_TOKEN_LIFETIME") {
                Ok(v) => (
                    crate::time::parse_duration(&v)?,
                    "SVCACCT_MAX_TOKEN_LIFETIME".to_owned(),
                ),
                Err(_) => match (&cfg.max_token_lifetime, &cfg_path) {
                    (Some(v), Some(p)) => (
                        crate::time::parse_duration(v)?,
                        format!("`max-token-lifetime` in {}", shown_path(p)),
                    ),
                    _ => (
                        DEFAULT_MAX_TOKEN_LIFETIME,
                        "`max-token-lifetime` in the config file, or SVCACCT_MAX_TOKEN_LIFETIME"
                            .to_owned(),
                    ),
                },
            };
        let token_reuse_fraction = match (cfg.token_reuse_fraction, &cfg_path) {
            (Some(f), Some(p)) if !(f > 0.0 && f <= 1.0) => {
                return Err(UserError::Usage(format!(
                    "`token-reuse-fraction` in {} is {f}: it takes a number above 0 and at most \
                     1, the share of its lifetime a kept token must have left to be reused \
                     (0.5: while half of it remains)",
                    shown_path(p)
                ))
                .into());
            }
            (Some(f), _) => f,
            (None, _) => crate::token::reuse::DEFAULT_FRACTION,
        };
        let passphrase_file_source = if command_line.passphrase_file.is_some() {
            "the file named by --passphrase-file".to_owned()
        } else if global.passphrase_file.is_some() {
            "the file named by SVCACCT_PASSPHRASE_FILE".to_owned()
        } else {
            format!(
                "the file named by `passphrase-file` in {}",
                cfg_path
                    .as_deref()
                    .map_or_else(|| "the config file".to_owned(), shown_path)
            )
        };
        Ok(Context {
            credentials: layers.credentials(),
            ca_cert: layers.ca_cert(),
            issuer_kek_file: global.issuer_kek_file.clone(),
            jwt_private_key: layers.jwt_private_key(),
            jwt_private_key_account: layers.jwt_private_key_account(),
            store_location,
            store_source,
            keystore_path: global
                .keystore
                .clone()
                .or(cfg.keystore.clone())
                .unwrap_or_else(|| data_dir().join("keys")),
            namespace,
            max_token_lifetime,
            max_token_lifetime_source,
            token_reuse: cfg.token_reuse.unwrap_or(false),
            token_reuse_fraction,
            passphrase_file: global
                .passphrase_file
                .clone()
                .or(cfg.passphrase_file.clone()),
            passphrase_file_source,
            jwt_private_key_flag: global.jwt_private_key.clone(),
            context_name,
            config_path: global
                .config
                .clone()
                .or(cfg_path)
                .or_else(default_config_path),
            command_line,
            stdout_is_terminal: std::io::stdout().is_terminal(),
            stdin_is_terminal: std::io::stdin().is_terminal(),
            store: StoreCell::default(),
        })
    }
}
