//! The list of inputs: files as given, folders walked recursively in sorted
//! order, `-` for standard input.

use globset::{Glob, GlobMatcher};
use std::path::{Path, PathBuf};

/// One thing to parse, or a path that could not be walked.
pub(crate) enum Input {
    File(PathBuf),
    Unreadable(PathBuf, String),
}

/// Expands the command line's inputs in order. Folders give their matching
/// files sorted by path, so output order never depends on the file system.
pub(crate) fn expand(paths: &[PathBuf], glob: &str) -> Result<Vec<Input>, String> {
    let matcher: GlobMatcher = Glob::new(glob)
        .map_err(|e| format!("--glob {glob:?}: {e}"))?
        .compile_matcher();
    let mut out = Vec::new();
    for path in paths {
        if path.as_os_str() != "-" && path.is_dir() {
            walk(path, &matcher, &mut out);
        } else {
            out.push(Input::File(path.clone()));
        }
    }
    Ok(out)
}

fn walk(dir: &Path, matcher: &GlobMatcher, out: &mut Vec<Input>) {
    let mut found = Vec::new();
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        match entry {
            Ok(e) if e.file_type().is_file() && matcher.is_match(e.file_name()) => {
                found.push(Input::File(e.into_path()))
            }
            Ok(_) => {}
            Err(e) => {
                let path = e
                    .path()
                    .map_or_else(|| dir.to_path_buf(), Path::to_path_buf);
                found.push(Input::Unreadable(path, e.to_string()));
            }
        }
    }
    out.extend(found);
}
