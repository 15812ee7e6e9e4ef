//! How the PostgreSQL engine reaches its database: the `postgres://` URL (never with a
//! password in it), the password (`PGPASSWORD`, else the `.pgpass` file), and TLS with rustls
//! over aws-lc-rs (`sslmode=disable|require|verify-full`, `sslrootcert=FILE`).

use std::path::{Path, PathBuf};
use std::sync::Arc;

use postgres::config::{Host, SslMode};
use zeroize::Zeroizing;

use crate::error::UserError;
use crate::output::sanitize;

/// How TLS to the database is used, as libpq's `sslmode` says it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tls {
    /// No TLS.
    Disable,
    /// TLS, without checking whose certificate it is (libpq's `require` without a root file):
    /// safe from eavesdropping, not from an active attacker.
    Require,
    /// TLS with the certificate checked against `sslrootcert` and the host name.
    VerifyFull,
}

/// A `postgres://` (or `postgresql://`) store URL, as given: it holds no password, so it may
/// be shown anywhere.
#[derive(Clone, PartialEq, Eq)]
pub struct PgUrl {
    url: String,
}

impl std::fmt::Debug for PgUrl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "PgUrl({})", self.url)
    }
}

impl std::fmt::Display for PgUrl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&sanitize(&self.url))
    }
}

/// `s` names a PostgreSQL database (`postgres://` or `postgresql://`, any case).
pub fn is_postgres_url(s: &str) -> bool {
    let lower = s.get(..13).unwrap_or(s).to_ascii_lowercase();
    lower.starts_with("postgres://") || lower.starts_with("postgresql://")
}

/// `s` with the password of its user part, if any, replaced by `***`: how a refused URL is
/// shown.
fn redacted(s: &str) -> String {
    let Some((scheme, rest)) = s.split_once("://") else {
        return s.to_owned();
    };
    let end = rest.find(['/', '?']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(end);
    let authority = match authority.rsplit_once('@') {
        Some((user, host)) => match user.split_once(':') {
            Some((name, _)) => format!("{name}:***@{host}"),
            None => authority.to_owned(),
        },
        None => authority.to_owned(),
    };
    let Some((path, query)) = tail.split_once('?') else {
        return format!("{scheme}://{authority}{tail}");
    };
    let query: Vec<String> = query
        .split('&')
        .map(|part| match part.split_once('=') {
            Some((k, _)) if k.eq_ignore_ascii_case("password") => format!("{k}=***"),
            _ => part.to_owned(),
        })
        .collect();
    format!("{scheme}://{authority}{path}?{}", query.join("&"))
}

impl PgUrl {
    /// Checks `s`: a password in it (`USER:PASSWORD@`, `?password=`) is refused, and shown as
    /// `***` in the refusal; so are URLs the driver cannot read, and unknown `sslmode`s.
    pub fn parse(s: &str) -> Result<PgUrl, UserError> {
        let shown = sanitize(&redacted(s));
        let bad = |why: &str| {
            UserError::Usage(format!(
                "invalid store URL `{shown}`: {why} (expected \
                 postgres://USER@HOST[:PORT]/DATABASE[?sslmode=verify-full&sslrootcert=FILE])"
            ))
        };
        if redacted(s) != s {
            return Err(UserError::Usage(format!(
                "store URL `{shown}` holds a password: it would be seen in the process list, \
                 shell history and config files; remove it and set PGPASSWORD, or put it in \
                 ~/.pgpass (or the file PGPASSFILE names, mode 0600)"
            )));
        }
        let url = PgUrl { url: s.to_owned() };
        url.config().map_err(|e| bad(&e))?;
        Ok(url)
    }

    /// The driver's settings (no password yet), the TLS mode and the root certificate file.
    fn config(&self) -> Result<(postgres::Config, Tls, Option<PathBuf>), String> {
        let (base, query) = self.url.split_once('?').unwrap_or((&self.url, ""));
        let (mut tls, mut root) = (None, None);
        let mut kept = vec![];
        for part in query.split('&').filter(|p| !p.is_empty()) {
            let (k, v) = part.split_once('=').unwrap_or((part, ""));
            match k {
                "sslmode" => {
                    tls = Some(match v {
                        "disable" => Tls::Disable,
                        "require" => Tls::Require,
                        "verify-full" => Tls::VerifyFull,
                        _ => {
                            return Err(format!(
                                "sslmode `{}` is not one of disable, require, verify-full",
                                sanitize(v)
                            ));
                        }
                    })
                }
                "sslrootcert" => root = Some(PathBuf::from(percent_decoded(v)?)),
                "password" => return Err("it holds a password".into()),
                _ => kept.push(part),
            }
        }
        let driver = if kept.is_empty() {
            base.to_owned()
        } else {
            format!("{base}?{}", kept.join("&"))
        };
        let config: postgres::Config = driver.parse().map_err(|e| format!("{e}"))?;
        if config.get_password().is_some() {
            return Err("it holds a password".into());
        }
        // Without `sslmode`: in clear only to this machine (a Unix socket, a loopback
        // address); a database across the network is reached with a checked certificate.
        let tls = tls.unwrap_or_else(|| {
            if config.get_hosts().iter().all(is_local) {
                Tls::Disable
            } else {
                Tls::VerifyFull
            }
        });
        Ok((config, tls, root))
    }

    /// The settings to connect with: the password from `PGPASSWORD`, else from the password
    /// file, and the TLS connector `sslmode` asks for.
    pub(super) fn connect_config(
        &self,
    ) -> Result<(postgres::Config, tokio_postgres_rustls::MakeRustlsConnect), UserError> {
        let (mut config, tls, root) = self
            .config()
            .map_err(|e| UserError::Usage(format!("invalid store URL `{self}`: {e}")))?;
        if config.get_user().is_none()
            && let Ok(user) = std::env::var("PGUSER")
        {
            config.user(&user);
        }
        if let Some(password) = password_for(&config) {
            config.password(password.as_slice());
        }
        config.ssl_mode(match tls {
            Tls::Disable => SslMode::Disable,
            Tls::Require | Tls::VerifyFull => SslMode::Require,
        });
        if config.get_connect_timeout().is_none() {
            config.connect_timeout(std::time::Duration::from_secs(10));
        }
        config.application_name("svcacct");
        let connector = tls_connector(tls, root.as_deref())?;
        Ok((config, connector))
    }
}

fn is_local(host: &Host) -> bool {
    match host {
        Host::Tcp(h) => {
            h.eq_ignore_ascii_case("localhost")
                || h.parse::<std::net::IpAddr>()
                    .is_ok_and(|ip| ip.is_loopback())
                || h == "[::1]"
        }
        Host::Unix(_) => true,
    }
}

fn percent_decoded(v: &str) -> Result<String, String> {
    percent_encoding::percent_decode_str(v)
        .decode_utf8()
        .map(|s| s.into_owned())
        .map_err(|_| "sslrootcert is not UTF-8".to_owned())
}

/// The password for `config`: `PGPASSWORD`, else the first matching line of the password file
/// (`PGPASSFILE`, else `~/.pgpass`), read only when no one else can read it, as libpq does.
fn password_for(config: &postgres::Config) -> Option<Zeroizing<Vec<u8>>> {
    if let Some(p) = std::env::var_os("PGPASSWORD") {
        return Some(Zeroizing::new(p.into_encoded_bytes()));
    }
    let file = std::env::var_os("PGPASSFILE")
        .map(PathBuf::from)
        .or_else(|| dirs::home_dir().map(|h| h.join(".pgpass")))?;
    let text = read_private(&file)?;
    let host = match config.get_hosts().first() {
        Some(Host::Tcp(h)) => h.clone(),
        // libpq matches a Unix socket as `localhost`.
        Some(Host::Unix(_)) | None => "localhost".to_owned(),
    };
    let port = config
        .get_ports()
        .first()
        .copied()
        .unwrap_or(5432)
        .to_string();
    let user = config
        .get_user()
        .map(str::to_owned)
        .or_else(whoami_user)
        .unwrap_or_default();
    let db = config.get_dbname().unwrap_or(&user).to_owned();
    pgpass_lookup(&text, [&host, &port, &db, &user])
}

fn whoami_user() -> Option<String> {
    std::env::var("USER").ok()
}

/// The file at `path` when it is a regular file that only its owner can read.
fn read_private(path: &Path) -> Option<Zeroizing<String>> {
    use std::os::unix::fs::MetadataExt;
    let meta = std::fs::metadata(path).ok()?;
    if !meta.is_file() {
        return None;
    }
    if meta.mode() & 0o077 != 0 {
        crate::errln!(
            "svcacct: warning: the password file {} can be read by others, so it is ignored \
             (run `chmod 600` on it)",
            crate::output::shown_path(path)
        );
        return None;
    }
    std::fs::read_to_string(path).ok().map(Zeroizing::new)
}

/// The password of the first line of a `.pgpass` text whose fields match `want` (host, port,
/// database, user; `*` matches anything; `\:` and `\\` are escapes). Written here because no
/// maintained crate reads this format without also bringing libpq; it is libpq's documented
/// format, 20 lines.
fn pgpass_lookup(text: &str, want: [&str; 4]) -> Option<Zeroizing<Vec<u8>>> {
    for line in text.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let mut fields: Vec<String> = vec![String::new()];
        let mut chars = line.chars();
        while let Some(c) = chars.next() {
            match c {
                '\\' => fields.last_mut()?.extend(chars.next()),
                ':' if fields.len() < 5 => fields.push(String::new()),
                c => fields.last_mut()?.push(c),
            }
        }
        if fields.len() != 5 {
            continue;
        }
        if fields[..4]
            .iter()
            .zip(want)
            .all(|(f, w)| f == "*" || f == w)
        {
            return Some(Zeroizing::new(fields.pop()?.into_bytes()));
        }
    }
    None
}

/// The rustls connector for `tls`, with aws-lc-rs as the provider (as the rest of svcacct).
fn tls_connector(
    tls: Tls,
    root: Option<&Path>,
) -> Result<tokio_postgres_rustls::MakeRustlsConnect, UserError> {
    let provider = Arc::new(rustls::crypto::aws_lc_rs::default_provider());
    let builder = rustls::ClientConfig::builder_with_provider(provider.clone())
        .with_safe_default_protocol_versions()
        .map_err(|e| UserError::Failure(format!("TLS to the database: {e}")))?;
    let config = match tls {
        // Never used (the driver does not ask for TLS), but the pool has one connector type.
        Tls::Disable | Tls::Require => builder
            .dangerous()
            .with_custom_certificate_verifier(Arc::new(EncryptOnly(provider)))
            .with_no_client_auth(),
        Tls::VerifyFull => {
            let root = match root {
                Some(r) => r.to_path_buf(),
                None => dirs::home_dir()
                    .map(|h| h.join(".postgresql/root.crt"))
                    .filter(|p| p.exists())
                    .ok_or_else(|| {
                        UserError::Usage(
                            "sslmode=verify-full needs the certificate of the authority that \
                             signed the database's: add sslrootcert=FILE to the store URL \
                             (or use sslmode=disable for a database on this machine)"
                                .into(),
                        )
                    })?,
            };
            let shown = crate::output::shown_path(&root);
            let mut roots = rustls::RootCertStore::empty();
            use rustls_pki_types::pem::PemObject;
            let certs = rustls_pki_types::CertificateDer::pem_file_iter(&root)
                .map_err(|e| UserError::Failure(format!("cannot read sslrootcert {shown}: {e}")))?
                .collect::<Result<Vec<_>, _>>()
                .map_err(|e| UserError::Failure(format!("cannot read sslrootcert {shown}: {e}")))?;
            let (added, _) = roots.add_parsable_certificates(certs);
            if added == 0 {
                return Err(UserError::Usage(format!(
                    "sslrootcert {shown} holds no certificate (PEM `CERTIFICATE` blocks)"
                )));
            }
            builder.with_root_certificates(roots).with_no_client_auth()
        }
    };
    Ok(tokio_postgres_rustls::MakeRustlsConnect::new(config))
}

/// `sslmode=require`: the connection is encrypted and the server proves it holds the key of
/// the certificate it sends, but whose certificate it is goes unchecked (libpq's `require`).
#[derive(Debug)]
struct EncryptOnly(Arc<rustls::crypto::CryptoProvider>);

impl rustls::client::danger::ServerCertVerifier for EncryptOnly {
    fn verify_server_cert(
        &self,
        _end_entity: &rustls_pki_types::CertificateDer<'_>,
        _intermediates: &[rustls_pki_types::CertificateDer<'_>],
        _server_name: &rustls_pki_types::ServerName<'_>,
        _ocsp_response: &[u8],
        _now: rustls_pki_types::UnixTime,
    ) -> Result<rustls::client::danger::ServerCertVerified, rustls::Error> {
        Ok(rustls::client::danger::ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &rustls_pki_types::CertificateDer<'_>,
        dss: &rustls::DigitallySignedStruct,
    ) -> Result<rustls::client::danger::HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls12_signature(
            message,
            cert,
            dss,
            &self.0.signature_verification_algorithms,
        )
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &rustls_pki_types::CertificateDer<'_>,
        dss: &rustls::DigitallySignedStruct,
    ) -> Result<rustls::client::danger::HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls13_signature(
            message,
            cert,
            dss,
            &self.0.signature_verification_algorithms,
        )
    }

    fn supported_verify_schemes(&self) -> Vec<rustls::SignatureScheme> {
        self.0.signature_verification_algorithms.supported_schemes()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_url_with_a_password_is_refused_without_showing_it() {
        for url in [
            "postgres://svc:hunter2@db.example:5432/reg",
            "postgresql://svc:hunter2@db.example/reg?sslmode=require",
            "postgres://svc@db.example/reg?password=hunter2",
            "postgres://svc@db.example/reg?sslmode=disable&password=hunter2",
        ] {
            let e = PgUrl::parse(url).unwrap_err().to_string();
            assert!(!e.contains("hunter2"), "{e}");
            assert!(e.contains("holds a password"), "{e}");
            assert!(e.contains("***"), "{e}");
        }
        assert_eq!(
            PgUrl::parse("postgres://svc:hunter2@db.example:5432/reg")
                .unwrap_err()
                .to_string(),
            "store URL `postgres://svc:***@db.example:5432/reg` holds a password: it would be \
             seen in the process list, shell history and config files; remove it and set \
             PGPASSWORD, or put it in ~/.pgpass (or the file PGPASSFILE names, mode 0600)"
        );
    }

    #[test]
    fn sslmode_is_one_of_three_and_defaults_by_host() {
        let tls = |u: &str| PgUrl::parse(u).unwrap().config().unwrap().1;
        assert_eq!(tls("postgres://svc@localhost/reg"), Tls::Disable);
        assert_eq!(tls("postgres://svc@127.0.0.1:5433/reg"), Tls::Disable);
        assert_eq!(tls("postgres://svc@%2Ftmp%2Fpg/reg"), Tls::Disable);
        assert_eq!(tls("postgres://svc@db.example/reg"), Tls::VerifyFull);
        assert_eq!(
            tls("postgres://svc@db.example/reg?sslmode=require"),
            Tls::Require
        );
        assert_eq!(
            tls("postgres://svc@localhost/reg?sslmode=verify-full&sslrootcert=/x"),
            Tls::VerifyFull
        );
        let e = PgUrl::parse("postgres://svc@db/reg?sslmode=verify-ca").unwrap_err();
        assert_eq!(
            e.to_string(),
            "invalid store URL `postgres://svc@db/reg?sslmode=verify-ca`: sslmode `verify-ca` \
             is not one of disable, require, verify-full (expected \
             postgres://USER@HOST[:PORT]/DATABASE[?sslmode=verify-full&sslrootcert=FILE])"
        );
    }

    #[test]
    fn pgpass_lines_match_field_by_field() {
        let text = "# comment\n\
                    other:5432:*:svc:nope\n\
                    db.example:5432:reg:svc:pa\\:ss\\\\word\n\
                    *:*:*:*:fallback\n";
        let find =
            |w: [&str; 4]| pgpass_lookup(text, w).map(|p| String::from_utf8(p.to_vec()).unwrap());
        assert_eq!(
            find(["db.example", "5432", "reg", "svc"]).as_deref(),
            Some("pa:ss\\word")
        );
        assert_eq!(
            find(["db.example", "5433", "reg", "svc"]).as_deref(),
            Some("fallback")
        );
        assert_eq!(pgpass_lookup("h:1:d:u:p\n", ["h", "1", "d", "x"]), None);
    }
}
