cli-see-log = The details are in the log: { $path }
cli-no-terminal = The program needs a terminal (for example an SSH session): { $reason }
cli-undo-nothing = There is nothing to undo.
cli-undo-list = These changes will be undone, newest first:
cli-undo-done = { $count } change(s) undone.
cli-state-unreadable = The saved state { $path } cannot be read: { $detail }
cli-env-staging = Dry run
cli-env-production = Let's Encrypt
cli-refused-once-per-day = There was already an attempt for { $domain } today. Without a person to ask, the program tries to get a real certificate at most once a day, so that Let's Encrypt's limits never kick in. Next attempt from { $until }.
cli-refused-failed-authz = Too many validations for { $domain } failed in the last hour; Let's Encrypt would refuse more. Next attempt from { $until }.
cli-refused-duplicates = Five certificates were already issued for { $domain } this week, Let's Encrypt allows no more. Next attempt from { $until }.
cli-refused-per-domain = 50 certificates were already issued for the domain of { $domain } this week, Let's Encrypt allows no more. Next attempt from { $until }.
cli-cert-failed = { $env }: The certificate could not be issued.
cli-cert-dry-run-done = The dry run for { $domain } already succeeded; going straight to the real certificate.
cli-cert-stage = { $env }: { $stage } …
cli-cert-order = { $env }: order { $url }
cli-cert-order-resumed = { $env }: resuming order { $url }
cli-cert-authz-reused = { $env }: { $domain } is already validated, no new check needed.
cli-cert-issued = { $env }: certificate saved in { $path }
cli-cert-bad-domain = "{ $domain }" is not a valid name for a certificate:
cli-firewall-none = No active firewall found: nothing needs to be opened.
cli-firewall-journal = Firewall: port { $port } opened for issuing the certificate ({ $backend })
cli-firewall-opened = The firewall now lets port { $port } through for at most { $minutes } minutes.
cli-firewall-closed = The firewall is closed again.
cli-firewall-close-failed = The firewall could not be closed; the opening expires by itself when its time is up.
cli-renew-install-pending = The new certificate is in { $path }. No Elexis-OOB installation is recorded (the wizard's start step), so installing it into the proxy is not automatic yet.
cli-renew-done = The certificate for { $domain } is renewed and valid until { $until }.
cli-report-failed = The report cannot be written to { $path }: { $detail }
cli-check-no-domain = Which name should be checked? Give it with --domain, or first take the wizard to the domain step.
cli-check-title = Checks for { $domain } (nothing is changed):

## Go-live without questions (renew, certificate --install)
cli-golive-failed = Going live is not possible: { $detail }
cli-golive-installed = The new certificate is installed for the proxy ({ $path }).
cli-golive-reload = The proxy picks up the new certificate by itself; no restart needed.
cli-golive-restarting = Restarting Elexis-OOB so the proxy uses the new settings …
cli-golive-checking = Final check: what patients see at https://{ $domain }, at every address of the name …
cli-golive-live = Done: { $domain } shows the new certificate at every address.
cli-golive-not-checkable = The new certificate for { $domain } is installed, but no address of the name can be reached from this server (neither before nor after the change). Please check https://{ $domain } from outside, for example on a phone without Wi-Fi.
cli-golive-undoing = The final check failed: the changes of this run are taken back, the previous certificate stays in use.
cli-golive-undo-failed = A change could not be taken back; "praxis-tls undo" shows what is left.
cli-golive-no-address = The address of { $domain } cannot be found for the final check. Give it with --final-address.
cli-golive-no-installation = No Elexis-OOB installation is recorded, so the certificate cannot be installed. Take the wizard through the start step first (it finds the installation).
cli-renew-golive-failed = The renewed certificate for { $domain } could not be put live; the previous one is still in use.
cli-renew-backoff-reason = The last attempt to renew the certificate for { $domain } failed; the program waits before trying again.
cli-renew-failed-code = The renewal ended with error code { $code }; the details are in the log.

## Mail settings (praxis-tls mail)
cli-mail-saved = The mail settings are saved in { $path } (without the password).
cli-mail-settings-unreadable = The mail settings { $path } cannot be read: { $detail }
cli-mail-settings-unwritable = The mail settings cannot be saved to { $path }: { $detail }
cli-mail-password-stdin = No password could be read from the standard input ({ $detail }).
cli-mail-no-password = A user name is set but no password is stored: give it with --password-stdin.
cli-mail-failed = No mail can be sent through { $host }: { $detail }
cli-mail-sent = A mail about this went out.
cli-mail-not-configured = No mail settings are stored, so no mail went out (set them up with "praxis-tls mail").
cli-mail-not-sent = The mail could not be sent:
cli-mail-test-sent = The test mail went out to { $to }.

## Automatic renewal (praxis-tls schedule)
cli-schedule-no-binary = The program's own path cannot be found: { $detail }
cli-schedule-wrote = Written: { $path }
cli-schedule-unchanged = Automatic renewal is already set up as it should be; nothing changed.
cli-schedule-none = No automatic renewal set up by praxis-tls was found.
cli-schedule-removed = Removed: { $path }
cli-schedule-changed = { $path } was changed by someone else since and is left alone.
cli-generate-failed = Cannot write into { $path }: { $detail }
cli-firewall-guard-kept = The firewall table stays and keeps port { $port } closed until the next renewal, because the router keeps forwarding port 80.
