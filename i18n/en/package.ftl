# What the Debian package prints when it is purged (postrm). It runs
# without a person to ask, so it says what stays and why.
package-purge-note =
    praxis-tls has been removed. Left in place on purpose, in { $dir }:
    the certificates and keys (traefik may still read them there), the log and the settings.
    The proxy's configuration (traefik) stays as it is. Only
      praxis-tls undo
    takes it back, and it has to run BEFORE the package is removed: install the package again, run praxis-tls undo, then remove the package.
    To delete the certificates and keys as well, remove them yourself: rm -r { $dir }
