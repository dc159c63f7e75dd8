//! The stylesheet is one file that many changes touch: a block left open puts every rule after
//! it inside (a merge once left the print block open, and the screen lost the rules below it).

#[test]
fn every_block_of_the_stylesheet_is_closed() {
    let css = include_str!("../style/main.css");
    let mut depth = 0i32;
    let mut in_comment = false;
    let chars: Vec<char> = css.chars().collect();
    for (i, c) in chars.iter().enumerate() {
        match (in_comment, *c, chars.get(i + 1)) {
            (false, '/', Some('*')) => in_comment = true,
            (true, '*', Some('/')) => in_comment = false,
            (false, '{', _) => depth += 1,
            (false, '}', _) => {
                depth -= 1;
                let line = chars[..i].iter().filter(|&&c| c == '\n').count() + 1;
                assert!(depth >= 0, "a `}}` closes nothing at line {line}");
            }
            _ => {}
        }
    }
    assert_eq!(depth, 0, "a block is left open");
}
