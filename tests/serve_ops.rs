//! What `svcacct serve` tells whoever runs it: `/healthz` (alive), `/readyz` (the store
//! answers) and `GET /metrics`.

mod common;

use std::process::Command;

use common::{Env, curl};

const OK: &str = "{\"status\":\"ok\"}";

/// `/readyz` follows the store folder: 503 with a problem while it is gone or is no folder
/// (the reason, which names the folder, only in the log), 200 again once it is back, with no
/// restart; `/healthz` says 200 all along.
#[test]
fn readyz_follows_the_store_folder() {
    let env = Env::new();
    let store = env.path("store");
    env.bootstrap(&store);
    let s = env.serve(&store, &[]);
    assert_eq!(curl(&[&s.at("/readyz")]), (200, OK.into()));

    let away = env.path("away");
    std::fs::rename(&store, &away).unwrap();
    let (status, body) = curl(&[&s.at("/readyz")]);
    assert_eq!(status, 503, "{body}");
    let problem: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(problem["code"], "unavailable");
    assert_eq!(
        problem["detail"],
        "not ready: the store does not answer (the reason is in the server's log)"
    );
    assert!(!body.contains(store.to_str().unwrap()), "{body}");
    assert_eq!(curl(&[&s.at("/healthz")]), (200, OK.into()));
    assert!(
        s.log().contains(&format!(
            "svcacct: not ready: the store folder {} is gone\n",
            store.display()
        )),
        "{}",
        s.log()
    );

    std::fs::write(&store, "").unwrap();
    assert_eq!(curl(&[&s.at("/readyz")]).0, 503);
    assert!(
        s.log().contains(&format!(
            "svcacct: not ready: cannot read the store folder {}: Not a directory",
            store.display()
        )),
        "{}",
        s.log()
    );

    std::fs::remove_file(&store).unwrap();
    std::fs::rename(&away, &store).unwrap();
    assert_eq!(curl(&[&s.at("/readyz")]), (200, OK.into()));
}

fn bearer(token: &str) -> String {
    format!("Authorization: Bearer {token}")
}

/// Checks that `text` is in the Prometheus text exposition format (0.0.4): `# HELP` and
/// `# TYPE` lines, and samples `name{label="value",…} value` of a family typed before them
/// (a histogram's as `_bucket`, `_sum` and `_count`). Returns the samples, as lines.
fn exposition(text: &str) -> Vec<&str> {
    fn is_name(s: &str, colon: bool) -> bool {
        let mut chars = s.chars();
        chars
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '_' || (colon && c == ':'))
            && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || (colon && c == ':'))
    }
    /// `label="value",…` up to the closing brace; returns what follows it.
    fn labels(mut s: &str) -> &str {
        loop {
            let (name, rest) = s.split_once("=\"").expect("label=\"value\"");
            assert!(is_name(name, false), "label name {name:?}");
            let mut chars = rest.char_indices();
            let end = loop {
                match chars.next().expect("a closing quote") {
                    (_, '\\') => {
                        let (_, escaped) = chars.next().expect("an escaped character");
                        assert!(matches!(escaped, '\\' | '"' | 'n'), "escape \\{escaped}");
                    }
                    (at, '"') => break at,
                    (_, c) => assert_ne!(c, '\n'),
                }
            };
            s = &rest[end + 1..];
            match s.strip_prefix(',') {
                Some(more) if !more.starts_with('}') => s = more,
                Some(more) => return &more[1..],
                None => return s.strip_prefix('}').expect("`,` or `}` after a label"),
            }
        }
    }
    assert!(text.ends_with('\n'), "the last line ends");
    let mut types: Vec<(&str, &str)> = vec![];
    let mut samples = vec![];
    for line in text.lines() {
        if let Some(rest) = line.strip_prefix("# HELP ") {
            let (name, help) = rest.split_once(' ').expect("# HELP name text");
            assert!(is_name(name, true) && !help.is_empty(), "{line}");
        } else if let Some(rest) = line.strip_prefix("# TYPE ") {
            let (name, kind) = rest.split_once(' ').expect("# TYPE name type");
            assert!(is_name(name, true), "{line}");
            assert!(
                ["counter", "gauge", "histogram", "summary", "untyped"].contains(&kind),
                "{line}"
            );
            assert!(types.iter().all(|(n, _)| *n != name), "typed twice: {line}");
            types.push((name, kind));
        } else {
            assert!(!line.starts_with('#'), "{line}");
            let name_end = line.find(['{', ' ']).expect("a sample");
            let name = &line[..name_end];
            assert!(is_name(name, true), "{line}");
            let rest = match line[name_end..].strip_prefix('{') {
                Some(l) => labels(l),
                None => &line[name_end..],
            };
            let value = rest.strip_prefix(' ').expect("a space before the value");
            assert!(
                value.parse::<f64>().is_ok() || ["+Inf", "-Inf", "NaN"].contains(&value),
                "{line}"
            );
            let family = types.last().expect("a # TYPE before the samples");
            let of_family = name == family.0
                || (family.1 == "histogram"
                    && ["_bucket", "_sum", "_count"]
                        .iter()
                        .any(|s| name.strip_suffix(s) == Some(family.0)));
            assert!(of_family, "{line} is not of {family:?}");
            samples.push(line);
        }
    }
    samples
}

/// After requests of every kind, a scrape counts them by route template and status, the
/// verifications by kind and result, the token cache's hits and misses, and shows the
/// registry's generation; every line is in the exposition format; no token, account or
/// namespace name is in it. Without a token, or without a policy, it is refused.
#[test]
fn metrics_count_requests_and_verifications_and_name_nobody() {
    let env = Env::new();
    let store = env.path("store");
    env.bootstrap(&store);
    let s_ = store.to_str().unwrap();
    env.ok([
        "--store",
        s_,
        "namespace",
        "create",
        "zz-hidden-ns",
        "--no-defaults",
    ]);
    env.ok([
        "--store",
        s_,
        "create",
        "-n",
        "zz-hidden-ns",
        "zz-hidden-account",
    ]);
    let issued = env.ok([
        "--store",
        s_,
        "tokens",
        "create",
        "zz-hidden-ns/zz-hidden-account",
        "zz-hidden-token",
    ]);
    let issued = issued.trim();
    let admin = env.ok(["--store", s_, "token", "admin"]);
    let admin = admin.trim();
    let s = env.serve(&store, &[]);
    let account = s.at("/v1/namespaces/zz-hidden-ns/serviceaccounts/zz-hidden-account");
    for _ in 0..2 {
        assert_eq!(curl(&["-H", &bearer(admin), &account]).0, 200);
        assert_eq!(curl(&["-H", &bearer(issued), &s.at("/v1/whoami")]).0, 200);
    }
    assert_eq!(
        curl(&["-H", &bearer("not-a-jwt"), &s.at("/v1/whoami")]).0,
        401
    );
    assert_eq!(curl(&[&s.at("/zz-hidden-path")]).0, 404);
    let review = format!("{{\"token\":\"{issued}\"}}");
    let (status, body) = curl(&[
        "-H",
        &bearer(admin),
        "-H",
        "Content-Type: application/json",
        "-d",
        &review,
        &s.at("/v1/tokenreviews"),
    ]);
    assert_eq!(status, 200, "{body}");
    let (status, body) = curl(&[&s.at("/metrics")]);
    assert_eq!(status, 401, "{body}");
    // An account without a policy for `metrics`.
    assert_eq!(curl(&["-H", &bearer(issued), &s.at("/metrics")]).0, 403);

    let out = Command::new("curl")
        .args(["-sS", "-D", "-", "-H", &bearer(admin), &s.at("/metrics")])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let (head, body) = text.split_once("\r\n\r\n").unwrap();
    assert!(head.starts_with("HTTP/1.1 200"), "{head}");
    assert!(
        head.to_ascii_lowercase()
            .contains("content-type: text/plain; version=0.0.4; charset=utf-8"),
        "{head}"
    );
    let samples = exposition(body);
    let generation = u64::from_ne_bytes(
        std::fs::read(store.join(".generation")).unwrap()[..8]
            .try_into()
            .unwrap(),
    );
    for expected in [
        r#"svcacct_http_requests_total{method="GET",route="/v1/namespaces/{ns}/serviceaccounts/{name}",status="200"} 2"#,
        r#"svcacct_http_requests_total{method="GET",route="/v1/whoami",status="200"} 2"#,
        r#"svcacct_http_requests_total{method="GET",route="/v1/whoami",status="401"} 1"#,
        r#"svcacct_http_requests_total{method="GET",route="unmatched",status="404"} 1"#,
        r#"svcacct_http_requests_total{method="POST",route="/v1/tokenreviews",status="200"} 1"#,
        r#"svcacct_http_requests_total{method="GET",route="/metrics",status="401"} 1"#,
        r#"svcacct_http_requests_total{method="GET",route="/metrics",status="403"} 1"#,
        r#"svcacct_http_request_duration_seconds_count{method="GET",route="/v1/whoami"} 3"#,
        r#"svcacct_http_request_duration_seconds_bucket{method="GET",route="/v1/whoami",le="+Inf"} 3"#,
        // The admin's token: 2 GETs of the account, the review, the scrape; the issued one:
        // 2 whoami, the refused scrape.
        r#"svcacct_token_verifications_total{via="authentication",kind="self-signed",result="valid"} 4"#,
        r#"svcacct_token_verifications_total{via="authentication",kind="issued",result="valid"} 3"#,
        r#"svcacct_token_verifications_total{via="authentication",kind="malformed",result="rejected"} 1"#,
        r#"svcacct_token_verifications_total{via="tokenreview",kind="issued",result="valid"} 1"#,
        r#"svcacct_token_cache_lookups_total{result="hit"} 5"#,
        r#"svcacct_token_cache_lookups_total{result="miss"} 3"#,
        "svcacct_token_cache_entries 2",
        &format!("svcacct_registry_generation {generation}"),
    ] {
        assert!(samples.contains(&expected), "no `{expected}` in:\n{body}");
    }
    assert!(!body.contains("pool"), "no pool, no pool gauge:\n{body}");
    for secret_or_name in [admin, issued, "zz-hidden", "admin"] {
        assert!(
            !body.contains(secret_or_name),
            "{secret_or_name} in:\n{body}"
        );
    }
    // Neither in any piece of a token.
    for part in admin.split('.').chain(issued.split('.')) {
        assert!(!body.contains(part));
    }
}

/// `serve --unauthenticated-metrics`: the scrape needs no token.
#[test]
fn unauthenticated_metrics_need_no_token() {
    let env = Env::new();
    let store = env.path("store");
    env.bootstrap(&store);
    let s = env.serve(&store, &["--unauthenticated-metrics"]);
    let (status, body) = curl(&[&s.at("/metrics")]);
    assert_eq!(status, 200, "{body}");
    assert!(
        exposition(&body).contains(&"svcacct_registry_generation 2"),
        "{body}"
    );
    // Other routes still need one.
    assert_eq!(curl(&[&s.at("/v1/whoami")]).0, 401);
}
