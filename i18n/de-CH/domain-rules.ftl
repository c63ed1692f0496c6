# Schweizer Schreibweise: nur Meldungen, die sich von de unterscheiden.
# Die Meldungen zur Domain schreiben sich in der Schweiz gleich; alles kommt aus de.

# Schweizer Schreibweise (ss, «…») der übrigen Meldungen aus de/domain-rules.ftl.
domain-error-invalid-character = Das Zeichen «{ $char }» darf in einem Namen nicht vorkommen. Erlaubt sind Buchstaben, Ziffern, der Bindestrich und der Punkt. Geben Sie nur den Namen ein, ohne Port und Pfad, zum Beispiel termine.meine-praxis.ch.
domain-error-empty-label = Zwischen zwei Punkten fehlt etwas (zum Beispiel «..» oder ein Punkt am Anfang). Prüfen Sie die Schreibweise, zum Beispiel termine.meine-praxis.ch.
domain-error-hyphen-edge = Der Teil «{ $label }» beginnt oder endet mit einem Bindestrich. Das erlaubt kein Domain-Anbieter (Registrar); ein Bindestrich darf nur zwischen Buchstaben oder Ziffern stehen.
domain-error-label-too-long = Der Teil «{ $label }» ist zu lang: { $length } Zeichen, erlaubt sind höchstens { $max } (Umlaute zählen dabei mehrfach). Wählen Sie einen kürzeren Namen.
domain-error-no-dot = «{ $name }» ist nur ein Rechnername im Praxisnetz – Patienten erreichen diesen Namen nicht. Geben Sie den vollständigen Namen mit Ihrer Domain ein, zum Beispiel termine.meine-praxis.ch.
domain-error-public-suffix = «{ $name }» ist nur eine Endung, die niemandem allein gehört. Geben Sie Ihre eigene Domain davor ein, zum Beispiel termine.meine-praxis.{ $name }.
