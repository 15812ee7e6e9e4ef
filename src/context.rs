//! Flags > environment > the selected context > config file > defaults, resolved once
//! (STYLE.md #1); the store opened once per process.

use std::cell::OnceCell;
use std::collections::BTreeMap;
use std::io::IsTerminal;
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};
use jiff::SignedDuration;
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use crate::cli::GlobalArgs;
use crate::error::UserError;
use crate::identity::{Name, Namespace, Reference};
use crate::keys::{Passphrase, PrivateKey};
use crate::model::{Account, KeyAlgorithm};
use crate::output::shown_path;
use crate::store::remote::{Auth, Bearer, RemoteStore, StoreUrl, is_url};
use crate::store::{Store, file::FileStore};

/// Default maximum lifetime of a token (`exp - iat`).
pub const DEFAULT_MAX_TOKEN_LIFETIME: SignedDuration = SignedDuration::from_hours(1);

/// Lifetime of the token a remote store client mints for itself (capped by the maximum).
pub const CLIENT_TOKEN_TTL: SignedDuration = SignedDuration::from_mins(5);

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
    fn secret(&self) -> Option<crate::secret_args::Secret> {
        match self {
            Field::Text(v) => text(v),
            Field::Path(v) => path_bytes(v),
        }
        .and_then(crate::secret_args::find)
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
    fn settings(&self) -> [Setting<'_>; 10] {
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
    fn drop_secrets(&mut self) {
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
    fn settings(&self) -> [Setting<'_>; 6] {
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
    match crate::secret_args::find(value.as_bytes()) {
        Some(secret) => secret.redacted().to_owned(),
        None => crate::output::sanitize(value),
    }
}

/// Refuses a setting of `settings` (the top-level ones, or those of `context`) that holds a
/// key or a token: read as a name, a path or a duration, it would be repeated by a message
/// ("unknown context `-----BEGIN…`"), and it is no setting's value.
fn check_settings(
    settings: &[Setting<'_>],
    context: Option<&str>,
    path: Option<&Path>,
) -> Result<(), UserError> {
    for &(key, value, takes) in settings {
        let Some(secret) = value.and_then(crate::secret_args::find) else {
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

/// Where the registry is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoreLocation {
    /// A folder: the file store.
    Local(PathBuf),
    /// A `svcacct serve`.
    Remote(StoreUrl),
}

impl StoreLocation {
    /// A `--store` value: a URL (`scheme://…`) or a folder. What looks like a server's address
    /// is refused rather than taken for a folder, whose first write would make a folder of
    /// that name: `[USER@]HOST:PORT`, perhaps with a path (`127.0.0.1:8420/`), a URL with a
    /// mistyped scheme or `://` (`http:/x`, `https//x`, `http:x`, `https;//x`, `https:/;/x`),
    /// and a URL with something before it (`"https://x"`, `store: https://x`). A folder of such
    /// a name is named with `./` (or any path whose first part is no `HOST:PORT`: `/srv/a:1`).
    /// A value with whitespace at either end is refused too: ` https://x` from a variable or a
    /// YAML file would be a folder ` https:/x`.
    pub fn parse(value: &Path) -> Result<StoreLocation, UserError> {
        let Some(s) = value.to_str() else {
            let bytes = value.as_os_str().as_bytes();
            if bytes.first().is_some_and(u8::is_ascii_whitespace)
                || bytes.last().is_some_and(u8::is_ascii_whitespace)
            {
                return Err(UserError::Usage(format!(
                    "store {} has whitespace at its start or end: name the folder without it",
                    shown_path(value)
                )));
            }
            return Ok(StoreLocation::Local(value.to_path_buf()));
        };
        let trimmed = s.trim();
        if trimmed.len() != s.len() {
            return Err(surrounded_by_whitespace(s, trimmed));
        }
        if is_url(s) {
            return Ok(StoreLocation::Remote(StoreUrl::parse(s)?));
        }
        let shown = crate::output::sanitize(s);
        let folder = format!("./{shown} for a folder of that name");
        if let Some(url) = mistyped_url(s) {
            // Plain http:// is for loopback addresses only.
            let scheme = if loopback(host_of(url.rest)) {
                url.scheme
            } else {
                "https"
            };
            let what = if url.after_other_text {
                "a URL with something before it"
            } else {
                "a URL with a mistyped scheme"
            };
            return Err(UserError::Usage(format!(
                "store `{shown}` is {what}: did you mean {scheme}://{}? ({folder})",
                crate::output::sanitize(url.rest)
            )));
        }
        if let Some((user, host_port, path)) = server_address(s) {
            let url = crate::output::sanitize(&format!("{host_port}{path}"));
            let mut notes = String::new();
            if loopback(host_of(host_port)) {
                notes.push_str(&format!(
                    "http://{url} for a server on this machine without TLS; "
                ));
            }
            if user.is_some() {
                notes.push_str(
                    "a store URL holds no user name, --service-account names the account; ",
                );
            }
            return Err(UserError::Usage(format!(
                "store `{shown}` is a server's address without its scheme: did you mean \
                 https://{url}? ({notes}{folder})"
            )));
        }
        Ok(StoreLocation::Local(value.to_path_buf()))
    }
}

/// The refusal of store `s`, which has whitespace at its start or end (`trimmed` is `s`
/// without it): a folder whose name starts with a space is almost certainly a URL or a path
/// that came with the space from a variable or a YAML file. It says what `trimmed` would be,
/// and how to name a folder with the whitespace (`./ NAME`, `NAME /`).
fn surrounded_by_whitespace(s: &str, trimmed: &str) -> UserError {
    let shown = crate::output::sanitize(s);
    let (starts, ends) = (
        s.starts_with(char::is_whitespace),
        s.ends_with(char::is_whitespace),
    );
    let at = match (starts, ends) {
        (true, false) => "starts with whitespace",
        (false, true) => "ends with whitespace",
        _ => "starts and ends with whitespace",
    };
    if trimmed.is_empty() {
        return UserError::Usage(format!(
            "store `{shown}` is only whitespace: name a folder or a URL, or set none for the \
             default folder"
        ));
    }
    let explicit = s.starts_with('/') || s.starts_with("./") || s.starts_with("../");
    let folder = format!(
        "{}{s}{}",
        if explicit { "" } else { "./" },
        if ends { "/" } else { "" }
    );
    let folder = format!(
        "`{}` for a folder of that name",
        crate::output::sanitize(&folder)
    );
    match StoreLocation::parse(Path::new(trimmed)) {
        Ok(StoreLocation::Remote(url)) => UserError::Usage(format!(
            "store `{shown}` {at}: did you mean {url}? ({folder})"
        )),
        Ok(StoreLocation::Local(_)) => UserError::Usage(format!(
            "store `{shown}` {at}: did you mean `{}`? ({folder})",
            crate::output::sanitize(trimmed)
        )),
        Err(e) => UserError::Usage(format!("store `{shown}` {at}, and without it: {e}")),
    }
}

/// `localhost`, `127.x.x.x` or `[::1]`: where plain http:// is accepted.
fn loopback(host: &str) -> bool {
    host.eq_ignore_ascii_case("localhost") || host == "[::1]" || host.starts_with("127.")
}

/// The host of `[USER@]HOST[:PORT][/…]`.
fn host_of(address: &str) -> &str {
    let authority = address.split('/').next().unwrap_or_default();
    let host_port = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    match host_port.find(']') {
        Some(end) if host_port.starts_with('[') => &host_port[..=end],
        _ => host_port.split(':').next().unwrap_or_default(),
    }
}

/// A URL that is no URL as typed (see [`mistyped_url`]).
struct MistypedUrl<'a> {
    /// `http` or `https`: the scheme as typed, or `https` for any other.
    scheme: &'static str,
    /// What follows the `://` that was meant.
    rest: &'a str,
    /// Something stood before the scheme (`"https://x"`, `store: https://x`).
    after_other_text: bool,
}

/// What may stand, mistyped, where a URL's `://` belongs: `http:/x`, `https;//x`,
/// `https:/;/x`, `http:\\x`, `https: //x`.
fn is_separator(c: char) -> bool {
    matches!(c, ':' | '/' | '\\' | ';' | '|' | ',') || c.is_whitespace()
}

/// What may close a URL pasted with quotes or brackets around it (`"https://x"`).
fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '`' | '>' | ')')
}

/// A URL with a mistyped scheme or `://`, or with something before it, which is not a URL as
/// typed (`is_url` is false):
///
/// - `http` or `https` followed by what is not `://` but holds `:`, `;`, `\`, `|` or `//`, and
///   something after: `http:/x`, `https//x`, `http:x`, `https;//x`, `https:/;/x`;
/// - in a value that is no explicit path (`/…`, `./…`, `../…`), a scheme-like word just
///   before the first `//` that is `http` or `https`, or that is followed by a `:` or `;`
///   among stray characters: `htps;//x`, `"https://x"`, `store: https://x`, `https: //x`.
///
/// A word and `//` alone (`backups//x`), or a word, a colon and one `/` (`httpd:/x`, `x:y/z`)
/// are no URL.
fn mistyped_url(s: &str) -> Option<MistypedUrl<'_>> {
    let http_scheme = |word: &str| -> Option<&'static str> {
        ["https", "http"]
            .into_iter()
            .find(|scheme| word.eq_ignore_ascii_case(scheme))
    };
    /// What follows the separator, without closing quotes or brackets; not empty.
    fn rest_of(after: &str) -> Option<&str> {
        let rest = after
            .trim_start_matches(is_separator)
            .trim_end_matches(is_closer);
        (!rest.is_empty()).then_some(rest)
    }
    // The value starts with http or https.
    if let Some(scheme) = ["https", "http"].into_iter().find(|scheme| {
        s.get(..scheme.len())
            .is_some_and(|p| p.eq_ignore_ascii_case(scheme))
    }) {
        let after = &s[scheme.len()..];
        let separator = &after[..after.len() - after.trim_start_matches(is_separator).len()];
        if separator.contains([':', ';', '\\', '|']) || separator.contains("//") {
            return rest_of(after).map(|rest| MistypedUrl {
                scheme,
                rest,
                after_other_text: false,
            });
        }
    }
    // A scheme-like word before the first `//`.
    if s.starts_with('/') || s.starts_with("./") || s.starts_with("../") {
        return None;
    }
    let at = s.find("//")?;
    let before = &s[..at];
    let head = before.trim_end_matches(is_separator);
    let separator = &before[head.len()..];
    let word_start = head
        .rfind(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')))
        .map_or(0, |i| i + 1);
    let word = head[word_start..].trim_start_matches(|c: char| !c.is_ascii_alphabetic());
    if word.is_empty() {
        return None;
    }
    let scheme = http_scheme(word);
    if scheme.is_none() && !separator.contains([':', ';']) {
        return None;
    }
    rest_of(&s[at..]).map(|rest| MistypedUrl {
        scheme: scheme.unwrap_or("https"),
        rest,
        after_other_text: head.len() > word.len(),
    })
}

/// `[USER@]HOST:PORT[/PATH]`: the user, `HOST:PORT` and the path (empty, or from its `/`).
fn server_address(s: &str) -> Option<(Option<&str>, &str, &str)> {
    let (authority, path) = s.find('/').map_or((s, ""), |at| s.split_at(at));
    let (user, host_port) = match authority.rsplit_once('@') {
        Some((user, host_port)) if !user.is_empty() => (Some(user), host_port),
        Some(_) => return None,
        None => (None, authority),
    };
    is_host_and_port(host_port).then_some((user, host_port, path))
}

/// `HOST:PORT`: a host name, IPv4 address or `[IPv6]`, a colon and a port number, no `/`.
fn is_host_and_port(s: &str) -> bool {
    let Some((host, port)) = s.rsplit_once(':') else {
        return false;
    };
    let host_ok = match host.strip_prefix('[').and_then(|h| h.strip_suffix(']')) {
        Some(v6) => !v6.is_empty() && v6.bytes().all(|b| b.is_ascii_hexdigit() || b == b':'),
        None => {
            !host.is_empty()
                && host
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-')
        }
    };
    host_ok && (1..=5).contains(&port.len()) && port.bytes().all(|b| b.is_ascii_digit())
}

impl std::fmt::Display for StoreLocation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StoreLocation::Local(p) => f.write_str(&shown_path(p)),
            StoreLocation::Remote(u) => write!(f, "{u}"),
        }
    }
}

/// How a remote store client proves who it is, and where that was said.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Credentials {
    /// A ready token in a file.
    TokenFile(PathBuf),
    /// A ready token in `SVCACCT_TOKEN`.
    TokenEnv,
    /// Mint a token for this account (a reference as typed: `name` means namespace `default`).
    Account(String),
    None,
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

/// The opened store, built once per process (so a remote client reads its key once).
#[derive(Default)]
struct StoreCell(OnceCell<Backend>);

enum Backend {
    Local(FileStore),
    Remote(Box<RemoteStore>),
}

impl std::fmt::Debug for StoreCell {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self.0.get() {
            None => "unopened",
            Some(Backend::Local(_)) => "file store",
            Some(Backend::Remote(_)) => "remote store",
        })
    }
}

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
    /// How to authenticate to a remote store (and whom `whoami` asks about).
    pub credentials: Credentials,
    /// `--ca-cert`, `SVCACCT_CA_CERT`, or the context's or config file's `ca-cert`.
    pub ca_cert: Option<PathBuf>,
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

fn data_dir() -> PathBuf {
    dirs::data_dir()
        .unwrap_or_else(|| PathBuf::from("."))
        .join("svcacct")
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

/// Flag or environment (one clap value), else the context's value, else the config file's.
fn first<T: Clone>(flag: &Option<T>, context: Option<T>, config: &Option<T>) -> Option<T> {
    flag.clone().or(context).or_else(|| config.clone())
}

/// The values that decide a `Context`, gathered from the command line, the environment and
/// the config file (separate from `resolve` so precedence can be tested without a process).
struct Layers<'a> {
    global: &'a GlobalArgs,
    cli: &'a CommandLine,
    cfg: &'a ConfigFile,
    ctx: Option<&'a ContextEntry>,
    /// `SVCACCT_TOKEN` is set and not empty.
    token_env: bool,
}

impl Layers<'_> {
    fn store(&self) -> Option<PathBuf> {
        // The flag and SVCACCT_STORE are one clap value: both beat the context.
        let ctx_store = self.ctx.and_then(|c| c.store.clone().map(PathBuf::from));
        first(&self.global.store, ctx_store, &self.cfg.store)
    }

    fn namespace(&self) -> Option<String> {
        let ctx_ns = self.ctx.and_then(|c| c.namespace.clone());
        first(&self.global.namespace, ctx_ns, &self.cfg.namespace)
    }

    fn ca_cert(&self) -> Option<PathBuf> {
        let ctx_ca = self.ctx.and_then(|c| c.ca_cert.clone());
        first(&self.global.ca_cert, ctx_ca, &self.cfg.ca_cert)
    }

    fn jwt_private_key(&self) -> Option<PathBuf> {
        self.ctx
            .and_then(|c| c.jwt_private_key.clone())
            .or_else(|| self.cfg.jwt_private_key.clone())
    }

    /// The first layer (command line, environment, context, config file) that names a token
    /// or an account decides; within a layer a ready token beats an account.
    fn credentials(&self) -> Credentials {
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
            jwt_private_key: layers.jwt_private_key(),
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

    /// The registry, opened on first use and kept for the process: a remote client mints its
    /// token (or reads it) once.
    pub fn store(&self) -> Result<&dyn Store> {
        Ok(match self.backend()? {
            Backend::Local(s) => s,
            Backend::Remote(s) => s.as_ref(),
        })
    }

    /// The remote store, when the store is one.
    pub fn remote(&self) -> Result<Option<&RemoteStore>> {
        Ok(match self.backend()? {
            Backend::Local(_) => None,
            Backend::Remote(s) => Some(s),
        })
    }

    /// For a command that only reads the registry: a store folder named explicitly (see
    /// `store_source`) must exist, so that a mistyped path is not answered with an empty
    /// registry. The default folder, before the first write makes it, reads as an empty one.
    pub fn require_store_folder(&self) -> Result<(), UserError> {
        let (StoreLocation::Local(path), Some(source)) = (&self.store_location, &self.store_source)
        else {
            return Ok(());
        };
        let shown = shown_path(path);
        match std::fs::metadata(path) {
            Ok(m) if m.is_dir() => Ok(()),
            Ok(_) => Err(UserError::Failure(format!(
                "store {shown} (from {source}) is not a folder: check the path"
            ))),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Err(UserError::Failure(format!(
                "store folder {shown} (from {source}) does not exist: check the path; a new \
                 store is made by its first write, e.g. `svcacct --store {shown} create NAME`"
            ))),
            Err(e) => Err(UserError::Failure(format!(
                "cannot read the store folder {shown} (from {source}): {e}"
            ))),
        }
    }

    /// The folder of the file store; an error naming `what` for a remote store.
    pub fn local_store_path(&self, what: &str) -> Result<&Path, UserError> {
        match &self.store_location {
            StoreLocation::Local(p) => Ok(p),
            StoreLocation::Remote(u) => Err(UserError::Usage(format!(
                "{what} needs a local store folder, not the URL {u}"
            ))),
        }
    }

    fn backend(&self) -> Result<&Backend> {
        if let Some(b) = self.store.0.get() {
            return Ok(b);
        }
        let backend = match &self.store_location {
            StoreLocation::Local(p) => Backend::Local(FileStore::open(p.clone())),
            StoreLocation::Remote(url) => Backend::Remote(Box::new(RemoteStore::new(
                url.clone(),
                self.ca_cert.as_deref(),
                self.auth(url)?,
            )?)),
        };
        Ok(self.store.0.get_or_init(|| backend))
    }

    /// What authenticates a remote store's requests: the token given, or tokens signed for
    /// the account with its key (read once, here, so a passphrase is asked at most once; a new
    /// token is signed when the last one is about to expire).
    fn auth(&self, url: &StoreUrl) -> Result<Auth> {
        if let Credentials::Account(_) = &self.credentials {
            let r = self.service_account()?.expect("an account credential");
            let key = self.signing_key(&r, None)?;
            let ttl = CLIENT_TOKEN_TTL.min(self.max_token_lifetime);
            // The server cannot be asked before the first request: the keystore knows.
            let user = self.keystore().impersonates(&r);
            let alg = self.key_algorithm(&r, &key, None);
            return Ok(Auth::signed(move || {
                let minted = client_token(&r, &key, alg, ttl, user.as_deref())?;
                Ok((Bearer::new(&minted.token, "the minted token")?, minted.exp))
            }));
        }
        Ok(Auth::Fixed(self.bearer(url)?))
    }

    /// The bearer token for a remote store: read, or minted for the account.
    fn bearer(&self, url: &StoreUrl) -> Result<Bearer> {
        self.own_token()?.ok_or_else(|| {
            UserError::Usage(format!(
                "the store {url} is a svcacct server and needs credentials: pass \
                 --service-account REF (signing with --jwt-private-key FILE or the keystore's \
                 key), or --token-file FILE, or set SVCACCT_TOKEN; \
                 `svcacct config set-context` can keep them in a context"
            ))
            .into()
        })
    }

    /// The token the credentials give: read from the token file or `SVCACCT_TOKEN`, or minted
    /// for the service account; `None` without credentials.
    pub fn own_token(&self) -> Result<Option<Bearer>> {
        Ok(Some(match &self.credentials {
            Credentials::TokenFile(path) => read_token_file(path)?,
            Credentials::TokenEnv => {
                let v =
                    Zeroizing::new(std::env::var("SVCACCT_TOKEN").map_err(|_| {
                        UserError::Usage("SVCACCT_TOKEN is not valid UTF-8".into())
                    })?);
                Bearer::new(&v, "SVCACCT_TOKEN")?
            }
            Credentials::Account(_) => {
                let minted = self.mint_own_token()?;
                Bearer::new(&minted.token, "the minted token")?
            }
            Credentials::None => return Ok(None),
        }))
    }

    /// The account named by the credentials (`--service-account` and its fallbacks).
    pub fn service_account(&self) -> Result<Option<Reference>, UserError> {
        match &self.credentials {
            Credentials::Account(a) => {
                Reference::parse_input(a, &Namespace::default_ns()).map(Some)
            }
            _ => Ok(None),
        }
    }

    /// Mints a token as the process's service account: RS256, 5 minutes (at most the maximum
    /// lifetime), signed by the account's key (what `whoami` on a local store checks).
    pub fn mint_own_token(&self) -> Result<crate::token::Minted> {
        let Some(r) = self.service_account()? else {
            return Err(UserError::Usage(
                "no service account to sign for: pass --service-account REF".into(),
            )
            .into());
        };
        let key = self.signing_key(&r, None)?;
        let record = self.local_account(&r)?;
        let user = match &record {
            Some(a) => a.impersonates.clone(),
            None => self.keystore().impersonates(&r),
        };
        let alg = self.key_algorithm(&r, &key, record.as_ref());
        client_token(
            &r,
            &key,
            alg,
            CLIENT_TOKEN_TTL.min(self.max_token_lifetime),
            user.as_deref(),
        )
    }

    /// The user whose id `r`'s tokens carry as `sub` (`svcacct create --impersonate`): from the
    /// account's record in a local store, else from the keystore's note. Minting stays offline:
    /// an account the store does not have (or a remote store) is asked of the keystore only.
    pub fn impersonates(&self, r: &Reference) -> Result<Option<String>> {
        Ok(self.impersonates_per(r, self.local_account(r)?.as_ref()))
    }

    /// As [`impersonates`](Self::impersonates), with `r`'s record already read by
    /// [`local_account`](Self::local_account).
    pub fn impersonates_per(&self, r: &Reference, record: Option<&Account>) -> Option<String> {
        match record {
            Some(a) => a.impersonates.clone(),
            None => self.keystore().impersonates(r),
        }
    }

    /// `r`'s record, when the store is a local one that can be read and has it; `None` for a
    /// remote store (minting never asks a server), an unreadable store or record, or an
    /// account the store does not have.
    pub fn local_account(&self, r: &Reference) -> Result<Option<Account>> {
        if let StoreLocation::Local(_) = &self.store_location
            && let Ok(a) = self.store()?.get_account(r)
        {
            return Ok(Some(a));
        }
        Ok(None)
    }

    /// The algorithm `key` signs `r`'s tokens with: the one it is registered for in `record`
    /// (the account as a local store has it), else the keystore's note, else RS256.
    pub fn key_algorithm(
        &self,
        r: &Reference,
        key: &PrivateKey,
        record: Option<&Account>,
    ) -> KeyAlgorithm {
        let kid = key.kid();
        match record.and_then(|a| a.keys.iter().find(|k| k.kid == kid)) {
            Some(k) => k.algorithm,
            None => self.keystore().algorithm(r, &kid).unwrap_or_default(),
        }
    }

    /// The key that signs `r`'s tokens: `--jwt-private-key` > `SVCACCT_JWT_PRIVATE_KEY` (a path,
    /// or the PEM itself) > the context's or config file's `jwt-private-key` > the keystore's
    /// key `kid`, or its current one.
    pub fn signing_key(&self, r: &Reference, kid: Option<&str>) -> Result<PrivateKey> {
        // The flag names a file, never the key itself: a secret is not a command-line value.
        if let Some(path) = &self.jwt_private_key_flag {
            if kid.is_some() {
                return Err(UserError::Usage(
                    "--kid picks a keystore key; it cannot be combined with --jwt-private-key"
                        .into(),
                )
                .into());
            }
            return self.read_private_key_file(path);
        }
        if let Some(kid) = kid {
            let path = self.keystore().key_path(r, Some(kid))?;
            return self.read_private_key_file(&path);
        }
        // The environment may hold the key itself (a CI secret) rather than a path. Either way
        // its value is never repeated in a message: it may be a secret that failed to parse.
        if let Some(value) = std::env::var_os("SVCACCT_JWT_PRIVATE_KEY").filter(|v| !v.is_empty()) {
            const SOURCE: &str = "SVCACCT_JWT_PRIVATE_KEY";
            let bytes = Zeroizing::new(value.as_bytes().to_vec());
            let looks_like_key = bytes.len() > 4096
                || bytes.contains(&b'\n')
                || bytes.windows(10).any(|w| w == b"-----BEGIN");
            if looks_like_key {
                return self.read_private_key(&bytes, SOURCE);
            }
            let file = std::fs::File::open(Path::new(&value)).map_err(|e| {
                UserError::Failure(format!(
                    "{SOURCE} holds neither a PEM key nor the path of a readable file ({})",
                    e.kind()
                ))
            })?;
            let key = Zeroizing::new(crate::fsutil::read_limited(file, SOURCE)?);
            return self.read_private_key(&key, SOURCE);
        }
        if let Some(path) = &self.jwt_private_key {
            return self.read_private_key_file(path);
        }
        let path = self.keystore().key_path(r, None)?;
        self.read_private_key_file(&path)
    }

    /// Reads a private key from `bytes`, asking for the passphrase only if it is encrypted.
    pub fn read_private_key(&self, bytes: &[u8], source: &str) -> Result<PrivateKey> {
        let passphrase = if PrivateKey::is_encrypted_pem(bytes) {
            Some(self.passphrase(source, false)?)
        } else {
            None
        };
        Ok(PrivateKey::parse(bytes, source, passphrase.as_ref())?)
    }

    /// Reads a private key file.
    pub fn read_private_key_file(&self, path: &Path) -> Result<PrivateKey> {
        let bytes = Zeroizing::new(crate::fsutil::read_small(path)?);
        self.read_private_key(&bytes, &shown_path(path))
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
            let source = &self.passphrase_file_source;
            let bytes = Zeroizing::new(crate::fsutil::read_small_as(path, source)?);
            let text = std::str::from_utf8(&bytes)
                .map_err(|_| UserError::Failure(format!("{source} is not UTF-8")))?;
            let line = text.lines().next().unwrap_or("");
            return non_empty(Passphrase::new(line.to_owned()), source);
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

/// A token a client sends to a remote store as `r`: the key's algorithm, no audience,
/// lifetime `ttl`.
fn client_token(
    r: &Reference,
    key: &PrivateKey,
    alg: KeyAlgorithm,
    ttl: SignedDuration,
    impersonates: Option<&str>,
) -> Result<crate::token::Minted> {
    crate::token::mint(&crate::token::MintRequest {
        reference: r,
        key,
        alg: alg.jwt(),
        ttl,
        audiences: &[],
        extra: &BTreeMap::new(),
        now: jiff::Timestamp::now(),
        impersonates,
    })
}

fn non_empty(p: Passphrase, source: &str) -> Result<Passphrase> {
    if p.as_str().is_empty() {
        return Err(UserError::Failure(format!("the passphrase from {source} is empty")).into());
    }
    Ok(p)
}

/// A bearer token kept in a file (`--token-file`, a context's `token-file`, `login`).
pub fn read_token_file(path: &Path) -> Result<Bearer> {
    let bytes = Zeroizing::new(crate::fsutil::read_small(path)?);
    let text = std::str::from_utf8(&bytes)
        .map_err(|_| UserError::Usage(format!("token file {} is not UTF-8", shown_path(path))))?;
    Ok(Bearer::new(
        text,
        &format!("token file {}", shown_path(path)),
    )?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ctx(passphrase_file: Option<PathBuf>) -> Context {
        Context {
            store_location: StoreLocation::Local(PathBuf::from("/nonexistent")),
            store_source: None,
            keystore_path: PathBuf::from("/nonexistent"),
            namespace: Namespace::default_ns(),
            max_token_lifetime: DEFAULT_MAX_TOKEN_LIFETIME,
            max_token_lifetime_source: String::new(),
            passphrase_file,
            passphrase_file_source: "the file named by --passphrase-file".to_owned(),
            jwt_private_key_flag: None,
            jwt_private_key: None,
            credentials: Credentials::None,
            ca_cert: None,
            context_name: None,
            config_path: None,
            command_line: CommandLine::default(),
            stdout_is_terminal: false,
            stdin_is_terminal: false,
            store: StoreCell::default(),
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
        let err = ctx(Some(d.path().join("MyS3cretPassphrase")))
            .passphrase("k", false)
            .unwrap_err();
        assert_eq!(
            format!("{err:#}"),
            "cannot read the file named by --passphrase-file: No such file or directory (os \
             error 2)"
        );
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

    fn global(args: &[&str]) -> (GlobalArgs, CommandLine) {
        use clap::{CommandFactory, FromArgMatches};
        let mut argv = vec!["svcacct"];
        argv.extend_from_slice(args);
        argv.push("whoami");
        let m = crate::cli::Cli::command()
            .try_get_matches_from(argv)
            .unwrap();
        let cli = crate::cli::Cli::from_arg_matches(&m).unwrap();
        (cli.global, CommandLine::from_matches(&m))
    }

    fn config() -> ConfigFile {
        toml::from_str(
            r#"
            current-context = "prod"
            store = "/cfg/store"
            namespace = "cfgns"
            service-account = "cfg-bot"
            [contexts.prod]
            store = "https://prod.example:8420"
            namespace = "prodns"
            token-file = "/ctx/token"
            ca-cert = "/ctx/ca.pem"
            jwt-private-key = "/ctx/key.pem"
            [contexts.bare]
            "#,
        )
        .unwrap()
    }

    #[test]
    fn precedence_flags_env_context_config() {
        let cfg = config();
        let prod = cfg.contexts.get("prod");
        let (g, cl) = global(&[]);
        let l = |g, cl, ctx, token_env| Layers {
            global: g,
            cli: cl,
            cfg: &cfg,
            ctx,
            token_env,
        };
        // The context beats the config file.
        let c = l(&g, &cl, prod, false);
        assert_eq!(c.store(), Some(PathBuf::from("https://prod.example:8420")));
        assert_eq!(c.namespace().as_deref(), Some("prodns"));
        assert_eq!(c.ca_cert(), Some(PathBuf::from("/ctx/ca.pem")));
        assert_eq!(c.jwt_private_key(), Some(PathBuf::from("/ctx/key.pem")));
        assert_eq!(c.credentials(), Credentials::TokenFile("/ctx/token".into()));
        // Without a context, the config file's top-level keys.
        let c = l(&g, &cl, cfg.contexts.get("bare"), false);
        assert_eq!(c.store(), Some(PathBuf::from("/cfg/store")));
        assert_eq!(c.namespace().as_deref(), Some("cfgns"));
        assert_eq!(c.credentials(), Credentials::Account("cfg-bot".into()));
        // The environment beats the context: SVCACCT_TOKEN beats the context's token file.
        let c = l(&g, &cl, prod, true);
        assert_eq!(c.credentials(), Credentials::TokenEnv);
        // Values clap took from the environment are not command line ones.
        let mut env_g = GlobalArgs { ..global(&[]).0 };
        env_g.service_account = Some("env-bot".into());
        env_g.store = Some("/env/store".into());
        let c = l(&env_g, &cl, prod, false);
        assert_eq!(c.credentials(), Credentials::Account("env-bot".into()));
        assert_eq!(c.store(), Some(PathBuf::from("/env/store")));
        // Flags beat everything: --service-account beats SVCACCT_TOKEN and the context's token.
        let (g, cl) = global(&[
            "--service-account",
            "flag-bot",
            "-n",
            "flagns",
            "--store",
            "/f",
        ]);
        assert_eq!(cl.service_account.as_deref(), Some("flag-bot"));
        let c = l(&g, &cl, prod, true);
        assert_eq!(c.credentials(), Credentials::Account("flag-bot".into()));
        assert_eq!(c.namespace().as_deref(), Some("flagns"));
        assert_eq!(c.store(), Some(PathBuf::from("/f")));
        // A token file on the command line beats an account on the command line.
        let (g, cl) = global(&["--service-account", "a", "--token-file", "/t"]);
        let c = l(&g, &cl, prod, false);
        assert_eq!(c.credentials(), Credentials::TokenFile("/t".into()));
        // Nothing anywhere.
        let empty = ConfigFile::default();
        let (g, cl) = global(&[]);
        let c = Layers {
            global: &g,
            cli: &cl,
            cfg: &empty,
            ctx: None,
            token_env: false,
        };
        assert_eq!(c.credentials(), Credentials::None);
        assert_eq!(c.store(), None);
    }

    #[test]
    fn stores_are_urls_or_folders() {
        assert_eq!(
            StoreLocation::parse(Path::new("/srv/store")).unwrap(),
            StoreLocation::Local("/srv/store".into())
        );
        assert!(matches!(
            StoreLocation::parse(Path::new("http://127.0.0.1:8420")).unwrap(),
            StoreLocation::Remote(_)
        ));
        let e = StoreLocation::parse(Path::new("http://registry.example:8420")).unwrap_err();
        assert!(e.to_string().contains("use https://"), "{e}");
        assert!(StoreLocation::parse(Path::new("ftp://x")).is_err());
        // A server's address without its scheme is no folder; a path with a `/` is one.
        for addr in [
            "127.0.0.1:18420",
            "registry.example:8420",
            "localhost:1",
            "[::1]:8420",
        ] {
            let e = StoreLocation::parse(Path::new(addr)).unwrap_err();
            assert!(
                e.to_string()
                    .contains(&format!("did you mean https://{addr}?")),
                "{e}"
            );
            assert_eq!(e.exit(), crate::error::Exit::Usage);
        }
        // With a path, a user, or a mistyped scheme.
        for (value, url) in [
            ("127.0.0.1:18420/", "https://127.0.0.1:18420/"),
            ("reg:8420/svcacct/", "https://reg:8420/svcacct/"),
            ("user@reg:8420", "https://reg:8420"),
            ("git@[::1]:1/x", "https://[::1]:1/x"),
            ("http:/127.0.0.1:18420", "http://127.0.0.1:18420"),
            ("http:localhost", "http://localhost"),
            ("https//reg:8420", "https://reg:8420"),
            ("http//reg:8420", "https://reg:8420"),
            ("http:reg", "https://reg"),
            ("HTTPS:/reg", "https://reg"),
        ] {
            let e = StoreLocation::parse(Path::new(value)).unwrap_err();
            let e = e.to_string();
            assert!(e.contains(&format!("did you mean {url}?")), "{value}: {e}");
            assert!(
                e.ends_with(&format!("./{value} for a folder of that name)")),
                "{value}: {e}"
            );
        }
        for folder in [
            "./127.0.0.1:18420",
            "./127.0.0.1:18420/",
            "./user@reg:8420",
            "./http:/x",
            "/a/b:8420",
            "backups/reg:8420",
            "x:y",
            "x:y/z",
            "a:123456",
            ":80",
            "a b:80",
            "@reg:8420",
            "user@reg",
            "user@reg:store",
            "https/x",
            "http",
            "http:",
            "https//",
            "httpd:/x",
        ] {
            assert_eq!(
                StoreLocation::parse(Path::new(folder)).unwrap(),
                StoreLocation::Local(folder.into()),
                "{folder}"
            );
        }
    }

    /// Review finding 5: a leading space, or `;` for `:`, made a folder of a URL.
    #[test]
    fn stores_with_whitespace_or_a_stray_separator_are_no_folders() {
        let refusal = |value: &str| {
            StoreLocation::parse(Path::new(value))
                .map(|l| format!("accepted as {l:?}"))
                .unwrap_err()
                .to_string()
        };
        // Whitespace at either end, whatever the rest is.
        assert_eq!(
            refusal(" http://127.0.0.1:1"),
            "store ` http://127.0.0.1:1` starts with whitespace: did you mean \
             http://127.0.0.1:1? (`./ http://127.0.0.1:1` for a folder of that name)"
        );
        assert_eq!(
            refusal("https://reg.example:8420/\n"),
            "store `https://reg.example:8420/\\u{a}` ends with whitespace: did you mean \
             https://reg.example:8420? (`./https://reg.example:8420/\\u{a}/` for a folder of \
             that name)"
        );
        assert_eq!(
            refusal("\tstore "),
            "store `\\u{9}store ` starts and ends with whitespace: did you mean `store`? \
             (`./\\u{9}store /` for a folder of that name)"
        );
        assert_eq!(
            refusal("/srv/store\u{a0}"),
            "store `/srv/store\u{a0}` ends with whitespace: did you mean `/srv/store`? \
             (`/srv/store\u{a0}/` for a folder of that name)"
        );
        assert_eq!(
            refusal(" reg:8420"),
            "store ` reg:8420` starts with whitespace, and without it: store `reg:8420` is a \
             server's address without its scheme: did you mean https://reg:8420? \
             (./reg:8420 for a folder of that name)"
        );
        assert_eq!(
            refusal("  "),
            "store `  ` is only whitespace: name a folder or a URL, or set none for the default \
             folder"
        );
        use std::os::unix::ffi::OsStrExt;
        let not_utf8 = Path::new(std::ffi::OsStr::from_bytes(b" \xffstore"));
        assert!(StoreLocation::parse(not_utf8).is_err());
        assert_eq!(
            StoreLocation::parse(Path::new(std::ffi::OsStr::from_bytes(b"\xffstore"))).unwrap(),
            StoreLocation::Local(Path::new(std::ffi::OsStr::from_bytes(b"\xffstore")).into())
        );
        // A stray character where `://` belongs, or something before the scheme.
        for (value, url, what) in [
            ("https;//x:1", "https://x:1", "a URL with a mistyped scheme"),
            (
                "http;//127.0.0.1:1",
                "http://127.0.0.1:1",
                "a URL with a mistyped scheme",
            ),
            ("https:/;/x", "https://x", "a URL with a mistyped scheme"),
            ("https:/ /x", "https://x", "a URL with a mistyped scheme"),
            ("https: //x", "https://x", "a URL with a mistyped scheme"),
            (
                "http:\\\\localhost:1",
                "http://localhost:1",
                "a URL with a mistyped scheme",
            ),
            ("https:|//x", "https://x", "a URL with a mistyped scheme"),
            ("htps;//x:1", "https://x:1", "a URL with a mistyped scheme"),
            ("hxxp:;//x", "https://x", "a URL with a mistyped scheme"),
            (
                "\"https://x:1\"",
                "https://x:1",
                "a URL with something before it",
            ),
            (
                "'http://127.0.0.1:1'",
                "http://127.0.0.1:1",
                "a URL with something before it",
            ),
            (
                "<https://x/>",
                "https://x/",
                "a URL with something before it",
            ),
            (
                "store: https://x",
                "https://x",
                "a URL with something before it",
            ),
            ("x=https://x", "https://x", "a URL with something before it"),
            (
                "backups/https://x",
                "https://x",
                "a URL with something before it",
            ),
        ] {
            assert_eq!(
                refusal(value),
                format!(
                    "store `{value}` is {what}: did you mean {url}? (./{value} for a folder of \
                     that name)"
                )
            );
        }
        // Clearly folders: an explicit path, a doubled slash after a name, a colon and one
        // slash.
        for folder in [
            "./ http://127.0.0.1:1",
            "./https;//x:1",
            "/srv/https://x",
            "../store: https://x",
            "mystore /",
            "backups//x",
            "a.b//c",
            "2024//x",
            "x:y//z",
            "https,x",
            "http x",
            "a b",
            "data/v1.2//x",
        ] {
            assert_eq!(
                StoreLocation::parse(Path::new(folder)).unwrap(),
                StoreLocation::Local(folder.into()),
                "{folder}"
            );
        }
    }

    #[test]
    fn unknown_context_is_a_usage_error() {
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join("config.toml");
        std::fs::write(
            &p,
            "current-context = \"gone\"\n[contexts.a]\n[contexts.b]\n",
        )
        .unwrap();
        let (mut g, _) = global(&[]);
        g.config = Some(p.clone());
        let e = Context::resolve(&g).unwrap_err();
        let u = e.downcast_ref::<UserError>().unwrap();
        assert_eq!(u.exit(), crate::error::Exit::Usage);
        assert!(u.to_string().starts_with("unknown context `gone`"), "{u}");
        assert!(u.to_string().contains("known: a, b"), "{u}");
        // The config commands ignore the selection, so they can repair it.
        let c = Context::resolve_with(&g, CommandLine::default(), Selection::Ignored).unwrap();
        assert_eq!(c.context_name, None);
        g.context = Some("a".into());
        assert_eq!(
            Context::resolve(&g).unwrap().context_name.as_deref(),
            Some("a")
        );
    }

    const JWT: &str = "eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJjaSJ9.c2lnbmF0dXJl";

    #[test]
    fn secrets_in_the_config_file_are_redacted_and_refused_where_used() {
        let pem = "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----\n";
        let text = format!(
            "namespace = \"eng\"\n[contexts.a]\ntoken-file = \"{JWT}\"\nstore = \"/s\"\n\
             [contexts.b]\nstore = \"/s\"\n[contexts.\"{JWT}\"]\n"
        );
        let cfg: ConfigFile = toml::from_str(&text).unwrap();
        let r = cfg.redacted();
        assert_eq!(r.namespace.as_deref(), Some("eng"));
        assert_eq!(
            r.contexts["a"].token_file.as_deref(),
            Some(Path::new("REDACTED (a token)"))
        );
        assert_eq!(r.contexts["a"].store.as_deref(), Some("/s"));
        assert!(
            r.contexts.contains_key("REDACTED (a token)"),
            "{:?}",
            r.contexts
        );
        let mut cfg = ConfigFile {
            jwt_private_key: Some(pem.into()),
            ..ConfigFile::default()
        };
        assert_eq!(
            cfg.settings()
                .iter()
                .filter_map(|(k, v, _)| v.and_then(crate::secret_args::find).map(|s| (*k, s)))
                .collect::<Vec<_>>(),
            [("jwt-private-key", crate::secret_args::Secret::Key)]
        );
        cfg = cfg.redacted();
        assert_eq!(
            cfg.jwt_private_key.as_deref(),
            Some(Path::new("REDACTED (a key)"))
        );

        // Resolving refuses a setting in use: the top-level ones and the context's.
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join("config.toml");
        std::fs::write(&p, &text).unwrap();
        let (mut g, _) = global(&[]);
        g.config = Some(p.clone());
        let refusal = |g: &GlobalArgs, selection| {
            Context::resolve_with(g, CommandLine::default(), selection)
                .err()
                .map(|e| e.to_string())
        };
        assert_eq!(refusal(&g, Selection::Selected), None);
        g.context = Some("b".into());
        assert_eq!(refusal(&g, Selection::Selected), None);
        g.context = Some("a".into());
        let e = refusal(&g, Selection::Selected).unwrap();
        assert!(
            e.starts_with(&format!(
                "`token-file` of context `a` in {} holds a token, and takes the name of a file \
                 (the token was not used): ",
                p.display()
            )),
            "{e}"
        );
        assert!(!e.contains(JWT), "{e}");
        assert_eq!(refusal(&g, Selection::Ignored), None);
        std::fs::write(&p, format!("max-token-lifetime = \"{JWT}\"\n")).unwrap();
        g.context = None;
        let e = refusal(&g, Selection::Selected).unwrap();
        assert!(e.starts_with("`max-token-lifetime` in "), "{e}");
        assert!(!e.contains(JWT), "{e}");
        assert_eq!(refusal(&g, Selection::Ignored), None);
    }

    #[test]
    fn debug_never_shows_credentials() {
        let mut c = ctx(None);
        c.credentials = Credentials::Account("bot".into());
        let s = format!("{c:?}");
        assert!(s.contains("unopened"), "{s}");
    }
}
