"""Hosted mode's accounts: users, logins, sessions and API tokens (``accounts.service``)."""

from barraiser.accounts.service import (
    Account,
    AccountError,
    Accounts,
    LoginRefused,
    TooManyFailures,
    hosted_problems,
)

__all__ = [
    "Account",
    "AccountError",
    "Accounts",
    "LoginRefused",
    "TooManyFailures",
    "hosted_problems",
]
