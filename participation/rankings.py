"""How statements are ranked by their votes: "Meiste Zustimmung" and "Am umstrittensten".

Both measures look at the agree and disagree votes only (neutral votes say neither), and both
are estimated cautiously: a share from few votes is uncertain, so it counts for less than the
same share from many. The tool for that is the Wilson score interval of a share (Wilson 1927;
Agresti & Coull 1998, "Approximate is better than 'exact' for interval estimation of binomial
proportions"): with 95 % confidence (z = 1.96) the true share lies between its bounds.

- **agreement** = the lower bound of the Wilson interval of agree / (agree + disagree): the
  share of Ja-Stimmen one can be confident of. 92 % of 300 (0.884) ranks above 70 % of 1,000
  (0.671); 3 : 0 is only 0.438, because three votes prove little (Evan Miller, "How not to sort
  by average rating", 2009, the same rule for up- and down-votes).
- **controversy** = 2 × the lower bound of the Wilson interval of the minority's share
  min(agree, disagree) / (agree + disagree), and 0 unless the agree share lies in
  `CONTESTED` (35 … 65 %). The minority share is 0.5 for an even split and 0 for a unanimous
  vote; its lower bound is that closeness, cautiously estimated, so it is high only when the
  two sides are close AND there are enough votes to know it: 50 : 50 of 200 gives 0.86,
  10 : 10 gives 0.60, 1 : 1 gives 0.19. It is the same interval as `agreement`, so both lists
  weigh evidence alike, and it has no free weight to tune (unlike 1 − |share − ½|·2 times a
  confidence factor); the factor 2 only puts it on 0 … 1.

The two lists of the results page cannot share a statement, by construction: "Meiste
Zustimmung" takes only statements whose agree share is above `CONTESTED` (and whose lower
bound is above 0.5, a majority one can be confident of), "Am umstrittensten" only statements
inside it (and with at least `settings.PARTICIPATION_CONTROVERSIAL_MIN_VOTES` agree and
disagree votes). No statement under 50 % agreement is ever "Meiste Zustimmung".

Both measures are stored per statement (`Statement.agreement`, `Statement.controversy`) and
kept by the recount in the same transaction as the votes (participation.votes.RECOUNT_SQL),
whose SQL is generated here from the same formula (`agreement_sql`, `controversy_sql`): it
computes in the same order with the same double-precision operations, so the database stores
exactly what the Python functions return (tests/participation/test_rankings.py holds them
equal, on SQLite and PostgreSQL). bench/participation/dataset.py uses the same SQL.

This module needs no Django, so that the benchmark's raw SQL can import it.
"""

from __future__ import annotations

import math
from fractions import Fraction

# 95 % two-sided: the 97.5 % quantile of the standard normal distribution, and its square
# written out (not Z * Z, which is 3.8415999999999997) so that SQL reads the same number.
Z = 1.96
Z_SQUARED = 3.8416

# The agree shares (of agree + disagree) that count as contested, both ends included.
CONTESTED = (Fraction(35, 100), Fraction(65, 100))
# "Meiste Zustimmung" needs a majority one can be confident of: a lower bound above this.
CONFIDENT_MAJORITY = 0.5


def wilson_lower_bound(successes: int, trials: int) -> float:
    """The lower bound of the 95 % Wilson score interval of successes / trials; 0 without
    trials. Written step by step as `_wilson_lower_sql` writes it (same order of operations)."""
    if trials <= 0 or successes <= 0:
        # Without successes the bound is 0 exactly; computed, rounding leaves it a hair below
        # (-2e-17 for 0 of 15), which would rank it under statements with none.
        return 0.0
    n = float(trials)
    p = successes / n
    centre = p + Z_SQUARED / (2.0 * n)
    spread = Z * math.sqrt(p * (1.0 - p) / n + Z_SQUARED / (4.0 * n * n))
    return (centre - spread) / (1.0 + Z_SQUARED / n)


def is_contested(agree: int, disagree: int) -> bool:
    """The agree share lies in CONTESTED; in whole numbers, so that SQL decides alike."""
    low, high = CONTESTED
    total = agree + disagree
    return (
        total > 0
        and agree * low.denominator >= low.numerator * total
        and agree * high.denominator <= high.numerator * total
    )


def is_clearly_agreed(agree: int, disagree: int) -> bool:
    """What "Meiste Zustimmung" may show: an agree share above CONTESTED and a majority one
    can be confident of."""
    high = CONTESTED[1]
    total = agree + disagree
    return (
        agree * high.denominator > high.numerator * total
        and agreement(agree, disagree) > CONFIDENT_MAJORITY
    )


def agreement(agree: int, disagree: int) -> float:
    """The share of agree among agree and disagree votes, cautiously estimated (0 … 1)."""
    return wilson_lower_bound(agree, agree + disagree)


def controversy(agree: int, disagree: int) -> float:
    """How evenly agree and disagree split, cautiously estimated (0 … 1); 0 outside
    CONTESTED. See the module's docstring for why this measure."""
    if not is_contested(agree, disagree):
        return 0.0
    return 2.0 * wilson_lower_bound(min(agree, disagree), agree + disagree)


def share(agree: int, disagree: int) -> float | None:
    """agree / (agree + disagree), or None without such votes."""
    total = agree + disagree
    return agree / total if total else None


# --- the same in SQL ---------------------------------------------------------------------------

_DOUBLE = "DOUBLE PRECISION"  # PostgreSQL's float8; REAL affinity on SQLite


def _number(value: float) -> str:
    # repr() is the shortest text that reads back as the same double, on both databases.
    return f"CAST({value!r} AS {_DOUBLE})"


def _wilson_lower_sql(successes: str, trials: str) -> str:
    n = f"CAST({trials} AS {_DOUBLE})"
    p = f"(CAST({successes} AS {_DOUBLE}) / {n})"
    z, z2 = _number(Z), _number(Z_SQUARED)
    return (
        f"CASE WHEN {trials} <= 0 OR {successes} <= 0 THEN 0.0 ELSE "
        f"({p} + {z2} / (2.0 * {n})"
        f" - {z} * SQRT({p} * (1.0 - {p}) / {n} + {z2} / (4.0 * {n} * {n})))"
        f" / (1.0 + {z2} / {n}) END"
    )


def agreement_sql(agree: str, disagree: str) -> str:
    """`agreement()` as an SQL expression of two integer columns (PostgreSQL and SQLite)."""
    return _wilson_lower_sql(agree, f"({agree} + {disagree})")


def contested_sql(agree: str, disagree: str) -> str:
    """`is_contested()` as an SQL condition."""
    low, high = CONTESTED
    total = f"({agree} + {disagree})"
    return (
        f"({total} > 0 AND {agree} * {low.denominator} >= {low.numerator} * {total}"
        f" AND {agree} * {high.denominator} <= {high.numerator} * {total})"
    )


def controversy_sql(agree: str, disagree: str) -> str:
    """`controversy()` as an SQL expression of two integer columns (PostgreSQL and SQLite);
    the minority as a CASE, because the two databases spell "least" differently."""
    minority = f"(CASE WHEN {agree} < {disagree} THEN {agree} ELSE {disagree} END)"
    return (
        f"CASE WHEN {contested_sql(agree, disagree)} "
        f"THEN 2.0 * ({_wilson_lower_sql(minority, f'({agree} + {disagree})')}) ELSE 0.0 END"
    )
