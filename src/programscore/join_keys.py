"""Keys of a join, compared as people write them: accents, case, punctuation, ``&``, ``Univ.`` and word
order set aside; each distinct key of the sheet matched once to the other table's, exactly or closely."""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

APPROXIMATE = 0.9  # difflib ratio of the key words at or above which a key matches approximately
# words that name no institution in particular: left out when keys are compared
GENERIC_WORDS = frozenset({"the", "of", "at", "in", "and", "university"})
ABBREVIATIONS = {"univ": "university", "uni": "university", "st": "saint"}
_WORD = re.compile(r"[^\W_]+")
_APOSTROPHES = re.compile(r"['\u2019\u2018`]")

EXACT, APPROXIMATELY, UNMATCHED, AMBIGUOUS = 0, 1, 2, 3

def normalise_key(text: object) -> str:
    """A key cell as plain words: no accents, any case, no punctuation, ``&`` as ``and``, ``Univ.`` as
    ``university`` (``"Université d'Érable & Co."`` -> ``"universite derable and co"``)."""
    decomposed = unicodedata.normalize("NFKD", str(text))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    plain = _APOSTROPHES.sub("", plain.replace("&", " and "))
    return " ".join(ABBREVIATIONS.get(word, word) for word in _WORD.findall(plain))


def key_words(text: object) -> str:
    """The key as compared: the sorted distinct significant words of ``normalise_key`` (generic words
    such as "university" and "of" left out, unless nothing else is left), so word order does not
    matter: "University of Northfield", "Univ. of Northfield" and "Northfield University" are all
    ``"northfield"``."""
    words = normalise_key(text).split()
    significant = {w for w in words if w not in GENERIC_WORDS}
    return " ".join(sorted(significant or set(words)))


@dataclass
class KeyMatches:
    """For each distinct key of the sheet: the position of its twin among the other table's distinct
    keys (-1: none), how it matched (EXACT, APPROXIMATELY, UNMATCHED, AMBIGUOUS), its similarity, and
    for AMBIGUOUS the two candidates."""

    target: np.ndarray
    how: np.ndarray
    similarity: np.ndarray
    candidates: dict[int, tuple[int, int]]


def match_keys(left: Sequence[str], right: Sequence[str], threshold: float = APPROXIMATE) -> KeyMatches:
    """Match distinct compared keys (``key_words``) of the sheet to the other table's (distinct too):
    equal first, else the one closest above ``threshold`` (difflib's ratio); two equally close are
    AMBIGUOUS. An empty key matches nothing."""
    import numpy as np
    from rapidfuzz import fuzz, process

    index = {key: j for j, key in enumerate(right) if key}
    blocks = _blocks(index)
    target = np.full(len(left), -1, dtype=np.int64)
    how = np.full(len(left), UNMATCHED, dtype=np.int8)
    similarity = np.zeros(len(left))
    candidates: dict[int, tuple[int, int]] = {}
    matcher = difflib.SequenceMatcher(autojunk=False)
    for i, key in enumerate(left):
        if not key:
            continue
        if key in index:
            target[i], how[i], similarity[i] = index[key], EXACT, 1.0
            continue
        matcher.set_seq2(key)
        best, best_j, tied = threshold, -1, -1
        near = _near(key, blocks)
        # rapidfuzz's ratio (2 x the longest common subsequence / lengths) is never below difflib's, so a
        # key it puts under the threshold cannot reach it: only the rest are measured with difflib
        bounds = process.cdist([key], [right[j] for j in near], scorer=fuzz.ratio, dtype=np.float32)[0]
        for j, bound in zip(near, bounds, strict=True):
            if bound / 100 + 1e-6 < best:
                continue
            matcher.set_seq1(right[j])
            if matcher.real_quick_ratio() < best or matcher.quick_ratio() < best:
                continue
            ratio = matcher.ratio()
            if ratio > best + 1e-9 or (best_j < 0 and ratio >= best):
                best, best_j, tied = ratio, j, -1
            elif abs(ratio - best) <= 1e-9:
                tied = j
        if best_j < 0:
            continue
        similarity[i] = best
        if tied >= 0:
            how[i] = AMBIGUOUS
            candidates[i] = (best_j, tied)
        else:
            target[i], how[i] = best_j, APPROXIMATELY
    return KeyMatches(target, how, similarity, candidates)


def _ends(key: str) -> set[str]:
    """The first and last three letters of each word: a key one slip away from another shares most."""
    return {part for word in key.split() for part in (word[:3], word[-3:])}


def _blocks(index: dict[str, int]) -> dict[str, list[int]]:
    """The other table's keys by the ends of their words, so a key is compared only with keys that
    share one (a one-letter slip in the middle of a word keeps both ends; ratio >= 0.9 needs that)."""
    blocks: dict[str, list[int]] = {}
    for key, j in index.items():
        for part in _ends(key):
            blocks.setdefault(part, []).append(j)
    return blocks


def _near(key: str, blocks: dict[str, list[int]]) -> list[int]:
    """The positions of the keys that share a word end with ``key``, in table order."""
    found: set[int] = set()
    for part in _ends(key):
        found.update(blocks.get(part, ()))
    return sorted(found)
