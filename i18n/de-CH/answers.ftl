# Swiss German overlays German only where it differs (no sharp s); the answers messages need no overlay.

# Schweizer Schreibweise (ss, «…») der übrigen Meldungen aus de/answers.ftl.
answers-written = Antworten für die nächste Praxis (ohne Passwörter und Schlüssel): { $path } – wiederholen mit «praxis-tls replay»
answers-step-overridden = { $number }. { $title }: mit «trotzdem weiter» übergangen, wie die Antworten es sagen
answers-stop-may-override = Der Assistent erlaubt hier «trotzdem weiter». Um das ohne Rückfrage zu tun, schreiben Sie override = true unter [{ $table }].
answers-pending-undo = Ein früherer Lauf wurde unterbrochen. Was er halb erledigt oder offen gelassen hat, wird zuerst zurückgenommen, wie es «praxis-tls undo» täte; dann geht es dort weiter, wo jener Lauf gespeichert wurde:
