//! The inputs: files as given, folders walked recursively in sorted order,
//! `-` for standard input. Walked lazily, so a batch starts parsing before
//! the walk ends and never holds the whole list.

use globset::{Glob, GlobMatcher};
use std::path::{Path, PathBuf};

/// One thing to parse, or a path that could not be walked.
pub(crate) enum Input {
    File(PathBuf),
    Unreadable(PathBuf, String),
}

/// The matcher for `--glob`.
pub(crate) fn matcher(glob: &str) -> Result<GlobMatcher, String> {
    Ok(Glob::new(glob)
        .map_err(|e| format!("--glob {glob:?}: {e}"))?
        .compile_matcher())
}

/// The command line's inputs in order. Folders give their matching files
/// sorted by path, so output order never depends on the file system.
pub(crate) fn walk<'a>(
    paths: &'a [PathBuf],
    matcher: &'a GlobMatcher,
) -> impl Iterator<Item = Input> + 'a {
    paths
        .iter()
        .flat_map(move |path| -> Box<dyn Iterator<Item = Input> + 'a> {
            if path.as_os_str() != "-" && path.is_dir() {
                Box::new(walk_folder(path, matcher))
            } else {
                Box::new(std::iter::once(Input::File(path.clone())))
            }
        })
}

fn walk_folder<'a>(dir: &'a Path, matcher: &'a GlobMatcher) -> impl Iterator<Item = Input> + 'a {
    walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_map(move |entry| match entry {
            Ok(e) if e.file_type().is_file() && matcher.is_match(e.file_name()) => {
                Some(Input::File(e.into_path()))
            }
            Ok(_) => None,
            Err(e) => {
                let path = e
                    .path()
                    .map_or_else(|| dir.to_path_buf(), Path::to_path_buf);
                Some(Input::Unreadable(path, e.to_string()))
            }
        })
}
