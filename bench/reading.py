"""What reading a question costs: the CPU time of the free-text reader per question, and of the whole way from
words to a command (grammar refusal, reader, grammar again), over the phrasings of tests/data/phrasings.txt.

Run by hand from the repository root (not part of the test suite):

    python -m bench.reading [--rounds 200]

Each question is read `rounds` times, in turns with the others (so the machine's drift falls on all alike); a
question's figure is the median of its rounds, and the figures printed are the median, 90th percentile and worst
over the questions. CPU time is the process's own (time.process_time_ns): steadier than wall time on a shared
machine.
"""

import argparse
import statistics
import time
from collections.abc import Callable

from bot.answer import read
from bot.text.reader import read as read_free_text
from tests.test_reader import TABLE


def cpu_per_call(call: Callable[[str], object], questions: list[str], rounds: int) -> list[float]:
    """Each question's median CPU time per call, in microseconds."""
    times: dict[str, list[int]] = {question: [] for question in questions}
    for _ in range(rounds):
        for question in questions:
            start = time.process_time_ns()
            call(question)
            times[question].append(time.process_time_ns() - start)
    return [statistics.median(spent) / 1000 for spent in times.values()]


def summary(name: str, per_question: list[float]) -> str:
    ordered = sorted(per_question)
    p90 = ordered[int(0.9 * (len(ordered) - 1))]
    return f"{name:<34} median {statistics.median(ordered):7.1f} µs   p90 {p90:7.1f} µs   worst {ordered[-1]:7.1f} µs"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=200)
    rounds = parser.parse_args().rounds
    questions = [phrasing.question for phrasing in TABLE]
    cpu_per_call(read_free_text, questions, 5)  # warm: regexes compiled, caches filled
    print(f"{len(questions)} questions, {rounds} rounds each, CPU time per question")
    print(summary("reader (bot.text.reader.read)", cpu_per_call(read_free_text, questions, rounds)))
    print(summary("words to command (bot.answer.read)", cpu_per_call(lambda q: read(q, "en"), questions, rounds)))


if __name__ == "__main__":
    main()
