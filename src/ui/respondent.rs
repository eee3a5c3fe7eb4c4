//! The respondent's page: one diagnosis, from the start screen through the sections to the
//! result. Wires the core session (through the reducer in `state.rs`), storage and the take-away
//! formats to the screens; what each screen shows comes from `core::display`.

use super::components::confirm::{confirm, ConfirmProps};
use super::components::frame::{frame, FrameProps};
use super::components::result::{result_view, Contact, PartProps, ResultProps};
use super::components::review::{review, ReviewProps};
use super::components::section::{section_screen as section_view, SectionProps, ShownQuestion};
use super::components::start::{start_screen, ResumeOffer, RoleOption, StartProps};
use super::io;
use super::state::{ContentRef, Msg, Notice, Pending, Widget};
use super::storage::{Status, Store};
use super::take_away::{self, TakeAway};
use super::text::{ui, Ui};
use crate::core::display::{self, minutes_for};
use crate::core::export::{continue_from, import, ImportError};
use crate::core::read::{self, NotRead};
use crate::core::session::{day_of, later_version, opening, OpeningNote};
use crate::core::{Action, Answer, Diagnosis, Questionnaire, Screen, Session};
use std::rc::Rc;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

#[derive(Properties, PartialEq, Clone)]
pub struct RespondentProps {
    pub content: ContentRef,
    pub lang: AttrValue,
    /// Distinguishes widgets on one page (radio group names, element ids).
    pub instance: AttrValue,
    pub store: Store,
    /// Start content without roles at its first question (`start="questions"`).
    pub skip_intro: bool,
    pub contact: Option<Contact>,
    /// Who receives results when the host declares it forwards them (`results="host"`; "" when
    /// it does not say who).
    pub forward: Option<AttrValue>,
    /// Told the result (the export object) each time the respondent reaches it.
    pub on_complete: Option<js_sys::Function>,
    /// The boot script's asynchronous helpers (`contract::io`): promises are handled there,
    /// which keeps an async runtime out of the wasm.
    pub io: wasm_bindgen::JsValue,
}

#[component]
pub fn Respondent(props: &RespondentProps) -> Html {
    // State: the session, plus a saved session found in storage (offered, never forced).
    let widget = use_reducer(|| {
        let q = props.content.0.clone();
        let t = ui(&props.lang);
        let opened = opening(&q, props.store.load(&q), props.skip_intro);
        let note = match &opened.note {
            Some(OpeningNote::Resumed) => Some((t.resumed.to_string(), false)),
            // Named by version only where the version differs: a newer layout or an edited
            // questionnaire of this very version would read "a newer (older) version 2026.12.1".
            Some(OpeningNote::Newer(v)) if *v == q.content_version => {
                Some((t.saved_newer_layout.to_string(), true))
            }
            Some(OpeningNote::Newer(v)) => Some(((t.saved_newer)(v), true)),
            Some(OpeningNote::OtherVersion(v)) if *v == q.content_version => {
                Some((t.saved_other_content.to_string(), true))
            }
            Some(OpeningNote::OtherVersion(v)) => Some(((t.saved_other_version)(v), true)),
            Some(OpeningNote::Corrupt) => Some((t.saved_corrupt.to_string(), true)),
            None => None,
        };
        // Storage that cannot be used is said last: it is why nothing else will be saved.
        let note = if props.store.status == Status::Unavailable {
            Some((t.storage_unavailable.to_string(), false))
        } else {
            note
        };
        let notice = note.map(|(text, alert)| Notice { text, alert });
        let storage = match opened.note {
            Some(OpeningNote::Newer(_)) => Status::Kept,
            _ => props.store.status,
        };
        Widget::new(q, props.lang.clone(), storage, opened, notice)
    });
    let heading = use_node_ref();
    let notice_ref = use_node_ref();
    let checked = use_state(|| None);
    let keep = use_node_ref();
    let first_screen = use_mut_ref(|| true);
    // The screen shown before the current one, and the result last reported to the host: the
    // host hears of each completed diagnosis once (see the effect below).
    let previous_screen = use_mut_ref(|| None::<Screen>);
    let reported = use_mut_ref(|| None::<Rc<Diagnosis>>);
    let q = widget.content.clone();
    let s = &widget.session;
    let t = ui(&widget.lang);

    // The diagnosis, computed once per change of answers, role or checklist, and only while the
    // result is shown: computing it on every answer would tax each click for nothing.
    let diagnosis: Option<Rc<Diagnosis>> = {
        let w = widget.clone();
        let deps = (s.screen == Screen::Result).then(|| {
            (
                s.role.clone(),
                s.answers.clone(),
                s.materials.clone(),
                s.targets.clone(),
            )
        });
        (*use_memo(deps, move |deps| {
            deps.as_ref()
                .map(|_| Rc::new(w.session.diagnose(&w.content)))
        }))
        .clone()
    };

    // Effect: keep the saved copy in step with every answer. A session with nothing to restore
    // (no answer, no tick) writes nothing and erases an earlier copy, so "start over" leaves
    // nothing behind and a first render makes no storage call. Nothing is written while a saved
    // session is on offer.
    {
        let w = widget.clone();
        let store = props.store.clone();
        use_effect_with(
            (
                widget.session.clone(),
                widget.resume.is_some(),
                widget.storage,
            ),
            move |(session, offering, _)| {
                if *offering || w.storage != Status::Saved {
                    return;
                }
                let result = if session.is_blank() {
                    store.erase_if_held()
                } else {
                    store.save(&w.content, session)
                };
                if result.is_err() {
                    w.dispatch(Msg::StorageFailed(Notice {
                        text: ui(&w.lang).storage_failed.to_string(),
                        alert: true,
                    }));
                }
            },
        );
    }
    // Effect: on a new screen, move focus to its heading (not on first load, which must not pull
    // the host page's focus), record the first render for the benchmarks, and tell the host when
    // the result is reached.
    {
        let heading = heading.clone();
        let on_complete = props.on_complete.clone();
        let reached = (q.clone(), diagnosis.clone(), widget.lang.clone());
        let watch = (
            props.io.clone(),
            props.store.key.clone(),
            widget.dispatcher(),
        );
        use_effect_with(widget.session.screen, move |screen| {
            if std::mem::replace(&mut *first_screen.borrow_mut(), false) {
                super::mark_first_render();
                let (host_io, key, dispatch) = watch;
                watch_other_tabs(host_io, key, dispatch);
            } else if let Some(h) = heading.cast::<HtmlElement>() {
                let _ = h.focus();
            }
            // Once per completed diagnosis: coming back to the same result (after reviewing the
            // answers without changing any) tells the host nothing new. A result shown without
            // being reached from the statements (resumed at the result, opened from a file) is
            // marked `reopened: true`, so that a host does not count it as a new respondent.
            let (q, diagnosis, lang) = reached;
            let previous = previous_screen.replace(Some(*screen));
            if *screen == Screen::Start {
                reported.replace(None);
            }
            if let (Screen::Result, Some(f), Some(d)) = (screen, on_complete, diagnosis) {
                let same = reported.borrow().as_ref().is_some_and(|r| {
                    (&r.role, &r.answers, &r.materials) == (&d.role, &d.answers, &d.materials)
                });
                if !same {
                    if let Some(value) = take_away::payload(&q, &d, &lang) {
                        let reopened = matches!(previous, None | Some(Screen::Start));
                        let _ = js_sys::Reflect::set(&value, &"reopened".into(), &reopened.into());
                        let _ = f.call1(&wasm_bindgen::JsValue::NULL, &value);
                    }
                    reported.replace(Some(d));
                }
            }
        });
    }

    // Effect: a notice given in answer to the respondent (a file saved or opened, a copy) is
    // brought into view: it shows at the top of the widget, and the button that caused it may be
    // a screen further down. Not one given as the widget opens, which must not move the host page.
    {
        let notice_ref = notice_ref.clone();
        let opening = use_mut_ref(|| true);
        use_effect_with(widget.notice.clone(), move |notice| {
            let opening = std::mem::replace(&mut *opening.borrow_mut(), false);
            if let (false, Some(_), Some(e)) = (opening, notice, notice_ref.cast::<Element>()) {
                e.scroll_into_view();
            }
        });
    }

    // Effect: a destructive action asked for moves the focus to "keep" (the safe answer).
    {
        let keep = keep.clone();
        use_effect_with(widget.pending.is_some(), move |asking| {
            if let (true, Some(button)) = (*asking, keep.cast::<HtmlElement>()) {
                let _ = button.focus();
            }
        });
    }

    // Callbacks
    let act = |f: fn() -> Action| {
        let w = widget.clone();
        Callback::from(move |_: ()| w.dispatch(Msg::Do(f())))
    };
    let on_next = act(|| Action::Next);
    let on_back = act(|| Action::Back);
    let on_begin = act(|| Action::Begin);
    let on_review = act(|| Action::Review);
    let on_go = {
        let w = widget.clone();
        Callback::from(move |n| w.dispatch(Msg::Do(Action::Go(n))))
    };
    // The unfinished answers to a file, in the layout they are saved in on the device: a virtual
    // desktop that wipes the browser at logout, or another PC, still lets the respondent go on.
    let on_save = {
        let w = widget.clone();
        Callback::from(move |_: ()| {
            let snapshot = w.session.snapshot(&w.content);
            if let Ok(text) = crate::core::json::to_string(&snapshot, false) {
                let name = format!("kintone-diagnosis-answers-{}.json", io::now().0);
                if io::download(&name, "application/json", &text).is_some() {
                    w.dispatch(Msg::Notify(Notice {
                        text: (ui(&w.lang).saved_unfinished)(&name),
                        alert: false,
                    }));
                }
            }
        })
    };
    let ask = |pending: Pending| {
        let w = widget.clone();
        Callback::from(move |_: ()| w.dispatch(Msg::Ask(pending.clone())))
    };
    let on_restart = ask(Pending::Restart);
    let on_erase = ask(Pending::Erase);
    let on_role = {
        let w = widget.clone();
        Callback::from(move |id: AttrValue| {
            let id = id.to_string();
            // Starting afresh drops the saved answers on offer: ask first.
            w.dispatch(if w.resume.is_some() {
                Msg::Ask(Pending::ChooseRole(id))
            } else {
                Msg::Do(Action::ChooseRole(id))
            })
        })
    };
    // Memoised on the dispatcher, which never changes: every statement on the screen receives this
    // callback, and a new one each render would make all their props differ, so one click would
    // re-render every statement (400 of them on the stress page) instead of the one answered.
    let on_answer = use_callback(
        widget.dispatcher(),
        |(q, answer): (AttrValue, Answer), dispatch| {
            dispatch.dispatch(Msg::Do(Action::Answer {
                question: q.to_string(),
                answer,
            }))
        },
    );
    let on_target = {
        let w = widget.clone();
        Callback::from(move |(dimension, level): (String, Option<u32>)| {
            w.dispatch(Msg::Do(Action::Target { dimension, level }))
        })
    };
    let on_mark = {
        let w = widget.clone();
        Callback::from(move |(item, state)| w.dispatch(Msg::Do(Action::Mark { item, state })))
    };
    let on_lang = {
        let w = widget.clone();
        Callback::from(move |lang: AttrValue| w.dispatch(Msg::SetLang(lang)))
    };
    let on_resume = {
        let w = widget.clone();
        Callback::from(move |_| w.dispatch(Msg::Resume))
    };
    let on_decline = ask(Pending::Decline);
    // The respondent confirmed the pending destructive action.
    let on_confirm = {
        let w = widget.clone();
        let store = props.store.clone();
        Callback::from(move |_: ()| {
            let t = ui(&w.lang);
            match w.pending.clone() {
                Some(Pending::Restart) => w.dispatch(Msg::Do(Action::Restart)),
                Some(Pending::Erase) => match store.erase() {
                    Ok(()) => w.dispatch(Msg::Erased(Notice {
                        text: t.erased.to_string(),
                        alert: false,
                    })),
                    Err(()) => w.dispatch(Msg::Notify(Notice {
                        text: t.erase_failed.to_string(),
                        alert: true,
                    })),
                },
                Some(Pending::ChooseRole(id)) => {
                    w.dispatch(Msg::DeclineResume);
                    w.dispatch(Msg::Do(Action::ChooseRole(id)));
                }
                Some(Pending::TakeOver) => w.dispatch(Msg::TakeOver),
                Some(Pending::Decline) => {
                    let _ = store.erase();
                    w.dispatch(Msg::DeclineResume);
                }
                Some(Pending::Load(session)) => load(&w, session),
                None => {}
            }
        })
    };
    let on_cancel = {
        let w = widget.clone();
        Callback::from(move |_: ()| w.dispatch(Msg::Cancel))
    };
    let on_dismiss = {
        let w = widget.clone();
        Callback::from(move |_| w.dispatch(Msg::Dismiss))
    };
    let on_open_file = {
        let w = widget.clone();
        let host_io = props.io.clone();
        Callback::from(move |input: web_sys::HtmlInputElement| {
            let w = w.clone();
            let picked = input.clone();
            io::read_file(&host_io, &input, move |text| {
                picked.set_value(""); // so that picking the same file again reads it again
                let t = ui(&w.lang);
                match open_file(&w.content, t, text) {
                    // Answers on offer or under way would be replaced: ask first.
                    Ok(session) if w.resume.is_some() || !w.session.is_blank() => {
                        w.dispatch(Msg::Ask(Pending::Load(session)))
                    }
                    Ok(session) => load(&w, session),
                    Err(text) => w.dispatch(Msg::Notify(Notice { text, alert: true })),
                }
            });
        })
    };
    let on_take = {
        let w = widget.clone();
        let host_io = props.io.clone();
        let diagnosis = diagnosis.clone();
        Callback::from(move |kind: TakeAway| {
            let Some(d) = &diagnosis else {
                return;
            };
            let w2 = w.clone();
            let copied = move |ok: bool| {
                let t = ui(&w2.lang);
                w2.dispatch(Msg::Notify(Notice {
                    text: (match (ok, kind) {
                        (true, TakeAway::Code) => t.code_copied,
                        (true, _) => t.copied,
                        _ => t.copy_failed,
                    })
                    .to_string(),
                    alert: !ok,
                }));
            };
            take_away::take(
                kind,
                &w.content,
                d,
                (&w.lang, ui(&w.lang)),
                &host_io,
                copied,
            );
        })
    };

    // The screen
    let lang = widget.lang.clone();
    let forward = props
        .forward
        .as_ref()
        .map(|who| AttrValue::from((t.forwarded)(who)));
    let screen = match (s.screen, &diagnosis) {
        (Screen::Start, _) => {
            let roles: Vec<RoleOption> = q
                .roles
                .iter()
                .map(|r| RoleOption {
                    id: r.id.clone().into(),
                    label: q.text(&r.label, &lang).to_string().into(),
                    description: q.text(&r.description, &lang).to_string().into(),
                })
                .collect();
            let announced = display::questions_announced(&q);
            let resume = widget.resume.as_ref().map(|r| ResumeOffer {
                // Statements answered at the stage chosen: the stage is not one, and answers set
                // aside with another stage are not counted.
                answered: r.progress(&q).0,
                at_result: r.screen == Screen::Result,
            });
            start_screen(StartProps {
                ui: t,
                title: q.text(&q.title, &lang).to_string().into(),
                intro: q.text(&q.intro, &lang).to_string().into(),
                show_intro: !props.skip_intro,
                questions: announced,
                minutes: minutes_for(announced.1),
                saves: widget.storage == Status::Saved,
                forward: forward.clone(),
                roles,
                current: s.role.clone().map(AttrValue::from),
                resume,
                heading: heading.clone(),
                on_choose: on_role,
                on_begin,
                on_resume,
                on_decline,
                on_open_file,
                instance: props.instance.clone(),
            })
        }
        (Screen::Section(n), _) => section_screen(
            &q,
            s,
            n,
            &lang,
            t,
            &widget,
            props,
            &heading,
            on_answer,
            [on_next, on_back, on_review, on_save.clone()],
        ),
        (Screen::Review, _) => {
            let role = s.role.as_deref();
            let rows = display::review(&q, role, &s.answers)
                .into_iter()
                .map(|r| {
                    let title = display::screen_title(&q, &r.part, &lang);
                    (title, (r.answered, r.asked, r.dont_know))
                })
                .collect();
            review(ReviewProps {
                ui: t,
                rows,
                heading: heading.clone(),
                on_go,
                on_next,
                on_save,
            })
        }
        (Screen::Result, Some(d)) => {
            // A result opened from a file keeps the day it was made.
            let date = d
                .made
                .as_deref()
                .and_then(day_of)
                .unwrap_or_else(|| io::now().0);
            let part = PartProps {
                ui: t,
                content: ContentRef(q.clone()),
                diagnosis: d.clone(),
                lang: lang.clone(),
            };
            result_view(ResultProps {
                part,
                date: date.into(),
                heading: heading.clone(),
                contact: props.contact.clone(),
                on_mark,
                on_target,
                on_take,
                on_back: on_review,
                on_restart,
            })
        }
        (Screen::Result, None) => Html::default(),
    };

    let confirm = widget.pending.as_ref().map(|p| {
        let (question, label) = match p {
            Pending::Restart => (t.confirm_restart.to_string(), t.restart_confirmed),
            Pending::Erase => (t.confirm_erase.to_string(), t.erase_confirmed),
            Pending::ChooseRole(_) => (
                (t.confirm_drop_saved)(widget.resume.as_ref().map_or(0, |r| r.progress(&q).0)),
                t.drop_saved_confirmed,
            ),
            Pending::Load(_) => (t.confirm_replace.to_string(), t.replace_confirmed),
            Pending::TakeOver => (t.confirm_take_over.to_string(), t.take_over_confirmed),
            Pending::Decline => (
                (t.confirm_drop_saved)(widget.resume.as_ref().map_or(0, |r| r.progress(&q).0)),
                t.drop_saved_confirmed,
            ),
        };
        confirm(ConfirmProps {
            ui: t,
            question: question.into(),
            confirm: label.into(),
            on_confirm,
            on_cancel,
            keep: keep.clone(),
        })
    });

    let chrome = FrameProps {
        ui: t,
        content: ContentRef(q.clone()),
        lang,
        notice: widget.notice.clone(),
        notice_ref,
        storage: widget.storage,
        storage_key: props.store.key.clone().into(),
        forward,
        checked: (*checked).clone(),
        on_privacy: {
            let q = q.clone();
            Callback::from(move |_| {
                let fingerprint = q.fingerprint().to_string();
                checked.set(Some(Rc::new((io::requests_made(), fingerprint))))
            })
        },
        on_lang,
        on_dismiss,
        on_erase,
    };
    frame(chrome, html! { <>{ for confirm }{ screen }</> })
}

/// Watches for another tab of this questionnaire saving or erasing answers, for as long as the
/// page lives: two tabs must not silently overwrite each other's answers.
fn watch_other_tabs(
    host_io: wasm_bindgen::JsValue,
    key: String,
    dispatch: UseReducerDispatcher<Widget>,
) {
    let again = (host_io.clone(), key.clone(), dispatch.clone());
    io::watch_storage(&host_io, &key, move |text| {
        dispatch.dispatch(Msg::OtherTab(text));
        watch_other_tabs(again.0, again.1, again.2);
    });
}

/// The `n`-th section the respondent goes through, numbered and with its choices as shown.
#[allow(clippy::too_many_arguments)]
fn section_screen(
    q: &Questionnaire,
    s: &Session,
    n: usize,
    lang: &AttrValue,
    t: &'static Ui,
    widget: &UseReducerHandle<Widget>,
    props: &RespondentProps,
    heading: &NodeRef,
    on_answer: Callback<(AttrValue, Answer)>,
    [on_next, on_back, on_review, on_save]: [Callback<()>; 4],
) -> Html {
    let role = s.role.as_deref();
    let screens = s.screens(q);
    let Some(part) = screens.get(n) else {
        return Html::default();
    };
    // The stage question is not a statement: it carries no number, and the statements are
    // numbered from 1 after it.
    let first =
        display::first_number(&screens, n) - usize::from(n > 0 && q.stage_question.is_some());
    let questions: Vec<ShownQuestion> = q
        .questions_on(part, role, &s.answers)
        .enumerate()
        .map(|(i, question)| ShownQuestion {
            id: question.id.clone().into(),
            number: if q.is_stage(question) { 0 } else { first + i },
            statement: q.statement(question, role, lang).to_string().into(),
            choices: display::choices_shown(q, question, lang)
                .into_iter()
                .map(|(v, l)| {
                    (
                        AttrValue::from(v.to_string()),
                        AttrValue::from(l.to_string()),
                    )
                })
                .collect(),
            dont_know: display::dont_know_label(q, question, lang)
                .map(|l| AttrValue::from(l.to_string())),
            selected: s.answers.get(&question.id).cloned(),
            missing: s.unanswered.contains(&question.id),
        })
        .collect();
    let unanswered: Vec<usize> = questions
        .iter()
        .filter(|q| q.missing)
        .map(|q| q.number)
        .collect();
    let (done, asked) = s.progress(q);
    let sec = &q.sections[part.section];
    let title = display::screen_title(q, part, lang);
    section_view(SectionProps {
        ui: t,
        title: title.into(),
        intro: sec
            .intro
            .as_ref()
            .filter(|_| part.part == 0)
            .map(|i| AttrValue::from(q.text(i, lang).to_string())),
        position: (n + 1, screens.len()),
        split: screens.iter().any(|p| p.parts > 1),
        progress: (done, asked),
        minutes_left: minutes_for(asked - done),
        questions,
        unanswered,
        refusals: widget.refusals,
        can_go_back: true,
        group: props.instance.clone(),
        heading: heading.clone(),
        on_answer,
        on_next,
        on_back,
        on_review,
        on_save,
    })
}

/// Shows a session opened from a file, and says which kind of file it was.
fn load(w: &UseReducerHandle<Widget>, session: Session) {
    let t = ui(&w.lang);
    let text = if session.screen == Screen::Result {
        t.import_ok
    } else {
        t.continued
    };
    w.dispatch(Msg::Load(session));
    w.dispatch(Msg::Notify(Notice {
        text: text.to_string(),
        alert: false,
    }));
}

/// Reads a file the user picked: a result file, or a file of unfinished answers (told apart by
/// their `format`); the error is the message to show.
fn open_file(content: &Questionnaire, t: &Ui, text: Option<String>) -> Result<Session, String> {
    let text = text.ok_or_else(|| t.import_not_json.to_string())?;
    let opened = match read::result_export(&text) {
        Ok(file) => import(content, &file),
        Err(NotRead::Misfit) => match read::snapshot(&text) {
            Some(snapshot) => continue_from(content, &snapshot),
            None => Err(ImportError::NotAResult),
        },
        Err(NotRead::NotJson) => return Err(t.import_not_json.to_string()),
        Err(NotRead::TooLarge) => return Err(t.import_too_large.to_string()),
    };
    opened.map_err(|e| match e {
        ImportError::NotAResult => t.import_not_result.to_string(),
        ImportError::Newer => t.import_newer.to_string(),
        // The same questionnaire in another version: said so, not "another questionnaire". (The
        // same id and version with another fingerprint is another questionnaire: edited.)
        ImportError::OtherContent {
            content_id,
            content_version,
        } if content_id == content.id && content_version != content.content_version => {
            if later_version(&content_version, &content.content_version) {
                t.import_newer.to_string()
            } else {
                (t.import_earlier)(&content_version)
            }
        }
        ImportError::OtherContent {
            content_id,
            content_version,
        } => (t.import_other_content)(&content_id, &content_version),
        ImportError::Altered => t.import_altered.to_string(),
    })
}
