//! Progress bars on stderr: shown only when stderr is a terminal and the user did not ask
//! for quiet, so logs and pipes stay clean.

use std::io::IsTerminal;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// A progress bar that may be hidden; every method is a no-op when it is.
pub struct Progress {
    bar: ProgressBar,
}

impl Progress {
    /// A bar over `total` items, drawn only if `visible` and stderr is a terminal.
    pub fn new(visible: bool, total: u64, message: &str) -> Self {
        let bar = if visible && std::io::stderr().is_terminal() {
            ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::stderr())
        } else {
            ProgressBar::hidden()
        };
        bar.set_style(
            ProgressStyle::with_template(
                "{msg:>12} [{bar:30}] {pos}/{len} {per_sec} eta {eta} {prefix}",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> "),
        );
        bar.set_message(message.to_string());
        Progress { bar }
    }

    pub fn hidden() -> Self {
        Progress {
            bar: ProgressBar::hidden(),
        }
    }

    pub fn inc(&self, n: u64) {
        self.bar.inc(n);
    }

    /// The number of items, once known.
    pub fn set_length(&self, total: u64) {
        self.bar.set_length(total);
    }

    pub fn set_position(&self, pos: u64) {
        self.bar.set_position(pos);
    }

    /// Extra text after the counters (for example the running loss).
    pub fn set_status(&self, status: String) {
        self.bar.set_prefix(status);
    }

    /// Prints a line above the bar, or to stderr when the bar is hidden, so that
    /// background runs still log.
    pub fn println(&self, line: String) {
        if self.bar.is_hidden() {
            eprintln!("{line}");
        } else {
            self.bar.println(line);
        }
    }

    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }
}
