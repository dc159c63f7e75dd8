//! Writes the explorer's prerendered first screen into a built `index.html`:
//! `prerender dist/index.html` (run by `scripts/trunk-post-build.mjs` after every build).

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use muchuan_funding_explorer::prerender::into_page;
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: prerender PATH/index.html");
        return std::process::ExitCode::FAILURE;
    };
    let written = std::fs::read_to_string(&path)
        .map_err(|error| error.to_string())
        .and_then(|page| into_page(&page).map_err(|error| format!("{error:?}")))
        .and_then(|page| std::fs::write(&path, page).map_err(|error| error.to_string()));
    match written {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("prerender: {path}: {error}");
            std::process::ExitCode::FAILURE
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {
    eprintln!("The prerender runs natively at build time: see scripts/trunk-post-build.mjs.");
}
