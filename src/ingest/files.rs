//! Reading articles from files and directories: size limits, UTF-8, and
//! each file's `file://` URL.

use std::fs;
use std::io::Read as _;
use std::path::Path;

use super::IngestError;
use super::ingester::Ingester;
use crate::TextPosition;

/// A `file://` URL for a path: made absolute, and every byte outside the
/// unreserved characters and `/` percent-encoded.
fn file_url(path: &Path) -> String {
    use std::fmt::Write as _;
    let abs = fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let text = abs.to_string_lossy().replace('\\', "/");
    let mut out = String::from("file://");
    if !text.starts_with('/') {
        out.push('/');
    }
    for b in text.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                out.push(char::from(b));
            }
            _ => {
                let _ = write!(out, "%{b:02X}");
            }
        }
    }
    out
}

impl Ingester {
    /// Ingests a file, or every `.txt` file of a directory (not its
    /// subdirectories) in sorted order of file name. Each article cites its
    /// file's `file://` URL.
    ///
    /// ```no_run
    /// use govgraph::ingest::Ingester;
    /// let mut ing = Ingester::new();
    /// ing.ingest_path("articles/")?;
    /// let govgraph::ingest::Ingested { graph, report, .. } = ing.finish();
    /// eprint!("{report}");
    /// # let _ = graph;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// [`IngestError::Io`] when a path cannot be read,
    /// [`IngestError::NotUtf8`] for a file that is not UTF-8, and as
    /// [`ingest_str`](Self::ingest_str). A directory stops at its first
    /// failed article; the articles before it stay ingested.
    pub fn ingest_path(&mut self, path: impl AsRef<Path>) -> Result<(), IngestError> {
        let path = path.as_ref();
        let shown = path.display().to_string();
        let io = |source| IngestError::Io {
            name: shown.clone(),
            source,
        };
        let meta = fs::metadata(path).map_err(io)?;
        if !meta.is_dir() {
            return self.ingest_file(path);
        }
        let mut files = Vec::new();
        for entry in fs::read_dir(path).map_err(io)? {
            let p = entry.map_err(io)?.path();
            let is_txt = p.extension().is_some_and(|e| e.eq_ignore_ascii_case("txt"));
            if is_txt && p.is_file() {
                files.push(p);
            }
        }
        files.sort();
        for f in files {
            self.ingest_file(&f)?;
        }
        Ok(())
    }

    fn ingest_file(&mut self, path: &Path) -> Result<(), IngestError> {
        let name = path.display().to_string();
        let io = |source| IngestError::Io {
            name: name.clone(),
            source,
        };
        let file = fs::File::open(path).map_err(io)?;
        let size = file.metadata().map_err(io)?.len();
        if size > self.max_bytes {
            return Err(IngestError::TooLarge {
                name,
                size,
                limit: self.max_bytes,
            });
        }
        let mut bytes = Vec::new();
        file.take(self.max_bytes.saturating_add(1))
            .read_to_end(&mut bytes)
            .map_err(io)?;
        let read = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
        if read > self.max_bytes {
            return Err(IngestError::TooLarge {
                name,
                size: read,
                limit: self.max_bytes,
            });
        }
        let text = match String::from_utf8(bytes) {
            Ok(t) => t,
            Err(e) => {
                let good = e.utf8_error().valid_up_to();
                let before = String::from_utf8_lossy(&e.as_bytes()[..good]);
                let line = before.matches('\n').count() + 1;
                let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
                let at = TextPosition::new(
                    u64::try_from(line).unwrap_or(u64::MAX),
                    u64::try_from(column).unwrap_or(u64::MAX),
                );
                return Err(IngestError::NotUtf8 { name, at });
            }
        };
        self.ingest_text(&name, Some(file_url(path)), &text)
    }
}
