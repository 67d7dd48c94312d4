//! The shell's one test binary: the security boundary as committed, the error shape the UI
//! receives, the generated IPC contract, and every command the UI uses called through tauri's
//! mock runtime. Building it also builds the app binary the end-to-end tests drive.

mod boundary;
mod contract;
mod errors;
mod imports;
mod ipc;
mod recovery;
mod support;
