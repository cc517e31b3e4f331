//! The wasm binding, exercised in Node by wasm-bindgen-test.
#![cfg(target_arch = "wasm32")]

#[path = "wasm_common/mod.rs"]
mod common;
