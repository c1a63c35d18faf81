import Foundation
import Store
import Theming

/// The themes a build uses, each loaded once: every business's own (or the override), the
/// staff theme and the gallery's preview themes; with the fingerprints a request's hash needs.
struct ThemeSources {
    private(set) var themes: [String: Theme] = [:]
    private var themeOfBusiness: [String: String] = [:]
    /// Business key → fingerprint of its settings.
    private(set) var businessPrints: [String: String] = [:]
    let staffThemeName: String
    let previewThemes: [String]

    init(businesses: Businesses, options: BuildOptions, themesDirectory: URL) throws(GeneratorError) {
        staffThemeName = options.themeOverride ?? businesses.main.theme
        previewThemes = options.previewThemes.filter { $0 != options.themeOverride }
        func load(_ name: String) throws(GeneratorError) -> Theme {
            do { return try options.themeCache.theme(name, themesDirectory: themesDirectory) } catch { throw .theme(error) }
        }
        for key in businesses.keys {
            let settings = businesses.all[key]!
            let name = options.themeOverride ?? settings.theme
            themes[name] = try load(name)
            themeOfBusiness[key] = name
            businessPrints[key] = InputHash.business(settings)
        }
        for name in [staffThemeName] + previewThemes where themes[name] == nil { themes[name] = try load(name) }
    }

    /// Theme name → fingerprint (templates, strings, assets).
    var fingerprints: [String: String] { themes.mapValues(\.fingerprint) }

    var staffTheme: Theme { themes[staffThemeName]! }

    func theme(_ name: String) throws(GeneratorError) -> Theme {
        guard let theme = themes[name] else { throw .fileSystem(path: "Themes/\(name)", reason: "theme not loaded") }
        return theme
    }

    func themeName(of businessKey: String) -> String { themeOfBusiness[businessKey] ?? staffThemeName }

    func businessPrint(_ model: RequestModel) -> String {
        businessPrints[model.businessKey] ?? InputHash.business(model.business)
    }

    /// Writes the assets of every theme used (and of the preview themes under the gallery) and
    /// the host files; returns their paths.
    func writeShared(_ writer: OutputWriter) -> [String] {
        var shared: [(String, Data)] = []
        let previews = Set(previewThemes)
        for name in themes.keys.sorted() where !previews.contains(name) || themeOfBusiness.values.contains(name) || name == staffThemeName {
            for asset in themes[name]!.assets {
                shared.append(("public/assets/\(name)/\(asset.fingerprintedPath)", asset.data))
            }
        }
        shared.append(("public/robots.txt", Data(HostFiles.robots.utf8)))
        shared.append(("public/_headers", Data(HostFiles.headersFile.utf8)))
        shared.append(("deploy/nginx.conf", Data(HostFiles.nginxSnippet.utf8)))
        for name in previewThemes {
            for asset in themes[name]!.assets {
                shared.append(("gallery/themes/\(name)/assets/\(name)/\(asset.fingerprintedPath)", asset.data))
            }
        }
        for (path, data) in shared { writer.write(data, to: path) }
        return shared.map(\.0).sorted()
    }
}
