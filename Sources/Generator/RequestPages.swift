/// The pages every request has under `p/<token>/`: the payment page language-neutral, in French
/// and in English, and the same three for the receipt once it is paid.
enum RequestPages {
    /// The language folders of a page: neutral (the customer's language), then `fr/` and `en/`.
    static let languageFolders = ["", "fr/", "en/"]

    static func files(token: String, receipt: Bool) -> [String] {
        let folder = "p/\(token)/"
        var files = languageFolders.map { folder + $0 + "index.html" }
        if receipt { files += languageFolders.map { folder + "receipt/" + $0 + "index.html" } }
        return files
    }

    static func count(receipt: Bool) -> Int { languageFolders.count * (receipt ? 2 : 1) }
}
