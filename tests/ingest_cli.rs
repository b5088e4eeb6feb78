//! `govgraph ingest` reports, on standard error, the merges with their
//! reasons and the titles it supplied.
#![cfg(feature = "cli")]

use assert_cmd::Command;

#[test]
fn ingest_reports_merges_and_supplied_titles() {
    let out = Command::cargo_bin("govgraph")
        .expect("the binary is built with the cli feature")
        .args(["ingest", "tests/fixtures/articles/state-council"])
        .assert()
        .success();
    let stderr = String::from_utf8(out.get_output().stderr.clone()).expect("UTF-8");
    assert!(
        stderr.starts_with(
            "5 articles: 83 nodes created, 7 merged, 3 titles supplied, 1 ignored, 0 warnings, 0 conflicts\n"
        ),
        "{stderr}"
    );
    for line in [
        "Ministry of Foreign Affairs (China):14: merged \"State Council\" into \
         org/state-council-of-the-peoples-republic-of-china (created by General Office of the \
         State Council): the same name without a country qualifier, and no other body matches\n",
        "State Council of China:1: merged \"State Council of the People's Republic of China\" \
         into org/state-council-of-the-peoples-republic-of-china (created by General Office of \
         the State Council): a name the article declares for it\n",
        "Ministry of Foreign Affairs (China):13: supplied title \"Deputy Minister of the \
         Ministry of Foreign Affairs\" for post/deputy-minister-of-the-ministry-of-foreign-affairs \
         (deputy minister with no position)\n",
    ] {
        assert!(stderr.contains(line), "{line}\nnot in:\n{stderr}");
    }
}
