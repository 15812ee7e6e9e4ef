//! The checked-in completions and man pages must match what the CLI generates now.
//! Regenerate with `cargo run --example gen-docs`.

#[test]
fn completions_and_man_pages_are_fresh() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut stale = vec![];
    let files = svcacct::docs::generated_files().unwrap();
    for (path, bytes) in &files {
        match std::fs::read(root.join(path)) {
            Ok(on_disk) if &on_disk == bytes => {}
            _ => stale.push(path.display().to_string()),
        }
    }
    // No leftovers from commands that no longer exist.
    for dir in ["completions", "man"] {
        for e in std::fs::read_dir(root.join(dir)).unwrap().flatten() {
            let rel = std::path::Path::new(dir).join(e.file_name());
            if !files.iter().any(|(p, _)| *p == rel) {
                stale.push(format!("{} (no longer generated)", rel.display()));
            }
        }
    }
    assert!(
        stale.is_empty(),
        "stale generated files, run `cargo run --example gen-docs`: {stale:?}"
    );
    assert!(files.iter().any(|(p, _)| p.ends_with("svcacct-key-add.1")));
}
