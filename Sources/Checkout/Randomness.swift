import Synchronization
import Foundation

/// Where authorization codes and challenge ids come from. Injected so tests are deterministic.
public protocol RandomSource: Sendable {
    func next() -> UInt64
}

/// The system's cryptographically secure generator: what a running simulator uses.
public struct SystemRandomSource: RandomSource {
    public init() {}
    public func next() -> UInt64 {
        var generator = SystemRandomNumberGenerator()
        return generator.next()
    }
}

/// SplitMix64: a small, fast, seeded generator that gives the same sequence for the same seed on
/// every run and platform (the standard library's generator cannot be seeded). The project's
/// only one: demos, the benchmark's synthetic workspace and tests all draw from it.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A reproducible sequence (SplitMix64) for tests and demos. Each instance has its own state.
public final class SeededRandomSource: RandomSource, Sendable {
    private let generator: Mutex<SplitMix64>

    public init(seed: UInt64) { generator = Mutex(SplitMix64(seed: seed)) }

    public func next() -> UInt64 {
        generator.withLock { $0.next() }
    }
}

/// Adapts a `RandomSource` to the standard library's generator protocol.
public struct RandomSourceGenerator: RandomNumberGenerator {
    let source: any RandomSource
    public init(_ source: any RandomSource) { self.source = source }
    public mutating func next() -> UInt64 { source.next() }
}

enum RandomText {
    static let upperAlphanumerics = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
    static let lowerAlphanumerics = Array("abcdefghijklmnopqrstuvwxyz0123456789")

    static func string<G: RandomNumberGenerator>(_ length: Int, from alphabet: [Character], using generator: inout G) -> String {
        String((0..<length).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] })
    }
}
