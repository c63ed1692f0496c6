# Swiss German overlays German only where it differs (no sharp s); the answers messages need no overlay.
