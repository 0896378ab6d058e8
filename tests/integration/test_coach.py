"""Coaches in hosted mode, through the real app on a real PostgreSQL: an admin assigns a
candidate to a coach (the CLI's `users assign`), the coach sees the candidate's sessions and
reads a finished session's debrief; another coach, an unassigned candidate's sessions and
candidates themselves get nothing; an admin reads everyone's."""

from __future__ import annotations

from pathlib import Path

import pytest
from web_support import hosted_settings

from barraiser.accounts import AccountError, Accounts
from barraiser.web.app import create_app
from web_client import TestClient

PASSWORD = "a long enough password"
CONCEPT = "activation-function-for-image-classification"
ANSWER = "Use ReLU in the hidden layers and softmax at the output layer for the classes."


def _bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def _finished_practice(client: TestClient, who: dict[str, str]) -> str:
    made = client.post("/api/sessions", json={"practice_item_id": CONCEPT}, headers=who)
    assert made.status_code == 201, made.text
    sid = made.json()["id"]
    for path, body in (
        (f"/api/sessions/{sid}/rounds/start", None),
        (f"/api/sessions/{sid}/items/{CONCEPT}/answer", {"text": ANSWER}),
        (f"/api/sessions/{sid}/rounds/finish", None),
    ):
        done = client.post(path, json=body, headers=who)
        assert done.status_code < 300, (path, done.text)
    return str(sid)


@pytest.mark.postgres
def test_a_coach_reads_only_their_candidates(postgres_url: str, tmp_path: Path) -> None:
    app = create_app(hosted_settings(tmp_path, postgres_url))
    with TestClient(app) as client:
        accounts: Accounts = app.state.accounts
        people = {
            "ann": "candidate",
            "ben": "candidate",
            "cat": "coach",
            "cy": "coach",
            "dan": "admin",
        }
        tokens = {}
        for name, role in people.items():
            accounts.add_user(name, PASSWORD, role=role, name=name.title())
            tokens[name] = _bearer(accounts.issue_api_token(name))
        accounts.assign("ann", "cat")
        with pytest.raises(AccountError, match="not a coach"):
            accounts.assign("ben", "ann")
        ann_session = _finished_practice(client, tokens["ann"])
        ben_session = _finished_practice(client, tokens["ben"])

        # Cat sees Ann (assigned) and her session, never Ben's.
        listed = client.get("/api/coach/candidates", headers=tokens["cat"]).json()
        assert [(c["username"], [s["id"] for s in c["sessions"]]) for c in listed] == [
            ("ann", [ann_session])
        ]
        debrief = client.get(f"/api/coach/sessions/{ann_session}/debrief", headers=tokens["cat"])
        assert debrief.status_code == 200 and debrief.json()["session_id"] == ann_session
        page = client.get(f"/coach/sessions/{ann_session}/debrief", headers=tokens["cat"])
        assert page.status_code == 200 and "read only" in page.text
        assert "softmax at the output layer" in page.text  # her answer, quoted
        coach_page = client.get("/coach", headers=tokens["cat"])
        assert f'data-session="{ann_session}"' in coach_page.text
        assert ben_session not in coach_page.text
        for path in (
            f"/api/coach/sessions/{ben_session}/debrief",
            f"/coach/sessions/{ben_session}/debrief",
        ):
            assert client.get(path, headers=tokens["cat"]).status_code == 404

        # Another coach and the candidates themselves get nothing of Ann's.
        assert client.get("/api/coach/candidates", headers=tokens["cy"]).json() == []
        for who in ("cy", "ben", "ann"):
            got = client.get(f"/api/coach/sessions/{ann_session}/debrief", headers=tokens[who])
            assert got.status_code == 404, who
        assert client.get("/api/coach/candidates", headers=tokens["ann"]).status_code == 403
        assert client.get("/coach", headers=tokens["ben"]).status_code == 403

        # An admin reads everyone's; unassigning ends the coach's view.
        everyone = client.get("/api/coach/candidates", headers=tokens["dan"]).json()
        assert {c["username"] for c in everyone} == {"ann", "ben", "cat", "cy"}
        assert (
            client.get(
                f"/api/coach/sessions/{ben_session}/debrief", headers=tokens["dan"]
            ).status_code
            == 200
        )
        accounts.assign("ann", None)
        assert client.get("/api/coach/candidates", headers=tokens["cat"]).json() == []
        gone = client.get(f"/api/coach/sessions/{ann_session}/debrief", headers=tokens["cat"])
        assert gone.status_code == 404
