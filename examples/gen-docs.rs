//! Regenerates `completions/` and `man/` from the clap definitions:
//! `cargo run --example gen-docs`.

fn main() -> std::io::Result<()> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    for dir in ["completions", "man"] {
        let _ = std::fs::remove_dir_all(root.join(dir));
        std::fs::create_dir_all(root.join(dir))?;
    }
    for (path, bytes) in svcacct::docs::generated_files()? {
        std::fs::write(root.join(&path), bytes)?;
        println!("wrote {}", path.display());
    }
    Ok(())
}
