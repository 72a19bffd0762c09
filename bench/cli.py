"""The CLI's wall time, paired: `llmcost train 175B 500B` from two checkouts, in turns, order reversed each round.

    python -m bench.cli BEFORE_DIR AFTER_DIR [--rounds 15]

Each checkout's own `bot` and `calc` are imported (PYTHONPATH); compile their bytecode first (`python -m compileall`),
as `pip install` does. Prints each side's median and interquartile range, and the paired ratio after/before, of the
wall time and of the CPU time (the child's user + system time: it moves far less than wall time when others load
the machine).
"""

import argparse
import os
import resource
import subprocess
import sys
import time

from bench.run import in_turns, ratios, spread

ANSWER = "from bot.cli import main; import sys; sys.argv = ['llmcost', 'train', '175B', '500B']; main()"


def cpu_seconds() -> float:
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return children.ru_utime + children.ru_stime


def wall_and_cpu_ms(checkout: str) -> tuple[float, float]:
    environment = dict(os.environ, PYTHONPATH=checkout)
    started, cpu = time.perf_counter(), cpu_seconds()
    subprocess.run([sys.executable, "-c", ANSWER], cwd=checkout, env=environment, capture_output=True, check=True)
    return (time.perf_counter() - started) * 1000, (cpu_seconds() - cpu) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.cli", description=__doc__)
    parser.add_argument("before")
    parser.add_argument("after")
    parser.add_argument("--rounds", type=int, default=15)
    options = parser.parse_args()
    for checkout in (options.before, options.after):  # warm the disk cache
        wall_and_cpu_ms(checkout)
    before: list[tuple[float, float]] = []
    after: list[tuple[float, float]] = []
    for round_number in range(options.rounds):
        for checkout, times in in_turns([(options.before, before), (options.after, after)], round_number):
            times.append(wall_and_cpu_ms(checkout))
    for index, measure in enumerate(("wall", "CPU")):
        ours = [sample[index] for sample in after]
        theirs = [sample[index] for sample in before]
        print(f"{measure} before  {spread(theirs)} ms")
        print(f"{measure} after   {spread(ours)} ms")
        print(f"{measure} after/before, paired: {spread(ratios(ours, theirs))}")


if __name__ == "__main__":
    main()
