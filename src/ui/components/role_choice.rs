//! The role screen: one button per role of the content.

use yew::prelude::*;

/// One role as shown.
#[derive(Clone, PartialEq)]
pub struct RoleOption {
    pub id: AttrValue,
    pub label: AttrValue,
    pub description: AttrValue,
}

#[derive(Properties, PartialEq)]
pub struct RoleChoiceProps {
    pub heading: AttrValue,
    pub roles: Vec<RoleOption>,
    /// The role chosen before, if the respondent came back to this screen.
    pub current: Option<AttrValue>,
    pub on_choose: Callback<AttrValue>,
}

#[component]
pub fn RoleChoice(props: &RoleChoiceProps) -> Html {
    html! {
        <fieldset class="roles">
            <legend>{ &props.heading }</legend>
            <ul class="role-list">
            for role in props.roles.iter() {
                <li key={role.id.as_str()}>
                    <button type="button" class="role" data-role={role.id.clone()}
                        aria-pressed={(props.current.as_ref() == Some(&role.id)).to_string()}
                        onclick={
                            let id = role.id.clone();
                            props.on_choose.reform(move |_| id.clone())
                        }>
                        <span class="role-label">{ &role.label }</span>
                        <span class="role-description">{ &role.description }</span>
                    </button>
                </li>
            }
            </ul>
        </fieldset>
    }
}
