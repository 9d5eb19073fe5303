import Foundation
import PostgresNIO
import Workflow

/// Where the province's PostgreSQL is, from the address a clerk types: a URL as libpq takes it —
/// `postgresql://user:password@host:5432/database`, or a local socket folder as
/// `postgresql:///database?host=/var/run/postgresql` (the tests' own servers listen on a socket only).
public struct ProvinceAddress: Sendable, CustomStringConvertible {
    public var username: String
    public var password: String?
    public var database: String
    public var host: String
    public var port: Int
    /// The socket folder, for a server on this host reached without TCP.
    public var socketFolder: String?

    public init(_ text: String) throws {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let components = URLComponents(string: trimmed),
              ["postgres", "postgresql"].contains(components.scheme ?? "") else {
            throw WorkflowError.usage(ProvinceMessages.notAnAddress(["text": text]), hint: ProvinceMessages.addressForm())
        }
        let query = Dictionary((components.queryItems ?? []).map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { $1 })
        let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        username = components.user ?? query["user"] ?? ProcessInfo.processInfo.environment["PGUSER"] ?? "postgres"
        password = components.password ?? query["password"] ?? ProcessInfo.processInfo.environment["PGPASSWORD"]
        database = path.isEmpty ? (query["dbname"] ?? username) : path
        let hostText = components.host.flatMap { $0.isEmpty ? nil : $0.removingPercentEncoding ?? $0 } ?? query["host"] ?? ""
        guard let port = Int(query["port"] ?? components.port.map(String.init) ?? "5432"), (1...65535).contains(port) else {
            throw WorkflowError.usage(ProvinceMessages.notAnAddress(["text": text]), hint: ProvinceMessages.addressForm())
        }
        self.port = port
        if hostText.hasPrefix("/") {
            socketFolder = hostText
            host = "localhost"
        } else if hostText.isEmpty {
            throw WorkflowError.usage(ProvinceMessages.notAnAddress(["text": text]), hint: ProvinceMessages.addressForm())
        } else {
            host = hostText
        }
    }

    /// The connection's settings: a socket file when a folder is given, else TCP without TLS (the
    /// province's server is on its own network; TLS is a server setting this version does not ask for).
    var configuration: PostgresConnection.Configuration {
        if let socketFolder {
            return .init(unixSocketPath: socketFolder + "/.s.PGSQL.\(port)", username: username, password: password,
                         database: database)
        }
        return .init(host: host, port: port, username: username, password: password, database: database, tls: .disable)
    }

    /// The address as printed: never the password.
    public var description: String {
        socketFolder.map { "postgresql:///\(database)?host=\($0)&port=\(port)" } ?? "postgresql://\(username)@\(host):\(port)/\(database)"
    }
}
