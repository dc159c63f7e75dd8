//! Every colour the charts use, in one place.
//!
//! Based on the Okabe–Ito palette, which stays distinguishable under the common forms of colour
//! blindness. Orange, sky blue and yellow are too light on white in their original form, so
//! orange and sky blue are darkened and yellow is left out: every series colour has a contrast
//! of at least 3:1 against white (WCAG 1.4.11, graphical objects) and every text colour at least
//! 4.5:1 (WCAG 1.4.3). A test checks both. Colour is never the only carrier: bars are also told
//! apart by fill (solid or hatched) and every part is labelled in text.

use plotters::style::RGBColor;

/// The background every chart is drawn on.
pub const BACKGROUND: RGBColor = RGBColor(0xFF, 0xFF, 0xFF);
/// Main text: names and amounts (17:1 on white).
pub const TEXT: RGBColor = RGBColor(0x1A, 0x1A, 0x1A);
/// Secondary text: baseline figures, notes (7:1 on white).
pub const TEXT_MUTED: RGBColor = RGBColor(0x59, 0x59, 0x59);
/// Axis and rule lines.
pub const RULE: RGBColor = RGBColor(0x76, 0x76, 0x76);
/// The planned amounts (solid bars), and in a comparison the second scenario picked (by
/// default the one on screen): Okabe–Ito blue (5.2:1).
pub const PRIMARY: RGBColor = RGBColor(0x00, 0x72, 0xB2);
/// The baseline (hatched bars), and in a comparison the first scenario picked (by default the
/// baseline): dark grey (7:1).
pub const BASELINE: RGBColor = RGBColor(0x59, 0x59, 0x59);
/// Agencies in the flow diagram: dark grey.
pub const AGENCY: RGBColor = RGBColor(0x59, 0x59, 0x59);

/// Colours for kinds, in dataset order (cycled when there are more kinds).
pub const SERIES: [RGBColor; 7] = [
    RGBColor(0x00, 0x72, 0xB2), // blue
    RGBColor(0xD5, 0x5E, 0x00), // vermillion
    RGBColor(0x00, 0x9E, 0x73), // bluish green
    RGBColor(0xC1, 0x7F, 0x00), // orange, darkened
    RGBColor(0xCC, 0x79, 0xA7), // reddish purple
    RGBColor(0x2A, 0x8F, 0xCB), // sky blue, darkened
    RGBColor(0x00, 0x00, 0x00), // black
];

/// Opacity of the bands in the flow diagram (their edges are drawn at full strength).
pub const BAND_OPACITY: f64 = 0.45;

/// The colour of the `index`-th kind.
pub fn series(index: usize) -> RGBColor {
    SERIES[index % SERIES.len()]
}

/// `colour` as `#RRGGBB`, as plotters writes it into the SVG.
pub fn hex(colour: RGBColor) -> String {
    format!("#{:02X}{:02X}{:02X}", colour.0, colour.1, colour.2)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn luminance(c: RGBColor) -> f64 {
        let channel = |v: u8| {
            let v = f64::from(v) / 255.0;
            if v <= 0.039_28 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(c.0) + 0.7152 * channel(c.1) + 0.0722 * channel(c.2)
    }

    fn contrast(a: RGBColor, b: RGBColor) -> f64 {
        let (la, lb) = (luminance(a), luminance(b));
        (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
    }

    #[test]
    fn text_and_parts_have_contrast_on_white() {
        for text in [TEXT, TEXT_MUTED] {
            assert!(contrast(text, BACKGROUND) >= 4.5, "{}", hex(text));
        }
        for part in SERIES.iter().chain(&[PRIMARY, BASELINE, AGENCY, RULE]) {
            assert!(contrast(*part, BACKGROUND) >= 3.0, "{}", hex(*part));
        }
    }
}
