import Crypto
import Foundation
import SwiftASN1
import PluginKit
import Workflow
import X509

/// A certificate authority of this laptop, kept beside the workspace (`tls/`), and a server certificate
/// it signs for the machine's network addresses: phones trust the CA once (the trust page says how, on
/// Android and iOS) and then open `https://192.168.x.x:8443/` as a secure context — the browser gives the
/// page its camera. The CA's key never leaves the folder; the server's certificate is made anew at each
/// start, for the addresses the machine has then, valid 397 days (iOS refuses longer ones).
public struct LocalCertificateAuthority: Sendable {
    /// The CA certificate (PEM), what a phone installs.
    public let caPEM: String
    /// The server's certificate (PEM) and its private key (PEM).
    public let certificatePEM: String
    public let keyPEM: String
    /// The addresses the server's certificate names: those of `hosts` the CA may vouch for (a CA made
    /// on another network, public address, does not cover today's public address; a private one it always does).
    public let certifiedHosts: [String]

    public static func prepare(folder: URL, hosts: [String], now: Date = Date()) throws -> LocalCertificateAuthority {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let caFile = folder.appendingPathComponent("campaign-ca.pem")
        let caKeyFile = folder.appendingPathComponent("campaign-ca-key.pem")
        let caKey: P256.Signing.PrivateKey
        let ca: Certificate
        if let keyText = try? String(contentsOf: caKeyFile, encoding: .utf8),
           let certificateText = try? String(contentsOf: caFile, encoding: .utf8),
           let stored = try? Certificate(pemEncoded: certificateText), Self.isConstrained(stored) {
            caKey = try P256.Signing.PrivateKey(pemRepresentation: keyText)
            ca = stored
        } else {
            // None yet, or one made before CAs were limited to this machine's names: a new one (phones
            // trust it once more; an unlimited CA must not stay trusted).
            caKey = P256.Signing.PrivateKey()
            let name = try DistinguishedName {
                OrganizationName("campaign")
                CommonName("campaign local CA (\(ProcessInfo.processInfo.hostName))")
            }
            ca = try Certificate(
                version: .v3, serialNumber: .init(), publicKey: .init(caKey.publicKey),
                notValidBefore: now.addingTimeInterval(-3600), notValidAfter: now.addingTimeInterval(10 * 365 * 86400),
                issuer: name, subject: name, signatureAlgorithm: .ecdsaWithSHA256,
                extensions: try Certificate.Extensions {
                    Critical(BasicConstraints.isCertificateAuthority(maxPathLength: 0))
                    Critical(KeyUsage(keyCertSign: true, cRLSign: true))
                    // It can vouch for this laptop on a fair's network and nothing else: a phone that
                    // trusts it would otherwise accept it for any bank's name.
                    Critical(Self.nameConstraints(publicHosts: hosts.filter { !Self.isPrivate($0) }))
                },
                issuerPrivateKey: .init(caKey))
            guard FileManager.default.createFile(atPath: caKeyFile.path, contents: Data(caKey.pemRepresentation.utf8),
                                                 attributes: [.posixPermissions: 0o600]) else {
                throw WorkflowError.unavailable(ServerMessages.cannotWriteCA(["path": caKeyFile.path]))
            }
            try ca.serializeAsPEM().pemString.write(to: caFile, atomically: true, encoding: .utf8)
        }
        let key = P256.Signing.PrivateKey()
        // Only the addresses the CA may vouch for (a public address would make phones refuse the whole certificate).
        let permitted = try Self.permittedRanges(of: ca)
        var certified: [String] = []
        for host in hosts + ["127.0.0.1"] where Self.permits(permitted, host) && !certified.contains(host) { certified.append(host) }
        let names = [GeneralName.dnsName("localhost")] + certified.compactMap(Self.ipAddress)
        let certificate = try Certificate(
            version: .v3, serialNumber: .init(), publicKey: .init(key.publicKey),
            notValidBefore: now.addingTimeInterval(-3600), notValidAfter: now.addingTimeInterval(397 * 86400),
            issuer: ca.subject, subject: try DistinguishedName { CommonName(certified.first ?? "localhost") },
            signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.notCertificateAuthority)
                Critical(KeyUsage(digitalSignature: true))
                try ExtendedKeyUsage([.serverAuth])
                SubjectAlternativeNames(names)
            },
            issuerPrivateKey: .init(caKey))
        return LocalCertificateAuthority(caPEM: try ca.serializeAsPEM().pemString,
                                         certificatePEM: try certificate.serializeAsPEM().pemString,
                                         keyPEM: key.pemRepresentation,
                                         certifiedHosts: certified.filter { hosts.contains($0) })
    }

    /// What the CA may sign: `localhost`, this machine's name and names under `.local`, the loopback,
    /// private and link-local IPv4 ranges (a fair's Wi-Fi gives one of them, whichever it is on the day),
    /// and each public address the machine has when the CA is made, alone (a /32).
    static func nameConstraints(publicHosts: [String]) -> NameConstraints {
        let host = ProcessInfo.processInfo.hostName.lowercased()
        let ranges: [(UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8)] = [
            (127, 0, 0, 0, 255, 0, 0, 0), (10, 0, 0, 0, 255, 0, 0, 0), (172, 16, 0, 0, 255, 240, 0, 0),
            (192, 168, 0, 0, 255, 255, 0, 0), (169, 254, 0, 0, 255, 255, 0, 0),
        ]
        return NameConstraints(
            permittedDNSDomains: ["localhost", "local"] + (host.isEmpty || host == "localhost" ? [] : [host]),
            permittedIPRanges: ranges.map { r in
                ASN1OctetString(contentBytes: [r.0, r.1, r.2, r.3, r.4, r.5, r.6, r.7])
            } + publicHosts.compactMap { host in
                let parts = host.split(separator: ".").compactMap { UInt8($0) }
                return parts.count == 4 ? ASN1OctetString(contentBytes: ArraySlice(parts + [255, 255, 255, 255])) : nil
            })
    }

    /// The IPv4 ranges (address, mask) a CA's name constraints permit.
    static func permittedRanges(of ca: Certificate) throws -> [[UInt8]] {
        guard let constraints = try ca.extensions.nameConstraints else { return [] }
        return constraints.permittedIPRanges.map { Array($0.bytes) }.filter { $0.count == 8 }
    }

    /// Whether an IPv4 address lies in one of the ranges.
    static func permits(_ ranges: [[UInt8]], _ text: String) -> Bool {
        let parts = text.split(separator: ".").compactMap { UInt8($0) }
        guard parts.count == 4 else { return false }
        return ranges.contains { range in
            (0..<4).allSatisfy { (index: Int) -> Bool in
                let mask: UInt8 = range[4 + index]
                return parts[index] & mask == range[index] & mask
            }
        }
    }

    /// A loopback, private or link-local IPv4 address: within `nameConstraints`.
    static func isPrivate(_ text: String) -> Bool {
        let parts = text.split(separator: ".").compactMap { UInt8($0) }
        guard parts.count == 4 else { return false }
        return parts[0] == 127 || parts[0] == 10 || (parts[0] == 172 && parts[1] & 0xF0 == 16)
            || (parts[0] == 192 && parts[1] == 168) || (parts[0] == 169 && parts[1] == 254)
    }

    /// Whether a stored CA carries name constraints.
    static func isConstrained(_ ca: Certificate) -> Bool {
        ca.extensions[oid: .X509ExtensionID.nameConstraints] != nil
    }

    /// An IPv4 address as a certificate names it (its four bytes).
    static func ipAddress(_ text: String) -> GeneralName? {
        let parts = text.split(separator: ".").compactMap { UInt8($0) }
        guard parts.count == 4 else { return nil }
        return .ipAddress(ASN1OctetString(contentBytes: ArraySlice(parts)))
    }
}
