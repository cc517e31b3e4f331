//! The wasm binding, exercised in headless Chromium (through chromedriver)
//! by wasm-bindgen-test: the same tests as in Node.
#![cfg(target_arch = "wasm32")]

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

#[path = "wasm_common/mod.rs"]
mod common;
