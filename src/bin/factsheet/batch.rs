//! The batch: inputs parsed in parallel, written in input order, with memory
//! bounded by the bytes in flight (see `flight`).

use crate::flight;
use crate::inputs::{self, Input};
use crate::output::{self, ErrorBody};
use crate::{read, Format, ParseArgs, Rows};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::collections::BTreeMap;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Instant;

/// Inputs handed to a worker at once, at most.
const CHUNK: usize = 16;

/// Input bytes at which a chunk closes before it holds `CHUNK` inputs: a
/// folder of large files is spread over the workers, not parsed by one.
const CHUNK_BYTES: u64 = 256 << 10;

/// Chunks per worker that may be in flight ahead of the one being written:
/// enough to keep every worker busy past a slow file, few enough that memory
/// does not grow with the batch.
const AHEAD_PER_JOB: usize = 8;

/// A batch this long or longer gets a progress bar (on a terminal).
const PROGRESS_FROM: usize = 20;

/// What one input gave (its output is written as it is rendered).
struct Outcome {
    failed: Option<String>,
    bytes: usize,
    kinds: BTreeMap<&'static str, usize>,
    /// The document's warnings, by their code.
    warnings: BTreeMap<&'static str, usize>,
}

/// Parses one input and writes its output (or its failure line) to `out`.
fn parse_one(input: &Input, args: &ParseArgs, out: &mut dyn Write) -> Outcome {
    let (path, text) = match input {
        Input::Unreadable(path, message) => {
            let source = source_name(path);
            return failed(out, args.format, &source, message, None, None, 0);
        }
        Input::File(path) => (path, read::read(path, args.batch.strict)),
    };
    let source = source_name(path);
    let read::Text {
        text,
        warnings: decoding,
        ..
    } = match text {
        Ok(t) => t,
        Err(e) => return failed(out, args.format, &source, &e.message, e.line, e.column, 0),
    };
    let bytes = text.len();
    // The passages' texts are not copied: the output reads them from the
    // input (`with_source`), which is held until the output is written, so
    // that a large file is in memory once, not twice.
    let options = {
        let mut o = factsheet::Options::default();
        o.passage_text = false;
        o
    };
    match factsheet::parse_with(&text, &options) {
        Ok(mut doc) => {
            // What the decoding noticed comes first; spans count bytes of the
            // decoded UTF-8 text.
            doc.warnings.splice(0..0, decoding);
            let mut kinds = BTreeMap::new();
            for v in &doc.values {
                *kinds.entry(v.kind_name()).or_insert(0) += 1;
            }
            let mut warnings = BTreeMap::new();
            for w in &doc.warnings {
                *warnings.entry(w.kind.code()).or_insert(0) += 1;
            }
            // Without passage texts, the document is written as parsed.
            let src = (!args.no_passage_text).then_some(text.as_str());
            let rendered = match args.rows {
                Rows::Facts(kind) => output::facts(out, args.format, kind, &source, &doc),
                Rows::Documents => output::document(out, args.format, &source, &doc, src),
            };
            match rendered {
                Ok(()) => Outcome {
                    failed: None,
                    bytes,
                    kinds,
                    warnings,
                },
                Err(e) => failed(out, args.format, &source, &e, None, None, bytes),
            }
        }
        Err(e) => {
            let shown = if args.format == Format::Json {
                e.render(&text)
            } else {
                e.to_string()
            };
            let pos = e.position();
            let mut outcome = failed(
                out,
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

/// The path as the output names it: as written when it is UTF-8; else each
/// byte that is not, escaped as `\xNN`, so that two such names never print
/// the same (a lossy name would turn both into "�").
fn source_name(path: &Path) -> String {
    if let Some(s) = path.to_str() {
        return s.to_string();
    }
    #[cfg(unix)]
    {
        use std::fmt::Write as _;
        use std::os::unix::ffi::OsStrExt;
        let bytes = path.as_os_str().as_bytes();
        let mut out = String::new();
        let mut rest = bytes;
        while !rest.is_empty() {
            match std::str::from_utf8(rest) {
                Ok(s) => {
                    out.push_str(s);
                    break;
                }
                Err(e) => {
                    let (ok, bad) = rest.split_at(e.valid_up_to());
                    out.push_str(std::str::from_utf8(ok).unwrap_or_default());
                    let n = e.error_len().unwrap_or(bad.len()).max(1);
                    for b in &bad[..n] {
                        let _ = write!(out, "\\x{b:02X}");
                    }
                    rest = &bad[n..];
                }
            }
        }
        out
    }
    #[cfg(not(unix))]
    {
        path.to_string_lossy().into_owned()
    }
}

/// A failed input: its failure line written to `out` (in JSON Lines), and
/// its outcome.
fn failed(
    out: &mut dyn Write,
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
    // A write that fails is the sink's to note (see `Sink::write`); there is
    // nowhere else to say it.
    let _ = out.write_all(&rendered);
    Outcome {
        failed: Some(shown),
        bytes,
        kinds: BTreeMap::new(),
        warnings: BTreeMap::new(),
    }
}

/// What has been written so far, for the summary.
#[derive(Default)]
struct Tally {
    files: usize,
    failures: usize,
    /// Documents with at least one warning, and the warnings by code.
    warned: usize,
    warnings: BTreeMap<&'static str, usize>,
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
        self.warned += usize::from(!o.warnings.is_empty());
        for (k, n) in &o.warnings {
            *self.warnings.entry(k).or_insert(0) += n;
        }
        for (k, n) in &o.kinds {
            *self.kinds.entry(k).or_insert(0) += n;
        }
    }

    fn merge(&mut self, other: Tally) {
        self.files += other.files;
        self.bytes += other.bytes;
        self.failures += other.failures;
        self.warned += other.warned;
        for (k, n) in other.warnings {
            *self.warnings.entry(k).or_insert(0) += n;
        }
        for (k, n) in other.kinds {
            *self.kinds.entry(k).or_insert(0) += n;
        }
    }
}

impl Sink {
    /// Tallies an outcome whose output is already written.
    fn take(&mut self, o: &Outcome) {
        self.tally.add(o);
        if let Some(message) = &o.failed {
            self.report(message);
        }
        self.progress.inc(1);
    }

    fn take_chunk(&mut self, done: ChunkDone) {
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

/// One job renders each document straight into the output: no buffer of a
/// document's output is held. A failed write is kept for the summary and
/// the rest of the document goes nowhere (the batch stops after it).
impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        Sink::write(self, buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// A progress line on standard error, hidden until `found_input` shows it.
/// The walk runs alongside the work, so the total is not known while it
/// runs: the line counts files done and their rate, and claims no ETA.
fn progress_bar() -> ProgressBar {
    let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden());
    bar.set_style(
        ProgressStyle::with_template("{spinner} {pos} files done, {per_sec}, {elapsed} elapsed")
            .unwrap_or_else(|_| ProgressStyle::default_spinner()),
    );
    bar
}

/// Counts one more input. The line is drawn only on a terminal, without
/// `--quiet`, and once the batch is known to be long.
fn found_input(bar: &ProgressBar, found: &std::sync::atomic::AtomicUsize, quiet_or_piped: bool) {
    let n = found.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
    if !quiet_or_piped && bar.is_hidden() && n == PROGRESS_FROM {
        bar.set_draw_target(ProgressDrawTarget::stderr());
    }
}

/// Set by Ctrl-C: the batch stops taking inputs, writes what is done, and
/// ends on a whole record.
static INTERRUPTED: AtomicBool = AtomicBool::new(false);

fn interrupted() -> bool {
    INTERRUPTED.load(Ordering::Relaxed)
}

/// Where the output goes: standard output, or a file written under a
/// temporary name beside it and renamed over it only once complete, so an
/// interrupted or failed run never leaves half a file under the real name.
struct Destination {
    target: Option<PathBuf>,
    partial: Option<PathBuf>,
}

impl Destination {
    fn new(output: Option<&Path>) -> Result<Self, String> {
        let Some(path) = output else {
            return Ok(Destination {
                target: None,
                partial: None,
            });
        };
        let target = inputs::real_path_to_be(path)
            .ok_or_else(|| format!("{}: the output's folder does not exist", path.display()))?;
        let name = target
            .file_name()
            .map_or_else(Default::default, |n| n.to_string_lossy().into_owned());
        let partial = target.with_file_name(format!(".{name}.factsheet-partial"));
        Ok(Destination {
            target: Some(target),
            partial: Some(partial),
        })
    }

    /// The files written, which the walk leaves out.
    fn files(&self) -> Vec<PathBuf> {
        self.target.iter().chain(&self.partial).cloned().collect()
    }

    fn open(&self) -> Result<Box<dyn Write + Send>, String> {
        match &self.partial {
            Some(p) => std::fs::File::create(p)
                .map(|f| {
                    Box::new(std::io::BufWriter::with_capacity(1 << 16, f)) as Box<dyn Write + Send>
                })
                .map_err(|e| format!("{}: {e}", p.display())),
            None => Ok(Box::new(std::io::BufWriter::with_capacity(
                1 << 16,
                std::io::stdout(),
            ))),
        }
    }

    /// Puts the complete output in its place (a failed or interrupted run
    /// never gets here, and leaves the temporary file, the target untouched).
    fn close(&self) -> Result<(), String> {
        let (Some(partial), Some(target)) = (&self.partial, &self.target) else {
            return Ok(());
        };
        std::fs::rename(partial, target).map_err(|e| format!("{}: {e}", target.display()))
    }
}

/// Refuses an output that is one of the inputs named on the command line.
fn output_onto_an_input(args: &ParseArgs, dest: &Destination) -> Option<String> {
    let target = dest.target.as_ref()?;
    args.batch
        .inputs
        .iter()
        .filter(|p| p.as_os_str() != "-")
        .find(|p| std::fs::canonicalize(p).is_ok_and(|real| real == *target))
        .map(|p| {
            format!(
                "refusing to write the output onto the input {}",
                p.display()
            )
        })
}

/// Runs `factsheet parse`; the exit code is 0 when every input parsed, 1 when
/// some failed, 2 for a usage error, 130 when interrupted.
pub(crate) fn run(args: &ParseArgs) -> ExitCode {
    let usage = |e: String| {
        eprintln!("factsheet: {e}");
        ExitCode::from(2)
    };
    let matcher = match inputs::matcher(&args.batch.glob) {
        Ok(m) => m,
        Err(e) => return usage(e),
    };
    #[cfg(feature = "parquet")]
    if args.format == Format::Parquet && args.batch.output.is_none() {
        return usage("--format parquet writes a file: give --output FILE".into());
    }
    let dest = match Destination::new(args.batch.output.as_deref()) {
        Ok(d) => d,
        Err(e) => return usage(e),
    };
    if let Some(e) = output_onto_an_input(args, &dest) {
        return usage(e);
    }
    let written = dest.files();
    let count = inputs::walk(&args.batch.inputs, &matcher, &written)
        .take(2)
        .count();
    if count == 0 {
        return usage(format!(
            "no input found: the folders given hold no file matching --glob {:?}",
            args.batch.glob
        ));
    }
    if args.format == Format::Json && count > 1 {
        return usage(
            "--format json prints one document, but several inputs were given; use --format jsonl or csv"
                .into(),
        );
    }
    let out: Box<dyn Write> = match dest.open() {
        #[cfg(feature = "parquet")]
        Ok(out) if args.format == Format::Parquet => {
            Box::new(crate::parquet::ParquetTable::new(out))
        }
        Ok(out) => out,
        Err(e) => return usage(e),
    };
    // Ctrl-C ends the batch at the next whole record; a second one, at once.
    let _ = ctrlc::set_handler(|| {
        if INTERRUPTED.swap(true, Ordering::Relaxed) {
            std::process::exit(130);
        }
    });
    let jobs = args.batch.jobs.map_or_else(
        || std::thread::available_parallelism().map_or(1, std::num::NonZero::get),
        usize::from,
    );
    let quiet_or_piped = args.batch.quiet || !std::io::stderr().is_terminal();
    let mut sink = Sink {
        out,
        tally: Tally::default(),
        progress: progress_bar(),
        write_error: None,
    };
    match (args.format.is_tabular(), args.rows) {
        (true, Rows::Documents) => sink.write(&output::csv_header()),
        (true, Rows::Facts(kind)) => {
            sink.write(&output::facts_csv_header(
                kind.unwrap_or(factsheet::FactKind::Series),
            ));
        }
        _ => {}
    }

    let started = Instant::now();
    let found = AtomicUsize::new(0);
    if jobs == 1 {
        // One job is one thread: walk, parse and write in turn.
        for input in inputs::walk(&args.batch.inputs, &matcher, &written) {
            if interrupted() || sink.write_error.is_some() {
                break;
            }
            found_input(&sink.progress, &found, quiet_or_piped);
            let outcome = parse_one(&input, args, &mut sink);
            sink.take(&outcome);
        }
    } else {
        run_parallel(
            args,
            &matcher,
            &written,
            jobs,
            &mut sink,
            &found,
            quiet_or_piped,
        );
    }
    finish(args, sink, &dest, started)
}

/// A chunk's summary, sent down its pipe after its output: each input's
/// outcome for the tally.
struct ChunkDone {
    tally: Tally,
    failures: Vec<String>,
}

/// The next chunk of the walk: up to `CHUNK` inputs, fewer when they reach
/// `CHUNK_BYTES`, so that large files are spread over the workers; with
/// its input bytes (a file whose size cannot be read counts as a full
/// budget, parsed alone).
fn next_chunk(walk: &mut impl Iterator<Item = Input>) -> (Vec<Input>, u64) {
    let (mut chunk, mut bytes) = (Vec::new(), 0u64);
    while chunk.len() < CHUNK && bytes < CHUNK_BYTES {
        let Some(input) = walk.next() else { break };
        bytes += match &input {
            Input::File(path) => {
                std::fs::metadata(path).map_or(flight::BYTES_IN_FLIGHT, |m| m.len())
            }
            Input::Unreadable(..) => 0,
        };
        chunk.push(input);
    }
    (chunk, bytes)
}

/// The parallel batch. This thread walks the inputs, hands them to `jobs`
/// workers in small chunks, and writes the results in input order, each
/// chunk's output read from its pipe in its turn. No barrier stands between
/// chunks, so a slow file idles no other worker; at most `AHEAD_PER_JOB *
/// jobs` chunks are in flight, their output waits in bounded pipes, and
/// chunks are parsed only while their inputs fit `flight::BYTES_IN_FLIGHT`:
/// memory is bounded by the bytes in flight, whatever the batch's size or
/// its files' (see `flight`). Chunks, not single files, travel through the
/// channels: a hand-off per file cost more in wake-ups than the parse itself.
fn run_parallel(
    args: &ParseArgs,
    matcher: &globset::GlobMatcher,
    written: &[PathBuf],
    jobs: usize,
    sink: &mut Sink,
    found: &AtomicUsize,
    quiet_or_piped: bool,
) {
    type Pipe = std::sync::mpsc::Receiver<flight::Piece<ChunkDone>>;
    let ahead = jobs * AHEAD_PER_JOB;
    let (work_tx, work_rx) = std::sync::mpsc::channel::<(usize, Vec<Input>, u64)>();
    let work_rx = std::sync::Mutex::new(work_rx);
    let (pipe_tx, pipe_rx) = std::sync::mpsc::channel::<(usize, Pipe)>();
    let admission = flight::Admission::default();
    std::thread::scope(|scope| {
        for _ in 0..jobs {
            let (work_rx, pipe_tx, admission) = (&work_rx, pipe_tx.clone(), &admission);
            scope.spawn(move || loop {
                let next = work_rx.lock().map(|rx| rx.recv());
                let Ok(Ok((n, chunk, bytes))) = next else {
                    break;
                };
                let (mut out, pipe) = flight::pipe();
                if pipe_tx.send((n, pipe)).is_err() {
                    break;
                }
                admission.admit(n, bytes);
                // The chunk's tally is added up here, so the writing thread
                // does one merge per chunk, not one per file.
                let mut done = ChunkDone {
                    tally: Tally::default(),
                    failures: Vec::new(),
                };
                for input in &chunk {
                    let o = parse_one(input, args, &mut out);
                    done.tally.add(&o);
                    done.failures.extend(o.failed);
                }
                admission.release(bytes);
                out.finish(done);
            });
        }
        drop(pipe_tx);
        let progress = sink.progress.clone();
        let mut walk = inputs::walk(&args.batch.inputs, matcher, written)
            .inspect(|_| found_input(&progress, found, quiet_or_piped));
        let (mut sent, mut written, mut walked_all) = (0usize, 0usize, false);
        let mut waiting: BTreeMap<usize, Pipe> = BTreeMap::new();
        loop {
            // A closed pipe or Ctrl-C: no more inputs; what is in flight is
            // still written (or dropped, when nothing can be written).
            if interrupted() || sink.write_error.is_some() {
                walked_all = true;
            }
            while !walked_all && sent - written < ahead {
                let (chunk, bytes) = next_chunk(&mut walk);
                if chunk.is_empty() || work_tx.send((sent, chunk, bytes)).is_err() {
                    walked_all = true;
                } else {
                    sent += 1;
                }
            }
            if written == sent {
                break;
            }
            let Ok((n, pipe)) = pipe_rx.recv() else { break };
            waiting.insert(n, pipe);
            while let Some(pipe) = waiting.remove(&written) {
                for piece in pipe {
                    match piece {
                        flight::Piece::Bytes(block) => sink.write(&block),
                        flight::Piece::Done(done) => sink.take_chunk(done),
                    }
                }
                written += 1;
            }
        }
        drop(work_tx);
    });
}

/// Flushes, puts the output in place, reports, and gives the exit code.
fn finish(args: &ParseArgs, mut sink: Sink, dest: &Destination, started: Instant) -> ExitCode {
    if let Err(e) = sink.out.flush() {
        sink.write_error.get_or_insert(e);
    }
    drop(sink.out);
    sink.progress.finish_and_clear();
    let broken_pipe = sink
        .write_error
        .as_ref()
        .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe);
    if let Some(e) = &sink.write_error {
        // A closed pipe (`| head`) is the reader's choice: stop quietly.
        if broken_pipe {
            return ExitCode::SUCCESS;
        }
        eprintln!("factsheet: writing output: {e}");
        return ExitCode::from(1);
    }
    if interrupted() {
        if let Some(p) = &dest.partial {
            eprintln!(
                "factsheet: interrupted; what was done is in {} (the output was not replaced)",
                p.display()
            );
        } else {
            eprintln!("factsheet: interrupted; the output ends on the last whole record");
        }
        return ExitCode::from(130);
    }
    if let Err(e) = dest.close() {
        eprintln!("factsheet: {e}");
        return ExitCode::from(1);
    }
    let t = sink.tally;
    if !args.batch.quiet && t.files > 1 {
        let secs = started.elapsed().as_secs_f64();
        let mb = t.bytes as f64 / 1e6;
        let counts = |m: &BTreeMap<&str, usize>| {
            if m.is_empty() {
                "none".to_string()
            } else {
                let all: Vec<String> = m.iter().map(|(k, n)| format!("{k} {n}")).collect();
                all.join(", ")
            }
        };
        eprintln!(
            "factsheet: {} files, {} failed, {} with warnings ({} warnings: {}), {mb:.1} MB in {secs:.2} s ({:.1} MB/s); values: {}",
            t.files,
            t.failures,
            t.warned,
            t.warnings.values().sum::<usize>(),
            counts(&t.warnings),
            mb / secs.max(1e-9),
            counts(&t.kinds),
        );
    }
    if t.failures > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
