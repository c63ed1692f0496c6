## Further systems of the practice (src/core/orthanc.rs, express_gateway.rs,
## src/io/practice_ca.rs, express_gateway.rs)

## Orthanc: its configuration file cannot be read

orthanc-syntax-unclosed-comment = In Orthanc's configuration file { $path }, a comment starts with "/*" on line { $line } (character { $column }) and never ends with "*/". The program leaves the file unchanged. Ask your IT support to fix that spot.
orthanc-syntax-unclosed-string = In Orthanc's configuration file { $path }, a closing quotation mark is missing on line { $line } (character { $column }). The program leaves the file unchanged. Ask your IT support to fix that spot.
orthanc-syntax-bad-escape = In Orthanc's configuration file { $path }, a text on line { $line } (character { $column }) contains an invalid backslash "\". The program leaves the file unchanged. Ask your IT support to fix that spot.
orthanc-syntax-control-in-string = In Orthanc's configuration file { $path }, a text on line { $line } (character { $column }) contains an invisible control character. The program leaves the file unchanged. Ask your IT support to fix that spot.
orthanc-syntax-unexpected = Orthanc's configuration file { $path } has an error on line { $line } (character { $column }): probably a missing comma or bracket, or one character too many. The program leaves the file unchanged. Ask your IT support to fix that spot.
orthanc-syntax-missing-comma = Orthanc's configuration file { $path } lacks a comma on line { $line } at character { $column }, right after the value: every entry but the last ends with a comma. The program leaves the file unchanged. Ask your IT support to add the comma.
orthanc-syntax-unexpected-end = Orthanc's configuration file { $path } stops in the middle on line { $line } (for example, a closing bracket "{"}"}" is missing). The program leaves the file unchanged. Ask your IT support to check the file.
orthanc-syntax-not-object = The file { $path } is not an Orthanc configuration file: it must start with "{"{"}" (line { $line }, character { $column }). Check that you chose the right file.
orthanc-syntax-trailing = In Orthanc's configuration file { $path }, something follows the last closing bracket "{"}"}" (line { $line }, character { $column }). The program leaves the file unchanged. Ask your IT support to fix that spot.
orthanc-syntax-too-deep = Orthanc's configuration file { $path } is nested too deeply from line { $line } (character { $column }) to be edited safely. The program leaves the file unchanged. Ask your IT support to check it.

## Orthanc: what will be changed

orthanc-plan = Orthanc will be switched to HTTPS: it gets a certificate of the practice CA for { $host } (valid until { $date }), stored in { $certificate }, and its configuration file { $config } is changed as shown below. Orthanc must be restarted afterwards. In the browser, Orthanc's address then starts with "https://" instead of "http://".
orthanc-plan-mtls = Orthanc will be switched to HTTPS and will then only let in browsers that have a personal certificate of the practice. It gets a certificate of the practice CA for { $host } (valid until { $date }), stored in { $certificate }, and its configuration file { $config } is changed as shown below. Create a personal certificate for every person before restarting Orthanc, or nobody will get in.

## The practice's own certificate authority (practice CA)

practice-ca-generate-failed = The key or certificate could not be created ({ $detail }). Try again; if that does not help, contact your IT support.
practice-ca-damaged = The practice's certificate authority in { $path } is damaged and cannot be used. The program does not simply create a new one, because every computer of the practice would have to be set up again. Please contact your IT support.
practice-ca-key-missing = The secret key of the practice's certificate authority is missing ({ $path }). Without it, the program cannot issue certificates. Restore the file from a backup, or have your IT support set up a new certificate authority (every computer of the practice then needs the new CA certificate).
practice-ca-expired = The practice's certificate authority expired on { $date }. A new one must be set up, and every computer of the practice needs the new CA certificate. Please contact your IT support.
practice-ca-bad-host = "{ $name }" is not a valid host name. Use letters, digits and hyphens, separated by dots, for example pacs.praxis.lan.
practice-ca-outside-constraints = The practice's certificate authority may only issue certificates for { $allowed }, not for { $name }. Use a name or address from that range.
practice-ca-bad-practice-name = Please enter the practice's name (at most 48 characters). It appears in the certificate, for example "Praxis Dr. Muster".
practice-ca-bad-person = Please enter the name of the person the certificate is for (at most 64 characters).
practice-ca-passphrase-short = The password is too short. Choose one with at least { $min } characters. You need it when adding the certificate to the browser.
practice-ca-pkcs12-failed = The certificate file for the browser could not be created ({ $detail }). Please contact your IT support.
practice-ca-chown-failed = The file { $path } could not be handed to Orthanc's user account (number { $uid }). Orthanc then cannot read it. Check that Orthanc runs under that account.
practice-ca-client-exported = The personal certificate is in { $p12 } (valid until { $date }). Import it into this person's browser, entering the password. Also install the CA certificate { $ca } once on every computer of the practice as a trusted certificate authority. Never pass on the file and the password together (not in the same e-mail).

## Express Gateway (AIoTES)

gateway-plan = Express Gateway gets the certificate for { $host }: key, certificate and intermediate certificates are stored in { $dir }, and the configuration file { $config } is extended as shown below. Express Gateway must be restarted afterwards (in Portainer: "update" the service).
gateway-no-certificate = The data given contains no certificate (a block "-----BEGIN CERTIFICATE-----" is missing). Choose the certificate file you received from the certificate authority.
gateway-no-key = The data given contains no private key. Choose the key file that belongs to the certificate.
gateway-key-encrypted = The private key is protected by a password. Express Gateway cannot use it like that. Ask your IT support to save the key without a password, and give it to this server only.
gateway-pem-broken = The certificate or key file is incomplete: the block starting on line { $line } does not end. Probably something was cut off when copying. Copy the complete file again.
gateway-config-broken = Express Gateway's configuration file { $path } has an error on line { $line }. The program leaves it unchanged. Ask your IT support to fix that spot.
gateway-config-unsupported = In the configuration file { $path }, "{ $key }:" on line { $line } is written in a short one-line form that the program cannot change safely. Ask your IT support to spread the entry over several indented lines, or enter the certificate by hand.
gateway-config-verify-failed = The change to { $path } could not be checked reliably, so the program does not write it. Please contact your IT support.
gateway-key-mismatch = The private key does not belong to this certificate. Choose the key file the certificate was requested with.
gateway-certificate-unreadable = The certificate cannot be read ({ $detail }). Check that you chose the right file.
gateway-certificate-wrong-name = The certificate is not for { $host } but for: { $names }. Browsers would show a warning. Use a certificate issued for { $host }.
