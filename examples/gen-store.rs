//! Writes a file store of many accounts fast, for `bench/scale` and `bench/serve`:
//!
//! ```text
//! cargo run --release --example gen-store -- STORE ACCOUNTS POLICIES KEY_OUT
//! ```
//!
//! STORE must not exist yet. It gets ACCOUNTS accounts `sa-000000`, `sa-000001`, … in the
//! `default` namespace, all registered with one fresh 2048-bit key whose private half is
//! written to KEY_OUT (PKCS#8 PEM, mode 0600), and POLICIES global policies: the last one lets
//! `sa-000000` get and list service accounts, the others name other subjects, so a policy
//! check walks all of them.
//!
//! The records are the model's TOML written straight into the store's layout (see
//! src/store/file.rs) with the same modes, without the per-record lock and fsync that
//! `FileStore::create_account` pays: 100,000 accounts take seconds, not minutes.

use std::fs::{self, DirBuilder, OpenOptions};
use std::io::Write;
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use jiff::Timestamp;

use svcacct::identity::{Name, Namespace, Reference};
use svcacct::keys::PrivateKey;
use svcacct::model::{Account, KeyRecord, Policy, new_uid};

fn write_new(path: &Path, text: &[u8]) -> Result<()> {
    let mut f = OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
        .with_context(|| format!("cannot create {}", path.display()))?;
    f.write_all(text)?;
    Ok(())
}

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [root, accounts, policies, key_out] = &args[..] else {
        bail!("usage: gen-store STORE ACCOUNTS POLICIES KEY_OUT");
    };
    let root = PathBuf::from(root);
    let accounts: usize = accounts.parse().context("ACCOUNTS is a number")?;
    let policies: usize = policies.parse().context("POLICIES is a number")?;
    if root.exists() {
        bail!("{} exists already", root.display());
    }
    let key = PrivateKey::generate(2048)?;
    write_new(Path::new(key_out), key.to_pkcs8_pem().as_bytes())?;

    let now = Timestamp::now();
    let record = KeyRecord::new(key.public_key(), Default::default(), now);
    let ns = Namespace::default_ns();
    let mut dirs = DirBuilder::new();
    dirs.mode(0o700).recursive(true);
    let account_dir = root.join("accounts").join(ns.dir_name());
    let policy_dir = root.join("policies").join("_global");
    dirs.create(&account_dir)?;
    dirs.create(&policy_dir)?;
    write_new(&root.join(".lock"), b"")?;

    for i in 0..accounts {
        let name = Name::parse(&format!("sa-{i:06}"))?;
        // Written straight into the layout: revision 1, as a store's create would set.
        let account = Account {
            revision: 1,
            description: format!("generated account {i}"),
            groups: vec![format!("team-{}", i % 50)],
            keys: vec![record.clone()],
            ..Account::new(Reference::new(ns.clone(), name.clone()), now)
        };
        let text = toml::to_string(&account)?;
        write_new(&account_dir.join(format!("{name}.toml")), text.as_bytes())?;
    }
    for i in 0..policies {
        let last = i + 1 == policies;
        let name = Name::parse(&format!("p-{i:06}"))?;
        let policy = Policy {
            name: name.clone(),
            namespace: None,
            uid: new_uid(),
            revision: 1,
            description: String::new(),
            labels: Default::default(),
            subjects: if last {
                vec!["sa-000000".into()]
            } else {
                vec![format!("other-{i}"), format!("group:nobody-{i}")]
            },
            actions: vec!["get".into(), "list".into()],
            resources: vec!["serviceaccount".into()],
            created: now,
            updated: now,
        };
        let text = toml::to_string(&policy)?;
        write_new(&policy_dir.join(format!("{name}.toml")), text.as_bytes())?;
    }
    fs::File::open(&account_dir)?.sync_all()?;
    fs::File::open(&policy_dir)?.sync_all()?;
    Ok(())
}
