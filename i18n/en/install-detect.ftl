# Finding Elexis-OOB: why a directory does not fit, and what to watch for.

## Errors

start-error-not-found = The directory { $path } does not exist. Check the spelling; Elexis-OOB usually is in /opt/elexis-oob or in a home directory under elexis-oob.
start-error-not-a-directory = { $path } is a file, not a directory. Enter the directory that holds the file docker-compose.yml (or docker-compose.yaml).
start-error-permission-denied = There is no permission to read { $path }. Start this program with sudo so it can read the files of Elexis-OOB.
start-error-unreadable = { $path } cannot be read. Ctrl+D shows the technical details; please pass them on to your IT support.
start-error-no-compose-file = There is neither a docker-compose.yml nor a docker-compose.yaml in { $dir }, so this is not the Elexis-OOB directory. Enter the directory where you start Elexis-OOB with docker-compose.
start-error-compose-invalid-line = The file { $file } has an error in line { $line } (probably wrong indentation). Elexis-OOB does not start like this. Please have your IT support check the file.
start-error-compose-invalid = The file { $file } has an error. Elexis-OOB does not start like this. Please have your IT support check the file.
start-error-no-proxy = The proxy (Traefik, container elx_proxy) is missing from { $file }. Without it the appointment service cannot reach the internet. Is this really the file of Elexis-OOB?
start-error-unknown-proxy = The proxy in { $file } is { $image }, not Traefik. This is a very early Elexis-OOB version that this program does not know. Update Elexis-OOB first (git pull, then docker-compose up -d).
start-error-unrecognised = { $file } does not show which Elexis-OOB version this is (neither the older one with traefik.toml nor the current one). Please ask your IT support.

## Warnings

start-warning-legacy-unpinned = The proxy is listed as “{ $image }” without a version number. If Docker downloads it again, a new Traefik version arrives that no longer understands traefik.toml – and Elexis-OOB can no longer be reached. So do not run “docker-compose pull”.
start-warning-legacy-too-new = The settings are for Traefik 1 (traefik.toml), but { $image } is listed. That version does not understand the settings; the proxy probably does not run like this.
start-warning-toml-missing = The file traefik.toml is missing, although this Elexis-OOB version needs it. The proxy does not start properly like this.
start-warning-toml-not-a-file = traefik.toml is a directory instead of a file. This happens when the file was missing at the first start. The proxy has no settings like this.
start-warning-toml-leftover = An old traefik.toml is still here. The current version no longer reads it; changes in it have no effect.
start-warning-unpinned = The proxy is listed as “{ $image }” without a version number. Downloading it again may bring a different Traefik version.
start-warning-newer-traefik = { $image } is listed, newer than the version Elexis-OOB ships (Traefik 2). This usually works but is not tested.
start-warning-env-missing = The file .env is missing. So the internal name (LOCAL_NAME) and your domain (EXTERNAL_NAME) are not set.
start-warning-env-unreadable = The file .env cannot be read. The internal name and your domain are therefore unknown.
start-warning-local-name-missing = LOCAL_NAME, the server's name in the practice network, is missing from the file .env.
start-warning-external-name-missing = EXTERNAL_NAME is missing from the file .env. Your domain belongs there (for example my-practice.ch); the appointment service is then reached at termine.my-practice.ch.
start-warning-external-name-not-public = The file .env says EXTERNAL_NAME={ $value }. That is not a name on the internet; patients cannot reach the appointment service like this. Your domain belongs there, for example my-practice.ch.
start-warning-several-compose-files = There are several compose files here. { $used } is used; { $ignored } is ignored. Depending on the docker-compose version it may be the other way round – best keep only one.
start-warning-override-exists = There already is a file { $file } with changes of its own. docker-compose reads it as well; it can change the proxy.
