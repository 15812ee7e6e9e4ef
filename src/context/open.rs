//! Opening the store `--store` names: a folder is the file store, a `postgres://` URL the
//! PostgreSQL engine (each with the server's read cache for `svcacct serve`), an `https://`
//! URL a client of that server.

use std::cell::OnceCell;
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};

use anyhow::Result;

use super::Context;
use crate::error::UserError;
use crate::output::shown_path;
use crate::store::dry_run;
use crate::store::postgres::{PgEngine, PgUrl, is_postgres_url, kek::Kek};
use crate::store::remote::{Auth, RemoteStore, StoreUrl, is_url};
use crate::store::{Store, cached::Cached, file::FileStore};

/// Where the registry is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoreLocation {
    /// A folder: the file store.
    Local(PathBuf),
    /// A `svcacct serve`.
    Remote(StoreUrl),
    /// A PostgreSQL database (`postgres://`, never with a password in it).
    Postgres(PgUrl),
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
        if is_postgres_url(s) {
            return Ok(StoreLocation::Postgres(PgUrl::parse(s)?));
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
        Ok(StoreLocation::Postgres(url)) => UserError::Usage(format!(
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
            StoreLocation::Postgres(u) => write!(f, "{u}"),
        }
    }
}

/// The opened store, built once per process (so a remote client reads its key once), and the
/// command's `--dry-run`, set before it is opened.
#[derive(Default)]
pub(super) struct StoreCell(OnceCell<Backend>, OnceCell<DryRun>);

/// A command's `--dry-run` (issue 16): how its writes are previewed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DryRun {
    /// In a transaction of the local store that is never committed (`store::dry_run`).
    Client,
    /// By the server (`?dryRun=All`); on a local store, as `Client`.
    Server,
}

/// An opened store: the file store, a PostgreSQL database, or a client of a `svcacct serve`.
pub enum Backend {
    Local(FileStore),
    Postgres(Box<PgEngine>),
    /// An engine behind the server's read cache (`Reads::ServerCache`).
    Served(Box<dyn Store + Send + Sync>),
    Remote(Box<RemoteStore>),
    /// A copy in memory of a local store, for `--dry-run` (`store::dry_run::copy`).
    DryRun(Box<dyn Store + Send + Sync>),
}

impl Backend {
    /// The opened store, whichever kind; its `engine()` is `None` only for a remote one.
    pub fn store(&self) -> &dyn Store {
        match self {
            Backend::Local(s) => s,
            Backend::Postgres(s) => s.as_ref(),
            Backend::Served(s) => s.as_ref(),
            Backend::Remote(s) => s.as_ref(),
            Backend::DryRun(s) => s.as_ref(),
        }
    }
}

impl std::fmt::Debug for StoreCell {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self.0.get() {
            None => "unopened",
            Some(Backend::Local(_)) => "file store",
            Some(Backend::Postgres(_)) => "PostgreSQL store",
            Some(Backend::Served(_)) => "store (cached)",
            Some(Backend::Remote(_)) => "remote store",
            Some(Backend::DryRun(_)) => "store (dry run)",
        })
    }
}

/// How a local store (a folder or a database) is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reads {
    /// From its files or tables, each time (a command).
    Direct,
    /// Through the server's read cache (`svcacct serve`, `store::cached::Cached`); a
    /// PostgreSQL store also follows other replicas' writes (`PgEngine::watch_generation`).
    ServerCache,
}

/// Connections of a command's pool: it runs one transaction at a time.
const COMMAND_CONNECTIONS: u32 = 2;
/// Connections of a server's pool: its blocking pool's threads share them.
const SERVER_CONNECTIONS: u32 = 16;
/// How often a server reads the generation when no notification comes (and so how late it
/// may see another replica's write when its notification connection is lost).
const GENERATION_POLL: std::time::Duration = std::time::Duration::from_secs(1);

/// Turns a store location into an engine or a remote client: the one place a store is opened,
/// for every command and for `svcacct serve`. `auth` is asked only for a URL, and gives what
/// authenticates the client's requests; `kek_file` (`--issuer-kek-file`, else
/// `SVCACCT_ISSUER_KEK`) only for a PostgreSQL store.
pub fn open(
    location: &StoreLocation,
    reads: Reads,
    ca_cert: Option<&Path>,
    kek_file: Option<&Path>,
    auth: impl FnOnce(&StoreUrl) -> Result<Auth>,
) -> Result<Backend> {
    Ok(match location {
        StoreLocation::Local(p) => match reads {
            Reads::Direct => Backend::Local(FileStore::open(p.clone())),
            Reads::ServerCache => {
                Backend::Served(Box::new(Cached::new(FileStore::open(p.clone()))))
            }
        },
        StoreLocation::Postgres(url) => {
            let kek = Kek::given(kek_file)?;
            match reads {
                Reads::Direct => {
                    Backend::Postgres(Box::new(PgEngine::open(url, kek, COMMAND_CONNECTIONS)?))
                }
                Reads::ServerCache => {
                    let engine = PgEngine::open(url, kek, SERVER_CONNECTIONS)?;
                    engine.watch_generation(GENERATION_POLL)?;
                    Backend::Served(Box::new(Cached::new(engine)))
                }
            }
        }
        StoreLocation::Remote(url) => Backend::Remote(Box::new(RemoteStore::new(
            url.clone(),
            ca_cert,
            auth(url)?,
        )?)),
    })
}

/// The refusal of a URL where `what` needs a store folder.
pub fn needs_folder(what: &str, url: &StoreUrl) -> UserError {
    UserError::Usage(format!(
        "{what} needs a local store folder, not the URL {url}"
    ))
}

impl Context {
    /// The registry, opened on first use and kept for the process: a remote client mints its
    /// token (or reads it) once.
    pub fn store(&self) -> Result<&dyn Store> {
        Ok(self.backend()?.store())
    }

    /// The remote store, when the store is one.
    pub fn remote(&self) -> Result<Option<&RemoteStore>> {
        Ok(match self.backend()? {
            Backend::Local(_) | Backend::Postgres(_) | Backend::Served(_) | Backend::DryRun(_) => {
                None
            }
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
            StoreLocation::Remote(u) => Err(needs_folder(what, u)),
            StoreLocation::Postgres(u) => Err(UserError::Usage(format!(
                "{what} needs a local store folder, not the database {u}"
            ))),
        }
    }

    fn backend(&self) -> Result<&Backend> {
        if let Some(b) = self.store.0.get() {
            return Ok(b);
        }
        let backend = open(
            &self.store_location,
            Reads::Direct,
            self.ca_cert.as_deref(),
            self.issuer_kek_file.as_deref(),
            |url| self.auth(url),
        )?;
        let backend = match (self.dry_run(), backend) {
            (None, b) => b,
            // A store folder is made by its first write: before it, the registry is empty.
            (Some(_), Backend::Local(_)) if !self.store_location_exists() => {
                Backend::DryRun(Box::new(crate::store::memory::MemoryStore::new()))
            }
            (Some(_), Backend::Local(s)) => Backend::DryRun(Box::new(dry_run::copy(&s)?)),
            (Some(_), Backend::Postgres(s)) => {
                Backend::DryRun(Box::new(dry_run::copy(s.as_ref())?))
            }
            (Some(DryRun::Server), Backend::Remote(s)) => {
                s.set_dry_run();
                Backend::Remote(s)
            }
            (Some(DryRun::Client), Backend::Remote(s)) => {
                return Err(UserError::Usage(format!(
                    "--dry-run=client previews the change on a copy of a local store, and {} \
                     is a server: use --dry-run=server, which the server checks without writing",
                    s.url()
                ))
                .into());
            }
            (Some(_), b @ (Backend::Served(_) | Backend::DryRun(_))) => b,
        };
        Ok(self.store.0.get_or_init(|| backend))
    }

    fn store_location_exists(&self) -> bool {
        match &self.store_location {
            StoreLocation::Local(p) => std::fs::symlink_metadata(p).is_ok(),
            _ => true,
        }
    }

    /// Sets the command's `--dry-run`, before the store is opened (`commands::dispatch`).
    pub fn set_dry_run(&self, mode: DryRun) {
        let _ = self.store.1.set(mode);
    }

    /// The command's `--dry-run`, if any.
    pub fn dry_run(&self) -> Option<DryRun> {
        self.store.1.get().copied()
    }

    /// What a dry run's messages end with (kubectl's words); empty otherwise.
    pub fn dry_run_suffix(&self) -> &'static str {
        match self.dry_run() {
            Some(DryRun::Client) => " (dry run)",
            Some(DryRun::Server) => " (server dry run)",
            None => "",
        }
    }
}
