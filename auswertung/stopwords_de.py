"""German stop words for comparing statements (`zielbilder.similarity`).

scikit-learn ships a stop-word list for English only, and the lists of other libraries would
bring a dependency and a licence to check for a few hundred words, so the list is our own.
It holds the words that carry grammar rather than content: articles, pronouns, prepositions,
conjunctions, the forms of the auxiliary and modal verbs, and the fillers and adverbs of
nearly every demand ("auch", "noch", "sehr", "mehr", "bitte"), in lower case, with the
spellings before and after the 1996 reform ("daß", "muß").

Negations ("nicht", "kein", "keine", "nie", "ohne", "weniger") are left out on purpose: in
"Keine Autos in der Altstadt" against "Autos in der Altstadt" they are the whole difference,
and two such statements must not look identical to the team that merges them.
"""

_ARTICLES = "der die das des dem den ein eine einer eines einem einen"
_PERSONAL_PRONOUNS = "ich du er sie es wir ihr mich dich sich uns euch mir dir ihm ihn ihnen man"
_POSSESSIVE_PRONOUNS = (
    "mein meine meiner meines meinem meinen sein seine seiner seines seinem seinen ihre ihrer "
    "ihres ihrem ihren unser unsere unserer unseres unserem unseren euer eure eurer eures eurem "
    "euren"
)
_OTHER_PRONOUNS = (
    "dies diese dieser dieses diesem diesen welche welcher welches welchem welchen wer wen wem "
    "was jemand niemand etwas nichts selbst selber einige einigen alle alles allem allen aller "
    "jede jeder jedes jedem jeden"
)
_PREPOSITIONS = (
    "ab an am ans auf aufs aus bei beim bis durch für gegen gegenüber hinter in im ins mit nach "
    "neben per pro seit statt trotz über um unter vom von vor während wegen zu zum zur zwischen "
    "innerhalb außerhalb entlang"
)
_CONJUNCTIONS = (
    "und oder aber denn sondern doch sowie als wie wenn weil ob damit obwohl falls sodass bevor "
    "nachdem sowohl entweder weder dass daß je desto"
)
_SEIN_HABEN_WERDEN = (
    "bin bist ist sind seid war warst waren wäre wären gewesen haben habe hast hat habt hatte "
    "hatten hätte hätten gehabt werden werde wirst wird werdet wurde wurden würde würden worden "
    "geworden"
)
_MODAL_VERBS = (
    "können kann kannst könnt konnte konnten könnte könnten müssen muss muß musst mußt müsst "
    "müßt musste mußte mussten mußten müsste müßte müssten müßten sollen soll sollst sollt "
    "sollte sollten dürfen darf durfte durften dürfte dürften wollen will willst wollt wollte "
    "wollten mögen mag möchte möchten"
)
_ADVERBS_AND_PARTICLES = (
    "auch noch sehr mehr schon immer nur ja so dann da dort hier jetzt nun gerade bereits eben "
    "etwa ganz gar genau gern gerne oft wieder weiter viel viele vielen vieler vieles "
    "vielleicht wohl zwar also eigentlich einfach endlich besonders bitte überhaupt dabei dafür "
    "dagegen daher darum deshalb deswegen dazu davon darauf darin daran dadurch somit sonst "
    "trotzdem jedoch allerdings außerdem ebenfalls zudem hierfür hierzu usw bzw zb ca etc"
)

GERMAN_STOP_WORDS: frozenset[str] = frozenset(
    " ".join(
        (
            _ARTICLES,
            _PERSONAL_PRONOUNS,
            _POSSESSIVE_PRONOUNS,
            _OTHER_PRONOUNS,
            _PREPOSITIONS,
            _CONJUNCTIONS,
            _SEIN_HABEN_WERDEN,
            _MODAL_VERBS,
            _ADVERBS_AND_PARTICLES,
        )
    ).split()
)
