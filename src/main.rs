//! The `fazhi-lens` command line: the same core as the page, for whole corpora.
//!
//! ```text
//! fazhi-lens analyze [--format json|jsonl|csv|md] [--offsets char|utf16|utf8] FILE|DIR|- ...
//! fazhi-lens segment FILE|-          one sentence per line in, tokens joined by two spaces out
//! fazhi-lens kwic WORD [--width N] FILE|DIR|- ...
//! ```
//!
//! Files are read as UTF-8, UTF-16 with BOM or GB18030/GBK (detected). Exit status: 0 all
//! inputs analysed, 1 some inputs failed (each named on stderr with why), 2 usage error.

use std::collections::BTreeMap;
use std::io::{self, BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{mpsc, Condvar, Mutex};

use clap::{Parser, Subcommand, ValueEnum};
use fazhi_lens::decode::decode;
use fazhi_lens::export::{self, ReportEntry};
use fazhi_lens::{Analyzer, OffsetUnit, Options, Report};

#[derive(Parser)]
#[command(
    name = "fazhi-lens",
    version,
    about = "法治报告透镜: outline, metrics, keywords and checks of Chinese rule-of-law reports"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Analyze reports into Report JSON (one file: a JSON object; several: JSON lines).
    Analyze {
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Json)]
        format: Format,
        /// Unit of span offsets.
        #[arg(long, value_enum, default_value_t = Unit::Char)]
        offsets: Unit,
        /// Worker threads (default: all cores).
        #[arg(long)]
        jobs: Option<usize>,
        /// Add per-stage timings in milliseconds to each report (`stats.timings`).
        #[arg(long)]
        timings: bool,
        /// A dictionary file (`word freq [idf]` lines) instead of the bundled one.
        #[arg(long, value_name = "FILE")]
        lexicon: Option<PathBuf>,
        /// Largest input accepted, in bytes (default 64 MiB, at most 1 GiB).
        #[arg(long, value_name = "BYTES")]
        max_bytes: Option<usize>,
        /// Files, folders (every .txt inside) or `-` for standard input.
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
    },
    /// Segment one sentence per line; print the tokens joined by two spaces (SIGHAN format).
    Segment {
        /// Use jieba's HMM for unknown words.
        #[arg(long)]
        hmm: bool,
        /// Plain jieba: no domain dictionary, no number/document-number atoms (a baseline).
        #[arg(long)]
        plain: bool,
        /// A dictionary file (`word freq [idf]` lines) instead of the bundled one.
        #[arg(long, value_name = "FILE")]
        lexicon: Option<PathBuf>,
        /// A file or `-` for standard input.
        input: PathBuf,
    },
    /// Parse one numeral expression per input line (`3.5万`, `百分之九十五`, `两到三万`);
    /// print its value as JSON (`{"value","max","percent"}`) or `null`.
    Number {
        /// A file or `-` for standard input.
        #[arg(default_value = "-")]
        input: PathBuf,
    },
    /// Show every occurrence of a word with its context.
    Kwic {
        /// The word to look for.
        word: String,
        /// Characters of context on each side.
        #[arg(long, default_value_t = 20)]
        width: usize,
        /// Files, folders or `-`.
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
    },
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum Format {
    /// One Report as JSON (JSON lines with a `file` field for several inputs).
    Json,
    /// One Report a line, each with its `file`.
    Jsonl,
    /// One row per metric (UTF-8 with BOM, for Excel).
    Csv,
    /// The outline as a Markdown list.
    Md,
}

#[derive(Clone, Copy, ValueEnum)]
enum Unit {
    /// Unicode scalar values.
    Char,
    /// UTF-16 code units (JavaScript).
    Utf16,
    /// UTF-8 bytes.
    Utf8,
}

impl From<Unit> for OffsetUnit {
    fn from(u: Unit) -> Self {
        match u {
            Unit::Char => OffsetUnit::Char,
            Unit::Utf16 => OffsetUnit::Utf16,
            Unit::Utf8 => OffsetUnit::Utf8,
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Analyze {
            format,
            offsets,
            jobs,
            timings,
            lexicon,
            max_bytes,
            inputs,
        } => {
            let defaults = Options::default();
            let options = Options {
                offsets: offsets.into(),
                max_bytes: max_bytes.unwrap_or(defaults.max_bytes),
                ..defaults
            };
            analyze(format, options, jobs, timings, lexicon.as_deref(), &inputs)
        }
        Command::Segment {
            hmm,
            plain,
            lexicon,
            input,
        } => segment(hmm, plain, lexicon.as_deref(), &input),
        Command::Kwic {
            word,
            width,
            inputs,
        } => kwic(&word, width, &inputs),
        Command::Number { input } => number(&input),
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        // The reader went away (`fazhi-lens analyze … | head`): what it wanted was written.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("fazhi-lens: {e}");
            ExitCode::from(1)
        }
    }
}

/// Expands folders into their `.txt` and `.docx` files (sorted); keeps files and `-` as given.
fn expand(inputs: &[PathBuf]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for input in inputs {
        if input.is_dir() {
            let mut files = Vec::new();
            collect_txt(input, &mut files);
            files.sort();
            out.extend(files);
        } else {
            out.push(input.clone());
        }
    }
    out
}

fn collect_txt(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect_txt(&path, out);
        } else if path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("txt") || e.eq_ignore_ascii_case("docx"))
        {
            out.push(path);
        }
    }
}

/// Reads and decodes one input; returns its text and the encoding it was read in.
fn read_input(path: &Path) -> Result<fazhi_lens::decode::Decoded, String> {
    let bytes = if path.as_os_str() == "-" {
        let mut buf = Vec::new();
        io::stdin()
            .read_to_end(&mut buf)
            .map_err(|e| format!("cannot read standard input: {e}"))?;
        buf
    } else {
        std::fs::read(path).map_err(|e| format!("cannot read: {e}"))?
    };
    decode(&bytes).map_err(|e| e.to_string())
}

fn display(path: &Path) -> String {
    if path.as_os_str() == "-" {
        "<stdin>".to_string()
    } else {
        path.display().to_string()
    }
}

/// A Report as the CLI prints it: with the input's file (when there are several) and the
/// encoding it was read in.
#[derive(serde::Serialize)]
struct Printed<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    file: Option<&'a str>,
    encoding: &'a str,
    #[serde(flatten)]
    report: &'a Report,
}

fn analyze(
    format: Format,
    options: Options,
    jobs: Option<usize>,
    timings: bool,
    lexicon: Option<&Path>,
    inputs: &[PathBuf],
) -> io::Result<bool> {
    let unit = options.offsets;
    let mut analyzer = make_analyzer(options, lexicon)?;
    if timings {
        let start = std::time::Instant::now();
        analyzer.set_clock(Box::new(move || start.elapsed().as_secs_f64() * 1000.0));
    }
    let files = expand(inputs);
    let several = files.len() > 1 || format == Format::Jsonl;
    let jobs = jobs
        .or_else(|| std::thread::available_parallelism().ok().map(usize::from))
        .unwrap_or(1)
        .clamp(1, files.len().max(1));
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    if format == Format::Csv {
        out.write_all(export::metrics_csv_header(unit).as_bytes())?;
    }
    // Each file is read, analysed and serialized by whichever worker is free (no chunk
    // boundaries, so one long report does not hold the others up); this thread writes the
    // outputs in input order. Workers stay at most WINDOW files ahead of the writer, so
    // memory stays bounded however many files there are.
    const WINDOW: usize = 64;
    let next = AtomicUsize::new(0);
    // How many outputs the writer has written; usize::MAX once it has given up (a write
    // error such as a closed pipe), which releases every waiting worker.
    let written = (Mutex::new(0usize), Condvar::new());
    let (tx, rx) = mpsc::channel::<(usize, Outcome)>();
    let mut ok = true;
    std::thread::scope(|scope| -> io::Result<()> {
        for _ in 0..jobs {
            let tx = tx.clone();
            let (next, written, files, analyzer) = (&next, &written, &files, &analyzer);
            scope.spawn(move || loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(path) = files.get(i) else { break };
                {
                    let (lock, wake) = written;
                    let mut done = lock.lock().unwrap_or_else(|e| e.into_inner());
                    while i >= done.saturating_add(WINDOW) {
                        done = wake.wait(done).unwrap_or_else(|e| e.into_inner());
                    }
                }
                if *written.0.lock().unwrap_or_else(|e| e.into_inner()) == usize::MAX {
                    break;
                }
                let outcome = process(path, analyzer, format, several);
                if tx.send((i, outcome)).is_err() {
                    break;
                }
            });
        }
        drop(tx);
        let mut pending: BTreeMap<usize, Outcome> = BTreeMap::new();
        let mut want = 0;
        let write = || -> io::Result<()> {
            for (i, outcome) in rx {
                pending.insert(i, outcome);
                while let Some((name, result)) = pending.remove(&want) {
                    match result {
                        Ok(bytes) => out.write_all(&bytes)?,
                        Err(e) => {
                            eprintln!("fazhi-lens: {name}: {e}");
                            ok = false;
                        }
                    }
                    want += 1;
                    let (lock, wake) = &written;
                    *lock.lock().unwrap_or_else(|e| e.into_inner()) = want;
                    wake.notify_all();
                }
            }
            Ok(())
        };
        let result = write();
        if result.is_err() {
            let (lock, wake) = &written;
            *lock.lock().unwrap_or_else(|e| e.into_inner()) = usize::MAX;
            wake.notify_all();
        }
        result
    })?;
    out.flush()?;
    Ok(ok)
}

/// One input's outcome: its name, and its output or why it failed.
type Outcome = (String, Result<Vec<u8>, String>);

/// Reads, analyses and serializes one input in the requested format.
fn process(path: &Path, analyzer: &Analyzer, format: Format, several: bool) -> Outcome {
    let name = display(path);
    let result = read_input(path).and_then(|decoded| {
        let report = analyzer.analyze(&decoded.text).map_err(|e| e.to_string())?;
        let mut bytes = Vec::new();
        match format {
            Format::Json | Format::Jsonl => {
                // Serialized straight to bytes, never through a JSON tree: a report of a
                // huge input would otherwise be built twice in memory.
                let printed = Printed {
                    file: several.then_some(name.as_str()),
                    encoding: decoded.encoding,
                    report: &report,
                };
                let written = if several {
                    serde_json::to_writer(&mut bytes, &printed)
                } else {
                    serde_json::to_writer_pretty(&mut bytes, &printed)
                };
                written.map_err(|e| e.to_string())?;
                bytes.push(b'\n');
            }
            Format::Csv => {
                let entry = ReportEntry {
                    file: name.clone(),
                    report,
                };
                bytes = export::metrics_csv_rows(&entry).into_bytes();
            }
            Format::Md => {
                let entry = ReportEntry {
                    file: name.clone(),
                    report,
                };
                bytes = export::outline_markdown(std::slice::from_ref(&entry)).into_bytes();
            }
        }
        Ok(bytes)
    });
    (name, result)
}

/// Reads `input` (decoded like every input) and writes one output line per input line.
fn per_line(input: &Path, mut line: impl FnMut(&str) -> io::Result<String>) -> io::Result<bool> {
    let text = match read_input(input) {
        Ok(d) => d.text,
        Err(e) => {
            eprintln!("fazhi-lens: {}: {e}", display(input));
            return Ok(false);
        }
    };
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    for l in text.lines() {
        writeln!(out, "{}", line(l)?)?;
    }
    out.flush()?;
    Ok(true)
}

/// An analyzer with the bundled dictionary or the one in `lexicon`.
fn make_analyzer(options: Options, lexicon: Option<&Path>) -> io::Result<Analyzer> {
    let analyzer = match lexicon {
        None => Analyzer::new(options),
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", path.display())))?;
            Analyzer::with_lexicon(options, Some(&text))
        }
    };
    analyzer.map_err(io::Error::other)
}

fn segment(hmm: bool, plain: bool, lexicon: Option<&Path>, input: &Path) -> io::Result<bool> {
    let options = Options {
        hmm,
        domain: !plain,
        ..Options::default()
    };
    let analyzer = make_analyzer(options, lexicon)?;
    per_line(input, |line| {
        let tokens = analyzer.segment(line).map_err(io::Error::other)?;
        Ok(tokens
            .iter()
            .map(|t| t.word.as_str())
            .collect::<Vec<_>>()
            .join("  "))
    })
}

fn kwic(word: &str, width: usize, inputs: &[PathBuf]) -> io::Result<bool> {
    let analyzer = Analyzer::new(Options::default()).map_err(io::Error::other)?;
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut ok = true;
    for path in expand(inputs) {
        let name = display(&path);
        let result = read_input(&path)
            .map(|d| d.text)
            .and_then(|text| analyzer.kwic(&text, word, width).map_err(|e| e.to_string()));
        match result {
            Ok(lines) => {
                for c in lines {
                    writeln!(
                        out,
                        "{name}:{}-{}\t{:>w$}【{}】{}",
                        c.start,
                        c.end,
                        c.left,
                        c.word,
                        c.right,
                        w = width
                    )?;
                }
            }
            Err(e) => {
                eprintln!("fazhi-lens: {name}: {e}");
                ok = false;
            }
        }
    }
    out.flush()?;
    Ok(ok)
}

fn number(input: &Path) -> io::Result<bool> {
    per_line(input, |line| {
        let value = fazhi_lens::parse_expression(line)
            .map(|p| serde_json::json!({ "value": p.value, "max": p.max, "percent": p.percent }));
        Ok(value.unwrap_or(serde_json::Value::Null).to_string())
    })
}
