//! The root component: it only chooses the page a mounted widget shows. Each page is a family of
//! screens with its own state (the respondent's diagnosis now; the office's gathered results
//! next), so a new page arrives as a variant here and a module of its own, not as growth of a
//! shared root.

use super::respondent::{Respondent, RespondentProps};
use yew::prelude::*;

/// Which page a mounted widget shows, with what it needs.
#[derive(Clone, PartialEq)]
pub enum Page {
    Respondent(RespondentProps),
}

#[derive(Properties, PartialEq)]
pub struct AppProps {
    pub page: Page,
}

#[component]
pub fn App(props: &AppProps) -> Html {
    match &props.page {
        Page::Respondent(p) => html! { <Respondent ..p.clone() /> },
    }
}
