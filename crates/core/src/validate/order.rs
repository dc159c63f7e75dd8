//! Putting problems back in the order of the file: where each value of a JSON text starts.

use std::collections::{HashMap, HashSet};

use super::walker::child;
use super::{Problem, Severity};

/// Puts `problems` in the order of the file: errors before warnings, each by where the value at
/// fault starts in `text`. A missing field sorts at the end of the object that lacks it. Problems
/// at the same place keep the walker's order.
pub(super) fn sort_in_file_order(problems: &mut [Problem], text: &str) {
    if problems.len() < 2 {
        return;
    }
    // Only the problems' places and the values around them are recorded, and only the values
    // around them have their insides named: a file of a million values with a few problems
    // must not cost a million entries.
    let mut around = HashSet::new();
    for problem in problems.iter() {
        let mut path = problem.path.as_str();
        while let Some(cut) = path.rfind(['.', '[']) {
            path = &path[..cut];
            around.insert(path.to_owned());
        }
        if !problem.path.is_empty() {
            around.insert(String::new());
        }
    }
    let wanted = problems.iter().map(|p| p.path.clone()).collect();
    let mut spans = Spans {
        bytes: text.as_bytes(),
        text,
        at: 0,
        wanted,
        around,
        found: HashMap::new(),
    };
    spans.value(Some(String::new()), 0);
    let offset = |path: &str| -> usize {
        if let Some((start, _)) = spans.found.get(path) {
            return *start;
        }
        let mut ancestor = path;
        while let Some(cut) = ancestor.rfind(['.', '[']) {
            ancestor = &ancestor[..cut];
            if let Some((_, end)) = spans.found.get(ancestor) {
                return *end;
            }
        }
        spans.found.get("").map_or(0, |(_, end)| *end)
    };
    crate::sort::sort_by_key(problems, |p| {
        (p.severity == Severity::Warning, offset(&p.path))
    });
}

/// Where each value of a JSON text starts and ends, by the path the walker gives it.
struct Spans<'t> {
    bytes: &'t [u8],
    text: &'t str,
    at: usize,
    /// The problems' paths, whose values are recorded.
    wanted: HashSet<String>,
    /// The paths of the values around them, recorded too and the only ones whose insides are
    /// named (the values inside any other are stepped over).
    around: HashSet<String>,
    found: HashMap<String, (usize, usize)>,
}

impl Spans<'_> {
    /// Deeper than the parser allows: such a text never reaches the walker.
    const MAX_DEPTH: usize = 256;

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn skip_space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    /// Steps over a string literal.
    fn skip_string(&mut self) {
        self.at += 1;
        while let Some(byte) = self.peek() {
            self.at += if byte == b'\\' { 2 } else { 1 };
            if byte == b'"' {
                break;
            }
        }
    }

    /// Steps over a string literal and returns its decoded text.
    fn string(&mut self) -> String {
        let start = self.at;
        self.skip_string();
        self.text
            .get(start..self.at.min(self.bytes.len()))
            .and_then(|literal| serde_json::from_str(literal).ok())
            .unwrap_or_default()
    }

    /// Steps over the value at the cursor, recording it and what is inside it if wanted;
    /// `None` for a value inside one that is not.
    fn value(&mut self, path: Option<String>, depth: usize) {
        self.skip_space();
        let start = self.at;
        let inside = path.as_ref().is_some_and(|p| self.around.contains(p));
        let path = path.filter(|p| inside || self.wanted.contains(p));
        match self.peek() {
            Some(b'{') if depth < Self::MAX_DEPTH => {
                self.at += 1;
                loop {
                    self.skip_space();
                    if self.peek() != Some(b'"') {
                        break;
                    }
                    let key = match &path {
                        Some(path) if inside => Some(child(path, &self.string())),
                        _ => {
                            self.skip_string();
                            None
                        }
                    };
                    self.skip_space();
                    if self.peek() != Some(b':') {
                        break;
                    }
                    self.at += 1;
                    self.value(key, depth + 1);
                    self.skip_space();
                    if self.peek() != Some(b',') {
                        break;
                    }
                    self.at += 1;
                }
                if self.peek() == Some(b'}') {
                    self.at += 1;
                }
            }
            Some(b'[') if depth < Self::MAX_DEPTH => {
                self.at += 1;
                let mut index = 0;
                loop {
                    self.skip_space();
                    if matches!(self.peek(), None | Some(b']')) {
                        break;
                    }
                    let before = self.at;
                    let item = path
                        .as_ref()
                        .filter(|_| inside)
                        .map(|path| format!("{path}[{index}]"));
                    self.value(item, depth + 1);
                    index += 1;
                    self.skip_space();
                    if self.peek() != Some(b',') || self.at == before {
                        break;
                    }
                    self.at += 1;
                }
                if self.peek() == Some(b']') {
                    self.at += 1;
                }
            }
            Some(b'"') => self.skip_string(),
            _ => {
                while self.peek().is_some_and(|b| {
                    !matches!(b, b',' | b']' | b'}' | b' ' | b'\t' | b'\n' | b'\r')
                }) {
                    self.at += 1;
                }
            }
        }
        if let Some(path) = path {
            self.found.insert(path, (start, self.at));
        }
    }
}
