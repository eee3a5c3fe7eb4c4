//! The budget-request materials: for each, there / missing / don't know (prefilled from the
//! answers that already said so); missing ones become steps.

use super::PartProps;
use crate::core::content::Material;
use yew::prelude::*;

const STATES: [(Material, &str); 3] = [
    (Material::Has, "has"),
    (Material::Lacks, "lacks"),
    (Material::Unsure, "unsure"),
];

/// A function rather than a component, like every part of the result: see `primary.rs`.
/// `on_mark` is called with the item's id and the state chosen.
pub fn checklist(p: &PartProps, on_mark: &Callback<(String, Material)>) -> Html {
    let c = &p.content.0;
    let lang = p.lang.as_str();
    if c.checklist.items.is_empty() {
        return Html::default();
    }
    html! {
        <>
            <h3>{ c.text(&c.checklist.title, lang) }</h3>
            <p class="hint">{ p.ui.you_have }</p>
            <ul class="checklist">
            for (item, known) in c.checklist.items.iter().zip(p.diagnosis.known.iter()) {
                <li key={item.id.clone()}>
                    <fieldset class="material">
                        <legend><span class="item-label">{ c.text(&item.label, lang) }</span>
                            <span class="item-detail">{ c.text(&item.detail, lang) }</span></legend>
                        for (i, (state, value)) in STATES.iter().enumerate() {
                            <label key={*value}>
                                <input type="radio" name={format!("material-{}", item.id)} data-item={item.id.clone()}
                                    value={*value} checked={*known == Some(*state)}
                                    onchange={ let (id, state) = (item.id.clone(), *state); on_mark.reform(move |_| (id.clone(), state)) } />
                                { p.ui.states[i] }
                            </label>
                        }
                    </fieldset>
                </li>
            }
            </ul>
        </>
    }
}
