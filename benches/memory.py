#!/usr/bin/env python3
"""Peak memory of `jianggao parse` on one large document.

    cargo build --release && python3 benches/memory.py [MB]

Writes the seed fixtures one after another until they hold about MB
megabytes (default 20) into target/memory/big.txt, runs
`target/release/jianggao parse --compact` on it with the JSON sent to
/dev/null, and prints the peak resident memory of that run and its ratio to
the input size (the target is under 5x).
"""
import os
import resource
import subprocess
import sys

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
mb = int(sys.argv[1]) if len(sys.argv) > 1 else 20
seeds = os.path.join(root, "tests", "fixtures", "seeds")
texts = [open(os.path.join(seeds, n), encoding="utf-8").read() for n in sorted(os.listdir(seeds)) if n.endswith(".txt")]
work = os.path.join(root, "target", "memory")
os.makedirs(work, exist_ok=True)
path = os.path.join(work, "big.txt")
size = 0
with open(path, "w", encoding="utf-8") as out:
    while size < mb * 1_000_000:
        for t in texts:
            out.write(t + "\n")
            size += len(t.encode("utf-8")) + 1
binary = os.path.join(root, "target", "release", "jianggao")
with open(os.devnull, "wb") as null:
    subprocess.run([binary, "parse", "--compact", path], stdout=null, check=True)
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
peak_bytes = peak if sys.platform == "darwin" else peak * 1024
print(f"input {size / 1e6:.1f} MB, peak resident {peak_bytes / 1e6:.1f} MB, {peak_bytes / size:.1f}x the input")
