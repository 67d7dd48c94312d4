//! Calling commands the way the UI does: through tauri's IPC on the mock runtime, each
//! argument keyed by the contract's name and typed by it, each answer read as the contract's
//! return type.

use dossier_app::ipc::contract;
use dossier_app::{build_app, AppState};
use serde::Serialize;
use serde_json::Value;
use std::collections::BTreeSet;
use tauri::test::{mock_builder, mock_context, noop_assets, MockRuntime, INVOKE_KEY};
use tauri::webview::InvokeRequest;
use tauri::{App, WebviewWindow};
use ts_rs::TS;

/// An argument as the test sends it, with the TS type its Rust type has.
pub struct Arg(String, Value);

pub fn a<T: Serialize + TS>(v: T) -> Arg {
    let ts = T::name(&dossier_app::ts_gen::config());
    Arg(ts, serde_json::to_value(v).unwrap_or(Value::Null))
}

pub struct Ui {
    webview: WebviewWindow<MockRuntime>,
    pub called: BTreeSet<&'static str>,
}

impl Ui {
    /// Invokes `name` with `args` in the contract's order; Ok(answer) or Err(UiError JSON).
    pub fn call(&mut self, name: &'static str, args: Vec<Arg>) -> Result<Value, Value> {
        let all = contract();
        let Some(c) = all.iter().find(|c| c.name == name) else {
            panic!("{name} is not in the contract");
        };
        assert_eq!(c.args.len(), args.len(), "{name}: argument count");
        let mut body = serde_json::Map::new();
        for ((arg, ts), Arg(sent_ts, value)) in c.args.iter().zip(args) {
            assert_eq!(
                ts, &sent_ts,
                "{name}({arg}): the contract's type is what the test sends"
            );
            body.insert(camel(arg), value);
        }
        let request = InvokeRequest {
            cmd: name.into(),
            callback: tauri::ipc::CallbackFn(0),
            error: tauri::ipc::CallbackFn(1),
            url: "tauri://localhost".parse().expect("a fixed URL parses"),
            body: tauri::ipc::InvokeBody::Json(Value::Object(body)),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        };
        self.called.insert(c.name);
        let answer = tauri::test::get_ipc_response(&self.webview, request)
            .map(|b| b.deserialize::<Value>().unwrap_or(Value::Null))?;
        if let Err(e) = (c.check_return)(answer.clone()) {
            panic!("{name} answered what its contract type does not read: {e}\n{answer}");
        }
        Ok(answer)
    }

    pub fn ok(&mut self, name: &'static str, args: Vec<Arg>) -> Value {
        self.call(name, args)
            .unwrap_or_else(|e| panic!("{name} was refused: {e}"))
    }
}

fn camel(name: &str) -> String {
    let mut parts = name.split('_');
    let mut out = parts.next().unwrap_or_default().to_string();
    for p in parts {
        let mut c = p.chars();
        out.extend(c.next().map(|c| c.to_ascii_uppercase()));
        out.push_str(c.as_str());
    }
    out
}

pub fn read<T: serde::de::DeserializeOwned>(v: Value) -> T {
    serde_json::from_value(v.clone()).unwrap_or_else(|e| panic!("{e}: {v}"))
}

pub fn id(v: &Value) -> i64 {
    v["id"].as_i64().unwrap_or_else(|| panic!("no id in {v}"))
}

/// The app with `state` on the mock runtime, and a window to call it from.
pub fn mock_app(state: AppState) -> (App<MockRuntime>, Ui) {
    let app = build_app(mock_builder(), state)
        .build(mock_context(noop_assets()))
        .expect("the app builds on the mock runtime");
    let webview = tauri::WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .expect("a mock window");
    let ui = Ui {
        webview,
        called: BTreeSet::new(),
    };
    (app, ui)
}
