//! `svcacct config`: named contexts in the config file, like kubectl's kubeconfig contexts.
//!
//! The file is edited with `toml_edit`, so every other setting and every comment stays as the
//! user wrote it; it is replaced atomically (a temporary file renamed over it, or over its
//! target when it is a symbolic link, which stays).

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};
use serde::Serialize;
use toml_edit::{DocumentMut, Item, Table, value};

use crate::cli::{ConfigCommand, ContextNameArg, OutputArg, OutputFormat, SetContextArgs};
use crate::context::{ConfigFile, Context, ContextEntry, StoreLocation, unknown_context};
use crate::error::{Exit, UserError};
use crate::identity::{Name, Namespace, Reference};
use crate::output;
use crate::store::remote::{Auth, Bearer, RemoteStore};
use zeroize::Zeroizing;

pub fn run(ctx: &Context, command: ConfigCommand, out: &mut dyn Write) -> Result<Exit> {
    let path = ctx.config_path.clone().ok_or_else(|| {
        UserError::Failure(
            "there is no config folder on this system: pass --config FILE (or set SVCACCT_CONFIG)"
                .into(),
        )
    })?;
    match command {
        ConfigCommand::SetContext(a) => set_context(ctx, &path, &a, out),
        ConfigCommand::UseContext(a) => use_context(&path, &a, out),
        ConfigCommand::GetContexts(a) => get_contexts(&path, &a, out),
        ConfigCommand::CurrentContext => current_context(&path, out),
        ConfigCommand::DeleteContext(a) => delete_context(&path, &a, out),
        ConfigCommand::View(a) => view(&path, &a, out),
    }
}

/// `svcacct login`: checks an issued token with the server (`GET /v1/whoami`), then keeps it
/// in a 0600 file next to the config file and names it as the `token-file` of the current
/// context (a new one for the store, made current, when there is none). Nothing is written
/// when the server refuses the token.
pub fn login(ctx: &Context, out: &mut dyn Write) -> Result<Exit> {
    let path = ctx.config_path.clone().ok_or_else(|| {
        UserError::Failure(
            "there is no config folder on this system: pass --config FILE (or set SVCACCT_CONFIG)"
                .into(),
        )
    })?;
    let url = match &ctx.store_location {
        StoreLocation::Remote(url) => url.clone(),
        StoreLocation::Postgres(url) => {
            return Err(UserError::Usage(format!(
                "login is for remote stores: {url} is a database, which svcacct reaches with \
                 PGPASSWORD or ~/.pgpass (pass --store https://HOST:PORT, or use a context whose \
                 store is one)"
            ))
            .into());
        }
        StoreLocation::Local(p) => {
            return Err(UserError::Usage(format!(
                "login is for remote stores: {} is a local store folder, which needs no login \
                 (pass --store https://HOST:PORT, or use a context whose store is one)",
                output::shown_path(p)
            ))
            .into());
        }
    };
    // The token file is named after the context: a name from a hand-edited config file that
    // is no DNS label (`..`, `/`) would place it elsewhere.
    if let Some(name) = &ctx.context_name {
        check_name(name)?;
    }
    let bearer = login_token(ctx)?;
    let token = Zeroizing::new(bearer.token().to_owned());
    let remote = RemoteStore::new(url.clone(), ctx.ca_cert.as_deref(), Auth::Fixed(bearer))?;
    let who = remote.whoami()?;
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
        .join("tokens");
    let mut doc = load_doc(&path)?;
    let (name, created) = match &ctx.context_name {
        Some(n) => (n.clone(), false),
        None => (context_name_for(&url), true),
    };
    let file = dir.join(format!("{name}.token"));
    let file_value = path_value(&file)?;
    let entry = context_mut(contexts_mut(&mut doc)?, &name)?;
    // A new context, or a store given on this command line: the context names the store.
    if created || ctx.command_line.store.is_some() {
        entry.insert("store", value(url.to_string()));
        if let Some(ca) = &ctx.ca_cert {
            entry.insert("ca-cert", value(path_value(ca)?));
        }
    }
    entry.insert("token-file", value(file_value));
    // The token decides whom the context speaks for: the context says so too, so that
    // `get-contexts` shows it, and a key of another account it named is not kept for it.
    let speaks_for = Reference::parse_input(&who.account, &Namespace::default_ns()).ok();
    let before = entry
        .get("service-account")
        .and_then(|i| i.as_str())
        .map(str::to_owned);
    let mut replaced = None;
    if let Some(account) = &speaks_for {
        let same = before
            .as_deref()
            .and_then(|b| Reference::parse_input(b, &Namespace::default_ns()).ok())
            .is_some_and(|b| &b == account);
        if !same {
            let dropped_key = entry.remove("jwt-private-key").is_some();
            replaced = before.map(|b| (b, dropped_key));
            entry.insert("service-account", value(account.to_string()));
        }
    }
    if created {
        doc.insert("current-context", value(name.as_str()));
    }
    if !dir.exists() {
        crate::fsutil::create_private_dir(&dir)?;
    }
    crate::fsutil::write_new(
        &file,
        format!("{}\n", token.as_str()).as_bytes(),
        0o600,
        true,
    )?;
    save(&path, &doc)?;
    if created {
        writeln!(out, "Context \"{name}\" created.")?;
        writeln!(out, "Switched to context \"{name}\".")?;
    }
    if let (Some((old, dropped_key)), Some(new)) = (&replaced, &speaks_for) {
        let key = if *dropped_key {
            format!(
                ", and its jwt-private-key (a key of {}) is gone",
                output::sanitize(old)
            )
        } else {
            String::new()
        };
        writeln!(
            out,
            "Context \"{name}\" now speaks for {new}, not {}: its service-account is {new}{key}.",
            output::sanitize(old)
        )?;
    }
    let what = match &who.token_name {
        Some(t) => format!("issued token {t}"),
        None => {
            "a self-signed token (it expires soon; `svcacct tokens create` issues lasting ones)"
                .to_owned()
        }
    };
    writeln!(
        out,
        "Logged in to {url} as {} ({what}).",
        output::sanitize(&who.account)
    )?;
    Ok(Exit::Success)
}

/// The token to log in with: the command line's `--token-file` (`-` is stdin), else stdin when
/// it is piped.
fn login_token(ctx: &Context) -> Result<Bearer> {
    match ctx.command_line.token_file.as_deref() {
        Some(p) if p.as_os_str() != "-" => crate::context::read_token_file(p),
        Some(_) | None if !ctx.stdin_is_terminal => {
            let bytes = Zeroizing::new(crate::fsutil::read_limited(
                std::io::stdin().lock(),
                "stdin",
            )?);
            let text = std::str::from_utf8(&bytes)
                .map_err(|_| UserError::Usage("the token on stdin is not UTF-8".into()))?;
            Ok(Bearer::new(text, "stdin")?)
        }
        _ => Err(UserError::Usage(
            "login needs a token: pass --token-file FILE, or pipe it in (--token-file -)".into(),
        )
        .into()),
    }
}

/// A context name for a store URL: its host and port as a DNS label (`127-0-0-1-8420`).
fn context_name_for(url: &crate::store::remote::StoreUrl) -> String {
    let rest = url.as_str().split_once("://").map_or(url.as_str(), |x| x.1);
    let mut label: String = rest
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    while label.contains("--") {
        label = label.replace("--", "-");
    }
    let label: String = label.trim_matches('-').chars().take(63).collect();
    let label = label.trim_end_matches('-').to_owned();
    if Name::parse(&label).is_ok() {
        label
    } else {
        "remote".to_owned()
    }
}

/// The config file as an editable document; empty when it does not exist yet.
fn load_doc(path: &Path) -> Result<DocumentMut> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => {
            return Err(e)
                .with_context(|| format!("cannot read config file {}", output::shown_path(path)));
        }
    };
    text.parse::<DocumentMut>().map_err(|e| {
        UserError::Usage(format!(
            "config file {} is invalid: {}",
            output::shown_path(path),
            output::sanitize(e.message())
        ))
        .into()
    })
}

/// The config file's settings, checked as `Context::resolve` checks them.
fn load(path: &Path) -> Result<ConfigFile> {
    if !path.exists() {
        return Ok(ConfigFile::default());
    }
    Ok(crate::context::load_config(Some(path))?.0)
}

/// Writes the document atomically, creating the file and its folder when missing. A config
/// file that is a symbolic link (a dotfiles setup) stays one: its target is replaced (a
/// temporary file beside the target, renamed over it).
fn save(path: &Path, doc: &DocumentMut) -> Result<()> {
    let text = doc.to_string();
    // Refuse to write what the next run could not read.
    toml::from_str::<ConfigFile>(&text).map_err(|e| {
        UserError::Failure(format!(
            "the edited config file would be invalid ({}); {} was not changed",
            output::sanitize(e.message()),
            output::shown_path(path)
        ))
    })?;
    let target = crate::fsutil::link_target(path)?;
    if let Some(dir) = target.parent().filter(|d| !d.as_os_str().is_empty())
        && !dir.exists()
    {
        crate::fsutil::create_private_dir(dir)?;
    }
    crate::fsutil::write_new(&target, text.as_bytes(), 0o600, true)
}

fn check_name(name: &str) -> Result<Name, UserError> {
    Name::parse(name).map_err(|e| match e {
        UserError::InvalidName { name, why } => UserError::Usage(format!(
            "invalid context name `{name}`: {why} (context names are DNS-1123 labels: a-z, 0-9 and `-`, at most 63 characters)"
        )),
        e => e,
    })
}

fn absolute(p: &Path) -> Result<PathBuf> {
    std::path::absolute(p)
        .with_context(|| format!("cannot make {} absolute", output::shown_path(p)))
}

/// A path as the config file keeps it: absolute, UTF-8, and never a key or token given where
/// a file name belongs (`--jwt-private-key="$(cat key.pem)"` is refused before this; this is
/// the last guard of the file).
fn path_value(p: &Path) -> Result<String> {
    use std::os::unix::ffi::OsStrExt;
    if let Some(secret) = crate::secret::find(p.as_os_str().as_bytes()) {
        let what = match secret {
            crate::secret::Secret::Key => "a key",
            crate::secret::Secret::Token => "a token",
        };
        return Err(UserError::Usage(format!(
            "{what} was given where a file name belongs; the config file was not changed"
        ))
        .into());
    }
    let abs = absolute(p)?;
    abs.to_str().map(str::to_owned).ok_or_else(|| {
        UserError::Usage(format!(
            "{} is not UTF-8; the config file cannot hold it",
            output::shown_path(&abs)
        ))
        .into()
    })
}

/// The `contexts` table, created (implicit, so only `[contexts.NAME]` headers show) if missing.
fn contexts_mut(doc: &mut DocumentMut) -> Result<&mut Table> {
    let item = doc.entry("contexts").or_insert_with(|| {
        let mut t = Table::new();
        t.set_implicit(true);
        Item::Table(t)
    });
    item.as_table_mut().ok_or_else(|| {
        UserError::Usage("`contexts` in the config file is not a table".into()).into()
    })
}

/// Context `name` of the config file's `contexts`, made (empty) when it is not there yet.
fn context_mut<'t>(contexts: &'t mut Table, name: &str) -> Result<&'t mut Table> {
    contexts
        .entry(name)
        .or_insert_with(|| Item::Table(Table::new()))
        .as_table_mut()
        .ok_or_else(|| {
            UserError::Usage(format!(
                "context `{name}` in the config file is not a table"
            ))
            .into()
        })
}

/// The config file's value for a file a context names: its absolute path, once the file is
/// there (a context that names a missing file fails only later, at every command that uses it).
fn existing_file(flag: &str, p: &Path) -> Result<String> {
    let value = path_value(p)?;
    let problem = match std::fs::metadata(p) {
        Ok(m) if m.is_file() => return Ok(value),
        Ok(_) => "is not a file".to_owned(),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => "does not exist".to_owned(),
        Err(e) => format!("cannot be read ({})", e.kind()),
    };
    Err(UserError::Failure(format!(
        "{flag} {} {problem}; the config file was not changed (name the file as it is on this \
         machine: the context keeps its absolute path)",
        output::shown_path(p)
    ))
    .into())
}

/// The settings `set-context` takes from this command line (never from the environment), as
/// config-file values.
fn given_settings(ctx: &Context) -> Result<Vec<(&'static str, String)>> {
    let cl = &ctx.command_line;
    let mut v = vec![];
    if let Some(s) = &cl.store {
        let value = match StoreLocation::parse(s)? {
            StoreLocation::Remote(url) => url.to_string(),
            StoreLocation::Postgres(url) => url.to_string(),
            StoreLocation::Local(p) => path_value(&p)?,
        };
        v.push(("store", value));
    }
    if let Some(a) = &cl.service_account {
        Reference::parse_input(a, &Namespace::default_ns())?;
        v.push(("service-account", a.clone()));
    }
    if let Some(p) = &cl.jwt_private_key {
        v.push(("jwt-private-key", existing_file("--jwt-private-key", p)?));
    }
    if let Some(p) = &cl.token_file {
        v.push(("token-file", existing_file("--token-file", p)?));
    }
    if let Some(p) = &cl.ca_cert {
        v.push(("ca-cert", existing_file("--ca-cert", p)?));
    }
    if let Some(ns) = &cl.namespace {
        v.push(("namespace", Namespace::parse(ns)?.to_string()));
    }
    Ok(v)
}

fn set_context(
    ctx: &Context,
    path: &Path,
    args: &SetContextArgs,
    out: &mut dyn Write,
) -> Result<Exit> {
    let name = check_name(&args.name)?;
    let settings = given_settings(ctx)?;
    let mut doc = load_doc(path)?;
    let contexts = contexts_mut(&mut doc)?;
    let existed = contexts.contains_key(name.as_str());
    let entry = context_mut(contexts, name.as_str())?;
    for (key, v) in settings {
        entry.insert(key, value(v));
    }
    if args.current {
        doc.insert("current-context", value(name.as_str()));
    }
    save(path, &doc)?;
    let verb = if existed { "modified" } else { "created" };
    writeln!(out, "Context \"{name}\" {verb}.")?;
    if args.current {
        writeln!(out, "Switched to context \"{name}\".")?;
    }
    Ok(Exit::Success)
}

fn use_context(path: &Path, args: &ContextNameArg, out: &mut dyn Write) -> Result<Exit> {
    let cfg = load(path)?;
    if !cfg.contexts.contains_key(&args.name) {
        return Err(unknown_context(&args.name, &cfg, Some(path)).into());
    }
    let mut doc = load_doc(path)?;
    doc.insert("current-context", value(args.name.as_str()));
    save(path, &doc)?;
    writeln!(
        out,
        "Switched to context \"{}\".",
        output::sanitize(&args.name)
    )?;
    Ok(Exit::Success)
}

/// `get-contexts -o json`: camelCase like every other `-o json`.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ContextView<'a> {
    /// `Context`, as each item of a kubectl list has its kind.
    kind: &'static str,
    name: &'a str,
    current: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    store: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    service_account: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    jwt_private_key: Option<&'a Path>,
    #[serde(skip_serializing_if = "Option::is_none")]
    token_file: Option<&'a Path>,
    #[serde(skip_serializing_if = "Option::is_none")]
    ca_cert: Option<&'a Path>,
    #[serde(skip_serializing_if = "Option::is_none")]
    namespace: Option<&'a str>,
}

impl<'a> ContextView<'a> {
    fn new(name: &'a str, current: bool, e: &'a ContextEntry) -> Self {
        ContextView {
            kind: "Context",
            name,
            current,
            store: e.store.as_deref(),
            service_account: e.service_account.as_deref(),
            jwt_private_key: e.jwt_private_key.as_deref(),
            token_file: e.token_file.as_deref(),
            ca_cert: e.ca_cert.as_deref(),
            namespace: e.namespace.as_deref(),
        }
    }
}

fn get_contexts(path: &Path, args: &OutputArg, out: &mut dyn Write) -> Result<Exit> {
    let cfg = load(path)?.redacted();
    let current = cfg.current_context.as_deref();
    let mut views: Vec<ContextView> = cfg
        .contexts
        .iter()
        .map(|(name, e)| ContextView::new(name, current == Some(name.as_str()), e))
        .collect();
    super::show::sort(args, &mut views, super::show::json)?;
    match &args.output {
        f if f.is_document() => super::show::list(out, args, "ContextList", &views, false)?,
        OutputFormat::Name => {
            for v in &views {
                writeln!(out, "{}", output::sanitize(v.name))?;
            }
        }
        _ => {
            if cfg.contexts.is_empty() {
                crate::errln!(
                    "No contexts in {} (see `svcacct config set-context`).",
                    output::shown_path(path)
                );
                return Ok(Exit::Success);
            }
            let rows: Vec<Vec<String>> = views
                .iter()
                .map(|v| {
                    vec![
                        if v.current { "*" } else { "" }.to_owned(),
                        v.name.to_owned(),
                        v.store.unwrap_or_default().to_owned(),
                        v.service_account.unwrap_or_default().to_owned(),
                        v.namespace.unwrap_or_default().to_owned(),
                    ]
                })
                .collect();
            out.write_all(
                super::show::table(
                    args,
                    &["CURRENT", "NAME", "STORE", "SERVICE ACCOUNT", "NAMESPACE"],
                    &rows,
                )
                .as_bytes(),
            )?;
        }
    }
    Ok(Exit::Success)
}

fn current_context(path: &Path, out: &mut dyn Write) -> Result<Exit> {
    match load(path)?.redacted().current_context {
        Some(name) => {
            writeln!(out, "{}", output::sanitize(&name))?;
            Ok(Exit::Success)
        }
        None => Err(UserError::Failure(format!(
            "no current context is set in {} (see `svcacct config use-context`)",
            output::shown_path(path)
        ))
        .into()),
    }
}

fn delete_context(path: &Path, args: &ContextNameArg, out: &mut dyn Write) -> Result<Exit> {
    let cfg = load(path)?;
    if !cfg.contexts.contains_key(&args.name) {
        return Err(unknown_context(&args.name, &cfg, Some(path)).into());
    }
    let mut doc = load_doc(path)?;
    contexts_mut(&mut doc)?.remove(&args.name);
    let was_current = cfg.current_context.as_deref() == Some(args.name.as_str());
    if was_current {
        doc.remove("current-context");
    }
    save(path, &doc)?;
    writeln!(
        out,
        "Deleted context \"{}\" from {}.",
        output::sanitize(&args.name),
        output::shown_path(path)
    )?;
    if was_current {
        crate::errln!("It was the current context; no context is current now.");
    }
    Ok(Exit::Success)
}

/// The config file, with a key or token written by hand where a setting belongs shown as
/// "REDACTED (a key)" (see `ConfigFile::redacted`).
fn view(path: &Path, args: &OutputArg, out: &mut dyn Write) -> Result<Exit> {
    let cfg = load(path)?.redacted();
    match &args.output {
        f if f.is_document() => super::show::document(out, args, &cfg)?,
        _ => {
            // TOML escapes control characters in strings, but not bidirectional-text or
            // invisible ones: those are escaped as everywhere else.
            for line in toml::to_string_pretty(&cfg)?.lines() {
                writeln!(out, "{}", output::sanitize(line))?;
            }
        }
    }
    Ok(Exit::Success)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn editing_keeps_comments_and_other_settings() {
        let d = tempfile::tempdir().unwrap();
        let path = d.path().join("sub/config.toml");
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        let original = "# my settings\nnamespace = \"eng\" # trailing comment\n\n\
                        # the production registry\n[contexts.prod]\nstore = \"https://prod.example\"\n";
        std::fs::write(&path, original).unwrap();
        let mut doc = load_doc(&path).unwrap();
        let contexts = contexts_mut(&mut doc).unwrap();
        let mut t = Table::new();
        t.insert("store", value("/srv/store"));
        contexts.insert("dev", Item::Table(t));
        doc.insert("current-context", value("dev"));
        save(&path, &doc).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        for kept in [
            "# my settings",
            "namespace = \"eng\" # trailing comment",
            "# the production registry\n[contexts.prod]",
            "[contexts.dev]\nstore = \"/srv/store\"",
            "current-context = \"dev\"",
        ] {
            assert!(text.contains(kept), "{kept:?} missing from:\n{text}");
        }
        assert!(!text.contains("[contexts]\n"), "{text}");
        let cfg = load(&path).unwrap();
        assert_eq!(cfg.current_context.as_deref(), Some("dev"));
        assert_eq!(cfg.contexts.len(), 2);
    }

    #[test]
    fn a_missing_file_and_folder_are_created() {
        let d = tempfile::tempdir().unwrap();
        let path = d.path().join("new/svcacct/config.toml");
        let mut doc = load_doc(&path).unwrap();
        contexts_mut(&mut doc).unwrap();
        doc.insert("current-context", value("x"));
        save(&path, &doc).unwrap();
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            "current-context = \"x\"\n"
        );
    }

    #[test]
    fn a_linked_config_file_stays_a_link() {
        let d = tempfile::tempdir().unwrap();
        let dotfiles = d.path().join("dotfiles");
        std::fs::create_dir(&dotfiles).unwrap();
        std::fs::write(dotfiles.join("svcacct.toml"), "namespace = \"eng\"\n").unwrap();
        let conf = d.path().join("conf");
        std::fs::create_dir(&conf).unwrap();
        // A relative link to a relative link; the last target does not exist yet.
        std::os::unix::fs::symlink("../dotfiles/svcacct.toml", conf.join("config.toml")).unwrap();
        let path = d.path().join("config.toml");
        std::os::unix::fs::symlink("conf/config.toml", &path).unwrap();
        let mut doc = load_doc(&path).unwrap();
        doc.insert("current-context", value("x"));
        save(&path, &doc).unwrap();
        assert!(path.symlink_metadata().unwrap().file_type().is_symlink());
        assert!(
            conf.join("config.toml")
                .symlink_metadata()
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(
            std::fs::read_to_string(dotfiles.join("svcacct.toml")).unwrap(),
            "namespace = \"eng\"\ncurrent-context = \"x\"\n"
        );
        let names: Vec<_> = std::fs::read_dir(&dotfiles)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["svcacct.toml"]);
        // A dangling link: its target is made.
        std::fs::remove_file(dotfiles.join("svcacct.toml")).unwrap();
        save(&path, &doc).unwrap();
        assert_eq!(
            std::fs::read_to_string(dotfiles.join("svcacct.toml")).unwrap(),
            "namespace = \"eng\"\ncurrent-context = \"x\"\n"
        );
        assert!(path.symlink_metadata().unwrap().file_type().is_symlink());
    }

    #[test]
    fn a_key_or_token_is_never_a_path_value() {
        let pem = "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----\n";
        assert_eq!(
            path_value(Path::new(pem)).unwrap_err().to_string(),
            "a key was given where a file name belongs; the config file was not changed"
        );
        let jwt = "eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJjaSJ9.c2ln";
        assert_eq!(
            path_value(Path::new(jwt)).unwrap_err().to_string(),
            "a token was given where a file name belongs; the config file was not changed"
        );
        assert!(
            path_value(Path::new("keys/ci.key"))
                .unwrap()
                .ends_with("/keys/ci.key")
        );
    }

    #[test]
    fn an_edit_that_would_break_the_file_is_refused() {
        let d = tempfile::tempdir().unwrap();
        let path = d.path().join("config.toml");
        let mut doc = load_doc(&path).unwrap();
        doc.insert("passphrase", value("x"));
        assert!(save(&path, &doc).is_err());
        assert!(!path.exists());
    }
}
