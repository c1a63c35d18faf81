import Foundation
import Store
import Testing

/// Values changed in place in hand-edited record files: only the bytes of what is set change.
@Suite("JSON object editor")
struct JSONObjectEditorTests {
    static let pretty = """
    {
      "companyName": "Garage \\u00c9toile",
      "notes": "kept \\"as typed\\"",
      "affirm": {
        "enabled": true,
        "minimum": "50.00",
        "custom": [1, 2, {"x": null}]
      },
      "reminders": {},
      "numbers": [1.50, 2e3]
    }

    """

    static func edited(_ text: String, _ body: (inout JSONObjectEditor) throws -> Void) throws -> String {
        var editor = try JSONObjectEditor(Data(text.utf8), file: "Records/business.json")
        try body(&editor)
        let result = String(decoding: editor.data, as: UTF8.self)
        // Whatever was done, the result is JSON again.
        _ = try JSONSerialization.jsonObject(with: editor.data)
        return result
    }

    @Test("setting a nested value changes only its bytes")
    func replace() throws {
        let result = try Self.edited(Self.pretty) { try $0.set(["affirm", "enabled"], literal: "false") }
        #expect(result == Self.pretty.replacingOccurrences(of: "\"enabled\": true", with: "\"enabled\": false"))
        let string = try Self.edited(Self.pretty) { try $0.set(["affirm", "minimum"], literal: JSONObjectEditor.string("75.00")) }
        #expect(string == Self.pretty.replacingOccurrences(of: "\"50.00\"", with: "\"75.00\""))
    }

    @Test("a missing member goes after its object's last one, indented like its siblings")
    func insertBesideSiblings() throws {
        let result = try Self.edited(Self.pretty) { try $0.set(["affirm", "maximum"], literal: "\"900.00\"") }
        #expect(result == Self.pretty.replacingOccurrences(of: "{\"x\": null}]\n", with: "{\"x\": null}],\n    \"maximum\": \"900.00\"\n"))
    }

    @Test("a member of an empty object, and a missing parent object, are written on lines of their own")
    func insertIntoEmptyAndMissing() throws {
        let empty = try Self.edited(Self.pretty) { try $0.set(["reminders", "maxTotal"], literal: "2") }
        #expect(empty.contains("  \"reminders\": {\n    \"maxTotal\": 2\n  },\n"))
        let missing = try Self.edited(Self.pretty) { try $0.set(["confirmation", "automatic"], literal: "false") }
        #expect(missing.hasSuffix("  \"numbers\": [1.50, 2e3],\n  \"confirmation\": {\n    \"automatic\": false\n  }\n}\n"))
        #expect(missing.hasPrefix(Self.pretty.components(separatedBy: "  \"numbers\"")[0]))
    }

    @Test("a file on one line stays on one line")
    func compact() throws {
        let text = #"{"a":1,"b":{"c":true}}"#
        #expect(try Self.edited(text) { try $0.set(["b", "d"], literal: "2") } == #"{"a":1,"b":{"c":true,"d":2}}"#)
        #expect(try Self.edited(text) { try $0.set(["e", "f"], literal: "3") } == #"{"a":1,"b":{"c":true},"e":{"f":3}}"#)
        #expect(try Self.edited(text) { try $0.set(["a"], literal: "\"x\"") } == #"{"a":"x","b":{"c":true}}"#)
    }

    @Test("removing a member takes its comma with it", arguments: [
        (["affirm", "enabled"], "\"affirm\": {\n    \"minimum\""),
        (["affirm", "custom"], "\"minimum\": \"50.00\"\n  },"),
        (["affirm", "minimum"], "\"enabled\": true,\n    \"custom\""),
        (["numbers"], "\"reminders\": {}\n}"),
        (["companyName"], "{\n  \"notes\""),
    ])
    func remove(path: [String], expected: String) throws {
        let result = try Self.edited(Self.pretty) { try $0.remove(path) }
        #expect(result.contains(expected), "\(result)")
        #expect(try Self.edited(Self.pretty) { try $0.remove(["affirm", "absent"]) } == Self.pretty)
        #expect(try Self.edited(#"{"only": 1}"#) { try $0.remove(["only"]) } == "{}")
    }

    @Test("keys with escapes are found; values with braces in strings do not confuse it")
    func escapes() throws {
        let text = #"{"a\"b": "}{", "c": "x"}"#
        #expect(try Self.edited(text) { try $0.set(["c"], literal: "1") } == #"{"a\"b": "}{", "c": 1}"#)
        #expect(try Self.edited(text) { try $0.set(["a\"b"], literal: "2") } == #"{"a\"b": 2, "c": "x"}"#)
        #expect(JSONObjectEditor.string("a\"b\\c\n\u{1}é") == #""a\"b\\c\n\u0001é""#)
    }

    @Test("what is not a JSON object is refused with the file named", arguments: ["[1, 2]", "", "{\"a\": \"never ends", "{\"a\": 1", "{\"a\" 1}"])
    func refused(text: String) {
        #expect(throws: RecordError.self) {
            var editor = try JSONObjectEditor(Data(text.utf8), file: "Records/business.json")
            try editor.set(["a"], literal: "2")
        }
    }

    @Test("a member that must be an object but is not is refused, naming its path")
    func notAnObject() {
        var editor = try? JSONObjectEditor(Data(#"{"affirm": true}"#.utf8), file: "Records/business.json")
        #expect(throws: RecordError(file: "Records/business.json", path: "affirm", problem: "must be an object")) {
            try editor?.set(["affirm", "enabled"], literal: "false")
        }
    }
}
