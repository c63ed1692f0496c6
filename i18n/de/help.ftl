# F1 auf jedem Schritt: wozu der Schritt da ist, was Sie tun, was oft
# schiefgeht und wer hilft. Die Fachwörter erklärt die Begriffsliste (G).

help-glossary-key = G oder F1: Begriffe erklärt (Fachwörter von A bis Z)
key-glossary = G Begriffe
glossary-title = Begriffe erklärt
glossary-intro = Jedes Fachwort, das dieses Programm zeigt, in ein bis zwei Sätzen. Ihre IT-Betreuung kennt die Wörter in Klammern.
glossary-close = Esc oder G: zurück zur Hilfe     Enter: schließen
key-glossary-back = Esc zurück zur Hilfe
key-dialog-close-enter = Enter schließen

language-help =
    Wozu: Hier wählen Sie die Sprache, in der das Programm mit Ihnen spricht. Sie lässt sich jederzeit mit F2 oder L wechseln.
    Was Sie tun: Mit Pfeil hoch/runter eine Sprache wählen, dann Enter. „Deutsch (Schweiz)“ schreibt die Wörter wie in der Schweiz üblich, zum Beispiel „Strasse“.
    Was oft schiefgeht: Die Umlaute erscheinen als seltsame Zeichen. Dann ist im Programm PuTTY die Zeichensatz-Einstellung falsch: Fenster > Übersetzung > UTF-8.
    Wer hilft: Ihre IT-Betreuung.
    Was das ganze Programm macht: Es richtet die Terminbuchung Ihrer Praxis so ein, dass Patienten sie sicher über das Internet erreichen (mit Schloss im Browser). Es führt Sie in 14 Schritten dorthin und prüft jeden Schritt.
start-help =
    Wozu: Das Programm sucht die Elexis-Installation für die Terminbuchung (Elexis-OOB) auf diesem Server. Alles Weitere baut darauf auf.
    Was Sie tun: Meist ist der Ordner schon gefunden und eingetragen: dann einfach Enter. Sonst wählen Sie einen gefundenen Ordner mit Pfeil hoch/runter oder tippen den Pfad ein, zum Beispiel /opt/elexis-oob.
    Was oft schiefgeht: Der Ordner ist falsch geschrieben, oder Elexis-OOB läuft gerade nicht. Das Programm sagt, was fehlt und was zu tun ist. Läuft dieses Programm gar nicht auf dem Elexis-Server, geht es mit „trotzdem weiter“ (F3 oder { -ctrl }+W).
    Wer hilft: Ihre IT-Betreuung, die Elexis-OOB eingerichtet hat.
domain-help =
    Wozu: Hier legen Sie die Internet-Adresse fest, unter der Patienten Termine buchen, zum Beispiel termine.meine-praxis.ch.
    Was Sie tun: „termine.“ und dahinter den Namen Ihrer Praxis-Adresse im Internet (Domain) eintippen, dann Enter. Ohne https:// und ohne www.
    Was oft schiefgeht: Ein Tippfehler, ein unsichtbares Zeichen aus einer kopierten Adresse oder ein Buchstabe aus einem anderen Alphabet. Das Programm zeigt solche Zeichen an.
    Wer hilft: Die Firma, bei der die Praxis ihre Domain gekauft hat (Registrar, zum Beispiel Hostpoint oder Infomaniak), oder Ihre IT-Betreuung.
dns-help =
    Wozu: Damit Patienten den Termindienst finden, muss der Name im Adressbuch des Internets (DNS) auf den Internet-Anschluss Ihrer Praxis zeigen.
    Was Sie tun: Prüfen, ob alle Prüfungen in Ordnung sind. Wenn nicht: beim Anbieter der Domain den Adress-Eintrag (A-Eintrag) für „termine“ auf die Adresse Ihres Anschlusses setzen. Wechselt diese Adresse, meldet der Router sie laufend selbst (automatische Adress-Meldung, DynDNS; { router-menu-dyndns }; ohne passenden Router ein kleines Programm auf dem Server, ddclient). Danach einige Minuten warten und F5 oder R drücken.
    Was oft schiefgeht: Der Eintrag zeigt noch auf eine alte Adresse, oder ein Aussteller-Eintrag der Domain (CAA) erlaubt Let's Encrypt nicht.
    Wer hilft: Der Anbieter Ihrer Domain (Registrar) oder Ihre IT-Betreuung.
ports-help =
    Wozu: Der Router lässt von außen normalerweise nichts herein. Zwei Freigaben (Portfreigaben) leiten genau die Termin-Anfragen an diesen Server weiter, sonst nichts.
    Was Sie tun: Im Router die beiden Freigaben einrichten, wie auf dem Bildschirm beschrieben, dann Leertaste und Enter.
    Die Anleitung für Ihren Router steht im Schritt selbst, unter der Adresse des Servers (Bild↓).
    Was oft schiefgeht: „Exposed Host“ und „Selbstständige Portfreigaben (UPnP)“ würden alle Dienste des Servers ins Internet stellen, auch die Verwaltung und die Datenbank. Lassen Sie beides für diesen Server aus.
    Wer hilft: Ihr Internet-Anbieter (für das Passwort des Routers) oder Ihre IT-Betreuung.
firewall-help =
    Wozu: Der Server hat seinen eigenen Schutz gegen Zugriffe von außen (Firewall). Für die Ausstellung des Zertifikats muss Let's Encrypt kurz hinein dürfen.
    Was Sie tun: O oder F4 drücken und die Frage mit J beantworten. Das Programm öffnet genau einen Zugang (Port) für 15 Minuten und prüft dann von außen, ob der Server erreichbar ist.
    Was oft schiefgeht: Die Prüfung kommt nicht an. Meist fehlt die Freigabe im Router (Schritt 5) oder sie zeigt auf einen anderen Rechner.
    Wer hilft: Ihre IT-Betreuung; D zeigt ihr die genauen Befehle.
certificate-help =
    Wozu: Das Zertifikat ist der Ausweis des Termindienstes. Mit ihm zeigt der Browser Ihrer Patienten das Schloss statt einer Warnung. Let's Encrypt stellt es kostenlos aus.
    Was Sie tun: Eine E-Mail-Adresse der Praxis eintragen und Enter drücken. Zuerst kommt ein Probelauf, der nichts zählt; klappt er, folgt das echte Zertifikat.
    Was oft schiefgeht: Let's Encrypt erreicht den Server nicht (Freigabe im Router, Schritt 5). Jeder Fehlversuch zählt: Höchstens 5 pro Stunde sind erlaubt. Ändern Sie darum erst etwas, bevor Sie es noch einmal versuchen.
    Wer hilft: Ihre IT-Betreuung.
install-help =
    Wozu: Zertifikat und der geheime Schlüssel dazu kommen an einen sicheren Ort auf dem Server, den nur der Verwalter (root) lesen kann.
    Was Sie tun: Läuft das Programm auf dem Elexis-Server, macht es das selbst: Enter. Sonst kann es die Dateien hinüberschicken, oder Ihre IT-Betreuung legt sie nach der Anleitung ab; dann Leertaste und Enter.
    Was oft schiefgeht: Der Schlüssel landet in einem Ordner, den auch der Termindienst im Internet lesen kann. Das Programm lässt das nicht zu.
    Wer hilft: Ihre IT-Betreuung.
proxy-help =
    Wozu: Ein Vermittler-Programm (Proxy, hier Traefik) nimmt die Anfragen aus dem Internet an und zeigt dabei das Zertifikat. Es muss wissen, wo das Zertifikat liegt.
    Was Sie tun: Lesen, was das Programm ändern will (der Satz über jeder Datei sagt es), dann Enter und J. Jede Datei wird vorher gesichert. D zeigt die genauen Zeilen.
    Was oft schiefgeht: Jemand hat die Dateien schon von Hand geändert. Dann fragt das Programm, statt etwas zu überschreiben.
    Wer hilft: Ihre IT-Betreuung. „praxis-tls undo“ nimmt alles zurück.
restart-help =
    Wozu: Die neuen Einstellungen gelten erst nach einem Neustart von Elexis-OOB.
    Was Sie tun: Einen ruhigen Moment wählen, dann Enter und J. Ein bis zwei Minuten lang kann niemand in der Praxis mit Elexis arbeiten, auch die Datenbank steht still.
    Was oft schiefgeht: Ein Teil startet nicht, oder ein anderes Programm belegt schon Port 443. Das Programm nennt es; Enter versucht es noch einmal, „praxis-tls undo“ stellt den alten Stand her.
    Wer hilft: Ihre IT-Betreuung.
final-help =
    Wozu: Zum Schluss prüft das Programm alles so, wie es Ihre Patienten sehen: Schloss, gültiges Zertifikat und nichts anderes von außen erreichbar.
    Was Sie tun: Auf Ihrem Handy mit ausgeschaltetem WLAN die Adresse öffnen. Erscheint das Schloss ohne Warnung: Leertaste, dann Enter.
    Was oft schiefgeht: Im Praxisnetz selbst kann der Router den eigenen Anschluss oft nicht von innen erreichen (Hairpin-NAT). Deshalb der Test über das Handy-Netz.
    Wer hilft: Ihre IT-Betreuung.
systems-help =
    Wozu: Hier können Sie freiwillig zwei weitere Systeme der Praxis absichern. Wer keines hat, drückt einfach Enter.
    Orthanc (Bildarchiv) im Praxisnetz: Eine Zertifizierungsstelle aus dem Internet kann einen Namen wie pacs.praxis.lan nicht prüfen. Das Programm macht deshalb eine eigene Praxis-Zertifizierungsstelle (Praxis-CA). Deren Zertifikat installieren Sie einmal auf jedem Praxis-Computer; danach vertrauen die Browser Orthanc.
    Auf Wunsch erhält jede Person ein eigenes Browser-Zertifikat: Dann öffnet Orthanc sich nur noch auf Computern, die ein solches Zertifikat haben.
    Express Gateway (AIoTES): erhält ein Let's-Encrypt-Zertifikat für seinen eigenen Namen, auf demselben Weg wie der Termindienst. Der Name muss im DNS auf dieselbe Adresse zeigen wie der Termin-Name.
    Was Sie tun: Pfeil hoch/runter wählt, Tab springt zum nächsten Feld, Enter zeigt die Änderung, bevor etwas geschrieben wird.
    Was oft schiefgeht: Der Pfad der Einstellungsdatei stimmt nicht. Das Programm sagt es, bevor es etwas schreibt.
    Wer hilft: Ihre IT-Betreuung oder der Betreuer des Bildarchivs.
autorenew-help =
    Wozu: Ein Zertifikat von Let's Encrypt gilt nur wenige Wochen. Damit nie eine Warnung erscheint, erneuert der Server es ab jetzt selbst.
    Was hier eingerichtet wird: Ein Zeitplan auf diesem Server (bei systemd ein „Timer“, sonst ein Eintrag für cron) startet zweimal am Tag „praxis-tls renew“. Das Programm prüft dann, ob das Zertifikat bald abläuft, und holt rechtzeitig ein neues.
    Es braucht dafür ein Programm an einem festen Ort. Läuft der Assistent gerade aus einem anderen Ordner, kopiert er sich nach /usr/local/sbin.
    Geht bei der Erneuerung etwas schief, schickt der Server eine E-Mail an die Adresse, die Sie hier eintragen. Ihre IT-Betreuung kennt die Angaben zum Mailserver (SMTP): Servername, Absender, Benutzername und Passwort. Mit { -ctrl }+T geht sofort eine Test-E-Mail hinaus.
    Was Sie tun: Pfeil hoch/runter wählt, Tab springt zum nächsten Feld, Enter richtet ein (nach einer Rückfrage).
    Was oft schiefgeht: Die Test-E-Mail kommt nicht an. Dann stimmen die Mailserver-Angaben nicht; fragen Sie Ihre IT-Betreuung.
    Rückgängig machen: „praxis-tls undo“ entfernt den Zeitplan wieder.
    Wer hilft: Ihre IT-Betreuung.
done-help =
    Wozu: Geschafft. Hier steht zusammengefasst, was eingerichtet ist und wo die Dateien liegen.
    Was Sie tun: Mit Enter weiterlesen bis zum Ende, dann beendet Enter das Programm. Den Stand zeigt später jederzeit „praxis-tls status“.
    Was oft schiefgeht: Nichts mehr an diesem Tag. Kommt später eine E-Mail über eine gescheiterte Erneuerung, leiten Sie sie an Ihre IT-Betreuung weiter.
    Wer hilft: Ihre IT-Betreuung. Zeigen Sie ihr auch den Abschnitt „Zur Sicherheit“.
