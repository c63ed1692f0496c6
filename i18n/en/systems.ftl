# Step 12: other systems (optional): Orthanc and Express Gateway.

systems-name = Others
systems-title = Other systems (optional)
systems-body = The appointment service is running. Two more systems of the practice can be secured with HTTPS here, each under its own name. If you have neither: just Enter.
systems-choice-none = Nothing more, on to the end
systems-choice-orthanc = Orthanc on the practice network (own practice CA)
systems-choice-gateway = Express Gateway (Let's Encrypt)
systems-orthanc-host = Name on the practice network:
systems-orthanc-config = Configuration file:
systems-orthanc-ips = Further IP addresses (optional):
systems-orthanc-clients = Browser certificates for (optional):
systems-orthanc-passphrase = Browser certificates' password:
systems-orthanc-how = For example pacs.praxis.lan and /etc/orthanc/orthanc.json. Separate people's names with commas; then a password is needed (at least 8 characters), which is not saved.
systems-gateway-host = Gateway name:
systems-gateway-config = gateway.config.yml:
systems-gateway-disk-root = Certificate folder here:
systems-gateway-root = Same folder in the container:
systems-gateway-email = E-mail for Let's Encrypt:
systems-gateway-how = For example api.praxis-muster.ch. The folder is the shared volume of the AIoTES guide (/etc/letsencrypt, in the gateway /var/lib/certs).
systems-gate-plan = Enter shows the change; nothing is written before you say yes.
check-orthanc = Orthanc
check-gateway = Express Gateway
systems-choose = Please choose a system first.
systems-host-invalid = { $host } is not a valid host name. Letters, digits and hyphens are allowed, separated by dots, for example pacs.praxis.lan.
systems-host-is-termine = { $host } is the appointment service's name. Every further system needs a name of its own, for example pacs.praxis.lan or api.praxis-muster.ch.
systems-path-invalid = { $path } is not a full path. Give it from the root folder on, for example /etc/orthanc/orthanc.json.
systems-ip-invalid = { $ip } is not an IP address. Write it like 192.168.1.20, several separated by commas, or leave the field empty.
systems-passphrase-short = The browser certificates need a password of at least { $min } characters. It is not saved: write it down and hand it over separately from the files.
systems-gateway-not-public = { $host } is not a public name. Let's Encrypt checks from the internet and can confirm only names under your own domain, for example api.praxis-muster.ch.
systems-gateway-dns-missing = The name { $host } has no IPv4 address in DNS.
systems-gateway-dns-other = The name { $host } points to { $found } in DNS, not to the practice's address.
systems-gateway-dns-fix = At your DNS provider, create an A record for this name pointing to { $ip } (the same address as the appointment name) and try again with Enter after a few minutes.
systems-config-unreadable = The file { $path } cannot be read.
systems-config-unreadable-fix = Check the path. The program must run as root (sudo) to read other services' settings.
systems-internal = An internal error occurred. Nothing was written. Please send your IT supporter the bundle from praxis-tls report.
systems-orthanc-plan = Orthanc gets a practice CA certificate for { $host } in { $certificate }; what changes in the configuration file is said below.
systems-orthanc-plan-mtls = Orthanc gets a practice CA certificate for { $host } in { $certificate } and then requires browser certificates ({ $count ->
        [one] one will be
       *[other] { $count } will be
    } made); what changes in the configuration file is said below.
systems-gateway-plan = Express Gateway gets a Let's Encrypt certificate for { $host } in { $dir }; what changes in the configuration file is said below.
systems-confirm-title = Write it now?
systems-confirm-orthanc = The program makes the practice CA (if there is none yet), writes key and certificate and changes the configuration file as described. The old file is backed up; praxis-tls undo restores it.
systems-confirm-gateway = The program gets a certificate for the gateway from Let's Encrypt (port 80 is open briefly for it), stores the files and changes the configuration file as described. The old file is backed up; praxis-tls undo restores it. With yes you accept Let's Encrypt's terms of service ({ $terms }).
systems-done = Set up: { $host }
systems-orthanc-done = Key and certificate: { $certificate } (valid until { $date }); HTTPS switched on in { $config }.
systems-orthanc-ca = Install the CA certificate { $ca } once on every practice computer as a trusted certificate authority.
systems-orthanc-restart = Restart Orthanc. Its address then begins with https://.
systems-gateway-done = Files in { $dir } (valid until { $date }); certificate entered in { $config }.
systems-gateway-restart = Now update Express Gateway's service (in Portainer: Stacks, API stack, express-gw, Update). From now on praxis-tls renew renews this certificate with the appointment service's and mails when the gateway needs its next update.
systems-gate-apply = Enter writes the change shown (after asking once more); Esc discards it.
systems-gateway-email-invalid = { $email } is not a valid e-mail address. Let's Encrypt needs one, for example praxis@praxis-muster.ch.
systems-body-unchecked = Two more systems of the practice can be secured with HTTPS here, each under its own name. If you have neither: just Enter.
systems-choice-orthanc-terminator = Orthanc with stunnel in front (own practice CA)
systems-orthanc-restart-field = Restart Orthanc with:
systems-orthanc-port = HTTPS port for the practice computers:
systems-orthanc-proxy-restart = Restart stunnel with:
systems-orthanc-terminator-how = stunnel takes HTTPS on the port and passes it on to Orthanc on this machine. This helps where Orthanc itself crashes with HTTPS (Debian 12, Ubuntu 24.04). Separate names with commas; the password (at least 8 characters) is not saved.
systems-orthanc-restart-invalid = “{ $command }” is not a command the program can run. For example: systemctl restart orthanc
systems-orthanc-port-invalid = { $port } is not a port. Enter a number from 1 to 65535, for example 8443.
systems-orthanc-plan-terminator = stunnel takes HTTPS for { $host } on port { $port }, with a practice CA certificate in { $certificate }. Orthanc stays as it is; its configuration file does not change.
systems-orthanc-plan-terminator-mtls = stunnel takes HTTPS for { $host } on port { $port }, with a practice CA certificate in { $certificate }, and lets only computers with a browser certificate through ({ $count ->
        [one] one will be
       *[other] { $count } will be
    } made). Orthanc itself does not change.
systems-orthanc-ciphers = The setting SslCiphersAccepted ({ $ciphers }) would lock out browsers with the practice CA's key. The program replaces it with a list that suits both kinds of key.
systems-orthanc-remote-off = Note: Orthanc does not allow access from other computers today (RemoteAccessAllowed is off). The practice computers then get “401 Unauthorized”. The program does not change that; your IT support sets up users in Orthanc for it.
systems-orthanc-remote-no-users = Note: Orthanc lets other computers in without a login. HTTPS protects the connection, but not the access.
systems-orthanc-remote-open = The practice computers log in with their Orthanc user as before.
systems-orthanc-affected = This Orthanc crashes with its own HTTPS (a known fault of civetweb with OpenSSL 3). Better choose “Orthanc with stunnel in front”. If you try anyway, the program checks afterwards and takes the change back on a crash.
systems-orthanc-terminator-remote = Orthanc stays closed to other computers (RemoteAccessAllowed off): only stunnel on this machine reaches it. So nobody gets around HTTPS.
systems-orthanc-done-terminator = Key and certificate: { $certificate } (valid until { $date }); stunnel takes HTTPS on port { $port }, Orthanc ({ $config }) stays unchanged.
systems-orthanc-checked = Checked: Orthanc answers over HTTPS on port { $port } and is still running a few seconds later. Its address now begins with https://.
orthanc-live-crash = Orthanc crashed on the first HTTPS request. This is a known fault of this Orthanc version: its component civetweb does not fit OpenSSL 3 (civetweb issue 1334, affects Debian 12 and Ubuntu 24.04).
orthanc-live-died = Orthanc answered at first, but no longer a few seconds later. Technical: { $detail }
orthanc-live-not-listening = Orthanc did not answer on its port after the restart. Technical: { $detail }
orthanc-live-untrusted = Orthanc shows a certificate that is not from the practice CA. Technical: { $detail }
orthanc-live-client-not-required = Orthanc let in a computer without a browser certificate. The protection would be useless.
orthanc-live-client-refused = Orthanc refused the browser certificate. Technical: { $detail }
orthanc-live-status = Orthanc answered with error code { $status } instead of 200.
orthanc-live-other = The check of Orthanc failed. Technical: { $detail }
orthanc-live-rolled-back = The program took the change back and restarted Orthanc. Orthanc runs over HTTP again as before (port { $port }).
orthanc-live-rollback-failed = The program could not take the change back completely. Call your IT support; praxis-tls undo takes back the rest.
orthanc-live-offer-terminator = Choose “Orthanc with stunnel in front” (arrow down) and press Enter. Then stunnel takes HTTPS and Orthanc stays as it is. The practice computers then use the new HTTPS port.
orthanc-live-terminator-fix = Check that stunnel4 is installed (apt install stunnel4) and the port is free, then try again with Enter.
