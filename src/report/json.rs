//! The report as JSON (`contra.report/2`), and the JSON Schema that describes it.

use std::io::{self, Write};

use super::Report;

pub use crate::options::REPORT_JSON_SCHEMA;

pub fn write_json(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, report)?;
    out.write_all(b"\n")
}
