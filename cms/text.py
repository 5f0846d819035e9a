from django.utils.text import slugify

GERMAN_LETTERS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "&": "und"})


def german_slug(name: str) -> str:
    """A short name for addresses that spells umlauts out (Ü3 → ue3) instead of dropping them."""
    return slugify(name.lower().translate(GERMAN_LETTERS))
