//! Parts of the command line that are not the commands themselves: input
//! (size limits, directory walks), in-order parallel work, and terminal
//! safety of what is printed.

pub mod alloc;
pub mod input;
pub mod ordered;
pub mod term;
