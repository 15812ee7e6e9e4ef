//! What `svcacct serve` tells whoever runs it: `/healthz` (alive), `/readyz` (the store
//! answers) and `GET /metrics`.

mod common;

use std::process::Command;

use common::Env;

fn curl(args: &[&str]) -> (u16, String) {
    let out = Command::new("curl")
        .args(["-sS", "--max-time", "20", "-w", "\n%{http_code}"])
        .args(args)
        .output()
        .expect("curl is installed");
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let (body, status) = text.rsplit_once('\n').unwrap_or(("", &text));
    (status.trim().parse().unwrap_or(0), body.to_owned())
}

const OK: &str = "{\"status\":\"ok\"}";

/// `/readyz` follows the store folder: 503 with a problem while it is gone or is no folder
/// (the reason, which names the folder, only in the log), 200 again once it is back, with no
/// restart; `/healthz` says 200 all along.
#[test]
fn readyz_follows_the_store_folder() {
    let env = Env::new();
    let store = env.path("store");
    env.bootstrap(&store);
    let s = env.serve(&store, &[]);
    assert_eq!(curl(&[&s.at("/readyz")]), (200, OK.into()));

    let away = env.path("away");
    std::fs::rename(&store, &away).unwrap();
    let (status, body) = curl(&[&s.at("/readyz")]);
    assert_eq!(status, 503, "{body}");
    let problem: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(problem["code"], "unavailable");
    assert_eq!(
        problem["detail"],
        "not ready: the store does not answer (the reason is in the server's log)"
    );
    assert!(!body.contains(store.to_str().unwrap()), "{body}");
    assert_eq!(curl(&[&s.at("/healthz")]), (200, OK.into()));
    assert!(
        s.log().contains(&format!(
            "svcacct: not ready: the store folder {} is gone\n",
            store.display()
        )),
        "{}",
        s.log()
    );

    std::fs::write(&store, "").unwrap();
    assert_eq!(curl(&[&s.at("/readyz")]).0, 503);
    assert!(
        s.log().contains(&format!(
            "svcacct: not ready: cannot read the store folder {}: Not a directory",
            store.display()
        )),
        "{}",
        s.log()
    );

    std::fs::remove_file(&store).unwrap();
    std::fs::rename(&away, &store).unwrap();
    assert_eq!(curl(&[&s.at("/readyz")]), (200, OK.into()));
}
