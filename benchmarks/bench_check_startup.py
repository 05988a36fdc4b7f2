"""Start-up of `drafting check FILE` from the command line: the wall time a clerk waits, and the imports in it.

Run: python benchmarks/bench_check_startup.py [FILE] [--repeat N]
Prints the median wall time of N runs of the installed `drafting check` (a fresh interpreter each time: imports,
data files, reading, parsing, the format and content rules), the same for `python -c "import drafting.cli"`
(start-up alone), and the heaviest top-level imports from `python -X importtime`. Target: ≤ 0.3 s.
"""

from __future__ import annotations

import argparse
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT / "corpus" / "realdocx" / "vbai_CV_chidao_chiso_CCHC_2025.docx"


def _median_s(command: list[str], repeat: int) -> float:
    subprocess.run(command, capture_output=True, cwd=ROOT)  # warm the OS file cache
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(command, capture_output=True, cwd=ROOT)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _heaviest_imports(count: int) -> list[tuple[float, str]]:
    result = subprocess.run([sys.executable, "-X", "importtime", "-c", "import drafting.cli, drafting.check.content"],
                            capture_output=True, text=True, cwd=ROOT)
    rows = []
    for line in result.stderr.splitlines():
        match = re.match(r"import time:\s+\d+ \|\s+(\d+) \|( *)(\S+)", line)
        if match and len(match.group(2)) <= 3:  # drafting.cli's own imports and the top level
            rows.append((int(match.group(1)) / 1e6, match.group(3)))
    return sorted(rows, reverse=True)[:count]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("file", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    script = shutil.which("drafting", path=str(Path(sys.executable).parent)) or "drafting"
    check = _median_s([script, "check", str(args.file)], args.repeat)
    bare = _median_s([sys.executable, "-c", "import drafting.cli"], args.repeat)
    python = _median_s([sys.executable, "-c", "pass"], args.repeat)
    print(f"drafting check {args.file.name}: {check:.3f} s median of {args.repeat} (target ≤ 0.3 s)")
    print(f"import drafting.cli alone:        {bare:.3f} s (bare python: {python:.3f} s)")
    print("heaviest imports (cumulative):")
    for seconds, name in _heaviest_imports(8):
        print(f"  {seconds:.3f} s  {name}")


if __name__ == "__main__":
    main()
