"""The JSON document of DESIGN.md for a ranking: profile, ranking, excluded, issues (and, with row
filters, filtered; with a join, join)."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

import numpy as np

from .issues import issue_records
from .unknowns import interval_frames

if TYPE_CHECKING:
    from .result import Ranking


def ranking_document(result: Ranking, records: bool = True) -> dict[str, Any]:
    """The document ``Ranking.to_dict`` returns; without ``records``, its ranking and issues are
    left empty (the JSON report writes those records itself, column by column)."""
    weights = result.profile.weights
    criteria = []
    for c in result.profile.criteria:
        item = {
            "key": c.key,
            "label": c.label,
            "kind": c.kind,
            "column": result.columns.get(c.key),
            "weight": weights[c.key],
            "better": c.better,
        }
        for extra in ("target", "best", "worst", "min", "max"):
            if getattr(c, extra) is not None:
                item[extra] = getattr(c, extra)
        if c.require:
            item["require"] = True
        item["missing"] = c.missing
        if c.range is not None:
            item["range"] = c.range
        criteria.append(item)
    ranking = ranking_records(result) if records else []
    excluded = [
        {"name": str(n), "row": int(r), "reasons": list(reasons)}
        for n, r, reasons in result.excluded[["name", "row", "reasons"]].itertuples(index=False)
    ]
    issues = issue_records(result.issues) if records else []
    document: dict[str, Any] = {
        "profile": {
            "name": result.profile.name,
            "method": result.method,
            "currency": result.profile.currency.base,
            "criteria": criteria,
        },
        "ranking": ranking,
        "excluded": excluded,
        "issues": issues,
    }
    if result.filtered is not None:
        document["filtered"] = result.filtered.to_dict()
    if result.joined is not None:
        document["join"] = result.joined.to_dict()
    return document


def ranking_records(result: Ranking) -> list[dict[str, Any]]:
    """The ranking of the document: a dict per ranked programme, best first."""
    values = result.values.loc[result.rows] if len(result.rows) else result.values.iloc[:0]
    keys = list(result.contributions.columns)
    value_matrix = values[keys].to_numpy(dtype=float) if keys else np.empty((len(result.rows), 0))
    points = result.contributions.to_numpy(dtype=float)
    dominators = result.dominator_names()
    value = result.value_for_money
    imputed, unknown_counts = result.imputed, result.unknown_counts
    low, high = interval_frames(result)

    def intervals(i: int) -> dict[str, dict[str, list[float]]]:
        if low is None or high is None:
            return {}
        ranged = {k: [float(low[i, j]), float(high[i, j])] for j, k in enumerate(keys) if np.isfinite(low[i, j])}
        return {"intervals": ranged} if ranged else {}

    def extra(i: int) -> dict[str, float | None]:
        if result.total_cost is None:
            return {}
        cost, per = float(result.total_cost[i]), float(value[i])  # type: ignore[index]
        return {
            "total_cost": None if math.isnan(cost) else cost,
            "per_1000": None if math.isnan(per) or math.isinf(per) else per,
        }

    return [
        {
            "rank": int(result.ranks[i]),
            "name": str(result.names[i]),
            "row": int(result.rows[i]),
            "score": float(result.scores[i]),
            "contributions": {k: float(points[i, j]) for j, k in enumerate(keys)},
            "values": {
                k: (None if np.isnan(value_matrix[i, j]) else float(value_matrix[i, j])) for j, k in enumerate(keys)
            },
            "dominated_by": dominators[i],
            **({"dominance": result.dominance_basis(i)} if dominators[i] is not None else {}),
            "imputed": [k for k, flag in zip(keys, imputed[i], strict=True) if flag],
            "unknown": int(unknown_counts[i]),
            **intervals(i),
            **extra(i),
        }
        for i in range(len(result.rows))
    ]
