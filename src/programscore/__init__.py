"""programscore: rank Master's programmes by the criteria that make one worth it.

    import programscore as ps
    sheet = ps.read_sheet("programmes.xlsx")
    result = ps.score(sheet, ps.load_profile("article"))
    print(result.table)

Names are imported on first use, so that ``programscore --help`` does not pay for pandas.
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

_EXPORTS = {
    "read_sheet": "reading",
    "load_profile": "profile_io",
    "parse_profile": "profile_io",
    "builtin_profiles": "profile_io",
    "describe_profile": "profile_io",
    "Profile": "profiles",
    "Criterion": "profiles",
    "Currency": "profiles",
    "Costs": "profiles",
    "weights_from_order": "order",
    "score": "scoring",
    "check": "checking",
    "join": "joining",
    "JoinSpec": "joining",
    "JoinReport": "joining",
    "JoinError": "joining",
    "CheckReport": "checking",
    "Ranking": "result",
    "Explanation": "result",
    "ProgramscoreError": "errors",
    "ProfileError": "errors",
    "SheetError": "errors",
    "DataError": "errors",
}

_SUBPACKAGES = ("elicit",)  # ps.elicit.swing(...), ps.elicit.ahp(...)

__all__ = [*sorted(_EXPORTS), *_SUBPACKAGES, "__version__"]


def __getattr__(name: str) -> Any:
    if name in _SUBPACKAGES:
        return importlib.import_module(f".{name}", __name__)
    if name in _EXPORTS:
        value = getattr(importlib.import_module(f".{_EXPORTS[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'programscore' has no attribute {name!r}")


def __dir__() -> list[str]:
    return __all__
