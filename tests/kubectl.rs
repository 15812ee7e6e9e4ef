//! kubectl calls svcacct as an exec credential plugin (issue 15): a kubeconfig whose user runs
//! `svcacct token … -o exec-credential` (or `svcacct tokens request … -o exec-credential`)
//! makes kubectl send `Authorization: Bearer <that token>` to the cluster, here a loopback
//! HTTPS endpoint of the test (Python's http.server with a test CA) that records the header.
//!
//! Needs kubectl (Debian's `kubectl`): without it this test fails when `CI` is set, and
//! otherwise skips, saying so.

mod common;

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use common::Env;
use serde_json::Value;

/// An HTTPS endpoint that answers every GET with `{"ok": true}` and prints each request's
/// `Authorization` header on a line of its own.
const ENDPOINT: &str = r#"
import sys, ssl, http.server
cert, key = sys.argv[1:3]
class H(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        print("AUTH", self.headers.get("Authorization"), flush=True)
        body = b'{"ok": true}'
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
    def log_message(self, *a):
        pass
srv = http.server.HTTPServer(("127.0.0.1", 0), H)
ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
ctx.load_cert_chain(cert, key)
srv.socket = ctx.wrap_socket(srv.socket, server_side=True)
print("PORT", srv.server_address[1], flush=True)
srv.serve_forever()
"#;

struct Endpoint {
    child: Child,
    lines: std::io::Lines<BufReader<std::process::ChildStdout>>,
    port: u16,
}

impl Drop for Endpoint {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Endpoint {
    fn start(env: &Env) -> Endpoint {
        let mut child = Command::new(common::python())
            .arg("-c")
            .arg(ENDPOINT)
            .arg(env.path("tls.crt"))
            .arg(env.path("tls.key"))
            .stdout(Stdio::piped())
            .spawn()
            .expect("python runs");
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        let first = lines.next().unwrap().unwrap();
        let port = first.strip_prefix("PORT ").unwrap().parse().unwrap();
        Endpoint { child, lines, port }
    }

    /// The `Authorization` header of the next request.
    fn next_authorization(&mut self) -> String {
        let line = self.lines.next().unwrap().unwrap();
        line.strip_prefix("AUTH ").unwrap().to_owned()
    }
}

/// kubectl on PATH.
fn kubectl() -> Option<PathBuf> {
    std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default())
        .map(|d| d.join("kubectl"))
        .find(|p| p.is_file())
}

fn kubeconfig(env: &Env, port: u16, args: &[&str]) -> PathBuf {
    let bin = assert_cmd::cargo::cargo_bin("svcacct");
    let args: Vec<String> = args.iter().map(|a| format!("{a:?}")).collect();
    let text = format!(
        "apiVersion: v1
kind: Config
clusters:
- name: test
  cluster:
    server: https://127.0.0.1:{port}
    certificate-authority: {ca}
users:
- name: bot
  user:
    exec:
      apiVersion: client.authentication.k8s.io/v1
      command: {bin}
      args: [{args}]
      interactiveMode: Never
contexts:
- name: test
  context:
    cluster: test
    user: bot
current-context: test
",
        ca = env.path("ca.crt").display(),
        bin = bin.display(),
        args = args.join(", "),
    );
    let path = env.path("kubeconfig");
    std::fs::write(&path, text).unwrap();
    path
}

fn run_kubectl(env: &Env, kubectl: &Path, config: &Path) {
    let out = Command::new(kubectl)
        .env_clear()
        .env("HOME", env.home.path())
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("KUBECONFIG", config)
        .args(["get", "--raw", "/api"])
        .output()
        .expect("kubectl runs");
    assert!(
        out.status.success(),
        "kubectl: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        r#"{"ok": true}"#
    );
}

fn claims(token: &str) -> Value {
    use base64::Engine as _;
    let p = token.split('.').nth(1).unwrap();
    serde_json::from_slice(
        &base64::engine::general_purpose::URL_SAFE_NO_PAD
            .decode(p)
            .unwrap(),
    )
    .unwrap()
}

#[test]
fn kubectl_sends_the_token_of_an_exec_plugin() {
    let Some(kubectl) = kubectl() else {
        assert!(
            std::env::var_os("CI").is_none(),
            "the kubectl test needs kubectl (apt-get install kubectl)"
        );
        eprintln!("SKIPPED kubectl_sends_the_token_of_an_exec_plugin: kubectl is not installed");
        return;
    };
    let env = Env::new();
    std::fs::write(
        env.path("leaf.cnf"),
        "subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\n\
         extendedKeyUsage=serverAuth\nauthorityKeyIdentifier=keyid\n",
    )
    .unwrap();
    for args in [
        "req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.crt -days 2 -subj /CN=svcacct-test-ca",
        "req -newkey rsa:2048 -nodes -keyout tls.key -out tls.csr -subj /CN=127.0.0.1",
        "x509 -req -in tls.csr -CA ca.crt -CAkey ca.key -CAcreateserial -out tls.crt -days 2 -extfile leaf.cnf",
    ] {
        env.openssl(&args.split(' ').collect::<Vec<_>>());
    }
    env.ok(["create", "bot"]);
    let mut endpoint = Endpoint::start(&env);

    // A self-signed token, as `svcacct token` mints it.
    let config = kubeconfig(
        &env,
        endpoint.port,
        &["token", "bot", "-o", "exec-credential"],
    );
    run_kubectl(&env, &kubectl, &config);
    let auth = endpoint.next_authorization();
    let token = auth.strip_prefix("Bearer ").expect("a bearer token");
    assert_eq!(claims(token)["iss"], "bot");
    env.ok(["verify", token]);

    // A requested token for the cluster's audience (a new endpoint: kubectl may have sent the
    // first one more than one request).
    drop(endpoint);
    let mut endpoint = Endpoint::start(&env);
    let config = kubeconfig(
        &env,
        endpoint.port,
        &[
            "tokens",
            "request",
            "bot",
            "--audience",
            "https://k8s.test",
            "-o",
            "exec-credential",
        ],
    );
    run_kubectl(&env, &kubectl, &config);
    let auth = endpoint.next_authorization();
    let token = auth.strip_prefix("Bearer ").expect("a bearer token");
    assert_eq!(claims(token)["sub"], "system:serviceaccount:default:bot");
    assert_eq!(claims(token)["aud"], "https://k8s.test");
    env.ok(["verify", token, "--aud", "https://k8s.test"]);
}
