## Further systems of the practice (src/core/orthanc.rs, express_gateway.rs,
## src/io/practice_ca.rs, express_gateway.rs)

## Orthanc: its configuration file cannot be read

orthanc-syntax-unclosed-comment = In der Orthanc-Einstellungsdatei { $path } beginnt in Zeile { $line } (Zeichen { $column }) ein Kommentar mit „/*“, der nie mit „*/“ endet. Das Programm ändert die Datei nicht. Bitten Sie Ihre IT-Betreuung, die Stelle zu korrigieren.
orthanc-syntax-unclosed-string = In der Orthanc-Einstellungsdatei { $path } fehlt in Zeile { $line } (Zeichen { $column }) ein schließendes Anführungszeichen. Das Programm ändert die Datei nicht. Bitten Sie Ihre IT-Betreuung, die Stelle zu korrigieren.
orthanc-syntax-bad-escape = In der Orthanc-Einstellungsdatei { $path } steht in Zeile { $line } (Zeichen { $column }) ein ungültiger Rückstrich „\“ in einem Text. Das Programm ändert die Datei nicht. Bitten Sie Ihre IT-Betreuung, die Stelle zu korrigieren.
orthanc-syntax-control-in-string = In der Orthanc-Einstellungsdatei { $path } steht in Zeile { $line } (Zeichen { $column }) ein unsichtbares Steuerzeichen in einem Text. Das Programm ändert die Datei nicht. Bitten Sie Ihre IT-Betreuung, die Stelle zu korrigieren.
orthanc-syntax-unexpected = Die Orthanc-Einstellungsdatei { $path } ist in Zeile { $line } (Zeichen { $column }) fehlerhaft: Dort fehlt vermutlich ein Komma oder eine Klammer, oder es steht ein Zeichen zu viel. Das Programm ändert die Datei nicht. Bitten Sie Ihre IT-Betreuung, die Stelle zu korrigieren.
orthanc-syntax-missing-comma = In der Orthanc-Einstellungsdatei { $path } fehlt in Zeile { $line } bei Zeichen { $column }, direkt nach dem Wert, ein Komma: Jeder Eintrag bis auf den letzten endet mit einem Komma. Das Programm ändert die Datei nicht. Bitten Sie Ihre IT-Betreuung, das Komma zu ergänzen.
orthanc-syntax-unexpected-end = Die Orthanc-Einstellungsdatei { $path } hört in Zeile { $line } mitten im Text auf (es fehlt zum Beispiel eine schließende Klammer „{"}"}“). Das Programm ändert die Datei nicht. Bitten Sie Ihre IT-Betreuung, die Datei zu prüfen.
orthanc-syntax-not-object = Die Datei { $path } ist keine Orthanc-Einstellungsdatei: Sie muss mit „{"{"}“ beginnen (Zeile { $line }, Zeichen { $column }). Prüfen Sie, ob Sie die richtige Datei gewählt haben.
orthanc-syntax-trailing = In der Orthanc-Einstellungsdatei { $path } steht nach der letzten Klammer „{"}"}“ noch etwas (Zeile { $line }, Zeichen { $column }). Das Programm ändert die Datei nicht. Bitten Sie Ihre IT-Betreuung, die Stelle zu korrigieren.
orthanc-syntax-too-deep = Die Orthanc-Einstellungsdatei { $path } ist ab Zeile { $line } (Zeichen { $column }) zu tief verschachtelt, um sicher bearbeitet zu werden. Das Programm ändert die Datei nicht. Bitten Sie Ihre IT-Betreuung, sie zu prüfen.

## Orthanc: what will be changed

orthanc-plan = Orthanc wird auf HTTPS umgestellt: Es erhält ein Zertifikat der Praxis-CA für { $host } (gültig bis { $date }), gespeichert in { $certificate }, und die Einstellungsdatei { $config } wird wie unten gezeigt geändert. Danach muss Orthanc neu gestartet werden. Im Browser beginnt die Adresse von Orthanc dann mit „https://“ statt „http://“.
orthanc-plan-mtls = Orthanc wird auf HTTPS umgestellt und lässt danach nur noch Browser mit einem persönlichen Zertifikat der Praxis zu. Es erhält ein Zertifikat der Praxis-CA für { $host } (gültig bis { $date }), gespeichert in { $certificate }, und die Einstellungsdatei { $config } wird wie unten gezeigt geändert. Erstellen Sie vor dem Neustart von Orthanc für jede Person ein persönliches Zertifikat, sonst kommt niemand mehr hinein.

## The practice's own certificate authority (Praxis-CA)

practice-ca-generate-failed = Der Schlüssel oder das Zertifikat konnte nicht erzeugt werden ({ $detail }). Versuchen Sie es noch einmal; hilft das nicht, wenden Sie sich an Ihre IT-Betreuung.
practice-ca-damaged = Die Zertifizierungsstelle der Praxis in { $path } ist beschädigt und kann nicht verwendet werden. Das Programm erstellt nicht einfach eine neue, weil sonst alle Praxis-Computer neu eingerichtet werden müssten. Bitte wenden Sie sich an Ihre IT-Betreuung.
practice-ca-key-missing = Der geheime Schlüssel der Zertifizierungsstelle der Praxis fehlt ({ $path }). Ohne ihn kann das Programm keine Zertifikate mehr ausstellen. Stellen Sie die Datei aus einer Sicherung wieder her oder lassen Sie von Ihrer IT-Betreuung eine neue Zertifizierungsstelle einrichten (dann müssen alle Praxis-Computer das neue CA-Zertifikat erhalten).
practice-ca-expired = Die Zertifizierungsstelle der Praxis ist am { $date } abgelaufen. Es muss eine neue eingerichtet werden, und alle Praxis-Computer müssen das neue CA-Zertifikat erhalten. Bitte wenden Sie sich an Ihre IT-Betreuung.
practice-ca-bad-host = „{ $name }“ ist kein gültiger Rechnername. Erlaubt sind Buchstaben, Ziffern und Bindestriche, durch Punkte getrennt, zum Beispiel pacs.praxis.lan.
practice-ca-outside-constraints = Die Zertifizierungsstelle der Praxis darf nur Zertifikate für { $allowed } ausstellen, nicht für { $name }. Verwenden Sie einen Namen oder eine Adresse aus diesem Bereich.
practice-ca-bad-practice-name = Bitte geben Sie den Namen der Praxis ein (höchstens 48 Zeichen). Er erscheint im Zertifikat, zum Beispiel „Praxis Dr. Muster“.
practice-ca-bad-person = Bitte geben Sie den Namen der Person ein, für die das Zertifikat ist (höchstens 64 Zeichen).
practice-ca-passphrase-short = Das Kennwort ist zu kurz. Wählen Sie eines mit mindestens { $min } Zeichen. Sie brauchen es beim Einrichten des Zertifikats im Browser.
practice-ca-pkcs12-failed = Die Zertifikatsdatei für den Browser konnte nicht erstellt werden ({ $detail }). Bitte wenden Sie sich an Ihre IT-Betreuung.
practice-ca-chown-failed = Die Datei { $path } konnte nicht an das Benutzerkonto von Orthanc (Nummer { $uid }) übergeben werden. Orthanc kann sie dann nicht lesen. Prüfen Sie, ob Orthanc unter diesem Konto läuft.
practice-ca-client-exported = Das persönliche Zertifikat liegt in { $p12 } (gültig bis { $date }). Importieren Sie es im Browser dieser Person und geben Sie dabei das Kennwort ein. Installieren Sie außerdem auf jedem Praxis-Computer einmal das CA-Zertifikat { $ca } als vertrauenswürdige Zertifizierungsstelle. Geben Sie die Datei und das Kennwort nie zusammen weiter (nicht in derselben E-Mail).

## Express Gateway (AIoTES)

gateway-plan = Express Gateway erhält das Zertifikat für { $host }: Schlüssel, Zertifikat und Zwischenzertifikate werden in { $dir } abgelegt, und die Einstellungsdatei { $config } wird wie unten gezeigt ergänzt. Danach muss Express Gateway neu gestartet werden (in Portainer: den Dienst „aktualisieren“).
gateway-no-certificate = In den angegebenen Daten ist kein Zertifikat enthalten (es fehlt ein Block „-----BEGIN CERTIFICATE-----“). Wählen Sie die Zertifikatsdatei, die Sie von der Zertifizierungsstelle erhalten haben.
gateway-no-key = In den angegebenen Daten ist kein privater Schlüssel enthalten. Wählen Sie die Schlüsseldatei, die zum Zertifikat gehört.
gateway-key-encrypted = Der private Schlüssel ist mit einem Kennwort geschützt. Express Gateway kann ihn so nicht verwenden. Bitten Sie Ihre IT-Betreuung, den Schlüssel ohne Kennwort zu speichern, und geben Sie ihn nur an diesen Server weiter.
gateway-pem-broken = Die Zertifikats- oder Schlüsseldatei ist unvollständig: Der Block ab Zeile { $line } endet nicht. Vermutlich wurde beim Kopieren etwas abgeschnitten. Kopieren Sie die Datei noch einmal vollständig.
gateway-config-broken = Die Einstellungsdatei von Express Gateway { $path } ist in Zeile { $line } fehlerhaft. Das Programm ändert sie nicht. Bitten Sie Ihre IT-Betreuung, die Stelle zu korrigieren.
gateway-config-unsupported = In der Einstellungsdatei { $path } steht „{ $key }:“ in Zeile { $line } in einer Kurzform auf einer Zeile, die das Programm nicht sicher ändern kann. Bitten Sie Ihre IT-Betreuung, den Eintrag auf mehrere eingerückte Zeilen zu verteilen, oder tragen Sie das Zertifikat von Hand ein.
gateway-config-verify-failed = Die Änderung an { $path } ließ sich nicht zuverlässig prüfen. Das Programm schreibt sie deshalb nicht. Bitte wenden Sie sich an Ihre IT-Betreuung.
gateway-key-mismatch = Der private Schlüssel gehört nicht zu diesem Zertifikat. Wählen Sie die Schlüsseldatei, mit der das Zertifikat beantragt wurde.
gateway-certificate-unreadable = Das Zertifikat kann nicht gelesen werden ({ $detail }). Prüfen Sie, ob Sie die richtige Datei gewählt haben.
gateway-certificate-wrong-name = Das Zertifikat gilt nicht für { $host }, sondern für: { $names }. Browser würden eine Warnung zeigen. Verwenden Sie ein Zertifikat, das auf { $host } ausgestellt ist.
