// sqlite3_config is variadic, which Swift cannot call: this one-line C function does it.
#include <sqlite3.h>
#include "CSQLiteSetup.h"

int campaign_sqlite_skip_memory_statistics(void) {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}
