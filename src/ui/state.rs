//! The respondent's state for yew: the core [`Session`] plus what only the screen needs
//! (language, a saved session on offer, a notice, how the plan is grouped); and [`ContentRef`],
//! the loaded questionnaire shared by every component.
//!
//! Every answer, move and restart is a core [`Action`]; the other messages only change what is
//! shown, never the diagnosis.

use super::storage::Status;
use crate::core::session::{Opening, Saved};
use crate::core::{Action, Questionnaire, Screen, Session};
use std::rc::Rc;
use yew::prelude::*;

/// The loaded questionnaire, shared and immutable. Compared by pointer: one per widget, never
/// edited, so a deep comparison of the whole questionnaire on every render is never needed.
#[derive(Clone)]
pub struct ContentRef(pub Rc<Questionnaire>);

impl PartialEq for ContentRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// A message shown above the current screen until dismissed or replaced.
#[derive(Clone, PartialEq, Debug)]
pub struct Notice {
    pub text: String,
    /// News of something that went wrong: marked as such on screen. Read out politely like any
    /// other, from the one live region that is always there (`components::frame`).
    pub alert: bool,
}

/// A destructive action the respondent asked for, waiting for them to confirm it: nothing they
/// have answered or saved is thrown away on one click.
#[derive(Clone, PartialEq, Debug)]
pub enum Pending {
    /// Forget every answer and start again (the result's "start over").
    Restart,
    /// Erase the answers saved on this device (the privacy panel).
    Erase,
    /// Start afresh in this role while saved answers are on offer (they would be dropped).
    ChooseRole(String),
    /// Show an opened result file in place of unfinished answers.
    Load(Session),
    /// Save this tab's answers over those another tab saved.
    TakeOver,
    /// Decline the saved answers on offer and start afresh (they are erased).
    Decline,
}

#[derive(Clone)]
pub struct Widget {
    pub content: Rc<Questionnaire>,
    pub session: Session,
    pub lang: AttrValue,
    /// A session found in storage, offered on the start screen until taken or declined.
    pub resume: Option<Session>,
    pub notice: Option<Notice>,
    /// The notice answers something the respondent did (a file opened or saved, a copy): it
    /// goes with the screen it was given on. Others (storage that cannot be used, answers
    /// found) stay until dismissed.
    pub news: bool,
    pub storage: Status,
    /// Counts refused "next" presses, so each one moves focus to the first unanswered question.
    pub refusals: u32,
    /// A destructive action awaiting confirmation.
    pub pending: Option<Pending>,
}

// By hand: the content is shared and never edited, so pointer equality is enough and spares a
// deep comparison of the whole questionnaire on every click.
impl PartialEq for Widget {
    fn eq(&self, o: &Self) -> bool {
        Rc::ptr_eq(&self.content, &o.content)
            && self.session == o.session
            && self.lang == o.lang
            && self.resume == o.resume
            && self.notice == o.notice
            && self.news == o.news
            && self.storage == o.storage
            && self.refusals == o.refusals
            && self.pending == o.pending
    }
}

pub enum Msg {
    Do(Action),
    SetLang(AttrValue),
    /// Continue the saved session.
    Resume,
    /// Decline the saved session and start afresh.
    DeclineResume,
    /// Show an imported result.
    Load(Session),
    Notify(Notice),
    Dismiss,
    /// Saving failed: answers now live only in the page.
    StorageFailed(Notice),
    /// The saved answers were erased: start afresh.
    Erased(Notice),
    /// Another tab saved this questionnaire's answers (their saved text; `None`: erased them).
    OtherTab(Option<String>),
    /// Save this tab's answers again, over another tab's.
    TakeOver,
    /// Ask before a destructive action.
    Ask(Pending),
    /// The respondent kept things as they were.
    Cancel,
}

impl Widget {
    /// The widget as it opens (the core's resume policy decided `opening`).
    pub fn new(
        content: Rc<Questionnaire>,
        lang: AttrValue,
        storage: Status,
        opening: Opening,
        notice: Option<Notice>,
    ) -> Self {
        // The language the respondent chose, saved with the answers on offer or continued, wins
        // over the host's.
        let saved = opening
            .resume
            .as_ref()
            .unwrap_or(&opening.session)
            .lang
            .clone();
        Widget {
            content,
            session: opening.session,
            lang: saved.map(AttrValue::from).unwrap_or(lang),
            resume: opening.resume,
            notice,
            storage,
            news: false,
            refusals: 0,
            pending: None,
        }
    }
}

impl Reducible for Widget {
    type Action = Msg;

    fn reduce(self: Rc<Self>, msg: Msg) -> Rc<Self> {
        let mut next = (*self).clone();
        // Anything else the respondent does answers a pending question with "no"; except the
        // question whether to take over from another tab, which stays until answered: this tab
        // saves nothing meanwhile.
        if next.pending != Some(Pending::TakeOver) || matches!(msg, Msg::Cancel | Msg::TakeOver) {
            next.pending = None;
        }
        match msg {
            Msg::Do(action) => {
                let is_next = action == Action::Next;
                let screen = next.session.screen;
                next.session.apply(&next.content, action);
                if is_next && next.session.screen == screen && !next.session.unanswered.is_empty() {
                    next.refusals += 1;
                }
                // News belongs to the screen it was given on ("the file was opened" is no news
                // three screens later).
                if next.session.screen != screen && next.news {
                    next.notice = None;
                }
                // Starting afresh answers the offer of the saved session.
                if next.session.screen != Screen::Start {
                    next.resume = None;
                }
            }
            // The respondent's choice is kept with the answers (a host's language is not: it
            // follows the page).
            Msg::SetLang(lang) => {
                next.session
                    .apply(&next.content, Action::ChooseLanguage(lang.to_string()));
                // Nor into another language, which it is not written in.
                if next.lang != lang && next.news {
                    next.notice = None;
                }
                next.lang = lang;
            }
            Msg::Resume => {
                if let Some(saved) = next.resume.take() {
                    // Continued answers bring the language they were given in.
                    if let Some(lang) = &saved.lang {
                        next.lang = lang.clone().into();
                    }
                    next.session = saved;
                }
            }
            Msg::DeclineResume => next.resume = None,
            Msg::Load(session) => {
                let lang = next.session.lang.take();
                next.session = Session { lang, ..session };
                next.resume = None;
            }
            Msg::Notify(notice) => {
                next.notice = Some(notice);
                next.news = true;
            }
            Msg::Dismiss => next.notice = None,
            Msg::StorageFailed(notice) => {
                next.storage = Status::Unavailable;
                next.notice = Some(notice);
                next.news = false;
            }
            Msg::Erased(notice) => {
                // A newer build's or another tab's answers, erased by the respondent: this widget
                // may save again.
                if next.storage == Status::Kept || next.storage == Status::Elsewhere {
                    next.storage = Status::Saved;
                }
                next.session = Session::new();
                next.resume = None;
                next.notice = Some(notice);
                next.news = true;
            }
            Msg::Ask(pending) => next.pending = Some(pending),
            Msg::OtherTab(text) => {
                if next.storage == Status::Saved || next.storage == Status::Elsewhere {
                    let saved = text.map(|t| Saved::read(&next.content, &t));
                    // Unless the other tab's answers are to be kept from being overwritten (below),
                    // there is nothing of theirs here to overwrite, and nothing to take over.
                    next.storage = Status::Saved;
                    next.pending = next.pending.filter(|p| *p != Pending::TakeOver);
                    if next.session.is_blank() && next.session.screen == Screen::Start {
                        // Nothing here to lose: offer what the other tab saved, as a reload would.
                        next.resume = match saved {
                            Some(Saved::Session(s)) if !s.is_blank() => Some(s),
                            _ => None,
                        };
                    } else if saved.is_none() {
                        // Erased there: erased here too, or this tab would write it back.
                        next.session = Session::new();
                        next.resume = None;
                        next.notice = Some(Notice {
                            text: super::text::ui(&next.lang).erased_elsewhere.to_string(),
                            alert: true,
                        });
                        next.news = false;
                    } else {
                        // Saved there: stop saving here, say so, and ask whether to take over.
                        next.storage = Status::Elsewhere;
                        next.pending = Some(Pending::TakeOver);
                        next.notice = Some(Notice {
                            text: super::text::ui(&next.lang).privacy_elsewhere.to_string(),
                            alert: true,
                        });
                        next.news = false;
                    }
                }
            }
            Msg::TakeOver => next.storage = Status::Saved,
            Msg::Cancel => {}
        }
        // Returning the same Rc tells yew nothing changed, so nothing re-renders.
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}
