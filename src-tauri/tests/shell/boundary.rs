//! The security boundary as committed: the Tauri config and the capability. A change that
//! loosens them (an inline script allowed, a global `__TAURI__`, a broad permission) fails here
//! before it can ship. Also the integration test that makes `cargo test --workspace` build the
//! app binary itself, so the end-to-end tests drive exactly what the workspace build produced.

use serde_json::Value;

fn json(path: &str) -> Value {
    let full = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    let text =
        std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("read {}: {e}", full.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("parse {}: {e}", full.display()))
}

fn keys(v: &Value, path: &str, out: &mut Vec<String>) {
    if let Some(o) = v.as_object() {
        for (k, v) in o {
            let p = format!("{path}.{k}");
            out.push(p.clone());
            keys(v, &p, out);
        }
    }
}

#[test]
fn the_csp_allows_no_inline_script_eval_objects_or_frames() {
    let conf = json("../tauri.conf.json");
    let csp = conf["app"]["security"]["csp"]
        .as_str()
        .expect("a CSP string is set");
    let directives: Vec<&str> = csp.split(';').map(str::trim).collect();
    for banned in ["'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "*"] {
        assert!(
            csp.split_whitespace().all(|w| w != banned),
            "the CSP must not allow {banned}: {csp}"
        );
    }
    for needed in [
        "script-src 'self'",
        "object-src 'none'",
        "frame-src 'none'",
        "base-uri 'none'",
    ] {
        assert!(
            directives.contains(&needed),
            "the CSP needs {needed}: {csp}"
        );
    }
    let connect = directives
        .iter()
        .find(|d| d.starts_with("connect-src"))
        .expect("connect-src is limited");
    assert!(
        connect
            .split_whitespace()
            .skip(1)
            .all(|s| s == "ipc:" || s == "http://ipc.localhost"),
        "the page may talk only to the IPC: {connect}"
    );
}

#[test]
fn no_global_tauri_no_dangerous_options_no_asset_protocol() {
    let conf = json("../tauri.conf.json");
    assert_eq!(
        conf["app"]["withGlobalTauri"],
        Value::Bool(false),
        "no window.__TAURI__ for injected scripts to use"
    );
    let mut all = Vec::new();
    keys(&conf, "", &mut all);
    assert!(
        all.iter().all(|k| !k.to_lowercase().contains("dangerous")),
        "no dangerous* option: {all:?}"
    );
    let asset = &conf["app"]["security"]["assetProtocol"];
    assert!(
        asset.is_null() || asset["enable"] == Value::Bool(false),
        "the asset protocol stays off: {asset}"
    );
    assert_eq!(
        conf["app"]["security"]["capabilities"],
        serde_json::json!(["main-window"]),
        "one capability"
    );
}

#[test]
fn the_one_capability_grants_only_core_defaults() {
    let cap = json("capabilities/main-window.json");
    assert_eq!(cap["windows"], serde_json::json!(["main"]), "one window");
    assert_eq!(
        cap["permissions"],
        serde_json::json!(["core:default"]),
        "no fs, shell, http, dialog or opener permission: the app's own commands do that work"
    );
    assert!(cap["remote"].is_null(), "no remote URL may use the IPC");
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("capabilities");
    let files: Vec<_> = std::fs::read_dir(&dir)
        .expect("capabilities dir")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(files, vec!["main-window.json"], "no other capability file");
}

#[test]
fn no_fs_shell_or_http_plugin_is_registered() {
    let main = include_str!("../../src/lib.rs");
    for plugin in ["tauri_plugin_fs", "tauri_plugin_shell", "tauri_plugin_http"] {
        assert!(!main.contains(plugin), "{plugin} is not registered");
    }
    let manifest = include_str!("../../Cargo.toml");
    for plugin in ["tauri-plugin-fs", "tauri-plugin-shell", "tauri-plugin-http"] {
        assert!(!manifest.contains(plugin), "{plugin} is not a dependency");
    }
}
