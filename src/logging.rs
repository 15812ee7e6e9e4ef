//! `-v`/`--verbose` and `SVCACCT_LOG` (issue 16): what the remote store's client does, on
//! stderr, through `tracing` (docs/ARCHITECTURE.md, "Cross-cutting behaviour").
//!
//! The events are those of target [`HTTP`] (`store/remote.rs`): at `info`, a line when a
//! request starts (method, URL) and one when it ends (status, latency), and one per retry; at
//! `debug`, the answer's headers.
//! `-v` shows the first, `-vv` both; without `-v`, `SVCACCT_LOG` takes a filter in
//! `RUST_LOG`'s syntax instead (`svcacct=debug`, `svcacct::http=info`): a flag beats the
//! environment, as everywhere (`context/precedence.rs`). No event holds a token, a key or a
//! secret: the request's headers are never logged, and the URL has no credentials (`StoreUrl`
//! refuses them) and no secret in its query. Dependencies that log through the `log` crate
//! (ureq writes request headers, the bearer token among them, at its trace level) are not
//! bridged into `tracing`, so no filter reaches them: keep it so (no `tracing-log`).

use std::ffi::OsString;

use tracing_subscriber::EnvFilter;

use crate::error::UserError;

/// The target of the remote client's events.
pub const HTTP: &str = "svcacct::http";

/// The variable that takes a filter.
pub const ENV: &str = "SVCACCT_LOG";

/// What `-v` given `verbose` times ask for, or without it `SVCACCT_LOG` (the flag wins, so
/// `SVCACCT_LOG=off` left in a shell does not silence `-v`, and the variable is not even read):
/// `None` when nothing is logged, so a command without them installs no subscriber at all.
pub fn filter(verbose: u8, env: Option<OsString>) -> Result<Option<EnvFilter>, UserError> {
    if verbose == 0
        && let Some(value) = env
    {
        let text = value.to_str().ok_or_else(|| {
            UserError::Usage(format!(
                "{ENV} is not UTF-8: it takes a filter like `svcacct=debug`"
            ))
        })?;
        return EnvFilter::builder().parse(text).map(Some).map_err(|e| {
            UserError::Usage(format!(
                "{ENV}: {} is not a filter ({e}): it takes what RUST_LOG takes, e.g. \
                     {ENV}=svcacct=debug",
                crate::output::sanitize(text)
            ))
        });
    }
    Ok(match verbose {
        0 => None,
        1 => Some(EnvFilter::new(format!("{HTTP}=info"))),
        _ => Some(EnvFilter::new(format!("{HTTP}=debug"))),
    })
}

/// Sends the events `filter` lets through to stderr, one line each, without colours or times.
pub fn init(filter: EnvFilter) {
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(false)
        .without_time()
        .init();
}

/// A response header as `-vv` shows it: the value of one that may carry a credential is
/// replaced (the server sends none of them; a proxy might).
pub fn header_value(name: &str, value: &[u8]) -> String {
    const HIDDEN: [&str; 4] = [
        "authorization",
        "proxy-authorization",
        "cookie",
        "set-cookie",
    ];
    if HIDDEN.iter().any(|h| name.eq_ignore_ascii_case(h)) {
        return "<hidden>".to_owned();
    }
    crate::output::sanitize(&String::from_utf8_lossy(value))
}

#[cfg(test)]
mod tests {
    use super::{filter, header_value};

    #[test]
    fn verbosity_and_the_variable() {
        assert!(filter(0, None).unwrap().is_none());
        assert_eq!(
            filter(1, None).unwrap().unwrap().to_string(),
            "svcacct::http=info"
        );
        assert_eq!(
            filter(3, None).unwrap().unwrap().to_string(),
            "svcacct::http=debug"
        );
        assert_eq!(
            filter(0, Some("svcacct=debug".into()))
                .unwrap()
                .unwrap()
                .to_string(),
            "svcacct=debug"
        );
        // The flag beats the variable, which is then not read.
        assert_eq!(
            filter(1, Some("off".into())).unwrap().unwrap().to_string(),
            "svcacct::http=info"
        );
        assert_eq!(
            filter(2, Some("svcacct=loud".into()))
                .unwrap()
                .unwrap()
                .to_string(),
            "svcacct::http=debug"
        );
        let err = filter(0, Some("svcacct=loud".into())).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("SVCACCT_LOG: svcacct=loud is not a filter ("),
            "{err}"
        );
    }

    #[test]
    fn credentials_in_headers_are_hidden() {
        assert_eq!(header_value("Set-Cookie", b"s=1"), "<hidden>");
        assert_eq!(header_value("etag", b"\"3\""), "\"3\"");
    }
}
