#ifndef CSQLITESETUP_H
#define CSQLITESETUP_H

/// Turns off SQLite's memory statistics. They take a process-wide mutex on every allocation
/// SQLite makes, and nothing here reads them; a million-row import spent about 6 % of its
/// writing thread on that mutex. Must run before SQLite's first use in the process; later, SQLite
/// refuses the change (SQLITE_MISUSE) and works as before. Returns SQLite's result code.
int campaign_sqlite_skip_memory_statistics(void);

#endif
