//! The command line as users and scripts see it: formats, offsets, encodings, and the
//! exit codes of SPEC (0 ok, 1 some inputs failed, each named on stderr, 2 usage).
#![cfg(not(target_arch = "wasm32"))]

use std::io::Write;
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_fazhi-lens");
const SEED: &str = "tests/fixtures/000_5df1c9718f90d00c.txt";

fn run(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    if let Some(input) = stdin {
        // A child may exit before it reads its input (a missing lexicon file, a usage
        // error): the write then fails with a broken pipe. That is not a test failure;
        // the exit status and stderr are what the tests assert.
        let written = child.stdin.take().expect("stdin is piped").write_all(input);
        if let Err(e) = written {
            assert_eq!(
                e.kind(),
                std::io::ErrorKind::BrokenPipe,
                "writing stdin: {e}"
            );
        }
    }
    drop(child.stdin.take());
    child
        .wait_with_output()
        .expect("the child's output can be read")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("UTF-8 output")
}

#[test]
fn analyze_one_file_prints_a_report_whose_spans_slice_the_input() {
    let out = run(
        &["analyze", "--format", "json", "--offsets", "char", SEED],
        None,
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("one JSON object");
    let text: Vec<char> = std::fs::read_to_string(SEED).unwrap().chars().collect();
    let metrics = report["metrics"].as_array().unwrap();
    assert!(!metrics.is_empty());
    for m in metrics {
        let (s, e) = (
            m["start"].as_u64().unwrap() as usize,
            m["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(
            text[s..e].iter().collect::<String>(),
            m["raw"].as_str().unwrap()
        );
    }
    assert_eq!(report["offsets"], "char");
}

#[test]
fn several_files_give_json_lines_and_failures_are_named_with_exit_1() {
    let out = run(
        &[
            "analyze",
            SEED,
            "tests/fixtures/does-not-exist.txt",
            "tests/fixtures/003_2c9c4544be17b5e5.txt",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("does-not-exist.txt"), "{err}");
    let lines: Vec<serde_json::Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2, "the two readable files are still analysed");
    assert_eq!(lines[0]["file"], SEED);
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(
        run(&["analyze", "--format", "yaml", SEED], None)
            .status
            .code(),
        Some(2)
    );
    assert_eq!(run(&["frobnicate"], None).status.code(), Some(2));
}

#[test]
fn utf16_offsets_count_code_units() {
    let text = "😀报告\n一、主要举措\n受理行政复议申请16件。";
    let out = run(
        &["analyze", "--offsets", "utf16", "-"],
        Some(text.as_bytes()),
    );
    let report: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let m = &report["metrics"][0];
    let units: Vec<u16> = text.encode_utf16().collect();
    let (s, e) = (
        m["start"].as_u64().unwrap() as usize,
        m["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(String::from_utf16(&units[s..e]).unwrap(), "16件");
}

#[test]
fn gbk_and_utf16_files_are_decoded() {
    let text = "一、主要举措\n受理行政复议申请16件。";
    let (gbk, _, _) = encoding_rs::GBK.encode(text);
    let out = run(&["analyze", "-"], Some(&gbk));
    assert_eq!(out.status.code(), Some(0));
    let report: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(report["metrics"][0]["raw"], "16件");
    assert_eq!(
        report["encoding"], "GBK",
        "the detected encoding is reported"
    );
    let mut utf16 = vec![0xFE, 0xFF];
    utf16.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    let out = run(&["analyze", "-"], Some(&utf16));
    let report: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(report["outline"][0]["title"], "主要举措");
    assert_eq!(report["encoding"], "UTF-16BE");
}

#[test]
fn binary_and_empty_inputs_fail_with_a_reason() {
    let out = run(&["analyze", "-"], Some(b"%PDF-1.4 binary"));
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("PDF"));
    let out = run(&["analyze", "-"], Some(b"  \n "));
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("empty"));
}

#[test]
fn segment_prints_one_line_per_input_line_in_sighan_format() {
    let input = "受理行政复议申请16件。\n\n推行双随机、一公开监管\n";
    let out = run(&["segment", "-"], Some(input.as_bytes()));
    assert_eq!(out.status.code(), Some(0));
    let lines: Vec<String> = stdout(&out).lines().map(str::to_string).collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0].replace("  ", ""), "受理行政复议申请16件。");
    assert!(
        lines[0]
            .split("  ")
            .any(|w| w == "行政复议申请" || w == "行政复议"),
        "{}",
        lines[0]
    );
    assert!(lines[0].split("  ").any(|w| w == "16件"));
    assert_eq!(lines[1], "");
    assert!(lines[2].split("  ").any(|w| w == "双随机、一公开"));
}

#[test]
fn csv_has_a_bom_a_header_and_one_row_per_metric() {
    let out = run(&["analyze", "--format", "csv", SEED], None);
    let csv = stdout(&out);
    assert!(
        csv.starts_with('\u{FEFF}'),
        "Excel needs the BOM to read Chinese"
    );
    let json = run(&["analyze", SEED], None);
    let report: serde_json::Value = serde_json::from_str(&stdout(&json)).unwrap();
    let rows = csv.lines().count() - 1;
    assert_eq!(rows, report["metrics"].as_array().unwrap().len());
    assert!(csv.lines().next().unwrap().contains("subject"));
    assert!(
        csv.lines()
            .next()
            .unwrap()
            .ends_with(",start_char,end_char"),
        "the header names the offset unit"
    );
    let utf16 = stdout(&run(
        &["analyze", "--format", "csv", "--offsets", "utf16", SEED],
        None,
    ));
    assert!(utf16
        .lines()
        .next()
        .unwrap()
        .ends_with(",start_utf16,end_utf16"));
}

#[test]
fn kwic_marks_every_occurrence() {
    let out = run(
        &[
            "kwic",
            "行政复议",
            "tests/fixtures/001_446f1514762c12b7.txt",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(0));
    let text = std::fs::read_to_string("tests/fixtures/001_446f1514762c12b7.txt").unwrap();
    let expected = text.matches("行政复议").count();
    assert_eq!(
        stdout(&out)
            .lines()
            .filter(|l| l.contains("【行政复议】"))
            .count(),
        expected
    );
}

#[test]
fn number_parses_one_expression_per_line() {
    let out = run(
        &["number", "-"],
        Some("3.5万\n百分之九十五\n两到三万\n十三五规划\n".as_bytes()),
    );
    assert_eq!(out.status.code(), Some(0));
    let lines: Vec<serde_json::Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines[0]["value"], 35000.0);
    assert_eq!(lines[1]["percent"], 95.0);
    assert_eq!(
        (lines[2]["value"].as_f64(), lines[2]["max"].as_f64()),
        (Some(20000.0), Some(30000.0))
    );
    assert!(lines[3].is_null(), "十三五规划 is a slogan, not a number");
}

#[test]
fn a_lexicon_file_replaces_the_bundled_dictionary() {
    let dir = std::env::temp_dir().join(format!("fazhi-lens-cli-lexicon-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let lexicon = dir.join("lexicon.txt");
    // One made-up word; without it the bundled dictionary cuts the phrase apart.
    std::fs::write(&lexicon, "# a test dictionary\n透镜报告法 100000 9.0\n").unwrap();
    let line = "透镜报告法\n".as_bytes();
    let bundled = stdout(&run(&["segment", "-"], Some(line)));
    assert_ne!(
        bundled.trim(),
        "透镜报告法",
        "the bundled dictionary has no such word"
    );
    let own = run(
        &["segment", "--lexicon", lexicon.to_str().unwrap(), "-"],
        Some(line),
    );
    assert_eq!(stdout(&own).trim(), "透镜报告法");
    let missing = run(
        &["segment", "--lexicon", "no/such/lexicon.txt", "-"],
        Some(line),
    );
    assert_ne!(missing.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("no/such/lexicon.txt"));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn max_bytes_refuses_larger_inputs_and_timings_are_reported() {
    let small = run(&["analyze", "--max-bytes", "100", SEED], None);
    assert_eq!(small.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&small.stderr).contains("100"),
        "the limit is named: {}",
        String::from_utf8_lossy(&small.stderr)
    );
    let timed = run(&["analyze", "--timings", SEED], None);
    let report: serde_json::Value = serde_json::from_str(&stdout(&timed)).unwrap();
    let timings = report["stats"]["timings"]
        .as_object()
        .expect("stats.timings");
    for stage in [
        "normalize",
        "clean",
        "outline",
        "segment",
        "metrics",
        "checks",
    ] {
        assert!(
            timings[stage].as_f64().is_some_and(|ms| ms >= 0.0),
            "{stage} in {timings:?}"
        );
    }
    let untimed = run(&["analyze", SEED], None);
    let report: serde_json::Value = serde_json::from_str(&stdout(&untimed)).unwrap();
    assert!(report["stats"]["timings"].is_null());
}

#[test]
fn a_child_that_exits_before_reading_its_input_is_judged_by_its_exit_status() {
    // Regression: the harness unwrapped the write to the child's stdin, and a CLI that
    // had already exited on a missing lexicon made it panic with BrokenPipe under load.
    // An input larger than any pipe buffer makes that write fail every time.
    let input = "受理行政复议申请16件。\n".repeat(100_000);
    let out = run(
        &["segment", "--lexicon", "no/such/lexicon.txt", "-"],
        Some(input.as_bytes()),
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no/such/lexicon.txt"));
}

#[test]
fn many_files_with_several_workers_come_out_in_input_order_like_one_worker() {
    // More files than the writer's window, one of them missing: every worker count gives
    // the same output, in the order the files were named, and the failure is named.
    let mut args = vec!["analyze", "--format", "jsonl"];
    let seeds = [
        SEED,
        "tests/fixtures/001_446f1514762c12b7.txt",
        "tests/fixtures/002_b4867092e177dc67.txt",
        "tests/fixtures/003_2c9c4544be17b5e5.txt",
        "tests/fixtures/004_225241193e25156f.txt",
    ];
    for i in 0..80 {
        args.push(seeds[i % seeds.len()]);
        if i == 41 {
            args.push("tests/fixtures/missing.txt");
        }
    }
    let with = |jobs: &'static str| {
        let mut a = args.clone();
        a.splice(1..1, ["--jobs", jobs]);
        run(&a, None)
    };
    let one = with("1");
    let three = with("3");
    assert_eq!(one.status.code(), Some(1));
    assert_eq!(three.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&three.stderr).contains("missing.txt"));
    assert_eq!(stdout(&one), stdout(&three));
    let files: Vec<String> = stdout(&three)
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["file"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(files.len(), 80);
    for (i, f) in files.iter().enumerate() {
        assert_eq!(f, seeds[i % seeds.len()]);
    }
}

#[test]
fn a_closed_output_pipe_ends_the_run_quietly() {
    // `fazhi-lens analyze … | head`: the reader goes away; no worker may hang waiting for
    // the writer, and nothing is reported as an error.
    let mut child = Command::new(BIN)
        .args(["analyze", "--format", "jsonl", "--jobs", "2"])
        .args(std::iter::repeat_n(SEED, 300))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut first = [0u8; 64];
    use std::io::Read;
    child
        .stdout
        .take()
        .expect("stdout is piped")
        .read_exact(&mut first)
        .expect("some output");
    // stdout is dropped here: the pipe is closed with most of the output unread.
    let out = child.wait_with_output().expect("the child ends");
    assert_eq!(out.status.code(), Some(0));
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
