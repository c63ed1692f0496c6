## Schweizer Schreibweise (ss, «…») der Meldungen aus de/patients.ftl.

patients-no-address = Für { $host } findet das Internet gerade keine Adresse. Die Patienten würden die Terminseite nicht finden.
patients-no-address-fix = Prüfen Sie beim Anbieter Ihrer Domain den Adress-Eintrag für «termine» (A-Eintrag im DNS). Er muss auf die öffentliche Adresse der Praxis zeigen. Danach mit F5 oder R neu prüfen.
patients-checked-here = Von innen geprüft: Ihr Router leitet Verbindungen an die eigene Adresse { $address } nicht zurück. Darum wurde das Zertifikat hier auf dem Server geprüft. Ob es von aussen genauso ankommt, zeigt nur ein Blick von aussen (Handy ohne WLAN).
patients-served-here = Hier auf dem Server zeigt der Termindienst das neue Zertifikat; es gilt noch { $days } Tage. Von aussen konnte das Programm nicht nachsehen: Ihr Router leitet Verbindungen an die eigene Adresse { $address } nicht zurück (das ist kein Fehler).
patients-served-here-fix = Öffnen Sie auf dem Handy mit ausgeschaltetem WLAN https://{ $host }: Das Schloss muss erscheinen, ohne Warnung. Dann haken Sie unten «Auf dem Handy geprüft» ab.
patients-here-no-answer = Auf diesem Server antwortet an Port { $port } nichts. Geprüft wurde hier auf dem Server, nicht über den Router.
patients-here-no-answer-fix = Läuft Elexis-OOB? Prüfen Sie den Schritt «Neustart» und starten Sie Elexis-OOB wenn nötig neu.
patients-points-elsewhere = Der Name { $host } zeigt auf die Adresse { $address }. Ihr Internetanschluss hat aber die Adresse { $own }. Die Patienten landen also woanders, und dort antwortet nichts.
patients-points-elsewhere-fix = Ändern Sie beim Anbieter Ihrer Domain den Adress-Eintrag für «termine» (A-Eintrag im DNS) auf { $own }. Bei wechselnder Adresse hilft die automatische Adress-Meldung (DynDNS) im Router ({ router-menu-dyndns }).
patients-exposure-here = Von innen nicht prüfbar, ob an { $address } von aussen noch andere Seiten erreichbar sind: Der Router leitet Verbindungen an die eigene Adresse nicht zurück.
patients-tried-direct = Geprüft wie bei den Patienten: { $host } direkt über { $direct }.
patients-tried-here = Geprüft hier auf dem Server, für { $host } unter { $here }: Über den Router ging es von innen nicht.
patients-tried-both = Geprüft wie bei den Patienten: { $host } direkt über { $direct }; für { $here } hier auf dem Server, weil es über den Router von innen nicht ging.

status-live-ok = Von aussen geprüft ({ $addresses }): Der Termindienst zeigt das richtige Zertifikat, und nichts Internes ist erreichbar.
status-live-problem = Bei der Prüfung wie bei den Patienten ({ $addresses }) stimmt etwas nicht:

proxy-router-unpinnable = Die Seite «{ $router }» hat keinen festen Eingang. Der Vermittler (Traefik) würde sie auch über Port 443 ins Internet geben. Der Assistent kann sie nicht auf das Praxisnetz beschränken, weil der Vermittler keinen Eingang auf Port 80 hat. Bitte lassen Sie Ihre IT-Betreuung bei «{ $router }» einen Eingang (entrypoints) eintragen.
