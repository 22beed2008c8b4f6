from __future__ import annotations

from pm_origins.web.core import ratelimit


def test_it_allows_up_to_the_limit_and_refuses_the_next_event() -> None:
    results = [ratelimit.hit("t", "a", limit=3, window=60, now=1000.0) for _ in range(4)]
    assert [r.allowed for r in results] == [True, True, True, False]
    assert results[-1].count == 4


def test_it_counts_each_identity_separately() -> None:
    for _ in range(3):
        ratelimit.hit("t", "a", limit=3, window=60, now=1000.0)
    assert ratelimit.hit("t", "b", limit=3, window=60, now=1000.0).allowed
    assert not ratelimit.peek("t", "a", limit=3, window=60, now=1000.0).allowed


def test_it_says_how_long_until_the_window_ends() -> None:
    state = ratelimit.hit("t", "a", limit=3, window=60, now=1000.0)  # window 960..1020
    assert state.retry_after == 20


def test_a_new_window_starts_fresh() -> None:
    for _ in range(5):
        ratelimit.hit("t", "a", limit=3, window=60, now=1000.0)
    assert ratelimit.hit("t", "a", limit=3, window=60, now=1021.0).allowed


def test_peek_does_not_count_and_reset_forgets() -> None:
    ratelimit.hit("t", "a", limit=3, window=60, now=1000.0)
    assert ratelimit.peek("t", "a", limit=3, window=60, now=1000.0).count == 1
    assert ratelimit.peek("t", "a", limit=3, window=60, now=1000.0).count == 1
    ratelimit.reset("t", "a", window=60, now=1000.0)
    assert ratelimit.peek("t", "a", limit=3, window=60, now=1000.0).count == 0
