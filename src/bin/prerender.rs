//! Writes the explorer's prerendered first screen into a built `index.html`, and the messages
//! of the languages the app loads when wanted beside it: `prerender dist/index.html` (run by
//! `scripts/trunk-post-build.mjs` after every build).

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use muchuan_funding_explorer::i18n::catalogue;
    use muchuan_funding_explorer::prerender::into_page;
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: prerender PATH/index.html");
        return std::process::ExitCode::FAILURE;
    };
    let written = std::fs::read_to_string(&path)
        .map_err(|error| error.to_string())
        .and_then(|page| into_page(&page).map_err(|error| format!("{error:?}")))
        .and_then(|page| std::fs::write(&path, page).map_err(|error| error.to_string()))
        .and_then(|()| {
            let dir = std::path::Path::new(&path).with_file_name("");
            catalogue::FILES.iter().try_for_each(|(tag, name)| {
                let text = catalogue::compiled(tag).unwrap_or_default();
                std::fs::write(dir.join(name), text).map_err(|error| format!("{name}: {error}"))
            })
        });
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
