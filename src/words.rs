//! Vocabularies matched in one pass: which words of several lists a text
//! holds, found with one Aho-Corasick automaton instead of one substring
//! search per word.

use aho_corasick::automaton::{Automaton, StateID};
use aho_corasick::dfa::DFA;
use aho_corasick::{Anchored, StartKind};

/// Several word lists matched together. Words shared by lists are searched
/// once.
///
/// The automaton is walked byte by byte: every state tells which words end
/// at its byte, so one pass finds every word, overlapping or not.
pub(crate) struct Lexicon {
    dfa: DFA,
    /// The unanchored start state.
    start: StateID,
    /// For each list, the set of its (distinct) words, as bits over the
    /// automaton's patterns.
    masks: Vec<u128>,
}

/// The words of a [`Lexicon`] that a text holds.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Found(u128);

impl Lexicon {
    /// Builds the automaton of `lists` (at most 128 distinct words in all).
    pub(crate) fn new(lists: &[&[&str]]) -> Lexicon {
        let mut words: Vec<&str> = Vec::new();
        let mut masks = Vec::with_capacity(lists.len());
        for list in lists {
            let mut mask = 0u128;
            for w in *list {
                let id = words.iter().position(|x| x == w).unwrap_or_else(|| {
                    words.push(w);
                    words.len() - 1
                });
                assert!(id < 128, "a lexicon holds at most 128 words");
                mask |= 1 << id;
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
        let mut bits = 0u128;
        let mut sid = self.start;
        for &b in text.as_bytes() {
            sid = self.dfa.next_state(Anchored::No, sid, b);
            if self.dfa.is_match(sid) {
                for i in 0..self.dfa.match_len(sid) {
                    bits |= 1 << self.dfa.match_pattern(sid, i).as_usize();
                }
            }
        }
        Found(bits)
    }

    /// True when `text` holds any word of any list.
    pub(crate) fn holds(&self, text: &str) -> bool {
        let mut sid = self.start;
        text.as_bytes().iter().any(|&b| {
            sid = self.dfa.next_state(Anchored::No, sid, b);
            self.dfa.is_match(sid)
        })
    }

    fn mask(&self, list: usize) -> u128 {
        self.masks.get(list).copied().unwrap_or(0)
    }
}

impl Found {
    /// True when the text holds a word of list `list`.
    pub(crate) fn any(self, lex: &Lexicon, list: usize) -> bool {
        self.0 & lex.mask(list) != 0
    }

    /// The number of distinct words of list `list` that the text holds.
    pub(crate) fn count(self, lex: &Lexicon, list: usize) -> usize {
        (self.0 & lex.mask(list)).count_ones() as usize
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
        assert!(lex.holds("会员") && !lex.holds("会议"));
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
