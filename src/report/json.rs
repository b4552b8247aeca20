//! The report as JSON (`contra.report/2`), and the JSON Schema that describes it.

use std::io::{self, Write};

use super::Report;

/// JSON Schema (draft 2020-12) of `contra.report/2`, printed by `contra schema`.
pub const REPORT_JSON_SCHEMA: &str = include_str!("report.schema.json");

pub fn write_json(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, report)?;
    out.write_all(b"\n")
}
