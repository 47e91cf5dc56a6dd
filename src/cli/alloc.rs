//! How the command line asks the C allocator to hand memory back.
//!
//! glibc serves a large allocation with its own `mmap` and returns it to
//! the system when it is freed, but each time such a block is freed it
//! raises the size from which it does so (up to 32 MiB). The parse builds
//! one list per line after another, each freed before the next stage: once
//! the threshold has risen, those lists come from the heap, and the pages
//! they leave behind stay resident. On a text of a million short lines that
//! is about a sixth of the peak resident memory. Pinning the threshold at
//! glibc's own starting value keeps every large list in its own mapping.

/// The size from which an allocation gets its own mapping: glibc's
/// default, which setting it keeps from rising.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
const MMAP_THRESHOLD: libc::c_int = 128 * 1024;

/// Pins glibc's mmap threshold ([`MMAP_THRESHOLD`]). Call it first
/// thing, before any thread starts.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
pub fn pin_mmap_threshold() {
    // SAFETY: `mallopt` only sets an allocator parameter; it is called
    // before any other thread exists, with a documented parameter and a
    // value in its range. A failure (it returns 0) leaves the default.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, MMAP_THRESHOLD);
    }
}

/// Other C libraries keep their own policy: nothing to pin.
#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
pub fn pin_mmap_threshold() {}
