"""Load-test the web UI through its HTTP API: concurrent chat sessions asking questions with known answers.

Starts `rag ui` (real model) on 127.0.0.1 over a fresh index of the seeds in a temp
folder, then runs SESSIONS gradio_client sessions in parallel, each asking QUESTIONS
questions in one chat (so each call also carries that chat's history), checks every
answer for its gold substring, and writes p50/p95 latency and error counts to
eval/reports/ui/loadtest.md.
Usage:
    .venv/bin/python eval/loadtest_ui.py [--sessions 20] [--questions 10]
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "eval" / "seeds.jsonl"
REPORT = ROOT / "eval" / "reports" / "ui" / "loadtest.md"
HOST = "127.0.0.1"  # never anything else: this script starts a server
START_TIMEOUT_S = 180
CALL_TIMEOUT_S = 60
TOTAL_TIMEOUT_S = 600

# Questions from eval/seeds.jsonl that the extractive pipeline answers correctly when
# asked alone: the load test checks the UI under load, not the retrieval quality.
QUESTION_IDS = ["en-016", "en-024", "en-029", "en-033", "en-039", "en-047", "zh-008", "zh-014", "zh-018", "zh-022"]


@dataclass
class Result:
    seconds: list[float] = field(default_factory=list)
    wrong: list[tuple[str, str]] = field(default_factory=list)  # (question, answer)
    errors: list[str] = field(default_factory=list)


def load_questions(ids: list[str]) -> list[tuple[str, list[str]]]:
    lines = [line for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    rows = {row["id"]: row for row in map(json.loads, lines)}
    return [(rows[i]["question"], rows[i]["answers"]) for i in ids]


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def wait_until_up(url: str, server: subprocess.Popen) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"`rag ui` exited with code {server.returncode} before serving")
        try:
            with urllib.request.urlopen(url + "config", timeout=2):
                return
        except OSError:
            time.sleep(0.5)
    raise TimeoutError(f"`rag ui` did not answer at {url} within {START_TIMEOUT_S} s")


def bot_text(chat: list[dict]) -> str:
    content = chat[-1]["content"]
    return " ".join(part.get("text", "") for part in content) if isinstance(content, list) else str(content)


def run_session(url: str, session: int, questions: list[tuple[str, list[str]]], n: int, deadline: float) -> Result:
    from gradio_client import Client

    result = Result()
    try:
        # A loaded 2-core machine can take several seconds to hand out the config: allow it.
        client = Client(
            url, verbose=False, analytics_enabled=False, download_files=False, httpx_kwargs={"timeout": CALL_TIMEOUT_S}
        )
    except Exception as error:  # the session could not even start: all its questions fail
        result.errors += [f"session {session} could not connect: {type(error).__name__}: {error}"] * n
        return result
    chat: list = []
    for i in range(n):
        if time.monotonic() > deadline:
            result.errors.append("skipped: total time limit reached")
            continue
        question, answers = questions[(session + i) % len(questions)]  # sessions start at different questions
        started = time.perf_counter()
        try:
            job = client.submit(question, chat, api_name="/ask")
            chat, _, _ = job.result(timeout=CALL_TIMEOUT_S)
        except Exception as error:  # any failure of the HTTP API counts as an error
            result.errors.append(f"{question}: {type(error).__name__}: {error}")
            continue
        result.seconds.append(time.perf_counter() - started)
        answer = bot_text(chat)
        if not any(gold in answer for gold in answers):
            result.wrong.append((question, answer))
    client.close()
    return result


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--questions", type=int, default=10, help="questions per session")
    parser.add_argument("--out", type=Path, default=REPORT)
    args = parser.parse_args(argv)

    questions = load_questions(QUESTION_IDS)
    port = free_port()
    url = f"http://{HOST}:{port}/"
    with tempfile.TemporaryDirectory(prefix="rag-ui-load-") as tmp:
        env = {**os.environ, "RAG_INDEX": str(Path(tmp) / "index"), "GRADIO_ANALYTICS_ENABLED": "False"}
        env.pop("RAG_UI_AUTH", None)
        log = open(Path(tmp) / "server.log", "w")
        started = time.monotonic()
        server = subprocess.Popen(
            [sys.executable, "-m", "rag.cli", "ui", "--host", HOST, "--port", str(port)],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            wait_until_up(url, server)
            startup_s = time.monotonic() - started
            print(f"server up at {url} after {startup_s:.1f} s (seed ingest + model load)", file=sys.stderr)
            began = time.perf_counter()
            deadline = time.monotonic() + TOTAL_TIMEOUT_S
            with ThreadPoolExecutor(max_workers=args.sessions) as pool:
                results = list(
                    pool.map(lambda s: run_session(url, s, questions, args.questions, deadline), range(args.sessions))
                )
            wall_s = time.perf_counter() - began
        finally:
            server.terminate()
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()
            log.close()
            server_log = (Path(tmp) / "server.log").read_text(encoding="utf-8", errors="replace")

    load = os.getloadavg()
    seconds = [s for r in results for s in r.seconds]
    wrong = [w for r in results for w in r.wrong]
    errors = [e for r in results for e in r.errors]
    total = args.sessions * args.questions
    lines = [
        "# Web UI load test",
        "",
        f"`rag ui` on {HOST} (real all-MiniLM-L6-v2, extractive generator, seed index), driven through the Gradio HTTP API",
        f"with gradio_client: {args.sessions} concurrent chat sessions x {args.questions} questions "
        f"({len(QUESTION_IDS)} distinct questions with known answers from eval/seeds.jsonl; each session keeps its chat history).",
        "",
        "| measure | value |",
        "|---|---|",
        f"| requests | {total} |",
        f"| answered | {len(seconds)} |",
        f"| errors | {len(errors)} |",
        f"| answers missing the gold substring | {len(wrong)} |",
        f"| p50 response time | {percentile(seconds, 0.50):.3f} s |" if seconds else "| p50 response time | - |",
        f"| p95 response time | {percentile(seconds, 0.95):.3f} s |" if seconds else "| p95 response time | - |",
        f"| max response time | {max(seconds):.3f} s |" if seconds else "| max response time | - |",
        f"| mean response time | {statistics.mean(seconds):.3f} s |" if seconds else "| mean response time | - |",
        f"| wall time | {wall_s:.1f} s |",
        f"| throughput | {len(seconds) / wall_s:.1f} answers/s |",
        f"| server start (seed ingest + model load) | {startup_s:.1f} s |",
        "",
        f"Machine: {os.cpu_count()} CPUs, load average {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f} (1/5/15 min) at the end;"
        " the load generator runs on the same machine. Response time = submit to result in the client, including queueing.",
    ]
    if errors:
        lines += ["", "## Errors (first 10)", ""] + [f"- {e}" for e in errors[:10]]
    if wrong:
        lines += ["", "## Answers without the gold substring (first 10)", ""]
        lines += [f"- {q} -> {a[:200]}" for q, a in wrong[:10]]
    if errors or server.returncode not in (0, -15, None):
        lines += ["", "## Server log (tail)", "", "```", *server_log.splitlines()[-30:], "```"]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    return 1 if errors or wrong else 0


if __name__ == "__main__":
    sys.exit(main())
