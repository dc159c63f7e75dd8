//! Undo and redo over any state, with a bounded past.

/// How many past states undo can go back through.
pub const HISTORY_LIMIT: usize = 100;

/// A present state with the states before it (for undo) and after it (for redo).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct History<T> {
    past: Vec<T>,
    present: T,
    future: Vec<T>,
}

impl<T: Clone + PartialEq> History<T> {
    /// A history that starts at `present`, with nothing to undo or redo.
    pub fn new(present: T) -> Self {
        History {
            past: Vec::new(),
            present,
            future: Vec::new(),
        }
    }

    /// The current state.
    pub fn present(&self) -> &T {
        &self.present
    }

    /// Moves to `next`, remembering the present for undo and forgetting anything to redo.
    /// A `next` equal to the present records nothing.
    pub fn push(&mut self, next: T) {
        if next == self.present {
            return;
        }
        self.past.push(std::mem::replace(&mut self.present, next));
        if self.past.len() > HISTORY_LIMIT {
            self.past.remove(0);
        }
        self.future.clear();
    }

    /// Replaces the present as a continuation of the change that made it (a slider still being
    /// dragged), so undo goes back to where that change started, not to its last step.
    pub fn amend(&mut self, next: T) {
        self.present = next;
        self.future.clear();
    }

    /// Steps back; false when there is nothing to undo.
    pub fn undo(&mut self) -> bool {
        match self.past.pop() {
            Some(previous) => {
                self.future
                    .push(std::mem::replace(&mut self.present, previous));
                true
            }
            None => false,
        }
    }

    /// Steps forward again; false when there is nothing to redo.
    pub fn redo(&mut self) -> bool {
        match self.future.pop() {
            Some(next) => {
                self.past.push(std::mem::replace(&mut self.present, next));
                true
            }
            None => false,
        }
    }

    /// Whether undo would do anything.
    pub fn can_undo(&self) -> bool {
        !self.past.is_empty()
    }

    /// Whether redo would do anything.
    pub fn can_redo(&self) -> bool {
        !self.future.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn undo_redo_and_bound() {
        let mut history = History::new(0);
        history.push(1);
        history.push(2);
        history.push(2);
        assert!(history.undo());
        assert_eq!(*history.present(), 1);
        assert!(history.redo());
        assert_eq!(*history.present(), 2);
        assert!(!history.redo());
        history.undo();
        history.push(5);
        assert!(!history.can_redo(), "a new change forgets the redo branch");
        for n in 0..500 {
            history.push(10 + n);
        }
        let mut undone = 0;
        while history.undo() {
            undone += 1;
        }
        assert_eq!(undone, HISTORY_LIMIT);
    }

    #[test]
    fn an_amended_change_undoes_in_one_step() {
        let mut history = History::new(0);
        history.push(1);
        history.amend(2);
        history.amend(3);
        assert_eq!(*history.present(), 3);
        assert!(history.undo());
        assert_eq!(*history.present(), 0, "back to before the whole drag");
        assert!(history.redo());
        assert_eq!(*history.present(), 3);
        history.undo();
        history.amend(7);
        assert!(
            !history.can_redo(),
            "an amended present forgets the redo branch"
        );
    }
}
