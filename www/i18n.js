// UI strings in Chinese (the default) and English. Static elements carry
// data-i18n="key" (text), data-i18n-placeholder or data-i18n-aria; dynamic labels use t().
// The analysis itself (check messages, titles) stays in the report's language.

/** @type {Record<"zh" | "en", Record<string, string>>} */
export const STRINGS = {
  zh: {
    tagline: "粘贴一份法治政府建设情况报告，即在浏览器内得到提纲、指标、关键词与核查结果。文本不会离开本机。",
    lang: "English",
    input: "报告文本", example: "示例报告", open: "打开文件", clear: "清空", cancel: "取消分析",
    textPlaceholder: "在此粘贴报告全文，或把 .txt / .docx 文件拖到这里", textAria: "报告文本：粘贴或拖入文件",
    privacy: "文本仅保存在本机浏览器（localStorage）中以便刷新后恢复；点“清空”即删除。",
    results: "分析结果", exportJson: "导出 JSON", exportCsv: "导出指标 CSV", exportMd: "导出提纲 Markdown", copyCsv: "复制指标表",
    score: "评估要点", outline: "提纲", checks: "核查", annotated: "标注文本",
    legendHeading: "标题", legendMetric: "指标", legendCitation: "引用", legendRemoved: "已排除的网页杂项", showRemoved: "显示已排除内容",
    metrics: "指标", filter: "筛选", filterPlaceholder: "对象、指标、章节或原文", kind: "类型", kindAll: "全部", kindResult: "结果", kindTarget: "目标",
    colRaw: "原文", colValue: "数值", colUnit: "单位", colQualifier: "限定", colSubject: "统计对象", colIndicator: "指标", colSection: "章节", colTarget: "目标",
    keywords: "关键词", frequencies: "词频", kwic: "语境索引（KWIC）", kwicWord: "检索词", kwicPlaceholder: "点击关键词或输入词语", kwicSearch: "检索",
    citations: "引用文件", json: "报告 JSON", footer: "全部分析在本机浏览器中完成（Rust + WebAssembly），不向任何服务器发送文本。",
    title: "标题", year: "年度", issuer: "发文机关", headings: "标题数", metricsCount: "指标数", checksCount: "核查", chars: "字数", unknown: "（未识别）",
    parts: "法定部分", tasks: "纲要任务覆盖", contentChars: "正文字数", per1000: "每千字指标", shortcomingsChars: "问题部分字数",
    measures: "主要举措和成效", shortcomings: "存在的不足", responsible_person: "第一责任人职责", next_year: "下一年度安排", other: "其他",
    info: "提示", warning: "注意", error: "错误", over: "以上/余", about: "约", at_least: "不少于", under: "不到/以内", target: "目标",
    analyzing: "分析中…", done: "已完成：{h} 个标题，{m} 项指标，用时 {ms} 毫秒。", idle: "请粘贴或打开一份报告。",
    shown: "显示 {n} / {total} 项", occurrences: "“{w}”共出现 {n} 次",
    batch: "多份报告比较", batchCsv: "导出全部指标 CSV", batchJson: "导出全部 JSON", batchMd: "导出全部提纲 Markdown", file: "文件", status: "状态", matrix: "指标对比（指标 × 报告）", heatmap: "法定部分与纲要任务覆盖",
    decoding: "解码中", queued: "等待", failed: "出错", finished: "完成", progress: "已分析 {n} / {total} 份", indicator: "指标",
  },
  en: {
    tagline: "Paste a Chinese rule-of-law government report: its outline, metrics, keywords and checks, computed in your browser. The text never leaves this machine.",
    lang: "中文",
    input: "Report text", example: "Example report", open: "Open files", clear: "Clear", cancel: "Cancel",
    textPlaceholder: "Paste the full report here, or drop .txt / .docx files", textAria: "Report text: paste or drop files",
    privacy: "The text is kept only in this browser (localStorage) to survive a reload; Clear deletes it.",
    results: "Results", exportJson: "Export JSON", exportCsv: "Export metrics CSV", exportMd: "Export outline Markdown", copyCsv: "Copy metrics",
    score: "Scorecard", outline: "Outline", checks: "Checks", annotated: "Annotated text",
    legendHeading: "heading", legendMetric: "metric", legendCitation: "citation", legendRemoved: "removed web leftovers", showRemoved: "show removed text",
    metrics: "Metrics", filter: "Filter", filterPlaceholder: "subject, indicator, section or raw", kind: "Kind", kindAll: "all", kindResult: "results", kindTarget: "targets",
    colRaw: "Raw", colValue: "Value", colUnit: "Unit", colQualifier: "Qualifier", colSubject: "Subject", colIndicator: "Indicator", colSection: "Section", colTarget: "Target",
    keywords: "Keywords", frequencies: "Word frequencies", kwic: "Concordance (KWIC)", kwicWord: "Word", kwicPlaceholder: "click a keyword or type a word", kwicSearch: "Search",
    citations: "Cited documents", json: "Report JSON", footer: "Everything is analysed in this browser (Rust + WebAssembly); no text is sent to any server.",
    title: "Title", year: "Year", issuer: "Issuer", headings: "Headings", metricsCount: "Metrics", checksCount: "Checks", chars: "Characters", unknown: "(not found)",
    parts: "Mandated parts", tasks: "纲要 tasks covered", contentChars: "Content characters", per1000: "Metrics per 1000 chars", shortcomingsChars: "Shortcomings part (chars)",
    measures: "Measures and results", shortcomings: "Shortcomings", responsible_person: "First responsible person", next_year: "Next year's plan", other: "Other",
    info: "info", warning: "warning", error: "error", over: "over", about: "about", at_least: "at least", under: "under", target: "target",
    analyzing: "Analysing…", done: "Done: {h} headings, {m} metrics, in {ms} ms.", idle: "Paste or open a report.",
    shown: "showing {n} of {total}", occurrences: "“{w}” occurs {n} times",
    batch: "Comparing reports", batchCsv: "Export all metrics CSV", batchJson: "Export all JSON", batchMd: "Export all outlines (Markdown)", file: "File", status: "Status", matrix: "Indicators × reports", heatmap: "Mandated parts and 纲要 task coverage",
    decoding: "decoding", queued: "queued", failed: "error", finished: "done", progress: "{n} of {total} analysed", indicator: "Indicator",
  },
};

const KEY = "fazhi-lens:lang";

/** The current language: the saved choice, else Chinese. */
export let lang = /** @type {"zh" | "en"} */ ((() => {
  try {
    return localStorage.getItem(KEY) === "en" ? "en" : "zh";
  } catch {
    return "zh";
  }
})());

/**
 * A UI string with {placeholders} filled in.
 * @param {string} key
 * @param {Record<string, string | number>} [vars]
 */
export function t(key, vars = {}) {
  const s = STRINGS[lang][key] ?? STRINGS.zh[key] ?? key;
  return s.replace(/\{(\w+)\}/g, (_, k) => String(vars[k] ?? ""));
}

/** Applies the current language to every labelled element. */
export function applyLanguage() {
  document.documentElement.lang = lang === "en" ? "en" : "zh-CN";
  for (const el of document.querySelectorAll("[data-i18n]")) el.textContent = t(/** @type {HTMLElement} */ (el).dataset.i18n ?? "");
  for (const el of document.querySelectorAll("[data-i18n-placeholder]")) el.setAttribute("placeholder", t(/** @type {HTMLElement} */ (el).dataset.i18nPlaceholder ?? ""));
  for (const el of document.querySelectorAll("[data-i18n-aria]")) el.setAttribute("aria-label", t(/** @type {HTMLElement} */ (el).dataset.i18nAria ?? ""));
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
