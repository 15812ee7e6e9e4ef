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
