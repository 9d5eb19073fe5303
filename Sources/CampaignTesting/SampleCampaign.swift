/// Definitions tests and benchmarks share, so each does not carry its own copy.
public enum SampleCampaign {
    /// A campaign that imports a people ledger, then opens check-in at the given gates.
    public static func ledgerThenGate(name: String, ledger: String = "people.csv", gates: [String] = []) -> String {
        let gateParameters = gates.isEmpty ? "" : "\n    with: { gates: [\(gates.joined(separator: ", "))] }"
        return """
            name: \(name)
            steps:
              - id: ledger
                uses: registration.import-people
                with: { file: \(ledger) }
              - id: gate
                needs: ledger
                uses: checkin.gate\(gateParameters)

            """
    }
}
