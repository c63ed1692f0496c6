## Nur was im Schweizer Deutsch anders ist (ss statt Eszett); der Rest kommt aus de.

cli-golive-checking = Schlusstest: Was { $address } von aussen zeigt …
cli-golive-not-checkable = Das neue Zertifikat für { $domain } ist eingespielt, aber { $address } ist von diesem Server aus nicht erreichbar (weder vor noch nach der Änderung; der Router leitet vielleicht nicht zurück). Bitte https://{ $domain } von aussen prüfen.
