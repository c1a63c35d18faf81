import CCmark
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns Markdown from user records (invoice notes, line descriptions) into HTML safe to
/// place in a page's single raw slot.
///
/// Safety comes in two layers:
/// 1. libcmark in its default safe mode: raw HTML becomes `<!-- raw HTML omitted -->` and
///    `javascript:`/`vbscript:`/`file:`/most `data:` URLs are blanked. `CMARK_OPT_UNSAFE` is
///    never passed.
/// 2. ``HTMLLinkPolicy`` on cmark's output: images that would load from anywhere but the
///    page's own origin are replaced by their alt text (the CSP forbids third-party origins,
///    and a remote image in a note would also leak that the customer opened the page), and
///    links whose scheme is not http, https, mailto or tel lose their `href`.
package struct MarkdownRenderer: Sendable {
    package init() {}

    /// Renders Markdown text to safe HTML.
    package func html(_ markdown: String) -> String {
        var text = markdown
        // withUTF8 hands cmark an explicit length, so an embedded NUL does not truncate the note.
        return text.withUTF8 { render($0) }
    }

    /// Renders raw bytes (e.g. a record read from disk before decoding); invalid UTF-8 is
    /// replaced by U+FFFD rather than trusted.
    package func html(utf8 bytes: [UInt8]) -> String {
        bytes.withUnsafeBufferPointer { render($0) }
    }

    private func render(_ buffer: UnsafeBufferPointer<UInt8>) -> String {
        let options = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8
        let rendered: String? = buffer.withMemoryRebound(to: CChar.self) { chars in
            // An empty String may have no storage at all; an empty note renders to nothing.
            guard let base = chars.baseAddress, chars.count > 0 else { return nil }
            guard let output = cmark_markdown_to_html(base, chars.count, options) else { return nil }
            // The buffer is malloc'ed by cmark's default allocator: ours to free.
            defer { free(output) }
            return String(decoding: UnsafeRawBufferPointer(start: output, count: strlen(output)), as: UTF8.self)
        }
        return HTMLLinkPolicy.apply(to: rendered ?? "")
    }
}
