//! Text knowledge the stages share: words and bounded windows
//! ([`words`]), and sentence boundaries ([`sentence`]).

pub(crate) mod sentence;
pub(crate) mod words;
