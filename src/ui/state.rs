//! The app model's state as Yew's reducer: every message goes through [`AppState::next`].

use std::rc::Rc;

use yew::Reducible;

use crate::model::state::{AppState, Msg};

impl Reducible for AppState {
    type Action = Msg;

    fn reduce(self: Rc<Self>, msg: Msg) -> Rc<Self> {
        self.next(msg)
    }
}
