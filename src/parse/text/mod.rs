//! Text knowledge the stages share: words and bounded windows
//! ([`words`]), sentence boundaries ([`sentence`]), and skipping the bytes
//! a pass does not want ([`skip`]).

pub(crate) mod sentence;
pub(crate) mod skip;
pub(crate) mod words;
