@testable import PreviewServer
import Testing

/// The part header the import form's parts are named by: strict, quoted strings with escapes.
struct FormDataDispositionTests {
    @Test(arguments: [
        (#"form-data; name="file"; filename="ro; export=1.csv""#, "file", "ro; export=1.csv"),
        (#"form-data; name="csrf""#, "csrf", nil),
        (#"Form-Data;name=prefix"#, "prefix", nil),
        (#"form-data; name="a\"b"; filename="""#, #"a"b"#, ""),
    ] as [(String, String, String?)])
    func accepted(_ header: String, _ name: String, _ fileName: String?) {
        let disposition = FormDataDisposition(header)
        #expect(disposition?.name == name)
        #expect(disposition?.fileName == fileName)
    }

    @Test(arguments: [
        "attachment; name=\"file\"", "form-data", "form-data; filename=\"a.csv\"", "form-data; name=\"\"",
        "form-data; name=\"file", "form-data; name=\"a\"; name=\"b\"", "form-data name=\"a\"", "form-data; name",
    ])
    func refused(_ header: String) {
        #expect(FormDataDisposition(header) == nil)
    }
}
