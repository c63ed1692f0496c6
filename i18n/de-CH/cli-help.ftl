## Nur was im Schweizer Deutsch anders ist (die Anführungszeichen); der Rest kommt aus de.

cli-error-invalid-value = «{ $value }» ist kein gültiger Wert für { $arg }.
