//! The web console (`/ui/`) without a browser: its headers, the session cookie, sign-in
//! refusals, cross-site posts, escaping and `serve --no-ui`, with curl against the real
//! server. tests/console.rs drives it in headless Chromium.

mod common;

use common::{Env, Server, curl};

const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; \
                   frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

/// A bootstrapped store (`admin` with every grant), served, and an issued token of `admin`
/// that expires in `expires`.
fn served(expires: &str) -> (Env, Server, String) {
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
        "--expires",
        expires,
        "--out",
        "admin.token",
    ]);
    let token = std::fs::read_to_string(env.path("admin.token"))
        .unwrap()
        .trim()
        .to_owned();
    let server = env.serve(&store, &[]);
    (env, server, token)
}

/// `curl -i ARGS…`: (status, headers in lower case, body).
fn curl_i(args: &[&str]) -> (u16, String, String) {
    let (status, head, body) = curl_raw(args);
    (status, head.to_lowercase(), body)
}

/// `curl -i ARGS…`: (status, headers, body).
fn curl_raw(args: &[&str]) -> (u16, String, String) {
    let mut all = vec!["-i"];
    all.extend_from_slice(args);
    let (status, text) = curl(&all);
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    (status, head.to_owned(), body.to_owned())
}

fn origin(server: &Server) -> String {
    format!("Origin: {}", server.url)
}

/// Signs in through the form; the session cookie's value.
fn sign_in(server: &Server, token: &str) -> String {
    let (status, head, _) = curl_raw(&[
        "-X",
        "POST",
        "-H",
        &origin(server),
        "--data-urlencode",
        &format!("token={token}"),
        &server.at("/ui/signin"),
    ]);
    assert_eq!(status, 303, "{head}");
    let line = head
        .lines()
        .find(|l| l.starts_with("set-cookie:"))
        .expect("a cookie");
    line.split_once("svcacct_session=")
        .unwrap()
        .1
        .split(';')
        .next()
        .unwrap()
        .to_owned()
}

fn get(server: &Server, cookie: &str, path: &str) -> (u16, String, String) {
    curl_i(&["-b", &format!("svcacct_session={cookie}"), &server.at(path)])
}

/// The per-form token of the form that posts to `action` on the page at `page`.
fn form_token(server: &Server, cookie: &str, page: &str, action: &str) -> String {
    form_field(server, cookie, page, action, "csrf")
}

/// The value of the hidden field `name` of the form on `page` that posts to `action`.
fn form_field(server: &Server, cookie: &str, page: &str, action: &str, name: &str) -> String {
    let (status, _, body) = get(server, cookie, page);
    assert_eq!(status, 200, "{body}");
    let at = body
        .find(&format!("action=\"{action}\""))
        .unwrap_or_else(|| panic!("no form posting to {action} in {body}"));
    let form = body[at..].split("</form>").next().unwrap();
    let v = form
        .split_once(&format!("name=\"{name}\" value=\""))
        .unwrap_or_else(|| panic!("no {name} in {form}"))
        .1;
    v.split('"').next().unwrap().to_owned()
}

/// Every record file under `dir` with its bytes, but the issued tokens' (whose last use a
/// request may note) and the generation.
fn records(dir: &std::path::Path) -> Vec<(std::path::PathBuf, Vec<u8>)> {
    let mut v = vec![];
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                if !p.ends_with("tokens") {
                    todo.push(p);
                }
            } else if !p.ends_with(".generation") {
                v.push((p.clone(), std::fs::read(&p).unwrap()));
            }
        }
    }
    v.sort();
    v
}

#[test]
fn every_console_answer_has_the_security_headers() {
    let (_env, server, token) = served("1h");
    let cookie = sign_in(&server, &token);
    for path in [
        "/ui/signin",
        "/ui/assets/console.js",
        "/ui/assets/console.css",
        "/ui/nowhere",
    ] {
        let (_, head, _) = curl_i(&[&server.at(path)]);
        assert!(
            head.contains(&format!("content-security-policy: {}", CSP.to_lowercase())),
            "{path}: {head}"
        );
        assert!(
            head.contains("x-content-type-options: nosniff"),
            "{path}: {head}"
        );
        assert!(
            head.contains("referrer-policy: no-referrer"),
            "{path}: {head}"
        );
        assert!(head.contains("cache-control: no-store"), "{path}: {head}");
    }
    let (status, head, body) = get(&server, &cookie, "/ui/namespaces/default/serviceaccounts");
    assert_eq!(status, 200);
    assert!(head.contains("cache-control: no-store"), "{head}");
    assert!(
        head.contains("content-type: text/html; charset=utf-8"),
        "{head}"
    );
    // No inline script or style, and nothing from another host.
    assert!(
        !body.contains("<script>") && !body.contains("style=") && !body.contains("<style"),
        "{body}"
    );
    assert!(
        !body.contains("http://") && !body.contains("https://"),
        "{body}"
    );
    let (_, head, _) = curl_i(&[&server.at("/ui/assets/console.js")]);
    assert!(head.contains("content-type: text/javascript"), "{head}");
}

#[test]
fn signing_in_keeps_the_token_in_a_strict_cookie_that_ends_with_it() {
    let (_env, server, token) = served("1h");
    let (status, head, _) = curl_i(&[
        "-X",
        "POST",
        "-H",
        &origin(&server),
        "--data-urlencode",
        &format!("token={token}"),
        &server.at("/ui/signin"),
    ]);
    assert_eq!(status, 303);
    assert!(head.contains("location: /ui/\r\n"), "{head}");
    let cookie = head.lines().find(|l| l.starts_with("set-cookie:")).unwrap();
    assert!(
        cookie.contains("; path=/ui; httponly; samesite=strict; max-age="),
        "{cookie}"
    );
    assert!(
        !cookie.contains("secure"),
        "no Secure over plain HTTP: {cookie}"
    );
    let max_age: i64 = cookie
        .rsplit_once("max-age=")
        .unwrap()
        .1
        .trim()
        .parse()
        .unwrap();
    assert!(
        (3000..=3600).contains(&max_age),
        "ends with the token (1h): {cookie}"
    );
    // `/ui/` goes to the account's namespace.
    let value = sign_in(&server, &token);
    let (status, head, _) = get(&server, &value, "/ui/");
    assert_eq!(status, 303);
    assert!(
        head.contains("location: /ui/namespaces/default/serviceaccounts\r\n"),
        "{head}"
    );
    // Sign out clears it.
    let signout = form_token(
        &server,
        &value,
        "/ui/namespaces/default/serviceaccounts",
        "/ui/signout",
    );
    let (status, head, body) = curl_i(&[
        "-X",
        "POST",
        "-H",
        &origin(&server),
        "-b",
        &format!("svcacct_session={value}"),
        "--data-urlencode",
        &format!("csrf={signout}"),
        &server.at("/ui/signout"),
    ]);
    assert_eq!(status, 200, "{body}");
    assert!(
        head.contains(
            "set-cookie: svcacct_session=; path=/ui; httponly; samesite=strict; max-age=0"
        ),
        "{head}"
    );
    assert!(body.contains("You are signed out."), "{body}");
    // The token is in no log line, nor in any page.
    let log = server.log();
    assert!(!log.contains(&token[..40]), "{log}");
    assert!(log.contains(" POST /ui/signin 303 - "), "{log}");
    assert!(log.contains(" GET /ui/ 303 admin "), "{log}");
    let (_, _, page) = get(&server, &value, "/ui/namespaces/default/serviceaccounts");
    assert!(!page.contains(&token[..40]), "{page}");
}

#[test]
fn a_wrong_or_revoked_token_is_refused_with_a_message() {
    let (env, server, token) = served("1h");
    let (status, _, body) = curl_i(&[
        "-X",
        "POST",
        "-H",
        &origin(&server),
        "--data-urlencode",
        "token=not a token",
        &server.at("/ui/signin"),
    ]);
    assert_eq!(status, 401);
    assert!(
        body.contains("Not signed in: </strong>that is not a token"),
        "{body}"
    );
    let mut forged = token.clone();
    forged.truncate(token.len() - 4);
    forged.push_str("AAAA");
    let (status, head, body) = curl_i(&[
        "-X",
        "POST",
        "-H",
        &origin(&server),
        "--data-urlencode",
        &format!("token={forged}"),
        &server.at("/ui/signin"),
    ]);
    assert_eq!(status, 401);
    assert!(!head.contains("set-cookie"), "{head}");
    assert!(body.contains("the token was refused: "), "{body}");
    // Revoked while signed in: the next page ends the session.
    let cookie = sign_in(&server, &token);
    let store = env.path("store");
    env.ok([
        "--store",
        store.to_str().unwrap(),
        "tokens",
        "revoke",
        "admin",
        "web",
    ]);
    let (status, head, body) = get(&server, &cookie, "/ui/namespaces/default/serviceaccounts");
    assert_eq!(status, 401, "{body}");
    assert!(body.contains("your session ended: "), "{body}");
    assert!(head.contains("max-age=0"), "{head}");
    let (status, _, body) = curl_i(&[
        "-X",
        "POST",
        "-H",
        &origin(&server),
        "--data-urlencode",
        &format!("token={token}"),
        &server.at("/ui/signin"),
    ]);
    assert_eq!(status, 401);
    assert!(body.contains("the token was refused: "), "{body}");
}

/// A token past its `exp` is still accepted for the minute allowed for clock differences; a
/// session cookie would end at once, so the sign-in page says why instead.
#[test]
fn a_token_just_expired_is_refused_at_sign_in_with_a_message() {
    let (_env, server, token) = served("2s");
    std::thread::sleep(std::time::Duration::from_secs(3));
    assert_eq!(whoami(&server, &token), 200);
    let (status, head, body) = curl_i(&[
        "-X",
        "POST",
        "-H",
        &origin(&server),
        "--data-urlencode",
        &format!("token={token}"),
        &server.at("/ui/signin"),
    ]);
    assert_eq!(status, 401, "{body}");
    assert!(!head.contains("set-cookie"), "{head}");
    assert!(
        body.contains("Not signed in: </strong>the token has expired; sign in with a new one"),
        "{body}"
    );
}

#[test]
fn a_cross_site_post_is_refused_and_changes_nothing() {
    let (env, server, token) = served("1h");
    let cookie = sign_in(&server, &token);
    let action = "/ui/namespaces/default/serviceaccounts";
    let csrf = form_token(
        &server,
        &cookie,
        "/ui/namespaces/default/serviceaccounts/new",
        action,
    );
    let key = format!(
        "public_key@{}",
        env.path(&env.distinct_public_keys("e", 1)[0]).display()
    );
    let before = records(&env.path("store"));
    let jar = format!("svcacct_session={cookie}");
    let good_origin = origin(&server);
    let post = |extra: &[&str]| {
        let mut args = vec![
            "-X",
            "POST",
            "-b",
            jar.as_str(),
            "--data-urlencode",
            "name=evil",
            "--data-urlencode",
            key.as_str(),
        ];
        args.extend_from_slice(extra);
        args.push(Box::leak(server.at(action).into_boxed_str()));
        curl_i(&args)
    };
    let with_csrf = format!("csrf={csrf}");
    for (case, extra) in [
        (
            "another site",
            vec![
                "-H",
                "Origin: http://evil.example",
                "--data-urlencode",
                &with_csrf,
            ],
        ),
        ("no Origin", vec!["--data-urlencode", &with_csrf]),
        ("no form token", vec!["-H", &good_origin]),
        (
            "another form's token",
            vec![
                "-H",
                &good_origin,
                "--data-urlencode",
                "csrf=x2G2ZfQH4jmm6c7gEkKlwb0Y7lKQnbG0yjH8nqfTOOc",
            ],
        ),
    ] {
        let (status, _, body) = post(&extra);
        assert_eq!(status, 403, "{case}: {body}");
        assert!(
            body.contains("This form post was refused and nothing was changed"),
            "{case}: {body}"
        );
    }
    assert!(
        records(&env.path("store")) == before,
        "a refused post changed the store"
    );
    // The same post from the console's own form goes through.
    let (status, head, body) = post(&["-H", &good_origin, "--data-urlencode", &with_csrf]);
    assert_eq!(status, 303, "{body}");
    assert!(
        head.contains("location: /ui/namespaces/default/serviceaccounts/evil\r\n"),
        "{head}"
    );
}

#[test]
fn registry_values_are_shown_as_text() {
    let (env, server, token) = served("1h");
    let store = env.path("store");
    let key = env.distinct_public_keys("x", 1).remove(0);
    env.ok([
        "--store",
        store.to_str().unwrap(),
        "create",
        "xss",
        "--public-key",
        &key,
        "--description",
        "<script>alert(1)</script>",
    ]);
    let cookie = sign_in(&server, &token);
    for page in [
        "/ui/namespaces/default/serviceaccounts",
        "/ui/namespaces/default/serviceaccounts/xss",
    ] {
        let (status, _, body) = get(&server, &cookie, page);
        assert_eq!(status, 200, "{body}");
        assert!(
            body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
            "{page}: {body}"
        );
        assert!(!body.contains("<script>alert"), "{page}: {body}");
    }
}

/// The accounts list filters by labels through the API's `labelSelector`, and shows them.
#[test]
fn the_accounts_list_filters_by_labels() {
    let (env, server, token) = served("1h");
    let store = env.path("store");
    let s = store.to_str().unwrap();
    for (name, label) in [("web-1", "team=web"), ("db-1", "team=db")] {
        env.ok([
            "--store", s, "create", name, "--bits", "2048", "--label", label,
        ]);
    }
    let cookie = sign_in(&server, &token);
    let (status, _, body) = get(
        &server,
        &cookie,
        "/ui/namespaces/default/serviceaccounts?labels=team%20in%20(web)",
    );
    assert_eq!(status, 200, "{body}");
    assert!(
        body.contains(">web-1</a>") && body.contains("<td>team=web</td>"),
        "{body}"
    );
    assert!(
        !body.contains(">db-1</a>") && !body.contains(">admin</a>"),
        "{body}"
    );
    let (status, _, body) = get(
        &server,
        &cookie,
        "/ui/namespaces/default/serviceaccounts?labels=team%20in%20(",
    );
    assert_eq!(status, 400, "{body}");
    assert!(body.contains("not closed"), "{body}");
    // A bad selector's page keeps the filter form, holding it (escaped) to be corrected, above
    // why it was refused.
    let (status, head, body) = get(
        &server,
        &cookie,
        "/ui/namespaces/default/serviceaccounts?name=web&labels=team%20in%20(%22%3E%3Cb%3E",
    );
    assert_eq!(status, 400, "{body}");
    assert!(
        head.contains(&format!("content-security-policy: {}", CSP.to_lowercase())),
        "{head}"
    );
    let form = body
        .find("<form class=\"filter\" method=\"get\"")
        .unwrap_or_else(|| panic!("no filter form in {body}"));
    let error = body
        .find("<p class=\"error\" id=\"filter-error\" role=\"alert\">invalid label selector `team in (&quot;&gt;&lt;b&gt;`: ")
        .unwrap_or_else(|| panic!("no error in {body}"));
    assert!(form < error, "{body}");
    assert!(
        body.contains(
            "<input id=\"filter-labels\" type=\"search\" name=\"labels\" value=\"team in (&quot;&gt;&lt;b&gt;\""
        ) && body.contains("<input id=\"filter-name\" type=\"search\" name=\"name\" value=\"web\">"),
        "{body}"
    );
    assert!(!body.contains("\"><b>"), "{body}");
}

/// A method that a console page does not take gets the console's 405 page, with `Allow` and
/// the console's headers (the API's 405 is its problem document, also with `Allow`).
#[test]
fn a_method_a_page_does_not_take_gets_the_405_page() {
    let (_env, server, token) = served("1h");
    let cookie = sign_in(&server, &token);
    let jar = format!("svcacct_session={cookie}");
    for (method, path, allow) in [
        ("DELETE", "/ui/signin", "get,head,post"),
        ("GET", "/ui/signout", "post"),
        ("POST", "/ui", "get,head"),
        (
            "DELETE",
            "/ui/namespaces/default/serviceaccounts/admin",
            "get,head",
        ),
        (
            "PUT",
            "/ui/namespaces/default/serviceaccounts",
            "get,head,post",
        ),
    ] {
        let (status, head, body) = curl_i(&["-X", method, "-b", &jar, &server.at(path)]);
        assert_eq!(status, 405, "{method} {path}: {head}\n{body}");
        assert!(head.contains(&format!("\r\nallow: {allow}\r\n")), "{head}");
        assert!(
            head.contains("content-type: text/html; charset=utf-8")
                && head.contains(&format!("content-security-policy: {}", CSP.to_lowercase()))
                && head.contains("x-content-type-options: nosniff")
                && head.contains("referrer-policy: no-referrer")
                && head.contains("cache-control: no-store"),
            "{method} {path}: {head}"
        );
        assert!(
            body.contains("<h1>Method not allowed</h1>")
                && body.contains(&format!(
                    "The console's page at this address does not take a <code>{method}</code> request."
                )),
            "{method} {path}: {body}"
        );
    }
    // An address the console has no page at is its 404, whatever the method.
    let (status, _, body) = curl_i(&["-X", "PUT", &server.at("/ui/nowhere")]);
    assert_eq!(status, 404, "{body}");
    assert!(
        body.contains("The console has no page at this address."),
        "{body}"
    );
    // The API's 405 is its problem document.
    let (status, head, body) = curl_i(&["-X", "PATCH", &server.at("/v1/namespaces")]);
    assert_eq!(status, 405, "{body}");
    assert!(head.contains("\r\nallow: get,head,post\r\n"), "{head}");
    assert!(
        head.contains("content-type: application/problem+json")
            && body.contains("\"code\":\"method-not-allowed\""),
        "{head}\n{body}"
    );
}

/// Pomerium's way: an account added with no key at all and a token issued at once; the token
/// is the account's credential with the API.
#[test]
fn an_account_without_a_key_gets_a_token_that_the_api_accepts() {
    let (_env, server, token) = served("1h");
    let cookie = sign_in(&server, &token);
    let (status, _, body) = post(
        &server,
        &cookie,
        "/ui/namespaces/default/serviceaccounts/new",
        "/ui/namespaces/default/serviceaccounts",
        &[
            ("name", "keyless"),
            ("issue_token", "yes"),
            ("token_name", "console"),
        ],
    );
    assert_eq!(status, 201, "{body}");
    let issued = body
        .split(|c: char| !(c.is_ascii_alphanumeric() || "-_.".contains(c)))
        .find(|w| w.starts_with("eyJ") && w.matches('.').count() == 2)
        .unwrap_or_else(|| panic!("no token shown: {body}"))
        .to_owned();
    let (status, whoami) = curl(&[
        "-H",
        &format!("Authorization: Bearer {issued}"),
        &server.at("/v1/whoami"),
    ]);
    assert_eq!(status, 200, "{whoami}");
    assert!(
        whoami.contains(r#""username":"system:serviceaccount:default:keyless""#),
        "{whoami}"
    );
}

#[test]
fn a_read_only_account_gets_the_403_page_on_add_service_account() {
    let (env, server, _) = served("1h");
    let s = env.path("store");
    let s = s.to_str().unwrap();
    let key = env.distinct_public_keys("r", 1).remove(0);
    env.ok(["--store", s, "create", "reader", "--public-key", &key]);
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
    let token = std::fs::read_to_string(env.path("reader.token"))
        .unwrap()
        .trim()
        .to_owned();
    let cookie = sign_in(&server, &token);
    let (status, _, body) = get(&server, &cookie, "/ui/namespaces/default/serviceaccounts");
    assert_eq!(status, 200, "{body}");
    assert!(body.contains(">reader</a>"), "{body}");
    let (status, _, body) = get(
        &server,
        &cookie,
        "/ui/namespaces/default/serviceaccounts/new",
    );
    assert_eq!(status, 403, "{body}");
    assert!(body.contains("<h1>Not allowed</h1>"), "{body}");
    assert!(body.contains("service account `reader` may not create serviceaccount in namespace `default`: no policy allows it"), "{body}");
    assert!(
        body.contains("<dd id=\"refused-action\">create</dd>"),
        "{body}"
    );
    assert!(
        body.contains("<dd id=\"refused-resource\">serviceaccount</dd>"),
        "{body}"
    );
}

#[test]
fn serve_no_ui_answers_404_under_ui() {
    let env = Env::new();
    let store = env.path("store");
    env.bootstrap(&store);
    let server = env.serve(&store, &["--no-ui"]);
    for path in ["/ui/", "/ui/signin", "/ui/assets/console.js"] {
        let (status, body) = curl(&[&server.at(path)]);
        assert_eq!(status, 404, "{path}: {body}");
        assert!(body.contains("\"code\":\"not-found\""), "{body}");
    }
    assert_eq!(curl(&[&server.at("/healthz")]).0, 200);
}

/// Posts `fields` to the form of `page` that posts to `action`, with its per-form token.
fn post(
    server: &Server,
    cookie: &str,
    page: &str,
    action: &str,
    fields: &[(&str, &str)],
) -> (u16, String, String) {
    let csrf = form_token(server, cookie, page, action);
    let jar = format!("svcacct_session={cookie}");
    let o = origin(server);
    let mut args: Vec<String> = vec!["-X".into(), "POST".into(), "-H".into(), o, "-b".into(), jar];
    for (k, v) in std::iter::once(&("csrf", csrf.as_str())).chain(fields) {
        args.push("--data-urlencode".into());
        args.push(format!("{k}={v}"));
    }
    args.push(server.at(action));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    curl_i(&args)
}

fn whoami(server: &Server, token: &str) -> u16 {
    curl(&[
        "-H",
        &format!("Authorization: Bearer {token}"),
        &server.at("/v1/whoami"),
    ])
    .0
}

/// The token in a page's shown-once dialog.
fn shown_token(body: &str) -> String {
    let v = body
        .split_once("<textarea id=\"token-value\" readonly rows=\"5\" spellcheck=\"false\">")
        .unwrap_or_else(|| panic!("no token shown in {body}"))
        .1;
    v.split('<').next().unwrap().to_owned()
}

#[test]
fn each_console_action_goes_through_the_api() {
    let (env, server, token) = served("1h");
    let s = env.path("store");
    let s = s.to_str().unwrap();
    let keys = env.distinct_public_keys("k", 2);
    env.ok(["--store", s, "create", "bot", "--public-key", &keys[0]]);
    let cookie = sign_in(&server, &token);
    let page = "/ui/namespaces/default/serviceaccounts/bot";
    let act = |a: &str| format!("{page}/{a}");

    // Issue a token: shown once, in an answer that no cache keeps.
    let (status, head, body) = post(&server, &cookie, page, &act("tokens"), &[("name", "ci")]);
    assert_eq!(status, 201, "{body}");
    assert!(head.contains("cache-control: no-store"), "{head}");
    assert!(
        body.contains("you will not be able to view it again"),
        "{body}"
    );
    let first = shown_token(&body);
    assert_eq!(whoami(&server, &first), 200);
    let (_, _, again) = get(&server, &cookie, page);
    assert!(!again.contains(&first), "shown again: {again}");
    // The same name again is refused, and says why.
    let (status, _, body) = post(&server, &cookie, page, &act("tokens"), &[("name", "ci")]);
    assert_eq!(status, 409, "{body}");
    assert!(body.contains("No token issued: "), "{body}");

    // Regenerate: a new token shown once, the old one revoked.
    let regenerate = act("tokens/ci/regenerate");
    let id = form_field(&server, &cookie, page, &regenerate, "id");
    let csrf = form_field(&server, &cookie, page, &regenerate, "csrf");
    let resend = |server: &Server| {
        curl_i(&[
            "-X",
            "POST",
            "-H",
            &origin(server),
            "-b",
            &format!("svcacct_session={cookie}"),
            "--data-urlencode",
            &format!("csrf={csrf}"),
            "--data-urlencode",
            &format!("id={id}"),
            &server.at(&regenerate),
        ])
    };
    let (status, _, body) = resend(&server);
    assert_eq!(status, 200, "{body}");
    let second = shown_token(&body);
    assert_ne!(first, second);
    assert_eq!(whoami(&server, &first), 401);
    assert_eq!(whoami(&server, &second), 200);
    // The same form sent again (a reload) does not regenerate the new one.
    let (status, _, body) = resend(&server);
    assert_eq!(status, 409, "{body}");
    assert!(
        body.contains("Not regenerated: token ci was regenerated after this form was shown"),
        "{body}"
    );
    assert!(!body.contains("token-value"), "{body}");
    assert_eq!(whoami(&server, &second), 200);

    // Rename it, then revoke it under its new name.
    let (status, head, _) = post(
        &server,
        &cookie,
        page,
        &act("tokens/ci/rename"),
        &[("name", "deploy")],
    );
    assert_eq!(status, 303);
    assert!(head.contains(&format!("location: {page}\r\n")), "{head}");
    let listed = env.ok(["--store", s, "tokens", "list", "bot"]);
    assert!(
        listed.contains("deploy") && !listed.contains("ci "),
        "{listed}"
    );
    let (status, _, _) = post(&server, &cookie, page, &act("tokens/deploy/revoke"), &[]);
    assert_eq!(status, 303);
    assert_eq!(whoami(&server, &second), 401);

    // Edit its description and expiry; a form of an older revision is refused.
    let expiry = "2031-01-02T03:04:05Z";
    let (status, _, body) = post(
        &server,
        &cookie,
        page,
        &act("update"),
        &[
            ("uid", &hidden_field(&server, &cookie, page, "uid")),
            (
                "revision",
                &hidden_field(&server, &cookie, page, "revision"),
            ),
            ("description", "builds <things>"),
            ("expires", expiry),
        ],
    );
    assert_eq!(status, 303, "{body}");
    let shown = env.ok(["--store", s, "get", "bot", "-o", "json"]);
    assert!(
        shown.contains("\"description\": \"builds <things>\"") && shown.contains(expiry),
        "{shown}"
    );
    let (status, _, body) = post(
        &server,
        &cookie,
        page,
        &act("update"),
        &[
            ("uid", &hidden_field(&server, &cookie, page, "uid")),
            ("revision", "1"),
            ("description", "lost update"),
        ],
    );
    assert_eq!(status, 409, "{body}");
    assert!(body.contains("Not saved: "), "{body}");

    // Disable and enable.
    assert_eq!(post(&server, &cookie, page, &act("disable"), &[]).0, 303);
    assert!(
        get(&server, &cookie, page)
            .2
            .contains("<dd id=\"status\">disabled</dd>")
    );
    assert_eq!(post(&server, &cookie, page, &act("enable"), &[]).0, 303);
    assert!(
        get(&server, &cookie, page)
            .2
            .contains("<dd id=\"status\">active</dd>")
    );

    // Add a key as pasted PEM, then remove it.
    let pem = std::fs::read_to_string(env.path(&keys[1])).unwrap();
    assert_eq!(
        post(
            &server,
            &cookie,
            page,
            &act("keys"),
            &[("public_key", &pem)]
        )
        .0,
        303
    );
    let shown = env.ok(["--store", s, "key", "list", "bot", "-o", "json"]);
    let listed: serde_json::Value = serde_json::from_str(&shown).unwrap();
    let kids: Vec<String> = listed["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k["kid"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(kids.len(), 2, "{shown}");
    assert_eq!(
        post(
            &server,
            &cookie,
            page,
            &act(&format!("keys/{}/remove", kids[1])),
            &[]
        )
        .0,
        303
    );
    assert!(
        !env.ok(["--store", s, "key", "list", "bot"])
            .contains(&kids[1])
    );
    // The last key: refused without Force, which its form then offers; removed with it.
    let last = act(&format!("keys/{}/remove", kids[0]));
    let (status, _, body) = post(&server, &cookie, page, &last, &[]);
    assert_eq!(status, 422, "{body}");
    assert!(
        body.contains("is the last key of") && body.contains("the tokens issued to it still do"),
        "{body}"
    );
    let form = get(&server, &cookie, page).2;
    let form = form.split(&format!("action=\"{last}\"")).nth(1).unwrap();
    assert!(
        form.split("</form>")
            .next()
            .unwrap()
            .contains("name=\"force\""),
        "{form}"
    );
    assert_eq!(
        post(&server, &cookie, page, &last, &[("force", "true")]).0,
        303
    );
    assert!(
        env.ok(["--store", s, "key", "list", "bot", "-o", "json"])
            .contains("\"items\": []"),
        "the last key is still there"
    );

    // Delete: only with its name typed.
    let (status, _, body) = post(&server, &cookie, page, &act("delete"), &[("confirm", "bo")]);
    assert_eq!(status, 400, "{body}");
    assert!(
        body.contains("Not deleted: type the account&#39;s name, bot, to confirm.")
            || body.contains("Not deleted: type the account's name, bot, to confirm."),
        "{body}"
    );
    env.ok(["--store", s, "get", "bot"]);
    let (status, head, _) = post(
        &server,
        &cookie,
        page,
        &act("delete"),
        &[("confirm", "bot")],
    );
    assert_eq!(status, 303);
    assert!(
        head.contains("location: /ui/namespaces/default/serviceaccounts\r\n"),
        "{head}"
    );
    env.cmd(["--store", s, "get", "bot"]).assert().failure();
}

#[test]
fn policies_namespaces_can_i_and_the_issuer_from_the_console() {
    let (env, server, token) = served("1h");
    let s = env.path("store");
    let s = s.to_str().unwrap();
    let cookie = sign_in(&server, &token);

    // A namespace with its defaults, and what its creation made.
    let (status, _, body) = post(
        &server,
        &cookie,
        "/ui/namespaces",
        "/ui/namespaces",
        &[("name", "eng"), ("defaults", "yes")],
    );
    assert_eq!(status, 201, "{body}");
    assert!(body.contains("Created namespace "), "{body}");
    assert!(body.contains("<li>eng/builder</li>"), "{body}");

    // A policy there, edited, then Can I? for it.
    let pol = "/ui/namespaces/eng/policies";
    let (status, _, body) = post(
        &server,
        &cookie,
        pol,
        pol,
        &[
            ("name", "bot-reads"),
            ("subjects", "bot"),
            ("actions", "get"),
            ("resources", "serviceaccount"),
        ],
    );
    assert_eq!(status, 303, "{body}");
    let edit = format!("{pol}/bot-reads");
    let (status, _, body) = post(
        &server,
        &cookie,
        &edit,
        &edit,
        &[
            ("subjects", "bot\neng/builder"),
            ("actions", "get\nlist"),
            ("resources", "serviceaccount"),
            ("uid", &hidden_field(&server, &cookie, &edit, "uid")),
            (
                "revision",
                &hidden_field(&server, &cookie, &edit, "revision"),
            ),
        ],
    );
    assert_eq!(status, 303, "{body}");
    let shown = env.ok([
        "--store",
        s,
        "policy",
        "get",
        "bot-reads",
        "-n",
        "eng",
        "-o",
        "json",
    ]);
    assert!(
        shown.contains("\"list\"") && shown.contains("\"eng/builder\""),
        "{shown}"
    );
    let ask = |action: &str| {
        get(&server, &cookie, &format!("/ui/can-i?account=eng%2Fbuilder&action={action}&resource=serviceaccount&namespace=eng")).2
    };
    let yes = ask("list");
    assert!(
        yes.contains("<p class=\"verdict\" id=\"verdict\"><strong>Yes</strong></p>"),
        "{yes}"
    );
    assert!(
        yes.contains("<strong id=\"deciding-policy\">bot-reads</strong>"),
        "{yes}"
    );
    assert!(ask("delete").contains("<strong>No</strong>"));

    // A global policy, then deleted.
    let g = "/ui/globalpolicies";
    let (status, _, body) = post(
        &server,
        &cookie,
        g,
        g,
        &[
            ("name", "readers"),
            ("subjects", "group:readers"),
            ("actions", "get"),
            ("resources", "*"),
        ],
    );
    assert_eq!(status, 303, "{body}");
    env.ok(["--store", s, "policy", "get", "readers", "--global"]);
    let (_, _, body) = get(&server, &cookie, "/ui/namespaces/eng/policies");
    assert!(
        body.contains("<a href=\"/ui/globalpolicies/readers\">readers</a>"),
        "{body}"
    );
    let del = "/ui/globalpolicies/readers/delete";
    assert_eq!(
        post(&server, &cookie, "/ui/globalpolicies/readers", del, &[]).0,
        303
    );
    env.cmd(["--store", s, "policy", "get", "readers", "--global"])
        .assert()
        .failure();

    // The issuer: its keys, then a rotation.
    let (status, _, body) = get(&server, &cookie, "/ui/issuer");
    assert_eq!(status, 200, "{body}");
    assert_eq!(body.matches("<td>signing</td>").count(), 1, "{body}");
    // The JWKS's max-age is the issuer's setting, shown, and what a rotation waits for.
    assert!(
        body.contains("<dd id=\"jwks-max-age\">5m 0s</dd>"),
        "{body}"
    );
    let store = env.path("store");
    env.ok([
        "--store",
        store.to_str().unwrap(),
        "issuer",
        "set-jwks-max-age",
        "90s",
    ]);
    let body = get(&server, &cookie, "/ui/issuer").2;
    assert!(
        body.contains("<dd id=\"jwks-max-age\">1m 30s</dd>"),
        "{body}"
    );
    assert!(body.contains("cache lifetime, 1m 30s)"), "{body}");
    assert_eq!(
        post(&server, &cookie, "/ui/issuer", "/ui/issuer/rotate", &[]).0,
        303
    );
    // The new key is published first (the JWKS's cache lifetime); the current one signs until
    // then.
    let body = get(&server, &cookie, "/ui/issuer").2;
    assert_eq!(body.matches("<td>signing until ").count(), 1, "{body}");
    assert_eq!(
        body.matches("<td>next, published, signs from ").count(),
        1,
        "{body}"
    );

    // Deleting the namespace lists what goes, and needs its name typed.
    let (status, _, body) = get(&server, &cookie, "/ui/namespaces/eng/delete");
    assert_eq!(status, 200, "{body}");
    assert!(
        body.contains("<li>eng/builder</li>")
            && body.contains("<li>bot-reads (namespace eng)</li>"),
        "{body}"
    );
    let del = "/ui/namespaces/eng/delete";
    assert_eq!(
        post(&server, &cookie, del, del, &[("confirm", "en")]).0,
        400
    );
    let (status, _, body) = post(&server, &cookie, del, del, &[("confirm", "eng")]);
    assert_eq!(status, 200, "{body}");
    assert!(body.contains("Deleted namespace eng"), "{body}");
    env.cmd(["--store", s, "namespace", "get", "eng"])
        .assert()
        .failure();
}

/// The labels of `what` (`get NAME`, `policy get NAME`, …) as the CLI's JSON shows them.
fn labels_of(env: &Env, what: &[&str]) -> serde_json::Value {
    let store = env.path("store");
    let mut argv = vec!["--store", store.to_str().unwrap()];
    argv.extend_from_slice(what);
    argv.extend(["-o", "json"]);
    let shown: serde_json::Value = serde_json::from_str(&env.ok(argv)).unwrap();
    shown
        .get("labels")
        .cloned()
        .unwrap_or(serde_json::json!({}))
}

/// Posts `fields` with the object's `uid` to the labels form of `page`.
fn post_labels(
    server: &Server,
    cookie: &str,
    page: &str,
    uid: &str,
    fields: &[(&str, &str)],
) -> (u16, String, String) {
    let mut all = vec![("uid", uid)];
    all.extend_from_slice(fields);
    post(server, cookie, page, &format!("{page}/labels"), &all)
}

/// Labels in the console: shown on the account, policy and issued-token pages, set when an
/// account, policy or token is made, and added or removed by a form that goes through the
/// API's `PUT` with the checks of every other form.
#[test]
fn labels_are_shown_and_changed_through_the_api() {
    use serde_json::json;
    let (env, server, token) = served("1h");
    let s = env.path("store");
    let s = s.to_str().unwrap();
    let key = env.distinct_public_keys("k", 1).remove(0);
    env.ok([
        "--store",
        s,
        "create",
        "bot",
        "--public-key",
        &key,
        "--label",
        "team=web",
    ]);
    env.ok([
        "--store", s, "tokens", "create", "bot", "ci", "--label", "env=prod", "--out", "ci.token",
    ]);
    env.ok([
        "--store",
        s,
        "policy",
        "create",
        "bot-reads",
        "--subject",
        "bot",
        "--action",
        "get",
        "--resource",
        "serviceaccount",
        "--label",
        "tier=low",
    ]);
    let cookie = sign_in(&server, &token);
    // Posts `fields` to the form of `page` that posts to `action`, signed in.
    let form = |page: &str, action: &str, fields: &[(&str, &str)]| {
        post(&server, &cookie, page, action, fields)
    };
    let page = "/ui/namespaces/default/serviceaccounts/bot";
    let action = format!("{page}/labels");

    // Shown: the account's as `describe` does, its tokens' in their table.
    let (status, _, body) = get(&server, &cookie, page);
    assert_eq!(status, 200, "{body}");
    assert!(
        body.contains(
            "<dt>Labels</dt><dd id=\"labels\"><ul class=\"labels\"><li>team=web</li></ul></dd>"
        ),
        "{body}"
    );
    assert!(
        body.contains("<th scope=\"col\">LABELS</th>") && body.contains("<td>env=prod</td>"),
        "{body}"
    );
    let ci = std::fs::read_to_string(env.path("ci.token")).unwrap();
    assert!(!body.contains(ci.trim()), "a token in {body}");

    // Added, changed and removed through the form.
    let uid = form_field(&server, &cookie, page, &action, "uid");
    let (status, head, body) = post_labels(
        &server,
        &cookie,
        page,
        &uid,
        &[("set", "tier=gold, team=db"), ("remove", "")],
    );
    assert_eq!(status, 303, "{body}");
    assert!(head.contains(&format!("location: {page}\r\n")), "{head}");
    assert_eq!(
        labels_of(&env, &["get", "bot"]),
        json!({"team": "db", "tier": "gold"})
    );
    let (status, _, _) = post_labels(&server, &cookie, page, &uid, &[("remove", "team")]);
    assert_eq!(status, 303);
    assert_eq!(labels_of(&env, &["get", "bot"]), json!({"tier": "gold"}));
    // A key to remove that is not there is warned of, as --remove-label does.
    let (status, _, body) = post_labels(&server, &cookie, page, &uid, &[("remove", "nothere")]);
    assert_eq!(status, 200, "{body}");
    assert!(
        body.contains(
            "<p class=\"warning\" role=\"status\">No label <code>nothere</code> to remove.</p>"
        ),
        "{body}"
    );
    // Refusals change nothing, and say why.
    for (fields, status, why) in [
        (
            vec![("set", "bad key=x")],
            400,
            "Labels not changed: invalid label key `bad key`",
        ),
        (
            vec![("set", "tier=x"), ("remove", "tier")],
            400,
            "Labels not changed: label `tier` is both set and removed: give one of them",
        ),
        (
            vec![("set", "")],
            400,
            "Labels not changed: give a label as KEY=VALUE to add or change, or a key to remove",
        ),
    ] {
        let mut fields = fields;
        fields.push(("uid", &uid));
        let (got, _, body) = form(page, &action, &fields);
        assert_eq!(got, status, "{body}");
        assert!(body.contains(why), "{body}");
        assert_eq!(labels_of(&env, &["get", "bot"]), json!({"tier": "gold"}));
    }
    // A cross-site post, or one without the form's token, is refused.
    let csrf = form_token(&server, &cookie, page, &action);
    let jar = format!("svcacct_session={cookie}");
    for (origin, csrf) in [
        ("Origin: http://evil.example", csrf.as_str()),
        (&origin(&server)[..], ""),
    ] {
        let (status, _, body) = curl_i(&[
            "-X",
            "POST",
            "-H",
            origin,
            "-b",
            &jar,
            "--data-urlencode",
            &format!("csrf={csrf}"),
            "--data-urlencode",
            &format!("uid={uid}"),
            "--data-urlencode",
            "set=evil=yes",
            &server.at(&action),
        ]);
        assert_eq!(status, 403, "{body}");
    }
    assert_eq!(labels_of(&env, &["get", "bot"]), json!({"tier": "gold"}));
    // The form of an account deleted and made again under its name changes nothing.
    env.ok(["--store", s, "delete", "bot"]);
    env.ok(["--store", s, "create", "bot", "--public-key", &key]);
    let (status, _, body) = post_labels(&server, &cookie, page, &uid, &[("set", "x=y")]);
    assert_eq!(status, 409, "{body}");
    assert!(
        body.contains("Labels not changed: service account `bot` was deleted and created again"),
        "{body}"
    );
    assert_eq!(labels_of(&env, &["get", "bot"]), json!({}));

    // A policy's, on its page and in the lists.
    let pol = "/ui/namespaces/default/policies/bot-reads";
    let (status, _, body) = get(&server, &cookie, pol);
    assert_eq!(status, 200, "{body}");
    assert!(
        body.contains(
            "<dt>Labels</dt><dd id=\"labels\"><ul class=\"labels\"><li>tier=low</li></ul></dd>"
        ),
        "{body}"
    );
    assert!(
        get(&server, &cookie, "/ui/namespaces/default/policies")
            .2
            .contains("<td>tier=low</td>")
    );
    let paction = format!("{pol}/labels");
    let puid = form_field(&server, &cookie, pol, &paction, "uid");
    let (status, head, body) = post_labels(
        &server,
        &cookie,
        pol,
        &puid,
        &[("set", "tier=high,owner=sre")],
    );
    assert_eq!(status, 303, "{body}");
    assert!(head.contains(&format!("location: {pol}\r\n")), "{head}");
    let policy = ["policy", "get", "bot-reads"];
    assert_eq!(
        labels_of(&env, &policy),
        json!({"owner": "sre", "tier": "high"})
    );
    let (status, _, _) = post_labels(&server, &cookie, pol, &puid, &[("remove", "owner")]);
    assert_eq!(status, 303);
    assert_eq!(labels_of(&env, &policy), json!({"tier": "high"}));
    // The API's refusal is shown on the policy's page, and changes nothing.
    let (status, _, body) = post(
        &server,
        &cookie,
        pol,
        &paction,
        &[("uid", "not-its-uid"), ("set", "x=y")],
    );
    assert_eq!(status, 409, "{body}");
    assert!(
        body.contains("Labels not changed: policy `bot-reads` was deleted and created again"),
        "{body}"
    );
    assert_eq!(labels_of(&env, &policy), json!({"tier": "high"}));
    // Its other fields are as they were.
    let shown = env.ok(["--store", s, "policy", "get", "bot-reads", "-o", "json"]);
    assert!(
        shown.contains("\"subjects\": [\n    \"bot\"\n  ]"),
        "{shown}"
    );

    // Set when an account, a policy or a token is made.
    let new = "/ui/namespaces/default/serviceaccounts/new";
    let list = "/ui/namespaces/default/serviceaccounts";
    let (status, _, body) = form(new, list, &[("name", "made"), ("labels", "team=api, env=")]);
    assert_eq!(status, 303, "{body}");
    assert_eq!(
        labels_of(&env, &["get", "made"]),
        json!({"env": "", "team": "api"})
    );
    let (status, _, body) = form(new, list, &[("name", "other"), ("labels", "team")]);
    assert_eq!(status, 400, "{body}");
    assert!(
        body.contains("invalid label `team`: write it as KEY=VALUE"),
        "{body}"
    );
    env.cmd(["--store", s, "get", "other"]).assert().failure();
    let policies = "/ui/namespaces/default/policies";
    let (status, _, body) = form(
        policies,
        policies,
        &[
            ("name", "made-reads"),
            ("subjects", "made"),
            ("actions", "get"),
            ("resources", "serviceaccount"),
            ("labels", "tier=mid"),
        ],
    );
    assert_eq!(status, 303, "{body}");
    assert_eq!(
        labels_of(&env, &["policy", "get", "made-reads"]),
        json!({"tier": "mid"})
    );
    let made = "/ui/namespaces/default/serviceaccounts/made";
    let (status, _, body) = form(
        made,
        &format!("{made}/tokens"),
        &[("name", "deploy"), ("labels", "env=staging")],
    );
    assert_eq!(status, 201, "{body}");
    let listed = env.ok(["--store", s, "tokens", "list", "made", "-o", "json"]);
    assert!(listed.contains("\"env\": \"staging\""), "{listed}");
    assert!(
        get(&server, &cookie, made)
            .2
            .contains("<td>env=staging</td>")
    );
}

/// The value of the hidden field `name` on the page `page`.
fn hidden_field(server: &Server, cookie: &str, page: &str, name: &str) -> String {
    let body = get(server, cookie, page).2;
    let needle = format!("name=\"{name}\" value=\"");
    body.split_once(&needle)
        .unwrap_or_else(|| panic!("no {name} in {body}"))
        .1
        .split('"')
        .next()
        .unwrap()
        .to_owned()
}

#[test]
fn under_tls_the_cookie_is_secure_and_posts_come_from_https() {
    let env = Env::new();
    let store = env.path("store");
    env.bootstrap(&store);
    let st = store.to_str().unwrap();
    env.ok([
        "--store",
        st,
        "tokens",
        "create",
        "admin",
        "web",
        "--out",
        "admin.token",
    ]);
    let token = std::fs::read_to_string(env.path("admin.token"))
        .unwrap()
        .trim()
        .to_owned();
    env.openssl(&[
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-days",
        "2",
        "-subj",
        "/CN=localhost",
        "-addext",
        "subjectAltName=DNS:localhost,IP:127.0.0.1",
        "-keyout",
        "tls.key",
        "-out",
        "tls.crt",
    ]);
    let server = env.serve(&store, &["--tls-cert", "tls.crt", "--tls-key", "tls.key"]);
    assert!(server.url.starts_with("https://"), "{}", server.url);
    let ca = env.path("tls.crt");
    let ca = ca.to_str().unwrap();
    let signin = |origin: &str| {
        curl_raw(&[
            "--cacert",
            ca,
            "-X",
            "POST",
            "-H",
            &format!("Origin: {origin}"),
            "--data-urlencode",
            &format!("token={token}"),
            &server.at("/ui/signin"),
        ])
    };
    // An http:// page of the same host is another origin of a TLS server.
    let plain = server.url.replacen("https://", "http://", 1);
    let (status, head, _) = signin(&plain);
    assert_eq!(status, 403, "{head}");
    let (status, head, _) = signin(&server.url);
    assert_eq!(status, 303, "{head}");
    let cookie = head
        .lines()
        .find(|l| l.to_lowercase().starts_with("set-cookie:"))
        .unwrap();
    assert!(cookie.ends_with("; Secure"), "{cookie}");
    assert!(
        cookie.contains("; Path=/ui; HttpOnly; SameSite=Strict; Max-Age="),
        "{cookie}"
    );
}
