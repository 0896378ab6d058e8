"""Round clocks: time used, time left and time away, from the moments the candidate was seen.

The clock advances only when the candidate shows a sign of life (the open round page's
heartbeat, an answer, a code run).  A gap longer than the loop's ``away_after_s`` is time away:
a closed browser, a lost connection or a restarted server.  Whether time away counts against the
round is the loop's rule (``timing.away_time``); either way it is recorded and shown.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from barraiser.content.schemas import Timing


@dataclass
class RoundClock:
    """The stored state of one round's clock (kept as JSON in the round's ``state``)."""

    started_at: datetime
    last_seen: datetime
    active_s: float = 0.0
    away_s: float = 0.0
    #: (when the candidate left, seconds away), oldest first.
    away_periods: list[tuple[datetime, float]] = field(default_factory=list)

    @classmethod
    def start(cls, now: datetime) -> RoundClock:
        return cls(started_at=now, last_seen=now)

    def touch(self, now: datetime, timing: Timing) -> None:
        """The candidate is here at ``now``: add the gap since the last sign as active or away."""
        gap = (now - self.last_seen).total_seconds()
        if gap <= 0:
            return
        if gap > timing.away_after_s:
            self.away_s += gap
            self.away_periods.append((self.last_seen, gap))
        else:
            self.active_s += gap
        self.last_seen = now

    def used_s(self, timing: Timing, now: datetime | None = None) -> float:
        """Seconds that count against the round, up to ``now`` (default: the last sign)."""
        used = self.active_s + (self.away_s if timing.away_time == "counts" else 0.0)
        if now is not None:
            # The running gap since the last sign: active while short, else away.
            gap = max(0.0, (now - self.last_seen).total_seconds())
            if gap <= timing.away_after_s or timing.away_time == "counts":
                used += gap
        return used

    def pending_away_s(self, timing: Timing, now: datetime) -> float:
        """The current gap, when it is already long enough to be time away."""
        gap = max(0.0, (now - self.last_seen).total_seconds())
        return gap if gap > timing.away_after_s else 0.0

    def to_json(self) -> dict[str, Any]:
        return {
            "started_at": self.started_at.isoformat(),
            "last_seen": self.last_seen.isoformat(),
            "active_s": round(self.active_s, 3),
            "away_s": round(self.away_s, 3),
            "away_periods": [[t.isoformat(), round(s, 3)] for t, s in self.away_periods],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> RoundClock:
        return cls(
            started_at=datetime.fromisoformat(data["started_at"]),
            last_seen=datetime.fromisoformat(data["last_seen"]),
            active_s=float(data.get("active_s", 0.0)),
            away_s=float(data.get("away_s", 0.0)),
            away_periods=[
                (datetime.fromisoformat(t), float(s)) for t, s in data.get("away_periods", [])
            ],
        )
