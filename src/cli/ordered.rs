//! Work on many items on a few threads, with the results handed on in
//! input order as soon as each is ready, and memory bounded by a budget of
//! bytes in flight rather than by the number of items.
//!
//! Items are started strictly in input order, each reserving its weight
//! (the size of its input) from the budget, and the weight is given back
//! once its result has been handed on. Because the first unfinished item
//! was always reserved before any later one, it can always run: the budget
//! cannot deadlock. An item heavier than the whole budget runs alone.

use std::collections::BTreeMap;
use std::panic::AssertUnwindSafe;
use std::sync::{Condvar, Mutex, PoisonError};

struct State<R> {
    /// The next item to start.
    next: usize,
    /// Weight reserved by items started and not yet handed on.
    in_flight: u64,
    /// Finished items waiting for those before them, with their weight.
    done: BTreeMap<usize, (R, u64)>,
    /// Set when the sink failed or `work` panicked: start nothing more.
    stop: bool,
    /// The panic of a `work` call, passed on to the caller.
    panic: Option<Box<dyn std::any::Any + Send>>,
}

/// Runs `work` on every item on `jobs` threads and gives the results to
/// `sink` in input order, on the calling thread. `weight` tells what an item
/// holds in memory while it is in flight; the sum over items in flight stays
/// under `budget` (one heavier item runs alone). The first error of `sink`
/// stops the run and is returned once the threads have finished their
/// current items; a panic of `work` stops the run and is resumed on the
/// calling thread.
pub fn run<I, R, E>(
    items: &[I],
    jobs: usize,
    budget: u64,
    weight: impl Fn(&I) -> u64 + Sync,
    work: impl Fn(&I) -> R + Sync,
    mut sink: impl FnMut(R) -> Result<(), E>,
) -> Result<(), E>
where
    I: Sync,
    R: Send,
{
    let threads = jobs.clamp(1, items.len().max(1));
    if threads == 1 {
        // One job: each item is worked and handed on in turn on the calling
        // thread, with one item in flight and no hand-over between threads
        // (a wake-up per item costs more than a small file's parse).
        for item in items {
            sink(work(item))?;
        }
        return Ok(());
    }
    let state = Mutex::new(State { next: 0, in_flight: 0, done: BTreeMap::new(), stop: false, panic: None });
    let changed = Condvar::new();
    let lock = || state.lock().unwrap_or_else(PoisonError::into_inner);
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| {
                let mut st = lock();
                loop {
                    if st.stop || st.next >= items.len() {
                        return;
                    }
                    let i = st.next;
                    let w = items.get(i).map_or(0, &weight).min(budget);
                    if st.in_flight > 0 && st.in_flight.saturating_add(w) > budget {
                        st = changed.wait(st).unwrap_or_else(PoisonError::into_inner);
                        continue;
                    }
                    st.next += 1;
                    st.in_flight += w;
                    drop(st);
                    let result = std::panic::catch_unwind(AssertUnwindSafe(|| items.get(i).map(&work)));
                    st = lock();
                    match result {
                        Ok(Some(r)) => {
                            st.done.insert(i, (r, w));
                        }
                        Ok(None) => {}
                        Err(payload) => {
                            st.stop = true;
                            st.panic.get_or_insert(payload);
                        }
                    }
                    changed.notify_all();
                }
            });
        }
        let mut outcome = Ok(());
        for i in 0..items.len() {
            let (r, w) = {
                let mut st = lock();
                loop {
                    if let Some(entry) = st.done.remove(&i) {
                        break entry;
                    }
                    if let Some(payload) = st.panic.take() {
                        drop(st);
                        std::panic::resume_unwind(payload);
                    }
                    st = changed.wait(st).unwrap_or_else(PoisonError::into_inner);
                }
            };
            let result = sink(r);
            let mut st = lock();
            st.in_flight -= w;
            if result.is_err() {
                st.stop = true;
            }
            changed.notify_all();
            drop(st);
            if let Err(e) = result {
                outcome = Err(e);
                break;
            }
        }
        outcome
    })
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicU64, Ordering};

    use super::*;

    #[test]
    fn should_hand_on_results_in_input_order() {
        let items: Vec<u64> = (0..200).collect();
        let mut seen = Vec::new();
        // Later items finish first: the order must still hold.
        let r: Result<(), ()> = run(
            &items,
            4,
            1000,
            |_| 1,
            |&i| {
                std::thread::sleep(std::time::Duration::from_micros((200 - i) * 20));
                i * 2
            },
            |x| {
                seen.push(x);
                Ok(())
            },
        );
        assert!(r.is_ok());
        assert_eq!(seen, items.iter().map(|i| i * 2).collect::<Vec<_>>());
    }

    #[test]
    fn one_job_should_work_in_turn_and_stop_at_the_first_error() {
        let items: Vec<u64> = (0..10).collect();
        let worked = AtomicU64::new(0);
        let mut seen = Vec::new();
        let r = run(
            &items,
            1,
            1,
            |_| 5,
            |&i| {
                worked.fetch_add(1, Ordering::SeqCst);
                i
            },
            |i| {
                seen.push(i);
                if i == 3 {
                    Err("sink closed")
                } else {
                    Ok(())
                }
            },
        );
        assert_eq!(r, Err("sink closed"));
        assert_eq!(seen, [0, 1, 2, 3]);
        assert_eq!(worked.load(Ordering::SeqCst), 4);
    }

    #[test]
    fn should_keep_weight_in_flight_under_the_budget() {
        let items: Vec<u64> = (0..100).map(|i| 10 + i % 7).collect();
        let live = AtomicU64::new(0);
        let peak = AtomicU64::new(0);
        let mut n = 0;
        let r: Result<(), ()> = run(
            &items,
            8,
            40,
            |&w| w,
            |&w| {
                let now = live.fetch_add(w, Ordering::SeqCst) + w;
                peak.fetch_max(now, Ordering::SeqCst);
                std::thread::sleep(std::time::Duration::from_micros(200));
                w
            },
            |w| {
                live.fetch_sub(w, Ordering::SeqCst);
                n += 1;
                Ok(())
            },
        );
        assert!(r.is_ok());
        assert_eq!(n, 100);
        assert!(peak.load(Ordering::SeqCst) <= 40, "peak {}", peak.load(Ordering::SeqCst));
    }

    #[test]
    fn a_panic_of_work_should_reach_the_caller_instead_of_hanging() {
        let items: Vec<u32> = (0..50).collect();
        let caught = std::panic::catch_unwind(|| {
            let _: Result<(), ()> = run(&items, 3, 100, |_| 1, |&i| assert!(i != 7, "item seven"), |()| Ok(()));
        });
        assert!(caught.is_err());
    }

    #[test]
    fn should_run_an_item_heavier_than_the_budget_alone_and_stop_on_error() {
        let items = [5u64, 500, 5, 5];
        let mut got = Vec::new();
        let r = run(
            &items,
            2,
            50,
            |&w| w,
            |&w| w,
            |w| {
                got.push(w);
                if w == 500 {
                    Err("closed")
                } else {
                    Ok(())
                }
            },
        );
        assert_eq!(r, Err("closed"));
        assert_eq!(got, [5, 500]);
    }
}
