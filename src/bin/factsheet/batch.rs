//! The batch: inputs parsed in parallel, written in input order, with memory
//! bounded by one window of results.

use crate::inputs::{self, Input};
use crate::output::{self, ErrorBody};
use crate::{read, Format, ParseArgs};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::io::{IsTerminal, Write};
use std::process::ExitCode;
use std::time::Instant;

/// Results per worker held at once: enough to keep every worker busy, few
/// enough that memory does not grow with the batch.
const WINDOW_PER_JOB: usize = 32;

/// A batch this long or longer gets a progress bar (on a terminal).
const PROGRESS_FROM: usize = 20;

/// What one input gave.
struct Outcome {
    rendered: Vec<u8>,
    failed: Option<String>,
    bytes: usize,
    kinds: BTreeMap<&'static str, usize>,
}

fn parse_one(input: &Input, args: &ParseArgs) -> Outcome {
    let (path, text) = match input {
        Input::Unreadable(path, message) => {
            let source = path.display().to_string();
            return failed(args.format, &source, message, None, None, 0);
        }
        Input::File(path) => (path, read::read(path, args.strict)),
    };
    let source = if path.as_os_str() == "-" {
        "-".to_string()
    } else {
        path.display().to_string()
    };
    let text = match text {
        Ok(t) => t,
        Err(e) => return failed(args.format, &source, &e.message, e.line, e.column, 0),
    };
    let bytes = text.text.len();
    match factsheet::parse(&text.text) {
        Ok(mut doc) => {
            if text.decoded_as_1252 {
                doc.warnings.insert(
                    0,
                    factsheet::Warning {
                        message: "input is not UTF-8; read as Windows-1252, so spans count bytes of the decoded UTF-8 text"
                            .into(),
                        span: factsheet::Span::new(0, 0),
                    },
                );
            }
            let mut kinds = BTreeMap::new();
            for v in &doc.values {
                *kinds.entry(v.kind_name()).or_insert(0) += 1;
            }
            match output::document(args.format, &source, &doc) {
                Ok(rendered) => Outcome {
                    rendered,
                    failed: None,
                    bytes,
                    kinds,
                },
                Err(e) => failed(args.format, &source, &e, None, None, bytes),
            }
        }
        Err(e) => {
            let shown = if args.format == Format::Json {
                e.render(&text.text)
            } else {
                e.to_string()
            };
            let pos = e.position();
            let mut outcome = failed(
                args.format,
                &source,
                &e.to_string(),
                Some(pos.line),
                Some(pos.column),
                bytes,
            );
            outcome.failed = Some(format!("{source}: {shown}"));
            outcome
        }
    }
}

fn failed(
    format: Format,
    source: &str,
    message: &str,
    line: Option<usize>,
    column: Option<usize>,
    bytes: usize,
) -> Outcome {
    let rendered = output::failure(
        format,
        source,
        ErrorBody {
            message,
            line,
            column,
        },
    );
    let shown = match (line, column) {
        (Some(l), Some(c)) => format!("{source}: line {l}, column {c}: {message}"),
        _ => format!("{source}: {message}"),
    };
    Outcome {
        rendered,
        failed: Some(shown),
        bytes,
        kinds: BTreeMap::new(),
    }
}

/// Runs `factsheet parse`; the exit code is 0 when every input parsed, 1 when
/// some failed, 2 for a usage error.
pub(crate) fn run(args: &ParseArgs) -> ExitCode {
    let inputs = match inputs::expand(&args.inputs, &args.glob) {
        Ok(i) => i,
        Err(e) => {
            eprintln!("factsheet: {e}");
            return ExitCode::from(2);
        }
    };
    if args.format == Format::Json && inputs.len() != 1 {
        eprintln!(
            "factsheet: --format json prints one document, but {} inputs were given; use --format jsonl or csv",
            inputs.len()
        );
        return ExitCode::from(2);
    }
    let mut out: Box<dyn Write> = match &args.output {
        Some(path) => match std::fs::File::create(path) {
            Ok(f) => Box::new(std::io::BufWriter::new(f)),
            Err(e) => {
                eprintln!("factsheet: {}: {e}", path.display());
                return ExitCode::from(2);
            }
        },
        None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
    };
    let jobs = args
        .jobs
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
        .max(1);
    let pool = match rayon::ThreadPoolBuilder::new().num_threads(jobs).build() {
        Ok(p) => p,
        Err(e) => {
            eprintln!("factsheet: {e}");
            return ExitCode::from(2);
        }
    };
    let progress = (!args.quiet
        && inputs.len() >= PROGRESS_FROM
        && std::io::stderr().is_terminal())
    .then(|| {
        let bar = ProgressBar::new(inputs.len() as u64);
        bar.set_style(
            ProgressStyle::with_template("{bar:40} {pos}/{len} files, {per_sec}, eta {eta}")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        bar
    });

    let started = Instant::now();
    let (mut files, mut failures, mut bytes) = (0usize, 0usize, 0usize);
    let mut kinds: BTreeMap<&'static str, usize> = BTreeMap::new();
    let mut write_error = None;
    if args.format == Format::Csv {
        if let Err(e) = out.write_all(&output::csv_header()) {
            write_error = Some(e);
        }
    }
    for window in inputs.chunks(jobs * WINDOW_PER_JOB) {
        let outcomes: Vec<Outcome> =
            pool.install(|| window.par_iter().map(|i| parse_one(i, args)).collect());
        for o in outcomes {
            files += 1;
            bytes += o.bytes;
            for (k, n) in o.kinds {
                *kinds.entry(k).or_insert(0) += n;
            }
            if let Some(message) = o.failed {
                failures += 1;
                match &progress {
                    Some(bar) => bar.println(message),
                    None => eprintln!("{message}"),
                }
            }
            if write_error.is_none() {
                if let Err(e) = out.write_all(&o.rendered) {
                    write_error = Some(e);
                }
            }
        }
        if let Some(bar) = &progress {
            bar.inc(window.len() as u64);
        }
    }
    if let Err(e) = out.flush() {
        write_error.get_or_insert(e);
    }
    if let Some(bar) = progress {
        bar.finish_and_clear();
    }
    if let Some(e) = write_error {
        // A closed pipe (`| head`) is the reader's choice, not a failure to report loudly.
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            eprintln!("factsheet: writing output: {e}");
            return ExitCode::from(1);
        }
    }
    if !args.quiet && inputs.len() > 1 {
        let secs = started.elapsed().as_secs_f64();
        let mb = bytes as f64 / 1e6;
        let by_kind: Vec<String> = kinds.iter().map(|(k, n)| format!("{k} {n}")).collect();
        eprintln!(
            "factsheet: {files} files, {failures} failed, {mb:.1} MB in {secs:.2} s ({:.1} MB/s); values: {}",
            mb / secs.max(1e-9),
            if by_kind.is_empty() { "none".to_string() } else { by_kind.join(", ") }
        );
    }
    if failures > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
