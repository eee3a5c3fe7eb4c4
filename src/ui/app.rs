//! The root component: wires the core session, storage and files to the screens.

use super::components::privacy::PrivacyPanel;
use super::components::result::{ResultView, TakeAway};
use super::components::section::{SectionScreen, ShownQuestion};
use super::components::start::{ResumeOffer, RoleOption, StartScreen};
use super::state::{Msg, Notice, PlanView, Widget};
use super::storage::{self, Found, Status, Store};
use super::text::{ui, Ui};
use super::{io, ContentRef};
use crate::core::export::{export, import, ImportError};
use crate::core::read::{self, NotRead};
use crate::core::report::{markdown, ReportWords};
use crate::core::{fingerprint, json, Action, Answer, Content, Screen, Session};
use std::rc::Rc;
use web_sys::HtmlElement;
use yew::prelude::*;

/// Seconds a respondent needs per statement, for the time estimates (40 statements in 8-10
/// minutes when read carefully).
const SECONDS_PER_QUESTION: usize = 14;

#[derive(Properties, PartialEq)]
pub struct AppProps {
    pub content: ContentRef,
    pub lang: AttrValue,
    /// Distinguishes widgets on one page (radio group names, element ids).
    pub instance: AttrValue,
    pub store: Store,
    /// Start content without roles at its first question (`start="questions"`).
    pub skip_intro: bool,
    pub contact: Option<(AttrValue, AttrValue)>,
    /// Told the result (the export object) each time the respondent reaches it.
    pub on_complete: Option<js_sys::Function>,
    /// The boot script's asynchronous helpers (`readText`, `copyText`): promises are handled
    /// there, which keeps an async runtime out of the wasm.
    pub io: wasm_bindgen::JsValue,
}

#[component]
pub fn App(props: &AppProps) -> Html {
    // State: the session, plus a saved session found in storage (offered, never forced).
    let widget = use_reducer(|| {
        let mut w = Widget::new(
            props.content.0.clone(),
            props.lang.clone(),
            props.store.status,
            props.skip_intro,
        );
        let t = ui(&props.lang);
        match props.store.load(&props.content.0) {
            // A widget that starts at the questions has no start screen to offer the saved
            // session on (and would not save while an offer is open): it continues it instead.
            Found::Session(saved) if props.skip_intro && saved.screen != Screen::Start => {
                w.session = saved;
                w.notice = Some(Notice {
                    text: t.resumed.to_string(),
                    alert: false,
                });
            }
            Found::Session(saved) if saved != Session::new() => w.resume = Some(saved),
            Found::OtherVersion(v) => {
                w.notice = Some(Notice {
                    text: (t.saved_other_version)(&v),
                    alert: true,
                })
            }
            Found::Corrupt => {
                w.notice = Some(Notice {
                    text: t.saved_corrupt.to_string(),
                    alert: true,
                })
            }
            _ => {}
        }
        if props.store.status == Status::Unavailable {
            w.notice = Some(Notice {
                text: t.storage_unavailable.to_string(),
                alert: false,
            });
        }
        w
    });
    let heading = use_node_ref();
    let first_screen = use_mut_ref(|| true);
    // The content's fingerprint, computed when the result first needs it (not on first render).
    let fingerprint_once = use_mut_ref(|| None::<AttrValue>);
    let c = widget.content.clone();
    let s = &widget.session;
    let t = ui(&widget.lang);

    // Effect: keep the saved copy in step with every answer. A session with nothing to restore
    // (no answer, no tick) writes nothing and erases an earlier copy, so "start over" leaves
    // nothing behind and a first render makes no storage call. Nothing is written while a saved
    // session is on offer.
    {
        let w = widget.clone();
        let store = props.store.clone();
        use_effect_with(
            (widget.session.clone(), widget.resume.is_some()),
            move |(session, offering)| {
                if *offering || w.storage != Status::Saved {
                    return;
                }
                let result = if session.is_blank() {
                    store.erase_if_held()
                } else {
                    store.save(&w.content, session)
                };
                if result.is_err() {
                    let t = ui(&w.lang);
                    w.dispatch(Msg::StorageFailed(Notice {
                        text: t.storage_failed.to_string(),
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
        let w = widget.clone();
        let on_complete = props.on_complete.clone();
        use_effect_with(widget.session.screen, move |screen| {
            if std::mem::replace(&mut *first_screen.borrow_mut(), false) {
                super::mark_first_render();
            } else if let Some(h) = heading.cast::<HtmlElement>() {
                let _ = h.focus();
            }
            if let (Screen::Result, Some(f)) = (screen, on_complete) {
                let (_, now) = io::now();
                let file = export(&w.content, &w.session, &w.lang, &now);
                if let Some(value) = storage::to_js(&file) {
                    let _ = f.call1(&wasm_bindgen::JsValue::NULL, &value);
                }
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
    let on_restart = act(|| Action::Restart);
    let on_begin = act(|| Action::Begin);
    let on_role = {
        let w = widget.clone();
        Callback::from(move |id: AttrValue| w.dispatch(Msg::Do(Action::ChooseRole(id.to_string()))))
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
    let on_toggle_item = {
        let w = widget.clone();
        Callback::from(move |id: String| w.dispatch(Msg::Do(Action::ToggleItem(id))))
    };
    let on_lang = {
        let w = widget.clone();
        Callback::from(move |lang: AttrValue| w.dispatch(Msg::SetLang(lang)))
    };
    let on_resume = {
        let w = widget.clone();
        Callback::from(move |_| w.dispatch(Msg::Resume))
    };
    let on_decline = {
        let w = widget.clone();
        let store = props.store.clone();
        Callback::from(move |_| {
            let _ = store.erase();
            w.dispatch(Msg::DeclineResume)
        })
    };
    let on_erase = {
        let w = widget.clone();
        let store = props.store.clone();
        Callback::from(move |_| {
            let t = ui(&w.lang);
            match store.erase() {
                Ok(()) => w.dispatch(Msg::Erased(Notice {
                    text: t.erased.to_string(),
                    alert: false,
                })),
                Err(()) => w.dispatch(Msg::Notify(Notice {
                    text: t.erase_failed.to_string(),
                    alert: true,
                })),
            }
        })
    };
    let on_dismiss = {
        let w = widget.clone();
        Callback::from(move |_| w.dispatch(Msg::Dismiss))
    };
    let on_plan_view = {
        let w = widget.clone();
        Callback::from(move |v: PlanView| w.dispatch(Msg::SetPlanView(v)))
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
                match open_result(&w.content, t, text) {
                    Ok(session) => {
                        w.dispatch(Msg::Load(session));
                        w.dispatch(Msg::Notify(Notice {
                            text: t.import_ok.to_string(),
                            alert: false,
                        }));
                    }
                    Err(text) => w.dispatch(Msg::Notify(Notice { text, alert: true })),
                }
            });
        })
    };
    let on_take = {
        let w = widget.clone();
        let host_io = props.io.clone();
        Callback::from(move |kind: TakeAway| {
            let t = ui(&w.lang);
            let (date, now) = io::now();
            let words = report_words(t);
            match kind {
                TakeAway::Print => io::print(&host_io),
                TakeAway::Json => {
                    let file = export(&w.content, &w.session, &w.lang, &now);
                    if let Ok(json) = json::to_string(&file, true) {
                        io::download(
                            &format!("kintone-diagnosis-{date}.json"),
                            "application/json",
                            &json,
                        );
                    }
                }
                TakeAway::Markdown => {
                    let md = markdown(&w.content, &w.session, &words, &w.lang, &date);
                    io::download(
                        &format!("kintone-diagnosis-{date}.md"),
                        "text/markdown",
                        &md,
                    );
                }
                TakeAway::Copy => {
                    let md = markdown(&w.content, &w.session, &words, &w.lang, &date);
                    let w = w.clone();
                    io::copy(&host_io, &md, move |ok| {
                        let t = ui(&w.lang);
                        let text = if ok { t.copied } else { t.copy_failed };
                        w.dispatch(Msg::Notify(Notice {
                            text: text.to_string(),
                            alert: !ok,
                        }));
                    });
                }
            }
        })
    };

    // Derived values
    let lang = widget.lang.clone();
    let role = s.role.as_deref();
    let (done, asked) = s.progress(&c);
    let minutes_left = ((asked - done) * SECONDS_PER_QUESTION).div_ceil(60);
    // Only the result screen needs the diagnosis: computing it on every answer would tax each
    // click for nothing.
    let at_result = s.screen == Screen::Result;
    let diagnosis = {
        let w = widget.clone();
        let deps = at_result.then(|| (s.role.clone(), s.answers.clone(), s.ticked.clone()));
        use_memo(deps, move |deps| {
            deps.as_ref()
                .map(|_| Rc::new(w.session.diagnose(&w.content)))
        })
    };

    let screen = match s.screen {
        Screen::Start => {
            let roles: Vec<RoleOption> = c
                .roles
                .iter()
                .map(|r| RoleOption {
                    id: r.id.clone().into(),
                    label: c.text(&r.label, &lang).to_string().into(),
                    description: c.text(&r.description, &lang).to_string().into(),
                })
                .collect();
            // The estimate for a typical role: the most questions any role is asked.
            let typical = if c.roles.is_empty() {
                c.questions.len()
            } else {
                c.roles
                    .iter()
                    .map(|r| {
                        c.questions
                            .iter()
                            .filter(|q| c.asks(q, Some(&r.id)))
                            .count()
                    })
                    .max()
                    .unwrap_or(0)
            };
            let resume = widget.resume.as_ref().map(|r| ResumeOffer {
                answered: r.answers.len(),
                at_result: r.screen == Screen::Result,
            });
            html! {
                <StartScreen ui={t} title={c.text(&c.title, &lang).to_string()} intro={c.text(&c.intro, &lang).to_string()}
                    show_intro={!props.skip_intro} questions={typical}
                    minutes={(typical * SECONDS_PER_QUESTION).div_ceil(60)} {roles}
                    current={s.role.clone().map(AttrValue::from)} {resume} heading={heading.clone()}
                    on_choose={on_role} {on_begin} {on_resume} {on_decline} {on_open_file} instance={props.instance.clone()} />
            }
        }
        Screen::Section(n) => {
            let sections = s.sections(&c);
            let Some(&section) = sections.get(n) else {
                return Html::default();
            };
            let first_number: usize = sections[..n]
                .iter()
                .map(|&i| c.questions_in(i, role).count())
                .sum();
            let questions: Vec<ShownQuestion> = c
                .questions_in(section, role)
                .enumerate()
                .map(|(i, q)| shown_question(&c, s, q, first_number + i + 1, &lang))
                .collect();
            let unanswered: Vec<usize> = questions
                .iter()
                .filter(|q| q.missing)
                .map(|q| q.number)
                .collect();
            let sec = &c.sections[section];
            html! {
                <SectionScreen ui={t} title={c.text(&sec.title, &lang).to_string()}
                    intro={sec.intro.as_ref().map(|i| AttrValue::from(c.text(i, &lang).to_string()))}
                    position={(n + 1, sections.len())} progress={(done, asked)} {minutes_left} {questions} {unanswered}
                    refusals={widget.refusals} can_go_back=true group={props.instance.clone()} heading={heading.clone()}
                    {on_answer} {on_next} {on_back} />
            }
        }
        Screen::Result => {
            let (date, _) = io::now();
            let fp = fingerprint_once
                .borrow_mut()
                .get_or_insert_with(|| fingerprint(&c).into())
                .clone();
            html! {
                <ResultView ui={t} content={ContentRef(c.clone())} session={Rc::new(s.clone())} diagnosis={(*diagnosis).clone().unwrap_or_else(|| Rc::new(s.diagnose(&c)))}
                    lang={lang.clone()} {date} fingerprint={fp.clone()} plan_view={widget.plan_view}
                    heading={heading.clone()} contact={props.contact.clone()}
                    {on_toggle_item} {on_plan_view} {on_take} {on_back} {on_restart} />
            }
        }
    };

    html! {
        <div class="kd" lang={lang.clone()}>
            <div class="top no-print">
                if c.languages.len() > 1 {
                    <div class="lang-switch" role="group" aria-label={t.language}>
                    for l in c.languages.iter() {
                        <button type="button" key={l.clone()} lang={l.clone()} data-lang={l.clone()}
                            aria-pressed={(l.as_str() == lang.as_str()).to_string()}
                            onclick={ let l = AttrValue::from(l.clone()); on_lang.reform(move |_| l.clone()) }>
                            { language_name(l) }
                        </button>
                    }
                    </div>
                }
            </div>
            if let Some(notice) = &widget.notice {
                <div class={classes!("notice", notice.alert.then_some("error"))} role={if notice.alert { "alert" } else { "status" }} data-notice="">
                    <p>{ &notice.text }</p>
                    <button type="button" class="dismiss" onclick={on_dismiss}>{ t.dismiss }</button>
                </div>
            }
            { screen }
            <footer class="kd-footer no-print">
                <PrivacyPanel ui={t} storage={widget.storage} storage_key={props.store.key.clone()}
                    content={ContentRef(c.clone())} {on_erase} />
            </footer>
        </div>
    }
}

fn shown_question(
    c: &Content,
    s: &Session,
    q: &crate::core::content::Question,
    number: usize,
    lang: &str,
) -> ShownQuestion {
    let scale = c.scale(&q.scale);
    let choices = scale
        .map(|sc| {
            sc.choices
                .iter()
                .filter(|ch| q.choices.iter().any(|qc| qc.value == ch.value))
                .map(|ch| {
                    (
                        AttrValue::from(ch.value.clone()),
                        AttrValue::from(c.text(&ch.label, lang).to_string()),
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    let dont_know = if q.dont_know {
        scale.and_then(|sc| sc.dont_know.as_ref())
    } else {
        None
    };
    ShownQuestion {
        id: q.id.clone().into(),
        number,
        statement: c.statement(q, s.role.as_deref(), lang).to_string().into(),
        choices,
        dont_know: dont_know.map(|dk| AttrValue::from(c.text(dk, lang).to_string())),
        selected: s.answers.get(&q.id).cloned(),
        missing: s.unanswered.contains(&q.id),
    }
}

/// Reads a result file the user picked; the error is the message to show.
fn open_result(content: &Content, t: &Ui, text: Option<String>) -> Result<Session, String> {
    let text = text.ok_or_else(|| t.import_not_json.to_string())?;
    let file = read::result_export(&text).map_err(|e| match e {
        NotRead::NotJson => t.import_not_json.to_string(),
        NotRead::Misfit => t.import_not_result.to_string(),
    })?;
    import(content, &file).map_err(|e| match e {
        ImportError::NotAResult => t.import_not_result.to_string(),
        ImportError::OtherContent {
            content_id,
            content_version,
        } => (t.import_other_content)(&content_id, &content_version),
        ImportError::Altered => t.import_altered.to_string(),
    })
}

fn report_words(t: &'static Ui) -> ReportWords<'static> {
    ReportWords {
        date: t.report_date,
        role: t.report_role,
        version: t.report_version,
        verdicts: [t.verdict_blocked, t.verdict_healthy, t.verdict_insufficient],
        primary: t.primary_title,
        because: t.because,
        quote: t.quote,
        plan: t.plan_title,
        owner: t.report_owner,
        all: t.all_blockers,
        blocker: t.blocker,
        score: t.score,
        severity: t.severity,
        not_enough: t.not_enough,
    }
}

/// A language's name in itself.
fn language_name(code: &str) -> &str {
    match code {
        "ja" => "日本語",
        "en" => "English",
        other => other,
    }
}
