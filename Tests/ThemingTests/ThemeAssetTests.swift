import Foundation
import Testing
@testable import Theming

struct ThemeAssetTests {
    @Test func assetsAreInheritedAndOverriddenByPath() throws {
        let theme = try ThemeLoader(themesDirectory: TemporaryThemes.fixtures).load("harbour")
        #expect(theme.assets.map(\.path) == ["css/app.css", "images/logo.svg", "js/switch.js"])
        #expect(theme.assets.map(\.theme) == ["harbour", "plain", "plain"])
        let css = try #require(theme.assets.first)
        #expect(String(decoding: css.data, as: UTF8.self) == "body { color: navy; }\n")
        #expect(css.contentType == "text/css; charset=utf-8")
        // `printf 'body { color: navy; }\n' | sha256sum`, first 10 hex digits.
        #expect(css.fingerprintedPath == "css/app.b697f4074f.css")
        #expect(theme.assetURLs["css/app.css"] == css.fingerprintedPath)
        #expect(theme.assetURLs["images/logo.svg"]?.hasPrefix("images/logo.") == true)
        #expect(theme.assetURLs.count == 3)
    }

    @Test func fingerprintsAreStableAndContentDependent() throws {
        try withTemporaryThemes { themes in
            let loader = ThemeLoader(themesDirectory: themes.directory)
            let first = try loader.load("harbour")
            let again = try loader.load("harbour")
            #expect(first.assetURLs == again.assetURLs)
            #expect(first.fingerprint == again.fingerprint)
            #expect(first.fingerprint.count == 64)

            try themes.write("plain/assets/js/switch.js", "// changed\n")
            let changed = try loader.load("harbour")
            #expect(changed.assetURLs["js/switch.js"] != first.assetURLs["js/switch.js"])
            #expect(changed.assetURLs["css/app.css"] == first.assetURLs["css/app.css"])
            #expect(changed.fingerprint != first.fingerprint)

            // Even a file the child overrides is part of the chain's fingerprint.
            try themes.write("plain/assets/css/app.css", "body { color: red; }\n")
            let parentChanged = try loader.load("harbour")
            #expect(parentChanged.assetURLs == changed.assetURLs)
            #expect(parentChanged.fingerprint != changed.fingerprint)
        }
    }

    @Test(arguments: [
        ("css/app.css", "css/app.0123456789.css"),
        ("app.min.js", "app.min.0123456789.js"),
        ("fonts/v1.2/Inter", "fonts/v1.2/Inter.0123456789"),
        ("LICENSE", "LICENSE.0123456789"),
    ])
    func fingerprintedName(path: String, expected: String) {
        #expect(ThemeAsset.fingerprinted(path, digestHex: "0123456789abcdef") == expected)
    }

    @Test(arguments: [
        ("css/app.css", "text/css; charset=utf-8"),
        ("js/a.JS", "text/javascript; charset=utf-8"),
        ("images/logo.svg", "image/svg+xml"),
        ("fonts/x.woff2", "font/woff2"),
        ("README", "application/octet-stream"),
    ])
    func contentTypes(path: String, expected: String) {
        #expect(ThemeAsset.contentType(forPath: path) == expected)
    }
}
