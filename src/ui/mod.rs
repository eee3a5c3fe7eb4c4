//! The yew widget: mounting into a page element, and the screens over the core session.

mod app;
mod components;
mod io;
mod state;
mod storage;
mod text;

use crate::core::{validate, Content};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use yew::prelude::*;

/// Shared, immutable content. Compared by pointer: one content per widget, never edited.
#[derive(Clone)]
pub struct ContentRef(pub Rc<Content>);

impl PartialEq for ContentRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// Mounts a widget into `root`. `options` is a plain object (all optional):
/// `lang` ("ja" | "en"), `content` (questionnaire JSON text), `contentMissing` (id of a content
/// element that was not found), `storage` ("local" | "off"), `storageKey` (namespace),
/// `start` ("intro" | "questions"), `contactHref`, `contactLabel`, `onComplete` (function called
/// with the result export), `instance` (unique id on the page).
///
/// Never throws for bad content: the problems are shown inside the widget instead.
#[wasm_bindgen]
pub fn mount(root: web_sys::Element, options: JsValue) {
    let get = |key: &str| {
        js_sys::Reflect::get(&options, &key.into())
            .ok()
            .and_then(|v| v.as_string())
    };
    let instance: AttrValue = get("instance").unwrap_or_else(|| "kd".into()).into();
    let loaded = match get("contentMissing") {
        Some(id) => Err(vec![format!(
            "content: no <script type=\"application/json\"> element with id '{id}' on this page"
        )]),
        // The shipped questionnaire is validated by a native test; only others are checked here.
        None => match get("content") {
            Some(json) => load_content(&json, true),
            None => load_content(crate::SHIPPED_CONTENT, false),
        },
    };
    let lang = get("lang").map(|l| l.split('-').next().unwrap_or_default().to_lowercase());
    match loaded {
        Ok(content) => {
            let lang = lang
                .filter(|l| content.languages.contains(l))
                .or_else(|| content.languages.first().cloned())
                .unwrap_or_default();
            let storage_on = get("storage").as_deref() != Some("off");
            let namespace = get("storageKey").unwrap_or_else(|| "default".into());
            let store = storage::Store::open(storage_on, &namespace, &content);
            let contact = get("contactHref")
                .filter(|h| {
                    h.starts_with("https://")
                        || h.starts_with("http://")
                        || h.starts_with("mailto:")
                        || h.starts_with('/')
                        || h.starts_with('#')
                })
                .map(|h| {
                    (
                        AttrValue::from(h),
                        AttrValue::from(get("contactLabel").unwrap_or_else(|| "Contact".into())),
                    )
                });
            let on_complete = js_sys::Reflect::get(&options, &"onComplete".into())
                .ok()
                .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
            let props = app::AppProps {
                content: ContentRef(Rc::new(content)),
                lang: lang.into(),
                instance,
                store,
                skip_intro: get("start").as_deref() == Some("questions"),
                contact,
                on_complete,
                io: js_sys::Reflect::get(&options, &"io".into()).unwrap_or(JsValue::UNDEFINED),
            };
            yew::Renderer::<app::App>::with_root_and_props(root, props).render();
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
    let key = JsValue::from_str("__firstRender");
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
