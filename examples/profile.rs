//! Parses one file many times, for a profiler: `cargo run --release --example
//! profile -- FILE [ROUNDS]`, under `perf record` or `valgrind --tool=callgrind`.

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: profile FILE [ROUNDS]");
    let rounds: usize = args
        .next()
        .map_or(200, |r| r.parse().expect("ROUNDS is a number"));
    let text = std::fs::read_to_string(&path).expect("readable UTF-8 file");
    let started = std::time::Instant::now();
    let mut values = 0;
    for _ in 0..rounds {
        values += factsheet::parse(&text).map_or(0, |d| d.values.len());
    }
    let secs = started.elapsed().as_secs_f64();
    println!(
        "{values} values, {:.1} MB/s",
        (text.len() * rounds) as f64 / secs / 1e6
    );
}
