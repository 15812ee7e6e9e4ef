//! The real binary in a temporary HOME with every SVCACCT_* and XDG_* variable cleared.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command as StdCommand;

use assert_cmd::Command;

pub struct Env {
    pub home: tempfile::TempDir,
}

impl Env {
    pub fn new() -> Env {
        Env {
            home: tempfile::tempdir().expect("temp HOME"),
        }
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.home.path().join(rel)
    }

    /// `svcacct ARGS…` with a clean environment rooted at the temporary HOME.
    pub fn cmd<I, S>(&self, args: I) -> Command
    where
        I: IntoIterator<Item = S>,
        S: AsRef<std::ffi::OsStr>,
    {
        let mut c = Command::cargo_bin("svcacct").expect("binary");
        c.env_clear()
            .env("HOME", self.home.path())
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("TZ", "UTC")
            .env("LANG", "C")
            .current_dir(self.home.path())
            .args(args);
        c
    }

    /// Runs and returns stdout, asserting success.
    pub fn ok<I, S>(&self, args: I) -> String
    where
        I: IntoIterator<Item = S>,
        S: AsRef<std::ffi::OsStr>,
    {
        let out = self.cmd(args).output().expect("run svcacct");
        assert!(
            out.status.success(),
            "svcacct failed: {}\nstdout: {}\nstderr: {}",
            out.status,
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("utf-8")
    }

    /// Every file under the store, with its bytes: to show a refused command changed nothing.
    pub fn store_snapshot(&self) -> Vec<(PathBuf, Vec<u8>)> {
        let mut v = vec![];
        walk(&self.path(".local/share/svcacct"), &mut v);
        v.sort();
        v
    }

    /// `svcacct verify TOKEN ARGS…` fails with exit 1 and `message`, and changes no store file.
    pub fn rejected(&self, token: &str, args: &[&str], message: &str) {
        let before = self.store_snapshot();
        let mut argv = vec!["verify", token];
        argv.extend_from_slice(args);
        self.cmd(argv)
            .assert()
            .code(1)
            .stdout("")
            .stderr(predicates::str::starts_with("svcacct: token rejected: "))
            .stderr(predicates::str::contains(message));
        assert_eq!(before, self.store_snapshot(), "the store changed");
    }

    /// `openssl ARGS…` in HOME; panics on failure.
    pub fn openssl(&self, args: &[&str]) {
        let out = StdCommand::new("openssl")
            .args(args)
            .current_dir(self.home.path())
            .output()
            .expect("openssl is installed");
        assert!(
            out.status.success(),
            "openssl {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

fn walk(dir: &Path, out: &mut Vec<(PathBuf, Vec<u8>)>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    for e in rd.flatten() {
        let p = e.path();
        if p.is_dir() {
            walk(&p, out);
        } else if p.file_name().is_some_and(|n| n != ".lock") {
            out.push((p.clone(), std::fs::read(&p).unwrap()));
        }
    }
}

/// The Python with PyJWT and cryptography: `SVCACCT_TEST_PYTHON`, else `.venv/bin/python`
/// in the repository (what `scripts/test` and `.ci/run` create).
pub fn python() -> PathBuf {
    if let Some(p) = std::env::var_os("SVCACCT_TEST_PYTHON") {
        return PathBuf::from(p);
    }
    let venv = Path::new(env!("CARGO_MANIFEST_DIR")).join(".venv/bin/python");
    assert!(
        venv.exists(),
        "interop tests need Python with PyJWT: run `scripts/test` (it creates .venv), \
         or set SVCACCT_TEST_PYTHON"
    );
    venv
}

/// Runs a Python snippet with `args`; returns stdout, panicking with stderr on failure.
pub fn run_python(code: &str, args: &[&str]) -> String {
    let out = StdCommand::new(python())
        .arg("-c")
        .arg(code)
        .args(args)
        .output()
        .expect("python runs");
    assert!(
        out.status.success(),
        "python failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// A `svcacct serve --listen 127.0.0.1:0` child of the test, in an [`Env`]'s clean
/// environment. Its stderr after the startup line (the access log) is collected for
/// assertions; the child is killed when the `Server` is dropped.
pub struct Server {
    pub child: std::process::Child,
    /// `http://127.0.0.1:PORT` (or `https://…` when serving TLS), from the startup line.
    pub url: String,
    pub port: u16,
    /// The startup line itself (`Listening on URL`).
    pub startup: String,
    log: std::sync::Arc<std::sync::Mutex<String>>,
    drain: Option<std::thread::JoinHandle<()>>,
}

impl Env {
    /// `svcacct --store STORE serve --listen 127.0.0.1:0 EXTRA…`, once it listens.
    pub fn serve(&self, store: &Path, extra: &[&str]) -> Server {
        self.spawn_serve(Some(store), extra)
    }

    /// `svcacct serve --listen 127.0.0.1:0 EXTRA…` on the default store of this HOME,
    /// once it listens.
    pub fn serve_default_store(&self, extra: &[&str]) -> Server {
        self.spawn_serve(None, extra)
    }

    fn spawn_serve(&self, store: Option<&Path>, extra: &[&str]) -> Server {
        use std::io::{BufRead, BufReader};
        use std::process::Stdio;

        let mut cmd = StdCommand::new(assert_cmd::cargo::cargo_bin("svcacct"));
        cmd.env_clear()
            .env("HOME", self.home.path())
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("TZ", "UTC")
            .env("LANG", "C")
            .current_dir(self.home.path());
        if let Some(store) = store {
            cmd.arg("--store").arg(store);
        }
        let mut child = cmd
            .args(["serve", "--listen", "127.0.0.1:0"])
            .args(extra)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn svcacct serve");
        let stderr = child.stderr.take().unwrap();
        let log = std::sync::Arc::new(std::sync::Mutex::new(String::new()));
        let (first_tx, first_rx) = std::sync::mpsc::channel::<Option<String>>();
        let sink = log.clone();
        let drain = std::thread::spawn(move || {
            let mut lines = BufReader::new(stderr).lines();
            let first = lines.next().and_then(|l| l.ok());
            let _ = first_tx.send(first);
            for line in lines.map_while(Result::ok) {
                let mut log = sink.lock().unwrap();
                log.push_str(&line);
                log.push('\n');
            }
        });
        let first = match first_rx.recv_timeout(std::time::Duration::from_secs(30)) {
            Ok(Some(line)) => line,
            Ok(None) => {
                let status = child.wait().expect("wait for svcacct serve");
                panic!("svcacct serve printed nothing and exited with {status}");
            }
            Err(_) => {
                let _ = child.kill();
                panic!("svcacct serve printed no startup line within 30 s");
            }
        };
        let url = first
            .strip_prefix("Listening on ")
            .unwrap_or_else(|| {
                let _ = child.kill();
                panic!("unexpected first line of svcacct serve: {first:?}")
            })
            .to_owned();
        let port: u16 = url
            .strip_prefix("http://127.0.0.1:")
            .or_else(|| url.strip_prefix("https://127.0.0.1:"))
            .and_then(|p| p.parse().ok())
            .unwrap_or_else(|| {
                let _ = child.kill();
                panic!("startup line does not name http(s)://127.0.0.1:PORT: {first:?}")
            });
        assert_ne!(port, 0, "the startup line must name the real port");
        Server {
            child,
            url,
            port,
            startup: first,
            log,
            drain: Some(drain),
        }
    }

    /// The bootstrap of the brief on folder `store`: `create admin` (its key kept in this
    /// HOME's keystore) and the global policy `admin-all` granting it everything.
    pub fn bootstrap(&self, store: &Path) {
        let s = store.to_str().unwrap();
        self.cmd(["--store", s, "create", "admin"])
            .assert()
            .success()
            .stdout("Created service account: admin\n");
        self.admin_all(Some(store));
    }

    /// `svcacct ARGV…` reading lists through a server in pages of two
    /// (`SVCACCT_LIST_PAGE_SIZE=2`), and what it did.
    pub fn in_pages_of_two(&self, argv: &[&str]) -> std::process::Output {
        self.cmd(argv)
            .env("SVCACCT_LIST_PAGE_SIZE", "2")
            .output()
            .unwrap()
    }

    /// The global policy `admin-all` granting `admin` every action on every resource, on
    /// folder `store` (or, with `None`, this HOME's default store).
    pub fn admin_all(&self, store: Option<&Path>) {
        let mut argv = vec![];
        if let Some(store) = store {
            argv.extend(["--store", store.to_str().unwrap()]);
        }
        argv.extend([
            "policy",
            "create",
            "admin-all",
            "--global",
            "--subject",
            "admin",
            "--action",
            "*",
            "--resource",
            "*",
        ]);
        self.ok(argv);
    }
}

impl Server {
    /// `--store URL --service-account admin ARGS…`: `ARGS` run by `admin` through this server.
    pub fn as_admin<'a>(&'a self, args: &[&'a str]) -> Vec<&'a str> {
        let mut argv = vec!["--store", self.url.as_str(), "--service-account", "admin"];
        argv.extend_from_slice(args);
        argv
    }

    /// `URL` followed by `path`, e.g. `s.at("/healthz")`.
    pub fn at(&self, path: &str) -> String {
        format!("{}{path}", self.url)
    }

    /// The access log so far (every stderr line after the startup line). The server writes a
    /// line before its answer leaves, but the thread that collects its stderr may not have
    /// read it yet when the client has the answer: this waits until the log stops growing.
    pub fn log(&self) -> String {
        let mut seen = self.log_now();
        loop {
            std::thread::sleep(std::time::Duration::from_millis(50));
            let now = self.log_now();
            if now.len() == seen.len() {
                return now;
            }
            seen = now;
        }
    }

    fn log_now(&self) -> String {
        self.log.lock().unwrap().clone()
    }

    /// All of stderr so far: the startup line, then the access log.
    pub fn stderr(&self) -> String {
        format!("{}\n{}", self.startup, self.log())
    }

    /// Waits up to `secs` for the log to contain `needle`; returns whether it did.
    pub fn wait_log(&self, needle: &str, secs: u64) -> bool {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(secs);
        while std::time::Instant::now() < deadline {
            if self.log_now().contains(needle) {
                return true;
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        false
    }

    /// Sends SIGTERM (`kill -TERM PID`), asserting that `kill` succeeded.
    pub fn sigterm(&self) {
        let ok = StdCommand::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status()
            .expect("kill runs");
        assert!(ok.success(), "kill -TERM failed: {ok}");
    }

    /// Waits (up to `secs`) for the exit, panicking if there is none, then lets the log
    /// thread take the last lines; returns the status.
    pub fn wait(&mut self, secs: u64) -> std::process::ExitStatus {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(secs);
        loop {
            if let Some(status) = self.child.try_wait().expect("try_wait") {
                if let Some(d) = self.drain.take() {
                    let _ = d.join();
                }
                return status;
            }
            assert!(
                std::time::Instant::now() < deadline,
                "the server did not exit within {secs} s"
            );
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
    }

    /// [`sigterm`](Self::sigterm), then [`wait`](Self::wait) up to `secs`.
    pub fn terminate(&mut self, secs: u64) -> std::process::ExitStatus {
        self.sigterm();
        self.wait(secs)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        if let Some(d) = self.drain.take() {
            let _ = d.join();
        }
    }
}

impl Env {
    /// Writes `count` distinct public key files `stem-0.pub`, `stem-1.pub`, … in HOME and
    /// returns their names: one key pair belongs to one account, so tests that register many
    /// accounts need many keys. Generating an RSA key per account would cost seconds: these
    /// take the modulus of one real key plus 2·i (odd still, as RSA requires, and of the same
    /// size), so they register as distinct keys of distinct moduli; nobody has their private
    /// halves, so they are only for accounts the test never signs for.
    pub fn distinct_public_keys(&self, stem: &str, count: usize) -> Vec<String> {
        use base64::Engine as _;
        let seed = format!("{stem}.seed.key");
        self.ok(["keygen", "-o", &seed, "--bits", "2048"]);
        let pem = std::fs::read(self.path(&format!("{seed}.pub"))).unwrap();
        let public = svcacct::keys::PublicKey::parse(&pem, "seed").unwrap();
        (0..count)
            .map(|i| {
                let mut n = public.n().to_vec();
                let mut carry = 2 * i as u64;
                for byte in n.iter_mut().rev() {
                    let sum = *byte as u64 + (carry & 0xff);
                    *byte = sum as u8;
                    carry = (carry >> 8) + (sum >> 8);
                    if carry == 0 {
                        break;
                    }
                }
                use aws_lc_rs::encoding::AsDer as _;
                let der = aws_lc_rs::rsa::PublicKeyComponents {
                    n: &n[..],
                    e: &[1u8, 0, 1][..],
                }
                .as_der()
                .unwrap();
                let b64 = base64::engine::general_purpose::STANDARD.encode(der.as_ref());
                let lines: Vec<&str> = b64
                    .as_bytes()
                    .chunks(64)
                    .map(|c| std::str::from_utf8(c).unwrap())
                    .collect();
                let name = format!("{stem}-{i}.pub");
                std::fs::write(
                    self.path(&name),
                    format!(
                        "-----BEGIN PUBLIC KEY-----\n{}\n-----END PUBLIC KEY-----\n",
                        lines.join("\n")
                    ),
                )
                .unwrap();
                name
            })
            .collect()
    }
}

/// `curl ARGS…` (the real client, nothing svcacct wrote) → (status, body); status 0 when curl
/// could not connect.
pub fn curl(args: &[&str]) -> (u16, String) {
    let out = StdCommand::new("curl")
        .args(["-sS", "--max-time", "20", "-w", "\n%{http_code}"])
        .args(args)
        .output()
        .expect("curl is installed");
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let (body, status) = text.rsplit_once('\n').unwrap_or(("", &text));
    (status.trim().parse().unwrap_or(0), body.to_owned())
}
