"""The host's side of the harness protocol: one test at a time, timed on the host's CPU clock,
and a line out of turn is a broken protocol (tests feed it output and clock readings)."""

from __future__ import annotations

from barraiser.judge.pacing import TestPacer

INPUTS = [b"[1]\n", b"[2]\n", b"[3]\n"]


def _pacer() -> TestPacer:
    return TestPacer(INPUTS, test_limit_s=1.0, startup_s=0.5)


def test_a_test_input_is_sent_only_when_the_test_starts() -> None:
    pacer = _pacer()
    assert pacer.take_input() == b"" and pacer.cpu_deadline_s() == 0.5
    pacer.on_output(b"@@REA", 0.1)
    assert pacer.take_input() == b"", "half a line is not a boundary"
    pacer.on_output(b"DY\n", 0.2)
    assert pacer.take_input() == b"[1]\n"
    assert pacer.take_input() == b"", "each input is given once"
    assert pacer.cpu_deadline_s() == 1.2
    pacer.on_output(b"@@R 0 [10]\n", 0.45)
    assert pacer.take_input() == b"[2]\n"
    pacer.on_output(b"@@R 1 [20]\n@@R 2", 0.5)
    assert pacer.take_input() == b"[3]\n" and not pacer.input_closed
    pacer.on_output(b" [30]\n", 1.25)
    assert pacer.input_closed and pacer.cpu_deadline_s() is None
    pacer.on_output(b"@@END\n", 1.3)
    assert pacer.ended and pacer.stop_reason is None
    times = [round(t, 6) for t, _ in pacer.results]
    assert times == [0.25, 0.05, 0.75]
    assert [payload for _, payload in pacer.results] == ["[10]", "[20]", "[30]"]


def test_a_window_past_its_limit_is_tle_with_the_host_time() -> None:
    pacer = _pacer()
    pacer.on_output(b"@@READY\n", 0.2)
    pacer.on_output(b"@@R 0 [1]\n", 0.3)
    pacer.on_deadline(1.35)
    assert pacer.stop_reason == "TLE"
    assert pacer.current == 1 and pacer.timed_out_s is not None
    assert round(pacer.timed_out_s, 6) == 1.05
    assert pacer.cpu_deadline_s() is None


def test_a_result_that_arrives_late_is_still_over_the_limit() -> None:
    pacer = _pacer()
    pacer.on_output(b"@@READY\n", 0.0)
    pacer.on_output(b"@@R 0 [1]\n", 1.5)
    assert pacer.stop_reason == "TLE" and pacer.results[0][0] == 1.5
    assert pacer.take_input() == b"[1]\n", "the next test never starts"


def test_start_up_has_its_own_allowance() -> None:
    pacer = _pacer()
    assert pacer.cpu_deadline_s() == 0.5
    pacer.on_deadline(0.6)
    assert pacer.stop_reason == "TLE" and pacer.current == -1


def test_a_result_out_of_turn_breaks_the_protocol() -> None:
    pacer = _pacer()
    pacer.on_output(b"@@READY\n@@R 0 [1]\n", 0.1)
    pacer.on_output(b"@@R 0 [1]\n", 0.2)  # the harness's line after a forged one
    assert pacer.stop_reason == "protocol" and pacer.violation is not None
    assert pacer.violation == "a result for test '0' while test 1 ran"
    assert pacer.cpu_deadline_s() is None


def test_lines_that_are_not_the_protocol_break_it() -> None:
    for output in (
        b"@@R 0 [1]\n",  # before READY
        b"@@READY\n@@READY\n",
        b"@@READY\nhello\n",
        b"@@READY\n@@END\n",  # the end before the tests
        b"@@READY\n@@R 0 [1]\n@@R 1 [1]\n@@R 2 [1]\n@@END\n@@R 3 [1]\n",
    ):
        pacer = _pacer()
        pacer.on_output(output, 0.1)
        assert pacer.stop_reason == "protocol", output


def test_an_empty_batch_ends_at_once() -> None:
    pacer = TestPacer([], test_limit_s=1.0, startup_s=0.5)
    pacer.on_output(b"@@READY\n", 0.1)
    assert pacer.input_closed
    pacer.on_output(b"@@END\n", 0.1)
    assert pacer.ended and pacer.stop_reason is None
