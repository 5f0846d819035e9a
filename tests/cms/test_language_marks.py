"""German content inside the English interface's sentences is marked German, and nothing a
person wrote becomes markup on the way."""

from django.utils import translation

from cms.language_marks import in_language, interpolate, joined


def test_content_is_marked_only_when_the_interface_speaks_another_language():
    with translation.override("de"):
        assert in_language("Rathaus Dortmund") == "Rathaus Dortmund"
    with translation.override("en"):
        assert in_language("Rathaus Dortmund") == '<span lang="de">Rathaus Dortmund</span>'
        assert in_language("Mobility", "en") == "Mobility"


def test_a_sentence_keeps_the_marks_and_escapes_everything_else():
    with translation.override("en"):
        sentence = interpolate(
            "%(date)s, %(venue)s – %(seats)s.",
            {"date": "March 17", "venue": in_language("<b>Halle</b>"), "seats": "<i>9</i>"},
        )
    assert sentence == (
        'March 17, <span lang="de">&lt;b&gt;Halle&lt;/b&gt;</span> – &lt;i&gt;9&lt;/i&gt;.'
    )


def test_pieces_of_a_line_are_joined_escaped():
    with translation.override("en"):
        line = joined(["no. 3", in_language("Mobilität"), "<script>"])
    assert line == 'no. 3 · <span lang="de">Mobilität</span> · &lt;script&gt;'
