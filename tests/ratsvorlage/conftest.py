# The council paper is compiled from the consolidation's data: the same theme and the same
# strategy team as its tests.
from tests.zielbilder.conftest import strategist, theme  # noqa: F401
