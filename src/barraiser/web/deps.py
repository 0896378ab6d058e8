"""Typed dependencies for routes: the settings, the content bank and the templates."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request
from fastapi.templating import Jinja2Templates

from barraiser.config import Settings
from barraiser.content.loader import Bank


def _settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def _bank(request: Request) -> Bank:
    bank: Bank = request.app.state.bank
    return bank


def _templates(request: Request) -> Jinja2Templates:
    templates: Jinja2Templates = request.app.state.templates
    return templates


SettingsDep = Annotated[Settings, Depends(_settings)]
BankDep = Annotated[Bank, Depends(_bank)]
TemplatesDep = Annotated[Jinja2Templates, Depends(_templates)]
