## Keeping the certificate valid: expiry status, renewal, schedule, mails, support report

## Status ("praxis-tls status")

status-none = No certificate has been set up yet. Set one up with the wizard first.
status-ok = The certificate for { $domain } is fine: valid for { $days ->
        [one] { $days } more day
       *[other] { $days } more days
    } (until { $date }).
status-warning = The certificate for { $domain } expires soon: valid for { $days ->
        [one] { $days } more day
       *[other] { $days } more days
    } (until { $date }). It is normally renewed automatically; if this message stays for several days, contact your IT support.
status-critical = Urgent: the certificate for { $domain } is valid for only { $days ->
        [one] { $days } more day
       *[other] { $days } more days
    } (until { $date }). After that, your patients' browsers show a warning. Please contact your IT support today.
status-expired = The certificate for { $domain } expired on { $date }. Online booking now shows a security warning. Please contact your IT support right away.
status-file-missing = The certificate file for { $domain } is missing ({ $path }). Without it the appointment service cannot be reached securely. Please contact your IT support.
status-file-unreadable = The certificate file for { $domain } ({ $path }) cannot be read: { $detail }. Please contact your IT support.
status-file-different = The certificate file for { $domain } ({ $path }) is no longer the one this program set up. Someone replaced it. Check with your IT support which certificate should be used.
status-renewal-due = Renewal is due (since { $date }) and will be tried on the next daily run.
status-renewal-ari = Planned renewal: from { $date }, as the certificate authority recommends.
status-renewal-two-thirds = Planned renewal: from { $date }, when two thirds of the lifetime have passed.
status-renewal-before-expiry = Planned renewal: from { $date }, 60 days before expiry (a certificate of the practice issuer, practice CA).
## Renewal ("praxis-tls renew")

renew-nothing-installed = No certificate has been set up yet; there is nothing to renew.
renew-not-due = No renewal needed yet. Next check: { $date }.
renew-due-ari = Renewing the certificate for { $domain } now: the certificate authority recommends it.
renew-due-two-thirds = Renewing the certificate for { $domain } now: two thirds of its lifetime have passed.
renew-due-expired = The certificate for { $domain } has expired and is being renewed now.
renew-backoff = The certificate for { $domain } is not renewed again today: the last attempt was too recent. Next attempt no earlier than { $date }.
renew-remind-first = For { $domain } a reminder mail goes out first (planned for { $date }): the router's port forwarding must be switched on before the renewal.

## Mails

mail-renew-failed-subject = Certificate for { $domain } could not be renewed
mail-renew-failed-body = Hello,

    The certificate for { $domain } could not be renewed today. It is valid for { $days ->
        [one] { $days } more day
       *[other] { $days } more days
    }.

    Reason: { $reason }

    The program tries again by itself, no earlier than { $next }. If the problem persists, please forward this mail to your IT support.
mail-reminder-subject = Please switch on port forwarding for { $domain }
mail-reminder-body = Hello,

    From { $date } the certificate for { $domain } will be renewed. For that, the router must forward port 80 to the server.

    Please switch the forwarding on before then. After the renewal you can switch it off again.
mail-gateway-renewed-subject = New certificate for Express Gateway ({ $domain })
mail-gateway-renewed-body = Hello,

    The certificate for { $domain } was renewed and is valid until { $date }. The files are already in place.

    For Express Gateway to use the new certificate, its service has to be updated once. That is done on the containers' admin page (Portainer): "Stacks" > "API stack" > "express-gw" > "Update". Until then the gateway shows the previous certificate.
mail-test-subject = Test mail from praxis-tls
mail-test-body = Hello,

    This mail shows that the notification settings work. There is nothing else you need to do.
mail-footer = This mail was sent automatically by praxis-tls on your practice server.
mail-error-address = "{ $address }" is not a valid mail address. Please check the spelling.
mail-error-no-recipient = No recipient address is set. Enter at least one mail address.
mail-error-no-password = A user name is set for the mail server, but no password is stored. Enter the password in the wizard.
mail-error-plain-auth = The password would be sent unencrypted to the mail server { $host }. The program does not allow that. Choose an encrypted connection (STARTTLS or TLS).
mail-error-password-file = The file with the mail password ({ $path }) cannot be read or written. Please contact your IT support.
mail-error-build = The mail could not be put together. Please check the sender and recipient addresses.
mail-error-connect = The mail server { $host } (port { $port }) cannot be reached. Check the server name and port, and whether the server accepts connections from here.
mail-error-tls = The encrypted connection to the mail server { $host } failed. Check the encryption setting (STARTTLS or TLS) and the port.
mail-error-auth = The mail server { $host } refused the login. Check the user name and password.
mail-error-rejected = The mail server { $host } refused the mail: { $detail }. Check the sender and recipient addresses.

## Support report ("praxis-tls report")

report-written = The report for your IT support is in { $path }. It contains no keys or passwords (places removed: { $count }). You can pass the file on by mail.
report-error-io = The report could not be created: { $path }: { $detail }.
cli-renew-gateway = Express Gateway ({ $domain }):
status-firewall-guard = The firewall keeps port { $port } closed between renewals (table { $table }), because the router keeps forwarding port 80. "praxis-tls undo" removes this table.
status-undone = On { $date } the setup was taken back (with "praxis-tls undo"). The appointment service no longer uses this certificate. Start the wizard to set it up again.
