import Testing
@testable import Plagiarism

@Suite struct WinnowingTests {
    /// Random symbols from a small alphabet, like normalized code.
    static func randomSymbols(_ count: Int, _ random: inout SplitMix64) -> [UInt64] {
        (0..<count).map { _ in UInt64(random.below(40)) &* 0x9e37_79b9_7f4a_7c15 }
    }

    @Test func every_shared_run_of_the_guarantee_length_shares_a_fingerprint() {
        let winnowing = Winnowing.standard
        var random = SplitMix64(seed: 42)
        for _ in 0..<300 {
            let run = Self.randomSymbols(winnowing.guaranteeThreshold, &random)
            let a = Self.randomSymbols(random.below(60), &random) + run + Self.randomSymbols(random.below(60), &random)
            let b = Self.randomSymbols(random.below(60), &random) + run + Self.randomSymbols(random.below(60), &random)
            let hashesA = Set(winnowing.fingerprints(of: NormalizedTokens(symbols: a)).map(\.hash))
            let hashesB = Set(winnowing.fingerprints(of: NormalizedTokens(symbols: b)).map(\.hash))
            #expect(!hashesA.isDisjoint(with: hashesB))
        }
    }

    @Test func winnowing_keeps_a_fraction_of_the_kgrams_in_order() {
        var random = SplitMix64(seed: 1)
        let tokens = NormalizedTokens(symbols: Self.randomSymbols(2_000, &random))
        let fingerprints = Winnowing.standard.fingerprints(of: tokens)
        let kgrams = tokens.count - Winnowing.standard.k + 1
        // Density is about 2 / (window + 1) = 0.5; well under every k-gram, well over one per window.
        #expect(fingerprints.count < kgrams * 7 / 10)
        #expect(fingerprints.count > kgrams / Winnowing.standard.window)
        #expect(zip(fingerprints, fingerprints.dropFirst()).allSatisfy { $0.position < $1.position })
        #expect(fingerprints.allSatisfy { $0.firstLine <= $0.lastLine })
    }

    @Test func fewer_tokens_than_k_give_no_fingerprints() {
        let short = NormalizedTokens(symbols: Array(repeating: 7, count: Winnowing.standard.k - 1))
        #expect(Winnowing.standard.fingerprints(of: short).isEmpty)
        let exact = NormalizedTokens(symbols: Array(repeating: 7, count: Winnowing.standard.k))
        #expect(Winnowing.standard.fingerprints(of: exact).count == 1)
    }

    @Test func starter_kgrams_are_cut_out_before_winnowing() {
        var random = SplitMix64(seed: 3)
        let starter = Self.randomSymbols(40, &random)
        let own = Self.randomSymbols(30, &random)
        let tokens = NormalizedTokens(symbols: starter + own + starter)
        let excluded = Set(Winnowing.standard.allKGrams(of: NormalizedTokens(symbols: starter)).map(\.hash))
        let fingerprints = Winnowing.standard.fingerprints(of: tokens, excluding: excluded)
        // Only k-grams entirely inside the own code remain.
        #expect(!fingerprints.isEmpty)
        #expect(fingerprints.allSatisfy { $0.position >= 40 && Int($0.position) + Winnowing.standard.k <= 70 })
    }
}
