// Every string the page shows, in Chinese (the default) and English, and the names of
// the catalogue entries (indicators, 纲要 tasks, mandated parts) in both languages, which
// come from Rust (`catalogue()`). Static elements carry data-i18n="key" (text),
// data-i18n-placeholder or data-i18n-aria; dynamic labels use t() or tNodes().
// The report's own text (titles, check messages, metric subjects …) is not translated:
// it is shown as written, in elements marked lang="zh".

/** @typedef {import("./pkg/fazhi_lens.js").Catalogue} Catalogue */
/** @typedef {import("./pkg/fazhi_lens.js").Named} Named */
/** @typedef {"zh" | "en"} Lang */
/** @typedef {"indicator" | "task" | "part" | "reason" | "citationKind" | "documentKind"} CatalogueKind */

/** The Chinese strings (the page's default language). */
const ZH = {
    docTitle: "法治报告透镜 fazhi-lens",
    tagline: "粘贴一份法治政府建设情况报告，即在浏览器内得到提纲、指标、关键词与核查结果。文本不会离开本机。",
    lang: "English",
    input: "报告文本", example: "示例报告", open: "打开文件", clear: "清空", cancel: "取消分析",
    textPlaceholder: "在此粘贴报告全文，或把 .txt / .docx 文件拖到这里", textAria: "报告文本：粘贴或拖入文件",
    privacy: "文本仅保存在本机浏览器（localStorage）中以便刷新后恢复；点“清空”即删除。",
    results: "分析结果", exports: "导出", exportJson: "导出 JSON", exportCsv: "导出指标 CSV", exportMd: "导出提纲 Markdown", copyCsv: "复制指标表",
    score: "评估要点", outline: "提纲", checks: "核查", annotated: "标注文本", annotatedAria: "标注后的报告全文",
    legendHeading: "标题", legendMetric: "指标", legendCitation: "引用", legendRemoved: "已排除的网页杂项", showRemoved: "显示已排除内容",
    metrics: "指标", filter: "筛选", filterPlaceholder: "对象、指标、章节或原文", kind: "类型", kindAll: "全部", kindResult: "结果", kindTarget: "目标",
    colRaw: "原文", colValue: "数值", colUnit: "单位", colQualifier: "限定", colSubject: "统计对象", colIndicator: "指标", colSection: "章节", colTarget: "目标",
    keywords: "关键词", frequencies: "词频", kwic: "语境索引（KWIC）", kwicWord: "检索词", kwicPlaceholder: "点击关键词或输入词语", kwicSearch: "检索",
    citations: "引用文件", json: "报告 JSON", footer: "全部分析在本机浏览器中完成（Rust + WebAssembly），不向任何服务器发送文本。",
    title: "标题", year: "年度", issuer: "发文机关", headings: "标题数", metricsCount: "指标数", checksCount: "核查", chars: "字数", unknown: "（未识别）",
    parts: "法定部分", tasks: "纲要任务覆盖", contentChars: "正文字数", per1000: "每千字指标", shortcomingsChars: "问题部分字数",
    partsComplete: "齐全", partsMissing: "缺：{parts}", listSep: "、", noteSep: "；",
    docKind: "文件类型", partsNotReport: "不适用（非法治建设年度报告）", incomplete: "文本不完整", incompleteNote: "缺少的部分可能只是未收录",
    mentions: "提及 {n} 次",
    info: "提示", warning: "注意", error: "错误", over: "以上/余", about: "约", at_least: "不少于", under: "不到/以内", target: "目标",
    metricSubject: "对象：{s}", metricIndicator: "指标：{s}", removedLabel: "已排除：{reason}",
    loading: "正在加载分析引擎…", analyzing: "分析中…", done: "已完成：{h} 个标题，{m} 项指标，用时 {ms} 毫秒。", idle: "请粘贴或打开一份报告。",
    tooLong: "文本过长（{n} 万字），超过 {max} 万字的上限：请分成几份分别分析。文本仍保留在输入框中。",
    cancelled: "已取消分析。", cancelledKept: "已取消分析。文本仍保留在输入框中。", crashed: "分析引擎出错，已自动重新启动；您的文本没有丢失。",
    fileRead: "已读取：{file}（{encoding}）", fileFailed: "{file}：{error}",
    copied: "指标表已复制到剪贴板。", copyFailed: "浏览器不允许写入剪贴板：请改用“导出指标 CSV”。",
    shown: "显示 {n} / {total} 项", occurrences: "“{w}”共出现 {n} 次",
    batch: "多份报告比较", batchCsv: "导出全部指标 CSV", batchJson: "导出全部 JSON", batchMd: "导出全部提纲 Markdown", file: "文件", status: "状态", matrix: "指标对比（指标 × 报告）", heatmap: "法定部分与纲要任务覆盖",
    decoding: "解码中", queued: "等待", failed: "出错", finished: "完成", progress: "已分析 {n} / {total} 份", indicator: "指标",
    failedStatus: "出错：{error}", cancelledItem: "已取消", yes: "有", no: "无", notRequired: "该年度不要求",
    chart: "历年趋势", chartMeasure: "绘制", chartPer1000: "每千字指标数", chartParts: "已覆盖的法定部分数", chartYear: "年度",
    chartSvg: "导出图表 SVG", chartPng: "导出图表 PNG", chartNoYears: "所选报告均未识别出年度，无法按年度绘图。",
    chartEmpty: "没有报告给出该项数值。", chartPoint: "{issuer}，{year} 年：{value}",
    chartRule: "每份报告取该指标第一个非目标数值；同一发文机关同一年度有多份报告时，取列表中靠后的一份。",
    chartReplaced: "未绘制（同一机关同一年度的较早一份）：{files}",
    chartAria: "{measure}按年度的折线图，每个发文机关一条线",
};

/** @typedef {keyof typeof ZH} Key */

/**
 * The English strings: every key of the Chinese ones, no other (the type check says so).
 * @type {Record<Key, string>}
 */
const EN = {
    docTitle: "fazhi-lens: rule-of-law report lens",
    tagline: "Paste a Chinese rule-of-law government report: its outline, metrics, keywords and checks, computed in your browser. The text never leaves this machine.",
    lang: "中文",
    input: "Report text", example: "Example report", open: "Open files", clear: "Clear", cancel: "Cancel",
    textPlaceholder: "Paste the full report here, or drop .txt / .docx files", textAria: "Report text: paste or drop files",
    privacy: "The text is kept only in this browser (localStorage) to survive a reload; Clear deletes it.",
    results: "Results", exports: "Export", exportJson: "Export JSON", exportCsv: "Export metrics CSV", exportMd: "Export outline Markdown", copyCsv: "Copy metrics",
    score: "Scorecard", outline: "Outline", checks: "Checks", annotated: "Annotated text", annotatedAria: "The report's full text, annotated",
    legendHeading: "heading", legendMetric: "metric", legendCitation: "citation", legendRemoved: "removed web leftovers", showRemoved: "show removed text",
    metrics: "Metrics", filter: "Filter", filterPlaceholder: "subject, indicator, section or raw", kind: "Kind", kindAll: "all", kindResult: "results", kindTarget: "targets",
    colRaw: "Raw", colValue: "Value", colUnit: "Unit", colQualifier: "Qualifier", colSubject: "Subject", colIndicator: "Indicator", colSection: "Section", colTarget: "Target",
    keywords: "Keywords", frequencies: "Word frequencies", kwic: "Concordance (KWIC)", kwicWord: "Word", kwicPlaceholder: "click a keyword or type a word", kwicSearch: "Search",
    citations: "Cited documents", json: "Report JSON", footer: "Everything is analysed in this browser (Rust + WebAssembly); no text is sent to any server.",
    title: "Title", year: "Year", issuer: "Issuer", headings: "Headings", metricsCount: "Metrics", checksCount: "Checks", chars: "Characters", unknown: "(not found)",
    parts: "Mandated parts", tasks: "Implementation Outline tasks covered", contentChars: "Content characters", per1000: "Metrics per 1000 chars", shortcomingsChars: "Shortcomings part (chars)",
    partsComplete: "all present", partsMissing: "missing: {parts}", listSep: ", ", noteSep: "; ",
    docKind: "Document", partsNotReport: "not applicable (not a rule-of-law annual report)", incomplete: "Incomplete text", incompleteNote: "a missing part may just not have been copied",
    mentions: "{n} mentions",
    info: "info", warning: "warning", error: "error", over: "over", about: "about", at_least: "at least", under: "under", target: "target",
    metricSubject: "subject: {s}", metricIndicator: "indicator: {s}", removedLabel: "removed: {reason}",
    loading: "Loading the analysis engine…", analyzing: "Analysing…", done: "Done: {h} headings, {m} metrics, in {ms} ms.", idle: "Paste or open a report.",
    tooLong: "The text is too long ({n} × 10,000 characters; the limit is {max} × 10,000): split it and analyse the parts. The text is still in the box.",
    cancelled: "Analysis cancelled.", cancelledKept: "Analysis cancelled. The text is still in the box.", crashed: "The analysis engine failed and was restarted; your text is not lost.",
    fileRead: "Read {file} ({encoding})", fileFailed: "{file}: {error}",
    copied: "Metrics table copied to the clipboard.", copyFailed: "The browser does not allow writing to the clipboard: use “Export metrics CSV” instead.",
    shown: "showing {n} of {total}", occurrences: "“{w}” occurs {n} times",
    batch: "Comparing reports", batchCsv: "Export all metrics CSV", batchJson: "Export all JSON", batchMd: "Export all outlines (Markdown)", file: "File", status: "Status", matrix: "Indicators × reports", heatmap: "Mandated parts and Implementation Outline tasks",
    decoding: "decoding", queued: "queued", failed: "error", finished: "done", progress: "{n} of {total} analysed", indicator: "Indicator",
    failedStatus: "error: {error}", cancelledItem: "cancelled", yes: "yes", no: "no", notRequired: "not required for this year",
    chart: "Trend by year", chartMeasure: "Plot", chartPer1000: "Metrics per 1000 characters", chartParts: "Mandated parts covered", chartYear: "Year",
    chartSvg: "Export chart SVG", chartPng: "Export chart PNG", chartNoYears: "No report has a recognised year, so there is nothing to plot by year.",
    chartEmpty: "No report states this figure.", chartPoint: "{issuer}, {year}: {value}",
    chartRule: "Each report contributes the first stated value (not a target) of the indicator; when one issuer has several reports for one year, the later one in the list is plotted.",
    chartReplaced: "Not plotted (an earlier report of the same issuer and year): {files}",
    chartAria: "Line chart of {measure} by year, one line per issuer",
};

/** @type {Record<Lang, Record<Key, string>>} */
export const STRINGS = { zh: ZH, en: EN };

const KEY = "fazhi-lens:lang";

/** The current language: the saved choice, else Chinese. */
export let lang = /** @type {Lang} */ ((() => {
  try {
    return localStorage.getItem(KEY) === "en" ? "en" : "zh";
  } catch {
    return "zh";
  }
})());

/** Catalogue names by `kind:key`, filled once the worker has sent the catalogue. */
const names = /** @type {Map<string, Named>} */ (new Map());

/**
 * A UI string with {placeholders} filled in.
 * @param {Key} key
 * @param {Record<string, string | number>} [vars]
 * @returns {string}
 */
export function t(key, vars = {}) {
  return STRINGS[lang][key].replace(/\{(\w+)\}/g, (_, k) => String(vars[k] ?? ""));
}

/**
 * A UI string as nodes, its {placeholders} filled with strings or nodes (so that a
 * file name or a word from the report can sit in a `lang="zh"` span inside an English
 * sentence).
 * @param {Key} key
 * @param {Record<string, string | number | Node>} vars
 * @returns {(string | Node)[]}
 */
export function tNodes(key, vars) {
  return STRINGS[lang][key]
    .split(/(\{\w+\})/)
    .filter(Boolean)
    .map((part) => {
      const name = /^\{(\w+)\}$/.exec(part)?.[1];
      if (name === undefined) return part;
      const value = vars[name] ?? "";
      return value instanceof Node ? value : String(value);
    });
}

/**
 * Takes in the catalogue from Rust: the names of indicators, tasks, parts, removal
 * reasons, citation and document kinds.
 * @param {Catalogue} catalogue
 */
export function setCatalogue(catalogue) {
  for (const n of catalogue.indicators) names.set(`indicator:${n.key}`, n);
  for (const n of catalogue.tasks) names.set(`task:${n.key}`, n);
  for (const n of catalogue.parts) names.set(`part:${n.key}`, n);
  for (const n of catalogue.reasons) names.set(`reason:${n.key}`, n);
  for (const n of catalogue.citationKinds) names.set(`citationKind:${n.key}`, n);
  for (const n of catalogue.documentKinds) names.set(`documentKind:${n.key}`, n);
}

/**
 * The name of a catalogue key (indicator, task, part, reason, kind) in the current language (the key itself until
 * the catalogue has arrived, or for a key the catalogue does not know).
 * @param {CatalogueKind} kind
 * @param {string} key
 * @returns {string}
 */
export function nameOf(kind, key) {
  const named = names.get(`${kind}:${key}`);
  if (!named) return key;
  return lang === "en" ? named.nameEn : named.name;
}

/**
 * An error's message in the current language: errors from Rust carry a Chinese
 * `messageZh` beside the English `message`.
 * @param {unknown} err
 * @returns {string}
 */
export function errorText(err) {
  if (err instanceof Error) {
    const zhMessage = "messageZh" in err && typeof err.messageZh === "string" ? err.messageZh : null;
    return lang === "zh" && zhMessage ? zhMessage : err.message;
  }
  return String(err);
}

/** Applies the current language to every labelled element. */
export function applyLanguage() {
  document.documentElement.lang = lang === "en" ? "en" : "zh-CN";
  document.title = t("docTitle");
  for (const node of document.querySelectorAll("[data-i18n]")) {
    if (node instanceof HTMLElement) node.textContent = t(/** @type {Key} */ (node.dataset.i18n));
  }
  for (const node of document.querySelectorAll("[data-i18n-placeholder]")) {
    if (node instanceof HTMLElement) node.setAttribute("placeholder", t(/** @type {Key} */ (node.dataset.i18nPlaceholder)));
  }
  for (const node of document.querySelectorAll("[data-i18n-aria]")) {
    if (node instanceof HTMLElement) node.setAttribute("aria-label", t(/** @type {Key} */ (node.dataset.i18nAria)));
  }
  // The switch names the other language in that language.
  document.getElementById("lang")?.setAttribute("lang", lang === "en" ? "zh" : "en");
}

/** Switches between Chinese and English and remembers the choice. */
export function toggleLanguage() {
  lang = lang === "zh" ? "en" : "zh";
  try {
    localStorage.setItem(KEY, lang);
  } catch {
    // Not remembered; the switch still applies to this page.
  }
  applyLanguage();
}
