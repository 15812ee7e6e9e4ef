//! Files that hold secrets or records: created with their mode at open time, replaced atomically.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write};
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};

use crate::error::UserError;
use crate::output::shown_path;

/// Largest key or token file we read (a 4096-bit key is about 3 KiB).
pub const MAX_INPUT: u64 = 1 << 20;

/// `O_NOFOLLOW`, for `OpenOptionsExt::custom_flags`: opening a symbolic link fails (`ELOOP`).
pub const O_NOFOLLOW: i32 = rustix::fs::OFlags::NOFOLLOW.bits() as i32;

/// True when `path` itself is a symbolic link (not followed).
pub fn is_symlink(path: &Path) -> bool {
    fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
}

/// The refusal to write through the symbolic link `path`, which svcacct did not make (it makes
/// its own files and folders, and never links): `what` names it, `advice` says what to do.
pub fn foreign_link(what: &str, path: &Path, advice: &str) -> UserError {
    UserError::Failure(format!(
        "{what} {} is a symbolic link, which svcacct did not make: {advice}",
        path.display()
    ))
}

/// The file `path` leads to: itself, or when it is a symbolic link (a dotfiles setup), its
/// target, link after link (a relative target is taken from the link's folder). The target
/// need not exist.
pub fn link_target(path: &Path) -> Result<PathBuf> {
    let mut p = path.to_path_buf();
    // As the kernel's limit on links in a path.
    for _ in 0..40 {
        match fs::symlink_metadata(&p) {
            Ok(m) if m.file_type().is_symlink() => {
                let target = fs::read_link(&p)
                    .with_context(|| format!("cannot read the link {}", p.display()))?;
                p = match p.parent() {
                    Some(dir) if target.is_relative() => dir.join(target),
                    _ => target,
                };
            }
            _ => return Ok(p),
        }
    }
    Err(UserError::Failure(format!(
        "{} is a chain of more than 40 symbolic links (a loop?)",
        path.display()
    ))
    .into())
}

/// Creates `dir` and its missing parents with mode 0700.
pub fn create_private_dir(dir: &Path) -> Result<()> {
    fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)
        .with_context(|| format!("cannot create folder {}", shown_path(dir)))
}

/// Writes `bytes` to `path` with `mode` set when the file is created.
///
/// Without `force` an existing file is refused. With `force` the bytes go to a new temporary
/// file that is renamed over the old one, so the old file's mode never carries over.
pub fn write_new(path: &Path, bytes: &[u8], mode: u32, force: bool) -> Result<()> {
    if !force && fs::symlink_metadata(path).is_ok() {
        return Err(UserError::Failure(format!(
            "{} already exists; pass --force to overwrite it",
            shown_path(path)
        ))
        .into());
    }
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let target = if force {
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        dir.join(format!(".{}.tmp-{}", name, std::process::id()))
    } else {
        path.to_path_buf()
    };
    let mut f = OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(mode)
        .open(&target)
        .with_context(|| format!("cannot create {}", shown_path(&target)))?;
    f.write_all(bytes)
        .and_then(|()| f.sync_all())
        .with_context(|| format!("cannot write {}", shown_path(&target)))?;
    if force {
        fs::rename(&target, path)
            .with_context(|| format!("cannot replace {}", shown_path(path)))?;
    }
    Ok(())
}

/// Reads a small input file (key, token, passphrase), refusing anything over `MAX_INPUT`.
///
/// The buffer is sized from the file's length: one read instead of a doubling buffer, whose
/// reallocations would leave unzeroed pieces of a private key on the heap.
pub fn read_small(path: &Path) -> Result<Vec<u8>> {
    read_small_as(path, &shown_path(path))
}

/// [`read_small`], with `what` in messages instead of the path: for the file of a secret
/// (`--secret-file`, `--passphrase-file`), whose name may be the secret itself, typed where
/// the name belongs. `what` names where the path came from ("the file named by
/// --secret-file"), never the path.
pub fn read_small_as(path: &Path, what: &str) -> Result<Vec<u8>> {
    let f = File::open(path).with_context(|| format!("cannot read {what}"))?;
    let len = f.metadata().map_or(0, |m| m.len().min(MAX_INPUT + 1));
    // One byte more than the length, so that the read that finds the end needs no growth.
    let buf = Vec::with_capacity(usize::try_from(len).unwrap_or(0) + 1);
    read_limited_into(f, buf, what)
}

/// Reads at most `MAX_INPUT` bytes from `r`.
pub fn read_limited(r: impl Read, what: &str) -> Result<Vec<u8>> {
    read_limited_into(r, Vec::new(), what)
}

fn read_limited_into(r: impl Read, mut buf: Vec<u8>, what: &str) -> Result<Vec<u8>> {
    r.take(MAX_INPUT + 1)
        .read_to_end(&mut buf)
        .with_context(|| format!("cannot read {what}"))?;
    if buf.len() as u64 > MAX_INPUT {
        return Err(UserError::Failure(format!(
            "{what} is larger than {} KiB; that is not a key or a token",
            MAX_INPUT / 1024
        ))
        .into());
    }
    Ok(buf)
}

/// True when `err` (or its cause) is a broken pipe, which is not an error for a CLI.
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|c| {
        c.downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    #[test]
    fn modes_and_force() {
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join("k");
        write_new(&p, b"one", 0o600, false).unwrap();
        assert_eq!(
            fs::metadata(&p).unwrap().permissions().mode() & 0o777,
            0o600
        );
        assert!(write_new(&p, b"two", 0o600, false).is_err());
        assert_eq!(fs::read(&p).unwrap(), b"one");
        fs::set_permissions(&p, fs::Permissions::from_mode(0o644)).unwrap();
        write_new(&p, b"two", 0o600, true).unwrap();
        assert_eq!(fs::read(&p).unwrap(), b"two");
        assert_eq!(
            fs::metadata(&p).unwrap().permissions().mode() & 0o777,
            0o600
        );
    }
}
