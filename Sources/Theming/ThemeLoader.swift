import Crypto
import Foundation

/// Loads themes from `<workspace>/Themes/<name>/`, resolving `extends` chains.
///
/// A child theme overrides any file of its parents by relative path (a template, a partial,
/// a string table key, an asset) and inherits every other file.
public struct ThemeLoader: Sendable {
    public let themesDirectory: URL
    /// Languages every theme chain must provide a string table for.
    public let requiredLanguages: [String]

    /// - Parameter themesDirectory: the workspace's `Themes` folder; its last path component
    ///   starts the file paths in errors (`Themes/harbour/theme.json`).
    public init(themesDirectory: URL, requiredLanguages: [String] = ["en", "fr"]) {
        self.themesDirectory = themesDirectory
        self.requiredLanguages = requiredLanguages
    }

    public func load(_ name: String) throws(ThemeError) -> Theme {
        let chain = try readChain(name)
        let child = chain[0]

        // Child-first lookup by path: the first theme of the chain holding a file wins.
        var resolved: [String: (data: Data, displayPath: String)] = [:]
        var assets: [ThemeAsset] = []
        for folder in chain {
            for (path, data) in folder.files where resolved[path] == nil {
                resolved[path] = (data, folder.displayPath(path))
                if path.hasPrefix("assets/") {
                    assets.append(ThemeAsset(path: String(path.dropFirst("assets/".count)), data: data, theme: folder.name))
                }
            }
        }
        assets.sort { $0.path < $1.path }

        let compiled = try TemplateCompiler.compile(resolved)
        let strings = try ThemeStrings.merge(chain, requiredLanguages: requiredLanguages)

        return Theme(
            name: child.name,
            displayName: child.manifest.displayName,
            description: chain.lazy.compactMap(\.manifest.description).first,
            paper: chain.lazy.compactMap(\.manifest.paper).first ?? .letter,
            chain: chain.map(\.name),
            strings: strings,
            assets: assets,
            assetURLs: Dictionary(uniqueKeysWithValues: assets.map { ($0.path, $0.fingerprintedPath) }),
            fingerprint: Self.fingerprint(chain),
            templateNames: compiled.pages,
            partialNames: compiled.partials,
            library: compiled.library,
            templatesDisplayRoot: child.displayPath("templates")
        )
    }

    /// Most-derived first; stops with an error on an unknown parent or a cycle.
    private func readChain(_ name: String) throws(ThemeError) -> [ThemeFolder] {
        var chain = [try ThemeFolder.read(name: name, in: themesDirectory, referencedFrom: nil)]
        while let parent = chain[chain.count - 1].manifest.extends {
            let current = chain[chain.count - 1]
            let manifestPath = current.displayPath("theme.json")
            if chain.contains(where: { $0.name == parent }) {
                throw ThemeError(.inheritanceCycle(chain: chain.map(\.name) + [parent]), file: manifestPath)
            }
            chain.append(try ThemeFolder.read(name: parent, in: themesDirectory, referencedFrom: manifestPath))
        }
        return chain
    }

    /// Length-prefixed so that moving bytes between a path and a file's content (or between
    /// two files) cannot produce the same hash.
    private static func fingerprint(_ chain: [ThemeFolder]) -> String {
        var hasher = SHA256()
        for folder in chain {
            for path in folder.files.keys.sorted() {
                let data = folder.files[path]!
                hasher.update(data: Data("\(folder.name)/\(path)\u{0}\(data.count)\u{0}".utf8))
                hasher.update(data: data)
            }
        }
        return hasher.finalize().hex
    }
}
