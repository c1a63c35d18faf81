@testable import Generator
import Testing

struct RecordKeysTests {
    static let keys = RecordKeys(fileNames: ["RO-1.json", "ro-10.json", "Ab.json", "RO-2.json", "ro-2.json", "x.y.json"])

    @Test(arguments: [("ro-1", true), ("RO-1", false), ("ro-10", true), ("ab", true), ("ro-2", true), ("x.y", true),
                      ("ro-3", false), ("", false), ("ro-", false), ("zz", false), ("a", false)])
    func contains(key: String, expected: Bool) {
        #expect(Self.keys.contains(key) == expected)
    }

    @Test func onlyCaseVariantsAreDuplicated() {
        #expect(Self.keys.duplicated == ["ro-2"])
        #expect(RecordKeys(fileNames: []).contains("a") == false)
    }
}
