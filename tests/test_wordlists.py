"""Word lists derived from other packages' data are kept as sorted lines in the cache folder,
used only while their sources are unchanged, and never trusted when torn or foreign."""

from __future__ import annotations

import os

import pytest

from thanklint import wordlists


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("THANKLINT_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache" / "words"


def _counting(lines):
    calls = []

    def build():
        calls.append(1)
        return iter(lines)

    return build, calls


def test_built_once_then_read_back_sorted(tmp_path, cache):
    source = tmp_path / "source.txt"
    source.write_text("pear apple\n", encoding="utf-8")
    build, calls = _counting(["pear\t2", "apple\t1", "apples\t3"])
    first = wordlists.load("fruit", [source], build)
    second = wordlists.load("fruit", [source], build)
    assert calls == [1]
    assert first.lines == second.lines == ["apple\t1", "apples\t3", "pear\t2"]
    assert second.value("apple") == "1" and second.value("apples") == "3" and second.value("appl") is None
    assert "pear\t2" in second and "pear" not in second


def test_a_changed_source_builds_the_list_again(tmp_path, cache):
    source = tmp_path / "source.txt"
    source.write_text("one\n", encoding="utf-8")
    wordlists.load("words", [source], lambda: ["one"])
    source.write_text("one two\n", encoding="utf-8")
    os.utime(source, ns=(1, 1))
    assert wordlists.load("words", [source], lambda: ["one", "two"]).lines == ["one", "two"]


@pytest.mark.parametrize("garbage", [b"", b"\xff\xfe\x00not text", b"0" * 64 + b"\nforeign\nlines"])
def test_a_torn_or_foreign_entry_is_built_again(tmp_path, cache, garbage):
    source = tmp_path / "source.txt"
    source.write_text("one\n", encoding="utf-8")
    wordlists.load("words", [source], lambda: ["one"])
    (cache / "words.txt").write_bytes(garbage)
    build, calls = _counting(["one", "two"])
    assert wordlists.load("words", [source], build).lines == ["one", "two"]
    assert calls == [1]


def test_a_cache_that_cannot_be_written_costs_only_the_build(tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("THANKLINT_CACHE_DIR", str(blocker))
    source = tmp_path / "source.txt"
    source.write_text("one\n", encoding="utf-8")
    assert wordlists.load("words", [source], lambda: ["b", "a"]).lines == ["a", "b"]


def test_the_spelling_dictionary_is_the_same_read_back(cache):
    from thanklint.checks import spelling

    spelling._speller.cache_clear()
    built = spelling._speller()
    spelling._speller.cache_clear()
    read = spelling._speller()
    assert (cache / "speller-en.txt").is_file()
    assert read.lines == built.lines and len(read.lines) > 100_000
    assert "receive" in read and "onboarding" in read and "recieve" not in read  # theirs, ours, neither


@pytest.mark.parametrize("split_after", [0, 10**9], ids=["split into strings", "searched as bytes"])
def test_lookups_answer_alike_over_bytes_and_strings(monkeypatch, split_after):
    """A list is searched in its bytes until enough lookups make splitting it pay; both ways
    give the same answers, for words with accents, prefixes of other words, and the list's
    first and last lines."""
    monkeypatch.setattr(wordlists, "SPLIT_AFTER", split_after)
    words = sorted(["apple\t1", "apples\t3", "café\t5", "caf\t9", "zoë\t2", "a\t7", "\u00e9t\u00e9\t4"])
    found = wordlists.SortedLines.of(words)
    for word, value in (line.split("\t") for line in words):
        assert found.value(word) == value and f"{word}\t{value}" in found
    for absent in ("", "ap", "appl", "applesauce", "cafe", "zz", "\u00e9"):
        assert found.value(absent) is None and absent not in found
    assert found.lines == words


def test_the_first_lines_are_read_without_splitting_the_rest():
    lines = wordlists.SortedLines.of(["000001\tthe", "000002\tof", "000003\tand"])
    assert lines.first(2) == ["000001\tthe", "000002\tof"]
    assert lines._list is None  # the rest stays bytes
    lines.split_now()
    assert lines.first(2) == ["000001\tthe", "000002\tof"] and lines.first(9) == lines.lines
    assert wordlists.SortedLines(b"").first(3) == []
