import Foundation

/// Reading the document: where each member's key and value start and end, without building
/// values (only keys are decoded).
extension JSONObjectEditor {
    struct Member {
        var key: String
        var keyStart: Int
        var keyEnd: Int
        var value: Range<Int>
    }

    /// The root object's range, braces included.
    func root() throws(RecordError) -> Range<Int> {
        let start = skipSpace(0)
        guard start < bytes.count, bytes[start] == UInt8(ascii: "{") else { throw problem([], "is not a JSON object") }
        return start..<(try valueEnd(start, depth: 0))
    }

    /// The members of the object spanning `object`, in file order.
    func members(_ object: Range<Int>) throws(RecordError) -> [Member] {
        var result: [Member] = []
        var index = skipSpace(object.lowerBound + 1)
        while index < object.upperBound - 1 {
            guard bytes[index] == UInt8(ascii: "\"") else { throw problem([], "is not valid JSON near byte \(index)") }
            let keyEnd = try valueEnd(index, depth: 1)
            let key = try decodeString(index..<keyEnd)
            var colon = skipSpace(keyEnd)
            guard colon < bytes.count, bytes[colon] == UInt8(ascii: ":") else { throw problem([], "is not valid JSON near byte \(colon)") }
            colon += 1
            let valueStart = skipSpace(colon)
            let end = try valueEnd(valueStart, depth: 1)
            result.append(Member(key: key, keyStart: index, keyEnd: keyEnd, value: valueStart..<end))
            index = skipSpace(end)
            if index < bytes.count, bytes[index] == UInt8(ascii: ",") { index = skipSpace(index + 1) }
        }
        return result
    }

    /// Where the value starting at `start` ends (exclusive).
    func valueEnd(_ start: Int, depth: Int) throws(RecordError) -> Int {
        guard depth < 256 else { throw problem([], "is nested too deeply") }
        guard start < bytes.count else { throw problem([], "ends too early") }
        switch bytes[start] {
        case UInt8(ascii: "\""):
            var index = start + 1
            while index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: "\\"): index += 2
                case UInt8(ascii: "\""): return index + 1
                default: index += 1
                }
            }
            throw problem([], "has a string that never ends")
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            let close = bytes[start] == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")
            var index = skipSpace(start + 1)
            while index < bytes.count, bytes[index] != close {
                index = skipSpace(try valueEnd(index, depth: depth + 1))
                if index < bytes.count, bytes[index] == UInt8(ascii: ":") || bytes[index] == UInt8(ascii: ",") { index = skipSpace(index + 1) }
            }
            guard index < bytes.count else { throw problem([], "ends too early") }
            return index + 1
        default:
            var index = start
            while index < bytes.count, !Self.isSpace(bytes[index]), ![UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"), UInt8(ascii: ":")].contains(bytes[index]) {
                index += 1
            }
            guard index > start else { throw problem([], "is not valid JSON near byte \(start)") }
            return index
        }
    }

    func decodeString(_ range: Range<Int>) throws(RecordError) -> String {
        guard let text = try? JSONSerialization.jsonObject(with: Data(bytes[range]), options: [.fragmentsAllowed]) as? String else {
            throw problem([], "has a key that is not a valid string near byte \(range.lowerBound)")
        }
        return text
    }

    func skipSpace(_ start: Int) -> Int {
        var index = start
        while index < bytes.count, Self.isSpace(bytes[index]) { index += 1 }
        return index
    }

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "\t")
    }

    func problem(_ path: [String], _ text: String) -> RecordError {
        RecordError(file: file, path: path.joined(separator: "."), problem: text)
    }
}
