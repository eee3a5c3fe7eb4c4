//! The widget's state for yew: the core [`Session`] plus the display language.
//!
//! Every answer, move and restart is a core [`Action`]; this wrapper only makes it `Reducible`.

use crate::core::{Action, Content, Session};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Clone, PartialEq)]
pub struct Widget {
    pub content: Rc<Content>,
    pub session: Session,
    pub lang: AttrValue,
}

/// What the UI can ask of the state.
pub enum Msg {
    Do(Action),
    SetLang(AttrValue),
}

impl Widget {
    pub fn new(content: Rc<Content>, lang: AttrValue) -> Self {
        let session = Session::new(&content);
        Widget { content, session, lang }
    }
}

impl Reducible for Widget {
    type Action = Msg;

    fn reduce(self: Rc<Self>, msg: Msg) -> Rc<Self> {
        let mut next = (*self).clone();
        let changed = match msg {
            Msg::Do(action) => next.session.apply(&next.content, action),
            Msg::SetLang(lang) => {
                next.lang = lang;
                next.lang != self.lang
            }
        };
        // Returning the same Rc tells yew nothing changed, so nothing re-renders.
        if changed {
            Rc::new(next)
        } else {
            self
        }
    }
}
