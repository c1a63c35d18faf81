@testable import Generator
import Testing

/// A page set's key is its manifest text; the reference, the preview theme and the folder are
/// read back from it.
struct PageSetKeyTests {
    @Test("reads back what it was made from", arguments: [
        ("ro-1001", nil, "ro-1001", "public/"),
        ("ro-1001", "harbour", "ro-1001@harbour", "gallery/themes/harbour/"),
        ("a-reference-longer-than-fifteen.bytes", "atelier-nord", "a-reference-longer-than-fifteen.bytes@atelier-nord",
         "gallery/themes/atelier-nord/"),
    ] as [(String, String?, String, String)])
    func readsBack(reference: String, theme: String?, text: String, prefix: String) {
        let key = PageSetKey(reference: reference, previewTheme: theme)
        #expect(key.manifestText == text)
        #expect(key.reference == reference[...])
        #expect(key.previewTheme.map(String.init) == theme)
        #expect(key.isPreview == (theme != nil))
        #expect(key.prefix == prefix)
        #expect(PageSetKey(manifestText: text[...]) == key)
    }

    @Test func ownPagesAndPreviewsAreDifferentKeysOrderedByText() {
        let own = PageSetKey(reference: "ro-2")
        let preview = PageSetKey(reference: "ro-2", previewTheme: "harbour")
        let other = PageSetKey(reference: "ro-10")
        #expect(own != preview)
        #expect(Set([own, preview, other, PageSetKey(manifestText: "ro-2")]).count == 3)
        #expect([preview, own, other].sorted() == [other, own, preview])
    }
}
