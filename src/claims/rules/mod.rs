//! The extraction rules, one file each; `reported::find_frames` tries them in order. Each
//! rule reads the `Document` through the shared phrase helpers and returns `Frame`s.

mod according_to;
mod content_end;
mod continued_quotes;
mod coordinated;
mod dash_signature;
mod free_relative;
mod inverted;
mod label;
mod nested_stance;
mod participle;
mod passive_agent;
mod poll_adjunct;
mod proportion_subject;
mod quantifier_subject;
mod stance;
mod subject_cue;
#[cfg(test)]
pub(crate) mod test_support;

pub(crate) use content_end::end_contents_at_coordinated_reports;
pub(crate) use continued_quotes::add_continued_quotes;
pub(crate) use free_relative::end_free_relative_contents;
pub(crate) use nested_stance::drop_nested_stances;
