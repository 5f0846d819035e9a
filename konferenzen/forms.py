from django import forms
from django.utils.translation import gettext_lazy as _

from cms.widgets import ContentSelect

from .models import Registration, RegistrationSector
from .models.conferences import CAFE_ROUNDS
from .models.messages import MESSAGE_SUBJECT_MAX, MESSAGE_TEXT_MAX
from .models.registrations import SECTORS_WITH_ORGANISATION
from .registrations import CHANGEABLE

RANKS = (1, 2, 3)


def _too_long(limit: int) -> str:
    return _("Bitte kürzen Sie auf höchstens %(limit)d Zeichen (jetzt: %%(show_value)d).") % {
        "limit": limit
    }


class RegistrationDetailsForm(forms.ModelForm):
    """Name, organisation, needs and table wishes: what a person may also change later."""

    class Meta:
        model = Registration
        fields = CHANGEABLE
        widgets = {
            "needs_other": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "organisation": _("Pflicht für Institutionen und Zivilgesellschaft."),
            "needs_other": _(
                "Was brauchen Sie sonst, um gut teilnehmen zu können? Höchstens 500 Zeichen."
            ),
            "dietary": _("Zum Beispiel vegetarisch, vegan, ohne Nüsse. Höchstens 300 Zeichen."),
        }

    def __init__(self, *args, conference, **kwargs):
        super().__init__(*args, **kwargs)
        self.conference = conference
        for field in self.fields.values():
            if isinstance(field, forms.CharField) and field.max_length:
                # The browser would cut the text without a word; the server says why.
                field.widget.attrs.pop("maxlength", None)
                field.error_messages["max_length"] = _too_long(field.max_length)
        self.fields["name"].error_messages["required"] = _("Bitte geben Sie Ihren Namen an.")
        self.table_choices = [("", _("– kein Wunsch –"))] + [
            (str(table.pk), table.title) for table in conference.tables.all()
        ]
        if len(self.table_choices) > 1:
            initial = self._initial_preferences()
            for round_number in CAFE_ROUNDS:
                for rank in RANKS:
                    self.fields[f"round{round_number}_wish{rank}"] = forms.ChoiceField(
                        label=_("%(rank)d. Wunsch") % {"rank": rank},
                        choices=self.table_choices,
                        required=False,
                        widget=ContentSelect,
                        initial=initial.get((round_number, rank), ""),
                    )

    def _initial_preferences(self) -> dict:
        if not self.instance.pk:
            return {}
        return {(p.round, p.rank): str(p.table_id) for p in self.instance.preferences.all()}

    def rounds(self):
        """The wish fields grouped per round, for a fieldset each."""
        return [
            {
                "number": number,
                "title": self.conference.round_title(number),
                "fields": [self[f"round{number}_wish{rank}"] for rank in RANKS],
            }
            for number in CAFE_ROUNDS
            if f"round{number}_wish1" in self.fields
        ]

    PERSON = ("name", "email", "sector", "organisation")

    def person_fields(self):
        return [self[name] for name in self.fields if name in self.PERSON]

    def need_fields(self):
        return [
            self[name]
            for name in self.fields
            if name not in self.PERSON and not name.startswith("round") and name != "consent"
        ]

    def chosen_sector(self) -> str:
        return self.instance.sector

    def clean(self):
        cleaned = super().clean()
        if (
            self.chosen_sector() in SECTORS_WITH_ORGANISATION
            and not cleaned.get("organisation", "").strip()
        ):
            self.add_error(
                "organisation",
                _("Bitte nennen Sie Ihre Organisation; für diesen Bereich ist sie nötig."),
            )
        for round_number in CAFE_ROUNDS:
            seen = {}
            for rank in RANKS:
                name = f"round{round_number}_wish{rank}"
                value = cleaned.get(name)
                if value and value in seen:
                    self.add_error(
                        name,
                        _("Diesen Tisch haben Sie schon als %(rank)d. Wunsch gewählt.")
                        % {"rank": seen[value]},
                    )
                elif value:
                    seen[value] = rank
        return cleaned

    def preferences(self) -> dict[int, list[int]]:
        return {
            round_number: [
                int(value)
                for rank in RANKS
                if (value := self.cleaned_data.get(f"round{round_number}_wish{rank}"))
            ]
            for round_number in CAFE_ROUNDS
        }

    def details(self) -> dict:
        return {name: self.cleaned_data[name] for name in CHANGEABLE if name in self.cleaned_data}


class RegistrationForm(RegistrationDetailsForm):
    email = forms.EmailField(
        label=_("E-Mail-Adresse"),
        max_length=254,
        help_text=_("Hierhin schicken wir den Link, mit dem Sie Ihre Anmeldung bestätigen."),
        error_messages={
            "invalid": _("Bitte geben Sie eine gültige E-Mail-Adresse an, z. B. name@example.org."),
            "required": _("Bitte geben Sie Ihre E-Mail-Adresse an."),
        },
    )
    sector = forms.ChoiceField(
        label=_("Ihr Bereich"),
        choices=RegistrationSector.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Bitte wählen Sie Ihren Bereich.")},
    )
    consent = forms.BooleanField(
        label=_("Ich habe den Datenschutzhinweis gelesen und bin einverstanden."),
        error_messages={
            "required": _(
                "Ohne Ihr Einverständnis mit dem Datenschutzhinweis können wir Sie nicht anmelden."
            )
        },
    )

    field_order = ["name", "email", "sector", "organisation"]

    def chosen_sector(self) -> str:
        return self.cleaned_data.get("sector", "")

    def details(self) -> dict:
        return {**super().details(), "sector": self.cleaned_data["sector"]}


class TeamMessageForm(forms.Form):
    subject = forms.CharField(
        label=_("Betreff"),
        max_length=MESSAGE_SUBJECT_MAX,
        error_messages={"max_length": _too_long(MESSAGE_SUBJECT_MAX)},
    )
    text = forms.CharField(
        label=_("Text"),
        max_length=MESSAGE_TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_(
            "Geht an alle mit bestätigtem Platz, mit Anrede, Ort, Zeit und ihrem "
            "Selbstauskunfts-Link. Höchstens 5000 Zeichen."
        ),
        error_messages={"max_length": _too_long(MESSAGE_TEXT_MAX)},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.widget.attrs.pop("maxlength", None)
