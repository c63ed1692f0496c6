# Dateien, die der Assistent gar nicht erst liest: zu gross, zu tief verschachtelt, keine gewöhnliche Datei.

limit-file-too-large = Die Datei { $file } ist größer als { $max }. So groß schreibt sie niemand von Hand; der Assistent liest sie deshalb nicht. Bitte prüfen Sie, ob es die richtige Datei ist.
limit-file-too-deep = Die Datei { $file } ist in Zeile { $line } mehr als { $max } Ebenen tief verschachtelt. So schreibt sie niemand von Hand; der Assistent liest sie deshalb nicht. Bitte lassen Sie die Datei von Ihrer IT-Betreuung prüfen.
limit-not-a-file = { $file } ist keine gewöhnliche Datei (sondern zum Beispiel ein Gerät oder eine Warteschlange). Der Assistent liest daraus nicht. Bitte geben Sie eine gewöhnliche Datei an.
