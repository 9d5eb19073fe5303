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

    public static func prepare(folder: URL, hosts: [String], now: Date = Date()) throws -> LocalCertificateAuthority {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let caFile = folder.appendingPathComponent("campaign-ca.pem")
        let caKeyFile = folder.appendingPathComponent("campaign-ca-key.pem")
        let caKey: P256.Signing.PrivateKey
        let ca: Certificate
        if let keyText = try? String(contentsOf: caKeyFile, encoding: .utf8),
           let certificateText = try? String(contentsOf: caFile, encoding: .utf8) {
            caKey = try P256.Signing.PrivateKey(pemRepresentation: keyText)
            ca = try Certificate(pemEncoded: certificateText)
        } else {
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
                },
                issuerPrivateKey: .init(caKey))
            guard FileManager.default.createFile(atPath: caKeyFile.path, contents: Data(caKey.pemRepresentation.utf8),
                                                 attributes: [.posixPermissions: 0o600]) else {
                throw WorkflowError.unavailable(ServerMessages.cannotWriteCA(["path": caKeyFile.path]))
            }
            try ca.serializeAsPEM().pemString.write(to: caFile, atomically: true, encoding: .utf8)
        }
        let key = P256.Signing.PrivateKey()
        let names = [GeneralName.dnsName("localhost")] + (hosts + ["127.0.0.1"]).compactMap(Self.ipAddress)
        let certificate = try Certificate(
            version: .v3, serialNumber: .init(), publicKey: .init(key.publicKey),
            notValidBefore: now.addingTimeInterval(-3600), notValidAfter: now.addingTimeInterval(397 * 86400),
            issuer: ca.subject, subject: try DistinguishedName { CommonName(hosts.first ?? "localhost") },
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
                                         keyPEM: key.pemRepresentation)
    }

    /// An IPv4 address as a certificate names it (its four bytes).
    static func ipAddress(_ text: String) -> GeneralName? {
        let parts = text.split(separator: ".").compactMap { UInt8($0) }
        guard parts.count == 4 else { return nil }
        return .ipAddress(ASN1OctetString(contentBytes: ArraySlice(parts)))
    }
}
