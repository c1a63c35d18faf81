/// Turns coding paths into the `lines[2].quantity` form people read in error messages.
public enum JSONPath {
    public static func string(_ codingPath: [any CodingKey]) -> String {
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

    public static func join(_ base: String, _ key: String) -> String {
        base.isEmpty ? key : "\(base).\(key)"
    }

    public static func join(_ base: String, _ index: Int) -> String { "\(base)[\(index)]" }
}
