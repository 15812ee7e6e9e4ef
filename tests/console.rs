//! The web console in a real browser: headless Chromium driven through chromedriver
//! (WebDriver, with fantoccini) against a `svcacct serve` started here, and curl against the
//! API for what the console's tokens can do. Screenshots of the accounts list, the
//! token-shown-once dialog and an account's page go to `target/console-screenshots/`.
//!
//! Needs Debian's `chromium` and `chromium-driver`: without them this test fails when `CI` is
//! set (`.ci/run` installs them), and otherwise skips, saying so.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use common::{Env, curl};
use fantoccini::{Client, ClientBuilder, Locator};

/// `NAME` on the PATH.
fn which(name: &str) -> Option<PathBuf> {
    std::env::var_os("PATH").and_then(|p| {
        std::env::split_paths(&p)
            .map(|d| d.join(name))
            .find(|f| f.is_file())
    })
}

/// A `chromedriver` child on a free loopback port, killed when dropped.
struct Driver {
    child: Child,
    url: String,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start_driver(chromedriver: &Path) -> Driver {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let child = Command::new(chromedriver)
        .arg(format!("--port={port}"))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start chromedriver");
    let driver = Driver {
        child,
        url: format!("http://127.0.0.1:{port}"),
    };
    for _ in 0..300 {
        if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return driver;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    panic!("chromedriver did not listen on port {port}");
}

async fn browser(driver: &Driver, chromium: &Path) -> Client {
    let mut caps = serde_json::Map::new();
    caps.insert(
        "goog:chromeOptions".into(),
        serde_json::json!({
            "binary": chromium,
            // Root in a container has no sandbox; no GPU, and /dev/shm may be small.
            "args": ["--headless=new", "--no-sandbox", "--disable-gpu",
                     "--disable-dev-shm-usage", "--window-size=1280,900"],
        }),
    );
    let connector = hyper_util::client::legacy::connect::HttpConnector::new();
    ClientBuilder::new(connector)
        .capabilities(caps)
        .connect(&driver.url)
        .await
        .expect("a WebDriver session with headless Chromium")
}

fn shots() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/console-screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

async fn shot(c: &Client, name: &str) {
    let png = c.screenshot().await.expect("a screenshot");
    std::fs::write(shots().join(name), png).unwrap();
}

async fn fill(c: &Client, css: &str, text: &str) {
    let e = c.find(Locator::Css(css)).await.unwrap();
    e.clear().await.unwrap();
    e.send_keys(text).await.unwrap();
}

async fn press(c: &Client, label: &str) {
    c.find(Locator::XPath(&format!(
        "//main//button[normalize-space(.)='{label}']"
    )))
    .await
    .unwrap_or_else(|e| panic!("no button `{label}`: {e}"))
    .click()
    .await
    .unwrap();
}

async fn text(c: &Client, css: &str) -> String {
    c.wait()
        .for_element(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("no `{css}`: {e}"))
        .text()
        .await
        .unwrap()
}

async fn sign_in(c: &Client, base: &str, token: &str) {
    c.goto(&format!("{base}/ui/")).await.unwrap();
    fill(c, "#token", token).await;
    press(c, "Sign in").await;
}

/// `GET /v1/whoami` with `token`: the status.
fn whoami(base: &str, token: &str) -> u16 {
    curl(&[
        "-H",
        &format!("Authorization: Bearer {token}"),
        &format!("{base}/v1/whoami"),
    ])
    .0
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_console_in_a_browser() {
    let (Some(chromium), Some(chromedriver)) = (which("chromium"), which("chromedriver")) else {
        assert!(
            std::env::var_os("CI").is_none(),
            "the console's browser test needs Chromium and chromedriver \
             (apt-get install chromium chromium-driver)"
        );
        eprintln!(
            "SKIPPED the_console_in_a_browser: chromium or chromedriver is not installed \
             (apt-get install chromium chromium-driver)"
        );
        return;
    };
    let env = Env::new();
    let store = env.path("store");
    env.bootstrap(&store);
    let s = store.to_str().unwrap();
    env.ok([
        "--store",
        s,
        "tokens",
        "create",
        "admin",
        "web",
        "--out",
        "admin.token",
    ]);
    let reader_key = env.distinct_public_keys("r", 2);
    env.ok([
        "--store",
        s,
        "create",
        "reader",
        "--public-key",
        &reader_key[0],
    ]);
    env.ok([
        "--store",
        s,
        "policy",
        "create",
        "read",
        "--subject",
        "reader",
        "--action",
        "get",
        "--action",
        "list",
        "--resource",
        "*",
    ]);
    env.ok([
        "--store",
        s,
        "tokens",
        "create",
        "reader",
        "web",
        "--out",
        "reader.token",
    ]);
    let read = |f: &str| {
        std::fs::read_to_string(env.path(f))
            .unwrap()
            .trim()
            .to_owned()
    };
    let (admin, reader) = (read("admin.token"), read("reader.token"));
    let server = env.serve(&store, &[]);
    let base = server.url.clone();
    let driver = start_driver(&chromedriver);
    let browser = browser(&driver, &chromium).await;
    // The scenario runs as a task, so that the browser is closed whatever happens (a panic
    // would leave Chromium running: stopping chromedriver does not stop it).
    let c = browser.clone();
    let store_arg = s.to_owned();
    let scenario = tokio::spawn(async move {
        let s = store_arg.as_str();

        // A wrong token is refused with a message; the admin's issued token signs in.
        sign_in(
            &c,
            &base,
            "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.bm90LWEtc2lnbmF0dXJl",
        )
        .await;
        let refused = text(&c, "p.error").await;
        assert!(
            refused.starts_with("Not signed in: the token was refused: "),
            "{refused}"
        );
        sign_in(&c, &base, &admin).await;
        assert_eq!(text(&c, "#signed-in-as").await, "admin");
        assert!(
            c.current_url()
                .await
                .unwrap()
                .as_str()
                .ends_with("/ui/namespaces/default/serviceaccounts")
        );
        shot(&c, "accounts-list.png").await;

        // Add service account, with a key file and "issue a token now": the token is shown once.
        c.find(Locator::LinkText("Add service account"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        fill(&c, "#name", "bot").await;
        fill(&c, "#description", "<script>alert(1)</script>").await;
        let key = env.path(&reader_key[1]);
        c.find(Locator::Css("#public-key-file"))
            .await
            .unwrap()
            .send_keys(key.to_str().unwrap())
            .await
            .unwrap();
        c.find(Locator::Css("#issue-token"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        press(&c, "Add service account").await;
        let dialog = c
            .wait()
            .for_element(Locator::Css("dialog#shown-once"))
            .await
            .unwrap();
        assert!(dialog.is_displayed().await.unwrap());
        let warning = text(&c, "#shown-once .warning").await;
        assert!(
            warning.contains("you will not be able to view it again"),
            "{warning}"
        );
        let token = c
            .find(Locator::Css("#token-value"))
            .await
            .unwrap()
            .prop("value")
            .await
            .unwrap()
            .unwrap();
        assert_eq!(token.split('.').count(), 3, "{}", c.source().await.unwrap());
        shot(&c, "token-shown-once.png").await;
        assert_eq!(whoami(&base, &token), 200);
        // The description is text: no alert opened, and it reads as typed.
        assert!(c.get_alert_text().await.is_err(), "an alert opened");
        // Reloading or going back never shows it again.
        c.refresh().await.unwrap();
        assert!(
            c.current_url()
                .await
                .unwrap()
                .as_str()
                .ends_with("/ui/namespaces/default/serviceaccounts/bot")
        );
        assert_eq!(text(&c, "#description").await, "<script>alert(1)</script>");
        assert!(!c.source().await.unwrap().contains(&token));
        c.back().await.unwrap();
        assert!(!c.source().await.unwrap().contains(&token));
        c.goto(&format!("{base}/ui/namespaces/default/serviceaccounts/bot"))
            .await
            .unwrap();
        assert!(!c.source().await.unwrap().contains(&token));
        assert!(c.get_alert_text().await.is_err(), "an alert opened");
        shot(&c, "account-page.png").await;

        // Revoke it on the account's page: the API refuses it.
        c.find(Locator::Css("button[aria-label='Revoke token console']"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        assert_eq!(text(&c, "#no-tokens").await, "No issued tokens.");
        assert_eq!(whoami(&base, &token), 401);

        // Labels: added with the form, shown as `describe` shows them, removed with a button.
        fill(&c, "#label-set", "team=web").await;
        press(&c, "Save labels").await;
        assert_eq!(text(&c, "#label-list").await, "team=web Remove");
        assert_eq!(text(&c, "#labels").await, "team=web");
        assert!(
            env.ok(["--store", s, "get", "bot", "-o", "wide"])
                .contains("team=web")
        );
        c.find(Locator::Css("button[aria-label='Remove label team']"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        assert_eq!(text(&c, "#no-labels").await, "No labels.");
        assert_eq!(text(&c, "#labels").await, "<none>");

        // A policy, then Can I?: yes for what it grants, no otherwise.
        c.goto(&format!("{base}/ui/namespaces/default/policies"))
            .await
            .unwrap();
        fill(&c, "#policy-name", "bot-reads").await;
        fill(&c, "#subjects", "bot").await;
        fill(&c, "#actions", "get").await;
        fill(&c, "#resources", "serviceaccount").await;
        press(&c, "Create").await;
        // (The page posted from lists policies too: wait for the new one's link.)
        c.wait()
            .for_element(Locator::LinkText("bot-reads"))
            .await
            .expect("the new policy listed");
        for (action, verdict) in [("get", "Yes"), ("delete", "No")] {
            c.goto(&format!("{base}/ui/can-i")).await.unwrap();
            fill(&c, "#can-account", "bot").await;
            fill(&c, "#can-action", action).await;
            fill(&c, "#can-resource", "serviceaccount").await;
            press(&c, "Ask").await;
            assert_eq!(text(&c, "#verdict").await, verdict, "{action}");
            if verdict == "Yes" {
                assert_eq!(text(&c, "#deciding-policy").await, "bot-reads");
            }
        }

        // A read-only account sees the lists and gets the 403 page on Add service account.
        c.find(Locator::XPath("//button[normalize-space(.)='Sign out']"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        assert_eq!(text(&c, "p.notice").await, "You are signed out.");
        sign_in(&c, &base, &reader).await;
        assert_eq!(text(&c, "#signed-in-as").await, "reader");
        assert!(text(&c, "#accounts").await.contains("bot"));
        c.find(Locator::LinkText("Add service account"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        assert_eq!(text(&c, "main h1").await, "Not allowed");
        assert_eq!(text(&c, "#refused-action").await, "create");
        assert_eq!(text(&c, "#refused-resource").await, "serviceaccount");

        // Its token revoked: the session ends, and signing in with it again is refused.
        env.ok(["--store", s, "tokens", "revoke", "reader", "web"]);
        c.goto(&format!("{base}/ui/namespaces/default/serviceaccounts"))
            .await
            .unwrap();
        assert!(
            text(&c, "p.error")
                .await
                .starts_with("Not signed in: your session ended: ")
        );
        sign_in(&c, &base, &reader).await;
        assert!(
            text(&c, "p.error")
                .await
                .starts_with("Not signed in: the token was refused: ")
        );

        // No token in the server's log.
        let log = server.log();
        for t in [&admin, &reader, &token] {
            assert!(!log.contains(&t[t.len() - 40..]), "{log}");
        }
    });
    let outcome = scenario.await;
    let _ = browser.close().await;
    if let Err(e) = outcome {
        std::panic::resume_unwind(e.into_panic());
    }
}
