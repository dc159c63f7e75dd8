//! Mounts the explorer on the page; everything else lives in the library.

#[cfg(target_arch = "wasm32")]
fn main() {
    muchuan_funding_explorer::start::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The explorer runs in a browser: build it with `bash scripts/serve.sh`.");
}
