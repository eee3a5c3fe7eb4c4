//! The documents a municipality submits, drafted from the office's diagnoses: which drafts to
//! take first and why ([`reasons`]), each draft as a [`Document`] in the user's language with the
//! findings, the six materials, the cost-effect calculator's figures and the procurement route
//! filled in, and the document as Markdown. The `.docx` writer is `core::docx`.
//!
//! Wording is the guide's (`content/office-guide.json`, checked by `guide::check`); this module
//! only chooses and fills. Product-neutral by construction: the only product named is the one the
//! user types.

use super::calc::{field_label, CostEffect};
use super::content::{Material, Text};
use super::guide::{check_ids, Guide};
use super::map::Map;
use super::office::Gathering;
use super::validate::Problem;
use super::Content;

/// The drafts' layout version this build reads.
pub const DRAFTS_FORMAT: u32 = 1;

/// The documents a municipality submits (`content/office-drafts.json`): data with a version and
/// stable ids, in every language of the questionnaire, checked by [`check`].
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Drafts {
    pub format_version: u32,
    pub id: String,
    pub drafts_version: String,
    /// The questionnaire (its id) whose blockers, owners and stages the drafts name.
    pub for_content: String,
    pub drafts: Vec<Draft>,
    /// The fixed words of the drafts, by the keys of [`LABELS`].
    pub labels: Map<Text>,
    pub procurement: Procurement,
}

impl Drafts {
    /// A fixed word of the drafts (empty when missing: the checker reports that).
    pub fn label<'a>(&'a self, key: &str, lang: &str) -> &'a str {
        (self.labels.get(key))
            .and_then(|t| t.get(lang).or_else(|| t.get("ja")))
            .map_or("", String::as_str)
    }
}

/// The keys [`Drafts::labels`] must hold; `{x}` in their text is filled in by `core::draft`.
pub const LABELS: &[&str] = &[
    "no_product",
    "writer",
    "reader",
    "procedure",
    "based_on",
    "main_blocker",
    "no_main_blocker",
    "hours",
    "item",
    "value",
    "effect_year",
    "effect_total",
    "licence_year",
    "cost_total",
    "net",
    "payback",
    "months",
    "from_start",
    "never",
    "formula",
    "no_cost_effect",
    "material",
    "status",
    "answers",
    "ready",
    "to_prepare",
    "material_answers",
    "route",
    "route_note",
    "first_year",
    "within_limit",
    "over_limit",
    "no_first_year",
    "checked",
    "yen",
];

/// What a section of a draft is filled with from the diagnosis or the calculator.
pub const FILLS: &[&str] = &["findings", "cost_effect", "materials", "procurement"];

/// One document, ready to edit.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Draft {
    pub id: String,
    /// The 手順書 step it belongs to.
    pub procedure: String,
    /// Who prepares it and who reads it (owner ids of the questionnaire).
    pub writer: String,
    pub reader: String,
    /// Offered first when one of these blockers is a main one in the office.
    pub blockers: Vec<String>,
    /// ... or when the office is at one of these stages (answers of the stage question).
    pub stages: Vec<String>,
    /// ... or when a budget-request material is still to be prepared.
    pub missing_materials: bool,
    pub title: Text,
    /// What it is for, in one sentence.
    pub lead: Text,
    pub sections: Vec<DraftSection>,
}

/// A section: a heading, then any of a paragraph, points, a table (first row the header) and a
/// part filled in ([`FILLS`]). `{product}` in the text is the product the user names.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DraftSection {
    pub heading: Text,
    pub body: Text,
    pub points: Vec<Text>,
    pub numbered: bool,
    pub table: Vec<Vec<Text>>,
    pub fill: String,
}

/// The procurement routes and the limits of a small-amount discretionary contract: figures that
/// change, kept with the day they were checked and their source (the page lets the user edit the
/// limit).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Procurement {
    /// `YYYY-MM`.
    pub checked: String,
    pub source: Text,
    pub limits: Vec<Limit>,
    pub routes: Vec<Route>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Limit {
    pub id: String,
    pub label: Text,
    pub yen: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Route {
    pub id: String,
    pub label: Text,
    pub text: Text,
}

/// The drafts, their labels and the procurement figures: every id once, every owner, blocker,
/// stage and fill known, every table row as wide as its header.
pub fn check(book: &Drafts, guide: &Guide, content: &Content) -> Vec<Problem> {
    let mut out = Vec::new();
    let mut texts: Vec<(String, &Text)> = Vec::new();
    if book.format_version != DRAFTS_FORMAT {
        out.push(Problem::new(
            "format_version",
            format!("this build reads layout {DRAFTS_FORMAT}"),
        ));
    }
    for (path, value) in [("id", &book.id), ("drafts_version", &book.drafts_version)] {
        if value.trim().is_empty() {
            out.push(Problem::new(path, "must not be empty"));
        }
    }
    if book.for_content != content.id {
        out.push(Problem::new(
            "for",
            format!(
                "names '{}', the questionnaire is '{}'",
                book.for_content, content.id
            ),
        ));
    }
    if book.drafts.is_empty() {
        out.push(Problem::new("drafts", "no draft"));
    }
    let stages = content.stages();
    let ids = book.drafts.iter().map(|x| x.id.as_str());
    check_ids(ids, |d| format!("drafts[{d}].id"), &mut out);
    for (d, draft) in book.drafts.iter().enumerate() {
        let at = |field: &str| format!("drafts[{d}].{field}");
        if !guide.procedure.iter().any(|p| p.id == draft.procedure) {
            out.push(Problem::new(at("procedure"), "not a step of `procedure`"));
        }
        for (field, owner) in [("writer", &draft.writer), ("reader", &draft.reader)] {
            if !content.owners.iter().any(|o| &o.id == owner) {
                out.push(Problem::new(
                    at(field),
                    format!("'{owner}' is not an owner"),
                ));
            }
        }
        for (i, b) in draft.blockers.iter().enumerate() {
            if content.dimension_index(b).is_none() {
                out.push(Problem::new(at(&format!("blockers[{i}]")), "not a blocker"));
            }
        }
        for (i, s) in draft.stages.iter().enumerate() {
            if !stages.contains(&Some(s.as_str())) {
                out.push(Problem::new(at(&format!("stages[{i}]")), "not a stage"));
            }
        }
        if draft.sections.is_empty() {
            out.push(Problem::new(at("sections"), "no section"));
        }
        texts.push((at("title"), &draft.title));
        texts.push((at("lead"), &draft.lead));
        for (s, section) in draft.sections.iter().enumerate() {
            let at = |field: &str| format!("drafts[{d}].sections[{s}].{field}");
            texts.push((at("heading"), &section.heading));
            for (i, p) in section.points.iter().enumerate() {
                texts.push((at(&format!("points[{i}]")), p));
            }
            let width = section.table.first().map_or(0, Vec::len);
            for (r, row) in section.table.iter().enumerate() {
                if row.len() != width || width == 0 {
                    out.push(Problem::new(
                        at(&format!("table[{r}]")),
                        format!("{} cells, the header has {width}", row.len()),
                    ));
                }
                for (c, cell) in row.iter().enumerate() {
                    texts.push((at(&format!("table[{r}][{c}]")), cell));
                }
            }
            if !section.fill.is_empty() && !FILLS.contains(&section.fill.as_str()) {
                out.push(Problem::new(
                    at("fill"),
                    format!("'{}' is not one of {FILLS:?}", section.fill),
                ));
            }
        }
    }
    for key in LABELS {
        match book.labels.get(key) {
            Some(text) => texts.push((format!("labels.{key}"), text)),
            None => out.push(Problem::new(format!("labels.{key}"), "missing")),
        }
    }
    for (key, _) in book.labels.iter() {
        if !LABELS.contains(&key.as_str()) {
            out.push(Problem::new(
                format!("labels.{key}"),
                "not a label the drafts use",
            ));
        }
    }
    let p = &book.procurement;
    let date = p.checked.as_bytes();
    if !(date.len() == 7
        && date[4] == b'-'
        && (date[..4].iter().chain(&date[5..])).all(u8::is_ascii_digit))
    {
        out.push(Problem::new("procurement.checked", "must be YYYY-MM"));
    }
    texts.push(("procurement.source".into(), &p.source));
    if p.limits.is_empty() {
        out.push(Problem::new("procurement.limits", "names no limit"));
    }
    let ids = p.limits.iter().map(|l| l.id.as_str());
    check_ids(ids, |i| format!("procurement.limits[{i}].id"), &mut out);
    for (i, l) in p.limits.iter().enumerate() {
        if l.yen == 0 {
            out.push(Problem::new(
                format!("procurement.limits[{i}].yen"),
                "must be more than 0",
            ));
        }
        texts.push((format!("procurement.limits[{i}].label"), &l.label));
    }
    let ids = p.routes.iter().map(|r| r.id.as_str());
    check_ids(ids, |i| format!("procurement.routes[{i}].id"), &mut out);
    for (i, r) in p.routes.iter().enumerate() {
        texts.push((format!("procurement.routes[{i}].label"), &r.label));
        texts.push((format!("procurement.routes[{i}].text"), &r.text));
    }
    // A section's paragraph is optional: absent, or there in every language.
    for (d, draft) in book.drafts.iter().enumerate() {
        for (s, section) in draft.sections.iter().enumerate() {
            if !section.body.is_empty() {
                texts.push((format!("drafts[{d}].sections[{s}].body"), &section.body));
            }
        }
    }
    for (path, text) in texts {
        for lang in &content.languages {
            if text.get(lang).is_none_or(|t| t.trim().is_empty()) {
                out.push(Problem::new(format!("{path}.{lang}"), "missing"));
            }
        }
        for (lang, t) in text.iter() {
            if let Some(name) = unknown_placeholder(t) {
                out.push(Problem::new(
                    format!("{path}.{lang}"),
                    format!("{{{name}}} is not filled in by anything"),
                ));
            }
        }
    }
    out
}

/// The first `{name}` in `text` that nothing fills in: drafts fill `{product}`, labels their
/// figures (`{n}`, `{m}`, `{a}`, `{b}`, `{c}`, `{blocker}`, `{cost}`, `{limit}`, `{date}`,
/// `{source}`).
fn unknown_placeholder(text: &str) -> Option<&str> {
    const KNOWN: &[&str] = &[
        "product", "n", "m", "a", "b", "c", "blocker", "cost", "limit", "date", "source",
    ];
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let name = after.split('}').next().unwrap_or(after);
        if !KNOWN.contains(&name) || !after.contains('}') {
            return Some(name);
        }
        rest = &after[name.len()..];
    }
    None
}

/// What the drafts are chosen and filled from: the gathered respondents, summed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Facts {
    pub respondents: usize,
    /// The main blockers: those at least a third of the respondents have among their primary
    /// ones, with how many, most first (ties in content order).
    pub main: Vec<(String, usize)>,
    /// The stage most respondents chose (ties: the earlier in the scale).
    pub stage: Option<String>,
    /// Per checklist item (content order): respondents who know it exists, know it is missing,
    /// do not know.
    pub materials: Vec<[usize; 3]>,
    /// When every respondent has the same role: the owners that role acts as (a finance
    /// employee who opens their own result is offered the drafts addressed to finance first).
    pub readers: Vec<String>,
}

impl Facts {
    /// Whether checklist item `i` is ready: someone knows it exists and nobody says it is
    /// missing. Anything else is to be prepared (an unknown material is checked, not assumed).
    pub fn ready(&self, i: usize) -> bool {
        self.materials.get(i).is_some_and(|m| m[0] > 0 && m[1] == 0)
    }
}

/// Sums the gathered respondents.
pub fn facts(content: &Content, g: &Gathering) -> Facts {
    let n = g.respondents.len();
    let mut primary = vec![0usize; content.dimensions.len()];
    let stages: Vec<&str> = content.stages().into_iter().flatten().collect();
    let mut at_stage = vec![0usize; stages.len()];
    let items = content.checklist.items.len();
    let mut materials = vec![[0usize; 3]; items];
    for r in &g.respondents {
        let d = &r.diagnosis;
        for id in &d.classification.primary {
            if let Some(i) = content.dimension_index(id) {
                primary[i] += 1;
            }
        }
        if let Some(s) = content.stage_of(&d.answers) {
            if let Some(i) = stages.iter().position(|x| *x == s) {
                at_stage[i] += 1;
            }
        }
        for (i, known) in d.known.iter().enumerate().take(items) {
            let slot = match known {
                Some(Material::Has) => 0,
                Some(Material::Lacks) => 1,
                _ => 2,
            };
            materials[i][slot] += 1;
        }
    }
    let mut main: Vec<(String, usize)> = (content.dimensions.iter())
        .zip(primary)
        .filter(|(_, m)| *m > 0 && m * 3 >= n)
        .map(|(d, m)| (d.id.clone(), m))
        .collect();
    super::order::sort_stable_by(&mut main, |a, b| a.1 > b.1);
    let stage = (at_stage.iter().enumerate())
        .filter(|(_, c)| **c > 0)
        .fold(None::<(usize, usize)>, |best, (i, c)| match best {
            Some((_, bc)) if bc >= *c => best,
            _ => Some((i, *c)),
        })
        .map(|(i, _)| stages[i].to_string());
    let first = g
        .respondents
        .first()
        .and_then(|r| r.diagnosis.role.as_deref());
    let one_role =
        first.filter(|r| (g.respondents.iter()).all(|x| x.diagnosis.role.as_deref() == Some(r)));
    let readers = (content.owners.iter())
        .filter(|o| one_role.is_some_and(|r| o.roles.iter().any(|x| x == r)))
        .map(|o| o.id.clone())
        .collect();
    Facts {
        respondents: n,
        main,
        stage,
        materials,
        readers,
    }
}

/// Why a draft is offered first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    /// One of its blockers is a main one in the office.
    Blocker(String),
    /// The office is at one of its stages.
    Stage,
    /// A budget-request material is still to be prepared.
    Materials,
    /// It is addressed to the one role every respondent has.
    Reader,
}

/// Why `draft` fits the office now (empty: nothing in the answers calls for it first).
pub fn reasons(draft: &Draft, facts: &Facts) -> Vec<Reason> {
    let mut out: Vec<Reason> = (facts.main.iter())
        .filter(|(id, _)| draft.blockers.contains(id))
        .map(|(id, _)| Reason::Blocker(id.clone()))
        .collect();
    if facts
        .stage
        .as_ref()
        .is_some_and(|s| draft.stages.contains(s))
    {
        out.push(Reason::Stage);
    }
    if draft.missing_materials && (0..facts.materials.len()).any(|i| !facts.ready(i)) {
        out.push(Reason::Materials);
    }
    if facts.readers.contains(&draft.reader) {
        out.push(Reason::Reader);
    }
    out
}

/// A document, in blocks every writer (the page, Markdown, `.docx`) renders alike.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    pub id: String,
    pub title: String,
    pub blocks: Vec<Block>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// A section heading.
    Heading(String),
    Paragraph(String),
    Points {
        numbered: bool,
        items: Vec<String>,
    },
    /// Rows of cells, the first row the header.
    Table(Vec<Vec<String>>),
}

/// What the user entered beside the diagnosis.
#[derive(Debug, Clone, Copy, Default)]
pub struct Entered<'a> {
    /// The product under consideration, as the user names it (blank: a neutral phrase).
    pub product: &'a str,
    /// The calculator's figures, when its form was complete.
    pub cost: Option<&'a CostEffect>,
    /// The small-amount discretionary contract limit the user chose or typed, in yen.
    pub limit: Option<u64>,
}

/// `draft` filled in for the office, in `lang`.
pub fn document(
    content: &Content,
    guide: &Guide,
    book: &Drafts,
    draft: &Draft,
    facts: &Facts,
    entered: Entered,
    lang: &str,
) -> Document {
    let text = |t| content.text(t, lang);
    let label = |key| book.label(key, lang);
    let product = match entered.product.trim() {
        "" => label("no_product"),
        named => named,
    };
    let owner = |id: &str| {
        (content.owners.iter())
            .find(|o| o.id == id)
            .map_or("", |o| text(&o.label))
    };
    let step = guide
        .step(&draft.procedure)
        .map_or("", |(_, s)| text(&s.label));
    let mut blocks = vec![
        Block::Paragraph(text(&draft.lead).to_string()),
        Block::Paragraph(format!(
            "{}: {} / {}: {} / {}: {}",
            label("writer"),
            owner(&draft.writer),
            label("reader"),
            owner(&draft.reader),
            label("procedure"),
            step
        )),
        Block::Paragraph(fill(
            label("based_on"),
            &[("n", facts.respondents.to_string())],
        )),
    ];
    for section in &draft.sections {
        blocks.push(Block::Heading(text(&section.heading).to_string()));
        if !section.body.is_empty() {
            blocks.push(Block::Paragraph(fill(
                text(&section.body),
                &[("product", product.to_string())],
            )));
        }
        if !section.table.is_empty() {
            blocks.push(Block::Table(
                (section.table.iter())
                    .map(|row| row.iter().map(|c| text(c).to_string()).collect())
                    .collect(),
            ));
        }
        if !section.points.is_empty() {
            blocks.push(Block::Points {
                numbered: section.numbered,
                items: (section.points.iter())
                    .map(|p| fill(text(p), &[("product", product.to_string())]))
                    .collect(),
            });
        }
        match section.fill.as_str() {
            "findings" => findings(content, book, facts, lang, &mut blocks),
            "cost_effect" => cost_effect(book, entered.cost, lang, &mut blocks),
            "materials" => materials(content, book, facts, lang, &mut blocks),
            "procurement" => procurement(content, book, entered, lang, &mut blocks),
            _ => {}
        }
    }
    Document {
        id: draft.id.clone(),
        title: text(&draft.title).to_string(),
        blocks,
    }
}

fn findings(content: &Content, guide: &Drafts, facts: &Facts, lang: &str, out: &mut Vec<Block>) {
    if facts.main.is_empty() {
        out.push(Block::Paragraph(
            guide.label("no_main_blocker", lang).into(),
        ));
        return;
    }
    let items = (facts.main.iter())
        .map(|(id, m)| {
            let name = (content.dimensions.iter())
                .find(|d| &d.id == id)
                .map_or("", |d| content.text(&d.label, lang));
            fill(
                guide.label("main_blocker", lang),
                &[
                    ("blocker", name.to_string()),
                    ("n", facts.respondents.to_string()),
                    ("m", m.to_string()),
                ],
            )
        })
        .collect();
    out.push(Block::Points {
        numbered: false,
        items,
    });
}

/// The calculator's figures as blocks: the operations, the totals, the formula (the page shows the
/// same blocks under the calculator).
pub fn cost_effect(guide: &Drafts, cost: Option<&CostEffect>, lang: &str, out: &mut Vec<Block>) {
    let label = |key| guide.label(key, lang).to_string();
    let Some(c) = cost else {
        out.push(Block::Paragraph(label("no_cost_effect")));
        return;
    };
    let ja = lang == "ja";
    let field = |name| field_label(name, ja).to_string();
    let yen = |n: i128| fill(guide.label("yen", lang), &[("n", grouped(n))]);
    let mut rows = vec![vec![
        field("name"),
        field("staff"),
        field("minutes"),
        field("per_year"),
        label("hours"),
    ]];
    for o in &c.operations {
        rows.push(vec![
            o.name.clone(),
            grouped(o.staff.into()),
            hundredths(o.centiminutes_each),
            grouped(o.per_year.into()),
            tenths((u128::from(o.centiminutes) + 300) / 600),
        ]);
    }
    out.push(Block::Table(rows));
    let payback = match c.payback_months {
        Some(0) => label("from_start"),
        // A month beyond the years counted is a loss over them, said as the table's net is
        // (found by a helper: 「87か月」 beside a negative net over 60 months).
        Some(m) if m <= u64::from(c.years) * 12 => {
            fill(guide.label("months", lang), &[("n", grouped(m.into()))])
        }
        _ => label("never"),
    };
    out.push(Block::Table(vec![
        vec![label("item"), label("value")],
        vec![label("hours"), tenths(c.tenth_hours_per_year.into())],
        vec![field("hourly_cost"), yen(c.hourly_cost.into())],
        vec![label("effect_year"), yen(c.effect_per_year.into())],
        vec![field("years"), c.years.to_string()],
        vec![label("effect_total"), yen(c.effect_total.into())],
        vec![
            field("licence_per_user_month"),
            yen(c.licence_per_user_month.into()),
        ],
        vec![field("users"), grouped(c.users.into())],
        vec![label("licence_year"), yen(c.licence_per_year.into())],
        vec![field("training"), yen(c.training.into())],
        vec![field("partner"), yen(c.partner.into())],
        vec![label("cost_total"), yen(c.cost_total.into())],
        vec![label("net"), yen(c.net)],
        vec![label("payback"), payback],
    ]));
    out.push(Block::Paragraph(label("formula")));
}

fn materials(content: &Content, guide: &Drafts, facts: &Facts, lang: &str, out: &mut Vec<Block>) {
    let label = |key| guide.label(key, lang).to_string();
    let mut rows = vec![vec![label("material"), label("status"), label("answers")]];
    for (i, item) in content.checklist.items.iter().enumerate() {
        let [a, b, c] = facts.materials.get(i).copied().unwrap_or_default();
        rows.push(vec![
            content.text(&item.label, lang).to_string(),
            label(if facts.ready(i) {
                "ready"
            } else {
                "to_prepare"
            }),
            fill(
                guide.label("material_answers", lang),
                &[
                    ("a", a.to_string()),
                    ("b", b.to_string()),
                    ("c", c.to_string()),
                ],
            ),
        ]);
    }
    out.push(Block::Table(rows));
}

fn procurement(
    content: &Content,
    guide: &Drafts,
    entered: Entered,
    lang: &str,
    out: &mut Vec<Block>,
) {
    let label = |key| guide.label(key, lang);
    let yen = |n: u64| fill(label("yen"), &[("n", grouped(n.into()))]);
    match entered.cost {
        Some(c) => {
            let first = c.licence_per_year.saturating_add(c.one_off);
            let mut text = fill(label("first_year"), &[("cost", yen(first))]);
            if let Some(limit) = entered.limit {
                let key = if first <= limit {
                    "within_limit"
                } else {
                    "over_limit"
                };
                text.push_str(if lang == "ja" { "" } else { " " });
                text.push_str(&fill(label(key), &[("limit", yen(limit))]));
            }
            out.push(Block::Paragraph(text));
        }
        None => out.push(Block::Paragraph(label("no_first_year").into())),
    }
    let p = &guide.procurement;
    let mut rows = vec![vec![
        label("route").to_string(),
        label("route_note").to_string(),
    ]];
    for r in &p.routes {
        rows.push(vec![
            content.text(&r.label, lang).to_string(),
            content.text(&r.text, lang).to_string(),
        ]);
    }
    out.push(Block::Table(rows));
    let limits: Vec<String> = (p.limits.iter())
        .map(|l| format!("{} {}", content.text(&l.label, lang), yen(l.yen.into())))
        .collect();
    out.push(Block::Points {
        numbered: false,
        items: limits,
    });
    out.push(Block::Paragraph(fill(
        label("checked"),
        &[
            ("date", month(&p.checked, lang)),
            ("source", content.text(&p.source, lang).to_string()),
        ],
    )));
}

/// `YYYY-MM` as a month in `lang`: `2026年11月`, or `November 2026`.
pub fn month(checked: &str, lang: &str) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let Some((year, m)) = checked.split_once('-') else {
        return checked.to_string();
    };
    match (lang, m.parse::<usize>()) {
        ("ja", Ok(m)) => format!("{year}年{m}月"),
        (_, Ok(m @ 1..=12)) => format!("{} {year}", MONTHS[m - 1]),
        _ => checked.to_string(),
    }
}

/// `text` with each `{name}` replaced by its value (one pass: a value is never read again, so
/// a product named `{n}` stays as typed).
fn fill(text: &str, values: &[(&str, String)]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let found = after.find('}').and_then(|close| {
            let name = &after[..close];
            values
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| (v, close))
        });
        match found {
            Some((value, close)) => {
                out.push_str(value);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// `n` with thousands separators (`-1,234`).
pub fn grouped(n: i128) -> String {
    // Through u64 (every figure shown fits): formatting a u128 would cost the page a kilobyte.
    let digits = u64::try_from(n.unsigned_abs())
        .unwrap_or(u64::MAX)
        .to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if n < 0 {
        out.push('-');
    }
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// Tenths as a decimal (`660000` → `66,000.0`).
pub fn tenths(n: u128) -> String {
    // The last digit as a small number: formatting it as a u128 cost the page a kilobyte.
    format!("{}.{}", grouped((n / 10) as i128), (n % 10) as u8)
}

/// Hundredths as a decimal, without trailing zeros (`1550` → `15.5`).
fn hundredths(n: u64) -> String {
    let whole = grouped((n / 100).into());
    match n % 100 {
        0 => whole,
        f if f % 10 == 0 => format!("{whole}.{}", f / 10),
        f => format!("{whole}.{f:02}"),
    }
}

/// The document as Markdown: the title a level-1 heading, sections level 2, tables as pipe
/// tables (a `|` in a cell escaped).
pub fn markdown(doc: &Document) -> String {
    let mut out = format!("# {}\n", doc.title);
    for block in &doc.blocks {
        out.push('\n');
        match block {
            Block::Heading(h) => out.push_str(&format!("## {h}\n")),
            Block::Paragraph(p) => {
                out.push_str(p);
                out.push('\n');
            }
            Block::Points { numbered, items } => {
                for (i, item) in items.iter().enumerate() {
                    match numbered {
                        true => out.push_str(&format!("{}. {item}\n", i + 1)),
                        false => out.push_str(&format!("- {item}\n")),
                    }
                }
            }
            Block::Table(rows) => {
                for (r, row) in rows.iter().enumerate() {
                    out.push('|');
                    for cell in row {
                        out.push_str(&format!(
                            " {} |",
                            cell.replace('|', "\\|").replace('\n', " ")
                        ));
                    }
                    out.push('\n');
                    if r == 0 {
                        out.push('|');
                        out.push_str(&" --- |".repeat(row.len()));
                        out.push('\n');
                    }
                }
            }
        }
    }
    out
}

/// The document's blocks as HTML for the page (the preview, the printout, the calculator's
/// figures): headings as `<h6>`, text escaped.
pub fn html<'a>(blocks: impl IntoIterator<Item = &'a Block>) -> String {
    let mut out = String::new();
    for block in blocks {
        match block {
            Block::Heading(h) => out.push_str(&format!("<h6>{}</h6>", escape(h))),
            Block::Paragraph(p) => out.push_str(&format!("<p>{}</p>", escape(p))),
            Block::Points { numbered, items } => {
                let tag = if *numbered { "ol" } else { "ul" };
                out.push_str(&format!("<{tag}>"));
                for item in items {
                    out.push_str(&format!("<li>{}</li>", escape(item)));
                }
                out.push_str(&format!("</{tag}>"));
            }
            Block::Table(rows) => {
                out.push_str("<table>");
                for (r, row) in rows.iter().enumerate() {
                    out.push_str("<tr>");
                    for (c, cell) in row.iter().enumerate() {
                        let (tag, scope) = match (r, c) {
                            (0, _) => ("th", "col"),
                            (_, 0) => ("th", "row"),
                            _ => ("td", ""),
                        };
                        match scope {
                            "" => out.push_str(&format!("<td>{}</td>", escape(cell))),
                            _ => out.push_str(&format!(
                                "<{tag} scope=\"{scope}\">{}</{tag}>",
                                escape(cell)
                            )),
                        }
                    }
                    out.push_str("</tr>");
                }
                out.push_str("</table>");
            }
        }
    }
    out
}

pub use super::docx::escape;
