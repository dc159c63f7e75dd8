//! The share link: a scenario written into the URL fragment, and read back against a dataset.
//!
//! # Format, version 1
//!
//! Segments separated by `;`. The first is the version, `v1`. Then, in any order:
//!
//! - settings, written `name:value` (`:` never occurs in a stream id, so a setting cannot be
//!   mistaken for a stream whatever the dataset's ids are):
//!   - `m:p` fixed-pool balance mode (`m:f`, free, is the default and is left out);
//!   - `s:0` sought money not counted in the grand total (`s:1`, counted, is the default);
//!   - `t:` and the scenario's name in base64url (RFC 4648 §5, UTF-8, no padding), at most
//!     [`MAX_NAME_CHARS`] characters;
//! - one entry per stream that differs from the dataset's baseline, written
//!   `stream-id=part,part…` with the stream's stable id (ids are `A–Z a–z 0–9 - _ .`) and parts:
//!   - an amount in whole yuan: decimal digits, or digits followed by `w` meaning ten thousand
//!     yuan (万): `273w` is 2,730,000 yuan, `2730001` is 2,730,001;
//!   - `g` (assumed granted), `r` (refused), `p` and a percent 0–100 (`p50`, granted in part),
//!     `c` and a percent (`c0`, `c50`: granted that much, the rest covered from other items):
//!     the assumed outcome of a sought stream (pending, the default, is left out);
//!   - `L`: the stream is locked;
//!   - `n` and the planner's note on the change in base64url (UTF-8, no padding), at most
//!     [`MAX_NOTE_CHARS`] characters, cleaned as [`clean_note`] cleans it.
//!
//! Streams left out keep their baseline (amount as published, unlocked, pending), so a link
//! stays short and still works after the dataset gains streams. The encoder writes settings
//! first, then streams in dataset order, each as amount, outcome, lock, note; it writes amounts that
//! are whole 万 with `w`. Every character is an ASCII letter, digit or one of `; : = , - _ .`,
//! all allowed in a URL fragment without percent-encoding.
//!
//! Example: the Muchuan scenario in fixed-pool mode with guaranteed loans raised to 3,000,000
//! yuan and the training base assumed granted at 50%, the e-commerce projects locked:
//!
//! ```text
//! v1;m:p;guaranteed-loans=300w;training-base=p50;ecommerce-projects=L
//! ```
//!
//! # Reading
//!
//! [`decode`] accepts a leading `#`, drops a sentence's stop or bracket pasted after the link
//! (`。`, `.`, `）`…), skips empty segments, and checks everything against the
//! dataset: a link longer than [`MAX_LINK_BYTES`], another version, an unknown setting or
//! stream, a stream or setting given twice, an amount that is not whole yuan in 0–10^15, an
//! amount for a stream whose amount is not stated, an outcome for a stream that is not sought,
//! a percent above 100 — each is a [`LinkError`], never a panic. The result always
//! [`Scenario::fits`] the dataset.

use std::collections::HashMap;

use crate::dataset::{Dataset, Status};
use crate::money::MAX_AMOUNT;
use crate::scenario::{BalanceMode, MAX_NAME_CHARS, MAX_NOTE_CHARS, Outcome, Scenario, clean_note};

mod base64url;

/// The format version this build writes and reads.
pub const LINK_VERSION: u32 = 1;

/// The longest link read, in bytes: 8 KB, room for every stream of a large dataset changed.
pub const MAX_LINK_BYTES: usize = 8 * 1024;

/// The longest scenario read back from the tab's own storage (see [`decode_kept`]): every one
/// of [`crate::validate::MAX_STREAMS`] streams changed, with room to spare.
pub const MAX_KEPT_BYTES: usize = 1024 * 1024;

/// What a sentence may put right after a link: stops, commas, closing brackets and quotes,
/// ASCII and full-width.
const SENTENCE_ENDS: &str = ".,;:!?)'\"。，、；：！？）」』”’";

/// Whether a URL fragment is meant as a share link (`v` and a version number first), rather
/// than an anchor in the page such as `#main-content`.
pub fn is_link_fragment(fragment: &str) -> bool {
    let fragment = fragment.trim().trim_start_matches('#');
    // `V1;…`: a phone or a mail program may capitalise the link's first letter.
    fragment
        .strip_prefix(['v', 'V'])
        .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_digit()))
}

/// The most characters of a piece of the link kept in an error (for the message).
const MAX_ECHO_CHARS: usize = 40;

/// Why a link cannot be read against a dataset.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkError {
    /// The link is empty (there is no scenario in the URL: show the baseline).
    Empty,
    /// The link is longer than [`MAX_LINK_BYTES`].
    TooLong {
        /// Its length in bytes.
        bytes: usize,
    },
    /// The first segment is not a version (`v1`): this is not a share link.
    NotALink,
    /// A version this build cannot read.
    UnsupportedVersion {
        /// The version as written (cut short if long).
        found: String,
    },
    /// A segment that is neither `name:value` nor `stream-id=parts`.
    BadSegment {
        /// The segment (cut short if long).
        segment: String,
    },
    /// A setting name other than `m` or `s`.
    UnknownSetting {
        /// The name as written.
        name: String,
    },
    /// A setting with a value it cannot have.
    BadSetting {
        /// The setting's name.
        name: String,
        /// The value as written.
        value: String,
    },
    /// A setting given twice.
    RepeatedSetting {
        /// The setting's name.
        name: String,
    },
    /// A stream id the dataset does not have.
    UnknownStream {
        /// The id as written.
        id: String,
    },
    /// A stream given twice.
    RepeatedStream {
        /// The stream's id.
        id: String,
    },
    /// A stream entry with a part this format does not have.
    UnknownPart {
        /// The stream's id.
        id: String,
        /// The part as written.
        part: String,
    },
    /// Two amounts, two outcomes or two locks for one stream.
    RepeatedPart {
        /// The stream's id.
        id: String,
        /// The second part as written.
        part: String,
    },
    /// An amount that is not digits (with an optional `w`).
    BadAmount {
        /// The stream's id.
        id: String,
        /// The amount as written.
        text: String,
    },
    /// An amount above 10^15 yuan.
    AmountOutOfRange {
        /// The stream's id.
        id: String,
    },
    /// An amount for a stream whose amount the source does not state.
    NoAmount {
        /// The stream's id.
        id: String,
    },
    /// An outcome for a stream that is not sought.
    NotSought {
        /// The stream's id.
        id: String,
    },
    /// A partial-grant percent that is not a whole number from 0 to 100.
    BadPercent {
        /// The stream's id.
        id: String,
        /// The percent as written.
        text: String,
    },
    /// A note that is not base64url of UTF-8 text of at most [`MAX_NOTE_CHARS`] characters.
    BadNote {
        /// The stream's id.
        id: String,
    },
    /// A name (`t:`) that is not base64url of UTF-8 text of at most [`MAX_NAME_CHARS`]
    /// characters.
    BadName,
    /// The scenario read does not fit the dataset (a safeguard; the checks above catch it first).
    DoesNotFit,
}

/// A scenario read from a link, with the name the link gives it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Linked {
    /// The scenario.
    pub scenario: Scenario,
    /// The scenario's name, if the link carries one.
    pub name: Option<String>,
}

/// A link written for sharing, and whether the texts had to be left out to fit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Shared {
    /// The link, without the `#`.
    pub link: String,
    /// The name and the notes were left out: with them the link was longer than
    /// [`MAX_LINK_BYTES`].
    pub texts_left_out: bool,
}

/// Writes `scenario` as a link relative to `dataset` (without the `#`), notes included.
/// `scenario` must fit `dataset` (every scenario the reducer makes does); streams past the
/// shorter of the two are left out.
pub fn encode(dataset: &Dataset, scenario: &Scenario) -> String {
    write(dataset, scenario, None, true)
}

/// The link to share `scenario` named `name` (an empty name is left out): the name and the
/// notes go with it unless the link would then be longer than [`MAX_LINK_BYTES`].
pub fn share(dataset: &Dataset, scenario: &Scenario, name: &str) -> Shared {
    let name = Some(name.trim()).filter(|n| !n.is_empty());
    let link = write(dataset, scenario, name, true);
    if link.len() <= MAX_LINK_BYTES {
        return Shared {
            link,
            texts_left_out: false,
        };
    }
    let bare = write(dataset, scenario, None, false);
    let texts_left_out = bare != write(dataset, scenario, name, true);
    Shared {
        link: bare,
        texts_left_out,
    }
}

fn write(dataset: &Dataset, scenario: &Scenario, name: Option<&str>, notes: bool) -> String {
    let mut out = format!("v{LINK_VERSION}");
    if scenario.mode == BalanceMode::FixedPool {
        out.push_str(";m:p");
    }
    if !scenario.count_sought {
        out.push_str(";s:0");
    }
    if let Some(name) = name {
        out.push_str(";t:");
        out.push_str(&base64url::encode(name.as_bytes()));
    }
    for (stream, plan) in dataset.streams.iter().zip(&scenario.plans) {
        let mut parts: Vec<String> = Vec::new();
        if let Some(amount) = plan.amount.filter(|a| Some(*a) != stream.amount) {
            parts.push(amount_text(amount));
        }
        match plan.outcome {
            Outcome::Pending => {}
            Outcome::Granted => parts.push("g".to_owned()),
            Outcome::Refused => parts.push("r".to_owned()),
            Outcome::Partial(percent) => parts.push(format!("p{percent}")),
            Outcome::Covered(percent) => parts.push(format!("c{percent}")),
        }
        if plan.locked {
            parts.push("L".to_owned());
        }
        if notes && !plan.note.is_empty() {
            parts.push(format!("n{}", base64url::encode(plan.note.as_bytes())));
        }
        if !parts.is_empty() {
            out.push(';');
            out.push_str(&stream.id);
            out.push('=');
            out.push_str(&parts.join(","));
        }
    }
    out
}

/// An amount as the link writes it: whole 万 with `w`, anything else in plain yuan.
fn amount_text(amount: i64) -> String {
    if amount > 0 && amount % 10_000 == 0 {
        format!("{}w", amount / 10_000)
    } else {
        amount.to_string()
    }
}

/// Reads a link (with or without its leading `#`) against `dataset`.
pub fn decode(link: &str, dataset: &Dataset) -> Result<Scenario, LinkError> {
    read(link, dataset).map(|linked| linked.scenario)
}

/// [`decode`], with the name the link gives the scenario.
pub fn read(link: &str, dataset: &Dataset) -> Result<Linked, LinkError> {
    if link.len() > MAX_LINK_BYTES {
        return Err(LinkError::TooLong { bytes: link.len() });
    }
    decode_any_length(link, dataset)
}

/// [`decode`] for a scenario the app kept in the tab's own storage because no link could carry
/// it (a fixed-pool move over thousands of streams): up to [`MAX_KEPT_BYTES`].
pub fn decode_kept(link: &str, dataset: &Dataset) -> Result<Scenario, LinkError> {
    if link.len() > MAX_KEPT_BYTES {
        return Err(LinkError::TooLong { bytes: link.len() });
    }
    decode_any_length(link, dataset).map(|linked| linked.scenario)
}

fn decode_any_length(link: &str, dataset: &Dataset) -> Result<Linked, LinkError> {
    let link = link.trim();
    let link = link.strip_prefix('#').unwrap_or(link);
    // A link pasted at the end of a sentence brings the sentence's stop with it; no link ends
    // in one.
    let link = link.trim_end_matches(|c| SENTENCE_ENDS.contains(c));
    if link.is_empty() {
        return Err(LinkError::Empty);
    }
    let mut segments = link.split(';');
    let version = segments.next().unwrap_or_default();
    let digits = version
        .strip_prefix(['v', 'V'])
        .ok_or(LinkError::NotALink)?;
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(LinkError::NotALink);
    }
    if digits.trim_start_matches('0') != LINK_VERSION.to_string() {
        return Err(LinkError::UnsupportedVersion {
            found: echo(digits),
        });
    }

    let index: HashMap<&str, usize> = dataset
        .streams
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id.as_str(), i))
        .collect();
    let mut scenario = Scenario::baseline(dataset);
    let mut mode_seen = false;
    let mut sought_seen = false;
    let mut title: Option<String> = None;
    let mut title_seen = false;
    let mut streams_seen = vec![false; dataset.streams.len()];

    for segment in segments.filter(|s| !s.is_empty()) {
        let separator = segment.find([':', '=']);
        match separator.map(|at| (at, segment.as_bytes()[at])) {
            Some((at, b':')) => {
                let (name, value) = (&segment[..at], &segment[at + 1..]);
                let bad = || LinkError::BadSetting {
                    name: echo(name),
                    value: echo(value),
                };
                let seen = match name {
                    "m" => {
                        scenario.mode = match value {
                            "f" => BalanceMode::Free,
                            "p" => BalanceMode::FixedPool,
                            _ => return Err(bad()),
                        };
                        &mut mode_seen
                    }
                    "s" => {
                        scenario.count_sought = match value {
                            "1" => true,
                            "0" => false,
                            _ => return Err(bad()),
                        };
                        &mut sought_seen
                    }
                    "t" => {
                        let text = text_of(value, MAX_NAME_CHARS).ok_or(LinkError::BadName)?;
                        title = Some(text.trim().to_owned()).filter(|n| !n.is_empty());
                        &mut title_seen
                    }
                    _ => return Err(LinkError::UnknownSetting { name: echo(name) }),
                };
                if std::mem::replace(seen, true) {
                    return Err(LinkError::RepeatedSetting { name: echo(name) });
                }
            }
            Some((at, _)) => {
                let (id, parts) = (&segment[..at], &segment[at + 1..]);
                let stream = *index
                    .get(id)
                    .ok_or_else(|| LinkError::UnknownStream { id: echo(id) })?;
                if std::mem::replace(&mut streams_seen[stream], true) {
                    return Err(LinkError::RepeatedStream { id: echo(id) });
                }
                read_entry(dataset, &mut scenario, stream, parts)?;
            }
            None => {
                return Err(LinkError::BadSegment {
                    segment: echo(segment),
                });
            }
        }
    }
    if scenario.fits(dataset) {
        Ok(Linked {
            scenario,
            name: title,
        })
    } else {
        Err(LinkError::DoesNotFit)
    }
}

/// Reads the parts of one stream's entry into `scenario`.
fn read_entry(
    dataset: &Dataset,
    scenario: &mut Scenario,
    stream: usize,
    parts: &str,
) -> Result<(), LinkError> {
    let info = &dataset.streams[stream];
    let id = || echo(&info.id);
    let (mut amount_seen, mut outcome_seen, mut lock_seen) = (false, false, false);
    let mut note_seen = false;
    for part in parts.split(',') {
        let repeated = || LinkError::RepeatedPart {
            id: id(),
            part: echo(part),
        };
        let first = part.chars().next();
        if first.is_some_and(|c| c.is_ascii_digit()) {
            if std::mem::replace(&mut amount_seen, true) {
                return Err(repeated());
            }
            let amount = read_amount(part).map_err(|error| match error {
                AmountError::Syntax => LinkError::BadAmount {
                    id: id(),
                    text: echo(part),
                },
                AmountError::Range => LinkError::AmountOutOfRange { id: id() },
            })?;
            if info.amount.is_none() {
                return Err(LinkError::NoAmount { id: id() });
            }
            scenario.plans[stream].amount = Some(amount);
        } else if part == "L" {
            if std::mem::replace(&mut lock_seen, true) {
                return Err(repeated());
            }
            scenario.plans[stream].locked = true;
        } else if let Some(coded) = part.strip_prefix('n') {
            if std::mem::replace(&mut note_seen, true) {
                return Err(repeated());
            }
            let note = text_of(coded, MAX_NOTE_CHARS).and_then(|t| clean_note(&t).ok());
            scenario.plans[stream].note = note.ok_or_else(|| LinkError::BadNote { id: id() })?;
        } else if matches!(first, Some('g' | 'r' | 'p' | 'c')) {
            let outcome = match part {
                "g" => Outcome::Granted,
                "r" => Outcome::Refused,
                _ => {
                    let (kind, digits) = part.split_at(1);
                    if !matches!(kind, "p" | "c") {
                        return Err(LinkError::UnknownPart {
                            id: id(),
                            part: echo(part),
                        });
                    }
                    let percent = read_percent(digits).ok_or_else(|| LinkError::BadPercent {
                        id: id(),
                        text: echo(digits),
                    })?;
                    if kind == "c" {
                        Outcome::Covered(percent)
                    } else {
                        Outcome::Partial(percent)
                    }
                }
            };
            if std::mem::replace(&mut outcome_seen, true) {
                return Err(repeated());
            }
            if info.status != Status::Sought {
                return Err(LinkError::NotSought { id: id() });
            }
            scenario.plans[stream].outcome = outcome;
        } else {
            return Err(LinkError::UnknownPart {
                id: id(),
                part: echo(part),
            });
        }
    }
    Ok(())
}

enum AmountError {
    Syntax,
    Range,
}

/// `123` or `123w`, within 0 to 10^15 yuan.
fn read_amount(text: &str) -> Result<i64, AmountError> {
    let (digits, scale) = match text.strip_suffix('w') {
        Some(digits) => (digits, 10_000),
        None => (text, 1),
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(AmountError::Syntax);
    }
    let digits = digits.trim_start_matches('0');
    if digits.len() > 16 {
        return Err(AmountError::Range);
    }
    let value: i64 = if digits.is_empty() {
        0
    } else {
        digits.parse().map_err(|_| AmountError::Range)?
    };
    value
        .checked_mul(scale)
        .filter(|amount| *amount <= MAX_AMOUNT)
        .ok_or(AmountError::Range)
}

/// A whole percent 0–100 written in at most three digits.
fn read_percent(digits: &str) -> Option<u8> {
    if digits.is_empty() || digits.len() > 3 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse::<u8>().ok().filter(|p| *p <= 100)
}

/// The text written in base64url as `coded`, if it is UTF-8 of at most `max_chars` characters.
fn text_of(coded: &str, max_chars: usize) -> Option<String> {
    // Four characters carry at most three bytes, and a character takes at most four bytes.
    if coded.len() > max_chars * 4 * 4 / 3 + 4 {
        return None;
    }
    let text = String::from_utf8(base64url::decode(coded)?).ok()?;
    (text.chars().count() <= max_chars).then_some(text)
}

/// A piece of the link for an error message, cut to [`MAX_ECHO_CHARS`] characters.
fn echo(text: &str) -> String {
    let mut chars = text.chars();
    let mut out: String = chars.by_ref().take(MAX_ECHO_CHARS).collect();
    if chars.next().is_some() {
        out.push('…');
    }
    out
}

#[cfg(test)]
pub(crate) mod tests;
