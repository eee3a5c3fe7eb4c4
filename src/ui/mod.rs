//! The yew widget's entry point: `mount`, called by the boot script (www/element.js) with the
//! options of `contract::option`, reads the questionnaire and renders the root, or the
//! questionnaire's problems in its place.

mod app;
mod components;
mod io;
mod respondent;
mod state;
mod storage;
mod take_away;
mod text;

use crate::contract::{self, option};
use crate::core::{validate, Content, Questionnaire};
use components::result::Contact;
use state::ContentRef;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use yew::prelude::*;

/// Mounts a widget into `root`. `options` is a plain object of `contract::option`'s names (all
/// optional): `lang` (a primary language subtag, normalised by the boot script), `content`
/// (questionnaire JSON text), `contentMissing` (id of a content element that was not found),
/// `storage` ("local" | "off"), `storageKey` (namespace), `start` ("intro" | "questions"),
/// `contactHref`, `contactLabel`, `contactText`, `contactPosition` ("after-main" | "end"),
/// `results` ("host": the host forwards results), `resultsTo` (who receives them), `onComplete`
/// (function called with the result export),
/// `instance` (unique id on the page), `io` (the boot script's helpers).
///
/// Never throws for bad content: the problems are shown inside the widget instead.
#[wasm_bindgen]
pub fn mount(root: web_sys::Element, options: JsValue) {
    let get = |key: &str| {
        js_sys::Reflect::get(&options, &key.into())
            .ok()
            .and_then(|v| v.as_string())
    };
    let instance: AttrValue = get(option::INSTANCE)
        .unwrap_or_else(|| contract::ROOT_CLASS.into())
        .into();
    let loaded = match get(option::CONTENT_MISSING) {
        Some(id) => Err(vec![format!(
            "content: no <script type=\"application/json\"> element with id '{id}' on this page"
        )]),
        // The shipped questionnaire is validated by a native test; only others are checked here.
        None => match get(option::CONTENT) {
            Some(json) => load_content(&json, true),
            None => load_content(crate::SHIPPED_CONTENT, false),
        },
    };
    let lang = get(option::LANG);
    match loaded {
        Ok(content) => {
            let lang = lang
                .filter(|l| content.languages.contains(l))
                .or_else(|| content.languages.first().cloned())
                .unwrap_or_default();
            let questionnaire = Questionnaire::new(content);
            let storage_on = get(option::STORAGE).as_deref() != Some(contract::STORAGE_OFF);
            let namespace =
                get(option::STORAGE_KEY).unwrap_or_else(|| contract::DEFAULT_NAMESPACE.into());
            let store = storage::Store::open(storage_on, &namespace, &questionnaire);
            let contact = get(option::CONTACT_HREF)
                .filter(|h| {
                    h.starts_with("https://")
                        || h.starts_with("http://")
                        || h.starts_with("mailto:")
                        || h.starts_with('/')
                        || h.starts_with('#')
                })
                .map(|h| Contact {
                    href: h.into(),
                    label: get(option::CONTACT_LABEL).map(AttrValue::from),
                    text: get(option::CONTACT_TEXT).map(AttrValue::from),
                    at_end: get(option::CONTACT_POSITION).as_deref()
                        == Some(contract::CONTACT_AT_END),
                });
            let forward = (get(option::RESULTS).as_deref() == Some(contract::RESULTS_HOST))
                .then(|| get(option::RESULTS_TO).unwrap_or_default().into());
            let on_complete = js_sys::Reflect::get(&options, &option::ON_COMPLETE.into())
                .ok()
                .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
            let page = app::Page::Respondent(respondent::RespondentProps {
                content: ContentRef(Rc::new(questionnaire)),
                lang: lang.into(),
                instance,
                store,
                skip_intro: get(option::START).as_deref() == Some(contract::START_AT_QUESTIONS),
                contact,
                forward,
                on_complete,
                io: js_sys::Reflect::get(&options, &option::IO.into())
                    .unwrap_or(JsValue::UNDEFINED),
            });
            yew::Renderer::<app::App>::with_root_and_props(root, app::AppProps { page }).render();
        }
        Err(problems) => {
            let lang: AttrValue = lang
                .filter(|l| l == "en")
                .unwrap_or_else(|| "ja".into())
                .into();
            yew::Renderer::<ContentErrors>::with_root_and_props(
                root,
                ContentErrorsProps { problems, lang },
            )
            .render();
        }
    }
}

/// Reads questionnaire JSON and, unless it is the shipped content (checked by a native test),
/// validates it. Errors are lines of "path: message" (a JSON syntax error is
/// "JSON: line L, column C: message").
fn load_content(json: &str, check: bool) -> Result<Content, Vec<String>> {
    let content = crate::core::read::content(json)
        .map_err(|problems| problems.iter().map(ToString::to_string).collect::<Vec<_>>())?;
    let problems = if check {
        validate(&content)
    } else {
        Vec::new()
    };
    if problems.is_empty() {
        Ok(content)
    } else {
        Err(problems.iter().map(ToString::to_string).collect())
    }
}

/// Sets `window.__firstRender` once, when the first screen is on the page (the benchmark contract).
pub(crate) fn mark_first_render() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let key = JsValue::from_str(contract::FIRST_RENDER_MARK);
    if js_sys::Reflect::get(&window, &key)
        .map(|v| v.is_undefined())
        .unwrap_or(false)
    {
        if let Some(p) = window.performance() {
            let _ = js_sys::Reflect::set(&window, &key, &JsValue::from_f64(p.now()));
        }
    }
}

#[derive(Properties, PartialEq)]
struct ContentErrorsProps {
    problems: Vec<String>,
    lang: AttrValue,
}

/// Shown instead of the questionnaire when the content does not load: every problem, with its path.
#[component]
fn ContentErrors(props: &ContentErrorsProps) -> Html {
    let t = text::ui(&props.lang);
    html! {
        <div class="kd" lang={props.lang.clone()}>
            <section class="content-errors" role="alert" data-content-errors="">
                <h2>{ t.content_error_title }</h2>
                <p>{ t.content_error_lead }</p>
                <ul>
                for p in props.problems.iter() {
                    <li><code>{ p }</code></li>
                }
                </ul>
            </section>
        </div>
    }
}
