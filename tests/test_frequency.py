"""Word frequencies read from wordfreq's data give wordfreq's own answers, without importing it
for the words notes are made of."""

from __future__ import annotations

import random
import subprocess
import sys

import pytest

from thanklint import frequency

wordfreq = pytest.importorskip("wordfreq")


def test_zipf_is_wordfreqs_for_every_kind_of_word():
    known = [word for bucket in frequency._buckets() for word in bucket]
    rng = random.Random(9)
    words = [
        *known[::25],  # common to never-seen, ASCII or not
        *[w for w in known if not w.isascii()][::10],
        *["-".join(rng.sample(known[:20000], 2)) for _ in range(1000)],  # hyphenated pairs
        *["Résumé", "STRASSE", "straße", "naïve", "e\u0301te", "ﬁne", "Go", "míle", "co-op", "qwzx-the", "qwzx"],
        *["Dr.", "etc.", "Co.", "hello..", "e.g.", "u.s.", "...", "qwzx."],  # a full stop wordfreq drops
        *["o'brien", "1990s", "3.5", "", "-", "a--b", "東京", "ไทย"],  # asked of wordfreq itself
    ]
    assert [w for w in words if frequency.zipf(w) != wordfreq.zipf_frequency(w, "en")] == []


def test_top_is_wordfreqs_top_list():
    assert frequency.top(80000) == wordfreq.top_n_list("en", 80000)


def test_plain_words_do_not_import_wordfreq():
    script = (
        "import sys; from thanklint.frequency import zipf, top; "
        "assert zipf('recieve') < zipf('receive') and zipf('Jean-Luc') and zipf('Dr.') and top(3); "
        "print('wordfreq' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "False"
