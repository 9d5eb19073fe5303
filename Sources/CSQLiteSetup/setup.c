// sqlite3_config is variadic, which Swift cannot call: this small C function does it.
#include <sqlite3.h>
#include "CSQLiteSetup.h"

int campaign_sqlite_configure(void) {
    int result = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    sqlite3_config(SQLITE_CONFIG_URI, 1);
    return result;
}
