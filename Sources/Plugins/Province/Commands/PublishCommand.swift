import ArgumentParser
import Foundation
import PluginKit
import Tally
import Workflow

/// `campaign publish`: the county's campaigns to the province's PostgreSQL.
struct PublishCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish",
        abstract: CommandHelp.text(
            zh: "把工作区各活动的统计数字发布到省级数据库（PostgreSQL），供省、市汇总。",
            en: "Publish the workspace's campaign figures to the province's database (PostgreSQL), where they add up."),
        discussion: CommandHelp.text(zh: """
            只发布数字：各活动按乡镇、村、人员类别的漏斗，以及岗位、企业、车辆、补贴等活动数字；姓名、身份证号、电话不出县。
            每次发布只送出变化了的活动，版本号递增；丢失、重复或乱序的发布都会收敛到最新状态。未送达的留在工作区，下次补发。
            第一次发布写明 --county（6 位行政区划代码）和 --county-name，之后工作区记住它们。
            """, en: """
            Only figures leave the county: each campaign's funnel by township, village and target group, and its
            campaign figures (positions, enterprises, buses, subsidy…); names, ID numbers and phones never do.
            Each publish sends only what changed, under a growing version; a lost, repeated or reordered publish
            still converges. What was not delivered stays in the workspace and goes with the next publish.
            Give --county (the 6-digit division code) and --county-name the first time; the workspace remembers them.
            """))

    @Option(name: .customLong("to"), help: ArgumentHelp(CommandHelp.text(
        zh: "省级数据库地址，如 postgresql://用户@主机/province（默认：$CAMPAIGN_PROVINCE_DB）。",
        en: "The province's database, e.g. postgresql://user@host/province (default: $CAMPAIGN_PROVINCE_DB).")))
    var address: String?
    @Option(help: ArgumentHelp(CommandHelp.text(zh: "本县 6 位行政区划代码，如 522633。", en: "The county's 6-digit division code, e.g. 522633.")))
    var county: String?
    @Option(name: .customLong("county-name"), help: ArgumentHelp(CommandHelp.text(zh: "本县名称，如 从江县。", en: "The county's name, e.g. 从江县.")))
    var countyName: String?
    @Option(help: ArgumentHelp(CommandHelp.text(zh: "只发布这个活动（默认：全部）。", en: "Publish this campaign only (default: all).")))
    var campaign: String?
    @Option(name: .customLong("person-key"), help: ArgumentHelp(CommandHelp.text(
        zh: "省里发的密钥文件：附上每人的化名（身份证号的 HMAC-SHA256）和进度，省里才能跨县按人数去重。",
        en: "The province's key file: each person goes too under a pseudonym (HMAC-SHA256 of the ID number) with how far they got, so the province can count people once across counties.")))
    var personKey: String?
    @Option(name: .customLong("lang"), help: ArgumentHelp(CommandHelp.text(zh: "zh 或 en（默认：$CAMPAIGN_LANG，否则 zh）。", en: "zh or en (default: $CAMPAIGN_LANG, else zh).")))
    var langOption: Language?
    @OptionGroup var workspace: WorkspaceOptions

    var language: Language { langOption ?? Language.fromEnvironment() }

    func run() async throws {
        try await CommandSupport.reportingErrors(language: language) {
            let address = try ProvinceAddress(try ProvinceCommand.address(address, flag: "--to"))
            let ws = try workspace.openExisting()
            let now = try CommandSupport.clock().now()
            let key = try personKey.map { path in
                guard let key = PersonPseudonyms.key(fromFile: path) else {
                    throw WorkflowError.usage(ProvinceMessages.badPersonKey(["path": path]), hint: ProvinceMessages.personKeyHint())
                }
                return key
            }
            let publisher = Publisher(pool: ws.pool, sections: PluginSystem.plugins.tallySections, personKey: key)
            _ = try await publisher.county(code: county, name: countyName)
            let lang = language
            let (county, countyName, campaign) = (county, countyName, campaign)
            let outcome = try await ProvinceStore.using(address) { store in
                try await publisher.publish(to: store, code: county, name: countyName, campaign: campaign, now: now) { name in
                    Terminal.error(ProvinceMessages.computing(["campaign": name]).text(lang))
                }
            }
            let t = Terminal.standard
            t.line(outcome.said.text(lang))
            for entry in outcome.delivered {
                t.line(ProvinceMessages.publishedCampaign(["campaign": entry.campaign, "version": String(entry.version),
                                                           "cells": String(entry.cells),
                                                           "asOf": TimeFormats.display(entry.asOf, timeZone: WorkflowDefinition.defaultTimeZone)]).text(lang))
            }
        }
    }
}
