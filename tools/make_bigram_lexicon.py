"""Rebuilds drafting/data/compound_bigrams.json from the corpus.

The lexicon lists pairs of lower-case syllables that stand side by side often in real plans
("đồng bào", "địa bàn"). A small number wedged between such a pair ("đồng 4 bào") is a page number
glued into the sentence by a bad export. Run: python tools/make_bigram_lexicon.py
"""

from __future__ import annotations

import collections
import json
import re
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MIN_COUNT = 4
SYLLABLE = re.compile(r"[a-zà-ỹđ]+")


def main() -> None:
    rules = json.loads((ROOT / "drafting/data/noise.json").read_text(encoding="utf-8"))
    measure = set(rules["counted_words"])
    before_numbers = set(rules["words_before_numbers"])
    counts: collections.Counter[tuple[str, str]] = collections.Counter()
    files = sorted((ROOT / "corpus/seeds").glob("*.txt")) + sorted((ROOT / "corpus/wild").glob("*.md"))
    for path in files:
        text = unicodedata.normalize("NFC", path.read_text(encoding="utf-8")).replace("*", "")
        words = text.split()
        for first, second in zip(words, words[1:], strict=False):
            if SYLLABLE.fullmatch(first) and SYLLABLE.fullmatch(second):
                counts[(first, second)] += 1
    pairs = sorted(
        f"{a} {b}"
        for (a, b), n in counts.items()
        if n >= MIN_COUNT and b not in measure and a not in before_numbers
    )
    out = {"_comment": __doc__.strip().splitlines()[0], "pairs": pairs}
    target = ROOT / "drafting/data/compound_bigrams.json"
    target.write_text(json.dumps(out, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"{len(pairs)} pairs → {target.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
