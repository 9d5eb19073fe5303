import GRDB

/// General-purpose steps every campaign may use: a journal line, a wait for time or a person,
/// a short pause, and a deliberate failure (to rehearse retries and alerts).
public enum CorePlugin {
    public static let plugin = Plugin(
        name: "core",
        summary: "General steps: journal messages, waits for a time or a person, pauses, deliberate failures.",
        actions: [CoreLog(), CoreWait(), CoreSleep(), CoreFail()],
        migrations: [
            Migration("core-v1") { db in
                try db.execute(sql: """
                    CREATE TABLE core_log (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        run_id INTEGER NOT NULL REFERENCES workflow_run(id) ON DELETE CASCADE,
                        step_id TEXT NOT NULL,
                        level TEXT NOT NULL,
                        message TEXT NOT NULL,
                        at DATETIME NOT NULL
                    );
                    CREATE INDEX core_log_run ON core_log(run_id);
                    """)
            },
        ]
    )
}
