//! The planner's note on a stream's change: one line, at most [`MAX_NOTE_CHARS`] characters.

use super::Refusal;

/// The longest note on a stream's change, in characters.
pub const MAX_NOTE_CHARS: usize = 200;

/// A note as kept: trimmed, each run of line breaks, tabs and other control or invisible
/// format characters (which a file or a link could carry) turned into one space; refused when
/// longer than [`MAX_NOTE_CHARS`] characters.
pub fn clean_note(typed: &str) -> Result<String, Refusal> {
    let mut note = String::with_capacity(typed.len());
    let mut gap = false;
    for c in typed.chars() {
        if c.is_control() || c.is_whitespace() || is_invisible(c) {
            gap = true;
        } else {
            if gap && !note.is_empty() {
                note.push(' ');
            }
            gap = false;
            note.push(c);
        }
    }
    if note.chars().count() > MAX_NOTE_CHARS {
        return Err(Refusal::NoteTooLong);
    }
    Ok(note)
}

/// Format characters that show nothing: zero-width spaces and joiners, direction marks and
/// overrides, the byte-order mark, and XML's non-characters.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}' | '\u{FFFE}' | '\u{FFFF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_are_kept_on_one_line_within_the_limit() {
        for (typed, kept) in [
            ("  扩大培训  ", "扩大培训"),
            ("第一行\r\n\n第二行\t完", "第一行 第二行 完"),
            ("a\u{200B}b\u{202E}c\u{FEFF}", "a b c"),
            ("\u{3000}全角空格\u{3000}", "全角空格"),
            ("", ""),
        ] {
            assert_eq!(clean_note(typed).as_deref(), Ok(kept), "{typed:?}");
        }
        let longest = "注".repeat(MAX_NOTE_CHARS);
        assert_eq!(clean_note(&longest), Ok(longest.clone()));
        assert_eq!(
            clean_note(&format!("{longest}注")),
            Err(Refusal::NoteTooLong)
        );
        // Cleaning comes first: spaces around the text do not count.
        assert!(clean_note(&format!("  {longest}\n")).is_ok());
    }
}
