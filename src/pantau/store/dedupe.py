"""Fingerprints: content hashes for exact re-ingest, MinHash for near-duplicate stories.

Near-duplicates (the same wire story on several sites, lightly edited) are found with
MinHash over word shingles of the cleaned text and locality-sensitive hashing: the
signature is cut into bands, and two articles sharing any band are candidates, accepted
when their estimated Jaccard similarity reaches `STORY_THRESHOLD`. The signature is
one-permutation MinHash with rotation densification (Shrivastava & Li, 2014; Shrivastava,
2017): one hash per shingle instead of 64, so it costs a pass over the shingles.
"""

from __future__ import annotations

import hashlib
import re
import struct

SHINGLE = 5
PERMUTATIONS = 64
BANDS = 16
ROWS = PERMUTATIONS // BANDS
STORY_THRESHOLD = 0.5
_VALUE_BITS = 52  # bits of a shingle hash kept as its value within its bin
_MASK = (1 << 63) - 1  # band keys fit a signed 64-bit integer
_WORD = re.compile(r"\w+", re.UNICODE)


def normalize_text(text: str) -> str:
    return " ".join(text.split())


def hash_content(text: str) -> str:
    """SHA-256 of the whitespace-normalised text: equal for the same article re-read."""
    return hashlib.sha256(normalize_text(text).encode("utf-8")).hexdigest()


def make_article_id(url: str | None, content_hash: str) -> str:
    """Stable article id: from the URL when there is one, else from the content."""
    basis = url.strip() if url else content_hash
    return "a" + hashlib.sha256(basis.encode("utf-8")).hexdigest()[:15]


def hash_shingles(text: str) -> set[int]:
    words = _WORD.findall(text.lower())
    if len(words) < SHINGLE:
        words = words + [""] * (SHINGLE - len(words))
    grams = {" ".join(words[i:i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}
    return {int.from_bytes(hashlib.blake2b(g.encode(), digest_size=8).digest(), "little")
            for g in grams}


def make_minhash(text: str) -> list[int]:
    """A 64-value MinHash signature of the text's word 5-shingles (one permutation)."""
    bins: list[int | None] = [None] * PERMUTATIONS
    for h in hash_shingles(text):
        b, v = h % PERMUTATIONS, (h // PERMUTATIONS) >> (64 - 6 - _VALUE_BITS)
        if bins[b] is None or v < bins[b]:
            bins[b] = v
    return densify(bins)


def densify(bins: list[int | None]) -> list[int]:
    """Fill each empty bin from the next filled one, offset by the distance borrowed."""
    out = []
    for i, value in enumerate(bins):
        step = 0
        while value is None:
            step += 1
            value = bins[(i + step) % PERMUTATIONS]
        out.append(value + (step << _VALUE_BITS))
    return out


def make_bands(signature: list[int]) -> list[int]:
    """One 63-bit key per LSH band (band number folded in, so bands never collide)."""
    keys = []
    for band in range(BANDS):
        chunk = signature[band * ROWS:(band + 1) * ROWS]
        data = struct.pack(f"<{ROWS + 1}Q", band, *chunk)
        keys.append(int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "little")
                    & _MASK)
    return keys


def estimate_similarity(sig_a: list[int], sig_b: list[int]) -> float:
    """Estimated Jaccard similarity of two shingle sets from their signatures."""
    if not sig_a or not sig_b:
        return 0.0
    same = sum(1 for x, y in zip(sig_a, sig_b) if x == y)
    return same / len(sig_a)
