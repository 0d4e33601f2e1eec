import AWSClient
import DashboardCLI
import Foundation

// ecsdash-fuzz: the parser fuzz targets behind one binary.
//
// Built by scripts/fuzz with -sanitize=fuzzer and -DECSDASH_LIBFUZZER, it runs libFuzzer: the target comes
// from ECSDASH_FUZZ_TARGET, and ECSDASH_FUZZ_WRITE_SEEDS=DIR writes that target's seeds and dictionary (DIR/dict)
// and exits. Built as usual, it replays inputs, for reproducing a crash without the instrumented build:
//     ecsdash-fuzz TARGET FILE…     run each file through TARGET
//     ecsdash-fuzz TARGET --mutate N [SEED]   N deterministic mutations of TARGET's seeds (no coverage guidance)
//     ecsdash-fuzz TARGET --seeds DIR   write TARGET's seeds and dictionary into DIR
//     ecsdash-fuzz                  list the targets

/// Every target, AWSClient's and the dashboard's.
let fuzzTargets = AWSClientFuzzTargets.all + DashboardFuzzTargets.all

func fuzzTarget(named name: String) -> FuzzTarget? {
    fuzzTargets.first { $0.name == name }
}

/// Writes a target's seeds, one file each, and its dictionary as `dict` beside them.
func writeSeeds(of target: FuzzTarget, to directory: String) throws {
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    for (index, seed) in target.seeds().enumerated() {
        try seed.write(to: URL(fileURLWithPath: directory).appendingPathComponent("seed-\(index)"))
    }
    try Data(target.libFuzzerDictionary.utf8).write(to: URL(fileURLWithPath: directory).appendingPathComponent("dict"))
}

#if ECSDASH_LIBFUZZER

/// The target this process fuzzes, chosen once from the environment.
let selectedTarget: FuzzTarget = {
    let name = ProcessInfo.processInfo.environment["ECSDASH_FUZZ_TARGET"] ?? ""
    guard let target = fuzzTarget(named: name) else {
        FileHandle.standardError.write(Data("ECSDASH_FUZZ_TARGET must be one of: \(fuzzTargets.map(\.name).joined(separator: ", "))\n".utf8))
        exit(2)
    }
    return target
}()

/// libFuzzer's driver, for a binary that has its own `main`: SwiftPM links every executable's entry point as
/// `main`, so libFuzzer's `main` cannot be the one that runs. Declared by symbol name as it has no Swift header;
/// its pointer and integer arguments are passed the same way under Swift's and C's conventions.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32) -> Int32

/// Runs libFuzzer on the target `ECSDASH_FUZZ_TARGET` names, or writes its seeds when `ECSDASH_FUZZ_WRITE_SEEDS` is set.
@main
enum FuzzMain {
    static func main() {
        let target = selectedTarget
        if let directory = ProcessInfo.processInfo.environment["ECSDASH_FUZZ_WRITE_SEEDS"] {
            do {
                try writeSeeds(of: target, to: directory)
                exit(0)
            } catch {
                FileHandle.standardError.write(Data("cannot write seeds to \(directory): \(error)\n".utf8))
                exit(1)
            }
        }
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv) { bytes, count in
            // A copy of exactly `count` bytes, so the address sanitizer guards its end.
            let input = bytes.map { Data(bytes: $0, count: count) } ?? Data()
            if let violation = selectedTarget.run(input) {
                fatalError("\(selectedTarget.name): \(violation)")
            }
            return 0
        })
    }
}

#else

/// Replays inputs through a target, or runs the deterministic mutator, in an ordinary build.
@main
enum FuzzReplay {
    static func main() throws {
        var arguments = CommandLine.arguments.dropFirst()
        guard let name = arguments.popFirst() else {
            for target in fuzzTargets { print("\(target.name)\t\(target.summary)") }
            return
        }
        guard let target = fuzzTarget(named: name) else {
            FileHandle.standardError.write(Data("no target \(name); try: \(fuzzTargets.map(\.name).joined(separator: ", "))\n".utf8))
            exit(2)
        }
        if arguments.first == "--seeds", let directory = arguments.dropFirst().first {
            try writeSeeds(of: target, to: directory)
            return
        }
        if arguments.first == "--mutate" {
            let count = arguments.dropFirst().first.flatMap { Int($0) } ?? 10_000
            let seed = arguments.dropFirst(2).first.flatMap { UInt64($0) } ?? 1
            if let finding = target.mutationRun(iterations: count, seed: seed) {
                print("iteration \(finding.iteration): \(finding.violation)\ninput (base64): \(finding.input.base64EncodedString())")
                exit(1)
            }
            print("\(target.name): \(count) inputs, no violation")
            return
        }
        var failed = false
        for path in arguments {
            let input = try Data(contentsOf: URL(fileURLWithPath: path))
            if let violation = target.run(input) {
                print("\(path): \(violation)")
                failed = true
            } else {
                print("\(path): ok")
            }
        }
        if failed { exit(1) }
    }
}

#endif
