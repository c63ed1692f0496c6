## Go-live: which traefik runs, files, restart

golive-legacy-runs-newer = Your Elexis-OOB is the older release with Traefik 1 (settings in traefik.toml). But the server runs { $image } version { $version }, which no longer reads traefik.toml. So the wizard changes nothing.
golive-legacy-would-upgrade = The server still runs Traefik 1, but the image { $image } is now version { $version }. A restart would start that one, and it does not read traefik.toml. So the wizard does not restart.
golive-legacy-newer-fix = Have your IT support pin a Traefik 1 version for the proxy in docker-compose.yml (for example traefik:v1.7), or update Elexis-OOB to the current release. Then start the wizard again.
golive-current-runs-v1 = Your Elexis-OOB is the current release (Traefik 2), but the server runs { $image } version { $version } (Traefik 1). The wizard's settings would have no effect.
golive-current-runs-v1-fix = Please have your IT support check which proxy image docker-compose.yml names, and restart Elexis-OOB.
golive-stale = The file { $file } was changed after the wizard showed its changes. Nothing is written; please start the step again.
golive-cert-missing = The certificate is missing ({ $file }). Please run the "Install" step first.
golive-docker-failed = Docker did not answer "docker { $command }" as expected.
golive-dir-failed = The folder { $dir } cannot be created: { $error }

## Uploading through Elexis-OOB's admin page (port 3000)

upload-question = Send to the admin page all the same?
upload-warning = Caution: uploading through the admin page ({ $server }) is a stopgap.
    • The admin page asks for no password to upload: any computer on the practice network can replace the appointment service's key and certificate there.
    • The private key travels unencrypted (http) through the practice network and ends up in the folder webelexisdata, which the booking page on the internet can read too.
    Afterwards the admin page (port 3000) should be reachable from the server itself only. Ask your IT supporter to set that up; D shows the exact change.
upload-warning-details = For your IT supporter: in docker-compose.yml, change "3000:3000" to "127.0.0.1:3000:3000" for the service appserver and restart Elexis-OOB.
upload-details-show = D: show details (the exact change, for your IT supporter)
upload-file-unreadable = The file { $file } cannot be read: { $error }
upload-file-unreadable-fix = Go back to the certificate step and check there that the certificate is still there; issue it again if need be.
upload-refused = The admin page at { $url } refuses the connection. Is Elexis-OOB running, and is the server's address right?
upload-timeout = The admin page at { $url } did not answer within { $seconds } seconds. It is unclear whether anything arrived.
upload-timeout-fix = Check that the server is running and reachable on the practice network, then press Enter to send again: sending twice does no harm. Whether the certificate arrived only the final check after the restart can tell.
upload-server-error = The admin page at { $url } reports an error (status { $status }). The certificate is probably not installed.
upload-server-error-fix = Open the Elexis-OOB admin page in a browser and check that it works; then press Enter to send again. If it still fails, put the files in place by hand as described above, or let the wizard run on the server itself.
upload-status = The admin page at { $url } gave an unexpected answer (status { $status }).
upload-network = The connection to the admin page at { $url } broke off: { $error }
upload-no-http = No Elexis-OOB admin page answers at { $url }.
upload-check-server-fix = Check the server's address (for example 192.168.1.20 or nuno) and that Elexis-OOB runs there; then press Enter to send again.
upload-sent-unconfirmed = Certificate and key were sent to { $url }. Whether they arrived is not confirmed yet: the admin page always reports success.
upload-sent-unconfirmed-fix = Restart Elexis-OOB, then run the final check. Only when it sees the new certificate is it installed.
upload-confirmed = Confirmed: the server now shows the uploaded certificate.
upload-not-confirmed = The server does not show the uploaded certificate. The admin page probably did not save it, although it reported success.
upload-not-confirmed-fix = Newer Elexis-OOB releases do not save uploaded certificates. Let the wizard run on the server itself.
