extension String {
    /// Every occurrence of `target` replaced, comparing UTF-8 bytes (a whole UTF-8 sequence only
    /// ever matches at character boundaries). Foundation's `replacingOccurrences` goes through
    /// NSString and was a twentieth of a build; most texts have nothing to replace and are
    /// returned as they are.
    public func replacingAll(_ target: String, with replacement: String) -> String {
        var found = false
        var out: [UInt8] = []
        let pattern = Array(target.utf8)
        if let first = pattern.first {
            var text = self
            text.withUTF8 { bytes in
                var i = 0
                while i < bytes.count {
                    if bytes[i] == first, i + pattern.count <= bytes.count,
                       bytes[i..<(i + pattern.count)].elementsEqual(pattern) {
                        if !found {
                            found = true
                            out.reserveCapacity(bytes.count + replacement.utf8.count)
                            out += bytes[0..<i]
                        }
                        out += replacement.utf8
                        i += pattern.count
                    } else {
                        if found { out.append(bytes[i]) }
                        i += 1
                    }
                }
            }
        }
        return found ? String(decoding: out, as: UTF8.self) : self
    }
}
