//! Time per MB as the input grows, on inputs built to defeat passes that revisit text:
//! a seed report repeated 1×–64×, one line with no sentence end, dense `其中` lists, and a
//! wide table. For each shape and size, the metrics stage alone (`Metrics::find` on the
//! segmented, normalized text) and the whole `analyze()`, with `Throughput::Bytes`: a
//! linear pass keeps the same MB/s at every size. The metrics stage gets the normalized
//! text rather than the cleaned view because cleaning takes a long table for hard-wrapped
//! PDF lines and joins its rows, which would leave the table pass nothing to do.
//!
//! `cargo bench --bench scaling` (or `make bench`, which tables time per MB and how flat it
//! stays: `bench/report.py`). The unit test `metrics::tests::work_grows_linearly_with_the_input`
//! checks the same shapes without a clock, by the steps of the bounded walks.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use fazhi_lens::stages::{find_citations, normalize, Metrics, Segmenter};
use fazhi_lens::{Analyzer, Options, BUNDLED_LEXICON};

/// The sizes, as repeats of each shape's unit (about 14–28 KB at 1×).
const SIZES: [usize; 4] = [1, 4, 16, 64];

/// A report-like line that never ends a sentence: figures, a 其中 list, a rate, commas only.
const LINE: &str = "受理行政复议申请16件，其中维持10件、撤销3件、确认违法2件，办结率100%，接待来访群众4300余人次，";

/// An adversarial shape: its name and the text for `k` repeats.
type Shape = (&'static str, Box<dyn Fn(usize) -> String>);

/// The adversarial shapes.
fn shapes() -> Vec<Shape> {
    let seed = include_str!("../tests/fixtures/001_446f1514762c12b7.txt");
    vec![
        ("seed", Box::new(move |k| seed.repeat(k))),
        ("no sentence end", Box::new(|k| LINE.repeat(150 * k))),
        (
            "dense 其中 lists",
            Box::new(|k| {
                format!(
                    "共受理案件1000件，{}",
                    "其中行政许可12件、行政处罚30件，".repeat(600 * k)
                )
            }),
        ),
        (
            "wide table",
            Box::new(|k| {
                let header: Vec<String> = (0..40).map(|c| format!("第{c}列（件）")).collect();
                let row = format!("事项\t{}\n", ["12"; 39].join("\t"));
                format!(
                    "{}\n{}合计{}\n",
                    header.join("\t"),
                    row.repeat(130 * k),
                    format!("\t{}", 12 * 130 * k).repeat(39)
                )
            }),
        ),
    ]
}

fn scaling(c: &mut Criterion) {
    let seg = Segmenter::new(Some(BUNDLED_LEXICON), true).expect("bundled lexicon loads");
    let analyzer = Analyzer::new(Options::default()).expect("bundled lexicon loads");
    for (name, make) in shapes() {
        let mut g = c.benchmark_group(format!("scaling/{name}"));
        g.sample_size(10);
        for k in SIZES {
            let text = make(k);
            let vt = normalize(&text).text().to_string();
            let tokens = seg.tokens(&vt, false);
            let cites = find_citations(&vt);
            g.throughput(Throughput::Bytes(text.len() as u64));
            g.bench_with_input(BenchmarkId::new("metrics", k), &vt, |b, vt| {
                b.iter(|| Metrics::find(black_box(vt), &tokens, &cites).found.len())
            });
            g.bench_with_input(BenchmarkId::new("analyze", k), &text, |b, text| {
                b.iter(|| {
                    analyzer
                        .analyze(black_box(text))
                        .map_or(0, |r| r.metrics.len())
                })
            });
        }
        g.finish();
    }
}

criterion_group!(benches, scaling);
criterion_main!(benches);
