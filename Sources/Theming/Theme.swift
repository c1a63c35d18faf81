import Foundation
import Templating

/// A loaded theme: its inheritance chain resolved, templates compiled, strings merged and
/// assets fingerprinted. Immutable and `Sendable`, so one load can serve parallel renders.
package struct Theme: Sendable {
    /// Folder name, e.g. `harbour`.
    package let name: String
    /// `name` from theme.json, e.g. `Harbour`.
    package let displayName: String
    /// `description` from the most-derived theme.json that has one.
    package let description: String?
    /// From the most-derived theme.json that sets it; `letter` when none does.
    package let paper: PaperSize
    /// Folder names, most-derived first: `["harbour", "default"]`.
    package let chain: [String]
    /// Language code (`en`, `fr`) → key → text, merged child over parent.
    package let strings: [String: [String: String]]
    /// Every asset, sorted by path, after overrides.
    package let assets: [ThemeAsset]
    /// Original asset path → fingerprinted path (`css/app.css` → `css/app.0123456789.css`).
    package let assetURLs: [String: String]

    /// A theme asset's root-relative address on the site (`/assets/<theme>/<fingerprinted path>`).
    package func assetAddress(_ path: String) -> String { "/assets/\(name)/\(assetURLs[path] ?? path)" }
    /// SHA-256 (hex) over every file of every theme in the chain, overridden ones included:
    /// when it changes, every page rendered with the theme must be rewritten.
    package let fingerprint: String
    /// Names of page templates (`payment`, `staff/list`) and of partials (`header`).
    package let templateNames: Set<String>
    package let partialNames: Set<String>

    let library: TemplateLibrary
    /// `Themes/<name>/templates` for error messages.
    let templatesDisplayRoot: String

    /// Renders a page template (or a partial) with HTML escaping: `{{x}}` is escaped
    /// (`& < > " '`), only `{{{x}}}` and `{{& x}}` are raw — reserve those for HTML the
    /// caller made safe, such as ``MarkdownRenderer`` output.
    ///
    /// The context answers names through ``TemplateObject/field(_:)``: precompute everything
    /// (formatted money and dates, hrefs, flags). Only `Bool` is a condition (empty text is
    /// true); a nil optional renders nothing and lets the name be looked up in the enclosing
    /// objects; a list renders a section once per element and `{{^list}}` when empty. A name
    /// with a dot always means nesting (`{{t.pay_title}}`), so table keys must not hold one.
    /// A missing name renders nothing, silently: test templates against real contexts.
    package func render(_ template: String, _ context: some TemplateObject) throws(ThemeError) -> String {
        String(decoding: try renderUTF8(template, context), as: UTF8.self)
    }

    /// The page as UTF-8 bytes, ready to be written.
    package func renderUTF8(_ template: String, _ context: some TemplateObject) throws(ThemeError) -> [UInt8] {
        let output: [UInt8]?
        do {
            output = try library.renderUTF8(template, context)
        } catch {
            throw ThemeError(.partialsTooDeep(partial: error.partial), file: file(template))
        }
        guard let output else { throw ThemeError(.templateNotFound(name: template), file: file(template)) }
        return output
    }

    private func file(_ template: String) -> String { "\(templatesDisplayRoot)/\(template).mustache" }

    /// The string table for a language, or nil when the theme has none.
    package func strings(for language: String) -> [String: String]? { strings[language] }
}
