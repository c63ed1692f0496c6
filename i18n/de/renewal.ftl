## Automatic renewal: the schedule, its program, the deploy hook

schedule-no-scheduler = Auf diesem Server gibt es keinen Dienst, der Programme nach Zeitplan startet (weder systemd noch cron). Die automatische Erneuerung kann darum nicht eingerichtet werden. Bitten Sie Ihre IT-Betreuung, einen solchen Dienst zu installieren (zum Beispiel cron).
schedule-unsafe-path = Der Pfad { $path } kann nicht in einen Zeitplan geschrieben werden (er enthält Zeilenumbrüche oder Steuerzeichen oder ist nicht vollständig). Verwenden Sie einen einfachen, vollständigen Pfad.
schedule-systemctl-failed = Der Befehl { $command } ist fehlgeschlagen: { $detail }. Die Dateien sind geschrieben, der Zeitplan ist aber noch nicht eingeschaltet. Bitte wenden Sie sich an Ihre IT-Betreuung.
schedule-binary-unreadable = Das Programm { $path } kann nicht kopiert werden: { $detail }. Die automatische Erneuerung ist darum nicht eingerichtet.
schedule-installed-systemd = Die automatische Erneuerung ist eingerichtet und eingeschaltet ({ $files }).
schedule-installed-cron = Die automatische Erneuerung ist über den Zeitplan des Servers (cron) eingerichtet ({ $files }).
schedule-journal-service = Dienst für die automatische Zertifikatserneuerung
schedule-journal-failed = Dienst, der bei einer fehlgeschlagenen Erneuerung eine E-Mail schickt
schedule-journal-timer = Zeitplan für die automatische Zertifikatserneuerung
schedule-journal-activate = Zeitplan für die automatische Zertifikatserneuerung eingeschaltet (systemctl enable)
schedule-journal-cron = Eintrag im Zeitplan des Servers (cron) für die automatische Zertifikatserneuerung
schedule-journal-copy = Kopie des Programms für die automatische Erneuerung

schedule-plan-timer = Zweimal am Tag prüft der Server das Zertifikat und erneuert es, wenn es an der Zeit ist: einmal zwischen 8 und 11 Uhr, einmal zwischen 13 und 16 Uhr (jeder Server zu seiner eigenen, festen Minute). War der Server zu der Zeit aus, holt er die Prüfung beim nächsten Start nach.
schedule-plan-cron = Zweimal am Tag prüft der Server das Zertifikat und erneuert es, wenn es an der Zeit ist: einmal am Vormittag, einmal am Nachmittag (über cron, jeder Server zu seiner eigenen, festen Zeit).
schedule-plan-copy = Das Programm wird nach { $to } kopiert: Es läuft jetzt aus { $from }, und dieser Ort bleibt nicht sicher bestehen.
schedule-plan-binary = Die Erneuerung startet das Programm { $binary }.
schedule-finding-package-preferred = Das Programm ist als Paket installiert (/usr/bin/praxis-tls). Die Erneuerung verwendet das Paket, nicht die Kopie in { $running }.
schedule-finding-stale-copy = Die ältere Version in { $path } wird ersetzt.
schedule-finding-other-binary = Die bisherige Erneuerung startet { $binary }; sie wird ersetzt.
schedule-finding-gone-binary = Die bisherige Erneuerung startet { $binary }, das es nicht mehr gibt; sie wird ersetzt.

schedule-verdict-not-set = Die automatische Erneuerung ist nicht eingerichtet. Das Zertifikat läuft ab, wenn niemand es von Hand erneuert.
schedule-verdict-inactive = Die automatische Erneuerung ist vorbereitet, aber nicht eingeschaltet. Starten Sie „praxis-tls schedule“.
schedule-verdict-active = Die automatische Erneuerung ist eingeschaltet (Programm: { $binary }).
schedule-verdict-missing = Die automatische Erneuerung startet { $binary }, das es nicht mehr gibt: Sie arbeitet nicht mehr. Starten Sie „praxis-tls schedule“ oder installieren Sie das Paket neu.
schedule-verdict-unstable = Die automatische Erneuerung startet { $binary }. Dieser Ort bleibt nicht sicher bestehen. Starten Sie „praxis-tls schedule“, damit sie eine feste Kopie verwendet.
schedule-verdict-other-state = Die automatische Erneuerung ist für einen anderen Zustandsordner eingerichtet ({ $dir }).

cli-schedule-ask = Ersetzen? [j/N]
cli-schedule-not-replaced = Nichts geändert. Mit „praxis-tls schedule --yes“ wird ohne Frage ersetzt.
cli-schedule-repaired = Die automatische Erneuerung ist repariert: Sie verwendet jetzt eine feste Kopie des Programms.

cli-hook-unreadable = Der gespeicherte Befehl nach der Erneuerung ({ $path }) kann nicht gelesen werden: { $detail }
cli-hook-invalid = Der Befehl nach der Erneuerung muss auf einer Zeile stehen.
cli-hook-journal = Befehl, der nach jeder Erneuerung ausgeführt wird
cli-hook-failed = Das Zertifikat ist erneuert, aber der Befehl danach ({ $command }) ist fehlgeschlagen: { $detail }
cli-hook-stored = Nach jeder Erneuerung wird ab jetzt ausgeführt: { $command }
cli-hook-removed = Nach der Erneuerung wird kein Befehl mehr ausgeführt.
cli-hook-unchanged = Der Befehl nach der Erneuerung ist schon so gespeichert.
cli-hook-ran = Der Befehl nach der Erneuerung ist gelaufen: { $command }

cli-renew-dry-run-ok = Probelauf für { $domain } gelungen: Die Erneuerung würde klappen. Es wurde nichts installiert.
cli-renew-dry-run-failed = Probelauf für { $domain } fehlgeschlagen: Die Erneuerung würde so nicht klappen. Es wurde nichts installiert.
renew-due-forced = Das Zertifikat für { $domain } wird jetzt erneuert, weil es so verlangt wurde (--force).
cli-notify-already-mailed = Die Erneuerung hat ihren Fehler schon per E-Mail gemeldet; keine zweite E-Mail.

mail-run-failed-subject = Automatische Zertifikatserneuerung auf { $host } fehlgeschlagen
mail-run-failed-body = Guten Tag,

    Die automatische Prüfung und Erneuerung des Zertifikats auf dem Server { $host } ist fehlgeschlagen oder wurde abgebrochen.

    Bitte lassen Sie Ihre IT-Betreuung auf dem Server nachsehen: „praxis-tls status“ zeigt, wie lange das Zertifikat noch gilt, und „journalctl -u praxis-tls-renew“ zeigt, was geschehen ist.
