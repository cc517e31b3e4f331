//! Exports: CSV and reports.
