## Nur was im Schweizer Deutsch anders ist (ss statt Eszett); der Rest kommt aus de.

limit-file-too-large = Die Datei { $file } ist grösser als { $max }. So gross schreibt sie niemand von Hand; der Assistent liest sie deshalb nicht. Bitte prüfen Sie, ob es die richtige Datei ist.
