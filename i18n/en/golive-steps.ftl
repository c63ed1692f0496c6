## Install, proxy, restart, final check (on the server)
check-files-installed = Certificate in place
check-proxy-config = Proxy settings
check-restarted = Restart
check-final-tls = Certificate
check-final-exposure = Only the appointment service reachable
golive-install-body = The program puts certificate and key into its own directory. Only root can read the key; it does not go into the webelexisdata volume, which the appointment service on the internet reads too.
golive-proxy-body = So that Traefik shows the certificate for { $domain }, the program changes these files. Each is backed up first and can be taken back with "praxis-tls undo". Only the appointment service goes on port 443.
golive-restart-body = Elexis-OOB in { $dir } is restarted (stopped, then started) so that the new settings apply. Everything that belongs to Elexis-OOB stops, the database too: for a minute or two nobody in the practice can work with Elexis, and the appointment service is unreachable. Best choose a quiet moment.
golive-restart-output = What Docker reports while it works:
golive-final-body = The program connects to https://{ $domain } as a patient would: it must see the new certificate, and nothing else may be reachable from outside.
golive-final-phone = Check it yourself too: on your mobile phone, with Wi-Fi switched off, open https://{ $domain } – the padlock must show, with no warning.
golive-final-confirm = Checked on the phone: padlock, no warning (space bar)
golive-confirm-title = Do it now?
golive-confirm-apply = The changes shown are written. Every file is backed up first; "praxis-tls undo" takes everything back.
golive-confirm-restart = Restart Elexis-OOB in { $dir } now? For a minute or two everything stops, the database too: nobody can work with Elexis, and the appointment service is unreachable.
golive-gate-apply = Enter writes the changes (backed up first).
golive-gate-restart = Enter restarts Elexis-OOB.
golive-step-no-certificate = There is no certificate yet. Go back to the certificate step.
golive-step-installed = Certificate and key are in { $dir }.
golive-step-proxy-unchanged = Traefik is already set up for this certificate.
golive-step-proxy-planned = { $count ->
        [one] 1 file will be
       *[other] { $count } files will be
    } changed (shown below).
golive-step-proxy-drift = Elexis-OOB's own settings changed since last time; the new version takes them over.
golive-step-proxy-applied = The settings are written.
golive-step-replan = The changes must be worked out again. Press F5.
golive-step-restarted-since = Elexis-OOB runs again by now, with the new settings.
restart-still-fix = Fix that, then F5 (or Ctrl+R) checks again, or Enter restarts Elexis-OOB.
golive-step-restarted = Elexis-OOB runs again.
golive-step-no-address = No address is known for { $host }. Check the DNS step.
golive-step-internal = An internal error occurred. The details are in the log.
check-final-port80 = Port 80 quiet
golive-port80-quiet = Nothing answers on port 80 while no certificate is being issued.
golive-port80-answers = Something answers on port 80 (status { $status } { $server }) although no certificate is being issued.
golive-port80-answers-fix = The port forward for port 80 must lead to port { $port } of this server, where something answers only while issuing – not to port 80 (Traefik) ({ router-menu-forward }).
golive-port80-unclear = A connection on port 80 came up, but no clear answer. Check the port forward for port 80.
check-uploaded = Sent to the admin app
golive-upload-title = Or: send to the admin page (only when this program does not run on the server)
golive-upload-label = Server:
golive-upload-hint = Tab: choose the field, Enter: send (with a warning). Then the steps "Proxy" and "Restart" as described.
golive-upload-key = Enter send
golive-upload-no-server = The program cannot find the server { $server }. Enter its address, for example 192.168.1.20 or nuno.
golive-checked-inside = Checked through this server's own address, because the router does not loop connections from inside back to its own public address.
golive-exposure-inside = Not testable from inside: the router does not loop connections to its own public address back.
golive-port80-inside = Port 80 cannot be tested from inside.
golive-from-outside-fix = Check from outside, for example on a phone with Wi-Fi switched off: https://{ $host } must show the padlock and no warning, http://{ $host } (without s) must show nothing. Whether nothing else of Elexis-OOB is open your IT support can check from a computer outside the practice.
