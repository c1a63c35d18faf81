@testable import Generator
import PropertyBased
import Store
import Testing

/// The manifest packs request tokens; whatever it packs must come back exactly.
struct CompactTokenTests {
    /// A token's 128 bits, as two draws.
    struct Draws: RandomNumberGenerator {
        var values: [UInt64]
        mutating func next() -> UInt64 { values.removeFirst() }
    }

    @Test func issuedTokensArePackedAndComeBack() async {
        await propertyCheck(count: 500, input: Gen<UInt64>.value(), Gen<UInt64>.value()) { first, second in
            var draws = Draws(values: [first, second])
            let token = RequestToken.random(using: &draws).value
            let compact = CompactToken(token)
            guard case .packed = compact else {
                Issue.record("\(token) was not packed")
                return
            }
            #expect(compact.string == token)
        }
    }

    @Test(arguments: ["AAAAAAAAAAAAAAAAAAAAAA", "______________________", "AbCdEfGhIjKlMnOpQrStUv", "-0qjyGh1M_ak-lXsFRYW0Q"])
    func edgeAlphabetTokensComeBack(token: String) {
        #expect(CompactToken(token) != .text(token))
        #expect(CompactToken(token).string == token)
    }

    /// Not the ledger's shape: kept as it is rather than refused or mangled.
    @Test(arguments: ["tok1", "", "AbCdEfGhIjKlMnOpQrStU", "AbCdEfGhIjKlMnOpQrStUvW", "AbCdEfGhIjKlMnOpQrSt=v", "AbCdEfGhIjKlMnOpQrStUé"])
    func otherTextIsKeptAsText(token: String) {
        #expect(CompactToken(token) == .text(token))
        #expect(CompactToken(token).string == token)
    }

    @Test func manifestEntriesCompareByToken() {
        let a = Manifest.RequestEntry(hash: 1, token: "AbCdEfGhIjKlMnOpQrStUv", receipt: true)
        #expect(a == Manifest.RequestEntry(hash: 1, token: "AbCdEfGhIjKlMnOpQrStUv", receipt: true))
        #expect(a != Manifest.RequestEntry(hash: 1, token: "AbCdEfGhIjKlMnOpQrStUw", receipt: true))
        #expect(a.token == "AbCdEfGhIjKlMnOpQrStUv")
    }
}
