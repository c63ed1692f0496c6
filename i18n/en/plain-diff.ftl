# One or two plain sentences above each change to a settings file (steps
# 9 and 12): what changes and why. D shows the exact lines.

plain-nothing-else = Nothing else changes.
plain-traefik-uncomment = In { $file } I switch on { $count ->
        [one] the prepared line
       *[other] the { $count } prepared lines
    } for the certificate and fill in the file names.
plain-traefik-append = In { $file } I add { $count } lines at the end that say where the certificate and key are.
plain-traefik-replace = In { $file } I replace the previous certificate with the new one.
plain-override-new = I create the extra file { $file }. In it the go-between (Traefik) may read the folder with the certificate, but not change it; the main file docker-compose.yml stays as it is.
plain-override-route = In it I also lead the appointment address, encrypted (HTTPS), to the appointment service.
plain-override-update = In the extra file { $file } I adjust the entries for the certificate.
plain-dynamic-new = I create the small file { $file }. It says which certificate the go-between (Traefik) shows for { $host }.
plain-dynamic-update = In { $file } I enter the new certificate for { $host }.
plain-orthanc = In { $file } I switch on encryption (HTTPS) for Orthanc and enter where the certificate is.
plain-orthanc-clients = After that Orthanc opens only on computers with a browser certificate.
plain-orthanc-ciphers = I also allow the kinds of encryption that today's browsers need.
plain-stunnel-new = I create the file { $file }. It says that stunnel takes encrypted requests and passes them on to Orthanc on this computer.
plain-stunnel-update = In { $file } I adjust how stunnel passes encrypted requests on to Orthanc.
plain-stunnel-clients = stunnel lets through only computers with a browser certificate.
plain-gateway-https = In { $file } I switch on encryption (HTTPS) on port { $port } and enter where the certificate and key are.
plain-gateway-add = In { $file } I enter where the certificate and key for this name are.
plain-gateway-replace = In { $file } I replace the entry that says where the certificate and key are.
plain-other = In { $file } { $added } lines are added and { $removed } removed.
plain-details-hint = D shows the exact lines (for your IT support).
