//! What bounds the parallel batch's memory: the bytes in flight, not a count
//! of files. Chunks are admitted to be parsed in their order while their
//! inputs fit a budget (a larger one alone), and each chunk's output travels
//! to the writing thread in small blocks through a bounded pipe, so a worker
//! ahead of the writer waits with one block, not the whole output, in hand.

use std::io::Write;
use std::sync::mpsc::{Receiver, SyncSender};
use std::sync::{Condvar, Mutex};

/// Input bytes parsed at once by all workers; a chunk larger than this is
/// parsed alone. A document's peak is about two and a half times its text,
/// so the batch's peak stays near three times its largest input plus about
/// this much again twice over.
pub(crate) const BYTES_IN_FLIGHT: u64 = 32 << 20;

/// A block of output sent to the writer.
const BLOCK: usize = 256 << 10;

/// Blocks a chunk's pipe holds before its worker waits for the writer.
const PIPE_BLOCKS: usize = 4;

/// The admission of chunks, in their order, within [`BYTES_IN_FLIGHT`].
///
/// In order, so that the chunk the writer waits for was always admitted
/// before any later chunk: a worker holding budget while it waits for the
/// writer never holds back the chunk the writer waits for.
#[derive(Default)]
pub(crate) struct Admission {
    /// The next chunk to admit, and the input bytes admitted and not yet
    /// released.
    state: Mutex<(usize, u64)>,
    changed: Condvar,
}

impl Admission {
    /// Waits until chunk `n`, of `bytes` input bytes, may be parsed.
    pub(crate) fn admit(&self, n: usize, bytes: u64) {
        let Ok(mut state) = self.state.lock() else {
            return;
        };
        while state.0 != n || (state.1 > 0 && state.1 + bytes > BYTES_IN_FLIGHT) {
            match self.changed.wait(state) {
                Ok(s) => state = s,
                Err(_) => return,
            }
        }
        state.0 += 1;
        state.1 += bytes;
        self.changed.notify_all();
    }

    /// Chunk of `bytes` input bytes is parsed: its documents are let go.
    pub(crate) fn release(&self, bytes: u64) {
        if let Ok(mut state) = self.state.lock() {
            state.1 -= bytes;
            self.changed.notify_all();
        }
    }
}

/// What a chunk's pipe carries: output bytes, then the chunk's summary.
pub(crate) enum Piece<T> {
    Bytes(Vec<u8>),
    Done(T),
}

/// A bounded pipe for one chunk's output.
pub(crate) fn pipe<T>() -> (PipeWriter<T>, Receiver<Piece<T>>) {
    let (tx, rx) = std::sync::mpsc::sync_channel(PIPE_BLOCKS);
    (
        PipeWriter {
            tx,
            block: Vec::new(),
            closed: false,
        },
        rx,
    )
}

/// The worker's end of a chunk's pipe: output gathered into blocks, each
/// sent when full.
pub(crate) struct PipeWriter<T> {
    tx: SyncSender<Piece<T>>,
    block: Vec<u8>,
    /// The writer hung up (the batch is stopping): output goes nowhere.
    closed: bool,
}

impl<T> PipeWriter<T> {
    fn send(&mut self, piece: Piece<T>) {
        if !self.closed && self.tx.send(piece).is_err() {
            self.closed = true;
        }
    }

    /// Sends what is left and the chunk's summary.
    pub(crate) fn finish(mut self, summary: T) {
        if !self.block.is_empty() {
            let block = std::mem::take(&mut self.block);
            self.send(Piece::Bytes(block));
        }
        self.send(Piece::Done(summary));
    }
}

impl<T> Write for PipeWriter<T> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.block.extend_from_slice(buf);
        if self.block.len() >= BLOCK {
            let block = std::mem::replace(&mut self.block, Vec::with_capacity(BLOCK));
            self.send(Piece::Bytes(block));
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunks_are_admitted_in_order_and_within_the_budget() {
        let admission = std::sync::Arc::new(Admission::default());
        admission.admit(0, BYTES_IN_FLIGHT / 2);
        // Chunk 1 fits beside chunk 0; chunk 2 does not until 0 is released.
        admission.admit(1, BYTES_IN_FLIGHT / 4);
        let a = admission.clone();
        let third = std::thread::spawn(move || a.admit(2, BYTES_IN_FLIGHT / 2));
        std::thread::sleep(std::time::Duration::from_millis(50));
        assert!(!third.is_finished());
        admission.release(BYTES_IN_FLIGHT / 2);
        third.join().unwrap();
        // A chunk larger than the budget waits until nothing is in flight.
        admission.release(BYTES_IN_FLIGHT / 4);
        admission.release(BYTES_IN_FLIGHT / 2);
        admission.admit(3, BYTES_IN_FLIGHT * 4);
        assert_eq!(admission.state.lock().unwrap().1, BYTES_IN_FLIGHT * 4);
    }

    #[test]
    fn a_pipe_carries_blocks_then_the_summary() {
        let (mut w, rx) = pipe::<u8>();
        let sender = std::thread::spawn(move || {
            for _ in 0..(BLOCK * 10 / 1000) {
                w.write_all(&[b'x'; 1000]).unwrap();
            }
            w.finish(7);
        });
        let (mut bytes, mut summary) = (0, None);
        for piece in rx {
            match piece {
                Piece::Bytes(b) => bytes += b.len(),
                Piece::Done(s) => summary = Some(s),
            }
        }
        sender.join().unwrap();
        assert_eq!((bytes, summary), (BLOCK * 10 / 1000 * 1000, Some(7)));
    }
}
