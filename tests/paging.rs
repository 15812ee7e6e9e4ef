//! `?limit=` and `?continue=` on the list endpoints of `svcacct serve` (issue 13), through curl,
//! and the remote client that reads every list in pages.

mod common;

use std::path::PathBuf;

use common::{Env, Server, curl};

fn json(body: &str) -> serde_json::Value {
    serde_json::from_str(body).unwrap_or_else(|e| panic!("not JSON ({e}): {body}"))
}

fn get(s: &Server, token: &str, path: &str) -> (u16, String) {
    curl(&["-H", &format!("Authorization: Bearer {token}"), &s.at(path)])
}

/// A registry on `HOME/srv` with `admin` (every right), accounts, namespaces, policies and
/// issued tokens enough for several pages of two; the server on it, and a token of `admin`.
fn registry(env: &Env) -> (PathBuf, Server, String) {
    let srv = env.path("srv");
    env.bootstrap(&srv);
    let s = srv.to_str().unwrap();
    for ns in ["eng", "ops", "qa"] {
        env.ok(["--store", s, "namespace", "create", ns, "--no-defaults"]);
    }
    for (ns, name) in [
        ("default", "a1"),
        ("default", "a2"),
        ("default", "a3"),
        ("eng", "b1"),
        ("eng", "b2"),
        ("eng", "b3"),
        ("ops", "c1"),
    ] {
        env.ok(["--store", s, "create", name, "-n", ns]);
    }
    for (ns, name) in [
        (None, "g1"),
        (None, "g2"),
        (Some("eng"), "p1"),
        (Some("eng"), "p2"),
        (Some("eng"), "p3"),
        (Some("ops"), "p4"),
    ] {
        let mut argv = vec!["--store", s, "policy", "create", name];
        match ns {
            Some(ns) => argv.extend(["-n", ns]),
            None => argv.push("--global"),
        }
        argv.extend(["--subject", "a1", "--action", "get", "--resource", "key"]);
        env.ok(argv);
    }
    env.ok(["--store", s, "issuer", "init"]);
    for t in ["t3", "t1", "t4", "t2", "t5"] {
        env.ok(["--store", s, "tokens", "create", "admin", t]);
    }
    let server = env.serve(&srv, &[]);
    let token = env.ok(["--store", s, "token", "admin"]).trim().to_owned();
    (srv, server, token)
}

/// An item's key as the API orders it: namespace (none for a global policy) and name.
fn key(item: &serde_json::Value) -> String {
    let ns = item["namespace"].as_str().unwrap_or("");
    let name = item["name"]
        .as_str()
        .unwrap_or_else(|| panic!("no name: {item}"));
    format!("{ns}/{name}")
}

fn keys(body: &serde_json::Value) -> Vec<String> {
    body["items"]
        .as_array()
        .unwrap_or_else(|| panic!("no items: {body}"))
        .iter()
        .map(key)
        .collect()
}

/// Reads `path` with `limit=2` to the end, running `between` after the first page; returns
/// the items' keys in the order the pages gave them, and the number of pages.
fn pages(s: &Server, token: &str, path: &str, between: impl FnOnce()) -> (Vec<String>, usize) {
    let sep = if path.contains('?') { '&' } else { '?' };
    let mut all = vec![];
    let mut next: Option<String> = None;
    let mut between = Some(between);
    let mut count = 0;
    loop {
        let url = match &next {
            None => format!("{path}{sep}limit=2"),
            Some(t) => format!("{path}{sep}limit=2&continue={t}"),
        };
        let (status, body) = get(s, token, &url);
        assert_eq!(status, 200, "{url}: {body}");
        let body = json(&body);
        let page = keys(&body);
        assert!(page.len() <= 2, "{url}: {body}");
        all.extend(page);
        count += 1;
        if let Some(f) = between.take() {
            f();
        }
        next = body["metadata"]["continue"].as_str().map(str::to_owned);
        if next.is_none() {
            assert!(body["metadata"].is_object(), "{url}: {body}");
            return (all, count);
        }
        // base64url: safe in a query as it is.
        let t = next.as_deref().unwrap();
        assert!(
            t.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'),
            "{t}"
        );
    }
}

/// Every list endpoint, read two items at a time with a write after the first page: one
/// record that sorts before where the listing is (not listed) and one after it (listed).
/// Every other item comes exactly once, in the order of the whole list.
#[test]
fn each_list_pages_with_limit_two_and_a_write_between_pages() {
    let env = Env::new();
    let (srv, server, token) = registry(&env);
    let s = srv.to_str().unwrap();
    let run = |args: &[&str]| {
        let mut argv = vec!["--store", s];
        argv.extend_from_slice(args);
        env.ok(argv);
    };
    let account = |ns: &'static str, name: &'static str| move || run(&["create", name, "-n", ns]);
    // A policy `name` that lets a1 get keys, in `scope` (`-n NS` or `--global`).
    let in_scope = |scope: Vec<&'static str>, name: &'static str| {
        move || {
            let grant = ["--subject", "a1", "--action", "get", "--resource", "key"];
            run(&[&["policy", "create", name][..], &scope, &grant].concat())
        }
    };
    let global = |name: &'static str| in_scope(vec!["--global"], name);
    let policy = |ns: &'static str, name: &'static str| in_scope(vec!["-n", ns], name);
    type Write<'a> = Box<dyn FnOnce() + 'a>;
    // (path, early write, its key, late write, its key, whether the whole list is in key order)
    let cases: Vec<(&str, Write, &str, Write, &str, bool)> = vec![
        (
            "/v1/namespaces/default/serviceaccounts",
            Box::new(account("default", "0-early-9")),
            "default/0-early-9",
            Box::new(account("default", "zz-late-1")),
            "default/zz-late-1",
            true,
        ),
        (
            "/v1/namespaces/eng/serviceaccounts",
            Box::new(account("eng", "0-early-8")),
            "eng/0-early-8",
            Box::new(account("eng", "zz-late-2")),
            "eng/zz-late-2",
            true,
        ),
        (
            "/v1/serviceaccounts",
            Box::new(account("default", "0-early-7")),
            "default/0-early-7",
            Box::new(account("qa", "zz-late-3")),
            "qa/zz-late-3",
            true,
        ),
        (
            "/v1/globalpolicies",
            Box::new(global("0-early-6")),
            "/0-early-6",
            Box::new(global("zz-late-4")),
            "/zz-late-4",
            true,
        ),
        (
            "/v1/namespaces/eng/policies",
            Box::new(policy("eng", "0-early-5")),
            "eng/0-early-5",
            Box::new(policy("eng", "zz-late-5")),
            "eng/zz-late-5",
            true,
        ),
        (
            "/v1/policies",
            Box::new(global("0-early-4")),
            "/0-early-4",
            Box::new(policy("qa", "zz-late-6")),
            "qa/zz-late-6",
            true,
        ),
        (
            "/v1/namespaces",
            Box::new(|| run(&["namespace", "create", "0-early-3", "--no-defaults"])),
            "/0-early-3",
            Box::new(|| run(&["namespace", "create", "zz-late-7", "--no-defaults"])),
            "/zz-late-7",
            true,
        ),
        (
            "/v1/namespaces/default/serviceaccounts/admin/tokens",
            Box::new(|| run(&["tokens", "create", "admin", "0-early-2"])),
            "/0-early-2",
            Box::new(|| run(&["tokens", "create", "admin", "zz-late-8"])),
            "/zz-late-8",
            // Issued tokens are kept in the order they were issued; pages sort them by name.
            false,
        ),
    ];
    for (path, early, early_key, late, late_key, in_order) in cases {
        let (paged, count) = pages(&server, &token, path, || {
            early();
            late();
        });
        let (status, body) = get(&server, &token, path);
        assert_eq!(status, 200, "{path}: {body}");
        let body = json(&body);
        assert!(
            body.get("metadata").is_none(),
            "{path} without limit: {body}"
        );
        let mut whole = keys(&body);
        if !in_order {
            whole.sort();
        }
        assert!(whole.contains(&early_key.to_owned()), "{path}: {whole:?}");
        let expected: Vec<String> = whole.into_iter().filter(|k| k != early_key).collect();
        assert_eq!(paged, expected, "{path}");
        assert!(paged.contains(&late_key.to_owned()), "{path}: {paged:?}");
        assert_eq!(count, expected.len().div_ceil(2), "{path}: {paged:?}");
    }
}

fn refused(s: &Server, token: &str, path: &str, detail: &str) {
    let (status, body) = get(s, token, path);
    assert_eq!(status, 400, "{path}: {body}");
    let p = json(&body);
    assert_eq!(p["code"], "invalid", "{path}: {body}");
    assert_eq!(p["detail"], detail, "{path}: {body}");
}

/// A limit outside 1..=1000, a token that does not decode, and one given by another list or
/// with another selector are each a 400 that says what to do.
#[test]
fn bad_limits_and_foreign_or_broken_continue_tokens_are_400() {
    let env = Env::new();
    let (_srv, server, token) = registry(&env);
    let accounts = "/v1/namespaces/default/serviceaccounts";
    for limit in ["0", "1001", "99999999999999999999999", "-1", "two"] {
        refused(
            &server,
            &token,
            &format!("{accounts}?limit={limit}"),
            &format!(
                "limit `{limit}` is not a number from 1 to 1000: ask for at most 1000 items a \
                 page, or leave `limit` out for the whole list"
            ),
        );
    }
    let broken = "the `continue` token is not one this server gave: pass the `metadata.continue` \
                  of the page before unchanged, or list again without `continue`";
    refused(
        &server,
        &token,
        &format!("{accounts}?limit=2&continue=garbage"),
        broken,
    );
    refused(&server, &token, &format!("{accounts}?continue=e30"), broken);

    let (_, body) = get(&server, &token, &format!("{accounts}?limit=1"));
    let t = json(&body)["metadata"]["continue"]
        .as_str()
        .unwrap()
        .to_owned();
    refused(
        &server,
        &token,
        &format!("/v1/policies?limit=2&continue={t}"),
        "the `continue` token is for the list /v1/namespaces/default/serviceaccounts, not \
         /v1/policies: use it only with the list that gave it, or list again without `continue`",
    );
    refused(
        &server,
        &token,
        &format!("{accounts}?limit=2&labelSelector=team%3Dweb&continue={t}"),
        "the `continue` token is for labelSelector ``, not `team=web`: pass the same \
         labelSelector on every page, or list again without `continue`",
    );
    // The token is the position, not a secret: it says where the listing was.
    let (status, body) = get(&server, &token, &format!("{accounts}?limit=1&continue={t}"));
    assert_eq!(status, 200, "{body}");
    assert_eq!(keys(&json(&body)), ["default/a2"]);
}

/// A caller that may list only `default`'s namespace record sees pages of what it may see:
/// no page counts, and no token names, a namespace it may not get.
#[test]
fn pages_hold_only_what_the_caller_may_see() {
    let env = Env::new();
    let (srv, server, _) = registry(&env);
    let s = srv.to_str().unwrap();
    env.ok(["--store", s, "create", "viewer"]);
    for ns in ["eng", "qa"] {
        env.ok([
            "--store",
            s,
            "policy",
            "create",
            "see-ns",
            "-n",
            ns,
            "--subject",
            "default/viewer",
            "--action",
            "get",
            "--resource",
            "namespace",
        ]);
    }
    let viewer = env.ok(["--store", s, "token", "viewer"]).trim().to_owned();
    let (status, body) = get(&server, &viewer, "/v1/namespaces?limit=1");
    assert_eq!(status, 200, "{body}");
    let body = json(&body);
    assert_eq!(keys(&body), ["/eng"]);
    let t = body["metadata"]["continue"].as_str().unwrap().to_owned();
    let (status, body) = get(
        &server,
        &viewer,
        &format!("/v1/namespaces?limit=1&continue={t}"),
    );
    assert_eq!(status, 200, "{body}");
    let body = json(&body);
    // `ops` lies between and is not the caller's to see: the next page is `qa`, the last.
    assert_eq!(keys(&body), ["/qa"]);
    assert!(body["metadata"].get("continue").is_none(), "{body}");
}

/// `svcacct get -A`, `policy get -A` and `namespace get` through a server read pages (here of
/// 2, `SVCACCT_LIST_PAGE_SIZE`) to the end, and print what they print on the store's folder.
/// `tokens list` asks for an account's tokens whole (one record, in the order of issue).
#[test]
fn a_remote_get_reads_every_page_and_prints_what_the_folder_does() {
    let env = Env::new();
    let (srv, server, _) = registry(&env);
    let s = srv.to_str().unwrap();
    for args in [
        vec!["get", "-A"],
        vec!["get", "-n", "default", "-o", "name"],
        vec!["policy", "get", "-A"],
        vec!["namespace", "get"],
    ] {
        let local = env.ok([&["--store", s][..], &args[..]].concat());
        let out = env.in_pages_of_two(&[&["-v"][..], &server.as_admin(&args)[..]].concat());
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{args:?}: {stderr}");
        assert_eq!(String::from_utf8_lossy(&out.stdout), local, "{args:?}");
        let asked = stderr
            .lines()
            .filter(|l| l.contains("GET ") && l.contains("limit=2") && l.contains(" ..."))
            .count();
        let followed = stderr
            .lines()
            .filter(|l| l.contains("&continue=") && l.contains(" ..."))
            .count();
        assert!(asked >= 2 && followed == asked - 1, "{args:?}: {stderr}");
    }
    let tokens = ["tokens", "list", "admin", "-o", "name"];
    let local = env.ok([&["--store", s][..], &tokens[..]].concat());
    assert_eq!(local, "t3\nt1\nt4\nt2\nt5\n");
    let out = env.in_pages_of_two(&server.as_admin(&tokens));
    assert_eq!(String::from_utf8_lossy(&out.stdout), local);
    let out = env
        .cmd([
            "--store",
            server.url.as_str(),
            "--service-account",
            "admin",
            "get",
        ])
        .env("SVCACCT_LIST_PAGE_SIZE", "0")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "svcacct: SVCACCT_LIST_PAGE_SIZE `0` is not a number from 1 to 1000: set one, or unset \
         it for pages of 500\n"
    );
}

/// A record the store cannot read is a warning: with the first page of namespaces (cut from
/// the whole listing), with each page of accounts the file engine reports it with; the remote
/// client shows it once, as `get` on the folder does.
#[test]
fn warnings_reach_a_client_that_reads_every_page_once() {
    let env = Env::new();
    let (srv, server, token) = registry(&env);
    std::fs::write(srv.join("accounts/default/zz-broken.toml"), "not = [toml").unwrap();
    std::fs::write(srv.join("namespaces/zz-broken.toml"), "not = [toml").unwrap();
    for (path, every_page) in [
        ("/v1/namespaces/default/serviceaccounts", true),
        ("/v1/namespaces", false),
    ] {
        let (_, whole) = get(&server, &token, path);
        let whole = json(&whole);
        assert_eq!(
            whole["warnings"].as_array().map(Vec::len),
            Some(1),
            "{whole}"
        );
        let (_, first) = get(&server, &token, &format!("{path}?limit=2"));
        let first = json(&first);
        assert_eq!(first["warnings"], whole["warnings"], "{first}");
        let t = first["metadata"]["continue"].as_str().unwrap();
        let (_, second) = get(&server, &token, &format!("{path}?limit=2&continue={t}"));
        let second = json(&second);
        if every_page {
            assert_eq!(second["warnings"], whole["warnings"], "{second}");
        } else {
            assert!(second.get("warnings").is_none(), "{second}");
        }
    }
    let s = srv.to_str().unwrap();
    for args in [vec!["get"], vec!["namespace", "get"]] {
        let local = env
            .cmd([&["--store", s][..], &args[..]].concat())
            .output()
            .unwrap();
        let out = env.in_pages_of_two(&server.as_admin(&args));
        assert_eq!(out.status.code(), local.status.code(), "{args:?}");
        assert_eq!(out.stdout, local.stdout, "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(err.matches("zz-broken.toml").count(), 1, "{args:?}: {err}");
    }
}

/// `labelSelector` filters within a page: a page of two records read may show fewer (here one)
/// and still have `continue`; following it gives every matching record once.
#[test]
fn a_selector_filters_within_pages() {
    let env = Env::new();
    let (srv, server, token) = registry(&env);
    let s = srv.to_str().unwrap();
    for name in ["a1", "a3"] {
        env.ok(["--store", s, "update", name, "--label", "team=web"]);
    }
    let path = "/v1/namespaces/default/serviceaccounts?labelSelector=team%3Dweb";
    let (_, first) = get(&server, &token, &format!("{path}&limit=2"));
    let first = json(&first);
    assert_eq!(keys(&first), ["default/a1"]);
    let t = first["metadata"]["continue"].as_str().unwrap();
    let (_, second) = get(&server, &token, &format!("{path}&limit=2&continue={t}"));
    let second = json(&second);
    assert_eq!(keys(&second), ["default/a3"]);
    assert!(second["metadata"].get("continue").is_none(), "{second}");
    let (paged, _) = pages(&server, &token, path, || {});
    assert_eq!(paged, ["default/a1", "default/a3"]);
}
