//! The exit status of a failed command, by what went wrong: 2 when the user's input is
//! the problem (a file that is missing, unreadable, not a regular file, too large, binary
//! or malformed; an unknown `--speakers` id; `-o` naming an input; like clap's usage
//! errors, which also exit 2), 1 for any other failure (a model that cannot be loaded or
//! run, an output that cannot be written).

use crate::article::ArticleError;
use crate::compare::CompareError;
use crate::input::InputError;
use crate::output::OutputIsInput;
use crate::pairs::PairsError;
use crate::train::TrainError;

/// The run failed for a reason other than its input.
pub const FAILURE: u8 = 1;
/// The input (a file or an argument) is unusable.
pub const BAD_INPUT: u8 = 2;

/// The exit status for `err`: `BAD_INPUT` when any error in its chain is about the input.
pub fn exit_code(err: &anyhow::Error) -> u8 {
    let bad_input = err.chain().any(|cause| {
        cause.is::<InputError>()
            || cause.is::<ArticleError>()
            || cause.is::<PairsError>()
            || cause.is::<OutputIsInput>()
            || cause
                .downcast_ref::<CompareError>()
                .is_some_and(|e| !matches!(e, CompareError::Model(_)))
            || cause
                .downcast_ref::<TrainError>()
                .is_some_and(|e| matches!(e, TrainError::Pairs(_)))
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
    use crate::encoder::ModelError;
    use std::path::PathBuf;

    #[test]
    fn input_problems_exit_2_and_other_failures_exit_1() {
        let missing = InputError::Missing(PathBuf::from("a.txt"));
        let article = CompareError::Article(ArticleError::Input(missing));
        let wrapped = anyhow::Error::new(article).context("comparing");
        assert_eq!(exit_code(&wrapped), BAD_INPUT);
        let binary = anyhow::Error::new(ArticleError::Binary(PathBuf::from("b.bin")));
        assert_eq!(exit_code(&binary), BAD_INPUT);
        let model = CompareError::Model(ModelError::Model("no weights".into()));
        assert_eq!(exit_code(&anyhow::Error::new(model)), FAILURE);
        let write = anyhow::Error::new(std::io::Error::other("disk full")).context("cannot write");
        assert_eq!(exit_code(&write), FAILURE);
    }
}
