//! The config file (`$XDG_CONFIG_HOME/svcacct/config.toml`) and its contexts: reading it,
//! and refusing a setting that holds a key or a token.

use std::collections::BTreeMap;
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};
use serde::{Deserialize, Serialize};

use crate::error::UserError;
use crate::output::shown_path;

/// The config file, `$XDG_CONFIG_HOME/svcacct/config.toml`. Every key is optional.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ConfigFile {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub current_context: Option<String>,
    /// A folder or a URL.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub store: Option<PathBuf>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub keystore: Option<PathBuf>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub namespace: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub passphrase_file: Option<PathBuf>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub service_account: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub jwt_private_key: Option<PathBuf>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub token_file: Option<PathBuf>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ca_cert: Option<PathBuf>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_token_lifetime: Option<String>,
    /// `svcacct token` reuses a kept token unless `--no-reuse` (see src/token/reuse.rs).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub token_reuse: Option<bool>,
    /// The share of its lifetime a kept token must have left to be reused (default 0.5).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub token_reuse_fraction: Option<f64>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub contexts: BTreeMap<String, ContextEntry>,
}

/// A `[contexts.NAME]` table: a store and how to authenticate to it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ContextEntry {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub store: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub service_account: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub jwt_private_key: Option<PathBuf>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub token_file: Option<PathBuf>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ca_cert: Option<PathBuf>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub namespace: Option<String>,
}

/// What a setting that names a file takes, for messages.
const FILE: &str = "the name of a file";

/// A setting of the config file as the file names it, its value, and what it takes.
type Setting<'a> = (&'static str, Option<&'a [u8]>, &'static str);

fn text(v: &Option<String>) -> Option<&[u8]> {
    v.as_deref().map(str::as_bytes)
}

fn path_bytes(v: &Option<PathBuf>) -> Option<&[u8]> {
    v.as_deref().map(|p| p.as_os_str().as_bytes())
}

/// A setting's value, to redact or unset.
enum Field<'a> {
    Text(&'a mut Option<String>),
    Path(&'a mut Option<PathBuf>),
}

impl Field<'_> {
    fn secret(&self) -> Option<crate::secret::Secret> {
        match self {
            Field::Text(v) => text(v),
            Field::Path(v) => path_bytes(v),
        }
        .and_then(crate::secret::find)
    }

    /// Puts "REDACTED (a key)" or "REDACTED (a token)" in place of a value that holds one.
    fn redact(self) {
        let Some(secret) = self.secret() else { return };
        match self {
            Field::Text(v) => *v = Some(secret.redacted().to_owned()),
            Field::Path(v) => *v = Some(PathBuf::from(secret.redacted())),
        }
    }

    /// Unsets a value that holds a key or token.
    fn unset_secret(self) {
        if self.secret().is_some() {
            match self {
                Field::Text(v) => *v = None,
                Field::Path(v) => *v = None,
            }
        }
    }
}

impl ConfigFile {
    /// The top-level settings.
    pub(super) fn settings(&self) -> [Setting<'_>; 10] {
        [
            (
                "current-context",
                text(&self.current_context),
                "the name of a context",
            ),
            ("store", path_bytes(&self.store), "a folder or a URL"),
            ("keystore", path_bytes(&self.keystore), "a folder"),
            ("namespace", text(&self.namespace), "a namespace"),
            ("passphrase-file", path_bytes(&self.passphrase_file), FILE),
            (
                "service-account",
                text(&self.service_account),
                "an account (NAME or NS/NAME)",
            ),
            ("jwt-private-key", path_bytes(&self.jwt_private_key), FILE),
            ("token-file", path_bytes(&self.token_file), FILE),
            ("ca-cert", path_bytes(&self.ca_cert), FILE),
            (
                "max-token-lifetime",
                text(&self.max_token_lifetime),
                "a duration such as 1h",
            ),
        ]
    }

    /// The top-level settings, to change.
    fn fields(&mut self) -> [Field<'_>; 10] {
        [
            Field::Text(&mut self.current_context),
            Field::Path(&mut self.store),
            Field::Path(&mut self.keystore),
            Field::Text(&mut self.namespace),
            Field::Path(&mut self.passphrase_file),
            Field::Text(&mut self.service_account),
            Field::Path(&mut self.jwt_private_key),
            Field::Path(&mut self.token_file),
            Field::Path(&mut self.ca_cert),
            Field::Text(&mut self.max_token_lifetime),
        ]
    }

    /// Unsets every top-level setting that holds a key or token.
    pub(super) fn drop_secrets(&mut self) {
        self.fields().into_iter().for_each(Field::unset_secret);
    }

    /// The file as `config view` shows it: every value, and every context's name, that holds
    /// a key or token replaced by "REDACTED (a key)" or "REDACTED (a token)" (as `kubectl
    /// config view` does). No setting holds a secret: one there was written by hand where a
    /// file's name belongs.
    pub fn redacted(mut self) -> ConfigFile {
        self.fields().into_iter().for_each(Field::redact);
        let contexts = std::mem::take(&mut self.contexts);
        for (name, mut entry) in contexts {
            entry.fields().into_iter().for_each(Field::redact);
            // Two names that are tokens stay two contexts.
            let mut name = shown_setting(&name);
            while self.contexts.contains_key(&name) {
                name.push('\'');
            }
            self.contexts.insert(name, entry);
        }
        self
    }
}

impl ContextEntry {
    pub(super) fn settings(&self) -> [Setting<'_>; 6] {
        [
            ("store", text(&self.store), "a folder or a URL"),
            (
                "service-account",
                text(&self.service_account),
                "an account (NAME or NS/NAME)",
            ),
            ("jwt-private-key", path_bytes(&self.jwt_private_key), FILE),
            ("token-file", path_bytes(&self.token_file), FILE),
            ("ca-cert", path_bytes(&self.ca_cert), FILE),
            ("namespace", text(&self.namespace), "a namespace"),
        ]
    }

    fn fields(&mut self) -> [Field<'_>; 6] {
        [
            Field::Text(&mut self.store),
            Field::Text(&mut self.service_account),
            Field::Path(&mut self.jwt_private_key),
            Field::Path(&mut self.token_file),
            Field::Path(&mut self.ca_cert),
            Field::Text(&mut self.namespace),
        ]
    }
}

/// A setting's value (a context's name…) as a message or `config` shows it: "REDACTED (a
/// token)" for one that holds a key or token, else the value with hidden characters escaped.
pub fn shown_setting(value: &str) -> String {
    match crate::secret::find(value.as_bytes()) {
        Some(secret) => secret.redacted().to_owned(),
        None => crate::output::sanitize(value),
    }
}

/// Refuses a setting of `settings` (the top-level ones, or those of `context`) that holds a
/// key or a token: read as a name, a path or a duration, it would be repeated by a message
/// ("unknown context `-----BEGIN…`"), and it is no setting's value.
pub(super) fn check_settings(
    settings: &[Setting<'_>],
    context: Option<&str>,
    path: Option<&Path>,
) -> Result<(), UserError> {
    for &(key, value, takes) in settings {
        let Some(secret) = value.and_then(crate::secret::find) else {
            continue;
        };
        let of = context.map_or_else(String::new, |c| {
            format!(" of context `{}`", shown_setting(c))
        });
        let file = path.map_or_else(|| "the config file".to_owned(), shown_path);
        let (what, belongs) = (secret.noun(), secret.belongs());
        return Err(UserError::Usage(format!(
            "`{key}`{of} in {file} holds a {what}, and takes {takes} (the {what} was not \
             used): {belongs}; remove it from the file (`svcacct config view` shows the file \
             with it redacted)"
        )));
    }
    Ok(())
}

pub fn default_config_path() -> Option<PathBuf> {
    dirs::config_dir().map(|d| d.join("svcacct").join("config.toml"))
}

/// Reads the config file: `explicit`, else the default one if it exists.
pub fn load_config(explicit: Option<&Path>) -> Result<(ConfigFile, Option<PathBuf>)> {
    let path = match explicit {
        Some(p) => p.to_path_buf(),
        None => match default_config_path() {
            Some(p) if p.exists() => p,
            _ => return Ok((ConfigFile::default(), None)),
        },
    };
    let text = std::fs::read_to_string(&path)
        .with_context(|| format!("cannot read config file {}", shown_path(&path)))?;
    let cfg: ConfigFile = toml::from_str(&text).map_err(|e| {
        UserError::Usage(format!(
            "config file {} is invalid: {}",
            shown_path(&path),
            crate::output::sanitize(e.message())
        ))
    })?;
    Ok((cfg, Some(path)))
}

/// The error for a context name the config file does not have.
pub fn unknown_context(name: &str, cfg: &ConfigFile, path: Option<&Path>) -> UserError {
    let known: Vec<&str> = cfg.contexts.keys().map(String::as_str).collect();
    let file = path.map_or("the config file".to_owned(), shown_path);
    UserError::Usage(format!(
        "unknown context `{}` in {file} ({}; see `svcacct config get-contexts`)",
        shown_setting(name),
        if known.is_empty() {
            "it has none".to_owned()
        } else {
            let known: Vec<String> = known.into_iter().map(shown_setting).collect();
            format!("known: {}", known.join(", "))
        }
    ))
}
