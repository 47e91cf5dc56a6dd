"""Times arborparser over a directory of UTF-8 texts, for run.sh.

Reads every file into memory, then times, per file, ChainParser.parse_to_chain
with patterns for the markers of Chinese speeches (一、 (一) 1. (1) ①),
TreeBuilder.build_tree and TreeExporter.export_to_json (the library's own
output, as jianggao's timing includes its JSON). Prints one line:
`arborparser <bytes> <seconds> <MB/s> <files>`.
"""

import os
import sys
import time

from arborparser import (
    CHINESE_CHAPTER_PATTERN_BUILDER,
    CIRCLED_PATTERN_BUILDER,
    NUMERIC_DOT_PATTERN_BUILDER,
    ChainParser,
    TreeBuilder,
    TreeExporter,
)


def patterns():
    cn = CHINESE_CHAPTER_PATTERN_BUILDER
    num = NUMERIC_DOT_PATTERN_BUILDER
    return [
        # 一、 二、
        cn.modify(prefix_regex=r"", suffix_regex=r"[、\.．]\s*").build(),
        # (一) （二）
        cn.modify(prefix_regex=r"[\(（]", suffix_regex=r"[\)）]\s*").build(),
        # 1. 2、
        num.modify(suffix_regex=r"[\.．、]\s*", max_level=1).build(),
        # (1) （2）
        num.modify(prefix_regex=r"[\(（]", suffix_regex=r"[\)）]\s*", max_level=1).build(),
        # ① ②
        CIRCLED_PATTERN_BUILDER.build(),
    ]


def main():
    directory = sys.argv[1]
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    names = sorted(os.listdir(directory))
    texts = []
    for name in names:
        with open(os.path.join(directory, name), "rb") as f:
            texts.append(f.read())
    total = sum(len(t) for t in texts)
    parser = ChainParser(patterns())
    builder = TreeBuilder()
    best = float("inf")
    for _ in range(max(rounds, 1)):
        start = time.perf_counter()
        out = 0
        for raw in texts:
            text = raw.decode("utf-8", errors="replace")
            chain = parser.parse_to_chain(text)
            tree = builder.build_tree(chain)
            out += len(TreeExporter.export_to_json(tree))
        best = min(best, time.perf_counter() - start)
    mbps = total / 1e6 / max(best, 1e-9)
    print(f"compare: {len(texts)} files, {total} bytes in, {out} bytes of JSON out", file=sys.stderr)
    print(f"arborparser {total} {best:.4f} {mbps:.2f} {len(texts)}")


if __name__ == "__main__":
    main()
