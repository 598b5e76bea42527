#pragma once

// SIGTERM, SIGINT and SIGHUP end the event loop instead of the process, so that the app's
// destructors run: the demo cluster it started is stopped and its temporary folder removed
// (a bare SIGTERM used to leave both behind).
void quitOnTerminationSignals();
