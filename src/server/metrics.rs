//! `GET /metrics`: the server's counters in the Prometheus text format (0.0.4), written by
//! the `prometheus-client` crate.
//!
//! Every label value is a `&'static str`: a route template of `api::ROUTES` (never the path
//! as requested), an HTTP method of a closed list, or a constant of this module; and the
//! status code. A token, an account's or namespace's name, a query or anything else a client
//! sends cannot become a label: the type does not let it, and the number of series stays
//! bounded whatever the traffic.

use axum::http::Method;
use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{Histogram, exponential_buckets};
use prometheus_client::registry::Registry;

use crate::store::Store;

/// The `route` of a request that matched no route of the table (404, 405, refusals before
/// routing).
pub const UNMATCHED: &str = "unmatched";

/// Which kind of token a verification was of (`kind`).
pub mod kind {
    pub const SELF_SIGNED: &str = "self-signed";
    pub const ISSUED: &str = "issued";
    /// Not a JWT at all: neither kind can be told.
    pub const MALFORMED: &str = "malformed";
}

/// What a verification found (`result`).
pub mod result {
    pub const VALID: &str = "valid";
    pub const REJECTED: &str = "rejected";
    /// The store could not be read (the request got a 500).
    pub const ERROR: &str = "error";
}

/// Where a token was verified (`via`).
pub mod via {
    /// The bearer token of a request.
    pub const AUTHENTICATION: &str = "authentication";
    /// `POST /v1/tokenreviews`.
    pub const TOKEN_REVIEW: &str = "tokenreview";
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RequestLabels {
    method: &'static str,
    route: &'static str,
    status: u16,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RouteLabels {
    method: &'static str,
    route: &'static str,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct VerificationLabels {
    via: &'static str,
    kind: &'static str,
    result: &'static str,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct LookupLabels {
    result: &'static str,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct PoolLabels {
    state: &'static str,
}

const VIAS: [&str; 2] = [via::AUTHENTICATION, via::TOKEN_REVIEW];
const KINDS: [&str; 3] = [kind::SELF_SIGNED, kind::ISSUED, kind::MALFORMED];
const RESULTS: [&str; 3] = [result::VALID, result::REJECTED, result::ERROR];

/// The server's metrics, and the registry that writes them.
pub struct Metrics {
    registry: Registry,
    requests: Family<RequestLabels, Counter>,
    durations: Family<RouteLabels, Histogram>,
    /// Every series of `svcacct_token_verifications_total`, made at the start (by the index
    /// of via, kind and result in `VIAS`, `KINDS`, `RESULTS`): an authenticated request then
    /// counts without hashing its labels (callgrind: ~1,500 instructions per request less).
    verifications: Vec<Counter>,
    /// Hit, miss.
    token_cache: [Counter; 2],
    token_cache_entries: Gauge,
    generation: Gauge,
    /// Registered only for an engine with a connection pool (`Engine::pool`).
    pool: Option<(Family<PoolLabels, Gauge>, Gauge)>,
}

impl std::fmt::Debug for Metrics {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Metrics")
    }
}

/// Request durations, in seconds: 0.25 ms to about 8 s, doubling.
fn duration_buckets() -> Histogram {
    Histogram::new(exponential_buckets(0.000_25, 2.0, 16))
}

impl Metrics {
    /// The metrics of a server; the pool's gauges only when its engine has a pool
    /// (`Engine::pool`).
    pub fn new(pool: bool) -> Metrics {
        let mut registry = Registry::with_prefix("svcacct");
        let requests = Family::<RequestLabels, Counter>::default();
        registry.register(
            "http_requests",
            "HTTP requests answered, by method, route template and status",
            requests.clone(),
        );
        let durations =
            Family::<RouteLabels, Histogram>::new_with_constructor(duration_buckets as fn() -> _);
        registry.register(
            "http_request_duration_seconds",
            "Time from a request's arrival to its answer, by method and route template",
            durations.clone(),
        );
        let family = Family::<VerificationLabels, Counter>::default();
        registry.register(
            "token_verifications",
            "Bearer tokens verified (by the token cache or in full) and token reviews, by \
             kind of token and result",
            family.clone(),
        );
        let mut verifications = vec![];
        for via in VIAS {
            for kind in KINDS {
                for result in RESULTS {
                    let labels = VerificationLabels { via, kind, result };
                    verifications.push(family.get_or_create(&labels).clone());
                }
            }
        }
        let family = Family::<LookupLabels, Counter>::default();
        registry.register(
            "token_cache_lookups",
            "Lookups of a bearer token in the cache of verified tokens: a hit skips the \
             signature check (the account, and an issued token's record, are checked still)",
            family.clone(),
        );
        let token_cache =
            ["hit", "miss"].map(|result| family.get_or_create(&LookupLabels { result }).clone());
        let token_cache_entries = Gauge::default();
        registry.register(
            "token_cache_entries",
            "Verified tokens the cache holds",
            token_cache_entries.clone(),
        );
        let generation = Gauge::default();
        registry.register(
            "registry_generation",
            "The registry's generation: it changes with every write to the store",
            generation.clone(),
        );
        let pool = pool.then(|| {
            let connections = Family::<PoolLabels, Gauge>::default();
            registry.register(
                "store_pool_connections",
                "Connections of the store's pool, by state",
                connections.clone(),
            );
            let max = Gauge::default();
            registry.register(
                "store_pool_max_connections",
                "The most connections the store's pool opens",
                max.clone(),
            );
            (connections, max)
        });
        Metrics {
            registry,
            requests,
            durations,
            verifications,
            token_cache,
            token_cache_entries,
            generation,
            pool,
        }
    }

    /// A request answered: `route` is its template (or [`UNMATCHED`]).
    pub fn request(&self, method: &Method, route: &'static str, status: u16, took: f64) {
        let method = method_label(method);
        self.requests
            .get_or_create(&RequestLabels {
                method,
                route,
                status,
            })
            .inc();
        self.durations
            .get_or_create(&RouteLabels { method, route })
            .observe(took);
    }

    /// A token verified `via` somewhere: its kind, and the result (each one of this
    /// module's constants).
    pub fn verified(&self, via: &'static str, kind: &'static str, result: &'static str) {
        let at = |all: &[&str], v: &str| all.iter().position(|a| *a == v);
        if let (Some(v), Some(k), Some(r)) =
            (at(&VIAS, via), at(&KINDS, kind), at(&RESULTS, result))
        {
            self.verifications[(v * KINDS.len() + k) * RESULTS.len() + r].inc();
        }
    }

    /// A lookup in the token cache.
    pub fn token_cache(&self, hit: bool) {
        self.token_cache[usize::from(!hit)].inc();
    }

    /// The text of a scrape: the gauges read now from `store` and the token cache.
    pub fn render(&self, store: &dyn Store, token_cache_entries: usize) -> String {
        if let Some(engine) = store.engine() {
            self.generation
                .set(i64::try_from(engine.generation()).unwrap_or(i64::MAX));
            if let (Some((connections, max)), Some(usage)) = (&self.pool, engine.pool()) {
                let n = |v: usize| i64::try_from(v).unwrap_or(i64::MAX);
                connections
                    .get_or_create(&PoolLabels { state: "idle" })
                    .set(n(usage.idle));
                connections
                    .get_or_create(&PoolLabels { state: "in_use" })
                    .set(n(usage.open.saturating_sub(usage.idle)));
                max.set(n(usage.max));
            }
        }
        self.token_cache_entries
            .set(i64::try_from(token_cache_entries).unwrap_or(i64::MAX));
        let mut out = String::new();
        // Writing to a String does not fail.
        let _ = prometheus_client::encoding::prometheus_text::encode(&mut out, &self.registry);
        out
    }
}

/// The method as a label: one of the standard methods, or `other` (a client may send any
/// token as a method).
fn method_label(m: &Method) -> &'static str {
    match *m {
        Method::GET => "GET",
        Method::POST => "POST",
        Method::PUT => "PUT",
        Method::DELETE => "DELETE",
        Method::HEAD => "HEAD",
        Method::OPTIONS => "OPTIONS",
        Method::PATCH => "PATCH",
        _ => "other",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A method outside the standard ones is counted as `other`, never as sent; the pool's
    /// gauges are there only for an engine with a pool.
    #[test]
    fn labels_come_from_closed_sets() {
        let m = Metrics::new(false);
        let odd = Method::from_bytes(b"ZZ-HIDDEN").unwrap();
        m.request(&odd, UNMATCHED, 405, 0.001);
        let text = m.render(&crate::store::memory::MemoryStore::new(), 0);
        assert!(
            text.contains(
                "svcacct_http_requests_total{method=\"other\",route=\"unmatched\",status=\"405\"} 1\n"
            ),
            "{text}"
        );
        assert!(
            !text.contains("ZZ-HIDDEN") && !text.contains("pool"),
            "{text}"
        );
        // Every verification series is there from the start; each count lands in its own.
        m.verified(via::TOKEN_REVIEW, kind::ISSUED, result::REJECTED);
        m.token_cache(false);
        let text = m.render(&crate::store::memory::MemoryStore::new(), 0);
        let series = |v: &str| {
            text.lines()
                .filter(|l| l.starts_with(v))
                .map(|l| l.rsplit_once(' ').unwrap().1)
                .collect::<Vec<_>>()
        };
        assert_eq!(series("svcacct_token_verifications_total{").len(), 18);
        assert!(text.contains(
            "svcacct_token_verifications_total{via=\"tokenreview\",kind=\"issued\",result=\"rejected\"} 1\n"
        ));
        assert_eq!(
            series("svcacct_token_verifications_total{via=\"authentication\""),
            ["0"; 9]
        );
        assert!(text.contains("svcacct_token_cache_lookups_total{result=\"miss\"} 1\n"));
        assert!(text.contains("svcacct_token_cache_lookups_total{result=\"hit\"} 0\n"));
        assert!(
            Metrics::new(true)
                .render(&crate::store::memory::MemoryStore::new(), 0)
                .contains("# TYPE svcacct_store_pool_max_connections gauge\n")
        );
    }
}
