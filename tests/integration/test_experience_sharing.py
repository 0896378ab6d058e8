"""Shared journal entries in hosted mode, through the real app on a real PostgreSQL: an author
shares an entry, other members read it (never the author's practice drafts) and report it, a
coach sees the reports and hides it; candidates cannot see the reports; a local install shares
nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from web_support import hosted_settings, web_settings

from barraiser.accounts import Accounts
from barraiser.store import utcnow
from barraiser.web.app import create_app
from web_client import TestClient

PASSWORD = "a long enough password"
ENTRY = {
    "company": "Netflix",
    "role": "ML engineer",
    "date": utcnow().date().isoformat(),
    "outcome": "pending",
    "notes": "The culture round took an hour.",
    "rounds": [{"title": "Culture interview"}],
    "questions": [{"text": "Tell me about candid feedback you gave.", "kind": "behavioural"}],
}


def _bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


@pytest.mark.postgres
def test_share_read_report_and_hide(postgres_url: str, tmp_path: Path) -> None:
    app = create_app(hosted_settings(tmp_path, postgres_url))
    with TestClient(app) as client:
        accounts: Accounts = app.state.accounts
        tokens = {}
        for name, role in (("ann", "candidate"), ("ben", "candidate"), ("cat", "coach")):
            accounts.add_user(name, PASSWORD, role=role, name=name.title())
            tokens[name] = _bearer(accounts.issue_api_token(name))
        ann, ben, cat = tokens["ann"], tokens["ben"], tokens["cat"]

        made = client.post("/api/experiences", json=ENTRY, headers=ann)
        assert made.status_code == 201, made.text
        entry_id = made.json()["id"]
        assert made.json()["shared"] is False
        # Private until shared: Ben sees nothing and cannot open it.
        assert client.get("/api/experiences/shared", headers=ben).json() == []
        assert client.get(f"/api/experiences/shared/{entry_id}", headers=ben).status_code == 404
        assert client.get(f"/api/experiences/{entry_id}", headers=ben).status_code == 404
        # Only its author can share it.
        refused = client.put(
            f"/api/experiences/{entry_id}/shared", json={"shared": True}, headers=ben
        )
        assert refused.status_code == 404
        shared = client.put(
            f"/api/experiences/{entry_id}/shared", json={"shared": True}, headers=ann
        )
        assert shared.status_code == 200 and shared.json()["shared"] is True
        # Editing it keeps it shared.
        edited = client.put(
            f"/api/experiences/{entry_id}", json={**ENTRY, "notes": "An hour."}, headers=ann
        )
        assert edited.status_code == 200 and edited.json()["shared"] is True

        listed = client.get("/api/experiences/shared", headers=ben).json()
        assert [(e["id"], e["author"]) for e in listed] == [(entry_id, "Ann")]
        assert all(q["practice_question_id"] is None for q in listed[0]["questions"])
        assert client.get("/api/experiences/shared", headers=ann).json() == []  # not her own
        page = client.get(f"/experiences/shared/{entry_id}", headers=ben)
        assert page.status_code == 200 and "Shared by Ann" in page.text

        # Reports: a reason is needed; an author cannot report her own; candidates see none.
        empty = client.post(
            f"/api/experiences/shared/{entry_id}/report", json={"reason": "  "}, headers=ben
        )
        assert empty.status_code == 422 and "what is wrong" in empty.json()["detail"]
        own = client.post(
            f"/api/experiences/shared/{entry_id}/report", json={"reason": "x"}, headers=ann
        )
        assert own.status_code == 409
        form = client.post(
            f"/experiences/shared/{entry_id}/report",
            data={"reason": "Names the interviewer."},
            headers=ben,
            follow_redirects=False,
        )
        assert form.status_code == 303 and form.headers["location"].endswith("reported=1")
        assert client.get("/api/experiences/reports", headers=ben).status_code == 403
        assert client.get("/experiences/reports", headers=ben).status_code == 403
        reports = client.get("/api/experiences/reports", headers=cat).json()
        assert [(r["entry"]["id"], r["reports"], r["reasons"]) for r in reports] == [
            (entry_id, 1, ["Names the interviewer."])
        ]
        assert "Names the interviewer." in client.get("/experiences/reports", headers=cat).text

        # A candidate cannot hide it; the coach can; the author keeps it, private again.
        assert (
            client.post(f"/api/experiences/reports/{entry_id}/hide", headers=ben).status_code == 403
        )
        hide = client.post(f"/api/experiences/reports/{entry_id}/hide", headers=cat)
        assert hide.status_code == 204
        assert client.get("/api/experiences/shared", headers=ben).json() == []
        assert client.get("/api/experiences/reports", headers=cat).json() == []
        kept = client.get(f"/api/experiences/{entry_id}", headers=ann).json()
        assert kept["shared"] is False and kept["notes"] == "An hour."


def test_a_local_install_shares_nothing(tmp_path: Path) -> None:
    app = create_app(web_settings(tmp_path))
    with TestClient(app) as client:
        made = client.post("/api/experiences", json=ENTRY)
        entry_id = made.json()["id"]
        refused = client.put(f"/api/experiences/{entry_id}/shared", json={"shared": True})
        assert refused.status_code == 409 and "hosted" in refused.json()["detail"]
        assert client.get("/api/experiences/shared").json() == []
        missing = client.get(f"/api/experiences/shared/{entry_id}")
        assert missing.status_code == 404 and "local install" in missing.json()["detail"]
        page = client.get("/experiences/shared")
        assert page.status_code == 200 and "This is a local install" in page.text
        assert client.get("/api/experiences/reports").status_code == 403
        assert "Share with every member" not in client.get(f"/experiences/{entry_id}").text
        assert client.get(f"/api/experiences/{entry_id}").json()["shared"] is False
