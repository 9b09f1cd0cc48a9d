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
use fazhi_lens::stages::{
    clean, find_citations, map_sections, normalize, read_document, read_meta, Cleaned, MetaFound,
    Metrics, Outline, Segmenter, Token, View, WordCounts,
};
use fazhi_lens::{Analyzer, DocKind, Options, BUNDLED_LEXICON};

/// Everything the stages produce for one text, computed once outside the timed loops.
struct Prepared {
    text: String,
    norm: View,
    cleaned: Cleaned,
    meta: MetaFound,
    outline: Outline,
    tokens: Vec<Token>,
    cites: Vec<fazhi_lens::stages::Cited>,
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
    let norm = normalize(&text);
    let cleaned = clean(&norm);
    let vt = cleaned.view.text();
    let outline = Outline::find(vt);
    let tokens = seg.tokens(vt, false);
    let cites = find_citations(vt);
    let meta = read_meta(&text, &norm, &cleaned);
    Prepared {
        text,
        norm,
        cleaned,
        meta,
        outline,
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
                .map(|d| normalize(black_box(&d.text)).text().len())
                .sum::<usize>()
        })
    });
    g.bench_function("clean", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| clean(black_box(&d.norm)).removed.len())
                .sum::<usize>()
        })
    });
    g.bench_function("meta", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| black_box(read_meta(&d.text, &d.norm, &d.cleaned)).year)
                .sum::<Option<i32>>()
        })
    });
    g.bench_function("outline", |b| {
        b.iter(|| {
            docs.iter()
                .zip(&views)
                .map(|(d, v)| Outline::find(black_box(v)).headings.len() + d.outline.headings.len())
                .sum::<usize>()
        })
    });
    g.bench_function("document", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| {
                    let doc = read_document(
                        black_box(&d.text),
                        &d.norm,
                        &d.cleaned,
                        &d.meta,
                        &d.outline,
                        d.meta.year,
                    );
                    doc.kind_evidence.len()
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
                .map(|v| find_citations(black_box(v)).len())
                .sum::<usize>()
        })
    });
    g.bench_function("metrics", |b| {
        b.iter(|| {
            docs.iter()
                .zip(&views)
                .map(|(d, v)| Metrics::find(black_box(v), &d.tokens, &d.cites).found.len())
                .sum::<usize>()
        })
    });
    g.bench_function("framework", |b| {
        b.iter(|| {
            docs.iter()
                .zip(&views)
                .map(|(d, v)| {
                    map_sections(black_box(v), &d.outline, None, DocKind::Report)
                        .sections
                        .len()
                })
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
