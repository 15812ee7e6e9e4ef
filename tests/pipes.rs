//! A closed pipe, on stdout or on stderr, is not an error (README "Exit codes"): the command
//! exits 0 (or with its own code), never 101 from a panic.

mod common;

use common::Env;

/// Runs `svcacct ARGS… 2>&1 | head -N` in bash and returns svcacct's exit code.
fn exit_code_into_head(env: &Env, args: &str, lines: u32) -> i32 {
    let bin = assert_cmd::cargo::cargo_bin("svcacct");
    let script = format!(
        "'{}' {args} 2>&1 | head -{lines} >/dev/null; exit ${{PIPESTATUS[0]}}",
        bin.display()
    );
    let out = std::process::Command::new("bash")
        .arg("-c")
        .arg(&script)
        .env_clear()
        .env("HOME", env.home.path())
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .current_dir(env.home.path())
        .output()
        .expect("bash runs");
    out.status.code().expect("an exit code, not a signal")
}

#[test]
fn a_closed_stderr_is_not_an_error() {
    let env = Env::new();
    // keygen writes its first line to stderr, then more once `head` has gone.
    assert_eq!(exit_code_into_head(&env, "keygen -o k.key", 1), 0);
    assert!(env.path("k.key").exists());
    // create writes nothing to stdout and its notes to stderr, which is closed at once.
    assert_eq!(exit_code_into_head(&env, "create x", 0), 0);
    env.ok(["get", "x"]);
    // A failing command keeps its own exit code when its error cannot be shown.
    assert_eq!(exit_code_into_head(&env, "get nobody", 0), 3);
}
