## The command line's help (praxis-tls --help) and its errors. Ids:
## cli-arg-<option> for an option every command shares, cli-<command>-<option>
## for one of a command, cli-<command>-about for the command, cli-value-<name>
## for the placeholder of a value.

cli-about = Publishes the Elexis-OOB appointment service with a trusted certificate. Without a command: the wizard.
cli-usage = Usage:
cli-heading-options = Options
cli-heading-commands = Commands
cli-heading-global = Options for every command
cli-heading-arguments = Arguments
cli-usage-options = [OPTIONS]
cli-usage-command = [COMMAND]
cli-arg-help = Show this help
cli-arg-version = Show the version
cli-arg-state-dir = Where the wizard keeps its state, journal, keys and log (default: /var/lib/praxis-tls, or PRAXIS_TLS_STATE_DIR)
cli-arg-lang = Language: de, de-CH or en (default: from LANG)
cli-arg-dns-server = Nameserver for the DNS checks (default: the system's)
cli-arg-dns-timeout = Seconds to wait for each DNS answer (default: 5)
cli-arg-responder-port = Port of the challenge responder on this server (default: { $port })
cli-arg-probe-port = The router's external port for the challenge (default: 80; a lab may differ)
cli-arg-public-ip-dns = A DNS server that answers myip.opendns.com with the asking address (instead of the public services; for labs and tests)
cli-arg-public-ip-url = An HTTP service that answers with the asking address as text
cli-arg-acme-directory = A certificate authority (ACME directory) to use instead of Let's Encrypt, for both the dry run and production, e.g. a test CA
cli-arg-acme-root = The root certificate (PEM) that signs that directory's HTTPS
cli-arg-answers = An answers file: the wizard starts with what it answers filled in and stops, for the person, where it says nothing
cli-arg-verbose = More detail in the log file (and the system journal under systemd): -v for debug, -vv for trace; PRAXIS_TLS_LOG=debug does the same
cli-arg-no-firewall = Do not open the firewall for the responder port
cli-arg-final-port = The HTTPS port the final check connects to (default: 443)
cli-arg-final-ca = CA certificates (PEM) the final check trusts instead of the system's

cli-undo-about = Reverts every change the wizard made, newest first
cli-undo-yes = Do not ask for confirmation
cli-undo-force = Also revert files someone else changed since (their version is kept)

cli-certificate-about = Gets a certificate from Let's Encrypt without questions (a staging dry run first, then production)
cli-certificate-domain = The name the certificate is for, e.g. termine.praxis-muster.ch
cli-certificate-email = Contact address for the ACME account (needed for a new account)
cli-certificate-staging = Only the staging dry run (no trusted certificate, no rate limit)
cli-certificate-accept-terms = Accept the certificate authority's terms of service
cli-certificate-cert-dir = Where the certificate and key files go (default: certs in the state directory)
cli-certificate-install = Also install the certificate into the proxy, restart it when needed and check it from outside (as renew does)

cli-renew-about = Renews the installed certificate when it is due (safe to run daily)
cli-renew-dry-run = Run the whole renewal against Let's Encrypt's staging service and install nothing (the certificate is not trusted; no rate limit)
cli-renew-force = Renew now even when not due (within the once-a-day guard and the CA's rate limits)
cli-renew-deploy-hook = A command to run after each successful renewal, e.g. to reload a service; kept for the scheduled runs. It gets RENEWED_LINEAGE (the folder of the files) and RENEWED_DOMAINS, as with certbot. An empty value removes it.

cli-status-about = Shows how long the certificate is still valid (for monitoring)
cli-status-format = Output: text, json or nagios (default: text)
cli-status-warning = WARNING at this many days left or fewer
cli-status-critical = CRITICAL at this many days left or fewer
cli-status-live = Also look from the patients' side now: resolve the name, connect to every address (A and AAAA) and compare what each one serves

cli-check-about = Runs the live checks that change nothing (DNS, public address, firewall)
cli-check-domain = The name to check (default: the one the wizard was given)
cli-check-json = JSON instead of text

cli-report-about = Writes a support bundle without keys or passwords
cli-report-out = Where the bundle goes (default: the state directory)

cli-replay-about = Replays an answers file without a terminal, up to the first step it does not answer or that fails
cli-replay-file = The answers file (TOML), e.g. the answers.toml of an earlier run
cli-replay-yes = Do not ask before starting

cli-mail-about = Stores where the failure and reminder mails go (and sends a test)
cli-mail-host = The mail server (SMTP), e.g. mail.example.ch
cli-mail-port = Its port (default: 587 for starttls, 465 for tls, 25 for plain)
cli-mail-security = How the connection is protected: starttls, tls or plain (default: starttls)
cli-mail-user = Log in with this user name (the password comes from standard input)
cli-mail-from = The sender address
cli-mail-to = A recipient; give it several times for several
cli-mail-password-stdin = Read the password from the first line of standard input
cli-mail-test = Send a test mail with the stored settings

cli-schedule-about = Sets up the renewal run twice a day (systemd timer or cron)
cli-schedule-remove = Remove the renewal run again
cli-schedule-yes = Replace what an older version or a moved program left, without asking

cli-notify-failure-about = Mails that the scheduled renewal failed (the timer's OnFailure unit and the cron entry call it)

cli-value-dir = DIR
cli-value-file = FILE
cli-value-lang = LANG
cli-value-host-port = HOST:PORT
cli-value-seconds = SECONDS
cli-value-port = PORT
cli-value-url = URL
cli-value-pem = PEM
cli-value-name = NAME
cli-value-addr = ADDRESS
cli-value-cmd = COMMAND
cli-value-days = DAYS
cli-value-format = FORMAT
cli-value-host = HOST
cli-value-user = USER
cli-value-security = KIND

cli-error-unknown-argument = praxis-tls does not know { $arg }.
cli-error-unknown-command = praxis-tls has no command { $command }.
cli-error-invalid-value = “{ $value }” is not a valid value for { $arg }.
cli-error-value-missing = { $arg } needs a value.
cli-error-missing = Missing: { $args }.
cli-error-missing-command = A command is missing.
cli-error-conflict = { $arg } cannot be used together with { $other }.
cli-error-other = praxis-tls cannot read this command line.
cli-error-see-help = To see what is possible: { $help }

## The man page's section headings, written in capitals as man pages have them.

cli-man-name = NAME
cli-man-synopsis = SYNOPSIS
cli-man-description = DESCRIPTION
cli-man-version = VERSION
cli-man-manual = praxis-tls manual
