//! Exporters: to be written.
