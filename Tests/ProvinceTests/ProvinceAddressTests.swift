import Foundation
import Province
import Testing
import Workflow

/// The province's address as a clerk types it: a URL as libpq takes it, or a refusal saying how to write one.
@Suite struct ProvinceAddressTests {
    @Test func aTCPAddressNamesUserHostPortAndDatabase() throws {
        let address = try ProvinceAddress("postgresql://stats:secret@10.1.2.3:6543/province")
        #expect(address.username == "stats")
        #expect(address.password == "secret")
        #expect(address.host == "10.1.2.3")
        #expect(address.port == 6543)
        #expect(address.database == "province")
        #expect(address.socketFolder == nil)
        // Printed without its password.
        #expect(address.description == "postgresql://stats@10.1.2.3:6543/province")
    }

    @Test func aSocketFolderIsTakenFromTheHostParameter() throws {
        let address = try ProvinceAddress("postgresql:///postgres?host=/tmp/pg&user=postgres")
        #expect(address.socketFolder == "/tmp/pg")
        #expect(address.database == "postgres")
        #expect(address.username == "postgres")
        #expect(address.port == 5432)
    }

    @Test(arguments: ["mysql://host/db", "province", "postgresql:///db", "postgresql://host:99999/db"])
    func anythingElseIsRefusedWithTheForm(_ text: String) throws {
        let error = try #require(throws: WorkflowError.self) { try ProvinceAddress(text) }
        #expect(error.exitCode == 64)
        #expect(error.message(in: .zh).contains("不是 PostgreSQL 地址"))
        #expect(error.message(in: .en).contains("is not a PostgreSQL address"))
        #expect(error.hint(in: .en)?.contains("postgresql://user:password@host:5432/database") == true)
    }
}
