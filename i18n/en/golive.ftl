## Proxy: traefik.toml (older Elexis-OOB) and docker-compose.override.yml

proxy-toml-broken = The file traefik.toml has an error (line { $line }). The wizard will not change it like this. Please have your IT support look at that line.
    Message: { $message }
proxy-toml-no-https = traefik.toml has no https entry point (port 443). The wizard cannot add the certificate there.
proxy-toml-unsafe = The wizard could not add the certificate to traefik.toml without changing other settings. The file stays as it is.
proxy-compose-broken = The file docker-compose.yml has an error (line { $line }). The wizard changes nothing.
    Message: { $message }
proxy-compose-missing = There is no docker-compose.yml in { $dir }. Is this really the Elexis-OOB folder?
proxy-compose-no-proxy = docker-compose.yml has no proxy (traefik, elx_proxy). Without it the appointment service cannot be reached over https.
proxy-compose-no-termine = docker-compose.yml has no entry for the appointment service (termine.…). The wizard does not know where to send the requests.
proxy-compose-no-command = The go-between (proxy) in docker-compose.yml has no list of start options (command). The wizard cannot extend it like this.
proxy-override-foreign = The file { $file } already exists and was not written by the wizard. So that nothing is lost, it stays unchanged. Please talk to your IT support.
proxy-override-drift = Elexis-OOB's docker-compose.yml has changed since the set-up (for example by an update). Please let the wizard set up the go-between (proxy) again.
    New: { $added }
    Gone: { $removed }
proxy-file-unreadable = The file { $file } cannot be read: { $error }
proxy-file-broken = The file { $file } has an error in line { $line }, so this program cannot read it. It changes nothing in it.
proxy-file-broken-fix = Have your IT support correct line { $line } (D shows the exact message). In this file the spaces at the start of a line and the quotes count too. Then F5 checks again.

## Restarting Elexis-OOB

restart-docker-missing = Docker was not found on this server (neither "docker compose" nor "docker-compose").
restart-permission-denied = The wizard is not allowed to control Docker. Please start it with administrator rights (sudo).
restart-daemon-down = Docker is not running on this server. Please restart Docker (or the server) and try again.
restart-container-config = docker-compose crashed during the restart (the known "ContainerConfig" fault of the old version 1). Your data is not affected. Please try again.
restart-traceback = docker-compose stopped with an error: { $line }
restart-timeout = "{ $command }" had not finished after { $seconds } seconds and was stopped. Please check whether Docker is stuck, then try again.
restart-failed = "{ $command }" did not work (exit code { $code }). The command's output shows why.
restart-spawn-failed = "{ $command }" could not be started: { $error }
restart-failed-fix = As long as the restart has not worked, the appointment page may be unreachable. Press Enter to try the restart again. If it fails again, show the messages below to your IT support. With the command "praxis-tls undo" they can take back all changes this wizard made.
restart-port-taken = Elexis-OOB could not start: port { $port } on this server is already taken by another program. Until that is solved, the appointment page cannot be reached.
restart-port-taken-by = Elexis-OOB could not start: port { $port } on this server is already taken, by the program { $program } (process { $pid }). Until that is fixed, the appointment page cannot be reached.
restart-port-taken-by-fix = Stop the program { $program }, or have your IT support do it; often it is a second web server. Then Enter starts the restart again.
restart-port-taken-fix = Stop the other program, often a second web server such as Apache or nginx, or have your IT support do it. Then Enter starts the restart again.
restart-docker-missing-fix = Let the wizard run on the server where Elexis-OOB runs, or have your IT support set up Docker Compose.

## The final check from outside

verify-connect-failed = No connection to { $address }. Is port 443 forwarded on the router, and is Elexis-OOB running?
verify-handshake-failed = The encrypted connection to { $address } could not be set up.
verify-roots-failed = The list of trusted certificate authorities could not be loaded: { $error }
verify-bad-name = "{ $host }" is not a valid server name.
verify-chain-bad = For { $host } the server shows a certificate that browsers do not trust. Patients would see a warning.
    Reason: { $why ->
        [unknown-issuer] It comes from an issuer browsers do not know: for example from the test environment, or it is self-signed.
        [wrong-name] It is not valid for { $host }.
        [expired] It has expired.
        [not-yet] It is valid only from a later day. Often the server's clock is wrong.
        [revoked] It has been declared invalid.
       *[other] The browser refuses it. The technical message is under "Details".
    }
verify-other-certificate = For { $host } the server still shows a certificate other than the new one. Has Elexis-OOB been restarted?
verify-expired = The certificate for { $host } has expired.
verify-list-status = The appointment service does not answer properly (status { $status }).
verify-list-no-answer = The appointment service does not answer.
verify-expires-soon = The appointment service can be reached at https://{ $host }, but its certificate expires in { $days } days.
verify-passed = Done: the appointment service can be reached safely at https://{ $host }. The certificate is valid for { $days } more days.

## What can be reached from outside

exposure-host-reached = Internal pages can also be reached from outside through port { $port }: { $hosts }.
exposure-host-reached-fix = The internal pages must be visible on the practice network only. Go back to the step "Set up the proxy (Traefik)": there the wizard puts every internal page on the entrance for the practice network (traefik's port 80, which the router does not forward). Pages set up by hand must be put on that entrance (entrypoints) by your IT supporter in the same way.
exposure-ports-open = Internal services of Elexis-OOB can be reached directly from outside ({ $count ->
        [one] port { $ports }
       *[other] ports { $rest } and { $last }
    }).
exposure-ports-open-fix = On the router, switch off "Exposed Host" and automatic forwards (UPnP) for the server, and remove forwards for these ports.
exposure-none = Only the appointment service can be reached from outside.
proxy-toml-unsupported = traefik.toml lists the certificates in a form (for example a list on one line) that this program cannot change safely. Ask your IT support to write them as a [[entryPoints.https.tls.certificates]] block; then go on here.
