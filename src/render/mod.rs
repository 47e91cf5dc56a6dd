//! Renderings of a parsed document for people and other tools: the
//! indented [`outline`], [`markdown`], and [`chunks`] for retrieval.

pub mod chunks;
pub mod markdown;
pub mod outline;
