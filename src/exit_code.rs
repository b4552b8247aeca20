//! The exit status of a failed command, by what went wrong: 2 when the user's input is
//! the problem (a file that is missing, unreadable, not a regular file, too large, binary
//! or malformed; an unknown `--speakers` id; `-o` naming an input; like clap's usage
//! errors, which also exit 2), 1 for any other failure (a model that cannot be loaded or
//! run, an output that cannot be written). Both binaries compile this module; the model
//! commands add their own input errors through `extra`.

use std::error::Error;

use crate::article::ArticleError;
use crate::input::InputError;
use crate::output::OutputIsInput;

/// The run failed for a reason other than its input.
pub const FAILURE: u8 = 1;
/// The input (a file or an argument) is unusable.
pub const BAD_INPUT: u8 = 2;

/// `BAD_INPUT` when any error in `err`'s chain is about the input: a file error every
/// command shares, or one that `extra` recognises; else `FAILURE`.
pub fn exit_code(err: &anyhow::Error, extra: fn(&(dyn Error + 'static)) -> bool) -> u8 {
    let bad_input = err.chain().any(|cause| {
        cause.is::<InputError>()
            || cause.is::<ArticleError>()
            || cause.is::<OutputIsInput>()
            || extra(cause)
    });
    if bad_input {
        BAD_INPUT
    } else {
        FAILURE
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    #[test]
    fn input_problems_exit_2_and_other_failures_exit_1() {
        let none = |_: &(dyn Error + 'static)| false;
        let missing = InputError::Missing(PathBuf::from("a.txt"));
        let wrapped = anyhow::Error::new(ArticleError::Input(missing)).context("comparing");
        assert_eq!(exit_code(&wrapped, none), BAD_INPUT);
        let binary = anyhow::Error::new(ArticleError::Binary(PathBuf::from("b.bin")));
        assert_eq!(exit_code(&binary, none), BAD_INPUT);
        let write = anyhow::Error::new(std::io::Error::other("disk full")).context("cannot write");
        assert_eq!(exit_code(&write, none), FAILURE);
        let everything = |_: &(dyn Error + 'static)| true;
        assert_eq!(exit_code(&write, everything), BAD_INPUT);
    }
}
