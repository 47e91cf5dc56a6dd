#!/usr/bin/env python3
"""Time and peak memory of `jianggao parse` on hostile shapes.

    cargo build --release && python3 benches/hostile.py           # the shapes
    cargo build --release && python3 benches/hostile.py --batch   # also 64 x 10 MB

Writes each shape into target/hostile/, runs
`target/release/jianggao parse --compact` on it with the JSON sent to
/dev/null, and prints wall time, peak resident memory and its ratio to the
input size. The shapes:

- toc: a 目录 of 200,000 entries (6 MB);
- collide-400k / collide-1m: lines `xxxx` + 4 varying ASCII bytes, which
  all fell into a few buckets of the unkeyed hash used before (3.6 MB, 9 MB);
- short-lines: 1,000,000 short Chinese sentences, one a line (19 MB);
- batch (with --batch): a directory of 64 files of 10 MB each, parsed as
  JSONL with the default jobs.
"""
import os
import string
import subprocess
import sys
import time

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
work = os.path.join(root, "target", "hostile")
os.makedirs(work, exist_ok=True)
binary = os.path.join(root, "target", "release", "jianggao")
CN = "一二三四五六七八九"
A = string.ascii_letters + string.digits


def toc(path):
    with open(path, "w", encoding="utf-8") as f:
        f.write("目录\n")
        f.write("".join(f"{CN[i % 9]}、标题{i}……{i}\n" for i in range(200_000)))
        f.write("正文\n")


def collide(n):
    def make(path):
        with open(path, "w", encoding="ascii") as f:
            f.write("".join("xxxx" + "".join(A[(i // 62**j) % 62] for j in range(4)) + "\n" for i in range(n)))
    return make


def short_lines(path):
    words = ["要抓好落实", "要加强领导", "要学习理论", "要改进作风", "要严守纪律"]
    with open(path, "w", encoding="utf-8") as f:
        f.write("".join(f"{words[i % 5]}{CN[i % 9]}。\n" for i in range(1_000_000)))


def batch(path):
    os.makedirs(path, exist_ok=True)
    seeds = os.path.join(root, "tests", "fixtures", "seeds")
    texts = [open(os.path.join(seeds, n), encoding="utf-8").read() for n in sorted(os.listdir(seeds)) if n.endswith(".txt")]
    one = "\n".join(texts) + "\n"
    body = one * (10_000_000 // len(one.encode("utf-8")) + 1)
    for i in range(64):
        p = os.path.join(path, f"{i:02}.txt")
        if not os.path.exists(p):
            with open(p, "w", encoding="utf-8") as f:
                f.write(body)


def size_of(path):
    if os.path.isdir(path):
        return sum(os.path.getsize(os.path.join(path, n)) for n in os.listdir(path))
    return os.path.getsize(path)


def measure(name, path):
    with open(os.devnull, "wb") as null:
        start = time.monotonic()
        proc = subprocess.Popen([binary, "parse", "--compact", path], stdout=null)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.monotonic() - start
    peak = usage.ru_maxrss * (1 if sys.platform == "darwin" else 1024)
    size = size_of(path)
    print(f"{name:<14} input {size / 1e6:7.1f} MB  {wall:6.2f} s  peak {peak / 1e6:7.1f} MB  "
          f"{peak / size:5.1f}x  status {os.waitstatus_to_exitcode(status)}")


shapes = [("toc", toc), ("collide-400k", collide(400_000)), ("collide-1m", collide(1_000_000)),
          ("short-lines", short_lines)]
for name, make in shapes:
    path = os.path.join(work, name + ".txt")
    if not os.path.exists(path):
        make(path)
    measure(name, path)
if "--batch" in sys.argv:
    path = os.path.join(work, "batch")
    batch(path)
    measure("batch-64x10MB", path)
