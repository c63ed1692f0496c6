## Start step: what the restart on step 10 will need, looked at first

check-compose-ready = Elexis-OOB ready for the restart
compose-ready-ok = Elexis-OOB runs ({ $count ->
        [one] one service
       *[other] { $count } services
    }), and everything the later restart needs is there.
compose-ready-no-docker = Docker Compose is missing on this server (neither "docker compose" nor "docker-compose"). Without it the wizard cannot restart Elexis-OOB on step 10.
compose-ready-no-docker-fix = Have your IT support install Docker Compose, or start the wizard on the server where Elexis-OOB runs.
compose-ready-no-answer = Docker did not answer. Whether Elexis-OOB can be restarted is therefore open.
compose-ready-no-answer-fix = Check that the Docker service runs (your IT support knows how), then choose the folder again.
compose-ready-build-missing = Elexis-OOB cannot be restarted like this: the folder { $folder } is missing. Part of Elexis-OOB is built from it.
compose-ready-build-missing-fix = Restore the folder, for example from the backup, or have your IT support set up Elexis-OOB in { $dir } again. Only then can the restart on step 10 succeed.
compose-ready-config-fails = The settings of Elexis-OOB in { $dir } cannot be loaded. A restart would fail.
compose-ready-config-fails-fix = Show the message under "Details" (Ctrl+D) to your IT support. Only once it is fixed can the restart on step 10 succeed.
compose-ready-images-missing = This server lacks the { $count ->
        [one] program package (image)
       *[other] program packages (images)
    } { $images }. The restart would first have to download { $count ->
        [one] it
       *[other] them
    } from the internet.
compose-ready-images-missing-fix = Have your IT support load the missing program packages before you go on: they type the command docker compose pull in the folder { $dir } (on older servers docker-compose pull).
compose-ready-all-stopped = Elexis-OOB is not running right now (stopped: { $services }).
compose-ready-some-stopped = Part of Elexis-OOB is not running right now (stopped: { $services }).
compose-ready-stopped-fix = Start Elexis-OOB the way you usually do, or have your IT support start it: they type the command docker compose up -d in the folder { $dir }, which starts every part of Elexis-OOB. If it does not run before you go on, the restart on step 10 only shows there what is missing.
