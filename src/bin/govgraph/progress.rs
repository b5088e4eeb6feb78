//! Progress bars on stderr for work that takes over about a second.
//!
//! A bar starts hidden; a watcher thread shows it after a second if the
//! work is not done by then. It draws through indicatif's stderr target,
//! which draws nothing when stderr is not a terminal, so pipes, files and
//! tests never see it. No colour is used.

use std::io::{self, Read, Write};
use std::thread;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// How long work runs before its bar is shown.
const DELAY: Duration = Duration::from_secs(1);

/// A progress bar (cheap to clone: clones share the bar).
#[derive(Debug, Clone)]
pub(crate) struct Progress {
    bar: ProgressBar,
}

impl Progress {
    /// A bar over `len` units (bytes when `msg` is about reading or
    /// writing, else items), or a spinner when the length is unknown.
    pub(crate) fn new(len: Option<u64>, msg: &'static str) -> Self {
        let bytes = msg == "reading" || msg == "writing";
        let bar = ProgressBar::with_draw_target(len, ProgressDrawTarget::hidden());
        let template = match (len.is_some(), bytes) {
            (true, true) => "{msg} [{bar:30}] {bytes}/{total_bytes} ({eta})",
            (true, false) => "{msg} [{bar:30}] {pos}/{len} ({eta})",
            (false, true) => "{spinner} {msg} {bytes}",
            (false, false) => "{spinner} {msg} {pos}",
        };
        if let Ok(style) = ProgressStyle::with_template(template) {
            bar.set_style(style.progress_chars("=> "));
        }
        bar.set_message(msg);
        let watched = bar.clone();
        thread::spawn(move || {
            thread::sleep(DELAY);
            if !watched.is_finished() {
                watched.set_draw_target(ProgressDrawTarget::stderr());
                watched.enable_steady_tick(Duration::from_millis(120));
            }
        });
        Self { bar }
    }

    /// Sets how far the work is.
    pub(crate) fn set(&self, pos: u64) {
        self.bar.set_position(pos);
    }

    fn add(&self, n: usize) {
        self.bar.inc(n as u64);
    }

    /// Ends the bar and clears it from the terminal.
    pub(crate) fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

/// A reader that counts the bytes read into a [`Progress`].
pub(crate) struct ProgressReader<R> {
    inner: R,
    progress: Progress,
}

impl<R> ProgressReader<R> {
    pub(crate) fn new(inner: R, progress: Progress) -> Self {
        Self { inner, progress }
    }
}

impl<R: Read> Read for ProgressReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.progress.add(n);
        Ok(n)
    }
}

/// A writer that counts the bytes written into a [`Progress`].
pub(crate) struct ProgressWriter<W> {
    inner: W,
    progress: Progress,
}

impl<W> ProgressWriter<W> {
    pub(crate) fn new(inner: W, progress: Progress) -> Self {
        Self { inner, progress }
    }
}

impl<W: Write> Write for ProgressWriter<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.progress.add(n);
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}
