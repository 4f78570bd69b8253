//! The batch: inputs parsed in parallel, written in input order, with memory
//! bounded by a few windows of results.

use crate::inputs::{self, Input};
use crate::output::{self, ErrorBody};
use crate::{read, Format, ParseArgs};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::collections::BTreeMap;
use std::io::{IsTerminal, Write};
use std::process::ExitCode;
use std::time::Instant;

/// Inputs handed to a worker at once.
const CHUNK: usize = 16;

/// Chunks per worker that may be in flight ahead of the one being written:
/// enough to keep every worker busy past a slow file, few enough that memory
/// does not grow with the batch.
const AHEAD_PER_JOB: usize = 8;

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

/// What has been written so far, for the summary.
#[derive(Default)]
struct Tally {
    files: usize,
    failures: usize,
    bytes: usize,
    kinds: BTreeMap<&'static str, usize>,
}

/// Writes outcomes in order and keeps the tally.
struct Sink {
    out: Box<dyn Write>,
    tally: Tally,
    progress: ProgressBar,
    write_error: Option<std::io::Error>,
}

impl Tally {
    fn add(&mut self, o: &Outcome) {
        self.files += 1;
        self.bytes += o.bytes;
        self.failures += usize::from(o.failed.is_some());
        for (k, n) in &o.kinds {
            *self.kinds.entry(k).or_insert(0) += n;
        }
    }

    fn merge(&mut self, other: Tally) {
        self.files += other.files;
        self.bytes += other.bytes;
        self.failures += other.failures;
        for (k, n) in other.kinds {
            *self.kinds.entry(k).or_insert(0) += n;
        }
    }
}

impl Sink {
    fn take(&mut self, o: &Outcome) {
        self.tally.add(o);
        if let Some(message) = &o.failed {
            self.report(message);
        }
        self.write(&o.rendered);
        self.progress.inc(1);
    }

    fn take_chunk(&mut self, done: ChunkDone) {
        self.write(&done.rendered);
        done.failures.iter().for_each(|m| self.report(m));
        self.progress.inc(done.tally.files as u64);
        self.tally.merge(done.tally);
    }

    fn report(&self, message: &str) {
        if self.progress.is_hidden() {
            eprintln!("{message}");
        } else {
            self.progress.println(message);
        }
    }

    /// Writes output bytes; after a failed write, nothing more is tried.
    fn write(&mut self, bytes: &[u8]) {
        if self.write_error.is_none() {
            if let Err(e) = self.out.write_all(bytes) {
                self.write_error = Some(e);
            }
        }
    }
}

/// A progress bar on standard error, hidden until `found_input` shows it.
fn progress_bar() -> ProgressBar {
    let bar = ProgressBar::with_draw_target(Some(0), ProgressDrawTarget::hidden());
    bar.set_style(
        ProgressStyle::with_template("{bar:40} {pos}/{len} files, {per_sec}, eta {eta}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    bar
}

/// Counts one more input. The bar is drawn only on a terminal, without
/// `--quiet`, and once the batch is known to be long.
fn found_input(bar: &ProgressBar, quiet_or_piped: bool) {
    bar.inc_length(1);
    if !quiet_or_piped && bar.is_hidden() && bar.length() == Some(PROGRESS_FROM as u64) {
        bar.set_draw_target(ProgressDrawTarget::stderr());
    }
}

/// Runs `factsheet parse`; the exit code is 0 when every input parsed, 1 when
/// some failed, 2 for a usage error.
pub(crate) fn run(args: &ParseArgs) -> ExitCode {
    let matcher = match inputs::matcher(&args.glob) {
        Ok(m) => m,
        Err(e) => {
            eprintln!("factsheet: {e}");
            return ExitCode::from(2);
        }
    };
    if args.format == Format::Json {
        let count = inputs::walk(&args.inputs, &matcher).take(2).count();
        if count != 1 {
            eprintln!(
                "factsheet: --format json prints one document, but {} inputs were given; use --format jsonl or csv",
                if count > 1 { "several" } else { "no" }
            );
            return ExitCode::from(2);
        }
    }
    let out: Box<dyn Write> = match &args.output {
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
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, std::num::NonZero::get))
        .max(1);
    let quiet_or_piped = args.quiet || !std::io::stderr().is_terminal();
    let mut sink = Sink {
        out,
        tally: Tally::default(),
        progress: progress_bar(),
        write_error: None,
    };
    if args.format == Format::Csv {
        sink.write(&output::csv_header());
    }

    let started = Instant::now();
    if jobs == 1 {
        // One job is one thread: walk, parse and write in turn.
        for input in inputs::walk(&args.inputs, &matcher) {
            found_input(&sink.progress, quiet_or_piped);
            sink.take(&parse_one(&input, args));
        }
    } else if let Err(e) = run_parallel(args, &matcher, jobs, &mut sink, quiet_or_piped) {
        eprintln!("factsheet: {e}");
        return ExitCode::from(2);
    }
    finish(args, sink, started)
}

/// A chunk's results: its outputs joined into one buffer (so a buffer
/// allocated by a worker is freed by the writer once per chunk, not once per
/// file), and each input's outcome for the tally.
struct ChunkDone {
    rendered: Vec<u8>,
    tally: Tally,
    failures: Vec<String>,
}

/// The parallel batch. This thread walks the inputs, hands them to `jobs`
/// workers in small chunks, and writes the results in input order, holding
/// early chunks until their turn. No barrier stands between chunks, so a slow
/// file idles no other worker; and at most `AHEAD_PER_JOB * jobs` chunks are
/// in flight, so memory is bounded whatever the batch's size. Chunks, not
/// single files, travel through the channels: a hand-off per file cost more in
/// wake-ups than the parse itself.
#[allow(clippy::unnecessary_wraps)] // one signature with the serial run's
fn run_parallel(
    args: &ParseArgs,
    matcher: &globset::GlobMatcher,
    jobs: usize,
    sink: &mut Sink,
    quiet_or_piped: bool,
) -> Result<(), String> {
    let ahead = jobs * AHEAD_PER_JOB;
    let (work_tx, work_rx) = std::sync::mpsc::channel::<(usize, Vec<Input>)>();
    let work_rx = std::sync::Mutex::new(work_rx);
    let (done_tx, done_rx) = std::sync::mpsc::channel::<(usize, ChunkDone)>();
    std::thread::scope(|scope| {
        for _ in 0..jobs {
            let (work_rx, done_tx) = (&work_rx, done_tx.clone());
            scope.spawn(move || loop {
                let next = work_rx.lock().map(|rx| rx.recv());
                let Ok(Ok((n, chunk))) = next else { break };
                // The chunk's tally is added up here, so the writing thread
                // does one merge per chunk, not one per file.
                let mut done = ChunkDone {
                    rendered: Vec::new(),
                    tally: Tally::default(),
                    failures: Vec::new(),
                };
                for input in &chunk {
                    let mut o = parse_one(input, args);
                    done.rendered.append(&mut o.rendered);
                    done.tally.add(&o);
                    done.failures.extend(o.failed);
                }
                if done_tx.send((n, done)).is_err() {
                    break;
                }
            });
        }
        drop(done_tx);
        let progress = sink.progress.clone();
        let mut walk =
            inputs::walk(&args.inputs, matcher).inspect(|_| found_input(&progress, quiet_or_piped));
        let (mut sent, mut written, mut walked_all) = (0usize, 0usize, false);
        let mut waiting: BTreeMap<usize, ChunkDone> = BTreeMap::new();
        loop {
            while !walked_all && sent - written < ahead {
                let chunk: Vec<Input> = walk.by_ref().take(CHUNK).collect();
                if chunk.is_empty() || work_tx.send((sent, chunk)).is_err() {
                    walked_all = true;
                } else {
                    sent += 1;
                }
            }
            if written == sent {
                break;
            }
            let Ok((n, done)) = done_rx.recv() else { break };
            waiting.insert(n, done);
            while let Some(done) = waiting.remove(&written) {
                sink.take_chunk(done);
                written += 1;
            }
        }
        drop(work_tx);
    });
    Ok(())
}

/// Flushes, reports, and gives the exit code.
fn finish(args: &ParseArgs, mut sink: Sink, started: Instant) -> ExitCode {
    if let Err(e) = sink.out.flush() {
        sink.write_error.get_or_insert(e);
    }
    sink.progress.finish_and_clear();
    if let Some(e) = sink.write_error {
        // A closed pipe (`| head`) is the reader's choice, not a failure to report loudly.
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            eprintln!("factsheet: writing output: {e}");
            return ExitCode::from(1);
        }
    }
    let t = sink.tally;
    if !args.quiet && t.files > 1 {
        let secs = started.elapsed().as_secs_f64();
        let mb = t.bytes as f64 / 1e6;
        let by_kind: Vec<String> = t.kinds.iter().map(|(k, n)| format!("{k} {n}")).collect();
        eprintln!(
            "factsheet: {} files, {} failed, {mb:.1} MB in {secs:.2} s ({:.1} MB/s); values: {}",
            t.files,
            t.failures,
            mb / secs.max(1e-9),
            if by_kind.is_empty() {
                "none".to_string()
            } else {
                by_kind.join(", ")
            }
        );
    }
    if t.failures > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
