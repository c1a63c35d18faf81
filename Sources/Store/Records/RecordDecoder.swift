import Foundation

/// Decodes a record file and reports every decoding failure with its file and JSON path.
package struct RecordDecoder: Sendable {
    package init() {}

    package func decode<T: Decodable>(_ type: T.Type, from data: Data, file: String) throws(RecordError) -> T {
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch let error as DecodingError {
            if case .dataCorrupted(let context) = error, context.codingPath.isEmpty {
                throw RecordError(file: file, path: "", problem: "is not valid JSON (\(Self.syntaxProblem(data)))")
            }
            throw Self.recordError(error, file: file)
        } catch {
            throw RecordError(file: file, path: "", problem: "cannot be read: \(error)")
        }
    }

    package func decode<T: Decodable>(_ type: T.Type, at url: URL, file: String) throws(RecordError) -> T {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw RecordError(file: file, path: "", problem: "cannot be read (\(FileManager.default.fileExists(atPath: url.path) ? "permission or I/O error" : "file not found"))")
        }
        return try decode(type, from: data, file: file)
    }

    static func recordError(_ error: DecodingError, file: String) -> RecordError {
        switch error {
        case let .keyNotFound(key, context):
            return RecordError(file: file, path: JSONPath.string(context.codingPath + [key]), problem: "is required")
        case let .typeMismatch(type, context):
            return RecordError(file: file, path: JSONPath.string(context.codingPath), problem: "must be \(describe(type))")
        case let .valueNotFound(type, context):
            return RecordError(file: file, path: JSONPath.string(context.codingPath), problem: "must be \(describe(type)), not null")
        case let .dataCorrupted(context):
            if context.codingPath.isEmpty {
                return RecordError(file: file, path: "", problem: "is not valid JSON (\(underlyingMessage(context)))")
            }
            return RecordError(file: file, path: JSONPath.string(context.codingPath), problem: context.debugDescription)
        @unknown default:
            return RecordError(file: file, path: "", problem: "cannot be decoded")
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string (amounts too, e.g. \"125.00\")"
        case is Bool.Type: "true or false"
        case is Int.Type: "a whole number"
        case is [String: String].Type: "an object of strings"
        default: String(describing: type).hasPrefix("Array") ? "a list" : "an object"
        }
    }

    private static func underlyingMessage(_ context: DecodingError.Context) -> String { context.debugDescription }

    /// JSONDecoder on Linux does not say where the syntax breaks; JSONSerialization gives a
    /// character offset, which people read better as line and column.
    package static func syntaxProblem(_ data: Data) -> String {
        do {
            _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
            return "unexpected structure"
        } catch {
            let detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "syntax error"
            guard let range = detail.range(of: "around character "),
                  let offset = Int(detail[range.upperBound...].prefix { $0.isNumber }) else { return detail }
            var line = 1, column = 1
            for (index, byte) in data.enumerated() where index < offset {
                if byte == UInt8(ascii: "\n") { line += 1; column = 1 } else { column += 1 }
            }
            let what = detail[..<range.lowerBound].trimmingCharacters(in: .whitespaces)
            return "\(what.isEmpty ? "syntax error" : what) at line \(line), column \(column)"
        }
    }
}
