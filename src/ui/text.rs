//! The widget's own words (buttons, headings, notices) in Japanese and English.
//!
//! The questionnaire's texts live in the content; these are the few phrases of the widget itself.
//! Unknown languages fall back to Japanese, the primary language.

/// Phrases of the widget chrome for one language.
pub struct Ui {
    pub start_lead: &'static str,
    pub choose_role: &'static str,
    pub privacy_promise: &'static str,
    pub language: &'static str,
    pub section_of: fn(usize, usize) -> String,
    pub minutes_left: fn(usize) -> String,
    pub back: &'static str,
    pub next: &'static str,
    pub finish: &'static str,
    pub unanswered_title: &'static str,
    pub answer_this: &'static str,
    pub result_title: &'static str,
    pub verdict_blocked: &'static str,
    pub verdict_healthy: &'static str,
    pub verdict_insufficient: &'static str,
    pub primary_title: &'static str,
    pub because: &'static str,
    pub share: fn(u32) -> String,
    pub all_blockers: &'static str,
    pub blocker: &'static str,
    pub score: &'static str,
    pub severity: &'static str,
    pub answered: &'static str,
    pub not_enough: &'static str,
    pub plan_title: &'static str,
    pub plan_empty: &'static str,
    pub answers_to: &'static str,
    pub restart: &'static str,
    pub edit_answers: &'static str,
    pub content_error_title: &'static str,
    pub content_error_lead: &'static str,
    pub you_have: &'static str,
}

const JA: Ui = Ui {
    start_lead: "あなたの立場に近いものを選ぶと、診断が始まります。",
    choose_role: "あなたの立場",
    privacy_promise: "回答はこのパソコンのブラウザの中だけで処理され、外部に送信されることはありません。",
    language: "言語",
    section_of: |n, total| format!("{n} / {total} 分野"),
    minutes_left: |m| if m == 0 { "まもなく完了".to_string() } else { format!("残り約{m}分") },
    back: "戻る",
    next: "次へ",
    finish: "結果を見る",
    unanswered_title: "未回答の設問があります。回答するか「わからない」を選んでください。",
    answer_this: "この設問に回答してください。",
    result_title: "診断結果",
    verdict_blocked: "導入を妨げている主な要因が見つかりました。",
    verdict_healthy: "大きな妨げは見つかりませんでした。今の進め方を記録し、広げていきましょう。",
    verdict_insufficient: "「わからない」が多く、要因を判断できませんでした。分かる範囲で答え直すと結果が出ます。",
    primary_title: "主な要因",
    because: "そう判断した回答",
    share: |p| format!("寄与 {p}%"),
    all_blockers: "すべての要因",
    blocker: "要因",
    score: "スコア",
    severity: "深刻度",
    answered: "回答数",
    not_enough: "回答不足",
    plan_title: "次の一手",
    plan_empty: "今すぐ必要な手立てはありません。",
    answers_to: "対応する要因",
    restart: "最初からやり直す",
    edit_answers: "回答を見直す",
    content_error_title: "この診断の設問データに問題があります",
    content_error_lead: "設問データ(JSON)を修正してください。ページのほかの部分には影響ありません。",
    you_have: "手元にあるものにチェックしてください。",
};

const EN: Ui = Ui {
    start_lead: "Choose the role closest to yours to begin.",
    choose_role: "Your role",
    privacy_promise: "Your answers are processed only inside this browser on this computer and are never sent anywhere.",
    language: "Language",
    section_of: |n, total| format!("Part {n} of {total}"),
    minutes_left: |m| if m == 0 { "Almost done".to_string() } else { format!("About {m} min left") },
    back: "Back",
    next: "Next",
    finish: "See the result",
    unanswered_title: "Some statements are unanswered. Answer them or choose \"Don't know\".",
    answer_this: "Please answer this statement.",
    result_title: "Your result",
    verdict_blocked: "These are the main things holding adoption back.",
    verdict_healthy: "Nothing major is holding adoption back. Record what works and spread it.",
    verdict_insufficient: "Too many \"Don't know\" answers to tell. Answer what you can to get a result.",
    primary_title: "Main blockers",
    because: "Because you answered",
    share: |p| format!("{p}% of the score"),
    all_blockers: "All blockers",
    blocker: "Blocker",
    score: "Score",
    severity: "Severity",
    answered: "Answered",
    not_enough: "Not enough answers",
    plan_title: "Next steps",
    plan_empty: "No step is needed right now.",
    answers_to: "Answers to",
    restart: "Start over",
    edit_answers: "Review answers",
    content_error_title: "This questionnaire's data has problems",
    content_error_lead: "Please fix the questionnaire (JSON). The rest of the page is not affected.",
    you_have: "Tick the ones you already have.",
};

/// The widget's phrases in `lang`.
pub fn ui(lang: &str) -> &'static Ui {
    if lang == "en" {
        &EN
    } else {
        &JA
    }
}
