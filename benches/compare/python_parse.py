"""Times the Python package over a directory of texts, for comparison with
``time_library.rs`` (the Rust library parsing and writing JSON).

Reads every file of the directory into memory, then times
``jianggao.parse(bytes)`` of each (the Document as Python objects) and
prints one line per offsets mode: ``python-<offsets> <bytes> <seconds> <MB/s> <files>``.

    python benches/compare/python_parse.py DIR [ROUNDS]
"""

import pathlib
import sys
import time

import jianggao


def main() -> None:
    root = pathlib.Path(sys.argv[1])
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    inputs = [p.read_bytes() for p in sorted(root.iterdir()) if p.is_file()]
    size = sum(map(len, inputs))
    for offsets in ("bytes", "chars"):
        best = float("inf")
        for _ in range(max(rounds, 1)):
            t = time.perf_counter()
            for data in inputs:
                try:
                    jianggao.parse(data, offsets=offsets)
                except ValueError:
                    pass
            best = min(best, time.perf_counter() - t)
        print(f"python-{offsets} {size} {best:.4f} {size / 1e6 / max(best, 1e-9):.1f} {len(inputs)}")


if __name__ == "__main__":
    main()
