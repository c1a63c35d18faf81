import Foundation

/// Decodes a record file and reports every decoding failure with its file and JSON path.
public struct RecordDecoder: Sendable {
    public init() {}

    public func decode<T: Decodable>(_ type: T.Type, from data: Data, file: String) throws(RecordError) -> T {
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch let error as DecodingError {
            throw Self.recordError(error, file: file)
        } catch {
            throw RecordError(file: file, path: "", problem: "cannot be read: \(error)")
        }
    }

    public func decode<T: Decodable>(_ type: T.Type, at url: URL, file: String) throws(RecordError) -> T {
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
        case is String.Type: "a string (amounts are written as strings, e.g. \"125.00\")"
        case is Bool.Type: "true or false"
        case is Int.Type: "a whole number"
        case is [String: String].Type: "an object of strings"
        default: type is any Collection.Type ? "a list" : "an object"
        }
    }

    private static func underlyingMessage(_ context: DecodingError.Context) -> String {
        if let underlying = context.underlyingError as NSError?,
           let detail = underlying.userInfo[NSDebugDescriptionErrorKey] as? String {
            return detail
        }
        return context.debugDescription
    }
}
