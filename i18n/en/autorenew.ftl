# Step 13: automatic renewal.

autorenew-name = Renewal
autorenew-title = Renew automatically
autorenew-body = A Let's Encrypt certificate is valid for a few weeks only. So that no warning ever appears, the server checks it twice a day (between 8 and 11 a.m. and between 1 and 4 p.m.) and renews it in time.
autorenew-help =
    What is set up here: a schedule on this server (with systemd a "timer", otherwise an entry for cron) starts "praxis-tls renew" twice a day. The program then checks whether the certificate expires soon and gets a new one in time.
    For that it needs the program in a fixed place. If the wizard is running from another folder, it copies itself to /usr/local/sbin.
    If something goes wrong during renewal, the server sends an e-mail to the address you enter here. Your IT support knows the mail server (SMTP) details: server name, sender, user name and password. Ctrl+T sends a test e-mail right away.
    To take it back: "praxis-tls undo" removes the schedule again.
    Arrow up/down chooses, Tab moves to the next field, Enter sets it up (after asking once more).
autorenew-choice-set-up = Renew automatically (recommended)
autorenew-choice-skip = Do not set up
autorenew-skip-warning = Without automatic renewal the certificate expires in a few weeks, and the booking page then shows a warning. Someone must run "praxis-tls renew" by hand before that.
autorenew-mail-intro = E-mail when something fails (optional):
autorenew-mail-host = Mail server (SMTP):
autorenew-mail-from = Sender:
autorenew-mail-to = Recipients:
autorenew-mail-user = User name:
autorenew-mail-password = Password:
autorenew-mail-password-stored = (stored)
autorenew-no-mail = Without e-mail only "praxis-tls status" or your monitoring notices when a renewal fails.
autorenew-with-mail = If a renewal fails, an e-mail goes to the recipients. Ctrl+T sends a test e-mail now.
autorenew-gate = Enter sets up automatic renewal (after asking once more).
autorenew-confirm-title = Set up automatic renewal?
autorenew-confirm-no-mail = Without e-mail: only "praxis-tls status" or your monitoring notices a failure.
autorenew-confirm-mail = If something fails, an e-mail goes to { $to }.
autorenew-confirm-undo = "praxis-tls undo" takes it back.
autorenew-done = Set up: twice a day the server starts { $binary }, and "praxis-tls status" shows whether it runs.
autorenew-failed-fix = Nothing is left half set up. Try again with Enter; if that does not help, pass the message on to your IT support.
autorenew-test-sent = Test e-mail sent to { $to }. Please check that it arrived (also in the spam folder).
autorenew-test-failed-fix = Check the details with your IT support and send another test e-mail with Ctrl+T. The other settings are kept.
autorenew-mail-host-missing = Please enter the mail server (for example mail.praxis-muster.ch), or leave all e-mail fields empty.
autorenew-mail-host-invalid = { $host } is not a valid mail server. Write its name, for example mail.praxis-muster.ch, or with a port: mail.praxis-muster.ch:465.
autorenew-mail-address-invalid = { $address } is not a valid e-mail address. Please check the spelling.
autorenew-mail-to-missing = Please enter at least one recipient.
check-schedule = Automatic renewal
check-test-mail = Test e-mail
key-test-mail = Ctrl+T test mail
done-renew-missing = Automatic renewal is not set up. The certificate expires in a few weeks unless someone renews it. Run the wizard again, or have your IT support run "praxis-tls schedule".
autorenew-gate-skip = Enter goes on without automatic renewal.
autorenew-installing = Setting up automatic renewal …
