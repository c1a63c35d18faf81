/// Turns coding paths into the `lines[2].quantity` form people read in error messages.
package enum JSONPath {
    package static func string(_ codingPath: [any CodingKey]) -> String {
        var result = ""
        for key in codingPath {
            if let index = key.intValue {
                result += "[\(index)]"
            } else {
                result += result.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return result
    }

    package static func join(_ base: String, _ key: String) -> String {
        base.isEmpty ? key : "\(base).\(key)"
    }

    package static func join(_ base: String, _ index: Int) -> String { "\(base)[\(index)]" }
}
