//! Vocabularies matched in one pass: which words of several lists a text
//! holds, found with one Aho-Corasick automaton instead of one substring
//! search per word.

use aho_corasick::automaton::{Automaton, StateID};
use aho_corasick::dfa::DFA;
use aho_corasick::{Anchored, StartKind};

/// Several word lists matched together. Words shared by lists are searched
/// once; the lists may hold any number of words.
///
/// The automaton is walked byte by byte: every state tells which words end
/// at its byte, so one pass finds every word, overlapping or not.
pub(crate) struct Lexicon {
    dfa: DFA,
    /// The unanchored start state.
    start: StateID,
    /// For each list, the set of its (distinct) words, as bits over the
    /// automaton's patterns.
    masks: Vec<Found>,
}

/// A set of the words of a [`Lexicon`]: the words that a text holds, or
/// the words of a list. The first 128 words are bits of one integer; a
/// larger lexicon spills the rest into a vector, which stays empty (and
/// unallocated) while there are no more.
#[derive(Clone, Debug, Default)]
pub(crate) struct Found {
    low: u128,
    high: Vec<u64>,
}

impl Found {
    fn insert(&mut self, id: usize) {
        if let Some(i) = id.checked_sub(128) {
            if self.high.len() <= i / 64 {
                self.high.resize(i / 64 + 1, 0);
            }
            self.high[i / 64] |= 1 << (i % 64);
        } else {
            self.low |= 1 << id;
        }
    }

    /// The number of words in both sets.
    fn common(&self, other: &Found) -> usize {
        let high: u32 = self.high.iter().zip(&other.high).map(|(a, b)| (a & b).count_ones()).sum();
        ((self.low & other.low).count_ones() + high) as usize
    }

    /// True when the two sets share a word: [`Found::common`] without the
    /// count.
    fn meets(&self, other: &Found) -> bool {
        self.low & other.low != 0 || self.high.iter().zip(&other.high).any(|(a, b)| a & b != 0)
    }

    /// True when the text holds no word of any list.
    pub(crate) fn is_empty(&self) -> bool {
        self.low == 0 && self.high.iter().all(|&w| w == 0)
    }

    /// True when the text holds a word of list `list`.
    pub(crate) fn any(&self, lex: &Lexicon, list: usize) -> bool {
        lex.masks.get(list).is_some_and(|m| self.meets(m))
    }

    /// The number of distinct words of list `list` that the text holds.
    pub(crate) fn count(&self, lex: &Lexicon, list: usize) -> usize {
        lex.masks.get(list).map_or(0, |m| self.common(m))
    }
}

impl Lexicon {
    /// Builds the automaton of `lists`; list `i` is asked for as `i`.
    pub(crate) fn new(lists: &[&[&str]]) -> Lexicon {
        let mut words: Vec<&str> = Vec::new();
        let mut masks = Vec::with_capacity(lists.len());
        for list in lists {
            let mut mask = Found::default();
            for w in *list {
                let id = words.iter().position(|x| x == w).unwrap_or_else(|| {
                    words.push(w);
                    words.len() - 1
                });
                mask.insert(id);
            }
            masks.push(mask);
        }
        // The lists are constants: building cannot fail on input.
        // A DFA: the fastest search for a few hundred short words. The walk
        // reads every byte, so no prefilter is built.
        let dfa = DFA::builder()
            .start_kind(StartKind::Unanchored)
            .prefilter(false)
            .build(&words)
            .expect("word lists build an automaton");
        let start = dfa.start_state(Anchored::No).expect("an unanchored start state");
        Lexicon { dfa, start, masks }
    }

    /// The words of every list that `text` holds.
    pub(crate) fn scan(&self, text: &str) -> Found {
        let mut found = Found::default();
        let mut sid = self.start;
        for &b in text.as_bytes() {
            sid = self.dfa.next_state(Anchored::No, sid, b);
            if self.dfa.is_match(sid) {
                for i in 0..self.dfa.match_len(sid) {
                    found.insert(self.dfa.match_pattern(sid, i).as_usize());
                }
            }
        }
        found
    }

    /// True when `text` holds any word of any list.
    pub(crate) fn holds(&self, text: &str) -> bool {
        let mut sid = self.start;
        text.as_bytes().iter().any(|&b| {
            sid = self.dfa.next_state(Anchored::No, sid, b);
            self.dfa.is_match(sid)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn should_count_distinct_words_of_each_list() {
        let lex = Lexicon::new(&[&["下载", "文档", "本站"], &["文档", "会员"]]);
        let f = lex.scan("本站文档下载，文档");
        assert_eq!(f.count(&lex, 0), 3);
        assert_eq!(f.count(&lex, 1), 1);
        assert!(f.any(&lex, 1));
        assert!(!lex.scan("会议").any(&lex, 1));
        assert!(lex.scan("会议").is_empty() && !f.is_empty());
        assert!(lex.holds("会员") && !lex.holds("会议"));
    }

    #[test]
    fn should_hold_lists_of_any_size() {
        let words: Vec<String> = (0..300).map(|i| format!("<{i}>")).collect();
        let all: Vec<&str> = words.iter().map(String::as_str).collect();
        let lex = Lexicon::new(&[&all[..10], &all, &all[250..]]);
        let f = lex.scan("<3><7><260><299><299>");
        assert_eq!((f.count(&lex, 0), f.count(&lex, 1), f.count(&lex, 2)), (2, 4, 2));
        assert!(!lex.scan("<3>").any(&lex, 2) && lex.scan("<251>").any(&lex, 2));
        assert!(!lex.scan("<251>").is_empty() && !lex.scan("<251>").any(&lex, 0));
    }

    #[test]
    fn should_find_overlapping_words() {
        let lex = Lexicon::new(&[&["QQ", "QQ群", "群号"]]);
        assert_eq!(lex.scan("QQ群号").count(&lex, 0), 3);
    }

    #[test]
    fn should_count_what_a_substring_search_finds() {
        let list: &[&str] = &["下载", "下载文档", "文档", "载文", "QQ", "Q群", "本站", "站"];
        let lex = Lexicon::new(&[list]);
        for text in ["本站下载文档", "QQQ群", "站站站", "没有", "", "下载文下载文档档", "Q"] {
            let naive = list.iter().filter(|w| text.contains(*w)).count();
            assert_eq!(lex.scan(text).count(&lex, 0), naive, "{text}");
            assert_eq!(lex.holds(text), naive > 0, "{text}");
        }
    }
}
