import Foundation

/// One parser or decoder that reads outside input, as a fuzzer drives it: bytes in, a broken invariant out.
///
/// Crashes are the fuzzer's to find; `run` also returns a description when the input breaks a property the
/// parser promises (an error located outside the text, a cached decode that differs from a plain one), which the
/// libFuzzer driver turns into a crash and the tests into a failure.
package struct FuzzTarget: Sendable {
    package let name: String
    /// What it reads, for listings.
    package let summary: String
    /// Inputs to start from: real fixtures and a few hand-made ones.
    package let seeds: @Sendable () -> [Data]
    /// Tokens a mutation may insert, as in a libFuzzer dictionary; bytes, since some are not UTF-8 on purpose.
    package let dictionary: [[UInt8]]
    /// Nil when every property held.
    package let run: @Sendable (Data) -> String?

    package init(name: String, summary: String, seeds: @escaping @Sendable () -> [Data], dictionary: [[UInt8]],
                 run: @escaping @Sendable (Data) -> String?) {
        self.name = name
        self.summary = summary
        self.seeds = seeds
        self.dictionary = dictionary
        self.run = run
    }

    /// What a run of the deterministic mutator found: the first input that broke a property.
    package struct Finding: Sendable {
        package let iteration: Int
        package let input: Data
        package let violation: String
    }

    /// Runs every seed, then `iterations` inputs mutated from them with `FuzzMutator(seed:)`; the first finding, if
    /// any. The same seed gives the same inputs, so a finding is reproduced by running again.
    package func mutationRun(iterations: Int, seed: UInt64, maxLength: Int = 8_192) -> Finding? {
        let seeds = self.seeds().map { [UInt8]($0) }
        for (index, input) in seeds.enumerated() {
            if let violation = run(Data(input)) { return Finding(iteration: -1 - index, input: Data(input), violation: violation) }
        }
        var mutator = FuzzMutator(seed: seed)
        var recent = seeds.isEmpty ? [[]] : seeds
        for iteration in 0..<iterations {
            // Mostly from a seed, sometimes from an earlier mutant, so changes can pile up.
            let base = mutator.below(4) == 0 ? recent[mutator.below(recent.count)] : (seeds.isEmpty ? [] : seeds[mutator.below(seeds.count)])
            let input = mutator.mutate(base, corpus: seeds, dictionary: dictionary, maxLength: maxLength)
            if let violation = run(Data(input)) { return Finding(iteration: iteration, input: Data(input), violation: violation) }
            if recent.count < 64 { recent.append(input) } else { recent[mutator.below(64)] = input }
        }
        return nil
    }

    /// The dictionary in libFuzzer's `-dict` format: one quoted token a line, bytes outside printable ASCII as `\xNN`.
    package var libFuzzerDictionary: String {
        dictionary.map { token in
            "\"" + token.map { byte in
                byte >= 0x20 && byte < 0x7F && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\")
                    ? String(UnicodeScalar(byte)) : "\\x" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
            }.joined() + "\""
        }.joined(separator: "\n") + "\n"
    }

    /// Dictionary tokens from text.
    package static func tokens(_ texts: [String], bytes: [[UInt8]] = []) -> [[UInt8]] {
        texts.map { Array($0.utf8) } + bytes
    }
}
