import Foundation

/// Changes a few values of a JSON object document in place, for record files people also edit
/// by hand: only the bytes of the values it sets (or the members it removes) change; every other
/// key, value, its order, spacing and spelling stay byte for byte. A missing member is added after
/// its object's last member, indented like its siblings.
package struct JSONObjectEditor: Sendable {
    /// The document as it is now.
    package private(set) var bytes: [UInt8]
    /// Relative to the workspace: where problems are said to be.
    let file: String

    package init(_ data: Data, file: String) throws(RecordError) {
        bytes = [UInt8](data)
        self.file = file
        _ = try root()
    }

    package var data: Data { Data(bytes) }

    /// Sets the member at `path` (keys from the root object) to `literal`, a JSON value written
    /// as it must appear (`true`, `3`, `"75.00"`: see `JSONObjectEditor.string`).
    package mutating func set(_ path: [String], literal: String) throws(RecordError) {
        guard let last = path.last else { return }
        var object = try root()
        for (depth, key) in path.dropLast().enumerated() {
            guard let member = try members(object).last(where: { $0.key == key }) else {
                let nested = nestedLiteral(Array(path[(depth + 1)...]), leaf: literal, indent: memberIndent(object))
                return insert(key, literal: nested, into: object)
            }
            guard bytes[member.value.lowerBound] == UInt8(ascii: "{") else {
                throw problem(Array(path.prefix(depth + 1)), "must be an object")
            }
            object = member.value
        }
        if let member = try members(object).last(where: { $0.key == last }) {
            bytes.replaceSubrange(member.value, with: Array(literal.utf8))
        } else {
            insert(last, literal: literal, into: object)
        }
    }

    /// Removes the member at `path` with its comma; nothing when it is not there.
    package mutating func remove(_ path: [String]) throws(RecordError) {
        guard let last = path.last else { return }
        var object = try root()
        for key in path.dropLast() {
            guard let member = try members(object).last(where: { $0.key == key }),
                  bytes[member.value.lowerBound] == UInt8(ascii: "{") else { return }
            object = member.value
        }
        let all = try members(object)
        guard let index = all.lastIndex(where: { $0.key == last }) else { return }
        let member = all[index]
        if index > 0 {
            bytes.removeSubrange(all[index - 1].value.upperBound..<member.value.upperBound)
        } else if all.count > 1 {
            bytes.removeSubrange(member.keyStart..<all[1].keyStart)
        } else {
            bytes.removeSubrange((object.lowerBound + 1)..<(object.upperBound - 1))
        }
    }

    /// A JSON string literal of `text`, quotes included.
    package static func string(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    // MARK: Inserting

    private mutating func insert(_ key: String, literal: String, into object: Range<Int>) {
        let all = (try? members(object)) ?? []
        let member = Self.string(key) + separator(all) + literal
        if let last = all.last {
            bytes.insert(contentsOf: Array(("," + whitespace(before: last.keyStart) + member).utf8), at: last.value.upperBound)
        } else {
            let unit = indentUnit()
            let inner = unit.isEmpty ? member : "\n" + lineIndent(of: object.lowerBound) + unit + member + "\n" + lineIndent(of: object.lowerBound)
            bytes.replaceSubrange((object.lowerBound + 1)..<(object.upperBound - 1), with: Array(inner.utf8))
        }
    }

    /// `{ "a": { "b": leaf } }` for a path below a missing member, indented from `indent`.
    private func nestedLiteral(_ path: [String], leaf: String, indent: String) -> String {
        guard let first = path.first else { return leaf }
        let unit = indentUnit()
        let inner = Self.string(first) + (unit.isEmpty ? ":" : ": ") + nestedLiteral(Array(path.dropFirst()), leaf: leaf, indent: indent + unit)
        return unit.isEmpty ? "{" + inner + "}" : "{\n" + indent + unit + inner + "\n" + indent + "}"
    }

    /// What the file puts between a key and its value (`: ` or `:`), from a sibling when there is one.
    private func separator(_ siblings: [Member]) -> String {
        guard let sibling = siblings.last ?? (try? members(root()))?.first else { return ": " }
        return String(decoding: bytes[sibling.keyEnd..<sibling.value.lowerBound], as: UTF8.self)
    }

    /// The whitespace just before `index` (back to the previous comma or brace).
    private func whitespace(before index: Int) -> String {
        var start = index
        while start > 0, Self.isSpace(bytes[start - 1]) { start -= 1 }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    /// The indentation of members of `object`: its line's indentation plus one unit.
    private func memberIndent(_ object: Range<Int>) -> String {
        if let first = (try? members(object))?.first {
            let lead = whitespace(before: first.keyStart)
            return String(lead.drop { $0 == "\n" || $0 == "\r" })
        }
        return lineIndent(of: object.lowerBound) + indentUnit()
    }

    /// The spaces or tabs at the start of the line holding `index`.
    private func lineIndent(of index: Int) -> String {
        var start = index
        while start > 0, bytes[start - 1] != UInt8(ascii: "\n") { start -= 1 }
        var end = start
        while end < index, bytes[end] == UInt8(ascii: " ") || bytes[end] == UInt8(ascii: "\t") { end += 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// One level of indentation as the file writes it (the root's first member's); empty when the
    /// file is on one line.
    private func indentUnit() -> String {
        guard let object = try? root(), let first = (try? members(object))?.first else { return "  " }
        let lead = whitespace(before: first.keyStart)
        guard lead.contains("\n") else { return "" }
        return String(lead.drop { $0 == "\n" || $0 == "\r" })
    }
}
