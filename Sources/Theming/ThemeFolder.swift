import Foundation

/// One theme folder as found on disk, every file read once (templates, strings, assets and
/// the manifest are all small; reading once also makes the fingerprint match what was used).
struct ThemeFolder: Sendable {
    let name: String
    let manifest: ThemeManifest
    /// Relative path inside the theme folder (`templates/payment.mustache`) → bytes.
    let files: [String: Data]

    /// `Themes/<name>` — how errors name files, relative to the workspace.
    let displayRoot: String

    func displayPath(_ relativePath: String) -> String { "\(displayRoot)/\(relativePath)" }

    static func read(name: String, in themesDirectory: URL, referencedFrom: String?) throws(ThemeError) -> ThemeFolder {
        let displayRoot = "\(themesDirectory.lastPathComponent)/\(name)"
        guard isValidName(name) else {
            throw ThemeError(.invalidThemeName(name: name), file: referencedFrom ?? displayRoot)
        }
        let root = themesDirectory.appendingPathComponent(name, isDirectory: true)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            if let referencedFrom {
                throw ThemeError(.unknownParent(parent: name), file: referencedFrom)
            }
            throw ThemeError(.themeNotFound(name: name), file: displayRoot)
        }
        let files = try readFiles(under: root, displayRoot: displayRoot)
        let manifestPath = "\(displayRoot)/theme.json"
        guard let manifestData = files["theme.json"] else {
            throw ThemeError(.invalidManifest(problem: "missing theme.json"), file: manifestPath)
        }
        let manifest = try ThemeManifest.parse(manifestData, file: manifestPath)
        return ThemeFolder(name: name, manifest: manifest, files: files, displayRoot: displayRoot)
    }

    /// A theme name is one path component, so `extends` cannot reach outside `Themes/`.
    static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && !name.hasPrefix(".")
            && name.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || "-_.".unicodeScalars.contains($0) }
    }

    private static func readFiles(under root: URL, displayRoot: String) throws(ThemeError) -> [String: Data] {
        let manager = FileManager.default
        guard let enumerator = manager.enumerator(atPath: root.path) else {
            throw ThemeError(.unreadableFile(problem: "cannot list the theme folder"), file: displayRoot)
        }
        var files: [String: Data] = [:]
        while let relative = enumerator.nextObject() as? String {
            // Editor and OS droppings (.DS_Store, .swp, .git) are not part of a theme.
            if relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
            let url = root.appendingPathComponent(relative)
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            guard let data = manager.contents(atPath: url.path) else {
                throw ThemeError(.unreadableFile(problem: "cannot read file"), file: "\(displayRoot)/\(relative)")
            }
            files[relative] = data
        }
        return files
    }
}
