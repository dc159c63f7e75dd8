//! The page's source line cites the article's title in book-title marks in Chinese, as it is
//! in English (wording review, item 3).

use muchuan_funding_explorer::core::lang::Lang;
use wasm_bindgen_test::wasm_bindgen_test;

use super::{render, text};

#[wasm_bindgen_test]
async fn the_source_title_is_cited_in_book_title_marks_in_chinese() {
    for (lang, cited) in [
        (Lang::ZhHans, "《乐山：着力打造“归雁兴嘉”返乡创业品牌》"),
        (Lang::ZhHant, "《樂山：著力打造“歸雁興嘉”返鄉創業品牌》"),
        (
            Lang::En,
            "Leshan: building the “Returning Geese Revitalise Jiazhou” brand for returning \
             entrepreneurs",
        ),
    ] {
        let root = render(lang).await;
        assert_eq!(text(&root, ".source-line cite"), cited, "{lang:?}");
        root.remove();
    }
}
