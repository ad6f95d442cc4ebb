"""Who is calling: API tokens map to actors, read from a tokens file (YAML or JSON).

    actors:
      - name: 镇党委办公室 文书              # recorded as who recorded each event
        token_sha256: 9f86d081…             # or token: <at least 16 characters>
        record: true                        # may open cases and record the unit's own events
      - name: 市委第七督导组
        token: …
        roles: [supervision_group]          # rule-set roles (or member ids) it speaks for
      - name: 组织部 查询
        token: …
        cases: ["town-2014-*"]              # optional: only these case ids (shell patterns)

Every actor may read the cases it sees and ask their readiness. Without a tokens file the
service is open: every request acts as ``local`` with every right, and it binds to
loopback only.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from fnmatch import fnmatchcase
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from lifemeeting.errors import Problem, SourceError
from lifemeeting.source.problems import problems_from
from lifemeeting.source.yaml import load_located


class ActorSpec(BaseModel):
    """One actor of the tokens file."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    name: str = Field(min_length=1, max_length=200)
    token: str | None = Field(None, min_length=16, description="the token itself; prefer token_sha256")
    token_sha256: str | None = Field(None, pattern="^[0-9a-f]{64}$", description="sha256 of the token, hex")
    record: bool = Field(
        False,
        description="may open cases and record done, submitted, attended, held, appraised, ordered and members' talks",
    )
    roles: list[str] = Field(default_factory=list, description="rule-set role ids or member ids this actor speaks for")
    cases: list[str] | None = Field(None, description="case-id patterns this actor sees; omit for every case")

    @model_validator(mode="after")
    def _one_token(self) -> ActorSpec:
        if (self.token is None) == (self.token_sha256 is None):
            raise ValueError("give exactly one of 'token' and 'token_sha256'")
        return self


class TokensFile(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    actors: list[ActorSpec] = Field(min_length=1)


@dataclass(frozen=True)
class Actor:
    """The caller, as its token says."""

    name: str
    record: bool = False
    roles: frozenset[str] = frozenset()
    cases: tuple[str, ...] | None = None
    everything: bool = False

    def sees(self, case_id: str) -> bool:
        return self.cases is None or any(fnmatchcase(case_id, p) for p in self.cases)

    @property
    def writes(self) -> bool:
        return self.everything or self.record or bool(self.roles)


LOCAL = Actor("local", record=True, everything=True)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class Auth:
    """Token → actor; ``open`` when there is no tokens file."""

    def __init__(self, actors: dict[str, Actor] | None = None) -> None:
        self._by_hash = actors
        self.source: str | None = None

    @property
    def open(self) -> bool:
        return self._by_hash is None

    def actor(self, token: str) -> Actor | None:
        assert self._by_hash is not None
        return self._by_hash.get(token_hash(token))

    @classmethod
    def from_file(cls, path: str | os.PathLike[str]) -> Auth:
        """Read a tokens file; every problem is reported as FILE:LINE:COL."""
        shown = str(path)
        try:
            text = Path(path).read_text(encoding="utf-8")
        except FileNotFoundError:
            raise SourceError([Problem(shown, 1, 1, "no such tokens file")]) from None
        located, problems = load_located(text, shown)
        if located is None:
            raise SourceError(problems)
        try:
            spec = TokensFile.model_validate(located.data)
        except ValidationError as exc:
            raise SourceError(problems_from(exc, located, TokensFile)) from None
        by_hash: dict[str, Actor] = {}
        for i, a in enumerate(spec.actors):
            digest = a.token_sha256 or token_hash(a.token or "")
            if digest in by_hash:
                raise SourceError(
                    [located.problem(("actors", i), f"actor '{a.name}' has the same token as '{by_hash[digest].name}'")]
                )
            by_hash[digest] = Actor(
                a.name, a.record, frozenset(a.roles), tuple(a.cases) if a.cases is not None else None
            )
        auth = cls(by_hash)
        auth.source = shown
        return auth
