/// The table readers (`CSVReader`, `XLSXReader`…) are a target of their own, without the database;
/// whoever imports the ledger, which imports through them, sees them as before.
@_exported import Tables
