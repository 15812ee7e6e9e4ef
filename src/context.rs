//! Flags > environment > config file > defaults, resolved once (STYLE.md #1).

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};
use jiff::SignedDuration;
use serde::Deserialize;
use zeroize::Zeroizing;

use crate::cli::GlobalArgs;
use crate::error::UserError;
use crate::identity::{Name, Namespace, Reference};
use crate::keys::Passphrase;
use crate::store::{Store, file::FileStore};

/// Default maximum lifetime of a token (`exp - iat`).
pub const DEFAULT_MAX_TOKEN_LIFETIME: SignedDuration = SignedDuration::from_hours(1);

/// The config file, `$XDG_CONFIG_HOME/svcacct/config.toml`. Every key is optional.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ConfigFile {
    pub store: Option<PathBuf>,
    pub keystore: Option<PathBuf>,
    pub namespace: Option<String>,
    pub passphrase_file: Option<PathBuf>,
    pub jwt_private_key: Option<PathBuf>,
    pub max_token_lifetime: Option<String>,
}

/// Everything a command needs to know about where things are and how to present them.
#[derive(Debug)]
pub struct Context {
    pub store_path: PathBuf,
    pub keystore_path: PathBuf,
    pub namespace: Namespace,
    pub max_token_lifetime: SignedDuration,
    /// Where the maximum came from, for error messages that name the setting.
    pub max_token_lifetime_source: String,
    pub passphrase_file: Option<PathBuf>,
    /// The config file's `jwt-private-key` (the flag and env are read by `token` itself).
    pub jwt_private_key: Option<PathBuf>,
    pub stdout_is_terminal: bool,
    pub stdin_is_terminal: bool,
}

fn data_dir() -> PathBuf {
    dirs::data_dir()
        .unwrap_or_else(|| PathBuf::from("."))
        .join("svcacct")
}

pub fn default_config_path() -> Option<PathBuf> {
    dirs::config_dir().map(|d| d.join("svcacct").join("config.toml"))
}

fn load_config(explicit: Option<&Path>) -> Result<(ConfigFile, Option<PathBuf>)> {
    let path = match explicit {
        Some(p) => p.to_path_buf(),
        None => match default_config_path() {
            Some(p) if p.exists() => p,
            _ => return Ok((ConfigFile::default(), None)),
        },
    };
    let text = std::fs::read_to_string(&path)
        .with_context(|| format!("cannot read config file {}", path.display()))?;
    let cfg: ConfigFile = toml::from_str(&text).map_err(|e| {
        UserError::Usage(format!(
            "config file {} is invalid: {}",
            path.display(),
            crate::output::sanitize(e.message())
        ))
    })?;
    Ok((cfg, Some(path)))
}

impl Context {
    pub fn resolve(global: &GlobalArgs) -> Result<Context> {
        let (cfg, cfg_path) = load_config(global.config.as_deref())?;
        let namespace = match global.namespace.as_deref().or(cfg.namespace.as_deref()) {
            Some(ns) => Namespace::parse(ns)?,
            None => Namespace::default_ns(),
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
                        format!("`max-token-lifetime` in {}", p.display()),
                    ),
                    _ => (
                        DEFAULT_MAX_TOKEN_LIFETIME,
                        "`max-token-lifetime` in the config file, or SVCACCT_MAX_TOKEN_LIFETIME"
                            .to_owned(),
                    ),
                },
            };
        Ok(Context {
            store_path: global
                .store
                .clone()
                .or(cfg.store)
                .unwrap_or_else(|| data_dir().join("store")),
            keystore_path: global
                .keystore
                .clone()
                .or(cfg.keystore)
                .unwrap_or_else(|| data_dir().join("keys")),
            namespace,
            max_token_lifetime,
            max_token_lifetime_source,
            passphrase_file: global.passphrase_file.clone().or(cfg.passphrase_file),
            jwt_private_key: cfg.jwt_private_key,
            stdout_is_terminal: std::io::stdout().is_terminal(),
            stdin_is_terminal: std::io::stdin().is_terminal(),
        })
    }

    pub fn store(&self) -> Box<dyn Store> {
        Box::new(FileStore::open(self.store_path.clone()))
    }

    pub fn keystore(&self) -> crate::keystore::Keystore {
        crate::keystore::Keystore::new(self.keystore_path.clone())
    }

    /// An account reference typed by the user, relative to `-n` (see `Reference::parse_input`).
    pub fn reference(&self, s: &str) -> Result<Reference, UserError> {
        Reference::parse_input(s, &self.namespace)
    }

    pub fn name(&self, s: &str) -> Result<Name, UserError> {
        Name::parse(s)
    }

    /// The passphrase for `what`: from the passphrase file, `SVCACCT_PASSPHRASE`, or a prompt
    /// on a terminal (asked twice when `confirm`). Never hangs without a terminal.
    pub fn passphrase(&self, what: &str, confirm: bool) -> Result<Passphrase> {
        if let Some(path) = &self.passphrase_file {
            let bytes = Zeroizing::new(crate::fsutil::read_small(path)?);
            let text = std::str::from_utf8(&bytes).map_err(|_| {
                UserError::Failure(format!("passphrase file {} is not UTF-8", path.display()))
            })?;
            let line = text.lines().next().unwrap_or("");
            return non_empty(
                Passphrase::new(line.to_owned()),
                &path.display().to_string(),
            );
        }
        if let Ok(v) = std::env::var("SVCACCT_PASSPHRASE") {
            return non_empty(Passphrase::new(v), "SVCACCT_PASSPHRASE");
        }
        if !self.stdin_is_terminal {
            return Err(UserError::Failure(format!(
                "{what} needs a passphrase and there is no terminal to ask on: \
                 set SVCACCT_PASSPHRASE_FILE to a file that holds it \
                 (or SVCACCT_PASSPHRASE, or pass --passphrase-file)"
            ))
            .into());
        }
        let first = Passphrase::new(
            rpassword::prompt_password(format!("Passphrase for {what}: "))
                .context("cannot read the passphrase from the terminal")?,
        );
        if confirm {
            let again = Passphrase::new(
                rpassword::prompt_password("Repeat the passphrase: ")
                    .context("cannot read the passphrase from the terminal")?,
            );
            if !first.ct_eq(&again) {
                return Err(UserError::Failure("the passphrases differ".into()).into());
            }
        }
        non_empty(first, "the terminal")
    }
}

fn non_empty(p: Passphrase, source: &str) -> Result<Passphrase> {
    if p.as_str().is_empty() {
        return Err(UserError::Failure(format!("the passphrase from {source} is empty")).into());
    }
    Ok(p)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ctx(passphrase_file: Option<PathBuf>) -> Context {
        Context {
            store_path: PathBuf::from("/nonexistent"),
            keystore_path: PathBuf::from("/nonexistent"),
            namespace: Namespace::default_ns(),
            max_token_lifetime: DEFAULT_MAX_TOKEN_LIFETIME,
            max_token_lifetime_source: String::new(),
            passphrase_file,
            jwt_private_key: None,
            stdout_is_terminal: false,
            stdin_is_terminal: false,
        }
    }

    #[test]
    fn passphrase_file_first_line() {
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join("pass");
        std::fs::write(&p, "two words\r\nignored\n").unwrap();
        assert_eq!(
            ctx(Some(p.clone()))
                .passphrase("k", false)
                .unwrap()
                .as_str(),
            "two words"
        );
        std::fs::write(&p, "\n").unwrap();
        let err = ctx(Some(p.clone())).passphrase("k", false).unwrap_err();
        assert!(format!("{err:#}").contains("is empty"), "{err:#}");
        let err = ctx(Some(d.path().join("missing")))
            .passphrase("k", false)
            .unwrap_err();
        assert!(format!("{err:#}").contains("missing"), "{err:#}");
    }

    #[test]
    fn config_file_rejects_unknown_settings() {
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join("config.toml");
        std::fs::write(&p, "namespace = \"eng\"\nmax-token-lifetime = \"30m\"\n").unwrap();
        let (cfg, path) = load_config(Some(&p)).unwrap();
        assert_eq!(cfg.namespace.as_deref(), Some("eng"));
        assert_eq!(path.as_deref(), Some(p.as_path()));
        std::fs::write(&p, "passphrase = \"secret\"\n").unwrap();
        let err = load_config(Some(&p)).unwrap_err();
        assert!(
            format!("{err:#}").contains("unknown field `passphrase`"),
            "{err:#}"
        );
        assert!(!format!("{err:#}").contains("secret"), "{err:#}");
    }
}
