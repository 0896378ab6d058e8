"""Accounts of hosted mode: users with a login name, an argon2 password hash and a role; browser
sessions and API tokens kept only as keyed hashes; a rate limit on failed logins, per account
and per address, kept in the database so that every web process shares it.

A laptop install (``mode = "local"``) has one local user and never logs in; nothing here runs.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from barraiser.config import Settings
from barraiser.store import Store, utcnow
from barraiser.store.models import AuthToken, LoginFailure, TokenKind, User, UserRole

ROLES: tuple[UserRole, ...] = ("candidate", "coach", "admin")
USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,63}$")
MIN_PASSWORD_CHARS = 10
MAX_PASSWORD_CHARS = 1024
MIN_SECRET_CHARS = 32
#: Secret keys that are examples, not secrets: refused, as the FastAPI full-stack template does.
PLACEHOLDER_SECRETS = frozenset(
    {"changethis", "change-me", "changeme", "secret", "secret-key", "please-change-me"}
)
#: Failed logins allowed per account and per address within the window; then 429.
MAX_FAILURES = 5
FAILURE_WINDOW = timedelta(minutes=15)
API_TOKEN_PREFIX = "brt_"


class AccountError(ValueError):
    """A request about accounts that cannot be done; the message says what to do."""

    def __init__(self, message: str, status_code: int = 400) -> None:
        super().__init__(message)
        self.message = message
        self.status_code = status_code


class LoginRefused(AccountError):
    """Wrong login name or password (the same message for both), or a disabled account."""

    def __init__(self) -> None:
        super().__init__("Wrong login name or password.", 401)


class TooManyFailures(AccountError):
    """Too many failed logins for this account or address: wait ``retry_after_s``."""

    def __init__(self, retry_after_s: int) -> None:
        minutes = max(1, round(retry_after_s / 60))
        super().__init__(
            f"Too many failed logins: wait {minutes} minute(s) and try again, or ask an admin "
            "to check your account.",
            429,
        )
        self.retry_after_s = retry_after_s


def hosted_problems(settings: Settings) -> list[str]:
    """Why these settings cannot serve hosted mode (empty when they can)."""
    problems = []
    key = settings.secret_key.get_secret_value() if settings.secret_key else ""
    if not key:
        problems.append(
            "BARRAISER_SECRET_KEY is not set: hosted mode hashes session and API tokens with "
            "it; set it to a long random string (python -c 'import secrets; "
            "print(secrets.token_urlsafe(48))')"
        )
    elif key.strip().lower() in PLACEHOLDER_SECRETS or len(key) < MIN_SECRET_CHARS:
        problems.append(
            f"BARRAISER_SECRET_KEY is a placeholder or shorter than {MIN_SECRET_CHARS} "
            "characters: set it to a long random string"
        )
    if not settings.resolved_database_url.startswith(("postgresql", "postgres")):
        problems.append(
            "hosted mode needs PostgreSQL (many users, several processes): set "
            "BARRAISER_DATABASE_URL=postgresql://user:password@host/db"
        )
    return problems


@dataclass(frozen=True)
class Account:
    """What the app needs to know about a signed-in user."""

    id: int
    username: str
    name: str
    role: UserRole
    disabled: bool
    created_at: datetime
    coach_id: int | None = None

    @classmethod
    def of(cls, user: User) -> Account:
        return cls(
            id=user.id,
            username=user.username or "",
            name=user.name,
            role=user.role,
            disabled=user.disabled,
            created_at=user.created_at,
            coach_id=user.coach_id,
        )

    @property
    def coaches(self) -> bool:
        """Coaches and admins read their candidates' sessions and debriefs."""
        return self.role in ("coach", "admin")


class Accounts:
    """Users, logins, sessions and API tokens of a hosted install."""

    def __init__(self, store: Store, secret: str, session_hours: float = 12.0) -> None:
        self.store = store
        self._secret = secret.encode()
        self.session_length = timedelta(hours=session_hours)
        self._hasher = PasswordHasher()
        # Verified against when the login name is unknown, so that the answer takes as long.
        self._dummy_hash = self._hasher.hash(secrets.token_urlsafe(16))

    @classmethod
    def from_settings(cls, store: Store, settings: Settings) -> Accounts:
        key = settings.secret_key.get_secret_value() if settings.secret_key else ""
        if not key:
            raise AccountError(
                "BARRAISER_SECRET_KEY is not set: accounts hash their tokens with it. Set it to a "
                "long random string and run the command again."
            )
        return cls(store, key, settings.session_hours)

    # -- users --------------------------------------------------------------------------------

    def add_user(
        self, username: str, password: str, role: str = "candidate", name: str | None = None
    ) -> Account:
        """A new account; refused when the name is taken or the password too short."""
        username = username.strip().lower()
        if not USERNAME.match(username):
            raise AccountError(
                f"{username!r} cannot be a login name: use 2-64 lower-case letters, digits, "
                "dots, dashes or underscores, starting with a letter or digit."
            )
        if role not in ROLES:
            raise AccountError(f"unknown role {role!r}: use one of {', '.join(ROLES)}.")
        _check_password(password)
        user = User(
            name=(name or username).strip()[:200] or username,
            username=username,
            password_hash=self._hasher.hash(password),
            role=role,
            disabled=False,
            is_local=False,
        )
        try:
            with self.store.session() as session:
                session.add(user)
                session.flush()
                return Account.of(user)
        except IntegrityError:
            raise AccountError(f"the login name {username!r} is taken: choose another.") from None

    def list_users(self) -> list[Account]:
        with self.store.session() as session:
            users = session.scalars(
                select(User).where(User.username.is_not(None)).order_by(User.username)
            )
            return [Account.of(u) for u in users]

    def get(self, username: str) -> Account:
        with self.store.session() as session:
            return Account.of(self._user(session, username))

    def set_disabled(self, username: str, disabled: bool = True) -> Account:
        """Disable (or enable) an account; disabling ends its sessions and revokes its tokens."""
        with self.store.session() as session:
            user = self._user(session, username)
            user.disabled = disabled
            if disabled:
                session.execute(delete(AuthToken).where(AuthToken.user_id == user.id))
            return Account.of(user)

    # -- coaches ------------------------------------------------------------------------------

    def assign(self, candidate: str, coach: str | None) -> Account:
        """Give a candidate a coach (or none): the coach may then read the candidate's sessions
        and debriefs."""
        with self.store.session() as session:
            user = self._user(session, candidate)
            if coach is None:
                user.coach_id = None
            else:
                mentor = self._user(session, coach)
                if mentor.role not in ("coach", "admin"):
                    raise AccountError(
                        f"{mentor.username!r} is a {mentor.role}, not a coach: add a coach with "
                        "`barraiser users add NAME --role coach`."
                    )
                if mentor.id == user.id:
                    raise AccountError("an account cannot coach itself.")
                user.coach_id = mentor.id
            return Account.of(user)

    def candidates(self, viewer: Account) -> list[Account]:
        """The accounts whose work ``viewer`` may read: an admin every other account, a coach
        their assigned candidates, anyone else nobody."""
        if not viewer.coaches:
            return []
        query = select(User).where(User.username.is_not(None), User.id != viewer.id)
        if viewer.role != "admin":
            query = query.where(User.coach_id == viewer.id)
        with self.store.session() as session:
            return [Account.of(u) for u in session.scalars(query.order_by(User.username))]

    def may_read(self, viewer: Account, owner_id: int) -> bool:
        """Whether ``viewer`` may read the work of the account ``owner_id`` (read only)."""
        if not viewer.coaches or owner_id == viewer.id:
            return False
        if viewer.role == "admin":
            return True
        with self.store.session() as session:
            owner = session.get(User, owner_id)
            return owner is not None and owner.coach_id == viewer.id

    # -- logins and sessions ------------------------------------------------------------------

    def login(self, username: str, password: str, address: str) -> tuple[Account, str]:
        """The account and a new session token; refused (401) or rate-limited (429)."""
        username = username.strip().lower()[:64]
        keys = [f"user:{username}", f"addr:{address}"]
        now = utcnow()
        with self.store.session() as session:
            wait = max((self._blocked_for(session, key, now) for key in keys), default=0)
            if wait:
                raise TooManyFailures(wait)
            user = session.scalars(select(User).where(User.username == username)).first()
            if not self._password_ok(user, password) or user is None or user.disabled:
                for key in keys:
                    self._count_failure(session, key, now)
                failed = True
            else:
                failed = False
                session.execute(delete(LoginFailure).where(LoginFailure.key == keys[0]))
                session.execute(  # the account's ended sessions go as it starts a new one
                    delete(AuthToken).where(
                        AuthToken.user_id == user.id,
                        AuthToken.kind == "session",
                        AuthToken.expires_at <= now,
                    )
                )
                token = self._new_token(session, user, "session", now + self.session_length)
                account = Account.of(user)
        if failed:
            raise LoginRefused()
        return account, token

    def logout(self, token: str) -> None:
        with self.store.session() as session:
            session.execute(delete(AuthToken).where(AuthToken.token_hash == self._hash(token)))

    def user_for_session(self, token: str) -> Account | None:
        return self._user_for(token, "session")

    def user_for_bearer(self, token: str) -> Account | None:
        return self._user_for(token, "api")

    # -- API tokens ---------------------------------------------------------------------------

    def issue_api_token(self, username: str) -> str:
        """A new API token for the account, shown once (only its hash is kept)."""
        with self.store.session() as session:
            user = self._user(session, username)
            if user.disabled:
                raise AccountError(f"{username!r} is disabled: enable it first.")
            return self._new_token(session, user, "api", None)

    def revoke_api_tokens(self, username: str) -> int:
        """Revoke every API token of the account; the count revoked."""
        with self.store.session() as session:
            user = self._user(session, username)
            result = session.execute(
                delete(AuthToken).where(AuthToken.user_id == user.id, AuthToken.kind == "api")
            )
            return int(getattr(result, "rowcount", 0) or 0)

    # -- helpers ------------------------------------------------------------------------------

    def _hash(self, token: str) -> str:
        return hmac.new(self._secret, token.encode(), hashlib.sha256).hexdigest()

    def _new_token(
        self, session: Session, user: User, kind: TokenKind, expires_at: datetime | None
    ) -> str:
        token = (API_TOKEN_PREFIX if kind == "api" else "") + secrets.token_urlsafe(32)
        session.add(
            AuthToken(
                user_id=user.id, kind=kind, token_hash=self._hash(token), expires_at=expires_at
            )
        )
        return token

    def _user_for(self, token: str, kind: TokenKind) -> Account | None:
        if not token or len(token) > 200:
            return None
        now = utcnow()
        with self.store.session() as session:
            row = session.execute(
                select(AuthToken, User)
                .join(User, User.id == AuthToken.user_id)
                .where(AuthToken.token_hash == self._hash(token), AuthToken.kind == kind)
            ).first()
            if row is None:
                return None
            stored, user = row
            if user.disabled or (stored.expires_at is not None and stored.expires_at <= now):
                return None
            return Account.of(user)

    def _password_ok(self, user: User | None, password: str) -> bool:
        stored = user.password_hash if user is not None else None
        try:
            return self._hasher.verify(stored or self._dummy_hash, password[:MAX_PASSWORD_CHARS])
        except (VerificationError, InvalidHashError):
            return False

    @staticmethod
    def _user(session: Session, username: str) -> User:
        name = username.strip().lower()
        user = session.scalars(select(User).where(User.username == name)).first()
        if user is None:
            raise AccountError(
                f"no account {name!r}: `barraiser users list` shows the login names.", 404
            )
        return user

    @staticmethod
    def _blocked_for(session: Session, key: str, now: datetime) -> int:
        row = session.get(LoginFailure, key)
        if row is None or row.count < MAX_FAILURES:
            return 0
        left = row.window_start + FAILURE_WINDOW - now
        return max(0, int(left.total_seconds()) + 1)

    @staticmethod
    def _count_failure(session: Session, key: str, now: datetime) -> None:
        row = session.get(LoginFailure, key)
        if row is None:
            session.add(LoginFailure(key=key, count=1, window_start=now))
        elif row.window_start + FAILURE_WINDOW <= now:
            row.count, row.window_start = 1, now
        else:
            row.count += 1


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_CHARS:
        raise AccountError(
            f"the password is too short: use at least {MIN_PASSWORD_CHARS} characters."
        )
    if len(password) > MAX_PASSWORD_CHARS:
        raise AccountError(f"the password is too long: at most {MAX_PASSWORD_CHARS} characters.")
