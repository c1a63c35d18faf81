import Billing
import Foundation
import Store

/// Bumped whenever the generator's output changes for the same inputs: every page is rebuilt.
public enum GeneratorVersion {
    public static let current = "paypage-generator-1"
}

/// A 64-bit FNV-1a accumulator over text fields, each terminated so fields cannot run together.
struct InputHasher {
    private var hash: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ text: String) {
        hash = ContentHash.fnv1a(text, seed: hash)
        hash = ContentHash.fnv1a("\u{1F}", seed: hash)
    }

    mutating func add(_ number: UInt64) { add(String(number, radix: 16)) }

    mutating func add(bytes: [UInt8]) {
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        hash = ContentHash.fnv1a("\u{1F}", seed: hash)
    }

    var value: UInt64 { hash }
}

enum InputHash {
    /// Everything a request's pages depend on: record bytes, ledger events, token, business
    /// settings, theme and generator version.
    static func request(_ model: RequestModel, businessFingerprint: String, themeFingerprint: String) -> UInt64 {
        var hasher = InputHasher()
        hasher.add(GeneratorVersion.current)
        hasher.add(themeFingerprint)
        hasher.add(businessFingerprint)
        hasher.add(model.reference.value)
        hasher.add(model.token)
        hasher.add(model.recordHash)
        // The ledger is append-only: an event never changes once written, so its sequence number
        // and time identify it (encoding every event to JSON here cost more than rendering).
        for entry in model.entries {
            hasher.add("\(entry.sequence)|\(Int64((entry.at.timeIntervalSince1970 * 1000).rounded(.down)))")
        }
        if model.recordHash == 0 {
            // Rendered from the snapshot: it is inside the paid event, already hashed.
            hasher.add("snapshot")
        }
        return hasher.value
    }

    /// The settings that show on pages, in a fixed order (not `hashValue`, which changes per process).
    static func business(_ b: BusinessSettings) -> String {
        var hasher = InputHasher()
        hasher.add(b.companyName)
        hasher.add(b.phone.e164)
        hasher.add(b.email ?? "")
        hasher.add(b.website ?? "")
        hasher.add("\(b.address.street)|\(b.address.city)|\(b.address.province)|\(b.address.postalCode)")
        for tax in b.taxes {
            hasher.add("\(tax.code)|\(tax.nameFR)|\(tax.nameEN)|\(tax.percent)|\(tax.registrationNumber ?? "")")
        }
        hasher.add(b.currency.code)
        hasher.add(b.defaultLanguage.rawValue)
        hasher.add(b.timeZone.identifier)
        hasher.add(b.baseURL)
        hasher.add("\(b.affirm.enabled)|\(b.affirm.minimum)|\(b.affirm.maximum)")
        hasher.add(b.theme)
        hasher.add("\(b.bilingualReceipts)")
        return String(hasher.value, radix: 16)
    }
}
