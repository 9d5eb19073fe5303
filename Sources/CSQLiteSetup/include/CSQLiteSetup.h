#ifndef CSQLITESETUP_H
#define CSQLITESETUP_H

/// Process-wide SQLite settings; must run before SQLite's first use in the process (later, SQLite
/// refuses them with SQLITE_MISUSE and works as before). Returns SQLite's result code of the first.
///
/// - Turns off SQLite's memory statistics. They take a process-wide mutex on every allocation
///   SQLite makes, and nothing here reads them; a million-row import spent about 6 % of its
///   writing thread on that mutex.
/// - Accepts `file:` URIs, so that a workspace on a read-only disk can be opened with
///   `immutable=1` (no lock or shared-memory file to create beside it).
int campaign_sqlite_configure(void);

#endif
