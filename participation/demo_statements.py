"""Demo Aussagen of the Stadtgespräch: what the workshops of stages 1 and 3 wrote per theme.

Written from the themes and strategic projects of the council paper; every theme has six
Ausgangsbilder (stage 1, how Dortmund is now) and six Zielbilder (stage 3, how it should be
around 2030), each from one of the sectors Politik, Institutionen and Zivilgesellschaft.
"""

# theme slug -> kind -> list of (sector slug, text)
STATEMENTS: dict[str, dict[str, list[tuple[str, str]]]] = {
    "arbeitsmarkt": {
        "ausgangsbild": [
            (
                "politik",
                "Die Arbeitslosenquote in Dortmund liegt seit Jahren deutlich über dem "
                "Landesdurchschnitt, obwohl die Zahl der sozialversicherungspflichtigen Jobs "
                "kräftig gewachsen ist. Vom Aufschwung profitieren längst nicht alle.",
            ),
            (
                "institutionen",
                "Mit der Kommunalen Arbeitsmarktstrategie KAS2030 gibt es erstmals einen "
                "gemeinsamen Rahmen von Stadt, Jobcenter und Agentur für Arbeit. Die Steuerung "
                "des lokalen Arbeitsmarkts steckt aber noch in den Anfängen.",
            ),
            (
                "zivilgesellschaft",
                "Viele Langzeitarbeitslose fühlen sich von Maßnahme zu Maßnahme geschoben, ohne "
                "dass daraus ein fester Job wird. Beratung findet oft weit weg vom eigenen "
                "Quartier statt.",
            ),
            (
                "institutionen",
                "Die Beschäftigungsquote von Frauen ist in Dortmund niedriger als in "
                "vergleichbaren Großstädten. Fehlende Betreuungsplätze und starre Arbeitszeiten "
                "bremsen vor allem Alleinerziehende.",
            ),
            (
                "zivilgesellschaft",
                "Handwerk und Pflege suchen händeringend Fachkräfte, während junge Menschen ohne "
                "Schulabschluss kaum eine Chance auf einen Ausbildungsplatz haben. Beide Seiten "
                "finden zu selten zueinander.",
            ),
            (
                "politik",
                "Logistik, IT und Gesundheitswirtschaft haben den Strukturwandel nach Kohle und "
                "Stahl getragen. Viele neue Arbeitsplätze entstehen aber am Stadtrand und sind "
                "ohne Auto kaum zu erreichen.",
            ),
        ],
        "zielbild": [
            (
                "zivilgesellschaft",
                "Wer in Dortmund arbeiten will, findet 2030 eine Beschäftigung mit fairem Lohn – "
                "auch Menschen, die lange ohne Job waren oder nur wenig Deutsch sprechen.",
            ),
            (
                "politik",
                "Dortmund hat 2030 die Arbeitslosenquote spürbar gesenkt und den Abstand zum "
                "Landesdurchschnitt halbiert. Die KAS2030 ist das gemeinsame Steuerungsinstrument "
                "aller Arbeitsmarktakteur*innen.",
            ),
            (
                "institutionen",
                "Lokale Wertschöpfungsketten in Kreislaufwirtschaft, Klimaschutz und Handwerk "
                "schaffen 2030 Tausende Arbeitsplätze, die sich nicht ins Ausland verlagern "
                "lassen.",
            ),
            (
                "zivilgesellschaft",
                "Frauen sind 2030 so selbstverständlich erwerbstätig wie Männer, weil Kita, "
                "Ganztag und familienfreundliche Betriebe zusammenpassen. "
                "„Frauen.Fachkräfte.Familie“ hat bei den Unternehmen einen echten Mindshift "
                "bewirkt.",
            ),
            (
                "institutionen",
                "In jedem Stadtbezirk gibt es 2030 eine Anlaufstelle, in der Jobcenter, Agentur "
                "für Arbeit und Bildungsträger gemeinsam beraten. Niemand muss mehr zwischen den "
                "Behörden hin- und herlaufen.",
            ),
            (
                "politik",
                "Jugendliche verlassen die Schule 2030 nicht mehr ohne Anschluss: Jede*r bekommt "
                "ein verbindliches Angebot für Ausbildung, Studium oder Qualifizierung.",
            ),
        ],
    },
    "city": {
        "ausgangsbild": [
            (
                "institutionen",
                "Die Innenstadt hat seit der Pandemie spürbar an Besucherfrequenz verloren; "
                "Leerstände am Westenhellweg und in den Nebenlagen nehmen zu. Große Filialisten "
                "ziehen sich zurück.",
            ),
            (
                "zivilgesellschaft",
                "Abends nach Ladenschluss wirkt die City leer, es gibt kaum Gründe zu bleiben. "
                "Sitzgelegenheiten ohne Konsumzwang, Schatten und Grün fehlen auf vielen Plätzen.",
            ),
            (
                "politik",
                "Quartiere wie das Brückviertel und das Rosenviertel haben einen eigenen "
                "Charakter und viele inhabergeführte Läden, werden aber kaum als eigene Marke "
                "wahrgenommen.",
            ),
            (
                "zivilgesellschaft",
                "Der Wall trennt die City vom Rest der Stadt: Für Fußgänger*innen und Radfahrende "
                "ist er eine laute und gefährliche Barriere.",
            ),
            (
                "institutionen",
                "Die 4-S-Strategie der „Neuen City“ hat mit Pocket Parks, Aufenthaltsinseln und "
                "der Weihnachtsbeleuchtung erste sichtbare Impulse gesetzt. Die Erdgeschossmieten "
                "sind aber weiterhin zu hoch für neue Konzepte.",
            ),
            (
                "politik",
                "In der City wohnen nur wenige Menschen; die oberen Etagen vieler Geschäftshäuser "
                "stehen leer oder dienen als Lager.",
            ),
        ],
        "zielbild": [
            (
                "politik",
                "Die Dortmunder City ist 2030 ein Ort zum Wohnen, Arbeiten, Lernen und Feiern – "
                "nicht nur zum Einkaufen. In den oberen Geschossen sind Hunderte neue Wohnungen "
                "entstanden.",
            ),
            (
                "zivilgesellschaft",
                "Auf jedem Platz der Innenstadt kann man sich 2030 ohne Konsumzwang hinsetzen, im "
                "Schatten von Bäumen ausruhen und an einem Brunnen Wasser trinken.",
            ),
            (
                "institutionen",
                "Leere Ladenlokale werden 2030 schnell an Start-ups, Kreative und Pop-up-Konzepte "
                "vermittelt; ein städtisches Flächenmanagement sorgt für bezahlbare "
                "Erdgeschossmieten.",
            ),
            (
                "zivilgesellschaft",
                "Die City ist 2030 autoarm: Der Wall ist zu einer grünen Promenade mit breiten "
                "Radwegen geworden, und die Innenstadtquartiere sind zu Fuß gut miteinander "
                "verbunden.",
            ),
            (
                "politik",
                "Jedes Innenstadtquartier vom Brückviertel bis zum Rosenviertel hat 2030 ein "
                "eigenes Profil, und der Anteil inhabergeführter Geschäfte ist deutlich "
                "gestiegen.",
            ),
            (
                "institutionen",
                "Besucher*innen verbringen 2030 deutlich mehr Zeit in der City als vor der "
                "Pandemie, weil Kultur, Gastronomie und Handel abends gemeinsam öffnen.",
            ),
        ],
    },
    "digitalisierung": {
        "ausgangsbild": [
            (
                "zivilgesellschaft",
                "Viele Behördengänge lassen sich noch immer nur mit Termin vor Ort erledigen; "
                "Online-Anträge enden oft mit einem Formular, das man ausdrucken und "
                "unterschreiben muss.",
            ),
            (
                "institutionen",
                "DOSYS entwickelt sich vom IT-Ausstatter zum Digitalisierungsgestalter, doch ein "
                "großer Teil der Verwaltungsprozesse ist noch nicht durchgängig digital.",
            ),
            (
                "politik",
                "Beim Glasfaserausbau hat Dortmund aufgeholt, aber in einigen Randlagen und "
                "Gewerbegebieten gibt es weiterhin weiße und graue Flecken.",
            ),
            (
                "zivilgesellschaft",
                "Ältere Menschen und Menschen ohne eigenes Smartphone fühlen sich von den "
                "digitalen Angeboten der Stadt häufig abgehängt. Hilfe beim Einstieg gibt es im "
                "Quartier zu selten.",
            ),
            (
                "institutionen",
                "Mit dem Modellprojekt Smart Cities entstehen eine IoT- und Datenplattform und "
                "ein Regulation Lab. Außerhalb der Fachwelt kennt kaum jemand diese Projekte.",
            ),
            (
                "politik",
                "Schulen sind zunehmend ans Glasfasernetz angeschlossen, doch WLAN, Endgeräte und "
                "IT-Support reichen in vielen Gebäuden noch nicht aus.",
            ),
        ],
        "zielbild": [
            (
                "institutionen",
                "2030 sind alle wichtigen Verwaltungsleistungen in Dortmund vollständig online "
                "nutzbar – vom Antrag bis zum Bescheid, ohne Medienbruch.",
            ),
            (
                "zivilgesellschaft",
                "Niemand wird 2030 digital abgehängt: In jedem Stadtteil gibt es offene "
                "Digitaltreffs, in denen Ehrenamtliche und Stadtteilbibliotheken beim Umgang mit "
                "Apps und Online-Diensten helfen.",
            ),
            (
                "politik",
                "Jeder Haushalt, jede Schule und jedes Gewerbegebiet in Dortmund hat 2030 einen "
                "Glasfaseranschluss. Weiße Flecken gibt es nicht mehr.",
            ),
            (
                "institutionen",
                "DOSYS ist 2030 als Digitales Bauhaus die Denkfabrik, in der Verwaltung, "
                "Bürger*innen und Unternehmen gemeinsam digitale Dienste entwickeln.",
            ),
            (
                "zivilgesellschaft",
                "Die Stadt veröffentlicht 2030 ihre Daten standardmäßig als Open Data; "
                "Initiativen, Schulen und Start-ups bauen daraus eigene Anwendungen für Dortmund.",
            ),
            (
                "politik",
                "Smart-City-Anwendungen dienen 2030 erkennbar dem Alltag: Busverspätungen, freie "
                "Ladepunkte und Mängelmeldungen laufen über eine städtische App – datensparsam "
                "und transparent.",
            ),
        ],
    },
    "einsamkeit": {
        "ausgangsbild": [
            (
                "zivilgesellschaft",
                "Viele ältere Menschen leben allein und verlassen ihre Wohnung kaum noch; seit "
                "der Pandemie sind Kontakte spürbar weniger geworden.",
            ),
            (
                "institutionen",
                "Es gibt in Dortmund ein dichtes Netz aus Begegnungsstätten, Seniorenbüros und "
                "Nachbarschaftsinitiativen, doch gerade die Menschen, die am meisten allein sind, "
                "erreichen wir kaum.",
            ),
            (
                "politik",
                "Einsamkeit betrifft längst nicht nur Ältere: Auch Studierende, Alleinerziehende "
                "und neu Zugezogene berichten, dass ihnen Anschluss fehlt.",
            ),
            (
                "zivilgesellschaft",
                "In vielen Quartieren sind Kneipen, Trinkhallen und kleine Läden als informelle "
                "Treffpunkte verschwunden. Es fehlen Orte, an denen man sich zufällig begegnet.",
            ),
            (
                "institutionen",
                "Das Nachbarschaftsprogramm fördert Initiativen in den Quartieren, aber viele "
                "Angebote sind kaum bekannt. Eine Übersicht über alle Treffpunkte fehlt.",
            ),
            (
                "politik",
                "Einsamkeit ist in der Dortmunder Stadtpolitik bisher kaum ein Thema und hat in "
                "der Verwaltung keine klare Zuständigkeit.",
            ),
        ],
        "zielbild": [
            (
                "zivilgesellschaft",
                "Niemand in Dortmund muss 2030 ungewollt allein sein: In jedem Quartier gibt es "
                "einen offenen Treffpunkt, einen Kiosk oder ein Nachbarschaftszentrum, das ohne "
                "Anmeldung zugänglich ist.",
            ),
            (
                "politik",
                "Dortmund hat 2030 eine städtische Strategie gegen Einsamkeit mit klarer "
                "Zuständigkeit und einem regelmäßigen Bericht an den Rat.",
            ),
            (
                "institutionen",
                "Seniorenbüros, Hausarztpraxen und Pflegedienste erkennen Einsamkeit 2030 früh "
                "und vermitteln gezielt in Angebote der Nachbarschaft.",
            ),
            (
                "zivilgesellschaft",
                "Besuchsdienste und Patenschaften zwischen Jung und Alt sind 2030 in allen "
                "Stadtbezirken selbstverständlich, getragen von Ehrenamtlichen und unterstützt "
                "von der Stadt.",
            ),
            (
                "institutionen",
                "Eine virtuelle Karte zeigt 2030 alle Nachbarschaftsinitiativen, Treffpunkte und "
                "Angebote in Dortmund; im Stadtteil gibt es sie ebenso auf Papier.",
            ),
            (
                "politik",
                "Neu Zugezogene werden 2030 in ihrem Stadtbezirk aktiv begrüßt und finden über "
                "Willkommenstreffen schnell Anschluss an Vereine und Initiativen.",
            ),
        ],
    },
    "freizeit": {
        "ausgangsbild": [
            (
                "zivilgesellschaft",
                "Dortmund hat mit dem Phoenix-See, dem Westfalenpark, dem Rombergpark und dem "
                "Fredenbaumpark großartige Freizeitorte, aber sie sind sehr ungleich über die "
                "Stadt verteilt.",
            ),
            (
                "politik",
                "Viele Freizeitangebote kosten Eintritt oder setzen eine Mitgliedschaft voraus; "
                "Familien mit wenig Geld bleiben oft außen vor.",
            ),
            (
                "institutionen",
                "Spiel- und Bolzplätze in manchen Wohnsiedlungen sind in die Jahre gekommen und "
                "werden kaum noch genutzt.",
            ),
            (
                "zivilgesellschaft",
                "Jugendliche finden abends kaum Orte, an denen sie sich treffen können, ohne "
                "weggeschickt zu werden.",
            ),
            (
                "politik",
                "Mit der renaturierten Emscher, dem Phoenix-See und den Halden hat der "
                "Strukturwandel neue Naherholungsräume geschaffen, die aber noch zu wenig "
                "miteinander vernetzt sind.",
            ),
            (
                "institutionen",
                "Öffnungszeiten von Bädern, Bibliotheken und Jugendfreizeitstätten passen oft "
                "nicht zu den Zeiten, in denen Berufstätige und Schüler*innen frei haben.",
            ),
        ],
        "zielbild": [
            (
                "politik",
                "Alle Dortmunder*innen erreichen 2030 innerhalb von zehn Minuten zu Fuß einen "
                "Park, Spielplatz oder Freizeitort mit guter Aufenthaltsqualität.",
            ),
            (
                "zivilgesellschaft",
                "Jugendliche haben 2030 in jedem Stadtbezirk eigene, selbst mitgestaltete "
                "Treffpunkte, an denen sie auch abends willkommen sind.",
            ),
            (
                "institutionen",
                "Schulhöfe, Sporthallen und Bibliotheken stehen 2030 auch abends und am "
                "Wochenende der Nachbarschaft offen.",
            ),
            (
                "zivilgesellschaft",
                "Freizeit ist 2030 für alle bezahlbar: Mit dem DortmundPass sind Bäder, Museen, "
                "Zoo und Westfalenpark für Menschen mit wenig Geld kostenlos oder sehr günstig.",
            ),
            (
                "institutionen",
                "Ein grünes Freizeitband entlang der Emscher verbindet 2030 Parks, Halden und den "
                "Phoenix-See zu einem durchgehenden Rad- und Wanderweg.",
            ),
            (
                "politik",
                "Freizeitangebote werden 2030 mit den Menschen vor Ort geplant; die "
                "Bezirksvertretungen verfügen dafür über ein eigenes Budget.",
            ),
        ],
    },
    "grossstadtentwicklung": {
        "ausgangsbild": [
            (
                "politik",
                "Dortmund ist mit rund 600.000 Einwohner*innen die größte Stadt im Ruhrgebiet, "
                "tritt im Vergleich mit anderen Großstädten aber noch zu bescheiden auf.",
            ),
            (
                "institutionen",
                "Die Stadt wächst wieder, doch Flächen für Wohnen, Gewerbe und Grün werden knapp, "
                "und die Nutzungskonflikte nehmen zu.",
            ),
            (
                "zivilgesellschaft",
                "Die Lebensverhältnisse unterscheiden sich zwischen Norden und Süden der Stadt "
                "stark – bei Einkommen, Bildungsabschlüssen und sogar bei der Lebenserwartung.",
            ),
            (
                "institutionen",
                "Internationale Kontakte und Städtepartnerschaften gibt es viele, sie werden aber "
                "selten genutzt, um konkrete Projekte der Stadtentwicklung voranzubringen.",
            ),
            (
                "zivilgesellschaft",
                "Von außen wird Dortmund oft noch als graue Industriestadt wahrgenommen, obwohl "
                "es hier viel Grün, Wasser und junge Kultur gibt.",
            ),
            (
                "politik",
                "Die Zusammenarbeit mit den Nachbarstädten im Ruhrgebiet und dem Kreis Unna ist "
                "bei Verkehr, Flächen und Wirtschaft noch zu sehr von Kirchturmdenken geprägt.",
            ),
        ],
        "zielbild": [
            (
                "politik",
                "Dortmund ist 2030 eine selbstbewusste europäische Großstadt, die die Metropole "
                "Ruhr prägt und sich mit Städten wie Leipzig oder Rotterdam messen kann.",
            ),
            (
                "zivilgesellschaft",
                "Wo man in Dortmund wohnt, entscheidet 2030 nicht mehr über Bildungschancen und "
                "Gesundheit; die Unterschiede zwischen den Stadtbezirken sind deutlich kleiner "
                "geworden.",
            ),
            (
                "institutionen",
                "Dortmund wächst 2030 nach innen: Brachen, Bahnflächen und alte Industrieareale "
                "sind zu gemischten Quartieren mit Wohnungen, Arbeitsplätzen und Grün geworden.",
            ),
            (
                "institutionen",
                "Über „Urban Dialogues“ und europäische Netzwerke holt die Stadt 2030 regelmäßig "
                "Fördermittel und erprobte Lösungen aus anderen Städten nach Dortmund.",
            ),
            (
                "zivilgesellschaft",
                "Menschen aus aller Welt fühlen sich 2030 in Dortmund zu Hause; Bürgerdienste und "
                "Ausländerbehörde sind selbstverständlich auch auf Englisch erreichbar.",
            ),
            (
                "politik",
                "Dortmund plant 2030 Verkehr, Gewerbeflächen und Wohnen gemeinsam mit den "
                "Nachbarstädten und dem Kreis Unna in einer verbindlichen regionalen Kooperation.",
            ),
        ],
    },
    "innovationskultur": {
        "ausgangsbild": [
            (
                "institutionen",
                "Mit TU Dortmund, Fraunhofer-Instituten und dem TechnologieZentrumDortmund gibt "
                "es eine starke Forschungslandschaft. Der Transfer in die Verwaltung und in "
                "kleine Betriebe gelingt aber noch zu selten.",
            ),
            (
                "zivilgesellschaft",
                "Wer in der Stadtverwaltung eine neue Idee ausprobieren will, scheitert oft an "
                "Zuständigkeiten, Vergaberegeln und der Angst vor Fehlern.",
            ),
            (
                "politik",
                "Die Start-up-Szene rund um die Hochschulen wächst, bleibt im Vergleich zu Berlin "
                "oder München aber klein und wenig sichtbar.",
            ),
            (
                "institutionen",
                "Das Regulation Lab und das Citizen Science Lab aus dem Modellprojekt Smart "
                "Cities sind erste Räume zum Experimentieren, stehen aber noch am Anfang.",
            ),
            (
                "zivilgesellschaft",
                "Bürger*innen haben viele Ideen für ihre Stadt, wissen aber nicht, wo sie diese "
                "einbringen können, und erfahren selten, was daraus wird.",
            ),
            (
                "politik",
                "Die Verwaltung arbeitet noch stark in Silos und Hierarchien; "
                "fachbereichsübergreifende, agile Teams sind die Ausnahme.",
            ),
        ],
        "zielbild": [
            (
                "institutionen",
                "In der Dortmunder Verwaltung gilt 2030 eine fehlertolerante Kultur: Neue "
                "Lösungen werden in kleinen Pilotprojekten getestet, ausgewertet und bei Erfolg "
                "schnell übernommen.",
            ),
            (
                "zivilgesellschaft",
                "Dortmund hat 2030 offene Innovationsräume in den Stadtteilen, in denen "
                "Bürger*innen, Schüler*innen und Forschende gemeinsam an Lösungen für ihr "
                "Quartier tüfteln.",
            ),
            (
                "politik",
                "Dortmund ist 2030 der Ort im Ruhrgebiet, an dem Gründer*innen am liebsten "
                "starten, weil Stadt, Hochschulen und Wirtschaft sie gemeinsam begleiten.",
            ),
            (
                "institutionen",
                "Interdisziplinäre Teams aus Verwaltung, Stadttöchtern und Wissenschaft arbeiten "
                "2030 selbstverständlich an gemeinsamen Zielen statt in getrennten "
                "Zuständigkeiten.",
            ),
            (
                "zivilgesellschaft",
                "Jede eingereichte Idee bekommt 2030 eine Antwort: Auf einer offenen "
                "Ideenplattform sehen alle, welche Vorschläge geprüft, umgesetzt oder begründet "
                "abgelehnt wurden.",
            ),
            (
                "politik",
                "Die Stadt nutzt 2030 ihre Beschaffung gezielt, um innovative Produkte und "
                "Dienste regionaler Unternehmen als erste Kundin einzusetzen.",
            ),
        ],
    },
    "kinder": {
        "ausgangsbild": [
            (
                "zivilgesellschaft",
                "Eltern suchen oft monatelang nach einem Kita-Platz, und viele Familien bekommen "
                "nicht die Betreuungszeiten, die sie brauchen.",
            ),
            (
                "institutionen",
                "Der beschleunigte Kita-Bau kommt voran, doch Fachkräftemangel und lange "
                "Bauzeiten verhindern, dass das Angebot mit dem Bedarf Schritt hält.",
            ),
            (
                "politik",
                "In der Nordstadt wächst ein großer Teil der Kinder in Armut auf, während die "
                "Lage in den südlichen Stadtbezirken deutlich besser ist.",
            ),
            (
                "institutionen",
                "Der Offene Ganztag an den Grundschulen ist stark nachgefragt, die Räume sind "
                "aber häufig beengt, und die Qualität hängt sehr vom Standort ab.",
            ),
            (
                "zivilgesellschaft",
                "Viele Spielplätze sind in die Jahre gekommen, und in dicht bebauten Vierteln "
                "fehlt der Platz vor der Haustür, an dem Kinder frei spielen können.",
            ),
            (
                "politik",
                "Kinder und Jugendliche werden bei Planungen in ihrem Stadtteil bisher nur selten "
                "gefragt, obwohl sie die Orte am besten kennen.",
            ),
        ],
        "zielbild": [
            (
                "politik",
                "Jedes Kind in Dortmund hat 2030 einen Kita-Platz in der Nähe, mit "
                "Betreuungszeiten, die zum Leben der Familie passen.",
            ),
            (
                "institutionen",
                "Der kooperative Ganztag verbindet 2030 Schule, Jugendhilfe, Sportvereine und "
                "Kultur zu einem Tag, an dem jedes Kind seine Stärken entdecken kann.",
            ),
            (
                "zivilgesellschaft",
                "Jedes Kind findet 2030 in fünf Minuten Fußweg einen sicheren, gepflegten "
                "Spielort, an dem es sich frei bewegen kann.",
            ),
            (
                "zivilgesellschaft",
                "Kinder und Jugendliche reden 2030 bei allen Planungen in ihrem Stadtteil mit, "
                "und ihr Votum hat in den Bezirksvertretungen Gewicht.",
            ),
            (
                "institutionen",
                "Kitas und Grundschulen in benachteiligten Quartieren erhalten 2030 mehr Personal "
                "und Geld als andere, damit die Herkunft nicht über den Bildungserfolg "
                "entscheidet.",
            ),
            (
                "politik",
                "Kein Kind in Dortmund wächst 2030 ohne warmes Mittagessen, Schwimmkurs und "
                "Zugang zu Musik oder Sport auf – unabhängig vom Einkommen der Eltern.",
            ),
        ],
    },
    "klima": {
        "ausgangsbild": [
            (
                "institutionen",
                "Mit dem Sofortprogramm Klima hat Dortmund einen Klimafonds, ein kommunales "
                "Wärmeprogramm und die intensive Dachnutzung auf den Weg gebracht. Der "
                "CO₂-Ausstoß sinkt aber zu langsam.",
            ),
            (
                "zivilgesellschaft",
                "Im Sommer heizen sich die dicht bebauten Viertel, besonders in der Nordstadt, "
                "stark auf. Schatten, Bäume und Trinkbrunnen fehlen.",
            ),
            (
                "politik",
                "Dortmund hat sich ehrgeizige Klimaziele gesetzt, doch beim Ausbau von "
                "Solaranlagen auf städtischen Dächern geht es zu langsam voran.",
            ),
            (
                "zivilgesellschaft",
                "Viele Menschen wollen klimafreundlicher leben, scheitern aber an den hohen "
                "Kosten für Sanierung, Wärmepumpe oder Lastenrad.",
            ),
            (
                "institutionen",
                "Klimaschutz ist in Dortmund zu einem Wirtschaftsfaktor geworden: Handwerk, "
                "Energieversorger und Start-ups schaffen neue Arbeitsplätze in lokalen "
                "Wertschöpfungsketten.",
            ),
            (
                "politik",
                "Die Starkregen der vergangenen Jahre haben gezeigt, dass Kanalisation und "
                "Grünflächen auf Extremwetter nicht ausreichend vorbereitet sind.",
            ),
        ],
        "zielbild": [
            (
                "politik",
                "Dortmund ist 2030 auf dem Weg zur Klimaneutralität weit vorangekommen; jede "
                "Ratsvorlage weist ihre Klimawirkung aus.",
            ),
            (
                "institutionen",
                "Auf allen geeigneten städtischen Dächern erzeugen 2030 Photovoltaikanlagen "
                "Strom, kombiniert mit Dachbegrünung, wo die Statik es zulässt.",
            ),
            (
                "zivilgesellschaft",
                "Jedes Quartier hat 2030 kühle Orte: schattige Plätze, Trinkbrunnen, entsiegelte "
                "Höfe und Straßenbäume, die Hitzesommer erträglich machen.",
            ),
            (
                "institutionen",
                "Das kommunale Wärmeprogramm hat 2030 Tausende Gebäude auf Fernwärme oder "
                "Wärmepumpen umgestellt; die Stadttöchter arbeiten im Nachhaltigkeitsnetzwerk an "
                "gemeinsamen Zielen.",
            ),
            (
                "zivilgesellschaft",
                "Der Dortmunder Klimafonds fördert 2030 Bürgerenergie-Genossenschaften und "
                "Nachbarschaftsprojekte, damit alle vom Klimaschutz profitieren – auch "
                "Mieter*innen.",
            ),
            (
                "politik",
                "Dortmund ist 2030 eine Schwammstadt: Regenwasser wird in Grünflächen, Mulden und "
                "auf Dächern gehalten, und Starkregen richtet weniger Schaden an.",
            ),
        ],
    },
    "kultur": {
        "ausgangsbild": [
            (
                "zivilgesellschaft",
                "Die freie Kulturszene in Dortmund ist lebendig und vielfältig, kämpft aber mit "
                "fehlenden Proberäumen, steigenden Mieten und unsicherer Förderung.",
            ),
            (
                "institutionen",
                "Mit Dortmunder U, Konzerthaus, Theater Dortmund und den Museen hat die Stadt "
                "eine starke Kulturlandschaft. Viele Menschen aus den Stadtteilen besuchen diese "
                "Häuser aber nie.",
            ),
            (
                "politik",
                "Stadtteilkultur lebt vor allem vom Ehrenamt und hängt an wenigen Engagierten. "
                "Fällt jemand aus, bricht das Angebot oft weg.",
            ),
            (
                "zivilgesellschaft",
                "Die migrantischen Kulturen der Stadt sind im Programm der großen Häuser kaum "
                "sichtbar, obwohl sie das Dortmunder Leben prägen.",
            ),
            (
                "institutionen",
                "Leerstände in der City und alte Industriehallen bieten Raum für Kultur, doch "
                "Genehmigungen und Brandschutzauflagen machen Zwischennutzungen schwierig.",
            ),
            (
                "politik",
                "Kultur wird in Haushaltsdebatten noch zu oft als freiwillige Leistung gesehen, "
                "an der man zuerst sparen kann.",
            ),
        ],
        "zielbild": [
            (
                "zivilgesellschaft",
                "Freie Künstler*innen finden 2030 in jedem Stadtbezirk bezahlbare Ateliers und "
                "Proberäume, auch in ehemaligen Ladenlokalen und Industriehallen.",
            ),
            (
                "politik",
                "Kultur ist 2030 fester Bestandteil der Stadtentwicklung und wird bei jedem "
                "großen Bauprojekt von Anfang an mitgedacht.",
            ),
            (
                "institutionen",
                "Theater, Museen und Konzerthaus gehen 2030 regelmäßig in die Stadtteile und "
                "spielen auf Plätzen, in Schulen und in Nachbarschaftszentren.",
            ),
            (
                "zivilgesellschaft",
                "Das Kulturprogramm Dortmunds spiegelt 2030 die Vielfalt der Stadtgesellschaft; "
                "migrantische Kulturvereine gestalten es gleichberechtigt mit.",
            ),
            (
                "institutionen",
                "Jedes Dortmunder Schulkind besucht 2030 mindestens einmal im Jahr ein Theater, "
                "ein Konzert oder ein Museum.",
            ),
            (
                "politik",
                "Eine zentrale Anlaufstelle in der Verwaltung ermöglicht 2030 Zwischennutzungen "
                "für Kultur innerhalb weniger Wochen statt vieler Monate.",
            ),
        ],
    },
    "mobilitaet": {
        "ausgangsbild": [
            (
                "politik",
                "Der Autoverkehr prägt weiterhin das Stadtbild; beim Modal Split hat Dortmund "
                "gegenüber anderen Großstädten deutlichen Nachholbedarf.",
            ),
            (
                "zivilgesellschaft",
                "Radfahren ist in Dortmund auf vielen Strecken gefährlich: Radwege enden "
                "plötzlich, sind zugeparkt oder fehlen ganz.",
            ),
            (
                "institutionen",
                "Mit dem integrierten Gesamtplan Mobilität gibt es erstmals einen Ansatz, der "
                "alle Verkehrsarten zusammen denkt. Zählstellen und Mobilitätsdaten fehlen aber "
                "noch an vielen Stellen.",
            ),
            (
                "zivilgesellschaft",
                "Busse und Bahnen fahren in den Außenbezirken abends und am Wochenende zu selten; "
                "ohne Auto ist man dort schnell abgehängt.",
            ),
            (
                "politik",
                "Der Radschnellweg Ruhr RS1 und neue Velorouten sind wichtige Vorhaben, kommen "
                "aber nur schleppend voran.",
            ),
            (
                "institutionen",
                "Die Zahl öffentlicher Ladepunkte für E-Autos wächst, bleibt aber hinter dem "
                "Bedarf zurück, besonders in Vierteln mit vielen Mietwohnungen.",
            ),
        ],
        "zielbild": [
            (
                "zivilgesellschaft",
                "2030 legen die Dortmunder*innen mindestens zwei Drittel ihrer Wege zu Fuß, mit "
                "dem Rad, mit Bus und Bahn oder mit geteilten Fahrzeugen zurück.",
            ),
            (
                "politik",
                "Dortmund hat 2030 ein lückenloses, baulich getrenntes Radwegenetz, auf dem sich "
                "auch Kinder und Ältere sicher fühlen.",
            ),
            (
                "institutionen",
                "Busse und Stadtbahnen fahren 2030 in allen Stadtbezirken mindestens im "
                "10-Minuten-Takt, und an wichtigen Haltestellen stehen Leihräder für die letzte "
                "Meile bereit.",
            ),
            (
                "zivilgesellschaft",
                "Straßen in Wohnvierteln gehören 2030 wieder den Menschen: Es gibt mehr "
                "Spielstraßen, Bäume und Bänke statt parkender Autos.",
            ),
            (
                "institutionen",
                "Der Gesamtplan Mobilität wird 2030 mit Echtzeitdaten zu Rad-, Fuß- und "
                "Autoverkehr gesteuert; Maßnahmen werden laufend an Zählungen überprüft.",
            ),
            (
                "politik",
                "In jedem Quartier gibt es 2030 eine Mobilstation mit Ladepunkten, Carsharing und "
                "sicheren Fahrradabstellplätzen.",
            ),
            # Two inputs that say nearly what others say: the workbench offers them as merge
            # candidates.
            (
                "zivilgesellschaft",
                "2030 hat Dortmund ein lückenloses Radwegenetz, baulich getrennt vom Autoverkehr, "
                "auf dem Kinder und Ältere sicher fahren.",
            ),
            (
                "zivilgesellschaft",
                "In allen Stadtbezirken fahren Busse und Stadtbahnen 2030 mindestens im "
                "10-Minuten-Takt.",
            ),
        ],
    },
    "nordwaerts": {
        "ausgangsbild": [
            (
                "politik",
                "Seit dem Ratsauftrag von 2015 hat „nordwärts“ mit rund 240 Teilprojekten viel "
                "bewegt. Der Abstand in der Lebensqualität zum Süden der Stadt ist aber noch "
                "deutlich.",
            ),
            (
                "zivilgesellschaft",
                "Im Dortmunder Norden gibt es ein starkes Miteinander vieler Kulturen und großes "
                "ehrenamtliches Engagement, das außerhalb kaum wahrgenommen wird.",
            ),
            (
                "institutionen",
                "Die Kinderarmut in den nördlichen Stadtbezirken ist hoch, und viele Schulen "
                "arbeiten unter schwierigen Bedingungen.",
            ),
            (
                "zivilgesellschaft",
                "Der Norden macht vor allem negative Schlagzeilen: Wer in der Nordstadt wohnt, "
                "erlebt bei Bewerbungen und bei der Wohnungssuche Vorurteile.",
            ),
            (
                "institutionen",
                "Mit dem Hafenquartier, der Westfalenhütte und dem Umbau der Emscher entstehen im "
                "Norden neue Flächen für Arbeit, Wohnen und Erholung.",
            ),
            (
                "politik",
                "Die Erfolge von „nordwärts“ hängen stark an Fördermitteln und Projektlaufzeiten; "
                "vieles endet, wenn die Förderung ausläuft.",
            ),
        ],
        "zielbild": [
            (
                "zivilgesellschaft",
                "Wer 2030 im Dortmunder Norden aufwächst, hat die gleichen Chancen auf Bildung, "
                "Gesundheit und Arbeit wie ein Kind in Hombruch oder Aplerbeck.",
            ),
            (
                "politik",
                "Die „nordwärts“-Logik ist 2030 auf weitere Stadtteile übertragen: Wo die "
                "Lebensqualität zurückbleibt, arbeiten Verwaltung, Wirtschaft und Bürger*innen "
                "gemeinsam an Lösungen.",
            ),
            (
                "institutionen",
                "Nachbarschaftszentren und neu gestaltete Höfe sind 2030 in allen Quartieren des "
                "Nordens dauerhaft finanziert und werden von den Bewohner*innen mitgetragen.",
            ),
            (
                "zivilgesellschaft",
                "Der Norden ist 2030 ein Ort, auf den seine Bewohner*innen stolz sind und den "
                "Menschen aus der ganzen Stadt gern besuchen – wegen seiner Märkte, seiner Kultur "
                "und des Hafens.",
            ),
            (
                "institutionen",
                "Im Hafenquartier und auf der Westfalenhütte sind 2030 Tausende Arbeitsplätze "
                "entstanden, viele davon besetzt mit Menschen aus dem Norden.",
            ),
            (
                "politik",
                "Die Lebensqualität im Norden wird 2030 jährlich gemessen und im Rat diskutiert; "
                "das Kuratorium von „nordwärts“ begleitet die Umsetzung.",
            ),
        ],
    },
    "sauberkeit": {
        "ausgangsbild": [
            (
                "zivilgesellschaft",
                "Wilder Müll an Containerstandorten, in Grünanlagen und an Straßenecken ärgert "
                "viele Menschen in ihrem Viertel.",
            ),
            (
                "institutionen",
                "Die EDG leistet viel, doch Reinigungsintervalle und Personal reichen an "
                "Brennpunkten wie der Nordstadt und der City nicht aus.",
            ),
            (
                "politik",
                "Es gibt zahlreiche Aktionstage und engagierte Abfallpat*innen, aber ihr Einsatz "
                "ist in der Stadt kaum sichtbar und wird zu wenig gewürdigt.",
            ),
            (
                "zivilgesellschaft",
                "Zigarettenkippen, Einwegbecher und Hundekot prägen das Bild an vielen "
                "Haltestellen und Spielplätzen.",
            ),
            (
                "institutionen",
                "Illegale Müllablagerungen werden zu selten geahndet, weil die Verursacher*innen "
                "kaum zu ermitteln sind.",
            ),
            (
                "politik",
                "Wer Müll oder Schäden meldet, erfährt oft nicht, ob und wann etwas passiert; das "
                "frustriert und senkt die Bereitschaft, sich zu melden.",
            ),
        ],
        "zielbild": [
            (
                "zivilgesellschaft",
                "Dortmund ist 2030 eine saubere Stadt, in der sich jede Nachbarschaft für ihre "
                "Straßen, Plätze und Grünflächen mitverantwortlich fühlt.",
            ),
            (
                "institutionen",
                "Meldungen aus dem Mängel- und Ideenmelder werden 2030 innerhalb von 48 Stunden "
                "bearbeitet, und wer gemeldet hat, erhält eine Rückmeldung.",
            ),
            (
                "politik",
                "In jedem Stadtbezirk gibt es 2030 ein festes Team für Sauberkeit, das mit "
                "Abfallpat*innen, Schulen und Vereinen zusammenarbeitet.",
            ),
            (
                "zivilgesellschaft",
                "Mehrwegbecher und Mehrwegverpackungen sind 2030 in Dortmund die Regel; Cafés und "
                "Imbisse machen aus Überzeugung mit.",
            ),
            (
                "institutionen",
                "Abfallbehälter mit Füllstandssensoren melden sich 2030 selbst, sodass dort "
                "geleert wird, wo es gebraucht wird.",
            ),
            (
                "politik",
                "Illegale Müllablagerungen werden 2030 konsequent verfolgt, und die Bußgelder "
                "fließen in Sauberkeitsprojekte vor Ort.",
            ),
        ],
    },
    "sicherheit": {
        "ausgangsbild": [
            (
                "zivilgesellschaft",
                "Viele Menschen, vor allem Frauen und Ältere, meiden abends schlecht beleuchtete "
                "Unterführungen, Parks und Haltestellen.",
            ),
            (
                "institutionen",
                "Die Zahl der Straftaten in Dortmund ist über die Jahre gesunken, das "
                "Sicherheitsgefühl der Menschen hat sich aber nicht im gleichen Maß verbessert.",
            ),
            (
                "politik",
                "Rund um den Hauptbahnhof und in Teilen der Nordstadt gibt es offene "
                "Drogenszenen, die Anwohner*innen und Geschäfte stark belasten.",
            ),
            (
                "zivilgesellschaft",
                "Im Quartier kennt man sich oft nicht mehr. Wo Nachbar*innen aufeinander achten, "
                "fühlen sich die Menschen spürbar sicherer.",
            ),
            (
                "institutionen",
                "Ordnungsamt, Polizei und Sozialarbeit arbeiten an einigen Orten bereits gut "
                "zusammen, doch ihre Präsenz reicht nicht in allen Stadtteilen aus.",
            ),
            (
                "politik",
                "Rechtsextreme Gruppen sind in Dortmund seit Jahren aktiv und verunsichern viele "
                "Menschen, besonders in einzelnen Stadtteilen.",
            ),
        ],
        "zielbild": [
            (
                "zivilgesellschaft",
                "Alle können sich 2030 zu jeder Tageszeit frei in Dortmund bewegen; Angsträume "
                "wurden gemeinsam mit den Anwohner*innen erfasst und umgestaltet.",
            ),
            (
                "politik",
                "Das Sicherheitsgefühl der Dortmunder*innen ist 2030 laut Bürgerumfrage in allen "
                "Stadtbezirken deutlich gestiegen.",
            ),
            (
                "institutionen",
                "Ordnungsamt, Polizei, Streetwork und Suchthilfe arbeiten 2030 an Brennpunkten in "
                "gemeinsamen Teams und setzen auf Prävention statt auf bloße Verdrängung.",
            ),
            (
                "zivilgesellschaft",
                "Dortmund ist 2030 eine Stadt, in der Rechtsextremismus keinen Raum hat, weil "
                "Zivilgesellschaft, Politik und Verwaltung geschlossen dagegenstehen.",
            ),
            (
                "institutionen",
                "Helle Wege, belebte Plätze und einsehbare Haltestellen gehören 2030 zu den "
                "Standards jeder Planung in Dortmund.",
            ),
            (
                "politik",
                "Jedes Quartier hat 2030 feste Ansprechpersonen für Sicherheit, die man kennt und "
                "die regelmäßig vor Ort sind.",
            ),
        ],
    },
    "sport": {
        "ausgangsbild": [
            (
                "zivilgesellschaft",
                "Dortmund ist eine Sportstadt, von der Borussia bis zu Hunderten Amateurvereinen. "
                "Viele Vereine finden aber kaum noch Ehrenamtliche für Training und Vorstand.",
            ),
            (
                "institutionen",
                "Viele Turnhallen und Sportplätze sind sanierungsbedürftig; Hallenzeiten sind "
                "knapp, und Vereine müssen Wartelisten führen.",
            ),
            (
                "politik",
                "Die Wasserzeiten in den Bädern sind knapp, und immer mehr Kinder können am Ende "
                "der Grundschule nicht sicher schwimmen.",
            ),
            (
                "zivilgesellschaft",
                "Immer mehr Menschen treiben Sport ohne Verein: Laufen, Calisthenics oder Skaten "
                "im Park. Dafür fehlen oft passende, beleuchtete Flächen.",
            ),
            (
                "institutionen",
                "Sportangebote für Mädchen, Menschen mit Behinderung und Ältere gibt es, aber "
                "längst nicht in allen Stadtteilen.",
            ),
            (
                "politik",
                "Große Sportereignisse im Stadion oder in der Westfalenhalle bringen Dortmund "
                "viel Aufmerksamkeit, kommen aber selten dem Breitensport zugute.",
            ),
        ],
        "zielbild": [
            (
                "zivilgesellschaft",
                "Jedes Kind kann 2030 am Ende der Grundschule sicher schwimmen, weil Schulen und "
                "Vereine genügend Wasserzeiten in den Bädern haben.",
            ),
            (
                "politik",
                "Alle Sporthallen und Sportplätze der Stadt sind 2030 saniert, barrierefrei und "
                "bis in den späten Abend nutzbar.",
            ),
            (
                "institutionen",
                "In jedem Stadtbezirk gibt es 2030 frei zugängliche Bewegungsräume mit "
                "Laufstrecken, Calisthenics-Anlagen und Skateflächen, die abends beleuchtet sind.",
            ),
            (
                "zivilgesellschaft",
                "Sportvereine sind 2030 Orte der Nachbarschaft und der Integration; die Stadt "
                "unterstützt Ehrenamtliche mit Qualifizierung, Hilfe bei der Vereinsverwaltung "
                "und Anerkennung.",
            ),
            (
                "institutionen",
                "Vereine, Schulen und Kitas arbeiten 2030 im kooperativen Ganztag zusammen, "
                "sodass jedes Kind täglich Bewegung erlebt.",
            ),
            (
                "politik",
                "Die großen Sportevents in Dortmund finanzieren 2030 über einen Solidarbeitrag "
                "messbar den Breitensport in den Stadtteilen mit.",
            ),
        ],
    },
    "standortentwicklung": {
        "ausgangsbild": [
            (
                "institutionen",
                "Die Wirtschaft hat sich vom Montanstandort zur Dienstleistungs-, Logistik- und "
                "IT-Stadt gewandelt; die Zahl der Beschäftigten ist deutlich gestiegen.",
            ),
            (
                "politik",
                "Gewerbeflächen sind knapp, und Unternehmen, die wachsen wollen, wandern "
                "teilweise ins Umland ab.",
            ),
            (
                "zivilgesellschaft",
                "Ehemalige Industrieflächen wie Phoenix-West zeigen, wie aus Brachen neue "
                "Standorte werden können – aber die Entwicklung dauert oft Jahrzehnte.",
            ),
            (
                "institutionen",
                "Die Pandemie hat Handel, Gastronomie und Veranstaltungsbranche hart getroffen; "
                "„Neue Stärke“ und der Wettbewerb „Heimspiel Dortmund“ helfen beim Neustart.",
            ),
            (
                "politik",
                "Genehmigungsverfahren für Ansiedlungen und Bauvorhaben dauern in Dortmund oft zu "
                "lange und sind für Unternehmen schwer planbar.",
            ),
            (
                "zivilgesellschaft",
                "Viele kleine Betriebe klagen über lückenhafte Glasfaser- und Mobilfunkversorgung "
                "in den Gewerbegebieten am Stadtrand.",
            ),
        ],
        "zielbild": [
            (
                "politik",
                "Dortmund hat 2030 ausreichend Gewerbeflächen, vor allem auf reaktivierten "
                "Brachen, und kein Unternehmen muss wegen Platzmangels die Stadt verlassen.",
            ),
            (
                "institutionen",
                "Genehmigungen für Unternehmen laufen 2030 digital und aus einer Hand; die "
                "Wirtschaftsförderung begleitet jede Ansiedlung als Lotsin.",
            ),
            (
                "zivilgesellschaft",
                "Neue Gewerbegebiete sind 2030 klimafreundlich: mit Photovoltaik, begrünten "
                "Dächern und guter Anbindung an Bus, Bahn und Radwege.",
            ),
            (
                "institutionen",
                "Dortmund hat 2030 aus der Krise eine „Neue Stärke“ gemacht: Digitalisierung und "
                "Innovationsprojekte haben Handel, Gastronomie und Handwerk zukunftsfest "
                "aufgestellt.",
            ),
            (
                "politik",
                "Alle Gewerbegebiete in Dortmund sind 2030 mit Glasfaser und 5G erschlossen, und "
                "Unternehmen müssen nie mehr lange auf einen schnellen Anschluss warten.",
            ),
            (
                "zivilgesellschaft",
                "Die Dortmunder Wirtschaft übernimmt 2030 sichtbar Verantwortung für die Stadt: "
                "Unternehmen bilden aus, engagieren sich in den Quartieren und zahlen faire "
                "Löhne.",
            ),
        ],
    },
    "teilhabe": {
        "ausgangsbild": [
            (
                "zivilgesellschaft",
                "Beteiligung erreicht vor allem Menschen, die ohnehin gut vernetzt sind; junge "
                "Menschen, Migrant*innen und Menschen mit wenig Geld sind kaum vertreten.",
            ),
            (
                "institutionen",
                "Es gibt viele Beteiligungsformate, doch sie folgen keinen gemeinsamen Standards, "
                "und oft ist unklar, was mit den Ergebnissen geschieht.",
            ),
            (
                "politik",
                "Die Wahlbeteiligung ist in einigen Stadtbezirken sehr niedrig, vor allem im "
                "Norden. Viele Menschen fühlen sich von der Politik nicht gehört.",
            ),
            (
                "zivilgesellschaft",
                "Wer ein Straßenfest oder eine Nachbarschaftsaktion organisieren will, stößt auf "
                "komplizierte Anträge und wechselnde Zuständigkeiten.",
            ),
            (
                "institutionen",
                "Die Aktion #WIRSINDDORTMUND und die Tage der Nachbarschaft zeigen, wie viele "
                "Menschen mitmachen wollen, wenn man es ihnen leicht macht.",
            ),
            (
                "politik",
                "Barrierefreiheit ist bei Veranstaltungen, Gebäuden und Internetseiten der Stadt "
                "noch nicht selbstverständlich.",
            ),
        ],
        "zielbild": [
            (
                "zivilgesellschaft",
                "Alle Dortmunder*innen können 2030 mitreden – digital, analog oder hybrid, in "
                "einfacher Sprache und in mehreren Sprachen.",
            ),
            (
                "institutionen",
                "Jede Beteiligung folgt 2030 klaren Standards: Vorher ist bekannt, was "
                "entschieden werden kann, und hinterher wird öffentlich berichtet, was aus den "
                "Beiträgen geworden ist.",
            ),
            (
                "politik",
                "Die Bezirksvertretungen verfügen 2030 über Bürgerbudgets, über deren Verwendung "
                "die Menschen im Stadtbezirk direkt mitentscheiden.",
            ),
            (
                "zivilgesellschaft",
                "Ein Mitmachpool vermittelt 2030 Engagierte an Initiativen und Projekte, und in "
                "jedem Quartier gibt es eine Anlaufstelle für das Ehrenamt.",
            ),
            (
                "institutionen",
                "Ein Instrumentenkoffer mit Methoden, Schulungen und Leitfäden steht 2030 "
                "Verwaltung, Politik und Vereinen zur Verfügung, damit gute Beteiligung überall "
                "gelingt.",
            ),
            (
                "politik",
                "Die Wahlbeteiligung ist 2030 in allen Stadtbezirken gestiegen, weil die Politik "
                "regelmäßig in die Quartiere geht und Entscheidungen nachvollziehbar erklärt.",
            ),
        ],
    },
    "wissenschaft-und-forschung": {
        "ausgangsbild": [
            (
                "institutionen",
                "Mit TU Dortmund, Fachhochschule sowie Fraunhofer-, Max-Planck- und "
                "Leibniz-Instituten ist Dortmund ein bedeutender Wissenschaftsstandort mit über "
                "50.000 Studierenden.",
            ),
            (
                "zivilgesellschaft",
                "Viele Studierende verlassen Dortmund nach dem Abschluss, weil sie hier keine "
                "passende Stelle finden oder die Stadt wenig kennengelernt haben.",
            ),
            (
                "politik",
                "Der Campus im Westen der Stadt ist räumlich wie gefühlt weit von der Innenstadt "
                "und den übrigen Stadtteilen entfernt.",
            ),
            (
                "institutionen",
                "Internationale Studierende und Forschende kommen gern nach Dortmund, haben aber "
                "große Mühe bei Wohnungssuche, Behördengängen und der Anerkennung von "
                "Abschlüssen.",
            ),
            (
                "zivilgesellschaft",
                "Forschungsergebnisse zu Klima, Logistik oder Gesundheit erreichen die Menschen "
                "in der Stadt selten; Wissenschaft bleibt für viele eine fremde Welt.",
            ),
            (
                "politik",
                "Der Masterplan Wissenschaft ist eine gute Grundlage für die Zusammenarbeit von "
                "Stadt und Hochschulen, braucht aber mehr Verbindlichkeit.",
            ),
        ],
        "zielbild": [
            (
                "institutionen",
                "Dortmund ist 2030 eine der führenden Wissenschaftsstädte Deutschlands in "
                "Logistik, Datenwissenschaft und Produktionsforschung, sichtbar weit über das "
                "Ruhrgebiet hinaus.",
            ),
            (
                "zivilgesellschaft",
                "Die Hochschulen öffnen sich 2030 in die Stadtteile: Citizen-Science-Projekte, "
                "Kinderunis und offene Labore machen Forschung für alle erlebbar.",
            ),
            (
                "politik",
                "Mindestens die Hälfte der Absolvent*innen bleibt 2030 nach dem Studium in "
                "Dortmund, weil Unternehmen, Start-ups und Stadt attraktive Perspektiven bieten.",
            ),
            (
                "institutionen",
                "Internationale Studierende und Forschende erledigen 2030 in einem Welcome Center "
                "alle Behördenangelegenheiten auf Englisch und aus einer Hand.",
            ),
            (
                "zivilgesellschaft",
                "Der Campus ist 2030 durch schnelle Bahn- und Radverbindungen mit der Innenstadt "
                "verknüpft, und studentisches Leben prägt auch die City.",
            ),
            (
                "politik",
                "Stadtverwaltung und Hochschulen arbeiten 2030 in gemeinsamen Reallaboren an "
                "Lösungen für Klima, Mobilität und Verwaltung, deren Ergebnisse direkt in die "
                "Praxis einfließen.",
            ),
        ],
    },
    "wohnen": {
        "ausgangsbild": [
            (
                "zivilgesellschaft",
                "Bezahlbare Wohnungen sind in Dortmund knapp geworden; Familien und Menschen mit "
                "geringem Einkommen suchen oft monatelang.",
            ),
            (
                "institutionen",
                "Die Zahl neu gebauter Wohnungen pro Jahr bleibt hinter dem Bedarf zurück, und "
                "Planungs- und Genehmigungsverfahren dauern zu lange.",
            ),
            (
                "politik",
                "Der Bestand an geförderten Wohnungen schrumpft, weil mehr Sozialwohnungen aus "
                "der Bindung fallen als neue entstehen.",
            ),
            (
                "zivilgesellschaft",
                "Viele ältere Wohnhäuser sind schlecht gedämmt und nicht barrierefrei; die "
                "Sanierungsquote ist viel zu niedrig.",
            ),
            (
                "institutionen",
                "Mit DOGEWO21 verfügt die Stadt über eine starke kommunale Wohnungsgesellschaft, "
                "die bezahlbaren Wohnraum sichert und Quartiere stabilisiert.",
            ),
            (
                "politik",
                "Gemeinschaftliche Wohnformen wie Mehrgenerationenwohnen, Baugruppen oder junge "
                "Genossenschaften haben es schwer, an Grundstücke zu kommen.",
            ),
        ],
        "zielbild": [
            (
                "politik",
                "Dortmund baut 2030 jedes Jahr so viele Wohnungen, wie gebraucht werden, davon "
                "einen festen Anteil öffentlich gefördert.",
            ),
            (
                "zivilgesellschaft",
                "Niemand muss 2030 mehr als ein Drittel seines Einkommens für die Miete ausgeben, "
                "und bezahlbaren Wohnraum gibt es in allen Stadtteilen.",
            ),
            (
                "institutionen",
                "Eine städtische Stadtentwicklungsgesellschaft erwirbt 2030 gezielt Flächen und "
                "vergibt sie nach Konzeptqualität statt nach Höchstpreis.",
            ),
            (
                "zivilgesellschaft",
                "Baugruppen, Genossenschaften und Mehrgenerationenprojekte finden 2030 leicht "
                "Grundstücke und Beratung; gemeinschaftliches Wohnen ist selbstverständlich.",
            ),
            (
                "institutionen",
                "Die Sanierungsquote im Wohnungsbestand hat sich 2030 verdoppelt, ohne dass "
                "Mieter*innen durch Modernisierungen verdrängt werden.",
            ),
            (
                "politik",
                "Die Gesamtstrategie Dortmunder Wohnungsbau hat 2030 die Verfahren beschleunigt: "
                "Über einen vollständigen Bauantrag wird in drei Monaten entschieden.",
            ),
        ],
    },
}
