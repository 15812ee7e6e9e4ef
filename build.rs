//! Build-time facts for `svcacct version` and `GET /version` (`src/api.rs` `VersionInfo`): the
//! git commit (`unknown` outside a git checkout) and the version of aws-lc-rs, the crypto
//! engine, as Cargo.lock pins it.

use std::process::Command;

fn git(args: &[&str]) -> Option<String> {
    let out = Command::new("git").args(args).output().ok()?;
    if !out.status.success() {
        return None;
    }
    let text = String::from_utf8(out.stdout).ok()?.trim().to_owned();
    (!text.is_empty()).then_some(text)
}

fn main() {
    let commit = git(&["rev-parse", "--short=12", "HEAD"]).unwrap_or_else(|| "unknown".into());
    println!("cargo:rustc-env=SVCACCT_GIT_COMMIT={commit}");
    // Built again when HEAD moves: its file, and the branch it names (loose or packed). Only
    // files that exist: Cargo runs a build script whose watched file is missing every time.
    let mut watched = vec![];
    if let Some(dir) = git(&["rev-parse", "--path-format=absolute", "--git-dir"]) {
        watched.push(format!("{dir}/HEAD"));
    }
    if let Some(common) = git(&["rev-parse", "--path-format=absolute", "--git-common-dir"]) {
        watched.push(format!("{common}/packed-refs"));
        if let Some(branch) = git(&["symbolic-ref", "-q", "HEAD"]) {
            watched.push(format!("{common}/{branch}"));
        }
    }
    for path in watched {
        if std::path::Path::new(&path).exists() {
            println!("cargo:rerun-if-changed={path}");
        }
    }

    let lock = std::fs::read_to_string("Cargo.lock").unwrap_or_default();
    let mut lines = lock.lines();
    let mut aws_lc_rs = "unknown".to_owned();
    while let Some(line) = lines.next() {
        if line == "name = \"aws-lc-rs\""
            && let Some(v) = lines.next().and_then(|l| l.strip_prefix("version = \""))
        {
            aws_lc_rs = v.trim_end_matches('"').to_owned();
            break;
        }
    }
    println!("cargo:rustc-env=SVCACCT_AWS_LC_RS_VERSION={aws_lc_rs}");
    println!("cargo:rerun-if-changed=Cargo.lock");
    println!("cargo:rerun-if-changed=build.rs");
}
