import ArgumentParser
import Foundation
import GRDB
import Ledger
import PluginKit
import Workflow

struct BusesCommand: AsyncParsableCommand, ChoosesLanguage {
    static let configuration = CommandConfiguration(
        commandName: "buses",
        abstract: CommandHelp.text(
            zh: "每辆车的乘客在四个检查点的情况：谁没到、未到场、被落下、异常。",
            en: "Each bus's passengers at the four checkpoints: who is missing, no-shows, left behind, anomalies."),
        discussion: CommandHelp.text(zh: """
            工作人员用 `campaign checkin CODE --campaign C --checkpoint board --gate 车牌` 为乘客扫码
            （闸口就是车牌，所以上错车会被发现）。上车结束后，从未扫码上车的乘客算未上车；到达（alight）结束后，
            上了车却没有下车扫码的算下车未到。跳过的检查点会被标出，但不会被拒绝。--plate 按座位列出一辆车。
            """, en: """
            Staff scan passengers with `campaign checkin CODE --campaign C --checkpoint board --gate PLATE` (the
            gate is the bus's plate, so boarding the wrong bus is caught). Once boarding closes, a passenger
            never scanned on is a no-show; once arrival (alight) closes, one who boarded but never got off is
            left behind. A checkpoint skipped is flagged, never refused. --plate lists one bus seat by seat.
            """))

    @Option(help: ArgumentHelp(CommandHelp.text(zh: "包车活动。", en: "The bus campaign."))) var campaign: String
    @Option(help: ArgumentHelp(CommandHelp.text(zh: "一辆车，按座位逐一列出（车牌）。", en: "One bus, seat by seat (its plate)."))) var plate: String?
    @OptionGroup var languageOptions: LanguageOptions
    @OptionGroup var workspace: WorkspaceOptions

    func validate() throws {
        if let plate, LicensePlate(plate) == nil { throw ValidationError(UsageMessages.notAPlate(["text": plate]), language: language) }
    }

    func run() async throws {
        try await CommandSupport.reportingErrors(language: language) {
            let ws = try workspace.openExisting()
            let t = Terminal.standard
            let status = try await ws.pool.read { [campaign, plate] db in
                try Registrations.requireCampaign(db, campaign)
                return try BusStatus.read(db, campaign: campaign, plate: plate)
            }
            let english = lang == "en"
            let checkpoints = BusCheckpoint.allCases
            if let plate {
                guard !status.buses.isEmpty else {
                    throw WorkflowError.invalidInput(TransportCommandMessages.nobodyOnBus(["plate": plate, "campaign": campaign]),
                                                     hint: TransportCommandMessages.rosterListsBuses(["campaign": campaign]))
                }
                for bus in status.buses { show(bus, english: english, t: t) }
                return
            }
            var table = TextTable(headers: TransportCommandMessages.busesHeaders.columns(language)
                                    + checkpoints.map { english ? $0.rawValue : $0.label.zh } + TransportCommandMessages.busesTail.columns(language),
                                  numeric: [false, false, false, false, true] + checkpoints.map { _ in true } + [true, true, true])
            for bus in status.buses {
                table.rows.append([TransportCommandMessages.batchLabel.text(language, ["batch": "\(bus.bus.batch)"]),
                                   TransportCommandMessages.busLabel.text(language, ["number": "\(bus.bus.number)"]),
                                   bus.bus.vehicle.plate, bus.bus.departsOn,
                                   String(bus.riders.count)] + checkpoints.map { String(bus.count($0)) }
                                  + [String(bus.noShows), String(bus.leftBehind), String(bus.anomalies)])
            }
            if !table.rows.isEmpty { t.line(table.render()) }
            let open = checkpoints.filter { status.closed[$0] == false }.map(\.rawValue)
            t.line(TransportCommandMessages.busesSummary(["count": "\(status.buses.count)"],
                                  words: ["open": open.isEmpty ? TransportCommandMessages.noCheckpointOpen() : TransportCommandMessages.checkpointsOpen(["list": open.joined(separator: ", ")])])
                    .text(language))
        }
    }

    /// One bus seat by seat: each checkpoint passed, and what is wrong.
    private func show(_ bus: BusStatus.Bus, english: Bool, t: Terminal) {
        let checkpoints = BusCheckpoint.allCases
        var table = TextTable(headers: TransportCommandMessages.seatHeaders.columns(language)
                                + checkpoints.map { english ? $0.rawValue : $0.label.zh } + [TransportCommandMessages.noteHeader.template(language)],
                              numeric: [true, false, false, false] + checkpoints.map { _ in false } + [false])
        for rider in bus.riders {
            let note = (rider.noShow ? [TransportCommandMessages.noShow.template(language)] : [])
                + (rider.leftBehind ? [TransportCommandMessages.leftBehind.template(language)] : [])
                + rider.anomalies.map { $0.words.text(language) }
            table.rows.append([String(rider.passenger.seat), Masking.name(rider.passenger.name),
                               Masking.idNumber(rider.passenger.idNumber), rider.passenger.pickup]
                              + checkpoints.map { bus.passedHere(rider, $0) ? "✓" : "·" } + [note.joined(separator: "; ")])
        }
        // Aboard though seated on another bus: listed where they are, so the count is who is on it.
        for guest in bus.guests {
            table.rows.append(["—", Masking.name(guest.rider.passenger.name), Masking.idNumber(guest.rider.passenger.idNumber),
                               guest.rider.passenger.pickup]
                              + checkpoints.map { guest.rider.door[$0] == bus.index ? "✓" : "·" }
                              + [TransportCommandMessages.seatedElsewhere(["bus": guest.seatedOn]).text(language)])
        }
        t.line(bus.bus.title + " · " + bus.bus.departsOn + " → " + bus.bus.destination)
        t.line(table.render())
        let missing = bus.riders.filter { !bus.passedHere($0, .board) }.map { String($0.passenger.seat) }
        let boarded = TransportCommandMessages.boarded(["count": "\(bus.count(.board))", "riders": "\(bus.riders.count)"])
        t.line((missing.isEmpty ? boarded : boarded + TransportCommandMessages.notOnBoard(["seats": missing.joined(separator: ", ")])).text(language))
    }
}
