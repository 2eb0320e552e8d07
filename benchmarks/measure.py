"""How the benchmarks measure: wall time and peak memory of one run, always of a child process.

A command runs as its own process, started by a small launcher process (the bare interpreter), so
its peak, ``ru_maxrss`` from ``os.wait4``, is the command's alone: Linux counts in a child's peak the
memory of the process it was forked from, which for this runner would be hundreds of MiB.
A function runs in a forked child: the child sets up its data, resets its high-water
mark (``/proc/self/clear_refs``), then times the function; its peak is again the child's
``ru_maxrss``, so it covers the data the function works on and the modules the runner had imported
(the same for the function and its baseline), not the runner's other rows.
"""

from __future__ import annotations

import json
import os
import pickle
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

MEMORY_CAP_MIB = 8 * 1024  # the machine is shared: a child past this is stopped, and its row says so


class Failed(Exception):
    """A run that failed, was refused or went over a cap: the row prints this instead of figures."""


@dataclass(frozen=True)
class Run:
    seconds: float
    mib: float


def _stop(pid: int) -> None:
    os.kill(pid, signal.SIGKILL)
    os.wait4(pid, 0)


def _watch(pid: int, started: float, cap_seconds: float | None) -> tuple[int, object]:
    """Wait for ``pid``, stopping it past the time or memory cap."""
    while True:
        done, status, usage = os.wait4(pid, os.WNOHANG)
        if done:
            return status, usage
        if cap_seconds is not None and time.perf_counter() - started > cap_seconds:
            _stop(pid)
            raise Failed(f"stopped after {cap_seconds:.0f} s")
        try:
            with open(f"/proc/{pid}/status") as status_file:
                resident = next((line for line in status_file if line.startswith("VmRSS:")), "VmRSS: 0 kB")
        except OSError:
            resident = "VmRSS: 0 kB"
        if int(resident.split()[1]) / 1024 > MEMORY_CAP_MIB:
            _stop(pid)
            raise Failed(f"stopped at {MEMORY_CAP_MIB / 1024:.0f} GiB of memory")
        time.sleep(0.02)


LAUNCHER = r"""
import json, os, sys, time
def watch(pid, started, cap_seconds, cap_mib):
    while True:
        done, status, usage = os.wait4(pid, os.WNOHANG)
        if done:
            return status, usage, None
        stop = None
        if cap_seconds is not None and time.perf_counter() - started > cap_seconds:
            stop = "stopped after %.0f s" % cap_seconds
        else:
            try:
                with open("/proc/%d/status" % pid) as status_file:
                    line = next((l for l in status_file if l.startswith("VmRSS:")), "VmRSS: 0 kB")
                if int(line.split()[1]) / 1024 > cap_mib:
                    stop = "stopped at %.0f GiB of memory" % (cap_mib / 1024)
            except OSError:
                pass
        if stop:
            os.kill(pid, 9)
            _, status, usage = os.wait4(pid, 0)
            return status, usage, stop
        time.sleep(0.02)
for request in sys.stdin:
    job = json.loads(request)
    started = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        try:
            if job["pin"] is not None:
                os.sched_setaffinity(0, {job["pin"]})
            os.dup2(os.open(os.devnull, os.O_WRONLY), 1)
            os.dup2(os.open(job["errors"], os.O_WRONLY | os.O_TRUNC), 2)
            os.execv(job["argv"][0], job["argv"])
        finally:
            os._exit(127)
    status, usage, stop = watch(pid, started, job["cap"], job["cap_mib"])
    wall = time.perf_counter() - started
    answer = {"seconds": wall, "mib": usage.ru_maxrss / 1024, "code": os.waitstatus_to_exitcode(status), "stop": stop}
    sys.stdout.write(json.dumps(answer) + "\n")
    sys.stdout.flush()
"""

_launcher: subprocess.Popen | None = None


def start_launcher() -> None:
    """Start the process that starts the commands: small (the bare interpreter, ~10 MiB), so its
    children's ``ru_maxrss``, which counts the memory of the process they were forked from, is theirs.
    Call it before importing anything large; ``process`` starts it on first use otherwise."""
    global _launcher
    if _launcher is None:
        _launcher = subprocess.Popen(
            [sys.executable, "-S", "-c", LAUNCHER], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
        )


def process(command: list[str], cap_seconds: float | None = None, pin: int | None = None) -> Run:
    """One run of ``command``, its output thrown away: wall seconds and the child's peak resident MiB."""
    start_launcher()
    assert _launcher is not None and _launcher.stdin is not None and _launcher.stdout is not None
    executable = shutil.which(command[0]) or command[0]
    with tempfile.NamedTemporaryFile(suffix=".err") as errors:
        job = {"argv": [executable, *command[1:]], "pin": pin, "cap": cap_seconds, "cap_mib": MEMORY_CAP_MIB}
        _launcher.stdin.write(json.dumps({**job, "errors": errors.name}) + "\n")
        _launcher.stdin.flush()
        answer = json.loads(_launcher.stdout.readline())
        if answer["stop"]:
            raise Failed(answer["stop"])
        if answer["code"] != 0:
            lines = [line for line in Path(errors.name).read_text(errors="replace").splitlines() if line.strip()]
            raise Failed(f"exit {answer['code']}: {lines[-1].strip() if lines else 'no message'}")
    return Run(answer["seconds"], answer["mib"])


def in_child(
    setup: Callable[[], object], function: Callable[[object], object], cap_seconds: float | None = None
) -> Run:
    """``function(setup())`` in a forked child: the seconds of ``function`` alone and the child's peak MiB
    from the end of its setup on (the data set up stay resident, and count)."""
    read, write = os.pipe()
    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:  # the child: never returns
        code = 0
        try:
            os.close(read)
            state = setup()
            try:
                with open("/proc/self/clear_refs", "w") as clear:
                    clear.write("5")  # the peak from here on
            except OSError:
                pass
            began = time.perf_counter()
            function(state)
            message: object = time.perf_counter() - began
        except BaseException as error:  # reported by the parent's row
            message, code = f"{type(error).__name__}: {error}".splitlines()[0][:200], 1
        with os.fdopen(write, "wb") as out:
            pickle.dump(message, out)
        os._exit(code)
    os.close(write)
    with os.fdopen(read, "rb") as answer:
        status, usage = _watch_reading(pid, answer, start, cap_seconds)
    if isinstance(status, str):
        raise Failed(status)
    return Run(status, usage.ru_maxrss / 1024)


def answer_in_child(function: Callable[[], object]) -> object:
    """``function()`` in a forked child, its (small, picklable) answer returned: side work such as a
    check of two outputs stays out of this runner's memory, which every later child would inherit."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read)
        try:
            message: object = ("ok", function())
        except BaseException as error:
            message = ("error", f"{type(error).__name__}: {error}".splitlines()[0][:200])
        with os.fdopen(write, "wb") as out:
            pickle.dump(message, out)
        os._exit(0)
    os.close(write)
    with os.fdopen(read, "rb") as answer:
        try:
            kind, value = pickle.load(answer)
        except EOFError:
            kind, value = "error", "the child ended without an answer"
    os.waitpid(pid, 0)
    if kind == "error":
        raise Failed(value)
    return value


def _watch_reading(pid: int, answer, start: float, cap_seconds: float | None) -> tuple[object, object]:
    status, usage = _watch(pid, start, cap_seconds)
    try:
        message = pickle.load(answer)
    except EOFError:
        message = f"the child ended without an answer (status {status})"
    return message, usage


@dataclass
class Row:
    """One benchmark row: ours and the baseline, medians over interleaved runs."""

    name: str
    baseline_name: str
    target: str
    ours: list[Run] = field(default_factory=list)
    theirs: list[Run] = field(default_factory=list)
    failure: str | None = None
    baseline_failure: str | None = None
    met: str = ""

    @property
    def seconds(self) -> float:
        return statistics.median(r.seconds for r in self.ours)

    @property
    def mib(self) -> float:
        return statistics.median(r.mib for r in self.ours)

    @property
    def baseline_seconds(self) -> float:
        return statistics.median(r.seconds for r in self.theirs)

    @property
    def baseline_mib(self) -> float:
        return statistics.median(r.mib for r in self.theirs)

    @property
    def ratio(self) -> float:
        return statistics.median(m.seconds / t.seconds for m, t in zip(self.ours, self.theirs, strict=True))

    @property
    def memory_ratio(self) -> float:
        return statistics.median(m.mib / t.mib for m, t in zip(self.ours, self.theirs, strict=True))

    @property
    def measured(self) -> bool:
        return self.failure is None and self.baseline_failure is None and bool(self.ours) and bool(self.theirs)


def compare(
    name: str,
    ours: Callable[[], Run],
    baseline: Callable[[], Run] | None,
    runs: int,
    target: str,
    baseline_name: str = "",
    check: Callable[[Row], str] | None = None,
) -> Row:
    """Warm up each once, then ``runs`` interleaved pairs (drift in the machine's speed hits both alike).
    A failure of either side is kept in the row and printed, and the run goes on."""
    row = Row(name, baseline_name, target)
    sides = [("ours", ours)] + ([("theirs", baseline)] if baseline is not None else [])
    for attempt in range(runs + 1):
        for side, run in sides:
            failure = "failure" if side == "ours" else "baseline_failure"
            if getattr(row, failure) is not None:
                continue
            try:
                measured = run()
            except Failed as error:
                setattr(row, failure, str(error))
                continue
            if attempt:  # the first round warms the page cache and the compiled bytecode
                getattr(row, side).append(measured)
        if row.failure is not None and attempt == 0:
            break
    if check is not None and row.failure is None and row.ours:
        row.met = check(row)
    print_row(row)
    return row


def print_row(row: Row) -> None:
    if row.failure is not None:
        print(f"{row.name:<70} {row.failure}", flush=True)
        return
    line = f"{row.name:<70} {row.seconds:8.3f}s {row.mib:7.0f}MiB"
    if row.baseline_failure is not None:
        line += f"  baseline ({row.baseline_name}): {row.baseline_failure}"
    elif row.theirs:
        line += (
            f"  baseline {row.baseline_seconds:8.3f}s {row.baseline_mib:7.0f}MiB"
            f"  ratio {row.ratio:5.2f} (memory {row.memory_ratio:4.2f})"
        )
    print(f"{line}  [{row.target}{': ' + row.met if row.met else ''}]", flush=True)


def markdown(rows: list[Row]) -> list[str]:
    """The README's table rows, ready to paste."""
    lines = ["| what | programscore | baseline | ratio | target |", "| --- | ---: | ---: | ---: | --- |"]
    for row in rows:
        if row.failure is not None:
            lines.append(f"| {row.name} | {row.failure} | | | {row.target} |")
            continue
        ours = f"{row.seconds:.3f} s, {row.mib:,.0f} MiB"
        if row.baseline_failure is not None:
            theirs, ratio = f"{row.baseline_name}: {row.baseline_failure}", ""
        elif row.theirs:
            theirs = f"{row.baseline_seconds:.3f} s, {row.baseline_mib:,.0f} MiB ({row.baseline_name})"
            ratio = f"{row.ratio:.2f} (memory {row.memory_ratio:.2f})"
        else:
            theirs, ratio = "", ""
        target = row.target + (f" ({row.met})" if row.met else "")
        lines.append(f"| {row.name} | {ours} | {theirs} | {ratio} | {target} |")
    return lines


def within(seconds: float | None = None, mib: float | None = None, ratio: float | None = None,
           memory_ratio: float | None = None, extra_seconds: float | None = None,
           extra_mib: float | None = None) -> Callable[[Row], str]:  # fmt: skip
    """A check of a row against its target: "met", or "missed" with what missed."""

    def check(row: Row) -> str:
        missed = []
        if seconds is not None and row.seconds >= seconds:
            missed.append("time")
        if mib is not None and row.mib >= mib:
            missed.append("memory")
        compared = row.measured
        if ratio is not None and compared and row.ratio > ratio:
            missed.append("time ratio")
        if memory_ratio is not None and compared and row.memory_ratio > memory_ratio:
            missed.append("memory ratio")
        if extra_seconds is not None and compared and row.seconds - row.baseline_seconds > extra_seconds:
            missed.append("extra time")
        if extra_mib is not None and compared and row.mib - row.baseline_mib > extra_mib:
            missed.append("extra memory")
        if not compared and any(v is not None for v in (ratio, memory_ratio, extra_seconds, extra_mib)):
            return "no baseline"
        return "missed: " + ", ".join(missed) if missed else "met"

    return check
