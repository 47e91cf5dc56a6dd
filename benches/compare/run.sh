#!/usr/bin/env bash
# Compares jianggao's throughput with arborparser's (PyPI) on the same corpus:
# the fixture texts repeated to about CORPUS_MB megabytes (default 20), one
# file per copy.
#
#   benches/compare/run.sh            # from the repository root
#   CORPUS_MB=5 ROUNDS=1 benches/compare/run.sh
#
# Everything it makes lives under target/compare/ (venv, corpus). Both sides
# read the files into memory first and time parsing plus JSON output; the
# best of ROUNDS rounds counts. When the CLI can parse a file, its wall time
# over the corpus directory (`jianggao parse DIR`, JSONL to /dev/null) is
# printed too.
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
work="$root/target/compare"
corpus="$work/corpus"
venv="$work/venv"
mb="${CORPUS_MB:-20}"
rounds="${ROUNDS:-3}"
mkdir -p "$work"

# 1. The corpus: fixtures repeated to about $mb MB.
rm -rf "$corpus"
mkdir -p "$corpus"
python3 - "$root/tests/fixtures/seeds" "$corpus" "$mb" <<'PY'
import os, shutil, sys
src, dst, mb = sys.argv[1], sys.argv[2], int(sys.argv[3])
files = sorted(f for f in os.listdir(src) if f.endswith(".txt"))
total, i = 0, 0
while total < mb << 20:
    for f in files:
        shutil.copyfile(os.path.join(src, f), os.path.join(dst, f"{i:05d}_{f}"))
        total += os.path.getsize(os.path.join(src, f))
    i += 1
print(f"corpus: {len(os.listdir(dst))} files, {total / 1e6:.1f} MB in {dst}", file=sys.stderr)
PY

# 2. arborparser in a local venv.
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
fi
if ! "$venv/bin/python" -c "import arborparser" 2>/dev/null; then
    "$venv/bin/pip" install --quiet arborparser
fi
arbor_version="$("$venv/bin/python" -c 'import arborparser; print(arborparser.__version__)')"

# 3. Both timings.
cargo build --release --quiet
cargo bench --bench compare --no-run --quiet
jg_line="$(JIANGGAO_COMPARE_DIR="$corpus" JIANGGAO_COMPARE_ROUNDS="$rounds" \
    cargo bench --quiet --bench compare 2>/dev/null | grep '^jianggao ')"
ap_line="$("$venv/bin/python" "$root/benches/compare/arbor_bench.py" "$corpus" "$rounds" | grep '^arborparser ')"

read -r _ jg_bytes jg_secs jg_mbps _ <<<"$jg_line"
read -r _ ap_bytes ap_secs ap_mbps ap_files <<<"$ap_line"

echo
printf '%-28s %12s %10s %10s\n' "parser" "bytes" "seconds" "MB/s"
printf '%-28s %12s %10s %10s\n' "jianggao (library)" "$jg_bytes" "$jg_secs" "$jg_mbps"
printf '%-28s %12s %10s %10s\n' "arborparser $arbor_version (Python)" "$ap_bytes" "$ap_secs" "$ap_mbps"
python3 -c "import sys; a, b = map(float, sys.argv[1:]); print(f'ratio jianggao / arborparser: {a / b:.1f}x' if b > 0 else 'ratio: n/a')" "$jg_mbps" "$ap_mbps"

# 4. The CLI end to end over the corpus directory (JSONL to /dev/null), with
#    one job and with two, best of $rounds.
cli="$root/target/release/jianggao"
files=("$corpus"/*)
if [ -x "$cli" ] && "$cli" parse "${files[0]}" >"$work/one.json" 2>/dev/null && grep -q '"speeches"' "$work/one.json"; then
    python3 - "$cli" "$corpus" "$jg_bytes" "$rounds" <<'PY'
import subprocess, sys, time
cli, corpus, size, rounds = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
speeds = {}
for jobs in (1, 2):
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        subprocess.run([cli, "parse", "--jobs", str(jobs), corpus], stdout=subprocess.DEVNULL, check=False)
        best = min(best, time.perf_counter() - start)
    speeds[jobs] = size / 1e6 / best
    print(f"jianggao CLI (jianggao parse --jobs {jobs} DIR): {best:.3f} s, {speeds[jobs]:.1f} MB/s")
print(f"CLI speed-up with 2 jobs: {speeds[2] / speeds[1]:.2f}x")
PY
else
    echo "jianggao CLI: 'jianggao parse FILE' failed; build it with cargo build --release"
fi
