# Nur was sich in der Schweiz anders schreibt (ss, «…»); alles andere kommt aus de/glossary.ftl.

gloss-router-text = Das Gerät, das die Praxis mit dem Internet verbindet, zum Beispiel eine FRITZ!Box oder Internet-Box. Es lässt von aussen nur herein, was freigegeben ist.
gloss-port-forward-text = Eine Regel im Router: Was von aussen an diese Tür klopft, geht an diesen einen Server. Alles andere bleibt draussen.
gloss-hairpin-text = Die Fähigkeit des Routers, eine Anfrage aus der Praxis an die eigene öffentliche Adresse zurück in die Praxis zu leiten. Viele Router können das nicht; dann prüfen Sie von aussen, etwa mit dem Handy ohne WLAN.
gloss-firewall-text = Der Schutz des Servers selbst gegen Zugriffe von aussen. Das Programm öffnet darin nur kurz einen einzigen Port und schliesst ihn wieder.
gloss-proxy-text = Ein Programm, das alle Anfragen aus dem Internet annimmt, das Zertifikat zeigt und sie an den richtigen Dienst weitergibt. In Elexis-OOB heisst es Traefik.
gloss-journal-text = Das Programm schreibt jede Änderung auf, bevor es sie macht. Der Befehl «praxis-tls undo» nimmt sie damit wieder zurück.
gloss-cgnat-text = Manche Anbieter geben einem Anschluss keine eigene öffentliche IPv4-Adresse, sondern teilen eine mit vielen Kunden. Dann kommt von aussen nichts herein; der Anbieter kann das oft umstellen («echte IPv4», «Dual Stack»).
gloss-nat-pat-text = So heissen die Portfreigaben in den Menüs mancher Router, zum Beispiel NAT/PAT bei der Internet-Box von Swisscom. Gemeint sind immer dieselben Regeln: Was von aussen an eine Tür klopft, geht an diesen Server.
