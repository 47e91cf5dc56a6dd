//! Renderings of a parsed document for people and other tools: the
//! indented [`outline`], [`markdown`], [`chunks`] for retrieval and the
//! flat [`nodes`] table for data frames.

pub mod chunks;
pub mod markdown;
pub mod nodes;
pub mod outline;
