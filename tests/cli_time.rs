//! The `govgraph` commands about time, run as a shell user runs them, on
//! the Secretary-General's succession (`tests/fixtures/secretary_general.json`,
//! written from public articles; see tests/lint.rs): `holders`, `history`,
//! `lint`, `--on` on `show`, `tree` and `path`, and `export --as-of`.
#![cfg(feature = "cli")]

use std::path::PathBuf;

use assert_cmd::Command;
use predicates::prelude::*;

const FIXTURE: &str = "tests/fixtures/secretary_general.json";
const SG: &str = "Secretary-General of the State Council";

fn gg() -> Command {
    let mut c = Command::cargo_bin("govgraph").expect("the binary is built with the cli feature");
    c.env_remove("NO_COLOR").env_remove("CLICOLOR_FORCE");
    c
}

/// Runs `govgraph --graph FIXTURE args…`, expecting success and no stderr.
fn on_history(args: &[&str]) -> String {
    let out = gg()
        .args(["--graph", FIXTURE])
        .args(args)
        .assert()
        .success()
        .stderr("")
        .get_output()
        .clone();
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

#[track_caller]
fn fails(args: &[&str], code: i32, message: &str) {
    gg().args(["--graph", FIXTURE])
        .args(args)
        .assert()
        .code(code)
        .stdout("")
        .stderr(format!("govgraph: {message}\n"));
}

fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("cli_time");
    std::fs::create_dir_all(&dir).expect("the scratch folder can be made");
    let p = dir.join(name);
    let _ = std::fs::remove_file(&p);
    p
}

#[test]
fn the_time_subcommands_have_help_with_examples() {
    for sub in ["holders", "history", "lint"] {
        let out = gg()
            .args([sub, "--help"])
            .assert()
            .success()
            .get_output()
            .clone();
        let help = String::from_utf8(out.stdout).expect("UTF-8");
        assert!(help.contains("Examples:"), "{sub}");
        assert!(help.contains(&format!("govgraph {sub}")), "{sub}");
    }
    let out = gg().arg("--help").assert().success().get_output().clone();
    let top = String::from_utf8(out.stdout).expect("UTF-8");
    for sub in ["holders", "history", "lint"] {
        assert!(top.contains(sub), "{sub}");
    }
    for sub in ["show", "tree", "path"] {
        let out = gg()
            .args([sub, "--help"])
            .assert()
            .success()
            .get_output()
            .clone();
        let help = String::from_utf8(out.stdout).expect("UTF-8");
        assert!(help.contains("--on <DATE>"), "{sub}");
    }
}

#[test]
fn holders_on_a_date() {
    assert_eq!(
        on_history(&["holders", SG, "--on", "1980-03-01"]),
        "Ji Pengfei (1980-02 – 1982-05)\n"
    );
    assert_eq!(
        on_history(&["holders", SG, "--on", "1977-06-01"]),
        "Secretary-General of the State Council was vacant on 1977-06-01\n"
    );
    // By slug and by key too; --keys prints the holder's key.
    assert_eq!(
        on_history(&[
            "holders",
            "post/secretary-general-of-the-state-council",
            "--on",
            "1980-03-01",
            "--keys"
        ]),
        "person/ji-pengfei\n"
    );
    // Day-precise hand-over: Wu Zhenglong from 12 March 2023, Xiao Jie until
    // then (the interval is half-open).
    assert_eq!(
        on_history(&["holders", SG, "--on", "2023-03-12"]),
        "Wu Zhenglong (since 2023-03-12)\n"
    );
    assert_eq!(
        on_history(&["holders", SG, "--on", "2023-03-11"]),
        "Xiao Jie (2018-03-19 – 2023-03-12)\n"
    );
    // Inside a month-precise hand-over, no one is certain.
    assert_eq!(
        on_history(&["holders", SG, "--on", "1980-02-10"]),
        "no one certainly held Secretary-General of the State Council on 1980-02-10 \
         (possibly Jin Ming, 1979-06 – 1980-02; Ji Pengfei, 1980-02 – 1982-05)\n"
    );
    // Before the post was formed.
    assert_eq!(
        on_history(&[
            "holders",
            "secretary-general-of-the-government-administration-council",
            "--on",
            "1949-10-01"
        ]),
        "Secretary-General of the Government Administration Council did not exist on \
         1949-10-01 (since 1949-10-19)\n"
    );
}

#[test]
fn holders_over_time_with_the_vacancy() {
    assert_eq!(
        on_history(&["holders", SG]),
        "\
1954-09 – 1965-01         Xi Zhongxun
1965-01 – 1975-01         Zhou Rongxin
1975-01 – 1979-06         (vacant)
1979-06 – 1980-02         Jin Ming
1980-02 – 1982-05         Ji Pengfei
1982-05 – 1983-06         Du Xingyuan
1983-06 – 1985-09         Tian Jiyun
1985-09 – 1993-03         Chen Junsheng
1993-03 – 1998-03         Luo Gan
1998-03 – 2003-03         Wang Zhongyu
2003-03 – 2008-03         Hua Jianmin
2008-03 – 2013-03         Ma Kai
2013-03 – ?               Yang Jing
2018-03-19 – 2023-03-12   Xiao Jie
since 2023-03-12          Wu Zhenglong
"
    );
    assert_eq!(
        on_history(&[
            "holders",
            "secretary-general-of-the-government-administration-council",
            "--keys"
        ]),
        "1949-10 – 1953-09   person/li-weihan\n1953-09 – 1954-09   person/xi-zhongxun\n"
    );
}

#[test]
fn holders_errors() {
    fails(
        &["holders", "state-council"],
        1,
        "`state-council` is a organization (org/state-council), not a post",
    );
    fails(
        &["holders", "nobody-at-all"],
        1,
        "nothing in the graph is named `nobody-at-all` (try `govgraph search`)",
    );
    gg().args(["holders", SG, "--on", "1980-13"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "invalid value '1980-13' for '--on <DATE>': month 13 is outside 1 to 12",
        ));
}

#[test]
fn history_of_a_body() {
    assert_eq!(
        on_history(&["history", "government-administration-council"]),
        "\
Government Administration Council of the Central People's Government (org/government-administration-council)
  1949                founded
  1949-10 – 1953-09   head: Li Weihan (Secretary-General of the Government Administration Council)
  1953-09 – 1954-09   head: Xi Zhongxun (Secretary-General of the Government Administration Council)
  1954                dissolved
  1954-09             replacement: The State Council replaces the Government Administration Council \
(before: Government Administration Council of the Central People's Government; after: State Council)
"
    );
    assert_eq!(
        on_history(&["history", "State Council"]),
        "\
State Council (org/state-council)
  1954-09      replacement: The State Council replaces the Government Administration Council \
(before: Government Administration Council of the Central People's Government; after: State Council)
  1954-09-27   founded
"
    );
    fails(
        &["history", SG],
        1,
        "`Secretary-General of the State Council` is a post \
         (post/secretary-general-of-the-state-council), not an organization",
    );
}

#[test]
fn lint_is_quiet_on_clean_graphs_and_exits_1_with_findings() {
    assert_eq!(on_history(&["lint"]), "");
    gg().arg("lint").assert().success().stdout("").stderr("");
    // A seeded fault: Ji Pengfei's end moved to September 1982.
    let text = std::fs::read_to_string(FIXTURE)
        .expect("the fixture")
        .replacen("\"end\": \"1982-05\"", "\"end\": \"1982-09\"", 1);
    let path = scratch("overlap.json");
    std::fs::write(&path, text).expect("scratch written");
    gg().args(["--graph", path.to_str().expect("UTF-8 path"), "lint"])
        .assert()
        .code(1)
        .stdout(
            "single-seat post/secretary-general-of-the-state-council had two holders at once: \
             person/ji-pengfei (1980-02 – 1982-09) and person/du-xingyuan (1982-05 – 1983-06)\n",
        )
        .stderr("govgraph: lint found 1 problem\n");
}

#[test]
fn show_tree_and_path_on_a_date() {
    assert_eq!(
        on_history(&["tree", "--on", "1980-03-01"]),
        "\
State Council [governing body]
└── General Office of the State Council [agency]
    └── Secretary-General of the State Council (head): Ji Pengfei (1980-02 – 1982-05)
"
    );
    assert_eq!(
        on_history(&[
            "tree",
            "general-office-of-the-state-council",
            "--on",
            "1977-06-01",
            "--ascii"
        ]),
        "\
General Office of the State Council [agency]
`-- Secretary-General of the State Council (head): vacant
"
    );
    fails(
        &["tree", "state-council", "--on", "1950"],
        1,
        "org/state-council did not exist on 1950 (since 1954-09-27)",
    );
    let card = on_history(&[
        "show",
        "General Office of the State Council",
        "--on",
        "1980-03-01",
    ]);
    assert!(card.starts_with("(as it was on 1980-03-01)\nGeneral Office of the State Council\n"));
    assert!(card.contains("\nParent        State Council (org/state-council)\n"));
    assert!(
        card.contains("    held by Ji Pengfei (1980-02 – 1982-05)\n"),
        "{card}"
    );
    assert!(!card.contains("Jin Ming"));
    fails(
        &[
            "show",
            "government-administration-council",
            "--on",
            "1980-03-01",
        ],
        1,
        "org/government-administration-council did not exist on 1980-03-01 (1949 – 1954)",
    );
    assert_eq!(
        on_history(&["path", "ji-pengfei", "state-council", "--on", "1980-03-01"]),
        "Ji Pengfei held Secretary-General of the State Council, a post in General Office of \
         the State Council, part of State Council\n"
    );
    assert_eq!(
        on_history(&["path", "ji-pengfei", "state-council", "--on", "1980-03-01", "--keys"]),
        "\
person/ji-pengfei <-holder- membership/ji-pengfei-secretary-general-of-the-state-council
membership/ji-pengfei-secretary-general-of-the-state-council -tenure_of-> post/secretary-general-of-the-state-council
post/secretary-general-of-the-state-council -post_in-> org/general-office-of-the-state-council
org/general-office-of-the-state-council -sub_organization_of-> org/state-council
"
    );
    fails(
        &["path", "ji-pengfei", "state-council", "--on", "1990"],
        1,
        "no path links person/ji-pengfei and org/state-council on 1990",
    );
}

/// The tree of a graph file written with `text`, as `govgraph --graph F
/// tree` prints it.
fn tree_of(text: &str, name: &str) -> String {
    let path = scratch(name);
    std::fs::write(&path, text).expect("scratch written");
    let p = path.to_str().expect("UTF-8 path");
    let out = gg()
        .args(["--graph", p, "tree"])
        .assert()
        .success()
        .get_output()
        .clone();
    String::from_utf8(out.stdout).expect("UTF-8")
}

#[test]
fn export_as_of() {
    let json = on_history(&["export", "--format", "json", "--as-of", "1980-03-01"]);
    let doc: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    let tenures: Vec<&str> = doc["nodes"]
        .as_array()
        .expect("nodes")
        .iter()
        .filter(|n| n["type"] == "tenure")
        .filter_map(|n| n["slug"].as_str())
        .collect();
    assert_eq!(
        tenures,
        ["ji-pengfei-secretary-general-of-the-state-council"]
    );
    assert!(!json.contains("\"government-administration-council\""));
    // The snapshot reads back, and its own tree is that day's.
    assert_eq!(
        tree_of(&json, "snapshot-1980.json"),
        on_history(&["tree", "--on", "1980-03-01"])
    );
    let dot = on_history(&["export", "--format", "dot", "--as-of", "1977-06-01"]);
    assert!(dot.contains("Secretary-General of the State Council (head): vacant"));
    let svg = on_history(&["export", "--format", "svg", "--as-of", "1980-03-01"]);
    assert!(svg.contains(">Ji Pengfei (1980-02–1982-05)<") && !svg.contains("Jin Ming"));
    // In RDF the snapshot is plain triples: the tenure of the day, no
    // relationship nodes, no events; it reads back to that day's tree.
    let ttl = on_history(&["export", "--format", "turtle", "--as-of", "1980-03-01"]);
    assert!(ttl.contains("membership:ji-pengfei-secretary-general-of-the-state-council"));
    assert!(!ttl.contains("membership:jin-ming-secretary-general-of-the-state-council"));
    assert!(!ttl.contains("gg:SubOrganizationRelationship") && !ttl.contains("org:ChangeEvent"));
    assert_eq!(
        tree_of(&ttl, "snapshot-1980.ttl"),
        on_history(&["tree", "--on", "1980-03-01"])
    );
}
