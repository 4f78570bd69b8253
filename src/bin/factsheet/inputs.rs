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
/// Symbolic links are followed (a loop, or a link to nothing, is an error
/// record); a matching entry that is no regular file (a FIFO, a socket) is
/// an error record too, never read. `exclude` holds the files the command
/// writes, left out of the walk.
pub(crate) fn walk<'a>(
    paths: &'a [PathBuf],
    matcher: &'a GlobMatcher,
    exclude: &'a [PathBuf],
) -> impl Iterator<Item = Input> + 'a {
    paths
        .iter()
        .flat_map(move |path| -> Box<dyn Iterator<Item = Input> + 'a> {
            if path.as_os_str() != "-" && path.is_dir() {
                Box::new(walk_folder(path, matcher, exclude))
            } else {
                Box::new(std::iter::once(Input::File(path.clone())))
            }
        })
}

fn walk_folder<'a>(
    dir: &'a Path,
    matcher: &'a GlobMatcher,
    exclude: &'a [PathBuf],
) -> impl Iterator<Item = Input> + 'a {
    walkdir::WalkDir::new(dir)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_map(move |entry| match entry {
            Ok(e) if e.file_type().is_dir() || !matcher.is_match(e.file_name()) => None,
            Ok(e) if is_excluded(e.path(), exclude) => None,
            Ok(e) if e.file_type().is_file() => Some(Input::File(e.into_path())),
            Ok(e) => {
                let why = crate::read::not_a_regular_file(e.path())
                    .unwrap_or_else(|| "not a regular file: not read".into());
                Some(Input::Unreadable(e.into_path(), why))
            }
            Err(e) => {
                let path = e
                    .path()
                    .map_or_else(|| dir.to_path_buf(), Path::to_path_buf);
                Some(Input::Unreadable(path, e.to_string()))
            }
        })
}

/// Is `path` one of the files being written? Compared by name first, so
/// only a file of the output's name costs a look-up of its real path.
fn is_excluded(path: &Path, exclude: &[PathBuf]) -> bool {
    exclude.iter().any(|x| {
        x.file_name() == path.file_name()
            && std::fs::canonicalize(path).is_ok_and(|real| real == *x)
    })
}

/// The real path a file will have once written: its folder's real path and
/// its name (the file itself may not exist yet).
pub(crate) fn real_path_to_be(path: &Path) -> Option<PathBuf> {
    let name = path.file_name()?;
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    Some(std::fs::canonicalize(parent).ok()?.join(name))
}
