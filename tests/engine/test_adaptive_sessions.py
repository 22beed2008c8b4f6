"""Adaptive sessions: what is asked next, when each competency stops, skips, priors,
bad moves, and state that can be paused, resumed and replayed."""

from __future__ import annotations

import numpy as np
import pytest
from benchmarks.bench_adaptive import respondents
from hypothesis import given, settings
from hypothesis import strategies as st

from pm_origins.engine import (
    SE_TARGETS,
    AdaptiveSession,
    EngineInputError,
    Prior,
    Role,
    ThetaPrior,
    adaptive_bank,
    read_history,
    replay,
    start_session,
    theta_prior,
)
from pm_origins.engine.adaptive import (
    ALREADY_ANSWERED,
    MIN_ANSWERS,
    AdaptiveBank,
)
from pm_origins.engine.irt import category_probabilities, item_information, theta_grid
from pm_origins.framework import Framework

from .simulate import moderate_parameters


@pytest.fixture(scope="module")
def framework() -> Framework:
    from pm_origins.framework import load_framework

    return load_framework()


def small_bank(items_per_scale: int = 6, scales: int = 2, seed: int = 3) -> AdaptiveBank:
    count = items_per_scale * scales
    a, b = moderate_parameters(count, seed)
    return AdaptiveBank.from_parameters(
        [f"q{i:02d}" for i in range(count)],
        [f"c{c}" for c in range(scales)],
        np.arange(count) // items_per_scale,
        a,
        b,
    )


def run(session: AdaptiveSession, answer: int = 3) -> AdaptiveSession:
    while (item := session.next_item()) is not None:
        session.answer(item, answer)
    return session


def test_the_first_question_is_the_most_informative_of_the_first_competency(
    framework: Framework,
) -> None:
    bank = adaptive_bank(framework)
    first = start_session(framework).next_item()
    members = bank.members[0]
    information = item_information(np.zeros(1), *_parameters(framework, members))[0]
    assert first == bank.item_ids[members[int(np.argmax(information))]]


def _parameters(framework: Framework, positions: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    from pm_origins.engine import item_bank

    bank = item_bank(framework)
    return bank.discrimination[positions], bank.thresholds[positions]


def test_the_first_six_questions_cover_the_six_competencies(framework: Framework) -> None:
    session = start_session(framework)
    bank = session.bank
    seen = []
    for _ in range(6):
        item = session.next_item()
        seen.append(int(bank.competency_index[bank.positions[item]]))
        session.answer(item, 3)
    assert sorted(seen) == list(range(6))


def test_the_estimate_is_the_posterior_mean_on_the_grid() -> None:
    bank = small_bank()
    session = AdaptiveSession(bank, "all")
    given_answers = []
    for answer in (5, 4, 5):
        item = session.next_item()
        given_answers.append((bank.positions[item], answer))
        session.answer(item, answer)
    # Brute force: prior x product of category probabilities, on the same grid.
    grid = theta_grid()
    a, b = moderate_parameters(12, 3)
    weights = np.exp(-0.5 * grid**2)
    for position, answer in given_answers:
        if position < 6:
            weights = weights * category_probabilities(grid, a, b)[:, position, answer - 1]
    weights /= weights.sum()
    mean = float(weights @ grid)
    estimate = session.estimates()[0]
    assert estimate.theta == pytest.approx(mean, abs=1e-9)
    assert estimate.se == pytest.approx(float(np.sqrt(weights @ (grid - mean) ** 2)), abs=1e-9)


@pytest.mark.parametrize("mode", ["quick", "full"])
def test_each_competency_stops_at_its_target_with_at_least_three_answers(
    framework: Framework, mode: str
) -> None:
    session = run(start_session(framework, mode))
    for estimate, members in zip(session.estimates(), session.bank.members, strict=True):
        exhausted = estimate.asked == members.size
        assert estimate.answered >= MIN_ANSWERS
        assert exhausted or estimate.se <= SE_TARGETS[mode]
        assert estimate.closed


def test_a_competency_stops_as_soon_as_it_is_precise_enough() -> None:
    bank = small_bank(items_per_scale=12, scales=1)
    session = AdaptiveSession(bank, "quick")
    while (item := session.next_item()) is not None:
        before = session.estimates()[0]
        # Asked only while open: not yet three answers, or still above the target.
        assert before.answered < MIN_ANSWERS or before.se > SE_TARGETS["quick"]
        session.answer(item, 3)
    assert len(session.asked) < 12


def test_full_asks_at_least_as_many_as_quick_and_all_asks_everything(
    framework: Framework,
) -> None:
    quick = len(run(start_session(framework, "quick")).asked)
    full = len(run(start_session(framework, "full")).asked)
    everything = run(start_session(framework, "all"))
    assert quick <= full <= len(everything.asked) == len(framework.items)
    assert sorted(everything.asked) == sorted(i.id for i in framework.items)


def test_a_skipped_question_is_never_asked_again_and_tells_nothing(framework: Framework) -> None:
    session = start_session(framework, "all")
    first = session.next_item()
    before = session.estimates()[0]
    session.skip(first)
    assert session.estimates()[0] == before
    while (item := session.next_item()) is not None:
        assert item != first
        session.answer(item, 3)
    assert session.asked.count(first) == 1
    assert session.skipped == [first]
    assert first not in session.answers


def test_skipping_keeps_a_competency_open_until_it_has_three_answers() -> None:
    bank = small_bank(items_per_scale=6, scales=1)
    session = AdaptiveSession(bank, "quick", ThetaPrior((0.0,), (0.3,)))
    for _ in range(2):
        session.skip(session.next_item())
    answered = 0
    while (item := session.next_item()) is not None:
        session.answer(item, 3)
        answered += 1
    assert answered == MIN_ANSWERS  # the tight prior is precise enough; three answers still


def test_a_long_qa_career_needs_fewer_execution_questions(framework: Framework) -> None:
    qa = read_history(framework, [Role("QA Engineer", 10, 0)]).prior
    assert qa is not None
    column = framework.competency_ids.index("execution")
    with_history = run(start_session(framework, "full", qa), answer=4).estimates()[column]
    population = run(start_session(framework, "full"), answer=4).estimates()[column]
    assert with_history.asked < population.asked


def test_a_history_prior_becomes_theta_against_the_population_prior() -> None:
    population = Prior.population(2)
    m0, s0 = population.mean[0], population.sd[0]
    prior = theta_prior(Prior((m0, m0 + s0), (s0, s0 / 2)), 2)
    assert prior == ThetaPrior((0.0, 1.0), (1.0, 0.5))
    assert theta_prior(population, 2) == ThetaPrior.population(2)
    assert theta_prior(None, 3) == ThetaPrior.population(3)


def test_a_prior_moves_the_starting_estimate() -> None:
    bank = small_bank()
    session = AdaptiveSession(bank, "quick", ThetaPrior((1.0, -1.0), (0.5, 0.5)))
    thetas = [e.theta for e in session.estimates()]
    assert thetas == pytest.approx([1.0, -1.0], abs=1e-3)


@pytest.mark.parametrize(
    "prior",
    [
        ThetaPrior((0.0,), (1.0,)),  # too few competencies
        ThetaPrior((0.0, float("nan")), (1.0, 1.0)),
        ThetaPrior((0.0, 9.0), (1.0, 1.0)),
        ThetaPrior((0.0, 0.0), (1.0, 0.0)),
    ],
)
def test_an_impossible_prior_is_refused(prior: ThetaPrior) -> None:
    with pytest.raises(EngineInputError, match="prior needs"):
        AdaptiveSession(small_bank(), "quick", prior)


def test_an_unknown_mode_is_refused() -> None:
    with pytest.raises(EngineInputError, match="Unknown mode 'fast'"):
        AdaptiveSession(small_bank(), "fast")


def test_answers_to_questions_not_asked_twice_or_off_the_scale_are_refused() -> None:
    bank = small_bank()
    session = AdaptiveSession(bank, "quick")
    item = session.next_item()
    other = next(i for i in bank.item_ids if i != item)
    with pytest.raises(EngineInputError, match="has not been asked"):
        session.answer(other, 3)
    with pytest.raises(EngineInputError, match="Unknown question id 'nope'"):
        session.answer("nope", 3)
    for bad in (0, 6, 2.5, True, "3", float("nan")):
        with pytest.raises(EngineInputError, match="must be"):
            session.answer(item, bad)
    session.answer(item, 3)
    with pytest.raises(EngineInputError) as error:
        session.answer(item, 4)
    assert error.value.message == ALREADY_ANSWERED.format(item=item)
    assert session.answers == {item: 3}


def test_a_finished_session_takes_no_more_answers() -> None:
    bank = small_bank()
    session = run(AdaptiveSession(bank, "quick"))
    unasked = next(i for i in bank.item_ids if i not in session.asked)
    with pytest.raises(EngineInputError, match="it is finished"):
        session.answer(unasked, 3)
    assert session.done and session.next_item() is None


def test_a_paused_session_resumes_exactly(framework: Framework) -> None:
    session = start_session(framework, "quick")
    for answer in (5, 1, 4, 2, 3, 5, 4):
        session.answer(session.next_item(), answer)
    session.skip(session.next_item())
    pending = session.next_item()
    data = session.to_dict()
    resumed = AdaptiveSession.from_dict(session.bank, data)
    assert resumed.to_dict() == data
    assert resumed.pending == pending == resumed.next_item()
    assert resumed.estimates() == session.estimates()
    # Both go on the same way.
    run(session, 4)
    run(resumed, 4)
    assert resumed.to_dict() == session.to_dict()


def test_a_replay_asks_the_same_questions_in_the_same_order(framework: Framework) -> None:
    rng = np.random.default_rng(4)
    session = start_session(framework, "full")
    while (item := session.next_item()) is not None:
        if rng.random() < 0.1:
            session.skip(item)
        else:
            session.answer(item, int(rng.integers(1, 6)))
    again = replay(session.bank, session.to_dict())
    assert again.asked == session.asked
    assert again.estimates() == session.estimates()


def test_changing_an_earlier_answer_gives_the_same_estimate_as_answering_so() -> None:
    bank = small_bank()
    session = AdaptiveSession(bank, "all")
    first = session.next_item()
    session.answer(first, 1)
    session.answer(session.next_item(), 4)
    session.answer(first, 5, revise=True)
    fresh = AdaptiveSession.from_dict(bank, session.to_dict())
    assert session.estimates() == fresh.estimates()
    assert session.answers[first] == 5


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ({"mode": "fast"}, "Unknown mode"),
        ({"asked": ["q00", "q00"]}, "listed twice"),
        ({"answers": {"q05": 3}}, "of asked questions"),
        ({"asked": ["q00", "q01"], "answers": {"q01": 3}}, "only the last"),
        ({"asked": ["zz"], "answers": {}}, "Unknown question id"),
        ({"answers": {"q00": 9}}, "must be from 1 to 5"),
        ({"prior": None}, "cannot be read"),
        ({"skips": "q00"}, "cannot be read"),
    ],
)
def test_state_that_is_not_a_session_is_refused(change: dict[str, object], problem: str) -> None:
    data = {
        "mode": "quick",
        "prior": {"mean": [0.0, 0.0], "sd": [1.0, 1.0]},
        "asked": ["q00"],
        "answers": {"q00": 3},
        "skips": [],
        **change,
    }
    with pytest.raises(EngineInputError, match=problem):
        AdaptiveSession.from_dict(small_bank(), data)


def test_questions_left_counts_the_pending_question_and_ends_at_zero(
    framework: Framework,
) -> None:
    session = start_session(framework, "quick")
    while (item := session.next_item()) is not None:
        assert session.questions_left() >= 1
        session.answer(item, 3)
    assert session.questions_left() == 0


def test_questions_after_an_earlier_one_count_those_asked_since(framework: Framework) -> None:
    session = start_session(framework, "quick")
    for _ in range(4):
        session.answer(session.next_item(), 3)
    pending = session.next_item()
    first = session.asked[0]
    assert session.questions_after(pending) == session.questions_left() - 1
    assert session.questions_after(first) == 4 + session.questions_left() - 1


def test_questions_left_at_the_start_is_close_to_what_people_then_answer(
    framework: Framework,
) -> None:
    bank = adaptive_bank(framework)
    _truth, raw = respondents(framework, 60, seed=9)
    guesses, actual = [], []
    for person in range(60):
        session = AdaptiveSession(bank, "quick")
        session.next_item()
        guesses.append(session.questions_left())
        while (item := session.next_item()) is not None:
            session.answer(item, int(raw[person, bank.positions[item]]))
        actual.append(len(session.asked))
    assert abs(np.mean(guesses) - np.mean(actual)) <= 0.1 * np.mean(actual)
    assert np.mean(np.abs(np.array(guesses) - np.array(actual))) <= 0.15 * np.mean(actual)


@settings(max_examples=40, deadline=None)
@given(
    mode=st.sampled_from(["quick", "full", "all"]),
    moves=st.lists(st.integers(min_value=0, max_value=5), min_size=12, max_size=12),
)
def test_any_answers_finish_with_every_competency_closed_and_no_repeats(
    mode: str, moves: list[int]
) -> None:
    bank = small_bank()
    session = AdaptiveSession(bank, mode)
    for move in moves:
        item = session.next_item()
        if item is None:
            break
        if move == 0:
            session.skip(item)
        else:
            session.answer(item, move)
    assert len(set(session.asked)) == len(session.asked)
    assert set(session.answers) | set(session.skipped) == set(session.asked)
    for estimate, members in zip(session.estimates(), bank.members, strict=True):
        assert estimate.closed == (
            estimate.asked == members.size
            or (estimate.answered >= MIN_ANSWERS and estimate.se <= SE_TARGETS[mode])
        )
    assert session.done == all(e.closed for e in session.estimates())


def test_the_same_answers_give_the_same_questions_and_estimates(framework: Framework) -> None:
    def once() -> AdaptiveSession:
        session = start_session(framework, "quick")
        answers = iter([2, 5, 3, 1, 4] * 20)
        while (item := session.next_item()) is not None:
            session.answer(item, next(answers))
        return session

    first, second = once(), once()
    assert first.asked == second.asked
    assert first.estimates() == second.estimates()


@settings(max_examples=40, deadline=None)
@given(
    moves=st.lists(
        st.tuples(st.integers(min_value=0, max_value=5), st.integers(min_value=0, max_value=3)),
        min_size=1,
        max_size=14,
    )
)
def test_any_session_survives_a_round_trip_through_plain_data(
    moves: list[tuple[int, int]],
) -> None:
    """Answers, skips and changes to earlier answers in any order: the plain data
    rebuilds the same session, and both carry on alike."""
    bank = small_bank()
    session = AdaptiveSession(bank, "full")
    for value, back in moves:
        item = session.next_item()
        if item is None:
            break
        if back and len(session.asked) > back:
            item = session.asked[-1 - back]  # change an earlier one instead
        if value == 0:
            session.skip(item, revise=True)
        else:
            session.answer(item, value, revise=True)
    data = session.to_dict()
    again = AdaptiveSession.from_dict(bank, data)
    assert again.to_dict() == data
    assert again.estimates() == session.estimates()
    assert again.next_item() == session.next_item()
