# Prüfung des Namens, unter dem Patienten den Termindienst finden.
# Jede Meldung sagt, warum der Name nicht geht und was stattdessen einzugeben ist.

domain-error-empty = Bitte geben Sie den Namen ein, unter dem Patienten den Termindienst finden sollen, zum Beispiel termine.meine-praxis.ch.
domain-error-wildcard = Ein Name mit * gilt für viele Namen auf einmal; das unterstützt dieses Programm nicht. Geben Sie genau einen Namen ein, zum Beispiel termine.meine-praxis.ch.
domain-error-ip-address = { $input } ist eine IP-Adresse, kein Name. Für eine IP-Adresse stellt Let's Encrypt hier kein Zertifikat aus, und sie ändert sich oft. Geben Sie den Namen ein, den Sie beim Domain-Anbieter (Registrar) gekauft haben, zum Beispiel termine.meine-praxis.ch.
domain-error-email = { $input } sieht wie eine E-Mail-Adresse aus. Geben Sie nur den Namen ein, ohne den Teil vor dem @, zum Beispiel termine.meine-praxis.ch.
domain-error-whitespace = Der Name enthält ein Leerzeichen. Namen im Internet haben keine Leerzeichen; verwenden Sie einen Bindestrich, zum Beispiel termine.meine-praxis.ch.
domain-error-invalid-character = Das Zeichen „{ $char }“ darf in einem Namen nicht vorkommen. Erlaubt sind Buchstaben, Ziffern, der Bindestrich und der Punkt. Geben Sie nur den Namen ein, ohne Port und Pfad, zum Beispiel termine.meine-praxis.ch.
domain-error-empty-label = Zwischen zwei Punkten fehlt etwas (zum Beispiel „..“ oder ein Punkt am Anfang). Prüfen Sie die Schreibweise, zum Beispiel termine.meine-praxis.ch.
domain-error-hyphen-edge = Der Teil „{ $label }“ beginnt oder endet mit einem Bindestrich. Das erlaubt kein Domain-Anbieter (Registrar); ein Bindestrich darf nur zwischen Buchstaben oder Ziffern stehen.
domain-error-label-too-long = Der Teil „{ $label }“ ist zu lang: { $length } Zeichen, erlaubt sind höchstens { $max } (Umlaute zählen dabei mehrfach). Wählen Sie einen kürzeren Namen.
domain-error-too-long = Der Name ist zu lang: { $length } Zeichen, erlaubt sind höchstens { $max } (Umlaute zählen dabei mehrfach). Wählen Sie einen kürzeren Namen.
domain-error-idna = Der Name enthält Zeichen, die sich nicht in eine Internet-Adresse umwandeln lassen. Prüfen Sie die Schreibweise oder verwenden Sie nur Buchstaben ohne Akzente, Ziffern und Bindestriche.
domain-error-no-dot = „{ $name }“ ist nur ein Rechnername im Praxisnetz – Patienten erreichen diesen Namen nicht. Geben Sie den vollständigen Namen mit Ihrer Domain ein, zum Beispiel termine.meine-praxis.ch.
domain-error-internal-suffix = .{ $suffix } ist nur im Praxisnetz bekannt – Patienten erreichen diesen Namen nicht, und Let's Encrypt auch nicht. Geben Sie den Namen ein, den Sie beim Domain-Anbieter (Registrar) gekauft haben, zum Beispiel termine.meine-praxis.ch.
domain-error-public-suffix = „{ $name }“ ist nur eine Endung, die niemandem allein gehört. Geben Sie Ihre eigene Domain davor ein, zum Beispiel termine.meine-praxis.{ $name }.
domain-error-unknown-suffix = Die Endung .{ $suffix } gibt es im Internet nicht. Prüfen Sie die Schreibweise; übliche Endungen sind zum Beispiel .ch, .li, .de oder .com.
domain-hint-registered-itself = Hinweis: { $domain } ist Ihre Domain selbst. Üblich ist ein eigener Name für den Termindienst, zum Beispiel { $suggestion }. Beides funktioniert; der Name muss nur auf Ihren Anschluss zeigen.
domain-error-too-many-labels = Der Name hat { $count } durch Punkte getrennte Teile. Let's Encrypt stellt Zertifikate nur für Namen mit höchstens { $max } Teilen aus. Wählen Sie einen kürzeren Namen, zum Beispiel termine.meine-praxis.ch.
domain-error-invisible = Im Namen steckt an Stelle { $position } ein unsichtbares Zeichen: { $kind ->
        [zero-width-space] ein Leerzeichen ohne Breite
        [zero-width-joiner] ein Verbindungszeichen ohne Breite
        [byte-order-mark] eine unsichtbare Markierung für den Textanfang
        [soft-hyphen] ein verstecktes Trennzeichen
        [word-joiner] ein unsichtbares Bindezeichen
        [direction-mark] eine Markierung für die Schreibrichtung
       *[other] ein Steuerzeichen
    } ({ $code }). So etwas kommt beim Kopieren aus einer E-Mail oder einem Dokument mit. Löschen Sie den Namen ganz und tippen Sie ihn von Hand neu ein.
domain-hint-www = Hinweis: { $name } beginnt mit www. Das ist üblich für die Webseite der Praxis, nicht für den Termindienst; üblich wäre { $suggestion }. Beides funktioniert, der Name muss nur auf Ihren Anschluss zeigen.
domain-warning-mixed-scripts = Achtung: Der Name mischt zwei Alphabete. Er enthält { $script ->
        [cyrillic] kyrillische
        [greek] griechische
        [armenian] armenische
       *[other] fremde
    } Buchstaben, die wie unsere aussehen, aber andere sind. Buchstabe für Buchstabe (die fremden in eckigen Klammern): { $spelled }. Wenn Sie das nicht so wollten, tippen Sie den Namen von Hand neu ein.
