//! Every input under `tests/fixtures/regressions/<target>/`, each one a
//! crash or mismatch a fuzz target once found (see `fuzz/README.md`),
//! replayed through the same differential check as the fuzz target, on
//! stable, as plain tests. The seed corpus under `fuzz/seeds/` runs too.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::differential;

/// The files of one target's regression and seed directories, sorted.
fn inputs(target: &str) -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in [
        root.join("tests/fixtures/regressions").join(target),
        root.join("fuzz/seeds").join(target),
    ] {
        let Ok(entries) = fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries {
            let path = entry.expect("a readable directory").path();
            if path.is_file() && path.file_name().is_some_and(|n| n != ".gitkeep") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

#[track_caller]
fn replay(target: &str, check: impl Fn(&[u8])) {
    let files = inputs(target);
    assert!(!files.is_empty(), "no inputs for {target}");
    for path in files {
        let bytes = fs::read(&path).expect("a readable file");
        let run = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| check(&bytes)));
        assert!(run.is_ok(), "{target}: {} fails", path.display());
    }
}

#[test]
fn article_inputs_pass() {
    replay("article", differential::article);
}

#[test]
fn rdf_import_inputs_pass() {
    replay("rdf_import", |data| {
        if let Some((format, doc)) = differential::split_format(data) {
            differential::rdf_import(doc, format);
        }
    });
}

#[test]
fn popolo_inputs_pass() {
    replay("popolo", differential::popolo);
}

#[test]
fn json_inputs_pass() {
    replay("json", differential::json);
}

#[test]
fn slug_date_inputs_pass() {
    replay("slug_date", differential::slug_date);
}

/// Inputs under `tests/fixtures/open/<target>/`: failures a fuzz target
/// found that are not fixed yet. Ignored, so CI stays green; run with
/// `cargo test --test regressions -- --ignored` while fixing one, then
/// move its file to `tests/fixtures/regressions/`. None is open now: the
/// last one (a document read under a found base) passes since the check
/// round-trips under `ImportReport::base`.
#[test]
#[ignore = "open fuzz findings, not fixed yet"]
fn open_rdf_import_findings_pass() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/open/rdf_import");
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.sort();
    for path in files {
        let bytes = fs::read(&path).expect("a readable file");
        if let Some((format, doc)) = differential::split_format(&bytes) {
            differential::rdf_import(doc, format);
        }
    }
}

/// Inputs under `tests/fixtures/open/json/`, as for `rdf_import` above.
/// None is open now: the last one (time shapes the RDF did not write
/// yet, issue #12) passes since the RDF of time landed and is a seed in
/// `fuzz/seeds/json/history.json`, replayed by `json_inputs_pass`.
#[test]
#[ignore = "open fuzz findings, not fixed yet"]
fn open_json_findings_pass() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/open/json");
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.sort();
    for path in files {
        let bytes = fs::read(&path).expect("a readable file");
        differential::json(&bytes);
    }
}
