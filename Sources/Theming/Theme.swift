import Foundation
import Mustache

/// A loaded theme: its inheritance chain resolved, templates compiled, strings merged and
/// assets fingerprinted. Immutable and `Sendable`, so one load can serve parallel renders.
public struct Theme: Sendable {
    /// Folder name, e.g. `harbour`.
    public let name: String
    /// `name` from theme.json, e.g. `Harbour`.
    public let displayName: String
    /// `description` from the most-derived theme.json that has one.
    public let description: String?
    /// From the most-derived theme.json that sets it; `letter` when none does.
    public let paper: PaperSize
    /// Folder names, most-derived first: `["harbour", "default"]`.
    public let chain: [String]
    /// Language code (`en`, `fr`) → key → text, merged child over parent.
    public let strings: [String: [String: String]]
    /// Every asset, sorted by path, after overrides.
    public let assets: [ThemeAsset]
    /// Original asset path → fingerprinted path (`css/app.css` → `css/app.0123456789.css`).
    public let assetURLs: [String: String]
    /// SHA-256 (hex) over every file of every theme in the chain, overridden ones included:
    /// when it changes, every page rendered with the theme must be rewritten.
    public let fingerprint: String
    /// Names of page templates (`payment`, `staff/list`) and of partials (`header`).
    public let templateNames: Set<String>
    public let partialNames: Set<String>

    let library: MustacheLibrary
    /// Same output as `library`, faster; nil when a template uses what it leaves to swift-mustache.
    let engine: CompiledTemplates?
    /// `Themes/<name>/templates` for error messages.
    let templatesDisplayRoot: String

    /// Renders a page template (or a partial) with HTML escaping: `{{x}}` is escaped
    /// (`& < > " '`), only `{{{x}}}` and `{{& x}}` are raw — reserve those for HTML the
    /// caller made safe, such as ``MarkdownRenderer`` output.
    ///
    /// What the context may contain (swift-mustache resolves names by reflection):
    /// - **Structs and classes**: stored properties by name, through `Mirror`. Computed
    ///   properties are invisible (Mirror only lists stored ones): precompute them.
    ///   Nested structs work with dotted names (`{{customer.name}}`) and with sections
    ///   (`{{#customer}}{{name}}{{/customer}}`); names not found in the current object are
    ///   looked up in the enclosing ones.
    /// - **`[String: Any]` dictionaries**: by key (they conform to `MustacheParent`).
    ///   A key containing a dot (a string-table key like `pay.button`) cannot be reached:
    ///   the dot always means nesting. Expose strings under dot-free names.
    /// - **Arrays**: a section repeats per element; an empty array renders the inverted
    ///   section `{{^items}}`. Inside, `{{.}}` is the element; `{{#first()}}`, `{{#last()}}`
    ///   and `{{index()}}` are available (swift-mustache transforms).
    /// - **Optionals**: `nil` renders nothing and is false for sections; a non-nil value is
    ///   unwrapped for `{{x}}` and entered for `{{#x}}`.
    /// - **Bool**: only `Bool` is a condition; `0` and `""` are *true* for a section.
    /// - **Other values** print with `String(describing:)`: an enum prints its case name, not
    ///   its raw value, and `Decimal`/`Double` print unformatted. Pass preformatted strings.
    /// - A missing name renders nothing, silently: test templates against real contexts.
    public func render(_ template: String, _ context: Any) throws(ThemeError) -> String {
        if let output = engine?.render(template, context) { return output }
        return try renderWithSwiftMustache(template, context)
    }

    /// The page as UTF-8 bytes, ready to be written: the engine's output as is, without
    /// decoding it into a String and encoding it back (a few percent of a build).
    public func renderUTF8(_ template: String, _ context: Any) throws(ThemeError) -> [UInt8] {
        if let output = engine?.renderUTF8(template, context) { return output }
        return Array(try renderWithSwiftMustache(template, context).utf8)
    }

    /// The reference rendering (and the fallback): differential tests compare both.
    func renderWithSwiftMustache(_ template: String, _ context: Any) throws(ThemeError) -> String {
        guard let output = library.render(context, withTemplate: template) else {
            throw ThemeError(.templateNotFound(name: template), file: "\(templatesDisplayRoot)/\(template).mustache")
        }
        return output
    }

    /// The string table for a language, or nil when the theme has none.
    public func strings(for language: String) -> [String: String]? { strings[language] }
}
