//! Saving the session on this device (localStorage), and every way that can fail.
//!
//! Storage may be switched off by the host, blocked by the browser (a sandboxed iframe throws on
//! access), full, or hold something unreadable. None of these stops the widget: answers then live
//! only in the page, and the respondent is told so once.

use crate::contract;
use crate::core::session::Saved;
use crate::core::{json, Questionnaire, Session};
use std::cell::Cell;
use std::rc::Rc;

/// How answers are kept.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Status {
    /// Saved in localStorage on every change.
    Saved,
    /// The host page switched storage off (`storage="off"`).
    Off,
    /// The browser refused (blocked or full); answers live only in the page.
    Unavailable,
    /// A newer build's saved answers are under the key: kept as they are, so nothing is written
    /// until the respondent erases them.
    Kept,
    /// Another tab of this questionnaire saved its answers: nothing is written over them unless
    /// the respondent takes over.
    Elsewhere,
}

#[derive(Clone, PartialEq)]
pub struct Store {
    /// The localStorage key (`contract::storage_key`).
    pub key: String,
    pub status: Status,
    /// localStorage, fetched once: each access is a call into the browser.
    local: Option<web_sys::Storage>,
    /// Whether the key may hold something (found at start, or written since), for
    /// [`Store::erase_if_held`].
    may_hold: Rc<Cell<bool>>,
}

impl Store {
    pub fn open(enabled: bool, namespace: &str, content: &Questionnaire) -> Store {
        let key = contract::storage_key(namespace, &content.id);
        let local = if enabled { local() } else { None };
        let status = match (&local, enabled) {
            (_, false) => Status::Off,
            (Some(_), true) => Status::Saved,
            (None, true) => Status::Unavailable,
        };
        Store {
            key,
            status,
            local,
            may_hold: Rc::new(Cell::new(false)),
        }
    }

    /// Reads the saved session, if any.
    pub fn load(&self, content: &Questionnaire) -> Saved {
        if self.status != Status::Saved {
            return Saved::Nothing;
        }
        let Some(text) = self
            .local
            .as_ref()
            .and_then(|s| s.get_item(&self.key).ok().flatten())
        else {
            return Saved::Nothing;
        };
        let saved = Saved::read(content, &text);
        // Only what this build can resume is its own to erase when the respondent starts over;
        // anything else stays until the respondent saves over it (or, a newer build's, erases it).
        self.may_hold.set(matches!(saved, Saved::Session(_)));
        saved
    }

    /// Saves the session. An error means the browser refused (quota, blocked).
    pub fn save(&self, content: &Questionnaire, session: &Session) -> Result<(), ()> {
        if self.status != Status::Saved {
            return Ok(());
        }
        let text = json::to_string(&session.snapshot(content), false).map_err(|_| ())?;
        self.may_hold.set(true);
        self.local
            .as_ref()
            .ok_or(())?
            .set_item(&self.key, &text)
            .map_err(|_| ())
    }

    /// Removes the saved session (the respondent asked: always asks the browser, in case another
    /// tab of the same page wrote it).
    pub fn erase(&self) -> Result<(), ()> {
        if self.status != Status::Saved {
            return Ok(());
        }
        self.local
            .as_ref()
            .ok_or(())?
            .remove_item(&self.key)
            .map_err(|_| ())?;
        self.may_hold.set(false);
        Ok(())
    }

    /// Removes the saved session if this widget found or wrote one: a fresh session on first
    /// render then costs no storage call.
    pub fn erase_if_held(&self) -> Result<(), ()> {
        if self.may_hold.get() {
            self.erase()
        } else {
            Ok(())
        }
    }
}

/// localStorage, if the browser lets this page use it (the getter throws in sandboxed frames).
fn local() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}
