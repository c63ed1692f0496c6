# Die Antwortdatei: eine Einrichtung in der nächsten Praxis wiederholen.

answers-read-failed = Die Antwortdatei { $path } kann nicht gelesen werden: { $detail }
answers-syntax = Die Antwortdatei { $path } hat in Zeile { $line } einen Fehler: { $detail }
answers-unknown-key = Die Antwortdatei { $path } hat in Zeile { $line } einen Schlüssel, den diese Version nicht kennt: { $key }
answers-newer-version = Die Antwortdatei { $path } ist für eine neuere Version von praxis-tls geschrieben (Version { $found }; diese kennt bis { $supported }). Bitte praxis-tls aktualisieren.
answers-no-version = Die Antwortdatei { $path } hat keine Version. Sie muss so beginnen: [answers] version = 1
answers-invalid = Die Antwortdatei { $path } hat in Zeile { $line } einen Wert, der nicht erlaubt ist: { $detail }
answers-write-failed = Die Antwortdatei { $path } kann nicht geschrieben werden: { $detail }
answers-written = Antworten für die nächste Praxis (ohne Passwörter und Schlüssel): { $path } – wiederholen mit „praxis-tls replay“
answers-replay-confirm = { $path } auf diesem Server wiederholen? Firewall-Öffnung und Zertifikat werden so erledigt, wie die Datei es sagt. [j/N]
answers-replay-cancelled = Es wurde nichts getan.
answers-step-passed = { $number }. { $title }: erledigt
answers-step-overridden = { $number }. { $title }: mit „trotzdem weiter“ übergangen, wie die Antworten es sagen
answers-step-back = { $number }. { $title }: Für einen früheren Schritt sagen die Antworten etwas anderes; zurück dorthin
answers-replay-done = Die Antworten sind bis zum Ende durchgelaufen ({ $number }. { $title }).
answers-replay-stopped = Angehalten bei Schritt { $number }: { $title }
answers-stop-unanswered = Die Antwortdatei sagt zu diesem Schritt nichts (oder nicht genug). Ergänzen Sie ihn unter [{ $table }] oder machen Sie im Assistenten weiter: praxis-tls --answers DATEI
answers-stop-failed = Eine Prüfung ist fehlgeschlagen, und die Antworten übergehen sie nicht:
answers-stop-may-override = Der Assistent erlaubt hier „trotzdem weiter“. Um das ohne Rückfrage zu tun, schreiben Sie override = true unter [{ $table }].
answers-stop-dialog = Eine Frage ist offen, die die Antworten nicht abdecken (zum Beispiel ein weiterer Versuch für ein Zertifikat). Bitte im Assistenten weitermachen.
answers-stop-invalid = Der Assistent nimmt die Antwort für diesen Schritt nicht an:
answers-value-too-long = Der Wert ist { $count } Zeichen lang; ein Eingabefeld nimmt höchstens { $max } Zeichen.
answers-value-line-break = Der Wert enthält an Stelle { $position } einen Zeilenumbruch; ein Eingabefeld nimmt nur eine Zeile.
answers-value-nul = Der Wert enthält an Stelle { $position } ein Nullzeichen, das kein Eingabefeld annimmt.
answers-value-control = Der Wert enthält an Stelle { $position } ein unsichtbares Steuerzeichen, das kein Eingabefeld annimmt.
answers-value-empty = Der Wert ist leer.
answers-stop-blocked = Dieser Schritt kann nicht von selbst weitergehen. Machen Sie im Assistenten weiter, um zu sehen, warum.
answers-stop-timeout = Innerhalb von { $seconds } Sekunden kam kein Ergebnis.
answers-pending-undo = Ein früherer Lauf wurde unterbrochen. Was er halb erledigt oder offen gelassen hat, wird zuerst zurückgenommen, wie es „praxis-tls undo“ täte; dann geht es dort weiter, wo jener Lauf gespeichert wurde:
