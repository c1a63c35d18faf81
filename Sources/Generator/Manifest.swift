import Foundation
import Store

/// `Output/.manifest.json`: what the last build wrote and from which inputs, so the next one
/// skips what did not change and deletes what is gone. Outside `public/`: never deployed.
struct Manifest: Codable, Sendable, Equatable {
    struct RequestEntry: Codable, Sendable, Equatable {
        var hash: String
        var token: String
        /// Paths relative to the output folder.
        var files: [String]
    }

    var generator: String = GeneratorVersion.current
    /// Request key (reference lowercased) → its pages.
    var requests: [String: RequestEntry] = [:]
    /// Staff pages and the gallery: path → input hash.
    var pages: [String: String] = [:]
    /// Assets and host files written by the last build.
    var shared: [String] = []

    static let fileName = ".manifest.json"

    static func load(from output: URL) -> Manifest {
        guard let data = try? Data(contentsOf: output.appendingPathComponent(fileName)),
              let manifest = try? JSONDecoder().decode(Manifest.self, from: data),
              manifest.generator == GeneratorVersion.current else { return Manifest() }
        return manifest
    }

    func save(to output: URL) throws(GeneratorError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        let url = output.appendingPathComponent(Self.fileName)
        do {
            let data = try encoder.encode(self)
            try AtomicFile.writeIfChanged(data, to: url)
        } catch let error as StoreError {
            throw .fileSystem(path: url.path, reason: error.description)
        } catch {
            throw .fileSystem(path: url.path, reason: "\(error)")
        }
    }
}
