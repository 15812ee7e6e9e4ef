//! README.md runs as written: every ```sh, ```bash and ```console block, in order, through the
//! real binary, on fresh machines.
//!
//! How a block runs (README.md says this in one line, under "Two commands"):
//! - **Machines.** A block whose first line is `# On [the ]NAME's machine` runs in NAME's HOME,
//!   every other block in the reader's own (`you`). Each machine is a fresh temporary HOME, the
//!   current folder of its blocks, with `SVCACCT_*` and `XDG_*` unset and the binary under test
//!   first on `PATH`.
//! - **A new shell per block.** Each block runs in a new `bash`: a variable, `export` or `cd` of
//!   one block never reaches the next. A block marked `<!-- readme-test: same shell -->` (the
//!   README then says the reader keeps the shell) continues the previous block's shell.
//! - **Exit codes.** Each command (a line and its `\` continuations; in a console block each
//!   `$ ` line) must exit 0, or N when its trailing comment says `exit N`. Its stdin is empty.
//! - **Output.** In a console block the lines after a `$ ` command are what it prints (stdout
//!   and stderr, as a terminal shows them): `[..]` stands for any text within a line, a line
//!   `...` for any number of lines. Other blocks show no output: theirs is not compared, but
//!   must hold no `svcacct: ` line (an error or a warning) unless the command's comment
//!   announces one (`warn`, `exit N`).
//! - `README_TEST_SHOW=1 cargo test --test readme -- --nocapture` prints every command and
//!   its output.
//! - **Markers**, an HTML comment on the line before the fence: `<!-- readme-test: skip:
//!   REASON -->` leaves a block out; `<!-- readme-test: copy FILE… from A to B -->` copies the
//!   files from machine A's HOME to B's instead of running the block (which shows `scp`).
//! - **Servers.** `svcacct … serve …` is started in the background with `--listen 127.0.0.1:0`
//!   instead of its own (the test cannot own a public port); its first stderr line must be
//!   `Listening on https://…`, as the README says. `registry.example:8420` then reaches it
//!   (`SVCACCT_CONNECT_TO` for svcacct; for curl, a wrapper first on `PATH` adds
//!   `--connect-to`), and `api.example.com:443` reaches a deploy service the test runs, with a
//!   certificate of a CA the test makes (trusted by that curl wrapper): it answers 200 to a
//!   request whose bearer token `svcacct verify - --aud https://api.example.com` accepts on the
//!   reader's machine, else 401.

mod common;

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};
use std::sync::{Arc, Mutex};

const README: &str = include_str!("../README.md");

// ---------------------------------------------------------------------------------------------
// Reading the README

#[derive(Debug, Clone, PartialEq)]
enum Marker {
    None,
    Skip(String),
    Copy {
        files: Vec<String>,
        from: String,
        to: String,
    },
    SameShell,
}

#[derive(Debug, Clone)]
struct Block {
    /// 1-based line of the opening fence.
    line: usize,
    lang: String,
    marker: Marker,
    body: Vec<String>,
}

fn blocks(md: &str) -> Vec<Block> {
    let mut out = vec![];
    let lines: Vec<&str> = md.lines().collect();
    let mut i = 0;
    while i < lines.len() {
        let Some(info) = lines[i].strip_prefix("```") else {
            i += 1;
            continue;
        };
        let start = i;
        let lang = info.trim().to_owned();
        let mut body = vec![];
        i += 1;
        while i < lines.len() && !lines[i].starts_with("```") {
            body.push(lines[i].to_owned());
            i += 1;
        }
        assert!(i < lines.len(), "README.md:{}: unclosed fence", start + 1);
        i += 1;
        let marker = start
            .checked_sub(1)
            .map(|p| lines[p].trim())
            .and_then(|l| l.strip_prefix("<!-- readme-test:"))
            .and_then(|l| l.strip_suffix("-->"))
            .map_or(Marker::None, |m| parse_marker(m.trim(), start + 1));
        out.push(Block {
            line: start + 1,
            lang,
            marker,
            body,
        });
    }
    out
}

fn parse_marker(m: &str, line: usize) -> Marker {
    if let Some(reason) = m.strip_prefix("skip:") {
        assert!(
            !reason.trim().is_empty(),
            "README.md:{line}: a skip says why"
        );
        return Marker::Skip(reason.trim().to_owned());
    }
    if m == "same shell" {
        return Marker::SameShell;
    }
    if let Some(rest) = m.strip_prefix("copy ") {
        let words: Vec<&str> = rest.split_whitespace().collect();
        let n = words.len();
        if n >= 5 && words[n - 4] == "from" && words[n - 2] == "to" {
            return Marker::Copy {
                files: words[..n - 4].iter().map(|s| s.to_string()).collect(),
                from: words[n - 3].to_owned(),
                to: words[n - 1].to_owned(),
            };
        }
    }
    panic!("README.md:{line}: unknown readme-test marker {m:?}")
}

fn runnable(lang: &str) -> bool {
    matches!(lang, "sh" | "bash" | "console")
}

/// The machine of a block: `# On the NAME's machine` as its first line, else the reader's.
fn machine_of(block: &Block) -> String {
    block
        .body
        .first()
        .and_then(|l| l.trim().strip_prefix("# On "))
        .map(|l| l.strip_prefix("the ").unwrap_or(l))
        .and_then(|l| l.split_once("'s machine"))
        .map_or_else(|| "you".to_owned(), |(name, _)| name.to_lowercase())
}

/// One command of a block: its text (continuations joined) and what it must show.
#[derive(Debug)]
struct Step {
    line: usize,
    command: String,
    expected: Option<String>,
}

fn steps(block: &Block) -> Vec<Step> {
    let console = block.lang == "console";
    let mut out: Vec<Step> = vec![];
    let mut i = 0;
    while i < block.body.len() {
        let raw = &block.body[i];
        let line = block.line + 1 + i;
        let text = if console {
            match raw.strip_prefix("$ ") {
                Some(t) => t,
                None => {
                    let last = out.last_mut().unwrap_or_else(|| {
                        panic!("README.md:{line}: console output before any `$ ` command")
                    });
                    let e = last.expected.get_or_insert_with(String::new);
                    e.push_str(raw);
                    e.push('\n');
                    i += 1;
                    continue;
                }
            }
        } else {
            raw.as_str()
        };
        if text.trim().is_empty() || text.trim_start().starts_with('#') {
            i += 1;
            continue;
        }
        let mut command = text.to_owned();
        while command.ends_with('\\') {
            i += 1;
            let next = block
                .body
                .get(i)
                .unwrap_or_else(|| panic!("README.md:{line}: `\\` at the end of the block"));
            command.push('\n');
            command.push_str(next.strip_prefix("> ").unwrap_or(next));
        }
        out.push(Step {
            line,
            command,
            expected: console.then(String::new),
        });
        i += 1;
    }
    out
}

/// The exit code a command's trailing comment announces (`# …exit N…`), else 0.
fn expected_exit(command: &str) -> i32 {
    let last = command.lines().last().unwrap_or_default();
    let Some(comment) = trailing_comment(last) else {
        return 0;
    };
    let words: Vec<&str> = comment
        .split(|c: char| !c.is_ascii_alphanumeric())
        .collect();
    words
        .windows(2)
        .find(|w| w[0] == "exit")
        .and_then(|w| w[1].parse().ok())
        .unwrap_or(0)
}

/// The text after an unquoted ` #` of a shell line.
fn trailing_comment(line: &str) -> Option<&str> {
    let (mut single, mut double, mut prev) = (false, false, ' ');
    for (i, c) in line.char_indices() {
        match c {
            '\'' if !double => single = !single,
            '"' if !single && prev != '\\' => double = !double,
            '#' if !single && !double && prev.is_whitespace() => return Some(&line[i + 1..]),
            _ => {}
        }
        prev = c;
    }
    None
}

/// Whether `actual` is what `expected` shows: `[..]` is any text within a line, a line `...`
/// any number of lines.
fn shows(expected: &str, actual: &str) -> bool {
    let e: Vec<&str> = expected.lines().collect();
    let a: Vec<&str> = actual.lines().collect();
    fn go(e: &[&str], a: &[&str]) -> bool {
        match e.split_first() {
            None => a.is_empty(),
            Some((&"...", rest)) => (0..=a.len()).any(|k| go(rest, &a[k..])),
            Some((first, rest)) => !a.is_empty() && line_shows(first, a[0]) && go(rest, &a[1..]),
        }
    }
    go(&e, &a)
}

fn line_shows(expected: &str, actual: &str) -> bool {
    let parts: Vec<&str> = expected.split("[..]").collect();
    if parts.len() == 1 {
        return expected == actual;
    }
    let (first, last) = (parts[0], parts[parts.len() - 1]);
    if !actual.starts_with(first) || actual.len() < first.len() + last.len() {
        return false;
    }
    let mut rest = &actual[first.len()..];
    for middle in &parts[1..parts.len() - 1] {
        match rest.find(middle) {
            Some(at) => rest = &rest[at + middle.len()..],
            None => return false,
        }
    }
    rest.ends_with(last)
}

// ---------------------------------------------------------------------------------------------
// Running it

fn binary() -> PathBuf {
    assert_cmd::cargo::cargo_bin("svcacct")
}

fn run_checked(cmd: &mut Command, what: &str) -> String {
    let out = cmd.output().unwrap_or_else(|e| panic!("{what}: {e}"));
    assert!(
        out.status.success(),
        "{what} failed ({}): {}{}",
        out.status,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// A bash that commands are fed to one at a time, its stderr joined to its stdout.
struct Shell {
    child: Child,
    stdin: ChildStdin,
    stdout: ChildStdout,
    machine: String,
}

const END: u8 = 0x1e;

impl Shell {
    fn new(machine: &str, home: &Path, env: &[(String, String)]) -> Shell {
        let mut child = Command::new("bash")
            .args(["--noprofile", "--norc"])
            .env_clear()
            .envs(env.iter().map(|(k, v)| (k, v)))
            .current_dir(home)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("bash runs");
        let mut stdin = child.stdin.take().unwrap();
        let stdout = child.stdout.take().unwrap();
        stdin.write_all(b"exec 2>&1\n").unwrap();
        Shell {
            child,
            stdin,
            stdout,
            machine: machine.to_owned(),
        }
    }

    /// Runs `command`; its output and exit code (the shell's, when the command ended it).
    fn run(&mut self, command: &str) -> (String, i32) {
        let script = format!("{{\n{command}\n}} </dev/null\nprintf '\\036%d\\036' \"$?\"\n");
        let sent = self.stdin.write_all(script.as_bytes());
        let mut out = vec![];
        let mut buf = [0u8; 8192];
        loop {
            if let Some(end) = out.iter().rposition(|&b| b == END)
                && end > 0
                && let Some(start) = out[..end].iter().rposition(|&b| b == END)
            {
                let code = std::str::from_utf8(&out[start + 1..end])
                    .unwrap()
                    .parse()
                    .unwrap();
                out.truncate(start);
                return (String::from_utf8_lossy(&out).into_owned(), code);
            }
            match self.stdout.read(&mut buf) {
                Ok(0) | Err(_) => break,
                Ok(n) => out.extend_from_slice(&buf[..n]),
            }
        }
        // The shell ended (`exit`, `set -e`): its status is the command's.
        let _ = sent;
        let status = self.child.wait().expect("wait for bash");
        (
            String::from_utf8_lossy(&out).into_owned(),
            status.code().unwrap_or(-1),
        )
    }
}

impl Drop for Shell {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A certificate authority the test makes, and certificates it signs.
struct TestCa {
    dir: tempfile::TempDir,
}

impl TestCa {
    fn new() -> TestCa {
        let dir = tempfile::tempdir().unwrap();
        run_checked(
            Command::new("openssl")
                .args([
                    "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                ])
                .args([
                    "-subj",
                    "/CN=readme test CA",
                    "-keyout",
                    "ca.key",
                    "-out",
                    "ca.crt",
                ])
                .current_dir(dir.path()),
            "openssl (test CA)",
        );
        TestCa { dir }
    }

    fn ca(&self) -> PathBuf {
        self.dir.path().join("ca.crt")
    }

    /// A certificate for `host` (files `host.crt`, `host.key`).
    fn issue(&self, host: &str) -> (PathBuf, PathBuf) {
        let (crt, key) = (format!("{host}.crt"), format!("{host}.key"));
        run_checked(
            Command::new("openssl")
                .args([
                    "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                ])
                .args(["-subj", &format!("/CN={host}")])
                .args(["-addext", &format!("subjectAltName=DNS:{host}")])
                .args(["-addext", "basicConstraints=critical,CA:FALSE"])
                .args([
                    "-CA", "ca.crt", "-CAkey", "ca.key", "-keyout", &key, "-out", &crt,
                ])
                .current_dir(self.dir.path()),
            "openssl (certificate)",
        );
        (self.dir.path().join(crt), self.dir.path().join(key))
    }
}

/// `https://api.example.com`: answers 200 `deployed` to a request whose bearer token
/// `svcacct verify -` accepts in `verifier_home`, else 401. Every request is noted.
struct DeployService {
    port: u16,
    seen: Arc<Mutex<Vec<String>>>,
}

impl DeployService {
    fn start(ca: &TestCa, verifier_home: PathBuf) -> DeployService {
        use rustls::pki_types::pem::PemObject;
        let (crt, key) = ca.issue("api.example.com");
        let certs: Vec<_> = rustls::pki_types::CertificateDer::pem_file_iter(&crt)
            .unwrap()
            .map(Result::unwrap)
            .collect();
        let key = rustls::pki_types::PrivateKeyDer::from_pem_file(&key).unwrap();
        let provider = Arc::new(rustls::crypto::aws_lc_rs::default_provider());
        let config = Arc::new(
            rustls::ServerConfig::builder_with_provider(provider)
                .with_safe_default_protocol_versions()
                .unwrap()
                .with_no_client_auth()
                .with_single_cert(certs, key)
                .unwrap(),
        );
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let seen = Arc::new(Mutex::new(vec![]));
        let noted = seen.clone();
        std::thread::spawn(move || {
            for tcp in listener.incoming().flatten() {
                let conn = rustls::ServerConnection::new(config.clone()).unwrap();
                let mut tls = rustls::StreamOwned::new(conn, tcp);
                let line = Self::answer(&mut tls, &verifier_home);
                noted.lock().unwrap().push(line);
            }
        });
        DeployService { port, seen }
    }

    fn answer(
        tls: &mut rustls::StreamOwned<rustls::ServerConnection, std::net::TcpStream>,
        verifier_home: &Path,
    ) -> String {
        let mut head = vec![];
        let mut reader = BufReader::new(&mut *tls);
        loop {
            let mut line = String::new();
            match reader.read_line(&mut line) {
                Ok(0) | Err(_) => return "connection closed before a request".to_owned(),
                Ok(_) if line == "\r\n" => break,
                Ok(_) => head.push(line.trim_end().to_owned()),
            }
        }
        let request = head.first().cloned().unwrap_or_default();
        let bearer = head.iter().find_map(|h| {
            let (name, value) = h.split_once(':')?;
            name.eq_ignore_ascii_case("authorization")
                .then(|| {
                    value
                        .trim()
                        .strip_prefix("Bearer")
                        .map(|t| t.trim().to_owned())
                })
                .flatten()
        });
        let (status, verdict) = match bearer {
            None => ("401 Unauthorized", "no bearer token".to_owned()),
            Some(t) if t.is_empty() => ("401 Unauthorized", "an empty bearer token".to_owned()),
            Some(t) => {
                let mut verify = Command::new(binary())
                    .args(["verify", "-", "--aud", "https://api.example.com"])
                    .env_clear()
                    .env("HOME", verifier_home)
                    .env("TZ", "UTC")
                    .env("LANG", "C")
                    .current_dir(verifier_home)
                    .stdin(Stdio::piped())
                    .stdout(Stdio::null())
                    .stderr(Stdio::null())
                    .spawn()
                    .unwrap();
                verify
                    .stdin
                    .take()
                    .unwrap()
                    .write_all(t.as_bytes())
                    .unwrap();
                if verify.wait().unwrap().success() {
                    ("200 OK", "a valid token".to_owned())
                } else {
                    (
                        "401 Unauthorized",
                        "a token svcacct verify refuses".to_owned(),
                    )
                }
            }
        };
        let body = if status.starts_with("200") {
            "deployed\n"
        } else {
            "unauthorized\n"
        };
        let _ = write!(
            tls,
            "HTTP/1.1 {status}\r\nContent-Type: text/plain\r\nContent-Length: {}\r\n\
             Connection: close\r\n\r\n{body}",
            body.len()
        );
        let _ = tls.flush();
        tls.conn.send_close_notify();
        let _ = tls.flush();
        format!("{request}: {verdict} -> {status}")
    }

    fn seen(&self) -> Vec<String> {
        self.seen.lock().unwrap().clone()
    }
}

/// A `svcacct serve` that a README block started, in the background.
struct Served {
    child: Child,
    port: u16,
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The README's machines, shells and servers.
struct Tutorial {
    homes: BTreeMap<String, tempfile::TempDir>,
    wrappers: tempfile::TempDir,
    real_curl: PathBuf,
    ca: TestCa,
    deploy: Option<DeployService>,
    registry: Option<Served>,
    shell: Option<Shell>,
}

impl Tutorial {
    fn new() -> Tutorial {
        let real_curl = PathBuf::from(
            run_checked(
                Command::new("bash").args(["-c", "command -v curl"]),
                "finding curl",
            )
            .trim(),
        );
        let mut t = Tutorial {
            homes: BTreeMap::new(),
            wrappers: tempfile::tempdir().unwrap(),
            real_curl,
            ca: TestCa::new(),
            deploy: None,
            registry: None,
            shell: None,
        };
        let you = t.home("you");
        t.deploy = Some(DeployService::start(&t.ca, you));
        t.write_curl_wrapper();
        t
    }

    fn home(&mut self, machine: &str) -> PathBuf {
        self.homes
            .entry(machine.to_owned())
            .or_insert_with(|| tempfile::tempdir().unwrap())
            .path()
            .to_owned()
    }

    fn env(&mut self, machine: &str) -> Vec<(String, String)> {
        let bin_dir = binary().parent().unwrap().to_owned();
        let path = format!(
            "{}:{}:{}",
            self.wrappers.path().display(),
            bin_dir.display(),
            std::env::var("PATH").unwrap_or_default()
        );
        let mut env = vec![
            ("HOME".to_owned(), self.home(machine).display().to_string()),
            ("PATH".to_owned(), path),
            ("TZ".to_owned(), "UTC".to_owned()),
            ("LANG".to_owned(), "C".to_owned()),
        ];
        if let Some(r) = &self.registry {
            env.push((
                "SVCACCT_CONNECT_TO".to_owned(),
                format!("registry.example:8420:127.0.0.1:{}", r.port),
            ));
        }
        env
    }

    /// `curl` first on PATH: the real one, reaching the test's servers for the README's hosts.
    fn write_curl_wrapper(&self) {
        use std::os::unix::fs::PermissionsExt;
        let mut args = vec![];
        if let Some(d) = &self.deploy {
            args.push(format!(
                "--connect-to api.example.com:443:127.0.0.1:{}",
                d.port
            ));
            args.push(format!("--cacert '{}'", self.ca.ca().display()));
        }
        if let Some(r) = &self.registry {
            args.push(format!(
                "--connect-to registry.example:8420:127.0.0.1:{}",
                r.port
            ));
        }
        let path = self.wrappers.path().join("curl");
        std::fs::write(
            &path,
            format!(
                "#!/bin/sh\n# README test: the README's hosts are the test's servers.\n\
                 exec '{}' {} \"$@\"\n",
                self.real_curl.display(),
                args.join(" ")
            ),
        )
        .unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    }

    fn run_block(&mut self, block: &Block) {
        let machine = machine_of(block);
        match &block.marker {
            Marker::Skip(_) => return,
            Marker::Copy { files, from, to } => {
                let (src, dst) = (self.home(from), self.home(to));
                for f in files {
                    std::fs::copy(src.join(f), dst.join(f)).unwrap_or_else(|e| {
                        panic!(
                            "README.md:{}: copy {f} from {from} to {to}: {e}",
                            block.line
                        )
                    });
                }
                return;
            }
            Marker::SameShell => {
                let same = self.shell.as_ref().is_some_and(|s| s.machine == machine);
                assert!(
                    same,
                    "README.md:{}: `same shell` continues a block of the same machine",
                    block.line
                );
            }
            Marker::None => {
                self.shell = None;
            }
        }
        for step in steps(block) {
            if is_serve(&step.command) {
                self.serve(&machine, &step);
                continue;
            }
            if self.shell.is_none() {
                let env = self.env(&machine);
                let home = self.home(&machine);
                self.shell = Some(Shell::new(&machine, &home, &env));
            }
            let (output, code) = self.shell.as_mut().unwrap().run(&step.command);
            if std::env::var_os("README_TEST_SHOW").is_some() {
                println!("[{machine}] $ {}\n{output}", step.command);
            }
            let want = expected_exit(&step.command);
            assert_eq!(
                code, want,
                "README.md:{} (on {machine}'s machine): `{}` exited {code}, the README says \
                 {want}; it printed:\n{output}",
                step.line, step.command
            );
            // What a block does not show must not be an error or a warning of svcacct's,
            // unless the command's comment announces one.
            let announced = trailing_comment(step.command.lines().last().unwrap_or_default())
                .is_some_and(|c| c.contains("warn") || c.contains("exit"));
            if step.expected.is_none() && !announced {
                assert!(
                    !output.lines().any(|l| l.starts_with("svcacct: ")),
                    "README.md:{} (on {machine}'s machine): `{}` printed a message the README \
                     does not announce:\n{output}",
                    step.line,
                    step.command
                );
            }
            if let Some(expected) = &step.expected {
                assert!(
                    shows(expected, &output),
                    "README.md:{} (on {machine}'s machine): `{}` printed\n{output}\nwhere the \
                     README shows\n{expected}",
                    step.line,
                    step.command
                );
            }
        }
    }

    /// Starts the README's `svcacct … serve …` in the background on 127.0.0.1:0.
    fn serve(&mut self, machine: &str, step: &Step) {
        assert!(
            self.registry.is_none(),
            "README.md:{}: a second server",
            step.line
        );
        let env = self.env(machine);
        let home = self.home(machine);
        // The shell expands the words (`~`, quotes) as it would for the reader.
        let words = run_checked(
            Command::new("bash")
                .arg("-c")
                .arg(format!("printf '%s\\0' {}", step.command))
                .env_clear()
                .envs(env.iter().map(|(k, v)| (k, v)))
                .current_dir(&home),
            "expanding the serve command",
        );
        let mut argv: Vec<String> = words
            .split('\0')
            .filter(|w| !w.is_empty())
            .map(str::to_owned)
            .collect();
        assert_eq!(argv[0], "svcacct");
        let listen = argv
            .iter()
            .position(|w| w == "--listen")
            .unwrap_or_else(|| panic!("README.md:{}: serve without --listen", step.line));
        argv[listen + 1] = "127.0.0.1:0".to_owned();
        let mut child = Command::new(binary())
            .args(&argv[1..])
            .env_clear()
            .envs(env.iter().map(|(k, v)| (k, v)))
            .current_dir(&home)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
        let first = lines.next().and_then(Result::ok).unwrap_or_default();
        std::thread::spawn(move || lines.for_each(drop));
        let port = first
            .strip_prefix("Listening on https://127.0.0.1:")
            .and_then(|p| p.parse().ok());
        let Some(port) = port else {
            let _ = child.kill();
            panic!(
                "README.md:{}: serve's first line is {first:?}, the README says \
                 `Listening on https://…`",
                step.line
            );
        };
        self.registry = Some(Served { child, port });
        self.write_curl_wrapper();
    }
}

fn is_serve(command: &str) -> bool {
    let words: Vec<&str> = command.split_whitespace().collect();
    words.first() == Some(&"svcacct") && words.contains(&"serve")
}

#[test]
fn the_readme_runs() {
    let mut t = Tutorial::new();
    let all = blocks(README);
    for block in all.iter().filter(|b| runnable(&b.lang)) {
        t.run_block(block);
    }
    let seen = t.deploy.as_ref().unwrap().seen();
    assert!(
        seen.iter().all(|s| s.ends_with("200 OK")),
        "the deploy service refused a README request: {seen:#?}"
    );
}

// ---------------------------------------------------------------------------------------------
// The harness itself

#[test]
fn every_block_is_run_or_says_why_not() {
    let all = blocks(README);
    for b in &all {
        if !runnable(&b.lang) {
            assert!(
                matches!(b.lang.as_str(), "toml" | "json" | "yaml"),
                "README.md:{}: a block of `{}`: mark it sh, bash or console (run), or toml, json or yaml (shown)",
                b.line,
                b.lang
            );
        }
    }
    assert!(all.iter().filter(|b| runnable(&b.lang)).count() > 5);
}

#[test]
fn the_harness_reads_markdown_as_documented() {
    let md = "text\n<!-- readme-test: skip: needs a real cloud -->\n```sh\nfoo\n```\n\
              ```console\n$ svcacct get \\\n>   -o name   # none, exit 1\nsome [..] text\n...\nend\n```\n\
              <!-- readme-test: copy a.pub b.crt from admin to server -->\n```sh\n\
              # On the admin's machine\nscp a.pub b.crt server:\n```\n";
    let b = blocks(md);
    assert_eq!(b.len(), 3);
    assert_eq!(
        blocks("<!-- readme-test: same shell -->\n```sh\nx\n```\n")[0].marker,
        Marker::SameShell
    );
    assert_eq!(b[0].marker, Marker::Skip("needs a real cloud".into()));
    let s = steps(&b[1]);
    assert_eq!(s.len(), 1);
    assert_eq!(s[0].command, "svcacct get \\\n  -o name   # none, exit 1");
    assert_eq!(expected_exit(&s[0].command), 1);
    assert_eq!(s[0].expected.as_deref(), Some("some [..] text\n...\nend\n"));
    assert!(shows(
        "some [..] text\n...\nend\n",
        "some odd text\na\nb\nend\n"
    ));
    assert!(shows("some [..] text\n...\nend\n", "some  text\nend"));
    assert!(!shows("some [..] text\nend\n", "some text\nend\n"));
    assert!(!shows("a\n", "a\nb\n"));
    assert_eq!(
        b[2].marker,
        Marker::Copy {
            files: vec!["a.pub".into(), "b.crt".into()],
            from: "admin".into(),
            to: "server".into()
        }
    );
    assert_eq!(machine_of(&b[2]), "admin");
    assert_eq!(machine_of(&b[0]), "you");
    assert_eq!(expected_exit("svcacct can-i x y --as z   # yes, exit 0"), 0);
    assert_eq!(expected_exit("echo '# exit 4'"), 0);
}

// ---------------------------------------------------------------------------------------------
// The README's tables against the CLI

/// The rows of the table under `## Commands`: the `…` synopses of each row's first cell.
fn command_synopses(md: &str) -> Vec<String> {
    let start = md.find("\n## Commands\n").expect("a ## Commands section");
    let section = &md[start + 1..];
    let end = section[3..].find("\n## ").map_or(section.len(), |e| e + 3);
    let mut out = vec![];
    // The first table of the section: its rows are the lines from the first `|` to a blank.
    let table = section[..end]
        .lines()
        .skip_while(|l| !l.starts_with('|'))
        .take_while(|l| l.starts_with('|'));
    for line in table {
        let Some(row) = line.strip_prefix("| `") else {
            continue;
        };
        // The first cell ends at the first `|` not escaped as `\|`.
        let cell: String = {
            let mut cell = String::from("`");
            let mut prev = ' ';
            for c in row.chars() {
                if c == '|' && prev != '\\' {
                    break;
                }
                cell.push(c);
                prev = c;
            }
            cell.replace("\\|", "|")
        };
        out.extend(
            cell.split('`')
                .skip(1)
                .step_by(2)
                .map(str::to_owned)
                .filter(|s| !s.is_empty()),
        );
    }
    out
}

/// A synopsis's subcommand path (as clap knows it) and the flags it names.
fn synopsis_parts(root: &clap::Command, synopsis: &str) -> (Vec<String>, Vec<String>) {
    let mut path = vec![];
    let mut cmd = root;
    let mut words = synopsis.split_whitespace().peekable();
    while let Some(w) = words.peek() {
        match cmd.find_subcommand(w) {
            Some(sub) => {
                path.push(w.to_string());
                cmd = sub;
                words.next();
            }
            None => break,
        }
    }
    let rest: Vec<&str> = words.collect();
    let mut flags = vec![];
    for token in rest.join(" ").split(|c: char| " []()|…,".contains(c)) {
        let flag: String = token
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
            .collect();
        if flag.starts_with("--") && flag.len() > 2 || flag.starts_with('-') && flag.len() == 2 {
            flags.push(flag);
        }
    }
    (path, flags)
}

fn leaves(cmd: &clap::Command, path: Vec<String>, out: &mut Vec<(Vec<String>, clap::Command)>) {
    let subs: Vec<_> = cmd
        .get_subcommands()
        .filter(|s| s.get_name() != "help")
        .collect();
    if subs.is_empty() {
        out.push((path, cmd.clone()));
        return;
    }
    for s in subs {
        let mut p = path.clone();
        p.push(s.get_name().to_owned());
        leaves(s, p, out);
    }
}

/// The flags (`--long`, `-s`) of a command's own options: not the global ones, not `--help`,
/// and not `-o/--output FORMAT`, which the sentence under the table covers.
fn own_flags(cmd: &clap::Command) -> Vec<String> {
    let mut flags = vec![];
    for a in cmd.get_arguments() {
        if a.is_global_set() || a.is_hide_set() || a.is_positional() {
            continue;
        }
        let id = a.get_id().as_str();
        if id == "help"
            || id == "version"
            || a.get_long() == Some("output") && a.get_short() == Some('o')
            // The options of every command that prints records, said once under the table.
            || matches!(a.get_long(), Some("no-headers" | "sort-by"))
        {
            continue;
        }
        if let Some(l) = a.get_long() {
            flags.push(format!("--{l}"));
        }
        if let Some(s) = a.get_short() {
            flags.push(format!("-{s}"));
        }
    }
    flags.sort();
    flags
}

fn global_flags(root: &clap::Command) -> Vec<String> {
    let mut flags = vec![];
    for a in root.get_arguments().filter(|a| a.is_global_set()) {
        if let Some(l) = a.get_long() {
            flags.push(format!("--{l}"));
        }
        if let Some(s) = a.get_short() {
            flags.push(format!("-{s}"));
        }
    }
    flags
}

/// What the README's command table gets wrong about the CLI (subcommands and flags).
fn table_disagreements(md: &str) -> Vec<String> {
    let root = svcacct::cli::eager_command();
    let mut root = root.clone();
    root.build();
    let globals = global_flags(&root);
    let mut named: BTreeMap<Vec<String>, Vec<String>> = BTreeMap::new();
    let mut wrong = vec![];
    for s in command_synopses(md) {
        let (path, flags) = synopsis_parts(&root, &s);
        if path.is_empty() {
            wrong.push(format!("`{s}`: no such command"));
            continue;
        }
        named.entry(path).or_default().extend(flags);
    }
    let mut all = vec![];
    leaves(&root, vec![], &mut all);
    for (path, cmd) in &all {
        let shown = path.join(" ");
        let Some(flags) = named.get(path) else {
            wrong.push(format!("`{shown}` is missing from the table"));
            continue;
        };
        let own = own_flags(cmd);
        for f in &own {
            if !flags.contains(f) {
                wrong.push(format!("`{shown}`: the table omits {f}"));
            }
        }
        let mut extra: Vec<&String> = flags
            .iter()
            .filter(|f| !own.contains(f) && !globals.contains(f) && f.as_str() != "-o")
            .collect();
        extra.dedup();
        for f in extra {
            wrong.push(format!(
                "`{shown}`: the table names {f}, which it does not take"
            ));
        }
    }
    for path in named.keys() {
        if !all.iter().any(|(p, _)| p == path) {
            wrong.push(format!("`{}` is not a command that runs", path.join(" ")));
        }
    }
    wrong
}

#[test]
fn the_command_table_is_the_cli() {
    let wrong = table_disagreements(README);
    assert!(
        wrong.is_empty(),
        "README.md's command table and the CLI disagree:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn the_table_check_finds_an_omission() {
    let md = README.replace("`key remove NAME KID [--force]`", "`key remove NAME KID`");
    assert_eq!(
        table_disagreements(&md),
        vec!["`key remove`: the table omits --force".to_owned()]
    );
}

/// `serve --help`'s example is the README's bootstrap on the server's machine, command for
/// command.
#[test]
fn serve_help_example_is_the_readme_bootstrap() {
    let mut root = svcacct::cli::eager_command();
    let help = root
        .find_subcommand_mut("serve")
        .unwrap()
        .render_long_help()
        .to_string();
    let example = help
        .split("Examples:\n")
        .nth(1)
        .and_then(|e| e.split("\n\n").next())
        .expect("serve --help has examples");
    let joined = |s: &str| -> Vec<String> {
        s.replace("\\\n", " ")
            .lines()
            .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(|l| match l.find("  #") {
                Some(at) => l[..at].trim_end().to_owned(),
                None => l,
            })
            .collect()
    };
    let from_help = joined(example);
    let bootstrap = blocks(README)
        .into_iter()
        .find(|b| machine_of(b) == "server" && b.body.iter().any(|l| is_serve(l)))
        .expect("a block on the server's machine that starts the server");
    let from_readme: Vec<String> = steps(&bootstrap)
        .iter()
        .map(|s| {
            let c = s.command.replace("\\\n", " ");
            let c = match trailing_comment(&c) {
                Some(comment) => c[..c.len() - comment.len() - 1].to_owned(),
                None => c,
            };
            c.split_whitespace().collect::<Vec<_>>().join(" ")
        })
        .collect();
    assert_eq!(from_help, from_readme, "serve --help:\n{example}");
}

/// The README's CI job fails, and sends nothing, when minting fails (here: its key file is
/// missing): never `Authorization: Bearer ` with an empty token and exit 0.
#[test]
fn the_ci_job_fails_loudly_when_minting_fails() {
    let mut t = Tutorial::new();
    let job = blocks(README)
        .into_iter()
        .find(|b| runnable(&b.lang) && b.body.iter().any(|l| l.contains("api.example.com/deploy")))
        .expect("the README's CI job");
    let env = t.env("you");
    let home = t.home("you");
    let mut shell = Shell::new("you", &home, &env);
    let mut failed = None;
    for step in steps(&job) {
        let (output, code) = shell.run(&step.command);
        if code != 0 {
            failed = Some((step.command, code, output));
            break;
        }
    }
    let seen = t.deploy.as_ref().unwrap().seen();
    assert!(
        seen.is_empty(),
        "the job sent requests without a token: {seen:?}"
    );
    let (command, code, output) = failed.expect("the job succeeded without its key");
    assert!(
        command.contains("svcacct token") && output.contains("svcacct: "),
        "`{command}` exited {code}:\n{output}"
    );
}
