//! The budget-request materials as a checklist the respondent ticks (those missing become steps).

use super::PartProps;
use yew::prelude::*;

/// A function rather than a component, like every part of the result: see `primary.rs`.
/// `on_toggle` is called with the id of the item ticked or unticked.
pub fn checklist(p: &PartProps, on_toggle: &Callback<String>) -> Html {
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
            for item in c.checklist.items.iter() {
                <li key={item.id.clone()}>
                    <label>
                        <input type="checkbox" data-item={item.id.clone()} checked={p.diagnosis.has(&item.id)}
                            onchange={ let id = item.id.clone(); on_toggle.reform(move |_| id.clone()) } />
                        <span class="item-label">{ c.text(&item.label, lang) }</span>
                        <span class="item-detail">{ c.text(&item.detail, lang) }</span>
                    </label>
                </li>
            }
            </ul>
        </>
    }
}
