//! `SVCACCT_CONNECT_TO`: where a remote store's requests connect, as curl's `--connect-to`.
//!
//! `HOST:PORT:CONNECT_HOST:CONNECT_PORT` (several separated by `,`) makes a request to
//! `https://HOST:PORT` connect to `CONNECT_HOST:CONNECT_PORT` instead. Nothing else changes: the
//! URL, the `Host` header and the TLS server name stay `HOST`, so the server's certificate must
//! still be valid for `HOST`. For a server that is reached by another address than its name
//! resolves to (a tunnel, a split-horizon network) and for tests (`tests/readme.rs` runs the
//! README's `https://registry.example:8420` this way).
//!
//! A resolver of ureq's, since the name must stay in the URL for TLS; ureq has no such
//! setting of its own.

use std::net::{SocketAddr, ToSocketAddrs};

use ureq::config::Config;
use ureq::http::Uri;
use ureq::unversioned::resolver::{DefaultResolver, ResolvedSocketAddrs, Resolver};
use ureq::unversioned::transport::NextTimeout;

use crate::error::UserError;

pub const VARIABLE: &str = "SVCACCT_CONNECT_TO";

/// The rules of `SVCACCT_CONNECT_TO`, then the system's resolver.
#[derive(Debug, Default)]
pub struct ConnectTo {
    rules: Vec<Rule>,
    system: DefaultResolver,
}

#[derive(Debug, PartialEq, Eq)]
struct Rule {
    host: String,
    port: u16,
    to: String,
}

impl ConnectTo {
    /// The rules of `SVCACCT_CONNECT_TO`, none when it is unset or empty.
    pub fn from_env() -> Result<ConnectTo, UserError> {
        match std::env::var(VARIABLE) {
            Ok(v) => ConnectTo::parse(&v),
            Err(std::env::VarError::NotPresent) => Ok(ConnectTo::default()),
            Err(std::env::VarError::NotUnicode(_)) => Err(bad("it is not UTF-8")),
        }
    }

    fn parse(value: &str) -> Result<ConnectTo, UserError> {
        let mut rules = vec![];
        for rule in value.split(',').map(str::trim).filter(|r| !r.is_empty()) {
            let parts: Vec<&str> = rule.split(':').collect();
            let [host, port, to_host, to_port] = parts[..] else {
                return Err(bad(&format!(
                    "`{rule}` is not HOST:PORT:CONNECT_HOST:CONNECT_PORT"
                )));
            };
            let port_of = |p: &str| {
                p.parse::<u16>()
                    .map_err(|_| bad(&format!("`{p}` in `{rule}` is not a port number")))
            };
            if host.is_empty() || to_host.is_empty() {
                return Err(bad(&format!("`{rule}` names no host")));
            }
            rules.push(Rule {
                host: host.to_ascii_lowercase(),
                port: port_of(port)?,
                to: format!("{to_host}:{}", port_of(to_port)?),
            });
        }
        Ok(ConnectTo {
            rules,
            system: DefaultResolver::default(),
        })
    }

    fn rule_for(&self, uri: &Uri) -> Option<&Rule> {
        let host = uri.host()?;
        let port = uri
            .port_u16()
            .unwrap_or(if uri.scheme_str() == Some("http") {
                80
            } else {
                443
            });
        self.rules
            .iter()
            .find(|r| r.port == port && r.host.eq_ignore_ascii_case(host))
    }
}

fn bad(why: &str) -> UserError {
    UserError::Usage(format!(
        "{VARIABLE}: {why} (it takes HOST:PORT:CONNECT_HOST:CONNECT_PORT, several separated by \
         commas, as curl's --connect-to)"
    ))
}

impl Resolver for ConnectTo {
    fn resolve(
        &self,
        uri: &Uri,
        config: &Config,
        timeout: NextTimeout,
    ) -> Result<ResolvedSocketAddrs, ureq::Error> {
        let Some(rule) = self.rule_for(uri) else {
            return self.system.resolve(uri, config, timeout);
        };
        let mut out = self.empty();
        let addrs: Vec<SocketAddr> = rule.to.to_socket_addrs()?.collect();
        // ResolvedSocketAddrs holds at most 16.
        for a in addrs.into_iter().take(16) {
            out.push(a);
        }
        if out.is_empty() {
            return Err(ureq::Error::HostNotFound);
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_are_read_as_curl_writes_them() {
        let c =
            ConnectTo::parse("registry.example:8420:127.0.0.1:1234, a.example:443:b:443").unwrap();
        assert_eq!(
            c.rules,
            vec![
                Rule {
                    host: "registry.example".into(),
                    port: 8420,
                    to: "127.0.0.1:1234".into()
                },
                Rule {
                    host: "a.example".into(),
                    port: 443,
                    to: "b:443".into()
                },
            ]
        );
        let uri: Uri = "https://Registry.Example:8420/v1/whoami".parse().unwrap();
        assert_eq!(c.rule_for(&uri).unwrap().to, "127.0.0.1:1234");
        let other_port: Uri = "https://registry.example/v1".parse().unwrap();
        assert!(c.rule_for(&other_port).is_none());
        let default_port: Uri = "https://a.example/".parse().unwrap();
        assert_eq!(c.rule_for(&default_port).unwrap().to, "b:443");
        assert!(ConnectTo::parse("").unwrap().rules.is_empty());
    }

    #[test]
    fn a_malformed_rule_is_refused_with_the_form() {
        for v in ["registry.example:8420", "a:b:c:d", ":1:x:2", "a:1:x:99999"] {
            let e = ConnectTo::parse(v).unwrap_err().to_string();
            assert!(
                e.starts_with("SVCACCT_CONNECT_TO: ")
                    && e.contains("HOST:PORT:CONNECT_HOST:CONNECT_PORT"),
                "{v}: {e}"
            );
        }
    }
}
