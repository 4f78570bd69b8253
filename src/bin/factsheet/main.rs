//! The `factsheet` command: parse one fact sheet, or a whole archive of them,
//! into JSON, JSON Lines or CSV. A thin layer over the library.

mod batch;
mod flight;
mod inputs;
mod output;
#[cfg(feature = "parquet")]
mod parquet;
mod read;

use clap::{CommandFactory, Parser, Subcommand, ValueEnum};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// Turn U.S. Department of State fact sheets into typed data.
#[derive(Parser)]
#[command(name = "factsheet", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Parse fact sheets: files, folders (walked recursively) or `-` for standard input.
    ///
    /// Examples:
    ///   factsheet parse fixtures/standard-chile.txt
    ///   factsheet parse --format jsonl archive/ --output sheets.jsonl
    ///   factsheet parse --format csv --jobs 2 archive/ > values.csv
    ///   cat sheet.txt | factsheet parse -
    #[command(verbatim_doc_comment)]
    Parse(ParseArgs),
    /// Write the facts of fact sheets as rows: one per fact, each with the
    /// sheet's `source`, `country_code` and `date`, its own fields and span.
    ///
    /// CSV holds one kind of fact (`--kind`, default `series`), with fixed
    /// columns (see the README); JSON Lines holds every kind unless `--kind`
    /// says one, each row with its `fact`.
    ///
    /// Examples:
    ///   factsheet facts --format csv archive/ > series.csv
    ///   factsheet facts --format csv --kind missions archive/ > missions.csv
    ///   factsheet facts --format jsonl archive/ -o facts.jsonl
    #[command(verbatim_doc_comment)]
    Facts(FactsArgs),
    /// Print the JSON Schema of the parsed document (`--format json`), or with
    /// `--jsonl` of a line of `--format jsonl` (a document with its `source`,
    /// or an error record).
    ///
    /// Examples:
    ///   factsheet schema > factsheet.schema.json
    ///   factsheet schema --jsonl > factsheet-jsonl.schema.json
    #[command(verbatim_doc_comment)]
    Schema {
        /// The schema of a JSON Lines record instead of a JSON document.
        #[arg(long)]
        jsonl: bool,
    },
    /// Print a completion script for a shell.
    ///
    /// Examples:
    ///   factsheet completions bash > ~/.local/share/bash-completion/completions/factsheet
    ///   factsheet completions zsh > ~/.zfunc/_factsheet
    #[command(verbatim_doc_comment)]
    Completions {
        /// The shell to complete in.
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff).
    ///
    /// Example: factsheet man > ~/.local/share/man/man1/factsheet.1
    Man,
}

/// The arguments of every batch command (`parse`, `facts`).
#[derive(clap::Args)]
pub(crate) struct BatchArgs {
    /// Files or folders to read; `-` reads standard input.
    /// Example: factsheet parse archive/ extra/sheet.txt
    #[arg(required = true, value_name = "INPUT")]
    inputs: Vec<PathBuf>,
    /// Write to this file instead of standard output.
    /// Example: --output sheets.jsonl
    #[arg(long, short, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Which files in a folder to read, as a glob on the file name.
    /// Example: --glob '*.htm.txt'
    #[arg(long, default_value = "*.txt")]
    glob: String,
    /// Worker threads, 1 to 255 (default: one per core); `--jobs 1` runs on
    /// one thread. Output is the same for any number. Example: --jobs 2
    #[arg(long, short, value_name = "N", value_parser = clap::value_parser!(u8).range(1..))]
    jobs: Option<u8>,
    /// No progress line and no summary on standard error (errors are still
    /// reported). Example: factsheet parse -q --format jsonl archive/ > out.jsonl
    #[arg(long, short)]
    quiet: bool,
    /// Fail on a file that is not UTF-8 instead of reading its stray bytes as
    /// Windows-1252 with a warning. Example: factsheet parse --strict --format jsonl archive/
    #[arg(long)]
    strict: bool,
}

#[derive(clap::Args)]
pub(crate) struct ParseArgs {
    #[command(flatten)]
    batch: BatchArgs,
    /// Output format: `json` (one document), `jsonl` (one document per line,
    /// with its `source`), or `csv` (one row per value).
    /// Example: --format csv
    #[arg(long, value_enum, default_value_t = Format::Json)]
    format: Format,
    /// Leave each paragraph's and list item's text out of the JSON (its
    /// `span` stays, and indexes the input): the output of a batch is then
    /// about the size of its values, not twice its input.
    /// Example: factsheet parse --format jsonl --no-passage-text archive/
    #[arg(long)]
    no_passage_text: bool,
    /// Documents, or (set by `factsheet facts`) fact rows.
    #[arg(skip)]
    rows: Rows,
}

/// What a batch writes per input.
#[derive(Clone, Copy, Default, PartialEq, Eq)]
pub(crate) enum Rows {
    /// The document (or its values, in CSV).
    #[default]
    Documents,
    /// Its fact rows: of one kind, or (JSON Lines only) all.
    Facts(Option<factsheet::FactKind>),
}

#[derive(clap::Args)]
pub(crate) struct FactsArgs {
    #[command(flatten)]
    batch: BatchArgs,
    /// `csv` (one kind of fact, fixed columns), `jsonl` (every kind) or
    /// `parquet` (as csv, with typed columns).
    #[arg(long, value_enum, default_value_t = FactsFormat::Csv)]
    format: FactsFormat,
    /// Which facts: series, missions, relations, memberships.
    #[arg(long, value_enum)]
    kind: Option<FactKindArg>,
}

/// The formats of `factsheet facts`.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum FactsFormat {
    /// One kind of fact per table, fixed columns.
    Csv,
    /// One fact per line, each with its `fact` kind.
    Jsonl,
    /// One kind of fact per table, as Parquet with typed columns; needs `--output`.
    #[cfg(feature = "parquet")]
    Parquet,
}

/// `--kind`, as the command line spells it.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum FactKindArg {
    /// Amounts tied to years.
    Series,
    /// Diplomatic missions.
    Missions,
    /// When relations were established.
    Relations,
    /// Shared memberships.
    Memberships,
}

impl From<FactsArgs> for ParseArgs {
    fn from(a: FactsArgs) -> Self {
        let kind = a.kind.map(|k| match k {
            FactKindArg::Series => factsheet::FactKind::Series,
            FactKindArg::Missions => factsheet::FactKind::Missions,
            FactKindArg::Relations => factsheet::FactKind::Relations,
            FactKindArg::Memberships => factsheet::FactKind::Memberships,
        });
        let format = match a.format {
            FactsFormat::Csv => Format::Csv,
            FactsFormat::Jsonl => Format::Jsonl,
            #[cfg(feature = "parquet")]
            FactsFormat::Parquet => Format::Parquet,
        };
        // A table has one kind's columns: series unless said otherwise.
        let kind = if format.is_tabular() {
            Some(kind.unwrap_or(factsheet::FactKind::Series))
        } else {
            kind
        };
        ParseArgs {
            batch: a.batch,
            format,
            no_passage_text: false,
            rows: Rows::Facts(kind),
        }
    }
}

/// The output formats.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum Format {
    /// One document, as in the JSON contract.
    Json,
    /// One document per line, each with its `source` path.
    Jsonl,
    /// The flat values table, one row per value.
    Csv,
    /// The table CSV would hold, as Parquet with typed columns (amounts as
    /// decimals, dates also as dates); needs `--output`.
    #[cfg(feature = "parquet")]
    Parquet,
}

impl Format {
    /// Does the format hold a table (a header, then rows), as CSV does?
    pub(crate) fn is_tabular(self) -> bool {
        match self {
            Format::Json | Format::Jsonl => false,
            Format::Csv => true,
            #[cfg(feature = "parquet")]
            Format::Parquet => true,
        }
    }
}

/// Writes `bytes` to standard output; a closed pipe is no error (the
/// reader wanted no more), any other write error is reported.
fn print_all(bytes: &[u8], what: &str) -> ExitCode {
    match std::io::stdout().lock().write_all(bytes) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("factsheet: writing {what}: {e}");
            ExitCode::from(1)
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Schema { jsonl } => {
            let schema = if jsonl {
                schemars::schema_for!(output::JsonlRecord<'static>)
            } else {
                schemars::schema_for!(factsheet::FactSheet)
            };
            match serde_json::to_string_pretty(&schema) {
                Ok(text) => print_all(format!("{text}\n").as_bytes(), "the schema"),
                Err(e) => {
                    eprintln!("factsheet: writing the schema: {e}");
                    ExitCode::from(1)
                }
            }
        }
        Command::Completions { shell } => {
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "factsheet", &mut script);
            print_all(&script, "the completion script")
        }
        Command::Man => {
            let mut page = Vec::new();
            match clap_mangen::Man::new(Cli::command()).render(&mut page) {
                Ok(()) => print_all(&page, "the manual page"),
                Err(e) => {
                    eprintln!("factsheet: rendering the manual page: {e}");
                    ExitCode::from(1)
                }
            }
        }
        Command::Parse(args) => batch::run(&args),
        Command::Facts(args) => batch::run(&ParseArgs::from(args)),
    }
}
