//! The widget's own words (buttons, headings, notices) in Japanese and English.
//!
//! The questionnaire's texts live in the content; these are the phrases of the widget itself.
//! Unknown languages fall back to Japanese, the primary language.

/// Phrases of the widget chrome for one language.
pub struct Ui {
    pub lang: &'static str,
    pub language: &'static str,
    // Start screen
    /// The fewest and most statements, the minutes, and whether answers are saved on the device.
    pub takes: fn((usize, usize), usize, bool) -> String,
    pub privacy_promise: &'static str,
    pub privacy_why: &'static str,
    /// The promise when the host declares that it forwards results (`results="host"`), naming
    /// who receives them ("" when the host does not say).
    pub forwarded: fn(&str) -> String,
    /// The call to action's words when the host gives none.
    pub contact: &'static str,
    pub choose_role: &'static str,
    pub role_lead: &'static str,
    pub begin: &'static str,
    pub resume_found: fn(usize) -> String,
    pub resume_result_found: &'static str,
    pub resume: &'static str,
    pub resume_result: &'static str,
    pub start_over: &'static str,
    pub open_file: &'static str,
    pub open_file_hint: &'static str,
    // Questions
    pub section_of: fn(usize, usize) -> String,
    /// The same, when a long section is shown in parts: the count is of screens, not sections.
    pub screen_of: fn(usize, usize) -> String,
    pub minutes_left: fn(usize) -> String,
    pub back: &'static str,
    pub next: &'static str,
    pub finish: &'static str,
    pub unanswered: fn(&[usize]) -> String,
    pub answer_this: &'static str,
    // Review and unfinished answers
    pub review_title: &'static str,
    pub review_hint: &'static str,
    /// Answered, asked and "don't know" on one screen.
    pub review_count: fn(usize, usize, usize) -> String,
    pub save_unfinished: &'static str,
    /// Said with the file's name.
    pub saved_unfinished: fn(&str) -> String,
    pub continued: &'static str,
    // Result
    pub result_title: &'static str,
    pub verdict_blocked: &'static str,
    pub verdict_healthy: &'static str,
    pub verdict_insufficient: &'static str,
    pub primary_title: &'static str,
    pub because: &'static str,
    /// Quotation marks around a quoted statement.
    pub quote: (&'static str, &'static str),
    pub chart_title: &'static str,
    pub all_blockers: &'static str,
    pub blocker: &'static str,
    pub score: &'static str,
    pub severity: &'static str,
    pub answered: &'static str,
    pub not_enough: &'static str,
    /// Maturity levels: the column, the target chosen for three years on, the office's level.
    pub maturity: &'static str,
    pub target: &'static str,
    pub office_level: &'static str,
    /// A score resting on few answers.
    pub few: &'static str,
    /// More blockers as strong as the main ones, left out of them (how many).
    pub also: fn(u32) -> String,
    /// Every statement got the same answer.
    pub uniform: &'static str,
    pub first_title: &'static str,
    pub first_lead: &'static str,
    /// "All steps" (followed by their count).
    pub all_steps: &'static str,
    /// The steps after those to take first.
    pub other_steps: &'static str,
    /// When to raise a step owned by another position (its timeframe is theirs to keep).
    pub raise_by: fn(&str) -> String,
    pub yours: &'static str,
    pub others: &'static str,
    /// The respondent's own position, named on screen ("you (finance staff)").
    pub you_as: fn(&str) -> String,
    pub ask: &'static str,
    pub missing_title: &'static str,
    pub you_have: &'static str,
    /// The checklist's states: there, missing, unknown.
    pub states: [&'static str; 3],
    pub how_title: &'static str,
    pub how_version: fn(&str, &str, &str) -> String,
    /// The rule, given the fewest answers a blocker needs, the share of statements a verdict
    /// needs, and the answers below which a score is marked.
    pub how_rule: fn(u32, u32, u32) -> String,
    pub how_none: &'static str,
    pub points: fn(u32, u32) -> String,
    pub take_title: &'static str,
    pub print: &'static str,
    pub download_json: &'static str,
    pub download_md: &'static str,
    pub copy_md: &'static str,
    pub copied: &'static str,
    pub copy_code: &'static str,
    pub code_copied: &'static str,
    /// How to hand the result to whoever gathers results (the office page).
    pub hand_over: &'static str,
    /// Before the result code at the end of the summary (a line of its own).
    pub code_line: &'static str,
    pub copy_failed: &'static str,
    pub restart: &'static str,
    pub edit_answers: &'static str,
    pub report_date: &'static str,
    pub report_role: &'static str,
    pub report_version: &'static str,
    pub report_owner: &'static str,
    pub report_section: &'static str,
    pub report_author: &'static str,
    // Files
    pub import_ok: &'static str,
    pub import_not_json: &'static str,
    pub import_not_result: &'static str,
    pub import_other_content: fn(&str, &str) -> String,
    pub import_earlier: fn(&str) -> String,
    pub import_altered: &'static str,
    pub import_too_large: &'static str,
    pub import_newer: &'static str,
    // Asking before a destructive action
    pub keep: &'static str,
    pub confirm_restart: &'static str,
    pub restart_confirmed: &'static str,
    pub confirm_erase: &'static str,
    pub erase_confirmed: &'static str,
    pub confirm_drop_saved: fn(usize) -> String,
    pub drop_saved_confirmed: &'static str,
    pub confirm_replace: &'static str,
    pub replace_confirmed: &'static str,
    // Storage and privacy
    pub saved_other_version: fn(&str) -> String,
    pub saved_newer: fn(&str) -> String,
    /// Saved by a newer build of the widget, for this same version of the questionnaire.
    pub saved_newer_layout: &'static str,
    /// Saved for a questionnaire of this id and version but other contents (edited).
    pub saved_other_content: &'static str,
    pub privacy_kept: &'static str,
    pub privacy_elsewhere: &'static str,
    pub erased_elsewhere: &'static str,
    pub confirm_take_over: &'static str,
    pub take_over_confirmed: &'static str,
    pub saved_corrupt: &'static str,
    /// Shown when a widget that starts at the questions continues a saved session by itself.
    pub resumed: &'static str,
    pub storage_unavailable: &'static str,
    pub storage_failed: &'static str,
    pub privacy_title: &'static str,
    pub privacy_stored_at: fn(&str) -> String,
    pub privacy_not_stored: &'static str,
    pub privacy_off: &'static str,
    pub privacy_version: fn(&str, &str) -> String,
    pub privacy_requests: fn(u32) -> String,
    pub erase: &'static str,
    pub erased: &'static str,
    pub erase_failed: &'static str,
    pub dismiss: &'static str,
    // Content errors
    pub content_error_title: &'static str,
    pub content_error_lead: &'static str,
}

const JA: Ui = Ui {
    lang: "ja",
    language: "表示言語",
    takes: |(few, most), minutes, saves| {
        let keep = if saves { "途中でやめても、この端末に回答が残り、続きから再開できます。ログオフで記録が消える端末では、途中の回答をファイルに保存できます。" } else { "回答は保存されません。途中の回答はファイルに保存できます。" };
        format!("設問は{}{most}問、所要時間はおよそ{minutes}分です。{keep}", if few < most { "最大" } else { "" })
    },
    privacy_promise: "回答はこの端末の外へ送信されません。",
    privacy_why: "この診断の動作に必要なものはすべてこのページに含まれており、外部と通信する機能はありません(1ファイル版には、通信そのものを禁止する設定も組み込まれています)。回答はこのブラウザの保存領域にだけ保存され、いつでも消去できます。",
    forwarded: |who| format!("このページでは、診断を終えると、その結果(立場・回答・各要因の点数と提案)がこのページの仕組みによって{}に渡されます。途中の回答は渡されません。", if who.is_empty() { "このページの運営者" } else { who }),
    contact: "問い合わせる",
    choose_role: "あなたの立場を選んでください",
    role_lead: "立場によって、お聞きする内容と言い回しが変わります。",
    begin: "診断を始める",
    resume_found: |n| format!("前回の回答が保存されています({n}問回答済み)。"),
    resume_result_found: "前回の診断結果が保存されています。",
    resume: "続きから再開する",
    resume_result: "前回の結果を見る",
    start_over: "最初から始める",
    open_file: "保存したファイルを開く",
    open_file_hint: "以前保存した結果ファイル、または途中の回答のファイル(JSON)を開きます。結果はもう一度表示し、途中の回答は続きから回答できます。",
    section_of: |n, total| format!("{total}分野中 {n}分野目"),
    screen_of: |n, total| format!("{total}画面中 {n}画面目"),
    minutes_left: |m| if m == 0 { "まもなく完了".to_string() } else { format!("残り約{m}分") },
    back: "戻る",
    next: "次へ",
    finish: "結果を見る",
    // [0]: the stage question, alone on its screen, has no number and no "don't know".
    unanswered: |nums| match nums {
        [0] => "答えを一つ選んでください。".to_string(),
        _ => format!("未回答の設問があります(設問 {})。回答するか「わからない」を選んでください。", join_numbers(nums, "、")),
    },
    answer_this: "この設問に回答してください。",
    review_title: "回答の見直し",
    review_hint: "分野ごとの回答状況です。分野名を選ぶと、その画面に戻って回答を直せます。",
    review_count: |done, asked, dk| {
        let mut t = format!("{asked}問中{done}問回答");
        if dk > 0 {
            t += &format!("(うち、わからない{dk}問)");
        }
        if done < asked {
            t += &format!("・未回答{}問", asked - done);
        }
        t
    },
    save_unfinished: "途中の回答をファイルに保存",
    saved_unfinished: |name| format!("途中の回答を「{name}」として保存しました。開始画面の「保存したファイルを開く」で続きを回答できます。保存先がログオフで消える場合は、共有フォルダなどに移してください。"),
    continued: "途中の回答を読み込みました。続きから回答できます。",
    result_title: "診断結果",
    verdict_blocked: "導入や活用が進まない主な要因が見つかりました。",
    verdict_healthy: "大きな妨げは見つかりませんでした。今の進め方を記録し、広げていきましょう。",
    verdict_insufficient: "回答が少ないため、まだ判断できません。「回答を見直す」から、分かる範囲で答えを足すと結果が出ます(「わからない」は回答に数えません)。",
    primary_title: "主な要因",
    because: "そう判断した回答",
    quote: ("「", "」"),
    chart_title: "要因の全体像",
    all_blockers: "すべての要因",
    blocker: "要因",
    score: "スコア(0〜100)",
    severity: "深刻度",
    answered: "回答数",
    not_enough: "回答不足",
    maturity: "取り組みの成熟度と3年後の目標",
    target: "3年後の目標",
    office_level: "職場全体の成熟度",
    few: " ※回答が少ないため参考値",
    uniform: "すべての設問に同じ選択肢を選んでいます。設問によって当てはまり方が違う場合は、「回答を見直す」から選び直すと、結果がはっきりします。",
    also: |n| format!("このほかに、同じ程度の要因が{n}件あります(「すべての要因」をご覧ください)。"),
    first_title: "まず取り組むこと",
    first_lead: "主な要因ごとに、最初の一歩を一つずつ選びました。",
    all_steps: "すべての手立て",
    other_steps: "ほかの手立て",
    raise_by: |when| format!("{when}伝える"),
    yours: "あなたが取り組むこと",
    others: "ほかの立場に提案・依頼すること",
    you_as: |role| format!("あなた({role})"),
    ask: "伝え方の例",
    missing_title: "足りない資料",
    you_have: "それぞれ、ある・ない・わからないを選んでください。回答から分かるものは選んであります。「ない」を選んだ資料は、上の「足りない資料」に載ります。",
    states: ["ある", "ない", "わからない"],
    how_title: "この結果の求め方",
    how_version: |id, v, fp| format!("設問データ: {id} 版 {v}(識別値 {fp})"),
    how_rule: |min, share, few| format!("各設問の選択肢には、要因ごとの重みがあります。要因のスコアは、回答した設問で得た重みの合計を、得られる最大の合計で割った値(0〜100)です。「わからない」と未回答は計算に含めません。回答が{min}問に満たない要因は「回答不足」、{few}問に満たない要因は参考値とします。お聞きした設問の{share}%以上に回答がない場合は、判断を控えます。"),
    how_none: "この要因に関わる回答はありません。",
    points: |p, max| format!("{p} / {max}点"),
    take_title: "結果を持ち帰る",
    print: "印刷・PDFで保存",
    download_json: "結果ファイル(JSON)を保存",
    download_md: "要約(Markdown)を保存",
    copy_md: "要約をコピー",
    copied: "要約をクリップボードにコピーしました(末尾に結果コードが付いています)。",
    copy_code: "結果コードをコピー",
    code_copied: "結果コードをコピーしました。メールやチャットに貼り付けて、集計の担当者に送ってください。",
    hand_over: "庁内で結果を集めている担当者には、結果ファイル(JSON)を送るか、結果コードをメールやチャットに貼り付けて送ってください。結果コードは、立場・回答・段階・日付を表す1行の文字列です。結果ファイルを庁内集計ページ(kintone-diagnosis-office.html)で開くと、予算要求の説明資料などの下書きと費用対効果の計算もできます。",
    code_line: "\n結果コード(集計ページに貼り付けて読み込めます): ",
    copy_failed: "コピーできませんでした。「要約を保存」をお使いください。",
    restart: "最初からやり直す",
    edit_answers: "回答を見直す",
    report_date: "診断日",
    report_role: "立場",
    report_version: "設問データ",
    report_owner: "担当",
    report_section: "所属",
    report_author: "作成者",
    import_ok: "結果ファイルを読み込みました。",
    import_not_json: "このファイルは読み込めませんでした。この診断で保存したJSONファイルを選んでください。",
    import_not_result: "このファイルは、この診断の結果ファイルでも途中の回答のファイルでもありません。",
    import_other_content: |id, v| format!("このファイルは別の設問データ({id} 版 {v})で作られたため、表示できません。"),
    import_earlier: |v| format!("このファイルは以前の版の設問(版 {v})で作られました。設問が変わったため、この版では開けません。"),
    import_altered: "このファイルは編集されたか壊れているため、表示できません。",
    import_too_large: "この診断のファイルとしては大きすぎるため、読み込みませんでした(1 MB まで)。",
    import_newer: "新しい版で作られたファイルのため、開けません。新しい版で開いてください。",
    keep: "やめる",
    confirm_restart: "これまでの回答をすべて消して、最初からやり直しますか。",
    restart_confirmed: "消してやり直す",
    confirm_erase: "保存した回答を消去しますか。元に戻せません。",
    erase_confirmed: "消去する",
    confirm_drop_saved: |n| format!("保存されている前回の回答({n}問)は消えます。新しく始めますか。"),
    drop_saved_confirmed: "前回の回答を消して始める",
    confirm_replace: "いまの回答を、開いたファイルの内容で置き換えますか。",
    replace_confirmed: "置き換える",
    saved_other_version: |v| format!("前回の回答は以前の版の設問(版 {v})で保存されていたため、再開できません。お手数ですが最初から回答してください。"),
    saved_newer: |v| format!("新しい版(版 {v})で保存された回答があります。消さないよう、ここでの回答は保存しません。続きは新しい版で開いてください。"),
    saved_newer_layout: "この診断の新しい版で保存された回答があります。消さないよう、ここでの回答は保存しません。続きは新しい版で開いてください。",
    saved_other_content: "前回の回答は内容の異なる設問で保存されていたため、再開できません。お手数ですが最初から回答してください。",
    privacy_kept: "新しい版で保存された回答を上書きしないよう、ここでの回答は保存していません。消去すると保存を再開します。",
    privacy_elsewhere: "別のタブで回答が保存されたため、上書きしないよう、このタブの回答は保存していません。",
    erased_elsewhere: "別のタブで回答が消去されたため、このタブの回答も消去しました。",
    confirm_take_over: "別のタブの回答を、このタブの回答で上書きしますか。",
    take_over_confirmed: "このタブの回答で上書きする",
    saved_corrupt: "保存されていた前回の回答が壊れていたため、読み込めませんでした。最初から回答してください。",
    resumed: "この端末に保存されていた前回の回答から再開しました。",
    storage_unavailable: "このブラウザでは回答を保存できない設定になっています。回答はこのページを閉じるまで有効です。",
    storage_failed: "回答をこの端末に保存できませんでした(保存領域がいっぱいか、無効になっています)。回答はこのページを閉じるまで有効です。",
    privacy_title: "プライバシーと保存について",
    privacy_stored_at: |k| format!("回答はこのブラウザの保存領域(localStorage)のキー「{k}」にだけ保存されます。"),
    privacy_not_stored: "このブラウザでは保存できないため、回答はこのページの中にだけあり、閉じると消えます。",
    privacy_off: "このページの設定により、回答は保存されません。閉じると消えます。",
    privacy_version: |v, fp| if fp.is_empty() { format!("設問データの版: {v}") } else { format!("設問データの版: {v}(識別値 {fp})") },
    privacy_requests: |n| if n == 0 { "このページを開いてから、外部への通信は一度も行われていません(ブラウザの記録による)。".to_string() } else { format!("このページ(または埋め込み先のページ)が開いてから読み込んだファイルは次の{n}件です(ブラウザの記録による)。診断自体は通信を行いません。") },
    erase: "この端末から回答を消去",
    erased: "この端末に保存された回答を消去しました。",
    erase_failed: "回答を消去できませんでした。ブラウザの設定から、このサイトのデータを削除してください。",
    dismiss: "閉じる",
    content_error_title: "この診断の設問データに問題があります",
    content_error_lead: "設問データ(JSON)を修正してください。ページのほかの部分には影響ありません。",
};

const EN: Ui = Ui {
    lang: "en",
    language: "Language",
    takes: |(few, most), minutes, saves| {
        let keep = if saves { "If you stop halfway, your answers stay on this device and you can continue later; where logoff wipes them, save them to a file as you go." } else { "Answers are not saved here, but you can save them to a file as you go." };
        format!("{}{most} statement{}, about {minutes} minute{}. {keep}", if few < most { "Up to " } else { "" }, if most == 1 { "" } else { "s" }, if minutes == 1 { "" } else { "s" })
    },
    privacy_promise: "Your answers never leave this device.",
    privacy_why: "Everything this diagnosis needs is built into it, and it contains no code that communicates (the single-file version also carries a policy that forbids connections outright). Answers are kept only in this browser's storage, and you can erase them at any time.",
    forwarded: |who| format!("On this page, the result of a finished diagnosis (your role, answers, scores and proposals) is passed by the page itself to {}. Unfinished answers are not.", if who.is_empty() { "whoever runs this page" } else { who }),
    contact: "Get in touch",
    choose_role: "Choose your role",
    role_lead: "Your role changes which statements you see and how they are worded.",
    begin: "Start the diagnosis",
    resume_found: |n| format!("Your earlier answers are saved ({n} answered)."),
    resume_result_found: "Your earlier result is saved.",
    resume: "Continue where you left off",
    resume_result: "See the earlier result",
    start_over: "Start over",
    open_file: "Open a saved file",
    open_file_hint: "Open a result file, to see the result again, or a file of unfinished answers, to continue them (JSON files saved earlier).",
    section_of: |n, total| format!("Part {n} of {total}"),
    screen_of: |n, total| format!("Screen {n} of {total}"),
    minutes_left: |m| if m == 0 { "Almost done".to_string() } else { format!("About {m} min left") },
    back: "Back",
    next: "Next",
    finish: "See the result",
    unanswered: |nums| match nums {
        [0] => "Choose one answer.".to_string(),
        _ => format!("Some statements are unanswered ({}). Answer them or choose \"Don't know\".", join_numbers(nums, ", ")),
    },
    answer_this: "Please answer this statement.",
    review_title: "Review your answers",
    review_hint: "How far each part is answered. Choose a part to go back and change its answers.",
    review_count: |done, asked, dk| {
        let mut t = format!("{done} of {asked} answered");
        if dk > 0 {
            t += &format!(" ({dk} \"don't know\")");
        }
        if done < asked {
            t += &format!(", {} unanswered", asked - done);
        }
        t
    },
    save_unfinished: "Save unfinished answers to a file",
    saved_unfinished: |name| format!("Saved as \"{name}\". To continue, open it with \"Open a saved file\" on the start screen; if logoff wipes your downloads, move it to a shared folder."),
    continued: "Your unfinished answers were opened: continue where you left off.",
    result_title: "Your result",
    verdict_blocked: "These are the main things holding adoption back.",
    verdict_healthy: "Nothing major is holding adoption back. Record what works and spread it.",
    verdict_insufficient: "Too few answers to tell yet. Use \"Review answers\" to answer what you can (\"Don't know\" does not count as an answer).",
    primary_title: "Main blockers",
    because: "Because you answered",
    quote: ("\u{201c}", "\u{201d}"),
    chart_title: "All blockers at a glance",
    all_blockers: "All blockers",
    blocker: "Blocker",
    score: "Score (0-100)",
    severity: "Severity",
    answered: "Answered",
    not_enough: "Not enough answers",
    maturity: "Maturity and target in 3 years",
    target: "Target in 3 years",
    office_level: "The office overall",
    few: " * few answers: tentative",
    uniform: "The same answer was chosen for every statement. If some fit better than others, changing them under “Review answers” makes the result clearer.",
    also: |n| format!("{n} more {} about as strong (see “All blockers”).", if n == 1 { "blocker is" } else { "blockers are" }),
    first_title: "Start with these",
    first_lead: "One first step for each main blocker.",
    all_steps: "All steps",
    other_steps: "Other steps",
    // "This week" -> "Raise it this week". ASCII only: `to_lowercase` would bring the Unicode
    // case tables into the wasm (about 8 KB gzip).
    raise_by: |when| {
        let mut out = String::from("Raise it ");
        let mut chars = when.chars();
        if let Some(first) = chars.next() {
            out.push(first.to_ascii_lowercase());
            out.push_str(chars.as_str());
        }
        out
    },
    yours: "What you can do",
    others: "What to propose to others",
    you_as: |role| format!("You ({role})"),
    ask: "How to ask",
    missing_title: "Missing materials",
    you_have: "For each, choose have it, missing or don't know. Those your answers already settle are chosen for you. Missing ones are listed under “Missing materials” above.",
    states: ["Have it", "Missing", "Don't know"],
    how_title: "How this result was reached",
    how_version: |id, v, fp| format!("Questionnaire: {id} version {v} (fingerprint {fp})"),
    how_rule: |min, share, few| format!("Every answer choice carries a weight towards each blocker. A blocker's score is the weight earned on the statements you answered divided by the most that could have been earned (0-100). \"Don't know\" and unanswered statements are left out. A blocker with fewer than {min} answers shows \"not enough answers\"; with fewer than {few}, its score is marked tentative. With fewer than {share}% of the statements answered, no verdict is given."),
    how_none: "No answer speaks to this blocker.",
    points: |p, max| format!("{p} of {max} points"),
    take_title: "Take it with you",
    print: "Print / save as PDF",
    download_json: "Save the result file (JSON)",
    download_md: "Save a summary (Markdown)",
    copy_md: "Copy the summary",
    copied: "The summary is on the clipboard (the result code is at its end).",
    copy_code: "Copy the result code",
    code_copied: "The result code is on the clipboard. Paste it into a mail or chat to the person gathering results.",
    hand_over: "To hand your result to whoever gathers results in your office, send the result file (JSON), or paste the result code into a mail or chat. The code is one line holding your role, answers, stage and the date. Opened in the office page (kintone-diagnosis-office.html), the result file also gives drafts of a budget request and other documents, with a cost-effect calculator.",
    code_line: "\nResult code (paste it into the office page): ",
    copy_failed: "Copying failed. Please use \"Save a summary\" instead.",
    restart: "Start over",
    edit_answers: "Review answers",
    report_date: "Date",
    report_role: "Role",
    report_version: "Questionnaire",
    report_owner: "Who",
    report_section: "Section",
    report_author: "Prepared by",
    import_ok: "The result file was opened.",
    import_not_json: "This file could not be read. Please choose a JSON file saved by this diagnosis.",
    import_not_result: "This file is neither a result file nor a file of unfinished answers of this diagnosis.",
    import_other_content: |id, v| format!("This file was made with another questionnaire ({id} version {v}) and cannot be shown."),
    import_earlier: |v| format!("This file was made with an earlier version of the questionnaire (version {v}). The statements have changed, so this version cannot open it."),
    import_altered: "This file was edited or is damaged, so it cannot be shown.",
    import_too_large: "Too large for a file of this diagnosis (1 MB at most); not opened.",
    import_newer: "This file was made by a newer version; please open it there.",
    keep: "Keep",
    confirm_restart: "Erase all your answers and start again?",
    restart_confirmed: "Erase and start again",
    confirm_erase: "Erase the saved answers? This cannot be undone.",
    erase_confirmed: "Erase",
    confirm_drop_saved: |n| format!("Your saved earlier answers ({n}) will be lost. Start afresh?"),
    drop_saved_confirmed: "Drop them and start",
    confirm_replace: "Replace your current answers with the opened file?",
    replace_confirmed: "Replace",
    saved_other_version: |v| format!("Your earlier answers were saved with an older questionnaire (version {v}) and cannot be resumed. Please start again."),
    saved_newer: |v| format!("Answers saved by a newer version (version {v}) are here. So as not to overwrite them, answers given here are not saved; continue them in the newer version."),
    saved_newer_layout: "Answers saved by a newer version of this diagnosis are here. So as not to overwrite them, answers given here are not saved; continue them in the newer version.",
    saved_other_content: "Your earlier answers were saved with a questionnaire of different contents and cannot be resumed. Please start again.",
    privacy_kept: "Answers here are not saved, so as not to overwrite those a newer version saved. Erasing them resumes saving.",
    privacy_elsewhere: "Another tab saved its answers; so as not to overwrite them, this tab's are not saved.",
    erased_elsewhere: "The answers were erased in another tab, so they were erased here too.",
    confirm_take_over: "Overwrite the other tab's answers with this tab's?",
    take_over_confirmed: "Overwrite with this tab's answers",
    saved_corrupt: "Your earlier answers were damaged and could not be read. Please start again.",
    resumed: "Your earlier answers saved on this device were restored.",
    storage_unavailable: "This browser does not allow saving answers. They last until you close this page.",
    storage_failed: "Your answers could not be saved on this device (storage is full or disabled). They last until you close this page.",
    privacy_title: "Privacy and storage",
    privacy_stored_at: |k| format!("Answers are kept only in this browser's storage (localStorage), under the key \"{k}\"."),
    privacy_not_stored: "This browser cannot store them, so answers exist only in this page and vanish when you close it.",
    privacy_off: "This page is set not to store answers; they vanish when you close it.",
    privacy_version: |v, fp| if fp.is_empty() { format!("Questionnaire version: {v}") } else { format!("Questionnaire version: {v} (fingerprint {fp})") },
    privacy_requests: |n| if n == 0 { "Since this page opened, it has made no network request (from the browser's own record).".to_string() } else { format!("Since it opened, this page (or the page embedding the widget) loaded these {n} file(s), from the browser's own record. The diagnosis itself never communicates.") },
    erase: "Erase my answers from this device",
    erased: "Your saved answers were erased from this device.",
    erase_failed: "Your answers could not be erased. Please clear this site's data in the browser settings.",
    dismiss: "Dismiss",
    content_error_title: "This questionnaire's data has problems",
    content_error_lead: "Please fix the questionnaire (JSON). The rest of the page is not affected.",
};

// Two tables exist, one per language; they are equal exactly when they are the same table.
impl PartialEq for Ui {
    fn eq(&self, other: &Self) -> bool {
        self.lang == other.lang
    }
}

fn join_numbers(nums: &[usize], sep: &str) -> String {
    nums.iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(sep)
}

/// The widget's phrases in `lang`.
pub fn ui(lang: &str) -> &'static Ui {
    if lang == "en" {
        &EN
    } else {
        &JA
    }
}
