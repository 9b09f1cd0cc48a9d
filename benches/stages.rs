//! Native benchmarks of each pipeline stage, in bytes of input per second.
//!
//! Two inputs: the five seed reports (`tests/fixtures/`) and the government work reports of
//! the shared corpus (`$CORPUS/gov-work-reports`, default `../shared/corpus`; skipped
//! when absent). Each stage runs over every text of the set per iteration, on the output
//! of the stages before it, so the figures add up to the full analysis.
//!
//! `cargo bench --bench stages` (or `make bench`, which prints them in one table).

use std::hint::black_box;
use std::path::{Path, PathBuf};

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use fazhi_lens::segment::{Segmenter, Token, WordCounts};
use fazhi_lens::{citations, clean, framework, meta, metrics, normalize, outline};
use fazhi_lens::{Analyzer, Options, BUNDLED_LEXICON};

/// Everything the stages produce for one text, computed once outside the timed loops.
struct Prepared {
    text: String,
    norm: fazhi_lens::view::View,
    cleaned: clean::Cleaned,
    headings: Vec<outline::Heading>,
    sections: Vec<framework::SectionInput>,
    tokens: Vec<Token>,
    cites: Vec<std::ops::Range<usize>>,
}

fn txt_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            txt_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "txt") {
            out.push(p);
        }
    }
}

fn load(dir: &Path) -> Vec<String> {
    let mut files = Vec::new();
    txt_files(dir, &mut files);
    files
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect()
}

fn prepare(seg: &Segmenter, text: String) -> Prepared {
    let norm = normalize::normalize(&text);
    let cleaned = clean::clean(&norm);
    let vt = cleaned.view.text();
    let headings = outline::find_headings(vt);
    let ends = outline::section_ends(&headings, vt.len());
    let parents = outline::parents(&headings);
    let sections = framework::section_inputs(vt, &headings, &ends, &parents);
    let tokens = seg.tokens(vt, false);
    let cites = citations::find_citations(vt)
        .into_iter()
        .map(|c| c.span)
        .collect();
    Prepared {
        text,
        norm,
        cleaned,
        headings,
        sections,
        tokens,
        cites,
    }
}

fn bench_set(c: &mut Criterion, name: &str, texts: Vec<String>) {
    if texts.is_empty() {
        eprintln!("stages/{name}: no input found, skipped");
        return;
    }
    let seg = Segmenter::new(Some(BUNDLED_LEXICON), true).expect("bundled lexicon loads");
    let analyzer = Analyzer::new(Options::default()).expect("bundled lexicon loads");
    let bytes: usize = texts.iter().map(String::len).sum();
    let docs: Vec<Prepared> = texts.into_iter().map(|t| prepare(&seg, t)).collect();
    let views: Vec<&str> = docs.iter().map(|d| d.cleaned.view.text()).collect();

    let mut g = c.benchmark_group(format!("stages/{name}"));
    g.throughput(Throughput::Bytes(bytes as u64));
    g.sample_size(10);
    g.bench_function("normalize", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| normalize::normalize(black_box(&d.text)).text().len())
                .sum::<usize>()
        })
    });
    g.bench_function("clean", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| clean::clean(black_box(&d.norm)).removed.len())
                .sum::<usize>()
        })
    });
    g.bench_function("meta", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| black_box(meta::read_meta(&d.text, &d.norm, &d.cleaned)).year)
                .sum::<Option<i32>>()
        })
    });
    g.bench_function("outline", |b| {
        b.iter(|| {
            docs.iter()
                .zip(&views)
                .map(|(d, v)| {
                    let h = outline::find_headings(black_box(v));
                    outline::find_enumerations(v, &h).len() + d.headings.len()
                })
                .sum::<usize>()
        })
    });
    g.bench_function("segment", |b| {
        b.iter(|| {
            views
                .iter()
                .map(|v| seg.tokens(black_box(v), false).len())
                .sum::<usize>()
        })
    });
    // jieba alone (no domain dictionary, no atom pre-pass): what the pre-pass costs.
    let plain = Segmenter::new(Some(BUNDLED_LEXICON), false).expect("bundled lexicon loads");
    g.bench_function("segment-plain", |b| {
        b.iter(|| {
            views
                .iter()
                .map(|v| plain.tokens(black_box(v), false).len())
                .sum::<usize>()
        })
    });
    g.bench_function("citations", |b| {
        b.iter(|| {
            views
                .iter()
                .map(|v| citations::find_citations(black_box(v)).len())
                .sum::<usize>()
        })
    });
    g.bench_function("metrics", |b| {
        b.iter(|| {
            docs.iter()
                .zip(&views)
                .map(|(d, v)| {
                    let mut found = metrics::find_metrics(black_box(v), &d.tokens, &d.cites);
                    metrics::merge_tables(v, &mut found).len() + found.len()
                })
                .sum::<usize>()
        })
    });
    g.bench_function("framework", |b| {
        b.iter(|| {
            docs.iter()
                .zip(&views)
                .map(|(d, v)| framework::map_sections(black_box(v), &d.sections, None).len())
                .sum::<usize>()
        })
    });
    g.bench_function("keywords", |b| {
        b.iter(|| {
            docs.iter()
                .zip(&views)
                .map(|(d, v)| {
                    // As the analysis does: one count for both lists.
                    let counts = WordCounts::new(black_box(v), &d.tokens);
                    seg.tfidf_of(&counts, 20).len() + Segmenter::frequencies_of(&counts, 50).len()
                })
                .sum::<usize>()
        })
    });
    g.bench_function("analyze", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| {
                    analyzer
                        .analyze(black_box(&d.text))
                        .map_or(0, |r| r.metrics.len())
                })
                .sum::<usize>()
        })
    });
    g.finish();
}

fn stages(c: &mut Criterion) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    // The seeds are the `.txt` files directly in tests/fixtures (not its sub-folders).
    let mut seeds: Vec<PathBuf> = std::fs::read_dir(root.join("tests/fixtures"))
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    seeds.retain(|p| p.extension().is_some_and(|e| e == "txt"));
    seeds.sort();
    let seeds = seeds
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect();
    bench_set(c, "seeds", seeds);
    let corpus =
        std::env::var("CORPUS").map_or_else(|_| root.join("../shared/corpus"), PathBuf::from);
    bench_set(c, "corpus", load(&corpus.join("gov-work-reports")));
}

fn dictionary(c: &mut Criterion) {
    let mut g = c.benchmark_group("dictionary");
    g.throughput(Throughput::Bytes(BUNDLED_LEXICON.len() as u64));
    g.sample_size(10);
    g.bench_function("load", |b| {
        b.iter(|| Segmenter::new(Some(black_box(BUNDLED_LEXICON)), true).map(|_| ()))
    });
    g.finish();
}

criterion_group!(benches, stages, dictionary);
criterion_main!(benches);
