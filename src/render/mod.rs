//! Renderings of a parsed document for people and other tools.

pub mod outline;
