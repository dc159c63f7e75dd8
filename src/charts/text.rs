//! Text for drawing: cleaning hostile input, estimating widths, fitting labels into space.
//!
//! The width estimate is our own and deliberately a little generous, so a label that fits here
//! fits in a browser's sans-serif too. It never asks plotters to measure: on wasm32 plotters
//! measures by adding a `<span>` with an inline `style` to the page, which needs a `window`
//! and is blocked by a strict `style-src` policy. The same estimate runs natively and in the
//! browser, so a chart's SVG is the same string everywhere.

/// The ellipsis put at the end of a shortened label.
pub const ELLIPSIS: char = '…';

/// Whether `c` is drawn one em wide (CJK ideographs, kana, hangul, full-width forms).
pub fn is_wide(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x115F
        | 0x2E80..=0x303E
        | 0x3041..=0x33FF
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xA000..=0xA4CF
        | 0xAC00..=0xD7A3
        | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F
        | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6
        | 0x20000..=0x3FFFD)
}

/// The estimated advance of `c` in ems of a sans-serif font: DejaVu Sans' widths (the widest
/// common default), rounded up by class, so Arial, Helvetica and Noto fit as well.
fn char_em(c: char) -> f64 {
    if is_wide(c) {
        1.0
    } else if "il.,:;'|! ".contains(c) {
        0.33
    } else if "fjrt-()[]{}`/".contains(c) {
        0.43
    } else if "mwMW&%@".contains(c) {
        0.99
    } else if c.is_ascii_uppercase() {
        0.78
    } else if c.is_ascii() {
        0.64
    } else {
        // Other scripts and symbols: assume wide rather than clip.
        0.9
    }
}

/// How much wider bold Latin text runs than regular (CJK keeps its em).
const BOLD: f64 = 1.1;

/// The estimated advance of `c` in px at `size` px, regular or bold.
fn advance(c: char, size: f64, bold: bool) -> f64 {
    let em = char_em(c);
    if bold && !is_wide(c) {
        em * BOLD * size
    } else {
        em * size
    }
}

/// The estimated width of `text` in px at a font size of `size` px.
pub fn width(text: &str, size: f64) -> f64 {
    measure(text, size, false)
}

/// The estimated width of `text` in px at `size` px, regular or bold.
pub fn measure(text: &str, size: f64, bold: bool) -> f64 {
    text.chars().map(|c| advance(c, size, bold)).sum()
}

/// Whether XML 1.0 allows `c` in a document (its `Char` production; a Rust `char` is never a
/// lone surrogate). U+FFFE and U+FFFF are the ones that pass every other test.
pub fn is_xml_char(c: char) -> bool {
    matches!(c as u32, 0x9 | 0xA | 0xD | 0x20..=0xD7FF | 0xE000..=0xFFFD | 0x10000..)
}

/// `text` with what must not reach a drawing removed: control characters become spaces
/// (XML forbids most of them), characters XML forbids otherwise (U+FFFE, U+FFFF) and
/// bidirectional overrides are dropped (these could reorder the rest of a label). Runs of
/// white space collapse to one space.
pub fn clean(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if matches!(c as u32, 0x202A..=0x202E | 0x2066..=0x2069 | 0x200E | 0x200F | 0xFEFF)
            || !(is_xml_char(c) || c.is_control())
        {
            continue;
        }
        let c = if c.is_control() || c.is_whitespace() {
            ' '
        } else {
            c
        };
        if c == ' ' {
            if !space && !out.is_empty() {
                out.push(' ');
            }
            space = true;
        } else {
            out.push(c);
            space = false;
        }
    }
    while out.ends_with(' ') {
        out.pop();
    }
    out
}

/// `text` shortened with an ellipsis so it fits `max_px` at `size` px (unchanged if it fits).
pub fn fit(text: &str, max_px: f64, size: f64) -> String {
    fit_styled(text, max_px, size, false)
}

/// [`fit`] for regular or bold text.
pub fn fit_styled(text: &str, max_px: f64, size: f64, bold: bool) -> String {
    if measure(text, size, bold) <= max_px {
        return text.to_owned();
    }
    let room = max_px - advance(ELLIPSIS, size, bold);
    let mut used = 0.0;
    let mut kept = String::new();
    for c in text.chars() {
        used += advance(c, size, bold);
        if used > room {
            break;
        }
        kept.push(c);
    }
    // A bracket the cut leaves open is closed after the ellipsis (`名称（中央投…）`), so that a
    // marker after the name does not read as inside it; fewer characters make room for it.
    loop {
        while kept.ends_with(' ') {
            kept.pop();
        }
        let mut out = kept.clone();
        out.push(ELLIPSIS);
        out.push_str(&closing(&kept));
        if measure(&out, size, bold) <= max_px || kept.pop().is_none() {
            return out;
        }
    }
}

/// Bracket pairs a cut may leave open.
const PAIRS: [(char, char); 8] = [
    ('(', ')'),
    ('（', '）'),
    ('[', ']'),
    ('［', '］'),
    ('【', '】'),
    ('《', '》'),
    ('“', '”'),
    ('「', '」'),
];

/// The closers of the brackets `text` leaves open, innermost first.
fn closing(text: &str) -> String {
    let mut open = Vec::new();
    for c in text.chars() {
        if let Some((_, close)) = PAIRS.iter().find(|(o, _)| *o == c) {
            open.push(*close);
        } else if open.last() == Some(&c) {
            open.pop();
        }
    }
    open.iter().rev().collect()
}

/// Characters a line should not end with.
const OPENERS: &str = "(（[［{｛「『“‘《〈【";
/// Characters a line should not start with.
const CLOSERS: &str = ")）]］}｝」』”’》〉】，。、；：！？,.;:!?%";

/// Whether a line may break between `prev` and `next`.
fn may_break(prev: char, next: char) -> bool {
    if OPENERS.contains(prev) || CLOSERS.contains(next) {
        return false;
    }
    prev == ' ' || prev == '-' || prev == '/' || is_wide(prev) || is_wide(next)
}

/// `text` broken into at most `max_lines` lines of at most `max_px` each (at `size` px, regular
/// or bold): at
/// spaces and hyphens in Latin text, between characters in Chinese, anywhere as a last
/// resort; the last line is shortened with an ellipsis if text remains.
pub fn wrap(text: &str, max_px: f64, size: f64, bold: bool, max_lines: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut rest = text.trim();
    while !rest.is_empty() && lines.len() < max_lines {
        if lines.len() + 1 == max_lines || measure(rest, size, bold) <= max_px {
            lines.push(fit_styled(rest, max_px, size, bold));
            break;
        }
        let mut used = 0.0;
        let mut end = 0;
        let mut last_break = None;
        let mut prev: Option<char> = None;
        for (i, c) in rest.char_indices() {
            if let Some(p) = prev
                && may_break(p, c)
            {
                last_break = Some(i);
            }
            used += advance(c, size, bold);
            if used > max_px {
                break;
            }
            end = i + c.len_utf8();
            prev = Some(c);
        }
        // At least one character per line, so the loop always advances.
        let first = rest.chars().next().map_or(1, char::len_utf8);
        let cut = last_break.filter(|b| *b > 0).unwrap_or(end).max(first);
        lines.push(rest[..cut].trim_end().to_owned());
        rest = rest[cut..].trim_start();
    }
    lines
}

/// `text` escaped for XML character data and attribute values; a character XML does not allow
/// becomes U+FFFD, so the file stays XML whatever reaches it.
pub fn escape_xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            c if !is_xml_char(c) => out.push(char::REPLACEMENT_CHARACTER),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_is_wider_than_latin() {
        assert_eq!(width("贷款", 10.0), 20.0);
        assert!(width("Loans", 10.0) < 40.0);
    }

    #[test]
    fn cleans_control_and_bidi_characters() {
        assert_eq!(clean("a\u{0}b\u{202E}c\n\t d  "), "a bc d");
        assert_eq!(clean("  贷款 "), "贷款");
        assert_eq!(clean("a\u{FFFE}b\u{FFFF}c\u{1}d\u{FFFD}"), "abc d\u{FFFD}");
        assert_eq!(escape_xml("a\u{FFFF}\u{B}b\t"), "a\u{FFFD}\u{FFFD}b\t");
    }

    #[test]
    fn a_cut_inside_brackets_closes_them() {
        let name = "公共实训基地建设（中央投资项目资金）";
        let short = fit(name, 150.0, 12.0);
        assert!(short.ends_with("…）"), "{short}");
        assert!(width(&short, 12.0) <= 150.0);
        assert_eq!(closing("a（b《c》“d"), "”）");
        // At any width, whatever the cut, no bracket is left open.
        for name in [
            name,
            "Public vocational training base (central-government funds)",
        ] {
            for width in (30..400).step_by(7) {
                let short = fit(name, f64::from(width), 12.0);
                assert_eq!(closing(&short), "", "{short}");
            }
        }
    }

    #[test]
    fn fits_with_an_ellipsis() {
        assert_eq!(fit("贷款", 100.0, 10.0), "贷款");
        let long = "字".repeat(10_000);
        let short = fit(&long, 100.0, 10.0);
        assert!(short.ends_with(ELLIPSIS));
        assert!(width(&short, 10.0) <= 100.0);
        assert!(short.chars().count() < 12);
    }

    #[test]
    fn wraps_words_and_characters() {
        let lines = wrap(
            "City Communist Youth League Committee",
            120.0,
            12.0,
            true,
            2,
        );
        assert_eq!(lines.len(), 2);
        assert!(lines[0].starts_with("City Communist"));
        assert!(lines.iter().all(|l| measure(l, 12.0, true) <= 120.0));
        let lines = wrap(
            "人社部门（市人社局）人社部门（市人社局）",
            60.0,
            12.0,
            false,
            3,
        );
        assert_eq!(lines.len(), 3);
        assert!(
            lines
                .iter()
                .all(|l| !l.starts_with('）') && !l.ends_with('（'))
        );
        assert!(lines[2].ends_with(ELLIPSIS));
        assert_eq!(
            wrap("Loans", 100.0, 12.0, false, 2),
            vec!["Loans".to_owned()]
        );
        assert_eq!(
            wrap("Loans", 1.0, 12.0, false, 2).len(),
            2,
            "one character a line at least"
        );
    }

    #[test]
    fn escapes_markup() {
        assert_eq!(
            escape_xml(r#"<a href="x">'&'</a>"#),
            "&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;"
        );
    }
}
