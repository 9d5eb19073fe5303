import CampaignTesting
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import GRDB
import Testing
import WorkflowTesting

/// A real browser (Debian's headless Chromium) loads the check-in page from `campaign serve`,
/// signs in with a staff sign-in link, submits a code, and the answer is read from the page.
/// The screenshot is kept under .build/test-output/ for a person to look at.
@Suite struct BrowserTests {
    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    /// The page as Chromium leaves it. `profile`: a browser profile kept between calls (its storage:
    /// the token, a queue of scans not sent); `proxy`: a port every request goes through; `home`: the
    /// user's home, whose NSS store holds the certificate authorities the browser trusts.
    func browse(_ url: String, screenshot: String? = nil, windowSize: String = "412,915", profile: String? = nil,
                proxy: Int? = nil, home: String? = nil) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.chromium!)
        if let home {
            var environment = ProcessInfo.processInfo.environment
            environment["HOME"] = home
            process.environment = environment
        }
        var arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--virtual-time-budget=8000",
                         "--window-size=\(windowSize)",
                         "--user-data-dir=\(profile ?? "\(NSTemporaryDirectory())/chromium-\(UUID().uuidString)")"]
        if let proxy { arguments += ["--proxy-server=http://127.0.0.1:\(proxy)", "--proxy-bypass-list=<-loopback>"] }
        arguments += screenshot.map { ["--screenshot=\($0)"] } ?? ["--dump-dom"]
        process.arguments = arguments + [url]
        // Headless Chromium now and then never exits after its work when the machine is loaded by the
        // suites running beside it; a browser that has not finished in a minute is killed and the page
        // loaded once more (a second hang is an error, not a retry without end).
        if let dom = try Self.finish(process, within: 60) { return dom }
        let again = Process()
        again.executableURL = process.executableURL
        again.environment = process.environment
        again.arguments = arguments.map { $0.hasPrefix("--user-data-dir=") && profile == nil
            ? "--user-data-dir=\(NSTemporaryDirectory())/chromium-\(UUID().uuidString)" : $0 } + [url]
        guard let dom = try Self.finish(again, within: 60) else {
            throw CocoaError(.executableLoad, userInfo: [NSLocalizedDescriptionKey: "chromium did not finish \(url) twice in 60 s"])
        }
        return dom
    }

    /// Runs the browser; what it printed, or nil when it was still running after `seconds` (then killed).
    static func finish(_ process: Process, within seconds: Int) throws -> String? {
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        try process.run()
        try? output.fileHandleForWriting.close()
        let reading = DispatchGroup()
        nonisolated(unsafe) var data = Data()
        DispatchQueue.global().async(group: reading) { data = output.fileHandleForReading.readDataToEndOfFile() }
        guard exited.wait(timeout: .now() + .seconds(seconds)) == .success else {
            kill(process.processIdentifier, SIGKILL)
            _ = exited.wait(timeout: .now() + .seconds(5))
            return nil
        }
        _ = reading.wait(timeout: .now() + .seconds(5))
        try? output.fileHandleForReading.close()
        return String(decoding: data, as: UTF8.self)
    }

    @Test(.enabled(if: chromium != nil, "needs Debian's chromium (scripts/test installs it)"), .timeLimit(.minutes(5)))
    func pageSignsInChecksInAndShowsTheAnswer() throws {
        let dir = try TemporaryDirectory()
        let cli = CLIRunner(directory: dir)
        let env = ["CAMPAIGN_NOW": "2026-03-01T09:00:00+08:00"]
        #expect(try cli.run("start", "workflows/spring-fair.yaml", env: env).status == 0)
        let token = ServerTests.token(try cli.run("staff", "add", "Li").stdout)
        let server = try ServerTests.Server(cli, campaign: "spring-fair-2026", env: env)
        let link = "\(server.base.absoluteString)/#token=\(token)&gate=north&scan=341222197009160001"

        let dom = try browse(link + "&lang=en")
        #expect(dom.contains(#"<div id="answer" role="status" aria-live="assertive" class="accepted">"#))
        #expect(dom.contains("Checked in — 万** 341222********0001 [高校毕业生]"))
        #expect(dom.contains(#"<b id="attended">1</b>"#))
        #expect(!dom.contains("341222197009160001"))  // the scanned number is not left on the page

        let output = CLIRunner.packageRoot.appendingPathComponent(".build/test-output")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        let png = output.appendingPathComponent("checkin-page-repeat.png").path
        _ = try browse(link + "&lang=zh", screenshot: png)
        #expect(FileManager.default.fileExists(atPath: png))
        let chinese = try browse(link + "&lang=zh")
        // The page in Chinese words the answer from the catalogue's Chinese.
        #expect(chinese.contains(#"class="repeat""#))
        #expect(chinese.contains("已于 09:00 在北门由Li签到过"), "\(chinese)")
        #expect(chinese.contains(#"<option value="north">北门</option>"#), "the gate by the name people read")
        let again = try browse(link + "&lang=en")
        #expect(again.contains(#"class="repeat""#))
        #expect(again.contains("already checked in at 09:00 at the 北门 gate by Li"))
    }
}

/// A network blip at the gate: the check-in the network dropped is not refused but kept — grey
/// "not sent", masked, counted on screen — and sent with its nonce when the network returns, counted
/// once; answers are numbered. A phone's viewport, in Chinese; screenshots under .build/test-output/.
@Suite struct FlakyNetworkBrowserTests {
    @Test(.enabled(if: BrowserTests.chromium != nil, "needs Debian's chromium (scripts/test installs it)"),
          .timeLimit(.minutes(3)))
    func aScanTheNetworkDroppedIsQueuedAndSentOnceWhenItReturns() throws {
        let dir = try TemporaryDirectory()
        let cli = CLIRunner(directory: dir)
        let env = ["CAMPAIGN_NOW": "2026-03-01T09:00:00+08:00"]
        #expect(try cli.run("start", "workflows/spring-fair.yaml", env: env).status == 0)
        let token = ServerTests.token(try cli.run("staff", "add", "Li").stdout)
        let server = try ServerTests.Server(cli, campaign: "spring-fair-2026", env: env)
        let network = try FlakyNetwork(toServerAt: server.base.port!)
        let profile = dir.url.appendingPathComponent("phone").path
        let page = "\(server.base.absoluteString)/#token=\(token)&gate=north&lang=zh"
        let id = "341222197009160001"
        let browser = BrowserTests()
        let output = CLIRunner.packageRoot.appendingPathComponent(".build/test-output")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)

        network.isCut = true
        let cut = try browser.browse(page + "&scan=\(id)", profile: profile, proxy: network.port)
        #expect(cut.contains(#"class="queued""#), "\(cut)")
        #expect(cut.contains("#1 未发送<small>网络中断，尚未发送——恢复后自动重发 · 341***********0001</small>"), "\(cut)")
        #expect(cut.contains(#"<div id="queued">待发送 1 条</div>"#), "\(cut)")
        #expect(!cut.contains(id), "the typed ID number stays masked on screen")
        #expect(network.droppedCheckIns >= 1)
        #expect(try cli.run("checkins", "--campaign", "spring-fair-2026").stdout.contains("共 0 人签到"))
        _ = try browser.browse(page, screenshot: output.appendingPathComponent("checkin-page-queued.png").path,
                               profile: profile, proxy: network.port)

        network.isCut = false
        let back = try browser.browse(page, profile: profile, proxy: network.port)
        #expect(back.contains(#"class="accepted""#), "\(back)")
        #expect(back.contains("（补发） 签到成功 — 万** 341222********0001"), "\(back)")
        #expect(back.contains(#"<div id="queued"></div>"#), "the queue is empty: \(back)")
        let ledger = try cli.run("checkins", "--campaign", "spring-fair-2026").stdout
        #expect(ledger.contains("gate 共 1 人签到（扫码 1 次）"), "sent once, counted once: \(ledger)")

        let again = try browser.browse(page + "&scan=\(id)", profile: profile, proxy: network.port)
        #expect(again.contains(#"class="repeat""#) && again.contains("#1 已签到过"), "\(again)")
        _ = try browser.browse(page, screenshot: output.appendingPathComponent("checkin-page-sent.png").path,
                               profile: profile, proxy: network.port)
    }
}

/// A photo of a badge checks its person in: the badges page rendered by Chromium (a phone's photo of
/// it, in effect) is sent as the request's body, the server reads the QR code with zbar, and the answer
/// is the check-in's — green, then amber for the same photo; a photo without a code is refused in words.
@Suite struct PhotoCheckInTests {
    @Test(.enabled(if: BrowserTests.chromium != nil && BadgeTests.zbarimg, "needs chromium and zbar-tools (scripts/test installs them)"),
          .timeLimit(.minutes(5)))
    func aPhotoOfABadgeIsReadOnTheServerAndChecksItsPersonIn() throws {
        let (dir, cli, env, html, made) = try BadgeTests.fairWithBadges("张伟,11010519491231002X,南关村")
        #expect(made.status == 0)
        let photo = dir.url.appendingPathComponent("photo.png").path
        _ = try BrowserTests().browse("file://\(html)", screenshot: photo, windowSize: "1200,900")
        let blank = dir.url.appendingPathComponent("blank.png").path
        _ = try BrowserTests().browse("about:blank", screenshot: blank)

        let token = ServerTests.token(try cli.run("staff", "add", "Li").stdout)
        let server = try ServerTests.Server(cli, campaign: "fair", env: env)
        func send(_ file: String, nonce: String, to route: String = "api/checkin/photo") throws -> (json: [String: Any], status: Int) {
            var request = URLRequest(url: URL(string: "\(server.base.absoluteString)/\(route)?nonce=\(nonce)")!)
            request.httpMethod = "POST"
            request.setValue("image/png", forHTTPHeaderField: "Content-Type")
            request.setValue("zh-CN", forHTTPHeaderField: "Accept-Language")
            request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
            request.httpBody = try Data(contentsOf: URL(fileURLWithPath: file))
            let (data, status) = try ServerTests.Server.send(request)
            return ((try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:], status)
        }
        // A frame of the live camera (an iPhone has no BarcodeDetector): the code is read, nothing checked in.
        let frame = try send(photo, nonce: "frame-1", to: "api/scan/frame")
        #expect(frame.status == 200)
        let code = try #require(frame.json["code"] as? String, "\(frame.json)")
        #expect(code.count == 8, "\(code)")
        #expect(try send(blank, nonce: "frame-2", to: "api/scan/frame").json["code"] is NSNull)
        #expect(try cli.run("checkins", "--campaign", "fair").stdout.contains("共 0 人签到"))

        let first = try send(photo, nonce: "photo-1")
        #expect(first.status == 200, "\(first.json)")
        #expect(first.json["result"] as? String == "accepted", "\(first.json)")
        #expect(first.json["name"] as? String == "张*")
        let again = try send(photo, nonce: "photo-2")
        #expect(again.json["result"] as? String == "repeat", "\(again.json)")
        let nothing = try send(blank, nonce: "photo-3")
        #expect(nothing.status == 400)
        #expect((nothing.json["error"] as? [String: Any])?["message"] as? String
                == "照片里没有找到胸卡的二维码；把胸卡放平、靠近一些、对准光线再拍一张", "\(nothing.json)")
        #expect(try cli.run("checkins", "--campaign", "fair").stdout.contains("共 1 人签到"))
    }
}

/// The photo through the page itself, as on a phone: headless Chromium driven through its DevTools
/// protocol (`Fixtures/upload_photo.py`, standard library only) opens the sign-in link, and the 拍照扫码
/// file input gets a photo of the badge sheet; the server reads the code, the page answers green, then
/// amber for the same photo. Screenshot: .build/test-output/checkin-page-photo.png.
@Suite struct PhotoThroughThePageTests {
    @Test(.enabled(if: BrowserTests.chromium != nil && BadgeTests.zbarimg
                   && FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftoppm"),
                   "needs chromium, zbar-tools and poppler-utils (scripts/test installs them)"),
          .timeLimit(.minutes(3)))
    func aPhotoTakenOnThePageChecksThePersonIn() throws {
        let (dir, cli, env, html, made) = try BadgeTests.fairWithBadges("张伟,11010519491231002X,南关村")
        #expect(made.status == 0)
        let photo = dir.url.appendingPathComponent("photo.png").path
        _ = try BrowserTests().browse("file://\(html)", screenshot: photo, windowSize: "1200,900")
        let token = ServerTests.token(try cli.run("staff", "add", "Li").stdout)
        let server = try ServerTests.Server(cli, campaign: "fair", env: env)
        let link = "\(server.base.absoluteString)/#token=\(token)&lang=zh"
        let output = CLIRunner.packageRoot.appendingPathComponent(".build/test-output")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        func upload(_ name: String) throws -> [String: Any] {
            let script = CLIRunner.packageRoot.appendingPathComponent("Tests/CampaignTests/Fixtures/upload_photo.py").path
            let run = try TLSServeTests.run("/usr/bin/env", "python3", script, BrowserTests.chromium!, link, photo,
                                            output.appendingPathComponent("\(name).png").path,
                                            dir.url.appendingPathComponent("profile-\(name)").path)
            #expect(run.status == 0, "\(run.output)")
            let line = run.output.split(separator: "\n").last.map(String.init) ?? ""
            return (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]) ?? ["output": run.output]
        }
        let first = try upload("checkin-page-photo")
        #expect(first["signed_in"] as? Bool == true, "\(first)")
        let answer = first["answer"] as? String ?? ""
        #expect(answer.contains(#"class="accepted""#) && answer.contains("签到成功 — 张* 110105********002X"), "\(first)")
        let again = try upload("checkin-page-photo-again")
        #expect((again["answer"] as? String ?? "").contains(#"class="repeat""#), "\(again)")
        #expect(try cli.run("checkins", "--campaign", "fair").stdout.contains("共 1 人签到（扫码 2 次）"))

        // The live camera filming the badge sheet (a secure context: 127.0.0.1). Chromium on Linux has no
        // BarcodeDetector, so the page sends frames to the server, as on an iPhone; the answer is amber now.
        let pdf = dir.url.appendingPathComponent("badges.pdf").path
        _ = try TLSServeTests.run(BrowserTests.chromium!, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                                  "--user-data-dir=\(dir.url.path)/print", "--print-to-pdf=\(pdf)", "file://\(html)")
        let stem = dir.url.appendingPathComponent("film").path
        // Chromium's fake camera plays a Y4M video: the script makes a one-frame one of this picture.
        #expect(try TLSServeTests.run("/usr/bin/pdftoppm", "-r", "80", "-singlefile", pdf, stem).status == 0)
        let script = CLIRunner.packageRoot.appendingPathComponent("Tests/CampaignTests/Fixtures/upload_photo.py").path
        let filmed = try TLSServeTests.run("/usr/bin/env", "python3", script, "--camera", BrowserTests.chromium!, link,
                                           stem + ".ppm", output.appendingPathComponent("checkin-page-camera.png").path,
                                           dir.url.appendingPathComponent("profile-camera").path)
        let camera = (try? JSONSerialization.jsonObject(with: Data((filmed.output.split(separator: "\n").last ?? "").utf8))
                      as? [String: Any]) ?? ["output": filmed.output]
        #expect(camera["barcode_detector"] as? Bool == false, "\(camera)")
        #expect((camera["answer"] as? String ?? "").contains(#"class="repeat""#), "\(camera)")
        #expect(try cli.run("checkins", "--campaign", "fair").stdout.contains("共 1 人签到（扫码 3 次）"))
    }
}

/// The bus door on a phone: a staff member picks the bus, scans a passenger on, and sees who is still
/// missing by seat; a passenger of another bus is scanned too, and their seat is flagged on their bus.
@Suite struct BusDoorBrowserTests {
    @Test(.enabled(if: BrowserTests.chromium != nil, "needs Debian's chromium (scripts/test installs it)"),
          .timeLimit(.minutes(5)))
    func theBusDoorShowsWhoIsMissingBySeat() throws {
        let dir = try TemporaryDirectory()
        var cli = CLIRunner(directory: dir)
        cli.environment["CAMPAIGN_NOW"] = "2026-02-20T05:30:00+08:00"
        #expect(try cli.run("start", try TransportJourneyTests.sample(dir)).status == 0)
        let token = ServerTests.token(try cli.run("staff", "add", "王干事").stdout)
        let server = try ServerTests.Server(cli, campaign: TransportJourneyTests.campaign, env: [:], checkpoint: "board")
        let base = server.base
        let (a, _) = try TransportJourneyTests.passenger(1)
        let plate = try TransportJourneyTests.plate(of: a, db: cli.database)
        let fragment = "token=\(token)&bus=\(plate)@2026-02-20&lang=en&scan=\(a)"
        let dom = try BrowserTests().browse("\(base.absoluteString)/#"
                                            + fragment.addingPercentEncoding(withAllowedCharacters: .urlFragmentAllowed)!)
        #expect(dom.contains("Checked in — 吕** 522426********0009"), "\(dom.prefix(3000))")
        let (seated, seat) = try GRDB.DatabaseQueue(path: cli.database).read { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM transport_seat WHERE plate = ? AND departs_on = '2026-02-20'",
                              arguments: [plate])!,
             try Int.fetchOne(db, sql: """
                 SELECT seat FROM transport_seat JOIN person ON person.id = person_id WHERE id_number = ?
                 """, arguments: [a])!)
        }
        let count = try #require(dom.range(of: #"<p id="busCount">"#)).upperBound
        let missing = (1...seated).filter { $0 != seat }.map(String.init).joined(separator: ", ")
        #expect(dom[count...].hasPrefix("1 / \(seated) passed this checkpoint — missing, seats \(missing)<"),
                "\(dom[count...].prefix(300))")
        // Scanned on without the leave-home scan (its window is open): on board, and flagged.
        #expect(dom.contains(#"<span class="seat here flag" title="522426********0009 · 青山乡车站 · 未经出家门就上车门"#))
        #expect(dom.contains(">\(seat) 吕**</span>"))
        #expect(!dom.contains(a))
        // The bus door at a small phone's width, for the eye (.build/test-output/phone-360-bus-door.png).
        let output = CLIRunner.packageRoot.appendingPathComponent(".build/test-output")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        let shot = output.appendingPathComponent("phone-360-bus-door.png").path
        _ = try BrowserTests().browse("\(base.absoluteString)/#" + "token=\(token)&bus=\(plate)@2026-02-20&lang=zh"
                                        .addingPercentEncoding(withAllowedCharacters: .urlFragmentAllowed)!,
                                      screenshot: shot, windowSize: "360,1400")
        #expect(FileManager.default.fileExists(atPath: shot))
    }
}

/// Badges carry real QR codes: a barcode reader (Debian's zbarimg) reads them back from a
/// browser-rendered page, and each decoded code checks its person in.
@Suite struct BadgeTests {
    static let zbarimg = FileManager.default.isExecutableFile(atPath: "/usr/bin/zbarimg")

    /// A fair whose ledger holds these people (姓名,身份证号,村 rows), started with its gate open, and
    /// its badges written: the folder, the command line, its environment, the badges file and the
    /// `badges` command's result.
    static func fairWithBadges(_ people: String...) throws
        -> (TemporaryDirectory, CLIRunner, [String: String], String, CLIRunner.Result) {
        let dir = try TemporaryDirectory()
        let cli = CLIRunner(directory: dir)
        let env = ["CAMPAIGN_NOW": "2026-03-01T09:00:00+08:00"]
        _ = try dir.write("people.csv", (["姓名,身份证号,村"] + people).joined(separator: "\n") + "\n")
        let yaml = try dir.write("fair.yaml", SampleCampaign.ledgerThenGate(name: "fair", gates: []))
        #expect(try cli.run("start", yaml, env: env).status == 0)
        let html = dir.url.appendingPathComponent("badges.html").path
        return (dir, cli, env, html, try cli.run("badges", "--campaign", "fair", "--out", html))
    }

    @Test(.enabled(if: BrowserTests.chromium != nil && zbarimg, "needs chromium and zbar-tools (scripts/test installs them)"),
          .timeLimit(.minutes(5)))
    func printedBadgesScanBackToTheirCodes() throws {
        let (_, cli, env, html, made) = try Self.fairWithBadges("张伟,11010519491231002X,南关村", "李娜,522426199001010017,柳树村")
        #expect(made.stdout.contains("已写出 2 张胸卡"), "\(made.stdout)")
        let page = try String(contentsOfFile: html, encoding: .utf8)
        #expect(page.contains("张*") && page.contains("李*"))
        #expect(!page.contains("张伟") && !page.contains("11010519491231002X"))

        let png = CLIRunner.packageRoot.appendingPathComponent(".build/test-output/badges.png").path
        try FileManager.default.createDirectory(atPath: (png as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        _ = try BrowserTests().browse("file://\(html)", screenshot: png)
        let zbar = Process()
        zbar.executableURL = URL(fileURLWithPath: "/usr/bin/zbarimg")
        zbar.arguments = ["-q", "--raw", png]
        let output = Pipe()
        zbar.standardOutput = output
        zbar.standardError = FileHandle.nullDevice
        try zbar.run()
        let decoded = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            .split(separator: "\n").map(String.init)
        zbar.waitUntilExit()
        #expect(decoded.count == 2)
        for code in decoded {
            #expect(page.contains("\(code.prefix(4)) \(code.dropFirst(4))"))
            let scan = try cli.run("checkin", code, "--campaign", "fair", env: env)
            #expect(scan.stdout.contains("签到成功"), "\(code): \(scan.stdout)")
        }
    }
}
