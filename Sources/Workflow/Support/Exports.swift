/// The words and errors every layer speaks (`Message`, `WorkflowError`, `Diagnostic`) live in the
/// small `Messages` target, below the engine, so the table readers can use them without the database;
/// whoever imports the engine sees them as before.
@_exported import Messages
