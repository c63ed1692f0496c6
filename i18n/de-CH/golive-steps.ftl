# Nur was sich in der Schweiz anders schreibt.
check-final-tls = Zertifikat von aussen
golive-final-body = Das Programm verbindet sich wie ein Patient mit https://{ $domain }: Es muss das neue Zertifikat sehen, und sonst darf nichts von aussen erreichbar sein.
golive-from-outside-fix = Prüfen Sie von aussen, zum Beispiel auf dem Handy ohne WLAN: https://{ $host } muss gehen, https://webelexis.… und http://{ $host } dürfen nichts zeigen.
