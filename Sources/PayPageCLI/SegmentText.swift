import Messaging

enum SegmentText {
    /// "1 SMS segment, GSM-7, 142 characters".
    static func describe(_ count: SegmentCount) -> String {
        let encoding = count.encoding == .gsm7 ? "GSM-7" : "UCS-2"
        return "\(count.segments) SMS segment\(count.segments == 1 ? "" : "s"), \(encoding), \(count.units) characters"
    }
}
