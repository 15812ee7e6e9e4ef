//! Authorization without escalation, through a running `svcacct serve` (issue 19): the check
//! of a `PUT` and its write see the same record, so a stream of writes naming the next revision
//! cannot undo an administrator's removal of a group (point 4). The pinned writes of `key add`
//! and `tokens create/regenerate` are tested deterministically in `src/server/pinned_tests.rs`.

mod common;

use common::Env;

fn json(text: &str) -> serde_json::Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("not JSON ({e}): {text}"))
}

/// Namespace `eng` (no defaults) with an account `eng/owner` (its key in the keystore) and a
/// policy `eng-owner` in `eng` granting it `actions` on `resources`, on the store `s`.
fn eng_owner(env: &Env, s: &str, actions: &str, resources: &str) {
    env.ok(["--store", s, "namespace", "create", "eng", "--no-defaults"]);
    env.ok([
        "--store", s, "-n", "eng", "create", "owner", "--bits", "2048",
    ]);
    env.ok([
        "--store",
        s,
        "policy",
        "create",
        "eng-owner",
        "-n",
        "eng",
        "--subject",
        "eng/owner",
        "--action",
        actions,
        "--resource",
        resources,
    ]);
}

/// The race of issue 19, point 4: an account that may update accounts in `eng` but not give
/// groups sends a stream of `PUT`s that keep the group `managers`, naming the revision that an
/// administrator's removal of that group is about to make (`If-Match: "<rev+1>"`). Before the
/// fix the group check read the record once and the write landed on the next revision: the
/// group came back in some rounds (1–3 of 8 in the report). Now every round ends without it,
/// and no such `PUT` succeeds.
#[test]
fn a_group_an_admin_removed_never_comes_back_through_a_stale_if_match() {
    use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

    const ROUNDS: usize = 40;
    const ATTACKERS: usize = 4;
    let env = Env::new();
    let srv = env.path("srv");
    env.bootstrap(&srv);
    let s = srv.to_str().unwrap();
    eng_owner(&env, s, "*", "*");
    let keys = env.distinct_public_keys("d", 1);
    env.ok([
        "--store",
        s,
        "-n",
        "eng",
        "create",
        "target",
        "--public-key",
        &keys[0],
        "--group",
        "managers",
    ]);
    let server = env.serve(&srv, &[]);
    let admin = format!("Bearer {}", env.ok(["token", "admin"]).trim());
    let owner = format!("Bearer {}", env.ok(["token", "eng/owner"]).trim());
    let url = server.at("/v1/namespaces/eng/serviceaccounts/target");
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into();
    let get = || -> serde_json::Value {
        let mut res = agent
            .get(&url)
            .header("Authorization", &admin)
            .call()
            .unwrap();
        assert_eq!(res.status(), 200);
        json(&res.body_mut().read_to_string().unwrap())
    };
    let put = |bearer: &str, revision: u64, uid: &str, groups: &[&str]| -> u16 {
        let body = serde_json::json!({ "uid": uid, "groups": groups }).to_string();
        let res = agent
            .put(&url)
            .header("Authorization", bearer)
            .header("If-Match", &format!("\"{revision}\""))
            .content_type("application/json")
            .send(&body)
            .unwrap();
        res.status().as_u16()
    };
    let mut refused = std::collections::BTreeMap::<u16, usize>::new();
    for round in 0..ROUNDS {
        let v = get();
        assert_eq!(v["groups"], serde_json::json!(["managers"]), "{v}");
        let (rev, uid) = (v["revision"].as_u64().unwrap(), v["uid"].as_str().unwrap());
        let stop = AtomicBool::new(false);
        let won = AtomicUsize::new(0);
        let answers = std::sync::Mutex::new(vec![]);
        std::thread::scope(|scope| {
            for _ in 0..ATTACKERS {
                scope.spawn(|| {
                    while !stop.load(Ordering::SeqCst) {
                        let status = put(&owner, rev + 1, uid, &["managers"]);
                        if status == 200 {
                            won.fetch_add(1, Ordering::SeqCst);
                        }
                        answers.lock().unwrap().push(status);
                    }
                });
            }
            std::thread::sleep(std::time::Duration::from_millis(5));
            assert_eq!(put(&admin, rev, uid, &[]), 200, "round {round}");
            std::thread::sleep(std::time::Duration::from_millis(15));
            stop.store(true, Ordering::SeqCst);
        });
        for status in answers.into_inner().unwrap() {
            *refused.entry(status).or_default() += 1;
        }
        let v = get();
        assert_eq!(
            v["groups"],
            serde_json::json!([]),
            "round {round}: the group the admin removed came back ({} PUTs won): {v}",
            won.load(Ordering::SeqCst)
        );
        assert_eq!(won.load(Ordering::SeqCst), 0, "round {round}");
        let rev = v["revision"].as_u64().unwrap();
        assert_eq!(put(&admin, rev, uid, &["managers"]), 200);
    }
    // Refused as stale (409) before the removal, as a group it may not give (403) after.
    assert!(
        refused.keys().all(|s| *s == 403 || *s == 409),
        "{refused:?}"
    );
    assert!(
        refused.contains_key(&403) && refused.contains_key(&409),
        "{refused:?}"
    );
}
