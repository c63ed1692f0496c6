## Further systems of the practice (src/core/orthanc.rs, express_gateway.rs,
## src/io/practice_ca.rs, express_gateway.rs)

## Orthanc: its configuration file cannot be read

orthanc-syntax-unclosed-comment = In der Orthanc-Einstellungsdatei { $path } beginnt in Zeile { $line } (Zeichen { $column }) ein Kommentar mit „/*“, der nie mit „*/“ endet. Das Programm ändert die Datei nicht. Bitten Sie Ihre IT-Betreuung, die Stelle zu korrigieren.
orthanc-syntax-unclosed-string = In der Orthanc-Einstellungsdatei { $path } fehlt in Zeile { $line } (Zeichen { $column }) ein schließendes Anführungszeichen. Das Programm ändert die Datei nicht. Bitten Sie Ihre IT-Betreuung, die Stelle zu korrigieren.
orthanc-syntax-bad-escape = In der Orthanc-Einstellungsdatei { $path } steht in Zeile { $line } (Zeichen { $column }) ein ungültiger Rückstrich „\“ in einem Text. Das Programm ändert die Datei nicht. Bitten Sie Ihre IT-Betreuung, die Stelle zu korrigieren.
orthanc-syntax-control-in-string = In der Orthanc-Einstellungsdatei { $path } steht in Zeile { $line } (Zeichen { $column }) ein unsichtbares Steuerzeichen in einem Text. Das Programm ändert die Datei nicht. Bitten Sie Ihre IT-Betreuung, die Stelle zu korrigieren.
orthanc-syntax-unexpected = Die Orthanc-Einstellungsdatei { $path } ist in Zeile { $line } (Zeichen { $column }) fehlerhaft: Dort fehlt vermutlich ein Komma oder eine Klammer, oder es steht ein Zeichen zu viel. Das Programm ändert die Datei nicht. Bitten Sie Ihre IT-Betreuung, die Stelle zu korrigieren.
orthanc-syntax-unexpected-end = Die Orthanc-Einstellungsdatei { $path } hört in Zeile { $line } mitten im Text auf (es fehlt zum Beispiel eine schließende Klammer „{"}"}“). Das Programm ändert die Datei nicht. Bitten Sie Ihre IT-Betreuung, die Datei zu prüfen.
orthanc-syntax-not-object = Die Datei { $path } ist keine Orthanc-Einstellungsdatei: Sie muss mit „{"{"}“ beginnen (Zeile { $line }, Zeichen { $column }). Prüfen Sie, ob Sie die richtige Datei gewählt haben.
orthanc-syntax-trailing = In der Orthanc-Einstellungsdatei { $path } steht nach der letzten Klammer „{"}"}“ noch etwas (Zeile { $line }, Zeichen { $column }). Das Programm ändert die Datei nicht. Bitten Sie Ihre IT-Betreuung, die Stelle zu korrigieren.
orthanc-syntax-too-deep = Die Orthanc-Einstellungsdatei { $path } ist ab Zeile { $line } (Zeichen { $column }) zu tief verschachtelt, um sicher bearbeitet zu werden. Das Programm ändert die Datei nicht. Bitten Sie Ihre IT-Betreuung, sie zu prüfen.
