import ArgumentParser
import Hummingbird
import Ledger
import Workflow

/// Everything a plugin brings: its steps and tables (the engine's `Plugin`), its commands, the lists
/// `campaign import` reads, its HTTP routes and its part of the tally. The command line, the server
/// and the reports find them here and nowhere else, so adding a plugin means its own folder, its
/// test target, one line in BuiltinPlugins and its target in Package.swift.
public struct CampaignPlugin: Sendable {
    /// The steps, migrations and dependencies the engine runs.
    public var engine: Plugin
    /// The heading its commands stand under in `campaign --help`, written "English (中文)", e.g.
    /// "check-in (签到)": the reader sees the one of their language (`heading`).
    public var title: String

    /// The title in the help's language: "签到" in Chinese, "check-in" in English.
    public var heading: String {
        guard let open = title.range(of: " ("), title.hasSuffix(")") else { return title }
        // As `CommandHelp` chooses: help is printed before `--lang` is read.
        return Language.fromEnvironment() == .zh ? String(title[open.upperBound..<title.index(before: title.endIndex)])
            : String(title[..<open.lowerBound])
    }
    /// Its commands, one type each (`campaign checkin`, `campaign badges`, …).
    public var commands: [any ParsableCommand.Type]
    /// The lists `campaign import KIND` reads into what this plugin owns.
    public var importKinds: [ImportKind]
    /// Its HTTP routes, mounted under `/api` by `campaign serve` behind staff sign-in.
    public var routes: (@Sendable (ServerEnvironment) -> RouteCollection<CampaignRequestContext>)?
    /// Its panel of the staff page and the description of its routes (`/openapi.json`).
    public var web: WebSurface?
    /// What it adds to tallies: measures, their labels and how to count them — usually one section; a
    /// plugin whose figures are not one funnel brings one per funnel (training: enrolled → certified,
    /// and employment after training beside it), since a section's levels each imply the ones before.
    public var tallySections: [any TallySection]
    /// Whether (and how) someone registered at the desk is checked in too (check-in keeps attendance).
    public var deskAttendance: (any DeskAttendance)?
    /// What it takes out when a campaign's people are shredded (`campaign shred`).
    public var shredder: (any PersonalDataShredder)?
    /// Its part of the message catalogue: every sentence it tells a person, in Chinese and English
    /// (a test checks each has both, and that none is left out of a plugin's list). Read off the
    /// catalogues by reflection only when asked (re-rendering a stored message, the catalogue's
    /// tests): made at start, the lists were a quarter of a command's start-up — 7 ms of every
    /// `campaign tally` (measured with `perf record`).
    public var messages: [MessageText] { listMessages() }
    private let listMessages: @Sendable () -> [MessageText]
    /// Work it gives a daemon (`run-daemon`, `serve`) each round, made from the daemon's settings — nil
    /// when the flags it needs were not given (the province's publishing: `--publish-to`).
    public var daemonChores: [@Sendable (DaemonSettings) throws -> DaemonChore?]

    public var name: String { engine.name }

    /// Every word it shows a person: its messages and its tally section's names.
    public var catalogue: [MessageText] { messages + tallySections.flatMap(\.words) + (web?.panels.flatMap(\.words) ?? []) }

    public init(_ engine: Plugin, title: String? = nil, commands: [any ParsableCommand.Type] = [],
                importKinds: [ImportKind] = [],
                routes: (@Sendable (ServerEnvironment) -> RouteCollection<CampaignRequestContext>)? = nil,
                web: WebSurface? = nil, tallySection: (any TallySection)? = nil, tallySections: [any TallySection] = [],
                deskAttendance: (any DeskAttendance)? = nil,
                shredder: (any PersonalDataShredder)? = nil,
                messages: @autoclosure @escaping @Sendable () -> [MessageText] = [],
                daemonChores: [@Sendable (DaemonSettings) throws -> DaemonChore?] = []) {
        self.engine = engine
        self.title = title ?? engine.name
        self.commands = commands
        self.importKinds = importKinds
        self.routes = routes
        self.web = web
        self.tallySections = (tallySection.map { [$0] } ?? []) + tallySections
        self.deskAttendance = deskAttendance
        self.shredder = shredder
        self.listMessages = messages
        self.daemonChores = daemonChores
    }
}

extension [CampaignPlugin] {
    /// What these plugins add to tallies, in their order.
    public var tallySections: [any TallySection] { flatMap(\.tallySections) }
}

extension [CampaignPlugin] {
    /// Their commands, under a heading per plugin, as `campaign --help` lists them.
    public var commandGroups: [CommandGroup] {
        filter { !$0.commands.isEmpty }.map { CommandGroup(name: $0.heading, subcommands: $0.commands) }
    }
}
