"""A local OpenAI-compatible chat-completions endpoint for the LLM-judge tests (no model here)."""

from __future__ import annotations

import contextlib
import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class ChatServer:
    """What the fake endpoint answers, and what it was sent (set by each test)."""

    url: str
    content: str = "{}"  # the assistant message it returns
    status: int = 200
    delay_s: float = 0.0
    requests: list[dict[str, Any]] = field(default_factory=list)  # path, body, auth


@contextmanager
def serve_chat() -> Iterator[ChatServer]:
    """A stdlib HTTP server on 127.0.0.1 that speaks the chat-completions shape."""
    state = ChatServer(url="")

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            auth = self.headers.get("Authorization")
            state.requests.append({"path": self.path, "body": body, "auth": auth})
            if state.delay_s:
                time.sleep(state.delay_s)
            if state.status != 200:
                self.send_response(state.status)
                self.end_headers()
                self.wfile.write(b"model not loaded")
                return
            message = {"role": "assistant", "content": state.content}
            data = json.dumps({"choices": [{"index": 0, "message": message}]}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def handle(self) -> None:
            # The client may give up first (the timeout tests).
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                super().handle()

        def log_message(self, *args: Any) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    state.url = f"http://127.0.0.1:{httpd.server_address[1]}"
    try:
        yield state
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()
