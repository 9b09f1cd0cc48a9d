//! Stage 6 — metrics: every quantity with value, unit, qualifier and subject; the
//! breakdowns that link totals to their parts; the stated rates recomputed from their
//! counts.
//!
//! The stage is a sequence of passes over the analysis view, each in its own module:
//!
//! 1. [`context`]: sentence and clause boundaries and the masked spans (slogans, dates,
//!    ordinals, sessions, citations, short quoted names), indexed once.
//! 2. [`extract`]: one forward scan reads every number with its unit
//!    (`16件`, `4300余人次`, `3.2万亩` → 32000 亩, `3至5个工作日`, `百分之九十五`,
//!    `三分之二`, `近九成`, `应诉案件2 3起` → 23), its qualifier and its clause.
//! 3. [`tables`]: the cells of pasted tables, with their column units, replace what the
//!    scan read in them.
//! 4. [`sums`]: totals and parts (`共X，其中A a、B b`, `…，共计N`, tables).
//! 5. [`subject`]: what each figure counts (`召开4次专题会议` → 专题会议; a part with no
//!    noun of its own counts what its total counts).
//! 6. [`plan`]: plans and results (`力争达到95%`, `在…已建成30个的基础上`).
//! 7. the indicator catalogue (`data/indicators.tsv`).
//! 8. [`rates`]: stated rates against their counts (`办结率`, `败诉率`, `A占B的N%`).
//!
//! Every pass reads the text once and looks back or ahead only a bounded distance (a
//! clause, a sentence, a few figures), so the stage is linear in the input; [`Metrics`]
//! carries the count of those bounded steps, which the tests hold to a constant per byte.

mod context;
mod extract;
mod plan;
mod rates;
mod subject;
mod sums;
mod tables;

use std::ops::Range;

use crate::knowledge;
use crate::report::Qualifier;
use crate::segment::Token;
use crate::text::{Scan, Span32};

pub use context::SCANNED;

pub use rates::RateCheck;
pub use sums::Breakdown;

/// Whether the words around a figure make it a plan or a result.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Plan {
    /// Nothing said: the section decides (a next-year part plans).
    Unmarked,
    /// A plan (`力争`, `确保`, `计划`, `的年度目标`).
    Planned,
    /// Already reached (`已建成…的基础上`), even in a next-year part.
    Reached,
}

/// A metric found in the analysis view (byte ranges of the view).
///
/// Every pass after the scan reads the list of figures, and a long table has hundreds of
/// thousands of them: a figure takes 64 bytes (its ranges in 32 bits, no option wider
/// than its payload), not the 120 of plain ranges and options — a 1 MB table's 324,000
/// figures fit in 21 MB instead of 39. The ranges are read and set through methods.
#[derive(Debug, Clone)]
pub struct Found {
    /// The number and unit.
    raw: Span32,
    /// Value in the base unit.
    pub value: f64,
    /// Upper end of a range; NaN for none ([`Found::value_max`]).
    value_max: f64,
    /// The unit (`元` for money after scaling) as `data/units.txt` gives it, with its kind
    /// and family (figures of one family add up).
    pub unit: &'static knowledge::Unit,
    /// The counted noun phrase; [`Span32::NONE`] for none ([`Found::subject`]).
    subject: Span32,
    /// The clause before the number, up to the hedge (for indicators and rates).
    clause: Span32,
    /// The indicator of the catalogue it matches.
    indicator: Option<&'static knowledge::Indicator>,
    /// The year the sentence dates the figure to (`到2025年`); 0 for none (a year of the
    /// plan words' pattern is 19xx or 20xx).
    plan_year: i16,
    /// The unit counts occurrences of an action (`次`, `场`).
    pub event: bool,
    /// The unit is a period for doing something (`30日内`).
    pub deadline: bool,
    /// Hedge.
    pub qualifier: Option<Qualifier>,
    /// What the words around it say: plan, result or nothing.
    pub plan: Plan,
    /// A table cell (its row label is its clause): linked by its table only, its subject
    /// and plan read from its header.
    pub cell: bool,
}

impl Found {
    /// A figure read at `raw` with the clause before it: no subject, indicator, plan or
    /// year yet (the later passes set them).
    pub fn new(
        raw: Range<usize>,
        value: f64,
        value_max: Option<f64>,
        unit: &'static knowledge::Unit,
        qualifier: Option<Qualifier>,
        clause: Range<usize>,
        cell: bool,
    ) -> Found {
        Found {
            raw: Span32::new(raw),
            value,
            value_max: value_max.unwrap_or(f64::NAN),
            unit,
            subject: Span32::NONE,
            clause: Span32::new(clause),
            indicator: None,
            plan_year: 0,
            event: false,
            deadline: false,
            qualifier,
            plan: Plan::Unmarked,
            cell,
        }
    }

    /// The number and unit.
    pub fn raw(&self) -> Range<usize> {
        self.raw.range()
    }

    /// The upper end of a range (`3至5个`).
    pub fn value_max(&self) -> Option<f64> {
        (!self.value_max.is_nan()).then_some(self.value_max)
    }

    /// The counted noun phrase.
    pub fn subject(&self) -> Option<Range<usize>> {
        (self.subject != Span32::NONE).then(|| self.subject.range())
    }

    /// Sets the counted noun phrase.
    pub fn set_subject(&mut self, subject: Option<Range<usize>>) {
        self.subject = subject.map_or(Span32::NONE, Span32::new);
    }

    /// The clause before the number, up to the hedge.
    pub fn clause(&self) -> Range<usize> {
        self.clause.range()
    }

    /// The id of the indicator of the catalogue it matches.
    pub fn indicator(&self) -> Option<&'static str> {
        self.indicator.map(|i| i.id)
    }

    /// The year the sentence dates the figure to, if any.
    pub fn plan_year(&self) -> Option<i32> {
        (self.plan_year != 0).then_some(i32::from(self.plan_year))
    }

    /// Dates the figure to `year` (19xx or 20xx), or to none.
    fn set_plan_year(&mut self, year: Option<i32>) {
        self.plan_year = year.map_or(0, |y| i16::try_from(y).unwrap_or(0));
    }

    /// The unit as written (`元` for money after scaling).
    pub fn unit_text(&self) -> &'static str {
        self.unit.text
    }

    /// The unit's kind (`count`, `money`, `percent`…).
    pub fn unit_kind(&self) -> &'static str {
        self.unit.kind
    }

    /// The unit's family: figures of one family add up.
    pub fn family(&self) -> &'static str {
        self.unit.family
    }

    /// Whether it is a target, given the report year and whether its section is a
    /// next-year part (and not also another part, as `存在的不足和下一步打算` is).
    pub fn is_target(&self, report_year: Option<i32>, next_year_part: bool) -> bool {
        match self.plan {
            Plan::Planned => true,
            Plan::Reached => false,
            Plan::Unmarked => {
                next_year_part
                    || self
                        .plan_year()
                        .zip(report_year)
                        .is_some_and(|(plan, year)| plan > year)
            }
        }
    }
}

/// Everything the metrics stage finds in a text.
#[derive(Debug, Clone, Default)]
pub struct Metrics {
    /// The quantities, in text order (sentences and table cells).
    pub found: Vec<Found>,
    /// Totals linked to their parts.
    pub breakdowns: Vec<Breakdown>,
    /// Stated rates recomputed from their counts (only those whose counts are found).
    pub rates: Vec<RateCheck>,
    /// The bounded steps the passes took (for the linearity tests).
    #[doc(hidden)]
    pub work: u64,
}

impl Metrics {
    /// The metrics, breakdowns and rate checks of the analysis view `text`, segmented as
    /// `tokens`; nothing inside `citations` is a quantity.
    pub fn find(text: &str, tokens: &[Token], citations: &[crate::citations::Cited]) -> Metrics {
        Metrics::find_in(&Scan::new(text, &SCANNED), tokens, citations)
    }

    /// [`find`](Self::find) over the text of `scan` (a scan of a set holding [`SCANNED`]).
    pub fn find_in(
        scan: &Scan<'_>,
        tokens: &[Token],
        citations: &[crate::citations::Cited],
    ) -> Metrics {
        let text = scan.text();
        let spans: Vec<Range<usize>> = citations.iter().map(|c| c.span.clone()).collect();
        let ctx = context::Context::of(scan, &spans);
        let scanned = extract::scan(&ctx);
        let tables = tables::find(&ctx);
        let (mut found, links) = merge(scanned, tables);
        let breakdowns = sums::find(&ctx, &found, links);
        subject::assign(&ctx, tokens, &mut found, &breakdowns);
        plan::mark(&ctx, &mut found, &breakdowns);
        // Table cells repeat their header and row label: each pair is matched once.
        let mut seen: rustc_hash::FxHashMap<
            (&str, &str, &str),
            Option<&'static knowledge::Indicator>,
        > = Default::default();
        for f in &mut found {
            let subject = f.subject().map_or("", |r| &text[r]);
            let key = (subject, &text[f.clause()], f.unit_kind());
            f.indicator = *seen.entry(key).or_insert_with(|| match_indicator(text, f));
        }
        let rates = rates::check(&ctx, &found, &breakdowns);
        Metrics {
            found,
            breakdowns,
            rates,
            work: ctx.work(),
        }
    }
}

/// The scanned figures and the table cells in one list in text order: a cell replaces a
/// figure the scan read in it (`16件` in a cell is kept once). Returns the table links as
/// indices into the merged list. Both lists are in text order: one merge, linear.
fn merge(scanned: Vec<Found>, tables: tables::Tables) -> (Vec<Found>, Vec<tables::Link>) {
    let tables::Tables { cells, links } = tables;
    // Most texts have no table, and a table pasted alone no figure around it: one list is
    // the result as it is (no copy of a long list).
    if cells.is_empty() {
        return (scanned, Vec::new());
    }
    if scanned.is_empty() {
        return (cells, links);
    }
    let mut out = Vec::with_capacity(scanned.len() + cells.len());
    let mut cell_index = Vec::with_capacity(cells.len());
    let mut cells = cells.into_iter().peekable();
    let mut next_cell_start = 0;
    for f in scanned {
        while let Some(c) = cells.next_if(|c| c.raw().start <= f.raw().start) {
            next_cell_start = next_cell_start.max(c.raw().end);
            cell_index.push(out.len());
            out.push(c);
        }
        let overlaps_last = out
            .last()
            .is_some_and(|l: &Found| l.cell && l.raw().end > f.raw().start);
        let overlaps_next = cells.peek().is_some_and(|c| c.raw().start < f.raw().end);
        if !overlaps_last && !overlaps_next {
            out.push(f);
        }
    }
    for c in cells {
        cell_index.push(out.len());
        out.push(c);
    }
    let links = links
        .into_iter()
        .map(|l| tables::Link {
            total: cell_index[l.total],
            parts: l.parts.iter().map(|&p| cell_index[p]).collect(),
            sum: l.sum,
        })
        .collect();
    (out, links)
}

/// The indicator of the catalogue a figure matches: by its subject (or its clause when it
/// has none), its unit kind and the words of its clause.
fn match_indicator(text: &str, f: &Found) -> Option<&'static knowledge::Indicator> {
    let subject = f.subject().map_or("", |r| &text[r]);
    let clause = &text[f.clause()];
    let subj_or_clause = if subject.is_empty() { clause } else { subject };
    let indicators = knowledge::indicators();
    let kind_fits =
        |ind: &knowledge::Indicator| ind.unit_kind == "any" || ind.unit_kind == f.unit_kind();
    if !indicators.iter().any(kind_fits) {
        return None;
    }
    knowledge::indicator_subjects()
        .matching(subj_or_clause)
        .map(|i| &indicators[i])
        .find(|ind| {
            kind_fits(ind)
                && ind
                    .context
                    .as_ref()
                    .is_none_or(|c| c.is_match(clause) || c.is_match(subj_or_clause))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[cfg(target_pointer_width = "64")]
    fn a_figure_takes_64_bytes() {
        // Every pass after the scan reads the list of figures: a 1 MB table has 324,000.
        assert_eq!(std::mem::size_of::<Found>(), 64);
    }

    #[test]
    fn ranges_and_options_read_back_as_set() {
        let unit = knowledge::unit("件").unwrap();
        let mut f = Found::new(3..9, 16.0, Some(20.0), unit, None, 0..3, false);
        assert_eq!(
            (f.raw(), f.clause(), f.value_max()),
            (3..9, 0..3, Some(20.0))
        );
        assert_eq!(
            (f.subject(), f.plan_year(), f.indicator()),
            (None, None, None)
        );
        f.set_subject(Some(0..0));
        f.set_plan_year(Some(2025));
        assert_eq!((f.subject(), f.plan_year()), (Some(0..0), Some(2025)));
        f.set_subject(None);
        assert_eq!(f.subject(), None);
        let none = Found::new(0..1, 1.0, None, unit, None, 0..0, true);
        assert_eq!(none.value_max(), None);
    }

    fn analyse(text: &str) -> (String, Metrics) {
        // As in the pipeline, the text is normalized first (（件） → (件), １ → 1).
        let norm = crate::normalize::normalize(text);
        let text = norm.text().to_string();
        let seg = crate::segment::Segmenter::new(None, true).unwrap();
        let tokens = seg.tokens(&text, false);
        let m = Metrics::find(&text, &tokens, &[]);
        (text, m)
    }

    fn metrics(text: &str) -> Vec<(String, f64, String, Option<Qualifier>)> {
        let (text, m) = analyse(text);
        m.found
            .into_iter()
            .map(|f| {
                (
                    text[f.raw()].to_string(),
                    f.value,
                    f.unit.text.to_string(),
                    f.qualifier,
                )
            })
            .collect()
    }

    #[test]
    fn values_units_and_qualifiers() {
        let got = metrics("受理行政复议申请16件，接待来访群众4300余人次，投入经费3.5亿元，约1.2万件，办结率达100%，近九成，十余条，3至5个工作日");
        let want = vec![
            ("16件", 16.0, "件", None),
            ("4300余人次", 4300.0, "人次", Some(Qualifier::Over)),
            ("3.5亿元", 350_000_000.0, "元", None),
            ("1.2万件", 12000.0, "件", Some(Qualifier::About)),
            ("100%", 100.0, "%", None),
            ("九成", 90.0, "%", Some(Qualifier::About)),
            ("十余条", 10.0, "条", Some(Qualifier::Over)),
            ("3至5个工作日", 3.0, "个工作日", None),
        ];
        let got: Vec<(&str, f64, &str, Option<Qualifier>)> = got
            .iter()
            .map(|(r, v, u, q)| (r.as_str(), *v, u.as_str(), *q))
            .collect();
        assert_eq!(got, want);
    }

    #[test]
    fn non_metrics_are_not_extracted() {
        // The traps of SPEC "metrics" and issue 4, each in a sentence as reports write them.
        let traps = [
            "2018年5月底，2021年3月，1-11月，2016-2020年，发布于2018-01-22，落款20181219",
            "依据国办发〔2018〕37号、省政府令第169号和〔2021〕5号文件",
            "落实三重一大，增强四个意识，做到两个维护，推行四个一工作法",
            "七五普法、八五普法收官，十四五开局，学习二十大和十九届四中全会精神",
            "推行1+2+9+N模式和一网通办，拨打12345热线或0518-85512345",
            "提供7×24小时服务和24小时在线服务，第一批、第二批试点，第一",
            "建立一批制度和一系列措施，两级联动、三级联动，连续两年获评",
            "网站备案号苏ICP备05012345号",
            "2022 年 5 月 30 日，1 2 3 4 5热线",
        ];
        for text in traps {
            assert_eq!(metrics(text), vec![], "{text}");
        }
    }

    fn rates(text: &str) -> Vec<(f64, bool)> {
        let (_, m) = analyse(text);
        m.rates.iter().map(|r| (r.computed, r.consistent)).collect()
    }

    #[test]
    fn rates_are_recomputed_from_the_counts_they_name() {
        // 180 of 200, not 100%.
        let got = rates("共受理申请200件，其中网上受理150件，办结180件，办结率为100%。");
        assert_eq!(got.len(), 1);
        assert!((got[0].0 - 90.0).abs() < 1e-9 && !got[0].1);
        assert_eq!(
            rates("共受理申请200件，办结200件，办结率为100%。"),
            [(100.0, true)]
        );
        // The counts in the sentence before.
        let got = rates("受理行政复议申请46件，审结42件。审结率91.3%，其余均在法定期限内。");
        assert_eq!(got.len(), 1);
        assert!(got[0].1);
        // A part's rate is a share of its breakdown's total.
        let got = rates("行政诉讼案件审结76件，其中判决败诉5件，败诉率5.3%。");
        assert_eq!(got.len(), 1);
        assert!(!got[0].1, "5 ÷ 76 is 6.6 %");
    }

    #[test]
    fn an_ambiguous_denominator_gets_no_verdict() {
        // 3 ÷ 45 gives the stated 6.7 %: whatever the writer divided by, nothing to say.
        let got =
            rates("新收行政诉讼案件45件，连同上年结转的7件，共审结48件，其中败诉3件，败诉率6.7%。");
        assert!(got.iter().all(|r| r.1), "{got:?}");
    }

    #[test]
    fn rates_of_amounts_and_paired_rates_get_no_verdict() {
        // 赤字率 is a share of an amount the text does not give.
        assert!(
            rates("全国财政赤字13500亿元，其中中央财政赤字9500亿元，赤字率稳定在2.1%。").is_empty()
        );
        // Which of two rates goes with which count is for the reader to pair.
        assert!(rates("新增普惠托位8897个，适龄儿童入园率和普惠率分别达96%和94%。").is_empty());
        // A share that changes is not a share of the counts.
        assert!(
            rates("研发经费从1288亿元增加到3664亿元，占国内生产总值比重从1.07%提高到1.49%。")
                .is_empty()
        );
    }

    #[test]
    fn shares_name_their_parts_and_base() {
        let text = "审结行政复议案件64件，其中维持41件、驳回12件、撤销6件、确认违法3件、责令履行2件。其中撤销和确认违法的案件占审结案件的12.5%。";
        let got = rates(text);
        assert_eq!(got.len(), 1);
        assert!((got[0].0 - 9.0 / 64.0 * 100.0).abs() < 1e-9 && !got[0].1);
    }

    fn sums(text: &str) -> Vec<(f64, Vec<f64>, Option<bool>)> {
        let (_, m) = analyse(text);
        m.breakdowns
            .iter()
            .map(|b| {
                (
                    m.found[b.total].value,
                    b.parts.iter().map(|&p| m.found[p].value).collect(),
                    b.consistent,
                )
            })
            .collect()
    }

    #[test]
    fn breakdowns_partial_lists_and_changes() {
        // A selection: 其中 names some of the total; no catch-all part, so not an error.
        assert_eq!(
            sums("各项贷款新增1.91万亿元，其中制造业贷款新增1124亿元，续贷新增5982亿元。"),
            vec![(1.91e12, vec![1.124e11, 5.982e11], None)]
        );
        // The parts fit into the total stated before the change, not into the change.
        assert_eq!(
            sums("今年拟安排财政赤字1.2万亿元，比去年增加4000亿元，其中中央财政赤字8500亿元，代地方发债3500亿元。"),
            vec![(1.2e12, vec![8.5e11, 3.5e11], Some(true))]
        );
        // `由40元提高到80元` are changes, never parts.
        assert!(sums("标准由50元提高到100元，其中中央补助由40元提高到80元。").is_empty());
    }

    #[test]
    fn breakdowns_across_unit_families_and_sentences() {
        // 件 and 起 are both cases; the parts in the next sentence add up exactly.
        assert_eq!(
            sums("全年受理一般程序案件20件，案件类型涉及违法建设等领域。截至12月31日，已办结18起、在办2起。"),
            vec![(20.0, vec![18.0, 2.0], Some(true))]
        );
        // The total after its parts.
        assert_eq!(
            sums("纠正占道经营126起、违规设置户外广告84起、私搭乱建37起，共计247起。"),
            vec![(247.0, vec![126.0, 84.0, 37.0], Some(true))]
        );
        assert_eq!(
            sums("参训人数分别为412人、386人、297人，合计1105人。"),
            vec![(1105.0, vec![412.0, 386.0, 297.0], Some(false))]
        );
        // 人 and 名 are both persons.
        assert_eq!(
            sums("全局执法队员共152名，其中在编人员64人、协管人员88人。"),
            vec![(152.0, vec![64.0, 88.0], Some(true))]
        );
        // The rest: 57 = 54 + 3.
        assert_eq!(
            sums("受理群众信访件57件，办结54件，另有3件正在调查核实。"),
            vec![(57.0, vec![54.0, 3.0], Some(true))]
        );
        // A subset: one part, no verdict.
        assert_eq!(
            sums("全县7个乡镇林业站中有3个未配备持证执法人员。"),
            vec![(7.0, vec![3.0], None)]
        );
        // `共审结48件` is no total of the figures before: 共 goes with the verb.
        assert!(sums("新收案件45件，连同上年结转的7件，共审结48件。").is_empty());
    }

    #[test]
    fn a_short_list_without_a_catch_all_is_judged() {
        // 678 of 684: an arithmetic slip, not a selection.
        assert_eq!(
            sums("行政诉讼案件共684件，其中市政府37件、市直部门215件、县（市、区）政府及其部门426件。"),
            vec![(684.0, vec![37.0, 215.0, 426.0], Some(false))]
        );
        // `等` makes it a selection.
        assert_eq!(
            sums("审查各类文件共计318件，其中规范性文件45件、合同109件等。"),
            vec![(318.0, vec![45.0, 109.0], None)]
        );
    }

    #[test]
    fn tables_and_total_lines() {
        let table =
            "类别\t受理数（件）\t办结数（件）\n行政许可\t12\t10\n行政处罚\t30\t30\n合计\t42\t41\n";
        assert_eq!(
            sums(table),
            vec![
                (42.0, vec![12.0, 30.0], Some(true)),
                (41.0, vec![10.0, 30.0], Some(false))
            ]
        );
        let spaced = "项目    金额（万元）\n办案经费    120.5\n普法经费    30\n合计    150.5\n";
        assert_eq!(
            sums(spaced),
            vec![(1_505_000.0, vec![1_205_000.0, 300_000.0], Some(true))]
        );
        let lines = "来信 120件\n来访 80件\n网上信访 55件\n合计 250件\n";
        assert_eq!(
            sums(lines),
            vec![(250.0, vec![120.0, 80.0, 55.0], Some(false))]
        );
    }

    #[test]
    fn breakdown_of_seed_001_does_not_add_up() {
        let text = "共清理审核行政权力事项1412项，其中：行政许可89项；行政审批97项；行政处罚624项；行政强制14项；行政征收23项；行政给付11项；行政奖励7项；行政确认38项；行政裁决2项；其他474项。";
        let (_, m) = analyse(text);
        assert_eq!(m.breakdowns.len(), 1);
        let b = &m.breakdowns[0];
        assert_eq!(b.parts.len(), 10);
        assert_eq!(b.sum, 1379.0);
        assert_eq!(b.consistent, Some(false));
    }

    #[test]
    fn work_grows_linearly_with_the_input() {
        // Adversarial shapes: a report repeated, one line with no sentence end, dense 其中
        // lists, a wide table. The bounded steps per byte stay flat from 4x to 32x.
        let seed = include_str!("../../tests/fixtures/001_446f1514762c12b7.txt");
        let line = "受理行政复议申请16件，其中维持10件、撤销3件、确认违法2件，办结率100%，接待来访群众4300余人次，";
        let qizhong = "其中行政许可12件、行政处罚30件，";
        let row = format!("事项\t{}\n", ["12"; 39].join("\t"));
        type Shape<'a> = (&'a str, Box<dyn Fn(usize) -> String + 'a>);
        let shapes: Vec<Shape<'_>> = vec![
            ("seed", Box::new(|k| seed.repeat(k))),
            ("no sentence end", Box::new(|k| line.repeat(8 * k))),
            (
                "dense 其中",
                Box::new(|k| format!("共受理案件1000件，{}", qizhong.repeat(16 * k))),
            ),
            (
                "wide table",
                Box::new(move |k| {
                    format!(
                        "{}\n{}合计{}\n",
                        ["受理数（件）"; 40].join("\t"),
                        row.repeat(64 * k),
                        format!("\t{}", 768 * k).repeat(39)
                    )
                }),
            ),
        ];
        let seg = crate::segment::Segmenter::new(None, true).unwrap();
        for (name, make) in shapes {
            let per_byte = |k: usize| {
                let text = make(k);
                let tokens = seg.tokens(&text, false);
                Metrics::find(&text, &tokens, &[]).work as f64 / text.len() as f64
            };
            // From 4x on every bounded window is full: the steps per byte must not grow.
            let (four, thirty_two) = (per_byte(4), per_byte(32));
            assert!(four > 0.0, "{name}: no steps counted");
            assert!(
                thirty_two <= four * 1.05 + 0.01,
                "{name}: {four:.3} steps per byte at 4x, {thirty_two:.3} at 32x"
            );
        }
    }
}
