/// The request keys (lowercased file stems) of the record files, sorted, for the build's
/// "has this request a record file" and "is this reference used twice" questions: 16 bytes a
/// request, where a dictionary of every key to its file name cost about 50.
struct RecordKeys {
    private let keys: [String]
    /// Keys more than one file maps to (names that differ only in case).
    let duplicated: Set<String>

    /// `fileNames` end in `.json`.
    init(fileNames: [String]) {
        keys = fileNames.map { Self.key(fileName: $0) }.sorted()
        var duplicated = Set<String>()
        for i in keys.indices.dropFirst() where keys[i] == keys[i - 1] { duplicated.insert(keys[i]) }
        self.duplicated = duplicated
    }

    static func key(fileName: String) -> String { String(fileName.dropLast(5)).lowercased() }

    func contains(_ key: String) -> Bool {
        var low = 0, high = keys.count
        while low < high {
            let middle = (low + high) / 2
            if keys[middle] < key { low = middle + 1 } else { high = middle }
        }
        return low < keys.count && keys[low] == key
    }
}
