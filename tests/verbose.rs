//! `-v`/`-vv` and `SVCACCT_LOG` (issue 16): each request to a remote store on stderr, and
//! never a credential.

mod common;

use common::{Env, Server};

/// `svcacct ARGS…` with `SVCACCT_LOG` when given → (exit code, stdout, stderr).
fn run(env: &Env, log: Option<&str>, args: &[&str]) -> (i32, String, String) {
    let mut cmd = env.cmd(args);
    if let Some(filter) = log {
        cmd.env("SVCACCT_LOG", filter);
    }
    let out = cmd.output().expect("run svcacct");
    (
        out.status.code().expect("exit code"),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// Replaces the server's address with `URL`, every number of milliseconds with `N`, and a
/// `date` header's value with `DATE`.
fn shape(stderr: &str, server: &Server) -> String {
    stderr
        .replace(&server.url, "URL")
        .lines()
        .map(|l| {
            if let Some(head) = l.strip_suffix(" ms")
                && let Some((before, n)) = head.rsplit_once(" in ")
                && n.bytes().all(|b| b.is_ascii_digit())
            {
                return format!("{before} in N ms");
            }
            if let Some((name, _)) = l.split_once("date: ") {
                return format!("{name}date: DATE");
            }
            // A listing's length depends on its records' times.
            if let Some((name, n)) = l.split_once("content-length: ")
                && n.len() > 3
            {
                return format!("{name}content-length: LEN");
            }
            l.to_owned()
        })
        .map(|l| l + "\n")
        .collect()
}

fn served() -> (Env, Server) {
    let env = Env::new();
    let srv = env.path("srv");
    env.bootstrap(&srv);
    env.ok([
        "--store",
        srv.to_str().unwrap(),
        "create",
        "ci",
        "--bits",
        "2048",
    ]);
    let server = env.serve(&srv, &[]);
    (env, server)
}

#[test]
fn dash_v_logs_each_request_and_dash_vv_its_answers_headers() {
    let (env, server) = served();
    let url = server.url.clone();
    let (code, _, err) = run(
        &env,
        None,
        &[
            "--store",
            &url,
            "--service-account",
            "admin",
            "-v",
            "get",
            "ci",
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        shape(&err, &server),
        " INFO svcacct::http: GET URL/v1/namespaces/default/serviceaccounts/ci ...\n\
         \x20INFO svcacct::http: GET URL/v1/namespaces/default/serviceaccounts/ci 200 OK in N ms\n"
    );
    let (code, _, err) = run(
        &env,
        None,
        &[
            "--store",
            &url,
            "--service-account",
            "admin",
            "-vv",
            "delete",
            "ghost",
        ],
    );
    assert_eq!(code, 3);
    assert_eq!(
        shape(&err, &server),
        " INFO svcacct::http: GET URL/v1/namespaces/default/serviceaccounts/ghost ...\n\
         \x20INFO svcacct::http: GET URL/v1/namespaces/default/serviceaccounts/ghost 404 Not Found in N ms\n\
         DEBUG svcacct::http:   content-type: application/problem+json\n\
         DEBUG svcacct::http:   content-length: 178\n\
         DEBUG svcacct::http:   date: DATE\n\
         \x20INFO svcacct::http: GET URL/v1/namespaces/default/serviceaccounts?limit=500 ...\n\
         \x20INFO svcacct::http: GET URL/v1/namespaces/default/serviceaccounts?limit=500 200 OK in N ms\n\
         DEBUG svcacct::http:   content-type: application/json\n\
         DEBUG svcacct::http:   content-length: LEN\n\
         DEBUG svcacct::http:   date: DATE\n\
         \x20INFO svcacct::http: GET URL/v1/serviceaccounts?limit=500 ...\n\
         \x20INFO svcacct::http: GET URL/v1/serviceaccounts?limit=500 200 OK in N ms\n\
         DEBUG svcacct::http:   content-type: application/json\n\
         DEBUG svcacct::http:   content-length: LEN\n\
         DEBUG svcacct::http:   date: DATE\n\
         svcacct: unknown service account `ghost` in namespace `default` (see `svcacct get`)\n"
    );
    // Without -v, nothing.
    let (_, _, err) = run(
        &env,
        None,
        &["--store", &url, "--service-account", "admin", "get", "ci"],
    );
    assert_eq!(err, "");
}

#[test]
fn svcacct_log_takes_a_filter() {
    let (env, server) = served();
    let url = server.url.clone();
    let get = [
        "--store",
        url.as_str(),
        "--service-account",
        "admin",
        "get",
        "ci",
    ];
    let (_, _, err) = run(&env, Some("svcacct=debug"), &get);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 6, "{err}");
    assert!(lines[0].starts_with(" INFO svcacct::http: GET "), "{err}");
    assert!(lines[0].ends_with(" ..."), "{err}");
    assert!(lines[1].starts_with(" INFO svcacct::http: GET "), "{err}");
    assert!(
        lines[2..]
            .iter()
            .all(|l| l.starts_with("DEBUG svcacct::http:   ")),
        "{err}"
    );
    let (_, _, err) = run(&env, Some("svcacct=warn"), &get);
    assert_eq!(err, "");
    // A flag beats the environment: -v and -vv win over it, `off` and a bad filter included
    // (the variable is then not read).
    let with = |flag: &'static str| [&[flag][..], &get[..]].concat();
    let info = " INFO svcacct::http: GET URL/v1/namespaces/default/serviceaccounts/ci ...\n\
         \x20INFO svcacct::http: GET URL/v1/namespaces/default/serviceaccounts/ci 200 OK in N ms\n";
    for filter in ["off", "svcacct=debug", "svcacct=loud"] {
        let (code, _, err) = run(&env, Some(filter), &with("-v"));
        assert_eq!((code, shape(&err, &server).as_str()), (0, info), "{filter}");
    }
    let (_, _, err) = run(&env, Some("svcacct::http=info"), &with("-vv"));
    assert_eq!(
        shape(&err, &server),
        format!(
            "{info}\
             DEBUG svcacct::http:   content-type: application/json\n\
             DEBUG svcacct::http:   etag: \"1\"\n\
             DEBUG svcacct::http:   content-length: LEN\n\
             DEBUG svcacct::http:   date: DATE\n"
        )
    );
    env.cmd(["get"])
        .env("SVCACCT_LOG", "svcacct=loud")
        .assert()
        .code(2)
        .stdout("")
        .stderr(
            "svcacct: SVCACCT_LOG: svcacct=loud is not a filter (error parsing level filter: \
             expected one of \"off\", \"error\", \"warn\", \"info\", \"debug\", \"trace\", or \
             a number 0-5): it takes what RUST_LOG takes, e.g. SVCACCT_LOG=svcacct=debug\n",
        );
}

/// The bearer token (self-signed or issued), an issued token in an answer and the private key
/// never reach stderr, whatever the verbosity.
#[test]
fn dash_vv_logs_no_token_key_or_secret() {
    let (env, server) = served();
    let url = server.url.clone();
    let srv = env.path("srv");
    let key = std::fs::read_dir(env.path(".local/share/svcacct/keys/default/admin"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|x| x == "pem"))
        .unwrap();
    let pem = std::fs::read_to_string(&key).unwrap();
    let key_lines: Vec<&str> = pem.lines().filter(|l| !l.starts_with("-----")).collect();
    let (code, issued, err) = run(
        &env,
        Some("trace"),
        &[
            "--store",
            &url,
            "--service-account",
            "admin",
            "-vv",
            "tokens",
            "create",
            "ci",
            "deploy",
        ],
    );
    assert_eq!(code, 0, "{err}");
    let issued = issued.trim().to_owned();
    assert!(issued.starts_with("eyJ"), "{issued}");
    std::fs::write(env.path("admin.token"), {
        let (_, t, _) = run(
            &env,
            None,
            &[
                "--store",
                srv.to_str().unwrap(),
                "tokens",
                "create",
                "admin",
                "cli",
            ],
        );
        t
    })
    .unwrap();
    let bearer = std::fs::read_to_string(env.path("admin.token")).unwrap();
    let mut stderr = err;
    for args in [
        vec!["--store", &url, "--service-account", "admin", "-vv", "get"],
        vec!["--store", &url, "--token-file", "admin.token", "-vv", "get"],
        vec![
            "--store",
            &url,
            "--token-file",
            "admin.token",
            "-vv",
            "tokens",
            "regenerate",
            "ci",
            "deploy",
        ],
        vec![
            "--store",
            &url,
            "--token-file",
            "admin.token",
            "-vv",
            "whoami",
        ],
    ] {
        let (code, out, err) = run(&env, Some("trace"), &args);
        assert_eq!(code, 0, "{args:?}: {err}");
        assert!(err.contains(" INFO svcacct::http: "), "{err}");
        if out.starts_with("eyJ") {
            assert!(!err.contains(out.trim()), "{args:?}: the token is logged");
        }
        stderr.push_str(&err);
    }
    // Each request is logged as it starts too (method and URL only), the POST that issued the
    // token among them: those lines are searched below as well.
    let starts = stderr.lines().filter(|l| l.ends_with(" ...")).count();
    let ends = stderr.lines().filter(|l| l.ends_with(" ms")).count();
    assert_eq!((starts, ends), (5, 5), "{stderr}");
    assert!(
        stderr.contains(" INFO svcacct::http: POST ") && stderr.contains("/tokens ...\n"),
        "{stderr}"
    );
    for secret in [issued.as_str(), bearer.trim()] {
        assert!(!stderr.contains(secret), "a token is logged:\n{stderr}");
        // Not even its signature, nor its payload.
        for part in secret.split('.').skip(1) {
            assert!(
                !stderr.contains(part),
                "part of a token is logged:\n{stderr}"
            );
        }
    }
    for line in key_lines {
        assert!(!stderr.contains(line), "the private key is logged");
    }
    assert!(!stderr.to_lowercase().contains("bearer"), "{stderr}");
}

/// A server that answers 503: each try is logged, and each retry with its wait.
#[test]
fn retries_are_logged() {
    use std::io::{BufRead, BufReader, Write};
    let env = Env::new();
    env.ok(["create", "ci", "--bits", "2048"]);
    let token = env.ok(["token", "ci"]);
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let answering = std::thread::spawn(move || {
        for _ in 0..3 {
            let (conn, _) = listener.accept().unwrap();
            let mut reader = BufReader::new(conn.try_clone().unwrap());
            let mut line = String::new();
            while reader.read_line(&mut line).unwrap() > 0 && line != "\r\n" {
                line.clear();
            }
            (&conn)
                .write_all(
                    b"HTTP/1.1 503 Service Unavailable\r\ncontent-length: 0\r\nconnection: close\r\n\r\n",
                )
                .unwrap();
        }
    });
    let out = env
        .cmd(["--store", &url, "-v", "get", "ci"])
        .env("SVCACCT_TOKEN", token.trim())
        .output()
        .unwrap();
    answering.join().unwrap();
    assert_eq!(out.status.code(), Some(3));
    let err = String::from_utf8(out.stderr).unwrap().replace(&url, "URL");
    let lines: Vec<String> = err
        .lines()
        .map(|l| match l.split_once(" in ") {
            // The time a try took: " in 12 ms", before an optional " (try 2 of 3)".
            Some((head, tail)) if !l.contains("trying again") => {
                let (n, rest) = tail.split_once(" ms").unwrap();
                assert!(n.bytes().all(|b| b.is_ascii_digit()), "{l}");
                format!("{head} in N ms{rest}")
            }
            _ => l.to_owned(),
        })
        .collect();
    assert_eq!(
        lines[..8],
        [
            " INFO svcacct::http: GET URL/v1/namespaces/default/serviceaccounts/ci ...",
            " INFO svcacct::http: GET URL/v1/namespaces/default/serviceaccounts/ci 503 Service Unavailable in N ms",
            " INFO svcacct::http: GET URL/v1/namespaces/default/serviceaccounts/ci: answered 503; trying again (2 of 3) in 200 ms",
            " INFO svcacct::http: GET URL/v1/namespaces/default/serviceaccounts/ci (try 2 of 3) ...",
            " INFO svcacct::http: GET URL/v1/namespaces/default/serviceaccounts/ci 503 Service Unavailable in N ms (try 2 of 3)",
            " INFO svcacct::http: GET URL/v1/namespaces/default/serviceaccounts/ci: answered 503; trying again (3 of 3) in 800 ms",
            " INFO svcacct::http: GET URL/v1/namespaces/default/serviceaccounts/ci (try 3 of 3) ...",
            " INFO svcacct::http: GET URL/v1/namespaces/default/serviceaccounts/ci 503 Service Unavailable in N ms (try 3 of 3)",
        ],
        "{err}"
    );
}

/// A server that takes the request and never answers: before any answer, `-v` has said what
/// svcacct waits for (the line a request starts with), and nothing of its credentials.
#[test]
fn dash_v_says_what_it_is_waiting_for() {
    use std::io::{BufRead, BufReader};
    use std::process::{Command, Stdio};
    let env = Env::new();
    env.ok(["create", "ci", "--bits", "2048"]);
    let token = env.ok(["token", "ci"]);
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("svcacct"))
        .env_clear()
        .env("HOME", env.path(""))
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("SVCACCT_TOKEN", token.trim())
        .current_dir(env.path(""))
        .args(["--store", &url, "-v", "get", "ci"])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Taken, read, and never answered while the line is awaited.
    let (conn, _) = listener.accept().unwrap();
    let mut request = String::new();
    let mut reader = BufReader::new(&conn);
    while reader.read_line(&mut request).unwrap() > 0 && !request.ends_with("\r\n\r\n") {}
    let mut err = BufReader::new(child.stderr.take().unwrap());
    let mut line = String::new();
    err.read_line(&mut line).unwrap();
    child.kill().unwrap();
    child.wait().unwrap();
    drop(conn);
    assert!(
        request.starts_with("GET /v1/namespaces/default/serviceaccounts/ci "),
        "{request}"
    );
    assert_eq!(
        line.replace(&url, "URL"),
        " INFO svcacct::http: GET URL/v1/namespaces/default/serviceaccounts/ci ...\n"
    );
    assert!(!line.contains(token.trim()));
}
