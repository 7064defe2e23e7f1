import Foundation
import Testing
import TenetDocument

/// JSON strings as every report and `tenet parse` write them: escapes wherever they fall among
/// the runs of plain bytes copied whole.
@Suite struct JSONStringTests {
    private func written(_ text: String) -> String {
        var bytes: [UInt8] = []
        JSONWriter.writeString(text, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test func plainTextIsCopiedAsItIs() {
        #expect(written("") == "\"\"")
        #expect(written("Bucket") == "\"Bucket\"")
        #expect(written("a longer text of more than eight bytes, été ✓") == "\"a longer text of more than eight bytes, été ✓\"")
    }

    @Test func quotesBackslashesAndControlCharactersAreEscaped() {
        #expect(written("say \"hi\"\n\tC:\\dir\r\u{8}\u{C}") == #""say \"hi\"\n\tC:\\dir\r\b\f""#)
        #expect(written("\u{0}\u{1F}\u{7F}") == #""\u0000\u001f"# + "\u{7F}\"")
    }

    /// Each character needing an escape at each position of a text longer than a word, after
    /// bytes just above and below the ones that need it, reads back as the same text.
    @Test func everyEscapeAtEveryPositionReadsBack() throws {
        let escaped: [Character] = ["\"", "\\", "\n", "\u{0}", "\u{1F}"]
        let neighbours = "!#[]~ é"
        for character in escaped {
            for position in 0..<20 {
                var text = String(repeating: "x", count: 20) + neighbours
                text.insert(character, at: text.index(text.startIndex, offsetBy: position))
                let read = try JSONSerialization.jsonObject(with: Data(written(text).utf8), options: .fragmentsAllowed) as? String
                #expect(read == text, "\(character.debugDescription) at \(position)")
            }
        }
    }
}
