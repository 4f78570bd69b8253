//! Parses a file, or each file of a folder one at a time (the shape of an
//! archive), many times, for a profiler: `cargo run --release --example
//! profile -- PATH [ROUNDS]`, under `perf record` or `valgrind
//! --tool=callgrind`. Prints MB/s and the bytes parsed, so that callgrind's
//! instruction count divides into instructions per byte.

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: profile PATH [ROUNDS]");
    let rounds: usize = args
        .next()
        .map_or(200, |r| r.parse().expect("ROUNDS is a number"));
    let texts: Vec<String> = if std::path::Path::new(&path).is_dir() {
        let mut paths: Vec<_> = std::fs::read_dir(&path)
            .expect("readable folder")
            .map(|e| e.expect("readable entry").path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        paths.sort();
        paths
            .iter()
            .filter_map(|p| std::fs::read_to_string(p).ok())
            .collect()
    } else {
        vec![std::fs::read_to_string(&path).expect("readable UTF-8 file")]
    };
    let bytes: usize = texts.iter().map(String::len).sum();
    let started = std::time::Instant::now();
    let mut values = 0;
    for _ in 0..rounds {
        for text in &texts {
            values += factsheet::parse(text).map_or(0, |d| d.values.len());
        }
    }
    let secs = started.elapsed().as_secs_f64();
    println!(
        "{} files, {} bytes x {rounds} rounds = {} bytes; {values} values, {:.1} MB/s",
        texts.len(),
        bytes,
        bytes * rounds,
        (bytes * rounds) as f64 / secs / 1e6
    );
}
