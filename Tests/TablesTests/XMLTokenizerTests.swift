import Foundation
import Testing
@testable import Tables

/// Long cells cost what they weigh (#33): the XML tokenizer looks at each byte of a long text a
/// bounded number of times however the unzip chunks it — counted, not timed.
@Suite struct XMLTokenizerTests {
    @Test func aLongTextIsScannedOnceHoweverItIsChunked() throws {
        let text = String(repeating: "长", count: 1_400_000)   // 4.2 MB of UTF-8
        let xml = Data("<si><t>\(text)</t></si><si><t><![CDATA[\(text)]]></t></si><!-- \(text) --><c r=\"A1\" x=\"\(text)\"/>".utf8)
        for chunk in [1, 1_024, 65_536] where chunk > 1 || xml.count < 1 << 20 {
            var tokenizer = XMLTokenizer()
            tokenizer.wantsText = true
            var texts = 0
            var offset = 0
            while offset < xml.count {
                tokenizer.append(xml.subdata(in: offset..<min(offset + chunk, xml.count)))
                offset += chunk
                while let token = try tokenizer.next() { if case .text = token { texts += 1 } }
            }
            #expect(texts == 2)
            #expect(tokenizer.examined <= 3 * xml.count, "chunks of \(chunk): \(tokenizer.examined) bytes looked at for \(xml.count)")
        }
    }

    /// A sheet's reader switches on the tag's code: its local name's bytes packed, the prefix dropped,
    /// and none for a name longer than four bytes (which no row, cell or value tag has).
    @Test func eachTagCarriesItsNamesCode() throws {
        var tokenizer = XMLTokenizer()
        tokenizer.append(Data("<x:row r=\"2\"><c r=\"A2\"/><v>1</v></x:row><worksheet/><rowx/>".utf8))
        var seen: [(String, UInt32)] = []
        while let token = try tokenizer.next() {
            switch token {
            case .start(let name, _, _): seen.append(("<" + name, tokenizer.nameCode))
            case .end(let name): seen.append(("/" + name, tokenizer.nameCode))
            case .text: break
            }
        }
        #expect(seen.map(\.0) == ["<row", "<c", "<v", "/v", "/row", "<worksheet", "<rowx"])
        #expect(seen.map(\.1) == [0x72_6F_77, 0x63, 0x76, 0x76, 0x72_6F_77, UInt32.max, 0x72_6F_77_78])
    }

    /// A sheet's reader turns names off: the same codes, attributes and text, every name "" — and a
    /// malformed tag is still refused by its name.
    @Test func withoutNamesTheCodesAttributesAndTextsAreTheSame() throws {
        let xml = Data("<x:row r=\"2\" spans=\"1:3\"><c r=\"A2\" t=\"s\"><v>1&amp;2</v></c><worksheet a='1'/></x:row>".utf8)
        func tokens(named: Bool) throws -> [String] {
            var tokenizer = XMLTokenizer()
            tokenizer.wantsNames = named
            tokenizer.wantsText = true
            tokenizer.append(xml)
            var seen: [String] = []
            while let token = try tokenizer.next() {
                switch token {
                case .start(let name, let attributes, let selfClosing):
                    seen.append("<\(name)|\(tokenizer.nameCode)|\(attributes.map { "\($0.key)=\($0.value)" })|\(selfClosing)")
                case .end(let name): seen.append("/\(name)|\(tokenizer.nameCode)")
                case .text(let text): seen.append("'\(text)")
                }
            }
            return seen
        }
        let named = try tokens(named: true), unnamed = try tokens(named: false)
        #expect(named.count == 8 && unnamed.count == named.count)
        #expect(named[0] == "<row|7499639|[\"r=2\", \"spans=1:3\"]|false" && unnamed[0] == "<|7499639|[\"r=2\", \"spans=1:3\"]|false")
        #expect(unnamed.map { $0.replacingOccurrences(of: "<|", with: "<").replacingOccurrences(of: "/|", with: "/") }
                == named.map { $0.replacingOccurrences(of: "<row|", with: "<").replacingOccurrences(of: "<c|", with: "<")
                    .replacingOccurrences(of: "<v|", with: "<").replacingOccurrences(of: "<worksheet|", with: "<")
                    .replacingOccurrences(of: "/row|", with: "/").replacingOccurrences(of: "/c|", with: "/")
                    .replacingOccurrences(of: "/v|", with: "/") })
        #expect(unnamed.contains("'1&2"))
        for wantsNames in [true, false] {
            var tokenizer = XMLTokenizer()
            tokenizer.wantsNames = wantsNames
            tokenizer.append(Data("<x:cell r>".utf8))
            do {
                _ = try tokenizer.next()
                Issue.record("a tag with an attribute without a value was taken")
            } catch {
                #expect(error.message.text(.en).contains("cell"), "\(error.message.text(.en))")
            }
        }
    }
}
