fn main() {
    // The config lives at the repository root, one copy for cargo and the Tauri CLI alike.
    let attrs = tauri_build::Attributes::new().config_path("../tauri.conf.json");
    if let Err(e) = tauri_build::try_build(attrs) {
        println!("cargo::error=tauri build failed: {e:#}");
    }
}
