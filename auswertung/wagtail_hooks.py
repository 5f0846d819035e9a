from wagtail import hooks

from participation.panels import THEME_RESULTS

from . import panels

# What participation's theme results show of the analysis (participation.panels).
hooks.register(THEME_RESULTS, panels.theme_opinion_groups)
