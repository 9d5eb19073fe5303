import Foundation
import Testing
import WorkflowTesting

/// `campaign serve --tls`: a local certificate authority and a certificate for this machine's
/// addresses; with the CA trusted (curl `--cacert`, as a phone that installed it) the page loads over
/// https, without it the connection is refused; plain http offers only the CA and the trust page, and
/// redirects everything else to https.
@Suite struct TLSServeTests {
    static let curl = FileManager.default.isExecutableFile(atPath: "/usr/bin/curl")
    static let openssl = FileManager.default.isExecutableFile(atPath: "/usr/bin/openssl")

    @Test(.enabled(if: curl && openssl && certutil && BrowserTests.chromium != nil,
                   "needs curl, openssl, libnss3-tools and chromium (scripts/test installs them)"), .timeLimit(.minutes(5)))
    func thePageIsServedOverTLSWithALocalCertificateAuthority() throws {
        let dir = try TemporaryDirectory()
        let cli = CLIRunner(directory: dir)
        #expect(try cli.run("start", "workflows/spring-fair.yaml", "--var", "reports=\(dir.url.path)/reports",
                            env: ["CAMPAIGN_NOW": "2026-03-01T09:00:00+08:00"]).status == 0)
        let plain = Int.random(in: 20_000..<26_000), secure = Int.random(in: 26_000..<32_000)
        let serve = cli.process(["serve", "--campaign", "spring-fair-2026", "--tls", "--port", "\(plain)",
                                 "--tls-port", "\(secure)", "--no-daemon"])
        let out = Pipe()
        serve.standardOutput = out
        serve.standardError = out
        try serve.run()
        defer { kill(serve.processIdentifier, SIGTERM); serve.waitUntilExit() }
        var printed = ""
        let deadline = Date().addingTimeInterval(60)
        while !printed.contains("Ctrl-C"), Date() < deadline {
            printed += String(decoding: out.fileHandleForReading.availableData, as: UTF8.self)
        }
        let addresses = printed.matches(of: try Regex("https://([0-9.]+):\(secure)/")).compactMap { $0.output[1].substring }
            .map(String.init)
        #expect(!addresses.isEmpty, "\(printed)")
        #expect(printed.contains("http://"), "the trust page's address: \(printed)")
        #expect(FileManager.default.fileExists(atPath: dir.url.appendingPathComponent("tls/campaign-ca.pem").path))

        // The CA, over plain http (a phone has not trusted anything yet).
        let caFile = dir.url.appendingPathComponent("downloaded-ca.pem").path
        #expect(try Self.run("/usr/bin/curl", "-sS", "--retry", "20", "--retry-connrefused", "--retry-delay", "1",
                             "-o", caFile, "http://127.0.0.1:\(plain)/ca.pem").status == 0)
        #expect(try String(contentsOfFile: caFile, encoding: .utf8).hasPrefix("-----BEGIN CERTIFICATE-----"))
        let trust = try Self.run("/usr/bin/curl", "-sS", "http://127.0.0.1:\(plain)/trust")
        #expect(trust.output.contains("campaign-ca.pem") && trust.output.contains("证书信任设置"), "\(trust.output)")

        // With the CA trusted the page loads over https; without it the certificate is refused.
        let page = try Self.run("/usr/bin/curl", "-sS", "--cacert", caFile, "https://127.0.0.1:\(secure)/")
        #expect(page.status == 0 && page.output.contains("<html"), "\(page.output)")
        let untrusted = try Self.run("/usr/bin/curl", "-sS", "https://127.0.0.1:\(secure)/health")
        #expect(untrusted.status == 60, "curl's 'peer certificate cannot be authenticated': \(untrusted.output)")

        // Plain http is redirected to https, address and path kept.
        let redirect = try Self.run("/usr/bin/curl", "-sS", "-o", "/dev/null", "-w", "%{http_code} %{redirect_url}",
                                    "http://127.0.0.1:\(plain)/api/counts?lang=en")
        #expect(redirect.output == "308 https://127.0.0.1:\(secure)/api/counts?lang=en", "\(redirect.output)")

        // The certificate names this machine's addresses (and 127.0.0.1, localhost).
        let presented = try Self.run("/bin/sh", "-c", "echo | /usr/bin/openssl s_client -connect 127.0.0.1:\(secure) 2>/dev/null "
                                     + "| /usr/bin/openssl x509 -noout -ext subjectAltName")
        for address in addresses + ["127.0.0.1"] {
            #expect(presented.output.contains("IP Address:\(address)"), "\(address) not in \(presented.output)")
        }
        #expect(presented.output.contains("DNS:localhost"))

        // The CA vouches for this machine's names and the private networks only: a certificate for a
        // bank's name signed with its key (stolen from the laptop) fails where the phone checks it.
        let tls = dir.url.appendingPathComponent("tls").path
        let constraints = try Self.run("/usr/bin/openssl", "x509", "-in", caFile, "-noout", "-ext", "nameConstraints")
        #expect(constraints.output.contains("critical") && constraints.output.contains("Permitted")
                && constraints.output.contains("IP:192.168.0.0/255.255.0.0") && constraints.output.contains("DNS:localhost"),
                "\(constraints.output)")
        let forge = """
            cd '\(dir.url.path)' && /usr/bin/openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes \\
              -keyout impostor-key.pem -subj /CN=www.icbc.com.cn -addext subjectAltName=DNS:www.icbc.com.cn -out impostor.csr \\
            && /usr/bin/openssl x509 -req -in impostor.csr -CA '\(tls)/campaign-ca.pem' -CAkey '\(tls)/campaign-ca-key.pem' \\
              -CAcreateserial -days 30 -copy_extensions copy -out impostor.pem \\
            && /usr/bin/openssl verify -CAfile downloaded-ca.pem impostor.pem
            """
        let forged = try Self.run("/bin/sh", "-c", forge)
        #expect(forged.status != 0 && forged.output.contains("permitted subtree violation"), "\(forged.output)")
        let genuine = try Self.run("/bin/sh", "-c", "echo | /usr/bin/openssl s_client -connect 127.0.0.1:\(secure) 2>/dev/null "
                                   + "| /usr/bin/openssl x509 > '\(dir.url.path)/served.pem' && /usr/bin/openssl verify "
                                   + "-CAfile '\(caFile)' '\(dir.url.path)/served.pem'")
        #expect(genuine.status == 0 && genuine.output.contains("OK"), "\(genuine.output)")

        // A real browser: with the CA in its trust store (NSS, as a phone that installed it) the page loads
        // over https, signs in and checks a person in; with an empty store it gets no page.
        if Self.certutil {
            let token = ServerTests.token(try cli.run("staff", "add", "Li").stdout)
            let link = "https://127.0.0.1:\(secure)/#token=\(token)&gate=north&scan=341222197009160001&lang=zh"
            let trusting = dir.url.appendingPathComponent("phone-home")
            let store = trusting.appendingPathComponent(".pki/nssdb").path
            try FileManager.default.createDirectory(atPath: store, withIntermediateDirectories: true)
            #expect(try Self.run("/usr/bin/certutil", "-d", "sql:\(store)", "-N", "--empty-password").status == 0)
            #expect(try Self.run("/usr/bin/certutil", "-d", "sql:\(store)", "-A", "-t", "C,,", "-n", "campaign local CA",
                                 "-i", caFile).status == 0)
            let trusted = try BrowserTests().browse(link, profile: trusting.appendingPathComponent("profile").path,
                                                    home: trusting.path)
            #expect(trusted.contains(#"class="accepted""#) && trusted.contains("签到成功 — 万** 341222********0001"), "\(trusted)")
            let stranger = dir.url.appendingPathComponent("stranger-home").path
            try FileManager.default.createDirectory(atPath: stranger, withIntermediateDirectories: true)
            let refused = try BrowserTests().browse(link.replacingOccurrences(of: "341222197009160001", with: "522426199001010017"),
                                                    profile: stranger + "/profile", home: stranger)
            #expect(!refused.contains(#"id="answer""#), "an untrusted certificate shows no page: \(refused.prefix(300))")
        }
    }

    static let certutil = FileManager.default.isExecutableFile(atPath: "/usr/bin/certutil")

    static func run(_ program: String, _ arguments: String...) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text)
    }
}
