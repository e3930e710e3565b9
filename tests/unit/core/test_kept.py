"""Bounded memos forget their oldest entry, one at a time."""

from kvmgui.core.kept import keep


def test_a_full_memo_drops_only_its_oldest_entry() -> None:
    memo: dict[str, int] = {}
    for number in range(5):
        keep(memo, f"k{number}", number, 3)
    assert list(memo.items()) == [("k2", 2), ("k3", 3), ("k4", 4)]


def test_a_key_stored_again_drops_nothing() -> None:
    memo = {"a": 1, "b": 2, "c": 3}
    assert keep(memo, "b", 20, 3) == 20
    assert memo == {"a": 1, "b": 20, "c": 3}
