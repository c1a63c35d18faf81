import Foundation
import Testing
@testable import PreviewServer

@Suite struct StaticPathTests {
    /// Every one of these must be refused, or stay a literal name inside the root.
    static let traversals: [String] = [
        "/../secret.txt", "/..%2fsecret.txt", "/%2e%2e/secret.txt", "/%2E%2E%2Fsecret.txt",
        "/%252e%252e/secret.txt", "/..\\secret.txt", "/..%5csecret.txt", "/%5c..%5csecret.txt",
        "/index.html%00.png", "/%00", "/%c0%ae%c0%ae/secret.txt", "/%2e%2e%2f%2e%2e%2fetc/passwd",
        "////etc/passwd", "/./../secret.txt", "/%2e./secret.txt", "/.%2e/secret.txt",
        "/\u{2025}/secret.txt", "/%E2%80%A5/secret.txt", "/%EF%BC%8E%EF%BC%8E/secret.txt", "/%c0%af",
        "/%e0%80%ae%e0%80%ae/secret.txt", "/a/../../secret.txt", "/a/%2e%2e/%2e%2e/secret.txt", "/%2",
        "/%zz", "/%", "/..;/secret.txt", "/....", "/C:/Windows/win.ini", "/C:%5cWindows",
        "/file:///etc/passwd", "/%0d%0aSet-Cookie:x=1", "/%0a", "/%7f", "/%c2%85", "/%e2%80%ae",
        "/.git/config", "/.env", "/staff/../secret.txt", "/p/%2e%2e/%2e%2e/secret.txt",
        "/%%32%65%%32%65/secret.txt", "/..%252f..%252fsecret.txt", "secret.txt", "/%ff",
        "/..%u2216secret.txt", "/%2e%2e%5csecret.txt", "/gallery/%2e%2e/secret.txt", "/..%c0%afsecret.txt",
        "/docs/..", "/docs/.", "/%2e", "/\u{FF0E}\u{FF0E}/secret.txt", "/\u{FE52}\u{FE52}/secret.txt",
        "/" + String(repeating: "a/", count: 1100), "/" + String(repeating: "b", count: 300),
    ]

    @Test(arguments: traversals)
    func traversalIsRefusedOrLiteral(raw: String) {
        guard let path = StaticPath(rawPath: raw) else { return }
        for segment in path.segments {
            #expect(!segment.hasPrefix("."))
            #expect(!segment.contains("/") && !segment.contains("\\") && !segment.contains("\0"))
        }
    }

    @Test func traversalTableIsLargeEnough() {
        #expect(Self.traversals.count >= 40)
    }

    @Test(arguments: [
        ("/", [String](), true),
        ("/index.html", ["index.html"], false),
        ("/p/abc/", ["p", "abc"], true),
        ("/p/abc", ["p", "abc"], false),
        ("/caf%C3%A9.txt", ["café.txt"], false),
        ("/a%20b/", ["a b"], true),
        ("/%252e%252e/", ["%2e%2e"], true),  // decoded once: a literal name
        ("/app.0123456789.css", ["app.0123456789.css"], false),
    ])
    func acceptedPaths(raw: String, segments: [String], trailing: Bool) {
        #expect(StaticPath(rawPath: raw) == StaticPath(segments: segments, hasTrailingSlash: trailing))
    }

    @Test(arguments: [
        (StaticPath(segments: ["p", "abc"], hasTrailingSlash: true), "/p/abc/"),
        (StaticPath(segments: ["evil.com"], hasTrailingSlash: true), "/evil.com/"),
        (StaticPath(segments: ["a b", "c?d#e"], hasTrailingSlash: false), "/a%20b/c%3Fd%23e"),
        (StaticPath(segments: [], hasTrailingSlash: true), "/"),
    ])
    func encodedPathIsSafeForLocation(path: StaticPath, expected: String) {
        #expect(path.encodedPath == expected)
    }

    @Test func symlinkLeavingRootIsRefused() async throws {
        try await TempSite.with { site in
            let resolver = FileResolver(root: site.output.appendingPathComponent("public"))
            #expect(resolver.resolve(["leak.txt"]) == nil)
            #expect(resolver.resolve(["outside", "secret.txt"]) == nil)
            #expect(resolver.resolve(["outside"]) == nil)
            #expect(resolver.resolve(["missing.txt"]) == nil)
            guard case .file(let inside)? = resolver.resolve(["inside.css"]) else {
                Issue.record("symlink inside the root should resolve")
                return
            }
            #expect(inside.hasSuffix("/public/style.css"))
            #expect(resolver.resolve(["docs"]).map { if case .directory = $0 { true } else { false } } == true)
        }
    }
}
