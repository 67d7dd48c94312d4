//! `ui/src/ipc.ts` is generated from the command table; it must match what Rust would write.

use dossier_app::ts_gen::typescript;

#[test]
fn the_ui_contract_matches_the_command_table() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/src/ipc.ts");
    let fresh = typescript();
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        std::fs::write(&path, &fresh).unwrap_or_else(|e| panic!("write {}: {e}", path.display()));
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == fresh,
        "{} drifted from src-tauri/src/ipc.rs: run `UPDATE_BINDINGS=1 cargo test -p dossier-app \
         --test shell contract` and commit the result",
        path.display()
    );
}

#[test]
fn every_command_is_a_typed_function_of_the_contract() {
    let ts = typescript();
    for c in dossier_app::ipc::contract() {
        assert!(
            ts.contains(&format!("(\"{}\"", c.name)),
            "{} has no generated function",
            c.name
        );
    }
    assert!(
        ts.contains("export function explain(id: number, asOf: string | null = null)"),
        "arguments are camelCased and typed as Tauri sends them, a trailing option \
         optional:\n{ts}"
    );
    assert!(
        ts.contains("export function removeCredential(id: number): Promise<void>"),
        "ids are numbers and a unit result is void:\n{ts}"
    );
}
