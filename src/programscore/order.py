"""An order of importance ("job_support > cost = length") and the rank-order centroid weights it gives."""

from __future__ import annotations

from .errors import ProfileError, suggest

__all__ = ["rank_groups", "weights_from_order"]


def rank_groups(order: str) -> list[list[str]]:
    """``"a > b = c > d"`` -> ``[["a"], ["b", "c"], ["d"]]``."""
    if not isinstance(order, str) or not order.strip():
        raise ProfileError('an order of importance looks like "job_support > cost = length > placement"', "rank")
    groups = [[key.strip() for key in group.split("=")] for group in order.split(">")]
    for group in groups:
        if any(not key for key in group):
            raise ProfileError(f"the order {order!r} has an empty place (check the > and = signs)", "rank")
    return groups


def weights_from_order(order: str | list[list[str]], keys: list[str] | None = None) -> dict[str, float]:
    """Rank-order centroid weights: w_i = (1/n) * sum_{k=i..n} 1/k, ties sharing the mean of their places.

    ``keys``, when given, must each be named exactly once.
    """
    groups = rank_groups(order) if isinstance(order, str) else order
    named = [key for group in groups for key in group]
    for key in named:
        if named.count(key) > 1:
            raise ProfileError(f"the order names {key!r} twice", "rank")
    if keys is not None:
        unknown = [k for k in named if k not in keys]
        if unknown:
            raise ProfileError(
                f"the order names {unknown[0]!r}, which is not a criterion{suggest(unknown[0], keys)}; "
                f"the criteria are {', '.join(keys)}",
                "rank",
            )
        absent = [k for k in keys if k not in named]
        if absent:
            raise ProfileError(
                f"the order leaves out {', '.join(repr(k) for k in absent)}; name every criterion", "rank"
            )
    n = len(named)
    place_weights = [sum(1.0 / k for k in range(i, n + 1)) / n for i in range(1, n + 1)]
    weights: dict[str, float] = {}
    place = 0
    for group in groups:
        shared = sum(place_weights[place : place + len(group)]) / len(group)
        for key in group:
            weights[key] = shared
        place += len(group)
    return weights
