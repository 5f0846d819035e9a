"""The two city conferences of the seed, one per kind of statement, for `manage.py demo_data`.

Stage 2 is over: its registrations are anonymised, as they would be 90 days after, and only
the numbers – who came from which sector – remain. Stage 4 is open for registration, with
sector quotas, the World Café's nine tables (one per Stadtziel, as the seed plans them),
confirmed people, a waiting list and one registration by the demo citizen.
"""

import datetime
import random

from django.utils import timezone
from wagtail.models import Page

from cms.process import agreeing_stage
from cms.stages import StageSubject

from .links import manage_url
from .models import (
    CafeTable,
    Conference,
    ConferencePage,
    Registration,
    RegistrationSector,
    RegistrationStatus,
    SectorQuota,
    TablePreference,
)
from .registrations import anonymise_past_conferences

# The nine Stadtziele of the seed; the World Café's tables follow them.
GOALS = [
    "Dortmund wird einfacher",
    "In Dortmund wachsen alle Kinder über sich hinaus",
    "Dortmund zieht an",
    "In Dortmund zählt, wo man hin will",
    "Dortmund ist emanzipiert",
    "Dortmund vertraut sich",
    "Dortmund schafft Umweltqualität und Arbeit mit Klimaschutz",
    "Dortmund hat gleiche, gute Lebensverhältnisse",
    "Dortmunds Kommunalwirtschaft ist für die Menschen da",
]

VENUE = {
    "venue_name": "Rathaus Dortmund, Bürgerhalle",
    "venue_address": "Friedensplatz 1\n44135 Dortmund",
    "venue_accessibility": (
        "Stufenloser Zugang über den Eingang am Friedensplatz, Aufzug zu allen Etagen, "
        "rollstuhlgerechte Toiletten im Erdgeschoss, mobile Induktionsschleife im Saal, "
        "Ruheraum im 1. Obergeschoss. Haltestelle Stadtgarten (U-Bahn U41, U45, U47, U49) "
        "in 200 m Entfernung, stufenlos."
    ),
    "contact_email": "stadtgespraech@example.org",
}

PROGRAMME = [
    ("09:30", "Ankommen und Einlass", "Check-in mit QR-Code oder Namen, Kaffee."),
    ("10:00", "Begrüßung durch den Oberbürgermeister", ""),
    ("10:20", "Was die Workshops erarbeitet haben", "Die Bereiche stellen ihre Ergebnisse vor."),
    ("11:00", "World Café, Runde 1", "An den Thementischen der neun Stadtziele."),
    ("12:00", "Mittagspause", "Vegetarisch und vegan; bitte Bedarfe bei der Anmeldung angeben."),
    ("13:00", "World Café, Runde 2", "An einem anderen Tisch."),
    ("14:00", "Ergebnisse im Plenum und Verständigung", ""),
    ("15:00", "Ausblick und Abschluss", ""),
]

CONFERENCES = [
    {
        "agrees_on": StageSubject.AUSGANGSBILD,
        "slug": "wie-wir-es-sehen",
        "title": "Unser Dortmund – Wie wir es sehen",
        "day": -180,
        "intro": "<p>Politik, Institutionen, Zivilgesellschaft und Bürger*innen verständigen "
        "sich auf die gemeinsamen Ausgangsbilder für die Gesamtstadt.</p>",
        "capacity": 200,
        "quotas": {"politik": 30, "institutionen": 60, "zivilgesellschaft": 60},
    },
    {
        "agrees_on": StageSubject.ZIELBILD,
        "slug": "wie-wir-es-wollen",
        "title": "Unser Dortmund – Wie wir es wollen",
        "day": 100,
        "intro": "<p>Aus den Zielbildern der Workshops und der Online-Beteiligung wird ein "
        "gemeinsamer Katalog für die Gesamtstadt. Alle, die mitreden wollen, sind "
        "eingeladen.</p>",
        "capacity": 250,
        "quotas": {"politik": 40, "institutionen": 70, "zivilgesellschaft": 70},
    },
]

ORGANISATIONS = {
    "politik": ["Ratsfraktion (Beispiel)", "Bezirksvertretung (Beispiel)"],
    "institutionen": ["Stadtverwaltung, Amt für Stadterneuerung", "Volkshochschule", "Jobcenter"],
    "zivilgesellschaft": ["Nachbarschaftsverein Nord e. V.", "Sportverein Beispiel 09 e. V."],
    "buergerinnen": [""],
}


def _at(today: datetime.date, days: int, hour: int, minute: int = 0) -> datetime.datetime:
    day = today + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime(day.year, day.month, day.day, hour, minute))


def load(*, today, report) -> None:
    for spec in CONFERENCES:
        conference = _conference(spec, today, report)
        if not conference.registrations.exists():
            _registrations(conference, spec, today, report)
    anonymise_past_conferences()


def _conference(spec, today, report) -> Conference:
    # The demo's process has a conference for each kind of statement (cms.demo).
    stage = agreeing_stage(spec["agrees_on"])
    conference = Conference.objects.filter(slug=spec["slug"]).first()
    if conference is None:
        conference = Conference.objects.create(
            slug=spec["slug"],
            title=spec["title"],
            stage=stage.number,
            starts_at=_at(today, spec["day"], 9, 30),
            ends_at=_at(today, spec["day"], 15, 30),
            capacity=spec["capacity"],
            # The coming conference takes registrations on the demo's first day, so that a
            # newcomer can try the form; a real one opens some weeks ahead.
            registration_opens=_at(today, min(spec["day"] - 60, -7), 8),
            registration_closes=_at(today, spec["day"] - 2, 23, 59),
            **VENUE,
        )
        for sector, seats in spec["quotas"].items():
            SectorQuota.objects.create(conference=conference, sector=sector, seats=seats)
        for order, goal in enumerate(GOALS):
            CafeTable.objects.create(
                conference=conference,
                title=goal,
                seats=-(-spec["capacity"] // len(GOALS)),
                hosts="Pat*innen des Stadtziels aus dem Verwaltungsvorstand",
                sort_order=order,
            )
        report.created(f"Stadtkonferenz „{conference.title}“")
    if not ConferencePage.objects.filter(conference=conference).exists():
        page = ConferencePage(
            title=spec["title"],
            slug="konferenz",
            conference=conference,
            intro=spec["intro"],
            programme=[
                ("item", {"time": datetime.time.fromisoformat(t), "title": title, "description": d})
                for t, title, d in PROGRAMME
            ],
        )
        Page.objects.get(pk=stage.page_id).add_child(instance=page)
        page.save_revision().publish()
        report.created(f"Seite „{page.title}“")
    return conference


def _registrations(conference, spec, today, report) -> None:
    """Confirmed people within the quotas, a waiting list behind a full quota, some pending."""
    rng = random.Random(conference.slug)
    tables = list(conference.tables.all())
    now = timezone.now()
    confirmed_at = conference.registration_opens
    plan = {
        "politik": spec["quotas"]["politik"] + 4,  # a full quota: four wait
        "institutionen": 48,
        "zivilgesellschaft": 55,
        "buergerinnen": 60,
    }
    number = 0
    for sector, count in plan.items():
        quota = spec["quotas"].get(sector)
        for index in range(count):
            number += 1
            confirmed_at += datetime.timedelta(minutes=rng.randint(5, 240))
            status = (
                RegistrationStatus.WAITING
                if quota is not None and index >= quota
                else RegistrationStatus.CONFIRMED
            )
            registration = Registration.objects.create(
                conference=conference,
                name=f"Demo-Person {number:03d}",
                email=f"demo-konferenz-{conference.stage}-{number:03d}@example.org",
                organisation=rng.choice(ORGANISATIONS[sector]),
                sector=sector,
                needs_wheelchair=rng.random() < 0.04,
                needs_sign_language=rng.random() < 0.02,
                needs_induction_loop=rng.random() < 0.03,
                needs_simple_language=rng.random() < 0.05,
                dietary=rng.choice(["", "", "", "vegetarisch", "vegan"]),
                consented_at=confirmed_at,
                link_sent_at=confirmed_at,
                confirmed_at=confirmed_at,
                seat_since=confirmed_at if status == RegistrationStatus.CONFIRMED else None,
                status=status,
                checked_in_at=(
                    conference.starts_at
                    if conference.ends_at < now
                    and status == RegistrationStatus.CONFIRMED
                    and rng.random() < 0.9
                    else None
                ),
            )
            for round_number in (1, 2):
                for rank, table in enumerate(rng.sample(tables, 3), start=1):
                    TablePreference.objects.create(
                        registration=registration, round=round_number, rank=rank, table=table
                    )
    if conference.ends_at > now:
        citizen = Registration.objects.create(
            conference=conference,
            name="Bürgerin Demo",
            email="buergerin@example.org",
            sector=RegistrationSector.BUERGERINNEN,
            needs_induction_loop=True,
            consented_at=now,
            link_sent_at=now,
            confirmed_at=now,
            seat_since=now,
            status=RegistrationStatus.CONFIRMED,
        )
        report.created(
            f"{number + 1} Anmeldungen zu „{conference.title}“; die der Demo-Bürgerin: "
            f"{manage_url(citizen)}"
        )
    else:
        report.created(f"{number} Anmeldungen zu „{conference.title}“ (anonymisiert)")
