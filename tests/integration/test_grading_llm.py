"""The LLM judge against a real local HTTP server that speaks the chat-completions API."""

from __future__ import annotations

import contextlib
import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from barraiser.content.bank import get_bank
from barraiser.grading.llm import LLMConfig, judge_with_llm

REPLIES: dict[str, Any] = {}


class _Handler(BaseHTTPRequestHandler):
    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        REPLIES["last_request"] = body
        REPLIES["last_auth"] = self.headers.get("Authorization")
        mode = REPLIES.get("mode", "ok")
        if mode == "slow":
            time.sleep(1.0)
        if mode == "500":
            self.send_response(500)
            self.end_headers()
            self.wfile.write(b"boom")
            return
        content = REPLIES.get("content", "{}")
        payload = {"choices": [{"index": 0, "message": {"role": "assistant", "content": content}}]}
        data = json.dumps(payload).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def handle(self) -> None:
        # The client may give up first (the timeout test).
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            super().handle()

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    REPLIES.clear()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()
    thread.join()


def _question():  # type: ignore[no-untyped-def]
    return get_bank().question("prioritizing-multiple-deadlines")


def test_judge_returns_validated_json(server: str) -> None:
    q = _question()
    assert q.rubric is not None
    REPLIES["content"] = (
        "```json\n"
        + json.dumps(
            {
                "score": 35,
                "key_points": [
                    {"id": "stakeholder-communication", "covered": True, "evidence": "We kept..."},
                    {"id": "not-a-point", "covered": True, "evidence": None},
                ],
                "misconceptions": ["we-is-fine"],
                "feedback": "Say what you did.",
            }
        )
        + "\n```"
    )
    outcome = judge_with_llm(
        q.prompt, q.rubric, "We sat down as a team.", LLMConfig(server, "tiny", api_key="k")
    )
    assert outcome.ok and outcome.judgement is not None
    assert outcome.judgement.score == 35
    assert [kp.id for kp in outcome.judgement.key_points] == ["stakeholder-communication"]
    request = REPLIES["last_request"]
    assert request["model"] == "tiny"
    assert "decision-criteria" in request["messages"][1]["content"]
    assert "We sat down as a team." in request["messages"][1]["content"]
    assert REPLIES["last_auth"] == "Bearer k"


def test_judge_reports_bad_json_timeout_http_error_and_no_server(server: str) -> None:
    q = _question()
    assert q.rubric is not None
    REPLIES["content"] = '{"score": 250}'
    bad = judge_with_llm(q.prompt, q.rubric, "x", LLMConfig(server, "m"))
    assert not bad.ok and bad.error and "not valid" in bad.error

    REPLIES["mode"] = "slow"
    slow = judge_with_llm(q.prompt, q.rubric, "x", LLMConfig(server, "m", timeout_s=0.2))
    assert not slow.ok and slow.error and "did not answer within" in slow.error

    REPLIES["mode"] = "500"
    failed = judge_with_llm(q.prompt, q.rubric, "x", LLMConfig(server, "m"))
    assert not failed.ok and failed.error and "HTTP 500" in failed.error

    gone = judge_with_llm(q.prompt, q.rubric, "x", LLMConfig("http://127.0.0.1:9", "m"))
    assert not gone.ok and gone.error and "cannot reach" in gone.error.lower()
