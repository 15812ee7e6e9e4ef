//! `svcacct keygen`: RSA key pairs, and the public half of an existing private key.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Result;

use crate::cli::KeygenArgs;
use crate::context::Context;
use crate::error::{Exit, UserError};
use crate::fsutil::write_new;
use crate::keys::PrivateKey;

pub fn run(ctx: &Context, args: &KeygenArgs, out: &mut dyn Write) -> Result<Exit> {
    if let Some(format) = args.out.as_deref().and_then(output_format) {
        let format = crate::output::sanitize(format);
        return Err(UserError::Usage(format!(
            "keygen's -o is --out, the file the private key is written to, not an output \
             format: `-o {format}` would write the key to a file named {format}. Pass --out \
             FILE (a file of that name: --out ./{format})"
        ))
        .into());
    }
    if let Some(src) = &args.public_from {
        if args.public_out.as_ref() == Some(src) {
            return Err(UserError::Usage(
                "--public-out names the private key file itself: write the public key elsewhere"
                    .into(),
            )
            .into());
        }
        let key = super::read_private_key_file(ctx, src)?;
        let pem = key.public_key().to_pem();
        match &args.public_out {
            Some(path) => {
                write_new(path, pem.as_bytes(), 0o644, args.force)?;
                crate::errln!("Wrote public key: {}", crate::output::shown_path(path));
            }
            None => out.write_all(pem.as_bytes())?,
        }
        return Ok(Exit::Success);
    }

    if args.out.is_none() && ctx.stdout_is_terminal {
        return Err(UserError::Usage(
            "refusing to print a private key to a terminal: pass -o FILE, or redirect stdout"
                .into(),
        )
        .into());
    }
    // Check the targets before spending time on key generation.
    let public_out: Option<PathBuf> = args.public_out.clone().or_else(|| {
        args.out.as_ref().map(|p| {
            let mut s = p.clone().into_os_string();
            s.push(".pub");
            PathBuf::from(s)
        })
    });
    if args.out.is_some() && args.out == public_out {
        return Err(UserError::Usage(
            "--public-out names the same file as -o: the public key would replace the private key"
                .into(),
        )
        .into());
    }
    for path in args.out.iter().chain(public_out.iter()) {
        if !args.force && std::fs::symlink_metadata(path).is_ok() {
            return Err(UserError::Failure(format!(
                "{} already exists; pass --force to overwrite it",
                crate::output::shown_path(path)
            ))
            .into());
        }
    }
    let passphrase = if args.encrypt {
        let what = args
            .out
            .as_ref()
            .map_or("the new key".to_owned(), |p| crate::output::shown_path(p));
        Some(ctx.passphrase(&what, true)?)
    } else {
        None
    };

    let key = PrivateKey::generate_first_of_two(args.bits)?;
    let private_pem = match &passphrase {
        Some(p) => key.to_encrypted_pem(p)?,
        None => key.to_pkcs8_pem(),
    };
    let public = key.public_key();
    match &args.out {
        Some(path) => {
            write_new(path, private_pem.as_bytes(), 0o600, args.force)?;
            crate::errln!("Wrote private key: {}", crate::output::shown_path(path));
        }
        None => out.write_all(private_pem.as_bytes())?,
    }
    if let Some(path) = &public_out {
        write_new(path, public.to_pem().as_bytes(), 0o644, args.force)?;
        crate::errln!("Wrote public key:  {}", crate::output::shown_path(path));
    }
    // The facts go to stderr when stdout carries the key itself.
    let facts = format!(
        "Fingerprint: {}\nKey ID:      {}\nBits:        {}\n",
        public.fingerprint(),
        public.kid(),
        public.bits()
    );
    if args.out.is_some() {
        out.write_all(facts.as_bytes())?;
    } else {
        crate::errprint!("{facts}");
    }
    Ok(Exit::Success)
}

/// `-o`'s value when it is one of kubectl's output formats (`json`, `jsonpath=…`, …) rather than
/// a file: keygen's `-o` is `--out`, so a kubectl user's `keygen -o json` would write the
/// private key to `./json`. Refused whether
/// it came as `-o` or `--out` (clap does not tell them apart); `./json` names such a file.
fn output_format(path: &std::path::Path) -> Option<&str> {
    let s = path.to_str()?;
    let format = matches!(s, "table" | "wide" | "json" | "yaml" | "name")
        || ["jsonpath", "custom-columns", "go-template"]
            .iter()
            .any(|f| s.starts_with(f));
    format.then_some(s)
}
